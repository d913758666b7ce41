//! Who may do what: the one place access is decided. Deny by default.
//!
//! Every route names an `Access` in the route table (`web::routes`) and the guard applies it
//! before any handler runs. Decisions about a particular person's data go through the
//! functions below, never through ad-hoc checks in handlers.

use uuid::Uuid;

use crate::identity::{Actor, Role, RoleGrant};

/// What a route requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person (a resident of their own data).
    SignedIn,
    /// A signed-in person holding this role.
    Role(Role),
}

/// Whether `actor` may use a route that requires `access`.
pub fn allows(actor: &Actor, access: Access) -> bool {
    match (access, actor.signed_in()) {
        (Access::Public, _) => true,
        (_, None) => false,
        (Access::SignedIn, Some(_)) => true,
        (Access::Role(role), Some(person)) => person.has_role(role),
    }
}

/// Whether `actor` may read the personal data of `subject` held in their account and log.
/// A person may read their own; an administrator may read account details for administration.
pub fn may_read_account(actor: &Actor, subject: Uuid) -> bool {
    match actor.signed_in() {
        None => false,
        Some(person) => person.person.id == subject || person.has_role(Role::Admin),
    }
}

/// Whether `actor` may run events organised by `unit`: see who registered (and their needs),
/// set themes, cancel meetings. Organisers of that unit only: being a case officer there is not
/// enough (organising is a role of its own, and organisers reach no cases).
pub fn may_organise(actor: &Actor, unit: Option<Uuid>) -> bool {
    match (actor.signed_in(), unit) {
        (Some(person), Some(unit)) => person.units_for(Role::Organiser).any(|u| u == unit),
        _ => false,
    }
}

/// How a person may change an entry in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryEditing {
    /// Staff: changes are published at once.
    Publish,
    /// An approved representative of the association: changes to key facts wait for staff.
    KeyFactsReviewed,
}

/// Whether `actor` may change a directory entry they are (or are not) an approved representative of.
pub fn may_edit_entry(actor: &Actor, approved_representative: bool) -> Option<EntryEditing> {
    let person = actor.signed_in()?;
    if person.has_role(Role::Staff) {
        Some(EntryEditing::Publish)
    } else if approved_representative {
        Some(EntryEditing::KeyFactsReviewed)
    } else {
        None
    }
}

/// The side of a case a person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRole {
    /// The person the case is about.
    Resident,
    /// Staff of the case's unit.
    Officer,
}

/// Whether `actor` may read a case as its resident: their own cases only.
pub fn may_read_own_case(actor: &Actor, case_resident: Uuid) -> bool {
    actor.signed_in().is_some_and(|person| person.person.id == case_resident)
}

/// Whether `actor` may fill in, read and send an application as its resident: their own only.
pub fn may_use_own_application(actor: &Actor, application_resident: Uuid) -> bool {
    actor.signed_in().is_some_and(|person| person.person.id == application_resident)
}

/// Whether `actor` may define and publish the application forms of `unit`: its staff only.
pub fn may_manage_forms(actor: &Actor, unit: Uuid) -> bool {
    actor.signed_in().is_some_and(|person| person.units_for(Role::Staff).any(|u| u == unit))
}

/// Whether `actor` may build and publish surveys: staff and administrators (the surveys are the
/// whole city's, not a unit's).
pub fn may_build_surveys(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|person| person.has_role(Role::Staff) || person.has_role(Role::Admin))
}

/// Whether `actor` may open a survey invitation from my pages: their own only.
pub fn may_answer_own_survey(actor: &Actor, invited: Uuid) -> bool {
    actor.signed_in().is_some_and(|person| person.person.id == invited)
}

/// Whether `actor` may read and work on a case in the back office: staff of the case's unit,
/// never on a case about themselves.
pub fn may_work_on_case(actor: &Actor, case_unit: Uuid, case_resident: Uuid) -> bool {
    match actor.signed_in() {
        Some(person) => {
            person.person.id != case_resident && person.units_for(Role::Staff).any(|u| u == case_unit)
        }
        None => false,
    }
}

/// Whether `actor` may read a coordinated individual plan on my pages: the resident it is about,
/// only.
pub fn may_read_own_plan(actor: &Actor, plan_resident: Uuid) -> bool {
    actor.signed_in().is_some_and(|person| person.person.id == plan_resident)
}

