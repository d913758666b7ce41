//! Storage of the leisure bank: lending places, kinds of items, items with every move of their
//! life, loans, the waitlist and participants' work.
//!
//! Never two loans of one item: an item is taken for a loan by a conditional `UPDATE … WHERE
//! step = 'available' AND held = FALSE` and its row count, under a partial unique index that
//! allows one reserved or lent loan per item. On PostgreSQL the free item is picked with
//! `FOR UPDATE SKIP LOCKED`, so simultaneous reservations each find a different item or none
//! (and then join the waitlist) instead of queueing on the same row.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{RULES, RenewRefusal, Step, may_renew, may_take_another};
use crate::db::{Backend, Db, Param, Tx, UtcTime};
use crate::directory::Entry;

// ---------------------------------------------------------------------------------------------
// Places and kinds of items

/// Makes a directory entry a lending place.
pub async fn add_place(tx: &mut Tx, entry_id: Uuid) -> anyhow::Result<()> {
    let sql =
        "INSERT INTO leisure_places (entry_id, added_at) VALUES ($1, $2) ON CONFLICT (entry_id) DO NOTHING";
    tx.sql().execute(sql, &[&entry_id, &UtcTime::now()]).await?;
    Ok(())
}

/// The lending places (their directory entries), by name.
pub async fn places(db: &Db) -> anyhow::Result<Vec<Entry>> {
    let ids: Vec<Uuid> = db.sql().column("SELECT entry_id FROM leisure_places", &[]).await?;
    let mut entries = crate::directory::store::entries_by_ids(db, &ids).await?;
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

pub async fn is_place(db: &Db, entry_id: Uuid) -> anyhow::Result<bool> {
    let sql = "SELECT COUNT(*) FROM leisure_places WHERE entry_id = $1";
    Ok(db.sql().value::<i64>(sql, &[&entry_id]).await?.unwrap_or(0) > 0)
}

/// A kind of item in one size.
pub struct NewType<'a> {
    pub category: &'a str,
    pub name_sv: &'a str,
    pub name_en: &'a str,
    pub size: &'a str,
}

/// Adds a kind of item (or finds the one with the same category, name and size).
pub async fn add_type(tx: &mut Tx, new: &NewType<'_>) -> anyhow::Result<Uuid> {
    let insert = "INSERT INTO leisure_item_types (id, category, name_sv, name_en, size, created_at) \
                  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (category, name_sv, size) DO NOTHING";
    let id = Uuid::new_v4();
    let params: [&dyn Param; 6] =
        [&id, &new.category, &new.name_sv, &new.name_en, &new.size, &UtcTime::now()];
    tx.sql().execute(insert, &params).await?;
    let find = "SELECT id FROM leisure_item_types WHERE category = $1 AND name_sv = $2 AND size = $3";
    let id = tx.sql().value(find, &[&new.category, &new.name_sv, &new.size]).await?;
    id.ok_or_else(|| anyhow::anyhow!("the kind of item was just written"))
}

/// A kind of item and, per lending place, how many are available now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Availability {
    pub type_id: Uuid,
    pub category: String,
    pub name_sv: String,
    pub name_en: String,
    pub size: String,
    pub place_id: Uuid,
    pub available: i64,
    /// Items of the kind at the place that are not retired (in use or on their way back).
    pub in_circulation: i64,
}

