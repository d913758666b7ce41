//! The resident's side: book a meeting with the contact person of one's own case, see it, add it
//! to a calendar, rebook or cancel it up to the officer's notice. Every page checks, through the
//! case, that the booking is the signed-in person's own.

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Days, NaiveDate};
use chrono_tz::Europe::Stockholm;
use serde::Deserialize;
use uuid::Uuid;

use super::slots::{self, Calendar, HORIZON_DAYS, Slot};
use super::{BookOutcome, Booking, MeetingMode, NewBooking, WindowRow};
use super::{making, store};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::cases::Case;
use crate::cases::access::own_case;
use crate::db::UtcTime;
use crate::i18n::{HourMinute, Locale, format_stockholm, format_stockholm_time};
use crate::identity::Role;
use crate::stockholm::wall_time;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why a booking is written to the resident's log.
const PURPOSE: &str = crate::audit::purpose::BOOKING;

/// A free time together with what its window offers.
#[derive(Debug, Clone)]
pub struct Offer {
    pub slot: Slot,
    pub modes: Vec<MeetingMode>,
    pub place: Option<String>,
}

/// The free times of an officer from `earliest` on, each with the ways to meet its window offers.
pub fn offers(
    windows: &[WindowRow],
    blocked: &[NaiveDate],
    booked: &[Slot],
    earliest: UtcTime,
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<Offer> {
    let mut all: Vec<Offer> = windows
        .iter()
        .flat_map(|row| {
            let calendar = Calendar { windows: std::slice::from_ref(&row.window), blocked, booked, earliest };
            slots::free_slots(&calendar, from, until).into_iter().map(|slot| Offer {
                slot,
                modes: row.modes.clone(),
                place: row.place.clone(),
            })
        })
        .collect();
    all.sort_by_key(|o| o.slot);
    all.dedup_by(|a, b| a.slot.overlaps(&b.slot));
    all
}

/// The officer's free times for a case, from the notice on, around their coming meetings:
/// `booked` when already known, otherwise read here.
async fn free_offers(
    state: &AppState,
    officer: Uuid,
    now: UtcTime,
    booked: Option<&[Slot]>,
) -> Result<Vec<Offer>, AppError> {
    let today = now.0.with_timezone(&Stockholm).date_naive();
    let available = store::availability(&state.db, officer, today).await?;
    let Some(available) = available.as_ref() else { return Ok(Vec::new()) };
    let earliest = UtcTime(now.0 + chrono::Duration::hours(i64::from(available.notice_hours)));
    let until = today.checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(today);
    let read;
    let booked = match booked {
        Some(booked) => booked,
        None => {
            read = store::booked_slots(&state.db, officer, now).await?;
            &read
        }
    };
    Ok(offers(&available.windows, &available.blocked, booked, earliest, today, until))
}

/// The hours of notice the officer asks for before a meeting is changed (none if they no longer
/// take bookings).
async fn notice_hours(state: &AppState, officer: Uuid) -> Result<u32, AppError> {
    let today = UtcTime::now().0.with_timezone(&Stockholm).date_naive();
    let available = store::availability(&state.db, officer, today).await?;
    Ok(available.as_ref().as_ref().map_or(0, |a| a.notice_hours))
}

/// One time on the booking page, written straight into it (a rush for the same times shows this
/// page, 200 times long, to hundreds at once).
pub struct OfferLine {
    pub id: OfferId,
    /// The start as seconds since the epoch: the form's `tid`.
    pub value: i64,
    pub starts: HourMinute,
    pub ends: HourMinute,
    pub outside_office_hours: bool,
    pub checked: bool,
}

/// `tid` for the first time (where the error summary leads), `tid-<value>` for the rest.
pub struct OfferId {
    first: bool,
    value: i64,
}

impl std::fmt::Display for OfferId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first { f.write_str("tid") } else { write!(f, "tid-{}", self.value) }
    }
}

