-- What a resident with a case could not do: attach files to a message, withdraw an application,
-- be written to in their own language, and know when their contact person answers the phone.

-- A file attached to a message in a case (the certificate a case asks for): the same kinds and
-- checks as an application's attachments, kept in the database and never changed.
CREATE TABLE case_message_files (
    id            BLOB PRIMARY KEY NOT NULL,
    message_id    BLOB NOT NULL REFERENCES case_messages (id),
    case_id       BLOB NOT NULL REFERENCES cases (id),
    -- The name to download under, with the extension of what the bytes are.
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    INTEGER NOT NULL,
    content       BLOB NOT NULL,
    uploaded_at   TEXT NOT NULL
);
CREATE INDEX case_message_files_case ON case_message_files (case_id, uploaded_at);
CREATE TRIGGER case_message_files_no_update BEFORE UPDATE ON case_message_files
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_message_files_no_delete BEFORE DELETE ON case_message_files
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;

-- A resident's withdrawal of an application not yet decided, with their reason. Its case is
-- closed in the same transaction; an application is withdrawn once.
CREATE TABLE application_withdrawals (
    application_id  BLOB PRIMARY KEY NOT NULL REFERENCES applications (id),
    case_id         BLOB NOT NULL REFERENCES cases (id),
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    withdrawn_at    TEXT NOT NULL
);
CREATE TRIGGER application_withdrawals_no_update BEFORE UPDATE ON application_withdrawals
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER application_withdrawals_no_delete BEFORE DELETE ON application_withdrawals
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;

-- The language a person reads Nära in (a catalogue code), for e-mails and notices; NULL until
-- they choose one, which means Swedish.
ALTER TABLE people ADD COLUMN language TEXT CHECK (language IN ('sv', 'en'));

-- When a contact person answers the telephone, in Stockholm wall time: shown in the contact box
-- of the resident's case page, which says whom to call instead outside these hours.
CREATE TABLE officer_phone_hours (
    person_id      BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    phone          TEXT NOT NULL CHECK (length(trim(phone)) > 0),
    -- ISO weekday digits: '12345' is Monday to Friday.
    weekdays       TEXT NOT NULL,
    -- 'HH:MM', the end not included.
    answers_from   TEXT NOT NULL,
    answers_until  TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
