//! `/fritidsbanken`: the lending places with their opening hours (from the directory), every kind
//! of item with how many are available now at each place, and reserving one (signed in).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::store::{self, Reserved};
use crate::audit::Action;
use crate::i18n::Locale;
use crate::web::errors::{AppError, render};
use crate::web::form::Form;
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A lending place as the public page shows it.
pub struct PlaceView {
    pub id: Uuid,
    pub name: String,
    pub href: String,
    pub address: String,
    pub open_now: String,
}

/// A kind of item with its count at each place (in the order of `places`).
pub struct KindView {
    pub id: Uuid,
    pub name: String,
    pub size: String,
    pub counts: Vec<i64>,
    pub total: i64,
    pub photo: Option<super::photos::PhotoView>,
}

pub struct CategoryView {
    pub label_key: String,
    pub kinds: Vec<KindView>,
}

#[derive(Template)]
#[template(path = "leisure/items.html")]
struct ItemsPage<'a> {
    shell: Shell<'a>,
    places: Vec<PlaceView>,
    categories: Vec<CategoryView>,
    signed_in: bool,
}

/// The lending places as shown on the public page and the resident's loans.
pub async fn place_views(
    state: &AppState,
    shell: &Shell<'_>,
    ctx: &PageContext,
) -> Result<Vec<PlaceView>, AppError> {
    let now = Utc::now();
    Ok(store::places(&state.db)
        .await?
        .into_iter()
        .map(|e| PlaceView {
            id: e.id,
            href: ctx.href(&format!("/stod/{}", e.slug)),
            address: [e.street_address.clone(), e.city.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            open_now: crate::directory::open_now::status_text(shell, e.status_at(now), now),
            name: e.name,
        })
        .collect())
}

fn kind_name(locale: Locale, sv: &str, en: &str) -> String {
    if locale == Locale::EN { en.to_string() } else { sv.to_string() }
}

/// `GET /fritidsbanken`.
pub async fn items(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let shell = ctx.shell(&state);
    let places = place_views(&state, &shell, &ctx).await?;
    let locale = ctx.location.locale;
    let mut photos: std::collections::HashMap<Uuid, store::PhotoRow> =
        store::photos(&state.db).await?.into_iter().map(|p| (p.type_id, p)).collect();
    let mut by_category: BTreeMap<String, BTreeMap<Uuid, KindView>> = BTreeMap::new();
    for row in store::availability(&state.db).await? {
        let Some(column) = places.iter().position(|p| p.id == row.place_id) else { continue };
        let kind =
            by_category.entry(row.category.clone()).or_default().entry(row.type_id).or_insert_with(|| {
                KindView {
                    id: row.type_id,
                    name: kind_name(locale, &row.name_sv, &row.name_en),
                    size: row.size.clone(),
                    counts: vec![0; places.len()],
                    total: 0,
                    photo: photos.remove(&row.type_id).map(Into::into),
                }
            });
        kind.counts[column] += row.available;
        kind.total += row.available;
    }
    let categories = super::CATEGORIES
        .iter()
        .filter_map(|category| {
            let kinds = by_category.remove(*category)?;
            let mut kinds: Vec<KindView> = kinds.into_values().collect();
            kinds.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.size.cmp(&b.size)));
            Some(CategoryView { label_key: super::category_key(category), kinds })
        })
        .collect();
    let signed_in = ctx.current.actor.signed_in().is_some();
    Ok(render(&ItemsPage { shell, places, categories, signed_in })?.into_response())
}

#[derive(Deserialize, Default)]
pub struct ReserveForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    place: String,
}

/// `POST /fritidsbanken/reservera`: a signed-in resident reserves an item of a kind at a place,
/// or joins the kind's waitlist when none is free there.
pub async fn reserve(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<ReserveForm>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    // Both come from the page's own form: anything else is a tampered request.
    let kind = Uuid::parse_str(form.kind.trim()).map_err(|_| AppError::BadRequest)?;
    let place = Uuid::parse_str(form.place.trim()).map_err(|_| AppError::BadRequest)?;
    if store::item_type(&state.db, kind).await?.is_none() || !store::is_place(&state.db, place).await? {
        return Err(AppError::BadRequest);
    }
    let mut tx = state.db.begin_write().await?;
    let reserved = store::reserve(&mut tx, kind, place, me).await?;
    let (event, notice) = match reserved {
        Reserved::AtLimit => {
            drop(tx);
            let problem = super::resident::Problem::at_limit(&ctx.shell(&state));
            return super::resident::page(&state, &ctx, None, Some(problem)).await;
        }
        Reserved::Item(loan) => {
            (access::event(&ctx, Action::LeisureReserved, "leisure_loan", loan), "reserverad")
        }
        Reserved::Waiting(_) => {
            (access::event(&ctx, Action::LeisureWaitlisted, "leisure_item_type", kind), "kolista")
        }
    };
    crate::audit::store::append(&mut tx, &event.subject(me)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart={notice}", ctx.href(super::resident::MY_LOANS))).into_response())
}
