//! The doctor's side of e-consults: the questions patients (or whoever acts for them) sent to
//! them, which they read and answer themselves. A doctor sees an e-consult only while it is
//! addressed to them and the domain lets them read the record now: a doctor the patient
//! excluded, or whose treatment ended, gets the answer a missing thread gets. Every read and
//! answer is in the patient's audit trail.

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::{extract::DefaultBodyLimit, Json};
use inzage_domain::messaging::NewReply;
use inzage_domain::notify::Topic;
use inzage_domain::wire::{ErrorBody, StaffThreadSummary, Thread};
use inzage_domain::Action;

use super::messages::{attachment, read_form, store_message, summary_of, thread_of, MAX_BODY};
use super::provider::practitioner;
use super::record::{authorize, log_change, log_read, now, Authorized};
use super::{ClientAddr, CurrentUser};
use crate::error::ApiError;
use crate::store::{MessageRow, ThreadRow};
use crate::AppState;

/// `/provider/e-consults/{thread}`.
pub fn thread_routes() -> MethodRouter<AppState> {
    get(read)
        .merge(axum::routing::post(reply))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// The e-consult `id`, if it is addressed to this doctor and they may read the record now;
/// otherwise 404, like a missing one (a refusal is audited by `authorize`).
async fn my_e_consult(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    id: &str,
) -> Result<(Authorized, ThreadRow), ApiError> {
    let me = practitioner(user)?;
    let row = state
        .store
        .thread(id, me, "person")
        .await?
        .filter(|t| t.doctor_id.as_deref() == Some(me))
        .ok_or(ApiError::NotFound)?;
    let auth = authorize(
        state,
        user,
        client,
        &row.patient_id,
        Action::Read,
        "message",
    )
    .await
    .map_err(|e| match e {
        ApiError::Forbidden { .. } => ApiError::NotFound,
        e => e,
    })?;
    Ok((auth, row))
}

/// `GET /provider/e-consults`: the e-consults addressed to this doctor.
#[utoipa::path(get, path = "/api/v1/provider/e-consults", tag = "provider", security(("session" = [])),
    responses((status = 200, description = "The e-consults to this doctor about records they may read now, the most recent first, with unread counts", body = Vec<StaffThreadSummary>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffThreadSummary>>, ApiError> {
    let me = practitioner(&user)?.to_owned();
    let principal = user.principal();
    let now = now(&state);
    let mut out = Vec::new();
    for row in state.store.e_consults_to(&me).await? {
        let Some(record) = super::record::Record::load(&state, &row.patient_id).await? else {
            continue;
        };
        if !record.decide(&principal, Action::Read, now).is_permitted() {
            continue;
        }
        let patient_name = state
            .store
            .patient_display_name(&row.patient_id)
            .await?
            .unwrap_or_default();
        out.push(StaffThreadSummary {
            summary: summary_of(&state, row).await?,
            patient_name,
        });
    }
    Ok(Json(out))
}

/// `GET /provider/e-consults/{thread}`: an e-consult, marked read by the doctor.
#[utoipa::path(get, path = "/api/v1/provider/e-consults/{thread}", tag = "provider", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread")),
    responses((status = 200, description = "The e-consult, oldest message first; the read is audited", body = Thread),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody),
        (status = 404, description = "No such e-consult, not one to this doctor, or about a record they may not read now", body = ErrorBody)))]
pub async fn read(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
) -> Result<Json<Thread>, ApiError> {
    let (auth, row) = my_e_consult(&state, &user, &client, &id).await?;
    let me = practitioner(&user)?.to_owned();
    let mut tx = state.store.begin().await?;
    tx.mark_read(&id, &me, row.message_count).await?;
    tx.commit().await?;
    log_read(
        &state,
        &auth,
        &format!("message/{id}"),
        &auth.decision,
        &client,
    )
    .await?;
    let row = ThreadRow { unread: 0, ..row };
    Ok(Json(thread_of(&state, row).await?))
}

/// `POST /provider/e-consults/{thread}`: the doctor answers.
#[utoipa::path(post, path = "/api/v1/provider/e-consults/{thread}", tag = "provider", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread")),
    request_body(content = super::messages::ReplyUpload, content_type = "multipart/form-data"),
    responses((status = 200, description = "Sent: the e-consult with the answer; the patient is told there is news", body = Thread),
        (status = 400, description = "Not a multipart form with a `message` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody),
        (status = 404, description = "No such e-consult, not one to this doctor, or about a record they may not read now", body = ErrorBody),
        (status = 422, description = "An empty or too long message, or a refused attachment", body = ErrorBody)))]
pub async fn reply(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<Json<Thread>, ApiError> {
    let (auth, row) = my_e_consult(&state, &user, &client, &id).await?;
    let me = practitioner(&user)?.to_owned();
    let (new, files): (NewReply, _) = read_form(multipart).await?;
    let errors = new.check();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    // The hospital's side of the thread, in the doctor's own name.
    let message = MessageRow {
        id: String::new(),
        thread_id: id.clone(),
        seq: 0,
        author_kind: "staff".into(),
        author_id: me.clone(),
        author_name: auth.actor.name.clone(),
        body: new.body.trim().to_owned(),
        sent_at: now.unix_timestamp(),
    };
    let mut tx = state.store.begin().await?;
    log_change(&mut tx, &state, &auth, &format!("message/{id}"), &client).await?;
    tx.add_news(
        &row.started_by,
        Topic::NewMessage.as_str(),
        now.unix_timestamp(),
    )
    .await?;
    store_message(&state, &mut tx, message, files, &me).await?;
    tx.commit().await?;
    let row = state
        .store
        .thread(&id, &me, "person")
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(thread_of(&state, row).await?))
}

/// `GET /provider/e-consults/{thread}/attachments/{message}/{index}`: an attachment.
#[utoipa::path(get, path = "/api/v1/provider/e-consults/{thread}/attachments/{message}/{index}", tag = "provider", security(("session" = [])),
    params(("thread" = String, Path, description = "The thread"), ("message" = String, Path, description = "The message"),
        ("index" = i64, Path, description = "The attachment's place (1, 2, 3)")),
    responses((status = 200, description = "The document as sent; the read is audited", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody),
        (status = 404, description = "No such attachment, or not in an e-consult this doctor may see", body = ErrorBody)))]
pub async fn attachment_of(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((id, message, index)): Path<(String, String, i64)>,
) -> Result<Response, ApiError> {
    let (auth, row) = my_e_consult(&state, &user, &client, &id).await?;
    let res = attachment(&state, &row, &message, index).await?;
    log_read(
        &state,
        &auth,
        &format!("message/{id}/attachment"),
        &auth.decision,
        &client,
    )
    .await?;
    Ok(res)
}
