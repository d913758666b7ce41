//! The plain-language group's review of staff texts (`/personal/klarsprak`): a member of staff
//! submits a text (pasted or uploaded) with its audience, channel and deadline; a reviewer of the
//! group takes it, or the coordinator assigns one; the reviewer comments on passages and suggests
//! rewrites; the author answers and makes a new version; the text is approved or returned. The
//! checker's figures are shown for every version side by side. Personal data found by the checker
//! blocks a submission (and a new version) until it is removed: the text is never stored.
//!
//! This module holds the domain types and pure rules; `store` its SQL, `access` who may have which
//! text, and the handlers: `pages` (the overview and a text's page), `author` (submitting, new
//! versions, answers) and `reviewing` (taking, assigning, comments, decisions).

pub mod access;
pub mod author;
pub mod pages;
pub mod reviewing;
pub mod store;

use chrono::NaiveDate;

use super::checker::{PersonalDataKind, Report};
use crate::web::form::FormErrors;

/// The longest title, audience, passage, comment, rewrite and answer, in characters.
pub const MAX_TITLE: usize = 150;
pub const MAX_AUDIENCE: usize = 200;
pub const MAX_PASSAGE: usize = 1_000;
pub const MAX_COMMENT: usize = 4_000;
pub const MAX_REWRITE: usize = 4_000;
pub const MAX_ANSWER: usize = 4_000;
/// The longest text, as the checker's API takes it.
pub const MAX_TEXT: usize = super::api::MAX_CHARS;

/// Where the text will be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Web,
    Brochure,
    LetterTemplate,
    Form,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Web, Channel::Brochure, Channel::LetterTemplate, Channel::Form];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Brochure => "brochure",
            Channel::LetterTemplate => "letter_template",
            Channel::Form => "form",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Channel::Web => "plain-review-channel-web",
            Channel::Brochure => "plain-review-channel-brochure",
            Channel::LetterTemplate => "plain-review-channel-letter-template",
            Channel::Form => "plain-review-channel-form",
        }
    }
}

/// Where a text is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Open: any reviewer may take it.
    Submitted,
    /// A reviewer has it.
    InReview,
    /// Sent back to the author with comments, for a new version.
    Returned,
    Approved,
}

impl State {
    pub const ALL: [State; 4] = [State::Submitted, State::InReview, State::Returned, State::Approved];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Submitted => "submitted",
            State::InReview => "in_review",
            State::Returned => "returned",
            State::Approved => "approved",
        }
    }

    pub fn parse(text: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            State::Submitted => "plain-review-state-submitted",
            State::InReview => "plain-review-state-in-review",
            State::Returned => "plain-review-state-returned",
            State::Approved => "plain-review-state-approved",
        }
    }

    /// The author may make a new version until the text is approved.
    pub fn open_to_new_versions(self) -> bool {
        self != State::Approved
    }
}

/// What the author says about a text when submitting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub title: String,
    pub audience: String,
    pub channel: Channel,
    pub deadline: NaiveDate,
    pub text: String,
}

/// The kinds of personal data the checker found, each once, in the order first found. Only the
/// kind is ever shown or logged, never the value.
/// Refuses personal data (a personal identity number, telephone number or e-mail address) in a
/// short field on `field`: a title, an audience, a comment or an answer is read by the whole group.
pub fn refuse_personal_data(errors: &mut FormErrors, field: &'static str, text: &str) {
    if !crate::plain_language::checker::personal_data::find(text).is_empty() {
        errors.add(field, "plain-review-error-personal-field");
    }
}

pub fn personal_data_kinds(report: &Report) -> Vec<PersonalDataKind> {
    let mut kinds = Vec::new();
    for hit in &report.personal_data {
        if !kinds.contains(&hit.kind) {
            kinds.push(hit.kind);
        }
    }
    kinds
}

/// The checker's figures for one version, as the side-by-side table shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub lix: Option<f64>,
    pub lix_band_key: Option<&'static str>,
    pub ovix: Option<f64>,
    pub nominal_quotient: Option<f64>,
    pub words_per_sentence: Option<f64>,
    pub long_words: usize,
    pub bureaucratic: usize,
    pub passives: usize,
}

