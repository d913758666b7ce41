//! The booking reference a person can read out over the phone: 80 random bits in Crockford's
//! base 32 (no I, L, O or U), grouped in fours: `7K2M-QX9D-4HNB-W3RT`. It cannot be guessed or
//! counted through, and it is never a key to anything by itself: every page that shows a booking
//! still checks who is asking.

use rand::RngCore;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH: usize = 16;

/// A new reference, from the operating system's random generator.
pub fn new_reference() -> String {
    let mut bytes = [0u8; 10];
    rand::rng().fill_bytes(&mut bytes);
    encode(&bytes)
}

fn encode(bytes: &[u8; 10]) -> String {
    let mut bits: u128 = 0;
    for byte in bytes {
        bits = (bits << 8) | u128::from(*byte);
    }
    let chars: Vec<char> =
        (0..LENGTH).rev().map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 0x1f) as usize])).collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Reads a reference as typed: any case, with or without dashes or spaces, and the letters
/// people mistake for digits (O for 0, I and L for 1). `None` if it cannot be one.
pub fn normalise(typed: &str) -> Option<String> {
    let cleaned: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    let valid = cleaned.len() == LENGTH && cleaned.bytes().all(|b| ALPHABET.contains(&b));
    valid.then(|| {
        let chars: Vec<char> = cleaned.chars().collect();
        chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_four_groups_of_four_from_the_alphabet() {
        let reference = new_reference();
        assert_eq!(reference.len(), 19);
        assert_eq!(reference.matches('-').count(), 3);
        assert!(reference.bytes().filter(|b| *b != b'-').all(|b| ALPHABET.contains(&b)));
        assert_eq!(normalise(&reference), Some(reference));
    }

    #[test]
    fn every_bit_counts() {
        assert_eq!(encode(&[0; 10]), "0000-0000-0000-0000");
        assert_eq!(encode(&[0xff; 10]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        assert_eq!(encode(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), "0000-0000-0000-0001");
    }

    #[test]
    fn a_thousand_references_never_repeat() {
        let made: std::collections::HashSet<String> = (0..1000).map(|_| new_reference()).collect();
        assert_eq!(made.len(), 1000);
    }

    #[test]
    fn typed_references_are_forgiven_their_usual_mistakes() {
        assert_eq!(normalise("7k2m qx9d 4hnb w3rt"), Some("7K2M-QX9D-4HNB-W3RT".into()));
        assert_eq!(normalise("OIL0-0000-0000-0000"), Some("0110-0000-0000-0000".into()));
        assert_eq!(normalise("7K2M-QX9D-4HNB"), None, "too short");
        assert_eq!(normalise("7K2M-QX9D-4HNB-W3RU"), None, "U is not in the alphabet");
    }
}
