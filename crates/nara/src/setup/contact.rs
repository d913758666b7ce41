//! Whom the search page suggests when a search finds nothing.

use serde::{Deserialize, Serialize};

use super::item::check;
use super::{Field, Input, is_slug};
use crate::i18n::Locale;
use crate::web::form::FormErrors;

/// Whom the search page suggests when it finds nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchContact {
    /// A directory entry, by its address; shown once it is published.
    Entry(String),
    /// A contact given in full.
    Details(ContactDetails),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours_sv: Option<String>,
    pub hours_en: Option<String>,
}

impl ContactDetails {
    pub fn hours(&self, locale: Locale) -> Option<&str> {
        let english = self.hours_en.as_deref().filter(|_| locale == Locale::EN);
        english.or(self.hours_sv.as_deref())
    }
}

/// The fields of the search page's contact: either `entry`, or `name` with a phone number or an
/// e-mail address (and opening hours in words, if wanted).
pub const CONTACT_FIELDS: [&str; 6] = ["entry", "name", "phone", "email", "hours_sv", "hours_en"];

impl SearchContact {
    /// Reads and checks a contact from its fields' values as typed.
    pub fn parse(get: &dyn Fn(&str) -> Option<String>) -> Result<SearchContact, FormErrors> {
        let typed = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let mut errors = FormErrors::default();
        let field = |name: &'static str, input: Input| Field { name, input };
        let mut read = |name: &'static str, input: Input| match check(
            field(name, input),
            &typed(name).unwrap_or_default(),
        ) {
            Ok(value) => value,
            Err(key) => {
                errors.add(name, key);
                None
            }
        };
        let contact = match (typed("entry"), typed("name")) {
            (Some(entry), None) if is_slug(&entry) => SearchContact::Entry(entry),
            (Some(_), None) => {
                errors.add("entry", "setup-error-slug");
                SearchContact::Entry(String::new())
            }
            (None, Some(_)) => {
                let details = ContactDetails {
                    name: read("name", Input::Name).unwrap_or_default(),
                    phone: read("phone", Input::Phone),
                    email: read("email", Input::Email),
                    hours_sv: read("hours_sv", Input::Summary),
                    hours_en: read("hours_en", Input::Summary),
                };
                if details.phone.is_none() && details.email.is_none() && !errors.has("phone") {
                    errors.add("phone", "setup-error-contact-reach");
                }
                SearchContact::Details(details)
            }
            _ => {
                errors.add("entry", "setup-error-contact-one");
                SearchContact::Entry(String::new())
            }
        };
        if errors.is_empty() { Ok(contact) } else { Err(errors) }
    }
}
