//! Coordinated individual plans (*samordnad individuell plan*, SIP). A plan belongs to one
//! resident who needs help from several services at once. Officers of one or more of the city's
//! units make it together, usually from an open case, with named participants from outside the
//! city (the region's health care, a school): goals, actions ("who does what by when") and a date
//! to follow the plan up. The resident reads it on my pages, writes their own view and gives
//! their agreement. An agreement holds for the version of the plan the resident read: a change of
//! content afterwards needs a new one.
//!
//! The rules here are pure; `store` holds the SQL, `access` the load-and-check, `staff` and
//! `resident` the pages. Who may see a plan is decided in `policy` only.

pub mod access;
pub mod resident;
pub mod staff;
pub mod store;
pub mod view;

use chrono::NaiveDate;
use uuid::Uuid;

pub use store::{Goal, OutsideParticipant, PlanAction, PlanSummary, PlanUnit};

use crate::db::UtcTime;

/// The longest goal, action, view or name text.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// The longest title, participant name or organisation.
pub const MAX_NAME_CHARS: usize = 200;

/// Where a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    /// Being made, or changed since the resident agreed.
    Draft,
    /// The resident agreed to this version.
    Agreed,
    /// Agreed, and followed up by the officers.
    FollowedUp,
}

impl PlanStatus {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "draft" => Some(Self::Draft),
            "agreed" => Some(Self::Agreed),
            "followed_up" => Some(Self::FollowedUp),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Agreed => "agreed",
            Self::FollowedUp => "followed_up",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Draft => "plan-status-draft",
            Self::Agreed => "plan-status-agreed",
            Self::FollowedUp => "plan-status-followed-up",
        }
    }

    pub fn tag_class(self) -> &'static str {
        match self {
            Self::Draft => "tag tag--yellow",
            Self::Agreed => "tag tag--green",
            Self::FollowedUp => "tag",
        }
    }
}

/// A plan as stored.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: Uuid,
    pub resident_id: Uuid,
    pub case_id: Option<Uuid>,
    pub title: String,
    pub status: PlanStatus,
    pub follow_up_on: Option<NaiveDate>,
    /// Raised by every change of content.
    pub version: i32,
    pub resident_view: Option<String>,
    pub resident_view_at: Option<UtcTime>,
    pub agreed_at: Option<UtcTime>,
    pub followed_up_at: Option<UtcTime>,
    pub created_at: UtcTime,
}

/// Who is responsible for an action: a participating unit, an outside participant, or the
/// resident themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Responsible {
    Resident,
    Unit(Uuid),
    Outside(Uuid),
}

impl Responsible {
    /// The value a form's choice carries (`invanare`, `enhet:<id>`, `extern:<id>`).
    pub fn form_value(self) -> String {
        match self {
            Self::Resident => "invanare".into(),
            Self::Unit(id) => format!("enhet:{id}"),
            Self::Outside(id) => format!("extern:{id}"),
        }
    }

    /// A form's choice, when it names a participant of this plan.
    pub fn from_form(value: &str, units: &[Uuid], outside: &[Uuid]) -> Option<Self> {
        if value == "invanare" {
            return Some(Self::Resident);
        }
        let (kind, id) = value.split_once(':')?;
        let id = Uuid::parse_str(id).ok()?;
        match kind {
            "enhet" if units.contains(&id) => Some(Self::Unit(id)),
            "extern" if outside.contains(&id) => Some(Self::Outside(id)),
            _ => None,
        }
    }
}

/// What is done to a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Participants, goals, actions or the follow-up date: what the resident agrees to.
    Content,
    /// An action is marked done: the plan being carried out, not changed.
    ActionDone,
    /// The resident's own words about the plan: theirs, not the officers' plan.
    ResidentView,
}

impl Change {
    /// Whether the change ends the resident's agreement, so that they must agree again.
    pub fn ends_agreement(self) -> bool {
        self == Change::Content
    }
}

/// What a plan lacks before the resident can agree to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Goal,
    Action,
    FollowUpDate,
}

impl Missing {
    pub fn label_key(self) -> &'static str {
        match self {
            Missing::Goal => "plan-missing-goal",
            Missing::Action => "plan-missing-action",
            Missing::FollowUpDate => "plan-missing-follow-up",
        }
    }
}

/// What the plan still needs before it is ready for the resident's agreement: a goal, an
/// action and a date to follow it up.
pub fn missing_for_agreement(goals: usize, actions: usize, follow_up_on: Option<NaiveDate>) -> Vec<Missing> {
    let mut missing = Vec::new();
    if goals == 0 {
        missing.push(Missing::Goal);
    }
    if actions == 0 {
        missing.push(Missing::Action);
    }
    if follow_up_on.is_none() {
        missing.push(Missing::FollowUpDate);
    }
    missing
}

/// Why the resident cannot agree now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgreementRefusal {
    /// They already agreed to this version.
    AlreadyAgreed,
    /// The plan is not ready.
    NotReady(Vec<Missing>),
}

