//! The managed vocabulary of search: everyday words and phrases ("min pappa dricker", "afraid of my
//! partner", "vräkt") that staff connect to areas of help and entries, because people describe
//! their situation instead of naming a service.
//!
//! A *wording* is one need said in several ways (Swedish and English, with the inflections the
//! stemmer does not join) and where it leads: areas, entries, and whether it is about acute danger
//! (a crisis wording shows the crisis lines first). A phrase matches a query when its words appear
//! in it in the same order, with at most [`MAX_GAP`] other words between them, compared as stems:
//! "rädd för min partner" matches "jag är rädd för min partner", and "slår mig" does not match
//! "jag slår min partner". Search then adds the areas and entries as extra alternatives.

pub mod staff;
pub mod store;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::TextAnalyzer;
use uuid::Uuid;

use super::search::swedish;
use crate::db::UtcTime;
use crate::web::form::FormErrors;

/// How many other words may stand between two words of a phrase in a query.
pub const MAX_GAP: usize = 2;
pub const MAX_PHRASES: usize = 80;
pub const MAX_PHRASE_CHARS: usize = 100;
pub const MAX_ENTRIES: usize = 20;

/// One need said in everyday words, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub id: Uuid,
    /// As staff wrote them, one per line.
    pub phrases: Vec<String>,
    /// Slugs of areas of help.
    pub areas: Vec<String>,
    /// Slugs of directory entries.
    pub entries: Vec<String>,
    /// About acute danger, violence or suicide: searches that match show the crisis lines first.
    pub crisis: bool,
    pub updated_at: UtcTime,
}

impl Wording {
    /// The first phrase, which names the wording in lists.
    pub fn title(&self) -> &str {
        self.phrases.first().map_or("", String::as_str)
    }
}

/// What a query's matching wordings add to its search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expansion {
    pub areas: Vec<String>,
    pub entries: Vec<String>,
    pub crisis: bool,
}

impl Expansion {
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.entries.is_empty() && !self.crisis
    }
}

/// The vocabulary ready for matching: each phrase as stems, with the wording it belongs to.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// The version of the stored vocabulary this was made from.
    pub version: i64,
    wordings: Vec<Wording>,
    phrases: Vec<(Vec<String>, usize)>,
}

impl Vocabulary {
    pub fn new(version: i64, wordings: Vec<Wording>) -> Self {
        let mut analyzer = swedish::analyzer();
        let mut phrases = Vec::new();
        for (at, wording) in wordings.iter().enumerate() {
            for phrase in &wording.phrases {
                let stems = swedish::stems(&mut analyzer, phrase);
                if !stems.is_empty() {
                    phrases.push((stems, at));
                }
            }
        }
        Self { version, wordings, phrases }
    }

    /// The areas, entries and crisis flag of every wording with a phrase in `query`.
    pub fn expand(&self, analyzer: &mut TextAnalyzer, query: &str) -> Expansion {
        let words = swedish::stems(analyzer, query);
        let mut expansion = Expansion::default();
        let mut seen = vec![false; self.wordings.len()];
        for (stems, at) in &self.phrases {
            if seen[*at] || !in_order(stems, &words) {
                continue;
            }
            seen[*at] = true;
            let wording = &self.wordings[*at];
            expansion.crisis |= wording.crisis;
            for (into, from) in
                [(&mut expansion.areas, &wording.areas), (&mut expansion.entries, &wording.entries)]
            {
                for slug in from {
                    if !into.contains(slug) {
                        into.push(slug.clone());
                    }
                }
            }
        }
        expansion
    }

    /// Whether any crisis wording leads to the entry `slug` (its page then shows the crisis lines).
    pub fn crisis_entry(&self, slug: &str) -> bool {
        self.wordings.iter().any(|w| w.crisis && w.entries.iter().any(|e| e == slug))
    }
}

