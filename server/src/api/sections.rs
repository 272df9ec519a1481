//! The record's sections beside the reports: results (with one test's values over time), the
//! medical summary, medications and appointments. Each item is decided by the domain crate for
//! the person asking, under its own hospital's settings; hidden items are left out without a
//! trace, and every read is in the audit trail.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::Json;
use inzage_domain::record::{
    AllergyItem, AppointmentItem, AppointmentList, BloodGroup, MedicalSummary, MedicationItem,
    MedicationList, ResultSeries, ResultSummary, ResultValue, ResultsOverview, RiskItem,
};
use inzage_domain::wire::{ErrorBody, HospitalCutoff};
use inzage_domain::{Action, Section};
use time::OffsetDateTime;

use super::record::{authorize, log_read, now, Authorized};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::fhir::ItemDetail;
use crate::network::Network;
use crate::store::ItemRow;
use crate::AppState;

/// The items of `section` the person may read, newest first, the read audited as `resource`.
async fn readable(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record: &str,
    section: Section,
    resource: &str,
) -> Result<(Authorized, Vec<ItemRow>), ApiError> {
    let auth = authorize(state, user, client, record, Action::Read, resource).await?;
    let rows = state.store.items_of(record, section).await?;
    let rows = keep_readable(state, &auth, user, rows)?;
    log_read(state, &auth, resource, &auth.decision, client).await?;
    Ok((auth, rows))
}

pub(super) fn keep_readable(
    state: &AppState,
    auth: &Authorized,
    user: &CurrentUser,
    rows: Vec<ItemRow>,
) -> Result<Vec<ItemRow>, ApiError> {
    let principal = user.principal();
    let at = now(state);
    let mut kept = Vec::with_capacity(rows.len());
    for row in rows {
        if auth
            .record
            .decide_item(&state.config.network, &principal, &row, at)?
            .is_permitted()
        {
            kept.push(row);
        }
    }
    Ok(kept)
}

fn hospital_name(network: &Network, row: &ItemRow) -> String {
    network.hospital_name(&row.hospital_id, &row.hospital_name)
}

fn internal(e: impl Into<anyhow::Error>) -> ApiError {
    ApiError::Internal(e.into())
}

fn day(row: &ItemRow) -> Result<time::Date, ApiError> {
    parse_date(&row.item_date).map_err(internal)
}

fn instant(seconds: Option<i64>, row: &ItemRow) -> Result<OffsetDateTime, ApiError> {
    match seconds {
        Some(s) => OffsetDateTime::from_unix_timestamp(s).map_err(internal),
        None => Ok(day(row)?.midnight().assume_utc()),
    }
}

fn end_day(row: &ItemRow) -> Result<Option<time::Date>, ApiError> {
    row.ends_at
        .map(|s| OffsetDateTime::from_unix_timestamp(s).map(|t| t.date()))
        .transpose()
        .map_err(internal)
}

fn result_value(network: &Network, row: &ItemRow) -> Result<ResultValue, ApiError> {
    let ItemDetail::Result(d) = row.detail().map_err(internal)? else {
        return Err(internal(anyhow::anyhow!("{} is not a result", row.id)));
    };
    Ok(ResultValue {
        id: row.id.clone(),
        at: instant(row.starts_at, row)?,
        value: d.value,
        number: d.number,
        unit: d.unit,
        range: d.range,
        range_text: d.range_text,
        flag: d.flag,
        hospital: hospital_name(network, row),
    })
}

fn category(row: &ItemRow) -> Option<String> {
    match row.detail() {
        Ok(ItemDetail::Result(d)) => d.category,
        _ => None,
    }
}

/// `GET /records/{record}/results`: one line per test with its latest value.
#[utoipa::path(get, path = "/api/v1/records/{record}/results", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The record's tests the person may read, each with its latest value, most recently measured first; the read is audited", body = ResultsOverview),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn results(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<ResultsOverview>, ApiError> {
    let auth = authorize(&state, &user, &client, &record, Action::Read, "results").await?;
    let all = state.store.items_of(&record, Section::Result).await?;
    let cutoffs = cutoffs_of(&state.config.network, &all);
    let rows = keep_readable(&state, &auth, &user, all)?;
    let overview = results_overview(&state.config.network, &rows, cutoffs)?;
    log_read(&state, &auth, "results", &auth.decision, &client).await?;
    Ok(Json(overview))
}

