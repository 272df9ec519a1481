-- E-mail notifications (issue 7): each person's settings, the news waiting to be told, and an
-- outbox of mails that a background worker delivers and retries. A notice holds no medical
-- content, only how much is new of each kind.
CREATE TABLE notification_settings (
    -- The person (a patient id).
    person_id TEXT PRIMARY KEY REFERENCES patients (id),
    enabled BIGINT NOT NULL,
    -- notify::Topic names, comma-separated.
    topics TEXT NOT NULL,
    -- notify::Frequency.
    frequency TEXT NOT NULL,
    -- When the last notice went out (Unix seconds).
    last_sent_at BIGINT NULL
);

CREATE TABLE notification_events (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES patients (id),
    -- notify::Topic.
    topic TEXT NOT NULL,
    -- What it is about, where the worker must decide again before telling (a report's id).
    ref_id TEXT NULL,
    created_at BIGINT NOT NULL,
    -- Set when a notice told of it (or the person did not want it told).
    told_at BIGINT NULL
);
CREATE INDEX notification_events_pending ON notification_events (told_at, person_id);

CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    -- nl, fr or en.
    language TEXT NOT NULL,
    -- Translation keys and their arguments (JSON), composed when sent.
    subject_key TEXT NOT NULL,
    body_key TEXT NOT NULL,
    args TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT NULL,
    -- Set when it was given up after notify::MAX_ATTEMPTS.
    failed_at BIGINT NULL,
    last_error TEXT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, failed_at, next_attempt_at);
