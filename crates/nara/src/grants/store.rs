//! Grant programmes, applications, assessments, decisions and payments in the database. Who gets
//! to change an application's status is decided in SQL: sending, withdrawing and deciding are
//! conditional updates on the status (sending also on the programme version's closing instant),
//! and scoring inserts only where no conflict of interest was declared.

use chrono::NaiveDate;
use uuid::Uuid;

use super::Score;
use crate::applications::answers::Answers;
use crate::db::{Db, Sql, Tx, UtcTime};

/// A programme with one of its published versions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgrammeRow {
    pub id: Uuid,
    pub slug: String,
    pub version: i32,
    pub rules: String,
    pub questions: String,
    pub name_sv: String,
    pub name_en: String,
    pub closes_at: UtcTime,
    pub published_at: UtcTime,
}

impl ProgrammeRow {
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        if locale == crate::i18n::Locale::EN && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name_sv
        }
    }
}

const SELECT_VERSION: &str = "SELECT p.id, p.slug, v.version, v.rules, v.questions, v.name_sv, v.name_en, \
     v.closes_at, v.published_at FROM grant_programmes p \
     JOIN grant_programme_versions v ON v.programme_id = p.id ";
const NEWEST: &str =
    "v.version = (SELECT MAX(n.version) FROM grant_programme_versions n WHERE n.programme_id = p.id)";

/// Every programme in its newest version, by name.
pub async fn programmes(db: &Db) -> anyhow::Result<Vec<ProgrammeRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_VERSION}WHERE {NEWEST} ORDER BY v.name_sv, p.id"));
    Ok(db.sql().all(sql, &[]).await?)
}

/// A programme in its newest version.
pub async fn programme(db: &Db, slug: &str) -> anyhow::Result<Option<ProgrammeRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_VERSION}WHERE p.slug = $1 AND {NEWEST}"));
    Ok(db.sql().optional(sql, &[&slug]).await?)
}

/// One published version of a programme: the rules an application was made under.
pub async fn programme_version(db: &Db, id: Uuid, version: i32) -> anyhow::Result<Option<ProgrammeRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_VERSION}WHERE p.id = $1 AND v.version = $2"));
    Ok(db.sql().optional(sql, &[&id, &version]).await?)
}

/// A new programme; `None` when the slug is taken.
pub async fn create_programme(tx: &mut Tx, slug: &str) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let made = tx
        .sql()
        .execute(
            "INSERT INTO grant_programmes (id, slug, created_at) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING",
            &[&id, &slug, &UtcTime::now()],
        )
        .await?;
    Ok((made == 1).then_some(id))
}

/// What a new version publishes.
pub struct NewVersion<'a> {
    pub rules: &'a str,
    pub questions: &'a str,
    pub name_sv: &'a str,
    pub name_en: &'a str,
    pub closes_at: UtcTime,
}

/// Publishes the next version of a programme; its number.
pub async fn publish_version(
    tx: &mut Tx,
    programme: Uuid,
    new: &NewVersion<'_>,
    by: Uuid,
) -> anyhow::Result<i32> {
    let version: i32 = tx
        .sql()
        .value(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM grant_programme_versions WHERE programme_id = $1",
            &[&programme],
        )
        .await?
        .unwrap_or(1);
    tx.sql()
        .execute(
            "INSERT INTO grant_programme_versions (programme_id, version, rules, questions, name_sv, name_en, \
             closes_at, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &programme,
                &version,
                &new.rules,
                &new.questions,
                &new.name_sv,
                &new.name_en,
                &new.closes_at,
                &by,
                &UtcTime::now(),
            ],
        )
        .await?;
    Ok(version)
}

/// An application with the names of its association and programme.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: Uuid,
    pub entry_id: Uuid,
    pub entry_name: String,
    pub entry_slug: String,
    pub programme_id: Uuid,
    pub programme_version: i32,
    pub programme_slug: String,
    pub programme_name_sv: String,
    pub programme_name_en: String,
    pub status: String,
    answers: String,
    pub requested_ore: i64,
    pub register_snapshot: Option<String>,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub submitted_at: Option<UtcTime>,
    pub withdrawn_at: Option<UtcTime>,
}

