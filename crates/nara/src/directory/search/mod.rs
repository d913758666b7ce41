//! The search index of the directory (tantivy), one per server process, kept in step with the
//! database through the change log: before answering, a search asks the database for the newest
//! change and applies what it has not seen. Two processes on one PostgreSQL therefore both answer
//! from fresh data after a change made on either, at the cost of one indexed `MAX(seq)` per search.
//!
//! The index lives in `<data dir>/search` and remembers, in its commit payload, how far in the
//! change log it is, so a restart only applies what changed meanwhile. `nara reindex` rebuilds it.
//!
//! A search reads a bounded number of matches: each segment keeps its documents freshest first,
//! and a search scores about [`VISIT_BUDGET`] matches at most, shared among the segments by size.
//! The number of matches is counted only up to [`MAX_COUNTED`], and freshness and "open now" are
//! decided from fast fields for the best matches alone (see [`rank`]). The cost of a search
//! therefore stops growing with the directory once its words match more than the budget.

pub mod evaluation;
pub mod query;
pub mod rank;
pub mod swedish;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use anyhow::Context;
use chrono::{DateTime, Utc};
use tantivy::collector::TopNComputer;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::columnar::{BytesColumn, Column};
use tantivy::directory::MmapDirectory;
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, DocSet, Index, IndexReader, IndexSettings, IndexSortByField, IndexWriter, Order,
    ReloadPolicy, Searcher, TERMINATED, TantivyDocument, Term,
};
use uuid::Uuid;

use super::Entry;
use super::hours::OpeningHours;
use super::vocabulary::Vocabulary;
use crate::db::Db;
use crate::help_areas::HelpArea;
use crate::i18n::Locale;
pub use query::{Filters, Hit, SearchRequest, SearchResults};
use rank::Candidate;
use swedish::{AnalyzedText, Segment, Word};

/// Bumped when the schema or the analysis changes; an index made by another version is rebuilt.
const SCHEMA_VERSION: &str = "5";
/// Matches are counted up to one more than this; a search with more says "more than 1 000"
/// (the figure is written out in the `search-results-more` messages).
pub const MAX_COUNTED: usize = 1_000;
/// About how many matches a search reads at most, shared among the index's segments by their
/// sizes (each segment may still read a page's worth: the bound is this plus that many per
/// segment). Far more than anyone pages through, and bounded, so a search costs about the same at
/// 250,000 entries as at 2,500,000; a search that matches more chooses the best of the most
/// recently confirmed (the index keeps them first).
pub const VISIT_BUDGET: usize = 20_000;
const WRITER_HEAP_BYTES: usize = 50_000_000;
/// How many changes are applied per commit while catching up.
const CATCH_UP_BATCH: i64 = 2_000;

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    id: Field,
    /// The entry's address part, for the entries a vocabulary wording leads to.
    slug: Field,
    name: Field,
    body: Field,
    parts: Field,
    area: Field,
    group: Field,
    language: Field,
    kind: Field,
    /// Days since 1970 of the last confirmation, for ranking fresh entries higher.
    confirmed_day: Field,
    /// The opening hours as JSON, a fast field so "open now" needs no stored document.
    hours: Field,
    /// The whole entry as JSON, so hits render without asking the database.
    entry: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(swedish::ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let parts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(swedish::PARTS_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        slug: builder.add_text_field("slug", STRING),
        name: builder.add_text_field("name", stemmed.clone()),
        body: builder.add_text_field("body", stemmed),
        parts: builder.add_text_field("parts", parts),
        area: builder.add_text_field("area", STRING),
        group: builder.add_text_field("group", STRING),
        language: builder.add_text_field("language", STRING),
        kind: builder.add_text_field("kind", STRING),
        confirmed_day: builder.add_i64_field("confirmed_day", INDEXED | FAST),
        hours: builder.add_bytes_field("hours", FAST),
        entry: builder.add_text_field("entry", STORED),
    };
    (builder.build(), fields)
}

