//! The case officer's back office: the work list of the units they work in, and a case with its
//! whole record (withheld entries and their reasons included), the resident's additions and
//! messages. Journal entries, corrections, status changes, messages, hand-overs and closing.
//! Staff of the case's unit only, through the policy module; every read and change is written
//! to the audit log with its purpose and the resident as subject, so it shows in their log.

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::access::{PURPOSE, worked_case};
use super::view::{
    AdditionView, Choice, EntryView, MessageView, StatusChoice, StatusView, TimelineStep, VersionView,
    format_date,
};
use super::{
    Case, CaseStatus, EntryProblem, MAX_TEXT_CHARS, Sharing, StatusKind, TextProblem, VersionOutcome,
    clean_text,
};
use super::{notices, store};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::Tx;
use crate::i18n::{Locale, format_stockholm};
use crate::identity::Role;
use crate::mail::Email;
use crate::policy::{self, CaseRole};
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why the work list (residents' names and case titles) is read.
const PURPOSE_WORKLIST: &str = "Arbetslista för handläggning";

/// The log's actor for work on a case: the officer, as staff of the case's unit.
fn officer_actor(ctx: &PageContext, case: &Case) -> Result<AuditActor, AppError> {
    let me = ctx.person()?.person.id;
    Ok(AuditActor { person_id: Some(me), role: Role::Staff.as_str().into(), unit_id: Some(case.unit_id) })
}

/// The log's entry for what the officer did with the case.
fn officer_event(
    ctx: &PageContext,
    case: &Case,
    action: Action,
    object_type: &'static str,
    object: Uuid,
) -> Result<AuditEvent, AppError> {
    Ok(AuditEvent::new(officer_actor(ctx, case)?, action, object_type)
        .object(object)
        .subject(case.resident_id)
        .purpose(PURPOSE)
        .request(ctx.request_id.clone()))
}

/// Writes what the officer read in the case to the log, on its own: reading changes nothing else.
async fn audit_read(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    object_type: &'static str,
    object: Uuid,
) -> Result<(), AppError> {
    state.db.append_audit(&officer_event(ctx, case, Action::CaseViewed, object_type, object)?).await?;
    Ok(())
}

fn case_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/handlaggare/arenden/{id}"))
}

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
    page_number: i64,
    previous_href: Option<String>,
    next_href: Option<String>,
}

/// The work list's address with its filters and a page.
fn worklist_href(ctx: &PageContext, unit: Option<&str>, status: Option<StatusKind>, page: i64) -> String {
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

/// Today's date in Sweden.
fn today() -> NaiveDate {
    crate::stockholm::today()
}

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
        .into_iter()
        .filter(|u| my_units.contains(&u.id))
        .collect();
    let chosen_unit = query.enhet.as_deref().filter(|s| !s.is_empty());
    let chosen: Vec<_> = units.iter().filter(|u| chosen_unit.is_none_or(|slug| u.slug == slug)).collect();
    let status = query.status.as_deref().and_then(StatusKind::parse);
    let page_number = query.sida.as_deref().and_then(|s| s.parse::<i64>().ok()).unwrap_or(1).clamp(1, 10_000);
    let today = today();
    let mut rows = Vec::new();
    let mut more = false;
    for unit in &chosen {
        let mut cases =
            store::worklist(&state.db, unit.id, status, (page_number - 1) * WORKLIST_PAGE, WORKLIST_PAGE + 1)
                .await?;
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
    state.db.append_audit(&event).await?;
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
        page_number,
        previous_href: (page_number > 1).then(|| worklist_href(&ctx, chosen_unit, status, page_number - 1)),
        next_href: more.then(|| worklist_href(&ctx, chosen_unit, status, page_number + 1)),
    };
    Ok(render(&page)?.into_response())
}

/// What the officer typed into the case page's forms, to show again with an error.
#[derive(Default)]
struct Drafts {
    entry_body: String,
    entry_sharing: String,
    entry_reason: String,
    status: String,
    due: String,
    status_note: String,
    message: String,
    handover_to: String,
    handover_note: String,
    close_note: String,
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
        _ => None,
    }
}

async fn unit_name(state: &AppState, locale: Locale, unit_id: Uuid) -> Result<String, AppError> {
    let units = crate::identity::store::list_units(&state.db).await?;
    Ok(units.iter().find(|u| u.id == unit_id).map(|u| u.name(locale).to_string()).unwrap_or_default())
}