impl ApplicationRow {
    pub fn status(&self) -> super::Status {
        super::Status::parse(&self.status).unwrap_or(super::Status::Draft)
    }

    pub fn answers(&self) -> anyhow::Result<Answers> {
        Ok(serde_json::from_str(&self.answers)?)
    }

    pub fn programme_name(&self, locale: crate::i18n::Locale) -> &str {
        if locale == crate::i18n::Locale::EN && !self.programme_name_en.is_empty() {
            &self.programme_name_en
        } else {
            &self.programme_name_sv
        }
    }
}

const SELECT_APPLICATION: &str = "SELECT a.id, a.entry_id, e.name AS entry_name, e.slug AS entry_slug, \
     a.programme_id, a.programme_version, p.slug AS programme_slug, v.name_sv AS programme_name_sv, \
     v.name_en AS programme_name_en, a.status, a.answers, a.requested_ore, a.register_snapshot, \
     a.created_at, a.updated_at, a.submitted_at, a.withdrawn_at \
     FROM grant_applications a JOIN directory_entries e ON e.id = a.entry_id \
     JOIN grant_programmes p ON p.id = a.programme_id \
     JOIN grant_programme_versions v ON v.programme_id = a.programme_id AND v.version = a.programme_version ";

/// A new draft under the programme's version `version`.
pub async fn start(
    tx: &mut Tx,
    entry: Uuid,
    programme: Uuid,
    version: i32,
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "INSERT INTO grant_applications (id, entry_id, programme_id, programme_version, status, answers, \
             requested_ore, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, 'draft', '{}', 0, $5, $6, $6)",
            &[&id, &entry, &programme, &version, &by, &now],
        )
        .await?;
    Ok(id)
}

pub async fn application(db: &Db, id: Uuid) -> anyhow::Result<Option<ApplicationRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_APPLICATION}WHERE a.id = $1"));
    Ok(db.sql().optional(sql, &[&id]).await?)
}

/// An association's applications, newest first.
pub async fn applications_of_entry(db: &Db, entry: Uuid) -> anyhow::Result<Vec<ApplicationRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_APPLICATION}WHERE a.entry_id = $1 ORDER BY a.created_at DESC, a.id"
    ));
    Ok(db.sql().all(sql, &[&entry]).await?)
}

/// The applications sent to be assessed and those decided, oldest sent first.
pub async fn sent_applications(db: &Db) -> anyhow::Result<Vec<ApplicationRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_APPLICATION}WHERE a.status IN ('submitted', 'decided') ORDER BY a.status DESC, a.submitted_at, a.id"
    ));
    Ok(db.sql().all(sql, &[]).await?)
}

/// Keeps a draft's answers and amount; `false` when it is no longer a draft.
pub async fn save_draft(
    tx: &mut Tx,
    id: Uuid,
    answers: &Answers,
    requested_ore: i64,
) -> anyhow::Result<bool> {
    let answers = serde_json::to_string(answers)?;
    let changed = tx
        .sql()
        .execute(
            "UPDATE grant_applications SET answers = $2, requested_ore = $3, updated_at = $4 \
             WHERE id = $1 AND status = 'draft'",
            &[&id, &answers, &requested_ore, &UtcTime::now()],
        )
        .await?;
    Ok(changed == 1)
}

/// One line of an application's budget.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BudgetLine {
    pub label: String,
    pub amount_ore: i64,
}

pub async fn replace_budget(tx: &mut Tx, id: Uuid, lines: &[BudgetLine]) -> anyhow::Result<()> {
    tx.sql().execute("DELETE FROM grant_budget_lines WHERE application_id = $1", &[&id]).await?;
    for (index, line) in lines.iter().enumerate() {
        let position = i32::try_from(index + 1)?;
        tx.sql()
            .execute(
                "INSERT INTO grant_budget_lines (application_id, position, label, amount_ore) VALUES ($1, $2, $3, $4)",
                &[&id, &position, &line.label, &line.amount_ore],
            )
            .await?;
    }
    Ok(())
}

