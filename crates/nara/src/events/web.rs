//! The public calendar: upcoming meetings and events, a series' page, an occurrence's page with
//! registration, the private page of a registration (view, cancel), and calendar feeds.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::atom::{self, AtomEntry};
use super::ics::{self, FeedItem};
use super::links::{registration_token, verify_registration_token};
use super::{Occurrence, Registrant, RegistrationStatus, Series};
use crate::accounts::{FormErrors, INVALID};
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm, format_stockholm_time};
use crate::identity::EmailAddress;
use crate::mail::Email;
use crate::web::AppState;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

/// An occurrence as a list or page shows it.
#[derive(Debug, Clone)]
pub struct OccurrenceLine {
    pub href: String,
    pub title: String,
    pub theme: Option<String>,
    pub when: String,
    pub until: String,
    pub cancelled: bool,
    pub places_left: i64,
    pub full: bool,
    pub has_registration: bool,
}

impl OccurrenceLine {
    pub fn new(series: &Series, occurrence: &Occurrence, ctx: &PageContext) -> Self {
        let locale = ctx.location.locale;
        Self {
            href: ctx.href(&format!("/kalender/{}/{}", series.slug, occurrence.position)),
            title: series.title(locale).to_string(),
            theme: occurrence.theme(locale).map(str::to_string),
            when: format_stockholm(occurrence.starts_at),
            until: format_stockholm_time(occurrence.ends_at),
            cancelled: occurrence.cancelled,
            places_left: i64::from(occurrence.places_left().unwrap_or(0)),
            full: occurrence.places_left() == Some(0),
            has_registration: occurrence.capacity.is_some(),
        }
    }
}

#[derive(Template)]
#[template(path = "events/calendar.html")]
struct CalendarPage<'a> {
    shell: Shell<'a>,
    lines: Vec<OccurrenceLine>,
    feed_href: String,
}

/// Finds the series of each occurrence among `series`.
fn series_of<'a>(series: &'a [Series], occurrence: &Occurrence) -> Option<&'a Series> {
    series.iter().find(|s| s.id == occurrence.series_id)
}

pub async fn calendar(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let series = state.db.public_series().await?;
    let occurrences = state.db.upcoming_occurrences(UtcTime::now(), 200).await?;
    let lines = occurrences
        .iter()
        .filter_map(|o| series_of(&series, o).map(|s| OccurrenceLine::new(s, o, &ctx)))
        .collect();
    let page = CalendarPage { shell: ctx.shell(&state), lines, feed_href: ctx.href("/kalender.ics") };
    Ok(render(&page)?.into_response())
}

async fn public_series(state: &AppState, slug: &str) -> Result<Series, AppError> {
    state.db.series_by_slug(slug).await?.filter(|s| s.public).ok_or(AppError::NotFound)
}

