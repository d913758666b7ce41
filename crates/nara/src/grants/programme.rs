//! A programme's rules as staff write them: a TOML text checked before it is published as a new
//! version (like application forms), with its questions as an application form definition beside
//! it. A published version never changes.

use chrono::NaiveDate;
use serde::Deserialize;

pub use crate::applications::definition::Text;
use crate::applications::definition::{self, FormDefinition, QuestionKind};

use super::money::parse_kronor;

const MAX_NAME_CHARS: usize = 200;
const MAX_RULE_CHARS: usize = 4_000;
const MAX_CRITERIA: usize = 12;
const MAX_WEIGHT: u32 = 10;
/// Days before a follow-up is due that the association is reminded, unless the rules say otherwise.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;
const MAX_REMINDER_DAYS: u32 = 180;
/// The longest rules text staff may publish.
pub const MAX_SOURCE_BYTES: usize = 50_000;

/// One criterion applications are assessed by, with its weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub id: String,
    pub name: Text,
    pub weight: u32,
}

/// A checked programme version: everything an association needs to know before applying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeRules {
    pub name: Text,
    /// What the grant is for, in a sentence or two.
    pub purpose: Text,
    /// Who may apply.
    pub who: Text,
    /// How applications are assessed, in words, beside the criteria.
    pub assessment: Text,
    /// 1 for a one-year grant; more for a multi-year one.
    pub years: u32,
    pub max_ore: i64,
    /// Above this amount applied for, two assessors score the application.
    pub two_assessors_above_ore: i64,
    /// The last day to apply (Stockholm).
    pub deadline: NaiveDate,
    pub criteria: Vec<Criterion>,
    /// The day the follow-up report is due; without it, the grant's years after the decision.
    pub follow_up_due: Option<NaiveDate>,
    /// How many days before the due day the association is reminded.
    pub follow_up_reminder_days: u32,
}

impl ProgrammeRules {
    pub fn multi_year(&self) -> bool {
        self.years > 1
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    name_sv: String,
    #[serde(default)]
    name_en: String,
    purpose_sv: String,
    #[serde(default)]
    purpose_en: String,
    who_sv: String,
    #[serde(default)]
    who_en: String,
    assessment_sv: String,
    #[serde(default)]
    assessment_en: String,
    years: u32,
    max_kronor: String,
    two_assessors_above_kronor: String,
    deadline: String,
    #[serde(default)]
    criteria: Vec<RawCriterion>,
    #[serde(default)]
    follow_up_due: Option<String>,
    #[serde(default)]
    follow_up_reminder_days: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: String,
    name_sv: String,
    #[serde(default)]
    name_en: String,
    weight: u32,
}

/// Why a programme cannot be published: a catalogue key and what it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub key: &'static str,
    pub detail: String,
}

fn error(key: &'static str, detail: impl Into<String>) -> RulesError {
    RulesError { key, detail: detail.into() }
}

fn text(errors: &mut Vec<RulesError>, place: &str, sv: String, en: String, max: usize) -> Text {
    let (sv, en) = (sv.trim().to_string(), en.trim().to_string());
    if sv.is_empty() {
        errors.push(error("grants-rules-error-missing", place));
    }
    if sv.chars().count() > max || en.chars().count() > max {
        errors.push(error("grants-rules-error-too-long", place));
    }
    Text { sv, en }
}

