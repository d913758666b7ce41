//! Money as whole öre (`i64`), never floating point: read the way Swedes write kronor
//! (`12 500`, `12 500,50`, `12500.5`), shown as `12 500 kr` or `12 500,50 kr`.

/// The most one amount may be: a hundred million kronor, far above any grant, far below overflow.
pub const MAX_ORE: i64 = 100_000_000 * 100;

/// Kronor as people write them → öre. Spaces (also non-breaking) group thousands; a comma or a
/// point separates at most two decimals. `None` for anything else, negative amounts included.
pub fn parse_kronor(text: &str) -> Option<i64> {
    let compact: String = text
        .trim()
        .trim_end_matches("kr")
        .trim_end_matches(':')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let compact = compact.strip_suffix(":-").unwrap_or(&compact);
    let (whole, fraction) = match compact.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (compact, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || whole.len() > 12 || !digits(whole) || fraction.len() > 2 || !digits(fraction) {
        return None;
    }
    let kronor: i64 = whole.parse().ok()?;
    let ore: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let total = kronor.checked_mul(100)?.checked_add(ore)?;
    (total <= MAX_ORE).then_some(total)
}

/// Öre → `12 500 kr` (whole kronor) or `12 500,50 kr`, with a non-breaking space between groups.
pub fn format_kronor(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let ore = ore.unsigned_abs();
    let (kronor, rest) = (ore / 100, ore % 100);
    let digits = kronor.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    if rest == 0 { format!("{sign}{grouped}\u{a0}kr") } else { format!("{sign}{grouped},{rest:02}\u{a0}kr") }
}

/// Kronor for a form field (`12500` or `12500,50`), as a person would type them back.
pub fn kronor_field(ore: i64) -> String {
    if ore % 100 == 0 { (ore / 100).to_string() } else { format!("{},{:02}", ore / 100, ore % 100) }
}

/// The sum of amounts in öre; `None` if it would overflow.
pub fn total(amounts: impl IntoIterator<Item = i64>) -> Option<i64> {
    amounts.into_iter().try_fold(0_i64, i64::checked_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kronor_are_read_into_whole_ore() {
        assert_eq!(parse_kronor("12 500"), Some(1_250_000));
        assert_eq!(parse_kronor("12\u{a0}500,50"), Some(1_250_050));
        assert_eq!(parse_kronor("12500.5"), Some(1_250_050));
        assert_eq!(parse_kronor("0,01"), Some(1));
        assert_eq!(parse_kronor("300 kr"), Some(30_000));
        assert_eq!(parse_kronor("300:-"), Some(30_000));
        assert_eq!(parse_kronor("0.1"), Some(10), "never 0.1 as a float: exactly ten öre");
        assert_eq!(parse_kronor("-5"), None);
        assert_eq!(parse_kronor("1,005"), None, "at most two decimals");
        assert_eq!(parse_kronor("1e6"), None);
        assert_eq!(parse_kronor(""), None);
        assert_eq!(parse_kronor(",5"), None);
        assert_eq!(parse_kronor("999999999999"), None, "above the largest amount");
    }

    #[test]
    fn ore_are_shown_as_kronor() {
        assert_eq!(format_kronor(1_250_000), "12\u{a0}500\u{a0}kr");
        assert_eq!(format_kronor(1_250_050), "12\u{a0}500,50\u{a0}kr");
        assert_eq!(format_kronor(5), "0,05\u{a0}kr");
        assert_eq!(format_kronor(100_000_000), "1\u{a0}000\u{a0}000\u{a0}kr");
        assert_eq!(kronor_field(1_250_050), "12500,50");
        assert_eq!(parse_kronor(&kronor_field(1_250_050)), Some(1_250_050));
        assert_eq!(total([10, 20, 30]), Some(60));
        assert_eq!(total([i64::MAX, 1]), None);
    }
}