/// Facts shared by the series page and the occurrence page.
pub struct SeriesFacts {
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub organiser: String,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub accessibility: Option<String>,
    pub online_url: Option<String>,
    pub price: Option<String>,
    pub contact_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

impl SeriesFacts {
    fn new(series: &Series, locale: Locale) -> Self {
        Self {
            title: series.title(locale).to_string(),
            summary: series.summary(locale).to_string(),
            audience: series.audience(locale).to_string(),
            organiser: series.organiser_name.clone(),
            venue: series.venue_name.clone(),
            address: series.venue_address.clone(),
            accessibility: series.venue_accessibility(locale).map(str::to_string),
            online_url: series.online_url.clone(),
            price: series.price(locale).map(str::to_string),
            contact_name: series.contact_name.clone(),
            contact_email: series.contact_email.clone(),
            contact_phone: series.contact_phone.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "events/series.html")]
struct SeriesPage<'a> {
    shell: Shell<'a>,
    facts: SeriesFacts,
    lines: Vec<OccurrenceLine>,
    feed_href: String,
    suggest_href: Option<String>,
}

pub async fn series(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let series = public_series(&state, &slug).await?;
    let now = UtcTime::now();
    let occurrences = state.db.occurrences_of(series.id).await?;
    let lines = occurrences
        .iter()
        .filter(|o| o.ends_at > now)
        .map(|o| OccurrenceLine::new(&series, o, &ctx))
        .collect();
    let page = SeriesPage {
        shell: ctx.shell(&state),
        facts: SeriesFacts::new(&series, ctx.location.locale),
        lines,
        feed_href: ctx.href(&format!("/kalender/{slug}/kalender.ics")),
        suggest_href: series.has_themes.then(|| ctx.href(&format!("/kalender/{slug}/foresla-tema"))),
    };
    Ok(render(&page)?.into_response())
}

async fn find_occurrence(
    state: &AppState,
    slug: &str,
    position: i32,
) -> Result<(Series, Occurrence), AppError> {
    let series = public_series(state, slug).await?;
    let occurrence = state.db.occurrence_at(series.id, position).await?.ok_or(AppError::NotFound)?;
    Ok((series, occurrence))
}

#[derive(Template)]
#[template(path = "events/occurrence.html")]
struct OccurrencePage<'a> {
    shell: Shell<'a>,
    facts: SeriesFacts,
    line: OccurrenceLine,
    series_href: String,
    feed_href: String,
    action: String,
    open: bool,
    has_themes: bool,
    errors: FormErrors,
    form: RegisterForm,
    json_ld: String,
}

/// schema.org `Event` data for search engines, escaped so it cannot end the script element.
fn json_ld(series: &Series, occurrence: &Occurrence, url: &str, locale: Locale) -> String {
    let status = if occurrence.cancelled {
        "https://schema.org/EventCancelled"
    } else {
        "https://schema.org/EventScheduled"
    };
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": series.title(locale),
        "description": series.summary(locale),
        "startDate": occurrence.starts_at.0.to_rfc3339(),
        "endDate": occurrence.ends_at.0.to_rfc3339(),
        "eventStatus": status,
        "url": url,
        "organizer": { "@type": "Organization", "name": series.organiser_name },
        "location": {
            "@type": "Place",
            "name": series.venue_name,
            "address": series.venue_address,
        },
        "isAccessibleForFree": series.price_sv.is_none(),
    });
    crate::formats::script_json(&value)
}

#[derive(Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub needs: String,
}

fn occurrence_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    series: &Series,
    occurrence: &Occurrence,
    errors: FormErrors,
    form: RegisterForm,
) -> OccurrencePage<'a> {
    let locale = ctx.location.locale;
    let base = format!("/kalender/{}/{}", series.slug, occurrence.position);
    OccurrencePage {
        shell: ctx.shell(state),
        facts: SeriesFacts::new(series, locale),
        line: OccurrenceLine::new(series, occurrence, ctx),
        series_href: ctx.href(&format!("/kalender/{}", series.slug)),
        feed_href: ctx.href(&format!("{base}/kalender.ics")),
        action: ctx.href(&format!("{base}/anmalan")),
        open: occurrence.open_for_registration(UtcTime::now()),
        has_themes: series.has_themes,
        errors,
        form,
        json_ld: json_ld(series, occurrence, &state.absolute(&ctx.href(&base)), locale),
    }
}

pub async fn occurrence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = find_occurrence(&state, &slug, position).await?;
    let mut form = RegisterForm::default();
    if let Some(person) = ctx.current.actor.signed_in() {
        form.name = person.person.display_name.clone();
        form.email = person.person.email.clone().unwrap_or_default();
    }
    let page = occurrence_page(&state, &ctx, &series, &occurrence, FormErrors::default(), form);
    Ok(render(&page)?.into_response())
}

/// The confirmation or promotion e-mail, with the private link.
fn registration_mail(
    state: &AppState,
    locale: Locale,
    to: &str,
    kind: &str,
    title: &str,
    when: &str,
    link: &str,
) -> Email {
    let args = [
        ("title", title.to_string().into()),
        ("when", when.to_string().into()),
        ("link", link.to_string().into()),
    ];
    Email {
        to: to.to_string(),
        subject: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-body"), &args),
    }
}

