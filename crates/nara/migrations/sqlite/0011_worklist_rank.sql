-- The work list's order starts with the status in the order a case moves, which is not the
-- alphabetical order of the names. As a computed `CASE` it made the database fetch and sort every
-- open case of the unit for each page; as a column in the index of open cases it is read in order
-- and the page stops after its rows. `status_due_on` needs no NULLS LAST here: the cases' CHECK
-- makes it set for exactly one status, so within a status it is all dates or all NULL.
ALTER TABLE cases ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (CASE status
    WHEN 'more_information_needed' THEN 0 WHEN 'received' THEN 1 WHEN 'being_assessed' THEN 2
    WHEN 'decision_made' THEN 3 ELSE 4 END) VIRTUAL;
DROP INDEX cases_worklist_open;
CREATE INDEX cases_worklist_open ON cases (unit_id, status_rank, status_due_on, opened_at, id)
    WHERE status <> 'closed';
-- The list of one status (closed ones too) in due-date order, likewise without a sort.
DROP INDEX cases_worklist;
CREATE INDEX cases_worklist ON cases (unit_id, status, status_due_on, opened_at, id);
