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
