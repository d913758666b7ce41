//! Storage of surveys: versions and their questions, invitations and their link tokens, and the
//! answers. An answer row is written with no person, case, invitation or time in it; the
//! invitation it used is marked in the same transaction by a conditional UPDATE.

use uuid::Uuid;

use super::{
    Channel, EVENT, EVENT_SERVICE, FOLLOW_UP, HELPED_QUESTION, Item, Question, QuestionKind, Texts,
    USEFULNESS,
};
use crate::db::{Db, Tx, UtcTime};
use crate::sessions::{new_token, token_hash};

// ---- Surveys and versions

/// A survey as the builder lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SurveyRow {
    pub key: String,
    pub title_sv: String,
    pub title_en: String,
    pub reminder_days: i32,
    /// The newest published version.
    pub published: Option<i32>,
    /// The version being written, if any.
    pub draft: Option<i32>,
}

const SELECT_SURVEY: &str = "SELECT s.key, s.title_sv, s.title_en, s.reminder_days, \
    (SELECT MAX(version) FROM survey_versions v WHERE v.survey_key = s.key AND v.published_at IS NOT NULL) AS published, \
    (SELECT MAX(version) FROM survey_versions v WHERE v.survey_key = s.key AND v.published_at IS NULL) AS draft \
    FROM surveys s";

pub async fn surveys(db: &Db) -> anyhow::Result<Vec<SurveyRow>> {
    Ok(db.sql().all(sqlx::AssertSqlSafe(format!("{SELECT_SURVEY} ORDER BY s.key")), &[]).await?)
}

pub async fn survey(db: &Db, key: &str) -> anyhow::Result<Option<SurveyRow>> {
    Ok(db.sql().optional(sqlx::AssertSqlSafe(format!("{SELECT_SURVEY} WHERE s.key = $1")), &[&key]).await?)
}

#[derive(sqlx::FromRow)]
struct QuestionRow {
    question_key: String,
    kind: String,
    text_sv: String,
    text_en: String,
    text_easy: String,
    options: String,
}

/// The questions of a version, in order.
pub async fn questions(db: &Db, key: &str, version: i32) -> anyhow::Result<Vec<Question>> {
    let sql = "SELECT question_key, kind, text_sv, text_en, text_easy, options FROM survey_questions \
               WHERE survey_key = $1 AND version = $2 ORDER BY position, question_key";
    let rows: Vec<QuestionRow> = db.sql().all(sql, &[&key, &version]).await?;
    rows.into_iter()
        .map(|row| {
            Ok(Question {
                kind: QuestionKind::parse(&row.kind)
                    .ok_or_else(|| anyhow::anyhow!("unknown question kind {}", row.kind))?,
                key: row.question_key,
                text: Texts { sv: row.text_sv, en: row.text_en, easy: row.text_easy },
                options: serde_json::from_str(&row.options)?,
            })
        })
        .collect()
}

/// Starts the next version as a copy of the newest published one; `None` when a draft exists.
pub async fn create_draft(tx: &mut Tx, key: &str) -> anyhow::Result<Option<i32>> {
    let newest: Option<i32> =
        tx.sql().value("SELECT MAX(version) FROM survey_versions WHERE survey_key = $1", &[&key]).await?;
    let next = newest.unwrap_or(0) + 1;
    let made = tx
        .sql()
        .execute(
            "INSERT INTO survey_versions (survey_key, version, published_at) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING",
            &[&key, &next],
        )
        .await?;
    if made == 0 {
        return Ok(None);
    }
    let copy = "INSERT INTO survey_questions (survey_key, version, question_key, position, kind, text_sv, text_en, text_easy, options) \
                SELECT survey_key, $2, question_key, position, kind, text_sv, text_en, text_easy, options \
                FROM survey_questions WHERE survey_key = $1 AND version = $3";
    tx.sql().execute(copy, &[&key, &next, &(next - 1)]).await?;
    Ok(Some(next))
}

