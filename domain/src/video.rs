//! Video consultations (issue 11, item 1): who may enter an appointment's room and when, and
//! the room itself as a state machine over the signalling messages, so the server only carries
//! messages (it never sees media) and the browser knows what each message means.
//!
//! ```text
//! patient joins ──▶ waiting room ──doctor admits──▶ admitted: offer / answer / candidates flow
//!                                                     both ways until one leaves
//! ```
//! Exactly two seats: the appointment's doctor, and the patient's (taken by the patient or by
//! someone the domain lets read the record for them). Before the doctor admits, the patient's
//! messages reach nobody but the notice that someone waits; after either leaves, the patient
//! waits again when they come back.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::access::{decide, Action, Facts, PractitionerId, Principal, Request, Resource};
use crate::message::Message;

/// A room opens this long before the appointment starts.
pub const OPENS_BEFORE: Duration = Duration::minutes(15);
/// And closes this long after it was to end.
pub const CLOSES_AFTER: Duration = Duration::minutes(30);

/// What [`may_join`] looks at in an appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoAppointment<'a> {
    /// Whether it is a video consultation.
    pub video: bool,
    /// Its FHIR status: only a `booked` or `arrived` one has a room.
    pub status: &'a str,
    /// The doctor it is with.
    pub practitioner: Option<&'a PractitionerId>,
    /// When it starts.
    pub start: OffsetDateTime,
    /// When it ends (none: half an hour after it starts).
    pub end: Option<OffsetDateTime>,
}

/// A seat in a room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    /// The appointment's doctor, who admits the patient.
    Doctor,
    /// The patient, or whoever may read the record for them.
    Patient,
}

impl Seat {
    /// The other seat.
    pub fn other(self) -> Seat {
        match self {
            Seat::Doctor => Seat::Patient,
            Seat::Patient => Seat::Doctor,
        }
    }
}

/// A STUN or TURN server the browsers use to find a way to each other (the network file's
/// `[video] ice_servers`; none is needed when both are on one network).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IceServer {
    /// `stun:`, `turn:` or `turns:` addresses.
    pub urls: Vec<String>,
    /// A TURN server's user name.
    #[serde(default)]
    pub username: Option<String>,
    /// A TURN server's password.
    #[serde(default)]
    pub credential: Option<String>,
}

/// `GET /records/{record}/appointments/{id}/video`: an appointment's room as the person who
/// may enter it sees it before connecting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VideoRoom {
    /// The person's seat.
    pub seat: Seat,
    /// What the appointment is for.
    pub title: String,
    /// Whom the person meets: the doctor for the patient's seat, the patient for the doctor.
    pub with: Option<String>,
    /// When the appointment starts.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// From when the room can be entered.
    #[serde(with = "time::serde::rfc3339")]
    pub opens: OffsetDateTime,
    /// Until when.
    #[serde(with = "time::serde::rfc3339")]
    pub closes: OffsetDateTime,
    /// Why the person may enter (the domain's reasons).
    pub reasons: Vec<Message>,
    /// The servers that help the browsers find each other.
    pub ice_servers: Vec<IceServer>,
}

/// `GET /provider/video-consultations`: one of the doctor's video consultations of the coming
/// days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VideoConsultation {
    /// The record (patient) id.
    pub record: String,
    /// The appointment's id.
    pub appointment: String,
    /// The patient's name.
    pub patient: String,
    /// What it is for.
    pub title: String,
    /// When it starts.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// From when the room can be entered.
    #[serde(with = "time::serde::rfc3339")]
    pub opens: OffsetDateTime,
    /// Until when.
    #[serde(with = "time::serde::rfc3339")]
    pub closes: OffsetDateTime,
}

/// Who may enter, and why: what [`may_join`] decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    /// The seat the person takes.
    pub seat: Seat,
    /// Why (the doctor of the appointment; or the access rules' reasons to read the record).
    pub reasons: Vec<Message>,
}

/// When an appointment's room is open: from [`OPENS_BEFORE`] its start until [`CLOSES_AFTER`]
/// its end (half an hour after the start when it has no end).
pub fn window(appointment: &VideoAppointment<'_>) -> (OffsetDateTime, OffsetDateTime) {
    let end = appointment
        .end
        .unwrap_or(appointment.start + Duration::minutes(30));
    (appointment.start - OPENS_BEFORE, end + CLOSES_AFTER)
}

