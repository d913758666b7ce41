//! The group's side: a reviewer takes an open text, or the coordinator gives it to one; the
//! reviewer who has it comments on passages with suggested rewrites, and approves the text or
//! returns it to its author.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::pages::{Typed, back_to, text_page};
use super::store::{self, NewComment};
use super::{
    MAX_COMMENT, MAX_PASSAGE, MAX_REWRITE, State as ReviewState, access, passage_in, refuse_personal_data,
};
use crate::audit::Action;
use crate::policy;
use crate::web::errors::AppError;
use crate::web::form::{Form, FormErrors, bounded_text, optional_text};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// The page again with one problem on `field`: the text changed under the person acting.
async fn changed_meanwhile(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
    field: &'static str,
) -> Result<Response, AppError> {
    let review = access::readable_text(state, ctx, id).await?;
    let mut errors = FormErrors::default();
    errors.add(field, "plain-review-error-changed-meanwhile");
    text_page(state, ctx, review, Typed { errors, ..Typed::default() }).await
}

/// `POST /personal/klarsprak/texter/{text}/ta`: a reviewer takes an open text.
pub async fn take(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let review = access::readable_text(&state, &ctx, id).await?;
    let allowed = policy::may_take_text(&ctx.current.actor, review.author_id);
    guard::allow(&state, &ctx, allowed, Target::new("text_review", id), Refusal::Forbidden).await?;
    if !review.is_open() {
        return changed_meanwhile(&state, &ctx, id, "take").await;
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::take(&mut tx, id, me).await? {
        drop(tx);
        return changed_meanwhile(&state, &ctx, id, "take").await;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::TextTaken, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "tagen"))
}

#[derive(Deserialize, Default)]
pub struct AssignForm {
    #[serde(default)]
    reviewer: String,
}

/// `POST /personal/klarsprak/texter/{text}/tilldela`: the coordinator gives a text to a reviewer.
pub async fn assign(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<AssignForm>,
) -> Result<Response, AppError> {
    let review = access::readable_text(&state, &ctx, id).await?;
    let allowed = policy::may_coordinate(&ctx.current.actor);
    guard::allow(&state, &ctx, allowed, Target::new("text_review", id), Refusal::Forbidden).await?;
    let reviewers = store::reviewers(&state.db).await?;
    // Never the text's own author: nobody approves their own text.
    let chosen = Uuid::parse_str(form.reviewer.trim())
        .ok()
        .filter(|r| *r != review.author_id && reviewers.iter().any(|x| x.id == *r));
    let Some(reviewer) = chosen else {
        let mut errors = FormErrors::default();
        errors.add("reviewer", "plain-review-error-reviewer");
        return text_page(&state, &ctx, review, Typed { errors, ..Typed::default() }).await;
    };
    let mut tx = state.db.begin_write().await?;
    if !store::assign(&mut tx, id, reviewer).await? {
        drop(tx);
        return changed_meanwhile(&state, &ctx, id, "reviewer").await;
    }
    let event = access::event(&ctx, Action::TextAssigned, id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "tilldelad"))
}

#[derive(Deserialize, Default)]
pub struct CommentForm {
    #[serde(default)]
    passage: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    rewrite: String,
}

/// `POST /personal/klarsprak/texter/{text}/kommentar`: the reviewer's comment on a passage of the
/// latest version, with a suggested rewrite.
pub async fn comment(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let review = access::reviewed_text(&state, &ctx, id).await?;
    let latest = store::versions(&state.db, id).await?.pop().ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    if review.state != ReviewState::InReview {
        errors.add("passage", "plain-review-error-not-in-review");
    }
    let passage = bounded_text(&form.passage, MAX_PASSAGE)
        .map_err(|p| {
            p.add_to(&mut errors, "passage", "plain-review-error-passage", "plain-review-error-passage-long")
        })
        .ok();
    if passage.as_deref().is_some_and(|p| !passage_in(&latest.body, p)) {
        errors.add("passage", "plain-review-error-passage-not-found");
    }
    let comment = bounded_text(&form.comment, MAX_COMMENT)
        .map_err(|p| {
            p.add_to(&mut errors, "comment", "plain-review-error-comment", "plain-review-error-comment-long")
        })
        .ok();
    let rewrite = optional_text(&form.rewrite, MAX_REWRITE)
        .map_err(|p| {
            p.add_to(
                &mut errors,
                "rewrite",
                "plain-review-error-rewrite-long",
                "plain-review-error-rewrite-long",
            )
        })
        .ok();
    for (field, text) in [("passage", &form.passage), ("comment", &form.comment), ("rewrite", &form.rewrite)]
    {
        refuse_personal_data(&mut errors, field, text);
    }
    let (Some(passage), Some(comment), Some(rewrite), true) = (passage, comment, rewrite, errors.is_empty())
    else {
        let typed = Typed {
            errors,
            passage: form.passage,
            comment: form.comment,
            rewrite: form.rewrite,
            ..Typed::default()
        };
        return text_page(&state, &ctx, review, typed).await;
    };
    let me = ctx.person()?.person.id;
    let new = NewComment { version: latest.number, passage, comment, rewrite };
    let mut tx = state.db.begin_write().await?;
    if store::add_comment(&mut tx, id, me, &new).await?.is_none() {
        drop(tx);
        return changed_meanwhile(&state, &ctx, id, "passage").await;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::TextCommented, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "kommentar"))
}

#[derive(Deserialize, Default)]
pub struct DecisionForm {
    /// `godkann` or `aterlamna`.
    #[serde(default)]
    decision: String,
    /// The latest version when the page was shown.
    #[serde(default)]
    version: String,
}

/// `POST /personal/klarsprak/texter/{text}/beslut`: the reviewer approves the text or returns it
/// to its author.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    access::reviewed_text(&state, &ctx, id).await?;
    let (decision, action, done) = match form.decision.as_str() {
        "godkann" => (ReviewState::Approved, Action::TextApproved, "godkand"),
        "aterlamna" => (ReviewState::Returned, Action::TextReturned, "aterlamnad"),
        _ => return Err(AppError::BadRequest),
    };
    let seen: i32 = form.version.trim().parse().map_err(|_| AppError::BadRequest)?;
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::decide(&mut tx, id, me, seen, decision).await? {
        drop(tx);
        return changed_meanwhile(&state, &ctx, id, "decision").await;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, action, id)).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, done))
}
