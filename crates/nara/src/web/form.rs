//! Reading what people send. Every piece of free text passes through [`clean_text`] once, here
//! at the edge, whatever carries it (a posted form, a query string, a multipart field, an
//! uploaded CSV file), so no control character reaches the database, e-mail, CSV exports or the
//! append-only record. PostgreSQL refuses NUL outright; SQLite would keep it for good.
//!
//! Handlers take [`Form`] and [`Query`] from here instead of axum's: the same decoding (axum's
//! own, then serde_urlencoded), with every name and value cleaned before the handler sees it.
//! A test scans `src/` so that axum's uncleaned extractors are not used anywhere else.

use std::borrow::Cow;

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

/// Removes C0 and C1 control characters (and DEL) except line feed and tab, and turns `\r\n` and
/// a lone `\r` into `\n`. Text that needs nothing is returned as it is, without copying.
pub fn clean_text(raw: &str) -> Cow<'_, str> {
    if !raw.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(raw);
    }
    let mut clean = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                clean.push('\n');
            }
            '\n' | '\t' => clean.push(c),
            c if c.is_control() => {}
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

/// Cleans every name and value, then decodes them into `T` as axum's extractors would.
fn decode<T: DeserializeOwned>(pairs: Vec<(String, String)>) -> Result<T, serde_urlencoded::de::Error> {
    let mut encoded = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        encoded.append_pair(&clean_text(name), &clean_text(value));
    }
    serde_urlencoded::from_str(&encoded.finish())
}

/// A posted `application/x-www-form-urlencoded` body, cleaned. Rejections keep axum's statuses:
/// 415 for another content type, 413 over the body limit, 422 when the fields do not fit `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        decode(pairs).map(Form).map_err(|_| StatusCode::UNPROCESSABLE_ENTITY.into_response())
    }
}

/// The first value named `key` in a form read as pairs (`Form<Vec<(String, String)>>`, for forms
/// with repeated names such as checkboxes); empty when there is none.
pub fn first_value(pairs: &[(String, String)], key: &str) -> String {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// Every value named `key` in a form read as pairs, in order (the ticked checkboxes of a group).
pub fn all_values(pairs: &[(String, String)], key: &str) -> Vec<String> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
}

/// A query string, cleaned; 400 when its fields do not fit `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let pairs = url::form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        decode(pairs).map(Query).map_err(|_| StatusCode::BAD_REQUEST.into_response())
    }
}

/// A multipart text field, cleaned.
pub async fn text_field(field: Field<'_>) -> Result<String, MultipartError> {
    let text = field.text().await?;
    Ok(match clean_text(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    })
}

/// A multipart body that could not be read: over the route's limit is "too large", anything
/// else malformed.
pub fn multipart_error(error: &MultipartError) -> crate::web::errors::AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        crate::web::errors::AppError::PayloadTooLarge
    } else {
        crate::web::errors::AppError::BadRequest
    }
}

/// The file name a browser sent with an upload, cleaned (it is shown and stored).
pub fn file_name(field: &Field<'_>) -> Option<String> {
    field.file_name().map(|name| clean_text(name).into_owned())
}

// ---- Form errors in the GOV.UK pattern: a summary at the top linking to each field, and the
// message again above the field.

/// One problem with one field: the field's id and the catalogue key of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(FieldError { field, key });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn items(&self) -> &[FieldError] {
        &self.0
    }

    /// The message key for a field, if it has an error.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }

    pub fn has(&self, field: &str) -> bool {
        self.for_field(field).is_some()
    }
}

/// The status of a page that shows a form again with its errors.
pub const INVALID: axum::http::StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

// ---- Free text with a length limit: refused with a message when too long, never cut.

/// Why a piece of free text was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Missing,
    TooLong,
}

impl TextProblem {
    /// Puts the problem on `field` of a form: `missing_key` says what to write there,
    /// `too_long_key` how long it may be.
    pub fn add_to(
        self,
        errors: &mut FormErrors,
        field: &'static str,
        missing_key: &'static str,
        too_long_key: &'static str,
    ) {
        errors.add(field, if self == TextProblem::Missing { missing_key } else { too_long_key });
    }
}

/// A text a person wrote, trimmed, with one kind of line break; a problem when it is blank or
/// longer than `max` characters.
pub fn bounded_text(text: &str, max: usize) -> Result<String, TextProblem> {
    let text = text.trim();
    if text.is_empty() {
        Err(TextProblem::Missing)
    } else if text.chars().count() > max {
        Err(TextProblem::TooLong)
    } else {
        Ok(text.replace("\r\n", "\n"))
    }
}

