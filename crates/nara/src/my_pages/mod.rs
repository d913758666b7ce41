//! My pages: a signed-in person's own account, and who has read or changed their data.

pub mod access_log;
pub mod export;

pub use access_log::access_log;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::i18n::Locale;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A language to choose, in its own name.
pub struct LanguageChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "my_pages/overview.html")]
struct OverviewPage<'a> {
    shell: Shell<'a>,
    name: String,
    email: Option<String>,
    languages: Vec<LanguageChoice>,
    errors: FormErrors,
    notice: Option<&'static str>,
    surveys: crate::surveys::resident::MyPagesBlock,
}

#[derive(Deserialize)]
pub struct OverviewQuery {
    klart: Option<String>,
}

async fn overview_page(
    state: &AppState,
    ctx: &PageContext,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let person = &ctx.person()?.person;
    let mine = crate::identity::store::language(&state.db, person.id).await?;
    let page = OverviewPage {
        shell: ctx.shell(state),
        name: person.display_name.clone(),
        email: person.email.clone(),
        languages: Locale::all()
            .map(|l| LanguageChoice { code: l.code(), name: l.native_name(), chosen: l == mine })
            .collect(),
        notice,
        errors,
        surveys: crate::surveys::resident::my_pages_block(state, ctx, person.id).await?,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

pub async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, AppError> {
    let notice = match query.klart.as_deref() {
        Some("sprak") => Some("my-pages-language-saved"),
        Some("enkater") => Some("survey-notice-opted-out"),
        _ => None,
    };
    overview_page(&state, &ctx, FormErrors::default(), notice).await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// `POST /mina-sidor/sprak`: the language the person's e-mails and notices are written in; My
/// pages then open in it.
pub async fn set_language(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let Some(locale) = Locale::all().find(|l| l.code() == form.language) else {
        let mut errors = FormErrors::default();
        errors.add("language", "my-pages-language-missing");
        return overview_page(&state, &ctx, errors, None).await;
    };
    crate::identity::store::set_language(&state.db, ctx.person()?.person.id, locale).await?;
    Ok(Redirect::to(&locale.href("/mina-sidor?klart=sprak#sprak")).into_response())
}
