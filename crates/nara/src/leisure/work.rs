//! Work for participants (`/fritidsbanken/uppgifter`): the task board shows what waits at each
//! step and where; a participant takes an item's task, records the time and what was done, and
//! moves the item on. Their own hours and what the work made possible are on the board too.
//! Participants see items and places, never who borrows them.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, ItemRow};
use super::{MAX_NOTE_CHARS, Step, access};
use crate::audit::Action;
use crate::i18n::Locale;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub const BOARD: &str = "/fritidsbanken/uppgifter";

/// Participants and their supervisors only; anyone else is refused (and it is logged).
async fn may_work(state: &AppState, ctx: &PageContext) -> Result<(), AppError> {
    let allowed = crate::policy::may_do_leisure_work(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("route", BOARD), Refusal::Forbidden).await
}

fn kind(locale: Locale, item: &ItemRow) -> String {
    let name = if locale == Locale::EN { &item.name_en } else { &item.name_sv };
    if item.size.is_empty() { name.clone() } else { format!("{name} ({})", item.size) }
}

/// A column of the board: a step with work, and the items waiting there (kind, place, link).
pub struct Column {
    pub task_key: &'static str,
    pub step_key: &'static str,
    pub items: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "leisure/board.html")]
struct BoardPage<'a> {
    shell: Shell<'a>,
    columns: Vec<Column>,
    summary: store::WorkSummary,
    hours: String,
    signed_off: String,
    notice: bool,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// Minutes as hours and minutes, "2:05".
pub(super) fn hours(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// `GET /fritidsbanken/uppgifter`.
pub async fn board(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    may_work(&state, &ctx).await?;
    let me = ctx.person()?.person.id;
    let places = store::places(&state.db).await?;
    let place_name =
        |id: Uuid| places.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let locale = ctx.location.locale;
    let mut columns = Vec::new();
    for step in [Step::Donated, Step::Sorting, Step::Returned, Step::Washing, Step::Repair] {
        let Some(task) = step.task() else { continue };
        let items = store::items_at(&state.db, step, 10)
            .await?
            .iter()
            .map(|i| (kind(locale, i), place_name(i.place_id), ctx.href(&format!("{BOARD}/{}", i.code))))
            .collect();
        columns.push(Column { task_key: task.label_key(), step_key: step.label_key(), items });
    }
    let summary = store::work_summary(&state.db, me).await?;
    let page = BoardPage {
        shell: ctx.shell(&state),
        columns,
        hours: hours(summary.minutes),
        signed_off: hours(summary.signed_off_minutes),
        summary,
        notice: query.klart.as_deref() == Some("sparat"),
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "leisure/task.html")]
struct TaskPage<'a> {
    shell: Shell<'a>,
    code: String,
    kind: String,
    place: String,
    step_key: &'static str,
    task_key: &'static str,
    moves: Vec<(String, &'static str)>,
    errors: FormErrors,
    minutes: String,
    what: String,
    to: String,
}

async fn task_page(
    state: &AppState,
    ctx: &PageContext,
    item: ItemRow,
    errors: FormErrors,
    kept: (String, String, String),
) -> Result<Response, AppError> {
    let step = item.step();
    let task = step.task().ok_or(AppError::NotFound)?;
    let place = store::places(&state.db)
        .await?
        .into_iter()
        .find(|p| p.id == item.place_id)
        .map(|p| p.name)
        .unwrap_or_default();
    let page = TaskPage {
        shell: ctx.shell(state),
        kind: kind(ctx.location.locale, &item),
        place,
        step_key: step.label_key(),
        task_key: task.label_key(),
        moves: step.by_hand().map(|s| (s.code().to_string(), s.label_key())).collect(),
        errors,
        minutes: kept.0,
        what: kept.1,
        to: kept.2,
        code: item.code,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /fritidsbanken/uppgifter/{code}`: an item's task.
pub async fn task(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    may_work(&state, &ctx).await?;
    let item = access::item_by_code(&state, &code).await?;
    task_page(&state, &ctx, item, FormErrors::default(), Default::default()).await
}

#[derive(Deserialize, Default)]
pub struct WorkForm {
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    to: String,
}

/// `POST /fritidsbanken/uppgifter/{code}`: the work done (time and what) and the item's next step.
pub async fn record(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Form(form): Form<WorkForm>,
) -> Result<Response, AppError> {
    may_work(&state, &ctx).await?;
    let item = access::item_by_code(&state, &code).await?;
    let task = item.step().task().ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let minutes = form.minutes.trim().parse::<i32>().ok().filter(|m| (1..=720).contains(m));
    if minutes.is_none() {
        errors.add("minutes", "leisure-error-minutes");
    }
    let what = bounded_text(&form.what, MAX_NOTE_CHARS);
    if let Err(problem) = &what {
        problem.add_to(&mut errors, "what", "leisure-error-what", "leisure-error-what-long");
    }
    let to = Step::parse(form.to.trim()).filter(|s| item.step().by_hand().any(|m| m == *s));
    if to.is_none() {
        errors.add("to", "leisure-error-next");
    }
    let (Some(minutes), Ok(what), Some(to), true) = (minutes, what, to, errors.is_empty()) else {
        return task_page(&state, &ctx, item, errors, (form.minutes, form.what, form.to)).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let work = store::record_work(&mut tx, me, item.id, task, minutes, &what).await?;
    crate::audit::store::append(
        &mut tx,
        &access::event(&ctx, Action::LeisureWorkRecorded, "leisure_work", work),
    )
    .await?;
    let event = access::event(&ctx, Action::LeisureItemMoved, "leisure_item", item.id);
    if super::staff::move_on(&mut tx, &state.catalogues, &state.base_url, &item, to, me, event)
        .await?
        .is_none()
    {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("to", "leisure-error-move");
        return task_page(&state, &ctx, item, errors, (form.minutes, form.what, form.to)).await;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=sparat", ctx.href(BOARD))).into_response())
}
