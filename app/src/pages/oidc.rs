//! Logging in through an identity provider (eID or itsme through the federal login service,
//! DigiD): one button per configured provider, each a plain link to the server's start of the
//! OpenID Connect flow, and the reason when the server sent the browser back refused
//! (`?oidc_error=…`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::i18n::{lang, t};

/// The reasons the server gives (the last part of `login.oidc.*`); any other value in the
/// address is shown as the provider's failure, never as a key of its own.
const REASONS: [&str; 7] = [
    "flow",
    "cancelled",
    "provider",
    "token",
    "number",
    "no_account",
    "deceased",
];

/// The message key for the `oidc_error` in the address.
fn reason_key(code: &str) -> String {
    let code = if REASONS.contains(&code) {
        code
    } else {
        "provider"
    };
    format!("login.oidc.{code}")
}

/// The identity providers' buttons and the reason of a refused login; nothing when no provider
/// is configured and nothing was refused.
#[component]
pub fn IdentityProviders() -> impl IntoView {
    let query = use_query_map();
    let error = move || {
        query
            .with(|q| q.get("oidc_error"))
            .map(|code| reason_key(&code))
    };
    let providers = LocalResource::new(api::identity_providers);
    view! {
        <div class="oidc" data-testid="oidc">
            <div class="form-error" role="alert" aria-live="assertive" data-testid="oidc-error">
                {move || error().map(|key| t(&key))}
            </div>
            {move || {
                let list = providers.get().and_then(Result::ok).unwrap_or_default();
                (!list.is_empty())
                    .then(|| {
                        let items = list
                            .into_iter()
                            .map(|p| {
                                let href = format!(
                                    "{}/oidc/{}/start",
                                    inzage_domain::wire::API_PREFIX,
                                    p.id
                                );
                                let testid = format!("oidc-{}", p.id);
                                view! {
                                    <li>
                                        // rel=external: a full navigation to the server, never
                                        // the app's own router.
                                        <a class="button-link" href=href rel="external" data-testid=testid>
                                            {move || p.name.get(lang()).to_owned()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h2 class="oidc-title">{move || t("login.oidc.or")}</h2>
                            <ul class="oidc-providers">{items}</ul>
                        }
                    })
            }}
        </div>
    }
}
