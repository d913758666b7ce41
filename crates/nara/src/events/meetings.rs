//! Meetings where people look for help: the public series with their next dates and places left,
//! on the page of the organiser's directory entry, with their area of help, and beside the hits of
//! a search whose words are about them ("Träffar").
//!
//! An entry is tied to a series by the series' `entry_id`; an area by the series' `help_area`.
//! Search words are matched here, over the few public series, not by the directory's index: a
//! series matches when its title has one of the words, or its title, summary and audience together
//! have all of them (in Swedish or English, stemmed, a word also found as the start or end of a
//! compound: "anhörig" finds "anhörigstöd").

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use tantivy::tokenizer::TextAnalyzer;
use uuid::Uuid;

use super::web::OccurrenceLine;
use super::{Occurrence, Series, store};
use crate::db::{Db, UtcTime};
use crate::directory::search::swedish::{is_compound_part, query_analyzer, stems};
use crate::web::page::PageContext;

/// How many coming dates are shown for each series.
pub const DATES_SHOWN: i64 = 3;
/// How many series a search shows beside its hits.
pub const SEARCH_SHOWN: usize = 3;

/// A public series with its next meetings (at least one).
#[derive(Debug, Clone)]
pub struct Coming {
    pub series: Series,
    pub next: Vec<Occurrence>,
}

/// Every public series with a coming meeting, by title.
pub async fn coming(db: &Db, now: UtcTime) -> anyhow::Result<Vec<Coming>> {
    let series = store::public_series(db).await?;
    let next = store::next_public_meetings(db, now, DATES_SHOWN).await?;
    Ok(with_dates(&series, &next))
}

/// The series that have meetings in `next`, each with its own.
pub fn with_dates(series: &[Series], next: &[Occurrence]) -> Vec<Coming> {
    series
        .iter()
        .filter_map(|s| {
            let next: Vec<Occurrence> = next.iter().filter(|o| o.series_id == s.id).cloned().collect();
            (!next.is_empty()).then(|| Coming { series: s.clone(), next })
        })
        .collect()
}

/// The slugs of the areas of help that have a public series with a coming meeting.
pub async fn areas_with_meetings(db: &Db, now: UtcTime) -> anyhow::Result<Vec<String>> {
    let mut areas: Vec<String> =
        coming(db, now).await?.into_iter().filter_map(|c| c.series.help_area).collect();
    areas.sort();
    areas.dedup();
    Ok(areas)
}

/// A series' words as the matching compares them: as the search's query words (lower case,
/// Swedish and English stop words left out, stemmed with the Swedish stemmer). Worked out once for
/// every public series each time they change, not for each search.
#[derive(Debug, Clone)]
pub struct SeriesWords {
    title: Vec<String>,
    rest: Vec<String>,
}

impl SeriesWords {
    fn of(analyzer: &mut TextAnalyzer, s: &Series) -> Self {
        Self {
            title: stems(analyzer, &format!("{} {}", s.title_sv, s.title_en)),
            rest: stems(
                analyzer,
                &format!("{} {} {} {}", s.summary_sv, s.summary_en, s.audience_sv, s.audience_en),
            ),
        }
    }
}

/// The words of every public series, by series.
async fn series_words(db: &Db) -> anyhow::Result<Arc<HashMap<Uuid, SeriesWords>>> {
    db.remembered("events::meetings::series_words", String::new(), || async {
        let mut analyzer = query_analyzer();
        Ok(store::public_series(db)
            .await?
            .iter()
            .map(|s| (s.id, SeriesWords::of(&mut analyzer, s)))
            .collect())
    })
    .await
}

/// Whether the query stem `word` is the text stem `stem`, or the start or end of a compound.
fn finds(word: &str, stem: &str) -> bool {
    word == stem || is_compound_part(stem, word)
}

