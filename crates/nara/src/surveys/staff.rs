//! An interview ("mål och nytta"): the case officer asks the resident the usefulness survey and
//! writes their answers, with the resident's consent ticked. It is stored like any answer (no
//! person, case or time in it), with the channel `interview`, and uses the case's invitation so
//! the resident is not counted twice.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::store;
use super::view::{self, ErrorLine, QuestionView};
use super::{AnswerProblem, Channel, Question, USEFULNESS, Wording};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::cases::Case;
use crate::cases::access::worked_case;
use crate::db::UtcTime;
use crate::identity::Role;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, INVALID, first_value};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// The consent box's field, and the error summary's link to it.
const CONSENT: &str = "samtycke";

#[derive(Template)]
#[template(path = "surveys/interview.html")]
struct InterviewPage<'a> {
    shell: Shell<'a>,
    case_href: String,
    survey_title: String,
    action: String,
    version: i32,
    questions: Vec<QuestionView>,
    errors: Vec<ErrorLine>,
    consent_error: bool,
    consent_checked: bool,
    /// The resident already answered (on the web or in an earlier interview).
    answered: bool,
}

#[allow(clippy::too_many_arguments)]
fn interview_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    (title, version, questions): (&str, i32, &[Question]),
    answered: bool,
    sent: &[(String, String)],
    problems: &[(String, AnswerProblem)],
    consent_error: bool,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let wording = Wording::of(ctx.location.locale, false);
    let (questions, mut errors) = view::questions(&shell, questions, wording, sent, problems);
    if consent_error {
        errors.insert(
            0,
            ErrorLine {
                target: CONSENT.into(),
                label: shell.t("survey-consent-label"),
                key: "survey-error-consent",
            },
        );
    }
    let case_href = ctx.href(&format!("/handlaggare/arenden/{}", case.id));
    let status = if errors.is_empty() { StatusCode::OK } else { INVALID };
    let page = InterviewPage {
        action: format!("{case_href}/intervju"),
        case_href,
        survey_title: title.to_string(),
        version,
        questions,
        errors,
        consent_error,
        consent_checked: first_value(sent, CONSENT) == "ja",
        answered,
        shell,
    };
    Ok((status, render(&page)?).into_response())
}

/// Whether the resident has already answered the usefulness survey about this case.
async fn already_answered(state: &AppState, case: Uuid) -> Result<bool, AppError> {
    Ok(store::case_invitation_used(&state.db, case).await?)
}

/// `GET /handlaggare/arenden/{case}/intervju`: the usefulness survey, to fill in with the resident.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let (sv, en, version, questions) = super::resident::current_version(&state, USEFULNESS).await?;
    let title = if ctx.location.locale == crate::i18n::Locale::EN { en } else { sv };
    let answered = already_answered(&state, case.id).await?;
    interview_page(&state, &ctx, &case, (&title, version, &questions), answered, &[], &[], false)
}

/// `POST /handlaggare/arenden/{case}/intervju`: stores the interview's answers (consent required).
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(sent): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let (sv, en, newest, _) = super::resident::current_version(&state, USEFULNESS).await?;
    let shown: Option<i32> = first_value(&sent, "version").parse().ok();
    let version = shown.filter(|v| (1..=newest).contains(v)).unwrap_or(newest);
    let questions = store::questions(&state.db, USEFULNESS, version).await?;
    let title = if ctx.location.locale == crate::i18n::Locale::EN { en } else { sv };
    let consent = first_value(&sent, CONSENT) == "ja";
    let mut names = store::names_around_case(&state.db, case.id).await?;
    names.extend(store::name_of(&state.db, ctx.person()?.person.id).await?);
    let read = super::read_answers(&questions, &sent, &names);
    let answered = already_answered(&state, case.id).await?;
    let items = match read {
        Ok(items) if consent && !answered => items,
        other => {
            let problems = other.err().unwrap_or_default();
            let page = (&*title, version, &*questions);
            let mut answer = interview_page(&state, &ctx, &case, page, answered, &sent, &problems, !consent)?;
            if answered {
                *answer.status_mut() = StatusCode::CONFLICT;
            }
            return Ok(answer);
        }
    };
    let service_type = store::service_type_of_case(&state.db, case.id).await?;
    let answer = store::NewAnswer {
        survey_key: USEFULNESS,
        version,
        unit_id: Some(case.unit_id),
        service_type: &service_type,
        channel: Channel::Interview,
        week: super::iso_week(crate::stockholm::today()),
        items: &items,
    };
    let mut tx = state.db.begin_write().await?;
    // The case's web invitation is used up by the interview; on an open case one is stored used,
    // so closing it later does not invite the resident a second time.
    let invitation = &store::case_invitations(&case, &service_type, UtcTime::now())[0];
    if !store::use_case_invitation(&mut tx, invitation).await? {
        drop(tx);
        let page = (&*title, version, &*questions);
        let mut answer = interview_page(&state, &ctx, &case, page, true, &sent, &[], false)?;
        *answer.status_mut() = StatusCode::CONFLICT;
        return Ok(answer);
    }
    store::insert_answer(&mut tx, &answer).await?;
    let me = ctx.person()?.person.id;
    // Who recorded an interview, in which unit; neither the case nor the answer is named.
    let actor =
        AuditActor { person_id: Some(me), role: Role::Staff.as_str().into(), unit_id: Some(case.unit_id) };
    let event = AuditEvent::new(actor, Action::SurveyInterviewRecorded, "survey")
        .object(USEFULNESS)
        .request(ctx.request_id.clone());
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=intervju", ctx.href(&format!("/handlaggare/arenden/{}", case.id))))
        .into_response())
}
