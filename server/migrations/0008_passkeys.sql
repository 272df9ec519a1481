-- Passkeys (WebAuthn), a second factor a person adds after logging in with the code card.
-- passkey is webauthn-rs's serialized Passkey (JSON: credential id, public key, counter);
-- credential_id its id in base64url, unique across the portal; user_handle the WebAuthn user id
-- of the account (a UUID, the same for all of an account's passkeys). Instants are Unix seconds.
CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    user_handle TEXT NOT NULL,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NULL
);

CREATE INDEX passkeys_by_account ON passkeys (account_id);

-- The server's half of a WebAuthn ceremony between its two steps (webauthn-rs's state, JSON):
-- single use (taken by deleting it), expiring, and bound to its owner: the account for adding a
-- passkey ("account:<id>"), the login challenge's failure key for logging in (id is then the
-- login challenge's id).
CREATE TABLE passkey_ceremonies (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX passkey_ceremonies_by_expiry ON passkey_ceremonies (expires_at);
