//! Which plan a person may have, loaded and checked in one step for every plan page. Anyone the
//! policy does not admit gets "not found" (whether a resident has a plan is private), and the
//! attempt is audited with the resident as subject, so they see it in their log.

use uuid::Uuid;

use super::{Plan, PlanUnit, store};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::Role;
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// Why staff read or change a resident's plan, as the resident's log shows it.
pub const PURPOSE: &str = crate::audit::purpose::PLAN_WORK;
/// Why what the resident did with their own plan is in their log.
pub const PURPOSE_OWN: &str = crate::audit::purpose::OWN_PLAN;

/// A plan with its participating units, as the one working on it has it.
pub struct WorkedPlan {
    pub plan: Plan,
    pub units: Vec<PlanUnit>,
    /// The officer's unit among the participants: the log names it as the one acting.
    pub acting_unit: Uuid,
}

impl WorkedPlan {
    /// The log's entry for what the officer did with (or read in) the plan.
    pub fn event(
        &self,
        ctx: &PageContext,
        action: Action,
        object_type: &'static str,
        object: Uuid,
    ) -> AuditEvent {
        let actor = AuditActor {
            person_id: ctx.current.actor.person_id(),
            role: Role::Staff.as_str().into(),
            unit_id: Some(self.acting_unit),
        };
        AuditEvent::new(actor, action, object_type)
            .object(object)
            .subject(self.plan.resident_id)
            .purpose(PURPOSE)
            .request(ctx.request_id.clone())
    }
}

async fn load(state: &AppState, id: Uuid) -> Result<(Plan, Vec<PlanUnit>), AppError> {
    let plan = store::plan(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let units = store::units(&state.db, id).await?;
    Ok((plan, units))
}

/// The plan, if this person works in a unit that takes part in it.
pub async fn worked_plan(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<WorkedPlan, AppError> {
    let (plan, units) = load(state, id).await?;
    let unit_ids: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
    let allowed = policy::may_work_plan(&ctx.current.actor, plan.resident_id, &unit_ids);
    let target = Target::new("plan", plan.id).of_resident(plan.resident_id);
    guard::allow(state, ctx, allowed, target, Refusal::NotFound).await?;
    let person = ctx.person()?;
    let acting_unit =
        person.units_for(Role::Staff).find(|u| unit_ids.contains(u)).ok_or(AppError::NotFound)?;
    Ok(WorkedPlan { plan, units, acting_unit })
}

/// The plan if it is the signed-in person's own.
pub async fn own_plan(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
) -> Result<(Plan, Vec<PlanUnit>), AppError> {
    let (plan, units) = load(state, id).await?;
    let allowed = policy::may_read_own_plan(&ctx.current.actor, plan.resident_id);
    let target = Target::new("plan", plan.id).of_resident(plan.resident_id);
    guard::allow(state, ctx, allowed, target, Refusal::NotFound).await?;
    Ok((plan, units))
}

/// The log's entry for something the resident did with their own plan.
pub fn own_event(ctx: &PageContext, plan: &Plan, action: Action) -> AuditEvent {
    AuditEvent::new(AuditActor::person(plan.resident_id, Role::Resident), action, "plan")
        .object(plan.id)
        .subject(plan.resident_id)
        .purpose(PURPOSE_OWN)
        .request(ctx.request_id.clone())
}
