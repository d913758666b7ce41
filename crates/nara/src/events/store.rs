use uuid::Uuid;

use super::recurrence::Rule;
use super::{Cancellation, Occurrence, Promoted, RegistrationStatus, Series};
use crate::db::{Db, UtcTime};
use crate::on_pool;

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

/// The columns of `Series`, in its field order (one list for reading and writing).
macro_rules! series_columns {
    () => {
        "id, slug, title_sv, title_en, summary_sv, summary_en, has_themes, organiser_name, organiser_unit_id, \
         audience_sv, audience_en, venue_name, venue_address, venue_accessibility_sv, venue_accessibility_en, \
         online_url, price_sv, price_en, contact_name, contact_email, contact_phone, rule, capacity, public, help_area"
    };
}

macro_rules! select_series {
    ($clause:literal) => {
        concat!("SELECT ", series_columns!(), " FROM event_series ", $clause)
    };
}

macro_rules! select_occurrences {
    ($clause:literal) => {
        concat!(
            "SELECT id, series_id, position, starts_at, ends_at, cancelled, theme_sv, theme_en, agenda_sv, ",
            "agenda_en, notes_md, capacity, taken, sequence FROM event_occurrences ",
            $clause
        )
    };
}

macro_rules! select_registrations {
    () => {
        "SELECT id, occurrence_id, person_id, name, email, status, needs, group_id, attended, locale FROM event_registrations "
    };
}

