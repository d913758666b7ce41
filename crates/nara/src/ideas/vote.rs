//! The vote: each eligible person chooses up to the campaign's number of shortlisted proposals,
//! once, while the vote is open (whole Stockholm days). The ballot is secret: the ballot rows hold
//! no voter and only the day; a separate mark says that the person voted, written in the same
//! transaction with a key that refuses a second mark, so a double vote counts once on either
//! database. The audit log records that the person voted in the campaign, never for what.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::store::{self, Campaign};
use super::web::{CampaignFacts, ProposalLine, idea_path};
use super::{Phase, Status, access, ballot, phase};
use crate::audit::Action;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, all_values};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "ideas/vote.html")]
struct VotePage<'a> {
    shell: Shell<'a>,
    campaign: CampaignFacts,
    action: String,
    open: bool,
    has_voted: bool,
    choices: Vec<(Uuid, ProposalLine)>,
    per_person: i32,
    errors: FormErrors,
}

async fn shortlist(state: &AppState, c: &Campaign) -> Result<Vec<store::Proposal>, AppError> {
    Ok(store::public_proposals(&state.db, c.id)
        .await?
        .into_iter()
        .filter(|p| p.status == Status::Shortlisted)
        .collect())
}

async fn vote_page(
    state: &AppState,
    ctx: &PageContext,
    c: &Campaign,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let choices = shortlist(state, c)
        .await?
        .iter()
        .map(|p| {
            (
                p.id,
                ProposalLine {
                    href: ctx.href(&idea_path(p.id)),
                    title: p.text.title.clone(),
                    category_key: p.category.label_key(),
                    status_key: p.status.label_key(),
                    votes: None,
                },
            )
        })
        .collect();
    let page = VotePage {
        shell: ctx.shell(state),
        campaign: CampaignFacts::of(ctx, c),
        action: ctx.href(&format!("/ideer/{}/rosta", c.slug)),
        open: phase(crate::stockholm::today(), c.vote_opens_on, c.vote_closes_on) == Phase::Open,
        has_voted: store::has_voted(&state.db, c.id, me).await?,
        choices,
        per_person: c.votes_per_person,
        errors,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /ideer/{campaign}/rosta`.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    access::taking_part(&state, &ctx, &c).await?;
    vote_page(&state, &ctx, &c, FormErrors::default()).await
}

/// `POST /ideer/{campaign}/rosta`.
pub async fn cast(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    access::taking_part(&state, &ctx, &c).await?;
    let me = ctx.person()?.person.id;
    let today = crate::stockholm::today();
    let mut errors = FormErrors::default();
    if phase(today, c.vote_opens_on, c.vote_closes_on) != Phase::Open {
        errors.add("choice", "idea-vote-error-closed");
        return vote_page(&state, &ctx, &c, errors).await;
    }
    let shortlisted: Vec<Uuid> = shortlist(&state, &c).await?.iter().map(|p| p.id).collect();
    // A value that is no id is a choice not on the list.
    let chosen: Vec<Option<Uuid>> =
        all_values(&pairs, "choice").iter().map(|v| Uuid::parse_str(v).ok()).collect();
    let known: Vec<Option<Uuid>> = shortlisted.iter().copied().map(Some).collect();
    let per_person = usize::try_from(c.votes_per_person).unwrap_or(1);
    let chosen = match ballot(&chosen, &known, per_person) {
        Ok(chosen) => chosen.into_iter().flatten().collect::<Vec<Uuid>>(),
        Err(problem) => {
            errors.add("choice", problem.key());
            return vote_page(&state, &ctx, &c, errors).await;
        }
    };
    let mut tx = state.db.begin_write().await?;
    if !store::cast(&mut tx, c.id, me, today, &chosen).await? {
        drop(tx);
        errors.add("choice", "idea-vote-error-voted");
        return vote_page(&state, &ctx, &c, errors).await;
    }
    // That this person voted in this campaign: the object is the campaign, never a proposal.
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaVoted, "idea_campaign", c.id))
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=rostat#rosta", ctx.href(&format!("/ideer/{}", c.slug))))
        .into_response())
}
