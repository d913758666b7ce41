//! Atom 1.0 (RFC 4287) feed of upcoming events, so residents can follow the public calendar in any
//! feed reader. Built with `atom_syndication`, which does the XML escaping.

use atom_syndication::{Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Utc};

/// One entry of the feed.
pub struct AtomEntry {
    /// Stable, unique id (a `tag:` or `urn:uuid:` URI), so readers don't show an event twice.
    pub id: String,
    pub title: String,
    /// Absolute link to the event page.
    pub url: String,
    /// Plain text, written as given (no start time or other details added).
    pub summary: String,
    pub updated: DateTime<Utc>,
    /// When the event begins. Atom has no element for it, so it is not written; callers use it to
    /// choose and order the upcoming events.
    pub starts: DateTime<Utc>,
}

/// An Atom 1.0 document with the feed's id, title, self link (`self_url`), alternate link (the
/// calendar page), an author "Nära", `lang` as `xml:lang`, and one entry per item, in the order given.
/// The feed's `updated` is the newest entry's, so it only changes when an entry does; `now` is used
/// when there are none, since the element is required.
pub fn feed(
    id: &str,
    title: &str,
    self_url: &str,
    page_url: &str,
    lang: &str,
    entries: &[AtomEntry],
    now: DateTime<Utc>,
) -> String {
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(now);
    Feed {
        id: id.into(),
        title: text(title),
        updated: updated.fixed_offset(),
        authors: vec![Person { name: "Nära".into(), ..Default::default() }],
        links: vec![link(self_url, "self", "application/atom+xml"), link(page_url, "alternate", "text/html")],
        lang: Some(lang.into()),
        entries: entries.iter().map(entry).collect(),
        ..Default::default()
    }
    .to_string()
}

fn entry(e: &AtomEntry) -> Entry {
    Entry {
        id: e.id.clone(),
        title: text(&e.title),
        updated: e.updated.fixed_offset(),
        published: Some(e.updated.fixed_offset()),
        links: vec![link(&e.url, "alternate", "text/html")],
        summary: Some(text(&e.summary)),
        ..Default::default()
    }
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    Link { href: href.into(), rel: rel.into(), mime_type: Some(mime_type.into()), ..Default::default() }
}

/// Plain text without the characters XML 1.0 forbids even when escaped (most C0 controls, which
/// pasted text can carry): one of them would make the whole feed unreadable.
fn text(s: &str) -> Text {
    Text::plain(s.chars().filter(|&c| xml_char(c)).collect::<String>())
}

/// The `Char` production of XML 1.0.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 14, hour, 0, 0).unwrap()
    }

    fn item(id: &str, title: &str, updated: DateTime<Utc>) -> AtomEntry {
        AtomEntry {
            id: id.into(),
            title: title.into(),
            url: format!("https://nara.example/kalender/{id}?a=1&b=2"),
            summary: "Fika & <prat> på Söder".into(),
            updated,
            starts: at(18),
        }
    }

    fn render(entries: &[AtomEntry]) -> (String, Feed) {
        let xml = feed(
            "tag:nara.example,2025:kalender",
            "Nära – kalender för Malmö & Lund",
            "https://nara.example/kalender.atom",
            "https://nara.example/kalender",
            "sv",
            entries,
            at(23),
        );
        let parsed = xml.parse::<Feed>().expect("output parses as Atom");
        (xml, parsed)
    }

    #[test]
    fn round_trips_feed_metadata() {
        let (xml, f) = render(&[item("tag:nara.example,2025:event:1", "Möte", at(9))]);
        assert!(xml.contains(r#"xmlns="http://www.w3.org/2005/Atom""#));
        assert_eq!(f.id(), "tag:nara.example,2025:kalender");
        assert_eq!(f.title().as_str(), "Nära – kalender för Malmö & Lund");
        assert_eq!(f.lang(), Some("sv"));
        assert_eq!(f.authors()[0].name(), "Nära");
        let links: Vec<_> = f.links().iter().map(|l| (l.rel(), l.href(), l.mime_type())).collect();
        assert_eq!(
            links,
            [
                ("self", "https://nara.example/kalender.atom", Some("application/atom+xml")),
                ("alternate", "https://nara.example/kalender", Some("text/html")),
            ]
        );
    }

    #[test]
    fn round_trips_entries_with_special_characters() {
        let (xml, f) = render(&[
            item("tag:nara.example,2025:event:1", "Å, ä & ö <i>", at(9)),
            item("urn:uuid:6f1c1f0e-0d6b-4d8e-9a57-1b0e3e4f5a6b", "Två", at(11)),
        ]);
        assert!(xml.contains("Å, ä &amp; ö &lt;i&gt;"), "{xml}");
        let e = f.entries();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].id(), "tag:nara.example,2025:event:1");
        assert_eq!(e[1].id(), "urn:uuid:6f1c1f0e-0d6b-4d8e-9a57-1b0e3e4f5a6b");
        assert_eq!(e[0].title().as_str(), "Å, ä & ö <i>");
        assert_eq!(e[0].summary().map(Text::as_str), Some("Fika & <prat> på Söder"));
        assert_eq!(
            e[0].links()[0].href(),
            "https://nara.example/kalender/tag:nara.example,2025:event:1?a=1&b=2"
        );
        assert_eq!(e[0].links()[0].rel(), "alternate");
        assert_eq!(*e[1].updated(), at(11));
        assert_eq!(e[1].published(), Some(&at(11).fixed_offset()));
        assert_eq!(*f.updated(), at(11), "feed is as new as its newest entry");
    }

    #[test]
    fn empty_feed_is_valid_and_updated_now() {
        let (_, f) = render(&[]);
        assert!(f.entries().is_empty());
        assert_eq!(*f.updated(), at(23));
    }

    #[test]
    fn drops_characters_xml_cannot_carry() {
        let (_, f) = render(&[item("tag:x,2025:1", "Bok\u{1}cirkel\u{b}\tkväll", at(9))]);
        assert_eq!(f.entries()[0].title().as_str(), "Bokcirkel\tkväll");
    }
}
