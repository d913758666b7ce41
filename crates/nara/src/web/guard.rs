//! "Load, check the policy, audit a refusal" in one place. A handler loads the thing asked for,
//! asks `policy` whether this person may have it, and hands the answer here: a refusal is written
//! to the log (with the resident as subject when it is their data, so they see the attempt) and
//! answered with 403, or with 404 where even the thing's existence is private.

use uuid::Uuid;

use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::Actor;
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// What was asked for, as the log names it.
pub struct Target {
    kind: &'static str,
    id: String,
    subject: Option<Uuid>,
}

impl Target {
    /// An object of the log's `kind` (`case`, `event_series`, `route`, …).
    pub fn new(kind: &'static str, id: impl ToString) -> Self {
        Self { kind, id: id.to_string(), subject: None }
    }

    /// The resident whose data it is.
    pub fn of_resident(mut self, resident: Uuid) -> Self {
        self.subject = Some(resident);
        self
    }
}

/// How a refusal is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 403: staff and organisers may know the thing exists.
    Forbidden,
    /// 404: a resident's own things; whether someone else's exists is not revealed.
    NotFound,
}

/// `Ok` when `allowed`; otherwise the refusal is audited and its error returned.
pub async fn allow(
    state: &AppState,
    ctx: &PageContext,
    allowed: bool,
    target: Target,
    answer: Refusal,
) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(refuse(state, &ctx.current.actor, ctx.request_id.clone(), target, answer).await)
    }
}

/// Audits a refusal (the reviewers hear of repeated ones, see `audit::refusals`) and gives the
/// error to answer with; when the log cannot be written the answer is an internal error, so
/// nothing is refused unrecorded.
pub async fn refuse(
    state: &AppState,
    actor: &Actor,
    request_id: Option<String>,
    target: Target,
    answer: Refusal,
) -> AppError {
    let mut event = AuditEvent::new(AuditActor::of(actor), Action::AccessDenied, target.kind)
        .object(target.id)
        .request(request_id);
    if let Some(resident) = target.subject {
        event = event.subject(resident);
    }
    match crate::audit::refusals::record(state, &event).await {
        Ok(()) => match answer {
            Refusal::Forbidden => AppError::Forbidden,
            Refusal::NotFound => AppError::NotFound,
        },
        Err(error) => AppError::Internal(error),
    }
}

/// The audit log's entry for something the person on the page did to `object`: who they are
/// (their actor), what, and the request it came with.
pub fn event(
    ctx: &PageContext,
    action: Action,
    object_type: &'static str,
    object: impl ToString,
) -> AuditEvent {
    AuditEvent::new(AuditActor::of(&ctx.current.actor), action, object_type)
        .object(object)
        .request(ctx.request_id.clone())
}
