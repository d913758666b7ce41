use std::sync::OnceLock;

use chrono::NaiveDate;
use uuid::Uuid;

use super::contact::PhoneHours;
use super::{Case, CaseStatus, JournalEntry, JournalVersion, Sharing, StatusKind};
use crate::applications::files::CheckedFile;
use crate::db::{Backend, Db, Param, Tx, UtcTime, full_lists, places};
use crate::i18n::Locale;

/// What opening a case needs.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub resident_id: Uuid,
    pub unit_id: Uuid,
    pub officer_id: Option<Uuid>,
    pub title: String,
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: Uuid,
    resident_id: Uuid,
    unit_id: Uuid,
    officer_id: Option<Uuid>,
    title: String,
    status: String,
    status_due_on: Option<NaiveDate>,
    opened_at: UtcTime,
    closed_at: Option<UtcTime>,
    updated_at: UtcTime,
}

impl CaseRow {
    fn into_case(self) -> anyhow::Result<Case> {
        let status = CaseStatus::parse(&self.status, self.status_due_on)
            .ok_or_else(|| anyhow::anyhow!("case {} has an unknown status", self.id))?;
        Ok(Case {
            id: self.id,
            resident_id: self.resident_id,
            unit_id: self.unit_id,
            officer_id: self.officer_id,
            title: self.title,
            status,
            opened_at: self.opened_at,
            closed_at: self.closed_at,
            updated_at: self.updated_at,
        })
    }
}

/// A case in a list: the resident's own list or a unit's work list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseSummary {
    pub id: Uuid,
    pub resident_id: Uuid,
    pub title: String,
    pub status: String,
    pub status_due_on: Option<NaiveDate>,
    pub unit_id: Uuid,
    pub unit_name_sv: String,
    pub unit_name_en: String,
    pub resident_name: String,
    pub officer_name: Option<String>,
    pub opened_at: UtcTime,
    pub updated_at: UtcTime,
    /// Messages the one reading the list has not seen yet.
    pub unread: i64,
}

impl CaseSummary {
    pub fn kind(&self) -> StatusKind {
        StatusKind::parse(&self.status).unwrap_or(StatusKind::Received)
    }
}

/// One step of the timeline.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusChange {
    pub status: String,
    pub due_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub changed_by_name: Option<String>,
    pub changed_at: UtcTime,
}

impl StatusChange {
    pub fn kind(&self) -> StatusKind {
        StatusKind::parse(&self.status).unwrap_or(StatusKind::Received)
    }
}

/// Something the resident added to their record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Addition {
    pub id: Uuid,
    pub entry_id: Option<Uuid>,
    pub entry_version: Option<i32>,
    pub author_name: String,
    pub disputes: bool,
    pub body: String,
    pub added_at: UtcTime,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub id: Uuid,
    pub sender_id: Uuid,
    pub sender_name: String,
    pub from_resident: bool,
    pub body: String,
    pub sent_at: UtcTime,
    pub read_at: Option<UtcTime>,
    /// What was attached, oldest first.
    pub files: Vec<MessageFile>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Handover {
    pub from_name: Option<String>,
    pub to_name: String,
    pub note: String,
    pub handed_over_at: UtcTime,
}

/// What became of a correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionOutcome {
    /// Saved as this version.
    Saved(i32),
    /// Someone else corrected the entry first: the version read is no longer the one in force.
    Stale,
    /// No such entry in this case.
    NotFound,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    entry_id: Uuid,
    entry_written_at: UtcTime,
    version: i32,
    body: String,
    shared_with_resident: bool,
    withheld_reason: Option<String>,
    written_by: Uuid,
    written_by_name: String,
    written_at: UtcTime,
}

/// True when the error is a unique-constraint violation (SQLite does not name the constraint).
fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

const SELECT_CASE: &str = "SELECT id, resident_id, unit_id, officer_id, title, status, status_due_on, opened_at, \
     closed_at, updated_at FROM cases WHERE id = $1";

