-- The usefulness question's answers counted per unit and ISO week, kept in each answer's own
-- transaction (surveys::store::insert_answer): the board's dashboard and /resultat read a few
-- hundred rows instead of counting a million answers. Counts only, like the answers themselves.
CREATE TABLE survey_usefulness_weeks (
    unit_id   UUID NOT NULL REFERENCES units (id),
    week      TEXT NOT NULL,
    useful    BIGINT NOT NULL CHECK (useful >= 0),
    answered  BIGINT NOT NULL CHECK (answered >= useful),
    PRIMARY KEY (unit_id, week)
);
INSERT INTO survey_usefulness_weeks (unit_id, week, useful, answered)
    SELECT a.unit_id, a.week, COUNT(CASE WHEN i.value IN ('ja', '4', '5') THEN 1 END), COUNT(*)
    FROM survey_answers a JOIN survey_answer_items i ON i.answer_id = a.id
    WHERE a.survey_key = 'usefulness' AND i.question_key = 'hjalp' AND a.unit_id IS NOT NULL
    GROUP BY a.unit_id, a.week;

-- A unit's answers over a year, for the free texts shown beside its figure.
CREATE INDEX survey_answers_unit_week ON survey_answers (survey_key, unit_id, week);
