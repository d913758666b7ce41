//! A plan that makes the N-th statement fail, for the test that proves every user action commits
//! all of its writes or none of them (`tests/it/atomic_actions.rs`).
//!
//! It is inert unless a test gives a `Db` a plan with [`super::Db::with_fault_plan`]: no
//! configuration or request can reach it, and without a plan the cost is one `None` check per
//! statement.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counts the statements (and `BEGIN`s and `COMMIT`s) run through a `Db` and fails the one whose
/// number is `fail_at` (1-based), as a lost connection or a full disk would.
#[derive(Debug, Default)]
pub struct FaultPlan {
    fail_at: AtomicU64,
    seen: AtomicU64,
}

/// The error an injected fault returns: what a dropped connection looks like to the caller.
pub const INJECTED: &str = "injected fault (test)";

impl FaultPlan {
    /// A plan that fails nothing until [`FaultPlan::arm`] is called.
    pub fn new() -> Self {
        Self::default()
    }

    /// From now on, counts from zero and fails the `n`-th step.
    pub fn arm(&self, n: u64) {
        self.seen.store(0, Ordering::SeqCst);
        self.fail_at.store(n, Ordering::SeqCst);
    }

    /// Stops failing; whether the armed step was reached (and failed) since [`FaultPlan::arm`].
    pub fn disarm(&self) -> bool {
        let fail_at = self.fail_at.swap(0, Ordering::SeqCst);
        fail_at != 0 && self.seen() >= fail_at
    }

    /// How many steps ran since the last [`FaultPlan::arm`].
    pub fn seen(&self) -> u64 {
        self.seen.load(Ordering::SeqCst)
    }

    /// Called before each step: the armed one fails.
    pub(super) fn step(&self) -> Result<(), sqlx::Error> {
        let n = self.seen.fetch_add(1, Ordering::SeqCst) + 1;
        if n == self.fail_at.load(Ordering::SeqCst) {
            return Err(sqlx::Error::Io(std::io::Error::other(INJECTED)));
        }
        Ok(())
    }
}
