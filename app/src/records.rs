//! The record the person acts on now ("current record"), as in mynexuzhealth: their own by
//! default, or one of the records they may read for someone else (a child's), chosen from the
//! menu under their name. Every record page loads the current record's endpoints; the server
//! decides every request again, so choosing a record here grants nothing.
//!
//! The choice is remembered for the browser tab (sessionStorage), so a reload keeps it. When the
//! remembered record is no longer among the person's records (a link ended), the app falls back
//! to their own record and says so.

use inzage_domain::wire::{AccountKind, LinkedRecord, Me};
use leptos::prelude::*;

use crate::api::{self, ApiFailure};
use crate::pages::no_record;

/// The record pages show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    /// The record's id, for the record-scoped endpoints.
    pub record: String,
    /// The patient's name.
    pub name: String,
    /// Whether it is the logged-in person's own record.
    pub own: bool,
}

impl Current {
    fn of(linked: &LinkedRecord) -> Self {
        Self {
            record: linked.record.clone(),
            name: linked.name.clone(),
            own: linked.own,
        }
    }
}

/// The current record and the records the person may choose from, shared by every page.
#[derive(Clone, Copy)]
pub struct Records {
    /// `None` while not known yet; an error for an account without records (a care provider,
    /// hospital staff).
    current: RwSignal<Option<Result<Current, ApiFailure>>>,
    /// The same, changing only when the value does, for pages to load from.
    memo: Memo<Option<Result<Current, ApiFailure>>>,
    /// The person's records, their own first (`GET /records`).
    pub list: RwSignal<Vec<LinkedRecord>>,
    /// The name of a remembered record that can no longer be read, for the notice.
    pub gone: RwSignal<Option<String>>,
    /// The own record the list was loaded for, so a new login loads it again.
    loaded_for: RwSignal<Option<String>>,
}

/// Where the tab remembers the current record: `<own record> <record> <name>`.
const STORAGE_KEY: &str = "inzage.record";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The record remembered for `owner` in this tab, with its name.
fn remembered(owner: &str) -> Option<(String, String)> {
    let value = session_storage()?.get_item(STORAGE_KEY).ok()??;
    let mut parts = value.splitn(3, ' ');
    if parts.next()? != owner {
        return None;
    }
    let record = parts.next()?.to_owned();
    let name = parts.next().unwrap_or_default().to_owned();
    Some((record, name))
}

fn remember(owner: &str, current: &Current) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(
            STORAGE_KEY,
            &format!("{owner} {} {}", current.record, current.name),
        );
    }
}

/// Forgets the tab's current record (at logout).
pub fn forget() {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

impl Records {
    /// The context, following who is logged in: a patient's records are loaded when they log in
    /// (or the page is opened with a session), and forgotten when they log out.
    pub fn new(me: RwSignal<Option<Me>>) -> Self {
        let current = RwSignal::new(None);
        let records = Self {
            current,
            memo: Memo::new(move |_| current.get()),
            list: RwSignal::new(Vec::new()),
            gone: RwSignal::new(None),
            loaded_for: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let who = me.with(|m| {
                m.as_ref()
                    .map(|m| (m.kind, m.record.clone(), m.display_name.clone()))
            });
            match who {
                None => {
                    records.loaded_for.set(None);
                    records.current.set(None);
                    records.list.set(Vec::new());
                    records.gone.set(None);
                }
                Some((AccountKind::Patient, Some(own), name)) => {
                    if records.loaded_for.get_untracked().as_deref() == Some(own.as_str()) {
                        return;
                    }
                    records.loaded_for.set(Some(own.clone()));
                    // Their own record needs no list to be chosen: the pages load it at once,
                    // beside the list. Another record remembered for this tab waits for the
                    // list, which says whether it can still be read.
                    let other = remembered(&own).is_some_and(|(record, _)| record != own);
                    records.current.set((!other).then(|| {
                        Ok(Current {
                            record: own.clone(),
                            name: name.clone(),
                            own: true,
                        })
                    }));
                    leptos::task::spawn_local(records.load(own, name));
                }
                Some(_) => {
                    records.loaded_for.set(None);
                    records.list.set(Vec::new());
                    records.current.set(Some(Err(no_record())));
                }
            }
        });
        records
    }

    async fn load(self, own: String, name: String) {
        let result = api::records().await;
        // Someone else may have logged in meanwhile.
        if self.loaded_for.get_untracked().as_deref() != Some(own.as_str()) {
            return;
        }
        let list = result.unwrap_or_default();
        let own_current = list
            .iter()
            .find(|l| l.own)
            .map(Current::of)
            .unwrap_or(Current {
                record: own.clone(),
                name,
                own: true,
            });
        let chosen = match remembered(&own) {
            Some((record, gone_name)) => match list.iter().find(|l| l.record == record) {
                Some(l) => Current::of(l),
                None => {
                    if record != own {
                        self.gone.set(Some(gone_name));
                    }
                    own_current
                }
            },
            None => own_current,
        };
        remember(&own, &chosen);
        self.list.set(list);
        self.current.set(Some(Ok(chosen)));
    }

    /// Says why the current record cannot be known (the server did not answer who is logged
    /// in), so a page shows the failure instead of loading forever; a later login or answer
    /// replaces it.
    pub fn fail(&self, failure: ApiFailure) {
        if self.current.get_untracked().is_none() {
            self.current.set(Some(Err(failure)));
        }
    }

    /// The current record, tracked; `None` while not known yet.
    pub fn get(&self) -> Option<Result<Current, ApiFailure>> {
        self.memo.get()
    }

    /// The current record, untracked.
    pub fn get_untracked(&self) -> Option<Result<Current, ApiFailure>> {
        self.memo.get_untracked()
    }

    /// Makes `linked` the current record, for this tab.
    pub fn choose(&self, linked: &LinkedRecord) {
        let current = Current::of(linked);
        if let Some(owner) = self.loaded_for.get_untracked() {
            remember(&owner, &current);
        }
        self.gone.set(None);
        self.current.set(Some(Ok(current)));
    }

    /// Takes a fresh list of the person's records (the linked records page loads it again).
    pub fn refresh(&self, list: Vec<LinkedRecord>) {
        self.list.set(list);
    }
}
