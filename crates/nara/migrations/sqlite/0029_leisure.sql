-- The leisure bank's roles: 'leisure_staff' (desk staff and work supervisors at a lending
-- place) and 'leisure_participant' (given by a supervisor). SQLite cannot change a CHECK
-- constraint in place: the table is rebuilt as in 0023. The list also holds 'plain_reviewer',
-- 'coordinator' (0027) and 'reporter' (0028), which other branches add.
CREATE TABLE role_grants_new (
    person_id   BLOB NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'quality', 'grant_assessor', 'plain_reviewer', 'coordinator', 'reporter', 'leisure_staff', 'leisure_participant', 'log_reviewer', 'admin')),
    -- The nil UUID when the role is not tied to a unit (keeps the primary key simple on both backends).
    unit_id     BLOB NOT NULL,
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role, unit_id)
);
INSERT INTO role_grants_new (person_id, role, unit_id, granted_at)
    SELECT person_id, role, unit_id, granted_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;

-- The leisure bank (fritidsbanken): sports and leisure items lent free like a library from
-- lending places that are directory entries, kept going by participants' work.

-- Which directory entries are lending places (their address and opening hours are the entry's).
CREATE TABLE leisure_places (
    entry_id    BLOB PRIMARY KEY REFERENCES directory_entries (id),
    added_at    TEXT NOT NULL
);

-- A kind of item in one size: what a resident asks for and what a waitlist is kept for.
CREATE TABLE leisure_item_types (
    id          BLOB PRIMARY KEY NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('ball', 'winter', 'cycling', 'outdoor', 'water', 'fitness', 'games')),
    name_sv     TEXT NOT NULL CHECK (length(trim(name_sv)) > 0),
    name_en     TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
    -- '' when the kind has no sizes.
    size        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (category, name_sv, size)
);

CREATE TABLE leisure_items (
    id          BLOB PRIMARY KEY NOT NULL,
    -- What the QR label holds: random, unguessable, never the row's id.
    code        TEXT NOT NULL UNIQUE CHECK (length(code) >= 20),
    type_id     BLOB NOT NULL REFERENCES leisure_item_types (id),
    place_id    BLOB NOT NULL REFERENCES leisure_places (entry_id),
    step        TEXT NOT NULL CHECK (step IN ('donated', 'sorting', 'washing', 'repair', 'available', 'lent', 'returned', 'retired')),
    condition   TEXT NOT NULL CHECK (condition IN ('good', 'worn', 'damaged')),
    -- Held for a reservation (the loan row says whose): an available item that is not held is
    -- what "available now" counts.
    held        BOOLEAN NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (NOT held OR step IN ('available', 'lent'))
);
CREATE INDEX leisure_items_available ON leisure_items (type_id, place_id, step, held);

-- Every move of an item through its life: who, when, where.
CREATE TABLE leisure_item_moves (
    id          BLOB PRIMARY KEY NOT NULL,
    item_id     BLOB NOT NULL REFERENCES leisure_items (id),
    from_step   TEXT,
    to_step     TEXT NOT NULL,
    place_id    BLOB NOT NULL REFERENCES leisure_places (entry_id),
    moved_by    BLOB REFERENCES people (id),
    moved_at    TEXT NOT NULL
);
CREATE INDEX leisure_item_moves_item ON leisure_item_moves (item_id, moved_at);
CREATE INDEX leisure_item_moves_step ON leisure_item_moves (to_step, moved_at);

-- A loan from reservation to return. A borrower at the desk without an account leaves only a
-- name and a phone number, deleted when the item comes back.
CREATE TABLE leisure_loans (
    id                  BLOB PRIMARY KEY NOT NULL,
    item_id             BLOB NOT NULL REFERENCES leisure_items (id),
    type_id             BLOB NOT NULL REFERENCES leisure_item_types (id),
    place_id            BLOB NOT NULL REFERENCES leisure_places (entry_id),
    borrower_id         BLOB REFERENCES people (id),
    desk_name           TEXT,
    desk_phone          TEXT,
    state               TEXT NOT NULL CHECK (state IN ('reserved', 'lent', 'returned', 'expired')),
    reserved_at         TEXT NOT NULL,
    pickup_by           TEXT NOT NULL,
    lent_at             TEXT,
    due_on              TEXT,
    renewals            INTEGER NOT NULL DEFAULT 0 CHECK (renewals BETWEEN 0 AND 1),
    returned_at         TEXT,
    returned_place_id   BLOB REFERENCES leisure_places (entry_id),
    reminded_due_at     TEXT,
    reminded_overdue_at TEXT,
    CHECK (state <> 'lent' OR (lent_at IS NOT NULL AND due_on IS NOT NULL)),
    CHECK (state = 'returned' OR borrower_id IS NOT NULL OR desk_name IS NOT NULL),
    CHECK (state <> 'returned' OR (desk_name IS NULL AND desk_phone IS NULL))
);
-- Never two loans of one item: at most one reserved or lent loan per item, whatever the timing.
CREATE UNIQUE INDEX leisure_loans_one_active ON leisure_loans (item_id) WHERE state IN ('reserved', 'lent');
CREATE INDEX leisure_loans_borrower ON leisure_loans (borrower_id, reserved_at);
CREATE INDEX leisure_loans_state ON leisure_loans (state, due_on);

-- Residents waiting for a kind of item, in order; the next one that becomes available is
-- reserved for the first of them.
CREATE TABLE leisure_waitlist (
    id              BLOB PRIMARY KEY NOT NULL,
    type_id         BLOB NOT NULL REFERENCES leisure_item_types (id),
    person_id       BLOB NOT NULL REFERENCES people (id),
    joined_at       TEXT NOT NULL,
    offered_loan_id BLOB REFERENCES leisure_loans (id),
    left_at         TEXT
);
CREATE UNIQUE INDEX leisure_waitlist_once ON leisure_waitlist (type_id, person_id)
    WHERE offered_loan_id IS NULL AND left_at IS NULL;
CREATE INDEX leisure_waitlist_order ON leisure_waitlist (type_id, joined_at);

-- A participant's work on an item (a task of one life step), and the supervisor's sign-off.
CREATE TABLE leisure_work (
    id              BLOB PRIMARY KEY NOT NULL,
    person_id       BLOB NOT NULL REFERENCES people (id),
    item_id         BLOB NOT NULL REFERENCES leisure_items (id),
    task            TEXT NOT NULL CHECK (task IN ('sort', 'wash', 'repair', 'store', 'deliver')),
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    what_done       TEXT NOT NULL CHECK (length(trim(what_done)) > 0),
    recorded_at     TEXT NOT NULL,
    signed_off_by   BLOB REFERENCES people (id),
    signed_off_at   TEXT,
    CHECK ((signed_off_by IS NULL) = (signed_off_at IS NULL))
);
CREATE INDEX leisure_work_person ON leisure_work (person_id, recorded_at);
