//! Writing a proposal: one form that asks for what the seed's lessons said was missing (the
//! problem and whose it is, what people who live it say, what to try in one week, what would
//! show it works, what it needs). It is saved as a draft as often as the authors like and sent
//! to the council once every part is there and long enough (`check_proposal`); every problem is
//! named in the error summary. The authors are told by e-mail of each save and of the sending.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::notify::{self, Step};
use super::store::{self, Campaign};
use super::web::{CampaignFacts, back_to};
use super::{
    Category, Checking, Part, Phase, ProposalText, Status, check_proposal, kronor, parse_kronor, phase,
};
use crate::audit::Action;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The form as posted.
#[derive(Deserialize, Default, Clone)]
pub struct ProposalForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    problem: String,
    #[serde(default)]
    whose: String,
    #[serde(default)]
    voices: String,
    #[serde(default, rename = "heard-link")]
    heard_link: String,
    #[serde(default, rename = "try")]
    try_in_week: String,
    #[serde(default)]
    signs: String,
    #[serde(default)]
    people: String,
    #[serde(default)]
    money: String,
    /// `skicka` sends it to the council; anything else saves a draft.
    #[serde(default)]
    action: String,
}

impl ProposalForm {
    fn of(text: &ProposalText) -> Self {
        Self {
            category: text.category.map(Category::as_str).unwrap_or_default().into(),
            title: text.title.clone(),
            problem: text.problem.clone(),
            whose: text.whose.clone(),
            voices: text.voices.clone(),
            heard_link: text.heard_link.clone().unwrap_or_default(),
            try_in_week: text.try_in_week.clone(),
            signs: text.signs.clone(),
            people: text.people.clone(),
            money: if text.money_ore == 0 {
                String::new()
            } else {
                kronor(text.money_ore).replace('\u{a0}', " ")
            },
            action: String::new(),
        }
    }

    /// The texts, trimmed with one kind of line break, and the problems of reading them (a
    /// category or sum that is not one).
    fn read(&self) -> (ProposalText, Vec<(&'static str, &'static str)>) {
        let clean = |t: &str| t.trim().replace("\r\n", "\n");
        let mut problems = Vec::new();
        let money = parse_kronor(&self.money);
        if money.is_none() {
            problems.push(("money", "idea-error-money"));
        }
        let category = Category::parse(self.category.trim());
        if !self.category.trim().is_empty() && category.is_none() {
            problems.push(("category", "idea-error-category"));
        }
        let link = clean(&self.heard_link);
        let text = ProposalText {
            category,
            title: clean(&self.title),
            problem: clean(&self.problem),
            whose: clean(&self.whose),
            voices: clean(&self.voices),
            heard_link: (!link.is_empty()).then_some(link),
            try_in_week: clean(&self.try_in_week),
            signs: clean(&self.signs),
            people: clean(&self.people),
            money_ore: money.unwrap_or(0),
        };
        (text, problems)
    }

    fn sends(&self) -> bool {
        self.action == "skicka"
    }
}

/// The minimum length of each part, for the hints.
pub struct PartHint {
    pub field: &'static str,
    pub min: i64,
}

#[derive(Template)]
#[template(path = "ideas/proposal_form.html")]
struct ProposalPage<'a> {
    shell: Shell<'a>,
    campaign: CampaignFacts,
    action: String,
    editing: bool,
    form: ProposalForm,
    errors: FormErrors,
    categories: Vec<(&'static str, &'static str)>,
    mins: Vec<PartHint>,
}

impl ProposalPage<'_> {
    fn min(&self, field: &str) -> &i64 {
        self.mins.iter().find(|m| m.field == field).map_or(&0, |m| &m.min)
    }
}

