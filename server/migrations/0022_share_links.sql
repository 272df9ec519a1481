-- Share links (see inzage_domain::sharing): a time-limited, revocable link to chosen reports,
-- opened without an account. Only the SHA-256 of the link's secret is stored.
CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    -- Who made it: a person's id (what the link shows is decided as they would see it), and
    -- their name at the time.
    made_by_id TEXT NOT NULL,
    made_by_name TEXT NOT NULL,
    opened BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX share_links_by_patient ON share_links (patient_id, created_at);

-- The reports a link holds, in the order chosen, with their titles at the time.
CREATE TABLE share_link_reports (
    share_id TEXT NOT NULL REFERENCES share_links (id),
    idx BIGINT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id),
    title TEXT NOT NULL,
    PRIMARY KEY (share_id, idx)
);
