//! Bookings in the database. Bookings are made inside a transaction that serialises bookings
//! with the same officer (SQLite's write lock, PostgreSQL's lock on the officer's row): the
//! officer's coming meetings are read under the lock, each booking is decided in memory
//! (`placing`), and what was decided is written after; a partial unique index on (officer, start)
//! backs it up. Rebooking takes the new time and gives back the old one in the same transaction,
//! which is also the transaction of the action's audit entry and notice.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use super::placing::{BookOutcome, Held, NewBooking, Placed, Placing};
use super::slots::{Slot, Window};
use super::{Booking, MeetingMode};
use crate::cases;
use crate::db::{Backend, Db, InsertRows, Param, Tx, UtcTime, full_lists, places};

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

/// Makes a person bookable (or changes their notice), idempotently; in the transaction of the
/// window or blocked date that needs it, so neither is kept without the other.
pub async fn ensure_booking_officer(tx: &mut Tx, officer_id: Uuid, notice_hours: u32) -> anyhow::Result<()> {
    let sql = "INSERT INTO booking_officers (officer_id, notice_hours, created_at) VALUES ($1, $2, $3) \
               ON CONFLICT (officer_id) DO UPDATE SET notice_hours = excluded.notice_hours";
    tx.sql().execute(sql, &[&officer_id, &i32::try_from(notice_hours)?, &UtcTime::now()]).await?;
    Ok(())
}

/// What an officer offers to book: the notice they ask for, their weekly windows and their
/// blocked dates from one day on.
#[derive(Debug, Clone)]
pub struct Availability {
    pub notice_hours: u32,
    pub windows: Vec<WindowRow>,
    pub blocked: Vec<NaiveDate>,
}

