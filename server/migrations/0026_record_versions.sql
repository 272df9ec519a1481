-- What the server may keep in memory (issue 10, item 6).
-- A record's version goes up with every change to what its decisions and its report list are
-- made of: the patient, the access facts, the release choices, the appointments and the reports.
-- The row '*' goes up with every change to a hospital, which every record's list shows. The
-- triggers that keep these numbers are the store's (`store/versions.rs`), as SQLite and
-- PostgreSQL write triggers differently; they fire for every writer, the server's or not.
CREATE TABLE record_versions (
    patient_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
