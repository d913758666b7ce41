//! The events feature's storage: series, occurrences, registrations with their waitlist, theme
//! suggestions, documents and private calendar feeds.
//!
//! Reads and whole actions of one statement take the `Db`. A write that is part of a user
//! action takes the action's `Tx` and does not commit: the handler begins the transaction,
//! adds the action's audit entries and e-mails to it, and commits them together.

use std::sync::Arc;

use uuid::Uuid;

use super::recurrence::Rule;
use super::{Cancellation, Occurrence, Promoted, RegistrationStatus, Series};
use crate::db::{Backend, Db, InsertRows, Param, Tx, UtcTime};

/// Everything a new series needs besides its rule.
#[derive(Debug, Clone)]
pub struct NewSeries {
    pub series: Series,
}

/// Who registers.
#[derive(Debug, Clone)]
pub struct Registrant {
    pub person_id: Option<Uuid>,
    pub name: String,
    pub email: String,
    pub needs: Option<String>,
    /// The language they registered in: reminders and notices come in it.
    pub locale: crate::i18n::Locale,
}

/// Which public series a calendar shows: `None` admits every value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeriesFilter {
    pub organiser: Option<String>,
    /// The audience as written in Swedish.
    pub audience: Option<String>,
    /// The slug of an area of help.
    pub area: Option<String>,
}

impl SeriesFilter {
    pub fn is_empty(&self) -> bool {
        self.organiser.is_none() && self.audience.is_none() && self.area.is_none()
    }
}

/// One registration made by `register_all`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub occurrence_id: Uuid,
    pub registration_id: Uuid,
    pub status: RegistrationStatus,
    /// Shared by registrations made together for a whole series.
    pub group_id: Option<Uuid>,
}

/// A registration as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegistrationView {
    pub id: Uuid,
    pub occurrence_id: Uuid,
    pub person_id: Option<Uuid>,
    pub name: String,
    pub email: String,
    pub status: String,
    pub needs: Option<String>,
    pub group_id: Option<Uuid>,
    pub attended: Option<bool>,
    /// The language they registered in.
    pub locale: String,
}

impl RegistrationView {
    pub fn status(&self) -> RegistrationStatus {
        RegistrationStatus::parse(&self.status).unwrap_or(RegistrationStatus::Cancelled)
    }
}

/// A theme suggestion as the organisers see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Suggestion {
    pub id: Uuid,
    pub suggestion: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub status: String,
}

/// A document as a meeting page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentInfo {
    pub id: Uuid,
    pub title: String,
    pub size_bytes: i32,
}

impl DocumentInfo {
    /// The size for people: `340 kB`.
    pub fn size(&self) -> String {
        format!("{} kB", (i64::from(self.size_bytes) + 999) / 1000)
    }
}

// The column lists below are written out in each statement (no macros): the `Series`,
// `Occurrence` and `RegistrationView` rows decode them by name, so a statement that misses one
// fails every test that reads it.

const INSERT_SERIES: &str = "INSERT INTO event_series (id, slug, title_sv, title_en, summary_sv, summary_en, \
     has_themes, organiser_name, organiser_unit_id, audience_sv, audience_en, venue_name, venue_address, \
     venue_accessibility_sv, venue_accessibility_en, online_url, price_sv, price_en, contact_name, contact_email, \
     contact_phone, rule, capacity, public, help_area, entry_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
     $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)";

const SERIES_BY_SLUG: &str = "SELECT id, slug, title_sv, title_en, summary_sv, summary_en, has_themes, \
     organiser_name, organiser_unit_id, audience_sv, audience_en, venue_name, venue_address, \
     venue_accessibility_sv, venue_accessibility_en, online_url, price_sv, price_en, contact_name, contact_email, \
     contact_phone, rule, capacity, public, help_area, entry_id FROM event_series WHERE slug = $1";

const SERIES_BY_ID: &str = "SELECT id, slug, title_sv, title_en, summary_sv, summary_en, has_themes, \
     organiser_name, organiser_unit_id, audience_sv, audience_en, venue_name, venue_address, \
     venue_accessibility_sv, venue_accessibility_en, online_url, price_sv, price_en, contact_name, contact_email, \
     contact_phone, rule, capacity, public, help_area, entry_id FROM event_series WHERE id = $1";

const ALL_SERIES: &str = "SELECT id, slug, title_sv, title_en, summary_sv, summary_en, has_themes, \
     organiser_name, organiser_unit_id, audience_sv, audience_en, venue_name, venue_address, \
     venue_accessibility_sv, venue_accessibility_en, online_url, price_sv, price_en, contact_name, contact_email, \
     contact_phone, rule, capacity, public, help_area, entry_id FROM event_series ORDER BY title_sv";

