-- Cases (ärenden) and the resident's record: the case with its status timeline, journal entries
-- kept in versions (a correction is a new version, nothing is overwritten), the resident's own
-- additions, messages between resident and case officer, and hand-overs between officers.
-- The record is append-only: triggers refuse to change or remove what was written.

CREATE TABLE cases (
    id              BLOB PRIMARY KEY NOT NULL,
    resident_id     BLOB NOT NULL REFERENCES people (id),
    unit_id         BLOB NOT NULL REFERENCES units (id),
    -- The resident's contact person: the case officer responsible now. NULL until assigned.
    officer_id      BLOB REFERENCES people (id),
    title           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN
                        ('received', 'being_assessed', 'more_information_needed', 'decision_made', 'closed')),
    -- The date the resident is asked to answer by; only while more information is needed.
    status_due_on   TEXT,
    opened_at       TEXT NOT NULL,
    closed_at       TEXT,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'more_information_needed') = (status_due_on IS NOT NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX cases_resident ON cases (resident_id, opened_at);
-- The work list: a unit's cases by status and due date.
CREATE INDEX cases_worklist ON cases (unit_id, status, status_due_on);
CREATE INDEX cases_officer ON cases (officer_id, status, status_due_on);

-- The timeline the resident sees: every status with the officer's note to the resident.
CREATE TABLE case_status_changes (
    id          BLOB PRIMARY KEY NOT NULL,
    case_id     BLOB NOT NULL REFERENCES cases (id),
    status      TEXT NOT NULL CHECK (status IN
                    ('received', 'being_assessed', 'more_information_needed', 'decision_made', 'closed')),
    due_on      TEXT,
    -- Shown to the resident.
    note        TEXT,
    changed_by  BLOB REFERENCES people (id),
    changed_at  TEXT NOT NULL,
    CHECK ((status = 'more_information_needed') = (due_on IS NOT NULL))
);
CREATE INDEX case_status_changes_case ON case_status_changes (case_id, changed_at);

-- A journal entry's identity; its text lives in versions.
CREATE TABLE case_journal_entries (
    id          BLOB PRIMARY KEY NOT NULL,
    case_id     BLOB NOT NULL REFERENCES cases (id),
    author_id   BLOB NOT NULL REFERENCES people (id),
    written_at  TEXT NOT NULL,
    -- Lets additions name an entry together with its case (an entry of another case is refused).
    UNIQUE (id, case_id)
);
CREATE INDEX case_journal_entries_case ON case_journal_entries (case_id, written_at);

-- Every version of every entry. Shared with the resident, or withheld with a recorded reason.
CREATE TABLE case_journal_versions (
    entry_id              BLOB NOT NULL REFERENCES case_journal_entries (id),
    version               INTEGER NOT NULL CHECK (version >= 1),
    body                  TEXT NOT NULL CHECK (length(trim(body)) > 0),
    shared_with_resident  BOOLEAN NOT NULL,
    withheld_reason       TEXT,
    written_by            BLOB NOT NULL REFERENCES people (id),
    written_at            TEXT NOT NULL,
    PRIMARY KEY (entry_id, version),
    CHECK (shared_with_resident OR length(trim(coalesce(withheld_reason, ''))) > 0),
    CHECK (NOT shared_with_resident OR withheld_reason IS NULL)
);

-- What the resident adds: a comment on an entry (possibly "this is not right") or a note of
-- their own. Kept with the entry and never edited.
CREATE TABLE case_additions (
    id             BLOB PRIMARY KEY NOT NULL,
    case_id        BLOB NOT NULL REFERENCES cases (id),
    entry_id       BLOB,
    -- The version the resident read when they wrote.
    entry_version  INTEGER,
    author_id      BLOB NOT NULL REFERENCES people (id),
    -- The resident says the entry is wrong (the law says this must be recorded).
    disputes       BOOLEAN NOT NULL DEFAULT FALSE,
    body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
    added_at       TEXT NOT NULL,
    FOREIGN KEY (entry_id, case_id) REFERENCES case_journal_entries (id, case_id),
    CHECK ((entry_id IS NULL) = (entry_version IS NULL)),
    CHECK (NOT disputes OR entry_id IS NOT NULL)
);
CREATE INDEX case_additions_case ON case_additions (case_id, added_at);

CREATE TABLE case_messages (
    id             BLOB PRIMARY KEY NOT NULL,
    case_id        BLOB NOT NULL REFERENCES cases (id),
    sender_id      BLOB NOT NULL REFERENCES people (id),
    from_resident  BOOLEAN NOT NULL,
    body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
    sent_at        TEXT NOT NULL,
    -- When the other side first saw it.
    read_at        TEXT
);
CREATE INDEX case_messages_case ON case_messages (case_id, sent_at);

CREATE TABLE case_handovers (
    id               BLOB PRIMARY KEY NOT NULL,
    case_id          BLOB NOT NULL REFERENCES cases (id),
    from_officer_id  BLOB REFERENCES people (id),
    to_officer_id    BLOB NOT NULL REFERENCES people (id),
    note             TEXT NOT NULL,
    handed_over_by   BLOB NOT NULL REFERENCES people (id),
    handed_over_at   TEXT NOT NULL
);
CREATE INDEX case_handovers_case ON case_handovers (case_id, handed_over_at);

CREATE TRIGGER case_status_changes_no_update BEFORE UPDATE ON case_status_changes
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_status_changes_no_delete BEFORE DELETE ON case_status_changes
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_journal_entries_no_update BEFORE UPDATE ON case_journal_entries
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_journal_entries_no_delete BEFORE DELETE ON case_journal_entries
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_journal_versions_no_update BEFORE UPDATE ON case_journal_versions
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_journal_versions_no_delete BEFORE DELETE ON case_journal_versions
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_additions_no_update BEFORE UPDATE ON case_additions
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_additions_no_delete BEFORE DELETE ON case_additions
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_handovers_no_update BEFORE UPDATE ON case_handovers
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_handovers_no_delete BEFORE DELETE ON case_handovers
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
-- A message is never changed, only marked read.
CREATE TRIGGER case_messages_no_edit BEFORE UPDATE OF case_id, sender_id, from_resident, body, sent_at ON case_messages
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
CREATE TRIGGER case_messages_no_delete BEFORE DELETE ON case_messages
BEGIN SELECT RAISE(ABORT, 'the case record is append-only'); END;
