//! The ideas' SQL. A write that is part of a user action takes the action's `Tx` and does not
//! commit; reads take the `Db`. The ballot is written in [`cast`]: the voter's mark and the votes
//! in one transaction, the mark first, so a second ballot of the same person (on either database,
//! at the same moment) finds the mark's key taken and adds nothing.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Category, Eligibility, Lessons, ProposalText, Status};
use crate::db::{Db, Param, Tx, UtcTime};

/// A campaign as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Campaign {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub staff_may_propose: bool,
    pub residents_may_propose: bool,
    pub associations_may_propose: bool,
    pub money_cap_ore: i64,
    pub council_on: NaiveDate,
    pub vote_opens_on: NaiveDate,
    pub vote_closes_on: NaiveDate,
    pub votes_per_person: i32,
    pub test_week_starts_on: NaiveDate,
    pub created_at: UtcTime,
}

impl Campaign {
    pub fn eligibility(&self) -> Eligibility {
        Eligibility {
            staff: self.staff_may_propose,
            residents: self.residents_may_propose,
            associations: self.associations_may_propose,
        }
    }
}

const SELECT_CAMPAIGN: &str = "SELECT id, slug, title, summary, opens_on, closes_on, staff_may_propose, \
     residents_may_propose, associations_may_propose, money_cap_ore, council_on, vote_opens_on, vote_closes_on, \
     votes_per_person, test_week_starts_on, created_at FROM idea_campaigns ";

/// Pushes a row's text into a domain value, failing on a value the schema's CHECKs allow but the
/// code does not know (which would be a bug, never input).
fn known<T>(value: Option<T>, what: &str) -> anyhow::Result<T> {
    value.ok_or_else(|| anyhow::anyhow!("an idea row has an unknown {what}"))
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    id: Uuid,
    campaign_id: Uuid,
    author_id: Uuid,
    category: String,
    title: String,
    problem: String,
    whose_problem: String,
    voices: String,
    heard_link: Option<String>,
    one_week_try: String,
    shows_it_works: String,
    needs_people: String,
    needs_money_ore: i64,
    status: String,
    council_reason: Option<String>,
    council_decided_at: Option<UtcTime>,
    submitted_at: Option<UtcTime>,
    updated_at: UtcTime,
}

/// A proposal as stored.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub author_id: Uuid,
    pub category: Category,
    pub text: ProposalText,
    pub status: Status,
    pub council_reason: Option<String>,
    pub council_decided_at: Option<UtcTime>,
    pub submitted_at: Option<UtcTime>,
    pub updated_at: UtcTime,
}

impl ProposalRow {
    fn into_proposal(self) -> anyhow::Result<Proposal> {
        let category = known(Category::parse(&self.category), "category")?;
        Ok(Proposal {
            id: self.id,
            campaign_id: self.campaign_id,
            author_id: self.author_id,
            category,
            status: known(Status::parse(&self.status), "status")?,
            text: ProposalText {
                category: Some(category),
                title: self.title,
                problem: self.problem,
                whose: self.whose_problem,
                voices: self.voices,
                heard_link: self.heard_link,
                try_in_week: self.one_week_try,
                signs: self.shows_it_works,
                people: self.needs_people,
                money_ore: self.needs_money_ore,
            },
            council_reason: self.council_reason,
            council_decided_at: self.council_decided_at,
            submitted_at: self.submitted_at,
            updated_at: self.updated_at,
        })
    }
}

const SELECT_PROPOSAL: &str = "SELECT id, campaign_id, author_id, category, title, problem, whose_problem, voices, \
     heard_link, one_week_try, shows_it_works, needs_people, needs_money_ore, status, council_reason, \
     council_decided_at, submitted_at, updated_at FROM idea_proposals ";

fn proposals(rows: Vec<ProposalRow>) -> anyhow::Result<Vec<Proposal>> {
    rows.into_iter().map(ProposalRow::into_proposal).collect()
}

/// What a new campaign needs.
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub eligibility: Eligibility,
    pub money_cap_ore: i64,
    pub council_on: NaiveDate,
    pub vote_opens_on: NaiveDate,
    pub vote_closes_on: NaiveDate,
    pub votes_per_person: i32,
    pub test_week_starts_on: NaiveDate,
}

