//! Which assignment a person may have, loaded and checked in one step. An assignment is the
//! engaged person's: for anyone else it does not exist (404), and the attempt is audited. The
//! coordinator runs every assignment from their own pages.

use uuid::Uuid;

use super::store::{self, Assignment};
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The log's entry for something done on an assignment or with the recruitment form.
pub use crate::web::guard::event;

/// An assignment of the signed-in person.
pub async fn own_assignment(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Assignment, AppError> {
    let found = store::assignment(&state.db, id).await?;
    let allowed = found.as_ref().is_some_and(|a| policy::may_log_hours(&ctx.current.actor, a.person_id));
    guard::allow(state, ctx, allowed, Target::new("assignment", id), Refusal::NotFound).await?;
    found.ok_or(AppError::NotFound)
}
