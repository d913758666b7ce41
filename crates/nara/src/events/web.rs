//! The public calendar: upcoming meetings and events, a series' page, an occurrence's page with
//! registration, the private page of a registration (view, cancel), and calendar feeds.

use std::collections::HashMap;

use crate::web::form::{Form, Query};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use pulldown_cmark::HeadingLevel;
use serde::Deserialize;
use uuid::Uuid;

use super::atom::{self, AtomEntry};
use super::ics::{self, FeedItem};
use super::links::{registration_token, verify_registration_token};
use super::registering::{Confirmation, Outcome, Registration};
use super::store::DocumentInfo;
use super::{
    Occurrence, Promoted, Registered, Registrant, RegistrationStatus, RegistrationView, Series, notes, store,
};
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm, format_stockholm_time};
use crate::identity::EmailAddress;
use crate::mail::Email;
use crate::rate_limit;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::{PageContext, Pages};
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// An occurrence as a list or page shows it.
#[derive(Debug, Clone)]
pub struct OccurrenceLine {
    pub href: String,
    pub title: String,
    pub theme: Option<String>,
    pub when: String,
    /// The start as a clock time only (`13:30`), for the month view.
    pub start_time: String,
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
            start_time: format_stockholm_time(occurrence.starts_at),
            until: format_stockholm_time(occurrence.ends_at),
            cancelled: occurrence.cancelled,
            places_left: i64::from(occurrence.places_left().unwrap_or(0)),
            full: occurrence.places_left() == Some(0),
            has_registration: occurrence.capacity.is_some(),
        }
    }
}

/// Public series by id, for finding each occurrence's series in a feed.
fn by_id(series: &[Series]) -> HashMap<Uuid, &Series> {
    series.iter().map(|s| (s.id, s)).collect()
}

async fn public_series(state: &AppState, slug: &str) -> Result<Series, AppError> {
    store::public_series_at(&state.db, slug).await?.as_ref().clone().ok_or(AppError::NotFound)
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
    /// A page of the coming meetings.
    lines: Vec<OccurrenceLine>,
    /// Which of the coming meetings the page lists, when they take more than one page.
    shown: Option<String>,
    pages: Pages,
    feed_href: String,
    suggest_href: Option<String>,
    /// Meetings held, newest first, at most [`PAST_SHOWN`].
    past: Vec<PastMeeting>,
    /// How many are listed, when more meetings were held than that.
    past_more: Option<i64>,
}

/// How many held meetings a series page lists.
pub const PAST_SHOWN: usize = 10;

/// How many coming meetings a page of a series lists (a weekly group's half year): a list of
/// hundreds is long to read and slow to send.
pub const COMING_PER_PAGE: usize = 25;

#[derive(Deserialize)]
pub struct SeriesQuery {
    /// The page of coming meetings, from 1.
    sida: Option<String>,
}

/// A meeting that has been held, with the organiser's notes.
pub struct PastMeeting {
    pub line: OccurrenceLine,
    /// Sanitised HTML made from the organiser's Markdown, its headings under the meeting's `h3`.
    pub notes_html: Option<String>,
}

pub async fn series(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<SeriesQuery>,
) -> Result<Response, AppError> {
    let series = public_series(&state, &slug).await?;
    let now = UtcTime::now();
    let occurrences = store::public_occurrences_of(&state.db, &series).await?;
    let coming: Vec<_> = occurrences.iter().filter(|o| o.ends_at > now).collect();
    let locale = ctx.location.locale;
    let label = state.catalogues.text(locale, "calendar-pages");
    let (pages, shown) =
        Pages::of(label, query.sida.as_deref(), coming.len(), COMING_PER_PAGE, |n| match n {
            1 => ctx.href(&format!("/kalender/{slug}")),
            n => ctx.href(&format!("/kalender/{slug}?sida={n}")),
        });
    let lines: Vec<_> = coming[shown.clone()].iter().map(|o| OccurrenceLine::new(&series, o, &ctx)).collect();
    let shown = pages.is_paged().then(|| {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX).into();
        let args =
            [("from", count(shown.start + 1)), ("to", count(shown.end)), ("total", count(coming.len()))];
        state.catalogues.text_with(locale, "series-coming-shown", &args)
    });
    let held = super::held(&occurrences, now, PAST_SHOWN + 1);
    let past = held
        .iter()
        .take(PAST_SHOWN)
        .map(|o| PastMeeting {
            line: OccurrenceLine::new(&series, o, &ctx),
            notes_html: o.notes_md.as_deref().map(|md| notes::to_html_under(md, HeadingLevel::H3)),
        })
        .collect();
    let page = SeriesPage {
        shell: ctx.shell(&state),
        facts: SeriesFacts::new(&series, locale),
        lines,
        shown,
        pages,
        feed_href: ctx.href(&format!("/kalender/{slug}/kalender.ics")),
        suggest_href: series.has_themes.then(|| ctx.href(&format!("/kalender/{slug}/foresla-tema"))),
        past,
        past_more: (held.len() > PAST_SHOWN).then_some(PAST_SHOWN as i64),
    };
    Ok(render(&page)?.into_response())
}