const PUBLIC_SERIES: &str = "SELECT id, slug, title_sv, title_en, summary_sv, summary_en, has_themes, \
     organiser_name, organiser_unit_id, audience_sv, audience_en, venue_name, venue_address, \
     venue_accessibility_sv, venue_accessibility_en, online_url, price_sv, price_en, contact_name, contact_email, \
     contact_phone, rule, capacity, public, help_area, entry_id FROM event_series WHERE public = TRUE ORDER BY title_sv";

const INSERT_OCCURRENCE: &str = "INSERT INTO event_occurrences (id, series_id, position, starts_at, ends_at, \
     capacity) VALUES ($1, $2, $3, $4, $5, $6)";

const OCCURRENCES_OF: &str = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, theme_en, \
     agenda_sv, agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences \
     WHERE series_id = $1 ORDER BY position";

const OCCURRENCE_AT: &str = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, theme_en, \
     agenda_sv, agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences \
     WHERE series_id = $1 AND position = $2";

const OCCURRENCE: &str = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, theme_en, \
     agenda_sv, agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences WHERE id = $1";

const PUBLIC_OCCURRENCES: &str = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, \
     theme_en, agenda_sv, agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences \
     WHERE ends_at > $1 AND ($2 IS NULL OR starts_at < $2) AND series_id IN \
     (SELECT id FROM event_series WHERE public = TRUE AND ($3 IS NULL OR organiser_name = $3) \
      AND ($4 IS NULL OR audience_sv = $4) AND ($5 IS NULL OR help_area = $5)) \
     ORDER BY starts_at, id";

const OCCURRENCES_REGISTERED_BY: &str = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, \
     theme_en, agenda_sv, agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences \
     WHERE id IN (SELECT occurrence_id FROM event_registrations WHERE person_id = $1 \
     AND status <> 'cancelled') ORDER BY starts_at, id";

const REGISTRATION: &str = "SELECT id, occurrence_id, person_id, name, email, status, needs, group_id, attended, \
     locale FROM event_registrations WHERE id = $1";

/// Everyone registered for an occurrence, confirmed first, then the waitlist in order.
const REGISTRATIONS_FOR: &str = "SELECT id, occurrence_id, person_id, name, email, status, needs, group_id, \
     attended, locale FROM event_registrations WHERE occurrence_id = $1 AND status <> 'cancelled' \
     ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, queue, id";

const REGISTRATIONS_IN_GROUP: &str = "SELECT r.id, r.occurrence_id, r.person_id, r.name, r.email, r.status, \
     r.needs, r.group_id, r.attended, r.locale FROM event_registrations r \
     JOIN event_occurrences o ON o.id = r.occurrence_id WHERE r.group_id = $1 ORDER BY o.starts_at, o.id";

/// An optional text as a parameter: sqlx encodes an `Option` only of a value that lives for
/// every statement lifetime, which a borrowed `&str` does not.
fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