/// The case page, read (and audited) afresh each time it is shown.
async fn case_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    errors: FormErrors,
    mut drafts: Drafts,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    audit_read(state, ctx, case, "case", case.id).await?;
    let resident =
        crate::identity::store::person(&state.db, case.resident_id).await?.ok_or(AppError::NotFound)?;
    let officer = match case.officer_id {
        Some(id) => crate::identity::store::person(&state.db, id).await?.map(|p| p.display_name),
        None => None,
    };
    let base = case_href(ctx, case.id);
    let journal = store::journal(&state.db, case.id).await?;
    let additions = store::additions(&state.db, case.id).await?;
    let entries =
        EntryView::list(&journal, &additions, CaseRole::Officer, |id| format!("{base}/journal/{id}"));
    let notes = additions.iter().filter(|a| a.entry_id.is_none()).map(AdditionView::new).collect();
    let messages = store::case_messages(&state.db, case.id).await?;
    store::mark_case_messages_read(&state.db, case.id, true).await?;
    let handovers = store::handovers(&state.db, case.id)
        .await?
        .into_iter()
        .map(|h| (format_stockholm(h.handed_over_at), h.from_name, h.to_name, h.note))
        .collect();
    let me = ctx.person()?.person.id;
    let colleagues = store::staff_of_unit(&state.db, case.unit_id)
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
    let application =
        crate::applications::of_case(&state.db, case.id, &shell, &format!("{base}/bilagor")).await?;
    let page = OfficerCasePage {
        steps: application.map(|(_, steps)| steps),
        shell,
        meetings: crate::bookings::case_meetings(&state.db, ctx, case.id, true).await?,
        title: case.title.clone(),
        resident: resident.display_name,
        resident_email: resident.email,
        unit: unit_name(state, locale, case.unit_id).await?,
        status: StatusView::new(case.status, officer.as_deref(), &state.catalogues, locale),
        officer,
        opened: format_stockholm(case.opened_at),
        timeline: store::status_changes(&state.db, case.id).await?.iter().map(TimelineStep::new).collect(),
        entries,
        notes,
        messages: messages.iter().map(MessageView::new).collect(),
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

fn redirect(ctx: &PageContext, case: &Case, notice: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}?klart={notice}#{anchor}", case_href(ctx, case.id))).into_response()
}

/// The text and sharing of an entry as written in a form, or the problems with them.
fn parse_entry(body: &str, sharing: &str, reason: &str) -> Result<(String, Sharing), FormErrors> {
    let mut errors = FormErrors::default();
    let body = clean_text(body, MAX_TEXT_CHARS)
        .map_err(|problem| {
            let problem = if problem == TextProblem::Missing {
                EntryProblem::BodyMissing
            } else {
                EntryProblem::BodyTooLong
            };
            let (field, key) = problem.field_and_key();
            errors.add(field, key);
        })
        .ok();
    let sharing = Sharing::decide(sharing, reason)
        .map_err(|problem| {
            let (field, key) = problem.field_and_key();
            errors.add(field, key);
        })
        .ok();
    match (body, sharing) {
        (Some(body), Some(sharing)) if errors.is_empty() => Ok((body, sharing)),
        _ => Err(errors),
    }
}

#[derive(Deserialize)]
pub struct EntryForm {
    #[serde(default, rename = "entry-body")]
    body: String,
    #[serde(default, rename = "entry-sharing")]
    sharing: String,
    #[serde(default, rename = "entry-reason")]
    reason: String,
}

/// `POST /handlaggare/arenden/{case}/journal`: a new journal entry, shared or withheld with a reason.
pub async fn write_entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<EntryForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let (body, sharing) = match parse_entry(&form.body, &form.sharing, &form.reason) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let drafts = Drafts {
                entry_body: form.body,
                entry_sharing: form.sharing,
                entry_reason: form.reason,
                ..Default::default()
            };
            return case_page(&state, &ctx, &case, errors, drafts, None).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let entry = store::write_journal_entry(&mut tx, case.id, me, &body, &sharing).await?;
    let event = officer_event(&ctx, &case, Action::JournalEntryWritten, "journal_entry", entry)?;
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "anteckning", &format!("anteckning-{entry}")))
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

