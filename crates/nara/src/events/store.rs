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

/// A registration with its occurrence, for the person's own page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegistrationView {
    pub id: Uuid,
    pub occurrence_id: Uuid,
    pub person_id: Option<Uuid>,
    pub name: String,
    pub email: String,
    pub status: String,
    pub needs: Option<String>,
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
         online_url, price_sv, price_en, contact_name, contact_email, contact_phone, rule, capacity, public"
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
            "notes_md, capacity, taken, sequence FROM event_occurrences ",
            $clause
        )
    };
}

/// Registers inside a transaction that holds the write lock (SQLite) or may take row locks
/// (PostgreSQL). The place is taken by one conditional UPDATE, so two people can never take the
/// last place: whoever does not get it goes on the waitlist.
macro_rules! register_in {
    ($tx:ident, $occurrence_id:expr, $who:expr) => {{
        let taken = sqlx::query(
            "UPDATE event_occurrences SET taken = taken + 1 \
             WHERE id = $1 AND capacity IS NOT NULL AND taken < capacity AND NOT cancelled",
        )
        .bind($occurrence_id)
        .execute(&mut *$tx)
        .await?
        .rows_affected();
        let status = if taken == 1 {
            RegistrationStatus::Confirmed
        } else {
            let open: Option<bool> = sqlx::query_scalar(
                "SELECT capacity IS NOT NULL AND NOT cancelled FROM event_occurrences WHERE id = $1",
            )
            .bind($occurrence_id)
            .fetch_optional(&mut *$tx)
            .await?;
            if open != Some(true) {
                return Ok(None);
            }
            RegistrationStatus::Waitlisted
        };
        let id = Uuid::new_v4();
        let now = UtcTime::now();
        sqlx::query(
            "INSERT INTO event_registrations (id, occurrence_id, person_id, name, email, status, queue, needs, locale, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
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
        .bind(now)
        .execute(&mut *$tx)
        .await?;
        $tx.commit().await?;
        Some((id, status))
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
            let next: Option<(Uuid, String, String)> = sqlx::query_as(
                "UPDATE event_registrations SET status = 'confirmed' WHERE id = \
                 (SELECT id FROM event_registrations WHERE occurrence_id = $1 AND status = 'waitlisted' \
                  ORDER BY queue, id LIMIT 1) RETURNING id, name, email",
            )
            .bind(occurrence_id)
            .fetch_optional(&mut *$tx)
            .await?;
            match next {
                Some((registration_id, name, email)) => promoted = Some(Promoted { registration_id, name, email }),
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
        let sql = concat!(
            "INSERT INTO event_series (",
            series_columns!(),
            ", created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19, $20, $21, $22, $23, $24, $25)"
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
                .bind(s.capacity).bind(s.public).bind(UtcTime::now())
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
        let sql = select_occurrences!(
            "WHERE ends_at > $1 AND series_id IN (SELECT id FROM event_series WHERE public = TRUE) \
             ORDER BY starts_at, id LIMIT $2"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(from).bind(limit).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Registers for an occurrence: confirmed while places last, then on the waitlist.
    /// `None` when the occurrence takes no registrations (or does not exist).
    pub async fn register(
        &self,
        occurrence_id: Uuid,
        who: &Registrant,
    ) -> anyhow::Result<Option<(Uuid, RegistrationStatus)>> {
        let outcome = match self {
            Db::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                register_in!(tx, occurrence_id, who)
            }
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                register_in!(tx, occurrence_id, who)
            }
        };
        Ok(outcome)
    }

    /// Cancels a registration; `None` when it does not exist or was already cancelled.
    pub async fn cancel_registration(&self, registration_id: Uuid) -> anyhow::Result<Option<Cancellation>> {
        let outcome = match self {
            Db::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                cancel_in!(tx, registration_id)
            }
            Db::Postgres(pool) => {
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
        let sql = "SELECT id, occurrence_id, person_id, name, email, status, needs FROM event_registrations WHERE id = $1";
        let row = on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
        Ok(row)
    }

    /// Everyone registered for an occurrence, confirmed first, then the waitlist in order.
    pub async fn registrations_for(&self, occurrence_id: Uuid) -> anyhow::Result<Vec<RegistrationView>> {
        let sql = "SELECT id, occurrence_id, person_id, name, email, status, needs FROM event_registrations \
                   WHERE occurrence_id = $1 AND status <> 'cancelled' \
                   ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, queue, id";
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(occurrence_id).fetch_all(pool).await)?;
        Ok(rows)
    }
}
