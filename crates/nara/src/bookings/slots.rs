//! Which times a resident can book: a case officer's weekly availability (in Stockholm wall-clock
//! time, so "Tuesdays 17:00–19:00" stays 17:00 through daylight saving), cut into meetings of a
//! set length with a buffer between them, minus blocked dates, minus what is already booked,
//! minus what is too soon to book. Everything here is pure: no clock, no I/O.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc, Weekday};

use crate::db::UtcTime;
use crate::stockholm;

/// The longest meeting, and the longest buffer, in minutes.
pub const MAX_MINUTES: u32 = 4 * 60;
/// How far ahead times are offered, in days.
pub const HORIZON_DAYS: u64 = 8 * 7;

/// One weekly window in which an officer can meet, e.g. Tuesdays 17:00–19:00 in 45-minute
/// meetings with 15 minutes between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub weekday: Weekday,
    pub from: NaiveTime,
    pub until: NaiveTime,
    pub meeting_minutes: u32,
    pub buffer_minutes: u32,
}

/// Why a window cannot be used, as a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowProblem {
    Order,
    Length,
    Buffer,
}

impl WindowProblem {
    pub fn key(self) -> &'static str {
        match self {
            WindowProblem::Order => "availability-error-order",
            WindowProblem::Length => "availability-error-length",
            WindowProblem::Buffer => "availability-error-buffer",
        }
    }
}

impl Window {
    /// A window must end after it starts, hold at least one meeting, and have sane lengths.
    pub fn validate(&self) -> Result<(), WindowProblem> {
        if self.until <= self.from {
            return Err(WindowProblem::Order);
        }
        if self.meeting_minutes < 10 || self.meeting_minutes > MAX_MINUTES {
            return Err(WindowProblem::Length);
        }
        if self.buffer_minutes > MAX_MINUTES {
            return Err(WindowProblem::Buffer);
        }
        let span = self.until.signed_duration_since(self.from);
        if span < TimeDelta::minutes(i64::from(self.meeting_minutes)) {
            return Err(WindowProblem::Length);
        }
        Ok(())
    }

    /// The meetings this window holds on `date`, as (start, end) in UTC. Empty on other weekdays.
    fn on(&self, date: NaiveDate) -> Vec<(UtcTime, UtcTime)> {
        if date.weekday() != self.weekday || self.validate().is_err() {
            return Vec::new();
        }
        let meeting = TimeDelta::minutes(i64::from(self.meeting_minutes));
        let step = meeting + TimeDelta::minutes(i64::from(self.buffer_minutes));
        let (Some(window_start), Some(window_end)) =
            (stockholm::to_utc(date.and_time(self.from)), stockholm::to_utc(date.and_time(self.until)))
        else {
            return Vec::new();
        };
        let mut slots = Vec::new();
        let mut start = window_start;
        while start + meeting <= window_end {
            slots.push((UtcTime(start), UtcTime(start + meeting)));
            start += step;
        }
        slots
    }
}

/// A time that can be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    pub starts_at: UtcTime,
    pub ends_at: UtcTime,
}

impl Slot {
    pub fn overlaps(&self, other: &Slot) -> bool {
        self.starts_at < other.ends_at && other.starts_at < self.ends_at
    }
}

/// Everything that decides which times are free.
pub struct Calendar<'a> {
    pub windows: &'a [Window],
    /// Dates (Stockholm) on which the officer does not meet at all.
    pub blocked: &'a [NaiveDate],
    /// Meetings already booked with the officer.
    pub booked: &'a [Slot],
    /// The earliest moment a new meeting may start (now plus the notice needed).
    pub earliest: UtcTime,
}

/// The free times on the Stockholm dates `from` through `until`, soonest first.
pub fn free_slots(calendar: &Calendar<'_>, from: NaiveDate, until: NaiveDate) -> Vec<Slot> {
    let booked = Booked::new(calendar.booked);
    let mut slots: Vec<Slot> = Vec::new();
    let mut date = from;
    while date <= until {
        if !calendar.blocked.contains(&date) {
            for window in calendar.windows {
                for (starts_at, ends_at) in window.on(date) {
                    let slot = Slot { starts_at, ends_at };
                    if starts_at >= calendar.earliest && !booked.overlaps(&slot) {
                        slots.push(slot);
                    }
                }
            }
        }
        let Some(next) = date.checked_add_days(Days::new(1)) else { break };
        date = next;
    }
    slots.sort();
    // Two windows may offer the same time; a person sees it once.
    slots.dedup_by(|a, b| a.overlaps(b));
    slots
}

