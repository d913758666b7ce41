//! When a meeting series happens: its rule in Stockholm wall-clock time and the expansion of that rule
//! into occurrences in UTC.
//!
//! People remember a group as "Mondays 13:30", not as an instant, so a series keeps its local start
//! time through daylight saving: 13:30 is 12:30 UTC in January and 11:30 UTC in June. Two local times
//! need a decision each spring and autumn (Europe/Stockholm changes at 02:00/03:00 local):
//!
//! - **Spring gap** (02:00–03:00 does not exist on the last Sunday of March): a start inside the gap
//!   moves forward to the first instant after it, so 02:30 becomes 03:00 summer time. Nobody is
//!   asked to arrive before the clock has reached their time. (RFC 5545 would say 03:30; a calendar
//!   client expanding our RRULE itself may show that for this one occurrence.)
//! - **Autumn fold** (02:00–03:00 happens twice on the last Sunday of October): the first, summer-time
//!   instant is used, so people who arrive at the first 02:30 are not kept waiting an hour.
//!
//! The end of an occurrence is its start plus the duration in real elapsed minutes, so a meeting that
//! spans a change still lasts as long as planned.
//!
//! Everything here is pure: no clock, no I/O. A rule that fails [`Rule::validate`] expands to nothing.

use std::fmt;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The earliest year a series may start or end in. Before 1900 Stockholm kept local mean time, which
/// no meeting in this system will ever be scheduled in.
const FIRST_YEAR: i32 = 1900;
/// The latest year an occurrence may fall in: calendar feeds write years with four digits.
const LAST_YEAR: i32 = 9999;
/// A meeting lasts at most a day; anything longer is a mistake in the form, not a meeting.
const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// Which occurrence of a weekday in a month: First..Fourth, or Last.
///
/// There is no Fifth: not every month has one, and "the last" is what people mean by it. Every month
/// has at least four of each weekday, so First..Fourth and Last always name a date in the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeekdayOrdinal {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl WeekdayOrdinal {
    pub const ALL: [WeekdayOrdinal; 5] = [Self::First, Self::Second, Self::Third, Self::Fourth, Self::Last];

    /// This occurrence of `weekday` in the given month, e.g. the last Wednesday of January 2019.
    /// `None` only for a month that does not exist (or lies at the edge of the representable dates).
    pub fn date_in(self, year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
        let first_of_month = NaiveDate::from_ymd_opt(year, month, 1)?;
        match self.position() {
            Some(n) => {
                let first_match = days_forward(first_of_month.weekday(), weekday);
                first_of_month.checked_add_days(Days::new(u64::from(first_match + 7 * (n - 1))))
            }
            None => {
                let last_of_month = first_of_month.checked_add_months(Months::new(1))?.pred_opt()?;
                last_of_month
                    .checked_sub_days(Days::new(u64::from(days_forward(weekday, last_of_month.weekday()))))
            }
        }
    }

    /// The ordinals that name `date` on its weekday, for offering choices in a form: 28 January 2019
    /// is both the fourth and the last Monday of its month.
    pub fn describing(date: NaiveDate) -> Vec<WeekdayOrdinal> {
        Self::ALL
            .into_iter()
            .filter(|ordinal| ordinal.date_in(date.year(), date.month(), date.weekday()) == Some(date))
            .collect()
    }

    /// 1..=4 for First..Fourth; `None` for Last, which counts from the end.
    fn position(self) -> Option<u32> {
        match self {
            Self::First => Some(1),
            Self::Second => Some(2),
            Self::Third => Some(3),
            Self::Fourth => Some(4),
            Self::Last => None,
        }
    }

    /// The number in front of an RFC 5545 BYDAY weekday: `3MO`, `-1WE`.
    fn rrule_number(self) -> i32 {
        self.position().map_or(-1, |n| n as i32)
    }
}

impl fmt::Display for WeekdayOrdinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::First => "first",
            Self::Second => "second",
            Self::Third => "third",
            Self::Fourth => "fourth",
            Self::Last => "last",
        })
    }
}

/// How often a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Every `interval` weeks on the start date's weekday.
    Weekly { interval: u32 },
    /// Every `interval` months on e.g. the third Monday or the last Wednesday.
    MonthlyByWeekday { interval: u32, ordinal: WeekdayOrdinal, weekday: Weekday },
    /// A single event (no repetition).
    Once,
}

/// When a repeating series stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// After this many occurrences, the first included.
    Count(u32),
    /// With the last occurrence on or before this local date (inclusive).
    Until(NaiveDate),
}

/// A series' schedule in local (Europe/Stockholm) wall-clock time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The first occurrence's date; for monthly rules it must itself match the rule.
    pub first_date: NaiveDate,
    /// Local wall-clock start, e.g. 13:30, on a whole minute.
    pub start_time: NaiveTime,
    /// 1..=1440 real minutes.
    pub duration_minutes: u32,
    pub frequency: Frequency,
    /// Ignored for [`Frequency::Once`].
    pub end: End,
}

/// One meeting of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// 0-based position in the series.
    pub index: u32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The Stockholm calendar date the rule put it on.
    pub local_date: NaiveDate,
}

