-- Requests to act for someone else (issue 5): a parent asks for a link to a child's record by
-- message, with the child's name and national number; hospital staff approve or refuse it with
-- a reason. The request is kept whatever the outcome.
CREATE TABLE link_requests (
    id TEXT PRIMARY KEY,
    -- The person asking (they have an account as a patient of the network).
    requester_id TEXT NOT NULL REFERENCES patients (id),
    -- 'parent'.
    relation TEXT NOT NULL,
    child_name TEXT NOT NULL,
    -- The Belgian national number (11 digits) or the Dutch BSN (9), digits only.
    child_number TEXT NOT NULL,
    message TEXT NOT NULL,
    filed_at BIGINT NOT NULL,
    -- NULL while pending; then 'approved' or 'refused'.
    outcome TEXT NULL,
    decided_at BIGINT NULL,
    decided_by TEXT NULL REFERENCES staff (id),
    decision_reason TEXT NULL,
    -- The child's record the approval linked.
    patient_id TEXT NULL REFERENCES patients (id)
);
CREATE INDEX link_requests_by_requester ON link_requests (requester_id);
CREATE INDEX link_requests_pending ON link_requests (outcome, filed_at);
