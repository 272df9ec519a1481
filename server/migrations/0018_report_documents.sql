-- The documents a report carries (issue 6): a discharge letter as PDF, a scanned image, from
-- the inline attachments of a DocumentReference or a DiagnosticReport's presentedForm, checked
-- by content at import. They are served only as their report is: decided by the same rules.
CREATE TABLE report_documents (
    report_id TEXT NOT NULL REFERENCES reports (id),
    -- 1, 2, 3… in the resource's order.
    idx BIGINT NOT NULL,
    title TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    -- BYTEA on PostgreSQL; SQLite keeps a blob in any column.
    data BYTEA NOT NULL,
    PRIMARY KEY (report_id, idx)
);