/// Why a rule cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// "Every 0 weeks".
    ZeroInterval,
    /// `End::Count(0)` on a repeating series.
    ZeroCount,
    /// `End::Until` a date before the series begins.
    UntilBeforeFirstDate { first_date: NaiveDate, until: NaiveDate },
    /// A monthly series whose first date is not e.g. the last Wednesday it claims to be.
    FirstDateNotOnRule { first_date: NaiveDate, ordinal: WeekdayOrdinal, weekday: Weekday },
    /// 0 minutes, or more than a day.
    DurationOutOfRange { minutes: u32 },
    /// Seconds (or fractions) in the start time; meetings start on whole minutes.
    StartTimeNotWholeMinute { start_time: NaiveTime },
    /// A first date or end date outside the years 1900–9999.
    DateOutOfRange { date: NaiveDate },
    /// Stored text written by a newer (or unknown) format version.
    UnsupportedStorageVersion { version: u32 },
    /// Stored text that is not a rule at all.
    Storage(String),
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ZeroInterval => f.write_str("the interval must be at least 1"),
            Self::ZeroCount => f.write_str("a series must have at least one occurrence"),
            Self::UntilBeforeFirstDate { first_date, until } => {
                write!(f, "the end date {until} is before the first date {first_date}")
            }
            Self::FirstDateNotOnRule { first_date, ordinal, weekday } => {
                write!(f, "the first date {first_date} is not the {ordinal} {weekday} of its month")
            }
            Self::DurationOutOfRange { minutes } => {
                write!(f, "the duration must be 1 to {MAX_DURATION_MINUTES} minutes, not {minutes}")
            }
            Self::StartTimeNotWholeMinute { start_time } => {
                write!(f, "the start time {start_time} is not on a whole minute")
            }
            Self::DateOutOfRange { date } => {
                write!(f, "the date {date} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
            }
            Self::UnsupportedStorageVersion { version } => {
                write!(f, "stored rule has unsupported format version {version}")
            }
            Self::Storage(reason) => write!(f, "stored rule could not be read: {reason}"),
        }
    }
}

impl std::error::Error for RuleError {}

impl Rule {
    /// Checks everything [`Rule::occurrences`], [`Rule::rrule`] and storage rely on.
    pub fn validate(&self) -> Result<(), RuleError> {
        self.validate_time()?;
        check_year(self.first_date)?;
        match self.frequency {
            Frequency::Once => Ok(()),
            Frequency::Weekly { interval } => {
                check_interval(interval)?;
                self.validate_end()
            }
            Frequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                check_interval(interval)?;
                let date = self.first_date;
                if ordinal.date_in(date.year(), date.month(), weekday) != Some(date) {
                    return Err(RuleError::FirstDateNotOnRule { first_date: date, ordinal, weekday });
                }
                self.validate_end()
            }
        }
    }

    /// All occurrences, at most `limit` (a safety cap, e.g. 500), oldest first. Empty for an invalid
    /// rule. A series also stops at the end of year 9999.
    pub fn occurrences(&self, limit: usize) -> Vec<Occurrence> {
        if self.validate().is_err() {
            return Vec::new();
        }
        let (count, until) = self.bounds();
        std::iter::successors(Some(self.first_date), |date| self.following(*date))
            .take_while(|date| date.year() <= LAST_YEAR && until.is_none_or(|until| *date <= until))
            .take(count.min(limit))
            // A bounded index range: u32 can never overflow here, whatever the limit.
            .zip(0..=u32::MAX)
            .map_while(|(date, index)| self.occurrence(index, date))
            .collect()
    }

    /// Compact text for storage, read back by [`Rule::from_storage`]. The format is versioned and
    /// independent of these Rust types, so renaming a variant never changes stored rows.
    pub fn to_storage(&self) -> String {
        // A struct of strings and integers always serialises; serde_json only fails on I/O or
        // non-string map keys, and there are neither here.
        serde_json::to_string(&StoredRule::from(self)).expect("a stored rule always serialises")
    }

    /// Reads text written by [`Rule::to_storage`]; the rule must also pass [`Rule::validate`].
    pub fn from_storage(text: &str) -> Result<Self, RuleError> {
        // The version is read on its own first, so that a newer format is reported as such rather
        // than as a confusing missing or unknown field.
        let version: StoredVersion = serde_json::from_str(text).map_err(storage_error)?;
        if version.v != STORAGE_VERSION {
            return Err(RuleError::UnsupportedStorageVersion { version: version.v });
        }
        let stored: StoredRule = serde_json::from_str(text).map_err(storage_error)?;
        let rule = Rule::try_from(stored)?;
        rule.validate()?;
        Ok(rule)
    }

    /// An RFC 5545 RRULE value for calendar feeds, to go with a DTSTART in Europe/Stockholm, e.g.
    /// `FREQ=MONTHLY;BYDAY=-1WE;COUNT=10` or `FREQ=WEEKLY;INTERVAL=2;UNTIL=20270601T215959Z`.
    /// `None` for a single event, and for a rule that does not validate.
    pub fn rrule(&self) -> Option<String> {
        self.validate().ok()?;
        let mut parts = Vec::new();
        match self.frequency {
            Frequency::Once => return None,
            Frequency::Weekly { interval } => {
                parts.push("FREQ=WEEKLY".to_string());
                parts.extend(rrule_interval(interval));
            }
            Frequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                parts.push("FREQ=MONTHLY".to_string());
                parts.extend(rrule_interval(interval));
                parts.push(format!("BYDAY={}{}", ordinal.rrule_number(), weekday_code(weekday)));
            }
        }
        parts.push(match self.end {
            End::Count(count) => format!("COUNT={count}"),
            // RFC 5545 requires UNTIL in UTC when DTSTART has a time zone; the end of the local day
            // keeps an occurrence on that date included.
            End::Until(until) => {
                format!("UNTIL={}", crate::stockholm::end_of_day(until)?.format("%Y%m%dT%H%M%SZ"))
            }
        });
        Some(parts.join(";"))
    }

    fn validate_time(&self) -> Result<(), RuleError> {
        if self.start_time.second() != 0 || self.start_time.nanosecond() != 0 {
            return Err(RuleError::StartTimeNotWholeMinute { start_time: self.start_time });
        }
        if self.duration_minutes == 0 || self.duration_minutes > MAX_DURATION_MINUTES {
            return Err(RuleError::DurationOutOfRange { minutes: self.duration_minutes });
        }
        Ok(())
    }

    fn validate_end(&self) -> Result<(), RuleError> {
        match self.end {
            End::Count(0) => Err(RuleError::ZeroCount),
            End::Count(_) => Ok(()),
            End::Until(until) => {
                check_year(until)?;
                if until < self.first_date {
                    return Err(RuleError::UntilBeforeFirstDate { first_date: self.first_date, until });
                }
                Ok(())
            }
        }
    }

    /// How many occurrences at most, and the last date allowed, after the end rule.
    fn bounds(&self) -> (usize, Option<NaiveDate>) {
        match (self.frequency, self.end) {
            (Frequency::Once, _) => (1, None),
            (_, End::Count(count)) => (usize::try_from(count).unwrap_or(usize::MAX), None),
            (_, End::Until(until)) => (usize::MAX, Some(until)),
        }
    }

    /// The date after `date` in the series, without regard to its end.
    fn following(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self.frequency {
            Frequency::Once => None,
            Frequency::Weekly { interval } => date.checked_add_days(Days::new(7 * u64::from(interval))),
            Frequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                // Only the month carries over from one occurrence to the next; the ordinal picks the
                // day afresh, so the 30th of one month never pulls the next towards its end.
                let month = date.with_day(1)?.checked_add_months(Months::new(interval))?;
                ordinal.date_in(month.year(), month.month(), weekday)
            }
        }
    }

    fn occurrence(&self, index: u32, local_date: NaiveDate) -> Option<Occurrence> {
        let starts_at = crate::stockholm::to_utc(local_date.and_time(self.start_time))?;
        let ends_at =
            starts_at.checked_add_signed(TimeDelta::try_minutes(i64::from(self.duration_minutes))?)?;
        Some(Occurrence { index, starts_at, ends_at, local_date })
    }
}

