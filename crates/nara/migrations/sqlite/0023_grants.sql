-- Assessing association grants becomes a role of its own ('grant_assessor'). SQLite cannot change
-- a CHECK constraint in place: the table is rebuilt with the same columns and rows, as in 0015.
-- The list also holds 'quality', which 0022 adds on another branch.
CREATE TABLE role_grants_new (
    person_id   BLOB NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'quality', 'grant_assessor', 'log_reviewer', 'admin')),
    -- The nil UUID when the role is not tied to a unit (keeps the primary key simple on both backends).
    unit_id     BLOB NOT NULL,
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role, unit_id)
);
INSERT INTO role_grants_new (person_id, role, unit_id, granted_at)
    SELECT person_id, role, unit_id, granted_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;

-- Association grants (föreningsbidrag). A programme's rules and questions are published in
-- versions that never change, so an application is always judged by the rules it was made under.
CREATE TABLE grant_programmes (
    id          BLOB PRIMARY KEY NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE grant_programme_versions (
    programme_id  BLOB NOT NULL REFERENCES grant_programmes (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    -- The published texts, kept as they were published: the rules with their criteria, and the
    -- questions (an application form definition, as in `application_form_versions`).
    rules         TEXT NOT NULL,
    questions     TEXT NOT NULL,
    name_sv       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    -- The last instant an application counts: the end of the last day in Stockholm.
    closes_at     TEXT NOT NULL,
    published_by  BLOB NOT NULL REFERENCES people (id),
    published_at  TEXT NOT NULL,
    PRIMARY KEY (programme_id, version)
);

CREATE TABLE grant_applications (
    id                 BLOB PRIMARY KEY NOT NULL,
    entry_id           BLOB NOT NULL REFERENCES directory_entries (id),
    programme_id       BLOB NOT NULL,
    programme_version  INTEGER NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn', 'decided')),
    answers            TEXT NOT NULL,
    -- Amounts are whole öre, never floating point.
    requested_ore      INTEGER NOT NULL CHECK (requested_ore >= 0),
    -- What the register said about the association when it applied (JSON).
    register_snapshot  TEXT,
    created_by         BLOB NOT NULL REFERENCES people (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    submitted_at       TEXT,
    withdrawn_at       TEXT,
    FOREIGN KEY (programme_id, programme_version) REFERENCES grant_programme_versions (programme_id, version),
    CHECK ((status = 'draft') = (submitted_at IS NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
    CHECK (status = 'draft' OR register_snapshot IS NOT NULL)
);
CREATE INDEX grant_applications_entry ON grant_applications (entry_id, created_at);
CREATE INDEX grant_applications_status ON grant_applications (status, submitted_at);

CREATE TABLE grant_budget_lines (
    application_id  BLOB NOT NULL REFERENCES grant_applications (id),
    position        INTEGER NOT NULL CHECK (position >= 1),
    label           TEXT NOT NULL CHECK (length(trim(label)) > 0),
    amount_ore      INTEGER NOT NULL CHECK (amount_ore >= 0),
    PRIMARY KEY (application_id, position)
);

-- Attachments: PDF only (statutes, annual report, budget), kept in the database.
CREATE TABLE grant_files (
    id              BLOB PRIMARY KEY NOT NULL,
    application_id  BLOB NOT NULL REFERENCES grant_applications (id),
    kind            TEXT NOT NULL CHECK (kind IN ('statutes', 'annual_report', 'budget', 'other')),
    file_name       TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL,
    content         BLOB NOT NULL,
    uploaded_by     BLOB NOT NULL REFERENCES people (id),
    uploaded_at     TEXT NOT NULL
);
CREATE INDEX grant_files_application ON grant_files (application_id, uploaded_at);

-- An assessor who declared a conflict of interest takes no further part in the application.
CREATE TABLE grant_conflicts (
    application_id  BLOB NOT NULL REFERENCES grant_applications (id),
    assessor_id     BLOB NOT NULL REFERENCES people (id),
    declared_at     TEXT NOT NULL,
    PRIMARY KEY (application_id, assessor_id)
);

CREATE TABLE grant_scores (
    application_id  BLOB NOT NULL REFERENCES grant_applications (id),
    assessor_id     BLOB NOT NULL REFERENCES people (id),
    criterion       TEXT NOT NULL,
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    scored_at       TEXT NOT NULL,
    PRIMARY KEY (application_id, assessor_id, criterion)
);

CREATE TABLE grant_decisions (
    application_id  BLOB PRIMARY KEY NOT NULL REFERENCES grant_applications (id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('granted', 'refused')),
    amount_ore      INTEGER NOT NULL CHECK (amount_ore >= 0),
    conditions      TEXT,
    reasons         TEXT NOT NULL CHECK (length(trim(reasons)) > 0),
    decided_by      BLOB NOT NULL REFERENCES people (id),
    decided_at      TEXT NOT NULL,
    CHECK (outcome = 'granted' OR amount_ore = 0)
);

CREATE TABLE grant_payments (
    id              BLOB PRIMARY KEY NOT NULL,
    application_id  BLOB NOT NULL REFERENCES grant_decisions (application_id),
    paid_on         TEXT NOT NULL,
    amount_ore      INTEGER NOT NULL CHECK (amount_ore > 0),
    reference       TEXT NOT NULL CHECK (length(trim(reference)) > 0),
    recorded_by     BLOB NOT NULL REFERENCES people (id),
    recorded_at     TEXT NOT NULL
);
CREATE INDEX grant_payments_application ON grant_payments (application_id, paid_on);
