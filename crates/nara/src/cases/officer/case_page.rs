//! A case as its officer sees it, read (and audited) afresh each time it is shown, and the page
//! to correct one journal entry.

use crate::db::Db;
use crate::web::form::Query;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::{audit_read, case_href};
use crate::cases::access::worked_case;
use crate::cases::store;
use crate::cases::view::{
    AdditionView, Choice, EntryView, MessageView, StatusChoice, StatusView, TimelineStep, VersionView,
};
use crate::cases::{Case, StatusKind};
use crate::i18n::{Locale, format_stockholm};
use crate::policy::CaseRole;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// What the officer typed into the case page's forms, to show again with an error.
#[derive(Default)]
pub(super) struct Drafts {
    pub(super) entry_body: String,
    pub(super) entry_sharing: String,
    pub(super) entry_reason: String,
    pub(super) status: String,
    pub(super) due: String,
    pub(super) status_note: String,
    pub(super) message: String,
    pub(super) handover_to: String,
    pub(super) handover_note: String,
    pub(super) close_note: String,
    /// The placements' and youth sentences' forms.
    pub(super) record: super::placements::RecordDrafts,
}

#[derive(Template)]
#[template(path = "cases/officer_case.html")]
struct OfficerCasePage<'a> {
    shell: Shell<'a>,
    /// The answers of the application the case was opened from, step by step.
    steps: Option<Vec<crate::applications::SummaryStep>>,
    meetings: Vec<crate::bookings::CaseMeeting>,
    title: String,
    resident: String,
    resident_email: Option<String>,
    unit: String,
    officer: Option<String>,
    opened: String,
    status: StatusView,
    timeline: Vec<TimelineStep>,
    entries: Vec<EntryView>,
    notes: Vec<AdditionView>,
    messages: Vec<MessageView>,
    handovers: Vec<(String, Option<String>, String, String)>,
    next_statuses: Vec<StatusChoice>,
    colleagues: Vec<Choice>,
    is_open: bool,
    base: String,
    errors: FormErrors,
    drafts: Drafts,
    notice: Option<&'static str>,
    /// When the resident withdrew the application and why.
    withdrawal: Option<(String, String)>,
    /// The child's placements and the young person's youth sentences, with their forms.
    record: super::placements::RecordSection,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "anteckning" => Some("case-notice-entry-written"),
        "rattelse" => Some("case-notice-entry-corrected"),
        "status" => Some("case-notice-status-changed"),
        "meddelande" => Some("case-notice-message-sent"),
        "overlamnat" => Some("case-notice-handed-over"),
        "avslutat" => Some("case-notice-closed"),
        "placering" => Some("placement-notice-added"),
        "placering-avslutad" => Some("placement-notice-ended"),
        "pafoljd" => Some("sentence-notice-added"),
        "pafoljd-avslutad" => Some("sentence-notice-ended"),
        "intervju" => Some("survey-notice-interview"),
        _ => None,
    }
}

async fn unit_name(db: &Db, locale: Locale, unit_id: Uuid) -> Result<String, AppError> {
    let units = crate::identity::store::list_units(db).await?;
    Ok(units.iter().find(|u| u.id == unit_id).map(|u| u.name(locale).to_string()).unwrap_or_default())
}

