use chrono::Duration as ChronoDuration;
use uuid::Uuid;

use super::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, TOUCH_INTERVAL, new_token, token_hash};
use crate::db::{Db, Tx, UtcTime};

fn chrono(duration: std::time::Duration) -> ChronoDuration {
    ChronoDuration::from_std(duration).unwrap_or(ChronoDuration::MAX)
}

/// A live session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionState {
    pub person_id: Uuid,
    /// When the session ends unless the person does something before then.
    pub idle_deadline: UtcTime,
    /// When the session ends whatever happens.
    pub expires_at: UtcTime,
}

impl SessionState {
    /// The earlier of the two deadlines.
    pub fn ends_at(&self) -> UtcTime {
        self.idle_deadline.min(self.expires_at)
    }
}

/// Starts a session as part of an action (the log-in and its audit entry commit together) and
/// returns its token (for the cookie; never stored).
pub async fn open_session(tx: &mut Tx, person_id: Uuid) -> anyhow::Result<String> {
    let token = new_token();
    let now = UtcTime::now();
    let expires = UtcTime(now.0 + chrono(ABSOLUTE_TIMEOUT));
    let sql = "INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at, expires_at) \
               VALUES ($1, $2, $3, $3, $4)";
    tx.sql().execute(sql, &[&token_hash(&token), &person_id, &now, &expires]).await?;
    Ok(token)
}

/// Starts a session on its own (tests and tools; a log-in uses [`open_session`]).
pub async fn start_session(db: &Db, person_id: Uuid) -> anyhow::Result<String> {
    let mut tx = db.begin().await?;
    let token = open_session(&mut tx, person_id).await?;
    tx.commit().await?;
    Ok(token)
}

/// A session as stored, read together with its person (`identity::store::signed_in`).
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    pub person_id: Uuid,
    pub last_seen_at: UtcTime,
    pub expires_at: UtcTime,
}

/// The session read under `hash` if it is still live (an ended one is removed); records the
/// activity.
pub async fn still_live(db: &Db, hash: &str, stored: Stored) -> anyhow::Result<Option<SessionState>> {
    let now = UtcTime::now();
    if now >= stored.expires_at || now.0 >= stored.last_seen_at.0 + chrono(IDLE_TIMEOUT) {
        db.sql().execute("DELETE FROM sessions WHERE token_hash = $1", &[&hash]).await?;
        return Ok(None);
    }
    let mut seen = stored.last_seen_at;
    if now.0 - seen.0 >= chrono(TOUCH_INTERVAL) {
        db.sql()
            .execute("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", &[&now, &hash])
            .await?;
        seen = now;
    }
    Ok(Some(SessionState {
        person_id: stored.person_id,
        idle_deadline: UtcTime(seen.0 + chrono(IDLE_TIMEOUT)),
        expires_at: stored.expires_at,
    }))
}

/// Ends one session (logging out), inside the action that records it.
pub async fn end_session(tx: &mut Tx, token: &str) -> anyhow::Result<()> {
    tx.sql().execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash(token)]).await?;
    Ok(())
}

/// "Log out everywhere": ends every session of the person, inside the action that asks for it.
pub async fn end_all_sessions(tx: &mut Tx, person_id: Uuid) -> anyhow::Result<()> {
    tx.sql().execute("DELETE FROM sessions WHERE person_id = $1", &[&person_id]).await?;
    Ok(())
}

/// Counts live sessions (for tests and the admin page).
pub async fn session_count(db: &Db, person_id: Uuid) -> anyhow::Result<i64> {
    let (count,): (i64,) =
        db.sql().one("SELECT COUNT(*) FROM sessions WHERE person_id = $1", &[&person_id]).await?;
    Ok(count)
}

/// Removes sessions that have ended.
pub async fn delete_expired(db: &Db, now: UtcTime) -> anyhow::Result<()> {
    db.sql().execute("DELETE FROM sessions WHERE expires_at < $1", &[&now]).await?;
    Ok(())
}
