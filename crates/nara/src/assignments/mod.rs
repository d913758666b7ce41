//! Paid assignments (*timarvode*) for the plain-language group and the citizen reporters, and the
//! recruitment form that brings new people to them. The coordinator engages a reporter or a
//! plain-language reviewer for an assignment at an hourly rate; the person logs their hours per
//! day; the coordinator approves them (an approved day is locked) and exports the month for
//! payroll. Payroll identifiers are shown to the coordinator only, and every showing is audited.
//!
//! This module holds the pure rules (quarter-hours, amounts in öre, month bounds); `store` its
//! SQL, `access` who may, and the handlers by audience: `mine` (the engaged person), `coordinating`
//! (the coordinator) and `recruitment` (the public form and the coordinator's list of it).

pub mod access;
pub mod coordinating;
pub mod mine;
pub mod recruitment;
pub mod store;

use chrono::{Datelike, NaiveDate};

/// The longest description, note, payroll identifier and recruitment texts, in characters.
pub const MAX_DESCRIPTION: usize = 300;
pub const MAX_NOTE: usize = 300;
pub const MAX_PAYROLL_ID: usize = 40;
pub const MAX_NAME: usize = 120;
pub const MAX_CONTACT: usize = 200;
pub const MAX_EXPERIENCE: usize = 1_500;

/// The most one day may hold: 24 hours in quarters (the table's limit).
pub const MAX_QUARTERS: i64 = 96;

/// The highest hourly rate accepted: 10 000 kr, far above any fee, far below overflow.
pub const MAX_RATE_ORE: i64 = 10_000 * 100;

/// How long a recruitment interest is kept, in months (the form says so).
pub const KEEP_INTEREST_MONTHS: u32 = 6;

/// What the person is engaged to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    PlainReview,
    Article,
    Interview,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::PlainReview, Kind::Article, Kind::Interview, Kind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PlainReview => "plain_review",
            Kind::Article => "article",
            Kind::Interview => "interview",
            Kind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::PlainReview => "assignment-kind-plain-review",
            Kind::Article => "assignment-kind-article",
            Kind::Interview => "assignment-kind-interview",
            Kind::Other => "assignment-kind-other",
        }
    }
}

/// The role someone who sent the recruitment form is interested in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interest {
    PlainReviewer,
    Reporter,
    Both,
}

impl Interest {
    pub const ALL: [Interest; 3] = [Interest::PlainReviewer, Interest::Reporter, Interest::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            Interest::PlainReviewer => "plain_reviewer",
            Interest::Reporter => "reporter",
            Interest::Both => "both",
        }
    }

    pub fn parse(text: &str) -> Option<Interest> {
        Interest::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Interest::PlainReviewer => "recruit-role-plain-reviewer",
            Interest::Reporter => "recruit-role-reporter",
            Interest::Both => "recruit-role-both",
        }
    }
}

/// Hours and a quarter as the form has them (`2` and `45` minutes) → quarter-hours; `None` when
/// not a whole number of quarters, zero, or more than a day.
pub fn quarters_of(hours: &str, minutes: &str) -> Option<i64> {
    let hours: i64 = if hours.trim().is_empty() { 0 } else { hours.trim().parse().ok()? };
    let minutes: i64 = if minutes.trim().is_empty() { 0 } else { minutes.trim().parse().ok()? };
    if !(0..=24).contains(&hours) || !matches!(minutes, 0 | 15 | 30 | 45) {
        return None;
    }
    let quarters = hours * 4 + minutes / 15;
    (1..=MAX_QUARTERS).contains(&quarters).then_some(quarters)
}

/// Quarter-hours as hours with a decimal comma, the way Swedish payroll writes them (`2,75`).
pub fn hours_text(quarters: i64) -> String {
    let (whole, rest) = (quarters / 4, quarters % 4);
    match rest {
        0 => whole.to_string(),
        1 => format!("{whole},25"),
        2 => format!("{whole},5"),
        _ => format!("{whole},75"),
    }
}

/// What `quarters` quarter-hours at `rate_ore` an hour come to, in whole öre, a half öre rounded
/// up; `None` on overflow (never with the limits the forms keep).
pub fn amount_ore(quarters: i64, rate_ore: i64) -> Option<i64> {
    Some(quarters.checked_mul(rate_ore)?.checked_add(2)? / 4)
}

