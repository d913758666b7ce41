use chrono::Duration as ChronoDuration;
use uuid::Uuid;

use super::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, TOUCH_INTERVAL, new_token, token_hash};
use crate::db::{Db, UtcTime};
use crate::on_pool;

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

impl Db {
    /// Starts a session and returns its token (for the cookie; never stored).
    pub async fn start_session(&self, person_id: Uuid) -> anyhow::Result<String> {
        let token = new_token();
        let now = UtcTime::now();
        let expires = UtcTime(now.0 + chrono(ABSOLUTE_TIMEOUT));
        let sql = "INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at, expires_at) \
                   VALUES ($1, $2, $3, $3, $4)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(token_hash(&token))
            .bind(person_id)
            .bind(now)
            .bind(expires)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(token)
    }

    /// The session a token belongs to, if it is still live; records the activity.
    pub async fn session(&self, token: &str) -> anyhow::Result<Option<SessionState>> {
        let hash = token_hash(token);
        let sql = "SELECT s.person_id, s.last_seen_at, s.expires_at FROM sessions s \
                   JOIN people p ON p.id = s.person_id WHERE s.token_hash = $1 AND p.active = TRUE";
        let row: Option<(Uuid, UtcTime, UtcTime)> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(&hash).fetch_optional(pool).await)?;
        let Some((person_id, last_seen, expires_at)) = row else { return Ok(None) };
        let now = UtcTime::now();
        if now >= expires_at || now.0 >= last_seen.0 + chrono(IDLE_TIMEOUT) {
            self.end_session(token).await?;
            return Ok(None);
        }
        let mut seen = last_seen;
        if now.0 - last_seen.0 >= chrono(TOUCH_INTERVAL) {
            on_pool!(self, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(&hash)
                .execute(pool)
                .await
                .map(drop))?;
            seen = now;
        }
        Ok(Some(SessionState {
            person_id,
            idle_deadline: UtcTime(seen.0 + chrono(IDLE_TIMEOUT)),
            expires_at,
        }))
    }

    pub async fn end_session(&self, token: &str) -> anyhow::Result<()> {
        on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// "Log out everywhere": ends every session of the person.
    pub async fn end_all_sessions(&self, person_id: Uuid) -> anyhow::Result<()> {
        on_pool!(self, pool => sqlx::query("DELETE FROM sessions WHERE person_id = $1")
            .bind(person_id)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// Counts live sessions (for tests and the admin page).
    pub async fn session_count(&self, person_id: Uuid) -> anyhow::Result<i64> {
        let count: i64 = on_pool!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE person_id = $1")
            .bind(person_id)
            .fetch_one(pool)
            .await)?;
        Ok(count)
    }
}
