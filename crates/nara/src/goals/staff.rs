//! The quality office's dashboard (`/personal/mal`) and its CSV: the board's goals against their
//! targets over a year and by unit. Aggregates only, small groups suppressed: no personal data is
//! read, so nothing is audited.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::report::{self, Choices, Figures, GoalView, ReportQuery, UsageLine};
use crate::web::errors::{AppError, render};
use crate::web::form::Query;
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "goals/dashboard.html")]
struct Dashboard<'a> {
    shell: Shell<'a>,
    year: i32,
    per: &'static str,
    choices: Choices,
    goals: Vec<GoalView>,
    usage: Vec<UsageLine>,
    min_group: i64,
    /// Free texts are shown here, never on the public page.
    staff: bool,
}

fn today() -> chrono::NaiveDate {
    crate::stockholm::date_of(chrono::Utc::now())
}

/// `GET /personal/mal`.
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let (year, granularity) = report::choice(&query, today())?;
    let figures = Figures::load(&state, year, granularity).await?;
    let locale = ctx.location.locale;
    let page = Dashboard {
        shell: ctx.shell(&state),
        year,
        per: granularity.as_str(),
        choices: report::choices(year, granularity, today()),
        goals: report::views(&state, &figures, locale, true).await?,
        usage: report::usage_lines(&figures.usage),
        min_group: state.goals_min_group,
        staff: true,
    };
    Ok(render(&page)?.into_response())
}

/// `GET /personal/mal.csv`: the same figures for a spreadsheet; a hidden cell is empty.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let (year, granularity) = report::choice(&query, today())?;
    let figures = Figures::load(&state, year, granularity).await?;
    let body = figures.csv(&state.catalogues, ctx.location.locale)?;
    let name = format!("attachment; filename=\"mal-{year}-{}.csv\"", granularity.as_str());
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)],
        body,
    )
        .into_response())
}
