//! Single-use, expiring links (e-mail verification, password reset, invitations). Only a hash
//! of each token is stored, and using one is atomic, so a link works once.

use std::time::Duration;

use uuid::Uuid;

use crate::db::{Db, UtcTime};
use crate::identity::{Role, RoleGrant};
use crate::on_pool;
use crate::sessions::{new_token, token_hash};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    Invitation,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::Invitation => "invitation",
        }
    }

    /// How long a link works: a reset link briefly, an invitation for a week.
    pub fn lifetime(self) -> Duration {
        match self {
            TokenPurpose::VerifyEmail => Duration::from_secs(48 * 3600),
            TokenPurpose::ResetPassword => Duration::from_secs(3600),
            TokenPurpose::Invitation => Duration::from_secs(7 * 24 * 3600),
        }
    }
}

impl Db {
    /// Creates a link token for a person; returns the token for the link (never stored).
    pub async fn create_token(&self, purpose: TokenPurpose, person_id: Uuid) -> anyhow::Result<String> {
        self.insert_token(purpose, person_id, None).await
    }

    /// An invitation that grants `grant` when it is used.
    pub async fn create_invitation(&self, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<String> {
        self.insert_token(TokenPurpose::Invitation, person_id, Some(grant)).await
    }

    async fn insert_token(
        &self,
        purpose: TokenPurpose,
        person_id: Uuid,
        grant: Option<RoleGrant>,
    ) -> anyhow::Result<String> {
        let token = new_token();
        let expires = UtcTime(UtcTime::now().0 + chrono::Duration::from_std(purpose.lifetime())?);
        let sql = "INSERT INTO one_time_tokens (token_hash, purpose, person_id, expires_at, grant_role, grant_unit_id) \
                   VALUES ($1, $2, $3, $4, $5, $6)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(token_hash(&token))
            .bind(purpose.as_str())
            .bind(person_id)
            .bind(expires)
            .bind(grant.map(|g| g.role.as_str()))
            .bind(grant.and_then(|g| g.unit_id))
            .execute(pool)
            .await
            .map(drop))?;
        Ok(token)
    }

    /// The role an invitation grants, looked up when it is used.
    pub async fn consume_invitation(&self, token: &str) -> anyhow::Result<Option<(Uuid, Option<RoleGrant>)>> {
        let now = UtcTime::now();
        let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
                   AND used_at IS NULL AND expires_at > $1 RETURNING person_id, grant_role, grant_unit_id";
        let row: Option<(Uuid, Option<String>, Option<Uuid>)> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(now)
            .bind(token_hash(token))
            .bind(TokenPurpose::Invitation.as_str())
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|(person, role, unit_id)| {
            let grant = role.as_deref().and_then(Role::parse).map(|role| RoleGrant { role, unit_id });
            (person, grant)
        }))
    }

    /// Uses up every link a person still has (after a password change, old links must not work).
    pub async fn expire_tokens(&self, person_id: Uuid) -> anyhow::Result<()> {
        let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE person_id = $2 AND used_at IS NULL";
        on_pool!(self, pool => sqlx::query(sql).bind(UtcTime::now()).bind(person_id).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// The person a still-usable token belongs to, without using it (to show the form).
    pub async fn peek_token(&self, purpose: TokenPurpose, token: &str) -> anyhow::Result<Option<Uuid>> {
        let sql = "SELECT person_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 \
                   AND used_at IS NULL AND expires_at > $3";
        let id = on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(token_hash(token))
            .bind(purpose.as_str())
            .bind(UtcTime::now())
            .fetch_optional(pool)
            .await)?;
        Ok(id)
    }

    /// Uses a token: the person it belongs to, once; `None` when unknown, used or expired.
    pub async fn consume_token(&self, purpose: TokenPurpose, token: &str) -> anyhow::Result<Option<Uuid>> {
        let now = UtcTime::now();
        let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
                   AND used_at IS NULL AND expires_at > $1 RETURNING person_id";
        let id = on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(now)
            .bind(token_hash(token))
            .bind(purpose.as_str())
            .fetch_optional(pool)
            .await)?;
        Ok(id)
    }
}
