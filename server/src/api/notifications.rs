//! `GET/PUT /me/notifications`: the person's e-mail notification settings. The notices
//! themselves are the worker's (`crate::notify`).

use axum::extract::State;
use axum::Json;
use inzage_domain::notify::NotificationSettings;
use inzage_domain::wire::{ErrorBody, NotificationView};

use super::links::person;
use super::CurrentUser;
use crate::error::{ApiError, ApiJson};
use crate::notify::settings_of;
use crate::store::SettingsRow;
use crate::AppState;

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