impl Figures {
    pub fn of(report: &Report) -> Self {
        Self {
            lix: report.lix,
            lix_band_key: report.lix_band.map(|b| b.message_key()),
            ovix: report.ovix,
            nominal_quotient: report.nominal_quotient,
            words_per_sentence: report.mean_sentence_words,
            long_words: report.long_words,
            bureaucratic: report.bureaucratic.len(),
            passives: report.passives.len(),
        }
    }

    /// Whether `self` reads more easily than `before`: a lower LIX, and no more bureaucratic words,
    /// passives or words per sentence.
    pub fn improves_on(&self, before: &Figures) -> bool {
        let lower = |a: Option<f64>, b: Option<f64>| matches!((a, b), (Some(a), Some(b)) if a < b);
        let not_higher = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        lower(self.lix, before.lix)
            && not_higher(self.words_per_sentence, before.words_per_sentence)
            && self.bureaucratic <= before.bureaucratic
            && self.passives <= before.passives
    }
}

/// A number as the table shows it: one decimal, with the locale's decimal sign; a dash for none.
pub fn one_decimal(value: Option<f64>, decimal_comma: bool) -> String {
    match value {
        None => "–".to_string(),
        Some(v) => {
            let text = format!("{v:.1}");
            if decimal_comma { text.replace('.', ",") } else { text }
        }
    }
}

/// A passage a reviewer comments on must be quoted from the version: found in it once spaces are
/// made single (a line break in the quote matches a space in the text).
pub fn passage_in(text: &str, passage: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let passage = squash(passage);
    !passage.is_empty() && squash(text).contains(&passage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_language::checker::{Glossary, check};

    #[test]
    fn channels_and_states_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Some(channel));
        }
        for state in State::ALL {
            assert_eq!(State::parse(state.as_str()), Some(state));
        }
        assert_eq!(Channel::parse("tv"), None);
        assert!(State::Returned.open_to_new_versions() && !State::Approved.open_to_new_versions());
    }

    #[test]
    fn personal_data_is_named_by_kind_once() {
        let report = check(
            "Ring 070-123 45 67 eller 08-123 456 78. Skriv till kim@example.se.",
            &Glossary::new([("erhålla", "få")]),
        );
        assert_eq!(
            personal_data_kinds(&report),
            vec![PersonalDataKind::PhoneNumber, PersonalDataKind::EmailAddress]
        );
        let clean = check("Ring oss på dagtid.", &Glossary::new([("erhålla", "få")]));
        assert!(personal_data_kinds(&clean).is_empty());
    }

    #[test]
    fn a_plainer_version_improves_on_the_first() {
        let glossary = Glossary::new([("erhåll*", "få"), ("i enlighet med", "enligt")]);
        let before = Figures::of(&check(
            "Den enskilde erhåller i enlighet med gällande bestämmelser ekonomiskt bistånd efter \
             genomförd behovsbedömning som utförs av handläggaren. Ansökan handläggs skyndsamt.",
            &glossary,
        ));
        let after =
            Figures::of(&check("Du kan få pengar. Vi tittar på vad du behöver. Vi svarar snart.", &glossary));
        assert!(after.improves_on(&before), "{before:?} → {after:?}");
        assert!(!before.improves_on(&after));
        assert!(before.bureaucratic >= 2 && after.bureaucratic == 0);
    }

    #[test]
    fn numbers_have_one_decimal_in_the_locales_way() {
        assert_eq!(one_decimal(Some(41.26), true), "41,3");
        assert_eq!(one_decimal(Some(2.0), false), "2.0");
        assert_eq!(one_decimal(None, true), "–");
    }

    #[test]
    fn a_passage_is_quoted_from_the_text() {
        let text = "Vi svarar inom två veckor.\nRing oss om du undrar något.";
        assert!(passage_in(text, "två veckor. Ring oss"));
        assert!(passage_in(text, "  Ring   oss "));
        assert!(!passage_in(text, "tre veckor"));
        assert!(!passage_in(text, "   "));
    }
}
