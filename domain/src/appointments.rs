//! Booking, moving and cancelling appointments online, where the hospital offers it.
//!
//! Who may change a record's appointments is an access decision
//! ([`crate::Action::ManageAppointments`]: the patient, or whoever acts in their place; not a
//! trusted person, not a care provider). *Whether* a change can be made online is the
//! hospital's choice and the calendar's, decided here by [`check`]: the hospital must offer the
//! change online, a booked appointment can be moved or cancelled until the hospital's deadline
//! before it starts, and only a free slot the hospital published, starting after that deadline,
//! can be taken. The browser uses the same functions to show only the buttons that will work;
//! the server decides again on every request.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::message::Message;

/// What a hospital lets patients do with appointments in the portal (the network file's
/// `appointments = { … }`). Off by default: a hospital opts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OnlineAppointments {
    /// Book a new appointment in a free slot.
    #[serde(default)]
    pub book: bool,
    /// Move a booked appointment to another free slot of the same hospital.
    #[serde(default, rename = "move")]
    pub reschedule: bool,
    /// Cancel a booked appointment.
    #[serde(default)]
    pub cancel: bool,
    /// Changes close this many hours before an appointment starts, and slots starting sooner
    /// cannot be booked: after that, the patient calls the hospital.
    #[serde(default = "one_day")]
    pub change_until_hours: u16,
}

fn one_day() -> u16 {
    24
}

/// The most hours a deadline can be: 30 days.
pub const MAX_CHANGE_UNTIL_HOURS: u16 = 720;

impl Default for OnlineAppointments {
    /// Nothing online; a 24-hour deadline once something is.
    fn default() -> Self {
        Self {
            book: false,
            reschedule: false,
            cancel: false,
            change_until_hours: one_day(),
        }
    }
}

impl OnlineAppointments {
    /// Whether the hospital offers `change` online.
    pub fn offers(&self, change: AppointmentChange) -> bool {
        match change {
            AppointmentChange::Book => self.book,
            AppointmentChange::Move => self.reschedule,
            AppointmentChange::Cancel => self.cancel,
        }
    }

    /// The first instant a slot may start, or an appointment must still start after, for a
    /// change made at `now`.
    pub fn deadline(&self, now: OffsetDateTime) -> OffsetDateTime {
        now + Duration::hours(i64::from(self.change_until_hours))
    }
}

/// A change to a record's appointments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppointmentChange {
    /// A new appointment in a free slot.
    Book,
    /// A booked appointment to another slot.
    Move,
    /// A booked appointment cancelled.
    Cancel,
}

impl AppointmentChange {
    /// Every change.
    pub const ALL: [AppointmentChange; 3] = [
        AppointmentChange::Book,
        AppointmentChange::Move,
        AppointmentChange::Cancel,
    ];

    /// The message key that says the hospital does not offer this change online.
    pub fn not_online_key(self) -> &'static str {
        match self {
            AppointmentChange::Book => "appointments.book_not_online",
            AppointmentChange::Move => "appointments.move_not_online",
            AppointmentChange::Cancel => "appointments.cancel_not_online",
        }
    }

    /// The snake_case name, as in message keys and the audit trail.
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentChange::Book => "book",
            AppointmentChange::Move => "move",
            AppointmentChange::Cancel => "cancel",
        }
    }
}

/// What [`check`] looks at in an existing appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booked<'a> {
    /// When it starts.
    pub start: OffsetDateTime,
    /// Its FHIR status: only `booked` (and `pending`, `proposed`: not yet confirmed) ones can
    /// be changed.
    pub status: &'a str,
    /// Its hospital.
    pub hospital_id: &'a str,
    /// What it is for, where known (one booked in the portal takes its slot's service): it is
    /// moved only to a slot for the same service.
    pub service: Option<&'a str>,
}

/// What [`check`] looks at in a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot<'a> {
    /// When it starts.
    pub start: OffsetDateTime,
    /// Whether nobody has taken it.
    pub free: bool,
    /// Its hospital.
    pub hospital_id: &'a str,
    /// What it is for ("Consultatie orthopedie").
    pub service: &'a str,
}

