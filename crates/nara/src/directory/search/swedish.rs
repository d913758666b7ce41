//! How Swedish text becomes search terms, kept in one place so that indexing, querying and
//! highlighting agree.
//!
//! - Words are lower-cased and stemmed with the Swedish Snowball stemmer. Nothing folds å/ä/ö to
//!   a/o: "får" (sheep, gets) and "far" (father) are different words.
//! - Compound words: Swedish joins words ("alkoholmissbruk", "missbruksvård"), and the stemmer does
//!   not split them. Long stems are also indexed by their leading and trailing parts, so a search
//!   for "missbruk" finds both. Parts are at least four letters and leave at least three: "våld"
//!   finds "våldsutsatt" and "partnervåld", while short accidental parts stay out.
//! - Synonyms from the managed list widen a query word to its alternatives, compared as stems.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

/// The tokenizer name registered with the index for stemmed Swedish text.
pub const ANALYZER: &str = "sv_stem";
/// Parts are single tokens separated by spaces.
pub const PARTS_ANALYZER: &str = "whitespace";

const MIN_PART: usize = 4;
const MIN_REST: usize = 3;
/// Words this long or longer can be compounds worth splitting.
const MIN_COMPOUND: usize = MIN_PART + MIN_REST + 1;
/// Query words this long or longer tolerate one typo.
pub const MIN_FUZZY: usize = 5;

/// The managed synonym list: each line is a group of words that mean the same to a person
/// searching. "soc" is how many still say it; the pages themselves always say "socialtjänsten".
pub const SYNONYMS: &[&[&str]] = &[
    &["soc", "socialtjänst", "socialkontor"],
    &["beroende", "missbruk"],
    &["anhörig", "närstående"],
    &["skuld", "skulder", "inkasso", "kronofogden"],
    &["bostad", "boende", "lägenhet", "hemlös"],
    &["våld", "misshandel"],
    &["ensam", "ensamhet"],
    &["psykisk", "psykiatri", "mående"],
    &["jobb", "arbete", "sysselsättning"],
    &["spel", "spelberoende", "gambling"],
    &["pengar", "ekonomi", "försörjningsstöd", "bistånd"],
];

/// Stemmed Swedish text: what the `name` and `body` fields are indexed with.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// Query words: as the analyzer, with Swedish and English stop words ("och", "min", "the", "my")
/// left out: entries have English descriptions too, and "the" would otherwise find them all.
/// Built once (the stop-word lists are sets) and cloned for each use.
pub fn query_analyzer() -> TextAnalyzer {
    static ANALYZER: LazyLock<TextAnalyzer> = LazyLock::new(|| {
        let swedish = StopWordFilter::new(Language::Swedish).expect("tantivy ships Swedish stop words");
        let english = StopWordFilter::new(Language::English).expect("tantivy ships English stop words");
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(60))
            .filter(LowerCaser)
            .filter(swedish)
            .filter(english)
            .filter(Stemmer::new(Language::Swedish))
            .build()
    });
    ANALYZER.clone()
}

/// The stems of a text, in order.
pub fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The compound parts of a text, as space-separated tokens for the `parts` field.
pub fn parts_of(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    for stem in stems(analyzer, text) {
        for part in compound_parts(&stem) {
            out.push_str(part);
            out.push(' ');
        }
    }
    out
}

/// The leading and trailing parts of a long stem.
pub fn compound_parts(stem: &str) -> Vec<&str> {
    let boundaries: Vec<usize> = stem.char_indices().map(|(i, _)| i).chain([stem.len()]).collect();
    let letters = boundaries.len() - 1;
    if letters < MIN_COMPOUND {
        return Vec::new();
    }
    let mut parts = Vec::new();
    for length in MIN_PART..=letters - MIN_REST {
        parts.push(&stem[..boundaries[length]]);
        parts.push(&stem[boundaries[letters - length]..]);
    }
    parts
}

/// Whether `part` is one of the parts [`compound_parts`] gives for `stem`, without listing them.
pub fn is_compound_part(stem: &str, part: &str) -> bool {
    let (letters, in_stem) = (part.chars().count(), stem.chars().count());
    in_stem >= MIN_COMPOUND
        && letters >= MIN_PART
        && in_stem >= letters + MIN_REST
        && (stem.starts_with(part) || stem.ends_with(part))
}

