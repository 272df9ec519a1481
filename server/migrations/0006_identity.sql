-- Identity (issue 8): e-mail addresses, sessions a person can see and end, password reset links,
-- code card requests and mailing, single-use codes, and the failure counters per address.

-- The address for reset links and notices, confirmed by a link before it is used.
ALTER TABLE accounts ADD COLUMN email TEXT NULL;
ALTER TABLE accounts ADD COLUMN email_confirmed_at BIGINT NULL;

-- Sessions get a public id (the token's hash never leaves the server), where they came from, and
-- when they were last used, for the list of active sessions. Sessions are ephemeral: the table
-- is recreated, which ends the sessions that were open during the upgrade.
DROP TABLE sessions;
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- 'code_card', 'password_reset' or an OpenID provider's id.
    method TEXT NOT NULL,
    client_addr TEXT NULL,
    user_agent TEXT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- A card starts 'pending' when printed and becomes the active one at its first use, which blocks
-- the card before it: a patient can keep using the old card until the new one arrives by post.
ALTER TABLE code_cards ADD COLUMN activated_at BIGINT NULL;
UPDATE code_cards SET activated_at = issued_at;
-- Hospitals that use each code once mark it here.
ALTER TABLE code_card_codes ADD COLUMN used_at BIGINT NULL;

-- Single-use links sent by e-mail: password reset and e-mail confirmation. Only the token's hash
-- is stored.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    -- 'password_reset', 'confirm_email' or 'confirm_card_request'.
    purpose TEXT NOT NULL,
    -- The account (reset, e-mail) or the card request it is for.
    subject_id TEXT NOT NULL,
    email TEXT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NULL
);
CREATE INDEX email_tokens_by_subject ON email_tokens (subject_id);

-- Code card requests: online (national number and an e-mail address confirmed by a link), by a
-- logged-in patient, or at the desk. A confirmed request for a known patient gets a card whose
-- printable PDF waits in the uploads folder until staff mark it as posted; then it is deleted.
CREATE TABLE code_card_requests (
    id TEXT PRIMARY KEY,
    -- 'online', 'account' or 'desk'.
    channel TEXT NOT NULL,
    national_number TEXT NULL,
    email TEXT NULL,
    patient_id TEXT NULL REFERENCES patients (id),
    -- 'unconfirmed', 'unknown' (no such patient), 'to_post', 'posted', 'printed' (desk).
    status TEXT NOT NULL,
    card_id TEXT NULL REFERENCES code_cards (id),
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT NULL,
    handled_by TEXT NULL REFERENCES staff (id),
    handled_at BIGINT NULL
);
CREATE INDEX code_card_requests_by_status ON code_card_requests (status, created_at);

-- Consecutive failures are counted per login name (now: per account when the name is known) and
-- per client address ('addr:' keys). `total` is never reset by a lock's end, only by success or
-- the helpdesk: at 100 the factor is disabled (NIST SP 800-63B 5.2.2).
ALTER TABLE login_failures ADD COLUMN total BIGINT NOT NULL DEFAULT 0;

-- The postal address the hospital holds (from the FHIR Patient), where code cards are posted.
ALTER TABLE patients ADD COLUMN postal_address TEXT NULL;
