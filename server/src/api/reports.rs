//! A record's reports: the list and one report, each report decided by the domain crate for
//! the person asking, under its own hospital's settings.

use crate::error::{Path, Query};
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use inzage_domain::listing::{Entry, ListQuery};
use inzage_domain::wire::{
    ErrorBody, HospitalContact, ReportDetail, ReportDocument, ReportList, ReportSummary, ResultLine,
};
use inzage_domain::{Action, Principal};
use time::OffsetDateTime;

use super::record::{authorize, log_read, now, Authorized, Record};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::network::Network;
use crate::store::{ReportRow, Subject};
use crate::AppState;

/// The name a report's hospital is shown with.
fn hospital_name(network: &Network, row: &ReportRow) -> String {
    network.hospital_name(&row.hospital_id, &row.hospital_name)
}

/// The logged-in patient's own record (a care provider has none).
fn own_record(user: &CurrentUser) -> Result<String, ApiError> {
    match &user.subject {
        Subject::Patient(id) => Ok(id.clone()),
        Subject::Practitioner(_) | Subject::Staff(_) => Err(ApiError::NotFound),
    }
}

/// `GET /reports`: the patient's own reports.
#[utoipa::path(get, path = "/api/v1/reports", tag = "record", security(("session" = [])),
    params(ListQuery),
    responses((status = 200, description = "A page of the patient's own readable reports that pass the filters, newest first", body = ReportList), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "A care provider has no record of their own", body = ErrorBody),
        (status = 422, description = "A bad day, a period that ends before it starts, a search text that is too long or a bad page", body = ErrorBody)))]
pub async fn own_reports(
    state: State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    query: Query<ListQuery>,
) -> Result<Json<ReportList>, ApiError> {
    let record = own_record(&user)?;
    record_reports(state, user, client, Path(record), query).await
}

/// `GET /reports/{id}`: one of the patient's own reports.
#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "record", security(("session" = [])),
    params(("id" = String, Path, description = "The report id")),
    responses((status = 200, description = "One of the patient's own reports", body = ReportDetail), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such report, or not one the patient may read (the same answer)", body = ErrorBody)))]
pub async fn own_report(
    state: State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(id): Path<String>,
) -> Result<Json<ReportDetail>, ApiError> {
    let record = own_record(&user)?;
    record_report(state, user, client, Path((record, id))).await
}

/// `GET /records/{record}/reports`: the reports of a record the person may read.
#[utoipa::path(get, path = "/api/v1/records/{record}/reports", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ListQuery),
    responses((status = 200, description = "A page of the record's reports the person may read and that pass the filters, each decided by the domain crate, newest first; the read is audited", body = ReportList), (status = 401, description = "No valid session", body = ErrorBody), (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 422, description = "A bad day, a period that ends before it starts, a search text that is too long or a bad page", body = ErrorBody)))]
