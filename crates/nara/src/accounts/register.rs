//! `/skapa-konto`: an account with e-mail and password (association representatives, and
//! residents of small deployments without e-identification). The answer is the same whether or
//! not the address already has an account; the mailbox's owner is told which it was.

use crate::web::form::Form;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::check_email::CheckEmailPage;
use super::{MailKind, TokenPurpose, store};
use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::identity::{self, EmailAddress, NewPassword, NewPerson, PasswordProblem, hash_password};
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;
use crate::{mail, rate_limit};

#[derive(Template)]
#[template(path = "accounts/register.html")]
struct RegisterPage<'a> {
    shell: Shell<'a>,
    errors: FormErrors,
    name: String,
    email: String,
}

pub async fn form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let page = RegisterPage {
        shell: ctx.shell(&state),
        errors: FormErrors::default(),
        name: String::new(),
        email: String::new(),
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// The catalogue key that explains what is wrong with a new password.
pub fn password_problem_key(problem: PasswordProblem) -> &'static str {
    match problem {
        PasswordProblem::TooShort => "password-error-short",
        PasswordProblem::TooLong => "password-error-long",
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    client: ClientAddress,
    Form(form): Form<RegisterForm>,
) -> Result<Response, AppError> {
    let mut errors = FormErrors::default();
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add("name", "register-error-name");
    }
    let email = EmailAddress::parse(&form.email);
    if email.is_none() {
        errors.add("email", "register-error-email");
    }
    let password =
        NewPassword::parse(&form.password).map_err(|p| errors.add("password", password_problem_key(p)));
    let (Some(email), Ok(password), true) = (email, password, errors.is_empty()) else {
        let page = RegisterPage { shell: ctx.shell(&state), errors, name: form.name, email: form.email };
        return Ok((INVALID, render(&page)?).into_response());
    };
    if !rate_limit::mail_allowed(&state.db, state.secrets.key(), &client.0, email.as_str()).await? {
        return Err(AppError::TooManyAttempts);
    }

    let new = NewPerson {
        display_name: name,
        email: Some(email.clone()),
        email_verified: false,
        personnummer: None,
        password_hash: Some(hash_password(password).await?),
    };
    let locale = ctx.location.locale;
    // The account, its audit entry, its link and the e-mail commit together.
    let mut tx = state.db.begin_write().await?;
    let mail = match identity::store::create_person(&mut tx, &new).await? {
        Some(id) => {
            let event = AuditEvent::new(AuditActor::anonymous(), Action::AccountCreated, "account")
                .object(id)
                .subject(id)
                .request(ctx.request_id.clone());
            audit::store::append(&mut tx, &event).await?;
            let token = store::create_token(&mut tx, TokenPurpose::VerifyEmail, id).await?;
            let link = state.absolute(&ctx.href(&format!("/verifiera-epost/{token}")));
            MailKind::Verify.compose(&state.catalogues, locale, email.as_str(), &link)
        }
        None => {
            let link = state.absolute(&ctx.href("/logga-in"));
            MailKind::AlreadyRegistered.compose(&state.catalogues, locale, email.as_str(), &link)
        }
    };
    mail::store::enqueue(&mut tx, &mail).await?;
    tx.commit().await?;
    let page = CheckEmailPage {
        shell: ctx.shell(&state),
        heading_key: "register-sent-heading",
        body_key: "register-sent-body",
    };
    Ok(render(&page)?.into_response())
}
