//! On "Mijn account": the e-mail notices the person wants (on or off, about what, how often),
//! checked with the domain's rules before saving. Only a patient's account has them.

use inzage_domain::notify::{
    Frequency, NewNoticeAddress, NoticeAddress, NotificationSettings, Topic,
};
use inzage_domain::wire::{FieldErrors, NotificationView};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::linked::focus_first_error;
use super::login::Field;
use super::{handle_session, renamed_field, show_failure};
use crate::api::{self, ApiFailure};
use crate::i18n::{t, t1, tr, track};

const FREQUENCIES: [Frequency; 3] = [Frequency::Immediately, Frequency::Daily, Frequency::Weekly];

/// The section; nothing for an account without a record of its own (403).
#[component]
pub fn Notifications() -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<NotificationView, ApiFailure>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(api::notifications().await));
    });
    move || {
        track();
        match loaded.get() {
            Some(Ok(view)) => view! { <NotificationForm view=view/> }.into_any(),
            Some(Err(f)) if !f.is_forbidden() => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any()
            }
            _ => ().into_any(),
        }
    }
}

#[component]
fn NotificationForm(view: NotificationView) -> impl IntoView {
    let enabled = RwSignal::new(view.settings.enabled);
    let topics = RwSignal::new(view.settings.topics.clone());
    let frequency = RwSignal::new(view.settings.frequency);
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        saved.set(false);
        let settings = NotificationSettings {
            enabled: enabled.get_untracked(),
            // In the domain's order, whatever order they were ticked in.
            topics: Topic::ALL
                .into_iter()
                .filter(|t| topics.with_untracked(|ts| ts.contains(t)))
                .collect(),
            frequency: frequency.get_untracked(),
        };
        let e = settings.check();
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::set_notifications(&settings).await {
                Ok(_) => {
                    errors.set(FieldErrors::default());
                    saved.set(true);
                }
                Err(f) => show_failure(f, errors, failure),
            }
            busy.set(false);
        });
    };

    let topic_error = move || errors.with(|e| e.first("topics").map(tr));
    let topic_boxes = Topic::ALL
        .into_iter()
        .map(|topic| {
            let id = format!("notify_topic_{}", topic.as_str());
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-topic=topic.as_str()
                        prop:checked=move || topics.with(|ts| ts.contains(&topic))
                        prop:disabled=move || !enabled.get()
                        aria-invalid=move || if topic_error().is_some() { "true" } else { "false" }
                        aria-describedby="notify_topics-error"
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            topics.update(|ts| {
                                ts.retain(|t| *t != topic);
                                if on {
                                    ts.push(topic);
                                }
                            });
                            errors.set(FieldErrors::default());
                        }
                    />
                    <label for=id>{move || t(&format!("notify.topic.{}", topic.as_str()))}</label>
                </div>
            }
        })
        .collect_view();
    let frequency_radios = FREQUENCIES
        .into_iter()
        .map(|f| {
            let id = format!("notify_frequency_{}", f.as_str());
            view! {
                <div class="checkbox">
                    <input
                        type="radio"
                        name="notify_frequency"
                        id=id.clone()
                        value=f.as_str()
                        prop:checked=move || frequency.get() == f
                        prop:disabled=move || !enabled.get()
                        on:change=move |_| frequency.set(f)
                    />
                    <label for=id>{move || t(&format!("notify.frequency.{}", f.as_str()))}</label>
                </div>
            }
        })
        .collect_view();
    let address = match (&view.email, view.email_confirmed) {
        (Some(e), true) => t1("notify.address", "email", e),
        _ => t("notify.no_address"),
    };

    view! {
        <section class="card referral" aria-labelledby="notify-title" data-testid="notifications">
            <h2 id="notify-title">{move || t("notify.title")}</h2>
            <p>{move || t("notify.intro")}</p>
            <p data-testid="notify-address">{address}</p>
            <div role="status" aria-live="polite" data-testid="notify-status">
                {move || saved.get().then(|| view! { <p class="status-message">{t("notify.saved")}</p> })}
            </div>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate>
                <div class="field checkbox">
                    <input
                        type="checkbox"
                        id="notify_enabled"
                        prop:checked=move || enabled.get()
                        on:change=move |ev| {
                            enabled.set(event_target_checked(&ev));
                            errors.set(FieldErrors::default());
                        }
                    />
                    <label for="notify_enabled">{move || t("notify.enabled")}</label>
                </div>
                <fieldset class="field" class:has-error=move || topic_error().is_some()>
                    <legend>{move || t("notify.topics")}</legend>
                    {topic_boxes}
                    <p class="field-error" id="notify_topics-error" role="alert">{topic_error}</p>
                </fieldset>
                <fieldset class="field">
                    <legend>{move || t("notify.frequency")}</legend>
                    {frequency_radios}
                </fieldset>
                <button type="submit" data-testid="notify-save" disabled=move || busy.get()>
                    {move || t("notify.save")}
                </button>
            </form>
            <NoticeAddresses account=view.email.clone() addresses=view.addresses.clone()/>
        </section>
    }
}

