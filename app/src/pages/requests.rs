//! `/aanvragen`: requests about the current record (a copy, a copy for a minor or of a
//! fertility treatment, imaging, a correction or addition, destruction) and the cases filed.
//!
//! The form is assessed while it is filled in, by the domain's `requests::assess` under the
//! chosen hospital's policy and the server's clock, exactly as the server will assess it: the
//! due date, the fee, what is missing, or why it cannot be granted (yet) show before sending.
//! The cases show their status and deadline; a question from staff is answered here, and the
//! document that answers a copy is downloaded here.

use inzage_domain::cases::CaseStatus;
use inzage_domain::requests::{
    assess, missing_field, Assessment, ImagingDelivery, NewRequest, RequestContext, RequestForm,
    Signer,
};
use inzage_domain::wire::{CaseAnswer, FieldErrors, RequestCase, RequestHospital, RequestsView};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use time::OffsetDateTime;

use super::linked::focus_first_error;
use super::login::SelectField;
use super::record::section_view;
use super::reports::of_current;
use super::{ensure_me, show_failure};
use crate::api;
use crate::i18n::{date, local_day, number_text, t, t1, tr, track};
use crate::records::Records;

/// The largest document the server takes, in bytes.
pub(crate) const MAX_FILE: f64 = 5.0 * 1024.0 * 1024.0;

/// The kinds a person may file: copies for everyone who may ask one, corrections and
/// destruction only for whoever manages the record.
fn kinds(may_manage: bool) -> &'static [&'static str] {
    if may_manage {
        &[
            "copy",
            "copy_for_minor",
            "copy_of_fertility_treatment",
            "imaging_copy",
            "correction_or_addition",
            "destruction",
        ]
    } else {
        &[
            "copy",
            "copy_for_minor",
            "copy_of_fertility_treatment",
            "imaging_copy",
        ]
    }
}

/// The name of a form's kind, as in the wire format.
pub(crate) fn form_kind(form: &RequestForm) -> &'static str {
    match form {
        RequestForm::Copy { .. } => "copy",
        RequestForm::CopyForMinor { .. } => "copy_for_minor",
        RequestForm::CopyOfFertilityTreatment => "copy_of_fertility_treatment",
        RequestForm::ImagingCopy { .. } => "imaging_copy",
        RequestForm::CorrectionOrAddition { .. } => "correction_or_addition",
        RequestForm::Destruction { .. } => "destruction",
        RequestForm::CopyForDeceasedRelative { .. } => "copy_for_deceased_relative",
    }
}

/// What the requester wrote on the form, beyond its kind: a statement, or a relative's
/// kinship, motivation and practitioner. Shown as text, never as HTML.
pub(crate) fn form_details(form: &RequestForm) -> impl IntoView {
    let rows: Vec<(&'static str, String)> = match form {
        RequestForm::CorrectionOrAddition { statement } => {
            vec![("requests.form.statement", statement.clone())]
        }
        RequestForm::CopyForDeceasedRelative {
            degree,
            motivation,
            practitioner,
        } => {
            let mut rows = vec![
                (
                    "relatives.form.degree",
                    t(&format!("relatives.degree.{degree}")),
                ),
                ("relatives.form.motivation", motivation.clone()),
            ];
            if !practitioner.trim().is_empty() {
                rows.push(("relatives.form.practitioner", practitioner.clone()));
            }
            rows
        }
        _ => Vec::new(),
    };
    rows.into_iter()
        .map(|(label, text)| {
            view! { <p class="case-detail"><strong>{t(label)}": "</strong>{text}</p> }
        })
        .collect_view()
}

/// An amount in euro cents as "€ 10,00" (or "€ 10.00" in English).
pub(crate) fn euro(cents: u32) -> String {
    t1(
        "requests.fee.amount",
        "amount",
        &number_text(&format!("{}.{:02}", cents / 100, cents % 100)),
    )
}

/// The page.
#[component]
pub fn RequestsPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let data = LocalResource::new(move || {
        of_current(records.get(), |c| async move {
            let view = api::requests(&c.record).await?;
            Ok((c.record, view))
        })
    });
    view! {
        <h1>{move || t("requests.title")}</h1>
        <p>{move || t("requests.intro")}</p>
        <p>
            <A href="/aanvragen/overleden-familielid" attr:data-testid="relatives-link">
                {move || t("relatives.link")}
            </A>
        </p>
        {section_view(data, "requests.loading", |(record, view): (String, RequestsView)| {
            view! { <Requests record=record view=view/> }
        })}
    }
}

