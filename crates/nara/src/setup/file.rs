//! The set-up file (`municipality.toml`, see `municipality.example.toml` in the repository):
//!
//! ```toml
//! [[units]]            # slug, name_sv, name_en, kind, phone, email
//! [[areas]]            # slug, name_sv, name_en, summary_sv, summary_en, position, home_page
//! [[target_groups]]    # slug, name_sv, name_en, position
//! [search_contact]     # entry = "slug", or name with phone and/or email, hours_sv, hours_en
//! [remove]             # units = [...], areas = [...], target_groups = [...]
//! ```
//!
//! Every problem is reported at once, each with its line and column; an unknown key is a problem,
//! so a misspelt `nmae_sv` does not pass silently. A position left out is the item's place in its
//! list, and an area is on the home page unless `home_page = false`.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::{Spanned, Value};

use super::{CONTACT_FIELDS, Changes, Input, Item, Kind, SearchContact, is_slug};
use crate::web::form::FormErrors;

/// One problem, at a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub line: usize,
    pub column: usize,
    /// Which item and key, as `units[2].slug`; empty for a problem of the file as a whole.
    pub place: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not TOML, or not the file's shape; the parser's own words.
    Syntax(String),
    /// A catalogue key saying what is wrong.
    Invalid(&'static str),
}

impl FileError {
    /// The problem on one line: `line 3, column 8: units[1].slug: <message>`, where `message`
    /// turns a catalogue key into words.
    pub fn describe(&self, message: impl Fn(&str) -> String) -> String {
        let text = match &self.problem {
            Problem::Syntax(words) => words.clone(),
            Problem::Invalid(key) => message(key),
        };
        let place = if self.place.is_empty() { String::new() } else { format!("{}: ", self.place) };
        format!("line {}, column {}: {place}{text}", self.line, self.column)
    }
}

type RawTable = BTreeMap<Spanned<String>, Spanned<Value>>;

// The file's shape. Unknown keys at this level are refused by the parser; within an item they are
// checked against the kind's fields, so the message can name the key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    units: Vec<Spanned<RawTable>>,
    #[serde(default)]
    areas: Vec<Spanned<RawTable>>,
    #[serde(default)]
    target_groups: Vec<Spanned<RawTable>>,
    search_contact: Option<Spanned<RawTable>>,
    remove: Option<RawRemove>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRemove {
    #[serde(default)]
    units: Vec<Spanned<String>>,
    #[serde(default)]
    areas: Vec<Spanned<String>>,
    #[serde(default)]
    target_groups: Vec<Spanned<String>>,
}

/// Reads a whole set-up file into the change it asks for.
pub fn parse(source: &str) -> Result<Changes, Vec<FileError>> {
    let mut reader = Reader { source, errors: Vec::new() };
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            return Err(vec![reader.error(
                span,
                String::new(),
                Problem::Syntax(error.message().trim().to_string()),
            )]);
        }
    };
    let mut changes = Changes::default();
    for (kind, tables) in [(Kind::Unit, raw.units), (Kind::Area, raw.areas), (Kind::Group, raw.target_groups)]
    {
        let mut seen = HashSet::new();
        for (index, table) in tables.iter().enumerate() {
            let Some(item) = reader.item(kind, index, table) else { continue };
            if !seen.insert(item.slug().to_string()) {
                let span = table.get_ref().get("slug").map_or(table.span(), Spanned::span);
                let place = format!("{}[{}].slug", kind.code(), index + 1);
                reader.errors.push(reader.error(span, place, Problem::Invalid("setup-error-duplicate")));
                continue;
            }
            changes.items.push(item);
        }
    }
    if let Some(table) = &raw.search_contact {
        changes.contact = reader.contact(table).map(Some);
    }
    if let Some(remove) = raw.remove {
        for (kind, slugs) in
            [(Kind::Unit, remove.units), (Kind::Area, remove.areas), (Kind::Group, remove.target_groups)]
        {
            for (index, slug) in slugs.iter().enumerate() {
                if is_slug(slug.get_ref()) {
                    changes.removals.push((kind, slug.get_ref().clone()));
                } else {
                    let place = format!("remove.{}[{}]", kind.code(), index + 1);
                    reader.errors.push(reader.error(
                        slug.span(),
                        place,
                        Problem::Invalid("setup-error-slug"),
                    ));
                }
            }
        }
    }
    if reader.errors.is_empty() { Ok(changes) } else { Err(reader.errors) }
}

/// Collects the problems of one file.
struct Reader<'a> {
    source: &'a str,
    errors: Vec<FileError>,
}

