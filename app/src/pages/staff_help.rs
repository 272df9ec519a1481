//! "Vragen aan de helpdesk" in the back office: the open questions people sent from the help
//! page (with or without an account), oldest first, each with its screenshot; staff answer, and
//! the answer goes to the person by e-mail in the language they wrote in.

use inzage_domain::help::{HelpAnswer, StaffHelpCase};
use inzage_domain::wire::FieldErrors;
use inzage_domain::Message;
use leptos::prelude::*;

use super::handle_session;
use super::messages::TextArea;
use super::staff::{done, queue_items, StatusLine};
use crate::api::{self, ApiFailure};
use crate::i18n::{date_time, t, t1, tr, track};

/// The section.
#[component]
pub fn HelpQueue() -> impl IntoView {
    let list = RwSignal::new(None::<Result<Vec<StaffHelpCase>, ApiFailure>>);
    let answered = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::Div>::new();
    leptos::task::spawn_local(async move {
        list.set(Some(api::staff_help().await));
    });
    // An answered question leaves the list; the status message takes the focus the row had.
    let on_answered = move |id: String, reference: String| {
        answered.set(Some(reference));
        done(list, |c| c.id == id, status_ref);
    };
    let body = move || {
        track();
        match queue_items(list.get(), None) {
            Err(state) => state,
            Ok(items) if items.is_empty() => {
                view! { <p data-testid="staff-help-empty">{t("staff.help.empty")}</p> }.into_any()
            }
            Ok(items) => {
                let cases = items
                    .into_iter()
                    .map(|c| view! { <HelpCase case=c on_answered=on_answered/> })
                    .collect_view();
                view! { <ul class="person-list" data-testid="staff-help">{cases}</ul> }.into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="staff-help-title">
            <h2 id="staff-help-title">{move || t("staff.help.title")}</h2>
            <p>{move || t("staff.help.intro")}</p>
            <StatusLine
                node_ref=status_ref
                testid="staff-help-status"
                text=Signal::derive(move || answered.get().map(|r| t1("staff.help.answered", "reference", &r)))
            />
            {body}
        </section>
    }
}

/// One question: who asked what, when, the screenshot, and the answer form.
#[component]
fn HelpCase(
    case: StaffHelpCase,
    on_answered: impl Fn(String, String) + Copy + 'static,
) -> impl IntoView {
    let answer = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let (id, reference) = (case.id.clone(), case.reference.clone());
    let field_id = format!("answer-{}", case.id);
    let send = move |_| {
        failure.set(None);
        let body = HelpAnswer {
            answer: answer.get_untracked(),
        };
        if let Err(e) = body.validate() {
            errors.set(e);
            super::linked::focus_first_error();
            return;
        }
        busy.set(true);
        let (id, reference) = (id.clone(), reference.clone());
        leptos::task::spawn_local(async move {
            match api::staff_answer_help(&id, &body).await {
                Ok(()) => on_answered(id, reference),
                Err(ApiFailure::Server { body, .. }) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    super::linked::focus_first_error();
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
    let from = match &case.account_name {
        Some(account) => t1("staff.help.account", "name", account),
        None => t("staff.help.no_account"),
    };
    let screenshot = case.screenshot_size.map(|size| {
        let text = t1(
            "staff.help.screenshot",
            "size",
            &((size.max(0) + 1023) / 1024).to_string(),
        );
        view! {
            <p>
                <a href=api::help_screenshot_url(&case.id) target="_blank" rel="noopener" data-testid="help-screenshot">{text}</a>
            </p>
        }
    });
    let button_label = format!("{}: {}", t("staff.help.send"), case.reference);
    view! {
        <li class="person-card" data-testid="staff-help-case" data-reference=case.reference.clone()>
            <p class="person-name">{case.reference.clone()}" · "{t(&format!("help.category.{}", case.category.as_str()))}</p>
            <p class="person-meta">
                {case.name.clone()}" · "{case.email.clone()}" · "{from}" · "{date_time(case.filed_at)}
            </p>
            <p class="staff-message">{case.message.clone()}</p>
            {screenshot}
            <p class="form-error" role="alert" data-testid="decision-error">
                {move || failure.get().map(|m| tr(&m))}
            </p>
            <TextArea id=field_id field="answer" label="staff.help.answer" value=answer errors=errors rows=4/>
            <div class="actions">
                <button type="button" data-testid="help-answer-send" aria-label=button_label disabled=move || busy.get() on:click=send>
                    {t("staff.help.send")}
                </button>
            </div>
        </li>
    }
}
