//! Documents attached to a meeting (an agenda to print, the notes as PDF). PDF only, checked by
//! the bytes rather than the name, and size-limited. They are public with their meeting and are
//! always served as a download, never shown inline by the browser from our origin.

use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::store;
use crate::web::errors::AppError;
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The longest title.
const MAX_TITLE: usize = 200;

/// Why an upload is refused, as a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Missing,
    NotPdf,
    TooLarge,
    Title,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::Missing => "document-error-missing",
            Refusal::NotPdf => "document-error-not-pdf",
            Refusal::TooLarge => "document-error-too-large",
            Refusal::Title => "document-error-title",
        }
    }
}

/// Checks an upload; the title falls back to the file's name without its extension.
pub fn check(title: &str, file_name: &str, bytes: &[u8]) -> Result<String, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Missing);
    }
    if bytes.len() > MAX_PDF_BYTES {
        return Err(Refusal::TooLarge);
    }
    if !crate::formats::is_pdf(bytes) {
        return Err(Refusal::NotPdf);
    }
    let fallback = file_name.rsplit(['/', '\\']).next().unwrap_or("").trim_end_matches(".pdf").trim();
    let title = if title.trim().is_empty() { fallback } else { title.trim() };
    if title.is_empty() || title.chars().count() > MAX_TITLE || title.chars().any(char::is_control) {
        return Err(Refusal::Title);
    }
    Ok(title.to_string())
}

use super::MAX_PDF_BYTES;
pub use super::store::DocumentInfo;

/// `GET /kalender/{slug}/{position}/dokument/{id}`: the PDF, as a download.
pub async fn download(
    State(state): State<AppState>,
    Path((slug, position, id)): Path<(String, i32, String)>,
) -> Result<Response, AppError> {
    let id = Uuid::try_parse(&id).map_err(|_| AppError::NotFound)?;
    let (_, occurrence) = super::web::find_occurrence(&state, &slug, position).await?;
    let (title, content) =
        store::event_document(&state.db, occurrence.id, id).await?.ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, content_disposition(&title)),
            (header::CACHE_CONTROL, "public, max-age=300".to_string()),
        ],
        content,
    )
        .into_response())
}

/// The document's title as the name of a PDF download.
fn content_disposition(title: &str) -> String {
    crate::formats::attachment_disposition(&format!("{title}.pdf"))
}

/// `POST /arrangor/{slug}/{position}/dokument` (multipart: `titel`, `fil`).
pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (series, occurrence) = super::organiser::organised(&state, &ctx, &slug, position).await?;
    let (mut title, mut file_name, mut bytes) = (String::new(), String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some("titel") => {
                title = crate::web::form::text_field(field).await.map_err(|_| AppError::BadRequest)?
            }
            Some("fil") => {
                file_name = crate::web::form::file_name(&field).unwrap_or_default();
                bytes = field.bytes().await.map_err(|_| AppError::BadRequest)?.to_vec();
            }
            _ => {}
        }
    }
    match check(&title, &file_name, &bytes) {
        Ok(title) => {
            let by = ctx.person()?.person.id;
            store::add_event_document(&state.db, occurrence.id, &title, &bytes, by).await?;
            Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}#documents-heading")))
                .into_response())
        }
        Err(refusal) => {
            let mut errors = FormErrors::default();
            errors.add("fil", refusal.key());
            let page =
                super::organiser::occurrence_page(&state, &ctx, &series, &occurrence, errors, None).await?;
            Ok((INVALID, page).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

    #[test]
    fn uploads_are_checked_for_presence_size_type_and_title() {
        assert_eq!(check("Dagordning", "x.pdf", PDF), Ok("Dagordning".into()));
        assert_eq!(check(" ", "C:\\Users\\a\\Anteckningar mars.pdf", PDF), Ok("Anteckningar mars".into()));
        assert_eq!(check("A", "a.pdf", b""), Err(Refusal::Missing));
        assert_eq!(check("A", "a.pdf", b"\x89PNG\r\n"), Err(Refusal::NotPdf));
        let mut big = PDF.to_vec();
        big.resize(MAX_PDF_BYTES + 1, b' ');
        assert_eq!(check("A", "a.pdf", &big), Err(Refusal::TooLarge));
        assert_eq!(check("", "", PDF), Err(Refusal::Title));
        assert_eq!(check("a\u{7}b", "a.pdf", PDF), Err(Refusal::Title));
    }

    #[test]
    fn download_names_survive_any_title() {
        let value = content_disposition("Anteckningar \"mars\"/å");
        assert!(value.starts_with("attachment; filename=\"Anteckningar _mars__"), "{value}");
        assert!(value.ends_with("filename*=UTF-8''Anteckningar%20%22mars%22%2F%C3%A5.pdf"), "{value}");
    }
}
