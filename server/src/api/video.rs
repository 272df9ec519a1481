//! Video consultations (issue 11, item 1): an appointment's room, its signalling WebSocket, and
//! the doctor's list of consultations.
//!
//! Whoever asks, the domain decides through [`may_join`]: exactly the appointment's doctor, and
//! whoever the access rules let read the record now, inside the room's opening hours. Anyone
//! else gets the answer a missing appointment gets (404). The decision is taken again on every
//! message and every [`RECHECK`], so a revoked access, a logout or the end of the room's time
//! ends the connection. The server relays session descriptions and network candidates only; the
//! media go from browser to browser. Entering and leaving are in the audit trail.

use std::time::Duration as StdDuration;

use crate::error::Path;
use axum::extract::ws::{CloseFrame, Message as Frame, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use inzage_domain::access::PractitionerId;
use inzage_domain::video::{
    may_join, window, ClientSignal, Joining, Seat, ServerSignal, VideoAppointment,
    VideoConsultation, VideoRoom, MAX_SIGNAL_BYTES,
};
use inzage_domain::wire::ErrorBody;
use inzage_domain::{Decision, Effect, Message, Principal};
use time::OffsetDateTime;

use super::provider::practitioner;
use super::record::{now, Actor, Record};
use super::{is_same_origin, live_session, session_cookie, ClientAddr, CurrentUser};
use crate::auth::token_hash;
use crate::error::ApiError;
use crate::fhir::ItemDetail;
use crate::store::ItemRow;
use crate::video::Seated;
use crate::AppState;

/// How often an open connection's right to stay is decided again when it sends nothing.
pub const RECHECK: StdDuration = StdDuration::from_secs(20);

/// A stored appointment, with what the room's rules look at.
struct Appointment {
    row: ItemRow,
    video: bool,
    practitioner: Option<PractitionerId>,
    practitioner_name: Option<String>,
}

impl Appointment {
    fn of(row: ItemRow) -> Result<Self, ApiError> {
        match row.detail().map_err(ApiError::Internal)? {
            ItemDetail::Appointment {
                practitioner,
                practitioner_id,
                video,
                ..
            } => Ok(Self {
                video,
                practitioner: practitioner_id.map(PractitionerId),
                practitioner_name: practitioner,
                row,
            }),
            _ => Err(ApiError::NotFound),
        }
    }

    fn instant(seconds: Option<i64>) -> Option<OffsetDateTime> {
        seconds.and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
    }

    fn rules(&self) -> VideoAppointment<'_> {
        VideoAppointment {
            video: self.video,
            status: &self.row.fhir_status,
            practitioner: self.practitioner.as_ref(),
            start: Self::instant(self.row.starts_at).unwrap_or(OffsetDateTime::UNIX_EPOCH),
            end: Self::instant(self.row.ends_at),
        }
    }
}

/// The room's key: one per appointment.
fn room_key(record: &str, appointment: &str) -> String {
    format!("{record}\n{appointment}")
}

/// Whether `principal` may be in the room of `appointment` of `record` now: the record, the
/// appointment and the domain's answer. Someone else is told what a missing appointment tells
/// (404), after the attempt is in the record's audit trail; the person themselves learns why
/// they cannot enter now (409).
async fn admit(
    state: &AppState,
    user: &CurrentUser,
    client: &ClientAddr,
    record_id: &str,
    appointment_id: &str,
) -> Result<(Record, Appointment, Joining), ApiError> {
    let record = Record::load(state, record_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let appointment = state
        .store
        .items_by_id(record_id, &[appointment_id])
        .await?
        .into_iter()
        .find(|r| r.section == "appointment")
        .map(Appointment::of)
        .transpose()?;
    let at = now(state);
    let refusal = match &appointment {
        None => Message::new("video.not_yours"),
        Some(a) => match may_join(&a.rules(), &record.facts, &user.principal(), at) {
            Ok(joining) => {
                let appointment = appointment.ok_or(ApiError::NotFound)?;
                return Ok((record, appointment, joining));
            }
            Err(message) => message,
        },
    };
    if refusal.key != "video.not_yours" {
        return Err(ApiError::Conflict(refusal));
    }
    let denied = Decision {
        effect: Effect::Deny,
        rules: Vec::new(),
        reasons: vec![refusal],
    };
    let actor = Actor::of(state, user, record_id).await?;
    let resource = format!("video/refused/{appointment_id}");
    state
        .store
        .audit(&actor.entry(record_id, "video", &resource, &denied, client, at))
        .await?;
    Err(ApiError::NotFound)
}

/// The entry of a permitted step in the room (entered, left), with the domain's reasons.
async fn log_step(
    state: &AppState,
    actor: &Actor,
    client: &ClientAddr,
    record: &str,
    step: &str,
    appointment: &str,
    joining: &Joining,
) -> Result<(), ApiError> {
    let permitted = Decision {
        effect: Effect::Permit,
        rules: Vec::new(),
        reasons: joining.reasons.clone(),
    };
    let resource = format!("video/{step}/{appointment}");
    state
        .store
        .audit(&actor.entry(record, "video", &resource, &permitted, client, now(state)))
        .await?;
    Ok(())
}

/// `GET /records/{record}/appointments/{id}/video`: the appointment's room as the person sees it
/// before entering: their seat, whom they meet, its hours, and the STUN/TURN servers.
#[utoipa::path(get, path = "/api/v1/records/{record}/appointments/{id}/video", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"),
        ("id" = String, Path, description = "The appointment's id")),
    responses((status = 200, description = "The room, and why the person may enter it", body = VideoRoom),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 404, description = "No such record or appointment, or not one whose room the person may enter (the same answer)", body = ErrorBody),
        (status = 409, description = "The person's appointment, but its room is not open now, or it is no (longer a) video consultation", body = ErrorBody)))]