/// Each segment keeps its documents freshest first, so the matches a search reads within its
/// budget (see [`VISIT_BUDGET`]) are the most recently confirmed ones.
fn settings() -> IndexSettings {
    IndexSettings {
        sort_by_field: Some(IndexSortByField { field: "confirmed_day".into(), order: Order::Desc }),
        ..IndexSettings::default()
    }
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Arc<Mutex<IndexWriter>>,
    fields: Fields,
    /// The change-log position the searchable index reflects.
    applied: AtomicI64,
    /// One catch-up at a time; searches that arrive meanwhile wait for it and see its result.
    catching_up: tokio::sync::Mutex<()>,
    /// For an index opened from disk: the entry of the change it says it has applied, checked
    /// against the database once, so an index made from another database is rebuilt, not trusted.
    unverified: Mutex<Option<Uuid>>,
    must_rebuild: AtomicBool,
    /// The database's change generation (`db::changes`) at the last look at the change log: while
    /// it is the same, nothing can have changed and a search asks the database nothing.
    looked_at: AtomicU64,
    /// The same, for the vocabulary (entry pages ask for it without searching).
    vocabulary_looked_at: AtomicU64,
    /// The managed vocabulary, read again when its version in the database changes.
    vocabulary: RwLock<Arc<Vocabulary>>,
    /// Entries searches showed lately, decoded and analyzed, for one generation of the index.
    shown: Mutex<ShownCache>,
    /// How many matches a search reads at most ([`VISIT_BUDGET`] unless a test asks for less).
    visit_budget: usize,
}

/// How many shown entries are kept: the pages people open again and again, in little memory.
const SHOWN_KEPT: usize = 2_000;

#[derive(Default)]
struct ShownCache {
    /// The searcher generation the addresses belong to (a document's address holds only there).
    generation: u64,
    entries: HashMap<DocAddress, Arc<ShownEntry>>,
}

/// An entry as a search shows it: its stored JSON decoded and its name and descriptions analyzed
/// for highlighting, once for as long as the index does not change (not on every search).
#[derive(Debug)]
pub struct ShownEntry {
    pub entry: Entry,
    name: AnalyzedText,
    description_sv: AnalyzedText,
    description_en: Option<AnalyzedText>,
}

impl ShownEntry {
    fn new(entry: Entry, analyzer: &mut TextAnalyzer) -> Self {
        Self {
            name: AnalyzedText::new(analyzer, &entry.name),
            description_sv: AnalyzedText::new(analyzer, &entry.description_sv),
            description_en: entry.description_en.as_deref().map(|text| AnalyzedText::new(analyzer, text)),
            entry,
        }
    }

    /// The name, with the words the query matched marked.
    pub fn name_marked(&self, words: &[Word]) -> Vec<Segment> {
        self.name.highlight(&self.entry.name, words)
    }

    /// The description shown in `locale` (see [`Entry::description`]), with the words marked.
    pub fn description_marked(&self, locale: Locale, words: &[Word]) -> Vec<Segment> {
        match (&self.description_en, &self.entry.description_en, locale == Locale::EN) {
            (Some(analyzed), Some(text), true) => analyzed.highlight(text, words),
            _ => self.description_sv.highlight(&self.entry.description_sv, words),
        }
    }
}

impl SearchIndex {
    /// An index in memory, filled from the database on first use (tests, and a fallback).
    pub fn in_memory() -> anyhow::Result<Self> {
        let (schema, fields) = schema();
        Self::with_index(
            Index::builder().schema(schema).settings(settings()).create_in_ram()?,
            fields,
            0,
            None,
        )
    }

