-- Ideas (Idéslussen): a campaign collects rich proposals; a council (members per campaign)
-- shortlists with a recorded reason for every proposal; everyone eligible votes (a secret ballot);
-- the chosen proposals are tried in a test with a coach, a budget, a daily log and lessons.

CREATE TABLE idea_campaigns (
    id                      BLOB PRIMARY KEY NOT NULL,
    slug                    TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),
    title                   TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary                 TEXT NOT NULL,
    -- Proposals are taken from `opens_on` to `closes_on` (Stockholm dates, inclusive).
    opens_on                TEXT NOT NULL,
    closes_on               TEXT NOT NULL,
    staff_may_propose       BOOLEAN NOT NULL,
    residents_may_propose   BOOLEAN NOT NULL,
    associations_may_propose BOOLEAN NOT NULL,
    -- The most money a proposal may ask for, in öre.
    money_cap_ore           INTEGER NOT NULL CHECK (money_cap_ore >= 0),
    council_on              TEXT NOT NULL,
    vote_opens_on           TEXT NOT NULL,
    vote_closes_on          TEXT NOT NULL,
    votes_per_person        INTEGER NOT NULL CHECK (votes_per_person BETWEEN 1 AND 10),
    test_week_starts_on     TEXT NOT NULL,
    created_by              BLOB NOT NULL REFERENCES people (id),
    created_at              TEXT NOT NULL,
    CHECK (opens_on <= closes_on),
    CHECK (vote_opens_on <= vote_closes_on)
);

-- Staff who want to work on ideas, with the hours their manager approved.
CREATE TABLE idea_staff_signups (
    campaign_id     BLOB NOT NULL REFERENCES idea_campaigns (id),
    person_id       BLOB NOT NULL REFERENCES people (id),
    approved_hours  INTEGER NOT NULL CHECK (approved_hours BETWEEN 1 AND 200),
    manager_name    TEXT NOT NULL CHECK (length(trim(manager_name)) > 0),
    signed_up_at    TEXT NOT NULL,
    PRIMARY KEY (campaign_id, person_id)
);

-- The council of one campaign (user developers and staff): not a role, a list per campaign.
CREATE TABLE idea_council_members (
    campaign_id  BLOB NOT NULL REFERENCES idea_campaigns (id),
    person_id    BLOB NOT NULL REFERENCES people (id),
    added_by     BLOB NOT NULL REFERENCES people (id),
    added_at     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, person_id)
);

CREATE TABLE idea_proposals (
    id               BLOB PRIMARY KEY NOT NULL,
    campaign_id      BLOB NOT NULL REFERENCES idea_campaigns (id),
    author_id        BLOB NOT NULL REFERENCES people (id),
    category         TEXT NOT NULL CHECK (category IN ('explore', 'test', 'scale_up')),
    title            TEXT NOT NULL,
    problem          TEXT NOT NULL,
    whose_problem    TEXT NOT NULL,
    voices           TEXT NOT NULL,
    heard_link       TEXT,
    one_week_try     TEXT NOT NULL,
    shows_it_works   TEXT NOT NULL,
    needs_people     TEXT NOT NULL,
    needs_money_ore  INTEGER NOT NULL CHECK (needs_money_ore >= 0),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'shortlisted', 'declined')),
    council_reason   TEXT,
    council_decided_at TEXT,
    submitted_at     TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((status IN ('shortlisted', 'declined')) = (council_reason IS NOT NULL)),
    CHECK ((council_reason IS NULL) = (council_decided_at IS NULL)),
    CHECK ((status = 'draft') = (submitted_at IS NULL))
);
CREATE INDEX idea_proposals_campaign ON idea_proposals (campaign_id, status);
CREATE INDEX idea_proposals_author ON idea_proposals (author_id);

CREATE TABLE idea_coauthors (
    proposal_id  BLOB NOT NULL REFERENCES idea_proposals (id),
    person_id    BLOB NOT NULL REFERENCES people (id),
    added_at     TEXT NOT NULL,
    PRIMARY KEY (proposal_id, person_id)
);

