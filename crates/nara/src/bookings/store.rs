//! Bookings in the database. A booking is made inside a transaction that serialises bookings
//! with the same officer (SQLite's write lock, PostgreSQL's lock on the officer's row) and checks
//! for an overlapping meeting before it writes; a partial unique index on (officer, start) backs
//! it up. Rebooking takes the new time and gives back the old one in the same transaction, which
//! is also the transaction of the action's audit entry and notice.

use chrono::{NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use super::slots::{Slot, Window};
use super::{Booking, MeetingMode};
use crate::db::{Backend, Db, Param, Tx, UtcTime};

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

/// Makes a person bookable (or changes their notice), idempotently; in the transaction of the
/// window or blocked date that needs it, so neither is kept without the other.
pub async fn ensure_booking_officer(tx: &mut Tx, officer_id: Uuid, notice_hours: u32) -> anyhow::Result<()> {
    let sql = "INSERT INTO booking_officers (officer_id, notice_hours, created_at) VALUES ($1, $2, $3) \
               ON CONFLICT (officer_id) DO UPDATE SET notice_hours = excluded.notice_hours";
    tx.sql().execute(sql, &[&officer_id, &i32::try_from(notice_hours)?, &UtcTime::now()]).await?;
    Ok(())
}

/// The hours of notice an officer asks for, if they take bookings at all.
pub async fn booking_notice_hours(db: &Db, officer_id: Uuid) -> anyhow::Result<Option<u32>> {
    let sql = "SELECT notice_hours FROM booking_officers WHERE officer_id = $1";
    let hours: Option<i32> = db.sql().value(sql, &[&officer_id]).await?;
    Ok(hours.and_then(|h| u32::try_from(h).ok()))
}

pub async fn add_booking_window(
    tx: &mut Tx,
    officer_id: Uuid,
    window: &Window,
    modes: &[MeetingMode],
    place: Option<&str>,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let modes: Vec<&str> = modes.iter().map(|m| m.as_str()).collect();
    let sql = "INSERT INTO booking_windows (id, officer_id, weekday, starts, ends, meeting_minutes, buffer_minutes, \
               modes, place, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    let params: [&dyn Param; 10] = [
        &id,
        &officer_id,
        &i32::try_from(window.weekday.number_from_monday())?,
        &window.from.format("%H:%M").to_string(),
        &window.until.format("%H:%M").to_string(),
        &i32::try_from(window.meeting_minutes)?,
        &i32::try_from(window.buffer_minutes)?,
        &modes.join(","),
        &place.map(str::to_owned),
        &UtcTime::now(),
    ];
    tx.sql().execute(sql, &params).await?;
    Ok(id)
}

pub async fn remove_booking_window(db: &Db, officer_id: Uuid, id: Uuid) -> anyhow::Result<bool> {
    let sql = "DELETE FROM booking_windows WHERE id = $1 AND officer_id = $2";
    Ok(db.sql().execute(sql, &[&id, &officer_id]).await? == 1)
}

pub async fn booking_windows(db: &Db, officer_id: Uuid) -> anyhow::Result<Vec<WindowRow>> {
    let sql = "SELECT id, weekday, starts, ends, meeting_minutes, buffer_minutes, modes, place \
               FROM booking_windows WHERE officer_id = $1 ORDER BY weekday, starts";
    let rows: Vec<WindowColumns> = db.sql().all(sql, &[&officer_id]).await?;
    Ok(rows.into_iter().filter_map(WindowColumns::into_row).collect())
}

pub async fn block_booking_date(tx: &mut Tx, officer_id: Uuid, date: NaiveDate) -> anyhow::Result<()> {
    let sql = "INSERT INTO booking_blocked_dates (officer_id, blocked_on) VALUES ($1, $2) \
               ON CONFLICT (officer_id, blocked_on) DO NOTHING";
    tx.sql().execute(sql, &[&officer_id, &date]).await?;
    Ok(())
}

