//! Help for a person who is stuck (issue 11): a question to the helpdesk, with or without an
//! account, with an optional screenshot; it becomes a case in staff's back office, and staff's
//! answer goes to the person by e-mail through the outbox (delivered with retries).

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::MethodRouter;
use axum::Json;
use inzage_domain::help::{
    reference, HelpAnswer, HelpCategory, HelpFiled, HelpQuestion, StaffHelpCase,
    HELP_SCREENSHOT_MAX,
};
use inzage_domain::wire::ErrorBody;
use inzage_domain::Message;
use inzage_i18n::Language;

use super::designations::{read_upload, stored_file};
use super::links::{instant, staff};
use super::record::now;
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::limits;
use crate::store::{HelpCaseRow, OutboxRow, Subject};
use crate::upload::{check_document, check_in_turn, sha256, store};
use crate::AppState;

/// The question form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct HelpForm {
    /// What it is about.
    category: HelpCategory,
    /// The person's name.
    name: String,
    /// Where the helpdesk answers.
    email: String,
    /// The question.
    message: String,
    /// The language to answer in: `nl`, `fr` or `en` (default: the request's).
    language: Option<String>,
    /// An optional screenshot, a PNG or JPEG of at most 5 MB.
    #[schema(value_type = Option<String>, format = Binary)]
    screenshot: Option<Vec<u8>>,
}

/// The route of `/help`, with a body limit that fits a screenshot.
pub fn routes() -> MethodRouter<AppState> {
    axum::routing::post(ask).layer(DefaultBodyLimit::max(HELP_SCREENSHOT_MAX + 256 * 1024))
}

/// `POST /help`: a question to the helpdesk, from anyone (someone who cannot log in first of
/// all); limited per address. Linked to the patient's account when the person is logged in.
#[utoipa::path(post, path = "/api/v1/help", tag = "help",
    request_body(content = HelpForm, content_type = "multipart/form-data"),
    responses((status = 202, description = "Filed for the helpdesk, with the reference to quote", body = HelpFiled),
        (status = 400, description = "Not a multipart form", body = ErrorBody),
        (status = 422, description = "A field does not validate, or the screenshot is not a PNG or JPEG of at most 5 MB", body = ErrorBody),
        (status = 429, description = "Too many questions from this address; try again later", body = ErrorBody)))]
pub async fn ask(
    State(state): State<AppState>,
    user: Result<CurrentUser, ApiError>,
    client: ClientAddr,
    _turn: UploadTurn,
    mut multipart: Multipart,
) -> Result<(StatusCode, Json<HelpFiled>), ApiError> {
    let now = now(&state);
    let (mut fields, screenshot) = read_upload(
        &mut multipart,
        "screenshot",
        &["category", "name", "email", "message", "language"],
    )
    .await?;
    let mut take = |name: &str| fields.remove(name).unwrap_or_default();
    let question = HelpQuestion {
        category: take("category"),
        name: take("name"),
        email: take("email"),
        message: take("message"),
    };
    let language = Language::from_tag(&take("language"))
        .unwrap_or_else(|| crate::language::translator().language());
    let checked = question.validate();
    let mut errors = checked.clone().err().unwrap_or_default();
    let media = if screenshot.is_empty() {
        None
    } else {
        match check_in_turn(&screenshot, check_document).await {
            Ok("application/pdf") => {
                errors.add("screenshot", Message::new("help.screenshot.not_image"));
                None
            }
            Ok(media) => Some(media),
            Err(m) => {
                errors.add("screenshot", m);
                None
            }
        }
    };
    let question = match checked {
        Ok(q) if errors.is_empty() => q,
        _ => return Err(ApiError::Validation(errors)),
    };
    // Counted once the question is sound: a typo costs nobody a question.
    limits::check_address(
        &state.store,
        limits::HELP_QUESTIONS_PER_ADDRESS,
        client.0.as_deref(),
        now,
    )
    .await?;
    let patient = match user.as_ref().map(|u| &u.subject) {
        Ok(Subject::Patient(id)) => Some(id.clone()),
        _ => None,
    };
    let row = HelpCaseRow {
        id: uuid::Uuid::new_v4().to_string(),
        patient_id: patient,
        category: question.category.as_str().to_owned(),
        name: question.name,
        email: question.email.as_str().to_owned(),
        message: question.message,
        language: language.code().to_owned(),
        screenshot_sha256: media.map(|_| sha256(&screenshot)),
        screenshot_type: media.map(str::to_owned),
        screenshot_size: media.map(|_| i64::try_from(screenshot.len()).unwrap_or(i64::MAX)),
        filed_at: now.unix_timestamp(),
        answered_at: None,
    };
    // The file first: a crash between the two leaves an unreferenced file, never a case that
    // names a screenshot it does not have.
    if media.is_some() {
        store(&state.config.uploads_dir, &row.id, &screenshot).await?;
    }
    state.store.insert_help_case(&row).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(HelpFiled {
            reference: reference(&row.id),
            filed_at: now,
        }),
    ))
}

