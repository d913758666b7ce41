//! Abbreviations: the Swedish ones written with dots (which sentence splitting must not take for
//! the end of a sentence) and acronyms that the text never explains.

use std::collections::HashSet;

use serde::Serialize;

use super::words::Word;

/// Common Swedish abbreviations and what they stand for, written as the text would.
pub const KNOWN: &[(&str, &str)] = &[
    ("t.ex.", "till exempel"),
    ("bl.a.", "bland annat"),
    ("m.m.", "med mera"),
    ("kl.", "klockan"),
    ("s.k.", "så kallad"),
    ("d.v.s.", "det vill säga"),
    ("dvs.", "det vill säga"),
    ("dvs", "det vill säga"),
    ("ca.", "cirka"),
    ("ca", "cirka"),
    ("nr.", "nummer"),
    ("nr", "nummer"),
    ("jfr.", "jämför"),
    ("jfr", "jämför"),
    ("fr.o.m.", "från och med"),
    ("t.o.m.", "till och med"),
    ("o.s.v.", "och så vidare"),
    ("osv.", "och så vidare"),
    ("osv", "och så vidare"),
    ("etc.", "och så vidare"),
    ("p.g.a.", "på grund av"),
    ("pga.", "på grund av"),
    ("pga", "på grund av"),
    ("m.fl.", "med flera"),
    ("fr.a.", "framför allt"),
    ("f.d.", "före detta"),
    ("e.d.", "eller dylikt"),
    ("resp.", "respektive"),
    ("inkl.", "inklusive"),
    ("exkl.", "exklusive"),
    ("enl.", "enligt"),
    ("ang.", "angående"),
    ("tel.", "telefon"),
    ("st.", "stycken"),
    ("obs.", "observera"),
    ("s.", "sidan"),
    ("ff.", "och följande"),
];

/// Abbreviations after which a capital letter begins a new sentence ("… böcker m.m. Sedan …").
/// After the others a sentence goes on ("kl. 10", "t.ex. Anna").
pub const MAY_END_SENTENCE: &[&str] = &["m.m.", "o.s.v.", "osv.", "etc.", "m.fl.", "e.d.", "ff."];

/// The expansion of a known abbreviation (matched without regard to case).
pub fn expansion(token: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(short, _)| short.eq_ignore_ascii_case(token)).map(|(_, long)| *long)
}

/// An abbreviation found in a text: its first place and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbbreviationHit {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub count: usize,
    /// What a known abbreviation stands for; `None` for an unexplained acronym.
    pub expansion: Option<&'static str>,
}

/// Known abbreviations (write them out) and acronyms never explained in the text: an acronym is
/// explained when it stands in brackets right after its long form ("… (LSS)") or right before
/// one ("LSS (lagen om …)").
pub fn find(text: &str, words: &[Word<'_>]) -> Vec<AbbreviationHit> {
    let mut hits: Vec<AbbreviationHit> = Vec::new();
    let mut add = |found: &str, start: usize, expansion: Option<&'static str>| {
        if let Some(hit) = hits.iter_mut().find(|h| h.text == found) {
            hit.count += 1;
        } else {
            hits.push(AbbreviationHit {
                text: found.to_string(),
                start,
                end: start + found.len(),
                count: 1,
                expansion,
            });
        }
    };
    for (start, chunk) in chunks(text) {
        let trimmed = chunk.trim_start_matches(OPENING);
        let lead = chunk.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(CLOSING);
        // "kl." keeps its dot; a sentence's full stop after "osv" is not part of "osv".
        let candidates = [trimmed, trimmed.trim_end_matches('.')];
        if let Some((found, long)) = candidates.iter().find_map(|c| expansion(c).map(|long| (*c, long))) {
            add(found, start + lead, Some(long));
        }
    }
    let explained = explained_acronyms(text, words);
    for word in words {
        let head = word.text.split('-').next().unwrap_or(word.text);
        if is_acronym(head) && !explained.contains(head) {
            add(head, word.start, None);
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

const OPENING: &[char] = &['(', '[', '"', '\'', '«', '»', '“', '”', '„'];
const CLOSING: &[char] = &[')', ']', '"', '\'', '«', '»', '“', '”', ',', ';', ':', '!', '?'];

/// Whitespace-separated pieces of text with their byte offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |chunk| (chunk.as_ptr() as usize - text.as_ptr() as usize, chunk))
}

/// Two to eight letters, all capitals but perhaps one small letter inside ("LSS", "SoL", "IVO").
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&letters)
        && word.chars().all(char::is_alphabetic)
        && capitals >= 2
        && capitals + 1 >= letters
        && word.chars().next().is_some_and(char::is_uppercase)
}

fn explained_acronyms<'a>(text: &str, words: &[Word<'a>]) -> HashSet<&'a str> {
    words
        .iter()
        .filter(|w| is_acronym(w.text))
        .filter(|w| {
            let before = text[..w.start].trim_end_matches(' ');
            let after = text[w.end..].trim_start_matches(' ');
            (before.ends_with('(') && after.starts_with(')')) || after.starts_with('(')
        })
        .map(|w| w.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn found(text: &str) -> Vec<(String, usize, Option<&'static str>)> {
        find(text, &words(text)).into_iter().map(|h| (h.text, h.count, h.expansion)).collect()
    }

    #[test]
    fn dotted_abbreviations_are_found_with_their_expansion() {
        // Hand count: "t.ex." once, "kl." once, "osv" once (the dot ends the sentence).
        assert_eq!(
            found("Ta med t.ex. papper. Kom kl. 10 med mat osv."),
            [
                ("t.ex.".to_string(), 1, Some("till exempel")),
                ("kl.".to_string(), 1, Some("klockan")),
                ("osv.".to_string(), 1, Some("och så vidare")),
            ]
        );
    }

    #[test]
    fn acronyms_count_once_and_explained_ones_are_left_alone() {
        // "LSS" is explained by its brackets; "IVO" occurs twice, never explained.
        let text = "Lagen om stöd och service (LSS) gäller. IVO granskar. Kontakta IVO.";
        assert_eq!(found(text), [("IVO".to_string(), 2, None)]);
        assert!(found("SoL (socialtjänstlagen) gäller.").is_empty());
        assert_eq!(found("Enligt SoL ska du få stöd.")[0].0, "SoL");
    }

    #[test]
    fn ordinary_capitalised_words_are_not_acronyms() {
        assert!(!is_acronym("Anna"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("VÄLDIGTLÅNGTORD"));
        assert!(is_acronym("BBIC"));
    }
}
