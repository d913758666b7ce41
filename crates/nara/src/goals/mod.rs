//! The board's goals measured (*mål och nytta*). Each goal is an indicator: a definition, a target,
//! a period (month or quarter of a year) and a breakdown by unit.
//!
//! - **Usefulness**: the share of residents whose contact has ended who answer yes to "Har du fått
//!   den hjälp du behövde?" (target at least 70 %), with the number of answers.
//! - **Foster home within 6 months**: of the children whose first emergency home (*jourhem*) started
//!   in the period, the share who came to a foster home (*familjehem*) within 183 days. A child still
//!   in the emergency home after 183 days without one counts as not reached; a child whose emergency
//!   home ended without a foster home (home again, another kind of care) did not need one and is
//!   not counted, nor is a child whose 183 days have not passed.
//! - **Youth sentences completed**: of the youth sentences that ended in the period, the share
//!   completed (target at least 95 %).
//! - **The way in's use**: visits, searches and searches without results (no target).
//!
//! Every figure is a count over a group; a group with fewer than the minimum is suppressed with its
//! complementary cells (`suppression`). Everything here is pure; `store` reads the counts and
//! `staff` / `public` show them.

pub mod chart;
pub mod public;
pub mod report;
pub mod staff;
pub mod store;
pub mod suppression;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use uuid::Uuid;

use crate::cases::placements::store::{EmergencyStart, EndedSentences};

/// The smallest group shown, unless configured otherwise (`goals_min_group`).
pub const DEFAULT_MIN_GROUP: i64 = 5;
/// "Within 6 months": half a year of days, rounded up.
pub const FOSTER_HOME_WITHIN_DAYS: i64 = 183;

/// One group's count in one period: how many of `total` reached the goal (`hits`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCount {
    pub unit_id: Uuid,
    /// A period code of a [`Granularity`] (`2026-03`, `2026-Q1`), or an ISO week (`2026-W09`) as the
    /// survey answers are stored, before [`regroup`].
    pub period: String,
    pub hits: i64,
    pub total: i64,
}

/// The board's three goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    Usefulness,
    FosterHome,
    YouthSentences,
}

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::Usefulness, Goal::FosterHome, Goal::YouthSentences];

    /// The target share, in percent.
    pub fn target(self) -> u32 {
        match self {
            Goal::Usefulness => 70,
            // The board's goal is that every child placed in an emergency home who needs a foster home gets one within 6 months.
            Goal::FosterHome => 100,
            Goal::YouthSentences => 95,
        }
    }

    /// The goal's code in addresses, anchors, CSV and catalogue keys (`goals-nytta-title`).
    pub fn code(self) -> &'static str {
        match self {
            Goal::Usefulness => "nytta",
            Goal::FosterHome => "familjehem",
            Goal::YouthSentences => "pafoljder",
        }
    }
}

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Month,
    Quarter,
}

impl Granularity {
    /// From a form (`manad`, `kvartal`); quarters by default.
    pub fn parse(text: Option<&str>) -> Option<Granularity> {
        match text.map(str::trim) {
            None | Some("") | Some("kvartal") => Some(Granularity::Quarter),
            Some("manad") => Some(Granularity::Month),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Month => "manad",
            Granularity::Quarter => "kvartal",
        }
    }

    /// The period a day is in.
    pub fn period_of(self, day: NaiveDate) -> String {
        match self {
            Granularity::Month => format!("{}-{:02}", day.year(), day.month()),
            Granularity::Quarter => format!("{}-Q{}", day.year(), day.month0() / 3 + 1),
        }
    }

    /// The periods of a year, in order.
    pub fn periods_of(self, year: i32) -> Vec<String> {
        match self {
            Granularity::Month => (1..=12).map(|m| format!("{year}-{m:02}")).collect(),
            Granularity::Quarter => (1..=4).map(|q| format!("{year}-Q{q}")).collect(),
        }
    }
}

/// The first day of a year and of the next: the days `[from, to)` a report covers.
pub fn year_days(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year + 1, 1, 1)?))
}

/// The Monday of an ISO week (`2026-W09`), by which a week belongs to a month or quarter.
pub fn monday_of_week(week: &str) -> Option<NaiveDate> {
    let (year, number) = week.split_once("-W")?;
    NaiveDate::from_isoywd_opt(year.parse().ok()?, number.parse().ok()?, Weekday::Mon)
}

/// Weekly counts (as survey answers are kept) in months or quarters; a week goes by its Monday,
/// and one that cannot be read is left out.
pub fn regroup(weekly: &[UnitCount], granularity: Granularity) -> Vec<UnitCount> {
    let mut sums: BTreeMap<(Uuid, String), (i64, i64)> = BTreeMap::new();
    for row in weekly {
        let Some(monday) = monday_of_week(&row.period) else { continue };
        let sum = sums.entry((row.unit_id, granularity.period_of(monday))).or_default();
        sum.0 += row.hits;
        sum.1 += row.total;
    }
    sums.into_iter()
        .map(|((unit_id, period), (hits, total))| UnitCount { unit_id, period, hits, total })
        .collect()
}

/// The foster-home goal's counts: per unit and period of the first emergency home, the children
/// who reached a foster home within 183 days (`hits`) of those whose outcome is known (`total`).
pub fn foster_home_counts(
    starts: &[EmergencyStart],
    today: NaiveDate,
    granularity: Granularity,
) -> Vec<UnitCount> {
    let mut sums: BTreeMap<(Uuid, String), (i64, i64)> = BTreeMap::new();
    for start in starts {
        let reached = match start.foster_on {
            Some(foster_on) => (foster_on - start.first_on).num_days() <= FOSTER_HOME_WITHIN_DAYS,
            // Still waiting in the emergency home after the 6 months: not reached.
            None if start.open && (today - start.first_on).num_days() > FOSTER_HOME_WITHIN_DAYS => false,
            // Waiting less than 6 months, or left the emergency home without needing a foster home.
            None => continue,
        };
        let sum = sums.entry((start.unit_id, granularity.period_of(start.first_on))).or_default();
        sum.0 += i64::from(reached);
        sum.1 += 1;
    }
    sums.into_iter()
        .map(|((unit_id, period), (hits, total))| UnitCount { unit_id, period, hits, total })
        .collect()
}

