//! Storage of accounts' single-use links. Only a hash of each token is stored, and using one is
//! one conditional UPDATE, so a link works once even when two requests race.

use uuid::Uuid;

use super::TokenPurpose;
use crate::db::{Db, Tx, UtcTime};
use crate::identity::{Role, RoleGrant};
use crate::sessions::{new_token, token_hash};

/// Creates a link token for a person; returns the token for the link (never stored).
pub async fn create_token(tx: &mut Tx, purpose: TokenPurpose, person_id: Uuid) -> anyhow::Result<String> {
    insert_token(tx, purpose, person_id, None).await
}

/// An invitation that grants `grant` when it is used.
pub async fn create_invitation(tx: &mut Tx, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<String> {
    insert_token(tx, TokenPurpose::Invitation, person_id, Some(grant)).await
}

async fn insert_token(
    tx: &mut Tx,
    purpose: TokenPurpose,
    person_id: Uuid,
    grant: Option<RoleGrant>,
) -> anyhow::Result<String> {
    let token = new_token();
    let expires = UtcTime(UtcTime::now().0 + chrono::Duration::from_std(purpose.lifetime())?);
    let sql = "INSERT INTO one_time_tokens (token_hash, purpose, person_id, expires_at, grant_role, grant_unit_id) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    tx.sql()
        .execute(
            sql,
            &[
                &token_hash(&token),
                &purpose.as_str(),
                &person_id,
                &expires,
                &grant.map(|g| g.role.as_str()),
                &grant.and_then(|g| g.unit_id),
            ],
        )
        .await?;
    Ok(token)
}

/// Uses an invitation: its person and the role it grants, once.
pub async fn consume_invitation(
    tx: &mut Tx,
    token: &str,
) -> anyhow::Result<Option<(Uuid, Option<RoleGrant>)>> {
    let now = UtcTime::now();
    let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
               AND used_at IS NULL AND expires_at > $1 RETURNING person_id, grant_role, grant_unit_id";
    let row: Option<(Uuid, Option<String>, Option<Uuid>)> =
        tx.sql().optional(sql, &[&now, &token_hash(token), &TokenPurpose::Invitation.as_str()]).await?;
    Ok(row.map(|(person, role, unit_id)| {
        let grant = role.as_deref().and_then(Role::parse).map(|role| RoleGrant { role, unit_id });
        (person, grant)
    }))
}

/// Uses up every link a person still has (after a password change, old links must not work).
pub async fn expire_tokens(tx: &mut Tx, person_id: Uuid) -> anyhow::Result<()> {
    let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE person_id = $2 AND used_at IS NULL";
    tx.sql().execute(sql, &[&UtcTime::now(), &person_id]).await?;
    Ok(())
}

/// The person a still-usable token belongs to, without using it (to show the form).
pub async fn peek_token(db: &Db, purpose: TokenPurpose, token: &str) -> anyhow::Result<Option<Uuid>> {
    let sql = "SELECT person_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 \
               AND used_at IS NULL AND expires_at > $3";
    Ok(db.sql().value(sql, &[&token_hash(token), &purpose.as_str(), &UtcTime::now()]).await?)
}

/// Uses a token: the person it belongs to, once; `None` when unknown, used or expired.
pub async fn consume_token(tx: &mut Tx, purpose: TokenPurpose, token: &str) -> anyhow::Result<Option<Uuid>> {
    let now = UtcTime::now();
    let sql = "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
               AND used_at IS NULL AND expires_at > $1 RETURNING person_id";
    Ok(tx.sql().value(sql, &[&now, &token_hash(token), &purpose.as_str()]).await?)
}

/// Removes links that expired before `before`.
pub async fn delete_expired_tokens(db: &Db, before: UtcTime) -> anyhow::Result<()> {
    db.sql().execute("DELETE FROM one_time_tokens WHERE expires_at < $1", &[&before]).await?;
    Ok(())
}
