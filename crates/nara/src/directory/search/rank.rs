//! Ranking after retrieval: the index finds the best matches by relevance alone (keeping only
//! the best few while it reads), and freshness then reorders only those. An entry not confirmed
//! within a year ranks lower, but is still found.

use tantivy::DocAddress;

use crate::directory::CONFIRM_EVERY_DAYS;

/// How many of the most relevant matches freshness reorders. A fresh entry further down than
/// this is not lifted over them: relevance decides first.
pub const RERANK_POOL: usize = 200;

/// What a stale entry's relevance is multiplied by.
const STALE_WEIGHT: f32 = 0.5;

/// One of the best matches, with what ranking reads from fast fields.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub address: DocAddress,
    /// Relevance (BM25 with the query's boosts).
    pub score: f32,
    /// Days since 1970 of the entry's last confirmation.
    pub confirmed_day: i64,
}

/// The score ranking uses: relevance, halved for an entry not confirmed within a year of `today`.
pub fn ranked_score(score: f32, confirmed_day: i64, today: i64) -> f32 {
    if today - confirmed_day > CONFIRM_EVERY_DAYS { score * STALE_WEIGHT } else { score }
}

/// Reorders `candidates` (best first by relevance) by their ranked score; equals keep the order
/// relevance gave them.
pub fn rerank(mut candidates: Vec<Candidate>, today: i64) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        ranked_score(b.score, b.confirmed_day, today).total_cmp(&ranked_score(
            a.score,
            a.confirmed_day,
            today,
        ))
    });
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_000;

    fn candidate(doc: u32, score: f32, age_days: i64) -> Candidate {
        Candidate { address: DocAddress::new(0, doc), score, confirmed_day: TODAY - age_days }
    }

    fn order(candidates: Vec<Candidate>) -> Vec<u32> {
        rerank(candidates, TODAY).into_iter().map(|c| c.address.doc_id).collect()
    }

    #[test]
    fn a_fresh_entry_goes_before_an_equally_relevant_stale_one() {
        assert_eq!(order(vec![candidate(1, 2.0, 500), candidate(2, 2.0, 10)]), vec![2, 1]);
    }

    #[test]
    fn a_much_better_match_stays_first_even_when_stale() {
        assert_eq!(order(vec![candidate(1, 5.0, 500), candidate(2, 2.0, 10)]), vec![1, 2]);
    }

    #[test]
    fn stale_means_not_confirmed_within_a_year() {
        assert_eq!(ranked_score(2.0, TODAY - CONFIRM_EVERY_DAYS, TODAY), 2.0);
        assert_eq!(ranked_score(2.0, TODAY - CONFIRM_EVERY_DAYS - 1, TODAY), 1.0);
    }

    #[test]
    fn equals_keep_the_order_relevance_gave_them() {
        assert_eq!(
            order(vec![candidate(3, 1.0, 1), candidate(1, 1.0, 2), candidate(2, 1.0, 3)]),
            vec![3, 1, 2]
        );
    }
}
