use std::sync::Arc;

use uuid::Uuid;

use super::{EmailAddress, PasswordHash, Person, Role, RoleGrant, Unit};
use crate::db::{Db, Sql, Tx, UtcTime};
use crate::i18n::Locale;
use crate::sessions::store::{SessionState, Stored};

/// What is needed to create a person.
#[derive(Debug)]
pub struct NewPerson {
    pub display_name: String,
    pub email: Option<EmailAddress>,
    pub email_verified: bool,
    /// 12 digits, validated by the caller.
    pub personnummer: Option<String>,
    pub password_hash: Option<PasswordHash>,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: Uuid,
    display_name: String,
    email: Option<String>,
    email_verified_at: Option<UtcTime>,
    password_hash: Option<String>,
    active: bool,
}

impl PersonRow {
    fn split(self) -> (Person, Option<PasswordHash>) {
        let person = Person {
            id: self.id,
            display_name: self.display_name,
            email: self.email,
            email_verified: self.email_verified_at.is_some(),
            has_password: self.password_hash.is_some(),
            active: self.active,
        };
        (person, self.password_hash.map(PasswordHash))
    }
}

/// The stored form of "no unit" (keeps `role_grants`' primary key NOT NULL on both backends).
fn unit_key(unit_id: Option<Uuid>) -> Uuid {
    unit_id.unwrap_or(Uuid::nil())
}

/// True when the error is a unique-constraint violation (SQLite does not name the constraint).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// Creates a person; `Ok(None)` when the e-mail address or personnummer is already taken
/// (`DO NOTHING`, so a taken address leaves the action's transaction usable on PostgreSQL).
pub async fn create_person(tx: &mut Tx, new: &NewPerson) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let sql = "INSERT INTO people (id, display_name, email, email_verified_at, personnummer, \
               password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7) \
               ON CONFLICT DO NOTHING";
    let made = tx
        .sql()
        .execute(
            sql,
            &[
                &id,
                &new.display_name,
                // Owned: an optional parameter must not borrow.
                &new.email.as_ref().map(|e| e.as_str().to_owned()),
                &new.email_verified.then_some(now),
                &new.personnummer,
                &new.password_hash.as_ref().map(|h| h.0.clone()),
                &now,
            ],
        )
        .await?;
    Ok((made == 1).then_some(id))
}

/// The language the person chose to read Nära in; Swedish, the default, until they choose.
pub async fn language(db: &Db, id: Uuid) -> anyhow::Result<Locale> {
    let code: Option<Option<String>> =
        db.sql().value("SELECT language FROM people WHERE id = $1", &[&id]).await?;
    Ok(Locale::chosen(code.flatten().as_deref()))
}

/// Stores the language the person chose (the language switch while signed in, or My pages).
pub async fn set_language(db: &Db, id: Uuid, locale: Locale) -> anyhow::Result<()> {
    let sql = "UPDATE people SET language = $1 WHERE id = $2 AND (language IS NULL OR language <> $1)";
    db.sql().execute(sql, &[&locale.code(), &id]).await?;
    Ok(())
}

/// Where and in which language to write to a person: their e-mail address and language, if they
/// still use the service and have an address. One read, for every notice that is sent.
pub async fn mail_address(db: &Db, id: Uuid) -> anyhow::Result<Option<(String, Locale)>> {
    address_on(db.sql(), id).await
}

/// [`mail_address`], read inside the transaction that queues the notice.
pub async fn mail_address_in(tx: &mut Tx, id: Uuid) -> anyhow::Result<Option<(String, Locale)>> {
    address_on(tx.sql(), id).await
}

async fn address_on(on: Sql<'_>, id: Uuid) -> anyhow::Result<Option<(String, Locale)>> {
    let sql = "SELECT email, language FROM people WHERE id = $1 AND active = TRUE AND email IS NOT NULL";
    let row: Option<(String, Option<String>)> = on.optional(sql, &[&id]).await?;
    Ok(row.map(|(email, code)| (email, Locale::chosen(code.as_deref()))))
}

