//! From what a person typed and the filters they chose to ranked hits.
//!
//! Each query word matches, best first: the entry's name, its body, a compound that holds the word,
//! and, for words of five letters or more that the index does not know, the word with one typo.
//! Synonyms match the same places a little lower. A compound the index does not know is also read
//! as two words it knows. Words are alternatives (an entry with more of them ranks higher), filters
//! are required. "Open now" is decided from each hit's opening hours at the time of the search, among
//! the best `OPEN_NOW_POOL` hits.
//!
//! Wordings of the managed vocabulary that the query contains add their areas and entries as
//! further alternatives, each a term query on the `area` or `slug` field. A query of only stop words
//! ("man", "min", "the") searches nothing instead of everything.
//!
//! The words' places are one flat union of term queries, each scored by BM25 with its boost; a
//! typo stands as the index's own terms one edit away from it, so a near word is scored like any
//! other instead of all alike.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::Field;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::rank::{self, RERANK_POOL};
use super::swedish::{self, MIN_FUZZY, QueryWords, Word};
use std::sync::Arc;

use super::{Fields, MAX_COUNTED, SearchIndex, ShownEntry};
use crate::directory::vocabulary::Expansion;
use crate::directory::{EntryKind, OpenStatus};

pub const PER_PAGE: usize = 20;
const OPEN_NOW_POOL: usize = 500;
/// Queries longer than this are cut: no one types more into a search box, and it bounds the work.
const MAX_WORDS: usize = 12;
/// How much an area of help a vocabulary wording leads to weighs (about a word in an entry's
/// body), and an entry it names: so much that an entry staff linked to the person's words comes
/// before entries that only share words with them ("rädd för min partner" leads to support for
/// those subjected to violence, whose texts may not say "rädd" at all, before the service for those
/// who use it, whose text does).
const AREA_BOOST: f32 = 2.0;
const ENTRY_BOOST: f32 = 12.0;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub area: Option<String>,
    pub group: Option<String>,
    pub language: Option<String>,
    pub kind: Option<EntryKind>,
    pub open_now: bool,
}

impl Filters {
    pub fn any(&self) -> bool {
        self.area.is_some()
            || self.group.is_some()
            || self.language.is_some()
            || self.kind.is_some()
            || self.open_now
    }
}

#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub text: String,
    pub filters: Filters,
    /// 1-based.
    pub page: usize,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub shown: Arc<ShownEntry>,
    pub status: Option<OpenStatus>,
    pub stale: bool,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// How many entries match; at most [`MAX_COUNTED`], see `more`.
    pub total: usize,
    /// More than [`MAX_COUNTED`] entries match (they were not all counted).
    pub more: bool,
    /// The query's words as searched (for highlighting).
    pub words: Vec<Word>,
    /// A vocabulary wording about acute danger, violence or suicide matched the query.
    pub crisis: bool,
    /// The words themselves found nothing (not a filter that left nothing of what they found).
    pub words_found_nothing: bool,
}

impl SearchResults {
    pub fn pages(&self) -> usize {
        self.total.div_ceil(PER_PAGE).max(1)
    }
}

pub(super) fn run(index: &SearchIndex, request: &SearchRequest) -> anyhow::Result<SearchResults> {
    let mut words = QueryWords::default().words(&request.text);
    words.truncate(MAX_WORDS);
    let mut plain = swedish::analyzer();
    let expansion = index.vocabulary().expand(&mut plain, &request.text);
    let nothing_to_search = words.is_empty() && expansion.areas.is_empty() && expansion.entries.is_empty();
    if nothing_to_search && !swedish::stems(&mut plain, &request.text).is_empty() {
        // Only stop words: they say nothing about what is wanted.
        return Ok(SearchResults {
            hits: Vec::new(),
            total: 0,
            more: false,
            words,
            crisis: expansion.crisis,
            words_found_nothing: true,
        });
    }
    let searcher = index.searcher();
    let fields = index.fields();
    let lexicon = Lexicon { searcher: &searcher, fields };
    let query = query(&lexicon, &words, &expansion, &request.filters);
    let page = request.page.max(1);
    // No page past the counted matches is offered; one asked for by hand shows nothing, and does
    // not make the search read further.
    let wanted = page.min(MAX_COUNTED.div_ceil(PER_PAGE) + 1) * PER_PAGE;
    let today = request.now.timestamp().div_euclid(86_400);
    let (ranked, total, more) = if request.filters.open_now {
        let open = index.candidates(&searcher, &query, OPEN_NOW_POOL.max(wanted), Some(request.now))?;
        let total = open.len();
        (rank::rerank(open, today), total, false)
    } else {
        let limit = RERANK_POOL.max(wanted);
        let pool = index.candidates(&searcher, &query, limit, None)?;
        // Fewer than asked for is every match; otherwise count, but only so far.
        let counted = if pool.len() < limit {
            pool.len()
        } else {
            index.count_up_to(&searcher, &query, MAX_COUNTED)?
        };
        (rank::rerank(pool, today), counted.min(MAX_COUNTED), counted > MAX_COUNTED)
    };
    let hits = ranked
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|candidate| {
            let shown = index.shown_at(&searcher, candidate.address)?;
            let (status, stale) = (shown.entry.status_at(request.now), shown.entry.is_stale(request.now));
            Ok(Hit { shown, status, stale })
        })
        .collect::<anyhow::Result<_>>()?;
    // A filter that left nothing is not a search that found nothing: ask the words alone, once.
    let words_found_nothing = total == 0
        && (!request.filters.any() || {
            let unfiltered = self::query(&lexicon, &words, &expansion, &Filters::default());
            index.count_up_to(&searcher, &unfiltered, 0)? == 0
        });
    Ok(SearchResults { hits, total, more, words, crisis: expansion.crisis, words_found_nothing })
}

