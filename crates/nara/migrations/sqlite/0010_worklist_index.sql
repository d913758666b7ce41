-- The work list reads a unit's open cases in status and due-date order; most cases are closed,
-- so an index of the open ones alone keeps the list fast however many cases a unit has had.
CREATE INDEX cases_worklist_open ON cases (unit_id, status, status_due_on, opened_at) WHERE status <> 'closed';
