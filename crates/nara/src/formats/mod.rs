//! File formats: those we emit for people's own tools, and checks of those people send us.

pub mod csv;

/// `Content-Disposition` for a download: always `attachment` (never shown inline from our
/// origin), with a plain ASCII fallback name and the real one in RFC 5987 form.
pub fn attachment_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' ' | '.') { c } else { '_' })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
        .replace('*', "%2A");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// JSON to put inside a `<script type="application/ld+json">` element: `<` and `>` are escaped so
/// that no text in the data can close the element.
pub fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e")
}

/// Whether the bytes are a PDF: the header every PDF starts with and the end-of-file marker
/// near its end. A renamed picture or a Word file fails both.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

#[cfg(test)]
mod tests {
    use super::is_pdf;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

    #[test]
    fn pdfs_are_known_by_their_bytes_not_their_name() {
        assert!(is_pdf(PDF));
        assert!(!is_pdf(b"\x89PNG\r\n\x1a\n rest of a picture"), "a PNG renamed .pdf");
        assert!(!is_pdf(b"%PDF-1.4 but cut off"), "no end marker");
        assert!(!is_pdf(b""));
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = super::script_json(&serde_json::json!({ "name": "</script><script>alert(1)</script>" }));
        assert!(!json.contains("</script>"));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
