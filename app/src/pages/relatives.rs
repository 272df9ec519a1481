//! `/aanvragen/overleden-familielid`: a relative's request about a deceased patient's record,
//! filed from the relative's own account (death ends every portal access to the record), and
//! the cases they filed.
//!
//! The form is checked by the domain's `NewRelativeRequest::validate` and assessed by
//! `requests::assess` under the chosen hospital's law while it is filled in, as the server will:
//! in Belgium a practitioner the relative names inspects the record for them; in the
//! Netherlands a doctor weighs the request and may grant a copy.

use inzage_domain::access::Jurisdiction;
use inzage_domain::requests::{assess, NewRelativeRequest, RequestKind, Signer};
use inzage_domain::wire::{FieldErrors, RelativeRequestsView, RequestCase};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::linked::focus_first_error;
use super::login::{Field, SelectField};
use super::record::section_view;
use super::requests::{
    assessment_errors, attach_documents, file_input, AssessmentPreview, CaseList, DocumentField,
};
use super::{ensure_me, show_failure};
use crate::api;
use crate::i18n::{date, t, t1, tr, track};

/// The page.
#[component]
pub fn RelativeRequestsPage() -> impl IntoView {
    ensure_me();
    let data = LocalResource::new(|| async { Some(api::relative_requests().await) });
    view! {
        <h1>{move || t("relatives.title")}</h1>
        <p>{move || t("relatives.intro")}</p>
        {section_view(data, "requests.loading", |view: RelativeRequestsView| {
            view! { <RelativeRequests view=view/> }
        })}
    }
}

#[component]
fn RelativeRequests(view: RelativeRequestsView) -> impl IntoView {
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
    view! {
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=status_ref
            data-testid="relatives-status"
        >
            {move || status.get().map(|s| view! { <p class="status-message">{s}</p> })}
        </div>
        <RelativeForm view=view on_filed=on_filed/>
        <CaseList base=api::RELATIVE_CASES.to_owned() cases=cases/>
    }
}