-- Questions and comments on a submitted proposal.
CREATE TABLE idea_comments (
    id           BLOB PRIMARY KEY NOT NULL,
    proposal_id  BLOB NOT NULL REFERENCES idea_proposals (id),
    author_id    BLOB NOT NULL REFERENCES people (id),
    is_question  BOOLEAN NOT NULL,
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    written_at   TEXT NOT NULL
);
CREATE INDEX idea_comments_proposal ON idea_comments (proposal_id, written_at);

CREATE TABLE idea_followers (
    proposal_id  BLOB NOT NULL REFERENCES idea_proposals (id),
    person_id    BLOB NOT NULL REFERENCES people (id),
    PRIMARY KEY (proposal_id, person_id)
);

-- The secret ballot: one row a vote, with no voter and no time finer than the day. WITHOUT ROWID
-- keeps the rows in the order of their random ids, so not even the order of insertion links a
-- ballot to the voter marked at the same moment.
CREATE TABLE idea_ballots (
    id           BLOB PRIMARY KEY NOT NULL,
    campaign_id  BLOB NOT NULL REFERENCES idea_campaigns (id),
    proposal_id  BLOB NOT NULL REFERENCES idea_proposals (id),
    cast_on      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX idea_ballots_campaign ON idea_ballots (campaign_id, proposal_id);

-- That a person has voted in a campaign (never how): the key makes a second vote impossible.
CREATE TABLE idea_voters (
    campaign_id  BLOB NOT NULL REFERENCES idea_campaigns (id),
    person_id    BLOB NOT NULL REFERENCES people (id),
    voted_on     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, person_id)
) WITHOUT ROWID;

-- A chosen proposal tried by a small group with a coach.
CREATE TABLE idea_tests (
    id                 BLOB PRIMARY KEY NOT NULL,
    proposal_id        BLOB NOT NULL UNIQUE REFERENCES idea_proposals (id),
    coach_name         TEXT NOT NULL CHECK (length(trim(coach_name)) > 0),
    co_organiser_name  TEXT NOT NULL CHECK (length(trim(co_organiser_name)) > 0),
    delivery_goal      TEXT NOT NULL CHECK (length(trim(delivery_goal)) > 0),
    budget_ore         INTEGER NOT NULL CHECK (budget_ore >= 0),
    -- The final presentation: a meeting in the public calendar.
    presentation_series_id BLOB NOT NULL REFERENCES event_series (id),
    what_happened      TEXT,
    what_surprised     TEXT,
    next_step          TEXT CHECK (next_step IN ('stop', 'test_again', 'scale_up', 'hand_over')),
    next_owner         TEXT,
    closed_at          TEXT,
    started_by         BLOB NOT NULL REFERENCES people (id),
    started_at         TEXT NOT NULL,
    -- A closed test has all its lessons and a named owner for what happens next.
    CHECK ((closed_at IS NULL) OR (what_happened IS NOT NULL AND what_surprised IS NOT NULL
        AND next_step IS NOT NULL AND next_owner IS NOT NULL))
);

CREATE TABLE idea_test_members (
    test_id    BLOB NOT NULL REFERENCES idea_tests (id),
    person_id  BLOB NOT NULL REFERENCES people (id),
    joined_at  TEXT NOT NULL,
    PRIMARY KEY (test_id, person_id)
);

CREATE TABLE idea_test_spending (
    id          BLOB PRIMARY KEY NOT NULL,
    test_id     BLOB NOT NULL REFERENCES idea_tests (id),
    what        TEXT NOT NULL CHECK (length(trim(what)) > 0),
    amount_ore  INTEGER NOT NULL CHECK (amount_ore > 0),
    spent_on    TEXT NOT NULL,
    recorded_by BLOB NOT NULL REFERENCES people (id)
);
CREATE INDEX idea_test_spending_test ON idea_test_spending (test_id, spent_on);

-- A short log per working day.
CREATE TABLE idea_test_log (
    test_id     BLOB NOT NULL REFERENCES idea_tests (id),
    day         TEXT NOT NULL,
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    written_by  BLOB NOT NULL REFERENCES people (id),
    PRIMARY KEY (test_id, day)
);
