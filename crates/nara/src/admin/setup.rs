//! The municipality's set-up at `/admin/enheter`, `/admin/omraden` and `/admin/malgrupper`: a list
//! with a form to add an item, and a page per item to change it, see what uses it and its history,
//! and remove it when nothing does. Every change goes through `setup::store::change`, as `nara setup`'s
//! do, so both are audited and kept in the same history.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::web::form::{Form, Query};
use serde::Deserialize;

use crate::audit::AuditActor;
use crate::setup::history::{self, FieldChange};
use crate::setup::store;
use crate::setup::{Changes, Field, Input, Item, Kind, Refusal, Shown, UnitKind};
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A form field as the templates draw it.
pub struct FieldView {
    pub name: &'static str,
    pub label_key: String,
    /// Empty when the field has no hint.
    pub hint_key: &'static str,
    /// `text`, `email`, `tel`, `number`, `checkbox`, `select` or `textarea`.
    pub control: &'static str,
    pub value: String,
    /// The language the value is written in, if it is text in one.
    pub lang: Option<&'static str>,
    pub options: Vec<OptionView>,
}

pub struct OptionView {
    pub value: &'static str,
    pub key: String,
    pub selected: bool,
}

fn hint_key(field: Field) -> &'static str {
    match field.input {
        Input::Slug => "setup-hint-slug",
        Input::Position => "setup-hint-position",
        Input::Flag => "setup-hint-home-page",
        Input::UnitKind => "setup-hint-unit-kind",
        Input::Summary | Input::Phone | Input::Email => "setup-hint-optional",
        Input::Name => "",
    }
}

/// The fields of `kind` as a form shows them, filled from `value`; the address only when adding.
fn field_views(kind: Kind, adding: bool, value: &dyn Fn(&str) -> String) -> Vec<FieldView> {
    kind.fields()
        .iter()
        .filter(|field| adding || field.input != Input::Slug)
        .map(|field| FieldView {
            name: field.name,
            label_key: field.label_key(),
            hint_key: hint_key(*field),
            control: match field.input {
                Input::Email => "email",
                Input::Phone => "tel",
                Input::Position => "number",
                Input::Flag => "checkbox",
                Input::UnitKind => "select",
                Input::Summary => "textarea",
                Input::Slug | Input::Name => "text",
            },
            value: value(field.name),
            lang: field.lang(),
            options: match field.input {
                Input::UnitKind => UnitKind::ALL
                    .iter()
                    .map(|k| OptionView {
                        value: k.code(),
                        key: k.key(),
                        selected: value(field.name) == k.code(),
                    })
                    .collect(),
                _ => Vec::new(),
            },
        })
        .collect()
}

/// The value a posted form gave a field (`""` when none).
fn posted<'a>(pairs: &'a [(String, String)]) -> impl Fn(&str) -> String + 'a {
    move |name| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
}

fn shown(shell: &Shell, shown: &Shown) -> String {
    match shown {
        Shown::Text(text) => text.clone(),
        Shown::Key(key) => shell.t(key),
    }
}

/// The kind an address names, or "not found".
fn kind_of(register: &str) -> Result<Kind, AppError> {
    Kind::from_path(register).ok_or(AppError::NotFound)
}

fn list_href(ctx: &PageContext, kind: Kind) -> String {
    ctx.href(&format!("/admin/{}", kind.path()))
}

fn item_href(ctx: &PageContext, kind: Kind, slug: &str) -> String {
    ctx.href(&format!("/admin/{}/{slug}", kind.path()))
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "ny" => Some("setup-notice-created"),
        "sparad" => Some("setup-notice-saved"),
        "oforandrad" => Some("setup-notice-unchanged"),
        "borttagen" => Some("setup-notice-removed"),
        _ => None,
    }
}

/// A row of the list: the item's page and its cells.
pub struct RowView {
    pub href: String,
    pub cells: Vec<Cell>,
}

/// A value as a page shows it, with the language it is written in.
pub struct Cell {
    pub text: String,
    pub lang: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "admin/setup_list.html")]
struct ListPage<'a> {
    shell: Shell<'a>,
    kind_key: String,
    lead_key: String,
    add_key: String,
    action: String,
    columns: Vec<String>,
    rows: Vec<RowView>,
    fields: Vec<FieldView>,
    errors: FormErrors,
    notice: Option<&'static str>,
}

