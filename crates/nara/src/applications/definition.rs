//! Application forms as staff write them: a TOML text with steps and questions, checked before
//! it is published as a new version. A published version never changes, so an application is
//! always read against the questions its resident answered.

use std::collections::HashSet;

use serde::Deserialize;

use crate::i18n::Locale;

/// The most a form may hold: enough for any real application, few enough to fill in on a phone.
pub const MAX_STEPS: usize = 20;
pub const MAX_QUESTIONS_PER_STEP: usize = 30;
const MAX_OPTIONS: usize = 30;
const MAX_ID_CHARS: usize = 40;
const MAX_LABEL_CHARS: usize = 300;
const MAX_HELP_CHARS: usize = 1_000;
/// The longest definition text staff may publish.
pub const MAX_SOURCE_BYTES: usize = 100_000;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Text,
    LongText,
    Choice,
    MultipleChoice,
    Date,
    Number,
    YesNo,
    File,
}

impl QuestionKind {
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::Choice | QuestionKind::MultipleChoice)
    }

    /// The catalogue key naming the kind, for staff's outline of a form.
    pub fn label_key(self) -> &'static str {
        match self {
            QuestionKind::Text => "form-kind-text",
            QuestionKind::LongText => "form-kind-long-text",
            QuestionKind::Choice => "form-kind-choice",
            QuestionKind::MultipleChoice => "form-kind-multiple-choice",
            QuestionKind::Date => "form-kind-date",
            QuestionKind::Number => "form-kind-number",
            QuestionKind::YesNo => "form-kind-yes-no",
            QuestionKind::File => "form-kind-file",
        }
    }
}

/// A text in both languages; the Swedish one is the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        if locale == Locale::EN && !self.en.is_empty() { &self.en } else { &self.sv }
    }
}

/// One answer a choice question offers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub sv: String,
    pub en: String,
}

/// Show a question only when an earlier question was answered so.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    /// An option's value, or `ja`/`nej` for a yes-or-no question.
    pub equals: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub label: Text,
    pub help: Option<Text>,
    pub required: bool,
    pub options: Vec<Choice>,
    pub show_if: Option<Condition>,
}

impl Question {
    pub fn option_label(&self, value: &str, locale: Locale) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.value == value)
            .map(|o| if locale == Locale::EN && !o.en.is_empty() { o.en.as_str() } else { o.sv.as_str() })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: Text,
    pub questions: Vec<Question>,
}

/// A checked form definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormDefinition {
    pub title: Text,
    pub intro: Option<Text>,
    pub steps: Vec<Step>,
}

impl FormDefinition {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.steps.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

/// Why a definition cannot be published; a catalogue key and the place it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// Not TOML, or not the shape of a form. Carries the parser's words, with line and column.
    Syntax(String),
    TooLong,
    NoSteps,
    TooManySteps,
    EmptyStep {
        step: usize,
    },
    TooManyQuestions {
        step: usize,
    },
    MissingText {
        place: String,
    },
    TextTooLong {
        place: String,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    Options {
        id: String,
    },
    OptionsNotAllowed {
        id: String,
    },
    TwoFileQuestions {
        step: usize,
    },
    Condition {
        id: String,
    },
}

impl DefinitionError {
    pub fn key(&self) -> &'static str {
        match self {
            DefinitionError::Syntax(_) => "form-def-error-syntax",
            DefinitionError::TooLong => "form-def-error-too-long",
            DefinitionError::NoSteps => "form-def-error-no-steps",
            DefinitionError::TooManySteps => "form-def-error-too-many-steps",
            DefinitionError::EmptyStep { .. } => "form-def-error-empty-step",
            DefinitionError::TooManyQuestions { .. } => "form-def-error-too-many-questions",
            DefinitionError::MissingText { .. } => "form-def-error-missing-text",
            DefinitionError::TextTooLong { .. } => "form-def-error-text-too-long",
            DefinitionError::BadId { .. } => "form-def-error-bad-id",
            DefinitionError::DuplicateId { .. } => "form-def-error-duplicate-id",
            DefinitionError::Options { .. } => "form-def-error-options",
            DefinitionError::OptionsNotAllowed { .. } => "form-def-error-options-not-allowed",
            DefinitionError::TwoFileQuestions { .. } => "form-def-error-two-files",
            DefinitionError::Condition { .. } => "form-def-error-condition",
        }
    }

