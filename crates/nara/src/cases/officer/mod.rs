//! The case officer's back office: the work list of the units they work in, and a case with its
//! whole record (withheld entries and their reasons included), the resident's additions and
//! messages. Journal entries, corrections, status changes, messages, hand-overs and closing.
//! Staff of the case's unit only, through the policy module; every read and change is written
//! to the audit log with its purpose and the resident as subject, so it shows in their log.
//!
//! `work_list` is the list of cases, `case_page` shows a case (and an entry to correct), and
//! `changes` takes what the officer writes; the helpers below are shared by the three.

mod case_page;
mod changes;
mod placements;
mod work_list;

pub use case_page::{EntryForm, NoticeQuery, case, entry, message_file};
pub use changes::{
    CloseForm, CorrectionForm, HandoverForm, StatusForm, change_status, close, correct_entry, hand_over,
    send_message, write_entry,
};
pub use placements::{
    EndPlacementForm, EndSentenceForm, PlacementForm, SentenceForm, add_placement, add_sentence,
    end_placement, end_sentence,
};
pub use work_list::{WorkRow, WorklistQuery, worklist};

use uuid::Uuid;

use super::Case;
use super::access::PURPOSE;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::Role;
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::state::AppState;

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
    crate::audit::store::record(
        &state.db,
        &officer_event(ctx, case, Action::CaseViewed, object_type, object)?,
    )
    .await?;
    Ok(())
}

fn case_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/handlaggare/arenden/{id}"))
}
