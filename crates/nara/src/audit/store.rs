use uuid::Uuid;

use super::checkpoint::Checkpoint;
use super::{Anchor, AuditEntry, AuditEvent, ChainBreak, Verified, Walk};
use crate::db::group_commit::GroupCommit;
use crate::db::{Backend, Db, InsertRows, Param, Tx, UtcTime};
use crate::identity::Role;

/// The newest entry as the database records it, and the id that binds entries and checkpoints
/// to this log (so checkpoints of another database in the same data directory are told apart).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditHead {
    pub log_id: String,
    pub seq: i64,
    pub hash: String,
}

/// One line of "who has read or changed my data".
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessLogLine {
    pub at: UtcTime,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub actor_role: String,
    pub unit_name_sv: Option<String>,
    pub unit_name_en: Option<String>,
    pub action: String,
    /// What was read or changed (`case` and its id), to group repeated views of one thing.
    pub object_type: String,
    pub object_id: Option<String>,
    pub purpose: Option<String>,
}

/// What the log reviewers search by; every field narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub actor_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub action: Option<String>,
    pub from: Option<UtcTime>,
    pub until: Option<UtcTime>,
}

/// An entry with the names of the people and unit it mentions, for the reviewers' page.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditSearchLine {
    pub seq: i64,
    pub at: UtcTime,
    pub actor_name: Option<String>,
    pub actor_role: String,
    pub unit_name_sv: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub subject_name: Option<String>,
    pub purpose: Option<String>,
    pub request_id: Option<String>,
}

/// The columns of an entry, in the order [`entry_params`] gives them.
const ENTRY_COLUMNS: usize = 14;
static INSERT_ENTRIES: InsertRows<ENTRY_COLUMNS> = InsertRows::new(
    "INSERT INTO audit_log (seq, at, actor_id, actor_role, actor_unit_id, action, object_type, object_id, \
     subject_id, purpose, request_id, prev_hash, key_id, hash)",
);

fn entry_params(e: &AuditEntry) -> [&dyn Param; ENTRY_COLUMNS] {
    [
        &e.seq,
        &e.at,
        &e.actor_id,
        &e.actor_role,
        &e.actor_unit_id,
        &e.action,
        &e.object_type,
        &e.object_id,
        &e.subject_id,
        &e.purpose,
        &e.request_id,
        &e.prev_hash,
        &e.key_id,
        &e.hash,
    ]
}
const HEAD: &str = "SELECT log_id, seq, hash FROM audit_head WHERE id = 1";
const UPDATE_HEAD: &str = "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1";

const HEAD_LOCKED: &str = "SELECT log_id, seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";

/// Appends an event inside the action's own transaction, signed with the newest audit key, and
/// returns its sequence number: the entry commits with what it records, or neither does.
/// Appends are serialised on the head: SQLite's write lock (so `tx` must come from
/// `Db::begin_write`, or a deferred transaction could fail to upgrade), PostgreSQL's row lock.
pub async fn append(tx: &mut Tx, event: &AuditEvent) -> anyhow::Result<i64> {
    let last = append_all(tx, std::slice::from_ref(event)).await?;
    Ok(last)
}

/// Appends `events` in order after one read of the head, in few INSERTs ([`InsertRows`]), and
/// moves the head once: the sequence number of the last one.
pub async fn append_all(tx: &mut Tx, events: &[AuditEvent]) -> anyhow::Result<i64> {
    anyhow::ensure!(tx.is_write(), "an audit entry is appended in a write transaction (Db::begin_write)");
    let head_sql = match tx.backend() {
        Backend::Sqlite => HEAD,
        Backend::Postgres => HEAD_LOCKED,
    };
    let head: AuditHead = tx.sql().one(head_sql, &[]).await?;
    let (mut seq, mut hash) = (head.seq, head.hash);
    let mut entries = Vec::with_capacity(events.len());
    for event in events {
        let key = tx.db().audit_keys().signing();
        let e = AuditEntry::chained(event, seq + 1, UtcTime::now(), &hash, &head.log_id, key);
        (seq, hash) = (e.seq, e.hash.clone());
        entries.push(e);
    }
    INSERT_ENTRIES.write(tx, &entries, entry_params).await?;
    tx.sql().execute(UPDATE_HEAD, &[&seq, &hash]).await?;
    Ok(seq)
}

