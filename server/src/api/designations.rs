//! Designations by signed form: the record's manager uploads the signed form (PDF), the ombuds
//! service reads it and approves or refuses; an approval becomes the fact the domain's
//! `manage::designation` allows under the law of the patient's hospital. The form is never
//! served to anyone but staff.

use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Json;
use inzage_domain::manage::{designation, DesignationKind};
use inzage_domain::wire::{
    DesignationStatus, ErrorBody, FieldErrors, NationalNumber, StaffDecision, StaffDesignation,
};
use inzage_domain::{Action, Message, PersonId};

use super::links::{check_decision, instant, request_status, staff, staff_reason};
use super::record::{authorize, log_change, log_read, now, Actor, Record};
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::store::{DesignationRow, FactRow};
use crate::upload::{check_pdf, path_of, sha256, store, MAX_FORM_BYTES};
use crate::AppState;

/// The upload form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct DesignationForm {
    /// What is asked.
    kind: DesignationKind,
    /// Whom it designates: their Belgian national number or BSN.
    designee_national_number: String,
    /// Their name.
    designee_name: String,
    /// The signed form, a PDF of at most 5 MB without scripts or embedded files.
    #[schema(value_type = String, format = Binary)]
    form: Vec<u8>,
}

/// The routes of `/records/{record}/designations`, with a body limit that fits a form.
pub fn record_routes() -> MethodRouter<AppState> {
    get(list)
        .post(upload)
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES + 256 * 1024))
}

fn status_of(row: DesignationRow) -> Result<DesignationStatus, ApiError> {
    Ok(DesignationStatus {
        kind: DesignationKind::parse(&row.kind)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown designation kind")))?,
        status: request_status(row.outcome.as_deref()),
        filed_at: instant(row.filed_at)?,
        id: row.id,
        designee_name: row.designee_name,
        reason: row.decision_reason,
    })
}

/// `POST /records/{record}/designations`: uploads a signed designation form.
#[utoipa::path(post, path = "/api/v1/records/{record}/designations", tag = "proxy", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    request_body(content = DesignationForm, content_type = "multipart/form-data"),
    responses((status = 202, description = "Kept for the ombuds service", body = DesignationStatus),
        (status = 400, description = "Not a multipart form", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not manage its access", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person manages", body = ErrorBody),
        (status = 422, description = "A field does not validate, or the form is not a plain PDF of at most 5 MB", body = ErrorBody)))]
pub async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    mut multipart: Multipart,
) -> Result<(StatusCode, Json<DesignationStatus>), ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        "designation",
    )
    .await?;
    let (mut kind, mut number, mut name, mut form) = (None, None, None, None);
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::BadBody(e.body_text()))?
    {
        let field_name = field.name().unwrap_or_default().to_owned();
        match field_name.as_str() {
            "form" => {
                form = Some(
                    field
                        .bytes()
                        .await
                        .map_err(|e| ApiError::BadBody(e.body_text()))?,
                );
            }
            "kind" | "designee_national_number" | "designee_name" => {
                let text = field
                    .text()
                    .await
                    .map_err(|e| ApiError::BadBody(e.body_text()))?;
                match field_name.as_str() {
                    "kind" => kind = Some(text),
                    "designee_national_number" => number = Some(text),
                    _ => name = Some(text),
                }
            }
            other => return Err(ApiError::BadBody(format!("unknown field `{other}`"))),
        }
    }
    let mut errors = FieldErrors::default();
    let kind = kind.as_deref().and_then(DesignationKind::parse);
    if kind.is_none() {
        errors.add("kind", Message::new("designation.kind.unknown"));
    }
    let number = match NationalNumber::parse(number.as_deref().unwrap_or_default()) {
        Ok(n) => Some(n),
        Err(m) => {
            errors.add("designee_national_number", m);
            None
        }
    };
    let name = name.unwrap_or_default().trim().to_owned();
    if name.is_empty() {
        errors.add("designee_name", Message::new("designation.name.empty"));
    }
    let form = form.unwrap_or_default();
    if let Err(m) = check_pdf(&form) {
        errors.add("form", m);
    }
    let (Some(kind), Some(number)) = (kind, number) else {
        return Err(ApiError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    let row = DesignationRow {
        id: uuid::Uuid::new_v4().to_string(),
        patient_id: record.clone(),
        requester_id: user.subject.id().to_owned(),
        kind: kind.as_str().to_owned(),
        designee_name: name,
        designee_number: number.as_str().to_owned(),
        file_sha256: sha256(&form),
        file_size: i64::try_from(form.len()).unwrap_or(i64::MAX),
        filed_at: now.unix_timestamp(),
        outcome: None,
        decision_reason: None,
    };
    // The file first: a crash between the two leaves an unreferenced file, never a request
    // without its form.
    store(&state.config.uploads_dir, &row.id, &form).await?;
    let mut tx = state.store.begin().await?;
    log_change(
        &mut tx,
        &state,
        &auth,
        &format!("designation/{}", kind.as_str()),
        &client,
    )
    .await?;
    tx.insert_designation(&row).await?;
    tx.commit().await?;
    Ok((StatusCode::ACCEPTED, Json(status_of(row)?)))
}

/// `GET /records/{record}/designations`: the record's designation requests.
#[utoipa::path(get, path = "/api/v1/records/{record}/designations", tag = "proxy", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The record's designation requests, newest first", body = Vec<DesignationStatus>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not manage its access", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person manages", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<Vec<DesignationStatus>>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        "designations",
    )
    .await?;
    let rows = state.store.designations_of(&record).await?;
    log_read(&state, &auth, "designations", &auth.decision, &client).await?;
    Ok(Json(
        rows.into_iter()
            .map(status_of)
            .collect::<Result<Vec<_>, _>>()?,
    ))
}

