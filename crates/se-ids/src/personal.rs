//! Personnummer and samordningsnummer.

use std::fmt;
use std::str::FromStr;

use crate::{ParseError, date, luhn, number, split_ten};

/// The oldest birth year accepted: Skatteverket's register uses the centuries 18, 19 and 20.
const MIN_YEAR: i64 = 1800;

/// Added to the day of month to make a samordningsnummer, so it can never equal a personnummer.
const SAMORDNING_DAY_OFFSET: u32 = 60;

/// Which kind of personal identity number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdentityKind {
    /// Given to everyone who is or has been folkbokförd (registered as living) in Sweden.
    Personnummer,
    /// Given to people who need an identity number without being folkbokförda; the day of month is
    /// written plus 60 (day 61–91).
    Samordningsnummer,
}

/// A valid Swedish personnummer or samordningsnummer.
///
/// Parse with [`parse`](Self::parse), [`parse_with_reference`](Self::parse_with_reference) or
/// [`str::parse`]. `Display` gives the canonical 12-digit form `YYYYMMDD-NNNC`; store
/// [`digits12`](Self::digits12). `Debug` never shows the number, so the value is safe in logs and
/// panic messages; use [`masked`](Self::masked) when staff need a recognisable partial number.
///
/// Ordering is that of the 12-digit form, which is by the date in the number first.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonalIdentityNumber {
    year: u16,
    month: u8,
    /// As written: 1–31, or 61–91 for a samordningsnummer.
    day: u8,
    /// The birth number, 1–999.
    serial: u16,
    check: u8,
}

/// How the full year is found from a textual form.
enum Century {
    /// A 12-digit form states it.
    Given(u32),
    /// `-` or no separator in a 10-digit form: in the 100 years up to and including this one.
    Recent,
    /// `+` in a 10-digit form: 100 years earlier than [`Century::Recent`].
    Older,
}

impl PersonalIdentityNumber {
    /// Parses a number against today's date in UTC (from the system clock).
    ///
    /// Today's date matters only for 10-digit forms, which leave out the century, and for rejecting
    /// dates in the future. See [`parse_with_reference`](Self::parse_with_reference).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Self::parse_with_reference(input, date::today_utc())
    }

    /// Parses a number as it would be read on the date `today` (`(year, month, day)`).
    ///
    /// Accepted forms, with surrounding whitespace ignored:
    ///
    /// - `YYYYMMDDNNNC` and `YYYYMMDD-NNNC`;
    /// - `YYMMDD-NNNC` and `YYMMDDNNNC`: born in the 100 calendar years ending with `today`'s year;
    /// - `YYMMDD+NNNC`: born 100 years before that.
    ///
    /// The 10-digit form has no century, so the law (folkbokföringslagen 18 §) changes the `-` to a
    /// `+` from the calendar year in which the person turns 100: `251231+…` read in 2025 is
    /// 1925-12-31 even before that birthday, and `251231-…` read in 2025 is 2025-12-31, so a future
    /// date. The rule goes by the year, not the birthday, so a number written correctly is never read
    /// as a different person; one written by the birthday rule instead fails with
    /// [`ParseError::FutureDate`] in the months before the 100th birthday rather than resolving to
    /// someone else. A 10-digit form without separator is read as if it had `-`.
    pub fn parse_with_reference(input: &str, today: (i32, u32, u32)) -> Result<Self, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ParseError::Empty);
        }
        let (century, digits) = lex(input.as_bytes()).ok_or(ParseError::BadFormat)?;
        let (body, check) = digits.split_at(9);
        if luhn(body).map(|c| c + b'0') != check.first().copied() {
            return Err(ParseError::BadChecksum);
        }

        let yy = i64::from(number(&digits[0..2]));
        let today_year = i64::from(today.0);
        let recent = today_year - (today_year - yy).rem_euclid(100);
        let year = match century {
            Century::Given(c) => i64::from(c) * 100 + yy,
            Century::Recent => recent,
            Century::Older => recent - 100,
        };
        let month = number(&digits[2..4]);
        let day = number(&digits[4..6]);
        let real_day = match day {
            1..=31 => day,
            61..=91 => day - SAMORDNING_DAY_OFFSET,
            _ => return Err(ParseError::BadDate),
        };
        if !(MIN_YEAR..=9999).contains(&year) || real_day > date::days_in_month(year, month) {
            return Err(ParseError::BadDate);
        }
        if (year, month, real_day) > (today_year, today.1, today.2) {
            return Err(ParseError::FutureDate);
        }
        let serial = number(&digits[6..9]);
        if serial == 0 {
            return Err(ParseError::BadSerial);
        }

        // Every value was range-checked above, so these conversions cannot fail.
        let (Ok(year), Ok(month), Ok(day), Ok(serial), Ok(check)) = (
            u16::try_from(year),
            u8::try_from(month),
            u8::try_from(day),
            u16::try_from(serial),
            u8::try_from(number(check)),
        ) else {
            return Err(ParseError::BadFormat);
        };
        Ok(Self { year, month, day, serial, check })
    }

    /// Personnummer or samordningsnummer.
    pub fn kind(&self) -> IdentityKind {
        if u32::from(self.day) > SAMORDNING_DAY_OFFSET {
            IdentityKind::Samordningsnummer
        } else {
            IdentityKind::Personnummer
        }
    }

    /// The date in the number as `(year, month, day)`, with 60 taken off a samordningsnummer's day.
    ///
    /// This is normally the birth date, but not always: when a day's birth numbers run out,
    /// Skatteverket uses a nearby day of the same month, and a samordningsnummer may rest on an
    /// unverified date.
    pub fn birth_date(&self) -> (i32, u32, u32) {
        let day = match self.kind() {
            IdentityKind::Personnummer => u32::from(self.day),
            IdentityKind::Samordningsnummer => u32::from(self.day) - SAMORDNING_DAY_OFFSET,
        };
        (i32::from(self.year), u32::from(self.month), day)
    }

    /// The 12 digits without separator, `YYYYMMDDNNNC`: the form to store.
    pub fn digits12(&self) -> String {
        self.to_string().replace('-', "")
    }

    /// `YYYYMMDD-****`: the date part as written (a samordningsnummer keeps its day + 60) with the
    /// last four digits hidden, for showing to staff where a partial number helps recognition.
    pub fn masked(&self) -> String {
        format!("{:04}{:02}{:02}-****", self.year, self.month, self.day)
    }

    /// Whether the ninth digit, which records legal sex at assignment, is odd (odd: man, even: woman,
    /// in the register's terms).
    ///
    /// The digit does not change when a person's legal sex does, so it says nothing reliable about
    /// the person today; use it only where a rule explicitly refers to this digit.
    pub fn legal_sex_digit_is_odd(&self) -> bool {
        self.serial % 2 == 1
    }
}

