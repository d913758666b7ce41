//! Property tests over the public API.

use proptest::prelude::*;
use se_ids::{IdentityKind, OrganisationNumber, ParseError, PersonalIdentityNumber, luhn};

const ALL_ERRORS: [ParseError; 7] = [
    ParseError::Empty,
    ParseError::BadFormat,
    ParseError::BadChecksum,
    ParseError::BadDate,
    ParseError::FutureDate,
    ParseError::BadSerial,
    ParseError::NotLegalEntity,
];

/// `(year, month, day)`, as the crate takes and returns dates.
type Date = (i32, u32, u32);

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A reference date between 1990 and 2200.
fn reference() -> impl Strategy<Value = Date> {
    (1990..=2200i32, 1..=12u32).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
}

/// A reference date and a valid number for it: `(today, date, samordning, serial)`.
fn person() -> impl Strategy<Value = (Date, Date, bool, u32)> {
    reference().prop_flat_map(|today| {
        let date = (1800..=today.0, 1..=12u32)
            .prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
            .prop_filter("not after today", move |d| *d <= today);
        (Just(today), date, any::<bool>(), 1..=999u32)
    })
}

/// `YYYYMMDDNNNC` for a real date, with the day + 60 for a samordningsnummer.
fn twelve_digits((year, month, day): Date, samordning: bool, serial: u32) -> String {
    let day = if samordning { day + 60 } else { day };
    let body = format!("{:02}{month:02}{day:02}{serial:03}", year % 100);
    let check = luhn(&body).unwrap();
    format!("{year:04}{month:02}{day:02}{serial:03}{check}")
}

fn assert_fixed_message(err: ParseError) -> Result<(), TestCaseError> {
    prop_assert!(ALL_ERRORS.iter().any(|e| e.to_string() == err.to_string()));
    prop_assert!(!err.to_string().bytes().any(|c| c.is_ascii_digit()));
    let debug = format!("{err:?}");
    prop_assert!(!debug.bytes().any(|c| c.is_ascii_digit()));
    Ok(())
}

