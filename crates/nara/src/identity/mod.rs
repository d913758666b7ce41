//! People and their roles. A person is always a resident of their own data; other roles
//! (association representative, organiser, staff, log reviewer, administrator) are granted,
//! organisers, staff and log reviewers within a unit.

mod email;
mod password;
pub mod store;
mod workplace;

pub use email::EmailAddress;
pub use password::{NewPassword, PasswordHash, PasswordProblem, hash_password, verify_password};
pub use store::NewPerson;
pub use workplace::Workplace;

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Resident,
    Association,
    /// Runs the events of a unit (an *arrangör*): attendees, themes, notes. Not a case officer.
    Organiser,
    Staff,
    /// Assesses association grants and manages the grant programmes (*bidragshandläggare*).
    GrantAssessor,
    /// Runs the plain-language group and the citizen reporters (*samordnare*): edits and publishes
    /// articles, engages people for paid assignments and approves their hours.
    Coordinator,
    /// Reviews staff texts in the plain-language group (*klarspråkare*), paid by the hour.
    PlainReviewer,
    /// Writes articles as a citizen reporter (*invånarreporter*), paid by the hour.
    Reporter,
    LogReviewer,
    /// The quality office and the board (*kvalitet*): the goals' dashboard, aggregates only.
    Quality,
    /// Desk staff and work supervisors at the leisure bank's lending places (*fritidsbanken*).
    LeisureStaff,
    /// A participant doing work at the leisure bank (given by a supervisor): the task board only.
    LeisureParticipant,
    Admin,
}

impl Role {
    pub const ALL: [Role; 13] = [
        Role::Resident,
        Role::Association,
        Role::Organiser,
        Role::Staff,
        Role::GrantAssessor,
        Role::Coordinator,
        Role::PlainReviewer,
        Role::Reporter,
        Role::LogReviewer,
        Role::Quality,
        Role::LeisureStaff,
        Role::LeisureParticipant,
        Role::Admin,
    ];

    /// The name stored in the database and used in catalogue keys (`role-staff`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Association => "association",
            Role::Organiser => "organiser",
            Role::Staff => "staff",
            Role::GrantAssessor => "grant_assessor",
            Role::Coordinator => "coordinator",
            Role::PlainReviewer => "plain_reviewer",
            Role::Reporter => "reporter",
            Role::LogReviewer => "log_reviewer",
            Role::Quality => "quality",
            Role::LeisureStaff => "leisure_staff",
            Role::LeisureParticipant => "leisure_participant",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Organisers, staff and log reviewers act within a unit; the others do not.
    pub fn needs_unit(self) -> bool {
        matches!(self, Role::Organiser | Role::Staff | Role::LogReviewer)
    }

    /// Roles an administrator may grant (being a resident is never granted: everyone is one).
    pub fn grantable() -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(|r| *r != Role::Resident)
    }
}

/// One granted role, within a unit where the role needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleGrant {
    pub role: Role,
    pub unit_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub has_password: bool,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: Uuid,
    pub slug: String,
    pub name_sv: String,
    pub name_en: String,
}

impl Unit {
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        if locale == crate::i18n::Locale::EN { &self.name_en } else { &self.name_sv }
    }
}

/// A signed-in person with everything access decisions need.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub person: Person,
    pub grants: Vec<RoleGrant>,
}

impl SignedIn {
    pub fn has_role(&self, role: Role) -> bool {
        role == Role::Resident || self.grants.iter().any(|g| g.role == role)
    }

    /// The units in which the person holds `role`.
    pub fn units_for(&self, role: Role) -> impl Iterator<Item = Uuid> + '_ {
        self.grants.iter().filter(move |g| g.role == role).filter_map(|g| g.unit_id)
    }

    /// The role shown in the audit log for what this person does: the most privileged one.
    pub fn acting_role(&self) -> Role {
        self.grants.iter().map(|g| g.role).max().unwrap_or(Role::Resident)
    }

    /// Where this person's work is, the start page first (see `Workplace::for_roles`).
    pub fn workplaces(&self) -> Vec<Workplace> {
        Workplace::for_roles(self.grants.iter().map(|g| g.role))
    }
}

/// Who makes a request.
#[derive(Debug, Clone)]
pub enum Actor {
    Anonymous,
    Person(Box<SignedIn>),
}

impl Actor {
    pub fn signed_in(&self) -> Option<&SignedIn> {
        match self {
            Actor::Anonymous => None,
            Actor::Person(p) => Some(p),
        }
    }

    pub fn person_id(&self) -> Option<Uuid> {
        self.signed_in().map(|s| s.person.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_in(grants: Vec<RoleGrant>) -> SignedIn {
        SignedIn {
            person: Person {
                id: Uuid::new_v4(),
                display_name: "Test".into(),
                email: None,
                email_verified: false,
                has_password: false,
                active: true,
            },
            grants,
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn everyone_is_a_resident_and_other_roles_are_granted() {
        let unit = Uuid::new_v4();
        let staff = signed_in(vec![RoleGrant { role: Role::Staff, unit_id: Some(unit) }]);
        assert!(staff.has_role(Role::Resident));
        assert!(staff.has_role(Role::Staff));
        assert!(!staff.has_role(Role::Admin));
        assert_eq!(staff.units_for(Role::Staff).collect::<Vec<_>>(), vec![unit]);
        assert_eq!(staff.acting_role(), Role::Staff);
        assert_eq!(signed_in(vec![]).acting_role(), Role::Resident);
    }
}
