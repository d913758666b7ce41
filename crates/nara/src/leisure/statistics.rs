//! Statistics for the lending places and the board (`/personal/fritidsbanken/statistik`, leisure
//! staff and the quality office): loans per month and category, items back in use (moved to
//! available from washing or repair), a rough CO₂ estimate per category, and participants'
//! signed-off hours, with a CSV for Swedish Excel.
//!
//! Small groups are hidden with the goals dashboard's rule (`goals::suppression`, the configured
//! minimum): loans per category and month, because they count borrowers; hours per month by how
//! many different participants worked it, because hours must never single out a person. Items
//! back in use count things, not people, and are shown as they are.

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use uuid::Uuid;

use super::{CATEGORIES, category_key, store};
use crate::db::UtcTime;
use crate::goals::suppression::suppress;
use crate::i18n::{Catalogues, Locale};
use crate::web::errors::{AppError, render};
use crate::web::form::Query;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub const STATISTICS: &str = "/personal/fritidsbanken/statistik";
/// The years offered: this one and the two before.
const YEARS_BACK: i32 = 2;

/// A figure as shown: `None` when it is hidden to protect a small group.
pub type Figure = Option<i64>;

// ---------------------------------------------------------------------------------------------
// The CO₂ table

/// kg CO₂e saved per loan, by category: the checked-in table and its reasoning.
const CO2_TABLE: &str = include_str!("co2_per_loan.csv");

/// The CO₂ table, read from the checked-in file.
pub fn co2_per_loan() -> anyhow::Result<HashMap<String, f64>> {
    let mut reader = ::csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(CO2_TABLE.as_bytes());
    let mut table = HashMap::new();
    for record in reader.records() {
        let record = record?;
        let (Some(category), Some(kg)) = (record.get(0), record.get(1)) else {
            anyhow::bail!("a line of the CO₂ table lacks a column");
        };
        let kg: f64 = kg.trim().parse()?;
        anyhow::ensure!(kg.is_finite() && kg >= 0.0, "the CO₂ figure of {category} is not a positive number");
        table.insert(category.trim().to_string(), kg);
    }
    Ok(table)
}

// ---------------------------------------------------------------------------------------------
// The figures (pure)

/// A category's count in each month of the year, and the year's.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub category: &'static str,
    pub months: Vec<Figure>,
    pub total: Figure,
}

/// Counts `events` (category, Stockholm date) per category and month. With `min`, each
/// category's small months are hidden, and as many others as keep them from being subtracted out
/// of the year's total. No total over categories is made: it would let a hidden one be worked
/// out from the others.
pub fn by_category(events: &[(String, NaiveDate)], min: Option<i64>) -> Vec<CategoryRow> {
    CATEGORIES
        .iter()
        .map(|category| {
            let mut months = vec![0_i64; 12];
            for (_, day) in events.iter().filter(|(c, _)| c == category) {
                months[day.month0() as usize] += 1;
            }
            let total: i64 = months.iter().sum();
            let hidden = match min {
                Some(min) => suppress(&months, total, min),
                None => crate::goals::suppression::Hidden { parts: vec![false; 12], total: false },
            };
            CategoryRow {
                category,
                months: months.iter().zip(&hidden.parts).map(|(n, h)| (!h).then_some(*n)).collect(),
                total: (!hidden.total).then_some(total),
            }
        })
        .collect()
}

/// The estimated kg CO₂e saved by a category's loans (hidden with its total), and over all
/// categories (only when no category's total is hidden: otherwise it could be worked out).
pub fn co2(rows: &[CategoryRow], per_loan: &HashMap<String, f64>) -> (Vec<Option<f64>>, Option<f64>) {
    let each: Vec<Option<f64>> = rows
        .iter()
        .map(|row| row.total.map(|n| n as f64 * per_loan.get(row.category).copied().unwrap_or(0.0)))
        .collect();
    let all = each.iter().copied().sum::<Option<f64>>();
    (each, all)
}

/// Participants' signed-off work per month: how many different participants, and their minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    pub months: Vec<(Figure, Figure)>,
    pub participants: Figure,
    pub minutes: Figure,
}

