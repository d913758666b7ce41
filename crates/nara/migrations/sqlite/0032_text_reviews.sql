-- The plain-language group's review of staff texts (klarspråksgranskning). A member of staff
-- submits a text with its audience, channel and deadline; a reviewer takes it (or the coordinator
-- assigns one), comments on passages with suggested rewrites, and approves it or returns it; the
-- author answers the comments and makes a new version. Every version is kept, so the checker's
-- figures can be shown side by side. A text with personal data is never stored (the submission is
-- refused before anything is written).
CREATE TABLE text_reviews (
    id           BLOB PRIMARY KEY NOT NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    audience     TEXT NOT NULL CHECK (length(trim(audience)) > 0),
    channel      TEXT NOT NULL CHECK (channel IN ('web', 'brochure', 'letter_template', 'form')),
    deadline     TEXT NOT NULL,
    author_id    BLOB NOT NULL REFERENCES people (id),
    -- NULL while the text is open for any reviewer to take.
    reviewer_id  BLOB REFERENCES people (id),
    state        TEXT NOT NULL CHECK (state IN ('submitted', 'in_review', 'returned', 'approved')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    decided_at   TEXT,
    CHECK (state = 'submitted' OR reviewer_id IS NOT NULL),
    CHECK ((state = 'approved') = (decided_at IS NOT NULL))
);
CREATE INDEX text_reviews_author ON text_reviews (author_id, updated_at);
CREATE INDEX text_reviews_reviewer ON text_reviews (reviewer_id, state);
CREATE INDEX text_reviews_state ON text_reviews (state, deadline);

-- The versions of a text, numbered from 1.
CREATE TABLE text_review_versions (
    review_id   BLOB NOT NULL REFERENCES text_reviews (id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_by  BLOB NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (review_id, number)
);

-- A reviewer's comment on a passage of one version: the passage quoted, the comment, and a
-- suggested rewrite (optional).
CREATE TABLE text_review_comments (
    id          BLOB PRIMARY KEY NOT NULL,
    review_id   BLOB NOT NULL REFERENCES text_reviews (id),
    version     INTEGER NOT NULL,
    passage     TEXT NOT NULL CHECK (length(trim(passage)) > 0),
    comment     TEXT NOT NULL CHECK (length(trim(comment)) > 0),
    rewrite     TEXT,
    author_id   BLOB NOT NULL REFERENCES people (id),
    created_at  TEXT NOT NULL,
    FOREIGN KEY (review_id, version) REFERENCES text_review_versions (review_id, number)
);
CREATE INDEX text_review_comments_review ON text_review_comments (review_id, created_at);

-- The author's answers to the comments.
CREATE TABLE text_review_answers (
    id          BLOB PRIMARY KEY NOT NULL,
    comment_id  BLOB NOT NULL REFERENCES text_review_comments (id),
    author_id   BLOB NOT NULL REFERENCES people (id),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at  TEXT NOT NULL
);
CREATE INDEX text_review_answers_comment ON text_review_answers (comment_id, created_at);
