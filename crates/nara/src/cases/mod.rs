//! Cases (*ärenden*) and the resident's record. A case belongs to one resident and one unit and
//! has a contact person (the case officer responsible now). Its status moves along a timeline
//! the resident sees, with a plain-language "what happens next". Case officers write journal
//! entries, shared with the resident or withheld with a recorded reason; corrections are new
//! versions. The resident adds to the record (a comment on an entry, "this is not right", or a
//! note of their own) and exchanges messages with the contact person.
//!
//! The rules here are pure; `store` holds the SQL, `resident` and `officer` the pages. Who may see
//! what is decided in `policy` only.

pub mod access;
pub mod contact;
pub mod notices;
pub mod officer;
pub mod placements;
pub mod resident;
pub mod store;
pub mod view;

use chrono::NaiveDate;
use uuid::Uuid;

pub use store::{Addition, CaseSummary, Handover, Message, NewCase, StatusChange, VersionOutcome};

use crate::db::UtcTime;
use crate::policy::{self, CaseRole};

/// The longest text a journal entry, note or message may have.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Where a case is, as the resident reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseStatus {
    Received,
    BeingAssessed,
    /// The resident is asked for more, by a date.
    MoreInformationNeeded {
        due: NaiveDate,
    },
    DecisionMade,
    Closed,
}

/// A status without its due date: what a form or a filter chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Received,
    BeingAssessed,
    MoreInformationNeeded,
    DecisionMade,
    Closed,
}

impl StatusKind {
    pub const ALL: [StatusKind; 5] = [
        StatusKind::Received,
        StatusKind::BeingAssessed,
        StatusKind::MoreInformationNeeded,
        StatusKind::DecisionMade,
        StatusKind::Closed,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::Received => "received",
            StatusKind::BeingAssessed => "being_assessed",
            StatusKind::MoreInformationNeeded => "more_information_needed",
            StatusKind::DecisionMade => "decision_made",
            StatusKind::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<StatusKind> {
        StatusKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The catalogue key of the status's name (`case-status-being-assessed`).
    pub fn label_key(self) -> &'static str {
        match self {
            StatusKind::Received => "case-status-received",
            StatusKind::BeingAssessed => "case-status-being-assessed",
            StatusKind::MoreInformationNeeded => "case-status-more-information-needed",
            StatusKind::DecisionMade => "case-status-decision-made",
            StatusKind::Closed => "case-status-closed",
        }
    }

    /// The catalogue key of "what happens next", in plain Swedish (takes `$due` and `$contact`).
    pub fn next_key(self) -> &'static str {
        match self {
            StatusKind::Received => "case-next-received",
            StatusKind::BeingAssessed => "case-next-being-assessed",
            StatusKind::MoreInformationNeeded => "case-next-more-information-needed",
            StatusKind::DecisionMade => "case-next-decision-made",
            StatusKind::Closed => "case-next-closed",
        }
    }

    /// The stylesheet's tag colour for the status.
    pub fn tag_class(self) -> &'static str {
        match self {
            StatusKind::Received => "tag tag--grey",
            StatusKind::BeingAssessed => "tag",
            StatusKind::MoreInformationNeeded => "tag tag--yellow",
            StatusKind::DecisionMade => "tag tag--green",
            StatusKind::Closed => "tag tag--grey",
        }
    }
}

/// Why a status cannot be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusProblem {
    /// "More information needed" without a date to answer by.
    DueDateMissing,
    /// The date to answer by has already passed.
    DueDateInPast,
    /// This status cannot follow the current one.
    NotAllowed,
}

impl StatusProblem {
    /// The catalogue key of the message a case officer sees.
    pub fn message_key(self) -> &'static str {
        match self {
            StatusProblem::DueDateMissing => "case-error-due-missing",
            StatusProblem::DueDateInPast => "case-error-due-past",
            StatusProblem::NotAllowed => "case-error-status-not-allowed",
        }
    }
}