/// Adds a question at the end of a draft; its new key.
pub async fn add_question(
    tx: &mut Tx,
    key: &str,
    version: i32,
    question: &Question,
) -> anyhow::Result<String> {
    let question_key = format!("f{}", &Uuid::new_v4().simple().to_string()[..10]);
    let sql = "INSERT INTO survey_questions (survey_key, version, question_key, position, kind, text_sv, text_en, text_easy, options) \
               SELECT $1, $2, $3, COALESCE(MAX(position), 0) + 1, $4, $5, $6, $7, $8 \
               FROM survey_questions WHERE survey_key = $1 AND version = $2";
    tx.sql()
        .execute(
            sql,
            &[
                &key,
                &version,
                &question_key,
                &question.kind.as_str(),
                &question.text.sv,
                &question.text.en,
                &question.text.easy,
                &serde_json::to_string(&question.options)?,
            ],
        )
        .await?;
    Ok(question_key)
}

/// Changes a question of a draft; whether it was there.
pub async fn update_question(
    tx: &mut Tx,
    key: &str,
    version: i32,
    question: &Question,
) -> anyhow::Result<bool> {
    let sql = "UPDATE survey_questions SET kind = $4, text_sv = $5, text_en = $6, text_easy = $7, options = $8 \
               WHERE survey_key = $1 AND version = $2 AND question_key = $3";
    let changed = tx
        .sql()
        .execute(
            sql,
            &[
                &key,
                &version,
                &question.key,
                &question.kind.as_str(),
                &question.text.sv,
                &question.text.en,
                &question.text.easy,
                &serde_json::to_string(&question.options)?,
            ],
        )
        .await?;
    Ok(changed == 1)
}

/// Swaps a question of a draft with the one before (`up`) or after it; whether it moved.
pub async fn move_question(
    tx: &mut Tx,
    key: &str,
    version: i32,
    question_key: &str,
    up: bool,
) -> anyhow::Result<bool> {
    let order: Vec<(String, i32)> = tx
        .sql()
        .all(
            "SELECT question_key, position FROM survey_questions WHERE survey_key = $1 AND version = $2 \
             ORDER BY position, question_key",
            &[&key, &version],
        )
        .await?;
    let Some(at) = order.iter().position(|(k, _)| k == question_key) else { return Ok(false) };
    let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|i| *i < order.len()) };
    let Some(other) = other else { return Ok(false) };
    // Positions become the list's own order, so equal positions cannot make a swap a no-op.
    let mut keys: Vec<&str> = order.iter().map(|(k, _)| k.as_str()).collect();
    keys.swap(at, other);
    for (position, question) in keys.iter().enumerate() {
        let position = i32::try_from(position)? + 1;
        tx.sql()
            .execute(
                "UPDATE survey_questions SET position = $4 WHERE survey_key = $1 AND version = $2 AND question_key = $3",
                &[&key, &version, question, &position],
            )
            .await?;
    }
    Ok(true)
}

/// Removes a question from a draft; whether it was there.
pub async fn remove_question(
    tx: &mut Tx,
    key: &str,
    version: i32,
    question_key: &str,
) -> anyhow::Result<bool> {
    let sql = "DELETE FROM survey_questions WHERE survey_key = $1 AND version = $2 AND question_key = $3";
    Ok(tx.sql().execute(sql, &[&key, &version, &question_key]).await? == 1)
}

/// Publishes a draft; `false` when it is no longer a draft (published meanwhile).
pub async fn publish(tx: &mut Tx, key: &str, version: i32) -> anyhow::Result<bool> {
    let sql = "UPDATE survey_versions SET published_at = $1 WHERE survey_key = $2 AND version = $3 AND published_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &key, &version]).await? == 1)
}

// ---- Invitations

/// An invitation as the survey page needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: Uuid,
    pub survey_key: String,
    pub person_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub service_type: String,
    pub case_id: Option<Uuid>,
    pub used: bool,
}

const SELECT_INVITATION: &str = "SELECT i.id, i.survey_key, i.person_id, i.unit_id, i.service_type, i.case_id, \
    (i.used_at IS NOT NULL) AS used FROM survey_invitations i";

/// The invitation a link belongs to (used or not); `None` for a link no one was sent.
pub async fn invitation_by_token(db: &Db, token: &str) -> anyhow::Result<Option<Invitation>> {
    let sql = format!(
        "{SELECT_INVITATION} JOIN survey_invitation_tokens t ON t.invitation_id = i.id \
         WHERE t.token_hash = $1 AND i.sent_at IS NOT NULL"
    );
    Ok(db.sql().optional(sqlx::AssertSqlSafe(sql), &[&token_hash(token)]).await?)
}

