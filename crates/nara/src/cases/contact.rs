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

/// The phone-hours form as typed: the number, the weekday digits ticked, and two times.
#[derive(Debug, Default, Clone)]
pub struct PhoneHoursForm {
    pub phone: String,
    pub days: Vec<String>,
    pub from: String,
    pub until: String,
}

impl PhoneHoursForm {
    /// The hours the form gives, or the fields that are wrong with their catalogue keys.
    pub fn parse(&self) -> Result<PhoneHours, Vec<(&'static str, &'static str)>> {
        let mut problems = Vec::new();
        let phone = self.phone.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        if digits < 3 || phone.chars().count() > MAX_PHONE_CHARS || phone.chars().any(char::is_control) {
            problems.push(("telefon", "phone-hours-error-phone"));
        }
        let days: String = self
            .days
            .iter()
            .filter(|d| matches!(d.as_str(), "1" | "2" | "3" | "4" | "5" | "6" | "7"))
            .map(String::as_str)
            .collect();
        if days.is_empty() {
            problems.push(("telefondag-1", "phone-hours-error-days"));
        }
        let time = |text: &str| NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
        let (from, until) = (time(&self.from), time(&self.until));
        if from.is_none() {
            problems.push(("telefon-fran", "availability-error-time"));
        }
        if until.is_none() {
            problems.push(("telefon-till", "availability-error-time"));
        } else if from.is_some() && from >= until {
            problems.push(("telefon-till", "availability-error-order"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        PhoneHours::from_columns(phone.to_string(), &days, self.from.trim(), self.until.trim())
            .ok_or_else(|| vec![("telefon", "phone-hours-error-phone")])
    }

    /// The form filled with stored hours.
    pub fn from_hours(hours: &PhoneHours) -> Self {
        Self {
            phone: hours.phone.clone(),
            days: hours.weekdays.iter().map(|d| d.number_from_monday().to_string()).collect(),
            from: hours.from.format("%H:%M").to_string(),
            until: hours.until.format("%H:%M").to_string(),
        }
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

    fn form(phone: &str, days: &[&str], from: &str, until: &str) -> PhoneHoursForm {
        PhoneHoursForm {
            phone: phone.into(),
            days: days.iter().map(|d| d.to_string()).collect(),
            from: from.into(),
            until: until.into(),
        }
    }

    #[test]
    fn the_phone_hours_form_gives_hours_or_says_what_is_wrong() {
        let hours = form("042-10 50 00", &["1", "3", "5"], "09:00", "11:30").parse().unwrap();
        assert_eq!(hours.weekday_digits(), "135");
        assert_eq!(hours.time_span(), "09.00–11.30");
        assert_eq!(PhoneHoursForm::from_hours(&hours).parse().unwrap(), hours);
        let fields = |f: PhoneHoursForm| {
            f.parse().unwrap_err().into_iter().map(|(field, _)| field).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(form("", &[], "9", "")),
            ["telefon", "telefondag-1", "telefon-fran", "telefon-till"]
        );
        assert_eq!(fields(form("042-10 50 00", &["8"], "10:00", "09:00")), ["telefondag-1", "telefon-till"]);
        assert_eq!(fields(form("042\n10", &["1"], "09:00", "10:00")), ["telefon"]);
    }

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