/// A public series' meeting at `position`, from memory (the meeting page, its registration and
/// its documents).
pub(super) async fn find_occurrence(
    state: &AppState,
    slug: &str,
    position: i32,
) -> Result<(Series, Occurrence), AppError> {
    let series = public_series(state, slug).await?;
    let occurrence = store::remembered_occurrence_at(&state.db, series.id, position).await?.as_ref().clone();
    Ok((series, occurrence.ok_or(AppError::NotFound)?))
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
    agenda: Vec<String>,
    /// Sanitised HTML made from the organiser's Markdown.
    notes_html: Option<String>,
    documents: Vec<DocumentInfo>,
    base: String,
    /// How many meetings from this one on take registrations, when there are more than one.
    series_count: Option<i64>,
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
    /// `alla` registers for every coming meeting of the series from this one on.
    #[serde(default)]
    pub omfattning: String,
}

impl RegisterForm {
    fn whole_series(&self) -> bool {
        self.omfattning == "alla"
    }
}

/// The meetings from `occurrence` on that are open for registration.
fn open_from<'a>(
    occurrences: &'a [Occurrence],
    occurrence: &Occurrence,
    now: UtcTime,
) -> Vec<&'a Occurrence> {
    occurrences
        .iter()
        .filter(|o| o.starts_at >= occurrence.starts_at && o.open_for_registration(now))
        .collect()
}

async fn occurrence_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    series: &Series,
    occurrence: &Occurrence,
    errors: FormErrors,
    form: RegisterForm,
) -> Result<OccurrencePage<'a>, AppError> {
    let locale = ctx.location.locale;
    let now = UtcTime::now();
    let base = ctx.href(&format!("/kalender/{}/{}", series.slug, occurrence.position));
    let open = occurrence.open_for_registration(now);
    let series_count = if open {
        let all = store::public_occurrences_of(&state.db, series).await?;
        Some(open_from(&all, occurrence, now).len() as i64).filter(|&n| n > 1)
    } else {
        None
    };
    Ok(OccurrencePage {
        shell: ctx.shell(state),
        facts: SeriesFacts::new(series, locale),
        line: OccurrenceLine::new(series, occurrence, ctx),
        series_href: ctx.href(&format!("/kalender/{}", series.slug)),
        feed_href: format!("{base}/kalender.ics"),
        action: format!("{base}/anmalan"),
        open,
        has_themes: series.has_themes,
        errors,
        form,
        json_ld: json_ld(series, occurrence, &state.absolute(&base), locale),
        agenda: occurrence.agenda(locale).into_iter().map(str::to_string).collect(),
        notes_html: occurrence.notes_md.as_deref().map(notes::to_html),
        documents: store::event_documents(&state.db, occurrence.id).await?,
        base,
        series_count,
    })
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
    let page = occurrence_page(&state, &ctx, &series, &occurrence, FormErrors::default(), form).await?;
    Ok(render(&page)?.into_response())
}

/// The confirmation or promotion e-mail, with where to go and the private link.
fn registration_mail(
    state: &AppState,
    locale: Locale,
    to: &str,
    kind: &str,
    series: &Series,
    when: &str,
    link: &str,
) -> Email {
    let args = [
        ("title", series.title(locale).to_string().into()),
        ("when", when.to_string().into()),
        ("where", where_to_go(state, locale, series).into()),
        ("link", link.to_string().into()),
    ];
    Email {
        to: to.to_string(),
        subject: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("mail-event-{kind}-body"), &args),
    }
}

