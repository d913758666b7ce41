-- A log-in with e-identification on its way: created when the visitor is sent to the provider,
-- used up when they come back. The browser holds the state in a cookie too.
CREATE TABLE oidc_logins (
    state_hash     TEXT PRIMARY KEY,
    provider       TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    return_to      TEXT NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);
