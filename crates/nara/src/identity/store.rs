use uuid::Uuid;

use super::{EmailAddress, PasswordHash, Person, Role, RoleGrant, Unit};
use crate::db::{Db, UtcTime};
use crate::on_pool;

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

/// `SELECT` of a person's columns followed by the given clause, as one static string.
macro_rules! select_person {
    ($clause:literal) => {
        concat!(
            "SELECT id, display_name, email, email_verified_at, password_hash, active FROM people ",
            $clause
        )
    };
}

/// The stored form of "no unit" (keeps `role_grants`' primary key NOT NULL on both backends).
fn unit_key(unit_id: Option<Uuid>) -> Uuid {
    unit_id.unwrap_or(Uuid::nil())
}

/// True when the error is a unique-constraint violation (SQLite does not name the constraint).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

impl Db {
    /// Creates a person; `Ok(None)` when the e-mail address or personnummer is already taken.
    pub async fn create_person(&self, new: &NewPerson) -> anyhow::Result<Option<Uuid>> {
        let id = Uuid::new_v4();
        let now = UtcTime::now();
        let sql = "INSERT INTO people (id, display_name, email, email_verified_at, personnummer, \
                   password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7)";
        let result = on_pool!(self, pool => sqlx::query(sql)
            .bind(id)
            .bind(&new.display_name)
            .bind(new.email.as_ref().map(EmailAddress::as_str))
            .bind(new.email_verified.then_some(now))
            .bind(new.personnummer.as_deref())
            .bind(new.password_hash.as_ref().map(|h| h.0.as_str()))
            .bind(now)
            .execute(pool)
            .await
            .map(drop));
        match result {
            Ok(()) => Ok(Some(id)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn person(&self, id: Uuid) -> anyhow::Result<Option<Person>> {
        let sql = select_person!("WHERE id = $1");
        let row: Option<PersonRow> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|r| r.split().0))
    }

    /// The person with this e-mail address and their password hash, if any.
    pub async fn person_by_email(
        &self,
        email: &EmailAddress,
    ) -> anyhow::Result<Option<(Person, Option<PasswordHash>)>> {
        let sql = select_person!("WHERE email = $1");
        let row: Option<PersonRow> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(email.as_str())
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(PersonRow::split))
    }

    pub async fn person_by_personnummer(&self, digits12: &str) -> anyhow::Result<Option<Person>> {
        let sql = select_person!("WHERE personnummer = $1");
        let row: Option<PersonRow> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(digits12)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|r| r.split().0))
    }

    /// Everyone, by name, for the administrators' list.
    pub async fn list_people(&self) -> anyhow::Result<Vec<Person>> {
        let sql = select_person!("ORDER BY display_name, id");
        let rows: Vec<PersonRow> = on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|r| r.split().0).collect())
    }

    pub async fn set_password(&self, person_id: Uuid, hash: &PasswordHash) -> anyhow::Result<()> {
        on_pool!(self, pool => sqlx::query("UPDATE people SET password_hash = $1 WHERE id = $2")
            .bind(&hash.0)
            .bind(person_id)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    pub async fn mark_email_verified(&self, person_id: Uuid) -> anyhow::Result<()> {
        let sql = "UPDATE people SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(UtcTime::now())
            .bind(person_id)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// Stops a person from logging in and ends their sessions. Their history stays.
    pub async fn deactivate_person(&self, person_id: Uuid) -> anyhow::Result<()> {
        let sql = "UPDATE people SET active = FALSE, deactivated_at = $1 WHERE id = $2";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(UtcTime::now())
            .bind(person_id)
            .execute(pool)
            .await
            .map(drop))?;
        self.end_all_sessions(person_id).await
    }

    pub async fn grants(&self, person_id: Uuid) -> anyhow::Result<Vec<RoleGrant>> {
        let sql = "SELECT role, unit_id FROM role_grants WHERE person_id = $1 ORDER BY role";
        let rows: Vec<(String, Uuid)> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_all(pool).await)?;
        Ok(rows
            .into_iter()
            .filter_map(|(role, unit)| {
                Some(RoleGrant { role: Role::parse(&role)?, unit_id: (!unit.is_nil()).then_some(unit) })
            })
            .collect())
    }

    /// Grants a role; granting one the person already holds changes nothing.
    pub async fn grant_role(&self, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<()> {
        let sql = "INSERT INTO role_grants (person_id, role, unit_id, granted_at) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (person_id, role, unit_id) DO NOTHING";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(person_id)
            .bind(grant.role.as_str())
            .bind(unit_key(grant.unit_id))
            .bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    pub async fn revoke_role(&self, person_id: Uuid, grant: RoleGrant) -> anyhow::Result<()> {
        let sql = "DELETE FROM role_grants WHERE person_id = $1 AND role = $2 AND unit_id = $3";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(person_id)
            .bind(grant.role.as_str())
            .bind(unit_key(grant.unit_id))
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// Adds a unit or renames the one with the same slug; returns its id.
    pub async fn upsert_unit(&self, slug: &str, name_sv: &str, name_en: &str) -> anyhow::Result<Uuid> {
        let sql = "INSERT INTO units (id, slug, name_sv, name_en, created_at) VALUES ($1, $2, $3, $4, $5) \
                   ON CONFLICT (slug) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en \
                   RETURNING id";
        let id: Uuid = on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(Uuid::new_v4())
            .bind(slug)
            .bind(name_sv)
            .bind(name_en)
            .bind(UtcTime::now())
            .fetch_one(pool)
            .await)?;
        Ok(id)
    }

    pub async fn list_units(&self) -> anyhow::Result<Vec<Unit>> {
        let sql = "SELECT id, slug, name_sv, name_en FROM units ORDER BY name_sv";
        let rows: Vec<(Uuid, String, String, String)> =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(id, slug, name_sv, name_en)| Unit { id, slug, name_sv, name_en }).collect())
    }

    /// The person an e-identification log-in belongs to.
    pub async fn person_by_oidc(&self, issuer: &str, subject: &str) -> anyhow::Result<Option<Uuid>> {
        let sql = "SELECT person_id FROM oidc_identities WHERE issuer = $1 AND subject = $2";
        let id: Option<Uuid> = on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(issuer)
            .bind(subject)
            .fetch_optional(pool)
            .await)?;
        Ok(id)
    }

    pub async fn link_oidc(&self, issuer: &str, subject: &str, person_id: Uuid) -> anyhow::Result<()> {
        let sql = "INSERT INTO oidc_identities (issuer, subject, person_id) VALUES ($1, $2, $3) \
                   ON CONFLICT (issuer, subject) DO NOTHING";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(issuer)
            .bind(subject)
            .bind(person_id)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }
}
