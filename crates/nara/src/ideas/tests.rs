//! Tests of the chosen proposals: a group (anyone signed in joins), a coach and a co-organiser
//! from the administration, a concrete delivery goal, a small budget with its spending, a short
//! log per working day and a final presentation in the public calendar. A test closes only with
//! its lessons (what happened, what surprised, what next) and a named owner for what comes next.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use uuid::Uuid;

use super::access::{self, WorkedTest};
use super::calendar::{self, Date};
use super::notify::{self, Step};
use super::store::{self, NewTest};
use super::web::{Kept, back_to, idea_page};
use super::{
    Lessons, MAX_NAME_CHARS, MAX_TEXT_CHARS, NextStep, Phase, Status, check_lessons, parse_kronor, phase,
};
use crate::audit::Action;
use crate::web::errors::AppError;
use crate::web::form::{Form, FormErrors, bounded_text};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// Shows the idea's page again with a test form's errors.
async fn again(
    state: &AppState,
    ctx: &PageContext,
    proposal: Uuid,
    errors: FormErrors,
    kept: Kept,
) -> Result<Response, AppError> {
    let loaded = access::readable(state, ctx, proposal).await?;
    idea_page(state, ctx, &loaded, errors, kept, None).await
}

#[derive(Deserialize, Default)]
pub struct StartForm {
    #[serde(default)]
    coach: String,
    #[serde(default, rename = "co-organiser")]
    co_organiser: String,
    #[serde(default)]
    goal: String,
    #[serde(default)]
    budget: String,
    /// `YYYY-MM-DDTHH:MM`, the final presentation.
    #[serde(default)]
    presentation: String,
}

/// `POST /ideer/forslag/{proposal}/test` (staff): a shortlisted proposal becomes a test once the
/// vote has closed; its final presentation goes into the public calendar.
pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let loaded = access::readable(&state, &ctx, id).await?;
    access::managing(&state, &ctx, id).await?;
    let proposal = &loaded.proposal;
    let c = store::campaign(&state.db, proposal.campaign_id).await?.ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    if proposal.status != Status::Shortlisted
        || phase(crate::stockholm::today(), c.vote_opens_on, c.vote_closes_on) != Phase::Closed
    {
        errors.add("coach", "idea-error-not-chosen");
    }
    let mut named = |field: &'static str, text: &str, max: usize, key: &'static str| {
        let read = bounded_text(text, max);
        if let Err(p) = read {
            p.add_to(&mut errors, field, key, "idea-error-text-long");
        }
        read.ok()
    };
    let coach = named("coach", &form.coach, MAX_NAME_CHARS, "idea-error-coach");
    let co_organiser = named("co-organiser", &form.co_organiser, MAX_NAME_CHARS, "idea-error-co-organiser");
    let goal = named("goal", &form.goal, MAX_TEXT_CHARS, "idea-error-goal");
    let budget = parse_kronor(&form.budget).filter(|b| *b > 0);
    if budget.is_none() {
        errors.add("budget", "idea-error-budget");
    }
    let presentation = NaiveDateTime::parse_from_str(form.presentation.trim(), "%Y-%m-%dT%H:%M").ok();
    if presentation.is_none() {
        errors.add("presentation", "idea-error-presentation");
    }
    let (Some(coach), Some(co_organiser), Some(goal), Some(budget), Some(at), true) =
        (coach, co_organiser, goal, budget, presentation, errors.is_empty())
    else {
        let kept = Kept {
            coach: form.coach,
            co_organiser: form.co_organiser,
            goal: form.goal,
            budget: form.budget,
            presentation: form.presentation,
            ..Kept::default()
        };
        return idea_page(&state, &ctx, &loaded, errors, kept, None).await;
    };
    let new = NewTest {
        coach_name: coach,
        co_organiser_name: co_organiser,
        delivery_goal: goal,
        budget_ore: budget,
    };
    let short = id.simple().to_string();
    let date = Date {
        slug: calendar::slug(&short[..12], "presentation"),
        key: "idea-calendar-presentation",
        title: &proposal.text.title,
        day: at.date(),
        start: at.time(),
        minutes: 60,
    };
    let mails = notify::mails(&state, proposal, Step::TestStarted, "", None).await?;
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let series = calendar::add(&mut tx, &state.catalogues, &date).await?;
    let Some(test) = store::start_test(&mut tx, id, &new, series, me).await? else {
        return Err(AppError::NotFound);
    };
    store::touch(&mut tx, id).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaTestStarted, "idea_test", test))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "test", "test"))
}

/// `POST /ideer/tester/{test}/ga-med`: joins the test's group.
pub async fn join(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let WorkedTest { test, proposal, .. } = access::any_test(&state, id).await?;
    if test.closed_at.is_some() {
        return Err(AppError::NotFound);
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if store::join_test(&mut tx, id, me).await? {
        crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaTestChanged, "idea_test", id))
            .await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, proposal.id, "med", "test"))
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[derive(Deserialize, Default)]
pub struct LogForm {
    #[serde(default, rename = "diary-day")]
    day: String,
    #[serde(default, rename = "diary-text")]
    body: String,
}

