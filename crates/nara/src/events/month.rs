//! The calendar's month view: which month is asked for, its bounds in Stockholm time, and its
//! days laid out in weeks from Monday to Sunday.

use chrono::{Datelike, Months, NaiveDate};
use chrono_tz::Europe::Stockholm;

use crate::db::UtcTime;
use crate::i18n::stockholm_day_start;

/// A calendar month, as written in addresses: `2027-03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    first: NaiveDate,
}

impl Month {
    /// Reads `YYYY-MM`; anything else (or a year outside 2000–2100) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        let (year, month) = (year.parse::<i32>().ok()?, month.parse::<u32>().ok()?);
        if !(2000..=2100).contains(&year) || year.to_string().len() != 4 {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| Self { first })
    }

    /// The month a moment falls in, in Stockholm.
    pub fn containing(time: UtcTime) -> Self {
        let date = time.0.with_timezone(&Stockholm).date_naive();
        Self { first: date.with_day(1).unwrap_or(date) }
    }

    pub fn key(self) -> String {
        self.first.format("%Y-%m").to_string()
    }

    pub fn year(self) -> i32 {
        self.first.year()
    }

    pub fn number(self) -> u32 {
        self.first.month()
    }

    pub fn previous(self) -> Self {
        Self { first: self.first.checked_sub_months(Months::new(1)).unwrap_or(self.first) }
    }

    pub fn next(self) -> Self {
        Self { first: self.first.checked_add_months(Months::new(1)).unwrap_or(self.first) }
    }

    /// From the first midnight of the month to the first midnight of the next, in UTC.
    pub fn bounds(self) -> Option<(UtcTime, UtcTime)> {
        Some((stockholm_day_start(self.first)?, stockholm_day_start(self.next().first)?))
    }

    /// The weeks that show this month, Monday first; days of the neighbouring months are `None`.
    pub fn weeks(self) -> Vec<[Option<NaiveDate>; 7]> {
        let lead = self.first.weekday().num_days_from_monday() as usize;
        let days: Vec<NaiveDate> =
            self.first.iter_days().take_while(|d| d.month() == self.first.month()).collect();
        let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
        cells.extend(days.into_iter().map(Some));
        while !cells.len().is_multiple_of(7) {
            cells.push(None);
        }
        cells.chunks(7).map(|week| std::array::from_fn(|i| week[i])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn months_are_read_from_addresses_strictly() {
        assert_eq!(Month::parse("2027-03").map(Month::key), Some("2027-03".into()));
        for bad in ["", "2027", "2027-13", "2027-00", "27-03", "abcd-ef", "1999-12", "20270-01", "2027-03-01"]
        {
            assert_eq!(Month::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn neighbours_cross_the_year() {
        let december = Month::parse("2026-12").unwrap();
        assert_eq!(december.next().key(), "2027-01");
        assert_eq!(december.next().previous(), december);
    }

    #[test]
    fn bounds_are_stockholm_midnights_across_daylight_saving() {
        // March 2027: winter time (UTC+1) at the start, summer time (UTC+2) at the end.
        let (from, until) = Month::parse("2027-03").unwrap().bounds().unwrap();
        assert_eq!(from.0, Utc.with_ymd_and_hms(2027, 2, 28, 23, 0, 0).unwrap());
        assert_eq!(until.0, Utc.with_ymd_and_hms(2027, 3, 31, 22, 0, 0).unwrap());
    }

    #[test]
    fn a_late_evening_in_utc_can_be_next_month_in_stockholm() {
        let time = UtcTime(Utc.with_ymd_and_hms(2027, 1, 31, 23, 30, 0).unwrap());
        assert_eq!(Month::containing(time).key(), "2027-02");
    }

    #[test]
    fn weeks_start_on_monday_and_hold_every_day_once() {
        // 1 March 2027 is a Monday; 1 February 2027 too; 1 December 2026 is a Tuesday.
        let weeks = Month::parse("2026-12").unwrap().weeks();
        assert_eq!(weeks[0][0], None);
        assert_eq!(weeks[0][1], NaiveDate::from_ymd_opt(2026, 12, 1));
        let days: Vec<_> = weeks.iter().flatten().flatten().collect();
        assert_eq!(days.len(), 31);
        assert_eq!(Month::parse("2027-02").unwrap().weeks().len(), 4, "28 days from a Monday");
    }
}
