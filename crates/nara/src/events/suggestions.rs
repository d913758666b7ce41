//! Theme suggestions for the development group: anyone may suggest a theme (name and e-mail
//! optional); the organisers accept one for a meeting or decline it, and a suggester who left
//! an address is told which.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, Suggestion};
use super::{Occurrence, Series};
use crate::db::UtcTime;
use crate::i18n::format_stockholm;
use crate::identity::EmailAddress;
use crate::mail::Email;
use crate::rate_limit::{self, MAIL_PER_ADDRESS};
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "events/suggest.html")]
struct SuggestPage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    errors: FormErrors,
    form: SuggestForm,
    sent: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct SuggestForm {
    #[serde(default)]
    pub suggestion: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

async fn themed_series(state: &AppState, slug: &str) -> Result<Series, AppError> {
    store::series_by_slug(&state.db, slug)
        .await?
        .filter(|s| s.public && s.has_themes)
        .ok_or(AppError::NotFound)
}

fn suggest_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    series: &Series,
    errors: FormErrors,
    form: SuggestForm,
    sent: bool,
) -> SuggestPage<'a> {
    SuggestPage {
        shell: ctx.shell(state),
        title: series.title(ctx.location.locale).to_string(),
        action: ctx.href(&format!("/kalender/{}/foresla-tema", series.slug)),
        errors,
        form,
        sent,
    }
}

/// `GET /kalender/{slug}/foresla-tema`.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let series = themed_series(&state, &slug).await?;
    Ok(render(&suggest_page(&state, &ctx, &series, FormErrors::default(), SuggestForm::default(), false))?
        .into_response())
}

/// `POST /kalender/{slug}/foresla-tema`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    client: ClientAddress,
    Path(slug): Path<String>,
    Form(form): Form<SuggestForm>,
) -> Result<Response, AppError> {
    let series = themed_series(&state, &slug).await?;
    let mut errors = FormErrors::default();
    let text = form.suggestion.trim();
    if text.is_empty() || text.chars().count() > 2000 {
        errors.add("suggestion", "suggest-error-text");
    }
    let email = form.email.trim();
    let email = if email.is_empty() {
        None
    } else {
        EmailAddress::parse(email).map(Some).unwrap_or_else(|| {
            errors.add("email", "register-error-email");
            None
        })
    };
    if form.name.chars().count() > 200 {
        errors.add("name", "register-error-name");
    }
    if !errors.is_empty() {
        return Ok(
            (INVALID, render(&suggest_page(&state, &ctx, &series, errors, form, false))?).into_response()
        );
    }
    if !rate_limit::store::hit(
        &state.db,
        &rate_limit::bucket("suggest:address", &client.0, state.secrets.key()),
        MAIL_PER_ADDRESS,
    )
    .await?
    {
        return Err(AppError::TooManyAttempts);
    }
    let name = Some(form.name.trim()).filter(|n| !n.is_empty());
    store::add_suggestion(&state.db, series.id, text, name, email.as_ref().map(EmailAddress::as_str)).await?;
    Ok(render(&suggest_page(&state, &ctx, &series, FormErrors::default(), SuggestForm::default(), true))?
        .into_response())
}

/// A suggestion and, for undecided ones, the meetings it could be the theme of.
pub struct SuggestionRow {
    pub suggestion: Suggestion,
    pub status_key: &'static str,
    pub accept_action: String,
    pub decline_action: String,
}

/// A meeting a suggestion can be accepted for: its position and date.
pub struct MeetingChoice {
    pub position: i32,
    pub label: String,
}

#[derive(Template)]
#[template(path = "events/suggestions.html")]
struct SuggestionsPage<'a> {
    shell: Shell<'a>,
    title: String,
    rows: Vec<SuggestionRow>,
    meetings: Vec<MeetingChoice>,
}

/// `GET /arrangor/{slug}/forslag`: the organisers' list.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let series = super::organiser::organised_series(&state, &ctx, &slug).await?;
    let now = UtcTime::now();
    let meetings = store::occurrences_of(&state.db, series.id)
        .await?
        .into_iter()
        .filter(|o| o.starts_at > now && !o.cancelled)
        .map(|o| MeetingChoice { position: o.position, label: format_stockholm(o.starts_at) })
        .collect();
    let base = ctx.href(&format!("/arrangor/{slug}/forslag"));
    let rows = store::suggestions(&state.db, series.id)
        .await?
        .into_iter()
        .map(|s| SuggestionRow {
            status_key: match s.status.as_str() {
                "accepted" => "suggest-status-accepted",
                "declined" => "suggest-status-declined",
                _ => "suggest-status-new",
            },
            accept_action: format!("{base}/{}/anta", s.id),
            decline_action: format!("{base}/{}/avsla", s.id),
            suggestion: s,
        })
        .collect();
    let page = SuggestionsPage {
        shell: ctx.shell(&state),
        title: series.title(ctx.location.locale).to_string(),
        rows,
        meetings,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct AcceptForm {
    position: i32,
}

/// The e-mail that tells the suggester what became of their suggestion, if they left an address.
fn decision_mail(
    state: &AppState,
    ctx: &PageContext,
    suggestion: &Suggestion,
    series: &Series,
    key: &str,
    when: Option<String>,
) -> Option<Email> {
    let to = suggestion.email.clone()?;
    let locale = ctx.location.locale;
    let args = [
        ("title", series.title(locale).to_string().into()),
        ("suggestion", suggestion.suggestion.clone().into()),
        ("when", when.unwrap_or_default().into()),
    ];
    Some(Email {
        to,
        subject: state.catalogues.plain_with(locale, &format!("{key}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("{key}-body"), &args),
    })
}

/// Accepts the suggestion for `meeting` (it becomes the meeting's theme) or, without one,
/// declines it; the suggester is told. One transaction: the decision, the theme and the e-mail
/// commit together. Nothing happens to a suggestion decided already.
async fn decide(
    state: &AppState,
    ctx: &PageContext,
    series: &Series,
    id: Uuid,
    meeting: Option<&Occurrence>,
) -> anyhow::Result<()> {
    let mut tx = state.db.begin_write().await?;
    let Some(suggestion) = store::decide_suggestion(&mut tx, series.id, id, meeting.map(|m| m.id)).await?
    else {
        return Ok(());
    };
    let mail = match meeting {
        Some(meeting) => {
            let theme: String = suggestion.suggestion.chars().take(200).collect();
            store::set_theme(&mut tx, meeting.id, Some(&theme), Some(&theme)).await?;
            let when = Some(format_stockholm(meeting.starts_at));
            decision_mail(state, ctx, &suggestion, series, "mail-suggestion-accepted", when)
        }
        None => decision_mail(state, ctx, &suggestion, series, "mail-suggestion-declined", None),
    };
    if let Some(mail) = mail {
        crate::mail::store::enqueue(&mut tx, &mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `POST /arrangor/{slug}/forslag/{id}/anta`: the suggestion becomes a meeting's theme.
pub async fn accept(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    let series = super::organiser::organised_series(&state, &ctx, &slug).await?;
    let meeting =
        store::occurrence_at(&state.db, series.id, form.position).await?.ok_or(AppError::BadRequest)?;
    decide(&state, &ctx, &series, id, Some(&meeting)).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/forslag"))).into_response())
}

/// `POST /arrangor/{slug}/forslag/{id}/avsla`.
pub async fn decline(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let series = super::organiser::organised_series(&state, &ctx, &slug).await?;
    decide(&state, &ctx, &series, id, None).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/forslag"))).into_response())
}