/// Which seat `principal` may take in the room of an appointment of the record `facts`, at
/// `now`; otherwise why not, for the person.
///
/// Who comes first, so someone else learns nothing about the appointment from the refusal
/// (`video.not_yours`). The doctor is the appointment's practitioner, and no other; the patient's seat is for
/// whoever the access rules let read the record now (the patient, a parent, a representative;
/// nobody after the patient's death). The room is open from [`OPENS_BEFORE`] the start until
/// [`CLOSES_AFTER`] the end.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::video::{may_join, Seat, VideoAppointment};
/// use time::macros::{date, datetime};
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// let doctor = PractitionerId("dr-a".into());
/// let at = datetime!(2026-11-27 10:00 UTC);
/// let appointment = VideoAppointment { video: true, status: "booked", practitioner: Some(&doctor), start: at, end: None };
/// let patient = Principal::Person { id: PersonId("p1".into()) };
/// assert_eq!(may_join(&appointment, &facts, &patient, at).map(|j| j.seat), Ok(Seat::Patient));
/// let dr = Principal::Practitioner { id: doctor.clone() };
/// assert_eq!(may_join(&appointment, &facts, &dr, at).map(|j| j.seat), Ok(Seat::Doctor));
/// let early = at - time::Duration::minutes(16);
/// assert_eq!(may_join(&appointment, &facts, &patient, early).unwrap_err().key, "video.too_early");
/// ```
pub fn may_join(
    appointment: &VideoAppointment<'_>,
    facts: &Facts,
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Joining, Message> {
    // Who first: anyone else learns nothing about the appointment from the refusal.
    let joining = match principal {
        Principal::Practitioner { id } if appointment.practitioner == Some(id) => Joining {
            seat: Seat::Doctor,
            reasons: vec![Message::new("video.reason.doctor")],
        },
        Principal::Practitioner { .. } => return Err(Message::new("video.not_yours")),
        Principal::Person { .. } => {
            let read = decide(
                &Request {
                    principal: principal.clone(),
                    action: Action::Read,
                    resource: Resource::Record,
                },
                facts,
                now,
            );
            if !read.is_permitted() {
                return Err(Message::new("video.not_yours"));
            }
            Joining {
                seat: Seat::Patient,
                reasons: read.reasons,
            }
        }
    };
    if !appointment.video {
        return Err(Message::new("video.not_video"));
    }
    if !matches!(appointment.status, "booked" | "arrived") {
        return Err(Message::new("video.not_booked"));
    }
    let (opens, closes) = window(appointment);
    if now < opens {
        let opens = opens
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        return Err(Message::new("video.too_early").arg("opens", opens));
    }
    if now >= closes {
        return Err(Message::new("video.over"));
    }
    Ok(joining)
}

/// A message a browser sends into the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientSignal {
    /// The doctor lets the waiting patient in.
    Admit,
    /// A WebRTC session description offered.
    Offer {
        /// The SDP.
        sdp: String,
    },
    /// The answer to an offer.
    Answer {
        /// The SDP.
        sdp: String,
    },
    /// A network candidate (ICE).
    Candidate {
        /// The candidate line.
        candidate: String,
        /// Its media stream's id.
        #[serde(default)]
        sdp_mid: Option<String>,
        /// Its media line's index.
        #[serde(default)]
        sdp_m_line_index: Option<u16>,
    },
}

/// The longest signalling message a browser may send, in bytes (a session description with
/// audio and video is a few kilobytes).
pub const MAX_SIGNAL_BYTES: usize = 64 * 1024;

