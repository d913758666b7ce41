//! The word list's pages, under `/personal/klarsprak/ord`: the list, a form to add or change a
//! pair, and removal. For the coordinator and the plain-language reviewers (`policy`); anyone
//! else signed in is refused (403, audited). A change reaches the checker at once.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::store::{self, SaveError};
use super::{Pair, PairForm};
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub const LIST: &str = "/personal/klarsprak/ord";

#[derive(Template)]
#[template(path = "plain_language/words.html")]
struct ListPage<'a> {
    shell: Shell<'a>,
    rows: Vec<Row>,
    new_href: String,
}

pub struct Row {
    pub href: String,
    pub phrase: String,
    pub plain: String,
}

#[derive(Template)]
#[template(path = "plain_language/word.html")]
struct FormPage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    errors: FormErrors,
    form: PairForm,
    remove_action: Option<String>,
}

/// Refuses (403, audited) anyone who may not manage the list.
async fn may_manage(state: &AppState, ctx: &PageContext) -> Result<(), AppError> {
    let allowed = policy::may_manage_plain_words(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("route", LIST), Refusal::Forbidden).await
}

/// `GET /personal/klarsprak/ord`.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    let rows = store::all(&state.db)
        .await?
        .into_iter()
        .map(|p| Row { href: ctx.href(&format!("{LIST}/{}", p.id)), phrase: p.phrase, plain: p.plain })
        .collect();
    let page = ListPage { shell: ctx.shell(&state), rows, new_href: ctx.href(&format!("{LIST}/ny")) };
    Ok(render(&page)?.into_response())
}

fn form_page(
    state: &AppState,
    ctx: &PageContext,
    id: Option<Uuid>,
    form: PairForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let page = FormPage {
        title: shell.t(if id.is_some() { "plain-words-change-title" } else { "plain-words-new-title" }),
        action: ctx.href(&id.map_or_else(|| format!("{LIST}/ny"), |id| format!("{LIST}/{id}"))),
        remove_action: id.map(|id| ctx.href(&format!("{LIST}/{id}/ta-bort"))),
        errors,
        form,
        shell,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

async fn existing(state: &AppState, id: Uuid) -> Result<Pair, AppError> {
    store::pair(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// `GET /personal/klarsprak/ord/ny`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    form_page(&state, &ctx, None, PairForm::default(), FormErrors::default())
}

/// `GET /personal/klarsprak/ord/{id}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    let pair = existing(&state, id).await?;
    form_page(&state, &ctx, Some(id), PairForm::of(&pair), FormErrors::default())
}

/// `POST /personal/klarsprak/ord/ny`.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<PairForm>,
) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    save(&state, &ctx, None, form).await
}

/// `POST /personal/klarsprak/ord/{id}`.
pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<PairForm>,
) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    existing(&state, id).await?;
    save(&state, &ctx, Some(id), form).await
}

async fn save(
    state: &AppState,
    ctx: &PageContext,
    id: Option<Uuid>,
    form: PairForm,
) -> Result<Response, AppError> {
    let (phrase, plain) = match form.read() {
        Ok(pair) => pair,
        Err(errors) => return form_page(state, ctx, id, form, errors),
    };
    let by = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    match store::save(&mut tx, id, &phrase, &plain, Some(by)).await? {
        Ok(_) => tx.commit().await?,
        Err(SaveError::Missing) => return Err(AppError::NotFound),
        Err(SaveError::Duplicate) => {
            let mut errors = FormErrors::default();
            errors.add("fras", "plain-words-error-phrase-listed");
            return form_page(state, ctx, id, form, errors);
        }
    }
    Ok(Redirect::to(&ctx.href(LIST)).into_response())
}

/// `POST /personal/klarsprak/ord/{id}/ta-bort`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    may_manage(&state, &ctx).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::remove(&mut tx, id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(LIST)).into_response())
}