/// Every kind with items at a place, with the count available now (not held for a reservation).
pub async fn availability(db: &Db) -> anyhow::Result<Vec<Availability>> {
    let sql = "SELECT t.id AS type_id, t.category, t.name_sv, t.name_en, t.size, i.place_id, \
               COUNT(CASE WHEN i.step = 'available' AND i.held = FALSE THEN 1 END) AS available, \
               COUNT(*) AS in_circulation \
               FROM leisure_item_types t JOIN leisure_items i ON i.type_id = t.id \
               WHERE i.step <> 'retired' \
               GROUP BY t.id, t.category, t.name_sv, t.name_en, t.size, i.place_id \
               ORDER BY t.category, t.name_sv, t.size";
    Ok(db.sql().all(sql, &[]).await?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TypeRow {
    pub id: Uuid,
    pub category: String,
    pub name_sv: String,
    pub name_en: String,
    pub size: String,
}

pub async fn item_type(db: &Db, id: Uuid) -> anyhow::Result<Option<TypeRow>> {
    let sql = "SELECT id, category, name_sv, name_en, size FROM leisure_item_types WHERE id = $1";
    Ok(db.sql().optional(sql, &[&id]).await?)
}

// ---------------------------------------------------------------------------------------------
// Photos of kinds of items

/// A kind's photo as a page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PhotoRow {
    pub type_id: Uuid,
    pub image_id: Uuid,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

const PHOTO_COLUMNS: &str = "SELECT p.type_id, p.image_id, p.alt, i.width, i.height \
     FROM leisure_type_photos p JOIN images i ON i.id = p.image_id";

/// Every kind's photo (the public page shows them all).
pub async fn photos(db: &Db) -> anyhow::Result<Vec<PhotoRow>> {
    Ok(db.sql().all(PHOTO_COLUMNS, &[]).await?)
}

pub async fn photo(db: &Db, type_id: Uuid) -> anyhow::Result<Option<PhotoRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{PHOTO_COLUMNS} WHERE p.type_id = $1"));
    Ok(db.sql().optional(sql, &[&type_id]).await?)
}

/// Shows `image` as the kind's photo; returns the image it replaced, to delete.
pub async fn set_photo(
    tx: &mut Tx,
    type_id: Uuid,
    image: Uuid,
    alt: &str,
    by: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let old = remove_photo(tx, type_id).await?;
    let sql = "INSERT INTO leisure_type_photos (type_id, image_id, alt, added_by, added_at) VALUES ($1, $2, $3, $4, $5)";
    tx.sql().execute(sql, &[&type_id, &image, &alt, &by, &UtcTime::now()]).await?;
    Ok(old)
}

/// Stops showing the kind's photo; returns its image, to delete (`None` when it had none).
pub async fn remove_photo(tx: &mut Tx, type_id: Uuid) -> anyhow::Result<Option<Uuid>> {
    let sql = "DELETE FROM leisure_type_photos WHERE type_id = $1 RETURNING image_id";
    Ok(tx.sql().optional::<(Uuid,)>(sql, &[&type_id]).await?.map(|(id,)| id))
}

// ---------------------------------------------------------------------------------------------
// Items and their life

/// An item as it arrives (or, in the demo, as it is found).
pub struct NewItem {
    pub type_id: Uuid,
    pub place_id: Uuid,
    pub step: Step,
    pub condition: &'static str,
}

/// Inserts items and the first move of each in a few statements (the demo adds hundreds).
/// Returns their ids and label codes, in order.
pub async fn insert_items(
    tx: &mut Tx,
    items: &[NewItem],
    by: Option<Uuid>,
) -> anyhow::Result<Vec<(Uuid, String)>> {
    let now = UtcTime::now();
    let mut codes = Vec::with_capacity(items.len());
    // 100 rows of 7 values stay far below either database's limit on parameters.
    for batch in items.chunks(100) {
        let rows: Vec<(Uuid, String, &'static str, Uuid)> = batch
            .iter()
            .map(|i| (Uuid::new_v4(), super::new_code(), i.step.code(), Uuid::new_v4()))
            .collect();
        let mut item_params: Vec<&dyn Param> = Vec::new();
        let mut move_params: Vec<&dyn Param> = Vec::new();
        let (mut item_values, mut move_values) = (Vec::new(), Vec::new());
        for (n, (item, (id, code, step, move_id))) in batch.iter().zip(rows.iter()).enumerate() {
            let i = n * 7;
            item_values.push(format!(
                "(${}, ${}, ${}, ${}, ${}, ${}, FALSE, ${})",
                i + 1,
                i + 2,
                i + 3,
                i + 4,
                i + 5,
                i + 6,
                i + 7
            ));
            item_params.extend([
                id as &dyn Param,
                code,
                &item.type_id,
                &item.place_id,
                step,
                &item.condition,
                &now,
            ]);
            let m = n * 6;
            move_values.push(format!(
                "(${}, ${}, NULL, ${}, ${}, ${}, ${})",
                m + 1,
                m + 2,
                m + 3,
                m + 4,
                m + 5,
                m + 6
            ));
            move_params.extend([move_id as &dyn Param, id, step, &item.place_id, &by, &now]);
        }
        // Only numbered placeholders are formatted in; every value is bound.
        let items_sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO leisure_items (id, code, type_id, place_id, step, condition, held, created_at) VALUES {}",
            item_values.join(", ")
        ));
        tx.sql().execute(items_sql, &item_params).await?;
        let moves_sql = sqlx::AssertSqlSafe(format!(
            "INSERT INTO leisure_item_moves (id, item_id, from_step, to_step, place_id, moved_by, moved_at) VALUES {}",
            move_values.join(", ")
        ));
        tx.sql().execute(moves_sql, &move_params).await?;
        codes.extend(rows.into_iter().map(|(id, code, _, _)| (id, code)));
    }
    Ok(codes)
}

/// An item with its kind.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    pub id: Uuid,
    pub code: String,
    pub type_id: Uuid,
    pub category: String,
    pub name_sv: String,
    pub name_en: String,
    pub size: String,
    pub place_id: Uuid,
    pub step: String,
    pub condition: String,
    pub held: bool,
}

impl ItemRow {
    pub fn step(&self) -> Step {
        Step::parse(&self.step).unwrap_or(Step::Retired)
    }
}

const ITEM_COLUMNS: &str = "SELECT i.id, i.code, i.type_id, t.category, t.name_sv, t.name_en, t.size, i.place_id, \
     i.step, i.condition, i.held FROM leisure_items i JOIN leisure_item_types t ON t.id = i.type_id";

/// The item a label's code names.
pub async fn item_by_code(db: &Db, code: &str) -> anyhow::Result<Option<ItemRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{ITEM_COLUMNS} WHERE i.code = $1"));
    Ok(db.sql().optional(sql, &[&code]).await?)
}

pub async fn item_in(tx: &mut Tx, id: Uuid) -> anyhow::Result<Option<ItemRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{ITEM_COLUMNS} WHERE i.id = $1"));
    Ok(tx.sql().optional(sql, &[&id]).await?)
}

pub async fn item(db: &Db, id: Uuid) -> anyhow::Result<Option<ItemRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{ITEM_COLUMNS} WHERE i.id = $1"));
    Ok(db.sql().optional(sql, &[&id]).await?)
}

/// Items at a step (the task board's columns), oldest first, a page of them.
pub async fn items_at(db: &Db, step: Step, limit: i64) -> anyhow::Result<Vec<ItemRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{ITEM_COLUMNS} WHERE i.step = $1 ORDER BY i.created_at, i.id {}",
        crate::db::sql::page(limit, 0)?
    ));
    Ok(db.sql().all(sql, &[&step.code()]).await?)
}

/// How many items wait at each step, per place: (place, step, count).
pub async fn step_counts(db: &Db) -> anyhow::Result<Vec<(Uuid, String, i64)>> {
    let sql = "SELECT place_id, step, COUNT(*) FROM leisure_items GROUP BY place_id, step";
    Ok(db.sql().all(sql, &[]).await?)
}

