//! Counting use of the directory without slowing it down or identifying anyone: counts are added
//! up in memory and written to the database every half minute and at shutdown. A crash loses at
//! most that half minute of counts, which statistics can bear; a write per search could not be
//! borne under load (SQLite has one writer).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;

use super::Measure;
use crate::db::Db;

const FLUSH_EVERY: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct Usage {
    pending: Mutex<Pending>,
}

#[derive(Default)]
struct Pending {
    counts: HashMap<(NaiveDate, Measure), i64>,
    missed: HashMap<(NaiveDate, String), i64>,
}

impl Usage {
    pub fn count(&self, measure: Measure, day: NaiveDate) {
        if let Ok(mut pending) = self.pending.lock() {
            *pending.counts.entry((day, measure)).or_default() += 1;
        }
    }

    /// A search that found nothing, by its normalised words.
    pub fn missed(&self, query: String, day: NaiveDate) {
        if let Ok(mut pending) = self.pending.lock() {
            *pending.missed.entry((day, query)).or_default() += 1;
        }
    }

    /// Writes what has been counted since the last flush. On failure the counts are kept for the
    /// next try.
    pub async fn flush(&self, db: &Db) -> anyhow::Result<()> {
        let taken = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(()),
        };
        let mut failed = Pending::default();
        let mut error = None;
        for ((day, measure), n) in taken.counts {
            if let Err(e) = crate::directory::store::count_directory_use(db, measure, day, n).await {
                failed.counts.insert((day, measure), n);
                error = Some(e);
            }
        }
        for ((day, query), n) in taken.missed {
            if let Err(e) = crate::directory::store::count_missed_query(db, &query, day, n).await {
                failed.missed.insert((day, query), n);
                error = Some(e);
            }
        }
        if let Ok(mut pending) = self.pending.lock() {
            for (key, n) in failed.counts {
                *pending.counts.entry(key).or_default() += n;
            }
            for (key, n) in failed.missed {
                *pending.missed.entry(key).or_default() += n;
            }
        }
        error.map_or(Ok(()), Err)
    }
}

/// Flushes every half minute until `stop` resolves, and once more after.
pub async fn run_flusher(usage: Arc<Usage>, db: Db, stop: impl std::future::Future<Output = ()>) {
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(FLUSH_EVERY) => {}
        }
        if let Err(error) = usage.flush(&db).await {
            tracing::warn!(error = format!("{error:#}"), "could not write the directory's counts");
        }
    }
    if let Err(error) = usage.flush(&db).await {
        tracing::warn!(error = format!("{error:#}"), "could not write the directory's counts at shutdown");
    }
}
