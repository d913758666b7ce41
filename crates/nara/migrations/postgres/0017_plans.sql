-- Coordinated individual plans (samordnad individuell plan, SIP): one resident's plan, made by
-- officers of one or more of the city's units together with named outside participants (the
-- region's health care, a school), with goals, actions ("who does what by when"), the resident's
-- own view and their agreement. Staff of a participating unit work on the plan; the resident
-- reads it on my pages. An agreement holds for the version of the plan the resident read: a
-- change of content raises `version` and needs a new agreement.

CREATE TABLE plans (
    id               UUID PRIMARY KEY,
    resident_id      UUID NOT NULL REFERENCES people (id),
    -- The case the plan was started from, when there was one.
    case_id          UUID REFERENCES cases (id),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'agreed', 'followed_up')),
    follow_up_on     DATE,
    -- Raised by every change of content; the agreement names the version it was given for.
    version          INTEGER NOT NULL CHECK (version >= 1),
    resident_view    TEXT,
    resident_view_at TIMESTAMPTZ,
    agreed_version   INTEGER,
    agreed_at        TIMESTAMPTZ,
    followed_up_at   TIMESTAMPTZ,
    created_by       UUID NOT NULL REFERENCES people (id),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'draft') = (agreed_at IS NULL)),
    CHECK ((agreed_at IS NULL) = (agreed_version IS NULL)),
    CHECK (agreed_version IS NULL OR agreed_version = version),
    CHECK ((status = 'followed_up') = (followed_up_at IS NOT NULL)),
    CHECK ((resident_view IS NULL) = (resident_view_at IS NULL))
);
CREATE INDEX plans_resident ON plans (resident_id, created_at);
CREATE INDEX plans_case ON plans (case_id);

-- The city's units taking part; their staff work on the plan.
CREATE TABLE plan_units (
    plan_id   UUID NOT NULL REFERENCES plans (id),
    unit_id   UUID NOT NULL REFERENCES units (id),
    added_by  UUID NOT NULL REFERENCES people (id),
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, unit_id)
);
CREATE INDEX plan_units_unit ON plan_units (unit_id);

-- Named participants from outside the city (names only, no accounts).
CREATE TABLE plan_outside_participants (
    id            UUID PRIMARY KEY,
    plan_id       UUID NOT NULL REFERENCES plans (id),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation  TEXT NOT NULL CHECK (length(trim(organisation)) > 0),
    added_by      UUID NOT NULL REFERENCES people (id),
    added_at      TIMESTAMPTZ NOT NULL,
    -- Lets an action name a participant together with its plan.
    UNIQUE (id, plan_id)
);
CREATE INDEX plan_outside_participants_plan ON plan_outside_participants (plan_id, added_at);

CREATE TABLE plan_goals (
    id        UUID PRIMARY KEY,
    plan_id   UUID NOT NULL REFERENCES plans (id),
    body      TEXT NOT NULL CHECK (length(trim(body)) > 0),
    added_by  UUID NOT NULL REFERENCES people (id),
    added_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_goals_plan ON plan_goals (plan_id, added_at);

-- Who does what by when. The one responsible is a participating unit, an outside participant,
-- or (neither named) the resident themselves.
CREATE TABLE plan_actions (
    id                  UUID PRIMARY KEY,
    plan_id             UUID NOT NULL REFERENCES plans (id),
    unit_id             UUID,
    outside_id          UUID,
    body                TEXT NOT NULL CHECK (length(trim(body)) > 0),
    due_on              DATE NOT NULL,
    done_at             TIMESTAMPTZ,
    done_by             UUID REFERENCES people (id),
    added_by            UUID NOT NULL REFERENCES people (id),
    added_at            TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (plan_id, unit_id) REFERENCES plan_units (plan_id, unit_id),
    FOREIGN KEY (outside_id, plan_id) REFERENCES plan_outside_participants (id, plan_id),
    CHECK (unit_id IS NULL OR outside_id IS NULL),
    CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX plan_actions_plan ON plan_actions (plan_id, due_on);