/// The domain names the address field `email`; on "Mijn account" that id is the account's own
/// address, so this form's field is `notice_email`.
fn beside_the_field(errors: FieldErrors) -> FieldErrors {
    renamed_field(errors, "email", "notice_email")
}

/// The addresses besides the account's own that notices go to: each with whether it is
/// confirmed, a button to remove it, and a form to add one (checked by the domain first).
#[component]
fn NoticeAddresses(account: Option<String>, addresses: Vec<NoticeAddress>) -> impl IntoView {
    let list = RwSignal::new(addresses);
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let status = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let account = StoredValue::new(account);

    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        status.set(None);
        let new = NewNoticeAddress {
            email: email.get_untracked(),
        };
        let checked = account.with_value(|a| list.with_untracked(|l| new.check(a.as_deref(), l)));
        let address = match checked {
            Ok(a) => a.as_str().to_owned(),
            Err(e) => {
                errors.set(beside_the_field(e));
                focus_first_error();
                return;
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::add_notice_address(&new).await {
                Ok(ack) => {
                    errors.set(FieldErrors::default());
                    email.set(String::new());
                    list.update(|l| {
                        l.push(NoticeAddress {
                            address,
                            confirmed: false,
                        })
                    });
                    status.set(Some(ack.message));
                }
                Err(f) => {
                    show_failure(f, errors, failure);
                    errors.update(|e| *e = beside_the_field(std::mem::take(e)));
                }
            }
            busy.set(false);
        });
    };
    let remove = move |address: String| {
        failure.set(None);
        status.set(None);
        leptos::task::spawn_local(async move {
            match api::remove_notice_address(&address).await {
                Ok(()) => list.update(|l| l.retain(|a| a.address != address)),
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                }
            }
        });
    };
    let items = move || {
        track();
        list.get()
            .into_iter()
            .map(|a| {
                let state = if a.confirmed {
                    t("notify.addresses.confirmed")
                } else {
                    t("notify.addresses.pending")
                };
                let label = t1("notify.addresses.remove", "email", &a.address);
                let address = a.address.clone();
                view! {
                    <li class="person-card" data-testid="notice-address" data-confirmed=a.confirmed.to_string()>
                        <span class="person-name">{a.address.clone()}</span>
                        <span class="person-meta">{state}</span>
                        <button type="button" class="secondary" aria-label=label on:click=move |_| remove(address.clone())>
                            {t("notify.addresses.remove.button")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{move || t("notify.addresses")}</h3>
        <p class="hint">{move || t("notify.addresses.hint")}</p>
        <ul class="person-list" data-testid="notice-addresses">{items}</ul>
        <div role="status" aria-live="polite" data-testid="notice-address-status">
            {move || status.get().map(|m| view! { <p class="status-message">{tr(&m)}</p> })}
        </div>
        <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
        <form on:submit=add novalidate data-testid="notice-address-form">
            <Field
                id="notice_email"
                label=Signal::derive(|| t("notify.addresses.new"))
                value=email
                errors=errors
                kind="email"
                autocomplete="email"
                inputmode="email"
            />
            <button type="submit" data-testid="notice-address-add" disabled=move || busy.get()>
                {move || t("notify.addresses.add")}
            </button>
        </form>
    }
}