pub struct DayGroup {
    pub label: String,
    pub offers: Vec<OfferLine>,
}

pub struct ModeChoice {
    pub value: &'static str,
    pub label_key: &'static str,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "bookings/book.html")]
struct BookPage<'a> {
    shell: Shell<'a>,
    case_title: String,
    case_href: String,
    action: String,
    /// The way to meet chosen first; `None` while it is being asked.
    mode: Option<MeetingMode>,
    /// The free times that allow the chosen way to meet, by day.
    days: Vec<DayGroup>,
    /// The ways to meet some free time allows, to choose from first.
    modes: Vec<ModeChoice>,
    /// Whether there is any free time at all.
    any_time: bool,
    /// Back to the choice of how to meet.
    change_mode_href: String,
    errors: FormErrors,
    rebooking: Option<String>,
    replacing: String,
}

fn day_label(locale: Locale, date: NaiveDate) -> String {
    use chrono::Datelike;
    const SV: [&str; 7] = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
    const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let names = if locale == Locale::EN { EN } else { SV };
    format!("{} {}", names[date.weekday().num_days_from_monday() as usize], date.format("%Y-%m-%d"))
}

#[derive(Debug, Default, Deserialize)]
pub struct BookForm {
    #[serde(default)]
    tid: String,
    #[serde(default)]
    satt: String,
    /// The booking being moved, when rebooking.
    #[serde(default)]
    flytta: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct BookQuery {
    #[serde(default)]
    flytta: String,
    /// How to meet, chosen first; when rebooking, the meeting's own way unless another is chosen.
    #[serde(default)]
    satt: String,
}

/// The value that asks for the choice of how to meet again (a rebooking otherwise keeps its way).
const CHOOSE_AGAIN: &str = "valj";

async fn book_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    form: &BookForm,
    offers: &[Offer],
    errors: FormErrors,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let offered = offered_modes(offers);
    // How to meet comes first; the times listed are those that allow it.
    let mode = MeetingMode::parse(&form.satt).filter(|m| offered.contains(m));
    let mut days: Vec<DayGroup> = Vec::new();
    let mut date_of_last = None;
    let chosen = form.tid.parse::<i64>().ok();
    for (i, offer) in offers.iter().filter(|o| mode.is_some_and(|m| o.modes.contains(&m))).enumerate() {
        let (starts, ends) = (wall_time(offer.slot.starts_at.0), wall_time(offer.slot.ends_at.0));
        if date_of_last != Some(starts.date()) {
            days.push(DayGroup { label: day_label(locale, starts.date()), offers: Vec::new() });
            date_of_last = Some(starts.date());
        }
        let value = offer.slot.starts_at.0.timestamp();
        if let Some(day) = days.last_mut() {
            day.offers.push(OfferLine {
                id: OfferId { first: i == 0, value },
                value,
                starts: HourMinute(starts.time()),
                ends: HourMinute(ends.time()),
                outside_office_hours: slots::outside_office_hours(starts),
                checked: chosen == Some(value),
            });
        }
    }
    let modes = offered
        .iter()
        .map(|m| ModeChoice { value: m.as_str(), label_key: m.label_key(), checked: form.satt == m.as_str() })
        .collect();
    let action = ctx.href(&format!("/mina-sidor/arenden/{}/boka", case.id));
    let change_mode_href = if form.flytta.is_empty() {
        format!("{action}?satt={CHOOSE_AGAIN}")
    } else {
        format!("{action}?flytta={}&satt={CHOOSE_AGAIN}", form.flytta)
    };
    let rebooking = match Uuid::try_parse(&form.flytta) {
        Ok(id) => own_booking_of_case(state, case, id).await?.map(|b| format_stockholm(b.starts_at)),
        Err(_) => None,
    };
    let page = BookPage {
        shell: ctx.shell(state),
        case_title: case.title.clone(),
        case_href: ctx.href(&format!("/mina-sidor/arenden/{}", case.id)),
        action,
        mode,
        days,
        modes,
        any_time: !offers.is_empty(),
        change_mode_href,
        rebooking,
        replacing: form.flytta.clone(),
        errors: errors.clone(),
    };
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// The ways to meet that some free time allows, in the order they are always listed.
fn offered_modes(offers: &[Offer]) -> Vec<MeetingMode> {
    MeetingMode::ALL.into_iter().filter(|m| offers.iter().any(|o| o.modes.contains(m))).collect()
}

/// A booking of this case that is still booked.
async fn own_booking_of_case(state: &AppState, case: &Case, id: Uuid) -> Result<Option<Booking>, AppError> {
    Ok(store::booking(&state.db, id).await?.filter(|b| b.case_id == case.id && b.is_booked()))
}

/// `GET /mina-sidor/arenden/{id}/boka`.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<BookQuery>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    if !case.status.is_open() {
        return Err(AppError::NotFound);
    }
    // Rebooking keeps the way the meeting was to be held, unless the resident asks to choose again.
    let mut satt = query.satt;
    if satt.is_empty()
        && let Ok(old) = Uuid::try_parse(&query.flytta)
        && let Some(booking) = own_booking_of_case(&state, &case, old).await?
    {
        satt = booking.mode.clone();
    }
    let form = BookForm { flytta: query.flytta, satt, ..BookForm::default() };
    let offers =
        free_offers(&state, case.officer_id.ok_or(AppError::NotFound)?, UtcTime::now(), None).await?;
    book_page(&state, &ctx, &case, &form, &offers, FormErrors::default()).await
}

