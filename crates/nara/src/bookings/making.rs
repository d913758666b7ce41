//! Bookings sent at the same moment are made together (`db::group_commit`): one write transaction
//! holds the bookings, their audit entries and the officers' notices of everyone waiting. When
//! many residents try for the same officer's times at once, the database lock (SQLite) or the
//! officer's row and the audit head (PostgreSQL) are taken once per batch instead of once per
//! person, and the batch is a handful of statements however many it holds.
//!
//! Each booking in a batch is still decided on its own, in arrival order, against the officers'
//! meetings read once under their locks and the bookings decided before it (`placing`): a refusal
//! writes nothing, so it never spoils the others.

use uuid::Uuid;

use super::placing::{BookOutcome, NewBooking};
use super::store;
use crate::audit::AuditEvent;
use crate::db::Db;
use crate::db::group_commit::GroupCommit;
use crate::mail::Email;

/// One booking (or rebooking), waiting to be made.
pub struct Request {
    pub new: NewBooking,
    /// The coming booking of the same case that the new one replaces.
    pub replacing: Option<Uuid>,
    /// The audit entry of the booking; its object is set to the booking once it is made.
    pub audit: AuditEvent,
    /// The officer's notice, queued only when the booking is made.
    pub notice: Option<Email>,
}

pub type Queue = GroupCommit<Request, BookOutcome>;

pub fn queue() -> Queue {
    // A booking whose request went away before its batch was taken is not made: no one saw it
    // succeed. One whose batch had begun is made, as a booking on its own would have been.
    GroupCommit::dropping_abandoned(|db, requests| Box::pin(make_all(db, requests)))
}

/// Makes `requests` in one write transaction, in order. Lock order: the officers by id
/// (`store::placing`), then the audit head, as a booking on its own takes them.
async fn make_all(db: Db, requests: Vec<Request>) -> anyhow::Result<Vec<BookOutcome>> {
    let mut tx = db.begin_write().await?;
    let officers: Vec<Uuid> = requests.iter().map(|r| r.new.officer_id).collect();
    let cases: Vec<Uuid> = requests.iter().map(|r| r.new.case_id).collect();
    let moving: Vec<Uuid> = requests.iter().filter_map(|r| r.replacing).collect();
    let mut placing = store::placing(&mut tx, &officers, &cases, &moving).await?;
    let (mut events, mut notices) = (Vec::new(), Vec::new());
    let mut outcomes = Vec::with_capacity(requests.len());
    for request in requests {
        let outcome = placing.place(&request.new, request.replacing);
        if let BookOutcome::Booked(id) = outcome {
            events.push(request.audit.object(id));
            notices.extend(request.notice);
        }
        outcomes.push(outcome);
    }
    if !events.is_empty() {
        store::write_placed(&mut tx, &placing).await?;
        crate::audit::store::append_all(&mut tx, &events).await?;
        crate::mail::store::enqueue_all(&mut tx, &notices).await?;
    }
    tx.commit().await?;
    Ok(outcomes)
}