/// The same for a text that may be left out: `None` when blank.
pub fn optional_text(text: &str, max: usize) -> Result<Option<String>, TextProblem> {
    match bounded_text(text, max) {
        Ok(text) => Ok(Some(text)),
        Err(TextProblem::Missing) => Ok(None),
        Err(problem) => Err(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded_never_cut() {
        assert_eq!(bounded_text("  hej\r\ndå  ", 10), Ok("hej\ndå".into()));
        assert_eq!(bounded_text(" \n ", 10), Err(TextProblem::Missing));
        assert_eq!(bounded_text("elva tecken", 10), Err(TextProblem::TooLong));
        assert_eq!(optional_text(" \n ", 10), Ok(None));
        assert_eq!(optional_text(" tio tecken ", 10), Ok(Some("tio tecken".into())));
        assert_eq!(optional_text("elva tecken", 10), Err(TextProblem::TooLong));
    }
    use proptest::prelude::*;
    use serde::Deserialize;

    #[test]
    fn control_characters_go_and_line_endings_become_line_feeds() {
        assert_eq!(clean_text("An\u{0}na\u{7}\u{1b}[31m Berg\u{85}\u{9f}\u{7f}"), "Anna[31m Berg");
        assert_eq!(clean_text("rad ett\r\nrad två\rrad tre\n\tslut"), "rad ett\nrad två\nrad tre\n\tslut");
        assert_eq!(clean_text("\r\r\n"), "\n\n");
        assert_eq!(clean_text("\u{0}\u{1}"), "");
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(clean_text("Hej då, Åsa!\n\tRad två"), Cow::Borrowed(_)));
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Registration {
        name: String,
        #[serde(default)]
        places: Option<u32>,
    }

    #[test]
    fn forms_decode_as_before_with_clean_values() {
        let pairs = vec![
            ("name".to_string(), "Sara\u{0} Ek\r\n".to_string()),
            ("places".to_string(), "2".to_string()),
        ];
        let decoded: Registration = decode(pairs).unwrap();
        assert_eq!(decoded, Registration { name: "Sara Ek\n".into(), places: Some(2) });
        let bad: Result<Registration, _> = decode(vec![("places".into(), "två".into())]);
        assert!(bad.is_err());
    }

    /// Every file of `src/` except this one, with its path.
    fn sources() -> Vec<(std::path::PathBuf, String)> {
        let mut files = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("web/form.rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    files.push((path, text));
                }
            }
        }
        files
    }

    #[test]
    fn nothing_reads_forms_around_the_cleaning() {
        let uncleaned =
            ["axum::Form", "axum::extract::Query", "extract::Form", ".text().await", ".file_name()"];
        let files = sources();
        assert!(files.len() > 50);
        for (path, text) in &files {
            for pattern in uncleaned {
                assert!(
                    !text.contains(pattern),
                    "{} uses {pattern}: read it through web::form",
                    path.display()
                );
            }
            for line in text.lines().filter(|l| l.trim_start().starts_with("use axum::extract::{")) {
                assert!(
                    !line.contains(" Query") && !line.contains("{Query") && !line.contains(" Form"),
                    "{}: {line}: use web::form's extractors",
                    path.display()
                );
            }
        }
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_control_characters_but_keeps_the_rest(raw in any::<String>()) {
            let clean = clean_text(&raw);
            prop_assert!(clean.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
            let kept: String = raw.chars().filter(|c| !c.is_control()).collect();
            let kept_clean: String = clean.chars().filter(|c| !c.is_control()).collect();
            prop_assert_eq!(kept, kept_clean);
            prop_assert_eq!(clean_text(&clean), clean.clone(), "cleaning twice changes nothing");
        }

        #[test]
        fn any_form_body_decodes_to_clean_pairs(pairs in proptest::collection::vec((any::<String>(), any::<String>()), 0..8)) {
            let decoded: Vec<(String, String)> = decode(pairs.clone()).unwrap();
            prop_assert_eq!(decoded.len(), pairs.len());
            for ((name, value), (raw_name, raw_value)) in decoded.iter().zip(&pairs) {
                prop_assert_eq!(name, &clean_text(raw_name).into_owned());
                prop_assert_eq!(value, &clean_text(raw_value).into_owned());
            }
        }

        #[test]
        fn line_breaks_survive_as_line_feeds(lines in proptest::collection::vec("[a-zåäö ]{0,12}", 1..6)) {
            for separator in ["\n", "\r\n", "\r"] {
                let joined = lines.join(separator);
                prop_assert_eq!(clean_text(&joined), lines.join("\n"));
            }
        }
    }
}
