//! Stockholm wall-clock time, for everything that is planned the way people say it ("Mondays
//! 13:30", "open 09–17"): meeting series, opening hours, booking slots. Times are stored in UTC; a
//! local time becomes an instant here, with one decision for each of the two hours a year that
//! Europe/Stockholm's clock does not name exactly once (it changes at 02:00/03:00 local):
//!
//! - **Spring gap** (02:00–03:00 does not exist on the last Sunday of March): a time inside the gap
//!   moves forward to the first instant after it, so 02:30 becomes 03:00 summer time. Nobody is
//!   asked to arrive before the clock has reached their time.
//! - **Autumn fold** (02:00–03:00 happens twice on the last Sunday of October): the first,
//!   summer-time instant is used, so people who arrive at the first 02:30 are not kept waiting.
//!
//! Showing a time (`2026-11-23 14:35`) is `i18n::dates`.

use chrono::offset::LocalResult;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use chrono_tz::Tz;

/// The instant a Stockholm wall-clock time names, with the gap and fold decisions above.
pub fn to_utc(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let instant = match Stockholm.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant,
        LocalResult::Ambiguous(earlier, _later) => earlier,
        LocalResult::None => first_instant_after_gap(local)?,
    };
    Some(instant.with_timezone(&Utc))
}

/// For a wall-clock time the clock jumps over: the first whole minute that exists after it, which
/// is where the gap ends (03:00 for anything from 02:00 to 02:59 in spring).
fn first_instant_after_gap(local: NaiveDateTime) -> Option<DateTime<Tz>> {
    // Stockholm's gaps are one hour on whole hours; a day is a generous bound that still ends.
    (1..=24 * 60).find_map(|minutes| {
        let later = local.checked_add_signed(TimeDelta::try_minutes(minutes)?)?;
        Stockholm.from_local_datetime(&later).earliest()
    })
}

/// The last second of a Stockholm calendar day, in UTC.
pub fn end_of_day(date: NaiveDate) -> Option<DateTime<Utc>> {
    // The next day's start minus a second, rather than 23:59:59, so the day's length is whatever
    // the clock says it is.
    let next_day = date.succ_opt()?.and_time(NaiveTime::MIN);
    to_utc(next_day)?.checked_sub_signed(TimeDelta::seconds(1))
}

/// The Stockholm calendar date of an instant.
pub fn date_of(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Stockholm).date_naive()
}

/// The Stockholm wall-clock time of an instant.
pub fn wall_time(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&Stockholm).naive_local()
}

/// Today's date in Sweden.
pub fn today() -> NaiveDate {
    date_of(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn wall_clock_times_follow_daylight_saving() {
        assert_eq!(to_utc(local(2026, 1, 19, 13, 30)), Some(utc(2026, 1, 19, 12, 30)));
        assert_eq!(to_utc(local(2026, 6, 15, 13, 30)), Some(utc(2026, 6, 15, 11, 30)));
    }

    #[test]
    fn the_spring_gap_moves_forward_and_the_autumn_fold_takes_the_first() {
        // 29 March 2026 has no 02:30: 03:00 summer time is the first instant after the gap.
        assert_eq!(to_utc(local(2026, 3, 29, 2, 30)), Some(utc(2026, 3, 29, 1, 0)));
        // 25 October 2026 has two: the first is summer time.
        assert_eq!(to_utc(local(2026, 10, 25, 2, 30)), Some(utc(2026, 10, 25, 0, 30)));
    }

    #[test]
    fn a_day_ends_when_the_clock_says_so() {
        let winter = NaiveDate::from_ymd_opt(2026, 1, 19).unwrap();
        assert_eq!(end_of_day(winter), Some(utc(2026, 1, 19, 22, 59) + TimeDelta::seconds(59)));
        assert_eq!(date_of(utc(2026, 1, 19, 23, 30)), NaiveDate::from_ymd_opt(2026, 1, 20).unwrap());
    }
}
