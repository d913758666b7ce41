//! A change to the set-up, planned against what is stored: the steps to write, or why not.

use super::{Item, Kind, SearchContact};

/// A change to the set-up, from a file or a form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Added when new, updated when their fields differ, left alone when they do not.
    pub items: Vec<Item>,
    /// Removed when they exist and nothing uses them; a removal of something in use refuses the
    /// whole change.
    pub removals: Vec<(Kind, String)>,
    /// `Some(None)` takes the contact away; `None` leaves it as it is.
    pub contact: Option<Option<SearchContact>>,
    /// An item whose address is taken refuses the change instead of updating that item (the
    /// "add" forms, which must not overwrite by accident).
    pub new_only: bool,
}

/// What is stored now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Current {
    pub items: Vec<Item>,
    pub contact: Option<SearchContact>,
}

impl Current {
    fn find(&self, kind: Kind, slug: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.kind() == kind && i.slug() == slug)
    }
}

/// One thing that uses an item, and how many of it (the catalogue key takes `$count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub key: &'static str,
    pub count: i64,
}

/// One write of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Create(Item),
    Update { before: Item, after: Item },
    Remove(Item),
    Contact(Option<SearchContact>),
}

/// Why a change was not made; nothing of it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    InUse { kind: Kind, slug: String, uses: Vec<Use> },
    Taken { kind: Kind, slug: String },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::InUse { kind, slug, uses } => {
                let uses: Vec<String> = uses.iter().map(|u| format!("{} {}", u.count, u.key)).collect();
                write!(f, "{} \"{slug}\" is in use ({}) and cannot be removed", kind.code(), uses.join(", "))
            }
            Refusal::Taken { kind, slug } => write!(f, "{} \"{slug}\" already exists", kind.code()),
        }
    }
}

/// The steps that bring `current` to what `changes` asks for. `uses` tells what uses each item
/// to be removed. Items equal to what is stored give no step, so applying a change twice writes
/// nothing the second time.
pub fn plan(
    current: &Current,
    changes: &Changes,
    uses: &dyn Fn(Kind, &str) -> Vec<Use>,
) -> Result<Vec<Step>, Refusal> {
    let mut steps = Vec::new();
    for item in &changes.items {
        match current.find(item.kind(), item.slug()) {
            None => steps.push(Step::Create(item.clone())),
            Some(_) if changes.new_only => {
                return Err(Refusal::Taken { kind: item.kind(), slug: item.slug().to_string() });
            }
            Some(before) if before != item => {
                steps.push(Step::Update { before: before.clone(), after: item.clone() });
            }
            Some(_) => {}
        }
    }
    for (kind, slug) in &changes.removals {
        let Some(item) = current.find(*kind, slug) else { continue };
        let uses: Vec<Use> = uses(*kind, slug).into_iter().filter(|u| u.count > 0).collect();
        if !uses.is_empty() {
            return Err(Refusal::InUse { kind: *kind, slug: slug.clone(), uses });
        }
        steps.push(Step::Remove(item.clone()));
    }
    if let Some(contact) = &changes.contact
        && *contact != current.contact
    {
        steps.push(Step::Contact(contact.clone()));
    }
    Ok(steps)
}

/// A plan in words, for the audit log and the command line: `created units/vuxen; …`.
pub fn describe(steps: &[Step]) -> String {
    let line = |verb: &str, item: &Item| format!("{verb} {}/{}", item.kind().code(), item.slug());
    steps
        .iter()
        .map(|step| match step {
            Step::Create(item) => line("created", item),
            Step::Update { after, .. } => line("updated", after),
            Step::Remove(item) => line("removed", item),
            Step::Contact(_) => "changed search_contact".to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::setup::{UnitItem, UnitKind};

    fn unit(slug: &str, name: &str) -> Item {
        Item::Unit(UnitItem {
            slug: slug.into(),
            name_sv: name.into(),
            name_en: "Unit".into(),
            kind: UnitKind::CaseHandling,
            phone: None,
            email: None,
        })
    }

    #[test]
    fn a_plan_writes_only_what_differs() {
        let current =
            Current { items: vec![unit("vuxen", "Vuxenenheten"), unit("barn", "Barn")], contact: None };
        let none = |_: Kind, _: &str| Vec::new();
        let same = Changes { items: vec![unit("vuxen", "Vuxenenheten")], ..Default::default() };
        assert_eq!(plan(&current, &same, &none).unwrap(), vec![]);
        let renamed = Changes {
            items: vec![unit("vuxen", "Vuxen"), unit("ny", "Ny")],
            removals: vec![(Kind::Unit, "barn".into()), (Kind::Unit, "finns-inte".into())],
            contact: Some(Some(SearchContact::Entry("kontaktcenter".into()))),
            new_only: false,
        };
        let steps = plan(&current, &renamed, &none).unwrap();
        assert_eq!(
            describe(&steps),
            "updated units/vuxen; created units/ny; removed units/barn; changed search_contact"
        );
        assert!(
            matches!(&steps[0], Step::Update { before, .. } if before.name(Locale::SV) == "Vuxenenheten")
        );
    }

    #[test]
    fn what_is_in_use_is_not_removed_and_a_taken_address_is_not_overwritten() {
        let current = Current { items: vec![unit("vuxen", "Vuxenenheten")], contact: None };
        let used =
            |_: Kind, _: &str| vec![Use { key: "setup-use-roles", count: 2 }, Use { key: "x", count: 0 }];
        let removal = Changes { removals: vec![(Kind::Unit, "vuxen".into())], ..Default::default() };
        let refusal = plan(&current, &removal, &used).unwrap_err();
        assert_eq!(
            refusal,
            Refusal::InUse {
                kind: Kind::Unit,
                slug: "vuxen".into(),
                uses: vec![Use { key: "setup-use-roles", count: 2 }]
            }
        );
        assert!(refusal.to_string().contains("in use"));
        let add = Changes { items: vec![unit("vuxen", "Annan")], new_only: true, ..Default::default() };
        assert_eq!(
            plan(&current, &add, &|_, _| Vec::new()).unwrap_err(),
            Refusal::Taken { kind: Kind::Unit, slug: "vuxen".into() }
        );
    }
}
