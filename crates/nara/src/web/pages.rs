//! The pages of the shell: home and the accessibility statement.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::help_areas::HelpArea;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: Shell<'a>,
    areas: &'a [HelpArea],
}

pub async fn home(State(state): State<AppState>, ctx: PageContext) -> Result<Html<String>, AppError> {
    let areas = crate::help_areas::store::on_home_page(&state.db).await?;
    // A count per day and nothing else: no cookie, no address.
    let day = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Stockholm).date_naive();
    state.usage.count(crate::directory::Measure::Visit, day);
    render(&HomePage { shell: ctx.shell(&state), areas: &areas })
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage<'a> {
    shell: Shell<'a>,
}

pub async fn accessibility(
    State(state): State<AppState>,
    ctx: PageContext,
) -> Result<Html<String>, AppError> {
    render(&AccessibilityPage { shell: ctx.shell(&state) })
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}