pub async fn budget(db: &Db, id: Uuid) -> anyhow::Result<Vec<BudgetLine>> {
    let sql = "SELECT label, amount_ore FROM grant_budget_lines WHERE application_id = $1 ORDER BY position";
    Ok(db.sql().all(sql, &[&id]).await?)
}

/// An attachment as a page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: Uuid,
    pub kind: String,
    pub file_name: String,
    pub size_bytes: i32,
}

impl FileRow {
    pub fn size(&self) -> String {
        crate::applications::files::size_label(self.size_bytes)
    }

    pub fn kind_key(&self) -> &'static str {
        super::FileKind::parse(&self.kind).unwrap_or(super::FileKind::Other).key()
    }
}

pub async fn add_file(
    tx: &mut Tx,
    application: Uuid,
    kind: super::FileKind,
    file_name: &str,
    content: &[u8],
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let size = i32::try_from(content.len())?;
    let content = content.to_vec();
    tx.sql()
        .execute(
            "INSERT INTO grant_files (id, application_id, kind, file_name, size_bytes, content, uploaded_by, \
             uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[&id, &application, &kind.as_str(), &file_name, &size, &content, &by, &UtcTime::now()],
        )
        .await?;
    Ok(id)
}

/// Removes a draft's attachment.
pub async fn remove_file(tx: &mut Tx, application: Uuid, file: Uuid) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "DELETE FROM grant_files WHERE id = $1 AND application_id = $2 AND application_id IN \
             (SELECT id FROM grant_applications WHERE status = 'draft')",
            &[&file, &application],
        )
        .await?;
    Ok(())
}

pub async fn files(sql: Sql<'_>, application: Uuid) -> anyhow::Result<Vec<FileRow>> {
    let query = "SELECT id, kind, file_name, size_bytes FROM grant_files WHERE application_id = $1 \
                 ORDER BY uploaded_at, id";
    Ok(sql.all(query, &[&application]).await?)
}

/// An attachment's name and bytes, when it belongs to the application.
pub async fn file_content(
    db: &Db,
    application: Uuid,
    file: Uuid,
) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    let sql = "SELECT file_name, content FROM grant_files WHERE id = $1 AND application_id = $2";
    Ok(db.sql().optional(sql, &[&file, &application]).await?)
}

/// Sends a draft at `at` with what the register said then; `false` when it is no longer a draft
/// or `at` is after the programme version's closing instant (both decided in the one statement).
pub async fn submit(tx: &mut Tx, id: Uuid, at: UtcTime, snapshot: &str) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE grant_applications SET status = 'submitted', submitted_at = $2, updated_at = $2, \
             register_snapshot = $3 WHERE id = $1 AND status = 'draft' AND $2 <= (SELECT v.closes_at \
             FROM grant_programme_versions v WHERE v.programme_id = grant_applications.programme_id \
             AND v.version = grant_applications.programme_version)",
            &[&id, &at, &snapshot],
        )
        .await?;
    Ok(changed == 1)
}

/// Withdraws a sent application that has no decision; `false` otherwise.
pub async fn withdraw(tx: &mut Tx, id: Uuid, at: UtcTime) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE grant_applications SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2 \
             WHERE id = $1 AND status = 'submitted'",
            &[&id, &at],
        )
        .await?;
    Ok(changed == 1)
}

/// Declares an assessor's conflict of interest: their scores of the application go, and they
/// score it no more. `false` when it was declared already.
pub async fn declare_conflict(tx: &mut Tx, application: Uuid, assessor: Uuid) -> anyhow::Result<bool> {
    let made = tx
        .sql()
        .execute(
            "INSERT INTO grant_conflicts (application_id, assessor_id, declared_at) VALUES ($1, $2, $3) \
             ON CONFLICT (application_id, assessor_id) DO NOTHING",
            &[&application, &assessor, &UtcTime::now()],
        )
        .await?;
    tx.sql()
        .execute(
            "DELETE FROM grant_scores WHERE application_id = $1 AND assessor_id = $2",
            &[&application, &assessor],
        )
        .await?;
    Ok(made == 1)
}

