//! The back office of hospital staff (the ombuds service): the queue of parents' link requests,
//! each with the patient the national number belongs to, approved or refused with a reason.
//! The server decides whether the law allows the link; the page shows its answer beside the
//! request. Below it, the queue of designations (trusted persons, representatives,
//! authorisations), each with the signed form to check; patients' requests
//! (`staff_requests.rs`) and messages (`messages.rs`); then the code cards to post and the helpdesk (`staff_cards.rs`).

use inzage_domain::manage::DesignationKind;
use inzage_domain::wire::{
    CapacityRegained, FieldErrors, StaffDecision, StaffDesignation, StaffIncapacity,
    StaffLinkRequest,
};
use inzage_domain::Message;
use leptos::prelude::*;

use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, date_time, t, t1, tr, track};

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
        decided.set(Some(d));
        done(queue, |r| r.id == id, status_ref);
    };

    let body = move || {
        track();
        match queue_items(queue.get(), Some("staff-error")) {
            Err(state) => state,
            Ok(list) => {
                let empty = list.is_empty().then_some("staff.queue.empty");
                let rows = list
                    .into_iter()
                    .map(|r| view! { <QueueRow request=r on_decided=on_decided/> })
                    .collect_view()
                    .into_any();
                let columns = &[
                    "staff.column.requester",
                    "staff.column.child",
                    "staff.column.number",
                    "staff.column.message",
                    "staff.column.filed",
                    "staff.column.record",
                    "staff.column.decision",
                ];
                queue_table("staff-queue", "staff.queue.caption", columns, empty, rows)
            }
        }
    };

    let decided_text = Signal::derive(move || {
        decided.get().map(|d| {
            let key = if d.approved {
                "staff.approved"
            } else {
                "staff.refused"
            };
            tr(&Message::new(key)
                .arg("requester", d.requester)
                .arg("child", d.child))
        })
    });
    view! {
        <h1>{move || t("staff.title")}</h1>
        <p>{move || t("staff.intro")}</p>
        <StatusLine node_ref=status_ref testid="staff-status" text=decided_text/>
        {body}
        <DesignationQueue/>
        <IncapacityList/>
        <super::staff_requests::RequestQueue/>
        <super::messages::StaffThreads/>
        <super::staff_cards::CodeCardQueue/>
        <super::staff_cards::Helpdesk/>
        <super::staff_help::HelpQueue/>
    }
}

/// "Patiënten die niet zelf kunnen beslissen": the records with an incapacity recorded, each
/// with its representatives, where staff record that the patient can decide again (with the
/// ground, kept in the patient's audit trail).
#[component]
fn IncapacityList() -> impl IntoView {
    let list = RwSignal::new(None::<Result<Vec<StaffIncapacity>, ApiFailure>>);
    let ended = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        list.set(Some(api::staff_incapacities().await));
    });
    let on_ended = move |record: String, name: String| {
        ended.set(Some(name));
        done(list, |i| i.record == record, status_ref);
    };
    let body = move || {
        track();
        match queue_items(list.get(), None) {
            Err(state) => state,
            Ok(items) if items.is_empty() => {
                view! { <p data-testid="staff-incapacities-empty">{t("staff.incapacities.empty")}</p> }
                    .into_any()
            }
            Ok(items) => {
                let rows = items
                    .into_iter()
                    .map(|i| view! { <IncapacityRow item=i on_ended=on_ended/> })
                    .collect_view()
                    .into_any();
                let columns = &[
                    "staff.designation.column.patient",
                    "staff.incapacities.since",
                    "staff.incapacities.representatives",
                    "staff.column.decision",
                ];
                queue_table("staff-incapacities", "staff.incapacities.caption", columns, None, rows)
            }
        }
    };
    view! {
        <section aria-labelledby="staff-incapacities-title">
            <h2 id="staff-incapacities-title">{move || t("staff.incapacities.title")}</h2>
            <p>{move || t("staff.incapacities.intro")}</p>
            <StatusLine
                node_ref=status_ref
                testid="staff-incapacity-status"
                text=Signal::derive(move || ended.get().map(|n| t1("staff.incapacities.ended", "patient", &n)))
            />
            {body}
        </section>
    }
}

