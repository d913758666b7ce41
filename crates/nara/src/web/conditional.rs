//! Conditional GETs for public pages and feeds: an `ETag` made from the body, and `304 Not
//! Modified` without a body when the client already holds it. A calendar program that polls
//! `/kalender.ics`, or a browser going back to the search page, then gets a few hundred bytes
//! instead of the page.
//!
//! The tag is a hash of the body itself, so it is right whatever made the page change (new data,
//! the hour in "Öppet nu, stänger 16:00", a new release), and the same in every server process.
//! It only tells one version of a public page from the next, so it is a fast checksum (xxh3,
//! 128 bits), not a cryptographic hash: nothing secret or signed rests on it.
//! Only pages for nobody in particular get one: a signed-in person's pages, and anything a handler
//! marked `no-store` (a private calendar feed), are left as they are.

use axum::body::{Body, HttpBody, to_bytes};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use xxhash_rust::xxh3::xxh3_128;

/// The kinds of body that get a tag: pages and feeds, which the server makes whole in memory.
/// Files and other bodies pass through untouched (they may be large or streamed).
const TAGGED: [&str; 4] = ["text/html", "text/calendar", "application/atom+xml", "text/csv"];
/// Bodies larger than this are passed on without a tag rather than held to be hashed.
const MAX_TAGGED_BYTES: usize = 4 * 1024 * 1024;

/// What the request said it already holds, read before the request goes to its handler.
#[derive(Debug, Clone, Default)]
pub struct Held(Option<HeaderValue>);

impl Held {
    /// `If-None-Match` of a `GET` or `HEAD`; nothing for other methods.
    pub fn of(method: &Method, headers: &HeaderMap) -> Self {
        let reads = method == Method::GET || method == Method::HEAD;
        Self(headers.get(header::IF_NONE_MATCH).filter(|_| reads).cloned())
    }

    /// Whether the client holds the body tagged `tag` (weak comparison, as `If-None-Match` asks).
    fn holds(&self, tag: &str) -> bool {
        let Some(list) = self.0.as_ref().and_then(|v| v.to_str().ok()) else { return false };
        list.split(',').map(str::trim).any(|held| held == "*" || held.trim_start_matches("W/") == tag)
    }
}

/// Tags a successful public page or feed with an `ETag` and `Cache-Control: no-cache` (keep it,
/// but ask each time), and answers `304` when the client holds that body already.
pub async fn tag(held: Held, response: Response) -> Response {
    let tagged_kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|kind| TAGGED.iter().any(|t| kind.starts_with(t)));
    // A page is made whole in memory, so its size is known; a streamed body is left alone.
    let small = response.body().size_hint().upper().is_some_and(|size| size <= MAX_TAGGED_BYTES as u64);
    let kept_nowhere = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.contains("no-store"));
    if response.status() != StatusCode::OK
        || !tagged_kind
        || !small
        || kept_nowhere
        || response.headers().contains_key(header::ETAG)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_TAGGED_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "a page's body failed while it was tagged");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tag = format!("\"{}\"", URL_SAFE_NO_PAD.encode(xxh3_128(&bytes).to_be_bytes()));
    let Ok(tag_value) = HeaderValue::from_str(&tag) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.insert(header::ETAG, tag_value);
    if !parts.headers.contains_key(header::CACHE_CONTROL) {
        parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    // The same address shows a signed-in person another page (never stored): a shared cache
    // must not hand them this one.
    parts.headers.append(header::VARY, HeaderValue::from_static("Cookie"));
    if held.holds(&tag) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(value) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, value.clone());
            }
        }
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(value: &str) -> Held {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
        Held::of(&Method::GET, &headers)
    }

    #[test]
    fn if_none_match_is_compared_weakly_in_a_list() {
        assert!(held("\"abc\"").holds("\"abc\""));
        assert!(held("\"x\", W/\"abc\"").holds("\"abc\""));
        assert!(held("*").holds("\"abc\""));
        assert!(!held("\"abcd\"").holds("\"abc\""));
        assert!(!Held::default().holds("\"abc\""));
    }

    #[test]
    fn only_reads_are_answered_from_what_the_client_holds() {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(!Held::of(&Method::POST, &headers).holds("\"abc\""));
        assert!(Held::of(&Method::HEAD, &headers).holds("\"abc\""));
    }
}
