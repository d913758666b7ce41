use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use anyhow::Context;

use super::Limit;
use crate::db::{Db, InsertRows, Param, Tx, UtcTime};

/// Adds a bucket's attempts (one, or a batch's) at once: a new window starts with them, an open
/// one counts them on. `{after}` is the time before which a window has closed.
static COUNT_ATTEMPTS: InsertRows<3> = InsertRows::with_tail(
    "INSERT INTO rate_limits (bucket, window_start, hits)",
    "ON CONFLICT (bucket) DO UPDATE SET \
     hits = CASE WHEN rate_limits.window_start <= {after} THEN excluded.hits \
     ELSE rate_limits.hits + excluded.hits END, \
     window_start = CASE WHEN rate_limits.window_start <= {after} THEN excluded.window_start \
     ELSE rate_limits.window_start END \
     RETURNING bucket, hits",
);

/// Counts one attempt against `bucket`; false when the limit is already reached.
pub async fn hit(db: &Db, bucket: &str, limit: Limit) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let closed_before = UtcTime(now.0 - chrono::Duration::from_std(limit.window)?);
    let (_, hits): (String, i32) =
        db.sql().one(COUNT_ATTEMPTS.one(), &[&bucket, &now, &1_i32, &closed_before]).await?;
    Ok(i64::from(hits) <= limit.max)
}

/// [`hit`] for many attempts at once, in a transaction: whether each is within its limit, as if
/// they had come one after another in the order given. A few statements for the whole batch;
/// the buckets are counted (and, on PostgreSQL, locked) by window length, then by name.
pub async fn hit_all(tx: &mut Tx, attempts: &[(&str, Limit)]) -> anyhow::Result<Vec<bool>> {
    let now = UtcTime::now();
    // Each bucket's attempts, grouped by the length of its window (one cut-off per statement).
    let mut counts: BTreeMap<&str, i32> = BTreeMap::new();
    let mut windows: BTreeMap<&str, Duration> = BTreeMap::new();
    for (bucket, limit) in attempts {
        *counts.entry(bucket).or_default() += 1;
        windows.insert(bucket, limit.window);
    }
    let mut by_window: BTreeMap<Duration, Vec<(&str, i32)>> = BTreeMap::new();
    for (bucket, count) in &counts {
        by_window.entry(windows[bucket]).or_default().push((bucket, *count));
    }
    let mut totals: HashMap<String, i32> = HashMap::new();
    for (window, rows) in by_window {
        let closed_before = UtcTime(now.0 - chrono::Duration::from_std(window)?);
        for (statement, chunk) in COUNT_ATTEMPTS.chunks(&rows) {
            let mut params: Vec<&dyn Param> = chunk
                .iter()
                .flat_map(|(bucket, count)| -> [&dyn Param; 3] { [bucket, &now, count] })
                .collect();
            params.push(&closed_before);
            let counted: Vec<(String, i32)> = tx.sql().all(statement, &params).await?;
            totals.extend(counted);
        }
    }
    // The k-th attempt (from 1) on a bucket that had `count` in the batch found `total - count + k`.
    let mut seen: HashMap<&str, i32> = HashMap::new();
    attempts
        .iter()
        .map(|(bucket, limit)| {
            let k = seen.entry(bucket).or_default();
            *k += 1;
            let total = totals.get(*bucket).context("every bucket of the batch is counted")?;
            Ok(i64::from(total - counts[bucket] + *k) <= limit.max)
        })
        .collect()
}

/// Forgets a bucket (after a successful log-in the account's failures no longer count).
pub async fn reset(db: &Db, bucket: &str) -> anyhow::Result<()> {
    db.sql().execute("DELETE FROM rate_limits WHERE bucket = $1", &[&bucket]).await?;
    Ok(())
}

/// Removes counters whose window began before `before`.
pub async fn delete_windows_before(db: &Db, before: UtcTime) -> anyhow::Result<()> {
    db.sql().execute("DELETE FROM rate_limits WHERE window_start < $1", &[&before]).await?;
    Ok(())
}
