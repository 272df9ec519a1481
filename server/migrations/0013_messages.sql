-- Messages (issue 7): threads between the people who act on a record and a hospital's
-- departments, with attachments kept as files in the uploads folder
-- (`message-<message id>-<index>`), and how far each reader has read.
CREATE TABLE message_threads (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    hospital_id TEXT NOT NULL,
    -- messaging::Department, snake_case.
    department TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The account subject who started it (a patient id).
    started_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    -- How many messages it holds (the last message's `seq`).
    message_count BIGINT NOT NULL
);
CREATE INDEX message_threads_by_patient ON message_threads (patient_id, last_at);
CREATE INDEX message_threads_by_time ON message_threads (last_at);

CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES message_threads (id),
    -- 1, 2, 3… within the thread.
    seq BIGINT NOT NULL,
    -- `person` or `staff`.
    author_kind TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    UNIQUE (thread_id, seq)
);

CREATE TABLE message_attachments (
    message_id TEXT NOT NULL REFERENCES messages (id),
    idx BIGINT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (message_id, idx)
);

-- How far a reader (a patient id, or `staff` for the hospital's side) has read a thread: the
-- `seq` of the last message they opened.
CREATE TABLE message_reads (
    thread_id TEXT NOT NULL REFERENCES message_threads (id),
    reader_id TEXT NOT NULL,
    read_upto BIGINT NOT NULL,
    PRIMARY KEY (thread_id, reader_id)
);
