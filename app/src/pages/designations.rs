//! On Toegangen: the patient designates a trusted person or a representative (Belgium), or
//! registers an authorisation, a curator or a mentor (the Netherlands), with the signed form as
//! a PDF. The ombuds service checks the form; the section lists the requests with their answers.
//! The fields are checked in the browser with the domain's rules; the server checks the file's
//! content.

use inzage_domain::access::Jurisdiction;
use inzage_domain::manage::DesignationKind;
use inzage_domain::wire::{DesignationStatus, FieldErrors, NationalNumber, RequestStatus};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::handle_session;
use super::linked::focus_first_error;
use super::login::{Field, SelectField};
use super::staff::kind_text;
use crate::api::{self, ApiFailure};
use crate::i18n::{local_day, t, t1, tr, track};

/// The largest form the server takes, in bytes.
const MAX_FORM: f64 = 5.0 * 1024.0 * 1024.0;

/// The kinds of designation the law of the hospital's country knows.
fn kinds(jurisdiction: Jurisdiction) -> &'static [DesignationKind] {
    match jurisdiction {
        Jurisdiction::Belgium => &[
            DesignationKind::TrustedPerson,
            DesignationKind::Representative,
        ],
        Jurisdiction::Netherlands => &[
            DesignationKind::Curator,
            DesignationKind::Mentor,
            DesignationKind::WrittenAuthorisation,
        ],
    }
}

/// The blank forms to print and sign, with the text of their links.
fn blank_forms(jurisdiction: Jurisdiction) -> &'static [(&'static str, &'static str)] {
    match jurisdiction {
        Jurisdiction::Belgium => &[
            (
                "/formulieren/vertrouwenspersoon.pdf",
                "designation.blank.trusted_person",
            ),
            (
                "/formulieren/vertegenwoordiger.pdf",
                "designation.blank.representative",
            ),
        ],
        Jurisdiction::Netherlands => &[(
            "/formulieren/machtiging.pdf",
            "designation.blank.written_authorisation",
        )],
    }
}

