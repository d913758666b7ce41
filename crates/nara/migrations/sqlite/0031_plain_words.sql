-- The bureaucratic words and phrases with plain alternatives that the plain-language checker
-- flags, managed by the coordinator and the plain-language reviewers. `phrase_key` is the phrase
-- lower-cased with single spaces (computed in Rust, which lower-cases å/ä/ö the same on both
-- databases), so a phrase is listed once whatever its case.
CREATE TABLE plain_words (
    id          BLOB PRIMARY KEY NOT NULL,
    phrase      TEXT NOT NULL CHECK (length(trim(phrase)) > 0),
    phrase_key  TEXT NOT NULL UNIQUE,
    plain       TEXT NOT NULL CHECK (length(trim(plain)) > 0),
    updated_at  TEXT NOT NULL,
    -- NULL for the starter list (words_sv.toml), seeded right after the migrations.
    updated_by  BLOB REFERENCES people (id)
);

-- Whether the starter list has been put in: once only, so a pair staff removed stays removed.
CREATE TABLE plain_words_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    seeded  BOOLEAN NOT NULL
);
INSERT INTO plain_words_state (id, seeded) VALUES (1, FALSE);