/// The series `query` is about, best first (most words in the title), at most [`SEARCH_SHOWN`].
/// `known` holds the series' words; a series missing from it (changed meanwhile) is read here.
pub fn matching(coming: Vec<Coming>, query: &str, known: &HashMap<Uuid, SeriesWords>) -> Vec<Coming> {
    let mut analyzer = query_analyzer();
    let mut words = stems(&mut analyzer, query);
    words.sort();
    words.dedup();
    if words.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, Coming)> = coming
        .into_iter()
        .filter_map(|c| {
            let series = match known.get(&c.series.id) {
                Some(known) => Cow::Borrowed(known),
                None => Cow::Owned(SeriesWords::of(&mut analyzer, &c.series)),
            };
            let in_title = |w: &String| series.title.iter().any(|t| finds(w, t));
            let in_title_count = words.iter().filter(|w| in_title(w)).count();
            let everywhere = words.iter().all(|w| in_title(w) || series.rest.iter().any(|t| finds(w, t)));
            (in_title_count > 0 || everywhere).then_some((in_title_count, c))
        })
        .collect();
    // Stable: equally good series stay in title order.
    found.sort_by_key(|(in_title, _)| std::cmp::Reverse(*in_title));
    found.into_iter().map(|(_, c)| c).take(SEARCH_SHOWN).collect()
}

/// A series as the "Träffar" block shows it.
pub struct SeriesBlock {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub organiser: String,
    pub place: Option<String>,
    pub dates: Vec<OccurrenceLine>,
}

/// The "Träffar" block; the page shows nothing of it when `series` is empty.
#[derive(Default)]
pub struct Meetings {
    pub series: Vec<SeriesBlock>,
    /// The calendar narrowed to what the block is about, when it can be.
    pub calendar_href: Option<String>,
}

