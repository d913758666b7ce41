//! A resident's answers to a form: read from what a step's page sent, checked against the
//! questions, and which questions apply given the earlier answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::definition::{FormDefinition, NO, Question, QuestionKind, Step, YES};
use crate::i18n::Locale;

/// The longest answer to a text question (a long text holds about four pages).
const MAX_TEXT_CHARS: usize = 200;
const MAX_LONG_TEXT_CHARS: usize = 10_000;

/// One answer, stored as JSON with the application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Choices(Vec<String>),
    Date(NaiveDate),
    /// A number as the resident meant it, normalised (`1 500,50` → `1500.50`).
    Number(String),
    YesNo(bool),
}

/// The answers of an application, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// Why an answer was not taken, as a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    Required,
    /// A choice or yes-or-no question left unanswered.
    ChoiceRequired,
    /// A required file question with no file.
    FileRequired,
    TooLong,
    NotAChoice,
    NotADate,
    NotANumber,
    ControlCharacters,
}

impl AnswerProblem {
    pub fn key(self) -> &'static str {
        match self {
            AnswerProblem::Required => "apply-error-required",
            AnswerProblem::ChoiceRequired => "apply-error-choice-required",
            AnswerProblem::FileRequired => "apply-error-file-required",
            AnswerProblem::TooLong => "apply-error-too-long",
            AnswerProblem::NotAChoice => "apply-error-choice",
            AnswerProblem::NotADate => "apply-error-date",
            AnswerProblem::NotANumber => "apply-error-number",
            AnswerProblem::ControlCharacters => "apply-error-characters",
        }
    }
}

/// Whether a question applies: it has no condition, or the earlier answer meets it.
pub fn applies(question: &Question, answers: &Answers) -> bool {
    let Some(condition) = &question.show_if else { return true };
    match answers.get(&condition.question) {
        Some(Answer::YesNo(yes)) => condition.equals == if *yes { YES } else { NO },
        Some(Answer::Choices(values)) => values.contains(&condition.equals),
        _ => false,
    }
}

/// The questions of a step that apply.
pub fn applying<'a>(step: &'a Step, answers: &'a Answers) -> impl Iterator<Item = &'a Question> + 'a {
    step.questions.iter().filter(move |q| applies(q, answers))
}

/// What a step's page sent for one question: its values (several for multiple choice).
pub type Sent = BTreeMap<String, Vec<String>>;

/// Reads one question's answer from what was sent. `Ok(None)` is "not answered".
fn read(question: &Question, values: &[String]) -> Result<Option<Answer>, AnswerProblem> {
    let first = values.first().map(|v| v.trim()).unwrap_or("");
    let blank = values.iter().all(|v| v.trim().is_empty());
    if question.kind != QuestionKind::MultipleChoice && blank {
        return Ok(None);
    }
    let answer = match question.kind {
        QuestionKind::Text | QuestionKind::LongText => {
            let max = if question.kind == QuestionKind::Text { MAX_TEXT_CHARS } else { MAX_LONG_TEXT_CHARS };
            let text = first.replace("\r\n", "\n");
            if text.chars().count() > max {
                return Err(AnswerProblem::TooLong);
            }
            // Tabs come with text pasted from a word processor; other control characters are refused.
            let allowed = |c: char| {
                !c.is_control() || c == '\t' || (c == '\n' && question.kind == QuestionKind::LongText)
            };
            if !text.chars().all(allowed) {
                return Err(AnswerProblem::ControlCharacters);
            }
            Answer::Text(text)
        }
        QuestionKind::Choice => {
            if question.options.iter().all(|o| o.value != first) {
                return Err(AnswerProblem::NotAChoice);
            }
            Answer::Choices(vec![first.to_string()])
        }
        QuestionKind::MultipleChoice => {
            let chosen: Vec<String> = question
                .options
                .iter()
                .filter(|o| values.contains(&o.value))
                .map(|o| o.value.clone())
                .collect();
            if values.iter().any(|v| question.options.iter().all(|o| o.value != *v)) {
                return Err(AnswerProblem::NotAChoice);
            }
            if chosen.is_empty() {
                return Ok(None);
            }
            Answer::Choices(chosen)
        }
        QuestionKind::Date => Answer::Date(read_date(values).ok_or(AnswerProblem::NotADate)?),
        QuestionKind::Number => Answer::Number(normalise_number(first).ok_or(AnswerProblem::NotANumber)?),
        QuestionKind::YesNo => match first {
            YES => Answer::YesNo(true),
            NO => Answer::YesNo(false),
            _ => return Err(AnswerProblem::NotAChoice),
        },
        // Files come as uploads, not as values.
        QuestionKind::File => return Ok(None),
    };
    Ok(Some(answer))
}

