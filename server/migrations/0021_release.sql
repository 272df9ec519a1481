-- When a report or a result was made available (FHIR `issued`; a DocumentReference's `date`):
-- the care team's hold and the patient's own release choice count from it. NULL: not given;
-- the item's clinical day counts instead.
ALTER TABLE reports ADD COLUMN issued_at BIGINT NULL;
ALTER TABLE record_items ADD COLUMN issued_at BIGINT NULL;

-- The patient's own choice, per category, of when new items appear in the portal (see
-- inzage_domain::release). No row: as soon as the hospital releases them.
CREATE TABLE release_choices (
    patient_id TEXT NOT NULL REFERENCES patients (id),
    -- results | reports
    category TEXT NOT NULL,
    -- after_a_week | after_consultation (immediately deletes the row)
    preference TEXT NOT NULL,
    -- The day it was made, YYYY-MM-DD in the hospital network's time zone.
    since TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (patient_id, category)
);