pub async fn invitation(db: &Db, id: Uuid) -> anyhow::Result<Option<Invitation>> {
    Ok(db.sql().optional(sqlx::AssertSqlSafe(format!("{SELECT_INVITATION} WHERE i.id = $1")), &[&id]).await?)
}

/// A new link to an invitation; the token for the link (only its hash is kept).
pub async fn add_token(tx: &mut Tx, invitation: Uuid) -> anyhow::Result<String> {
    let token = new_token();
    let sql = "INSERT INTO survey_invitation_tokens (token_hash, invitation_id) VALUES ($1, $2)";
    tx.sql().execute(sql, &[&token_hash(&token), &invitation]).await?;
    Ok(token)
}

/// What an invitation is about, as its answer will carry it.
pub struct NewInvitation {
    pub survey_key: &'static str,
    pub person_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub service_type: String,
    pub case_id: Option<Uuid>,
    pub occurrence_id: Option<Uuid>,
    /// When it may be sent; sent at once when `sent` is set.
    pub send_after: UtcTime,
}

/// Stores an invitation, sent now (`sent`) or later by the maintenance round; its id, or `None`
/// when the same invitation exists (a case's survey, an occurrence's registrant) — the claim
/// that makes two processes invite once.
pub async fn insert_invitation(
    tx: &mut Tx,
    new: &NewInvitation,
    sent: Option<UtcTime>,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO survey_invitations (id, survey_key, person_id, unit_id, service_type, case_id, occurrence_id, \
               send_after, sent_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING";
    let made = tx
        .sql()
        .execute(
            sql,
            &[
                &id,
                &new.survey_key,
                &new.person_id,
                &new.unit_id,
                &new.service_type,
                &new.case_id,
                &new.occurrence_id,
                &new.send_after,
                &sent,
                &UtcTime::now(),
            ],
        )
        .await?;
    Ok((made == 1).then_some(id))
}

/// Whether a person has said "fråga mig inte igen".
pub async fn opted_out(db: &Db, person: Uuid) -> anyhow::Result<bool> {
    let sql = "SELECT survey_opt_out FROM people WHERE id = $1";
    Ok(db.sql().value::<bool>(sql, &[&person]).await?.unwrap_or(true))
}

/// Records "fråga mig inte igen"; whether it was new.
pub async fn opt_out(tx: &mut Tx, person: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE people SET survey_opt_out = TRUE WHERE id = $1 AND survey_opt_out = FALSE";
    Ok(tx.sql().execute(sql, &[&person]).await? == 1)
}

/// The kind of service a case's answers are counted under: the application form it was opened
/// from (`samtalsstod`), or `case`.
pub async fn service_type_of_case(db: &Db, case: Uuid) -> anyhow::Result<String> {
    let sql =
        "SELECT f.slug FROM applications a JOIN application_forms f ON f.id = a.form_id WHERE a.case_id = $1";
    Ok(db.sql().value::<String>(sql, &[&case]).await?.unwrap_or_else(|| "case".into()))
}

/// The names an answer about a case is scrubbed of: the resident's and every officer's who held
/// or wrote in the case.
pub async fn names_around_case(db: &Db, case: Uuid) -> anyhow::Result<Vec<String>> {
    let sql = "SELECT display_name FROM people WHERE id IN ( \
               SELECT resident_id FROM cases WHERE id = $1 \
               UNION SELECT officer_id FROM cases WHERE id = $1 \
               UNION SELECT to_officer_id FROM case_handovers WHERE case_id = $1 \
               UNION SELECT from_officer_id FROM case_handovers WHERE case_id = $1 \
               UNION SELECT v.written_by FROM case_journal_versions v JOIN case_journal_entries e ON e.id = v.entry_id \
                     WHERE e.case_id = $1)";
    Ok(db.sql().column(sql, &[&case]).await?)
}

/// A person's display name.
pub async fn name_of(db: &Db, person: Uuid) -> anyhow::Result<Option<String>> {
    Ok(db.sql().value("SELECT display_name FROM people WHERE id = $1", &[&person]).await?)
}

/// An invitation on my pages.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenInvitation {
    pub id: Uuid,
    pub title_sv: String,
    pub title_en: String,
}

