-- Rate limits (issue 8, item 4): hits per key (a client address, an account, an e-mail address)
-- in a fixed window, for the steps that cost the portal work or send mail before anyone is known:
-- the login challenge, password reset and code card requests, e-mail changes, OpenID starts.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);
