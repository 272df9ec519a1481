//! Search across the record: reports (their title, kind, conclusion and text), tests, allergies,
//! the blood group, risks, medications and appointments, filtered by hospital and period. Every
//! entry is decided by the domain crate first, exactly as on its own page, so a search finds
//! nothing its person could not open.

use std::collections::HashMap;

use crate::error::{Path, Query};
use axum::extract::State;
use axum::Json;
use inzage_domain::listing::{Entry, ListQuery};
use inzage_domain::record::{HitKind, SearchHit, SearchResults};
use inzage_domain::wire::ErrorBody;
use inzage_domain::{Action, Section};

use super::record::{authorize, log_read, now};
use super::reports::visible_reports;
use super::sections::{hospital_name, keep_readable, passing_values, test_lines};
use super::{ClientAddr, CurrentUser};
use crate::config::parse_date;
use crate::error::ApiError;
use crate::store::ResultKey;
use crate::AppState;

/// The sections searched item by item (results are searched by test).
const ITEM_SECTIONS: [Section; 6] = [
    Section::Allergy,
    Section::BloodGroup,
    Section::Risk,
    Section::Medication,
    Section::Appointment,
    Section::Leaflet,
];

fn kind_of(section: Section) -> HitKind {
    match section {
        Section::Result => HitKind::Result,
        Section::Allergy => HitKind::Allergy,
        Section::BloodGroup => HitKind::BloodGroup,
        Section::Risk => HitKind::Risk,
        Section::Medication => HitKind::Medication,
        Section::Appointment => HitKind::Appointment,
        Section::Leaflet => HitKind::Leaflet,
    }
}

/// `GET /records/{record}/search`: what in the record matches words, a hospital and a period.
#[utoipa::path(get, path = "/api/v1/records/{record}/search", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), ListQuery),
    responses((status = 200, description = "A page of what the person may read that holds every word (in any case, with or without accents) and lies in the hospital and period asked, newest first; a test counts once, with its latest value's day; the search is audited", body = SearchResults),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 422, description = "A bad day, a period that ends before it starts, a search text that is too long or a bad page", body = ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<Json<SearchResults>, ApiError> {
    let filter = query.validate().map_err(ApiError::Validation)?;
    let auth = authorize(&state, &user, &client, &record, Action::Read, "search").await?;
    let network = &state.config.network;
    let internal = |e: time::error::Parse| ApiError::Internal(e.into());

    let report_rows = auth.record.reports();
    let reports = visible_reports(
        network,
        &auth.record,
        report_rows,
        &user.principal(),
        now(&state),
    )?;
    let keys = state.store.result_keys_of(&record).await?;
    let results = keep_readable(&state, &auth, &user, &keys)?;
    let mut item_rows = Vec::new();
    for section in ITEM_SECTIONS {
        item_rows.extend(state.store.items_of(&record, section).await?);
    }
    let items = keep_readable(&state, &auth, &user, item_rows)?;

    let hospitals = network.hospital_options(
        reports
            .iter()
            .map(|(r, _)| (r.hospital_id.as_str(), r.hospital_name.as_str()))
            .chain(
                results
                    .iter()
                    .map(|k| (k.hospital_id.as_str(), k.hospital_name.as_str())),
            )
            .chain(
                items
                    .iter()
                    .map(|i| (i.hospital_id.as_str(), i.hospital_name.as_str())),
            ),
    );

    let mut hits = Vec::new();
    for (row, summary) in reports {
        let entry = Entry {
            hospital: &row.hospital_id,
            date: summary.date,
            texts: &[
                &summary.title,
                summary.category.as_deref().unwrap_or_default(),
                &summary.hospital,
                row.conclusion.as_deref().unwrap_or_default(),
                row.text_body.as_deref().unwrap_or_default(),
            ],
        };
        if filter.admits(&entry) {
            hits.push(SearchHit {
                kind: HitKind::Report,
                id: summary.id,
                title: summary.title,
                date: summary.date,
                hospital: summary.hospital,
            });
        }
    }
    let by_id: HashMap<&str, &ResultKey> = keys.iter().map(|k| (k.id.as_str(), k)).collect();
    let hospital_of = |id: &str| {
        by_id
            .get(id)
            .map(|k| network.hospital_name(&k.hospital_id, &k.hospital_name))
            .unwrap_or_default()
    };
    for line in test_lines(passing_values(network, results, &filter)?) {
        hits.push(SearchHit {
            kind: HitKind::Result,
            id: line.code.to_owned(),
            title: line.name.to_owned(),
            date: line.date,
            hospital: hospital_of(line.latest),
        });
    }
    for row in &items {
        let Some(section) = crate::store::section_of(&row.section) else {
            continue;
        };
        let date = parse_date(&row.item_date).map_err(internal)?;
        let hospital = hospital_name(network, row);
        let entry = Entry {
            hospital: &row.hospital_id,
            date,
            texts: &[&row.title, &hospital],
        };
        if filter.admits(&entry) {
            hits.push(SearchHit {
                kind: kind_of(section),
                id: row.id.clone(),
                title: row.title.clone(),
                date,
                hospital,
            });
        }
    }
    hits.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.title.cmp(&b.title))
    });
    let (hits, page) = filter.page(hits);
    log_read(&state, &auth, "search", &auth.decision, &client).await?;
    Ok(Json(SearchResults {
        hits,
        page,
        hospitals,
    }))
}