pub async fn person(db: &Db, id: Uuid) -> anyhow::Result<Option<Person>> {
    let sql = "SELECT id, display_name, email, email_verified_at, password_hash, active FROM people \
               WHERE id = $1";
    let row: Option<PersonRow> = db.sql().optional(sql, &[&id]).await?;
    Ok(row.map(|r| r.split().0))
}

/// A person with their role grants, from the rows of `people` LEFT JOIN `role_grants` (one a
/// grant, or one with no grant).
#[derive(sqlx::FromRow)]
struct GrantRow {
    #[sqlx(flatten)]
    person: PersonRow,
    role: Option<String>,
    unit_id: Option<Uuid>,
}

fn with_grants(rows: Vec<GrantRow>) -> Option<(Person, Vec<RoleGrant>)> {
    let grants = rows
        .iter()
        .filter_map(|row| {
            let role = Role::parse(row.role.as_deref()?)?;
            let unit = row.unit_id?;
            Some(RoleGrant { role, unit_id: (!unit.is_nil()).then_some(unit) })
        })
        .collect();
    rows.into_iter().next().map(|row| (row.person.split().0, grants))
}

/// Who is signed in with this session token: the live session, the (active) person and their
/// grants, read in one statement, since every signed-in request asks. An ended session is removed
/// and activity is noted (`sessions::store::still_live`).
pub async fn signed_in(
    db: &Db,
    token: &str,
) -> anyhow::Result<Option<(SessionState, Person, Vec<RoleGrant>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        grant: GrantRow,
        last_seen_at: UtcTime,
        expires_at: UtcTime,
    }
    let hash = crate::sessions::token_hash(token);
    let sql = "SELECT p.id, p.display_name, p.email, p.email_verified_at, p.password_hash, p.active, \
               g.role, g.unit_id, s.last_seen_at, s.expires_at FROM sessions s \
               JOIN people p ON p.id = s.person_id AND p.active = TRUE \
               LEFT JOIN role_grants g ON g.person_id = p.id WHERE s.token_hash = $1 ORDER BY g.role";
    let rows: Vec<Row> = db.sql().all(sql, &[&hash]).await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let stored = Stored {
        person_id: first.grant.person.id,
        last_seen_at: first.last_seen_at,
        expires_at: first.expires_at,
    };
    let Some(session) = crate::sessions::store::still_live(db, &hash, stored).await? else { return Ok(None) };
    let Some((person, grants)) = with_grants(rows.into_iter().map(|row| row.grant).collect()) else {
        return Ok(None);
    };
    Ok(Some((session, person, grants)))
}

/// The person with this e-mail address and their password hash, if any.
pub async fn person_by_email(
    db: &Db,
    email: &EmailAddress,
) -> anyhow::Result<Option<(Person, Option<PasswordHash>)>> {
    let sql = "SELECT id, display_name, email, email_verified_at, password_hash, active FROM people \
               WHERE email = $1";
    let row: Option<PersonRow> = db.sql().optional(sql, &[&email.as_str()]).await?;
    Ok(row.map(PersonRow::split))
}

pub async fn person_by_personnummer(db: &Db, digits12: &str) -> anyhow::Result<Option<Person>> {
    let sql = "SELECT id, display_name, email, email_verified_at, password_hash, active FROM people \
               WHERE personnummer = $1";
    let row: Option<PersonRow> = db.sql().optional(sql, &[&digits12]).await?;
    Ok(row.map(|r| r.split().0))
}

/// Everyone, by name, for the administrators' list.
pub async fn list_people(db: &Db) -> anyhow::Result<Vec<Person>> {
    let sql = "SELECT id, display_name, email, email_verified_at, password_hash, active FROM people \
               ORDER BY display_name, id";
    let rows: Vec<PersonRow> = db.sql().all(sql, &[]).await?;
    Ok(rows.into_iter().map(|r| r.split().0).collect())
}

pub async fn set_password(tx: &mut Tx, person_id: Uuid, hash: &PasswordHash) -> anyhow::Result<()> {
    tx.sql().execute("UPDATE people SET password_hash = $1 WHERE id = $2", &[&hash.0, &person_id]).await?;
    Ok(())
}

pub async fn mark_email_verified(tx: &mut Tx, person_id: Uuid) -> anyhow::Result<()> {
    let sql = "UPDATE people SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL";
    tx.sql().execute(sql, &[&UtcTime::now(), &person_id]).await?;
    Ok(())
}

