//! Pages of the directory: search (which is also browsing by area), an entry's page, open data
//! (JSON and CSV) and, for staff, what people searched for and did not find.

use crate::web::form::Query;
use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Stockholm;
use serde::{Deserialize, Serialize};

use super::search::query::PER_PAGE;
use super::search::swedish::{Segment, Word};
use super::search::{Filters, SearchRequest, SearchResults, ShownEntry};
use super::{Entry, EntryKind, LANGUAGES, Measure, OpenStatus, language_name, normalise_query, tel_href};
use crate::db::UtcTime;
use crate::events::meetings::Meetings;
use crate::help_areas::HelpArea;
use crate::i18n::Locale;
use crate::setup::{SearchContact, TargetGroup};
use crate::web::errors::{AppError, render};
use crate::web::page::{PageContext, Pages};
use crate::web::shell::Shell;
use crate::web::state::AppState;
// Shared with the leisure bank's lending places, so kept outside the handlers.
pub use super::open_now::status_text;

/// The query string of the search page. Every field is optional; an empty search shows everything
/// (browsing), narrowed by the filters.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    omrade: String,
    #[serde(default)]
    malgrupp: String,
    #[serde(default)]
    sprak: String,
    #[serde(default)]
    typ: String,
    #[serde(default)]
    oppet: String,
    #[serde(default)]
    sida: String,
}

/// An option of a filter's list.
pub struct Choice {
    pub value: String,
    pub label: String,
    /// The language the label is written in, when it is not the page's (language names).
    pub lang: Option<&'static str>,
    pub selected: bool,
}

/// A hit as the result list shows it.
pub struct HitView {
    pub href: String,
    pub name: Vec<Segment>,
    pub kind: String,
    pub status: String,
    pub open: bool,
    pub stale: bool,
    pub description: Vec<Segment>,
    pub description_lang: &'static str,
    pub way_in: String,
}

#[derive(Template)]
#[template(path = "directory/search.html")]
struct SearchPage<'a> {
    shell: Shell<'a>,
    query: String,
    searched: bool,
    areas: Vec<Choice>,
    groups: Vec<Choice>,
    languages: Vec<Choice>,
    kinds: Vec<Choice>,
    open_now: bool,
    hits: &'a [HitView],
    total: i64,
    /// More matches than were counted: the heading says "more than" instead of a number.
    more: bool,
    pages: Pages,
    area_links: Vec<(String, String)>,
    contact: Option<&'a ContactView>,
    invalid_filter: bool,
    /// The crisis lines, shown first: empty unless the search is about acute danger or found nothing.
    crisis: Vec<CrisisView>,
    /// On a search that found nothing: the city's services open right now.
    open_now_links: &'a [(String, String, String)],
    /// Public series in the chosen area or about the words, beside the hits ("Träffar").
    meetings: Meetings,
}

/// A number to call in a crisis, in the visitor's language.
pub struct CrisisView {
    pub name: String,
    pub phone: String,
    pub tel_href: String,
    pub hours: String,
    pub for_whom: Option<String>,
}

/// The configured crisis lines for the page's language.
pub fn crisis_lines(state: &AppState, locale: Locale) -> Vec<CrisisView> {
    let english = locale == Locale::EN;
    let mut lines: Vec<CrisisView> = state
        .crisis_lines
        .iter()
        .map(|line| CrisisView {
            name: if english { &line.name_en } else { &line.name_sv }.clone(),
            tel_href: tel_href(&line.phone),
            phone: line.phone.clone(),
            hours: if english { &line.hours_en } else { &line.hours_sv }.clone(),
            for_whom: if english { &line.for_en } else { &line.for_sv }.clone(),
        })
        .collect();
    // The city's socialjouren, configured once for this block and the case pages, right after
    // the emergency number.
    let jouren = &state.socialjouren;
    let after_emergency = lines.iter().position(|l| l.phone.trim() == "112").map_or(0, |i| i + 1);
    lines.insert(
        after_emergency,
        CrisisView {
            name: state.catalogues.plain_with(locale, "crisis-socialjouren", &[]),
            tel_href: tel_href(&jouren.phone),
            phone: jouren.phone.clone(),
            hours: jouren.hours(locale).to_string(),
            for_whom: None,
        },
    );
    lines
}