/// The assessors who declared a conflict of interest in an application.
pub async fn conflicted(db: &Db, application: Uuid) -> anyhow::Result<Vec<Uuid>> {
    let sql = "SELECT assessor_id FROM grant_conflicts WHERE application_id = $1";
    Ok(db.sql().column(sql, &[&application]).await?)
}

/// One criterion's score with its reason, as an assessor gives it.
pub struct NewScore<'a> {
    pub criterion: &'a str,
    pub score: i32,
    pub reason: &'a str,
}

/// Replaces an assessor's scores of a sent application. `false` (nothing written) when the
/// application is not waiting for assessment or the assessor declared a conflict in it: the
/// insert itself checks both, so a conflict declared a moment before is never overtaken.
pub async fn save_scores(
    tx: &mut Tx,
    application: Uuid,
    assessor: Uuid,
    scores: &[NewScore<'_>],
) -> anyhow::Result<bool> {
    tx.sql()
        .execute(
            "DELETE FROM grant_scores WHERE application_id = $1 AND assessor_id = $2",
            &[&application, &assessor],
        )
        .await?;
    let now = UtcTime::now();
    for score in scores {
        let made = tx
            .sql()
            .execute(
                "INSERT INTO grant_scores (application_id, assessor_id, criterion, score, reason, scored_at) \
                 SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM grant_applications \
                 WHERE id = $1 AND status = 'submitted') AND NOT EXISTS (SELECT 1 FROM grant_conflicts \
                 WHERE application_id = $1 AND assessor_id = $2)",
                &[&application, &assessor, &score.criterion, &score.score, &score.reason, &now],
            )
            .await?;
        if made != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A score as the assessment page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScoreRow {
    pub assessor_id: Uuid,
    pub assessor_name: String,
    pub criterion: String,
    pub score: i32,
    pub reason: String,
}

impl ScoreRow {
    pub fn score(&self) -> Score {
        Score { assessor: self.assessor_id, criterion: self.criterion.clone(), score: self.score }
    }
}

pub async fn scores(db: &Db, application: Uuid) -> anyhow::Result<Vec<ScoreRow>> {
    let sql = "SELECT s.assessor_id, p.display_name AS assessor_name, s.criterion, s.score, s.reason \
               FROM grant_scores s JOIN people p ON p.id = s.assessor_id WHERE s.application_id = $1 \
               ORDER BY p.display_name, s.assessor_id, s.criterion";
    Ok(db.sql().all(sql, &[&application]).await?)
}

/// A decision as it is made.
pub struct NewDecision<'a> {
    pub outcome: super::Outcome,
    pub amount_ore: i64,
    pub conditions: Option<&'a str>,
    pub reasons: &'a str,
}

/// Decides a sent application; `false` when it is not (or no longer) waiting for a decision.
pub async fn decide(
    tx: &mut Tx,
    application: Uuid,
    decision: &NewDecision<'_>,
    by: Uuid,
) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let changed = tx
        .sql()
        .execute(
            "UPDATE grant_applications SET status = 'decided', updated_at = $2 WHERE id = $1 AND status = 'submitted'",
            &[&application, &now],
        )
        .await?;
    if changed != 1 {
        return Ok(false);
    }
    let (outcome, conditions, reasons) =
        (decision.outcome.as_str(), decision.conditions.map(str::to_string), decision.reasons.to_string());
    tx.sql()
        .execute(
            "INSERT INTO grant_decisions (application_id, outcome, amount_ore, conditions, reasons, decided_by, \
             decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&application, &outcome, &decision.amount_ore, &conditions, &reasons, &by, &now],
        )
        .await?;
    Ok(true)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DecisionRow {
    pub application_id: Uuid,
    pub outcome: String,
    pub amount_ore: i64,
    pub conditions: Option<String>,
    pub reasons: String,
    pub decided_at: UtcTime,
}

impl DecisionRow {
    pub fn outcome(&self) -> super::Outcome {
        super::Outcome::parse(&self.outcome).unwrap_or(super::Outcome::Refused)
    }
}

pub async fn decision(db: &Db, application: Uuid) -> anyhow::Result<Option<DecisionRow>> {
    let sql = "SELECT application_id, outcome, amount_ore, conditions, reasons, decided_at FROM grant_decisions \
               WHERE application_id = $1";
    Ok(db.sql().optional(sql, &[&application]).await?)
}

/// A decision as the board's list has it: no personal data, the association and the amounts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DecisionLine {
    pub application_id: Uuid,
    pub entry_name: String,
    pub org_number: Option<String>,
    pub programme_name_sv: String,
    pub programme_version: i32,
    pub requested_ore: i64,
    pub outcome: String,
    pub amount_ore: i64,
    pub conditions: Option<String>,
    pub reasons: String,
    pub decided_at: UtcTime,
}

pub async fn decisions(db: &Db) -> anyhow::Result<Vec<DecisionLine>> {
    let sql = "SELECT d.application_id, e.name AS entry_name, e.org_number, v.name_sv AS programme_name_sv, \
               a.programme_version, a.requested_ore, d.outcome, d.amount_ore, d.conditions, d.reasons, d.decided_at \
               FROM grant_decisions d JOIN grant_applications a ON a.id = d.application_id \
               JOIN directory_entries e ON e.id = a.entry_id \
               JOIN grant_programme_versions v ON v.programme_id = a.programme_id AND v.version = a.programme_version \
               ORDER BY d.decided_at, d.application_id";
    Ok(db.sql().all(sql, &[]).await?)
}

/// Records a payment of a granted decision; `None` when the application has no grant.
pub async fn record_payment(
    tx: &mut Tx,
    application: Uuid,
    paid_on: NaiveDate,
    amount_ore: i64,
    reference: &str,
    by: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let made = tx
        .sql()
        .execute(
            "INSERT INTO grant_payments (id, application_id, paid_on, amount_ore, reference, recorded_by, recorded_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM grant_decisions \
             WHERE application_id = $2 AND outcome = 'granted')",
            &[&id, &application, &paid_on, &amount_ore, &reference, &by, &UtcTime::now()],
        )
        .await?;
    Ok((made == 1).then_some(id))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: Uuid,
    pub paid_on: NaiveDate,
    pub amount_ore: i64,
    pub reference: String,
}

pub async fn payments(db: &Db, application: Uuid) -> anyhow::Result<Vec<PaymentRow>> {
    let sql = "SELECT id, paid_on, amount_ore, reference FROM grant_payments WHERE application_id = $1 \
               ORDER BY paid_on, recorded_at, id";
    Ok(db.sql().all(sql, &[&application]).await?)
}

/// The e-mail addresses of an association's approved representatives with an active, verified
/// account: where a decision is sent when the register names no address of the association.
pub async fn representative_emails(db: &Db, entry: Uuid) -> anyhow::Result<Vec<String>> {
    let sql = "SELECT p.email FROM directory_representatives r JOIN people p ON p.id = r.person_id \
               WHERE r.entry_id = $1 AND r.status = 'approved' AND p.active AND p.email_verified_at IS NOT NULL \
               AND p.email IS NOT NULL ORDER BY p.email";
    Ok(db.sql().column(sql, &[&entry]).await?)
}

// ---- Follow-ups.

/// Opens a grant's follow-up with its schedule (the first payment does); nothing when it is open.
pub async fn open_follow_up(
    tx: &mut Tx,
    application: Uuid,
    schedule: &super::follow_up::Schedule,
) -> anyhow::Result<bool> {
    let made = tx
        .sql()
        .execute(
            "INSERT INTO grant_follow_ups (application_id, period_start, due_on, remind_on, status, updated_at) \
             VALUES ($1, $2, $3, $4, 'draft', $5) ON CONFLICT (application_id) DO NOTHING",
            &[&application, &schedule.period_start, &schedule.due_on, &schedule.remind_on, &UtcTime::now()],
        )
        .await?;
    Ok(made == 1)
}

/// A grant's follow-up as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUpRow {
    pub application_id: Uuid,
    pub period_start: NaiveDate,
    pub due_on: NaiveDate,
    pub status: String,
    pub activities: Option<i64>,
    pub registrations: Option<i64>,
    pub attended: Option<i64>,
    pub counted_activities: Option<i64>,
    pub counted_registrations: Option<i64>,
    pub counted_attended: Option<i64>,
    reached: String,
    pub changes: Option<String>,
    pub story: Option<String>,
    pub submitted_at: Option<UtcTime>,
}