/// Whether `phrase` occurs in `words` in order, with at most [`MAX_GAP`] words between its words.
fn in_order(phrase: &[String], words: &[String]) -> bool {
    let Some(first) = phrase.first() else { return false };
    words.iter().enumerate().filter(|(_, w)| *w == first).any(|(start, _)| {
        let mut at = start;
        phrase[1..].iter().all(|wanted| {
            let window = words.iter().enumerate().skip(at + 1).take(MAX_GAP + 1);
            match window.clone().find(|(_, w)| *w == wanted) {
                Some((found, _)) => {
                    at = found;
                    true
                }
                None => false,
            }
        })
    })
}

/// The staff form as posted: phrases and entries one a line, areas as checkboxes.
#[derive(Debug, Clone, Default)]
pub struct WordingForm {
    pub fraser: String,
    pub omraden: Vec<String>,
    pub poster: String,
    pub kris: Option<String>,
}

impl WordingForm {
    /// From the posted pairs (checkboxes repeat a name); unknown names are ignored.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            match name.as_str() {
                "fraser" => form.fraser = value.clone(),
                "omraden" => form.omraden.push(value.clone()),
                "poster" => form.poster = value.clone(),
                "kris" => form.kris = Some(value.clone()),
                _ => {}
            }
        }
        form
    }

    pub fn of(wording: &Wording) -> Self {
        Self {
            fraser: wording.phrases.join("\n"),
            omraden: wording.areas.clone(),
            poster: wording.entries.join("\n"),
            kris: wording.crisis.then(|| "1".into()),
        }
    }

    /// The wording the form describes, or what is wrong with it. `area_known` and `entry_known`
    /// tell which slugs exist.
    pub fn read(
        &self,
        id: Uuid,
        area_known: impl Fn(&str) -> bool,
        entry_known: impl Fn(&str) -> bool,
    ) -> Result<Wording, FormErrors> {
        let mut errors = FormErrors::default();
        let phrases = lines(&self.fraser);
        if phrases.is_empty() {
            errors.add("fraser", "vocabulary-error-phrases-missing");
        } else if phrases.len() > MAX_PHRASES || phrases.iter().any(|p| p.chars().count() > MAX_PHRASE_CHARS)
        {
            errors.add("fraser", "vocabulary-error-phrases-too-long");
        } else if phrases.iter().any(|p| swedish::stems(&mut swedish::analyzer(), p).is_empty()) {
            errors.add("fraser", "vocabulary-error-phrases-no-words");
        }
        let mut areas: Vec<String> = Vec::new();
        for area in self.omraden.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
            if !area_known(area) {
                errors.add("omraden", "vocabulary-error-area-unknown");
                break;
            }
            if !areas.iter().any(|a| a == area) {
                areas.push(area.to_string());
            }
        }
        let entries = lines(&self.poster);
        if entries.len() > MAX_ENTRIES {
            errors.add("poster", "vocabulary-error-entries-too-many");
        } else if entries.iter().any(|e| !entry_known(e)) {
            errors.add("poster", "vocabulary-error-entry-unknown");
        }
        let crisis = self.kris.as_deref().is_some_and(|v| !v.is_empty());
        if errors.is_empty() && areas.is_empty() && entries.is_empty() && !crisis {
            errors.add("omraden", "vocabulary-error-leads-nowhere");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Wording { id, phrases, areas, entries, crisis, updated_at: UtcTime::now() })
    }
}

