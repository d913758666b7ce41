//! The follow-up report of a paid grant (*återrapport*): when it is due, when the association is
//! reminded, what the calendar already counted, and the handful of fields the association checks
//! or fills in. Pure; storage in `store`, pages in `reporting`.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, NaiveDate, NaiveTime, Utc};

use super::programme::ProgrammeRules;

/// The longest "what changed" and story.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The largest number any count may be (people, activities).
pub const MAX_COUNT: i64 = 1_000_000;

/// When a grant's follow-up is due and over which days its calendar is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The first day of the grant period: the day of the decision.
    pub period_start: NaiveDate,
    pub due_on: NaiveDate,
    pub remind_on: NaiveDate,
}

/// The follow-up schedule of a grant decided on `decided_on` under `rules`: due the day the rules
/// name, or else when the grant's years have passed; the reminder the rules' days before that.
pub fn schedule(rules: &ProgrammeRules, decided_on: NaiveDate) -> Schedule {
    let years_later = decided_on.checked_add_months(Months::new(12 * rules.years)).unwrap_or(decided_on);
    let due_on = rules.follow_up_due.unwrap_or(years_later);
    let remind_on = due_on
        .checked_sub_days(chrono::Days::new(u64::from(rules.follow_up_reminder_days)))
        .unwrap_or(due_on);
    Schedule { period_start: decided_on, due_on, remind_on }
}

/// The instants the calendar is counted between: from the start of the period's first day to the
/// end of the due day, or now if that is earlier (what has not happened is not counted).
pub fn counting_window(
    period_start: NaiveDate,
    due_on: NaiveDate,
    now: DateTime<Utc>,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let from = crate::stockholm::to_utc(period_start.and_time(NaiveTime::MIN))?;
    let to = crate::stockholm::end_of_day(due_on)?.min(now);
    Some((from, to.max(from)))
}

/// Where a follow-up is, as the staff list and the association see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not yet submitted; due on the day.
    Due(NaiveDate),
    /// Not submitted and the due day has passed.
    Late(NaiveDate),
    Submitted,
}

impl State {
    pub fn of(submitted: bool, due_on: NaiveDate, today: NaiveDate) -> State {
        if submitted {
            State::Submitted
        } else if today > due_on {
            State::Late(due_on)
        } else {
            State::Due(due_on)
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            State::Due(_) => "grants-follow-up-due",
            State::Late(_) => "grants-follow-up-late",
            State::Submitted => "grants-follow-up-submitted",
        }
    }

    pub fn late(self) -> bool {
        matches!(self, State::Late(_))
    }

    /// The due day as the pages write it, when there is one to write.
    pub fn date(self) -> String {
        match self {
            State::Due(day) | State::Late(day) => day.format("%Y-%m-%d").to_string(),
            State::Submitted => String::new(),
        }
    }
}

/// One meeting of the association's in the period, with its confirmed registrations and those
/// marked present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub registered: i64,
    pub attended: i64,
}

/// What the calendar counted over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    pub activities: i64,
    pub registrations: i64,
    pub attended: i64,
}

pub fn count(held: &[Held]) -> Counted {
    Counted {
        activities: i64::try_from(held.len()).unwrap_or(i64::MAX),
        registrations: held.iter().map(|h| h.registered).sum(),
        attended: held.iter().map(|h| h.attended).sum(),
    }
}

/// A follow-up as the association sends it (drafts may leave things blank).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub activities: Option<i64>,
    pub registrations: Option<i64>,
    pub attended: Option<i64>,
    /// People reached per target group (the register's slugs).
    pub reached: BTreeMap<String, i64>,
    pub changes: Option<String>,
    pub story: Option<String>,
}

/// What the form sent, as text.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub activities: String,
    pub registrations: String,
    pub attended: String,
    /// (target group slug, number as typed), in the register's order.
    pub reached: Vec<(String, String)>,
    pub changes: String,
    pub story: String,
}

/// A problem with a field: the field's name on the form and the message's catalogue key.
pub type Problem = (String, &'static str);

fn number(text: &str) -> Result<Option<i64>, &'static str> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .filter(|n| (0..=MAX_COUNT).contains(n))
        .map(Some)
        .ok_or("grants-follow-up-error-number")
}

fn text(text: &str) -> Result<Option<String>, &'static str> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        Err("grants-follow-up-error-too-long")
    } else {
        Ok((!text.is_empty()).then(|| text.to_string()))
    }
}

