//! `/hulp`: help for a person who cannot log in (issue 11, item 2, the FAQ): a lost code card, a
//! forgotten password, where to find the patient number, a locked account, logging in with eID,
//! itsme or DigiD, and whom to call. Open without an account, in the three languages; the
//! helpdesk's phone and e-mail come from the network file (through `/terms`). Below them, the
//! contact form (item 2's other half): a question with an optional screenshot, which becomes
//! a case in staff's back office (`staff_help.rs`) answered by e-mail.

use inzage_domain::help::{HelpCategory, HelpFiled, HelpQuestion};
use inzage_domain::wire::FieldErrors;
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use super::designations::FileField;
use super::linked::focus_first_error;
use super::login::{Field, SelectField};
use super::messages::TextArea;
use crate::api::{self, ApiFailure};
use crate::i18n::{lang, t, t1, tr};
use crate::Session;

/// One question: its heading and its answer, with a link to where it is solved when there is
/// such a page.
struct Question {
    id: &'static str,
    link: Option<(&'static str, &'static str)>,
}

const QUESTIONS: [Question; 5] = [
    Question {
        id: "card",
        link: Some(("/codekaart-aanvragen", "help.card.link")),
    },
    Question {
        id: "password",
        link: Some(("/wachtwoord-vergeten", "help.password.link")),
    },
    Question {
        id: "number",
        link: None,
    },
    Question {
        id: "locked",
        link: None,
    },
    Question {
        id: "eid",
        link: Some(("/inloggen", "help.eid.link")),
    },
];

/// The page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let terms = LocalResource::new(api::terms);
    let questions = QUESTIONS
        .iter()
        .map(|q| {
            let title_id = format!("help-{}-title", q.id);
            let labelled_by = title_id.clone();
            let title_key = format!("help.{}.title", q.id);
            let text_key = format!("help.{}.text", q.id);
            let link = q.link.map(|(href, key)| {
                view! { <p><A href=href>{move || t(key)}</A></p> }
            });
            view! {
                <section class="card" aria-labelledby=labelled_by data-testid="help-question">
                    <h2 id=title_id>{move || t(&title_key)}</h2>
                    <p>{move || t(&text_key)}</p>
                    {link}
                </section>
            }
        })
        .collect_view();
    let contact = move || {
        terms.get().and_then(Result::ok).map(|terms| {
            let phone = terms.helpdesk_phone.map(|p| {
                let href = format!("tel:{}", p.replace(' ', ""));
                view! { <li><a href=href>{t1("help.contact.phone", "phone", &p)}</a></li> }
            });
            let email = terms.helpdesk_email.map(|e| {
                let href = format!("mailto:{e}");
                view! { <li><a href=href>{t1("help.contact.email", "email", &e)}</a></li> }
            });
            view! { <ul data-testid="help-contact">{phone}{email}</ul> }
        })
    };
    view! {
        <h1>{move || t("help.title")}</h1>
        <p>{move || t("help.intro")}</p>
        {questions}
        <section class="card" aria-labelledby="help-contact-title">
            <h2 id="help-contact-title">{move || t("help.contact.title")}</h2>
            <p>{move || t("help.contact.text")}</p>
            {contact}
        </section>
        <HelpForm/>
    }
}

/// The largest screenshot the server takes, in bytes.
const MAX_SCREENSHOT: f64 = 5.0 * 1024.0 * 1024.0;

/// The screenshot chosen, if any, checked for what the browser can tell (a PNG or JPEG of at
/// most 5 MB); otherwise the reason goes beside the field. The server checks the content.
fn chosen_screenshot(
    input: NodeRef<leptos::html::Input>,
    errors: &mut FieldErrors,
) -> Option<web_sys::File> {
    let file = input
        .get_untracked()
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))?;
    if !matches!(file.type_().as_str(), "image/png" | "image/jpeg") {
        errors.add("screenshot", Message::new("help.screenshot.not_image"));
    } else if file.size() > MAX_SCREENSHOT {
        errors.add(
            "screenshot",
            Message::new("upload.too_large").arg("max", "5 MB"),
        );
    }
    Some(file)
}

