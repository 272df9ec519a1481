//! Share links (see [`inzage_domain::sharing`]): the patient, or whoever acts in their place,
//! makes a time-limited link to chosen reports and may revoke it; anyone with the link opens
//! it without an account. Each opening is decided anew as the link's maker would see the
//! reports then, and is written to the record's audit trail under the link's label.

use crate::error::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use inzage_domain::access::PersonId;
use inzage_domain::sharing::{
    self, NewShare, OpenShare, ShareCreated, ShareList, ShareState, ShareSummary, SharedDocument,
    SharedRecord,
};
use inzage_domain::wire::{ErrorBody, FieldErrors};
use inzage_domain::{Action, Message, Principal};
use time::OffsetDateTime;

use super::record::{authorize, log_change, log_read, now, Record};
use super::reports::{detail_of, document_bytes, documents_of};
use super::{ClientAddr, CurrentUser};
use crate::auth::{token_hash, SessionToken};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::limits;
use crate::store::{NewAuditEntry, NewShareRow, ReportRow, ShareRow};
use crate::AppState;

fn instant(seconds: i64) -> Result<OffsetDateTime, ApiError> {
    OffsetDateTime::from_unix_timestamp(seconds).map_err(|e| ApiError::Internal(e.into()))
}

async fn summary_of(
    state: &AppState,
    row: &ShareRow,
    now: OffsetDateTime,
) -> Result<ShareSummary, ApiError> {
    let expires = instant(row.expires_at)?;
    let revoked = row.revoked_at.map(instant).transpose()?;
    Ok(ShareSummary {
        id: row.id.clone(),
        label: row.label.clone(),
        created: instant(row.created_at)?,
        expires,
        revoked,
        state: sharing::state(expires, revoked, now),
        reports: report_titles(state, &row.id).await?,
        opened: u32::try_from(row.opened).unwrap_or(u32::MAX),
        made_by: row.made_by_name.clone(),
    })
}

async fn report_titles(state: &AppState, share_id: &str) -> Result<Vec<String>, ApiError> {
    Ok(state
        .store
        .share_reports(share_id)
        .await?
        .into_iter()
        .map(|(_, title)| title)
        .collect())
}

/// `GET /records/{record}/shares`: the record's share links, newest first.
#[utoipa::path(get, path = "/api/v1/records/{record}/shares", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The links, newest first, each with where it stands now; the read is audited", body = ShareList),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not share it (a trusted person, a care provider); the domain's reasons", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<ShareList>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        "shares",
    )
    .await?;
    let now = now(&state);
    let mut shares = Vec::new();
    for row in state.store.shares_of(&record).await? {
        shares.push(summary_of(&state, &row, now).await?);
    }
    log_read(&state, &auth, "shares", &auth.decision, &client).await?;
    Ok(Json(ShareList { shares }))
}

/// `POST /records/{record}/shares`: makes a link to reports the person may see.
#[utoipa::path(post, path = "/api/v1/records/{record}/shares", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")), request_body = NewShare,
    responses((status = 201, description = "Made and audited in one transaction; the secret is in this answer only", body = ShareCreated),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not share it; the domain's reasons", body = ErrorBody),
        (status = 422, description = "A field is wrong, or a report is not one of this record's that the person may see", body = ErrorBody),
        (status = 400, description = "Not the form", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    ApiJson(form): ApiJson<NewShare>,
) -> Result<(StatusCode, Json<ShareCreated>), ApiError> {
    let id = uuid::Uuid::new_v4().to_string();
    let resource = format!("share/new/{id}");
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        &resource,
    )
    .await?;
    form.check().map_err(ApiError::Validation)?;
    let now = now(&state);
    let principal = user.principal();
    let mut reports = Vec::new();
    for report_id in &form.reports {
        match auth
            .record
            .readable_report(&state, &principal, report_id, now)
            .await?
        {
            Some(row) => reports.push((row.id, row.title)),
            // Missing, another record's, or hidden from this person: the same answer.
            None => {
                let mut errors = FieldErrors::default();
                errors.add("reports", Message::new("share.reports.unknown"));
                return Err(ApiError::Validation(errors));
            }
        }
    }
    let token = SessionToken::generate();
    let row = ShareRow {
        id,
        patient_id: record.clone(),
        label: form.label.trim().to_owned(),
        created_at: now.unix_timestamp(),
        expires_at: form.expires(now).unix_timestamp(),
        revoked_at: None,
        made_by_id: maker_id(&principal)?,
        made_by_name: auth.actor.name.clone(),
        opened: 0,
    };
    let mut tx = state.store.begin().await?;
    log_change(&mut tx, &state, &auth, &resource, &client).await?;
    tx.insert_share(NewShareRow {
        row: &row,
        token_hash: &token_hash(token.as_str()),
        reports: &reports,
    })
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ShareCreated {
            share: summary_of(&state, &row, now).await?,
            token: token.as_str().to_owned(),
        }),
    ))
}

