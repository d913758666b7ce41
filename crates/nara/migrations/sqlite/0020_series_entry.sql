-- The directory entry of a series' organiser: that entry's page lists the series under "Träffar".
-- NULL when the organiser has no entry of its own (the unit that runs it is `organiser_unit_id`).
ALTER TABLE event_series ADD COLUMN entry_id BLOB REFERENCES directory_entries (id);
