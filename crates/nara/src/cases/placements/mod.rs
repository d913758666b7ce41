//! What the case record holds for the board's goals: a child's **placements** (emergency home,
//! foster home, HVB or other, with start and end dates) and a young person's **youth sentence**
//! (ungdomstjänst with its hours, ungdomsvård with its plan, and how it ended). Officers add and
//! end them on the case page; the goals (`crate::goals`) count them.
//!
//! The forms are parsed here, purely, into what may be stored or every problem with a message;
//! `store` holds the SQL.

pub mod store;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::web::form::{FormErrors, TextProblem, bounded_text};

/// The fewest and most hours of youth service a court can sentence (BrB 32 kap. 2 §).
pub const MIN_SERVICE_HOURS: i32 = 20;
pub const MAX_SERVICE_HOURS: i32 = 150;
/// The longest youth-care plan summary.
pub const MAX_PLAN_CHARS: usize = 2_000;

/// Where a child is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacementKind {
    /// An emergency home (*jourhem*): temporary, while a stable home is found.
    EmergencyHome,
    /// A foster home (*familjehem*).
    FosterHome,
    /// A residential home for children and young people (*HVB*).
    Hvb,
    Other,
}

impl PlacementKind {
    pub const ALL: [PlacementKind; 4] =
        [PlacementKind::EmergencyHome, PlacementKind::FosterHome, PlacementKind::Hvb, PlacementKind::Other];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementKind::EmergencyHome => "jourhem",
            PlacementKind::FosterHome => "familjehem",
            PlacementKind::Hvb => "hvb",
            PlacementKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<PlacementKind> {
        PlacementKind::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            PlacementKind::EmergencyHome => "placement-kind-jourhem",
            PlacementKind::FosterHome => "placement-kind-familjehem",
            PlacementKind::Hvb => "placement-kind-hvb",
            PlacementKind::Other => "placement-kind-other",
        }
    }
}

/// A placement as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub id: Uuid,
    pub case_id: Uuid,
    pub kind: PlacementKind,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
}

/// A new placement, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlacement {
    pub kind: PlacementKind,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
}

/// A youth sentence's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SentenceKind {
    /// *Ungdomstjänst*: unpaid work for a number of hours.
    YouthService,
    /// *Ungdomsvård*: care the social services plan.
    YouthCare,
}

impl SentenceKind {
    pub const ALL: [SentenceKind; 2] = [SentenceKind::YouthService, SentenceKind::YouthCare];

    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::YouthService => "ungdomstjanst",
            SentenceKind::YouthCare => "ungdomsvard",
        }
    }

    pub fn parse(text: &str) -> Option<SentenceKind> {
        SentenceKind::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            SentenceKind::YouthService => "sentence-kind-ungdomstjanst",
            SentenceKind::YouthCare => "sentence-kind-ungdomsvard",
        }
    }
}

/// What became of a youth sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Ongoing,
    Completed,
    BrokenOff,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Ongoing, Outcome::Completed, Outcome::BrokenOff];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ongoing => "ongoing",
            Outcome::Completed => "completed",
            Outcome::BrokenOff => "broken_off",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Outcome::Ongoing => "sentence-outcome-ongoing",
            Outcome::Completed => "sentence-outcome-completed",
            Outcome::BrokenOff => "sentence-outcome-broken-off",
        }
    }
}

/// What the sentence asks of the young person: hours of service, or a plan of care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SentenceTerms {
    Hours(i32),
    CarePlan(String),
}

impl SentenceTerms {
    pub fn kind(&self) -> SentenceKind {
        match self {
            SentenceTerms::Hours(_) => SentenceKind::YouthService,
            SentenceTerms::CarePlan(_) => SentenceKind::YouthCare,
        }
    }
}

/// A youth sentence as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YouthSentence {
    pub id: Uuid,
    pub case_id: Uuid,
    pub terms: SentenceTerms,
    pub decided_on: NaiveDate,
    pub outcome: Outcome,
    pub ended_on: Option<NaiveDate>,
}

/// A new youth sentence, checked; it starts ongoing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSentence {
    pub terms: SentenceTerms,
    pub decided_on: NaiveDate,
}

/// A date as a date field sends it (`2026-12-05`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The placement form: kind, start and an optional end date.
pub fn parse_placement(kind: &str, start: &str, end: &str) -> Result<NewPlacement, FormErrors> {
    let mut errors = FormErrors::default();
    let kind = PlacementKind::parse(kind);
    if kind.is_none() {
        errors.add("placement-kind", "placement-error-kind");
    }
    let start_on = parse_date(start);
    if start_on.is_none() {
        errors.add("placement-start", "placement-error-start");
    }
    let end_on = if end.trim().is_empty() {
        None
    } else {
        let end_on = parse_date(end);
        match (end_on, start_on) {
            (None, _) => errors.add("placement-end", "placement-error-end"),
            (Some(end_on), Some(start_on)) if end_on < start_on => {
                errors.add("placement-end", "placement-error-end-before-start")
            }
            _ => {}
        }
        end_on
    };
    match (kind, start_on) {
        (Some(kind), Some(start_on)) if errors.is_empty() => Ok(NewPlacement { kind, start_on, end_on }),
        _ => Err(errors),
    }
}