/// One record with an incapacity: who, since when, who represents them, and the form to
/// record that the patient can decide again.
#[component]
fn IncapacityRow(
    item: StaffIncapacity,
    on_ended: impl Fn(String, String) + Copy + 'static,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let record = item.record.clone();
    let name = item.patient_name.clone();
    let end = move |_| {
        failure.set(None);
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            let mut e = FieldErrors::default();
            e.add("reason", Message::new("staff.reason.empty"));
            errors.set(e);
            focus_reason(&record);
            return;
        }
        busy.set(true);
        let (record, name) = (record.clone(), name.clone());
        leptos::task::spawn_local(async move {
            let body = CapacityRegained {
                reason: text.trim().to_owned(),
            };
            match api::staff_end_incapacity(&record, &body).await {
                Ok(()) => on_ended(record, name),
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_reason(&record);
                    busy.set(false);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    busy.set(false);
                }
            }
        });
    };
    let reason_id = format!("reason-{}", item.record);
    let error_id = format!("reason-error-{}", item.record);
    let reason_error = move || errors.with(|e| e.first("reason").map(tr));
    let born = item
        .birth_date
        .map(|d| t1("staff.born", "date", &date(d)))
        .unwrap_or_default();
    let representatives = if item.representatives.is_empty() {
        t("staff.incapacities.nobody")
    } else {
        item.representatives.join(", ")
    };
    let button_label = format!("{}: {}", t("staff.incapacities.end"), item.patient_name);
    view! {
        <tr data-testid="staff-incapacity" data-patient=item.patient_name.clone()>
            <th scope="row" data-label=t("staff.designation.column.patient")>
                {item.patient_name.clone()}<br/>{born}
            </th>
            <td data-label=t("staff.incapacities.since")>{date_time(item.since)}</td>
            <td data-label=t("staff.incapacities.representatives")>{representatives}</td>
            <td data-label=t("staff.column.decision") class="staff-decision">
                <p class="form-error" role="alert" data-testid="decision-error">
                    {move || failure.get().map(|m| tr(&m))}
                </p>
                <div class="field" class:has-error=move || reason_error().is_some()>
                    <label for=reason_id.clone()>{t("staff.incapacities.reason")}</label>
                    <textarea
                        id=reason_id.clone()
                        rows="3"
                        data-testid="capacity-reason"
                        aria-invalid=move || if reason_error().is_some() { "true" } else { "false" }
                        aria-describedby=error_id.clone()
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            errors.update(|e| {
                                e.0.remove("reason");
                            });
                        }
                    ></textarea>
                    <p class="field-error" id=error_id.clone() role="alert">{reason_error}</p>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        data-testid="capacity-regained"
                        aria-label=button_label
                        disabled=move || busy.get()
                        on:click=end
                    >
                        {t("staff.incapacities.end")}
                    </button>
                </div>
            </td>
        </tr>
    }
}

/// A back-office list's answer, where it is not yet its items: the busy text, or the failure in
/// an alert (with `error_testid`; a lost session is handled). `Ok`: the items, to lay out.
/// Not generic in its views, so each list compiles only its own rows.
pub(crate) fn queue_items<T>(
    state: Option<Result<Vec<T>, ApiFailure>>,
    error_testid: Option<&'static str>,
) -> Result<Vec<T>, AnyView> {
    match state {
        None => Err(view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any()),
        Some(Err(f)) => Err(failure_alert(&f, error_testid)),
        Some(Ok(items)) => Ok(items),
    }
}

fn failure_alert(f: &ApiFailure, testid: Option<&'static str>) -> AnyView {
    handle_session::<()>(&Err(f.clone()));
    view! { <p class="form-error" role="alert" data-testid=testid>{tr(&f.message())}</p> }
        .into_any()
}

