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
