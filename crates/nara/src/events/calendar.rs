//! The public calendar, `/kalender`: a list of coming meetings or a month laid out in weeks,
//! narrowed by organiser, audience and area of help. The filters are a plain GET form, so the
//! page works without JavaScript and every view has an address that can be shared.

use std::collections::HashMap;

use crate::web::form::Query;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use chrono_tz::Europe::Stockholm;
use serde::Deserialize;
use uuid::Uuid;

use super::month::Month;
use super::store::{self, SeriesFilter};
use super::web::OccurrenceLine;
use super::{Occurrence, Series};
use crate::db::UtcTime;
use crate::i18n::Locale;
use crate::web::errors::{AppError, render};
use crate::web::page::{PageContext, Pages};
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// How many coming meetings a page of the list shows (a list of hundreds is long to read and
/// slow to send).
const LIST_PAGE: usize = 50;
/// How many pages the list has at most; a month further on is the month view's.
const LIST_PAGES: usize = 40;
/// More than any month holds; a guard, not a page size.
const MONTH_LIMIT: i64 = 2_000;

#[derive(Debug, Default, Deserialize)]
pub struct CalendarParams {
    /// `manad` for the month view; anything else is the list.
    #[serde(default)]
    visa: Option<String>,
    #[serde(default)]
    manad: Option<String>,
    #[serde(default)]
    arrangor: Option<String>,
    #[serde(default)]
    malgrupp: Option<String>,
    #[serde(default)]
    omrade: Option<String>,
    /// The list's page, from 1.
    #[serde(default)]
    sida: Option<String>,
}

/// The filters as chosen; blank values mean "all".
fn filter_from(params: &CalendarParams) -> SeriesFilter {
    let chosen =
        |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    SeriesFilter {
        organiser: chosen(&params.arrangor),
        audience: chosen(&params.malgrupp),
        area: chosen(&params.omrade),
    }
}

/// The query string that keeps the filters (for the links between views and months).
fn filter_query(filter: &SeriesFilter) -> String {
    let mut pairs = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in
        [("arrangor", &filter.organiser), ("malgrupp", &filter.audience), ("omrade", &filter.area)]
    {
        if let Some(value) = value {
            pairs.append_pair(key, value);
        }
    }
    pairs.finish()
}

/// A calendar address with the filters kept.
fn calendar_href(ctx: &PageContext, month: Option<Month>, filter: &SeriesFilter) -> String {
    list_page_href(ctx, month, filter, 1)
}

/// The address of the calendar, as [`calendar_href`], at a page of the list other than the first.
fn list_page_href(ctx: &PageContext, month: Option<Month>, filter: &SeriesFilter, page: usize) -> String {
    let mut query: Vec<String> = Vec::new();
    if let Some(month) = month {
        query.push(format!("visa=manad&manad={}", month.key()));
    }
    let filters = filter_query(filter);
    if !filters.is_empty() {
        query.push(filters);
    }
    if page > 1 {
        query.push(format!("sida={page}"));
    }
    if query.is_empty() { ctx.href("/kalender") } else { ctx.href(&format!("/kalender?{}", query.join("&"))) }
}

/// One choice in a filter's drop-down.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn choices(mut pairs: Vec<(String, String)>, chosen: &Option<String>) -> Vec<Choice> {
    pairs.sort_by(|a, b| a.1.cmp(&b.1));
    pairs.dedup_by(|a, b| a.0 == b.0);
    pairs
        .into_iter()
        .map(|(value, label)| Choice { selected: chosen.as_ref() == Some(&value), value, label })
        .collect()
}

/// A day in the month view.
pub struct Day {
    pub number: u32,
    pub label: String,
    pub lines: Vec<OccurrenceLine>,
}

pub struct MonthView {
    pub caption: String,
    pub weeks: Vec<Vec<Option<Day>>>,
    pub previous_href: String,
    pub previous_label: String,
    pub next_href: String,
    pub next_label: String,
    pub empty: bool,
}

#[derive(Template)]
#[template(path = "events/calendar.html")]
struct CalendarPage<'a> {
    shell: Shell<'a>,
    lines: Vec<OccurrenceLine>,
    /// Links between the list's pages (none in the month view).
    pages: Option<Pages>,
    month: Option<MonthView>,
    organisers: Vec<Choice>,
    audiences: Vec<Choice>,
    areas: Vec<Choice>,
    filtered: bool,
    month_view: bool,
    month_key: String,
    list_href: String,
    clear_href: String,
    month_href: String,
    feed_href: String,
}

fn month_name(locale: Locale, number: u32) -> &'static str {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if locale == Locale::EN { EN } else { SV };
    names[(number as usize).saturating_sub(1) % 12]
}

fn month_title(locale: Locale, month: Month) -> String {
    format!("{} {}", month_name(locale, month.number()), month.year())
}

fn day_label(locale: Locale, date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(locale, date.month()), date.year())
}

