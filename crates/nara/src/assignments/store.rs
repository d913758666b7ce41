//! The SQL of paid assignments and recruitment. A write that is part of a user action takes the
//! action's `Tx` and does not commit; reads take the `Db`. A day's hours once approved are locked:
//! every change is one conditional statement (`… WHERE approved_at IS NULL`) whose row count says
//! whether it happened, so an approval between reading and writing cannot be overtaken.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Interest, Kind};
use crate::db::{Db, Param, Tx, UtcTime};
use crate::i18n::Locale;

/// An assignment, with the name of the person engaged.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub kind: Kind,
    pub description: String,
    pub hourly_rate_ore: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(sqlx::FromRow)]
struct AssignmentRow {
    id: Uuid,
    person_id: Uuid,
    person_name: String,
    kind: String,
    description: String,
    hourly_rate_ore: i64,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
}

impl TryFrom<AssignmentRow> for Assignment {
    type Error = anyhow::Error;

    fn try_from(row: AssignmentRow) -> anyhow::Result<Self> {
        Ok(Assignment {
            id: row.id,
            person_id: row.person_id,
            person_name: row.person_name,
            kind: Kind::parse(&row.kind)
                .ok_or_else(|| anyhow::anyhow!("an assignment has an unknown kind"))?,
            description: row.description,
            hourly_rate_ore: row.hourly_rate_ore,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
        })
    }
}

const SELECT_ASSIGNMENT: &str = "SELECT a.id, a.person_id, p.display_name AS person_name, a.kind, a.description, \
     a.hourly_rate_ore, a.starts_on, a.ends_on FROM assignments a JOIN people p ON p.id = a.person_id ";

fn assignments(rows: Vec<AssignmentRow>) -> anyhow::Result<Vec<Assignment>> {
    rows.into_iter().map(Assignment::try_from).collect()
}

/// What the coordinator fills in to engage someone.
#[derive(Debug, Clone)]
pub struct NewAssignment {
    pub person_id: Uuid,
    pub kind: Kind,
    pub description: String,
    pub hourly_rate_ore: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// People who may be engaged: active, holding `reporter` or `plain_reviewer`, by name.
pub async fn engageable_people(db: &Db) -> anyhow::Result<Vec<(Uuid, String)>> {
    Ok(db
        .sql()
        .all(
            "SELECT DISTINCT p.id, p.display_name FROM people p JOIN role_grants g ON g.person_id = p.id \
             WHERE p.active AND g.role IN ('reporter', 'plain_reviewer') ORDER BY p.display_name, p.id",
            &[],
        )
        .await?)
}

pub async fn create(tx: &mut Tx, new: &NewAssignment, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let params: [&dyn Param; 9] = [
        &id,
        &new.person_id,
        &new.kind.as_str(),
        &new.description,
        &new.hourly_rate_ore,
        &new.starts_on,
        &new.ends_on,
        &by,
        &UtcTime::now(),
    ];
    tx.sql()
        .execute(
            "INSERT INTO assignments (id, person_id, kind, description, hourly_rate_ore, starts_on, ends_on, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &params,
        )
        .await?;
    Ok(id)
}

pub async fn assignment(db: &Db, id: Uuid) -> anyhow::Result<Option<Assignment>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_ASSIGNMENT}WHERE a.id = $1"));
    let row: Option<AssignmentRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(Assignment::try_from).transpose()
}

/// A person's assignments, the latest first.
pub async fn assignments_of(db: &Db, person: Uuid) -> anyhow::Result<Vec<Assignment>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_ASSIGNMENT}WHERE a.person_id = $1 ORDER BY a.starts_on DESC, a.created_at DESC"
    ));
    assignments(db.sql().all(sql, &[&person]).await?)
}

/// Every assignment that runs on some day from `from` (those ended before it are left out).
pub async fn assignments_running_since(db: &Db, from: NaiveDate) -> anyhow::Result<Vec<Assignment>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_ASSIGNMENT}WHERE a.ends_on >= $1 ORDER BY p.display_name, a.starts_on, a.id"
    ));
    assignments(db.sql().all(sql, &[&from]).await?)
}

// ---- Hours.

/// One day's hours on an assignment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hours {
    pub assignment_id: Uuid,
    pub worked_on: NaiveDate,
    pub quarters: i32,
    pub note: String,
    pub approved_at: Option<UtcTime>,
}

/// The hours logged on an assignment, by day.
pub async fn hours_of(db: &Db, assignment: Uuid) -> anyhow::Result<Vec<Hours>> {
    Ok(db
        .sql()
        .all(
            "SELECT assignment_id, worked_on, quarters, note, approved_at FROM assignment_hours \
             WHERE assignment_id = $1 ORDER BY worked_on",
            &[&assignment],
        )
        .await?)
}

/// The hours of one day, approved or not.
pub async fn hours_on(db: &Db, assignment: Uuid, day: NaiveDate) -> anyhow::Result<Option<Hours>> {
    Ok(db
        .sql()
        .optional(
            "SELECT assignment_id, worked_on, quarters, note, approved_at FROM assignment_hours \
             WHERE assignment_id = $1 AND worked_on = $2",
            &[&assignment, &day],
        )
        .await?)
}

/// Logs a day's hours, replacing what was logged for the day unless it is approved: false then.
pub async fn log_hours(
    tx: &mut Tx,
    assignment: Uuid,
    day: NaiveDate,
    quarters: i64,
    note: &str,
) -> anyhow::Result<bool> {
    let quarters = i32::try_from(quarters)?;
    let params: [&dyn Param; 5] = [&assignment, &day, &quarters, &note, &UtcTime::now()];
    let changed = tx
        .sql()
        .execute(
            "INSERT INTO assignment_hours (assignment_id, worked_on, quarters, note, logged_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (assignment_id, worked_on) DO UPDATE \
             SET quarters = excluded.quarters, note = excluded.note, logged_at = excluded.logged_at \
             WHERE assignment_hours.approved_at IS NULL",
            &params,
        )
        .await?;
    Ok(changed == 1)
}

