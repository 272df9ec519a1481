//! The JSON API under `/api/v1`: login, logout, and the patient's reports.
//!
//! Every report the API returns has passed [`inzage_domain::decide`] for the person asking,
//! whatever the browser decided; a report they may not read answers 404 like a missing one.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use inzage_domain::access::{Facts, HospitalPolicy, Patient, PersonId, ReportStatus, Resource};
use inzage_domain::wire::{
    HospitalContact, HospitalCutoff, LoginChallengeRequest, LoginChallengeResponse, LoginRequest,
    Me, ReportDetail, ReportList, ReportSummary, ResultLine,
};
use inzage_domain::{decide, Action, Principal, ReportFacts, Request};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::auth::{token_hash, LoginOutcome, SESSION_COOKIE, SESSION_IDLE, SESSION_MAX};
use crate::config::parse_date;
use crate::error::{ApiError, ApiJson};
use crate::network::Network;
use crate::store::ReportRow;
use crate::AppState;

/// The API routes, to nest under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/login/challenge", post(login_challenge))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/me", get(me))
        .route("/reports", get(list_reports))
        .route("/reports/{id}", get(get_report))
        .fallback(|| async { ApiError::NotFound })
}

async fn health(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state.store.count_patients().await?;
    Ok("ok")
}

async fn login_challenge(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<LoginChallengeRequest>,
) -> Result<Json<LoginChallengeResponse>, ApiError> {
    let name = req.validate().map_err(ApiError::Validation)?;
    let (challenge_id, position) = state.auth.challenge(&name, state.clock.now()).await?;
    Ok(Json(LoginChallengeResponse {
        challenge_id,
        position,
    }))
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

fn set_cookie(state: &AppState, value: &str, max_age: i64) -> Result<HeaderValue, ApiError> {
    HeaderValue::from_str(&session_cookie_header(
        value,
        max_age,
        state.config.secure_cookies,
    ))
    .map_err(|e| ApiError::Internal(e.into()))
}

/// The `Set-Cookie` value of the session: never readable by scripts, never sent by other sites,
/// and only over TLS when the portal is served over TLS.
pub fn session_cookie_header(value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    )
}

