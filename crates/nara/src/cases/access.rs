//! Which case a person may have, loaded and checked in one step for every page that works on a
//! case (the case pages here, bookings and applications): a refusal is audited with the resident
//! as subject, so they see the attempt in their log.

use uuid::Uuid;

use super::{Case, store};
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// Why a case officer reads or changes a resident's case, as the resident's log shows it.
pub const PURPOSE: &str = crate::audit::purpose::CASE_WORK;

/// The case, if this person may work on it; a refusal is audited (with the resident as subject,
/// so they see the attempt in their log).
pub async fn worked_case(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Case, AppError> {
    let case = store::case(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_work_on_case(&ctx.current.actor, case.unit_id, case.resident_id);
    let target = Target::new("case", case.id).of_resident(case.resident_id);
    guard::allow(state, ctx, allowed, target, Refusal::Forbidden).await?;
    Ok(case)
}

/// The case if it is the signed-in person's own. Anyone else gets "not found" (whether the case
/// exists is not revealed) and the attempt is audited.
pub async fn own_case(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Case, AppError> {
    let case = store::case(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_read_own_case(&ctx.current.actor, case.resident_id);
    let target = Target::new("case", case.id).of_resident(case.resident_id);
    guard::allow(state, ctx, allowed, target, Refusal::NotFound).await?;
    Ok(case)
}