/// The search for the city's own services open at `now`, for a search that found nothing: a page
/// that finds nothing never leaves a person with only a closed door.
fn open_now_request(now: DateTime<Utc>) -> SearchRequest {
    let filters = Filters { kind: Some(EntryKind::City), open_now: true, ..Default::default() };
    SearchRequest { text: String::new(), filters, page: 1, now }
}

/// The first five services [`open_now_request`] found, as links.
fn open_now_links(
    ctx: &PageContext,
    shell: &Shell,
    open: SearchResults,
    now: DateTime<Utc>,
) -> Vec<(String, String, String)> {
    open.hits
        .into_iter()
        .take(5)
        .map(|hit| {
            (
                ctx.href(&format!("/stod/{}", hit.shown.entry.slug)),
                hit.shown.entry.name.clone(),
                status_text(shell, hit.status, now),
            )
        })
        .collect()
}

/// Whom the page suggests when a search finds nothing, as configured in the set-up.
pub struct ContactView {
    pub name: String,
    /// The directory entry's page, when the contact is one.
    pub href: Option<String>,
    pub phone: Option<String>,
    pub tel_href: String,
    pub email: Option<String>,
    /// When it is open: now or next for an entry, in words for a contact given in full.
    pub hours: Option<String>,
}

/// The configured contact, or none when none is configured or its entry is not published.
async fn contact_view(
    state: &AppState,
    ctx: &PageContext,
    shell: &Shell<'_>,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<ContactView>> {
    let view = match crate::setup::store::search_contact(&state.db).await? {
        None => None,
        Some(SearchContact::Entry(slug)) => crate::directory::store::entry_by_slug(&state.db, &slug)
            .await?
            .filter(|e| e.published)
            .map(|entry| ContactView {
                href: Some(ctx.href(&format!("/stod/{}", entry.slug))),
                tel_href: entry.tel_href(),
                hours: Some(status_text(shell, entry.status_at(now), now)),
                name: entry.name,
                phone: entry.phone,
                email: entry.email,
            }),
        Some(SearchContact::Details(details)) => Some(ContactView {
            href: None,
            tel_href: tel_href(details.phone.as_deref().unwrap_or_default()),
            hours: details.hours(ctx.location.locale).map(str::to_string),
            name: details.name,
            phone: details.phone,
            email: details.email,
        }),
    };
    Ok(view)
}

impl SearchPage<'_> {
    fn no_results(&self) -> bool {
        self.searched && self.hits.is_empty()
    }
}

/// The filters as chosen, or `None` when a value is not one the lists offer.
fn filters(params: &SearchParams, areas: &[HelpArea], groups: &[TargetGroup]) -> Option<Filters> {
    let pick = |value: &str, known: &dyn Fn(&str) -> bool| -> Option<Option<String>> {
        match value.trim() {
            "" => Some(None),
            value if known(value) => Some(Some(value.to_string())),
            _ => None,
        }
    };
    Some(Filters {
        area: pick(&params.omrade, &|v| areas.iter().any(|a| a.slug == v))?,
        group: pick(&params.malgrupp, &|v| groups.iter().any(|g| g.slug == v))?,
        language: pick(&params.sprak, &|v| language_name(v).is_some())?,
        kind: match params.typ.trim() {
            "" => None,
            code => Some(EntryKind::from_code(code)?),
        },
        open_now: !params.oppet.is_empty(),
    })
}