/// Creates a series and its occurrences from the rule, in one transaction.
pub async fn create_series(db: &Db, new: &NewSeries, rule: &Rule) -> anyhow::Result<Uuid> {
    let mut tx = db.begin().await?;
    let id = create_series_in(&mut tx, new, rule).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates a series and its occurrences as part of another action's transaction (another
/// feature's dates that belong in the public calendar).
pub async fn create_series_in(tx: &mut Tx, new: &NewSeries, rule: &Rule) -> anyhow::Result<Uuid> {
    rule.validate()?;
    let s = &new.series;
    // `/kalender/min/…` is everyone's private feed.
    anyhow::ensure!(s.slug != "min", "the slug \"min\" is reserved");
    let occurrences = rule.occurrences(500);
    let stored_rule = rule.to_storage();
    let now = UtcTime::now();
    let params: [&dyn Param; 27] = [
        &s.id,
        &s.slug,
        &s.title_sv,
        &s.title_en,
        &s.summary_sv,
        &s.summary_en,
        &s.has_themes,
        &s.organiser_name,
        &s.organiser_unit_id,
        &s.audience_sv,
        &s.audience_en,
        &s.venue_name,
        &s.venue_address,
        &s.venue_accessibility_sv,
        &s.venue_accessibility_en,
        &s.online_url,
        &s.price_sv,
        &s.price_en,
        &s.contact_name,
        &s.contact_email,
        &s.contact_phone,
        &stored_rule,
        &s.capacity,
        &s.public,
        &s.help_area,
        &s.entry_id,
        &now,
    ];
    tx.sql().execute(INSERT_SERIES, &params).await?;
    for occurrence in &occurrences {
        let position = i32::try_from(occurrence.index)?;
        let (starts_at, ends_at) = (UtcTime(occurrence.starts_at), UtcTime(occurrence.ends_at));
        let id = Uuid::new_v4();
        let params: [&dyn Param; 6] = [&id, &s.id, &position, &starts_at, &ends_at, &s.capacity];
        tx.sql().execute(INSERT_OCCURRENCE, &params).await?;
    }
    Ok(s.id)
}

pub async fn series_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Series>> {
    Ok(db.sql().optional(SERIES_BY_SLUG, &[&slug]).await?)
}

/// The public series at `slug`, remembered until the events change: every public page of a
/// series or a meeting, and every registration, starts here.
pub async fn public_series_at(db: &Db, slug: &str) -> anyhow::Result<Arc<Option<Series>>> {
    db.remembered("events::public_series_at", slug.to_string(), || async {
        Ok(series_by_slug(db, slug).await?.filter(|s| s.public))
    })
    .await
}

pub async fn series(db: &Db, id: Uuid) -> anyhow::Result<Option<Series>> {
    Ok(db.sql().optional(SERIES_BY_ID, &[&id]).await?)
}

/// The series a unit organises (every series for `None`), by title.
pub async fn series_organised_by(db: &Db, units: &[Uuid]) -> anyhow::Result<Vec<Series>> {
    let all: Vec<Series> = db.sql().all(ALL_SERIES, &[]).await?;
    Ok(all.into_iter().filter(|s| s.organiser_unit_id.is_some_and(|u| units.contains(&u))).collect())
}

/// Every public series, by title.
pub async fn public_series(db: &Db) -> anyhow::Result<Arc<Vec<Series>>> {
    db.remembered("events::public_series", String::new(), || async {
        Ok(db.sql().all(PUBLIC_SERIES, &[]).await?)
    })
    .await
}

pub async fn occurrences_of(db: &Db, series_id: Uuid) -> anyhow::Result<Vec<Occurrence>> {
    Ok(db.sql().all(OCCURRENCES_OF, &[&series_id]).await?)
}

/// The meetings of a public series (none of one that is not) for its public pages and feed,
/// remembered until the events change (places left included: a registration is a change). A
/// weekly group's page lists every meeting, and reading 500 rows through SQLite's worker thread
/// was most of its cost.
pub async fn public_occurrences_of(db: &Db, series: &Series) -> anyhow::Result<Arc<Vec<Occurrence>>> {
    if !series.public {
        return Ok(Arc::default());
    }
    let id = series.id;
    db.remembered(
        "events::public_occurrences_of",
        id.to_string(),
        || async move { occurrences_of(db, id).await },
    )
    .await
}

/// The occurrence at a position in a series (its address: `/kalender/{slug}/{position}`).
pub async fn occurrence_at(db: &Db, series_id: Uuid, position: i32) -> anyhow::Result<Option<Occurrence>> {
    Ok(db.sql().optional(OCCURRENCE_AT, &[&series_id, &position]).await?)
}

/// [`occurrence_at`] for the public pages, remembered until the events change (the places left
/// included: a registration is a change).
pub async fn remembered_occurrence_at(
    db: &Db,
    series_id: Uuid,
    position: i32,
) -> anyhow::Result<Arc<Option<Occurrence>>> {
    db.remembered("events::occurrence_at", format!("{series_id} {position}"), || async {
        occurrence_at(db, series_id, position).await
    })
    .await
}

pub async fn occurrence(db: &Db, id: Uuid) -> anyhow::Result<Option<Occurrence>> {
    Ok(db.sql().optional(OCCURRENCE, &[&id]).await?)
}

/// Public occurrences ending after `from`, soonest first, cancelled ones included.
pub async fn upcoming_occurrences(
    db: &Db,
    from: UtcTime,
    limit: i64,
) -> anyhow::Result<Arc<Vec<Occurrence>>> {
    public_occurrences(db, &SeriesFilter::default(), from, None, 0, limit).await
}

/// Public occurrences of the series `filter` admits that end after `from` (and start before
/// `until`), soonest first, cancelled ones included: `limit` of them after the first `offset`.
/// Remembered until the events change, and for the minute `from` falls in (`from` counts from the
/// start of that minute, so a meeting that ended seconds ago may still be listed until the minute
/// is over).
pub async fn public_occurrences(
    db: &Db,
    filter: &SeriesFilter,
    from: UtcTime,
    until: Option<UtcTime>,
    offset: i64,
    limit: i64,
) -> anyhow::Result<Arc<Vec<Occurrence>>> {
    let from = from.start_of_minute();
    let key = format!("{filter:?} {from:?} {until:?} {offset} {limit}");
    db.remembered("events::public_occurrences", key, || async {
        let params: [&dyn Param; 5] = [&from, &until, &filter.organiser, &filter.audience, &filter.area];
        let sql = sqlx::AssertSqlSafe(format!("{PUBLIC_OCCURRENCES} {}", crate::db::page(limit, offset)?));
        Ok(db.sql().all(sql, &params).await?)
    })
    .await
}

/// The next `per_series` meetings of every public series that start after `from`, cancelled ones
/// left out, by series and then time. Remembered like [`public_occurrences`]: until the events
/// change, and for the minute `from` falls in.
pub async fn next_public_meetings(
    db: &Db,
    from: UtcTime,
    per_series: i64,
) -> anyhow::Result<Arc<Vec<Occurrence>>> {
    let from = from.start_of_minute();
    db.remembered("events::next_public_meetings", format!("{from:?} {per_series}"), || async {
        let sql = "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, theme_en, agenda_sv, \
                   agenda_en, notes_md, capacity, taken, sequence FROM (SELECT o.id, o.series_id, o.position, \
                   o.starts_at, o.ends_at, o.cancelled, o.theme_sv, o.theme_en, o.agenda_sv, o.agenda_en, o.notes_md, \
                   o.capacity, o.taken, o.sequence, \
                   ROW_NUMBER() OVER (PARTITION BY o.series_id ORDER BY o.starts_at, o.id) AS n \
                   FROM event_occurrences o JOIN event_series s ON s.id = o.series_id \
                   WHERE s.public = TRUE AND NOT o.cancelled AND o.starts_at > $1) coming \
                   WHERE n <= $2 ORDER BY series_id, starts_at, id";
        Ok(db.sql().all(sql, &[&from, &per_series]).await?)
    })
    .await
}

/// Registers for an occurrence: confirmed while places last, then on the waitlist.
/// `None` when the occurrence takes no registrations (or does not exist).
pub async fn register(
    tx: &mut Tx,
    occurrence_id: Uuid,
    who: &Registrant,
) -> anyhow::Result<Option<(Uuid, RegistrationStatus)>> {
    let made = register_all(tx, &[occurrence_id], who).await?;
    Ok(made.first().map(|r| (r.registration_id, r.status)))
}

/// Registers for several occurrences at once (a whole series): each is confirmed or
/// waitlisted on its own, and together they form one group behind one private link.
/// Occurrences that take no registrations are left out.
pub async fn register_all(
    tx: &mut Tx,
    occurrence_ids: &[Uuid],
    who: &Registrant,
) -> anyhow::Result<Vec<Registered>> {
    let mut registrations = Registrations::default();
    let made = registrations.take(tx, occurrence_ids, who).await?;
    registrations.write(tx).await?;
    Ok(made)
}

/// Registrations made together in one transaction begun with `Db::begin_write`, in order: each
/// takes a place while places last, then a spot on the waitlist. An occurrence's places are read
/// once, under its lock (SQLite's write transaction holds the whole database; on PostgreSQL the
/// row is locked `FOR UPDATE`, as a cancellation locks it), so no one else can take or free a
/// place meanwhile and never more than capacity are confirmed. [`Registrations::write`] then
/// writes the places taken and the registrations, a few statements for the whole batch.
#[derive(Default)]
pub struct Registrations {
    places: std::collections::HashMap<Uuid, Option<Places>>,
    rows: Vec<RegistrationRow>,
    /// The waitlist's order of the last registration: strictly increasing, so people registering
    /// in the same microsecond keep the order they came in.
    last_queue: i64,
}

/// An occurrence's places as this transaction has them.
struct Places {
    capacity: i32,
    taken: i32,
    /// Taken by this transaction, not yet written.
    added: i32,
}

struct RegistrationRow {
    id: Uuid,
    occurrence_id: Uuid,
    person_id: Option<Uuid>,
    name: String,
    email: String,
    status: &'static str,
    queue: i64,
    needs: Option<String>,
    locale: &'static str,
    group_id: Option<Uuid>,
    created_at: UtcTime,
}

static INSERT_REGISTRATIONS: InsertRows<11> = InsertRows::new(
    "INSERT INTO event_registrations (id, occurrence_id, person_id, name, email, status, queue, needs, \
     locale, group_id, created_at)",
);

impl Registrations {
    /// Registers `who` for `occurrence_ids` (more than one form a group behind one private link);
    /// occurrences that take no registrations are left out.
    pub async fn take(
        &mut self,
        tx: &mut Tx,
        occurrence_ids: &[Uuid],
        who: &Registrant,
    ) -> anyhow::Result<Vec<Registered>> {
        anyhow::ensure!(tx.is_write(), "a registration is made in a write transaction (Db::begin_write)");
        let group_id = (occurrence_ids.len() > 1).then(Uuid::new_v4);
        let mut made = Vec::new();
        for &occurrence_id in occurrence_ids {
            let Some(places) = self.places_of(tx, occurrence_id).await? else { continue };
            let status = if places.taken + places.added < places.capacity {
                places.added += 1;
                RegistrationStatus::Confirmed
            } else {
                RegistrationStatus::Waitlisted
            };
            let now = UtcTime::now();
            self.last_queue = now.0.timestamp_micros().max(self.last_queue + 1);
            let id = Uuid::new_v4();
            self.rows.push(RegistrationRow {
                id,
                occurrence_id,
                person_id: who.person_id,
                name: who.name.clone(),
                email: who.email.clone(),
                status: status.as_str(),
                queue: self.last_queue,
                needs: who.needs.clone(),
                locale: who.locale.code(),
                group_id,
                created_at: now,
            });
            made.push(Registered { occurrence_id, registration_id: id, status, group_id });
        }
        Ok(made)
    }

    /// Reads and locks the places of `occurrence_ids` now, in the order given: a batch that locks
    /// everything it needs in one order (by id) never waits in a circle with another process's.
    pub async fn lock(&mut self, tx: &mut Tx, occurrence_ids: &[Uuid]) -> anyhow::Result<()> {
        for &occurrence_id in occurrence_ids {
            self.places_of(tx, occurrence_id).await?;
        }
        Ok(())
    }

    /// The places of an occurrence that takes registrations, read and locked at its first
    /// registration in this transaction.
    async fn places_of(&mut self, tx: &mut Tx, occurrence_id: Uuid) -> anyhow::Result<Option<&mut Places>> {
        let places = match self.places.entry(occurrence_id) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(first) => {
                let sql = match tx.backend() {
                    Backend::Sqlite => {
                        "SELECT capacity, taken FROM event_occurrences WHERE id = $1 AND NOT cancelled"
                    }
                    Backend::Postgres => {
                        "SELECT capacity, taken FROM event_occurrences WHERE id = $1 AND NOT cancelled FOR UPDATE"
                    }
                };
                let row: Option<(Option<i32>, i32)> = tx.sql().optional(sql, &[&occurrence_id]).await?;
                first.insert(
                    row.and_then(|(capacity, taken)| Some(Places { capacity: capacity?, taken, added: 0 })),
                )
            }
        };
        Ok(places.as_mut())
    }

    /// Writes the places taken and the registrations made.
    pub async fn write(self, tx: &mut Tx) -> anyhow::Result<()> {
        for (occurrence_id, places) in &self.places {
            if let Some(places) = places.as_ref().filter(|p| p.added > 0) {
                let sql = "UPDATE event_occurrences SET taken = taken + $1 WHERE id = $2";
                tx.sql().execute(sql, &[&places.added, occurrence_id]).await?;
            }
        }
        INSERT_REGISTRATIONS
            .write(tx, &self.rows, |r| {
                [
                    &r.id,
                    &r.occurrence_id,
                    &r.person_id,
                    &r.name,
                    &r.email,
                    &r.status,
                    &r.queue,
                    &r.needs,
                    &r.locale,
                    &r.group_id,
                    &r.created_at,
                ]
            })
            .await?;
        Ok(())
    }
}

