//! Swedish identity numbers, parsed strictly.
//!
//! - [`PersonalIdentityNumber`]: personnummer and samordningsnummer (Skatteverket SKV 704,
//!   folkbokföringslagen 18 §). These identify a person, so the type never shows the full number in
//!   `Debug` output and no [`ParseError`] ever contains the input: neither can leak into a log.
//! - [`OrganisationNumber`]: organisationsnummer of legal entities such as associations. They are
//!   public, so they print normally.
//! - [`luhn`]: the check-digit algorithm both use.
//!
//! No dependencies, no panics on any input.

mod date;
mod organisation;
mod personal;

use std::fmt;

pub use organisation::OrganisationNumber;
pub use personal::{IdentityKind, PersonalIdentityNumber};

/// The Luhn (modulus 10, weights 2 and 1) check digit for a run of ASCII digits.
///
/// Swedish personal and organisation numbers end in this digit, computed over the nine digits before
/// it, so a single mistyped digit or most swaps of neighbouring digits are caught. Weights start at 2
/// on the rightmost digit given, as in the general algorithm.
///
/// Returns `None` if `digits` is empty or holds anything other than `0`–`9`.
///
/// ```
/// assert_eq!(se_ids::luhn("811218987"), Some(6)); // 811218-9876
/// assert_eq!(se_ids::luhn("81121898x"), None);
/// ```
pub fn luhn(digits: impl AsRef<[u8]>) -> Option<u8> {
    let digits = digits.as_ref();
    if digits.is_empty() {
        return None;
    }
    let mut sum = 0u8; // kept modulo 10
    for (i, &c) in digits.iter().rev().enumerate() {
        if !c.is_ascii_digit() {
            return None;
        }
        let d = c - b'0';
        let term = if i % 2 == 0 {
            let doubled = d * 2;
            if doubled > 9 { doubled - 9 } else { doubled }
        } else {
            d
        };
        sum = (sum + term) % 10;
    }
    Some((10 - sum) % 10)
}

/// Why a text is not a valid number.
///
/// Messages are in English, fixed per variant and never contain the input, so an error can be logged
/// or shown without leaking a personal identity number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// Wrong length, a character that is not a digit, or a separator in the wrong place.
    BadFormat,
    /// The last digit is not the Luhn check digit of the others: most likely a typing mistake.
    BadChecksum,
    /// The date part is not a real calendar date (for a samordningsnummer: after subtracting 60
    /// from the day), or lies before 1800.
    BadDate,
    /// The date part lies after the reference date.
    FutureDate,
    /// The birth number (three digits after the date) is `000`, which is never assigned.
    BadSerial,
    /// An organisation number whose third digit is below 2: that is a personal identity number
    /// (a sole trader's), not the number of a legal entity.
    NotLegalEntity,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Keep these free of digits: a test checks that no message can echo a number.
        f.write_str(match self {
            Self::Empty => "no number was given",
            Self::BadFormat => "the number is not in a recognised format",
            Self::BadChecksum => "the check digit does not match; the number is probably mistyped",
            Self::BadDate => "the date in the number is not a valid date",
            Self::FutureDate => "the date in the number lies in the future",
            Self::BadSerial => "the birth number after the date cannot be all zeros",
            Self::NotLegalEntity => "the third digit of an organisation number must be two or higher",
        })
    }
}

impl std::error::Error for ParseError {}

/// Splits `NNNNNNNNNN` or `NNNNNN?NNNN` into its ten ASCII digits and the separator, if any.
/// The separator is returned unchecked; the caller decides which ones it accepts.
fn split_ten(b: &[u8]) -> Option<([u8; 10], Option<u8>)> {
    let (head, tail) = b.split_at_checked(6)?;
    let (sep, tail) = match tail {
        [_, _, _, _] => (None, tail),
        [sep, rest @ ..] if rest.len() == 4 => (Some(*sep), rest),
        _ => return None,
    };
    let mut digits = [0u8; 10];
    for (slot, &c) in digits.iter_mut().zip(head.iter().chain(tail)) {
        if !c.is_ascii_digit() {
            return None;
        }
        *slot = c;
    }
    Some((digits, sep))
}

/// The value of a run of ASCII digits already checked by [`split_ten`].
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, &c| n * 10 + u32::from(c.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_values() {
        // Skatteverket's worked examples.
        assert_eq!(luhn("811218987"), Some(6));
        assert_eq!(luhn("640823323"), Some(4));
        assert_eq!(luhn("121212121"), Some(2));
        // The general algorithm's textbook example, 7992739871 -> 3.
        assert_eq!(luhn(b"7992739871"), Some(3));
        assert_eq!(luhn("0"), Some(0));
        assert_eq!(luhn("000000000"), Some(0));
    }

    #[test]
    fn luhn_rejects_non_digits() {
        assert_eq!(luhn(""), None);
        assert_eq!(luhn("12a"), None);
        assert_eq!(luhn("12-3"), None);
        assert_eq!(luhn("１２"), None); // full-width digits are not ASCII
    }

    #[test]
    fn split_ten_shapes() {
        assert_eq!(split_ten(b"8112189876"), Some((*b"8112189876", None)));
        assert_eq!(split_ten(b"811218-9876"), Some((*b"8112189876", Some(b'-'))));
        assert_eq!(split_ten(b"811218+9876"), Some((*b"8112189876", Some(b'+'))));
        assert_eq!(split_ten(b"81121-89876"), None);
        // Any seventh byte is returned as the separator; callers decide which they accept.
        assert_eq!(split_ten(b"81121898765"), Some((*b"8112188765", Some(b'9'))));
        assert_eq!(split_ten(b"811218987"), None);
        assert_eq!(split_ten(b"811218--9876"), None);
        assert_eq!(split_ten(b""), None);
    }

    #[test]
    fn messages_have_no_digits() {
        for e in ALL_ERRORS {
            assert!(!e.to_string().bytes().any(|c| c.is_ascii_digit()), "{e:?}");
        }
    }

    pub(crate) const ALL_ERRORS: [ParseError; 7] = [
        ParseError::Empty,
        ParseError::BadFormat,
        ParseError::BadChecksum,
        ParseError::BadDate,
        ParseError::FutureDate,
        ParseError::BadSerial,
        ParseError::NotLegalEntity,
    ];
}