pub async fn search(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(params): Query<SearchParams>,
) -> Result<Response, AppError> {
    let areas = crate::help_areas::store::list(&state.db).await?;
    let target_groups = crate::setup::store::target_groups(&state.db).await?;
    let shell = ctx.shell(&state);
    let locale = ctx.location.locale;
    // Stricter than `Pages::asked`: the page is part of the search itself, so a `sida` that is no
    // page number is answered as bad input (400), not with the first page.
    let page: usize = match params.sida.trim() {
        "" => 1,
        number => number.parse().ok().filter(|p| (1..=10_000).contains(p)).ok_or(AppError::BadRequest)?,
    };
    let chosen = filters(&params, &areas, &target_groups);
    let invalid_filter = chosen.is_none();
    let filters = chosen.unwrap_or_default();
    let text: String = params.q.trim().chars().take(200).collect();
    // A filter value not in the lists is answered with the form and a message, not a search.
    let searched = !invalid_filter && (!text.is_empty() || filters.any());
    let now = Utc::now();
    let found = if searched {
        state.search.refresh(&state.db, &areas).await?;
        remembered_search(
            &state,
            &ctx,
            &shell,
            SearchRequest { text: text.clone(), filters: filters.clone(), page, now },
        )
        .await?
    } else {
        Arc::new(Found::default())
    };
    let (total, more) = (found.total, found.more);
    if searched && !text.is_empty() {
        count_search(&state, &text, found.found_nothing, now);
    }
    let crisis = if searched && (found.crisis || found.hits.is_empty()) {
        crisis_lines(&state, locale)
    } else {
        Vec::new()
    };
    let pages = Pages::open_ended(shell.t("search-pages"), page, page < total.div_ceil(PER_PAGE), |n| {
        ctx.href(&format!("/sok?{}", page_query(&params, n)))
    });
    let meetings = if searched {
        crate::events::meetings::for_search(&state.db, &ctx, &text, filters.area.as_deref(), UtcTime(now))
            .await?
    } else {
        Meetings::default()
    };
    let view = SearchPage {
        query: text,
        searched,
        groups: choices(
            target_groups.iter().map(|g| (g.slug.clone(), g.name(locale).to_string(), None)),
            filters.group.as_deref(),
        ),
        languages: choices(
            LANGUAGES.iter().map(|(code, name)| (code.to_string(), name.to_string(), Some(*code))),
            filters.language.as_deref(),
        ),
        kinds: choices(
            EntryKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), shell.t(&format!("directory-kind-{}", k.code())), None)),
            filters.kind.map(EntryKind::code),
        ),
        area_links: areas
            .iter()
            .map(|a| (ctx.href(&format!("/sok?omrade={}", a.slug)), a.name(locale).to_string()))
            .collect(),
        areas: choices(
            areas.iter().map(|a| (a.slug.clone(), a.name(locale).to_string(), None)),
            filters.area.as_deref(),
        ),
        open_now: filters.open_now,
        hits: &found.hits,
        total: total as i64,
        more,
        pages,
        contact: found.contact.as_ref(),
        invalid_filter,
        crisis,
        open_now_links: &found.open_now_links,
        meetings,
        shell,
    };
    let status =
        if invalid_filter { axum::http::StatusCode::BAD_REQUEST } else { axum::http::StatusCode::OK };
    Ok((status, render(&view)?).into_response())
}

/// What a search found, as the page shows it in one language.
#[derive(Default)]
struct Found {
    hits: Vec<HitView>,
    total: usize,
    more: bool,
    crisis: bool,
    found_nothing: bool,
    /// When nothing was found: the city's services open now, and whom to contact.
    open_now_links: Vec<(String, String, String)>,
    contact: Option<ContactView>,
}

