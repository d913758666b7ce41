-- The leisure bank's roles: 'leisure_staff' (desk staff and work supervisors at a lending
-- place) and 'leisure_participant' (given by a supervisor). The list also holds
-- 'plain_reviewer', 'coordinator' (0027) and 'reporter' (0028), which other branches add.
ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check
    CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'quality', 'grant_assessor', 'plain_reviewer', 'coordinator', 'reporter', 'leisure_staff', 'leisure_participant', 'log_reviewer', 'admin'));

-- The leisure bank (fritidsbanken): sports and leisure items lent free like a library from
-- lending places that are directory entries, kept going by participants' work.

-- Which directory entries are lending places (their address and opening hours are the entry's).
CREATE TABLE leisure_places (
    entry_id    UUID PRIMARY KEY REFERENCES directory_entries (id),
    added_at    TIMESTAMPTZ NOT NULL
);

-- A kind of item in one size: what a resident asks for and what a waitlist is kept for.
CREATE TABLE leisure_item_types (
    id          UUID PRIMARY KEY,
    category    TEXT NOT NULL CHECK (category IN ('ball', 'winter', 'cycling', 'outdoor', 'water', 'fitness', 'games')),
    name_sv     TEXT NOT NULL CHECK (length(trim(name_sv)) > 0),
    name_en     TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
    -- '' when the kind has no sizes.
    size        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (category, name_sv, size)
);

CREATE TABLE leisure_items (
    id          UUID PRIMARY KEY,
    -- What the QR label holds: random, unguessable, never the row's id.
    code        TEXT NOT NULL UNIQUE CHECK (length(code) >= 20),
    type_id     UUID NOT NULL REFERENCES leisure_item_types (id),
    place_id    UUID NOT NULL REFERENCES leisure_places (entry_id),
    step        TEXT NOT NULL CHECK (step IN ('donated', 'sorting', 'washing', 'repair', 'available', 'lent', 'returned', 'retired')),
    condition   TEXT NOT NULL CHECK (condition IN ('good', 'worn', 'damaged')),
    -- Held for a reservation (the loan row says whose): an available item that is not held is
    -- what "available now" counts.
    held        BOOLEAN NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (NOT held OR step IN ('available', 'lent'))
);
CREATE INDEX leisure_items_available ON leisure_items (type_id, place_id, step, held);

-- Every move of an item through its life: who, when, where.
CREATE TABLE leisure_item_moves (
    id          UUID PRIMARY KEY,
    item_id     UUID NOT NULL REFERENCES leisure_items (id),
    from_step   TEXT,
    to_step     TEXT NOT NULL,
    place_id    UUID NOT NULL REFERENCES leisure_places (entry_id),
    moved_by    UUID REFERENCES people (id),
    moved_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX leisure_item_moves_item ON leisure_item_moves (item_id, moved_at);
CREATE INDEX leisure_item_moves_step ON leisure_item_moves (to_step, moved_at);

-- A loan from reservation to return. A borrower at the desk without an account leaves only a
-- name and a phone number, deleted when the item comes back.
CREATE TABLE leisure_loans (
    id                  UUID PRIMARY KEY,
    item_id             UUID NOT NULL REFERENCES leisure_items (id),
    type_id             UUID NOT NULL REFERENCES leisure_item_types (id),
    place_id            UUID NOT NULL REFERENCES leisure_places (entry_id),
    borrower_id         UUID REFERENCES people (id),
    desk_name           TEXT,
    desk_phone          TEXT,
    state               TEXT NOT NULL CHECK (state IN ('reserved', 'lent', 'returned', 'expired')),
    reserved_at         TIMESTAMPTZ NOT NULL,
    pickup_by           TIMESTAMPTZ NOT NULL,
    lent_at             TIMESTAMPTZ,
    due_on              DATE,
    renewals            INTEGER NOT NULL DEFAULT 0 CHECK (renewals BETWEEN 0 AND 1),
    returned_at         TIMESTAMPTZ,
    returned_place_id   UUID REFERENCES leisure_places (entry_id),
    reminded_due_at     TIMESTAMPTZ,
    reminded_overdue_at TIMESTAMPTZ,
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
    id              UUID PRIMARY KEY,
    type_id         UUID NOT NULL REFERENCES leisure_item_types (id),
    person_id       UUID NOT NULL REFERENCES people (id),
    joined_at       TIMESTAMPTZ NOT NULL,
    offered_loan_id UUID REFERENCES leisure_loans (id),
    left_at         TIMESTAMPTZ
);
CREATE UNIQUE INDEX leisure_waitlist_once ON leisure_waitlist (type_id, person_id)
    WHERE offered_loan_id IS NULL AND left_at IS NULL;
CREATE INDEX leisure_waitlist_order ON leisure_waitlist (type_id, joined_at);

-- A participant's work on an item (a task of one life step), and the supervisor's sign-off.
CREATE TABLE leisure_work (
    id              UUID PRIMARY KEY,
    person_id       UUID NOT NULL REFERENCES people (id),
    item_id         UUID NOT NULL REFERENCES leisure_items (id),
    task            TEXT NOT NULL CHECK (task IN ('sort', 'wash', 'repair', 'store', 'deliver')),
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    what_done       TEXT NOT NULL CHECK (length(trim(what_done)) > 0),
    recorded_at     TIMESTAMPTZ NOT NULL,
    signed_off_by   UUID REFERENCES people (id),
    signed_off_at   TIMESTAMPTZ,
    CHECK ((signed_off_by IS NULL) = (signed_off_at IS NULL))
);
CREATE INDEX leisure_work_person ON leisure_work (person_id, recorded_at);
