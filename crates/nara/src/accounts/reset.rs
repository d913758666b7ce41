//! `/glomt-losenord` and `/nytt-losenord/{token}`: a new password through a single-use link.
//! Choosing it ends every session of the account, wherever it was.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::check_email::CheckEmailPage;
use super::register::password_problem_key;
use super::verify::expired_link;
use super::{MailKind, TokenPurpose, store};
use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::db::Tx;
use crate::identity::{self, EmailAddress, NewPassword, Role, hash_password};
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;
use crate::{mail, rate_limit, sessions};

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotPage<'a> {
    shell: Shell<'a>,
    errors: FormErrors,
    email: String,
}

pub async fn request_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let page = ForgotPage { shell: ctx.shell(&state), errors: FormErrors::default(), email: String::new() };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn request_submit(
    State(state): State<AppState>,
    ctx: PageContext,
    client: ClientAddress,
    Form(form): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let Some(email) = EmailAddress::parse(&form.email) else {
        let mut errors = FormErrors::default();
        errors.add("email", "register-error-email");
        let page = ForgotPage { shell: ctx.shell(&state), errors, email: form.email };
        return Ok((INVALID, render(&page)?).into_response());
    };
    if !rate_limit::mail_allowed(&state.db, state.secrets.key(), &client.0, email.as_str()).await? {
        return Err(AppError::TooManyAttempts);
    }
    if let Some((person, _)) =
        identity::store::person_by_email(&state.db, &email).await?.filter(|(p, _)| p.active)
    {
        // The link, its e-mail and the audit entry commit together.
        let mut tx = state.db.begin_write().await?;
        let token = store::create_token(&mut tx, TokenPurpose::ResetPassword, person.id).await?;
        let link = state.absolute(&ctx.href(&format!("/nytt-losenord/{token}")));
        let mail = MailKind::Reset.compose(&state.catalogues, ctx.location.locale, email.as_str(), &link);
        mail::store::enqueue(&mut tx, &mail).await?;
        let event = AuditEvent::new(AuditActor::anonymous(), Action::PasswordResetRequested, "account")
            .object(person.id)
            .subject(person.id)
            .request(ctx.request_id.clone());
        audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
    }
    let page = CheckEmailPage {
        shell: ctx.shell(&state),
        heading_key: "reset-sent-heading",
        body_key: "reset-sent-body",
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "accounts/choose_password.html")]
struct ChoosePasswordPage<'a> {
    shell: Shell<'a>,
    errors: FormErrors,
    heading_key: &'static str,
    action: String,
}

/// The "choose a password" page of a link, shared by password reset and invitations.
pub async fn choose_password_form(
    state: &AppState,
    ctx: &PageContext,
    purpose: TokenPurpose,
    token: &str,
) -> Result<Response, AppError> {
    if store::peek_token(&state.db, purpose, token).await?.is_none() {
        return expired_link(state, ctx);
    }
    let page = ChoosePasswordPage {
        shell: ctx.shell(state),
        errors: FormErrors::default(),
        heading_key: heading_key(purpose),
        action: ctx.href(&action_path(purpose, token)),
    };
    Ok(render(&page)?.into_response())
}

fn heading_key(purpose: TokenPurpose) -> &'static str {
    if purpose == TokenPurpose::Invitation { "invitation-heading" } else { "reset-choose-heading" }
}

fn action_path(purpose: TokenPurpose, token: &str) -> String {
    if purpose == TokenPurpose::Invitation {
        format!("/inbjudan/{token}")
    } else {
        format!("/nytt-losenord/{token}")
    }
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    password: String,
}

/// Sets the password of the link's person, proves their address, and ends their sessions.
pub async fn choose_password_submit(
    state: &AppState,
    ctx: &PageContext,
    purpose: TokenPurpose,
    token: &str,
    form: ChooseForm,
) -> Result<Response, AppError> {
    let password = match NewPassword::parse(&form.password) {
        Ok(password) => password,
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add("password", password_problem_key(problem));
            let page = ChoosePasswordPage {
                shell: ctx.shell(state),
                errors,
                heading_key: heading_key(purpose),
                action: ctx.href(&action_path(purpose, token)),
            };
            return Ok((INVALID, render(&page)?).into_response());
        }
    };
    // Only a live link is worth the cost of hashing (a flood of dead links costs nothing).
    if store::peek_token(&state.db, purpose, token).await?.is_none() {
        return expired_link(state, ctx);
    }
    let hash = hash_password(password).await?;
    // The used link, the new password, the ended sessions, an invitation's role and their audit
    // entries commit together.
    let mut tx = state.db.begin_write().await?;
    let used = match purpose {
        TokenPurpose::Invitation => store::consume_invitation(&mut tx, token).await?,
        _ => store::consume_token(&mut tx, purpose, token).await?.map(|id| (id, None)),
    };
    let Some((person_id, grant)) = used else {
        return expired_link(state, ctx);
    };
    set_password(&mut tx, ctx, person_id, &hash).await?;
    if let Some(grant) = grant {
        identity::store::grant_role(&mut tx, person_id, grant).await?;
        let detail = format!("{} (inbjudan)", grant.role.as_str());
        let event = AuditEvent::new(AuditActor::system(), Action::RoleGranted, "account")
            .object(person_id)
            .subject(person_id)
            .purpose(detail)
            .request(ctx.request_id.clone());
        audit::store::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/logga-in?klart=losenord")).into_response())
}

async fn set_password(
    tx: &mut Tx,
    ctx: &PageContext,
    person_id: Uuid,
    hash: &crate::identity::PasswordHash,
) -> Result<(), AppError> {
    identity::store::set_password(tx, person_id, hash).await?;
    identity::store::mark_email_verified(tx, person_id).await?;
    sessions::store::end_all_sessions(tx, person_id).await?;
    store::expire_tokens(tx, person_id).await?;
    let event =
        AuditEvent::new(AuditActor::person(person_id, Role::Resident), Action::PasswordChanged, "account")
            .subject(person_id)
            .request(ctx.request_id.clone());
    audit::store::append(tx, &event).await?;
    Ok(())
}

pub async fn choose_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    choose_password_form(&state, &ctx, TokenPurpose::ResetPassword, &token).await
}

pub async fn choose_submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Form(form): Form<ChooseForm>,
) -> Result<Response, AppError> {
    choose_password_submit(&state, &ctx, TokenPurpose::ResetPassword, &token, form).await
}