/// Runs `request` and makes its hits' views (or, when nothing is found, the services open now and
/// the contact to suggest), remembered until the directory changes and for the minute of
/// `request.now` (the hits say whether a place is open now). A query asked again within the
/// minute then costs neither a search nor highlighting. The query text is kept only
/// in this process's memory, like the page it makes.
async fn remembered_search(
    state: &AppState,
    ctx: &PageContext,
    shell: &Shell<'_>,
    request: SearchRequest,
) -> anyhow::Result<Arc<Found>> {
    let filters = &request.filters;
    let key = format!(
        "{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{}|{}",
        ctx.location.locale.code(),
        request.now.timestamp().div_euclid(60),
        request.page,
        filters.area,
        filters.group,
        filters.language,
        filters.kind.map(EntryKind::code),
        filters.open_now,
        request.text,
    );
    let now = request.now;
    state
        .db
        .remembered("directory::search_page", key, || async {
            // Searching is CPU work of milliseconds: off the async workers, so it stalls no other request.
            let index = state.search.clone();
            let (results, open) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                let results = index.search(&request)?;
                // Nothing found: the services open now are suggested (a search of its own, whose
                // failure leaves out only the suggestion).
                let open =
                    if results.hits.is_empty() { index.search(&open_now_request(now)).ok() } else { None };
                Ok((results, open))
            })
            .await??;
            let (open_now_links, contact) = if results.hits.is_empty() {
                let links = open.map(|open| open_now_links(ctx, shell, open, now)).unwrap_or_default();
                (links, contact_view(state, ctx, shell, now).await?)
            } else {
                (Vec::new(), None)
            };
            let hits = results
                .hits
                .iter()
                .map(|hit| hit_view(shell, ctx, &hit.shown, hit.status, hit.stale, &results.words, now))
                .collect();
            Ok(Found {
                hits,
                total: results.total,
                more: results.more,
                crisis: results.crisis,
                found_nothing: results.words_found_nothing,
                open_now_links,
                contact,
            })
        })
        .await
}

/// Counts a search, and a search that found nothing with its normalised words. Nothing else about
/// the request is kept.
fn count_search(state: &AppState, text: &str, none: bool, now: DateTime<Utc>) {
    let day = now.with_timezone(&Stockholm).date_naive();
    state.usage.count(Measure::Search, day);
    if none {
        state.usage.count(Measure::NoResult, day);
        state.usage.missed(normalise_query(text), day);
    }
}

/// The search's query string for another page of results.
fn page_query(params: &SearchParams, page: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("q", &params.q),
        ("omrade", &params.omrade),
        ("malgrupp", &params.malgrupp),
        ("sprak", &params.sprak),
        ("typ", &params.typ),
        ("oppet", &params.oppet),
    ] {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    query.append_pair("sida", &page.to_string());
    query.finish()
}