async fn record_move(
    tx: &mut Tx,
    item: Uuid,
    from: Option<Step>,
    to: Step,
    place: Uuid,
    by: Option<Uuid>,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO leisure_item_moves (id, item_id, from_step, to_step, place_id, moved_by, moved_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let from = from.map(Step::code);
    let params: [&dyn Param; 7] = [&Uuid::new_v4(), &item, &from, &to.code(), &place, &by, &UtcTime::now()];
    tx.sql().execute(sql, &params).await?;
    Ok(())
}

/// Moves an item by hand from `from` to `to` (a move [`Step::by_hand`] allows), recorded with who
/// and where. False when the item is no longer at `from` (someone else moved it first) or is
/// held for a reservation.
pub async fn move_item(tx: &mut Tx, item: &ItemRow, from: Step, to: Step, by: Uuid) -> anyhow::Result<bool> {
    if !from.by_hand().any(|s| s == to) {
        return Ok(false);
    }
    let sql = "UPDATE leisure_items SET step = $3 WHERE id = $1 AND step = $2 AND held = FALSE";
    if tx.sql().execute(sql, &[&item.id, &from.code(), &to.code()]).await? != 1 {
        return Ok(false);
    }
    record_move(tx, item.id, Some(from), to, item.place_id, Some(by)).await?;
    Ok(true)
}

/// One move in an item's history, with the place's and the mover's names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MoveRow {
    pub from_step: Option<String>,
    pub to_step: String,
    pub place: String,
    pub moved_by: Option<String>,
    pub moved_at: UtcTime,
}

/// An item's life, newest first (for staff: it names who moved it).
pub async fn history(db: &Db, item: Uuid) -> anyhow::Result<Vec<MoveRow>> {
    let sql = "SELECT m.from_step, m.to_step, e.name AS place, p.display_name AS moved_by, m.moved_at \
               FROM leisure_item_moves m JOIN directory_entries e ON e.id = m.place_id \
               LEFT JOIN people p ON p.id = m.moved_by WHERE m.item_id = $1 ORDER BY m.moved_at DESC, m.id";
    Ok(db.sql().all(sql, &[&item]).await?)
}

// ---------------------------------------------------------------------------------------------
// Loans and the waitlist

/// What a reservation came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reserved {
    /// An item is held for the resident: this loan, to pick up.
    Item(Uuid),
    /// None was free: the resident waits, at this place in the line (1 is next).
    Waiting(i64),
    /// The resident already holds as many reservations and waitlist places as one may.
    AtLimit,
}

/// Lets one person's reservations in one at a time, so that the limit is counted on what the
/// others committed: on PostgreSQL by locking their row until the transaction ends; on SQLite
/// the write transaction (`BEGIN IMMEDIATE`) already admits one writer at a time.
async fn one_at_a_time(tx: &mut Tx, person: Uuid) -> anyhow::Result<()> {
    if tx.backend() == Backend::Postgres {
        let lock = "SELECT id FROM people WHERE id = $1 FOR UPDATE";
        tx.sql().optional::<(Uuid,)>(lock, &[&person]).await?;
    }
    Ok(())
}

/// A person's reservations not yet picked up plus the waitlist places they hold.
async fn open_of(tx: &mut Tx, person: Uuid) -> anyhow::Result<i64> {
    let sql = "SELECT (SELECT COUNT(*) FROM leisure_loans WHERE borrower_id = $1 AND state = 'reserved') \
               + (SELECT COUNT(*) FROM leisure_waitlist WHERE person_id = $1 AND offered_loan_id IS NULL \
               AND left_at IS NULL)";
    Ok(tx.sql().value::<i64>(sql, &[&person]).await?.unwrap_or(0))
}

/// Picks a free item of a kind at a place, skipping on PostgreSQL the rows another transaction
/// is taking right now (see the module's note); `None` when there is none.
async fn free_item(tx: &mut Tx, type_id: Uuid, place_id: Uuid) -> anyhow::Result<Option<Uuid>> {
    let sql = match tx.backend() {
        Backend::Sqlite => {
            "SELECT id FROM leisure_items WHERE type_id = $1 AND place_id = $2 AND step = 'available' \
             AND held = FALSE ORDER BY created_at, id LIMIT 1"
        }
        Backend::Postgres => {
            "SELECT id FROM leisure_items WHERE type_id = $1 AND place_id = $2 AND step = 'available' \
             AND held = FALSE ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
        }
    };
    Ok(tx.sql().optional::<(Uuid,)>(sql, &[&type_id, &place_id]).await?.map(|(id,)| id))
}

/// Takes an item for a loan: true when this transaction got it.
async fn hold(tx: &mut Tx, item: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE leisure_items SET held = TRUE WHERE id = $1 AND step = 'available' AND held = FALSE";
    Ok(tx.sql().execute(sql, &[&item]).await? == 1)
}

async fn insert_reservation(
    tx: &mut Tx,
    item: Uuid,
    type_id: Uuid,
    place_id: Uuid,
    person: Uuid,
) -> anyhow::Result<Uuid> {
    let now = UtcTime::now();
    let pickup_by = UtcTime(RULES.pickup_by(now.0));
    let id = Uuid::new_v4();
    let sql = "INSERT INTO leisure_loans (id, item_id, type_id, place_id, borrower_id, state, reserved_at, pickup_by) \
               VALUES ($1, $2, $3, $4, $5, 'reserved', $6, $7)";
    let params: [&dyn Param; 7] = [&id, &item, &type_id, &place_id, &person, &now, &pickup_by];
    tx.sql().execute(sql, &params).await?;
    Ok(id)
}

