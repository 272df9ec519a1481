//! Getting back in without logging in: "Wachtwoord vergeten" and the new password from the
//! e-mail's link (which asks a code of the card too), asking for a code card online, the pages
//! e-mail links open to confirm a request or an address, and the page after blocking a card.
//!
//! The pages a link opens send nothing on their own: mail scanners open links, so the person
//! confirms with a button first.

use inzage_domain::account::{
    CodeCardRequestForm, LinkToken, PasswordResetCompletion, PasswordResetRequest,
};
use inzage_domain::wire::FieldErrors;
use inzage_domain::{CodeCardPosition, Message};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::linked::focus_first_error;
use super::login::{CardCodeField, Field, NewPassword, NewPasswordFields};
use crate::api::{self, ApiFailure};
use crate::i18n::{t, tr};

/// Shows a failure beside its fields, or at the form when it names none of them (a link's
/// `token` has no field: its error belongs to the form).
fn show_failure(
    failure: ApiFailure,
    errors: RwSignal<FieldErrors>,
    form_error: RwSignal<Option<Message>>,
) {
    match failure {
        ApiFailure::Server { mut body, .. } if !body.fields.is_empty() => {
            if let Some(m) = body
                .fields
                .0
                .remove("token")
                .and_then(|v| v.into_iter().next())
            {
                form_error.set(Some(m));
            }
            if !body.fields.is_empty() {
                errors.set(body.fields);
                focus_first_error();
            }
        }
        other => form_error.set(Some(other.message())),
    }
}

/// The token of the link that opened the page.
fn link_token() -> String {
    use_query_map().with_untracked(|q| q.get("token").unwrap_or_default())
}

