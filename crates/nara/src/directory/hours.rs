//! Opening hours: a weekly schedule in Stockholm wall-clock time plus dated exceptions (holidays,
//! closures), and the answer to "is it open now, and if not, when does it open?".
//!
//! An interval whose closing time is not after its opening time runs past midnight (a night
//! shelter open 21:00–08:00). Wall-clock times are turned into instants day by day, so the spring
//! and autumn clock changes fall where they fall: a time in the spring gap starts when the gap
//! ends, a time in the autumn fold is the earlier of the two.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Europe::Stockholm;
use serde::{Deserialize, Serialize};

use crate::stockholm;

/// How far ahead "opens …" looks. A place closed for longer shows "closed, no time known".
const LOOK_AHEAD_DAYS: u64 = 21;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl Interval {
    pub fn new(opens: NaiveTime, closes: NaiveTime) -> Self {
        Self { opens, closes }
    }

    fn runs_past_midnight(&self) -> bool {
        self.closes <= self.opens
    }
}

/// A date on which the weekly schedule does not apply: closed (no intervals) or other hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    pub date: NaiveDate,
    #[serde(default)]
    pub intervals: Vec<Interval>,
    /// Why, in Swedish (for example "Julafton").
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// Open around the clock every day (a helpline, the social emergency service).
    #[serde(default)]
    pub always: bool,
    /// Monday first.
    #[serde(default)]
    pub weekly: [Vec<Interval>; 7],
    #[serde(default)]
    pub exceptions: Vec<Exception>,
}

/// What a visitor is told. Times are Stockholm wall-clock times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenStatus {
    AlwaysOpen,
    /// Open now; closes at this instant.
    OpenUntil(DateTime<Utc>),
    /// Closed now; opens at this instant.
    OpensAt(DateTime<Utc>),
    /// Closed, with no opening in the weeks ahead.
    Closed,
}

impl OpenStatus {
    pub fn is_open(&self) -> bool {
        matches!(self, Self::AlwaysOpen | Self::OpenUntil(_))
    }
}

impl OpeningHours {
    /// Opening hours for the same intervals every weekday (Monday–Friday), closed at weekends.
    pub fn weekdays(opens: NaiveTime, closes: NaiveTime) -> Self {
        let mut weekly: [Vec<Interval>; 7] = Default::default();
        for day in weekly.iter_mut().take(5) {
            day.push(Interval::new(opens, closes));
        }
        Self { always: false, weekly, exceptions: Vec::new() }
    }

    pub fn on(&self, weekday: Weekday) -> &[Interval] {
        &self.weekly[weekday.num_days_from_monday() as usize]
    }

    /// The intervals that apply on a Stockholm calendar date.
    pub fn intervals_on(&self, date: NaiveDate) -> &[Interval] {
        match self.exceptions.iter().find(|e| e.date == date) {
            Some(exception) => &exception.intervals,
            None => self.on(date.weekday()),
        }
    }

    /// The exceptions from `date` on, in date order (to show coming holidays).
    pub fn exceptions_from(&self, date: NaiveDate) -> Vec<&Exception> {
        let mut coming: Vec<&Exception> = self.exceptions.iter().filter(|e| e.date >= date).collect();
        coming.sort_by_key(|e| e.date);
        coming
    }

    /// Whether open at `now`: [`Self::status_at`]`(now).is_open()`, from yesterday's and today's
    /// intervals alone (yesterday's may run past midnight), since the "open now" filter asks it of
    /// hundreds of entries per search and needs no next opening.
    pub fn is_open_at(&self, now: DateTime<Utc>) -> bool {
        if self.always {
            return true;
        }
        let today = now.with_timezone(&Stockholm).date_naive();
        let Some(yesterday) = today.pred_opt() else { return false };
        [yesterday, today].into_iter().any(|date| {
            self.intervals_on(date)
                .iter()
                .filter_map(|i| instants(date, i))
                .any(|(opens, closes)| opens <= now && now < closes)
        })
    }

