//! The organiser's pages: who is coming (with their needs), a meeting's theme, cancelling a
//! meeting (everyone registered is told), and the list of attendees as CSV. Only organisers of
//! the organising unit, through the policy module; every look at attendees is audited.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Europe::Stockholm;
use uuid::Uuid;

use super::MAX_PDF_BYTES;
use super::notes::MAX_NOTES;
use super::store::DocumentInfo;
use super::web::OccurrenceLine;
use super::{Occurrence, RegistrationStatus, RegistrationView, Series, store};
use crate::audit::{self, Action, AuditActor, AuditEvent};
use crate::db::{Tx, UtcTime};
use crate::formats::csv;
use crate::i18n::{format_stockholm, format_stockholm_time};
use crate::identity::Role;
use crate::mail::Email;
use crate::plain_language::hints::{Hints, Wording};
use crate::policy;
use crate::stockholm;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID, optional_text};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why an organiser reads attendees' details, as their access log shows it.
const PURPOSE: &str = crate::audit::purpose::ORGANISER;

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
    let units: Vec<_> = ctx.person()?.units_for(Role::Organiser).collect();
    let now = crate::db::UtcTime::now();
    let mut blocks = Vec::new();
    for series in store::series_organised_by(&state.db, &units).await? {
        let occurrences = store::occurrences_of(&state.db, series.id).await?;
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
    let series = store::series_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_organise(&ctx.current.actor, series.organiser_unit_id);
    guard::allow(state, ctx, allowed, Target::new("event_series", series.id), Refusal::Forbidden).await?;
    Ok(series)
}

/// The series and occurrence, if this person may organise them.
pub(crate) async fn organised(
    state: &AppState,
    ctx: &PageContext,
    slug: &str,
    position: i32,
) -> Result<(Series, Occurrence), AppError> {
    let series = organised_series(state, ctx, slug).await?;
    let occurrence = store::occurrence_at(&state.db, series.id, position).await?.ok_or(AppError::NotFound)?;
    Ok((series, occurrence))
}

/// Reads the attendees and records it, in one transaction: one entry for the list, and one in
/// the access log of each attendee who has an account.
async fn attendees(
    state: &AppState,
    ctx: &PageContext,
    occurrence: &Occurrence,
) -> anyhow::Result<Vec<RegistrationView>> {
    let listed =
        AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::AttendeesViewed, "event_occurrence")
            .object(occurrence.id)
            .purpose(PURPOSE)
            .request(ctx.request_id.clone());
    let mut tx = state.db.begin_write().await?;
    let registrations = store::registrations_for_in(&mut tx, occurrence.id).await?;
    audit::store::append(&mut tx, &listed).await?;
    for person in registrations.iter().filter_map(|r| r.person_id) {
        audit::store::append(&mut tx, &listed.clone().subject(person)).await?;
    }
    tx.commit().await?;
    Ok(registrations)
}

pub struct AttendeeRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub status_key: &'static str,
    pub needs: Option<String>,
    pub confirmed: bool,
    pub attended: bool,
}

fn status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "organiser-status-confirmed",
        RegistrationStatus::Waitlisted => "organiser-status-waitlisted",
        RegistrationStatus::Cancelled => "organiser-status-cancelled",
    }
}

/// The move form's values, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    datum: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    slut: String,
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
    agenda_sv: String,
    agenda_en: String,
    notes: String,
    documents: Vec<DocumentInfo>,
    public_base: String,
    rows: Vec<AttendeeRow>,
    base: String,
    errors: FormErrors,
    moving: MoveForm,
    max_pdf_kb: i64,
    /// The checker's hints under the Swedish agenda.
    agenda_hints: Hints,
}

