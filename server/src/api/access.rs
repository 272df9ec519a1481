//! The "Toegangen" page's API: who can read the record, and the patient's commands.
//!
//! `GET` returns the record's facts and the people they name, so the browser runs the domain
//! crate's `manage::overview`, `manage::plan` and `access::effects` itself; `POST` takes one
//! `AccessCommand`, runs the same `plan` again, and stores its changes and the audit entry in one
//! transaction.

use std::collections::BTreeSet;

use crate::error::{Path, Query};
use axum::extract::State;
use axum::Json;
use inzage_domain::access::{principals, Change, PersonId, Principal};
use inzage_domain::manage::{plan, AccessCommand, Refusal};
use inzage_domain::reuse::ReusePurpose;
use inzage_domain::wire::{
    AccessView, ErrorBody, FieldErrors, PendingReferral, PersonCard, PractitionerRole,
    ReuseProject, ViewAs,
};
use inzage_domain::{Action, Message, PractitionerId};
use time::OffsetDateTime;

use serde::Deserialize;

use super::record::{authorize, log_change, log_read, now, Authorized, Record};
use super::reports::visible_reports;
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::store::{FactRow, ReferralRow, Tx};
use crate::AppState;

/// `GET /records/{record}/access`: the page's data, for whoever manages the record's access.
#[utoipa::path(get, path = "/api/v1/records/{record}/access", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The record's facts and the people they name, for the browser to run the domain's overview and plan", body = AccessView), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not manage its access; the domain's reasons", body = ErrorBody), (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<AccessView>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        "access",
    )
    .await?;
    let view = access_view(&state, &auth.record).await?;
    log_read(&state, &auth, "access", &auth.decision, &client).await?;
    Ok(Json(view))
}

/// `POST /records/{record}/access`: carries out one command, answering with the new view.
#[utoipa::path(post, path = "/api/v1/records/{record}/access", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")), request_body = AccessCommand,
    responses((status = 200, description = "Carried out and audited in one transaction; the new view", body = AccessView), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may not do this (a care provider never may); the domain's reasons", body = ErrorBody),
        (status = 409, description = "The command does not fit the record as it stands (already done, nothing to undo, no pending request, a treating relationship)", body = ErrorBody),
        (status = 422, description = "An unknown practitioner", body = ErrorBody),
        (status = 400, description = "Not a command", body = ErrorBody), (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    ApiJson(command): ApiJson<AccessCommand>,
) -> Result<Json<AccessView>, ApiError> {
    let resource = resource_of(&command);
    let auth = authorize(&state, &user, &client, &record, command.action(), &resource).await?;
    if let Some(p) = command.practitioner() {
        if state.store.practitioner(&p.0).await?.is_none() {
            let mut errors = FieldErrors::default();
            errors.add("practitioner", Message::new("access.unknown_practitioner"));
            return Err(ApiError::Validation(errors));
        }
    }
    let now = now(&state);
    if let AccessCommand::ApproveReferrer { practitioner }
    | AccessCommand::RefuseReferrer { practitioner } = &command
    {
        let pending = state.store.pending_referrals(&record).await?;
        if !pending.iter().any(|r| r.practitioner_id == practitioner.0) {
            return Err(ApiError::Conflict(Message::new(
                "access.no_pending_request",
            )));
        }
    }
    let changes = match plan(&user.principal(), &command, &auth.record.facts, now) {
        Ok(changes) => changes,
        // `authorize` checked the same action; the domain may still refuse it here only if the
        // record changed in between, and then the answer is the same as there.
        Err(Refusal::NotAllowed { decision }) => {
            return Err(ApiError::Forbidden {
                message: Message::new("error.forbidden"),
                reasons: decision.reasons,
            })
        }
        Err(Refusal::Conflict { message }) => return Err(ApiError::Conflict(message)),
    };
    store_changes(&state, &auth, &command, &changes, &resource, &client, now).await?;
    let record = Record::load(&state, &record)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(access_view(&state, &record).await?))
}

/// The query of `GET /records/{record}/view-as`: whose view.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ViewAsParams {
    /// `practitioner` or `person`.
    kind: String,
    /// Their id.
    id: String,
}

/// `GET /records/{record}/view-as?kind=…&id=…`: the record exactly as a person named in it
/// sees it now, for whoever manages its access. Logged as the patient's own look, never as
/// that person's access.
#[utoipa::path(get, path = "/api/v1/records/{record}/view-as", tag = "access", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ViewAsParams),
    responses((status = 200, description = "The record as that person sees it now; logged as the patient's own look", body = ViewAs), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not manage its access", body = ErrorBody),
        (status = 422, description = "An unknown kind of person", body = ErrorBody),
        (status = 404, description = "No such record, not one the person manages, or a person the record does not name", body = ErrorBody)))]
pub async fn view_as(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(params): Query<ViewAsParams>,
) -> Result<Json<ViewAs>, ApiError> {
    let principal = match params.kind.as_str() {
        "practitioner" => Principal::Practitioner {
            id: PractitionerId(params.id),
        },
        "person" => Principal::Person {
            id: PersonId(params.id),
        },
        _ => {
            let mut errors = FieldErrors::default();
            errors.add("kind", Message::new("access.bad_principal_kind"));
            return Err(ApiError::Validation(errors));
        }
    };
    let resource = match &principal {
        Principal::Practitioner { id } => format!("view-as/practitioner/{}", id.0),
        Principal::Person { id } => format!("view-as/person/{}", id.0),
    };
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        &resource,
    )
    .await?;
    // Only someone the page names: the view is not a way to probe arbitrary ids.
    let requests = state.store.pending_referrals(&record).await?;
    if !named(&auth.record, &requests).contains(&principal) {
        return Err(ApiError::NotFound);
    }
    let now = now(&state);
    let read = auth.record.decide(&principal, Action::Read, now);
    let reports = if read.is_permitted() {
        let rows = auth.record.reports();
        visible_reports(&state.config.network, &auth.record, rows, &principal, now)?
            .into_iter()
            .map(|(_, summary)| summary)
            .collect()
    } else {
        Vec::new()
    };
    let card = person_card(&state, &principal, 0).await?;
    log_read(&state, &auth, &resource, &auth.decision, &client).await?;
    Ok(Json(ViewAs {
        name: card.name,
        principal,
        read,
        reports,
    }))
}