/// An e-mail's lines saying where the meeting is: the place with its address, and the link
/// when it can be joined online.
fn where_to_go(state: &AppState, locale: Locale, series: &Series) -> String {
    let place = series
        .place()
        .map(|place| state.catalogues.plain_with(locale, "mail-event-place", &[("place", place.into())]));
    let online = series
        .online_url
        .as_deref()
        .map(|url| state.catalogues.plain_with(locale, "mail-event-online", &[("url", url.into())]));
    [place, online].into_iter().flatten().collect::<Vec<_>>().join("\n")
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
        let page = occurrence_page(&state, &ctx, &series, &occurrence, errors, form).await?;
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
    let now = UtcTime::now();
    let targets: Vec<Occurrence> = if form.whole_series() {
        let all = store::occurrences_of(&state.db, series.id).await?;
        open_from(&all, &occurrence, now).into_iter().cloned().collect()
    } else {
        vec![occurrence.clone()]
    };
    let registration = Registration {
        occurrence_ids: targets.iter().map(|o| o.id).collect(),
        // Each registration sends an e-mail: one address gets a few an hour, not a flood.
        mail_bucket: (
            rate_limit::bucket("register:email", email.as_str(), state.secrets.key()),
            rate_limit::MAIL_PER_ACCOUNT,
        ),
        confirmation: confirmation(&state, ctx.location.locale, series, targets, registrant.email.clone()),
        who: registrant,
    };
    // Made together with the others sent at the same moment, with its confirmation e-mail: a
    // registration is never left without its e-mail, nor an e-mail without its registration.
    match state.registrations.submit(&state.db, registration).await? {
        Outcome::Made(made) => {
            let Some(first) = made.first() else { return Err(AppError::NotFound) };
            let token = registration_token(state.secrets.key(), first.registration_id);
            Ok(Redirect::to(&ctx.href(&format!("/anmalan/{token}"))).into_response())
        }
        Outcome::NothingOpen => Err(AppError::NotFound),
        Outcome::TooManyMails => Err(AppError::TooManyAttempts),
    }
}

/// How the confirmation e-mail is written once the registrations are made (their private link
/// names the first of them).
fn confirmation(
    state: &AppState,
    locale: Locale,
    series: Series,
    targets: Vec<Occurrence>,
    to: String,
) -> Confirmation {
    let state = state.clone();
    Box::new(move |made: &[Registered]| {
        let first = made.first().map(|r| r.registration_id).unwrap_or_default();
        let token = registration_token(state.secrets.key(), first);
        let link = state.absolute(&locale.href(&format!("/anmalan/{token}")));
        confirmation_mail(&state, locale, &series, &targets, made, &to, &link)
    })
}

/// The e-mail confirming what `made` holds: one meeting (confirmed or on the waitlist), or a
/// whole series with each meeting's status.
fn confirmation_mail(
    state: &AppState,
    locale: Locale,
    series: &Series,
    targets: &[Occurrence],
    made: &[Registered],
    to: &str,
    link: &str,
) -> Email {
    let starts = |r: &Registered| targets.iter().find(|o| o.id == r.occurrence_id).map(|o| o.starts_at);
    if let [only] = made {
        let kind = if only.status == RegistrationStatus::Confirmed { "confirmed" } else { "waitlisted" };
        let when = starts(only).map(format_stockholm).unwrap_or_default();
        return registration_mail(state, locale, to, kind, series, &when, link);
    }
    let when: Vec<String> = made
        .iter()
        .filter_map(|r| {
            let status = state.catalogues.plain_with(locale, status_key(r.status), &[]);
            Some(format!("- {}: {status}", format_stockholm(starts(r)?)))
        })
        .collect();
    registration_mail(state, locale, to, "series", series, &when.join("\n"), link)
}

/// One meeting of a registration made for a whole series.
pub struct GroupLine {
    pub line: OccurrenceLine,
    pub status_key: &'static str,
    pub cancel_action: Option<String>,
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
    /// "Add to your calendar" only while something registered for is still on.
    offer_calendar: bool,
    feed_href: String,
    /// The other meetings registered for together with this one.
    group: Vec<GroupLine>,
    cancel_all_action: Option<String>,
}