/// Only a person manages access, so only a person makes links.
fn maker_id(principal: &Principal) -> Result<String, ApiError> {
    match principal {
        Principal::Person { id } => Ok(id.0.clone()),
        Principal::Practitioner { .. } => Err(ApiError::Internal(anyhow::anyhow!(
            "a practitioner was allowed to manage access"
        ))),
    }
}

/// `POST /records/{record}/shares/{id}/revoke`: closes a link for good.
#[utoipa::path(post, path = "/api/v1/records/{record}/shares/{id}/revoke", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The link's id")),
    responses((status = 200, description = "Revoked and audited in one transaction; the link as it now stands", body = ShareSummary),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not share it; the domain's reasons", body = ErrorBody),
        (status = 409, description = "The link no longer opens (revoked or expired already)", body = ErrorBody),
        (status = 404, description = "No such record or link, or not one the person may manage (the same answer)", body = ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Json<ShareSummary>, ApiError> {
    let resource = format!("share/revoke/{id}");
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        &resource,
    )
    .await?;
    let Some(row) = state
        .store
        .shares_of(&record)
        .await?
        .into_iter()
        .find(|s| s.id == id)
    else {
        return Err(ApiError::NotFound);
    };
    let now = now(&state);
    let mut tx = state.store.begin().await?;
    if !tx.revoke_share(&record, &id, now.unix_timestamp()).await? {
        return Err(ApiError::Conflict(Message::new("share.closed")));
    }
    log_change(&mut tx, &state, &auth, &resource, &client).await?;
    tx.commit().await?;
    let row = ShareRow {
        revoked_at: Some(now.unix_timestamp()),
        ..row
    };
    Ok(Json(summary_of(&state, &row, now).await?))
}

/// A link that opens now: its row, the record, and who made it (what it shows is what they
/// may see now), with the decision that they still may manage the record. Counts the request
/// against the address's limit first.
struct OpenLink {
    row: ShareRow,
    record: Record,
    maker: Principal,
    decision: inzage_domain::Decision,
}

async fn open_link(
    state: &AppState,
    client: &ClientAddr,
    token: &str,
    now: OffsetDateTime,
) -> Result<OpenLink, ApiError> {
    limits::check_address(
        &state.store,
        limits::SHARE_OPENINGS_PER_ADDRESS,
        client.0.as_deref(),
        now,
    )
    .await?;
    let Some(row) = state.store.share_by_token(&token_hash(token)).await? else {
        return Err(ApiError::NotFound);
    };
    let expires = instant(row.expires_at)?;
    match sharing::state(expires, row.revoked_at.map(instant).transpose()?, now) {
        ShareState::Open => {}
        ShareState::Expired => return Err(ApiError::Gone(Message::new("share.expired"))),
        ShareState::Revoked => return Err(ApiError::Gone(Message::new("share.revoked"))),
    }
    let record = Record::load(state, &row.patient_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // What the link shows is what its maker may see now: a maker who lost access (a parent
    // at the child's birthday, a revoked representative, a death) ends the link.
    let maker = Principal::Person {
        id: PersonId(row.made_by_id.clone()),
    };
    let decision = record.decide(&maker, Action::ManageAccess, now);
    if !decision.is_permitted() {
        return Err(ApiError::Gone(Message::new("share.ended")));
    }
    Ok(OpenLink {
        row,
        record,
        maker,
        decision,
    })
}

impl OpenLink {
    /// The record's report `id`, if the maker may see it now.
    async fn report(
        &self,
        state: &AppState,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Option<ReportRow>, ApiError> {
        self.record
            .readable_report(state, &self.maker, id, now)
            .await
    }

    /// Writes the audit entry of reading `resource` through the link; an `opening` (not a
    /// document fetched from an open link) is also counted.
    async fn audit(
        &self,
        state: &AppState,
        (resource, opening): (String, bool),
        client: &ClientAddr,
        now: OffsetDateTime,
    ) -> Result<(), ApiError> {
        let mut tx = state.store.begin().await?;
        tx.audit(&NewAuditEntry {
            at: now.unix_timestamp(),
            actor_kind: "share".into(),
            actor_id: format!("share:{}", self.row.id),
            actor_name: self.row.label.clone(),
            actor_role: "share_link".into(),
            patient_id: self.row.patient_id.clone(),
            action: "read".into(),
            resource,
            outcome: "permit".into(),
            reasons: serde_json::to_string(&self.decision.reasons).unwrap_or_else(|_| "[]".into()),
            client: client.0.clone(),
        })
        .await?;
        if opening {
            tx.count_share_opened(&self.row.id).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// `POST /shared`: opens a link, without an account.
#[utoipa::path(post, path = "/api/v1/shared", tag = "access", request_body = OpenShare,
    responses((status = 200, description = "The patient's name and birth date and the link's reports the maker may still see, with their documents listed; the opening is audited in the record's trail", body = SharedRecord),
        (status = 404, description = "No link has this secret", body = ErrorBody),
        (status = 410, description = "The link expired, was revoked, or its maker may no longer see the record", body = ErrorBody),
        (status = 429, description = "Too many openings from this address", body = ErrorBody),
        (status = 400, description = "Not a secret", body = ErrorBody)))]
pub async fn open(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(open): ApiJson<OpenShare>,
) -> Result<Json<SharedRecord>, ApiError> {
    let now = now(&state);
    let link = open_link(&state, &client, &open.token, now).await?;
    let mut reports = Vec::new();
    for (report_id, _) in state.store.share_reports(&link.row.id).await? {
        if let Some(report) = link.report(&state, &report_id, now).await? {
            let mut detail = detail_of(&state.config.network, report)?;
            detail.documents = documents_of(&state, &report_id).await?;
            reports.push(detail);
        }
    }
    reports.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let resource = format!("share/{}", link.row.id);
    link.audit(&state, (resource, true), &client, now).await?;
    let patient = &link.record.patient();
    Ok(Json(SharedRecord {
        patient: patient.display_name(),
        birth_date: patient
            .birth_date
            .as_deref()
            .and_then(|d| parse_date(d).ok()),
        label: link.row.label.clone(),
        expires: instant(link.row.expires_at)?,
        reports,
    }))
}

/// `POST /shared/document`: one document of a shared report, without an account.
#[utoipa::path(post, path = "/api/v1/shared/document", tag = "access", request_body = SharedDocument,
    responses((status = 200, description = "The document as the hospital sent it; the read is audited in the record's trail", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No link has this secret, or it holds no such report or document, or the maker may no longer see the report (the same answer)", body = ErrorBody),
        (status = 410, description = "The link expired, was revoked, or its maker may no longer see the record", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody),
        (status = 400, description = "Not a secret, a report and a place", body = ErrorBody)))]
pub async fn document(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(ask): ApiJson<SharedDocument>,
) -> Result<Response, ApiError> {
    let now = now(&state);
    let link = open_link(&state, &client, &ask.token, now).await?;
    let shared = state.store.share_reports(&link.row.id).await?;
    if !shared.iter().any(|(id, _)| *id == ask.report)
        || link.report(&state, &ask.report, now).await?.is_none()
    {
        return Err(ApiError::NotFound);
    }
    let index = i64::from(ask.index);
    let (media_type, bytes) = document_bytes(&state, &ask.report, index).await?;
    let resource = format!(
        "share/{}/report/{}/document/{index}",
        link.row.id, ask.report
    );
    link.audit(&state, (resource, false), &client, now).await?;
    Ok(super::requests::file_response(
        bytes,
        &media_type,
        &format!("document-{index}"),
    ))
}
