//! FHIR R4 export: `GET /fhir/Patient/{id}/$everything` gives exactly what the person may see
//! of a record as a Bundle, for the patient's own health apps.

use crate::error::Path;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use inzage_domain::wire::ErrorBody;
use inzage_domain::Action;

use super::record::{authorize, log_read, now};
use super::sections::keep_readable;
use super::{ClientAddr, CurrentUser};
use crate::error::ApiError;
use crate::fhir::export::Export;
use crate::AppState;

/// Today's date, for the file name.
fn at_day(state: &AppState) -> time::Date {
    now(state).date()
}

/// `GET /fhir/Patient/{id}/$everything`.
#[utoipa::path(get, path = "/api/v1/fhir/Patient/{id}/$everything", tag = "record", security(("session" = [])),
    params(("id" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "A FHIR R4 Bundle (searchset) of the Patient, the hospitals named, and every report, result, allergy, risk, medication and appointment the person may read; the read is audited", body = Object, content_type = "application/fhir+json"),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn everything(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Response, ApiError> {
    const RESOURCE: &str = "fhir/everything";
    let auth = authorize(&state, &user, &client, &record, Action::Read, RESOURCE).await?;
    let network = &state.config.network;
    let principal = user.principal();
    let at = now(&state);
    let mut reports = Vec::new();
    for row in auth.record.reports() {
        if auth
            .record
            .decide_report(network, &principal, row, at)?
            .is_permitted()
        {
            reports.push(row.clone());
        }
    }
    let items = keep_readable(
        &state,
        &auth,
        &user,
        state.store.all_items_of(&record).await?,
    )?;
    let mut hospitals: Vec<(String, String)> = Vec::new();
    let named = reports
        .iter()
        .map(|r| (&r.hospital_id, &r.hospital_name))
        .chain(items.iter().map(|i| (&i.hospital_id, &i.hospital_name)));
    for (id, imported) in named {
        if !hospitals.iter().any(|(h, _)| h == id) {
            hospitals.push((id.clone(), network.hospital_name(id, imported)));
        }
    }
    let base = state.config.public_url();
    let mut documents = std::collections::HashMap::new();
    for r in &reports {
        let mut docs = Vec::new();
        for (index, ..) in state.store.report_documents(&r.id).await? {
            if let Some((title, media_type, _, data)) =
                state.store.report_document(&r.id, index).await?
            {
                docs.push((title, media_type, data));
            }
        }
        if !docs.is_empty() {
            documents.insert(r.id.clone(), docs);
        }
    }
    let bundle = Export {
        base: &base,
        patient: auth.record.patient(),
        hospitals,
        reports: &reports,
        items: &items,
        documents: &documents,
    }
    .bundle();
    log_read(&state, &auth, RESOURCE, &auth.decision, &client).await?;
    let body = serde_json::to_vec(&bundle).map_err(|e| ApiError::Internal(e.into()))?;
    let file = format!(
        "attachment; filename=\"inzage-{}.fhir.json\"",
        at_day(&state)
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/fhir+json".to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
            (header::CONTENT_DISPOSITION, file),
        ],
        body,
    )
        .into_response())
}
