//! What a page handler needs about its request: language, who is asking, the request id.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::identity::SignedIn;
use crate::web::auth::{CurrentActor, request_id, session_token};
use crate::web::errors::AppError;
use crate::web::shell::{LANGUAGE_CHOSEN, PageLocation, Shell};
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
        let location = PageLocation::from_path(parts.uri.path());
        // Reached through the language switch while signed in: the person chose this language.
        let chose_language = parts.uri.query().is_some_and(|q| q.split('&').any(|p| p == LANGUAGE_CHOSEN));
        if let Some(person) = current.actor.signed_in().filter(|_| chose_language) {
            crate::identity::store::set_language(&state.db, person.person.id, location.locale).await?;
        }
        Ok(Self {
            location,
            current,
            request_id: request_id(&parts.headers),
            session_token: session_token(&parts.headers, state.https),
        })
    }
}

/// The links to the pages before and after one page of a long list, as
/// `templates/pagination.html` shows them.
pub struct Pages {
    /// What is paged, for screen readers ("Sidor i arbetslistan").
    pub label: String,
    /// This page's number, from 1.
    pub number: i64,
    pub previous_href: Option<String>,
    pub next_href: Option<String>,
}
