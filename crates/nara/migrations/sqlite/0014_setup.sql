-- A fresh installation can be set up without demo data (`nara setup`, or /admin): units get a kind
-- and a contact, areas of help may be kept off the home page, target groups become a managed list
-- (starting with the ten the directory has used so far), the search page's "no results" contact is
-- configured instead of found by a fixed address, and every change to these is kept in a history.

ALTER TABLE units ADD COLUMN kind TEXT NOT NULL DEFAULT 'case_handling'
    CHECK (kind IN ('case_handling', 'service', 'development'));
ALTER TABLE units ADD COLUMN contact_phone TEXT;
ALTER TABLE units ADD COLUMN contact_email TEXT;

ALTER TABLE help_areas ADD COLUMN on_home_page BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE target_groups (
    slug        TEXT PRIMARY KEY NOT NULL CHECK (length(slug) BETWEEN 1 AND 80),
    position    INTEGER NOT NULL,
    name_sv     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
INSERT INTO target_groups (slug, position, name_sv, name_en, updated_at) VALUES
    ('barn', 1, 'Barn', 'Children', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('unga', 2, 'Unga', 'Young people', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('vuxna', 3, 'Vuxna', 'Adults', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('aldre', 4, 'Äldre', 'Older people', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('foraldrar', 5, 'Föräldrar', 'Parents', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('anhoriga', 6, 'Anhöriga och närstående', 'Relatives and people close to someone', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('kvinnor', 7, 'Kvinnor', 'Women', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('man', 8, 'Män', 'Men', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('hbtqi', 9, 'Hbtqi-personer', 'LGBTQI people', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now')),
    ('nyanlanda', 10, 'Nyanlända', 'Newly arrived', strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now'));

-- One row. `version` is raised by every change of the set-up; that write comes first in the change's
-- transaction, so changes never interleave. `search_contact` is setup::SearchContact as JSON (NULL:
-- none); an installation that had the demo's contact centre keeps it.
CREATE TABLE setup_state (
    id              INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version         INTEGER NOT NULL,
    search_contact  TEXT
);
INSERT INTO setup_state (id, version, search_contact)
    SELECT 1, 0, (SELECT '{"entry":"kontaktcenter"}' FROM directory_entries WHERE slug = 'kontaktcenter');

-- Every change of a unit, an area of help, a target group or the search contact: the whole item
-- as JSON after the change. `changed_by` is NULL for `nara setup` on the command line.
CREATE TABLE setup_history (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('created', 'updated', 'removed')),
    changed_by  BLOB REFERENCES people (id),
    changed_at  TEXT NOT NULL,
    snapshot    TEXT NOT NULL
);
CREATE INDEX setup_history_item ON setup_history (kind, slug, seq);

-- A unit that staff have acted for is named in the audit log and is never removed; this index
-- lets the set-up pages ask without reading the whole log.
CREATE INDEX audit_log_actor_unit ON audit_log (actor_unit_id);
