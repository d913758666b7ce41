//! What the officers write into a plan. Each action commits with its audit entry or not at all;
//! a change of content raises the plan's version (in `store`), so the resident agrees again.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::pages::{Drafts, plan_page};
use super::plan_href;
use crate::audit::Action;
use crate::plans::access::{WorkedPlan, worked_plan};
use crate::plans::{MAX_NAME_CHARS, MAX_TEXT_CHARS, Responsible, parse_date, store};
use crate::web::errors::AppError;
use crate::web::form::{Form, FormErrors, bounded_text};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// Writes one change with its audit entry and goes back to the plan, to `anchor` with `notice`.
async fn commit_change<F>(
    state: &AppState,
    ctx: &PageContext,
    worked: &WorkedPlan,
    action: Action,
    object_type: &'static str,
    notice_anchor: &str,
    write: F,
) -> Result<Response, AppError>
where
    F: AsyncFnOnce(&mut crate::db::Tx) -> anyhow::Result<Option<Uuid>>,
{
    let mut tx = state.db.begin_write().await?;
    let Some(object) = write(&mut tx).await? else {
        // Nothing to change (already done, already taking part): the plan as it is.
        return Ok(Redirect::to(&plan_href(ctx, worked.plan.id)).into_response());
    };
    crate::audit::store::append(&mut tx, &worked.event(ctx, action, object_type, object)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart={notice_anchor}", plan_href(ctx, worked.plan.id))).into_response())
}

fn me(ctx: &PageContext) -> Result<Uuid, AppError> {
    Ok(ctx.person()?.person.id)
}

#[derive(Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    unit: String,
}

/// `POST /handlaggare/planer/{plan}/enheter`: another of the city's units takes part; its staff
/// can then read and work on the plan.
pub async fn add_unit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<UnitForm>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let units = crate::identity::store::list_units(&state.db).await?;
    let unit = Uuid::parse_str(form.unit.trim()).ok().filter(|id| units.iter().any(|u| u.id == *id));
    let Some(unit) = unit else {
        let mut errors = FormErrors::default();
        errors.add("unit", "plan-error-unit");
        let drafts = Drafts { unit: form.unit, ..Default::default() };
        return plan_page(&state, &ctx, &worked, errors, drafts, None).await;
    };
    let by = me(&ctx)?;
    commit_change(&state, &ctx, &worked, Action::PlanChanged, "plan_unit", "enhet#deltagare", async |tx| {
        Ok(store::add_unit(tx, worked.plan.id, unit, by).await?.then_some(unit))
    })
    .await
}

#[derive(Deserialize)]
pub struct OutsideForm {
    #[serde(default, rename = "outside-name")]
    name: String,
    #[serde(default, rename = "outside-organisation")]
    organisation: String,
}

/// `POST /handlaggare/planer/{plan}/deltagare`: a named participant from outside the city.
pub async fn add_outside(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<OutsideForm>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let name = bounded_text(&form.name, MAX_NAME_CHARS).map_err(|problem| {
        problem.add_to(&mut errors, "outside-name", "plan-error-outside-name", "plan-error-name-too-long")
    });
    let organisation = bounded_text(&form.organisation, MAX_NAME_CHARS).map_err(|problem| {
        problem.add_to(
            &mut errors,
            "outside-organisation",
            "plan-error-outside-organisation",
            "plan-error-name-too-long",
        )
    });
    let (Ok(name), Ok(organisation)) = (name, organisation) else {
        let drafts =
            Drafts { outside_name: form.name, outside_organisation: form.organisation, ..Default::default() };
        return plan_page(&state, &ctx, &worked, errors, drafts, None).await;
    };
    let by = me(&ctx)?;
    commit_change(
        &state,
        &ctx,
        &worked,
        Action::PlanChanged,
        "plan_participant",
        "deltagare#deltagare",
        async |tx| {
            Ok(Some(store::add_outside_participant(tx, worked.plan.id, &name, &organisation, by).await?))
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    goal: String,
}

/// `POST /handlaggare/planer/{plan}/mal`: a goal of the plan.
pub async fn add_goal(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let goal = match bounded_text(&form.goal, MAX_TEXT_CHARS) {
        Ok(goal) => goal,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "goal", "plan-error-goal", "plan-error-too-long");
            let drafts = Drafts { goal: form.goal, ..Default::default() };
            return plan_page(&state, &ctx, &worked, errors, drafts, None).await;
        }
    };
    let by = me(&ctx)?;
    commit_change(&state, &ctx, &worked, Action::PlanChanged, "plan_goal", "mal#mal", async |tx| {
        Ok(Some(store::add_goal(tx, worked.plan.id, &goal, by).await?))
    })
    .await
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    action: String,
    #[serde(default, rename = "action-who")]
    who: String,
    #[serde(default, rename = "action-due")]
    due: String,
}

