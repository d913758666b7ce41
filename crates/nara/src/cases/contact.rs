//! The contact person's telephone: their number and the hours they answer it, in Stockholm wall
//! time. Outside those hours the resident's case page says whom to call instead (socialjouren,
//! from the configuration). The rule is pure; `store` keeps the hours.

use chrono::{Datelike, NaiveDateTime, NaiveTime, Weekday};

/// The longest telephone number we keep (with spaces and a hyphen, as people write them).
pub const MAX_PHONE_CHARS: usize = 30;

/// When a contact person answers the telephone: on these weekdays, from `from` until `until`
/// (Stockholm wall time, `until` not included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneHours {
    pub phone: String,
    pub weekdays: Vec<Weekday>,
    pub from: NaiveTime,
    pub until: NaiveTime,
}

impl PhoneHours {
    /// From the stored columns: the ISO weekday digits (`12345` is Monday to Friday) and two
    /// `HH:MM` times. `None` when they do not make sense (no day, or a time span that ends
    /// before it starts).
    pub fn from_columns(phone: String, weekdays: &str, from: &str, until: &str) -> Option<PhoneHours> {
        let mut days: Vec<Weekday> = Vec::new();
        for digit in weekdays.chars() {
            let day = match digit.to_digit(10)? {
                n @ 1..=7 => Weekday::try_from(u8::try_from(n - 1).ok()?).ok()?,
                _ => return None,
            };
            if !days.contains(&day) {
                days.push(day);
            }
        }
        days.sort_by_key(Weekday::number_from_monday);
        let from = NaiveTime::parse_from_str(from, "%H:%M").ok()?;
        let until = NaiveTime::parse_from_str(until, "%H:%M").ok()?;
        (!days.is_empty() && from < until && !phone.trim().is_empty()).then_some(PhoneHours {
            phone,
            weekdays: days,
            from,
            until,
        })
    }

    /// The weekdays as stored: `12345`.
    pub fn weekday_digits(&self) -> String {
        self.weekdays.iter().map(|d| d.number_from_monday().to_string()).collect()
    }

    /// Whether they answer at this Stockholm wall time.
    pub fn answers_at(&self, local: NaiveDateTime) -> bool {
        self.weekdays.contains(&local.weekday()) && self.from <= local.time() && local.time() < self.until
    }

    /// The days as people say them: one run of days (`måndag–fredag`) or single days, each a
    /// pair of weekday numbers (1 = Monday) to name with the catalogue's weekday names.
    pub fn day_spans(&self) -> Vec<(u32, u32)> {
        let mut spans: Vec<(u32, u32)> = Vec::new();
        for day in self.weekdays.iter().map(Weekday::number_from_monday) {
            match spans.last_mut() {
                Some((_, last)) if *last + 1 == day => *last = day,
                _ => spans.push((day, day)),
            }
        }
        spans
    }

    /// The hours as the pages write them: `09.00–11.30`.
    pub fn time_span(&self) -> String {
        format!("{}–{}", self.from.format("%H.%M"), self.until.format("%H.%M"))
    }
}

/// A `tel:` link for a number as people write it (`042-10 60 00` → `tel:042106000`).
pub fn tel_href(number: &str) -> String {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    fn weekday_mornings() -> PhoneHours {
        PhoneHours::from_columns("08-123 45 67".into(), "12345", "09:00", "11:30").unwrap()
    }

    #[test]
    fn they_answer_on_their_days_from_the_start_until_before_the_end() {
        let hours = weekday_mornings();
        // Monday 7 December 2026.
        assert!(!hours.answers_at(at(2026, 12, 7, 8, 59)));
        assert!(hours.answers_at(at(2026, 12, 7, 9, 0)));
        assert!(hours.answers_at(at(2026, 12, 7, 11, 29)));
        assert!(!hours.answers_at(at(2026, 12, 7, 11, 30)), "the end is not included");
        assert!(hours.answers_at(at(2026, 12, 11, 10, 0)), "Friday");
        assert!(!hours.answers_at(at(2026, 12, 12, 10, 0)), "Saturday");
        assert!(!hours.answers_at(at(2026, 12, 13, 10, 0)), "Sunday");
    }

    #[test]
    fn stored_hours_are_checked_and_read_back() {
        let hours = weekday_mornings();
        assert_eq!(hours.weekday_digits(), "12345");
        assert_eq!(hours.day_spans(), vec![(1, 5)]);
        assert_eq!(hours.time_span(), "09.00–11.30");
        let odd = PhoneHours::from_columns("1".into(), "5312", "13:00", "15:00").unwrap();
        assert_eq!(odd.day_spans(), vec![(1, 3), (5, 5)], "sorted, runs joined");
        assert_eq!(odd.weekday_digits(), "1235");
        assert_eq!(PhoneHours::from_columns("1".into(), "", "09:00", "10:00"), None, "no day");
        assert_eq!(PhoneHours::from_columns("1".into(), "18", "09:00", "10:00"), None, "no eighth day");
        assert_eq!(
            PhoneHours::from_columns("1".into(), "1", "10:00", "09:00"),
            None,
            "ends before it starts"
        );
        assert_eq!(PhoneHours::from_columns("1".into(), "1", "9", "10:00"), None);
        assert_eq!(PhoneHours::from_columns(" ".into(), "1", "09:00", "10:00"), None, "a number is needed");
        assert_eq!(tel_href("042-10 60 00"), "tel:042106000");
        assert_eq!(tel_href("+46 42 10 60 00"), "tel:+4642106000");
    }
}
