//! The directory of support: one list of the city's services, associations, the region's services
//! and others that help, searchable in Swedish, with "open now", referral between entries and
//! counts of use that identify no one.

pub mod form;
pub mod hours;
pub mod import;
pub mod my_associations;
pub mod open_now;
pub mod search;
pub mod stewards;
pub mod store;
pub mod usage;
pub mod vocabulary;
pub mod web;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::UtcTime;
use crate::i18n::Locale;
pub use hours::{OpenStatus, OpeningHours};
pub use store::{CountsWeek, EntryVersion, Measure, MissedQuery, iso_week};

/// Facts older than this are shown as possibly out of date and ranked lower.
pub const CONFIRM_EVERY_DAYS: i64 = 365;
/// Those who keep an entry up to date are reminded this long before its confirmation is due.
pub const REMIND_DAYS_BEFORE: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A unit of the social services or another administration of the city.
    City,
    /// A *förening*, with an organisationsnummer.
    Association,
    /// The region's services (health care, *vårdcentral*, psychiatry).
    Region,
    Other,
}

impl EntryKind {
    pub const ALL: [Self; 4] = [Self::City, Self::Association, Self::Region, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Association => "association",
            Self::Region => "region",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How a person gets help: just come, book a time, or be referred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WayIn {
    DropIn,
    Appointment,
    Referral,
}

impl WayIn {
    pub const ALL: [Self; 3] = [Self::DropIn, Self::Appointment, Self::Referral];

    pub fn code(self) -> &'static str {
        match self {
            Self::DropIn => "drop_in",
            Self::Appointment => "appointment",
            Self::Referral => "referral",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// Languages help can be had in: ISO 639-1 code and the language's name in itself, so a person
/// finds their language whatever the page's language is.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("sv", "svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("so", "Soomaali"),
    ("fa", "فارسی"),
    ("ti", "ትግርኛ"),
    ("pl", "polski"),
    ("bs", "bosanski"),
    ("tr", "Türkçe"),
    ("fi", "suomi"),
    ("uk", "українська"),
    ("es", "español"),
    ("ku", "kurdî"),
    ("ru", "русский"),
    ("sgn", "teckenspråk"),
];

pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

/// One organisation that helps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Uuid,
    pub slug: String,
    pub kind: EntryKind,
    pub name: String,
    pub description_sv: String,
    pub description_en: Option<String>,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    pub age_min: Option<i32>,
    pub age_max: Option<i32>,
    pub languages: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub hours: Option<OpeningHours>,
    pub premises_accessibility: Option<String>,
    pub way_in: WayIn,
    pub org_number: Option<String>,
    pub published: bool,
    pub confirmed_at: UtcTime,
    pub updated_at: UtcTime,
}

impl Entry {
    /// A new entry with nothing filled in yet (its form starts from this), confirmed now.
    pub fn blank(published: bool) -> Self {
        Self {
            id: Uuid::new_v4(),
            slug: String::new(),
            kind: EntryKind::Association,
            name: String::new(),
            description_sv: String::new(),
            description_en: None,
            areas: Vec::new(),
            target_groups: Vec::new(),
            age_min: None,
            age_max: None,
            languages: vec!["sv".into()],
            phone: None,
            email: None,
            website: None,
            street_address: None,
            postal_code: None,
            city: None,
            hours: None,
            premises_accessibility: None,
            way_in: WayIn::DropIn,
            org_number: None,
            published,
            confirmed_at: UtcTime::now(),
            updated_at: UtcTime::now(),
        }
    }

    /// The description in the visitor's language; Swedish when there is no translation.
    pub fn description(&self, locale: Locale) -> &str {
        match (&self.description_en, locale == Locale::EN) {
            (Some(english), true) => english,
            _ => &self.description_sv,
        }
    }

    /// Whether the description shown in `locale` is in another language (for a `lang` attribute).
    pub fn description_lang(&self, locale: Locale) -> &'static str {
        if locale == Locale::EN && self.description_en.is_some() { "en" } else { "sv" }
    }

    /// The phone number as a `tel:` link.
    pub fn tel_href(&self) -> String {
        tel_href(self.phone.as_deref().unwrap_or_default())
    }

    /// Its facts have not been confirmed within the last year.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        is_stale(self.confirmed_at, now)
    }

    pub fn status_at(&self, now: DateTime<Utc>) -> Option<OpenStatus> {
        self.hours.as_ref().map(|h| h.status_at(now))
    }

    /// The visiting address on one line.
    pub fn address(&self) -> Option<String> {
        let street = self.street_address.as_deref()?;
        let town =
            [self.postal_code.as_deref(), self.city.as_deref()].into_iter().flatten().collect::<Vec<_>>();
        Some(if town.is_empty() { street.to_string() } else { format!("{street}, {}", town.join(" ")) })
    }
}

/// A `tel:` link in international form: `042-10 50 00` becomes `tel:+4642105000`.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('0') {
        Some(national) => format!("tel:+46{national}"),
        None => format!("tel:{digits}"),
    }
}

pub fn is_stale(confirmed_at: UtcTime, now: DateTime<Utc>) -> bool {
    now - confirmed_at.0 > chrono::Duration::days(CONFIRM_EVERY_DAYS)
}

