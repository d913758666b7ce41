//! One SQL text, either database, as plain typed functions.
//!
//! Storage code writes a statement once with `$1 … $N` placeholders and its parameters as a slice
//! (`&[&id, &name]`); the text is a `&'static str`, or `sqlx::AssertSqlSafe(…)` for one assembled
//! from validated literals (a page size, an allow-listed column); [`Sql`] binds them for whichever database `Db` holds. A [`Tx`] is one
//! transaction over either database: every write of a user action (the change, its audit
//! entries, its outbox messages, its change-log lines) goes through one `Tx` and commits together
//! or not at all. Where the two databases really differ (locking), code asks [`Tx::backend`] and
//! branches in the open.
//!
//! A parameter must encode for both databases, and a row type must decode from both, so a type
//! that only one of them understands is a compile error here, not a runtime surprise there.

use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Arguments, Database, Decode, Encode, FromRow, Postgres, SqlSafeStr, Sqlite, Transaction, Type};

use super::faults::FaultPlan;
use super::lease::{Lease, Leases, Reading};
use super::{Backend, Db, HeldConnection, Lent, Pool, UtcTime, changes};

/// A value that binds to a statement on either database.
pub trait Param: Sync {
    fn add_to_sqlite(&self, arguments: &mut SqliteArguments) -> Result<(), BoxDynError>;
    fn add_to_postgres(&self, arguments: &mut PgArguments) -> Result<(), BoxDynError>;
}

impl<T> Param for T
where
    T: Sync + Type<Sqlite> + Type<Postgres> + for<'t> Encode<'t, Sqlite> + for<'t> Encode<'t, Postgres>,
{
    fn add_to_sqlite(&self, arguments: &mut SqliteArguments) -> Result<(), BoxDynError> {
        arguments.add(self)
    }

    fn add_to_postgres(&self, arguments: &mut PgArguments) -> Result<(), BoxDynError> {
        arguments.add(self)
    }
}

/// A row type that decodes from either database (derive `sqlx::FromRow`).
pub trait Row: Send + Unpin + for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> {}

impl<T> Row for T where T: Send + Unpin + for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> {}

/// A single column's value that decodes from either database.
pub trait Scalar:
    Send + Unpin + Type<Sqlite> + Type<Postgres> + for<'r> Decode<'r, Sqlite> + for<'r> Decode<'r, Postgres>
{
}

impl<T> Scalar for T where
    T: Send
        + Unpin
        + Type<Sqlite>
        + Type<Postgres>
        + for<'r> Decode<'r, Sqlite>
        + for<'r> Decode<'r, Postgres>
{
}

fn sqlite_arguments(params: &[&dyn Param]) -> Result<SqliteArguments, sqlx::Error> {
    let mut arguments = SqliteArguments::default();
    for param in params {
        param.add_to_sqlite(&mut arguments).map_err(sqlx::Error::Encode)?;
    }
    Ok(arguments)
}

fn postgres_arguments(params: &[&dyn Param]) -> Result<PgArguments, sqlx::Error> {
    let mut arguments = PgArguments::default();
    for param in params {
        param.add_to_postgres(&mut arguments).map_err(sqlx::Error::Encode)?;
    }
    Ok(arguments)
}

/// `LIMIT n OFFSET m` as literal integers, to append to a statement. SQLite re-prepares a
/// statement whose LIMIT or OFFSET is a bound parameter at every binding (see PITFALLS), so the
/// page is written into the text; both are numbers checked here, never text from a request.
pub fn page(limit: i64, offset: i64) -> anyhow::Result<String> {
    anyhow::ensure!(limit > 0 && offset >= 0, "a page starts at 0 or later and holds at least one row");
    Ok(format!("LIMIT {limit} OFFSET {offset}"))
}