/// A date from its three fields, day, month and year (the GOV.UK date pattern: the same in every
/// browser, unlike a date picker).
fn read_date(values: &[String]) -> Option<NaiveDate> {
    let [day, month, year] = values else { return None };
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let year = i32::try_from(number(year)?).ok().filter(|y| (1900..=2200).contains(y))?;
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
}

/// `1 500,50` or `1500.50` → `1500.50`; a sign, digits and at most one decimal separator.
fn normalise_number(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let normal = compact.replace(',', ".");
    let digits = normal.strip_prefix('-').unwrap_or(&normal);
    let mut parts = digits.split('.');
    let whole = parts.next()?;
    let fraction = parts.next();
    let all_digits = |s: &str| !s.is_empty() && s.len() <= 15 && s.chars().all(|c| c.is_ascii_digit());
    let valid = all_digits(whole) && fraction.is_none_or(all_digits) && parts.next().is_none();
    valid.then_some(normal)
}

/// What checking a step gave: the answers it holds, or the problems by question id.
pub struct StepResult {
    pub answers: Answers,
    pub problems: Vec<(String, AnswerProblem)>,
}

/// Checks what was sent for a step. `files` counts the files each file question holds. With
/// `enforce_required` false (saving to finish later) unanswered required questions pass.
pub fn check_step(
    step: &Step,
    earlier: &Answers,
    sent: &Sent,
    files: &BTreeMap<String, usize>,
    enforce_required: bool,
) -> StepResult {
    let mut result = StepResult { answers: Answers::new(), problems: Vec::new() };
    for question in applying(step, earlier) {
        let values = sent.get(&question.id).map(Vec::as_slice).unwrap_or(&[]);
        let answered = match read(question, values) {
            Ok(Some(answer)) => {
                result.answers.insert(question.id.clone(), answer);
                true
            }
            Ok(None) => {
                question.kind == QuestionKind::File && files.get(&question.id).is_some_and(|n| *n > 0)
            }
            Err(problem) => {
                result.problems.push((question.id.clone(), problem));
                continue;
            }
        };
        if !answered && question.required && enforce_required {
            let problem = match question.kind {
                QuestionKind::Choice | QuestionKind::MultipleChoice | QuestionKind::YesNo => {
                    AnswerProblem::ChoiceRequired
                }
                QuestionKind::File => AnswerProblem::FileRequired,
                _ => AnswerProblem::Required,
            };
            result.problems.push((question.id.clone(), problem));
        }
    }
    result
}

/// The answers that count: those of questions that apply, in step order (a condition looks back,
/// so one pass is enough).
pub fn applying_answers(form: &FormDefinition, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for question in form.questions() {
        if applies(question, &kept)
            && let Some(answer) = answers.get(&question.id)
        {
            kept.insert(question.id.clone(), answer.clone());
        }
    }
    kept
}

/// The step after `number` (1-based) with a question that applies, or `None` for the summary.
pub fn next_step(form: &FormDefinition, answers: &Answers, number: usize) -> Option<usize> {
    let kept = applying_answers(form, answers);
    (number + 1..=form.steps.len()).find(|n| applying(&form.steps[n - 1], &kept).next().is_some())
}

/// The step before `number` with a question that applies.
pub fn previous_step(form: &FormDefinition, answers: &Answers, number: usize) -> Option<usize> {
    let kept = applying_answers(form, answers);
    (1..number).rev().find(|n| applying(&form.steps[n - 1], &kept).next().is_some())
}

