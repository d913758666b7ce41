//! The coordinator as editor (`/samordnare`): the articles sent for review, each read as it would
//! be published, with the interviewees' consent; a comment, returning it to the reporter, or
//! publishing it (refused while someone listed has not given consent).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::public::ArticleView;
use super::store::{self, Article};
use super::writing::{ArticleLine, CommentLine, IntervieweeLine, comment_lines, interviewee_lines};
use super::{MAX_COMMENT, Status, access, publishing_problems, slug_of};
use crate::audit::Action;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, optional_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "reporters/editor.html")]
struct EditorPage<'a> {
    shell: Shell<'a>,
    waiting: Vec<ArticleLine>,
    others: Vec<ArticleLine>,
}

/// `GET /samordnare`: the articles waiting for the editor first, then the others sent.
pub async fn overview(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let (waiting, others): (Vec<Article>, Vec<Article>) =
        store::articles_for_editor(&state.db).await?.into_iter().partition(|a| a.status == Status::InReview);
    let line = |a: &Article| ArticleLine::of(ctx.href(&format!("/samordnare/artiklar/{}", a.id)), a);
    let page = EditorPage {
        shell: ctx.shell(&state),
        waiting: waiting.iter().map(line).collect(),
        others: others.iter().map(line).collect(),
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "reporters/review.html")]
struct ReviewPage<'a> {
    shell: Shell<'a>,
    article: ArticleView,
    status_key: &'static str,
    in_review: bool,
    public_href: Option<String>,
    interviewees: Vec<IntervieweeLine>,
    comments: Vec<CommentLine>,
    action: String,
    comment: String,
    errors: FormErrors,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    #[serde(default)]
    klart: String,
}

async fn review_page(
    state: &AppState,
    ctx: &PageContext,
    found: &Article,
    comment: String,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = ReviewPage {
        shell: ctx.shell(state),
        article: ArticleView::load(state, ctx, found).await?,
        status_key: found.status.label_key(),
        in_review: found.status == Status::InReview,
        public_href: found.slug.as_ref().map(|s| ctx.href(&format!("/artiklar/{s}"))),
        interviewees: interviewee_lines(&store::interviewees(&state.db, found.id).await?),
        comments: comment_lines(&store::comments(&state.db, found.id).await?),
        action: ctx.href(&format!("/samordnare/artiklar/{}", found.id)),
        comment,
        errors,
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /samordnare/artiklar/{article}`.
pub async fn review(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let found = access::edited_article(&state, &ctx, id).await?;
    let notice = match query.klart.as_str() {
        "kommentar" => Some("article-commented"),
        "aterlamnad" => Some("article-returned"),
        "publicerad" => Some("article-published"),
        _ => None,
    };
    review_page(&state, &ctx, &found, String::new(), FormErrors::default(), notice).await
}

#[derive(Deserialize, Default)]
pub struct DecisionForm {
    #[serde(default)]
    comment: String,
    /// `kommentera`, `aterlamna` or `publicera`.
    #[serde(default)]
    action: String,
}

/// `POST /samordnare/artiklar/{article}`: a comment; returning the article with one (required);
/// or publishing it.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let found = access::edited_article(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let comment = optional_text(&form.comment, MAX_COMMENT)
        .map_err(|p| p.add_to(&mut errors, "comment", "article-error-comment", "article-error-comment-long"))
        .ok()
        .flatten();
    let action = form.action.as_str();
    if !matches!(action, "kommentera" | "aterlamna" | "publicera") {
        return Err(AppError::BadRequest);
    }
    if action != "publicera" && comment.is_none() && errors.is_empty() {
        errors.add("comment", "article-error-comment");
    }
    if action != "kommentera" && found.status != Status::InReview {
        errors.add("comment", "article-error-not-in-review");
    }
    if action == "publicera" {
        let interviewees = store::interviewees(&state.db, id).await?;
        for (_, key) in publishing_problems(found.byline.as_deref(), &interviewees) {
            errors.add("comment", key);
        }
    }
    if !errors.is_empty() {
        return review_page(&state, &ctx, &found, form.comment, errors, None).await;
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if let Some(comment) = &comment {
        store::add_comment(&mut tx, id, me, comment).await?;
        let event = access::event(&ctx, Action::ArticleCommented, "article", id);
        crate::audit::store::append(&mut tx, &event).await?;
    }
    let done = match action {
        "aterlamna" => {
            if !store::return_to_author(&mut tx, id).await? {
                drop(tx);
                return not_in_review(&state, &ctx, id, form.comment).await;
            }
            crate::audit::store::append(
                &mut tx,
                &access::event(&ctx, Action::ArticleReturned, "article", id),
            )
            .await?;
            "aterlamnad"
        }
        "publicera" => {
            let byline = found.byline.clone().unwrap_or_default();
            // Consent and the state are checked again in the statement itself.
            if !store::publish(&mut tx, id, &slug_of(&found.text.title, id), &byline, me).await? {
                drop(tx);
                return not_in_review(&state, &ctx, id, form.comment).await;
            }
            crate::audit::store::append(
                &mut tx,
                &access::event(&ctx, Action::ArticlePublished, "article", id),
            )
            .await?;
            "publicerad"
        }
        _ => "kommentar",
    };
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/samordnare/artiklar/{id}?klart={done}"))).into_response())
}

/// The article changed between reading and deciding (sent back, or an interviewee without
/// consent added): shown again as it is now, with what stopped it.
async fn not_in_review(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
    comment: String,
) -> Result<Response, AppError> {
    let found = store::article(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    errors.add("comment", "article-error-changed-meanwhile");
    review_page(state, ctx, &found, comment, errors, None).await
}