pub async fn create_campaign(tx: &mut Tx, new: &NewCampaign, by: Uuid) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let e = new.eligibility;
    let params: [&dyn Param; 17] = [
        &id,
        &new.slug,
        &new.title,
        &new.summary,
        &new.opens_on,
        &new.closes_on,
        &e.staff,
        &e.residents,
        &e.associations,
        &new.money_cap_ore,
        &new.council_on,
        &new.vote_opens_on,
        &new.vote_closes_on,
        &new.votes_per_person,
        &new.test_week_starts_on,
        &by,
        &now,
    ];
    tx.sql()
        .execute(
            "INSERT INTO idea_campaigns (id, slug, title, summary, opens_on, closes_on, staff_may_propose, \
             residents_may_propose, associations_may_propose, money_cap_ore, council_on, vote_opens_on, \
             vote_closes_on, votes_per_person, test_week_starts_on, created_by, created_at) VALUES ($1, $2, $3, \
             $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
            &params,
        )
        .await?;
    Ok(id)
}

/// Every campaign, the newest first.
pub async fn campaigns(db: &Db) -> anyhow::Result<Vec<Campaign>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_CAMPAIGN}ORDER BY opens_on DESC, slug"));
    Ok(db.sql().all(sql, &[]).await?)
}

pub async fn campaign_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Campaign>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_CAMPAIGN}WHERE slug = $1"));
    Ok(db.sql().optional(sql, &[&slug]).await?)
}

pub async fn campaign(db: &Db, id: Uuid) -> anyhow::Result<Option<Campaign>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_CAMPAIGN}WHERE id = $1"));
    Ok(db.sql().optional(sql, &[&id]).await?)
}

pub async fn slug_taken(db: &Db, slug: &str) -> anyhow::Result<bool> {
    let found: Option<Uuid> =
        db.sql().value("SELECT id FROM idea_campaigns WHERE slug = $1", &[&slug]).await?;
    Ok(found.is_some())
}

/// A member of staff signs up for idea work; `false` when they already had.
pub async fn sign_up(
    tx: &mut Tx,
    campaign: Uuid,
    person: Uuid,
    hours: i32,
    manager: &str,
) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_staff_signups (campaign_id, person_id, approved_hours, manager_name, signed_up_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (campaign_id, person_id) DO NOTHING",
            &[&campaign, &person, &hours, &manager, &now],
        )
        .await?;
    Ok(added == 1)
}

/// The staff signed up: (name, approved hours).
pub async fn signups(db: &Db, campaign: Uuid) -> anyhow::Result<Vec<(String, i32)>> {
    let sql = "SELECT p.display_name, s.approved_hours FROM idea_staff_signups s JOIN people p ON p.id = s.person_id \
               WHERE s.campaign_id = $1 ORDER BY p.display_name";
    Ok(db.sql().all(sql, &[&campaign]).await?)
}

pub async fn add_council_member(tx: &mut Tx, campaign: Uuid, person: Uuid, by: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_council_members (campaign_id, person_id, added_by, added_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (campaign_id, person_id) DO NOTHING",
            &[&campaign, &person, &by, &now],
        )
        .await?;
    Ok(added == 1)
}

pub async fn is_council_member(db: &Db, campaign: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let found: Option<Uuid> = db
        .sql()
        .value(
            "SELECT person_id FROM idea_council_members WHERE campaign_id = $1 AND person_id = $2",
            &[&campaign, &person],
        )
        .await?;
    Ok(found.is_some())
}

/// The council's members' names.
pub async fn council(db: &Db, campaign: Uuid) -> anyhow::Result<Vec<String>> {
    let sql = "SELECT p.display_name FROM idea_council_members c JOIN people p ON p.id = c.person_id \
               WHERE c.campaign_id = $1 ORDER BY p.display_name";
    Ok(db.sql().column(sql, &[&campaign]).await?)
}

pub async fn create_proposal(
    tx: &mut Tx,
    campaign: Uuid,
    author: Uuid,
    text: &ProposalText,
    send: bool,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let category = text.category.unwrap_or(Category::Test).as_str();
    let status = if send { Status::Submitted } else { Status::Draft }.as_str();
    let submitted = send.then_some(now);
    let params: [&dyn Param; 16] = [
        &id,
        &campaign,
        &author,
        &category,
        &text.title,
        &text.problem,
        &text.whose,
        &text.voices,
        &text.heard_link,
        &text.try_in_week,
        &text.signs,
        &text.people,
        &text.money_ore,
        &status,
        &submitted,
        &now,
    ];
    tx.sql()
        .execute(
            "INSERT INTO idea_proposals (id, campaign_id, author_id, category, title, problem, whose_problem, voices, \
             heard_link, one_week_try, shows_it_works, needs_people, needs_money_ore, status, submitted_at, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
             $16, $16)",
            &params,
        )
        .await?;
    Ok(id)
}