/// The organiser's page of one meeting, with `errors` from a form that did not go through.
pub(crate) async fn occurrence_page(
    state: &AppState,
    ctx: &PageContext,
    series: &Series,
    occurrence: &Occurrence,
    errors: FormErrors,
    moving: Option<MoveForm>,
) -> Result<axum::response::Html<String>, AppError> {
    let rows = attendees(state, ctx, occurrence)
        .await?
        .into_iter()
        .map(|r| AttendeeRow {
            id: r.id.to_string(),
            status_key: status_key(r.status()),
            confirmed: r.status() == RegistrationStatus::Confirmed,
            attended: r.attended == Some(true),
            name: r.name,
            email: r.email,
            needs: r.needs,
        })
        .collect();
    let local = occurrence.starts_at.0.with_timezone(&Stockholm);
    let moving = moving.unwrap_or_else(|| MoveForm {
        datum: local.format("%Y-%m-%d").to_string(),
        start: local.format("%H:%M").to_string(),
        slut: format_stockholm_time(occurrence.ends_at),
    });
    let agenda_sv = occurrence.agenda_sv.clone().unwrap_or_default();
    let agenda_hints = Wording::of(state, ctx).await?.plain("agenda_sv", &agenda_sv);
    let page = OrganiserOccurrencePage {
        agenda_hints,
        shell: ctx.shell(state),
        title: series.title(ctx.location.locale).to_string(),
        line: OccurrenceLine::new(series, occurrence, ctx),
        has_themes: series.has_themes,
        theme_sv: occurrence.theme_sv.clone().unwrap_or_default(),
        theme_en: occurrence.theme_en.clone().unwrap_or_default(),
        agenda_sv,
        agenda_en: occurrence.agenda_en.clone().unwrap_or_default(),
        notes: occurrence.notes_md.clone().unwrap_or_default(),
        documents: store::event_documents(&state.db, occurrence.id).await?,
        public_base: ctx.href(&format!("/kalender/{}/{}", series.slug, occurrence.position)),
        rows,
        base: ctx.href(&format!("/arrangor/{}/{}", series.slug, occurrence.position)),
        errors,
        moving,
        max_pdf_kb: (MAX_PDF_BYTES / 1000) as i64,
    };
    render(&page)
}

/// `GET /arrangor/{slug}/{position}`.
pub async fn occurrence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    Ok(occurrence_page(&state, &ctx, &series, &occurrence, FormErrors::default(), None)
        .await?
        .into_response())
}

/// Reads a new date and times typed in Stockholm time; the catalogue keys of what is wrong.
pub fn new_times(form: &MoveForm, now: UtcTime) -> Result<(UtcTime, UtcTime), FormErrors> {
    let mut errors = FormErrors::default();
    let date = NaiveDate::parse_from_str(form.datum.trim(), "%Y-%m-%d").ok();
    let start = NaiveTime::parse_from_str(form.start.trim(), "%H:%M").ok();
    let end = NaiveTime::parse_from_str(form.slut.trim(), "%H:%M").ok();
    if date.is_none() {
        errors.add("datum", "organiser-move-error-date");
    }
    if start.is_none() {
        errors.add("start", "organiser-move-error-time");
    }
    if end.is_none() {
        errors.add("slut", "organiser-move-error-time");
    }
    let (Some(date), Some(start), Some(end)) = (date, start, end) else { return Err(errors) };
    let (Some(starts), Some(ends)) =
        (stockholm::to_utc(date.and_time(start)), stockholm::to_utc(date.and_time(end)))
    else {
        errors.add("datum", "organiser-move-error-date");
        return Err(errors);
    };
    if ends <= starts {
        errors.add("slut", "organiser-move-error-order");
    } else if starts <= now.0 {
        errors.add("datum", "organiser-move-error-past");
    }
    if errors.is_empty() { Ok((UtcTime(starts), UtcTime(ends))) } else { Err(errors) }
}

/// Tells everyone registered (the waitlist too) that a meeting changed, in the language
/// they registered in: their e-mails join the change's transaction.
async fn tell_registered(
    state: &AppState,
    tx: &mut Tx,
    series: &Series,
    occurrence: &Occurrence,
    kind: &str,
    previous: Option<UtcTime>,
) -> anyhow::Result<()> {
    for registration in store::registrations_for_in(tx, occurrence.id).await? {
        let locale = crate::i18n::Locale::from_code(&registration.locale);
        let args = [
            ("title", series.title(locale).to_string().into()),
            ("when", format_stockholm(occurrence.starts_at).into()),
            ("until", format_stockholm_time(occurrence.ends_at).into()),
            ("before", previous.map(format_stockholm).unwrap_or_default().into()),
        ];
        let mail = Email {
            to: registration.email,
            subject: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-subject"), &args),
            body: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-body"), &args),
        };
        crate::mail::store::enqueue(tx, &mail).await?;
    }
    Ok(())
}

