//! The municipality's set-up: its units, areas of help, target groups, and the contact the search
//! page offers when it finds nothing. A fresh installation gets them from `nara setup --file
//! municipality.toml` (`file`, `command`) or from `/admin`; both describe a change as `Changes`,
//! which `plan` turns into steps against what is stored, and `store::change` writes in one
//! transaction with a history of every item (`history`) and an audit entry. Nothing in use is ever
//! removed.
//!
//! Every kind of item is described by its fields (`Kind::fields`), so the file, the admin forms and
//! the history all name the same fields in the same way.

pub mod command;
mod contact;
pub mod file;
pub mod history;
mod item;
mod plan;
pub mod store;

pub use contact::{CONTACT_FIELDS, ContactDetails, SearchContact};
pub use item::{AreaItem, Item, Shown, TargetGroup, UnitItem, UnitKind, is_slug};
pub use plan::{Changes, Current, Refusal, Step, Use, describe, plan};
pub use store::HistoryRow;

/// The kinds of item the set-up holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Unit,
    Area,
    Group,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Unit, Kind::Area, Kind::Group];

    /// The name of its list in the set-up file, also kept in the history.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Unit => "units",
            Kind::Area => "areas",
            Kind::Group => "target_groups",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The address of its pages under `/admin`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Unit => "enheter",
            Kind::Area => "omraden",
            Kind::Group => "malgrupper",
        }
    }

    pub fn from_path(path: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.path() == path)
    }

    /// The catalogue key of its name in the plural (`setup-kind-units`).
    pub fn key(self) -> String {
        format!("setup-kind-{}", self.code().replace('_', "-"))
    }

    /// The catalogue key of one item of it, with its article (`setup-one-units`: "enheten").
    pub fn one_key(self) -> String {
        format!("setup-one-{}", self.code().replace('_', "-"))
    }

    /// The fields an item of this kind has, in the order forms show them.
    pub fn fields(self) -> &'static [Field] {
        const SLUG: Field = Field { name: "slug", input: Input::Slug };
        const NAME_SV: Field = Field { name: "name_sv", input: Input::Name };
        const NAME_EN: Field = Field { name: "name_en", input: Input::Name };
        const POSITION: Field = Field { name: "position", input: Input::Position };
        match self {
            Kind::Unit => &[
                SLUG,
                NAME_SV,
                NAME_EN,
                Field { name: "kind", input: Input::UnitKind },
                Field { name: "phone", input: Input::Phone },
                Field { name: "email", input: Input::Email },
            ],
            Kind::Area => &[
                SLUG,
                NAME_SV,
                NAME_EN,
                Field { name: "summary_sv", input: Input::Summary },
                Field { name: "summary_en", input: Input::Summary },
                POSITION,
                Field { name: "home_page", input: Input::Flag },
            ],
            Kind::Group => &[SLUG, NAME_SV, NAME_EN, POSITION],
        }
    }
}

/// One field of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key in the set-up file, the form field's name and id.
    pub name: &'static str,
    pub input: Input,
}

impl Field {
    /// The catalogue key of its label (`setup-field-name-sv`).
    pub fn label_key(self) -> String {
        format!("setup-field-{}", self.name.replace('_', "-"))
    }

    /// The language its text is written in, for a `lang` attribute; `None` for a field in no language.
    pub fn lang(self) -> Option<&'static str> {
        if self.name.ends_with("_sv") {
            Some("sv")
        } else if self.name.ends_with("_en") {
            Some("en")
        } else {
            None
        }
    }
}

/// What a field holds, which decides how it is checked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The item's address: never changes once made.
    Slug,
    Name,
    Summary,
    Phone,
    Email,
    Position,
    Flag,
    UnitKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_their_codes_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert_eq!(Kind::from_path(kind.path()), Some(kind));
            assert_eq!(kind.fields()[0].input, Input::Slug, "the address comes first");
        }
    }
}
