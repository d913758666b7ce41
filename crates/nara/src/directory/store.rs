//! Storage of the directory: entries with a version per change, referrals, the change log the
//! search index follows, and anonymous counts.

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::{Entry, EntryKind, OpeningHours, WayIn};
use crate::db::{Db, UtcTime};
use crate::on_pool;

macro_rules! select_entries {
    ($clause:literal) => {
        concat!(
            "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, age_min, ",
            "age_max, languages, phone, email, website, street_address, postal_code, city, hours, ",
            "premises_accessibility, way_in, org_number, published, confirmed_at, updated_at ",
            "FROM directory_entries ",
            $clause
        )
    };
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: Uuid,
    slug: String,
    kind: String,
    name: String,
    description_sv: String,
    description_en: Option<String>,
    areas: String,
    target_groups: String,
    age_min: Option<i32>,
    age_max: Option<i32>,
    languages: String,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    street_address: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    hours: Option<String>,
    premises_accessibility: Option<String>,
    way_in: String,
    org_number: Option<String>,
    published: bool,
    confirmed_at: UtcTime,
    updated_at: UtcTime,
}

impl TryFrom<EntryRow> for Entry {
    type Error = anyhow::Error;

    fn try_from(row: EntryRow) -> anyhow::Result<Self> {
        let list =
            |json: &str| serde_json::from_str::<Vec<String>>(json).context("a list column is not JSON");
        Ok(Entry {
            id: row.id,
            kind: EntryKind::from_code(&row.kind).context("unknown entry kind")?,
            way_in: WayIn::from_code(&row.way_in).context("unknown way in")?,
            areas: list(&row.areas)?,
            target_groups: list(&row.target_groups)?,
            languages: list(&row.languages)?,
            hours: row
                .hours
                .as_deref()
                .map(serde_json::from_str::<OpeningHours>)
                .transpose()
                .context("opening hours are not valid JSON")?,
            slug: row.slug,
            name: row.name,
            description_sv: row.description_sv,
            description_en: row.description_en,
            age_min: row.age_min,
            age_max: row.age_max,
            phone: row.phone,
            email: row.email,
            website: row.website,
            street_address: row.street_address,
            postal_code: row.postal_code,
            city: row.city,
            premises_accessibility: row.premises_accessibility,
            org_number: row.org_number,
            published: row.published,
            confirmed_at: row.confirmed_at,
            updated_at: row.updated_at,
        })
    }
}

fn entries(rows: Vec<EntryRow>) -> anyhow::Result<Vec<Entry>> {
    rows.into_iter().map(Entry::try_from).collect()
}

/// One version of an entry: who changed it and when.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EntryVersion {
    pub version: i32,
    pub changed_by: Option<Uuid>,
    pub changed_at: UtcTime,
    pub snapshot: String,
}

/// A query that found nothing, with how often it was asked that week.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MissedQuery {
    pub query: String,
    pub count: i64,
}

/// One ISO week of counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountsWeek {
    pub week: String,
    pub searches: i64,
    pub views: i64,
    pub no_results: i64,
}

/// What is counted. Never with anything that identifies who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Search,
    View,
    NoResult,
}

impl Measure {
    fn code(self) -> &'static str {
        match self {
            Self::Search => "search",
            Self::View => "view",
            Self::NoResult => "no_result",
        }
    }
}

