//! Requests about a record (a copy, imaging, a correction, destruction) and the cases hospital
//! staff handle. Each request is assessed by the domain crate's `requests::assess` exactly as
//! the browser assessed the form, under the policy of the hospital it goes to; each staff step
//! and the requester's answer follow `cases`. Attached identity documents are checked by
//! content, kept outside the web root, and served only to staff; the delivered copy only to
//! the requester (or whoever manages the record).

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Json;
use inzage_domain::cases::{self, CaseStatus, Delivery, StaffStep, StepError};
use inzage_domain::notify::Topic;
use inzage_domain::record::PatientStatement;
use inzage_domain::requests::{
    assess, missing_field, Assessment, NewRequest, RequestContext, RequestForm, RequestKind, Signer,
};
use inzage_domain::wire::{
    CaseAnswer, CaseFile, ErrorBody, FieldErrors, RequestCase, RequestHospital, RequestsView,
    StaffCase,
};
use inzage_domain::{Action, Message};
use time::{Date, OffsetDateTime};

use super::links::{instant, person, staff, staff_reason};
use super::record::{authorize, hospital_name, log_read, now, Actor, Authorized};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::store::{CaseUpdate, NewAuditEntry, RequestFileRow, RequestRow};
use crate::upload::{
    check_document, check_document_within, check_in_turn, sha256, store_at, MAX_DELIVERY_BYTES,
    MAX_FORM_BYTES,
};
use crate::AppState;

/// The new-request form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct RequestUpload {
    /// The request, as JSON.
    request: NewRequest,
    /// The patient's identity document (PDF, PNG or JPEG of at most 5 MB), when the form asks.
    #[schema(value_type = Option<String>, format = Binary)]
    signer_patient: Option<Vec<u8>>,
    /// The first parent's.
    #[schema(value_type = Option<String>, format = Binary)]
    signer_first_parent: Option<Vec<u8>>,
    /// The second parent's.
    #[schema(value_type = Option<String>, format = Binary)]
    signer_second_parent: Option<Vec<u8>>,
    /// The partner's (IVF/ICSI).
    #[schema(value_type = Option<String>, format = Binary)]
    signer_partner: Option<Vec<u8>>,
}

/// A staff step, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct StaffStepUpload {
    /// The step, as JSON.
    step: StaffStep,
    /// The document that answers the request (a PDF or image of at most 100 MB), to complete a
    /// request that asks for one.
    #[schema(value_type = Option<String>, format = Binary)]
    delivery: Option<Vec<u8>>,
}

/// The body a request may carry: four documents and the form.
const MAX_BODY: usize = 4 * MAX_FORM_BYTES + 256 * 1024;

/// `/records/{record}/requests`.
pub fn record_routes() -> MethodRouter<AppState> {
    get(list)
        .merge(axum::routing::post(file))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// `/staff/requests/{id}`.
pub fn staff_routes() -> MethodRouter<AppState> {
    axum::routing::post(staff_step).layer(DefaultBodyLimit::max(MAX_DELIVERY_BYTES + 256 * 1024))
}

pub(super) fn file_path(state: &AppState, request: &str, part: &str) -> std::path::PathBuf {
    state
        .config
        .uploads_dir
        .join(format!("request-{request}-{part}"))
}

/// An internal error for a stored value the server cannot read.
pub(super) fn internal(what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("{what}"))
}

/// One file part of a multipart form: its field, the file name the browser gave, its bytes.
pub(super) struct FilePart {
    pub field: String,
    pub file_name: String,
    pub bytes: axum::body::Bytes,
}

