//! `POST /api/v1/klarsprak`: a text in (JSON `{"text": …}` or a form field `text`), the checker's
//! report out as JSON. Public, so it is size- and rate-limited, and every refusal is JSON with a
//! message in Swedish and English.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::checker::{self, Report};
use super::word_list;
use crate::i18n::Locale;
use crate::rate_limit::{self, Limit};
use crate::web::auth::ClientAddress;
use crate::web::errors::AppError;
use crate::web::state::AppState;

/// The route: the one POST the site-wide cross-site check lets through (`web::security`).
pub const PATH: &str = "/api/v1/klarsprak";

/// Longest text the API checks, in characters (a long report or brochure is well under it).
pub const MAX_CHARS: usize = 200_000;
/// Checks from one network per minute.
pub const PER_ADDRESS: Limit = Limit { max: 60, window: std::time::Duration::from_secs(60) };

#[derive(Deserialize)]
struct Input {
    text: String,
}

#[derive(Serialize)]
struct Refusal {
    error: &'static str,
    message: String,
    message_en: String,
}

/// Why a request gets no report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    TooLong,
    Unreadable,
    TooMany,
}

impl Problem {
    fn parts(self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Problem::TooLong => (StatusCode::PAYLOAD_TOO_LARGE, "too_long", "plain-api-too-long"),
            Problem::Unreadable => (StatusCode::UNPROCESSABLE_ENTITY, "unreadable", "plain-api-unreadable"),
            Problem::TooMany => (StatusCode::TOO_MANY_REQUESTS, "too_many", "plain-api-too-many"),
        }
    }

    fn respond(self, state: &AppState) -> Response {
        let (status, error, key) = self.parts();
        let message = |locale| state.catalogues.plain_with(locale, key, &[("max", MAX_CHARS.into())]);
        (status, Json(Refusal { error, message: message(Locale::SV), message_en: message(Locale::EN) }))
            .into_response()
    }
}

/// The handler.
pub async fn check(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let text = match body.map_err(|_| Problem::TooLong).and_then(|b| read_text(&headers, &b)) {
        Ok(text) => text,
        Err(problem) => return Ok(problem.respond(&state)),
    };
    let bucket = rate_limit::bucket("klarsprak:address", &client.0, state.secrets.key());
    if !rate_limit::store::hit(&state.db, &bucket, PER_ADDRESS).await? {
        return Ok(Problem::TooMany.respond(&state));
    }
    // Up to MAX_CHARS of CPU work: off the async workers, so other requests are not held up.
    let glossary = word_list::store::glossary(&state.db).await?;
    let report: Report = tokio::task::spawn_blocking(move || checker::check(&text, &glossary))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("the checker stopped: {e}")))?;
    Ok(Json(report).into_response())
}

/// The text of a JSON or form body, refused when unreadable or longer than [`MAX_CHARS`].
fn read_text(headers: &HeaderMap, body: &[u8]) -> Result<String, Problem> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = if content_type.starts_with("application/json") {
        serde_json::from_slice::<Input>(body).map_err(|_| Problem::Unreadable)?.text
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes::<Input>(body).map_err(|_| Problem::Unreadable)?.text
    } else {
        return Err(Problem::Unreadable);
    };
    if text.chars().count() > MAX_CHARS {
        return Err(Problem::TooLong);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn typed(kind: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
        headers
    }

    #[test]
    fn json_and_form_bodies_are_read() {
        assert_eq!(read_text(&typed("application/json"), br#"{"text":"Hej!"}"#), Ok("Hej!".into()));
        assert_eq!(read_text(&typed("application/x-www-form-urlencoded"), b"text=Hej%21"), Ok("Hej!".into()));
    }

    #[test]
    fn other_bodies_are_refused() {
        assert_eq!(read_text(&typed("application/json"), b"{"), Err(Problem::Unreadable));
        assert_eq!(read_text(&typed("text/plain"), b"Hej"), Err(Problem::Unreadable));
        let long = format!(r#"{{"text":"{}"}}"#, "å".repeat(MAX_CHARS + 1));
        assert_eq!(read_text(&typed("application/json"), long.as_bytes()), Err(Problem::TooLong));
    }
}
