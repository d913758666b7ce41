//! The municipality's set-up: its units, areas of help, target groups, and the contact the search
//! page offers when it finds nothing. A fresh installation gets them from `nara setup --file
//! municipality.toml` (see `file`) or from `/admin`; both describe a change as `Changes`, which
//! `plan` turns into steps against what is stored, and `Db::apply_setup` writes in one transaction
//! with a history of every item. Nothing in use is ever removed.
//!
//! Every kind of item is described by its fields (`Kind::fields`), so the file, the admin forms and
//! the history all name the same fields in the same way.

pub mod command;
pub mod file;
pub mod history;
mod store;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::i18n::Locale;
use crate::identity::EmailAddress;

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

/// What a unit does, for staff and administrators to tell units apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Myndighetsutövning: assessments, decisions and cases.
    CaseHandling,
    /// Verksamhet: support given directly (treatment, family support, meeting places).
    Service,
    /// Stab: quality, development, follow-up.
    Development,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::CaseHandling, UnitKind::Service, UnitKind::Development];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::CaseHandling => "case_handling",
            UnitKind::Service => "service",
            UnitKind::Development => "development",
        }
    }

    pub fn from_code(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn key(self) -> String {
        format!("setup-unit-kind-{}", self.code().replace('_', "-"))
    }
}

/// A unit of the social services: staff hold their roles within one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitItem {
    pub slug: String,
    pub name_sv: String,
    pub name_en: String,
    pub kind: UnitKind,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// An area of help as the set-up keeps it (the directory reads `help_areas::HelpArea`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaItem {
    pub slug: String,
    pub name_sv: String,
    pub name_en: String,
    pub summary_sv: String,
    pub summary_en: String,
    pub position: i32,
    /// Shown among the home page's ways in; every area is still offered by the search.
    pub home_page: bool,
}

/// Who a directory entry is for ("Unga", "Anhöriga och närstående").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct TargetGroup {
    pub slug: String,
    pub name_sv: String,
    pub name_en: String,
    pub position: i32,
}

impl TargetGroup {
    pub fn name(&self, locale: Locale) -> &str {
        if locale == Locale::EN { &self.name_en } else { &self.name_sv }
    }
}

/// One item of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Unit(UnitItem),
    Area(AreaItem),
    Group(TargetGroup),
}

/// A field's value as a page shows it: text as it is, or a catalogue key to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Text(String),
    Key(String),
}

impl Item {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Unit(_) => Kind::Unit,
            Item::Area(_) => Kind::Area,
            Item::Group(_) => Kind::Group,
        }
    }

    pub fn slug(&self) -> &str {
        match self {
            Item::Unit(u) => &u.slug,
            Item::Area(a) => &a.slug,
            Item::Group(g) => &g.slug,
        }
    }

    pub fn name(&self, locale: Locale) -> &str {
        let (sv, en) = match self {
            Item::Unit(u) => (&u.name_sv, &u.name_en),
            Item::Area(a) => (&a.name_sv, &a.name_en),
            Item::Group(g) => (&g.name_sv, &g.name_en),
        };
        if locale == Locale::EN { en } else { sv }
    }

    /// A field's value as a form holds it (`""` for nothing, `"true"` for a ticked box).
    pub fn value(&self, field: &str) -> String {
        let text = |value: &str| value.to_string();
        let optional = |value: &Option<String>| value.clone().unwrap_or_default();
        match (self, field) {
            (item, "slug") => item.slug().to_string(),
            (Item::Unit(u), "name_sv") => text(&u.name_sv),
            (Item::Unit(u), "name_en") => text(&u.name_en),
            (Item::Unit(u), "kind") => u.kind.code().to_string(),
            (Item::Unit(u), "phone") => optional(&u.phone),
            (Item::Unit(u), "email") => optional(&u.email),
            (Item::Area(a), "name_sv") => text(&a.name_sv),
            (Item::Area(a), "name_en") => text(&a.name_en),
            (Item::Area(a), "summary_sv") => text(&a.summary_sv),
            (Item::Area(a), "summary_en") => text(&a.summary_en),
            (Item::Area(a), "position") => a.position.to_string(),
            (Item::Area(a), "home_page") => if a.home_page { "true" } else { "" }.to_string(),
            (Item::Group(g), "name_sv") => text(&g.name_sv),
            (Item::Group(g), "name_en") => text(&g.name_en),
            (Item::Group(g), "position") => g.position.to_string(),
            _ => String::new(),
        }
    }

    /// A field's value as a list or the history shows it.
    pub fn shown(&self, field: Field) -> Shown {
        let value = self.value(field.name);
        match field.input {
            Input::Flag => Shown::Key(if value.is_empty() { "setup-no" } else { "setup-yes" }.into()),
            Input::UnitKind => match UnitKind::from_code(&value) {
                Some(kind) => Shown::Key(kind.key()),
                None => Shown::Text(value),
            },
            _ if value.is_empty() => Shown::Text("–".into()),
            _ => Shown::Text(value),
        }
    }

    /// Reads and checks an item of `kind` from its fields' values as typed (`get` gives `None`
    /// for a field not given). Every problem is reported, each with its field.
    pub fn parse(kind: Kind, get: &dyn Fn(&str) -> Option<String>) -> Result<Item, FormErrors> {
        let mut errors = FormErrors::default();
        let mut read = |field: Field| -> Option<String> {
            let typed = get(field.name).unwrap_or_default();
            let typed = typed.trim();
            match check(field, typed) {
                Ok(value) => value,
                Err(key) => {
                    errors.add(field.name, key);
                    None
                }
            }
        };
        let mut values: HashMap<&'static str, Option<String>> = HashMap::new();
        for field in kind.fields() {
            values.insert(field.name, read(*field));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let text = |name: &str| values.get(name).cloned().flatten().unwrap_or_default();
        let optional = |name: &str| values.get(name).cloned().flatten();
        // Checked above: a position is a number and a kind is known.
        let position = || text("position").parse().unwrap_or(1);
        let item = match kind {
            Kind::Unit => Item::Unit(UnitItem {
                slug: text("slug"),
                name_sv: text("name_sv"),
                name_en: text("name_en"),
                kind: UnitKind::from_code(&text("kind")).unwrap_or(UnitKind::CaseHandling),
                phone: optional("phone"),
                email: optional("email"),
            }),
            Kind::Area => Item::Area(AreaItem {
                slug: text("slug"),
                name_sv: text("name_sv"),
                name_en: text("name_en"),
                summary_sv: text("summary_sv"),
                summary_en: text("summary_en"),
                position: position(),
                home_page: optional("home_page").is_some(),
            }),
            Kind::Group => Item::Group(TargetGroup {
                slug: text("slug"),
                name_sv: text("name_sv"),
                name_en: text("name_en"),
                position: position(),
            }),
        };
        Ok(item)
    }

    /// The item as its history keeps it.
    pub fn snapshot(&self) -> String {
        let json = match self {
            Item::Unit(u) => serde_json::to_string(u),
            Item::Area(a) => serde_json::to_string(a),
            Item::Group(g) => serde_json::to_string(g),
        };
        json.unwrap_or_default()
    }

    pub fn from_snapshot(kind: Kind, json: &str) -> Option<Item> {
        match kind {
            Kind::Unit => serde_json::from_str(json).ok().map(Item::Unit),
            Kind::Area => serde_json::from_str(json).ok().map(Item::Area),
            Kind::Group => serde_json::from_str(json).ok().map(Item::Group),
        }
    }
}