/// `2026-W49`: the ISO week a day is in.
pub fn iso_week(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

impl Db {
    /// Saves an entry (new or changed) as one transaction: the row, a new version with who made
    /// the change, and a line in the change log that every search index follows.
    pub async fn save_entry(&self, entry: &Entry, changed_by: Option<Uuid>) -> anyhow::Result<()> {
        let snapshot = serde_json::to_string(entry)?;
        let hours = entry.hours.as_ref().map(serde_json::to_string).transpose()?;
        let now = UtcTime::now();
        let upsert = "INSERT INTO directory_entries (id, slug, kind, name, description_sv, description_en, \
             areas, target_groups, age_min, age_max, languages, phone, email, website, street_address, \
             postal_code, city, hours, premises_accessibility, way_in, org_number, published, confirmed_at, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
             $20, $21, $22, $23, $24, $24) \
             ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, kind = excluded.kind, name = excluded.name, \
             description_sv = excluded.description_sv, description_en = excluded.description_en, \
             areas = excluded.areas, target_groups = excluded.target_groups, age_min = excluded.age_min, \
             age_max = excluded.age_max, languages = excluded.languages, phone = excluded.phone, \
             email = excluded.email, website = excluded.website, street_address = excluded.street_address, \
             postal_code = excluded.postal_code, city = excluded.city, hours = excluded.hours, \
             premises_accessibility = excluded.premises_accessibility, way_in = excluded.way_in, \
             org_number = excluded.org_number, published = excluded.published, \
             confirmed_at = excluded.confirmed_at, updated_at = excluded.updated_at";
        let version = "INSERT INTO directory_entry_versions (entry_id, version, changed_by, changed_at, snapshot) \
             SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4 FROM directory_entry_versions WHERE entry_id = $1";
        let change = "INSERT INTO directory_changes (entry_id, changed_at) VALUES ($1, $2)";
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(upsert)
                .bind(entry.id)
                .bind(&entry.slug)
                .bind(entry.kind.code())
                .bind(&entry.name)
                .bind(&entry.description_sv)
                .bind(&entry.description_en)
                .bind(serde_json::to_string(&entry.areas)?)
                .bind(serde_json::to_string(&entry.target_groups)?)
                .bind(entry.age_min)
                .bind(entry.age_max)
                .bind(serde_json::to_string(&entry.languages)?)
                .bind(&entry.phone)
                .bind(&entry.email)
                .bind(&entry.website)
                .bind(&entry.street_address)
                .bind(&entry.postal_code)
                .bind(&entry.city)
                .bind(&hours)
                .bind(&entry.premises_accessibility)
                .bind(entry.way_in.code())
                .bind(&entry.org_number)
                .bind(entry.published)
                .bind(entry.confirmed_at)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(version).bind(entry.id).bind(changed_by).bind(now).bind(&snapshot).execute(&mut *tx).await?;
            sqlx::query(change).bind(entry.id).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn entry_by_slug(&self, slug: &str) -> anyhow::Result<Option<Entry>> {
        let sql = select_entries!("WHERE slug = $1");
        let row =
            on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(slug).fetch_optional(pool).await)?;
        row.map(Entry::try_from).transpose()
    }

    pub async fn entries_by_ids(&self, ids: &[Uuid]) -> anyhow::Result<Vec<Entry>> {
        let mut found = Vec::with_capacity(ids.len());
        // Small batches keep the statement portable (no arrays in SQLite) and its size bounded.
        for batch in ids.chunks(200) {
            let placeholders = (1..=batch.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
            let sql = format!("{} WHERE id IN ({placeholders})", select_entries!(""));
            let rows = on_pool!(self, pool => {
                // Only numbered placeholders are formatted in; every value is bound.
                let mut query = sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql.as_str()));
                for id in batch {
                    query = query.bind(*id);
                }
                query.fetch_all(pool).await
            })?;
            found.extend(entries(rows)?);
        }
        Ok(found)
    }

    /// Published entries in name order, a page at a time (for open data).
    pub async fn published_entries(&self, offset: i64, limit: i64) -> anyhow::Result<Vec<Entry>> {
        let sql = select_entries!("WHERE published ORDER BY name, id LIMIT $1 OFFSET $2");
        let rows = on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(limit).bind(offset).fetch_all(pool).await)?;
        entries(rows)
    }

    /// Published entries in id order after `after`, a batch at a time: walking the whole directory
    /// this way costs the same per batch however far in it is (OFFSET would not).
    pub async fn published_entries_after(
        &self,
        after: Option<Uuid>,
        limit: i64,
    ) -> anyhow::Result<Vec<Entry>> {
        let rows = match after {
            None => {
                let sql = select_entries!("WHERE published ORDER BY id LIMIT $1");
                on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(limit).fetch_all(pool).await)?
            }
            Some(after) => {
                let sql = select_entries!("WHERE published AND id > $1 ORDER BY id LIMIT $2");
                on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(after).bind(limit).fetch_all(pool).await)?
            }
        };
        entries(rows)
    }

    pub async fn count_published_entries(&self) -> anyhow::Result<i64> {
        let sql = "SELECT COUNT(*) FROM directory_entries WHERE published";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }

    pub async fn entry_versions(&self, entry_id: Uuid) -> anyhow::Result<Vec<EntryVersion>> {
        let sql = "SELECT version, changed_by, changed_at, snapshot FROM directory_entry_versions \
                   WHERE entry_id = $1 ORDER BY version";
        Ok(
            on_pool!(self, pool => sqlx::query_as::<_, EntryVersion>(sql).bind(entry_id).fetch_all(pool).await)?,
        )
    }

    /// The newest position in the change log (0 when nothing has changed yet).
    pub async fn last_directory_change(&self) -> anyhow::Result<i64> {
        let sql = "SELECT COALESCE(MAX(seq), 0) FROM directory_changes";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)?)
    }

    /// The entry a change was about.
    pub async fn directory_change(&self, seq: i64) -> anyhow::Result<Option<Uuid>> {
        let sql = "SELECT entry_id FROM directory_changes WHERE seq = $1";
        Ok(on_pool!(self, pool => sqlx::query_scalar::<_, Uuid>(sql).bind(seq).fetch_optional(pool).await)?)
    }

    /// Changes after `after`, oldest first.
    pub async fn directory_changes_since(&self, after: i64, limit: i64) -> anyhow::Result<Vec<(i64, Uuid)>> {
        let sql = "SELECT seq, entry_id FROM directory_changes WHERE seq > $1 ORDER BY seq LIMIT $2";
        Ok(
            on_pool!(self, pool => sqlx::query_as::<_, (i64, Uuid)>(sql).bind(after).bind(limit).fetch_all(pool).await)?,
        )
    }

    /// Links an entry to another for needs it does not cover. Suggestions wait for staff.
    pub async fn add_referral(
        &self,
        from: Uuid,
        to: Uuid,
        accepted: bool,
        by: Option<Uuid>,
    ) -> anyhow::Result<()> {
        let sql = "INSERT INTO directory_referrals (from_entry, to_entry, status, suggested_by, created_at) \
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT (from_entry, to_entry) DO UPDATE SET status = excluded.status";
        let status = if accepted { "accepted" } else { "suggested" };
        on_pool!(self, pool => sqlx::query(sql).bind(from).bind(to).bind(status).bind(by).bind(UtcTime::now())
            .execute(pool).await.map(drop))?;
        Ok(())
    }

    /// The published entries an entry refers people on to.
    pub async fn referrals_from(&self, from: Uuid) -> anyhow::Result<Vec<Entry>> {
        let sql = select_entries!(
            "WHERE published AND id IN (SELECT to_entry FROM directory_referrals \
             WHERE from_entry = $1 AND status = 'accepted') ORDER BY name"
        );
        let rows =
            on_pool!(self, pool => sqlx::query_as::<_, EntryRow>(sql).bind(from).fetch_all(pool).await)?;
        entries(rows)
    }

    /// Adds `n` to a day's count of a measure.
    pub async fn count_directory_use(&self, measure: Measure, day: NaiveDate, n: i64) -> anyhow::Result<()> {
        let sql = "INSERT INTO directory_counts (day, measure, count) VALUES ($1, $2, $3) \
                   ON CONFLICT (day, measure) DO UPDATE SET count = directory_counts.count + excluded.count";
        on_pool!(self, pool => sqlx::query(sql).bind(day).bind(measure.code()).bind(n).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// Counts `n` times a query that found nothing, in its normalised form, for the week.
    pub async fn count_missed_query(&self, query: &str, day: NaiveDate, n: i64) -> anyhow::Result<()> {
        let sql = "INSERT INTO directory_missed_queries (week, query, count) VALUES ($1, $2, $3) \
                   ON CONFLICT (week, query) DO UPDATE SET count = directory_missed_queries.count + excluded.count";
        on_pool!(self, pool => sqlx::query(sql).bind(iso_week(day)).bind(query).bind(n).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// The most common queries that found nothing, over the given weeks.
    pub async fn missed_queries(&self, weeks: &[String], limit: i64) -> anyhow::Result<Vec<MissedQuery>> {
        if weeks.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (2..weeks.len() + 2).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT query, CAST(SUM(count) AS BIGINT) AS count FROM directory_missed_queries WHERE week IN ({placeholders}) \
             GROUP BY query ORDER BY SUM(count) DESC, query LIMIT $1"
        );
        let rows = on_pool!(self, pool => {
            // Only numbered placeholders are formatted in; every value is bound.
            let mut query = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql.as_str())).bind(limit);
            for week in weeks {
                query = query.bind(week);
            }
            query.fetch_all(pool).await
        })?;
        Ok(rows.into_iter().map(|(query, count)| MissedQuery { query, count }).collect())
    }

    /// Counts per ISO week for the days from `since`, newest week first.
    pub async fn directory_counts_since(&self, since: NaiveDate) -> anyhow::Result<Vec<CountsWeek>> {
        let sql = "SELECT day, measure, count FROM directory_counts WHERE day >= $1";
        let rows = on_pool!(self, pool => sqlx::query_as::<_, (NaiveDate, String, i64)>(sql).bind(since).fetch_all(pool).await)?;
        let mut weeks: Vec<CountsWeek> = Vec::new();
        for (day, measure, count) in rows {
            let week = iso_week(day);
            let index = match weeks.iter().position(|w| w.week == week) {
                Some(index) => index,
                None => {
                    weeks.push(CountsWeek { week, ..Default::default() });
                    weeks.len() - 1
                }
            };
            let line = &mut weeks[index];
            match measure.as_str() {
                "search" => line.searches += count,
                "view" => line.views += count,
                _ => line.no_results += count,
            }
        }
        weeks.sort_by(|a, b| b.week.cmp(&a.week));
        Ok(weeks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_iso_weeks() {
        assert_eq!(iso_week(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()), "2026-W49");
        // 1 January 2027 is a Friday: it belongs to the last week of 2026.
        assert_eq!(iso_week(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()), "2026-W53");
    }
}
