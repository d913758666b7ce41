//! One storage contract over two backends. `Db` holds a concrete SQLite or PostgreSQL pool
//! (never sqlx's `Any` driver, which loses timestamps, UUIDs and JSON); feature modules write
//! their statements once, as plain functions on [`sql`].

use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

mod backup;
pub mod changes;
pub mod faults;
pub mod group_commit;
mod insert_rows;
mod lease;
pub mod sql;
mod time;

pub use backup::USE_PG_DUMP;
pub use faults::FaultPlan;
pub use insert_rows::InsertRows;
pub use sql::{Param, Row, Scalar, Sql, Tx, full_lists, page, places};
pub use time::UtcTime;

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sqlx::Connection;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};

use crate::audit::Keyring;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// How long to wait for the first connection before telling the operator the database is
/// unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a request may queue for a pooled connection during a burst (as long as a request
/// may take at all), rather than failing while others finish.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long SQLite waits for another writer's lock before answering that the database is busy.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// SQLite connections per pool: a quarter lent to statements on their own (`lease`, three), up
/// to half held by readers (six), and at least three left for transactions. Each is a thread of
/// sqlx's that mostly waits.
const SQLITE_CONNECTIONS: u32 = 12;
/// PostgreSQL connections per pool.
const PG_CONNECTIONS: u32 = 16;
/// A reader's connection kept aside this long (no page has needed it since) goes back to the
/// pool when a transaction begins. In a burst of reads each is taken again within a millisecond.
const READERS_IDLE: Duration = Duration::from_millis(100);
/// A PostgreSQL connection idle in the pool this long is pinged before it is handed out.
const PG_PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// The database, and the keys that sign its audit log. The keys travel with the pool because
/// every audit append needs them, and they must come from outside the database (see `audit`).
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    audit_keys: Arc<Keyring>,
    /// Only ever set by a test (see `faults`).
    faults: Option<Arc<FaultPlan>>,
    /// SQLite: this process's writers take turns here, in arrival order, before `BEGIN IMMEDIATE`,
    /// so they queue without sleeping in SQLite's busy handler (which sleeps 1, 2, 5 … 100 ms;
    /// it stays only for other processes). Shared by every clone over the same pool.
    write_turn: Arc<tokio::sync::Mutex<()>>,
    /// Audit entries recorded on their own wait here to be written together (see `audit::store`).
    audit_queue: Arc<crate::audit::store::RecordQueue>,
    /// What the public pages read, kept until it changes (see `changes`).
    remembered: Arc<changes::Remembered>,
    /// A reader's connection ([`Db::reader`]); `None` on the pool.
    held: Option<Arc<Held>>,
    /// The connections kept aside for statements that run on their own and for readers (see
    /// `lease`), shared by every clone over the same pool.
    lent: Arc<Lent>,
    /// Places for readers: at most half the pool's connections are held by readers at once, so
    /// that transactions and the statements of other requests always find a connection.
    readers: Arc<tokio::sync::Semaphore>,
}

/// The connection a reader holds, taken by one statement at a time, and its place among the
/// readers.
struct Held {
    connection: HeldConnection,
    /// Where the connection is kept aside when the reader ends.
    lent: Arc<Lent>,
    _place: tokio::sync::OwnedSemaphorePermit,
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held").finish_non_exhaustive()
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        match (&mut self.connection, &*self.lent) {
            (HeldConnection::Sqlite(reading), Lent::Sqlite(kept)) => reading.get_mut().end(&kept.readers),
            (HeldConnection::Postgres(reading), Lent::Postgres(kept)) => reading.get_mut().end(&kept.readers),
            // One pool has one backend.
            _ => {}
        }
    }
}

enum HeldConnection {
    Sqlite(tokio::sync::Mutex<lease::Reading<sqlx::Sqlite>>),
    Postgres(tokio::sync::Mutex<lease::Reading<sqlx::Postgres>>),
}

/// The connections kept aside from one pool (see `lease`).
#[derive(Debug)]
enum Lent {
    Sqlite(lease::KeptAside<sqlx::Sqlite>),
    Postgres(lease::KeptAside<sqlx::Postgres>),
}