impl Meetings {
    fn new(coming: &[Coming], ctx: &PageContext, calendar_href: Option<String>) -> Self {
        let locale = ctx.location.locale;
        let series = coming
            .iter()
            .map(|c| SeriesBlock {
                href: ctx.href(&format!("/kalender/{}", c.series.slug)),
                title: c.series.title(locale).to_string(),
                summary: c.series.summary(locale).to_string(),
                organiser: c.series.organiser_name.clone(),
                place: c.series.place(),
                dates: c.next.iter().map(|o| OccurrenceLine::new(&c.series, o, ctx)).collect(),
            })
            .collect();
        Self { series, calendar_href }
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}

/// The meetings of the series whose organiser is the directory entry `entry_id`.
pub async fn of_entry(db: &Db, ctx: &PageContext, entry_id: Uuid, now: UtcTime) -> anyhow::Result<Meetings> {
    let mine: Vec<Coming> =
        coming(db, now).await?.into_iter().filter(|c| c.series.entry_id == Some(entry_id)).collect();
    Ok(Meetings::new(&mine, ctx, None))
}

/// The meetings beside a search's hits: the series in the chosen area of help, narrowed to those
/// the words are about when there are words. Nothing when there are neither.
pub async fn for_search(
    db: &Db,
    ctx: &PageContext,
    words: &str,
    area: Option<&str>,
    now: UtcTime,
) -> anyhow::Result<Meetings> {
    if words.trim().is_empty() && area.is_none() {
        return Ok(Meetings::default());
    }
    let mut found = coming(db, now).await?;
    if let Some(area) = area {
        found.retain(|c| c.series.help_area.as_deref() == Some(area));
    }
    if !words.trim().is_empty() {
        found = matching(found, words, &*series_words(db).await?);
    }
    let calendar_href = area.map(|area| {
        let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("omrade", area).finish();
        ctx.href(&format!("/kalender?{query}"))
    });
    Ok(Meetings::new(&found, ctx, calendar_href))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(title: (&str, &str), summary: &str, audience: &str) -> Coming {
        Coming {
            series: Series {
                id: Uuid::new_v4(),
                slug: title.0.to_lowercase().replace(' ', "-"),
                title_sv: title.0.into(),
                title_en: title.1.into(),
                summary_sv: summary.into(),
                summary_en: String::new(),
                has_themes: false,
                organiser_name: "Staden".into(),
                organiser_unit_id: None,
                audience_sv: audience.into(),
                audience_en: String::new(),
                venue_name: None,
                venue_address: None,
                venue_accessibility_sv: None,
                venue_accessibility_en: None,
                online_url: None,
                price_sv: None,
                price_en: None,
                contact_name: String::new(),
                contact_email: None,
                contact_phone: None,
                rule: String::new(),
                capacity: None,
                public: true,
                help_area: None,
                entry_id: None,
            },
            next: Vec::new(),
        }
    }

    fn demo() -> Vec<Coming> {
        vec![
            series(
                ("Forskningsfrukost: samverkan med föreningar", "Research breakfast"),
                "Forskare berättar om samverkan.",
                "Alla som är intresserade",
            ),
            series(
                ("Gemensam utvecklingsgrupp", "Joint development group"),
                "Invånare och staden utvecklar stödet tillsammans.",
                "Alla som vill påverka",
            ),
            series(
                ("Självhjälpsgrupp för anhöriga", "Self-help group for relatives"),
                "För dig som bär ett tungt ansvar för någon du står nära.",
                "Anhöriga",
            ),
        ]
    }

    fn titles(query: &str) -> Vec<String> {
        let list = demo();
        let mut analyzer = query_analyzer();
        let known = list.iter().map(|c| (c.series.id, SeriesWords::of(&mut analyzer, &c.series))).collect();
        matching(list, query, &known).into_iter().map(|c| c.series.title_en).collect()
    }

    #[test]
    fn a_word_of_the_title_finds_the_series_in_either_language_and_inflection() {
        assert_eq!(titles("anhörig"), ["Self-help group for relatives"]);
        assert_eq!(titles("Anhörigas grupper"), ["Self-help group for relatives", "Joint development group"]);
        assert_eq!(titles("relative"), ["Self-help group for relatives"]);
        assert_eq!(titles("FORSKNING"), ["Research breakfast"], "the start of a compound, any case");
    }

    #[test]
    fn words_outside_the_title_must_all_be_there() {
        assert_eq!(titles("tungt ansvar"), ["Self-help group for relatives"]);
        assert!(titles("tungt ansvar skulder").is_empty(), "one word is in no series");
    }

    #[test]
    fn stop_words_and_short_accidental_parts_find_nothing() {
        assert!(titles("för med och").is_empty(), "only stop words");
        assert!(titles("").is_empty());
        // "sam" starts "samverkan", but three letters are too few to be a part of a compound.
        assert!(titles("sam").is_empty());
    }

    #[test]
    fn a_compound_is_found_by_its_start_or_end_but_not_its_middle() {
        assert!(finds("grupp", "självhjälpsgrupp"));
        assert!(finds("själv", "självhjälpsgrupp"));
        assert!(!finds("hjälp", "självhjälpsgrupp"));
        assert!(!finds("stöd", "stöd2"), "too little left to be a compound");
        assert!(finds("man", "man"));
        assert!(!finds("man", "samman"));
    }

    #[test]
    fn series_without_coming_meetings_are_left_out() {
        let mut list = demo();
        let kept = list[2].series.clone();
        let occurrence = Occurrence {
            id: Uuid::new_v4(),
            series_id: kept.id,
            position: 0,
            starts_at: UtcTime::now(),
            ends_at: UtcTime::now(),
            cancelled: false,
            theme_sv: None,
            theme_en: None,
            agenda_sv: None,
            agenda_en: None,
            notes_md: None,
            capacity: Some(12),
            taken: 3,
            sequence: 0,
        };
        let all: Vec<Series> = list.drain(..).map(|c| c.series).collect();
        let with = with_dates(&all, &[occurrence]);
        assert_eq!(with.len(), 1);
        assert_eq!(with[0].series, kept);
        assert_eq!(with[0].next[0].places_left(), Some(9));
    }
}
