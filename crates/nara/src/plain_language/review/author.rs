//! The author's side: submitting a text (pasted, or uploaded as .docx, .odt or .txt and read by
//! `document::read`), a new version, and answers to the reviewer's comments. Personal data the
//! checker finds blocks the text until it is removed; the refusal names the kinds found, never
//! the values, and nothing of the text is stored or logged.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::pages::{Typed, back_to, text_page};
use super::{
    Channel, MAX_ANSWER, MAX_AUDIENCE, MAX_TEXT, MAX_TITLE, Submission, access, personal_data_kinds,
    refuse_personal_data, store,
};
use crate::audit::Action;
use crate::plain_language::checker::{PersonalDataKind, check};
use crate::plain_language::document::{self, Limits};
use crate::plain_language::word_list;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, bounded_text, clean_text, multipart_error, text_field};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The largest request the submission takes: an upload at the reader's limit, a pasted text at
/// its limit (four bytes a character at most) and the other fields.
pub const MAX_REQUEST_BYTES: usize = Limits::DEFAULT.upload_bytes + 4 * MAX_TEXT + 64 * 1024;

/// The submission form as posted.
#[derive(Debug, Clone, Default)]
pub struct SubmitForm {
    pub title: String,
    pub audience: String,
    pub channel: String,
    pub deadline: String,
    pub text: String,
    /// The uploaded file's bytes (empty: none chosen).
    pub file: Vec<u8>,
}

#[derive(Template)]
#[template(path = "plain_language/review_new.html")]
struct NewPage<'a> {
    shell: Shell<'a>,
    action: String,
    form: SubmitForm,
    errors: FormErrors,
    channels: Vec<(&'static str, &'static str)>,
}

