//! The public pages: the campaigns (`/ideer`), a campaign with its dates, proposals and results,
//! every idea's page with its whole path, and the campaign's Atom feed. The small actions on an
//! idea's page (follow, comment, invite a co-author, sign up for idea work) are here too.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access::{self, Loaded};
use super::notify::{self, Step};
use super::store::{self, Campaign, Proposal, Test};
use super::{Category, MAX_NAME_CHARS, MAX_TEXT_CHARS, Phase, Status, kronor, phase};
use crate::audit::Action;
use crate::i18n::format_stockholm;
use crate::identity::Role;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

pub fn day(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn idea_path(id: Uuid) -> String {
    format!("/ideer/forslag/{id}")
}

/// A campaign in a list.
pub struct CampaignLine {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub period: (String, String),
}

#[derive(Template)]
#[template(path = "ideas/campaigns.html")]
struct CampaignsPage<'a> {
    shell: Shell<'a>,
    campaigns: Vec<CampaignLine>,
    manages: bool,
}

/// `GET /ideer`.
pub async fn campaigns(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let campaigns = store::campaigns(&state.db)
        .await?
        .into_iter()
        .map(|c| CampaignLine {
            href: ctx.href(&format!("/ideer/{}", c.slug)),
            period: (day(c.opens_on), day(c.closes_on)),
            title: c.title,
            summary: c.summary,
        })
        .collect();
    let manages = crate::policy::may_manage_ideas(&ctx.current.actor);
    Ok(render(&CampaignsPage { shell: ctx.shell(&state), campaigns, manages })?.into_response())
}

/// A proposal in the campaign's list.
pub struct ProposalLine {
    pub href: String,
    pub title: String,
    pub category_key: &'static str,
    pub status_key: &'static str,
    pub votes: Option<i64>,
}

fn line(ctx: &PageContext, p: &Proposal, votes: Option<i64>) -> ProposalLine {
    ProposalLine {
        href: ctx.href(&idea_path(p.id)),
        title: p.text.title.clone(),
        category_key: p.category.label_key(),
        status_key: p.status.label_key(),
        votes,
    }
}

/// The campaign's dates and who may take part, as every page of it shows them.
pub struct CampaignFacts {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub proposals: (String, String),
    pub council: String,
    pub vote: (String, String),
    pub test_week: String,
    pub who_keys: Vec<&'static str>,
    pub cap: String,
    pub votes_per_person: i32,
}

impl CampaignFacts {
    pub fn of(ctx: &PageContext, c: &Campaign) -> Self {
        let mut who_keys = Vec::new();
        if c.staff_may_propose {
            who_keys.push("idea-who-staff");
        }
        if c.residents_may_propose {
            who_keys.push("idea-who-residents");
        }
        if c.associations_may_propose {
            who_keys.push("idea-who-associations");
        }
        Self {
            href: ctx.href(&format!("/ideer/{}", c.slug)),
            title: c.title.clone(),
            summary: c.summary.clone(),
            proposals: (day(c.opens_on), day(c.closes_on)),
            council: day(c.council_on),
            vote: (day(c.vote_opens_on), day(c.vote_closes_on)),
            test_week: day(c.test_week_starts_on),
            who_keys,
            cap: kronor(c.money_cap_ore),
            votes_per_person: c.votes_per_person,
        }
    }
}

/// A category with its proposals.
pub struct CategoryGroup {
    pub label_key: &'static str,
    pub proposals: Vec<ProposalLine>,
}

#[derive(Template)]
#[template(path = "ideas/campaign.html")]
struct CampaignPage<'a> {
    shell: Shell<'a>,
    campaign: CampaignFacts,
    groups: Vec<CategoryGroup>,
    mine: Vec<ProposalLine>,
    may_propose: bool,
    may_vote: bool,
    has_voted: bool,
    on_council: bool,
    results: Vec<ProposalLine>,
    voters: i64,
    vote_closed: bool,
    is_staff: bool,
    signups: Vec<(String, i32)>,
    signed_up: bool,
    errors: FormErrors,
    hours: String,
    manager: String,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klart: Option<String>,
}

