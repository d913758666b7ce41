-- Organising events becomes a role of its own ('organiser', held within a unit like staff), so a
-- unit's organisers need not be case officers.
ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check
    CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'log_reviewer', 'admin'));

-- Staff ran their unit's events until now: they keep doing so as organisers of the same unit.
INSERT INTO role_grants (person_id, role, unit_id, granted_at)
    SELECT person_id, 'organiser', unit_id, now()
    FROM role_grants WHERE role = 'staff'
    ON CONFLICT (person_id, role, unit_id) DO NOTHING;

-- An approved representative of a directory entry is an association representative (approving one
-- grants the role from now on): those approved before keep their way to "Mina föreningar".
INSERT INTO role_grants (person_id, role, unit_id, granted_at)
    SELECT DISTINCT person_id, 'association', '00000000-0000-0000-0000-000000000000'::uuid, now()
    FROM directory_representatives WHERE status = 'approved'
    ON CONFLICT (person_id, role, unit_id) DO NOTHING;
