//! Passkeys in the browser: the section of Mijn account that adds, lists and removes them, and
//! the login page's button that logs in with the password and a passkey instead of the card.
//!
//! The server's options (binary fields in base64url) become the browser's objects through
//! `webauthn-rs-proto`'s `wasm` conversions, and the browser's credential comes back the same
//! way, as the JSON `webauthn-rs` reads.

use inzage_domain::account::AccountView;
use inzage_domain::passkey::{
    CreationChallengeResponse, PasskeyLoginRequest, PasskeyName, PasskeyRegistrationFinish,
    PublicKeyCredential, RegisterPublicKeyCredential, RequestChallengeResponse,
};
use inzage_domain::wire::{FieldErrors, Me};
use inzage_domain::Message;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::account::{load, show_failure, Loaded, Notice};
use super::linked::focus_first_error;
use super::login::Field;
use crate::api::{self, ApiFailure};
use crate::i18n::{date_time, t, t1, tr};

/// Asks the browser to create a passkey with the server's options.
async fn create(
    options: CreationChallengeResponse,
) -> Result<RegisterPublicKeyCredential, Message> {
    let refused = || Message::new("passkey.browser_refused");
    let window = web_sys::window().ok_or_else(refused)?;
    let options: web_sys::CredentialCreationOptions = options.into();
    let promise = window
        .navigator()
        .credentials()
        .create_with_options(&options)
        .map_err(|_| refused())?;
    let credential = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| refused())?;
    let credential = credential
        .dyn_into::<web_sys::PublicKeyCredential>()
        .map_err(|_| refused())?;
    Ok(RegisterPublicKeyCredential::from(credential))
}

/// Asks the browser for an assertion with the login's options.
async fn get(options: RequestChallengeResponse) -> Result<PublicKeyCredential, Message> {
    let refused = || Message::new("passkey.browser_refused");
    let window = web_sys::window().ok_or_else(refused)?;
    let options: web_sys::CredentialRequestOptions = options.into();
    let promise = window
        .navigator()
        .credentials()
        .get_with_options(&options)
        .map_err(|_| refused())?;
    let credential = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| refused())?;
    let credential = credential
        .dyn_into::<web_sys::PublicKeyCredential>()
        .map_err(|_| refused())?;
    Ok(PublicKeyCredential::from(credential))
}

/// The login page's "log in with a passkey" button, beside the code field: the password the
/// person typed in the first step, and a passkey instead of the code. `on_result` gets the
/// server's answer, as the code's submit does.
#[component]
pub fn PasskeyLogin(
    challenge_id: String,
    options: RequestChallengeResponse,
    username: RwSignal<String>,
    password: RwSignal<String>,
    busy: RwSignal<bool>,
    form_error: RwSignal<Option<Message>>,
    on_result: Callback<Result<Me, ApiFailure>>,
) -> impl IntoView {
    let click = move |_| {
        form_error.set(None);
        let req_options = options.clone();
        let challenge_id = challenge_id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match get(req_options).await {
                Ok(credential) => {
                    let req = PasskeyLoginRequest {
                        challenge_id,
                        username: username.get_untracked(),
                        password: password.get_untracked(),
                        credential,
                    };
                    on_result.run(api::login_with_passkey(&req).await);
                }
                Err(m) => form_error.set(Some(m)),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="passkey-login">
            <p class="hint">{move || t("passkey.login.hint")}</p>
            <button type="button" class="secondary" data-testid="passkey-login" disabled=move || busy.get() on:click=click>
                {move || t("passkey.login.button")}
            </button>
        </div>
    }
}

/// Mijn account's passkeys: add one (a name, then the browser's dialog), the list with when each
/// was added and last used, remove one.
#[component]
pub fn Passkeys(account: AccountView, loaded: Loaded) -> impl IntoView {
    let notice = expect_context::<Notice>();
    let name = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);

    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        notice.clear();
        let typed = name.get_untracked();
        if let Err(e) = PasskeyName::parse(&typed) {
            let mut found = FieldErrors::default();
            found.add("passkey-name", Message::from(&e));
            errors.set(found);
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let start = api::start_passkey().await.map_err(Err)?;
                let credential = create(start.options).await.map_err(Ok)?;
                api::finish_passkey(&PasskeyRegistrationFinish {
                    ceremony_id: start.ceremony_id,
                    name: typed,
                    credential,
                })
                .await
                .map_err(Err)
            }
            .await;
            match result {
                Ok(_) => {
                    notice.tell(Message::new("passkey.added"));
                    load(loaded);
                }
                Err(Ok(browser)) => form_error.set(Some(browser)),
                Err(Err(ApiFailure::Server { status, mut body })) => {
                    // The server names the field `name`; here it is `passkey-name`.
                    if let Some(m) = body.fields.0.remove("name") {
                        body.fields.0.insert("passkey-name".to_owned(), m);
                    }
                    show_failure(ApiFailure::Server { status, body }, errors, form_error);
                }
                Err(Err(f)) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };

    let remove = move |id: String| {
        form_error.set(None);
        notice.clear();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::delete_passkey(&id).await {
                Ok(()) => {
                    notice.tell(Message::new("passkey.removed"));
                    load(loaded);
                }
                Err(f) => show_failure(f, errors, form_error),
            }
            busy.set(false);
        });
    };

    let items = account
        .passkeys
        .iter()
        .map(|p| {
            let id = p.id.clone();
            let added = t1("passkey.added_at", "when", &date_time(p.created_at));
            let used = match p.last_used_at {
                Some(at) => t1("passkey.last_used", "when", &date_time(at)),
                None => t("passkey.never_used"),
            };
            let label = t1("passkey.remove_named", "name", &p.name);
            view! {
                <li data-testid="passkey">
                    <strong>{p.name.clone()}</strong>
                    <span class="muted">{added}" · "{used}</span>
                    <button type="button" class="secondary" aria-label=label disabled=move || busy.get()
                        on:click=move |_| remove(id.clone())>
                        {t("passkey.remove")}
                    </button>
                </li>
            }
        })
        .collect_view();
    let none = account.passkeys.is_empty();

    view! {
        <section class="card referral" aria-labelledby="account-passkeys-title" data-testid="account-passkeys">
            <h2 id="account-passkeys-title">{t("passkey.title")}</h2>
            <p>{t("passkey.intro")}</p>
            {none.then(|| view! { <p class="muted">{t("passkey.none")}</p> })}
            <ul class="person-list" data-testid="passkeys">{items}</ul>
            <form on:submit=add novalidate>
                <Field
                    id="passkey-name"
                    label=Signal::derive(|| t("passkey.name"))
                    hint=Signal::derive(|| t("passkey.name.hint"))
                    value=name
                    errors=errors
                />
                <p class="form-error" role="alert">{move || form_error.get().map(|m| tr(&m))}</p>
                <button type="submit" data-testid="add-passkey" disabled=move || busy.get()>
                    {t("passkey.add")}
                </button>
            </form>
        </section>
    }
}
