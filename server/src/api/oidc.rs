//! Logging in through an identity provider: the OpenID Connect authorization code flow with
//! PKCE, for the Belgian federal authentication service (eID, itsme), itsme or DigiD.
//!
//! `start` stores the flow (state, nonce, PKCE verifier, provider, expiry) in the database and
//! sends the browser to the provider with a flow cookie; `callback` takes the flow once, for that
//! browser only, exchanges the code, verifies the ID token (signature against the provider's
//! published keys, issuer, audience, expiry by the server's clock, nonce), reads the national
//! number from the configured claim, and logs in the patient whose number it is, exactly like
//! the password login. A number that belongs to no patient with an account is refused: no
//! account is ever created here. Every failure sends the browser back to the login page with a
//! reason (`/inloggen?oidc_error=…`) the app translates.

use std::sync::{Arc, OnceLock};

use crate::error::{Path, Query};
use axum::extract::State;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use inzage_domain::wire::{ErrorBody, IdentityProviderInfo};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthorizationCode, Client, ClientId, ClientSecret,
    CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields,
    IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    StandardErrorResponse, StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::auth::{token_hash, SessionToken, SESSION_MAX};
use crate::clock::Clock;
use crate::error::ApiError;
use crate::identity::IdentityProvider;
use crate::store::OidcFlowRow;
use crate::AppState;

/// How long a started login can be finished.
pub const FLOW_TTL: time::Duration = time::Duration::minutes(10);

/// The cookie that binds a flow to the browser that started it. `SameSite=Lax`, unlike the
/// session cookie: the provider's redirect back is a cross-site navigation.
pub const FLOW_COOKIE: &str = "inzage_oidc";

/// How far in the future an ID token's `iat` may lie (the provider's clock may run ahead).
const CLOCK_SKEW: time::Duration = time::Duration::minutes(5);

/// The claims of an ID token beyond the standard ones, among them the national number.
#[derive(Clone, Serialize, Deserialize)]
pub struct OtherClaims {
    #[serde(flatten)]
    claims: serde_json::Map<String, serde_json::Value>,
}

impl AdditionalClaims for OtherClaims {}

impl std::fmt::Debug for OtherClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The national number is among them: only the claims' names are shown.
        f.debug_set().entries(self.claims.keys()).finish()
    }
}

type TokenFields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

type OidcClient = Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    StandardTokenResponse<TokenFields, CoreTokenType>,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Why a login through a provider failed; each is a message the login page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OidcFailure {
    /// The flow is unknown, used, expired or was started in another browser.
    Flow,
    /// The person cancelled at the provider.
    Cancelled,
    /// The provider could not be reached or refused the exchange.
    Provider,
    /// The ID token did not verify (signature, issuer, audience, expiry, nonce).
    Token,
    /// The ID token carries no valid national number of the provider's country.
    Number,
    /// The number belongs to no patient with an account here.
    NoAccount,
    /// The patient died: portal access ends at death.
    Deceased,
}

impl OidcFailure {
    /// The message key the app translates.
    pub fn message_key(self) -> &'static str {
        match self {
            OidcFailure::Flow => "login.oidc.flow",
            OidcFailure::Cancelled => "login.oidc.cancelled",
            OidcFailure::Provider => "login.oidc.provider",
            OidcFailure::Token => "login.oidc.token",
            OidcFailure::Number => "login.oidc.number",
            OidcFailure::NoAccount => "login.oidc.no_account",
            OidcFailure::Deceased => "login.oidc.deceased",
        }
    }

    /// The code in the login page's address: the key's last part.
    pub fn code(self) -> &'static str {
        let key = self.message_key();
        key.rsplit('.').next().unwrap_or(key)
    }
}

/// The HTTP client for the providers: no redirects (the responses of a token endpoint are never
/// followed elsewhere) and a time limit.
fn http_client() -> &'static openidconnect::reqwest::Client {
    static CLIENT: OnceLock<openidconnect::reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        openidconnect::reqwest::Client::builder()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default()
    })
}

