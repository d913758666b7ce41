//! Connections lent to statements that run on their own (`db.sql()` outside a transaction).
//!
//! sqlx checks every connection that comes back to its pool with a round trip of its own (a
//! ping: on SQLite a hand-off to the connection's worker thread and back, on PostgreSQL a `Sync`
//! to the server), so a statement on the pool cost two round trips, and the hand-offs were the
//! largest part of a burst's CPU. A statement on its own therefore takes a connection kept aside
//! by the last one (or, when none is, one from the pool), and one that ran to its end is kept
//! aside again without the check. Any other (the request went away in the middle, the statement
//! failed) goes back to the pool, where sqlx checks it and cleans it up or closes it.
//!
//! A quarter of the pool is lent this way, to one statement at a time in arrival order:
//! transactions and readers (`Db::reader`) take their connections from the pool and find it free
//! for them in a burst of reads. A SQLite write on its own holds the process's write turn, which
//! every transaction waits for, so it takes a connection from the pool at once instead of
//! queueing behind the reads (`lend_now`).

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use sqlx::pool::PoolConnection;
use sqlx::{Connection, Database, Pool};

/// How long the check of a connection kept aside may take.
const CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// The connections kept aside for statements on their own, over one pool.
pub(super) struct Leases<DB: Database> {
    pool: Pool<DB>,
    /// Connections between statements; `None` once closed.
    idle: Mutex<Option<Vec<Kept<DB>>>>,
    /// One per connection that may be lent at once, handed out in arrival order.
    places: tokio::sync::Semaphore,
    /// A connection kept aside this long is checked before it is lent (PostgreSQL: the server
    /// may have restarted meanwhile); `None`: never (a local SQLite file does not go away).
    check_after_idle: Option<Duration>,
}

impl<DB: Database> std::fmt::Debug for Leases<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Leases").field("free", &self.places.available_permits()).finish_non_exhaustive()
    }
}

/// A connection kept aside, with when it came back.
type Kept<DB> = (PoolConnection<DB>, Instant);

/// One statement's connection. Dropped before [`Lease::finished`], it goes back to the pool.
pub(super) struct Lease<'l, DB: Database> {
    connection: Option<PoolConnection<DB>>,
    leases: &'l Leases<DB>,
    finished: bool,
    /// `None`: taken from the pool at once (`lend_now`), and given back to it.
    place: Option<tokio::sync::SemaphorePermit<'l>>,
}

impl<DB: Database> Leases<DB> {
    /// Lends at most `places` connections of `pool` at once.
    pub(super) fn new(pool: Pool<DB>, places: usize, check_after_idle: Option<Duration>) -> Self {
        Self {
            pool,
            idle: Mutex::new(Some(Vec::with_capacity(places))),
            places: tokio::sync::Semaphore::new(places.max(1)),
            check_after_idle,
        }
    }

    /// A connection for one statement once a place is free: the one kept aside last, or one
    /// from the pool.
    pub(super) async fn lend(&self) -> Result<Lease<'_, DB>, sqlx::Error> {
        let place = self.places.acquire().await.map_err(|_| sqlx::Error::PoolClosed)?;
        let kept = self.idle.lock().unwrap_or_else(PoisonError::into_inner).as_mut().and_then(Vec::pop);
        let connection = match kept {
            Some((mut connection, since)) => {
                let check = self.check_after_idle.is_some_and(|after| since.elapsed() >= after);
                // Bounded as the pool bounds its own check: a server that stopped answering
                // without closing the connection would otherwise hold the place for minutes.
                if check
                    && !matches!(tokio::time::timeout(CHECK_TIMEOUT, connection.ping()).await, Ok(Ok(())))
                {
                    connection.close_on_drop();
                    drop(connection);
                    self.pool.acquire().await?
                } else {
                    connection
                }
            }
            None => self.pool.acquire().await?,
        };
        Ok(Lease { connection: Some(connection), leases: self, finished: false, place: Some(place) })
    }

    /// A connection from the pool at once, given back to it after the statement.
    pub(super) async fn lend_now(&self) -> Result<Lease<'_, DB>, sqlx::Error> {
        let connection = self.pool.acquire().await?;
        Ok(Lease { connection: Some(connection), leases: self, finished: false, place: None })
    }

    /// Gives every connection kept aside back to the pool, and keeps none from now on (before
    /// the pool closes, which waits for all its connections).
    pub(super) fn close(&self) {
        self.places.close();
        let kept = self.idle.lock().unwrap_or_else(PoisonError::into_inner).take();
        drop(kept);
    }
}

impl<DB: Database> Drop for Leases<DB> {
    fn drop(&mut self) {
        // A connection dropped outside the runtime cannot go back to the pool (sqlx spawns a
        // task for it): it is taken out of the pool and closed instead. (A pool that keeps
        // connections open, `min_connections`, spawns even then: such a `Db` must end inside
        // the runtime, as the server's does.)
        if tokio::runtime::Handle::try_current().is_err() {
            let kept = self.idle.get_mut().unwrap_or_else(PoisonError::into_inner).take();
            for (connection, _) in kept.into_iter().flatten() {
                drop(connection.leak());
            }
        }
    }
}

impl<DB: Database> Lease<'_, DB> {
    pub(super) fn connection(&mut self) -> Result<&mut DB::Connection, sqlx::Error> {
        self.connection.as_deref_mut().ok_or(sqlx::Error::PoolClosed)
    }

    /// Notes how the statement ended: only one that ran to its end leaves the connection known
    /// to be ready for the next. An error, even one the database answered, may have ended the
    /// connection (PostgreSQL reports a server shutting down as one).
    pub(super) fn finished<T>(&mut self, result: &Result<T, sqlx::Error>) {
        self.finished = result.is_ok();
    }
}

impl<DB: Database> Drop for Lease<'_, DB> {
    fn drop(&mut self) {
        let Some(connection) = self.connection.take() else { return };
        if !self.finished || self.place.is_none() {
            // Back to the pool, which checks it.
            return;
        }
        let mut idle = self.leases.idle.lock().unwrap_or_else(PoisonError::into_inner);
        match idle.as_mut() {
            Some(kept) => kept.push((connection, Instant::now())),
            // Closed: back to the pool.
            None => drop(connection),
        }
    }
}