fn form_page(
    state: &AppState,
    ctx: &PageContext,
    c: &Campaign,
    action: String,
    editing: bool,
    form: ProposalForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let page = ProposalPage {
        shell: ctx.shell(state),
        campaign: CampaignFacts::of(ctx, c),
        action,
        editing,
        form,
        categories: Category::ALL.iter().map(|c| (c.as_str(), c.label_key())).collect(),
        mins: Part::ALL
            .iter()
            .map(|p| PartHint { field: p.field(), min: i64::try_from(p.min_chars()).unwrap_or(0) })
            .collect(),
        errors,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// Proposals are taken while the campaign's period is open, from those it is open to.
async fn open_for_proposals(state: &AppState, ctx: &PageContext, c: &Campaign) -> Result<(), AppError> {
    access::taking_part(state, ctx, c).await?;
    if phase(crate::stockholm::today(), c.opens_on, c.closes_on) == Phase::Open {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn new_action(ctx: &PageContext, c: &Campaign) -> String {
    ctx.href(&format!("/ideer/{}/nytt-forslag", c.slug))
}

/// `GET /ideer/{campaign}/nytt-forslag`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    open_for_proposals(&state, &ctx, &c).await?;
    form_page(&state, &ctx, &c, new_action(&ctx, &c), false, ProposalForm::default(), FormErrors::default())
}

/// The problems of a posted form, checked as a draft or for sending.
fn problems(form: &ProposalForm, c: &Campaign) -> (ProposalText, FormErrors) {
    let (text, mut read) = form.read();
    let checking = if form.sends() { Checking::Send } else { Checking::Draft };
    for problem in check_proposal(&text, c.money_cap_ore, checking) {
        if !read.iter().any(|(field, _)| *field == problem.0) {
            read.push(problem);
        }
    }
    let mut errors = FormErrors::default();
    // In the form's order, so the summary reads top to bottom.
    for field in
        ["category", "title", "problem", "whose", "voices", "heard-link", "try", "signs", "people", "money"]
    {
        for (f, key) in &read {
            if *f == field {
                errors.add(f, key);
            }
        }
    }
    (text, errors)
}

/// `POST /ideer/{campaign}/nytt-forslag`: a new draft, or a proposal sent at once.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<ProposalForm>,
) -> Result<Response, AppError> {
    let c = access::campaign(&state, &slug).await?;
    open_for_proposals(&state, &ctx, &c).await?;
    let me = ctx.person()?.person.id;
    let (text, errors) = problems(&form, &c);
    if !errors.is_empty() {
        return form_page(&state, &ctx, &c, new_action(&ctx, &c), false, form, errors);
    }
    let send = form.sends();
    let mut tx = state.db.begin_write().await?;
    let id = store::create_proposal(&mut tx, c.id, me, &text, send).await?;
    let action = if send { Action::IdeaProposalSent } else { Action::IdeaProposalSaved };
    crate::audit::store::append(&mut tx, &access::event(&ctx, action, "idea_proposal", id)).await?;
    // The author is the only one to tell yet, and their address is known from the session.
    let person = ctx.person()?;
    let recipient = store::Recipient {
        id: me,
        display_name: person.person.display_name.clone(),
        email: person.person.email.as_ref().map(|e| e.to_string()),
        language: Some(ctx.location.locale.code().to_string()),
    };
    let proposal = store::Proposal {
        id,
        campaign_id: c.id,
        author_id: me,
        category: text.category.unwrap_or(Category::Test),
        text,
        status: if send { Status::Submitted } else { Status::Draft },
        council_reason: None,
        council_decided_at: None,
        submitted_at: None,
        updated_at: crate::db::UtcTime::now(),
    };
    let step = if send { Step::Sent } else { Step::Saved };
    for mail in notify::mails(&state, &proposal, step, "", Some(&recipient)).await? {
        crate::mail::store::enqueue(&mut tx, &mail).await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, if send { "skickat" } else { "sparat" }, "forslag"))
}

fn edit_action(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/ideer/forslag/{id}/redigera"))
}

/// `GET /ideer/forslag/{proposal}/redigera`: the draft, for its authors.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let loaded = access::writable(&state, &ctx, id).await?;
    if loaded.proposal.status != Status::Draft {
        return Err(AppError::NotFound);
    }
    let c = store::campaign(&state.db, loaded.proposal.campaign_id).await?.ok_or(AppError::NotFound)?;
    let form = ProposalForm::of(&loaded.proposal.text);
    form_page(&state, &ctx, &c, edit_action(&ctx, id), true, form, FormErrors::default())
}

/// `POST /ideer/forslag/{proposal}/redigera`: saves the draft again, or sends it.
pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<ProposalForm>,
) -> Result<Response, AppError> {
    let loaded = access::writable(&state, &ctx, id).await?;
    let c = store::campaign(&state.db, loaded.proposal.campaign_id).await?.ok_or(AppError::NotFound)?;
    if loaded.proposal.status != Status::Draft {
        return Err(AppError::NotFound);
    }
    let send = form.sends();
    if send {
        // Sending needs the period open; a draft may be saved after it closes.
        open_for_proposals(&state, &ctx, &c).await?;
    }
    let (text, errors) = problems(&form, &c);
    if !errors.is_empty() {
        return form_page(&state, &ctx, &c, edit_action(&ctx, id), true, form, errors);
    }
    let mut proposal = loaded.proposal.clone();
    proposal.text = text;
    let step = if send { Step::Sent } else { Step::Saved };
    let mails = notify::mails(&state, &proposal, step, "", None).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::update_draft(&mut tx, id, &proposal.text, send).await? {
        return Err(AppError::NotFound);
    }
    let action = if send { Action::IdeaProposalSent } else { Action::IdeaProposalSaved };
    crate::audit::store::append(&mut tx, &access::event(&ctx, action, "idea_proposal", id)).await?;
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, if send { "skickat" } else { "sparat" }, "forslag"))
}