/// "Wachtwoord vergeten": the username; a link goes to the account's confirmed address.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let username = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let req = PasswordResetRequest {
            username: username.get_untracked(),
        };
        if let Err(e) = req.validate() {
            errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::request_reset(&req).await {
                Ok(ack) => sent.set(Some(ack.message)),
                Err(f) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card login" aria-labelledby="forgot-title" data-testid="forgot-password">
            <h1 id="forgot-title">{move || t("recovery.forgot.title")}</h1>
            <p>{move || t("recovery.forgot.intro")}</p>
            <div role="status" aria-live="polite" data-testid="forgot-status">
                {move || sent.get().map(|m| view! { <p class="status-message">{tr(&m)}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="form-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <Show when=move || sent.with(Option::is_none)>
                <form on:submit=submit novalidate>
                    <Field
                        id="username"
                        label=Signal::derive(|| t("login.username"))
                        hint=Signal::derive(|| t("login.username.hint"))
                        value=username
                        errors=errors
                        autocomplete="username"
                    />
                    <button type="submit" data-testid="forgot-submit" disabled=move || busy.get()>
                        {move || if busy.get() { t("login.busy") } else { t("recovery.forgot.submit") }}
                    </button>
                </form>
            </Show>
            <p><A href="/inloggen">{move || t("recovery.back_to_login")}</A></p>
        </section>
    }
}

/// Where the reset page stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ResetStep {
    /// The person has not started yet (the link was only opened).
    Start,
    /// Asking the server which code to give.
    Asking,
    /// The form, with the code card position asked.
    Form {
        challenge_id: String,
        position: CodeCardPosition,
    },
    /// The link does not work (any more).
    Invalid,
    /// The new password is set.
    Done,
}

/// The new password from the e-mail's link: a code of the card and the new password, twice.
#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let token = link_token();
    let step = RwSignal::new(ResetStep::Start);
    let code = RwSignal::new(String::new());
    let password = NewPassword::empty();
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);

    // Asks which code of the card to give; a new challenge after a failed attempt.
    let ask = {
        let token = token.clone();
        move || {
            step.set(ResetStep::Asking);
            let req = LinkToken {
                token: token.clone(),
            };
            leptos::task::spawn_local(async move {
                match api::reset_challenge(&req).await {
                    Ok(c) => {
                        code.set(String::new());
                        step.set(ResetStep::Form {
                            challenge_id: c.challenge_id,
                            position: c.position,
                        });
                    }
                    Err(f) => {
                        let invalid = matches!(&f, ApiFailure::Server { body, .. } if body.fields.first("token").is_some());
                        show_failure(f, errors, form_error);
                        step.set(if invalid {
                            ResetStep::Invalid
                        } else {
                            ResetStep::Start
                        });
                    }
                }
            });
        }
    };

    let start = {
        let ask = ask.clone();
        move |_| {
            form_error.set(None);
            ask();
        }
    };

    let submit = {
        let token = token.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            form_error.set(None);
            let ResetStep::Form { challenge_id, .. } = step.get_untracked() else {
                return;
            };
            let req = PasswordResetCompletion {
                token: token.clone(),
                challenge_id,
                code: code.get_untracked(),
                new_password: password.new.get_untracked(),
            };
            let mut found = req.validate(&[]).err().unwrap_or_default();
            password.check_repeat(&mut found);
            if !found.is_empty() {
                errors.set(found);
                focus_first_error();
                return;
            }
            busy.set(true);
            let ask = ask.clone();
            leptos::task::spawn_local(async move {
                match api::complete_reset(&req).await {
                    Ok(()) => {
                        password.clear();
                        step.set(ResetStep::Done);
                    }
                    Err(f) => {
                        let invalid = matches!(&f, ApiFailure::Server { body, .. } if body.fields.first("token").is_some());
                        let code_wrong = matches!(
                            &f,
                            ApiFailure::Server {
                                status: 401 | 423,
                                ..
                            }
                        );
                        show_failure(f, errors, form_error);
                        if invalid {
                            step.set(ResetStep::Invalid);
                        } else if code_wrong {
                            // The challenge is used up: a new position to answer.
                            ask();
                        }
                    }
                }
                busy.set(false);
            });
        }
    };

    let body = move || {
        match step.get() {
        ResetStep::Start | ResetStep::Asking => {
            let start = start.clone();
            view! {
                <p>{t("recovery.reset.start_intro")}</p>
                <button
                    type="button"
                    data-testid="reset-start"
                    disabled=move || step.get() == ResetStep::Asking
                    on:click=start
                >
                    {t("recovery.reset.start")}
                </button>
            }
            .into_any()
        }
        ResetStep::Invalid => view! {
            <p><A href="/wachtwoord-vergeten">{t("recovery.reset.ask_again")}</A></p>
        }
        .into_any(),
        ResetStep::Done => view! {
            <p class="status-message" role="status" data-testid="reset-done">{t("recovery.reset.done")}</p>
            <p><A href="/inloggen" attr:data-testid="to-login">{t("recovery.back_to_login")}</A></p>
        }
        .into_any(),
        ResetStep::Form { position, .. } => {
            view! {
                <form on:submit=submit.clone() novalidate>
                    <CardCodeField position=position code=code errors=errors/>
                    <NewPasswordFields password=password errors=errors/>
                    <button type="submit" data-testid="reset-submit" disabled=move || busy.get()>
                        {move || if busy.get() { t("login.busy") } else { t("recovery.reset.submit") }}
                    </button>
                </form>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="card login" aria-labelledby="reset-title" data-testid="new-password">
            <h1 id="reset-title">{move || t("recovery.reset.title")}</h1>
            <div class="form-error" role="alert" data-testid="form-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            {body}
        </section>
    }
}

/// "Codekaart aanvragen": a Belgian national number and an e-mail address to confirm.
#[component]
pub fn CardRequestPage() -> impl IntoView {
    let number = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let sent = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let req = CodeCardRequestForm {
            national_number: number.get_untracked(),
            email: email.get_untracked().trim().to_owned(),
        };
        if let Err(e) = req.validate() {
            errors.set(e);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::request_card_online(&req).await {
                Ok(ack) => sent.set(Some(ack.message)),
                Err(f) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card login" aria-labelledby="card-request-title" data-testid="card-request">
            <h1 id="card-request-title">{move || t("recovery.card.title")}</h1>
            <p>{move || t("recovery.card.intro")}</p>
            <div role="status" aria-live="polite" data-testid="card-request-status">
                {move || sent.get().map(|m| view! { <p class="status-message">{tr(&m)}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="form-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            <Show when=move || sent.with(Option::is_none)>
                <form on:submit=submit novalidate>
                    <Field
                        id="national_number"
                        label=Signal::derive(|| t("recovery.card.national_number"))
                        hint=Signal::derive(|| t("recovery.card.national_number.hint"))
                        value=number
                        errors=errors
                        inputmode="numeric"
                    />
                    <Field
                        id="email"
                        label=Signal::derive(|| t("account.email.label"))
                        hint=Signal::derive(|| t("recovery.card.email.hint"))
                        value=email
                        errors=errors
                        kind="email"
                        autocomplete="email"
                        inputmode="email"
                    />
                    <button type="submit" data-testid="card-request-submit" disabled=move || busy.get()>
                        {move || if busy.get() { t("login.busy") } else { t("recovery.card.submit") }}
                    </button>
                </form>
            </Show>
            <p>{move || t("recovery.card.desk")}</p>
            <p><A href="/inloggen">{move || t("recovery.back_to_login")}</A></p>
        </section>
    }
}

/// Which link a confirmation page answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirming {
    CardRequest,
    Email,
    NoticeAddress,
}

/// The page a confirmation link opens: one button sends the link's token.
#[component]
fn ConfirmLink(what: Confirming) -> impl IntoView {
    let token = link_token();
    let done = RwSignal::new(None::<Message>);
    let failure = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let confirm = move |_| {
        failure.set(None);
        busy.set(true);
        let req = LinkToken {
            token: token.clone(),
        };
        leptos::task::spawn_local(async move {
            let result = match what {
                Confirming::CardRequest => api::confirm_card_request(&req).await,
                Confirming::Email => api::confirm_email(&req).await,
                Confirming::NoticeAddress => api::confirm_notice_address(&req).await,
            };
            match result {
                Ok(ack) => done.set(Some(ack.message)),
                Err(ApiFailure::Server { body, .. }) if body.fields.first("token").is_some() => {
                    failure.set(body.fields.first("token").cloned());
                }
                Err(f) => failure.set(Some(f.message())),
            }
            busy.set(false);
        });
    };
    let (title, intro, button) = match what {
        Confirming::CardRequest => (
            "recovery.confirm_card.title",
            "recovery.confirm_card.intro",
            "recovery.confirm_card.submit",
        ),
        Confirming::Email => (
            "recovery.confirm_email.title",
            "recovery.confirm_email.intro",
            "recovery.confirm_email.submit",
        ),
        Confirming::NoticeAddress => (
            "recovery.confirm_notice_address.title",
            "recovery.confirm_notice_address.intro",
            "recovery.confirm_email.submit",
        ),
    };
    view! {
        <section class="card login" aria-labelledby="confirm-link-title" data-testid="confirm-link">
            <h1 id="confirm-link-title">{move || t(title)}</h1>
            <div role="status" aria-live="polite" data-testid="confirm-link-status">
                {move || done.get().map(|m| view! { <p class="status-message">{tr(&m)}</p> })}
            </div>
            <div class="form-error" role="alert" data-testid="form-error">
                {move || failure.get().map(|m| tr(&m))}
            </div>
            <Show when=move || done.with(Option::is_none)>
                <p>{move || t(intro)}</p>
                <button type="button" data-testid="confirm-link-submit" disabled=move || busy.get() on:click=confirm.clone()>
                    {move || if busy.get() { t("login.busy") } else { t(button) }}
                </button>
            </Show>
            <p><A href="/inloggen">{move || t("recovery.back_to_login")}</A></p>
        </section>
    }
}

/// The link of a code card request's e-mail.
#[component]
pub fn ConfirmCardRequestPage() -> impl IntoView {
    view! { <ConfirmLink what=Confirming::CardRequest/> }
}

/// The link of an e-mail address's confirmation.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    view! { <ConfirmLink what=Confirming::Email/> }
}

/// The link that confirms an address for notices (it may be opened by someone without an
/// account: the link is the proof).
#[component]
pub fn ConfirmNoticeAddressPage() -> impl IntoView {
    view! { <ConfirmLink what=Confirming::NoticeAddress/> }
}

/// After blocking the card: what happened, and how to get a new one.
#[component]
pub fn CardBlockedPage() -> impl IntoView {
    view! {
        <section class="card login" aria-labelledby="blocked-title" data-testid="card-blocked">
            <h1 id="blocked-title">{move || t("recovery.blocked.title")}</h1>
            <p class="status-message" role="status">{move || t("recovery.blocked.done")}</p>
            <p>{move || t("recovery.blocked.logged_out")}</p>
            <h2>{move || t("recovery.blocked.next_title")}</h2>
            <ul>
                <li>{move || t("recovery.blocked.next_online")}</li>
                <li>{move || t("recovery.blocked.next_desk")}</li>
            </ul>
            <p><A href="/codekaart-aanvragen">{move || t("login.card_request")}</A></p>
            <p><A href="/inloggen">{move || t("recovery.back_to_login")}</A></p>
        </section>
    }
}
