//! Bulk SQL for the benchmarks' generated data: literal values written into multi-row INSERTs
//! (500 rows a statement), in either database's dialect, run unprepared in one transaction.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use nara::db::{Backend, Db, Pool};
use uuid::Uuid;

const ROWS_PER_STATEMENT: usize = 500;

/// One table's pending `INSERT` statements.
pub struct Table {
    header: String,
    backend: Backend,
    current: String,
    in_current: usize,
    done: Vec<String>,
    /// How many rows were written, for the report.
    pub rows: u64,
}

/// One row being written: values separated by commas.
pub struct Row<'a> {
    out: &'a mut String,
    backend: Backend,
    first: bool,
}

impl Row<'_> {
    fn next(&mut self) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out
    }

    pub fn uuid(&mut self, id: Uuid) -> &mut Self {
        let backend = self.backend;
        let out = self.next();
        match backend {
            Backend::Sqlite => write!(out, "X'{}'", id.simple()).unwrap(),
            Backend::Postgres => write!(out, "'{id}'").unwrap(),
        }
        self
    }

    pub fn opt_uuid(&mut self, id: Option<Uuid>) -> &mut Self {
        match id {
            Some(id) => self.uuid(id),
            None => self.null(),
        }
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        let out = self.next();
        out.push('\'');
        out.push_str(&text.replace('\'', "''"));
        out.push('\'');
        self
    }

    pub fn opt_text(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.text(text),
            None => self.null(),
        }
    }

    /// The fixed-width text `UtcTime` keeps in SQLite; PostgreSQL reads it as a `timestamptz`.
    pub fn time(&mut self, time: DateTime<Utc>) -> &mut Self {
        self.text(&time.to_rfc3339_opts(SecondsFormat::Micros, true))
    }

    pub fn opt_time(&mut self, time: Option<DateTime<Utc>>) -> &mut Self {
        match time {
            Some(time) => self.time(time),
            None => self.null(),
        }
    }

    pub fn date(&mut self, date: NaiveDate) -> &mut Self {
        self.text(&date.format("%Y-%m-%d").to_string())
    }

    pub fn opt_date(&mut self, date: Option<NaiveDate>) -> &mut Self {
        match date {
            Some(date) => self.text(&date.format("%Y-%m-%d").to_string()),
            None => self.null(),
        }
    }

    pub fn int(&mut self, n: i64) -> &mut Self {
        write!(self.next(), "{n}").unwrap();
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.next().push_str(if b { "TRUE" } else { "FALSE" });
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.next().push_str("NULL");
        self
    }
}

impl Table {
    pub fn new(backend: Backend, table: &str, columns: &str) -> Self {
        Self {
            header: format!("INSERT INTO {table} ({columns}) VALUES "),
            backend,
            current: String::new(),
            in_current: 0,
            done: Vec::new(),
            rows: 0,
        }
    }

    pub fn row(&mut self, fill: impl FnOnce(&mut Row<'_>)) {
        if self.in_current == 0 {
            self.current.push_str(&self.header);
        } else {
            self.current.push(',');
        }
        self.current.push('(');
        fill(&mut Row { out: &mut self.current, backend: self.backend, first: true });
        self.current.push(')');
        self.in_current += 1;
        self.rows += 1;
        if self.in_current == ROWS_PER_STATEMENT {
            self.finish();
        }
    }

    pub fn finish(&mut self) {
        if self.in_current > 0 {
            self.done.push(std::mem::take(&mut self.current));
            self.in_current = 0;
        }
    }

    pub fn take(&mut self) -> Vec<String> {
        self.finish();
        std::mem::take(&mut self.done)
    }
}

/// Writes everything pending in `tables`, in their order (parents first), in one transaction.
pub async fn flush(db: &Db, tables: &mut [&mut Table]) {
    let statements: Vec<String> = tables.iter_mut().flat_map(|t| t.take()).collect();
    if statements.is_empty() {
        return;
    }
    // Unprepared (`raw_sql`): each statement is large and runs once, so none is cached.
    match db.pool() {
        Pool::Sqlite(pool) => {
            let mut tx = pool.begin().await.expect("begin");
            for statement in statements {
                sqlx::raw_sql(sqlx::AssertSqlSafe(statement)).execute(&mut *tx).await.expect("bulk insert");
            }
            tx.commit().await.expect("commit");
        }
        Pool::Postgres(pool) => {
            let mut tx = pool.begin().await.expect("begin");
            for statement in statements {
                sqlx::raw_sql(sqlx::AssertSqlSafe(statement)).execute(&mut *tx).await.expect("bulk insert");
            }
            tx.commit().await.expect("commit");
        }
    }
}
