//! The vocabulary's pages for staff, under `/personal/katalog/ord`: the list, a form to add or
//! change a wording, its history (who changed what, when), and removal. Like the directory's other
//! staff changes, each is kept with who made it; the wordings hold no personal data.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::{Wording, WordingForm, store};
use crate::directory::stewards::Option_;
use crate::help_areas::HelpArea;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

const LIST: &str = "/personal/katalog/ord";

/// A wording as the list shows it.
pub struct WordingRow {
    pub href: String,
    pub title: String,
    pub phrases: usize,
    pub leads_to: String,
    pub crisis: bool,
}

#[derive(Template)]
#[template(path = "directory/vocabulary.html")]
struct ListPage<'a> {
    shell: Shell<'a>,
    rows: Vec<WordingRow>,
    new_href: String,
}

/// One line of a wording's history.
pub struct HistoryLine {
    pub when: String,
    pub who: String,
    pub what: String,
    pub phrases: String,
}

#[derive(Template)]
#[template(path = "directory/wording.html")]
struct FormPage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    errors: FormErrors,
    form: WordingForm,
    areas: Vec<Option_>,
    remove_action: Option<String>,
    history: Vec<HistoryLine>,
}

fn area_names(areas: &[HelpArea], slugs: &[String], ctx: &PageContext) -> Vec<String> {
    slugs
        .iter()
        .map(|slug| {
            areas
                .iter()
                .find(|a| &a.slug == slug)
                .map_or_else(|| slug.clone(), |a| a.name(ctx.location.locale).into())
        })
        .collect()
}

/// `GET /personal/katalog/ord`.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let areas = crate::help_areas::store::list(&state.db).await?;
    let rows = store::all(&state.db)
        .await?
        .into_iter()
        .map(|w| WordingRow {
            href: ctx.href(&format!("{LIST}/{}", w.id)),
            title: w.title().to_string(),
            phrases: w.phrases.len(),
            leads_to: area_names(&areas, &w.areas, &ctx)
                .into_iter()
                .chain(w.entries.iter().cloned())
                .collect::<Vec<_>>()
                .join(", "),
            crisis: w.crisis,
        })
        .collect();
    let page = ListPage { shell: ctx.shell(&state), rows, new_href: ctx.href(&format!("{LIST}/ny")) };
    Ok(render(&page)?.into_response())
}

async fn form_page(
    state: &AppState,
    ctx: &PageContext,
    id: Option<Uuid>,
    form: WordingForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let areas = crate::help_areas::store::list(&state.db).await?;
    let history = match id {
        None => Vec::new(),
        Some(id) => store::history(&state.db, id)
            .await?
            .into_iter()
            .map(|change| HistoryLine {
                when: crate::i18n::format_stockholm(change.changed_at),
                who: change.changed_by.unwrap_or_else(|| shell.t("vocabulary-history-system")),
                what: shell.t(&format!("vocabulary-history-{}", change.change)),
                phrases: serde_json::from_str::<Wording>(&change.snapshot)
                    .map(|w| w.phrases.join(" · "))
                    .unwrap_or_default(),
            })
            .collect(),
    };
    let page = FormPage {
        title: shell.t(if id.is_some() { "vocabulary-change-title" } else { "vocabulary-new-title" }),
        action: ctx.href(&match id {
            Some(id) => format!("{LIST}/{id}"),
            None => format!("{LIST}/ny"),
        }),
        areas: areas
            .iter()
            .map(|a| Option_ {
                value: a.slug.clone(),
                label: a.name(ctx.location.locale).to_string(),
                lang: None,
                checked: form.omraden.contains(&a.slug),
            })
            .collect(),
        remove_action: id.map(|id| ctx.href(&format!("{LIST}/{id}/ta-bort"))),
        history,
        errors,
        form,
        shell,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /personal/katalog/ord/ny`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    form_page(&state, &ctx, None, WordingForm::default(), FormErrors::default()).await
}

/// `GET /personal/katalog/ord/{id}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let wording = store::wording(&state.db, id).await?.ok_or(AppError::NotFound)?;
    form_page(&state, &ctx, Some(id), WordingForm::of(&wording), FormErrors::default()).await
}

/// `POST /personal/katalog/ord/ny`.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save(state, ctx, None, WordingForm::from_pairs(&pairs)).await
}

/// `POST /personal/katalog/ord/{id}`.
pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    store::wording(&state.db, id).await?.ok_or(AppError::NotFound)?;
    save(state, ctx, Some(id), WordingForm::from_pairs(&pairs)).await
}

async fn save(
    state: AppState,
    ctx: PageContext,
    id: Option<Uuid>,
    form: WordingForm,
) -> Result<Response, AppError> {
    let by = ctx.person()?.person.id;
    let areas = crate::help_areas::store::list(&state.db).await?;
    let mut entries = Vec::new();
    for slug in form.poster.lines().map(str::trim).filter(|s| !s.is_empty()).take(super::MAX_ENTRIES + 1) {
        if crate::directory::store::entry_by_slug(&state.db, slug).await?.is_some() {
            entries.push(slug.to_string());
        }
    }
    let read = form.read(
        id.unwrap_or_else(Uuid::new_v4),
        |slug| areas.iter().any(|a| a.slug == slug),
        |slug| entries.iter().any(|e| e == slug),
    );
    let wording = match read {
        Ok(wording) => wording,
        Err(errors) => return form_page(&state, &ctx, id, form, errors).await,
    };
    let mut tx = state.db.begin_write().await?;
    store::save(&mut tx, &wording, Some(by)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(LIST)).into_response())
}

/// `POST /personal/katalog/ord/{id}/ta-bort`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let by = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::remove(&mut tx, id, Some(by)).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(LIST)).into_response())
}
