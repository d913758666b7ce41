//! Small groups are never revealed. A group (a unit, a month) with fewer answers than the
//! configured minimum is suppressed, and so are **complementary cells**: with a total shown
//! beside its parts, one hidden part could be had by subtracting the shown parts from the total.
//! So the hidden parts together must reach the minimum as well: the smallest shown part is hidden
//! too until they do, and when no part is left to hide, the total is hidden.

/// Which of `parts` (each a group's number of answers) and whether their `total` must be hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub parts: Vec<bool>,
    pub total: bool,
}

pub fn suppress(parts: &[i64], total: i64, min: i64) -> Hidden {
    let small = |n: i64| n > 0 && n < min;
    let mut hidden: Vec<bool> = parts.iter().map(|&n| small(n)).collect();
    if small(total) {
        // Every part is at most the total: all of them are small (or empty) too.
        return Hidden { parts: hidden, total: true };
    }
    loop {
        let hidden_sum: i64 = parts.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| n).sum();
        let any_hidden = hidden.iter().any(|h| *h);
        if !any_hidden || hidden_sum >= min {
            return Hidden { parts: hidden, total: false };
        }
        let next = parts
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => hidden[i] = true,
            None => return Hidden { parts: hidden, total: true },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(parts: &[i64]) -> (Vec<bool>, bool) {
        let hidden = suppress(parts, parts.iter().sum(), 5);
        (hidden.parts, hidden.total)
    }

    /// What can be learnt by subtracting the shown parts from the shown total.
    fn subtracted(parts: &[i64], hidden: &(Vec<bool>, bool)) -> Option<i64> {
        if hidden.1 {
            return None;
        }
        let shown: i64 = parts.iter().zip(&hidden.0).filter(|(_, h)| !**h).map(|(n, _)| n).sum();
        Some(parts.iter().sum::<i64>() - shown)
    }

    #[test]
    fn one_small_unit_beside_a_total_hides_the_next_smallest_too() {
        // The naive rule hides only the 3; 33 − 10 − 20 would give it back.
        let parts = [3, 10, 20];
        let hidden = run(&parts);
        assert_eq!(hidden, (vec![true, true, false], false));
        assert_eq!(subtracted(&parts, &hidden), Some(13), "only a group of 13 can be had");
    }

    #[test]
    fn a_small_unit_alone_hides_the_total() {
        assert_eq!(run(&[3]), (vec![true], true));
        assert_eq!(run(&[3, 0]), (vec![true, false], true), "an empty part cannot cover it");
    }

    #[test]
    fn two_small_units_that_together_stay_small_take_a_third_with_them() {
        // Naive: hide 2 and 2, and 64 − 30 − 30 = 4 answers of two units are revealed together.
        let parts = [2, 2, 30, 31];
        let hidden = run(&parts);
        assert_eq!(hidden, (vec![true, true, true, false], false));
        assert!(subtracted(&parts, &hidden).unwrap() >= 5);
    }

    #[test]
    fn small_units_that_together_reach_the_minimum_hide_nothing_more() {
        assert_eq!(run(&[3, 4, 50]), (vec![true, true, false], false));
    }

    #[test]
    fn large_groups_and_empty_ones_are_shown() {
        assert_eq!(run(&[0, 10, 20]), (vec![false, false, false], false));
        assert_eq!(run(&[5, 7]), (vec![false, false], false));
        assert_eq!(run(&[]), (vec![], false));
    }

    #[test]
    fn a_small_total_hides_everything() {
        assert_eq!(run(&[1, 2]), (vec![true, true], true));
    }

    #[test]
    fn the_minimum_is_configured() {
        assert_eq!(suppress(&[7, 20], 27, 10), Hidden { parts: vec![true, true], total: false });
        assert_eq!(suppress(&[7, 20], 27, 5), Hidden { parts: vec![false, false], total: false });
    }

    #[test]
    fn no_shown_total_ever_gives_back_a_small_group() {
        // Every split of up to 4 parts of up to 12 answers: whatever is hidden together reaches
        // the minimum, and no small part is shown.
        let mut parts = vec![0i64; 4];
        for code in 0..13i64.pow(4) {
            let mut c = code;
            for p in parts.iter_mut() {
                *p = c % 13;
                c /= 13;
            }
            let hidden = run(&parts);
            for (n, h) in parts.iter().zip(&hidden.0) {
                assert!(*h || *n == 0 || *n >= 5, "{parts:?} shows a small part");
            }
            if let Some(rest) = subtracted(&parts, &hidden) {
                assert!(rest == 0 || rest >= 5, "{parts:?}: {rest} answers by subtraction");
            }
        }
    }
}
