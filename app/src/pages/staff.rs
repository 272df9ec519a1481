//! The back office of hospital staff (the ombuds service): the queue of parents' link requests,
//! each with the patient the national number belongs to, approved or refused with a reason.
//! The server decides whether the law allows the link; the page shows its answer beside the
//! request.

use inzage_domain::wire::{FieldErrors, StaffDecision, StaffLinkRequest};
use inzage_domain::Message;
use leptos::prelude::*;

use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, date_time, t, tr, track};

/// A decision taken, for the status message.
#[derive(Clone)]
struct Decided {
    approved: bool,
    requester: String,
    child: String,
}

/// The page.
#[component]
pub fn BackofficePage() -> impl IntoView {
    ensure_me();
    let queue = RwSignal::new(None::<Result<Vec<StaffLinkRequest>, ApiFailure>>);
    let decided = RwSignal::new(None::<Decided>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        queue.set(Some(api::staff_link_requests().await));
    });

    // A decided request leaves the queue; the status message says what was decided and takes
    // the focus, which would otherwise be lost with the row.
    let on_decided = move |id: String, d: Decided| {
        queue.update(|q| {
            if let Some(Ok(list)) = q {
                list.retain(|r| r.id != id);
            }
        });
        decided.set(Some(d));
        if let Some(el) = status_ref.get_untracked() {
            let _ = el.focus();
        }
    };

    let body = move || {
        track();
        match queue.get() {
            None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert" data-testid="staff-error">{tr(&f.message())}</p> }
                    .into_any()
            }
            Some(Ok(list)) => {
                let empty = list.is_empty();
                let rows = list
                    .into_iter()
                    .map(|r| view! { <QueueRow request=r on_decided=on_decided/> })
                    .collect_view();
                view! {
                    {empty.then(|| view! { <p data-testid="staff-queue-empty">{t("staff.queue.empty")}</p> })}
                    <table class="stack staff-queue" data-testid="staff-queue">
                        <caption>{t("staff.queue.caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("staff.column.requester")}</th>
                                <th scope="col">{t("staff.column.child")}</th>
                                <th scope="col">{t("staff.column.number")}</th>
                                <th scope="col">{t("staff.column.message")}</th>
                                <th scope="col">{t("staff.column.filed")}</th>
                                <th scope="col">{t("staff.column.record")}</th>
                                <th scope="col">{t("staff.column.decision")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
        }
    };

    view! {
        <h1>{move || t("staff.title")}</h1>
        <p>{move || t("staff.intro")}</p>
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=status_ref
            data-testid="staff-status"
        >
            {move || decided.get().map(|d| {
                let key = if d.approved { "staff.approved" } else { "staff.refused" };
                let text = tr(&Message::new(key).arg("requester", d.requester).arg("child", d.child));
                view! { <p class="status-message">{text}</p> }
            })}
        </div>
        {body}
    }
}

/// One request with its decision: approve, or refuse with a reason.
#[component]
fn QueueRow(
    request: StaffLinkRequest,
    on_decided: impl Fn(String, Decided) + Copy + 'static,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let id = request.id.clone();
    // The patient's name gives the server's messages their subject ("Jorge is al 15 …").
    let subject = request
        .record_name
        .as_deref()
        .unwrap_or(&request.child_name)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    let requester = request.requester_name.clone();
    let child = request.child_name.clone();

    let decide = move |approve: bool| {
        failure.set(None);
        errors.set(FieldErrors::default());
        let text = reason.get_untracked();
        if !approve && text.trim().is_empty() {
            let mut e = FieldErrors::default();
            e.add("reason", Message::new("staff.reason.empty"));
            errors.set(e);
            focus_reason(&id);
            return;
        }
        busy.set(true);
        let id = id.clone();
        let subject = subject.clone();
        let requester = requester.clone();
        let child = child.clone();
        leptos::task::spawn_local(async move {
            let decision = StaffDecision {
                approve,
                reason: text.trim().to_owned(),
            };
            match api::staff_decide(&id, &decision).await {
                Ok(_) => on_decided(
                    id,
                    Decided {
                        approved: approve,
                        requester,
                        child,
                    },
                ),
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_reason(&id);
                    busy.set(false);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(about_child(f.message(), subject)));
                    busy.set(false);
                }
            }
        });
    };
    let approve = {
        let decide = decide.clone();
        move |_| decide(true)
    };
    let refuse = move |_| decide(false);

    let reason_id = format!("reason-{}", request.id);
    let error_id = format!("reason-error-{}", request.id);
    let failure_id = format!("decision-error-{}", request.id);
    let reason_error = move || errors.with(|e| e.first("reason").map(tr));
    let described = {
        let error_id = error_id.clone();
        let failure_id = failure_id.clone();
        move || {
            let mut ids = vec![failure_id.clone()];
            if reason_error().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let record = match (&request.record_name, request.record_birth_date) {
        (Some(name), Some(born)) => format!(
            "{name}, {}",
            crate::i18n::t1("staff.born", "date", &date(born))
        ),
        (Some(name), None) => name.clone(),
        (None, _) => t("staff.no_patient"),
    };
    let data_child = request.child_name.clone();
    let approve_label = format!("{}: {}", t("staff.approve"), request.child_name);
    let refuse_label = format!("{}: {}", t("staff.refuse"), request.child_name);
    view! {
        <tr data-testid="staff-request" data-child=data_child>
            <td data-label=t("staff.column.requester")>{request.requester_name.clone()}</td>
            <th scope="row" data-label=t("staff.column.child")>{request.child_name.clone()}</th>
            <td data-label=t("staff.column.number")>{request.child_national_number.clone()}</td>
            <td data-label=t("staff.column.message") class="staff-message">{request.message.clone()}</td>
            <td data-label=t("staff.column.filed")>{date_time(request.filed_at)}</td>
            <td data-label=t("staff.column.record") data-testid="staff-record">{record}</td>
            <td data-label=t("staff.column.decision") class="staff-decision">
                <p class="form-error" id=failure_id role="alert" data-testid="decision-error">
                    {move || failure.get().map(|m| tr(&m))}
                </p>
                <div class="actions">
                    <button
                        type="button"
                        data-testid="approve"
                        aria-label=approve_label
                        disabled=move || busy.get()
                        on:click=approve
                    >
                        {t("staff.approve")}
                    </button>
                </div>
                <div class="field" class:has-error=move || reason_error().is_some()>
                    <label for=reason_id.clone()>{t("staff.reason")}</label>
                    <textarea
                        id=reason_id.clone()
                        rows="3"
                        data-testid="refusal-reason"
                        aria-invalid=move || if reason_error().is_some() { "true" } else { "false" }
                        aria-describedby=described
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            errors.update(|e| {
                                e.0.remove("reason");
                            });
                        }
                    ></textarea>
                    <p class="field-error" id=error_id role="alert" data-testid="reason-error">{reason_error}</p>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        data-testid="refuse"
                        aria-label=refuse_label
                        disabled=move || busy.get()
                        on:click=refuse
                    >
                        {t("staff.refuse")}
                    </button>
                </div>
            </td>
        </tr>
    }
}

/// The server's reasons why the law gives no link speak of "the child"; beside a request the
/// page names them ("Jorge is al 15 …"), with the page's own texts of those keys.
fn about_child(message: Message, name: String) -> Message {
    match message.key.strip_prefix("link.") {
        Some(kind @ ("child_too_old" | "child_died" | "no_birth_date")) => Message {
            key: format!("staff.{kind}").into(),
            args: message.args,
        }
        .arg("name", name),
        _ => message,
    }
}

/// Puts the focus in a request's reason field, where its error is.
fn focus_reason(id: &str) {
    let selector = format!("#reason-{id}");
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
        {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