/// Ways to read a query word as a compound of two words the index knows ("budgetrådgivning" as
/// "budget" + "rådgivning"), so a compound in the query finds texts that use the words apart.
/// A linking "s" ("missbruksvård") is dropped from the first word. At most two readings.
pub fn splits(stem: &str, known: impl Fn(&str) -> bool) -> Vec<(&str, &str)> {
    let boundaries: Vec<usize> = stem.char_indices().map(|(i, _)| i).collect();
    let letters = boundaries.len();
    if letters < 2 * MIN_PART {
        return Vec::new();
    }
    let mut found = Vec::new();
    for &at in &boundaries[MIN_PART..=letters - MIN_PART] {
        let (left, right) = stem.split_at(at);
        if !known(right) {
            continue;
        }
        let left = if known(left) {
            left
        } else {
            match left.strip_suffix('s') {
                Some(bare) if bare.chars().count() >= MIN_PART && known(bare) => bare,
                _ => continue,
            }
        };
        found.push((left, right));
        if found.len() == 2 {
            break;
        }
    }
    found
}

/// The words of a query, each stemmed, with stop words left out.
#[derive(Clone)]
pub struct QueryWords {
    analyzer: TextAnalyzer,
    synonyms: Arc<HashMap<String, Vec<String>>>,
}

impl Default for QueryWords {
    /// The standard synonyms, stemmed once and shared by every search.
    fn default() -> Self {
        static STANDARD: LazyLock<QueryWords> = LazyLock::new(|| QueryWords::new(SYNONYMS));
        STANDARD.clone()
    }
}

impl QueryWords {
    pub fn new(groups: &[&[&str]]) -> Self {
        let mut plain = analyzer();
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
        for group in groups {
            let group_stems: Vec<String> = group.iter().filter_map(|w| stems(&mut plain, w).pop()).collect();
            for stem in &group_stems {
                let others = group_stems.iter().filter(|s| *s != stem).cloned();
                let entry = synonyms.entry(stem.clone()).or_default();
                entry.extend(others);
                entry.dedup();
            }
        }
        Self { analyzer: query_analyzer(), synonyms: Arc::new(synonyms) }
    }

    /// Each query word's stem with its synonyms' stems.
    pub fn words(&mut self, query: &str) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        for stem in stems(&mut self.analyzer, query) {
            if words.iter().any(|w| w.stem == stem) {
                continue;
            }
            let synonyms = self.synonyms.get(&stem).cloned().unwrap_or_default();
            words.push(Word { stem, synonyms });
        }
        words
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub stem: String,
    pub synonyms: Vec<String>,
}

impl Word {
    /// The stem and its synonyms.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.stem.as_str()).chain(self.synonyms.iter().map(String::as_str))
    }
}

/// A run of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// A text whose words were analyzed once, so that it can be highlighted for any query without
/// running the stemmer again (a search shows the same entries again and again).
#[derive(Debug, Clone)]
pub struct AnalyzedText {
    /// Each word's place in the text and its stem.
    words: Vec<(std::ops::Range<usize>, String)>,
}

impl AnalyzedText {
    /// One pass of `analyzer` over `text`: each token keeps its place in the text.
    pub fn new(analyzer: &mut TextAnalyzer, text: &str) -> Self {
        let mut stream = analyzer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let token = stream.token();
            words.push((token.offset_from..token.offset_to, token.text.clone()));
        }
        Self { words }
    }

    /// Splits `text` (the text this was made from) into segments, marking the words a query
    /// matched: the same stem, a compound that holds it, or the stem with one typo.
    pub fn highlight(&self, text: &str, words: &[Word]) -> Vec<Segment> {
        let mut segments: Vec<Segment> = Vec::new();
        let mut push = |piece: &str, matched: bool| match segments.last_mut() {
            _ if piece.is_empty() => {}
            Some(last) if last.matched == matched => last.text.push_str(piece),
            _ => segments.push(Segment { text: piece.to_string(), matched }),
        };
        let mut shown = 0;
        for (place, stem) in &self.words {
            // A text other than the analyzed one cannot be cut at these places.
            let (Some(before), Some(word)) = (text.get(shown..place.start), text.get(place.clone())) else {
                break;
            };
            if matches_any(stem, words) {
                push(before, false);
                push(word, true);
                shown = place.end;
            }
        }
        push(text.get(shown..).unwrap_or_default(), false);
        segments
    }
}

fn matches_any(stem: &str, words: &[Word]) -> bool {
    words.iter().flat_map(Word::all).any(|wanted| {
        stem == wanted
            || is_compound_part(stem, wanted)
            || (wanted.chars().count() >= MIN_FUZZY && within_one_edit(stem, wanted))
    })
}

