-- Requests about a record (issue 7): a copy, a copy for a minor or of a fertility treatment,
-- imaging, a correction or addition, destruction. Each is assessed by the domain crate when it
-- is filed (its due date and fee are kept as assessed then) and becomes a case that hospital
-- staff handle: received, in progress, needs information, done, refused.
CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    -- The account subject who filed it (a patient id: the patient or a proxy).
    requester_id TEXT NOT NULL,
    -- The network hospital it goes to.
    hospital_id TEXT NOT NULL,
    -- requests::RequestForm's kind, snake_case (also inside `form`).
    kind TEXT NOT NULL,
    -- requests::RequestForm as JSON.
    form TEXT NOT NULL,
    note TEXT NOT NULL,
    -- The assessment's notes (messages) as JSON.
    notes TEXT NOT NULL,
    filed_at BIGINT NOT NULL,
    -- YYYY-MM-DD, in the hospital's time zone.
    due TEXT NOT NULL,
    fee_cents BIGINT NOT NULL,
    -- cases::CaseStatus, snake_case.
    status TEXT NOT NULL,
    question TEXT NULL,
    answer TEXT NULL,
    reason TEXT NULL,
    handled_by TEXT NULL REFERENCES staff (id),
    updated_at BIGINT NOT NULL,
    -- The document staff delivered (a file in the uploads folder named `request-<id>-delivery`).
    delivery_sha256 TEXT NULL,
    delivery_size BIGINT NULL,
    delivery_type TEXT NULL
);
CREATE INDEX requests_by_patient ON requests (patient_id, filed_at);
CREATE INDEX requests_by_status ON requests (status, due);

-- Identity documents and signed forms attached to a request, one per signer; the file is
-- `request-<request id>-<signer>` in the uploads folder.
CREATE TABLE request_files (
    request_id TEXT NOT NULL REFERENCES requests (id),
    signer TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (request_id, signer)
);