async fn correct_page(
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

#[derive(Deserialize)]
pub struct CorrectionForm {
    #[serde(default, rename = "entry-body")]
    body: String,
    #[serde(default, rename = "entry-sharing")]
    sharing: String,
    #[serde(default, rename = "entry-reason")]
    reason: String,
    /// The version the officer corrected.
    #[serde(default)]
    version: String,
}

/// `POST /handlaggare/arenden/{case}/journal/{entry}`: a correction, saved as a new version.
pub async fn correct_entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, entry_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<CorrectionForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let read_version: i32 = form.version.trim().parse().map_err(|_| AppError::BadRequest)?;
    let entry = EntryForm { body: form.body, sharing: form.sharing, reason: form.reason };
    let (body, sharing) = match parse_entry(&entry.body, &entry.sharing, &entry.reason) {
        Ok(parsed) => parsed,
        Err(errors) => return correct_page(&state, &ctx, &case, entry_id, errors, Some(entry)).await,
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    match store::correct_journal_entry(&mut tx, case.id, entry_id, read_version, me, &body, &sharing).await? {
        VersionOutcome::Saved(_) => {
            let event = officer_event(&ctx, &case, Action::JournalEntryCorrected, "journal_entry", entry_id)?;
            crate::audit::store::append(&mut tx, &event).await?;
            tx.commit().await?;
            Ok(redirect(&ctx, &case, "rattelse", &format!("anteckning-{entry_id}")))
        }
        VersionOutcome::Stale => {
            // Nothing was written; the page below reads (and audits) on its own.
            drop(tx);
            let mut errors = FormErrors::default();
            errors.add("entry-body", "case-error-stale");
            correct_page(&state, &ctx, &case, entry_id, errors, Some(entry)).await
        }
        VersionOutcome::NotFound => Err(AppError::NotFound),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    due: String,
    #[serde(default, rename = "status-note")]
    note: String,
}

/// `POST /handlaggare/arenden/{case}/status`: moves the case on, with a note to the resident
/// (required when asking for more information, with the date to answer by). The resident gets
/// an e-mail saying that something is new.
pub async fn change_status(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    let mut errors = FormErrors::default();
    let kind = StatusKind::parse(&form.status).filter(|k| *k != StatusKind::Closed);
    if kind.is_none() {
        errors.add("status", "case-error-status");
    }
    let due = form.due.trim();
    let due = if due.is_empty() {
        None
    } else {
        NaiveDate::parse_from_str(due, "%Y-%m-%d").map(Some).unwrap_or_else(|_| {
            errors.add("due", "case-error-due-format");
            None
        })
    };
    let note = match clean_text(&form.note, MAX_TEXT_CHARS) {
        Ok(note) => Some(note),
        Err(TextProblem::Missing) => None,
        Err(TextProblem::TooLong) => {
            errors.add("status-note", "case-error-too-long");
            None
        }
    };
    let mut next = None;
    if let Some(kind) = kind.filter(|_| errors.is_empty()) {
        match CaseStatus::from_kind(kind, due).and_then(|s| case.status.change_to(s, today()).map(|()| s)) {
            Ok(status) => next = Some(status),
            Err(problem) => {
                let field = if problem == super::StatusProblem::NotAllowed { "status" } else { "due" };
                errors.add(field, problem.message_key());
            }
        }
        if kind == StatusKind::MoreInformationNeeded && note.is_none() {
            errors.add("status-note", "case-error-status-note");
        }
    }
    let Some(next) = next.filter(|_| errors.is_empty()) else {
        let drafts =
            Drafts { status: form.status, due: form.due, status_note: form.note, ..Default::default() };
        return case_page(&state, &ctx, &case, errors, drafts, None).await;
    };
    let me = ctx.person()?.person.id;
    let notice = notices::resident_notice(&state, case.resident_id, case.id).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::change_case_status(&mut tx, case.id, case.status, next, note.as_deref(), me).await? {
        // Someone else changed it first: nothing was written; the page reads afresh.
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("status", "case-error-status-stale");
        let case = store::case(&state.db, case.id).await?.ok_or(AppError::NotFound)?;
        let drafts =
            Drafts { status: form.status, due: form.due, status_note: form.note, ..Default::default() };
        return case_page(&state, &ctx, &case, errors, drafts, None).await;
    }
    let event = officer_event(&ctx, &case, Action::CaseStatusChanged, "case", case.id)?;
    crate::audit::store::append(&mut tx, &event).await?;
    enqueue(&mut tx, notice.as_ref()).await?;
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "status", "nuvarande-status"))
}

/// `POST /handlaggare/arenden/{case}/meddelande`: a message to the resident, who gets an e-mail
/// that something is waiting (never what).
pub async fn send_message(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<super::MessageForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    if !case.status.is_open() {
        return Err(AppError::BadRequest);
    }
    let body = match clean_text(&form.message, MAX_TEXT_CHARS) {
        Ok(body) => body,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "message", "case-error-message");
            let drafts = Drafts { message: form.message, ..Default::default() };
            return case_page(&state, &ctx, &case, errors, drafts, None).await;
        }
    };
    let me = ctx.person()?.person.id;
    let notice = notices::resident_notice(&state, case.resident_id, case.id).await?;
    let mut tx = state.db.begin_write().await?;
    let message = store::send_case_message(&mut tx, case.id, me, false, &body).await?;
    let event = officer_event(&ctx, &case, Action::CaseMessageSent, "case_message", message)?;
    crate::audit::store::append(&mut tx, &event).await?;
    enqueue(&mut tx, notice.as_ref()).await?;
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "meddelande", "meddelanden"))
}