/// A back-office queue as a table (stacked into cards on a phone): its caption and column
/// headings (text keys) and its `rows`. When it has none, the text of `empty` (a key) is said
/// above it, with the test id `<testid>-empty`.
pub(crate) fn queue_table(
    testid: &'static str,
    caption: &'static str,
    columns: &'static [&'static str],
    empty: Option<&'static str>,
    rows: AnyView,
) -> AnyView {
    let empty = empty.map(|key| {
        let id = format!("{testid}-empty");
        view! { <p data-testid=id>{t(key)}</p> }
    });
    let headings = columns
        .iter()
        .map(|key| view! { <th scope="col">{t(key)}</th> })
        .collect_view();
    view! {
        {empty}
        <table class="stack staff-queue" data-testid=testid>
            <caption>{t(caption)}</caption>
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The polite status line of a back-office section: it announces what was just done, and takes
/// the focus of the row that left with it (see [`done`]).
#[component]
pub(crate) fn StatusLine(
    node_ref: NodeRef<leptos::html::Div>,
    testid: &'static str,
    /// What was done, in the page's language; nothing yet: none.
    #[prop(into)]
    text: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=node_ref
            data-testid=testid
        >
            {move || text.get().map(|t| view! { <p class="status-message">{t}</p> })}
        </div>
    }
}

/// A row is done: it leaves its list (`gone` picks it), and the focus it had goes to the status
/// line that announces it, so it is not lost with the row.
pub(crate) fn done<T: Send + Sync + 'static>(
    list: RwSignal<Option<Result<Vec<T>, ApiFailure>>>,
    gone: impl Fn(&T) -> bool,
    status: NodeRef<leptos::html::Div>,
) {
    list.update(|l| {
        if let Some(Ok(items)) = l {
            items.retain(|i| !gone(i));
        }
    });
    if let Some(el) = status.get_untracked() {
        let _ = el.focus();
    }
}

/// The text of a designation's kind.
pub(crate) fn kind_text(kind: DesignationKind) -> String {
    t(&format!("designation.kind.{}", kind.as_str()))
}

/// A designation decided, for the status message.
#[derive(Clone)]
struct DesignationDecided {
    approved: bool,
    designee: String,
    patient: String,
}

/// "Aanduidingen": the queue of pending designations with their signed forms, below the link
/// requests. Staff check the form against the person the number belongs to.
#[component]
fn DesignationQueue() -> impl IntoView {
    let queue = RwSignal::new(None::<Result<Vec<StaffDesignation>, ApiFailure>>);
    let decided = RwSignal::new(None::<DesignationDecided>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        queue.set(Some(api::staff_designations().await));
    });
    let on_decided = move |id: String, d: DesignationDecided| {
        decided.set(Some(d));
        done(queue, |r| r.id == id, status_ref);
    };
    let body = move || {
        track();
        match queue_items(queue.get(), Some("staff-designations-error")) {
            Err(state) => state,
            Ok(list) => {
                let empty = list.is_empty().then_some("staff.designations.empty");
                let rows = list
                    .into_iter()
                    .map(|d| view! { <DesignationRow designation=d on_decided=on_decided/> })
                    .collect_view()
                    .into_any();
                let columns = &[
                    "staff.designation.column.patient",
                    "staff.designation.column.kind",
                    "staff.designation.column.designee",
                    "staff.column.filed",
                    "staff.designation.column.form",
                    "staff.column.decision",
                ];
                queue_table(
                    "staff-designations",
                    "staff.designations.caption",
                    columns,
                    empty,
                    rows,
                )
            }
        }
    };
    let decided_text = Signal::derive(move || {
        decided.get().map(|d| {
            let key = if d.approved {
                "staff.designation.approved"
            } else {
                "staff.designation.refused"
            };
            tr(&Message::new(key)
                .arg("designee", d.designee)
                .arg("patient", d.patient))
        })
    });
    view! {
        <section aria-labelledby="staff-designations-title">
            <h2 id="staff-designations-title">{move || t("staff.designations.title")}</h2>
            <p>{move || t("staff.designations.intro")}</p>
            <StatusLine node_ref=status_ref testid="staff-designation-status" text=decided_text/>
            {body}
        </section>
    }
}