/// Signed-off work (participant, Stockholm date, minutes) per month. A month is shown only when
/// enough different participants worked it (`suppress` over their numbers); the year's minutes
/// are shown only when the hidden months together still hold that many different people, since
/// the year less the shown months gives the hidden months' minutes.
pub fn hours(work: &[(Uuid, NaiveDate, i64)], min: i64) -> Hours {
    let mut people = vec![BTreeSet::new(); 12];
    let mut minutes = [0_i64; 12];
    for (person, day, spent) in work {
        people[day.month0() as usize].insert(*person);
        minutes[day.month0() as usize] += spent;
    }
    let counts: Vec<i64> = people.iter().map(|p| p.len() as i64).collect();
    let everyone: BTreeSet<&Uuid> = people.iter().flatten().collect();
    let hidden = suppress(&counts, everyone.len() as i64, min);
    let behind_hidden: BTreeSet<&Uuid> =
        people.iter().zip(&hidden.parts).filter(|(_, h)| **h).flat_map(|(p, _)| p).collect();
    let any_hidden = hidden.parts.iter().any(|h| *h);
    let total_hidden = hidden.total || (any_hidden && (behind_hidden.len() as i64) < min);
    Hours {
        months: (0..12)
            .map(|m| if hidden.parts[m] { (None, None) } else { (Some(counts[m]), Some(minutes[m])) })
            .collect(),
        participants: (!total_hidden).then_some(everyone.len() as i64),
        minutes: (!total_hidden).then_some(minutes.iter().sum()),
    }
}

/// Everything the page and the CSV show for a year.
pub struct Figures {
    pub year: i32,
    pub loans: Vec<CategoryRow>,
    pub back_in_use: Vec<CategoryRow>,
    pub co2: (Vec<Option<f64>>, Option<f64>),
    pub co2_per_loan: HashMap<String, f64>,
    pub hours: Hours,
}

/// The first instants of a Stockholm year and of the next.
fn year_bounds(year: i32) -> Option<(UtcTime, UtcTime)> {
    let start = |y: i32| -> Option<UtcTime> {
        let midnight: NaiveDateTime = NaiveDate::from_ymd_opt(y, 1, 1)?.and_hms_opt(0, 0, 0)?;
        crate::stockholm::to_utc(midnight).map(UtcTime)
    };
    Some((start(year)?, start(year + 1)?))
}

fn dated<T>(rows: Vec<(T, UtcTime)>) -> Vec<(T, NaiveDate)> {
    rows.into_iter().map(|(what, at)| (what, crate::stockholm::date_of(at.0))).collect()
}

impl Figures {
    pub async fn load(state: &AppState, year: i32) -> Result<Self, AppError> {
        let (from, to) = year_bounds(year).ok_or(AppError::NotFound)?;
        let min = state.goals_min_group;
        let loans = by_category(&dated(store::loans_between(&state.db, from, to).await?), Some(min));
        let back_in_use = by_category(&dated(store::back_in_use_between(&state.db, from, to).await?), None);
        let work = store::signed_off_work_between(&state.db, from, to)
            .await?
            .into_iter()
            .map(|(person, at, minutes)| (person, crate::stockholm::date_of(at.0), i64::from(minutes)))
            .collect::<Vec<_>>();
        let co2_per_loan = co2_per_loan()?;
        Ok(Self {
            year,
            co2: co2(&loans, &co2_per_loan),
            co2_per_loan,
            loans,
            back_in_use,
            hours: hours(&work, min),
        })
    }

    pub fn month_label(&self, month: usize) -> String {
        format!("{}-{:02}", self.year, month + 1)
    }

    /// The CSV: one line per figure; a hidden figure's cell is empty, never its number.
    pub fn csv(&self, catalogues: &Catalogues, locale: Locale) -> anyhow::Result<Vec<u8>> {
        let t = |key: &str| catalogues.plain_with(locale, key, &[]);
        let header = [
            t("leisure-stats-csv-measure"),
            t("leisure-stats-csv-category"),
            t("leisure-stats-csv-period"),
            t("leisure-stats-csv-value"),
        ];
        let whole_year = t("leisure-stats-whole-year");
        let mut rows = Vec::new();
        for (measure, table) in
            [("leisure-stats-loans", &self.loans), ("leisure-stats-back-in-use", &self.back_in_use)]
        {
            for row in table {
                let category = t(&category_key(row.category));
                for (m, figure) in row.months.iter().enumerate() {
                    rows.push(vec![t(measure), category.clone(), self.month_label(m), count(*figure)]);
                }
                rows.push(vec![t(measure), category, whole_year.clone(), count(row.total)]);
            }
        }
        for (row, kg) in self.loans.iter().zip(&self.co2.0) {
            rows.push(vec![
                t("leisure-stats-co2"),
                t(&category_key(row.category)),
                whole_year.clone(),
                decimal(*kg),
            ]);
        }
        rows.push(vec![
            t("leisure-stats-co2"),
            t("leisure-stats-all"),
            whole_year.clone(),
            decimal(self.co2.1),
        ]);
        for (m, (people, minutes)) in self.hours.months.iter().enumerate() {
            rows.push(vec![
                t("leisure-stats-participants"),
                String::new(),
                self.month_label(m),
                count(*people),
            ]);
            rows.push(vec![
                t("leisure-stats-hours"),
                String::new(),
                self.month_label(m),
                hours_decimal(*minutes),
            ]);
        }
        rows.push(vec![
            t("leisure-stats-participants"),
            String::new(),
            whole_year.clone(),
            count(self.hours.participants),
        ]);
        rows.push(vec![
            t("leisure-stats-hours"),
            String::new(),
            whole_year,
            hours_decimal(self.hours.minutes),
        ]);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        crate::formats::csv::write(&header, rows)
    }
}

