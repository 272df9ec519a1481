//! `/persoonsgegevens`: the patient's personal data as the hospitals hold them, and a request to
//! correct them. The correction is an ordinary correction request (the domain's
//! `RequestForm::CorrectionOrAddition`), checked and assessed like one, and followed on Aanvragen.

use inzage_domain::record::{PersonalData, PERSONAL_FIELDS};
use inzage_domain::requests::{NewRequest, RequestForm};
use inzage_domain::wire::{FieldErrors, RequestCase};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use super::linked::focus_first_error;
use super::record::section_view;
use super::reports::of_current;
use super::{ensure_me, renamed_field, show_failure};
use crate::api;
use crate::i18n::{date, t, t1, tr};
use crate::records::Records;

/// The page.
#[component]
pub fn PersonalDataPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let data = LocalResource::new(move || {
        of_current(records.get(), |c| async move {
            let data = api::personal_data(&c.record).await?;
            Ok((c.record, data))
        })
    });
    view! {
        <h1>{move || t("personal.title")}</h1>
        <p>{move || t("personal.intro")}</p>
        {section_view(data, "personal.loading", |(record, data): (String, PersonalData)| {
            view! { <Personal record=record data=data/> }
        })}
    }
}

#[component]
fn Personal(record: String, data: PersonalData) -> impl IntoView {
    let unknown = || t("personal.unknown");
    let rows: Vec<(&'static str, String)> = vec![
        (
            "personal.field.name",
            format!("{} {}", data.given_name, data.family_name),
        ),
        (
            "personal.field.birth_date",
            data.birth_date.map(date).unwrap_or_else(unknown),
        ),
        (
            "personal.field.gender",
            data.gender
                .as_deref()
                .map(|g| t(&format!("personal.gender.{g}")))
                .unwrap_or_else(unknown),
        ),
        (
            "personal.field.national_number",
            data.national_number.clone().unwrap_or_else(unknown),
        ),
        (
            "personal.field.record_number",
            data.record_number.clone().unwrap_or_else(unknown),
        ),
        (
            "personal.field.postal_address",
            data.postal_address.clone().unwrap_or_else(unknown),
        ),
    ];
    let list = rows
        .into_iter()
        .map(|(label, value)| {
            view! {
                <dt>{move || t(label)}</dt>
                <dd class="personal-value">{value}</dd>
            }
        })
        .collect_view();
    let form = (data.may_request_correction && !data.hospitals.is_empty())
        .then(|| view! { <CorrectionForm record=record data=data.clone()/> });
    view! {
        <dl class="personal-data" data-testid="personal-data">{list}</dl>
        {form}
    }
}

#[component]
fn CorrectionForm(record: String, data: PersonalData) -> impl IntoView {
    let hospital = RwSignal::new(
        data.hospitals
            .first()
            .map(|h| h.id.clone())
            .unwrap_or_default(),
    );
    let field = RwSignal::new(PERSONAL_FIELDS[0].to_owned());
    let correct = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(None::<RequestCase>);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        sent.set(None);
        let text = correct.get_untracked();
        let request = NewRequest {
            hospital: hospital.get_untracked(),
            note: String::new(),
            form: RequestForm::CorrectionOrAddition {
                statement: format!(
                    "{}: {}",
                    t(&format!("personal.field.{}", field.get_untracked())),
                    text.trim()
                ),
            },
        };
        let mut e = request.check();
        if text.trim().is_empty() {
            e.add(
                "correct",
                Message::new("request.correction.statement_missing"),
            );
        }
        let e = renamed_field(e, "statement", "correct");
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        let Ok(form) = web_sys::FormData::new() else {
            failure.set(Some(Message::new("error.network")));
            return;
        };
        let json = serde_json::to_string(&request).unwrap_or_default();
        if form.append_with_str("request", &json).is_err() {
            failure.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        let record = record.clone();
        leptos::task::spawn_local(async move {
            match api::file_request(&record, &form).await {
                Ok(case) => {
                    errors.set(FieldErrors::default());
                    correct.set(String::new());
                    sent.set(Some(case));
                }
                Err(f) => {
                    show_failure(f, errors, failure);
                    errors
                        .update(|e| *e = renamed_field(std::mem::take(e), "statement", "correct"));
                }
            }
            busy.set(false);
        });
    };

    let hospital_options = data
        .hospitals
        .iter()
        .map(|h| view! { <option value=h.id.clone()>{h.name.clone()}</option> })
        .collect_view();
    let field_options = PERSONAL_FIELDS
        .iter()
        .map(|f| view! { <option value=*f>{move || t(&format!("personal.field.{f}"))}</option> })
        .collect_view();
    let error = move || errors.with(|e| e.first("correct").map(tr));
    view! {
        <section class="card referral" aria-labelledby="correction-title" data-testid="personal-correction">
            <h2 id="correction-title">{move || t("personal.correction.title")}</h2>
            <p>{move || t("personal.correction.intro")}</p>
            <div role="status" aria-live="polite" data-testid="personal-status">
                {move || sent.get().map(|c| view! {
                    <p class="status-message">
                        {t1("requests.sent", "date", &date(c.due))}" "
                        <A href="/aanvragen">{t("personal.correction.follow")}</A>
                    </p>
                })}
            </div>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="correction_hospital">{move || t("requests.form.hospital")}</label>
                    <select
                        id="correction_hospital"
                        prop:value=move || hospital.get()
                        on:change=move |ev| hospital.set(event_target_value(&ev))
                    >
                        {hospital_options}
                    </select>
                </div>
                <div class="field">
                    <label for="correction_field">{move || t("personal.correction.field")}</label>
                    <select
                        id="correction_field"
                        prop:value=move || field.get()
                        on:change=move |ev| field.set(event_target_value(&ev))
                    >
                        {field_options}
                    </select>
                </div>
                <div class="field" class:has-error=move || error().is_some()>
                    <label for="correct">{move || t("personal.correction.correct")}</label>
                    <textarea
                        id="correct"
                        rows="3"
                        maxlength="3900"
                        aria-invalid=move || if error().is_some() { "true" } else { "false" }
                        aria-describedby="correct-error"
                        prop:value=move || correct.get()
                        on:input=move |ev| {
                            correct.set(event_target_value(&ev));
                            errors.set(FieldErrors::default());
                        }
                    ></textarea>
                    <p class="field-error" id="correct-error" role="alert">{error}</p>
                </div>
                <button type="submit" data-testid="personal-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("personal.correction.submit") }}
                </button>
            </form>
        </section>
    }
}