/// A message the room sends to a browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerSignal {
    /// You are in, in this seat; whether the other seat is taken, and whether the patient is
    /// admitted.
    Joined {
        /// Your seat.
        seat: Seat,
        /// Whether the other is there.
        peer_present: bool,
        /// Whether the patient is admitted (else the patient waits).
        admitted: bool,
    },
    /// (To the doctor) the patient waits to be admitted.
    Waiting,
    /// The patient is admitted: the patient's browser makes the offer.
    Admitted,
    /// The other left; the patient waits again when they return.
    PeerLeft,
    /// An offer from the other.
    Offer {
        /// The SDP.
        sdp: String,
    },
    /// An answer from the other.
    Answer {
        /// The SDP.
        sdp: String,
    },
    /// A candidate from the other.
    Candidate {
        /// The candidate line.
        candidate: String,
        /// Its media stream's id.
        sdp_mid: Option<String>,
        /// Its media line's index.
        sdp_m_line_index: Option<u16>,
    },
    /// Your message was refused (the connection stays).
    Refused {
        /// Why.
        message: Message,
    },
    /// The room closed for you (its time is over, your access ended, or you logged out): the
    /// connection ends after this.
    Ended {
        /// Why.
        message: Message,
    },
}

/// A room: who is in, and whether the doctor admitted the patient.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Room {
    /// The doctor is connected.
    pub doctor: bool,
    /// The patient's seat is taken.
    pub patient: bool,
    /// The doctor admitted the patient (until either leaves).
    pub admitted: bool,
}

/// What the room sends, to which seat.
pub type Outgoing = Vec<(Seat, ServerSignal)>;

impl Room {
    fn present(&self, seat: Seat) -> bool {
        match seat {
            Seat::Doctor => self.doctor,
            Seat::Patient => self.patient,
        }
    }

    /// `seat` enters. A seat holds one connection: a second one is refused
    /// (`video.seat_taken`), so nobody slips in beside the person.
    pub fn join(&mut self, seat: Seat) -> Result<Outgoing, Message> {
        if self.present(seat) {
            return Err(Message::new("video.seat_taken"));
        }
        match seat {
            Seat::Doctor => self.doctor = true,
            Seat::Patient => self.patient = true,
        }
        let peer_present = self.present(seat.other());
        let mut out = vec![(
            seat,
            ServerSignal::Joined {
                seat,
                peer_present,
                admitted: self.admitted,
            },
        )];
        if self.doctor && self.patient {
            out.push((Seat::Doctor, ServerSignal::Waiting));
        }
        Ok(out)
    }

    /// `seat` leaves (or its connection drops): the other is told, and admission ends.
    pub fn leave(&mut self, seat: Seat) -> Outgoing {
        if !self.present(seat) {
            return Vec::new();
        }
        match seat {
            Seat::Doctor => self.doctor = false,
            Seat::Patient => self.patient = false,
        }
        self.admitted = false;
        if self.present(seat.other()) {
            vec![(seat.other(), ServerSignal::PeerLeft)]
        } else {
            Vec::new()
        }
    }

