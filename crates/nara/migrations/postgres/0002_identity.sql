-- People, roles, sessions, single-use links, rate limits, the audit log and the e-mail outbox.
-- Ids are UUIDs; times are timestamptz.

CREATE TABLE units (
    id          UUID PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name_sv     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE people (
    id                 UUID PRIMARY KEY,
    display_name       TEXT NOT NULL,
    -- Lower-cased; NULL for people who only log in with e-identification.
    email              TEXT UNIQUE,
    email_verified_at  TIMESTAMPTZ,
    -- 12 digits, no separator; NULL for people without one (association representatives).
    personnummer       TEXT UNIQUE,
    -- argon2id PHC string; NULL for people who only log in with e-identification.
    password_hash      TEXT,
    active             BOOLEAN NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL,
    deactivated_at     TIMESTAMPTZ
);

-- One row per role a person holds; staff and log reviewers hold theirs within a unit.
CREATE TABLE role_grants (
    person_id   UUID NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('resident', 'association', 'staff', 'log_reviewer', 'admin')),
    -- The nil UUID when the role is not tied to a unit (keeps the primary key simple on both backends).
    unit_id     UUID NOT NULL,
    granted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, role, unit_id)
);

CREATE TABLE oidc_identities (
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    person_id  UUID NOT NULL REFERENCES people (id),
    PRIMARY KEY (issuer, subject)
);

-- Only a hash of the session token is stored: a leaked table does not log anyone in.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    person_id     UUID NOT NULL REFERENCES people (id),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

-- E-mail verification, password reset and invitations: single use, expiring, hashed.
CREATE TABLE one_time_tokens (
    token_hash  TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation')),
    person_id   UUID NOT NULL REFERENCES people (id),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    -- An invitation's role: granted only when the invited person uses the link (proving they
    -- hold the mailbox), never to an account someone else may have made with the address.
    grant_role     TEXT,
    grant_unit_id  UUID
);

-- Fixed-window counters for log-in, registration and reset attempts, per address and per account.
CREATE TABLE rate_limits (
    bucket        TEXT PRIMARY KEY,
    window_start  TIMESTAMPTZ NOT NULL,
    hits          INTEGER NOT NULL
);

-- Append-only. Each entry carries the hash of the one before it.
CREATE TABLE audit_log (
    seq             BIGINT PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    actor_id        UUID,
    actor_role      TEXT NOT NULL,
    actor_unit_id   UUID,
    action          TEXT NOT NULL,
    object_type     TEXT NOT NULL,
    object_id       TEXT,
    subject_id      UUID,
    purpose         TEXT,
    request_id      TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);

-- The last entry's sequence number and hash; appending locks this row.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE TABLE outbox (
    id               UUID PRIMARY KEY,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