impl CaseStatus {
    pub fn kind(self) -> StatusKind {
        match self {
            CaseStatus::Received => StatusKind::Received,
            CaseStatus::BeingAssessed => StatusKind::BeingAssessed,
            CaseStatus::MoreInformationNeeded { .. } => StatusKind::MoreInformationNeeded,
            CaseStatus::DecisionMade => StatusKind::DecisionMade,
            CaseStatus::Closed => StatusKind::Closed,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.kind().as_str()
    }

    pub fn due(self) -> Option<NaiveDate> {
        match self {
            CaseStatus::MoreInformationNeeded { due } => Some(due),
            _ => None,
        }
    }

    /// A stored status and due date; `None` when they do not fit together.
    pub fn parse(text: &str, due: Option<NaiveDate>) -> Option<CaseStatus> {
        Self::from_kind(StatusKind::parse(text)?, due).ok()
    }

    /// A status of `kind`: "more information needed" takes a due date, the others none.
    pub fn from_kind(kind: StatusKind, due: Option<NaiveDate>) -> Result<CaseStatus, StatusProblem> {
        Ok(match kind {
            StatusKind::Received => CaseStatus::Received,
            StatusKind::BeingAssessed => CaseStatus::BeingAssessed,
            StatusKind::MoreInformationNeeded => {
                CaseStatus::MoreInformationNeeded { due: due.ok_or(StatusProblem::DueDateMissing)? }
            }
            StatusKind::DecisionMade => CaseStatus::DecisionMade,
            StatusKind::Closed => CaseStatus::Closed,
        })
    }

    pub fn is_open(self) -> bool {
        self != CaseStatus::Closed
    }

    /// Whether the resident may still withdraw the application the case was opened from: only
    /// before a decision (a decided or closed case has an outcome of its own).
    pub fn may_be_withdrawn(self) -> bool {
        matches!(
            self.kind(),
            StatusKind::Received | StatusKind::BeingAssessed | StatusKind::MoreInformationNeeded
        )
    }

    /// The statuses a case officer may move a case to from this one. A case is received once;
    /// a closed case stays closed (new needs are a new case). Asking again for more information
    /// (a new date or a new question) is allowed.
    pub fn next_kinds(self) -> Vec<StatusKind> {
        use StatusKind::*;
        match self.kind() {
            Received => vec![BeingAssessed, MoreInformationNeeded, DecisionMade, Closed],
            BeingAssessed => vec![MoreInformationNeeded, DecisionMade, Closed],
            MoreInformationNeeded => vec![BeingAssessed, MoreInformationNeeded, DecisionMade, Closed],
            DecisionMade => vec![BeingAssessed, Closed],
            Closed => vec![],
        }
    }

    /// Whether the case may move from this status to `next` on `today` (Stockholm's date).
    pub fn change_to(self, next: CaseStatus, today: NaiveDate) -> Result<(), StatusProblem> {
        if !self.next_kinds().contains(&next.kind()) {
            return Err(StatusProblem::NotAllowed);
        }
        match next.due() {
            Some(due) if due < today => Err(StatusProblem::DueDateInPast),
            _ => Ok(()),
        }
    }
}

/// Whether the resident may read a journal entry's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sharing {
    Shared,
    /// Held back from the resident: the exception, and always with a reason.
    Withheld {
        reason: String,
    },
}

/// Why an entry cannot be saved as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProblem {
    /// The text is empty.
    BodyMissing,
    BodyTooLong,
    /// Neither "shared" nor "withheld" was chosen.
    SharingMissing,
    /// Withheld without a reason: secrecy toward the resident must be justified.
    ReasonMissing,
    ReasonTooLong,
}

impl EntryProblem {
    /// The form field the problem belongs to and the catalogue key of its message.
    pub fn field_and_key(self) -> (&'static str, &'static str) {
        match self {
            EntryProblem::BodyMissing => ("entry-body", "case-error-entry-body"),
            EntryProblem::BodyTooLong => ("entry-body", "case-error-too-long"),
            EntryProblem::SharingMissing => ("entry-sharing", "case-error-sharing"),
            EntryProblem::ReasonMissing => ("entry-reason", "case-error-reason"),
            EntryProblem::ReasonTooLong => ("entry-reason", "case-error-too-long"),
        }
    }
}

impl Sharing {
    /// The choice in the form: `shared` or `withheld` (with a reason). A withheld entry must
    /// have a reason that is not just blanks.
    pub fn decide(choice: &str, reason: &str) -> Result<Sharing, EntryProblem> {
        match choice {
            "shared" => Ok(Sharing::Shared),
            "withheld" => {
                let reason = reason.trim();
                if reason.is_empty() {
                    Err(EntryProblem::ReasonMissing)
                } else if reason.chars().count() > 2000 {
                    Err(EntryProblem::ReasonTooLong)
                } else {
                    Ok(Sharing::Withheld { reason: reason.to_string() })
                }
            }
            _ => Err(EntryProblem::SharingMissing),
        }
    }