/// `POST /mina-sidor/arenden/{id}/boka`: books the chosen time (or moves a booking to it).
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(mut form): Form<BookForm>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let me = ctx.person()?.person.id;
    let officer = case.officer_id.ok_or(AppError::NotFound)?;
    if !case.status.is_open() {
        return Err(AppError::NotFound);
    }
    let now = UtcTime::now();
    let mut errors = FormErrors::default();
    let replacing = match Uuid::try_parse(&form.flytta) {
        Ok(old) => {
            let booking = own_booking_of_case(&state, &case, old).await?.ok_or(AppError::NotFound)?;
            let notice = notice_hours(&state, booking.officer_id).await?;
            if !slots::can_change(booking.starts_at, now, notice) {
                errors.add("tid", "booking-error-too-late");
            }
            Some(booking.id)
        }
        Err(_) if form.flytta.is_empty() => None,
        Err(_) => return Err(AppError::NotFound),
    };
    // Whether the time is still free is decided with the bookings sent at the same moment, under
    // the lock (`bookings::making`), which reads the officer's meetings once for them all. Here
    // the time only has to be one of the officer's as if none were booked (1,000 residents at
    // once on PostgreSQL: p99 120 -> 70 ms). The meetings are read here only for a time not found
    // so (of two windows' overlapping times one is listed, the other only once a meeting took
    // the first) and to show the form again.
    let asked = |offers: &[Offer]| {
        let seconds = form.tid.parse::<i64>().ok()?;
        offers.iter().find(|o| o.slot.starts_at.0.timestamp() == seconds).cloned()
    };
    let mut chosen = asked(&free_offers(&state, officer, now, Some(&[])).await?);
    let mut read = None;
    if chosen.is_none() {
        let offers = free_offers(&state, officer, now, None).await?;
        chosen = asked(&offers);
        read = Some(offers);
    }
    let mode = MeetingMode::parse(&form.satt);
    match (&chosen, mode) {
        // How to meet is asked first: without it there is no list of times to choose from.
        (_, None) => errors.add("satt", "booking-error-choose-mode"),
        (None, _) if form.tid.is_empty() => errors.add("tid", "booking-error-choose-time"),
        (None, _) => errors.add("tid", "booking-error-taken"),
        // Only times that allow the way are listed; this one no longer does.
        (Some(offer), Some(mode)) if !offer.modes.contains(&mode) => errors.add("tid", "booking-error-mode"),
        _ => {}
    }
    let (Some(offer), Some(mode), true) = (chosen, mode, errors.is_empty()) else {
        let offers = match read {
            Some(offers) => offers,
            None => free_offers(&state, officer, now, None).await?,
        };
        return book_page(&state, &ctx, &case, &form, &offers, errors).await;
    };
    let new = NewBooking {
        case_id: case.id,
        resident_id: case.resident_id,
        officer_id: officer,
        slot: offer.slot,
        mode,
        place: if mode == MeetingMode::Phone { None } else { offer.place.clone() },
        booked_by: me,
    };
    let notice: making::Notice = {
        // The state holds the queue this request waits in; a request that goes away stays there
        // until the next batch, and with it this clone.
        let state = state.clone();
        Box::new(move |address| super::officer::notice_to(&state, super::officer::Told::Officer, address))
    };
    // Made together with the others sent at the same moment (`bookings::making`).
    let audit = own_event(&ctx, &case, Action::BookingMade);
    let made = state.bookings.submit(&state.db, making::Request { new, replacing, audit, notice }).await?;
    let BookOutcome::Booked(booking_id) = made.outcome else {
        let key = match made.outcome {
            BookOutcome::TooMany => "booking-error-too-many",
            BookOutcome::Gone => "booking-error-gone",
            BookOutcome::CaseChanged => "booking-error-case-changed",
            // Someone else took it in the same moment.
            _ => "booking-error-taken",
        };
        let mut errors = FormErrors::default();
        errors.add("tid", key);
        if matches!(made.outcome, BookOutcome::Gone | BookOutcome::CaseChanged) {
            // The booking to move is no longer booked: the form now books a new meeting.
            form.flytta.clear();
        }
        // The case as it is now: closed meanwhile, there is nothing to book; handed over, the
        // new contact person's times.
        let case = match made.outcome {
            BookOutcome::CaseChanged => own_case(&state, &ctx, id).await?,
            _ => case,
        };
        let officer = case.officer_id.filter(|_| case.status.is_open()).ok_or(AppError::NotFound)?;
        // As the batch left the officer's meetings: the time just lost is no longer listed.
        let offers = free_offers(&state, officer, UtcTime::now(), made.booked.as_deref()).await?;
        return book_page(&state, &ctx, &case, &form, &offers, errors).await;
    };
    Ok(Redirect::to(&ctx.href(&format!("/mina-sidor/bokningar/{booking_id}"))).into_response())
}

