//! What every handler shares: the database, the catalogues, the configuration and the services
//! started with the server. Features import this, never the router (`web::routes`).

use std::ops::Deref;
use std::sync::Arc;

use url::Url;

use crate::db::Db;
use crate::directory::search::SearchIndex;
use crate::i18n::Catalogues;
use crate::oidc::Providers;
use crate::secrets::Secrets;
use crate::web::metrics::Metrics;

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
    /// Whom residents call when their contact person does not answer.
    pub socialjouren: crate::config::Socialjouren,
    /// Whom to call in acute danger (configured; the national lines by default).
    pub crisis_lines: Vec<crate::config::CrisisLine>,
    /// The goals' smallest group shown (configured; 5 by default).
    pub goals_min_group: i64,
    /// Registrations for events waiting to be made together (see `events::registering`).
    pub registrations: Arc<crate::events::registering::Queue>,
    /// New bookings waiting to be made together (see `bookings::making`).
    pub bookings: Arc<crate::bookings::making::Queue>,
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
            socialjouren: crate::config::Socialjouren::default(),
            crisis_lines: crate::config::CrisisLine::defaults(),
            goals_min_group: crate::goals::DEFAULT_MIN_GROUP,
            registrations: Arc::new(crate::events::registering::queue()),
            bookings: Arc::new(crate::bookings::making::queue()),
        }))
    }

    /// The same state with the configured social emergency service (set once, at start-up).
    pub fn with_socialjouren(self, socialjouren: crate::config::Socialjouren) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { socialjouren, ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// The same state with this search index (set once, at start-up).
    pub fn with_search(self, search: SearchIndex) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { search: Arc::new(search), ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// The same state with this smallest group for the goals (set once, at start-up).
    pub fn with_goals_min_group(self, goals_min_group: i64) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { goals_min_group, ..shared })),
            Err(shared) => Self(shared),
        }
    }

    /// The same state with these crisis lines (set once, at start-up).
    pub fn with_crisis_lines(self, crisis_lines: Vec<crate::config::CrisisLine>) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(shared) => Self(Arc::new(Shared { crisis_lines, ..shared })),
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