/// Saves a draft's texts, and sends it when `send`; `false` when it is no longer a draft.
pub async fn update_draft(tx: &mut Tx, id: Uuid, text: &ProposalText, send: bool) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let category = text.category.unwrap_or(Category::Test).as_str();
    let status = if send { Status::Submitted } else { Status::Draft }.as_str();
    let submitted = send.then_some(now);
    let params: [&dyn Param; 15] = [
        &id,
        &category,
        &text.title,
        &text.problem,
        &text.whose,
        &text.voices,
        &text.heard_link,
        &text.try_in_week,
        &text.signs,
        &text.people,
        &text.money_ore,
        &status,
        &submitted,
        &now,
        &Status::Draft.as_str(),
    ];
    let changed = tx
        .sql()
        .execute(
            "UPDATE idea_proposals SET category = $2, title = $3, problem = $4, whose_problem = $5, voices = $6, \
             heard_link = $7, one_week_try = $8, shows_it_works = $9, needs_people = $10, needs_money_ore = $11, \
             status = $12, submitted_at = $13, updated_at = $14 WHERE id = $1 AND status = $15",
            &params,
        )
        .await?;
    Ok(changed == 1)
}

pub async fn proposal(db: &Db, id: Uuid) -> anyhow::Result<Option<Proposal>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_PROPOSAL}WHERE id = $1"));
    let row: Option<ProposalRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(ProposalRow::into_proposal).transpose()
}

/// A campaign's sent proposals (drafts are their authors' only), by category and title.
pub async fn public_proposals(db: &Db, campaign: Uuid) -> anyhow::Result<Vec<Proposal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_PROPOSAL}WHERE campaign_id = $1 AND status <> 'draft' ORDER BY category, title, id"
    ));
    proposals(db.sql().all(sql, &[&campaign]).await?)
}

/// The drafts and sent proposals a person writes (as author or co-author) in a campaign.
pub async fn proposals_written_by(db: &Db, campaign: Uuid, person: Uuid) -> anyhow::Result<Vec<Proposal>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_PROPOSAL}WHERE campaign_id = $1 AND (author_id = $2 OR id IN \
         (SELECT proposal_id FROM idea_coauthors WHERE person_id = $2)) ORDER BY created_at, id"
    ));
    proposals(db.sql().all(sql, &[&campaign, &person]).await?)
}

/// One who is told of a proposal's steps: its authors and followers.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub language: Option<String>,
}

/// The author first, then the co-authors.
pub async fn authors(db: &Db, proposal: Uuid) -> anyhow::Result<Vec<Recipient>> {
    let sql = "SELECT p.id, p.display_name, p.email, p.language FROM idea_proposals i JOIN people p ON p.id = \
               i.author_id WHERE i.id = $1 UNION ALL SELECT p.id, p.display_name, p.email, p.language FROM \
               idea_coauthors c JOIN people p ON p.id = c.person_id WHERE c.proposal_id = $1";
    Ok(db.sql().all(sql, &[&proposal]).await?)
}

/// The followers who are not among the authors.
pub async fn followers(db: &Db, proposal: Uuid) -> anyhow::Result<Vec<Recipient>> {
    let sql = "SELECT p.id, p.display_name, p.email, p.language FROM idea_followers f JOIN people p ON p.id = \
               f.person_id WHERE f.proposal_id = $1 ORDER BY p.id";
    Ok(db.sql().all(sql, &[&proposal]).await?)
}

pub async fn add_coauthor(tx: &mut Tx, proposal: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_coauthors (proposal_id, person_id, added_at) VALUES ($1, $2, $3) \
             ON CONFLICT (proposal_id, person_id) DO NOTHING",
            &[&proposal, &person, &now],
        )
        .await?;
    Ok(added == 1)
}

pub async fn follow(tx: &mut Tx, proposal: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_followers (proposal_id, person_id) VALUES ($1, $2) \
             ON CONFLICT (proposal_id, person_id) DO NOTHING",
            &[&proposal, &person],
        )
        .await?;
    Ok(added == 1)
}

pub async fn is_following(db: &Db, proposal: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let found: Option<Uuid> = db
        .sql()
        .value(
            "SELECT person_id FROM idea_followers WHERE proposal_id = $1 AND person_id = $2",
            &[&proposal, &person],
        )
        .await?;
    Ok(found.is_some())
}

pub async fn add_comment(
    tx: &mut Tx,
    proposal: Uuid,
    author: Uuid,
    is_question: bool,
    body: &str,
) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    tx.sql()
        .execute(
            "INSERT INTO idea_comments (id, proposal_id, author_id, is_question, body, written_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&id, &proposal, &author, &is_question, &body, &now],
        )
        .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub display_name: String,
    pub is_question: bool,
    pub body: String,
    pub written_at: UtcTime,
}