/// Cancels a registration inside a transaction begun with `Db::begin_write`, which serialises
/// changes to the occurrence: a confirmed place goes to the first on the waitlist, or is given
/// back. `None` when it does not exist or was already cancelled.
pub async fn cancel_registration(tx: &mut Tx, registration_id: Uuid) -> anyhow::Result<Option<Cancellation>> {
    anyhow::ensure!(tx.is_write(), "a cancellation is made in a write transaction (Db::begin_write)");
    if tx.backend() == Backend::Postgres {
        // Lock the occurrence first: two cancellations never promote the same person. (SQLite's
        // write transaction already holds the lock on the whole database.)
        let _: Option<(Uuid,)> = tx
            .sql()
            .optional(
                "SELECT o.id FROM event_occurrences o JOIN event_registrations r ON r.occurrence_id = o.id \
                 WHERE r.id = $1 FOR UPDATE OF o",
                &[&registration_id],
            )
            .await?;
    }
    let row: Option<(Uuid, String)> = tx
        .sql()
        .optional(
            "SELECT occurrence_id, status FROM event_registrations WHERE id = $1 AND status <> 'cancelled'",
            &[&registration_id],
        )
        .await?;
    let Some((occurrence_id, status)) = row else { return Ok(None) };
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "UPDATE event_registrations SET status = 'cancelled', cancelled_at = $1, needs = NULL WHERE id = $2",
            &[&now, &registration_id],
        )
        .await?;
    let mut promoted = None;
    if status == RegistrationStatus::Confirmed.as_str() {
        let next: Option<(Uuid, String, String, String)> = tx
            .sql()
            .optional(
                "UPDATE event_registrations SET status = 'confirmed' WHERE id = \
                 (SELECT id FROM event_registrations WHERE occurrence_id = $1 AND status = 'waitlisted' \
                  ORDER BY queue, id LIMIT 1) RETURNING id, name, email, locale",
                &[&occurrence_id],
            )
            .await?;
        match next {
            Some((registration_id, name, email, locale)) => {
                promoted = Some(Promoted { registration_id, name, email, locale })
            }
            None => {
                tx.sql()
                    .execute(
                        "UPDATE event_occurrences SET taken = taken - 1 WHERE id = $1 AND taken > 0",
                        &[&occurrence_id],
                    )
                    .await?;
            }
        }
    }
    Ok(Some(Cancellation { occurrence_id, promoted }))
}