fn new_page(
    state: &AppState,
    ctx: &PageContext,
    form: SubmitForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = NewPage {
        shell: ctx.shell(state),
        action: ctx.href(&format!("{}/ny", access::HOME)),
        form,
        errors,
        channels: Channel::ALL.iter().map(|c| (c.as_str(), c.label_key())).collect(),
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /personal/klarsprak/ny`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    access::may_use(&state, &ctx).await?;
    new_page(&state, &ctx, SubmitForm::default(), FormErrors::default())
}

/// The catalogue key that says a kind of personal data must be removed.
fn personal_data_key(kind: PersonalDataKind) -> &'static str {
    match kind {
        PersonalDataKind::PersonalIdentityNumber => "plain-review-error-personal-pnr",
        PersonalDataKind::PhoneNumber => "plain-review-error-personal-phone",
        PersonalDataKind::EmailAddress => "plain-review-error-personal-email",
    }
}

/// Adds to `errors` on `field` each kind of personal data in `text`, and notes the kinds (never
/// the values) in the service's log.
async fn block_personal_data(
    state: &AppState,
    text: &str,
    errors: &mut FormErrors,
    field: &'static str,
) -> Result<(), AppError> {
    let glossary = word_list::store::glossary(&state.db).await?;
    let owned = text.to_string();
    let report = tokio::task::spawn_blocking(move || check(&owned, &glossary))
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("checking a text")))?;
    let kinds = personal_data_kinds(&report);
    if !kinds.is_empty() {
        tracing::info!(kinds = ?kinds, "a text for review was held back: it has personal data");
    }
    for kind in kinds {
        errors.add(field, personal_data_key(kind));
    }
    Ok(())
}

/// The text: an uploaded file read by `document::read` when one was chosen, else what was pasted.
/// On a refused upload, the problem on `file`.
fn text_of(form: &SubmitForm, errors: &mut FormErrors) -> Option<String> {
    if !form.file.is_empty() {
        return match document::read(&form.file, &Limits::DEFAULT) {
            // The file's text is free text from outside: cleaned at the edge like a form's.
            Ok(text) => Some(clean_text(&text).into_owned()),
            Err(problem) => {
                errors.add("file", problem.message_key());
                None
            }
        };
    }
    bounded_text(&form.text, MAX_TEXT)
        .map_err(|p| p.add_to(errors, "text", "plain-review-error-text", "plain-review-error-text-long"))
        .ok()
}

/// The submission the form says, or the problems (personal data not yet looked for).
fn read(form: &SubmitForm, today: NaiveDate, errors: &mut FormErrors) -> Option<Submission> {
    let title = bounded_text(&form.title, MAX_TITLE)
        .map_err(|p| p.add_to(errors, "title", "plain-review-error-title", "plain-review-error-title-long"));
    let audience = bounded_text(&form.audience, MAX_AUDIENCE).map_err(|p| {
        p.add_to(errors, "audience", "plain-review-error-audience", "plain-review-error-audience-long")
    });
    for (field, text) in [("title", &form.title), ("audience", &form.audience)] {
        refuse_personal_data(errors, field, text);
    }
    let channel = Channel::parse(form.channel.trim());
    if channel.is_none() {
        errors.add("channel", "plain-review-error-channel");
    }
    let deadline = NaiveDate::parse_from_str(form.deadline.trim(), "%Y-%m-%d").ok().filter(|d| *d >= today);
    if deadline.is_none() {
        errors.add("deadline", "plain-review-error-deadline");
    }
    let text = text_of(form, errors);
    match (title, audience, channel, deadline, text) {
        (Ok(title), Ok(audience), Some(channel), Some(deadline), Some(text)) => {
            Some(Submission { title, audience, channel, deadline, text })
        }
        _ => None,
    }
}

async fn read_multipart(mut multipart: Multipart) -> Result<SubmitForm, AppError> {
    let mut form = SubmitForm::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| multipart_error(&e))? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            form.file = field.bytes().await.map_err(|e| multipart_error(&e))?.to_vec();
            continue;
        }
        let value = text_field(field).await.map_err(|e| multipart_error(&e))?;
        match name.as_str() {
            "title" => form.title = value,
            "audience" => form.audience = value,
            "channel" => form.channel = value,
            "deadline" => form.deadline = value,
            "text" => form.text = value,
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /personal/klarsprak/ny` (multipart): a new text, open for review.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    access::may_use(&state, &ctx).await?;
    let form = read_multipart(multipart.map_err(|_| AppError::BadRequest)?).await?;
    // Unpacking and parsing an office file is up to 10 MB of CPU work: off the async workers.
    let today = crate::stockholm::today();
    let (submission, mut errors, mut form) = tokio::task::spawn_blocking(move || {
        let mut errors = FormErrors::default();
        let submission = read(&form, today, &mut errors);
        (submission, errors, form)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("reading a submission")))?;
    if let Some(submission) = &submission {
        // A file's text is shown in the box, where what was found can be removed: the message
        // is put there too.
        block_personal_data(&state, &submission.text, &mut errors, "text").await?;
    }
    let submission = match submission {
        Some(submission) if errors.is_empty() => submission,
        read => {
            // The text read from a file goes into the box, where the author can remove what was
            // found; the file is not kept.
            if let Some(read) = read {
                form.text = read.text;
            }
            form.file.clear();
            return new_page(&state, &ctx, form, errors);
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let id = store::submit(&mut tx, me, &submission).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::TextSubmitted, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "skickad"))
}

#[derive(Deserialize, Default)]
pub struct VersionForm {
    #[serde(default)]
    text: String,
}

/// `POST /personal/klarsprak/texter/{text}/version`: the author's new version.
pub async fn new_version(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<VersionForm>,
) -> Result<Response, AppError> {
    let review = access::own_text(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    if !review.state.open_to_new_versions() {
        errors.add("text", "plain-review-error-approved");
    }
    let text = bounded_text(&form.text, MAX_TEXT)
        .map_err(|p| p.add_to(&mut errors, "text", "plain-review-error-text", "plain-review-error-text-long"))
        .ok();
    if let Some(text) = &text {
        block_personal_data(&state, text, &mut errors, "text").await?;
    }
    let (Some(text), true) = (text, errors.is_empty()) else {
        let typed = Typed { errors, text: Some(form.text), ..Typed::default() };
        return text_page(&state, &ctx, review, typed).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if store::add_version(&mut tx, id, me, &text).await?.is_none() {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("text", "plain-review-error-approved");
        let review = access::readable_text(&state, &ctx, id).await?;
        return text_page(&state, &ctx, review, Typed { errors, text: Some(form.text), ..Typed::default() })
            .await;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::TextVersionAdded, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "version"))
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    comment: String,
    #[serde(default)]
    answer: String,
}

/// `POST /personal/klarsprak/texter/{text}/svar`: the author answers a comment.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let review = access::own_text(&state, &ctx, id).await?;
    let comment = Uuid::parse_str(form.comment.trim()).map_err(|_| AppError::BadRequest)?;
    let mut errors = FormErrors::default();
    if !review.state.open_to_new_versions() {
        errors.add("answer", "plain-review-error-approved");
    }
    let body = bounded_text(&form.answer, MAX_ANSWER)
        .map_err(|p| {
            p.add_to(&mut errors, "answer", "plain-review-error-answer", "plain-review-error-answer-long")
        })
        .ok();
    refuse_personal_data(&mut errors, "answer", &form.answer);
    let (Some(body), true) = (body, errors.is_empty()) else {
        let typed = Typed { errors, answer: Some((comment, form.answer)), ..Typed::default() };
        return text_page(&state, &ctx, review, typed).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::add_answer(&mut tx, id, comment, me, &body).await? {
        // No such comment on this text: refused and audited like any other unknown object.
        drop(tx);
        let target = Target::new("text_review_comment", comment);
        guard::allow(&state, &ctx, false, target, Refusal::NotFound).await?;
        return Err(AppError::NotFound);
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::TextAnswered, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "svar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(channel: &str, deadline: &str, text: &str, file: &[u8]) -> SubmitForm {
        SubmitForm {
            title: " Brev om möte ".into(),
            audience: "Föräldrar".into(),
            channel: channel.into(),
            deadline: deadline.into(),
            text: text.into(),
            file: file.to_vec(),
        }
    }

    fn problems(form: &SubmitForm) -> Vec<&'static str> {
        let mut errors = FormErrors::default();
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(read(form, today, &mut errors).is_some(), errors.is_empty());
        errors.items().iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_submission_needs_a_channel_a_coming_deadline_and_a_text() {
        assert!(problems(&form("letter_template", "2026-12-06", "Hej.", b"")).is_empty());
        assert_eq!(problems(&form("tv", "2026-12-05", " ", b"")), vec!["channel", "deadline", "text"]);
        let mut errors = FormErrors::default();
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let read =
            read(&form("web", "2027-01-31", "", b"Fr\xC3\xA5n en fil.\x07"), today, &mut errors).unwrap();
        assert_eq!(
            (read.title.as_str(), read.text.as_str()),
            ("Brev om möte", "Från en fil."),
            "a file wins, cleaned"
        );
        assert_eq!(
            problems(&form("web", "2027-01-31", "Hej.", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")),
            vec!["file"]
        );
    }
}