/// Stops a person from logging in and ends their sessions. Their history stays.
pub async fn deactivate_person(tx: &mut Tx, person_id: Uuid) -> anyhow::Result<()> {
    let sql = "UPDATE people SET active = FALSE, deactivated_at = $1 WHERE id = $2";
    tx.sql().execute(sql, &[&UtcTime::now(), &person_id]).await?;
    crate::sessions::store::end_all_sessions(tx, person_id).await
}

pub async fn grants(db: &Db, person_id: Uuid) -> anyhow::Result<Vec<RoleGrant>> {
    let sql = "SELECT role, unit_id FROM role_grants WHERE person_id = $1 ORDER BY role";
    let rows: Vec<(String, Uuid)> = db.sql().all(sql, &[&person_id]).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(role, unit)| {
            Some(RoleGrant { role: Role::parse(&role)?, unit_id: (!unit.is_nil()).then_some(unit) })
        })
        .collect())
}

/// Grants a role; granting one the person already holds changes nothing. True when it was new.
pub async fn grant_role(tx: &mut Tx, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<bool> {
    let sql = "INSERT INTO role_grants (person_id, role, unit_id, granted_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (person_id, role, unit_id) DO NOTHING";
    let added = tx
        .sql()
        .execute(sql, &[&person_id, &grant.role.as_str(), &unit_key(grant.unit_id), &UtcTime::now()])
        .await?;
    Ok(added == 1)
}

pub async fn revoke_role(tx: &mut Tx, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<()> {
    let sql = "DELETE FROM role_grants WHERE person_id = $1 AND role = $2 AND unit_id = $3";
    tx.sql().execute(sql, &[&person_id, &grant.role.as_str(), &unit_key(grant.unit_id)]).await?;
    Ok(())
}

/// Adds a unit or renames the one with the same slug; returns its id.
pub async fn upsert_unit(db: &Db, slug: &str, name_sv: &str, name_en: &str) -> anyhow::Result<Uuid> {
    let sql = "INSERT INTO units (id, slug, name_sv, name_en, created_at) VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (slug) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en \
               RETURNING id";
    let (id,): (Uuid,) =
        db.sql().one(sql, &[&Uuid::new_v4(), &slug, &name_sv, &name_en, &UtcTime::now()]).await?;
    Ok(id)
}

pub async fn list_units(db: &Db) -> anyhow::Result<Arc<Vec<Unit>>> {
    db.remembered("identity::list_units", String::new(), || async {
        let sql = "SELECT id, slug, name_sv, name_en FROM units ORDER BY name_sv";
        let rows: Vec<(Uuid, String, String, String)> = db.sql().all(sql, &[]).await?;
        Ok(rows.into_iter().map(|(id, slug, name_sv, name_en)| Unit { id, slug, name_sv, name_en }).collect())
    })
    .await
}

/// The person an e-identification log-in belongs to.
pub async fn person_by_oidc(db: &Db, issuer: &str, subject: &str) -> anyhow::Result<Option<Uuid>> {
    let sql = "SELECT person_id FROM oidc_identities WHERE issuer = $1 AND subject = $2";
    Ok(db.sql().value(sql, &[&issuer, &subject]).await?)
}

pub async fn link_oidc(tx: &mut Tx, issuer: &str, subject: &str, person_id: Uuid) -> anyhow::Result<()> {
    let sql = "INSERT INTO oidc_identities (issuer, subject, person_id) VALUES ($1, $2, $3) \
               ON CONFLICT (issuer, subject) DO NOTHING";
    tx.sql().execute(sql, &[&issuer, &subject, &person_id]).await?;
    Ok(())
}

/// How many people have no address, or one outside `domain` (`@demo.nara.se`).
pub async fn count_people_outside(db: &Db, domain: &str) -> anyhow::Result<i64> {
    let pattern = format!("%{domain}");
    let sql = "SELECT COUNT(*) FROM people WHERE email IS NULL OR email NOT LIKE $1";
    let (count,): (i64,) = db.sql().one(sql, &[&pattern]).await?;
    Ok(count)
}