/// The cutoff dates of the hospitals of `rows`, to explain why older results are missing.
fn cutoffs_of(network: &Network, rows: &[ItemRow]) -> Vec<HospitalCutoff> {
    network.cutoffs(rows.iter().map(|r| {
        (
            r.hospital_id.as_str(),
            r.report_cutoff.as_deref(),
            r.hospital_name.as_str(),
        )
    }))
}

/// One line per test of readable result `rows` (newest first), its latest value first.
pub(super) fn results_overview(
    network: &Network,
    rows: &[ItemRow],
    cutoffs: Vec<HospitalCutoff>,
) -> Result<ResultsOverview, ApiError> {
    let mut tests: Vec<ResultSummary> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let Some(code) = row.code.clone() else {
            continue;
        };
        match index.get(&code) {
            Some(&i) => tests[i].count += 1,
            None => {
                index.insert(code.clone(), tests.len());
                tests.push(ResultSummary {
                    code,
                    name: row.title.clone(),
                    category: category(row),
                    latest: result_value(network, row)?,
                    count: 1,
                });
            }
        }
    }
    tests.sort_by(|a, b| b.latest.at.cmp(&a.latest.at).then(a.name.cmp(&b.name)));
    Ok(ResultsOverview { tests, cutoffs })
}

/// `GET /records/{record}/results/{code}`: one test's values over time.
#[utoipa::path(get, path = "/api/v1/records/{record}/results/{code}", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("code" = String, Path, description = "The test's code, e.g. the LOINC code 2339-0")),
    responses((status = 200, description = "The values of one test the person may read, oldest first; the read is audited", body = ResultSeries),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record or test, or nothing of it the person may read (the same answer)", body = ErrorBody)))]
pub async fn result_series(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, code)): Path<(String, String)>,
) -> Result<Json<ResultSeries>, ApiError> {
    let resource = format!("results/{code}");
    let auth = authorize(&state, &user, &client, &record, Action::Read, &resource).await?;
    let rows = state.store.results_of(&record, &code).await?;
    let rows = keep_readable(&state, &auth, &user, rows)?;
    log_read(&state, &auth, &resource, &auth.decision, &client).await?;
    let latest = rows.last().ok_or(ApiError::NotFound)?;
    let network = &state.config.network;
    Ok(Json(ResultSeries {
        code,
        name: latest.title.clone(),
        category: category(latest),
        values: rows
            .iter()
            .map(|r| result_value(network, r))
            .collect::<Result<_, _>>()?,
    }))
}

/// `GET /records/{record}/summary`: allergies, blood group and risks.
#[utoipa::path(get, path = "/api/v1/records/{record}/summary", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The allergies, blood group and risks the person may read; the read is audited", body = MedicalSummary),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<MedicalSummary>, ApiError> {
    let auth = authorize(&state, &user, &client, &record, Action::Read, "summary").await?;
    let network = &state.config.network;
    let mut rows = Vec::new();
    for section in [Section::Allergy, Section::BloodGroup, Section::Risk] {
        rows.extend(state.store.items_of(&record, section).await?);
    }
    let rows = keep_readable(&state, &auth, &user, rows)?;
    let summary = medical_summary(network, &rows)?;
    log_read(&state, &auth, "summary", &auth.decision, &client).await?;
    Ok(Json(summary))
}