/// What the audit trail calls a command: `access/exclude/dr-x`, `access/refuse_gp`.
fn resource_of(command: &AccessCommand) -> String {
    let kind = command.kind();
    match command.practitioner() {
        Some(p) => format!("access/{kind}/{}", p.0),
        None => format!("access/{kind}"),
    }
}

/// Stores the domain's changes of a record's facts in `tx`: a new fact is inserted; an ended
/// one ends every stored row that holds it.
pub(super) async fn store_facts(
    tx: &mut Tx,
    record: &Record,
    changes: &[Change],
) -> Result<(), ApiError> {
    for change in changes {
        match change {
            Change::Add { fact } => {
                tx.insert_fact(&FactRow::from_fact(&record.patient().id, fact))
                    .await?
            }
            Change::End { fact, at } => {
                for row in record.rows() {
                    if row.to_fact()? == *fact {
                        tx.end_fact(&row.id, at.unix_timestamp()).await?;
                    }
                }
            }
            Change::TimePasses { .. } => {}
        }
    }
    Ok(())
}

/// Stores a command's changes, the referral request's outcome and the audit entry, all in one
/// transaction.
async fn store_changes(
    state: &AppState,
    auth: &Authorized,
    command: &AccessCommand,
    changes: &[Change],
    resource: &str,
    client: &ClientAddr,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let record = &auth.record;
    let patient_id = record.patient().id.as_str();
    let mut tx = state.store.begin().await?;
    log_change(&mut tx, state, auth, resource, client).await?;
    store_facts(&mut tx, record, changes).await?;
    let t = now.unix_timestamp();
    match command {
        AccessCommand::ApproveReferrer { practitioner } => {
            tx.close_referral(patient_id, &practitioner.0, "approved", t)
                .await?;
        }
        AccessCommand::RefuseReferrer { practitioner } => {
            tx.close_referral(patient_id, &practitioner.0, "refused", t)
                .await?;
        }
        _ => {}
    }
    tx.commit().await?;
    Ok(())
}

/// Everyone the Toegangen page names: the people the record's facts name, and the practitioners
/// with a pending referral request.
fn named(record: &Record, requests: &[ReferralRow]) -> BTreeSet<Principal> {
    let mut named: BTreeSet<Principal> = principals(&record.facts).into_iter().collect();
    for r in requests {
        named.insert(Principal::Practitioner {
            id: PractitionerId(r.practitioner_id.clone()),
        });
    }
    named
}

/// How the page shows a person: their name (a practitioner's role and workplace too), and how
/// many of the record's reports they can read.
async fn person_card(
    state: &AppState,
    principal: &Principal,
    readable_reports: u32,
) -> Result<PersonCard, ApiError> {
    Ok(match principal {
        Principal::Practitioner { id } => {
            let p = state.store.practitioner(&id.0).await?;
            PersonCard {
                name: p.as_ref().map_or_else(|| id.0.clone(), |p| p.name.clone()),
                role: p.as_ref().and_then(|p| PractitionerRole::parse(&p.role)),
                institution: p.map(|p| p.institution),
                principal: principal.clone(),
                readable_reports,
            }
        }
        Principal::Person { id } => PersonCard {
            name: state
                .store
                .patient_display_name(&id.0)
                .await?
                .unwrap_or_else(|| id.0.clone()),
            role: None,
            institution: None,
            principal: principal.clone(),
            readable_reports,
        },
    })
}

/// The page's data for a record.
async fn access_view(state: &AppState, record: &Record) -> Result<AccessView, ApiError> {
    let now = now(state);
    let patient_id = record.patient().id.as_str();
    let requests = state.store.pending_referrals(patient_id).await?;
    let rows = record.reports();
    let mut people = Vec::new();
    for principal in named(record, &requests) {
        // The same function that answers the person's own report list: the count cannot differ.
        let readable = visible_reports(&state.config.network, record, rows, &principal, now)?.len();
        people.push(
            person_card(
                state,
                &principal,
                u32::try_from(readable).unwrap_or(u32::MAX),
            )
            .await?,
        );
    }
    let instant =
        |s: i64| OffsetDateTime::from_unix_timestamp(s).map_err(|e| ApiError::Internal(e.into()));
    let mut pending = Vec::new();
    for r in requests {
        pending.push(PendingReferral {
            practitioner: PractitionerId(r.practitioner_id),
            reason: r.reason,
            filed_at: instant(r.filed_at)?,
        });
    }
    let mut projects = Vec::new();
    for p in state.store.reuse_projects(patient_id).await? {
        let purpose: ReusePurpose = serde_json::from_value(serde_json::Value::String(p.purpose))
            .map_err(|e| ApiError::Internal(e.into()))?;
        projects.push(ReuseProject {
            name: p.name,
            purpose,
            used_at: instant(p.used_at)?,
        });
    }
    Ok(AccessView {
        now,
        facts: record.facts.clone(),
        people,
        requests: pending,
        projects,
    })
}