impl Lent {
    /// Lends a quarter of the pool's connections at once to statements on their own.
    fn over(pool: &Pool) -> Self {
        let places = pool_size(pool) as usize / 4;
        match pool {
            Pool::Sqlite(pool) => Lent::Sqlite(lease::KeptAside::new(pool.clone(), places, None)),
            Pool::Postgres(pool) => {
                Lent::Postgres(lease::KeptAside::new(pool.clone(), places, Some(PG_PING_AFTER_IDLE)))
            }
        }
    }

    fn close(&self) {
        match self {
            Lent::Sqlite(kept) => kept.close(),
            Lent::Postgres(kept) => kept.close(),
        }
    }

    /// Readers' connections kept aside since a burst of reads ended go back to the pool, where
    /// transactions find them.
    fn give_back_idle_readers(&self) {
        match self {
            Lent::Sqlite(kept) => kept.readers.give_back_idle(READERS_IDLE),
            Lent::Postgres(kept) => kept.readers.give_back_idle(READERS_IDLE),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// When SQLite waits for the disk. Both keep the database consistent after a crash of the process
/// (`kill -9`); only `Full` keeps the last commits through a power cut or an operating system crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Synchronous {
    /// Every commit is on the disk before it is reported done (`nara serve`'s default).
    Full,
    /// Commits reach the operating system at once and the disk at checkpoints (`nara demo`'s default).
    Normal,
}

impl From<Synchronous> for SqliteSynchronous {
    fn from(value: Synchronous) -> Self {
        match value {
            Synchronous::Full => SqliteSynchronous::Full,
            Synchronous::Normal => SqliteSynchronous::Normal,
        }
    }
}

/// A database that is not there, or holds no Nära schema: what a command that only reads says
/// instead of creating one.
#[derive(Debug, thiserror::Error)]
#[error("no Nära database at {0}; run `nara migrate` or set DATABASE_URL")]
pub struct NoDatabase(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Which of the migrations built into this binary the database has applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    pub applied: BTreeSet<i64>,
    pub pending: Vec<i64>,
}

impl MigrationStatus {
    pub fn is_current(&self) -> bool {
        self.pending.is_empty()
    }
}

impl Db {
    /// A database over `pool`. Its audit key lives only in memory until `with_audit_keys` gives
    /// it the configured ones: right for tests and benchmarks, never for a server (entries signed
    /// with a key that is gone can no longer be verified).
    fn over(pool: Pool) -> Self {
        let readers = Arc::new(tokio::sync::Semaphore::new(pool_size(&pool) as usize / 2));
        Self::sharing(pool.clone(), Arc::new(Lent::over(&pool)), readers)
    }

    /// A database over `pool` that shares what is kept aside from it (`lent`) and the places its
    /// readers may hold (`readers`: at most half the pool, however many `Db`s share it).
    fn sharing(pool: Pool, lent: Arc<Lent>, readers: Arc<tokio::sync::Semaphore>) -> Self {
        Self {
            lent,
            audit_keys: Arc::new(Keyring::ephemeral()),
            faults: None,
            write_turn: Arc::default(),
            audit_queue: Arc::new(crate::audit::store::record_queue()),
            remembered: Arc::default(),
            held: None,
            readers,
            pool,
        }
    }

    /// The same database with its statements on one pooled connection, for a page that reads
    /// many times: it takes a connection once instead of borrowing a lent one for each statement
    /// (`lease`). When the last clone is dropped, the connection is kept aside for the next
    /// reader (or goes back to the pool if a statement on it was given up or failed).
    ///
    /// A reader only reads, and writes only with single statements: a transaction or an audit
    /// entry on its own (`audit::store::record`) needs a second connection, and requests that
    /// each held one while waiting for another could take the whole pool; those are refused
    /// with an error.
    pub async fn reader(&self) -> Result<Db, sqlx::Error> {
        if self.held.is_some() {
            return Ok(self.clone());
        }
        let place = self.readers.clone().acquire_owned().await.map_err(|_| sqlx::Error::PoolClosed)?;
        let connection = match &*self.lent {
            Lent::Sqlite(kept) => {
                HeldConnection::Sqlite(lease::Reading::new(kept.readers.take().await?).into())
            }
            Lent::Postgres(kept) => {
                HeldConnection::Postgres(lease::Reading::new(kept.readers.take().await?).into())
            }
        };
        let held = Held { connection, lent: self.lent.clone(), _place: place };
        Ok(Db { held: Some(Arc::new(held)), ..self.clone() })
    }

    fn held(&self) -> Option<&HeldConnection> {
        self.held.as_deref().map(|held| &held.connection)
    }

    /// Refuses what would take a second connection on a reader (see [`Db::reader`]).
    pub(crate) fn not_a_reader(&self) -> Result<(), sqlx::Error> {
        match self.held {
            None => Ok(()),
            Some(_) => Err(sqlx::Error::Configuration(
                "a transaction or an audit entry of its own is not begun on a reader (Db::reader)".into(),
            )),
        }
    }

    /// The same database with the keys that sign (the newest) and verify (all) audit entries.
    pub fn with_audit_keys(mut self, keys: Arc<Keyring>) -> Self {
        self.audit_keys = keys;
        self
    }

    /// The same database as another process over it sees it: the same pool and keys, but its own
    /// memory of public reads, write turn and audit queue (for tests of what crosses processes).
    pub fn as_another_process(&self) -> Self {
        // The connections kept aside, and the readers' places, belong to the one pool; a second set
        // would keep more out of it.
        Self::sharing(self.pool.clone(), self.lent.clone(), self.readers.clone())
            .with_audit_keys(self.audit_keys.clone())
    }

    /// The same database, with every statement counted against `plan` (tests of atomicity only).
    pub fn with_fault_plan(mut self, plan: Arc<FaultPlan>) -> Self {
        self.faults = Some(plan);
        // Its own queue: entries recorded through this `Db` are written (and counted) through it.
        self.audit_queue = Arc::new(crate::audit::store::record_queue());
        self
    }

    fn faults(&self) -> Option<&FaultPlan> {
        self.faults.as_deref()
    }

    pub(crate) fn audit_queue(&self) -> &Arc<crate::audit::store::RecordQueue> {
        &self.audit_queue
    }

    pub(crate) fn remembered_reads(&self) -> &changes::Remembered {
        &self.remembered
    }

    pub fn audit_keys(&self) -> &Keyring {
        &self.audit_keys
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Connects a server to `sqlite:…` or `postgres:…`, failing within a few seconds when
    /// unreachable. A missing SQLite file is created; its commits wait for the disk as
    /// `synchronous` says. PostgreSQL's pool opens all its connections before this returns and
    /// keeps them open, so the first burst after start does not queue while they are opened.
    pub async fn connect_with(url: &str, synchronous: Synchronous) -> anyhow::Result<Self> {
        match sqlite_options(url)? {
            Some(options) => Self::open_sqlite(options.create_if_missing(true), synchronous).await,
            None => Self::connect_postgres_url(url, PG_CONNECTIONS).await,
        }
    }

    /// Connects as [`Db::connect_with`] with `synchronous = NORMAL`, for tests and tools:
    /// PostgreSQL connections are opened as they are needed.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        match sqlite_options(url)? {
            Some(options) => Self::open_sqlite(options.create_if_missing(true), Synchronous::Normal).await,
            None => Self::connect_postgres_url(url, 0).await,
        }
    }

    /// Opens a database that must already hold Nära's schema, creating nothing: a missing SQLite
    /// file or a database without a single migration is [`NoDatabase`].
    pub async fn open_existing(url: &str, synchronous: Synchronous) -> anyhow::Result<Self> {
        let db = match sqlite_options(url)? {
            Some(options) => {
                let options = options.create_if_missing(false);
                if !options.get_filename().is_file() || !sqlite_has_migrations(&options).await? {
                    bail!(NoDatabase(redact(url)));
                }
                Self::open_sqlite(options, synchronous).await?
            }
            None => Self::connect_postgres_url(url, 0).await?,
        };
        if db.migration_status().await?.applied.is_empty() {
            db.close().await;
            bail!(NoDatabase(redact(url)));
        }
        Ok(db)
    }

    /// `warm`: how many connections to open at once and keep open.
    async fn connect_postgres_url(url: &str, warm: u32) -> anyhow::Result<Self> {
        let options = PgConnectOptions::from_str(url)
            .with_context(|| format!("the database address {} is not valid", redact(url)))?;
        Self::open_postgres(options, warm)
            .await
            .with_context(|| format!("cannot reach the database at {}", redact(url)))
    }

    /// Opens SQLite as the tests do: created when missing, `synchronous = NORMAL`.
    pub async fn connect_sqlite(options: SqliteConnectOptions) -> anyhow::Result<Self> {
        Self::open_sqlite(options.create_if_missing(true), Synchronous::Normal).await
    }

    async fn open_sqlite(options: SqliteConnectOptions, synchronous: Synchronous) -> anyhow::Result<Self> {
        let options = options
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(synchronous.into())
            .foreign_keys(true)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            // Pages are read with pread, never mapped. Each commit makes the other connections drop
            // their page caches either way (they copy the pages again from the operating system's
            // file cache); with a mapping, SQLite also unmaps the whole file at the start of every
            // read transaction after another connection committed, so under a stream of audited
            // views each read paid munmap, TLB shootdowns on the cores running the server and page
            // faults (about a fifth of the SQLite threads' CPU on the work list). 0 is SQLite's
            // own default; it is set here so that the choice is written where it is made.
            .pragma("mmap_size", "0");
        let connecting = SqlitePoolOptions::new()
            .max_connections(SQLITE_CONNECTIONS)
            // A connection to a local file does not go stale while it waits in the pool. A ping
            // before each use was a third round trip to SQLite's worker thread per statement (18 %
            // of a case page's CPU).
            .test_before_acquire(false)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options);
        let pool = tokio::time::timeout(CONNECT_TIMEOUT, connecting)
            .await
            .context("opening the SQLite database took too long")?
            .context("cannot open the SQLite database")?;
        Ok(Db::over(Pool::Sqlite(pool)))
    }

