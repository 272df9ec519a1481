-- Access management and the audit trail (issue 4). Portable between SQLite and PostgreSQL.
--
-- Accounts now belong to a patient, a practitioner or a member of hospital staff. SQLite cannot relax a NOT NULL
-- column in place, so the three account tables are rebuilt and their rows copied: sessions,
-- code cards and their codes survive the upgrade unchanged.

CREATE TABLE practitioners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- 'general_practitioner', 'specialist' or 'referrer'.
    role TEXT NOT NULL,
    -- Where they work (a practice or a hospital), as shown to the patient.
    institution TEXT NOT NULL,
    -- The network hospital they work in, when they do.
    hospital_id TEXT NULL REFERENCES hospitals (id)
);

-- Hospital staff who handle requests in the back office (the ombuds service).
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- What they handle, e.g. 'ombuds'.
    role TEXT NOT NULL
);

CREATE TABLE accounts_v2 (
    id TEXT PRIMARY KEY,
    patient_id TEXT NULL UNIQUE REFERENCES patients (id),
    practitioner_id TEXT NULL UNIQUE REFERENCES practitioners (id),
    staff_id TEXT NULL UNIQUE REFERENCES staff (id),
    username TEXT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK ((CASE WHEN patient_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN practitioner_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN staff_id IS NULL THEN 0 ELSE 1 END) = 1)
);
INSERT INTO accounts_v2 (id, patient_id, username, password_hash, created_at)
    SELECT id, patient_id, username, password_hash, created_at FROM accounts;

CREATE TABLE code_cards_v2 (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts_v2 (id),
    issued_at BIGINT NOT NULL,
    blocked_at BIGINT NULL
);
INSERT INTO code_cards_v2 (id, account_id, issued_at, blocked_at)
    SELECT id, account_id, issued_at, blocked_at FROM code_cards;

CREATE TABLE code_card_codes_v2 (
    card_id TEXT NOT NULL REFERENCES code_cards_v2 (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (card_id, position)
);
INSERT INTO code_card_codes_v2 (card_id, position, code_hash)
    SELECT card_id, position, code_hash FROM code_card_codes;

CREATE TABLE sessions_v2 (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts_v2 (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
INSERT INTO sessions_v2 (token_hash, account_id, created_at, expires_at)
    SELECT token_hash, account_id, created_at, expires_at FROM sessions;

DROP TABLE sessions;
DROP TABLE code_card_codes;
DROP TABLE code_cards;
DROP TABLE accounts;
ALTER TABLE accounts_v2 RENAME TO accounts;
ALTER TABLE code_cards_v2 RENAME TO code_cards;
ALTER TABLE code_card_codes_v2 RENAME TO code_card_codes;
ALTER TABLE sessions_v2 RENAME TO sessions;
CREATE INDEX code_cards_by_account ON code_cards (account_id);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- The facts the domain crate decides on (domain::access::Fact), one row per fact. A fact
-- that ends gets `valid_until`; rows are never deleted, so the history stays.
CREATE TABLE access_facts (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    -- The fact's `kind` as the domain crate names it (snake_case).
    kind TEXT NOT NULL,
    practitioner_id TEXT NULL REFERENCES practitioners (id),
    person_id TEXT NULL,
    -- Kind-specific detail: an emergency's reason, an authorisation's kind, a kinship degree.
    detail TEXT NULL,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT NULL
);
CREATE INDEX access_facts_by_patient ON access_facts (patient_id);
CREATE INDEX access_facts_by_practitioner ON access_facts (practitioner_id);

-- A referring practitioner's request to read a record, which the patient approves or refuses.
CREATE TABLE referral_requests (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    practitioner_id TEXT NOT NULL REFERENCES practitioners (id),
    reason TEXT NOT NULL,
    filed_at BIGINT NOT NULL,
    -- NULL while pending; then 'approved' or 'refused'.
    outcome TEXT NULL,
    decided_at BIGINT NULL
);
CREATE INDEX referral_requests_by_patient ON referral_requests (patient_id);

-- Where a patient's data was reused beyond care ("Projecten").
CREATE TABLE reuse_projects (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    name TEXT NOT NULL,
    -- domain::reuse::ReusePurpose, snake_case.
    purpose TEXT NOT NULL,
    used_at BIGINT NOT NULL
);
CREATE INDEX reuse_projects_by_patient ON reuse_projects (patient_id);

-- The audit trail (NEN 7513): append-only, each entry carrying the hash of the one before.
-- `seq` follows `audit_head` inside the writing transaction, which holds the trail's write
-- lock (see Store::begin), so entries form one gapless chain even with several servers on one
-- database; the head also shows when entries were cut off the end.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    -- 'person', 'practitioner' or 'system'; the id of the account's person or practitioner.
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    -- 'read' or 'change', and what was read or changed.
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    -- 'permit' or 'deny'.
    outcome TEXT NOT NULL,
    -- The decision's reasons (domain messages) as JSON: why it was allowed or refused.
    reasons TEXT NOT NULL,
    client TEXT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_patient ON audit_log (patient_id, seq);
CREATE INDEX audit_log_by_patient_actor ON audit_log (patient_id, actor_id, seq);
CREATE INDEX audit_log_by_patient_time ON audit_log (patient_id, at);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