/// The invitations a person may still answer (none once they said "fråga mig inte igen").
pub async fn open_invitations(db: &Db, person: Uuid) -> anyhow::Result<Vec<OpenInvitation>> {
    let sql = "SELECT i.id, s.title_sv, s.title_en FROM survey_invitations i JOIN surveys s ON s.key = i.survey_key \
               JOIN people p ON p.id = i.person_id \
               WHERE i.person_id = $1 AND i.sent_at IS NOT NULL AND i.used_at IS NULL AND p.survey_opt_out = FALSE \
               ORDER BY i.sent_at DESC";
    Ok(db.sql().all(sql, &[&person]).await?)
}

/// Uses an invitation: `true` once, for the one request that marks it; every other gets `false`.
pub async fn use_invitation(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE survey_invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &id]).await? == 1)
}

/// Whether the resident of a case has answered its usefulness survey (on the web or in an interview).
pub async fn case_invitation_used(db: &Db, case: Uuid) -> anyhow::Result<bool> {
    let sql =
        "SELECT 1 FROM survey_invitations WHERE case_id = $1 AND survey_key = $2 AND used_at IS NOT NULL";
    Ok(db.sql().value::<i32>(sql, &[&case, &USEFULNESS]).await?.is_some())
}

/// Uses a case's usefulness invitation for an interview: the open one, or a new one stored used
/// (an open case: closing it then invites no one to the same survey). `false` when it was used.
pub async fn use_case_invitation(tx: &mut Tx, new: &NewInvitation) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let sql = "UPDATE survey_invitations SET used_at = $1 WHERE case_id = $2 AND survey_key = $3 AND used_at IS NULL";
    if tx.sql().execute(sql, &[&now, &new.case_id, &new.survey_key]).await? == 1 {
        return Ok(true);
    }
    let sql = "INSERT INTO survey_invitations (id, survey_key, person_id, unit_id, service_type, case_id, occurrence_id, \
               send_after, sent_at, used_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $8) ON CONFLICT DO NOTHING";
    let made = tx
        .sql()
        .execute(
            sql,
            &[
                &Uuid::new_v4(),
                &new.survey_key,
                &new.person_id,
                &new.unit_id,
                &new.service_type,
                &new.case_id,
                &new.occurrence_id,
                &now,
            ],
        )
        .await?;
    Ok(made == 1)
}

/// An invitation the maintenance round may send or remind of, with whom to write to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueInvitation {
    pub id: Uuid,
    pub survey_key: String,
    pub person_id: Uuid,
}

/// Invitations whose time has come (the follow-up a year after closing), of people still asked.
pub async fn due_to_send(db: &Db, now: UtcTime) -> anyhow::Result<Vec<DueInvitation>> {
    let sql = "SELECT i.id, i.survey_key, i.person_id FROM survey_invitations i JOIN people p ON p.id = i.person_id \
               WHERE i.sent_at IS NULL AND i.send_after <= $1 AND p.survey_opt_out = FALSE AND p.active \
               ORDER BY i.send_after LIMIT 200";
    Ok(db.sql().all(sql, &[&now]).await?)
}

/// Claims an invitation for sending: `true` for one process only.
pub async fn claim_send(tx: &mut Tx, id: Uuid, now: UtcTime) -> anyhow::Result<bool> {
    let sql = "UPDATE survey_invitations SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL";
    Ok(tx.sql().execute(sql, &[&now, &id]).await? == 1)
}

/// Unanswered invitations of `survey` sent before `sent_before`, never reminded.
pub async fn due_reminders(
    db: &Db,
    survey: &str,
    sent_before: UtcTime,
) -> anyhow::Result<Vec<DueInvitation>> {
    let sql = "SELECT i.id, i.survey_key, i.person_id FROM survey_invitations i JOIN people p ON p.id = i.person_id \
               WHERE i.survey_key = $1 AND i.sent_at <= $2 AND i.used_at IS NULL AND i.reminded_at IS NULL \
               AND p.survey_opt_out = FALSE AND p.active ORDER BY i.sent_at LIMIT 200";
    Ok(db.sql().all(sql, &[&survey, &sent_before]).await?)
}