/// `$first, …` for an `IN (…)` list of `count` values.
pub fn places(first: usize, count: usize) -> String {
    (first..first + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// `ids` as lists of exactly `size` parameters for an `IN (…)` list of `size` places, the last
/// list filled up by repeating its last id: every list runs the same statement text, which is
/// prepared once.
pub fn full_lists<T: Param>(ids: &[T], size: usize) -> impl Iterator<Item = Vec<&dyn Param>> {
    ids.chunks(size.max(1))
        .map(move |chunk| (0..size).map(|i| &chunk[i.min(chunk.len() - 1)] as &dyn Param).collect())
}

/// Where a statement runs: the pool (each statement on its own) or an open transaction.
pub struct Sql<'c> {
    on: On<'c>,
    faults: Option<&'c FaultPlan>,
    changes: Changes<'c>,
}

/// Where a write to a table the public pages show is noted (see `db::changes`).
enum Changes<'c> {
    /// On the pool: the write is committed when the statement ends.
    Pool(&'c Db),
    /// In a transaction: noted, and recorded when it commits.
    Tx(&'c mut bool),
}

enum On<'c> {
    SqliteLent(&'c Leases<Sqlite>),
    PostgresLent(&'c Leases<Postgres>),
    Sqlite(Conn<'c, Sqlite>),
    Postgres(Conn<'c, Postgres>),
    /// A reader's connection, taken when the statement runs.
    Held(&'c HeldConnection),
}

/// Where a statement runs once it is its turn.
enum Run<'c> {
    Sqlite(Conn<'c, Sqlite>),
    Postgres(Conn<'c, Postgres>),
}

impl<'c> On<'c> {
    /// Takes a reader's connection when it is this statement's turn on it: a request's
    /// statements run one after another, and one that runs beside another waits instead of
    /// taking a second connection.
    /// `write_turn`: this statement holds SQLite's write turn, which every transaction waits for.
    async fn ready(self, write_turn: bool) -> Result<Run<'c>, sqlx::Error> {
        Ok(match self {
            On::SqliteLent(leases) if write_turn => Run::Sqlite(Conn::Lent(leases.lend_now().await?)),
            On::SqliteLent(leases) => Run::Sqlite(Conn::Lent(leases.lend().await?)),
            On::PostgresLent(leases) => Run::Postgres(Conn::Lent(leases.lend().await?)),
            On::Sqlite(conn) => Run::Sqlite(conn),
            On::Postgres(conn) => Run::Postgres(conn),
            On::Held(HeldConnection::Sqlite(held)) => Run::Sqlite(Conn::Held(held.lock().await)),
            On::Held(HeldConnection::Postgres(held)) => Run::Postgres(Conn::Held(held.lock().await)),
        })
    }
}

/// One connection a statement runs on: a transaction's, the one a reader holds
/// ([`Db::reader`]), or one lent to this statement (`db::lease`).
enum Conn<'c, DB: Database> {
    Borrowed(&'c mut DB::Connection),
    Held(tokio::sync::MutexGuard<'c, Reading<DB>>),
    Lent(Lease<'c, DB>),
}

impl<DB: Database> Conn<'_, DB> {
    fn get(&mut self) -> Result<&mut DB::Connection, sqlx::Error> {
        match self {
            Conn::Borrowed(connection) => Ok(connection),
            Conn::Held(reading) => reading.start(),
            Conn::Lent(lease) => lease.connection(),
        }
    }

    /// Passes on how the statement ended; a lent or a reader's connection is kept aside again
    /// only after one that ran to its end.
    fn ended<T>(&mut self, result: Result<T, sqlx::Error>) -> Result<T, sqlx::Error> {
        match self {
            Conn::Lent(lease) => lease.finished(&result),
            Conn::Held(reading) => reading.finished(&result),
            Conn::Borrowed(_) => {}
        }
        result
    }
}

/// Counts a step against the test's fault plan, if there is one.
fn step(faults: Option<&FaultPlan>) -> Result<(), sqlx::Error> {
    faults.map_or(Ok(()), FaultPlan::step)
}

/// Before a statement: counts it against the fault plan and notes in its transaction whether it
/// changes what the public pages show. A write to such a table on the pool is `Some(db)`: it is
/// run in a transaction of its own instead, so that the change and its line in the change log
/// commit together.
fn begin_statement<'c>(
    faults: Option<&FaultPlan>,
    changes: &mut Changes<'c>,
    sql: &str,
) -> Result<Option<&'c Db>, sqlx::Error> {
    if !changes::writes_watched(sql) {
        step(faults)?;
        return Ok(None);
    }
    match changes {
        Changes::Tx(wrote) => {
            step(faults)?;
            **wrote = true;
            Ok(None)
        }
        Changes::Pool(db) => Ok(Some(*db)),
    }
}

/// SQLite: a write on its own on the pool (outside a transaction) waits for this process's turn
/// to write, as [`Db::begin_write`] does, instead of meeting a writer's lock in SQLite's busy
/// handler, which sleeps 1, 2, 5 … 100 ms between tries. Never longer than the busy handler would
/// wait: past that the statement goes ahead and meets SQLite's own answer. A reader's write does
/// not queue: it would hold its connection and one of the few readers' places while it waited.
async fn single_write_turn(
    on: &On<'_>,
    changes: &Changes<'_>,
    sql: &str,
) -> Option<tokio::sync::OwnedMutexGuard<()>> {
    let (On::SqliteLent(_), Changes::Pool(db)) = (on, changes) else { return None };
    // Only a write (a statement that names the table it writes) queues.
    changes::written_table(sql)?;
    tokio::time::timeout(super::SQLITE_BUSY_TIMEOUT, db.write_turn.clone().lock_owned()).await.ok()
}

/// The four arms of each kind of result live here once, so storage code never matches on the
/// backend to run a statement.
impl Sql<'_> {
    pub fn backend(&self) -> Backend {
        match self.on {
            On::SqliteLent(_) | On::Sqlite(_) | On::Held(HeldConnection::Sqlite(_)) => Backend::Sqlite,
            On::PostgresLent(_) | On::Postgres(_) | On::Held(HeldConnection::Postgres(_)) => {
                Backend::Postgres
            }
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub async fn execute(self, sql: impl SqlSafeStr, params: &[&dyn Param]) -> Result<u64, sqlx::Error> {
        let Sql { on, faults, mut changes } = self;
        let sql = sql.into_sql_str();
        if let Some(db) = begin_statement(faults, &mut changes, sql.as_str())? {
            let mut tx = db.begin_write().await?;
            let done = Box::pin(tx.sql().execute(sql, params)).await?;
            tx.commit().await?;
            return Ok(done);
        }
        let turn = single_write_turn(&on, &changes, sql.as_str()).await;
        let done = match on.ready(turn.is_some()).await? {
            Run::Sqlite(mut conn) => {
                let done = sqlx::query_with(sql, sqlite_arguments(params)?).execute(conn.get()?).await;
                conn.ended(done)?.rows_affected()
            }
            Run::Postgres(mut conn) => {
                let done = sqlx::query_with(sql, postgres_arguments(params)?).execute(conn.get()?).await;
                conn.ended(done)?.rows_affected()
            }
        };
        Ok(done)
    }

    /// Every row the statement returns.
    pub async fn all<R: Row>(
        self,
        sql: impl SqlSafeStr,
        params: &[&dyn Param],
    ) -> Result<Vec<R>, sqlx::Error> {
        let Sql { on, faults, mut changes } = self;
        let sql = sql.into_sql_str();
        if let Some(db) = begin_statement(faults, &mut changes, sql.as_str())? {
            let mut tx = db.begin_write().await?;
            let rows = Box::pin(tx.sql().all(sql, params)).await?;
            tx.commit().await?;
            return Ok(rows);
        }
        let turn = single_write_turn(&on, &changes, sql.as_str()).await;
        let rows = match on.ready(turn.is_some()).await? {
            Run::Sqlite(mut conn) => {
                let found = sqlx::query_as_with(sql, sqlite_arguments(params)?).fetch_all(conn.get()?).await;
                conn.ended(found)
            }
            Run::Postgres(mut conn) => {
                let found =
                    sqlx::query_as_with(sql, postgres_arguments(params)?).fetch_all(conn.get()?).await;
                conn.ended(found)
            }
        }?;
        Ok(rows)
    }

    /// The first row, if any.
    pub async fn optional<R: Row>(
        self,
        sql: impl SqlSafeStr,
        params: &[&dyn Param],
    ) -> Result<Option<R>, sqlx::Error> {
        let Sql { on, faults, mut changes } = self;
        let sql = sql.into_sql_str();
        if let Some(db) = begin_statement(faults, &mut changes, sql.as_str())? {
            let mut tx = db.begin_write().await?;
            let row = Box::pin(tx.sql().optional(sql, params)).await?;
            tx.commit().await?;
            return Ok(row);
        }
        let turn = single_write_turn(&on, &changes, sql.as_str()).await;
        let row = match on.ready(turn.is_some()).await? {
            Run::Sqlite(mut conn) => {
                let found =
                    sqlx::query_as_with(sql, sqlite_arguments(params)?).fetch_optional(conn.get()?).await;
                conn.ended(found)
            }
            Run::Postgres(mut conn) => {
                let found =
                    sqlx::query_as_with(sql, postgres_arguments(params)?).fetch_optional(conn.get()?).await;
                conn.ended(found)
            }
        }?;
        Ok(row)
    }

    /// The one row the statement must return.
    pub async fn one<R: Row>(self, sql: impl SqlSafeStr, params: &[&dyn Param]) -> Result<R, sqlx::Error> {
        self.optional(sql, params).await?.ok_or(sqlx::Error::RowNotFound)
    }

    /// The first column of every row.
    pub async fn column<T: Scalar>(
        self,
        sql: impl SqlSafeStr,
        params: &[&dyn Param],
    ) -> Result<Vec<T>, sqlx::Error> {
        let rows: Vec<(T,)> = self.all(sql, params).await?;
        Ok(rows.into_iter().map(|(value,)| value).collect())
    }

    /// The first column of the first row, if any.
    pub async fn value<T: Scalar>(
        self,
        sql: impl SqlSafeStr,
        params: &[&dyn Param],
    ) -> Result<Option<T>, sqlx::Error> {
        let row: Option<(T,)> = self.optional(sql, params).await?;
        Ok(row.map(|(value,)| value))
    }
}

/// One transaction over either database. Dropped without [`Tx::commit`], it rolls back.
pub struct Tx {
    inner: Inner,
    db: Db,
    /// Begun with `begin_write`: holds SQLite's write lock from the start.
    write: bool,
    /// A statement wrote a table the public pages show: the commit records it (`db::changes`).
    wrote_watched: bool,
    /// SQLite: this process's turn to write, held until the transaction ends. Declared after
    /// `inner` so that it is released after the transaction.
    _write_turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

enum Inner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// A transaction for reads that must agree with each other, or writes that take no lock
    /// before their first write.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        self.not_a_reader()?;
        step(self.faults())?;
        self.lent.give_back_idle_readers();
        let inner = match self.pool() {
            Pool::Sqlite(pool) => Inner::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => Inner::Postgres(pool.begin().await?),
        };
        Ok(Tx { inner, db: self.clone(), write: false, wrote_watched: false, _write_turn: None })
    }

    /// A transaction that reads before it writes and must not be overtaken in between: SQLite
    /// takes the write lock at once (`BEGIN IMMEDIATE`); on PostgreSQL the statements lock the
    /// rows they read (`FOR UPDATE`), see [`Tx::backend`].
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        self.not_a_reader()?;
        step(self.faults())?;
        self.lent.give_back_idle_readers();
        let (inner, turn) = match self.pool() {
            Pool::Sqlite(pool) => {
                // The turn first, then a connection: a writer waiting its turn holds no connection
                // that readers could use.
                let turn = self.write_turn.clone().lock_owned().await;
                (Inner::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?), Some(turn))
            }
            Pool::Postgres(pool) => (Inner::Postgres(pool.begin().await?), None),
        };
        Ok(Tx { inner, db: self.clone(), write: true, wrote_watched: false, _write_turn: turn })
    }

    /// Statements each on its own, on a lent connection (`db::lease`); on a reader
    /// ([`Db::reader`]), on its connection.
    pub fn sql(&self) -> Sql<'_> {
        let on = match (self.held(), &*self.lent) {
            (Some(held), _) => On::Held(held),
            (None, Lent::Sqlite(kept)) => On::SqliteLent(&kept.statements),
            (None, Lent::Postgres(kept)) => On::PostgresLent(&kept.statements),
        };
        Sql { on, faults: self.faults(), changes: Changes::Pool(self) }
    }
}

impl Tx {
    /// Statements inside this transaction.
    pub fn sql(&mut self) -> Sql<'_> {
        let on = match &mut self.inner {
            Inner::Sqlite(tx) => On::Sqlite(Conn::Borrowed(&mut **tx)),
            Inner::Postgres(tx) => On::Postgres(Conn::Borrowed(&mut **tx)),
        };
        Sql { on, faults: self.db.faults(), changes: Changes::Tx(&mut self.wrote_watched) }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Begun with [`Db::begin_write`].
    pub fn is_write(&self) -> bool {
        self.write
    }

    /// The database this transaction belongs to (its audit keys sign entries written here).
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Commits every write of the action at once. A failure here (or a drop) keeps none of them.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        if self.wrote_watched {
            // Boxed: `execute` can itself commit (a write on the pool), so the futures nest.
            Box::pin(self.sql().execute(changes::RECORD_CHANGE, &[&UtcTime::now()])).await?;
        }
        step(self.db.faults())?;
        match self.inner {
            Inner::Sqlite(tx) => tx.commit().await?,
            Inner::Postgres(tx) => tx.commit().await?,
        }
        if self.wrote_watched {
            self.db.remembered_reads().forget();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_lists_number_their_places_and_fill_the_last_list() {
        assert_eq!(places(2, 3), "$2, $3, $4");
        let ids = [1_i64, 2, 3, 4, 5];
        let lists: Vec<Vec<&dyn Param>> = full_lists(&ids, 3).collect();
        assert_eq!(lists.len(), 2);
        assert!(lists.iter().all(|list| list.len() == 3), "every list fills every place");
        assert!(full_lists::<i64>(&[], 3).next().is_none(), "no ids, no statement");
    }
}