pub async fn comments(db: &Db, proposal: Uuid) -> anyhow::Result<Vec<Comment>> {
    let sql = "SELECT p.display_name, c.is_question, c.body, c.written_at FROM idea_comments c JOIN people p \
               ON p.id = c.author_id WHERE c.proposal_id = $1 ORDER BY c.written_at, c.id";
    Ok(db.sql().all(sql, &[&proposal]).await?)
}

/// The council's decision with its reason; `false` when the proposal is a draft.
pub async fn decide(tx: &mut Tx, proposal: Uuid, shortlisted: bool, reason: &str) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let status = if shortlisted { Status::Shortlisted } else { Status::Declined }.as_str();
    let changed = tx
        .sql()
        .execute(
            "UPDATE idea_proposals SET status = $2, council_reason = $3, council_decided_at = $4, updated_at = $4 \
             WHERE id = $1 AND status <> 'draft'",
            &[&proposal, &status, &reason, &now],
        )
        .await?;
    Ok(changed == 1)
}

/// Casts a secret ballot: marks that `person` voted (the mark's key refuses a second one, also
/// from a concurrent transaction) and, only when the mark was new, adds one ballot row per chosen
/// proposal with no voter and only the day. `false`: the person had voted already.
pub async fn cast(
    tx: &mut Tx,
    campaign: Uuid,
    person: Uuid,
    today: NaiveDate,
    chosen: &[Uuid],
) -> anyhow::Result<bool> {
    let marked = tx
        .sql()
        .execute(
            "INSERT INTO idea_voters (campaign_id, person_id, voted_on) VALUES ($1, $2, $3) \
             ON CONFLICT (campaign_id, person_id) DO NOTHING",
            &[&campaign, &person, &today],
        )
        .await?;
    if marked != 1 {
        return Ok(false);
    }
    for proposal in chosen {
        let id = Uuid::new_v4();
        tx.sql()
            .execute(
                "INSERT INTO idea_ballots (id, campaign_id, proposal_id, cast_on) VALUES ($1, $2, $3, $4)",
                &[&id, &campaign, proposal, &today],
            )
            .await?;
    }
    Ok(true)
}

pub async fn has_voted(db: &Db, campaign: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let found: Option<Uuid> = db
        .sql()
        .value(
            "SELECT person_id FROM idea_voters WHERE campaign_id = $1 AND person_id = $2",
            &[&campaign, &person],
        )
        .await?;
    Ok(found.is_some())
}

/// How many have voted in a campaign.
pub async fn voter_count(db: &Db, campaign: Uuid) -> anyhow::Result<i64> {
    let count: Option<i64> =
        db.sql().value("SELECT COUNT(*) FROM idea_voters WHERE campaign_id = $1", &[&campaign]).await?;
    Ok(count.unwrap_or(0))
}

/// Votes per proposal of a campaign.
pub async fn results(db: &Db, campaign: Uuid) -> anyhow::Result<Vec<(Uuid, i64)>> {
    let sql = "SELECT proposal_id, COUNT(*) FROM idea_ballots WHERE campaign_id = $1 GROUP BY proposal_id";
    Ok(db.sql().all(sql, &[&campaign]).await?)
}

/// A test as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Test {
    pub id: Uuid,
    pub proposal_id: Uuid,
    pub coach_name: String,
    pub co_organiser_name: String,
    pub delivery_goal: String,
    pub budget_ore: i64,
    pub presentation_series_id: Uuid,
    pub what_happened: Option<String>,
    pub what_surprised: Option<String>,
    pub next_step: Option<String>,
    pub next_owner: Option<String>,
    pub closed_at: Option<UtcTime>,
    pub started_at: UtcTime,
}

const SELECT_TEST: &str = "SELECT id, proposal_id, coach_name, co_organiser_name, delivery_goal, budget_ore, \
     presentation_series_id, what_happened, what_surprised, next_step, next_owner, closed_at, started_at \
     FROM idea_tests ";

/// What a new test needs besides its presentation, which the caller puts in the calendar.
#[derive(Debug, Clone)]
pub struct NewTest {
    pub coach_name: String,
    pub co_organiser_name: String,
    pub delivery_goal: String,
    pub budget_ore: i64,
}

