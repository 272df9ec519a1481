//! Berichten: messages about the current record to a hospital's departments (`/berichten`),
//! one thread with its replies (`/berichten/:thread`), and the back office's side
//! (`/backoffice/berichten/:thread`). The notice that messages are not for urgent questions
//! comes before the form. Message text is shown as text, never as HTML (Leptos escapes text
//! nodes); attachments are links to their downloads.

use inzage_domain::messaging::{Department, NewReply, NewThread, ATTACHMENTS_MAX};
use inzage_domain::wire::{FieldErrors, MessagesView, Thread, ThreadSummary};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::linked::focus_first_error;
use super::login::SelectField;
use super::record::section_view;
use super::reports::of_current;
use super::{ensure_me, show_failure};
use crate::api;
use crate::i18n::{date_time, t, t1, tr};
use crate::records::Records;

/// The largest attachment the server takes, in bytes.
const MAX_FILE: f64 = 5.0 * 1024.0 * 1024.0;

/// A message of the server about a field, with a refused attachment's reason translated too.
fn field_text(m: &Message) -> String {
    if m.key == "messages.attachment_refused" {
        let reason = m.get("reason").map(t).unwrap_or_default();
        return tr(&m.clone().arg("reason", reason));
    }
    tr(m)
}

fn department_text(d: Department) -> String {
    t(&format!("messages.department.{}", d.as_str()))
}

/// The chosen files of a file input, as the form's `attachment` parts; an error beside the
/// field when there are too many or one is too large.
fn attach(
    input: &NodeRef<leptos::html::Input>,
    data: &web_sys::FormData,
    errors: &mut FieldErrors,
) -> bool {
    let Some(files) = input.get_untracked().and_then(|i| i.files()) else {
        return true;
    };
    if files.length() as usize > ATTACHMENTS_MAX {
        errors.add(
            "attachments",
            Message::new("messages.too_many_attachments").arg("max", ATTACHMENTS_MAX.to_string()),
        );
        return true;
    }
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        if file.size() > MAX_FILE {
            errors.add(
                "attachments",
                Message::new("upload.too_large").arg("max", "5 MB"),
            );
        } else if data
            .append_with_blob_and_filename("attachment", &file, &file.name())
            .is_err()
        {
            return false;
        }
    }
    true
}

/// A text area with its label, hint and error.
#[component]
pub(crate) fn TextArea(
    #[prop(into)] id: String,
    /// The field its errors are under.
    field: &'static str,
    /// The label's message key.
    label: &'static str,
    /// The hint's message key, if it has one.
    #[prop(optional)]
    hint: Option<&'static str>,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = 6)] rows: u32,
) -> impl IntoView {
    let error = move || errors.with(|e| e.first(field).map(field_text));
    let described = match hint {
        Some(_) => format!("{id}-hint {id}-error"),
        None => format!("{id}-error"),
    };
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{move || t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || t(h)}</p> })}
            <textarea
                id=id
                rows=rows
                maxlength="5000"
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| {
                        e.0.remove(field);
                    });
                }
            ></textarea>
            <p class="field-error" id=error_id role="alert">{error}</p>
        </div>
    }
}

/// The attachments' file input with its hint and error.
#[component]
fn Attachments(
    id: &'static str,
    input: NodeRef<leptos::html::Input>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let error = move || errors.with(|e| e.first("attachments").map(field_text));
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id>{move || t("messages.form.attachments")}</label>
            <p class="hint" id=format!("{id}-hint")>{move || t("messages.form.attachments.hint")}</p>
            <input
                type="file"
                id=id
                multiple
                accept="application/pdf,image/png,image/jpeg"
                node_ref=input
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=format!("{id}-hint {id}-error")
                on:change=move |_| errors.update(|e| {
                    e.0.remove("attachments");
                })
            />
            <p class="field-error" id=format!("{id}-error") role="alert" data-testid="attachments-error">{error}</p>
        </div>
    }
}

/// `/berichten`.
#[component]
pub fn MessagesPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let data = LocalResource::new(move || {
        of_current(records.get(), |c| async move {
            let view = api::messages(&c.record).await?;
            Ok((c.record, view))
        })
    });
    view! {
        <h1>{move || t("messages.title")}</h1>
        {section_view(data, "messages.loading", |(record, view): (String, MessagesView)| {
            view! { <Messages record=record view=view/> }
        })}
    }
}

