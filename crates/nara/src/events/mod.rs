//! Meetings and events: series with a recurrence rule (or single events), occurrences that can
//! be moved, cancelled or given their own theme, registration with a waitlist that never
//! confirms more people than there are places, and calendar feeds.

pub mod atom;
pub mod calendar;
pub mod documents;
pub mod ics;
pub mod links;
pub mod meetings;
pub mod month;
pub mod notes;
pub mod organiser;
pub mod private_feed;
pub mod recurrence;
pub mod registering;
pub mod store;
pub mod suggestions;
pub mod web;

pub use store::{
    DocumentInfo, NewSeries, Registered, Registrant, RegistrationView, SeriesFilter, Suggestion,
};

use uuid::Uuid;

use crate::db::UtcTime;

/// The largest document an organiser may attach to a meeting: well under the server's request
/// limit, so the person gets our own message rather than a bare "too large".
pub const MAX_PDF_BYTES: usize = 1_500_000;
use crate::i18n::Locale;

/// A series as stored: what every occurrence shares.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Series {
    pub id: Uuid,
    pub slug: String,
    pub title_sv: String,
    pub title_en: String,
    pub summary_sv: String,
    pub summary_en: String,
    pub has_themes: bool,
    pub organiser_name: String,
    /// The unit whose staff run the series (see its registrations, set themes, cancel).
    pub organiser_unit_id: Option<Uuid>,
    pub audience_sv: String,
    pub audience_en: String,
    pub venue_name: Option<String>,
    pub venue_address: Option<String>,
    pub venue_accessibility_sv: Option<String>,
    pub venue_accessibility_en: Option<String>,
    pub online_url: Option<String>,
    pub price_sv: Option<String>,
    pub price_en: Option<String>,
    pub contact_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub rule: String,
    pub capacity: Option<i32>,
    pub public: bool,
    /// The area of help (its slug) the calendar can be filtered by; the area's page and search
    /// show the series' meetings.
    pub help_area: Option<String>,
    /// The organiser's directory entry, whose page lists the series' meetings under "Träffar".
    pub entry_id: Option<Uuid>,
}

/// Picks the Swedish or English text; other languages read Swedish.
fn pick<'a>(locale: Locale, sv: &'a str, en: &'a str) -> &'a str {
    if locale == Locale::EN { en } else { sv }
}

impl Series {
    pub fn title(&self, locale: Locale) -> &str {
        pick(locale, &self.title_sv, &self.title_en)
    }

    pub fn summary(&self, locale: Locale) -> &str {
        pick(locale, &self.summary_sv, &self.summary_en)
    }

    pub fn audience(&self, locale: Locale) -> &str {
        pick(locale, &self.audience_sv, &self.audience_en)
    }

    pub fn venue_accessibility(&self, locale: Locale) -> Option<&str> {
        let (sv, en) =
            (self.venue_accessibility_sv.as_deref()?, self.venue_accessibility_en.as_deref().unwrap_or(""));
        Some(if locale == Locale::EN && !en.is_empty() { en } else { sv })
    }

    /// The venue's name and address on one line (`Träffpunkt Sköldenborg, Hebsackersgatan 6`);
    /// `None` when the series names neither.
    pub fn place(&self) -> Option<String> {
        let parts: Vec<&str> =
            [self.venue_name.as_deref(), self.venue_address.as_deref()].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// `None` when the event is free of charge.
    pub fn price(&self, locale: Locale) -> Option<&str> {
        let sv = self.price_sv.as_deref()?;
        Some(pick(locale, sv, self.price_en.as_deref().unwrap_or(sv)))
    }
}

/// One meeting of a series.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Occurrence {
    pub id: Uuid,
    pub series_id: Uuid,
    pub position: i32,
    pub starts_at: UtcTime,
    pub ends_at: UtcTime,
    pub cancelled: bool,
    pub theme_sv: Option<String>,
    pub theme_en: Option<String>,
    /// The agenda, one item a line.
    pub agenda_sv: Option<String>,
    pub agenda_en: Option<String>,
    pub notes_md: Option<String>,
    pub capacity: Option<i32>,
    pub taken: i32,
    pub sequence: i32,
}

impl Occurrence {
    pub fn theme(&self, locale: Locale) -> Option<&str> {
        let sv = self.theme_sv.as_deref()?;
        Some(pick(locale, sv, self.theme_en.as_deref().unwrap_or(sv)))
    }

    /// The agenda's items in the reader's language (Swedish when there is no English agenda).
    pub fn agenda(&self, locale: Locale) -> Vec<&str> {
        let sv = self.agenda_sv.as_deref().unwrap_or("");
        let text =
            pick(locale, sv, self.agenda_en.as_deref().filter(|en| !en.trim().is_empty()).unwrap_or(sv));
        text.lines().map(str::trim).filter(|line| !line.is_empty()).collect()
    }

