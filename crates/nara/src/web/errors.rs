//! One error type for handlers, and one place that turns any error response into a page
//! in the visitor's language.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::web::shell::{PageLocation, Shell};
use crate::web::state::AppState;

/// What a handler can fail with. The response carries only the status: the page itself is
/// rendered by `render_error_pages`, which knows the visitor's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("too many attempts")]
    TooManyAttempts,
    /// An upload over the route's limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A service we depend on (an e-identification provider) does not answer.
    #[error("unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(anyhow::Error::new(error).context("rendering a template"))
    }
}

/// A failed statement or transaction (`db.begin_write().await?` in a handler).
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Internal(error.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable(error) => {
                tracing::warn!(error = format!("{error:#}"), "a service we depend on does not answer");
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Internal(error) => {
                // The chain names what failed (a query, a template), never the person it was for.
                tracing::error!(error = format!("{error:#}"), "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        status.into_response()
    }
}

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    shell: Shell<'a>,
    heading_key: &'static str,
    body_key: &'static str,
    request_id: Option<String>,
}

/// The catalogue keys that explain a status to a person.
pub fn error_keys(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        403 => ("error-403-heading", "error-403-body"),
        404 => ("error-404-heading", "error-404-body"),
        408 => ("error-408-heading", "error-408-body"),
        413 => ("error-413-heading", "error-413-body"),
        429 => ("error-429-heading", "error-429-body"),
        400..=499 => ("error-400-heading", "error-400-body"),
        _ => ("error-500-heading", "error-500-body"),
    }
}

/// Middleware: an error response without a page of its own (a bare status, or the plain text
/// that extractors, limits and timeouts produce) becomes a full page in the visitor's language.
/// Responses that already are a page, or JSON for machines, pass untouched.
pub async fn render_error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let location = PageLocation::from_path(request.uri().path());
    let request_id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || has_own_body(&response) {
        return response;
    }
    let (heading_key, body_key) = error_keys(status);
    let page =
        ErrorPage { shell: Shell::new(&state.catalogues, &location), heading_key, body_key, request_id };
    let mut rendered = match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "the error page itself failed to render");
            status.into_response()
        }
    };
    // Keep what the inner response said about retrying or allowed methods.
    for name in [header::RETRY_AFTER, header::ALLOW] {
        if let Some(value) = response.headers().get(&name) {
            rendered.headers_mut().insert(name, value.clone());
        }
    }
    rendered
}

fn has_own_body(response: &Response) -> bool {
    let content_type = response.headers().get(header::CONTENT_TYPE).map(HeaderValue::as_bytes);
    match content_type {
        None => false,
        Some(value) => !value.starts_with(b"text/plain"),
    }
}