proptest! {
    #[test]
    fn every_accepted_form_parses_to_the_same_number(
        (today, date, samordning, serial) in person()
    ) {
        let twelve = twelve_digits(date, samordning, serial);
        let parse = |s: &str| PersonalIdentityNumber::parse_with_reference(s, today);
        let n = parse(&twelve).unwrap();
        prop_assert_eq!(n.birth_date(), date);
        prop_assert_eq!(n.digits12(), twelve.clone());
        let kind = if samordning { IdentityKind::Samordningsnummer } else { IdentityKind::Personnummer };
        prop_assert_eq!(n.kind(), kind);
        prop_assert_eq!(n.legal_sex_digit_is_odd(), serial % 2 == 1);
        prop_assert_eq!(n.masked(), format!("{}-****", &twelve[..8]));

        let hyphen = format!("{}-{}", &twelve[..8], &twelve[8..]);
        prop_assert_eq!(parse(&hyphen), Ok(n.clone()));
        prop_assert_eq!(parse(&format!(" {hyphen}\t")), Ok(n.clone()));

        // The 10-digit form exists while the person is under 200 in calendar years.
        let age = today.0 - date.0;
        let sep = match age { 0..=99 => Some("-"), 100..=199 => Some("+"), _ => None };
        if let Some(sep) = sep {
            let short = format!("{}{sep}{}", &twelve[2..8], &twelve[8..]);
            prop_assert_eq!(parse(&short), Ok(n.clone()));
            if sep == "-" {
                prop_assert_eq!(parse(&twelve[2..]), Ok(n.clone()));
            }
        }
    }

    #[test]
    fn display_round_trips((today, date, samordning, serial) in person()) {
        let parse = |s: &str| PersonalIdentityNumber::parse_with_reference(s, today);
        let n = parse(&twelve_digits(date, samordning, serial)).unwrap();
        prop_assert_eq!(parse(&n.to_string()), Ok(n.clone()));
        prop_assert_eq!(parse(&n.digits12()), Ok(n));
    }

    #[test]
    fn any_single_digit_change_is_caught(
        (today, date, samordning, serial) in person(),
        position in 0..12usize,
        replacement in 0..=9u8,
    ) {
        let twelve = twelve_digits(date, samordning, serial);
        let parse = |s: &str| PersonalIdentityNumber::parse_with_reference(s, today);
        let original = parse(&twelve).unwrap();
        let mut changed = twelve.clone().into_bytes();
        prop_assume!(changed[position] != b'0' + replacement);
        changed[position] = b'0' + replacement;
        let changed = String::from_utf8(changed).unwrap();
        let result = parse(&changed);
        if position < 2 {
            // The century is outside the check digit: another valid number at best, never the same.
            prop_assert_ne!(result, Ok(original));
        } else {
            prop_assert_eq!(result, Err(ParseError::BadChecksum));
            // Likewise in the 10-digit form.
            prop_assert_eq!(parse(&changed[2..]), Err(ParseError::BadChecksum));
        }
    }

    #[test]
    fn debug_never_shows_digits((today, date, samordning, serial) in person()) {
        let n = PersonalIdentityNumber::parse_with_reference(
            &twelve_digits(date, samordning, serial),
            today,
        )
        .unwrap();
        let debug = format!("{n:?} {n:#?} {:?}", Some(&n));
        prop_assert!(!debug.bytes().any(|c| c.is_ascii_digit()), "{}", debug);
    }

    #[test]
    fn errors_never_echo_number_like_input(
        input in "[ 0-9+-]{0,16}",
        today in reference(),
    ) {
        if let Err(e) = PersonalIdentityNumber::parse_with_reference(&input, today) {
            assert_fixed_message(e)?;
        }
        if let Err(e) = OrganisationNumber::parse(&input) {
            assert_fixed_message(e)?;
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(
        input in any::<String>(),
        today in (any::<i32>(), any::<u32>(), any::<u32>()),
    ) {
        if let Err(e) = PersonalIdentityNumber::parse_with_reference(&input, today) {
            assert_fixed_message(e)?;
        }
        if let Err(e) = OrganisationNumber::parse(&input) {
            assert_fixed_message(e)?;
        }
        let _ = input.parse::<PersonalIdentityNumber>();
        let _ = luhn(&input);
    }

    #[test]
    fn near_valid_strings_never_panic(
        input in "[ \t0-9+\\-a-z\u{e5}\u{ff10}]{0,14}",
        today in (any::<i32>(), any::<u32>(), any::<u32>()),
    ) {
        let _ = PersonalIdentityNumber::parse_with_reference(&input, today);
        let _ = OrganisationNumber::parse(&input);
    }

    #[test]
    fn organisation_numbers_parse_in_every_form(body in "[0-9]{2}[2-9][0-9]{6}") {
        let check = luhn(&body).unwrap();
        let ten = format!("{body}{check}");
        let n = OrganisationNumber::parse(&ten).unwrap();
        let hyphen = format!("{}-{}", &ten[..6], &ten[6..]);
        prop_assert_eq!(n.to_string(), hyphen.clone());
        prop_assert_eq!(n.digits10(), ten.clone());
        for form in [hyphen.clone(), format!("16{ten}"), format!("16{hyphen}"), format!(" {hyphen} ")] {
            prop_assert_eq!(OrganisationNumber::parse(&form), Ok(n));
        }
        prop_assert_eq!(OrganisationNumber::parse(&n.to_string()), Ok(n));
    }

    #[test]
    fn organisation_single_digit_change_is_caught(
        body in "[0-9]{2}[2-9][0-9]{6}",
        position in 0..10usize,
        replacement in 0..=9u8,
    ) {
        let mut digits = format!("{body}{}", luhn(&body).unwrap()).into_bytes();
        prop_assume!(digits[position] != b'0' + replacement);
        digits[position] = b'0' + replacement;
        let changed = String::from_utf8(digits).unwrap();
        prop_assert_eq!(OrganisationNumber::parse(&changed), Err(ParseError::BadChecksum));
    }

    #[test]
    fn organisation_third_digit_below_two_is_rejected(body in "[0-9]{2}[01][0-9]{6}") {
        let ten = format!("{body}{}", luhn(&body).unwrap());
        prop_assert_eq!(OrganisationNumber::parse(&ten), Err(ParseError::NotLegalEntity));
    }
}
