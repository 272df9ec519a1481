//! Acting for someone else: the records a person may act on, a parent's request for a link to a
//! child's record, and hospital staff's queue to approve or refuse such requests.

use crate::error::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use inzage_domain::access::{Effect, Fact};
use inzage_domain::manage::{
    capacity_regained, next_age_change, parent_link, parent_without_authority, representation,
    DesignationKind,
};
use inzage_domain::wire::{
    CapacityRegained, ErrorBody, FieldErrors, LinkRequest, LinkRequestStatus, LinkedRecord,
    RequestStatus, StaffDecision, StaffIncapacity, StaffLinkRequest,
};
use inzage_domain::{Action, Decision, Message, PersonId};
use time::OffsetDateTime;

use super::record::{now, Actor, Record};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::store::{FactRow, LinkRequestRow, Subject};
use crate::AppState;

pub(super) fn instant(s: i64) -> Result<OffsetDateTime, ApiError> {
    OffsetDateTime::from_unix_timestamp(s).map_err(|e| ApiError::Internal(e.into()))
}

/// The patient behind the session, for what only a person (not a provider) does.
pub(super) fn person(user: &CurrentUser) -> Result<&str, ApiError> {
    match &user.subject {
        Subject::Patient(id) => Ok(id),
        _ => Err(ApiError::Forbidden {
            message: Message::new("error.patients_only"),
            reasons: Vec::new(),
        }),
    }
}

/// The staff member behind the session.
pub(super) fn staff(user: &CurrentUser) -> Result<&str, ApiError> {
    match &user.subject {
        Subject::Staff(id) => Ok(id),
        _ => Err(ApiError::Forbidden {
            message: Message::new("error.staff_only"),
            reasons: Vec::new(),
        }),
    }
}

/// `GET /records`: the records the person may act on now, their own first.
#[utoipa::path(get, path = "/api/v1/records", tag = "proxy", security(("session" = [])),
    responses((status = 200, description = "Their own record, their children's, and those of people who named them, each with the decision on reading it and the next birthday that changes it", body = Vec<LinkedRecord>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody)))]
pub async fn records(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<LinkedRecord>>, ApiError> {
    let me = person(&user)?.to_owned();
    let now = now(&state);
    let principal = user.principal();
    let mut ids = vec![me.clone()];
    ids.extend(
        state
            .store
            .records_naming_person(&me)
            .await?
            .into_iter()
            .filter(|id| *id != me),
    );
    let mut out = Vec::new();
    for id in ids {
        let Some(record) = Record::load(&state, &id).await? else {
            continue;
        };
        let read = record.decide(&principal, Action::Read, now);
        // Someone else's record is listed only while the person may read it; their own always.
        if id != me && !read.is_permitted() {
            continue;
        }
        let p = record.patient();
        let next_change = next_age_change(&record.facts, now);
        out.push(LinkedRecord {
            name: p.display_name(),
            own: id == me,
            change_soon: next_change.as_ref().is_some_and(|c| c.is_soon(now)),
            next_change,
            record: id,
            read,
        });
    }
    Ok(Json(out))
}

/// `POST /link-requests`: a parent asks for a link to a child's record. The answer is the same
/// whether or not the number is a patient's here.
#[utoipa::path(post, path = "/api/v1/link-requests", tag = "proxy", security(("session" = [])),
    request_body = LinkRequest,
    responses((status = 202, description = "Filed for hospital staff", body = LinkRequestStatus),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody),
        (status = 422, description = "A field does not validate", body = ErrorBody)))]
