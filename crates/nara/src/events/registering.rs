//! Registrations sent at the same moment are made together (`db::group_commit`): one write
//! transaction holds the rate-limit count, the places taken, the registrations and their
//! confirmation e-mails of everyone waiting. When 1,000 people register for 100 places the minute
//! registration opens, the database lock (SQLite) or the occurrence's row and the log flush
//! (PostgreSQL) is taken once per batch instead of once per person.
//!
//! Each registration in a batch is still decided on its own, in arrival order, against the
//! occurrence's places read once under its lock (`store::Registrations`): a place while places
//! last, then the waitlist, so never more than capacity. The rows are written together at the end.

use uuid::Uuid;

use super::{Registered, Registrant, store};
use crate::db::Db;
use crate::db::group_commit::GroupCommit;
use crate::mail::Email;
use crate::rate_limit::{self, Limit};

/// One person's registration, waiting to be made.
pub struct Registration {
    pub occurrence_ids: Vec<Uuid>,
    pub who: Registrant,
    /// The rate-limit bucket of the address the confirmation goes to, and its limit.
    pub mail_bucket: (String, Limit),
    /// The confirmation e-mail for what was made, queued in the same transaction.
    pub confirmation: Confirmation,
}

/// Writes the confirmation e-mail once the registrations are made (its link names the first).
pub type Confirmation = Box<dyn FnOnce(&[Registered]) -> Email + Send>;

/// What became of a registration.
#[derive(Debug)]
pub enum Outcome {
    Made(Vec<Registered>),
    /// None of the occurrences takes registrations.
    NothingOpen,
    /// The address has had its share of e-mails for now; nothing was registered.
    TooManyMails,
}

pub type Queue = GroupCommit<Registration, Outcome>;

pub fn queue() -> Queue {
    // A registration whose request went away is not made: no one saw it succeed.
    GroupCommit::dropping_abandoned(|db, registrations| Box::pin(make_all(db, registrations)))
}

/// Makes `registrations` in one write transaction, in order.
///
/// On PostgreSQL another process may be writing a batch of its own at the same moment, so the
/// rows a batch locks are locked in one order: the rate-limit counts by bucket, then the
/// occurrences by id. Only then are the registrations decided, in the order they came.
async fn make_all(db: Db, registrations: Vec<Registration>) -> anyhow::Result<Vec<Outcome>> {
    let mut tx = db.begin_write().await?;
    let attempts: Vec<(&str, Limit)> =
        registrations.iter().map(|r| (r.mail_bucket.0.as_str(), r.mail_bucket.1)).collect();
    let allowed = rate_limit::store::hit_all(&mut tx, &attempts).await?;
    let mut occurrences: Vec<Uuid> =
        registrations.iter().flat_map(|r| r.occurrence_ids.iter().copied()).collect();
    occurrences.sort_unstable();
    occurrences.dedup();
    let mut made_here = store::Registrations::default();
    made_here.lock(&mut tx, &occurrences).await?;

    let mut mails = Vec::new();
    let mut outcomes = Vec::with_capacity(registrations.len());
    for (registration, allowed) in registrations.into_iter().zip(allowed) {
        if !allowed {
            outcomes.push(Outcome::TooManyMails);
            continue;
        }
        let made = made_here.take(&mut tx, &registration.occurrence_ids, &registration.who).await?;
        if made.is_empty() {
            outcomes.push(Outcome::NothingOpen);
            continue;
        }
        mails.push((registration.confirmation)(&made));
        outcomes.push(Outcome::Made(made));
    }
    made_here.write(&mut tx).await?;
    crate::mail::store::enqueue_all(&mut tx, &mails).await?;
    tx.commit().await?;
    Ok(outcomes)
}
