//! The plain-language checker: readability figures and hints for a Swedish text. Pure: no
//! database, no HTTP, and it never panics on any input (a property test feeds it arbitrary text).
//! Every position it reports is a byte range in the text it was given.

pub mod abbreviations;
pub mod bureaucratic;
pub mod lix;
pub mod nominal;
pub mod ovix;
pub mod passive;
pub mod personal_data;
pub mod sentences;
pub mod words;

use std::collections::HashSet;

use serde::Serialize;

pub use abbreviations::AbbreviationHit;
pub use bureaucratic::{BureaucraticHit, Glossary};
pub use lix::LixBand;
pub use personal_data::{PersonalDataHit, PersonalDataKind};

/// A sentence with more words than this is long.
pub const LONG_SENTENCE_WORDS: usize = 25;
/// How many of the longest sentences the report lists.
pub const LONGEST_SHOWN: usize = 5;

/// Everything the checker says about one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub long_words: usize,
    pub mean_sentence_words: Option<f64>,
    pub mean_word_letters: Option<f64>,
    pub lix: Option<f64>,
    pub lix_band: Option<LixBand>,
    pub ovix: Option<f64>,
    /// Nouns per verb, estimated without a tagger (see `nominal`).
    pub nominal_quotient: Option<f64>,
    /// How many sentences have more than [`LONG_SENTENCE_WORDS`] words.
    pub long_sentences: usize,
    /// The longest sentences, longest first (ties in text order).
    pub longest_sentences: Vec<SentenceHit>,
    pub long_compounds: Vec<WordHit>,
    pub passives: Vec<WordHit>,
    pub bureaucratic: Vec<BureaucraticHit>,
    pub abbreviations: Vec<AbbreviationHit>,
    pub personal_data: Vec<PersonalDataHit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentenceHit {
    pub start: usize,
    pub end: usize,
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordHit {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Report {
    /// Whether the text may not be published as it is (personal data found).
    pub fn has_personal_data(&self) -> bool {
        !self.personal_data.is_empty()
    }
}

/// Checks `text` against the bureaucratic words of `glossary`.
pub fn check(text: &str, glossary: &Glossary) -> Report {
    let words = words::words(text);
    let lower = nominal::lower(&words);
    let sentence_words = words_per_sentence(&sentences::sentences(text), &words);
    let sentence_count = sentence_words.len();
    let long_words = words.iter().filter(|w| w.is_long()).count();
    let letters: usize = words.iter().map(|w| w.letters).sum();
    let unique = lower.iter().map(String::as_str).collect::<HashSet<_>>().len();
    let (nouns, verbs) = nominal::counts(&lower);
    let lix = lix::lix(words.len(), sentence_count, long_words);
    let hit = |w: &words::Word<'_>| WordHit { text: w.text.to_string(), start: w.start, end: w.end };
    let mut longest = sentence_words.clone();
    longest.sort_by_key(|s| (std::cmp::Reverse(s.words), s.start));
    longest.truncate(LONGEST_SHOWN);
    Report {
        characters: text.chars().count(),
        words: words.len(),
        sentences: sentence_count,
        long_words,
        mean_sentence_words: ratio(words.len(), sentence_count),
        mean_word_letters: ratio(letters, words.len()),
        lix,
        lix_band: lix.map(LixBand::of),
        ovix: ovix::ovix(words.len(), unique),
        nominal_quotient: nominal::quotient(nouns, verbs),
        long_sentences: sentence_words.iter().filter(|s| s.words > LONG_SENTENCE_WORDS).count(),
        longest_sentences: longest,
        long_compounds: words.iter().filter(|w| w.is_long_compound()).map(hit).collect(),
        passives: words
            .iter()
            .zip(&lower)
            .filter(|(_, l)| passive::is_passive(l))
            .map(|(w, _)| hit(w))
            .collect(),
        bureaucratic: glossary.find(text, &words, &lower),
        abbreviations: abbreviations::find(text, &words),
        personal_data: personal_data::find(text),
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The sentences that hold at least one word, with their word counts (both lists are in text
/// order, so one pass pairs them).
fn words_per_sentence(spans: &[sentences::Span], words: &[words::Word<'_>]) -> Vec<SentenceHit> {
    let mut counted = Vec::with_capacity(spans.len());
    let mut next = 0;
    for span in spans {
        while next < words.len() && words[next].start < span.start {
            next += 1;
        }
        let first = next;
        while next < words.len() && words[next].start < span.end {
            next += 1;
        }
        if next > first {
            counted.push(SentenceHit { start: span.start, end: span.end, words: next - first });
        }
    }
    counted
}

#[cfg(test)]
mod tests;