/// Cancels an occurrence; it stays in calendars as cancelled (a higher SEQUENCE). False when it
/// was cancelled already.
pub async fn cancel_occurrence(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE event_occurrences SET cancelled = TRUE, sequence = sequence + 1 WHERE id = $1 AND NOT cancelled";
    Ok(tx.sql().execute(sql, &[&id]).await? == 1)
}

/// Moves an occurrence to another time; the UID stays, the SEQUENCE goes up.
pub async fn move_occurrence(
    tx: &mut Tx,
    id: Uuid,
    starts_at: UtcTime,
    ends_at: UtcTime,
) -> anyhow::Result<bool> {
    let sql =
        "UPDATE event_occurrences SET starts_at = $1, ends_at = $2, sequence = sequence + 1 WHERE id = $3";
    Ok(tx.sql().execute(sql, &[&starts_at, &ends_at, &id]).await? == 1)
}

/// Gives one occurrence its own theme (the development group decides them month by month).
pub async fn set_theme(
    tx: &mut Tx,
    id: Uuid,
    theme_sv: Option<&str>,
    theme_en: Option<&str>,
) -> anyhow::Result<()> {
    let sql =
        "UPDATE event_occurrences SET theme_sv = $1, theme_en = $2, sequence = sequence + 1 WHERE id = $3";
    let (theme_sv, theme_en) = (owned(theme_sv), owned(theme_en));
    tx.sql().execute(sql, &[&theme_sv, &theme_en, &id]).await?;
    Ok(())
}

