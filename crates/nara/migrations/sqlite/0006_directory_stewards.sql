-- Those who keep an entry up to date: representatives of an association (a link staff approve),
-- changes to key facts waiting for staff review, and when the last confirmation reminder went.

CREATE TABLE directory_representatives (
    id            BLOB PRIMARY KEY NOT NULL,
    entry_id      BLOB NOT NULL REFERENCES directory_entries (id),
    person_id     BLOB NOT NULL REFERENCES people (id),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    -- What the person wrote about their role in the association.
    note          TEXT,
    requested_at  TEXT NOT NULL,
    decided_by    BLOB REFERENCES people (id),
    decided_at    TEXT,
    UNIQUE (entry_id, person_id)
);

CREATE TABLE directory_pending_changes (
    id            BLOB PRIMARY KEY NOT NULL,
    entry_id      BLOB NOT NULL REFERENCES directory_entries (id),
    proposed_by   BLOB NOT NULL REFERENCES people (id),
    proposed_at   TEXT NOT NULL,
    -- The whole entry as it would be, as JSON.
    snapshot      TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    decided_by    BLOB REFERENCES people (id),
    decided_at    TEXT
);

ALTER TABLE directory_entries ADD COLUMN confirm_reminded_at TEXT;
