//! The pages of the back office: a case's plans with the form to start one, and a plan as its
//! officers see it, read (and audited) afresh each time it is shown.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::plan_href;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::cases::access::worked_case;
use crate::identity::Role;
use crate::plans::access::{PURPOSE, WorkedPlan, worked_plan};
use crate::plans::view::{Choice, PlanView};
use crate::plans::{MAX_NAME_CHARS, store};
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// What the officer typed into the plan page's forms, to show again with an error.
#[derive(Default)]
pub(super) struct Drafts {
    pub(super) unit: String,
    pub(super) outside_name: String,
    pub(super) outside_organisation: String,
    pub(super) goal: String,
    pub(super) action: String,
    pub(super) action_who: String,
    pub(super) action_due: String,
    pub(super) follow_up: String,
}

pub struct PlanLine {
    pub href: String,
    pub title: String,
    pub label_key: &'static str,
    pub tag_class: &'static str,
    pub created: String,
}

#[derive(Template)]
#[template(path = "plans/case_plans.html")]
struct CasePlansPage<'a> {
    shell: Shell<'a>,
    case_title: String,
    case_href: String,
    resident: String,
    plans: Vec<PlanLine>,
    action: String,
    errors: FormErrors,
    title: String,
}

/// The log's entry for the officer's work with plans from a case (the case's unit acting).
fn case_event(
    ctx: &PageContext,
    case: &crate::cases::Case,
    action: Action,
    object_type: &'static str,
    object: Uuid,
) -> AuditEvent {
    let actor = AuditActor {
        person_id: ctx.current.actor.person_id(),
        role: Role::Staff.as_str().into(),
        unit_id: Some(case.unit_id),
    };
    AuditEvent::new(actor, action, object_type)
        .object(object)
        .subject(case.resident_id)
        .purpose(PURPOSE)
        .request(ctx.request_id.clone())
}

async fn case_plans_page(
    state: &AppState,
    ctx: &PageContext,
    case: &crate::cases::Case,
    errors: FormErrors,
    title: String,
) -> Result<Response, AppError> {
    crate::audit::store::record(&state.db, &case_event(ctx, case, Action::PlanViewed, "plan_list", case.id))
        .await?;
    let resident =
        crate::identity::store::person(&state.db, case.resident_id).await?.ok_or(AppError::NotFound)?;
    let mut plans = Vec::new();
    // Only the plans this officer's units take part in: the others are private to their units.
    for summary in store::plans_of_resident(&state.db, case.resident_id).await? {
        let units: Vec<Uuid> = store::units(&state.db, summary.id).await?.iter().map(|u| u.unit_id).collect();
        if policy::may_work_plan(&ctx.current.actor, case.resident_id, &units) {
            plans.push(PlanLine {
                href: plan_href(ctx, summary.id),
                label_key: summary.status().label_key(),
                tag_class: summary.status().tag_class(),
                created: crate::i18n::format_stockholm(summary.created_at),
                title: summary.title,
            });
        }
    }
    let case_href = ctx.href(&format!("/handlaggare/arenden/{}", case.id));
    let page = CasePlansPage {
        shell: ctx.shell(state),
        case_title: case.title.clone(),
        action: format!("{case_href}/planer"),
        case_href,
        resident: resident.display_name,
        plans,
        errors,
        title,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/arenden/{case}/planer`: the resident's plans this officer works on, and the
/// form to start a new one from the case.
pub async fn case_plans(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let title = state.catalogues.text(ctx.location.locale, "plan-default-title");
    case_plans_page(&state, &ctx, &case, FormErrors::default(), title).await
}

#[derive(Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    title: String,
}

/// `POST /handlaggare/arenden/{case}/planer`: a new plan for the case's resident, with the case's
/// unit taking part.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CreateForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let title = match bounded_text(&form.title, MAX_NAME_CHARS) {
        Ok(title) => title,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "title", "plan-error-title", "plan-error-name-too-long");
            return case_plans_page(&state, &ctx, &case, errors, form.title).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let plan = store::create(&mut tx, case.resident_id, Some(case.id), &title, case.unit_id, me).await?;
    crate::audit::store::append(&mut tx, &case_event(&ctx, &case, Action::PlanCreated, "plan", plan)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=ny", plan_href(&ctx, plan))).into_response())
}

#[derive(Template)]
#[template(path = "plans/staff_plan.html")]
struct StaffPlanPage<'a> {
    shell: Shell<'a>,
    plan: PlanView,
    resident: String,
    case_href: Option<String>,
    unit_choices: Vec<Choice>,
    who_choices: Vec<Choice>,
    base: String,
    errors: FormErrors,
    drafts: Drafts,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "ny" => Some("plan-notice-created"),
        "enhet" => Some("plan-notice-unit-added"),
        "deltagare" => Some("plan-notice-participant-added"),
        "mal" => Some("plan-notice-goal-added"),
        "atgard" => Some("plan-notice-action-added"),
        "klar" => Some("plan-notice-action-done"),
        "uppfoljning" => Some("plan-notice-follow-up-set"),
        "uppfoljd" => Some("plan-notice-followed-up"),
        _ => None,
    }
}

/// The plan page, read (and audited) afresh each time it is shown.
pub(super) async fn plan_page(
    state: &AppState,
    ctx: &PageContext,
    worked: &WorkedPlan,
    errors: FormErrors,
    mut drafts: Drafts,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let plan = &worked.plan;
    if drafts.follow_up.is_empty() {
        drafts.follow_up = plan.follow_up_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    }
    crate::audit::store::record(&state.db, &worked.event(ctx, Action::PlanViewed, "plan", plan.id)).await?;
    let shell = ctx.shell(state);
    let locale = shell.locale();
    let resident =
        crate::identity::store::person(&state.db, plan.resident_id).await?.ok_or(AppError::NotFound)?;
    let view = PlanView::load(state, &shell, plan, &worked.units, &resident.display_name).await?;
    let case_href = match plan.case_id {
        Some(case_id) => crate::cases::store::case(&state.db, case_id)
            .await?
            .filter(|case| policy::may_work_on_case(&ctx.current.actor, case.unit_id, case.resident_id))
            .map(|case| ctx.href(&format!("/handlaggare/arenden/{}", case.id))),
        None => None,
    };
    let unit_choices = crate::identity::store::list_units(&state.db)
        .await?
        .iter()
        .filter(|u| !worked.units.iter().any(|p| p.unit_id == u.id))
        .map(|u| {
            let value = u.id.to_string();
            Choice { selected: value == drafts.unit, label: u.name(locale).to_string(), value }
        })
        .collect();
    let page = StaffPlanPage {
        who_choices: view.who_choices(&drafts.action_who),
        shell,
        plan: view,
        resident: resident.display_name,
        case_href,
        unit_choices,
        base: plan_href(ctx, plan.id),
        errors,
        drafts,
        notice,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/planer/{plan}`.
pub async fn plan(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let worked = worked_plan(&state, &ctx, id).await?;
    plan_page(
        &state,
        &ctx,
        &worked,
        FormErrors::default(),
        Drafts::default(),
        notice_key(query.klart.as_deref()),
    )
    .await
}
