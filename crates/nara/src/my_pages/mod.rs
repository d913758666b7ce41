//! My pages: a signed-in person's own account, and who has read or changed their data.

pub mod access_log;
pub mod export;

pub use access_log::access_log;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "my_pages/overview.html")]
struct OverviewPage<'a> {
    shell: Shell<'a>,
    name: String,
    email: Option<String>,
}

pub async fn overview(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let person = &ctx.person()?.person;
    let page = OverviewPage {
        shell: ctx.shell(&state),
        name: person.display_name.clone(),
        email: person.email.clone(),
    };
    Ok(render(&page)?.into_response())
}