/// Claims an invitation's one reminder: `true` for one process, once.
pub async fn claim_reminder(tx: &mut Tx, id: Uuid, now: UtcTime) -> anyhow::Result<bool> {
    let sql = "UPDATE survey_invitations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND used_at IS NULL";
    Ok(tx.sql().execute(sql, &[&now, &id]).await? == 1)
}

/// A registrant of an occurrence that has ended, not yet invited.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndedAttendance {
    pub occurrence_id: Uuid,
    pub person_id: Uuid,
    pub unit_id: Option<Uuid>,
}

/// Confirmed registrants with an account, of occurrences that ended between `since` and `now`,
/// who have not been invited about them and are still asked.
pub async fn ended_attendances(
    db: &Db,
    since: UtcTime,
    now: UtcTime,
) -> anyhow::Result<Vec<EndedAttendance>> {
    let sql = "SELECT DISTINCT o.id AS occurrence_id, r.person_id, s.organiser_unit_id AS unit_id \
               FROM event_registrations r JOIN event_occurrences o ON o.id = r.occurrence_id \
               JOIN event_series s ON s.id = o.series_id JOIN people p ON p.id = r.person_id \
               WHERE o.ends_at > $1 AND o.ends_at <= $2 AND NOT o.cancelled AND r.status = 'confirmed' \
               AND p.survey_opt_out = FALSE AND p.active \
               AND NOT EXISTS (SELECT 1 FROM survey_invitations i WHERE i.occurrence_id = o.id AND i.person_id = r.person_id) \
               LIMIT 500";
    Ok(db.sql().all(sql, &[&since, &now]).await?)
}

/// An event invitation, claimed by its insertion (one per registrant and occurrence).
pub fn event_invitation(attendance: &EndedAttendance, now: UtcTime) -> NewInvitation {
    NewInvitation {
        survey_key: EVENT,
        person_id: attendance.person_id,
        unit_id: attendance.unit_id,
        service_type: EVENT_SERVICE.into(),
        case_id: None,
        occurrence_id: Some(attendance.occurrence_id),
        send_after: now,
    }
}

/// The usefulness invitation (sent now) and the follow-up (sent a year later) of a closed case.
pub fn case_invitations(case: &crate::cases::Case, service_type: &str, now: UtcTime) -> [NewInvitation; 2] {
    let new = |survey_key, send_after| NewInvitation {
        survey_key,
        person_id: case.resident_id,
        unit_id: Some(case.unit_id),
        service_type: service_type.to_string(),
        case_id: Some(case.id),
        occurrence_id: None,
        send_after,
    };
    let year_later = now.0.checked_add_months(chrono::Months::new(12)).unwrap_or(now.0);
    [new(USEFULNESS, now), new(FOLLOW_UP, UtcTime(year_later))]
}

// ---- Answers

/// What an answer is stored with: nothing that points at a person.
pub struct NewAnswer<'a> {
    pub survey_key: &'a str,
    pub version: i32,
    pub unit_id: Option<Uuid>,
    pub service_type: &'a str,
    pub channel: Channel,
    pub week: String,
    pub items: &'a [Item],
}

/// Stores an answer and its values.
pub async fn insert_answer(tx: &mut Tx, answer: &NewAnswer<'_>) -> anyhow::Result<()> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO survey_answers (id, survey_key, version, unit_id, service_type, channel, week) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    tx.sql()
        .execute(
            sql,
            &[
                &id,
                &answer.survey_key,
                &answer.version,
                &answer.unit_id,
                &answer.service_type,
                &answer.channel.as_str(),
                &answer.week,
            ],
        )
        .await?;
    for item in answer.items {
        let sql = "INSERT INTO survey_answer_items (answer_id, question_key, value) VALUES ($1, $2, $3)";
        tx.sql().execute(sql, &[&id, &item.question_key, &item.value]).await?;
    }
    count_usefulness(tx, answer).await
}

