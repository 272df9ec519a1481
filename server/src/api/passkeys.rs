//! Passkeys: adding one after logging in, removing one, and logging in with username, password
//! and a passkey instead of the code card. The ceremonies are in [`crate::passkeys`]; the login's
//! checks, counting and locks in [`crate::auth::Auth::login_with_passkey`].

use crate::error::Path;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use inzage_domain::passkey::{
    PasskeyInfo, PasskeyLoginRequest, PasskeyRegistrationFinish, PasskeyRegistrationStart,
    MAX_PASSKEYS,
};
use inzage_domain::wire::{ErrorBody, FieldErrors, Me};
use inzage_domain::Message;
use time::OffsetDateTime;
use webauthn_rs::prelude::{CredentialID, Uuid};

use super::{login_refusal, me_of, set_cookie, user_agent, ClientAddr, CurrentUser};
use crate::auth::{token_hash, Client, LoginOutcome, SESSION_MAX};
use crate::error::{ApiError, ApiJson};
use crate::passkeys::{credential_key, Passkeys, CEREMONY_TTL};
use crate::store::PasskeyRow;
use crate::AppState;

const REGISTRATION: &str = "registration";

fn instant(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn passkeys(state: &AppState) -> Result<&Passkeys, ApiError> {
    state.auth.passkeys().ok_or(ApiError::NotFound)
}

fn owner(who: &CurrentUser) -> String {
    format!("account:{}", who.account_id)
}

fn field_error(field: &str, key: &'static str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add(field, Message::new(key));
    ApiError::Validation(errors)
}

/// The account's passkeys as the account page lists them.
pub async fn list(state: &AppState, account_id: &str) -> Result<Vec<PasskeyInfo>, ApiError> {
    Ok(state
        .store
        .passkeys_of(account_id)
        .await?
        .into_iter()
        .map(|p| PasskeyInfo {
            id: p.id,
            name: p.name,
            created_at: instant(p.created_at),
            last_used_at: p.last_used_at.map(instant),
        })
        .collect())
}

/// `POST /me/passkeys/register/start`.
#[utoipa::path(post, path = "/api/v1/me/passkeys/register/start", tag = "account", security(("session" = [])),
    responses((status = 200, description = "The options for navigator.credentials.create (a resident key with user verification; the account's passkeys excluded) and the ceremony's id, valid five minutes", body = PasskeyRegistrationStart),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "Passkeys do not work at the portal's address (an IP address)", body = ErrorBody),
        (status = 422, description = "The account has the most passkeys it may keep", body = ErrorBody)))]
