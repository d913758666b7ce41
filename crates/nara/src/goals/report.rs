//! The goals of one year as the dashboard, the public page and the CSV show them: the same
//! figures, suppressed the same way, made once here from the counts.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use uuid::Uuid;

use super::chart::{self, Chart};
use super::{Breakdown, Cell, Goal, GoalFigures, Granularity, Usage};
use crate::i18n::{Catalogues, Locale};
use crate::web::errors::AppError;
use crate::web::state::AppState;

/// The years offered: this one and the two before.
pub const YEARS_BACK: i32 = 2;

/// `?ar=2026&per=kvartal`: which year, in quarters or months.
#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    ar: Option<String>,
    per: Option<String>,
}

/// The year and period length asked for; an unknown one is "not found" (nothing to show).
pub fn choice(query: &ReportQuery, today: NaiveDate) -> Result<(i32, Granularity), AppError> {
    let this_year = today.year();
    let year = match query.ar.as_deref().map(str::trim) {
        None | Some("") => this_year,
        Some(text) => text.parse::<i32>().map_err(|_| AppError::NotFound)?,
    };
    if !(this_year - YEARS_BACK..=this_year).contains(&year) {
        return Err(AppError::NotFound);
    }
    let granularity = Granularity::parse(query.per.as_deref()).ok_or(AppError::NotFound)?;
    Ok((year, granularity))
}

/// The figures of a year and the names of their units.
pub struct Figures {
    pub year: i32,
    pub granularity: Granularity,
    pub goals: Vec<GoalFigures>,
    pub usage: Vec<Usage>,
    units: HashMap<Uuid, (String, String)>,
}

impl Figures {
    pub async fn load(state: &AppState, year: i32, granularity: Granularity) -> Result<Self, AppError> {
        let (from, to) = super::year_days(year).ok_or(AppError::NotFound)?;
        let today = crate::stockholm::date_of(chrono::Utc::now());
        let counts = super::store::counts(&state.db, from, to, today, granularity).await?;
        let periods = granularity.periods_of(year);
        let min = state.goals_min_group;
        let goals = vec![
            super::figures(Goal::Usefulness, &counts.usefulness, &periods, min),
            super::figures(Goal::FosterHome, &counts.foster_home, &periods, min),
            super::figures(Goal::YouthSentences, &counts.youth_sentences, &periods, min),
        ];
        let units = crate::identity::store::list_units(&state.db)
            .await?
            .iter()
            .map(|u| (u.id, (u.name_sv.clone(), u.name_en.clone())))
            .collect();
        Ok(Self {
            year,
            granularity,
            goals,
            usage: super::usage(&counts.usage, &periods, granularity),
            units,
        })
    }

    pub fn unit_name(&self, id: Uuid, locale: Locale) -> String {
        match self.units.get(&id) {
            Some((sv, en)) => {
                if locale == Locale::EN {
                    en.clone()
                } else {
                    sv.clone()
                }
            }
            None => String::new(),
        }
    }

    /// The CSV of every goal's figures: a hidden cell is empty, never its number.
    pub fn csv(&self, catalogues: &Catalogues, locale: Locale) -> anyhow::Result<Vec<u8>> {
        let t = |key: &str| catalogues.plain_with(locale, key, &[]);
        let header = [
            t("goals-csv-goal"),
            t("goals-csv-by"),
            t("goals-csv-group"),
            t("goals-csv-hits"),
            t("goals-csv-total"),
            t("goals-csv-percent"),
            t("goals-csv-target"),
        ];
        let mut rows = Vec::new();
        for figures in &self.goals {
            let goal = t(&format!("goals-{}-title", figures.goal.code()));
            let target = figures.goal.target().to_string();
            let mut push = |by: &str, group: String, cell: &Cell| {
                let (hits, total, percent) = if cell.hidden {
                    (String::new(), String::new(), String::new())
                } else {
                    (
                        cell.hits.to_string(),
                        cell.total.to_string(),
                        cell.percent().map(|p| p.to_string()).unwrap_or_default(),
                    )
                };
                rows.push(vec![goal.clone(), by.to_string(), group, hits, total, percent, target.clone()]);
            };
            let (period, unit, all) = (t("goals-csv-by-period"), t("goals-csv-by-unit"), t("goals-total"));
            for (key, cell) in &figures.by_period.rows {
                push(&period, key.clone(), cell);
            }
            push(&period, all.clone(), &figures.by_period.total);
            for (id, cell) in &figures.by_unit.rows {
                push(&unit, self.unit_name(*id, locale), cell);
            }
            push(&unit, all, &figures.by_unit.total);
        }
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        crate::formats::csv::write(&header, rows)
    }
}

/// One line of a table: a period or unit and its figure as written.
pub struct Line {
    pub label: String,
    pub hits: String,
    pub total: String,
    pub percent: String,
    /// The catalogue key that says whether the target is reached, hidden, or nothing to say.
    pub status_key: &'static str,
}

