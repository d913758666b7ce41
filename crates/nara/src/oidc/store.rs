use crate::db::{Db, UtcTime};
use crate::on_pool;
use crate::sessions::token_hash;

/// What is remembered between sending a visitor to the provider and their return.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingLogin {
    pub provider: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
}

/// A log-in must come back within this long.
const LIFETIME_SECONDS: i64 = 600;

impl Db {
    pub async fn save_pending_login(&self, state: &str, login: &PendingLogin) -> anyhow::Result<()> {
        let expires = UtcTime(UtcTime::now().0 + chrono::Duration::seconds(LIFETIME_SECONDS));
        let sql = "INSERT INTO oidc_logins (state_hash, provider, nonce, pkce_verifier, return_to, expires_at) \
                   VALUES ($1, $2, $3, $4, $5, $6)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(token_hash(state))
            .bind(&login.provider)
            .bind(&login.nonce)
            .bind(&login.pkce_verifier)
            .bind(&login.return_to)
            .bind(expires)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// Uses up a pending log-in: it is returned once, and only before it expires.
    pub async fn take_pending_login(&self, state: &str) -> anyhow::Result<Option<PendingLogin>> {
        let sql = "DELETE FROM oidc_logins WHERE state_hash = $1 AND expires_at > $2 \
                   RETURNING provider, nonce, pkce_verifier, return_to";
        let row = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(token_hash(state))
            .bind(UtcTime::now())
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }
}