/// `GET /staff/help`: the open questions, oldest first.
#[utoipa::path(get, path = "/api/v1/staff/help", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Open questions, oldest first", body = Vec<StaffHelpCase>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_queue(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffHelpCase>>, ApiError> {
    staff(&user)?;
    let mut out = Vec::new();
    for row in state.store.open_help_cases().await? {
        let account_name = match &row.patient_id {
            Some(id) => state.store.patient_display_name(id).await?,
            None => None,
        };
        out.push(StaffHelpCase {
            reference: reference(&row.id),
            category: HelpCategory::parse(&row.category)
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown help category")))?,
            filed_at: instant(row.filed_at)?,
            screenshot_size: row.screenshot_size,
            account_name,
            id: row.id,
            name: row.name,
            email: row.email,
            message: row.message,
        });
    }
    Ok(Json(out))
}

/// `GET /staff/help/{id}/screenshot`: a question's screenshot, for staff only, checked against
/// the hash it was stored with.
#[utoipa::path(get, path = "/api/v1/staff/help/{id}/screenshot", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The question")),
    responses((status = 200, description = "The image as sent", content((Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"))),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such question, or none with a screenshot", body = ErrorBody)))]
pub async fn staff_screenshot(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    staff(&user)?;
    let row = state
        .store
        .help_case(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (Some(hash), Some(media)) = (&row.screenshot_sha256, &row.screenshot_type) else {
        return Err(ApiError::NotFound);
    };
    let extension = media.strip_prefix("image/").unwrap_or("bin");
    let disposition = format!("inline; filename=\"{}.{extension}\"", reference(&row.id));
    stored_file(&state, &row.id, hash, media, &disposition).await
}

/// `POST /staff/help/{id}/answer`: answers a question; the answer is queued for the person's
/// e-mail in their language, in the same transaction that closes the case.
#[utoipa::path(post, path = "/api/v1/staff/help/{id}/answer", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The question")), request_body = HelpAnswer,
    responses((status = 204, description = "Answered; the mail is on its way"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such question", body = ErrorBody),
        (status = 409, description = "Already answered", body = ErrorBody),
        (status = 422, description = "An empty or too long answer", body = ErrorBody)))]
pub async fn staff_answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(answer): ApiJson<HelpAnswer>,
) -> Result<StatusCode, ApiError> {
    let me = staff(&user)?.to_owned();
    let text = answer.validate().map_err(ApiError::Validation)?;
    let row = state
        .store
        .help_case(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if row.answered_at.is_some() {
        return Err(ApiError::Conflict(Message::new("help.already_answered")));
    }
    let now = now(&state).unix_timestamp();
    let args = serde_json::to_string(&[
        ("name", row.name.clone()),
        ("reference", reference(&row.id)),
        ("question", row.message.clone()),
        ("answer", text.clone()),
    ])
    .map_err(|e| ApiError::Internal(e.into()))?;
    let mail = OutboxRow {
        id: uuid::Uuid::new_v4().to_string(),
        to_address: row.email.clone(),
        language: row.language.clone(),
        subject_key: "mail.help.subject".into(),
        body_key: "mail.help.body".into(),
        args,
        attempts: 0,
        next_attempt_at: now,
    };
    let mut tx = state.store.begin().await?;
    if !tx.answer_help_case(&id, &me, &text, now).await? {
        return Err(ApiError::Conflict(Message::new("help.already_answered")));
    }
    tx.queue_mails(&[mail], now).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
