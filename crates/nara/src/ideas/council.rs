//! The council: its members (named for the campaign by staff) shortlist the sent proposals, each
//! with a reason, in or out. The reason is public on the idea's page and sent to its authors and
//! followers. Decisions are made until the vote opens.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::notify::{self, Step};
use super::store::{self, Campaign};
use super::web::{CampaignFacts, back_to, idea_path};
use super::{MAX_TEXT_CHARS, Phase, Status, kronor, phase};
use crate::audit::Action;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, bounded_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A proposal as the council reads it.
pub struct CouncilLine {
    pub id: Uuid,
    pub href: String,
    pub action: String,
    pub title: String,
    pub category_key: &'static str,
    pub status_key: &'static str,
    pub problem: String,
    pub whose: String,
    pub try_in_week: String,
    pub money: String,
    pub reason: String,
    pub shortlisted: bool,
    pub decided: bool,
    /// This proposal's form came back with errors.
    pub failed: bool,
}

#[derive(Template)]
#[template(path = "ideas/council.html")]
struct CouncilPage<'a> {
    shell: Shell<'a>,
    campaign: CampaignFacts,
    members: Vec<String>,
    proposals: Vec<CouncilLine>,
    open: bool,
    errors: FormErrors,
}

async fn council_page(
    state: &AppState,
    ctx: &PageContext,
    c: &Campaign,
    errors: FormErrors,
    failed: Option<Uuid>,
) -> Result<Response, AppError> {
    let proposals = store::public_proposals(&state.db, c.id)
        .await?
        .into_iter()
        .map(|p| CouncilLine {
            id: p.id,
            href: ctx.href(&idea_path(p.id)),
            action: ctx.href(&format!("/ideer/forslag/{}/beslut", p.id)),
            category_key: p.category.label_key(),
            status_key: p.status.label_key(),
            shortlisted: p.status == Status::Shortlisted,
            decided: p.council_reason.is_some(),
            failed: failed == Some(p.id),
            reason: p.council_reason.clone().unwrap_or_default(),
            money: kronor(p.text.money_ore),
            title: p.text.title,
            problem: p.text.problem,
            whose: p.text.whose,
            try_in_week: p.text.try_in_week,
        })
        .collect();
    let page = CouncilPage {
        shell: ctx.shell(state),
        campaign: CampaignFacts::of(ctx, c),
        members: store::council(&state.db, c.id).await?,
        proposals,
        open: decisions_open(c),
        errors,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// The council decides until the vote opens.
fn decisions_open(c: &Campaign) -> bool {
    phase(crate::stockholm::today(), c.vote_opens_on, c.vote_closes_on) == Phase::NotYet
}

/// `GET /ideer/{campaign}/rad`: the council's page, for its members.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    access::on_council(&state, &ctx, &c).await?;
    council_page(&state, &ctx, &c, FormErrors::default(), None).await
}

#[derive(Deserialize, Default)]
pub struct DecisionForm {
    /// `in` or `ut`.
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

/// `POST /ideer/forslag/{proposal}/beslut`: in or out, with the reason.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let proposal = store::proposal(&state.db, id).await?.filter(|p| p.status != Status::Draft);
    let proposal = proposal.ok_or(AppError::NotFound)?;
    let c = store::campaign(&state.db, proposal.campaign_id).await?.ok_or(AppError::NotFound)?;
    access::on_council(&state, &ctx, &c).await?;
    let mut errors = FormErrors::default();
    let shortlisted = match form.decision.as_str() {
        "in" => Some(true),
        "ut" => Some(false),
        _ => None,
    };
    if shortlisted.is_none() {
        errors.add("decision", "idea-error-decision");
    }
    let reason = bounded_text(&form.reason, MAX_TEXT_CHARS);
    match &reason {
        Err(problem) => problem.add_to(&mut errors, "reason", "idea-error-reason", "idea-error-text-long"),
        Ok(text) if text.chars().count() < 20 => errors.add("reason", "idea-error-reason"),
        Ok(_) => {}
    }
    if !decisions_open(&c) {
        errors.add("decision", "idea-error-council-closed");
    }
    let (Some(shortlisted), Ok(reason), true) = (shortlisted, reason, errors.is_empty()) else {
        return council_page(&state, &ctx, &c, errors, Some(id)).await;
    };
    let step = if shortlisted { Step::Shortlisted } else { Step::Declined };
    let mails = notify::mails(&state, &proposal, step, &reason, None).await?;
    let mut tx = state.db.begin_write().await?;
    store::decide(&mut tx, id, shortlisted, &reason).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaDecided, "idea_proposal", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "beslut", "radet"))
}