/// Adds a usefulness answer to its unit's and week's counts (see [`usefulness_counts`]), in the
/// answer's transaction.
async fn count_usefulness(tx: &mut Tx, answer: &NewAnswer<'_>) -> anyhow::Result<()> {
    let Some(unit) = answer.unit_id.filter(|_| answer.survey_key == USEFULNESS) else {
        return Ok(());
    };
    for item in answer.items.iter().filter(|i| i.question_key == HELPED_QUESTION) {
        let useful = i64::from(super::is_useful(&item.value));
        let sql = "INSERT INTO survey_usefulness_weeks (unit_id, week, useful, answered) VALUES ($1, $2, $3, 1) \
                   ON CONFLICT (unit_id, week) DO UPDATE SET useful = survey_usefulness_weeks.useful + excluded.useful, \
                   answered = survey_usefulness_weeks.answered + 1";
        tx.sql().execute(sql, &[&unit, &answer.week, &useful]).await?;
    }
    Ok(())
}

/// Counts every stored usefulness answer again (after answers were loaded in bulk, outside
/// [`insert_answer`]).
pub async fn recount_usefulness(db: &Db) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    tx.sql().execute("DELETE FROM survey_usefulness_weeks", &[]).await?;
    let sql = "INSERT INTO survey_usefulness_weeks (unit_id, week, useful, answered) \
               SELECT a.unit_id, a.week, COUNT(CASE WHEN i.value IN ('ja', '4', '5') THEN 1 END), COUNT(*) \
               FROM survey_answers a JOIN survey_answer_items i ON i.answer_id = a.id \
               WHERE a.survey_key = $1 AND i.question_key = $2 AND a.unit_id IS NOT NULL \
               GROUP BY a.unit_id, a.week";
    tx.sql().execute(sql, &[&USEFULNESS, &HELPED_QUESTION]).await?;
    tx.commit().await?;
    Ok(())
}

/// For the goals dashboard: per unit and ISO week (`from_week` to `to_week`, both included, as
/// `2026-W49`), how many answered the usefulness question "Har du fått den hjälp du behövde?"
/// (`answered`: any value, "don't know" included) and how many of them found the support useful
/// (`useful`: yes, or 4–5 should the question be a scale). Answers without a unit are left out.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UsefulnessCount {
    pub unit_id: Uuid,
    pub week: String,
    pub useful: i64,
    pub answered: i64,
}

/// See [`UsefulnessCount`]. Ordered by unit, then week. Read from the counts kept with every
/// answer, not by counting the answers.
pub async fn usefulness_counts(
    db: &Db,
    from_week: &str,
    to_week: &str,
) -> anyhow::Result<Vec<UsefulnessCount>> {
    let sql = "SELECT unit_id, week, useful, answered FROM survey_usefulness_weeks \
               WHERE week >= $1 AND week <= $2 ORDER BY unit_id, week";
    Ok(db.sql().all(sql, &[&from_week, &to_week]).await?)
}

/// One free-text answer, for the dashboard (which shows it only for groups large enough).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FreeText {
    pub survey_key: String,
    pub question_key: String,
    pub week: String,
    pub text: String,
}

/// At most this many free-text answers are read for one unit and survey, the newest weeks first:
/// a year of a large unit's answers would be thousands, more than anyone reads on a dashboard.
pub const FREE_TEXTS_SHOWN: usize = 30;

/// The newest (scrubbed) free-text answers to one survey from a unit between two weeks, both
/// included; at most [`FREE_TEXTS_SHOWN`].
pub async fn free_texts(
    db: &Db,
    survey_key: &str,
    unit: Uuid,
    from_week: &str,
    to_week: &str,
) -> anyhow::Result<Vec<FreeText>> {
    // The limit is written into the text, not bound: a bound LIMIT makes SQLite plan the
    // statement again on every call.
    let sql = "SELECT a.survey_key, i.question_key, a.week, i.value AS text \
               FROM survey_answers a JOIN survey_answer_items i ON i.answer_id = a.id \
               JOIN survey_questions q ON q.survey_key = a.survey_key AND q.version = a.version AND q.question_key = i.question_key \
               WHERE a.survey_key = $1 AND a.week >= $2 AND a.week <= $3 AND a.unit_id = $4 AND q.kind = 'free_text' \
               ORDER BY a.week DESC, i.question_key, i.value LIMIT 30";
    debug_assert!(sql.ends_with(&format!("LIMIT {FREE_TEXTS_SHOWN}")));
    Ok(db.sql().all(sql, &[&survey_key, &from_week, &to_week, &unit]).await?)
}
