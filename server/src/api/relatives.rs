//! A relative's request about a deceased patient's record. Death ends every portal access to the
//! record (the patient's and every proxy's), so the relative files from their own account: they
//! name the hospital and who the patient was (national number, birth date, day of death), say
//! their kinship and why they ask, and attach their identity document. The domain crate decides
//! what the law gives them — in Belgium a practitioner they name inspects the record for them
//! (unless the patient objected), in the Netherlands a doctor weighs the request and may grant
//! a copy — and staff handle the case like any other request. The relative sees only the cases
//! they filed, and a delivered copy only of those.

use crate::error::{Multipart, Path};
use crate::upload::UploadTurn;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Json;
use inzage_domain::access::{Decision, Effect, Fact, Request, Resource};
use inzage_domain::requests::{assess, NewRelativeRequest, RequestContext, RequestKind};
use inzage_domain::wire::{
    CaseAnswer, ErrorBody, RelativeHospital, RelativeRequestsView, RequestCase,
};
use inzage_domain::{decide, Action, Message, PersonId};

use super::account::field_error;
use super::links::person;
use super::record::{now, Actor, Record};
use super::requests::{
    case_of, delivered_file, filing_terms, read_multipart, record_answer, signed_documents,
    store_case, NewCase,
};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::store::{NewAuditEntry, RequestRow};
use crate::upload::MAX_FORM_BYTES;
use crate::AppState;

/// The kind of request these routes file and show.
const KIND: &str = "copy_for_deceased_relative";

/// `/me/relative-requests`.
pub fn routes() -> MethodRouter<AppState> {
    get(list)
        .merge(axum::routing::post(file))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES + 256 * 1024))
}

/// The relative's request form, as documented (multipart/form-data).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct RelativeRequestUpload {
    /// The request, as JSON.
    request: NewRelativeRequest,
    /// The relative's identity document (PDF, PNG or JPEG of at most 5 MB).
    #[schema(value_type = String, format = Binary)]
    signer_relative: Vec<u8>,
}

/// `GET /me/relative-requests`: the hospitals a relative can ask, and the cases they filed.
#[utoipa::path(get, path = "/api/v1/me/relative-requests", tag = "requests", security(("session" = [])),
    responses((status = 200, description = "The network's hospitals with their request settings, and this person's requests about deceased relatives, newest first", body = RelativeRequestsView),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a person's account (staff and practitioners file no such request)", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<RelativeRequestsView>, ApiError> {
    let me = person(&user)?;
    let network = &state.config.network;
    let hospitals = state
        .store
        .hospitals()
        .await?
        .into_iter()
        .map(|(id, imported)| RelativeHospital {
            name: network.hospital_name(&id, &imported),
            policy: network.request_policy(&id),
            id,
        })
        .collect();
    let mut cases = Vec::new();
    for row in state.store.requests_filed_by(me, KIND).await? {
        cases.push(case_of(&state, row).await?);
    }
    Ok(Json(RelativeRequestsView {
        now: now(&state),
        hospitals,
        cases,
    }))
}

/// The deceased patient the relative named, if a patient of that hospital matches all of it:
/// the national number, the birth date and the day of death.
async fn deceased_patient(
    state: &AppState,
    me: &str,
    hospital: &str,
    valid: &inzage_domain::requests::ValidRelativeRequest,
) -> Result<Option<Record>, ApiError> {
    let Some(id) = state
        .store
        .patient_by_national_number(valid.national_number.as_str())
        .await?
    else {
        return Ok(None);
    };
    let Some(record) = Record::load(state, &id).await? else {
        return Ok(None);
    };
    let day = |d: &Option<String>| d.as_deref().and_then(|d| parse_date(d).ok());
    let treated_there = state
        .store
        .record_hospitals(&id)
        .await?
        .iter()
        .any(|(h, _, _)| h == hospital);
    let matches = id != me
        && treated_there
        && day(&record.patient().birth_date) == Some(valid.birth_date)
        && day(&record.patient().deceased_at) == Some(valid.died_on);
    Ok(matches.then_some(record))
}

/// `POST /me/relative-requests`: files a relative's request about a deceased patient.
///
/// Who the patient was must match a patient of the chosen hospital in all three details, or
/// the answer is the same 422 whichever detail is wrong; only someone who already knows all
/// three learns that the person was the hospital's patient.
#[utoipa::path(post, path = "/api/v1/me/relative-requests", tag = "requests", security(("session" = [])),
    request_body(content = RelativeRequestUpload, content_type = "multipart/form-data"),
    responses((status = 201, description = "Filed: the case with its due date; a practitioner inspects (Belgium) or a doctor weighs it (the Netherlands)", body = RequestCase),
        (status = 400, description = "Not a multipart form with a `request` part", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a person's account", body = ErrorBody),
        (status = 409, description = "The law gives this relative nothing (the patient objected, or the kinship is too far)", body = ErrorBody),
        (status = 422, description = "A field is wrong or missing: the national number, a date, the kinship, the motivation, the practitioner (Belgium), the identity document; or no patient of that hospital who died that day matches", body = ErrorBody)))]
