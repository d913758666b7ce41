//! Security headers on every response, error pages included.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;

use crate::web::state::AppState;

/// No inline script or style anywhere (so no `style=""` attributes in templates either).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Put in a response's extensions by a page that uses the camera on this site (the leisure
/// bank's scan page reads QR labels): only that page's permissions policy lets it.
#[derive(Debug, Clone, Copy)]
pub struct UsesCamera;

const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
const PERMISSIONS_WITH_CAMERA: &str = "camera=(self), microphone=(), geolocation=(), interest-cohort=()";

pub async fn add_security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let permissions = if response.extensions().get::<UsesCamera>().is_some() {
        PERMISSIONS_WITH_CAMERA
    } else {
        PERMISSIONS
    };
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), permissions),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if state.https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

/// Refuses a request that would change something unless it comes from a page of this site.
/// No tokens, so every form works without JavaScript; a reverse proxy in front must pass
/// `Origin` through unchanged, and `public_base_url` must be the address people use.
pub async fn refuse_cross_site(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // The public plain-language checker is meant for other systems, which send neither header. It
    // reads no cookie and changes nothing (its answer is a report on the text sent), so a forged
    // cross-site post gains nothing: the only route let through unconditionally.
    if request.uri().path() == crate::plain_language::api::PATH {
        return next.run(request).await;
    }
    let headers = request.headers();
    let site = if state.origin_from_host {
        // No public address configured: the host the browser asked for, over plain http.
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
        url::Url::parse(&format!("http://{host}/")).map_or_else(|_| state.base_url.origin(), |u| u.origin())
    } else {
        state.base_url.origin()
    };
    let verdict = from_this_site(
        request.method(),
        headers.get(header::ORIGIN).map(HeaderValue::as_bytes),
        headers.get(SEC_FETCH_SITE).map(HeaderValue::as_bytes),
        &site,
    );
    if !verdict {
        return StatusCode::FORBIDDEN.into_response();
    }
    next.run(request).await
}

const SEC_FETCH_SITE: HeaderName = HeaderName::from_static("sec-fetch-site");

/// Whether a request may go on. Reading (`GET`, `HEAD`, `OPTIONS`) always may. Anything else
/// needs a browser's word that it comes from this site, and no word against it:
/// - `Origin`, when sent, must be this site's whole origin: scheme, host and port, compared
///   with the configured public address (`https://` on an http site is another origin);
/// - `Sec-Fetch-Site`, when sent, must be `same-origin`: `same-site` is a neighbour,
///   `cross-site` a stranger, and `none` (typed into the address bar) never posts a form;
/// - a request with neither is not from a browser that can use our forms.
///
/// Our `Referrer-Policy: same-origin` lets browsers send their real `Origin` with our own form
/// posts (under `no-referrer` they send `null`), so the whole-origin comparison applies to them
/// too, and browsers without `Sec-Fetch-Site` (Safari before 16.4) can still post. `Origin:
/// null` (a privacy setting, a sandboxed frame) says nothing either way: `Sec-Fetch-Site` decides.
pub fn from_this_site(
    method: &Method,
    origin: Option<&[u8]>,
    fetch_site: Option<&[u8]>,
    site: &url::Origin,
) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let origin_agrees = origin.filter(|sent| *sent != b"null").map(|sent| {
        std::str::from_utf8(sent).ok().and_then(|text| url::Url::parse(text).ok()).is_some_and(|url| {
            // An origin is only scheme, host and port: anything more is not a browser's header.
            url.path() == "/" && url.query().is_none() && url.username().is_empty() && url.origin() == *site
        })
    });
    let fetch_site_agrees = fetch_site.map(|sent| sent == b"same-origin");
    match (origin_agrees, fetch_site_agrees) {
        (None, None) => false,
        (origin, fetch_site) => origin.unwrap_or(true) && fetch_site.unwrap_or(true),
    }
}

/// The request id is ours to give: one sent by a client never reaches the audit log.
pub fn drop_client_request_id<B>(mut request: axum::http::Request<B>) -> axum::http::Request<B> {
    request.headers_mut().remove("x-request-id");
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(address: &str) -> url::Origin {
        url::Url::parse(address).unwrap().origin()
    }

    fn post(origin: Option<&str>, fetch_site: Option<&str>, address: &str) -> bool {
        from_this_site(
            &Method::POST,
            origin.map(str::as_bytes),
            fetch_site.map(str::as_bytes),
            &site(address),
        )
    }

    #[test]
    fn reading_is_never_refused() {
        for method in [Method::GET, Method::HEAD, Method::OPTIONS] {
            let evil = Some(b"https://evil.example".as_slice());
            assert!(from_this_site(&method, evil, Some(b"cross-site"), &site("https://nara.example.se/")));
        }
    }

    #[test]
    fn only_the_whole_origin_of_the_public_address_may_post() {
        for address in ["http://nara.example.se/", "https://nara.example.se/", "http://127.0.0.1:8080/"] {
            let own = address.trim_end_matches('/');
            assert!(post(Some(own), None, address), "{own}");
            assert!(post(Some(own), Some("same-origin"), address), "{own}");
        }
        let https = "https://nara.example.se/";
        assert!(
            post(Some("https://nara.example.se:443"), None, https),
            "the default port is the same origin"
        );
        assert!(post(Some("https://NARA.example.se"), None, https), "host names ignore case");
        for other in [
            "http://nara.example.se",
            "https://nara.example.se:8443",
            "https://evil.example",
            "https://nara.example.se.evil.example",
            "https://sub.nara.example.se",
            "",
            "nara.example.se",
            "https://nara.example.se/path",
            "https://someone@nara.example.se",
        ] {
            assert!(!post(Some(other), None, https), "{other:?} on {https}");
            assert!(!post(Some(other), Some("same-origin"), https), "{other:?} with same-origin on {https}");
        }
        let http = "http://nara.example.se/";
        for other in ["https://nara.example.se", "http://nara.example.se:8080", "http://evil.example"] {
            assert!(!post(Some(other), Some("same-origin"), http), "{other:?} on {http}");
        }
    }

    #[test]
    fn sec_fetch_site_must_say_same_origin() {
        let address = "https://nara.example.se/";
        assert!(post(None, Some("same-origin"), address));
        for other in ["same-site", "cross-site", "none", "", "SAME-ORIGIN"] {
            assert!(!post(None, Some(other), address), "{other:?}");
            assert!(
                !post(Some("https://nara.example.se"), Some(other), address),
                "{other:?} beside a good origin"
            );
        }
    }

    #[test]
    fn origin_null_leaves_the_decision_to_sec_fetch_site() {
        let address = "https://nara.example.se/";
        assert!(post(Some("null"), Some("same-origin"), address), "a browser that hides its origin");
        assert!(!post(Some("null"), Some("cross-site"), address), "a sandboxed frame elsewhere");
        assert!(!post(Some("null"), None, address), "no word from the browser at all");
    }

    #[test]
    fn a_post_without_either_header_is_refused() {
        assert!(!post(None, None, "https://nara.example.se/"));
        let delete = from_this_site(&Method::DELETE, None, None, &site("https://nara.example.se/"));
        assert!(!delete, "every method that changes something");
    }
}
