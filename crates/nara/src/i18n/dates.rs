//! Times are stored in UTC and shown as the clock on the wall in Sweden (Europe/Stockholm),
//! daylight saving included. The ISO form (`2026-11-23 14:35`) is how Swedish is written and
//! unambiguous in English too.

use std::fmt;

use chrono::{Datelike, NaiveTime, Timelike};
use chrono_tz::Europe::Stockholm;

use crate::db::UtcTime;

/// A wall-clock time shown as `14:35`, written straight into the page without a string of its
/// own, and cheaper than chrono's `format("%H:%M")`, which reads its pattern again at every call:
/// a booking page shows 200 of them, and a rush for the same times shows that page to hundreds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourMinute(pub NaiveTime);

impl fmt::Display for HourMinute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

/// `2026-11-23 14:35` in Stockholm time (written out, as [`HourMinute`] is: a calendar of 200
/// meetings shows 200, and chrono's `format` read its pattern again for each, 12 % of the page).
pub fn format_stockholm(time: UtcTime) -> String {
    let local = crate::stockholm::wall_time(time.0);
    format!("{:04}-{:02}-{:02} {}", local.year(), local.month(), local.day(), HourMinute(local.time()))
}

/// `14:35` in Stockholm time.
pub fn format_stockholm_time(time: UtcTime) -> String {
    HourMinute(crate::stockholm::wall_time(time.0).time()).to_string()
}

/// The start of a Stockholm calendar day, in UTC (for "from this date" filters).
pub fn stockholm_day_start(date: chrono::NaiveDate) -> Option<UtcTime> {
    use chrono::TimeZone;
    let local = Stockholm.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).earliest()?;
    Some(UtcTime(local.with_timezone(&chrono::Utc)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> UtcTime {
        UtcTime(Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap())
    }

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        assert_eq!(format_stockholm(utc(2026, 1, 15, 12, 0)), "2026-01-15 13:00");
        assert_eq!(format_stockholm(utc(2026, 7, 15, 12, 0)), "2026-07-15 14:00");
        // Zero-padded, and the local date where UTC is still on the day before.
        assert_eq!(format_stockholm(utc(2026, 2, 4, 23, 5)), "2026-02-05 00:05");
    }

    #[test]
    fn the_spring_and_autumn_changes_are_followed() {
        // 29 March 2026: 02:00 becomes 03:00. 25 October 2026: 03:00 becomes 02:00.
        assert_eq!(format_stockholm_time(utc(2026, 3, 29, 0, 59)), "01:59");
        assert_eq!(format_stockholm_time(utc(2026, 3, 29, 1, 0)), "03:00");
        assert_eq!(format_stockholm_time(utc(2026, 10, 25, 0, 30)), "02:30");
        assert_eq!(format_stockholm_time(utc(2026, 10, 25, 1, 30)), "02:30");
        assert_eq!(format_stockholm_time(utc(2026, 10, 25, 22, 5)), "23:05");
    }

    #[test]
    fn a_day_starts_at_local_midnight() {
        let start = stockholm_day_start(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()).unwrap();
        assert_eq!(start, utc(2026, 6, 30, 22, 0));
    }
}