    pub async fn connect_postgres(options: PgConnectOptions) -> anyhow::Result<Self> {
        Self::open_postgres(options, 0).await
    }

    async fn open_postgres(options: PgConnectOptions, warm: u32) -> anyhow::Result<Self> {
        let connecting = PgPoolOptions::new()
            .max_connections(PG_CONNECTIONS)
            .min_connections(warm)
            // A ping before every statement was a second round trip to the server for each one
            // (the case page: 11 statements, 22 round trips). A connection in steady use is known
            // to be alive; one that has waited in the pool, as after a database restart, is
            // still checked before it is handed out.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    // A failed ping closes the connection, and the pool takes or opens another.
                    Ok(meta.idle_for < PG_PING_AFTER_IDLE || conn.ping().await.is_ok())
                })
            })
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options);
        let pool = tokio::time::timeout(CONNECT_TIMEOUT, connecting)
            .await
            .map_err(|_| anyhow::anyhow!("no answer within {} seconds", CONNECT_TIMEOUT.as_secs()))?
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Db::over(Pool::Postgres(pool)))
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    fn migrator(&self) -> &'static Migrator {
        match self.pool {
            Pool::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pool::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Applies pending migrations. Safe to run from several processes at once.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let result = match &self.pool {
            Pool::Sqlite(pool) => self.migrator().run(pool).await,
            Pool::Postgres(pool) => self.migrator().run(pool).await,
        };
        result.context("migrating the database failed")?;
        // Data the migrations cannot hold in one SQL for both databases, put in once.
        crate::plain_language::word_list::store::seed_starter(self).await.context("seeding the word list")
    }

    /// Proves the database answers.
    pub async fn ping(&self) -> anyhow::Result<()> {
        self.sql().execute("SELECT 1", &[]).await.map(drop).context("the database does not answer")
    }

    pub async fn migration_status(&self) -> anyhow::Result<MigrationStatus> {
        self.ping().await?;
        let query = "SELECT version FROM _sqlx_migrations WHERE success = TRUE";
        let rows: Result<Vec<i64>, sqlx::Error> = self.sql().column(query, &[]).await;
        // Before the first migration the bookkeeping table does not exist: nothing is applied.
        let applied: BTreeSet<i64> = rows.unwrap_or_default().into_iter().collect();
        let pending = self.migrator().iter().map(|m| m.version).filter(|v| !applied.contains(v)).collect();
        Ok(MigrationStatus { applied, pending })
    }

    pub async fn close(&self) {
        // The pool waits for all its connections, the lent ones too.
        self.lent.close();
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

/// How many connections `pool` opens at most.
fn pool_size(pool: &Pool) -> u32 {
    match pool {
        Pool::Sqlite(pool) => pool.options().get_max_connections(),
        Pool::Postgres(pool) => pool.options().get_max_connections(),
    }
}

/// The SQLite options in `url`, or `None` for PostgreSQL.
fn sqlite_options(url: &str) -> anyhow::Result<Option<SqliteConnectOptions>> {
    if !url.starts_with("sqlite:") {
        return Ok(None);
    }
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("the database address {} is not valid", redact(url)))?;
    Ok(Some(options))
}

