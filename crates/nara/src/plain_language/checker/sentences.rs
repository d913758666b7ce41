//! Sentence splitting that knows Swedish abbreviations: a full stop ends a sentence only when
//! whitespace (or the end) follows and it does not close an abbreviation such as "t.ex." or "kl.".
//! A blank line and a new list item ("•", "-", "*", "–") also end one, so headings and bullet
//! lists do not run into the next sentence.

use super::abbreviations::{MAY_END_SENTENCE, expansion};

/// Byte offsets of one sentence in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];
const BULLETS: &[char] = &['•', '-', '*', '–', '◦', '▪'];

/// The sentences of `text` as spans (some may hold no words: "…" alone; the caller drops those).
pub fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let next = at + c.len_utf8();
        if TERMINATORS.contains(&c) {
            let end =
                next + run_length(&text[next..], |ch| TERMINATORS.contains(&ch) || CLOSERS.contains(&ch));
            if ends_sentence(text, start, at, end) {
                push(&mut spans, text, start, end);
                start = end;
            }
            at = end;
        } else if c == '\n' && starts_new_block(&text[next..]) {
            push(&mut spans, text, start, at);
            start = next;
            at = next;
        } else {
            at = next;
        }
    }
    push(&mut spans, text, start, text.len());
    spans
}

fn run_length(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.chars().take_while(|&c| keep(c)).map(char::len_utf8).sum()
}

/// Whether the terminators at `at..end` close the sentence begun at `start`.
fn ends_sentence(text: &str, start: usize, at: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(following) = rest.chars().next() else { return true };
    if !following.is_whitespace() {
        return false; // "3.5", "nara.se", "t.ex" inside a token
    }
    let next_visible = rest.trim_start().chars().next();
    if text[at..end].starts_with('.') && at + 1 == end {
        let token = token_before(text, start, end);
        if expansion(token).is_some() || is_initial(token) {
            return MAY_END_SENTENCE.iter().any(|a| a.eq_ignore_ascii_case(token))
                && next_visible.is_some_and(char::is_uppercase);
        }
    }
    // A small letter after a full stop continues the sentence ("ca. fem", a missed abbreviation).
    !next_visible.is_some_and(char::is_lowercase)
}

/// The whitespace-separated token that ends at `end`, without opening brackets or quotes.
fn token_before(text: &str, start: usize, end: usize) -> &str {
    let before = &text[start..end];
    let from = before
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    before[from..].trim_start_matches(['(', '[', '"', '\'', '«', '“', '„'])
}

/// A single capital and a dot: an initial ("A. Svensson").
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A blank line, or a line that begins a list item.
fn starts_new_block(rest: &str) -> bool {
    let line = rest.trim_start_matches([' ', '\t', '\r']);
    line.starts_with('\n') || line.starts_with(BULLETS)
}

fn push(spans: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let trimmed = piece.trim_start();
    let start = start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if end > start {
        spans.push(Span { start, end });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        // Hand count: two sentences; "t.ex.", "bl.a.", "kl." and "s.k." end neither.
        assert_eq!(
            split("Ta med t.ex. en bok, bl.a. för barnen. Vi ses kl. 10 på det s.k. Hälsans hus."),
            ["Ta med t.ex. en bok, bl.a. för barnen.", "Vi ses kl. 10 på det s.k. Hälsans hus."]
        );
        assert_eq!(
            split("Gäller fr.o.m. 1 maj t.o.m. 30 juni, d.v.s. hela våren. Ring oss."),
            ["Gäller fr.o.m. 1 maj t.o.m. 30 juni, d.v.s. hela våren.", "Ring oss."]
        );
        assert_eq!(split("Se jfr. ovan, ca. 5 st. Klart!"), ["Se jfr. ovan, ca. 5 st. Klart!"]);
    }

    #[test]
    fn m_m_before_a_capital_ends_the_sentence() {
        assert_eq!(
            split("Vi har böcker, spel m.m. Sedan fikar vi."),
            ["Vi har böcker, spel m.m.", "Sedan fikar vi."]
        );
    }

    #[test]
    fn questions_exclamations_quotes_and_numbers() {
        assert_eq!(
            split("Vad är bra idag? ”Allt!” sa hon. Priset är 3.50 kr… Se nara.se."),
            ["Vad är bra idag?", "”Allt!” sa hon.", "Priset är 3.50 kr…", "Se nara.se."]
        );
    }

    #[test]
    fn blank_lines_and_list_items_end_sentences() {
        assert_eq!(
            split("Invånarreporter\n\nDet finns fem\n• Vad är bra\n• Vad kan bli bättre"),
            ["Invånarreporter", "Det finns fem", "• Vad är bra", "• Vad kan bli bättre"]
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(split("... !!"), ["...", "!!"]);
    }
}
