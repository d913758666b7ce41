//! The audit log: every read or change of a resident's personal data, every log-in and failed
//! log-in, every role change. Append-only; each entry carries the hash of the one before it and
//! is signed with a key kept outside the database (`keyring`), and signed checkpoints of the head
//! are kept outside it too (`checkpoint`), so `nara audit verify` finds the first entry that was
//! altered, removed or inserted, even by someone who can write to the database.

mod chain;
pub mod checkpoint;
mod keyring;
pub mod purpose;
pub mod refusals;
pub mod review;
pub mod store;

pub use chain::{Anchor, AuditEntry, ChainBreak, GENESIS_HASH, Verified, Walk};
pub use keyring::{AuditKey, Keyring};
pub use store::{AccessLogLine, AuditFilter, AuditHead, AuditSearchLine};

use serde::Serialize;
use uuid::Uuid;

use crate::identity::{Actor, Role};

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
    ApplicationWithdrawn,
    ApplicationFileRead,
    ApplicationFormPublished,
    ApplicationFormChanged,
    SetupChanged,
    PlanViewed,
    PlanCreated,
    PlanChanged,
    PlanActionDone,
    PlanFollowedUp,
    PlanViewWritten,
    PlanAgreed,
    GrantProgrammePublished,
    GrantApplicationSaved,
    GrantApplicationSubmitted,
    GrantApplicationWithdrawn,
    GrantApplicationViewed,
    GrantFileRead,
    GrantConflictDeclared,
    GrantScored,
    GrantDecided,
    GrantPaymentRecorded,
    GrantDecisionsExported,
    GrantFollowUpSaved,
    GrantFollowUpSubmitted,
    GrantFollowUpReminded,
    PlacementRecorded,
    PlacementEnded,
    YouthSentenceRecorded,
    YouthSentenceEnded,
    IdeaCampaignCreated,
    IdeaSignedUp,
    IdeaCouncilMemberAdded,
    IdeaProposalSaved,
    IdeaProposalSent,
    IdeaCoauthorAdded,
    IdeaCommented,
    IdeaFollowed,
    IdeaDecided,
    IdeaVoted,
    IdeaTestStarted,
    IdeaTestChanged,
    IdeaTestClosed,
    SurveyInvitationSent,
    SurveyReminderSent,
    SurveyInvitationUsed,
    SurveyOptedOut,
    SurveyInterviewRecorded,
    SurveyPublished,
    LeisureReserved,
    /// A reservation not picked up in time ended (the maintenance round).
    LeisureReservationLapsed,
    LeisureWaitlisted,
    LeisureRenewed,
    LeisureLent,
    LeisureReturned,
    LeisureItemMoved,
    LeisureLoanViewed,
    LeisureWorkRecorded,
    LeisureHoursSignedOff,
    LeisureWaitlistLeft,
    LeisureDeskLoanWrittenOff,
    LeisurePhotoAdded,
    LeisurePhotoRemoved,
    ReporterBylineChosen,
    ArticleSaved,
    ArticleSent,
    ArticleIntervieweeRecorded,
    ArticleCommented,
    ArticleReturned,
    ArticlePublished,
    ArticleImageChosen,
    AssignmentCreated,
    AssignmentHoursLogged,
    AssignmentHoursDeleted,
    AssignmentHoursApproved,
    PayrollIdSet,
    PayrollIdViewed,
    PayrollExported,
    RecruitmentInterestSent,
    RecruitmentInterestViewed,
    TextSubmitted,
    TextVersionAdded,
    TextAnswered,
    TextTaken,
    TextAssigned,
    TextCommented,
    TextApproved,
    TextReturned,
}

