//! What a page handler needs about its request: language, who is asking, the request id.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::identity::SignedIn;
use crate::web::auth::{CurrentActor, request_id, session_token};
use crate::web::errors::AppError;
use crate::web::shell::{PageLocation, Shell};
use crate::web::state::AppState;

pub struct PageContext {
    pub location: PageLocation,
    pub current: CurrentActor,
    pub request_id: Option<String>,
    /// The browser's session token, when it sent one (to end it at log-out or a new log-in).
    pub session_token: Option<String>,
}

impl PageContext {
    pub fn shell<'a>(&self, state: &'a AppState) -> Shell<'a> {
        Shell::for_actor(&state.catalogues, &self.location, &self.current)
    }

    /// The signed-in person (routes that require one are guarded, so this only fails on a bug).
    pub fn person(&self) -> Result<&SignedIn, AppError> {
        self.current.person()
    }

    /// A path on this site in the page's language.
    pub fn href(&self, path: &str) -> String {
        self.location.locale.href(path)
    }
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let current = CurrentActor::from_request_parts(parts, state).await?;
        Ok(Self {
            location: PageLocation::from_path(parts.uri.path()),
            current,
            request_id: request_id(&parts.headers),
            session_token: session_token(&parts.headers, state.https),
        })
    }
}
