//! Storage of the directory: entries with a version per change, referrals, the change log the
//! search index follows, and anonymous counts.

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::{Entry, EntryKind, OpeningHours, WayIn};
use crate::db::{Db, Param, Tx, UtcTime, places};

/// The columns of an entry, in `EntryRow`'s order; each statement below writes them out in full.
/// One statement is assembled at run time (`entries_by_ids`), from this and numbered placeholders.
const ENTRY_COLUMNS: &str = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
     age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
     premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries";

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
    /// Visits to the way in (the home page).
    pub visits: i64,
}

/// What is counted. Never with anything that identifies who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Search,
    View,
    NoResult,
    /// A visit to the way in (the home page).
    Visit,
}

impl Measure {
    fn code(self) -> &'static str {
        match self {
            Self::Search => "search",
            Self::View => "view",
            Self::NoResult => "no_result",
            Self::Visit => "visit",
        }
    }
}

/// `2026-W49`: the ISO week a day is in.
pub fn iso_week(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Saves an entry (new or changed) as one action: see [`write_entry`].
pub async fn save_entry(db: &Db, entry: &Entry, changed_by: Option<Uuid>) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    write_entry(&mut tx, entry, changed_by).await?;
    tx.commit().await?;
    Ok(())
}

/// Writes an entry inside an action's transaction: the row, a new version with who made the
/// change, and a line in the change log that every search index follows.
pub async fn write_entry(tx: &mut Tx, entry: &Entry, changed_by: Option<Uuid>) -> anyhow::Result<()> {
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
    let areas = serde_json::to_string(&entry.areas)?;
    let target_groups = serde_json::to_string(&entry.target_groups)?;
    let languages = serde_json::to_string(&entry.languages)?;
    let params: [&dyn Param; 24] = [
        &entry.id,
        &entry.slug,
        &entry.kind.code(),
        &entry.name,
        &entry.description_sv,
        &entry.description_en,
        &areas,
        &target_groups,
        &entry.age_min,
        &entry.age_max,
        &languages,
        &entry.phone,
        &entry.email,
        &entry.website,
        &entry.street_address,
        &entry.postal_code,
        &entry.city,
        &hours,
        &entry.premises_accessibility,
        &entry.way_in.code(),
        &entry.org_number,
        &entry.published,
        &entry.confirmed_at,
        &now,
    ];
    tx.sql().execute(upsert, &params).await?;
    tx.sql().execute(version, &[&entry.id, &changed_by, &now, &snapshot]).await?;
    tx.sql().execute(change, &[&entry.id, &now]).await?;
    Ok(())
}

/// An entry read inside an action's transaction.
pub async fn entry_in(tx: &mut Tx, id: Uuid) -> anyhow::Result<Option<Entry>> {
    let sql = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
               age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
               premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
               WHERE id = $1";
    let row: Option<EntryRow> = tx.sql().optional(sql, &[&id]).await?;
    row.map(Entry::try_from).transpose()
}

pub async fn entry_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Entry>> {
    let sql = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
               age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
               premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
               WHERE slug = $1";
    let row: Option<EntryRow> = db.sql().optional(sql, &[&slug]).await?;
    row.map(Entry::try_from).transpose()
}

pub async fn entries_by_ids(db: &Db, ids: &[Uuid]) -> anyhow::Result<Vec<Entry>> {
    let mut found = Vec::with_capacity(ids.len());
    // Small batches keep the statement portable (no arrays in SQLite) and its size bounded.
    for batch in ids.chunks(200) {
        let placeholders = places(1, batch.len());
        // Only numbered placeholders are formatted in; every value is bound.
        let sql = sqlx::AssertSqlSafe(format!("{ENTRY_COLUMNS} WHERE id IN ({placeholders})"));
        let params: Vec<&dyn Param> = batch.iter().map(|id| id as &dyn Param).collect();
        let rows: Vec<EntryRow> = db.sql().all(sql, &params).await?;
        found.extend(entries(rows)?);
    }
    Ok(found)
}

/// Published entries in name order, a page at a time (for open data).
pub async fn published_entries(db: &Db, offset: i64, limit: i64) -> anyhow::Result<Vec<Entry>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
         age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
         premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
         WHERE published ORDER BY name, id {}",
        crate::db::page(limit, offset)?
    ));
    entries(db.sql().all(sql, &[]).await?)
}

/// Published entries in id order after `after`, a batch at a time: walking the whole directory
/// this way costs the same per batch however far in it is (OFFSET would not).
pub async fn published_entries_after(db: &Db, after: Option<Uuid>, limit: i64) -> anyhow::Result<Vec<Entry>> {
    let rows: Vec<EntryRow> = match after {
        None => {
            let sql = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
               age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
               premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
               WHERE published ORDER BY id LIMIT $1";
            db.sql().all(sql, &[&limit]).await?
        }
        Some(after) => {
            let sql = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
               age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
               premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
               WHERE published AND id > $1 ORDER BY id LIMIT $2";
            db.sql().all(sql, &[&after, &limit]).await?
        }
    };
    entries(rows)
}

