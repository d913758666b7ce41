//! The HTTP edge: routes, the page shell, and the layers every response passes through.

pub mod assets;
pub mod errors;
pub mod health;
pub mod metrics;
pub mod pages;
pub mod security;
pub mod shell;

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::db::Db;
use crate::i18n::{Catalogues, Locale};
use metrics::Metrics;

/// What handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub db: Db,
    pub catalogues: Catalogues,
    /// People reach us over https: send HSTS, mark cookies `Secure`.
    pub https: bool,
    pub metrics: Arc<Metrics>,
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, catalogues: Catalogues, https: bool) -> Self {
        Self(Arc::new(Shared { db, catalogues, https, metrics: Arc::new(Metrics::default()) }))
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
        Self { request_timeout: Duration::from_secs(30), max_body_bytes: 2 * 1024 * 1024 }
    }
}

/// Pages offered in every language: `(path within the language, handler)`.
fn page_routes() -> Router<AppState> {
    let mut router = Router::new();
    for locale in Locale::all() {
        router = router
            .route(&locale.href("/"), get(pages::home))
            .route(&locale.href("/tillganglighet"), get(pages::accessibility));
        if !locale.is_default() {
            let home = locale.href("/");
            router = router.route(&locale.prefix(), get(move || async move { Redirect::permanent(&home) }));
        }
    }
    router
}

/// The whole application.
pub fn router(state: AppState, limits: Limits) -> Router {
    let routes = page_routes()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/static/{version}/{name}", get(assets::serve))
        .fallback(pages::not_found);
    with_layers(routes, state, limits)
}

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps routes in the layers every response passes through, outermost first. Public so that
/// tests can put extra routes (one that panics, one that is slow) behind the real stack.
pub fn with_layers(routes: Router<AppState>, state: AppState, limits: Limits) -> Router {
    let metrics = state.metrics.clone();
    let panics = state.metrics.clone();
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(axum::middleware::from_fn_with_state(metrics, metrics::track))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::add_security_headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), errors::render_error_pages))
        .layer(CatchPanicLayer::custom(move |_panic| {
            // The panic message may hold data from the request: count it, do not log it.
            panics.record_panic();
            tracing::error!("a handler panicked");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(CsrfLayer::new());
    routes.layer(layers).with_state(state)
}

/// The span every log line of a request carries: its id, method and route pattern. The concrete
/// path and query are left out on purpose: they could carry a person's data.
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = request.extensions().get::<axum::extract::MatchedPath>().map_or("unmatched", |p| p.as_str());
    tracing::info_span!("request", id, method = %request.method(), route)
}
