//! The plans' SQL. Every change goes through [`changed`] in the same transaction: a change of
//! content raises the plan's version and ends an agreement given before it (the table's CHECKs
//! refuse an agreement that names another version).

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Change, Plan, PlanStatus, Responsible};
use crate::db::{Db, Tx, UtcTime};

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: Uuid,
    resident_id: Uuid,
    case_id: Option<Uuid>,
    title: String,
    status: String,
    follow_up_on: Option<NaiveDate>,
    version: i32,
    resident_view: Option<String>,
    resident_view_at: Option<UtcTime>,
    agreed_at: Option<UtcTime>,
    followed_up_at: Option<UtcTime>,
    created_at: UtcTime,
}

impl PlanRow {
    fn into_plan(self) -> anyhow::Result<Plan> {
        let status = PlanStatus::parse(&self.status)
            .ok_or_else(|| anyhow::anyhow!("plan {} has an unknown status", self.id))?;
        Ok(Plan {
            id: self.id,
            resident_id: self.resident_id,
            case_id: self.case_id,
            title: self.title,
            status,
            follow_up_on: self.follow_up_on,
            version: self.version,
            resident_view: self.resident_view,
            resident_view_at: self.resident_view_at,
            agreed_at: self.agreed_at,
            followed_up_at: self.followed_up_at,
            created_at: self.created_at,
        })
    }
}

const SELECT_PLAN: &str = "SELECT id, resident_id, case_id, title, status, follow_up_on, version, resident_view, \
     resident_view_at, agreed_at, followed_up_at, created_at FROM plans ";

/// A participating unit.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanUnit {
    pub unit_id: Uuid,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutsideParticipant {
    pub id: Uuid,
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Goal {
    pub id: Uuid,
    pub body: String,
}

/// An action with the names of the one responsible (none named: the resident).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanAction {
    pub id: Uuid,
    pub unit_id: Option<Uuid>,
    pub outside_id: Option<Uuid>,
    pub body: String,
    pub due_on: NaiveDate,
    pub done_at: Option<UtcTime>,
    pub unit_name_sv: Option<String>,
    pub unit_name_en: Option<String>,
    pub outside_name: Option<String>,
    pub outside_organisation: Option<String>,
}

/// A plan in a list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanSummary {
    pub id: Uuid,
    pub title: String,
    pub status: String,
    pub follow_up_on: Option<NaiveDate>,
    pub created_at: UtcTime,
}

impl PlanSummary {
    pub fn status(&self) -> PlanStatus {
        PlanStatus::parse(&self.status).unwrap_or(PlanStatus::Draft)
    }
}

/// Starts a plan for `resident` with `unit` as its first participant.
pub async fn create(
    tx: &mut Tx,
    resident: Uuid,
    case_id: Option<Uuid>,
    title: &str,
    unit: Uuid,
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "INSERT INTO plans (id, resident_id, case_id, title, status, version, created_by, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, 'draft', 1, $5, $6, $6)",
            &[&id, &resident, &case_id, &title, &by, &now],
        )
        .await?;
    tx.sql()
        .execute(
            "INSERT INTO plan_units (plan_id, unit_id, added_by, added_at) VALUES ($1, $2, $3, $4)",
            &[&id, &unit, &by, &now],
        )
        .await?;
    Ok(id)
}

pub async fn plan(db: &Db, id: Uuid) -> anyhow::Result<Option<Plan>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_PLAN}WHERE id = $1"));
    let row: Option<PlanRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(PlanRow::into_plan).transpose()
}

/// A resident's plans, newest first.
pub async fn plans_of_resident(db: &Db, resident: Uuid) -> anyhow::Result<Vec<PlanSummary>> {
    let sql = "SELECT id, title, status, follow_up_on, created_at FROM plans WHERE resident_id = $1 \
               ORDER BY created_at DESC, id";
    Ok(db.sql().all(sql, &[&resident]).await?)
}

pub async fn units(db: &Db, plan: Uuid) -> anyhow::Result<Vec<PlanUnit>> {
    let sql = "SELECT u.id AS unit_id, u.name_sv, u.name_en FROM plan_units p JOIN units u ON u.id = p.unit_id \
               WHERE p.plan_id = $1 ORDER BY p.added_at, u.name_sv";
    Ok(db.sql().all(sql, &[&plan]).await?)
}

pub async fn outside_participants(db: &Db, plan: Uuid) -> anyhow::Result<Vec<OutsideParticipant>> {
    let sql = "SELECT id, name, organisation FROM plan_outside_participants WHERE plan_id = $1 \
               ORDER BY added_at, id";
    Ok(db.sql().all(sql, &[&plan]).await?)
}

pub async fn goals(db: &Db, plan: Uuid) -> anyhow::Result<Vec<Goal>> {
    let sql = "SELECT id, body FROM plan_goals WHERE plan_id = $1 ORDER BY added_at, id";
    Ok(db.sql().all(sql, &[&plan]).await?)
}

/// The plan's actions, soonest first.
pub async fn actions(db: &Db, plan: Uuid) -> anyhow::Result<Vec<PlanAction>> {
    let sql = "SELECT a.id, a.unit_id, a.outside_id, a.body, a.due_on, a.done_at, u.name_sv AS unit_name_sv, \
               u.name_en AS unit_name_en, o.name AS outside_name, o.organisation AS outside_organisation \
               FROM plan_actions a LEFT JOIN units u ON u.id = a.unit_id \
               LEFT JOIN plan_outside_participants o ON o.id = a.outside_id \
               WHERE a.plan_id = $1 ORDER BY a.due_on, a.added_at, a.id";
    Ok(db.sql().all(sql, &[&plan]).await?)
}