/// Reserves an item of a kind at a place for a resident, or puts them on the kind's waitlist;
/// neither when they hold [`super::MAX_OPEN_PER_PERSON`] already.
pub async fn reserve(tx: &mut Tx, type_id: Uuid, place_id: Uuid, person: Uuid) -> anyhow::Result<Reserved> {
    one_at_a_time(tx, person).await?;
    if !may_take_another(open_of(tx, person).await?) {
        return Ok(Reserved::AtLimit);
    }
    while let Some(item) = free_item(tx, type_id, place_id).await? {
        if hold(tx, item).await? {
            return Ok(Reserved::Item(insert_reservation(tx, item, type_id, place_id, person).await?));
        }
    }
    let join = "INSERT INTO leisure_waitlist (id, type_id, person_id, joined_at) VALUES ($1, $2, $3, $4) \
                ON CONFLICT (type_id, person_id) WHERE offered_loan_id IS NULL AND left_at IS NULL DO NOTHING";
    tx.sql().execute(join, &[&Uuid::new_v4(), &type_id, &person, &UtcTime::now()]).await?;
    let position = "SELECT COUNT(*) FROM leisure_waitlist w WHERE w.type_id = $1 AND w.offered_loan_id IS NULL \
                    AND w.left_at IS NULL AND w.joined_at <= (SELECT joined_at FROM leisure_waitlist \
                    WHERE type_id = $1 AND person_id = $2 AND offered_loan_id IS NULL AND left_at IS NULL)";
    Ok(Reserved::Waiting(tx.sql().value(position, &[&type_id, &person]).await?.unwrap_or(0)))
}

/// Who was offered an item that became available.
#[derive(Debug, Clone)]
pub struct Offer {
    pub loan_id: Uuid,
    pub person_id: Uuid,
    pub email: Option<String>,
    pub language: Option<String>,
}

/// When an item becomes available, reserves it for the first on its kind's waitlist (if any).
pub async fn offer_to_next(tx: &mut Tx, item: &ItemRow) -> anyhow::Result<Option<Offer>> {
    let first = match tx.backend() {
        Backend::Sqlite => {
            "SELECT id, person_id FROM leisure_waitlist WHERE type_id = $1 AND offered_loan_id IS NULL \
             AND left_at IS NULL ORDER BY joined_at, id LIMIT 1"
        }
        Backend::Postgres => {
            "SELECT id, person_id FROM leisure_waitlist WHERE type_id = $1 AND offered_loan_id IS NULL \
             AND left_at IS NULL ORDER BY joined_at, id LIMIT 1 FOR UPDATE"
        }
    };
    let Some((waiting, person)) = tx.sql().optional::<(Uuid, Uuid)>(first, &[&item.type_id]).await? else {
        return Ok(None);
    };
    if !hold(tx, item.id).await? {
        return Ok(None);
    }
    let loan_id = insert_reservation(tx, item.id, item.type_id, item.place_id, person).await?;
    let offered = "UPDATE leisure_waitlist SET offered_loan_id = $2 WHERE id = $1";
    tx.sql().execute(offered, &[&waiting, &loan_id]).await?;
    let who = "SELECT email, language FROM people WHERE id = $1";
    let (email, language): (Option<String>, Option<String>) = tx.sql().one(who, &[&person]).await?;
    Ok(Some(Offer { loan_id, person_id: person, email, language }))
}

/// A loan with the item's kind and the borrower as staff see them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoanRow {
    pub id: Uuid,
    pub item_id: Uuid,
    pub code: String,
    pub type_id: Uuid,
    pub name_sv: String,
    pub name_en: String,
    pub size: String,
    pub place_id: Uuid,
    pub borrower_id: Option<Uuid>,
    pub borrower: Option<String>,
    pub desk_phone: Option<String>,
    pub state: String,
    pub reserved_at: UtcTime,
    pub pickup_by: UtcTime,
    pub due_on: Option<NaiveDate>,
    pub renewals: i32,
}

const LOAN_COLUMNS: &str = "SELECT l.id, l.item_id, i.code, l.type_id, t.name_sv, t.name_en, t.size, l.place_id, \
     l.borrower_id, COALESCE(p.display_name, l.desk_name) AS borrower, l.desk_phone, l.state, l.reserved_at, \
     l.pickup_by, l.due_on, l.renewals FROM leisure_loans l JOIN leisure_items i ON i.id = l.item_id \
     JOIN leisure_item_types t ON t.id = l.type_id LEFT JOIN people p ON p.id = l.borrower_id";

/// The reserved or lent loan of an item, if any.
pub async fn active_loan(db: &Db, item: Uuid) -> anyhow::Result<Option<LoanRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{LOAN_COLUMNS} WHERE l.item_id = $1 AND l.state IN ('reserved', 'lent')"
    ));
    Ok(db.sql().optional(sql, &[&item]).await?)
}

pub async fn loan(db: &Db, id: Uuid) -> anyhow::Result<Option<LoanRow>> {
    let sql = sqlx::AssertSqlSafe(format!("{LOAN_COLUMNS} WHERE l.id = $1"));
    Ok(db.sql().optional(sql, &[&id]).await?)
}

/// A resident's loans: reserved and lent first, then the last returned ones.
pub async fn loans_of(db: &Db, person: Uuid) -> anyhow::Result<Vec<LoanRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{LOAN_COLUMNS} WHERE l.borrower_id = $1 ORDER BY CASE l.state WHEN 'lent' THEN 0 WHEN 'reserved' THEN 1 \
         ELSE 2 END, l.reserved_at DESC LIMIT 50"
    ));
    Ok(db.sql().all(sql, &[&person]).await?)
}

