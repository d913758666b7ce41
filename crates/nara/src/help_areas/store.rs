use std::sync::Arc;

use super::HelpArea;
use crate::db::{Db, Param, UtcTime};

/// All areas of help in the order they are shown.
pub async fn list(db: &Db) -> anyhow::Result<Arc<Vec<HelpArea>>> {
    let sql = "SELECT slug, position, name_sv, name_en, summary_sv, summary_en \
               FROM help_areas ORDER BY position, slug";
    db.remembered("help_areas::list", String::new(), || async { Ok(db.sql().all(sql, &[]).await?) }).await
}

/// The areas of help the home page offers as ways in (the search offers every area).
pub async fn on_home_page(db: &Db) -> anyhow::Result<Arc<Vec<HelpArea>>> {
    let sql = "SELECT slug, position, name_sv, name_en, summary_sv, summary_en \
               FROM help_areas WHERE on_home_page ORDER BY position, slug";
    db.remembered("help_areas::on_home_page", String::new(), || async { Ok(db.sql().all(sql, &[]).await?) })
        .await
}

/// Adds an area of help or replaces the texts of the one with the same slug.
pub async fn upsert(db: &Db, area: &HelpArea) -> anyhow::Result<()> {
    let sql = "INSERT INTO help_areas \
               (slug, position, name_sv, name_en, summary_sv, summary_en, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) \
               ON CONFLICT (slug) DO UPDATE SET position = excluded.position, \
               name_sv = excluded.name_sv, name_en = excluded.name_en, \
               summary_sv = excluded.summary_sv, summary_en = excluded.summary_en, \
               updated_at = excluded.updated_at";
    let now = UtcTime::now();
    let params: [&dyn Param; 7] =
        [&area.slug, &area.position, &area.name_sv, &area.name_en, &area.summary_sv, &area.summary_en, &now];
    db.sql().execute(sql, &params).await?;
    Ok(())
}
