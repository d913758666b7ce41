//! An item's label: the QR code as SVG, drawn on the server (no script, no image request), and
//! the code in groups of four for typing from a worn label.

/// The QR code of `text` as an SVG element to put in a page (no XML declaration).
pub fn qr_svg(text: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)?;
    let svg =
        code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    // The renderer writes a whole document; the page needs only the element.
    Ok(svg.find("<svg").map_or(svg.clone(), |at| svg[at..].to_string()))
}

/// `abcd efgh …`: the code as it is printed.
pub fn grouped(code: &str) -> String {
    code.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_an_svg_element_and_a_code_in_groups() {
        let svg = qr_svg("https://nara.example.se/personal/fritidsbanken/artikel/abcd").unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("style") && !svg.contains("<script"), "strict CSP: no inline style or script");
        let code = "abcdefghijkmnpqrstuvwxyz";
        assert_eq!(grouped(code), "abcd efgh ijkm npqr stuv wxyz");
        assert_eq!(crate::leisure::normalise_code(&grouped(code)).as_deref(), Some(code));
    }
}
