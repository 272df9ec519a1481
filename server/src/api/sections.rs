//! The record's sections beside the reports: results (with one test's values over time), the
//! medical summary, medications and appointments. Each item is decided by the domain crate for
//! the person asking, under its own hospital's settings; hidden items are left out without a
//! trace, and every read is in the audit trail.

use std::collections::HashMap;

use crate::error::{Path, Query};
use axum::extract::State;
use axum::Json;
use inzage_domain::listing::{Entry, Filter, HospitalOption, ListQuery};
use inzage_domain::record::{
    AllergyItem, AppointmentItem, AppointmentList, BloodGroup, LeafletItem, LeafletList,
    MedicalSummary, MedicationItem, MedicationList, PersonalData, ResultSeries, ResultSummary,
    ResultValue, ResultsOverview, RiskItem,
};
use inzage_domain::wire::ErrorBody;
use inzage_domain::{Action, Section};
use time::OffsetDateTime;

use super::record::{authorize, log_read, now, Authorized};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::fhir::ItemDetail;
use crate::network::Network;
use crate::store::{HasFacts, ItemRow, ResultKey};
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

/// The items (rows, or result keys) the person may read, each decided by the domain crate,
/// in their order.
pub(super) fn keep_readable<T: HasFacts>(
    state: &AppState,
    auth: &Authorized,
    user: &CurrentUser,
    items: impl IntoIterator<Item = T>,
) -> Result<Vec<T>, ApiError> {
    let principal = user.principal();
    let at = now(state);
    let mut kept = Vec::new();
    for item in items {
        if auth
            .record
            .decide_item(&state.config.network, &principal, item.facts(), at)?
            .is_permitted()
        {
            kept.push(item);
        }
    }
    Ok(kept)
}

/// The name `row`'s hospital is shown by.
pub(super) fn hospital_name(network: &Network, row: &ItemRow) -> String {
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
///
/// A large record has thousands of values: every one is decided by the domain crate, from the
/// few columns the rules and the overview need; only the latest value of each test on the page
/// is loaded whole.
#[utoipa::path(get, path = "/api/v1/records/{record}/results", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ListQuery),
    responses((status = 200, description = "A page of the record's tests the person may read, each with its latest value among those that pass the filters, most recently measured first; the read is audited", body = ResultsOverview),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 422, description = "A bad day, a period that ends before it starts, a search text that is too long or a bad page", body = ErrorBody)))]
pub async fn results(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<Json<ResultsOverview>, ApiError> {
    let filter = query.validate().map_err(ApiError::Validation)?;
    let auth = authorize(&state, &user, &client, &record, Action::Read, "results").await?;
    let network = &state.config.network;
    let keys = state.store.result_keys_of(&record).await?;
    let cutoffs = network.cutoffs(keys.iter().map(|k| {
        (
            k.hospital_id.as_str(),
            k.report_cutoff.as_deref(),
            k.hospital_name.as_str(),
        )
    }));
    let readable = keep_readable(&state, &auth, &user, &keys)?;
    let hospitals = network.hospital_options(
        readable
            .iter()
            .map(|k| (k.hospital_id.as_str(), k.hospital_name.as_str())),
    );
    let values = passing_values(network, readable, &filter)?;
    let (lines, page) = filter.page(test_lines(values));
    let ids: Vec<&str> = lines.iter().map(|l| l.latest).collect();
    let rows = state.store.items_by_id(&record, &ids).await?;
    let tests = summaries(network, &lines, &rows)?;
    log_read(&state, &auth, "results", &auth.decision, &client).await?;
    Ok(Json(ResultsOverview {
        tests,
        cutoffs,
        page,
        hospitals,
    }))
}

/// The values of readable result `keys` that pass `filter` (its hospital, period and words in
/// the test's or the hospital's name).
pub(super) fn passing_values<'a>(
    network: &Network,
    keys: Vec<&'a ResultKey>,
    filter: &Filter,
) -> Result<Vec<ValueKey<'a>>, ApiError> {
    let mut values = Vec::new();
    for key in keys {
        let date = parse_date(&key.item_date).map_err(internal)?;
        let hospital = network.hospital_name(&key.hospital_id, &key.hospital_name);
        let entry = Entry {
            hospital: &key.hospital_id,
            date,
            texts: &[&key.title, &hospital],
        };
        if let (true, Some(code)) = (filter.admits(&entry), key.code.as_deref()) {
            values.push(ValueKey {
                id: &key.id,
                code,
                name: &key.title,
                date,
                at: seconds(key.starts_at, date),
            });
        }
    }
    Ok(values)
}

/// One value of a test, as the overview ranks them.
pub(super) struct ValueKey<'a> {
    /// The item's id.
    pub id: &'a str,
    /// The test's code.
    pub code: &'a str,
    /// The test's name.
    pub name: &'a str,
    /// The day measured.
    pub date: time::Date,
    /// When measured, Unix seconds.
    pub at: i64,
}

/// One line of the results overview before its latest value is loaded.
pub(super) struct TestLine<'a> {
    /// The test's code.
    pub code: &'a str,
    /// The test's name, as its latest value gives it.
    pub name: &'a str,
    /// The latest value's id.
    pub latest: &'a str,
    /// The latest value's day.
    pub date: time::Date,
    /// The latest value's instant, Unix seconds.
    pub at: i64,
    /// How many values.
    pub count: u32,
}

/// The instant of an item in Unix seconds: its own, else the start of its day (UTC).
fn seconds(starts_at: Option<i64>, day: time::Date) -> i64 {
    starts_at.unwrap_or_else(|| day.midnight().assume_utc().unix_timestamp())
}

