//! Surveys (enkäter): was the support of use? Staff build question sets in versions without
//! code; residents are invited when a case closes, a year later, and after an event; an answer is
//! stored so that no one can tell whose it is (only survey, version, unit, service type, channel,
//! ISO week and the values, free text scrubbed of what names a person).

pub mod builder;
pub mod invitations;
pub mod resident;
mod scrub;
pub mod staff;
pub mod store;
pub mod view;

pub use scrub::{REMOVED, scrub};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::applications::definition::DefinitionError;
use crate::i18n::Locale;

/// The keys of the surveys with a fixed use.
pub const USEFULNESS: &str = "usefulness";
pub const FOLLOW_UP: &str = "follow_up";
pub const EVENT: &str = "event";
/// The usefulness survey's question the board's goal counts: "Har du fått den hjälp du behövde?".
pub const HELPED_QUESTION: &str = "hjalp";
/// The service type of an event's answers (a case's is its kind).
pub const EVENT_SERVICE: &str = "event";

/// The most questions a survey may have: a few minutes to answer.
pub const MAX_QUESTIONS: usize = 30;
pub const MAX_CHOICES: usize = 20;
/// A scale has five steps, each with a label.
pub const SCALE_STEPS: usize = 5;
pub const MAX_TEXT_CHARS: usize = 300;
/// The longest free-text answer.
pub const MAX_ANSWER_CHARS: usize = 4_000;

/// The values a yes / no / don't know question takes.
pub const YES: &str = "ja";
pub const NO: &str = "nej";
pub const DONT_KNOW: &str = "vet_inte";

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    Scale,
    YesNo,
    Choice,
    MultipleChoice,
    FreeText,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Scale,
        QuestionKind::YesNo,
        QuestionKind::Choice,
        QuestionKind::MultipleChoice,
        QuestionKind::FreeText,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Scale => "scale",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Choice => "choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::FreeText => "free_text",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            QuestionKind::Scale => "survey-kind-scale",
            QuestionKind::YesNo => "survey-kind-yes-no",
            QuestionKind::Choice => "survey-kind-choice",
            QuestionKind::MultipleChoice => "survey-kind-multiple-choice",
            QuestionKind::FreeText => "survey-kind-free-text",
        }
    }

    /// Whether staff write the answers offered (the scale's labels or the choices).
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::Scale | QuestionKind::Choice | QuestionKind::MultipleChoice)
    }
}

/// In which words a resident reads the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Swedish,
    English,
    /// Lättläst: easy-to-read Swedish, chosen on the survey page.
    Easy,
}

impl Wording {
    pub fn of(locale: Locale, easy: bool) -> Self {
        if easy {
            Wording::Easy
        } else if locale == Locale::EN {
            Wording::English
        } else {
            Wording::Swedish
        }
    }
}

/// A text in Swedish, English and easy Swedish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub sv: String,
    pub en: String,
    pub easy: String,
}

impl Texts {
    /// The text in these words, the Swedish one where the other is missing.
    pub fn get(&self, wording: Wording) -> &str {
        let text = match wording {
            Wording::Swedish => &self.sv,
            Wording::English => &self.en,
            Wording::Easy => &self.easy,
        };
        if text.is_empty() { &self.sv } else { text }
    }
}

/// One question of a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable across versions, so answers to the same question compare.
    pub key: String,
    pub kind: QuestionKind,
    pub text: Texts,
    /// The scale's five labels, or the choices; the value of each is its number from 1.
    pub options: Vec<Texts>,
}

impl Question {
    /// The values this question accepts, each with its label (yes / no / don't know from the
    /// catalogue, given as `None`).
    pub fn values(&self) -> Vec<(String, Option<&Texts>)> {
        match self.kind {
            QuestionKind::YesNo => [YES, NO, DONT_KNOW].iter().map(|v| (v.to_string(), None)).collect(),
            QuestionKind::FreeText => Vec::new(),
            _ => self.options.iter().enumerate().map(|(i, o)| ((i + 1).to_string(), Some(o))).collect(),
        }
    }
}

/// Why a version cannot be published. Text problems are the application forms' own
/// (`DefinitionError`), so staff meet the same words for the same mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Definition(DefinitionError),
    NoQuestions,
    TooManyQuestions,
    /// A scale question without a label on each of its five steps (the question's number).
    ScaleLabels(usize),
    /// A choice without 2–20 choices, each with its three texts.
    Choices(usize),
}

impl Problem {
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Definition(problem) => problem.key(),
            Problem::NoQuestions => "survey-error-no-questions",
            Problem::TooManyQuestions => "survey-error-too-many-questions",
            Problem::ScaleLabels(_) => "survey-error-scale-labels",
            Problem::Choices(_) => "survey-error-choices",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Problem::Definition(problem) => problem.detail(),
            Problem::NoQuestions | Problem::TooManyQuestions => String::new(),
            Problem::ScaleLabels(n) | Problem::Choices(n) => n.to_string(),
        }
    }
}