    pub fn is_shared(&self) -> bool {
        *self == Sharing::Shared
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Sharing::Shared => None,
            Sharing::Withheld { reason } => Some(reason),
        }
    }

    /// From the stored columns; a withheld row always has a reason (the database checks it).
    pub fn from_columns(shared: bool, reason: Option<String>) -> Sharing {
        if shared { Sharing::Shared } else { Sharing::Withheld { reason: reason.unwrap_or_default() } }
    }
}

/// A message in a case, from either side.
#[derive(Debug, serde::Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    pub message: String,
}

/// A case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: Uuid,
    pub resident_id: Uuid,
    pub unit_id: Uuid,
    /// The contact person; `None` until someone is assigned.
    pub officer_id: Option<Uuid>,
    pub title: String,
    pub status: CaseStatus,
    pub opened_at: UtcTime,
    pub closed_at: Option<UtcTime>,
    pub updated_at: UtcTime,
}

/// One version of a journal entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalVersion {
    pub version: i32,
    pub body: String,
    pub sharing: Sharing,
    pub written_by: Uuid,
    pub written_by_name: String,
    pub written_at: UtcTime,
}

/// A journal entry with every version, oldest first (there is always at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub id: Uuid,
    pub written_at: UtcTime,
    pub versions: Vec<JournalVersion>,
}

impl JournalEntry {
    /// The version in force.
    pub fn current(&self) -> &JournalVersion {
        self.versions.last().expect("an entry has at least one version")
    }

