//! Bookings in the database. A booking is made inside a transaction that serialises bookings
//! with the same officer (SQLite's write lock, PostgreSQL's lock on the officer's row) and checks
//! for an overlapping meeting before it writes; a partial unique index on (officer, start) backs
//! it up. Rebooking takes the new time and gives back the old one in the same transaction.

use chrono::{NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use super::slots::{Slot, Window};
use super::{Booking, MeetingMode};
use crate::db::{Db, UtcTime};
use crate::on_pool;

/// A window as stored, with its id and what it offers.
#[derive(Debug, Clone)]
pub struct WindowRow {
    pub id: Uuid,
    pub window: Window,
    pub modes: Vec<MeetingMode>,
    pub place: Option<String>,
}

#[derive(sqlx::FromRow)]
struct WindowColumns {
    id: Uuid,
    weekday: i32,
    starts: String,
    ends: String,
    meeting_minutes: i32,
    buffer_minutes: i32,
    modes: String,
    place: Option<String>,
}

impl WindowColumns {
    fn into_row(self) -> Option<WindowRow> {
        let weekday = Weekday::try_from(u8::try_from(self.weekday - 1).ok()?).ok()?;
        Some(WindowRow {
            id: self.id,
            window: Window {
                weekday,
                from: NaiveTime::parse_from_str(&self.starts, "%H:%M").ok()?,
                until: NaiveTime::parse_from_str(&self.ends, "%H:%M").ok()?,
                meeting_minutes: u32::try_from(self.meeting_minutes).ok()?,
                buffer_minutes: u32::try_from(self.buffer_minutes).ok()?,
            },
            modes: self.modes.split(',').filter_map(MeetingMode::parse).collect(),
            place: self.place,
        })
    }
}

/// How many coming meetings one case may have booked at once: enough to plan a few, too few to
/// fill an officer's calendar from one account.
pub const MAX_COMING_PER_CASE: i64 = 3;

/// What became of a booking request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookOutcome {
    Booked(Uuid),
    /// Someone else has the time (or an overlapping one).
    Taken,
    /// The case already has `MAX_COMING_PER_CASE` coming meetings.
    TooMany,
    /// The booking to move was no longer booked (moved or cancelled meanwhile).
    Gone,
}

/// What a new booking needs.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub case_id: Uuid,
    pub resident_id: Uuid,
    pub officer_id: Uuid,
    pub slot: Slot,
    pub mode: MeetingMode,
    pub place: Option<String>,
    pub booked_by: Uuid,
}

macro_rules! select_bookings {
    ($clause:literal) => {
        concat!(
            "SELECT id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, place, status, ",
            "sequence FROM bookings ",
            $clause
        )
    };
}

/// Writes a booking if the officer has no meeting overlapping it; the caller holds the lock.
/// `None` when the time was taken.
macro_rules! insert_booking_in {
    ($tx:ident, $new:expr) => {{
        let overlapping: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE officer_id = $1 AND status = 'booked' \
             AND starts_at < $2 AND ends_at > $3",
        )
        .bind($new.officer_id)
        .bind($new.slot.ends_at)
        .bind($new.slot.starts_at)
        .fetch_one(&mut *$tx)
        .await?;
        if overlapping > 0 {
            None
        } else {
            let id = Uuid::new_v4();
            let inserted = sqlx::query(
                "INSERT INTO bookings (id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, \
                 place, status, booked_by, booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $11)",
            )
            .bind(id)
            .bind(super::reference::new_reference())
            .bind($new.case_id)
            .bind($new.resident_id)
            .bind($new.officer_id)
            .bind($new.slot.starts_at)
            .bind($new.slot.ends_at)
            .bind($new.mode.as_str())
            .bind(&$new.place)
            .bind($new.booked_by)
            .bind(UtcTime::now())
            .execute(&mut *$tx)
            .await;
            match inserted {
                Ok(_) => Some(id),
                // The unique index: someone took the same start in the same instant.
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => None,
                Err(e) => return Err(e.into()),
            }
        }
    }};
}

