-- Meetings in more detail: an agenda in both languages, registration for a whole series (one
-- group of registrations behind one private link), attendance, the series' area of help for the
-- calendar's filter, and PDF documents attached to a meeting.

ALTER TABLE event_occurrences ADD COLUMN agenda_en TEXT;
ALTER TABLE event_series ADD COLUMN help_area TEXT REFERENCES help_areas (slug);
-- Registrations made together for every coming meeting of a series share a group.
ALTER TABLE event_registrations ADD COLUMN group_id UUID;
ALTER TABLE event_registrations ADD COLUMN attended BOOLEAN;
CREATE INDEX event_registrations_group ON event_registrations (group_id);

-- Documents are public with their meeting; PDF only (checked by content), size-limited.
CREATE TABLE event_documents (
    id             UUID PRIMARY KEY,
    occurrence_id  UUID NOT NULL REFERENCES event_occurrences (id),
    title          TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
    content        BYTEA NOT NULL,
    uploaded_by    UUID NOT NULL REFERENCES people (id),
    uploaded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_documents_occurrence ON event_documents (occurrence_id, uploaded_at);