    /// A message from `from`: what goes where, or why it is refused. Only the doctor admits,
    /// and only a patient who waits; session descriptions and candidates flow only between
    /// two people in an admitted room.
    pub fn receive(&mut self, from: Seat, signal: ClientSignal) -> Result<Outgoing, Message> {
        if !self.present(from) {
            return Err(Message::new("video.not_in_room"));
        }
        match signal {
            ClientSignal::Admit => {
                if from != Seat::Doctor {
                    return Err(Message::new("video.doctor_admits"));
                }
                if !self.patient {
                    return Err(Message::new("video.nobody_waiting"));
                }
                if self.admitted {
                    return Err(Message::new("video.already_admitted"));
                }
                self.admitted = true;
                Ok(vec![
                    (Seat::Patient, ServerSignal::Admitted),
                    (Seat::Doctor, ServerSignal::Admitted),
                ])
            }
            other => {
                if !(self.admitted && self.doctor && self.patient) {
                    return Err(Message::new("video.not_admitted"));
                }
                let relayed = match other {
                    ClientSignal::Offer { sdp } => ServerSignal::Offer { sdp },
                    ClientSignal::Answer { sdp } => ServerSignal::Answer { sdp },
                    ClientSignal::Candidate {
                        candidate,
                        sdp_mid,
                        sdp_m_line_index,
                    } => ServerSignal::Candidate {
                        candidate,
                        sdp_mid,
                        sdp_m_line_index,
                    },
                    ClientSignal::Admit => unreachable!("handled above"),
                };
                Ok(vec![(from.other(), relayed)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::access::{Fact, HospitalPolicy, Patient, Period, PersonId};
    use time::macros::{date, datetime};

    const START: OffsetDateTime = datetime!(2026-11-27 10:00 UTC);

    fn facts(extra: Vec<Fact>, died_at: Option<OffsetDateTime>) -> Facts {
        Facts {
            patient: Patient {
                id: PersonId("p1".into()),
                birth_date: Some(date!(1970 - 05 - 01)),
                died_at,
            },
            hospital: HospitalPolicy::belgian(),
            facts: extra,
        }
    }

    fn person(id: &str) -> Principal {
        Principal::Person {
            id: PersonId(id.into()),
        }
    }

    fn doctor(id: &str) -> Principal {
        Principal::Practitioner {
            id: PractitionerId(id.into()),
        }
    }

    #[test]
    fn exactly_the_doctor_and_whoever_reads_the_record_may_join() {
        let dr = PractitionerId("dr-a".into());
        let a = VideoAppointment {
            video: true,
            status: "booked",
            practitioner: Some(&dr),
            start: START,
            end: Some(START + Duration::minutes(20)),
        };
        let mum = Fact::ParentLink {
            parent: PersonId("mum".into()),
            period: Period::since(datetime!(2016-05-02 0:00 UTC)),
        };
        let f = facts(vec![], None);
        // A child of 10: her mother takes the patient's seat through the parent link.
        let mut child = facts(vec![mum], None);
        child.patient.birth_date = Some(date!(2016 - 05 - 01));
        let key = |r: Result<Joining, Message>| r.unwrap_err().key.into_owned();
        let seat = |r: Result<Joining, Message>| r.map(|j| j.seat);
        assert_eq!(
            seat(may_join(&a, &f, &doctor("dr-a"), START)),
            Ok(Seat::Doctor)
        );
        assert_eq!(
            seat(may_join(&a, &f, &person("p1"), START)),
            Ok(Seat::Patient)
        );
        assert_eq!(
            seat(may_join(&a, &child, &person("mum"), START)),
            Ok(Seat::Patient)
        );
        // Each entry says why: the doctor of the appointment; the mother as the access rules
        // let her read her child's record.
        assert_eq!(
            may_join(&a, &f, &doctor("dr-a"), START).unwrap().reasons,
            vec![Message::new("video.reason.doctor")]
        );
        let mum_reasons = may_join(&a, &child, &person("mum"), START).unwrap().reasons;
        assert!(!mum_reasons.is_empty());
        assert_eq!(
            mum_reasons,
            decide(
                &Request {
                    principal: person("mum"),
                    action: Action::Read,
                    resource: Resource::Record
                },
                &child,
                START
            )
            .reasons
        );
        assert_eq!(
            key(may_join(&a, &f, &person("mum"), START)),
            "video.not_yours"
        );
        assert_eq!(
            key(may_join(&a, &f, &person("stranger"), START)),
            "video.not_yours"
        );
        assert_eq!(
            key(may_join(&a, &f, &doctor("dr-b"), START)),
            "video.not_yours"
        );
        // After the patient's death nobody takes the patient's seat.
        let dead = facts(vec![], Some(START - Duration::days(1)));
        assert_eq!(
            key(may_join(&a, &dead, &person("p1"), START)),
            "video.not_yours"
        );
        // Not a video appointment, or not booked.
        let office = VideoAppointment {
            video: false,
            ..a.clone()
        };
        assert_eq!(
            key(may_join(&office, &f, &person("p1"), START)),
            "video.not_video"
        );
        // Someone else learns nothing: not even that it is no video consultation.
        assert_eq!(
            key(may_join(&office, &f, &person("stranger"), START)),
            "video.not_yours"
        );
        for status in ["cancelled", "fulfilled", "noshow", "entered-in-error"] {
            let gone = VideoAppointment {
                status,
                ..a.clone()
            };
            assert_eq!(
                key(may_join(&gone, &f, &doctor("dr-a"), START)),
                "video.not_booked"
            );
        }
    }

    #[test]
    fn the_room_opens_15_minutes_before_and_closes_30_after_the_end() {
        let dr = PractitionerId("dr-a".into());
        let a = VideoAppointment {
            video: true,
            status: "booked",
            practitioner: Some(&dr),
            start: START,
            end: Some(START + Duration::minutes(20)),
        };
        let f = facts(vec![], None);
        let join = |at| may_join(&a, &f, &person("p1"), at);
        assert_eq!(
            join(START - OPENS_BEFORE - Duration::seconds(1))
                .unwrap_err()
                .key,
            "video.too_early"
        );
        assert!(join(START - OPENS_BEFORE).is_ok());
        let closes = START + Duration::minutes(20) + CLOSES_AFTER;
        assert!(join(closes - Duration::seconds(1)).is_ok());
        assert_eq!(join(closes).unwrap_err().key, "video.over");
        // Without an end, it is taken to last half an hour.
        let open = VideoAppointment {
            end: None,
            ..a.clone()
        };
        assert!(may_join(&open, &f, &person("p1"), START + Duration::minutes(59)).is_ok());
        assert!(may_join(&open, &f, &person("p1"), START + Duration::minutes(60)).is_err());
    }

    fn offer() -> ClientSignal {
        ClientSignal::Offer { sdp: "v=0".into() }
    }

    #[test]
    fn the_patient_waits_until_the_doctor_admits_and_then_signals_flow_both_ways() {
        let mut room = Room::default();
        let joined = room.join(Seat::Patient).unwrap();
        assert_eq!(
            joined,
            vec![(
                Seat::Patient,
                ServerSignal::Joined {
                    seat: Seat::Patient,
                    peer_present: false,
                    admitted: false
                }
            )]
        );
        assert_eq!(
            room.receive(Seat::Patient, offer()).unwrap_err().key,
            "video.not_admitted"
        );
        let joined = room.join(Seat::Doctor).unwrap();
        assert!(joined.contains(&(Seat::Doctor, ServerSignal::Waiting)));
        assert_eq!(room.join(Seat::Doctor).unwrap_err().key, "video.seat_taken");
        assert_eq!(
            room.receive(Seat::Patient, ClientSignal::Admit)
                .unwrap_err()
                .key,
            "video.doctor_admits"
        );
        assert_eq!(
            room.receive(Seat::Patient, offer()).unwrap_err().key,
            "video.not_admitted"
        );
        let admitted = room.receive(Seat::Doctor, ClientSignal::Admit).unwrap();
        assert!(admitted.contains(&(Seat::Patient, ServerSignal::Admitted)));
        assert_eq!(
            room.receive(Seat::Patient, offer()).unwrap(),
            vec![(Seat::Doctor, ServerSignal::Offer { sdp: "v=0".into() })]
        );
        let answer = ClientSignal::Answer {
            sdp: "v=0 a".into(),
        };
        assert_eq!(
            room.receive(Seat::Doctor, answer).unwrap(),
            vec![(
                Seat::Patient,
                ServerSignal::Answer {
                    sdp: "v=0 a".into()
                }
            )]
        );
        // The patient leaves: the doctor is told, and one who returns waits again.
        assert_eq!(
            room.leave(Seat::Patient),
            vec![(Seat::Doctor, ServerSignal::PeerLeft)]
        );
        room.join(Seat::Patient).unwrap();
        assert_eq!(
            room.receive(Seat::Patient, offer()).unwrap_err().key,
            "video.not_admitted"
        );
        assert_eq!(
            room.receive(Seat::Doctor, offer()).unwrap_err().key,
            "video.not_admitted"
        );
    }

    #[test]
    fn messages_parse_strictly() {
        let parsed: ClientSignal = serde_json::from_str(
            r#"{"type":"candidate","candidate":"candidate:1 1 udp 1 127.0.0.1 5000 typ host","sdp_mid":"0","sdp_m_line_index":0}"#,
        )
        .unwrap();
        assert!(matches!(parsed, ClientSignal::Candidate { .. }));
        for bad in [
            r#"{"type":"kick"}"#,
            r#"{"type":"offer","sdp":"v=0","to":"x"}"#,
            r#"{"type":"offer"}"#,
        ] {
            assert!(serde_json::from_str::<ClientSignal>(bad).is_err(), "{bad}");
        }
        let out = serde_json::to_value(ServerSignal::Waiting).unwrap();
        assert_eq!(out, serde_json::json!({"type": "waiting"}));
    }
}