fn redirect_uri(state: &AppState, provider: &IdentityProvider) -> anyhow::Result<RedirectUrl> {
    let base = state
        .config
        .public_url
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("the portal's public URL is not known"))?;
    Ok(RedirectUrl::new(format!(
        "{base}{}/oidc/{}/callback",
        inzage_domain::wire::API_PREFIX,
        provider.id
    ))?)
}

/// Reads the provider's discovery document and keys (each time: keys rotate) and builds the
/// client.
async fn client_for(state: &AppState, provider: &IdentityProvider) -> anyhow::Result<OidcClient> {
    let metadata = CoreProviderMetadata::discover_async(
        IssuerUrl::new(provider.issuer.clone())?,
        http_client(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("discovery: {e}"))?;
    Ok(OidcClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(
            provider.client_secret.expose_secret().to_owned(),
        )),
    )
    .set_redirect_uri(redirect_uri(state, provider)?))
}

fn see_other(location: &str, cookies: Vec<HeaderValue>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(LOCATION, v);
    }
    for c in cookies {
        res.headers_mut().append(SET_COOKIE, c);
    }
    res
}

fn flow_cookie(state: &AppState, value: &str, max_age: i64) -> Result<HeaderValue, ApiError> {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{FLOW_COOKIE}={value}; Path={}/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        inzage_domain::wire::API_PREFIX
    ))
    .map_err(|e| ApiError::Internal(e.into()))
}

fn failed(state: &AppState, failure: OidcFailure) -> Result<Response, ApiError> {
    Ok(see_other(
        &format!("/inloggen?oidc_error={}", failure.code()),
        vec![flow_cookie(state, "", 0)?],
    ))
}

/// The identity providers the login page offers.
#[utoipa::path(get, path = "/api/v1/oidc/providers", tag = "login",
    responses((status = 200, description = "The configured identity providers, in order (none: only the code card)", body = [IdentityProviderInfo])))]
pub(super) async fn providers(State(state): State<AppState>) -> Json<Vec<IdentityProviderInfo>> {
    Json(
        state
            .config
            .identity
            .all()
            .iter()
            .map(IdentityProvider::info)
            .collect(),
    )
}

/// Starts a login through a provider.
#[utoipa::path(get, path = "/api/v1/oidc/{provider}/start", tag = "login",
    params(("provider" = String, Path, description = "The provider's id")),
    responses(
        (status = 303, description = "To the provider's authorization endpoint (with state, nonce and a PKCE challenge), the flow cookie set; or, when the provider cannot be reached, back to `/inloggen?oidc_error=provider`",
            headers(("location" = String, description = "Where to go"), ("set-cookie" = String, description = "inzage_oidc, HttpOnly, SameSite=Lax"))),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 429, description = "Too many logins started from this address: try again after Retry-After seconds", body = ErrorBody)))]
pub(super) async fn start(
    State(state): State<AppState>,
    super::ClientAddr(addr): super::ClientAddr,
    Path(provider): Path<String>,
) -> Result<Response, ApiError> {
    let provider = state
        .config
        .identity
        .get(&provider)
        .ok_or(ApiError::NotFound)?;
    // Each start stores a flow and asks the provider for its configuration.
    crate::limits::check_address(
        &state.store,
        crate::limits::OIDC_STARTS_PER_ADDRESS,
        addr.as_deref(),
        state.clock.now(),
    )
    .await?;
    let client = match client_for(&state, provider).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "identity provider unavailable");
            return failed(&state, OidcFailure::Provider);
        }
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    for scope in provider.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, csrf, nonce) = request.url();
    let browser = SessionToken::generate();
    let now = state.clock.now();
    state
        .store
        .insert_oidc_flow(&OidcFlowRow {
            state: csrf.secret().clone(),
            provider: provider.id.clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            browser_hash: token_hash(browser.as_str()),
            created_at: now.unix_timestamp(),
            expires_at: (now + FLOW_TTL).unix_timestamp(),
        })
        .await?;
    Ok(see_other(
        url.as_str(),
        vec![flow_cookie(
            &state,
            browser.as_str(),
            FLOW_TTL.whole_seconds(),
        )?],
    ))
}

