//! `/bidrag`: the grant programmes and their rules, public, in Swedish and English, so that an
//! association knows before applying who may apply, how applications are assessed and by when.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::programme::published;
use super::store;
use super::view::ProgrammeView;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "grants/programmes.html")]
struct ProgrammesPage<'a> {
    shell: Shell<'a>,
    programmes: Vec<ProgrammeView>,
}

/// `GET /bidrag`: every programme in its current version.
pub async fn programmes(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let now = Utc::now();
    let mut programmes = Vec::new();
    for row in store::programmes(&state.db).await? {
        let (rules, _) = published(&row.rules, &row.questions)?;
        programmes.push(ProgrammeView::new(&row, &rules, locale, now));
    }
    Ok(render(&ProgrammesPage { shell: ctx.shell(&state), programmes })?.into_response())
}

#[derive(Template)]
#[template(path = "grants/programme.html")]
struct ProgrammePage<'a> {
    shell: Shell<'a>,
    programme: ProgrammeView,
    questions: Vec<String>,
}

/// `GET /bidrag/{slug}`: a programme's rules and the questions an application answers.
pub async fn programme(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let row = store::programme(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let (rules, form) = published(&row.rules, &row.questions)?;
    let locale = ctx.location.locale;
    let programme = ProgrammeView::new(&row, &rules, locale, Utc::now());
    let questions = form.questions().map(|q| q.label.get(locale).to_string()).collect();
    Ok(render(&ProgrammePage { shell: ctx.shell(&state), programme, questions })?.into_response())
}