/// A month as the address names it (`2026-12`) → its first day and the first day of the next.
pub fn month_bounds(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, month) = text.trim().split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
    Some((first, first.checked_add_months(chrono::Months::new(1))?))
}

/// The month a day is in, as the address names it.
pub fn month_of(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// Why hours may not be logged on `day`: outside the assignment's dates, or in the future.
pub fn day_problem(
    day: NaiveDate,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    today: NaiveDate,
) -> Option<&'static str> {
    if day > today {
        Some("hours-error-future")
    } else if day < starts_on || day > ends_on {
        Some("hours-error-outside")
    } else {
        None
    }
}

/// The day a recruitment interest sent on `today` is deleted.
pub fn delete_interest_on(today: NaiveDate) -> NaiveDate {
    today.checked_add_months(chrono::Months::new(KEEP_INTEREST_MONTHS)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn hours_and_minutes_become_whole_quarters_within_a_day() {
        assert_eq!(quarters_of("2", "45"), Some(11));
        assert_eq!(quarters_of("0", "15"), Some(1));
        assert_eq!(quarters_of("", "30"), Some(2));
        assert_eq!(quarters_of("24", "0"), Some(96));
        assert_eq!(quarters_of("24", "15"), None, "more than a day");
        assert_eq!(quarters_of("0", "0"), None, "nothing");
        assert_eq!(quarters_of("1", "20"), None, "not a quarter");
        assert_eq!(quarters_of("-1", "45"), None);
        assert_eq!(quarters_of("två", "0"), None);
        assert_eq!(quarters_of("99999999999999999999", "0"), None);
    }

    #[test]
    fn hours_are_written_with_a_decimal_comma() {
        assert_eq!(hours_text(11), "2,75");
        assert_eq!(hours_text(8), "2");
        assert_eq!(hours_text(1), "0,25");
        assert_eq!(hours_text(6), "1,5");
    }

    #[test]
    fn amounts_are_whole_ore_with_a_half_rounded_up() {
        assert_eq!(amount_ore(4, 15_000), Some(15_000), "an hour at 150 kr");
        assert_eq!(amount_ore(11, 15_000), Some(41_250), "2,75 h");
        assert_eq!(amount_ore(1, 15_001), Some(3_750), "3 750,25 öre → 3 750");
        assert_eq!(amount_ore(1, 15_002), Some(3_751), "3 750,5 öre → 3 751");
        assert_eq!(amount_ore(96, MAX_RATE_ORE), Some(24 * MAX_RATE_ORE));
        assert_eq!(amount_ore(i64::MAX, 2), None);
    }

    #[test]
    fn a_month_runs_from_its_first_day_to_the_next_months() {
        assert_eq!(month_bounds("2026-12"), Some((day(2026, 12, 1), day(2027, 1, 1))));
        assert_eq!(month_bounds("2028-02"), Some((day(2028, 2, 1), day(2028, 3, 1))));
        assert_eq!(month_bounds("2026-13"), None);
        assert_eq!(month_bounds("2026-1"), None);
        assert_eq!(month_bounds("december"), None);
        assert_eq!(month_of(day(2026, 3, 31)), "2026-03");
    }

    #[test]
    fn hours_are_logged_within_the_assignment_and_never_ahead() {
        let (start, end, today) = (day(2026, 11, 1), day(2026, 12, 31), day(2026, 12, 6));
        assert_eq!(day_problem(day(2026, 12, 6), start, end, today), None);
        assert_eq!(day_problem(day(2026, 11, 1), start, end, today), None);
        assert_eq!(day_problem(day(2026, 12, 7), start, end, today), Some("hours-error-future"));
        assert_eq!(day_problem(day(2026, 10, 31), start, end, today), Some("hours-error-outside"));
        assert_eq!(delete_interest_on(day(2026, 8, 31)), day(2027, 2, 28));
    }

    #[test]
    fn kinds_and_interests_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        for interest in Interest::ALL {
            assert_eq!(Interest::parse(interest.as_str()), Some(interest));
        }
        assert_eq!(Kind::parse("payroll"), None);
    }
}
