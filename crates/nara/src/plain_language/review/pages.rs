//! The text review's pages: the overview (`/personal/klarsprak`: the author's own texts; for a
//! reviewer the open texts and theirs; for the coordinator every text not yet approved) and a
//! text's page, with its versions, the checker's figures side by side, the comments with their
//! answers, and the forms the reader may use.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, Comment, Review, Reviewer, Version};
use super::{Figures, State as ReviewState, access, one_decimal};
use crate::i18n::{Locale, format_stockholm};
use crate::plain_language::checker::check;
use crate::plain_language::word_list;
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID, Query};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A text's address within a language.
pub fn text_path(id: Uuid) -> String {
    format!("{}/texter/{id}", access::HOME)
}

/// Back to a text's page, saying what was done.
pub fn back_to(ctx: &PageContext, id: Uuid, done: &str) -> Response {
    Redirect::to(&ctx.href(&format!("{}?klart={done}", text_path(id)))).into_response()
}

/// A text in a list.
pub struct TextLine {
    pub href: String,
    pub title: String,
    pub state_key: &'static str,
    pub deadline: String,
    pub author: String,
    pub reviewer: Option<String>,
    pub versions: i32,
}

impl TextLine {
    fn of(ctx: &PageContext, review: &Review) -> Self {
        Self {
            href: ctx.href(&text_path(review.id)),
            title: review.title.clone(),
            state_key: review.state.label_key(),
            deadline: review.deadline.format("%Y-%m-%d").to_string(),
            author: review.author_name.clone(),
            reviewer: review.reviewer_name.clone(),
            versions: review.versions,
        }
    }
}

#[derive(Template)]
#[template(path = "plain_language/reviews.html")]
struct OverviewPage<'a> {
    shell: Shell<'a>,
    new_href: String,
    mine: Vec<TextLine>,
    /// For a reviewer: open texts and theirs.
    to_review: Option<Vec<TextLine>>,
    /// For the coordinator: every text not yet approved.
    unfinished: Option<Vec<TextLine>>,
}

/// `GET /personal/klarsprak`.
pub async fn overview(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    access::may_use(&state, &ctx).await?;
    let me = ctx.person()?.person.id;
    let lines = |reviews: Vec<Review>| reviews.iter().map(|r| TextLine::of(&ctx, r)).collect::<Vec<_>>();
    let mine = lines(store::reviews_by(&state.db, me).await?);
    let to_review = if policy::may_review_texts(&ctx.current.actor) {
        Some(lines(store::reviews_for_reviewer(&state.db, me).await?))
    } else {
        None
    };
    let unfinished = if policy::may_coordinate(&ctx.current.actor) {
        Some(lines(store::unfinished(&state.db).await?))
    } else {
        None
    };
    let page = OverviewPage {
        shell: ctx.shell(&state),
        new_href: ctx.href(&format!("{}/ny", access::HOME)),
        mine,
        to_review,
        unfinished,
    };
    Ok(render(&page)?.into_response())
}

/// One row of the figures' table: what is measured, and its value for each version.
pub struct FigureRow {
    pub label_key: &'static str,
    pub cells: Vec<String>,
}

/// The table's rows for the versions' figures, numbers in the locale's way.
fn figure_rows(shell: &Shell<'_>, figures: &[Figures]) -> Vec<FigureRow> {
    let comma = shell.locale() != Locale::EN;
    let row = |label_key, cell: &dyn Fn(&Figures) -> String| FigureRow {
        label_key,
        cells: figures.iter().map(cell).collect(),
    };
    vec![
        row("plain-review-figure-lix", &|f| one_decimal(f.lix, comma)),
        row("plain-review-figure-lix-band", &|f| f.lix_band_key.map_or_else(|| "–".into(), |k| shell.t(k))),
        row("plain-review-figure-ovix", &|f| one_decimal(f.ovix, comma)),
        row("plain-review-figure-nominal", &|f| one_decimal(f.nominal_quotient, comma)),
        row("plain-review-figure-sentence-words", &|f| one_decimal(f.words_per_sentence, comma)),
        row("plain-review-figure-long-words", &|f| f.long_words.to_string()),
        row("plain-review-figure-bureaucratic", &|f| f.bureaucratic.to_string()),
        row("plain-review-figure-passives", &|f| f.passives.to_string()),
    ]
}

/// The checker's figures for each version, computed off the async workers (a text may be long).
pub async fn figures_of(state: &AppState, versions: &[Version]) -> Result<Vec<Figures>, AppError> {
    let glossary = word_list::store::glossary(&state.db).await?;
    let texts: Vec<String> = versions.iter().map(|v| v.body.clone()).collect();
    let figures = tokio::task::spawn_blocking(move || {
        texts.iter().map(|text| Figures::of(&check(text, &glossary))).collect::<Vec<_>>()
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("checking the versions")))?;
    Ok(figures)
}

/// A version as the page shows it.
pub struct VersionView {
    pub number: i32,
    pub body: String,
    pub created: String,
    pub latest: bool,
}

/// An answer as shown.
pub struct AnswerView {
    pub author: String,
    pub body: String,
    pub when: String,
}

/// A comment as shown, with its answers.
pub struct CommentView {
    pub id: Uuid,
    pub version: i32,
    pub passage: String,
    pub comment: String,
    pub rewrite: Option<String>,
    pub author: String,
    pub when: String,
    pub answers: Vec<AnswerView>,
}

