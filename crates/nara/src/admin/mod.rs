//! Administration: invite staff, grant and revoke roles (within units), deactivate accounts, and
//! keep the municipality's set-up (`setup`: units, areas of help, target groups). Deactivation
//! keeps the person's history, including the audit log. Every change is audited.

pub mod setup;

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::{self, MailKind};
use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::identity::{self, EmailAddress, NewPerson, Person, Role, RoleGrant, Unit};
use crate::mail;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why an administrator opens a person's account, as the person's access log shows it.
const PURPOSE: &str = crate::audit::purpose::ACCOUNT_ADMIN;

/// A role as offered in a form: its value and catalogue key.
pub struct RoleOption {
    pub value: &'static str,
    pub key: String,
}

fn role_options() -> Vec<RoleOption> {
    Role::grantable().map(|r| RoleOption { value: r.as_str(), key: role_key(r) }).collect()
}

fn role_key(role: Role) -> String {
    crate::audit::role_key(role.as_str())
}

/// A person in the list, with their roles as text keys.
pub struct PersonRow {
    pub person: Person,
    pub role_keys: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
struct PeoplePage<'a> {
    shell: Shell<'a>,
    people: Vec<PersonRow>,
    units: Vec<Unit>,
    roles: Vec<RoleOption>,
    errors: FormErrors,
    form: InviteForm,
}

async fn people_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    errors: FormErrors,
    form: InviteForm,
) -> Result<PeoplePage<'a>, AppError> {
    let mut people = Vec::new();
    for person in crate::identity::store::list_people(&state.db).await? {
        let grants = crate::identity::store::grants(&state.db, person.id).await?;
        people.push(PersonRow { person, role_keys: grants.iter().map(|g| role_key(g.role)).collect() });
    }
    Ok(PeoplePage {
        shell: ctx.shell(state),
        people,
        units: crate::identity::store::list_units(&state.db).await?.to_vec(),
        roles: role_options(),
        errors,
        form,
    })
}

pub async fn people(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    // The list shows everyone's name and address: that is a read of many people's data.
    let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::PeopleListed, "account")
        .purpose(PURPOSE)
        .request(ctx.request_id.clone());
    crate::audit::store::record(&state.db, &event).await?;
    let page = people_page(&state, &ctx, FormErrors::default(), InviteForm::default()).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit: String,
}

/// A role and unit from a form, checked: staff and log reviewers need a unit, others none.
fn parse_grant(role: &str, unit: &str, units: &[Unit], errors: &mut FormErrors) -> Option<RoleGrant> {
    let role = Role::parse(role).filter(|r| *r != Role::Resident);
    let Some(role) = role else {
        errors.add("role", "admin-error-role");
        return None;
    };
    let unit_id = Uuid::parse_str(unit).ok().filter(|id| units.iter().any(|u| u.id == *id));
    match (role.needs_unit(), unit_id) {
        (true, None) => {
            errors.add("unit", "admin-error-unit");
            None
        }
        (true, Some(id)) => Some(RoleGrant { role, unit_id: Some(id) }),
        (false, _) => Some(RoleGrant { role, unit_id: None }),
    }
}

/// The audit entry of an administrator's action on a person's account.
fn account_event(ctx: &PageContext, action: Action, subject: Uuid, detail: Option<String>) -> AuditEvent {
    let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), action, "account")
        .object(subject)
        .subject(subject)
        .request(ctx.request_id.clone());
    match detail {
        Some(detail) => event.purpose(detail),
        None => event,
    }
}

/// Records an administrator's action that changes nothing (a read) on its own.
async fn audit(
    state: &AppState,
    ctx: &PageContext,
    action: Action,
    subject: Uuid,
    detail: Option<String>,
) -> Result<(), AppError> {
    crate::audit::store::record(&state.db, &account_event(ctx, action, subject, detail)).await?;
    Ok(())
}

fn grant_detail(grant: RoleGrant, units: &[Unit]) -> String {
    let unit = grant.unit_id.and_then(|id| units.iter().find(|u| u.id == id)).map(|u| u.slug.as_str());
    match unit {
        Some(slug) => format!("{} ({slug})", grant.role.as_str()),
        None => grant.role.as_str().to_string(),
    }
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    let units = crate::identity::store::list_units(&state.db).await?;
    let mut errors = FormErrors::default();
    let name = form.name.trim().to_string();
    if name.is_empty() {
        errors.add("name", "register-error-name");
    }
    let email = EmailAddress::parse(&form.email);
    if email.is_none() {
        errors.add("email", "register-error-email");
    }
    let grant = parse_grant(&form.role, &form.unit, &units, &mut errors);
    let (Some(email), Some(grant), true) = (email, grant, errors.is_empty()) else {
        let page = people_page(&state, &ctx, errors, form).await?;
        return Ok((INVALID, render(&page)?).into_response());
    };
    let new = NewPerson {
        display_name: name,
        email: Some(email.clone()),
        email_verified: false,
        personnummer: None,
        password_hash: None,
    };
    // The account, the invitation, its e-mail and the audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    let person_id = match identity::store::create_person(&mut tx, &new).await? {
        Some(id) => id,
        None => identity::store::person_by_email(&state.db, &email)
            .await?
            .map(|(p, _)| p.id)
            .ok_or(AppError::BadRequest)?,
    };
    // The role is granted when the invitation is used, by whoever holds the mailbox: an account
    // someone else made earlier with this address gets nothing.
    let token = accounts::store::create_invitation(&mut tx, person_id, grant).await?;
    let link = state.absolute(&ctx.href(&format!("/inbjudan/{token}")));
    let mail = MailKind::Invitation.compose(&state.catalogues, ctx.location.locale, email.as_str(), &link);
    mail::store::enqueue(&mut tx, &mail).await?;
    let event = account_event(&ctx, Action::InvitationSent, person_id, Some(grant_detail(grant, &units)));
    audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/admin/personer/{person_id}?klart=inbjuden"))).into_response())
}

