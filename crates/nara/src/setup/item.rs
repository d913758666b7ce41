//! The items of the set-up, read and checked from their fields' values as typed.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Field, Input, Kind};
use crate::i18n::Locale;
use crate::identity::EmailAddress;
use crate::web::form::FormErrors;

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
pub(super) fn check(field: Field, typed: &str) -> Result<Option<String>, &'static str> {
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
    fn unit_kinds_round_trip() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(kind.code()), Some(kind));
        }
    }
}
