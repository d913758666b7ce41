//! iCalendar (RFC 5545) feeds. Times are written in UTC (`…Z`), which every client converts to
//! the reader's zone, so no VTIMEZONE block is needed and daylight saving cannot go wrong. Each
//! occurrence is its own VEVENT with a UID that never changes and a SEQUENCE raised on every
//! change; a cancelled one stays in the feed with `STATUS:CANCELLED` so calendars remove it.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::{Occurrence, Series};
use crate::i18n::Locale;

/// One occurrence in a feed, with the address of its page.
pub struct FeedItem<'a> {
    pub series: &'a Series,
    pub occurrence: &'a Occurrence,
    pub url: String,
}

fn summary(item: &FeedItem<'_>, locale: Locale) -> String {
    let title = item.series.title(locale);
    match item.occurrence.theme(locale) {
        Some(theme) => format!("{title}: {theme}"),
        None => title.to_string(),
    }
}

fn location(series: &Series) -> Option<String> {
    series.place().or_else(|| series.online_url.clone())
}

fn event(item: &FeedItem<'_>, locale: Locale) -> Event {
    let occurrence = item.occurrence;
    let mut event = Event::new();
    event
        .uid(&occurrence.uid())
        .summary(&summary(item, locale))
        .description(item.series.summary(locale))
        .starts(occurrence.starts_at.0)
        .ends(occurrence.ends_at.0)
        .sequence(u32::try_from(occurrence.sequence).unwrap_or(0))
        .url(&item.url)
        .status(if occurrence.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    if let Some(place) = location(item.series) {
        event.location(&place);
    }
    event.done()
}

/// A calendar of the given occurrences, as text.
pub fn calendar(name: &str, items: &[FeedItem<'_>], locale: Locale) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for item in items {
        calendar.push(event(item, locale));
    }
    calendar.done().to_string()
}