    /// Whether people can register: it has places (or a waitlist) and is not cancelled or over.
    pub fn open_for_registration(&self, now: UtcTime) -> bool {
        self.capacity.is_some() && !self.cancelled && self.starts_at > now
    }

    pub fn places_left(&self) -> Option<i32> {
        self.capacity.map(|c| (c - self.taken).max(0))
    }

    /// The calendar UID: stable for the life of the occurrence, whatever changes.
    pub fn uid(&self) -> String {
        format!("{}-{}@nara", self.series_id, self.position)
    }
}

/// The meetings of a series that have been held by `now` (over, and not cancelled), newest
/// first, at most `limit`: what a series page lists with their notes.
pub fn held(occurrences: &[Occurrence], now: UtcTime, limit: usize) -> Vec<&Occurrence> {
    let mut held: Vec<&Occurrence> =
        occurrences.iter().filter(|o| o.ends_at <= now && !o.cancelled).collect();
    held.sort_by(|a, b| b.starts_at.cmp(&a.starts_at).then(b.position.cmp(&a.position)));
    held.truncate(limit);
    held
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl RegistrationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Confirmed => "confirmed",
            RegistrationStatus::Waitlisted => "waitlisted",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Confirmed, Self::Waitlisted, Self::Cancelled].into_iter().find(|s| s.as_str() == text)
    }
}

/// What happened to a cancellation: the person whose place it was, and whoever moved up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub occurrence_id: Uuid,
    pub promoted: Option<Promoted>,
}

/// Someone who moved from the waitlist to a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promoted {
    pub registration_id: Uuid,
    pub name: String,
    pub email: String,
    /// The language they registered in: the good news comes in it.
    pub locale: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occurrence(capacity: Option<i32>, taken: i32, cancelled: bool, hours_ahead: i64) -> Occurrence {
        let now = UtcTime::now();
        Occurrence {
            id: Uuid::new_v4(),
            series_id: Uuid::nil(),
            position: 3,
            starts_at: UtcTime(now.0 + chrono::Duration::hours(hours_ahead)),
            ends_at: UtcTime(now.0 + chrono::Duration::hours(hours_ahead + 2)),
            cancelled,
            theme_sv: None,
            theme_en: None,
            agenda_sv: None,
            agenda_en: None,
            notes_md: None,
            capacity,
            taken,
            sequence: 0,
        }
    }

    #[test]
    fn registration_is_open_for_future_occurrences_with_places_only() {
        let now = UtcTime::now();
        assert!(occurrence(Some(10), 10, false, 24).open_for_registration(now), "full: the waitlist is open");
        assert!(!occurrence(None, 0, false, 24).open_for_registration(now), "no registration");
        assert!(!occurrence(Some(10), 0, true, 24).open_for_registration(now), "cancelled");
        assert!(!occurrence(Some(10), 0, false, -1).open_for_registration(now), "over");
        assert_eq!(occurrence(Some(10), 7, false, 1).places_left(), Some(3));
        assert_eq!(occurrence(Some(10), 12, false, 1).places_left(), Some(0));
    }

    #[test]
    fn agendas_are_read_line_by_line_in_the_readers_language() {
        let mut o = occurrence(None, 0, false, 1);
        assert!(o.agenda(Locale::SV).is_empty());
        o.agenda_sv = Some("Välkommen\n\n  Tema: anhörigstöd \nNästa träff".into());
        assert_eq!(o.agenda(Locale::SV), ["Välkommen", "Tema: anhörigstöd", "Nästa träff"]);
        assert_eq!(
            o.agenda(Locale::EN),
            ["Välkommen", "Tema: anhörigstöd", "Nästa träff"],
            "no English: Swedish"
        );
        o.agenda_en = Some("Welcome".into());
        assert_eq!(o.agenda(Locale::EN), ["Welcome"]);
    }

    #[test]
    fn held_meetings_are_the_past_ones_that_took_place_newest_first_and_bounded() {
        let now = UtcTime::now();
        let mut meetings: Vec<Occurrence> = [-72, -48, -24, -1, 24]
            .into_iter()
            .enumerate()
            .map(|(i, hours)| Occurrence { position: i as i32, ..occurrence(None, 0, false, hours) })
            .collect();
        meetings[1].cancelled = true;
        let positions = |list: Vec<&Occurrence>| list.iter().map(|o| o.position).collect::<Vec<_>>();
        // The one that started an hour ago is still going on (it lasts two hours).
        assert_eq!(positions(held(&meetings, now, 10)), [2, 0], "over and not cancelled, newest first");
        assert_eq!(positions(held(&meetings, now, 1)), [2], "bounded");
    }

    #[test]
    fn uids_depend_on_series_and_position_only() {
        let a = occurrence(Some(1), 0, false, 1);
        let mut moved = a.clone();
        moved.starts_at = UtcTime(moved.starts_at.0 + chrono::Duration::days(2));
        moved.sequence += 1;
        assert_eq!(a.uid(), moved.uid());
        assert_eq!(a.uid(), "00000000-0000-0000-0000-000000000000-3@nara");
    }
}