const MAX_SLUG_CHARS: usize = 80;
const MAX_NAME_CHARS: usize = 120;
const MAX_SUMMARY_CHARS: usize = 400;
const MAX_POSITION: i32 = 9999;

/// Checks one field's trimmed text: the value to keep (`None` for nothing), or a message key.
fn check(field: Field, typed: &str) -> Result<Option<String>, &'static str> {
    let some = |value: &str| Ok(Some(value.to_string()));
    let no_controls = !typed.chars().any(char::is_control);
    match field.input {
        Input::Slug if is_slug(typed) => some(typed),
        Input::Slug => Err("setup-error-slug"),
        Input::Name if !typed.is_empty() && typed.chars().count() <= MAX_NAME_CHARS && no_controls => {
            some(typed)
        }
        Input::Name => Err(match field.name {
            "name_sv" => "setup-error-name-sv",
            "name_en" => "setup-error-name-en",
            _ => "setup-error-name",
        }),
        Input::Summary if typed.is_empty() => Ok(None),
        Input::Summary if typed.chars().count() <= MAX_SUMMARY_CHARS && no_controls => some(typed),
        Input::Summary => Err("setup-error-summary"),
        Input::Phone if typed.is_empty() => Ok(None),
        Input::Phone if crate::directory::form::valid_phone(typed) => some(typed),
        Input::Phone => Err("entry-error-phone"),
        Input::Email if typed.is_empty() => Ok(None),
        Input::Email => match EmailAddress::parse(typed) {
            Some(address) => some(address.as_str()),
            None => Err("register-error-email"),
        },
        Input::Position => match typed.parse::<i32>() {
            Ok(position) if (1..=MAX_POSITION).contains(&position) => some(typed),
            _ => Err("setup-error-position"),
        },
        Input::Flag => Ok(matches!(typed, "true" | "on" | "1" | "ja").then(|| "true".to_string())),
        Input::UnitKind if UnitKind::from_code(typed).is_some() => some(typed),
        Input::UnitKind => Err("setup-error-unit-kind"),
    }
}

/// An item's address: lower-case letters a–z, digits, and single hyphens between them. The same
/// shape as the directory's addresses, so it needs no escaping in URLs or in `LIKE` patterns.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_SLUG_CHARS
        && text.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Whom the search page suggests when it finds nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchContact {
    /// A directory entry, by its address; shown once it is published.
    Entry(String),
    /// A contact given in full.
    Details(ContactDetails),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours_sv: Option<String>,
    pub hours_en: Option<String>,
}

impl ContactDetails {
    pub fn hours(&self, locale: Locale) -> Option<&str> {
        let english = self.hours_en.as_deref().filter(|_| locale == Locale::EN);
        english.or(self.hours_sv.as_deref())
    }
}

