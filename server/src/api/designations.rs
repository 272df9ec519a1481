//! Designations by signed form: the record's manager uploads the signed form (PDF), the ombuds
//! service reads it and approves or refuses; an approval becomes the fact the domain's
//! `manage::designation` allows under the law of the patient's hospital. The form is never
//! served to anyone but staff.

use std::collections::BTreeMap;

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Json;
use inzage_domain::manage::{designation, DesignationKind};
use inzage_domain::wire::{
    DesignationStatus, ErrorBody, FieldErrors, LinkRequestStatus, NationalNumber,
    RepresentationRequest, StaffDecision, StaffDesignation,
};
use inzage_domain::{Action, Message, PersonId};

use super::links::{
    check_decision, instant, person, request_status, staff, staff_reason, status_of as link_status,
};
use super::record::{authorize, log_change, log_read, now, Actor, Record};
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::store::{DesignationRow, FactRow, LinkRequestRow};
use crate::upload::{check_in_turn, check_pdf, path_of, sha256, store, MAX_FORM_BYTES};
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
        .merge(axum::routing::post(upload))
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
    _turn: UploadTurn,
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
    let (mut fields, form) = read_upload(
        &mut multipart,
        "form",
        &["kind", "designee_national_number", "designee_name"],
    )
    .await?;
    let mut take = |name: &str| fields.remove(name).unwrap_or_default();
    let (kind, number, name) = (
        take("kind"),
        take("designee_national_number"),
        take("designee_name"),
    );
    let mut errors = FieldErrors::default();
    let kind = DesignationKind::parse(&kind);
    if kind.is_none() {
        errors.add("kind", Message::new("designation.kind.unknown"));
    }
    let number = match NationalNumber::parse(&number) {
        Ok(n) => Some(n),
        Err(m) => {
            errors.add("designee_national_number", m);
            None
        }
    };
    let name = name.trim().to_owned();
    if name.is_empty() {
        errors.add("designee_name", Message::new("designation.name.empty"));
    }
    if let Err(m) = check_in_turn(&form, check_pdf).await {
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

/// Reads a multipart upload of one file (the field `file`, empty when not sent) and the text
/// fields `names`; any other field is refused. A field sent twice keeps its last value; a
/// missing one is absent.
pub(super) async fn read_upload(
    multipart: &mut Multipart,
    file: &str,
    names: &[&str],
) -> Result<(BTreeMap<String, String>, Bytes), ApiError> {
    let (mut fields, mut form) = (BTreeMap::new(), Bytes::new());
    while let Some(field) = multipart.next_field().await.map_err(ApiError::from)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == file {
            form = field.bytes().await.map_err(ApiError::from)?;
        } else if names.contains(&name.as_str()) {
            let text = field.text().await.map_err(ApiError::from)?;
            fields.insert(name, text);
        } else {
            return Err(ApiError::BadBody(format!("unknown field `{name}`")));
        }
    }
    Ok((fields, form))
}

/// The application form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct RepresentationForm {
    /// What is asked: `representative` (Belgium), `curator` or `mentor` (the Netherlands).
    kind: DesignationKind,
    /// The patient's name.
    patient_name: String,
    /// The patient's Belgian national number or BSN.
    patient_national_number: String,
    /// Who the applicant is for the patient, and why the patient cannot decide.
    message: String,
    /// The signed form or the court's decision, a PDF of at most 5 MB without scripts or
    /// embedded files.
    #[schema(value_type = String, format = Binary)]
    form: Vec<u8>,
}

/// The route of `/representation-requests`, with a body limit that fits a form.
pub fn application_routes() -> MethodRouter<AppState> {
    axum::routing::post(apply).layer(DefaultBodyLimit::max(MAX_FORM_BYTES + 256 * 1024))
}

