//! Running campaigns (`/personal/ideer`, staff): a new campaign with its period, who may take
//! part, the money cap and the dates of the council, the vote and the test week, which go into
//! the public calendar in the same transaction; and each campaign's council, named by e-mail.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::calendar::{self, Date};
use super::store::{self, NewCampaign};
use super::web::CampaignFacts;
use super::{Eligibility, MAX_NAME_CHARS, MAX_TEXT_CHARS, access, parse_kronor, slug_of};
use crate::audit::Action;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, all_values, bounded_text, first_value};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A campaign with its council and staff, as the management page lists it.
pub struct Managed {
    pub slug: String,
    /// The council form came back with an error, with this value.
    pub council_failed: Option<String>,
    pub facts: CampaignFacts,
    pub council_action: String,
    pub council: Vec<String>,
    pub signups: Vec<(String, i32)>,
}

/// The new-campaign form's values, kept when it comes back with errors.
#[derive(Default)]
pub struct CampaignForm {
    pub title: String,
    pub summary: String,
    pub opens: String,
    pub closes: String,
    pub council: String,
    pub vote_opens: String,
    pub vote_closes: String,
    pub test_week: String,
    pub cap: String,
    pub votes: String,
    pub who: Vec<String>,
}

impl CampaignForm {
    pub fn has(&self, who: &str) -> bool {
        self.who.iter().any(|w| w == who)
    }
}

#[derive(Template)]
#[template(path = "ideas/manage.html")]
struct ManagePage<'a> {
    shell: Shell<'a>,
    campaigns: Vec<Managed>,
    form: CampaignForm,
    errors: FormErrors,
    /// The campaign slug whose council form came back with an error, and its value.
    council_error: Option<(String, String)>,
    notice: Option<&'static str>,
}

