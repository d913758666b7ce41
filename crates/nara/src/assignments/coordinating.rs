//! The coordinator's assignments (`/samordnare/uppdrag`): a month's hours, approved day by day
//! (an approved day is locked), the month exported for payroll as CSV that Swedish Excel opens,
//! the assignments running, and the form that engages someone. Payroll identifiers are shown only
//! here and in the export, and each showing writes an audit entry per person shown.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, MonthLine, NewAssignment};
use super::{
    Kind, MAX_DESCRIPTION, MAX_PAYROLL_ID, MAX_RATE_ORE, access, amount_ore, hours_text, month_bounds,
    month_of,
};
use crate::audit::Action;
use crate::grants::money::{format_kronor, kronor_field, parse_kronor, total};
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text, optional_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Deserialize, Default)]
pub struct MonthQuery {
    #[serde(default)]
    manad: String,
    #[serde(default)]
    klart: String,
}

/// The month asked for (this month when none), as its text and bounds; 400 for a malformed one.
fn month(query: &MonthQuery) -> Result<(String, NaiveDate, NaiveDate), AppError> {
    let text =
        if query.manad.trim().is_empty() { month_of(crate::stockholm::today()) } else { query.manad.clone() };
    let (from, until) = month_bounds(&text).ok_or(AppError::BadRequest)?;
    Ok((month_of(from), from, until))
}

