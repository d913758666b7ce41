//! The resident's side: the survey page reached by the link in the invitation (no log-in needed:
//! the link is the key; signed in, it works the same), "fråga mig inte igen", and the block on
//! my pages.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::store::{self, Invitation};
use super::view::{self, ErrorLine, QuestionView};
use super::{AnswerProblem, Channel, Question, Wording};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, INVALID, Query, first_value};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The field and query value that chooses easy-to-read Swedish.
const EASY: &str = "lattlast";

#[derive(Template)]
#[template(path = "surveys/answer.html")]
struct SurveyPage<'a> {
    shell: Shell<'a>,
    title: String,
    easy: bool,
    version: i32,
    action: String,
    opt_out_action: String,
    /// The page in the other wording (easy Swedish or the usual).
    wording_href: String,
    questions: Vec<QuestionView>,
    errors: Vec<ErrorLine>,
}

#[derive(Template)]
#[template(path = "surveys/message.html")]
struct MessagePage<'a> {
    shell: Shell<'a>,
    title_key: &'static str,
    body_key: &'static str,
}

/// A page that only says something: an unknown or used link, thanks.
fn message(
    state: &AppState,
    ctx: &PageContext,
    status: StatusCode,
    title_key: &'static str,
    body_key: &'static str,
) -> Result<Response, AppError> {
    let page = MessagePage { shell: ctx.shell(state), title_key, body_key };
    Ok((status, render(&page)?).into_response())
}

/// The invitation of a link that can still be answered, or the page that says why not.
async fn usable(
    state: &AppState,
    ctx: &PageContext,
    token: &str,
) -> Result<Result<Invitation, Response>, AppError> {
    match store::invitation_by_token(&state.db, token).await? {
        None => Ok(Err(message(
            state,
            ctx,
            StatusCode::NOT_FOUND,
            "survey-unknown-title",
            "survey-unknown-body",
        )?)),
        Some(invitation) if invitation.used => {
            Ok(Err(message(state, ctx, StatusCode::GONE, "survey-used-title", "survey-used-body")?))
        }
        Some(invitation) => Ok(Ok(invitation)),
    }
}

/// The newest published version of a survey and its questions.
pub async fn current_version(
    state: &AppState,
    key: &str,
) -> Result<(String, String, i32, Vec<Question>), AppError> {
    let survey = store::survey(&state.db, key).await?.ok_or(AppError::NotFound)?;
    let version = survey.published.ok_or(AppError::NotFound)?;
    let questions = store::questions(&state.db, key, version).await?;
    Ok((survey.title_sv, survey.title_en, version, questions))
}

#[allow(clippy::too_many_arguments)]
fn survey_page(
    state: &AppState,
    ctx: &PageContext,
    token: &str,
    (title_sv, title_en): (&str, &str),
    version: i32,
    questions: &[Question],
    easy: bool,
    sent: &[(String, String)],
    problems: &[(String, AnswerProblem)],
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let wording = Wording::of(ctx.location.locale, easy);
    let (questions, errors) = view::questions(&shell, questions, wording, sent, problems);
    let base = ctx.href(&format!("/enkat/{token}"));
    let page = SurveyPage {
        title: if wording == Wording::English { title_en.to_string() } else { title_sv.to_string() },
        easy,
        version,
        wording_href: if easy { base.clone() } else { format!("{base}?sprak={EASY}") },
        opt_out_action: format!("{base}/fraga-inte"),
        action: base,
        questions,
        errors,
        shell,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct SurveyQuery {
    sprak: Option<String>,
}

/// `GET /enkat/{token}`: the survey an invitation asks for.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Query(query): Query<SurveyQuery>,
) -> Result<Response, AppError> {
    let invitation = match usable(&state, &ctx, &token).await? {
        Ok(invitation) => invitation,
        Err(page) => return Ok(page),
    };
    let (sv, en, version, questions) = current_version(&state, &invitation.survey_key).await?;
    let easy = query.sprak.as_deref() == Some(EASY);
    survey_page(&state, &ctx, &token, (&sv, &en), version, &questions, easy, &[], &[])
}

/// The names a free-text answer is scrubbed of: the invited person's and, for a case, its officers'.
async fn known_names(state: &AppState, invitation: &Invitation) -> Result<Vec<String>, AppError> {
    let mut names = match invitation.case_id {
        Some(case) => store::names_around_case(&state.db, case).await?,
        None => Vec::new(),
    };
    names.extend(store::name_of(&state.db, invitation.person_id).await?);
    Ok(names)
}

/// `POST /enkat/{token}`: stores the answer with nothing that points at the person, and marks the
/// invitation used in the same transaction; a second sending (or a race) gets the "already
/// answered" page, never a second answer.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let invitation = match usable(&state, &ctx, &token).await? {
        Ok(invitation) => invitation,
        Err(page) => return Ok(page),
    };
    let survey = store::survey(&state.db, &invitation.survey_key).await?.ok_or(AppError::NotFound)?;
    // The version the page showed, when it is still a published one; the newest otherwise.
    let shown: Option<i32> = first_value(&sent, "version").parse().ok();
    let version = match shown {
        Some(v) if v >= 1 && survey.published.is_some_and(|p| v <= p) => v,
        _ => survey.published.ok_or(AppError::NotFound)?,
    };
    let questions = store::questions(&state.db, &survey.key, version).await?;
    let names = known_names(&state, &invitation).await?;
    let items = match super::read_answers(&questions, &sent, &names) {
        Ok(items) => items,
        Err(problems) => {
            let easy = first_value(&sent, "sprak") == EASY;
            let titles = (survey.title_sv.as_str(), survey.title_en.as_str());
            return survey_page(&state, &ctx, &token, titles, version, &questions, easy, &sent, &problems);
        }
    };
    let answer = store::NewAnswer {
        survey_key: &survey.key,
        version,
        unit_id: invitation.unit_id,
        service_type: &invitation.service_type,
        channel: Channel::Web,
        week: super::iso_week(crate::stockholm::today()),
        items: &items,
    };
    let mut tx = state.db.begin_write().await?;
    if !store::use_invitation(&mut tx, invitation.id).await? {
        drop(tx);
        return message(&state, &ctx, StatusCode::GONE, "survey-used-title", "survey-used-body");
    }
    store::insert_answer(&mut tx, &answer).await?;
    // The log says the invitation was used; which answer came of it is nowhere.
    let event = AuditEvent::new(
        AuditActor::of(&ctx.current.actor),
        Action::SurveyInvitationUsed,
        "survey_invitation",
    )
    .object(invitation.id)
    .subject(invitation.person_id)
    .request(ctx.request_id.clone());
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/enkat/tack")).into_response())
}

