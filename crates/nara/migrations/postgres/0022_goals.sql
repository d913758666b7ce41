-- The board's goals measured (issue 13): the case record now holds a child's placements and a young
-- person's youth sentence, and the quality office (the board's dashboard) is a role of its own.

-- Where a child lives while the social services are responsible: emergency home (jourhem), foster
-- home (familjehem), HVB or another placement. The goal "a child in a jourhem gets a familjehem
-- within 6 months" is computed from these rows.
CREATE TABLE case_placements (
    id          UUID PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    kind        TEXT NOT NULL CHECK (kind IN ('jourhem', 'familjehem', 'hvb', 'other')),
    start_on    DATE NOT NULL,
    end_on      DATE,
    created_by  UUID NOT NULL REFERENCES people (id),
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX case_placements_case ON case_placements (case_id, start_on);
-- The goal's query reads the emergency and foster homes by kind.
CREATE INDEX case_placements_kind ON case_placements (kind, case_id, start_on);

-- A youth sentence: youth service (ungdomstjänst, 20–150 hours) or youth care (ungdomsvård, with
-- a plan), and how it ended. The goal "95 % complete their sentence" is computed from these rows.
CREATE TABLE youth_sentences (
    id          UUID PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    kind        TEXT NOT NULL CHECK (kind IN ('ungdomstjanst', 'ungdomsvard')),
    hours       INTEGER CHECK (hours BETWEEN 20 AND 150),
    care_plan   TEXT,
    decided_on  DATE NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ongoing', 'completed', 'broken_off')),
    ended_on    DATE,
    created_by  UUID NOT NULL REFERENCES people (id),
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'ungdomstjanst') = (hours IS NOT NULL)),
    CHECK ((kind = 'ungdomsvard') = (care_plan IS NOT NULL)),
    CHECK ((outcome = 'ongoing') = (ended_on IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= decided_on)
);
CREATE INDEX youth_sentences_case ON youth_sentences (case_id, decided_on);
CREATE INDEX youth_sentences_ended ON youth_sentences (ended_on, outcome);

-- The quality office and the board ('quality') read the goals' dashboard: aggregates only, no
-- unit needed.
ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check
    CHECK (role IN ('resident', 'association', 'organiser', 'staff', 'log_reviewer', 'quality', 'admin'));