pub async fn count_published_entries(db: &Db) -> anyhow::Result<i64> {
    let sql = "SELECT COUNT(*) FROM directory_entries WHERE published";
    let (count,): (i64,) = db.sql().one(sql, &[]).await?;
    Ok(count)
}

/// The slugs of the areas of help that have at least one published entry. Remembered until the
/// directory or the areas change: an area without entries scans the whole table.
pub async fn areas_with_entries(db: &Db) -> anyhow::Result<std::sync::Arc<Vec<String>>> {
    // `areas` is a JSON array of slugs: `"slug"` with its quotes is one whole element.
    let sql = "SELECT slug FROM help_areas a WHERE EXISTS (SELECT 1 FROM directory_entries e \
               WHERE e.published AND e.areas LIKE '%\"' || a.slug || '\"%') ORDER BY slug";
    db.remembered("directory::areas_with_entries", String::new(), || async {
        Ok(db.sql().column(sql, &[]).await?)
    })
    .await
}

pub async fn entry_versions(db: &Db, entry_id: Uuid) -> anyhow::Result<Vec<EntryVersion>> {
    let sql = "SELECT version, changed_by, changed_at, snapshot FROM directory_entry_versions \
               WHERE entry_id = $1 ORDER BY version";
    Ok(db.sql().all(sql, &[&entry_id]).await?)
}

/// The newest position in the change log (0 when nothing has changed yet).
pub async fn last_directory_change(db: &Db) -> anyhow::Result<i64> {
    let sql = "SELECT COALESCE(MAX(seq), 0) FROM directory_changes";
    let (seq,): (i64,) = db.sql().one(sql, &[]).await?;
    Ok(seq)
}

/// The entry a change was about.
pub async fn directory_change(db: &Db, seq: i64) -> anyhow::Result<Option<Uuid>> {
    let sql = "SELECT entry_id FROM directory_changes WHERE seq = $1";
    Ok(db.sql().value(sql, &[&seq]).await?)
}

/// Changes after `after`, oldest first.
pub async fn directory_changes_since(db: &Db, after: i64, limit: i64) -> anyhow::Result<Vec<(i64, Uuid)>> {
    let sql = "SELECT seq, entry_id FROM directory_changes WHERE seq > $1 ORDER BY seq LIMIT $2";
    Ok(db.sql().all(sql, &[&after, &limit]).await?)
}

/// Links an entry to another for needs it does not cover. Suggestions wait for staff.
pub async fn add_referral(
    db: &Db,
    from: Uuid,
    to: Uuid,
    accepted: bool,
    by: Option<Uuid>,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_referrals (from_entry, to_entry, status, suggested_by, created_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (from_entry, to_entry) DO UPDATE SET status = excluded.status";
    let status = if accepted { "accepted" } else { "suggested" };
    db.sql().execute(sql, &[&from, &to, &status, &by, &UtcTime::now()]).await?;
    Ok(())
}

/// The published entries an entry refers people on to.
pub async fn referrals_from(db: &Db, from: Uuid) -> anyhow::Result<Vec<Entry>> {
    let sql = "SELECT id, slug, kind, name, description_sv, description_en, areas, target_groups, \
               age_min, age_max, languages, phone, email, website, street_address, postal_code, city, hours, \
               premises_accessibility, way_in, org_number, published, confirmed_at, updated_at FROM directory_entries \
               WHERE published AND id IN (SELECT to_entry FROM directory_referrals \
               WHERE from_entry = $1 AND status = 'accepted') ORDER BY name";
    entries(db.sql().all(sql, &[&from]).await?)
}

/// Adds `n` to a day's count of a measure.
pub async fn count_directory_use(db: &Db, measure: Measure, day: NaiveDate, n: i64) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_counts (day, measure, count) VALUES ($1, $2, $3) \
               ON CONFLICT (day, measure) DO UPDATE SET count = directory_counts.count + excluded.count";
    db.sql().execute(sql, &[&day, &measure.code(), &n]).await?;
    Ok(())
}

/// Counts `n` times a query that found nothing, in its normalised form, for the week.
pub async fn count_missed_query(db: &Db, query: &str, day: NaiveDate, n: i64) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_missed_queries (week, query, count) VALUES ($1, $2, $3) \
               ON CONFLICT (week, query) DO UPDATE SET count = directory_missed_queries.count + excluded.count";
    db.sql().execute(sql, &[&iso_week(day), &query, &n]).await?;
    Ok(())
}