/// `SELECT` of case summaries, to be followed by a clause; `$1` is whose unread messages count
/// (`TRUE`: the resident's side reads, so messages from staff count).
const SUMMARIES: &str = "SELECT c.id, c.resident_id, c.title, c.status, c.status_due_on, c.unit_id, \
     u.name_sv AS unit_name_sv, u.name_en AS unit_name_en, r.display_name AS resident_name, \
     o.display_name AS officer_name, c.opened_at, c.updated_at, \
     (SELECT COUNT(*) FROM case_messages m WHERE m.case_id = c.id AND m.read_at IS NULL \
     AND m.from_resident <> $1) AS unread \
     FROM cases c JOIN units u ON u.id = c.unit_id JOIN people r ON r.id = c.resident_id \
     LEFT JOIN people o ON o.id = c.officer_id ";

/// Writes a new case as received, with the first step of its timeline. Submitting an
/// application opens its case in the same transaction that marks it sent.
pub async fn insert_case(tx: &mut Tx, new: &NewCase, by: Option<Uuid>) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "INSERT INTO cases (id, resident_id, unit_id, officer_id, title, status, opened_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'received', $6, $6)",
            &[&id, &new.resident_id, &new.unit_id, &new.officer_id, &new.title, &now],
        )
        .await?;
    tx.sql()
        .execute(
            "INSERT INTO case_status_changes (id, case_id, status, changed_by, changed_at) \
             VALUES ($1, $2, 'received', $3, $4)",
            &[&Uuid::new_v4(), &id, &by, &now],
        )
        .await?;
    Ok(id)
}