fn choices(
    options: impl Iterator<Item = (String, String, Option<&'static str>)>,
    selected: Option<&str>,
) -> Vec<Choice> {
    options
        .map(|(value, label, lang)| Choice { selected: selected == Some(value.as_str()), value, label, lang })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn hit_view(
    shell: &Shell,
    ctx: &PageContext,
    shown: &ShownEntry,
    status: Option<OpenStatus>,
    stale: bool,
    words: &[Word],
    now: DateTime<Utc>,
) -> HitView {
    let (locale, entry) = (ctx.location.locale, &shown.entry);
    HitView {
        href: ctx.href(&format!("/stod/{}", entry.slug)),
        name: shown.name_marked(words),
        kind: shell.t(&format!("directory-kind-{}", entry.kind.code())),
        status: status_text(shell, status, now),
        open: status.is_some_and(|s| s.is_open()),
        stale,
        description: shown.description_marked(locale, words),
        description_lang: entry.description_lang(locale),
        way_in: shell.t(&format!("directory-way-{}", entry.way_in.code())),
    }
}

/// One row of the weekly hours table.
pub struct HoursRow {
    pub day: String,
    pub times: String,
}

#[derive(Template)]
#[template(path = "directory/entry.html")]
struct EntryPage<'a> {
    shell: Shell<'a>,
    entry: &'a Entry,
    description: String,
    description_lang: &'static str,
    kind: String,
    status: String,
    open: bool,
    stale: bool,
    areas: Vec<(String, String)>,
    groups: Vec<String>,
    ages: Option<String>,
    languages: Vec<(&'static str, &'static str)>,
    way_in: String,
    address: Option<String>,
    confirmed: String,
    always: bool,
    hours: Vec<HoursRow>,
    exceptions: Vec<HoursRow>,
    referrals: Vec<(String, String)>,
    json_ld: String,
    /// Where a representative of an association asks to keep its entry up to date.
    claim_action: Option<String>,
    /// The crisis lines, for an entry a crisis wording of the vocabulary leads to.
    crisis: Vec<CrisisView>,
    /// The coming meetings of the series this entry organises ("Träffar").
    meetings: Meetings,
}

pub async fn entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    // The entry and where it refers people: public, read thousands of times between changes.
    let remembered = state
        .db
        .remembered("directory::entry_page", slug.clone(), || async {
            let Some(entry) = crate::directory::store::entry_by_slug(&state.db, &slug).await? else {
                return Ok(None);
            };
            let referrals = crate::directory::store::referrals_from(&state.db, entry.id).await?;
            Ok(Some((entry, referrals)))
        })
        .await?;
    let (entry, referrals) =
        remembered.as_ref().as_ref().filter(|(e, _)| e.published).ok_or(AppError::NotFound)?;
    let now = Utc::now();
    state.usage.count(Measure::View, now.with_timezone(&Stockholm).date_naive());
    let locale = ctx.location.locale;
    let shell = ctx.shell(&state);
    let areas = crate::help_areas::store::list(&state.db).await?;
    let target_groups = crate::setup::store::target_groups(&state.db).await?;
    let status = entry.status_at(now);
    let (hours, exceptions) = hours_rows(&shell, entry, now);
    state.search.refresh_vocabulary(&state.db).await?;
    let crisis = if state.search.vocabulary().crisis_entry(&entry.slug) {
        crisis_lines(&state, locale)
    } else {
        Vec::new()
    };
    let meetings = crate::events::meetings::of_entry(&state.db, &ctx, entry.id, UtcTime(now)).await?;
    let page = EntryPage {
        crisis,
        meetings,
        description: entry.description(locale).to_string(),
        description_lang: entry.description_lang(locale),
        kind: shell.t(&format!("directory-kind-{}", entry.kind.code())),
        status: status_text(&shell, status, now),
        open: status.is_some_and(|s| s.is_open()),
        stale: entry.is_stale(now),
        areas: entry
            .areas
            .iter()
            .filter_map(|slug| areas.iter().find(|a| &a.slug == slug))
            .map(|a| (ctx.href(&format!("/sok?omrade={}", a.slug)), a.name(locale).to_string()))
            .collect(),
        groups: entry
            .target_groups
            .iter()
            .filter_map(|slug| target_groups.iter().find(|g| &g.slug == slug))
            .map(|g| g.name(locale).to_string())
            .collect(),
        ages: ages(entry).map(|ages| shell.t1("entry-ages", "ages", &ages)),
        languages: entry
            .languages
            .iter()
            .filter_map(|code| LANGUAGES.iter().find(|(c, _)| c == code).copied())
            .collect(),
        way_in: shell.t(&format!("directory-way-{}", entry.way_in.code())),
        address: entry.address(),
        confirmed: entry.confirmed_at.0.with_timezone(&Stockholm).format("%Y-%m-%d").to_string(),
        always: entry.hours.as_ref().is_some_and(|h| h.always),
        hours,
        exceptions,
        referrals: referrals
            .iter()
            .map(|r| (ctx.href(&format!("/stod/{}", r.slug)), r.name.clone()))
            .collect(),
        json_ld: json_ld(entry, &state.absolute(&ctx.href(&format!("/stod/{}", entry.slug))), locale),
        claim_action: (entry.kind == EntryKind::Association)
            .then(|| ctx.href(&format!("/stod/{}/foretrada", entry.slug))),
        entry,
        shell,
    };
    Ok(render(&page)?.into_response())
}