async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let valid = req.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    match state.auth.login(&req.challenge_id, &valid, now).await? {
        LoginOutcome::Success { patient_id, token } => {
            // Rotation: a session the browser held before logging in is ended, never reused.
            if let Some(old) = session_cookie(&headers) {
                state.store.delete_session(&token_hash(&old)).await?;
            }
            let me = me_of(&state, &patient_id).await?;
            let cookie = set_cookie(&state, &token, SESSION_MAX.whole_seconds())?;
            Ok(([(SET_COOKIE, cookie)], Json(me)).into_response())
        }
        LoginOutcome::Failed => Err(ApiError::LoginFailed),
        LoginOutcome::ChallengeInvalid => Err(ApiError::ChallengeInvalid),
        LoginOutcome::Locked { until } => Err(ApiError::Locked {
            until: OffsetDateTime::from_unix_timestamp(until)
                .ok()
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or_default(),
        }),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = session_cookie(&headers) {
        state.store.delete_session(&token_hash(&token)).await?;
    }
    let cookie = set_cookie(&state, "", 0)?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

/// The patient behind the request's session; rejects with 401 when there is none.
pub struct CurrentPatient {
    /// The patient whose account is logged in.
    pub patient_id: String,
}

impl FromRequestParts<AppState> for CurrentPatient {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = session_cookie(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let hash = token_hash(&token);
        let now = state.clock.now();
        let session = state
            .store
            .session_account(&hash, now.unix_timestamp())
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        let max_end = session.created_at + SESSION_MAX.whole_seconds();
        if now.unix_timestamp() >= max_end {
            state.store.delete_session(&hash).await?;
            return Err(ApiError::Unauthenticated);
        }
        let idle_end = (now + SESSION_IDLE).unix_timestamp().min(max_end);
        state.store.touch_session(&hash, idle_end).await?;
        Ok(CurrentPatient {
            patient_id: session.patient_id,
        })
    }
}

async fn me_of(state: &AppState, patient_id: &str) -> Result<Me, ApiError> {
    let display_name = state
        .store
        .patient_display_name(patient_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(Me { display_name })
}

async fn me(State(state): State<AppState>, who: CurrentPatient) -> Result<Json<Me>, ApiError> {
    Ok(Json(me_of(&state, &who.patient_id).await?))
}

/// The name a hospital is shown with: the network file's, else the imported one.
fn hospital_name(network: &Network, row: &ReportRow) -> String {
    network
        .hospital(&row.hospital_id)
        .and_then(|h| h.name.clone())
        .unwrap_or_else(|| row.hospital_name.clone())
}

/// The facts the domain decides on for one patient's record.
///
/// The hospital's settings are filled in per report by `may_read`.
async fn record_facts(state: &AppState, patient_id: &str) -> Result<Facts, ApiError> {
    let patient = state
        .store
        .patient(patient_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let birth_date = patient
        .birth_date
        .as_deref()
        .and_then(|d| parse_date(d).ok());
    let died_at = patient.deceased_at.as_deref().map(|d| {
        // A death without a known date ("deceasedBoolean": true) counts as long past.
        parse_date(d)
            .map(|d| d.midnight().assume_utc())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    });
    Ok(Facts {
        patient: Patient {
            id: PersonId(patient.id),
            birth_date,
            died_at,
        },
        hospital: HospitalPolicy::belgian(),
        facts: Vec::new(),
    })
}

/// Asks the domain whether this person may read this report.
/// The hospital's settings come from the network file (or its default, with the cutoff the
/// hospital was imported with).
fn may_read(
    network: &Network,
    who: &CurrentPatient,
    row: &ReportRow,
    facts: &mut Facts,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let date = parse_date(&row.report_date).map_err(|e| ApiError::Internal(e.into()))?;
    let imported_cutoff = row
        .report_cutoff
        .as_deref()
        .map(parse_date)
        .transpose()
        .map_err(|e| ApiError::Internal(e.into()))?;
    facts.hospital = network.policy(&row.hospital_id, imported_cutoff);
    let request = Request {
        principal: Principal::Person {
            id: PersonId(who.patient_id.clone()),
        },
        action: Action::Read,
        resource: Resource::Report {
            report: ReportFacts {
                status: if row.validated == 1 {
                    ReportStatus::Validated
                } else {
                    ReportStatus::NotValidated
                },
                shielded: row.shielded != 0,
                date,
            },
        },
    };
    Ok(decide(&request, facts, now).is_permitted())
}

async fn list_reports(
    State(state): State<AppState>,
    who: CurrentPatient,
) -> Result<Json<ReportList>, ApiError> {
    let now = state.clock.now();
    let rows = state.store.reports_for_patient(&who.patient_id).await?;
    let mut facts = record_facts(&state, &who.patient_id).await?;
    let mut cutoffs: Vec<HospitalCutoff> = Vec::new();
    let mut reports = Vec::new();
    let network = &state.config.network;
    for row in rows {
        let permitted = may_read(network, &who, &row, &mut facts, now)?;
        let hospital = hospital_name(network, &row);
        if let Some(cutoff) = facts.hospital.report_cutoff {
            if !cutoffs.iter().any(|h| h.hospital == hospital) {
                cutoffs.push(HospitalCutoff {
                    hospital: hospital.clone(),
                    cutoff,
                });
            }
        }
        if permitted {
            reports.push(ReportSummary {
                date: parse_date(&row.report_date).map_err(|e| ApiError::Internal(e.into()))?,
                id: row.id,
                title: row.title,
                category: row.category,
                hospital,
            });
        }
    }
    cutoffs.sort_by(|a, b| a.hospital.cmp(&b.hospital));
    Ok(Json(ReportList { reports, cutoffs }))
}

async fn get_report(
    State(state): State<AppState>,
    who: CurrentPatient,
    Path(id): Path<String>,
) -> Result<Json<ReportDetail>, ApiError> {
    let row = state.store.report(&id).await?.ok_or(ApiError::NotFound)?;
    let mut facts = record_facts(&state, &row.patient_id).await?;
    let network = &state.config.network;
    if !may_read(network, &who, &row, &mut facts, state.clock.now())? {
        return Err(ApiError::NotFound);
    }
    let hospital = hospital_name(network, &row);
    let results: Vec<ResultLine> =
        serde_json::from_str(&row.results_json).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(Json(ReportDetail {
        date: parse_date(&row.report_date).map_err(|e| ApiError::Internal(e.into()))?,
        id: row.id,
        title: row.title,
        category: row.category,
        hospital,
        author: row.author,
        conclusion: row.conclusion,
        results,
        text: row.text_body,
        contact: network
            .hospital(&row.hospital_id)
            .map(|h| HospitalContact {
                phone: h.contact.phone.clone(),
                email: h.contact.email.clone(),
                website: h.contact.website.clone(),
            })
            .filter(|c| c.phone.is_some() || c.email.is_some() || c.website.is_some()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_secure_exactly_over_tls() {
        assert_eq!(
            session_cookie_header("t", 60, true),
            "inzage_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure"
        );
        assert!(!session_cookie_header("t", 60, false).contains("Secure"));
        assert!(crate::config::served_over_tls(
            "https://portaal.azvoorbeeld.be"
        ));
        assert!(!crate::config::served_over_tls("http://127.0.0.1:8080"));
    }
}