/// The columns of a list: every field but the address and the summaries.
fn columns(kind: Kind) -> Vec<Field> {
    kind.fields().iter().copied().filter(|f| !matches!(f.input, Input::Slug | Input::Summary)).collect()
}

async fn list_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    kind: Kind,
    errors: FormErrors,
    value: &(dyn Fn(&str) -> String + Sync),
    notice: Option<&'static str>,
) -> Result<ListPage<'a>, AppError> {
    let shell = ctx.shell(state);
    let items = store::items(&state.db, kind).await?;
    let rows = items
        .iter()
        .map(|item| RowView {
            href: item_href(ctx, kind, item.slug()),
            cells: columns(kind)
                .into_iter()
                .map(|field| Cell { text: shown(&shell, &item.shown(field)), lang: field.lang() })
                .collect(),
        })
        .collect();
    Ok(ListPage {
        kind_key: kind.key(),
        lead_key: format!("setup-lead-{}", kind.path()),
        add_key: format!("setup-add-{}", kind.path()),
        action: list_href(ctx, kind),
        columns: columns(kind).iter().map(|f| shell.t(&f.label_key())).collect(),
        rows,
        fields: field_views(kind, true, value),
        errors,
        notice,
        shell,
    })
}

/// What a new item's form starts with: the next place in the list, and on the home page.
fn new_item_defaults(count: usize) -> impl Fn(&str) -> String {
    move |name| match name {
        "position" => (count + 1).to_string(),
        "home_page" => "true".into(),
        "kind" => UnitKind::CaseHandling.code().into(),
        _ => String::new(),
    }
}

/// `GET /admin/{register}`: the list and the form to add one.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(register): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let kind = kind_of(&register)?;
    let count = store::items(&state.db, kind).await?.len();
    let notice = notice_key(query.klart.as_deref());
    let page =
        list_page(&state, &ctx, kind, FormErrors::default(), &new_item_defaults(count), notice).await?;
    Ok(render(&page)?.into_response())
}

/// Applies a change for the signed-in administrator.
async fn change(
    state: &AppState,
    ctx: &PageContext,
    changes: &Changes,
) -> Result<Result<bool, Refusal>, AppError> {
    let actor = AuditActor::of(&ctx.current.actor);
    let outcome = store::change(&state.db, changes, &actor, ctx.request_id.clone()).await?;
    Ok(outcome.map(|steps| !steps.is_empty()))
}

/// `POST /admin/{register}`: adds an item; an address already taken is refused.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(register): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = kind_of(&register)?;
    let get = |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let errors = match Item::parse(kind, &get) {
        Err(errors) => errors,
        Ok(item) => {
            let slug = item.slug().to_string();
            let changes = Changes { items: vec![item], new_only: true, ..Changes::default() };
            if change(&state, &ctx, &changes).await?.is_ok() {
                return Ok(
                    Redirect::to(&format!("{}?klart=ny", item_href(&ctx, kind, &slug))).into_response()
                );
            }
            let mut errors = FormErrors::default();
            errors.add("slug", "setup-error-taken");
            errors
        }
    };
    let page = list_page(&state, &ctx, kind, errors, &posted(&pairs), None).await?;
    Ok((INVALID, render(&page)?).into_response())
}

/// A line of the history as the page shows it.
pub struct HistoryView {
    pub when: String,
    pub who: String,
    pub what: String,
    pub changes: Vec<ChangeView>,
}

pub struct ChangeView {
    pub label: String,
    pub lang: Option<&'static str>,
    pub before: Option<String>,
    pub after: String,
}

#[derive(Template)]
#[template(path = "admin/setup_item.html")]
struct ItemPage<'a> {
    shell: Shell<'a>,
    kind_key: String,
    list_href: String,
    name: String,
    slug: String,
    action: String,
    remove_action: String,
    fields: Vec<FieldView>,
    uses: Vec<String>,
    history: Vec<HistoryView>,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// What to do instead of removing an item in use.
    instead_key: &'static str,
}