pub async fn unblock_booking_date(db: &Db, officer_id: Uuid, date: NaiveDate) -> anyhow::Result<()> {
    let sql = "DELETE FROM booking_blocked_dates WHERE officer_id = $1 AND blocked_on = $2";
    db.sql().execute(sql, &[&officer_id, &date]).await?;
    Ok(())
}

pub async fn blocked_booking_dates(
    db: &Db,
    officer_id: Uuid,
    from: NaiveDate,
) -> anyhow::Result<Vec<NaiveDate>> {
    let sql = "SELECT blocked_on FROM booking_blocked_dates WHERE officer_id = $1 AND blocked_on >= $2 \
               ORDER BY blocked_on";
    Ok(db.sql().column(sql, &[&officer_id, &from]).await?)
}

/// The officer's booked meetings ending after `from`.
pub async fn booked_slots(db: &Db, officer_id: Uuid, from: UtcTime) -> anyhow::Result<Vec<Slot>> {
    let sql = "SELECT starts_at, ends_at FROM bookings WHERE officer_id = $1 AND status = 'booked' \
               AND ends_at > $2 ORDER BY starts_at";
    let rows: Vec<(UtcTime, UtcTime)> = db.sql().all(sql, &[&officer_id, &from]).await?;
    Ok(rows.into_iter().map(|(starts_at, ends_at)| Slot { starts_at, ends_at }).collect())
}

/// Locks the officer's row on PostgreSQL; on SQLite the transaction's write lock already
/// serialises every booking.
async fn lock_officer(tx: &mut Tx, officer: Uuid) -> anyhow::Result<()> {
    anyhow::ensure!(tx.is_write(), "a booking is made in a write transaction (Db::begin_write)");
    if tx.backend() == Backend::Postgres {
        let sql = "SELECT officer_id FROM booking_officers WHERE officer_id = $1 FOR UPDATE";
        let _: Option<Uuid> = tx.sql().value(sql, &[&officer]).await?;
    }
    Ok(())
}

/// Books a new meeting under the officer's lock ([`lock_officer`]) if the case has room for
/// another and the officer has no meeting overlapping it. It decides before it writes, so a
/// refusal writes nothing and leaves the transaction usable.
async fn place(tx: &mut Tx, new: &NewBooking) -> anyhow::Result<BookOutcome> {
    let now = UtcTime::now();
    // One statement for both checks: under the lock every round trip counts.
    let counts = "SELECT \
        (SELECT COUNT(*) FROM bookings WHERE case_id = $1 AND status = 'booked' AND ends_at > $2), \
        (SELECT COUNT(*) FROM bookings WHERE officer_id = $3 AND status = 'booked' AND starts_at < $4 \
         AND ends_at > $5)";
    let params: [&dyn Param; 5] =
        [&new.case_id, &now, &new.officer_id, &new.slot.ends_at, &new.slot.starts_at];
    let (coming, overlapping): (i64, i64) = tx.sql().one(counts, &params).await?;
    if coming >= MAX_COMING_PER_CASE {
        return Ok(BookOutcome::TooMany);
    }
    if overlapping > 0 {
        return Ok(BookOutcome::Taken);
    }
    let id = Uuid::new_v4();
    // The partial unique index backs the check up; a conflict writes nothing (and, unlike an
    // error, does not abort a PostgreSQL transaction).
    let sql = "INSERT INTO bookings (id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, \
               place, status, booked_by, booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $11) \
               ON CONFLICT DO NOTHING";
    let params: [&dyn Param; 11] = [
        &id,
        &super::reference::new_reference(),
        &new.case_id,
        &new.resident_id,
        &new.officer_id,
        &new.slot.starts_at,
        &new.slot.ends_at,
        &new.mode.as_str(),
        &new.place,
        &new.booked_by,
        &now,
    ];
    if tx.sql().execute(sql, &params).await? == 0 {
        return Ok(BookOutcome::Taken);
    }
    Ok(BookOutcome::Booked(id))
}

