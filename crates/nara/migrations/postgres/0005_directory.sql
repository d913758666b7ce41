-- The directory of support: city services, associations and others that help, with their opening
-- hours, versions of every change, referrals between entries, a change log that keeps each server
-- process's search index in step, and counts that measure use without identifying anyone.

CREATE TABLE directory_entries (
    id                      UUID PRIMARY KEY,
    slug                    TEXT NOT NULL UNIQUE,
    kind                    TEXT NOT NULL CHECK (kind IN ('city', 'association', 'region', 'other')),
    name                    TEXT NOT NULL,
    description_sv          TEXT NOT NULL,
    description_en          TEXT,
    -- JSON arrays: help-area slugs, target-group codes, ISO 639-1 language codes.
    areas                   TEXT NOT NULL DEFAULT '[]',
    target_groups           TEXT NOT NULL DEFAULT '[]',
    age_min                 INTEGER CHECK (age_min IS NULL OR age_min >= 0),
    age_max                 INTEGER CHECK (age_max IS NULL OR age_max >= 0),
    languages               TEXT NOT NULL DEFAULT '[]',
    phone                   TEXT,
    email                   TEXT,
    website                 TEXT,
    street_address          TEXT,
    postal_code             TEXT,
    city                    TEXT,
    -- directory::hours::OpeningHours as JSON; NULL when the hours are not known.
    hours                   TEXT,
    premises_accessibility  TEXT,
    way_in                  TEXT NOT NULL CHECK (way_in IN ('drop_in', 'appointment', 'referral')),
    org_number              TEXT,
    published               BOOLEAN NOT NULL DEFAULT TRUE,
    confirmed_at            TIMESTAMPTZ NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);

CREATE TABLE directory_entry_versions (
    entry_id    UUID NOT NULL REFERENCES directory_entries (id),
    version     INTEGER NOT NULL,
    changed_by  UUID REFERENCES people (id),
    changed_at  TIMESTAMPTZ NOT NULL,
    -- The whole entry as JSON after the change.
    snapshot    TEXT NOT NULL,
    PRIMARY KEY (entry_id, version)
);

CREATE TABLE directory_referrals (
    from_entry  UUID NOT NULL REFERENCES directory_entries (id),
    to_entry    UUID NOT NULL REFERENCES directory_entries (id),
    status      TEXT NOT NULL CHECK (status IN ('suggested', 'accepted')),
    suggested_by UUID REFERENCES people (id),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_entry, to_entry),
    CHECK (from_entry <> to_entry)
);

CREATE TABLE directory_changes (
    seq         BIGSERIAL PRIMARY KEY,
    entry_id    UUID NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE directory_counts (
    day         DATE NOT NULL,
    measure     TEXT NOT NULL CHECK (measure IN ('search', 'view', 'no_result')),
    count       BIGINT NOT NULL,
    PRIMARY KEY (day, measure)
);

-- Queries that found nothing, normalised and counted per ISO week; nothing ties them to a person.
CREATE TABLE directory_missed_queries (
    week        TEXT NOT NULL,
    query       TEXT NOT NULL,
    count       BIGINT NOT NULL,
    PRIMARY KEY (week, query)
);