#[component]
fn Requests(record: String, view: RequestsView) -> impl IntoView {
    let cases = RwSignal::new(view.cases.clone());
    let status = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    let on_filed = move |case: RequestCase| {
        status.set(Some(t1("requests.sent", "date", &date(case.due))));
        cases.update(|c| c.insert(0, case));
        if let Some(el) = status_ref.get_untracked() {
            let _ = el.focus();
        }
    };
    let form = if view.hospitals.is_empty() {
        view! { <p data-testid="requests-no-hospital">{move || t("requests.no_hospital")}</p> }
            .into_any()
    } else {
        view! { <NewRequestForm record=record.clone() view=view.clone() on_filed=on_filed/> }
            .into_any()
    };
    view! {
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=status_ref
            data-testid="requests-status"
        >
            {move || status.get().map(|s| view! { <p class="status-message">{s}</p> })}
        </div>
        {form}
        <CaseList base=api::record_cases(&record) cases=cases/>
    }
}

/// The form's file input named `field`, when the form shows it.
pub(crate) fn file_input(
    form: &web_sys::HtmlFormElement,
    field: &str,
) -> Option<web_sys::HtmlInputElement> {
    let el = form
        .query_selector(&format!("input[name={field}]"))
        .ok()
        .flatten()?;
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok()
}

/// Adds the documents chosen for `signers` to `data`, a document over the size limit refused
/// beside its field instead; false when the browser could not build the form.
pub(crate) fn attach_documents(
    form: &web_sys::HtmlFormElement,
    signers: &[Signer],
    data: &web_sys::FormData,
    errors: &mut FieldErrors,
) -> bool {
    for s in signers {
        let field = s.field();
        let file = file_input(form, &field)
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            if file.size() > MAX_FILE {
                errors.add(&field, Message::new("upload.too_large").arg("max", "5 MB"));
            } else if data
                .append_with_blob_and_filename(&field, &file, &file.name())
                .is_err()
            {
                return false;
            }
        }
    }
    true
}

/// What the form's assessment says before it is sent: what is missing, beside its field (once
/// per field); another institution, beside the psychiatry box; or, returned for the form's
/// alert, why it cannot be granted.
pub(crate) fn assessment_errors(
    assessment: Option<Result<Assessment, Message>>,
    errors: &mut FieldErrors,
) -> Option<Message> {
    match assessment {
        Some(Ok(Assessment::Incomplete { missing })) => {
            for m in missing {
                let field = missing_field(&m);
                if errors.first(&field).is_none() {
                    errors.add(&field, m);
                }
            }
            None
        }
        Some(Ok(Assessment::RoutedElsewhere { institution })) => {
            errors.add(
                "psychiatry",
                Message::new("request.routed_elsewhere").arg("institution", institution),
            );
            None
        }
        Some(Ok(Assessment::Refused { reason, .. })) | Some(Err(reason)) => Some(reason),
        _ => None,
    }
}

/// The assessment of the form as it stands, or why it cannot be assessed.
fn assessment_of(
    hospital: Option<&RequestHospital>,
    form: &RequestForm,
    signed_by: Vec<Signer>,
    now: OffsetDateTime,
) -> Option<Result<Assessment, Message>> {
    let h = hospital?;
    let ctx = RequestContext {
        signed_by,
        ..h.context.clone()
    };
    Some(form.kind(&ctx).map(|k| assess(&k, &h.policy, now)))
}

