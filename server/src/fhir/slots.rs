//! Import of the appointment slots a hospital publishes: FHIR `Slot` resources, each with the
//! `Schedule` it belongs to in the same bundle.
//!
//! | Slot field | becomes |
//! |---|---|
//! | `status` | free when `free`; `busy`, `busy-unavailable`, `busy-tentative` and `entered-in-error` are kept but not offered |
//! | `start`, `end` | the slot's time (both required, the end after the start) |
//! | `serviceType`, else the Schedule's | what it is for (required) |
//! | the Schedule's `actor` | with whom (a Practitioner) and where (a Location), the hospital being the Location's `managingOrganization` (required) |
//!
//! A Schedule that is not `active` offers none of its slots.

use serde_json::Value;
use time::OffsetDateTime;

use super::items::instant;
use super::{array, concept_text, err, str_at, Context, ImportError};

/// A published slot, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotImport {
    /// `Slot/<id>`.
    pub id: String,
    /// The hospital (Organization id).
    pub hospital_id: String,
    /// When it starts.
    pub start: OffsetDateTime,
    /// When it ends.
    pub end: OffsetDateTime,
    /// What for.
    pub service: String,
    /// With whom.
    pub practitioner: Option<String>,
    /// The doctor's practitioner id (the Schedule's Practitioner actor).
    pub practitioner_id: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// Whether the hospital offers it.
    pub free: bool,
}