/// Splits an accepted textual form into the century rule and the ten ASCII digits `YYMMDDNNNC`.
fn lex(b: &[u8]) -> Option<(Century, [u8; 10])> {
    let (century_digits, rest) = match b {
        [c1, c2, rest @ ..] if matches!(b.len(), 12 | 13) => (Some([*c1, *c2]), rest),
        _ => (None, b),
    };
    let (digits, sep) = split_ten(rest)?;
    let century = match (century_digits, sep) {
        (Some(c), None | Some(b'-')) if c.iter().all(u8::is_ascii_digit) => Century::Given(number(&c)),
        (None, None | Some(b'-')) => Century::Recent,
        (None, Some(b'+')) => Century::Older,
        _ => return None,
    };
    Some((century, digits))
}

impl fmt::Display for PersonalIdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}{:02}{:02}-{:03}{}", self.year, self.month, self.day, self.serial, self.check)
    }
}

/// Never shows the number, so it cannot reach a log through `{:?}`.
impl fmt::Debug for PersonalIdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonalIdentityNumber(****)")
    }
}

/// Parses against today's date; see [`PersonalIdentityNumber::parse`].
impl FromStr for PersonalIdentityNumber {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ParseError::*;

    const REF: (i32, u32, u32) = (2025, 6, 15);

    fn parse(s: &str) -> Result<PersonalIdentityNumber, ParseError> {
        PersonalIdentityNumber::parse_with_reference(s, REF)
    }

    /// `YYYYMMDD-NNNC` with the right check digit, for a date part as written and a birth number.
    fn valid(year: u32, month: u32, day: u32, serial: u32) -> String {
        let body = format!("{:02}{month:02}{day:02}{serial:03}", year % 100);
        let check = luhn(&body).expect("digits");
        format!("{year:04}{month:02}{day:02}-{serial:03}{check}")
    }

    #[test]
    fn skatteverket_example_in_every_form() {
        // 811218987 -> 7+1+2+2+2+8+9+8+5 = 44 -> check digit 10 - 4 = 6.
        let expected = parse("19811218-9876").unwrap();
        for form in [
            "198112189876",
            "19811218-9876",
            "8112189876",
            "811218-9876",
            " \t19811218-9876\n",
            "  811218-9876  ",
        ] {
            assert_eq!(parse(form), Ok(expected.clone()), "{form}");
        }
        assert_eq!(expected.to_string(), "19811218-9876");
        assert_eq!(expected.digits12(), "198112189876");
        assert_eq!(expected.masked(), "19811218-****");
        assert_eq!(expected.birth_date(), (1981, 12, 18));
        assert_eq!(expected.kind(), IdentityKind::Personnummer);
        assert!(expected.legal_sex_digit_is_odd());
        assert_eq!(parse("121212-1212").unwrap().to_string(), "20121212-1212");
        assert!(!parse(&valid(1981, 12, 18, 122)).unwrap().legal_sex_digit_is_odd());
        assert_eq!(parse("640823-3234").unwrap().birth_date(), (1964, 8, 23));
    }