fn thread_line(thread: ThreadSummary, href: String, patient: Option<String>) -> impl IntoView {
    let unread = thread.unread;
    view! {
        <li class="person-card" data-testid="thread" data-unread=unread.to_string()>
            <p class="person-name">
                <A href=href>{thread.subject.clone()}</A>
                {(unread > 0).then(|| view! {
                    " "<span class="flag flag-high" data-testid="unread">{t1("messages.unread", "count", &unread.to_string())}</span>
                })}
            </p>
            <p class="person-meta">
                {patient.map(|p| format!("{p} · "))}
                {thread.hospital_name.clone()}" · "{department_text(thread.department)}
                {thread.doctor.clone().map(|d| format!(" ({d})"))}" · "
                {t1("messages.last", "date", &date_time(thread.last_at))}
            </p>
        </li>
    }
}

#[component]
fn Messages(record: String, view: MessagesView) -> impl IntoView {
    let threads = view
        .threads
        .iter()
        .cloned()
        .map(|th| {
            let href = format!("/berichten/{}", th.id);
            thread_line(th, href, None)
        })
        .collect_view();
    let none = view.threads.is_empty();
    let form = (!view.hospitals.is_empty())
        .then(|| view! { <NewThreadForm record=record view=view.clone()/> });
    view! {
        <section aria-labelledby="threads-title">
            <h2 id="threads-title">{move || t("messages.threads")}</h2>
            {none.then(|| view! { <p data-testid="threads-none">{move || t("messages.none")}</p> })}
            <ul class="person-list" data-testid="threads">{threads}</ul>
        </section>
        {form}
    }
}

#[component]
fn NewThreadForm(record: String, view: MessagesView) -> impl IntoView {
    let hospitals = StoredValue::new(view.hospitals.clone());
    let hospital = RwSignal::new(
        view.hospitals
            .first()
            .map(|h| h.id.clone())
            .unwrap_or_default(),
    );
    let department = RwSignal::new(Department::PatientQuestions.as_str().to_owned());
    let doctor = RwSignal::new(
        view.doctors
            .first()
            .map(|d| d.id.clone())
            .unwrap_or_default(),
    );
    let e_consult = move || department.get() == Department::EConsult.as_str();
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let files = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();

    // The hospital's phone for urgent questions, in the notice above the form.
    let notice = move || {
        let chosen = hospital.get();
        let phone = hospitals.with_value(|hs| {
            hs.iter()
                .find(|h| h.id == chosen)
                .and_then(|h| h.phone.clone())
        });
        match phone {
            Some(p) => t1("messages.urgent.phone", "phone", &p),
            None => t("messages.urgent"),
        }
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let new = NewThread {
            hospital: hospital.get_untracked(),
            department: Department::parse(&department.get_untracked())
                .unwrap_or(Department::PatientQuestions),
            doctor: (department.get_untracked() == Department::EConsult.as_str())
                .then(|| doctor.get_untracked()),
            subject: subject.get_untracked(),
            body: body.get_untracked(),
        };
        let mut e = new.check();
        let Ok(data) = web_sys::FormData::new() else {
            failure.set(Some(Message::new("error.network")));
            return;
        };
        if !attach(&files, &data, &mut e) {
            failure.set(Some(Message::new("error.network")));
            return;
        }
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        let json = serde_json::to_string(&new).unwrap_or_default();
        if data.append_with_str("message", &json).is_err() {
            failure.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        let record = record.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::start_thread(&record, &data).await {
                Ok(thread) => navigate(
                    &format!("/berichten/{}", thread.summary.id),
                    Default::default(),
                ),
                Err(f) => show_failure(f, errors, failure),
            }
            busy.set(false);
        });
    };

    let hospital_options = view
        .hospitals
        .iter()
        .map(|h| view! { <option value=h.id.clone()>{h.name.clone()}</option> })
        .collect_view();
    // An e-consult only when a doctor can take one.
    let has_doctors = !view.doctors.is_empty();
    let department_options = Department::ALL
        .iter()
        .filter(|d| has_doctors || **d != Department::EConsult)
        .map(|d| view! { <option value=d.as_str()>{move || department_text(*d)}</option> })
        .collect_view();
    let doctor_options = view
        .doctors
        .iter()
        .map(|d| {
            let role = t(&format!("role.{}", d.role));
            view! { <option value=d.id.clone()>{format!("{} ({role})", d.name)}</option> }
        })
        .collect_view();
    let doctor_error = move || errors.with(|e| e.first("doctor").map(tr));
    let subject_error = move || errors.with(|e| e.first("subject").map(tr));
    view! {
        <section class="card referral" aria-labelledby="new-thread-title" data-testid="thread-form">
            <h2 id="new-thread-title">{move || t("messages.form.title")}</h2>
            <p class="note" data-testid="urgent-notice"><strong>{notice}</strong></p>
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate>
                <SelectField
                    id="message_hospital"
                    field="hospital"
                    label=Signal::derive(|| t("requests.form.hospital"))
                    value=hospital
                    on_change=move |v| hospital.set(v)
                    errors=errors
                >
                    {hospital_options}
                </SelectField>
                <div class="field">
                    <label for="message_department">{move || t("messages.form.department")}</label>
                    <select
                        id="message_department"
                        prop:value=move || department.get()
                        on:change=move |ev| department.set(event_target_value(&ev))
                    >
                        {department_options}
                    </select>
                    {move || e_consult().then(|| view! { <p class="hint">{t("messages.e_consult.hint")}</p> })}
                </div>
                <div class="field" class:has-error=move || doctor_error().is_some() hidden=move || !e_consult()>
                    <label for="message_doctor">{move || t("messages.form.doctor")}</label>
                    <select
                        id="message_doctor"
                        aria-describedby="message_doctor-error"
                        prop:value=move || doctor.get()
                        on:change=move |ev| doctor.set(event_target_value(&ev))
                    >
                        {doctor_options}
                    </select>
                    <p class="field-error" id="message_doctor-error" role="alert">{doctor_error}</p>
                </div>
                <div class="field" class:has-error=move || subject_error().is_some()>
                    <label for="message_subject">{move || t("messages.form.subject")}</label>
                    <input
                        id="message_subject"
                        type="text"
                        maxlength="150"
                        aria-invalid=move || if subject_error().is_some() { "true" } else { "false" }
                        aria-describedby="message_subject-error"
                        prop:value=move || subject.get()
                        on:input=move |ev| {
                            subject.set(event_target_value(&ev));
                            errors.update(|e| {
                                e.0.remove("subject");
                            });
                        }
                    />
                    <p class="field-error" id="message_subject-error" role="alert">{subject_error}</p>
                </div>
                <TextArea id="message_body" field="body" label="messages.form.body" value=body errors=errors/>
                <Attachments id="message_attachments" input=files errors=errors/>
                <button type="submit" data-testid="message-send" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("messages.form.send") }}
                </button>
            </form>
        </section>
    }
}