#[derive(Deserialize)]
pub struct HandoverForm {
    #[serde(default, rename = "handover-to")]
    to: String,
    #[serde(default, rename = "handover-note")]
    note: String,
}

/// `POST /handlaggare/arenden/{case}/overlamna`: hands the case to another member of staff of the
/// same unit, with a note for continuity. The new contact person gets an e-mail notice.
pub async fn hand_over(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<HandoverForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    if !case.status.is_open() {
        return Err(AppError::BadRequest);
    }
    let mut errors = FormErrors::default();
    let mut to = None;
    let candidate = Uuid::parse_str(form.to.trim()).ok().filter(|c| case.officer_id != Some(*c));
    if let Some(candidate) = candidate
        && let Some(person) = crate::identity::store::person(&state.db, candidate).await?
    {
        let grants = crate::identity::store::grants(&state.db, candidate).await?;
        if policy::may_take_over_case(person.id, person.active, &grants, case.unit_id, case.resident_id) {
            to = Some(candidate);
        }
    }
    if to.is_none() {
        errors.add("handover-to", "case-error-handover-to");
    }
    let note = match clean_text(&form.note, MAX_TEXT_CHARS) {
        Ok(note) => Some(note),
        Err(problem) => {
            problem.add_to(&mut errors, "handover-note", "case-error-handover-note");
            None
        }
    };
    let (Some(to), Some(note)) = (to, note) else {
        let drafts = Drafts { handover_to: form.to, handover_note: form.note, ..Default::default() };
        return case_page(&state, &ctx, &case, errors, drafts, None).await;
    };
    let me = ctx.person()?.person.id;
    let resident_notice = notices::resident_notice(&state, case.resident_id, case.id).await?;
    let officer_notice = notices::officer_notice(&state, to, case.id).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::hand_over_case(&mut tx, case.id, to, &note, me).await? {
        return Err(AppError::BadRequest);
    }
    let event = officer_event(&ctx, &case, Action::CaseHandedOver, "case", case.id)?;
    crate::audit::store::append(&mut tx, &event).await?;
    // Meetings were booked in the old contact person's calendar: the resident books anew with the
    // new one, and is told that something changed.
    if cancel_meetings(&mut tx, &ctx, &case, me).await? {
        enqueue(&mut tx, resident_notice.as_ref()).await?;
    }
    enqueue(&mut tx, officer_notice.as_ref()).await?;
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "overlamnat", "kontaktperson"))
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default, rename = "close-note")]
    note: String,
}

/// `POST /handlaggare/arenden/{case}/avsluta`: closes the case, with an optional note to the
/// resident. The record stays, readable by the resident.
pub async fn close(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<CloseForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    if case.status.change_to(CaseStatus::Closed, today()).is_err() {
        return Err(AppError::BadRequest);
    }
    let note = match clean_text(&form.note, MAX_TEXT_CHARS) {
        Ok(note) => Some(note),
        Err(TextProblem::Missing) => None,
        Err(TextProblem::TooLong) => {
            let mut errors = FormErrors::default();
            errors.add("close-note", "case-error-too-long");
            let drafts = Drafts { close_note: form.note, ..Default::default() };
            return case_page(&state, &ctx, &case, errors, drafts, None).await;
        }
    };
    let me = ctx.person()?.person.id;
    let notice = notices::resident_notice(&state, case.resident_id, case.id).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::change_case_status(&mut tx, case.id, case.status, CaseStatus::Closed, note.as_deref(), me)
        .await?
    {
        return Err(AppError::BadRequest);
    }
    let event = officer_event(&ctx, &case, Action::CaseClosed, "case", case.id)?;
    crate::audit::store::append(&mut tx, &event).await?;
    cancel_meetings(&mut tx, &ctx, &case, me).await?;
    enqueue(&mut tx, notice.as_ref()).await?;
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "avslutat", "nuvarande-status"))
}

/// Cancels the case's coming meetings (each audited) in the action's transaction; whether there
/// were any.
async fn cancel_meetings(tx: &mut Tx, ctx: &PageContext, case: &Case, me: Uuid) -> Result<bool, AppError> {
    let cancelled = crate::bookings::store::cancel_coming_bookings_of_case(tx, case.id, me).await?;
    for booking in &cancelled {
        let event = officer_event(ctx, case, Action::BookingCancelled, "booking", *booking)?;
        crate::audit::store::append(tx, &event).await?;
    }
    Ok(!cancelled.is_empty())
}

/// Queues a notice, if there is anyone to send it to, in the action's transaction.
async fn enqueue(tx: &mut Tx, notice: Option<&Email>) -> Result<(), AppError> {
    if let Some(notice) = notice {
        crate::mail::store::enqueue(tx, notice).await?;
    }
    Ok(())
}
