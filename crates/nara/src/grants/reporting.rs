//! `/forening/{slug}/bidrag/{application}/aterrapport`: the follow-up of a paid grant, for every
//! approved representative of the association. What the calendar knows is counted for them (the
//! association's meetings in the grant period, their registrations and attendance) and filled in;
//! they check it, correct it if they must, add people reached per target group, what changed and
//! one story, and save a draft or send it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

use super::access::{event, own_application};
use super::follow_up::{self, Counted, Held, Problem, Sent, State as FollowUpState};
use super::store::{self, ApplicationRow, FollowUpRow};
use super::view::Names;
use crate::audit::Action;
use crate::db::UtcTime;
use crate::directory::Entry;
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::form::{self, Form, INVALID, first_value};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

fn report_href(ctx: &PageContext, slug: &str, id: Uuid) -> String {
    ctx.href(&format!("/forening/{slug}/bidrag/{id}/aterrapport"))
}

/// A meeting the calendar counted.
pub struct CountedLine {
    pub title: String,
    pub date: String,
    pub registered: i64,
    pub attended: i64,
}

/// People reached in one of the register's target groups.
pub struct GroupField {
    pub id: String,
    pub name: String,
    pub value: String,
    pub error: Option<&'static str>,
}

/// A problem as the error summary links it.
pub struct ErrorLine {
    pub target: String,
    pub label: String,
    pub key: &'static str,
}

#[derive(Template)]
#[template(path = "grants/follow_up.html")]
struct FollowUpPage<'a> {
    shell: Shell<'a>,
    entry_name: String,
    list_href: String,
    application_href: String,
    programme: String,
    amount: String,
    period: String,
    due_on: String,
    late: bool,
    submitted: bool,
    submitted_on: Option<String>,
    meetings: Vec<CountedLine>,
    counted: Counted,
    activities: String,
    registrations: String,
    attended: String,
    groups: Vec<GroupField>,
    changes: String,
    story: String,
    errors: Vec<ErrorLine>,
    action: String,
    notice: Option<&'static str>,
}

impl FollowUpPage<'_> {
    fn error_for(&self, field: &str) -> Option<&'static str> {
        self.errors.iter().find(|e| e.target == field).map(|e| e.key)
    }
}

/// What the calendar counted for the association over the follow-up's period, up to now.
async fn counted_meetings(
    state: &AppState,
    entry: &Entry,
    row: &FollowUpRow,
    locale: Locale,
) -> Result<(Vec<CountedLine>, Counted), AppError> {
    let Some((from, to)) = follow_up::counting_window(row.period_start, row.due_on, Utc::now()) else {
        return Ok((Vec::new(), Counted::default()));
    };
    let held = crate::events::store::held_by_entry(&state.db, entry.id, UtcTime(from), UtcTime(to)).await?;
    let counted = follow_up::count(
        &held.iter().map(|h| Held { registered: h.registered, attended: h.attended }).collect::<Vec<_>>(),
    );
    let lines = held
        .into_iter()
        .map(|h| CountedLine {
            title: if locale == Locale::EN && !h.title_en.is_empty() { h.title_en } else { h.title_sv },
            date: format_stockholm(h.starts_at),
            registered: h.registered,
            attended: h.attended,
        })
        .collect();
    Ok((lines, counted))
}