pub async fn request_link(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<(StatusCode, Json<LinkRequestStatus>), ApiError> {
    let me = person(&user)?.to_owned();
    let (number, child_name, message) = req.validate().map_err(ApiError::Validation)?;
    let now = now(&state);
    let row = LinkRequestRow {
        id: uuid::Uuid::new_v4().to_string(),
        requester_id: me,
        relation: "parent".into(),
        child_name,
        child_number: number.as_str().to_owned(),
        message,
        filed_at: now.unix_timestamp(),
        outcome: None,
        decision_reason: None,
        file_sha256: None,
        file_size: None,
    };
    state.store.insert_link_request(&row).await?;
    Ok((StatusCode::ACCEPTED, Json(status_of(row)?)))
}

/// A request as its requester sees it.
pub(super) fn status_of(row: LinkRequestRow) -> Result<LinkRequestStatus, ApiError> {
    Ok(LinkRequestStatus {
        kind: DesignationKind::parse(&row.relation),
        status: request_status(row.outcome.as_deref()),
        filed_at: instant(row.filed_at)?,
        id: row.id,
        child_name: row.child_name,
        reason: row.decision_reason,
    })
}

/// `GET /link-requests`: the person's own requests and where they stand.
#[utoipa::path(get, path = "/api/v1/link-requests", tag = "proxy", security(("session" = [])),
    responses((status = 200, description = "The person's requests, newest first", body = Vec<LinkRequestStatus>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a patient's account", body = ErrorBody)))]
pub async fn my_link_requests(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<LinkRequestStatus>>, ApiError> {
    let me = person(&user)?;
    let rows = state.store.link_requests_of(me).await?;
    Ok(Json(
        rows.into_iter()
            .map(status_of)
            .collect::<Result<Vec<_>, _>>()?,
    ))
}

/// Where a request stands, from its stored outcome (`approved`, `refused`, none while pending).
pub(super) fn request_status(outcome: Option<&str>) -> RequestStatus {
    match outcome {
        None => RequestStatus::Pending,
        Some("approved") => RequestStatus::Approved,
        Some(_) => RequestStatus::Refused,
    }
}

/// Checks staff's decision on a request: it must still be pending (`outcome` none), and a
/// refusal needs a reason. Returns the reason, trimmed, if one was given.
pub(super) fn check_decision<'a>(
    outcome: Option<&str>,
    decision: &'a StaffDecision,
) -> Result<Option<&'a str>, ApiError> {
    if outcome.is_some() {
        return Err(ApiError::Conflict(Message::new("link.already_decided")));
    }
    let reason = decision.reason.trim();
    if decision.without_authority && decision.approve {
        // A parent without authority gets no link: the request is refused, with a reason.
        let mut errors = FieldErrors::default();
        errors.add("without_authority", Message::new("staff.authority.refuse"));
        return Err(ApiError::Validation(errors));
    }
    if decision.incapacity && !decision.approve {
        // An incapacity is recorded with the representative it is established for.
        let mut errors = FieldErrors::default();
        errors.add("incapacity", Message::new("staff.incapacity.approve_only"));
        return Err(ApiError::Validation(errors));
    }
    if !decision.approve && reason.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("reason", Message::new("staff.reason.empty"));
        return Err(ApiError::Validation(errors));
    }
    Ok((!reason.is_empty()).then_some(reason))
}

/// The audit trail's "why" of a staff decision: staff act on their office, not on a rule.
pub(super) fn staff_reason(
    approved: bool,
    approved_key: &'static str,
    refused_key: &'static str,
) -> Decision {
    Decision {
        effect: Effect::Permit,
        rules: Vec::new(),
        reasons: vec![Message::new(if approved {
            approved_key
        } else {
            refused_key
        })],
    }
}

/// `GET /staff/link-requests`: the queue, with the record each request would link.
#[utoipa::path(get, path = "/api/v1/staff/link-requests", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Pending requests, oldest first", body = Vec<StaffLinkRequest>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_queue(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffLinkRequest>>, ApiError> {
    staff(&user)?;
    let mut out = Vec::new();
    for row in state.store.pending_link_requests().await? {
        let record = match state
            .store
            .patient_by_national_number(&row.child_number)
            .await?
        {
            Some(id) => state.store.patient(&id).await?,
            None => None,
        };
        out.push(StaffLinkRequest {
            requester_name: state
                .store
                .patient_display_name(&row.requester_id)
                .await?
                .unwrap_or_default(),
            filed_at: instant(row.filed_at)?,
            record_name: record.as_ref().map(|p| p.display_name()),
            record_birth_date: record
                .as_ref()
                .and_then(|p| p.birth_date.as_deref())
                .and_then(|d| parse_date(d).ok()),
            kind: DesignationKind::parse(&row.relation),
            form_size: row.file_size,
            id: row.id,
            child_name: row.child_name,
            child_national_number: row.child_number,
            message: row.message,
        });
    }
    Ok(Json(out))
}