    /// The value the message names (`$detail`): a step number, a question id, a place.
    pub fn detail(&self) -> String {
        match self {
            DefinitionError::Syntax(detail) => detail.clone(),
            DefinitionError::TooLong | DefinitionError::NoSteps | DefinitionError::TooManySteps => {
                String::new()
            }
            DefinitionError::EmptyStep { step }
            | DefinitionError::TooManyQuestions { step }
            | DefinitionError::TwoFileQuestions { step } => step.to_string(),
            DefinitionError::MissingText { place } | DefinitionError::TextTooLong { place } => place.clone(),
            DefinitionError::BadId { id }
            | DefinitionError::DuplicateId { id }
            | DefinitionError::Options { id }
            | DefinitionError::OptionsNotAllowed { id }
            | DefinitionError::Condition { id } => id.clone(),
        }
    }
}

// The shape of the TOML text. Unknown keys are refused so a misspelt `requried` is not silently
// ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    title_sv: String,
    #[serde(default)]
    title_en: String,
    intro_sv: Option<String>,
    intro_en: Option<String>,
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    title_sv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    #[serde(rename = "type")]
    kind: QuestionKind,
    label_sv: String,
    #[serde(default)]
    label_en: String,
    help_sv: Option<String>,
    help_en: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    options: Vec<Choice>,
    show_if: Option<Condition>,
}

/// Collects the problems of a definition instead of stopping at the first.
struct Checker {
    errors: Vec<DefinitionError>,
}

impl Checker {
    fn text(&mut self, place: &str, sv: String, en: String, max: usize) -> Text {
        let (sv, en) = (sv.trim().to_string(), en.trim().to_string());
        if sv.is_empty() {
            self.errors.push(DefinitionError::MissingText { place: place.to_string() });
        }
        if sv.chars().count() > max || en.chars().count() > max {
            self.errors.push(DefinitionError::TextTooLong { place: place.to_string() });
        }
        Text { sv, en }
    }

    fn optional_text(
        &mut self,
        place: &str,
        sv: Option<String>,
        en: Option<String>,
        max: usize,
    ) -> Option<Text> {
        if sv.as_deref().is_none_or(|s| s.trim().is_empty()) && en.is_none() {
            return None;
        }
        Some(self.text(place, sv.unwrap_or_default(), en.unwrap_or_default(), max))
    }

    fn id(&mut self, id: &str) {
        let valid = !id.is_empty()
            && id.len() <= MAX_ID_CHARS
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && id.starts_with(|c: char| c.is_ascii_lowercase());
        if !valid {
            self.errors.push(DefinitionError::BadId { id: id.to_string() });
        }
    }
}

/// The values a yes-or-no question gives to conditions.
pub const YES: &str = "ja";
pub const NO: &str = "nej";