impl FollowUpRow {
    pub fn submitted(&self) -> bool {
        self.status == "submitted"
    }

    /// People reached per target group (an unreadable value reads as none).
    pub fn reached(&self) -> std::collections::BTreeMap<String, i64> {
        serde_json::from_str(&self.reached).unwrap_or_default()
    }

    pub fn state(&self, today: NaiveDate) -> super::follow_up::State {
        super::follow_up::State::of(self.submitted(), self.due_on, today)
    }
}

const SELECT_FOLLOW_UP: &str = "SELECT application_id, period_start, due_on, status, activities, registrations, \
     attended, counted_activities, counted_registrations, counted_attended, reached, changes, story, submitted_at \
     FROM grant_follow_ups ";

pub async fn follow_up(db: &Db, application: Uuid) -> anyhow::Result<Option<FollowUpRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_FOLLOW_UP}WHERE application_id = $1"));
    Ok(db.sql().optional(sql, &[&application]).await?)
}

/// Every follow-up, for the staff list's flags.
pub async fn follow_ups(db: &Db) -> anyhow::Result<Vec<FollowUpRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_FOLLOW_UP}ORDER BY due_on, application_id"));
    Ok(db.sql().all(sql, &[]).await?)
}

/// An association's follow-ups, for its list of applications.
pub async fn follow_ups_of_entry(db: &Db, entry: Uuid) -> anyhow::Result<Vec<FollowUpRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_FOLLOW_UP}WHERE application_id IN (SELECT id FROM grant_applications WHERE entry_id = $1) \
         ORDER BY due_on, application_id"
    ));
    Ok(db.sql().all(sql, &[&entry]).await?)
}

