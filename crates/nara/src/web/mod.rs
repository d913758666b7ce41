//! The HTTP edge: routes, the page shell, and the layers every response passes through.

pub mod assets;
pub mod auth;
pub mod errors;
pub mod form;
pub mod health;
pub mod metrics;
pub mod page;
pub mod pages;
pub mod routes;
pub mod security;
pub mod shell;
pub mod site_path;

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use url::Url;

use crate::db::Db;
use crate::directory::search::SearchIndex;
use crate::i18n::{Catalogues, Locale};
use crate::oidc::Providers;
use crate::secrets::Secrets;
use metrics::Metrics;

/// What handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub db: Db,
    pub catalogues: Catalogues,
    /// The address people reach us at; links in e-mail are made from it.
    pub base_url: Url,
    /// People reach us over https: send HSTS, mark cookies `Secure`.
    pub https: bool,
    /// No public address was configured (`nara demo`, a first try): the site is whatever host the
    /// browser asked for, over http, so `localhost` and `127.0.0.1` both work.
    pub origin_from_host: bool,
    pub secrets: Secrets,
    pub oidc: Providers,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub metrics: Arc<Metrics>,
    /// The directory's search index, kept in step with the database.
    pub search: Arc<SearchIndex>,
    /// Counts of the directory's use, written to the database now and then.
    pub usage: Arc<crate::directory::usage::Usage>,
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, catalogues: Catalogues, base_url: Url, secrets: Secrets, oidc: Providers) -> Self {
        let https = base_url.scheme() == "https";
        let metrics = Arc::new(Metrics::default());
        Self(Arc::new(Shared {
            db,
            catalogues,
            base_url,
            https,
            origin_from_host: false,
            secrets,
            oidc,
            trusted_proxies: Vec::new(),
            metrics,
            // In memory until the server gives it a place on disk (`with_search`).
            search: Arc::new(SearchIndex::in_memory().expect("an index in memory can always be made")),
            usage: Arc::default(),
        }))
    }

    /// The same state with this search index (set once, at start-up).
    pub fn with_search(self, search: SearchIndex) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { search: Arc::new(search), ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// The same state, believing `X-Forwarded-For` from these proxies (set once, at start-up).
    pub fn with_trusted_proxies(self, proxies: Vec<std::net::IpAddr>) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { trusted_proxies: proxies, ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// The same state, taking this site's origin from each request's `Host` (set once, at start-up,
    /// when no public address is configured).
    pub fn with_origin_from_host(self) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { origin_from_host: true, ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// An absolute address for a path on this site (for links in e-mail).
    pub fn absolute(&self, path: &str) -> String {
        self.base_url.join(path).map_or_else(|_| path.to_string(), |u| u.to_string())
    }
}

/// Limits that protect the server from slow or oversized requests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { request_timeout: Duration::from_secs(30), max_body_bytes: 8 * 1024 * 1024 }
    }
}

/// The whole application.
pub fn router(state: AppState, limits: Limits) -> Router {
    let mut routes = routes::router(&state).fallback(pages::not_found);
    for locale in Locale::all().filter(|l| !l.is_default()) {
        let home = locale.href("/");
        routes = routes.route(&locale.prefix(), get(move || async move { Redirect::permanent(&home) }));
    }
    with_layers(routes, state, limits)
}

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps routes in the layers every response passes through, outermost first. Public so that
/// tests can put extra routes (one that panics, one that is slow) behind the real stack.
pub fn with_layers(routes: Router<AppState>, state: AppState, limits: Limits) -> Router {
    let metrics = state.metrics.clone();
    let panics = state.metrics.clone();
    let layers = ServiceBuilder::new()
        .map_request(security::drop_client_request_id::<axum::body::Body>)
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(TraceLayer::new_for_http().make_span_with(request_span).on_response(log_response))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(axum::middleware::from_fn_with_state(metrics, metrics::track))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::add_security_headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), errors::render_error_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::refuse_cross_site))
        .layer(CatchPanicLayer::custom(move |_panic| {
            // The panic message may hold data from the request: count it, do not log it.
            panics.record_panic();
            tracing::error!("a handler panicked");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes));
    routes.layer(layers).with_state(state)
}

/// The one line a request writes at `info`: its status and how long it took, inside the request's
/// span (id, method, route pattern). Kept short: under load the log is written per request.
fn log_response<B>(response: &axum::http::Response<B>, latency: std::time::Duration, _: &tracing::Span) {
    let ms = latency.as_secs_f64() * 1000.0;
    tracing::info!(status = response.status().as_u16(), ms = %format_args!("{ms:.2}"));
}

/// The span every log line of a request carries: its id, method and route pattern. The concrete
/// path and query are left out on purpose: they could carry a person's data.
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = request.extensions().get::<axum::extract::MatchedPath>().map_or("unmatched", |p| p.as_str());
    tracing::info_span!("request", id, method = %request.method(), route)
}