/// Whether `actor` may read and work on a coordinated individual plan: staff of a unit that
/// takes part in it, never on a plan about themselves. Units outside the plan do not learn it
/// exists.
pub fn may_work_plan(actor: &Actor, plan_resident: Uuid, plan_units: &[Uuid]) -> bool {
    actor.signed_in().is_some_and(|person| {
        person.person.id != plan_resident && person.units_for(Role::Staff).any(|u| plan_units.contains(&u))
    })
}

/// Whether a journal entry's version may be shown: the officer sees every version, the resident
/// the shared ones.
pub fn may_see_journal_version(role: CaseRole, shared_with_resident: bool) -> bool {
    match role {
        CaseRole::Officer => true,
        CaseRole::Resident => shared_with_resident,
    }
}

/// Whether a person holding `grants` may take over a case of `case_unit` about `case_resident`:
/// an active member of staff of the same unit, who is not the resident.
pub fn may_take_over_case(
    person: Uuid,
    active: bool,
    grants: &[RoleGrant],
    case_unit: Uuid,
    case_resident: Uuid,
) -> bool {
    active
        && person != case_resident
        && grants.iter().any(|g| g.role == Role::Staff && g.unit_id == Some(case_unit))
}

/// Whether `actor` may apply for grants for an association, read its applications, decisions and
/// payments: its approved representatives only (staff assess; they do not apply for anyone).
pub fn may_apply_for_association(actor: &Actor, approved_representative: bool) -> bool {
    actor.signed_in().is_some() && approved_representative
}

/// Whether `actor` may manage grant programmes and read and assess the applications sent: a
/// grant assessor.
pub fn may_assess_grants(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|person| person.has_role(Role::GrantAssessor))
}

/// Whether `actor` works at the leisure bank's desk: lends, takes back, moves items on, signs
/// off participants' hours and reads the statistics.
pub fn may_work_leisure_desk(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|person| person.has_role(Role::LeisureStaff))
}

/// Whether `actor` may take tasks on the leisure bank's task board: a participant, or the staff
/// who supervise them. Neither sees who borrows what.
pub fn may_do_leisure_work(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|person| {
        person.has_role(Role::LeisureParticipant) || person.has_role(Role::LeisureStaff)
    })
}

/// Whether `actor` may read the leisure bank's statistics: its staff, and the quality office that
/// reports to the board. Aggregates only, small groups hidden.
pub fn may_read_leisure_statistics(actor: &Actor) -> bool {
    actor
        .signed_in()
        .is_some_and(|person| person.has_role(Role::LeisureStaff) || person.has_role(Role::Quality))
}

/// Whether `actor` may score and decide one application: a grant assessor who has not declared a
/// conflict of interest in it.
pub fn may_score_grant(actor: &Actor, conflicted: &[Uuid]) -> bool {
    may_assess_grants(actor) && actor.person_id().is_some_and(|me| !conflicted.contains(&me))
}

/// Whether `actor` may run idea campaigns (create them, name their councils, start tests): staff
/// and administrators.
pub fn may_manage_ideas(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| p.has_role(Role::Staff) || p.has_role(Role::Admin))
}

/// Whether `actor` may propose and vote in a campaign open to staff, residents and/or
/// associations as given. Everyone signed in is a resident of the city; staff and associations
/// are their roles.
pub fn may_take_part_in_ideas(actor: &Actor, staff: bool, residents: bool, associations: bool) -> bool {
    actor.signed_in().is_some_and(|p| {
        residents || (staff && p.has_role(Role::Staff)) || (associations && p.has_role(Role::Association))
    })
}

/// Whether `actor` may decide for a campaign's council: its named members only (a list per
/// campaign, not a role).
pub fn may_sit_on_council(actor: &Actor, member: bool) -> bool {
    actor.signed_in().is_some() && member
}

/// Whether `actor` may read a proposal: a sent one is public; a draft is its authors' only.
pub fn may_read_proposal(actor: &Actor, draft: bool, authors: &[Uuid]) -> bool {
    !draft || may_write_proposal(actor, authors)
}

/// Whether `actor` may change a proposal and invite co-authors: its author and co-authors.
pub fn may_write_proposal(actor: &Actor, authors: &[Uuid]) -> bool {
    actor.signed_in().is_some_and(|p| authors.contains(&p.person.id))
}

/// Whether `actor` may keep a test's log and spending and close it: its group, and those who
/// manage ideas.
pub fn may_work_on_test(actor: &Actor, members: &[Uuid]) -> bool {
    may_manage_ideas(actor) || actor.signed_in().is_some_and(|p| members.contains(&p.person.id))
}

