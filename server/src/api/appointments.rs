//! Booking, moving and cancelling appointments online, in the free slots the hospitals publish.
//!
//! Each request is decided twice by the domain crate: who may change the record's appointments
//! (`Action::ManageAppointments`, through `authorize`), then whether this change can be made
//! online now (`appointments::check`, under the hospital's settings). A slot is taken by one
//! conditional update inside the transaction that stores the appointment, so two people
//! booking the same slot at once cannot both get it. Every change is in the audit trail, and a
//! confirmation goes by e-mail when the person's notifications are on.

use crate::error::{Path, Query};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use inzage_domain::appointments::{
    changes_of, check, AppointmentChange, AppointmentChanged, Booked, FreeSlot, FreeSlots,
    OnlineAppointments, Slot, TakeSlot,
};
use inzage_domain::explain::Language;
use inzage_domain::record::{AppointmentItem, AppointmentList};
use inzage_domain::wire::{ErrorBody, FieldErrors};
use inzage_domain::{Action, Message, Section};
use serde::Deserialize;
use time::OffsetDateTime;

use super::record::{authorize, log_change, now, Authorized};
use super::sections::{appointment_list, keep_readable};
use super::{ClientAddr, CurrentUser};
use crate::error::{ApiError, ApiJson};
use crate::fhir::{ItemDetail, ItemImport};
use crate::network::Network;
use crate::store::{ItemRow, OutboxRow, SlotRow};
use crate::AppState;

/// What the rules look at in a stored appointment.
fn booked<'a>(row: &'a ItemRow, service: Option<&'a str>) -> Booked<'a> {
    Booked {
        start: row
            .starts_at
            .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        status: &row.fhir_status,
        hospital_id: &row.hospital_id,
        service,
    }
}

/// The service a stored appointment is for, where known.
fn service_of(row: &ItemRow) -> Result<Option<String>, ApiError> {
    match row.detail().map_err(ApiError::Internal)? {
        ItemDetail::Appointment { service, .. } => Ok(service),
        _ => Err(ApiError::Internal(anyhow::anyhow!(
            "item {} is not an appointment",
            row.id
        ))),
    }
}

/// What the rules look at in a stored slot.
fn slot_facts(row: &SlotRow) -> Slot<'_> {
    Slot {
        start: OffsetDateTime::from_unix_timestamp(row.starts_at)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        free: row.free(),
        hospital_id: &row.hospital_id,
        service: &row.service,
    }
}

/// Whether the person may change the record's appointments at all (the patient, or whoever acts
/// in their place).
fn may_manage(state: &AppState, auth: &Authorized, user: &CurrentUser) -> bool {
    auth.record
        .decide(&user.principal(), Action::ManageAppointments, now(state))
        .is_permitted()
}

/// Fills in what the person can do online with each upcoming appointment of `list`, and where
/// they can book a new one: nothing for someone who may only read the record.
pub(super) fn offer_changes(
    state: &AppState,
    auth: &Authorized,
    user: &CurrentUser,
    rows: &[ItemRow],
    list: &mut AppointmentList,
) {
    if !may_manage(state, auth, user) {
        return;
    }
    let network = &state.config.network;
    let at = now(state);
    for item in &mut list.upcoming {
        if let Some(row) = rows.iter().find(|r| r.id == item.id) {
            let rules = network.online_appointments(&row.hospital_id);
            (item.changes, item.change_closed) = changes_of(&rules, booked(row, None), at);
        }
    }
    list.can_book = network.offers_booking();
}

/// `?for=`: the appointment to move, when slots are listed to move it.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotQuery {
    /// The id of the appointment to move (its slots are then those of its hospital).
    #[serde(rename = "for")]
    #[param(rename = "for")]
    pub moving: Option<String>,
}

