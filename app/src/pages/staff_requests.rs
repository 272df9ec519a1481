//! In the back office: "Aanvragen", the open cases of patients' requests, the one due first at
//! the top, each with the attached identity documents and one form for the next step (pick it
//! up, ask the requester something, complete it — with the document when the request asks for
//! one — or refuse it with a reason). The server applies the domain's case rules and answers
//! beside the field.

use inzage_domain::cases::{CaseStatus, Delivery, StaffStep};
use inzage_domain::wire::{FieldErrors, StaffCase};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::requests::{euro, form_details, form_kind, status_text};
use super::show_failure;
use super::staff::{queue_items, StatusLine};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, local_day, t, t1, tr, track};

/// The queue.
#[component]
pub fn RequestQueue() -> impl IntoView {
    let queue = RwSignal::new(None::<Result<Vec<StaffCase>, ApiFailure>>);
    let status = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        queue.set(Some(api::staff_requests().await));
    });
    // A step taken: the case changes in place, or leaves the queue once closed; the status
    // message says what happened and takes the focus.
    let on_step = move |case: StaffCase| {
        let text = tr(&Message::new("staff.requests.done")
            .arg(
                "kind",
                t(&format!("requests.kind.{}", form_kind(&case.case.form))),
            )
            .arg("patient", case.patient_name.clone())
            .arg("status", status_text(case.case.status)));
        queue.update(|q| {
            if let Some(Ok(list)) = q {
                if case.case.status.is_closed() {
                    list.retain(|c| c.case.id != case.case.id);
                } else if let Some(c) = list.iter_mut().find(|c| c.case.id == case.case.id) {
                    *c = case;
                }
            }
        });
        status.set(Some(text));
        if let Some(el) = status_ref.get_untracked() {
            let _ = el.focus();
        }
    };
    let body = move || {
        track();
        match queue_items(queue.get(), None) {
            Err(state) => state,
            Ok(list) if list.is_empty() => {
                view! { <p data-testid="staff-requests-empty">{t("staff.requests.empty")}</p> }
                    .into_any()
            }
            Ok(list) => {
                let items = list
                    .into_iter()
                    .map(|c| view! { <CaseRow case=c on_step=on_step/> })
                    .collect_view();
                view! { <ul class="person-list" data-testid="staff-requests">{items}</ul> }
                    .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="staff-requests-title">
            <h2 id="staff-requests-title">{move || t("staff.requests.title")}</h2>
            <StatusLine node_ref=status_ref testid="staff-requests-status" text=status/>
            {body}
        </section>
    }
}

/// The steps the case's status allows, in the order staff usually take them.
fn steps_for(status: CaseStatus) -> Vec<&'static str> {
    let mut steps = Vec::new();
    if status != CaseStatus::InProgress {
        steps.push("start");
    }
    if status != CaseStatus::NeedsInformation {
        steps.push("ask_information");
    }
    steps.push("complete");
    steps.push("refuse");
    steps
}