pub async fn register(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
    Form(form): Form<RegisterForm>,
) -> Result<Response, AppError> {
    let (series, occurrence) = find_occurrence(&state, &slug, position).await?;
    let mut errors = FormErrors::default();
    if form.name.trim().is_empty() || form.name.chars().count() > 200 {
        errors.add("name", "register-error-name");
    }
    let email = EmailAddress::parse(&form.email);
    if email.is_none() {
        errors.add("email", "register-error-email");
    }
    if form.needs.chars().count() > 1000 {
        errors.add("needs", "event-error-needs");
    }
    if !occurrence.open_for_registration(UtcTime::now()) {
        errors.add("name", "event-error-closed");
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, form);
        return Ok((INVALID, render(&page)?).into_response());
    };
    let needs = form.needs.trim();
    let registrant = Registrant {
        person_id: ctx.current.actor.person_id(),
        name: form.name.trim().to_string(),
        email: email.as_str().to_string(),
        needs: (!needs.is_empty()).then(|| needs.to_string()),
        locale: ctx.location.locale,
    };
    let Some((id, status)) = state.db.register(occurrence.id, &registrant).await? else {
        return Err(AppError::NotFound);
    };
    let token = registration_token(state.secrets.key(), id);
    let link = state.absolute(&ctx.href(&format!("/anmalan/{token}")));
    let kind = if status == RegistrationStatus::Confirmed { "confirmed" } else { "waitlisted" };
    let locale = ctx.location.locale;
    let when = format_stockholm(occurrence.starts_at);
    let mail = registration_mail(&state, locale, email.as_str(), kind, series.title(locale), &when, &link);
    state.db.enqueue_mail(&mail).await?;
    Ok(Redirect::to(&ctx.href(&format!("/anmalan/{token}"))).into_response())
}

#[derive(Template)]
#[template(path = "events/registration.html")]
struct RegistrationPage<'a> {
    shell: Shell<'a>,
    line: OccurrenceLine,
    name: String,
    status_key: &'static str,
    cancel_action: String,
    can_cancel: bool,
    feed_href: String,
}

fn status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "event-status-confirmed",
        RegistrationStatus::Waitlisted => "event-status-waitlisted",
        RegistrationStatus::Cancelled => "event-status-cancelled",
    }
}

/// `GET /anmalan/{token}`: the registration behind a private link.
pub async fn registration(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = verify_registration_token(state.secrets.key(), &token).ok_or(AppError::NotFound)?;
    let registration = state.db.registration(id).await?.ok_or(AppError::NotFound)?;
    let occurrence = state.db.occurrence(registration.occurrence_id).await?.ok_or(AppError::NotFound)?;
    let series = state.db.series(occurrence.series_id).await?.ok_or(AppError::NotFound)?;
    let status = registration.status();
    let page = RegistrationPage {
        shell: ctx.shell(&state),
        line: OccurrenceLine::new(&series, &occurrence, &ctx),
        name: registration.name,
        status_key: status_key(status),
        cancel_action: ctx.href(&format!("/anmalan/{token}/avboka")),
        can_cancel: status != RegistrationStatus::Cancelled && occurrence.ends_at > UtcTime::now(),
        feed_href: ctx.href(&format!("/kalender/{}/{}/kalender.ics", series.slug, occurrence.position)),
    };
    Ok(render(&page)?.into_response())
}