/// Reads a multipart form of one JSON part named `json` and file parts whose fields `files`
/// accepts, in their order. Any other part, a JSON part that does not parse, or none is a 400.
pub(super) async fn read_multipart<T: serde::de::DeserializeOwned>(
    mut multipart: Multipart,
    json: &str,
    files: impl Fn(&str) -> bool,
) -> Result<(T, Vec<FilePart>), ApiError> {
    let mut value: Option<T> = None;
    let mut parts = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(ApiError::from)? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(ApiError::from)?;
        if name == json {
            value =
                Some(serde_json::from_slice(&bytes).map_err(|e| ApiError::BadBody(e.to_string()))?);
        } else if files(&name) {
            parts.push(FilePart {
                field: name,
                file_name,
                bytes,
            });
        } else {
            return Err(ApiError::BadBody(format!("unexpected field `{name}`")));
        }
    }
    let value = value.ok_or_else(|| ApiError::BadBody(format!("no `{json}` part")))?;
    Ok((value, parts))
}

/// The patient's statements added to a record (its correction and addition requests, whatever
/// became of them), newest first.
pub(super) async fn statements_of(
    state: &AppState,
    record: &str,
) -> Result<Vec<PatientStatement>, ApiError> {
    let network = &state.config.network;
    let mut out = Vec::new();
    for row in state.store.requests_of(record).await? {
        let Ok(RequestForm::CorrectionOrAddition { statement }) = serde_json::from_str(&row.form)
        else {
            continue;
        };
        let status =
            CaseStatus::parse(&row.status).ok_or_else(|| internal("unknown case status"))?;
        out.push(PatientStatement {
            filed: network
                .request_policy(&row.hospital_id)
                .time_zone
                .local_date(instant(row.filed_at)?),
            hospital: hospital_name(state, &row.hospital_id).await?,
            text: statement,
            status,
        });
    }
    Ok(out)
}

/// A stored case as the requester sees it.
pub(super) async fn case_of(state: &AppState, row: RequestRow) -> Result<RequestCase, ApiError> {
    let network = &state.config.network;
    let status = CaseStatus::parse(&row.status).ok_or_else(|| internal("unknown case status"))?;
    let due = parse_date(&row.due).map_err(|e| ApiError::Internal(e.into()))?;
    let today = network
        .request_policy(&row.hospital_id)
        .time_zone
        .local_date(now(state));
    let signed_by = state
        .store
        .request_files(&row.id)
        .await?
        .iter()
        .filter_map(|f| signer(&f.signer))
        .collect();
    Ok(RequestCase {
        hospital_name: hospital_name(state, &row.hospital_id).await?,
        requester_name: state
            .store
            .patient_display_name(&row.requester_id)
            .await?
            .unwrap_or_default(),
        form: serde_json::from_str(&row.form).map_err(|e| ApiError::Internal(e.into()))?,
        notes: serde_json::from_str(&row.notes).map_err(|e| ApiError::Internal(e.into()))?,
        filed_at: instant(row.filed_at)?,
        overdue: status.is_overdue(due, today),
        fee_cents: u32::try_from(row.fee_cents).unwrap_or(u32::MAX),
        delivery_size: row.delivery_size.and_then(|s| u64::try_from(s).ok()),
        signed_by,
        due,
        status,
        id: row.id,
        hospital_id: row.hospital_id,
        note: row.note,
        question: row.question,
        answer: row.answer,
        reason: row.reason,
    })
}

fn signer(s: &str) -> Option<Signer> {
    Signer::ALL.into_iter().find(|x| x.as_str() == s)
}

/// What the hospital knows about the record, per hospital that holds data of it.
async fn hospitals_of(
    state: &AppState,
    auth: &Authorized,
) -> Result<Vec<RequestHospital>, ApiError> {
    let network = &state.config.network;
    let mut out = Vec::new();
    for (id, imported, latest) in state
        .store
        .record_hospitals(&auth.record.patient().id)
        .await?
    {
        let copies = state
            .store
            .delivered_copies(&auth.record.patient().id, &id)
            .await?;
        out.push(RequestHospital {
            name: network.hospital_name(&id, &imported),
            policy: network.request_policy(&id),
            context: RequestContext {
                earlier_copies: u32::try_from(copies).unwrap_or(u32::MAX),
                birth_date: auth.record.facts.patient.birth_date,
                last_change: parse_date(&latest).ok(),
                ..RequestContext::default()
            },
            id,
        });
    }
    Ok(out)
}