/// Writes one audit entry per person whose payroll identifier was shown, in one transaction,
/// before the page or file leaves.
async fn audit_payroll_reads(
    state: &AppState,
    ctx: &PageContext,
    action: Action,
    people: &BTreeSet<Uuid>,
) -> Result<(), AppError> {
    if people.is_empty() {
        return Ok(());
    }
    let mut tx = state.db.begin_write().await?;
    for person in people {
        let event = access::event(ctx, action, "payroll_id", person).subject(*person);
        crate::audit::store::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A day's hours in the coordinator's month.
pub struct DayLine {
    pub person: String,
    pub payroll_id: String,
    pub kind_key: &'static str,
    pub description: String,
    pub day: String,
    pub hours: String,
    pub amount: String,
    pub note: String,
    pub approved: bool,
    pub assignment: String,
}

fn amount(line: &MonthLine) -> Result<i64, AppError> {
    amount_ore(i64::from(line.quarters), line.hourly_rate_ore)
        .ok_or_else(|| AppError::from(anyhow::anyhow!("an amount overflows")))
}

/// An assignment running.
pub struct RunningLine {
    pub person: String,
    pub payroll_id: String,
    pub kind_key: &'static str,
    pub description: String,
    pub rate: String,
    pub dates: String,
}

/// What the engage form holds.
#[derive(Deserialize, Default, Clone)]
pub struct EngageForm {
    #[serde(default)]
    person: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    rate: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    payroll_id: String,
}

#[derive(Template)]
#[template(path = "assignments/coordinator.html")]
struct CoordinatorPage<'a> {
    shell: Shell<'a>,
    month: String,
    previous_href: String,
    next_href: String,
    csv_href: String,
    approve_action: String,
    engage_action: String,
    days: Vec<DayLine>,
    approved_total: String,
    waiting_total: String,
    running: Vec<RunningLine>,
    people: Vec<(Uuid, String)>,
    kinds: Vec<(&'static str, &'static str)>,
    form: EngageForm,
    errors: FormErrors,
    notice: Option<&'static str>,
}

async fn coordinator_page(
    state: &AppState,
    ctx: &PageContext,
    (month, from, until): (String, NaiveDate, NaiveDate),
    form: EngageForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let lines = store::month_hours(&state.db, from, until, false).await?;
    let running = store::assignments_running_since(&state.db, from).await?;
    let payroll: std::collections::HashMap<Uuid, String> =
        store::payroll_ids(&state.db).await?.into_iter().collect();
    let shown: BTreeSet<Uuid> =
        lines.iter().map(|l| l.person_id).chain(running.iter().map(|a| a.person_id)).collect();
    let (mut approved, mut waiting) = (Vec::new(), Vec::new());
    let mut days = Vec::new();
    for line in &lines {
        let amount = amount(line)?;
        if line.approved_at.is_some() {
            approved.push(amount)
        } else {
            waiting.push(amount)
        }
        days.push(DayLine {
            person: line.person_name.clone(),
            payroll_id: line.payroll_id.clone().unwrap_or_default(),
            kind_key: Kind::parse(&line.kind).unwrap_or(Kind::Other).label_key(),
            description: line.description.clone(),
            day: line.worked_on.to_string(),
            hours: hours_text(i64::from(line.quarters)),
            amount: format_kronor(amount),
            note: line.note.clone(),
            approved: line.approved_at.is_some(),
            assignment: line.assignment_id.to_string(),
        });
    }
    let sum = |amounts: Vec<i64>| total(amounts).map(format_kronor).unwrap_or_default();
    let running = running
        .iter()
        .map(|a| RunningLine {
            person: a.person_name.clone(),
            payroll_id: payroll.get(&a.person_id).cloned().unwrap_or_default(),
            kind_key: a.kind.label_key(),
            description: a.description.clone(),
            rate: format_kronor(a.hourly_rate_ore),
            dates: format!("{} – {}", a.starts_on, a.ends_on),
        })
        .collect();
    audit_payroll_reads(state, ctx, Action::PayrollIdViewed, &shown).await?;
    let month_href = |m: Option<NaiveDate>| {
        m.map(|d| ctx.href(&format!("/samordnare/uppdrag?manad={}", month_of(d)))).unwrap_or_default()
    };
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = CoordinatorPage {
        shell: ctx.shell(state),
        previous_href: month_href(from.pred_opt()),
        next_href: month_href(Some(until)),
        csv_href: ctx.href(&format!("/samordnare/uppdrag.csv?manad={month}")),
        approve_action: ctx.href("/samordnare/uppdrag/godkann"),
        engage_action: ctx.href("/samordnare/uppdrag"),
        month,
        days,
        approved_total: sum(approved),
        waiting_total: sum(waiting),
        running,
        people: store::engageable_people(&state.db).await?,
        kinds: Kind::ALL.iter().map(|k| (k.as_str(), k.label_key())).collect(),
        form,
        errors,
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /samordnare/uppdrag?manad=2026-12`.
pub async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<MonthQuery>,
) -> Result<Response, AppError> {
    let notice = match query.klart.as_str() {
        "uppdrag" => Some("assignment-created"),
        "godkant" => Some("hours-approved"),
        _ => None,
    };
    let form = EngageForm { kind: Kind::PlainReview.as_str().into(), ..EngageForm::default() };
    coordinator_page(&state, &ctx, month(&query)?, form, FormErrors::default(), notice).await
}

/// Reads the engage form: the assignment, and a payroll identifier to store (if given).
fn engagement(
    form: &EngageForm,
    people: &[(Uuid, String)],
    errors: &mut FormErrors,
) -> Option<(NewAssignment, Option<String>)> {
    let person = Uuid::parse_str(form.person.trim()).ok().filter(|p| people.iter().any(|(id, _)| id == p));
    if person.is_none() {
        errors.add("person", "assignment-error-person");
    }
    let kind = Kind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", "assignment-error-kind");
    }
    let description = bounded_text(&form.description, MAX_DESCRIPTION)
        .map_err(|p| {
            p.add_to(
                errors,
                "description",
                "assignment-error-description",
                "assignment-error-description-long",
            )
        })
        .ok();
    let rate = parse_kronor(&form.rate).filter(|r| (1..=MAX_RATE_ORE).contains(r));
    if rate.is_none() {
        errors.add("rate", "assignment-error-rate");
    }
    let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let (starts, ends) = (date(&form.starts), date(&form.ends));
    if starts.is_none() {
        errors.add("starts", "assignment-error-starts");
    }
    if ends.is_none() {
        errors.add("ends", "assignment-error-ends");
    }
    if let (Some(s), Some(e)) = (starts, ends)
        && e < s
    {
        errors.add("ends", "assignment-error-ends-before");
    }
    let payroll_id = optional_text(&form.payroll_id, MAX_PAYROLL_ID)
        .map_err(|p| {
            p.add_to(errors, "payroll_id", "assignment-error-payroll-id", "assignment-error-payroll-id")
        })
        .ok()
        .flatten();
    if !errors.is_empty() {
        return None;
    }
    let new = NewAssignment {
        person_id: person?,
        kind: kind?,
        description: description?,
        hourly_rate_ore: rate?,
        starts_on: starts?,
        ends_on: ends?,
    };
    Some((new, payroll_id))
}

/// `POST /samordnare/uppdrag`: engages a reporter or plain-language reviewer.
pub async fn engage(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<EngageForm>,
) -> Result<Response, AppError> {
    let people = store::engageable_people(&state.db).await?;
    let mut errors = FormErrors::default();
    let Some((new, payroll_id)) = engagement(&form, &people, &mut errors) else {
        let month = month(&MonthQuery::default())?;
        return coordinator_page(&state, &ctx, month, form, errors, None).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let id = store::create(&mut tx, &new, me).await?;
    let event = access::event(&ctx, Action::AssignmentCreated, "assignment", id).subject(new.person_id);
    crate::audit::store::append(&mut tx, &event).await?;
    if let Some(payroll_id) = &payroll_id {
        store::set_payroll_id(&mut tx, new.person_id, payroll_id).await?;
        let event =
            access::event(&ctx, Action::PayrollIdSet, "payroll_id", new.person_id).subject(new.person_id);
        crate::audit::store::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    let month = month_of(new.starts_on.max(crate::stockholm::today()).min(new.ends_on));
    Ok(Redirect::to(&ctx.href(&format!("/samordnare/uppdrag?manad={month}&klart=uppdrag"))).into_response())
}

#[derive(Deserialize, Default)]
pub struct ApproveForm {
    #[serde(default)]
    assignment: String,
    #[serde(default)]
    day: String,
}

/// `POST /samordnare/uppdrag/godkann`: approves a day's hours, which locks them. Nobody approves
/// their own hours.
pub async fn approve(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<ApproveForm>,
) -> Result<Response, AppError> {
    let id = Uuid::parse_str(form.assignment.trim()).map_err(|_| AppError::BadRequest)?;
    let day = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d").map_err(|_| AppError::BadRequest)?;
    let found = store::assignment(&state.db, id).await?.ok_or(AppError::NotFound)?;
    store::hours_on(&state.db, id, day).await?.ok_or(AppError::NotFound)?;
    let me = ctx.person()?.person.id;
    let month = month_of(day);
    let mut errors = FormErrors::default();
    if found.person_id == me {
        errors.add("approve", "hours-error-own");
    } else {
        let mut tx = state.db.begin_write().await?;
        if store::approve_hours(&mut tx, id, day, me).await? {
            let event = access::event(&ctx, Action::AssignmentHoursApproved, "assignment", id)
                .subject(found.person_id);
            crate::audit::store::append(&mut tx, &event).await?;
            tx.commit().await?;
            return Ok(Redirect::to(&ctx.href(&format!("/samordnare/uppdrag?manad={month}&klart=godkant")))
                .into_response());
        }
        errors.add("approve", "hours-error-approved-already");
    }
    let (from, until) = month_bounds(&month).ok_or(AppError::BadRequest)?;
    coordinator_page(&state, &ctx, (month, from, until), EngageForm::default(), errors, None).await
}

/// `GET /samordnare/uppdrag.csv?manad=2026-12`: the month's approved hours for payroll, one row per
/// person, assignment and day, with the payroll identifier, hours and amount (decimal comma).
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<MonthQuery>,
) -> Result<Response, AppError> {
    let (month, from, until) = month(&query)?;
    let locale = ctx.location.locale;
    let lines = store::month_hours(&state.db, from, until, true).await?;
    let header_keys = [
        "payroll-csv-payroll-id",
        "payroll-csv-name",
        "payroll-csv-kind",
        "payroll-csv-description",
        "payroll-csv-day",
        "payroll-csv-hours",
        "payroll-csv-rate",
        "payroll-csv-amount",
    ];
    let header: Vec<String> =
        header_keys.iter().map(|k| state.catalogues.plain_with(locale, k, &[])).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut rows = Vec::with_capacity(lines.len());
    for line in &lines {
        let kind = Kind::parse(&line.kind).unwrap_or(Kind::Other);
        rows.push(vec![
            line.payroll_id.clone().unwrap_or_default(),
            line.person_name.clone(),
            state.catalogues.plain_with(locale, kind.label_key(), &[]),
            line.description.clone(),
            line.worked_on.to_string(),
            hours_text(i64::from(line.quarters)),
            kronor_field(line.hourly_rate_ore),
            kronor_field(amount(line)?),
        ]);
    }
    let bytes = crate::formats::csv::write(&header, rows)?;
    let people: BTreeSet<Uuid> = lines.iter().map(|l| l.person_id).collect();
    audit_payroll_reads(&state, &ctx, Action::PayrollExported, &people).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                crate::formats::attachment_disposition(&format!("timarvode-{month}.csv")),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}
