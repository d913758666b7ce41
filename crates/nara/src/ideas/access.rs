//! Which campaign, proposal or test a person may have, loaded and checked in one step. A draft is
//! its authors' only: for anyone else it does not exist (404), and the attempt is audited. The
//! council's pages are for the campaign's members, the management pages for staff and
//! administrators (403, audited).

use uuid::Uuid;

use super::store::{self, Campaign, Proposal, Recipient, Test};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::policy;
use crate::web::errors::AppError;
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::state::AppState;

pub async fn campaign(state: &AppState, slug: &str) -> Result<Campaign, AppError> {
    store::campaign_by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)
}

/// A proposal with its authors (the author first).
pub struct Loaded {
    pub proposal: Proposal,
    pub authors: Vec<Recipient>,
}

impl Loaded {
    pub fn author_ids(&self) -> Vec<Uuid> {
        self.authors.iter().map(|a| a.id).collect()
    }
}

async fn load(state: &AppState, id: Uuid) -> Result<Loaded, AppError> {
    let proposal = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let authors = store::authors(&state.db, id).await?;
    Ok(Loaded { proposal, authors })
}

/// A proposal this person may read: any sent one, a draft only by its authors.
pub async fn readable(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Loaded, AppError> {
    let loaded = load(state, id).await?;
    let draft = loaded.proposal.status == super::Status::Draft;
    let allowed = policy::may_read_proposal(&ctx.current.actor, draft, &loaded.author_ids());
    guard::allow(state, ctx, allowed, Target::new("idea_proposal", id), Refusal::NotFound).await?;
    Ok(loaded)
}

/// A proposal this person writes (author or co-author); anyone else gets "not found".
pub async fn writable(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<Loaded, AppError> {
    let loaded = load(state, id).await?;
    let allowed = policy::may_write_proposal(&ctx.current.actor, &loaded.author_ids());
    guard::allow(state, ctx, allowed, Target::new("idea_proposal", id), Refusal::NotFound).await?;
    Ok(loaded)
}

/// For the pages that run campaigns: staff and administrators.
pub async fn managing(state: &AppState, ctx: &PageContext, what: impl ToString) -> Result<(), AppError> {
    let allowed = policy::may_manage_ideas(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("idea_campaign", what), Refusal::Forbidden).await
}

/// For the campaign's council pages: its named members.
pub async fn on_council(state: &AppState, ctx: &PageContext, campaign: &Campaign) -> Result<(), AppError> {
    let member = match ctx.current.actor.person_id() {
        Some(person) => store::is_council_member(&state.db, campaign.id, person).await?,
        None => false,
    };
    let allowed = policy::may_sit_on_council(&ctx.current.actor, member);
    guard::allow(state, ctx, allowed, Target::new("idea_council", campaign.id), Refusal::Forbidden).await
}

/// For proposing and voting: the groups the campaign is open to.
pub async fn taking_part(state: &AppState, ctx: &PageContext, campaign: &Campaign) -> Result<(), AppError> {
    let e = campaign.eligibility();
    let allowed = policy::may_take_part_in_ideas(&ctx.current.actor, e.staff, e.residents, e.associations);
    guard::allow(state, ctx, allowed, Target::new("idea_campaign", campaign.id), Refusal::Forbidden).await
}

/// May this person take part (for showing the links; the routes check again)?
pub fn may_take_part(ctx: &PageContext, campaign: &Campaign) -> bool {
    let e = campaign.eligibility();
    policy::may_take_part_in_ideas(&ctx.current.actor, e.staff, e.residents, e.associations)
}

/// A test with its proposal and group.
pub struct WorkedTest {
    pub test: Test,
    pub proposal: Proposal,
    pub members: Vec<(Uuid, String)>,
}

async fn load_test(state: &AppState, id: Uuid) -> Result<WorkedTest, AppError> {
    let test = store::test(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let proposal = store::proposal(&state.db, test.proposal_id).await?.ok_or(AppError::NotFound)?;
    let members = store::test_members(&state.db, id).await?;
    Ok(WorkedTest { test, proposal, members })
}

/// A test whose log, spending and lessons this person keeps: its group, or staff running ideas.
pub async fn worked_test(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<WorkedTest, AppError> {
    let worked = load_test(state, id).await?;
    let members: Vec<Uuid> = worked.members.iter().map(|(id, _)| *id).collect();
    let allowed = policy::may_work_on_test(&ctx.current.actor, &members);
    guard::allow(state, ctx, allowed, Target::new("idea_test", id), Refusal::Forbidden).await?;
    Ok(worked)
}

/// A test anyone signed in may join (the group's sign-up).
pub async fn any_test(state: &AppState, id: Uuid) -> Result<WorkedTest, AppError> {
    load_test(state, id).await
}

/// The log's entry for something done with ideas.
pub fn event(ctx: &PageContext, action: Action, object_type: &'static str, object: Uuid) -> AuditEvent {
    AuditEvent::new(AuditActor::of(&ctx.current.actor), action, object_type)
        .object(object)
        .request(ctx.request_id.clone())
}

/// The active account with this e-mail address (to name a co-author or a council member).
pub async fn active_person(
    state: &AppState,
    email: &str,
) -> Result<Option<crate::identity::Person>, AppError> {
    let Some(address) = crate::identity::EmailAddress::parse(email.trim()) else {
        return Ok(None);
    };
    let found = crate::identity::store::person_by_email(&state.db, &address).await?;
    Ok(found.map(|(person, _)| person).filter(|person| person.active))
}