    /// The entry as `role` may see it: every version for the case officer; for the resident the
    /// shared versions, and nothing at all while the version in force is withheld.
    pub fn seen_as(&self, role: CaseRole) -> Option<JournalEntry> {
        if !policy::may_see_journal_version(role, self.current().sharing.is_shared()) {
            return None;
        }
        let versions: Vec<JournalVersion> = self
            .versions
            .iter()
            .filter(|v| policy::may_see_journal_version(role, v.sharing.is_shared()))
            .cloned()
            .collect();
        Some(JournalEntry { id: self.id, written_at: self.written_at, versions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for kind in StatusKind::ALL {
            assert_eq!(StatusKind::parse(kind.as_str()), Some(kind));
            assert!(kind.label_key().starts_with("case-status-"));
            assert!(kind.next_key().starts_with("case-next-"));
        }
        let due = date(2026, 12, 1);
        assert_eq!(
            CaseStatus::parse("more_information_needed", Some(due)),
            Some(CaseStatus::MoreInformationNeeded { due })
        );
        assert_eq!(CaseStatus::parse("more_information_needed", None), None, "a date is needed");
        assert_eq!(CaseStatus::parse("being_assessed", None), Some(CaseStatus::BeingAssessed));
        assert_eq!(CaseStatus::parse("archived", None), None);
    }

    #[test]
    fn a_case_moves_forward_and_a_closed_case_stays_closed() {
        let today = date(2026, 11, 23);
        let asked = CaseStatus::MoreInformationNeeded { due: date(2026, 12, 7) };
        assert_eq!(CaseStatus::Received.change_to(CaseStatus::BeingAssessed, today), Ok(()));
        assert_eq!(CaseStatus::BeingAssessed.change_to(asked, today), Ok(()));
        assert_eq!(asked.change_to(asked, today), Ok(()), "asking again with a new date");
        assert_eq!(asked.change_to(CaseStatus::DecisionMade, today), Ok(()));
        assert_eq!(CaseStatus::DecisionMade.change_to(CaseStatus::Closed, today), Ok(()));
        assert_eq!(
            CaseStatus::BeingAssessed.change_to(CaseStatus::Received, today),
            Err(StatusProblem::NotAllowed),
            "a case is received once"
        );
        assert_eq!(
            CaseStatus::BeingAssessed.change_to(CaseStatus::BeingAssessed, today),
            Err(StatusProblem::NotAllowed)
        );
        for kind in StatusKind::ALL {
            let next = CaseStatus::from_kind(kind, Some(date(2027, 1, 1))).unwrap();
            assert_eq!(CaseStatus::Closed.change_to(next, today), Err(StatusProblem::NotAllowed));
        }
    }

    #[test]
    fn more_information_needs_a_date_that_has_not_passed() {
        let today = date(2026, 11, 23);
        assert_eq!(
            CaseStatus::from_kind(StatusKind::MoreInformationNeeded, None),
            Err(StatusProblem::DueDateMissing)
        );
        let yesterday = CaseStatus::MoreInformationNeeded { due: date(2026, 11, 22) };
        assert_eq!(CaseStatus::BeingAssessed.change_to(yesterday, today), Err(StatusProblem::DueDateInPast));
        let same_day = CaseStatus::MoreInformationNeeded { due: today };
        assert_eq!(CaseStatus::BeingAssessed.change_to(same_day, today), Ok(()));
        assert_eq!(
            CaseStatus::from_kind(StatusKind::DecisionMade, Some(today)),
            Ok(CaseStatus::DecisionMade)
        );
    }

    #[test]
    fn an_application_is_withdrawn_only_before_the_decision() {
        let asked = CaseStatus::MoreInformationNeeded { due: date(2026, 12, 7) };
        for open in [CaseStatus::Received, CaseStatus::BeingAssessed, asked] {
            assert!(open.may_be_withdrawn(), "{open:?}");
            assert_eq!(open.change_to(CaseStatus::Closed, date(2026, 11, 23)), Ok(()), "withdrawing closes");
        }
        assert!(!CaseStatus::DecisionMade.may_be_withdrawn());
        assert!(!CaseStatus::Closed.may_be_withdrawn());
    }

    #[test]
    fn a_withheld_entry_needs_a_reason() {
        assert_eq!(Sharing::decide("shared", ""), Ok(Sharing::Shared));
        assert_eq!(Sharing::decide("shared", "ignored"), Ok(Sharing::Shared));
        assert_eq!(Sharing::decide("withheld", ""), Err(EntryProblem::ReasonMissing));
        assert_eq!(Sharing::decide("withheld", "  \n\t "), Err(EntryProblem::ReasonMissing));
        assert_eq!(
            Sharing::decide("withheld", " Uppgifter om en annan person (26 kap. 1 § OSL) "),
            Ok(Sharing::Withheld { reason: "Uppgifter om en annan person (26 kap. 1 § OSL)".into() })
        );
        assert_eq!(Sharing::decide("", "skäl"), Err(EntryProblem::SharingMissing));
        assert_eq!(Sharing::decide("maybe", "skäl"), Err(EntryProblem::SharingMissing));
        assert_eq!(Sharing::decide("withheld", &"x".repeat(2001)), Err(EntryProblem::ReasonTooLong));
    }

    fn version(version: i32, shared: bool) -> JournalVersion {
        JournalVersion {
            version,
            body: format!("v{version}"),
            sharing: Sharing::from_columns(shared, (!shared).then(|| "skäl".to_string())),
            written_by: Uuid::nil(),
            written_by_name: "Anna".into(),
            written_at: UtcTime::now(),
        }
    }

    #[test]
    fn a_resident_sees_shared_versions_only_and_nothing_while_withheld() {
        let entry =
            JournalEntry { id: Uuid::new_v4(), written_at: UtcTime::now(), versions: vec![version(1, true)] };
        assert_eq!(entry.seen_as(CaseRole::Resident).unwrap().versions.len(), 1);

        let withheld = JournalEntry { versions: vec![version(1, false)], ..entry.clone() };
        assert_eq!(withheld.seen_as(CaseRole::Resident), None);
        assert_eq!(withheld.seen_as(CaseRole::Officer).unwrap().versions.len(), 1);

        // Withheld first, shared after a correction: the resident sees the shared version only.
        let opened = JournalEntry { versions: vec![version(1, false), version(2, true)], ..entry.clone() };
        let seen = opened.seen_as(CaseRole::Resident).unwrap();
        assert_eq!(seen.versions.iter().map(|v| v.version).collect::<Vec<_>>(), vec![2]);
        assert_eq!(seen.current().body, "v2");

        // Shared, then withheld: hidden while the version in force is withheld.
        let closed = JournalEntry { versions: vec![version(1, true), version(2, false)], ..entry };
        assert_eq!(closed.seen_as(CaseRole::Resident), None);
        assert_eq!(closed.seen_as(CaseRole::Officer).unwrap().current().version, 2);
    }
}
