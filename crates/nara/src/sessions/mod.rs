//! Server-side sessions. The browser holds a random token in an HttpOnly cookie; the database
//! holds only its SHA-256, so two server processes on one PostgreSQL share sessions and a copy
//! of the table logs no one in. A new token is issued at every log-in (no session fixation).

pub mod store;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub use store::SessionState;

/// A session ends after this long without a request (residents on shared computers).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(20 * 60);
/// …and after this long whatever happens.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::from_secs(8 * 60 * 60);
/// Writing `last_seen_at` at most this often keeps reads from becoming writes.
const TOUCH_INTERVAL: Duration = Duration::from_secs(60);

const COOKIE: &str = "nara_session";
/// Over https the `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain.
const SECURE_COOKIE: &str = "__Host-nara_session";

pub fn cookie_name(https: bool) -> &'static str {
    if https { SECURE_COOKIE } else { COOKIE }
}

/// A fresh, unguessable token: 256 random bits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored in place of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Set-Cookie` value that gives the browser its session token.
pub fn session_cookie(token: &str, https: bool) -> String {
    cookie::Cookie::build((cookie_name(https), token.to_string()))
        .http_only(true)
        .secure(https)
        .same_site(cookie::SameSite::Lax)
        .path("/")
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn removal_cookie(https: bool) -> String {
    cookie::Cookie::build((cookie_name(https), ""))
        .http_only(true)
        .secure(https)
        .same_site(cookie::SameSite::Lax)
        .path("/")
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// The session token in a request's `Cookie` header, if any.
pub fn token_from_cookies(header: &str, https: bool) -> Option<String> {
    let name = cookie_name(https);
    cookie::Cookie::split_parse(header)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_hashes() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_over_https() {
        let plain = session_cookie("abc", false);
        assert!(plain.starts_with("nara_session=abc"));
        assert!(plain.contains("HttpOnly") && plain.contains("SameSite=Lax") && plain.contains("Path=/"));
        assert!(!plain.contains("Secure"));
        let secure = session_cookie("abc", true);
        assert!(secure.starts_with("__Host-nara_session=abc") && secure.contains("Secure"));
        assert!(removal_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        assert_eq!(token_from_cookies("a=1; nara_session=tok; b=2", false).as_deref(), Some("tok"));
        assert_eq!(token_from_cookies("nara_session=tok", true), None);
        assert_eq!(token_from_cookies("garbage", false), None);
    }
}
