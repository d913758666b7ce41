//! A booking as an iCalendar file (RFC 5545), in UTC like every feed here. A cancelled booking
//! keeps its UID with a higher SEQUENCE and `STATUS:CANCELLED`, so a calendar that imported it
//! removes it.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::Booking;

/// The booking as a calendar with one event. `summary` and `location` are in the reader's language.
pub fn calendar(booking: &Booking, summary: &str, location: Option<&str>, url: &str) -> String {
    let mut event = Event::new();
    event
        .uid(&booking.uid())
        .summary(summary)
        .starts(booking.starts_at.0)
        .ends(booking.ends_at.0)
        .sequence(u32::try_from(booking.sequence).unwrap_or(0))
        .url(url)
        .status(if booking.is_booked() { EventStatus::Confirmed } else { EventStatus::Cancelled });
    if let Some(location) = location {
        event.location(location);
    }
    let mut calendar = Calendar::new();
    calendar.push(event.done());
    calendar.done().to_string()
}
