-- Follow-up reports (återrapport) of paid grants. A row is opened when a grant's first payment is
-- recorded, with the period the association's calendar is counted over, the day the report is due
-- and the day a reminder goes out (Stockholm dates). What the calendar counted is kept beside what
-- the association submitted, so staff see what was corrected.
CREATE TABLE grant_follow_ups (
    application_id         BLOB PRIMARY KEY NOT NULL REFERENCES grant_decisions (application_id),
    period_start           TEXT NOT NULL,
    due_on                 TEXT NOT NULL,
    remind_on              TEXT NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    activities             INTEGER CHECK (activities >= 0),
    registrations          INTEGER CHECK (registrations >= 0),
    attended               INTEGER CHECK (attended >= 0),
    counted_activities     INTEGER,
    counted_registrations  INTEGER,
    counted_attended       INTEGER,
    -- People reached per target group of the register: a JSON object of slug and number.
    reached                TEXT NOT NULL DEFAULT '{}',
    changes                TEXT,
    story                  TEXT,
    reminded_at            TEXT,
    updated_at             TEXT NOT NULL,
    submitted_at           TEXT,
    submitted_by           BLOB REFERENCES people (id),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX grant_follow_ups_due ON grant_follow_ups (status, remind_on);
