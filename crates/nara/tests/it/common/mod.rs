//! Test support: a fresh database of either backend per test.
//!
//! SQLite gets a file in a temporary directory. PostgreSQL gets a schema of its own in the
//! database named by `NARA_TEST_DATABASE_URL`; without that variable the run fails, unless
//! `NARA_TEST_SKIP_POSTGRES=1` says to run on SQLite only.
#![allow(dead_code)]

pub mod actions;
pub mod app;
pub mod cast;

use std::str::FromStr;

use nara::db::Db;
use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;

pub const PG_URL_VAR: &str = "NARA_TEST_DATABASE_URL";
/// Set to `1` to run the suite on SQLite only, on purpose.
pub const SKIP_PG_VAR: &str = "NARA_TEST_SKIP_POSTGRES";

/// The test PostgreSQL's address. Without one the run fails, unless the person running it has
/// said `NARA_TEST_SKIP_POSTGRES=1`: half of the suite passing silently would prove nothing.
pub fn postgres_url() -> Option<String> {
    match std::env::var(PG_URL_VAR) {
        Ok(url) => Some(url),
        Err(_) if std::env::var(SKIP_PG_VAR).as_deref() == Ok("1") => {
            eprintln!("notice: {SKIP_PG_VAR}=1: the PostgreSQL half of this test was skipped");
            None
        }
        Err(_) => panic!(
            "no PostgreSQL for the test suite: set {PG_URL_VAR}=postgres://user:pass@host/db \
             (scripts/test starts one), or {SKIP_PG_VAR}=1 to run on SQLite only"
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    Empty,
    Migrated,
}

pub struct TestDb {
    pub db: Db,
    // Kept so the SQLite file lives as long as the test.
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn sqlite(schema: Schema) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let options =
            SqliteConnectOptions::from_str(&format!("sqlite://{}", dir.path().join("test.db").display()))
                .expect("sqlite address");
        let db = Db::connect_sqlite(options).await.expect("sqlite opens");
        Self { db, _dir: Some(dir) }.prepared(schema).await
    }

    /// A schema of its own in the test PostgreSQL database, or `None` when none is configured.
    pub async fn postgres(schema: Schema) -> Option<Self> {
        let url = postgres_url()?;
        let schema_name = format!("test_{}", uuid_like());
        let admin = Db::connect(&url).await.expect("the test PostgreSQL answers");
        if let nara::db::Pool::Postgres(pool) = admin.pool() {
            // The name is made of a-z only, above: nothing to inject.
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema_name}")))
                .execute(pool)
                .await
                .expect("create schema");
        }
        admin.close().await;
        let options = PgConnectOptions::from_str(&url)
            .expect("postgres address")
            .options([("search_path", schema_name.as_str())]);
        let db = Db::connect_postgres(options).await.expect("postgres opens");
        Some(Self { db, _dir: None }.prepared(schema).await)
    }

    async fn prepared(self, schema: Schema) -> Self {
        if schema == Schema::Migrated {
            self.db.migrate().await.expect("migrations apply");
        }
        self
    }
}

fn uuid_like() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..16).map(|_| char::from(b'a' + rng.random_range(0..26))).collect()
}

/// Defines `name::sqlite` and `name::postgres` tests that run `body(db)` on each backend, with
/// the database `Migrated` or left `Empty`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $schema:ident, |$db:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($db: nara::db::Db) $body

            #[tokio::test]
            async fn sqlite() {
                let test_db = $crate::common::TestDb::sqlite($crate::common::Schema::$schema).await;
                run(test_db.db.clone()).await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(test_db) = $crate::common::TestDb::postgres($crate::common::Schema::$schema).await {
                    run(test_db.db.clone()).await;
                }
            }
        }
    };
}