/// Records that the plan changed. A change of content (`Change::ends_agreement`) raises its
/// version and ends the agreement given before; other changes keep it.
async fn changed(tx: &mut Tx, plan: Uuid, change: Change) -> anyhow::Result<()> {
    let sql = if change.ends_agreement() {
        "UPDATE plans SET version = version + 1, status = 'draft', agreed_version = NULL, agreed_at = NULL, \
         followed_up_at = NULL, updated_at = $1 WHERE id = $2"
    } else {
        "UPDATE plans SET updated_at = $1 WHERE id = $2"
    };
    tx.sql().execute(sql, &[&UtcTime::now(), &plan]).await?;
    Ok(())
}

/// Adds a unit of the city; `false` when it already takes part (nothing changes).
pub async fn add_unit(tx: &mut Tx, plan: Uuid, unit: Uuid, by: Uuid) -> anyhow::Result<bool> {
    let added = tx
        .sql()
        .execute(
            "INSERT INTO plan_units (plan_id, unit_id, added_by, added_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
            &[&plan, &unit, &by, &UtcTime::now()],
        )
        .await?;
    if added == 1 {
        changed(tx, plan, Change::Content).await?;
    }
    Ok(added == 1)
}

pub async fn add_outside_participant(
    tx: &mut Tx,
    plan: Uuid,
    name: &str,
    organisation: &str,
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    tx.sql()
        .execute(
            "INSERT INTO plan_outside_participants (id, plan_id, name, organisation, added_by, added_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&id, &plan, &name, &organisation, &by, &UtcTime::now()],
        )
        .await?;
    changed(tx, plan, Change::Content).await?;
    Ok(id)
}

pub async fn add_goal(tx: &mut Tx, plan: Uuid, body: &str, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    tx.sql()
        .execute(
            "INSERT INTO plan_goals (id, plan_id, body, added_by, added_at) VALUES ($1, $2, $3, $4, $5)",
            &[&id, &plan, &body, &by, &UtcTime::now()],
        )
        .await?;
    changed(tx, plan, Change::Content).await?;
    Ok(id)
}

pub async fn add_action(
    tx: &mut Tx,
    plan: Uuid,
    responsible: Responsible,
    body: &str,
    due_on: NaiveDate,
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let (unit, outside) = match responsible {
        Responsible::Resident => (None, None),
        Responsible::Unit(id) => (Some(id), None),
        Responsible::Outside(id) => (None, Some(id)),
    };
    let id = Uuid::new_v4();
    tx.sql()
        .execute(
            "INSERT INTO plan_actions (id, plan_id, unit_id, outside_id, body, due_on, added_by, added_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[&id, &plan, &unit, &outside, &body, &due_on, &by, &UtcTime::now()],
        )
        .await?;
    changed(tx, plan, Change::Content).await?;
    Ok(id)
}

pub async fn set_follow_up(tx: &mut Tx, plan: Uuid, date: NaiveDate) -> anyhow::Result<()> {
    tx.sql().execute("UPDATE plans SET follow_up_on = $1 WHERE id = $2", &[&date, &plan]).await?;
    changed(tx, plan, Change::Content).await
}

/// Marks an action of the plan done; `false` when it is not the plan's or already done.
/// Carrying the plan out does not change what was agreed.
pub async fn mark_action_done(tx: &mut Tx, plan: Uuid, action: Uuid, by: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let done = tx
        .sql()
        .execute(
            "UPDATE plan_actions SET done_at = $1, done_by = $2 WHERE id = $3 AND plan_id = $4 AND done_at IS NULL",
            &[&now, &by, &action, &plan],
        )
        .await?;
    if done == 1 {
        changed(tx, plan, Change::ActionDone).await?;
    }
    Ok(done == 1)
}

/// The resident's own view, replacing the one before (theirs to rewrite; the log keeps that they did).
pub async fn write_resident_view(tx: &mut Tx, plan: Uuid, view: &str) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "UPDATE plans SET resident_view = $1, resident_view_at = $2 WHERE id = $3",
            &[&view, &UtcTime::now(), &plan],
        )
        .await?;
    changed(tx, plan, Change::ResidentView).await
}

/// The resident's agreement to `version`, the one they read; `false` when the plan changed in
/// between or is already agreed (decided in the statement, so a change cannot slip under it).
pub async fn agree(tx: &mut Tx, plan: Uuid, version: i32) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let agreed = tx
        .sql()
        .execute(
            "UPDATE plans SET status = 'agreed', agreed_version = version, agreed_at = $1, updated_at = $1 \
             WHERE id = $2 AND version = $3 AND status = 'draft'",
            &[&now, &plan, &version],
        )
        .await?;
    Ok(agreed == 1)
}

/// Records that the agreed plan was followed up; `false` when it is not agreed (any more).
pub async fn mark_followed_up(tx: &mut Tx, plan: Uuid, version: i32) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let marked = tx
        .sql()
        .execute(
            "UPDATE plans SET status = 'followed_up', followed_up_at = $1, updated_at = $1 \
             WHERE id = $2 AND version = $3 AND status = 'agreed'",
            &[&now, &plan, &version],
        )
        .await?;
    Ok(marked == 1)
}
