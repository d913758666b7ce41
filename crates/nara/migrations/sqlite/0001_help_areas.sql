-- Areas of help: the managed vocabulary residents browse by on the home page.
CREATE TABLE help_areas (
    slug        TEXT PRIMARY KEY NOT NULL CHECK (length(slug) BETWEEN 1 AND 80),
    position    INTEGER NOT NULL,
    name_sv     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    summary_sv  TEXT NOT NULL,
    summary_en  TEXT NOT NULL,
    -- UTC, RFC 3339 text with a fixed width so that comparisons sort correctly.
    updated_at  TEXT NOT NULL
);
CREATE INDEX help_areas_position ON help_areas (position);