/// `GET /kalender`.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(params): Query<CalendarParams>,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let filter = filter_from(&params);
    let all_series = store::public_series(&state.db).await?;
    let by_id: HashMap<Uuid, &Series> = all_series.iter().map(|s| (s.id, s)).collect();
    let line = |o: &Occurrence| by_id.get(&o.series_id).map(|s| OccurrenceLine::new(s, o, &ctx));
    let now = UtcTime::now();
    let wants_month = params.visa.as_deref() == Some("manad");
    let shown_month =
        params.manad.as_deref().and_then(Month::parse).unwrap_or_else(|| Month::containing(now));

    let (lines, month, pages) = if wants_month {
        let (from, until) = shown_month.bounds().ok_or(AppError::NotFound)?;
        let occurrences =
            store::public_occurrences(&state.db, &filter, from, Some(until), 0, MONTH_LIMIT).await?;
        let mut by_day: HashMap<NaiveDate, Vec<OccurrenceLine>> = HashMap::new();
        for o in occurrences.iter() {
            if let Some(l) = line(o) {
                by_day.entry(o.starts_at.0.with_timezone(&Stockholm).date_naive()).or_default().push(l);
            }
        }
        let empty = by_day.is_empty();
        let weeks = shown_month
            .weeks()
            .into_iter()
            .map(|week| {
                week.into_iter()
                    .map(|date| {
                        date.map(|date| Day {
                            number: date.day(),
                            label: day_label(locale, date),
                            lines: by_day.remove(&date).unwrap_or_default(),
                        })
                    })
                    .collect()
            })
            .collect();
        let view = MonthView {
            caption: month_title(locale, shown_month),
            weeks,
            previous_href: calendar_href(&ctx, Some(shown_month.previous()), &filter),
            previous_label: month_title(locale, shown_month.previous()),
            next_href: calendar_href(&ctx, Some(shown_month.next()), &filter),
            next_label: month_title(locale, shown_month.next()),
            empty,
        };
        (Vec::new(), Some(view), None)
    } else {
        let asked = params.sida.as_deref();
        let wanted = Pages::asked(asked).min(LIST_PAGES);
        let label = state.catalogues.text(locale, "calendar-pages");
        let href = |n| list_page_href(&ctx, None, &filter, n);
        // Only this page's meetings are read (and remembered), and one more: whether there is a next.
        let offset = LIST_PAGE * (wanted - 1);
        let page =
            store::public_occurrences(&state.db, &filter, now, None, rows(offset), rows(LIST_PAGE + 1))
                .await?;
        if page.is_empty() && wanted > 1 {
            // Past the end (the list has grown shorter since the link was made): the last page,
            // read with all the meetings before it, of which there are at most `offset`.
            let before = store::public_occurrences(&state.db, &filter, now, None, 0, rows(offset)).await?;
            let (pages, shown) = Pages::of(label, asked, before.len(), LIST_PAGE, href);
            (before[shown].iter().filter_map(line).collect(), None, Some(pages))
        } else {
            let more = page.len() > LIST_PAGE && wanted < LIST_PAGES;
            let pages = Pages::open_ended(label, wanted, more, href);
            (page.iter().take(LIST_PAGE).filter_map(line).collect(), None, Some(pages))
        }
    };

    let areas = crate::help_areas::store::list(&state.db).await?;
    let area_name: HashMap<&str, &str> = areas.iter().map(|a| (a.slug.as_str(), a.name(locale))).collect();
    let page = CalendarPage {
        organisers: choices(
            all_series.iter().map(|s| (s.organiser_name.clone(), s.organiser_name.clone())).collect(),
            &filter.organiser,
        ),
        audiences: choices(
            all_series.iter().map(|s| (s.audience_sv.clone(), s.audience(locale).to_string())).collect(),
            &filter.audience,
        ),
        areas: choices(
            all_series
                .iter()
                .filter_map(|s| s.help_area.as_deref())
                .filter_map(|slug| Some((slug.to_string(), area_name.get(slug)?.to_string())))
                .collect(),
            &filter.area,
        ),
        filtered: !filter.is_empty(),
        month_view: wants_month,
        month_key: shown_month.key(),
        list_href: calendar_href(&ctx, None, &filter),
        clear_href: calendar_href(&ctx, wants_month.then_some(shown_month), &SeriesFilter::default()),
        month_href: calendar_href(&ctx, Some(shown_month), &filter),
        shell: ctx.shell(&state),
        lines,
        pages,
        month,
        feed_href: ctx.href("/kalender.ics"),
    };
    Ok(render(&page)?.into_response())
}

/// A number of rows for SQL (the list's are a few thousand at most).
fn rows(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_sorted_by_label_without_repeats_and_mark_the_chosen_one() {
        let pairs = vec![
            ("b".to_string(), "Beta".to_string()),
            ("a".to_string(), "Alfa".to_string()),
            ("b".to_string(), "Beta".to_string()),
        ];
        let made = choices(pairs, &Some("b".into()));
        let labels: Vec<_> = made.iter().map(|c| (c.label.as_str(), c.selected)).collect();
        assert_eq!(labels, [("Alfa", false), ("Beta", true)]);
    }

    #[test]
    fn filter_links_keep_only_chosen_filters() {
        let params = CalendarParams {
            arrangor: Some("Fontänhuset & staden".into()),
            malgrupp: Some("  ".into()),
            ..CalendarParams::default()
        };
        let filter = filter_from(&params);
        assert_eq!(filter.audience, None, "blank is all");
        assert_eq!(filter_query(&filter), "arrangor=Font%C3%A4nhuset+%26+staden");
    }
}
