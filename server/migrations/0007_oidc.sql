-- Logins through an identity provider (OpenID Connect): one row per started flow, kept on the
-- server so any instance can finish it. Single use (used_at), expiring (expires_at, Unix
-- seconds). browser_hash is the SHA-256 of a random value in a cookie of the browser that
-- started the flow, so a callback URL is worth nothing in another browser.
CREATE TABLE oidc_flows (
    state TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    browser_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NULL
);

CREATE INDEX oidc_flows_by_expiry ON oidc_flows (expires_at);
