//! "Gekoppelde dossiers": the records the person may read for someone else, why, and the next
//! birthday that changes it; the form to ask for a link to a child's record, the application to
//! represent an adult who cannot decide, and the person's requests with staff's answers.

use inzage_domain::access::{Action, Difference, PersonId, Principal, RuleId};
use inzage_domain::manage::{AgeChange, DesignationKind};
use inzage_domain::wire::{
    FieldErrors, LinkRequest, LinkRequestStatus, LinkedRecord, RepresentationRequest, RequestStatus,
};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::designations::{chosen_pdf, PdfField};
use super::login::{Field, SelectField};
use super::messages::TextArea;
use super::staff::kind_text;
use super::{ensure_me, handle_session};
use crate::api::{self, ApiFailure};
use crate::i18n::{date, local_day, reason_text, t, tr, track};
use crate::records::Records;
use crate::Session;

/// The first name of a "given family" name, to speak of a child as a parent does.
fn given_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// What the next birthday changes for the logged-in person, as one sentence: whether they gain
/// or lose reading the record, and, from the rule that decides afterwards, what happens then.
fn change_sentence(linked: &LinkedRecord, change: &AgeChange, me: &Principal) -> Option<String> {
    let mine: Vec<&Difference> = change
        .differences
        .iter()
        .filter(|d| &d.principal == me && d.action == Action::Read)
        .collect();
    let on = date(change.on);
    let age = change.age.to_string();
    if linked.own {
        // The person's own record: what they gain themselves, else that others' access changes.
        let key = match mine.first() {
            Some(d) if d.after.is_permitted() && !d.before.is_permitted() => {
                "linked.change.own_gains"
            }
            _ if change.differences.iter().any(|d| d.action == Action::Read) => {
                "linked.change.own_others"
            }
            _ => return None,
        };
        return Some(tr(&Message::new(key).arg("date", on).arg("age", age)));
    }
    let d = mine.first()?;
    let loses = d.before.is_permitted() && !d.after.is_permitted();
    let gains = !d.before.is_permitted() && d.after.is_permitted();
    let after = |rule: RuleId| d.after.rules.contains(&rule);
    let key = if loses && after(RuleId::BeParentLinkEnded) {
        "linked.change.be_link_ends"
    } else if loses && after(RuleId::NlChildDecidesAlone) {
        "linked.change.nl_child_decides"
    } else if loses && after(RuleId::NlChildConsentMissing) {
        "linked.change.nl_consent_needed"
    } else if loses {
        "linked.change.loses"
    } else if gains {
        "linked.change.gains"
    } else {
        return None;
    };
    Some(tr(&Message::new(key)
        .arg("date", on)
        .arg("age", age)
        .arg("name", given_name(&linked.name).to_owned())))
}

/// The page.
#[component]
pub fn LinkedPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let list = LocalResource::new(api::records);
    let requests = RwSignal::new(None::<Result<Vec<LinkRequestStatus>, ApiFailure>>);
    leptos::task::spawn_local(async move {
        requests.set(Some(api::link_requests().await));
    });
    // The menu under the person's name follows the freshest list.
    Effect::new(move |_| {
        if let Some(Ok(l)) = list.get() {
            records.refresh(l);
        }
    });
    view! {
        <h1>{move || t("linked.title")}</h1>
        <p>{move || t("linked.intro")}</p>
        <section aria-labelledby="linked-records-title">
            <h2 id="linked-records-title">{move || t("linked.records.title")}</h2>
            {move || {
                track();
                match list.get() {
                    None => view! { <p aria-busy="true">{move || t("common.loading")}</p> }.into_any(),
                    Some(Err(f)) => {
                        handle_session::<()>(&Err(f.clone()));
                        view! { <p class="form-error" role="alert" data-testid="linked-error">{tr(&f.message())}</p> }
                            .into_any()
                    }
                    Some(Ok(l)) => view! { <RecordList list=l/> }.into_any(),
                }
            }}
        </section>
        <LinkRequestForm requests=requests/>
        <RepresentationForm requests=requests/>
        <RequestList requests=requests/>
    }
}