#[component]
fn CaseRow(
    case: StaffCase,
    on_step: impl Fn(StaffCase) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = case.case.clone();
    let id = c.id.clone();
    let kind = form_kind(&c.form);
    let steps = steps_for(c.status);
    let chosen = RwSignal::new(steps.first().copied().unwrap_or("complete").to_owned());
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let delivery = case.delivery;

    let submit = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            failure.set(None);
            let note = text.get_untracked();
            let step = match chosen.get_untracked().as_str() {
                "start" => StaffStep::Start,
                "ask_information" => StaffStep::AskInformation { question: note },
                "refuse" => StaffStep::Refuse { reason: note },
                _ => StaffStep::Complete,
            };
            let Ok(data) = web_sys::FormData::new() else {
                failure.set(Some(Message::new("error.network")));
                return;
            };
            let json = serde_json::to_string(&step).unwrap_or_default();
            let mut filled = data.append_with_str("step", &json);
            if let Some(file) = file_ref
                .get_untracked()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            {
                filled = filled.and_then(|()| {
                    data.append_with_blob_and_filename("delivery", &file, &file.name())
                });
            }
            if filled.is_err() {
                failure.set(Some(Message::new("error.network")));
                return;
            }
            busy.set(true);
            let id = id.clone();
            leptos::task::spawn_local(async move {
                match api::staff_step(&id, &data).await {
                    Ok(updated) => {
                        errors.set(FieldErrors::default());
                        text.set(String::new());
                        on_step(updated);
                    }
                    Err(f) => show_failure(f, errors, failure),
                }
                busy.set(false);
            });
        }
    };

    let files = case
        .files
        .iter()
        .map(|f| {
            let href = api::case_file_url(&id, f.signer.as_str());
            let label = t(&format!("requests.signer.{}", f.signer.as_str()));
            view! { <li><a href=href download data-testid="case-file">{label}</a></li> }
        })
        .collect_view();
    let options = steps
        .iter()
        .map(|s| view! { <option value=*s>{t(&format!("staff.requests.step.{s}"))}</option> })
        .collect_view();
    let text_error =
        move || errors.with(|e| e.first("question").or_else(|| e.first("reason")).map(tr));
    let file_error = move || errors.with(|e| e.first("delivery").map(tr));
    let text_id = format!("case-text-{id}");
    let file_id = format!("case-file-{id}");
    let step_id = format!("case-step-{id}");
    let due = if c.overdue {
        view! { <p class="overdue">{t1("requests.case.overdue", "date", &date(c.due))}</p> }
            .into_any()
    } else {
        view! { <p>{t1("requests.case.due", "date", &date(c.due))}</p> }.into_any()
    };

    view! {
        <li class="person-card" data-testid="staff-request" data-kind=kind data-status=c.status.as_str()>
            <p class="person-name">{t(&format!("requests.kind.{kind}"))}" · "{case.patient_name.clone()}</p>
            <p class="person-meta">
                {c.hospital_name.clone()}" · "
                {t1("requests.case.filed", "date", &local_day(c.filed_at))}" · "
                {c.requester_name.clone()}
            </p>
            <p class=format!("request-status {}", c.status.as_str())>{status_text(c.status)}</p>
            {due}
            {(c.fee_cents > 0).then(|| view! { <p>{t1("requests.fee", "amount", &euro(c.fee_cents))}</p> })}
            {form_details(&c.form)}
            {(!c.note.is_empty()).then(|| view! {
                <p><strong>{t("requests.case.note")}": "</strong>{c.note.clone()}</p>
            })}
            {c.question.clone().map(|q| view! {
                <p><strong>{t("requests.case.question")}": "</strong>{q}</p>
            })}
            {c.answer.clone().map(|a| view! {
                <p data-testid="staff-case-answer"><strong>{t("requests.case.answer")}": "</strong>{a}</p>
            })}
            {(!case.files.is_empty()).then(|| view! {
                <p>{t("staff.requests.files")}</p>
                <ul>{files}</ul>
            })}
            <form on:submit=submit novalidate class="answer-form" data-testid="staff-step-form">
                <div class="form-error" role="alert" data-testid="staff-step-error">
                    {move || failure.get().map(|m| tr(&m))}
                </div>
                <div class="field">
                    <label for=step_id.clone()>{t("staff.requests.step")}</label>
                    <select
                        id=step_id.clone()
                        prop:value=move || chosen.get()
                        on:change=move |ev| {
                            chosen.set(event_target_value(&ev));
                            errors.set(FieldErrors::default());
                        }
                    >
                        {options}
                    </select>
                </div>
                <div class="field" class:has-error=move || text_error().is_some()>
                    <label for=text_id.clone()>{t("staff.requests.text")}</label>
                    <p class="hint" id=format!("{text_id}-hint")>{t("staff.requests.text.hint")}</p>
                    <textarea
                        id=text_id.clone()
                        rows="2"
                        maxlength="2000"
                        aria-invalid=move || if text_error().is_some() { "true" } else { "false" }
                        aria-describedby=format!("{text_id}-hint {text_id}-error")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                    <p class="field-error" id=format!("{text_id}-error") role="alert" data-testid="staff-text-error">
                        {text_error}
                    </p>
                </div>
                {(delivery != Delivery::None).then(|| view! {
                    <div class="field" class:has-error=move || file_error().is_some()>
                        <label for=file_id.clone()>{t("staff.requests.delivery")}</label>
                        <p class="hint" id=format!("{file_id}-hint")>
                            {(delivery == Delivery::Optional).then(|| t("staff.requests.delivery.optional") + " ")}
                            {t("staff.requests.delivery.hint")}
                        </p>
                        <input
                            type="file"
                            id=file_id.clone()
                            accept="application/pdf,image/png,image/jpeg"
                            node_ref=file_ref
                            aria-invalid=move || if file_error().is_some() { "true" } else { "false" }
                            aria-describedby=format!("{file_id}-hint {file_id}-error")
                        />
                        <p class="field-error" id=format!("{file_id}-error") role="alert" data-testid="staff-delivery-error">
                            {file_error}
                        </p>
                    </div>
                })}
                <button type="submit" data-testid="staff-step-submit" disabled=move || busy.get()>
                    {t("staff.requests.submit")}
                </button>
            </form>
        </li>
    }
}