async fn item_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    item: &Item,
    errors: FormErrors,
    value: &(dyn Fn(&str) -> String + Sync),
    notice: Option<&'static str>,
) -> Result<ItemPage<'a>, AppError> {
    let shell = ctx.shell(state);
    let kind = item.kind();
    let slug = item.slug();
    let uses = store::uses(&state.db, kind, slug)
        .await?
        .iter()
        .map(|u| state.catalogues.text_with(ctx.location.locale, u.key, &[("count", u.count.into())]))
        .collect();
    let rows = store::history(&state.db, kind.code(), slug).await?;
    let history = history::lines(kind, &rows)
        .into_iter()
        .map(|line| HistoryView {
            when: crate::i18n::format_stockholm(line.at),
            who: line.by.unwrap_or_else(|| shell.t("setup-history-by-system")),
            what: shell.t(line.what_key),
            changes: line.fields.iter().map(|change| change_view(&shell, change)).collect(),
        })
        .collect();
    Ok(ItemPage {
        kind_key: kind.key(),
        list_href: list_href(ctx, kind),
        name: item.name(ctx.location.locale).to_string(),
        slug: slug.to_string(),
        action: item_href(ctx, kind, slug),
        remove_action: format!("{}/ta-bort", item_href(ctx, kind, slug)),
        fields: field_views(kind, false, value),
        uses,
        history,
        errors,
        notice,
        instead_key: match kind {
            Kind::Area => "setup-remove-instead-area",
            Kind::Unit | Kind::Group => "setup-remove-instead",
        },
        shell,
    })
}

fn change_view(shell: &Shell, change: &FieldChange) -> ChangeView {
    ChangeView {
        label: shell.t(&change.label_key),
        lang: change.lang,
        before: change.before.as_ref().map(|b| shown(shell, b)),
        after: shown(shell, &change.after),
    }
}

async fn stored(state: &AppState, kind: Kind, slug: &str) -> Result<Item, AppError> {
    store::item(&state.db, kind, slug).await?.ok_or(AppError::NotFound)
}

/// `GET /admin/{register}/{slug}`: the item's form, what uses it, its history.
pub async fn item(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((register, slug)): Path<(String, String)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let item = stored(&state, kind_of(&register)?, &slug).await?;
    let value = |name: &str| item.value(name);
    let notice = notice_key(query.klart.as_deref());
    let page = item_page(&state, &ctx, &item, FormErrors::default(), &value, notice).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /admin/{register}/{slug}`: saves the item's fields (its address stays).
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((register, slug)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = kind_of(&register)?;
    let before = stored(&state, kind, &slug).await?;
    let get = |name: &str| {
        if name == "slug" {
            return Some(slug.clone());
        }
        pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let item = match Item::parse(kind, &get) {
        Ok(item) => item,
        Err(errors) => {
            let page = item_page(&state, &ctx, &before, errors, &posted(&pairs), None).await?;
            return Ok((INVALID, render(&page)?).into_response());
        }
    };
    let changes = Changes { items: vec![item], ..Changes::default() };
    // An update never refuses: only removals and additions can.
    let changed = change(&state, &ctx, &changes).await?.unwrap_or(false);
    let word = if changed { "sparad" } else { "oforandrad" };
    Ok(Redirect::to(&format!("{}?klart={word}", item_href(&ctx, kind, &slug))).into_response())
}

/// `POST /admin/{register}/{slug}/ta-bort`: removes the item unless something uses it.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((register, slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&register)?;
    let item = stored(&state, kind, &slug).await?;
    let changes = Changes { removals: vec![(kind, slug.clone())], ..Changes::default() };
    if change(&state, &ctx, &changes).await?.is_err() {
        let mut errors = FormErrors::default();
        errors.add("uses", "setup-error-in-use");
        let value = |name: &str| item.value(name);
        let page = item_page(&state, &ctx, &item, errors, &value, None).await?;
        return Ok((StatusCode::CONFLICT, render(&page)?).into_response());
    }
    Ok(Redirect::to(&format!("{}?klart=borttagen", list_href(&ctx, kind))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_show_every_field_and_the_address_only_when_adding() {
        for kind in Kind::ALL {
            let adding = field_views(kind, true, &|_| String::new());
            let editing = field_views(kind, false, &|_| String::new());
            assert_eq!(adding.len(), kind.fields().len());
            assert_eq!(editing.len() + 1, adding.len());
            assert!(editing.iter().all(|f| f.name != "slug"));
        }
        let unit = field_views(Kind::Unit, true, &new_item_defaults(0));
        let select = unit.iter().find(|f| f.control == "select").unwrap();
        assert_eq!(select.options.iter().filter(|o| o.selected).count(), 1, "one kind is chosen");
        let area = field_views(Kind::Area, true, &new_item_defaults(4));
        assert_eq!(area.iter().find(|f| f.name == "position").unwrap().value, "5");
        assert_eq!(area.iter().find(|f| f.name == "name_en").unwrap().lang, Some("en"));
    }
}