/// The fields of the search page's contact: either `entry`, or `name` with a phone number or an
/// e-mail address (and opening hours in words, if wanted).
pub const CONTACT_FIELDS: [&str; 6] = ["entry", "name", "phone", "email", "hours_sv", "hours_en"];

impl SearchContact {
    /// Reads and checks a contact from its fields' values as typed.
    pub fn parse(get: &dyn Fn(&str) -> Option<String>) -> Result<SearchContact, FormErrors> {
        let typed = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let mut errors = FormErrors::default();
        let field = |name: &'static str, input: Input| Field { name, input };
        let mut read = |name: &'static str, input: Input| match check(
            field(name, input),
            &typed(name).unwrap_or_default(),
        ) {
            Ok(value) => value,
            Err(key) => {
                errors.add(name, key);
                None
            }
        };
        let contact = match (typed("entry"), typed("name")) {
            (Some(entry), None) if is_slug(&entry) => SearchContact::Entry(entry),
            (Some(_), None) => {
                errors.add("entry", "setup-error-slug");
                SearchContact::Entry(String::new())
            }
            (None, Some(_)) => {
                let details = ContactDetails {
                    name: read("name", Input::Name).unwrap_or_default(),
                    phone: read("phone", Input::Phone),
                    email: read("email", Input::Email),
                    hours_sv: read("hours_sv", Input::Summary),
                    hours_en: read("hours_en", Input::Summary),
                };
                if details.phone.is_none() && details.email.is_none() && !errors.has("phone") {
                    errors.add("phone", "setup-error-contact-reach");
                }
                SearchContact::Details(details)
            }
            _ => {
                errors.add("entry", "setup-error-contact-one");
                SearchContact::Entry(String::new())
            }
        };
        if errors.is_empty() { Ok(contact) } else { Err(errors) }
    }
}

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

    fn values<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn slugs_are_plain_ascii_with_single_hyphens() {
        for good in ["vuxen", "barn-och-familj", "area-51"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "Vuxen", "barn och familj", "-x", "x-", "a--b", "å", "x%", "x_y", &"a".repeat(81)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn an_item_is_read_from_its_fields_with_every_problem_named() {
        let item = Item::parse(
            Kind::Unit,
            &values(&[
                ("slug", " vuxen "),
                ("name_sv", "Vuxenenheten"),
                ("name_en", "Adult services"),
                ("kind", "service"),
                ("email", "Vuxen@Stad.example.se"),
            ]),
        )
        .unwrap();
        let Item::Unit(unit) = &item else { panic!("{item:?}") };
        assert_eq!(unit.slug, "vuxen");
        assert_eq!(unit.kind, UnitKind::Service);
        assert_eq!(unit.email.as_deref(), Some("vuxen@stad.example.se"));
        assert_eq!(unit.phone, None);

        let errors = Item::parse(
            Kind::Area,
            &values(&[("slug", "Boende"), ("name_sv", ""), ("name_en", "Housing"), ("position", "0")]),
        )
        .unwrap_err();
        let keys: Vec<_> = errors.items().iter().map(|e| (e.field, e.key)).collect();
        assert_eq!(
            keys,
            [
                ("slug", "setup-error-slug"),
                ("name_sv", "setup-error-name-sv"),
                ("position", "setup-error-position")
            ]
        );
        let errors = Item::parse(Kind::Unit, &values(&[("slug", "x"), ("kind", "soc")])).unwrap_err();
        assert!(errors.has("kind") && errors.has("name_en"));
        let errors =
            Item::parse(Kind::Group, &values(&[("slug", "x"), ("name_sv", "A\u{0}"), ("name_en", "B")]))
                .unwrap_err();
        assert!(errors.has("name_sv"), "control characters are refused");
    }

    #[test]
    fn a_ticked_box_is_on_and_a_missing_one_off() {
        let area = |flag: Option<&str>| {
            let mut pairs =
                vec![("slug", "boende"), ("name_sv", "Boende"), ("name_en", "Housing"), ("position", "2")];
            if let Some(flag) = flag {
                pairs.push(("home_page", flag));
            }
            let pairs: Vec<(String, String)> = pairs.into_iter().map(|(a, b)| (a.into(), b.into())).collect();
            let get = move |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
            match Item::parse(Kind::Area, &get).unwrap() {
                Item::Area(area) => area.home_page,
                other => panic!("{other:?}"),
            }
        };
        assert!(area(Some("true")));
        assert!(area(Some("on")));
        assert!(!area(None));
        assert!(!area(Some("false")));
    }

    #[test]
    fn snapshots_round_trip() {
        let item = unit("vuxen", "Vuxenenheten");
        assert_eq!(Item::from_snapshot(Kind::Unit, &item.snapshot()), Some(item));
        assert_eq!(Item::from_snapshot(Kind::Area, "{}"), None);
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

    #[test]
    fn kinds_and_their_codes_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert_eq!(Kind::from_path(kind.path()), Some(kind));
            assert_eq!(kind.fields()[0].input, Input::Slug, "the address comes first");
        }
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(kind.code()), Some(kind));
        }
    }
}
