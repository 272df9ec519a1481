-- Questions to the helpdesk (issue 11): sent from the help page by anyone, with or without an
-- account; a case in staff's back office until staff answer it (the answer is mailed through
-- mail_outbox in the same transaction). An optional screenshot is a file in the uploads folder
-- named by the row's id, with its hash, media type and size here.
CREATE TABLE help_cases (
    id TEXT PRIMARY KEY,
    -- The patient whose account was logged in when it was sent, if any.
    patient_id TEXT NULL REFERENCES patients (id),
    -- help::HelpCategory, snake_case.
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    message TEXT NOT NULL,
    -- The language to answer in: nl, fr or en.
    language TEXT NOT NULL,
    screenshot_sha256 TEXT NULL,
    screenshot_type TEXT NULL,
    screenshot_size BIGINT NULL,
    filed_at BIGINT NOT NULL,
    answer TEXT NULL,
    answered_by TEXT NULL REFERENCES staff (id),
    answered_at BIGINT NULL
);
CREATE INDEX help_cases_open ON help_cases (answered_at, filed_at);