    /// The index in `dir`, created when missing and rebuilt when made by another version.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).context("cannot open the search index directory")?;
        let builder = || Index::builder().schema(schema.clone()).settings(settings());
        let index = match builder().open_or_create(directory) {
            Ok(index) if index.settings().sort_by_field == settings().sort_by_field => index,
            Ok(_) | Err(tantivy::TantivyError::SchemaError(_)) => {
                tracing::info!("the search index was made by another version; rebuilding it");
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                builder().create_in_dir(dir)?
            }
            Err(error) => return Err(error).context("cannot open the search index"),
        };
        let payload = index.load_metas()?.payload.unwrap_or_default();
        let (applied, marker) = match payload.split(':').collect::<Vec<_>>()[..] {
            [SCHEMA_VERSION, seq, entry] => (seq.parse().unwrap_or(0), Uuid::parse_str(entry).ok()),
            _ => (0, None),
        };
        Self::with_index(index, fields, if marker.is_some() { applied } else { 0 }, marker)
    }

    fn with_index(index: Index, fields: Fields, applied: i64, marker: Option<Uuid>) -> anyhow::Result<Self> {
        index.tokenizers().register(swedish::ANALYZER, swedish::analyzer());
        let writer = index.writer_with_num_threads(1, WRITER_HEAP_BYTES).map_err(|error| match error {
            tantivy::TantivyError::LockFailure(..) => {
                anyhow::anyhow!(
                    "the search index is in use by another process (a running server keeps it up to date)"
                )
            }
            other => other.into(),
        })?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Self {
            index,
            reader,
            writer: Arc::new(Mutex::new(writer)),
            fields,
            applied: AtomicI64::new(applied),
            catching_up: tokio::sync::Mutex::new(()),
            unverified: Mutex::new(marker),
            must_rebuild: AtomicBool::new(false),
            looked_at: AtomicU64::new(u64::MAX),
            vocabulary_looked_at: AtomicU64::new(u64::MAX),
            vocabulary: RwLock::new(Arc::new(Vocabulary::default())),
            shown: Mutex::default(),
            visit_budget: VISIT_BUDGET,
        })
    }

    /// The same index reading at most `budget` matches per search (at least a page's worth): lets
    /// tests show what a search that matches more than [`VISIT_BUDGET`] entries chooses from.
    pub fn with_visit_budget(mut self, budget: usize) -> Self {
        self.visit_budget = budget;
        self
    }

    /// The change-log position this index reflects.
    pub fn applied(&self) -> i64 {
        self.applied.load(Ordering::Acquire)
    }

    /// Applies every change the database has that this index has not seen, and reads the
    /// vocabulary again when it has changed.
    pub async fn refresh(&self, db: &Db, areas: &[HelpArea]) -> anyhow::Result<()> {
        // Read first: a change while we look makes the next search look again.
        let generation = db.data_generation();
        if self.looked_at.load(Ordering::Acquire) == generation {
            return Ok(());
        }
        self.refresh_vocabulary(db).await?;
        self.refresh_entries(db, areas).await?;
        self.looked_at.store(generation, Ordering::Release);
        Ok(())
    }

    /// Reads the vocabulary again when its version in the database has changed (asked only when
    /// the data generation moved).
    pub async fn refresh_vocabulary(&self, db: &Db) -> anyhow::Result<()> {
        let generation = db.data_generation();
        if self.vocabulary_looked_at.load(Ordering::Acquire) == generation {
            return Ok(());
        }
        let version = crate::directory::vocabulary::store::version(db).await?;
        if version != self.vocabulary().version {
            let wordings = crate::directory::vocabulary::store::all(db).await?;
            let fresh = Arc::new(Vocabulary::new(version, wordings));
            *self.vocabulary.write().map_err(|_| anyhow::anyhow!("vocabulary poisoned"))? = fresh;
        }
        self.vocabulary_looked_at.store(generation, Ordering::Release);
        Ok(())
    }

    /// The vocabulary as last read.
    pub fn vocabulary(&self) -> Arc<Vocabulary> {
        self.vocabulary.read().map(|v| v.clone()).unwrap_or_default()
    }

    async fn refresh_entries(&self, db: &Db, areas: &[HelpArea]) -> anyhow::Result<()> {
        let marker = self.unverified.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.take();
        if let Some(expected) = marker
            && crate::directory::store::directory_change(db, self.applied()).await? != Some(expected)
        {
            tracing::info!("the search index was made from another database; rebuilding it");
            self.must_rebuild.store(true, Ordering::Release);
        }
        let must_rebuild = || self.must_rebuild.load(Ordering::Acquire);
        if !must_rebuild() && crate::directory::store::last_directory_change(db).await? <= self.applied() {
            return Ok(());
        }
        let _one_at_a_time = self.catching_up.lock().await;
        if must_rebuild() || self.applied() == 0 {
            self.rebuild_locked(db, areas).await?;
            self.must_rebuild.store(false, Ordering::Release);
            return Ok(());
        }
        loop {
            let changes =
                crate::directory::store::directory_changes_since(db, self.applied(), CATCH_UP_BATCH).await?;
            let Some(&(last, last_entry)) = changes.last() else { return Ok(()) };
            let mut ids: Vec<Uuid> = changes.into_iter().map(|(_, id)| id).collect();
            ids.sort();
            ids.dedup();
            let entries = crate::directory::store::entries_by_ids(db, &ids).await?;
            self.write(ids, entries, areas, (last, last_entry), false).await?;
        }
    }

    /// Empties the index and fills it with every published entry.
    pub async fn rebuild(&self, db: &Db, areas: &[HelpArea]) -> anyhow::Result<usize> {
        let _one_at_a_time = self.catching_up.lock().await;
        self.rebuild_locked(db, areas).await?;
        Ok(self.reader.searcher().num_docs() as usize)
    }

    async fn rebuild_locked(&self, db: &Db, areas: &[HelpArea]) -> anyhow::Result<()> {
        // Changes made while rebuilding come after this point and are applied by the next refresh.
        let upto = crate::directory::store::last_directory_change(db).await?;
        let marker = crate::directory::store::directory_change(db, upto).await?.unwrap_or_default();
        self.writer.lock().map_err(|_| anyhow::anyhow!("index writer poisoned"))?.delete_all_documents()?;
        let batch = 5_000;
        let mut after = None;
        loop {
            let entries = crate::directory::store::published_entries_after(db, after, batch).await?;
            let done = (entries.len() as i64) < batch;
            after = entries.last().map(|e| e.id);
            self.write(Vec::new(), entries, areas, (upto, marker), !done).await?;
            if done {
                return Ok(());
            }
        }
    }

    /// Deletes `deleted`, adds the published ones of `entries`, and commits at change `seq` (with
    /// the entry that change was about), unless `more` follows in the same rebuild.
    async fn write(
        &self,
        deleted: Vec<Uuid>,
        entries: Vec<Entry>,
        areas: &[HelpArea],
        (seq, marker): (i64, Uuid),
        more: bool,
    ) -> anyhow::Result<()> {
        let writer = self.writer.clone();
        let fields = self.fields;
        let areas = areas.to_vec();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut writer = writer.lock().map_err(|_| anyhow::anyhow!("index writer poisoned"))?;
            let mut analyzer = swedish::analyzer();
            for id in deleted {
                writer.delete_term(Term::from_field_text(fields.id, &id.to_string()));
            }
            for entry in entries.iter().filter(|e| e.published) {
                writer.add_document(document(&fields, entry, &areas, &mut analyzer)?)?;
            }
            if !more {
                let mut commit = writer.prepare_commit()?;
                commit.set_payload(&format!("{SCHEMA_VERSION}:{seq}:{marker}"));
                commit.commit()?;
            }
            Ok(())
        })
        .await??;
        if !more {
            self.reader.reload()?;
            self.applied.store(seq, Ordering::Release);
        }
        Ok(())
    }

    /// Runs a search. Call `refresh` first for fresh results.
    pub fn search(&self, request: &SearchRequest) -> anyhow::Result<SearchResults> {
        query::run(self, request)
    }

    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The `limit` best matches of `query` by relevance, with their confirmation day, read from
    /// fast fields; with `open_at`, only those open at that moment.
    ///
    /// The hours column is a dictionary: entries with the same schedule share one value, and a
    /// city's entries share a few schedules between them. Each value met is decoded and decided
    /// once per segment and search, not once per match.
    pub(crate) fn candidates(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        open_at: Option<DateTime<Utc>>,
    ) -> anyhow::Result<Vec<Candidate>> {
        let best = self.best(searcher, query, limit)?;
        let mut columns: HashMap<u32, (Column<i64>, Option<BytesColumn>)> = HashMap::new();
        let mut decided: HashMap<(u32, u64), bool> = HashMap::new();
        let mut bytes = Vec::new();
        let mut candidates = Vec::with_capacity(best.len());
        for (score, address) in best {
            let (confirmed, hours) = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(open) => open.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                    let hours = if open_at.is_some() { fast.bytes("hours")? } else { None };
                    slot.insert((fast.i64("confirmed_day")?, hours))
                }
            };
            if let Some(now) = open_at {
                // Hours not known: not shown as open.
                let Some((column, ord)) =
                    hours.as_ref().and_then(|c| c.term_ords(address.doc_id).next().map(|o| (c, o)))
                else {
                    continue;
                };
                let open = match decided.entry((address.segment_ord, ord)) {
                    std::collections::hash_map::Entry::Occupied(known) => *known.get(),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        bytes.clear();
                        column.ord_to_bytes(ord, &mut bytes)?;
                        let hours: OpeningHours = serde_json::from_slice(&bytes)?;
                        *slot.insert(hours.is_open_at(now))
                    }
                };
                if !open {
                    continue;
                }
            }
            let confirmed_day = confirmed.first(address.doc_id).unwrap_or_default();
            candidates.push(Candidate { address, score, confirmed_day });
        }
        Ok(candidates)
    }

    /// The `limit` best matches of `query` by relevance, best first (equals in index order), among
    /// the first matches of each segment: its share of [`VISIT_BUDGET`] by size, and never fewer
    /// than `limit`. Segments keep their documents freshest first, so a search that matches more
    /// than the budget chooses among the most recently confirmed matches, and its cost stays the
    /// same however large the directory grows. Fewer than `limit` found is every match.
    fn best(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
    ) -> anyhow::Result<Vec<(f32, DocAddress)>> {
        let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
        let segments = searcher.segment_readers();
        let all_docs = segments.iter().map(|s| u64::from(s.max_doc())).sum::<u64>().max(1);
        // Natural order: the greatest scores are the top (`TopNComputer::new` keeps the least).
        let mut best = TopNComputer::new_with_comparator(limit, NaturalComparator);
        for (ord, segment) in (0u32..).zip(segments) {
            let share =
                (self.visit_budget as u64).saturating_mul(u64::from(segment.max_doc())).div_ceil(all_docs);
            let mut left = usize::try_from(share).unwrap_or(usize::MAX).max(limit);
            let alive = segment.alive_bitset();
            let mut matches = weight.scorer(segment, 1.0)?;
            let mut doc = matches.doc();
            while doc != TERMINATED && left > 0 {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    best.push(matches.score(), DocAddress::new(ord, doc));
                    left -= 1;
                }
                doc = matches.advance();
            }
        }
        Ok(best.into_sorted_vec().into_iter().map(|found| (found.sort_key, found.doc)).collect())
    }

    /// How many documents match `query`, counted up to `cap + 1` without scoring: enough to say
    /// "more than `cap`" without visiting every match.
    pub(crate) fn count_up_to(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        cap: usize,
    ) -> anyhow::Result<usize> {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let mut counted = 0;
        for segment in searcher.segment_readers() {
            let mut matches = weight.scorer(segment, 1.0)?;
            let alive = segment.alive_bitset();
            let mut doc = matches.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    counted += 1;
                    if counted > cap {
                        return Ok(counted);
                    }
                }
                doc = matches.advance();
            }
        }
        Ok(counted)
    }

    /// The entry at `address` as a search shows it, from memory when a search showed it before
    /// in the same generation of the index.
    pub(crate) fn shown_at(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> anyhow::Result<Arc<ShownEntry>> {
        let generation = searcher.generation().generation_id();
        let kept = |cache: &ShownCache| {
            (cache.generation == generation).then(|| cache.entries.get(&address).cloned()).flatten()
        };
        if let Some(shown) = kept(&self.shown.lock().unwrap_or_else(PoisonError::into_inner)) {
            return Ok(shown);
        }
        let shown = Arc::new(ShownEntry::new(self.entry_at(searcher, address)?, &mut self.analyzer()));
        let mut cache = self.shown.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.generation != generation || cache.entries.len() >= SHOWN_KEPT {
            cache.entries.clear();
            cache.generation = generation;
        }
        cache.entries.insert(address, shown.clone());
        Ok(shown)
    }

    pub(crate) fn entry_at(&self, searcher: &Searcher, address: DocAddress) -> anyhow::Result<Entry> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let json =
            doc.get_first(self.fields.entry).and_then(|v| v.as_str()).context("a hit without its entry")?;
        Ok(serde_json::from_str(json)?)
    }
    pub(crate) fn analyzer(&self) -> TextAnalyzer {
        self.index.tokenizers().get(swedish::ANALYZER).unwrap_or_else(swedish::analyzer)
    }
}