/// Reads and checks a definition. Every problem found is returned, not just the first.
pub fn parse(source: &str) -> Result<FormDefinition, Vec<DefinitionError>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(vec![DefinitionError::TooLong]);
    }
    let raw: RawForm = toml::from_str(source).map_err(|e| vec![DefinitionError::Syntax(e.to_string())])?;
    let mut check = Checker { errors: Vec::new() };
    let title = check.text("title_sv", raw.title_sv, raw.title_en, MAX_LABEL_CHARS);
    let intro = check.optional_text("intro_sv", raw.intro_sv, raw.intro_en, MAX_HELP_CHARS);
    if raw.steps.is_empty() {
        check.errors.push(DefinitionError::NoSteps);
    }
    if raw.steps.len() > MAX_STEPS {
        check.errors.push(DefinitionError::TooManySteps);
    }
    let mut seen = HashSet::new();
    // The questions of earlier steps: a condition may only look back, so a page never depends on
    // answers given on the same page (which would need JavaScript to show or hide questions).
    let mut earlier: Vec<Question> = Vec::new();
    let mut steps = Vec::new();
    for (index, raw_step) in raw.steps.into_iter().enumerate() {
        let number = index + 1;
        let step_title = check.text(
            &format!("steps[{number}].title_sv"),
            raw_step.title_sv,
            raw_step.title_en,
            MAX_LABEL_CHARS,
        );
        if raw_step.questions.is_empty() {
            check.errors.push(DefinitionError::EmptyStep { step: number });
        }
        if raw_step.questions.len() > MAX_QUESTIONS_PER_STEP {
            check.errors.push(DefinitionError::TooManyQuestions { step: number });
        }
        if raw_step.questions.iter().filter(|q| q.kind == QuestionKind::File).count() > 1 {
            check.errors.push(DefinitionError::TwoFileQuestions { step: number });
        }
        let mut questions = Vec::new();
        for raw_q in raw_step.questions {
            check.id(&raw_q.id);
            if !seen.insert(raw_q.id.clone()) {
                check.errors.push(DefinitionError::DuplicateId { id: raw_q.id.clone() });
            }
            check_options(&mut check, &raw_q);
            let label = check.text(
                &format!("{}.label_sv", raw_q.id),
                raw_q.label_sv,
                raw_q.label_en,
                MAX_LABEL_CHARS,
            );
            let help = check.optional_text(
                &format!("{}.help_sv", raw_q.id),
                raw_q.help_sv,
                raw_q.help_en,
                MAX_HELP_CHARS,
            );
            if let Some(condition) = &raw_q.show_if
                && !condition_is_valid(condition, &earlier)
            {
                check.errors.push(DefinitionError::Condition { id: raw_q.id.clone() });
            }
            questions.push(Question {
                id: raw_q.id,
                kind: raw_q.kind,
                label,
                help,
                required: raw_q.required,
                options: raw_q
                    .options
                    .into_iter()
                    .map(|o| Choice {
                        value: o.value,
                        sv: o.sv.trim().to_string(),
                        en: o.en.trim().to_string(),
                    })
                    .collect(),
                show_if: raw_q.show_if,
            });
        }
        earlier.extend(questions.iter().cloned());
        steps.push(Step { title: step_title, questions });
    }
    if check.errors.is_empty() { Ok(FormDefinition { title, intro, steps }) } else { Err(check.errors) }
}

fn check_options(check: &mut Checker, question: &RawQuestion) {
    if !question.kind.has_options() {
        if !question.options.is_empty() {
            check.errors.push(DefinitionError::OptionsNotAllowed { id: question.id.clone() });
        }
        return;
    }
    let mut values = HashSet::new();
    let valid = (2..=MAX_OPTIONS).contains(&question.options.len())
        && question.options.iter().all(|o| {
            values.insert(o.value.as_str())
                && !o.value.is_empty()
                && o.value.len() <= MAX_ID_CHARS
                // Plain values: sent back by the browser exactly as written, never trimmed away.
                && o.value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
                && !o.sv.trim().is_empty()
                && o.sv.chars().count() <= MAX_LABEL_CHARS
                && o.en.chars().count() <= MAX_LABEL_CHARS
        });
    if !valid {
        check.errors.push(DefinitionError::Options { id: question.id.clone() });
    }
}