/// The non-blank lines of a text, trimmed, each once.
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.iter().any(|o| o == line) {
            out.push(line.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wording(phrases: &[&str], areas: &[&str], entries: &[&str], crisis: bool) -> Wording {
        Wording {
            id: Uuid::new_v4(),
            phrases: phrases.iter().map(|s| s.to_string()).collect(),
            areas: areas.iter().map(|s| s.to_string()).collect(),
            entries: entries.iter().map(|s| s.to_string()).collect(),
            crisis,
            updated_at: UtcTime::now(),
        }
    }

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            1,
            vec![
                wording(&["rädd för min partner", "slår mig", "afraid of my partner"], &["vald"], &[], true),
                wording(&["jag slår min", "I hit my"], &["vald"], &["sluta-utova-vald"], false),
                wording(&["pappa dricker", "dad drinks"], &["alkohol", "barn"], &["maskrosbarn"], false),
            ],
        )
    }

    fn expand(query: &str) -> Expansion {
        vocabulary().expand(&mut swedish::analyzer(), query)
    }

    #[test]
    fn a_phrase_matches_in_order_with_its_inflections() {
        let found = expand("Jag är rädd för min partner");
        assert_eq!(found.areas, vec!["vald"]);
        assert!(found.crisis);
        assert_eq!(expand("min pappa dricker").entries, vec!["maskrosbarn"]);
        assert_eq!(expand("my dad drinks too much").entries, vec!["maskrosbarn"]);
        assert_eq!(expand("PAPPA DRICKER").areas, vec!["alkohol", "barn"]);
    }

    #[test]
    fn the_order_of_the_words_matters() {
        let victim = expand("jag är rädd att min man slår mig");
        assert!(victim.crisis && victim.entries.is_empty(), "{victim:?}");
        let user = expand("jag slår min partner och vill sluta");
        assert_eq!(user.entries, vec!["sluta-utova-vald"]);
        assert!(!user.crisis);
        assert!(expand("dricker pappa").is_empty());
    }

    #[test]
    fn words_far_apart_are_not_a_phrase() {
        assert!(!expand("pappa dricker").is_empty());
        assert!(!expand("pappa han dricker").is_empty());
        assert!(expand("pappa säger att han inte dricker").is_empty());
    }

    #[test]
    fn crisis_entries_are_known() {
        let vocabulary = Vocabulary::new(1, vec![wording(&["vill dö"], &[], &["akuten"], true)]);
        assert!(vocabulary.crisis_entry("akuten"));
        assert!(!vocabulary.crisis_entry("fritidsbanken"));
    }

    #[test]
    fn the_form_refuses_what_leads_nowhere_and_unknown_slugs() {
        let known = |s: &str| s == "vald";
        let form = |fraser: &str, omraden: &[&str], poster: &str, kris: bool| WordingForm {
            fraser: fraser.into(),
            omraden: omraden.iter().map(|s| s.to_string()).collect(),
            poster: poster.into(),
            kris: kris.then(|| "1".into()),
        };
        let read = |f: WordingForm| f.read(Uuid::nil(), known, |s| s == "kvinnojouren");
        let ok = read(form(" slår mig \n\nslår mig\nhits me", &["vald"], "kvinnojouren", false)).unwrap();
        assert_eq!(ok.phrases, vec!["slår mig", "hits me"], "trimmed, blank and repeated lines dropped");
        assert_eq!(ok.entries, vec!["kvinnojouren"]);
        assert!(read(form("vill dö", &[], "", true)).unwrap().crisis, "a crisis wording needs no area");
        let errors = |f| read(f).unwrap_err().items().iter().map(|e| e.key).collect::<Vec<_>>();
        assert_eq!(errors(form("", &["vald"], "", false)), vec!["vocabulary-error-phrases-missing"]);
        assert_eq!(errors(form("x", &["okänt"], "", false)), vec!["vocabulary-error-area-unknown"]);
        assert_eq!(errors(form("x", &[], "saknas", false)), vec!["vocabulary-error-entry-unknown"]);
        assert_eq!(errors(form("x", &[], "", false)), vec!["vocabulary-error-leads-nowhere"]);
        assert_eq!(errors(form("...", &["vald"], "", false)), vec!["vocabulary-error-phrases-no-words"]);
        let long = "a".repeat(MAX_PHRASE_CHARS + 1);
        assert_eq!(errors(form(&long, &["vald"], "", false)), vec!["vocabulary-error-phrases-too-long"]);
    }
}
