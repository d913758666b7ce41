//! What the officer writes in a case: journal entries and corrections, status changes, messages,
//! hand-overs and closing. Each is one transaction with its audit entries and notices.

use crate::web::form::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::case_page::{Drafts, EntryForm, case_page, correct_page};
use super::{case_href, officer_event};
use crate::audit::Action;
use crate::cases::access::worked_case;
use crate::cases::{Case, CaseStatus, EntryProblem, MAX_TEXT_CHARS, Sharing, StatusKind, VersionOutcome};
use crate::cases::{notices, store};
use crate::db::Tx;
use crate::mail::Email;
use crate::policy;
use crate::web::errors::AppError;
use crate::web::form::FormErrors;
use crate::web::form::{TextProblem, bounded_text};
use crate::web::page::PageContext;
use crate::web::state::AppState;

fn redirect(ctx: &PageContext, case: &Case, notice: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}?klart={notice}#{anchor}", case_href(ctx, case.id))).into_response()
}

/// The text and sharing of an entry as written in a form, or the problems with them.
fn parse_entry(body: &str, sharing: &str, reason: &str) -> Result<(String, Sharing), FormErrors> {
    let mut errors = FormErrors::default();
    let body = bounded_text(body, MAX_TEXT_CHARS)
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
    let note = match bounded_text(&form.note, MAX_TEXT_CHARS) {
        Ok(note) => Some(note),
        Err(TextProblem::Missing) => None,
        Err(TextProblem::TooLong) => {
            errors.add("status-note", "case-error-too-long");
            None
        }
    };
    let mut next = None;
    if let Some(kind) = kind.filter(|_| errors.is_empty()) {
        match CaseStatus::from_kind(kind, due)
            .and_then(|s| case.status.change_to(s, crate::stockholm::today()).map(|()| s))
        {
            Ok(status) => next = Some(status),
            Err(problem) => {
                let field = if problem == crate::cases::StatusProblem::NotAllowed { "status" } else { "due" };
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
    Form(form): Form<crate::cases::MessageForm>,
) -> Result<Response, AppError> {
    let case = worked_case(&state, &ctx, id).await?;
    if !case.status.is_open() {
        return Err(AppError::BadRequest);
    }
    let body = match bounded_text(&form.message, MAX_TEXT_CHARS) {
        Ok(body) => body,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "message", "case-error-message", "case-error-too-long");
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
    let note = match bounded_text(&form.note, MAX_TEXT_CHARS) {
        Ok(note) => Some(note),
        Err(problem) => {
            problem.add_to(&mut errors, "handover-note", "case-error-handover-note", "case-error-too-long");
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
    // Meetings were booked in the old contact person's calendar: the resident books anew with the
    // new one, and is told that something changed.
    let cancelled = cancel_meetings(&mut tx, &case, me).await?;
    let event = officer_event(&ctx, &case, Action::CaseHandedOver, "case", case.id)?;
    crate::audit::store::append(&mut tx, &event).await?;
    audit_cancelled(&mut tx, &ctx, &case, &cancelled).await?;
    if !cancelled.is_empty() {
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
    if case.status.change_to(CaseStatus::Closed, crate::stockholm::today()).is_err() {
        return Err(AppError::BadRequest);
    }
    let note = match bounded_text(&form.note, MAX_TEXT_CHARS) {
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
    let survey = crate::surveys::invitations::prepare_for_case(&state.db, &case).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::change_case_status(&mut tx, case.id, case.status, CaseStatus::Closed, note.as_deref(), me)
        .await?
    {
        return Err(AppError::BadRequest);
    }
    let cancelled = cancel_meetings(&mut tx, &case, me).await?;
    let event = officer_event(&ctx, &case, Action::CaseClosed, "case", case.id)?;
    crate::audit::store::append(&mut tx, &event).await?;
    audit_cancelled(&mut tx, &ctx, &case, &cancelled).await?;
    enqueue(&mut tx, notice.as_ref()).await?;
    // The resident is asked whether the help was of use (unless they said "fråga mig inte igen").
    if let Some(survey) = &survey {
        let mailer =
            crate::surveys::invitations::Mailer { catalogues: &state.catalogues, link_base: &state.base_url };
        let actor = officer_event(&ctx, &case, Action::SurveyInvitationSent, "case", case.id)?.actor;
        crate::surveys::invitations::invite_on_close(&mut tx, mailer, survey, &case, actor).await?;
    }
    tx.commit().await?;
    Ok(redirect(&ctx, &case, "avslutat", "nuvarande-status"))
}

/// Cancels the case's coming meetings in the action's transaction, before its audit entries:
/// bookings are locked before the audit head, as a batch of bookings locks them
/// (`bookings::making`), so the two never wait for each other in a circle on PostgreSQL.
async fn cancel_meetings(tx: &mut Tx, case: &Case, me: Uuid) -> Result<Vec<Uuid>, AppError> {
    Ok(crate::bookings::store::cancel_coming_bookings_of_case(tx, case.id, me).await?)
}

/// The audit entries of the meetings [`cancel_meetings`] cancelled.
async fn audit_cancelled(
    tx: &mut Tx,
    ctx: &PageContext,
    case: &Case,
    cancelled: &[Uuid],
) -> Result<(), AppError> {
    for booking in cancelled {
        let event = officer_event(ctx, case, Action::BookingCancelled, "booking", *booking)?;
        crate::audit::store::append(tx, &event).await?;
    }
    Ok(())
}

/// Queues a notice, if there is anyone to send it to, in the action's transaction.
async fn enqueue(tx: &mut Tx, notice: Option<&Email>) -> Result<(), AppError> {
    if let Some(notice) = notice {
        crate::mail::store::enqueue(tx, notice).await?;
    }
    Ok(())
}
