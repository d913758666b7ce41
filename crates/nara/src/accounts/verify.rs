//! `/verifiera-epost/{token}`: confirming an address. The link opens a page with a button, so
//! that a mail scanner that follows links does not use it up.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::check_email::CheckEmailPage;
use super::{TokenPurpose, store};
use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::identity::{self, Role};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "accounts/confirm.html")]
struct ConfirmPage<'a> {
    shell: Shell<'a>,
    action: String,
}

/// The page for a link that is unknown, used or expired.
pub fn expired_link(state: &AppState, ctx: &PageContext) -> Result<Response, AppError> {
    let page = CheckEmailPage {
        shell: ctx.shell(state),
        heading_key: "link-expired-heading",
        body_key: "link-expired-body",
    };
    Ok((StatusCode::GONE, render(&page)?).into_response())
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if store::peek_token(&state.db, TokenPurpose::VerifyEmail, &token).await?.is_none() {
        return expired_link(&state, &ctx);
    }
    let page =
        ConfirmPage { shell: ctx.shell(&state), action: ctx.href(&format!("/verifiera-epost/{token}")) };
    Ok(render(&page)?.into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    // The used link, the proven address and the audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    let Some(person_id) = store::consume_token(&mut tx, TokenPurpose::VerifyEmail, &token).await? else {
        return expired_link(&state, &ctx);
    };
    identity::store::mark_email_verified(&mut tx, person_id).await?;
    let event =
        AuditEvent::new(AuditActor::person(person_id, Role::Resident), Action::EmailVerified, "account")
            .subject(person_id)
            .request(ctx.request_id.clone());
    audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/logga-in?klart=verifierad")).into_response())
}