fn status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "event-status-confirmed",
        RegistrationStatus::Waitlisted => "event-status-waitlisted",
        RegistrationStatus::Cancelled => "event-status-cancelled",
    }
}

fn short_status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "organiser-status-confirmed",
        RegistrationStatus::Waitlisted => "organiser-status-waitlisted",
        RegistrationStatus::Cancelled => "organiser-status-cancelled",
    }
}

/// Whether a registration can still be cancelled.
fn cancellable(status: RegistrationStatus, occurrence: &Occurrence, now: UtcTime) -> bool {
    status != RegistrationStatus::Cancelled && occurrence.ends_at > now
}

/// Whether a registration stands for a meeting that is still on: only then is there something
/// to add to a calendar.
fn still_on(status: RegistrationStatus, occurrence: &Occurrence) -> bool {
    status != RegistrationStatus::Cancelled && !occurrence.cancelled
}

/// `GET /anmalan/{token}`: the registration behind a private link, with the other meetings
/// of the series it was made together with.
pub async fn registration(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = verify_registration_token(state.secrets.key(), &token).ok_or(AppError::NotFound)?;
    let registration = store::registration(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let occurrence =
        store::occurrence(&state.db, registration.occurrence_id).await?.ok_or(AppError::NotFound)?;
    let series = store::series(&state.db, occurrence.series_id).await?.ok_or(AppError::NotFound)?;
    let now = UtcTime::now();
    let status = registration.status();
    let mut group = Vec::new();
    let mut any_on = still_on(status, &occurrence);
    if let Some(group_id) = registration.group_id {
        for other in store::registrations_in_group(&state.db, group_id).await? {
            let Some(o) = store::occurrence(&state.db, other.occurrence_id).await? else { continue };
            any_on |= still_on(other.status(), &o);
            let other_token = registration_token(state.secrets.key(), other.id);
            group.push(GroupLine {
                line: OccurrenceLine::new(&series, &o, &ctx),
                status_key: short_status_key(other.status()),
                cancel_action: cancellable(other.status(), &o, now)
                    .then(|| ctx.href(&format!("/anmalan/{other_token}/avboka"))),
            });
        }
    }
    let open_in_group = group.iter().filter(|g| g.cancel_action.is_some()).count();
    let page = RegistrationPage {
        shell: ctx.shell(&state),
        line: OccurrenceLine::new(&series, &occurrence, &ctx),
        name: registration.name,
        status_key: status_key(status),
        cancel_action: ctx.href(&format!("/anmalan/{token}/avboka")),
        can_cancel: cancellable(status, &occurrence, now),
        offer_calendar: any_on,
        feed_href: if group.is_empty() {
            ctx.href(&format!("/kalender/{}/{}/kalender.ics", series.slug, occurrence.position))
        } else {
            ctx.href(&format!("/kalender/{}/kalender.ics", series.slug))
        },
        cancel_all_action: (open_in_group > 1).then(|| ctx.href(&format!("/anmalan/{token}/avboka-alla"))),
        group,
    };
    // A person's registration behind a private link: never kept by a shared cache.
    Ok(([(header::CACHE_CONTROL, "private, no-store")], render(&page)?).into_response())
}

/// Cancels registrations for meetings of `series`, each with its meeting, in one transaction.
/// Whenever a place goes to the first on the waitlist, their e-mail is queued in the same
/// transaction: nobody is promoted without being told.
async fn cancel_and_promote(
    state: &AppState,
    series: &Series,
    registrations: &[(Uuid, &Occurrence)],
) -> anyhow::Result<()> {
    // Meetings are locked in the order of their ids, as a batch of registrations locks them
    // (`events::registering`), so the two never wait for each other in a circle.
    let mut in_lock_order = registrations.to_vec();
    in_lock_order.sort_by_key(|(_, occurrence)| occurrence.id);
    let mut tx = state.db.begin_write().await?;
    for (id, occurrence) in in_lock_order {
        if let Some(cancellation) = store::cancel_registration(&mut tx, id).await?
            && let Some(promoted) = cancellation.promoted
        {
            crate::mail::store::enqueue(&mut tx, &promotion_mail(state, series, occurrence, &promoted))
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The good news for someone who moved from the waitlist to a place, in their language.
fn promotion_mail(state: &AppState, series: &Series, occurrence: &Occurrence, promoted: &Promoted) -> Email {
    let locale = Locale::from_code(&promoted.locale);
    let link = state.absolute(
        &locale
            .href(&format!("/anmalan/{}", registration_token(state.secrets.key(), promoted.registration_id))),
    );
    let when = format_stockholm(occurrence.starts_at);
    registration_mail(state, locale, &promoted.email, "promoted", series, &when, &link)
}

/// A registration with its meeting and series; `None` when any of them is gone.
async fn registration_with_meeting(
    state: &AppState,
    id: Uuid,
) -> anyhow::Result<Option<(RegistrationView, Occurrence, Series)>> {
    let Some(registration) = store::registration(&state.db, id).await? else { return Ok(None) };
    let Some(occurrence) = store::occurrence(&state.db, registration.occurrence_id).await? else {
        return Ok(None);
    };
    let Some(series) = store::series(&state.db, occurrence.series_id).await? else { return Ok(None) };
    Ok(Some((registration, occurrence, series)))
}

/// `POST /anmalan/{token}/avboka`.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = verify_registration_token(state.secrets.key(), &token).ok_or(AppError::NotFound)?;
    if let Some((_, occurrence, series)) = registration_with_meeting(&state, id).await? {
        cancel_and_promote(&state, &series, &[(id, &occurrence)]).await?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/anmalan/{token}"))).into_response())
}

/// `POST /anmalan/{token}/avboka-alla`: cancels every coming meeting registered for together,
/// in one transaction.
pub async fn cancel_all(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let id = verify_registration_token(state.secrets.key(), &token).ok_or(AppError::NotFound)?;
    let (registration, _, series) = registration_with_meeting(&state, id).await?.ok_or(AppError::NotFound)?;
    let group_id = registration.group_id.ok_or(AppError::NotFound)?;
    let now = UtcTime::now();
    let mut cancellable_ones = Vec::new();
    for other in store::registrations_in_group(&state.db, group_id).await? {
        let Some(o) = store::occurrence(&state.db, other.occurrence_id).await? else { continue };
        if cancellable(other.status(), &o, now) {
            cancellable_ones.push((other.id, o));
        }
    }
    let registrations: Vec<(Uuid, &Occurrence)> = cancellable_ones.iter().map(|(id, o)| (*id, o)).collect();
    cancel_and_promote(&state, &series, &registrations).await?;
    Ok(Redirect::to(&ctx.href(&format!("/anmalan/{token}"))).into_response())
}

fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response()
}

/// `GET /kalender.ics`: every upcoming public occurrence. The feed is the same for everyone in a
/// language: it is made once per change of the events (and per minute, as the list is) and kept.
pub async fn feed_all(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let now = UtcTime::now();
    let key = format!("{} {:?}", locale.code(), now.start_of_minute());
    let body = state
        .db
        .remembered("events::feed_all", key, || async {
            let public = store::public_series(&state.db).await?;
            let series = by_id(&public);
            let occurrences = store::upcoming_occurrences(&state.db, now, 1000).await?;
            let items: Vec<FeedItem<'_>> = occurrences
                .iter()
                .filter_map(|o| {
                    let s = *series.get(&o.series_id)?;
                    Some(FeedItem {
                        series: s,
                        occurrence: o,
                        url: state.absolute(&ctx.href(&format!("/kalender/{}/{}", s.slug, o.position))),
                    })
                })
                .collect();
            let name = state.catalogues.plain_with(locale, "calendar-feed-name", &[]);
            Ok(axum::body::Bytes::from(ics::calendar(&name, &items, locale)))
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body.as_ref().clone()).into_response())
}

/// `GET /kalender/{slug}/kalender.ics`: every occurrence of one series.
pub async fn feed_series(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let series = public_series(&state, &slug).await?;
    let occurrences = store::public_occurrences_of(&state.db, &series).await?;
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
    let public = store::public_series(&state.db).await?;
    let series = by_id(&public);
    let now = UtcTime::now();
    let occurrences = store::upcoming_occurrences(&state.db, now, 200).await?;
    let entries: Vec<AtomEntry> = occurrences
        .iter()
        .filter_map(|o| {
            let s = *series.get(&o.series_id)?;
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