/// One pending designation: who designates whom as what, the person the network knows by the
/// number, the signed form, and the decision.
#[component]
fn DesignationRow(
    designation: StaffDesignation,
    on_decided: impl Fn(String, DesignationDecided) + Copy + 'static,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let id = designation.id.clone();
    let designee = designation.designee_name.clone();
    let patient = designation.patient_name.clone();

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
        let designee = designee.clone();
        let patient = patient.clone();
        leptos::task::spawn_local(async move {
            let decision = StaffDecision {
                approve,
                reason: text.trim().to_owned(),
                ..StaffDecision::default()
            };
            match api::staff_decide_designation(&id, &decision).await {
                Ok(_) => on_decided(
                    id,
                    DesignationDecided {
                        approved: approve,
                        designee,
                        patient,
                    },
                ),
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_reason(&id);
                    busy.set(false);
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    failure.set(Some(f.message()));
                    busy.set(false);
                }
            }
        });
    };

    let known = match &designation.designee_record_name {
        Some(name) => t1("staff.designation.known_as", "name", name),
        None => t("staff.designation.no_person"),
    };
    let kilobytes = (designation.form_size.max(0) + 1023) / 1024;
    let form_text = t1(
        "staff.designation.form_link",
        "size",
        &kilobytes.to_string(),
    );
    let form_href = api::designation_form_url(&designation.id);
    let data_designee = designation.designee_name.clone();
    view! {
        <tr data-testid="staff-designation" data-designee=data_designee>
            <td data-label=t("staff.designation.column.patient")>{designation.patient_name.clone()}</td>
            <td data-label=t("staff.designation.column.kind")>{kind_text(designation.kind)}</td>
            <th scope="row" data-label=t("staff.designation.column.designee")>
                {designation.designee_name.clone()}<br/>
                {designation.designee_national_number.clone()}<br/>
                <span data-testid="staff-designee-record">{known}</span>
            </th>
            <td data-label=t("staff.column.filed")>{date_time(designation.filed_at)}</td>
            <td data-label=t("staff.designation.column.form")>
                <a href=form_href target="_blank" rel="noopener" data-testid="designation-form">{form_text}</a>
            </td>
            <DecisionCell
                id=designation.id.clone()
                about=designation.designee_name.clone()
                reason=reason
                errors=errors
                failure=failure
                busy=busy
                on_decide=decide
            />
        </tr>
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
    let without_authority = RwSignal::new(false);
    let incapacity = RwSignal::new(false);
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
                without_authority: !approve && without_authority.get_untracked(),
                incapacity: approve && incapacity.get_untracked(),
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
    let record = match (&request.record_name, request.record_birth_date) {
        (Some(name), Some(born)) => format!(
            "{name}, {}",
            crate::i18n::t1("staff.born", "date", &date(born))
        ),
        (Some(name), None) => name.clone(),
        (None, _) => t("staff.no_patient"),
    };
    let data_child = request.child_name.clone();
    // A parent's request, or an application to represent an adult with its signed form.
    let asked = match request.kind {
        None => t("link.requests.as_parent"),
        Some(kind) => kind_text(kind),
    };
    let form = request.form_size.map(|size| {
        let text = t1(
            "staff.designation.form_link",
            "size",
            &((size.max(0) + 1023) / 1024).to_string(),
        );
        view! {
            <br/>
            <a href=api::application_form_url(&request.id) target="_blank" rel="noopener" data-testid="application-form">{text}</a>
        }
    });
    let kind = request.kind;
    view! {
        <tr data-testid="staff-request" data-child=data_child data-kind=kind.map(|k| k.as_str())>
            <td data-label=t("staff.column.requester")>
                {request.requester_name.clone()}<br/>
                <span class="person-meta" data-testid="staff-asked">{asked}</span>
                {form}
            </td>
            <th scope="row" data-label=t("staff.column.child")>{request.child_name.clone()}</th>
            <td data-label=t("staff.column.number")>{request.child_national_number.clone()}</td>
            <td data-label=t("staff.column.message") class="staff-message">{request.message.clone()}</td>
            <td data-label=t("staff.column.filed")>{date_time(request.filed_at)}</td>
            <td data-label=t("staff.column.record") data-testid="staff-record">{record}</td>
            <DecisionCell
                id=request.id.clone()
                about=request.child_name.clone()
                reason=reason
                errors=errors
                failure=failure
                busy=busy
                on_decide=decide
                without_authority=(kind.is_none()).then_some(without_authority)
                incapacity=(kind == Some(DesignationKind::Representative)).then_some(incapacity)
            />
        </tr>
    }
}