/// The form that ends one of the case's open placements on a date.
pub fn parse_placement_end(
    open: &[Placement],
    chosen: &str,
    end: &str,
) -> Result<(Uuid, NaiveDate), FormErrors> {
    let mut errors = FormErrors::default();
    let placement = Uuid::parse_str(chosen.trim())
        .ok()
        .and_then(|id| open.iter().find(|p| p.id == id && p.end_on.is_none()));
    if placement.is_none() {
        errors.add("end-placement", "placement-error-choose");
    }
    let end_on = parse_date(end);
    match (end_on, placement) {
        (None, _) => errors.add("end-placement-on", "placement-error-end"),
        (Some(end_on), Some(p)) if end_on < p.start_on => {
            errors.add("end-placement-on", "placement-error-end-before-start")
        }
        _ => {}
    }
    match (placement, end_on) {
        (Some(p), Some(end_on)) if errors.is_empty() => Ok((p.id, end_on)),
        _ => Err(errors),
    }
}

/// The youth-sentence form: its kind, the hours (ungdomstjänst) or plan (ungdomsvård), and the
/// date of the judgment.
pub fn parse_sentence(kind: &str, hours: &str, plan: &str, decided: &str) -> Result<NewSentence, FormErrors> {
    let mut errors = FormErrors::default();
    let terms = match SentenceKind::parse(kind) {
        None => {
            errors.add("sentence-kind", "sentence-error-kind");
            None
        }
        Some(SentenceKind::YouthService) => match hours.trim().parse::<i32>() {
            Ok(n) if (MIN_SERVICE_HOURS..=MAX_SERVICE_HOURS).contains(&n) => Some(SentenceTerms::Hours(n)),
            _ => {
                errors.add("sentence-hours", "sentence-error-hours");
                None
            }
        },
        Some(SentenceKind::YouthCare) => match bounded_text(plan, MAX_PLAN_CHARS) {
            Ok(plan) => Some(SentenceTerms::CarePlan(plan)),
            Err(TextProblem::Missing) => {
                errors.add("sentence-plan", "sentence-error-plan");
                None
            }
            Err(_) => {
                errors.add("sentence-plan", "sentence-error-plan-too-long");
                None
            }
        },
    };
    let decided_on = parse_date(decided);
    if decided_on.is_none() {
        errors.add("sentence-decided", "sentence-error-decided");
    }
    match (terms, decided_on) {
        (Some(terms), Some(decided_on)) if errors.is_empty() => Ok(NewSentence { terms, decided_on }),
        _ => Err(errors),
    }
}

