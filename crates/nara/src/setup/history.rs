//! An item's history as its page shows it: when, who, and which fields changed from what to what.
//! The store keeps whole snapshots; the differences are worked out here, when read.

use super::{HistoryRow, Item, Kind, Shown};
use crate::db::UtcTime;

/// One field that changed: its label's catalogue key, the value before (none when the item was
/// made) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub label_key: String,
    /// The language of the values, when they are text in one.
    pub lang: Option<&'static str>,
    pub before: Option<Shown>,
    pub after: Shown,
}

/// One change of the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub at: UtcTime,
    /// The person who made it; `None` for `nara setup` on the command line.
    pub by: Option<String>,
    /// The catalogue key of what happened (made, changed, removed).
    pub what_key: &'static str,
    pub fields: Vec<FieldChange>,
}

/// The history of one item of `kind`, from its rows oldest first, as lines newest first.
pub fn lines(kind: Kind, rows: &[HistoryRow]) -> Vec<Line> {
    let mut previous: Option<Item> = None;
    let mut lines = Vec::new();
    for row in rows {
        let item = Item::from_snapshot(kind, &row.snapshot);
        let (what_key, fields) = match (row.change.as_str(), &item) {
            ("removed", _) => ("setup-history-removed", Vec::new()),
            (_, Some(item)) => {
                let before = previous.as_ref().filter(|_| row.change != "created");
                let key = if before.is_some() { "setup-history-updated" } else { "setup-history-created" };
                (key, differences(kind, before, item))
            }
            (_, None) => ("setup-history-updated", Vec::new()),
        };
        lines.push(Line { at: row.changed_at, by: row.changed_by.clone(), what_key, fields });
        previous = if row.change == "removed" { None } else { item };
    }
    lines.reverse();
    lines
}

/// The fields of `after` that differ from `before`; every field when there is no `before`.
fn differences(kind: Kind, before: Option<&Item>, after: &Item) -> Vec<FieldChange> {
    kind.fields()
        .iter()
        .filter(|field| before.is_none_or(|b| b.value(field.name) != after.value(field.name)))
        .map(|field| FieldChange {
            label_key: field.label_key(),
            lang: field.lang(),
            before: before.map(|b| b.shown(*field)),
            after: after.shown(*field),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::{TargetGroup, UnitItem, UnitKind};

    fn row(change: &str, by: Option<&str>, item: &Item) -> HistoryRow {
        HistoryRow {
            changed_at: UtcTime::now(),
            changed_by: by.map(str::to_string),
            change: change.into(),
            snapshot: item.snapshot(),
        }
    }

    #[test]
    fn each_line_names_who_and_what_changed_newest_first() {
        let first = Item::Unit(UnitItem {
            slug: "vuxen".into(),
            name_sv: "Vuxenenheten".into(),
            name_en: "Adults".into(),
            kind: UnitKind::CaseHandling,
            phone: None,
            email: None,
        });
        let Item::Unit(mut unit) = first.clone() else { unreachable!() };
        unit.name_en = "Adult services".into();
        unit.kind = UnitKind::Service;
        let second = Item::Unit(unit);
        let rows = [row("created", None, &first), row("updated", Some("Erik Nyström"), &second)];
        let lines = lines(Kind::Unit, &rows);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].what_key, "setup-history-updated");
        assert_eq!(lines[0].by.as_deref(), Some("Erik Nyström"));
        assert_eq!(
            lines[0].fields,
            vec![
                FieldChange {
                    label_key: "setup-field-name-en".into(),
                    lang: Some("en"),
                    before: Some(Shown::Text("Adults".into())),
                    after: Shown::Text("Adult services".into()),
                },
                FieldChange {
                    label_key: "setup-field-kind".into(),
                    lang: None,
                    before: Some(Shown::Key("setup-unit-kind-case-handling".into())),
                    after: Shown::Key("setup-unit-kind-service".into()),
                },
            ]
        );
        assert_eq!(lines[1].what_key, "setup-history-created");
        assert_eq!(lines[1].by, None, "made on the command line");
        assert_eq!(lines[1].fields.len(), Kind::Unit.fields().len(), "a new item shows every field");
    }

    #[test]
    fn an_item_made_again_after_removal_starts_afresh() {
        let group = Item::Group(TargetGroup {
            slug: "unga".into(),
            name_sv: "Unga".into(),
            name_en: "Young people".into(),
            position: 2,
        });
        let rows = [row("created", None, &group), row("removed", None, &group), row("created", None, &group)];
        let keys: Vec<_> = lines(Kind::Group, &rows).iter().map(|l| l.what_key).collect();
        assert_eq!(keys, ["setup-history-created", "setup-history-removed", "setup-history-created"]);
    }
}