/// The booked meetings by start, each with the latest end among it and those before it: a time
/// is then checked in one binary search rather than against every meeting (an officer's 200
/// times against 100 meetings, on every booking page).
struct Booked {
    by_start: Vec<Slot>,
    latest_end: Vec<UtcTime>,
}

impl Booked {
    fn new(booked: &[Slot]) -> Self {
        let mut by_start = booked.to_vec();
        by_start.sort_unstable();
        let mut latest = UtcTime(DateTime::<Utc>::MIN_UTC);
        let latest_end = by_start
            .iter()
            .map(|b| {
                latest = latest.max(b.ends_at);
                latest
            })
            .collect();
        Booked { by_start, latest_end }
    }

    /// Some meeting that starts before `slot` ends also ends after it starts.
    fn overlaps(&self, slot: &Slot) -> bool {
        let starting_before_end = self.by_start.partition_point(|b| b.starts_at < slot.ends_at);
        starting_before_end.checked_sub(1).is_some_and(|last| self.latest_end[last] > slot.starts_at)
    }
}

/// Whether `slot` is one of the free times: what a booking request must pass, whatever the
/// form claimed. (The database then makes sure no one else took it at the same moment.)
pub fn is_free(calendar: &Calendar<'_>, slot: &Slot) -> bool {
    let date = stockholm::date_of(slot.starts_at.0);
    free_slots(calendar, date, date).contains(slot)
}

/// Whether a booking can still be changed by the resident: up to `notice_hours` before it.
pub fn can_change(starts_at: UtcTime, now: UtcTime, notice_hours: u32) -> bool {
    now.0 + TimeDelta::hours(i64::from(notice_hours)) <= starts_at.0
}

