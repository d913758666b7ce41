//! The resident's plans under my pages ("Min plan"): the plan in plain language, their own view
//! of it, and their agreement. A plan is shown only to its resident (through the policy module);
//! for anyone else it does not exist, and the attempt is audited.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access::{own_event, own_plan};
use super::view::PlanView;
use super::{AgreementRefusal, MAX_TEXT_CHARS, Plan, PlanUnit, store};
use crate::audit::Action;
use crate::i18n::format_stockholm;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query, bounded_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

fn plan_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/mina-sidor/planer/{id}"))
}

pub struct PlanLine {
    pub href: String,
    pub title: String,
    pub label_key: &'static str,
    pub tag_class: &'static str,
    pub follow_up: Option<String>,
    pub created: String,
}

#[derive(Template)]
#[template(path = "plans/my_plans.html")]
struct MyPlansPage<'a> {
    shell: Shell<'a>,
    plans: Vec<PlanLine>,
}

/// `GET /mina-sidor/planer`: the person's own plans.
pub async fn my_plans(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let plans = store::plans_of_resident(&state.db, me)
        .await?
        .into_iter()
        .map(|p| PlanLine {
            href: plan_href(&ctx, p.id),
            label_key: p.status().label_key(),
            tag_class: p.status().tag_class(),
            follow_up: p.follow_up_on.map(|d| d.format("%Y-%m-%d").to_string()),
            created: format_stockholm(p.created_at),
            title: p.title,
        })
        .collect();
    Ok(render(&MyPlansPage { shell: ctx.shell(&state), plans })?.into_response())
}

#[derive(Template)]
#[template(path = "plans/my_plan.html")]
struct MyPlanPage<'a> {
    shell: Shell<'a>,
    plan: PlanView,
    base: String,
    errors: FormErrors,
    view: String,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "syn" => Some("plan-notice-view-saved"),
        "godkand" => Some("plan-notice-agreed"),
        _ => None,
    }
}

async fn plan_page(
    state: &AppState,
    ctx: &PageContext,
    (plan, units): (&Plan, &[PlanUnit]),
    errors: FormErrors,
    view: Option<String>,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let you = shell.t("plan-who-you");
    let plan_view = PlanView::load(state, &shell, plan, units, &you).await?;
    let page = MyPlanPage {
        view: view.or_else(|| plan.resident_view.clone()).unwrap_or_default(),
        shell,
        plan: plan_view,
        base: plan_href(ctx, plan.id),
        errors,
        notice,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /mina-sidor/planer/{plan}`.
pub async fn plan(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (plan, units) = own_plan(&state, &ctx, id).await?;
    plan_page(&state, &ctx, (&plan, &units), FormErrors::default(), None, notice_key(query.klart.as_deref()))
        .await
}

#[derive(Deserialize)]
pub struct ViewForm {
    #[serde(default)]
    view: String,
}

/// `POST /mina-sidor/planer/{plan}/min-syn`: the resident's own view of the plan. It is theirs,
/// so writing it keeps an agreement already given (`Change::ResidentView`).
pub async fn write_view(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<ViewForm>,
) -> Result<Response, AppError> {
    let (plan, units) = own_plan(&state, &ctx, id).await?;
    let view = match bounded_text(&form.view, MAX_TEXT_CHARS) {
        Ok(view) => view,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "view", "plan-error-view", "plan-error-too-long");
            return plan_page(&state, &ctx, (&plan, &units), errors, Some(form.view), None).await;
        }
    };
    let mut tx = state.db.begin_write().await?;
    store::write_resident_view(&mut tx, plan.id, &view).await?;
    crate::audit::store::append(&mut tx, &own_event(&ctx, &plan, Action::PlanViewWritten)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=syn#min-syn", plan_href(&ctx, plan.id))).into_response())
}

#[derive(Deserialize)]
pub struct AgreeForm {
    /// The version the resident read.
    #[serde(default)]
    version: String,
    /// Present when "I agree" is ticked.
    agree: Option<String>,
}

/// `POST /mina-sidor/planer/{plan}/godkann`: the resident agrees to the version they read.
pub async fn agree(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<AgreeForm>,
) -> Result<Response, AppError> {
    let (plan, units) = own_plan(&state, &ctx, id).await?;
    let read: i32 = form.version.trim().parse().map_err(|_| AppError::BadRequest)?;
    let mut errors = FormErrors::default();
    let goals = store::goals(&state.db, plan.id).await?.len();
    let actions = store::actions(&state.db, plan.id).await?.len();
    let missing = super::missing_for_agreement(goals, actions, plan.follow_up_on);
    match super::agreement(plan.status, missing) {
        Err(AgreementRefusal::AlreadyAgreed) => errors.add("agree", "plan-error-already-agreed"),
        Err(AgreementRefusal::NotReady(_)) => errors.add("agree", "plan-error-not-ready"),
        Ok(()) if read != plan.version => errors.add("agree", "plan-error-changed"),
        Ok(()) if form.agree.is_none() => errors.add("agree", "plan-error-agree"),
        Ok(()) => {}
    }
    if errors.is_empty() {
        let mut tx = state.db.begin_write().await?;
        if store::agree(&mut tx, plan.id, read).await? {
            crate::audit::store::append(&mut tx, &own_event(&ctx, &plan, Action::PlanAgreed)).await?;
            tx.commit().await?;
            return Ok(Redirect::to(&format!("{}?klart=godkand#godkannande", plan_href(&ctx, plan.id)))
                .into_response());
        }
        // An officer changed the plan after it was loaded: read it again.
        errors.add("agree", "plan-error-changed");
    }
    let (plan, units) = match store::plan(&state.db, plan.id).await? {
        Some(fresh) => (fresh, store::units(&state.db, plan.id).await?),
        None => (plan, units),
    };
    plan_page(&state, &ctx, (&plan, &units), errors, None, None).await
}