#[component]
fn NewRequestForm(
    record: String,
    view: RequestsView,
    on_filed: impl Fn(RequestCase) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let hospitals = StoredValue::new(view.hospitals.clone());
    let now = view.now;
    let hospital = RwSignal::new(
        view.hospitals
            .first()
            .map(|h| h.id.clone())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new("copy".to_owned());
    let psychiatry = RwSignal::new(false);
    let two_parents = RwSignal::new(false);
    let core_data = RwSignal::new(false);
    let delivery = RwSignal::new("secure_link".to_owned());
    let statement = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let attached = RwSignal::new(Vec::<Signer>::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let form = move || match kind.get().as_str() {
        "copy_for_minor" => RequestForm::CopyForMinor {
            two_parents_with_authority: two_parents.get(),
        },
        "copy_of_fertility_treatment" => RequestForm::CopyOfFertilityTreatment,
        "imaging_copy" => RequestForm::ImagingCopy {
            delivery: if delivery.get() == "dvd" {
                ImagingDelivery::Dvd
            } else {
                ImagingDelivery::SecureLink
            },
        },
        "correction_or_addition" => RequestForm::CorrectionOrAddition {
            statement: statement.get(),
        },
        "destruction" => RequestForm::Destruction {
            core_data: core_data.get(),
        },
        _ => RequestForm::Copy {
            psychiatry: psychiatry.get(),
        },
    };
    let assessment = Memo::new(move |_| {
        let f = form();
        let chosen = hospital.get();
        hospitals.with_value(|hs| {
            assessment_of(hs.iter().find(|h| h.id == chosen), &f, attached.get(), now)
        })
    });
    // The documents chosen so far, by signer: the assessment counts them as signatures.
    let files_changed = move || {
        let mut signed = Vec::new();
        if let Some(form) = form_ref.get_untracked() {
            for s in Signer::ALL {
                let chosen = file_input(&form, &s.field())
                    .and_then(|input| input.files())
                    .is_some_and(|files| files.length() > 0);
                if chosen {
                    signed.push(s);
                }
            }
        }
        attached.set(signed);
    };
    let clear = move |field: &'static str| {
        move || {
            errors.update(|e| {
                e.0.remove(field);
            });
            form_error.set(None);
        }
    };

    let submit = {
        let record = record.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            form_error.set(None);
            let request = NewRequest {
                hospital: hospital.get_untracked(),
                note: note.get_untracked(),
                form: form(),
            };
            let mut e = request.check();
            let Ok(data) = web_sys::FormData::new() else {
                form_error.set(Some(Message::new("error.network")));
                return;
            };
            let Some(form_el) = form_ref.get_untracked() else {
                return;
            };
            if !attach_documents(&form_el, request.form.signers(), &data, &mut e) {
                form_error.set(Some(Message::new("error.network")));
                return;
            }
            form_error.set(assessment_errors(assessment.get_untracked(), &mut e));
            if !e.is_empty() || form_error.get_untracked().is_some() {
                errors.set(e);
                focus_first_error();
                return;
            }
            let json = serde_json::to_string(&request).unwrap_or_default();
            if data.append_with_str("request", &json).is_err() {
                form_error.set(Some(Message::new("error.network")));
                return;
            }
            busy.set(true);
            let record = record.clone();
            leptos::task::spawn_local(async move {
                match api::file_request(&record, &data).await {
                    Ok(case) => {
                        errors.set(FieldErrors::default());
                        note.set(String::new());
                        statement.set(String::new());
                        if let Some(f) = form_ref.get_untracked() {
                            // Clears the chosen documents; the signals keep the other choices.
                            for s in Signer::ALL {
                                if let Some(input) = file_input(&f, &s.field()) {
                                    input.set_value("");
                                }
                            }
                        }
                        attached.set(Vec::new());
                        on_filed(case);
                    }
                    Err(f) => show_failure(f, errors, form_error),
                }
                busy.set(false);
            });
        }
    };

    let hospital_options = view
        .hospitals
        .iter()
        .map(|h| view! { <option value=h.id.clone()>{h.name.clone()}</option> })
        .collect_view();
    let kind_options = kinds(view.may_manage)
        .iter()
        .map(|k| view! { <option value=*k>{move || t(&format!("requests.kind.{k}"))}</option> })
        .collect_view();
    let error_of = move |field: &'static str| move || errors.with(|e| e.first(field).map(tr));
    let invalid = move |field: &'static str| {
        move || {
            if errors.with(|e| e.first(field).is_some()) {
                "true"
            } else {
                "false"
            }
        }
    };

    let checkbox = move |id: &'static str, label: &'static str, value: RwSignal<bool>| {
        view! {
            <div class="field checkbox" class:has-error=move || error_of(id)().is_some()>
                <input
                    type="checkbox"
                    id=format!("request_{id}")
                    prop:checked=move || value.get()
                    aria-invalid=invalid(id)
                    aria-describedby=format!("request_{id}-error")
                    on:change=move |ev| {
                        value.set(event_target_checked(&ev));
                        clear(id)();
                    }
                />
                <label for=format!("request_{id}")>{move || t(label)}</label>
                <p class="field-error" id=format!("request_{id}-error") role="alert">{error_of(id)}</p>
            </div>
        }
    };

    let kind_fields = move || {
        track();
        match kind.get().as_str() {
            "copy" => checkbox("psychiatry", "requests.form.psychiatry", psychiatry).into_any(),
            "copy_for_minor" => {
                checkbox("two_parents", "requests.form.two_parents", two_parents).into_any()
            }
            "destruction" => checkbox("core_data", "requests.form.core_data", core_data).into_any(),
            "imaging_copy" => view! {
                <fieldset class="field">
                    <legend>{t("requests.form.delivery")}</legend>
                    {["secure_link", "dvd"].into_iter().map(|d| view! {
                        <div class="checkbox">
                            <input
                                type="radio"
                                name="delivery"
                                id=format!("delivery_{d}")
                                value=d
                                prop:checked=move || delivery.get() == d
                                on:change=move |_| delivery.set(d.to_owned())
                            />
                            <label for=format!("delivery_{d}")>{t(&format!("requests.delivery.{d}"))}</label>
                        </div>
                    }).collect_view()}
                </fieldset>
            }
            .into_any(),
            "correction_or_addition" => view! {
                <div class="field" class:has-error=move || error_of("statement")().is_some()>
                    <label for="request_statement">{t("requests.form.statement")}</label>
                    <p class="hint" id="request_statement-hint">{t("requests.form.statement.hint")}</p>
                    <textarea
                        id="request_statement"
                        rows="5"
                        maxlength="4000"
                        aria-invalid=invalid("statement")
                        aria-describedby="request_statement-hint request_statement-error"
                        prop:value=move || statement.get()
                        on:input=move |ev| {
                            statement.set(event_target_value(&ev));
                            clear("statement")();
                        }
                    ></textarea>
                    <p class="field-error" id="request_statement-error" role="alert">{error_of("statement")}</p>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };

    let signer_fields = move || {
        track();
        form()
            .signers()
            .iter()
            .map(|s| {
                view! { <DocumentField signer=*s errors=errors on_change=files_changed/> }
            })
            .collect_view()
    };

    view! {
        <section class="card referral" aria-labelledby="new-request-title" data-testid="request-form">
            <h2 id="new-request-title">{move || t("requests.form.title")}</h2>
            <div class="form-error" role="alert" data-testid="request-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate node_ref=form_ref>
                <SelectField
                    id="request_hospital"
                    field="hospital"
                    label=Signal::derive(|| t("requests.form.hospital"))
                    value=hospital
                    on_change=move |v| {
                        hospital.set(v);
                        clear("hospital")();
                    }
                    errors=errors
                >
                    {hospital_options}
                </SelectField>
                <div class="field">
                    <label for="request_kind">{move || t("requests.form.kind")}</label>
                    <select
                        id="request_kind"
                        prop:value=move || kind.get()
                        on:change=move |ev| {
                            kind.set(event_target_value(&ev));
                            errors.set(FieldErrors::default());
                            form_error.set(None);
                            attached.set(Vec::new());
                        }
                    >
                        {kind_options}
                    </select>
                    <p class="hint">{move || t(&format!("requests.explain.{}", kind.get()))}</p>
                </div>
                {kind_fields}
                {signer_fields}
                <div class="field" class:has-error=move || error_of("note")().is_some()>
                    <label for="request_note">{move || t("requests.form.note")}</label>
                    <p class="hint" id="request_note-hint">{move || t("requests.form.note.hint")}</p>
                    <textarea
                        id="request_note"
                        rows="3"
                        maxlength="4000"
                        aria-invalid=invalid("note")
                        aria-describedby="request_note-hint request_note-error"
                        prop:value=move || note.get()
                        on:input=move |ev| {
                            note.set(event_target_value(&ev));
                            clear("note")();
                        }
                    ></textarea>
                    <p class="field-error" id="request_note-error" role="alert">{error_of("note")}</p>
                </div>
                <AssessmentPreview assessment=assessment/>
                <button type="submit" data-testid="request-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("requests.form.submit") }}
                </button>
            </form>
        </section>
    }
}

/// What the domain's assessment says of the form as it stands: the due date and fee, what is
/// missing, or why it cannot be granted (yet); announced politely as it changes.
#[component]
pub(crate) fn AssessmentPreview(
    assessment: Memo<Option<Result<Assessment, Message>>>,
) -> impl IntoView {
    let preview = move || {
        track();
        let body = match assessment.get() {
            None => return ().into_any(),
            Some(Err(m)) => view! { <p class="refused">{tr(&m)}</p> }.into_any(),
            Some(Ok(a)) => match a {
                Assessment::Accepted {
                    due,
                    fee_cents,
                    notes,
                } => view! {
                    <p>{t1("requests.preview.due", "date", &date(due))}</p>
                    <p>{if fee_cents == 0 { t("requests.fee.free") } else { t1("requests.fee", "amount", &euro(fee_cents)) }}</p>
                    {notes.iter().map(|n| view! { <p>{tr(n)}</p> }).collect_view()}
                }
                .into_any(),
                Assessment::Weighed { due, notes } => view! {
                    <p>{t1("requests.preview.due", "date", &date(due))}</p>
                    {notes.iter().map(|n| view! { <p>{tr(n)}</p> }).collect_view()}
                }
                .into_any(),
                Assessment::Incomplete { missing } => view! {
                    <p>{t("requests.preview.missing")}</p>
                    <ul>{missing.iter().map(|m| view! { <li>{tr(m)}</li> }).collect_view()}</ul>
                }
                .into_any(),
                Assessment::RoutedElsewhere { institution } => view! {
                    <p class="refused">{tr(&Message::new("request.routed_elsewhere").arg("institution", institution))}</p>
                }
                .into_any(),
                Assessment::Refused {
                    reason,
                    possible_from,
                } => {
                    let reason = match possible_from {
                        Some(d) => reason.arg("from", d.to_string()),
                        None => reason,
                    };
                    view! { <p class="refused">{tr(&reason)}</p> }.into_any()
                }
            },
        };
        view! {
            <div class="note assessment" data-testid="request-assessment">
                <h3>{t("requests.preview.title")}</h3>
                {body}
            </div>
        }
        .into_any()
    };

    view! { <div aria-live="polite">{preview}</div> }
}

/// The file input for a signer's identity document, with its hint and error.
#[component]
pub(crate) fn DocumentField(
    signer: Signer,
    errors: RwSignal<FieldErrors>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let field = signer.field();
    let id = format!("request_{field}");
    let error = {
        let field = field.clone();
        move || errors.with(|e| e.first(&field).map(tr))
    };
    let has_error = error.clone();
    let aria = error.clone();
    let name = field.clone();
    view! {
        <div class="field" class:has-error=move || has_error().is_some()>
            <label for=id.clone()>{t(&format!("requests.signer.{}", signer.as_str()))}</label>
            <p class="hint" id=format!("{id}-hint")>{t("requests.form.document.hint")}</p>
            <input
                type="file"
                id=id.clone()
                name=name.clone()
                accept="application/pdf,image/png,image/jpeg"
                aria-invalid=move || if aria().is_some() { "true" } else { "false" }
                aria-describedby=format!("{id}-hint {id}-error")
                on:change=move |_| {
                    errors.update(|e| {
                        e.0.remove(&name);
                    });
                    on_change();
                }
            />
            <p class="field-error" id=format!("{id}-error") role="alert">{error}</p>
        </div>
    }
}

/// The words of a case's status.
pub(crate) fn status_text(status: CaseStatus) -> String {
    t(&format!("requests.status.{}", status.as_str()))
}

/// The cases filed, newest first.
/// `base` is where the cases live in the API ([`api::record_cases`] or
/// [`api::RELATIVE_CASES`]).
#[component]
pub(crate) fn CaseList(base: String, cases: RwSignal<Vec<RequestCase>>) -> impl IntoView {
    let body = move || {
        track();
        let list = cases.get();
        if list.is_empty() {
            return view! { <p data-testid="requests-none">{t("requests.list.empty")}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|c| view! { <CaseCard base=base.clone() case=c cases=cases/> })
            .collect_view();
        view! { <ul class="person-list" data-testid="request-cases">{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="cases-title">
            <h2 id="cases-title">{move || t("requests.list.title")}</h2>
            {body}
        </section>
    }
}

#[component]
fn CaseCard(base: String, case: RequestCase, cases: RwSignal<Vec<RequestCase>>) -> impl IntoView {
    let kind = form_kind(&case.form);
    let due = if case.status.is_closed() {
        None
    } else if case.overdue {
        Some(
            view! { <p class="overdue">{t1("requests.case.overdue", "date", &date(case.due))}</p> }
                .into_any(),
        )
    } else {
        Some(view! { <p>{t1("requests.case.due", "date", &date(case.due))}</p> }.into_any())
    };
    let download = case.delivery_size.map(|size| {
        let href = api::case_delivery_url(&base, &case.id);
        view! {
            <p>
                <a href=href download data-testid="case-download">
                    {t("requests.case.download")}
                </a>
                " (" {number_text(&format!("{:.1}", size as f64 / 1024.0))} " kB)"
            </p>
        }
    });
    let answer_form = (case.status == CaseStatus::NeedsInformation)
        .then(|| view! { <AnswerForm base=base.clone() id=case.id.clone() cases=cases/> });
    view! {
        <li class="person-card" data-testid="request-case" data-status=case.status.as_str() data-kind=kind>
            <p class="person-name">{t(&format!("requests.kind.{kind}"))}</p>
            <p class="person-meta">
                {case.hospital_name.clone()}" · "
                {t1("requests.case.filed", "date", &local_day(case.filed_at))}" · "
                {case.requester_name.clone()}
            </p>
            <p class=format!("request-status {}", case.status.as_str()) data-testid="case-status">
                {status_text(case.status)}
            </p>
            {due}
            {(case.fee_cents > 0).then(|| view! { <p>{t1("requests.fee", "amount", &euro(case.fee_cents))}</p> })}
            {case.notes.iter().map(|n| view! { <p>{tr(n)}</p> }).collect_view()}
            {form_details(&case.form)}
            {(!case.note.is_empty()).then(|| view! {
                <p><strong>{t("requests.case.note")}": "</strong>{case.note.clone()}</p>
            })}
            {case.question.clone().map(|q| view! {
                <p data-testid="case-question"><strong>{t("requests.case.question")}": "</strong>{q}</p>
            })}
            {case.answer.clone().map(|a| view! {
                <p><strong>{t("requests.case.answer")}": "</strong>{a}</p>
            })}
            {case.reason.clone().map(|r| view! {
                <p data-testid="case-reason"><strong>{t("link.requests.reason")}": "</strong>{r}</p>
            })}
            {download}
            {answer_form}
        </li>
    }
}

/// The answer to staff's question.
#[component]
fn AnswerForm(base: String, id: String, cases: RwSignal<Vec<RequestCase>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let field_id = format!("answer-{id}");
    let submit = {
        let (base, id) = (base.clone(), id.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if text.get_untracked().trim().is_empty() {
                let mut e = FieldErrors::default();
                e.add("answer", Message::new("case.answer.empty"));
                errors.set(e);
                focus_first_error();
                return;
            }
            busy.set(true);
            let (base, id) = (base.clone(), id.clone());
            leptos::task::spawn_local(async move {
                let body = CaseAnswer {
                    answer: text.get_untracked(),
                };
                match api::answer_case(&base, &id, &body).await {
                    Ok(updated) => cases.update(|cs| {
                        if let Some(c) = cs.iter_mut().find(|c| c.id == updated.id) {
                            *c = updated;
                        }
                    }),
                    Err(f) => show_failure(f, errors, failure),
                }
                busy.set(false);
            });
        }
    };
    let error = move || errors.with(|e| e.first("answer").map(tr));
    view! {
        <form on:submit=submit novalidate class="answer-form" data-testid="case-answer-form">
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <div class="field" class:has-error=move || error().is_some()>
                <label for=field_id.clone()>{move || t("requests.case.your_answer")}</label>
                <textarea
                    id=field_id.clone()
                    rows="3"
                    maxlength="2000"
                    aria-invalid=move || if error().is_some() { "true" } else { "false" }
                    aria-describedby=format!("{field_id}-error")
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <p class="field-error" id=format!("{field_id}-error") role="alert">{error}</p>
            </div>
            <button type="submit" disabled=move || busy.get()>{move || t("requests.case.send_answer")}</button>
        </form>
    }
}