pub async fn registration(db: &Db, id: Uuid) -> anyhow::Result<Option<RegistrationView>> {
    Ok(db.sql().optional(REGISTRATION, &[&id]).await?)
}

/// Everyone registered for an occurrence, confirmed first, then the waitlist in order.
pub async fn registrations_for(db: &Db, occurrence_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
    Ok(db.sql().all(REGISTRATIONS_FOR, &[&occurrence_id]).await?)
}

/// [`registrations_for`] inside an action's transaction: those its notices and audit entries
/// are for.
pub async fn registrations_for_in(tx: &mut Tx, occurrence_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
    Ok(tx.sql().all(REGISTRATIONS_FOR, &[&occurrence_id]).await?)
}

/// The registrations made together with `group_id` (a whole series), soonest first.
pub async fn registrations_in_group(db: &Db, group_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
    Ok(db.sql().all(REGISTRATIONS_IN_GROUP, &[&group_id]).await?)
}

/// Marks who came: the confirmed registrations in `present` attended, the other confirmed
/// ones did not.
pub async fn set_attendance(tx: &mut Tx, occurrence_id: Uuid, present: &[Uuid]) -> anyhow::Result<()> {
    let confirmed: Vec<Uuid> = tx
        .sql()
        .column(
            "SELECT id FROM event_registrations WHERE occurrence_id = $1 AND status = 'confirmed'",
            &[&occurrence_id],
        )
        .await?;
    for id in confirmed {
        let attended = present.contains(&id);
        tx.sql()
            .execute("UPDATE event_registrations SET attended = $1 WHERE id = $2", &[&attended, &id])
            .await?;
    }
    Ok(())
}