pub async fn room(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    Path((record, id)): Path<(String, String)>,
) -> Result<Json<VideoRoom>, ApiError> {
    let (record, appointment, joining) = admit(&state, &user, &client, &record, &id).await?;
    let rules = appointment.rules();
    let (opens, closes) = window(&rules);
    let with = match joining.seat {
        Seat::Doctor => Some(record.patient().display_name()),
        Seat::Patient => appointment.practitioner_name.clone(),
    };
    Ok(Json(VideoRoom {
        seat: joining.seat,
        title: appointment.row.title.clone(),
        with,
        start: rules.start,
        opens,
        closes,
        reasons: joining.reasons,
        ice_servers: state.config.network.ice_servers.clone(),
    }))
}

/// `GET /records/{record}/appointments/{id}/video/signal`: enters the room over a WebSocket.
///
/// Text frames carry [`ClientSignal`]s in and [`ServerSignal`]s out, as JSON; a frame longer than
/// [`MAX_SIGNAL_BYTES`] ends the connection. A second connection to a seat that is taken is
/// refused (409) before the upgrade.
#[utoipa::path(get, path = "/api/v1/records/{record}/appointments/{id}/video/signal", tag = "record", security(("session" = [])),
    params(("record" = String, Path, description = "The record (patient) id"),
        ("id" = String, Path, description = "The appointment's id")),
    responses((status = 101, description = "In the room: signalling messages follow as JSON text frames"),
        (status = 400, description = "Not a WebSocket upgrade", body = ErrorBody),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "The request comes from another site", body = ErrorBody),
        (status = 404, description = "No such record or appointment, or not one whose room the person may enter (the same answer)", body = ErrorBody),
        (status = 409, description = "The room is not open now, or someone is already in the person's seat", body = ErrorBody)))]
pub async fn signal(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddr,
    headers: HeaderMap,
    Path((record, id)): Path<(String, String)>,
    upgrade: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    // A WebSocket is opened with a GET, which the cross-site guard lets through: the browser's
    // Origin must name the portal here, or another site could open the room with the cookie.
    if !is_same_origin(&headers, &state.config.public_url()) {
        return Err(ApiError::CrossSite);
    }
    let (_, _, joining) = admit(&state, &user, &client, &record, &id).await?;
    let key = room_key(&record, &id);
    if state.video.is_taken(&key, joining.seat) {
        return Err(ApiError::Conflict(Message::new("video.seat_taken")));
    }
    let upgrade = upgrade.map_err(|e| ApiError::BadBody(e.body_text()))?;
    let hash = session_cookie(&headers)
        .map(|t| token_hash(&t))
        .ok_or(ApiError::Unauthenticated)?;
    let actor = Actor::of(&state, &user, &record).await?;
    let connection = Connection {
        state,
        user,
        client,
        session_hash: hash,
        record,
        appointment: id,
        actor,
        joining,
    };
    Ok(upgrade
        .max_message_size(MAX_SIGNAL_BYTES)
        .max_frame_size(MAX_SIGNAL_BYTES)
        .on_upgrade(move |socket| connection.run(socket))
        .into_response())
}

/// One person's connection to a room.
struct Connection {
    state: AppState,
    user: CurrentUser,
    client: ClientAddr,
    session_hash: String,
    record: String,
    appointment: String,
    actor: Actor,
    joining: Joining,
}

impl Connection {
    async fn run(self, mut socket: WebSocket) {
        let key = room_key(&self.record, &self.appointment);
        let mut seated = match self.state.video.enter(&key, self.joining.seat) {
            Ok(seated) => seated,
            Err(message) => {
                // Someone took the seat between the check and the upgrade.
                end(&mut socket, message).await;
                return;
            }
        };
        if let Err(e) = self.log("joined").await {
            tracing::error!(error = ?e, "auditing a video room's entry failed");
            self.state.video.leave(&seated);
            end(&mut socket, Message::new("error.internal")).await;
            return;
        }
        let why = self.serve(&mut socket, &mut seated).await;
        self.state.video.leave(&seated);
        if let Some(message) = why {
            end(&mut socket, message).await;
        }
        if let Err(e) = self.log("left").await {
            tracing::error!(error = ?e, "auditing a video room's exit failed");
        }
    }

    async fn log(&self, step: &str) -> Result<(), ApiError> {
        log_step(
            &self.state,
            &self.actor,
            &self.client,
            &self.record,
            step,
            &self.appointment,
            &self.joining,
        )
        .await
    }

