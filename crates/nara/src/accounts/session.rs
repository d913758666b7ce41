//! Starting a session after a successful log-in, whichever way the person proved who they are
//! (password in `login`, e-identification in `oidc`).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::{Person, Role};
use crate::sessions::session_cookie;
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// Ends any session the browser had, starts a new one (a new token: no session fixation),
/// records the log-in and sends the person on.
pub async fn start(
    state: &AppState,
    ctx: &PageContext,
    person: &Person,
    to: &str,
) -> Result<Response, AppError> {
    let role = crate::identity::store::grants(&state.db, person.id)
        .await?
        .iter()
        .map(|g| g.role)
        .max()
        .unwrap_or(Role::Resident);
    let event = AuditEvent::new(AuditActor::person(person.id, role), Action::LogIn, "session")
        .subject(person.id)
        .request(ctx.request_id.clone());
    // The old session's end, the new session and the log-in's audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    if let Some(old) = &ctx.session_token {
        crate::sessions::store::end_session(&mut tx, old).await?;
    }
    let token = crate::sessions::store::open_session(&mut tx, person.id).await?;
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    let mut response = Redirect::to(to).into_response();
    let cookie = HeaderValue::from_str(&session_cookie(&token, state.https)).map_err(anyhow::Error::from)?;
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}
