-- Designations by signed form (issue 5): a trusted person or representative (Belgium), a
-- curator, mentor or written authorisation (the Netherlands). The patient (or whoever manages
-- the record's access) uploads the signed form as PDF; the ombuds service approves or refuses.
-- The form itself is a file in the uploads folder, named by this row's id; its SHA-256 is kept
-- to show it was not changed.
CREATE TABLE designation_requests (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    -- The account subject who uploaded (a patient id).
    requester_id TEXT NOT NULL,
    -- manage::DesignationKind, snake_case.
    kind TEXT NOT NULL,
    designee_name TEXT NOT NULL,
    -- Belgian national number or BSN, digits only.
    designee_number TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_size BIGINT NOT NULL,
    filed_at BIGINT NOT NULL,
    outcome TEXT NULL,
    decided_by TEXT NULL REFERENCES staff (id),
    decided_at BIGINT NULL,
    decision_reason TEXT NULL
);
CREATE INDEX designation_requests_by_patient ON designation_requests (patient_id);
CREATE INDEX designation_requests_pending ON designation_requests (outcome, filed_at);