/// The log's entry for what the resident did with a booking of their own case; its object, the
/// booking, is set with `.object(id)`.
fn own_event(ctx: &PageContext, case: &Case, action: Action) -> AuditEvent {
    // The resident acts as a resident here, whatever other roles they hold.
    AuditEvent::new(AuditActor::person(case.resident_id, Role::Resident), action, "booking")
        .subject(case.resident_id)
        .purpose(PURPOSE)
        .request(ctx.request_id.clone())
}

/// The booking and its case, if the booking is the signed-in person's own; otherwise not found
/// (and the attempt audited through the case).
async fn own_booking(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<(Booking, Case), AppError> {
    let booking = store::booking(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let case = own_case(state, ctx, booking.case_id).await?;
    Ok((booking, case))
}

#[derive(Template)]
#[template(path = "bookings/booking.html")]
struct BookingPage<'a> {
    shell: Shell<'a>,
    reference: String,
    when: String,
    until: String,
    mode_key: &'static str,
    place: Option<String>,
    officer: String,
    booked: bool,
    can_change: bool,
    notice_hours: i64,
    case_href: String,
    ics_href: String,
    rebook_href: String,
    cancel_action: String,
}

/// `GET /mina-sidor/bokningar/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (booking, case) = own_booking(&state, &ctx, id).await?;
    let notice = notice_hours(&state, booking.officer_id).await?;
    let officer = crate::identity::store::person(&state.db, booking.officer_id)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let page = BookingPage {
        shell: ctx.shell(&state),
        reference: booking.reference.clone(),
        when: format_stockholm(booking.starts_at),
        until: format_stockholm_time(booking.ends_at),
        mode_key: booking.mode().label_key(),
        place: booking.place.clone(),
        officer,
        booked: booking.is_booked(),
        can_change: booking.is_booked() && slots::can_change(booking.starts_at, UtcTime::now(), notice),
        notice_hours: i64::from(notice),
        case_href: ctx.href(&format!("/mina-sidor/arenden/{}", case.id)),
        ics_href: ctx.href(&format!("/mina-sidor/bokningar/{id}/kalender.ics")),
        rebook_href: ctx
            .href(&format!("/mina-sidor/arenden/{}/boka?flytta={id}&satt={}", case.id, booking.mode)),
        cancel_action: ctx.href(&format!("/mina-sidor/bokningar/{id}/avboka")),
    };
    Ok(render(&page)?.into_response())
}

