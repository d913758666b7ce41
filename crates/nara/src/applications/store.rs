//! Application forms, applications and attachments in the database.

use uuid::Uuid;

use super::answers::Answers;
use super::files::CheckedFile;
use crate::cases::NewCase;
use crate::cases::insert_case_in;
use crate::db::{Db, UtcTime};
use crate::on_pool;

/// A form with its newest published version.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FormRow {
    pub id: Uuid,
    pub slug: String,
    pub unit_id: Uuid,
    pub open: bool,
    pub version: i32,
    pub definition: String,
    pub published_at: UtcTime,
}

/// One published version as the history lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub version: i32,
    pub published_by_name: String,
    pub published_at: UtcTime,
}

/// An application, draft or submitted.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: Uuid,
    pub form_id: Uuid,
    pub form_version: i32,
    pub form_slug: String,
    pub unit_id: Uuid,
    pub definition: String,
    pub resident_id: Uuid,
    pub status: String,
    answers: String,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub submitted_at: Option<UtcTime>,
    pub case_id: Option<Uuid>,
}

impl ApplicationRow {
    pub fn is_draft(&self) -> bool {
        self.status == "draft"
    }

    pub fn answers(&self) -> anyhow::Result<Answers> {
        Ok(serde_json::from_str(&self.answers)?)
    }
}

/// An attachment as a page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: Uuid,
    pub question_id: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i32,
}

impl FileRow {
    /// The size for people: `340 kB`.
    pub fn size(&self) -> String {
        format!("{} kB", (i64::from(self.size_bytes) + 999) / 1000)
    }
}

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// Sent now; the case was opened.
    Now(Uuid),
    /// Sent before (a second click or a retry): the case opened then.
    Before(Uuid),
}

/// `SELECT` of forms with their newest version, then the given clauses.
macro_rules! select_forms {
    ($clause:literal) => {
        concat!(
            "SELECT f.id, f.slug, f.unit_id, f.open, v.version, v.definition, v.published_at ",
            "FROM application_forms f JOIN application_form_versions v ON v.form_id = f.id ",
            "AND v.version = (SELECT MAX(version) FROM application_form_versions WHERE form_id = f.id) ",
            $clause
        )
    };
}