/// The submitted follow-ups of an association's other grants in a programme, newest first: what
/// the assessor reads beside next year's application.
pub async fn earlier_follow_ups(
    db: &Db,
    entry: Uuid,
    programme: Uuid,
    application: Uuid,
) -> anyhow::Result<Vec<FollowUpRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_FOLLOW_UP}WHERE status = 'submitted' AND application_id <> $3 AND application_id IN \
         (SELECT id FROM grant_applications WHERE entry_id = $1 AND programme_id = $2) ORDER BY due_on DESC"
    ));
    Ok(db.sql().all(sql, &[&entry, &programme, &application]).await?)
}

/// Keeps a follow-up's fields; with `submit` (when, by whom, what the calendar counted) it is sent.
/// `false` when it was submitted already (decided in the statement, so two tabs cannot both send).
pub async fn save_follow_up(
    tx: &mut Tx,
    application: Uuid,
    report: &super::follow_up::Report,
    submit: Option<(UtcTime, Uuid, super::follow_up::Counted)>,
) -> anyhow::Result<bool> {
    let reached = serde_json::to_string(&report.reached)?;
    let now = UtcTime::now();
    let changed = tx
        .sql()
        .execute(
            "UPDATE grant_follow_ups SET activities = $2, registrations = $3, attended = $4, reached = $5, \
             changes = $6, story = $7, updated_at = $8 WHERE application_id = $1 AND status = 'draft'",
            &[
                &application,
                &report.activities,
                &report.registrations,
                &report.attended,
                &reached,
                &report.changes,
                &report.story,
                &now,
            ],
        )
        .await?;
    if changed != 1 {
        return Ok(false);
    }
    if let Some((at, by, counted)) = submit {
        tx.sql()
            .execute(
                "UPDATE grant_follow_ups SET status = 'submitted', submitted_at = $2, submitted_by = $3, \
                 counted_activities = $4, counted_registrations = $5, counted_attended = $6 \
                 WHERE application_id = $1 AND status = 'draft'",
                &[&application, &at, &by, &counted.activities, &counted.registrations, &counted.attended],
            )
            .await?;
    }
    Ok(true)
}