/// `POST /handlaggare/planer/{plan}/atgarder`: who does what by when.
pub async fn add_action(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<ActionForm>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let units: Vec<Uuid> = worked.units.iter().map(|u| u.unit_id).collect();
    let outside: Vec<Uuid> =
        store::outside_participants(&state.db, worked.plan.id).await?.iter().map(|o| o.id).collect();
    let mut errors = FormErrors::default();
    let body = bounded_text(&form.action, MAX_TEXT_CHARS)
        .map_err(|problem| problem.add_to(&mut errors, "action", "plan-error-action", "plan-error-too-long"));
    let who = Responsible::from_form(&form.who, &units, &outside);
    if who.is_none() {
        errors.add("action-who", "plan-error-action-who");
    }
    let due = parse_date(&form.due);
    if due.is_none() {
        errors.add("action-due", "plan-error-date");
    }
    let (Ok(body), Some(who), Some(due)) = (body, who, due) else {
        let drafts =
            Drafts { action: form.action, action_who: form.who, action_due: form.due, ..Default::default() };
        return plan_page(&state, &ctx, &worked, errors, drafts, None).await;
    };
    let by = me(&ctx)?;
    commit_change(&state, &ctx, &worked, Action::PlanChanged, "plan_action", "atgard#atgarder", async |tx| {
        Ok(Some(store::add_action(tx, worked.plan.id, who, &body, due, by).await?))
    })
    .await
}

/// `POST /handlaggare/planer/{plan}/atgarder/{action}/klar`: an action is done.
pub async fn action_done(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, action)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let by = me(&ctx)?;
    commit_change(&state, &ctx, &worked, Action::PlanActionDone, "plan_action", "klar#atgarder", async |tx| {
        Ok(store::mark_action_done(tx, worked.plan.id, action, by).await?.then_some(action))
    })
    .await
}

#[derive(Deserialize)]
pub struct FollowUpForm {
    #[serde(default, rename = "follow-up")]
    follow_up: String,
}

/// `POST /handlaggare/planer/{plan}/uppfoljning`: the date the plan is followed up.
pub async fn set_follow_up(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<FollowUpForm>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    let Some(date) = parse_date(&form.follow_up) else {
        let mut errors = FormErrors::default();
        errors.add("follow-up", "plan-error-date");
        let drafts = Drafts { follow_up: form.follow_up, ..Default::default() };
        return plan_page(&state, &ctx, &worked, errors, drafts, None).await;
    };
    commit_change(&state, &ctx, &worked, Action::PlanChanged, "plan", "uppfoljning#uppfoljning", async |tx| {
        store::set_follow_up(tx, worked.plan.id, date).await?;
        Ok(Some(worked.plan.id))
    })
    .await
}

/// `POST /handlaggare/planer/{plan}/uppfoljd`: the agreed plan was followed up with the resident.
pub async fn followed_up(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    if !crate::plans::may_follow_up(worked.plan.status) {
        let mut errors = FormErrors::default();
        errors.add("uppfoljd", "plan-error-not-agreed");
        return plan_page(&state, &ctx, &worked, errors, Drafts::default(), None).await;
    }
    let version = worked.plan.version;
    commit_change(&state, &ctx, &worked, Action::PlanFollowedUp, "plan", "uppfoljd#uppfoljning", async |tx| {
        Ok(store::mark_followed_up(tx, worked.plan.id, version).await?.then_some(worked.plan.id))
    })
    .await
}