async fn campaign_page(
    state: &AppState,
    ctx: &PageContext,
    c: &Campaign,
    errors: FormErrors,
    kept: (String, String),
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let today = crate::stockholm::today();
    let vote = phase(today, c.vote_opens_on, c.vote_closes_on);
    let proposals = store::public_proposals(&state.db, c.id).await?;
    let results_by_id =
        if vote == Phase::Closed { store::results(&state.db, c.id).await? } else { Vec::new() };
    let votes_of = |id: Uuid| {
        (vote == Phase::Closed && proposals.iter().any(|p| p.id == id && p.status == Status::Shortlisted))
            .then(|| results_by_id.iter().find(|(p, _)| *p == id).map_or(0, |(_, n)| *n))
    };
    let groups = Category::ALL
        .into_iter()
        .map(|category| CategoryGroup {
            label_key: category.label_key(),
            proposals: proposals
                .iter()
                .filter(|p| p.category == category)
                .map(|p| line(ctx, p, votes_of(p.id)))
                .collect(),
        })
        .collect();
    let mut results: Vec<ProposalLine> = proposals
        .iter()
        .filter(|p| p.status == Status::Shortlisted)
        .map(|p| line(ctx, p, votes_of(p.id)))
        .collect();
    results.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.title.cmp(&b.title)));
    let me = ctx.current.actor.person_id();
    let (mine, has_voted, on_council) = match me {
        Some(me) => (
            store::proposals_written_by(&state.db, c.id, me)
                .await?
                .iter()
                .map(|p| line(ctx, p, None))
                .collect(),
            store::has_voted(&state.db, c.id, me).await?,
            store::is_council_member(&state.db, c.id, me).await?,
        ),
        None => (Vec::new(), false, false),
    };
    let may_take_part = access::may_take_part(ctx, c);
    let is_staff = ctx.current.actor.signed_in().is_some_and(|p| p.has_role(Role::Staff));
    let signups = store::signups(&state.db, c.id).await?;
    let signed_up = match me {
        Some(me) => store::is_signed_up(&state.db, c.id, me).await?,
        None => false,
    };
    let page = CampaignPage {
        shell: ctx.shell(state),
        campaign: CampaignFacts::of(ctx, c),
        groups,
        mine,
        may_propose: may_take_part && phase(today, c.opens_on, c.closes_on) == Phase::Open,
        may_vote: may_take_part && vote == Phase::Open,
        has_voted,
        on_council,
        vote_closed: vote == Phase::Closed,
        voters: if vote == Phase::Closed { store::voter_count(&state.db, c.id).await? } else { 0 },
        results,
        is_staff,
        signups,
        signed_up,
        errors,
        hours: kept.0,
        manager: kept.1,
        notice,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /ideer/{campaign}`.
pub async fn campaign(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    let notice = match query.klart.as_deref() {
        Some("anmald") => Some("idea-notice-signed-up"),
        Some("rostat") => Some("idea-notice-voted"),
        _ => None,
    };
    campaign_page(&state, &ctx, &c, FormErrors::default(), Default::default(), notice).await
}

#[derive(Deserialize, Default)]
pub struct SignUpForm {
    #[serde(default)]
    hours: String,
    #[serde(default)]
    manager: String,
}

/// `POST /ideer/{campaign}/anmalan`: a member of staff signs up for idea work with the hours
/// their manager approved.
pub async fn sign_up(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<SignUpForm>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    let person = ctx.person()?;
    let is_staff = person.has_role(Role::Staff);
    crate::web::guard::allow(
        &state,
        &ctx,
        is_staff,
        crate::web::guard::Target::new("idea_campaign", c.id),
        crate::web::guard::Refusal::Forbidden,
    )
    .await?;
    let mut errors = FormErrors::default();
    let hours = form.hours.trim().parse::<i32>().ok().filter(|h| (1..=200).contains(h));
    if hours.is_none() {
        errors.add("hours", "idea-error-hours");
    }
    let manager = bounded_text(&form.manager, MAX_NAME_CHARS);
    if let Err(problem) = manager {
        problem.add_to(&mut errors, "manager", "idea-error-manager", "idea-error-title-long");
    }
    let (Some(hours), Ok(manager), true) = (hours, manager, errors.is_empty()) else {
        return campaign_page(&state, &ctx, &c, errors, (form.hours, form.manager), None).await;
    };
    let mut tx = state.db.begin_write().await?;
    if store::sign_up(&mut tx, c.id, person.person.id, hours, &manager).await? {
        crate::audit::store::append(
            &mut tx,
            &access::event(&ctx, Action::IdeaSignedUp, "idea_campaign", c.id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=anmald#anmalan", ctx.href(&format!("/ideer/{}", c.slug))))
        .into_response())
}

/// What a test's part of the idea page shows.
pub struct TestView {
    pub id: Uuid,
    pub coach: String,
    pub co_organiser: String,
    pub goal: String,
    pub budget: String,
    pub spent: String,
    pub left: String,
    pub spending: Vec<(String, String, String)>,
    pub log: Vec<(String, String)>,
    pub members: Vec<String>,
    pub presentation_href: String,
    pub lessons: Option<LessonsView>,
    pub i_am_member: bool,
}

pub struct LessonsView {
    pub happened: String,
    pub surprised: String,
    pub next_key: &'static str,
    pub owner: String,
    pub closed: String,
}

async fn test_view(state: &AppState, ctx: &PageContext, test: &Test) -> Result<TestView, AppError> {
    let spending = store::spending(&state.db, test.id).await?;
    let spent: i64 = spending.iter().map(|s| s.amount_ore).sum();
    let members = store::test_members(&state.db, test.id).await?;
    let me = ctx.current.actor.person_id();
    let series = crate::events::store::series(&state.db, test.presentation_series_id).await?;
    let lessons = match (
        &test.what_happened,
        &test.what_surprised,
        &test.next_step,
        &test.next_owner,
        test.closed_at,
    ) {
        (Some(h), Some(s), Some(n), Some(o), Some(closed)) => Some(LessonsView {
            happened: h.clone(),
            surprised: s.clone(),
            next_key: super::NextStep::parse(n).map_or("idea-next-stop", super::NextStep::label_key),
            owner: o.clone(),
            closed: format_stockholm(closed),
        }),
        _ => None,
    };
    Ok(TestView {
        id: test.id,
        coach: test.coach_name.clone(),
        co_organiser: test.co_organiser_name.clone(),
        goal: test.delivery_goal.clone(),
        budget: kronor(test.budget_ore),
        spent: kronor(spent),
        left: kronor((test.budget_ore - spent).max(0)),
        spending: spending.iter().map(|s| (day(s.spent_on), s.what.clone(), kronor(s.amount_ore))).collect(),
        log: store::log(&state.db, test.id).await?.into_iter().map(|(d, body)| (day(d), body)).collect(),
        i_am_member: me.is_some_and(|me| members.iter().any(|(id, _)| *id == me)),
        members: members.into_iter().map(|(_, name)| name).collect(),
        presentation_href: series.map_or_else(String::new, |s| ctx.href(&format!("/kalender/{}", s.slug))),
        lessons,
    })
}

/// What the forms of an idea's page had when they come back with errors.
#[derive(Default)]
pub struct Kept {
    pub comment: String,
    pub coauthor: String,
    pub coach: String,
    pub co_organiser: String,
    pub goal: String,
    pub budget: String,
    pub presentation: String,
    pub log_day: String,
    pub log_body: String,
    pub spend_what: String,
    pub spend_amount: String,
    pub spend_day: String,
    pub happened: String,
    pub surprised: String,
    pub next_step: String,
    pub owner: String,
}

#[derive(Template)]
#[template(path = "ideas/idea.html")]
struct IdeaPage<'a> {
    shell: Shell<'a>,
    campaign: CampaignFacts,
    base: String,
    proposal: Proposal,
    category_key: &'static str,
    status_key: &'static str,
    sent: Option<String>,
    decided: Option<String>,
    money: String,
    authors: Vec<String>,
    author_count: usize,
    is_author: bool,
    votes: Option<i64>,
    comments: Vec<(String, bool, String, String)>,
    signed_in: bool,
    following: bool,
    test: Option<TestView>,
    may_start_test: bool,
    may_work_on_test: bool,
    errors: FormErrors,
    kept: Kept,
    notice: Option<&'static str>,
    next_steps: Vec<(&'static str, &'static str)>,
}

/// Renders an idea's page (with a form's errors when `errors` is not empty).
pub async fn idea_page(
    state: &AppState,
    ctx: &PageContext,
    loaded: &Loaded,
    errors: FormErrors,
    kept: Kept,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let p = &loaded.proposal;
    let c = store::campaign(&state.db, p.campaign_id).await?.ok_or(AppError::NotFound)?;
    let vote_closed = phase(crate::stockholm::today(), c.vote_opens_on, c.vote_closes_on) == Phase::Closed;
    let votes = if vote_closed && p.status == Status::Shortlisted {
        Some(
            store::results(&state.db, c.id)
                .await?
                .into_iter()
                .find(|(id, _)| *id == p.id)
                .map_or(0, |(_, n)| n),
        )
    } else {
        None
    };
    let me = ctx.current.actor.person_id();
    let is_author = me.is_some_and(|me| loaded.authors.iter().any(|a| a.id == me));
    let test = match store::test_of(&state.db, p.id).await? {
        Some(test) => Some(test_view(state, ctx, &test).await?),
        None => None,
    };
    let manages = crate::policy::may_manage_ideas(&ctx.current.actor);
    let may_work_on_test = test.as_ref().is_some_and(|t| manages || t.i_am_member);
    let page = IdeaPage {
        shell: ctx.shell(state),
        campaign: CampaignFacts::of(ctx, &c),
        base: ctx.href(&idea_path(p.id)),
        category_key: p.category.label_key(),
        status_key: p.status.label_key(),
        sent: p.submitted_at.map(format_stockholm),
        decided: p.council_decided_at.map(format_stockholm),
        money: kronor(p.text.money_ore),
        // Names are shown to the authors only: a resident who proposes is not published.
        authors: if is_author {
            loaded.authors.iter().map(|a| a.display_name.clone()).collect()
        } else {
            Vec::new()
        },
        author_count: loaded.authors.len(),
        is_author,
        votes,
        comments: store::comments(&state.db, p.id)
            .await?
            .into_iter()
            .map(|c| (c.display_name, c.is_question, c.body, format_stockholm(c.written_at)))
            .collect(),
        signed_in: me.is_some(),
        following: match me {
            Some(me) => store::is_following(&state.db, p.id, me).await?,
            None => false,
        },
        may_start_test: manages && test.is_none() && p.status == Status::Shortlisted && vote_closed,
        may_work_on_test,
        test,
        errors,
        kept,
        notice,
        next_steps: super::NextStep::ALL.iter().map(|s| (s.as_str(), s.label_key())).collect(),
        proposal: p.clone(),
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

pub fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "sparat" => Some("idea-notice-saved"),
        "skickat" => Some("idea-notice-sent"),
        "kommentar" => Some("idea-notice-commented"),
        "foljer" => Some("idea-notice-following"),
        "medforfattare" => Some("idea-notice-coauthor"),
        "beslut" => Some("idea-notice-decided"),
        "test" => Some("idea-notice-test-started"),
        "med" => Some("idea-notice-joined"),
        "logg" => Some("idea-notice-logged"),
        "utgift" => Some("idea-notice-spent"),
        "avslutat" => Some("idea-notice-closed"),
        _ => None,
    }
}

/// `GET /ideer/forslag/{proposal}`.
pub async fn idea(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let loaded = access::readable(&state, &ctx, id).await?;
    idea_page(
        &state,
        &ctx,
        &loaded,
        FormErrors::default(),
        Kept::default(),
        notice_key(query.klart.as_deref()),
    )
    .await
}

pub fn back_to(ctx: &PageContext, id: Uuid, word: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}?klart={word}#{anchor}", ctx.href(&idea_path(id)))).into_response()
}

/// `POST /ideer/forslag/{proposal}/folj`: follow a sent proposal's changes by e-mail.
pub async fn follow(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let loaded = access::readable(&state, &ctx, id).await?;
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if store::follow(&mut tx, loaded.proposal.id, me).await? {
        crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaFollowed, "idea_proposal", id))
            .await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, "foljer", "folj"))
}

#[derive(Deserialize, Default)]
pub struct CommentForm {
    #[serde(default)]
    comment: String,
    /// `fraga` for a question.
    #[serde(default)]
    kind: String,
}

/// `POST /ideer/forslag/{proposal}/kommentar`: a question or comment on a sent proposal; the
/// authors are told.
pub async fn comment(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let loaded = access::readable(&state, &ctx, id).await?;
    let me = ctx.person()?.person.id;
    let body = match bounded_text(&form.comment, MAX_TEXT_CHARS) {
        Ok(body) if loaded.proposal.status != Status::Draft => body,
        Ok(_) => return Err(AppError::NotFound),
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "comment", "idea-error-comment", "idea-error-text-long");
            let kept = Kept { comment: form.comment, ..Kept::default() };
            return idea_page(&state, &ctx, &loaded, errors, kept, None).await;
        }
    };
    let mails = notify::mails(&state, &loaded.proposal, Step::Comment, &body, None).await?;
    let mut tx = state.db.begin_write().await?;
    store::add_comment(&mut tx, id, me, form.kind == "fraga", &body).await?;
    store::touch(&mut tx, id).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::IdeaCommented, "idea_proposal", id))
        .await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "kommentar", "kommentarer"))
}

#[derive(Deserialize, Default)]
pub struct CoauthorForm {
    #[serde(default)]
    coauthor: String,
}

/// `POST /ideer/forslag/{proposal}/medforfattare`: an author invites someone with an account,
/// by e-mail address; they are told and may then change the draft.
pub async fn add_coauthor(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CoauthorForm>,
) -> Result<Response, AppError> {
    let loaded = access::writable(&state, &ctx, id).await?;
    let found = access::active_person(&state, &form.coauthor).await?;
    let Some(person) = found.filter(|p| !loaded.authors.iter().any(|a| a.id == p.id)) else {
        let mut errors = FormErrors::default();
        errors.add("coauthor", "idea-error-coauthor");
        let kept = Kept { coauthor: form.coauthor, ..Kept::default() };
        return idea_page(&state, &ctx, &loaded, errors, kept, None).await;
    };
    let recipient = store::Recipient {
        id: person.id,
        display_name: person.display_name.clone(),
        email: person.email.as_ref().map(|e| e.to_string()),
        language: None,
    };
    let mails = notify::mails(&state, &loaded.proposal, Step::Coauthor, "", Some(&recipient)).await?;
    let mut tx = state.db.begin_write().await?;
    if store::add_coauthor(&mut tx, id, person.id).await? {
        for mail in &mails {
            crate::mail::store::enqueue(&mut tx, mail).await?;
        }
        let event = access::event(&ctx, Action::IdeaCoauthorAdded, "idea_proposal", id).subject(person.id);
        crate::audit::store::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, "medforfattare", "forfattare"))
}

/// `GET /ideer/{campaign}/flode.atom`: the campaign's proposals and their changes.
pub async fn feed(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    let shell = ctx.shell(&state);
    let entries: Vec<crate::events::atom::AtomEntry> = store::public_proposals(&state.db, c.id)
        .await?
        .into_iter()
        .map(|p| crate::events::atom::AtomEntry {
            id: format!("urn:uuid:{}", p.id),
            url: state.absolute(&ctx.href(&idea_path(p.id))),
            summary: format!("{}: {}", shell.t(p.status.label_key()), p.text.problem),
            updated: p.updated_at.0,
            starts: p.updated_at.0,
            title: p.text.title,
        })
        .collect();
    let mut entries = entries;
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    let page = ctx.href(&format!("/ideer/{}", c.slug));
    let xml = crate::events::atom::feed(
        &format!("urn:uuid:{}", c.id),
        &c.title,
        &state.absolute(&format!("{page}/flode.atom")),
        &state.absolute(&page),
        shell.lang(),
        &entries,
        chrono::Utc::now(),
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}