/// Loans at the desk: reservations to hand over and loans past their due date.
pub async fn desk_loans(db: &Db, today: NaiveDate) -> anyhow::Result<Vec<LoanRow>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{LOAN_COLUMNS} WHERE l.state = 'reserved' OR (l.state = 'lent' AND l.due_on < $1) \
         ORDER BY l.state DESC, l.reserved_at LIMIT 200"
    ));
    Ok(db.sql().all(sql, &[&today]).await?)
}

/// Where a resident waits: (kind, Swedish name, English name, size, place in line).
pub async fn waiting_of(db: &Db, person: Uuid) -> anyhow::Result<Vec<(Uuid, String, String, String, i64)>> {
    let sql = "SELECT t.id, t.name_sv, t.name_en, t.size, (SELECT COUNT(*) FROM leisure_waitlist o WHERE o.type_id = w.type_id \
               AND o.offered_loan_id IS NULL AND o.left_at IS NULL AND o.joined_at <= w.joined_at) \
               FROM leisure_waitlist w JOIN leisure_item_types t ON t.id = w.type_id \
               WHERE w.person_id = $1 AND w.offered_loan_id IS NULL AND w.left_at IS NULL ORDER BY w.joined_at";
    Ok(db.sql().all(sql, &[&person]).await?)
}

/// Takes a resident off a kind's waitlist; the ones behind move up (a place in line is counted,
/// not stored). False when they were not waiting for it.
pub async fn leave_waitlist(tx: &mut Tx, type_id: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE leisure_waitlist SET left_at = $3 WHERE type_id = $1 AND person_id = $2 \
               AND offered_loan_id IS NULL AND left_at IS NULL";
    Ok(tx.sql().execute(sql, &[&type_id, &person, &UtcTime::now()]).await? == 1)
}

/// The people waiting for a kind, in order (for tests and the desk).
pub async fn waitlist(db: &Db, type_id: Uuid) -> anyhow::Result<Vec<Uuid>> {
    let sql = "SELECT person_id FROM leisure_waitlist WHERE type_id = $1 AND offered_loan_id IS NULL \
               AND left_at IS NULL ORDER BY joined_at, id";
    Ok(db.sql().column(sql, &[&type_id]).await?)
}

/// Hands a reserved item over: the loan starts, due after the loan period. False when the
/// reservation is no longer waiting.
pub async fn hand_over(tx: &mut Tx, loan: &LoanRow, by: Uuid, today: NaiveDate) -> anyhow::Result<bool> {
    let due = RULES.due_on(today);
    // Not after the pick-up time: the reservation has ended (the maintenance round frees the item).
    let start = "UPDATE leisure_loans SET state = 'lent', lent_at = $2, due_on = $3 \
                 WHERE id = $1 AND state = 'reserved' AND pickup_by >= $2";
    if tx.sql().execute(start, &[&loan.id, &UtcTime::now(), &due]).await? != 1 {
        return Ok(false);
    }
    let item = "UPDATE leisure_items SET step = 'lent' WHERE id = $1 AND step = 'available' AND held = TRUE";
    anyhow::ensure!(tx.sql().execute(item, &[&loan.item_id]).await? == 1, "a reserved item is held");
    record_move(tx, loan.item_id, Some(Step::Available), Step::Lent, loan.place_id, Some(by)).await?;
    Ok(true)
}

/// Reservations whose pick-up time has passed at `now`: (loan, item).
pub async fn lapsed_reservations(db: &Db, now: UtcTime) -> anyhow::Result<Vec<(Uuid, Uuid)>> {
    let sql = "SELECT id, item_id FROM leisure_loans WHERE state = 'reserved' AND pickup_by < $1 \
               ORDER BY pickup_by, id";
    Ok(db.sql().all(sql, &[&now]).await?)
}

/// Ends a reservation not picked up in time and frees its item. `None` when it was handed over
/// or ended already (decided in the statement, so two processes end it once); otherwise the
/// borrower, for the log.
pub async fn end_lapsed(
    tx: &mut Tx,
    loan: Uuid,
    item: Uuid,
    now: UtcTime,
) -> anyhow::Result<Option<Option<Uuid>>> {
    let end = "UPDATE leisure_loans SET state = 'expired' WHERE id = $1 AND state = 'reserved' AND pickup_by < $2 \
               RETURNING borrower_id";
    let Some((borrower,)) = tx.sql().optional::<(Option<Uuid>,)>(end, &[&loan, &now]).await? else {
        return Ok(None);
    };
    let free = "UPDATE leisure_items SET held = FALSE WHERE id = $1 AND step = 'available' AND held = TRUE";
    anyhow::ensure!(tx.sql().execute(free, &[&item]).await? == 1, "a reserved item is held");
    Ok(Some(borrower))
}

/// Lends an available item at the desk to someone without an account: a name and a phone number
/// only, deleted at the return. `None` when the item is not free.
pub async fn lend_at_desk(
    tx: &mut Tx,
    item: &ItemRow,
    name: &str,
    phone: &str,
    by: Option<Uuid>,
    today: NaiveDate,
) -> anyhow::Result<Option<Uuid>> {
    let take = "UPDATE leisure_items SET held = TRUE, step = 'lent' WHERE id = $1 AND step = 'available' AND held = FALSE";
    if tx.sql().execute(take, &[&item.id]).await? != 1 {
        return Ok(None);
    }
    let now = UtcTime::now();
    let id = Uuid::new_v4();
    let sql = "INSERT INTO leisure_loans (id, item_id, type_id, place_id, desk_name, desk_phone, state, reserved_at, \
               pickup_by, lent_at, due_on) VALUES ($1, $2, $3, $4, $5, $6, 'lent', $7, $7, $7, $8)";
    let due = RULES.due_on(today);
    let params: [&dyn Param; 8] = [&id, &item.id, &item.type_id, &item.place_id, &name, &phone, &now, &due];
    tx.sql().execute(sql, &params).await?;
    record_move(tx, item.id, Some(Step::Available), Step::Lent, item.place_id, by).await?;
    Ok(Some(id))
}