fn condition_is_valid(condition: &Condition, earlier: &[Question]) -> bool {
    let Some(target) = earlier.iter().find(|q| q.id == condition.question) else { return false };
    match target.kind {
        QuestionKind::YesNo => condition.equals == YES || condition.equals == NO,
        QuestionKind::Choice | QuestionKind::MultipleChoice => {
            target.options.iter().any(|o| o.value == condition.equals)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::applications::COUNSELLING as EXAMPLE;

    #[test]
    fn a_good_definition_is_read_in_full() {
        let form = parse(EXAMPLE).unwrap();
        assert_eq!(form.title.get(Locale::SV), "Ansök om samtalsstöd");
        assert_eq!(form.title.get(Locale::EN), "Apply for counselling");
        assert_eq!(form.steps.len(), 3);
        let children = form.question("antal_barn").unwrap();
        assert_eq!(children.kind, QuestionKind::Number);
        assert!(children.required);
        assert_eq!(children.show_if.as_ref().unwrap().equals, YES);
        assert_eq!(form.question("stod").unwrap().option_label("grupp", Locale::EN), Some("Group meetings"));
        assert_eq!(
            form.question("intyg").unwrap().help.as_ref().unwrap().get(Locale::EN),
            "For example a medical certificate. PDF, JPEG or PNG, at most 5 MB a file."
        );
    }

    fn errors(source: &str) -> Vec<&'static str> {
        parse(source).unwrap_err().iter().map(DefinitionError::key).collect()
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let err = parse("title_sv = \"x\"\n[[steps]\n").unwrap_err();
        let DefinitionError::Syntax(detail) = &err[0] else { panic!("{err:?}") };
        assert!(detail.contains("line 2"), "{detail}");
        assert_eq!(errors("title_sv = \"x\"\nrequried = true\n"), ["form-def-error-syntax"], "misspelt keys");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let source = r#"
title_sv = ""
[[steps]]
title_sv = "Ett"
[[steps.questions]]
id = "Bad Id"
type = "choice"
label_sv = "Välj"
options = [{ value = "a", sv = "A", en = "A" }]
[[steps.questions]]
id = "a2"
type = "text"
label_sv = "Text"
options = [{ value = "a", sv = "A", en = "A" }]
show_if = { question = "a2", equals = "ja" }
[[steps]]
title_sv = "Tom"
"#;
        assert_eq!(
            errors(source),
            [
                "form-def-error-missing-text",
                "form-def-error-bad-id",
                "form-def-error-options",
                "form-def-error-options-not-allowed",
                "form-def-error-condition",
                "form-def-error-empty-step",
            ]
        );
    }

    #[test]
    fn conditions_look_back_to_a_question_with_that_answer() {
        let with_condition = |condition: &str| {
            format!(
                "title_sv = \"F\"\n[[steps]]\ntitle_sv = \"1\"\n[[steps.questions]]\nid = \"q\"\ntype = \"yes_no\"\nlabel_sv = \"Q\"\n\
                 [[steps]]\ntitle_sv = \"2\"\n[[steps.questions]]\nid = \"r\"\ntype = \"text\"\nlabel_sv = \"R\"\nshow_if = {condition}\n"
            )
        };
        assert!(parse(&with_condition("{ question = \"q\", equals = \"nej\" }")).is_ok());
        assert_eq!(
            errors(&with_condition("{ question = \"q\", equals = \"kanske\" }")),
            ["form-def-error-condition"]
        );
        assert_eq!(
            errors(&with_condition("{ question = \"r\", equals = \"ja\" }")),
            ["form-def-error-condition"],
            "itself"
        );
        assert_eq!(
            errors(&with_condition("{ question = \"x\", equals = \"ja\" }")),
            ["form-def-error-condition"]
        );
    }

    #[test]
    fn ids_are_unique_and_a_step_takes_one_file() {
        let source = "title_sv = \"F\"\n[[steps]]\ntitle_sv = \"1\"\n\
            [[steps.questions]]\nid = \"f\"\ntype = \"file\"\nlabel_sv = \"A\"\n\
            [[steps.questions]]\nid = \"f\"\ntype = \"file\"\nlabel_sv = \"B\"\n";
        assert_eq!(errors(source), ["form-def-error-two-files", "form-def-error-duplicate-id"]);
        assert_eq!(errors("title_sv = \"F\"\n"), ["form-def-error-no-steps"]);
        assert_eq!(errors(&"#".repeat(MAX_SOURCE_BYTES + 1)), ["form-def-error-too-long"]);
    }
}
