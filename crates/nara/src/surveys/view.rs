//! A survey's questions as a page shows them, for the resident's page and the interview alike.

use super::{AnswerProblem, DONT_KNOW, NO, Question, QuestionKind, Wording, YES};
use crate::web::shell::Shell;

pub struct OptionView {
    pub dom_id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub dom_id: String,
    pub name: String,
    /// `scale`, `yes_no`, `choice`, `multiple_choice` or `free_text`.
    pub kind: &'static str,
    pub label: String,
    pub options: Vec<OptionView>,
    /// A free-text answer sent back with a problem.
    pub text: String,
    pub error: Option<&'static str>,
}

/// A problem in the error summary: where it is, the question, the message key.
pub struct ErrorLine {
    pub target: String,
    pub label: String,
    pub key: &'static str,
}

fn yes_no_label(shell: &Shell<'_>, value: &str) -> String {
    shell.t(match value {
        YES => "survey-yes",
        NO => "survey-no",
        DONT_KNOW => "survey-dont-know",
        _ => "survey-dont-know",
    })
}

/// The questions with what was sent (kept when the page comes back with problems).
pub fn questions(
    shell: &Shell<'_>,
    questions: &[Question],
    wording: Wording,
    sent: &[(String, String)],
    problems: &[(String, AnswerProblem)],
) -> (Vec<QuestionView>, Vec<ErrorLine>) {
    let mut views = Vec::new();
    let mut errors = Vec::new();
    for question in questions {
        let name = format!("q-{}", question.key);
        let dom_id = format!("fraga-{}", question.key);
        let sent_values: Vec<&str> =
            sent.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.as_str()).collect();
        let options = question
            .values()
            .into_iter()
            .enumerate()
            .map(|(i, (value, texts))| OptionView {
                // The first option carries the question's id, so the error summary's link lands on it.
                dom_id: if i == 0 { dom_id.clone() } else { format!("{dom_id}-{value}") },
                label: texts.map_or_else(|| yes_no_label(shell, &value), |t| t.get(wording).to_string()),
                checked: sent_values.contains(&value.as_str()),
                value,
            })
            .collect();
        let label = question.text.get(wording).to_string();
        let error = problems.iter().find(|(k, _)| *k == question.key).map(|(_, p)| p.key());
        if let Some(key) = error {
            errors.push(ErrorLine { target: dom_id.clone(), label: label.clone(), key });
        }
        views.push(QuestionView {
            kind: question.kind.as_str(),
            text: if question.kind == QuestionKind::FreeText {
                sent_values.first().map(|v| v.to_string()).unwrap_or_default()
            } else {
                String::new()
            },
            dom_id,
            name,
            label,
            options,
            error,
        });
    }
    (views, errors)
}
