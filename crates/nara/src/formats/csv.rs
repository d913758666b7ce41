//! CSV the way Swedish Excel opens it: semicolon-separated, UTF-8 with a byte-order mark, and
//! cells that would start a formula defused with a leading apostrophe (CSV injection).

/// Writes a header and rows as a CSV document.
pub fn write(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = ::csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        writer.write_record(header.iter().map(|h| defuse(h)))?;
        for row in rows {
            writer.write_record(row.iter().map(|cell| defuse(cell)))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap().strip_prefix('\u{feff}').expect("a byte-order mark");
        ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn round_trips_through_a_real_parser_with_swedish_text_and_separators() {
        let bytes = write(&["namn", "åtgärd"], [vec!["Åsa Öberg; \"chef\"".into(), "läste\nrad två".into()]])
            .unwrap();
        assert_eq!(
            parse(&bytes),
            vec![vec!["namn", "åtgärd"], vec!["Åsa Öberg; \"chef\"", "läste\nrad två"]]
        );
    }

    #[test]
    fn formulas_are_defused() {
        let rows = ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ok"].map(|c| vec![c.to_string()]);
        let parsed = parse(&write(&["cell"], rows).unwrap());
        let cells: Vec<&str> = parsed[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(cells, ["'=HYPERLINK(\"x\")", "'+1", "'-1", "'@SUM(A1)", "ok"]);
    }
}