    /// Relays until the person leaves (`None`) or may no longer stay (why).
    async fn serve(&self, socket: &mut WebSocket, seated: &mut Seated) -> Option<Message> {
        let mut recheck = tokio::time::interval(RECHECK);
        recheck.tick().await;
        loop {
            tokio::select! {
                frame = socket.recv() => {
                    let text = match frame {
                        None | Some(Err(_)) | Some(Ok(Frame::Close(_))) => return None,
                        Some(Ok(Frame::Text(text))) => text,
                        Some(Ok(Frame::Binary(_))) => {
                            send(socket, &refused(Message::new("video.bad_signal"))).await;
                            continue;
                        }
                        Some(Ok(Frame::Ping(_) | Frame::Pong(_))) => continue,
                    };
                    if let Some(why) = self.may_stay().await {
                        return Some(why);
                    }
                    let outcome = serde_json::from_str::<ClientSignal>(text.as_str())
                        .map_err(|_| Message::new("video.bad_signal"))
                        .and_then(|signal| self.state.video.receive(seated, signal));
                    if let Err(message) = outcome {
                        send(socket, &refused(message)).await;
                    }
                }
                signal = seated.incoming.recv() => match signal {
                    Some(signal) => {
                        if !send(socket, &signal).await {
                            return None;
                        }
                    }
                    None => return None,
                },
                _ = recheck.tick() => {
                    if let Some(why) = self.may_stay().await {
                        return Some(why);
                    }
                }
            }
        }
    }

    /// Why the person may no longer be in the room (logged out, access ended, time over), if so.
    async fn may_stay(&self) -> Option<Message> {
        if live_session(&self.state, &self.session_hash).await.is_err() {
            return Some(Message::new("video.session_ended"));
        }
        match admit(
            &self.state,
            &self.user,
            &self.client,
            &self.record,
            &self.appointment,
        )
        .await
        {
            Ok((_, _, joining)) if joining.seat == self.joining.seat => None,
            Ok(_) | Err(ApiError::NotFound) => Some(Message::new("video.not_yours")),
            Err(ApiError::Conflict(message)) => Some(message),
            Err(e) => {
                tracing::error!(error = ?e, "deciding again on a video room failed");
                Some(Message::new("error.internal"))
            }
        }
    }
}

fn refused(message: Message) -> ServerSignal {
    ServerSignal::Refused { message }
}

/// Sends a signal; false when the connection is gone.
async fn send(socket: &mut WebSocket, signal: &ServerSignal) -> bool {
    match serde_json::to_string(signal) {
        Ok(json) => socket.send(Frame::Text(json.into())).await.is_ok(),
        Err(_) => false,
    }
}

/// Tells the person why the room closed for them, and closes the connection (code 4000).
async fn end(socket: &mut WebSocket, message: Message) {
    send(socket, &ServerSignal::Ended { message }).await;
    let _closed = socket
        .send(Frame::Close(Some(CloseFrame {
            code: 4000,
            reason: "ended".into(),
        })))
        .await;
}

/// How far ahead the doctor's list looks.
const LIST_AHEAD: time::Duration = time::Duration::days(14);

/// `GET /provider/video-consultations`: the doctor's video consultations whose room is open now
/// or opens in the coming two weeks, soonest first.
#[utoipa::path(get, path = "/api/v1/provider/video-consultations", tag = "provider", security(("session" = [])),
    responses((status = 200, description = "The doctor's video consultations from now on", body = Vec<VideoConsultation>),
        (status = 401, description = "No valid session", body = ErrorBody),
        (status = 403, description = "Not a care provider", body = ErrorBody)))]
pub async fn consultations(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<VideoConsultation>>, ApiError> {
    let me = PractitionerId(practitioner(&user)?.to_owned());
    let principal = Principal::Practitioner { id: me.clone() };
    let at = now(&state);
    // A room stays open at most a few hours past its start (a long appointment's end plus half an
    // hour); those that started earlier today are among these.
    let from = at - time::Duration::hours(12);
    let rows = state
        .store
        .appointments_between(from.unix_timestamp(), (at + LIST_AHEAD).unix_timestamp())
        .await?;
    let mut out = Vec::new();
    for row in rows {
        let appointment = Appointment::of(row)?;
        let rules = appointment.rules();
        if appointment.practitioner.as_ref() != Some(&me) || !appointment.video {
            continue;
        }
        let Some(record) = Record::load(&state, &appointment.row.patient_id).await? else {
            continue;
        };
        // Open now, or opening later: the domain says which (a closed room is left out).
        match may_join(&rules, &record.facts, &principal, at) {
            Ok(_) => {}
            Err(m) if m.key == "video.too_early" => {}
            Err(_) => continue,
        }
        let (opens, closes) = window(&rules);
        out.push(VideoConsultation {
            record: appointment.row.patient_id.clone(),
            appointment: appointment.row.id.clone(),
            patient: record.patient().display_name(),
            title: appointment.row.title.clone(),
            start: rules.start,
            opens,
            closes,
        });
    }
    Ok(Json(out))
}