/// Appends an event on its own, for what is recorded without changing anything (a read, a
/// refusal, a log-in), and returns once it is committed. An action that also writes appends with
/// [`append`] in its transaction.
///
/// Group commit (`db::group_commit`): entries recorded at the same moment are written together, in
/// one write transaction (one read of the head, the inserts, one update of the head), so a burst of
/// audited reads takes the write lock once instead of once per request.
pub async fn record(db: &Db, event: &AuditEvent) -> anyhow::Result<i64> {
    db.audit_queue().submit(db, event.clone()).await
}

/// Audit entries waiting to be written by [`record`], and the turn to write them.
pub type RecordQueue = GroupCommit<AuditEvent, i64>;

pub fn record_queue() -> RecordQueue {
    GroupCommit::new(|db, events| Box::pin(write_batch(db, events)))
}

/// Writes `events` in one transaction: each one's sequence number, in order.
async fn write_batch(db: Db, events: Vec<AuditEvent>) -> anyhow::Result<Vec<i64>> {
    let mut tx = db.begin_write().await?;
    let last = append_all(&mut tx, &events).await?;
    tx.commit().await?;
    let first = last + 1 - events.len() as i64;
    Ok((first..=last).collect())
}

pub async fn head(db: &Db) -> anyhow::Result<AuditHead> {
    Ok(db.sql().one(HEAD, &[]).await?)
}

/// Entries after `seq`, oldest first.
pub async fn entries_after(db: &Db, seq: i64, limit: i64) -> anyhow::Result<Vec<AuditEntry>> {
    let sql = "SELECT seq, at, actor_id, actor_role, actor_unit_id, action, object_type, object_id, \
               subject_id, purpose, request_id, prev_hash, key_id, hash FROM audit_log \
               WHERE seq > $1 ORDER BY seq LIMIT $2";
    Ok(db.sql().all(sql, &[&seq, &limit]).await?)
}

/// Walks on from where `walk` stands to the newest entry, or to the first break.
async fn walk_to_the_end(db: &Db, walk: &mut Walk<'_>) -> anyhow::Result<Result<(), ChainBreak>> {
    loop {
        let batch = entries_after(db, walk.position().0, 1000).await?;
        if batch.is_empty() {
            return Ok(Ok(()));
        }
        if let Err(broken) = walk.step(&batch) {
            return Ok(Err(broken));
        }
    }
}

/// Walks the whole chain with this database's audit keys, through every checkpoint of this
/// log among `checkpoints` (already checked for their signatures). `Ok(Err(break))`: the first
/// break.
pub async fn verify_chain(
    db: &Db,
    checkpoints: &[Checkpoint],
) -> anyhow::Result<Result<Verified, ChainBreak>> {
    let head = head(db).await?;
    let anchors = checkpoints.iter().filter(|c| c.log == head.log_id).map(Checkpoint::anchor).collect();
    let mut walk = Walk::from_genesis(db.audit_keys(), &head.log_id, anchors);
    if let Err(broken) = walk_to_the_end(db, &mut walk).await? {
        return Ok(Err(broken));
    }
    Ok(walk.finish(head.seq, &head.hash))
}

/// Whether the log still holds the entry a checkpoint vouched for.
pub async fn entry_holds(db: &Db, anchor: &Anchor) -> anyhow::Result<bool> {
    let entry = entries_after(db, anchor.seq - 1, 1).await?;
    Ok(entry.first().is_some_and(|e| e.seq == anchor.seq && e.hash == anchor.hash))
}

/// Checks the entries appended since `since` (a checkpoint of this log whose entry still
/// holds), or the whole chain when there is none yet, and returns the newest entry's sequence
/// number and hash: what the next checkpoint may vouch for. Entries from before the log was
/// keyed are taken on trust the first time, which is when they get their checkpoint.
pub async fn position_since(
    db: &Db,
    log_id: &str,
    since: Option<&Anchor>,
) -> anyhow::Result<Result<(i64, String), ChainBreak>> {
    let mut walk = match since {
        None => Walk::from_genesis(db.audit_keys(), log_id, Vec::new()),
        Some(anchor) => Walk::resume(db.audit_keys(), log_id, anchor),
    };
    if let Err(broken) = walk_to_the_end(db, &mut walk).await? {
        return Ok(Err(broken));
    }
    let (seq, hash) = walk.position();
    Ok(Ok((seq, hash.to_string())))
}

