//! Words: maximal runs of letters and digits, joined across a hyphen between two of them
//! ("e-post", "LSS-insats"), with their byte positions.

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
    /// Letters only (digits and hyphens do not count), as LIX counts them.
    pub letters: usize,
}

/// A word has more than this many letters to be long (LIX's definition).
pub const LONG_WORD_LETTERS: usize = 6;
/// A word with at least this many letters is reported as a long compound.
pub const LONG_COMPOUND_LETTERS: usize = 16;

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut letters = usize::from(c.is_alphabetic());
        while let Some(&(at, next)) = chars.peek() {
            if next.is_alphanumeric() {
                letters += usize::from(next.is_alphabetic());
                end = at + next.len_utf8();
                chars.next();
            } else if next == '-' && text[at + 1..].chars().next().is_some_and(char::is_alphanumeric) {
                chars.next();
            } else {
                break;
            }
        }
        found.push(Word { text: &text[start..end], start, end, letters });
    }
    found
}

impl Word<'_> {
    pub fn is_long(&self) -> bool {
        self.letters > LONG_WORD_LETTERS
    }

    pub fn is_long_compound(&self) -> bool {
        self.letters >= LONG_COMPOUND_LETTERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_hyphenated_compounds_and_swedish_letters() {
        let text = "Skicka e-post till LSS-handläggaren, 3 gånger!";
        let found: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["Skicka", "e-post", "till", "LSS-handläggaren", "3", "gånger"]);
        let long = words(text).into_iter().find(|w| w.text == "LSS-handläggaren").unwrap();
        // L S S h a n d l ä g g a r e n = 15 letters; the hyphen is not one.
        assert_eq!(long.letters, 15);
        assert_eq!(&text[long.start..long.end], "LSS-handläggaren");
    }

    #[test]
    fn a_trailing_or_doubled_hyphen_does_not_join() {
        let found: Vec<&str> = words("för- och efternamn -- slut-").iter().map(|w| w.text).collect();
        assert_eq!(found, ["för", "och", "efternamn", "slut"]);
    }
}