/// What the provider sends the browser back with.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct CallbackQuery {
    /// The authorization code.
    code: Option<String>,
    /// The state sent at the start.
    state: Option<String>,
    /// The issuer (RFC 9207), when the provider sends it.
    iss: Option<String>,
    /// The provider's error code instead of a code (`access_denied`: the person cancelled).
    error: Option<String>,
}

/// Where the provider sends the browser back: finishes the login.
#[utoipa::path(get, path = "/api/v1/oidc/{provider}/callback", tag = "login",
    params(("provider" = String, Path, description = "The provider's id"), CallbackQuery),
    responses(
        (status = 303, description = "Logged in: to `/`, the session cookie set. Refused: to `/inloggen?oidc_error=` flow, cancelled, provider, token, number, no_account or deceased. The flow cookie is cleared either way",
            headers(("location" = String, description = "Where to go"), ("set-cookie" = String, description = "inzage_session (HttpOnly, SameSite=Strict) when logged in; inzage_oidc cleared"))),
        (status = 404, description = "No such provider", body = ErrorBody)))]
pub(super) async fn callback(
    State(state): State<AppState>,
    super::ClientAddr(addr): super::ClientAddr,
    Path(provider): Path<String>,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, ApiError> {
    let provider = state
        .config
        .identity
        .get(&provider)
        .ok_or(ApiError::NotFound)?;
    let account = match finish(&state, provider, &headers, query).await? {
        Ok(account) => account,
        Err(failure) => {
            tracing::info!(provider = %provider.id, reason = failure.code(), "login through an identity provider refused");
            return failed(&state, failure);
        }
    };
    let now = state.clock.now();
    // Rotation, as in the password login: a session the browser held before is ended.
    if let Some(old) = super::session_cookie(&headers) {
        state.store.delete_session(&token_hash(&old)).await?;
    }
    let token = state
        .auth
        .open_session(
            &account,
            &provider.id,
            crate::auth::Client {
                addr: addr.as_deref(),
                user_agent: super::user_agent(&headers),
            },
            now,
        )
        .await?;
    tracing::info!(provider = %provider.id, "logged in through an identity provider");
    Ok(see_other(
        "/",
        vec![
            super::set_cookie(&state, &token, SESSION_MAX.whole_seconds())?,
            flow_cookie(&state, "", 0)?,
        ],
    ))
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// The instant for the ID token verifier. An instant chrono cannot hold (never a real clock's)
/// counts as the end of time, so every token is expired: the check fails closed.
fn to_chrono(t: OffsetDateTime) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond())
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC)
}

