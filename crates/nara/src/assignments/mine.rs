//! The engaged person's pages (`/mina-uppdrag`): their assignments with what they will be paid
//! (approved, and not yet approved), and per assignment the hours by day, logged, changed or
//! removed until the coordinator approves them.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, Assignment, Hours};
use super::{MAX_NOTE, access, amount_ore, day_problem, hours_text, quarters_of};
use crate::audit::Action;
use crate::grants::money::{format_kronor, total};
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// What an assignment's hours come to: approved, and waiting for approval.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pay {
    pub approved_ore: i64,
    pub waiting_ore: i64,
    pub quarters: i64,
}

impl Pay {
    pub fn of(rate_ore: i64, hours: &[Hours]) -> anyhow::Result<Pay> {
        let amount = |h: &Hours| {
            amount_ore(i64::from(h.quarters), rate_ore).ok_or_else(|| anyhow::anyhow!("an amount overflows"))
        };
        let (approved, waiting): (Vec<&Hours>, Vec<&Hours>) =
            hours.iter().partition(|h| h.approved_at.is_some());
        let sum = |rows: Vec<&Hours>| -> anyhow::Result<i64> {
            total(rows.into_iter().map(amount).collect::<anyhow::Result<Vec<i64>>>()?)
                .ok_or_else(|| anyhow::anyhow!("a sum overflows"))
        };
        Ok(Pay {
            approved_ore: sum(approved)?,
            waiting_ore: sum(waiting)?,
            quarters: hours.iter().map(|h| i64::from(h.quarters)).sum(),
        })
    }
}

/// An assignment as its person's lists show it.
pub struct AssignmentLine {
    pub href: String,
    pub kind_key: &'static str,
    pub description: String,
    pub dates: String,
    pub rate: String,
    pub hours: String,
    pub approved: String,
    pub waiting: String,
}

impl AssignmentLine {
    fn of(href: String, a: &Assignment, pay: Pay) -> Self {
        Self {
            href,
            kind_key: a.kind.label_key(),
            description: a.description.clone(),
            dates: format!("{} – {}", a.starts_on, a.ends_on),
            rate: format_kronor(a.hourly_rate_ore),
            hours: hours_text(pay.quarters),
            approved: format_kronor(pay.approved_ore),
            waiting: format_kronor(pay.waiting_ore),
        }
    }
}

#[derive(Template)]
#[template(path = "assignments/mine.html")]
struct MinePage<'a> {
    shell: Shell<'a>,
    assignments: Vec<AssignmentLine>,
    approved: String,
    waiting: String,
}

/// `GET /mina-uppdrag`: every assignment of the signed-in person, with what it comes to.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let mut lines = Vec::new();
    let mut all = Pay::default();
    for a in store::assignments_of(&state.db, me).await? {
        let pay = Pay::of(a.hourly_rate_ore, &store::hours_of(&state.db, a.id).await?)?;
        all.approved_ore = all.approved_ore.saturating_add(pay.approved_ore);
        all.waiting_ore = all.waiting_ore.saturating_add(pay.waiting_ore);
        lines.push(AssignmentLine::of(ctx.href(&format!("/mina-uppdrag/{}", a.id)), &a, pay));
    }
    let page = MinePage {
        shell: ctx.shell(&state),
        assignments: lines,
        approved: format_kronor(all.approved_ore),
        waiting: format_kronor(all.waiting_ore),
    };
    Ok(render(&page)?.into_response())
}

/// A day's hours on the assignment page.
pub struct HoursLine {
    pub day: String,
    pub hours: String,
    pub note: String,
    pub amount: String,
    pub approved: bool,
}

/// What the hours form holds.
#[derive(Deserialize, Default, Clone)]
pub struct HoursForm {
    #[serde(default)]
    day: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "assignments/assignment.html")]
struct AssignmentPage<'a> {
    shell: Shell<'a>,
    line: AssignmentLine,
    hours: Vec<HoursLine>,
    action: String,
    delete_action: String,
    back: String,
    form: HoursForm,
    errors: FormErrors,
    notice: Option<&'static str>,
}

impl AssignmentPage<'_> {
    fn minutes_selected(&self, value: &str) -> bool {
        self.form.minutes == value || (self.form.minutes.is_empty() && value == "0")
    }
}

