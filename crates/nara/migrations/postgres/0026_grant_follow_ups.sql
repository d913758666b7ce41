-- Follow-up reports (återrapport) of paid grants. A row is opened when a grant's first payment is
-- recorded, with the period the association's calendar is counted over, the day the report is due
-- and the day a reminder goes out (Stockholm dates). What the calendar counted is kept beside what
-- the association submitted, so staff see what was corrected.
CREATE TABLE grant_follow_ups (
    application_id         UUID PRIMARY KEY REFERENCES grant_decisions (application_id),
    period_start           DATE NOT NULL,
    due_on                 DATE NOT NULL,
    remind_on              DATE NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    activities             BIGINT CHECK (activities >= 0),
    registrations          BIGINT CHECK (registrations >= 0),
    attended               BIGINT CHECK (attended >= 0),
    counted_activities     BIGINT,
    counted_registrations  BIGINT,
    counted_attended       BIGINT,
    -- People reached per target group of the register: a JSON object of slug and number.
    reached                TEXT NOT NULL DEFAULT '{}',
    changes                TEXT,
    story                  TEXT,
    reminded_at            TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ NOT NULL,
    submitted_at           TIMESTAMPTZ,
    submitted_by           UUID REFERENCES people (id),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX grant_follow_ups_due ON grant_follow_ups (status, remind_on);
