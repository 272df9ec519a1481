//! "Wie bekeek mijn dossier": the record's audit trail, newest first, paged and filtered.

use crate::error::{Path, Query};
use axum::extract::State;
use axum::Json;
use inzage_domain::calendar::parse_iso_date;
use inzage_domain::wire::{AuditEntry, AuditPage, ErrorBody, FieldErrors};
use inzage_domain::{Action, Message, PersonId, PractitionerId, Principal};
use serde::Deserialize;
use time::OffsetDateTime;

use super::record::{authorize, log_read};
use super::{ClientAddr, CurrentUser};
use crate::error::ApiError;
use crate::store::{AuditQuery, AuditRow};
use crate::AppState;

/// The most entries one page holds.
pub const PAGE_MAX: i64 = 200;

/// The query string of `GET /records/{record}/audit`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Only entries older than this sequence number (the next page).
    before: Option<i64>,
    /// From this local day (`YYYY-MM-DD`), inclusive.
    from: Option<String>,
    /// Until this local day (`YYYY-MM-DD`), inclusive.
    until: Option<String>,
    /// Only this person's or practitioner's entries.
    actor: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<i64>,
}

/// `GET /records/{record}/audit`: for whoever manages the record's access.
#[utoipa::path(get, path = "/api/v1/records/{record}/audit", tag = "audit", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), Params),
    responses((status = 200, description = "A page of the record's audit trail, newest first", body = AuditPage), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not manage its access", body = ErrorBody),
        (status = 422, description = "A bad date, a period that ends before it starts, or a bad page size", body = ErrorBody), (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(params): Query<Params>,
) -> Result<Json<AuditPage>, ApiError> {
    let tz = state
        .config
        .network
        .record_policy(&state.store.report_hospitals(&record).await?)
        .time_zone;
    let mut errors = FieldErrors::default();
    let mut day = |field: &str, value: &Option<String>| {
        value.as_deref().filter(|v| !v.is_empty()).and_then(|v| {
            let parsed = parse_iso_date(v);
            if parsed.is_none() {
                errors.add(field, Message::new("audit.bad_date"));
            }
            parsed
        })
    };
    let from = day("from", &params.from);
    let until = day("until", &params.until);
    let limit = params.limit.unwrap_or(50);
    if !(1..=PAGE_MAX).contains(&limit) {
        errors.add(
            "limit",
            Message::new("audit.bad_limit").arg("max", PAGE_MAX.to_string()),
        );
    }
    if let (Some(f), Some(u)) = (from, until) {
        if u < f {
            errors.add("until", Message::new("audit.until_before_from"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        "audit",
    )
    .await?;
    let query = AuditQuery {
        before: params.before,
        from: from.map(|d| tz.start_of_day(d).unix_timestamp()),
        until: until
            .and_then(|d| d.next_day())
            .map(|d| tz.start_of_day(d).unix_timestamp()),
        actor_id: params.actor.filter(|a| !a.is_empty()),
        limit: limit + 1,
    };
    let mut rows = state.store.audit_entries(&record, &query).await?;
    let more = i64::try_from(rows.len()).unwrap_or(i64::MAX) > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    let next_before = if more {
        rows.last().map(|r| r.seq)
    } else {
        None
    };
    let entries = rows
        .into_iter()
        .map(entry_of)
        .collect::<Result<Vec<_>, _>>()?;
    log_read(&state, &auth, "audit", &auth.decision, &client).await?;
    Ok(Json(AuditPage {
        entries,
        next_before,
    }))
}

fn entry_of(stored: AuditRow) -> Result<AuditEntry, ApiError> {
    let seq = stored.seq;
    let row = stored.entry;
    let actor = match row.actor_kind.as_str() {
        "practitioner" => Principal::Practitioner {
            id: PractitionerId(row.actor_id),
        },
        _ => Principal::Person {
            id: PersonId(row.actor_id),
        },
    };
    let permitted = row.outcome == "permit";
    // A refused read of one report says only that the report was not available: its true
    // reason (shielded, not yet validated) stays in the trail for the hospital, but the
    // patient's page must not reveal that a shielded report exists.
    let reasons = if !permitted && row.resource.starts_with("report/") {
        vec![Message::new("reason.report_not_available")]
    } else {
        serde_json::from_str(&row.reasons).map_err(|e| ApiError::Internal(e.into()))?
    };
    Ok(AuditEntry {
        seq,
        at: OffsetDateTime::from_unix_timestamp(row.at)
            .map_err(|e| ApiError::Internal(e.into()))?,
        actor,
        actor_name: row.actor_name,
        actor_role: row.actor_role,
        action: row.action,
        resource: if row.resource.starts_with("report/") && !permitted {
            "report".into()
        } else {
            row.resource
        },
        permitted,
        reasons,
    })
}