/// Whether a time starting at `start` (Stockholm wall-clock) lies outside office hours (before
/// 08:00 or from 17:00 on a weekday, or at a weekend), so the page can say so: these times are
/// offered on purpose.
pub fn outside_office_hours(start: NaiveDateTime) -> bool {
    let weekend = matches!(start.weekday(), Weekday::Sat | Weekday::Sun);
    weekend || !(8..17).contains(&chrono::Timelike::hour(&start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> UtcTime {
        UtcTime(Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap())
    }

    /// Tuesdays 17:00–19:00, 45 minutes with 15 between: 17:00, 18:00.
    fn evenings() -> Window {
        Window {
            weekday: Weekday::Tue,
            from: time(17, 0),
            until: time(19, 0),
            meeting_minutes: 45,
            buffer_minutes: 15,
        }
    }

    fn calendar<'a>(windows: &'a [Window], blocked: &'a [NaiveDate], booked: &'a [Slot]) -> Calendar<'a> {
        Calendar { windows, blocked, booked, earliest: utc(2027, 1, 1, 0, 0) }
    }

    #[test]
    fn a_window_is_cut_into_meetings_with_buffers_in_stockholm_time() {
        let windows = [evenings()];
        // Tuesday 9 March 2027 is winter time (UTC+1); Tuesday 30 March summer time (UTC+2).
        let winter = free_slots(&calendar(&windows, &[], &[]), date(2027, 3, 9), date(2027, 3, 9));
        assert_eq!(
            winter,
            [
                Slot { starts_at: utc(2027, 3, 9, 16, 0), ends_at: utc(2027, 3, 9, 16, 45) },
                Slot { starts_at: utc(2027, 3, 9, 17, 0), ends_at: utc(2027, 3, 9, 17, 45) },
            ]
        );
        let summer = free_slots(&calendar(&windows, &[], &[]), date(2027, 3, 30), date(2027, 3, 30));
        assert_eq!(summer[0].starts_at, utc(2027, 3, 30, 15, 0), "17:00 is 15:00 UTC in summer");
        let start = stockholm::wall_time(summer[0].starts_at.0);
        assert!(outside_office_hours(start), "17:00 is outside office hours, on purpose");
    }

    #[test]
    fn booked_blocked_and_too_soon_times_are_not_offered() {
        let windows = [evenings()];
        let taken = [Slot { starts_at: utc(2027, 3, 9, 16, 30), ends_at: utc(2027, 3, 9, 17, 15) }];
        let free = free_slots(&calendar(&windows, &[], &taken), date(2027, 3, 9), date(2027, 3, 16));
        assert_eq!(free.len(), 2, "both of the 9th overlap the booking; the 16th has two: {free:?}");
        assert!(free.iter().all(|s| s.starts_at > utc(2027, 3, 10, 0, 0)));

        let blocked = [date(2027, 3, 16)];
        assert!(
            free_slots(&calendar(&windows, &blocked, &[]), date(2027, 3, 16), date(2027, 3, 16)).is_empty()
        );

        let mut soon = calendar(&windows, &[], &[]);
        soon.earliest = utc(2027, 3, 9, 16, 30);
        let left = free_slots(&soon, date(2027, 3, 9), date(2027, 3, 9));
        assert_eq!(left.len(), 1, "the 17:00 meeting starts before the notice allows");
    }

    mod checked_against_every_meeting {
        use super::*;
        use proptest::prelude::*;

        /// Booked meetings of any length up to twice the longest a window makes, from the Monday
        /// before the first Tuesday to the second, in any order (booked times outlive window
        /// changes), some across midnight.
        fn any_booked() -> impl Strategy<Value = Vec<Slot>> {
            let minutes = -24 * 60..8 * 24 * 60i64;
            prop::collection::vec((minutes, 1..2 * i64::from(MAX_MINUTES)), 0..40).prop_map(|meetings| {
                meetings
                    .into_iter()
                    .map(|(start, minutes)| {
                        let starts_at = UtcTime(utc(2027, 3, 9, 0, 0).0 + TimeDelta::minutes(start));
                        Slot { starts_at, ends_at: UtcTime(starts_at.0 + TimeDelta::minutes(minutes)) }
                    })
                    .collect()
            })
        }

        proptest! {
            #[test]
            fn a_time_is_free_exactly_when_no_booked_meeting_overlaps_it(booked in any_booked()) {
                let windows = [
                    Window { weekday: Weekday::Tue, from: time(0, 0), until: time(3, 0), meeting_minutes: 30, buffer_minutes: 0 },
                    Window { weekday: Weekday::Tue, from: time(8, 0), until: time(23, 59), meeting_minutes: 20, buffer_minutes: 5 },
                ];
                let all = free_slots(&calendar(&windows, &[], &[]), date(2027, 3, 9), date(2027, 3, 16));
                let expected: Vec<Slot> =
                    all.into_iter().filter(|slot| !booked.iter().any(|b| b.overlaps(slot))).collect();
                let free = free_slots(&calendar(&windows, &[], &booked), date(2027, 3, 9), date(2027, 3, 16));
                prop_assert_eq!(free, expected);
            }
        }
    }

    #[test]
    fn a_request_must_name_a_free_time_exactly() {
        let windows = [evenings()];
        let cal = calendar(&windows, &[], &[]);
        assert!(is_free(&cal, &Slot { starts_at: utc(2027, 3, 9, 16, 0), ends_at: utc(2027, 3, 9, 16, 45) }));
        assert!(!is_free(
            &cal,
            &Slot { starts_at: utc(2027, 3, 9, 16, 5), ends_at: utc(2027, 3, 9, 16, 50) }
        ));
        assert!(!is_free(&cal, &Slot { starts_at: utc(2027, 3, 9, 16, 0), ends_at: utc(2027, 3, 9, 18, 0) }));
        assert!(!is_free(
            &cal,
            &Slot { starts_at: utc(2027, 3, 10, 16, 0), ends_at: utc(2027, 3, 10, 16, 45) }
        ));
    }

    #[test]
    fn overlapping_windows_offer_each_time_once() {
        let windows = [evenings(), evenings()];
        assert_eq!(free_slots(&calendar(&windows, &[], &[]), date(2027, 3, 9), date(2027, 3, 9)).len(), 2);
    }

    #[test]
    fn windows_are_checked() {
        assert_eq!(evenings().validate(), Ok(()));
        assert_eq!(Window { until: time(16, 0), ..evenings() }.validate(), Err(WindowProblem::Order));
        assert_eq!(Window { meeting_minutes: 5, ..evenings() }.validate(), Err(WindowProblem::Length));
        assert_eq!(Window { meeting_minutes: 180, ..evenings() }.validate(), Err(WindowProblem::Length));
        assert_eq!(Window { buffer_minutes: 300, ..evenings() }.validate(), Err(WindowProblem::Buffer));
    }

    #[test]
    fn changes_are_allowed_until_the_notice_runs_out() {
        let meeting = utc(2027, 3, 9, 16, 0);
        assert!(can_change(meeting, utc(2027, 3, 8, 16, 0), 24));
        assert!(!can_change(meeting, utc(2027, 3, 8, 16, 1), 24));
    }
}