/// Sets a meeting's agenda (one item a line) in Swedish and English.
pub async fn set_agenda(
    db: &Db,
    id: Uuid,
    agenda_sv: Option<&str>,
    agenda_en: Option<&str>,
) -> anyhow::Result<()> {
    let sql = "UPDATE event_occurrences SET agenda_sv = $1, agenda_en = $2 WHERE id = $3";
    let (agenda_sv, agenda_en) = (owned(agenda_sv), owned(agenda_en));
    db.sql().execute(sql, &[&agenda_sv, &agenda_en, &id]).await?;
    Ok(())
}

/// Publishes (or withdraws, with `None`) the notes from a meeting, as Markdown.
pub async fn set_notes(db: &Db, id: Uuid, notes_md: Option<&str>) -> anyhow::Result<()> {
    let sql = "UPDATE event_occurrences SET notes_md = $1 WHERE id = $2";
    let notes_md = owned(notes_md);
    db.sql().execute(sql, &[&notes_md, &id]).await?;
    Ok(())
}

/// The occurrences a person is registered for (confirmed or waitlisted), with their
/// series, for their private calendar feed.
pub async fn occurrences_registered_by(db: &Db, person_id: Uuid) -> anyhow::Result<Vec<Occurrence>> {
    Ok(db.sql().all(OCCURRENCES_REGISTERED_BY, &[&person_id]).await?)
}

/// Stores a theme suggestion, undecided.
pub async fn add_suggestion(
    db: &Db,
    series_id: Uuid,
    text: &str,
    name: Option<&str>,
    email: Option<&str>,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO theme_suggestions (id, series_id, suggestion, name, email, status, created_at) \
               VALUES ($1, $2, $3, $4, $5, 'new', $6)";
    let (id, now) = (Uuid::new_v4(), UtcTime::now());
    let (name, email) = (owned(name), owned(email));
    db.sql().execute(sql, &[&id, &series_id, &text, &name, &email, &now]).await?;
    Ok(())
}

/// The suggestions for a series, undecided first, newest first.
pub async fn suggestions(db: &Db, series_id: Uuid) -> anyhow::Result<Vec<Suggestion>> {
    let sql = "SELECT id, suggestion, name, email, status FROM theme_suggestions WHERE series_id = $1 \
               ORDER BY CASE status WHEN 'new' THEN 0 ELSE 1 END, created_at DESC";
    Ok(db.sql().all(sql, &[&series_id]).await?)
}

/// Decides an undecided suggestion (accepted for a meeting, or declined); the suggestion when
/// it was undecided, else `None`.
pub async fn decide_suggestion(
    tx: &mut Tx,
    series_id: Uuid,
    id: Uuid,
    accepted_for: Option<Uuid>,
) -> anyhow::Result<Option<Suggestion>> {
    let status = if accepted_for.is_some() { "accepted" } else { "declined" };
    let sql = "UPDATE theme_suggestions SET status = $1, occurrence_id = $2, decided_at = $3 \
               WHERE id = $4 AND series_id = $5 AND status = 'new' RETURNING id, suggestion, name, email, status";
    let now = UtcTime::now();
    Ok(tx.sql().optional(sql, &[&status, &accepted_for, &now, &id, &series_id]).await?)
}

/// Stores a (checked) PDF for a meeting.
pub async fn add_event_document(
    db: &Db,
    occurrence_id: Uuid,
    title: &str,
    content: &[u8],
    by: Uuid,
) -> anyhow::Result<Uuid> {
    let sql = "INSERT INTO event_documents (id, occurrence_id, title, size_bytes, content, uploaded_by, uploaded_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let (id, size, now) = (Uuid::new_v4(), i32::try_from(content.len())?, UtcTime::now());
    db.sql().execute(sql, &[&id, &occurrence_id, &title, &size, &content, &by, &now]).await?;
    Ok(id)
}

pub async fn event_documents(db: &Db, occurrence_id: Uuid) -> anyhow::Result<Vec<DocumentInfo>> {
    let sql =
        "SELECT id, title, size_bytes FROM event_documents WHERE occurrence_id = $1 ORDER BY uploaded_at, id";
    Ok(db.sql().all(sql, &[&occurrence_id]).await?)
}

/// A document's title and bytes, if it belongs to this occurrence.
pub async fn event_document(
    db: &Db,
    occurrence_id: Uuid,
    id: Uuid,
) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    let sql = "SELECT title, content FROM event_documents WHERE id = $1 AND occurrence_id = $2";
    Ok(db.sql().optional(sql, &[&id, &occurrence_id]).await?)
}