/// Books a meeting, or moves `replacing` (a booking of the same case) to the new time, in a
/// transaction begun with `Db::begin_write`. Bookings with one officer wait for each other:
/// SQLite's write lock is taken when the transaction begins, PostgreSQL locks the officer's row
/// here. Unless the outcome is `Booked`, the caller must drop the transaction unfinished: a
/// rebooking may have given the old time back already.
pub async fn book(tx: &mut Tx, new: &NewBooking, replacing: Option<Uuid>) -> anyhow::Result<BookOutcome> {
    lock_officer(tx, new.officer_id).await?;
    if let Some(old) = replacing {
        // Give the old time back first: a rebooking may move within its own meeting's time.
        let cancelled = tx
            .sql()
            .execute(
                "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
                 sequence = sequence + 1 WHERE id = $3 AND case_id = $4 AND status = 'booked'",
                &[&UtcTime::now(), &new.booked_by, &old, &new.case_id],
            )
            .await?;
        if cancelled != 1 {
            return Ok(BookOutcome::Gone);
        }
    }
    let outcome = place(tx, new).await?;
    if let (BookOutcome::Booked(id), Some(old)) = (outcome, replacing) {
        tx.sql().execute("UPDATE bookings SET replaced_by = $1 WHERE id = $2", &[&id, &old]).await?;
    }
    Ok(outcome)
}

/// Cancels a booking; `false` if it was not booked (and nothing changed).
pub async fn cancel_booking(tx: &mut Tx, id: Uuid, by: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
               sequence = sequence + 1 WHERE id = $3 AND status = 'booked'";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &by, &id]).await? == 1)
}

pub async fn booking(db: &Db, id: Uuid) -> anyhow::Result<Option<Booking>> {
    let sql = "SELECT id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, place, status, sequence \
               FROM bookings WHERE id = $1";
    Ok(db.sql().optional(sql, &[&id]).await?)
}

/// A case's bookings, newest first.
pub async fn bookings_of_case(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<Booking>> {
    let sql = "SELECT id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, place, status, sequence \
               FROM bookings WHERE case_id = $1 ORDER BY starts_at DESC";
    Ok(db.sql().all(sql, &[&case_id]).await?)
}

/// Cancels a case's coming meetings (when the case is closed or handed over); returns them.
pub async fn cancel_coming_bookings_of_case(
    tx: &mut Tx,
    case_id: Uuid,
    by: Uuid,
) -> anyhow::Result<Vec<Uuid>> {
    let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
               sequence = sequence + 1 WHERE case_id = $3 AND status = 'booked' AND starts_at > $1 RETURNING id";
    Ok(tx.sql().column(sql, &[&UtcTime::now(), &by, &case_id]).await?)
}

/// An officer's coming meetings.
pub async fn officer_bookings(db: &Db, officer_id: Uuid, from: UtcTime) -> anyhow::Result<Vec<Booking>> {
    let sql = "SELECT id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, place, status, sequence \
               FROM bookings WHERE officer_id = $1 AND status = 'booked' AND ends_at > $2 ORDER BY starts_at";
    Ok(db.sql().all(sql, &[&officer_id, &from]).await?)
}

/// Booked meetings starting within a day of `now` whose resident has not been reminded.
pub async fn bookings_to_remind(db: &Db, now: UtcTime) -> anyhow::Result<Vec<Booking>> {
    let until = UtcTime(now.0 + chrono::Duration::hours(24));
    let sql = "SELECT id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, place, status, sequence \
               FROM bookings WHERE status = 'booked' AND reminded_at IS NULL AND starts_at > $1 AND starts_at <= $2";
    Ok(db.sql().all(sql, &[&now, &until]).await?)
}

/// Marks a booking reminded; `false` if another process did it first.
pub async fn mark_booking_reminded(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE bookings SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &id]).await? == 1)
}