/// `/berichten/:thread`.
#[component]
pub fn ThreadPage() -> impl IntoView {
    ensure_me();
    let records = expect_context::<Records>();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("thread").unwrap_or_default());
        of_current(records.get(), |c| async move {
            let thread = api::thread(&c.record, &id).await?;
            Ok((c.record, thread))
        })
    });
    view! {
        <p><A href="/berichten">{move || t("messages.back")}</A></p>
        {section_view(data, "messages.loading", |(record, thread): (String, Thread)| {
            view! { <ThreadView side=Side::Patient(record) thread=thread/> }
        })}
    }
}

/// Which side of a thread the page is for.
#[derive(Clone)]
enum Side {
    /// The patient's (or whoever acts for them), about this record.
    Patient(String),
    /// The hospital's: a department's staff ([`api::STAFF_THREADS`]) or the doctor an e-consult
    /// is addressed to ([`api::DOCTOR_THREADS`]).
    Hospital(&'static str),
}

/// The hospital's side's page of a thread under `base`, with a link back to `back`.
fn hospital_thread_page(
    base: &'static str,
    back: &'static str,
    back_text: &'static str,
) -> impl IntoView {
    ensure_me();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("thread").unwrap_or_default());
        async move { Some(api::hospital_thread(base, &id).await) }
    });
    view! {
        <p><A href=back>{move || t(back_text)}</A></p>
        {section_view(data, "messages.loading", move |thread: Thread| {
            view! { <ThreadView side=Side::Hospital(base) thread=thread/> }
        })}
    }
}

/// `/backoffice/berichten/:thread`.
#[component]
pub fn StaffThreadPage() -> impl IntoView {
    hospital_thread_page(api::STAFF_THREADS, "/backoffice", "staff.messages.back")
}

/// `/zorgverlener/e-consult/:thread`: an e-consult, for the doctor it is addressed to.
#[component]
pub fn DoctorThreadPage() -> impl IntoView {
    hospital_thread_page(
        api::DOCTOR_THREADS,
        "/zorgverlener",
        "messages.e_consult.back",
    )
}

