//! A person's own calendar feed: the meetings they registered for, at a secret address their
//! calendar app can subscribe to without signing in. Only a hash of the secret is stored, so the
//! address is shown once when it is made; making a new one or turning it off revokes the old.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

use super::ics::{self, FeedItem};
use super::store;
use crate::i18n::format_stockholm;
use crate::sessions::{new_token, token_hash};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "events/my_calendar.html")]
struct MyCalendarPage<'a> {
    shell: Shell<'a>,
    /// Since when the current feed exists.
    active_since: Option<String>,
    /// The new address, shown only right after it was made.
    new_address: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &PageContext,
    new_address: Option<String>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let active_since = store::active_calendar_feed(&state.db, me).await?.map(format_stockholm);
    Ok(render(&MyCalendarPage { shell: ctx.shell(state), active_since, new_address })?.into_response())
}

/// `GET /mina-sidor/kalender`.
pub async fn show(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    page(&state, &ctx, None).await
}

/// `POST /mina-sidor/kalender`: makes a new secret address (the old one stops working).
pub async fn create(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let token = new_token();
    store::create_calendar_feed(&state.db, me, &token_hash(&token)).await?;
    let address = state.absolute(&format!("/kalender/min/{token}/kalender.ics"));
    page(&state, &ctx, Some(address)).await
}

/// `POST /mina-sidor/kalender/stang-av`.
pub async fn revoke(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    store::revoke_calendar_feeds(&state.db, ctx.person()?.person.id).await?;
    Ok(Redirect::to(&ctx.href("/mina-sidor/kalender")).into_response())
}

/// `GET /kalender/min/{token}/kalender.ics`: the person's registrations, for their calendar app.
pub async fn feed(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let person =
        store::calendar_feed_owner(&state.db, &token_hash(&token)).await?.ok_or(AppError::NotFound)?;
    let occurrences = store::occurrences_registered_by(&state.db, person).await?;
    let mut series = HashMap::new();
    for o in &occurrences {
        if !series.contains_key(&o.series_id)
            && let Some(s) = store::series(&state.db, o.series_id).await?
        {
            series.insert(o.series_id, s);
        }
    }
    let items: Vec<FeedItem<'_>> = occurrences
        .iter()
        .filter_map(|o| {
            let s = series.get(&o.series_id)?;
            Some(FeedItem {
                series: s,
                occurrence: o,
                url: state.absolute(&ctx.href(&format!("/kalender/{}/{}", s.slug, o.position))),
            })
        })
        .collect();
    let name = state.catalogues.plain_with(ctx.location.locale, "my-calendar-feed-name", &[]);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            // Personal: never kept by a shared cache.
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        ics::calendar(&name, &items, ctx.location.locale),
    )
        .into_response())
}
