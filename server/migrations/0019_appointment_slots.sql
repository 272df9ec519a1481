-- Free times the hospitals publish for appointments (FHIR Slot with its Schedule), and which
-- appointment booked through the portal took each. A new publication of a slot updates its
-- times and whether it is free, never who took it.

CREATE TABLE appointment_slots (
    -- Slot/<id>
    id TEXT PRIMARY KEY,
    hospital_id TEXT NOT NULL REFERENCES hospitals (id),
    -- Unix seconds.
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    -- What the slot is for ("Consultatie cardiologie").
    service TEXT NOT NULL,
    practitioner TEXT NULL,
    location TEXT NULL,
    -- 1 when the hospital published it as free (busy ones are kept but not offered).
    published_free BIGINT NOT NULL,
    -- The record_items id of the appointment booked in it through the portal.
    appointment_id TEXT NULL
);

CREATE INDEX appointment_slots_by_start ON appointment_slots (starts_at);
CREATE UNIQUE INDEX appointment_slots_by_appointment ON appointment_slots (appointment_id);