fn comment_views(comments: Vec<Comment>) -> Vec<CommentView> {
    comments
        .into_iter()
        .map(|c| CommentView {
            id: c.id,
            version: c.version,
            passage: c.passage,
            comment: c.comment,
            rewrite: c.rewrite,
            author: c.author_name,
            when: format_stockholm(c.created_at),
            answers: c
                .answers
                .into_iter()
                .map(|a| AnswerView {
                    author: a.author_name,
                    body: a.body,
                    when: format_stockholm(a.created_at),
                })
                .collect(),
        })
        .collect()
}

/// What was typed into the page's forms, shown again with the problems when one was refused.
#[derive(Default)]
pub struct Typed {
    pub errors: FormErrors,
    /// The new version's text (empty: the latest version).
    pub text: Option<String>,
    pub passage: String,
    pub comment: String,
    pub rewrite: String,
    /// The comment an answer was refused for, and the answer.
    pub answer: Option<(Uuid, String)>,
    pub notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "plain_language/review.html")]
struct TextPage<'a> {
    shell: Shell<'a>,
    review: Review,
    action: String,
    channel_key: &'static str,
    state_key: &'static str,
    deadline: String,
    version_heads: Vec<i32>,
    figures: Vec<FigureRow>,
    versions: Vec<VersionView>,
    comments: Vec<CommentView>,
    /// The author may answer and make a new version.
    writable: bool,
    /// A reviewer may take it.
    takeable: bool,
    /// The reviewer who has it may comment and decide.
    decidable: bool,
    /// The coordinator may give it to one of these reviewers.
    reviewers: Option<Vec<Reviewer>>,
    text: String,
    passage: String,
    comment: String,
    rewrite: String,
    answer: Option<(Uuid, String)>,
    errors: FormErrors,
    notice: Option<&'static str>,
}

impl TextPage<'_> {
    /// The id of the answer box of a comment: `answer` for the one whose answer was refused (the
    /// error summary links there), unique otherwise.
    fn answer_id(&self, comment: &Uuid) -> String {
        match &self.answer {
            Some((id, _)) if id == comment => "answer".to_string(),
            _ => format!("answer-{comment}"),
        }
    }

    fn answer_value(&self, comment: &Uuid) -> &str {
        match &self.answer {
            Some((id, text)) if id == comment => text,
            _ => "",
        }
    }

    fn assigned_to(&self, reviewer: &Uuid) -> bool {
        self.review.reviewer_id.as_ref() == Some(reviewer)
    }
}

/// A text's page for whoever may read it, with what was typed.
pub async fn text_page(
    state: &AppState,
    ctx: &PageContext,
    review: Review,
    typed: Typed,
) -> Result<Response, AppError> {
    let actor = &ctx.current.actor;
    let versions = store::versions(&state.db, review.id).await?;
    let figures = figures_of(state, &versions).await?;
    let shell = ctx.shell(state);
    let latest = versions.last().map(|v| v.body.clone()).unwrap_or_default();
    let reviewers = if policy::may_coordinate(actor) && review.state != ReviewState::Approved {
        // Never its own author: nobody approves their own text.
        Some(store::reviewers(&state.db).await?.into_iter().filter(|r| r.id != review.author_id).collect())
    } else {
        None
    };
    let status = if typed.errors.is_empty() { StatusCode::OK } else { INVALID };
    let page = TextPage {
        action: ctx.href(&text_path(review.id)),
        channel_key: review.channel.label_key(),
        state_key: review.state.label_key(),
        deadline: review.deadline.format("%Y-%m-%d").to_string(),
        version_heads: versions.iter().map(|v| v.number).collect(),
        figures: figure_rows(&shell, &figures),
        versions: versions
            .iter()
            .map(|v| VersionView {
                number: v.number,
                body: v.body.clone(),
                created: format_stockholm(v.created_at),
                latest: v.number == review.versions,
            })
            .rev()
            .collect(),
        comments: comment_views(store::comments(&state.db, review.id).await?),
        writable: policy::may_write_text(actor, review.author_id) && review.state.open_to_new_versions(),
        takeable: policy::may_take_text(actor, review.author_id) && review.is_open(),
        decidable: policy::may_decide_text(actor, review.author_id, review.reviewer_id)
            && review.state == ReviewState::InReview,
        reviewers,
        text: typed.text.unwrap_or(latest),
        passage: typed.passage,
        comment: typed.comment,
        rewrite: typed.rewrite,
        answer: typed.answer,
        errors: typed.errors,
        notice: typed.notice,
        review,
        shell,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    #[serde(default)]
    klart: String,
}

/// What a `?klart=` after a redirect says happened.
fn notice(query: &NoticeQuery) -> Option<&'static str> {
    match query.klart.as_str() {
        "skickad" => Some("plain-review-notice-submitted"),
        "version" => Some("plain-review-notice-version"),
        "svar" => Some("plain-review-notice-answered"),
        "tagen" => Some("plain-review-notice-taken"),
        "tilldelad" => Some("plain-review-notice-assigned"),
        "kommentar" => Some("plain-review-notice-commented"),
        "godkand" => Some("plain-review-notice-approved"),
        "aterlamnad" => Some("plain-review-notice-returned"),
        _ => None,
    }
}

/// `GET /personal/klarsprak/texter/{text}`.
pub async fn text(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let review = access::readable_text(&state, &ctx, id).await?;
    text_page(&state, &ctx, review, Typed { notice: notice(&query), ..Typed::default() }).await
}