/// What the index holds, asked while a query is built.
struct Lexicon<'s> {
    searcher: &'s Searcher,
    fields: &'s Fields,
}

impl Lexicon<'_> {
    /// Whether the index has `stem` in a text or a compound.
    fn knows(&self, stem: &str) -> bool {
        [self.fields.body, self.fields.parts]
            .iter()
            .any(|f| self.searcher.doc_freq(&Term::from_field_text(*f, stem)).unwrap_or(0) > 0)
    }

    /// The terms of `field` one typo from `stem` (a letter added, dropped or changed, or two
    /// neighbours swapped), at most [`MAX_NEAR`], those in most entries first. Asked as terms of
    /// their own, each is scored by how well it matches (a fuzzy query scores every near word
    /// alike) and their number is bounded.
    fn near(&self, field: Field, stem: &str) -> Vec<String> {
        let Ok(automaton) = FuzzyTermQuery::new(Term::from_field_text(field, stem), 1, true).automaton()
        else {
            return Vec::new();
        };
        let mut found: HashMap<String, u64> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            let Ok(index) = segment.inverted_index(field) else { continue };
            let Ok(mut terms) = index.terms().search(&automaton).into_stream() else { continue };
            while terms.advance() {
                if let Ok(text) = std::str::from_utf8(terms.key()) {
                    *found.entry(text.to_string()).or_default() += u64::from(terms.value().doc_freq);
                }
            }
        }
        let mut near: Vec<(String, u64)> = found.into_iter().collect();
        near.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        near.into_iter().take(MAX_NEAR).map(|(text, _)| text).collect()
    }
}

/// At most this many terms stand in for one mistyped word in each field.
const MAX_NEAR: usize = 8;

/// The query for `words` (alternatives) and `filters` (required). Words the index does not know
/// are also tried with a typo and as a compound of two known words.
fn query(lexicon: &Lexicon<'_>, words: &[Word], expansion: &Expansion, filters: &Filters) -> BooleanQuery {
    let fields = lexicon.fields;
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, values, boost) in
        [(fields.area, &expansion.areas, AREA_BOOST), (fields.slug, &expansion.entries, ENTRY_BOOST)]
    {
        for value in values {
            let term = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
            alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(term), boost))));
        }
    }
    for word in words {
        let unknown = !lexicon.knows(&word.stem);
        alternatives.extend(word_places(lexicon, word, unknown));
        if !unknown {
            continue;
        }
        for (left, right) in swedish::splits(&word.stem, |stem| lexicon.knows(stem)) {
            let both = BooleanQuery::new(vec![
                (Occur::Must, anywhere(fields, left)),
                (Occur::Must, anywhere(fields, right)),
            ]);
            alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(both), 0.8))));
        }
    }
    let keyword = |field, value: &str| -> (Occur, Box<dyn Query>) {
        let term = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
        (Occur::Must, Box::new(term))
    };
    let required: Vec<(Occur, Box<dyn Query>)> = [
        (fields.area, filters.area.as_deref()),
        (fields.group, filters.group.as_deref()),
        (fields.language, filters.language.as_deref()),
        (fields.kind, filters.kind.map(EntryKind::code)),
    ]
    .into_iter()
    .filter_map(|(field, value)| value.map(|value| keyword(field, value)))
    .collect();
    match (alternatives.is_empty(), required.is_empty()) {
        (true, true) => BooleanQuery::new(vec![(Occur::Must, Box::new(AllQuery))]),
        (true, false) => BooleanQuery::new(required),
        // The words alone: one flat union.
        (false, true) => BooleanQuery::new(alternatives),
        (false, false) => {
            let mut clauses = required;
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
            BooleanQuery::new(clauses)
        }
    }
}

/// One query word and its synonyms, in every place it can match; with one typo tolerated when the
/// word itself is not in the index (fuzzy matching is the costly part of a search, and a word the
/// index knows is most likely spelt as meant).
fn word_places(lexicon: &Lexicon<'_>, word: &Word, unknown: bool) -> Vec<(Occur, Box<dyn Query>)> {
    let fields = lexicon.fields;
    let mut places: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (i, stem) in word.all().enumerate() {
        let weight = if i == 0 { 1.0 } else { 0.8 };
        let term = |field| Term::from_field_text(field, stem);
        let exact = |field, boost: f32| -> (Occur, Box<dyn Query>) {
            let query = TermQuery::new(term(field), IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(query), boost * weight)))
        };
        places.push(exact(fields.name, 4.0));
        places.push(exact(fields.body, 2.0));
        places.push(exact(fields.parts, 1.0));
        if i == 0 && unknown && stem.chars().count() >= MIN_FUZZY {
            for (field, boost) in [(fields.name, 1.0), (fields.body, 0.5), (fields.parts, 0.3)] {
                for near in lexicon.near(field, stem) {
                    let query =
                        TermQuery::new(Term::from_field_text(field, &near), IndexRecordOption::WithFreqs);
                    places.push((Occur::Should, Box::new(BoostQuery::new(Box::new(query), boost))));
                }
            }
        }
    }
    places
}

/// A stem in the name, the body or a compound.
fn anywhere(fields: &Fields, stem: &str) -> Box<dyn Query> {
    let places = [fields.name, fields.body, fields.parts]
        .into_iter()
        .map(|field| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(TermQuery::new(Term::from_field_text(field, stem), IndexRecordOption::WithFreqs)),
            )
        })
        .collect();
    Box::new(BooleanQuery::new(places))
}
