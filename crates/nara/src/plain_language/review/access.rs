//! Which text a person may have, loaded and checked in one step. Someone outside the staff
//! workplaces is refused the whole text review (403, audited). A text is its author's, its
//! reviewer's, open to the group while nobody has taken it, and the coordinator's to assign: for
//! anyone else it does not exist (404), and the attempt is audited.

use uuid::Uuid;

use super::store::{self, Review};
use crate::audit::{Action, AuditEvent};
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The text review's start, as the log names a refusal of all of it.
pub const HOME: &str = "/personal/klarsprak";

/// Refuses (403, audited) anyone who may not use the text review.
pub async fn may_use(state: &AppState, ctx: &PageContext) -> Result<(), AppError> {
    let allowed = policy::may_use_text_review(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("route", HOME), Refusal::Forbidden).await
}

/// A text the signed-in person may read.
pub async fn readable_text(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Review, AppError> {
    may_use(state, ctx).await?;
    let found = store::review(&state.db, id).await?;
    let allowed = found
        .as_ref()
        .is_some_and(|r| policy::may_read_text(&ctx.current.actor, r.author_id, r.reviewer_id, r.is_open()));
    guard::allow(state, ctx, allowed, Target::new("text_review", id), Refusal::NotFound).await?;
    found.ok_or(AppError::NotFound)
}

/// A text of the signed-in author.
pub async fn own_text(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Review, AppError> {
    checked(state, ctx, id, |r| policy::may_write_text(&ctx.current.actor, r.author_id)).await
}

/// A text the signed-in reviewer has.
pub async fn reviewed_text(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Review, AppError> {
    checked(state, ctx, id, |r| policy::may_decide_text(&ctx.current.actor, r.author_id, r.reviewer_id)).await
}

/// A readable text that passes `may` too; refused with 404 (audited) otherwise.
async fn checked(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
    may: impl Fn(&Review) -> bool,
) -> Result<Review, AppError> {
    let found = readable_text(state, ctx, id).await?;
    guard::allow(state, ctx, may(&found), Target::new("text_review", id), Refusal::NotFound).await?;
    Ok(found)
}

/// The log's entry for something done to a text.
pub fn event(ctx: &PageContext, action: Action, id: Uuid) -> AuditEvent {
    guard::event(ctx, action, "text_review", id)
}