/// Whether this person sees a case: they filed it, or they manage the record.
fn may_see(row: &RequestRow, user: &CurrentUser, manages: bool) -> bool {
    manages || row.requester_id == user.subject.id()
}

/// `GET /records/{record}/requests`: where requests can go, and the cases filed.
#[utoipa::path(get, path = "/api/v1/records/{record}/requests", tag = "requests", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The hospitals that hold data of the record with their request settings, and the cases this person may see", body = RequestsView),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but file no request about it", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may act on", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<RequestsView>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::RequestCopy,
        "requests",
    )
    .await?;
    let may_manage = auth.manages(&state, &user);
    let mut cases = Vec::new();
    for row in state.store.requests_of(&record).await? {
        if may_see(&row, &user, may_manage) {
            cases.push(case_of(&state, row).await?);
        }
    }
    let hospitals = hospitals_of(&state, &auth).await?;
    log_read(&state, &auth, "requests", &auth.decision, &client).await?;
    Ok(Json(RequestsView {
        now: now(&state),
        hospitals,
        may_manage,
        cases,
    }))
}

/// A file of a multipart body, checked by content.
pub(super) struct Upload {
    bytes: axum::body::Bytes,
    media_type: &'static str,
}

/// The identity documents of a request form: each part must be one the form asks for, once,
/// and a PDF or image by content; what is wrong goes into `errors` under the part's field.
pub(super) async fn signed_documents(
    form: &RequestForm,
    parts: Vec<FilePart>,
    errors: &mut FieldErrors,
) -> Result<Vec<(Signer, Upload)>, ApiError> {
    for (i, u) in parts.iter().enumerate() {
        if parts[..i].iter().any(|v| v.field == u.field) {
            return Err(ApiError::BadBody(format!("unexpected field `{}`", u.field)));
        }
    }
    let allowed = form.signers();
    let mut files = Vec::new();
    for FilePart { field, bytes, .. } in parts {
        let Some(s) = allowed.iter().copied().find(|s| s.field() == field) else {
            errors.add(&field, Message::new("request.signer.not_asked"));
            continue;
        };
        match check_in_turn(&bytes, check_document).await {
            Ok(media_type) => files.push((s, Upload { bytes, media_type })),
            Err(m) => errors.add(&field, m),
        }
    }
    Ok(files)
}

/// The due date, fee and notes of a request the domain accepts (or weighs); otherwise the
/// answer that says why not: what is missing beside its field (422), another institution
/// that holds the data (422), or a refusal with the day it becomes possible (409).
pub(super) fn filing_terms(assessment: Assessment) -> Result<(Date, u32, Vec<Message>), ApiError> {
    match assessment {
        Assessment::Accepted {
            due,
            fee_cents,
            notes,
        } => Ok((due, fee_cents, notes)),
        Assessment::Weighed { due, notes } => Ok((due, 0, notes)),
        Assessment::Incomplete { missing } => {
            let mut errors = FieldErrors::default();
            for m in missing {
                errors.add(&missing_field(&m), m);
            }
            Err(ApiError::Validation(errors))
        }
        Assessment::RoutedElsewhere { institution } => {
            let mut errors = FieldErrors::default();
            errors.add(
                "psychiatry",
                Message::new("request.routed_elsewhere").arg("institution", institution),
            );
            Err(ApiError::Validation(errors))
        }
        Assessment::Refused {
            reason,
            possible_from,
        } => Err(ApiError::Conflict(match possible_from {
            Some(d) => reason.arg("from", d.to_string()),
            None => reason,
        })),
    }
}

/// A new case's row, received now.
pub(super) struct NewCase<'a> {
    pub patient_id: &'a str,
    pub requester_id: &'a str,
    pub hospital_id: &'a str,
    pub kind: &'a RequestKind,
    pub request: &'a NewRequest,
    pub terms: (Date, u32, Vec<Message>),
}