/// Who has read or changed this person's data, newest first: at most `limit` lines, and
/// beside them the refusals of others who tried to reach it, with their time and nothing
/// else. Who was refused is for the log reviewers; and read apart, refusals cannot push
/// the lines that matter off the page however many someone piles up.
pub async fn access_log(db: &Db, subject_id: Uuid, limit: i64) -> anyhow::Result<Vec<AccessLogLine>> {
    // Enough for months of ordinary refusals; past it, the oldest day's count falls short.
    const REFUSALS_READ: i64 = 10_000;
    let denied = super::Action::AccessDenied.as_str();
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT l.at, l.actor_id, a.display_name AS actor_name, l.actor_role, \
         u.name_sv AS unit_name_sv, u.name_en AS unit_name_en, l.action, l.object_type, l.object_id, \
         l.purpose FROM audit_log l LEFT JOIN people a ON a.id = l.actor_id \
         LEFT JOIN units u ON u.id = l.actor_unit_id \
         WHERE l.subject_id = $1 AND l.action <> $2 ORDER BY l.seq DESC {}",
        crate::db::page(limit, 0)?
    ));
    let mut lines: Vec<AccessLogLine> = db.sql().all(sql, &[&subject_id, &denied]).await?;
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT at FROM audit_log WHERE subject_id = $1 AND action = $2 ORDER BY seq DESC {}",
        crate::db::page(REFUSALS_READ, 0)?
    ));
    let refused: Vec<UtcTime> = db.sql().column(sql, &[&subject_id, &denied]).await?;
    // A refusal line has its time and action only: no actor, no role, no unit.
    lines.extend(refused.into_iter().map(|at| AccessLogLine {
        at,
        actor_id: None,
        actor_name: None,
        actor_role: String::new(),
        unit_name_sv: None,
        unit_name_en: None,
        action: denied.to_string(),
        object_type: String::new(),
        object_id: None,
        purpose: None,
    }));
    lines.sort_by_key(|line| std::cmp::Reverse(line.at));
    Ok(lines)
}

/// The log reviewers' search, newest first.
pub async fn search(db: &Db, filter: &AuditFilter, limit: i64) -> anyhow::Result<Vec<AuditSearchLine>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT l.seq, l.at, a.display_name AS actor_name, l.actor_role, u.name_sv AS unit_name_sv, \
         l.action, l.object_type, l.object_id, s.display_name AS subject_name, l.purpose, l.request_id \
         FROM audit_log l LEFT JOIN people a ON a.id = l.actor_id \
         LEFT JOIN units u ON u.id = l.actor_unit_id LEFT JOIN people s ON s.id = l.subject_id \
         WHERE ($1 IS NULL OR l.actor_id = $1) AND ($2 IS NULL OR l.subject_id = $2) \
         AND ($3 IS NULL OR l.action = $3) AND ($4 IS NULL OR l.at >= $4) AND ($5 IS NULL OR l.at < $5) \
         ORDER BY l.seq DESC {}",
        crate::db::page(limit, 0)?
    ));
    let params: [&dyn Param; 5] =
        [&filter.actor_id, &filter.subject_id, &filter.action, &filter.from, &filter.until];
    Ok(db.sql().all(sql, &params).await?)
}

/// How many times this person has been refused since `since`.
pub async fn refusals_of_since(db: &Db, person: Uuid, since: UtcTime) -> anyhow::Result<i64> {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE actor_id = $1 AND action = $2 AND at >= $3";
    let (count,): (i64,) =
        db.sql().one(sql, &[&person, &super::Action::AccessDenied.as_str(), &since]).await?;
    Ok(count)
}

/// The addresses of the active log reviewers.
pub async fn log_reviewer_addresses(db: &Db) -> anyhow::Result<Vec<String>> {
    let sql = "SELECT DISTINCT p.email FROM role_grants g JOIN people p ON p.id = g.person_id \
               WHERE g.role = $1 AND p.active = TRUE AND p.email IS NOT NULL ORDER BY p.email";
    Ok(db.sql().column(sql, &[&Role::LogReviewer.as_str()]).await?)
}