/// Reads one Slot.
pub(super) fn slot(ctx: &Context<'_>, name: &str, r: &Value) -> Result<SlotImport, ImportError> {
    let free = match str_at(r, "status").ok_or_else(|| err(name, "status", "is missing"))? {
        "free" => true,
        "busy" | "busy-unavailable" | "busy-tentative" | "entered-in-error" => false,
        other => {
            return Err(err(
                name,
                "status",
                format!("`{other}` is not a Slot status"),
            ))
        }
    };
    let start = instant(
        name,
        "start",
        str_at(r, "start").ok_or_else(|| err(name, "start", "is missing"))?,
    )?;
    let end = instant(
        name,
        "end",
        str_at(r, "end").ok_or_else(|| err(name, "end", "is missing"))?,
    )?;
    if end <= start {
        return Err(err(name, "end", "is not after the start"));
    }
    let schedule_ref = r
        .get("schedule")
        .ok_or_else(|| err(name, "schedule", "is missing"))?;
    let (ty, id) = ctx.resolve(name, "schedule", schedule_ref)?;
    let schedule = ctx
        .resource(&ty, &id)
        .filter(|_| ty == "Schedule")
        .ok_or_else(|| err(name, "schedule", "must name a Schedule in the same bundle"))?;
    let schedule_name = format!("Schedule/{id}");
    let active = schedule
        .get("active")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let service = array(r, "serviceType")
        .first()
        .and_then(concept_text)
        .or_else(|| {
            array(schedule, "serviceType")
                .first()
                .and_then(concept_text)
        })
        .ok_or_else(|| {
            err(
                name,
                "serviceType",
                "is missing (and so is the Schedule's serviceType)",
            )
        })?;
    let mut practitioner = None;
    let mut practitioner_id = None;
    let mut location = None;
    let mut hospital_id = None;
    for (i, actor) in array(schedule, "actor").iter().enumerate() {
        let field = format!("actor[{i}]");
        let (ty, id) = ctx.resolve(&schedule_name, &field, actor)?;
        match ty.as_str() {
            "Practitioner" if practitioner.is_none() => {
                practitioner = ctx
                    .practitioner_name(&ty, &id)
                    .or_else(|| str_at(actor, "display").map(str::to_owned));
                practitioner_id = Some(id);
            }
            "Location" if location.is_none() => {
                let place = ctx.resource(&ty, &id);
                location = place
                    .and_then(|l| str_at(l, "name"))
                    .or_else(|| str_at(actor, "display"))
                    .map(str::to_owned);
                if let Some(org) = place.and_then(|l| l.get("managingOrganization")) {
                    let (t, o) =
                        ctx.resolve(&format!("Location/{id}"), "managingOrganization", org)?;
                    if t == "Organization" {
                        hospital_id = Some(o);
                    }
                }
            }
            _ => {}
        }
    }
    let hospital_id = hospital_id.ok_or_else(|| {
        err(
            &schedule_name,
            "actor",
            "names no Location in the bundle with a managingOrganization (the hospital)",
        )
    })?;
    Ok(SlotImport {
        id: name.to_owned(),
        hospital_id,
        start,
        end,
        service,
        practitioner,
        practitioner_id,
        location,
        free: free && active,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::{json, Value};

    use super::super::parse_bundle;

    fn bundle(slot: Value, schedule: Value) -> String {
        json!({"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Organization", "id": "az", "name": "AZ"}},
            {"resource": {"resourceType": "Practitioner", "id": "dr",
                "name": [{"family": "Peeters", "given": ["An"], "prefix": ["Dr."]}]}},
            {"resource": {"resourceType": "Location", "id": "poli", "name": "Polikliniek",
                "managingOrganization": {"reference": "Organization/az"}}},
            {"resource": schedule},
            {"resource": slot},
        ]})
        .to_string()
    }

    fn schedule() -> Value {
        json!({"resourceType": "Schedule", "id": "s", "serviceType": [{"text": "Consultatie"}],
            "actor": [{"reference": "Practitioner/dr"}, {"reference": "Location/poli"}]})
    }

    fn slot() -> Value {
        json!({"resourceType": "Slot", "id": "1", "schedule": {"reference": "Schedule/s"},
            "status": "free", "start": "2026-12-01T09:00:00+01:00", "end": "2026-12-01T09:30:00+01:00"})
    }

    fn with(mut v: Value, key: &str, value: Value) -> Value {
        v[key] = value;
        v
    }

    #[test]
    fn a_slot_takes_its_hospital_practitioner_and_place_from_its_schedule() {
        let batch = parse_bundle(&bundle(slot(), schedule()), None).unwrap();
        let s = &batch.slots[0];
        assert_eq!(s.id, "Slot/1");
        assert_eq!(s.hospital_id, "az");
        assert_eq!(s.service, "Consultatie");
        assert_eq!(s.practitioner.as_deref(), Some("Dr. An Peeters"));
        assert_eq!(s.practitioner_id.as_deref(), Some("dr"));
        assert_eq!(s.location.as_deref(), Some("Polikliniek"));
        assert_eq!(s.start, time::macros::datetime!(2026-12-01 08:00 UTC));
        assert!(s.free);
        let own_service = with(slot(), "serviceType", json!([{"text": "Echografie"}]));
        let batch = parse_bundle(&bundle(own_service, schedule()), None).unwrap();
        assert_eq!(batch.slots[0].service, "Echografie");
    }

    #[test]
    fn busy_slots_and_inactive_schedules_offer_nothing() {
        for status in [
            "busy",
            "busy-unavailable",
            "busy-tentative",
            "entered-in-error",
        ] {
            let batch = parse_bundle(
                &bundle(with(slot(), "status", json!(status)), schedule()),
                None,
            )
            .unwrap();
            assert!(!batch.slots[0].free, "{status}");
        }
        let inactive = with(schedule(), "active", json!(false));
        let batch = parse_bundle(&bundle(slot(), inactive), None).unwrap();
        assert!(!batch.slots[0].free);
    }

    #[test]
    fn a_slot_that_cannot_be_placed_is_refused_naming_the_field() {
        let no_place = with(
            schedule(),
            "actor",
            json!([{"reference": "Practitioner/dr"}]),
        );
        let no_service = json!({"resourceType": "Schedule", "id": "s",
            "actor": [{"reference": "Location/poli"}]});
        let cases = [
            (
                bundle(with(slot(), "status", json!("open")), schedule()),
                "Slot/1: `status`",
            ),
            (
                bundle(
                    with(slot(), "end", json!("2026-12-01T08:00:00+01:00")),
                    schedule(),
                ),
                "Slot/1: `end` is not after",
            ),
            (
                bundle(with(slot(), "start", json!("morgen")), schedule()),
                "Slot/1: `start`",
            ),
            (
                bundle(
                    with(slot(), "schedule", json!({"reference": "Location/poli"})),
                    schedule(),
                ),
                "Slot/1: `schedule` must name a Schedule",
            ),
            (
                bundle(slot(), no_place),
                "Schedule/s: `actor` names no Location",
            ),
            (
                bundle(slot(), no_service),
                "Slot/1: `serviceType` is missing",
            ),
        ];
        for (json, expected) in cases {
            let e = parse_bundle(&json, None).unwrap_err().to_string();
            assert!(e.starts_with(expected), "{e}\n expected: {expected}");
        }
    }
}
