//! Registrations sent at the same moment are made together (`db::group_commit`): one write
//! transaction holds the rate-limit count, the places taken, the registrations and their
//! confirmation e-mails of everyone waiting. When 1,000 people register for 100 places the minute
//! registration opens, the database lock (SQLite) or the occurrence's row and the log flush
//! (PostgreSQL) is taken once per batch instead of once per person.
//!
//! Each registration in a batch is still made on its own terms, in arrival order: its own
//! conditional UPDATE takes a place or puts it on the waitlist, so never more than capacity.

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
    GroupCommit::new(|db, registrations| Box::pin(make_all(db, registrations)))
}

/// Makes `registrations` in one write transaction, in order.
async fn make_all(db: Db, registrations: Vec<Registration>) -> anyhow::Result<Vec<Outcome>> {
    let mut tx = db.begin_write().await?;
    let mut outcomes = Vec::with_capacity(registrations.len());
    for registration in registrations {
        let (bucket, limit) = &registration.mail_bucket;
        if !rate_limit::store::hit_on(tx.sql(), bucket, *limit).await? {
            outcomes.push(Outcome::TooManyMails);
            continue;
        }
        let made = store::register_all(&mut tx, &registration.occurrence_ids, &registration.who).await?;
        if made.is_empty() {
            outcomes.push(Outcome::NothingOpen);
            continue;
        }
        crate::mail::store::enqueue(&mut tx, &(registration.confirmation)(&made)).await?;
        outcomes.push(Outcome::Made(made));
    }
    tx.commit().await?;
    Ok(outcomes)
}