    pub fn status_at(&self, now: DateTime<Utc>) -> OpenStatus {
        if self.always {
            return OpenStatus::AlwaysOpen;
        }
        let today = now.with_timezone(&Stockholm).date_naive();
        // Yesterday too: its interval may run past midnight into today.
        let Some(first) = today.pred_opt() else { return OpenStatus::Closed };
        let mut spans = first
            .iter_days()
            .take(LOOK_AHEAD_DAYS as usize + 1)
            .flat_map(|date| self.intervals_on(date).iter().filter_map(move |i| instants(date, i)))
            .collect::<Vec<_>>();
        spans.sort();
        let spans = merge(spans);
        if let Some((_, closes)) = spans.iter().find(|(opens, closes)| *opens <= now && now < *closes) {
            return OpenStatus::OpenUntil(*closes);
        }
        spans
            .iter()
            .find(|(opens, _)| *opens > now)
            .map_or(OpenStatus::Closed, |(opens, _)| OpenStatus::OpensAt(*opens))
    }
}

/// The instants an interval on a date runs between; `None` for an empty interval.
fn instants(date: NaiveDate, interval: &Interval) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let opens = stockholm::to_utc(date.and_time(interval.opens))?;
    let close_date = if interval.runs_past_midnight() { date.succ_opt()? } else { date };
    let closes = stockholm::to_utc(close_date.and_time(interval.closes))?;
    (closes > opens).then_some((opens, closes))
}