fn check_interval(interval: u32) -> Result<(), RuleError> {
    if interval == 0 { Err(RuleError::ZeroInterval) } else { Ok(()) }
}

fn check_year(date: NaiveDate) -> Result<(), RuleError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(RuleError::DateOutOfRange { date })
    }
}

/// Days forward from one weekday to the next `to` (0 when they are the same).
fn days_forward(from: Weekday, to: Weekday) -> u32 {
    (7 + to.num_days_from_monday() - from.num_days_from_monday()) % 7
}

fn rrule_interval(interval: u32) -> Option<String> {
    // INTERVAL=1 is the default; leaving it out keeps feeds in the form calendar clients write.
    (interval != 1).then(|| format!("INTERVAL={interval}"))
}

/// RFC 5545's two-letter weekday, also used in storage.
fn weekday_code(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn weekday_from_code(code: &str) -> Option<Weekday> {
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        .into_iter()
        .find(|weekday| weekday_code(*weekday) == code)
}

// ---- Storage -------------------------------------------------------------------------------------
//
// Dates, times and weekdays are written as plain strings by this module rather than through chrono's
// serde support, so the stored format depends on nothing but the code below. Example:
// {"v":1,"first_date":"2019-01-30","start_time":"13:30","duration_minutes":120,
//  "frequency":{"kind":"monthly_by_weekday","interval":1,"ordinal":"last","weekday":"WE"},"end":{"count":10}}

const STORAGE_VERSION: u32 = 1;
const DATE_FORMAT: &str = "%Y-%m-%d";
const TIME_FORMAT: &str = "%H:%M";

/// Just the version, read leniently before anything else.
#[derive(Deserialize)]
struct StoredVersion {
    v: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredRule {
    v: u32,
    first_date: String,
    start_time: String,
    duration_minutes: u32,
    frequency: StoredFrequency,
    end: StoredEnd,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum StoredFrequency {
    Weekly { interval: u32 },
    MonthlyByWeekday { interval: u32, ordinal: StoredOrdinal, weekday: String },
    Once,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StoredOrdinal {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum StoredEnd {
    Count(u32),
    Until(String),
}

impl From<&Rule> for StoredRule {
    fn from(rule: &Rule) -> Self {
        StoredRule {
            v: STORAGE_VERSION,
            first_date: rule.first_date.format(DATE_FORMAT).to_string(),
            start_time: rule.start_time.format(TIME_FORMAT).to_string(),
            duration_minutes: rule.duration_minutes,
            frequency: match rule.frequency {
                Frequency::Weekly { interval } => StoredFrequency::Weekly { interval },
                Frequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                    StoredFrequency::MonthlyByWeekday {
                        interval,
                        ordinal: ordinal.into(),
                        weekday: weekday_code(weekday).to_string(),
                    }
                }
                Frequency::Once => StoredFrequency::Once,
            },
            end: match rule.end {
                End::Count(count) => StoredEnd::Count(count),
                End::Until(until) => StoredEnd::Until(until.format(DATE_FORMAT).to_string()),
            },
        }
    }
}

impl TryFrom<StoredRule> for Rule {
    type Error = RuleError;

    fn try_from(stored: StoredRule) -> Result<Self, RuleError> {
        Ok(Rule {
            first_date: parse_date(&stored.first_date)?,
            start_time: NaiveTime::parse_from_str(&stored.start_time, TIME_FORMAT)
                .map_err(|_| RuleError::Storage(format!("bad start time {:?}", stored.start_time)))?,
            duration_minutes: stored.duration_minutes,
            frequency: match stored.frequency {
                StoredFrequency::Weekly { interval } => Frequency::Weekly { interval },
                StoredFrequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                    Frequency::MonthlyByWeekday {
                        interval,
                        ordinal: ordinal.into(),
                        weekday: weekday_from_code(&weekday)
                            .ok_or_else(|| RuleError::Storage(format!("bad weekday {weekday:?}")))?,
                    }
                }
                StoredFrequency::Once => Frequency::Once,
            },
            end: match stored.end {
                StoredEnd::Count(count) => End::Count(count),
                StoredEnd::Until(until) => End::Until(parse_date(&until)?),
            },
        })
    }
}

impl From<WeekdayOrdinal> for StoredOrdinal {
    fn from(ordinal: WeekdayOrdinal) -> Self {
        match ordinal {
            WeekdayOrdinal::First => Self::First,
            WeekdayOrdinal::Second => Self::Second,
            WeekdayOrdinal::Third => Self::Third,
            WeekdayOrdinal::Fourth => Self::Fourth,
            WeekdayOrdinal::Last => Self::Last,
        }
    }
}

impl From<StoredOrdinal> for WeekdayOrdinal {
    fn from(ordinal: StoredOrdinal) -> Self {
        match ordinal {
            StoredOrdinal::First => Self::First,
            StoredOrdinal::Second => Self::Second,
            StoredOrdinal::Third => Self::Third,
            StoredOrdinal::Fourth => Self::Fourth,
            StoredOrdinal::Last => Self::Last,
        }
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, RuleError> {
    NaiveDate::parse_from_str(text, DATE_FORMAT).map_err(|_| RuleError::Storage(format!("bad date {text:?}")))
}

fn storage_error(error: serde_json::Error) -> RuleError {
    RuleError::Storage(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Stockholm;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn rule(first_date: NaiveDate, start_time: NaiveTime, frequency: Frequency, end: End) -> Rule {
        Rule { first_date, start_time, duration_minutes: 120, frequency, end }
    }

    fn weekly(interval: u32) -> Frequency {
        Frequency::Weekly { interval }
    }

    fn monthly(ordinal: WeekdayOrdinal, weekday: Weekday) -> Frequency {
        Frequency::MonthlyByWeekday { interval: 1, ordinal, weekday }
    }

    /// The relatives' self-help group: "onsdag 30 januari 2019 13:30–15:30, därefter sista onsdagen
    /// varje månad", ten times.
    fn self_help_group() -> Rule {
        rule(date(2019, 1, 30), time(13, 30), monthly(WeekdayOrdinal::Last, Weekday::Wed), End::Count(10))
    }

    fn dates(occurrences: &[Occurrence]) -> Vec<String> {
        occurrences.iter().map(|o| o.local_date.to_string()).collect()
    }

    #[test]
    fn the_self_help_group_meets_the_last_wednesday_ten_times() {
        let occurrences = self_help_group().occurrences(500);
        assert_eq!(
            dates(&occurrences),
            [
                "2019-01-30",
                "2019-02-27",
                "2019-03-27",
                "2019-04-24",
                "2019-05-29",
                "2019-06-26",
                "2019-07-31",
                "2019-08-28",
                "2019-09-25",
                "2019-10-30"
            ]
        );
        assert_eq!(occurrences.iter().map(|o| o.index).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn the_self_help_group_keeps_13_30_through_summer_time() {
        // Summer time 2019: 31 March to 27 October. 13:30 is 12:30Z in winter and 11:30Z in summer.
        let occurrences = self_help_group().occurrences(500);
        let starts: Vec<DateTime<Utc>> = occurrences.iter().map(|o| o.starts_at).collect();
        assert_eq!(starts[0], utc(2019, 1, 30, 12, 30));
        assert_eq!(starts[2], utc(2019, 3, 27, 12, 30));
        assert_eq!(starts[3], utc(2019, 4, 24, 11, 30));
        assert_eq!(starts[8], utc(2019, 9, 25, 11, 30));
        assert_eq!(starts[9], utc(2019, 10, 30, 12, 30));
        for occurrence in &occurrences {
            let summer = (date(2019, 3, 31)..date(2019, 10, 27)).contains(&occurrence.local_date);
            assert_eq!(occurrence.starts_at.time(), if summer { time(11, 30) } else { time(12, 30) });
            assert_eq!(occurrence.ends_at - occurrence.starts_at, TimeDelta::hours(2));
        }
    }

    #[test]
    fn a_weekly_group_keeps_its_local_time_across_the_spring_change() {
        // Summer time starts Sunday 29 March 2026.
        let group = rule(date(2026, 3, 19), time(18, 0), weekly(1), End::Count(3));
        let starts: Vec<_> = group.occurrences(500).iter().map(|o| o.starts_at).collect();
        assert_eq!(starts, [utc(2026, 3, 19, 17, 0), utc(2026, 3, 26, 17, 0), utc(2026, 4, 2, 16, 0)]);
    }

    #[test]
    fn until_includes_its_own_date() {
        let on_the_day = rule(date(2026, 1, 5), time(10, 0), weekly(1), End::Until(date(2026, 1, 26)));
        assert_eq!(
            dates(&on_the_day.occurrences(500)),
            ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
        );
        let day_before = Rule { end: End::Until(date(2026, 1, 25)), ..on_the_day };
        assert_eq!(day_before.occurrences(500).len(), 3);
        let same_day = Rule { end: End::Until(date(2026, 1, 5)), ..day_before };
        assert_eq!(dates(&same_day.occurrences(500)), ["2026-01-05"]);
    }

    #[test]
    fn every_second_week() {
        let group = rule(date(2026, 1, 7), time(10, 0), weekly(2), End::Count(3));
        assert_eq!(dates(&group.occurrences(500)), ["2026-01-07", "2026-01-21", "2026-02-04"]);
    }

    #[test]
    fn a_single_event_happens_once_whatever_its_end_says() {
        for end in [End::Count(0), End::Count(5), End::Until(date(2000, 1, 1))] {
            let event =
                Rule { duration_minutes: 90, ..rule(date(2026, 6, 10), time(9, 0), Frequency::Once, end) };
            assert_eq!(event.validate(), Ok(()));
            assert_eq!(
                event.occurrences(500),
                [Occurrence {
                    index: 0,
                    starts_at: utc(2026, 6, 10, 7, 0),
                    ends_at: utc(2026, 6, 10, 8, 30),
                    local_date: date(2026, 6, 10),
                }]
            );
        }
    }

    #[test]
    fn the_limit_caps_a_series() {
        let long = rule(date(2026, 1, 5), time(10, 0), weekly(1), End::Count(100));
        assert_eq!(long.occurrences(5).len(), 5);
        assert_eq!(long.occurrences(5), long.occurrences(500)[..5]);
        assert!(long.occurrences(0).is_empty());
        let endless = Rule { end: End::Until(date(9999, 12, 31)), ..long };
        assert_eq!(endless.occurrences(500).len(), 500);
    }

    #[test]
    fn a_series_stops_at_the_end_of_year_9999() {
        let late = rule(date(9999, 12, 6), time(10, 0), weekly(1), End::Count(10));
        assert_eq!(dates(&late.occurrences(500)), ["9999-12-06", "9999-12-13", "9999-12-20", "9999-12-27"]);
        let huge_interval = rule(date(2026, 1, 5), time(10, 0), weekly(u32::MAX), End::Count(10));
        assert_eq!(huge_interval.occurrences(500).len(), 1);
        let huge_months = Rule {
            frequency: Frequency::MonthlyByWeekday {
                interval: u32::MAX,
                ordinal: WeekdayOrdinal::First,
                weekday: Weekday::Mon,
            },
            ..huge_interval
        };
        assert_eq!(huge_months.occurrences(500).len(), 1);
    }

    #[test]
    fn the_development_group_meets_the_third_monday() {
        let group = rule(
            date(2026, 1, 19),
            time(13, 30),
            monthly(WeekdayOrdinal::Third, Weekday::Mon),
            End::Count(12),
        );
        assert_eq!(
            dates(&group.occurrences(500)),
            [
                "2026-01-19",
                "2026-02-16",
                "2026-03-16",
                "2026-04-20",
                "2026-05-18",
                "2026-06-15",
                "2026-07-20",
                "2026-08-17",
                "2026-09-21",
                "2026-10-19",
                "2026-11-16",
                "2026-12-21"
            ]
        );
    }

    #[test]
    fn the_first_monday_through_a_year() {
        let group = rule(
            date(2027, 1, 4),
            time(13, 30),
            monthly(WeekdayOrdinal::First, Weekday::Mon),
            End::Until(date(2027, 12, 31)),
        );
        let occurrences = group.occurrences(500);
        assert_eq!(
            dates(&occurrences),
            [
                "2027-01-04",
                "2027-02-01",
                "2027-03-01",
                "2027-04-05",
                "2027-05-03",
                "2027-06-07",
                "2027-07-05",
                "2027-08-02",
                "2027-09-06",
                "2027-10-04",
                "2027-11-01",
                "2027-12-06"
            ]
        );
        // Summer time 2027: 28 March to 31 October.
        assert_eq!(occurrences[2].starts_at, utc(2027, 3, 1, 12, 30));
        assert_eq!(occurrences[3].starts_at, utc(2027, 4, 5, 11, 30));
        assert_eq!(occurrences[9].starts_at, utc(2027, 10, 4, 11, 30));
        assert_eq!(occurrences[10].starts_at, utc(2027, 11, 1, 12, 30));
    }

    #[test]
    fn every_second_month_on_the_fourth_thursday_stays_in_its_month() {
        let group = Rule {
            frequency: Frequency::MonthlyByWeekday {
                interval: 2,
                ordinal: WeekdayOrdinal::Fourth,
                weekday: Weekday::Thu,
            },
            ..rule(date(2026, 1, 22), time(9, 0), Frequency::Once, End::Count(4))
        };
        assert_eq!(dates(&group.occurrences(500)), ["2026-01-22", "2026-03-26", "2026-05-28", "2026-07-23"]);
    }

    #[test]
    fn ordinals_describing_a_date() {
        assert_eq!(
            WeekdayOrdinal::describing(date(2019, 1, 28)),
            [WeekdayOrdinal::Fourth, WeekdayOrdinal::Last]
        );
        assert_eq!(WeekdayOrdinal::describing(date(2019, 1, 30)), [WeekdayOrdinal::Last]);
        assert_eq!(WeekdayOrdinal::describing(date(2026, 1, 19)), [WeekdayOrdinal::Third]);
        assert_eq!(WeekdayOrdinal::Last.date_in(2024, 2, Weekday::Thu), Some(date(2024, 2, 29)));
        assert_eq!(WeekdayOrdinal::First.date_in(2024, 13, Weekday::Thu), None);
    }

    #[test]
    fn a_start_in_the_spring_gap_moves_to_the_end_of_the_gap() {
        // 29 March 2026: the clock goes from 02:00 to 03:00, so there is no 02:30.
        let night =
            Rule { duration_minutes: 60, ..rule(date(2026, 3, 22), time(2, 30), weekly(1), End::Count(3)) };
        let occurrences = night.occurrences(500);
        assert_eq!(occurrences[0].starts_at, utc(2026, 3, 22, 1, 30));
        // 03:00 summer time, the first instant after the gap; it still lasts an hour.
        assert_eq!(occurrences[1].starts_at, utc(2026, 3, 29, 1, 0));
        assert_eq!(occurrences[1].starts_at.with_timezone(&Stockholm).time(), time(3, 0));
        assert_eq!(occurrences[1].ends_at, utc(2026, 3, 29, 2, 0));
        assert_eq!(occurrences[1].local_date, date(2026, 3, 29));
        assert_eq!(occurrences[2].starts_at, utc(2026, 4, 5, 0, 30));
    }

    #[test]
    fn a_start_in_the_autumn_fold_takes_the_first_of_the_two() {
        // 25 October 2026: the clock goes from 03:00 back to 02:00, so 02:30 happens twice.
        let night = Rule {
            duration_minutes: 60,
            ..rule(date(2026, 10, 25), time(2, 30), Frequency::Once, End::Count(1))
        };
        let occurrence = night.occurrences(500)[0];
        assert_eq!(occurrence.starts_at, utc(2026, 10, 25, 0, 30)); // 02:30 summer time
        // An hour of real time later it is 02:30 again, on winter time.
        assert_eq!(occurrence.ends_at, utc(2026, 10, 25, 1, 30));
        assert_eq!(occurrence.ends_at.with_timezone(&Stockholm).time(), time(2, 30));
    }

    #[test]
    fn validate_names_what_is_wrong() {
        let good = self_help_group();
        assert_eq!(good.validate(), Ok(()));
        let cases = [
            (Rule { frequency: weekly(0), ..good.clone() }, RuleError::ZeroInterval),
            (
                Rule {
                    frequency: Frequency::MonthlyByWeekday {
                        interval: 0,
                        ordinal: WeekdayOrdinal::Last,
                        weekday: Weekday::Wed,
                    },
                    ..good.clone()
                },
                RuleError::ZeroInterval,
            ),
            (Rule { end: End::Count(0), ..good.clone() }, RuleError::ZeroCount),
            (
                Rule { end: End::Until(date(2019, 1, 29)), ..good.clone() },
                RuleError::UntilBeforeFirstDate { first_date: date(2019, 1, 30), until: date(2019, 1, 29) },
            ),
            (
                Rule { first_date: date(2019, 1, 23), ..good.clone() },
                RuleError::FirstDateNotOnRule {
                    first_date: date(2019, 1, 23),
                    ordinal: WeekdayOrdinal::Last,
                    weekday: Weekday::Wed,
                },
            ),
            (
                Rule { first_date: date(2019, 1, 31), ..good.clone() },
                RuleError::FirstDateNotOnRule {
                    first_date: date(2019, 1, 31),
                    ordinal: WeekdayOrdinal::Last,
                    weekday: Weekday::Wed,
                },
            ),
            (Rule { duration_minutes: 0, ..good.clone() }, RuleError::DurationOutOfRange { minutes: 0 }),
            (
                Rule { duration_minutes: 1441, ..good.clone() },
                RuleError::DurationOutOfRange { minutes: 1441 },
            ),
            (
                Rule { start_time: NaiveTime::from_hms_opt(13, 30, 15).unwrap(), ..good.clone() },
                RuleError::StartTimeNotWholeMinute {
                    start_time: NaiveTime::from_hms_opt(13, 30, 15).unwrap(),
                },
            ),
            (
                Rule { first_date: date(1899, 12, 27), ..good.clone() },
                RuleError::DateOutOfRange { date: date(1899, 12, 27) },
            ),
            (
                Rule { end: End::Until(date(10000, 1, 1)), ..good.clone() },
                RuleError::DateOutOfRange { date: date(10000, 1, 1) },
            ),
        ];
        for (rule, error) in cases {
            assert_eq!(rule.validate(), Err(error.clone()), "{rule:?}");
            assert!(rule.occurrences(500).is_empty(), "an invalid rule expands to nothing: {rule:?}");
            assert_eq!(rule.rrule(), None);
            assert!(!error.to_string().is_empty());
        }
        assert_eq!(Rule { duration_minutes: 1440, ..good }.validate(), Ok(()));
    }

    #[test]
    fn error_messages_read_well() {
        let error = RuleError::FirstDateNotOnRule {
            first_date: date(2019, 1, 23),
            ordinal: WeekdayOrdinal::Last,
            weekday: Weekday::Wed,
        };
        assert_eq!(error.to_string(), "the first date 2019-01-23 is not the last Wed of its month");
    }

    #[test]
    fn the_storage_format_is_pinned() {
        // Stored rows outlive this code: this text must keep reading back the same rule.
        let text = r#"{"v":1,"first_date":"2019-01-30","start_time":"13:30","duration_minutes":120,"frequency":{"kind":"monthly_by_weekday","interval":1,"ordinal":"last","weekday":"WE"},"end":{"count":10}}"#;
        assert_eq!(self_help_group().to_storage(), text);
        assert_eq!(Rule::from_storage(text), Ok(self_help_group()));
        let weekly = r#"{"v":1,"first_date":"2026-01-07","start_time":"09:05","duration_minutes":45,"frequency":{"kind":"weekly","interval":2},"end":{"until":"2026-06-30"}}"#;
        let once = r#"{"v":1,"first_date":"2026-06-10","start_time":"18:00","duration_minutes":60,"frequency":{"kind":"once"},"end":{"count":1}}"#;
        for text in [weekly, once] {
            assert_eq!(Rule::from_storage(text).unwrap().to_storage(), text);
        }
    }

    #[test]
    fn every_kind_round_trips_through_storage() {
        let rules = [
            self_help_group(),
            rule(date(2026, 1, 7), time(9, 5), weekly(2), End::Until(date(2026, 6, 30))),
            rule(date(2026, 6, 10), time(0, 0), Frequency::Once, End::Count(1)),
            rule(
                date(2026, 1, 19),
                time(23, 59),
                monthly(WeekdayOrdinal::Third, Weekday::Mon),
                End::Count(3),
            ),
        ];
        for rule in rules {
            assert_eq!(Rule::from_storage(&rule.to_storage()), Ok(rule));
        }
    }

    #[test]
    fn unreadable_or_invalid_storage_is_an_error() {
        let valid = self_help_group().to_storage();
        let cases = [
            ("", "storage"),
            ("not json", "storage"),
            (r#"{"v":2,"anything":"new"}"#, "version"),
            (&valid.replace(r#""v":1,"#, r#""v":1,"extra":true,"#), "storage"),
            (&valid.replace("\"WE\"", "\"XX\""), "storage"),
            (&valid.replace("13:30", "25:00"), "storage"),
            (&valid.replace("2019-01-30", "2019-02-30"), "storage"),
            (&valid.replace(r#""count":10"#, r#""count":-1"#), "storage"),
        ];
        for (text, kind) in cases {
            let error = Rule::from_storage(text).unwrap_err();
            let matches = match kind {
                "version" => matches!(error, RuleError::UnsupportedStorageVersion { version: 2 }),
                _ => matches!(error, RuleError::Storage(_)),
            };
            assert!(matches, "{text}: {error:?}");
        }
        // Well-formed text for a rule that does not validate is refused with the reason.
        let zero = valid.replace(r#""count":10"#, r#""count":0"#);
        assert_eq!(Rule::from_storage(&zero), Err(RuleError::ZeroCount));
        let wrong_day = valid.replace("2019-01-30", "2019-01-23");
        assert!(matches!(Rule::from_storage(&wrong_day), Err(RuleError::FirstDateNotOnRule { .. })));
    }

    #[test]
    fn rrules_for_each_kind() {
        assert_eq!(self_help_group().rrule().as_deref(), Some("FREQ=MONTHLY;BYDAY=-1WE;COUNT=10"));
        let third_monday = Rule {
            frequency: Frequency::MonthlyByWeekday {
                interval: 2,
                ordinal: WeekdayOrdinal::Third,
                weekday: Weekday::Mon,
            },
            // Winter: the end of 31 December local is 22:59:59Z.
            end: End::Until(date(2026, 12, 31)),
            ..rule(date(2026, 1, 19), time(13, 30), Frequency::Once, End::Count(1))
        };
        assert_eq!(
            third_monday.rrule().as_deref(),
            Some("FREQ=MONTHLY;INTERVAL=2;BYDAY=3MO;UNTIL=20261231T225959Z")
        );
        // Summer: the end of 1 June local is 21:59:59Z.
        let fortnightly = rule(date(2026, 1, 7), time(10, 0), weekly(2), End::Until(date(2027, 6, 1)));
        assert_eq!(fortnightly.rrule().as_deref(), Some("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270601T215959Z"));
        let every_week = rule(date(2026, 1, 7), time(10, 0), weekly(1), End::Count(8));
        assert_eq!(every_week.rrule().as_deref(), Some("FREQ=WEEKLY;COUNT=8"));
        let first_friday =
            rule(date(2026, 5, 1), time(10, 0), monthly(WeekdayOrdinal::First, Weekday::Fri), End::Count(2));
        assert_eq!(first_friday.rrule().as_deref(), Some("FREQ=MONTHLY;BYDAY=1FR;COUNT=2"));
        let once = rule(date(2026, 1, 7), time(10, 0), Frequency::Once, End::Count(1));
        assert_eq!(once.rrule(), None);
    }

    mod properties {
        use super::*;
        use chrono::offset::LocalResult;
        use proptest::prelude::*;

        const WEEKDAYS: [Weekday; 7] = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];

        fn any_weekday() -> impl Strategy<Value = Weekday> {
            prop::sample::select(WEEKDAYS.to_vec())
        }

        fn any_ordinal() -> impl Strategy<Value = WeekdayOrdinal> {
            prop::sample::select(WeekdayOrdinal::ALL.to_vec())
        }

        /// Any whole-minute time of day, so the spring gap and autumn fold come up too.
        fn any_start_time() -> impl Strategy<Value = NaiveTime> {
            (0..24u32, 0..60u32).prop_map(|(h, m)| time(h, m))
        }

        fn a_date_2020_to_2035() -> impl Strategy<Value = NaiveDate> {
            (0..(16 * 365u64)).prop_map(|days| date(2020, 1, 1) + Days::new(days))
        }

        fn weekly_start() -> impl Strategy<Value = (NaiveDate, Frequency)> {
            (a_date_2020_to_2035(), 1..=4u32)
                .prop_map(|(first, interval)| (first, Frequency::Weekly { interval }))
        }

        fn monthly_start() -> impl Strategy<Value = (NaiveDate, Frequency)> {
            (2020..=2035i32, 1..=12u32, any_ordinal(), any_weekday(), 1..=12u32).prop_map(
                |(year, month, ordinal, weekday, interval)| {
                    let first = ordinal.date_in(year, month, weekday).unwrap();
                    (first, Frequency::MonthlyByWeekday { interval, ordinal, weekday })
                },
            )
        }

        fn valid_rule() -> impl Strategy<Value = Rule> {
            let start = prop_oneof![weekly_start(), monthly_start()];
            let end = prop_oneof![(1..=60u32).prop_map(Some), Just(None)];
            (start, any_start_time(), 1..=1440u32, end, 0..=3 * 366u64).prop_map(
                |((first_date, frequency), start_time, duration_minutes, count, until_days)| Rule {
                    first_date,
                    start_time,
                    duration_minutes,
                    frequency,
                    end: count.map_or(End::Until(first_date + Days::new(until_days)), End::Count),
                },
            )
        }

        /// Any rule at all, valid or not, with dates across everything chrono can represent.
        fn any_rule() -> impl Strategy<Value = Rule> {
            let any_date = prop_oneof![
                a_date_2020_to_2035(),
                (-95_000_000..95_000_000i32).prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt),
                Just(NaiveDate::MIN),
                Just(NaiveDate::MAX),
                Just(date(9999, 12, 31)),
            ];
            let any_time = (0..24u32, 0..60u32, 0..60u32, 0..2_000_000_000u32)
                .prop_filter_map("a time", |(h, m, s, n)| NaiveTime::from_hms_nano_opt(h, m, s, n));
            let interval = prop_oneof![0..=3u32, any::<u32>()];
            let frequency = prop_oneof![
                interval.clone().prop_map(|interval| Frequency::Weekly { interval }),
                (interval, any_ordinal(), any_weekday()).prop_map(|(interval, ordinal, weekday)| {
                    Frequency::MonthlyByWeekday { interval, ordinal, weekday }
                }),
                Just(Frequency::Once),
            ];
            let end = prop_oneof![any::<u32>().prop_map(End::Count), any_date.clone().prop_map(End::Until)];
            (any_date, any_time, any::<u32>(), frequency, end).prop_map(
                |(first_date, start_time, duration_minutes, frequency, end)| Rule {
                    first_date,
                    start_time,
                    duration_minutes,
                    frequency,
                    end,
                },
            )
        }

        /// Series at 02:00–02:59 from a last Sunday, a year or more long, weekly or on the last Sunday
        /// of the month: they always meet a spring gap and an autumn fold, which random rules rarely do.
        fn night_rule() -> impl Strategy<Value = Rule> {
            let frequency = prop_oneof![
                Just(Frequency::Weekly { interval: 1 }),
                Just(Frequency::MonthlyByWeekday {
                    interval: 1,
                    ordinal: WeekdayOrdinal::Last,
                    weekday: Weekday::Sun
                }),
            ];
            (2020..=2035i32, 1..=12u32, 0..60u32, 1..=240u32, frequency, 12..=60u32).prop_map(
                |(year, month, minute, duration_minutes, frequency, count)| {
                    let first_date = WeekdayOrdinal::Last.date_in(year, month, Weekday::Sun).unwrap();
                    let end = match frequency {
                        // A year of Sundays, whichever one it starts on.
                        Frequency::Weekly { .. } => End::Count(count.max(53)),
                        _ => End::Count(count),
                    };
                    Rule { first_date, start_time: time(2, minute), duration_minutes, frequency, end }
                },
            )
        }

        /// Checks every occurrence's Stockholm wall-clock start; returns how many fell in a spring gap
        /// and how many in an autumn fold.
        fn check_wall_clock(rule: &Rule) -> Result<(usize, usize), TestCaseError> {
            let (mut gaps, mut folds) = (0, 0);
            for occurrence in rule.occurrences(500) {
                let local = occurrence.starts_at.with_timezone(&Stockholm);
                prop_assert_eq!(local.date_naive(), occurrence.local_date);
                match Stockholm.from_local_datetime(&occurrence.local_date.and_time(rule.start_time)) {
                    LocalResult::None => {
                        gaps += 1;
                        prop_assert_eq!(local.time(), time(3, 0));
                    }
                    LocalResult::Single(_) => prop_assert_eq!(local.time(), rule.start_time),
                    LocalResult::Ambiguous(earlier, _) => {
                        folds += 1;
                        prop_assert_eq!(local.time(), rule.start_time);
                        prop_assert_eq!(earlier.with_timezone(&Utc), occurrence.starts_at);
                    }
                }
            }
            Ok((gaps, folds))
        }

        fn months_between(earlier: NaiveDate, later: NaiveDate) -> i32 {
            (later.year() - earlier.year()) * 12 + later.month() as i32 - earlier.month() as i32
        }

        fn days_in_month(date: NaiveDate) -> u32 {
            (28..=31).rev().find(|day| date.with_day(*day).is_some()).unwrap()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn a_count_gives_exactly_that_many(rule in valid_rule()) {
                prop_assert_eq!(rule.validate(), Ok(()));
                let occurrences = rule.occurrences(500);
                if let End::Count(count) = rule.end {
                    prop_assert_eq!(occurrences.len(), count as usize);
                }
            }

            #[test]
            fn until_takes_every_date_up_to_it_and_none_after(rule in valid_rule()) {
                let End::Until(until) = rule.end else { return Ok(()) };
                let occurrences = rule.occurrences(500);
                let last = occurrences.last().unwrap().local_date;
                prop_assert!(last <= until);
                // The next date the rule would give lies after the end: nothing was cut short.
                let next = match rule.frequency {
                    Frequency::Weekly { interval } => last + Days::new(7 * u64::from(interval)),
                    Frequency::MonthlyByWeekday { interval, ordinal, weekday } => {
                        let month = last.with_day(1).unwrap() + Months::new(interval);
                        ordinal.date_in(month.year(), month.month(), weekday).unwrap()
                    }
                    Frequency::Once => unreachable!(),
                };
                prop_assert!(next > until, "{} should be after {}", next, until);
            }

            #[test]
            fn occurrences_are_in_order_and_numbered(rule in valid_rule()) {
                let occurrences = rule.occurrences(500);
                prop_assert_eq!(occurrences[0].local_date, rule.first_date);
                for (position, occurrence) in occurrences.iter().enumerate() {
                    prop_assert_eq!(occurrence.index as usize, position);
                    let elapsed = occurrence.ends_at - occurrence.starts_at;
                    prop_assert_eq!(elapsed, TimeDelta::minutes(i64::from(rule.duration_minutes)));
                }
                for pair in occurrences.windows(2) {
                    prop_assert!(pair[0].starts_at < pair[1].starts_at);
                    prop_assert!(pair[0].local_date < pair[1].local_date);
                }
            }

            #[test]
            fn the_wall_clock_start_is_kept_except_in_the_spring_gap(rule in valid_rule()) {
                check_wall_clock(&rule)?;
            }

            #[test]
            fn night_series_cross_both_changes_by_the_rules(rule in night_rule()) {
                let (gaps, folds) = check_wall_clock(&rule)?;
                // At least a year of last Sundays at 02:xx: both changes are really exercised.
                prop_assert!(gaps >= 1 && folds >= 1, "gaps {} folds {}", gaps, folds);
            }

            #[test]
            fn weekly_ones_keep_their_weekday_and_spacing(rule in valid_rule()) {
                let Frequency::Weekly { interval } = rule.frequency else { return Ok(()) };
                let occurrences = rule.occurrences(500);
                for occurrence in &occurrences {
                    prop_assert_eq!(occurrence.local_date.weekday(), rule.first_date.weekday());
                }
                for pair in occurrences.windows(2) {
                    prop_assert_eq!((pair[1].local_date - pair[0].local_date).num_days(), 7 * i64::from(interval));
                }
            }

            #[test]
            fn monthly_ones_fall_on_the_right_weekday_and_ordinal(rule in valid_rule()) {
                let Frequency::MonthlyByWeekday { interval, ordinal, weekday } = rule.frequency else {
                    return Ok(());
                };
                let occurrences = rule.occurrences(500);
                for occurrence in &occurrences {
                    let date = occurrence.local_date;
                    prop_assert_eq!(date.weekday(), weekday);
                    // Counted here by hand rather than through `position`, to check it independently.
                    let week_of_month = (date.day() - 1) / 7 + 1;
                    match ordinal {
                        WeekdayOrdinal::First => prop_assert_eq!(week_of_month, 1),
                        WeekdayOrdinal::Second => prop_assert_eq!(week_of_month, 2),
                        WeekdayOrdinal::Third => prop_assert_eq!(week_of_month, 3),
                        WeekdayOrdinal::Fourth => prop_assert_eq!(week_of_month, 4),
                        WeekdayOrdinal::Last => prop_assert!(date.day() + 7 > days_in_month(date)),
                    }
                }
                for pair in occurrences.windows(2) {
                    prop_assert_eq!(months_between(pair[0].local_date, pair[1].local_date), interval as i32);
                }
            }

            #[test]
            fn storage_round_trips(rule in valid_rule()) {
                prop_assert_eq!(Rule::from_storage(&rule.to_storage()), Ok(rule));
            }

            #[test]
            fn the_limit_takes_a_prefix(rule in valid_rule(), limit in 0..70usize) {
                let all = rule.occurrences(500);
                let capped = rule.occurrences(limit);
                prop_assert_eq!(capped.len(), limit.min(all.len()));
                prop_assert_eq!(&capped[..], &all[..capped.len()]);
            }

            #[test]
            fn no_rule_panics_and_invalid_ones_expand_to_nothing(rule in any_rule()) {
                let valid = rule.validate().is_ok();
                let occurrences = rule.occurrences(50);
                prop_assert_eq!(occurrences.is_empty(), !valid);
                prop_assert_eq!(rule.rrule().is_some(), valid && rule.frequency != Frequency::Once);
                let read_back = Rule::from_storage(&rule.to_storage());
                // An invalid rule may still write text (a start at 13:30:15 is stored as 13:30),
                // but it never reads back as itself.
                prop_assert_eq!(read_back == Ok(rule), valid);
            }
        }
    }
}