/// Stores a filed request with its documents, and its audit entry in the same transaction.
pub(super) async fn store_case(
    state: &AppState,
    case: NewCase<'_>,
    files: &[(Signer, Upload)],
    audit: &NewAuditEntry,
) -> Result<RequestRow, ApiError> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = now(state);
    let (due, fee_cents, notes) = case.terms;
    let mut file_rows = Vec::new();
    // The files first: a crash between the two leaves unreferenced files, never a request
    // without its documents.
    for (s, upload) in files {
        store_at(&file_path(state, &id, s.as_str()), &upload.bytes).await?;
        file_rows.push(RequestFileRow {
            request_id: id.clone(),
            signer: s.as_str().to_owned(),
            media_type: upload.media_type.to_owned(),
            sha256: sha256(&upload.bytes),
            size: i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX),
        });
    }
    let row = RequestRow {
        id,
        patient_id: case.patient_id.to_owned(),
        requester_id: case.requester_id.to_owned(),
        hospital_id: case.hospital_id.to_owned(),
        kind: case.kind.name().to_owned(),
        form: serde_json::to_string(&case.request.form)
            .map_err(|e| ApiError::Internal(e.into()))?,
        note: case.request.note.trim().to_owned(),
        notes: serde_json::to_string(&notes).map_err(|e| ApiError::Internal(e.into()))?,
        filed_at: now.unix_timestamp(),
        due: due.to_string(),
        fee_cents: i64::from(fee_cents),
        status: CaseStatus::Received.as_str().to_owned(),
        question: None,
        answer: None,
        reason: None,
        updated_at: now.unix_timestamp(),
        delivery_sha256: None,
        delivery_size: None,
        delivery_type: None,
    };
    let mut tx = state.store.begin().await?;
    tx.audit(audit).await?;
    tx.insert_request(&row, &file_rows).await?;
    tx.commit().await?;
    Ok(row)
}

/// `POST /records/{record}/requests`: files a request.
#[utoipa::path(post, path = "/api/v1/records/{record}/requests", tag = "requests", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    request_body(content = RequestUpload, content_type = "multipart/form-data"),
    responses((status = 201, description = "Filed: the case with its due date and fee", body = RequestCase),
        (status = 400, description = "Not a multipart form with a `request` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not file this request (a correction or destruction needs the patient or whoever acts in their place)", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may act on", body = ErrorBody),
        (status = 409, description = "The request cannot be granted (destruction within the legal retention, with the date it becomes possible; a copy for a minor without a birth date; no data to destroy)", body = ErrorBody),
        (status = 422, description = "A field is wrong or missing: a signature, a statement, a document that is not a PDF or image of at most 5 MB, or psychiatric records another institution holds", body = ErrorBody)))]