pub async fn record_reports(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<Json<ReportList>, ApiError> {
    let filter = query.validate().map_err(ApiError::Validation)?;
    let auth = authorize(&state, &user, &client, &record, Action::Read, "reports").await?;
    let rows = auth.record.reports();
    let network = &state.config.network;
    let visible = visible_reports(network, &auth.record, rows, &user.principal(), now(&state))?;
    let cutoffs = network.cutoffs(rows.iter().map(|r| {
        (
            r.hospital_id.as_str(),
            r.report_cutoff.as_deref(),
            r.hospital_name.as_str(),
        )
    }));
    let hospitals = network.hospital_options(
        visible
            .iter()
            .map(|(row, _)| (row.hospital_id.as_str(), row.hospital_name.as_str())),
    );
    let passing: Vec<ReportSummary> = visible
        .into_iter()
        .filter(|(row, summary)| {
            filter.admits(&Entry {
                hospital: &row.hospital_id,
                date: summary.date,
                texts: &[
                    &summary.title,
                    summary.category.as_deref().unwrap_or_default(),
                    &summary.hospital,
                ],
            })
        })
        .map(|(_, summary)| summary)
        .collect();
    let (reports, page) = filter.page(passing);
    log_read(&state, &auth, "reports", &auth.decision, &client).await?;
    Ok(Json(ReportList {
        reports,
        cutoffs,
        page,
        hospitals,
    }))
}

/// Which of a record's report `rows` (as `Store::reports_for_patient` gives them, newest first)
/// `principal` may read at `now`, each decided under its hospital's settings, as the list shows
/// them. The caller loads the rows once, however many people it asks about.
pub fn visible_reports<'a>(
    network: &Network,
    record: &Record,
    rows: &'a [ReportRow],
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Vec<(&'a ReportRow, ReportSummary)>, ApiError> {
    let mut reports = Vec::new();
    for row in rows {
        if record
            .decide_report(network, principal, row, now)?
            .is_permitted()
        {
            reports.push((
                row,
                ReportSummary {
                    date: parse_date(&row.report_date).map_err(|e| ApiError::Internal(e.into()))?,
                    id: row.id.clone(),
                    title: row.title.clone(),
                    category: row.category.clone(),
                    hospital: hospital_name(network, row),
                },
            ));
        }
    }
    Ok(reports)
}

/// The rows of `rows` (newest first) that `principal` may read at `now`, each decided under its
/// hospital's settings.
pub fn readable_rows(
    network: &Network,
    record: &Record,
    rows: &[ReportRow],
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Vec<ReportRow>, ApiError> {
    let mut readable = Vec::new();
    for row in rows {
        if record
            .decide_report(network, principal, row, now)?
            .is_permitted()
        {
            readable.push(row.clone());
        }
    }
    Ok(readable)
}

/// `GET /records/{record}/reports/{id}`: one report, if the person may read it; 404 otherwise,
/// the same as for a report that does not exist.
#[utoipa::path(get, path = "/api/v1/records/{record}/reports/{id}", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The report id")),
    responses((status = 200, description = "One report; the read is audited", body = ReportDetail), (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such report or record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn record_report(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Json<ReportDetail>, ApiError> {
    let (_, report) = read_report(&state, &user, &client, &record, &id, "").await?;
    Ok(Json(report))
}

/// Reads one report of a record for the session's person: the record decided first, then the
/// report under its hospital's settings; the read, allowed or not, is written to the audit trail
/// as `report/{id}` plus `suffix` before anything is returned. A report the person may not read
/// answers 404, exactly like a missing one.
pub async fn read_report(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record: &str,
    id: &str,
    suffix: &str,
) -> Result<(Authorized, ReportDetail), ApiError> {
    let resource = format!("report/{id}{suffix}");
    let auth = authorize(state, user, client, record, Action::Read, &resource).await?;
    let row = state
        .store
        .report(id)
        .await?
        .filter(|r| r.patient_id == record)
        .ok_or(ApiError::NotFound)?;
    let network = &state.config.network;
    let decision = auth
        .record
        .decide_report(network, &user.principal(), &row, now(state))?;
    log_read(state, &auth, &resource, &decision, client).await?;
    if !decision.is_permitted() {
        return Err(ApiError::NotFound);
    }
    let mut report = detail_of(network, row)?;
    report.documents = documents_of(state, id).await?;
    Ok((auth, report))
}

/// The documents a report carries, in their order (without their bytes).
pub async fn documents_of(state: &AppState, id: &str) -> Result<Vec<ReportDocument>, ApiError> {
    Ok(state
        .store
        .report_documents(id)
        .await?
        .into_iter()
        .map(|(index, title, media_type, size)| ReportDocument {
            index: u32::try_from(index).unwrap_or(0),
            title,
            media_type,
            size: u64::try_from(size).unwrap_or(0),
        })
        .collect())
}

/// The bytes and media type of a report's document, checked against the hash it was stored
/// with; 404 when there is no such document.
pub async fn document_bytes(
    state: &AppState,
    id: &str,
    index: i64,
) -> Result<(String, Vec<u8>), ApiError> {
    let (_, media_type, hash, bytes) = state
        .store
        .report_document(id, index)
        .await?
        .ok_or(ApiError::NotFound)?;
    if crate::upload::sha256(&bytes) != hash {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "document {index} of report {id} does not match its hash"
        )));
    }
    Ok((media_type, bytes))
}

/// `GET /records/{record}/reports/{id}/documents/{index}`: a document the report carries, if
/// the person may read the report; 404 otherwise, like a missing one.
#[utoipa::path(get, path = "/api/v1/records/{record}/reports/{id}/documents/{index}", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The report id"),
        ("index" = i64, Path, description = "The document's place (1, 2, 3…)")),
    responses((status = 200, description = "The document as the hospital sent it; the read is audited", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such document, report or record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn report_document(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id, index)): Path<(String, String, i64)>,
) -> Result<Response, ApiError> {
    read_report(
        &state,
        &user,
        &client,
        &record,
        &id,
        &format!("/document/{index}"),
    )
    .await?;
    let (media_type, bytes) = document_bytes(&state, &id, index).await?;
    Ok(super::requests::file_response(
        bytes,
        &media_type,
        &format!("document-{index}"),
    ))
}

/// A report row as the API and the printed record show it.
pub fn detail_of(network: &Network, row: ReportRow) -> Result<ReportDetail, ApiError> {
    let hospital = hospital_name(network, &row);
    let results: Vec<ResultLine> =
        serde_json::from_str(&row.results_json).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(ReportDetail {
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
        documents: Vec::new(),
    })
}