/// `GET /records/{record}/appointments/slots`: the free slots the person can take now.
#[utoipa::path(get, path = "/api/v1/records/{record}/appointments/slots", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"), SlotQuery),
    responses((status = 200, description = "The free slots that can be booked now (or, with `for`, that the appointment can be moved to), soonest first", body = FreeSlots),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not change its appointments, with the domain's reasons", body = ErrorBody),
        (status = 404, description = "No such record or appointment, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 409, description = "The appointment can no longer be moved online (the reason says why)", body = ErrorBody)))]
pub async fn slots(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    Query(query): Query<SlotQuery>,
) -> Result<Json<FreeSlots>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAppointments,
        "appointments",
    )
    .await?;
    let network = &state.config.network;
    let at = now(&state);
    let moving = match &query.moving {
        Some(id) => Some(appointment(&state, &auth, &user, id).await?),
        None => None,
    };
    if let Some(row) = &moving {
        let rules = network.online_appointments(&row.hospital_id);
        let (changes, closed) = changes_of(&rules, booked(row, None), at);
        if !changes.contains(&AppointmentChange::Move) {
            return Err(ApiError::Conflict(closed.unwrap_or_else(|| {
                Message::new(AppointmentChange::Move.not_online_key())
            })));
        }
    }
    let service = match &moving {
        Some(row) => service_of(row)?,
        None => None,
    };
    let mut slots = Vec::new();
    let mut hours = 0;
    for row in state.store.free_slots(at.unix_timestamp()).await? {
        let hospital = moving
            .as_ref()
            .map_or(row.hospital_id.as_str(), |m| &m.hospital_id);
        let rules = network.online_appointments(hospital);
        let (change, appointment) = match &moving {
            Some(m) => (AppointmentChange::Move, Some(booked(m, service.as_deref()))),
            None => (AppointmentChange::Book, None),
        };
        if check(change, &rules, appointment, Some(slot_facts(&row)), at).is_ok() {
            hours = hours.max(rules.change_until_hours);
            slots.push(free_slot(network, row)?);
        }
    }
    Ok(Json(FreeSlots {
        slots,
        change_until_hours: hours,
    }))
}

fn free_slot(network: &Network, row: SlotRow) -> Result<FreeSlot, ApiError> {
    let instant =
        |s: i64| OffsetDateTime::from_unix_timestamp(s).map_err(|e| ApiError::Internal(e.into()));
    Ok(FreeSlot {
        start: instant(row.starts_at)?,
        end: instant(row.ends_at)?,
        hospital: network.hospital_name(&row.hospital_id, &row.hospital_name),
        id: row.id,
        service: row.service,
        practitioner: row.practitioner,
        location: row.location,
        hospital_id: row.hospital_id,
    })
}

/// An appointment of the record that the person may read; 404 otherwise.
async fn appointment(
    state: &AppState,
    auth: &Authorized,
    user: &CurrentUser,
    id: &str,
) -> Result<ItemRow, ApiError> {
    let rows = state
        .store
        .items_by_id(&auth.record.patient().id, &[id])
        .await?;
    keep_readable(state, auth, user, rows)?
        .into_iter()
        .find(|r| r.section == "appointment")
        .ok_or(ApiError::NotFound)
}

/// The slot asked for, or the error beside the form's field.
async fn wanted_slot(state: &AppState, body: &TakeSlot) -> Result<SlotRow, ApiError> {
    state
        .store
        .slot(&body.slot)
        .await?
        .ok_or_else(|| super::account::field_error("slot", "appointments.no_slot"))
}

/// A refusal by the domain's appointment rules: a slot that is taken is a conflict (someone
/// was quicker), the rest are about what was asked.
fn refused(message: Message) -> ApiError {
    match message.key.as_ref() {
        "appointments.slot_taken" | "appointments.not_changeable" | "appointments.too_late" => {
            ApiError::Conflict(message)
        }
        _ => {
            let mut errors = FieldErrors::default();
            errors.add("slot", message);
            ApiError::Validation(errors)
        }
    }
}

fn taken_by_someone_else() -> ApiError {
    ApiError::Conflict(Message::new("appointments.slot_taken"))
}