/// Registers inside a transaction that holds the write lock (SQLite) or may take row locks
/// (PostgreSQL); the caller commits. The place is taken by one conditional UPDATE, so two people
/// can never take the last place: whoever does not get it goes on the waitlist. `None` when the
/// occurrence takes no registrations.
macro_rules! register_in {
    ($tx:ident, $occurrence_id:expr, $who:expr, $group:expr) => {{
        let taken = sqlx::query(
            "UPDATE event_occurrences SET taken = taken + 1 \
             WHERE id = $1 AND capacity IS NOT NULL AND taken < capacity AND NOT cancelled",
        )
        .bind($occurrence_id)
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        let status = if taken == 1 {
            Some(RegistrationStatus::Confirmed)
        } else {
            let open: Option<bool> = sqlx::query_scalar(
                "SELECT capacity IS NOT NULL AND NOT cancelled FROM event_occurrences WHERE id = $1",
            )
            .bind($occurrence_id)
            .fetch_optional(&mut *$tx)
            .await?;
            (open == Some(true)).then_some(RegistrationStatus::Waitlisted)
        };
        match status {
            None => None,
            Some(status) => {
                let id = Uuid::new_v4();
                let now = UtcTime::now();
                sqlx::query(
                    "INSERT INTO event_registrations (id, occurrence_id, person_id, name, email, status, queue, needs, \
                     locale, group_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(id)
                .bind($occurrence_id)
                .bind($who.person_id)
                .bind(&$who.name)
                .bind(&$who.email)
                .bind(status.as_str())
                .bind(now.0.timestamp_micros())
                .bind(&$who.needs)
                .bind($who.locale.code())
                .bind($group)
                .bind(now)
                .execute(&mut *$tx)
                .await?;
                Some((id, status))
            }
        }
    }};
}

/// Registers for each occurrence in one transaction, as one group when there is more than one.
macro_rules! register_all_in {
    ($tx:ident, $occurrence_ids:expr, $who:expr) => {{
        let group = ($occurrence_ids.len() > 1).then(Uuid::new_v4);
        let mut made = Vec::new();
        for &occurrence_id in $occurrence_ids {
            if let Some((id, status)) = register_in!($tx, occurrence_id, $who, group) {
                made.push(Registered { occurrence_id, registration_id: id, status, group_id: group });
            }
        }
        $tx.commit().await?;
        made
    }};
}

/// Cancels inside a transaction that serialises changes to the occurrence: a confirmed place
/// goes to the first on the waitlist, or is given back.
macro_rules! cancel_in {
    ($tx:ident, $registration_id:expr) => {{
        let row: Option<(Uuid, String)> = sqlx::query_as(
            "SELECT occurrence_id, status FROM event_registrations WHERE id = $1 AND status <> 'cancelled'",
        )
        .bind($registration_id)
        .fetch_optional(&mut *$tx)
        .await?;
        let Some((occurrence_id, status)) = row else { return Ok(None) };
        sqlx::query("UPDATE event_registrations SET status = 'cancelled', cancelled_at = $1, needs = NULL WHERE id = $2")
            .bind(UtcTime::now())
            .bind($registration_id)
            .execute(&mut *$tx)
            .await?;
        let mut promoted = None;
        if status == RegistrationStatus::Confirmed.as_str() {
            let next: Option<(Uuid, String, String, String)> = sqlx::query_as(
                "UPDATE event_registrations SET status = 'confirmed' WHERE id = \
                 (SELECT id FROM event_registrations WHERE occurrence_id = $1 AND status = 'waitlisted' \
                  ORDER BY queue, id LIMIT 1) RETURNING id, name, email, locale",
            )
            .bind(occurrence_id)
            .fetch_optional(&mut *$tx)
            .await?;
            match next {
                Some((registration_id, name, email, locale)) => {
                    promoted = Some(Promoted { registration_id, name, email, locale })
                }
                None => {
                    sqlx::query("UPDATE event_occurrences SET taken = taken - 1 WHERE id = $1 AND taken > 0")
                        .bind(occurrence_id)
                        .execute(&mut *$tx)
                        .await?;
                }
            }
        }
        $tx.commit().await?;
        Some(Cancellation { occurrence_id, promoted })
    }};
}

impl Db {
    /// Creates a series and its occurrences from the rule, in one transaction.
    pub async fn create_series(&self, new: &NewSeries, rule: &Rule) -> anyhow::Result<Uuid> {
        rule.validate()?;
        let s = &new.series;
        // `/kalender/min/…` is everyone's private feed.
        anyhow::ensure!(s.slug != "min", "the slug \"min\" is reserved");
        let sql = concat!(
            "INSERT INTO event_series (",
            series_columns!(),
            ", created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19, $20, $21, $22, $23, $24, $25, $26)"
        );
        let occurrences = rule.occurrences(500);
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(sql)
                .bind(s.id).bind(&s.slug).bind(&s.title_sv).bind(&s.title_en).bind(&s.summary_sv).bind(&s.summary_en)
                .bind(s.has_themes).bind(&s.organiser_name).bind(s.organiser_unit_id).bind(&s.audience_sv).bind(&s.audience_en)
                .bind(&s.venue_name).bind(&s.venue_address).bind(&s.venue_accessibility_sv)
                .bind(&s.venue_accessibility_en).bind(&s.online_url).bind(&s.price_sv).bind(&s.price_en)
                .bind(&s.contact_name).bind(&s.contact_email).bind(&s.contact_phone).bind(rule.to_storage())
                .bind(s.capacity).bind(s.public).bind(&s.help_area).bind(UtcTime::now())
                .execute(&mut *tx)
                .await?;
            for occurrence in &occurrences {
                sqlx::query(
                    "INSERT INTO event_occurrences (id, series_id, position, starts_at, ends_at, capacity) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(Uuid::new_v4())
                .bind(s.id)
                .bind(i32::try_from(occurrence.index)?)
                .bind(UtcTime(occurrence.starts_at))
                .bind(UtcTime(occurrence.ends_at))
                .bind(s.capacity)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(s.id)
    }

    pub async fn series_by_slug(&self, slug: &str) -> anyhow::Result<Option<Series>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_series!("WHERE slug = $1"))
            .bind(slug)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    pub async fn series(&self, id: Uuid) -> anyhow::Result<Option<Series>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_series!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    /// The series a unit organises (every series for `None`), by title.
    pub async fn series_organised_by(&self, units: &[Uuid]) -> anyhow::Result<Vec<Series>> {
        let all: Vec<Series> = on_pool!(self, pool => sqlx::query_as(select_series!("ORDER BY title_sv"))
            .fetch_all(pool)
            .await)?;
        Ok(all.into_iter().filter(|s| s.organiser_unit_id.is_some_and(|u| units.contains(&u))).collect())
    }

    /// Every public series, by title.
    pub async fn public_series(&self) -> anyhow::Result<Vec<Series>> {
        let rows = on_pool!(self, pool => sqlx::query_as(select_series!("WHERE public = TRUE ORDER BY title_sv"))
            .fetch_all(pool)
            .await)?;
        Ok(rows)
    }

    pub async fn occurrences_of(&self, series_id: Uuid) -> anyhow::Result<Vec<Occurrence>> {
        let rows = on_pool!(self, pool => sqlx::query_as(select_occurrences!("WHERE series_id = $1 ORDER BY position"))
            .bind(series_id)
            .fetch_all(pool)
            .await)?;
        Ok(rows)
    }

    /// The occurrence at a position in a series (its address: `/kalender/{slug}/{position}`).
    pub async fn occurrence_at(&self, series_id: Uuid, position: i32) -> anyhow::Result<Option<Occurrence>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_occurrences!("WHERE series_id = $1 AND position = $2"))
            .bind(series_id)
            .bind(position)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    pub async fn occurrence(&self, id: Uuid) -> anyhow::Result<Option<Occurrence>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_occurrences!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    /// Public occurrences ending after `from`, soonest first, cancelled ones included.
    pub async fn upcoming_occurrences(&self, from: UtcTime, limit: i64) -> anyhow::Result<Vec<Occurrence>> {
        self.public_occurrences(&SeriesFilter::default(), from, None, limit).await
    }

    /// Public occurrences of the series `filter` admits that end after `from` (and start before
    /// `until`), soonest first, cancelled ones included.
    pub async fn public_occurrences(
        &self,
        filter: &SeriesFilter,
        from: UtcTime,
        until: Option<UtcTime>,
        limit: i64,
    ) -> anyhow::Result<Vec<Occurrence>> {
        let sql = select_occurrences!(
            "WHERE ends_at > $1 AND ($2 IS NULL OR starts_at < $2) AND series_id IN \
             (SELECT id FROM event_series WHERE public = TRUE AND ($3 IS NULL OR organiser_name = $3) \
              AND ($4 IS NULL OR audience_sv = $4) AND ($5 IS NULL OR help_area = $5)) \
             ORDER BY starts_at, id LIMIT $6"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(from)
            .bind(until)
            .bind(&filter.organiser)
            .bind(&filter.audience)
            .bind(&filter.area)
            .bind(limit)
            .fetch_all(pool)
            .await)?;
        Ok(rows)
    }

    /// Registers for an occurrence: confirmed while places last, then on the waitlist.
    /// `None` when the occurrence takes no registrations (or does not exist).
    pub async fn register(
        &self,
        occurrence_id: Uuid,
        who: &Registrant,
    ) -> anyhow::Result<Option<(Uuid, RegistrationStatus)>> {
        let made = self.register_all(&[occurrence_id], who).await?;
        Ok(made.first().map(|r| (r.registration_id, r.status)))
    }

    /// Registers for several occurrences at once (a whole series): each is confirmed or
    /// waitlisted on its own, and together they form one group behind one private link.
    /// Occurrences that take no registrations are left out.
    pub async fn register_all(
        &self,
        occurrence_ids: &[Uuid],
        who: &Registrant,
    ) -> anyhow::Result<Vec<Registered>> {
        let made = match self.pool() {
            crate::db::Pool::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                register_all_in!(tx, occurrence_ids, who)
            }
            crate::db::Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                register_all_in!(tx, occurrence_ids, who)
            }
        };
        Ok(made)
    }

    /// Cancels a registration; `None` when it does not exist or was already cancelled.
    pub async fn cancel_registration(&self, registration_id: Uuid) -> anyhow::Result<Option<Cancellation>> {
        let outcome = match self.pool() {
            crate::db::Pool::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                cancel_in!(tx, registration_id)
            }
            crate::db::Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // Lock the occurrence first: two cancellations never promote the same person.
                sqlx::query(
                    "SELECT o.id FROM event_occurrences o JOIN event_registrations r ON r.occurrence_id = o.id \
                     WHERE r.id = $1 FOR UPDATE OF o",
                )
                .bind(registration_id)
                .fetch_optional(&mut *tx)
                .await?;
                cancel_in!(tx, registration_id)
            }
        };
        Ok(outcome)
    }

    /// Cancels an occurrence; it stays in calendars as cancelled (a higher SEQUENCE).
    pub async fn cancel_occurrence(&self, id: Uuid) -> anyhow::Result<bool> {
        let sql = "UPDATE event_occurrences SET cancelled = TRUE, sequence = sequence + 1 WHERE id = $1 AND NOT cancelled";
        let changed =
            on_pool!(self, pool => sqlx::query(sql).bind(id).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }

    /// Moves an occurrence to another time; the UID stays, the SEQUENCE goes up.
    pub async fn move_occurrence(
        &self,
        id: Uuid,
        starts_at: UtcTime,
        ends_at: UtcTime,
    ) -> anyhow::Result<bool> {
        let sql = "UPDATE event_occurrences SET starts_at = $1, ends_at = $2, sequence = sequence + 1 WHERE id = $3";
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(starts_at)
            .bind(ends_at)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }

    /// Gives one occurrence its own theme (the development group decides them month by month).
    pub async fn set_theme(
        &self,
        id: Uuid,
        theme_sv: Option<&str>,
        theme_en: Option<&str>,
    ) -> anyhow::Result<()> {
        let sql = "UPDATE event_occurrences SET theme_sv = $1, theme_en = $2, sequence = sequence + 1 WHERE id = $3";
        on_pool!(self, pool => sqlx::query(sql).bind(theme_sv).bind(theme_en).bind(id).execute(pool).await.map(drop))?;
        Ok(())
    }

    pub async fn registration(&self, id: Uuid) -> anyhow::Result<Option<RegistrationView>> {
        let sql = concat!(select_registrations!(), "WHERE id = $1");
        let row = on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
        Ok(row)
    }

    /// Everyone registered for an occurrence, confirmed first, then the waitlist in order.
    pub async fn registrations_for(&self, occurrence_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
        let sql = concat!(
            select_registrations!(),
            "WHERE occurrence_id = $1 AND status <> 'cancelled' ",
            "ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, queue, id"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(occurrence_id).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// The registrations made together with `group_id` (a whole series), soonest first.
    pub async fn registrations_in_group(&self, group_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
        let sql = concat!(
            "SELECT r.id, r.occurrence_id, r.person_id, r.name, r.email, r.status, r.needs, r.group_id, r.attended, r.locale ",
            "FROM event_registrations r JOIN event_occurrences o ON o.id = r.occurrence_id ",
            "WHERE r.group_id = $1 ORDER BY o.starts_at, o.id"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(group_id).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Marks who came: the confirmed registrations in `present` attended, the other confirmed
    /// ones did not.
    pub async fn set_attendance(&self, occurrence_id: Uuid, present: &[Uuid]) -> anyhow::Result<()> {
        let confirmed: Vec<Uuid> = on_pool!(self, pool => sqlx::query_scalar(
                "SELECT id FROM event_registrations WHERE occurrence_id = $1 AND status = 'confirmed'",
            )
            .bind(occurrence_id)
            .fetch_all(pool)
            .await)?;
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for id in confirmed {
                sqlx::query("UPDATE event_registrations SET attended = $1 WHERE id = $2")
                    .bind(present.contains(&id))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Sets a meeting's agenda (one item a line) in Swedish and English.
    pub async fn set_agenda(
        &self,
        id: Uuid,
        agenda_sv: Option<&str>,
        agenda_en: Option<&str>,
    ) -> anyhow::Result<()> {
        let sql = "UPDATE event_occurrences SET agenda_sv = $1, agenda_en = $2 WHERE id = $3";
        on_pool!(self, pool => sqlx::query(sql).bind(agenda_sv).bind(agenda_en).bind(id).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// Publishes (or withdraws, with `None`) the notes from a meeting, as Markdown.
    pub async fn set_notes(&self, id: Uuid, notes_md: Option<&str>) -> anyhow::Result<()> {
        let sql = "UPDATE event_occurrences SET notes_md = $1 WHERE id = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(notes_md).bind(id).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// The occurrences a person is registered for (confirmed or waitlisted), with their
    /// series, for their private calendar feed.
    pub async fn occurrences_registered_by(&self, person_id: Uuid) -> anyhow::Result<Vec<Occurrence>> {
        let sql = select_occurrences!(
            "WHERE id IN (SELECT occurrence_id FROM event_registrations WHERE person_id = $1 \
             AND status <> 'cancelled') ORDER BY starts_at, id"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_all(pool).await)?;
        Ok(rows)
    }
}