/// `POST /representation-requests`: someone who does not manage an adult patient's record
/// applies to represent them, with the signed form (Belgium) or the court's decision (a Dutch
/// curator or mentor). It becomes a request in staff's queue of link requests; the answer is the
/// same whether or not the number is a patient's here.
#[utoipa::path(post, path = "/api/v1/representation-requests", tag = "proxy", security(("session" = [])),
    request_body(content = RepresentationForm, content_type = "multipart/form-data"),
    responses((status = 202, description = "Filed for the ombuds service; listed with the person's link requests", body = LinkRequestStatus),
        (status = 400, description = "Not a multipart form", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody),
        (status = 422, description = "A field does not validate (a kind only the patient gives, say), or the form is not a plain PDF of at most 5 MB", body = ErrorBody)))]
pub async fn apply(
    State(state): State<AppState>,
    user: CurrentUser,
    _turn: UploadTurn,
    mut multipart: Multipart,
) -> Result<(StatusCode, Json<LinkRequestStatus>), ApiError> {
    let me = person(&user)?.to_owned();
    let (mut fields, form) = read_upload(
        &mut multipart,
        "form",
        &["kind", "patient_name", "patient_national_number", "message"],
    )
    .await?;
    let mut take = |name: &str| fields.remove(name).unwrap_or_default();
    let request = RepresentationRequest {
        kind: take("kind"),
        patient_name: take("patient_name"),
        patient_national_number: take("patient_national_number"),
        message: take("message"),
    };
    let checked = request.validate();
    let mut errors = checked.clone().err().unwrap_or_default();
    if let Err(m) = check_in_turn(&form, check_pdf).await {
        errors.add("form", m);
    }
    let application = match checked {
        Ok(a) if errors.is_empty() => a,
        _ => return Err(ApiError::Validation(errors)),
    };
    let row = LinkRequestRow {
        id: uuid::Uuid::new_v4().to_string(),
        requester_id: me,
        relation: application.kind.as_str().to_owned(),
        child_name: application.patient_name,
        child_number: application.number.as_str().to_owned(),
        message: application.message,
        filed_at: now(&state).unix_timestamp(),
        outcome: None,
        decision_reason: None,
        file_sha256: Some(sha256(&form)),
        file_size: Some(i64::try_from(form.len()).unwrap_or(i64::MAX)),
    };
    // The file first: a crash between the two leaves an unreferenced file, never a request
    // without its form.
    store(&state.config.uploads_dir, &row.id, &form).await?;
    state.store.insert_link_request(&row).await?;
    Ok((StatusCode::ACCEPTED, Json(link_status(row)?)))
}

/// A stored form, for staff, checked against the hash it was stored with.
pub(super) async fn stored_form(
    state: &AppState,
    id: &str,
    hash: &str,
    name: &str,
) -> Result<Response, ApiError> {
    stored_file(
        state,
        id,
        hash,
        "application/pdf",
        &format!("attachment; filename=\"{name}-{id}.pdf\""),
    )
    .await
}

/// A stored upload named by `id`, checked against the hash it was stored with, served as
/// `media` with the given `Content-Disposition`.
pub(super) async fn stored_file(
    state: &AppState,
    id: &str,
    hash: &str,
    media: &str,
    disposition: &str,
) -> Result<Response, ApiError> {
    let bytes = tokio::fs::read(path_of(&state.config.uploads_dir, id))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    if sha256(&bytes) != hash {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "the stored upload {id} does not match its hash"
        )));
    }
    Ok((
        [
            (CONTENT_TYPE, media.to_owned()),
            (CONTENT_DISPOSITION, disposition.to_owned()),
        ],
        bytes,
    )
        .into_response())
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
    stored_form(&state, &row.id, &row.file_sha256, "aanduiding").await
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
    if decision.without_authority || decision.incapacity {
        // Parental authority is a parent's link request's matter, not a signed form's; an
        // incapacity is established when someone applies to represent the patient.
        let mut errors = FieldErrors::default();
        if decision.without_authority {
            errors.add(
                "without_authority",
                Message::new("staff.authority.links_only"),
            );
        }
        if decision.incapacity {
            errors.add(
                "incapacity",
                Message::new("staff.incapacity.applications_only"),
            );
        }
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