/// Makes a new feed secret for a person, revoking any earlier one, in one transaction.
pub async fn create_calendar_feed(db: &Db, person_id: Uuid, token_hash: &str) -> anyhow::Result<()> {
    let now = UtcTime::now();
    let mut tx = db.begin().await?;
    tx.sql().execute(REVOKE_FEEDS, &[&now, &person_id]).await?;
    tx.sql()
        .execute(
            "INSERT INTO calendar_feeds (token_hash, person_id, created_at) VALUES ($1, $2, $3)",
            &[&token_hash, &person_id, &now],
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

const REVOKE_FEEDS: &str =
    "UPDATE calendar_feeds SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL";

pub async fn revoke_calendar_feeds(db: &Db, person_id: Uuid) -> anyhow::Result<()> {
    db.sql().execute(REVOKE_FEEDS, &[&UtcTime::now(), &person_id]).await?;
    Ok(())
}

/// When the person's current feed was made, if they have one.
pub async fn active_calendar_feed(db: &Db, person_id: Uuid) -> anyhow::Result<Option<UtcTime>> {
    let sql = "SELECT created_at FROM calendar_feeds WHERE person_id = $1 AND revoked_at IS NULL \
               ORDER BY created_at DESC LIMIT 1";
    Ok(db.sql().value(sql, &[&person_id]).await?)
}

/// The person a live feed secret belongs to.
pub async fn calendar_feed_owner(db: &Db, token_hash: &str) -> anyhow::Result<Option<Uuid>> {
    // A deactivated account's feeds stop with it.
    let sql = "SELECT f.person_id FROM calendar_feeds f JOIN people p ON p.id = f.person_id \
               WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND p.active";
    Ok(db.sql().value(sql, &[&token_hash]).await?)
}

/// A confirmed registration whose meeting starts within a day and that has had no reminder.
#[derive(sqlx::FromRow)]
pub struct DueReminder {
    pub id: Uuid,
    pub email: String,
    pub locale: String,
    pub title_sv: String,
    pub title_en: String,
    pub starts_at: UtcTime,
}

/// Confirmed registrations for meetings starting within a day that have had no reminder.
pub async fn due_reminders(db: &Db, now: UtcTime) -> anyhow::Result<Vec<DueReminder>> {
    let sql = "SELECT r.id, r.email, r.locale, s.title_sv, s.title_en, o.starts_at FROM event_registrations r \
               JOIN event_occurrences o ON o.id = r.occurrence_id JOIN event_series s ON s.id = o.series_id \
               WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND NOT o.cancelled \
               AND o.starts_at > $1 AND o.starts_at <= $2";
    let until = UtcTime(now.0 + chrono::Duration::hours(24));
    Ok(db.sql().all(sql, &[&now, &until]).await?)
}

/// Marks a reminder as sent; false when another process got there first.
pub async fn claim_reminder(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE event_registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &id]).await? == 1)
}

/// Deletes what registrants wrote about their needs once the meeting is over.
pub async fn delete_past_needs(db: &Db, now: UtcTime) -> anyhow::Result<u64> {
    let sql = "UPDATE event_registrations SET needs = NULL WHERE needs IS NOT NULL AND occurrence_id IN \
               (SELECT id FROM event_occurrences WHERE ends_at < $1)";
    Ok(db.sql().execute(sql, &[&now]).await?)
}

/// A meeting of an organiser's series with its confirmed registrations and those marked present.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldMeeting {
    pub occurrence_id: Uuid,
    pub title_sv: String,
    pub title_en: String,
    pub starts_at: UtcTime,
    pub registered: i64,
    pub attended: i64,
}

/// The meetings of the series a directory entry organises that started in `[from, to]` and were
/// not cancelled, oldest first (what a grant's follow-up counts).
pub async fn held_by_entry(
    db: &Db,
    entry: Uuid,
    from: UtcTime,
    to: UtcTime,
) -> anyhow::Result<Vec<HeldMeeting>> {
    let sql = "SELECT o.id AS occurrence_id, s.title_sv, s.title_en, o.starts_at, \
               (SELECT COUNT(*) FROM event_registrations r WHERE r.occurrence_id = o.id \
                AND r.status = 'confirmed') AS registered, \
               (SELECT COUNT(*) FROM event_registrations r WHERE r.occurrence_id = o.id \
                AND r.status = 'confirmed' AND r.attended) AS attended \
               FROM event_occurrences o JOIN event_series s ON s.id = o.series_id \
               WHERE s.entry_id = $1 AND NOT o.cancelled AND o.starts_at >= $2 AND o.starts_at <= $3 \
               ORDER BY o.starts_at, o.id";
    Ok(db.sql().all(sql, &[&entry, &from, &to]).await?)
}
