//! `/hulp`: help for a person who cannot log in (issue 11, item 2, the FAQ): a lost code card, a
//! forgotten password, where to find the patient number, a locked account, logging in with eID,
//! itsme or DigiD, and whom to call. Open without an account, in the three languages; the
//! helpdesk's phone and e-mail come from the network file (through `/terms`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::i18n::{t, t1};

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
    }
}
