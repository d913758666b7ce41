-- Citizen reporters (invånarreportrar): articles with an editor's review and the interviewees'
-- consent, paid assignments with hours approved by the coordinator, and the recruitment form.
-- The new role 'reporter' joins the CHECK list with 'plain_reviewer' and 'coordinator' (0027, on
-- another branch). SQLite cannot change a CHECK constraint in place: the table is rebuilt with the
-- same columns and rows, as in 0023.
CREATE TABLE role_grants_new (
    person_id   BLOB NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'quality', 'grant_assessor', 'plain_reviewer', 'coordinator', 'reporter', 'log_reviewer', 'admin')),
    -- The nil UUID when the role is not tied to a unit (keeps the primary key simple on both backends).
    unit_id     BLOB NOT NULL,
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (person_id, role, unit_id)
);
INSERT INTO role_grants_new (person_id, role, unit_id, granted_at)
    SELECT person_id, role, unit_id, granted_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_new RENAME TO role_grants;

-- The name a reporter writes under (the byline), chosen by them: never their legal name unless
-- they choose it.
CREATE TABLE reporter_bylines (
    person_id   BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    byline      TEXT NOT NULL CHECK (length(trim(byline)) > 0),
    updated_at  TEXT NOT NULL
);

-- An article is written in one language (`lang`). Its address (`slug`) is given when it is
-- published; the byline is copied then, so a later change of name does not rewrite history.
CREATE TABLE articles (
    id            BLOB PRIMARY KEY NOT NULL,
    author_id     BLOB NOT NULL REFERENCES people (id),
    lang          TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    lead          TEXT NOT NULL,
    body          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'returned', 'published')),
    -- An image (see `media`) and its alt text, which is required with it.
    image_id      BLOB REFERENCES images (id),
    image_alt     TEXT,
    slug          TEXT UNIQUE,
    byline        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    sent_at       TEXT,
    published_at  TEXT,
    published_by  BLOB REFERENCES people (id),
    CHECK ((image_id IS NULL) = (image_alt IS NULL)),
    CHECK (image_alt IS NULL OR length(trim(image_alt)) > 0),
    CHECK ((status = 'published') = (published_at IS NOT NULL)),
    CHECK ((status = 'published') = (slug IS NOT NULL AND byline IS NOT NULL AND published_by IS NOT NULL))
);
CREATE INDEX articles_author ON articles (author_id, updated_at);
CREATE INDEX articles_published ON articles (status, published_at);

-- Everyone interviewed for an article, with their consent to be published: a name or NULL for
-- "anonymous", whether consent was given, how (a short text) and when.
CREATE TABLE article_interviewees (
    article_id     BLOB NOT NULL REFERENCES articles (id),
    position       INTEGER NOT NULL CHECK (position >= 1),
    name           TEXT,
    consent_given  BOOLEAN NOT NULL,
    consent_how    TEXT NOT NULL CHECK (length(trim(consent_how)) > 0),
    consent_on     TEXT NOT NULL,
    recorded_by    BLOB NOT NULL REFERENCES people (id),
    recorded_at    TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- The editor's comments and the author's answers, in order.
CREATE TABLE article_comments (
    id          BLOB PRIMARY KEY NOT NULL,
    article_id  BLOB NOT NULL REFERENCES articles (id),
    author_id   BLOB NOT NULL REFERENCES people (id),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at  TEXT NOT NULL
);
CREATE INDEX article_comments_article ON article_comments (article_id, created_at);

-- The directory entries and event series an article mentions.
CREATE TABLE article_entries (
    article_id  BLOB NOT NULL REFERENCES articles (id),
    entry_id    BLOB NOT NULL REFERENCES directory_entries (id),
    PRIMARY KEY (article_id, entry_id)
);
CREATE TABLE article_series (
    article_id  BLOB NOT NULL REFERENCES articles (id),
    series_id   BLOB NOT NULL REFERENCES event_series (id),
    PRIMARY KEY (article_id, series_id)
);

-- Paid assignments (timarvode). The payroll identifier is read by the coordinator only, and
-- every read is audited.
CREATE TABLE payroll_ids (
    person_id   BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    payroll_id  TEXT NOT NULL CHECK (length(trim(payroll_id)) > 0),
    updated_at  TEXT NOT NULL
);

CREATE TABLE assignments (
    id               BLOB PRIMARY KEY NOT NULL,
    person_id        BLOB NOT NULL REFERENCES people (id),
    kind             TEXT NOT NULL CHECK (kind IN ('plain_review', 'article', 'interview', 'other')),
    description      TEXT NOT NULL CHECK (length(trim(description)) > 0),
    -- Whole öre an hour, never floating point.
    hourly_rate_ore  INTEGER NOT NULL CHECK (hourly_rate_ore > 0),
    starts_on        TEXT NOT NULL,
    ends_on          TEXT NOT NULL,
    created_by       BLOB NOT NULL REFERENCES people (id),
    created_at       TEXT NOT NULL,
    CHECK (starts_on <= ends_on)
);
CREATE INDEX assignments_person ON assignments (person_id, starts_on);

-- Hours per assignment and day, in quarter-hours (at most a whole day). An approved row is
-- locked: every change is a conditional statement `… WHERE approved_at IS NULL`.
CREATE TABLE assignment_hours (
    assignment_id  BLOB NOT NULL REFERENCES assignments (id),
    worked_on      TEXT NOT NULL,
    quarters       INTEGER NOT NULL CHECK (quarters BETWEEN 1 AND 96),
    note           TEXT NOT NULL,
    logged_at      TEXT NOT NULL,
    approved_at    TEXT,
    approved_by    BLOB REFERENCES people (id),
    CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    PRIMARY KEY (assignment_id, worked_on)
);

-- "Bli klarspråkare / invånarreporter": what someone sent, deleted on `delete_on`.
CREATE TABLE recruitment_interests (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    contact     TEXT NOT NULL CHECK (length(trim(contact)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('plain_reviewer', 'reporter', 'both')),
    experience  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    delete_on   TEXT NOT NULL
);
CREATE INDEX recruitment_interests_delete ON recruitment_interests (delete_on);