pub async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<(StatusCode, Json<RequestCase>), ApiError> {
    // Whoever may not even ask for a copy learns nothing else about the record.
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::RequestCopy,
        "request",
    )
    .await?;
    let requester = person(&user)?.to_owned();
    let (request, uploads): (NewRequest, _) =
        read_multipart(multipart, "request", |f| f.starts_with("signer_")).await?;
    let mut errors = request.check();
    let files = signed_documents(&request.form, uploads, &mut errors).await?;
    let hospitals = hospitals_of(&state, &auth).await?;
    let hospital = hospitals.iter().find(|h| h.id == request.hospital);
    if hospital.is_none() && !request.hospital.trim().is_empty() {
        errors.add("hospital", Message::new("request.hospital.unknown"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let hospital = hospital.ok_or_else(|| internal("checked above"))?;
    let context = RequestContext {
        signed_by: files.iter().map(|f| f.0).collect(),
        ..hospital.context.clone()
    };
    let kind: RequestKind = request.form.kind(&context).map_err(ApiError::Conflict)?;
    // A correction or destruction needs more than a copy does: decided (and a refusal
    // audited) like any other action on the record.
    let auth = if kind.action() == Action::RequestCopy {
        auth
    } else {
        authorize(&state, &user, &client, &record, kind.action(), "request").await?
    };
    let terms = filing_terms(assess(&kind, &hospital.policy, now(&state)))?;
    let audit = auth.actor.entry(
        &record,
        "change",
        &format!("request/{}", kind.name()),
        &auth.decision,
        &client,
        now(&state),
    );
    let row = store_case(
        &state,
        NewCase {
            patient_id: &record,
            requester_id: &requester,
            hospital_id: &hospital.id,
            kind: &kind,
            request: &request,
            terms,
        },
        &files,
        &audit,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(case_of(&state, row).await?)))
}

/// The case `id` of `record`, if this person may see it; otherwise 404, like a missing one.
async fn visible_case(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record: &str,
    id: &str,
) -> Result<(Authorized, RequestRow), ApiError> {
    let auth = authorize(state, user, client, record, Action::RequestCopy, "request").await?;
    let row = state
        .store
        .request(id)
        .await?
        .filter(|r| r.patient_id == record)
        .filter(|r| may_see(r, user, auth.manages(state, user)))
        .ok_or(ApiError::NotFound)?;
    Ok((auth, row))
}

fn step_error(e: StepError) -> ApiError {
    match e {
        StepError::Conflict(m) => ApiError::Conflict(m),
        StepError::Field(field, m) => {
            let mut errors = FieldErrors::default();
            errors.add(field, m);
            ApiError::Validation(errors)
        }
    }
}

/// `POST /records/{record}/requests/{id}/answer`: answers staff's question.
#[utoipa::path(post, path = "/api/v1/records/{record}/requests/{id}/answer", tag = "requests", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The case")),
    request_body = CaseAnswer,
    responses((status = 200, description = "Answered: the case goes back to staff", body = RequestCase),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not act on its messages or requests (a care provider, for one)", body = ErrorBody),
        (status = 404, description = "No such case, or not one this person filed or manages", body = ErrorBody),
        (status = 409, description = "The case waits for no answer", body = ErrorBody),
        (status = 422, description = "An empty or too long answer", body = ErrorBody)))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<CaseAnswer>,
) -> Result<Json<RequestCase>, ApiError> {
    let (auth, row) = visible_case(&state, &user, &client, &record, &id).await?;
    let audit = auth.actor.entry(
        &record,
        "change",
        &format!("request/{}/answer", row.kind),
        &auth.decision,
        &client,
        now(&state),
    );
    Ok(Json(
        record_answer(&state, row, &body.answer, &audit).await?,
    ))
}

