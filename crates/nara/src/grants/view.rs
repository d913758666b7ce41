//! What the grant pages show of a programme version: its rules in plain words, in the page's
//! language. Pure: built from a published version, no storage.

use chrono::{DateTime, Utc};

use super::programme::ProgrammeRules;
use super::store::ProgrammeRow;
use super::{closes_at, format_kronor};
use crate::i18n::Locale;

/// A criterion as the rules list it.
pub struct CriterionView {
    pub id: String,
    pub name: String,
    pub weight: u32,
}

/// A programme version's rules.
pub struct ProgrammeView {
    pub slug: String,
    pub version: i32,
    pub name: String,
    pub purpose: String,
    pub who: String,
    pub assessment: String,
    pub years: u32,
    pub multi_year: bool,
    pub max_amount: String,
    pub two_assessors_above: String,
    /// The last day to apply (`2027-03-31`).
    pub deadline: String,
    /// Whether applications are still taken.
    pub open: bool,
    pub criteria: Vec<CriterionView>,
}

impl ProgrammeView {
    pub fn new(row: &ProgrammeRow, rules: &ProgrammeRules, locale: Locale, now: DateTime<Utc>) -> Self {
        Self {
            slug: row.slug.clone(),
            version: row.version,
            name: rules.name.get(locale).to_string(),
            purpose: rules.purpose.get(locale).to_string(),
            who: rules.who.get(locale).to_string(),
            assessment: rules.assessment.get(locale).to_string(),
            years: rules.years,
            multi_year: rules.multi_year(),
            max_amount: format_kronor(rules.max_ore),
            two_assessors_above: format_kronor(rules.two_assessors_above_ore),
            deadline: rules.deadline.format("%Y-%m-%d").to_string(),
            open: closes_at(rules.deadline).is_some_and(|closes| now <= closes),
            criteria: rules
                .criteria
                .iter()
                .map(|c| CriterionView {
                    id: c.id.clone(),
                    name: c.name.get(locale).to_string(),
                    weight: c.weight,
                })
                .collect(),
        }
    }
}

/// Names for the register's slugs (target groups, areas of help) in the page's language; a slug
/// the register no longer knows is shown as it is.
pub struct Names(Vec<(String, String)>);

impl Names {
    pub async fn target_groups(db: &crate::db::Db, locale: Locale) -> anyhow::Result<Names> {
        let groups = crate::setup::store::target_groups(db).await?;
        Ok(Names(groups.iter().map(|g| (g.slug.clone(), g.name(locale).to_string())).collect()))
    }

    pub async fn areas(db: &crate::db::Db, locale: Locale) -> anyhow::Result<Names> {
        let areas = crate::help_areas::store::list(db).await?;
        Ok(Names(
            areas
                .iter()
                .map(|a| {
                    let name = if locale == Locale::EN { &a.name_en } else { &a.name_sv };
                    (a.slug.clone(), name.clone())
                })
                .collect(),
        ))
    }

    pub fn of(&self, slug: &str) -> String {
        self.0.iter().find(|(s, _)| s == slug).map_or_else(|| slug.to_string(), |(_, name)| name.clone())
    }
}

/// One figure of a submitted follow-up beside what the calendar counted.
pub struct FigureView {
    pub label_key: &'static str,
    pub reported: String,
    pub counted: String,
    /// The association changed what the calendar counted.
    pub corrected: bool,
}

/// A submitted follow-up as the assessors read it.
pub struct FollowUpView {
    pub period: String,
    pub submitted_on: String,
    pub figures: Vec<FigureView>,
    /// (target group, people reached).
    pub reached: Vec<(String, i64)>,
    pub reached_total: i64,
    pub changes: String,
    pub story: String,
}

impl FollowUpView {
    pub fn new(row: &super::store::FollowUpRow, groups: &Names) -> Self {
        let show = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
        let figure = |label_key, reported: Option<i64>, counted: Option<i64>| FigureView {
            label_key,
            reported: show(reported),
            counted: show(counted),
            corrected: reported != counted,
        };
        let reached = row.reached();
        Self {
            period: format!("{} – {}", row.period_start.format("%Y-%m-%d"), row.due_on.format("%Y-%m-%d")),
            submitted_on: row.submitted_at.map(crate::i18n::format_stockholm).unwrap_or_default(),
            figures: vec![
                figure("grants-follow-up-activities", row.activities, row.counted_activities),
                figure("grants-follow-up-registrations", row.registrations, row.counted_registrations),
                figure("grants-follow-up-attended", row.attended, row.counted_attended),
            ],
            reached_total: super::follow_up::people_reached(&reached, row.attended),
            reached: reached.into_iter().map(|(slug, n)| (groups.of(&slug), n)).collect(),
            changes: row.changes.clone().unwrap_or_default(),
            story: row.story.clone().unwrap_or_default(),
        }
    }
}
