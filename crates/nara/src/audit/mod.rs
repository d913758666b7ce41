//! The audit log: every read or change of a resident's personal data, every log-in and failed
//! log-in, every role change. Append-only, and each entry carries the hash of the one before it,
//! so `nara audit verify` finds the first entry that was altered, removed or inserted.

pub mod review;
mod store;

pub use store::{AccessLogLine, AuditFilter, AuditSearchLine};

use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::UtcTime;
use crate::identity::{Actor, Role};

/// The hash before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened. The names are stored; the catalogue explains them (`audit-action-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    LogIn,
    LogInFailed,
    LogOut,
    LogOutEverywhere,
    AccountCreated,
    EmailVerified,
    PasswordResetRequested,
    PasswordChanged,
    InvitationSent,
    RoleGranted,
    RoleRevoked,
    AccountDeactivated,
    PersonViewed,
    AccessDenied,
    AuditLogSearched,
    AuditLogExported,
    PeopleListed,
    IdentityLinked,
    AttendeesViewed,
    AttendanceMarked,
    CaseViewed,
    CasesListed,
    JournalEntryWritten,
    JournalEntryCorrected,
    CaseAdditionMade,
    CaseMessageSent,
    CaseStatusChanged,
    CaseHandedOver,
    CaseClosed,
    BookingMade,
    BookingCancelled,
    OwnDataDownloaded,
    BookingsListed,
    ApplicationSaved,
    ApplicationSubmitted,
    ApplicationDeleted,
    ApplicationFileRead,
    ApplicationFormPublished,
    ApplicationFormChanged,
    SetupChanged,
}

impl Action {
    pub const ALL: [Action; 40] = [
        Action::LogIn,
        Action::LogInFailed,
        Action::LogOut,
        Action::LogOutEverywhere,
        Action::AccountCreated,
        Action::EmailVerified,
        Action::PasswordResetRequested,
        Action::PasswordChanged,
        Action::InvitationSent,
        Action::RoleGranted,
        Action::RoleRevoked,
        Action::AccountDeactivated,
        Action::PersonViewed,
        Action::AccessDenied,
        Action::AuditLogSearched,
        Action::AuditLogExported,
        Action::PeopleListed,
        Action::IdentityLinked,
        Action::AttendeesViewed,
        Action::AttendanceMarked,
        Action::CaseViewed,
        Action::CasesListed,
        Action::JournalEntryWritten,
        Action::JournalEntryCorrected,
        Action::CaseAdditionMade,
        Action::CaseMessageSent,
        Action::CaseStatusChanged,
        Action::CaseHandedOver,
        Action::CaseClosed,
        Action::BookingMade,
        Action::BookingCancelled,
        Action::OwnDataDownloaded,
        Action::BookingsListed,
        Action::ApplicationSaved,
        Action::ApplicationSubmitted,
        Action::ApplicationDeleted,
        Action::ApplicationFileRead,
        Action::ApplicationFormPublished,
        Action::ApplicationFormChanged,
        Action::SetupChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::LogIn => "log_in",
            Action::LogInFailed => "log_in_failed",
            Action::LogOut => "log_out",
            Action::LogOutEverywhere => "log_out_everywhere",
            Action::AccountCreated => "account_created",
            Action::EmailVerified => "email_verified",
            Action::PasswordResetRequested => "password_reset_requested",
            Action::PasswordChanged => "password_changed",
            Action::InvitationSent => "invitation_sent",
            Action::RoleGranted => "role_granted",
            Action::RoleRevoked => "role_revoked",
            Action::AccountDeactivated => "account_deactivated",
            Action::PersonViewed => "person_viewed",
            Action::AccessDenied => "access_denied",
            Action::AuditLogSearched => "audit_log_searched",
            Action::AuditLogExported => "audit_log_exported",
            Action::PeopleListed => "people_listed",
            Action::IdentityLinked => "identity_linked",
            Action::AttendeesViewed => "attendees_viewed",
            Action::AttendanceMarked => "attendance_marked",
            Action::CaseViewed => "case_viewed",
            Action::CasesListed => "cases_listed",
            Action::JournalEntryWritten => "journal_entry_written",
            Action::JournalEntryCorrected => "journal_entry_corrected",
            Action::CaseAdditionMade => "case_addition_made",
            Action::CaseMessageSent => "case_message_sent",
            Action::CaseStatusChanged => "case_status_changed",
            Action::CaseHandedOver => "case_handed_over",
            Action::CaseClosed => "case_closed",
            Action::BookingMade => "booking_made",
            Action::BookingCancelled => "booking_cancelled",
            Action::OwnDataDownloaded => "own_data_downloaded",
            Action::BookingsListed => "bookings_listed",
            Action::ApplicationSaved => "application_saved",
            Action::ApplicationSubmitted => "application_submitted",
            Action::ApplicationDeleted => "application_deleted",
            Action::ApplicationFileRead => "application_file_read",
            Action::ApplicationFormPublished => "application_form_published",
            Action::ApplicationFormChanged => "application_form_changed",
            Action::SetupChanged => "setup_changed",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// The catalogue key that names a stored action (`log_in` → `audit-action-log-in`).
pub fn action_key(action: &str) -> String {
    format!("audit-action-{}", action.replace('_', "-"))
}

/// The catalogue key that names a stored role (`log_reviewer` → `role-log-reviewer`), including
/// `anonymous` and `system`, which are not roles anyone holds.
pub fn role_key(role: &str) -> String {
    format!("role-{}", role.replace('_', "-"))
}

/// Who did it, as the log records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditActor {
    pub person_id: Option<Uuid>,
    /// A role name, `anonymous`, or `system` (the command line).
    pub role: String,
    pub unit_id: Option<Uuid>,
}

impl AuditActor {
    pub fn of(actor: &Actor) -> Self {
        match actor.signed_in() {
            None => Self { person_id: None, role: "anonymous".into(), unit_id: None },
            Some(person) => {
                let role = person.acting_role();
                Self {
                    person_id: Some(person.person.id),
                    role: role.as_str().into(),
                    unit_id: person.grants.iter().find(|g| g.role == role).and_then(|g| g.unit_id),
                }
            }
        }
    }