    #[test]
    fn wrong_check_digit() {
        for form in ["19811218-9875", "198112189870", "811218-9877", "8112189879"] {
            assert_eq!(parse(form), Err(BadChecksum), "{form}");
        }
        // Swapped neighbouring digits.
        assert_eq!(parse("19811218-9786"), Err(BadChecksum));
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(parse(&valid(2000, 2, 29, 123)).unwrap().birth_date(), (2000, 2, 29));
        assert_eq!(parse(&valid(2024, 2, 29, 123)).unwrap().birth_date(), (2024, 2, 29));
        assert_eq!(parse(&valid(1904, 2, 29, 123)).unwrap().birth_date(), (1904, 2, 29));
        assert_eq!(parse(&valid(1900, 2, 29, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 2, 29, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 2, 30, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 4, 31, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 1, 32, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 1, 0, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 0, 1, 123)), Err(BadDate));
        assert_eq!(parse(&valid(2023, 13, 1, 123)), Err(BadDate));
        assert_eq!(parse(&valid(1799, 12, 31, 123)), Err(BadDate));
        assert_eq!(parse(&valid(1800, 1, 1, 123)).unwrap().birth_date(), (1800, 1, 1));
    }

    #[test]
    fn short_form_leap_day_depends_on_century() {
        // 000229: 2000-02-29 with `-`, 1900-02-29 (no such day) with `+`.
        let short = &valid(2000, 2, 29, 123)[2..];
        assert_eq!(parse(short).unwrap().birth_date(), (2000, 2, 29));
        assert_eq!(parse(&short.replace('-', "+")), Err(BadDate));
    }

    #[test]
    fn samordningsnummer() {
        let n = parse(&valid(1981, 12, 78, 987)).unwrap();
        assert_eq!(n.kind(), IdentityKind::Samordningsnummer);
        assert_eq!(n.birth_date(), (1981, 12, 18));
        assert_eq!(n.masked(), "19811278-****");
        assert_eq!(n.to_string(), valid(1981, 12, 78, 987));
        assert_eq!(parse(&valid(1981, 12, 61, 987)).unwrap().birth_date(), (1981, 12, 1));
        assert_eq!(parse(&valid(1981, 12, 91, 987)).unwrap().birth_date(), (1981, 12, 31));
        assert_eq!(parse(&valid(2000, 2, 89, 987)).unwrap().birth_date(), (2000, 2, 29));
        for (y, m, d) in [(1981, 12, 60), (1981, 12, 92), (1981, 11, 91), (1900, 2, 89), (1981, 1, 45)] {
            assert_eq!(parse(&valid(y, m, d, 987)), Err(BadDate), "{y} {m} {d}");
        }
        // Future by its real date, not by the written day.
        assert_eq!(parse(&valid(2025, 6, 75, 987)).unwrap().birth_date(), (2025, 6, 15));
        assert_eq!(parse(&valid(2025, 6, 76, 987)), Err(FutureDate));
    }

    #[test]
    fn century_of_short_forms() {
        // Reference date 2025-06-15: `-` covers 1926..=2025, `+` covers 1826..=1925.
        let year = |y: u32, m: u32, d: u32, sep: &str| {
            let short = valid(y, m, d, 123)[2..].replace('-', sep);
            parse(&short).map(|n| n.birth_date().0)
        };
        assert_eq!(year(2025, 1, 1, "-"), Ok(2025));
        assert_eq!(year(2025, 6, 15, "-"), Ok(2025)); // born on the reference date
        assert_eq!(year(2025, 6, 15, ""), Ok(2025));
        assert_eq!(year(2025, 6, 16, "-"), Err(FutureDate));
        assert_eq!(year(2025, 12, 31, "-"), Err(FutureDate));
        assert_eq!(year(1926, 1, 1, "-"), Ok(1926));
        assert_eq!(year(1926, 1, 1, "+"), Ok(1826));
        assert_eq!(year(1999, 7, 1, "-"), Ok(1999));
        // Turns 100 in 2025: `+` all year, before and after the birthday.
        assert_eq!(year(1925, 1, 1, "+"), Ok(1925));
        assert_eq!(year(1925, 6, 15, "+"), Ok(1925));
        assert_eq!(year(1925, 12, 31, "+"), Ok(1925));
        assert_eq!(year(1826, 1, 1, "+"), Ok(1826));
    }

