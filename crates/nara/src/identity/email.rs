//! A validated e-mail address, kept lower-case so that one address is one account.

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Accepts what people type (surrounding spaces, capitals) and refuses what cannot be
    /// an address. Deliberately simple: the verification e-mail is the real test.
    pub fn parse(input: &str) -> Option<Self> {
        let address = input.trim().to_lowercase();
        let (local, domain) = address.split_once('@')?;
        let valid = !local.is_empty()
            && local.len() <= 64
            && address.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !address.contains(char::is_whitespace)
            && !domain.contains('@')
            && !address.contains(['<', '>', ',', ';', '"', '\\']);
        valid.then_some(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Addresses are personal data: debug output (and so any log line) masks them.
impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_normalises_them() {
        assert_eq!(
            EmailAddress::parse("  Anna.Svensson@Example.SE ").unwrap().as_str(),
            "anna.svensson@example.se"
        );
        assert!(EmailAddress::parse("förening+nara@exempel.se").is_some());
    }

    #[test]
    fn refuses_what_cannot_be_an_address() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.se",
            "anna@example",
            "an na@example.se",
            "a@b@c.se",
            "a@.se",
            "a@x..se",
            "<a@x.se>",
        ] {
            assert!(EmailAddress::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn debug_output_hides_the_address() {
        assert_eq!(format!("{:?}", EmailAddress::parse("a@b.se").unwrap()), "EmailAddress(***)");
    }
}
