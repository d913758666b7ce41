-- The leisure bank, second part. A loan the borrower never brought back is written off as 'lost'
-- by the maintenance round some time after its due date; a desk borrower's name and phone are then
-- deleted, as at a return. If the item comes back after all, it is returned as usual.
ALTER TABLE leisure_loans
    DROP CONSTRAINT leisure_loans_state_check,
    DROP CONSTRAINT leisure_loans_check,
    DROP CONSTRAINT leisure_loans_check1,
    DROP CONSTRAINT leisure_loans_check2;
ALTER TABLE leisure_loans
    ADD CONSTRAINT leisure_loans_state_check CHECK (state IN ('reserved', 'lent', 'returned', 'expired', 'lost')),
    ADD CONSTRAINT leisure_loans_lent_dates CHECK (state NOT IN ('lent', 'lost') OR (lent_at IS NOT NULL AND due_on IS NOT NULL)),
    ADD CONSTRAINT leisure_loans_has_borrower CHECK (state IN ('returned', 'lost') OR borrower_id IS NOT NULL OR desk_name IS NOT NULL),
    ADD CONSTRAINT leisure_loans_desk_deleted CHECK (state NOT IN ('returned', 'lost') OR (desk_name IS NULL AND desk_phone IS NULL));

-- A photo of a kind of item, as the public page shows it, with its alt text (required: what the
-- photo shows matters to someone who cannot see it). One per kind; a new one replaces it.
CREATE TABLE leisure_type_photos (
    type_id     UUID PRIMARY KEY REFERENCES leisure_item_types (id),
    image_id    UUID NOT NULL UNIQUE REFERENCES images (id),
    alt         TEXT NOT NULL CHECK (length(trim(alt)) > 0),
    added_by    UUID NOT NULL REFERENCES people (id),
    added_at    TIMESTAMPTZ NOT NULL
);
