//! Which article a person may have, loaded and checked in one step. A reporter's article is its
//! author's: for anyone else (another reporter included) it does not exist (404), and the attempt
//! is audited. The coordinator edits articles once they are sent.

use uuid::Uuid;

use super::store::{self, Article};
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// An article of the signed-in reporter.
pub async fn own_article(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Article, AppError> {
    let article = store::article(&state.db, id).await?;
    let allowed =
        article.as_ref().is_some_and(|a| policy::may_write_article(&ctx.current.actor, a.author_id));
    guard::allow(state, ctx, allowed, Target::new("article", id), Refusal::NotFound).await?;
    article.ok_or(AppError::NotFound)
}

/// An article sent to the editor, for the coordinator.
pub async fn edited_article(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Article, AppError> {
    let article = store::article(&state.db, id).await?;
    let sent = article.as_ref().is_some_and(|a| a.status != super::Status::Draft);
    let allowed = policy::may_edit_article(&ctx.current.actor, sent);
    guard::allow(state, ctx, allowed, Target::new("article", id), Refusal::NotFound).await?;
    article.ok_or(AppError::NotFound)
}

/// The log's entry for something the person on the page did (one shape for every feature).
pub use crate::web::guard::event;
