//! "Så tycker invånarna" (`/resultat`): the board's goals for everyone, the same figures as the
//! dashboard, suppressed the same way, with what is measured and how in plain words. No free text.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::report::{self, Choices, Figures, GoalView, ReportQuery, UsageLine};
use crate::web::errors::{AppError, render};
use crate::web::form::Query;
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "goals/public.html")]
struct Results<'a> {
    shell: Shell<'a>,
    year: i32,
    choices: Choices,
    goals: Vec<GoalView>,
    usage: Vec<UsageLine>,
    min_group: i64,
    staff: bool,
}

/// `GET /resultat`.
pub async fn results(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let today = crate::stockholm::date_of(chrono::Utc::now());
    let (year, granularity) = report::choice(&query, today)?;
    let figures = Figures::load(&state, year, granularity).await?;
    let goals = report::views(&state, &figures, ctx.location.locale, false).await?;
    let page = Results {
        shell: ctx.shell(&state),
        year,
        choices: report::choices(year, granularity, today),
        goals,
        usage: report::usage_lines(&figures.usage),
        min_group: state.goals_min_group,
        staff: false,
    };
    Ok(render(&page)?.into_response())
}
