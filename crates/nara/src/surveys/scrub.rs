//! Free-text answers are stored only after what could name a person is taken out: personnummer
//! and phone numbers (any run of seven or more digits, which also takes full dates — they can
//! point at a person too), e-mail addresses, and the names the system knows around the answer.

/// What a removed part is replaced with.
pub const REMOVED: &str = "[borttaget]";

/// The fewest digits in a run that is removed: a phone number without area code has seven.
const MIN_DIGITS: usize = 7;

/// `text` without personnummer, phone numbers, e-mail addresses or any word of `names`
/// (compared whole-word and case-insensitively; each part of a name on its own too, so
/// "Anna" goes as well as "Anna Berg").
pub fn scrub(text: &str, names: &[String]) -> String {
    let words: Vec<String> = names
        .iter()
        .flat_map(|name| name.split(|c: char| !c.is_alphabetic()))
        .filter(|part| part.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let without_addresses = remove_addresses(text);
    let without_numbers = remove_numbers(&without_addresses);
    remove_words(&without_numbers, &words)
}

/// Each whitespace-separated piece holding an `@` with a dot after it.
fn remove_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let piece = &rest[..end];
        let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let is_address = core.find('@').is_some_and(|at| at > 0 && core[at + 1..].contains('.'));
        if is_address {
            // Keep the punctuation around it ("(a@b.se)," stays "([borttaget]),").
            let lead = piece.find(core).unwrap_or(0);
            out.push_str(&piece[..lead]);
            out.push_str(REMOVED);
            out.push_str(&piece[lead + core.len()..]);
        } else {
            out.push_str(piece);
        }
        rest = &rest[end..];
    }
    out
}

/// Runs of digits with the separators numbers are written with (space, `-`, `+`, `(`, `)`, `/`,
/// `.`) holding at least `MIN_DIGITS` digits.
fn remove_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            || ("+(".contains(chars[i]) && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts_number {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Extend over digits and separators; the run ends at its last digit.
        let (mut j, mut last_digit, mut digits) = (i, i, 0);
        while j < chars.len() && (chars[j].is_ascii_digit() || " -+()/.".contains(chars[j])) {
            if chars[j].is_ascii_digit() {
                digits += 1;
                last_digit = j;
            }
            j += 1;
        }
        if digits >= MIN_DIGITS {
            out.push_str(REMOVED);
        } else {
            out.extend(&chars[i..=last_digit]);
        }
        i = last_digit + 1;
    }
    out
}

/// Whole words (letters, as a person's name is written) that are in `words`.
fn remove_words(text: &str, words: &[String]) -> String {
    if words.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(if words.contains(&word.to_lowercase()) { REMOVED } else { word });
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        scrub(text, &["Anna Berg".to_string(), "Åsa Öberg-Lind".to_string()])
    }

    #[test]
    fn personnummer_in_every_spelling_goes() {
        for pnr in ["19850312-1234", "850312-1234", "198503121234", "8503121234", "850312+1234"] {
            assert_eq!(clean(&format!("Mitt nummer är {pnr}.")), "Mitt nummer är [borttaget].", "{pnr}");
        }
    }

    #[test]
    fn phone_numbers_go_but_short_numbers_stay() {
        for phone in ["070-123 45 67", "+46 70 123 45 67", "08-123 456 78", "042-10 60 00", "(08) 1234567"] {
            assert_eq!(clean(&format!("Ring {phone} i morgon")), "Ring [borttaget] i morgon", "{phone}");
        }
        assert_eq!(
            clean("Jag väntade 3 veckor och 12 dagar, 2025."),
            "Jag väntade 3 veckor och 12 dagar, 2025."
        );
    }

    #[test]
    fn addresses_go_with_their_punctuation_kept() {
        assert_eq!(clean("Skriv till (kalle.k@exempel.se), tack"), "Skriv till ([borttaget]), tack");
        assert_eq!(clean("kalle@exempel.se"), REMOVED);
        assert_eq!(clean("Vi ses @ kontoret."), "Vi ses @ kontoret.", "an @ alone is no address");
    }

    #[test]
    fn known_names_go_as_whole_words_in_any_case() {
        assert_eq!(
            clean("Anna Berg var bra, anna lyssnade."),
            "[borttaget] [borttaget] var bra, [borttaget] lyssnade."
        );
        assert_eq!(clean("ÅSA och öberg"), "[borttaget] och [borttaget]");
        assert_eq!(clean("Annas bror bor i Bergsjön"), "Annas bror bor i Bergsjön", "only whole words");
        assert_eq!(scrub("Anna", &[]), "Anna");
    }
}