async fn manage_page(
    state: &AppState,
    ctx: &PageContext,
    form: CampaignForm,
    errors: FormErrors,
    council_error: Option<(String, String)>,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let mut campaigns = Vec::new();
    for c in store::campaigns(&state.db).await? {
        campaigns.push(Managed {
            council_failed: council_error
                .as_ref()
                .filter(|(slug, _)| *slug == c.slug)
                .map(|(_, v)| v.clone()),
            slug: c.slug.clone(),
            facts: CampaignFacts::of(ctx, &c),
            council_action: ctx.href(&format!("/personal/ideer/{}/rad", c.slug)),
            council: store::council(&state.db, c.id).await?,
            signups: store::signups(&state.db, c.id).await?,
        });
    }
    let page = ManagePage { shell: ctx.shell(state), campaigns, form, errors, council_error, notice };
    let status = if page.errors.is_empty() && page.council_error.is_none() {
        axum::http::StatusCode::OK
    } else {
        INVALID
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// `GET /personal/ideer`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    access::managing(&state, &ctx, "campaigns").await?;
    let notice = match query.klart.as_deref() {
        Some("kampanj") => Some("idea-notice-campaign"),
        Some("rad") => Some("idea-notice-council"),
        _ => None,
    };
    let form = CampaignForm { votes: "1".into(), who: vec!["staff".into()], ..CampaignForm::default() };
    manage_page(&state, &ctx, form, FormErrors::default(), None, notice).await
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A campaign from the form, or the problems with it, each named.
pub fn read_campaign(form: &CampaignForm) -> Result<NewCampaign, FormErrors> {
    let mut errors = FormErrors::default();
    let title = bounded_text(&form.title, MAX_NAME_CHARS);
    if let Err(p) = title {
        p.add_to(&mut errors, "campaign-title", "idea-error-campaign-title", "idea-error-title-long");
    }
    let summary = bounded_text(&form.summary, MAX_TEXT_CHARS);
    if let Err(p) = summary {
        p.add_to(&mut errors, "campaign-summary", "idea-error-campaign-summary", "idea-error-text-long");
    }
    let mut dated = |field: &'static str, text: &str| {
        let d = date(text);
        if d.is_none() {
            errors.add(field, "idea-error-date");
        }
        d
    };
    let dates = [
        dated("opens", &form.opens),
        dated("closes", &form.closes),
        dated("council", &form.council),
        dated("vote-opens", &form.vote_opens),
        dated("vote-closes", &form.vote_closes),
        dated("test-week", &form.test_week),
    ];
    let eligibility = Eligibility {
        staff: form.has("staff"),
        residents: form.has("residents"),
        associations: form.has("associations"),
    };
    if eligibility == Eligibility::default() {
        errors.add("who", "idea-error-who");
    }
    let cap = parse_kronor(&form.cap);
    if cap.is_none() {
        errors.add("cap", "idea-error-money");
    }
    let votes = form.votes.trim().parse::<i32>().ok().filter(|v| (1..=10).contains(v));
    if votes.is_none() {
        errors.add("votes", "idea-error-votes");
    }
    if let [Some(opens), Some(closes), Some(council), Some(vote_opens), Some(vote_closes), Some(test_week)] =
        dates
    {
        // The path runs in order: proposals, council, vote, test week.
        if !(opens <= closes
            && closes <= council
            && council < vote_opens
            && vote_opens <= vote_closes
            && vote_closes < test_week)
        {
            errors.add("opens", "idea-error-order");
        }
        if let (Ok(title), Ok(summary), Some(cap), Some(votes), true) =
            (title, summary, cap, votes, errors.is_empty())
        {
            return Ok(NewCampaign {
                slug: slug_of(&title),
                title,
                summary,
                opens_on: opens,
                closes_on: closes,
                eligibility,
                money_cap_ore: cap,
                council_on: council,
                vote_opens_on: vote_opens,
                vote_closes_on: vote_closes,
                votes_per_person: votes,
                test_week_starts_on: test_week,
            });
        }
    }
    Err(errors)
}

/// `POST /personal/ideer`: a new campaign; its council meeting, vote and test week go into the
/// public calendar with it.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    access::managing(&state, &ctx, "campaigns").await?;
    let value = |key| first_value(&pairs, key);
    let form = CampaignForm {
        title: value("campaign-title"),
        summary: value("campaign-summary"),
        opens: value("opens"),
        closes: value("closes"),
        council: value("council"),
        vote_opens: value("vote-opens"),
        vote_closes: value("vote-closes"),
        test_week: value("test-week"),
        cap: value("cap"),
        votes: value("votes"),
        who: all_values(&pairs, "who"),
    };
    let mut new = match read_campaign(&form) {
        Ok(new) => new,
        Err(errors) => return manage_page(&state, &ctx, form, errors, None, None).await,
    };
    if new.slug.is_empty()
        || new.slug == "forslag"
        || new.slug == "tester"
        || store::slug_taken(&state.db, &new.slug).await?
    {
        new.slug = format!("{}-{}", new.slug, &uuid::Uuid::new_v4().simple().to_string()[..6]);
    }
    let me = ctx.person()?.person.id;
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or_else(|| anyhow::anyhow!("a time"));
    let dates = [
        Date {
            slug: calendar::slug(&new.slug, "rad"),
            key: "idea-calendar-council",
            title: &new.title,
            day: new.council_on,
            start: at(13)?,
            minutes: 120,
        },
        Date {
            slug: calendar::slug(&new.slug, "omrostning"),
            key: "idea-calendar-vote",
            title: &new.title,
            day: new.vote_opens_on,
            start: at(9)?,
            minutes: 60,
        },
        Date {
            slug: calendar::slug(&new.slug, "testvecka"),
            key: "idea-calendar-test-week",
            title: &new.title,
            day: new.test_week_starts_on,
            start: at(9)?,
            minutes: 480,
        },
    ];
    let mut tx = state.db.begin_write().await?;
    let id = store::create_campaign(&mut tx, &new, me).await?;
    for date in &dates {
        calendar::add(&mut tx, &state.catalogues, date).await?;
    }
    crate::audit::store::append(
        &mut tx,
        &access::event(&ctx, Action::IdeaCampaignCreated, "idea_campaign", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=kampanj", ctx.href("/personal/ideer"))).into_response())
}

#[derive(Deserialize, Default)]
pub struct CouncilForm {
    #[serde(default)]
    member: String,
}

/// `POST /personal/ideer/{campaign}/rad`: names a person with an account to the campaign's
/// council (user developers are residents; there is no council role).
pub async fn add_member(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<CouncilForm>,
) -> Result<Response, AppError> {
    access::managing(&state, &ctx, "campaigns").await?;
    let c = access::campaign(&state, &slug).await?;
    let Some(person) = access::active_person(&state, &form.member).await? else {
        let blank = CampaignForm { votes: "1".into(), ..CampaignForm::default() };
        return manage_page(&state, &ctx, blank, FormErrors::default(), Some((c.slug, form.member)), None)
            .await;
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if store::add_council_member(&mut tx, c.id, person.id, me).await? {
        let event =
            access::event(&ctx, Action::IdeaCouncilMemberAdded, "idea_campaign", c.id).subject(person.id);
        crate::audit::store::append(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=rad#{}", ctx.href("/personal/ideer"), c.slug)).into_response())
}
