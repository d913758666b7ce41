//! The organiser's pages: who is coming (with their needs), a meeting's theme, cancelling a
//! meeting (everyone registered is told), and the list of attendees as CSV. Only staff of the
//! organising unit, through the policy module; every look at attendees is audited.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::web::OccurrenceLine;
use super::{Occurrence, RegistrationStatus, RegistrationView, Series};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::formats::csv;
use crate::i18n::format_stockholm;
use crate::identity::Role;
use crate::mail::Email;
use crate::policy;
use crate::web::AppState;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

/// Why an organiser reads attendees' details, as their access log shows it.
const PURPOSE: &str = "Arrangör av träffen";

pub struct SeriesBlock {
    pub title: String,
    pub lines: Vec<OccurrenceLine>,
    /// The organisers' list of theme suggestions, for series with themes.
    pub suggestions_href: Option<String>,
}

#[derive(Template)]
#[template(path = "events/organiser_list.html")]
struct OrganiserListPage<'a> {
    shell: Shell<'a>,
    blocks: Vec<SeriesBlock>,
}

/// `GET /arrangor`: the series the person's units organise, with their coming meetings.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let units: Vec<_> = ctx.person()?.units_for(Role::Staff).collect();
    let now = crate::db::UtcTime::now();
    let mut blocks = Vec::new();
    for series in state.db.series_organised_by(&units).await? {
        let occurrences = state.db.occurrences_of(series.id).await?;
        let lines = occurrences
            .iter()
            .filter(|o| o.ends_at > now)
            .map(|o| {
                let mut line = OccurrenceLine::new(&series, o, &ctx);
                line.href = ctx.href(&format!("/arrangor/{}/{}", series.slug, o.position));
                line
            })
            .collect();
        let suggestions_href =
            series.has_themes.then(|| ctx.href(&format!("/arrangor/{}/forslag", series.slug)));
        blocks.push(SeriesBlock {
            title: series.title(ctx.location.locale).to_string(),
            lines,
            suggestions_href,
        });
    }
    Ok(render(&OrganiserListPage { shell: ctx.shell(&state), blocks })?.into_response())
}

/// The series, if this person may organise it; a refusal is audited.
pub async fn organised_series(state: &AppState, ctx: &PageContext, slug: &str) -> Result<Series, AppError> {
    let series = state.db.series_by_slug(slug).await?.ok_or(AppError::NotFound)?;
    if !policy::may_organise(&ctx.current.actor, series.organiser_unit_id) {
        let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::AccessDenied, "event_series")
            .object(series.id)
            .request(ctx.request_id.clone());
        state.db.append_audit(&event).await?;
        return Err(AppError::Forbidden);
    }
    Ok(series)
}

/// The series and occurrence, if this person may organise them.
async fn organised(
    state: &AppState,
    ctx: &PageContext,
    slug: &str,
    position: i32,
) -> Result<(Series, Occurrence), AppError> {
    let series = organised_series(state, ctx, slug).await?;
    let occurrence = state.db.occurrence_at(series.id, position).await?.ok_or(AppError::NotFound)?;
    Ok((series, occurrence))
}

/// Reads the attendees and records it: one entry for the list, and one in the access log of
/// each attendee who has an account.
async fn attendees(
    state: &AppState,
    ctx: &PageContext,
    occurrence: &Occurrence,
) -> Result<Vec<RegistrationView>, AppError> {
    let registrations = state.db.registrations_for(occurrence.id).await?;
    let actor = AuditActor::of(&ctx.current.actor);
    let listed = AuditEvent::new(actor.clone(), Action::AttendeesViewed, "event_occurrence")
        .object(occurrence.id)
        .purpose(PURPOSE)
        .request(ctx.request_id.clone());
    state.db.append_audit(&listed).await?;
    for person in registrations.iter().filter_map(|r| r.person_id) {
        let event = listed.clone().subject(person);
        state.db.append_audit(&event).await?;
    }
    Ok(registrations)
}

pub struct AttendeeRow {
    pub name: String,
    pub email: String,
    pub status_key: &'static str,
    pub needs: Option<String>,
}

fn status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "organiser-status-confirmed",
        RegistrationStatus::Waitlisted => "organiser-status-waitlisted",
        RegistrationStatus::Cancelled => "organiser-status-cancelled",
    }
}

#[derive(Template)]
#[template(path = "events/organiser_occurrence.html")]
struct OrganiserOccurrencePage<'a> {
    shell: Shell<'a>,
    title: String,
    line: OccurrenceLine,
    has_themes: bool,
    theme_sv: String,
    theme_en: String,
    rows: Vec<AttendeeRow>,
    base: String,
}

/// `GET /arrangor/{slug}/{position}`.
pub async fn occurrence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let rows = attendees(&state, &ctx, &occurrence)
        .await?
        .into_iter()
        .map(|r| AttendeeRow {
            status_key: status_key(r.status()),
            name: r.name,
            email: r.email,
            needs: r.needs,
        })
        .collect();
    let page = OrganiserOccurrencePage {
        shell: ctx.shell(&state),
        title: series.title(ctx.location.locale).to_string(),
        line: OccurrenceLine::new(&series, &occurrence, &ctx),
        has_themes: series.has_themes,
        theme_sv: occurrence.theme_sv.clone().unwrap_or_default(),
        theme_en: occurrence.theme_en.clone().unwrap_or_default(),
        rows,
        base: ctx.href(&format!("/arrangor/{slug}/{position}")),
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct ThemeForm {
    #[serde(default)]
    theme_sv: String,
    #[serde(default)]
    theme_en: String,
}

/// `POST /arrangor/{slug}/{position}/tema`: sets (or clears) a meeting's theme.
pub async fn set_theme(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<ThemeForm>,
) -> Result<Response, AppError> {
    let (_, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let clean = |text: &str| {
        Some(text.trim()).filter(|t| !t.is_empty()).map(|t| t.chars().take(200).collect::<String>())
    };
    let (sv, en) = (clean(&form.theme_sv), clean(&form.theme_en));
    state.db.set_theme(occurrence.id, sv.as_deref(), en.as_deref().or(sv.as_deref())).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}"))).into_response())
}

/// `POST /arrangor/{slug}/{position}/stall-in`: cancels the meeting and tells everyone registered.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    if state.db.cancel_occurrence(occurrence.id).await? {
        let locale = ctx.location.locale;
        let args = [
            ("title", series.title(locale).to_string().into()),
            ("when", format_stockholm(occurrence.starts_at).into()),
        ];
        for registration in state.db.registrations_for(occurrence.id).await? {
            let mail = Email {
                to: registration.email,
                subject: state.catalogues.plain_with(locale, "mail-event-cancelled-subject", &args),
                body: state.catalogues.plain_with(locale, "mail-event-cancelled-body", &args),
            };
            state.db.enqueue_mail(&mail).await?;
        }
    }
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}"))).into_response())
}

/// `GET /arrangor/{slug}/{position}/deltagare.csv`: the attendees for a spreadsheet.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (_, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let rows = attendees(&state, &ctx, &occurrence).await?.into_iter().map(|r| {
        vec![r.name.clone(), r.email.clone(), r.status().as_str().to_string(), r.needs.unwrap_or_default()]
    });
    let body = csv::write(&["namn", "e-post", "status", "behov"], rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"deltagare.csv\""),
        ],
        body,
    )
        .into_response())
}