/// The steps (1-based) with a required question that applies and is not answered.
pub fn unfinished_steps(
    form: &FormDefinition,
    answers: &Answers,
    files: &BTreeMap<String, usize>,
) -> Vec<usize> {
    let kept = applying_answers(form, answers);
    form.steps
        .iter()
        .enumerate()
        .filter(|(_, step)| {
            applying(step, &kept).any(|q| {
                q.required
                    && !kept.contains_key(&q.id)
                    && !(q.kind == QuestionKind::File && files.get(&q.id).is_some_and(|n| *n > 0))
            })
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// An answer as a person reads it in a summary.
pub fn display(question: &Question, answer: &Answer, locale: Locale, yes: &str, no: &str) -> String {
    match answer {
        Answer::Text(text) | Answer::Number(text) => text.clone(),
        Answer::Choices(values) => values
            .iter()
            .map(|v| question.option_label(v, locale).unwrap_or(v).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Date(date) => date.format("%Y-%m-%d").to_string(),
        Answer::YesNo(true) => yes.to_string(),
        Answer::YesNo(false) => no.to_string(),
    }
}

/// What a step's form shows in a field: the sent text when the page comes back with errors,
/// otherwise the stored answer.
pub fn field_values(answer: Option<&Answer>) -> Vec<String> {
    match answer {
        None => Vec::new(),
        Some(Answer::Text(text) | Answer::Number(text)) => vec![text.clone()],
        Some(Answer::Choices(values)) => values.clone(),
        Some(Answer::Date(date)) => {
            vec![
                date.format("%-d").to_string(),
                date.format("%-m").to_string(),
                date.format("%Y").to_string(),
            ]
        }
        Some(Answer::YesNo(yes)) => vec![if *yes { YES } else { NO }.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applications::definition::parse;
    use crate::demo::applications::COUNSELLING;

    fn sent(pairs: &[(&str, &str)]) -> Sent {
        let mut sent = Sent::new();
        for (k, v) in pairs {
            sent.entry((*k).to_string()).or_default().push((*v).to_string());
        }
        sent
    }

    fn no_files() -> BTreeMap<String, usize> {
        BTreeMap::new()
    }

    #[test]
    fn numbers_are_read_the_swedish_way_too() {
        assert_eq!(normalise_number("1 500,50").as_deref(), Some("1500.50"));
        assert_eq!(normalise_number("-3").as_deref(), Some("-3"));
        assert_eq!(normalise_number("12.5.1"), None);
        assert_eq!(normalise_number("tolv"), None);
        assert_eq!(normalise_number(",5"), None);
        assert_eq!(normalise_number("1e9"), None);
    }

    #[test]
    fn a_step_is_checked_question_by_question() {
        let form = parse(COUNSELLING).unwrap();
        let first = &form.steps[0];
        let result = check_step(first, &Answers::new(), &sent(&[]), &no_files(), true);
        assert_eq!(
            result.problems,
            [
                ("situation".to_string(), AnswerProblem::Required),
                ("har_barn".to_string(), AnswerProblem::ChoiceRequired)
            ]
        );
        let result = check_step(first, &Answers::new(), &sent(&[]), &no_files(), false);
        assert!(result.problems.is_empty(), "saving for later lets required questions wait");
        let result = check_step(first, &Answers::new(), &sent(&[("har_barn", "kanske")]), &no_files(), false);
        assert_eq!(result.problems, [("har_barn".to_string(), AnswerProblem::NotAChoice)]);
        let result = check_step(
            first,
            &Answers::new(),
            &sent(&[("har_barn", "ja"), ("stod", "samtal"), ("stod", "grupp"), ("situation", "Svårt\r\nnu")]),
            &no_files(),
            true,
        );
        assert!(result.problems.is_empty(), "{:?}", result.problems);
        assert_eq!(result.answers["har_barn"], Answer::YesNo(true));
        assert_eq!(result.answers["stod"], Answer::Choices(vec!["samtal".into(), "grupp".into()]));
        assert_eq!(result.answers["situation"], Answer::Text("Svårt\nnu".into()));
    }

    #[test]
    fn conditions_decide_which_questions_apply_and_count() {
        let form = parse(COUNSELLING).unwrap();
        let second = &form.steps[1];
        let mut answers = Answers::new();
        answers.insert("situation".into(), Answer::Text("Svårt just nu".into()));
        answers.insert("telefon".into(), Answer::Text("070-123 45 67".into()));
        answers.insert("kontakt_tid".into(), Answer::Choices(vec!["kvall".into()]));
        answers.insert("har_barn".into(), Answer::YesNo(false));
        assert!(applying(second, &answers).all(|q| q.id != "antal_barn"));
        let result = check_step(second, &answers, &sent(&[("antal_barn", "x")]), &no_files(), true);
        assert!(result.problems.is_empty(), "a question that does not apply is not read");
        answers.insert("har_barn".into(), Answer::YesNo(true));
        let result = check_step(second, &answers, &sent(&[]), &no_files(), true);
        assert_eq!(result.problems, [("antal_barn".to_string(), AnswerProblem::Required)]);
        // An answer given before the condition changed no longer counts.
        answers.insert("antal_barn".into(), Answer::Number("2".into()));
        assert_eq!(unfinished_steps(&form, &answers, &no_files()), Vec::<usize>::new());
        answers.insert("har_barn".into(), Answer::YesNo(false));
        assert!(!applying_answers(&form, &answers).contains_key("antal_barn"));
        answers.remove("har_barn");
        assert_eq!(unfinished_steps(&form, &answers, &no_files()), [1]);
    }

    #[test]
    fn a_required_file_question_is_answered_by_a_file() {
        let source = "title_sv = \"F\"\n[[steps]]\ntitle_sv = \"1\"\n\
            [[steps.questions]]\nid = \"intyg\"\ntype = \"file\"\nlabel_sv = \"Intyg\"\nrequired = true\n";
        let form = parse(source).unwrap();
        let step = &form.steps[0];
        let result = check_step(step, &Answers::new(), &Sent::new(), &no_files(), true);
        assert_eq!(result.problems, [("intyg".to_string(), AnswerProblem::FileRequired)]);
        let files = BTreeMap::from([("intyg".to_string(), 1)]);
        assert!(check_step(step, &Answers::new(), &Sent::new(), &files, true).problems.is_empty());
        assert!(unfinished_steps(&form, &Answers::new(), &files).is_empty());
    }

    #[test]
    fn dates_come_in_three_fields() {
        let date = |d: &str, m: &str, y: &str| read_date(&[d.into(), m.into(), y.into()]);
        assert_eq!(date("15", "12", "2026"), NaiveDate::from_ymd_opt(2026, 12, 15));
        assert_eq!(date(" 5", "01", "2027"), NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(date("31", "2", "2026"), None);
        assert_eq!(date("15", "12", "26"), None, "a two-digit year is not guessed");
        assert_eq!(date("15", "december", "2026"), None);
        let answer = Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap());
        assert_eq!(field_values(Some(&answer)), ["5", "12", "2026"]);
    }

    #[test]
    fn steps_where_nothing_applies_are_skipped() {
        let form = parse(crate::demo::applications::RELATIVES).unwrap();
        let mut answers = Answers::new();
        answers.insert("avlosning".into(), Answer::YesNo(true));
        assert_eq!(next_step(&form, &answers, 2), Some(3));
        answers.insert("avlosning".into(), Answer::YesNo(false));
        assert_eq!(next_step(&form, &answers, 2), Some(3), "the phone question still applies");
        let form = parse(COUNSELLING).unwrap();
        assert_eq!(next_step(&form, &Answers::new(), 3), None);
        assert_eq!(previous_step(&form, &Answers::new(), 3), Some(2), "the attachment applies to everyone");
        assert_eq!(previous_step(&form, &Answers::new(), 1), None);
    }

    #[test]
    fn text_is_limited_and_plain() {
        let form = parse(COUNSELLING).unwrap();
        let step = &form.steps[0];
        let long = "a".repeat(MAX_LONG_TEXT_CHARS + 1);
        let result = check_step(step, &Answers::new(), &sent(&[("situation", &long)]), &no_files(), false);
        assert_eq!(result.problems, [("situation".to_string(), AnswerProblem::TooLong)]);
        let result =
            check_step(step, &Answers::new(), &sent(&[("situation", "a\u{7}b")]), &no_files(), false);
        assert_eq!(result.problems, [("situation".to_string(), AnswerProblem::ControlCharacters)]);
        let pasted = check_step(step, &Answers::new(), &sent(&[("situation", "a\tb")]), &no_files(), false);
        assert!(pasted.problems.is_empty(), "tabs from pasted text are kept");
    }
}
