//! The care provider's side: their patients, and a referrer's request to read a record.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use inzage_domain::wire::{ErrorBody, ProviderPatient, ReferralRequest};
use inzage_domain::{Action, Decision, Effect, Message};

use super::record::{now, Actor, Record};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::store::Subject;
use crate::AppState;

/// The practitioner behind the session; anyone else is refused.
pub(super) fn practitioner(user: &CurrentUser) -> Result<&str, ApiError> {
    match &user.subject {
        Subject::Practitioner(id) => Ok(id),
        Subject::Patient(_) | Subject::Staff(_) => Err(ApiError::Forbidden {
            message: Message::new("error.practitioners_only"),
            reasons: Vec::new(),
        }),
    }
}

/// `GET /provider/patients`: the patients whose records name this practitioner (treatment, GP,
/// consent, exclusion), each with whether they may read the record now and why.
#[utoipa::path(get, path = "/api/v1/provider/patients", tag = "provider", security(("session" = [])),
    responses((status = 200, description = "The patients whose records name this practitioner, with the decision on reading each", body = Vec<ProviderPatient>), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody)))]
pub async fn patients(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<ProviderPatient>>, ApiError> {
    let me = practitioner(&user)?;
    let now = now(&state);
    let mut out = Vec::new();
    for id in state.store.patients_of_practitioner(me).await? {
        let Some(record) = Record::load(&state, &id).await? else {
            continue;
        };
        let read = record.decide(&user.principal(), Action::Read, now);
        let p = record.patient();
        out.push(ProviderPatient {
            record: id.clone(),
            name: p.display_name(),
            birth_date: p.birth_date.as_deref().and_then(|d| parse_date(d).ok()),
            read,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Json(out))
}

/// `POST /provider/referrals`: a referring practitioner asks to read a patient's record. The
/// answer is the same (202) whether or not the national number belongs to a patient, so the
/// endpoint cannot be used to find out who is a patient here.
#[utoipa::path(post, path = "/api/v1/provider/referrals", tag = "provider", security(("session" = [])),
    request_body = ReferralRequest,
    responses((status = 202, description = "Filed, or silently dropped for a number that is no patient's: the same answer"), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody),
        (status = 422, description = "A field does not validate", body = ErrorBody)))]
pub async fn refer(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    ApiJson(req): ApiJson<ReferralRequest>,
) -> Result<StatusCode, ApiError> {
    let me = practitioner(&user)?.to_owned();
    let (insz, reason) = req.validate().map_err(ApiError::Validation)?;
    let Some(patient) = state.store.patient_by_insz(insz.as_str()).await? else {
        return Ok(StatusCode::ACCEPTED);
    };
    let now = now(&state);
    // Anyone in the network may ask; the request itself grants nothing.
    let decision = Decision {
        effect: Effect::Permit,
        rules: Vec::new(),
        reasons: vec![Message::new("reason.referral_request")],
    };
    let actor = Actor::of(&state, &user, &patient).await?;
    let mut tx = state.store.begin().await?;
    tx.audit(&actor.entry(
        &patient,
        "change",
        "referral_request",
        &decision,
        &client,
        now,
    ))
    .await?;
    tx.file_referral(&patient, &me, &reason, now.unix_timestamp())
        .await?;
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}
