-- Applications (ansökningar): forms that staff of a unit define and publish in versions, the
-- residents' applications (drafts until submitted, then the start of a case) and their
-- attachments. A published version and a submitted application never change.

CREATE TABLE application_forms (
    id          BLOB PRIMARY KEY NOT NULL,
    -- The form's address: /mina-sidor/ansok/{slug}.
    slug        TEXT NOT NULL UNIQUE,
    -- The unit whose staff define the form and receive its applications.
    unit_id     BLOB NOT NULL REFERENCES units (id),
    -- Staff stop a form from taking new applications by closing it; drafts can still be sent.
    open        BOOLEAN NOT NULL DEFAULT TRUE,
    created_by  BLOB NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL
);

-- Every published version: the definition as staff wrote it (TOML), checked before it was stored.
CREATE TABLE application_form_versions (
    form_id       BLOB NOT NULL REFERENCES application_forms (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    definition    TEXT NOT NULL,
    published_by  BLOB NOT NULL REFERENCES people (id),
    published_at  TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
);

CREATE TABLE applications (
    id            BLOB PRIMARY KEY NOT NULL,
    form_id       BLOB NOT NULL,
    -- The version the resident started with; the draft keeps it if a newer one is published.
    form_version  INTEGER NOT NULL,
    resident_id   BLOB NOT NULL REFERENCES people (id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    -- The answers by question id, as JSON.
    answers       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    case_id       BLOB UNIQUE REFERENCES cases (id),
    FOREIGN KEY (form_id, form_version) REFERENCES application_form_versions (form_id, version),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND case_id IS NOT NULL))
);
-- One draft per resident and form: starting again (or a double click) resumes it.
CREATE UNIQUE INDEX applications_one_draft ON applications (resident_id, form_id) WHERE status = 'draft';
CREATE INDEX applications_resident ON applications (resident_id, updated_at);

CREATE TABLE application_files (
    id              BLOB PRIMARY KEY NOT NULL,
    application_id  BLOB NOT NULL REFERENCES applications (id),
    question_id     TEXT NOT NULL,
    -- The name to download under, with the extension of what the bytes are.
    file_name       TEXT NOT NULL,
    content_type    TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER NOT NULL,
    content         BLOB NOT NULL,
    uploaded_at     TEXT NOT NULL
);
CREATE INDEX application_files_application ON application_files (application_id, uploaded_at);

CREATE TRIGGER application_form_versions_no_update BEFORE UPDATE ON application_form_versions
BEGIN SELECT RAISE(ABORT, 'a published form version never changes'); END;
CREATE TRIGGER application_form_versions_no_delete BEFORE DELETE ON application_form_versions
BEGIN SELECT RAISE(ABORT, 'a published form version never changes'); END;
CREATE TRIGGER applications_submitted_no_update BEFORE UPDATE ON applications WHEN OLD.status = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted application never changes'); END;
CREATE TRIGGER applications_submitted_no_delete BEFORE DELETE ON applications WHEN OLD.status = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted application never changes'); END;
CREATE TRIGGER application_files_submitted_no_change BEFORE DELETE ON application_files
WHEN (SELECT status FROM applications WHERE id = OLD.application_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted application never changes'); END;
CREATE TRIGGER application_files_no_update BEFORE UPDATE ON application_files
BEGIN SELECT RAISE(ABORT, 'an attachment never changes'); END;
CREATE TRIGGER application_files_submitted_no_insert BEFORE INSERT ON application_files
WHEN (SELECT status FROM applications WHERE id = NEW.application_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted application never changes'); END;
