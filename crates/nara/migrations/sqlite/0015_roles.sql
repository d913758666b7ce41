-- Organising events becomes a role of its own ('organiser', held within a unit like staff), so a
-- unit's organisers need not be case officers. SQLite cannot change a CHECK constraint in place:
-- the table is rebuilt with the same columns and rows (nothing references it).
CREATE TABLE role_grants_new (
    person_id   BLOB NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'log_reviewer', 'admin')),
    -- The nil UUID when the role is not tied to a unit (keeps the primary key simple on both backends).
    unit_id     BLOB NOT NULL,
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role, unit_id)
);
INSERT INTO role_grants_new (person_id, role, unit_id, granted_at)
    SELECT person_id, role, unit_id, granted_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;

-- Staff ran their unit's events until now: they keep doing so as organisers of the same unit.
INSERT INTO role_grants (person_id, role, unit_id, granted_at)
    SELECT person_id, 'organiser', unit_id, strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')
    FROM role_grants WHERE role = 'staff'
    ON CONFLICT (person_id, role, unit_id) DO NOTHING;

-- An approved representative of a directory entry is an association representative (approving one
-- grants the role from now on): those approved before keep their way to "Mina föreningar".
INSERT INTO role_grants (person_id, role, unit_id, granted_at)
    SELECT DISTINCT person_id, 'association', zeroblob(16), strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')
    FROM directory_representatives WHERE status = 'approved'
    ON CONFLICT (person_id, role, unit_id) DO NOTHING;