/// A granted role as the person page lists it.
pub struct GrantRow {
    pub role: &'static str,
    pub role_key: String,
    pub unit_value: String,
    pub unit_name: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/person.html")]
struct PersonPage<'a> {
    shell: Shell<'a>,
    person: Person,
    is_me: bool,
    grants: Vec<GrantRow>,
    units: Vec<Unit>,
    roles: Vec<RoleOption>,
    errors: FormErrors,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct PersonQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "inbjuden" => Some("admin-notice-invited"),
        "roll" => Some("admin-notice-role"),
        "inaktiverad" => Some("admin-notice-deactivated"),
        _ => None,
    }
}

async fn person_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    id: Uuid,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<PersonPage<'a>, AppError> {
    let person = crate::identity::store::person(&state.db, id).await?.ok_or(AppError::NotFound)?;
    audit(state, ctx, Action::PersonViewed, id, Some(PURPOSE.to_string())).await?;
    let units = crate::identity::store::list_units(&state.db).await?;
    let locale = ctx.location.locale;
    let grants = crate::identity::store::grants(&state.db, id)
        .await?
        .into_iter()
        .map(|g| GrantRow {
            role: g.role.as_str(),
            role_key: role_key(g.role),
            unit_value: g.unit_id.map(|u| u.to_string()).unwrap_or_default(),
            unit_name: g
                .unit_id
                .and_then(|u| units.iter().find(|x| x.id == u))
                .map(|u| u.name(locale).to_string()),
        })
        .collect();
    let is_me = ctx.person()?.person.id == id;
    Ok(PersonPage {
        shell: ctx.shell(state),
        person,
        is_me,
        grants,
        units: units.to_vec(),
        roles: role_options(),
        errors,
        notice,
    })
}

pub async fn person(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<PersonQuery>,
) -> Result<Response, AppError> {
    let page =
        person_page(&state, &ctx, id, FormErrors::default(), notice_key(query.klart.as_deref())).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct GrantForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    unit: String,
}

/// Grants or revokes one role of a person who exists.
async fn change_role(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
    form: GrantForm,
    grant_it: bool,
) -> Result<Response, AppError> {
    crate::identity::store::person(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let units = crate::identity::store::list_units(&state.db).await?;
    let mut errors = FormErrors::default();
    let Some(grant) = parse_grant(&form.role, &form.unit, &units, &mut errors) else {
        let page = person_page(state, ctx, id, errors, None).await?;
        return Ok((INVALID, render(&page)?).into_response());
    };
    // Another administrator must change an administrator's own roles: no one grants themselves
    // the log reviewer's or a unit's access, and no one locks the last door behind them.
    if ctx.person()?.person.id == id {
        return Err(AppError::BadRequest);
    }
    let mut tx = state.db.begin_write().await?;
    let action = if grant_it {
        identity::store::grant_role(&mut tx, id, grant).await?;
        Action::RoleGranted
    } else {
        identity::store::revoke_role(&mut tx, id, grant).await?;
        Action::RoleRevoked
    };
    audit::store::append(&mut tx, &account_event(ctx, action, id, Some(grant_detail(grant, &units)))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/admin/personer/{id}?klart=roll"))).into_response())
}

pub async fn grant_role(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<GrantForm>,
) -> Result<Response, AppError> {
    change_role(&state, &ctx, id, form, true).await
}

pub async fn revoke_role(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<GrantForm>,
) -> Result<Response, AppError> {
    change_role(&state, &ctx, id, form, false).await
}

pub async fn deactivate(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    crate::identity::store::person(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if ctx.person()?.person.id == id {
        return Err(AppError::BadRequest);
    }
    let mut tx = state.db.begin_write().await?;
    identity::store::deactivate_person(&mut tx, id).await?;
    audit::store::append(&mut tx, &account_event(&ctx, Action::AccountDeactivated, id, None)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/admin/personer/{id}?klart=inaktiverad"))).into_response())
}