/// The target groups asked about: the register's, then any the draft holds that the register no
/// longer names.
fn group_slugs(entry: &Entry, row: &FollowUpRow) -> Vec<String> {
    let mut slugs = entry.target_groups.clone();
    for slug in row.reached().into_keys() {
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    slugs
}

/// What the page shows again after a problem: what was sent, with its problems.
#[derive(Default)]
struct Shown {
    sent: Option<Sent>,
    problems: Vec<Problem>,
    notice: Option<&'static str>,
}

async fn page(
    state: &AppState,
    ctx: &PageContext,
    entry: &Entry,
    application: &ApplicationRow,
    row: &FollowUpRow,
    shown: Shown,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let (meetings, counted) = counted_meetings(state, entry, row, locale).await?;
    let names = Names::target_groups(&state.db, locale).await?;
    let stored = row.reached();
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    // Nothing saved yet: what the calendar counted is the starting point.
    let sent = shown.sent.unwrap_or_else(|| Sent {
        activities: number(row.activities.or(Some(counted.activities))),
        registrations: number(row.registrations.or(Some(counted.registrations))),
        attended: number(row.attended.or(Some(counted.attended))),
        reached: group_slugs(entry, row)
            .into_iter()
            .map(|s| (s.clone(), number(stored.get(&s).copied())))
            .collect(),
        changes: row.changes.clone().unwrap_or_default(),
        story: row.story.clone().unwrap_or_default(),
    });
    let problem = |field: &str| shown.problems.iter().find(|(f, _)| f == field).map(|(_, key)| *key);
    let groups: Vec<GroupField> = sent
        .reached
        .iter()
        .map(|(slug, value)| {
            let id = format!("nadda-{slug}");
            GroupField { error: problem(&id), id, name: names.of(slug), value: value.clone() }
        })
        .collect();
    let label = |field: &str| -> String {
        let key = match field {
            "aktiviteter" => "grants-follow-up-activities",
            "anmalda" => "grants-follow-up-registrations",
            "deltog" => "grants-follow-up-attended",
            "forandring" => "grants-follow-up-changes",
            "berattelse" => "grants-follow-up-story",
            other => {
                return groups.iter().find(|g| g.id == other).map(|g| g.name.clone()).unwrap_or_default();
            }
        };
        state.catalogues.plain_with(locale, key, &[])
    };
    let errors = shown
        .problems
        .iter()
        .map(|(field, key)| ErrorLine { target: field.clone(), label: label(field), key })
        .collect();
    let decision = store::decision(&state.db, application.id).await?;
    let state_now = row.state(crate::stockholm::today());
    let page = FollowUpPage {
        shell: ctx.shell(state),
        entry_name: entry.name.clone(),
        list_href: ctx.href(&format!("/forening/{}/bidrag", entry.slug)),
        application_href: ctx.href(&format!("/forening/{}/bidrag/{}", entry.slug, application.id)),
        programme: application.programme_name(locale).to_string(),
        amount: decision.map(|d| super::format_kronor(d.amount_ore)).unwrap_or_default(),
        period: format!("{} – {}", row.period_start.format("%Y-%m-%d"), row.due_on.format("%Y-%m-%d")),
        due_on: row.due_on.format("%Y-%m-%d").to_string(),
        late: state_now.late(),
        submitted: row.submitted(),
        submitted_on: row.submitted_at.map(format_stockholm),
        meetings,
        counted,
        activities: sent.activities,
        registrations: sent.registrations,
        attended: sent.attended,
        groups,
        changes: sent.changes,
        story: sent.story,
        errors,
        action: report_href(ctx, &entry.slug, application.id),
        notice: shown.notice,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// The follow-up of an application of the association: its approved representatives only, and
/// only once the grant is paid (before that there is nothing to report).
async fn own_follow_up(
    state: &AppState,
    ctx: &PageContext,
    slug: &str,
    id: Uuid,
) -> Result<(Entry, ApplicationRow, FollowUpRow), AppError> {
    let (entry, application) = own_application(state, ctx, slug, id).await?;
    let row = store::follow_up(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((entry, application, row))
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowParams {
    #[serde(default)]
    klart: String,
}

/// `GET /forening/{slug}/bidrag/{application}/aterrapport`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
    form::Query(params): form::Query<ShowParams>,
) -> Result<Response, AppError> {
    let (entry, application, row) = own_follow_up(&state, &ctx, &slug, id).await?;
    let notice = match params.klart.as_str() {
        "sparat" => Some("grants-follow-up-notice-saved"),
        "skickat" => Some("grants-follow-up-notice-submitted"),
        _ => None,
    };
    page(&state, &ctx, &entry, &application, &row, Shown { notice, ..Default::default() }).await
}

/// `POST /forening/{slug}/bidrag/{application}/aterrapport`: keeps the follow-up as a draft
/// (`atgard=spara`) or sends it (`atgard=skicka`, everything filled in). What was right is kept
/// even when something else was wrong; a follow-up once sent is not changed.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (entry, application, row) = own_follow_up(&state, &ctx, &slug, id).await?;
    let href = report_href(&ctx, &slug, id);
    if row.submitted() {
        return Ok(Redirect::to(&href).into_response());
    }
    let submitting = first_value(&pairs, "atgard") == "skicka";
    let sent = Sent {
        activities: first_value(&pairs, "aktiviteter"),
        registrations: first_value(&pairs, "anmalda"),
        attended: first_value(&pairs, "deltog"),
        reached: group_slugs(&entry, &row)
            .into_iter()
            .map(|slug| {
                let value = first_value(&pairs, &format!("nadda-{slug}"));
                (slug, value)
            })
            .collect(),
        changes: first_value(&pairs, "forandring"),
        story: first_value(&pairs, "berattelse"),
    };
    let (report, problems) = follow_up::check(&sent, submitting);
    let submit = if submitting && problems.is_empty() {
        let (_, counted) = counted_meetings(&state, &entry, &row, Locale::SV).await?;
        Some((UtcTime::now(), ctx.person()?.person.id, counted))
    } else {
        None
    };
    let action = if submit.is_some() { Action::GrantFollowUpSubmitted } else { Action::GrantFollowUpSaved };
    let mut tx = state.db.begin_write().await?;
    if !store::save_follow_up(&mut tx, id, &report, submit).await? {
        // Sent from another tab meanwhile: nothing is changed.
        return Ok(Redirect::to(&href).into_response());
    }
    crate::audit::store::append(&mut tx, &event(&ctx, action, "grant_application", id)).await?;
    tx.commit().await?;
    if !problems.is_empty() {
        let row = store::follow_up(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let shown = Shown { sent: Some(sent), problems, notice: None };
        return page(&state, &ctx, &entry, &application, &row, shown).await;
    }
    let done = if action == Action::GrantFollowUpSubmitted { "skickat" } else { "sparat" };
    Ok(Redirect::to(&format!("{href}?klart={done}")).into_response())
}

/// How the association's application page points to the follow-up.
pub struct FollowUpLink {
    pub href: String,
    pub state_key: &'static str,
    pub date: String,
    pub late: bool,
    pub submitted: bool,
}

impl FollowUpLink {
    pub fn new(ctx: &PageContext, slug: &str, row: &FollowUpRow) -> Self {
        let state: FollowUpState = row.state(crate::stockholm::today());
        Self {
            href: report_href(ctx, slug, row.application_id),
            state_key: state.key(),
            date: state.date(),
            late: state.late(),
            submitted: row.submitted(),
        }
    }
}
