//! Application forms, applications and attachments in the database. Sending and throwing away a
//! draft lock the application first ([`lock_application`]), so they never interleave.

use uuid::Uuid;

use super::answers::Answers;
use super::files::CheckedFile;
use crate::cases::NewCase;
use crate::db::{Backend, Db, Param, Sql, Tx, UtcTime};

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
        super::files::size_label(self.size_bytes)
    }
}

/// A resident's withdrawal of their application.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Withdrawal {
    pub reason: String,
    pub withdrawn_at: UtcTime,
}

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// Sent now; the case was opened.
    Now(Uuid),
    /// Sent before (a second click or a retry): the case opened then.
    Before(Uuid),
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Creates a form with its first version; `None` if the address is taken. Then nothing was
/// written and the transaction has failed: the caller drops it.
pub async fn create_form(
    tx: &mut Tx,
    slug: &str,
    unit_id: Uuid,
    definition: &str,
    by: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let created = tx
        .sql()
        .execute(
            "INSERT INTO application_forms (id, slug, unit_id, open, created_by, created_at) \
             VALUES ($1, $2, $3, TRUE, $4, $5)",
            &[&id, &slug, &unit_id, &by, &now],
        )
        .await;
    match created {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    tx.sql()
        .execute(
            "INSERT INTO application_form_versions (form_id, version, definition, published_by, published_at) \
             VALUES ($1, 1, $2, $3, $4)",
            &[&id, &definition, &by, &now],
        )
        .await?;
    Ok(Some(id))
}

/// Publishes the version after `based_on`; `None` if someone published another meanwhile. Then
/// nothing was written and the transaction has failed: the caller drops it.
pub async fn publish_form_version(
    tx: &mut Tx,
    form_id: Uuid,
    based_on: i32,
    definition: &str,
    by: Uuid,
) -> anyhow::Result<Option<i32>> {
    let version = based_on + 1;
    let sql = "INSERT INTO application_form_versions (form_id, version, definition, published_by, published_at) \
               VALUES ($1, $2, $3, $4, $5)";
    match tx.sql().execute(sql, &[&form_id, &version, &definition, &by, &UtcTime::now()]).await {
        Ok(_) => Ok(Some(version)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub async fn set_form_open(tx: &mut Tx, form_id: Uuid, open: bool) -> anyhow::Result<()> {
    tx.sql().execute("UPDATE application_forms SET open = $1 WHERE id = $2", &[&open, &form_id]).await?;
    Ok(())
}

/// The forms of these units, by address.
pub async fn forms_of_units(db: &Db, units: &[Uuid]) -> anyhow::Result<Vec<FormRow>> {
    let sql = "SELECT f.id, f.slug, f.unit_id, f.open, v.version, v.definition, v.published_at \
               FROM application_forms f JOIN application_form_versions v ON v.form_id = f.id \
               AND v.version = (SELECT MAX(version) FROM application_form_versions WHERE form_id = f.id) \
              WHERE f.unit_id = $1 ORDER BY f.slug";
    let mut forms = Vec::new();
    for unit in units {
        let rows: Vec<FormRow> = db.sql().all(sql, &[unit]).await?;
        forms.extend(rows);
    }
    Ok(forms)
}

/// The forms residents may apply with now.
pub async fn open_forms(db: &Db) -> anyhow::Result<Vec<FormRow>> {
    let sql = "SELECT f.id, f.slug, f.unit_id, f.open, v.version, v.definition, v.published_at \
               FROM application_forms f JOIN application_form_versions v ON v.form_id = f.id \
               AND v.version = (SELECT MAX(version) FROM application_form_versions WHERE form_id = f.id) \
              WHERE f.open ORDER BY f.slug";
    Ok(db.sql().all(sql, &[]).await?)
}

pub async fn form_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<FormRow>> {
    let sql = "SELECT f.id, f.slug, f.unit_id, f.open, v.version, v.definition, v.published_at \
               FROM application_forms f JOIN application_form_versions v ON v.form_id = f.id \
               AND v.version = (SELECT MAX(version) FROM application_form_versions WHERE form_id = f.id) \
              WHERE f.slug = $1";
    Ok(db.sql().optional(sql, &[&slug]).await?)
}

/// Every published version of a form, newest first.
pub async fn form_versions(db: &Db, form_id: Uuid) -> anyhow::Result<Vec<VersionRow>> {
    let sql = "SELECT v.version, p.display_name AS published_by_name, v.published_at \
               FROM application_form_versions v JOIN people p ON p.id = v.published_by \
               WHERE v.form_id = $1 ORDER BY v.version DESC";
    Ok(db.sql().all(sql, &[&form_id]).await?)
}

/// The resident's draft of this form, started now with its newest version if there is none.
/// Starting twice (a double click) gives the same draft.
pub async fn start_application(db: &Db, form: &FormRow, resident_id: Uuid) -> anyhow::Result<Uuid> {
    let insert = "INSERT INTO applications (id, form_id, form_version, resident_id, status, answers, created_at, updated_at) \
                  VALUES ($1, $2, $3, $4, 'draft', '{}', $5, $5) \
                  ON CONFLICT (resident_id, form_id) WHERE status = 'draft' DO NOTHING";
    let select = "SELECT id FROM applications WHERE resident_id = $1 AND form_id = $2 AND status = 'draft'";
    db.sql()
        .execute(insert, &[&Uuid::new_v4(), &form.id, &form.version, &resident_id, &UtcTime::now()])
        .await?;
    let id: Option<Uuid> = db.sql().value(select, &[&resident_id, &form.id]).await?;
    Ok(id.ok_or(sqlx::Error::RowNotFound)?)
}

pub async fn application(db: &Db, id: Uuid) -> anyhow::Result<Option<ApplicationRow>> {
    let sql = "SELECT a.id, a.form_id, a.form_version, f.slug AS form_slug, f.unit_id, v.definition, a.resident_id, \
               a.status, a.answers, a.created_at, a.updated_at, a.submitted_at, a.case_id \
               FROM applications a JOIN application_forms f ON f.id = a.form_id \
               JOIN application_form_versions v ON v.form_id = a.form_id AND v.version = a.form_version \
              WHERE a.id = $1";
    Ok(db.sql().optional(sql, &[&id]).await?)
}

/// The application a case was opened from.
pub async fn application_of_case(db: &Db, case_id: Uuid) -> anyhow::Result<Option<ApplicationRow>> {
    let sql = "SELECT a.id, a.form_id, a.form_version, f.slug AS form_slug, f.unit_id, v.definition, a.resident_id, \
               a.status, a.answers, a.created_at, a.updated_at, a.submitted_at, a.case_id \
               FROM applications a JOIN application_forms f ON f.id = a.form_id \
               JOIN application_form_versions v ON v.form_id = a.form_id AND v.version = a.form_version \
              WHERE a.case_id = $1";
    Ok(db.sql().optional(sql, &[&case_id]).await?)
}

/// A resident's applications, newest first.
pub async fn applications_of_resident(db: &Db, resident_id: Uuid) -> anyhow::Result<Vec<ApplicationRow>> {
    let sql = "SELECT a.id, a.form_id, a.form_version, f.slug AS form_slug, f.unit_id, v.definition, a.resident_id, \
               a.status, a.answers, a.created_at, a.updated_at, a.submitted_at, a.case_id \
               FROM applications a JOIN application_forms f ON f.id = a.form_id \
               JOIN application_form_versions v ON v.form_id = a.form_id AND v.version = a.form_version \
              WHERE a.resident_id = $1 ORDER BY a.updated_at DESC, a.id";
    Ok(db.sql().all(sql, &[&resident_id]).await?)
}

/// Stores a draft's answers; `false` if it is no longer a draft.
pub async fn save_answers(tx: &mut Tx, id: Uuid, answers: &Answers) -> anyhow::Result<bool> {
    let sql = "UPDATE applications SET answers = $1, updated_at = $2 WHERE id = $3 AND status = 'draft'";
    let json = serde_json::to_string(answers)?;
    Ok(tx.sql().execute(sql, &[&json, &UtcTime::now(), &id]).await? == 1)
}

/// Adds an attachment to a draft, as part of saving a step; `None` if it is no longer a draft.
pub async fn add_application_file(
    tx: &mut Tx,
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
    let params: [&dyn Param; 8] = [
        &id,
        &application_id,
        &question_id,
        &file.name,
        &file.kind.content_type(),
        &size,
        &content,
        &UtcTime::now(),
    ];
    match tx.sql().execute(sql, &params).await {
        Ok(1) => Ok(Some(id)),
        Ok(_) => Ok(None),
        // Sent while the file was on its way: the trigger keeps the sent application as it was.
        Err(sqlx::Error::Database(e)) if e.message().contains("never changes") => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The attachments of an application, on the pool (`db.sql()`) or inside the step being saved
/// (`tx.sql()`).
pub async fn application_files(sql: Sql<'_>, application_id: Uuid) -> anyhow::Result<Vec<FileRow>> {
    let statement = "SELECT id, question_id, file_name, content_type, size_bytes FROM application_files \
               WHERE application_id = $1 ORDER BY uploaded_at, id";
    Ok(sql.all(statement, &[&application_id]).await?)
}

/// An attachment's name, type and bytes, if it belongs to this application.
pub async fn application_file(
    db: &Db,
    application_id: Uuid,
    id: Uuid,
) -> anyhow::Result<Option<(String, String, Vec<u8>)>> {
    let sql = "SELECT file_name, content_type, content FROM application_files WHERE id = $1 AND application_id = $2";
    Ok(db.sql().optional(sql, &[&id, &application_id]).await?)
}

/// Removes an attachment from a draft, as part of saving a step; `false` if there was none to
/// remove.
pub async fn remove_application_file(tx: &mut Tx, application_id: Uuid, id: Uuid) -> anyhow::Result<bool> {
    let sql = "DELETE FROM application_files WHERE id = $1 AND application_id = $2 AND EXISTS \
               (SELECT 1 FROM applications WHERE id = $2 AND status = 'draft')";
    Ok(tx.sql().execute(sql, &[&id, &application_id]).await? == 1)
}

/// Holds the application `id` against every other writer until the transaction ends: SQLite's
/// write lock, taken when the transaction began (`Db::begin_write`), or PostgreSQL's lock on the
/// row. Saving a step, sending and throwing away a draft all begin here, so they never interleave.
pub async fn lock_application(tx: &mut Tx, id: Uuid) -> anyhow::Result<()> {
    anyhow::ensure!(tx.is_write(), "an application is locked in a write transaction (Db::begin_write)");
    match tx.backend() {
        Backend::Sqlite => {}
        Backend::Postgres => {
            let _: Option<Uuid> =
                tx.sql().value("SELECT id FROM applications WHERE id = $1 FOR UPDATE", &[&id]).await?;
        }
    }
    Ok(())
}

/// Throws a draft away with its attachments; a sent application stays. `false` when there was
/// no draft to throw away.
pub async fn delete_draft(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    lock_application(tx, id).await?;
    let draft: Option<Uuid> =
        tx.sql().value("SELECT id FROM applications WHERE id = $1 AND status = 'draft'", &[&id]).await?;
    if draft.is_none() {
        return Ok(false);
    }
    tx.sql().execute("DELETE FROM application_files WHERE application_id = $1", &[&id]).await?;
    tx.sql().execute("DELETE FROM applications WHERE id = $1", &[&id]).await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct SubmitState {
    case_id: Option<Uuid>,
    resident_id: Uuid,
    unit_id: Uuid,
}

/// Sends a draft with `answers` (those that count) and opens its case with `title`, assigned
/// to an officer of the form's unit. Attachments of questions that no longer apply
/// (`dropped`) are removed first. A draft sent twice, at the same moment or later, opens one
/// case: the second call gets the same one, because the application is locked first and the
/// second finds it sent. `None` when there is no such application.
pub async fn submit_application(
    tx: &mut Tx,
    id: Uuid,
    title: &str,
    answers: &Answers,
    dropped: &[String],
) -> anyhow::Result<Option<Submitted>> {
    let answers = serde_json::to_string(answers)?;
    lock_application(tx, id).await?;
    let found: Option<SubmitState> = tx
        .sql()
        .optional(
            "SELECT a.case_id, a.resident_id, f.unit_id FROM applications a \
             JOIN application_forms f ON f.id = a.form_id WHERE a.id = $1",
            &[&id],
        )
        .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    if let Some(case_id) = found.case_id {
        return Ok(Some(Submitted::Before(case_id)));
    }
    // The contact person: the active officer of the unit with the fewest open cases.
    let officer_id: Option<Uuid> = tx
        .sql()
        .value(
            "SELECT p.id FROM role_grants g JOIN people p ON p.id = g.person_id \
             WHERE g.role = 'staff' AND g.unit_id = $1 AND p.active AND p.id <> $2 \
             ORDER BY (SELECT COUNT(*) FROM cases c WHERE c.officer_id = p.id AND c.status <> 'closed'), p.id \
             LIMIT 1",
            &[&found.unit_id, &found.resident_id],
        )
        .await?;
    for question in dropped {
        tx.sql()
            .execute(
                "DELETE FROM application_files WHERE application_id = $1 AND question_id = $2",
                &[&id, question],
            )
            .await?;
    }
    let new = NewCase {
        resident_id: found.resident_id,
        unit_id: found.unit_id,
        officer_id,
        title: title.to_string(),
    };
    let case_id = crate::cases::store::insert_case(tx, &new, Some(found.resident_id)).await?;
    tx.sql()
        .execute(
            "UPDATE applications SET status = 'submitted', submitted_at = $1, updated_at = $1, case_id = $2, \
             answers = $3 WHERE id = $4 AND status = 'draft'",
            &[&UtcTime::now(), &case_id, &answers, &id],
        )
        .await?;
    Ok(Some(Submitted::Now(case_id)))
}

/// Records that the resident withdrew the application, as part of the withdrawal's transaction
/// (which closes the case).
pub async fn record_withdrawal(
    tx: &mut Tx,
    application_id: Uuid,
    case_id: Uuid,
    reason: &str,
) -> anyhow::Result<()> {
    let sql = "INSERT INTO application_withdrawals (application_id, case_id, reason, withdrawn_at) \
               VALUES ($1, $2, $3, $4)";
    tx.sql().execute(sql, &[&application_id, &case_id, &reason, &UtcTime::now()]).await?;
    Ok(())
}

/// The withdrawal of an application, if it was withdrawn.
pub async fn withdrawal(db: &Db, application_id: Uuid) -> anyhow::Result<Option<Withdrawal>> {
    let sql = "SELECT reason, withdrawn_at FROM application_withdrawals WHERE application_id = $1";
    Ok(db.sql().optional(sql, &[&application_id]).await?)
}