/// The decision cell of a queue's row: approve, or refuse with a reason (required, checked by
/// the row's `on_decide`), with the reason's error beside the field and the server's answer
/// above the buttons.
#[component]
fn DecisionCell(
    /// The request's id, which makes the cell's element ids unique.
    id: String,
    /// Whom the request is about, to tell the buttons of the rows apart for screen readers.
    about: String,
    /// The reason typed.
    reason: RwSignal<String>,
    /// The reason's error.
    errors: RwSignal<FieldErrors>,
    /// Why the server did not take the decision.
    failure: RwSignal<Option<Message>>,
    /// Whether a decision is on its way.
    busy: RwSignal<bool>,
    /// Approves (true) or refuses (false).
    on_decide: impl Fn(bool) + Clone + 'static,
    /// For a parent's link request: whether the refusal records that the parent has no
    /// parental authority (a Dutch child's record).
    #[prop(default = None)]
    without_authority: Option<RwSignal<bool>>,
    /// For an application to be a Belgian patient's representative: whether staff established
    /// that the patient cannot exercise their rights (the approval records it).
    #[prop(default = None)]
    incapacity: Option<RwSignal<bool>>,
) -> impl IntoView {
    let authority_box = without_authority.map(|flag| {
        decision_box(
            &id,
            "without_authority",
            "staff.without_authority",
            flag,
            errors,
        )
    });
    let incapacity_box =
        incapacity.map(|flag| decision_box(&id, "incapacity", "staff.incapacity", flag, errors));
    let approve = {
        let decide = on_decide.clone();
        move |_| decide(true)
    };
    let refuse = move |_| on_decide(false);
    let reason_id = format!("reason-{id}");
    let error_id = format!("reason-error-{id}");
    let failure_id = format!("decision-error-{id}");
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
    let approve_label = format!("{}: {about}", t("staff.approve"));
    let refuse_label = format!("{}: {about}", t("staff.refuse"));
    view! {
        <td data-label=t("staff.column.decision") class="staff-decision">
            <p class="form-error" id=failure_id role="alert" data-testid="decision-error">
                {move || failure.get().map(|m| tr(&m))}
            </p>
            {incapacity_box}
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
            {authority_box}
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
    }
}

/// A box of a decision (`field`, the decision's field of that name), with the server's error
/// about it beside it.
fn decision_box(
    id: &str,
    field: &'static str,
    label: &'static str,
    flag: RwSignal<bool>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let box_id = format!("{}-{id}", field.replace('_', "-"));
    let error_id = format!("{box_id}-error");
    let error = move || errors.with(|e| e.first(field).map(tr));
    view! {
        <div class="field checkbox" class:has-error=move || error().is_some()>
            <input
                type="checkbox"
                id=box_id.clone()
                data-testid=field.replace('_', "-")
                aria-describedby=error_id.clone()
                prop:checked=move || flag.get()
                on:change=move |ev| {
                    flag.set(event_target_checked(&ev));
                    errors.update(|e| {
                        e.0.remove(field);
                    });
                }
            />
            <label for=box_id>{t(label)}</label>
            <p class="field-error" id=error_id role="alert" data-testid=format!("{}-error", field.replace('_', "-"))>
                {error}
            </p>
        </div>
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
