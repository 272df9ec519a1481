//! Downloads of the record as PDF: one report, or every report the person may read. Each is
//! decided exactly like the JSON endpoints (the record, then every report under its hospital's
//! settings) and written to the audit trail before the document leaves the server.

use crate::error::Path;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use inzage_domain::calendar::TimeZone;
use inzage_domain::wire::{ErrorBody, ReportDetail};
use inzage_domain::{Action, Section};
use inzage_i18n::{Language, Translator};
use time::Date;

use super::record::{authorize, log_read, now, Record};
use super::reports::{detail_of, read_report, readable_rows};
use super::sections::{
    all_results, appointment_list, keep_readable, leaflet_list, medical_summary, medication_list,
};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::language::translator;
use crate::recordpdf::{
    appointments_item, file_name, leaflets_item, medications_item, report_item, results_item,
    summary_item, Patient, RecordPdf,
};
use crate::store::{section_name, ItemRow};
use crate::AppState;

/// The patient as the printed pages name them.
fn patient_of(record: &Record) -> Patient {
    Patient {
        name: record.patient().display_name(),
        birth_date: record
            .patient()
            .birth_date
            .as_deref()
            .and_then(|d| parse_date(d).ok()),
    }
}

/// Today in Belgium and the Netherlands (the same local time).
fn today(state: &AppState) -> Date {
    let t = now(state);
    t.to_offset(TimeZone::EuropeBrussels.offset_at(t)).date()
}

/// The answer: the document as an attachment under a plain ASCII name, never cached.
fn pdf_response(pdf: Vec<u8>, name: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        pdf,
    )
        .into_response()
}

/// Writes the document on tokio's blocking pool: laying out and subsetting the fonts of a long
/// record takes a while.
async fn render(
    f: impl FnOnce(Translator) -> anyhow::Result<Vec<u8>> + Send + 'static,
    language: Language,
) -> Result<Vec<u8>, ApiError> {
    tokio::task::spawn_blocking(move || f(Translator::new(language)))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)
}

/// `GET /records/{record}/reports/{id}/pdf`: one report as a PDF.
#[utoipa::path(get, path = "/api/v1/records/{record}/reports/{id}/pdf", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ("id" = String, Path, description = "The report id")),
    responses((status = 200, description = "The report as a PDF in the person's language, as an attachment; the download is audited", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such report or record, or not one the person may read (the same answer as the JSON report)", body = ErrorBody)))]
pub async fn report_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (auth, report) = read_report(&state, &user, &client, &record, &id, "/pdf").await?;
    let language = translator().language();
    let patient = patient_of(&auth.record);
    let printed = today(&state);
    let prefix = Translator::new(language)
        .text("pdf.file.report", &[])
        .unwrap_or_default();
    let name = file_name(&[&prefix, &report.date.to_string(), &report.title]);
    let pdf = render(
        move |t| {
            let item = report_item(&t, &report);
            RecordPdf::new(t.language(), patient, printed).single(&item)
        },
        language,
    )
    .await?;
    Ok(pdf_response(pdf, &name))
}

/// `GET /records/{record}/pdf`: every report of the record the person may read, newest first,
/// after a table of contents.
#[utoipa::path(get, path = "/api/v1/records/{record}/pdf", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "Every report of the record the person may read (each decided by the domain crate, as in the list), newest first, each on a new page after a table of contents, as a PDF in the person's language; the download is audited", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn record_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Response, ApiError> {
    let resource = "record/pdf";
    let auth = authorize(&state, &user, &client, &record, Action::Read, resource).await?;
    let network = &state.config.network;
    let rows = auth.record.reports();
    let reports: Vec<ReportDetail> =
        readable_rows(network, &auth.record, rows, &user.principal(), now(&state))?
            .into_iter()
            .map(|row| detail_of(network, row))
            .collect::<Result<_, _>>()?;
    // The other sections, each item decided like on its own page.
    let items = state.store.all_items_of(&record).await?;
    let items = keep_readable(&state, &auth, &user, items)?;
    let of = |section: Section| -> Vec<ItemRow> {
        items
            .iter()
            .filter(|i| i.section == section_name(section))
            .cloned()
            .collect()
    };
    let results = all_results(network, &of(Section::Result))?;
    let mut summary_rows = of(Section::Allergy);
    summary_rows.extend(of(Section::BloodGroup));
    summary_rows.extend(of(Section::Risk));
    let mut summary = medical_summary(network, &summary_rows)?;
    summary.statements = super::requests::statements_of(&state, &record).await?;
    summary.e_consults = super::messages::e_consults_of(&state, &record).await?;
    let medications = medication_list(network, &of(Section::Medication))?;
    let appointments = appointment_list(network, &of(Section::Appointment), now(&state))?;
    let leaflets = leaflet_list(network, &of(Section::Leaflet))?;
    log_read(&state, &auth, resource, &auth.decision, &client).await?;
    let language = translator().language();
    let patient = patient_of(&auth.record);
    let printed = today(&state);
    let prefix = Translator::new(language)
        .text("pdf.file.record", &[])
        .unwrap_or_default();
    let name = file_name(&[&prefix, &patient.name, &printed.to_string()]);
    let pdf = render(
        move |t| {
            let items = reports.iter().map(|r| report_item(&t, r)).collect();
            let title = |key: &str| t.text(key, &[]).unwrap_or_default();
            RecordPdf::new(t.language(), patient, printed)
                .section(title("pdf.section.reports"), items)
                .section(title("results.title"), vec![results_item(&t, &results)])
                .section(title("summary.title"), vec![summary_item(&t, &summary)])
                .section(
                    title("medications.title"),
                    vec![medications_item(&t, &medications)],
                )
                .section(
                    title("appointments.title"),
                    vec![appointments_item(&t, &appointments)],
                )
                .section(title("leaflets.title"), vec![leaflets_item(&t, &leaflets)])
                .finish()
        },
        language,
    )
    .await?;
    Ok(pdf_response(pdf, &name))
}
