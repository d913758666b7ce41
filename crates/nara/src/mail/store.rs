use uuid::Uuid;

use super::Email;
use anyhow::Context;

use crate::db::{Db, InsertRows, Tx, UtcTime};

#[derive(Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
    pub next_attempt_at: UtcTime,
    pub sent_at: Option<UtcTime>,
    pub last_error: Option<String>,
}

/// A claimed message is not offered again for this long (a crashed sender's message comes back).
const CLAIM_SECONDS: i64 = 300;

/// Puts a message in the outbox inside the action's transaction: it is sent only if the action
/// commits, and never lost if it does.
pub async fn enqueue(tx: &mut Tx, email: &Email) -> anyhow::Result<Uuid> {
    let ids = enqueue_all(tx, std::slice::from_ref(email)).await?;
    ids.first().copied().context("a message was queued")
}

static INSERT_MESSAGES: InsertRows<7> = InsertRows::new(
    "INSERT INTO outbox (id, to_address, subject, body, created_at, attempts, next_attempt_at)",
);

/// [`enqueue`] for many messages, in few statements; their ids, in order.
pub async fn enqueue_all(tx: &mut Tx, emails: &[Email]) -> anyhow::Result<Vec<Uuid>> {
    let now = UtcTime::now();
    let rows: Vec<(Uuid, &Email)> = emails.iter().map(|email| (Uuid::new_v4(), email)).collect();
    const NOT_TRIED: i32 = 0;
    INSERT_MESSAGES
        .write(tx, &rows, |(id, email)| [id, &email.to, &email.subject, &email.body, &now, &NOT_TRIED, &now])
        .await?;
    Ok(rows.into_iter().map(|(id, _)| id).collect())
}

/// Puts a message in the outbox on its own, for a message no other write goes with; the worker
/// sends it. An action that also writes queues its messages with [`enqueue`] in its transaction.
pub async fn enqueue_alone(db: &Db, email: &Email) -> anyhow::Result<Uuid> {
    let mut tx = db.begin_write().await?;
    let id = enqueue(&mut tx, email).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn due(db: &Db, now: UtcTime, limit: i64) -> anyhow::Result<Vec<OutboxMessage>> {
    let sql = concat!(
        "SELECT id, to_address, subject, body, attempts, next_attempt_at, sent_at, last_error ",
        "FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2"
    );
    Ok(db.sql().all(sql, &[&now, &limit]).await?)
}

/// Takes a message for sending; false when another sender took it first.
pub async fn claim(db: &Db, message: &OutboxMessage) -> anyhow::Result<bool> {
    let until = UtcTime(UtcTime::now().0 + chrono::Duration::seconds(CLAIM_SECONDS));
    let sql =
        "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL";
    let claimed = db.sql().execute(sql, &[&until, &message.id, &message.next_attempt_at]).await?;
    Ok(claimed == 1)
}

pub async fn mark_sent(db: &Db, id: Uuid) -> anyhow::Result<()> {
    // Once sent, the text (which may hold a live single-use link) is not kept.
    let sql = "UPDATE outbox SET sent_at = $1, last_error = NULL, body = '' WHERE id = $2";
    db.sql().execute(sql, &[&UtcTime::now(), &id]).await?;
    Ok(())
}

pub async fn mark_failed(
    db: &Db,
    id: Uuid,
    attempts: i32,
    retry_at: UtcTime,
    error: &str,
) -> anyhow::Result<()> {
    let sql = "UPDATE outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4";
    db.sql().execute(sql, &[&attempts, &retry_at, &error, &id]).await?;
    Ok(())
}

/// Every message, newest first (for tests and operators).
pub async fn outbox(db: &Db) -> anyhow::Result<Vec<OutboxMessage>> {
    let sql = concat!(
        "SELECT id, to_address, subject, body, attempts, next_attempt_at, sent_at, last_error ",
        "FROM outbox ORDER BY created_at DESC"
    );
    Ok(db.sql().all(sql, &[]).await?)
}