/// The most common queries that found nothing, over the given weeks.
pub async fn missed_queries(db: &Db, weeks: &[String], limit: i64) -> anyhow::Result<Vec<MissedQuery>> {
    if weeks.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = places(2, weeks.len());
    // Only numbered placeholders are formatted in; every value is bound.
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT query, CAST(SUM(count) AS BIGINT) AS count FROM directory_missed_queries WHERE week IN ({placeholders}) \
         GROUP BY query ORDER BY SUM(count) DESC, query LIMIT $1"
    ));
    let mut params: Vec<&dyn Param> = vec![&limit];
    params.extend(weeks.iter().map(|week| week as &dyn Param));
    Ok(db.sql().all(sql, &params).await?)
}

/// Counts per ISO week for the days from `since`, newest week first.
pub async fn directory_counts_since(db: &Db, since: NaiveDate) -> anyhow::Result<Vec<CountsWeek>> {
    let sql = "SELECT day, measure, count FROM directory_counts WHERE day >= $1";
    let rows: Vec<(NaiveDate, String, i64)> = db.sql().all(sql, &[&since]).await?;
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
            "visit" => line.visits += count,
            _ => line.no_results += count,
        }
    }
    weeks.sort_by(|a, b| b.week.cmp(&a.week));
    Ok(weeks)
}

/// A request to represent an entry, or a proposed change, waiting for staff.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending {
    pub id: Uuid,
    pub entry_id: Uuid,
    pub entry_name: String,
    pub entry_slug: String,
    pub person_name: String,
    pub note: Option<String>,
}

/// Asks for `person` to represent `entry`; asking again changes nothing.
pub async fn request_representation(
    tx: &mut Tx,
    entry: Uuid,
    person: Uuid,
    note: Option<&str>,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_representatives (id, entry_id, person_id, status, note, requested_at) \
               VALUES ($1, $2, $3, 'pending', $4, $5) ON CONFLICT (entry_id, person_id) DO NOTHING";
    let note = note.map(str::to_owned);
    tx.sql().execute(sql, &[&Uuid::new_v4(), &entry, &person, &note, &UtcTime::now()]).await?;
    Ok(())
}

/// `pending`, `approved` or `declined`, when the person has asked to represent the entry.
pub async fn representation(db: &Db, entry: Uuid, person: Uuid) -> anyhow::Result<Option<String>> {
    let sql = "SELECT status FROM directory_representatives WHERE entry_id = $1 AND person_id = $2";
    Ok(db.sql().value(sql, &[&entry, &person]).await?)
}

/// The entries a person represents or has asked to, with the status of each link.
pub async fn represented_by(db: &Db, person: Uuid) -> anyhow::Result<Vec<(Uuid, String)>> {
    let sql = "SELECT entry_id, status FROM directory_representatives WHERE person_id = $1 AND status <> 'declined'";
    Ok(db.sql().all(sql, &[&person]).await?)
}

pub async fn pending_representations(db: &Db) -> anyhow::Result<Vec<Pending>> {
    let sql = "SELECT r.id, r.entry_id, e.name AS entry_name, e.slug AS entry_slug, \
               p.display_name AS person_name, r.note \
               FROM directory_representatives r JOIN directory_entries e ON e.id = r.entry_id \
               JOIN people p ON p.id = r.person_id WHERE r.status = 'pending' ORDER BY r.requested_at";
    Ok(db.sql().all(sql, &[]).await?)
}

/// Decides a waiting request; the entry it was about and the person who asked, or `None` when it
/// was not waiting.
pub async fn decide_representation(
    tx: &mut Tx,
    id: Uuid,
    approve: bool,
    by: Uuid,
) -> anyhow::Result<Option<(Uuid, Uuid)>> {
    let sql = "UPDATE directory_representatives SET status = $1, decided_by = $2, decided_at = $3 \
               WHERE id = $4 AND status = 'pending' RETURNING entry_id, person_id";
    let status = if approve { "approved" } else { "declined" };
    Ok(tx.sql().optional(sql, &[&status, &by, &UtcTime::now(), &id]).await?)
}

/// Suggested referrals waiting for staff, as (from, to) with the names of both entries.
pub async fn pending_referrals(db: &Db) -> anyhow::Result<Vec<(Uuid, String, String, Uuid, String)>> {
    let sql = "SELECT f.id, f.slug, f.name, t.id, t.name FROM directory_referrals r \
               JOIN directory_entries f ON f.id = r.from_entry JOIN directory_entries t ON t.id = r.to_entry \
               WHERE r.status = 'suggested' ORDER BY r.created_at";
    Ok(db.sql().all(sql, &[]).await?)
}