/// Takes a lent item back at `place` (any lending place: the item moves there), also one whose
/// loan was written off as lost. A desk borrower's name and phone are deleted here. Returns the
/// loan, or `None` when it was not lent.
pub async fn return_item(tx: &mut Tx, item: &ItemRow, place: Uuid, by: Uuid) -> anyhow::Result<Option<Uuid>> {
    let now = UtcTime::now();
    let find = "SELECT id FROM leisure_loans WHERE item_id = $1 AND state IN ('lent', 'lost') \
                ORDER BY reserved_at DESC, id LIMIT 1";
    let Some((loan,)) = tx.sql().optional::<(Uuid,)>(find, &[&item.id]).await? else { return Ok(None) };
    let close = "UPDATE leisure_loans SET state = 'returned', returned_at = $2, returned_place_id = $3, \
                 desk_name = NULL, desk_phone = NULL WHERE id = $1 AND state IN ('lent', 'lost')";
    if tx.sql().execute(close, &[&loan, &now, &place]).await? != 1 {
        return Ok(None);
    }
    let back = "UPDATE leisure_items SET step = 'returned', held = FALSE, place_id = $2 WHERE id = $1 AND step = 'lent'";
    anyhow::ensure!(tx.sql().execute(back, &[&item.id, &place]).await? == 1, "a lent item is lent");
    record_move(tx, item.id, Some(Step::Lent), Step::Returned, place, Some(by)).await?;
    Ok(Some(loan))
}

/// Desk loans due before `before` that never came back (see [`super::DESK_CONTACT_RETENTION_DAYS`]).
pub async fn lost_desk_loans(db: &Db, before: NaiveDate) -> anyhow::Result<Vec<Uuid>> {
    let sql = "SELECT id FROM leisure_loans WHERE state = 'lent' AND borrower_id IS NULL AND due_on < $1 \
               ORDER BY due_on, id LIMIT 500";
    Ok(db.sql().column(sql, &[&before]).await?)
}

/// Writes a desk loan off as lost and deletes its borrower's name and phone; false when it came
/// back or was written off already (decided in the statement, so two rounds do it once). The
/// item stays lent: if it turns up, it is returned as usual.
pub async fn write_off(tx: &mut Tx, loan: Uuid, before: NaiveDate) -> anyhow::Result<bool> {
    let sql = "UPDATE leisure_loans SET state = 'lost', desk_name = NULL, desk_phone = NULL \
               WHERE id = $1 AND state = 'lent' AND borrower_id IS NULL AND due_on < $2";
    Ok(tx.sql().execute(sql, &[&loan, &before]).await? == 1)
}

/// Renews a resident's loan once, while nobody waits for its kind; the refusal says why not.
pub async fn renew(
    tx: &mut Tx,
    loan: &LoanRow,
    today: NaiveDate,
) -> anyhow::Result<Result<NaiveDate, RenewRefusal>> {
    let waiting = "SELECT COUNT(*) FROM leisure_waitlist WHERE type_id = $1 AND offered_loan_id IS NULL AND left_at IS NULL";
    let waits = tx.sql().value::<i64>(waiting, &[&loan.type_id]).await?.unwrap_or(0) > 0;
    if let Err(refusal) = may_renew(loan.state == "lent", loan.renewals, waits) {
        return Ok(Err(refusal));
    }
    // From the later of today and the due date: renewing early never shortens a loan.
    let from = loan.due_on.map_or(today, |due| due.max(today));
    let due = RULES.due_on(from);
    // The same conditions again in the statement: a waitlist place taken meanwhile still refuses.
    let sql = "UPDATE leisure_loans SET due_on = $2, renewals = renewals + 1, reminded_due_at = NULL \
               WHERE id = $1 AND state = 'lent' AND renewals = 0 AND NOT EXISTS (SELECT 1 FROM leisure_waitlist w \
               WHERE w.type_id = leisure_loans.type_id AND w.offered_loan_id IS NULL AND w.left_at IS NULL)";
    if tx.sql().execute(sql, &[&loan.id, &due]).await? != 1 {
        return Ok(Err(RenewRefusal::SomeoneWaits));
    }
    Ok(Ok(due))
}

// ---------------------------------------------------------------------------------------------
// Reminders (from `maintenance`)

/// A loan whose borrower is to be reminded.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reminder {
    pub id: Uuid,
    pub email: String,
    pub language: Option<String>,
    pub name_sv: String,
    pub name_en: String,
    pub due_on: NaiveDate,
}