/// `POST /records/{record}/appointments`: books a new appointment in a free slot.
#[utoipa::path(post, path = "/api/v1/records/{record}/appointments", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id")),
    request_body = TakeSlot,
    responses((status = 201, description = "Booked: the appointment as it now stands, and whether a confirmation goes by e-mail", body = AppointmentChanged),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not change its appointments, with the domain's reasons", body = ErrorBody),
        (status = 404, description = "No such record, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 409, description = "Someone else took the slot first", body = ErrorBody),
        (status = 422, description = "No such slot, the hospital does not offer booking online, or the slot starts too soon", body = ErrorBody)))]
pub async fn book(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path(record): Path<String>,
    ApiJson(body): ApiJson<TakeSlot>,
) -> Result<(StatusCode, Json<AppointmentChanged>), ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAppointments,
        "appointments",
    )
    .await?;
    let slot = wanted_slot(&state, &body).await?;
    let rules = state.config.network.online_appointments(&slot.hospital_id);
    let at = now(&state);
    check(
        AppointmentChange::Book,
        &rules,
        None,
        Some(slot_facts(&slot)),
        at,
    )
    .map_err(refused)?;
    let id = format!("Appointment/inzage-{}", uuid::Uuid::new_v4());
    let start = OffsetDateTime::from_unix_timestamp(slot.starts_at)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let end = OffsetDateTime::from_unix_timestamp(slot.ends_at)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let item = ItemImport {
        id: id.clone(),
        patient_id: auth.record.patient().id.clone(),
        hospital_id: slot.hospital_id.clone(),
        section: Section::Appointment,
        item_date: start.date().to_string(),
        starts_at: Some(start),
        ends_at: Some(end),
        code: None,
        title: slot.service.clone(),
        fhir_status: "booked".into(),
        validated: true,
        shielded: false,
        detail: ItemDetail::Appointment {
            location: slot.location.clone(),
            practitioner: slot.practitioner.clone(),
            service: Some(slot.service.clone()),
            practitioner_id: slot.practitioner_id.clone(),
            video: false,
        },
        issued: None,
    };
    let mut tx = state.store.begin().await?;
    tx.insert_appointment(&item).await?;
    if !tx.take_slot(&slot.id, &id).await? {
        return Err(taken_by_someone_else());
    }
    let done = Done {
        state: &state,
        user: &user,
        auth: &auth,
        client: &client,
    };
    let changed = done
        .finish(tx, AppointmentChange::Book, &id, When::of_slot(&slot), at)
        .await?;
    Ok((StatusCode::CREATED, Json(changed)))
}

/// `POST /records/{record}/appointments/{id}/move`: moves a booked appointment to another free
/// slot of its hospital.
#[utoipa::path(post, path = "/api/v1/records/{record}/appointments/{id}/move", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"),
        ("id" = String, Path, description = "The appointment's id (`Appointment/…`, URL-encoded)")),
    request_body = TakeSlot,
    responses((status = 200, description = "Moved: the appointment as it now stands, and whether a confirmation goes by e-mail", body = AppointmentChanged),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not change its appointments, with the domain's reasons", body = ErrorBody),
        (status = 404, description = "No such record or appointment, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 409, description = "Someone else took the slot first, or the appointment can no longer be changed online (past, cancelled, or within the hospital's deadline)", body = ErrorBody),
        (status = 422, description = "No such slot, one of another hospital or at the same time, the hospital does not offer moving online, or the slot starts too soon", body = ErrorBody)))]