impl Reader<'_> {
    fn error(&self, span: Range<usize>, place: String, problem: Problem) -> FileError {
        let before = &self.source[..span.start.min(self.source.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
        FileError { line, column, place, problem }
    }

    /// The text of each key of `table` that `known` accepts, with its type checked against
    /// `input`; unknown keys and values of the wrong type are recorded as problems.
    fn values(
        &mut self,
        table: &Spanned<RawTable>,
        place: &str,
        input: impl Fn(&str) -> Option<Input>,
    ) -> BTreeMap<String, String> {
        let mut values = BTreeMap::new();
        for (key, value) in table.get_ref() {
            let at = format!("{place}.{}", key.get_ref());
            let Some(input) = input(key.get_ref()) else {
                self.errors.push(self.error(key.span(), at, Problem::Invalid("setup-error-unknown-key")));
                continue;
            };
            let text = match (input, value.get_ref()) {
                (Input::Position, Value::Integer(n)) => Some(n.to_string()),
                (Input::Flag, Value::Boolean(b)) => Some(b.to_string()),
                (Input::Position | Input::Flag, _) => None,
                (_, Value::String(s)) => Some(s.clone()),
                _ => None,
            };
            match text {
                Some(text) => {
                    values.insert(key.get_ref().clone(), text);
                }
                None => {
                    let key = match input {
                        Input::Position => "setup-error-expect-number",
                        Input::Flag => "setup-error-expect-boolean",
                        _ => "setup-error-expect-text",
                    };
                    self.errors.push(self.error(value.span(), at, Problem::Invalid(key)));
                }
            }
        }
        values
    }

    /// Records each of `errors` at its field's value, or at the table when the field is missing.
    fn field_errors(&mut self, table: &Spanned<RawTable>, place: &str, errors: &FormErrors) {
        for error in errors.items() {
            let span = table.get_ref().get(error.field).map_or(table.span(), Spanned::span);
            let problem = Problem::Invalid(error.key);
            self.errors.push(self.error(span, format!("{place}.{}", error.field), problem));
        }
    }

    fn item(&mut self, kind: Kind, index: usize, table: &Spanned<RawTable>) -> Option<Item> {
        let place = format!("{}[{}]", kind.code(), index + 1);
        let fields = kind.fields();
        let mut values =
            self.values(table, &place, |key| fields.iter().find(|f| f.name == key).map(|f| f.input));
        values.entry("position".into()).or_insert_with(|| (index + 1).to_string());
        values.entry("home_page".into()).or_insert_with(|| "true".into());
        match Item::parse(kind, &|name| values.get(name).cloned()) {
            Ok(item) => Some(item),
            Err(errors) => {
                self.field_errors(table, &place, &errors);
                None
            }
        }
    }

    fn contact(&mut self, table: &Spanned<RawTable>) -> Option<SearchContact> {
        let place = "search_contact";
        let values = self.values(table, place, |key| CONTACT_FIELDS.contains(&key).then_some(Input::Name));
        match SearchContact::parse(&|name| values.get(name).cloned()) {
            Ok(contact) => Some(contact),
            Err(errors) => {
                self.field_errors(table, place, &errors);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::{ContactDetails, UnitKind};

    fn problems(source: &str) -> Vec<(usize, usize, String, Problem)> {
        parse(source).unwrap_err().into_iter().map(|e| (e.line, e.column, e.place, e.problem)).collect()
    }

    #[test]
    fn the_example_file_reads() {
        let source = include_str!("../../../../municipality.example.toml");
        let changes = parse(source).unwrap_or_else(|e| panic!("{e:?}"));
        let count = |kind| changes.items.iter().filter(|i| i.kind() == kind).count();
        assert!(count(Kind::Unit) >= 3 && count(Kind::Area) >= 10 && count(Kind::Group) >= 10);
        assert_eq!(changes.contact, Some(Some(SearchContact::Entry("kontaktcenter".into()))));
        assert!(changes.removals.is_empty());
    }

    #[test]
    fn positions_default_to_the_order_and_areas_to_the_home_page() {
        let source = "[[areas]]\nslug = \"a\"\nname_sv = \"A\"\nname_en = \"A\"\n\
                      [[areas]]\nslug = \"b\"\nname_sv = \"B\"\nname_en = \"B\"\nhome_page = false\nposition = 7\n";
        let changes = parse(source).unwrap();
        let Item::Area(first) = &changes.items[0] else { panic!() };
        let Item::Area(second) = &changes.items[1] else { panic!() };
        assert_eq!((first.position, first.home_page), (1, true));
        assert_eq!((second.position, second.home_page), (7, false));
        assert_eq!(changes.contact, None, "no [search_contact]: the contact is left as it is");
    }

    #[test]
    fn every_problem_is_named_with_its_line_and_column() {
        let source = "[[units]]\nslug = \"Vuxen\"\nname_sv = \"Vuxenenheten\"\nname_en = \"Adults\"\nkind = \"soc\"\n\
                      nmae = \"x\"\n\n[[target_groups]]\nslug = \"unga\"\nname_sv = \"Unga\"\nposition = \"två\"\n\
                      name_en = \"Young people\"\n";
        assert_eq!(
            problems(source),
            vec![
                (6, 1, "units[1].nmae".into(), Problem::Invalid("setup-error-unknown-key")),
                (2, 8, "units[1].slug".into(), Problem::Invalid("setup-error-slug")),
                (5, 8, "units[1].kind".into(), Problem::Invalid("setup-error-unit-kind")),
                (11, 12, "target_groups[1].position".into(), Problem::Invalid("setup-error-expect-number")),
            ]
        );
        // A missing key is reported where its item is.
        let missing = problems("\n[[target_groups]]\nslug = \"unga\"\nname_sv = \"Unga\"\n");
        assert_eq!(missing[0].2, "target_groups[1].name_en");
        assert!(missing[0].0 >= 2, "{missing:?}");
    }

    #[test]
    fn syntax_and_unknown_sections_are_reported_by_line() {
        let syntax = problems("[[units]\nslug = \"x\"\n");
        assert_eq!((syntax[0].0, syntax[0].2.as_str()), (1, ""));
        assert!(matches!(&syntax[0].3, Problem::Syntax(_)));
        let unknown = problems("# a comment\n[[unitz]]\nslug = \"x\"\n");
        assert_eq!(unknown[0].0, 2);
        let Problem::Syntax(words) = &unknown[0].3 else { panic!() };
        assert!(words.contains("unitz"), "{words}");
    }

    #[test]
    fn duplicates_and_bad_removals_are_refused() {
        let source = "[[units]]\nslug = \"x\"\nname_sv = \"X\"\nname_en = \"X\"\nkind = \"service\"\n\
                      [[units]]\nslug = \"x\"\nname_sv = \"Y\"\nname_en = \"Y\"\nkind = \"service\"\n\
                      [remove]\nareas = [\"ok\", \"Inte ok\"]\n";
        let found = problems(source);
        assert_eq!(found[0].2, "units[2].slug");
        assert_eq!(found[0].3, Problem::Invalid("setup-error-duplicate"));
        assert_eq!((found[1].0, found[1].2.as_str()), (12, "remove.areas[2]"));
    }

    #[test]
    fn the_contact_is_an_entry_or_details() {
        let entry = parse("[search_contact]\nentry = \"kontaktcenter\"\n").unwrap();
        assert_eq!(entry.contact, Some(Some(SearchContact::Entry("kontaktcenter".into()))));
        let details = parse(
            "[search_contact]\nname = \"Kontaktcenter\"\nphone = \"042-10 50 00\"\nhours_sv = \"Vardagar 8–17\"\n",
        )
        .unwrap();
        assert_eq!(
            details.contact,
            Some(Some(SearchContact::Details(ContactDetails {
                name: "Kontaktcenter".into(),
                phone: Some("042-10 50 00".into()),
                hours_sv: Some("Vardagar 8–17".into()),
                ..Default::default()
            })))
        );
        let both = problems("[search_contact]\nentry = \"a\"\nname = \"B\"\n");
        assert_eq!(both[0].3, Problem::Invalid("setup-error-contact-one"));
        let unreachable = problems("[search_contact]\nname = \"B\"\n");
        assert_eq!(unreachable[0].3, Problem::Invalid("setup-error-contact-reach"));
    }

    #[test]
    fn a_unit_reads_with_its_kind_and_contact() {
        let changes = parse(
            "[[units]]\nslug = \"kvalitet\"\nname_sv = \"Kvalitet\"\nname_en = \"Quality\"\nkind = \"development\"\n\
             email = \"kvalitet@stad.example.se\"\n",
        )
        .unwrap();
        let Item::Unit(unit) = &changes.items[0] else { panic!() };
        assert_eq!(unit.kind, UnitKind::Development);
        assert_eq!(unit.email.as_deref(), Some("kvalitet@stad.example.se"));
    }
}
