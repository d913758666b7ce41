//! `/logga-in`: e-identification, or e-mail and password.

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{MailKind, TokenPurpose};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::{EmailAddress, verify_password};
use crate::rate_limit::{self, LOGIN_PER_ACCOUNT, LOGIN_PER_ACCOUNT_WIDE, LOGIN_PER_ADDRESS};
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage<'a> {
    shell: Shell<'a>,
    errors: FormErrors,
    email: String,
    return_to: String,
    notice: Option<&'static str>,
    oidc_providers: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    tillbaka: Option<String>,
    klart: Option<String>,
}

/// Notices shown after a redirect, by the short word in `?klart=`.
fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "utloggad" => Some("notice-logged-out"),
        "verifierad" => Some("notice-email-verified"),
        "losenord" => Some("notice-password-changed"),
        _ => None,
    }
}

/// Where to go after logging in: a path on this site, or (empty) the person's start page.
fn return_path(asked: Option<&str>) -> String {
    super::session::asked_page(asked).unwrap_or_default().to_string()
}

fn page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    errors: FormErrors,
    email: String,
    return_to: String,
) -> LoginPage<'a> {
    LoginPage {
        shell: ctx.shell(state),
        errors,
        email,
        return_to,
        notice: None,
        oidc_providers: state
            .oidc
            .providers()
            .map(|p| (ctx.href(&format!("/logga-in/e-legitimation/{}", p.id)), p.label(ctx.location.locale)))
            .collect(),
    }
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<LoginQuery>,
) -> Result<Response, AppError> {
    let return_to = return_path(query.tillbaka.as_deref());
    let mut login = page(&state, &ctx, FormErrors::default(), String::new(), return_to);
    login.notice = notice_key(query.klart.as_deref());
    Ok(render(&login)?.into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    tillbaka: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    client: ClientAddress,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let return_to = return_path(Some(&form.tillbaka));
    let mut errors = FormErrors::default();
    let email = EmailAddress::parse(&form.email);
    if email.is_none() {
        errors.add("email", "login-error-email");
    }
    if form.password.is_empty() {
        errors.add("password", "login-error-password");
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        let again = page(&state, &ctx, errors, form.email, return_to);
        return Ok((INVALID, render(&again)?).into_response());
    };

    let key = state.secrets.key();
    // Per account *and* address: a stranger cannot lock someone out by failing on their behalf.
    let address_bucket = rate_limit::bucket("login:address", &client.0, key);
    let account_bucket =
        rate_limit::bucket("login:account", &format!("{}|{}", email.as_str(), client.0), key);
    let wide_bucket = rate_limit::bucket("login:account-wide", email.as_str(), key);
    if !rate_limit::store::hit(&state.db, &address_bucket, LOGIN_PER_ADDRESS).await?
        || !rate_limit::store::hit(&state.db, &account_bucket, LOGIN_PER_ACCOUNT).await?
        || !rate_limit::store::hit(&state.db, &wide_bucket, LOGIN_PER_ACCOUNT_WIDE).await?
    {
        record_failure(&state, &ctx, None, "too many attempts").await?;
        let mut errors = FormErrors::default();
        errors.add("email", "login-error-too-many");
        let again = page(&state, &ctx, errors, form.email, return_to);
        return Ok((StatusCode::TOO_MANY_REQUESTS, render(&again)?).into_response());
    }

    let (person, hash) = crate::identity::store::person_by_email(&state.db, &email)
        .await?
        .map_or((None, None), |(p, h)| (Some(p), h));
    let subject = person.as_ref().map(|p| p.id);
    let password_ok = verify_password(form.password, hash).await;
    let verified = person.filter(|p| password_ok && p.active);
    let Some(person) = verified.clone().filter(|p| p.email_verified) else {
        if let Some(unconfirmed) = verified {
            // The right password on an address not yet confirmed: send the link again, but answer
            // exactly as for a wrong password, or registering and logging in would reveal whether
            // the address already had an account.
            // The link and its e-mail commit together.
            let mut tx = state.db.begin().await?;
            let token =
                super::store::create_token(&mut tx, TokenPurpose::VerifyEmail, unconfirmed.id).await?;
            let link = state.absolute(&ctx.href(&format!("/verifiera-epost/{token}")));
            let mail =
                MailKind::Verify.compose(&state.catalogues, ctx.location.locale, email.as_str(), &link);
            crate::mail::store::enqueue(&mut tx, &mail).await?;
            tx.commit().await?;
        }
        record_failure(&state, &ctx, subject, "wrong password or unconfirmed address").await?;
        let mut errors = FormErrors::default();
        errors.add("email", "login-error-wrong");
        let again = page(&state, &ctx, errors, form.email, return_to);
        return Ok((INVALID, render(&again)?).into_response());
    };
    rate_limit::store::reset(&state.db, &account_bucket).await?;
    super::session::start(&state, &ctx, &person, &return_to).await
}

/// Writes a failed log-in to the audit log (the person's own log too, when the account exists).
async fn record_failure(
    state: &AppState,
    ctx: &PageContext,
    subject: Option<uuid::Uuid>,
    why: &str,
) -> Result<(), AppError> {
    let mut event = AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account")
        .purpose(why)
        .request(ctx.request_id.clone());
    if let Some(id) = subject {
        event = event.subject(id).object(id);
    }
    crate::audit::store::record(&state.db, &event).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_notices_are_shown() {
        assert_eq!(notice_key(Some("utloggad")), Some("notice-logged-out"));
        assert_eq!(notice_key(Some("<script>")), None);
        assert_eq!(notice_key(None), None);
    }
}