/// Accepts or removes a suggested referral; false when none was waiting.
pub async fn decide_referral(db: &Db, from: Uuid, to: Uuid, accept: bool) -> anyhow::Result<bool> {
    let sql = if accept {
        "UPDATE directory_referrals SET status = 'accepted' WHERE from_entry = $1 AND to_entry = $2 AND status = 'suggested'"
    } else {
        "DELETE FROM directory_referrals WHERE from_entry = $1 AND to_entry = $2 AND status = 'suggested'"
    };
    Ok(db.sql().execute(sql, &[&from, &to]).await? == 1)
}

pub async fn propose_change(tx: &mut Tx, entry: &Entry, by: Uuid) -> anyhow::Result<()> {
    let sql = "INSERT INTO directory_pending_changes (id, entry_id, proposed_by, proposed_at, snapshot, status) \
               VALUES ($1, $2, $3, $4, $5, 'pending')";
    let snapshot = serde_json::to_string(entry)?;
    tx.sql().execute(sql, &[&Uuid::new_v4(), &entry.id, &by, &UtcTime::now(), &snapshot]).await?;
    Ok(())
}

pub async fn pending_changes(db: &Db) -> anyhow::Result<Vec<(Pending, Entry)>> {
    let sql = "SELECT c.id, c.entry_id, e.name AS entry_name, e.slug AS entry_slug, \
               p.display_name AS person_name, c.snapshot AS note \
               FROM directory_pending_changes c JOIN directory_entries e ON e.id = c.entry_id \
               JOIN people p ON p.id = c.proposed_by WHERE c.status = 'pending' ORDER BY c.proposed_at";
    let rows: Vec<Pending> = db.sql().all(sql, &[]).await?;
    rows.into_iter()
        .map(|mut row| {
            let proposed: Entry = serde_json::from_str(row.note.as_deref().unwrap_or_default())?;
            row.note = None;
            Ok((row, proposed))
        })
        .collect()
}

/// Decides a waiting change, in one transaction: approved, the proposed entry is saved as a new
/// version by its proposer. `false` when it was not waiting.
pub async fn decide_change(db: &Db, id: Uuid, approve: bool, by: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE directory_pending_changes SET status = $1, decided_by = $2, decided_at = $3 \
               WHERE id = $4 AND status = 'pending' RETURNING snapshot, proposed_by";
    let status = if approve { "approved" } else { "declined" };
    let mut tx = db.begin_write().await?;
    let row: Option<(String, Uuid)> = tx.sql().optional(sql, &[&status, &by, &UtcTime::now(), &id]).await?;
    let Some((snapshot, proposer)) = row else { return Ok(false) };
    if approve {
        let mut proposed: Entry = serde_json::from_str(&snapshot)?;
        // Facts confirmed since the proposal are not turned back.
        let sql = "SELECT confirmed_at FROM directory_entries WHERE slug = $1";
        if let Some(confirmed_at) = tx.sql().value::<UtcTime>(sql, &[&proposed.slug]).await? {
            proposed.confirmed_at = proposed.confirmed_at.max(confirmed_at);
        }
        write_entry(&mut tx, &proposed, Some(proposer)).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Published entries whose facts were last confirmed before `before`, oldest first.
pub async fn entries_confirmed_before(
    db: &Db,
    before: UtcTime,
    limit: i64,
) -> anyhow::Result<Vec<(String, String, UtcTime)>> {
    let sql = "SELECT slug, name, confirmed_at FROM directory_entries WHERE published AND confirmed_at < $1 \
               ORDER BY confirmed_at LIMIT $2";
    Ok(db.sql().all(sql, &[&before, &limit]).await?)
}

/// Entries due for a reminder to confirm (confirmed before `before`, not reminded since
/// `reminded_before`), with where to send it: approved representatives, else the entry's e-mail.
pub async fn confirmation_reminders_due(
    db: &Db,
    before: UtcTime,
    reminded_before: UtcTime,
) -> anyhow::Result<Vec<(Uuid, String, String)>> {
    let sql = "SELECT e.id, e.name, COALESCE(p.email, e.email) FROM directory_entries e \
               LEFT JOIN directory_representatives r ON r.entry_id = e.id AND r.status = 'approved' \
               LEFT JOIN people p ON p.id = r.person_id \
               WHERE e.published AND e.confirmed_at < $1 \
               AND (e.confirm_reminded_at IS NULL OR e.confirm_reminded_at < $2) \
               AND COALESCE(p.email, e.email) IS NOT NULL LIMIT 500";
    Ok(db.sql().all(sql, &[&before, &reminded_before]).await?)
}

/// Marks an entry reminded; false when another process did it first.
pub async fn claim_confirmation_reminder(
    tx: &mut Tx,
    entry: Uuid,
    reminded_before: UtcTime,
) -> anyhow::Result<bool> {
    let sql = "UPDATE directory_entries SET confirm_reminded_at = $1 WHERE id = $2 \
               AND (confirm_reminded_at IS NULL OR confirm_reminded_at < $3)";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &entry, &reminded_before]).await? == 1)
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