fn ages(entry: &Entry) -> Option<String> {
    match (entry.age_min, entry.age_max) {
        (Some(min), Some(max)) => Some(format!("{min}–{max}")),
        (Some(min), None) => Some(format!("{min}–")),
        (None, Some(max)) => Some(format!("0–{max}")),
        (None, None) => None,
    }
}

fn hours_rows(shell: &Shell, entry: &Entry, now: DateTime<Utc>) -> (Vec<HoursRow>, Vec<HoursRow>) {
    let Some(hours) = &entry.hours else { return (Vec::new(), Vec::new()) };
    let times = |intervals: &[super::hours::Interval]| {
        if intervals.is_empty() {
            shell.t("entry-hours-closed")
        } else {
            intervals
                .iter()
                .map(|i| format!("{}–{}", i.opens.format("%H:%M"), i.closes.format("%H:%M")))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let weekly = (1..=7)
        .map(|day| HoursRow {
            day: shell.t(&format!("directory-weekday-{day}")),
            times: times(&hours.weekly[day - 1]),
        })
        .collect();
    let today = now.with_timezone(&Stockholm).date_naive();
    let exceptions = hours
        .exceptions_from(today)
        .into_iter()
        .take(10)
        .map(|e| HoursRow {
            day: match &e.note {
                Some(note) => format!("{} ({note})", e.date.format("%Y-%m-%d")),
                None => e.date.format("%Y-%m-%d").to_string(),
            },
            times: times(&e.intervals),
        })
        .collect();
    (weekly, exceptions)
}

/// schema.org `Organization` for search engines and other machines.
fn json_ld(entry: &Entry, url: &str, locale: Locale) -> String {
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": entry.name,
        "description": entry.description(locale),
        "url": url,
        "areaServed": "Helsingborg",
    });
    let object = value.as_object_mut();
    if let Some(object) = object {
        if let Some(phone) = &entry.phone {
            object.insert("telephone".into(), phone.clone().into());
        }
        if let Some(email) = &entry.email {
            object.insert("email".into(), email.clone().into());
        }
        if let Some(website) = &entry.website {
            object.insert("sameAs".into(), website.clone().into());
        }
        if let Some(street) = &entry.street_address {
            object.insert(
                "address".into(),
                serde_json::json!({
                    "@type": "PostalAddress",
                    "streetAddress": street,
                    "postalCode": entry.postal_code,
                    "addressLocality": entry.city,
                    "addressCountry": "SE",
                }),
            );
        }
        if let Some(number) = &entry.org_number {
            object.insert("taxID".into(), number.clone().into());
        }
    }
    crate::formats::script_json(&value)
}

/// An entry as open data: the facts only, in Swedish and English.
#[derive(Debug, Serialize, Deserialize)]
pub struct OpenEntry {
    pub slug: String,
    pub name: String,
    pub kind: EntryKind,
    pub description_sv: String,
    pub description_en: Option<String>,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    pub languages: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub way_in: super::WayIn,
    pub organisation_number: Option<String>,
    pub opening_hours: Option<super::OpeningHours>,
    pub confirmed_at: String,
    pub url: String,
}

