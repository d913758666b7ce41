//! LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of long words
//! (more than six letters), and the bands Swedish readers know it by.

use serde::Serialize;

/// LIX of a text, or `None` when it has no words.
pub fn lix(words: usize, sentences: usize, long_words: usize) -> Option<f64> {
    if words == 0 || sentences == 0 {
        return None;
    }
    let (w, s, l) = (words as f64, sentences as f64, long_words as f64);
    Some(w / s + 100.0 * l / w)
}

/// The usual bands: under 25 … over 60.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LixBand {
    /// Under 25: barnböcker.
    VeryEasy,
    /// 25–30: enkla texter.
    Easy,
    /// 30–40: normaltext, skönlitteratur.
    Medium,
    /// 40–50: sakinformation.
    Difficult,
    /// 50–60: facktexter.
    VeryDifficult,
    /// Over 60: svåra facktexter, byråkratsvenska.
    Bureaucratic,
}

impl LixBand {
    pub fn of(lix: f64) -> LixBand {
        match lix {
            x if x < 25.0 => LixBand::VeryEasy,
            x if x < 30.0 => LixBand::Easy,
            x if x < 40.0 => LixBand::Medium,
            x if x < 50.0 => LixBand::Difficult,
            x if x < 60.0 => LixBand::VeryDifficult,
            _ => LixBand::Bureaucratic,
        }
    }

    /// The band's Swedish name, as Swedish readability tables give it.
    pub fn swedish_name(self) -> &'static str {
        match self {
            LixBand::VeryEasy => "Mycket lättläst, som barnböcker",
            LixBand::Easy => "Lättläst, som enkla texter och populärtidningar",
            LixBand::Medium => "Medelsvår, som normal tidningstext",
            LixBand::Difficult => "Svår, som sakinformation och officiella texter",
            LixBand::VeryDifficult => "Mycket svår, som facktexter",
            LixBand::Bureaucratic => "Mycket svår, byråkratsvenska",
        }
    }

    /// The catalogue key of the band's name in the user's language.
    pub fn message_key(self) -> &'static str {
        match self {
            LixBand::VeryEasy => "plain-lix-very-easy",
            LixBand::Easy => "plain-lix-easy",
            LixBand::Medium => "plain-lix-medium",
            LixBand::Difficult => "plain-lix-difficult",
            LixBand::VeryDifficult => "plain-lix-very-difficult",
            LixBand::Bureaucratic => "plain-lix-bureaucratic",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lix_is_words_per_sentence_plus_long_word_percentage() {
        // 20 words in 2 sentences, 5 long: 20/2 + 100·5/20 = 10 + 25 = 35.
        assert_eq!(lix(20, 2, 5), Some(35.0));
        assert_eq!(lix(0, 0, 0), None);
        assert_eq!(lix(3, 0, 0), None);
    }

    #[test]
    fn bands_have_their_edges() {
        assert_eq!(LixBand::of(24.9), LixBand::VeryEasy);
        assert_eq!(LixBand::of(25.0), LixBand::Easy);
        assert_eq!(LixBand::of(35.0), LixBand::Medium);
        assert_eq!(LixBand::of(40.0), LixBand::Difficult);
        assert_eq!(LixBand::of(59.9), LixBand::VeryDifficult);
        assert_eq!(LixBand::of(60.0), LixBand::Bureaucratic);
    }
}
