//! Measuring how well search answers people: a set of queries in residents' own words, each with
//! the entries a good answer shows in its top three, and two figures over the set: the share of
//! queries whose expected entries are all in the top three, and the mean reciprocal rank of the
//! first expected entry (1 when it is first, ½ when second, 0 when not on the first page).

use chrono::{DateTime, Utc};

use super::{Filters, SearchIndex, SearchRequest};

/// How many hits count as "the top".
pub const TOP: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub query: String,
    /// Slugs of the entries a good answer ranks in the top three.
    pub expected: Vec<String>,
}

/// Reads `query => slug, slug` lines; `#` starts a comment line, blank lines are skipped.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((query, expected)) = line.split_once("=>") else {
            return Err(format!("line {}: no `=>` between the query and its entries", number + 1));
        };
        let expected: Vec<String> =
            expected.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        if query.trim().is_empty() || expected.is_empty() || expected.len() > TOP {
            return Err(format!("line {}: a query and one to {TOP} entries are needed", number + 1));
        }
        cases.push(Case { query: query.trim().to_string(), expected });
    }
    Ok(cases)
}

/// What one query gave: the slugs of the first page, best first.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: Case,
    pub ranked: Vec<String>,
}

impl Outcome {
    /// Every expected entry is in the top three.
    pub fn passed(&self) -> bool {
        self.case.expected.iter().all(|slug| self.ranked.iter().take(TOP).any(|r| r == slug))
    }

    /// 1 / the rank of the first expected entry; 0 when none is on the first page.
    pub fn reciprocal_rank(&self) -> f64 {
        self.ranked
            .iter()
            .position(|slug| self.case.expected.contains(slug))
            .map_or(0.0, |at| 1.0 / (at + 1) as f64)
    }
}

#[derive(Debug, Clone)]
pub struct Figures {
    pub outcomes: Vec<Outcome>,
}

impl Figures {
    /// The share of queries whose expected entries are all in the top three.
    pub fn top3_rate(&self) -> f64 {
        self.share(|o| if o.passed() { 1.0 } else { 0.0 })
    }

    /// Mean reciprocal rank.
    pub fn mrr(&self) -> f64 {
        self.share(Outcome::reciprocal_rank)
    }

    pub fn failures(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| !o.passed())
    }

    fn share(&self, value: impl Fn(&Outcome) -> f64) -> f64 {
        if self.outcomes.is_empty() {
            return 0.0;
        }
        self.outcomes.iter().map(value).sum::<f64>() / self.outcomes.len() as f64
    }
}

/// Runs every case through `index` (refreshed by the caller) as a search without filters at `now`.
pub fn evaluate(index: &SearchIndex, cases: &[Case], now: DateTime<Utc>) -> anyhow::Result<Figures> {
    let outcomes = cases
        .iter()
        .map(|case| {
            let request =
                SearchRequest { text: case.query.clone(), filters: Filters::default(), page: 1, now };
            let ranked =
                index.search(&request)?.hits.into_iter().map(|h| h.shown.entry.slug.clone()).collect();
            Ok(Outcome { case: case.clone(), ranked })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Figures { outcomes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(expected: &[&str], ranked: &[&str]) -> Outcome {
        Outcome {
            case: Case { query: "q".into(), expected: expected.iter().map(|s| s.to_string()).collect() },
            ranked: ranked.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn lines_become_cases() {
        let cases = parse("# comment\n\nmin pappa dricker => maskrosbarn, mottagningen\n").unwrap();
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].query, "min pappa dricker");
        assert_eq!(cases[0].expected, vec!["maskrosbarn", "mottagningen"]);
        assert!(parse("no arrow").is_err());
        assert!(parse("q => a, b, c, d").is_err(), "at most three entries fit the top three");
        assert!(parse(" => a").is_err());
    }

    #[test]
    fn a_query_passes_when_all_its_entries_are_in_the_top_three() {
        assert!(outcome(&["a", "b"], &["b", "x", "a"]).passed());
        assert!(!outcome(&["a", "b"], &["b", "x", "y", "a"]).passed());
        assert!(!outcome(&["a"], &[]).passed());
    }

    #[test]
    fn figures_are_shares_and_mean_reciprocal_ranks() {
        let figures = Figures {
            outcomes: vec![outcome(&["a"], &["a"]), outcome(&["a"], &["x", "a"]), outcome(&["a"], &["x"])],
        };
        assert!((figures.top3_rate() - 2.0 / 3.0).abs() < 1e-9);
        assert!((figures.mrr() - 0.5).abs() < 1e-9);
        assert_eq!(figures.failures().count(), 1);
        assert_eq!(Figures { outcomes: vec![] }.mrr(), 0.0);
    }
}