/// The officer's availability from `today` on; `None` if they take no bookings. Remembered
/// (`Db::remembered`) until any officer's availability changes: every booking page and every
/// booking reads it, and it changes only when an officer edits it.
pub async fn availability(
    db: &Db,
    officer_id: Uuid,
    today: NaiveDate,
) -> anyhow::Result<Arc<Option<Availability>>> {
    db.remembered("bookings::availability", format!("{officer_id}/{today}"), || async move {
        let sql = "SELECT notice_hours FROM booking_officers WHERE officer_id = $1";
        let Some(hours) = db.sql().value::<i32>(sql, &[&officer_id]).await? else { return Ok(None) };
        Ok(Some(Availability {
            notice_hours: u32::try_from(hours)?,
            windows: booking_windows(db, officer_id).await?,
            blocked: blocked_booking_dates(db, officer_id, today).await?,
        }))
    })
    .await
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

/// Locks the officers on PostgreSQL (their rows, in id order, so that two batches never wait
/// for each other in a circle; on SQLite the transaction's write lock already serialises every
/// booking), the cases and the bookings being moved, and reads what deciding bookings with them
/// for `cases` needs: each officer's coming meetings (an officer who takes no bookings is left
/// out), and each case's officer and count of them if the case is open.
///
/// A case is closed or handed over, and a booking cancelled, without the officer's lock. On
/// PostgreSQL the cases are therefore read `FOR SHARE` (`cases::store::lock_open_cases`): one
/// being closed or handed over is read after that commits (its bookings are refused), and one
/// read first waits to be closed until this batch has committed, and then cancels its bookings
/// too. The bookings being moved are
/// locked before the meetings are read: one cancelled meanwhile is then not among them (the move
/// is `Gone`), and one being cancelled waits for this transaction. Lock order: officers, cases,
/// bookings, then (in the caller) the audit head; closing a case takes the case, its bookings,
/// then the audit head.
pub async fn placing(
    tx: &mut Tx,
    officers: &[Uuid],
    cases: &[Uuid],
    moving: &[Uuid],
) -> anyhow::Result<Placing> {
    anyhow::ensure!(tx.is_write(), "a booking is made in a write transaction (Db::begin_write)");
    let mut placing = Placing::default();
    let lock = match tx.backend() {
        Backend::Sqlite => "SELECT officer_id FROM booking_officers WHERE officer_id = $1",
        Backend::Postgres => "SELECT officer_id FROM booking_officers WHERE officer_id = $1 FOR UPDATE",
    };
    let mut bookable = Vec::with_capacity(officers.len());
    for officer in in_order(officers) {
        if tx.sql().value::<Uuid>(lock, &[&officer]).await?.is_some() {
            bookable.push(officer);
        }
    }
    let now = UtcTime::now();
    let open = cases::store::lock_open_cases(tx, cases).await?;
    let coming = coming_per_case(tx, &open.iter().map(|(case, _)| *case).collect::<Vec<_>>(), now).await?;
    for (case, officer) in open {
        placing.know_case(case, officer, coming.get(&case).copied().unwrap_or(0));
    }
    if tx.backend() == Backend::Postgres {
        for booking in in_order(moving) {
            let sql = "SELECT id FROM bookings WHERE id = $1 FOR UPDATE";
            let _: Option<Uuid> = tx.sql().value(sql, &[&booking]).await?;
        }
    }
    for officer in bookable {
        let sql = "SELECT id, case_id, starts_at, ends_at FROM bookings \
                   WHERE officer_id = $1 AND status = 'booked' AND ends_at > $2";
        let rows: Vec<(Uuid, Uuid, UtcTime, UtcTime)> = tx.sql().all(sql, &[&officer, &now]).await?;
        let calendar = rows
            .into_iter()
            .map(|(id, case_id, starts_at, ends_at)| Held { id, case_id, slot: Slot { starts_at, ends_at } })
            .collect();
        placing.know_officer(officer, calendar);
    }
    Ok(placing)
}

/// Each id once, in the order rows are locked in.
fn in_order(ids: &[Uuid]) -> Vec<Uuid> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// How many meetings each of `cases` has booked that end after `now` (a case with none is left
/// out).
async fn coming_per_case(tx: &mut Tx, cases: &[Uuid], now: UtcTime) -> anyhow::Result<HashMap<Uuid, i64>> {
    static TEXT: OnceLock<String> = OnceLock::new();
    let sql = TEXT.get_or_init(|| {
        format!(
            "SELECT case_id, COUNT(*) FROM bookings WHERE status = 'booked' AND ends_at > $1 \
             AND case_id IN ({}) GROUP BY case_id",
            places(2, CASES_AT_ONCE)
        )
    });
    let mut coming = HashMap::with_capacity(cases.len());
    for list in full_lists(cases, CASES_AT_ONCE) {
        let params: Vec<&dyn Param> = std::iter::once(&now as &dyn Param).chain(list).collect();
        coming.extend(tx.sql().all::<(Uuid, i64)>(sql.as_str(), &params).await?);
    }
    Ok(coming)
}

/// How many cases one statement of `coming_per_case` reads.
const CASES_AT_ONCE: usize = 32;

static NEW_BOOKINGS: InsertRows<12> = InsertRows::new(
    "INSERT INTO bookings (id, reference, case_id, resident_id, officer_id, starts_at, ends_at, mode, \
     place, status, booked_by, booked_at)",
);

/// Writes the bookings `placing` decided: the times given back by rebookings first (the unique
/// index allows one booked meeting per officer and start), then the new bookings together.
pub async fn write_placed(tx: &mut Tx, placing: &Placing) -> anyhow::Result<()> {
    let now = UtcTime::now();
    let placed = placing.placed();
    for moved in placed.iter().filter(|p| p.replacing.is_some()) {
        let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = $1, cancelled_by = $2, \
                   sequence = sequence + 1 WHERE id = $3 AND status = 'booked'";
        let given_back = tx.sql().execute(sql, &[&now, &moved.new.booked_by, &moved.replacing]).await?;
        // Locked and read as booked in `placing`: nothing can have cancelled it since.
        anyhow::ensure!(given_back == 1, "a rebooked meeting was still booked under its lock");
    }
    let rows: Vec<(&Placed, String, &'static str)> =
        placed.iter().map(|p| (p, super::reference::new_reference(), p.new.mode.as_str())).collect();
    NEW_BOOKINGS
        .write(tx, &rows, |(p, reference, mode)| {
            [
                &p.id,
                reference,
                &p.new.case_id,
                &p.new.resident_id,
                &p.new.officer_id,
                &p.new.slot.starts_at,
                &p.new.slot.ends_at,
                mode,
                &p.new.place,
                &"booked",
                &p.new.booked_by,
                &now,
            ]
        })
        .await?;
    for moved in placed.iter().filter(|p| p.replacing.is_some()) {
        let sql = "UPDATE bookings SET replaced_by = $1 WHERE id = $2";
        tx.sql().execute(sql, &[&moved.id, &moved.replacing]).await?;
    }
    Ok(())
}

/// Books a meeting, or moves `replacing` (a coming booking of the same case) to the new time, in
/// a transaction begun with `Db::begin_write`: a batch of one (see [`Placing`]). A refusal writes
/// nothing.
pub async fn book(tx: &mut Tx, new: &NewBooking, replacing: Option<Uuid>) -> anyhow::Result<BookOutcome> {
    let moving: Vec<Uuid> = replacing.into_iter().collect();
    let mut placing = placing(tx, &[new.officer_id], &[new.case_id], &moving).await?;
    let outcome = placing.place(new, replacing);
    write_placed(tx, &placing).await?;
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
