//! The work list: the cases of the units the officer works in, by status and due date.

use crate::web::form::Query;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::case_href;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::cases::StatusKind;
use crate::cases::store;
use crate::cases::view::{Choice, StatusChoice, format_date};
use crate::i18n::format_stockholm;
use crate::identity::Role;
use crate::web::errors::{AppError, render};
use crate::web::page::{PageContext, Pages};
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why the work list (residents' names and case titles) is read.
const PURPOSE_WORKLIST: &str = crate::audit::purpose::WORK_LIST;

/// One line of the work list.
pub struct WorkRow {
    pub href: String,
    pub title: String,
    pub resident: String,
    pub label_key: &'static str,
    pub tag_class: &'static str,
    pub due: Option<String>,
    pub overdue: bool,
    pub officer: Option<String>,
    pub unit: String,
    pub opened: String,
    pub unread: i64,
}

#[derive(Template)]
#[template(path = "cases/worklist.html")]
struct WorklistPage<'a> {
    shell: Shell<'a>,
    units: Vec<Choice>,
    statuses: Vec<StatusChoice>,
    rows: Vec<WorkRow>,
    has_units: bool,
    pages: Pages,
}

/// The work list's address with its filters and a page.
fn worklist_href(ctx: &PageContext, unit: Option<&str>, status: Option<StatusKind>, page: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    if let Some(unit) = unit {
        query.append_pair("enhet", unit);
    }
    if let Some(status) = status {
        query.append_pair("status", status.as_str());
    }
    query.append_pair("sida", &page.to_string());
    ctx.href(&format!("/handlaggare?{}", query.finish()))
}

#[derive(Deserialize)]
pub struct WorklistQuery {
    /// A unit's slug; all the person's units when absent.
    enhet: Option<String>,
    /// A status; open cases when absent.
    status: Option<String>,
    /// The page, from 1.
    sida: Option<String>,
}

/// Cases a page of the work list shows (per unit).
const WORKLIST_PAGE: i64 = 50;
/// The last page the work list goes to (a guard on `sida`, far past any unit's cases).
const WORKLIST_PAGES: usize = 10_000;

/// `GET /handlaggare`: the cases of the units the person works in, by status and due date.
pub async fn worklist(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<WorklistQuery>,
) -> Result<Response, AppError> {
    let person = ctx.person()?;
    let locale = ctx.location.locale;
    let my_units: Vec<Uuid> = person.units_for(Role::Staff).collect();
    let units: Vec<_> = crate::identity::store::list_units(&state.db)
        .await?
        .iter()
        .filter(|u| my_units.contains(&u.id))
        .cloned()
        .collect();
    let chosen_unit = query.enhet.as_deref().filter(|s| !s.is_empty());
    let chosen: Vec<_> = units.iter().filter(|u| chosen_unit.is_none_or(|slug| u.slug == slug)).collect();
    let status = query.status.as_deref().and_then(StatusKind::parse);
    let page_number = Pages::asked(query.sida.as_deref()).min(WORKLIST_PAGES);
    // At most `WORKLIST_PAGES`, so the cast is exact.
    let offset = (page_number as i64 - 1) * WORKLIST_PAGE;
    let today = crate::stockholm::today();
    let mut rows = Vec::new();
    let mut more = false;
    for unit in &chosen {
        let mut cases = store::worklist(&state.db, unit.id, status, offset, WORKLIST_PAGE + 1).await?;
        if cases.len() as i64 > WORKLIST_PAGE {
            cases.truncate(WORKLIST_PAGE as usize);
            more = true;
        }
        // A case about the officer themselves is never theirs to work on.
        for case in cases.into_iter().filter(|c| c.resident_id != person.person.id) {
            let kind = case.kind();
            rows.push(WorkRow {
                href: case_href(&ctx, case.id),
                title: case.title,
                resident: case.resident_name,
                label_key: kind.label_key(),
                tag_class: kind.tag_class(),
                due: case.status_due_on.map(format_date),
                overdue: case.status_due_on.is_some_and(|d| d < today),
                officer: case.officer_name,
                unit: unit.name(locale).to_string(),
                opened: format_stockholm(case.opened_at),
                unread: case.unread,
            });
        }
    }
    let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::CasesListed, "case_worklist")
        .object(chosen_unit.unwrap_or("*"))
        .purpose(PURPOSE_WORKLIST)
        .request(ctx.request_id.clone());
    crate::audit::store::record(&state.db, &event).await?;
    let page = WorklistPage {
        shell: ctx.shell(&state),
        has_units: !units.is_empty(),
        units: units
            .iter()
            .map(|u| Choice {
                value: u.slug.clone(),
                label: u.name(locale).to_string(),
                selected: chosen_unit == Some(u.slug.as_str()),
            })
            .collect(),
        statuses: StatusChoice::list(&StatusKind::ALL, status.map_or("", StatusKind::as_str)),
        rows,
        pages: Pages::open_ended(
            state.catalogues.text(locale, "worklist-pages"),
            page_number,
            more && page_number < WORKLIST_PAGES,
            |n| worklist_href(&ctx, chosen_unit, status, n),
        ),
    };
    Ok(render(&page)?.into_response())
}