pub async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    _turn: UploadTurn,
    multipart: Multipart,
) -> Result<(StatusCode, Json<RequestCase>), ApiError> {
    let me = person(&user)?.to_owned();
    let (form, uploads): (NewRelativeRequest, _) =
        read_multipart(multipart, "request", |f| f.starts_with("signer_")).await?;
    let valid = form.validate();
    let mut errors = valid.as_ref().err().cloned().unwrap_or_default();
    let files = signed_documents(&form.request().form, uploads, &mut errors).await?;
    let hospital = state.store.hospital_imported_name(&form.hospital).await?;
    if hospital.is_none() && !form.hospital.trim().is_empty() {
        errors.add("hospital", Message::new("request.hospital.unknown"));
    }
    let valid = match valid {
        Ok(valid) if errors.is_empty() => valid,
        _ => return Err(ApiError::Validation(errors)),
    };
    let Some(record) = deceased_patient(&state, &me, &form.hospital, &valid).await? else {
        return Err(field_error("national_number", "request.deceased.no_match"));
    };
    let context = RequestContext {
        died_on: Some(valid.died_on),
        objected_after_death: record
            .facts
            .facts
            .iter()
            .any(|f| matches!(f, Fact::ObjectionAfterDeath)),
        signed_by: files.iter().map(|f| f.0).collect(),
        ..RequestContext::default()
    };
    let kind: RequestKind = valid
        .request
        .form
        .kind(&context)
        .map_err(ApiError::Conflict)?;
    let policy = state.config.network.request_policy(&form.hospital);
    let assessment = assess(&kind, &policy, now(&state));
    let patient_id = record.patient().id.clone();
    let audit = relative_entry(&state, &user, &record, &form, &client).await?;
    let terms = match filing_terms(assessment) {
        Ok(terms) => terms,
        Err(refused) => {
            // A refusal the law gives (an objection, a kinship too far) is in the patient's
            // trail too, as refused.
            if matches!(refused, ApiError::Conflict(_)) {
                let mut entry = audit;
                entry.outcome = "deny".into();
                state.store.audit(&entry).await?;
            }
            return Err(refused);
        }
    };
    let row = store_case(
        &state,
        NewCase {
            patient_id: &patient_id,
            requester_id: &me,
            hospital_id: &form.hospital,
            kind: &kind,
            request: &valid.request,
            terms,
        },
        &files,
        &audit,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(case_of(&state, row).await?)))
}

/// The audit entry of a relative's filing in the deceased patient's trail: the relative as
/// actor, with the domain's ground for relatives after death at that hospital (the kinship the
/// relative declared, under the hospital's law) as its reasons; the filing itself is allowed.
async fn relative_entry(
    state: &AppState,
    user: &CurrentUser,
    record: &Record,
    form: &NewRelativeRequest,
    client: &ClientAddr,
) -> Result<NewAuditEntry, ApiError> {
    let now = now(state);
    let mut facts = record.facts.clone();
    facts.hospital = state.config.network.policy(&form.hospital, None);
    facts.facts.push(Fact::Relative {
        person: PersonId(person(user)?.to_owned()),
        degree: form.degree,
    });
    let decision = decide(
        &Request {
            principal: user.principal(),
            action: Action::Read,
            resource: Resource::Record,
        },
        &facts,
        now,
    );
    let actor = Actor::of(state, user, &record.patient().id).await?;
    let mut entry = actor.entry(
        &record.patient().id,
        "change",
        &format!("request/{KIND}"),
        &decision,
        client,
        now,
    );
    entry.actor_role = "relative".into();
    entry.outcome = "permit".into();
    Ok(entry)
}

/// The relative's own case `id`; 404 for any other, like a missing one.
async fn own_case(state: &AppState, user: &CurrentUser, id: &str) -> Result<RequestRow, ApiError> {
    let me = person(user)?;
    state
        .store
        .request(id)
        .await?
        .filter(|r| r.requester_id == me && r.kind == KIND)
        .ok_or(ApiError::NotFound)
}

/// An audit entry of the relative about their own case.
async fn case_entry(
    state: &AppState,
    user: &CurrentUser,
    row: &RequestRow,
    verb: &str,
    what: &str,
    client: &ClientAddr,
) -> Result<NewAuditEntry, ApiError> {
    let actor = Actor::of(state, user, &row.patient_id).await?;
    let why = Decision {
        effect: Effect::Permit,
        rules: Vec::new(),
        reasons: vec![Message::new("reason.relative_own_request")],
    };
    let mut entry = actor.entry(
        &row.patient_id,
        verb,
        &format!("request/{KIND}/{what}"),
        &why,
        client,
        now(state),
    );
    entry.actor_role = "relative".into();
    Ok(entry)
}

/// `POST /me/relative-requests/{id}/answer`: answers staff's question.
#[utoipa::path(post, path = "/api/v1/me/relative-requests/{id}/answer", tag = "requests", security(("session" = [])),
    params(("id" = String, Path, description = "The case")),
    request_body = CaseAnswer,
    responses((status = 200, description = "Answered: the case goes back to staff", body = RequestCase),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a person's account", body = ErrorBody),
        (status = 404, description = "No such case, or not one this person filed", body = ErrorBody),
        (status = 409, description = "The case waits for no answer", body = ErrorBody),
        (status = 422, description = "An empty or too long answer", body = ErrorBody)))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CaseAnswer>,
) -> Result<Json<RequestCase>, ApiError> {
    let row = own_case(&state, &user, &id).await?;
    let audit = case_entry(&state, &user, &row, "change", "answer", &client).await?;
    Ok(Json(
        record_answer(&state, row, &body.answer, &audit).await?,
    ))
}

/// `GET /me/relative-requests/{id}/delivery`: the copy a doctor granted.
#[utoipa::path(get, path = "/api/v1/me/relative-requests/{id}/delivery", tag = "requests", security(("session" = [])),
    params(("id" = String, Path, description = "The case")),
    responses((status = 200, description = "The document as staff delivered it; the download is in the patient's audit trail", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a person's account", body = ErrorBody),
        (status = 404, description = "No such case or no document, or not a case this person filed", body = ErrorBody)))]
pub async fn delivery(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let row = own_case(&state, &user, &id).await?;
    let audit = case_entry(&state, &user, &row, "read", "delivery", &client).await?;
    delivered_file(&state, &row, &audit).await
}