/// Opens a case on its own (seeding, tests); an action that opens one with other writes uses
/// [`insert_case`] in its transaction.
pub async fn open_case(db: &Db, new: &NewCase, by: Option<Uuid>) -> anyhow::Result<Uuid> {
    let mut tx = db.begin().await?;
    let id = insert_case(&mut tx, new, by).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn case(db: &Db, id: Uuid) -> anyhow::Result<Option<Case>> {
    let row: Option<CaseRow> = db.sql().optional(SELECT_CASE, &[&id]).await?;
    row.map(CaseRow::into_case).transpose()
}

/// A resident's cases, open ones first, newest first.
pub async fn cases_of_resident(db: &Db, resident_id: Uuid) -> anyhow::Result<Vec<CaseSummary>> {
    let sql = format!(
        "{SUMMARIES}WHERE c.resident_id = $2 \
         ORDER BY CASE c.status WHEN 'closed' THEN 1 ELSE 0 END, c.opened_at DESC, c.id"
    );
    Ok(db.sql().all(sqlx::AssertSqlSafe(sql), &[&true, &resident_id]).await?)
}

/// A page of a unit's work list: open cases (or those with `status`), by status in the order
/// a case moves, then by due date (soonest first), then the oldest first.
pub async fn worklist(
    db: &Db,
    unit_id: Uuid,
    status: Option<StatusKind>,
    offset: i64,
    limit: i64,
) -> anyhow::Result<Vec<CaseSummary>> {
    // Two literal conditions rather than one `($3 IS NULL AND …) OR …`: with the literal
    // `status <> 'closed'` both databases use the partial index of open cases
    // (measured on 200,000 cases: PostgreSQL 50 → 27 ms, SQLite 32 → 18 ms for a unit).
    // The page's ids are chosen from `cases` alone, in the order of an index so the database
    // stops after the page instead of sorting every open case of the unit: open cases by the
    // stored `status_rank` (`cases_worklist_open`), one status by due date (`cases_worklist`;
    // the rank is the same for all). Measured on 200,000 cases, a page took 14 → 0.6 ms on
    // SQLite and 21 → 5 ms on PostgreSQL. Names and unread counts are then looked up for
    // those rows only. No NULLS LAST inside: a due date belongs to exactly one status (the
    // table's CHECK), so where NULLs sort never matters, and SQLite cannot read an index in
    // NULLS LAST order after its first ordered column.
    // LIMIT and OFFSET are literal integers (`db::page`).
    let page = crate::db::page(limit, offset)?;
    let (condition, order) = match status {
        None => ("WHERE unit_id = $2 AND status <> 'closed'", "status_rank, status_due_on, opened_at, id"),
        Some(_) => ("WHERE unit_id = $2 AND status = $3", "status_due_on, opened_at, id"),
    };
    let sql = sqlx::AssertSqlSafe(format!(
        "{SUMMARIES}JOIN (SELECT id AS page_id, status_rank AS page_rank, status_due_on AS page_due, \
         opened_at AS page_opened FROM cases {condition} ORDER BY {order} {page}) page \
         ON page.page_id = c.id \
         ORDER BY page.page_rank, page.page_due NULLS LAST, page.page_opened, page.page_id"
    ));
    let rows = match status {
        None => db.sql().all(sql, &[&false, &unit_id]).await?,
        Some(kind) => db.sql().all(sql, &[&false, &unit_id, &kind.as_str()]).await?,
    };
    Ok(rows)
}

/// The timeline, oldest first.
pub async fn status_changes(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<StatusChange>> {
    let sql = "SELECT s.status, s.due_on, s.note, p.display_name AS changed_by_name, s.changed_at \
               FROM case_status_changes s LEFT JOIN people p ON p.id = s.changed_by \
               WHERE s.case_id = $1 ORDER BY s.changed_at, s.id";
    Ok(db.sql().all(sql, &[&case_id]).await?)
}

/// Moves a case from `from` to `to` (the rules are checked by the caller) with a note to the
/// resident. `false` when the case was no longer in `from`: someone else changed it first, and
/// nothing was written.
pub async fn change_case_status(
    tx: &mut Tx,
    case_id: Uuid,
    from: CaseStatus,
    to: CaseStatus,
    note: Option<&str>,
    by: Uuid,
) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let closed_at = (to == CaseStatus::Closed).then_some(now);
    let changed = tx
        .sql()
        .execute(
            "UPDATE cases SET status = $1, status_due_on = $2, closed_at = $3, updated_at = $4 \
             WHERE id = $5 AND status = $6 AND closed_at IS NULL",
            &[&to.as_str(), &to.due(), &closed_at, &now, &case_id, &from.as_str()],
        )
        .await?;
    if changed != 1 {
        return Ok(false);
    }
    tx.sql()
        .execute(
            "INSERT INTO case_status_changes (id, case_id, status, due_on, note, changed_by, changed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&Uuid::new_v4(), &case_id, &to.as_str(), &to.due(), &note.map(str::to_owned), &by, &now],
        )
        .await?;
    Ok(true)
}

/// Every entry of a case with every version, oldest first. Who may see which is decided by
/// the caller through `JournalEntry::seen_as`.
pub async fn journal(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<JournalEntry>> {
    let sql = "SELECT e.id AS entry_id, e.written_at AS entry_written_at, v.version, v.body, \
               v.shared_with_resident, v.withheld_reason, v.written_by, p.display_name AS written_by_name, \
               v.written_at FROM case_journal_entries e \
               JOIN case_journal_versions v ON v.entry_id = e.id JOIN people p ON p.id = v.written_by \
               WHERE e.case_id = $1 ORDER BY e.written_at, e.id, v.version";
    let rows: Vec<VersionRow> = db.sql().all(sql, &[&case_id]).await?;
    let mut entries: Vec<JournalEntry> = Vec::new();
    for row in rows {
        let version = JournalVersion {
            version: row.version,
            body: row.body,
            sharing: Sharing::from_columns(row.shared_with_resident, row.withheld_reason),
            written_by: row.written_by,
            written_by_name: row.written_by_name,
            written_at: row.written_at,
        };
        match entries.last_mut() {
            Some(entry) if entry.id == row.entry_id => entry.versions.push(version),
            _ => entries.push(JournalEntry {
                id: row.entry_id,
                written_at: row.entry_written_at,
                versions: vec![version],
            }),
        }
    }
    Ok(entries)
}

/// Writes a new journal entry (version 1).
pub async fn write_journal_entry(
    tx: &mut Tx,
    case_id: Uuid,
    by: Uuid,
    body: &str,
    sharing: &Sharing,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "INSERT INTO case_journal_entries (id, case_id, author_id, written_at) VALUES ($1, $2, $3, $4)",
            &[&id, &case_id, &by, &now],
        )
        .await?;
    tx.sql()
        .execute(
            "INSERT INTO case_journal_versions (entry_id, version, body, shared_with_resident, withheld_reason, \
             written_by, written_at) VALUES ($1, 1, $2, $3, $4, $5, $6)",
            &[&id, &body, &sharing.is_shared(), &sharing.reason().map(str::to_owned), &by, &now],
        )
        .await?;
    touch(tx, case_id, now).await?;
    Ok(id)
}

/// Marks the case changed now.
async fn touch(tx: &mut Tx, case_id: Uuid, now: UtcTime) -> anyhow::Result<()> {
    tx.sql().execute("UPDATE cases SET updated_at = $1 WHERE id = $2", &[&now, &case_id]).await?;
    Ok(())
}

/// Corrects an entry of `case_id` with a new version after `read_version`, the version the
/// officer corrected. Earlier versions stay as they were. Unless `Saved`, nothing was written.
pub async fn correct_journal_entry(
    tx: &mut Tx,
    case_id: Uuid,
    entry_id: Uuid,
    read_version: i32,
    by: Uuid,
    body: &str,
    sharing: &Sharing,
) -> anyhow::Result<VersionOutcome> {
    let now = UtcTime::now();
    let next = read_version + 1;
    // One statement: it inserts only when the entry belongs to the case and `read_version`
    // is the newest; two corrections at once collide on the primary key.
    let sql = "INSERT INTO case_journal_versions (entry_id, version, body, shared_with_resident, withheld_reason, \
               written_by, written_at) \
               SELECT e.id, $1, $2, $3, $4, $5, $6 FROM case_journal_entries e \
               WHERE e.id = $7 AND e.case_id = $8 \
               AND (SELECT MAX(v.version) FROM case_journal_versions v WHERE v.entry_id = e.id) = $9";
    let params: [&dyn Param; 9] = [
        &next,
        &body,
        &sharing.is_shared(),
        &sharing.reason().map(str::to_owned),
        &by,
        &now,
        &entry_id,
        &case_id,
        &read_version,
    ];
    match tx.sql().execute(sql, &params).await {
        Ok(1) => {
            touch(tx, case_id, now).await?;
            Ok(VersionOutcome::Saved(next))
        }
        Ok(_) => {
            let exists: Option<i32> = tx
                .sql()
                .value(
                    "SELECT 1 FROM case_journal_entries WHERE id = $1 AND case_id = $2",
                    &[&entry_id, &case_id],
                )
                .await?;
            Ok(if exists.is_some() { VersionOutcome::Stale } else { VersionOutcome::NotFound })
        }
        Err(e) if is_unique_violation(&e) => Ok(VersionOutcome::Stale),
        Err(e) => Err(e.into()),
    }
}

/// Adds the resident's comment on a version of an entry (`entry`), or a note of their own.
/// The database refuses an entry of another case.
pub async fn add_to_record(
    tx: &mut Tx,
    case_id: Uuid,
    entry: Option<(Uuid, i32)>,
    author: Uuid,
    disputes: bool,
    body: &str,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO case_additions (id, case_id, entry_id, entry_version, author_id, disputes, body, added_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let params: [&dyn Param; 8] = [
        &id,
        &case_id,
        &entry.map(|(e, _)| e),
        &entry.map(|(_, v)| v),
        &author,
        &(disputes && entry.is_some()),
        &body,
        &UtcTime::now(),
    ];
    tx.sql().execute(sql, &params).await?;
    Ok(id)
}

/// The resident's additions to a case, oldest first.
pub async fn additions(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<Addition>> {
    let sql = "SELECT a.id, a.entry_id, a.entry_version, p.display_name AS author_name, a.disputes, a.body, \
               a.added_at FROM case_additions a JOIN people p ON p.id = a.author_id \
               WHERE a.case_id = $1 ORDER BY a.added_at, a.id";
    Ok(db.sql().all(sql, &[&case_id]).await?)
}

pub async fn send_case_message(
    tx: &mut Tx,
    case_id: Uuid,
    sender: Uuid,
    from_resident: bool,
    body: &str,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO case_messages (id, case_id, sender_id, from_resident, body, sent_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    tx.sql().execute(sql, &[&id, &case_id, &sender, &from_resident, &body, &UtcTime::now()]).await?;
    Ok(id)
}

/// A file attached to a message, as a page lists it (without its bytes).
#[derive(Debug, Clone)]
pub struct MessageFile {
    pub id: Uuid,
    pub file_name: String,
    pub size_bytes: i32,
}

/// Attaches a checked file to a message of the case, in the message's transaction.
pub async fn attach_to_message(
    tx: &mut Tx,
    case_id: Uuid,
    message_id: Uuid,
    file: &CheckedFile,
    content: &[u8],
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let sql = "INSERT INTO case_message_files (id, message_id, case_id, file_name, content_type, size_bytes, content, uploaded_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let size = i32::try_from(content.len())?;
    let params: [&dyn Param; 8] =
        [&id, &message_id, &case_id, &file.name, &file.kind.content_type(), &size, &content, &UtcTime::now()];
    tx.sql().execute(sql, &params).await?;
    Ok(id)
}

/// A message file's name, type and bytes, if it belongs to this case.
pub async fn message_file(
    db: &Db,
    case_id: Uuid,
    id: Uuid,
) -> anyhow::Result<Option<(String, String, Vec<u8>)>> {
    let sql =
        "SELECT file_name, content_type, content FROM case_message_files WHERE id = $1 AND case_id = $2";
    Ok(db.sql().optional(sql, &[&id, &case_id]).await?)
}

/// The messages of a case, oldest first, each with the files attached to it: one statement, since
/// both case pages show them (a page's statements are most of its cost).
pub async fn case_messages(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<Message>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: Uuid,
        sender_id: Uuid,
        sender_name: String,
        from_resident: bool,
        body: String,
        sent_at: UtcTime,
        read_at: Option<UtcTime>,
        file_id: Option<Uuid>,
        file_name: Option<String>,
        size_bytes: Option<i32>,
    }
    // Each message's files through their own index (`case_message_files_message`).
    let sql = "SELECT m.id, m.sender_id, p.display_name AS sender_name, m.from_resident, m.body, m.sent_at, \
               m.read_at, f.id AS file_id, f.file_name, f.size_bytes FROM case_messages m \
               JOIN people p ON p.id = m.sender_id \
               LEFT JOIN case_message_files f ON f.case_id = m.case_id AND f.message_id = m.id \
               WHERE m.case_id = $1 ORDER BY m.sent_at, m.id, f.uploaded_at, f.id";
    let rows: Vec<Row> = db.sql().all(sql, &[&case_id]).await?;
    let mut messages: Vec<Message> = Vec::new();
    for row in rows {
        // The file's columns are NOT NULL: all three are there, or the message has no file.
        let file = match (row.file_id, row.file_name, row.size_bytes) {
            (Some(id), Some(file_name), Some(size_bytes)) => Some(MessageFile { id, file_name, size_bytes }),
            _ => None,
        };
        match messages.last_mut() {
            Some(message) if message.id == row.id => message.files.extend(file),
            _ => messages.push(Message {
                id: row.id,
                sender_id: row.sender_id,
                sender_name: row.sender_name,
                from_resident: row.from_resident,
                body: row.body,
                sent_at: row.sent_at,
                read_at: row.read_at,
                files: file.into_iter().collect(),
            }),
        }
    }
    Ok(messages)
}

/// Marks the messages the other side sent as read: the resident's when `from_resident`.
/// Only when one of the `shown` messages is unread: a view of a case with nothing new writes nothing
/// (a write would wait for SQLite's write lock on every page view).
pub async fn mark_case_messages_read(
    db: &Db,
    case_id: Uuid,
    shown: &[Message],
    from_resident: bool,
) -> anyhow::Result<()> {
    if !shown.iter().any(|m| m.from_resident == from_resident && m.read_at.is_none()) {
        return Ok(());
    }
    let sql =
        "UPDATE case_messages SET read_at = $1 WHERE case_id = $2 AND from_resident = $3 AND read_at IS NULL";
    db.sql().execute(sql, &[&UtcTime::now(), &case_id, &from_resident]).await?;
    Ok(())
}

/// The open cases among `ids` that have a contact person, with that officer, read for a write
/// that holds only while they stay so (a booking). On PostgreSQL they are locked `FOR SHARE`
/// until `tx` ends: closing or handing one over waits for it, and one closed or handed over first
/// is read as it is after. Locked in id order, so that two such writes never wait in a circle.
pub async fn lock_open_cases(tx: &mut Tx, ids: &[Uuid]) -> anyhow::Result<Vec<(Uuid, Uuid)>> {
    static TEXTS: OnceLock<[String; 2]> = OnceLock::new();
    let [sqlite, postgres] = TEXTS.get_or_init(|| {
        let text = format!(
            "SELECT id, officer_id FROM cases WHERE id IN ({}) AND status <> 'closed' \
             AND officer_id IS NOT NULL ORDER BY id",
            places(1, CASES_AT_ONCE)
        );
        [text.clone(), format!("{text} FOR SHARE")]
    });
    let sql = match tx.backend() {
        Backend::Sqlite => sqlite.as_str(),
        Backend::Postgres => postgres.as_str(),
    };
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut open = Vec::with_capacity(ids.len());
    for params in full_lists(&ids, CASES_AT_ONCE) {
        open.extend(tx.sql().all::<(Uuid, Uuid)>(sql, &params).await?);
    }
    Ok(open)
}

/// How many cases one statement of [`lock_open_cases`] reads.
const CASES_AT_ONCE: usize = 32;

/// Hands an open case over to another officer with a note; `false` when the case is closed (and
/// nothing was written).
pub async fn hand_over_case(
    tx: &mut Tx,
    case_id: Uuid,
    to: Uuid,
    note: &str,
    by: Uuid,
) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    // Writing first takes the write lock at once; the handover records who had the case.
    let recorded = tx
        .sql()
        .execute(
            "INSERT INTO case_handovers (id, case_id, from_officer_id, to_officer_id, note, handed_over_by, \
             handed_over_at) SELECT $1, id, officer_id, $2, $3, $4, $5 FROM cases WHERE id = $6 AND closed_at IS NULL",
            &[&Uuid::new_v4(), &to, &note, &by, &now, &case_id],
        )
        .await?;
    if recorded != 1 {
        return Ok(false);
    }
    tx.sql()
        .execute("UPDATE cases SET officer_id = $1, updated_at = $2 WHERE id = $3", &[&to, &now, &case_id])
        .await?;
    Ok(true)
}

/// Where the case's contact person is reached and in which language, read inside the action
/// that gave them the case; `None` when there is none, or they have no address or no longer
/// work here.
pub async fn contact_person_address(tx: &mut Tx, case_id: Uuid) -> anyhow::Result<Option<(String, Locale)>> {
    let sql = "SELECT p.email, p.language FROM cases c JOIN people p ON p.id = c.officer_id \
               WHERE c.id = $1 AND p.active AND p.email IS NOT NULL";
    let found: Option<(String, Option<String>)> = tx.sql().optional(sql, &[&case_id]).await?;
    Ok(found.map(|(email, code)| (email, Locale::chosen(code.as_deref()))))
}

pub async fn handovers(db: &Db, case_id: Uuid) -> anyhow::Result<Vec<Handover>> {
    let sql = "SELECT f.display_name AS from_name, t.display_name AS to_name, h.note, h.handed_over_at \
               FROM case_handovers h LEFT JOIN people f ON f.id = h.from_officer_id \
               JOIN people t ON t.id = h.to_officer_id WHERE h.case_id = $1 ORDER BY h.handed_over_at, h.id";
    Ok(db.sql().all(sql, &[&case_id]).await?)
}

/// Active people holding the staff role in a unit, by name (those a case can go to).
pub async fn staff_of_unit(db: &Db, unit_id: Uuid) -> anyhow::Result<Vec<(Uuid, String)>> {
    let sql = "SELECT p.id, p.display_name FROM role_grants g JOIN people p ON p.id = g.person_id \
               WHERE g.role = 'staff' AND g.unit_id = $1 AND p.active = TRUE ORDER BY p.display_name, p.id";
    Ok(db.sql().all(sql, &[&unit_id]).await?)
}

/// When the contact person `person` answers the telephone, if they have said.
pub async fn phone_hours(db: &Db, person: Uuid) -> anyhow::Result<Option<PhoneHours>> {
    let sql =
        "SELECT phone, weekdays, answers_from, answers_until FROM officer_phone_hours WHERE person_id = $1";
    let row: Option<(String, String, String, String)> = db.sql().optional(sql, &[&person]).await?;
    Ok(row.and_then(|(phone, days, from, until)| PhoneHours::from_columns(phone, &days, &from, &until)))
}

/// A case's officer as the resident's case page shows them: name, e-mail, telephone hours and
/// whether they take bookings (`booking_notice_hours`), in one round trip.
pub struct OfficerContact {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<PhoneHours>,
    pub booking_notice_hours: Option<u32>,
}

pub async fn officer_contact(db: &Db, officer: Uuid) -> anyhow::Result<Option<OfficerContact>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        display_name: String,
        email: Option<String>,
        phone: Option<String>,
        weekdays: Option<String>,
        answers_from: Option<String>,
        answers_until: Option<String>,
        notice_hours: Option<i32>,
    }
    let sql = "SELECT p.display_name, p.email, h.phone, h.weekdays, h.answers_from, h.answers_until, \
               b.notice_hours FROM people p \
               LEFT JOIN officer_phone_hours h ON h.person_id = p.id \
               LEFT JOIN booking_officers b ON b.officer_id = p.id WHERE p.id = $1";
    let row: Option<Row> = db.sql().optional(sql, &[&officer]).await?;
    Ok(row.map(|r| OfficerContact {
        phone: match (r.phone, r.weekdays, r.answers_from, r.answers_until) {
            (Some(phone), Some(days), Some(from), Some(until)) => {
                PhoneHours::from_columns(phone, &days, &from, &until)
            }
            _ => None,
        },
        booking_notice_hours: r.notice_hours.and_then(|h| u32::try_from(h).ok()),
        name: r.display_name,
        email: r.email,
    }))
}

/// Stores when `person` answers the telephone, replacing what was there.
pub async fn set_phone_hours(tx: &mut Tx, person: Uuid, hours: &PhoneHours) -> anyhow::Result<()> {
    let sql = "INSERT INTO officer_phone_hours (person_id, phone, weekdays, answers_from, answers_until, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (person_id) DO UPDATE SET phone = $2, weekdays = $3, \
               answers_from = $4, answers_until = $5, updated_at = $6";
    let (from, until) = (hours.from.format("%H:%M").to_string(), hours.until.format("%H:%M").to_string());
    let params: [&dyn Param; 6] =
        [&person, &hours.phone, &hours.weekday_digits(), &from, &until, &UtcTime::now()];
    tx.sql().execute(sql, &params).await?;
    Ok(())
}
