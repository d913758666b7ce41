//! Nominal quotient (nominalkvot), the simple form: nouns per verb. A high quotient means a
//! heavy, noun-laden style ("beviljande av ansökan sker efter prövning").
//!
//! This is an *estimate without a part-of-speech tagger*: nouns are words with the typical
//! derivational suffixes of abstract nouns (-ning, -het, -else, -tion, -ande/-ende, with their
//! inflections), verbs are common verb forms from a short list, words right after "att" or a
//! subject pronoun, and -s passives. Compare texts with it, do not quote it as Sparv's figure.

use super::passive;
use super::words::Word;

const NOUN_SUFFIXES: &[&str] = &[
    "ning", "ningen", "ningar", "ningarna", "het", "heten", "heter", "heterna", "else", "elsen", "elser",
    "elserna", "tion", "tionen", "tioner", "tionerna", "ande", "andet", "anden", "ende", "endet", "enden",
];

/// Common verb forms, mostly auxiliaries and the verbs public texts use most.
const VERBS: &[&str] = &[
    "är", "var", "vara", "varit", "har", "hade", "ha", "haft", "kan", "kunde", "kunna", "ska", "skall",
    "skulle", "får", "fick", "fått", "sker", "skedde", "måste", "vill", "ville", "blir", "blev", "bli",
    "blivit", "gör", "göra", "gjorde", "gjort", "finns", "fanns", "kommer", "kom", "komma", "behöver",
    "behövde", "går", "gick", "ger", "gav", "tar", "tog", "ser", "såg", "vet", "visste", "säger", "sa",
    "sade", "bör", "borde", "brukar", "söker", "sökte", "hjälper", "hjälpte", "betyder", "gäller", "gällde",
    "handlar", "heter", "hör", "ring", "skriv", "kontakta", "fyll", "skicka", "läs", "boka", "välj", "tryck",
    "fråga", "berätta",
];

/// Pronouns that are usually followed by a verb in a Swedish main clause.
const SUBJECTS: &[&str] = &["jag", "du", "vi", "ni", "han", "hon", "hen", "de", "man", "det", "den"];

/// Whether a word (lower case) looks like an abstract noun.
pub fn looks_like_noun(lower: &str) -> bool {
    lower.chars().count() >= 6 && NOUN_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// Estimated nouns and verbs among `words` (given in lower case, in order).
pub fn counts(lower: &[String]) -> (usize, usize) {
    let mut nouns = 0;
    let mut verbs = 0;
    for (i, word) in lower.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| lower[p].as_str());
        if looks_like_noun(word) {
            nouns += 1;
        } else if VERBS.contains(&word.as_str())
            || passive::is_passive(word)
            || previous.is_some_and(|p| p == "att" || SUBJECTS.contains(&p))
        {
            verbs += 1;
        }
    }
    (nouns, verbs)
}

/// Nouns per verb, or `None` when no verb was found.
pub fn quotient(nouns: usize, verbs: usize) -> Option<f64> {
    (verbs > 0).then(|| nouns as f64 / verbs as f64)
}

/// Lower-cased words, for the measures that compare words.
pub fn lower(words: &[Word<'_>]) -> Vec<String> {
    words.iter().map(|w| w.text.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    #[test]
    fn noun_heavy_text_has_a_higher_quotient() {
        // "Beviljande av ansökan sker efter prövning och bedömning av behovet":
        // nouns by suffix: beviljande, prövning, bedömning = 3; verbs: "sker" (listed) = 1 → 3.0.
        let heavy = lower(&words("Beviljande av ansökan sker efter prövning och bedömning av behovet"));
        assert_eq!(counts(&heavy), (3, 1));
        assert_eq!(quotient(3, 1), Some(3.0));
        assert_eq!(quotient(3, 0), None);
        // "Du får ett beslut när vi har läst din ansökan och pratat med dig":
        // nouns 0; verbs: "får" (list, and after "du"), "har" (list, after "vi") = 2.
        let plain = lower(&words("Du får ett beslut när vi har läst din ansökan och pratat med dig"));
        assert_eq!(counts(&plain), (0, 2));
        // "Ansökningen kräver en utredning. Handläggningen tar tid och det finns väntetider":
        // nouns: ansökningen, utredning, handläggningen = 3; verbs: tar, finns = 2 → 1.5.
        let mixed =
            lower(&words("Ansökningen kräver en utredning. Handläggningen tar tid och det finns väntetider"));
        assert_eq!(counts(&mixed), (3, 2));
        assert_eq!(quotient(3, 2), Some(1.5));
    }
}
