//! A step of an application form as the resident fills it in: each applying question as its
//! field (with its hint, error, options, date parts and files), the error summary and the way back
//! and on. Pure: built from the form, the answers and what was sent, no storage.

use askama::Template;
use uuid::Uuid;

use super::FileLink;
use super::answers::{self, Answers, Sent, applying_answers, field_values};
use super::definition::{FormDefinition, NO, Question, QuestionKind, YES};
use super::files::MAX_FILES_PER_QUESTION;
use super::store::ApplicationRow;
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The parts of a date's three fields, `q-{id}.dag` and so on, in the order answers read them.
pub(super) const DATE_PARTS: [&str; 3] = ["dag", "manad", "ar"];

pub(super) fn application_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/mina-sidor/ansokningar/{id}"))
}

/// The answers a page sent as text fields, read one field at a time: `q-{id}` is a question's
/// value (several for multiple choice), `q-{id}.dag` and so on a date's parts.
#[derive(Default)]
pub struct AnswerFields {
    sent: Sent,
    dates: std::collections::BTreeMap<String, [String; 3]>,
}

impl AnswerFields {
    /// Takes a field if it is an answer (`Ok(true)`); `Ok(false)` for the page's other fields;
    /// an error for a date part that does not exist.
    pub fn take(&mut self, name: &str, text: String) -> Result<bool, crate::web::errors::AppError> {
        let Some(question) = name.strip_prefix("q-") else { return Ok(false) };
        match question.rsplit_once('.') {
            Some((id, part)) => {
                let index = DATE_PARTS
                    .iter()
                    .position(|p| *p == part)
                    .ok_or(crate::web::errors::AppError::BadRequest)?;
                self.dates.entry(id.to_string()).or_default()[index] = text;
            }
            None => self.sent.entry(question.to_string()).or_default().push(text),
        }
        Ok(true)
    }

    /// What was sent, by question id.
    pub fn finish(mut self) -> Sent {
        for (id, parts) in self.dates {
            self.sent.insert(id, parts.into());
        }
        self.sent
    }
}

/// One choice of a choice, multiple-choice or yes-or-no question.
pub struct OptionView {
    pub dom_id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// A question as its field on a step's page.
pub struct FieldView {
    pub name: String,
    pub dom_id: String,
    pub kind: &'static str,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    pub value: String,
    pub options: Vec<OptionView>,
    pub error: Option<&'static str>,
    pub files: Vec<FileLink>,
    pub can_add_file: bool,
    /// The ids of the hint and the error, for `aria-describedby`.
    pub described_by: String,
    /// A date's day, month and year fields.
    pub date_parts: Vec<DatePart>,
}

/// One of a date question's three fields.
pub struct DatePart {
    pub name: String,
    pub dom_id: String,
    pub label_key: &'static str,
    pub value: String,
    pub width: usize,
}

/// A problem in the summary at the top of the page, linking to its field.
pub struct ErrorLink {
    pub target: String,
    /// The question, so that each link says which answer is missing.
    pub label: String,
    pub key: &'static str,
}

#[derive(Template)]
#[template(path = "applications/step.html")]
pub(super) struct StepPage<'a> {
    shell: Shell<'a>,
    form_title: String,
    step_title: String,
    progress: String,
    number: usize,
    count: usize,
    fields: Vec<FieldView>,
    errors: Vec<ErrorLink>,
    action: String,
    back_href: Option<String>,
    summary_href: String,
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Text => "text",
        QuestionKind::LongText => "long_text",
        QuestionKind::Choice => "choice",
        QuestionKind::MultipleChoice => "multiple_choice",
        QuestionKind::Date => "date",
        QuestionKind::Number => "number",
        QuestionKind::YesNo => "yes_no",
        QuestionKind::File => "file",
    }
}

/// What a step's page shows: stored answers, or what was sent when it comes back with errors.
pub(super) struct StepState<'s> {
    pub(super) stored: &'s Answers,
    pub(super) sent: Option<&'s Sent>,
    pub(super) problems: &'s [(String, &'static str)],
    pub(super) files: &'s [super::store::FileRow],
}

/// A date question's day, month and year fields; none for other questions.
fn date_parts(question: &Question, values: &[String]) -> Vec<DatePart> {
    if question.kind != QuestionKind::Date {
        return Vec::new();
    }
    DATE_PARTS
        .iter()
        .enumerate()
        .map(|(i, part)| DatePart {
            name: format!("q-{}.{part}", question.id),
            dom_id: if i == 0 { format!("q-{}", question.id) } else { format!("q-{}-{part}", question.id) },
            label_key: match *part {
                "dag" => "apply-date-day",
                "manad" => "apply-date-month",
                _ => "apply-date-year",
            },
            value: values.get(i).cloned().unwrap_or_default(),
            width: if *part == "ar" { 4 } else { 2 },
        })
        .collect()
}