/// `POST /staff/link-requests/{id}`: approve (the domain decides which fact the child's
/// hospital's law gives) or refuse with a reason; written to the child's audit trail in the same
/// transaction.
#[utoipa::path(post, path = "/api/v1/staff/link-requests/{id}", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")), request_body = StaffDecision,
    responses((status = 200, description = "Decided; the request as the requester now sees it", body = LinkRequestStatus),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "Already decided, or the law gives no link (the child is too old, has died, has no birth date), or no patient has that national number", body = ErrorBody),
        (status = 422, description = "A refusal without a reason", body = ErrorBody)))]
pub async fn staff_decide(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<StaffDecision>,
) -> Result<Json<LinkRequestStatus>, ApiError> {
    let me = staff(&user)?.to_owned();
    let row = state
        .store
        .link_request(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reason = check_decision(row.outcome.as_deref(), &decision)?;
    // A parent's request, or an application to represent an adult (its kind).
    let applied_for = DesignationKind::parse(&row.relation);
    let mut errors = FieldErrors::default();
    if applied_for.is_some() && decision.without_authority {
        errors.add(
            "without_authority",
            Message::new("staff.authority.links_only"),
        );
    }
    if applied_for.is_none() && decision.incapacity {
        errors.add(
            "incapacity",
            Message::new("staff.incapacity.applications_only"),
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    let child = match state
        .store
        .patient_by_national_number(&row.child_number)
        .await?
    {
        Some(child) => Record::load(&state, &child).await?,
        None => None,
    };
    let actor = Actor::of(
        &state,
        &user,
        child.as_ref().map_or("", |c| &c.patient().id),
    )
    .await?;
    let mut tx = state.store.begin().await?;
    let parent = PersonId(row.requester_id.clone());
    let known_child = || {
        child
            .as_ref()
            .ok_or_else(|| ApiError::Conflict(Message::new("link.no_such_patient")))
    };
    let (outcome, facts) = match applied_for {
        Some(kind) if decision.approve => {
            let facts = representation(
                &known_child()?.facts,
                kind,
                &parent,
                decision.incapacity,
                now,
            )
            .map_err(|m| {
                if m.key.starts_with("representation.incapacity") {
                    // Beside the box staff tick (or must not tick).
                    let mut errors = FieldErrors::default();
                    errors.add("incapacity", m);
                    ApiError::Validation(errors)
                } else {
                    ApiError::Conflict(m)
                }
            })?;
            ("approved", facts)
        }
        None if decision.approve => {
            let fact =
                parent_link(&known_child()?.facts, &parent, now).map_err(ApiError::Conflict)?;
            ("approved", vec![fact])
        }
        None if decision.without_authority => {
            // Refused, and recorded: the child's Toegangen page names the parent with the
            // reason, and no consent of the child can give such a parent access later.
            let fact = parent_without_authority(&known_child()?.facts, &parent)
                .map_err(ApiError::Conflict)?;
            ("refused", vec![fact])
        }
        _ => ("refused", Vec::new()),
    };
    let decided = tx
        .decide_link_request(
            &id,
            outcome,
            &me,
            reason,
            child.as_ref().map(|c| c.patient().id.as_str()),
            now.unix_timestamp(),
        )
        .await?;
    if !decided {
        return Err(ApiError::Conflict(Message::new("link.already_decided")));
    }
    if let Some(child) = &child {
        let record = child.patient().id.as_str();
        for fact in &facts {
            tx.insert_fact(&FactRow::from_fact(record, fact)).await?;
        }
        let (why, what) = match applied_for {
            None => (
                staff_reason(
                    decision.approve,
                    "reason.link_approved",
                    "reason.link_refused",
                ),
                format!("link/{outcome}/{}", row.requester_id),
            ),
            Some(kind) => (
                staff_reason(
                    decision.approve,
                    "reason.representation_approved",
                    "reason.representation_refused",
                ),
                format!(
                    "representation/{outcome}/{}/{}",
                    kind.as_str(),
                    row.requester_id
                ),
            ),
        };
        tx.audit(&actor.entry(record, "change", &what, &why, &client, now))
            .await?;
    }
    tx.commit().await?;
    let row = state
        .store
        .link_request(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(status_of(row)?))
}

/// `GET /staff/link-requests/{id}/form`: an application's signed form (or court decision), for
/// staff only, checked against the hash it was stored with.
#[utoipa::path(get, path = "/api/v1/staff/link-requests/{id}/form", tag = "staff", security(("session" = [])),
    params(("id" = String, Path, description = "The request")),
    responses((status = 200, description = "The PDF as uploaded", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such request, or a parent's request (which has no form)", body = ErrorBody)))]
pub async fn staff_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    staff(&user)?;
    let row = state
        .store
        .link_request(&id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let hash = row.file_sha256.as_deref().ok_or(ApiError::NotFound)?;
    super::designations::stored_form(&state, &row.id, hash, "vertegenwoordiging").await
}

/// `GET /staff/incapacities`: the records whose patient cannot decide now, with their
/// representatives, for staff to record when a patient can decide again.
#[utoipa::path(get, path = "/api/v1/staff/incapacities", tag = "staff", security(("session" = [])),
    responses((status = 200, description = "Records with an incapacity holding now, the oldest first", body = Vec<StaffIncapacity>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody)))]
pub async fn staff_incapacities(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StaffIncapacity>>, ApiError> {
    staff(&user)?;
    let now = now(&state);
    let mut out = Vec::new();
    for (id, since) in state
        .store
        .records_with_incapacity(now.unix_timestamp())
        .await?
    {
        let Some(record) = Record::load(&state, &id).await? else {
            continue;
        };
        let mut representatives = Vec::new();
        for fact in &record.facts.facts {
            if let Fact::Representative { person, period } = fact {
                if period.contains(now) {
                    if let Some(name) = state.store.patient_display_name(&person.0).await? {
                        representatives.push(name);
                    }
                }
            }
        }
        let p = record.patient();
        out.push(StaffIncapacity {
            patient_name: p.display_name(),
            birth_date: p.birth_date.as_deref().and_then(|d| parse_date(d).ok()),
            since: instant(since)?,
            representatives,
            record: id,
        });
    }
    Ok(Json(out))
}

/// `POST /staff/incapacities/{record}/end`: the patient can decide again; every incapacity
/// holding now ends (`manage::capacity_regained`), so their representative no longer acts for
/// them from this instant. Audited in the patient's trail with the reason, in one transaction.
#[utoipa::path(post, path = "/api/v1/staff/incapacities/{record}/end", tag = "staff", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")), request_body = CapacityRegained,
    responses((status = 204, description = "Recorded: the patient decides again"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not hospital staff", body = ErrorBody),
        (status = 404, description = "No such record", body = ErrorBody),
        (status = 409, description = "The patient has no incapacity recorded now", body = ErrorBody),
        (status = 422, description = "No reason given", body = ErrorBody)))]
pub async fn staff_end_incapacity(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    ApiJson(body): ApiJson<CapacityRegained>,
) -> Result<StatusCode, ApiError> {
    staff(&user)?;
    let reason = body.reason.trim();
    if reason.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("reason", Message::new("staff.reason.empty"));
        return Err(ApiError::Validation(errors));
    }
    let now = now(&state);
    let loaded = Record::load(&state, &record)
        .await?
        .ok_or(ApiError::NotFound)?;
    let changes = capacity_regained(&loaded.facts, now).map_err(ApiError::Conflict)?;
    let actor = Actor::of(&state, &user, &record).await?;
    let mut tx = state.store.begin().await?;
    super::access::store_facts(&mut tx, &loaded, &changes).await?;
    let mut why = staff_reason(true, "reason.capacity_regained", "reason.capacity_regained");
    why.reasons
        .push(Message::new("reason.staff_note").arg("note", reason.to_owned()));
    tx.audit(&actor.entry(&record, "change", "incapacity/ended", &why, &client, now))
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
