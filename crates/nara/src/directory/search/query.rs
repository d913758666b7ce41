//! From what a person typed and the filters they chose to ranked hits.
//!
//! Each query word matches, best first: the entry's name, its body, a compound that holds the word,
//! and, for words of five letters or more that the index does not know, the word with one typo.
//! Synonyms match the same places a little lower. A compound the index does not know is also read
//! as two words it knows. Words are alternatives (an entry with more of them ranks higher), filters
//! are required. "Open now" is decided from each hit's opening hours at the time of the search, among
//! the best `OPEN_NOW_POOL` hits.

use chrono::{DateTime, Utc};
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::swedish::{self, MIN_FUZZY, QueryWords, Word};
use super::{Fields, SearchIndex};
use crate::directory::{Entry, EntryKind, OpenStatus};

pub const PER_PAGE: usize = 20;
const OPEN_NOW_POOL: usize = 500;
/// Queries longer than this are cut: no one types more into a search box, and it bounds the work.
const MAX_WORDS: usize = 12;

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
    pub entry: Entry,
    pub status: Option<OpenStatus>,
    pub stale: bool,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
    /// The query's words as searched (for highlighting).
    pub words: Vec<Word>,
}

impl SearchResults {
    pub fn pages(&self) -> usize {
        self.total.div_ceil(PER_PAGE).max(1)
    }
}

pub(super) fn run(index: &SearchIndex, request: &SearchRequest) -> anyhow::Result<SearchResults> {
    let mut words = QueryWords::default().words(&request.text);
    words.truncate(MAX_WORDS);
    let fields = index.fields();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if words.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    } else {
        let searcher = index.searcher();
        let known = |stem: &str| {
            [fields.body, fields.parts]
                .iter()
                .any(|f| searcher.doc_freq(&Term::from_field_text(*f, stem)).unwrap_or(0) > 0)
        };
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> =
            words.iter().map(|w| (Occur::Should, word_query(fields, w, !known(&w.stem)))).collect();
        for word in &words {
            if known(&word.stem) {
                continue;
            }
            for (left, right) in swedish::splits(&word.stem, known) {
                let both = BooleanQuery::new(vec![
                    (Occur::Must, anywhere(fields, left)),
                    (Occur::Must, anywhere(fields, right)),
                ]);
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(both), 0.8))));
            }
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
    }
    let filters = &request.filters;
    let keyword = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
    };
    for (field, value) in [
        (fields.area, filters.area.as_deref()),
        (fields.group, filters.group.as_deref()),
        (fields.language, filters.language.as_deref()),
        (fields.kind, filters.kind.map(EntryKind::code)),
    ] {
        if let Some(value) = value {
            clauses.push((Occur::Must, keyword(field, value)));
        }
    }
    let query = BooleanQuery::new(clauses);
    let page = request.page.max(1);
    let hit = |entry: Entry| Hit {
        status: entry.status_at(request.now),
        stale: entry.is_stale(request.now),
        entry,
    };
    if filters.open_now {
        let (pool, _) = index.top(&query, OPEN_NOW_POOL, 0)?;
        let open: Vec<Hit> =
            pool.into_iter().map(hit).filter(|h| h.status.is_some_and(|s| s.is_open())).collect();
        let total = open.len();
        let hits = open.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
        return Ok(SearchResults { hits, total, words });
    }
    let (entries, total) = index.top(&query, PER_PAGE, (page - 1) * PER_PAGE)?;
    Ok(SearchResults { hits: entries.into_iter().map(hit).collect(), total, words })
}

/// One query word and its synonyms, in every place it can match; with one typo tolerated when the
/// word itself is not in the index (fuzzy matching is the costly part of a search, and a word the
/// index knows is most likely spelt as meant).
fn word_query(fields: &Fields, word: &Word, unknown: bool) -> Box<dyn Query> {
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
                let fuzzy = FuzzyTermQuery::new(term(field), 1, true);
                places.push((Occur::Should, Box::new(BoostQuery::new(Box::new(fuzzy), boost))));
            }
        }
    }
    Box::new(BooleanQuery::new(places))
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

/// Marks the words of `text` that the search matched.
pub fn highlight(index: &SearchIndex, text: &str, words: &[Word]) -> Vec<swedish::Segment> {
    swedish::highlight(&mut index.analyzer(), text, words)
}
