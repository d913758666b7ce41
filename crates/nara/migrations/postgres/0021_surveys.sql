-- Surveys (enkäter): question sets staff build in versions, invitations to residents, and
-- answers stored so that no one can tell whose they are.

-- "Fråga mig inte igen": no further invitations of any kind.
ALTER TABLE people ADD COLUMN survey_opt_out BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE surveys (
    -- Stable, named in code where a survey has a fixed use (`usefulness`, `follow_up`, `event`).
    key            TEXT PRIMARY KEY NOT NULL,
    title_sv       TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    -- Days after an unanswered invitation before its one reminder.
    reminder_days  INTEGER NOT NULL DEFAULT 7 CHECK (reminder_days BETWEEN 1 AND 90)
);

-- A version is a draft until published; a published one never changes.
CREATE TABLE survey_versions (
    survey_key    TEXT NOT NULL REFERENCES surveys (key),
    version       INTEGER NOT NULL CHECK (version >= 1),
    published_at  TIMESTAMPTZ,
    PRIMARY KEY (survey_key, version)
);
CREATE UNIQUE INDEX survey_versions_one_draft ON survey_versions (survey_key) WHERE published_at IS NULL;

CREATE TABLE survey_questions (
    survey_key    TEXT NOT NULL,
    version       INTEGER NOT NULL,
    -- Stable across versions (the usefulness question is `hjalp`), so answers compare.
    question_key  TEXT NOT NULL,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('scale', 'yes_no', 'choice', 'multiple_choice', 'free_text')),
    text_sv       TEXT NOT NULL,
    text_en       TEXT NOT NULL,
    text_easy     TEXT NOT NULL,
    -- The scale's five step labels or the choices, as JSON [{"sv":…,"en":…,"easy":…}].
    options       TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (survey_key, version, question_key),
    FOREIGN KEY (survey_key, version) REFERENCES survey_versions (survey_key, version)
);

CREATE FUNCTION survey_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published survey version never changes';
END;
$$;
CREATE TRIGGER survey_versions_published_fixed BEFORE UPDATE OR DELETE ON survey_versions
    FOR EACH ROW WHEN (OLD.published_at IS NOT NULL) EXECUTE FUNCTION survey_refuse_change();
CREATE FUNCTION survey_questions_refuse_when_published() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    key TEXT := CASE WHEN TG_OP = 'INSERT' THEN NEW.survey_key ELSE OLD.survey_key END;
    ver INTEGER := CASE WHEN TG_OP = 'INSERT' THEN NEW.version ELSE OLD.version END;
BEGIN
    IF (SELECT published_at FROM survey_versions WHERE survey_key = key AND version = ver) IS NOT NULL THEN
        RAISE EXCEPTION 'a published survey version never changes';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER survey_questions_published_fixed BEFORE INSERT OR UPDATE OR DELETE ON survey_questions
    FOR EACH ROW EXECUTE FUNCTION survey_questions_refuse_when_published();

-- Whom to ask, about what. Holds the person: it is never joined with an answer.
CREATE TABLE survey_invitations (
    id             UUID PRIMARY KEY,
    survey_key     TEXT NOT NULL REFERENCES surveys (key),
    person_id      UUID NOT NULL REFERENCES people (id),
    -- What the answer will carry: the unit and the kind of service.
    unit_id        UUID REFERENCES units (id),
    service_type   TEXT NOT NULL,
    case_id        UUID REFERENCES cases (id),
    occurrence_id  UUID REFERENCES event_occurrences (id),
    -- Not sent before this (the follow-up a year after closing).
    send_after     TIMESTAMPTZ NOT NULL,
    sent_at        TIMESTAMPTZ,
    reminded_at    TIMESTAMPTZ,
    used_at        TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, survey_key),
    UNIQUE (occurrence_id, person_id)
);
CREATE INDEX survey_invitations_person ON survey_invitations (person_id, used_at);
CREATE INDEX survey_invitations_due ON survey_invitations (sent_at, send_after);

-- The links of an invitation (the first e-mail's, the reminder's, one from my pages); only
-- their hashes.
CREATE TABLE survey_invitation_tokens (
    token_hash     TEXT PRIMARY KEY NOT NULL,
    invitation_id  UUID NOT NULL REFERENCES survey_invitations (id)
);
CREATE INDEX survey_invitation_tokens_invitation ON survey_invitation_tokens (invitation_id);

