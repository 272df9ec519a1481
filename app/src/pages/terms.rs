//! The terms of use: a patient accepts the version in force before anything else (LUMC's
//! conditions are the model). Until then the server answers every record request with 403, and
//! [`TermsGate`] brings the person here from any page.

use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use super::{ensure_me, handle_session, home_of};
use crate::api;
use crate::i18n::{t, t1, tr, track};
use crate::Session;

/// Where the terms are read and accepted.
pub const TERMS_PATH: &str = "/voorwaarden";

/// Sends a person who still has terms to accept to [`TERMS_PATH`], from whatever page.
#[component]
pub fn TermsGate() -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let must_accept = me.with(|m| m.as_ref().is_some_and(|m| m.terms_to_accept.is_some()));
        if must_accept && location.pathname.get() != TERMS_PATH {
            navigate(TERMS_PATH, Default::default());
        }
    });
}

/// The terms page.
#[component]
pub fn TermsPage() -> impl IntoView {
    ensure_me();
    let session = expect_context::<Session>();
    let Session(me) = session;
    let navigate = use_navigate();
    let terms = LocalResource::new(api::terms);
    let accepted = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let checkbox = NodeRef::<leptos::html::Input>::new();
    let version = move || {
        me.with(|m| m.as_ref().and_then(|m| m.terms_to_accept.clone()))
            .or_else(|| terms.get().and_then(|r| r.ok()).map(|t| t.version))
            .unwrap_or_default()
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !accepted.get_untracked() {
            error.set(Some(t("terms.accept_required")));
            if let Some(el) = checkbox.get_untracked() {
                let _ = el.focus();
            }
            return;
        }
        error.set(None);
        busy.set(true);
        let version = version();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::accept_terms(&version).await {
                Ok(m) => {
                    let home = home_of(&m);
                    me.set(Some(m));
                    navigate(home, Default::default());
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    error.set(Some(tr(&f.message())));
                }
            }
            busy.set(false);
        });
    };
    let contact = move || {
        terms.get().and_then(|r| r.ok()).map(|terms| {
            track();
            tr(&Message::new("terms.contact")
                .arg("phone", terms.helpdesk_phone.unwrap_or_default())
                .arg("email", terms.helpdesk_email.unwrap_or_default()))
        })
    };
    view! {
        <section class="terms" aria-labelledby="terms-title" data-testid="terms">
            <h1 id="terms-title">{move || t("terms.title")}</h1>
            <p>{move || { track(); t1("terms.intro", "version", &version()) }}</p>
            <ul class="terms-list">
                <li>{move || t("terms.personal")}</li>
                <li>{move || t("terms.use")}</li>
                <li>{move || t("terms.not_urgent")}</li>
                <li>{move || t("terms.content")}</li>
                <li>{move || t("terms.privacy")}</li>
                <li>{move || t("terms.misuse")}</li>
            </ul>
            <p class="hint" data-testid="terms-contact">{contact}</p>
            <form on:submit=submit novalidate>
                <div class="field checkbox" class:has-error=move || error.get().is_some()>
                    <input
                        id="terms-accept"
                        type="checkbox"
                        node_ref=checkbox
                        aria-describedby="terms-error"
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        prop:checked=move || accepted.get()
                        on:change=move |ev| {
                            accepted.set(event_target_checked(&ev));
                            error.set(None);
                        }
                    />
                    <label for="terms-accept">{move || t("terms.accept")}</label>
                </div>
                <p class="field-error" id="terms-error" role="alert" data-testid="terms-error">
                    {move || error.get()}
                </p>
                <button type="submit" data-testid="terms-submit" disabled=move || busy.get()>
                    {move || t("terms.submit")}
                </button>
            </form>
        </section>
    }
}