impl Action {
    pub const ALL: [Action; 124] = [
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
        Action::ApplicationWithdrawn,
        Action::ApplicationFileRead,
        Action::ApplicationFormPublished,
        Action::ApplicationFormChanged,
        Action::SetupChanged,
        Action::PlanViewed,
        Action::PlanCreated,
        Action::PlanChanged,
        Action::PlanActionDone,
        Action::PlanFollowedUp,
        Action::PlanViewWritten,
        Action::PlanAgreed,
        Action::GrantProgrammePublished,
        Action::GrantApplicationSaved,
        Action::GrantApplicationSubmitted,
        Action::GrantApplicationWithdrawn,
        Action::GrantApplicationViewed,
        Action::GrantFileRead,
        Action::GrantConflictDeclared,
        Action::GrantScored,
        Action::GrantDecided,
        Action::GrantPaymentRecorded,
        Action::GrantDecisionsExported,
        Action::GrantFollowUpSaved,
        Action::GrantFollowUpSubmitted,
        Action::GrantFollowUpReminded,
        Action::PlacementRecorded,
        Action::PlacementEnded,
        Action::YouthSentenceRecorded,
        Action::YouthSentenceEnded,
        Action::IdeaCampaignCreated,
        Action::IdeaSignedUp,
        Action::IdeaCouncilMemberAdded,
        Action::IdeaProposalSaved,
        Action::IdeaProposalSent,
        Action::IdeaCoauthorAdded,
        Action::IdeaCommented,
        Action::IdeaFollowed,
        Action::IdeaDecided,
        Action::IdeaVoted,
        Action::IdeaTestStarted,
        Action::IdeaTestChanged,
        Action::IdeaTestClosed,
        Action::SurveyInvitationSent,
        Action::SurveyReminderSent,
        Action::SurveyInvitationUsed,
        Action::SurveyOptedOut,
        Action::SurveyInterviewRecorded,
        Action::SurveyPublished,
        Action::LeisureReserved,
        Action::LeisureReservationLapsed,
        Action::LeisureWaitlisted,
        Action::LeisureRenewed,
        Action::LeisureLent,
        Action::LeisureReturned,
        Action::LeisureItemMoved,
        Action::LeisureLoanViewed,
        Action::LeisureWorkRecorded,
        Action::LeisureHoursSignedOff,
        Action::LeisureWaitlistLeft,
        Action::LeisureDeskLoanWrittenOff,
        Action::LeisurePhotoAdded,
        Action::LeisurePhotoRemoved,
        Action::ReporterBylineChosen,
        Action::ArticleSaved,
        Action::ArticleSent,
        Action::ArticleIntervieweeRecorded,
        Action::ArticleCommented,
        Action::ArticleReturned,
        Action::ArticlePublished,
        Action::ArticleImageChosen,
        Action::AssignmentCreated,
        Action::AssignmentHoursLogged,
        Action::AssignmentHoursDeleted,
        Action::AssignmentHoursApproved,
        Action::PayrollIdSet,
        Action::PayrollIdViewed,
        Action::PayrollExported,
        Action::RecruitmentInterestSent,
        Action::RecruitmentInterestViewed,
        Action::TextSubmitted,
        Action::TextVersionAdded,
        Action::TextAnswered,
        Action::TextTaken,
        Action::TextAssigned,
        Action::TextCommented,
        Action::TextApproved,
        Action::TextReturned,
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
            Action::ApplicationWithdrawn => "application_withdrawn",
            Action::ApplicationFileRead => "application_file_read",
            Action::ApplicationFormPublished => "application_form_published",
            Action::ApplicationFormChanged => "application_form_changed",
            Action::SetupChanged => "setup_changed",
            Action::PlanViewed => "plan_viewed",
            Action::PlanCreated => "plan_created",
            Action::PlanChanged => "plan_changed",
            Action::PlanActionDone => "plan_action_done",
            Action::PlanFollowedUp => "plan_followed_up",
            Action::PlanViewWritten => "plan_view_written",
            Action::PlanAgreed => "plan_agreed",
            Action::GrantProgrammePublished => "grant_programme_published",
            Action::GrantApplicationSaved => "grant_application_saved",
            Action::GrantApplicationSubmitted => "grant_application_submitted",
            Action::GrantApplicationWithdrawn => "grant_application_withdrawn",
            Action::GrantApplicationViewed => "grant_application_viewed",
            Action::GrantFileRead => "grant_file_read",
            Action::GrantConflictDeclared => "grant_conflict_declared",
            Action::GrantScored => "grant_scored",
            Action::GrantDecided => "grant_decided",
            Action::GrantPaymentRecorded => "grant_payment_recorded",
            Action::GrantDecisionsExported => "grant_decisions_exported",
            Action::GrantFollowUpSaved => "grant_follow_up_saved",
            Action::GrantFollowUpSubmitted => "grant_follow_up_submitted",
            Action::GrantFollowUpReminded => "grant_follow_up_reminded",
            Action::PlacementRecorded => "placement_recorded",
            Action::PlacementEnded => "placement_ended",
            Action::YouthSentenceRecorded => "youth_sentence_recorded",
            Action::YouthSentenceEnded => "youth_sentence_ended",
            Action::IdeaCampaignCreated => "idea_campaign_created",
            Action::IdeaSignedUp => "idea_signed_up",
            Action::IdeaCouncilMemberAdded => "idea_council_member_added",
            Action::IdeaProposalSaved => "idea_proposal_saved",
            Action::IdeaProposalSent => "idea_proposal_sent",
            Action::IdeaCoauthorAdded => "idea_coauthor_added",
            Action::IdeaCommented => "idea_commented",
            Action::IdeaFollowed => "idea_followed",
            Action::IdeaDecided => "idea_decided",
            Action::IdeaVoted => "idea_voted",
            Action::IdeaTestStarted => "idea_test_started",
            Action::IdeaTestChanged => "idea_test_changed",
            Action::IdeaTestClosed => "idea_test_closed",
            Action::SurveyInvitationSent => "survey_invitation_sent",
            Action::SurveyReminderSent => "survey_reminder_sent",
            Action::SurveyInvitationUsed => "survey_invitation_used",
            Action::SurveyOptedOut => "survey_opted_out",
            Action::SurveyInterviewRecorded => "survey_interview_recorded",
            Action::SurveyPublished => "survey_published",
            Action::LeisureReserved => "leisure_reserved",
            Action::LeisureReservationLapsed => "leisure_reservation_lapsed",
            Action::LeisureWaitlisted => "leisure_waitlisted",
            Action::LeisureRenewed => "leisure_renewed",
            Action::LeisureLent => "leisure_lent",
            Action::LeisureReturned => "leisure_returned",
            Action::LeisureItemMoved => "leisure_item_moved",
            Action::LeisureLoanViewed => "leisure_loan_viewed",
            Action::LeisureWorkRecorded => "leisure_work_recorded",
            Action::LeisureHoursSignedOff => "leisure_hours_signed_off",
            Action::LeisureWaitlistLeft => "leisure_waitlist_left",
            Action::LeisureDeskLoanWrittenOff => "leisure_desk_loan_written_off",
            Action::LeisurePhotoAdded => "leisure_photo_added",
            Action::LeisurePhotoRemoved => "leisure_photo_removed",
            Action::ReporterBylineChosen => "reporter_byline_chosen",
            Action::ArticleSaved => "article_saved",
            Action::ArticleSent => "article_sent",
            Action::ArticleIntervieweeRecorded => "article_interviewee_recorded",
            Action::ArticleCommented => "article_commented",
            Action::ArticleReturned => "article_returned",
            Action::ArticlePublished => "article_published",
            Action::ArticleImageChosen => "article_image_chosen",
            Action::AssignmentCreated => "assignment_created",
            Action::AssignmentHoursLogged => "assignment_hours_logged",
            Action::AssignmentHoursDeleted => "assignment_hours_deleted",
            Action::AssignmentHoursApproved => "assignment_hours_approved",
            Action::PayrollIdSet => "payroll_id_set",
            Action::PayrollIdViewed => "payroll_id_viewed",
            Action::PayrollExported => "payroll_exported",
            Action::RecruitmentInterestSent => "recruitment_interest_sent",
            Action::RecruitmentInterestViewed => "recruitment_interest_viewed",
            Action::TextSubmitted => "text_submitted",
            Action::TextVersionAdded => "text_version_added",
            Action::TextAnswered => "text_answered",
            Action::TextTaken => "text_taken",
            Action::TextAssigned => "text_assigned",
            Action::TextCommented => "text_commented",
            Action::TextApproved => "text_approved",
            Action::TextReturned => "text_returned",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_through_their_names() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Some(action));
        }
    }
}