/// Records the requester's answer to staff's question, with its audit entry, and gives the
/// case as it is now.
pub(super) async fn record_answer(
    state: &AppState,
    row: RequestRow,
    text: &str,
    audit: &NewAuditEntry,
) -> Result<RequestCase, ApiError> {
    let status = CaseStatus::parse(&row.status).ok_or_else(|| internal("unknown case status"))?;
    let next = cases::answer(status, text).map_err(step_error)?;
    let mut tx = state.store.begin().await?;
    tx.audit(audit).await?;
    let changed = tx
        .update_request(
            &row.id,
            &CaseUpdate {
                from: status.as_str(),
                to: next.as_str(),
                question: None,
                answer: Some(text.trim()),
                reason: None,
                staff_id: None,
                delivery: None,
                now: now(state).unix_timestamp(),
            },
        )
        .await?;
    if !changed {
        return Err(ApiError::Conflict(Message::new("case.changed_meanwhile")));
    }
    tx.commit().await?;
    let row = state
        .store
        .request(&row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    case_of(state, row).await
}

pub(super) fn file_response(bytes: Vec<u8>, media_type: &str, name: &str) -> Response {
    let ext = match media_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "pdf",
    };
    (
        [
            (CONTENT_TYPE, media_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{ext}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Reads a kept document and checks it against the hash it was kept with.
pub(super) async fn read_kept(path: std::path::PathBuf, hash: &str) -> Result<Vec<u8>, ApiError> {
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    if sha256(&bytes) != hash {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "{} does not match its hash",
            path.display()
        )));
    }
    Ok(bytes)
}

/// `GET /records/{record}/requests/{id}/delivery`: the document that answered the request.
#[utoipa::path(get, path = "/api/v1/records/{record}/requests/{id}/delivery", tag = "requests", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The case")),
    responses((status = 200, description = "The document as staff delivered it; the download is audited", content_type = "application/pdf", body = Vec<u8>),
        (status = 403, description = "The person may read the record but not act on its messages or requests (a care provider, for one)", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such case or no document yet, or not a case this person filed or manages", body = ErrorBody)))]
pub async fn delivery(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (auth, row) = visible_case(&state, &user, &client, &record, &id).await?;
    let audit = auth.actor.entry(
        &record,
        "read",
        &format!("request/{}/delivery", row.kind),
        &auth.decision,
        &client,
        now(&state),
    );
    delivered_file(&state, &row, &audit).await
}

/// The document that answered a case, read (and checked against its hash) before its audit
/// entry is written; 404 while there is none.
pub(super) async fn delivered_file(
    state: &AppState,
    row: &RequestRow,
    audit: &NewAuditEntry,
) -> Result<Response, ApiError> {
    let (Some(hash), Some(media)) = (&row.delivery_sha256, &row.delivery_type) else {
        return Err(ApiError::NotFound);
    };
    let bytes = read_kept(file_path(state, &row.id, "delivery"), hash).await?;
    state.store.audit(audit).await?;
    Ok(file_response(bytes, media, &format!("inzage-{}", row.kind)))
}

async fn staff_case(state: &AppState, row: RequestRow) -> Result<StaffCase, ApiError> {
    let files = state
        .store
        .request_files(&row.id)
        .await?
        .into_iter()
        .filter_map(|f| {
            Some(CaseFile {
                signer: signer(&f.signer)?,
                media_type: f.media_type,
                size: u64::try_from(f.size).ok()?,
            })
        })
        .collect();
    let patient_name = state
        .store
        .patient_display_name(&row.patient_id)
        .await?
        .unwrap_or_default();
    let delivery = delivery_of(&state.config.network, &row)?;
    let case = case_of(state, row).await?;
    Ok(StaffCase {
        delivery,
        patient_name,
        files,
        case,
    })
}

/// Whether a case is answered with a document: the domain's rule for its form at its
/// hospital, on a kind with placeholder facts (which this property does not depend on).
fn delivery_of(network: &crate::network::Network, row: &RequestRow) -> Result<Delivery, ApiError> {
    let form: RequestForm =
        serde_json::from_str(&row.form).map_err(|e| ApiError::Internal(e.into()))?;
    let ctx = RequestContext {
        birth_date: Some(Date::MIN),
        last_change: Some(Date::MIN),
        died_on: Some(Date::MIN),
        ..RequestContext::default()
    };
    let jurisdiction = network.request_policy(&row.hospital_id).jurisdiction;
    Ok(form
        .kind(&ctx)
        .map_or(Delivery::None, |k| k.delivery(jurisdiction)))
}

/// `GET /staff/requests`: the open cases, the one due first at the top.
#[utoipa::path(get, path = "/api/v1/staff/requests", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Open cases, by due date", body = Vec<StaffCase>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_queue(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffCase>>, ApiError> {
    staff(&user)?;
    let mut out = Vec::new();
    for row in state.store.open_requests().await? {
        out.push(staff_case(&state, row).await?);
    }
    Ok(Json(out))
}

/// `GET /staff/requests/{id}/files/{signer}`: an attached identity document, for staff only.
#[utoipa::path(get, path = "/api/v1/staff/requests/{id}/files/{signer}", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The case"), ("signer" = Signer, Path, description = "Whose document")),
    responses((status = 200, description = "The document as uploaded", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such case or document", body = ErrorBody)))]
pub async fn staff_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, who)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    staff(&user)?;
    let file = state
        .store
        .request_files(&id)
        .await?
        .into_iter()
        .find(|f| f.signer == who)
        .ok_or(ApiError::NotFound)?;
    let bytes = read_kept(file_path(&state, &id, &file.signer), &file.sha256).await?;
    Ok(file_response(
        bytes,
        &file.media_type,
        &format!("aanvraag-{id}-{who}"),
    ))
}

/// `POST /staff/requests/{id}`: a staff step (start, ask, complete with the document, refuse),
/// audited in the patient's trail in the same transaction.
#[utoipa::path(post, path = "/api/v1/staff/requests/{id}", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The case")),
    request_body(content = StaffStepUpload, content_type = "multipart/form-data"),
    responses((status = 200, description = "Done", body = StaffCase),
        (status = 400, description = "Not a multipart form with a `step` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such case", body = ErrorBody),
        (status = 409, description = "The case's status does not allow the step (closed, already so, changed meanwhile)", body = ErrorBody),
        (status = 422, description = "A question or reason is missing; the document is missing, unexpected, or not a PDF or image of at most 100 MB", body = ErrorBody)))]