/// Reads and checks a programme's rules. Every problem found is returned.
pub fn parse_rules(source: &str) -> Result<ProgrammeRules, Vec<RulesError>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(vec![error("grants-rules-error-too-long", "")]);
    }
    let raw: RawRules =
        toml::from_str(source).map_err(|e| vec![error("grants-rules-error-syntax", e.to_string())])?;
    let mut errors = Vec::new();
    let name = text(&mut errors, "name_sv", raw.name_sv, raw.name_en, MAX_NAME_CHARS);
    let purpose = text(&mut errors, "purpose_sv", raw.purpose_sv, raw.purpose_en, MAX_RULE_CHARS);
    let who = text(&mut errors, "who_sv", raw.who_sv, raw.who_en, MAX_RULE_CHARS);
    let assessment = text(&mut errors, "assessment_sv", raw.assessment_sv, raw.assessment_en, MAX_RULE_CHARS);
    if !(1..=5).contains(&raw.years) {
        errors.push(error("grants-rules-error-years", raw.years.to_string()));
    }
    let max_ore = parse_kronor(&raw.max_kronor).filter(|ore| *ore > 0);
    if max_ore.is_none() {
        errors.push(error("grants-rules-error-amount", "max_kronor"));
    }
    let two_above = parse_kronor(&raw.two_assessors_above_kronor);
    if two_above.is_none() {
        errors.push(error("grants-rules-error-amount", "two_assessors_above_kronor"));
    }
    let deadline = NaiveDate::parse_from_str(raw.deadline.trim(), "%Y-%m-%d").ok();
    if deadline.is_none() {
        errors.push(error("grants-rules-error-deadline", raw.deadline.clone()));
    }
    let follow_up_due = match raw.follow_up_due.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => {
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            if date.is_none() {
                errors.push(error("grants-rules-error-follow-up-due", text));
            }
            date
        }
    };
    let follow_up_reminder_days = raw.follow_up_reminder_days.unwrap_or(DEFAULT_REMINDER_DAYS);
    if follow_up_reminder_days > MAX_REMINDER_DAYS {
        errors.push(error("grants-rules-error-reminder-days", follow_up_reminder_days.to_string()));
    }
    if raw.criteria.is_empty() || raw.criteria.len() > MAX_CRITERIA {
        errors.push(error("grants-rules-error-criteria", ""));
    }
    let mut criteria: Vec<Criterion> = Vec::new();
    for raw in raw.criteria {
        let valid_id = !raw.id.is_empty()
            && raw.id.len() <= 40
            && raw.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid_id || criteria.iter().any(|c| c.id == raw.id) {
            errors.push(error("grants-rules-error-criterion-id", raw.id.clone()));
        }
        if !(1..=MAX_WEIGHT).contains(&raw.weight) {
            errors.push(error("grants-rules-error-weight", raw.id.clone()));
        }
        let place = format!("criteria.{}", raw.id);
        let name = text(&mut errors, &place, raw.name_sv, raw.name_en, MAX_NAME_CHARS);
        criteria.push(Criterion { id: raw.id, name, weight: raw.weight });
    }
    match (max_ore, two_above, deadline) {
        (Some(max_ore), Some(two_assessors_above_ore), Some(deadline)) if errors.is_empty() => {
            Ok(ProgrammeRules {
                name,
                purpose,
                who,
                assessment,
                years: raw.years,
                max_ore,
                two_assessors_above_ore,
                deadline,
                criteria,
                follow_up_due,
                follow_up_reminder_days,
            })
        }
        _ => Err(errors),
    }
}

/// Reads and checks a programme's questions: an application form definition whose questions take
/// no files (attachments are a part of every grant application of their own).
pub fn parse_questions(source: &str) -> Result<FormDefinition, Vec<RulesError>> {
    let form = definition::parse(source).map_err(|errors| {
        errors.into_iter().map(|e| RulesError { key: e.key(), detail: e.detail() }).collect::<Vec<_>>()
    })?;
    let files: Vec<RulesError> = form
        .questions()
        .filter(|q| q.kind == QuestionKind::File)
        .map(|q| error("grants-rules-error-file-question", q.id.clone()))
        .collect();
    if files.is_empty() { Ok(form) } else { Err(files) }
}

/// A published version's rules and questions; they were checked when published, so failing here
/// is a bug.
pub fn published(rules: &str, questions: &str) -> anyhow::Result<(ProgrammeRules, FormDefinition)> {
    let rules =
        parse_rules(rules).map_err(|e| anyhow::anyhow!("published grant rules fail their checks: {e:?}"))?;
    let questions = parse_questions(questions)
        .map_err(|e| anyhow::anyhow!("published grant questions fail their checks: {e:?}"))?;
    Ok((rules, questions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_programmes_are_valid() {
        let deadline = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        for (_, rules, questions) in crate::demo::grants::PROGRAMMES {
            let parsed = parse_rules(&crate::demo::grants::rules_with_deadline(rules, deadline)).unwrap();
            assert_eq!(parsed.deadline, deadline);
            assert!(!parsed.criteria.is_empty());
            parse_questions(questions).unwrap();
        }
    }

    #[test]
    fn problems_are_all_named() {
        let source = r#"name_sv = ""
purpose_sv = "x"
who_sv = "x"
assessment_sv = "x"
years = 9
max_kronor = "mycket"
two_assessors_above_kronor = "50 000"
deadline = "31 mars"
[[criteria]]
id = "A"
name_sv = "Något"
weight = 0
"#;
        let keys: Vec<&str> = parse_rules(source).unwrap_err().iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            [
                "grants-rules-error-missing",
                "grants-rules-error-years",
                "grants-rules-error-amount",
                "grants-rules-error-deadline",
                "grants-rules-error-criterion-id",
                "grants-rules-error-weight"
            ]
        );
        assert_eq!(parse_rules("name_sv = ").unwrap_err()[0].key, "grants-rules-error-syntax");
    }

    #[test]
    fn questions_take_no_files() {
        let source = "title_sv = \"F\"\n[[steps]]\ntitle_sv = \"1\"\n\
            [[steps.questions]]\nid = \"intyg\"\ntype = \"file\"\nlabel_sv = \"Intyg\"\n";
        assert_eq!(parse_questions(source).unwrap_err()[0].key, "grants-rules-error-file-question");
    }
}