/// Checks what was sent. A draft keeps whatever is right; `submitting` also needs the counts, what
/// changed and the story. The problems are listed in the form's order.
pub fn check(sent: &Sent, submitting: bool) -> (Report, Vec<Problem>) {
    let mut problems: Vec<Problem> = Vec::new();
    let mut report = Report::default();
    let mut numbers = [
        ("aktiviteter", &sent.activities, &mut report.activities),
        ("anmalda", &sent.registrations, &mut report.registrations),
        ("deltog", &sent.attended, &mut report.attended),
    ];
    for (field, value, slot) in &mut numbers {
        match number(value) {
            Ok(Some(n)) => **slot = Some(n),
            Ok(None) if submitting => problems.push((field.to_string(), "grants-follow-up-error-required")),
            Ok(None) => {}
            Err(key) => problems.push((field.to_string(), key)),
        }
    }
    for (slug, value) in &sent.reached {
        match number(value) {
            Ok(Some(n)) => {
                report.reached.insert(slug.clone(), n);
            }
            Ok(None) => {}
            Err(key) => problems.push((format!("nadda-{slug}"), key)),
        }
    }
    for (field, value, slot) in
        [("forandring", &sent.changes, &mut report.changes), ("berattelse", &sent.story, &mut report.story)]
    {
        match text(value) {
            Ok(Some(t)) => *slot = Some(t),
            Ok(None) if submitting => problems.push((field.to_string(), "grants-follow-up-error-required")),
            Ok(None) => {}
            Err(key) => problems.push((field.to_string(), key)),
        }
    }
    (report, problems)
}

/// Everyone the report says was reached: the target groups' numbers, or those who came when no
/// group was filled in.
pub fn people_reached(reached: &BTreeMap<String, i64>, attended: Option<i64>) -> i64 {
    let by_group: i64 = reached.values().sum();
    if by_group > 0 { by_group } else { attended.unwrap_or(0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn rules(years: u32, due: Option<&str>, days: u32) -> ProgrammeRules {
        let (_, source, _) = crate::demo::grants::PROGRAMMES[0];
        let mut rules = super::super::programme::parse_rules(&crate::demo::grants::rules_with_deadline(
            source,
            date("2027-03-31"),
        ))
        .unwrap();
        rules.years = years;
        rules.follow_up_due = due.map(date);
        rules.follow_up_reminder_days = days;
        rules
    }

    #[test]
    fn due_after_the_grants_years_unless_the_rules_name_a_day() {
        let one = schedule(&rules(1, None, 14), date("2027-04-15"));
        assert_eq!(one.due_on, date("2028-04-15"));
        assert_eq!(one.remind_on, date("2028-04-01"));
        assert_eq!(one.period_start, date("2027-04-15"));
        let three = schedule(&rules(3, None, 30), date("2027-02-28"));
        assert_eq!(three.due_on, date("2030-02-28"));
        let named = schedule(&rules(1, Some("2028-01-31"), 0), date("2027-04-15"));
        assert_eq!((named.due_on, named.remind_on), (date("2028-01-31"), date("2028-01-31")));
    }

    #[test]
    fn late_only_after_the_due_day() {
        let due = date("2028-01-31");
        assert_eq!(State::of(false, due, date("2028-01-31")), State::Due(due));
        assert!(State::of(false, due, date("2028-02-01")).late());
        assert_eq!(State::of(true, due, date("2029-01-01")), State::Submitted);
    }

    #[test]
    fn the_window_ends_now_or_at_the_end_of_the_due_day() {
        let now = Utc::now();
        let (from, to) = counting_window(date("2020-01-01"), date("2020-12-31"), now).unwrap();
        assert_eq!(from.to_rfc3339(), "2019-12-31T23:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2020-12-31T22:59:59+00:00");
        let (_, to) = counting_window(date("2020-01-01"), date("2999-12-31"), now).unwrap();
        assert_eq!(to, now);
    }

    #[test]
    fn counts_add_up_the_meetings() {
        let held = [Held { registered: 12, attended: 9 }, Held { registered: 3, attended: 0 }];
        assert_eq!(count(&held), Counted { activities: 2, registrations: 15, attended: 9 });
        assert_eq!(count(&[]), Counted::default());
    }

    #[test]
    fn a_draft_keeps_what_is_right_and_sending_needs_everything() {
        let sent = Sent {
            activities: "12".into(),
            registrations: "1 200".into(),
            attended: "-3".into(),
            reached: vec![("unga".into(), "40".into()), ("aldre".into(), "många".into())],
            changes: "  ".into(),
            story: "x".repeat(MAX_TEXT_CHARS + 1),
        };
        let (report, problems) = check(&sent, false);
        assert_eq!((report.activities, report.registrations, report.attended), (Some(12), Some(1200), None));
        assert_eq!(report.reached, BTreeMap::from([("unga".to_string(), 40)]));
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["deltog", "nadda-aldre", "berattelse"]);
        let (_, problems) = check(&sent, true);
        assert!(problems.contains(&("forandring".to_string(), "grants-follow-up-error-required")));
        let complete = Sent {
            activities: "4".into(),
            registrations: "20".into(),
            attended: "18".into(),
            reached: Vec::new(),
            changes: "Fler kom tillbaka.".into(),
            story: "En deltagare fick jobb.".into(),
        };
        assert_eq!(check(&complete, true).1, Vec::<Problem>::new());
    }

    #[test]
    fn people_reached_by_group_or_by_those_who_came() {
        let groups = BTreeMap::from([("unga".to_string(), 40), ("aldre".to_string(), 10)]);
        assert_eq!(people_reached(&groups, Some(18)), 50);
        assert_eq!(people_reached(&BTreeMap::new(), Some(18)), 18);
        assert_eq!(people_reached(&BTreeMap::new(), None), 0);
    }
}