/// `SELECT` of applications with their form's address, unit and version, then the given clauses.
macro_rules! select_applications {
    ($clause:literal) => {
        concat!(
            "SELECT a.id, a.form_id, a.form_version, f.slug AS form_slug, f.unit_id, v.definition, a.resident_id, ",
            "a.status, a.answers, a.created_at, a.updated_at, a.submitted_at, a.case_id ",
            "FROM applications a JOIN application_forms f ON f.id = a.form_id ",
            "JOIN application_form_versions v ON v.form_id = a.form_id AND v.version = a.form_version ",
            $clause
        )
    };
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Marks a draft sent and opens its case, inside `$tx`. The row was locked by the caller, so two
/// submissions of one draft queue here and the second finds it sent.
macro_rules! submit_in {
    ($tx:ident, $id:expr, $title:expr, $answers:expr, $dropped:expr) => {{
        let row: Option<(String, Option<Uuid>, Uuid, Uuid)> = sqlx::query_as(
            "SELECT a.status, a.case_id, a.resident_id, f.unit_id FROM applications a \
             JOIN application_forms f ON f.id = a.form_id WHERE a.id = $1",
        )
        .bind($id)
        .fetch_optional(&mut *$tx)
        .await?;
        match row {
            None => None,
            Some((_, Some(case_id), _, _)) => Some(Submitted::Before(case_id)),
            Some((_, None, resident_id, unit_id)) => {
                // The contact person: the active officer of the unit with the fewest open cases.
                let officer_id: Option<Uuid> = sqlx::query_scalar(
                    "SELECT p.id FROM role_grants g JOIN people p ON p.id = g.person_id \
                     WHERE g.role = 'staff' AND g.unit_id = $1 AND p.active AND p.id <> $2 \
                     ORDER BY (SELECT COUNT(*) FROM cases c WHERE c.officer_id = p.id AND c.status <> 'closed'), p.id \
                     LIMIT 1",
                )
                .bind(unit_id)
                .bind(resident_id)
                .fetch_optional(&mut *$tx)
                .await?;
                for question in $dropped {
                    sqlx::query("DELETE FROM application_files WHERE application_id = $1 AND question_id = $2")
                        .bind($id)
                        .bind(question)
                        .execute(&mut *$tx)
                        .await?;
                }
                let case_id = Uuid::new_v4();
                let now = UtcTime::now();
                let new = NewCase { resident_id, unit_id, officer_id, title: $title.to_string() };
                insert_case_in!($tx, case_id, new, Some(resident_id), now);
                sqlx::query(
                    "UPDATE applications SET status = 'submitted', submitted_at = $1, updated_at = $1, case_id = $2, \
                     answers = $3 WHERE id = $4 AND status = 'draft'",
                )
                .bind(now)
                .bind(case_id)
                .bind($answers)
                .bind($id)
                .execute(&mut *$tx)
                .await?;
                Some(Submitted::Now(case_id))
            }
        }
    }};
}

/// Runs `$body` in a transaction that holds the application `$id` against every other writer:
/// SQLite's write lock taken up front, PostgreSQL's lock on the row. Sending and throwing away
/// a draft go through here, so they never interleave.
macro_rules! with_locked_application {
    ($db:expr, $id:expr, $tx:ident => $body:expr) => {
        match $db.pool() {
            crate::db::Pool::Sqlite(pool) => {
                let mut $tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let outcome = $body;
                $tx.commit().await?;
                outcome
            }
            crate::db::Pool::Postgres(pool) => {
                let mut $tx = pool.begin().await?;
                sqlx::query("SELECT id FROM applications WHERE id = $1 FOR UPDATE")
                    .bind($id)
                    .fetch_optional(&mut *$tx)
                    .await?;
                let outcome = $body;
                $tx.commit().await?;
                outcome
            }
        }
    };
}

impl Db {
    /// Creates a form with its first version; `None` if the address is taken.
    pub async fn create_form(
        &self,
        slug: &str,
        unit_id: Uuid,
        definition: &str,
        by: Uuid,
    ) -> anyhow::Result<Option<Uuid>> {
        let id = Uuid::new_v4();
        let now = UtcTime::now();
        let created: Result<(), sqlx::Error> = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO application_forms (id, slug, unit_id, open, created_by, created_at) \
                 VALUES ($1, $2, $3, TRUE, $4, $5)",
            )
            .bind(id).bind(slug).bind(unit_id).bind(by).bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO application_form_versions (form_id, version, definition, published_by, published_at) \
                 VALUES ($1, 1, $2, $3, $4)",
            )
            .bind(id).bind(definition).bind(by).bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        }.await);
        match created {
            Ok(()) => Ok(Some(id)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Publishes the version after `based_on`; `None` if someone published another meanwhile.
    pub async fn publish_form_version(
        &self,
        form_id: Uuid,
        based_on: i32,
        definition: &str,
        by: Uuid,
    ) -> anyhow::Result<Option<i32>> {
        let version = based_on + 1;
        let sql = "INSERT INTO application_form_versions (form_id, version, definition, published_by, published_at) \
                   VALUES ($1, $2, $3, $4, $5)";
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(form_id).bind(version).bind(definition).bind(by).bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop));
        match inserted {
            Ok(()) => Ok(Some(version)),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn set_form_open(&self, form_id: Uuid, open: bool) -> anyhow::Result<()> {
        let sql = "UPDATE application_forms SET open = $1 WHERE id = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(open).bind(form_id).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// The forms of these units, by address.
    pub async fn forms_of_units(&self, units: &[Uuid]) -> anyhow::Result<Vec<FormRow>> {
        let mut forms = Vec::new();
        for unit in units {
            let sql = select_forms!("WHERE f.unit_id = $1 ORDER BY f.slug");
            let rows: Vec<FormRow> =
                on_pool!(self, pool => sqlx::query_as(sql).bind(unit).fetch_all(pool).await)?;
            forms.extend(rows);
        }
        Ok(forms)
    }

    /// The forms residents may apply with now.
    pub async fn open_forms(&self) -> anyhow::Result<Vec<FormRow>> {
        let sql = select_forms!("WHERE f.open ORDER BY f.slug");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await)?)
    }

    pub async fn form_by_slug(&self, slug: &str) -> anyhow::Result<Option<FormRow>> {
        let sql = select_forms!("WHERE f.slug = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(slug).fetch_optional(pool).await)?)
    }

    /// Every published version of a form, newest first.
    pub async fn form_versions(&self, form_id: Uuid) -> anyhow::Result<Vec<VersionRow>> {
        let sql = "SELECT v.version, p.display_name AS published_by_name, v.published_at \
                   FROM application_form_versions v JOIN people p ON p.id = v.published_by \
                   WHERE v.form_id = $1 ORDER BY v.version DESC";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(form_id).fetch_all(pool).await)?)
    }

    /// The resident's draft of this form, started now with its newest version if there is none.
    /// Starting twice (a double click) gives the same draft.
    pub async fn start_application(&self, form: &FormRow, resident_id: Uuid) -> anyhow::Result<Uuid> {
        let now = UtcTime::now();
        let insert = "INSERT INTO applications (id, form_id, form_version, resident_id, status, answers, created_at, updated_at) \
                      VALUES ($1, $2, $3, $4, 'draft', '{}', $5, $5) \
                      ON CONFLICT (resident_id, form_id) WHERE status = 'draft' DO NOTHING";
        let select =
            "SELECT id FROM applications WHERE resident_id = $1 AND form_id = $2 AND status = 'draft'";
        let id = on_pool!(self, pool => {
            sqlx::query(insert)
                .bind(Uuid::new_v4()).bind(form.id).bind(form.version).bind(resident_id).bind(now)
                .execute(pool)
                .await?;
            sqlx::query_scalar(select).bind(resident_id).bind(form.id).fetch_one(pool).await?
        });
        Ok(id)
    }

    pub async fn application(&self, id: Uuid) -> anyhow::Result<Option<ApplicationRow>> {
        let sql = select_applications!("WHERE a.id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?)
    }

    /// The application a case was opened from.
    pub async fn application_of_case(&self, case_id: Uuid) -> anyhow::Result<Option<ApplicationRow>> {
        let sql = select_applications!("WHERE a.case_id = $1");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(case_id).fetch_optional(pool).await)?)
    }

    /// A resident's applications, newest first.
    pub async fn applications_of_resident(&self, resident_id: Uuid) -> anyhow::Result<Vec<ApplicationRow>> {
        let sql = select_applications!("WHERE a.resident_id = $1 ORDER BY a.updated_at DESC, a.id");
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(resident_id).fetch_all(pool).await)?)
    }

    /// Stores a draft's answers; `false` if it is no longer a draft.
    pub async fn save_answers(&self, id: Uuid, answers: &Answers) -> anyhow::Result<bool> {
        let sql = "UPDATE applications SET answers = $1, updated_at = $2 WHERE id = $3 AND status = 'draft'";
        let json = serde_json::to_string(answers)?;
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(json).bind(UtcTime::now()).bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(changed == 1)
    }

    /// Adds an attachment to a draft; `None` if it is no longer a draft.
    pub async fn add_application_file(
        &self,
        application_id: Uuid,
        question_id: &str,
        file: &CheckedFile,
        content: &[u8],
    ) -> anyhow::Result<Option<Uuid>> {
        let id = Uuid::new_v4();
        let sql = "INSERT INTO application_files (id, application_id, question_id, file_name, content_type, size_bytes, content, uploaded_at) \
                   SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS \
                   (SELECT 1 FROM applications WHERE id = $2 AND status = 'draft')";
        let size = i32::try_from(content.len())?;
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(id).bind(application_id).bind(question_id).bind(&file.name).bind(file.kind.content_type())
            .bind(size).bind(content).bind(UtcTime::now())
            .execute(pool)
            .await
            .map(|r| r.rows_affected()));
        match inserted {
            Ok(1) => Ok(Some(id)),
            Ok(_) => Ok(None),
            // Sent while the file was on its way: the trigger keeps the sent application as it was.
            Err(sqlx::Error::Database(e)) if e.message().contains("never changes") => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn application_files(&self, application_id: Uuid) -> anyhow::Result<Vec<FileRow>> {
        let sql = "SELECT id, question_id, file_name, content_type, size_bytes FROM application_files \
                   WHERE application_id = $1 ORDER BY uploaded_at, id";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(application_id).fetch_all(pool).await)?)
    }

    /// An attachment's name, type and bytes, if it belongs to this application.
    pub async fn application_file(
        &self,
        application_id: Uuid,
        id: Uuid,
    ) -> anyhow::Result<Option<(String, String, Vec<u8>)>> {
        let sql = "SELECT file_name, content_type, content FROM application_files WHERE id = $1 AND application_id = $2";
        Ok(
            on_pool!(self, pool => sqlx::query_as(sql).bind(id).bind(application_id).fetch_optional(pool).await)?,
        )
    }

    /// Removes an attachment from a draft; `false` if there was none to remove.
    pub async fn remove_application_file(&self, application_id: Uuid, id: Uuid) -> anyhow::Result<bool> {
        let sql = "DELETE FROM application_files WHERE id = $1 AND application_id = $2 AND EXISTS \
                   (SELECT 1 FROM applications WHERE id = $2 AND status = 'draft')";
        let removed = on_pool!(self, pool => sqlx::query(sql)
            .bind(id).bind(application_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(removed == 1)
    }

    /// Throws a draft away with its attachments; a sent application stays.
    pub async fn delete_draft(&self, id: Uuid) -> anyhow::Result<()> {
        with_locked_application!(self, id, tx => {
            let draft: Option<Uuid> =
                sqlx::query_scalar("SELECT id FROM applications WHERE id = $1 AND status = 'draft'")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if draft.is_some() {
                sqlx::query("DELETE FROM application_files WHERE application_id = $1").bind(id).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM applications WHERE id = $1").bind(id).execute(&mut *tx).await?;
            }
        });
        Ok(())
    }

    /// Sends a draft with `answers` (those that count) and opens its case with `title`, assigned
    /// to an officer of the form's unit. Attachments of questions that no longer apply
    /// (`dropped`) are removed first. A draft sent twice, at the same moment or later, opens one
    /// case: the second call gets the same one.
    pub async fn submit_application(
        &self,
        id: Uuid,
        title: &str,
        answers: &Answers,
        dropped: &[String],
    ) -> anyhow::Result<Option<Submitted>> {
        let answers = serde_json::to_string(answers)?;
        let outcome = with_locked_application!(self, id, tx => submit_in!(tx, id, title, &answers, dropped));
        Ok(outcome)
    }
}