/// "Stel uw vraag aan de helpdesk": open without an account (who cannot log in is the
/// helpdesk's first visitor); checked in the browser with the domain's rules, the same the
/// server applies; the answer comes by e-mail, and the page shows the reference to quote.
#[component]
fn HelpForm() -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let category = RwSignal::new(String::new());
    let name = RwSignal::new(
        me.with_untracked(|m| m.as_ref().map(|m| m.display_name.clone()))
            .unwrap_or_default(),
    );
    let email = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(None::<HelpFiled>);
    let busy = RwSignal::new(false);
    let file_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        sent.set(None);
        let question = HelpQuestion {
            category: category.get_untracked(),
            name: name.get_untracked(),
            email: email.get_untracked(),
            message: message.get_untracked(),
        };
        let mut e = question.validate().err().unwrap_or_default();
        let screenshot = chosen_screenshot(file_ref, &mut e);
        if !e.is_empty() {
            errors.set(e);
            focus_first_error();
            return;
        }
        let Ok(data) = web_sys::FormData::new() else {
            form_error.set(Some(Message::new("error.network")));
            return;
        };
        let mut filled = data
            .append_with_str("category", &question.category)
            .and_then(|()| data.append_with_str("name", question.name.trim()))
            .and_then(|()| data.append_with_str("email", question.email.trim()))
            .and_then(|()| data.append_with_str("message", question.message.trim()))
            .and_then(|()| data.append_with_str("language", lang().code()));
        if let Some(file) = &screenshot {
            filled = filled.and_then(|()| {
                data.append_with_blob_and_filename("screenshot", file, &file.name())
            });
        }
        if filled.is_err() {
            form_error.set(Some(Message::new("error.network")));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::ask_help(&data).await {
                Ok(filed) => {
                    category.set(String::new());
                    message.set(String::new());
                    if let Some(input) = file_ref.get_untracked() {
                        input.set_value("");
                    }
                    errors.set(FieldErrors::default());
                    sent.set(Some(filed));
                }
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    focus_first_error();
                }
                Err(f) => form_error.set(Some(f.message())),
            }
            busy.set(false);
        });
    };

    let options = HelpCategory::ALL
        .iter()
        .map(|c| {
            let c = *c;
            view! { <option value=c.as_str()>{move || t(&format!("help.category.{}", c.as_str()))}</option> }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="help-form-title" data-testid="help-form">
            <h2 id="help-form-title">{move || t("help.form.title")}</h2>
            <p>{move || t("help.form.intro")}</p>
            <div role="status" aria-live="polite" data-testid="help-form-status">
                {move || sent.get().map(|f| view! {
                    <p class="status-message">{t1("help.form.sent", "reference", &f.reference)}</p>
                })}
            </div>
            <div class="form-error" role="alert" data-testid="help-form-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <form on:submit=submit novalidate>
                <SelectField
                    id="category"
                    name="category"
                    label=Signal::derive(|| t("help.form.category"))
                    value=category
                    on_change=move |v| category.set(v)
                    errors=errors
                >
                    <option value="">{move || t("help.form.category.choose")}</option>
                    {options}
                </SelectField>
                <Field id="name" label=Signal::derive(|| t("help.form.name")) value=name errors=errors autocomplete="name"/>
                <Field
                    id="email"
                    label=Signal::derive(|| t("help.form.email"))
                    hint=Signal::derive(|| t("help.form.email.hint"))
                    value=email
                    errors=errors
                    kind="email"
                    autocomplete="email"
                    inputmode="email"
                />
                <TextArea id="message" field="message" label="help.form.message" hint="help.form.message.hint" value=message errors=errors rows=5/>
                <FileField
                    id="screenshot"
                    field="screenshot"
                    label="help.form.screenshot"
                    hint="help.form.screenshot.hint"
                    accept="image/png,image/jpeg"
                    input=file_ref
                    errors=errors
                />
                <button type="submit" data-testid="help-form-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("help.form.submit") }}
                </button>
            </form>
        </section>
    }
}
