//! The case officer's side: the weekly windows they can be booked in (evenings and weekends
//! too, if they choose), dates they are away, their coming meetings, and cancelling a meeting
//! (the resident is told). Each officer manages their own times; a booking is cancelled through
//! its case, so only staff of the case's unit can.

use crate::web::form::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;
use uuid::Uuid;

use super::MeetingMode;
use super::slots::Window;
use super::store;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::cases::access::worked_case;
use crate::cases::contact::PhoneHoursForm;
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm, format_stockholm_time};
use crate::mail::Email;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID, all_values, first_value};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Hours of notice a new officer asks for before a meeting can no longer be changed online.
pub const DEFAULT_NOTICE_HOURS: u32 = 24;

/// The log's actor for work on a case's meetings: the officer, as staff of the case's unit.
fn officer_actor(me: Uuid, case: &crate::cases::Case) -> AuditActor {
    AuditActor {
        person_id: Some(me),
        role: crate::identity::Role::Staff.as_str().into(),
        unit_id: Some(case.unit_id),
    }
}

/// Who a booking notice goes to: it sends each where they see their meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// The resident, to My pages.
    Resident,
    /// The officer, to their bookable times and coming meetings (officers do not use My pages).
    Officer,
}

impl Told {
    fn key(self) -> &'static str {
        match self {
            Told::Resident => "mail-booking-changed",
            Told::Officer => "mail-booking-changed-officer",
        }
    }

    fn path(self) -> &'static str {
        match self {
            Told::Resident => "/mina-sidor",
            Told::Officer => "/handlaggare/tider",
        }
    }
}

/// The notice to a person that something changed in a booking: never what or when, only where
/// to look (an e-mail can be read by others). `None` when they cannot be reached. The action
/// queues it in its own transaction.
pub async fn notice(state: &AppState, person: Uuid, told: Told) -> Result<Option<Email>, AppError> {
    let address = crate::identity::store::mail_address(&state.db, person).await?;
    Ok(address.map(|address| notice_to(state, told, address)))
}

/// The notice of [`notice`], to an address and language already read.
pub fn notice_to(state: &AppState, told: Told, (to, locale): (String, Locale)) -> Email {
    let link = state.absolute(&locale.href(told.path()));
    let args = [("link", link.into())];
    let key = told.key();
    Email {
        to,
        subject: state.catalogues.plain_with(locale, &format!("{key}-subject"), &args),
        body: state.catalogues.plain_with(locale, &format!("{key}-body"), &args),
    }
}

pub struct WindowLine {
    pub id: String,
    pub weekday_key: String,
    pub from: String,
    pub until: String,
    pub meeting_minutes: i64,
    pub buffer_minutes: i64,
    pub mode_keys: Vec<&'static str>,
    pub place: Option<String>,
}

pub struct BookingLine {
    pub when: String,
    pub until: String,
    pub mode_key: &'static str,
    pub case_href: String,
    pub cancel_action: String,
}

/// The add-window form as typed.
#[derive(Debug, Default, Deserialize)]
pub struct WindowForm {
    #[serde(default)]
    veckodag: String,
    #[serde(default)]
    fran: String,
    #[serde(default)]
    till: String,
    #[serde(default)]
    langd: String,
    #[serde(default)]
    mellanrum: String,
    #[serde(default)]
    plats: String,
}

#[derive(Template)]
#[template(path = "bookings/availability.html")]
struct AvailabilityPage<'a> {
    shell: Shell<'a>,
    windows: Vec<WindowLine>,
    blocked: Vec<String>,
    bookings: Vec<BookingLine>,
    errors: FormErrors,
    form: WindowForm,
    weekdays: Vec<Choice>,
    mode_choices: Vec<Choice>,
    /// When the officer answers the telephone, as stored or as just typed.
    phone: PhoneHoursForm,
    phone_days: Vec<Choice>,
}

/// An option of a select or a checkbox, with whether it is chosen.
pub struct Choice {
    pub value: String,
    pub label_key: String,
    pub checked: bool,
}

