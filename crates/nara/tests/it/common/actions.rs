//! Storage actions run on their own, each in its own transaction, as a handler runs them (without
//! the audit entries and notices a handler adds): for building a test's world and for racing
//! writers against each other.

use nara::applications::answers::Answers;
use nara::applications::store::Submitted;
use nara::bookings::{BookOutcome, NewBooking};
use nara::cases::{CaseStatus, Sharing, VersionOutcome};
use nara::db::Db;
use uuid::Uuid;

pub async fn write_journal_entry(
    db: &Db,
    case_id: Uuid,
    by: Uuid,
    body: &str,
    sharing: &Sharing,
) -> anyhow::Result<Uuid> {
    let mut tx = db.begin_write().await?;
    let id = nara::cases::store::write_journal_entry(&mut tx, case_id, by, body, sharing).await?;
    tx.commit().await?;
    Ok(id)
}

/// Kept only when saved, as the officer's correction is.
pub async fn correct_journal_entry(
    db: &Db,
    case_id: Uuid,
    entry_id: Uuid,
    read_version: i32,
    by: Uuid,
    body: &str,
    sharing: &Sharing,
) -> anyhow::Result<VersionOutcome> {
    let mut tx = db.begin_write().await?;
    let outcome = nara::cases::store::correct_journal_entry(
        &mut tx,
        case_id,
        entry_id,
        read_version,
        by,
        body,
        sharing,
    )
    .await?;
    if let VersionOutcome::Saved(_) = outcome {
        tx.commit().await?;
    }
    Ok(outcome)
}

pub async fn change_case_status(
    db: &Db,
    case_id: Uuid,
    from: CaseStatus,
    to: CaseStatus,
    note: Option<&str>,
    by: Uuid,
) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let changed = nara::cases::store::change_case_status(&mut tx, case_id, from, to, note, by).await?;
    tx.commit().await?;
    Ok(changed)
}

pub async fn add_to_record(
    db: &Db,
    case_id: Uuid,
    entry: Option<(Uuid, i32)>,
    author: Uuid,
    disputes: bool,
    body: &str,
) -> anyhow::Result<Uuid> {
    let mut tx = db.begin_write().await?;
    let id = nara::cases::store::add_to_record(&mut tx, case_id, entry, author, disputes, body).await?;
    tx.commit().await?;
    Ok(id)
}

/// Kept only when booked, as the resident's booking is.
pub async fn book(db: &Db, new: &NewBooking, replacing: Option<Uuid>) -> anyhow::Result<BookOutcome> {
    let mut tx = db.begin_write().await?;
    let outcome = nara::bookings::store::book(&mut tx, new, replacing).await?;
    if let BookOutcome::Booked(_) = outcome {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// `None` (and nothing kept) when the address is taken.
pub async fn create_form(
    db: &Db,
    slug: &str,
    unit_id: Uuid,
    definition: &str,
    by: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let mut tx = db.begin_write().await?;
    let created = nara::applications::store::create_form(&mut tx, slug, unit_id, definition, by).await?;
    if created.is_some() {
        tx.commit().await?;
    }
    Ok(created)
}

pub async fn submit_application(
    db: &Db,
    id: Uuid,
    title: &str,
    answers: &Answers,
    dropped: &[String],
) -> anyhow::Result<Option<Submitted>> {
    let mut tx = db.begin_write().await?;
    let outcome = nara::applications::store::submit_application(&mut tx, id, title, answers, dropped).await?;
    tx.commit().await?;
    Ok(outcome)
}