/// The case page, read (and audited) afresh each time it is shown.
pub(super) async fn case_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    errors: FormErrors,
    mut drafts: Drafts,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    audit_read(state, ctx, case, "case", case.id).await?;
    // About fifteen reads, on one connection.
    let db = state.db.reader().await?;
    let resident = crate::identity::store::person(&db, case.resident_id).await?.ok_or(AppError::NotFound)?;
    let officer = match case.officer_id {
        Some(id) => crate::identity::store::person(&db, id).await?.map(|p| p.display_name),
        None => None,
    };
    let base = case_href(ctx, case.id);
    let journal = store::journal(&db, case.id).await?;
    let additions = store::additions(&db, case.id).await?;
    let entries =
        EntryView::list(&journal, &additions, CaseRole::Officer, |id| format!("{base}/journal/{id}"));
    let notes = additions.iter().filter(|a| a.entry_id.is_none()).map(AdditionView::new).collect();
    let messages = store::case_messages(&db, case.id).await?;
    store::mark_case_messages_read(&db, case.id, &messages, true).await?;
    let handovers = store::handovers(&db, case.id)
        .await?
        .into_iter()
        .map(|h| (format_stockholm(h.handed_over_at), h.from_name, h.to_name, h.note))
        .collect();
    let me = ctx.person()?.person.id;
    let colleagues = store::staff_of_unit(&db, case.unit_id)
        .await?
        .into_iter()
        .filter(|(id, _)| Some(*id) != case.officer_id && *id != case.resident_id)
        .map(|(id, name)| {
            let value = id.to_string();
            let label = if id == me {
                format!("{name} ({})", state.catalogues.text(locale, "case-you"))
            } else {
                name
            };
            Choice { selected: value == drafts.handover_to, value, label }
        })
        .collect();
    if drafts.entry_sharing.is_empty() {
        drafts.entry_sharing = "shared".into();
    }
    let next: Vec<StatusKind> =
        case.status.next_kinds().into_iter().filter(|k| *k != StatusKind::Closed).collect();
    let shell = ctx.shell(state);
    let application = crate::applications::of_case(&db, case.id, &shell, &format!("{base}/bilagor")).await?;
    let withdrawal = match &application {
        Some((row, _)) => crate::applications::store::withdrawal(&db, row.id)
            .await?
            .map(|w| (format_stockholm(w.withdrawn_at), w.reason)),
        None => None,
    };
    let record =
        super::placements::RecordSection::load(&db, case, std::mem::take(&mut drafts.record)).await?;
    let page = OfficerCasePage {
        record,
        withdrawal,
        steps: application.map(|(_, steps)| steps),
        shell,
        meetings: crate::bookings::case_meetings(&db, ctx, case.id, true).await?,
        title: case.title.clone(),
        resident: resident.display_name,
        resident_email: resident.email,
        unit: unit_name(&db, locale, case.unit_id).await?,
        status: StatusView::new(case.status, officer.as_deref(), &state.catalogues, locale),
        officer,
        opened: format_stockholm(case.opened_at),
        timeline: store::status_changes(&db, case.id).await?.iter().map(TimelineStep::new).collect(),
        entries,
        notes,
        messages: MessageView::list(&messages, |id| format!("{base}/meddelandefiler/{id}")),
        handovers,
        next_statuses: StatusChoice::list(&next, &drafts.status),
        colleagues,
        is_open: case.status.is_open(),
        base,
        errors,
        drafts,
        notice,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/arenden/{case}`.
pub async fn case(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    case_page(
        &state,
        &ctx,
        &case,
        FormErrors::default(),
        Drafts::default(),
        notice_key(query.klart.as_deref()),
    )
    .await
}

/// `GET /handlaggare/arenden/{case}/meddelandefiler/{file}`: a file the resident attached to a
/// message, for staff who may work on the case. The read is audited with its purpose.
pub async fn message_file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, file_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let (name, content_type, content) =
        store::message_file(&state.db, case.id, file_id).await?.ok_or(AppError::NotFound)?;
    audit_read(&state, &ctx, &case, "case_message_file", file_id).await?;
    crate::applications::download(&name, &content_type, content)
}

#[derive(Template)]
#[template(path = "cases/correct_entry.html")]
struct CorrectEntryPage<'a> {
    shell: Shell<'a>,
    case_title: String,
    case_href: String,
    resident: String,
    action: String,
    current: VersionView,
    earlier: Vec<VersionView>,
    additions: Vec<AdditionView>,
    version: i32,
    errors: FormErrors,
    body: String,
    sharing: String,
    reason: String,
}

pub(super) async fn correct_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    entry_id: Uuid,
    errors: FormErrors,
    draft: Option<EntryForm>,
) -> Result<Response, AppError> {
    let journal = store::journal(&state.db, case.id).await?;
    let Some(entry) = journal.iter().find(|e| e.id == entry_id) else { return Err(AppError::NotFound) };
    audit_read(state, ctx, case, "journal_entry", entry.id).await?;
    let additions = store::additions(&state.db, case.id).await?;
    let base = case_href(ctx, case.id);
    let mut views = EntryView::list(std::slice::from_ref(entry), &additions, CaseRole::Officer, |id| {
        format!("{base}/journal/{id}")
    });
    let view = views.pop().ok_or(AppError::NotFound)?;
    let resident = crate::identity::store::person(&state.db, case.resident_id)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let (body, sharing, reason) = match draft {
        Some(form) => (form.body, form.sharing, form.reason),
        None => (
            view.current.body.clone(),
            if view.current.shared { "shared".into() } else { "withheld".into() },
            view.current.reason.clone().unwrap_or_default(),
        ),
    };
    let page = CorrectEntryPage {
        shell: ctx.shell(state),
        case_title: case.title.clone(),
        case_href: base,
        resident,
        action: view.href.clone(),
        version: view.current.version,
        current: view.current,
        earlier: view.earlier,
        additions: view.additions,
        errors,
        body,
        sharing,
        reason,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /handlaggare/arenden/{case}/journal/{entry}`: an entry with every version, to correct it.
pub async fn entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, entry_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    correct_page(&state, &ctx, &case, entry_id, FormErrors::default(), None).await
}

/// The journal entry form, as the case page shows it and the officer's changes read it.
#[derive(Deserialize)]
pub struct EntryForm {
    #[serde(default, rename = "entry-body")]
    pub(super) body: String,
    #[serde(default, rename = "entry-sharing")]
    pub(super) sharing: String,
    #[serde(default, rename = "entry-reason")]
    pub(super) reason: String,
}