pub async fn reschedule(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<TakeSlot>,
) -> Result<Json<AppointmentChanged>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAppointments,
        "appointments",
    )
    .await?;
    let row = appointment(&state, &auth, &user, &id).await?;
    let slot = wanted_slot(&state, &body).await?;
    let rules = state.config.network.online_appointments(&row.hospital_id);
    let at = now(&state);
    let service = service_of(&row)?;
    let video = matches!(
        row.detail().map_err(ApiError::Internal)?,
        ItemDetail::Appointment { video: true, .. }
    );
    check(
        AppointmentChange::Move,
        &rules,
        Some(booked(&row, service.as_deref())),
        Some(slot_facts(&slot)),
        at,
    )
    .map_err(refused)?;
    // The new place and doctor come with the slot; the service and whether it is by video stay
    // what they were.
    let detail = serde_json::to_string(&ItemDetail::Appointment {
        location: slot.location.clone(),
        practitioner: slot.practitioner.clone(),
        service,
        practitioner_id: slot.practitioner_id.clone(),
        video,
    })
    .map_err(|e| ApiError::Internal(e.into()))?;
    let mut tx = state.store.begin().await?;
    if !tx
        .update_appointment(
            &row,
            &row.fhir_status,
            (slot.starts_at, Some(slot.ends_at)),
            &detail,
        )
        .await?
    {
        return Err(ApiError::Conflict(Message::new(
            "appointments.not_changeable",
        )));
    }
    tx.release_slot(&row.id).await?;
    if !tx.take_slot(&slot.id, &row.id).await? {
        return Err(taken_by_someone_else());
    }
    let done = Done {
        state: &state,
        user: &user,
        auth: &auth,
        client: &client,
    };
    Ok(Json(
        done.finish(
            tx,
            AppointmentChange::Move,
            &row.id,
            When::of_slot(&slot),
            at,
        )
        .await?,
    ))
}

/// `POST /records/{record}/appointments/{id}/cancel`: cancels a booked appointment; its slot is
/// free again.
#[utoipa::path(post, path = "/api/v1/records/{record}/appointments/{id}/cancel", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"),
        ("id" = String, Path, description = "The appointment's id (`Appointment/…`, URL-encoded)")),
    responses((status = 200, description = "Cancelled: the appointment as it now stands, and whether a confirmation goes by e-mail", body = AppointmentChanged),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The person may read the record but not change its appointments, with the domain's reasons", body = ErrorBody),
        (status = 404, description = "No such record or appointment, or not one the person may read (the same answer)", body = ErrorBody),
        (status = 409, description = "The appointment can no longer be changed online (past, cancelled, or within the hospital's deadline)", body = ErrorBody),
        (status = 422, description = "The hospital does not offer cancelling online", body = ErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Json<AppointmentChanged>, ApiError> {
    let auth = authorize(
        &state,
        &user,
        &client,
        &record,
        Action::ManageAppointments,
        "appointments",
    )
    .await?;
    let row = appointment(&state, &auth, &user, &id).await?;
    let rules: OnlineAppointments = state.config.network.online_appointments(&row.hospital_id);
    let at = now(&state);
    check(
        AppointmentChange::Cancel,
        &rules,
        Some(booked(&row, None)),
        None,
        at,
    )
    .map_err(refused)?;
    let starts_at = row.starts_at.unwrap_or_default();
    let mut tx = state.store.begin().await?;
    if !tx
        .update_appointment(
            &row,
            "cancelled",
            (starts_at, row.ends_at),
            &row.detail_json,
        )
        .await?
    {
        return Err(ApiError::Conflict(Message::new(
            "appointments.not_changeable",
        )));
    }
    tx.release_slot(&row.id).await?;
    let done = Done {
        state: &state,
        user: &user,
        auth: &auth,
        client: &client,
    };
    Ok(Json(
        done.finish(
            tx,
            AppointmentChange::Cancel,
            &row.id,
            When::of_item(&row),
            at,
        )
        .await?,
    ))
}

/// Who made a change, and on which record, for [`Done::finish`].
struct Done<'a> {
    state: &'a AppState,
    user: &'a CurrentUser,
    auth: &'a Authorized,
    client: &'a ClientAddr,
}

impl Done<'_> {
    /// Ends a change made in `tx`: writes it to the audit trail, queues the confirmation mail,
    /// commits, and answers with the appointment as it now stands.
    async fn finish(
        &self,
        mut tx: crate::store::Tx,
        change: AppointmentChange,
        id: &str,
        when: When<'_>,
        at: OffsetDateTime,
    ) -> Result<AppointmentChanged, ApiError> {
        let resource = format!("appointment/{}/{id}", change.as_str());
        log_change(&mut tx, self.state, self.auth, &resource, self.client).await?;
        let mailed = confirm(self.state, self.user, &mut tx, change, when, at).await?;
        tx.commit().await?;
        changed(self.state, self.auth, self.user, id, change, mailed).await
    }
}