    #[test]
    fn century_boundary_at_new_year() {
        let short = &valid(1925, 12, 31, 123)[2..];
        let at = |today| PersonalIdentityNumber::parse_with_reference(short, today);
        assert_eq!(at((2024, 12, 31)).unwrap().birth_date().0, 1925); // turns 99: `-`
        assert_eq!(at((2025, 1, 1)), Err(FutureDate)); // turns 100 this year: must be `+`
        let plus = short.replace('-', "+");
        let at_plus = |today| PersonalIdentityNumber::parse_with_reference(&plus, today);
        assert_eq!(at_plus((2024, 12, 31)).unwrap().birth_date().0, 1825);
        assert_eq!(at_plus((2025, 1, 1)).unwrap().birth_date().0, 1925);
    }

    #[test]
    fn future_dates() {
        assert_eq!(parse(&valid(2025, 6, 15, 123)).unwrap().birth_date(), (2025, 6, 15));
        assert_eq!(parse(&valid(2025, 6, 16, 123)), Err(FutureDate));
        assert_eq!(parse(&valid(2026, 1, 1, 123)), Err(FutureDate));
        assert_eq!(parse(&valid(9999, 12, 31, 123)), Err(FutureDate));
    }

    #[test]
    fn birth_number_zero_is_never_assigned() {
        assert_eq!(parse(&valid(1981, 12, 18, 0)), Err(BadSerial));
        assert!(parse(&valid(1981, 12, 18, 1)).is_ok());
        assert!(parse(&valid(1981, 12, 18, 999)).is_ok());
    }

    #[test]
    fn bad_formats() {
        assert_eq!(parse(""), Err(Empty));
        assert_eq!(parse(" \t\n"), Err(Empty));
        for form in [
            "1",
            "811218987",                 // 9 digits
            "81121898761",               // 11 digits
            "1981121898761",             // 13 digits
            "19811218987",               // 11 digits
            "198112-189876",             // separator after 6 of 12
            "1981121-89876",             // separator one early
            "198112189-876",             // separator one late
            "81121-89876",               // separator one early, 10 digits
            "8112189-876",               // separator one late, 10 digits
            "19811218+9876",             // `+` only belongs to the 10-digit form
            "19811218 9876",             // space as separator
            "811218 9876",               // space as separator
            "19811218--9876",            // two separators
            "811218-+9876",              // two separators
            "811218_9876",               // other separator
            "811218–9876",               // en dash
            "-8112189876",               // leading sign
            "+811218-9876",              // leading sign
            "19811218-987a",             // letter
            "A9811218-9876",             // letter in the century
            "1981 1218-9876",            // internal space
            "１９８１１２１８-９８７６", // full-width digits
            "19811218-9876\u{0}",
            "198112189876198112189876",
        ] {
            assert!(matches!(parse(form), Err(BadFormat | BadChecksum)), "{form:?} gave {:?}", parse(form));
        }
        // Those that are the right shape but wrong digits are checksum errors; the rest format errors.
        assert_eq!(parse("19811218+9876"), Err(BadFormat));
        assert_eq!(parse("19811218 9876"), Err(BadFormat));
        assert_eq!(parse("811218_9876"), Err(BadFormat));
        assert_eq!(parse("１９８１１２１８-９８７６"), Err(BadFormat));
    }

    #[test]
    fn debug_hides_the_number() {
        let n = parse("19811218-9876").unwrap();
        assert_eq!(format!("{n:?}"), "PersonalIdentityNumber(****)");
        assert_eq!(format!("{:?}", Some(&n)), "Some(PersonalIdentityNumber(****))");
    }

    #[test]
    fn ordering_follows_the_twelve_digits() {
        let mut v: Vec<_> =
            ["19811218-9876", "121212-1212", "640823-3234"].iter().map(|s| parse(s).unwrap()).collect();
        v.sort();
        let sorted: Vec<_> = v.iter().map(|n| n.digits12()).collect();
        assert_eq!(sorted, ["196408233234", "198112189876", "201212121212"]);
    }

    #[test]
    fn from_str_uses_today() {
        let n: PersonalIdentityNumber = "19811218-9876".parse().unwrap();
        assert_eq!(n.birth_date(), (1981, 12, 18));
        assert_eq!("811218-9876".parse::<PersonalIdentityNumber>(), Ok(n));
        assert!("99991231-0000".parse::<PersonalIdentityNumber>().is_err());
    }

    #[test]
    fn extreme_reference_dates_do_not_panic() {
        for today in [(i32::MIN, 0, 0), (i32::MAX, u32::MAX, u32::MAX), (0, 1, 1), (-1, 12, 31)] {
            for form in ["811218-9876", "811218+9876", "8112189876", "19811218-9876"] {
                let _ = PersonalIdentityNumber::parse_with_reference(form, today);
            }
        }
    }
}
