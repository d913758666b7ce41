//! Which association and which application a person may have, loaded and checked in one step for
//! every grant page. A representative of another association gets "not found" (whether an
//! association applied is not for others to learn), and the attempt is audited.

use uuid::Uuid;

use super::store::{self, ApplicationRow};
use crate::directory::Entry;
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The association of `slug`, if the signed-in person is its approved representative.
pub async fn represented(state: &AppState, ctx: &PageContext, slug: &str) -> Result<Entry, AppError> {
    let person = ctx.person()?.person.id;
    let entry = crate::directory::store::entry_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let approved = crate::directory::store::representation(&state.db, entry.id, person).await?.as_deref()
        == Some("approved");
    let allowed = policy::may_apply_for_association(&ctx.current.actor, approved);
    guard::allow(state, ctx, allowed, Target::new("directory_entry", entry.id), Refusal::NotFound).await?;
    Ok(entry)
}

/// An application of the association of `slug`, for its approved representative.
pub async fn own_application(
    state: &AppState,
    ctx: &PageContext,
    slug: &str,
    id: Uuid,
) -> Result<(Entry, ApplicationRow), AppError> {
    let entry = represented(state, ctx, slug).await?;
    let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = application.entry_id == entry.id;
    guard::allow(state, ctx, allowed, Target::new("grant_application", id), Refusal::NotFound).await?;
    Ok((entry, application))
}

/// A sent application, for a grant assessor (drafts are the association's own until sent).
pub async fn assessed_application(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
) -> Result<ApplicationRow, AppError> {
    let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let sent = application.status() != super::Status::Draft;
    let allowed = sent && policy::may_assess_grants(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("grant_application", id), Refusal::NotFound).await?;
    Ok(application)
}

/// The log's entry for something the person on the page did (one shape for every feature).
pub use crate::web::guard::event;