fn count(figure: Figure) -> String {
    figure.map(|n| n.to_string()).unwrap_or_default()
}

/// A decimal as Swedish Excel reads it: one decimal, a comma.
fn decimal(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}").replace('.', ",")).unwrap_or_default()
}

fn hours_decimal(minutes: Figure) -> String {
    decimal(minutes.map(|m| m as f64 / 60.0))
}

// ---------------------------------------------------------------------------------------------
// The page

/// Leisure staff and the quality office (the board's figures); anyone else is refused, logged.
async fn may_read(state: &AppState, ctx: &PageContext) -> Result<(), AppError> {
    let allowed = crate::policy::may_read_leisure_statistics(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("route", STATISTICS), Refusal::Forbidden).await
}

#[derive(Debug, Default, Deserialize)]
pub struct YearQuery {
    ar: Option<String>,
}

/// The year asked for (this one by default); one not offered is "not found".
fn year_of(query: &YearQuery, today: NaiveDate) -> Result<i32, AppError> {
    let this_year = today.year();
    let year = match query.ar.as_deref().map(str::trim) {
        None | Some("") => this_year,
        Some(text) => text.parse::<i32>().map_err(|_| AppError::NotFound)?,
    };
    if (this_year - YEARS_BACK..=this_year).contains(&year) { Ok(year) } else { Err(AppError::NotFound) }
}

/// A table as the page shows it: a header row, and rows of a label and cells ("–" when hidden).
pub struct TableView {
    pub id: &'static str,
    pub title_key: &'static str,
    pub lead_key: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

const HIDDEN: &str = "–";

fn shown(figure: Figure) -> String {
    figure.map(|n| n.to_string()).unwrap_or_else(|| HIDDEN.to_string())
}

/// Months down, categories across, the year's totals last.
fn month_table(
    shell: &Shell<'_>,
    figures: &Figures,
    rows: &[CategoryRow],
    (id, title_key, lead_key): (&'static str, &'static str, &'static str),
) -> TableView {
    let columns = rows.iter().map(|r| shell.t(&category_key(r.category))).collect();
    let mut lines: Vec<(String, Vec<String>)> = (0..12)
        .map(|m| (figures.month_label(m), rows.iter().map(|r| shown(r.months[m])).collect()))
        .collect();
    lines.push((shell.t("leisure-stats-whole-year"), rows.iter().map(|r| shown(r.total)).collect()));
    TableView { id, title_key, lead_key, columns, rows: lines }
}

fn kg(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.0}")).unwrap_or_else(|| HIDDEN.to_string())
}

#[derive(Template)]
#[template(path = "leisure/statistics.html")]
struct StatisticsPage<'a> {
    shell: Shell<'a>,
    year: i32,
    years: Vec<i32>,
    hidden_note: String,
    tables: Vec<TableView>,
    /// (category, loans in the year, kg per loan, kg saved).
    co2: Vec<(String, String, String, String)>,
    co2_all: String,
    /// (month, participants, hours).
    hours: Vec<(String, String, String)>,
    csv_href: String,
}

fn hours_shown(minutes: Figure) -> String {
    minutes.map(super::work::hours).unwrap_or_else(|| HIDDEN.to_string())
}

/// `GET /personal/fritidsbanken/statistik`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    may_read(&state, &ctx).await?;
    let today = crate::stockholm::today();
    let year = year_of(&query, today)?;
    let figures = Figures::load(&state, year).await?;
    let shell = ctx.shell(&state);
    let co2 = figures
        .loans
        .iter()
        .zip(&figures.co2.0)
        .map(|(row, saved)| {
            let per_loan = figures.co2_per_loan.get(row.category).copied().unwrap_or(0.0);
            (shell.t(&category_key(row.category)), shown(row.total), format!("{per_loan:.1}"), kg(*saved))
        })
        .collect();
    let mut hours: Vec<(String, String, String)> = figures
        .hours
        .months
        .iter()
        .enumerate()
        .map(|(m, (people, minutes))| (figures.month_label(m), shown(*people), hours_shown(*minutes)))
        .collect();
    hours.push((
        shell.t("leisure-stats-whole-year"),
        shown(figures.hours.participants),
        hours_shown(figures.hours.minutes),
    ));
    let page = StatisticsPage {
        tables: vec![
            month_table(
                &shell,
                &figures,
                &figures.loans,
                ("lan", "leisure-stats-loans", "leisure-stats-loans-lead"),
            ),
            month_table(
                &shell,
                &figures,
                &figures.back_in_use,
                ("i-bruk", "leisure-stats-back-in-use", "leisure-stats-back-in-use-lead"),
            ),
        ],
        hidden_note: shell.tn("leisure-stats-hidden-note", "min", &state.goals_min_group),
        co2,
        co2_all: kg(figures.co2.1),
        hours,
        year,
        years: (today.year() - YEARS_BACK..=today.year()).rev().collect(),
        csv_href: format!("{}?ar={year}", ctx.href(&format!("{STATISTICS}.csv"))),
        shell,
    };
    Ok(render(&page)?.into_response())
}