/// Whether a SQLite file holds sqlx's migration table, asked on a plain connection: the pool's
/// `journal_mode = WAL` would write a header into an empty file.
async fn sqlite_has_migrations(options: &SqliteConnectOptions) -> anyhow::Result<bool> {
    let mut connection =
        SqliteConnection::connect_with(options).await.context("cannot open the SQLite database")?;
    let query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'";
    let found: i64 = sqlx::query_scalar(query).fetch_one(&mut connection).await?;
    connection.close().await?;
    Ok(found > 0)
}

/// The migration versions built into the binary, per backend (for the parity test).
pub fn migration_versions(backend: Backend) -> Vec<i64> {
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator.iter().map(|m| m.version).collect()
}

/// A database address fit for an error message: the password is replaced.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_have_the_same_migration_versions() {
        let sqlite = migration_versions(Backend::Sqlite);
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, migration_versions(Backend::Postgres));
    }

    #[tokio::test]
    async fn sqlite_connections_wait_for_the_disk_as_asked_and_never_map_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("nara.db").display());
        // SQLite numbers the levels: NORMAL is 1, FULL is 2.
        for (synchronous, level) in [(Synchronous::Full, 2), (Synchronous::Normal, 1)] {
            let db = Db::connect_with(&url, synchronous).await.unwrap();
            let Pool::Sqlite(pool) = db.pool() else { unreachable!("a sqlite: address") };
            // Three connections held at once: the setting is on each, not only the first.
            let mut held = Vec::new();
            for _ in 0..3 {
                let mut connection = pool.acquire().await.unwrap();
                let found: i64 =
                    sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut *connection).await.unwrap();
                assert_eq!(found, level, "{synchronous:?}");
                let mapped: i64 =
                    sqlx::query_scalar("PRAGMA mmap_size").fetch_one(&mut *connection).await.unwrap();
                assert_eq!(mapped, 0, "reads copy pages, never map the file");
                held.push(connection);
            }
            drop(held);
            db.close().await;
        }
    }

    #[tokio::test]
    async fn readers_of_databases_sharing_a_pool_hold_at_most_half_of_it_together() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let other = db.as_another_process();
        let half = pool_size(db.pool()) as usize / 2;
        assert!(half >= 2);
        let mut held = Vec::new();
        for i in 0..half {
            held.push(if i % 2 == 0 { db.reader().await } else { other.reader().await }.unwrap());
        }
        let over_half = tokio::time::timeout(Duration::from_millis(100), other.reader()).await;
        assert!(over_half.is_err(), "a reader past half the pool waits, whichever database asks");
        held.pop();
        assert!(other.reader().await.is_ok(), "and gets its place once one ends");
    }

    #[tokio::test]
    async fn sqlite_is_built_without_memory_statistics() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let options: Vec<String> = db.sql().column("PRAGMA compile_options", &[]).await.unwrap();
        assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "{options:?}");
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("postgres://nara:hemligt@db:5432/nara"), "postgres://nara:***@db:5432/nara");
        assert_eq!(redact("sqlite://data/nara.db"), "sqlite://data/nara.db");
    }
}
