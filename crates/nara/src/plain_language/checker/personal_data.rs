//! Personal data a text meant for many readers must not carry: personnummer and
//! samordningsnummer (valid date and Luhn check digit, through `se-ids`), Swedish phone numbers
//! and e-mail addresses. Only where they are is reported, never the value itself.

use serde::Serialize;

use se_ids::PersonalIdentityNumber;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDataKind {
    PersonalIdentityNumber,
    PhoneNumber,
    EmailAddress,
}

impl PersonalDataKind {
    pub fn message_key(self) -> &'static str {
        match self {
            PersonalDataKind::PersonalIdentityNumber => "plain-personal-pnr",
            PersonalDataKind::PhoneNumber => "plain-personal-phone",
            PersonalDataKind::EmailAddress => "plain-personal-email",
        }
    }
}

/// Where a piece of personal data is (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PersonalDataHit {
    pub kind: PersonalDataKind,
    pub start: usize,
    pub end: usize,
}

/// Every personnummer, phone number and e-mail address in `text`, in order.
pub fn find(text: &str) -> Vec<PersonalDataHit> {
    let mut hits = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let boundary = at == 0 || !is_word_byte(bytes[at - 1]);
        let found = if boundary && (bytes[at].is_ascii_digit() || bytes[at] == b'+') {
            personal_number(text, at).or_else(|| phone_number(text, at))
        } else {
            None
        };
        match found {
            Some(hit) => {
                at = hit.end;
                hits.push(hit);
            }
            None => at += 1,
        }
    }
    hits.extend(emails(text));
    hits.sort_by_key(|h| h.start);
    hits
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYMMDDNNNN`, `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`, not inside a
/// longer number.
fn personal_number(text: &str, at: usize) -> Option<PersonalDataHit> {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let first = digits(at);
    let end = match first {
        10 | 12 => at + first,
        6 | 8 if matches!(bytes.get(at + first), Some(b'-' | b'+')) && digits(at + first + 1) == 4 => {
            at + first + 5
        }
        _ => return None,
    };
    if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    PersonalIdentityNumber::parse(&text[at..end]).ok()?;
    Some(PersonalDataHit { kind: PersonalDataKind::PersonalIdentityNumber, start: at, end })
}

/// A Swedish number: "0" or "+46" and then 7–9 more digits, with single spaces or hyphens
/// between groups ("042-10 50 00", "070-123 45 67", "+46 42 10 50 00").
fn phone_number(text: &str, at: usize) -> Option<PersonalDataHit> {
    let bytes = text.as_bytes();
    let (mut i, mut count) = if text[at..].starts_with("+46") {
        (at + 3, 0)
    } else if bytes[at] == b'0' {
        (at + 1, 0)
    } else {
        return None;
    };
    let mut end = i;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {
                count += 1;
                i += 1;
                end = i;
            }
            b' ' | b'-' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && count < 9 => i += 1,
            _ => break,
        }
    }
    let followed_by_word = bytes.get(end).is_some_and(|&b| is_word_byte(b));
    ((7..=9).contains(&count) && !followed_by_word).then_some(PersonalDataHit {
        kind: PersonalDataKind::PhoneNumber,
        start: at,
        end,
    })
}

fn emails(text: &str) -> Vec<PersonalDataHit> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut hits = Vec::new();
    let mut last_end = 0;
    for (at, _) in text.match_indices('@') {
        if at < last_end {
            continue;
        }
        let start = at - bytes[..at].iter().rev().take_while(|&&b| local(b)).count();
        let mut end = at + 1 + bytes[at + 1..].iter().take_while(|&&b| domain(b)).count();
        while end > at + 1 && bytes[end - 1] == b'.' {
            end -= 1; // the full stop of the sentence
        }
        let host = &text[at + 1..end];
        let dot = host.rfind('.');
        if start < at && dot.is_some_and(|d| d > 0 && host.len() - d > 2) {
            hits.push(PersonalDataHit { kind: PersonalDataKind::EmailAddress, start, end });
            last_end = end;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(PersonalDataKind, &str)> {
        find(text).into_iter().map(|h| (h.kind, &text[h.start..h.end])).collect()
    }

    #[test]
    fn personnummer_need_a_valid_check_digit() {
        // 811218-9876 is valid (Skatteverket's example); 811218-9875 fails the Luhn check.
        assert_eq!(
            kinds("Anna, 811218-9876, ringde. Fel: 811218-9875. Ny: 198112189876."),
            [
                (PersonalDataKind::PersonalIdentityNumber, "811218-9876"),
                (PersonalDataKind::PersonalIdentityNumber, "198112189876"),
            ]
        );
        // Inside a longer number it is not one.
        assert!(kinds("Order 18112189876123").is_empty());
    }

    #[test]
    fn phone_numbers_and_emails() {
        // Three phone numbers and one address, hand-checked.
        assert_eq!(
            kinds(
                "Ring 042-10 50 00 eller 070-123 45 67, +46 42 10 50 00. Mejla david.bergstrom@helsingborg.se."
            ),
            [
                (PersonalDataKind::PhoneNumber, "042-10 50 00"),
                (PersonalDataKind::PhoneNumber, "070-123 45 67"),
                (PersonalDataKind::PhoneNumber, "+46 42 10 50 00"),
                (PersonalDataKind::EmailAddress, "david.bergstrom@helsingborg.se"),
            ]
        );
    }

    #[test]
    fn years_amounts_and_bare_at_signs_are_not_personal_data() {
        assert!(kinds("År 2022 kostade det 1 500 kr, 35 dagar. Vi ses @ kl 10. a@b").is_empty());
    }
}