/// Every problem of a version's questions, in order; empty when it may be published.
pub fn check(questions: &[Question]) -> Vec<Problem> {
    let mut problems = Vec::new();
    if questions.is_empty() {
        problems.push(Problem::NoQuestions);
    }
    if questions.len() > MAX_QUESTIONS {
        problems.push(Problem::TooManyQuestions);
    }
    for (index, question) in questions.iter().enumerate() {
        let number = index + 1;
        for (field, text) in [
            ("text_sv", &question.text.sv),
            ("text_en", &question.text.en),
            ("text_easy", &question.text.easy),
        ] {
            let place = format!("{number}.{field}");
            if text.trim().is_empty() {
                problems.push(Problem::Definition(DefinitionError::MissingText { place }));
            } else if text.chars().count() > MAX_TEXT_CHARS {
                problems.push(Problem::Definition(DefinitionError::TextTooLong { place }));
            }
        }
        let complete = |o: &Texts| {
            [&o.sv, &o.en, &o.easy]
                .iter()
                .all(|t| !t.trim().is_empty() && t.chars().count() <= MAX_TEXT_CHARS)
        };
        let options_ok = question.options.iter().all(complete);
        match question.kind {
            QuestionKind::Scale if question.options.len() != SCALE_STEPS || !options_ok => {
                problems.push(Problem::ScaleLabels(number));
            }
            QuestionKind::Choice | QuestionKind::MultipleChoice
                if !(2..=MAX_CHOICES).contains(&question.options.len()) || !options_ok =>
            {
                problems.push(Problem::Choices(number));
            }
            QuestionKind::YesNo | QuestionKind::FreeText if !question.options.is_empty() => {
                problems
                    .push(Problem::Definition(DefinitionError::OptionsNotAllowed { id: number.to_string() }));
            }
            _ => {}
        }
    }
    problems
}

/// How an answer came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Web,
    /// Staff asked the resident, with their consent, and wrote the answers.
    Interview,
    Paper,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Interview => "interview",
            Channel::Paper => "paper",
        }
    }
}

/// The ISO week a date falls in, as an answer stores it: `2026-W49`. Only the week, so an answer
/// cannot be matched to its invitation by time.
pub fn iso_week(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// One value of a submitted answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub question_key: String,
    pub value: String,
}

/// Why an answer to one question was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    NotAChoice,
    TooLong,
}

impl AnswerProblem {
    pub fn key(self) -> &'static str {
        match self {
            AnswerProblem::NotAChoice => "survey-answer-error-choice",
            AnswerProblem::TooLong => "survey-answer-error-too-long",
        }
    }
}

/// Reads what the survey page sent (`q-{key}` per question, several for multiple choice). Every
/// question may be skipped; a value that is not offered, or too long a text, is a problem named
/// by the question's key. Free text is scrubbed of `names` and of what identifies anyone.
pub fn read_answers(
    questions: &[Question],
    sent: &[(String, String)],
    names: &[String],
) -> Result<Vec<Item>, Vec<(String, AnswerProblem)>> {
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for question in questions {
        let field = format!("q-{}", question.key);
        let values: Vec<&str> =
            sent.iter().filter(|(k, v)| *k == field && !v.trim().is_empty()).map(|(_, v)| v.trim()).collect();
        if question.kind == QuestionKind::FreeText {
            if let Some(text) = values.first() {
                if text.chars().count() > MAX_ANSWER_CHARS {
                    problems.push((question.key.clone(), AnswerProblem::TooLong));
                } else {
                    items.push(Item { question_key: question.key.clone(), value: scrub(text, names) });
                }
            }
            continue;
        }
        let offered = question.values();
        let many = question.kind == QuestionKind::MultipleChoice;
        let taken: Vec<&str> = if many { values.clone() } else { values.iter().take(1).copied().collect() };
        if taken.iter().any(|v| !offered.iter().any(|(o, _)| o == v)) || (!many && values.len() > 1) {
            problems.push((question.key.clone(), AnswerProblem::NotAChoice));
            continue;
        }
        let mut seen = Vec::new();
        for value in taken {
            if !seen.contains(&value) {
                seen.push(value);
                items.push(Item { question_key: question.key.clone(), value: value.to_string() });
            }
        }
    }
    if problems.is_empty() { Ok(items) } else { Err(problems) }
}

