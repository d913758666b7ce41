//! What every page needs: its language, the catalogues, and the links of the page shell.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::i18n::{Catalogues, Locale, format_stockholm_time};
use crate::web::assets;
use crate::web::auth::CurrentActor;
use crate::web::site_path::same_site_path;

/// The language a request is in and the path within that language, from the URL alone
/// (`/en/…` is English, everything else Swedish). Never fails.
#[derive(Debug, Clone)]
pub struct PageLocation {
    pub locale: Locale,
    /// The path without the language prefix, e.g. `/tillganglighet`.
    pub path: String,
}

impl PageLocation {
    /// The language and path of a request path. A path that could lead to another site once
    /// put in a link (`/en//evil.example` would make the Swedish link `//evil.example`) is
    /// replaced by the language's home page.
    pub fn from_path(path: &str) -> Self {
        let (locale, rest) = Locale::split_path(path);
        Self { locale, path: same_site_path(rest).unwrap_or("/").to_string() }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageLocation {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_path(parts.uri.path()))
    }
}

/// A link to the current page in another language.
pub struct OtherLanguage {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    /// The link of the visible switch: for someone signed in it says that they chose the
    /// language, which is then kept for their e-mails and notices (`web::page`).
    pub switch_href: String,
}

/// A link of the page header.
pub struct NavLink {
    pub href: String,
    pub key: &'static str,
}

/// The query that marks a page reached through the language switch.
pub const LANGUAGE_CHOSEN: &str = "sprak=valt";

/// The signed-in person as the page header shows them.
pub struct Viewer {
    pub name: String,
    /// The places of the person's roles, where they start after log-in first.
    pub places: Vec<NavLink>,
    /// When the session ends if nothing happens, as a Stockholm clock time (`14:35`).
    pub session_ends: String,
    /// Seconds until then, for the warning script.
    pub seconds_left: i64,
}

/// The context the layout template reads.
pub struct Shell<'a> {
    locale: Locale,
    catalogues: &'a Catalogues,
    path: String,
    pub viewer: Option<Viewer>,
}

impl<'a> Shell<'a> {
    /// The shell of a page that does not know who is asking (error pages).
    pub fn new(catalogues: &'a Catalogues, location: &PageLocation) -> Self {
        Self { locale: location.locale, catalogues, path: location.path.clone(), viewer: None }
    }

    pub fn for_actor(catalogues: &'a Catalogues, location: &PageLocation, current: &CurrentActor) -> Self {
        let viewer = current.actor.signed_in().map(|person| Viewer {
            name: person.person.display_name.clone(),
            places: person
                .workplaces()
                .into_iter()
                .flat_map(|place| place.links())
                .map(|(path, key)| NavLink { href: location.locale.href(path), key })
                .collect(),
            session_ends: current.session.map(|s| format_stockholm_time(s.ends_at())).unwrap_or_default(),
            seconds_left: current
                .session
                .map_or(0, |s| (s.ends_at().0 - chrono::Utc::now()).num_seconds().max(0)),
        });
        Self { viewer, ..Self::new(catalogues, location) }
    }

    /// The text of a catalogue key in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.catalogues.text(self.locale, key)
    }

    /// A catalogue text with one variable, e.g. `shell.t1("session-ends", "time", "14:35")`.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.catalogues.text_with(self.locale, key, &[(name, value.to_string().into())])
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    /// An internal link in the page's language.
    pub fn href(&self, path: &str) -> String {
        self.locale.href(path)
    }

    /// A catalogue text with one number, so plural forms follow the language's rules.
    pub fn tn(&self, key: &str, name: &str, value: &i64) -> String {
        self.catalogues.text_with(self.locale, key, &[(name, (*value).into())])
    }

    /// This page's own address.
    pub fn current_href(&self) -> String {
        self.locale.href(&self.path)
    }

    pub fn stylesheet_href(&self) -> &'static str {
        assets::stylesheet_href()
    }

    pub fn session_script_href(&self) -> &'static str {
        assets::session_script_href()
    }

    /// The same page in each of the other languages, for the language switch.
    pub fn other_languages(&self) -> Vec<OtherLanguage> {
        Locale::all()
            .filter(|l| *l != self.locale)
            .map(|l| {
                let href = l.href(&self.path);
                let switch_href =
                    if self.viewer.is_some() { format!("{href}?{LANGUAGE_CHOSEN}") } else { href.clone() };
                OtherLanguage { code: l.code(), name: l.native_name(), href, switch_href }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_path_that_could_leave_the_site_becomes_the_home_page() {
        let location = PageLocation::from_path("/en//evil.example");
        assert_eq!((location.locale, location.path.as_str()), (Locale::EN, "/"));
        assert_eq!(PageLocation::from_path("//evil.example").path, "/");
        assert_eq!(PageLocation::from_path("/en/mina-sidor").path, "/mina-sidor");
        assert_eq!(PageLocation::from_path("/en").path, "/");
    }
}
