-- Inzage's first schema. Portable between SQLite and PostgreSQL: TEXT and BIGINT only,
-- dates as 'YYYY-MM-DD' text, instants as Unix seconds.

CREATE TABLE hospitals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    report_cutoff TEXT NULL
);

CREATE TABLE patients (
    id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NULL,
    gender TEXT NULL,
    deceased_at TEXT NULL,
    insz TEXT NULL UNIQUE,
    bsn TEXT NULL UNIQUE,
    record_number TEXT NULL UNIQUE
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    hospital_id TEXT NOT NULL REFERENCES hospitals (id),
    source_type TEXT NOT NULL,
    title TEXT NOT NULL,
    category TEXT NULL,
    report_date TEXT NOT NULL,
    fhir_status TEXT NOT NULL,
    validated BIGINT NOT NULL,
    shielded BIGINT NOT NULL,
    author TEXT NULL,
    conclusion TEXT NULL,
    text_body TEXT NULL,
    results_json TEXT NOT NULL
);

CREATE INDEX reports_by_patient ON reports (patient_id, report_date);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL UNIQUE REFERENCES patients (id),
    username TEXT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE code_cards (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    issued_at BIGINT NOT NULL,
    blocked_at BIGINT NULL
);

CREATE INDEX code_cards_by_account ON code_cards (account_id);

CREATE TABLE code_card_codes (
    card_id TEXT NOT NULL REFERENCES code_cards (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (card_id, position)
);

CREATE TABLE login_challenges (
    id TEXT PRIMARY KEY,
    name_key TEXT NOT NULL,
    position BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE login_failures (
    name_key TEXT PRIMARY KEY,
    consecutive BIGINT NOT NULL,
    locked_until BIGINT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);
