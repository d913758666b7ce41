-- no-transaction
-- The leisure bank, second part. A loan the borrower never brought back is written off as 'lost'
-- by the maintenance round some time after its due date; a desk borrower's name and phone are then
-- deleted, as at a return. If the item comes back after all, it is returned as usual.
--
-- SQLite cannot change a CHECK constraint in place, and leisure_loans is referenced (by the
-- waitlist), so it is rebuilt by SQLite's documented procedure: foreign keys off outside the
-- transaction (a DROP would otherwise delete through them), rebuild, check, foreign keys on.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE leisure_loans_new (
    id                  BLOB PRIMARY KEY NOT NULL,
    item_id             BLOB NOT NULL REFERENCES leisure_items (id),
    type_id             BLOB NOT NULL REFERENCES leisure_item_types (id),
    place_id            BLOB NOT NULL REFERENCES leisure_places (entry_id),
    borrower_id         BLOB REFERENCES people (id),
    desk_name           TEXT,
    desk_phone          TEXT,
    state               TEXT NOT NULL CHECK (state IN ('reserved', 'lent', 'returned', 'expired', 'lost')),
    reserved_at         TEXT NOT NULL,
    pickup_by           TEXT NOT NULL,
    lent_at             TEXT,
    due_on              TEXT,
    renewals            INTEGER NOT NULL DEFAULT 0 CHECK (renewals BETWEEN 0 AND 1),
    returned_at         TEXT,
    returned_place_id   BLOB REFERENCES leisure_places (entry_id),
    reminded_due_at     TEXT,
    reminded_overdue_at TEXT,
    CHECK (state NOT IN ('lent', 'lost') OR (lent_at IS NOT NULL AND due_on IS NOT NULL)),
    CHECK (state IN ('returned', 'lost') OR borrower_id IS NOT NULL OR desk_name IS NOT NULL),
    CHECK (state NOT IN ('returned', 'lost') OR (desk_name IS NULL AND desk_phone IS NULL))
);
INSERT INTO leisure_loans_new (id, item_id, type_id, place_id, borrower_id, desk_name, desk_phone, state,
        reserved_at, pickup_by, lent_at, due_on, renewals, returned_at, returned_place_id, reminded_due_at,
        reminded_overdue_at)
    SELECT id, item_id, type_id, place_id, borrower_id, desk_name, desk_phone, state, reserved_at, pickup_by,
        lent_at, due_on, renewals, returned_at, returned_place_id, reminded_due_at, reminded_overdue_at
    FROM leisure_loans;
DROP TABLE leisure_loans;
ALTER TABLE leisure_loans_new RENAME TO leisure_loans;
CREATE UNIQUE INDEX leisure_loans_one_active ON leisure_loans (item_id) WHERE state IN ('reserved', 'lent');
CREATE INDEX leisure_loans_borrower ON leisure_loans (borrower_id, reserved_at);
CREATE INDEX leisure_loans_state ON leisure_loans (state, due_on);

-- A photo of a kind of item, as the public page shows it, with its alt text (required: what the
-- photo shows matters to someone who cannot see it). One per kind; a new one replaces it.
CREATE TABLE leisure_type_photos (
    type_id     BLOB PRIMARY KEY NOT NULL REFERENCES leisure_item_types (id),
    image_id    BLOB NOT NULL UNIQUE REFERENCES images (id),
    alt         TEXT NOT NULL CHECK (length(trim(alt)) > 0),
    added_by    BLOB NOT NULL REFERENCES people (id),
    added_at    TEXT NOT NULL
);
COMMIT;
PRAGMA foreign_keys = ON;