/// `GET /personal/fritidsbanken/statistik.csv?ar=2026`.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    may_read(&state, &ctx).await?;
    let year = year_of(&query, crate::stockholm::today())?;
    let figures = Figures::load(&state, year).await?;
    let body = figures.csv(&state.catalogues, ctx.location.locale)?;
    let name = format!("attachment; filename=\"fritidsbanken-{year}.csv\"");
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, 10).unwrap()
    }

    #[test]
    fn the_co2_table_lists_every_category_with_a_figure() {
        let table = co2_per_loan().unwrap();
        for category in CATEGORIES {
            assert!(table.get(category).is_some_and(|kg| *kg > 0.0), "{category}");
        }
        assert_eq!(table.len(), CATEGORIES.len(), "no category the statistics do not know");
    }

    #[test]
    fn a_small_month_of_loans_is_hidden_with_enough_others_to_stay_hidden() {
        let mut events = Vec::new();
        events.extend((0..3).map(|_| ("winter".to_string(), day(1))));
        events.extend((0..10).map(|_| ("winter".to_string(), day(2))));
        events.extend((0..20).map(|_| ("winter".to_string(), day(12))));
        let rows = by_category(&events, Some(5));
        let winter = rows.iter().find(|r| r.category == "winter").unwrap();
        assert_eq!((winter.months[0], winter.months[1], winter.months[11]), (None, None, Some(20)));
        assert_eq!(winter.months[5], Some(0), "an empty month is no group");
        assert_eq!(winter.total, Some(33));
        let cycling = rows.iter().find(|r| r.category == "cycling").unwrap();
        assert_eq!(cycling.total, Some(0));
        let unsuppressed = by_category(&events, None);
        assert_eq!(unsuppressed.iter().find(|r| r.category == "winter").unwrap().months[0], Some(3));
    }

    #[test]
    fn the_co2_over_all_categories_is_hidden_when_one_is() {
        let per_loan: HashMap<String, f64> = [("winter".to_string(), 3.0), ("ball".to_string(), 0.5)].into();
        let mut events: Vec<(String, NaiveDate)> = (0..10).map(|_| ("winter".to_string(), day(3))).collect();
        let (each, all) = co2(&by_category(&events, Some(5)), &per_loan);
        assert_eq!((each[1], all), (Some(30.0), Some(30.0)));
        events.extend((0..2).map(|_| ("ball".to_string(), day(3))));
        let (each, all) = co2(&by_category(&events, Some(5)), &per_loan);
        assert_eq!((each[0], each[1], all), (None, Some(30.0), None));
    }

    #[test]
    fn hours_never_single_out_a_participant() {
        let people: Vec<Uuid> = (0..6).map(|_| Uuid::new_v4()).collect();
        // One participant alone in each of five months, five others in June: the five months add
        // up to the minimum, but the year less June would still be that one person's hours.
        let mut work: Vec<(Uuid, NaiveDate, i64)> = (1..=5).map(|m| (people[0], day(m), 60)).collect();
        work.extend(people[1..6].iter().map(|p| (*p, day(6), 30)));
        let figures = hours(&work, 5);
        assert!(figures.months[..5].iter().all(|m| *m == (None, None)));
        assert_eq!(figures.months[5], (Some(5), Some(150)));
        assert_eq!((figures.participants, figures.minutes), (None, None));
        // Once four others work those months too, everything is shown.
        work.extend(people[1..5].iter().flat_map(|p| (1..=5).map(move |m| (*p, day(m), 30))));
        let figures = hours(&work, 5);
        assert_eq!(figures.months[0], (Some(5), Some(60 + 4 * 30)));
        assert_eq!(figures.months[11], (Some(0), Some(0)));
        assert_eq!((figures.participants, figures.minutes), (Some(6), Some(5 * 60 + 150 + 4 * 5 * 30)));
    }

    #[test]
    fn only_this_year_and_the_two_before_are_offered() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let ask = |ar: &str| year_of(&YearQuery { ar: Some(ar.into()) }, today);
        assert_eq!(year_of(&YearQuery::default(), today).unwrap(), 2026);
        assert_eq!(ask("2024").unwrap(), 2024);
        assert!(ask("2023").is_err() && ask("2027").is_err() && ask("x").is_err());
    }
}