/// The fields of `questions` as a page shows them (an application's step, a grant application):
/// `values_of` gives what a field holds, `problems` the errors by question id, `files` the
/// attachments of file questions, downloaded under `file_base/filer/{id}`.
pub fn field_views<'q>(
    shell: &Shell<'_>,
    locale: crate::i18n::Locale,
    questions: impl Iterator<Item = &'q Question>,
    values_of: impl Fn(&Question) -> Vec<String>,
    problems: &[(String, &'static str)],
    files: &[super::store::FileRow],
    file_base: &str,
) -> Vec<FieldView> {
    questions
        .map(|question| {
            let values = values_of(question);
            let date_parts = date_parts(question, &values);
            let dom_id = format!("q-{}", question.id);
            let option = |index: usize, value: &str, label: String| OptionView {
                dom_id: if index == 0 { dom_id.clone() } else { format!("{dom_id}-{index}") },
                value: value.to_string(),
                label,
                checked: values.iter().any(|v| v == value),
            };
            let options = match question.kind {
                QuestionKind::YesNo => {
                    vec![option(0, YES, shell.t("apply-yes")), option(1, NO, shell.t("apply-no"))]
                }
                _ => question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        option(i, &o.value, question.option_label(&o.value, locale).unwrap_or("").to_string())
                    })
                    .collect(),
            };
            let files: Vec<FileLink> = files
                .iter()
                .filter(|f| f.question_id == question.id)
                .map(|f| FileLink {
                    name: f.file_name.clone(),
                    size: f.size(),
                    href: format!("{file_base}/filer/{}", f.id),
                    id: f.id,
                })
                .collect();
            let error = problems.iter().find(|(id, _)| *id == question.id).map(|(_, key)| *key);
            let has_hint = question.help.is_some()
                || matches!(
                    question.kind,
                    QuestionKind::Date
                        | QuestionKind::File
                        | QuestionKind::Choice
                        | QuestionKind::MultipleChoice
                        | QuestionKind::YesNo
                );
            let described_by =
                [has_hint.then(|| format!("{dom_id}-hint")), error.map(|_| format!("{dom_id}-error"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
            FieldView {
                described_by,
                error,
                date_parts,
                name: dom_id.clone(),
                kind: kind_name(question.kind),
                label: question.label.get(locale).to_string(),
                help: question.help.as_ref().map(|h| h.get(locale).to_string()),
                required: question.required,
                value: values.first().cloned().unwrap_or_default(),
                options,
                can_add_file: files.len() < MAX_FILES_PER_QUESTION,
                files,
                dom_id,
            }
        })
        .collect()
}

pub(super) fn step_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    application: &ApplicationRow,
    form: &FormDefinition,
    number: usize,
    page: StepState<'_>,
) -> StepPage<'a> {
    let shell = ctx.shell(state);
    let locale = ctx.location.locale;
    let base = application_href(ctx, application.id);
    let counted = applying_answers(form, page.stored);
    let step = &form.steps[number - 1];
    let fields = field_views(
        &shell,
        locale,
        answers::applying(step, &counted),
        |question| match page.sent {
            Some(sent) => sent.get(&question.id).cloned().unwrap_or_default(),
            None => field_values(page.stored.get(&question.id)),
        },
        page.problems,
        page.files,
        &base,
    );
    StepPage {
        form_title: form.title.get(locale).to_string(),
        step_title: step.title.get(locale).to_string(),
        progress: state.catalogues.text_with(
            locale,
            "apply-step-of",
            &[
                ("step", i64::try_from(number).unwrap_or(0).into()),
                ("count", i64::try_from(form.steps.len()).unwrap_or(0).into()),
            ],
        ),
        number,
        count: form.steps.len(),
        fields,
        errors: page
            .problems
            .iter()
            .map(|(id, key)| ErrorLink {
                target: format!("q-{id}"),
                label: form.question(id).map(|q| q.label.get(locale).to_string()).unwrap_or_default(),
                key,
            })
            .collect(),
        action: format!("{base}/steg/{number}"),
        back_href: answers::previous_step(form, page.stored, number).map(|n| format!("{base}/steg/{n}")),
        summary_href: base,
        shell,
    }
}
