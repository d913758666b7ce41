//! Connections kept out of the pool between uses: lent to statements that run on their own
//! (`db.sql()` outside a transaction), and held by readers (`Db::reader`).
//!
//! sqlx checks every connection that comes back to its pool with a round trip of its own (a
//! ping: on SQLite a hand-off to the connection's worker thread and back, on PostgreSQL a `Sync`
//! to the server), so a statement on the pool cost two round trips, and the hand-offs were the
//! largest part of a burst's CPU. A statement on its own therefore takes a connection kept aside
//! by the last one (or, when none is, one from the pool), and one that ran to its end is kept
//! aside again without the check. Any other (the request went away in the middle, the statement
//! failed) goes back to the pool, where sqlx checks it and cleans it up or closes it. A reader's
//! connection is kept aside the same way when the reader ends, in a set of its own (a case page:
//! 8,200 → 11,300 requests/s on SQLite).
//!
//! A quarter of the pool is lent to statements, one at a time in arrival order; readers hold at
//! most half (`Db::reader`). Transactions take their connections from the pool, which keeps at
//! least a quarter for them and gets back the readers' once a burst of reads is over
//! ([`Aside::give_back_idle`]). A SQLite write on its own holds the process's write turn, which
//! every transaction waits for, so it takes a connection from the pool at once instead of
//! queueing behind the reads (`lend_now`).

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use sqlx::pool::PoolConnection;
use sqlx::{Connection, Database, Pool};

/// How long the check of a connection kept aside may take.
const CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// Connections between uses, kept out of the pool so that they skip its check, over one pool.
pub(super) struct Aside<DB: Database> {
    pool: Pool<DB>,
    /// The connections waiting for their next use; `None` once closed.
    idle: Mutex<Option<Vec<Waiting<DB>>>>,
    /// A connection kept aside this long is checked before it is used again (PostgreSQL: the
    /// server may have restarted meanwhile); `None`: never (a local SQLite file does not go away).
    check_after_idle: Option<Duration>,
}

impl<DB: Database> std::fmt::Debug for Aside<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aside").finish_non_exhaustive()
    }
}

/// A connection kept aside, with when it came back.
type Waiting<DB> = (PoolConnection<DB>, Instant);

impl<DB: Database> Aside<DB> {
    pub(super) fn new(pool: Pool<DB>, check_after_idle: Option<Duration>) -> Self {
        Self { pool, idle: Mutex::new(Some(Vec::new())), check_after_idle }
    }

    /// The connection kept aside last (checked first if it waited long), or one from the pool.
    pub(super) async fn take(&self) -> Result<PoolConnection<DB>, sqlx::Error> {
        let kept = self.idle.lock().unwrap_or_else(PoisonError::into_inner).as_mut().and_then(Vec::pop);
        let Some((mut connection, since)) = kept else { return self.pool.acquire().await };
        let check = self.check_after_idle.is_some_and(|after| since.elapsed() >= after);
        // Bounded as the pool bounds its own check: a server that stopped answering without
        // closing the connection would otherwise hold the caller for minutes.
        if check && !matches!(tokio::time::timeout(CHECK_TIMEOUT, connection.ping()).await, Ok(Ok(()))) {
            connection.close_on_drop();
            drop(connection);
            return self.pool.acquire().await;
        }
        Ok(connection)
    }

    /// Keeps aside a connection whose last statement ran to its end (after [`Aside::close`], it
    /// goes back to the pool).
    pub(super) fn keep(&self, connection: PoolConnection<DB>) {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        match idle.as_mut() {
            Some(kept) => kept.push((connection, Instant::now())),
            None => drop(connection),
        }
    }

    /// Gives back to the pool the connections kept aside at least `idle` ago, so that
    /// transactions may use them once a burst of reads is over.
    pub(super) fn give_back_idle(&self, idle: Duration) {
        let given_back: Vec<Waiting<DB>> = {
            let mut kept = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
            let Some(kept) = kept.as_mut() else { return };
            // Kept in the order they came back: the ones waiting longest come first.
            let waited = kept.iter().take_while(|(_, since)| since.elapsed() >= idle).count();
            kept.drain(..waited).collect()
        };
        // Dropped outside the lock: sqlx hands each back to its pool on a task of its own.
        drop(given_back);
    }

    /// Gives every connection kept aside back to the pool, and keeps none from now on (before
    /// the pool closes, which waits for all its connections).
    pub(super) fn close(&self) {
        let kept = self.idle.lock().unwrap_or_else(PoisonError::into_inner).take();
        drop(kept);
    }
}

impl<DB: Database> Drop for Aside<DB> {
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

/// What one pool keeps aside: the connections lent to statements on their own, and those of
/// readers.
pub(super) struct KeptAside<DB: Database> {
    pub(super) statements: Leases<DB>,
    pub(super) readers: Aside<DB>,
}

impl<DB: Database> std::fmt::Debug for KeptAside<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptAside").field("statements", &self.statements).finish_non_exhaustive()
    }
}

