-- Meetings and events: series (one rule, or a single event), their occurrences (each can be moved,
-- cancelled or given its own details), registrations with a waitlist, and theme suggestions.

CREATE TABLE event_series (
    id                      BLOB PRIMARY KEY NOT NULL,
    slug                    TEXT NOT NULL UNIQUE,
    title_sv                TEXT NOT NULL,
    title_en                TEXT NOT NULL,
    summary_sv              TEXT NOT NULL,
    summary_en              TEXT NOT NULL,
    -- Whether each meeting has a theme ("Tema ej klart" until it has).
    has_themes              BOOLEAN NOT NULL DEFAULT FALSE,
    organiser_name          TEXT NOT NULL,
    organiser_unit_id       BLOB REFERENCES units (id),
    audience_sv             TEXT NOT NULL,
    audience_en             TEXT NOT NULL,
    venue_name              TEXT,
    venue_address           TEXT,
    venue_accessibility_sv  TEXT,
    venue_accessibility_en  TEXT,
    online_url              TEXT,
    -- NULL means free of charge.
    price_sv                TEXT,
    price_en                TEXT,
    contact_name            TEXT NOT NULL,
    contact_email           TEXT,
    contact_phone           TEXT,
    -- The recurrence rule as stored by events::recurrence::Rule.
    rule                    TEXT NOT NULL,
    -- NULL: no registration. Otherwise the places per occurrence.
    capacity                INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    public                  BOOLEAN NOT NULL DEFAULT TRUE,
    created_at              TEXT NOT NULL
);

CREATE TABLE event_occurrences (
    id          BLOB PRIMARY KEY NOT NULL,
    series_id   BLOB NOT NULL REFERENCES event_series (id),
    -- Position in the series (0-based); with the series it makes the calendar UID stable.
    position    INTEGER NOT NULL,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    cancelled   BOOLEAN NOT NULL DEFAULT FALSE,
    theme_sv    TEXT,
    theme_en    TEXT,
    agenda_sv   TEXT,
    -- Markdown, published after the meeting; sanitised when shown.
    notes_md    TEXT,
    capacity    INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    -- Confirmed places taken; only ever changed by a conditional UPDATE (no overbooking).
    taken       INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0),
    -- iCalendar SEQUENCE: raised on every change people should see.
    sequence    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (series_id, position)
);
CREATE INDEX event_occurrences_start ON event_occurrences (starts_at);

CREATE TABLE event_registrations (
    id             BLOB PRIMARY KEY NOT NULL,
    occurrence_id  BLOB NOT NULL REFERENCES event_occurrences (id),
    person_id      BLOB REFERENCES people (id),
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    -- Order on the waitlist (the time of registering, as a number).
    queue          INTEGER NOT NULL,
    -- Diet, accessibility, interpreter: for the organiser only, deleted after the event.
    needs          TEXT,
    -- The language the person registered in, for reminders and notices.
    locale         TEXT NOT NULL DEFAULT 'sv',
    reminded_at    TEXT,
    created_at     TEXT NOT NULL,
    cancelled_at   TEXT
);
CREATE INDEX event_registrations_occurrence ON event_registrations (occurrence_id, status, queue);
CREATE INDEX event_registrations_person ON event_registrations (person_id);

CREATE TABLE theme_suggestions (
    id             BLOB PRIMARY KEY NOT NULL,
    series_id      BLOB NOT NULL REFERENCES event_series (id),
    suggestion     TEXT NOT NULL,
    name           TEXT,
    email          TEXT,
    status         TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'declined')),
    occurrence_id  BLOB REFERENCES event_occurrences (id),
    created_at     TEXT NOT NULL,
    decided_at     TEXT
);

-- Private calendar feeds of a person's own registrations: secret, revocable.
CREATE TABLE calendar_feeds (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    person_id   BLOB NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