/// Whether a value of the usefulness question counts as "useful": yes, or 4–5 on a scale.
pub fn is_useful(value: &str) -> bool {
    matches!(value, YES | "4" | "5")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sv: &str) -> Texts {
        Texts { sv: sv.into(), en: format!("{sv} (en)"), easy: format!("{sv} (lätt)") }
    }

    fn question(key: &str, kind: QuestionKind, options: usize) -> Question {
        Question {
            key: key.into(),
            kind,
            text: texts("Fråga"),
            options: (1..=options).map(|i| texts(&format!("Val {i}"))).collect(),
        }
    }

    fn keys(problems: &[Problem]) -> Vec<(&'static str, String)> {
        problems.iter().map(|p| (p.key(), p.detail())).collect()
    }

    #[test]
    fn a_complete_set_passes() {
        let set = [
            question("a", QuestionKind::Scale, 5),
            question("b", QuestionKind::YesNo, 0),
            question("c", QuestionKind::Choice, 2),
            question("d", QuestionKind::MultipleChoice, 3),
            question("e", QuestionKind::FreeText, 0),
        ];
        assert_eq!(check(&set), []);
    }

    #[test]
    fn every_problem_is_named_with_its_question() {
        let mut missing = question("a", QuestionKind::YesNo, 0);
        missing.text.en.clear();
        missing.text.easy = "x".repeat(MAX_TEXT_CHARS + 1);
        let mut bad_label = question("c", QuestionKind::Scale, 5);
        bad_label.options[2].easy.clear();
        let set = [
            missing,
            question("b", QuestionKind::Scale, 4),
            bad_label,
            question("d", QuestionKind::Choice, 1),
            question("e", QuestionKind::FreeText, 2),
        ];
        assert_eq!(
            keys(&check(&set)),
            [
                ("form-def-error-missing-text", "1.text_en".to_string()),
                ("form-def-error-text-too-long", "1.text_easy".to_string()),
                ("survey-error-scale-labels", "2".to_string()),
                ("survey-error-scale-labels", "3".to_string()),
                ("survey-error-choices", "4".to_string()),
                ("form-def-error-options-not-allowed", "5".to_string()),
            ]
        );
        assert_eq!(keys(&check(&[])), [("survey-error-no-questions", String::new())]);
        let many: Vec<_> =
            (0..=MAX_QUESTIONS).map(|i| question(&format!("q{i}"), QuestionKind::YesNo, 0)).collect();
        assert_eq!(keys(&check(&many)), [("survey-error-too-many-questions", String::new())]);
    }

    #[test]
    fn weeks_are_iso_weeks() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(iso_week(date(2026, 12, 5)), "2026-W49");
        assert_eq!(iso_week(date(2027, 1, 1)), "2026-W53", "the year of the week, not of the day");
        assert_eq!(iso_week(date(2025, 12, 29)), "2026-W01");
        assert_eq!(iso_week(date(2026, 1, 5)), "2026-W02");
    }

    #[test]
    fn answers_are_read_against_the_questions() {
        let set = [
            question("skala", QuestionKind::Scale, 5),
            question("jn", QuestionKind::YesNo, 0),
            question("flera", QuestionKind::MultipleChoice, 3),
            question("fritt", QuestionKind::FreeText, 0),
        ];
        let sent = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        let items = read_answers(
            &set,
            &sent(&[
                ("q-skala", "4"),
                ("q-jn", "vet_inte"),
                ("q-flera", "1"),
                ("q-flera", "3"),
                ("q-flera", "3"),
                ("q-fritt", " Tack Anna! "),
                ("annat", "x"),
            ]),
            &["Anna Berg".into()],
        )
        .unwrap();
        let values: Vec<_> = items.iter().map(|i| (i.question_key.as_str(), i.value.as_str())).collect();
        assert_eq!(
            values,
            [
                ("skala", "4"),
                ("jn", "vet_inte"),
                ("flera", "1"),
                ("flera", "3"),
                ("fritt", "Tack [borttaget]!")
            ]
        );
        assert_eq!(read_answers(&set, &[], &[]).unwrap(), [], "every question may be skipped");
        let problems = read_answers(
            &set,
            &sent(&[
                ("q-skala", "6"),
                ("q-jn", "ja"),
                ("q-jn", "nej"),
                ("q-fritt", &"x".repeat(MAX_ANSWER_CHARS + 1)),
            ]),
            &[],
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                ("skala".to_string(), AnswerProblem::NotAChoice),
                ("jn".to_string(), AnswerProblem::NotAChoice),
                ("fritt".to_string(), AnswerProblem::TooLong),
            ]
        );
    }

    #[test]
    fn useful_is_yes_or_the_top_of_the_scale() {
        assert!(is_useful("ja") && is_useful("4") && is_useful("5"));
        assert!(!is_useful("nej") && !is_useful("vet_inte") && !is_useful("3"));
    }
}
