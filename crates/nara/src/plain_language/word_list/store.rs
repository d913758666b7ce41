//! Storage of the word list, and the checker's glossary built from it, remembered per data
//! generation (`plain_words` is a watched table, so a change reaches every server process).

use std::sync::Arc;

use uuid::Uuid;

use super::{Pair, phrase_key};
use crate::db::{Db, Tx, UtcTime};
use crate::identity::store::is_unique_violation;
use crate::plain_language::checker::Glossary;
use crate::plain_language::glossary::starter_pairs;

#[derive(sqlx::FromRow)]
struct PairRow {
    id: Uuid,
    phrase: String,
    plain: String,
    updated_at: UtcTime,
}

impl From<PairRow> for Pair {
    fn from(row: PairRow) -> Self {
        Pair { id: row.id, phrase: row.phrase, plain: row.plain, updated_at: row.updated_at }
    }
}

/// Why a pair was not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// Another pair has the same phrase.
    Duplicate,
    /// The pair to change is gone.
    Missing,
}

/// Every pair, by phrase (sorted here: the databases order text differently).
pub async fn all(db: &Db) -> anyhow::Result<Vec<Pair>> {
    let sql = "SELECT id, phrase, plain, updated_at FROM plain_words";
    let rows: Vec<PairRow> = db.sql().all(sql, &[]).await?;
    let mut pairs: Vec<Pair> = rows.into_iter().map(Pair::from).collect();
    pairs.sort_by_key(|p| phrase_key(&p.phrase));
    Ok(pairs)
}

pub async fn pair(db: &Db, id: Uuid) -> anyhow::Result<Option<Pair>> {
    let sql = "SELECT id, phrase, plain, updated_at FROM plain_words WHERE id = $1";
    let row: Option<PairRow> = db.sql().optional(sql, &[&id]).await?;
    Ok(row.map(Pair::from))
}

/// The checker's glossary: the list as it is now, built once per data generation.
pub async fn glossary(db: &Db) -> anyhow::Result<Arc<Glossary>> {
    db.remembered("plain_language::glossary", String::new(), || async {
        #[derive(sqlx::FromRow)]
        struct Row {
            phrase: String,
            plain: String,
        }
        let rows: Vec<Row> = db.sql().all("SELECT phrase, plain FROM plain_words", &[]).await?;
        let pairs: Vec<(String, String)> = rows.into_iter().map(|r| (r.phrase, r.plain)).collect();
        Ok(super::glossary(&pairs))
    })
    .await
}

/// Adds a pair (`id` None) or changes one, by `by`.
pub async fn save(
    tx: &mut Tx,
    id: Option<Uuid>,
    phrase: &str,
    plain: &str,
    by: Option<Uuid>,
) -> anyhow::Result<Result<Uuid, SaveError>> {
    let key = phrase_key(phrase);
    let now = UtcTime::now();
    let other: Option<Uuid> = tx
        .sql()
        .value("SELECT id FROM plain_words WHERE phrase_key = $1", &[&key])
        .await?
        .filter(|other| Some(*other) != id);
    if other.is_some() {
        return Ok(Err(SaveError::Duplicate));
    }
    let written = match id {
        Some(id) => {
            let sql = "UPDATE plain_words SET phrase = $1, phrase_key = $2, plain = $3, updated_at = $4, \
                       updated_by = $5 WHERE id = $6";
            match tx.sql().execute(sql, &[&phrase, &key, &plain, &now, &by, &id]).await {
                Ok(0) => return Ok(Err(SaveError::Missing)),
                other => other.map(|_| id),
            }
        }
        None => {
            let id = Uuid::new_v4();
            let sql = "INSERT INTO plain_words (id, phrase, phrase_key, plain, updated_at, updated_by) \
                       VALUES ($1, $2, $3, $4, $5, $6)";
            tx.sql().execute(sql, &[&id, &phrase, &key, &plain, &now, &by]).await.map(|_| id)
        }
    };
    match written {
        Ok(id) => Ok(Ok(id)),
        // The same phrase added at the same moment by someone else.
        Err(e) if is_unique_violation(&e) => Ok(Err(SaveError::Duplicate)),
        Err(e) => Err(e.into()),
    }
}

/// Removes a pair; `false` when there was none.
pub async fn remove(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    Ok(tx.sql().execute("DELETE FROM plain_words WHERE id = $1", &[&id]).await? > 0)
}

/// Puts the starter list in, once: the state row is claimed first (one statement, so two
/// processes starting together do not both seed), and a pair staff removed later stays removed.
/// Called right after the migrations, so every database, test or real, starts with the list.
pub async fn seed_starter(db: &Db) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let claimed = tx
        .sql()
        .execute("UPDATE plain_words_state SET seeded = TRUE WHERE id = 1 AND seeded = FALSE", &[])
        .await?;
    if claimed == 0 {
        return Ok(());
    }
    let now = UtcTime::now();
    let sql = "INSERT INTO plain_words (id, phrase, phrase_key, plain, updated_at, updated_by) \
               VALUES ($1, $2, $3, $4, $5, NULL)";
    for (phrase, plain) in starter_pairs() {
        let key = phrase_key(phrase);
        tx.sql().execute(sql, &[&Uuid::new_v4(), phrase, &key, plain, &now]).await?;
    }
    tx.commit().await?;
    Ok(())
}
