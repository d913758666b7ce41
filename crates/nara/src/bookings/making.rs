//! Bookings sent at the same moment are made together (`db::group_commit`): one write transaction
//! holds the bookings, their audit entries and the officers' notices of everyone waiting. When
//! many residents try for the same officer's times at once, the database lock (SQLite) or the
//! officer's row and the audit head (PostgreSQL) are taken once per batch instead of once per
//! person, and the batch is a handful of statements however many it holds.
//!
//! Each booking in a batch is still decided on its own, in arrival order, against the officers'
//! meetings read once under their locks and the bookings decided before it (`placing`): a refusal
//! writes nothing, so it never spoils the others.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use uuid::Uuid;

use super::placing::{BookOutcome, NewBooking};
use super::slots::Slot;
use super::store;
use crate::audit::AuditEvent;
use crate::db::group_commit::GroupCommit;
use crate::db::{Db, Tx};
use crate::i18n::Locale;
use crate::mail::Email;

/// One booking (or rebooking), waiting to be made.
pub struct Request {
    pub new: NewBooking,
    /// The coming booking of the same case that the new one replaces.
    pub replacing: Option<Uuid>,
    /// The audit entry of the booking; its object is set to the booking once it is made.
    pub audit: AuditEvent,
    /// Writes the officer's notice to their address and language. Read in the batch, once per
    /// officer, and only when a booking is made: not once per resident who tries.
    pub notice: Notice,
}

pub type Notice = Box<dyn FnOnce((String, Locale)) -> Email + Send>;

/// What became of a request.
#[derive(Debug, Clone)]
pub struct Made {
    pub outcome: BookOutcome,
    /// A refused booking's officer's coming meetings as the batch left them (`None` if booked, if
    /// the case changed meanwhile, or if the officer takes no bookings): the free times shown
    /// again are those around them. In a rush, most of a batch is refused, and each would
    /// otherwise read the same meetings again at the same moment. A change committed after the
    /// batch (a cancellation, another process's batch) is not in them: the page may then hide a
    /// time just freed or offer one just taken, which a booking of it refuses under the lock,
    /// as for any page read a moment before.
    pub booked: Option<Arc<[Slot]>>,
}

pub type Queue = GroupCommit<Request, Made>;

pub fn queue() -> Queue {
    // A booking whose request went away before its batch was taken is not made: no one saw it
    // succeed. One whose batch had begun is made, as a booking on its own would have been.
    GroupCommit::dropping_abandoned(|db, requests| Box::pin(make_all(db, requests)))
}

/// Makes `requests` in one write transaction, in order. Lock order: the officers by id
/// (`store::placing`), then the audit head, as a booking on its own takes them.
async fn make_all(db: Db, requests: Vec<Request>) -> anyhow::Result<Vec<Made>> {
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
            notices.push((request.new.officer_id, request.notice));
        }
        outcomes.push((outcome, request.new.officer_id));
    }
    if !events.is_empty() {
        // Before the audit head is locked: every audit write in the system waits for it.
        let mails = officer_notices(&mut tx, notices).await?;
        store::write_placed(&mut tx, &placing).await?;
        crate::audit::store::append_all(&mut tx, &events).await?;
        crate::mail::store::enqueue_all(&mut tx, &mails).await?;
    }
    tx.commit().await?;
    let mut calendars: HashMap<Uuid, Option<Arc<[Slot]>>> = HashMap::new();
    Ok(outcomes
        .into_iter()
        .map(|(outcome, officer)| {
            let refused = !matches!(outcome, BookOutcome::Booked(_) | BookOutcome::CaseChanged);
            let booked = if refused {
                calendars.entry(officer).or_insert_with(|| placing.booked(officer).map(Arc::from)).clone()
            } else {
                None
            };
            Made { outcome, booked }
        })
        .collect())
}

/// The officers' notices of the bookings made, each officer's address read once.
async fn officer_notices(tx: &mut Tx, notices: Vec<(Uuid, Notice)>) -> anyhow::Result<Vec<Email>> {
    let mut addresses: HashMap<Uuid, Option<(String, Locale)>> = HashMap::new();
    let mut mails = Vec::with_capacity(notices.len());
    for (officer, notice) in notices {
        let address = match addresses.entry(officer) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(unknown) => {
                unknown.insert(crate::identity::store::mail_address_in(tx, officer).await?)
            }
        };
        if let Some(address) = address {
            mails.push(notice(address.clone()));
        }
    }
    Ok(mails)
}