    pub fn person(person_id: Uuid, role: Role) -> Self {
        Self { person_id: Some(person_id), role: role.as_str().into(), unit_id: None }
    }

    pub fn anonymous() -> Self {
        Self { person_id: None, role: "anonymous".into(), unit_id: None }
    }

    pub fn system() -> Self {
        Self { person_id: None, role: "system".into(), unit_id: None }
    }
}

/// One thing to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor: AuditActor,
    pub action: Action,
    pub object_type: &'static str,
    pub object_id: Option<String>,
    /// Whose personal data it concerns.
    pub subject_id: Option<Uuid>,
    /// Why staff read a resident's data.
    pub purpose: Option<String>,
    pub request_id: Option<String>,
}

impl AuditEvent {
    pub fn new(actor: AuditActor, action: Action, object_type: &'static str) -> Self {
        Self {
            actor,
            action,
            object_type,
            object_id: None,
            subject_id: None,
            purpose: None,
            request_id: None,
        }
    }

    pub fn object(mut self, id: impl ToString) -> Self {
        self.object_id = Some(id.to_string());
        self
    }

    pub fn subject(mut self, person_id: Uuid) -> Self {
        self.subject_id = Some(person_id);
        self
    }

    pub fn purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = Some(purpose.into());
        self
    }

    pub fn request(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: UtcTime,
    pub actor_id: Option<Uuid>,
    pub actor_role: String,
    pub actor_unit_id: Option<Uuid>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub subject_id: Option<Uuid>,
    pub purpose: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields a hash covers, in a fixed order (serde keeps struct order).
#[derive(Serialize)]
struct Hashed<'a> {
    seq: i64,
    at: String,
    actor_id: Option<Uuid>,
    actor_role: &'a str,
    actor_unit_id: Option<Uuid>,
    action: &'a str,
    object_type: &'a str,
    object_id: Option<&'a str>,
    subject_id: Option<Uuid>,
    purpose: Option<&'a str>,
    request_id: Option<&'a str>,
}