impl<DB: Database> KeptAside<DB> {
    /// Lends at most `places` connections of `pool` at once to statements on their own.
    pub(super) fn new(pool: Pool<DB>, places: usize, check_after_idle: Option<Duration>) -> Self {
        Self {
            statements: Leases::new(pool.clone(), places, check_after_idle),
            readers: Aside::new(pool, check_after_idle),
        }
    }

    /// Gives every connection kept aside back to the pool, and keeps none from now on.
    pub(super) fn close(&self) {
        self.statements.close();
        self.readers.close();
    }
}

/// A reader's connection (`Db::reader`), taken by one statement at a time.
pub(super) struct Reading<DB: Database> {
    /// `None` once the reader ended.
    connection: Option<PoolConnection<DB>>,
    /// Whether its last statement ran to its end, leaving it ready for the next.
    ready: bool,
}

impl<DB: Database> Reading<DB> {
    pub(super) fn new(connection: PoolConnection<DB>) -> Self {
        Self { connection: Some(connection), ready: true }
    }

    /// The connection for a statement; not known to be ready again until [`Reading::finished`].
    pub(super) fn start(&mut self) -> Result<&mut DB::Connection, sqlx::Error> {
        self.ready = false;
        self.connection.as_deref_mut().ok_or(sqlx::Error::PoolClosed)
    }

    /// Notes how the statement ended (as [`Lease::finished`]).
    pub(super) fn finished<T>(&mut self, result: &Result<T, sqlx::Error>) {
        self.ready = result.is_ok();
    }

    /// Ends the reader: its connection is kept aside for the next reader when it is ready, and
    /// goes back to the pool (which checks it) when not.
    pub(super) fn end(&mut self, aside: &Aside<DB>) {
        let ready = self.ready;
        if let Some(connection) = self.connection.take().filter(|_| ready) {
            aside.keep(connection);
        }
    }
}

/// The connections lent to statements on their own, over one pool.
pub(super) struct Leases<DB: Database> {
    aside: Aside<DB>,
    /// One per connection that may be lent at once, handed out in arrival order.
    places: tokio::sync::Semaphore,
}

impl<DB: Database> std::fmt::Debug for Leases<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Leases").field("free", &self.places.available_permits()).finish_non_exhaustive()
    }
}

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
        Self { aside: Aside::new(pool, check_after_idle), places: tokio::sync::Semaphore::new(places.max(1)) }
    }

    /// A connection for one statement once a place is free: the one kept aside last, or one
    /// from the pool.
    pub(super) async fn lend(&self) -> Result<Lease<'_, DB>, sqlx::Error> {
        let place = self.places.acquire().await.map_err(|_| sqlx::Error::PoolClosed)?;
        let connection = self.aside.take().await?;
        Ok(Lease { connection: Some(connection), leases: self, finished: false, place: Some(place) })
    }

    /// A connection from the pool at once, given back to it after the statement.
    pub(super) async fn lend_now(&self) -> Result<Lease<'_, DB>, sqlx::Error> {
        let connection = self.aside.pool.acquire().await?;
        Ok(Lease { connection: Some(connection), leases: self, finished: false, place: None })
    }

    /// Gives every connection kept aside back to the pool, and lends none from now on.
    pub(super) fn close(&self) {
        self.places.close();
        self.aside.close();
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
        if self.finished && self.place.is_some() {
            self.leases.aside.keep(connection);
        }
        // Otherwise back to the pool, which checks it.
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::sqlite::SqlitePoolOptions;

    /// Waits until the pool holds `idle` connections: sqlx takes each one back on a task of its own.
    async fn pool_idle<DB: Database>(pool: &Pool<DB>, idle: usize) -> usize {
        let waited = tokio::time::timeout(Duration::from_secs(5), async {
            while pool.num_idle() < idle {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        let _ = waited.await;
        pool.num_idle()
    }

    #[tokio::test]
    async fn connections_kept_aside_go_back_to_the_pool_once_idle_long_enough() {
        let pool = SqlitePoolOptions::new().max_connections(2).connect("sqlite::memory:").await.unwrap();
        let aside = Aside::new(pool.clone(), None);
        aside.keep(pool.acquire().await.unwrap());
        aside.keep(pool.acquire().await.unwrap());
        assert_eq!(pool.num_idle(), 0, "both are kept aside, out of the pool");
        // The first came back ten seconds ago (set, not waited for: the test does not hang on
        // the machine's speed).
        let long_ago = Instant::now().checked_sub(Duration::from_secs(10)).unwrap();
        aside.idle.lock().unwrap().as_mut().unwrap()[0].1 = long_ago;

        aside.give_back_idle(Duration::from_secs(5));
        assert_eq!(pool_idle(&pool, 1).await, 1, "the one idle ten seconds went back to the pool");
        let left: Vec<Instant> =
            aside.idle.lock().unwrap().iter().flatten().map(|(_, since)| *since).collect();
        assert!(left.len() == 1 && left[0] > long_ago, "the other, just kept, is still aside");
        let taken = aside.take().await.unwrap();
        assert_eq!(pool.num_idle(), 1, "the next use takes the one kept aside, not the pool's");
        aside.keep(taken);
    }
}