fn line(label: String, cell: &Cell, target: u32) -> Line {
    let status_key = match cell.reaches(target) {
        _ if cell.hidden => "goals-hidden",
        Some(true) => "goals-reached",
        Some(false) => "goals-not-reached",
        None => "goals-no-answers",
    };
    let shown = |n: i64| if cell.hidden { String::new() } else { n.to_string() };
    Line {
        label,
        hits: shown(cell.hits),
        total: shown(cell.total),
        percent: cell.percent().map(|p| format!("{p} %")).unwrap_or_default(),
        status_key,
    }
}

/// A goal as the pages show it.
pub struct GoalView {
    pub code: &'static str,
    pub target: u32,
    pub chart: Chart,
    /// The chart's accessible description: every bar's value, in words.
    pub chart_desc: String,
    pub periods: Vec<Line>,
    pub period_total: Line,
    pub units: Vec<Line>,
    pub unit_total: Line,
    /// Free-text answers of units whose figure is shown (usefulness only).
    pub free_texts: Vec<(String, Vec<String>)>,
}

impl GoalView {
    pub fn title_key(&self) -> String {
        format!("goals-{}-title", self.code)
    }

    pub fn definition_key(&self) -> String {
        format!("goals-{}-definition", self.code)
    }

    /// The tables' column heads: what a hit and the whole are for this goal.
    pub fn hits_key(&self) -> String {
        format!("goals-hits-{}", self.code)
    }

    pub fn total_key(&self) -> String {
        format!("goals-total-{}", self.code)
    }

    pub fn chart_title_id(&self) -> String {
        format!("diagram-{}-titel", self.code)
    }

    pub fn chart_desc_id(&self) -> String {
        format!("diagram-{}-beskrivning", self.code)
    }
}

fn lines<K>(breakdown: &Breakdown<K>, target: u32, label: impl Fn(&K) -> String) -> Vec<Line> {
    breakdown.rows.iter().map(|(key, cell)| line(label(key), cell, target)).collect()
}

/// The goals of the figures in a language. Free texts (for staff only) are read only for units
/// whose figure is shown.
pub async fn views(
    state: &AppState,
    figures: &Figures,
    locale: Locale,
    with_free_texts: bool,
) -> Result<Vec<GoalView>, AppError> {
    let text = |key: &str| state.catalogues.text(locale, key);
    let mut views = Vec::new();
    for goal in &figures.goals {
        let target = goal.goal.target();
        let periods = lines(&goal.by_period, target, String::clone);
        let bars: Vec<(String, Option<i64>, String)> = goal
            .by_period
            .rows
            .iter()
            .zip(&periods)
            .map(|((period, cell), line)| {
                let value = if line.percent.is_empty() { "–".to_string() } else { line.percent.clone() };
                (period.clone(), cell.percent(), value)
            })
            .collect();
        let chart_desc = std::iter::once(state.catalogues.text_with(
            locale,
            "goals-chart-desc",
            &[("target", i64::from(target).into())],
        ))
        .chain(periods.iter().map(|l| {
            let value = if l.percent.is_empty() { text(l.status_key) } else { l.percent.clone() };
            format!("{}: {value}.", l.label)
        }))
        .collect::<Vec<_>>()
        .join(" ");
        let mut free_texts = Vec::new();
        if with_free_texts && goal.goal == Goal::Usefulness {
            let (from, to) = super::year_days(figures.year).ok_or(AppError::NotFound)?;
            let last = to.pred_opt().unwrap_or(to);
            let (from_week, to_week) = (crate::directory::iso_week(from), crate::directory::iso_week(last));
            for unit in super::free_text_units(&goal.by_unit) {
                let texts =
                    super::store::usefulness_free_texts(&state.db, unit, &from_week, &to_week).await?;
                if !texts.is_empty() {
                    free_texts.push((figures.unit_name(unit, locale), texts.to_vec()));
                }
            }
        }
        views.push(GoalView {
            code: goal.goal.code(),
            target,
            chart: chart::bars(&bars, target),
            chart_desc,
            period_total: line(text("goals-total"), &goal.by_period.total, target),
            periods,
            units: lines(&goal.by_unit, target, |id| figures.unit_name(*id, locale)),
            unit_total: line(text("goals-total"), &goal.by_unit.total, target),
            free_texts,
        });
    }
    Ok(views)
}

/// A usage line as written.
pub struct UsageLine {
    pub period: String,
    pub visits: i64,
    pub searches: i64,
    pub no_results: i64,
    pub missed: String,
}

pub fn usage_lines(usage: &[Usage]) -> Vec<UsageLine> {
    usage
        .iter()
        .map(|u| UsageLine {
            period: u.period.clone(),
            visits: u.visits,
            searches: u.searches,
            no_results: u.no_results,
            missed: u.missed_percent().map(|p| format!("{p} %")).unwrap_or_default(),
        })
        .collect()
}

/// The choices of the form that picks year and period length.
pub struct Choices {
    pub years: Vec<(i32, bool)>,
    pub monthly: bool,
}

pub fn choices(year: i32, granularity: Granularity, today: NaiveDate) -> Choices {
    let this_year = today.year();
    Choices {
        years: (this_year - YEARS_BACK..=this_year).rev().map(|y| (y, y == year)).collect(),
        monthly: granularity == Granularity::Month,
    }
}