/// Whether two words differ by at most one inserted, deleted, replaced or swapped letter (the
/// same tolerance as the index's fuzzy matching).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let same_after = |from: usize| short[from..] == long[from..];
        same_after(prefix + 1)
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && same_after(prefix + 2))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        stems(&mut analyzer(), word).pop().unwrap()
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("skulder"), stem("skulderna"));
        assert_eq!(stem("anhöriga"), stem("anhörig"));
    }

    #[test]
    fn swedish_letters_are_not_folded() {
        assert_ne!(stem("får"), stem("far"));
        assert_eq!(stem("Våld"), "våld");
    }

    #[test]
    fn compounds_are_found_by_their_parts() {
        let parts = compound_parts("alkoholmissbruk");
        assert!(parts.contains(&"missbruk") && parts.contains(&"alkohol"));
        assert!(compound_parts("missbruksvård").contains(&"missbruk"));
        assert!(compound_parts("partnervåld").contains(&"våld"));
        assert!(compound_parts("våld").is_empty(), "short words are not split");
        assert!(!compound_parts("alkoholmissbruk").iter().any(|p| p.chars().count() < 4));
    }

    #[test]
    fn a_compound_part_is_recognised_without_listing_the_parts() {
        for stem in ["alkoholmissbruk", "missbruksvård", "partnervåld", "våld", "anhörig", "skuldrådgivning"]
        {
            for part in
                ["missbruk", "alkohol", "våld", "vård", "anhö", "rådgivning", "skuld", "alkoholmissbruk"]
            {
                let listed = compound_parts(stem).contains(&part);
                assert_eq!(is_compound_part(stem, part), listed, "{part} in {stem}");
            }
        }
    }

    #[test]
    fn stop_words_leave_the_query() {
        let words = QueryWords::default().words("stöd för anhöriga och barn");
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, vec![stem("stöd"), stem("anhöriga"), stem("barn")]);
    }

    #[test]
    fn synonyms_widen_a_word_both_ways() {
        let mut query = QueryWords::default();
        let soc = &query.words("soc")[0];
        assert!(soc.synonyms.contains(&stem("socialtjänst")));
        let beroende = &query.words("beroende")[0];
        assert!(beroende.synonyms.contains(&stem("missbruk")));
        let missbruk = &query.words("missbruk")[0];
        assert!(missbruk.synonyms.contains(&stem("beroende")));
        let narstaende = &query.words("närstående")[0];
        assert!(narstaende.synonyms.contains(&stem("anhörig")));
    }

    #[test]
    fn a_compound_query_word_is_read_as_two_known_words() {
        let known = |w: &str| ["budget", "rådgivning", "missbruk", "vård"].contains(&w);
        assert_eq!(splits("budgetrådgivning", known), vec![("budget", "rådgivning")]);
        assert_eq!(splits("missbruksvård", known), vec![("missbruk", "vård")]);
        assert!(splits("okändaordet", known).is_empty());
        assert!(splits("kort", known).is_empty());
    }

    #[test]
    fn one_edit_is_tolerated_two_are_not() {
        assert!(within_one_edit("missbruk", "misbruk"));
        assert!(within_one_edit("missbruk", "missbrukk"));
        assert!(within_one_edit("missbruk", "missbrak"));
        assert!(within_one_edit("missbruk", "misbsruk"));
        assert!(within_one_edit("missbruk", "imssbruk"));
        assert!(!within_one_edit("missbruk", "mibruk"));
        assert!(!within_one_edit("missbruk", "massbrak"));
    }

    #[test]
    fn matches_are_highlighted_in_the_text() {
        let words = QueryWords::default().words("missbruk");
        let text = "Stöd vid alkoholmissbruk, för dig och familjen.";
        let segments = AnalyzedText::new(&mut analyzer(), text).highlight(text, &words);
        let marked: Vec<&str> = segments.iter().filter(|s| s.matched).map(|s| s.text.as_str()).collect();
        assert_eq!(marked, vec!["alkoholmissbruk"]);
        let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, "Stöd vid alkoholmissbruk, för dig och familjen.");
    }

    #[test]
    fn a_text_analyzed_once_highlights_any_query() {
        let text = "Stöd vid alkoholmissbruk och spelberoende.";
        let analyzed = AnalyzedText::new(&mut analyzer(), text);
        let marked = |query: &str| -> Vec<String> {
            let words = QueryWords::default().words(query);
            analyzed.highlight(text, &words).into_iter().filter(|s| s.matched).map(|s| s.text).collect()
        };
        assert_eq!(marked("alkohol"), vec!["alkoholmissbruk"]);
        assert_eq!(
            marked("missbruk"),
            vec!["alkoholmissbruk", "spelberoende"],
            "a synonym, beroende, marks too"
        );
        assert_eq!(marked("spel"), vec!["spelberoende"]);
        assert_eq!(marked("våld"), Vec::<String>::new());
    }
}
