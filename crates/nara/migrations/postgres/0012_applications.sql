-- Applications (ansökningar): forms that staff of a unit define and publish in versions, the
-- residents' applications (drafts until submitted, then the start of a case) and their
-- attachments. A published version and a submitted application never change.

CREATE TABLE application_forms (
    id          UUID PRIMARY KEY,
    -- The form's address: /mina-sidor/ansok/{slug}.
    slug        TEXT NOT NULL UNIQUE,
    -- The unit whose staff define the form and receive its applications.
    unit_id     UUID NOT NULL REFERENCES units (id),
    -- Staff stop a form from taking new applications by closing it; drafts can still be sent.
    open        BOOLEAN NOT NULL DEFAULT TRUE,
    created_by  UUID NOT NULL REFERENCES people (id),
    created_at  TIMESTAMPTZ NOT NULL
);

-- Every published version: the definition as staff wrote it (TOML), checked before it was stored.
CREATE TABLE application_form_versions (
    form_id       UUID NOT NULL REFERENCES application_forms (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    definition    TEXT NOT NULL,
    published_by  UUID NOT NULL REFERENCES people (id),
    published_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (form_id, version)
);

CREATE TABLE applications (
    id            UUID PRIMARY KEY,
    form_id       UUID NOT NULL,
    -- The version the resident started with; the draft keeps it if a newer one is published.
    form_version  INTEGER NOT NULL,
    resident_id   UUID NOT NULL REFERENCES people (id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    -- The answers by question id, as JSON.
    answers       TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    submitted_at  TIMESTAMPTZ,
    case_id       UUID UNIQUE REFERENCES cases (id),
    FOREIGN KEY (form_id, form_version) REFERENCES application_form_versions (form_id, version),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND case_id IS NOT NULL))
);
-- One draft per resident and form: starting again (or a double click) resumes it.
CREATE UNIQUE INDEX applications_one_draft ON applications (resident_id, form_id) WHERE status = 'draft';
CREATE INDEX applications_resident ON applications (resident_id, updated_at);

CREATE TABLE application_files (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES applications (id),
    question_id     TEXT NOT NULL,
    -- The name to download under, with the extension of what the bytes are.
    file_name       TEXT NOT NULL,
    content_type    TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER NOT NULL,
    content         BYTEA NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_files_application ON application_files (application_id, uploaded_at);

CREATE FUNCTION application_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published form version, a submitted application and an attachment never change';
END;
$$;
CREATE TRIGGER application_form_versions_fixed BEFORE UPDATE OR DELETE ON application_form_versions
    FOR EACH ROW EXECUTE FUNCTION application_refuse_change();
CREATE TRIGGER applications_submitted_fixed BEFORE UPDATE OR DELETE ON applications
    FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION application_refuse_change();
CREATE TRIGGER application_files_no_update BEFORE UPDATE ON application_files
    FOR EACH ROW EXECUTE FUNCTION application_refuse_change();

CREATE FUNCTION application_files_refuse_delete_when_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM applications WHERE id = OLD.application_id) = 'submitted' THEN
        RAISE EXCEPTION 'a submitted application never changes';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER application_files_submitted_fixed BEFORE DELETE ON application_files
    FOR EACH ROW EXECUTE FUNCTION application_files_refuse_delete_when_submitted();
-- FOR SHARE waits for a sending in progress (it holds the row FOR UPDATE) and then reads its outcome.
CREATE FUNCTION application_files_refuse_insert_when_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM applications WHERE id = NEW.application_id FOR SHARE) = 'submitted' THEN
        RAISE EXCEPTION 'a submitted application never changes';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER application_files_submitted_no_insert BEFORE INSERT ON application_files
    FOR EACH ROW EXECUTE FUNCTION application_files_refuse_insert_when_submitted();
