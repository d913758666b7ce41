//! The SQL of placements and youth sentences: the case page's rows, the officer's changes (each
//! part of an action's transaction), and the aggregates the goals count.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{NewPlacement, NewSentence, Outcome, Placement, PlacementKind, SentenceTerms, YouthSentence};
use crate::db::{Db, Tx, UtcTime};

#[derive(sqlx::FromRow)]
struct PlacementRow {
    id: Uuid,
    case_id: Uuid,
    kind: String,
    start_on: NaiveDate,
    end_on: Option<NaiveDate>,
}

impl PlacementRow {
    fn into_placement(self) -> anyhow::Result<Placement> {
        let kind = PlacementKind::parse(&self.kind)
            .ok_or_else(|| anyhow::anyhow!("placement {} has an unknown kind", self.id))?;
        Ok(Placement {
            id: self.id,
            case_id: self.case_id,
            kind,
            start_on: self.start_on,
            end_on: self.end_on,
        })
    }
}

/// A case's placements, the earliest first.
pub async fn placements(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<Placement>> {
    let sql = "SELECT id, case_id, kind, start_on, end_on FROM case_placements WHERE case_id = $1 \
               ORDER BY start_on, created_at, id";
    let rows: Vec<PlacementRow> = db.sql().all(sql, &[&case_id]).await?;
    rows.into_iter().map(PlacementRow::into_placement).collect()
}

pub async fn add_placement(tx: &mut Tx, case_id: Uuid, new: &NewPlacement, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO case_placements (id, case_id, kind, start_on, end_on, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    tx.sql()
        .execute(sql, &[&id, &case_id, &new.kind.as_str(), &new.start_on, &new.end_on, &by, &UtcTime::now()])
        .await?;
    Ok(id)
}

/// Ends an open placement of the case; false when it was ended meanwhile (or is not the case's).
pub async fn end_placement(tx: &mut Tx, case_id: Uuid, id: Uuid, end_on: NaiveDate) -> anyhow::Result<bool> {
    let sql = "UPDATE case_placements SET end_on = $1 \
               WHERE id = $2 AND case_id = $3 AND end_on IS NULL AND start_on <= $1";
    Ok(tx.sql().execute(sql, &[&end_on, &id, &case_id]).await? == 1)
}

#[derive(sqlx::FromRow)]
struct SentenceRow {
    id: Uuid,
    case_id: Uuid,
    hours: Option<i32>,
    care_plan: Option<String>,
    decided_on: NaiveDate,
    outcome: String,
    ended_on: Option<NaiveDate>,
}

impl SentenceRow {
    fn into_sentence(self) -> anyhow::Result<YouthSentence> {
        let terms = match (self.hours, self.care_plan) {
            (Some(hours), None) => SentenceTerms::Hours(hours),
            (None, Some(plan)) => SentenceTerms::CarePlan(plan),
            _ => anyhow::bail!("youth sentence {} has neither hours nor a plan", self.id),
        };
        let outcome = Outcome::parse(&self.outcome)
            .ok_or_else(|| anyhow::anyhow!("youth sentence {} has an unknown outcome", self.id))?;
        Ok(YouthSentence {
            id: self.id,
            case_id: self.case_id,
            terms,
            decided_on: self.decided_on,
            outcome,
            ended_on: self.ended_on,
        })
    }
}

/// A case's youth sentences, the earliest judgment first.
pub async fn sentences(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<YouthSentence>> {
    let sql = "SELECT id, case_id, hours, care_plan, decided_on, outcome, ended_on FROM youth_sentences \
               WHERE case_id = $1 ORDER BY decided_on, created_at, id";
    let rows: Vec<SentenceRow> = db.sql().all(sql, &[&case_id]).await?;
    rows.into_iter().map(SentenceRow::into_sentence).collect()
}

pub async fn add_sentence(tx: &mut Tx, case_id: Uuid, new: &NewSentence, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let (hours, plan) = match &new.terms {
        SentenceTerms::Hours(hours) => (Some(*hours), None),
        SentenceTerms::CarePlan(plan) => (None, Some(plan.clone())),
    };
    let sql = "INSERT INTO youth_sentences (id, case_id, kind, hours, care_plan, decided_on, outcome, \
               ended_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'ongoing', NULL, $7, $8)";
    let kind = new.terms.kind().as_str();
    tx.sql()
        .execute(sql, &[&id, &case_id, &kind, &hours, &plan, &new.decided_on, &by, &UtcTime::now()])
        .await?;
    Ok(id)
}

/// Records how an ongoing sentence of the case ended; false when it had ended meanwhile.
pub async fn end_sentence(
    tx: &mut Tx,
    case_id: Uuid,
    id: Uuid,
    outcome: Outcome,
    ended_on: NaiveDate,
) -> anyhow::Result<bool> {
    let sql = "UPDATE youth_sentences SET outcome = $1, ended_on = $2 \
               WHERE id = $3 AND case_id = $4 AND outcome = 'ongoing' AND decided_on <= $2";
    Ok(tx.sql().execute(sql, &[&outcome.as_str(), &ended_on, &id, &case_id]).await? == 1)
}

/// A case with an emergency-home placement, as the foster-home goal counts it: the unit, the start
/// of the first emergency home, the first foster home that started on or after it, and whether an
/// emergency home is still open.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmergencyStart {
    pub unit_id: Uuid,
    pub first_on: NaiveDate,
    pub foster_on: Option<NaiveDate>,
    pub open: bool,
}

/// Every case whose first emergency home started in `[from, to)`: one row per case (the dates are
/// compared in Rust, the same way on both databases).
pub async fn emergency_starts(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
) -> anyhow::Result<Vec<EmergencyStart>> {
    let sql = "SELECT c.unit_id, j.first_on, \
                  (SELECT MIN(f.start_on) FROM case_placements f \
                   WHERE f.kind = 'familjehem' AND f.case_id = j.case_id AND f.start_on >= j.first_on) AS foster_on, \
                  j.open_count > 0 AS open \
               FROM (SELECT case_id, MIN(start_on) AS first_on, \
                        CAST(SUM(CASE WHEN end_on IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS open_count \
                     FROM case_placements WHERE kind = 'jourhem' GROUP BY case_id) j \
               JOIN cases c ON c.id = j.case_id \
               WHERE j.first_on >= $1 AND j.first_on < $2";
    Ok(db.sql().all(sql, &[&from, &to]).await?)
}

/// Ended youth sentences per unit, day and outcome, for the days in `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EndedSentences {
    pub unit_id: Uuid,
    pub ended_on: NaiveDate,
    pub completed: bool,
    pub count: i64,
}

pub async fn ended_sentences(db: &Db, from: NaiveDate, to: NaiveDate) -> anyhow::Result<Vec<EndedSentences>> {
    let sql = "SELECT c.unit_id, s.ended_on, s.outcome = 'completed' AS completed, \
                  CAST(COUNT(*) AS BIGINT) AS count \
               FROM youth_sentences s JOIN cases c ON c.id = s.case_id \
               WHERE s.outcome <> 'ongoing' AND s.ended_on >= $1 AND s.ended_on < $2 \
               GROUP BY c.unit_id, s.ended_on, s.outcome";
    Ok(db.sql().all(sql, &[&from, &to]).await?)
}