#[derive(Deserialize)]
pub struct ThanksQuery {
    fragar: Option<String>,
}

/// `GET /enkat/tack`: thanks for answering (or: we will not ask again).
pub async fn thanks(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ThanksQuery>,
) -> Result<Response, AppError> {
    if query.fragar.as_deref() == Some("inte") {
        message(&state, &ctx, StatusCode::OK, "survey-opted-out-title", "survey-opted-out-body")
    } else {
        message(&state, &ctx, StatusCode::OK, "survey-thanks-title", "survey-thanks-body")
    }
}

/// Records "fråga mig inte igen" for a person, with its log entry.
async fn opt_out(state: &AppState, ctx: &PageContext, person: Uuid) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    if store::opt_out(&mut tx, person).await? {
        let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::SurveyOptedOut, "person")
            .object(person)
            .subject(person)
            .request(ctx.request_id.clone());
        crate::audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// `POST /enkat/{token}/fraga-inte`: "fråga mig inte igen" from the survey page; no further
/// invitations of any kind.
pub async fn opt_out_by_link(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let Some(invitation) = store::invitation_by_token(&state.db, &token).await? else {
        return message(&state, &ctx, StatusCode::NOT_FOUND, "survey-unknown-title", "survey-unknown-body");
    };
    opt_out(&state, &ctx, invitation.person_id).await?;
    Ok(Redirect::to(&ctx.href("/enkat/tack?fragar=inte")).into_response())
}

/// `POST /mina-sidor/enkater/fraga-inte`: the same from my pages.
pub async fn opt_out_mine(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    opt_out(&state, &ctx, ctx.person()?.person.id).await?;
    Ok(Redirect::to(&ctx.href("/mina-sidor?klart=enkater#enkater")).into_response())
}

/// `POST /mina-sidor/enkater/{invitation}`: opens one of my invitations (a fresh link to it).
pub async fn open_mine(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let invitation = store::invitation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_answer_own_survey(&ctx.current.actor, invitation.person_id);
    let target = Target::new("survey_invitation", invitation.id).of_resident(invitation.person_id);
    guard::allow(&state, &ctx, allowed, target, Refusal::NotFound).await?;
    let mut tx = state.db.begin_write().await?;
    let token = store::add_token(&mut tx, invitation.id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/enkat/{token}"))).into_response())
}

/// One invitation on my pages.
pub struct MyInvitation {
    pub title: String,
    pub action: String,
}

/// The block on my pages: the surveys I may answer, and whether I may still be asked.
pub struct MyPagesBlock {
    pub invitations: Vec<MyInvitation>,
    pub opted_out: bool,
    pub opt_out_action: String,
}

pub async fn my_pages_block(
    state: &AppState,
    ctx: &PageContext,
    person: Uuid,
) -> Result<MyPagesBlock, AppError> {
    let english = ctx.location.locale == crate::i18n::Locale::EN;
    let invitations = store::open_invitations(&state.db, person)
        .await?
        .into_iter()
        .map(|i| MyInvitation {
            title: if english { i.title_en } else { i.title_sv },
            action: ctx.href(&format!("/mina-sidor/enkater/{}", i.id)),
        })
        .collect();
    Ok(MyPagesBlock {
        invitations,
        opted_out: store::opted_out(&state.db, person).await?,
        opt_out_action: ctx.href("/mina-sidor/enkater/fraga-inte"),
    })
}