/// A thread and the reply form, for one side of it.
#[component]
fn ThreadView(side: Side, thread: Thread) -> impl IntoView {
    let current = RwSignal::new(thread);
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let files = NodeRef::<leptos::html::Input>::new();
    let staff_side = matches!(side, Side::Hospital(_));
    let side = StoredValue::new(side);

    let messages = move || {
        let th = current.get();
        let thread_id = th.summary.id.clone();
        th.messages
            .into_iter()
            .map(|m| {
                let links = m
                    .attachments
                    .iter()
                    .map(|a| {
                        let href = side.with_value(|s| match s {
                            Side::Patient(r) => api::message_attachment_url(r, &thread_id, &m.id, a.index),
                            Side::Hospital(base) => {
                                api::hospital_attachment_url(base, &thread_id, &m.id, a.index)
                            }
                        });
                        let size = format!("{:.0} kB", (a.size as f64 / 1024.0).ceil());
                        view! {
                            <li><a href=href download data-testid="attachment">{a.name.clone()}</a>" ("{size}")"</li>
                        }
                    })
                    .collect_view();
                let class = if m.from_hospital { "item-card message from-hospital" } else { "item-card message" };
                view! {
                    <li class=class data-testid="message">
                        <span class="item-title">{m.author_name.clone()}</span>
                        <span class="item-meta">{date_time(m.sent_at)}</span>
                        <p class="staff-message" data-testid="message-body">{m.body.clone()}</p>
                        {(!m.attachments.is_empty()).then(|| view! { <ul>{links}</ul> })}
                    </li>
                }
            })
            .collect_view()
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let reply = NewReply {
            body: body.get_untracked(),
        };
        let mut e = reply.check();
        let Ok(data) = web_sys::FormData::new() else {
            failure.set(Some(Message::new("error.network")));
            return;
        };
        if !attach(&files, &data, &mut e) {
            failure.set(Some(Message::new("error.network")));
            return;
        }
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        let json = serde_json::to_string(&reply).unwrap_or_default();
        if data.append_with_str("message", &json).is_err() {
            failure.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        let id = current.with_untracked(|c| c.summary.id.clone());
        let side = side.get_value();
        leptos::task::spawn_local(async move {
            let sent = match &side {
                Side::Patient(r) => api::reply(r, &id, &data).await,
                Side::Hospital(base) => api::hospital_reply(base, &id, &data).await,
            };
            match sent {
                Ok(thread) => {
                    current.set(thread);
                    body.set(String::new());
                    if let Some(input) = files.get_untracked() {
                        input.set_value("");
                    }
                    errors.set(FieldErrors::default());
                }
                Err(f) => show_failure(f, errors, failure),
            }
            busy.set(false);
        });
    };

    let heading = move || current.with(|c| c.summary.subject.clone());
    let meta = move || {
        current.with(|c| {
            let mut parts = Vec::new();
            if staff_side {
                parts.push(c.patient_name.clone());
            }
            parts.push(c.summary.hospital_name.clone());
            parts.push(department_text(c.summary.department));
            parts.extend(c.summary.doctor.clone());
            parts.join(" · ")
        })
    };
    view! {
        <h1 data-testid="thread-subject">{heading}</h1>
        <p class="person-meta">{meta}</p>
        <ol class="item-list" data-testid="thread-messages" aria-live="polite">{messages}</ol>
        <section class="card referral" aria-labelledby="reply-title">
            <h2 id="reply-title">{move || t("messages.reply.title")}</h2>
            {(!staff_side).then(|| view! { <p class="note">{move || t("messages.urgent")}</p> })}
            <div class="form-error" role="alert">{move || failure.get().map(|m| tr(&m))}</div>
            <form on:submit=submit novalidate>
                <TextArea id="reply_body" field="body" label="messages.form.body" value=body errors=errors rows=4/>
                <Attachments id="reply_attachments" input=files errors=errors/>
                <button type="submit" data-testid="reply-send" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("messages.form.send") }}
                </button>
            </form>
        </section>
    }
}

/// The hospital's side's list of threads under `base`, each linking to `page`/id.
fn hospital_threads(
    base: &'static str,
    page: &'static str,
    title: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let data = LocalResource::new(move || async move { Some(api::hospital_threads(base).await) });
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=title_id>{move || t(title)}</h2>
            {section_view(data, "messages.loading", move |threads: Vec<inzage_domain::wire::StaffThreadSummary>| {
                let none = threads.is_empty();
                let items = threads
                    .into_iter()
                    .map(|th| {
                        let href = format!("{page}/{}", th.summary.id);
                        thread_line(th.summary, href, Some(th.patient_name))
                    })
                    .collect_view();
                view! {
                    {none.then(|| view! { <p data-testid=format!("{testid}-none")>{t("messages.none")}</p> })}
                    <ul class="person-list" data-testid=testid>{items}</ul>
                }
            })}
        </section>
    }
}

/// In the back office: the latest threads, those with unread messages first.
#[component]
pub fn StaffThreads() -> impl IntoView {
    hospital_threads(
        api::STAFF_THREADS,
        "/backoffice/berichten",
        "staff.messages.title",
        "staff-threads",
    )
}

/// On the care provider's page: the e-consults addressed to them.
#[component]
pub fn DoctorThreads() -> impl IntoView {
    hospital_threads(
        api::DOCTOR_THREADS,
        "/zorgverlener/e-consult",
        "messages.e_consult.title",
        "doctor-threads",
    )
}
