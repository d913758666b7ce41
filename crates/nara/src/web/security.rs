//! Security headers on every response, error pages included.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;

use crate::web::AppState;

/// No inline script or style anywhere (so no `style=""` attributes in templates either).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

const HSTS: &str = "max-age=63072000; includeSubDomains";

pub async fn add_security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if state.https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

/// Refuses a state-changing request that carries neither `Origin` nor `Sec-Fetch-Site`. Every
/// browser that can use our forms sends one of them; the CSRF layer would let such a request
/// through (it cannot tell an old browser from a forged request), so we do not.
pub async fn require_browser_headers(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let from_a_browser =
        request.headers().contains_key(header::ORIGIN) || request.headers().contains_key("sec-fetch-site");
    if !safe && !from_a_browser {
        return StatusCode::FORBIDDEN.into_response();
    }
    next.run(request).await
}

/// The request id is ours to give: one sent by a client never reaches the audit log.
pub fn drop_client_request_id<B>(mut request: axum::http::Request<B>) -> axum::http::Request<B> {
    request.headers_mut().remove("x-request-id");
    request
}
