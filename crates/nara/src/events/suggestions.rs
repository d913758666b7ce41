//! Theme suggestions for the development group: anyone may suggest a theme (name and e-mail
//! optional); the organisers accept one for a meeting or decline it, and a suggester who left
//! an address is told which.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::Series;
use crate::accounts::{FormErrors, INVALID};
use crate::db::{Db, UtcTime};
use crate::i18n::format_stockholm;
use crate::identity::EmailAddress;
use crate::mail::Email;
use crate::on_pool;
use crate::rate_limit::{self, MAIL_PER_ADDRESS};
use crate::web::AppState;
use crate::web::auth::ClientAddress;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Suggestion {
    pub id: Uuid,
    pub suggestion: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub status: String,
}

impl Db {
    pub async fn add_suggestion(
        &self,
        series_id: Uuid,
        text: &str,
        name: Option<&str>,
        email: Option<&str>,
    ) -> anyhow::Result<()> {
        let sql = "INSERT INTO theme_suggestions (id, series_id, suggestion, name, email, status, created_at) \
                   VALUES ($1, $2, $3, $4, $5, 'new', $6)";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(Uuid::new_v4())
            .bind(series_id)
            .bind(text)
            .bind(name)
            .bind(email)
            .bind(UtcTime::now())
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// The suggestions for a series, undecided first, newest first.
    pub async fn suggestions(&self, series_id: Uuid) -> anyhow::Result<Vec<Suggestion>> {
        let sql = "SELECT id, suggestion, name, email, status FROM theme_suggestions WHERE series_id = $1 \
                   ORDER BY CASE status WHEN 'new' THEN 0 ELSE 1 END, created_at DESC";
        let rows = on_pool!(self, pool => sqlx::query_as(sql).bind(series_id).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// Decides an undecided suggestion; the suggestion when it was undecided, else `None`.
    pub async fn decide_suggestion(
        &self,
        series_id: Uuid,
        id: Uuid,
        accepted_for: Option<Uuid>,
    ) -> anyhow::Result<Option<Suggestion>> {
        let status = if accepted_for.is_some() { "accepted" } else { "declined" };
        let sql = "UPDATE theme_suggestions SET status = $1, occurrence_id = $2, decided_at = $3 \
                   WHERE id = $4 AND series_id = $5 AND status = 'new' RETURNING id, suggestion, name, email, status";
        let row = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(status)
            .bind(accepted_for)
            .bind(UtcTime::now())
            .bind(id)
            .bind(series_id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }
}

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
    state.db.series_by_slug(slug).await?.filter(|s| s.public && s.has_themes).ok_or(AppError::NotFound)
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
    if !state
        .db
        .rate_limit_hit(
            &rate_limit::bucket("suggest:address", &client.0, state.secrets.key()),
            MAIL_PER_ADDRESS,
        )
        .await?
    {
        return Err(AppError::TooManyAttempts);
    }
    let name = Some(form.name.trim()).filter(|n| !n.is_empty());
    state.db.add_suggestion(series.id, text, name, email.as_ref().map(EmailAddress::as_str)).await?;
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
    let meetings = state
        .db
        .occurrences_of(series.id)
        .await?
        .into_iter()
        .filter(|o| o.starts_at > now && !o.cancelled)
        .map(|o| MeetingChoice { position: o.position, label: format_stockholm(o.starts_at) })
        .collect();
    let base = ctx.href(&format!("/arrangor/{slug}/forslag"));
    let rows = state
        .db
        .suggestions(series.id)
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

/// Tells the suggester (if they left an address) what became of their suggestion.
async fn tell(
    state: &AppState,
    ctx: &PageContext,
    suggestion: &Suggestion,
    series: &Series,
    key: &str,
    when: Option<String>,
) -> Result<(), AppError> {
    let Some(to) = &suggestion.email else { return Ok(()) };
    let locale = ctx.location.locale;
    let args = [
        ("title", series.title(locale).to_string().into()),
        ("suggestion", suggestion.suggestion.clone().into()),
        ("when", when.unwrap_or_default().into()),
    ];
    let mail = Email {
        to: to.clone(),
        subject: state.catalogues.plain_with(locale, &format!("{key}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("{key}-body"), &args),
    };
    state.db.enqueue_mail(&mail).await?;
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
    let meeting = state.db.occurrence_at(series.id, form.position).await?.ok_or(AppError::BadRequest)?;
    if let Some(suggestion) = state.db.decide_suggestion(series.id, id, Some(meeting.id)).await? {
        let theme: String = suggestion.suggestion.chars().take(200).collect();
        state.db.set_theme(meeting.id, Some(&theme), Some(&theme)).await?;
        tell(
            &state,
            &ctx,
            &suggestion,
            &series,
            "mail-suggestion-accepted",
            Some(format_stockholm(meeting.starts_at)),
        )
        .await?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/forslag"))).into_response())
}

/// `POST /arrangor/{slug}/forslag/{id}/avsla`.
pub async fn decline(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let series = super::organiser::organised_series(&state, &ctx, &slug).await?;
    if let Some(suggestion) = state.db.decide_suggestion(series.id, id, None).await? {
        tell(&state, &ctx, &suggestion, &series, "mail-suggestion-declined", None).await?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/forslag"))).into_response())
}
