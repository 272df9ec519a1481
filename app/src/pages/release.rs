//! On "Toegangen": when new results and reports appear. The hospitals' care teams may hold new
//! items some days so the doctor can discuss them first; the patient (or whoever acts in their
//! place) may choose to wait longer: a week, or until the consultation. The server applies the
//! holds to every list, search, export and PDF; this section shows and changes the choice.

use inzage_domain::release::{
    CategoryRelease, ReleaseCategory, ReleasePreference, ReleaseSettings, SetRelease,
};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::handle_session;
use crate::api::{self, ApiFailure};
use crate::i18n::{date, t, t1, t_record, tr, track};

/// The section for `record`; an error line when it cannot be read.
#[component]
pub fn ReleaseSection(record: String) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<ReleaseSettings, ApiFailure>>);
    {
        let record = record.clone();
        leptos::task::spawn_local(async move {
            loaded.set(Some(api::release_settings(&record).await));
        });
    }
    let record = StoredValue::new(record);
    move || {
        track();
        match loaded.get() {
            Some(Ok(settings)) => {
                let categories = settings
                    .categories
                    .into_iter()
                    .map(|c| {
                        view! {
                            <CategoryForm
                                record=record.get_value()
                                category=c
                                can_change=settings.can_change
                            />
                        }
                    })
                    .collect_view();
                view! {
                    <section class="card" aria-labelledby="release-title" data-testid="release">
                        <h2 id="release-title">{move || t("release.title")}</h2>
                        <p>{move || t_record("release.intro")}</p>
                        {categories}
                    </section>
                }
                .into_any()
            }
            Some(Err(f)) => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any()
            }
            None => ().into_any(),
        }
    }
}

/// One category: the care teams' holds, the choice as radio buttons, and a save button.
#[component]
fn CategoryForm(record: String, category: CategoryRelease, can_change: bool) -> impl IntoView {
    let name = category.category.as_str();
    let chosen = RwSignal::new(category.preference);
    let since = RwSignal::new(category.since);
    let saved = RwSignal::new(false);
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let record = StoredValue::new(record);
    let which = category.category;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        failure.set(None);
        busy.set(true);
        let set = SetRelease {
            category: which,
            preference: chosen.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match api::set_release(&record.get_value(), &set).await {
                Ok(settings) => {
                    if let Some(c) = settings.categories.iter().find(|c| c.category == which) {
                        chosen.set(c.preference);
                        since.set(c.since);
                    }
                    saved.set(true);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };

    let holds = category
        .care_team
        .iter()
        .map(|h| {
            let key = if h.days == 1 {
                "release.care_team.one"
            } else {
                "release.care_team"
            };
            let message = Message::new(key)
                .arg("hospital", h.hospital.clone())
                .arg("days", h.days.to_string());
            view! { <li>{move || tr(&message)}</li> }
        })
        .collect_view();
    let radios = ReleasePreference::ALL
        .into_iter()
        .map(|p| {
            let id = format!("release_{name}_{}", p.as_str());
            view! {
                <div class="checkbox">
                    <input
                        type="radio"
                        name=format!("release_{name}")
                        id=id.clone()
                        value=p.as_str()
                        prop:checked=move || chosen.get() == p
                        disabled=!can_change
                        on:change=move |_| {
                            chosen.set(p);
                            saved.set(false);
                        }
                    />
                    <label for=id>{move || t(&format!("release.preference.{}", p.as_str()))}</label>
                </div>
            }
        })
        .collect_view();
    let since_line = move || {
        since
            .get()
            .map(|d| view! { <p class="hint">{t1("release.since", "date", &date(d))}</p> })
    };
    let title_key = match which {
        ReleaseCategory::Results => "release.category.results",
        ReleaseCategory::Reports => "release.category.reports",
    };
    view! {
        <form on:submit=submit novalidate data-testid=format!("release-{name}")>
            <fieldset class="field">
                <legend>{move || t(title_key)}</legend>
                <ul>{holds}</ul>
                {radios}
                {since_line}
            </fieldset>
            <div role="status" aria-live="polite" data-testid=format!("release-{name}-status")>
                {move || saved.get().then(|| view! { <p class="status-message">{t("release.saved")}</p> })}
            </div>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            {can_change.then(|| view! {
                <button type="submit" data-testid=format!("release-{name}-save") disabled=move || busy.get()>
                    {move || t(title_key_save(which))}
                </button>
            })}
        </form>
    }
}

/// The save button's text names the category, so two buttons on one page are told apart.
fn title_key_save(category: ReleaseCategory) -> &'static str {
    match category {
        ReleaseCategory::Results => "release.save.results",
        ReleaseCategory::Reports => "release.save.reports",
    }
}
