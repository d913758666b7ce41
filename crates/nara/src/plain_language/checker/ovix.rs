//! OVIX (ordvariationsindex, Hultman & Westman 1977): word variation that depends less on the
//! text's length than a type/token ratio: log(n) / log(2 − log(u) / log(n)) for n words of which
//! u are different.

/// Below this many words the index says little and swings wildly; it is not given.
pub const MIN_WORDS: usize = 10;

/// OVIX for `tokens` words with `unique` different ones; `None` for short texts and where the
/// formula has no value (every word different makes the inner logarithm log(1) = 0).
pub fn ovix(tokens: usize, unique: usize) -> Option<f64> {
    if tokens < MIN_WORDS || unique == 0 || unique >= tokens {
        return None;
    }
    let (n, u) = (tokens as f64, unique as f64);
    let denominator = (2.0 - u.ln() / n.ln()).ln();
    let value = n.ln() / denominator;
    (denominator > 0.0 && value.is_finite()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ovix_follows_the_formula() {
        // n = 10, u = 5: ln 10 / ln(2 − ln 5 / ln 10) = 2.302585 / ln(1.301030) = 2.302585 / 0.263156 ≈ 8.750
        let value = ovix(10, 5).unwrap();
        assert!((value - 8.750).abs() < 0.001, "{value}");
    }

    #[test]
    fn short_or_all_different_texts_have_no_ovix() {
        assert_eq!(ovix(0, 0), None);
        assert_eq!(ovix(1, 1), None);
        assert_eq!(ovix(9, 3), None);
        assert_eq!(ovix(12, 12), None);
        assert!(ovix(12, 1).is_some_and(f64::is_finite));
    }
}
