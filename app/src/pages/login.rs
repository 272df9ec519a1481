//! Logging in: username and password, then one code of the card, as in mynexuzhealth.

use inzage_domain::wire::{FieldErrors, LoginChallengeRequest, LoginRequest};
use inzage_domain::{CodeCardPosition, Message};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::home_of;
use crate::api::{self, ApiFailure};
use crate::i18n::{t, t1, tr};
use crate::Session;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Credentials,
    Code {
        challenge_id: String,
        position: CodeCardPosition,
    },
}

/// One labelled input with its hint and its error, linked for screen readers.
#[component]
pub(crate) fn Field(
    id: &'static str,
    label: Signal<String>,
    #[prop(optional)] hint: Option<Signal<String>>,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    // Whether the field takes the focus when it appears: for a form that replaces the one the
    // person was typing in (the code step), so the focus is not lost. The `autofocus`
    // attribute would not do: the browser honours it once per document, and this app is one
    // document. A page's first field does not take it, so a page starts at its top: the skip
    // link, the heading and what the page is for.
    #[prop(optional)] focus: bool,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            if focus {
                let _ = el.focus();
            }
        }
    });
    let error = move || errors.with(|e| e.first(id).map(tr));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                node_ref=input
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| {
                        e.0.remove(id);
                    });
                }
            />
            <p class="field-error" id=error_id role="alert">{error}</p>
        </div>
    }
}

/// A labelled drop-down with its error, linked for screen readers as [`Field`] links an input.
/// Its error is `field`'s in `errors` (the element's `id` when not given); choosing an option
/// clears that error, then `on_change` takes the value chosen. The options are its children.
#[component]
pub(crate) fn SelectField(
    id: &'static str,
    #[prop(optional)] field: Option<&'static str>,
    label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_change: impl Fn(String) + 'static,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] name: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let field = field.unwrap_or(id);
    let error = move || errors.with(|e| e.first(field).map(tr));
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id>{label}</label>
            <select
                id=id
                name=name
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || value.get()
                on:change=move |ev| {
                    errors.update(|e| {
                        e.0.remove(field);
                    });
                    on_change(event_target_value(&ev));
                }
            >
                {children()}
            </select>
            <p class="field-error" id=error_id role="alert">{error}</p>
        </div>
    }
}

/// The code card's step: the position asked, shown as the card shows it, and the field for the
/// code printed there. It takes the focus, since it replaces the form the person was typing in.
#[component]
pub(crate) fn CardCodeField(
    position: CodeCardPosition,
    code: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let p = position.get().to_string();
    let label = {
        let p = p.clone();
        Signal::derive(move || t1("login.code", "position", &p))
    };
    let hint = Signal::derive(move || t1("login.code.hint", "position", &p));
    view! {
        <p class="code-position" data-testid="code-position" data-position=position.get()>
            <span class="position-badge" aria-hidden="true">{position.get()}</span>
        </p>
        <Field
            id="code"
            label=label
            hint=hint
            value=code
            errors=errors
            autocomplete="one-time-code"
            inputmode="numeric"
            focus=true
        />
    }
}

/// A new password, typed twice. Only the browser sees the repetition, so only it can say that
/// the two differ; the rules for the password itself are the domain crate's.
#[derive(Clone, Copy)]
pub(crate) struct NewPassword {
    pub(crate) new: RwSignal<String>,
    pub(crate) repeat: RwSignal<String>,
}

impl NewPassword {
    pub(crate) fn empty() -> Self {
        Self {
            new: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
        }
    }

    /// Adds "the repetition differs" to `found`, unless the new password already has an error
    /// of its own.
    pub(crate) fn check_repeat(self, found: &mut FieldErrors) {
        let differs = self
            .new
            .with_untracked(|n| self.repeat.with_untracked(|r| n != r));
        if differs && found.first("new_password").is_none() {
            found.add(
                "new_password_repeat",
                Message::new("account.password.repeat_differs"),
            );
        }
    }

    /// Empties both fields (after the password was saved).
    pub(crate) fn clear(self) {
        self.new.set(String::new());
        self.repeat.set(String::new());
    }
}

/// The two fields of a [`NewPassword`].
#[component]
pub(crate) fn NewPasswordFields(
    password: NewPassword,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    view! {
        <Field
            id="new_password"
            label=Signal::derive(|| t("account.password.new"))
            hint=Signal::derive(|| t("account.password.new.hint"))
            value=password.new
            errors=errors
            kind="password"
            autocomplete="new-password"
        />
        <Field
            id="new_password_repeat"
            label=Signal::derive(|| t("account.password.repeat"))
            value=password.repeat
            errors=errors
            kind="password"
            autocomplete="new-password"
        />
    }
}