#[component]
fn RecordList(list: Vec<LinkedRecord>) -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let records = expect_context::<Records>();
    let navigate = use_navigate();
    let own = me.with_untracked(|m| m.as_ref().and_then(|m| m.record.clone()));
    let principal = Principal::Person {
        id: PersonId(own.unwrap_or_default()),
    };
    let others = list.iter().filter(|l| !l.own).count();
    let items = list
        .into_iter()
        .map(|linked| {
            let reads = linked.read.is_permitted();
            let reasons = linked
                .read
                .reasons
                .iter()
                .map(|r| {
                    let text = reason_text(r, |_| None);
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let change = linked.next_change.as_ref().and_then(|c| {
                let sentence = change_sentence(&linked, c, &principal)?;
                // The server's clock decides, as it decides when the notice is mailed.
                let soon = linked.change_soon;
                Some(view! {
                    <p class="age-change" class:soon=soon data-testid="age-change" data-soon=soon.to_string()>
                        {soon.then(|| view! { <strong>{t("linked.change.soon")}" "</strong> })}
                        {sentence}
                    </p>
                })
            });
            let name = linked.name.clone();
            let heading = if linked.own {
                crate::i18n::t1("records.menu.own", "name", &linked.name)
            } else {
                linked.name.clone()
            };
            let open_label = crate::i18n::t1("linked.open_of", "name", &linked.name);
            let navigate = navigate.clone();
            let open = move |_| {
                records.choose(&linked);
                navigate("/verslagen", Default::default());
            };
            view! {
                <li class="person-card" data-testid="linked-record" data-name=name>
                    <p class="person-name">{heading}</p>
                    <p class="read-status" class:can-read=reads class:cannot-read=!reads>
                        {if reads { t("linked.can_read") } else { t("linked.cannot_read") }}
                    </p>
                    <ul class="reasons" aria-label=t("access.why")>{reasons}</ul>
                    {change}
                    {reads.then(|| view! {
                        <div class="actions">
                            <button type="button" class="secondary" aria-label=open_label data-testid="open-record" on:click=open>
                                {t("linked.open")}
                            </button>
                        </div>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        {(others == 0).then(|| view! { <p data-testid="linked-none">{t("linked.none")}</p> })}
        <ul class="person-list" data-testid="linked-records">{items}</ul>
    }
}

/// "Toegang vragen tot het dossier van uw kind": validated in the browser with the domain's
/// rules, the same the server applies.
#[component]
fn LinkRequestForm(
    requests: RwSignal<Option<Result<Vec<LinkRequestStatus>, ApiFailure>>>,
) -> impl IntoView {
    let child_name = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        sent.set(false);
        let req = LinkRequest {
            child_name: child_name.get_untracked(),
            child_national_number: number.get_untracked(),
            message: message.get_untracked(),
        };
        if let Err(e) = req.validate() {
            errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::request_link(&req).await {
                Ok(status) => {
                    child_name.set(String::new());
                    number.set(String::new());
                    message.set(String::new());
                    sent.set(true);
                    requests.update(|r| match r {
                        Some(Ok(list)) => list.insert(0, status),
                        _ => *r = Some(Ok(vec![status])),
                    });
                }
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_first_error();
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    form_error.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card referral" aria-labelledby="link-request-title" data-testid="link-request-form">
            <h2 id="link-request-title">{move || t("link.form.title")}</h2>
            <p>{move || t("link.form.intro")}</p>
            <div role="status" aria-live="polite" data-testid="link-request-status">
                {move || sent.get().then(|| view! { <p class="status-message">{t("link.form.sent")}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="link-request-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <Field
                    id="child_name"
                    label=Signal::derive(|| t("link.form.child_name"))
                    hint=Signal::derive(|| t("link.form.child_name.hint"))
                    value=child_name
                    errors=errors
                />
                <Field
                    id="child_national_number"
                    label=Signal::derive(|| t("link.form.national_number"))
                    hint=Signal::derive(|| t("link.form.national_number.hint"))
                    value=number
                    errors=errors
                    inputmode="numeric"
                />
                <TextArea
                    id="message"
                    field="message"
                    label="link.form.message"
                    hint="link.form.message.hint"
                    value=message
                    errors=errors
                    rows=4
                />
                <button type="submit" data-testid="link-request-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("link.form.submit") }}
                </button>
            </form>
        </section>
    }
}

/// The kinds someone may apply for to represent an adult, by the law of the patient's hospital.
const APPLICATION_KINDS: [DesignationKind; 3] = [
    DesignationKind::Representative,
    DesignationKind::Curator,
    DesignationKind::Mentor,
];

/// "Vertegenwoordiger worden": someone who does not manage an adult patient's record applies
/// to represent them, with the signed form or the court's decision as a PDF. Checked in the
/// browser with the domain's rules, the same the server applies; the request then appears in
/// the list below with the parent's requests.
#[component]
fn RepresentationForm(
    requests: RwSignal<Option<Result<Vec<LinkRequestStatus>, ApiFailure>>>,
) -> impl IntoView {
    let first = DesignationKind::Representative.as_str().to_owned();
    let kind = RwSignal::new(first.clone());
    let patient_name = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let file_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        sent.set(false);
        let req = RepresentationRequest {
            kind: kind.get_untracked(),
            patient_name: patient_name.get_untracked(),
            patient_national_number: number.get_untracked(),
            message: message.get_untracked(),
        };
        let mut e = req.validate().err().unwrap_or_default();
        let file = chosen_pdf(file_ref, &mut e);
        let Some(file) = file.filter(|_| e.is_empty()) else {
            errors.set(e);
            focus_first_error();
            return;
        };
        let Ok(data) = web_sys::FormData::new() else {
            form_error.set(Some(Message::new("error.network")));
            return;
        };
        let filled = data
            .append_with_str("kind", &req.kind)
            .and_then(|()| data.append_with_str("patient_name", req.patient_name.trim()))
            .and_then(|()| {
                data.append_with_str("patient_national_number", &req.patient_national_number)
            })
            .and_then(|()| data.append_with_str("message", req.message.trim()))
            .and_then(|()| data.append_with_blob_and_filename("form", &file, &file.name()));
        if filled.is_err() {
            form_error.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        let first = first.clone();
        leptos::task::spawn_local(async move {
            match api::apply_to_represent(&data).await {
                Ok(status) => {
                    kind.set(first);
                    patient_name.set(String::new());
                    number.set(String::new());
                    message.set(String::new());
                    if let Some(input) = file_ref.get_untracked() {
                        input.set_value("");
                    }
                    errors.set(FieldErrors::default());
                    sent.set(true);
                    requests.update(|r| match r {
                        Some(Ok(list)) => list.insert(0, status),
                        _ => *r = Some(Ok(vec![status])),
                    });
                }
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_first_error();
                }
                Err(f) => {
                    handle_session::<()>(&Err(f.clone()));
                    form_error.set(Some(f.message()));
                }
            }
            busy.set(false);
        });
    };

    let explanations = APPLICATION_KINDS
        .iter()
        .map(|k| {
            let k = *k;
            view! {
                <li>
                    <strong>{move || kind_text(k)}": "</strong>
                    {move || t(&format!("representation.explain.{}", k.as_str()))}
                </li>
            }
        })
        .collect_view();
    let options = APPLICATION_KINDS
        .iter()
        .map(|k| {
            let k = *k;
            view! { <option value=k.as_str()>{move || t(&format!("representation.option.{}", k.as_str()))}</option> }
        })
        .collect_view();

    view! {
        <section class="card referral" aria-labelledby="representation-title" data-testid="representation-form">
            <h2 id="representation-title">{move || t("representation.title")}</h2>
            <p>{move || t("representation.intro")}</p>
            <ul>{explanations}</ul>
            <p>
                {move || t("representation.blank")}" "
                <a href="/formulieren/vertegenwoordiger.pdf" download data-testid="representation-blank">
                    {move || t("designation.blank.representative")}
                </a>
            </p>
            <div role="status" aria-live="polite" data-testid="representation-status">
                {move || sent.get().then(|| view! { <p class="status-message">{t("representation.sent")}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="representation-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <SelectField
                    id="representation_kind"
                    field="kind"
                    name="kind"
                    label=Signal::derive(|| t("representation.kind"))
                    value=kind
                    on_change=move |v| kind.set(v)
                    errors=errors
                >
                    {options}
                </SelectField>
                <Field
                    id="patient_name"
                    label=Signal::derive(|| t("representation.patient_name"))
                    hint=Signal::derive(|| t("designation.form.name.hint"))
                    value=patient_name
                    errors=errors
                />
                <Field
                    id="patient_national_number"
                    label=Signal::derive(|| t("representation.number"))
                    hint=Signal::derive(|| t("designation.form.number.hint"))
                    value=number
                    errors=errors
                    inputmode="numeric"
                />
                <TextArea
                    id="representation_message"
                    field="message"
                    label="representation.message"
                    hint="representation.message.hint"
                    value=message
                    errors=errors
                    rows=4
                />
                <PdfField id="representation_file" label="representation.file" input=file_ref errors=errors/>
                <button type="submit" data-testid="representation-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("representation.submit") }}
                </button>
            </form>
        </section>
    }
}

/// Moves the focus to the first field marked invalid, once the page shows the marks.
pub(crate) fn focus_first_error() {
    // The marks appear in the next render, before the next frame.
    request_animation_frame(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-invalid=true]").ok().flatten())
        {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The person's requests, newest first, with staff's answers.
#[component]
fn RequestList(
    requests: RwSignal<Option<Result<Vec<LinkRequestStatus>, ApiFailure>>>,
) -> impl IntoView {
    let body = move || {
        track();
        match requests.get() {
            None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any()
            }
            Some(Ok(list)) if list.is_empty() => {
                view! { <p data-testid="link-requests-none">{t("link.requests.empty")}</p> }
                    .into_any()
            }
            Some(Ok(list)) => {
                let items = list
                    .into_iter()
                    .map(|r| {
                        let (status, class) = match r.status {
                            RequestStatus::Pending => ("link.status.pending", "pending"),
                            RequestStatus::Approved => ("link.status.approved", "approved"),
                            RequestStatus::Refused => ("link.status.refused", "refused"),
                        };
                        let what = r.kind.map_or_else(|| t("link.requests.as_parent"), kind_text);
                        view! {
                            <li class="person-card" data-testid="link-request" data-status=class data-name=r.child_name.clone()>
                                <p class="person-name">{r.child_name.clone()}</p>
                                <p class="person-meta">
                                    {what}" · "
                                    {crate::i18n::t1("link.requests.filed", "date", &local_day(r.filed_at))}
                                </p>
                                <p class=format!("request-status {class}")>{t(status)}</p>
                                {r.reason.map(|reason| view! {
                                    <p><strong>{t("link.requests.reason")}": "</strong>{reason}</p>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="person-list" data-testid="link-requests">{items}</ul> }
                    .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="link-requests-title">
            <h2 id="link-requests-title">{move || t("link.requests.title")}</h2>
            {body}
        </section>
    }
}