impl OpenEntry {
    fn new(entry: Entry, state: &AppState) -> Self {
        Self {
            url: state.absolute(&format!("/stod/{}", entry.slug)),
            address: entry.address(),
            confirmed_at: entry.confirmed_at.0.format("%Y-%m-%d").to_string(),
            slug: entry.slug,
            name: entry.name,
            kind: entry.kind,
            description_sv: entry.description_sv,
            description_en: entry.description_en,
            areas: entry.areas,
            target_groups: entry.target_groups,
            languages: entry.languages,
            phone: entry.phone,
            email: entry.email,
            website: entry.website,
            way_in: entry.way_in,
            organisation_number: entry.org_number,
            opening_hours: entry.hours,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct OpenPage {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub next: Option<String>,
    pub organisations: Vec<OpenEntry>,
}

#[derive(Debug, Default, Deserialize)]
pub struct OpenParams {
    #[serde(default)]
    page: Option<String>,
}

const OPEN_PER_PAGE: i64 = 100;

/// `GET /api/v1/organisations?page=N`: published entries, a hundred at a time, in name order.
pub async fn open_json(
    State(state): State<AppState>,
    Query(params): Query<OpenParams>,
) -> Result<Response, AppError> {
    let page: i64 = match params.page.as_deref() {
        None | Some("") => 1,
        Some(number) => {
            number.parse().ok().filter(|p| (1..=1_000_000).contains(p)).ok_or(AppError::BadRequest)?
        }
    };
    let total = crate::directory::store::count_published_entries(&state.db).await?;
    let entries =
        crate::directory::store::published_entries(&state.db, (page - 1) * OPEN_PER_PAGE, OPEN_PER_PAGE)
            .await?;
    let next = (page * OPEN_PER_PAGE < total)
        .then(|| state.absolute(&format!("/api/v1/organisations?page={}", page + 1)));
    let organisations = entries.into_iter().map(|e| OpenEntry::new(e, &state)).collect();
    Ok(Json(OpenPage { total, page, per_page: OPEN_PER_PAGE, next, organisations }).into_response())
}

/// `GET /api/v1/organisations.csv`: every published entry, as Swedish Excel opens it.
pub async fn open_csv(State(state): State<AppState>) -> Result<Response, AppError> {
    let header = [
        "slug",
        "namn",
        "typ",
        "beskrivning",
        "description",
        "omraden",
        "malgrupper",
        "sprak",
        "telefon",
        "epost",
        "webbplats",
        "besoksadress",
        "sa_far_du_hjalp",
        "organisationsnummer",
        "bekraftad",
        "adress_pa_webben",
    ];
    let mut rows = Vec::new();
    let mut after = None;
    loop {
        let batch = crate::directory::store::published_entries_after(&state.db, after, 5_000).await?;
        let done = batch.len() < 5_000;
        after = batch.last().map(|e| e.id);
        rows.extend(batch.into_iter().map(|e| {
            let open = OpenEntry::new(e, &state);
            vec![
                open.slug,
                open.name,
                open.kind.code().to_string(),
                open.description_sv,
                open.description_en.unwrap_or_default(),
                open.areas.join(","),
                open.target_groups.join(","),
                open.languages.join(","),
                open.phone.unwrap_or_default(),
                open.email.unwrap_or_default(),
                open.website.unwrap_or_default(),
                open.address.unwrap_or_default(),
                open.way_in.code().to_string(),
                open.organisation_number.unwrap_or_default(),
                open.confirmed_at,
                open.url,
            ]
        }));
        if done {
            break;
        }
    }
    let body = crate::formats::csv::write(&header, rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"stod-och-foreningar.csv\""),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "directory/stats.html")]
struct StatsPage<'a> {
    shell: Shell<'a>,
    weeks: Vec<super::CountsWeek>,
    missed: Vec<super::MissedQuery>,
}

/// For staff: weekly counts and the most common searches that found nothing.
pub async fn stats(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    // Staff see the counts up to now, not up to the last half-minute flush.
    state.usage.flush(&state.db).await?;
    let today = Utc::now().with_timezone(&Stockholm).date_naive();
    let recent: Vec<String> = (0..4).map(|w| super::iso_week(today - chrono::Duration::weeks(w))).collect();
    let missed = crate::directory::store::missed_queries(&state.db, &recent, 50).await?;
    let weeks =
        crate::directory::store::directory_counts_since(&state.db, today - chrono::Duration::weeks(12))
            .await?;
    Ok(render(&StatsPage { shell: ctx.shell(&state), weeks, missed })?.into_response())
}