/// A follow-up whose reminder day has come, with where to send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueFollowUp {
    pub application_id: Uuid,
    pub entry_id: Uuid,
    pub entry_slug: String,
    pub entry_name: String,
    pub programme_name_sv: String,
    pub due_on: NaiveDate,
}

/// The unsent follow-ups reminded of on or before `today` and not yet reminded.
pub async fn follow_ups_to_remind(db: &Db, today: NaiveDate) -> anyhow::Result<Vec<DueFollowUp>> {
    let sql = "SELECT f.application_id, a.entry_id, e.slug AS entry_slug, e.name AS entry_name, \
               v.name_sv AS programme_name_sv, f.due_on FROM grant_follow_ups f \
               JOIN grant_applications a ON a.id = f.application_id JOIN directory_entries e ON e.id = a.entry_id \
               JOIN grant_programme_versions v ON v.programme_id = a.programme_id AND v.version = a.programme_version \
               WHERE f.status = 'draft' AND f.reminded_at IS NULL AND f.remind_on <= $1 \
               ORDER BY f.due_on, f.application_id";
    Ok(db.sql().all(sql, &[&today]).await?)
}

/// Marks a follow-up as reminded; `false` when another process got there first.
pub async fn claim_follow_up_reminder(tx: &mut Tx, application: Uuid) -> anyhow::Result<bool> {
    let sql =
        "UPDATE grant_follow_ups SET reminded_at = $1 WHERE application_id = $2 AND reminded_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &application]).await? == 1)
}

/// A decision with its association's register facts and its follow-up's figures: what the effect
/// view sums and the open data lists (nobody's personal data: no names of people, no e-mail).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DecidedRow {
    pub application_id: Uuid,
    pub entry_id: Uuid,
    pub entry_name: String,
    pub city: Option<String>,
    /// Whether the register shows the association (open data names only those).
    pub published: bool,
    pub register_snapshot: Option<String>,
    pub programme_slug: String,
    pub programme_name_sv: String,
    pub outcome: String,
    pub amount_ore: i64,
    pub decided_at: UtcTime,
    pub follow_up_status: Option<String>,
    pub activities: Option<i64>,
    pub registrations: Option<i64>,
    pub attended: Option<i64>,
    pub reached: Option<String>,
}

pub async fn decided(db: &Db) -> anyhow::Result<Vec<DecidedRow>> {
    let sql = "SELECT d.application_id, a.entry_id, e.name AS entry_name, e.city, e.published, a.register_snapshot, \
               p.slug AS programme_slug, v.name_sv AS programme_name_sv, d.outcome, d.amount_ore, d.decided_at, \
               f.status AS follow_up_status, f.activities, f.registrations, f.attended, f.reached \
               FROM grant_decisions d JOIN grant_applications a ON a.id = d.application_id \
               JOIN directory_entries e ON e.id = a.entry_id JOIN grant_programmes p ON p.id = a.programme_id \
               JOIN grant_programme_versions v ON v.programme_id = a.programme_id AND v.version = a.programme_version \
               LEFT JOIN grant_follow_ups f ON f.application_id = d.application_id \
               ORDER BY d.decided_at, d.application_id";
    Ok(db.sql().all(sql, &[]).await?)
}

/// Moves a decision's day into the past: the demo's grants of earlier years only.
pub async fn backdate_decision(tx: &mut Tx, application: Uuid, decided_at: UtcTime) -> anyhow::Result<()> {
    let sql = "UPDATE grant_decisions SET decided_at = $2 WHERE application_id = $1";
    tx.sql().execute(sql, &[&application, &decided_at]).await?;
    Ok(())
}
