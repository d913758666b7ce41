//! The product's own Swedish passes the plain-language checker (issue 16, item 3).
//!
//! Every Swedish catalogue message is rendered as a reader sees it (terms and message references
//! filled in, a variable as the short word `X`, every variant of a selection), and each *body
//! text* among them must have LIX at most [`MAX_LIX`] and no word from the bureaucratic list.
//!
//! A body text is a message with at least [`MIN_BODY_WORDS`] words that holds a full sentence
//! (a `.`, `!` or `?` that ends it or is followed by more text). Labels, headings, buttons and
//! list items without a full stop are not body texts: LIX means little on a few words, and
//! "Organisationsnummer" cannot be said more plainly.
//!
//! A reviewed exception is an entry in `locales/klarsprak-undantag.toml` (key, reason, who
//! reviewed it). An exception for a key that passes, or that no longer exists, fails the test
//! too, so the list cannot rot.
//!
//! Figures (LIX of all body texts together, failing keys) are printed with
//! `cargo test -p nara --lib i18n::klarsprak -- --nocapture`.

use std::collections::{BTreeMap, HashMap};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use serde::Deserialize;

use super::{LOCALES, Locale};
use crate::plain_language::checker::{self, Report};
use crate::plain_language::glossary;

/// The highest LIX a body text may have ("svår", the upper half of factual text, is 40–50).
pub const MAX_LIX: f64 = 45.0;
/// Fewer words than this is a label or a heading, not a body text.
pub const MIN_BODY_WORDS: usize = 10;
/// What a variable (`{ $name }`) reads as: one short word.
const VARIABLE: &str = "X";
/// Selections inside selections multiply: stop listing variants here.
const MAX_VARIANTS: usize = 32;

/// One reviewed exception in `locales/klarsprak-undantag.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Exception {
    key: String,
    reason: String,
    reviewed_by: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExceptionFile {
    #[serde(default)]
    exception: Vec<Exception>,
}

const EXCEPTIONS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/klarsprak-undantag.toml"));

/// Why a text does not pass: its LIX when too high, and the bureaucratic words it uses.
#[derive(Debug, Default, PartialEq)]
pub struct Problems {
    pub lix: Option<f64>,
    pub words: Vec<String>,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.lix.is_none() && self.words.is_empty()
    }

    fn merge(&mut self, other: Problems) {
        self.lix = match (self.lix, other.lix) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        for word in other.words {
            if !self.words.contains(&word) {
                self.words.push(word);
            }
        }
    }
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(lix) = self.lix {
            write!(f, "LIX {lix:.1} (högst {MAX_LIX})")?;
        }
        if !self.words.is_empty() {
            let sep = if self.lix.is_some() { "; " } else { "" };
            write!(f, "{sep}byråkratiska ord: {}", self.words.join(", "))?;
        }
        Ok(())
    }
}

/// What the checker holds against a product text (a UI message or a demo text).
pub fn problems(report: &Report) -> Problems {
    Problems {
        lix: report.lix.filter(|&lix| lix > MAX_LIX),
        words: report.bureaucratic.iter().map(|hit| format!("{} → {}", hit.text, hit.plain)).collect(),
    }
}

/// Whether a rendered message is a body text (see the module's comment).
pub fn is_body_text(text: &str, report: &Report) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)]".contains(c));
    let ends_a_sentence = trimmed.ends_with(['.', '!', '?'])
        || text
            .char_indices()
            .any(|(at, c)| ".!?".contains(c) && text[at + 1..].starts_with(char::is_whitespace) && at > 0);
    report.words >= MIN_BODY_WORDS && ends_a_sentence
}

/// Every Swedish message, rendered: key → its texts (the default rendering first).
fn swedish_messages() -> BTreeMap<String, Vec<String>> {
    let resources: Vec<_> = LOCALES[Locale::SV.0]
        .sources
        .iter()
        .map(|(_, text)| fluent_syntax::parser::parse(*text).unwrap_or_else(|(resource, _)| resource))
        .collect();
    let mut messages = HashMap::new();
    let mut terms = HashMap::new();
    for entry in resources.iter().flat_map(|r| &r.body) {
        match entry {
            Entry::Message(m) => {
                if let Some(value) = &m.value {
                    messages.insert(m.id.name, value);
                }
            }
            Entry::Term(t) => {
                terms.insert(t.id.name, &t.value);
            }
            _ => {}
        }
    }
    let refs = Refs { messages: &messages, terms: &terms };
    messages.iter().map(|(key, pattern)| (key.to_string(), refs.pattern(pattern, 0))).collect()
}

struct Refs<'a> {
    messages: &'a HashMap<&'static str, &'a Pattern<&'static str>>,
    terms: &'a HashMap<&'static str, &'a Pattern<&'static str>>,
}