/// Whether `change` can be made online at `now`, under the rules of the hospital concerned
/// (for a move: the appointment's, which the new slot must share). `appointment` is the one
/// moved or cancelled, `slot` the one taken (for booking and moving). The error says why not,
/// as a message for the person.
///
/// ```
/// use inzage_domain::appointments::*;
/// use time::macros::datetime;
/// let rules = OnlineAppointments { book: true, ..OnlineAppointments::default() };
/// let now = datetime!(2026-11-27 10:00 UTC);
/// let slot = Slot { start: datetime!(2026-12-01 9:00 UTC), free: true, hospital_id: "az", service: "Orthopedie" };
/// assert!(check(AppointmentChange::Book, &rules, None, Some(slot), now).is_ok());
/// let soon = Slot { start: datetime!(2026-11-28 9:00 UTC), ..slot };
/// let refused = check(AppointmentChange::Book, &rules, None, Some(soon), now).unwrap_err();
/// assert_eq!(refused.key, "appointments.slot_too_soon");
/// ```
pub fn check(
    change: AppointmentChange,
    rules: &OnlineAppointments,
    appointment: Option<Booked<'_>>,
    slot: Option<Slot<'_>>,
    now: OffsetDateTime,
) -> Result<(), Message> {
    if !rules.offers(change) {
        return Err(Message::new(change.not_online_key()));
    }
    if change != AppointmentChange::Book {
        let a = appointment.ok_or_else(|| Message::new("appointments.no_appointment"))?;
        still_changeable(rules, a, now)?;
    }
    if change != AppointmentChange::Cancel {
        let s = slot.ok_or_else(|| Message::new("appointments.no_slot"))?;
        if let Some(a) = appointment {
            if a.hospital_id != s.hospital_id {
                return Err(Message::new("appointments.other_hospital"));
            }
            if a.service.is_some_and(|service| service != s.service) {
                return Err(Message::new("appointments.other_service"));
            }
            if a.start == s.start {
                return Err(Message::new("appointments.same_time"));
            }
        }
        if !s.free {
            return Err(Message::new("appointments.slot_taken"));
        }
        if s.start < rules.deadline(now) {
            return Err(Message::new("appointments.slot_too_soon")
                .arg("hours", rules.change_until_hours.to_string()));
        }
    }
    Ok(())
}

/// Whether an existing appointment can still be moved or cancelled at `now`: it is booked (or
/// not yet confirmed), has not started, and starts after the hospital's deadline.
fn still_changeable(
    rules: &OnlineAppointments,
    a: Booked<'_>,
    now: OffsetDateTime,
) -> Result<(), Message> {
    if !matches!(a.status, "booked" | "pending" | "proposed") || a.start <= now {
        return Err(Message::new("appointments.not_changeable"));
    }
    if a.start < rules.deadline(now) {
        return Err(Message::new("appointments.too_late")
            .arg("hours", rules.change_until_hours.to_string()));
    }
    Ok(())
}

/// The changes to `appointment` that can be made online now (moving still needs a free slot),
/// and otherwise why the hospital's offer no longer applies to it (its deadline passed), for the
/// appointment's card.
pub fn changes_of(
    rules: &OnlineAppointments,
    appointment: Booked<'_>,
    now: OffsetDateTime,
) -> (Vec<AppointmentChange>, Option<Message>) {
    let offered: Vec<AppointmentChange> = [AppointmentChange::Move, AppointmentChange::Cancel]
        .into_iter()
        .filter(|c| rules.offers(*c))
        .collect();
    if offered.is_empty() {
        return (offered, None);
    }
    match still_changeable(rules, appointment, now) {
        Ok(()) => (offered, None),
        Err(m) if m.key == "appointments.too_late" => (Vec::new(), Some(m)),
        Err(_) => (Vec::new(), None),
    }
}

/// A free time the hospital published, that can be booked.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FreeSlot {
    /// The slot's id.
    pub id: String,
    /// When it starts.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// When it ends.
    #[serde(with = "time::serde::rfc3339")]
    pub end: OffsetDateTime,
    /// What for ("Consultatie cardiologie").
    pub service: String,
    /// With whom.
    pub practitioner: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// The hospital's id.
    pub hospital_id: String,
    /// The hospital's name.
    pub hospital: String,
}

