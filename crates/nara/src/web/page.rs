//! What a page handler needs about its request: language, who is asking, the request id.

use std::ops::Range;

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

impl Pages {
    /// The page asked for (`sida` as given: one that is no number is the first, one past the last
    /// the last) of `total` items shown `per_page` to a page, `href(n)` being page n's address;
    /// and which of the items it shows.
    pub fn of(
        label: String,
        asked: Option<&str>,
        total: usize,
        per_page: usize,
        href: impl Fn(usize) -> String,
    ) -> (Self, Range<usize>) {
        let per_page = per_page.max(1);
        let last = total.div_ceil(per_page).max(1);
        let number = Self::asked(asked).min(last);
        let first = (number - 1) * per_page;
        (Self::open_ended(label, number, number < last, href), first..total.min(first + per_page))
    }

    /// Page `number` of a list whose handler knows whether more follows (lists that read only the
    /// page shown and one item more: the work list, the calendar's list; the search, from its count).
    pub fn open_ended(label: String, number: usize, more: bool, href: impl Fn(usize) -> String) -> Self {
        Self {
            label,
            number: i64::try_from(number).unwrap_or(i64::MAX),
            previous_href: (number > 1).then(|| href(number - 1)),
            next_href: more.then(|| href(number + 1)),
        }
    }

    /// The page number a `sida` asks for: one that is no number (or below 1) is the first.
    pub fn asked(sida: Option<&str>) -> usize {
        sida.and_then(|s| s.parse::<usize>().ok()).unwrap_or(1).max(1)
    }

    /// Whether there is more than this page.
    pub fn is_paged(&self) -> bool {
        self.previous_href.is_some() || self.next_href.is_some()
    }

    /// The number a page's `<title>` begins with (`templates/page_number.html`), so that a tab, a
    /// bookmark or the history tells the pages apart: none on the first page, which has the list's
    /// own title.
    pub fn number_in_title(&self) -> Option<i64> {
        (self.number > 1).then_some(self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::Pages;

    fn page(asked: Option<&str>, total: usize) -> (Pages, std::ops::Range<usize>) {
        Pages::of("Sidor".into(), asked, total, 25, |n| format!("?sida={n}"))
    }

    #[test]
    fn a_page_is_the_one_asked_for_within_those_there_are() {
        let (first, shown) = page(None, 30);
        assert_eq!((first.number, shown), (1, 0..25));
        assert_eq!((first.previous_href, first.next_href.as_deref()), (None, Some("?sida=2")));
        let (second, shown) = page(Some("2"), 30);
        assert_eq!((second.number, shown), (2, 25..30));
        assert_eq!((second.previous_href.as_deref(), second.next_href), (Some("?sida=1"), None));
        // Past the last: the last; no number, or none below 1: the first.
        assert_eq!(page(Some("9"), 30).1, 25..30);
        assert_eq!(page(Some("x"), 30).1, 0..25);
        assert_eq!(page(Some("0"), 30).1, 0..25);
        assert_eq!(page(Some("-3"), 30).1, 0..25);
    }

    #[test]
    fn a_list_that_fits_one_page_has_no_page_links() {
        for total in [0, 1, 25] {
            let (only, shown) = page(Some("2"), total);
            assert_eq!((only.number, shown), (1, 0..total));
            assert!(!only.is_paged());
        }
        assert!(page(None, 26).0.is_paged());
    }

    #[test]
    fn an_open_ended_list_links_on_while_more_follows() {
        let href = |n| format!("?sida={n}");
        let first = Pages::open_ended("Sidor".into(), 1, true, href);
        assert_eq!(first.number_in_title(), None, "the first page has the list's own title");
        assert_eq!((first.previous_href, first.next_href.as_deref()), (None, Some("?sida=2")));
        let third = Pages::open_ended("Sidor".into(), 3, false, href);
        assert_eq!(third.number_in_title(), Some(3));
        assert_eq!((third.previous_href.as_deref(), third.next_href), (Some("?sida=2"), None));
    }
}