/// The account to log in, or why not. Database errors are the only `Err` of the outer result.
async fn finish(
    state: &AppState,
    provider: &IdentityProvider,
    headers: &HeaderMap,
    query: CallbackQuery,
) -> Result<Result<String, OidcFailure>, ApiError> {
    let now = state.clock.now();
    let (Some(state_param), Some(browser)) = (query.state, cookie(headers, FLOW_COOKIE)) else {
        return Ok(Err(OidcFailure::Flow));
    };
    let Some(flow) = state
        .store
        .take_oidc_flow(
            &state_param,
            &provider.id,
            &token_hash(&browser),
            now.unix_timestamp(),
        )
        .await?
    else {
        return Ok(Err(OidcFailure::Flow));
    };
    if flow.expires_at <= now.unix_timestamp() {
        return Ok(Err(OidcFailure::Flow));
    }
    if let Some(error) = query.error {
        return Ok(Err(if error == "access_denied" {
            OidcFailure::Cancelled
        } else {
            OidcFailure::Provider
        }));
    }
    // RFC 9207: an answer that names another issuer is a mix-up, whatever else it says.
    if query
        .iss
        .as_deref()
        .is_some_and(|iss| iss.trim_end_matches('/') != provider.issuer)
    {
        return Ok(Err(OidcFailure::Provider));
    }
    let Some(code) = query.code else {
        return Ok(Err(OidcFailure::Provider));
    };
    let client = match client_for(state, provider).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "identity provider unavailable");
            return Ok(Err(OidcFailure::Provider));
        }
    };
    let exchange = match client.exchange_code(AuthorizationCode::new(code)) {
        Ok(request) => {
            request
                .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
                .request_async(http_client())
                .await
        }
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "the provider has no token endpoint");
            return Ok(Err(OidcFailure::Provider));
        }
    };
    let response = match exchange {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "the code exchange failed");
            return Ok(Err(OidcFailure::Provider));
        }
    };
    let Some(id_token) = response.id_token() else {
        return Ok(Err(OidcFailure::Token));
    };
    let clock: Arc<dyn Clock> = state.clock.clone();
    let iat_clock = clock.clone();
    let verifier = client
        .id_token_verifier()
        .set_time_fn(move || to_chrono(clock.now()))
        .set_issue_time_verifier_fn(move |iat| {
            if iat > to_chrono(iat_clock.now() + CLOCK_SKEW) {
                Err(format!("issued in the future ({iat})"))
            } else {
                Ok(())
            }
        });
    let claims = match id_token.claims(&verifier, &Nonce::new(flow.nonce.clone())) {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "ID token refused");
            return Ok(Err(OidcFailure::Token));
        }
    };
    // The access token must be the one the ID token was issued with, when it says so.
    if let Some(expected) = claims.access_token_hash() {
        let matches = id_token
            .signing_alg()
            .ok()
            .zip(id_token.signing_key(&verifier).ok())
            .and_then(|(alg, key)| {
                AccessTokenHash::from_token(response.access_token(), alg, key).ok()
            })
            .is_some_and(|actual| actual == *expected);
        if !matches {
            tracing::warn!(provider = %provider.id, "ID token refused: at_hash does not match");
            return Ok(Err(OidcFailure::Token));
        }
    }
    let claim = claims
        .additional_claims()
        .claims
        .get(&provider.national_number_claim);
    let number = match claim.and_then(serde_json::Value::as_str) {
        Some(n) => match provider.kind.national_number(n) {
            Ok(number) => number,
            Err(_) => return Ok(Err(OidcFailure::Number)),
        },
        None => return Ok(Err(OidcFailure::Number)),
    };
    match state.store.patient_account_by_number(&number).await? {
        Some((_, patient)) if super::died(state, &patient).await? => Ok(Err(OidcFailure::Deceased)),
        Some((account, _)) => Ok(Ok(account)),
        None => Ok(Err(OidcFailure::NoAccount)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_own_code_and_message_key() {
        let all = [
            OidcFailure::Flow,
            OidcFailure::Cancelled,
            OidcFailure::Provider,
            OidcFailure::Token,
            OidcFailure::Number,
            OidcFailure::NoAccount,
        ];
        let codes: std::collections::BTreeSet<_> = all.iter().map(|f| f.code()).collect();
        assert_eq!(codes.len(), all.len());
        assert_eq!(OidcFailure::NoAccount.code(), "no_account");
        assert!(all
            .iter()
            .all(|f| f.message_key() == format!("login.oidc.{}", f.code())));
    }

    #[test]
    fn the_claims_debug_shows_names_only() {
        let claims: OtherClaims = serde_json::from_value(
            serde_json::json!({"egovNRN": "85073003328"}),
        )
        .unwrap_or(OtherClaims {
            claims: serde_json::Map::new(),
        });
        let shown = format!("{claims:?}");
        assert!(
            shown.contains("egovNRN") && !shown.contains("85073003328"),
            "{shown}"
        );
    }
}
