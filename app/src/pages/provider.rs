//! The care provider's pages: their patients with whether they may read each record and why,
//! one record's reports, and a referrer's request to read a record.

use inzage_domain::wire::{FieldErrors, ProviderPatient, ReferralRequest, ReportList};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::listing::{use_list_query, Pager};
use super::login::Field;
use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, reason_text, t, t1, tr, track};
use crate::Session;

/// The logged-in provider's name, to put in the reasons that name them.
fn my_name() -> Option<String> {
    let Session(me) = expect_context::<Session>();
    me.get().map(|m| m.display_name)
}

/// The provider's patients and the referral form.
#[component]
pub fn ProviderPage() -> impl IntoView {
    ensure_me();
    let patients = LocalResource::new(api::provider_patients);
    view! {
        <h1>{move || t("provider.title")}</h1>
        <p>{move || t("provider.intro")}</p>
        {move || {
            track();
            match patients.get() {
                None => view! { <p aria-busy="true">{move || t("common.loading")}</p> }.into_any(),
                Some(result) => {
                    handle_session(&result);
                    match result {
                        Ok(list) => view! { <PatientList patients=list/> }.into_any(),
                        Err(f) => view! {
                            <p class="form-error" role="alert" data-testid="provider-error">{tr(&f.message())}</p>
                        }
                        .into_any(),
                    }
                }
            }
        }}
        <super::video::DoctorVideoConsultations/>
        <super::messages::DoctorThreads/>
        <ReferralForm/>
    }
}

