//! What the grants achieve, summed from the decisions and their follow-ups: money by area of help,
//! target group and district; people reached per krona; activities over the years; associations
//! funded year after year. Pure; the decisions come from `store::decided`.

use std::collections::BTreeMap;

/// A submitted follow-up's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub activities: i64,
    pub registrations: i64,
    pub attended: i64,
    pub reached: i64,
}

/// One decision with what the register said when the association applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub entry_id: uuid::Uuid,
    pub entry_name: String,
    /// The town or district of the association's address; empty when the register has none.
    pub district: String,
    pub areas: Vec<String>,
    pub target_groups: Vec<String>,
    /// The year of the decision (Stockholm).
    pub year: i32,
    pub granted: bool,
    pub amount_ore: i64,
    pub report: Option<Reported>,
}

/// One year's grants and what their follow-ups report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearLine {
    pub year: i32,
    pub grants: usize,
    pub granted_ore: i64,
    /// Grants with a submitted follow-up, and the money they had.
    pub reports: usize,
    pub reported_ore: i64,
    pub activities: i64,
    pub registrations: i64,
    pub attended: i64,
    pub reached: i64,
}

impl YearLine {
    /// Öre per person reached, over the grants that reported (`None` before anyone is reached).
    pub fn ore_per_person(&self) -> Option<i64> {
        (self.reached > 0).then(|| (self.reported_ore + self.reached / 2) / self.reached)
    }

    /// People reached per 10 000 kronor granted, over the grants that reported.
    pub fn people_per_10k(&self) -> Option<i64> {
        (self.reported_ore > 0)
            .then(|| (self.reached * 1_000_000 + self.reported_ore / 2) / self.reported_ore)
    }
}

/// An association with grants in more than one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funded {
    pub name: String,
    pub years: Vec<i32>,
    pub total_ore: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effect {
    /// (area slug, money granted), most money first. A grant counts under each of its areas.
    pub by_area: Vec<(String, i64)>,
    pub by_target_group: Vec<(String, i64)>,
    /// (district, money); the empty district is the register's "not given".
    pub by_district: Vec<(String, i64)>,
    pub years: Vec<YearLine>,
    pub funded_again: Vec<Funded>,
}

fn sorted(sums: BTreeMap<String, i64>) -> Vec<(String, i64)> {
    let mut list: Vec<(String, i64)> = sums.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// Sums the granted decisions (refusals carry no money and no follow-up).
pub fn summarise(decided: &[Decided]) -> Effect {
    let granted: Vec<&Decided> = decided.iter().filter(|d| d.granted && d.amount_ore > 0).collect();
    let mut by_area = BTreeMap::new();
    let mut by_group = BTreeMap::new();
    let mut by_district = BTreeMap::new();
    let mut years: BTreeMap<i32, YearLine> = BTreeMap::new();
    let mut funded: BTreeMap<uuid::Uuid, Funded> = BTreeMap::new();
    for grant in &granted {
        for area in &grant.areas {
            *by_area.entry(area.clone()).or_insert(0) += grant.amount_ore;
        }
        for group in &grant.target_groups {
            *by_group.entry(group.clone()).or_insert(0) += grant.amount_ore;
        }
        *by_district.entry(grant.district.clone()).or_insert(0) += grant.amount_ore;
        let year =
            years.entry(grant.year).or_insert_with(|| YearLine { year: grant.year, ..Default::default() });
        year.grants += 1;
        year.granted_ore += grant.amount_ore;
        if let Some(report) = grant.report {
            year.reports += 1;
            year.reported_ore += grant.amount_ore;
            year.activities += report.activities;
            year.registrations += report.registrations;
            year.attended += report.attended;
            year.reached += report.reached;
        }
        let association = funded.entry(grant.entry_id).or_insert_with(|| Funded {
            name: grant.entry_name.clone(),
            years: Vec::new(),
            total_ore: 0,
        });
        association.years.push(grant.year);
        association.total_ore += grant.amount_ore;
    }
    let mut funded_again: Vec<Funded> = funded
        .into_values()
        .map(|mut f| {
            f.years.sort_unstable();
            f.years.dedup();
            f
        })
        .filter(|f| f.years.len() > 1)
        .collect();
    funded_again.sort_by(|a, b| b.years.len().cmp(&a.years.len()).then_with(|| a.name.cmp(&b.name)));
    Effect {
        by_area: sorted(by_area),
        by_target_group: sorted(by_group),
        by_district: sorted(by_district),
        years: years.into_values().collect(),
        funded_again,
    }
}

/// The areas and target groups a register snapshot names (empty when it has none).
pub fn snapshot_lists(snapshot: Option<&str>) -> (Vec<String>, Vec<String>) {
    let value = snapshot.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok());
    let list = |field: &str| -> Vec<String> {
        value
            .as_ref()
            .and_then(|v| v.get(field))
            .and_then(|v| v.as_array())
            .map(|items| items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    (list("areas"), list("target_groups"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn decided(entry: Uuid, name: &str, year: i32, amount_ore: i64, report: Option<Reported>) -> Decided {
        Decided {
            entry_id: entry,
            entry_name: name.into(),
            district: "Centrum".into(),
            areas: vec!["psykisk-halsa".into(), "arbete".into()],
            target_groups: vec!["vuxna".into()],
            year,
            granted: amount_ore > 0,
            amount_ore,
            report,
        }
    }

    #[test]
    fn money_people_and_years_add_up_from_the_grants() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let report = Reported { activities: 40, registrations: 500, attended: 420, reached: 150 };
        let effect = summarise(&[
            decided(a, "A", 2026, 15_000_000, Some(report)),
            decided(a, "A", 2027, 18_000_000, None),
            decided(b, "B", 2027, 5_000_000, None),
            decided(b, "B", 2027, 0, None),
        ]);
        assert_eq!(effect.by_area, vec![("arbete".into(), 38_000_000), ("psykisk-halsa".into(), 38_000_000)]);
        assert_eq!(effect.by_district, vec![("Centrum".into(), 38_000_000)]);
        assert_eq!(effect.years.len(), 2);
        let first = &effect.years[0];
        assert_eq!((first.year, first.grants, first.reports, first.reached), (2026, 1, 1, 150));
        // 150 000 kr for 150 people: 1 000 kr a person, 10 people per 10 000 kr.
        assert_eq!(first.ore_per_person(), Some(100_000));
        assert_eq!(first.people_per_10k(), Some(10));
        assert_eq!(effect.years[1].ore_per_person(), None);
        assert_eq!(effect.years[1].granted_ore, 23_000_000);
        assert_eq!(effect.funded_again.len(), 1);
        assert_eq!(effect.funded_again[0].years, vec![2026, 2027]);
    }

    #[test]
    fn a_snapshot_lists_areas_and_groups() {
        let snapshot = r#"{"areas":["arbete"],"target_groups":["vuxna","unga"],"email":"x@y.se"}"#;
        assert_eq!(
            snapshot_lists(Some(snapshot)),
            (vec!["arbete".into()], vec!["vuxna".into(), "unga".into()])
        );
        assert_eq!(snapshot_lists(Some("not json")), (Vec::new(), Vec::new()));
        assert_eq!(snapshot_lists(None), (Vec::new(), Vec::new()));
    }
}