impl AuditEntry {
    /// SHA-256 over the previous hash and this entry's fields.
    pub fn compute_hash(&self) -> String {
        let fields = Hashed {
            seq: self.seq,
            at: self.at.0.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            actor_id: self.actor_id,
            actor_role: &self.actor_role,
            actor_unit_id: self.actor_unit_id,
            action: &self.action,
            object_type: &self.object_type,
            object_id: self.object_id.as_deref(),
            subject_id: self.subject_id,
            purpose: self.purpose.as_deref(),
            request_id: self.request_id.as_deref(),
        };
        let json = serde_json::to_string(&fields).unwrap_or_default();
        let mut hasher = Sha256::new();
        hasher.update(self.prev_hash.as_bytes());
        hasher.update(b"\n");
        hasher.update(json.as_bytes());
        hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The entry that follows `prev_hash` at `seq`, hash filled in.
    pub fn chained(event: &AuditEvent, seq: i64, at: UtcTime, prev_hash: &str) -> Self {
        let mut entry = Self {
            seq,
            at,
            actor_id: event.actor.person_id,
            actor_role: event.actor.role.clone(),
            actor_unit_id: event.actor.unit_id,
            action: event.action.as_str().into(),
            object_type: event.object_type.into(),
            object_id: event.object_id.clone(),
            subject_id: event.subject_id,
            purpose: event.purpose.clone(),
            request_id: event.request_id.clone(),
            prev_hash: prev_hash.into(),
            hash: String::new(),
        };
        entry.hash = entry.compute_hash();
        entry
    }
}

/// Where a chain stops being trustworthy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The entry's own fields no longer give its hash: it was altered.
    Altered { seq: i64 },
    /// The entry does not point at the one before it: one was removed or inserted.
    Broken { seq: i64 },
    /// Sequence numbers skip: entries are missing before this one.
    Missing { expected: i64, found: i64 },
    /// The head says there are more entries than there are (the newest were removed).
    Truncated { last: i64, head: i64 },
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::Altered { seq } => write!(f, "entry {seq} was altered (its hash does not match)"),
            ChainBreak::Broken { seq } => write!(f, "entry {seq} does not follow the entry before it"),
            ChainBreak::Missing { expected, found } => {
                write!(f, "entries {expected} to {} are missing", found - 1)
            }
            ChainBreak::Truncated { last, head } => {
                write!(f, "entries after {last} are missing (the log had {head})")
            }
        }
    }
}

/// Checks entries in sequence order, continuing from `(last seq, last hash)`.
/// Returns the new position, or the first break.
pub fn verify_run(entries: &[AuditEntry], from: (i64, String)) -> Result<(i64, String), ChainBreak> {
    let (mut last_seq, mut last_hash) = from;
    for entry in entries {
        if entry.seq != last_seq + 1 {
            return Err(ChainBreak::Missing { expected: last_seq + 1, found: entry.seq });
        }
        if entry.prev_hash != last_hash {
            return Err(ChainBreak::Broken { seq: entry.seq });
        }
        if entry.compute_hash() != entry.hash {
            return Err(ChainBreak::Altered { seq: entry.seq });
        }
        last_seq = entry.seq;
        last_hash = entry.hash.clone();
    }
    Ok((last_seq, last_hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let event = AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account")
                    .object(format!("a{seq}"))
                    .request(Some(format!("req-{seq}")));
                let entry = AuditEntry::chained(&event, seq, UtcTime::now(), &prev);
                prev = entry.hash.clone();
                entry
            })
            .collect()
    }

    fn start() -> (i64, String) {
        (0, GENESIS_HASH.to_string())
    }

    #[test]
    fn an_intact_chain_verifies() {
        let entries = chain(5);
        assert_eq!(verify_run(&entries, start()).unwrap(), (5, entries[4].hash.clone()));
    }

    #[test]
    fn any_altered_field_is_found() {
        let mut entries = chain(5);
        entries[2].purpose = Some("nyfikenhet".into());
        assert_eq!(verify_run(&entries, start()), Err(ChainBreak::Altered { seq: 3 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut entries = chain(5);
        entries.remove(1);
        assert_eq!(verify_run(&entries, start()), Err(ChainBreak::Missing { expected: 2, found: 3 }));
    }

    #[test]
    fn a_rewritten_and_renumbered_tail_is_found() {
        let mut entries = chain(5);
        entries.remove(1);
        for (i, e) in entries.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
            e.hash = e.compute_hash();
        }
        assert_eq!(verify_run(&entries, start()), Err(ChainBreak::Broken { seq: 2 }));
    }

    #[test]
    fn actions_round_trip_through_their_names() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Some(action));
        }
    }
}