/// Removes a day's hours unless they are approved; false when nothing was removed.
pub async fn delete_hours(tx: &mut Tx, assignment: Uuid, day: NaiveDate) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "DELETE FROM assignment_hours WHERE assignment_id = $1 AND worked_on = $2 AND approved_at IS NULL",
            &[&assignment, &day],
        )
        .await?;
    Ok(changed == 1)
}

/// Approves a day's hours; false when they were approved already (or are gone).
pub async fn approve_hours(tx: &mut Tx, assignment: Uuid, day: NaiveDate, by: Uuid) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE assignment_hours SET approved_at = $3, approved_by = $4 \
             WHERE assignment_id = $1 AND worked_on = $2 AND approved_at IS NULL",
            &[&assignment, &day, &UtcTime::now(), &by],
        )
        .await?;
    Ok(changed == 1)
}

/// One day of a month's hours for the coordinator, with the person's payroll identifier.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MonthLine {
    pub assignment_id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub payroll_id: Option<String>,
    pub kind: String,
    pub description: String,
    pub hourly_rate_ore: i64,
    pub worked_on: NaiveDate,
    pub quarters: i32,
    pub note: String,
    pub approved_at: Option<UtcTime>,
}

/// Every day's hours from `from` until (not including) `until`, by person, assignment and day;
/// only the approved ones when `approved_only` (what payroll pays).
pub async fn month_hours(
    db: &Db,
    from: NaiveDate,
    until: NaiveDate,
    approved_only: bool,
) -> anyhow::Result<Vec<MonthLine>> {
    Ok(db
        .sql()
        .all(
            "SELECT h.assignment_id, a.person_id, p.display_name AS person_name, r.payroll_id, a.kind, \
             a.description, a.hourly_rate_ore, h.worked_on, h.quarters, h.note, h.approved_at \
             FROM assignment_hours h JOIN assignments a ON a.id = h.assignment_id \
             JOIN people p ON p.id = a.person_id LEFT JOIN payroll_ids r ON r.person_id = a.person_id \
             WHERE h.worked_on >= $1 AND h.worked_on < $2 AND ($3 = FALSE OR h.approved_at IS NOT NULL) \
             ORDER BY p.display_name, a.person_id, a.starts_on, a.id, h.worked_on",
            &[&from, &until, &approved_only],
        )
        .await?)
}

// ---- Payroll identifiers.

/// The payroll identifiers of the people given (read by the coordinator only; the caller audits).
pub async fn payroll_ids(db: &Db) -> anyhow::Result<Vec<(Uuid, String)>> {
    Ok(db.sql().all("SELECT person_id, payroll_id FROM payroll_ids", &[]).await?)
}

pub async fn set_payroll_id(tx: &mut Tx, person: Uuid, payroll_id: &str) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO payroll_ids (person_id, payroll_id, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (person_id) DO UPDATE SET payroll_id = excluded.payroll_id, \
             updated_at = excluded.updated_at",
            &[&person, &payroll_id, &UtcTime::now()],
        )
        .await?;
    Ok(())
}

// ---- Recruitment.

/// What someone sent with the recruitment form.
#[derive(Debug, Clone)]
pub struct NewInterest {
    pub name: String,
    pub contact: String,
    pub role: Interest,
    pub experience: String,
    pub delete_on: NaiveDate,
}

/// An interest as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InterestRow {
    pub id: Uuid,
    pub name: String,
    pub contact: String,
    pub role: String,
    pub experience: String,
    pub created_at: UtcTime,
    pub delete_on: NaiveDate,
}

pub async fn add_interest(tx: &mut Tx, new: &NewInterest) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let params: [&dyn Param; 7] =
        [&id, &new.name, &new.contact, &new.role.as_str(), &new.experience, &UtcTime::now(), &new.delete_on];
    tx.sql()
        .execute(
            "INSERT INTO recruitment_interests (id, name, contact, role, experience, created_at, delete_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &params,
        )
        .await?;
    Ok(id)
}

/// Every interest kept, the newest first.
pub async fn interests(db: &Db) -> anyhow::Result<Vec<InterestRow>> {
    Ok(db
        .sql()
        .all(
            "SELECT id, name, contact, role, experience, created_at, delete_on FROM recruitment_interests \
             ORDER BY created_at DESC, id",
            &[],
        )
        .await?)
}

/// Deletes the interests whose `delete_on` has come (the maintenance round); how many.
pub async fn delete_interests_due(db: &Db, today: NaiveDate) -> anyhow::Result<u64> {
    Ok(db.sql().execute("DELETE FROM recruitment_interests WHERE delete_on <= $1", &[&today]).await?)
}

/// The coordinators who can be told of a new interest: active, with a verified address.
pub async fn coordinator_addresses(db: &Db) -> anyhow::Result<Vec<(String, Locale)>> {
    let rows: Vec<(Uuid, String, Option<String>)> = db
        .sql()
        .all(
            "SELECT DISTINCT p.id, p.email, p.language FROM people p JOIN role_grants g ON g.person_id = p.id \
             WHERE g.role = 'coordinator' AND p.active AND p.email IS NOT NULL \
             AND p.email_verified_at IS NOT NULL ORDER BY p.id",
            &[],
        )
        .await?;
    Ok(rows.into_iter().map(|(_, email, code)| (email, Locale::chosen(code.as_deref()))).collect())
}