/// Allergies, blood group and risks from readable `rows` (newest first).
pub(super) fn medical_summary(
    network: &Network,
    rows: &[ItemRow],
) -> Result<MedicalSummary, ApiError> {
    let mut summary = MedicalSummary {
        allergies: Vec::new(),
        blood_group: None,
        risks: Vec::new(),
    };
    for row in rows {
        match row.detail().map_err(internal)? {
            ItemDetail::Allergy {
                category,
                criticality,
                clinical_status,
            } => summary.allergies.push(AllergyItem {
                id: row.id.clone(),
                name: row.title.clone(),
                category,
                criticality,
                clinical_status,
                recorded: day(row)?,
                hospital: hospital_name(network, row),
            }),
            // Rows come newest first: the first blood group is the latest.
            ItemDetail::BloodGroup { value } if summary.blood_group.is_none() => {
                summary.blood_group = Some(BloodGroup {
                    value,
                    determined: day(row)?,
                    hospital: hospital_name(network, row),
                });
            }
            ItemDetail::Risk { clinical_status } => summary.risks.push(RiskItem {
                id: row.id.clone(),
                name: row.title.clone(),
                clinical_status,
                onset: day(row)?,
                ended: end_day(row)?,
                hospital: hospital_name(network, row),
            }),
            _ => {}
        }
    }
    let inactive = |status: &Option<String>| {
        !matches!(
            status.as_deref(),
            None | Some("active" | "recurrence" | "relapse")
        )
    };
    // Active first; the sort is stable, so each group stays newest first.
    summary
        .allergies
        .sort_by_key(|a| inactive(&a.clinical_status));
    summary.risks.sort_by_key(|r| inactive(&r.clinical_status));
    Ok(summary)
}

/// `GET /records/{record}/medications`: current and past medications.
#[utoipa::path(get, path = "/api/v1/records/{record}/medications", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The medications the person may read, current ones first; the read is audited", body = MedicationList),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn medications(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<MedicationList>, ApiError> {
    let (_, rows) = readable(
        &state,
        &user,
        &client,
        &record,
        Section::Medication,
        "medications",
    )
    .await?;
    Ok(Json(medication_list(&state.config.network, &rows)?))
}

/// The medications of readable `rows` (newest first), current ones first.
pub(super) fn medication_list(
    network: &Network,
    rows: &[ItemRow],
) -> Result<MedicationList, ApiError> {
    let mut medications = Vec::new();
    for row in rows {
        if let ItemDetail::Medication {
            dosage,
            current,
            prescriber,
        } = row.detail().map_err(internal)?
        {
            medications.push(MedicationItem {
                id: row.id.clone(),
                name: row.title.clone(),
                dosage,
                current,
                status: row.fhir_status.clone(),
                start: day(row)?,
                end: end_day(row)?,
                prescriber,
                hospital: hospital_name(network, row),
            });
        }
    }
    medications.sort_by_key(|m| !m.current);
    Ok(MedicationList { medications })
}

/// `GET /records/{record}/appointments`: upcoming and past appointments.
#[utoipa::path(get, path = "/api/v1/records/{record}/appointments", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The appointments and visits the person may read: upcoming soonest first, past latest first; the read is audited", body = AppointmentList),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn appointments(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<AppointmentList>, ApiError> {
    let (_, rows) = readable(
        &state,
        &user,
        &client,
        &record,
        Section::Appointment,
        "appointments",
    )
    .await?;
    Ok(Json(appointment_list(
        &state.config.network,
        &rows,
        now(&state),
    )?))
}

/// The appointments of readable `rows`: upcoming (ending at or after `at`) soonest first, past
/// ones latest first.
pub(super) fn appointment_list(
    network: &Network,
    rows: &[ItemRow],
    at: OffsetDateTime,
) -> Result<AppointmentList, ApiError> {
    let mut list = AppointmentList {
        upcoming: Vec::new(),
        past: Vec::new(),
    };
    for row in rows {
        if let ItemDetail::Appointment {
            location,
            practitioner,
        } = row.detail().map_err(internal)?
        {
            let item = AppointmentItem {
                id: row.id.clone(),
                description: row.title.clone(),
                start: instant(row.starts_at, row)?,
                end: row
                    .ends_at
                    .map(OffsetDateTime::from_unix_timestamp)
                    .transpose()
                    .map_err(internal)?,
                status: row.fhir_status.clone(),
                location,
                practitioner,
                hospital: hospital_name(network, row),
            };
            if item.end.unwrap_or(item.start) >= at {
                list.upcoming.push(item);
            } else {
                list.past.push(item);
            }
        }
    }
    list.upcoming.sort_by_key(|a| a.start);
    list.past.sort_by_key(|a| std::cmp::Reverse(a.start));
    Ok(list)
}
