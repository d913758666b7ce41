use super::HelpArea;
use crate::db::{Db, UtcTime};
use crate::on_pool;

impl Db {
    /// All areas of help in the order they are shown.
    pub async fn list_help_areas(&self) -> anyhow::Result<Vec<HelpArea>> {
        let sql = "SELECT slug, position, name_sv, name_en, summary_sv, summary_en \
                   FROM help_areas ORDER BY position, slug";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, HelpArea>(sql).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// The areas of help the home page offers as ways in (the search offers every area).
    pub async fn home_help_areas(&self) -> anyhow::Result<Vec<HelpArea>> {
        let sql = "SELECT slug, position, name_sv, name_en, summary_sv, summary_en \
                   FROM help_areas WHERE on_home_page ORDER BY position, slug";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, HelpArea>(sql).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Adds an area of help or replaces the texts of the one with the same slug.
    pub async fn upsert_help_area(&self, area: &HelpArea) -> anyhow::Result<()> {
        let sql = "INSERT INTO help_areas \
                   (slug, position, name_sv, name_en, summary_sv, summary_en, updated_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7) \
                   ON CONFLICT (slug) DO UPDATE SET position = excluded.position, \
                   name_sv = excluded.name_sv, name_en = excluded.name_en, \
                   summary_sv = excluded.summary_sv, summary_en = excluded.summary_en, \
                   updated_at = excluded.updated_at";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(&area.slug)
            .bind(area.position)
            .bind(&area.name_sv)
            .bind(&area.name_en)
            .bind(&area.summary_sv)
            .bind(&area.summary_en)
            .bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }
}