pub async fn start_registration(
    State(state): State<AppState>,
    who: CurrentUser,
) -> Result<Json<PasskeyRegistrationStart>, ApiError> {
    let passkeys = passkeys(&state)?;
    let existing = state.store.passkeys_of(&who.account_id).await?;
    if existing.len() >= MAX_PASSKEYS {
        return Err(field_error("name", "passkey.too_many"));
    }
    let handle = match existing.first() {
        Some(p) => Uuid::parse_str(&p.user_handle).map_err(|e| ApiError::Internal(e.into()))?,
        None => Uuid::new_v4(),
    };
    let exclude = existing
        .iter()
        .map(|p| {
            let key: webauthn_rs::prelude::Passkey = serde_json::from_str(&p.passkey)?;
            Ok(key.cred_id().clone())
        })
        .collect::<Result<Vec<CredentialID>, serde_json::Error>>()
        .map_err(|e| ApiError::Internal(e.into()))?;
    let profile = state
        .store
        .account_profile(&who.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let me = me_of(&state, &who.subject).await?;
    let user_name = profile.username.unwrap_or_else(|| me.display_name.clone());
    let (options, ceremony) =
        passkeys.start_registration(handle, &user_name, &me.display_name, exclude)?;
    let ceremony_id = crate::auth::SessionToken::generate().as_str().to_owned();
    let expires = (state.clock.now() + CEREMONY_TTL).unix_timestamp();
    state
        .store
        .insert_ceremony(&ceremony_id, REGISTRATION, &owner(&who), &ceremony, expires)
        .await?;
    Ok(Json(PasskeyRegistrationStart {
        ceremony_id,
        options,
    }))
}

/// `POST /me/passkeys/register/finish`.
#[utoipa::path(post, path = "/api/v1/me/passkeys/register/finish", tag = "account", security(("session" = [])),
    request_body = PasskeyRegistrationFinish,
    responses((status = 200, description = "Added", body = PasskeyInfo),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "Passkeys do not work at the portal's address (an IP address)", body = ErrorBody),
        (status = 422, description = "The name does not validate, or the ceremony is unknown, used, expired or another account's, or the credential does not answer it", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn finish_registration(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(form): ApiJson<PasskeyRegistrationFinish>,
) -> Result<Json<PasskeyInfo>, ApiError> {
    let passkeys = passkeys(&state)?;
    let name = form.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let Some(ceremony) = state
        .store
        .take_ceremony(
            &form.ceremony_id,
            REGISTRATION,
            &owner(&who),
            now.unix_timestamp(),
        )
        .await?
    else {
        return Err(field_error("credential", "passkey.ceremony_invalid"));
    };
    let Some((passkey, handle)) = passkeys.finish_registration(&form.credential, &ceremony)? else {
        return Err(field_error("credential", "passkey.not_accepted"));
    };
    let row = PasskeyRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: who.account_id.clone(),
        credential_id: credential_key(passkey.cred_id()),
        user_handle: handle.to_string(),
        name: name.as_str().to_owned(),
        passkey: serde_json::to_string(&passkey).map_err(|e| ApiError::Internal(e.into()))?,
        created_at: now.unix_timestamp(),
        last_used_at: None,
    };
    if state
        .store
        .passkeys_of(&who.account_id)
        .await?
        .iter()
        .any(|p| p.credential_id == row.credential_id)
    {
        return Err(field_error("credential", "passkey.not_accepted"));
    }
    state.store.insert_passkey(&row).await?;
    Ok(Json(PasskeyInfo {
        id: row.id,
        name: row.name,
        created_at: instant(row.created_at),
        last_used_at: None,
    }))
}

/// `DELETE /me/passkeys/{id}`.
#[utoipa::path(delete, path = "/api/v1/me/passkeys/{id}", tag = "account", security(("session" = [])),
    params(("id" = String, Path, description = "The passkey's id in the portal")),
    responses((status = 204, description = "Removed: it no longer logs in"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "Not one of the person's passkeys", body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if state.store.delete_passkey(&who.account_id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// `POST /login/passkey`.
#[utoipa::path(post, path = "/api/v1/login/passkey", tag = "login", request_body = PasskeyLoginRequest,
    responses(
        (status = 200, description = "Logged in: the session cookie is set", body = Me,
            headers(("set-cookie" = String, description = "inzage_session, HttpOnly, SameSite=Strict"))),
        (status = 401, description = "Wrong username, password or passkey (which is not said), or an invalid challenge", body = ErrorBody),
        (status = 423, description = "Locked after too many failures (the code card's count); or disabled after 100 failures", body = ErrorBody),
        (status = 403, description = "Everything was right, but the hospital suspended the account: the reason and whom to contact", body = ErrorBody),
        (status = 422, description = "A field does not validate", body = ErrorBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    ApiJson(req): ApiJson<PasskeyLoginRequest>,
) -> Result<Response, ApiError> {
    let (name, password) = req.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let client = Client {
        addr: addr.as_deref(),
        user_agent: user_agent(&headers),
    };
    match state
        .auth
        .login_with_passkey(
            &req.challenge_id,
            &name,
            &password,
            &req.credential,
            client,
            now,
        )
        .await?
    {
        LoginOutcome::Success { subject, token } => {
            super::refuse_after_death(&state, &subject, &token).await?;
            if let Some(old) = super::session_cookie(&headers) {
                state.store.delete_session(&token_hash(&old)).await?;
            }
            let me = me_of(&state, &subject).await?;
            let cookie = set_cookie(&state, &token, SESSION_MAX.whole_seconds())?;
            Ok(([(SET_COOKIE, cookie)], Json(me)).into_response())
        }
        other => Err(login_refusal(other, &state.config.network.helpdesk)),
    }
}
