//! The pages of the shell: home and the accessibility statement.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::db::UtcTime;
use crate::help_areas::{HelpArea, home_path};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: Shell<'a>,
    /// The areas of help that lead somewhere, each with where.
    areas: Vec<(&'a HelpArea, String)>,
}

pub async fn home(State(state): State<AppState>, ctx: PageContext) -> Result<Html<String>, AppError> {
    let areas = crate::help_areas::store::on_home_page(&state.db).await?;
    // A count per day and nothing else: no cookie, no address.
    let day = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Stockholm).date_naive();
    state.usage.count(crate::directory::Measure::Visit, day);
    let with_entries = crate::directory::store::areas_with_entries(&state.db).await?;
    let with_meetings = crate::events::meetings::areas_with_meetings(&state.db, UtcTime::now()).await?;
    let ways_in = areas
        .iter()
        .filter_map(|area| {
            let path =
                home_path(&area.slug, with_entries.contains(&area.slug), with_meetings.contains(&area.slug))?;
            Some((area, ctx.href(&path)))
        })
        .collect();
    render(&HomePage { shell: ctx.shell(&state), areas: ways_in })
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