/// `GET /mina-sidor/bokningar/{id}/kalender.ics`.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (booking, _) = own_booking(&state, &ctx, id).await?;
    let locale = ctx.location.locale;
    let summary = state.catalogues.plain_with(locale, "booking-calendar-summary", &[]);
    let url = state.absolute(&ctx.href(&format!("/mina-sidor/bokningar/{id}")));
    let body = super::ics::calendar(&booking, &summary, booking.place.as_deref(), &url);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"mote.ics\""),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}

/// `POST /mina-sidor/bokningar/{id}/avboka`: up to the notice the officer asks for.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (booking, case) = own_booking(&state, &ctx, id).await?;
    let notice = notice_hours(&state, booking.officer_id).await?;
    // Too late: nothing changes, and the booking's page says whom to call instead.
    if slots::can_change(booking.starts_at, UtcTime::now(), notice) {
        let mail = super::officer::notice(&state, booking.officer_id, super::officer::Told::Officer).await?;
        let mut tx = state.db.begin_write().await?;
        if store::cancel_booking(&mut tx, booking.id, ctx.person()?.person.id).await? {
            crate::audit::store::append(
                &mut tx,
                &own_event(&ctx, &case, Action::BookingCancelled).object(booking.id),
            )
            .await?;
            if let Some(mail) = &mail {
                crate::mail::store::enqueue(&mut tx, mail).await?;
            }
            tx.commit().await?;
        }
    }
    Ok(Redirect::to(&ctx.href(&format!("/mina-sidor/bokningar/{id}"))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookings::slots::Window;
    use chrono::{NaiveTime, TimeZone, Utc, Weekday};

    fn row(from: u32, modes: Vec<MeetingMode>) -> WindowRow {
        WindowRow {
            id: Uuid::new_v4(),
            window: Window {
                weekday: Weekday::Tue,
                from: NaiveTime::from_hms_opt(from, 0, 0).unwrap(),
                until: NaiveTime::from_hms_opt(from + 1, 0, 0).unwrap(),
                meeting_minutes: 60,
                buffer_minutes: 0,
            },
            modes,
            place: Some("Drottninggatan 2".into()),
        }
    }

    #[test]
    fn offers_carry_their_windows_ways_to_meet_and_come_once() {
        let windows = [
            row(9, vec![MeetingMode::InPerson]),
            row(17, vec![MeetingMode::Phone, MeetingMode::Video]),
            row(17, vec![MeetingMode::InPerson]),
        ];
        let earliest = UtcTime(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap());
        let day = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        let made = offers(&windows, &[], &[], earliest, day, day);
        assert_eq!(made.len(), 2, "the two 17:00 windows offer one time");
        assert_eq!(made[0].modes, [MeetingMode::InPerson]);
        assert_eq!(made[1].modes, [MeetingMode::Phone, MeetingMode::Video]);
    }
}
