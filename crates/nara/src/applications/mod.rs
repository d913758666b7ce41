//! Applications (ansökan): staff of a unit define forms in versions; a resident fills one in
//! step by step on any device, saves a draft and comes back, checks a summary and sends it.
//! Sending opens a case for the unit with a contact person, once however often it is sent.

pub mod answers;
pub mod definition;
pub mod files;
pub mod resident;
pub mod staff;
pub mod step_view;
pub mod store;

use std::collections::BTreeMap;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use answers::{Answers, applying_answers, display};
use definition::{FormDefinition, QuestionKind};
use store::{ApplicationRow, FileRow};

use crate::i18n::Locale;
use crate::web::errors::AppError;
use crate::web::shell::Shell;

/// The longest reason a resident may give for withdrawing an application.
pub const MAX_WITHDRAWAL_REASON_CHARS: usize = 2000;

/// The definition of a stored version. It was checked when published, so failing here is a bug.
pub fn definition_of(source: &str) -> Result<FormDefinition, AppError> {
    definition::parse(source).map_err(|errors| {
        AppError::Internal(anyhow::anyhow!("a published form fails its checks: {errors:?}"))
    })
}

/// How many files each question holds.
pub fn file_counts(files: &[FileRow]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for file in files {
        *counts.entry(file.question_id.clone()).or_insert(0) += 1;
    }
    counts
}

/// An attachment in a list, with where to download it.
pub struct FileLink {
    pub name: String,
    pub size: String,
    pub href: String,
    pub id: Uuid,
}

/// One question and its answer in a summary.
pub struct SummaryRow {
    pub label: String,
    pub value: Option<String>,
    pub files: Vec<FileLink>,
}

/// One step of a summary.
pub struct SummaryStep {
    pub number: usize,
    pub title: String,
    pub rows: Vec<SummaryRow>,
    /// Where to change the answers, while it is a draft.
    pub change_href: Option<String>,
}

/// The answers of an application as people read them: the questions that apply, step by step.
/// `file_href` gives an attachment's address; `change_href` a step's, for drafts.
pub fn summary(
    form: &FormDefinition,
    answers: &Answers,
    files: &[FileRow],
    shell: &Shell<'_>,
    file_href: impl Fn(Uuid) -> String,
    change_href: Option<&dyn Fn(usize) -> String>,
) -> Vec<SummaryStep> {
    let locale: Locale = shell.locale();
    let (yes, no) = (shell.t("apply-yes"), shell.t("apply-no"));
    let counted = applying_answers(form, answers);
    form.steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let rows = answers::applying(step, &counted)
                .map(|question| SummaryRow {
                    label: question.label.get(locale).to_string(),
                    value: counted.get(&question.id).map(|a| display(question, a, locale, &yes, &no)),
                    files: if question.kind == QuestionKind::File {
                        files
                            .iter()
                            .filter(|f| f.question_id == question.id)
                            .map(|f| FileLink {
                                name: f.file_name.clone(),
                                size: f.size(),
                                href: file_href(f.id),
                                id: f.id,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect();
            SummaryStep {
                number: index + 1,
                title: step.title.get(locale).to_string(),
                rows,
                change_href: change_href.map(|href| href(index + 1)),
            }
        })
        // A step where nothing applied was never shown: it is left out here too.
        .filter(|step| !step.rows.is_empty())
        .collect()
}

/// An attachment as a download: never shown inline from our origin, never cached.
pub fn download(file_name: &str, content_type: &str, content: Vec<u8>) -> Result<Response, AppError> {
    let kind = files::FileKind::from_content_type(content_type)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("an attachment of an unknown type")))?;
    Ok((
        [
            (header::CONTENT_TYPE, kind.content_type().to_string()),
            (header::CONTENT_DISPOSITION, crate::formats::attachment_disposition(file_name)),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        content,
    )
        .into_response())
}

/// The application a case was opened from, summarised for the case page, with attachments at
/// `file_base/{id}`.
pub async fn of_case(
    db: &crate::db::Db,
    case_id: Uuid,
    shell: &Shell<'_>,
    file_base: &str,
) -> Result<Option<(ApplicationRow, Vec<SummaryStep>)>, AppError> {
    let Some(application) = store::application_of_case(db, case_id).await? else { return Ok(None) };
    let form = definition_of(&application.definition)?;
    let files = store::application_files(db.sql(), application.id).await?;
    let steps =
        summary(&form, &application.answers()?, &files, shell, |id| format!("{file_base}/{id}"), None);
    Ok(Some((application, steps)))
}
