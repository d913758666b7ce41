//! "Bli klarspråkare / invånarreporter" (`/bli-medarbetare`): anyone may say they are interested,
//! with a name, how to reach them, the role and a few words of experience. What they send is kept
//! for six months (the form says so; the maintenance round deletes it) and reaches the
//! coordinator: on `/samordnare/intresseanmalningar` (every showing audited) and by an e-mail
//! through the outbox that names no one, so no personal data leaves in the mail.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::store::{self, NewInterest};
use super::{Interest, MAX_CONTACT, MAX_EXPERIENCE, MAX_NAME, access, delete_interest_on};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::i18n::format_stockholm;
use crate::mail::Email;
use crate::rate_limit::{self, MAIL_PER_ADDRESS};
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, bounded_text, optional_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Deserialize, Default, Clone)]
pub struct InterestForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    experience: String,
}

#[derive(Template)]
#[template(path = "assignments/recruit.html")]
struct RecruitPage<'a> {
    shell: Shell<'a>,
    action: String,
    roles: Vec<(&'static str, &'static str)>,
    form: InterestForm,
    errors: FormErrors,
    sent: bool,
}

fn recruit_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    form: InterestForm,
    errors: FormErrors,
    sent: bool,
) -> RecruitPage<'a> {
    RecruitPage {
        shell: ctx.shell(state),
        action: ctx.href("/bli-medarbetare"),
        roles: Interest::ALL.iter().map(|i| (i.as_str(), i.label_key())).collect(),
        form,
        errors,
        sent,
    }
}

/// `GET /bli-medarbetare`.
pub async fn form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    Ok(render(&recruit_page(&state, &ctx, InterestForm::default(), FormErrors::default(), false))?
        .into_response())
}

fn interest(form: &InterestForm, errors: &mut FormErrors) -> Option<NewInterest> {
    let name = bounded_text(&form.name, MAX_NAME)
        .map_err(|p| p.add_to(errors, "name", "recruit-error-name", "recruit-error-name-long"))
        .ok();
    let contact = bounded_text(&form.contact, MAX_CONTACT)
        .map_err(|p| p.add_to(errors, "contact", "recruit-error-contact", "recruit-error-contact-long"))
        .ok();
    let role = Interest::parse(&form.role);
    if role.is_none() {
        errors.add("role", "recruit-error-role");
    }
    let experience = optional_text(&form.experience, MAX_EXPERIENCE)
        .map_err(|p| {
            p.add_to(errors, "experience", "recruit-error-experience-long", "recruit-error-experience-long")
        })
        .ok();
    Some(NewInterest {
        name: name?,
        contact: contact?,
        role: role?,
        experience: experience?.unwrap_or_default(),
        delete_on: delete_interest_on(crate::stockholm::today()),
    })
}

/// The e-mail each coordinator with an address gets: that an interest came, and where to read it.
async fn notices(state: &AppState) -> anyhow::Result<Vec<Email>> {
    let mut mails = Vec::new();
    for (to, locale) in store::coordinator_addresses(&state.db).await? {
        let link = state.base_url.join(&locale.href("/samordnare/intresseanmalningar"))?.to_string();
        let args = [("link", link.into())];
        mails.push(Email {
            to,
            subject: state.catalogues.plain_with(locale, "mail-recruit-subject", &args),
            body: state.catalogues.plain_with(locale, "mail-recruit-body", &args),
        });
    }
    Ok(mails)
}

/// `POST /bli-medarbetare`: stores the interest and tells the coordinators, in one transaction.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    client: ClientAddress,
    Form(form): Form<InterestForm>,
) -> Result<Response, AppError> {
    let mut errors = FormErrors::default();
    let Some(new) = interest(&form, &mut errors) else {
        return Ok((INVALID, render(&recruit_page(&state, &ctx, form, errors, false))?).into_response());
    };
    let bucket = rate_limit::bucket("recruit:address", &client.0, state.secrets.key());
    if !rate_limit::store::hit(&state.db, &bucket, MAIL_PER_ADDRESS).await? {
        return Err(AppError::TooManyAttempts);
    }
    let mails = notices(&state).await?;
    let mut tx = state.db.begin_write().await?;
    let id = store::add_interest(&mut tx, &new).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    let event =
        AuditEvent::new(AuditActor::anonymous(), Action::RecruitmentInterestSent, "recruitment_interest")
            .object(id)
            .request(ctx.request_id.clone());
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(render(&recruit_page(&state, &ctx, InterestForm::default(), FormErrors::default(), true))?
        .into_response())
}

/// An interest in the coordinator's list.
pub struct InterestLine {
    pub name: String,
    pub contact: String,
    pub role_key: &'static str,
    pub experience: String,
    pub sent: String,
    pub delete_on: String,
}

#[derive(Template)]
#[template(path = "assignments/interests.html")]
struct InterestsPage<'a> {
    shell: Shell<'a>,
    interests: Vec<InterestLine>,
}

/// `GET /samordnare/intresseanmalningar`: every interest kept, each showing audited.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let rows = store::interests(&state.db).await?;
    if !rows.is_empty() {
        let mut tx = state.db.begin_write().await?;
        for row in &rows {
            let event =
                access::event(&ctx, Action::RecruitmentInterestViewed, "recruitment_interest", row.id);
            crate::audit::store::append(&mut tx, &event).await?;
        }
        tx.commit().await?;
    }
    let interests = rows
        .into_iter()
        .map(|r| InterestLine {
            role_key: Interest::parse(&r.role).unwrap_or(Interest::Both).label_key(),
            name: r.name,
            contact: r.contact,
            experience: r.experience,
            sent: format_stockholm(r.created_at),
            delete_on: r.delete_on.to_string(),
        })
        .collect();
    Ok(render(&InterestsPage { shell: ctx.shell(&state), interests })?.into_response())
}