-- One submitted survey. ONLY what the statistics need: never the person, case, invitation or a
-- time finer than the ISO week. (On SQLite the table is WITHOUT ROWID, kept in the
-- order of its random id rather than of arrival.)
CREATE TABLE survey_answers (
    id            UUID PRIMARY KEY,
    survey_key    TEXT NOT NULL,
    version       INTEGER NOT NULL,
    unit_id       UUID REFERENCES units (id),
    service_type  TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'interview', 'paper')),
    -- `2026-W49`
    week          TEXT NOT NULL,
    FOREIGN KEY (survey_key, version) REFERENCES survey_versions (survey_key, version)
);
CREATE INDEX survey_answers_week ON survey_answers (survey_key, week, unit_id);

-- One value per question (several for multiple choice); free text is scrubbed before.
CREATE TABLE survey_answer_items (
    answer_id     UUID NOT NULL REFERENCES survey_answers (id),
    question_key  TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (answer_id, question_key, value)
);

-- The starter set. The usefulness question (`hjalp`) feeds the board's goal of 70 % finding the
-- support useful; the follow-up asks seed 003's questions a year after closing.
INSERT INTO surveys (key, title_sv, title_en) VALUES
    ('usefulness', 'Var stödet till nytta?', 'Was the support of use?'),
    ('follow_up', 'Hur har det gått?', 'How are things now?'),
    ('event', 'Vad tyckte du om träffen?', 'What did you think of the meeting?');
-- Written as drafts, then published: a published version takes no more questions.
INSERT INTO survey_versions (survey_key, version, published_at) VALUES
    ('usefulness', 1, NULL),
    ('follow_up', 1, NULL),
    ('event', 1, NULL);
INSERT INTO survey_questions (survey_key, version, question_key, position, kind, text_sv, text_en, text_easy, options) VALUES
    ('usefulness', 1, 'hjalp', 1, 'yes_no', 'Har du fått den hjälp du behövde?', 'Did you get the help you needed?',
     'Fick du den hjälp du behövde?', '[]'),
    ('usefulness', 1, 'skillnad', 2, 'yes_no', 'Har hjälpen gjort skillnad i ditt liv?',
     'Has the help made a difference in your life?', 'Har hjälpen gjort ditt liv bättre?', '[]'),
    ('usefulness', 1, 'respekt', 3, 'yes_no', 'Blev du bemött med respekt?', 'Were you treated with respect?',
     'Var vi snälla och lyssnade vi på dig?', '[]'),
    ('usefulness', 1, 'vanda', 4, 'yes_no', 'Vet du vart du ska vända dig om du behöver hjälp igen?',
     'Do you know where to turn if you need help again?', 'Vet du vem du kan fråga om du behöver hjälp igen?', '[]'),
    ('usefulness', 1, 'nojd', 5, 'scale', 'Hur nöjd är du sammantaget?', 'How satisfied are you overall?',
     'Hur nöjd är du?',
     '[{"sv":"Inte alls nöjd","en":"Not at all satisfied","easy":"Inte alls nöjd"},{"sv":"Lite nöjd","en":"Slightly satisfied","easy":"Lite nöjd"},{"sv":"Ganska nöjd","en":"Fairly satisfied","easy":"Ganska nöjd"},{"sv":"Nöjd","en":"Satisfied","easy":"Nöjd"},{"sv":"Mycket nöjd","en":"Very satisfied","easy":"Mycket nöjd"}]'),
    ('usefulness', 1, 'mer', 6, 'free_text', 'Vill du berätta något mer?', 'Is there anything else you want to tell us?',
     'Vill du säga något mer?', '[]'),
    ('follow_up', 1, 'idag', 1, 'free_text', 'Hur ser det ut idag?', 'How are things today?', 'Hur har du det nu?', '[]'),
    ('follow_up', 1, 'fatt', 2, 'yes_no', 'Har du fått det du behövde?', 'Did you get what you needed?',
     'Fick du det du behövde?', '[]'),
    ('event', 1, 'nytta', 1, 'scale', 'Hur användbar var träffen för dig?', 'How useful was the meeting for you?',
     'Var träffen bra för dig?',
     '[{"sv":"Inte alls","en":"Not at all","easy":"Inte alls"},{"sv":"Lite","en":"A little","easy":"Lite"},{"sv":"Ganska","en":"Fairly","easy":"Ganska"},{"sv":"Mycket","en":"Very","easy":"Mycket"},{"sv":"Väldigt mycket","en":"Extremely","easy":"Väldigt mycket"}]'),
    ('event', 1, 'igen', 2, 'yes_no', 'Vill du komma på en liknande träff igen?', 'Would you come to a meeting like this again?',
     'Vill du komma igen?', '[]'),
    ('event', 1, 'battre', 3, 'free_text', 'Vad kan vi göra bättre?', 'What could we do better?',
     'Vad kan vi göra bättre?', '[]');
UPDATE survey_versions SET published_at = '2026-12-01T00:00:00.000000Z' WHERE version = 1;