pub async fn staff_step(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<Json<StaffCase>, ApiError> {
    let me = staff(&user)?.to_owned();
    let (step, parts): (StaffStep, _) =
        read_multipart(multipart, "step", |f| f == "delivery").await?;
    // A file input left empty still sends an empty part.
    let delivery = parts
        .into_iter()
        .rev()
        .map(|p| p.bytes)
        .find(|b| !b.is_empty());
    let row = state.store.request(&id).await?.ok_or(ApiError::NotFound)?;
    let status = CaseStatus::parse(&row.status).ok_or_else(|| internal("unknown case status"))?;
    let rule = delivery_of(&state.config.network, &row)?;
    let next = cases::staff_step(status, &step, rule, delivery.is_some()).map_err(step_error)?;
    let why = staff_reason(
        next != CaseStatus::Refused,
        "reason.request_handled",
        "reason.request_refused",
    );
    let media = match &delivery {
        Some(bytes) => Some(
            check_in_turn(bytes, |b| check_document_within(b, MAX_DELIVERY_BYTES))
                .await
                .map_err(|m| {
                    let mut errors = FieldErrors::default();
                    errors.add("delivery", m);
                    ApiError::Validation(errors)
                })?,
        ),
        None => None,
    };
    let hash = delivery.as_ref().map(|b| sha256(b));
    if let Some(bytes) = &delivery {
        let path = file_path(&state, &id, "delivery");
        // A refused earlier attempt of the same step may have left the file without a row.
        let _ = tokio::fs::remove_file(&path).await;
        store_at(&path, bytes).await?;
    }
    let now: OffsetDateTime = now(&state);
    let (question, reason) = match &step {
        StaffStep::AskInformation { question } => (Some(question.trim()), None),
        StaffStep::Refuse { reason } => (None, Some(reason.trim())),
        _ => (None, None),
    };
    let actor = Actor::of(&state, &user, &row.patient_id).await?;
    let mut tx = state.store.begin().await?;
    let changed = tx
        .update_request(
            &id,
            &CaseUpdate {
                from: status.as_str(),
                to: next.as_str(),
                question,
                answer: None,
                reason,
                staff_id: Some(&me),
                delivery: match (&hash, &delivery, media) {
                    (Some(h), Some(b), Some(m)) => {
                        Some((h.as_str(), i64::try_from(b.len()).unwrap_or(i64::MAX), m))
                    }
                    _ => None,
                },
                now: now.unix_timestamp(),
            },
        )
        .await?;
    if !changed {
        return Err(ApiError::Conflict(Message::new("case.changed_meanwhile")));
    }
    tx.add_news(
        &row.requester_id,
        Topic::RequestStatus.as_str(),
        now.unix_timestamp(),
    )
    .await?;
    tx.audit(&actor.entry(
        &row.patient_id,
        "change",
        &format!("request/{}/{}", row.kind, next.as_str()),
        &why,
        &client,
        now,
    ))
    .await?;
    tx.commit().await?;
    let row = state.store.request(&id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(staff_case(&state, row).await?))
}
