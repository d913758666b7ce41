use super::Limit;
use crate::db::{Db, Sql, UtcTime};

/// Counts one attempt against `bucket`; false when the limit is already reached.
pub async fn hit(db: &Db, bucket: &str, limit: Limit) -> anyhow::Result<bool> {
    hit_on(db.sql(), bucket, limit).await
}

/// [`hit`], on a transaction's connection (counted with what the transaction writes).
pub async fn hit_on(sql: Sql<'_>, bucket: &str, limit: Limit) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let window_opened_before = UtcTime(now.0 - chrono::Duration::from_std(limit.window)?);
    let statement = "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) \
               ON CONFLICT (bucket) DO UPDATE SET \
               hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
               window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
               RETURNING hits";
    let (hits,): (i32,) = sql.one(statement, &[&bucket, &now, &window_opened_before]).await?;
    Ok(i64::from(hits) <= limit.max)
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