/// The youth-sentence goal's counts: per unit and period of ending, the sentences completed
/// (`hits`) of those ended (`total`).
pub fn sentence_counts(ended: &[EndedSentences], granularity: Granularity) -> Vec<UnitCount> {
    let mut sums: BTreeMap<(Uuid, String), (i64, i64)> = BTreeMap::new();
    for row in ended {
        let sum = sums.entry((row.unit_id, granularity.period_of(row.ended_on))).or_default();
        if row.completed {
            sum.0 += row.count;
        }
        sum.1 += row.count;
    }
    sums.into_iter()
        .map(|((unit_id, period), (hits, total))| UnitCount { unit_id, period, hits, total })
        .collect()
}

/// One figure: how many of how many, and whether it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub hits: i64,
    pub total: i64,
    pub hidden: bool,
}

impl Cell {
    /// The share in whole percent (rounded half up), when shown and there is something to share.
    pub fn percent(&self) -> Option<i64> {
        (!self.hidden && self.total > 0).then(|| (self.hits * 200 + self.total) / (self.total * 2))
    }

    /// Whether the shown share reaches `target` percent (by the exact fraction, not the rounding).
    pub fn reaches(&self, target: u32) -> Option<bool> {
        (!self.hidden && self.total > 0).then(|| self.hits * 100 >= i64::from(target) * self.total)
    }
}

/// A breakdown of one goal's figures into parts (periods, or units) and their total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown<K> {
    pub rows: Vec<(K, Cell)>,
    pub total: Cell,
}

/// Sums `counts` into the parts `keys` names (in that order; a count of another key is left out)
/// and suppresses small groups with their complements.
pub fn breakdown<K: Ord + Clone>(
    counts: impl Iterator<Item = (K, i64, i64)>,
    keys: &[K],
    min: i64,
) -> Breakdown<K> {
    let mut sums: BTreeMap<K, (i64, i64)> = keys.iter().map(|k| (k.clone(), (0, 0))).collect();
    for (key, hits, total) in counts {
        if let Some(sum) = sums.get_mut(&key) {
            sum.0 += hits;
            sum.1 += total;
        }
    }
    let parts: Vec<(i64, i64)> = keys.iter().map(|k| sums[k]).collect();
    let totals: Vec<i64> = parts.iter().map(|p| p.1).collect();
    let (hits_all, total_all) = parts.iter().fold((0, 0), |acc, p| (acc.0 + p.0, acc.1 + p.1));
    let hidden = suppression::suppress(&totals, total_all, min);
    let rows = keys
        .iter()
        .zip(parts)
        .zip(hidden.parts)
        .map(|((key, (hits, total)), hidden)| (key.clone(), Cell { hits, total, hidden }))
        .collect();
    Breakdown { rows, total: Cell { hits: hits_all, total: total_all, hidden: hidden.total } }
}

/// One goal over a year: by period (every period of the year) and by unit (those with counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalFigures {
    pub goal: Goal,
    pub by_period: Breakdown<String>,
    pub by_unit: Breakdown<Uuid>,
}

pub fn figures(goal: Goal, counts: &[UnitCount], periods: &[String], min: i64) -> GoalFigures {
    let by_period = breakdown(counts.iter().map(|c| (c.period.clone(), c.hits, c.total)), periods, min);
    let mut units: Vec<Uuid> =
        counts.iter().filter(|c| periods.contains(&c.period)).map(|c| c.unit_id).collect();
    units.sort();
    units.dedup();
    let by_unit = breakdown(
        counts.iter().filter(|c| periods.contains(&c.period)).map(|c| (c.unit_id, c.hits, c.total)),
        &units,
        min,
    );
    GoalFigures { goal, by_period, by_unit }
}

/// The units whose free-text answers may be shown: those whose own figure is shown (so at least
/// the minimum answered, and it is not hidden as a complement).
pub fn free_text_units(by_unit: &Breakdown<Uuid>) -> Vec<Uuid> {
    by_unit.rows.iter().filter(|(_, cell)| !cell.hidden && cell.total > 0).map(|(unit, _)| *unit).collect()
}

/// The way in's use in one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    pub period: String,
    pub visits: i64,
    pub searches: i64,
    pub no_results: i64,
}

impl Usage {
    /// The share of searches that found nothing, in whole percent.
    pub fn missed_percent(&self) -> Option<i64> {
        (self.searches > 0).then(|| (self.no_results * 200 + self.searches) / (self.searches * 2))
    }
}

/// Weekly counts of the way in (`directory::CountsWeek`) summed per period of the year.
pub fn usage(
    weeks: &[crate::directory::CountsWeek],
    periods: &[String],
    granularity: Granularity,
) -> Vec<Usage> {
    let mut rows: Vec<Usage> =
        periods.iter().map(|p| Usage { period: p.clone(), ..Default::default() }).collect();
    for week in weeks {
        let Some(monday) = monday_of_week(&week.week) else { continue };
        let period = granularity.period_of(monday);
        if let Some(row) = rows.iter_mut().find(|r| r.period == period) {
            row.visits += week.visits;
            row.searches += week.searches;
            row.no_results += week.no_results;
        }
    }
    rows
}

#[cfg(test)]
mod tests;
