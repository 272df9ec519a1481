-- The record's sections beside the reports: lab results and measurements, allergies, the blood
-- group, risks, medications and appointments. One table, because the access rules look at the
-- same facts for each (validated, shielded, the clinically relevant day); what differs per
-- section is in detail_json, read by the server's typed structs.

CREATE TABLE record_items (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    hospital_id TEXT NOT NULL REFERENCES hospitals (id),
    -- result | allergy | blood_group | risk | medication | appointment
    section TEXT NOT NULL,
    -- The day the rules look at, YYYY-MM-DD.
    item_date TEXT NOT NULL,
    -- The instant, as Unix seconds, where the section has one (results, appointments).
    starts_at BIGINT NULL,
    ends_at BIGINT NULL,
    -- Results: the test's code, which groups values into a series.
    code TEXT NULL,
    title TEXT NOT NULL,
    fhir_status TEXT NOT NULL,
    validated BIGINT NOT NULL,
    shielded BIGINT NOT NULL,
    detail_json TEXT NOT NULL
);

CREATE INDEX record_items_by_patient ON record_items (patient_id, section, item_date);
CREATE INDEX record_items_by_code ON record_items (patient_id, code);
