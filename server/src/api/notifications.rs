//! `GET/PUT /me/notifications`: the person's e-mail notification settings, and the addresses
//! besides the account's own that notices go to once confirmed. The notices themselves are the
//! worker's (`crate::notify`).

use crate::error::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use inzage_domain::account::{Acknowledgement, LinkToken};
use inzage_domain::notify::{NewNoticeAddress, NoticeAddress, NotificationSettings};
use inzage_domain::wire::{ErrorBody, NotificationView};

use super::account::{accepted, field_error, language_of, send_link, take_link, Link, CONFIRM_TTL};
use super::links::person;
use super::CurrentUser;
use crate::error::{ApiError, ApiJson};
use crate::limits;
use crate::notify::settings_of;
use crate::store::SettingsRow;
use crate::AppState;

/// The purpose of a link that confirms a notice address.
const PURPOSE_NOTICE_ADDRESS: &str = "confirm_notice_address";

async fn addresses_of(state: &AppState, me: &str) -> Result<Vec<NoticeAddress>, ApiError> {
    Ok(state
        .store
        .notice_addresses(me)
        .await?
        .into_iter()
        .map(|(address, confirmed)| NoticeAddress {
            address,
            confirmed: confirmed.is_some(),
        })
        .collect())
}

async fn view_of(
    state: &AppState,
    user: &CurrentUser,
    me: &str,
) -> Result<NotificationView, ApiError> {
    let settings = settings_of(state.store.notification_settings(me).await?.as_ref());
    let account = state
        .store
        .account_profile(&user.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(NotificationView {
        settings,
        email_confirmed: account.email.is_some() && account.email_confirmed_at.is_some(),
        email: account.email,
        addresses: addresses_of(state, me).await?,
    })
}

/// `GET /me/notifications`.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "account", security(("session" = [])),
    responses((status = 200, description = "The settings (off until the person turns them on) and the address notices go to", body = NotificationView),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<NotificationView>, ApiError> {
    let me = person(&user)?.to_owned();
    Ok(Json(view_of(&state, &user, &me).await?))
}

/// `PUT /me/notifications`.
#[utoipa::path(put, path = "/api/v1/me/notifications", tag = "account", security(("session" = [])),
    request_body = NotificationSettings,
    responses((status = 200, description = "Stored", body = NotificationView),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody),
        (status = 422, description = "Notices turned on without a topic, or a topic named twice", body = ErrorBody)))]
pub async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(settings): ApiJson<NotificationSettings>,
) -> Result<Json<NotificationView>, ApiError> {
    let me = person(&user)?.to_owned();
    let errors = settings.check();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let last_sent_at = state
        .store
        .notification_settings(&me)
        .await?
        .and_then(|r| r.last_sent_at);
    state
        .store
        .set_notification_settings(&SettingsRow {
            person_id: me.clone(),
            enabled: i64::from(settings.enabled),
            topics: settings
                .topics
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(","),
            frequency: settings.frequency.as_str().to_owned(),
            last_sent_at,
        })
        .await?;
    Ok(Json(view_of(&state, &user, &me).await?))
}

/// `POST /me/notifications/addresses`: adds an address for notices and mails it a link that
/// confirms it; notices go to it only once confirmed.
#[utoipa::path(post, path = "/api/v1/me/notifications/addresses", tag = "account", security(("session" = [])),
    request_body = NewNoticeAddress,
    responses((status = 202, description = "Added, unconfirmed: a confirmation link was sent to the address", body = Acknowledgement),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody),
        (status = 422, description = "Not an e-mail address, one the person has already, or one too many", body = ErrorBody),
        (status = 429, description = "Too many addresses asked in an hour", body = ErrorBody)))]
pub async fn add_address(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(new): ApiJson<NewNoticeAddress>,
) -> Result<(StatusCode, Json<Acknowledgement>), ApiError> {
    let me = person(&user)?.to_owned();
    let account = state
        .store
        .account_profile(&user.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let address = new
        .check(account.email.as_deref(), &addresses_of(&state, &me).await?)
        .map_err(ApiError::Validation)?;
    limits::check(
        &state.store,
        limits::EMAIL_CHANGES_PER_ACCOUNT,
        &user.account_id,
        state.clock.now(),
    )
    .await?;
    let now = state.clock.now();
    if !state
        .store
        .add_notice_address(&me, address.as_str(), now.unix_timestamp())
        .await?
    {
        return Err(field_error("email", "notify.address.known"));
    }
    send_link(
        &state,
        Link {
            purpose: PURPOSE_NOTICE_ADDRESS,
            subject_id: &me,
            to: &address,
            language: language_of(account.language.as_deref()),
            ttl: CONFIRM_TTL,
            page: "/meldingen/adres-bevestigen",
            mail: (
                "mail.confirm_notice_address.subject",
                "mail.confirm_notice_address.body",
            ),
        },
    )
    .await?;
    Ok(accepted("notify.address.sent"))
}

/// `DELETE /me/notifications/addresses/{address}`: notices no longer go to the address.
#[utoipa::path(delete, path = "/api/v1/me/notifications/addresses/{address}", tag = "account", security(("session" = [])),
    params(("address" = String, Path, description = "The address, as listed")),
    responses((status = 204, description = "Removed"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody),
        (status = 404, description = "The person has no such address", body = ErrorBody)))]
pub async fn remove_address(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(address): Path<String>,
) -> Result<StatusCode, ApiError> {
    let me = person(&user)?.to_owned();
    if state.store.remove_notice_address(&me, &address).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// `POST /notice-address/confirm`: the link from the mail confirms the address, whoever opens
/// it (the link itself is the proof that its reader receives mail there).
#[utoipa::path(post, path = "/api/v1/notice-address/confirm", tag = "account", request_body = LinkToken,
    responses((status = 200, description = "Confirmed: notices go to the address", body = Acknowledgement),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 422, description = "The link is unknown, used or expired, or the address was removed meanwhile", body = ErrorBody)))]
pub async fn confirm_address(
    State(state): State<AppState>,
    ApiJson(link): ApiJson<LinkToken>,
) -> Result<Json<Acknowledgement>, ApiError> {
    let now = state.clock.now().unix_timestamp();
    let row = take_link(&state, &link.token, PURPOSE_NOTICE_ADDRESS, now).await?;
    let address = row
        .email
        .ok_or_else(|| field_error("token", "account.link_invalid"))?;
    if !state
        .store
        .confirm_notice_address(&row.subject_id, &address, now)
        .await?
    {
        return Err(field_error("token", "account.link_invalid"));
    }
    Ok(Json(Acknowledgement {
        message: inzage_domain::Message::new("notify.address.confirmed"),
    }))
}