#[component]
fn RelativeForm(
    view: RelativeRequestsView,
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
    let national_number = RwSignal::new(String::new());
    let birth_date = RwSignal::new(String::new());
    let died_on = RwSignal::new(String::new());
    let degree = RwSignal::new(1u8);
    let motivation = RwSignal::new(String::new());
    let practitioner = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let belgian = move || {
        let chosen = hospital.get();
        hospitals.with_value(|hs| {
            hs.iter()
                .find(|h| h.id == chosen)
                .is_some_and(|h| h.policy.jurisdiction == Jurisdiction::Belgium)
        })
    };
    let request = move || NewRelativeRequest {
        hospital: hospital.get(),
        national_number: national_number.get(),
        birth_date: birth_date.get(),
        died_on: died_on.get(),
        degree: degree.get(),
        motivation: motivation.get(),
        practitioner: if belgian() {
            practitioner.get()
        } else {
            String::new()
        },
        note: note.get(),
    };
    // What the law gives this relative at this hospital, as far as the browser knows: whether
    // the patient objected while alive only the hospital knows.
    let assessment = Memo::new(move |_| {
        let r = request();
        let kind = RequestKind::CopyForDeceasedRelative {
            degree: r.degree,
            motivation: r.motivation,
            practitioner: r.practitioner,
            patient_objected: false,
            signed_by: if signed.get() {
                vec![Signer::Relative]
            } else {
                Vec::new()
            },
        };
        let chosen = hospital.get();
        hospitals.with_value(|hs| {
            hs.iter()
                .find(|h| h.id == chosen)
                .map(|h| Ok(assess(&kind, &h.policy, now)))
        })
    });
    let document_changed = move || {
        signed.set(
            form_ref
                .get_untracked()
                .and_then(|f| file_input(&f, &Signer::Relative.field()))
                .and_then(|input| input.files())
                .is_some_and(|files| files.length() > 0),
        );
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let request = request();
        let mut e = request.validate().err().unwrap_or_default();
        let Ok(data) = web_sys::FormData::new() else {
            form_error.set(Some(Message::new("error.network")));
            return;
        };
        let Some(form_el) = form_ref.get_untracked() else {
            return;
        };
        if !attach_documents(&form_el, &[Signer::Relative], &data, &mut e) {
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
        leptos::task::spawn_local(async move {
            match api::file_relative_request(&data).await {
                Ok(case) => {
                    errors.set(FieldErrors::default());
                    for s in [
                        national_number,
                        birth_date,
                        died_on,
                        motivation,
                        practitioner,
                        note,
                    ] {
                        s.set(String::new());
                    }
                    if let Some(input) = form_ref
                        .get_untracked()
                        .and_then(|f| file_input(&f, &Signer::Relative.field()))
                    {
                        input.set_value("");
                    }
                    signed.set(false);
                    on_filed(case);
                }
                Err(f) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };

    let hospital_options = view
        .hospitals
        .iter()
        .map(|h| view! { <option value=h.id.clone()>{h.name.clone()}</option> })
        .collect_view();
    let degree_options = [1u8, 2, 3]
        .into_iter()
        .map(|d| {
            view! {
                <option value=d.to_string()>{move || t(&format!("relatives.degree.{d}"))}</option>
            }
        })
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
    let textarea = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field" class:has-error=move || error_of(id)().is_some()>
                <label for=id>{move || t(label)}</label>
                <textarea
                    id=id
                    rows="3"
                    maxlength="4000"
                    aria-invalid=invalid(id)
                    aria-describedby=format!("{id}-error")
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        errors.update(|e| {
                            e.0.remove(id);
                        });
                    }
                ></textarea>
                <p class="field-error" id=format!("{id}-error") role="alert">{error_of(id)}</p>
            </div>
        }
    };
    let practitioner_field = move || {
        track();
        belgian().then(|| {
            view! {
                <Field
                    id="practitioner"
                    label=Signal::derive(|| t("relatives.form.practitioner"))
                    hint=Signal::derive(|| t("relatives.form.practitioner.hint"))
                    value=practitioner
                    errors=errors
                />
            }
        })
    };

    view! {
        <section class="card referral" aria-labelledby="relative-form-title" data-testid="relative-form">
            <h2 id="relative-form-title">{move || t("relatives.form.title")}</h2>
            <div class="form-error" role="alert" data-testid="relative-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate node_ref=form_ref>
                <SelectField
                    id="hospital"
                    label=Signal::derive(|| t("requests.form.hospital"))
                    value=hospital
                    on_change=move |v| {
                        hospital.set(v);
                        errors.set(FieldErrors::default());
                    }
                    errors=errors
                >
                    {hospital_options}
                </SelectField>
                <fieldset class="field">
                    <legend>{move || t("relatives.form.deceased")}</legend>
                    <Field
                        id="national_number"
                        label=Signal::derive(|| t("relatives.form.national_number"))
                        hint=Signal::derive(|| t("relatives.form.national_number.hint"))
                        value=national_number
                        errors=errors
                        inputmode="numeric"
                    />
                    <Field
                        id="birth_date"
                        label=Signal::derive(|| t("relatives.form.birth_date"))
                        value=birth_date
                        errors=errors
                        kind="date"
                    />
                    <Field
                        id="died_on"
                        label=Signal::derive(|| t("relatives.form.died_on"))
                        value=died_on
                        errors=errors
                        kind="date"
                    />
                </fieldset>
                <SelectField
                    id="degree"
                    label=Signal::derive(|| t("relatives.form.degree"))
                    value=Signal::derive(move || degree.get().to_string())
                    on_change=move |v: String| degree.set(v.parse().unwrap_or(1))
                    errors=errors
                >
                    {degree_options}
                </SelectField>
                {textarea("motivation", "relatives.form.motivation", motivation)}
                {practitioner_field}
                <DocumentField signer=Signer::Relative errors=errors on_change=document_changed/>
                {textarea("note", "requests.form.note", note)}
                <AssessmentPreview assessment=assessment/>
                <button type="submit" data-testid="relative-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("requests.form.submit") }}
                </button>
            </form>
        </section>
    }
}
