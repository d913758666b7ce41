//! Citizen reporters (*invånarreportrar*): people with their own experience of social services write
//! articles for the administration's website. A reporter writes a draft in one language, under the
//! name they chose (the byline), and sends it to the coordinator, who as editor comments, returns
//! or publishes it. Everyone interviewed is listed with their consent; an article is never
//! published without consent from each of them. Published articles have public pages, an Atom feed
//! and schema.org `Article` data.
//!
//! This module holds the domain types and pure rules; `store` its SQL, `access` who may, and the
//! handlers by audience: `writing` (the reporter), `editing` (the coordinator) and `public`.

pub mod access;
pub mod editing;
pub mod image;
pub mod public;
pub mod store;
pub mod writing;

use chrono::NaiveDate;

/// The longest title, lead, body, byline, alt text and interviewee texts, in characters.
pub const MAX_TITLE: usize = 150;
pub const MAX_LEAD: usize = 600;
pub const MAX_BODY: usize = 40_000;
pub const MAX_BYLINE: usize = 80;
pub const MAX_ALT: usize = 300;
pub const MAX_NAME: usize = 120;
pub const MAX_CONSENT_HOW: usize = 300;
pub const MAX_COMMENT: usize = 4_000;

/// Where an article is on its way to the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The reporter's own; nobody else sees it.
    Draft,
    /// Sent to the editor, who comments, returns or publishes.
    InReview,
    /// Sent back with the editor's comments; the reporter's again.
    Returned,
    Published,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::InReview, Status::Returned, Status::Published];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Returned => "returned",
            Status::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Draft => "article-status-draft",
            Status::InReview => "article-status-in-review",
            Status::Returned => "article-status-returned",
            Status::Published => "article-status-published",
        }
    }

    /// The reporter may change the text: before it is sent, or once it is returned.
    pub fn writable(self) -> bool {
        matches!(self, Status::Draft | Status::Returned)
    }
}

/// The language an article is written in (it is shown under both languages' addresses, marked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Lang::Sv => "article-lang-sv",
            Lang::En => "article-lang-en",
        }
    }
}

/// What the reporter writes. The body is restricted Markdown, shown through the same sanitiser as
/// meeting notes (`events::notes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    pub body: String,
}

/// One person interviewed for an article and their consent to be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interviewee {
    /// `None`: anonymous in the article.
    pub name: Option<String>,
    pub consent_given: bool,
    /// How consent was given, in a few words ("muntligt i telefon", "e-post").
    pub consent_how: String,
    pub consent_on: NaiveDate,
}

/// A problem that stops publishing: `(form field, catalogue key)`.
pub type Problem = (&'static str, &'static str);

/// Why an article may not be published yet: a byline is needed, and consent from every
/// interviewee listed. Pure, so the rule is tested on its own.
pub fn publishing_problems(byline: Option<&str>, interviewees: &[Interviewee]) -> Vec<Problem> {
    let mut problems = Vec::new();
    if byline.is_none_or(|b| b.trim().is_empty()) {
        problems.push(("byline", "article-error-no-byline"));
    }
    if interviewees.iter().any(|i| !i.consent_given) {
        problems.push(("interviewees", "article-error-no-consent"));
    }
    problems
}

/// An article's address: lower-case letters, digits and hyphens from its title, and the first
/// characters of its id so two articles with one title never share one.
pub fn slug_of(title: &str, id: uuid::Uuid) -> String {
    let words = crate::directory::slug_of(title);
    let words: String = words.chars().take(60).collect();
    let words = words.trim_end_matches('-');
    let short = &id.simple().to_string()[..6];
    if words.is_empty() { short.to_string() } else { format!("{words}-{short}") }
}

/// What schema.org's `Article` says about a published article.
pub struct JsonLd<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub lang: Lang,
    pub byline: &'a str,
    pub url: &'a str,
    pub published: chrono::DateTime<chrono::Utc>,
    pub image: Option<&'a str>,
}

/// schema.org `Article` data for the page, serialised with serde_json and escaped so that no text
/// in it (a title with `</script>`) can end the script element it is put in.
pub fn json_ld(article: &JsonLd<'_>) -> String {
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.lead,
        "inLanguage": article.lang.as_str(),
        "author": { "@type": "Person", "name": article.byline },
        "datePublished": article.published.to_rfc3339(),
        "url": article.url,
        "mainEntityOfPage": article.url,
    });
    if let Some(image) = article.image {
        value["image"] = serde_json::Value::from(image);
    }
    crate::formats::script_json(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interviewee(consent_given: bool) -> Interviewee {
        Interviewee {
            name: Some("Kim".into()),
            consent_given,
            consent_how: "muntligt".into(),
            consent_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        }
    }

    #[test]
    fn statuses_round_trip_and_only_drafts_and_returned_articles_are_writable() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert!(Status::Draft.writable() && Status::Returned.writable());
        assert!(!Status::InReview.writable() && !Status::Published.writable());
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn publishing_needs_a_byline_and_consent_from_every_interviewee() {
        assert!(publishing_problems(Some("Kim R"), &[]).is_empty(), "no one interviewed: nothing to ask");
        assert!(publishing_problems(Some("Kim R"), &[interviewee(true), interviewee(true)]).is_empty());
        assert_eq!(
            publishing_problems(Some("Kim R"), &[interviewee(true), interviewee(false)]),
            vec![("interviewees", "article-error-no-consent")]
        );
        assert_eq!(publishing_problems(None, &[]), vec![("byline", "article-error-no-byline")]);
        assert_eq!(publishing_problems(Some("  "), &[]), vec![("byline", "article-error-no-byline")]);
    }

    #[test]
    fn slugs_are_plain_and_unique_per_article() {
        let id = uuid::Uuid::parse_str("0a1b2c3d-0000-4000-8000-000000000000").unwrap();
        assert_eq!(slug_of("Att få hjälp – på riktigt!", id), "att-fa-hjalp-pa-riktigt-0a1b2c");
        assert_eq!(slug_of("!!!", id), "0a1b2c");
    }

    #[test]
    fn json_ld_is_an_article_that_cannot_close_its_script_element() {
        let published = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z").unwrap().to_utc();
        let text = json_ld(&JsonLd {
            title: "Rubrik</script><script>alert(1)</script>",
            lead: "Ingress & mer",
            lang: Lang::Sv,
            byline: "Kim R",
            url: "https://nara.example/artiklar/rubrik",
            published,
            image: None,
        });
        assert!(!text.to_lowercase().contains("</script"), "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["@type"], "Article");
        assert_eq!(value["headline"], "Rubrik</script><script>alert(1)</script>");
        assert_eq!(value["author"]["name"], "Kim R");
        assert_eq!(value["inLanguage"], "sv");
        assert_eq!(value["datePublished"], "2026-11-30T09:00:00+00:00");
    }
}
