//! The one test every path taken from a request must pass before the server puts it in a link
//! or a `Location` header: it has to lead to this site, however a browser reads it.

use percent_encoding::percent_decode_str;

/// How many layers of percent-encoding are looked through (`%252F` is `%2F` is `/`).
const DECODING_ROUNDS: usize = 3;

/// `candidate` when it is a path on this site, `None` for anything that could lead elsewhere.
///
/// Browsers read `//host` and `/\host` as another site, and drop tabs and line breaks before
/// reading, so `/\t/host` is `//host` too. A path is kept only when it starts with one `/`,
/// has no empty segment (`/en//host` would become `//host` once its language is taken off),
/// no backslash and no control character — checked on the text as given and on each layer of
/// percent-decoding, so that a proxy or a later decoding step cannot turn it into one either.
pub fn same_site_path(candidate: &str) -> Option<&str> {
    let mut layer = std::borrow::Cow::Borrowed(candidate);
    for _ in 0..DECODING_ROUNDS {
        if !stays_on_site(&layer) {
            return None;
        }
        let decoded = percent_decode_str(&layer).decode_utf8().ok()?;
        if decoded == layer {
            return Some(candidate);
        }
        layer = std::borrow::Cow::Owned(decoded.into_owned());
    }
    // Still changing after that many rounds: nothing of ours is encoded this deep.
    None
}

/// One layer's test: a single leading `/`, no empty path segment, no backslash, no control.
fn stays_on_site(text: &str) -> bool {
    let path = text.split(['?', '#']).next().unwrap_or_default();
    text.starts_with('/') && !path.contains("//") && !text.contains(|c: char| c == '\\' || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_on_this_site_are_kept_as_they_are() {
        for good in [
            "/",
            "/mina-sidor",
            "/en/mina-sidor/arenden",
            "/sok?q=stöd&sida=2",
            "/sok?q=a%2Fb",
            "/sok?next=//not-a-path-here",
            "/tillganglighet#kontakt",
            "/s%C3%B6k",
        ] {
            assert_eq!(same_site_path(good), Some(good), "{good}");
        }
    }

    #[test]
    fn anything_that_could_lead_to_another_site_is_refused() {
        for bad in [
            "",
            "mina-sidor",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/x\\y",
            "%2F%2Fevil.example",
            "/%2F%2Fevil.example",
            "/%2f/evil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/\n/evil.example",
            "/x\r\nSet-Cookie:a",
            "/x%0d%0aSet-Cookie:a",
            "/\u{85}/evil.example",
            "/en//evil.example",
            "/en/%2Fevil.example",
            "https://evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            " /mina-sidor",
            "/%ff",
        ] {
            assert_eq!(same_site_path(bad), None, "{bad:?}");
        }
    }
}
