//! The back office of plans: the plans of a case's resident and a new plan from the case page,
//! and a plan with its forms (units, outside participants, goals, actions, follow-up). Staff of a
//! participating unit only, through the policy module; every read and change is written to the
//! audit log with its purpose and the resident as subject, so it shows in their log.

mod changes;
mod pages;

pub use changes::{
    ActionForm, FollowUpForm, GoalForm, OutsideForm, UnitForm, action_done, add_action, add_goal,
    add_outside, add_unit, followed_up, set_follow_up,
};
pub use pages::{CreateForm, NoticeQuery, case_plans, create, plan};

use uuid::Uuid;

use crate::web::page::PageContext;

fn plan_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/handlaggare/planer/{id}"))
}