/// One line per test among readable `values`, with its latest value (the smallest id on a tie)
/// and how many there are: the most recently measured test first, then by name.
pub(super) fn test_lines<'a>(values: impl IntoIterator<Item = ValueKey<'a>>) -> Vec<TestLine<'a>> {
    let mut lines: Vec<TestLine<'a>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for v in values {
        match index.get(v.code) {
            Some(&i) => {
                let line = &mut lines[i];
                line.count += 1;
                if (v.at, std::cmp::Reverse(v.id)) > (line.at, std::cmp::Reverse(line.latest)) {
                    line.latest = v.id;
                    line.name = v.name;
                    line.date = v.date;
                    line.at = v.at;
                }
            }
            None => {
                index.insert(v.code, lines.len());
                lines.push(TestLine {
                    code: v.code,
                    name: v.name,
                    latest: v.id,
                    date: v.date,
                    at: v.at,
                    count: 1,
                });
            }
        }
    }
    lines.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.name.cmp(b.name)));
    lines
}

/// The overview's lines with their latest values, taken from `rows` (which hold at least each
/// line's latest value).
pub(super) fn summaries(
    network: &Network,
    lines: &[TestLine<'_>],
    rows: &[ItemRow],
) -> Result<Vec<ResultSummary>, ApiError> {
    let by_id: HashMap<&str, &ItemRow> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
    lines
        .iter()
        .map(|line| {
            let row = by_id
                .get(line.latest)
                .ok_or_else(|| internal(anyhow::anyhow!("{} went missing", line.latest)))?;
            Ok(ResultSummary {
                code: line.code.to_owned(),
                name: row.title.clone(),
                category: category(row),
                latest: result_value(network, row)?,
                count: line.count,
            })
        })
        .collect()
}

/// The result lines of readable `rows`, for the printed record: every test, unpaged.
pub(super) fn all_results(
    network: &Network,
    rows: &[ItemRow],
) -> Result<Vec<ResultSummary>, ApiError> {
    let mut values = Vec::new();
    for row in rows {
        if let Some(code) = row.code.as_deref() {
            let date = day(row)?;
            values.push(ValueKey {
                id: &row.id,
                code,
                name: &row.title,
                date,
                at: seconds(row.starts_at, date),
            });
        }
    }
    summaries(network, &test_lines(values), rows)
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
    let mut summary = medical_summary(network, &rows)?;
    summary.statements = super::requests::statements_of(&state, &record).await?;
    summary.e_consults = super::messages::e_consults_of(&state, &record).await?;
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
        statements: Vec::new(),
        e_consults: Vec::new(),
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

/// `GET /records/{record}/personal-data`: the patient's personal data as the hospitals hold them.
#[utoipa::path(get, path = "/api/v1/records/{record}/personal-data", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "Name, birth date, gender, national number, record number and address; whether this person may ask for a correction, and to which hospitals; the read is audited", body = PersonalData),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn personal_data(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<PersonalData>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::Read,
        "personal_data",
    )
    .await?;
    let network = &state.config.network;
    let p = &auth.record.patient();
    let national_number = p
        .insz
        .as_deref()
        .and_then(|n| inzage_domain::Insz::parse(n).ok())
        .map(|n| n.formatted())
        .or_else(|| {
            p.bsn
                .as_deref()
                .and_then(|n| inzage_domain::Bsn::parse(n).ok())
                .map(|n| n.formatted())
        });
    let data = PersonalData {
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        birth_date: auth.record.facts.patient.birth_date,
        gender: p.gender.clone(),
        national_number,
        record_number: p.record_number.clone(),
        postal_address: p.postal_address.clone(),
        may_request_correction: auth.manages(&state, &user),
        hospitals: state
            .store
            .record_hospitals(&record)
            .await?
            .into_iter()
            .map(|(id, imported, _)| HospitalOption {
                name: network.hospital_name(&id, &imported),
                id,
            })
            .collect(),
    };
    log_read(&state, &auth, "personal_data", &auth.decision, &client).await?;
    Ok(Json(data))
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

/// `GET /records/{record}/leaflets`: the patient leaflets the care team linked.
#[utoipa::path(get, path = "/api/v1/records/{record}/leaflets", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "The leaflets the person may read, the most recently linked first; the read is audited", body = LeafletList),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn leaflets(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<LeafletList>, ApiError> {
    let (_, rows) = readable(
        &state,
        &user,
        &client,
        &record,
        Section::Leaflet,
        "leaflets",
    )
    .await?;
    Ok(Json(leaflet_list(&state.config.network, &rows)?))
}

/// The leaflets of `rows` (readable leaflet items), in their order.
pub(super) fn leaflet_list(network: &Network, rows: &[ItemRow]) -> Result<LeafletList, ApiError> {
    let mut leaflets = Vec::new();
    for row in rows {
        if let ItemDetail::Leaflet { url } = row.detail().map_err(internal)? {
            leaflets.push(LeafletItem {
                id: row.id.clone(),
                title: row.title.clone(),
                linked: day(row)?,
                url,
                hospital: hospital_name(network, row),
            });
        }
    }
    Ok(LeafletList { leaflets })
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
    let (auth, rows) = readable(
        &state,
        &user,
        &client,
        &record,
        Section::Appointment,
        "appointments",
    )
    .await?;
    let mut list = appointment_list(&state.config.network, &rows, now(&state))?;
    super::appointments::offer_changes(&state, &auth, &user, &rows, &mut list);
    Ok(Json(list))
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
        can_book: false,
    };
    for row in rows {
        if let ItemDetail::Appointment {
            location,
            practitioner,
            video,
            ..
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
                video,
                hospital: hospital_name(network, row),
                changes: Vec::new(),
                change_closed: None,
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