impl Refs<'_> {
    /// The texts a pattern can give, the default variants' first.
    fn pattern(&self, pattern: &Pattern<&str>, depth: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        for element in &pattern.elements {
            let pieces = match element {
                PatternElement::TextElement { value } => vec![value.to_string()],
                PatternElement::Placeable { expression } => self.expression(expression, depth),
            };
            texts = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .take(MAX_VARIANTS)
                .collect();
        }
        texts
    }

    fn expression(&self, expression: &Expression<&str>, depth: usize) -> Vec<String> {
        match expression {
            Expression::Select { variants, .. } => {
                let mut ordered: Vec<_> = variants.iter().collect();
                ordered.sort_by_key(|v| !v.default);
                ordered.into_iter().flat_map(|v| self.pattern(&v.value, depth)).collect()
            }
            Expression::Inline(inline) => self.inline(inline, depth),
        }
    }

    fn inline(&self, inline: &InlineExpression<&str>, depth: usize) -> Vec<String> {
        let referenced = |pattern: Option<&&Pattern<&str>>| match pattern {
            Some(p) if depth < 4 => self.pattern(p, depth + 1),
            _ => vec![VARIABLE.to_string()],
        };
        match inline {
            InlineExpression::StringLiteral { value } | InlineExpression::NumberLiteral { value } => {
                vec![value.to_string()]
            }
            InlineExpression::MessageReference { id, .. } => referenced(self.messages.get(id.name)),
            InlineExpression::TermReference { id, .. } => referenced(self.terms.get(id.name)),
            InlineExpression::Placeable { expression } => self.expression(expression, depth),
            InlineExpression::VariableReference { .. } | InlineExpression::FunctionReference { .. } => {
                vec![VARIABLE.to_string()]
            }
        }
    }
}

/// Every body text's problems, by key (a message fails when any of its variants does).
fn failing() -> (BTreeMap<String, Problems>, Vec<String>, usize) {
    let glossary = glossary::builtin();
    let mut failures = BTreeMap::new();
    let mut bodies = Vec::new();
    let messages = swedish_messages();
    for (key, texts) in &messages {
        let mut found = Problems::default();
        for (i, text) in texts.iter().enumerate() {
            let report = checker::check(text, glossary);
            if !is_body_text(text, &report) {
                continue;
            }
            if i == 0 {
                bodies.push(text.clone());
            }
            found.merge(problems(&report));
        }
        if !found.is_empty() {
            failures.insert(key.clone(), found);
        }
    }
    (failures, bodies, messages.len())
}

#[test]
fn the_swedish_interface_passes_the_plain_language_checker() {
    let exceptions: ExceptionFile = toml::from_str(EXCEPTIONS).expect("klarsprak-undantag.toml parses");
    let (failures, bodies, all) = failing();
    let keys = swedish_messages();
    let together = checker::check(&bodies.join("\n\n"), glossary::builtin());
    println!(
        "Swedish UI: {all} messages, {} body texts, LIX of all body texts together {:.1}, {} failing keys \
         ({} with a reviewed exception)",
        bodies.len(),
        together.lix.unwrap_or_default(),
        failures.len(),
        exceptions.exception.len()
    );
    let mut errors = Vec::new();
    let mut excepted = std::collections::HashSet::new();
    for exception in &exceptions.exception {
        let reviewed = !exception.reason.trim().is_empty() && !exception.reviewed_by.trim().is_empty();
        if !reviewed {
            errors.push(format!("{}: an exception needs a reason and who reviewed it", exception.key));
        } else if !keys.contains_key(&exception.key) {
            errors
                .push(format!("{}: excepted, but no such key any more: remove the exception", exception.key));
        } else if !failures.contains_key(&exception.key) {
            errors.push(format!("{}: excepted, but it passes now: remove the exception", exception.key));
        }
        excepted.insert(exception.key.as_str());
    }
    for (key, found) in &failures {
        println!("  {key}: {found}");
        if !excepted.contains(key.as_str()) {
            errors.push(format!("{key}: {found}"));
        }
    }
    assert!(
        errors.is_empty(),
        "Swedish body texts must be plain (rewrite them, or add a reviewed exception to \
         locales/klarsprak-undantag.toml):\n{}",
        errors.join("\n")
    );
}

#[test]
fn messages_render_as_a_reader_sees_them() {
    let messages = swedish_messages();
    // A term is filled in, a selection gives each variant (the default first), a variable is `X`.
    assert!(messages["search-results"] == ["X träffar", "En träff"], "{:?}", messages["search-results"]);
    assert!(messages["accessibility-intro"][0].starts_with("Nära drivs av Helsingborgs stad. Vi vill"));
    let glossary = glossary::builtin();
    let label = "Organisationsnummer";
    assert!(!is_body_text(label, &checker::check(label, glossary)));
    let body = "Du erhåller ett beslut inom två veckor efter att vi har fått ansökan.";
    let report = checker::check(body, glossary);
    assert!(is_body_text(body, &report));
    assert_eq!(problems(&report).words, ["erhåller → få"]);
}