/// Whether `actor` may write articles as a citizen reporter (*invånarreporter*).
pub fn may_report(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| p.has_role(Role::Reporter))
}

/// Whether `actor` may work on an article: its author, while they are a reporter. A draft is its
/// author's only; another reporter's does not exist for anyone else.
pub fn may_write_article(actor: &Actor, author: Uuid) -> bool {
    may_report(actor) && actor.person_id() == Some(author)
}

/// Whether `actor` may edit and publish articles and run paid assignments: the coordinator
/// (*samordnare*).
pub fn may_coordinate(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| p.has_role(Role::Coordinator))
}

/// Whether `actor` may log and see the hours of an assignment: the person engaged, only.
pub fn may_log_hours(actor: &Actor, engaged: Uuid) -> bool {
    actor.person_id() == Some(engaged)
}

/// Whether `actor` may manage the plain-language word list: the coordinator and the group's
/// reviewers.
pub fn may_manage_plain_words(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| p.has_role(Role::Coordinator) || p.has_role(Role::PlainReviewer))
}

/// The roles of people who work for the administration (a staff workplace): they may send texts
/// to the plain-language group. Residents, association representatives, citizen reporters and
/// leisure bank participants do not.
const TEXT_REVIEW_ROLES: [Role; 9] = [
    Role::Staff,
    Role::Organiser,
    Role::GrantAssessor,
    Role::Coordinator,
    Role::PlainReviewer,
    Role::LogReviewer,
    Role::Quality,
    Role::LeisureStaff,
    Role::Admin,
];

/// Whether `actor` may use the text review at all (`/personal/klarsprak`): submit texts and see
/// their own, and, for the group, review.
pub fn may_use_text_review(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| TEXT_REVIEW_ROLES.iter().any(|&role| p.has_role(role)))
}

/// Whether `actor` reviews texts for the plain-language group.
pub fn may_review_texts(actor: &Actor) -> bool {
    actor.signed_in().is_some_and(|p| p.has_role(Role::PlainReviewer))
}

/// Whether `actor` may read a text under review: its author; a reviewer while it is open (not
/// taken) or theirs; the coordinator, who assigns them. For anyone else it does not exist.
pub fn may_read_text(actor: &Actor, author: Uuid, reviewer: Option<Uuid>, open: bool) -> bool {
    let me = actor.person_id();
    me.is_some_and(|me| me == author || reviewer == Some(me))
        || (open && may_review_texts(actor))
        || (may_use_text_review(actor) && may_coordinate(actor))
}

/// Whether `actor` may change a text: answer comments and make new versions. Its author only.
pub fn may_write_text(actor: &Actor, author: Uuid) -> bool {
    may_use_text_review(actor) && actor.person_id() == Some(author)
}

/// Whether `actor` may comment on a text and approve or return it: the reviewer who has it, never
/// its author (nobody approves their own text).
pub fn may_decide_text(actor: &Actor, author: Uuid, reviewer: Option<Uuid>) -> bool {
    may_review_texts(actor) && reviewer.is_some() && actor.person_id() == reviewer && reviewer != Some(author)
}

/// Whether `actor` may take a text to review: a reviewer, not its author.
pub fn may_take_text(actor: &Actor, author: Uuid) -> bool {
    may_review_texts(actor) && actor.person_id() != Some(author)
}

