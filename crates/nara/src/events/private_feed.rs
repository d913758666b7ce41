//! A person's own calendar feed: the meetings they registered for, at a secret address their
//! calendar app can subscribe to without signing in. Only a hash of the secret is stored, so the
//! address is shown once when it is made; making a new one or turning it off revokes the old.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::ics::{self, FeedItem};
use crate::db::{Db, UtcTime};
use crate::i18n::format_stockholm;
use crate::on_pool;
use crate::sessions::{new_token, token_hash};
use crate::web::AppState;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

impl Db {
    /// Makes a new feed secret for a person, revoking any earlier one.
    pub async fn create_calendar_feed(&self, person_id: Uuid, token_hash: &str) -> anyhow::Result<()> {
        let now = UtcTime::now();
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE calendar_feeds SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL")
                .bind(now)
                .bind(person_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO calendar_feeds (token_hash, person_id, created_at) VALUES ($1, $2, $3)")
                .bind(token_hash)
                .bind(person_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn revoke_calendar_feeds(&self, person_id: Uuid) -> anyhow::Result<()> {
        let sql = "UPDATE calendar_feeds SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL";
        on_pool!(self, pool => sqlx::query(sql).bind(UtcTime::now()).bind(person_id).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// When the person's current feed was made, if they have one.
    pub async fn active_calendar_feed(&self, person_id: Uuid) -> anyhow::Result<Option<UtcTime>> {
        let sql = "SELECT created_at FROM calendar_feeds WHERE person_id = $1 AND revoked_at IS NULL \
                   ORDER BY created_at DESC LIMIT 1";
        let row = on_pool!(self, pool => sqlx::query_scalar(sql).bind(person_id).fetch_optional(pool).await)?;
        Ok(row)
    }

    /// The person a live feed secret belongs to.
    pub async fn calendar_feed_owner(&self, token_hash: &str) -> anyhow::Result<Option<Uuid>> {
        // A deactivated account's feeds stop with it.
        let sql = "SELECT f.person_id FROM calendar_feeds f JOIN people p ON p.id = f.person_id \
                   WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND p.active";
        let row =
            on_pool!(self, pool => sqlx::query_scalar(sql).bind(token_hash).fetch_optional(pool).await)?;
        Ok(row)
    }
}

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
    let active_since = state.db.active_calendar_feed(me).await?.map(format_stockholm);
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
    state.db.create_calendar_feed(me, &token_hash(&token)).await?;
    let address = state.absolute(&format!("/kalender/min/{token}/kalender.ics"));
    page(&state, &ctx, Some(address)).await
}

/// `POST /mina-sidor/kalender/stang-av`.
pub async fn revoke(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    state.db.revoke_calendar_feeds(ctx.person()?.person.id).await?;
    Ok(Redirect::to(&ctx.href("/mina-sidor/kalender")).into_response())
}

/// `GET /kalender/min/{token}/kalender.ics`: the person's registrations, for their calendar app.
pub async fn feed(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let person = state.db.calendar_feed_owner(&token_hash(&token)).await?.ok_or(AppError::NotFound)?;
    let occurrences = state.db.occurrences_registered_by(person).await?;
    let mut series = HashMap::new();
    for o in &occurrences {
        if !series.contains_key(&o.series_id)
            && let Some(s) = state.db.series(o.series_id).await?
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