/// The section of a record's Toegangen page.
#[component]
pub fn DesignationSection(
    /// The record's id.
    record: String,
    /// The law of the record's hospital, which decides the kinds offered.
    jurisdiction: Jurisdiction,
) -> impl IntoView {
    let offered = kinds(jurisdiction);
    let first = offered
        .first()
        .map_or(String::new(), |k| k.as_str().to_owned());
    let kind = RwSignal::new(first.clone());
    let name = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let list = RwSignal::new(None::<Result<Vec<DesignationStatus>, ApiFailure>>);
    {
        let record = record.clone();
        leptos::task::spawn_local(async move {
            list.set(Some(api::designations(&record).await));
        });
    }

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        sent.set(false);
        let mut e = FieldErrors::default();
        let chosen = kind.get_untracked();
        if DesignationKind::parse(&chosen).is_none() {
            e.add("kind", Message::new("designation.kind.unknown"));
        }
        let designee = name.get_untracked();
        if designee.trim().is_empty() {
            e.add("designee_name", Message::new("designation.name.empty"));
        }
        let digits = number.get_untracked();
        if let Err(m) = NationalNumber::parse(&digits) {
            e.add("designee_national_number", m);
        }
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
            .append_with_str("kind", &chosen)
            .and_then(|()| data.append_with_str("designee_name", designee.trim()))
            .and_then(|()| data.append_with_str("designee_national_number", &digits))
            .and_then(|()| data.append_with_blob_and_filename("form", &file, &file.name()));
        if filled.is_err() {
            form_error.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        let record = record.clone();
        let first = first.clone();
        leptos::task::spawn_local(async move {
            match api::designate(&record, &data).await {
                Ok(status) => {
                    kind.set(first);
                    name.set(String::new());
                    number.set(String::new());
                    if let Some(input) = file_ref.get_untracked() {
                        input.set_value("");
                    }
                    errors.set(FieldErrors::default());
                    sent.set(true);
                    list.update(|l| match l {
                        Some(Ok(list)) => list.insert(0, status),
                        _ => *l = Some(Ok(vec![status])),
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

    let (title, intro) = match jurisdiction {
        Jurisdiction::Belgium => ("designation.title.be", "designation.intro.be"),
        Jurisdiction::Netherlands => ("designation.title.nl", "designation.intro.nl"),
    };
    let explanations = offered
        .iter()
        .map(|k| {
            let k = *k;
            view! {
                <li>
                    <strong>{move || kind_text(k)}": "</strong>
                    {move || t(&format!("designation.explain.{}", k.as_str()))}
                </li>
            }
        })
        .collect_view();
    let downloads = blank_forms(jurisdiction)
        .iter()
        .map(|(href, key)| {
            view! {
                <li>
                    <a href=*href download data-testid="blank-form">{move || t(key)}</a>
                </li>
            }
        })
        .collect_view();
    let options = offered
        .iter()
        .map(|k| {
            let k = *k;
            view! { <option value=k.as_str()>{move || kind_text(k)}</option> }
        })
        .collect_view();

    view! {
        <section class="card referral" aria-labelledby="designation-title" data-testid="designation-form">
            <h2 id="designation-title">{move || t(title)}</h2>
            <p>{move || t(intro)}</p>
            <ul>{explanations}</ul>
            <p>{move || t("designation.blank.intro")}</p>
            <ul>{downloads}</ul>
            <div role="status" aria-live="polite" data-testid="designation-status">
                {move || sent.get().then(|| view! { <p class="status-message">{t("designation.form.sent")}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="designation-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <SelectField
                    id="designation_kind"
                    field="kind"
                    name="kind"
                    label=Signal::derive(|| t("designation.form.kind"))
                    value=kind
                    on_change=move |v| kind.set(v)
                    errors=errors
                >
                    {options}
                </SelectField>
                <Field
                    id="designee_name"
                    label=Signal::derive(|| t("designation.form.name"))
                    hint=Signal::derive(|| t("designation.form.name.hint"))
                    value=name
                    errors=errors
                />
                <Field
                    id="designee_national_number"
                    label=Signal::derive(|| t("designation.form.number"))
                    hint=Signal::derive(|| t("designation.form.number.hint"))
                    value=number
                    errors=errors
                    inputmode="numeric"
                />
                <PdfField id="designation_file" label="designation.form.file" input=file_ref errors=errors/>
                <button type="submit" data-testid="designation-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("designation.form.submit") }}
                </button>
            </form>
        </section>
        <DesignationList list=list/>
    }
}

/// The record's designation requests, newest first, with staff's answers.
#[component]
fn DesignationList(
    list: RwSignal<Option<Result<Vec<DesignationStatus>, ApiFailure>>>,
) -> impl IntoView {
    let body = move || {
        track();
        match list.get() {
            None => view! { <p aria-busy="true">{t("common.loading")}</p> }.into_any(),
            Some(Err(f)) => {
                handle_session::<()>(&Err(f.clone()));
                view! { <p class="form-error" role="alert">{tr(&f.message())}</p> }.into_any()
            }
            Some(Ok(items)) if items.is_empty() => {
                view! { <p data-testid="designations-none">{t("designation.requests.empty")}</p> }
                    .into_any()
            }
            Some(Ok(items)) => {
                let items = items
                    .into_iter()
                    .map(|d| {
                        let (status, class) = match d.status {
                            RequestStatus::Pending => ("link.status.pending", "pending"),
                            RequestStatus::Approved => ("link.status.approved", "approved"),
                            RequestStatus::Refused => ("link.status.refused", "refused"),
                        };
                        view! {
                            <li class="person-card" data-testid="designation" data-status=class data-name=d.designee_name.clone()>
                                <p class="person-name">{d.designee_name.clone()}</p>
                                <p class="person-meta">
                                    {kind_text(d.kind)}" · "
                                    {t1("designation.requests.filed", "date", &local_day(d.filed_at))}
                                </p>
                                <p class=format!("request-status {class}")>{t(status)}</p>
                                {d.reason.map(|reason| view! {
                                    <p><strong>{t("link.requests.reason")}": "</strong>{reason}</p>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="person-list" data-testid="designations">{items}</ul> }.into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="designations-title">
            <h2 id="designations-title">{move || t("designation.requests.title")}</h2>
            {body}
        </section>
    }
}

/// The PDF chosen in a form's file field, checked for what the browser can tell (one chosen, at
/// most 5 MB); otherwise the reason goes beside the field (`form`). The server checks the content.
pub(crate) fn chosen_pdf(
    input: NodeRef<leptos::html::Input>,
    errors: &mut FieldErrors,
) -> Option<web_sys::File> {
    let file = input
        .get_untracked()
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    match &file {
        None => errors.add("form", Message::new("upload.missing")),
        Some(f) if f.size() > MAX_FORM => {
            errors.add("form", Message::new("upload.too_large").arg("max", "5 MB"))
        }
        Some(_) => return file,
    }
    None
}

/// The file field of a signed form (a PDF of at most 5 MB), with its hint and its error (the
/// field `form`), linked for screen readers.
#[component]
pub(crate) fn PdfField(
    id: &'static str,
    /// The label's message key.
    label: &'static str,
    input: NodeRef<leptos::html::Input>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    view! {
        <FileField
            id=id
            field="form"
            label=label
            hint="designation.form.file.hint"
            accept="application/pdf"
            input=input
            errors=errors
        />
    }
}

/// A file field with its hint and its error (under `field`), linked for screen readers.
#[component]
pub(crate) fn FileField(
    id: &'static str,
    /// The field its errors are under.
    field: &'static str,
    /// The label's message key.
    label: &'static str,
    /// The hint's message key.
    hint: &'static str,
    /// The media types the picker offers.
    accept: &'static str,
    input: NodeRef<leptos::html::Input>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let error = move || errors.with(|e| e.first(field).map(tr));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id>{move || t(label)}</label>
            <p class="hint" id=hint_id>{move || t(hint)}</p>
            <input
                id=id
                name=field
                type="file"
                accept=accept
                node_ref=input
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:change=move |_| {
                    errors.update(|e| {
                        e.0.remove(field);
                    });
                }
            />
            <p class="field-error" id=error_id role="alert" data-testid=format!("{id}-error")>
                {error}
            </p>
        </div>
    }
}