/// Whether the resident may agree to the plan: a draft that is ready.
pub fn agreement(status: PlanStatus, missing: Vec<Missing>) -> Result<(), AgreementRefusal> {
    if status != PlanStatus::Draft {
        Err(AgreementRefusal::AlreadyAgreed)
    } else if !missing.is_empty() {
        Err(AgreementRefusal::NotReady(missing))
    } else {
        Ok(())
    }
}

/// Whether the officers may record that the plan was followed up: only a plan the resident agreed
/// to (a draft has nothing agreed to follow up; a followed-up plan is changed, and agreed, first).
pub fn may_follow_up(status: PlanStatus) -> bool {
    status == PlanStatus::Agreed
}

/// Whether the follow-up date has passed without the plan being followed up.
pub fn follow_up_overdue(status: PlanStatus, follow_up_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status != PlanStatus::FollowedUp && follow_up_on.is_some_and(|date| date < today)
}

/// Whether an action not done is past its date.
pub fn action_overdue(due_on: NaiveDate, done: bool, today: NaiveDate) -> bool {
    !done && due_on < today
}

/// A date as a form gives it (`2026-12-24`); `None` when it is not one.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn statuses_read_back_as_written() {
        for status in [PlanStatus::Draft, PlanStatus::Agreed, PlanStatus::FollowedUp] {
            assert_eq!(PlanStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(PlanStatus::parse("ready"), None);
    }

    #[test]
    fn only_a_change_of_content_needs_a_new_agreement() {
        assert!(Change::Content.ends_agreement());
        assert!(!Change::ActionDone.ends_agreement(), "carrying the plan out is not changing it");
        assert!(!Change::ResidentView.ends_agreement(), "the resident's own words are theirs");
    }

    #[test]
    fn a_plan_is_ready_with_a_goal_an_action_and_a_follow_up_date() {
        assert_eq!(missing_for_agreement(1, 1, Some(date("2027-03-01"))), vec![]);
        assert_eq!(
            missing_for_agreement(0, 0, None),
            vec![Missing::Goal, Missing::Action, Missing::FollowUpDate]
        );
        assert_eq!(missing_for_agreement(2, 0, Some(date("2027-03-01"))), vec![Missing::Action]);
    }

    #[test]
    fn the_resident_agrees_to_a_ready_draft_only() {
        assert_eq!(agreement(PlanStatus::Draft, vec![]), Ok(()));
        assert_eq!(
            agreement(PlanStatus::Draft, vec![Missing::Goal]),
            Err(AgreementRefusal::NotReady(vec![Missing::Goal]))
        );
        assert_eq!(agreement(PlanStatus::Agreed, vec![]), Err(AgreementRefusal::AlreadyAgreed));
        assert_eq!(agreement(PlanStatus::FollowedUp, vec![]), Err(AgreementRefusal::AlreadyAgreed));
    }

    #[test]
    fn only_an_agreed_plan_is_followed_up() {
        assert!(may_follow_up(PlanStatus::Agreed));
        assert!(!may_follow_up(PlanStatus::Draft));
        assert!(!may_follow_up(PlanStatus::FollowedUp));
    }

    #[test]
    fn a_follow_up_is_overdue_after_its_date_until_done() {
        let today = date("2027-01-10");
        assert!(follow_up_overdue(PlanStatus::Agreed, Some(date("2027-01-09")), today));
        assert!(!follow_up_overdue(PlanStatus::Agreed, Some(date("2027-01-10")), today), "due today");
        assert!(!follow_up_overdue(PlanStatus::FollowedUp, Some(date("2027-01-01")), today));
        assert!(!follow_up_overdue(PlanStatus::Draft, None, today));
        assert!(action_overdue(date("2027-01-09"), false, today));
        assert!(!action_overdue(date("2027-01-09"), true, today));
        assert!(!action_overdue(date("2027-01-10"), false, today));
    }

    #[test]
    fn a_responsible_must_be_a_participant_of_the_plan() {
        let unit = Uuid::new_v4();
        let outside = Uuid::new_v4();
        let (units, others) = ([unit], [outside]);
        for who in [Responsible::Resident, Responsible::Unit(unit), Responsible::Outside(outside)] {
            assert_eq!(Responsible::from_form(&who.form_value(), &units, &others), Some(who));
        }
        assert_eq!(Responsible::from_form(&format!("enhet:{}", Uuid::new_v4()), &units, &others), None);
        assert_eq!(
            Responsible::from_form(&format!("extern:{unit}"), &units, &others),
            None,
            "kinds not mixed"
        );
        assert_eq!(Responsible::from_form("enhet:inte-ett-id", &units, &others), None);
        assert_eq!(Responsible::from_form("", &units, &others), None);
    }

    #[test]
    fn dates_are_read_as_forms_send_them() {
        assert_eq!(parse_date(" 2027-02-28 "), Some(date("2027-02-28")));
        assert_eq!(parse_date("2027-02-30"), None);
        assert_eq!(parse_date("28/2 2027"), None);
    }
}