/// Books (and, when `replacing` is given, cancels that booking in favour of the new one), all
/// or nothing.
macro_rules! book_in {
    ($tx:ident, $new:expr, $replacing:expr) => {{
        let mut outcome = None;
        if let Some(old) = $replacing {
            // Give the old time back first: a rebooking may move within its own meeting's time.
            let cancelled = sqlx::query(
                "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
                 sequence = sequence + 1 WHERE id = $3 AND case_id = $4 AND status = 'booked'",
            )
            .bind(UtcTime::now())
            .bind($new.booked_by)
            .bind(old)
            .bind($new.case_id)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if cancelled != 1 {
                outcome = Some(BookOutcome::Gone);
            }
        }
        if outcome.is_none() {
            let coming: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM bookings WHERE case_id = $1 AND status = 'booked' AND ends_at > $2",
            )
            .bind($new.case_id)
            .bind(UtcTime::now())
            .fetch_one(&mut *$tx)
            .await?;
            if coming >= MAX_COMING_PER_CASE {
                outcome = Some(BookOutcome::TooMany);
            }
        }
        if outcome.is_none() {
            outcome = Some(match insert_booking_in!($tx, $new) {
                Some(id) => BookOutcome::Booked(id),
                None => BookOutcome::Taken,
            });
        }
        match (outcome, $replacing) {
            (Some(BookOutcome::Booked(id)), Some(old)) => {
                sqlx::query("UPDATE bookings SET replaced_by = $1 WHERE id = $2")
                    .bind(id)
                    .bind(old)
                    .execute(&mut *$tx)
                    .await?;
                $tx.commit().await?;
            }
            (Some(BookOutcome::Booked(_)), None) => $tx.commit().await?,
            // Nothing changes: the old booking stands.
            _ => $tx.rollback().await?,
        }
        outcome.unwrap_or(BookOutcome::Taken)
    }};
}

