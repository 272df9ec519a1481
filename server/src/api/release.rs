//! When new results and reports appear: the patient's own choice per category, on top of the
//! hold the hospitals' care teams set (see [`inzage_domain::release`]). The holds themselves
//! are applied where every item is decided ([`super::record::Record::decide_report`] and
//! `decide_item`), so every list, search, export and PDF leaves a held item out alike.

use crate::error::Path;
use axum::extract::State;
use axum::Json;
use inzage_domain::calendar::TimeZone;
use inzage_domain::release::{
    CategoryRelease, HospitalHold, ReleaseCategory, ReleasePreference, ReleaseSettings, SetRelease,
};
use inzage_domain::wire::ErrorBody;
use inzage_domain::Action;

use super::record::{authorize, log_change, log_read, now, Authorized, Record};
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::AppState;

/// `GET /records/{record}/release`: the patient's choices and the hospitals' holds.
#[utoipa::path(get, path = "/api/v1/records/{record}/release", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    responses((status = 200, description = "Per category the patient's choice, since when, and the hospitals that hold new items back; whether the person may change the choices. The read is audited", body = ReleaseSettings),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
) -> Result<Json<ReleaseSettings>, ApiError> {
    let auth = authorize(&state, &user, &client, &record, Action::Read, "release").await?;
    let settings = settings_of(&state, &user, &auth.record).await?;
    log_read(&state, &auth, "release", &auth.decision, &client).await?;
    Ok(Json(settings))
}

/// `PUT /records/{record}/release`: sets the choice for one category.
#[utoipa::path(put, path = "/api/v1/records/{record}/release", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")), request_body = SetRelease,
    responses((status = 200, description = "Stored and audited in one transaction; the new settings", body = ReleaseSettings),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not decide for the patient (a trusted person, a care provider); the domain's reasons", body = ErrorBody),
        (status = 400, description = "Not a category and a choice", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody)))]
pub async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    ApiJson(set): ApiJson<SetRelease>,
) -> Result<Json<ReleaseSettings>, ApiError> {
    let resource = format!("release/{}", set.category.as_str());
    let auth: Authorized = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAccess,
        &resource,
    )
    .await?;
    let now = now(&state);
    // A change from one way of waiting to another keeps the day the patient first chose to
    // wait, so nothing that arrived since then shows early; waiting anew starts today.
    let since = auth
        .record
        .release
        .choice(set.category)
        .map(|c| c.since)
        .unwrap_or_else(|| TimeZone::EuropeBrussels.local_date(now))
        .to_string();
    let choice = (set.preference != ReleasePreference::Immediately)
        .then(|| (set.preference.as_str(), since.as_str()));
    let mut tx = state.store.begin().await?;
    log_change(&mut tx, &state, &auth, &resource, &client).await?;
    tx.set_release_choice(
        &auth.record.patient().id,
        set.category.as_str(),
        choice,
        now.unix_timestamp(),
    )
    .await?;
    tx.commit().await?;
    let record = Record::load(&state, &record)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(settings_of(&state, &user, &record).await?))
}

async fn settings_of(
    state: &AppState,
    user: &CurrentUser,
    record: &Record,
) -> Result<ReleaseSettings, ApiError> {
    let network = &state.config.network;
    let hospitals = state.store.hospitals().await?;
    let categories = ReleaseCategory::ALL
        .into_iter()
        .map(|category| {
            let choice = record.release.choice(category);
            CategoryRelease {
                category,
                preference: choice.map_or(ReleasePreference::Immediately, |c| c.preference),
                since: choice.map(|c| c.since),
                care_team: hospitals
                    .iter()
                    .filter_map(|(id, name)| {
                        let days = network.care_team_holds(id).days(category);
                        (days > 0).then(|| HospitalHold {
                            hospital: network.hospital_name(id, name),
                            days,
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    let can_change = record
        .decide(&user.principal(), Action::ManageAccess, now(state))
        .is_permitted();
    Ok(ReleaseSettings {
        categories,
        can_change,
    })
}