/// Loans due within the reminder days (not yet reminded), and loans overdue (not yet reminded
/// of that): (before due, overdue).
pub async fn reminders_due(db: &Db, today: NaiveDate) -> anyhow::Result<(Vec<Reminder>, Vec<Reminder>)> {
    let base = "SELECT l.id, p.email, p.language, t.name_sv, t.name_en, l.due_on FROM leisure_loans l \
                JOIN people p ON p.id = l.borrower_id JOIN leisure_item_types t ON t.id = l.type_id \
                WHERE l.state = 'lent' AND p.email IS NOT NULL";
    let soon = sqlx::AssertSqlSafe(format!(
        "{base} AND l.reminded_due_at IS NULL AND l.due_on > $1 AND l.due_on <= $2 ORDER BY l.due_on LIMIT 500"
    ));
    let late = sqlx::AssertSqlSafe(format!(
        "{base} AND l.reminded_overdue_at IS NULL AND l.due_on < $1 ORDER BY l.due_on LIMIT 500"
    ));
    let until = today.checked_add_days(chrono::Days::new(RULES.remind_days_before)).unwrap_or(today);
    Ok((db.sql().all(soon, &[&today, &until]).await?, db.sql().all(late, &[&today]).await?))
}

/// Marks a reminder as sent; false when another process got there first.
pub async fn claim_reminder(tx: &mut Tx, loan: Uuid, overdue: bool) -> anyhow::Result<bool> {
    let sql = if overdue {
        "UPDATE leisure_loans SET reminded_overdue_at = $2 WHERE id = $1 AND reminded_overdue_at IS NULL"
    } else {
        "UPDATE leisure_loans SET reminded_due_at = $2 WHERE id = $1 AND reminded_due_at IS NULL"
    };
    Ok(tx.sql().execute(sql, &[&loan, &UtcTime::now()]).await? == 1)
}

// ---------------------------------------------------------------------------------------------
// Participants' work

/// Records a participant's work on an item (before the move it led to, so the move comes after).
pub async fn record_work(
    tx: &mut Tx,
    person: Uuid,
    item: Uuid,
    task: super::Task,
    minutes: i32,
    what_done: &str,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO leisure_work (id, person_id, item_id, task, minutes, what_done, recorded_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    let params: [&dyn Param; 7] = [&id, &person, &item, &task.code(), &minutes, &what_done, &UtcTime::now()];
    tx.sql().execute(sql, &params).await?;
    Ok(id)
}

/// Work waiting for the supervisor's sign-off, oldest first.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkRow {
    pub id: Uuid,
    pub participant: String,
    pub task: String,
    pub minutes: i32,
    pub what_done: String,
    pub recorded_at: UtcTime,
}

/// Work waiting for `supervisor`'s sign-off: never their own.
pub async fn unsigned_work(db: &Db, supervisor: Uuid) -> anyhow::Result<Vec<WorkRow>> {
    let sql = "SELECT w.id, p.display_name AS participant, w.task, w.minutes, w.what_done, w.recorded_at \
               FROM leisure_work w JOIN people p ON p.id = w.person_id \
               WHERE w.signed_off_at IS NULL AND w.person_id <> $1 \
               ORDER BY w.recorded_at, w.id LIMIT 200";
    Ok(db.sql().all(sql, &[&supervisor]).await?)
}

/// Signs off a participant's recorded work; false when it was signed off already or is `by`'s
/// own (a supervisor who also works an item has another sign it off).
pub async fn sign_off(tx: &mut Tx, work: Uuid, by: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE leisure_work SET signed_off_by = $2, signed_off_at = $3 \
               WHERE id = $1 AND signed_off_at IS NULL AND person_id <> $2";
    Ok(tx.sql().execute(sql, &[&work, &by, &UtcTime::now()]).await? == 1)
}

pub async fn work_exists(db: &Db, work: Uuid) -> anyhow::Result<bool> {
    Ok(db.sql().value::<i64>("SELECT COUNT(*) FROM leisure_work WHERE id = $1", &[&work]).await?.unwrap_or(0)
        > 0)
}

/// What a participant's work came to: minutes recorded, minutes signed off, items they worked on
/// that became available afterwards, and the loans of those items since.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkSummary {
    pub minutes: i64,
    pub signed_off_minutes: i64,
    pub items_back_in_use: i64,
    pub loans_enabled: i64,
}

pub async fn work_summary(db: &Db, person: Uuid) -> anyhow::Result<WorkSummary> {
    let minutes = "SELECT COALESCE(SUM(minutes), 0), COALESCE(SUM(CASE WHEN signed_off_at IS NOT NULL THEN minutes ELSE 0 END), 0) \
                   FROM leisure_work WHERE person_id = $1";
    let (minutes, signed_off_minutes): (i64, i64) = db.sql().one(minutes, &[&person]).await?;
    let back = "SELECT COUNT(DISTINCT w.item_id) FROM leisure_work w WHERE w.person_id = $1 AND EXISTS \
                (SELECT 1 FROM leisure_item_moves m WHERE m.item_id = w.item_id AND m.to_step = 'available' \
                AND m.moved_at >= w.recorded_at)";
    let loans = "SELECT COUNT(*) FROM leisure_loans l WHERE l.lent_at IS NOT NULL AND EXISTS \
                 (SELECT 1 FROM leisure_work w WHERE w.person_id = $1 AND w.item_id = l.item_id AND w.recorded_at <= l.lent_at)";
    Ok(WorkSummary {
        minutes,
        signed_off_minutes,
        items_back_in_use: db.sql().value::<i64>(back, &[&person]).await?.unwrap_or(0),
        loans_enabled: db.sql().value::<i64>(loans, &[&person]).await?.unwrap_or(0),
    })
}

// ---------------------------------------------------------------------------------------------
// Statistics

/// Loans handed over in `[from, to)`: (category, when).
pub async fn loans_between(db: &Db, from: UtcTime, to: UtcTime) -> anyhow::Result<Vec<(String, UtcTime)>> {
    let sql = "SELECT t.category, l.lent_at FROM leisure_loans l JOIN leisure_item_types t ON t.id = l.type_id \
               WHERE l.lent_at >= $1 AND l.lent_at < $2";
    Ok(db.sql().all(sql, &[&from, &to]).await?)
}