#[component]
fn PatientList(patients: Vec<ProviderPatient>) -> impl IntoView {
    let empty = patients.is_empty();
    let items = patients
        .into_iter()
        .map(|p| {
            let reads = p.read.is_permitted();
            let reasons = move || {
                let me = my_name();
                p.read
                    .reasons
                    .iter()
                    .map(|r| {
                        let text = reason_text(r, |_| me.clone());
                        view! { <li>{text}</li> }
                    })
                    .collect_view()
            };
            let href = format!("/zorgverlener/dossier/{}", p.record);
            let open_label = t1("provider.open_of", "name", &p.name);
            view! {
                <li class="person-card" data-testid="provider-patient" data-name=p.name.clone()>
                    <p class="person-name">{p.name.clone()}</p>
                    {p.birth_date.map(|d| view! {
                        <p class="person-meta">{t1("provider.born", "date", &date(d).to_string())}</p>
                    })}
                    <p class="read-status" class:can-read=reads class:cannot-read=!reads data-testid="read-status">
                        {if reads { t("provider.access") } else { t("provider.no_access") }}
                    </p>
                    <ul class="reasons">{reasons}</ul>
                    <p>
                        <A href=href attr:class="button-link" attr:aria-label=open_label attr:data-testid="open-record">
                            {move || t("provider.open")}
                        </A>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        {empty.then(|| view! { <p>{move || t("provider.empty")}</p> })}
        <ul class="person-list" data-testid="patient-list">{items}</ul>
    }
}

/// One record as the provider opens it: the reports they may read, or that they may not.
#[component]
pub fn ProviderRecordPage() -> impl IntoView {
    ensure_me();
    let params = use_params_map();
    let query = use_list_query();
    let data = LocalResource::new(move || {
        let record = params.with(|p| p.get("record").unwrap_or_default());
        let q = query.get();
        async move {
            let reports = api::record_reports(&record, &q).await;
            // The name comes from the provider's own list; a record not on it has none.
            let name = api::provider_patients()
                .await
                .ok()
                .and_then(|list| list.into_iter().find(|p| p.record == record))
                .map(|p| p.name);
            (name, reports)
        }
    });
    view! {
        <p><A href="/zorgverlener">{move || t("provider.record.back")}</A></p>
        {move || {
            track();
            match data.get() {
                None => view! {
                    <h1>{move || t("provider.record.title")}</h1>
                    <p aria-busy="true">{move || t("common.loading")}</p>
                }
                .into_any(),
                Some((name, result)) => {
                    handle_session(&result);
                    let title = match &name {
                        Some(n) => t1("provider.record.title_of", "name", n),
                        None => t("provider.record.title"),
                    };
                    match result {
                        Ok(list) => {
                            let path = format!(
                                "/zorgverlener/dossier/{}",
                                params.with_untracked(|p| p.get("record").unwrap_or_default())
                            );
                            let page = list.page;
                            view! {
                                <h1>{title}</h1>
                                <RecordReports list=list/>
                                <Pager path=path query=query.get_untracked() page=page/>
                            }
                            .into_any()
                        }
                        Err(ApiFailure::Server { status: 404, .. }) => view! {
                            <h1>{title}</h1>
                            <p class="form-error" role="alert" data-testid="record-error">
                                {move || t("provider.record.no_access")}
                            </p>
                        }
                        .into_any(),
                        Err(f) => view! {
                            <h1>{title}</h1>
                            <p class="form-error" role="alert" data-testid="record-error">{tr(&f.message())}</p>
                        }
                        .into_any(),
                    }
                }
            }
        }}
    }
}

/// A record's reports as a read-only table (the provider's view, and the patient's "view as").
#[component]
pub(crate) fn RecordReports(list: ReportList) -> impl IntoView {
    let empty = list.reports.is_empty();
    let rows = list
        .reports
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td data-label=move || t("reports.column.date")>
                        <time datetime=r.date.to_string()>{date(r.date)}</time>
                    </td>
                    <th scope="row" data-label=move || t("reports.column.title")>{r.title}</th>
                    <td data-label=move || t("reports.column.hospital")>{r.hospital}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {empty.then(|| view! { <p>{move || t("provider.record.empty")}</p> })}
        <table class="stack" data-testid="provider-report-list">
            <caption class="visually-hidden">{move || t("reports.title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t("reports.column.date")}</th>
                    <th scope="col">{move || t("reports.column.title")}</th>
                    <th scope="col">{move || t("reports.column.hospital")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A referrer asks to read a patient's record; the patient decides on the "Toegangen" page.
#[component]
fn ReferralForm() -> impl IntoView {
    let national_number = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        sent.set(false);
        let req = ReferralRequest {
            national_number: national_number.get_untracked(),
            reason: reason.get_untracked(),
        };
        // The same validation as the server's, so the message appears at once beside the field.
        if let Err(e) = req.validate() {
            errors.set(e);
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::refer(&req).await {
                Ok(()) => {
                    national_number.set(String::new());
                    reason.set(String::new());
                    sent.set(true);
                }
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                }
                Err(f) => form_error.set(Some(f.message())),
            }
            busy.set(false);
        });
    };

    let reason_error = move || errors.with(|e| e.first("reason").map(tr));
    let reason_described = move || {
        if reason_error().is_some() {
            "reason-hint reason-error"
        } else {
            "reason-hint"
        }
    };

    view! {
        <section class="card referral" aria-labelledby="referral-title">
            <h2 id="referral-title">{move || t("referral.title")}</h2>
            <p>{move || t("referral.intro")}</p>
            <div role="status" aria-live="polite" data-testid="referral-status">
                {move || {
                    sent.get().then(|| view! { <p class="status-message">{t("referral.sent")}</p> })
                }}
            </div>
            <div class="form-error" role="alert" data-testid="referral-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <Field
                    id="national_number"
                    label=Signal::derive(|| t("referral.national_number"))
                    hint=Signal::derive(|| t("referral.national_number.hint"))
                    value=national_number
                    errors=errors
                    inputmode="numeric"
                />
                <div class="field" class:has-error=move || reason_error().is_some()>
                    <label for="reason">{move || t("referral.reason")}</label>
                    <p class="hint" id="reason-hint">{move || t("referral.reason.hint")}</p>
                    <textarea
                        id="reason"
                        name="reason"
                        rows="4"
                        aria-invalid=move || if reason_error().is_some() { "true" } else { "false" }
                        aria-describedby=reason_described
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            errors.update(|e| {
                                e.0.remove("reason");
                            });
                        }
                    ></textarea>
                    <p class="field-error" id="reason-error" role="alert">{reason_error}</p>
                </div>
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("referral.submit") }}
                </button>
            </form>
        </section>
    }
}