/// Starts a test of a shortlisted proposal; `None` when it already has one.
pub async fn start_test(
    tx: &mut Tx,
    proposal: Uuid,
    new: &NewTest,
    presentation: Uuid,
    by: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let params: [&dyn Param; 9] = [
        &id,
        &proposal,
        &new.coach_name,
        &new.co_organiser_name,
        &new.delivery_goal,
        &new.budget_ore,
        &presentation,
        &by,
        &now,
    ];
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_tests (id, proposal_id, coach_name, co_organiser_name, delivery_goal, budget_ore, \
             presentation_series_id, started_by, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (proposal_id) DO NOTHING",
            &params,
        )
        .await?;
    Ok((added == 1).then_some(id))
}

pub async fn test(db: &Db, id: Uuid) -> anyhow::Result<Option<Test>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_TEST}WHERE id = $1"));
    Ok(db.sql().optional(sql, &[&id]).await?)
}

pub async fn test_of(db: &Db, proposal: Uuid) -> anyhow::Result<Option<Test>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_TEST}WHERE proposal_id = $1"));
    Ok(db.sql().optional(sql, &[&proposal]).await?)
}

pub async fn join_test(tx: &mut Tx, test: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let added = tx
        .sql()
        .execute(
            "INSERT INTO idea_test_members (test_id, person_id, joined_at) VALUES ($1, $2, $3) \
             ON CONFLICT (test_id, person_id) DO NOTHING",
            &[&test, &person, &now],
        )
        .await?;
    Ok(added == 1)
}

/// The group's members: (id, name).
pub async fn test_members(db: &Db, test: Uuid) -> anyhow::Result<Vec<(Uuid, String)>> {
    let sql = "SELECT p.id, p.display_name FROM idea_test_members m JOIN people p ON p.id = m.person_id \
               WHERE m.test_id = $1 ORDER BY p.display_name";
    Ok(db.sql().all(sql, &[&test]).await?)
}

pub async fn add_spending(
    tx: &mut Tx,
    test: Uuid,
    what: &str,
    amount_ore: i64,
    spent_on: NaiveDate,
    by: Uuid,
) -> anyhow::Result<()> {
    let id = Uuid::new_v4();
    tx.sql()
        .execute(
            "INSERT INTO idea_test_spending (id, test_id, what, amount_ore, spent_on, recorded_by) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&id, &test, &what, &amount_ore, &spent_on, &by],
        )
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Spending {
    pub what: String,
    pub amount_ore: i64,
    pub spent_on: NaiveDate,
}

pub async fn spending(db: &Db, test: Uuid) -> anyhow::Result<Vec<Spending>> {
    let sql =
        "SELECT what, amount_ore, spent_on FROM idea_test_spending WHERE test_id = $1 ORDER BY spent_on, id";
    Ok(db.sql().all(sql, &[&test]).await?)
}

/// The day's log, written again when the group changes it.
pub async fn write_log(tx: &mut Tx, test: Uuid, day: NaiveDate, body: &str, by: Uuid) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO idea_test_log (test_id, day, body, written_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (test_id, day) DO UPDATE SET body = excluded.body, written_by = excluded.written_by",
            &[&test, &day, &body, &by],
        )
        .await?;
    Ok(())
}

pub async fn log(db: &Db, test: Uuid) -> anyhow::Result<Vec<(NaiveDate, String)>> {
    let sql = "SELECT day, body FROM idea_test_log WHERE test_id = $1 ORDER BY day";
    Ok(db.sql().all(sql, &[&test]).await?)
}

/// Closes a test with its lessons; `false` when it was closed already.
pub async fn close_test(tx: &mut Tx, test: Uuid, lessons: &Lessons) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let next = lessons.next_step.map(|s| s.as_str().to_string());
    let params: [&dyn Param; 6] =
        [&test, &lessons.what_happened, &lessons.what_surprised, &next, &lessons.next_owner, &now];
    let changed = tx
        .sql()
        .execute(
            "UPDATE idea_tests SET what_happened = $2, what_surprised = $3, next_step = $4, next_owner = $5, \
             closed_at = $6 WHERE id = $1 AND closed_at IS NULL",
            &params,
        )
        .await?;
    Ok(changed == 1)
}

/// Marks a proposal as changed (for its feed entry) within an action on its test or comments.
pub async fn touch(tx: &mut Tx, proposal: Uuid) -> anyhow::Result<()> {
    let now = UtcTime::now();
    tx.sql().execute("UPDATE idea_proposals SET updated_at = $2 WHERE id = $1", &[&proposal, &now]).await?;
    Ok(())
}

pub async fn is_signed_up(db: &Db, campaign: Uuid, person: Uuid) -> anyhow::Result<bool> {
    let found: Option<Uuid> = db
        .sql()
        .value(
            "SELECT person_id FROM idea_staff_signups WHERE campaign_id = $1 AND person_id = $2",
            &[&campaign, &person],
        )
        .await?;
    Ok(found.is_some())
}