/// Items moved back into use (to available from washing or repair) in `[from, to)`:
/// (category, when).
pub async fn back_in_use_between(
    db: &Db,
    from: UtcTime,
    to: UtcTime,
) -> anyhow::Result<Vec<(String, UtcTime)>> {
    let sql = "SELECT t.category, m.moved_at FROM leisure_item_moves m JOIN leisure_items i ON i.id = m.item_id \
               JOIN leisure_item_types t ON t.id = i.type_id WHERE m.to_step = 'available' \
               AND m.from_step IN ('washing', 'repair') AND m.moved_at >= $1 AND m.moved_at < $2";
    Ok(db.sql().all(sql, &[&from, &to]).await?)
}

/// Participants' signed-off work recorded in `[from, to)`: (participant, when, minutes). Only
/// counted, never shown by person.
pub async fn signed_off_work_between(
    db: &Db,
    from: UtcTime,
    to: UtcTime,
) -> anyhow::Result<Vec<(Uuid, UtcTime, i32)>> {
    let sql = "SELECT person_id, recorded_at, minutes FROM leisure_work \
               WHERE signed_off_at IS NOT NULL AND recorded_at >= $1 AND recorded_at < $2";
    Ok(db.sql().all(sql, &[&from, &to]).await?)
}

// ---------------------------------------------------------------------------------------------
// The demo's history

/// A loan handed over and returned in the past (the demo's year of history).
pub struct PastLoan {
    pub item: Uuid,
    pub type_id: Uuid,
    pub place: Uuid,
    pub lent_at: UtcTime,
    pub returned_at: UtcTime,
}

/// A move of an item in the past.
pub struct PastMove {
    pub item: Uuid,
    pub from: Step,
    pub to: Step,
    pub place: Uuid,
    pub by: Option<Uuid>,
    pub at: UtcTime,
}

/// A participant's work in the past, signed off by a supervisor.
pub struct PastWork {
    pub person: Uuid,
    pub item: Uuid,
    pub task: super::Task,
    pub minutes: i32,
    pub what_done: &'static str,
    pub at: UtcTime,
    pub signed_off_by: Uuid,
}

/// Inserts rows into `into` ("table (columns)") in statements of at most 100 rows.
async fn insert_many(tx: &mut Tx, into: &'static str, rows: &[Vec<&dyn Param>]) -> anyhow::Result<()> {
    for batch in rows.chunks(100) {
        let (mut values, mut params) = (Vec::new(), Vec::<&dyn Param>::new());
        for row in batch {
            let numbers: Vec<String> =
                (params.len() + 1..=params.len() + row.len()).map(|n| format!("${n}")).collect();
            values.push(format!("({})", numbers.join(", ")));
            params.extend(row.iter().copied());
        }
        // Only the fixed table and numbered placeholders are formatted in; every value is bound.
        let sql = sqlx::AssertSqlSafe(format!("INSERT INTO {into} VALUES {}", values.join(", ")));
        tx.sql().execute(sql, &params).await?;
    }
    Ok(())
}

/// Writes a past year of loans, moves and signed-off work in a few statements.
pub async fn insert_history(
    tx: &mut Tx,
    loans: &[PastLoan],
    moves: &[PastMove],
    work: &[PastWork],
) -> anyhow::Result<()> {
    let ids: Vec<Uuid> = (0..loans.len() + moves.len() + work.len()).map(|_| Uuid::new_v4()).collect();
    let dues: Vec<NaiveDate> =
        loans.iter().map(|l| RULES.due_on(crate::stockholm::date_of(l.lent_at.0))).collect();
    let rows: Vec<Vec<&dyn Param>> = loans
        .iter()
        .zip(&ids)
        .zip(&dues)
        .map(|((l, id), due)| -> Vec<&dyn Param> {
            vec![
                id,
                &l.item,
                &l.type_id,
                &l.place,
                &"returned",
                &l.lent_at,
                &l.lent_at,
                &l.lent_at,
                due,
                &l.returned_at,
                &l.place,
            ]
        })
        .collect();
    let into = "leisure_loans (id, item_id, type_id, place_id, state, reserved_at, pickup_by, lent_at, due_on, \
                returned_at, returned_place_id)";
    insert_many(tx, into, &rows).await?;
    let steps: Vec<(&str, &str)> = moves.iter().map(|m| (m.from.code(), m.to.code())).collect();
    let rows: Vec<Vec<&dyn Param>> = moves
        .iter()
        .zip(&ids[loans.len()..])
        .zip(&steps)
        .map(|((m, id), (from, to))| -> Vec<&dyn Param> {
            vec![id, &m.item, from, to, &m.place, &m.by, &m.at]
        })
        .collect();
    insert_many(
        tx,
        "leisure_item_moves (id, item_id, from_step, to_step, place_id, moved_by, moved_at)",
        &rows,
    )
    .await?;
    let tasks: Vec<&str> = work.iter().map(|w| w.task.code()).collect();
    let rows: Vec<Vec<&dyn Param>> = work
        .iter()
        .zip(&ids[loans.len() + moves.len()..])
        .zip(&tasks)
        .map(|((w, id), task)| -> Vec<&dyn Param> {
            vec![id, &w.person, &w.item, task, &w.minutes, &w.what_done, &w.at, &w.signed_off_by, &w.at]
        })
        .collect();
    let into = "leisure_work (id, person_id, item_id, task, minutes, what_done, recorded_at, signed_off_by, \
                signed_off_at)";
    insert_many(tx, into, &rows).await
}
