//! Notes from a meeting: written in Markdown by the organiser, shown as HTML that has passed an
//! allow-list sanitiser. Raw HTML in the Markdown is not trusted; images are left out (they
//! would load from elsewhere and break the content security policy); links leave the site with
//! `rel="noopener noreferrer"`.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The longest notes we take, in characters.
pub const MAX_NOTES: usize = 20_000;

/// Safe HTML for Markdown notes shown right under the page's `h1` (a meeting's own page).
pub fn to_html(markdown: &str) -> String {
    to_html_under(markdown, HeadingLevel::H1)
}

/// Safe HTML for Markdown notes placed under a heading of level `parent`: organisers write their
/// top headings as `##`, which becomes one level below `parent` (a `#` counts as `##`), so the
/// notes never break the page's outline.
pub fn to_html_under(markdown: &str, parent: HeadingLevel) -> String {
    let shift = parent as usize - 1;
    let placed = |level: HeadingLevel| {
        HeadingLevel::try_from((level as usize).max(2) + shift).unwrap_or(HeadingLevel::H6)
    };
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        // Raw HTML is shown as the text it is, never run.
        .map(|event| match event {
            Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: placed(level), id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(placed(level))),
            other => other,
        });
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    let tags: HashSet<&str> = [
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "del",
        "a",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_html("## Anteckningar\n\n- **Viktigt**\n- [Staden](https://helsingborg.se)");
        assert!(html.contains("<h2>Anteckningar</h2>"), "{html}");
        assert!(html.contains("<li><strong>Viktigt</strong></li>"), "{html}");
        assert!(
            html.contains(r#"<a href="https://helsingborg.se" rel="noopener noreferrer">Staden</a>"#),
            "{html}"
        );
    }

    #[test]
    fn script_and_dangerous_links_never_survive() {
        for attack in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klicka](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "![bild](https://evil.example/spy.png)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"background:url(x)\" onclick=\"x()\">hej</p>",
        ] {
            let html = to_html(attack);
            // Escaped text may mention anything; what matters is the markup.
            for tag in html.split('<').skip(1).filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag)) {
                let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("");
                assert!(
                    ["p", "a", "del", "strong", "em"].contains(&name),
                    "{attack:?} gave <{tag}> in {html:?}"
                );
                for bad in [" on", "style=", "javascript:", "src="] {
                    assert!(!tag.contains(bad), "{attack:?} gave <{tag}>");
                }
            }
        }
    }

    #[test]
    fn a_level_one_heading_is_not_allowed_to_compete_with_the_page() {
        let html = to_html("# Rubrik");
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains("<h2>Rubrik</h2>"), "{html}");
    }

    #[test]
    fn notes_under_a_meetings_heading_start_one_level_below_it() {
        let html = to_html_under("# Ett\n\n## Två\n\n### Tre\n\n###### Sex", HeadingLevel::H3);
        assert!(
            html.contains("<h4>Ett</h4>")
                && html.contains("<h4>Två</h4>")
                && html.contains("<h5>Tre</h5>")
                && html.contains("<h6>Sex</h6>"),
            "{html}"
        );
    }
}