async fn page(
    state: &AppState,
    ctx: &PageContext,
    errors: FormErrors,
    form: WindowForm,
    chosen_modes: Vec<String>,
    phone: Option<PhoneHoursForm>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let phone = match phone {
        Some(typed) => typed,
        None => crate::cases::store::phone_hours(&state.db, me)
            .await?
            .map(|hours| PhoneHoursForm::from_hours(&hours))
            .unwrap_or_default(),
    };
    let now = UtcTime::now();
    let today = crate::stockholm::date_of(now.0);
    let windows = store::booking_windows(&state.db, me)
        .await?
        .into_iter()
        .map(|row| WindowLine {
            id: row.id.to_string(),
            weekday_key: format!("directory-weekday-{}", row.window.weekday.number_from_monday()),
            from: row.window.from.format("%H:%M").to_string(),
            until: row.window.until.format("%H:%M").to_string(),
            meeting_minutes: i64::from(row.window.meeting_minutes),
            buffer_minutes: i64::from(row.window.buffer_minutes),
            mode_keys: row.modes.iter().map(|m| m.label_key()).collect(),
            place: row.place,
        })
        .collect();
    let blocked =
        store::blocked_booking_dates(&state.db, me, today).await?.iter().map(|d| d.to_string()).collect();
    let coming = store::officer_bookings(&state.db, me, now).await?;
    // The list names no one, but links each resident's case: it is a read of their data.
    for booking in &coming {
        let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::BookingsListed, "booking")
            .object(booking.id)
            .subject(booking.resident_id)
            .purpose(crate::audit::purpose::OFFICER_MEETINGS)
            .request(ctx.request_id.clone());
        crate::audit::store::record(&state.db, &event).await?;
    }
    let bookings = coming
        .into_iter()
        .map(|b| BookingLine {
            when: format_stockholm(b.starts_at),
            until: format_stockholm_time(b.ends_at),
            mode_key: b.mode().label_key(),
            case_href: ctx.href(&format!("/handlaggare/arenden/{}", b.case_id)),
            cancel_action: ctx.href(&format!("/handlaggare/bokningar/{}/avboka", b.id)),
        })
        .collect();
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = AvailabilityPage {
        shell: ctx.shell(state),
        windows,
        blocked,
        bookings,
        errors,
        weekdays: (1..=7)
            .map(|day: u8| Choice {
                value: day.to_string(),
                label_key: format!("directory-weekday-{day}"),
                checked: form.veckodag == day.to_string(),
            })
            .collect(),
        mode_choices: MeetingMode::ALL
            .iter()
            .map(|m| Choice {
                value: m.as_str().to_string(),
                label_key: m.label_key().to_string(),
                checked: chosen_modes.iter().any(|c| c == m.as_str()),
            })
            .collect(),
        form,
        phone_days: (1..=7)
            .map(|day: u8| Choice {
                value: day.to_string(),
                label_key: format!("directory-weekday-{day}"),
                checked: phone.days.iter().any(|d| *d == day.to_string()),
            })
            .collect(),
        phone,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/tider`.
pub async fn availability(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    page(&state, &ctx, FormErrors::default(), WindowForm::default(), Vec::new(), None).await
}

/// Reads the add-window form; the catalogue keys of what is wrong.
pub fn parse_window(form: &WindowForm, modes: &[String]) -> Result<(Window, Vec<MeetingMode>), FormErrors> {
    let mut errors = FormErrors::default();
    let weekday = form
        .veckodag
        .parse::<u8>()
        .ok()
        .filter(|d| (1..=7).contains(d))
        .and_then(|d| Weekday::try_from(d - 1).ok());
    let from = NaiveTime::parse_from_str(form.fran.trim(), "%H:%M").ok();
    let until = NaiveTime::parse_from_str(form.till.trim(), "%H:%M").ok();
    let length = form.langd.trim().parse::<u32>().ok();
    let buffer =
        if form.mellanrum.trim().is_empty() { Some(0) } else { form.mellanrum.trim().parse::<u32>().ok() };
    let modes: Vec<MeetingMode> = modes.iter().filter_map(|m| MeetingMode::parse(m)).collect();
    if weekday.is_none() {
        errors.add("veckodag", "availability-error-weekday");
    }
    if from.is_none() {
        errors.add("fran", "availability-error-time");
    }
    if until.is_none() {
        errors.add("till", "availability-error-time");
    }
    if length.is_none() {
        errors.add("langd", "availability-error-length");
    }
    if buffer.is_none() {
        errors.add("mellanrum", "availability-error-buffer");
    }
    if modes.is_empty() {
        errors.add("satt-in_person", "availability-error-modes");
    }
    let window = match (weekday, from, until, length, buffer) {
        (Some(weekday), Some(from), Some(until), Some(meeting_minutes), Some(buffer_minutes)) => {
            let window = Window { weekday, from, until, meeting_minutes, buffer_minutes };
            if let Err(problem) = window.validate() {
                let field = match problem {
                    super::slots::WindowProblem::Order => "till",
                    super::slots::WindowProblem::Length => "langd",
                    super::slots::WindowProblem::Buffer => "mellanrum",
                };
                errors.add(field, problem.key());
            }
            Some(window)
        }
        _ => None,
    };
    let (Some(window), true) = (window, errors.is_empty()) else { return Err(errors) };
    Ok((window, modes))
}

/// `POST /handlaggare/tider`: adds a weekly window.
pub async fn add_window(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let value = |key: &str| first_value(&pairs, key);
    let form = WindowForm {
        veckodag: value("veckodag"),
        fran: value("fran"),
        till: value("till"),
        langd: value("langd"),
        mellanrum: value("mellanrum"),
        plats: value("plats"),
    };
    let modes: Vec<String> = all_values(&pairs, "satt");
    let checked = parse_window(&form, &modes).and_then(|parsed| {
        // The place goes into calendar files: no line breaks or other control characters.
        if form.plats.chars().any(char::is_control) || form.plats.chars().count() > 300 {
            let mut errors = FormErrors::default();
            errors.add("plats", "availability-error-place");
            return Err(errors);
        }
        Ok(parsed)
    });
    match checked {
        Ok((window, chosen)) => {
            let place = Some(form.plats.trim()).filter(|p| !p.is_empty());
            let mut tx = state.db.begin_write().await?;
            store::ensure_booking_officer(&mut tx, me, DEFAULT_NOTICE_HOURS).await?;
            store::add_booking_window(&mut tx, me, &window, &chosen, place).await?;
            tx.commit().await?;
            Ok(Redirect::to(&ctx.href("/handlaggare/tider")).into_response())
        }
        Err(errors) => page(&state, &ctx, errors, form, modes, None).await,
    }
}

/// `POST /handlaggare/tider/{id}/ta-bort`: removes one of the person's own windows (booked
/// meetings stay).
pub async fn remove_window(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    store::remove_booking_window(&state.db, me, id).await?;
    Ok(Redirect::to(&ctx.href("/handlaggare/tider")).into_response())
}

/// `POST /handlaggare/tider/telefon`: when the officer answers the telephone, shown to the residents
/// they are contact person for (and, outside those hours, whom to call instead).
pub async fn set_phone_hours(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let value = |key: &str| first_value(&pairs, key);
    let typed = PhoneHoursForm {
        phone: value("telefon"),
        days: all_values(&pairs, "telefondag"),
        from: value("telefon-fran"),
        until: value("telefon-till"),
    };
    match typed.parse() {
        Ok(hours) => {
            let mut tx = state.db.begin_write().await?;
            crate::cases::store::set_phone_hours(&mut tx, me, &hours).await?;
            tx.commit().await?;
            Ok(Redirect::to(&ctx.href("/handlaggare/tider")).into_response())
        }
        Err(problems) => {
            let mut errors = FormErrors::default();
            for (field, key) in problems {
                errors.add(field, key);
            }
            page(&state, &ctx, errors, WindowForm::default(), Vec::new(), Some(typed)).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct BlockForm {
    #[serde(default)]
    datum: String,
}

/// `POST /handlaggare/tider/blockera`: a date the person does not meet anyone.
pub async fn block_date(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<BlockForm>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let Ok(date) = NaiveDate::parse_from_str(form.datum.trim(), "%Y-%m-%d") else {
        let mut errors = FormErrors::default();
        errors.add("datum", "availability-error-date");
        return page(&state, &ctx, errors, WindowForm::default(), Vec::new(), None).await;
    };
    let mut tx = state.db.begin_write().await?;
    store::ensure_booking_officer(&mut tx, me, DEFAULT_NOTICE_HOURS).await?;
    store::block_booking_date(&mut tx, me, date).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/handlaggare/tider")).into_response())
}

/// `POST /handlaggare/bokningar/{id}/avboka`: the officer cancels; the resident is told.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let booking = store::booking(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let case = worked_case(&state, &ctx, booking.case_id).await?;
    let me = ctx.person()?.person.id;
    // A meeting that has begun stays as it was.
    if booking.starts_at > UtcTime::now() {
        let notice = notice(&state, case.resident_id, Told::Resident).await?;
        let mut tx = state.db.begin_write().await?;
        if store::cancel_booking(&mut tx, booking.id, me).await? {
            let event = AuditEvent::new(officer_actor(me, &case), Action::BookingCancelled, "booking")
                .object(booking.id)
                .subject(case.resident_id)
                .purpose(crate::audit::purpose::CASE_WORK)
                .request(ctx.request_id.clone());
            crate::audit::store::append(&mut tx, &event).await?;
            if let Some(notice) = &notice {
                crate::mail::store::enqueue(&mut tx, notice).await?;
            }
            tx.commit().await?;
        }
    }
    Ok(Redirect::to(&ctx.href(&format!("/handlaggare/arenden/{}", case.id))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(veckodag: &str, fran: &str, till: &str, langd: &str) -> WindowForm {
        WindowForm {
            veckodag: veckodag.into(),
            fran: fran.into(),
            till: till.into(),
            langd: langd.into(),
            mellanrum: String::new(),
            plats: String::new(),
        }
    }

    fn fields(errors: &FormErrors) -> Vec<&str> {
        errors.items().iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_window_form_is_read_or_says_what_is_wrong() {
        let phone = vec!["phone".to_string()];
        let (window, modes) = parse_window(&form("2", "17:00", "19:00", "45"), &phone).unwrap();
        assert_eq!(window.weekday, Weekday::Tue);
        assert_eq!(modes, [MeetingMode::Phone]);
        let errors = parse_window(&form("8", "17", "", "x"), &[]).unwrap_err();
        assert_eq!(fields(&errors), ["veckodag", "fran", "till", "langd", "satt-in_person"]);
        let errors = parse_window(&form("2", "19:00", "17:00", "45"), &[]).unwrap_err();
        assert_eq!(fields(&errors), ["satt-in_person", "till"], "every problem at once");
        let errors = parse_window(&form("2", "19:00", "17:00", "45"), &phone).unwrap_err();
        assert_eq!(fields(&errors), ["till"]);
        let errors = parse_window(&form("2", "17:00", "17:30", "45"), &phone).unwrap_err();
        assert_eq!(fields(&errors), ["langd"]);
    }
}
