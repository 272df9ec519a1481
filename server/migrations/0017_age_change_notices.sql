-- Notices of a birthday that changes who may see a record (issue 5, item 5): one per person,
-- record and birthday, queued from a month before it takes effect.
CREATE TABLE age_change_notices (
    person_id TEXT NOT NULL REFERENCES patients (id),
    record_id TEXT NOT NULL REFERENCES patients (id),
    -- The birthday, YYYY-MM-DD.
    birthday TEXT NOT NULL,
    queued_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, record_id, birthday)
);