async fn assignment_page(
    state: &AppState,
    ctx: &PageContext,
    found: &Assignment,
    form: HoursForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let hours = store::hours_of(&state.db, found.id).await?;
    let pay = Pay::of(found.hourly_rate_ore, &hours)?;
    let base = format!("/mina-uppdrag/{}", found.id);
    let lines = hours
        .iter()
        .map(|h| HoursLine {
            day: h.worked_on.to_string(),
            hours: hours_text(i64::from(h.quarters)),
            note: h.note.clone(),
            amount: amount_ore(i64::from(h.quarters), found.hourly_rate_ore)
                .map(format_kronor)
                .unwrap_or_default(),
            approved: h.approved_at.is_some(),
        })
        .collect();
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = AssignmentPage {
        shell: ctx.shell(state),
        line: AssignmentLine::of(ctx.href(&base), found, pay),
        hours: lines,
        action: ctx.href(&base),
        delete_action: ctx.href(&format!("{base}/ta-bort")),
        back: ctx.href("/mina-uppdrag"),
        form,
        errors,
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    #[serde(default)]
    klart: String,
}

/// `GET /mina-uppdrag/{assignment}`: its hours and the form to log a day.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let found = access::own_assignment(&state, &ctx, id).await?;
    let notice = match query.klart.as_str() {
        "sparat" => Some("hours-saved"),
        "borttaget" => Some("hours-deleted"),
        _ => None,
    };
    let form = HoursForm { day: crate::stockholm::today().to_string(), ..HoursForm::default() };
    assignment_page(&state, &ctx, &found, form, FormErrors::default(), notice).await
}

/// A day as a form gives it; an error on `field` when it is not a date.
fn parse_day(text: &str, errors: &mut FormErrors, field: &'static str) -> Option<NaiveDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    if day.is_none() {
        errors.add(field, "hours-error-day");
    }
    day
}

/// `POST /mina-uppdrag/{assignment}`: a day's hours (replacing what the day had, until approved).
pub async fn log(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<HoursForm>,
) -> Result<Response, AppError> {
    let found = access::own_assignment(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let day = parse_day(&form.day, &mut errors, "day");
    if let Some(problem) =
        day.and_then(|d| day_problem(d, found.starts_on, found.ends_on, crate::stockholm::today()))
    {
        errors.add("day", problem);
    }
    let quarters = quarters_of(&form.hours, &form.minutes);
    if quarters.is_none() {
        errors.add("hours", "hours-error-hours");
    }
    let note = form.note.trim().replace("\r\n", "\n");
    if note.chars().count() > MAX_NOTE {
        errors.add("note", "hours-error-note-long");
    }
    let (Some(day), Some(quarters), true) = (day, quarters, errors.is_empty()) else {
        return assignment_page(&state, &ctx, &found, form, errors, None).await;
    };
    let mut tx = state.db.begin_write().await?;
    if !store::log_hours(&mut tx, id, day, quarters, &note).await? {
        drop(tx);
        errors.add("day", "hours-error-approved");
        return assignment_page(&state, &ctx, &found, form, errors, None).await;
    }
    let event = access::event(&ctx, Action::AssignmentHoursLogged, "assignment", id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/mina-uppdrag/{id}?klart=sparat"))).into_response())
}

#[derive(Deserialize, Default)]
pub struct DeleteForm {
    #[serde(default)]
    day: String,
}

/// `POST /mina-uppdrag/{assignment}/ta-bort`: removes a day's hours, refused once approved.
pub async fn delete(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, AppError> {
    let found = access::own_assignment(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let Some(day) = parse_day(&form.day, &mut errors, "day") else {
        return Err(AppError::BadRequest);
    };
    let mut tx = state.db.begin_write().await?;
    if !store::delete_hours(&mut tx, id, day).await? {
        drop(tx);
        if store::hours_on(&state.db, id, day).await?.is_none() {
            return Err(AppError::NotFound);
        }
        errors.add("day", "hours-error-approved");
        let form = HoursForm { day: day.to_string(), ..HoursForm::default() };
        return assignment_page(&state, &ctx, &found, form, errors, None).await;
    }
    let event = access::event(&ctx, Action::AssignmentHoursDeleted, "assignment", id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/mina-uppdrag/{id}?klart=borttaget"))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(quarters: i32, approved: bool) -> Hours {
        Hours {
            assignment_id: Uuid::nil(),
            worked_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            quarters,
            note: String::new(),
            approved_at: approved.then(crate::db::UtcTime::now),
        }
    }

    #[test]
    fn pay_is_split_into_approved_and_waiting() {
        let pay = Pay::of(15_000, &[hours(4, true), hours(11, false), hours(2, true)]).unwrap();
        assert_eq!(pay, Pay { approved_ore: 15_000 + 7_500, waiting_ore: 41_250, quarters: 17 });
        assert_eq!(Pay::of(15_000, &[]).unwrap(), Pay::default());
    }
}