/// `GET /staff/designations`: the queue.
#[utoipa::path(get, path = "/api/v1/staff/designations", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Pending designations, oldest first", body = Vec<StaffDesignation>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_queue(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffDesignation>>, ApiError> {
    staff(&user)?;
    let mut out = Vec::new();
    for row in state.store.pending_designations().await? {
        let designee = match state
            .store
            .patient_by_national_number(&row.designee_number)
            .await?
        {
            Some(id) => state.store.patient_display_name(&id).await?,
            None => None,
        };
        out.push(StaffDesignation {
            patient_name: state
                .store
                .patient_display_name(&row.patient_id)
                .await?
                .unwrap_or_default(),
            kind: DesignationKind::parse(&row.kind)
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown designation kind")))?,
            designee_record_name: designee,
            filed_at: instant(row.filed_at)?,
            form_size: row.file_size,
            id: row.id,
            designee_name: row.designee_name,
            designee_national_number: row.designee_number,
        });
    }
    Ok(Json(out))
}

/// `GET /staff/designations/{id}/form`: the signed form, for staff only, checked against the
/// hash it was stored with.
#[utoipa::path(get, path = "/api/v1/staff/designations/{id}/form", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")),
    responses((status = 200, description = "The PDF as uploaded", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody)))]
pub async fn staff_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    staff(&user)?;
    let row = state
        .store
        .designation(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let bytes = tokio::fs::read(path_of(&state.config.uploads_dir, &row.id))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    if sha256(&bytes) != row.file_sha256 {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "the stored form of designation {} does not match its hash",
            row.id
        )));
    }
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"aanduiding-{}.pdf\"", row.id),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `POST /staff/designations/{id}`: approve or refuse with a reason, audited in the patient's
/// trail in the same transaction.
#[utoipa::path(post, path = "/api/v1/staff/designations/{id}", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")), request_body = StaffDecision,
    responses((status = 200, description = "Decided", body = DesignationStatus),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "Already decided; no person has that national number; or the law of the patient's hospital has no such designation", body = ErrorBody),
        (status = 422, description = "A refusal without a reason", body = ErrorBody)))]
pub async fn staff_decide(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<StaffDecision>,
) -> Result<Json<DesignationStatus>, ApiError> {
    let me = staff(&user)?.to_owned();
    let row = state
        .store
        .designation(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reason = check_decision(row.outcome.as_deref(), &decision)?;
    if decision.without_authority {
        // Parental authority is a parent's link request's matter, not a signed form's.
        let mut errors = FieldErrors::default();
        errors.add(
            "without_authority",
            Message::new("staff.authority.links_only"),
        );
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    let record = Record::load(&state, &row.patient_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let fact = if decision.approve {
        let designee = state
            .store
            .patient_by_national_number(&row.designee_number)
            .await?
            .ok_or_else(|| ApiError::Conflict(Message::new("designation.no_such_person")))?;
        let kind = DesignationKind::parse(&row.kind)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown designation kind")))?;
        Some(
            designation(&record.facts, kind, &PersonId(designee), now)
                .map_err(ApiError::Conflict)?,
        )
    } else {
        None
    };
    let outcome = if decision.approve {
        "approved"
    } else {
        "refused"
    };
    let actor = Actor::of(&state, &user, &row.patient_id).await?;
    let mut tx = state.store.begin().await?;
    if !tx
        .decide_designation(&id, outcome, &me, reason, now.unix_timestamp())
        .await?
    {
        return Err(ApiError::Conflict(Message::new("link.already_decided")));
    }
    if let Some(fact) = &fact {
        tx.insert_fact(&FactRow::from_fact(&row.patient_id, fact))
            .await?;
    }
    let why = staff_reason(
        decision.approve,
        "reason.designation_approved",
        "reason.designation_refused",
    );
    tx.audit(&actor.entry(
        &row.patient_id,
        "change",
        &format!("designation/{outcome}/{}", row.kind),
        &why,
        &client,
        now,
    ))
    .await?;
    tx.commit().await?;
    let row = state
        .store
        .designation(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(status_of(row)?))
}
