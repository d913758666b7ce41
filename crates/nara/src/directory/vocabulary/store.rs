//! Storage of the vocabulary: the wordings, a history of every change with who made it, and a
//! version that every change raises (first, so changes never interleave), by which each server
//! process's search knows when to read the vocabulary again.

use anyhow::Context;
use uuid::Uuid;

use super::Wording;
use crate::db::{Db, Tx, UtcTime};

#[derive(sqlx::FromRow)]
struct WordingRow {
    id: Uuid,
    phrases: String,
    areas: String,
    entries: String,
    crisis: bool,
    updated_at: UtcTime,
}

impl TryFrom<WordingRow> for Wording {
    type Error = anyhow::Error;

    fn try_from(row: WordingRow) -> anyhow::Result<Self> {
        let list =
            |json: &str| serde_json::from_str::<Vec<String>>(json).context("a list column is not JSON");
        Ok(Wording {
            id: row.id,
            phrases: list(&row.phrases)?,
            areas: list(&row.areas)?,
            entries: list(&row.entries)?,
            crisis: row.crisis,
            updated_at: row.updated_at,
        })
    }
}

/// One change of a wording: who, when, what, and the wording after it (before it, for a removal).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WordingChange {
    pub change: String,
    pub changed_by: Option<String>,
    pub changed_at: UtcTime,
    pub snapshot: String,
}

/// The version of the vocabulary: raised by every change.
pub async fn version(db: &Db) -> anyhow::Result<i64> {
    let sql = "SELECT version FROM directory_vocabulary_state WHERE id = 1";
    Ok(db.sql().value::<i64>(sql, &[]).await?.unwrap_or(0))
}

/// Every wording, in the order of their first phrase.
pub async fn all(db: &Db) -> anyhow::Result<Vec<Wording>> {
    let sql = "SELECT id, phrases, areas, entries, crisis, updated_at FROM directory_vocabulary";
    let rows: Vec<WordingRow> = db.sql().all(sql, &[]).await?;
    let mut wordings = rows.into_iter().map(Wording::try_from).collect::<anyhow::Result<Vec<_>>>()?;
    // Sorted here: the databases order text differently.
    wordings.sort_by_key(|w| w.title().to_lowercase());
    Ok(wordings)
}

pub async fn wording(db: &Db, id: Uuid) -> anyhow::Result<Option<Wording>> {
    let sql =
        "SELECT id, phrases, areas, entries, crisis, updated_at FROM directory_vocabulary WHERE id = $1";
    let row: Option<WordingRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(Wording::try_from).transpose()
}

/// Raises the version; the first statement of every change.
async fn bump(tx: &mut Tx) -> anyhow::Result<()> {
    tx.sql().execute("UPDATE directory_vocabulary_state SET version = version + 1 WHERE id = 1", &[]).await?;
    Ok(())
}

async fn remember(
    tx: &mut Tx,
    wording: &Wording,
    change: &str,
    by: Option<Uuid>,
    at: &UtcTime,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_vocabulary_history (wording_id, change, changed_by, changed_at, snapshot) \
               VALUES ($1, $2, $3, $4, $5)";
    let snapshot = serde_json::to_string(wording)?;
    tx.sql().execute(sql, &[&wording.id, &change, &by, at, &snapshot]).await?;
    Ok(())
}

/// Adds or changes a wording, with a line in its history.
pub async fn save(tx: &mut Tx, wording: &Wording, by: Option<Uuid>) -> anyhow::Result<()> {
    bump(tx).await?;
    let existed: Option<Uuid> =
        tx.sql().value("SELECT id FROM directory_vocabulary WHERE id = $1", &[&wording.id]).await?;
    let sql = "INSERT INTO directory_vocabulary (id, phrases, areas, entries, crisis, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET phrases = excluded.phrases, \
               areas = excluded.areas, entries = excluded.entries, crisis = excluded.crisis, \
               updated_at = excluded.updated_at";
    let phrases = serde_json::to_string(&wording.phrases)?;
    let areas = serde_json::to_string(&wording.areas)?;
    let entries = serde_json::to_string(&wording.entries)?;
    tx.sql()
        .execute(sql, &[&wording.id, &phrases, &areas, &entries, &wording.crisis, &wording.updated_at])
        .await?;
    let change = if existed.is_some() { "updated" } else { "created" };
    remember(tx, wording, change, by, &wording.updated_at).await
}

/// Removes a wording, keeping it whole in its history. `false` when there was none.
pub async fn remove(tx: &mut Tx, id: Uuid, by: Option<Uuid>) -> anyhow::Result<bool> {
    bump(tx).await?;
    let sql =
        "SELECT id, phrases, areas, entries, crisis, updated_at FROM directory_vocabulary WHERE id = $1";
    let Some(row) = tx.sql().optional::<WordingRow>(sql, &[&id]).await? else { return Ok(false) };
    let wording = Wording::try_from(row)?;
    tx.sql().execute("DELETE FROM directory_vocabulary WHERE id = $1", &[&id]).await?;
    remember(tx, &wording, "removed", by, &UtcTime::now()).await?;
    Ok(true)
}

/// A wording's changes, newest first, with the name of who made each.
pub async fn history(db: &Db, id: Uuid) -> anyhow::Result<Vec<WordingChange>> {
    let sql = "SELECT h.change, p.display_name AS changed_by, h.changed_at, h.snapshot \
               FROM directory_vocabulary_history h LEFT JOIN people p ON p.id = h.changed_by \
               WHERE h.wording_id = $1 ORDER BY h.seq DESC";
    Ok(db.sql().all(sql, &[&id]).await?)
}

/// The latest changes to the whole vocabulary, newest first (removed wordings are only here).
pub async fn recent_changes(db: &Db, limit: i64) -> anyhow::Result<Vec<(Uuid, WordingChange)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        wording_id: Uuid,
        change: String,
        changed_by: Option<String>,
        changed_at: UtcTime,
        snapshot: String,
    }
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT h.wording_id, h.change, p.display_name AS changed_by, h.changed_at, h.snapshot \
         FROM directory_vocabulary_history h LEFT JOIN people p ON p.id = h.changed_by \
         ORDER BY h.seq DESC LIMIT {}",
        limit.clamp(1, 500)
    ));
    let rows: Vec<Row> = db.sql().all(sql, &[]).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let change = WordingChange {
                change: r.change,
                changed_by: r.changed_by,
                changed_at: r.changed_at,
                snapshot: r.snapshot,
            };
            (r.wording_id, change)
        })
        .collect())
}
