//! Where a person's work is: the page each role starts on after log-in, and the header links that
//! lead to the others.

use super::Role;

/// A place in the service where one role's work is done. The order of the variants is the
/// precedence for someone who holds several roles: the daily work of a unit first (cases, then
/// events), then the occasional duties (log review, administration), then the voluntary work for
/// an association, and a person's own pages last, since everyone has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Workplace {
    /// A case officer's work list (staff).
    WorkList,
    /// The meetings a unit organises (organisers).
    Events,
    /// The association grants (grant assessors).
    Grants,
    /// Articles to edit, paid assignments and recruitment (the coordinator).
    Coordination,
    /// Texts to review in plain language and the word list (plain-language reviewers).
    PlainReview,
    /// The log review (log reviewers).
    LogReview,
    /// The board's goals measured (the quality office).
    Goals,
    /// The leisure bank's desk (leisure staff).
    LeisureDesk,
    /// The leisure bank's task board (participants).
    LeisureWork,
    /// The administrators' start.
    Administration,
    /// "My associations" (association representatives).
    Associations,
    /// A citizen reporter's articles and hours.
    Reporting,
    /// My pages: every signed-in person.
    MyPages,
}

impl Workplace {
    /// The place where a role's work is.
    pub fn of(role: Role) -> Workplace {
        match role {
            Role::Staff => Workplace::WorkList,
            Role::Organiser => Workplace::Events,
            Role::GrantAssessor => Workplace::Grants,
            Role::Coordinator => Workplace::Coordination,
            Role::PlainReviewer => Workplace::PlainReview,
            Role::Reporter => Workplace::Reporting,
            Role::LogReviewer => Workplace::LogReview,
            Role::Quality => Workplace::Goals,
            Role::LeisureStaff => Workplace::LeisureDesk,
            Role::LeisureParticipant => Workplace::LeisureWork,
            Role::Admin => Workplace::Administration,
            Role::Association => Workplace::Associations,
            Role::Resident => Workplace::MyPages,
        }
    }

    /// The places of the roles held, in precedence order, each once, always ending with my pages.
    /// The first is where the person lands after log-in.
    pub fn for_roles(roles: impl IntoIterator<Item = Role>) -> Vec<Workplace> {
        let mut places: Vec<Workplace> =
            roles.into_iter().map(Workplace::of).chain([Workplace::MyPages]).collect();
        places.sort();
        places.dedup();
        places
    }

    /// The page the place starts at (a path within a language).
    pub fn path(self) -> &'static str {
        self.links()[0].0
    }

    /// The header links of the place as (path, catalogue key), its start page first.
    pub fn links(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Workplace::WorkList => &[
                ("/handlaggare", "nav-cases"),
                ("/personal/katalog", "nav-directory"),
                ("/personal/klarsprak", "nav-plain-review"),
            ],
            Workplace::Events => &[("/arrangor", "nav-organiser")],
            Workplace::Grants => &[("/personal/bidrag", "nav-grants")],
            Workplace::Coordination => &[
                ("/samordnare", "nav-coordination"),
                ("/samordnare/uppdrag", "nav-assignments"),
                ("/personal/klarsprak", "nav-plain-review"),
            ],
            Workplace::PlainReview => &[
                ("/personal/klarsprak", "nav-plain-review"),
                ("/personal/klarsprak/ord", "nav-plain-words"),
                ("/mina-uppdrag", "nav-my-assignments"),
            ],
            Workplace::LogReview => &[("/granskning/logg", "nav-log-review")],
            Workplace::Goals => &[("/personal/mal", "nav-goals")],
            Workplace::LeisureDesk => &[("/personal/fritidsbanken", "nav-leisure-desk")],
            Workplace::LeisureWork => &[("/fritidsbanken/uppgifter", "nav-leisure-work")],
            Workplace::Administration => &[("/admin", "nav-admin")],
            Workplace::Associations => &[("/forening", "nav-my-associations")],
            Workplace::Reporting => {
                &[("/invanarreporter", "nav-reporting"), ("/mina-uppdrag", "nav-my-assignments")]
            }
            Workplace::MyPages => &[("/mina-sidor", "nav-my-pages")],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(roles: &[Role]) -> Workplace {
        Workplace::for_roles(roles.iter().copied())[0]
    }

    #[test]
    fn each_role_alone_starts_where_its_work_is() {
        assert_eq!(start(&[]), Workplace::MyPages);
        assert_eq!(start(&[Role::Resident]), Workplace::MyPages);
        assert_eq!(start(&[Role::Association]), Workplace::Associations);
        assert_eq!(start(&[Role::Organiser]), Workplace::Events);
        assert_eq!(start(&[Role::Staff]), Workplace::WorkList);
        assert_eq!(start(&[Role::LogReviewer]), Workplace::LogReview);
        assert_eq!(start(&[Role::Admin]), Workplace::Administration);
    }

    #[test]
    fn the_work_role_comes_before_my_pages_and_the_others_stay_reachable() {
        assert_eq!(start(&[Role::Association, Role::Staff]), Workplace::WorkList);
        assert_eq!(start(&[Role::Admin, Role::Staff]), Workplace::WorkList, "daily work first");
        assert_eq!(start(&[Role::Organiser, Role::Staff]), Workplace::WorkList);
        assert_eq!(start(&[Role::Admin, Role::LogReviewer]), Workplace::LogReview);
        assert_eq!(start(&[Role::Association, Role::Admin]), Workplace::Administration);
        assert_eq!(
            Workplace::for_roles([Role::Admin, Role::Organiser, Role::Organiser, Role::Association]),
            vec![Workplace::Events, Workplace::Administration, Workplace::Associations, Workplace::MyPages],
            "a role held in two units is one place; my pages always last"
        );
    }

    #[test]
    fn every_place_has_a_distinct_start_page() {
        let all = Workplace::for_roles(Role::ALL);
        assert_eq!(all.len(), Role::ALL.len());
        let mut paths: Vec<&str> = all.iter().map(|p| p.path()).collect();
        paths.dedup();
        assert_eq!(paths.len(), all.len());
        assert_eq!(Workplace::WorkList.path(), "/handlaggare");
        assert_eq!(Workplace::MyPages.path(), "/mina-sidor");
    }
}
