//! File formats we emit for people's own tools.

pub mod csv;

/// JSON to put inside a `<script type="application/ld+json">` element: `<` and `>` are escaped so
/// that no text in the data can close the element.
pub fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_json_cannot_close_its_element() {
        let json = super::script_json(&serde_json::json!({ "name": "</script><script>alert(1)</script>" }));
        assert!(!json.contains("</script>"));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
