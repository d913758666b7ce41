//! Many rows of one table in few INSERTs: rows written together go in statements of 32, 16, 8, 4,
//! 2 or 1 rows (the largest that fits first), so a batch of 100 is four statements, not 100, and
//! each table has only six statement texts to prepare.

use std::sync::OnceLock;

use super::{Param, Tx};

/// How many rows one INSERT holds, largest first.
const CHUNKS: [usize; 6] = [32, 16, 8, 4, 2, 1];

/// The INSERT of rows of `N` columns: `head` is `INSERT INTO table (column, …)`, without `VALUES`.
pub struct InsertRows<const N: usize> {
    head: &'static str,
    /// What follows the rows (`ON CONFLICT …`, `RETURNING …`); `{after}` in it stands for the
    /// place of one more parameter, after the rows' own.
    tail: &'static str,
    texts: OnceLock<Vec<String>>,
}

impl<const N: usize> InsertRows<N> {
    pub const fn new(head: &'static str) -> Self {
        Self::with_tail(head, "")
    }

    pub const fn with_tail(head: &'static str, tail: &'static str) -> Self {
        Self { head, tail, texts: OnceLock::new() }
    }

    /// The statement for `rows` rows (one of [`CHUNKS`]).
    fn text(&'static self, rows: usize) -> &'static str {
        let texts = self.texts.get_or_init(|| {
            CHUNKS
                .iter()
                .map(|&rows| {
                    let values: Vec<String> = (0..rows)
                        .map(|row| {
                            let places: Vec<String> = (1..=N).map(|i| format!("${}", row * N + i)).collect();
                            format!("({})", places.join(", "))
                        })
                        .collect();
                    let tail = self.tail.replace("{after}", &format!("${}", rows * N + 1));
                    format!("{} VALUES {} {tail}", self.head, values.join(", ")).trim_end().to_string()
                })
                .collect()
        });
        let at = CHUNKS.iter().position(|&r| r == rows).unwrap_or(CHUNKS.len() - 1);
        texts[at].as_str()
    }

    /// The statement for a single row.
    pub fn one(&'static self) -> &'static str {
        self.text(1)
    }

    /// `rows` in chunks, in order, each with the statement that inserts it.
    pub fn chunks<'r, R>(&'static self, rows: &'r [R]) -> impl Iterator<Item = (&'static str, &'r [R])> {
        let mut rest = rows;
        std::iter::from_fn(move || {
            let size = CHUNKS.into_iter().find(|&size| size <= rest.len())?;
            let (chunk, after) = rest.split_at(size);
            rest = after;
            Some((self.text(size), chunk))
        })
    }

    /// Inserts `rows`, in order, each as `params` gives its columns.
    pub async fn write<R>(
        &'static self,
        tx: &mut Tx,
        rows: &[R],
        params: impl Fn(&R) -> [&dyn Param; N],
    ) -> Result<(), sqlx::Error> {
        for (statement, chunk) in self.chunks(rows) {
            let values: Vec<&dyn Param> = chunk.iter().flat_map(&params).collect();
            tx.sql().execute(statement, &values).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static PAIRS: InsertRows<2> = InsertRows::new("INSERT INTO t (a, b)");

    #[test]
    fn each_row_has_its_own_numbered_places() {
        assert_eq!(PAIRS.text(1), "INSERT INTO t (a, b) VALUES ($1, $2)");
        assert_eq!(PAIRS.text(4), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8)");
        assert!(PAIRS.text(32).ends_with("($63, $64)"));
        static UPSERT: InsertRows<2> =
            InsertRows::with_tail("INSERT INTO t (a, b)", "ON CONFLICT (a) DO UPDATE SET b = {after}");
        assert_eq!(
            UPSERT.text(2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT (a) DO UPDATE SET b = $5"
        );
    }

    #[tokio::test]
    async fn every_row_is_written_in_order_whatever_the_count() {
        let db = super::super::Db::connect("sqlite::memory:").await.unwrap();
        db.sql().execute("CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL)", &[]).await.unwrap();
        for count in [0_i64, 1, 7, 32, 100] {
            let rows: Vec<(i64, String)> = (0..count).map(|i| (i, format!("rad {i}"))).collect();
            let mut tx = db.begin().await.unwrap();
            PAIRS.write(&mut tx, &rows, |(a, b)| [a, b]).await.unwrap();
            tx.commit().await.unwrap();
            let written: Vec<(i64, String)> =
                db.sql().all("SELECT a, b FROM t ORDER BY rowid", &[]).await.unwrap();
            assert_eq!(written, rows, "{count} rows");
            db.sql().execute("DELETE FROM t", &[]).await.unwrap();
        }
    }
}
