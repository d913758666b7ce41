//! Bureaucratic words and phrases with plain alternatives. A pattern is one or more words; a word
//! ending in `*` matches any word that begins with it ("erhåll*" matches "erhåller", "erhållit").
//! Matching is by whole words without regard to case, the longest pattern first at each word.

use std::collections::HashMap;

use serde::Serialize;

use super::words::Word;

/// Prefix patterns shorter than this would match too much.
pub const MIN_PREFIX_CHARS: usize = 3;

#[derive(Debug, Clone)]
struct Entry {
    words: Vec<Pattern>,
    phrase: String,
    plain: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    Prefix(String),
}

impl Pattern {
    fn parse(word: &str) -> Pattern {
        match word.strip_suffix('*') {
            Some(prefix) => Pattern::Prefix(prefix.to_lowercase()),
            None => Pattern::Exact(word.to_lowercase()),
        }
    }

    fn key(&self) -> &str {
        match self {
            Pattern::Exact(w) | Pattern::Prefix(w) => w,
        }
    }

    fn matches(&self, lower: &str) -> bool {
        match self {
            Pattern::Exact(w) => w == lower,
            Pattern::Prefix(p) => lower.starts_with(p.as_str()),
        }
    }
}

/// Phrases and their plain alternatives, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    by_first: HashMap<String, Vec<Entry>>,
    len: usize,
}

/// A bureaucratic word or phrase in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BureaucraticHit {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The list's phrase that matched ("erhåll*").
    pub phrase: String,
    pub plain: String,
}

impl Glossary {
    /// A glossary of `(phrase, plain alternative)` pairs; phrases without a word, or whose prefix
    /// is shorter than [`MIN_PREFIX_CHARS`], are skipped.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Glossary {
        let mut glossary = Glossary::default();
        for (phrase, plain) in pairs {
            let words: Vec<Pattern> = phrase.split_whitespace().map(Pattern::parse).collect();
            let usable = !words.is_empty()
                && words.iter().all(|w| match w {
                    Pattern::Prefix(p) => p.chars().count() >= MIN_PREFIX_CHARS,
                    Pattern::Exact(e) => !e.is_empty(),
                });
            if !usable {
                continue;
            }
            let entry = Entry { phrase: phrase.trim().to_string(), plain: plain.trim().to_string(), words };
            let list = glossary.by_first.entry(entry.words[0].key().to_string()).or_default();
            list.push(entry);
            // Longest first, so "i enlighet med" wins over a shorter phrase at the same word.
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
            glossary.len += 1;
        }
        glossary
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The phrases in `words` (with `lower`, the same words in lower case).
    pub fn find(&self, text: &str, words: &[Word<'_>], lower: &[String]) -> Vec<BureaucraticHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(lower, i) {
                Some(entry) => {
                    let last = &words[i + entry.words.len() - 1];
                    hits.push(BureaucraticHit {
                        text: text[words[i].start..last.end].to_string(),
                        start: words[i].start,
                        end: last.end,
                        phrase: entry.phrase.clone(),
                        plain: entry.plain.clone(),
                    });
                    i += entry.words.len();
                }
                None => i += 1,
            }
        }
        hits
    }

    fn longest_at(&self, lower: &[String], i: usize) -> Option<&Entry> {
        let word = lower[i].as_str();
        // The word itself (exact patterns and whole-word prefixes), then its shorter prefixes.
        let keys = std::iter::once(word).chain(
            word.char_indices()
                .skip(MIN_PREFIX_CHARS)
                .map(|(at, _)| &word[..at])
                .collect::<Vec<_>>()
                .into_iter()
                .rev(),
        );
        keys.filter_map(|key| self.by_first.get(key))
            .flatten()
            .filter(|entry| {
                entry.words.len() <= lower.len() - i
                    && entry.words.iter().zip(&lower[i..]).all(|(pattern, w)| pattern.matches(w))
            })
            .max_by_key(|entry| entry.words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::nominal::lower;
    use super::super::words::words;
    use super::*;

    fn hits(glossary: &Glossary, text: &str) -> Vec<(String, String)> {
        let words = words(text);
        glossary.find(text, &words, &lower(&words)).into_iter().map(|h| (h.text, h.plain)).collect()
    }

    #[test]
    fn phrases_prefixes_and_case() {
        let glossary = Glossary::new([
            ("erhåll*", "få"),
            ("i enlighet med", "enligt"),
            ("i enlighet", "ska inte vinna"),
            ("beviljas", "får"),
            ("avseende", "om"),
            ("x*", "för kort, hoppas över"),
        ]);
        assert_eq!(glossary.len(), 5);
        // Hand count: "Erhåller" (prefix), "I enlighet med" (longest phrase), "beviljas" = 3;
        // "erhållande" is one more (prefix), "enlighet" alone is not a phrase.
        assert_eq!(
            hits(&glossary, "Du erhåller stöd. I enlighet med lagen beviljas det, enlighet, erhållande!"),
            [
                ("erhåller".to_string(), "få".to_string()),
                ("I enlighet med".to_string(), "enligt".to_string()),
                ("beviljas".to_string(), "får".to_string()),
                ("erhållande".to_string(), "få".to_string()),
            ]
        );
        assert!(hits(&glossary, "i enlighet").len() == 1 && hits(&glossary, "hållande").is_empty());
    }
}
