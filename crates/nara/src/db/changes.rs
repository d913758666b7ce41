//! Data the public pages show, kept in memory and dropped when it changes.
//!
//! The home page, the calendar, its feeds and the directory's entry pages read the same few rows
//! thousands of times between two changes. [`Db::remembered`] keeps what a read returned until the
//! data changes, so those pages need no round trip to the database.
//!
//! A change is noticed where every statement passes (`db::sql`), so no write path can forget it:
//! a statement that writes one of the [`WATCHED`] tables marks its transaction, and the commit
//! adds a line to `data_changes` in the same transaction and drops this process's memory at once.
//! Other processes over the same database follow that log ([`Db::follow_changes`], every
//! [`FOLLOW_EVERY`]), so they show a change within a second.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use super::{Db, UtcTime};

/// The tables whose rows public pages show.
pub const WATCHED: &[&str] = &[
    "help_areas",
    "units",
    "target_groups",
    "setup_state",
    "event_series",
    "event_occurrences",
    "event_registrations",
    "event_documents",
    "directory_entries",
    "directory_referrals",
    "directory_changes",
    "directory_vocabulary",
    "directory_vocabulary_state",
    // Counted (never shown row by row) by the board's goals on `/resultat`.
    "case_placements",
    "youth_sentences",
    // Anonymous by design (no person, case or time finer than the week); only counted per unit
    // and week, and free texts shown for groups large enough (`goals`).
    "survey_answers",
    // The plain-language checker's word list (its glossary is remembered per generation).
    "plain_words",
    // An officer's bookable times: what every resident who books with them is shown (never who
    // booked what: `bookings` is not watched).
    "booking_officers",
    "booking_windows",
    "booking_blocked_dates",
];

/// How often a server looks for changes made by other processes.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// At most this many remembered reads; past it, memory starts again from empty (the keys include
/// free input such as a slug or a filter, so their number must be bounded).
const CAPACITY: usize = 2_048;

/// The table an `INSERT`, `UPDATE` or `DELETE` statement writes, if it is one (also behind a
/// `WITH` clause or `INSERT OR IGNORE`).
pub(super) fn written_table(sql: &str) -> Option<&str> {
    let mut words = sql.split_ascii_whitespace();
    let is = |word: &str, keyword: &str| word.eq_ignore_ascii_case(keyword);
    let first = words.next()?;
    let verb = if is(first, "WITH") {
        words.find(|w| is(w, "INSERT") || is(w, "UPDATE") || is(w, "DELETE"))?
    } else {
        first
    };
    let table = if is(verb, "INSERT") {
        words.find(|w| is(w, "INTO")).and_then(|_| words.next())?
    } else if is(verb, "DELETE") {
        words.find(|w| is(w, "FROM")).and_then(|_| words.next())?
    } else if is(verb, "UPDATE") {
        words.next()?
    } else {
        return None;
    };
    Some(table.split('(').next().unwrap_or(table))
}

/// Whether `sql` writes a table the public pages show.
pub(super) fn writes_watched(sql: &str) -> bool {
    written_table(sql).is_some_and(|table| WATCHED.iter().any(|w| w.eq_ignore_ascii_case(table)))
}

type Key = (&'static str, String);
type Value = Arc<dyn Any + Send + Sync>;

/// This process's memory of public reads, shared by every clone of a `Db`.
#[derive(Default)]
pub struct Remembered {
    /// Bumped by every change seen; a value remembered under an older generation is stale.
    generation: AtomicU64,
    /// The newest line of `data_changes` this process has seen.
    seen: AtomicI64,
    values: RwLock<HashMap<Key, (u64, Value)>>,
}

impl std::fmt::Debug for Remembered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Remembered").field("generation", &self.generation).finish_non_exhaustive()
    }
}

impl Remembered {
    /// Something changed: every remembered value is stale from now on.
    pub(super) fn forget(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.values.write().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }

    fn get(&self, key: &Key, generation: u64) -> Option<Value> {
        let values = self.values.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        values.get(key).filter(|(at, _)| *at == generation).map(|(_, value)| value.clone())
    }