/// `POST /ideer/tester/{test}/logg`: the day's short log (written again for the same day).
pub async fn write_log(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<LogForm>,
) -> Result<Response, AppError> {
    let worked = access::worked_test(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let day = date(&form.day);
    if day.is_none() {
        errors.add("diary-day", "idea-error-date");
    }
    let body = bounded_text(&form.body, MAX_TEXT_CHARS);
    if let Err(p) = body {
        p.add_to(&mut errors, "diary-text", "idea-error-log", "idea-error-text-long");
    }
    if worked.test.closed_at.is_some() {
        errors.add("diary-text", "idea-error-test-closed");
    }
    let (Some(day), Ok(body), true) = (day, body, errors.is_empty()) else {
        let kept = Kept { log_day: form.day, log_body: form.body, ..Kept::default() };
        return again(&state, &ctx, worked.proposal.id, errors, kept).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    store::write_log(&mut tx, id, day, &body, me).await?;
    store::touch(&mut tx, worked.proposal.id).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaTestChanged, "idea_test", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, worked.proposal.id, "logg", "logg"))
}

#[derive(Deserialize, Default)]
pub struct SpendForm {
    #[serde(default, rename = "spend-what")]
    what: String,
    #[serde(default, rename = "spend-amount")]
    amount: String,
    #[serde(default, rename = "spend-day")]
    day: String,
}

/// `POST /ideer/tester/{test}/utgift`: money spent, within the budget.
pub async fn spend(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<SpendForm>,
) -> Result<Response, AppError> {
    let worked = access::worked_test(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let what = bounded_text(&form.what, MAX_NAME_CHARS);
    if let Err(p) = what {
        p.add_to(&mut errors, "spend-what", "idea-error-spend-what", "idea-error-title-long");
    }
    let spent: i64 = store::spending(&state.db, id).await?.iter().map(|s| s.amount_ore).sum();
    let amount = parse_kronor(&form.amount).filter(|a| *a > 0);
    match amount {
        None => errors.add("spend-amount", "idea-error-money"),
        Some(a) if spent + a > worked.test.budget_ore => errors.add("spend-amount", "idea-error-over-budget"),
        Some(_) => {}
    }
    let day = date(&form.day);
    if day.is_none() {
        errors.add("spend-day", "idea-error-date");
    }
    if worked.test.closed_at.is_some() {
        errors.add("spend-what", "idea-error-test-closed");
    }
    let (Ok(what), Some(amount), Some(day), true) = (what, amount, day, errors.is_empty()) else {
        let kept =
            Kept { spend_what: form.what, spend_amount: form.amount, spend_day: form.day, ..Kept::default() };
        return again(&state, &ctx, worked.proposal.id, errors, kept).await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    store::add_spending(&mut tx, id, &what, amount, day, me).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaTestChanged, "idea_test", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, worked.proposal.id, "utgift", "budget"))
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    #[serde(default)]
    happened: String,
    #[serde(default)]
    surprised: String,
    #[serde(default, rename = "next-step")]
    next_step: String,
    #[serde(default, rename = "next-owner")]
    owner: String,
}

/// `POST /ideer/tester/{test}/avsluta`: closes the test with its lessons and the owner of what
/// happens next; refused, each missing part named, without them.
pub async fn close(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CloseForm>,
) -> Result<Response, AppError> {
    let worked = access::worked_test(&state, &ctx, id).await?;
    let lessons = Lessons {
        what_happened: form.happened.trim().replace("\r\n", "\n"),
        what_surprised: form.surprised.trim().replace("\r\n", "\n"),
        next_step: NextStep::parse(&form.next_step),
        next_owner: form.owner.trim().to_string(),
    };
    let mut errors = FormErrors::default();
    for (field, key) in check_lessons(&lessons) {
        errors.add(field, key);
    }
    if worked.test.closed_at.is_some() {
        errors.add("happened", "idea-error-test-closed");
    }
    if !errors.is_empty() {
        let kept = Kept {
            happened: form.happened,
            surprised: form.surprised,
            next_step: form.next_step,
            owner: form.owner,
            ..Kept::default()
        };
        return again(&state, &ctx, worked.proposal.id, errors, kept).await;
    }
    let mails = notify::mails(&state, &worked.proposal, Step::TestClosed, "", None).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::close_test(&mut tx, id, &lessons).await? {
        return Err(AppError::NotFound);
    }
    store::touch(&mut tx, worked.proposal.id).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaTestClosed, "idea_test", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, worked.proposal.id, "avslutat", "lardomar"))
}