/// Where an entry stands with its yearly confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Not due for more than a month.
    InGoodTime,
    /// Due within a month: the reminders have started.
    DueSoon,
    /// Past due: the entry is shown as possibly out of date until it is confirmed.
    Overdue,
}

/// The last day the facts confirmed at `confirmed_at` count as current.
pub fn confirmation_due(confirmed_at: UtcTime) -> DateTime<Utc> {
    confirmed_at.0 + chrono::Duration::days(CONFIRM_EVERY_DAYS)
}

pub fn confirmation(confirmed_at: UtcTime, now: DateTime<Utc>) -> Confirmation {
    if is_stale(confirmed_at, now) {
        Confirmation::Overdue
    } else if confirmation_due(confirmed_at) - now <= chrono::Duration::days(REMIND_DAYS_BEFORE) {
        Confirmation::DueSoon
    } else {
        Confirmation::InGoodTime
    }
}

/// Whether two versions of an entry differ in the facts staff review before an association's
/// change is published: who it is, what it says it does, and the areas it is found under.
pub fn key_facts_differ(a: &Entry, b: &Entry) -> bool {
    a.name != b.name
        || a.kind != b.kind
        || a.org_number != b.org_number
        || a.description_sv != b.description_sv
        || a.description_en != b.description_en
        || sorted(&a.areas) != sorted(&b.areas)
}

/// A list's items in order, to compare lists whose order does not matter (a form posts checkboxes
/// in page order).
fn sorted(items: &[String]) -> Vec<&String> {
    let mut items: Vec<&String> = items.iter().collect();
    items.sort();
    items
}

/// An address part made from a name: lower case, å/ä → a, ö → o, other runs of signs → `-`.
pub fn slug_of(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(80).collect()
}

/// Queries are counted in this form only: trimmed, lower case, inner whitespace collapsed, cut to a
/// length that fits a phrase but not a story about oneself. Words that could identify someone are
/// replaced by "…": anything with an `@` (an e-mail address) and any run of four or more digits
/// (a personnummer, a phone number, a case number).
pub fn normalise_query(query: &str) -> String {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|word| {
            let longest_digits = word.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
            if word.contains('@') || longest_digits >= 4 { "…".to_string() } else { word.to_lowercase() }
        })
        .collect();
    words.join(" ").chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmation_is_due_a_year_after_the_last_and_reminded_a_month_before() {
        let now = Utc::now();
        let confirmed = |days_ago: i64| UtcTime(now - chrono::Duration::days(days_ago));
        assert_eq!(confirmation(confirmed(0), now), Confirmation::InGoodTime);
        assert_eq!(confirmation(confirmed(334), now), Confirmation::InGoodTime);
        assert_eq!(confirmation(confirmed(335), now), Confirmation::DueSoon);
        assert_eq!(confirmation(confirmed(365), now), Confirmation::DueSoon, "the last day");
        assert_eq!(confirmation(confirmed(366), now), Confirmation::Overdue);
        assert_eq!(confirmation_due(confirmed(100)), now + chrono::Duration::days(265));
    }

    #[test]
    fn codes_round_trip() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
        }
        for way in WayIn::ALL {
            assert_eq!(WayIn::from_code(way.code()), Some(way));
        }
        assert_eq!(EntryKind::from_code("soc"), None);
    }

    #[test]
    fn stale_after_a_year() {
        let now = Utc::now();
        assert!(!is_stale(UtcTime(now - chrono::Duration::days(364)), now));
        assert!(is_stale(UtcTime(now - chrono::Duration::days(366)), now));
    }

    #[test]
    fn the_order_of_areas_is_not_a_change() {
        let mut a: Entry = serde_json::from_value(serde_json::json!({
            "id": Uuid::nil(), "slug": "a", "kind": "association", "name": "A", "description_sv": "B",
            "description_en": null, "areas": ["x", "y"], "target_groups": [], "age_min": null, "age_max": null,
            "languages": [], "phone": null, "email": null, "website": null, "street_address": null,
            "postal_code": null, "city": null, "hours": null, "premises_accessibility": null,
            "way_in": "drop_in", "org_number": null, "published": true,
            "confirmed_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        let mut b = a.clone();
        b.areas = vec!["y".into(), "x".into()];
        assert!(!key_facts_differ(&a, &b));
        b.phone = Some("042-10 50 00".into());
        assert!(!key_facts_differ(&a, &b), "a phone number is not a key fact");
        a.name = "C".into();
        assert!(key_facts_differ(&a, &b));
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug_of("Länkföreningen Ankaret"), "lankforeningen-ankaret");
        assert_eq!(slug_of("  Kvinnojouren – Frida! "), "kvinnojouren-frida");
        assert_eq!(slug_of("العربية"), "");
    }

    #[test]
    fn queries_are_normalised_and_cut() {
        assert_eq!(normalise_query("  Stöd   för ANHÖRIGA "), "stöd för anhöriga");
        assert_eq!(normalise_query(&"a".repeat(500)).len(), 60);
        assert_eq!(normalise_query("hjälp 19900101-2385 sara@example.se"), "hjälp … …");
        assert_eq!(normalise_query("ring 0701234567"), "ring …");
        assert_eq!(normalise_query("12-stegsprogram"), "12-stegsprogram", "short numbers are kept");
    }

    #[test]
    fn languages_have_their_own_names() {
        assert_eq!(language_name("ar"), Some("العربية"));
        assert_eq!(language_name("xx"), None);
    }
}