    fn keep(&self, key: Key, generation: u64, value: Value) {
        let mut values = self.values.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A change may have come while the value was read: then it is not kept.
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        if values.len() >= CAPACITY {
            values.clear();
        }
        values.insert(key, (generation, value));
    }
}

impl Db {
    /// What `load` returns, remembered under `(name, key)` until the public data changes.
    /// `load` must read only [`WATCHED`] tables (and nothing personal): what it returns is shared
    /// by every request.
    pub async fn remembered<T, F, Fut>(
        &self,
        name: &'static str,
        key: String,
        load: F,
    ) -> anyhow::Result<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<T>>,
    {
        let remembered = self.remembered_reads();
        // Read before loading: a change during the load then makes the value stale at once.
        let generation = remembered.generation.load(Ordering::SeqCst);
        let key = (name, key);
        if let Some(value) = remembered.get(&key, generation).and_then(|v| v.downcast::<T>().ok()) {
            return Ok(value);
        }
        let value = Arc::new(load().await?);
        remembered.keep(key, generation, value.clone());
        Ok(value)
    }

    /// A number that changes whenever the public data may have changed: what was computed from
    /// that data under the same number is still true.
    pub fn data_generation(&self) -> u64 {
        self.remembered_reads().generation.load(Ordering::SeqCst)
    }

    /// Looks once for changes other processes made; drops what is remembered if there are any.
    /// A server calls it every [`FOLLOW_EVERY`].
    pub async fn follow_changes(&self) -> anyhow::Result<()> {
        let newest: i64 =
            self.sql().value("SELECT COALESCE(MAX(seq), 0) FROM data_changes", &[]).await?.unwrap_or(0);
        let remembered = self.remembered_reads();
        if remembered.seen.swap(newest, Ordering::SeqCst) != newest {
            remembered.forget();
        }
        Ok(())
    }

    /// Lines of the change log older than `before`, except the newest (which other processes
    /// compare against), are no longer needed.
    pub async fn prune_changes(&self, before: UtcTime) -> anyhow::Result<u64> {
        let sql = "DELETE FROM data_changes WHERE changed_at < $1 \
                   AND seq < (SELECT COALESCE(MAX(seq), 0) FROM data_changes)";
        Ok(self.sql().execute(sql, &[&before]).await?)
    }
}

/// Follows the changes other processes make until `stop` resolves (a server runs this).
pub async fn run_follower(db: Db, stop: impl Future<Output = ()>) {
    tokio::pin!(stop);
    loop {
        if let Err(error) = db.follow_changes().await {
            tracing::warn!(error = format!("{error:#}"), "could not look for changes to public data");
        }
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(FOLLOW_EVERY) => {}
        }
    }
}

/// The line a committing transaction adds when it wrote a watched table.
pub(super) const RECORD_CHANGE: &str = "INSERT INTO data_changes (changed_at) VALUES ($1)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_table_is_found_in_each_kind_of_write() {
        assert_eq!(
            written_table("INSERT INTO event_registrations (id) VALUES ($1)"),
            Some("event_registrations")
        );
        assert_eq!(written_table("insert into units(id) values ($1)"), Some("units"));
        assert_eq!(
            written_table("UPDATE event_occurrences SET taken = taken + 1"),
            Some("event_occurrences")
        );
        assert_eq!(
            written_table("\n    DELETE FROM directory_referrals WHERE id = $1"),
            Some("directory_referrals")
        );
        assert_eq!(written_table("INSERT OR IGNORE INTO units (id) VALUES ($1)"), Some("units"));
        assert_eq!(written_table("WITH gone AS (SELECT 1) DELETE FROM help_areas"), Some("help_areas"));
        assert_eq!(written_table("SELECT * FROM units"), None);
    }

    #[test]
    fn only_writes_to_public_tables_are_changes() {
        assert!(writes_watched("UPDATE help_areas SET position = $1"));
        assert!(!writes_watched("UPDATE sessions SET last_seen = $1"));
        assert!(!writes_watched("INSERT INTO audit_log (seq) VALUES ($1)"));
        assert!(!writes_watched("SELECT * FROM help_areas"));
    }
}
