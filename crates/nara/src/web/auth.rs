//! The guard every route passes: it finds who is asking (from the session cookie), applies the
//! route's `Access` through the policy module, and hands the handler a `CurrentActor`.

use std::net::IpAddr;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::identity::{Actor, SignedIn};
use crate::policy::{self, Access};
use crate::sessions::{self, SessionState};
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::shell::PageLocation;
use crate::web::site_path::same_site_path;
use crate::web::state::AppState;

/// Who is asking, and their session when signed in. Put in place by the guard.
#[derive(Debug, Clone)]
pub struct CurrentActor {
    pub actor: Actor,
    pub session: Option<SessionState>,
}

impl CurrentActor {
    /// The signed-in person; an error when there is none (the guard should have stopped it).
    pub fn person(&self) -> Result<&SignedIn, AppError> {
        self.actor.signed_in().ok_or(AppError::Forbidden)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentActor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentActor>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a route is missing from the route table")))
    }
}

/// The request id set by the request-id layer, for the audit log.
#[derive(Debug, Clone)]
pub struct RequestId(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestId(request_id(&parts.headers)))
    }
}

pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// The network a request came from, for rate limits: the peer, or behind a trusted proxy the
/// nearest untrusted address in `X-Forwarded-For`. IPv6 addresses count per /64, which is what
/// one household or attacker gets. `unknown` in in-process tests.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip());
        let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).unwrap_or("");
        Ok(ClientAddress(client_network(peer, forwarded, &state.trusted_proxies)))
    }
}

/// See `ClientAddress`.
pub fn client_network(peer: Option<IpAddr>, forwarded_for: &str, trusted: &[IpAddr]) -> String {
    let Some(mut client) = peer else { return "unknown".to_string() };
    if trusted.contains(&client) {
        // Walk from the right: the last hop our proxy saw is the first address it did not add.
        for hop in forwarded_for.rsplit(',').map(str::trim) {
            match hop.parse::<IpAddr>() {
                Ok(address) if trusted.contains(&address) => continue,
                Ok(address) => {
                    client = address;
                    break;
                }
                Err(_) => break,
            }
        }
    }
    match client {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The session token in the request's cookies.
pub fn session_token(headers: &HeaderMap, https: bool) -> Option<String> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    sessions::token_from_cookies(cookies, https)
}

/// Finds who is asking. An unknown, expired or idle session is treated as no session.
pub async fn identify(state: &AppState, headers: &HeaderMap) -> anyhow::Result<CurrentActor> {
    let anonymous = CurrentActor { actor: Actor::Anonymous, session: None };
    let Some(token) = session_token(headers, state.https) else { return Ok(anonymous) };
    // One read (and a write when the session's activity is noted).
    let Some((session, person, grants)) = crate::identity::store::signed_in(&state.db, &token).await? else {
        return Ok(anonymous);
    };
    Ok(CurrentActor { actor: Actor::Person(Box::new(SignedIn { person, grants })), session: Some(session) })
}

/// Middleware for one route: lets the request through only when the policy allows it.
pub async fn guard(
    State((state, access)): State<(AppState, Access)>,
    mut request: Request,
    next: Next,
) -> Response {
    let current = match identify(&state, request.headers()).await {
        Ok(current) => current,
        Err(error) => return AppError::Internal(error).into_response(),
    };
    if !policy::allows(&current.actor, access) {
        let path = request.uri().path().to_string();
        let is_get = request.method() == Method::GET;
        return refuse(&state, &current.actor, &path, is_get, request_id(request.headers())).await;
    }
    let signed_in = current.session.is_some();
    let held = super::conditional::Held::of(request.method(), request.headers());
    request.extensions_mut().insert(current);
    let mut response = next.run(request).await;
    // Pages for a signed-in person may hold personal data (even public ones show their name):
    // never keep them in a cache, not even the back button's on a shared computer.
    if access != Access::Public || signed_in {
        response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
        return response;
    }
    super::conditional::tag(held, response).await
}

/// Anonymous visitors are sent to log in (and back afterwards); signed-in people get 403,
/// and the refusal is audited.
async fn refuse(
    state: &AppState,
    actor: &Actor,
    path: &str,
    is_get: bool,
    request_id: Option<String>,
) -> Response {
    let location = PageLocation::from_path(path);
    if actor.signed_in().is_none() {
        let mut login = location.locale.href("/logga-in");
        if let Some(back) = same_site_path(path).filter(|_| is_get) {
            login = format!("{login}?tillbaka={}", urlencode(back));
        }
        return Redirect::to(&login).into_response();
    }
    match guard::refuse(state, actor, request_id, Target::new("route", path), Refusal::Forbidden).await {
        AppError::Forbidden => StatusCode::FORBIDDEN.into_response(),
        error => error.into_response(),
    }
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_forwarded_it() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let client: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(
            client_network(Some(client), "203.0.113.9", &[proxy]),
            "192.0.2.7",
            "untrusted peers cannot claim"
        );
        assert_eq!(client_network(Some(proxy), "203.0.113.9, 192.0.2.7", &[proxy]), "192.0.2.7");
        assert_eq!(
            client_network(Some(proxy), "192.0.2.7, 10.0.0.2", &[proxy]),
            "192.0.2.7",
            "proxies are skipped"
        );
        let v6: IpAddr = "2001:db8:1:2:3:4:5:6".parse().unwrap();
        assert_eq!(client_network(Some(v6), "", &[]), "2001:db8:1:2::/64");
        assert_eq!(client_network(None, "", &[]), "unknown");
    }
}