/// The index document of an entry: its name, and a body of its descriptions, areas of help (by
/// name, in both languages) and its address, so "Helsingborg" or "skulder" find it.
fn document(
    fields: &Fields,
    entry: &Entry,
    areas: &[HelpArea],
    analyzer: &mut TextAnalyzer,
) -> anyhow::Result<TantivyDocument> {
    let mut body = vec![entry.description_sv.clone()];
    body.extend(entry.description_en.clone());
    for slug in &entry.areas {
        if let Some(area) = areas.iter().find(|a| &a.slug == slug) {
            body.push(area.name_sv.clone());
            body.push(area.name_en.clone());
        }
    }
    body.extend(entry.address());
    let body = body.join("\n");
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, entry.id.to_string());
    doc.add_text(fields.slug, &entry.slug);
    doc.add_text(fields.name, &entry.name);
    doc.add_text(fields.body, &body);
    doc.add_text(fields.parts, swedish::parts_of(analyzer, &format!("{}\n{body}", entry.name)));
    for area in &entry.areas {
        doc.add_text(fields.area, area);
    }
    for group in &entry.target_groups {
        doc.add_text(fields.group, group);
    }
    for language in &entry.languages {
        doc.add_text(fields.language, language);
    }
    doc.add_text(fields.kind, entry.kind.code());
    doc.add_i64(fields.confirmed_day, entry.confirmed_at.0.timestamp().div_euclid(86_400));
    if let Some(hours) = &entry.hours {
        doc.add_bytes(fields.hours, &serde_json::to_vec(hours)?);
    }
    doc.add_text(fields.entry, serde_json::to_string(entry)?);
    Ok(doc)
}