/// `POST /anmalan/{token}/avboka`: cancels; the first on the waitlist gets the place and is told.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = verify_registration_token(state.secrets.key(), &token).ok_or(AppError::NotFound)?;
    if let Some(cancellation) = state.db.cancel_registration(id).await?
        && let Some(promoted) = cancellation.promoted
    {
        let occurrence = state.db.occurrence(cancellation.occurrence_id).await?.ok_or(AppError::NotFound)?;
        let series = state.db.series(occurrence.series_id).await?.ok_or(AppError::NotFound)?;
        let locale = ctx.location.locale;
        let link = state.absolute(&ctx.href(&format!(
            "/anmalan/{}",
            registration_token(state.secrets.key(), promoted.registration_id)
        )));
        let when = format_stockholm(occurrence.starts_at);
        let mail = registration_mail(
            &state,
            locale,
            &promoted.email,
            "promoted",
            series.title(locale),
            &when,
            &link,
        );
        state.db.enqueue_mail(&mail).await?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/anmalan/{token}"))).into_response())
}

fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response()
}

/// `GET /kalender.ics`: every upcoming public occurrence.
pub async fn feed_all(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let series = state.db.public_series().await?;
    let occurrences = state.db.upcoming_occurrences(UtcTime::now(), 1000).await?;
    let items: Vec<FeedItem<'_>> = occurrences
        .iter()
        .filter_map(|o| {
            let s = series_of(&series, o)?;
            Some(FeedItem {
                series: s,
                occurrence: o,
                url: state.absolute(&ctx.href(&format!("/kalender/{}/{}", s.slug, o.position))),
            })
        })
        .collect();
    let name = state.catalogues.plain_with(ctx.location.locale, "calendar-feed-name", &[]);
    Ok(calendar_response(ics::calendar(&name, &items, ctx.location.locale)))
}

/// `GET /kalender/{slug}/kalender.ics`: every occurrence of one series.
pub async fn feed_series(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let series = public_series(&state, &slug).await?;
    let occurrences = state.db.occurrences_of(series.id).await?;
    let items: Vec<FeedItem<'_>> = occurrences
        .iter()
        .map(|o| FeedItem {
            series: &series,
            occurrence: o,
            url: state.absolute(&ctx.href(&format!("/kalender/{slug}/{}", o.position))),
        })
        .collect();
    Ok(calendar_response(ics::calendar(series.title(ctx.location.locale), &items, ctx.location.locale)))
}

/// `GET /kalender/{slug}/{position}/kalender.ics`: one occurrence.
pub async fn feed_occurrence(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, position)): Path<(String, i32)>,
) -> Result<Response, AppError> {
    let (series, occurrence) = find_occurrence(&state, &slug, position).await?;
    let item = FeedItem {
        series: &series,
        occurrence: &occurrence,
        url: state.absolute(&ctx.href(&format!("/kalender/{slug}/{position}"))),
    };
    Ok(calendar_response(ics::calendar(series.title(ctx.location.locale), &[item], ctx.location.locale)))
}

/// `GET /kalender.atom`: upcoming public events as an Atom feed, for feed readers and other sites.
pub async fn feed_atom(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let series = state.db.public_series().await?;
    let now = UtcTime::now();
    let occurrences = state.db.upcoming_occurrences(now, 200).await?;
    let entries: Vec<AtomEntry> = occurrences
        .iter()
        .filter_map(|o| {
            let s = series_of(&series, o)?;
            let title = match o.theme(locale) {
                Some(theme) => format!("{} {}: {theme}", format_stockholm(o.starts_at), s.title(locale)),
                None => format!("{} {}", format_stockholm(o.starts_at), s.title(locale)),
            };
            Some(AtomEntry {
                id: format!("urn:nara:occurrence:{}", o.uid()),
                title,
                url: state.absolute(&ctx.href(&format!("/kalender/{}/{}", s.slug, o.position))),
                summary: s.summary(locale).to_string(),
                updated: o.starts_at.0,
                starts: o.starts_at.0,
            })
        })
        .collect();
    let name = state.catalogues.plain_with(locale, "calendar-feed-name", &[]);
    let body = atom::feed(
        &format!("urn:nara:calendar:{}", locale.code()),
        &name,
        &state.absolute(&ctx.href("/kalender.atom")),
        &state.absolute(&ctx.href("/kalender")),
        locale.code(),
        &entries,
        now.0,
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}