/// The login page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let Session(me) = expect_context::<Session>();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let step = RwSignal::new(Step::Credentials);
    // The options to log in with a passkey instead of the code, when the server offers them.
    let passkey = RwSignal::new(None::<inzage_domain::passkey::RequestChallengeResponse>);

    // Someone already logged in (a reload) goes straight to their home page.
    {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if let Ok(m) = api::me().await {
                let home = home_of(&m);
                me.set(Some(m));
                navigate(home, Default::default());
            }
        });
    }

    let show_failure = move |failure: ApiFailure| match failure {
        ApiFailure::Server { body, .. } if !body.fields.is_empty() => {
            errors.set(body.fields);
        }
        other => form_error.set(Some(other.message())),
    };

    let submit_credentials = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        // The same validation as the server's, so the error appears at once, beside the field.
        let req = LoginChallengeRequest {
            username: username.get_untracked(),
        };
        let mut found = match req.validate() {
            Ok(_) => FieldErrors::default(),
            Err(e) => e,
        };
        found.check(
            "password",
            inzage_domain::Password::for_login(&password.get_untracked()),
        );
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::login_challenge(&req).await {
                Ok(c) => {
                    code.set(String::new());
                    passkey.set(c.passkey);
                    step.set(Step::Code {
                        challenge_id: c.challenge_id,
                        position: c.position,
                    });
                }
                Err(f) => show_failure(f),
            }
            busy.set(false);
        });
    };

    let submit_code = {
        let navigate = navigate.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            form_error.set(None);
            let Step::Code { challenge_id, .. } = step.get_untracked() else {
                return;
            };
            let req = LoginRequest {
                challenge_id,
                username: username.get_untracked(),
                password: password.get_untracked(),
                code: code.get_untracked(),
            };
            if let Err(e) = req.validate() {
                errors.set(e);
                return;
            }
            busy.set(true);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                match api::login(&req).await {
                    Ok(m) => {
                        let home = home_of(&m);
                        me.set(Some(m));
                        password.set(String::new());
                        navigate(home, Default::default());
                    }
                    Err(f) => {
                        // The challenge is used up: start again with a new code.
                        password.set(String::new());
                        code.set(String::new());
                        step.set(Step::Credentials);
                        show_failure(f);
                    }
                }
                busy.set(false);
            });
        }
    };

    let passkey_result = {
        let navigate = navigate.clone();
        Callback::new(
            move |result: Result<inzage_domain::wire::Me, ApiFailure>| match result {
                Ok(m) => {
                    let home = home_of(&m);
                    me.set(Some(m));
                    password.set(String::new());
                    navigate(home, Default::default());
                }
                Err(f) => {
                    // The challenge is used up: start again.
                    password.set(String::new());
                    step.set(Step::Credentials);
                    show_failure(f);
                }
            },
        )
    };

    let back = move |_| {
        form_error.set(None);
        errors.set(FieldErrors::default());
        step.set(Step::Credentials);
    };

    view! {
        <section class="card login" aria-labelledby="login-title">
            <h1 id="login-title">{move || t("login.title")}</h1>
            <p>{move || t("login.intro")}</p>
            <div class="form-error" role="alert" aria-live="assertive" data-testid="form-error">
                {move || form_error.get().map(|m| tr(&m))}
            </div>
            {move || match step.get() {
                Step::Credentials => view! {
                    <form on:submit=submit_credentials novalidate>
                        <Field
                            id="username"
                            label=Signal::derive(|| t("login.username"))
                            hint=Signal::derive(|| t("login.username.hint"))
                            value=username
                            errors=errors
                            autocomplete="username"
                        />
                        <Field
                            id="password"
                            label=Signal::derive(|| t("login.password"))
                            value=password
                            errors=errors
                            kind="password"
                            autocomplete="current-password"
                        />
                        <button type="submit" disabled=move || busy.get()>
                            {move || if busy.get() { t("login.busy") } else { t("login.next") }}
                        </button>
                    </form>
                }
                .into_any(),
                Step::Code { position, challenge_id } => {
                    let with_passkey = passkey.get_untracked().map(|options| view! {
                        <super::passkey::PasskeyLogin
                            challenge_id=challenge_id
                            options=options
                            username=username
                            password=password
                            busy=busy
                            form_error=form_error
                            on_result=passkey_result
                        />
                    });
                    view! {
                        <form on:submit=submit_code.clone() novalidate>
                            <CardCodeField position=position code=code errors=errors/>
                            <div class="actions">
                                <button type="submit" disabled=move || busy.get()>
                                    {move || if busy.get() { t("login.busy") } else { t("login.submit") }}
                                </button>
                                <button type="button" class="secondary" on:click=back>
                                    {move || t("login.back")}
                                </button>
                            </div>
                        </form>
                        {with_passkey}
                    }
                    .into_any()
                }
            }}
            <super::oidc::IdentityProviders/>
            <ul class="login-links">
                <li><A href="/wachtwoord-vergeten">{move || t("login.forgot_password")}</A></li>
                <li><A href="/codekaart-aanvragen">{move || t("login.card_request")}</A></li>
                <li><A href="/hulp">{move || t("login.help")}</A></li>
            </ul>
        </section>
    }
}