/// Whether `actor` may review an article as its editor: the coordinator, once it has been sent (a
/// draft that was never sent stays the reporter's own).
pub fn may_edit_article(actor: &Actor, sent: bool) -> bool {
    may_coordinate(actor) && sent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{Person, RoleGrant, SignedIn};

    fn person(roles: &[Role]) -> Actor {
        Actor::Person(Box::new(SignedIn {
            person: Person {
                id: Uuid::new_v4(),
                display_name: "P".into(),
                email: None,
                email_verified: true,
                has_password: true,
                active: true,
            },
            grants: roles.iter().map(|&role| RoleGrant { role, unit_id: None }).collect(),
        }))
    }

    #[test]
    fn texts_are_read_by_their_author_their_reviewer_open_to_the_group_and_the_coordinator() {
        let author = person(&[Role::Staff]);
        let author_id = author.person_id().unwrap();
        let reviewer = person(&[Role::PlainReviewer]);
        let reviewer_id = reviewer.person_id().unwrap();
        let other_reviewer = person(&[Role::PlainReviewer]);
        let other_staff = person(&[Role::Staff]);
        let coordinator = person(&[Role::Coordinator]);
        assert!(may_use_text_review(&author) && may_use_text_review(&reviewer));
        assert!(!may_use_text_review(&person(&[])) && !may_use_text_review(&person(&[Role::Reporter])));
        assert!(!may_use_text_review(&Actor::Anonymous));
        // Open: the author and every reviewer; not other staff.
        assert!(may_read_text(&author, author_id, None, true));
        assert!(may_read_text(&other_reviewer, author_id, None, true));
        assert!(!may_read_text(&other_staff, author_id, None, true));
        // Taken: the author, its reviewer and the coordinator only.
        assert!(may_read_text(&reviewer, author_id, Some(reviewer_id), false));
        assert!(!may_read_text(&other_reviewer, author_id, Some(reviewer_id), false));
        assert!(may_read_text(&coordinator, author_id, Some(reviewer_id), false));
        assert!(may_write_text(&author, author_id) && !may_write_text(&reviewer, author_id));
        assert!(may_decide_text(&reviewer, author_id, Some(reviewer_id)));
        assert!(!may_decide_text(&other_reviewer, author_id, Some(reviewer_id)));
        assert!(!may_decide_text(&reviewer, author_id, None));
        // A reviewer never decides on, or takes, their own text.
        assert!(!may_decide_text(&reviewer, reviewer_id, Some(reviewer_id)));
        assert!(may_take_text(&reviewer, author_id) && !may_take_text(&reviewer, reviewer_id));
        assert!(!may_take_text(&author, author_id));
    }

    #[test]
    fn entries_are_edited_by_staff_and_their_own_representatives_only() {
        assert_eq!(may_edit_entry(&Actor::Anonymous, true), None);
        assert_eq!(may_edit_entry(&person(&[]), false), None);
        assert_eq!(
            may_edit_entry(&person(&[Role::Association]), false),
            None,
            "not a representative of this one"
        );
        assert_eq!(may_edit_entry(&person(&[]), true), Some(EntryEditing::KeyFactsReviewed));
        assert_eq!(may_edit_entry(&person(&[Role::Staff]), false), Some(EntryEditing::Publish));
    }

    #[test]
    fn anonymous_visitors_reach_public_routes_only() {
        assert!(allows(&Actor::Anonymous, Access::Public));
        assert!(!allows(&Actor::Anonymous, Access::SignedIn));
        for role in Role::ALL {
            assert!(!allows(&Actor::Anonymous, Access::Role(role)));
        }
    }

    #[test]
    fn roles_open_exactly_their_routes() {
        let staff = person(&[Role::Staff]);
        assert!(allows(&staff, Access::SignedIn));
        assert!(allows(&staff, Access::Role(Role::Staff)));
        assert!(allows(&staff, Access::Role(Role::Resident)));
        assert!(!allows(&staff, Access::Role(Role::Admin)));
        assert!(!allows(&staff, Access::Role(Role::LogReviewer)));
        let admin = person(&[Role::Admin]);
        assert!(!allows(&admin, Access::Role(Role::LogReviewer)), "administrators do not review logs");
    }

    #[test]
    fn applications_are_their_residents_and_forms_their_units() {
        let unit = Uuid::new_v4();
        let resident = person(&[]);
        let me = resident.person_id().unwrap();
        assert!(may_use_own_application(&resident, me));
        assert!(!may_use_own_application(&person(&[]), me), "another resident");
        assert!(!may_use_own_application(&person(&[Role::Staff, Role::Admin]), me), "staff use the case");
        assert!(!may_use_own_application(&Actor::Anonymous, me));
        let staff = staff_of(unit);
        assert!(may_manage_forms(&staff, unit));
        assert!(!may_manage_forms(&staff, Uuid::new_v4()), "another unit's form");
        assert!(!may_manage_forms(&person(&[Role::Admin]), unit));
        assert!(!may_manage_forms(&Actor::Anonymous, unit));
    }

    #[test]
    fn only_organisers_of_the_organising_unit_run_its_events() {
        let unit = Uuid::new_v4();
        let organiser = holding(Role::Organiser, unit);
        assert!(may_organise(&organiser, Some(unit)));
        assert!(!may_organise(&organiser, Some(Uuid::new_v4())), "another unit's series");
        assert!(!may_organise(&organiser, None), "a series no unit organises");
        assert!(
            !may_organise(&staff_of(unit), Some(unit)),
            "a case officer of the unit is not its organiser"
        );
        assert!(!may_organise(&person(&[Role::Admin]), Some(unit)));
        assert!(!may_organise(&Actor::Anonymous, Some(unit)));
    }

    #[test]
    fn an_organiser_works_on_no_case_and_no_form() {
        let unit = Uuid::new_v4();
        let organiser = holding(Role::Organiser, unit);
        assert!(!may_work_on_case(&organiser, unit, Uuid::new_v4()));
        assert!(!may_manage_forms(&organiser, unit));
        assert!(!allows(&organiser, Access::Role(Role::Staff)));
        assert_eq!(may_edit_entry(&organiser, false), None, "nor edits the directory");
    }

    #[test]
    fn account_data_is_readable_by_its_owner_and_administrators_only() {
        let resident_a = person(&[]);
        let resident_b = person(&[]);
        let a_id = resident_a.person_id().unwrap();
        assert!(may_read_account(&resident_a, a_id));
        assert!(!may_read_account(&resident_b, a_id));
        assert!(!may_read_account(&person(&[Role::Staff]), a_id));
        assert!(may_read_account(&person(&[Role::Admin]), a_id));
        assert!(!may_read_account(&Actor::Anonymous, a_id));
    }

    fn staff_of(unit: Uuid) -> Actor {
        holding(Role::Staff, unit)
    }

    fn holding(role: Role, unit: Uuid) -> Actor {
        Actor::Person(Box::new(SignedIn {
            person: Person {
                id: Uuid::new_v4(),
                display_name: "S".into(),
                email: None,
                email_verified: true,
                has_password: true,
                active: true,
            },
            grants: vec![RoleGrant { role, unit_id: Some(unit) }],
        }))
    }

    #[test]
    fn a_resident_reads_their_own_cases_only() {
        let a = person(&[]);
        let b = person(&[]);
        let a_id = a.person_id().unwrap();
        assert!(may_read_own_case(&a, a_id));
        assert!(!may_read_own_case(&b, a_id));
        assert!(!may_read_own_case(&person(&[Role::Admin]), a_id), "administrators read no cases");
        assert!(!may_read_own_case(&person(&[Role::LogReviewer]), a_id));
        assert!(!may_read_own_case(&Actor::Anonymous, a_id));
    }

    #[test]
    fn only_staff_of_the_cases_unit_work_on_it() {
        let unit = Uuid::new_v4();
        let resident = Uuid::new_v4();
        assert!(may_work_on_case(&staff_of(unit), unit, resident));
        assert!(!may_work_on_case(&staff_of(Uuid::new_v4()), unit, resident), "another unit");
        assert!(!may_work_on_case(&person(&[Role::Staff]), unit, resident), "staff without a unit");
        assert!(!may_work_on_case(&person(&[Role::Admin]), unit, resident));
        assert!(!may_work_on_case(&person(&[Role::LogReviewer]), unit, resident));
        assert!(!may_work_on_case(&person(&[]), unit, resident));
        assert!(!may_work_on_case(&Actor::Anonymous, unit, resident));
        let reviewer_of_unit = Actor::Person(Box::new(SignedIn {
            grants: vec![RoleGrant { role: Role::LogReviewer, unit_id: Some(unit) }],
            ..staff_of(unit).signed_in().unwrap().clone()
        }));
        assert!(!may_work_on_case(&reviewer_of_unit, unit, resident), "a log reviewer of the unit");
        let own = staff_of(unit);
        let own_id = own.person_id().unwrap();
        assert!(!may_work_on_case(&own, unit, own_id), "never on a case about oneself");
    }

    #[test]
    fn a_plan_is_read_by_its_resident_and_worked_on_by_its_units() {
        let (x, y) = (Uuid::new_v4(), Uuid::new_v4());
        let resident = person(&[]);
        let me = resident.person_id().unwrap();
        assert!(may_read_own_plan(&resident, me));
        assert!(!may_read_own_plan(&person(&[]), me), "another resident");
        assert!(!may_read_own_plan(&staff_of(x), me), "staff use the back office");
        assert!(!may_read_own_plan(&Actor::Anonymous, me));
        assert!(may_work_plan(&staff_of(x), me, &[x, y]));
        assert!(may_work_plan(&staff_of(y), me, &[x, y]), "any participating unit");
        assert!(!may_work_plan(&staff_of(Uuid::new_v4()), me, &[x, y]), "a unit not taking part");
        assert!(!may_work_plan(&person(&[Role::Staff]), me, &[x]), "staff without a unit");
        assert!(!may_work_plan(&person(&[Role::Admin]), me, &[x]));
        assert!(!may_work_plan(&resident, me, &[x]));
        assert!(!may_work_plan(&Actor::Anonymous, me, &[x]));
        let reviewer_of_x = Actor::Person(Box::new(SignedIn {
            grants: vec![RoleGrant { role: Role::LogReviewer, unit_id: Some(x) }],
            ..staff_of(x).signed_in().unwrap().clone()
        }));
        assert!(!may_work_plan(&reviewer_of_x, me, &[x]), "a log reviewer of the unit");
        let own = staff_of(x);
        let own_id = own.person_id().unwrap();
        assert!(!may_work_plan(&own, own_id, &[x]), "never on a plan about oneself");
    }

    #[test]
    fn residents_see_shared_versions_and_officers_every_version() {
        assert!(may_see_journal_version(CaseRole::Resident, true));
        assert!(!may_see_journal_version(CaseRole::Resident, false));
        assert!(may_see_journal_version(CaseRole::Officer, true));
        assert!(may_see_journal_version(CaseRole::Officer, false));
    }

    #[test]
    fn a_case_is_handed_over_within_its_unit_only() {
        let unit = Uuid::new_v4();
        let resident = Uuid::new_v4();
        let someone = Uuid::new_v4();
        let staff = [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
        assert!(may_take_over_case(someone, true, &staff, unit, resident));
        assert!(!may_take_over_case(someone, false, &staff, unit, resident), "a deactivated account");
        assert!(!may_take_over_case(resident, true, &staff, unit, resident), "the resident themselves");
        let elsewhere = [RoleGrant { role: Role::Staff, unit_id: Some(Uuid::new_v4()) }];
        assert!(!may_take_over_case(someone, true, &elsewhere, unit, resident));
        let reviewer = [RoleGrant { role: Role::LogReviewer, unit_id: Some(unit) }];
        assert!(!may_take_over_case(someone, true, &reviewer, unit, resident));
        assert!(!may_take_over_case(someone, true, &[], unit, resident));
    }

    #[test]
    fn grants_are_applied_for_by_representatives_and_assessed_without_conflicts() {
        let representative = person(&[Role::Association]);
        assert!(may_apply_for_association(&representative, true));
        assert!(!may_apply_for_association(&representative, false), "another association's");
        assert!(!may_apply_for_association(&person(&[Role::Staff, Role::GrantAssessor]), false));
        assert!(!may_apply_for_association(&Actor::Anonymous, true));
        let assessor = person(&[Role::GrantAssessor]);
        let me = assessor.person_id().unwrap();
        assert!(may_assess_grants(&assessor));
        assert!(!may_assess_grants(&person(&[Role::Staff, Role::Admin])));
        assert!(may_score_grant(&assessor, &[Uuid::new_v4()]));
        assert!(!may_score_grant(&assessor, &[me]), "a declared conflict of interest");
        assert!(!may_score_grant(&person(&[Role::Staff]), &[]));
        assert!(!may_score_grant(&Actor::Anonymous, &[]));
    }

    #[test]
    fn ideas_are_decided_by_eligibility_membership_and_authorship() {
        let (resident, staff, association) =
            (person(&[]), person(&[Role::Staff]), person(&[Role::Association]));
        assert!(may_take_part_in_ideas(&staff, true, false, false));
        assert!(!may_take_part_in_ideas(&resident, true, false, true), "a staff and associations campaign");
        assert!(may_take_part_in_ideas(&association, false, false, true));
        assert!(may_take_part_in_ideas(&resident, false, true, false));
        assert!(!may_take_part_in_ideas(&Actor::Anonymous, true, true, true));
        assert!(may_manage_ideas(&staff) && may_manage_ideas(&person(&[Role::Admin])));
        assert!(!may_manage_ideas(&resident) && !may_manage_ideas(&person(&[Role::Organiser])));
        assert!(may_sit_on_council(&resident, true), "a user developer on the council");
        assert!(!may_sit_on_council(&staff, false), "staff who are not members");
        assert!(!may_sit_on_council(&Actor::Anonymous, true));
        let me = resident.person_id().unwrap();
        assert!(may_read_proposal(&Actor::Anonymous, false, &[me]), "sent proposals are public");
        assert!(may_read_proposal(&resident, true, &[me]));
        assert!(!may_read_proposal(&staff, true, &[me]), "someone else's draft");
        assert!(!may_write_proposal(&person(&[Role::Admin]), &[me]));
        assert!(may_work_on_test(&resident, &[me]) && may_work_on_test(&staff, &[]));
        assert!(!may_work_on_test(&association, &[me]));
    }
}
