//! Organisationsnummer.

use std::fmt;
use std::str::FromStr;

use crate::{ParseError, luhn, split_ten};

/// A valid Swedish organisation number of a legal entity, such as an association (ideell förening).
///
/// Accepts `NNNNNNNNNN` and `NNNNNN-NNNN`, and the 12-digit forms `16NNNNNNNNNN` and
/// `16NNNNNN-NNNN` that registers use to give organisations the same length as personal numbers
/// (`16` is a fictitious century). Surrounding whitespace is ignored. `Display` gives `NNNNNN-NNNN`.
///
/// Organisation numbers are public, so unlike [`PersonalIdentityNumber`](crate::PersonalIdentityNumber)
/// this type shows its number in `Debug`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrganisationNumber([u8; 10]); // ASCII digits

impl OrganisationNumber {
    /// Parses an organisation number.
    ///
    /// Besides the Luhn check digit, the third digit must be 2 or higher: a sole trader's number is
    /// their personnummer, whose third digit (the tens of the month) is 0 or 1, and that is not the
    /// number of a legal entity ([`ParseError::NotLegalEntity`]).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ParseError::Empty);
        }
        let bytes = input.as_bytes();
        let ten = match bytes {
            [b'1', b'6', rest @ ..] if matches!(bytes.len(), 12 | 13) => rest,
            _ => bytes,
        };
        let digits = match split_ten(ten) {
            Some((digits, None | Some(b'-'))) => digits,
            _ => return Err(ParseError::BadFormat),
        };
        let (body, check) = digits.split_at(9);
        if luhn(body).map(|c| c + b'0') != check.first().copied() {
            return Err(ParseError::BadChecksum);
        }
        if digits[2] < b'2' {
            return Err(ParseError::NotLegalEntity);
        }
        Ok(Self(digits))
    }

    /// The ten digits without separator: the form to store.
    pub fn digits10(&self) -> String {
        self.0.iter().map(|&c| char::from(c)).collect()
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.digits10();
        let (head, tail) = digits.split_at(6);
        write!(f, "{head}-{tail}")
    }
}

impl fmt::Debug for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrganisationNumber({self})")
    }
}

impl FromStr for OrganisationNumber {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ParseError::*;

    #[test]
    fn public_examples_in_every_form() {
        // Skatteverket: 202100544 -> 4+0+4+1+0+0+1+4+8 = 22 -> check digit 8.
        let skv = OrganisationNumber::parse("202100-5448").unwrap();
        for form in ["2021005448", "202100-5448", "162021005448", "16202100-5448", " 202100-5448\n"] {
            assert_eq!(OrganisationNumber::parse(form), Ok(skv), "{form}");
        }
        assert_eq!(skv.to_string(), "202100-5448");
        assert_eq!(skv.digits10(), "2021005448");
        assert_eq!(format!("{skv:?}"), "OrganisationNumber(202100-5448)");
        // Stockholms stad.
        assert!(OrganisationNumber::parse("212000-0142").is_ok());
        // An association-style number (group 8).
        assert_eq!("802012-3454".parse::<OrganisationNumber>().unwrap().to_string(), "802012-3454");
    }

    #[test]
    fn wrong_check_digit() {
        assert_eq!(OrganisationNumber::parse("802012-3456"), Err(BadChecksum));
        assert_eq!(OrganisationNumber::parse("202100-5447"), Err(BadChecksum));
        assert_eq!(OrganisationNumber::parse("16202100-5449"), Err(BadChecksum));
    }

    #[test]
    fn personnummer_is_not_a_legal_entity() {
        assert_eq!(OrganisationNumber::parse("811218-9876"), Err(NotLegalEntity));
        assert_eq!(OrganisationNumber::parse("640823-3234"), Err(NotLegalEntity));
    }

    #[test]
    fn bad_formats() {
        assert_eq!(OrganisationNumber::parse(""), Err(Empty));
        assert_eq!(OrganisationNumber::parse("  "), Err(Empty));
        for form in [
            "202100544",      // 9 digits
            "20210054480",    // 11 digits
            "202100+5448",    // `+` is for personnummer only
            "20210-05448",    // separator one early
            "2021005-448",    // separator one late
            "202100 5448",    // space
            "19202100-5448",  // another century than 16
            "1620210054480",  // 13 digits
            "16-202100-5448", // separator after the prefix
            "162021-005448",  // separator after 6 of 12
            "20210O-5448",    // letter O
            "16202100+5448",
        ] {
            assert_eq!(OrganisationNumber::parse(form), Err(BadFormat), "{form}");
        }
    }
}
