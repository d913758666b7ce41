//! The list of bureaucratic words and phrases with plain alternatives that the checker flags,
//! managed by the coordinator and the plain-language reviewers under `/personal/klarsprak/ord`.
//! It starts as the starter list (`words_sv.toml`), put in once right after the migrations
//! (`store::seed_starter`); from then on the table is the list. The pairs hold no personal data.

pub mod store;
pub mod web;

use uuid::Uuid;

use super::checker::Glossary;
use crate::db::UtcTime;
use crate::web::form::FormErrors;

/// Longest phrase, in characters (the longest in the starter list is under 40).
pub const MAX_PHRASE_CHARS: usize = 80;
/// Longest plain alternative, in characters.
pub const MAX_PLAIN_CHARS: usize = 200;

/// One pair of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub id: Uuid,
    pub phrase: String,
    pub plain: String,
    pub updated_at: UtcTime,
}

/// The key a phrase is listed once under: lower case, single spaces.
pub fn phrase_key(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The form to add or change a pair, as posted (`fras`, `enklare`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PairForm {
    #[serde(default)]
    pub fras: String,
    #[serde(default)]
    pub enklare: String,
}

impl PairForm {
    pub fn of(pair: &Pair) -> Self {
        Self { fras: pair.phrase.clone(), enklare: pair.plain.clone() }
    }

    /// The phrase and its plain alternative (trimmed, single-spaced), or what is wrong.
    pub fn read(&self) -> Result<(String, String), FormErrors> {
        let mut errors = FormErrors::default();
        let phrase = self.fras.split_whitespace().collect::<Vec<_>>().join(" ");
        let plain = self.enklare.split_whitespace().collect::<Vec<_>>().join(" ");
        if phrase.is_empty() {
            errors.add("fras", "plain-words-error-phrase-missing");
        } else if phrase.chars().count() > MAX_PHRASE_CHARS {
            errors.add("fras", "plain-words-error-phrase-too-long");
        } else if !usable(&phrase) {
            errors.add("fras", "plain-words-error-phrase-unusable");
        }
        if plain.is_empty() {
            errors.add("enklare", "plain-words-error-plain-missing");
        } else if plain.chars().count() > MAX_PLAIN_CHARS {
            errors.add("enklare", "plain-words-error-plain-too-long");
        }
        if errors.is_empty() { Ok((phrase, plain)) } else { Err(errors) }
    }
}

/// Whether the checker can match the phrase: words of letters, digits and hyphens, a `*` only at
/// a word's end, and the checker's own rule for prefixes (asked of the checker, not repeated).
fn usable(phrase: &str) -> bool {
    let words_ok = phrase.split(' ').all(|word| {
        let stem = word.strip_suffix('*').unwrap_or(word);
        !stem.is_empty() && stem.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    words_ok && Glossary::new([(phrase, "x")]).len() == 1
}

/// The list as the checker's glossary.
pub fn glossary(pairs: &[(String, String)]) -> Glossary {
    Glossary::new(pairs.iter().map(|(phrase, plain)| (phrase.as_str(), plain.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(fras: &str, enklare: &str) -> Result<(String, String), Vec<&'static str>> {
        PairForm { fras: fras.into(), enklare: enklare.into() }
            .read()
            .map_err(|e| e.items().iter().map(|i| i.key).collect())
    }

    #[test]
    fn a_pair_is_trimmed_and_single_spaced() {
        assert_eq!(read("  i  enlighet med ", " enligt\n"), Ok(("i enlighet med".into(), "enligt".into())));
        assert_eq!(read("erhåll*", "få"), Ok(("erhåll*".into(), "få".into())));
        assert_eq!(phrase_key(" I  Enlighet MED"), "i enlighet med");
        assert_eq!(phrase_key("ÅTERKOMMA"), "återkomma");
    }

    #[test]
    fn what_the_checker_cannot_match_is_refused() {
        assert_eq!(read("", "x"), Err(vec!["plain-words-error-phrase-missing"]));
        assert_eq!(read("x", " "), Err(vec!["plain-words-error-plain-missing"]));
        assert_eq!(read("er*", "få"), Err(vec!["plain-words-error-phrase-unusable"]), "too short a prefix");
        assert_eq!(read("t.ex.", "till exempel"), Err(vec!["plain-words-error-phrase-unusable"]));
        assert_eq!(read("*hålla", "få"), Err(vec!["plain-words-error-phrase-unusable"]));
        let long = "a".repeat(MAX_PHRASE_CHARS + 1);
        assert_eq!(read(&long, "b"), Err(vec!["plain-words-error-phrase-too-long"]));
        let long = "a".repeat(MAX_PLAIN_CHARS + 1);
        assert_eq!(read("avseende", &long), Err(vec!["plain-words-error-plain-too-long"]));
    }
}