/// The form that records how one of the case's ongoing sentences ended.
pub fn parse_sentence_end(
    ongoing: &[YouthSentence],
    chosen: &str,
    outcome: &str,
    ended: &str,
) -> Result<(Uuid, Outcome, NaiveDate), FormErrors> {
    let mut errors = FormErrors::default();
    let sentence = Uuid::parse_str(chosen.trim())
        .ok()
        .and_then(|id| ongoing.iter().find(|s| s.id == id && s.outcome == Outcome::Ongoing));
    if sentence.is_none() {
        errors.add("end-sentence", "sentence-error-choose");
    }
    let outcome = Outcome::parse(outcome).filter(|o| *o != Outcome::Ongoing);
    if outcome.is_none() {
        errors.add("sentence-outcome", "sentence-error-outcome");
    }
    let ended_on = parse_date(ended);
    match (ended_on, sentence) {
        (None, _) => errors.add("sentence-ended", "sentence-error-ended"),
        (Some(ended_on), Some(s)) if ended_on < s.decided_on => {
            errors.add("sentence-ended", "sentence-error-ended-before-decided")
        }
        _ => {}
    }
    match (sentence, outcome, ended_on) {
        (Some(s), Some(outcome), Some(ended_on)) if errors.is_empty() => Ok((s.id, outcome, ended_on)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn keys(errors: &FormErrors) -> Vec<(&'static str, &'static str)> {
        errors.items().iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn a_placement_needs_a_known_kind_and_a_start_and_ends_after_it_starts() {
        assert_eq!(
            parse_placement("jourhem", "2026-01-10", "").unwrap(),
            NewPlacement { kind: PlacementKind::EmergencyHome, start_on: date("2026-01-10"), end_on: None }
        );
        assert_eq!(
            parse_placement("familjehem", "2026-01-10", "2026-01-10").unwrap().end_on,
            Some(date("2026-01-10"))
        );
        let errors = parse_placement("villa", "10 jan", "").unwrap_err();
        assert_eq!(
            keys(&errors),
            vec![("placement-kind", "placement-error-kind"), ("placement-start", "placement-error-start")]
        );
        let errors = parse_placement("hvb", "2026-02-01", "2026-01-31").unwrap_err();
        assert_eq!(keys(&errors), vec![("placement-end", "placement-error-end-before-start")]);
        let errors = parse_placement("hvb", "2026-02-01", "snart").unwrap_err();
        assert_eq!(keys(&errors), vec![("placement-end", "placement-error-end")]);
    }

    #[test]
    fn only_an_open_placement_of_the_case_is_ended_and_not_before_it_started() {
        let open = Placement {
            id: Uuid::new_v4(),
            case_id: Uuid::new_v4(),
            kind: PlacementKind::EmergencyHome,
            start_on: date("2026-03-01"),
            end_on: None,
        };
        let ended = Placement { id: Uuid::new_v4(), end_on: Some(date("2026-03-05")), ..open.clone() };
        let all = [open.clone(), ended.clone()];
        assert_eq!(
            parse_placement_end(&all, &open.id.to_string(), "2026-04-01").unwrap(),
            (open.id, date("2026-04-01"))
        );
        let errors = parse_placement_end(&all, &open.id.to_string(), "2026-02-28").unwrap_err();
        assert_eq!(keys(&errors), vec![("end-placement-on", "placement-error-end-before-start")]);
        let errors = parse_placement_end(&all, &ended.id.to_string(), "2026-04-01").unwrap_err();
        assert_eq!(keys(&errors), vec![("end-placement", "placement-error-choose")]);
        let errors = parse_placement_end(&all, &Uuid::new_v4().to_string(), "").unwrap_err();
        assert_eq!(
            keys(&errors),
            vec![("end-placement", "placement-error-choose"), ("end-placement-on", "placement-error-end")]
        );
    }

    #[test]
    fn youth_service_has_20_to_150_hours_and_youth_care_a_plan() {
        let ok = parse_sentence("ungdomstjanst", " 40 ", "", "2026-05-01").unwrap();
        assert_eq!(ok.terms, SentenceTerms::Hours(40));
        assert_eq!(
            parse_sentence("ungdomstjanst", "150", "", "2026-05-01").unwrap().terms,
            SentenceTerms::Hours(150)
        );
        for hours in ["19", "151", "", "fyrtio", "-20"] {
            let errors = parse_sentence("ungdomstjanst", hours, "", "2026-05-01").unwrap_err();
            assert_eq!(keys(&errors), vec![("sentence-hours", "sentence-error-hours")], "{hours}");
        }
        let care = parse_sentence("ungdomsvard", "", "Behandling på mottagningen.", "2026-05-01").unwrap();
        assert_eq!(care.terms.kind(), SentenceKind::YouthCare);
        let errors = parse_sentence("ungdomsvard", "40", "  ", "").unwrap_err();
        assert_eq!(
            keys(&errors),
            vec![("sentence-plan", "sentence-error-plan"), ("sentence-decided", "sentence-error-decided")]
        );
        let long = "x".repeat(MAX_PLAN_CHARS + 1);
        let errors = parse_sentence("ungdomsvard", "", &long, "2026-05-01").unwrap_err();
        assert_eq!(keys(&errors), vec![("sentence-plan", "sentence-error-plan-too-long")]);
        let errors = parse_sentence("fängelse", "40", "", "2026-05-01").unwrap_err();
        assert_eq!(keys(&errors), vec![("sentence-kind", "sentence-error-kind")]);
    }

    #[test]
    fn a_sentence_ends_completed_or_broken_off_not_before_the_judgment() {
        let s = YouthSentence {
            id: Uuid::new_v4(),
            case_id: Uuid::new_v4(),
            terms: SentenceTerms::Hours(30),
            decided_on: date("2026-05-01"),
            outcome: Outcome::Ongoing,
            ended_on: None,
        };
        let id = s.id.to_string();
        let all = [s.clone()];
        assert_eq!(
            parse_sentence_end(&all, &id, "completed", "2026-08-01").unwrap(),
            (s.id, Outcome::Completed, date("2026-08-01"))
        );
        let errors = parse_sentence_end(&all, &id, "ongoing", "2026-04-01").unwrap_err();
        assert_eq!(
            keys(&errors),
            vec![
                ("sentence-outcome", "sentence-error-outcome"),
                ("sentence-ended", "sentence-error-ended-before-decided")
            ]
        );
        let done = YouthSentence { outcome: Outcome::Completed, ended_on: Some(date("2026-06-01")), ..s };
        let errors = parse_sentence_end(&[done], &id, "broken_off", "2026-08-01").unwrap_err();
        assert_eq!(keys(&errors), vec![("end-sentence", "sentence-error-choose")]);
    }
}