/// The appointment `id` as it now stands, with what can still be done with it.
async fn changed(
    state: &AppState,
    auth: &Authorized,
    user: &CurrentUser,
    id: &str,
    change: AppointmentChange,
    mailed: bool,
) -> Result<AppointmentChanged, ApiError> {
    let row = appointment(state, auth, user, id).await?;
    let rows = [row];
    let mut list = appointment_list(&state.config.network, &rows, now(state))?;
    offer_changes(state, auth, user, &rows, &mut list);
    let appointment: AppointmentItem = list
        .upcoming
        .into_iter()
        .chain(list.past)
        .next()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("{id} is not an appointment")))?;
    Ok(AppointmentChanged {
        change,
        appointment,
        mailed,
    })
}

/// When and where an appointment is, as a confirmation names it.
struct When<'a> {
    hospital_id: &'a str,
    hospital_name: &'a str,
    starts_at: i64,
}

impl<'a> When<'a> {
    fn of_slot(slot: &'a SlotRow) -> Self {
        Self {
            hospital_id: &slot.hospital_id,
            hospital_name: &slot.hospital_name,
            starts_at: slot.starts_at,
        }
    }

    fn of_item(row: &'a ItemRow) -> Self {
        Self {
            hospital_id: &row.hospital_id,
            hospital_name: &row.hospital_name,
            starts_at: row.starts_at.unwrap_or_default(),
        }
    }
}

/// Queues a confirmation of the change to the person who made it, when their notifications
/// are on: the day, the time (in the hospital's time zone) and the hospital, not what the
/// appointment is for. Returns whether a mail was queued.
async fn confirm(
    state: &AppState,
    user: &CurrentUser,
    tx: &mut crate::store::Tx,
    change: AppointmentChange,
    when: When<'_>,
    at: OffsetDateTime,
) -> Result<bool, ApiError> {
    let Ok(person) = super::links::person(user) else {
        return Ok(false);
    };
    let settings =
        crate::notify::settings_of(state.store.notification_settings(person).await?.as_ref());
    if !settings.enabled {
        return Ok(false);
    }
    let Some((email, language)) = state.store.notice_contact(person).await? else {
        return Ok(false);
    };
    let addresses = crate::notify::confirmed_addresses(state, person, email.as_deref()).await?;
    if addresses.is_empty() {
        return Ok(false);
    }
    let language = language
        .as_deref()
        .and_then(Language::from_tag)
        .unwrap_or_default();
    let network = &state.config.network;
    let zone = network.policy(when.hospital_id, None).time_zone;
    let start = OffsetDateTime::from_unix_timestamp(when.starts_at)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let local = start.to_offset(zone.offset_at(start));
    let args = serde_json::to_string(&[
        ("date", local.date().to_string()),
        ("time", format!("{:02}:{:02}", local.hour(), local.minute())),
        (
            "hospital",
            network.hospital_name(when.hospital_id, when.hospital_name),
        ),
        ("link", state.config.public_url()),
    ])
    .map_err(|e| ApiError::Internal(e.into()))?;
    let mails: Vec<OutboxRow> = addresses
        .iter()
        .map(|to| OutboxRow {
            id: uuid::Uuid::new_v4().to_string(),
            to_address: to.as_str().to_owned(),
            language: language.code().to_owned(),
            subject_key: format!("mail.appointment.{}.subject", change.as_str()),
            body_key: format!("mail.appointment.{}.body", change.as_str()),
            args: args.clone(),
            attempts: 0,
            next_attempt_at: at.unix_timestamp(),
        })
        .collect();
    tx.queue_mails(&mails, at.unix_timestamp()).await?;
    Ok(true)
}