/// Moves the meeting and tells everyone registered, in one transaction.
async fn move_and_tell(
    state: &AppState,
    series: &Series,
    occurrence: &Occurrence,
    starts: UtcTime,
    ends: UtcTime,
) -> anyhow::Result<()> {
    let mut tx = state.db.begin_write().await?;
    if store::move_occurrence(&mut tx, occurrence.id, starts, ends).await? {
        let moved = Occurrence { starts_at: starts, ends_at: ends, ..occurrence.clone() };
        tell_registered(state, &mut tx, series, &moved, "moved", Some(occurrence.starts_at)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Cancels the meeting and tells everyone registered, in one transaction; nobody is told twice.
async fn cancel_and_tell(state: &AppState, series: &Series, occurrence: &Occurrence) -> anyhow::Result<()> {
    let mut tx = state.db.begin_write().await?;
    if store::cancel_occurrence(&mut tx, occurrence.id).await? {
        tell_registered(state, &mut tx, series, occurrence, "cancelled", None).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `POST /arrangor/{slug}/{position}/flytta`: moves the meeting and tells everyone registered.
pub async fn move_occurrence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let checked = if occurrence.cancelled {
        let mut errors = FormErrors::default();
        errors.add("datum", "organiser-move-error-cancelled");
        Err(errors)
    } else {
        new_times(&form, UtcTime::now())
    };
    let (starts, ends) = match checked {
        Ok(times) => times,
        Err(errors) => {
            let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, Some(form)).await?;
            return Ok((INVALID, page).into_response());
        }
    };
    if (starts, ends) != (occurrence.starts_at, occurrence.ends_at) {
        move_and_tell(&state, &series, &occurrence, starts, ends).await?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}"))).into_response())
}

#[derive(Deserialize)]
pub struct AgendaForm {
    #[serde(default)]
    agenda_sv: String,
    #[serde(default)]
    agenda_en: String,
}

/// A meeting's theme, in each language.
const MAX_THEME: usize = 200;
/// A meeting's agenda, in each language.
const MAX_AGENDA: usize = 4000;

/// The optional texts of one form, each trimmed and within `max`; a text that is too long puts
/// `too_long_key` on its field instead of being cut.
fn optional_texts<const N: usize>(
    fields: [(&'static str, &str); N],
    max: usize,
    too_long_key: &'static str,
) -> Result<[Option<String>; N], FormErrors> {
    let mut errors = FormErrors::default();
    let texts = fields.map(|(field, text)| {
        optional_text(text, max).unwrap_or_else(|_| {
            errors.add(field, too_long_key);
            None
        })
    });
    if errors.is_empty() { Ok(texts) } else { Err(errors) }
}

/// `POST /arrangor/{slug}/{position}/dagordning`.
pub async fn set_agenda(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<AgendaForm>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let fields = [("agenda_sv", form.agenda_sv.as_str()), ("agenda_en", &form.agenda_en)];
    let [sv, en] = match optional_texts(fields, MAX_AGENDA, "organiser-agenda-error-long") {
        Ok(texts) => texts,
        Err(errors) => {
            let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, None).await?;
            return Ok((INVALID, page).into_response());
        }
    };
    store::set_agenda(&state.db, occurrence.id, sv.as_deref(), en.as_deref()).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}#agenda-heading"))).into_response())
}

#[derive(Deserialize)]
pub struct NotesForm {
    #[serde(default)]
    notes: String,
}

/// `POST /arrangor/{slug}/{position}/anteckningar`: publishes the notes (Markdown).
pub async fn set_notes(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<NotesForm>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let [notes] =
        match optional_texts([("notes", form.notes.as_str())], MAX_NOTES, "organiser-notes-error-long") {
            Ok(texts) => texts,
            Err(errors) => {
                let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, None).await?;
                return Ok((INVALID, page).into_response());
            }
        };
    store::set_notes(&state.db, occurrence.id, notes.as_deref()).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}#notes-heading"))).into_response())
}

/// Marks who came and records it, in one transaction: one entry for the meeting and one in
/// the access log of each confirmed attendee who has an account.
async fn mark_attendance(
    state: &AppState,
    occurrence_id: Uuid,
    present: &[Uuid],
    marked: &AuditEvent,
) -> anyhow::Result<()> {
    let mut tx = state.db.begin_write().await?;
    store::set_attendance(&mut tx, occurrence_id, present).await?;
    audit::store::append(&mut tx, marked).await?;
    for registration in store::registrations_for_in(&mut tx, occurrence_id).await? {
        if let (Some(person), RegistrationStatus::Confirmed) = (registration.person_id, registration.status())
        {
            audit::store::append(&mut tx, &marked.clone().subject(person)).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// `POST /arrangor/{slug}/{position}/narvaro`: who came (the checked confirmed registrations).
pub async fn set_attendance(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (_, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let present: Vec<Uuid> = pairs
        .iter()
        .filter(|(key, _)| key == "narvarande")
        .filter_map(|(_, value)| Uuid::try_parse(value).ok())
        .collect();
    let marked =
        AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::AttendanceMarked, "event_occurrence")
            .object(occurrence.id)
            .purpose(PURPOSE)
            .request(ctx.request_id.clone());
    mark_attendance(&state, occurrence.id, &present, &marked).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}#attendees-heading"))).into_response())
}

#[derive(Deserialize)]
pub struct ThemeForm {
    #[serde(default)]
    theme_sv: String,
    #[serde(default)]
    theme_en: String,
}

/// Sets a meeting's theme (its own transaction: nothing else is written with it).
async fn set_theme_of(state: &AppState, id: Uuid, sv: Option<&str>, en: Option<&str>) -> anyhow::Result<()> {
    let mut tx = state.db.begin().await?;
    store::set_theme(&mut tx, id, sv, en).await?;
    tx.commit().await?;
    Ok(())
}

/// `POST /arrangor/{slug}/{position}/tema`: sets (or clears) a meeting's theme.
pub async fn set_theme(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<ThemeForm>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    let fields = [("theme_sv", form.theme_sv.as_str()), ("theme_en", &form.theme_en)];
    let [sv, en] = match optional_texts(fields, MAX_THEME, "organiser-theme-error-long") {
        Ok(texts) => texts,
        Err(errors) => {
            let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, None).await?;
            return Ok((INVALID, page).into_response());
        }
    };
    set_theme_of(&state, occurrence.id, sv.as_deref(), en.as_deref().or(sv.as_deref())).await?;
    Ok(Redirect::to(&ctx.href(&format!("/arrangor/{slug}/{position}"))).into_response())
}

/// `POST /arrangor/{slug}/{position}/stall-in`: cancels the meeting and tells everyone registered.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = organised(&state, &ctx, &slug, position).await?;
    cancel_and_tell(&state, &series, &occurrence).await?;
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
        let attended = match r.attended {
            Some(true) => "ja",
            Some(false) => "nej",
            None => "",
        };
        vec![
            r.name.clone(),
            r.email.clone(),
            r.status().as_str().to_string(),
            attended.to_string(),
            r.needs.unwrap_or_default(),
        ]
    });
    let body = csv::write(&["namn", "e-post", "status", "närvarande", "behov"], rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"deltagare.csv\""),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn form(datum: &str, start: &str, slut: &str) -> MoveForm {
        MoveForm { datum: datum.into(), start: start.into(), slut: slut.into() }
    }

    fn keys(errors: &FormErrors) -> Vec<(&str, &str)> {
        errors.items().iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn new_times_are_stockholm_wall_clock_times() {
        let now = UtcTime(chrono::Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap());
        let (starts, ends) = new_times(&form("2027-03-29", "13:30", "15:30"), now).unwrap();
        assert_eq!(starts.0, chrono::Utc.with_ymd_and_hms(2027, 3, 29, 11, 30, 0).unwrap(), "summer time");
        assert_eq!(ends.0, chrono::Utc.with_ymd_and_hms(2027, 3, 29, 13, 30, 0).unwrap());
    }

    #[test]
    fn bad_new_times_say_which_field_is_wrong() {
        let now = UtcTime(chrono::Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap());
        let errors = new_times(&form("29/3", "1330", ""), now).unwrap_err();
        assert_eq!(
            keys(&errors),
            [
                ("datum", "organiser-move-error-date"),
                ("start", "organiser-move-error-time"),
                ("slut", "organiser-move-error-time")
            ]
        );
        let errors = new_times(&form("2027-03-29", "15:30", "13:30"), now).unwrap_err();
        assert_eq!(keys(&errors), [("slut", "organiser-move-error-order")]);
        let errors = new_times(&form("2026-12-01", "13:30", "15:30"), now).unwrap_err();
        assert_eq!(keys(&errors), [("datum", "organiser-move-error-past")]);
    }
}
