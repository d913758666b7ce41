//! `/verifiera-epost/{token}`: confirming an address. The link opens a page with a button, so
//! that a mail scanner that follows links does not use it up.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::TokenPurpose;
use super::register::CheckEmailPage;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::Role;
use crate::web::AppState;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

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
    if state.db.peek_token(TokenPurpose::VerifyEmail, &token).await?.is_none() {
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
    let Some(person_id) = state.db.consume_token(TokenPurpose::VerifyEmail, &token).await? else {
        return expired_link(&state, &ctx);
    };
    state.db.mark_email_verified(person_id).await?;
    let event =
        AuditEvent::new(AuditActor::person(person_id, Role::Resident), Action::EmailVerified, "account")
            .subject(person_id)
            .request(ctx.request_id.clone());
    state.db.append_audit(&event).await?;
    Ok(Redirect::to(&ctx.href("/logga-in?klart=verifierad")).into_response())
}