impl Db {
    /// Makes a person bookable (or changes their notice), idempotently.
    pub async fn ensure_booking_officer(&self, officer_id: Uuid, notice_hours: u32) -> anyhow::Result<()> {
        let sql = "INSERT INTO booking_officers (officer_id, notice_hours, created_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (officer_id) DO UPDATE SET notice_hours = excluded.notice_hours";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(officer_id)
            .bind(i32::try_from(notice_hours)?)
            .bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// The hours of notice an officer asks for, if they take bookings at all.
    pub async fn booking_notice_hours(&self, officer_id: Uuid) -> anyhow::Result<Option<u32>> {
        let sql = "SELECT notice_hours FROM booking_officers WHERE officer_id = $1";
        let hours: Option<i32> =
            on_pool!(self, pool => sqlx::query_scalar(sql).bind(officer_id).fetch_optional(pool).await)?;
        Ok(hours.and_then(|h| u32::try_from(h).ok()))
    }

    pub async fn add_booking_window(
        &self,
        officer_id: Uuid,
        window: &Window,
        modes: &[MeetingMode],
        place: Option<&str>,
    ) -> anyhow::Result<Uuid> {
        let id = Uuid::new_v4();
        let modes: Vec<&str> = modes.iter().map(|m| m.as_str()).collect();
        let sql = "INSERT INTO booking_windows (id, officer_id, weekday, starts, ends, meeting_minutes, buffer_minutes, \
                   modes, place, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(id)
            .bind(officer_id)
            .bind(i32::try_from(window.weekday.number_from_monday())?)
            .bind(window.from.format("%H:%M").to_string())
            .bind(window.until.format("%H:%M").to_string())
            .bind(i32::try_from(window.meeting_minutes)?)
            .bind(i32::try_from(window.buffer_minutes)?)
            .bind(modes.join(","))
            .bind(place)
            .bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop))?;
        Ok(id)
    }

    pub async fn remove_booking_window(&self, officer_id: Uuid, id: Uuid) -> anyhow::Result<bool> {
        let sql = "DELETE FROM booking_windows WHERE id = $1 AND officer_id = $2";
        let gone = on_pool!(self, pool => sqlx::query(sql).bind(id).bind(officer_id).execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(gone == 1)
    }

    pub async fn booking_windows(&self, officer_id: Uuid) -> anyhow::Result<Vec<WindowRow>> {
        let sql = "SELECT id, weekday, starts, ends, meeting_minutes, buffer_minutes, modes, place \
                   FROM booking_windows WHERE officer_id = $1 ORDER BY weekday, starts";
        let rows: Vec<WindowColumns> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(officer_id).fetch_all(pool).await)?;
        Ok(rows.into_iter().filter_map(WindowColumns::into_row).collect())
    }

    pub async fn block_booking_date(&self, officer_id: Uuid, date: NaiveDate) -> anyhow::Result<()> {
        let sql = "INSERT INTO booking_blocked_dates (officer_id, blocked_on) VALUES ($1, $2) \
                   ON CONFLICT (officer_id, blocked_on) DO NOTHING";
        on_pool!(self, pool => sqlx::query(sql).bind(officer_id).bind(date).execute(pool).await.map(drop))?;
        Ok(())
    }

    pub async fn unblock_booking_date(&self, officer_id: Uuid, date: NaiveDate) -> anyhow::Result<()> {
        let sql = "DELETE FROM booking_blocked_dates WHERE officer_id = $1 AND blocked_on = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(officer_id).bind(date).execute(pool).await.map(drop))?;
        Ok(())
    }

    pub async fn blocked_booking_dates(
        &self,
        officer_id: Uuid,
        from: NaiveDate,
    ) -> anyhow::Result<Vec<NaiveDate>> {
        let sql = "SELECT blocked_on FROM booking_blocked_dates WHERE officer_id = $1 AND blocked_on >= $2 \
                   ORDER BY blocked_on";
        let rows = on_pool!(self, pool => sqlx::query_scalar(sql).bind(officer_id).bind(from).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// The officer's booked meetings ending after `from`.
    pub async fn booked_slots(&self, officer_id: Uuid, from: UtcTime) -> anyhow::Result<Vec<Slot>> {
        let sql = "SELECT starts_at, ends_at FROM bookings WHERE officer_id = $1 AND status = 'booked' \
                   AND ends_at > $2 ORDER BY starts_at";
        let rows: Vec<(UtcTime, UtcTime)> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(officer_id).bind(from).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(starts_at, ends_at)| Slot { starts_at, ends_at }).collect())
    }

    /// Books a meeting, or moves `replacing` (a booking of the same case) to the new time. Unless
    /// the outcome is `Booked`, nothing changed.
    pub async fn book(&self, new: &NewBooking, replacing: Option<Uuid>) -> anyhow::Result<BookOutcome> {
        let made = match self.pool() {
            crate::db::Pool::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                book_in!(tx, new, replacing)
            }
            crate::db::Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // Bookings with one officer wait for each other here.
                sqlx::query("SELECT officer_id FROM booking_officers WHERE officer_id = $1 FOR UPDATE")
                    .bind(new.officer_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                book_in!(tx, new, replacing)
            }
        };
        Ok(made)
    }

    /// Cancels a booking; `false` if it was not booked.
    pub async fn cancel_booking(&self, id: Uuid, by: Uuid) -> anyhow::Result<bool> {
        let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
                   sequence = sequence + 1 WHERE id = $3 AND status = 'booked'";
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(UtcTime::now())
            .bind(by)
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }

    pub async fn booking(&self, id: Uuid) -> anyhow::Result<Option<Booking>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_bookings!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    /// A case's bookings, newest first.
    pub async fn bookings_of_case(&self, case_id: Uuid) -> anyhow::Result<Vec<Booking>> {
        let row = on_pool!(self, pool => sqlx::query_as(select_bookings!("WHERE case_id = $1 ORDER BY starts_at DESC"))
            .bind(case_id)
            .fetch_all(pool)
            .await)?;
        Ok(row)
    }

    /// Cancels a case's coming meetings (when the case is closed or handed over); returns them.
    pub async fn cancel_coming_bookings_of_case(&self, case_id: Uuid, by: Uuid) -> anyhow::Result<Vec<Uuid>> {
        let now = UtcTime::now();
        let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
                   sequence = sequence + 1 WHERE case_id = $3 AND status = 'booked' AND starts_at > $1 RETURNING id";
        let ids = on_pool!(self, pool => sqlx::query_scalar(sql).bind(now).bind(by).bind(case_id).fetch_all(pool).await)?;
        Ok(ids)
    }

    /// An officer's coming meetings.
    pub async fn officer_bookings(&self, officer_id: Uuid, from: UtcTime) -> anyhow::Result<Vec<Booking>> {
        let sql = select_bookings!(
            "WHERE officer_id = $1 AND status = 'booked' AND ends_at > $2 ORDER BY starts_at"
        );
        let rows =
            on_pool!(self, pool => sqlx::query_as(sql).bind(officer_id).bind(from).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Booked meetings starting within a day of `now` whose resident has not been reminded.
    pub async fn bookings_to_remind(&self, now: UtcTime) -> anyhow::Result<Vec<Booking>> {
        let until = UtcTime(now.0 + chrono::Duration::hours(24));
        let sql = select_bookings!(
            "WHERE status = 'booked' AND reminded_at IS NULL AND starts_at > $1 AND starts_at <= $2"
        );
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(now).bind(until).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Marks a booking reminded; `false` if another process did it first.
    pub async fn mark_booking_reminded(&self, id: Uuid) -> anyhow::Result<bool> {
        let sql = "UPDATE bookings SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL";
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(UtcTime::now())
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }
}