crate::redacted_debug!(FreeSlot { id });

/// The free slots a person can take now: for a new appointment in the hospitals that offer
/// booking, or, when moving, in the appointment's hospital.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FreeSlots {
    /// The slots, soonest first.
    pub slots: Vec<FreeSlot>,
    /// The deadline that applies, in hours (slots starting sooner are not offered).
    pub change_until_hours: u16,
}

/// A change asked for: the slot to take (booking, moving).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TakeSlot {
    /// The slot's id.
    pub slot: String,
}

crate::redacted_debug!(TakeSlot { slot });

/// What a change did, to confirm on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentChanged {
    /// Which change.
    pub change: AppointmentChange,
    /// The appointment as it now stands.
    pub appointment: crate::record::AppointmentItem,
    /// Whether a confirmation goes by e-mail (the person's notifications are on).
    pub mailed: bool,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-27 10:00 UTC);

    fn all() -> OnlineAppointments {
        OnlineAppointments {
            book: true,
            reschedule: true,
            cancel: true,
            change_until_hours: 24,
        }
    }

    fn slot(start: OffsetDateTime) -> Slot<'static> {
        Slot {
            start,
            free: true,
            hospital_id: "az",
            service: "Orthopedie",
        }
    }

    fn booked(start: OffsetDateTime) -> Booked<'static> {
        Booked {
            start,
            status: "booked",
            hospital_id: "az",
            service: None,
        }
    }

    fn key(r: Result<(), Message>) -> String {
        r.err().map(|m| m.key.to_string()).unwrap_or_default()
    }

    const LATER: OffsetDateTime = datetime!(2026-12-03 09:00 UTC);

    #[test]
    fn nothing_is_online_unless_the_hospital_offers_it() {
        let none = OnlineAppointments::default();
        for change in AppointmentChange::ALL {
            let r = check(change, &none, Some(booked(LATER)), Some(slot(LATER)), NOW);
            assert_eq!(key(r), change.not_online_key());
        }
    }

    #[test]
    fn each_change_is_offered_on_its_own() {
        let only_cancel = OnlineAppointments {
            cancel: true,
            ..OnlineAppointments::default()
        };
        assert!(check(
            AppointmentChange::Cancel,
            &only_cancel,
            Some(booked(LATER)),
            None,
            NOW
        )
        .is_ok());
        let moved = check(
            AppointmentChange::Move,
            &only_cancel,
            Some(booked(LATER)),
            Some(slot(LATER + Duration::hours(1))),
            NOW,
        );
        assert_eq!(key(moved), "appointments.move_not_online");
    }

    #[test]
    fn a_slot_must_be_free_and_start_after_the_deadline() {
        let rules = all();
        let deadline = NOW + Duration::hours(24);
        assert!(check(
            AppointmentChange::Book,
            &rules,
            None,
            Some(slot(deadline)),
            NOW
        )
        .is_ok());
        let r = check(
            AppointmentChange::Book,
            &rules,
            None,
            Some(slot(deadline - Duration::seconds(1))),
            NOW,
        );
        assert_eq!(key(r.clone()), "appointments.slot_too_soon");
        assert_eq!(r.unwrap_err().get("hours"), Some("24"));
        let taken = Slot {
            free: false,
            ..slot(LATER)
        };
        assert_eq!(
            key(check(
                AppointmentChange::Book,
                &rules,
                None,
                Some(taken),
                NOW
            )),
            "appointments.slot_taken"
        );
        assert_eq!(
            key(check(AppointmentChange::Book, &rules, None, None, NOW)),
            "appointments.no_slot"
        );
    }

    #[test]
    fn an_appointment_can_be_changed_until_the_deadline() {
        let rules = all();
        let deadline = NOW + Duration::hours(24);
        assert!(check(
            AppointmentChange::Cancel,
            &rules,
            Some(booked(deadline)),
            None,
            NOW
        )
        .is_ok());
        let r = check(
            AppointmentChange::Cancel,
            &rules,
            Some(booked(deadline - Duration::minutes(1))),
            None,
            NOW,
        );
        assert_eq!(key(r), "appointments.too_late");
        let zero = OnlineAppointments {
            change_until_hours: 0,
            ..all()
        };
        assert!(check(
            AppointmentChange::Cancel,
            &zero,
            Some(booked(NOW + Duration::minutes(1))),
            None,
            NOW
        )
        .is_ok());
        assert_eq!(
            key(check(
                AppointmentChange::Cancel,
                &zero,
                Some(booked(NOW)),
                None,
                NOW
            )),
            "appointments.not_changeable",
            "an appointment that has started is past"
        );
    }

    #[test]
    fn only_a_booked_appointment_can_be_changed() {
        let rules = all();
        for status in [
            "cancelled",
            "fulfilled",
            "arrived",
            "noshow",
            "entered-in-error",
            "checked-in",
        ] {
            let a = Booked {
                status,
                ..booked(LATER)
            };
            assert_eq!(
                key(check(AppointmentChange::Cancel, &rules, Some(a), None, NOW)),
                "appointments.not_changeable",
                "{status}"
            );
        }
        for status in ["booked", "pending", "proposed"] {
            let a = Booked {
                status,
                ..booked(LATER)
            };
            assert!(
                check(AppointmentChange::Cancel, &rules, Some(a), None, NOW).is_ok(),
                "{status}"
            );
        }
        assert_eq!(
            key(check(AppointmentChange::Cancel, &rules, None, None, NOW)),
            "appointments.no_appointment"
        );
    }

    #[test]
    fn a_move_stays_in_the_hospital_and_changes_the_time() {
        let rules = all();
        let elsewhere = Slot {
            hospital_id: "umc",
            ..slot(LATER + Duration::hours(2))
        };
        assert_eq!(
            key(check(
                AppointmentChange::Move,
                &rules,
                Some(booked(LATER)),
                Some(elsewhere),
                NOW
            )),
            "appointments.other_hospital"
        );
        assert_eq!(
            key(check(
                AppointmentChange::Move,
                &rules,
                Some(booked(LATER)),
                Some(slot(LATER)),
                NOW
            )),
            "appointments.same_time"
        );
        assert!(check(
            AppointmentChange::Move,
            &rules,
            Some(booked(LATER)),
            Some(slot(LATER + Duration::hours(2))),
            NOW
        )
        .is_ok());
        // One booked in the portal keeps its service: it moves only to a slot for the same.
        let cardiology = Booked {
            service: Some("Cardiologie"),
            ..booked(LATER)
        };
        assert_eq!(
            key(check(
                AppointmentChange::Move,
                &rules,
                Some(cardiology),
                Some(slot(LATER + Duration::hours(2))),
                NOW
            )),
            "appointments.other_service"
        );
        let same = Slot {
            service: "Cardiologie",
            ..slot(LATER + Duration::hours(2))
        };
        assert!(check(
            AppointmentChange::Move,
            &rules,
            Some(cardiology),
            Some(same),
            NOW
        )
        .is_ok());
    }

    #[test]
    fn an_appointments_card_offers_what_the_hospital_offers_until_the_deadline() {
        let (changes, why) = changes_of(&all(), booked(LATER), NOW);
        assert_eq!(
            changes,
            vec![AppointmentChange::Move, AppointmentChange::Cancel]
        );
        assert!(why.is_none());
        let (changes, why) = changes_of(&all(), booked(NOW + Duration::hours(2)), NOW);
        assert!(changes.is_empty());
        assert_eq!(
            why.map(|m| m.key.to_string()).as_deref(),
            Some("appointments.too_late")
        );
        let (changes, why) = changes_of(&OnlineAppointments::default(), booked(LATER), NOW);
        assert!(
            changes.is_empty() && why.is_none(),
            "nothing offered, nothing to explain"
        );
        let past = booked(NOW - Duration::days(1));
        assert_eq!(changes_of(&all(), past, NOW), (vec![], None));
    }

    #[test]
    fn the_settings_read_from_a_file_default_to_nothing_online() {
        let rules: OnlineAppointments =
            serde_json::from_str(r#"{"book": true, "move": true}"#).unwrap();
        assert!(rules.book && rules.reschedule && !rules.cancel);
        assert_eq!(rules.change_until_hours, 24);
        assert!(serde_json::from_str::<OnlineAppointments>(r#"{"bok": true}"#).is_err());
    }
}
