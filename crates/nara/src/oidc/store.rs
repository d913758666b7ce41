use crate::db::{Db, Param, UtcTime};
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

pub async fn save_pending_login(db: &Db, state: &str, login: &PendingLogin) -> anyhow::Result<()> {
    let expires = UtcTime(UtcTime::now().0 + chrono::Duration::seconds(LIFETIME_SECONDS));
    let sql = "INSERT INTO oidc_logins (state_hash, provider, nonce, pkce_verifier, return_to, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    let state_hash = token_hash(state);
    let params: [&dyn Param; 6] =
        [&state_hash, &login.provider, &login.nonce, &login.pkce_verifier, &login.return_to, &expires];
    db.sql().execute(sql, &params).await?;
    Ok(())
}

/// Uses up a pending log-in: it is returned once, and only before it expires.
pub async fn take_pending_login(db: &Db, state: &str) -> anyhow::Result<Option<PendingLogin>> {
    let sql = "DELETE FROM oidc_logins WHERE state_hash = $1 AND expires_at > $2 \
               RETURNING provider, nonce, pkce_verifier, return_to";
    Ok(db.sql().optional(sql, &[&token_hash(state), &UtcTime::now()]).await?)
}

/// Removes log-ins in progress that can no longer be finished.
pub async fn delete_expired(db: &Db, now: UtcTime) -> anyhow::Result<()> {
    db.sql().execute("DELETE FROM oidc_logins WHERE expires_at < $1", &[&now]).await?;
    Ok(())
}
