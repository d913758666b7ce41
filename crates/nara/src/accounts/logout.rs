//! Logging out of this browser, out of every browser, and staying signed in longer.

use crate::web::form::Form;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::sessions::{self, removal_cookie};
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::site_path::same_site_path;
use crate::web::state::AppState;

async fn log_out(state: &AppState, ctx: &PageContext, everywhere: bool) -> Result<Response, AppError> {
    let person = ctx.person()?;
    let action = if everywhere { Action::LogOutEverywhere } else { Action::LogOut };
    let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), action, "session")
        .subject(person.person.id)
        .request(ctx.request_id.clone());
    // The ended sessions and the audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    if everywhere {
        sessions::store::end_all_sessions(&mut tx, person.person.id).await?;
    } else if let Some(token) = &ctx.session_token {
        sessions::store::end_session(&mut tx, token).await?;
    }
    audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    let mut response = Redirect::to(&ctx.href("/logga-in?klart=utloggad")).into_response();
    let cookie = HeaderValue::from_str(&removal_cookie(state.https)).map_err(anyhow::Error::from)?;
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

pub async fn this_session(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    log_out(&state, &ctx, false).await
}

pub async fn everywhere(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    log_out(&state, &ctx, true).await
}

#[derive(Deserialize)]
pub struct ExtendForm {
    #[serde(default)]
    tillbaka: String,
}

/// "Stay signed in": the guard has already recorded the activity; go back to the page.
pub async fn extend(ctx: PageContext, Form(form): Form<ExtendForm>) -> Response {
    let back = same_site_path(&form.tillbaka).map_or_else(|| ctx.href("/mina-sidor"), str::to_string);
    Redirect::to(&back).into_response()
}