/// Joins spans that touch or overlap (open until midnight and from midnight is one opening).
fn merge(sorted: Vec<(DateTime<Utc>, DateTime<Utc>)>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(sorted.len());
    for (opens, closes) in sorted {
        match merged.last_mut() {
            Some(last) if opens <= last.1 => last.1 = last.1.max(closes),
            _ => merged.push((opens, closes)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A Stockholm wall-clock time as an instant.
    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Stockholm.with_ymd_and_hms(y, m, d, h, min, 0).earliest().unwrap().with_timezone(&Utc)
    }

    fn office() -> OpeningHours {
        OpeningHours::weekdays(t(8, 0), t(16, 0))
    }

    #[test]
    fn open_during_the_day_and_says_when_it_closes() {
        // Wednesday 2 December 2026.
        let status = office().status_at(local(2026, 12, 2, 10, 0));
        assert_eq!(status, OpenStatus::OpenUntil(local(2026, 12, 2, 16, 0)));
        assert!(status.is_open());
    }

    #[test]
    fn closing_time_itself_is_closed() {
        assert_eq!(
            office().status_at(local(2026, 12, 2, 16, 0)),
            OpenStatus::OpensAt(local(2026, 12, 3, 8, 0))
        );
    }

    #[test]
    fn on_friday_evening_it_opens_on_monday() {
        let status = office().status_at(local(2026, 12, 4, 18, 30));
        assert_eq!(status, OpenStatus::OpensAt(local(2026, 12, 7, 8, 0)));
        assert!(!status.is_open());
    }

    #[test]
    fn a_holiday_exception_closes_a_weekday() {
        let mut hours = office();
        hours.exceptions.push(Exception {
            date: date(2026, 12, 24),
            intervals: vec![],
            note: Some("Julafton".into()),
        });
        hours.exceptions.push(Exception {
            date: date(2026, 12, 23),
            intervals: vec![Interval::new(t(8, 0), t(12, 0))],
            note: None,
        });
        assert_eq!(
            hours.status_at(local(2026, 12, 23, 13, 0)),
            OpenStatus::OpensAt(local(2026, 12, 25, 8, 0))
        );
        assert_eq!(
            hours.status_at(local(2026, 12, 23, 11, 0)),
            OpenStatus::OpenUntil(local(2026, 12, 23, 12, 0))
        );
    }

    #[test]
    fn a_night_shelter_is_open_past_midnight() {
        let mut hours = OpeningHours::default();
        for day in &mut hours.weekly {
            day.push(Interval::new(t(21, 0), t(8, 0)));
        }
        assert_eq!(
            hours.status_at(local(2026, 12, 3, 2, 0)),
            OpenStatus::OpenUntil(local(2026, 12, 3, 8, 0))
        );
        assert_eq!(
            hours.status_at(local(2026, 12, 3, 12, 0)),
            OpenStatus::OpensAt(local(2026, 12, 3, 21, 0))
        );
    }

    #[test]
    fn open_until_midnight_and_from_midnight_is_one_opening() {
        let mut hours = OpeningHours::default();
        hours.weekly[0].push(Interval::new(t(18, 0), t(0, 0)));
        hours.weekly[1].push(Interval::new(t(0, 0), t(6, 0)));
        // Monday 7 December 2026, 20:00.
        assert_eq!(
            hours.status_at(local(2026, 12, 7, 20, 0)),
            OpenStatus::OpenUntil(local(2026, 12, 8, 6, 0))
        );
    }

    #[test]
    fn the_spring_clock_change_shortens_the_night() {
        // Sunday 29 March 2026: 02:00 becomes 03:00. Open 00:00–06:00 is five hours long that night.
        let mut hours = OpeningHours::default();
        hours.weekly[6].push(Interval::new(t(0, 0), t(6, 0)));
        let status = hours.status_at(local(2026, 3, 29, 1, 30));
        assert_eq!(status, OpenStatus::OpenUntil(Utc.with_ymd_and_hms(2026, 3, 29, 4, 0, 0).unwrap()));
        // An opening at 02:30, a time that does not exist that night, starts at 03:00.
        let mut gap = OpeningHours::default();
        gap.weekly[6].push(Interval::new(t(2, 30), t(5, 0)));
        assert_eq!(gap.status_at(local(2026, 3, 29, 0, 30)), OpenStatus::OpensAt(local(2026, 3, 29, 3, 0)));
    }

    #[test]
    fn the_autumn_clock_change_lengthens_the_night() {
        // Sunday 25 October 2026: 03:00 becomes 02:00. Open 00:00–06:00 lasts seven hours.
        let mut hours = OpeningHours::default();
        hours.weekly[6].push(Interval::new(t(0, 0), t(6, 0)));
        let opens = Utc.with_ymd_and_hms(2026, 10, 24, 22, 0, 0).unwrap();
        let closes = Utc.with_ymd_and_hms(2026, 10, 25, 5, 0, 0).unwrap();
        assert_eq!(hours.status_at(opens), OpenStatus::OpenUntil(closes));
        assert_eq!((closes - opens).num_hours(), 7);
    }

    #[test]
    fn open_at_agrees_with_the_status_every_quarter_hour() {
        let mut holidays = office();
        holidays.exceptions.push(Exception { date: date(2026, 12, 24), intervals: vec![], note: None });
        holidays.exceptions.push(Exception {
            date: date(2026, 12, 23),
            intervals: vec![Interval::new(t(8, 0), t(12, 0))],
            note: None,
        });
        let mut night = OpeningHours::default();
        for day in &mut night.weekly {
            day.push(Interval::new(t(21, 0), t(8, 0)));
        }
        let mut joined = OpeningHours::default();
        joined.weekly[0].push(Interval::new(t(18, 0), t(0, 0)));
        joined.weekly[1].push(Interval::new(t(0, 0), t(6, 0)));
        let mut spring = OpeningHours::default();
        spring.weekly[6].push(Interval::new(t(0, 0), t(6, 0)));
        spring.weekly[6].push(Interval::new(t(2, 30), t(5, 0)));
        let always = OpeningHours { always: true, ..Default::default() };
        let all = [office(), holidays, night, joined, spring, always, OpeningHours::default()];
        // From Monday 21 December 2026 (the holidays), and over the spring and autumn clock changes.
        for start in [local(2026, 12, 21, 0, 0), local(2026, 3, 26, 0, 0), local(2026, 10, 22, 0, 0)] {
            for quarter in 0..7 * 24 * 4 {
                let now = start + chrono::Duration::minutes(15 * quarter);
                for hours in &all {
                    assert_eq!(hours.is_open_at(now), hours.status_at(now).is_open(), "{hours:?} at {now}");
                }
            }
        }
    }

    #[test]
    fn always_open_and_never_open() {
        let always = OpeningHours { always: true, ..Default::default() };
        assert_eq!(always.status_at(Utc::now()), OpenStatus::AlwaysOpen);
        assert_eq!(OpeningHours::default().status_at(Utc::now()), OpenStatus::Closed);
    }

    #[test]
    fn hours_round_trip_through_json() {
        let mut hours = office();
        hours.exceptions.push(Exception {
            date: date(2026, 12, 31),
            intervals: vec![],
            note: Some("Nyårsafton".into()),
        });
        let json = serde_json::to_string(&hours).unwrap();
        assert_eq!(serde_json::from_str::<OpeningHours>(&json).unwrap(), hours);
        assert_eq!(hours.exceptions_from(date(2026, 12, 1)).len(), 1);
    }
}
