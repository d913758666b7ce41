//! Languages. Every visible string comes from a Fluent catalogue under `locales/<code>/`.
//! Swedish is the default and lives at `/`; every other language lives under `/<code>/`.
//! Adding a language (Arabic, easy-to-read Swedish) is one entry in `LOCALES` and its catalogues.

mod dates;
#[cfg(test)]
pub(crate) mod klarsprak;

pub use dates::{HourMinute, format_stockholm, format_stockholm_time, stockholm_day_start};

use std::collections::{BTreeSet, HashMap};

use anyhow::{Context, anyhow};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the site is offered in.
pub struct LocaleInfo {
    /// BCP 47 code, used in `<html lang>` and as the URL prefix (except for the default).
    pub code: &'static str,
    /// `ltr` or `rtl`, for `<html dir>`.
    pub dir: &'static str,
    /// The language's name in itself, for the language switch.
    pub native_name: &'static str,
    sources: &'static [(&'static str, &'static str)],
}

macro_rules! catalogue {
    ($code:literal, $file:literal) => {
        (
            concat!($code, "/", $file),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $code, "/", $file)),
        )
    };
}

/// The first entry is the default language, served without a prefix.
static LOCALES: &[LocaleInfo] = &[
    LocaleInfo {
        code: "sv",
        dir: "ltr",
        native_name: "Svenska",
        sources: &[
            catalogue!("sv", "main.ftl"),
            catalogue!("sv", "accessibility.ftl"),
            catalogue!("sv", "accounts.ftl"),
            catalogue!("sv", "events.ftl"),
            catalogue!("sv", "directory.ftl"),
            catalogue!("sv", "cases.ftl"),
            catalogue!("sv", "bookings.ftl"),
            catalogue!("sv", "applications.ftl"),
            catalogue!("sv", "setup.ftl"),
            catalogue!("sv", "plans.ftl"),
            catalogue!("sv", "grants.ftl"),
            catalogue!("sv", "goals.ftl"),
            catalogue!("sv", "ideas.ftl"),
            catalogue!("sv", "surveys.ftl"),
            catalogue!("sv", "plain_language.ftl"),
            catalogue!("sv", "text_review.ftl"),
            catalogue!("sv", "leisure.ftl"),
            catalogue!("sv", "reporters.ftl"),
            catalogue!("sv", "assignments.ftl"),
        ],
    },
    LocaleInfo {
        code: "en",
        dir: "ltr",
        native_name: "English",
        sources: &[
            catalogue!("en", "main.ftl"),
            catalogue!("en", "accessibility.ftl"),
            catalogue!("en", "accounts.ftl"),
            catalogue!("en", "events.ftl"),
            catalogue!("en", "directory.ftl"),
            catalogue!("en", "cases.ftl"),
            catalogue!("en", "bookings.ftl"),
            catalogue!("en", "applications.ftl"),
            catalogue!("en", "setup.ftl"),
            catalogue!("en", "plans.ftl"),
            catalogue!("en", "grants.ftl"),
            catalogue!("en", "goals.ftl"),
            catalogue!("en", "ideas.ftl"),
            catalogue!("en", "surveys.ftl"),
            catalogue!("en", "plain_language.ftl"),
            catalogue!("en", "text_review.ftl"),
            catalogue!("en", "leisure.ftl"),
            catalogue!("en", "reporters.ftl"),
            catalogue!("en", "assignments.ftl"),
        ],
    },
];

/// A handle to one of `LOCALES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(usize);

impl Locale {
    pub const SV: Locale = Locale(0);
    pub const EN: Locale = Locale(1);

    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LOCALES.len()).map(Locale)
    }

    fn info(self) -> &'static LocaleInfo {
        &LOCALES[self.0]
    }

    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The language with this code (as stored with a registration); Swedish for any other.
    pub fn from_code(code: &str) -> Locale {
        Self::all().find(|l| l.code() == code).unwrap_or(Locale::SV)
    }

    /// The language a person chose (as stored with them); Swedish when they never chose one.
    pub fn chosen(code: Option<&str>) -> Locale {
        code.map_or(Locale::SV, Self::from_code)
    }

    pub fn dir(self) -> &'static str {
        self.info().dir
    }

    pub fn native_name(self) -> &'static str {
        self.info().native_name
    }

    pub fn is_default(self) -> bool {
        self.0 == 0
    }

    /// The URL prefix of this language: empty for the default, `/en` for English.
    pub fn prefix(self) -> String {
        if self.is_default() { String::new() } else { format!("/{}", self.code()) }
    }

    /// Splits a request path into its language and the path within that language:
    /// `/en/tillganglighet` → (English, `/tillganglighet`); `/tillganglighet` → (Swedish, same).
    pub fn split_path(path: &str) -> (Locale, &str) {
        for locale in Locale::all().filter(|l| !l.is_default()) {
            let code = locale.code();
            if let Some(rest) = path.strip_prefix('/').and_then(|p| p.strip_prefix(code)) {
                if rest.is_empty() {
                    return (locale, "/");
                }
                if rest.starts_with('/') {
                    return (locale, rest);
                }
            }
        }
        (Locale::SV, path)
    }

    /// The address of `path` (a path within a language, starting with `/`) in this language.
    /// Called for every link of a page: one allocation and no formatting (it was 3.6 % of the
    /// English home page's CPU with `format!`).
    pub fn href(self, path: &str) -> String {
        if self.is_default() { path.to_string() } else { ["/", self.code(), path].concat() }
    }
}

/// What a missing key looks like in debug builds: `⟦missing:key⟧`.
pub const MISSING_MARK: &str = "⟦missing:";

/// All catalogues, parsed once at start-up.
///
/// Fluent's own isolation marks (U+2068 … U+2069 around every placeable) are off: in a page
/// whose values share its script they are invisible noise that reaches copied text, screen
/// readers' names and tests. Instead, for HTML, a text value is isolated only when it holds
/// letters written in the other direction than the page's (`isolate_if_foreign`), which is the
/// case the marks exist for. E-mail, CSV and calendars never get them.
pub struct Catalogues {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Per locale, every message that takes no arguments, formatted once at start-up (most of
    /// a page's texts: labels, headings, buttons), with the default language filled in.
    fixed: Vec<HashMap<String, String>>,
}

/// Whether a formatted text goes into HTML (values of the other direction isolated) or into
/// plain data (e-mail, CSV, calendars: never a mark).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Html,
    Plain,
}

impl Catalogues {
    /// Parses every catalogue; a syntax error or a key defined twice is reported, not ignored.
    pub fn load() -> anyhow::Result<Self> {
        let bundles = LOCALES
            .iter()
            .map(|info| {
                let lang: LanguageIdentifier = info.code.parse().context("bad language code")?;
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                bundle.set_use_isolating(false);
                for (name, text) in info.sources {
                    let resource = FluentResource::try_new(text.to_string())
                        .map_err(|(_, errors)| anyhow!("catalogue {name}: {errors:?}"))?;
                    bundle
                        .add_resource(resource)
                        .map_err(|errors| anyhow!("catalogue {name}: {errors:?}"))?;
                }
                Ok(bundle)
            })
            .collect::<anyhow::Result<_>>()?;
        let mut catalogues = Self { bundles, fixed: Vec::new() };
        catalogues.fixed = Locale::all()
            .map(|locale| {
                let keys = catalogues.keys(locale).into_iter().chain(catalogues.keys(Locale::SV));
                keys.filter_map(|key| Some((key.clone(), catalogues.formatted(locale, &key, None)?.ok()?)))
                    .collect()
            })
            .collect();
        Ok(catalogues)
    }

    /// The text of `key` in `locale`, falling back to the default language, then to the key.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        match self.fixed.get(locale.0).and_then(|fixed| fixed.get(key)) {
            Some(text) => text.clone(),
            None => self.format(locale, key, None),
        }
    }

    /// Like `text_with`, never with bidi isolation marks: for e-mail, CSV and calendars.
    pub fn plain_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(locale, key, Some(&to_args(args, locale, Output::Plain)))
    }

    /// Like `text`, with Fluent variables (`{ $name }`), for HTML.
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(locale, key, Some(&to_args(args, locale, Output::Html)))
    }

    /// `key` formatted in `locale` or else the default language: `Err` with the text when
    /// formatting went wrong (a variable not given), `None` when neither has the key.
    fn formatted(
        &self,
        locale: Locale,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Option<Result<String, String>> {
        let bundle = [&self.bundles[locale.0], &self.bundles[Locale::SV.0]]
            .into_iter()
            .find(|bundle| bundle.get_message(key).and_then(|m| m.value()).is_some())?;
        let pattern = bundle.get_message(key).and_then(|m| m.value())?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        Some(if errors.is_empty() { Ok(text) } else { Err(text) })
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        match self.formatted(locale, key, args) {
            Some(Ok(text)) => return text,
            Some(Err(text)) => {
                tracing::warn!(key, "catalogue message could not be formatted");
                return text;
            }
            None => {}
        }
        tracing::warn!(key, locale = locale.code(), "missing catalogue key");
        // Debug builds (and so every test) mark a missing key so tests can find it on any page.
        if cfg!(debug_assertions) { format!("{MISSING_MARK}{key}⟧") } else { key.to_string() }
    }

    /// The message keys defined for `locale` (for the completeness test).
    pub fn keys(&self, locale: Locale) -> BTreeSet<String> {
        LOCALES[locale.0]
            .sources
            .iter()
            .filter_map(|(_, text)| FluentResource::try_new(text.to_string()).ok())
            .flat_map(|resource| {
                resource
                    .entries()
                    .filter_map(|entry| match entry {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

fn to_args<'a>(args: &[(&'a str, FluentValue<'a>)], locale: Locale, output: Output) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            FluentValue::String(text) if output == Output::Html => isolate_if_foreign(text, locale.dir()),
            other => other.clone(),
        };
        fluent_args.set(*name, value);
    }
    fluent_args
}

/// `text` wrapped in first-strong isolation marks when it holds a letter written in the other
/// direction than `page_dir` (`ltr` or `rtl`): an Arabic name in a Swedish sentence, a Latin
/// address in an Arabic one. Text in the page's own direction is returned as it is.
fn isolate_if_foreign<'a>(text: &str, page_dir: &str) -> FluentValue<'a> {
    let page_is_rtl = page_dir == "rtl";
    let foreign = text.chars().any(|c| c.is_alphabetic() && is_rtl_letter(c) != page_is_rtl);
    if foreign {
        FluentValue::from(format!("\u{2068}{text}\u{2069}"))
    } else {
        FluentValue::from(text.to_string())
    }
}

/// Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic and their presentation forms).
fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_who_never_chose_a_language_is_written_to_in_swedish() {
        assert_eq!(Locale::chosen(None), Locale::SV);
        assert_eq!(Locale::chosen(Some("en")), Locale::EN);
        assert_eq!(Locale::chosen(Some("xx")), Locale::SV, "a code no longer offered");
    }

    #[test]
    fn values_in_the_pages_own_script_get_no_isolation_marks() {
        let catalogues = Catalogues::load().unwrap();
        let marks = |text: &str| text.contains(['\u{2068}', '\u{2069}']);
        let time = [("time", FluentValue::from("14:35"))];
        for locale in Locale::all() {
            let html = catalogues.text_with(locale, "session-ends", &time);
            assert!(!marks(&html) && html.contains("14:35"), "{html:?}");
        }
        // Plural selections (a number) carry none either.
        let count = catalogues.text_with(Locale::SV, "event-scope-all", &[("count", 3.into())]);
        assert_eq!(count, "Alla 3 träffar från och med den här");
        // A Swedish name in Swedish: none; an Arabic name in a Swedish sentence: isolated.
        let latin = catalogues.text_with(Locale::SV, "session-ends", &[("time", "Åsa Öberg".into())]);
        assert!(!marks(&latin), "{latin:?}");
        let arabic = catalogues.text_with(Locale::SV, "session-ends", &[("time", "سارة".into())]);
        assert!(arabic.contains("\u{2068}سارة\u{2069}"), "{arabic:?}");
        // Plain texts never have them, whatever the script.
        let plain = catalogues.plain_with(Locale::SV, "session-ends", &[("time", "سارة".into())]);
        assert!(!marks(&plain), "{plain:?}");
    }

    #[test]
    fn an_rtl_page_isolates_latin_values_only() {
        assert_eq!(
            isolate_if_foreign("Kungsgatan 4", "rtl"),
            FluentValue::from("\u{2068}Kungsgatan 4\u{2069}")
        );
        assert_eq!(isolate_if_foreign("شارع", "rtl"), FluentValue::from("شارع"));
        assert_eq!(isolate_if_foreign("14:35", "rtl"), FluentValue::from("14:35"));
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let catalogues = Catalogues::load().expect("catalogues parse");
        let default_keys = catalogues.keys(Locale::SV);
        assert!(default_keys.len() > 10, "the Swedish catalogue is nearly empty");
        for locale in Locale::all() {
            let keys = catalogues.keys(locale);
            let missing: Vec<_> = default_keys.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&default_keys).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
            assert!(extra.is_empty(), "{} has keys Swedish lacks: {extra:?}", locale.code());
        }
    }

    /// Every file under the crate's `folder` whose name ends in `extension`.
    fn files_under(folder: &str, extension: &str) -> Vec<(std::path::PathBuf, String)> {
        let mut files = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path)
                } else if path.extension().is_some_and(|e| e == extension) {
                    let text = std::fs::read_to_string(&path).unwrap();
                    files.push((path, text));
                }
            }
        }
        files
    }

    #[test]
    fn every_key_a_template_uses_exists() {
        let catalogues = Catalogues::load().unwrap();
        let keys = catalogues.keys(Locale::SV);
        let mut used = 0;
        for (path, text) in files_under("templates", "html") {
            let pieces =
                [".t(\"", ".t1(\"", ".tn(\""].into_iter().flat_map(|marker| text.split(marker).skip(1));
            for piece in pieces {
                let key = piece.split('"').next().unwrap();
                assert!(keys.contains(key), "{} uses the unknown key {key}", path.display());
                used += 1;
            }
        }
        assert!(used > 10, "templates use too few catalogue keys: {used}");
    }

    /// Kebab-case words that are not catalogue keys although they look like them: form field ids
    /// (the error summary links to them), a page anchor, and log ids in unit tests.
    const NOT_KEYS: &[&str] = &[
        "entry-body",
        "entry-sharing",
        "entry-reason",
        "referral-review",
        "log-under-test",
        "log-1",
        "log-2",
    ];

    #[test]
    fn every_key_the_code_names_exists() {
        let catalogues = Catalogues::load().unwrap();
        let keys = catalogues.keys(Locale::SV);
        // A literal is taken for a key when it starts like some key does (`register-…`).
        let families: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('-').next()).collect();
        let looks_like_key = |word: &str| {
            word.contains('-')
                && word.split('-').all(|part| {
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
                && families.contains(word.split('-').next().unwrap_or_default())
        };
        let mut named = 0;
        let mut unknown = Vec::new();
        for (path, text) in files_under("src", "rs") {
            for literal in text.split('"').skip(1).step_by(2) {
                if looks_like_key(literal) && !NOT_KEYS.contains(&literal) {
                    // A stem the code completes (`mail-verify` → `mail-verify-subject`) counts too.
                    let stem = format!("{literal}-");
                    if !keys.contains(literal) && !keys.iter().any(|k| k.starts_with(&stem)) {
                        unknown.push(format!("{}: {literal}", path.display()));
                    }
                    named += 1;
                }
            }
        }
        assert!(unknown.is_empty(), "unknown catalogue keys named in the code:\n{}", unknown.join("\n"));
        assert!(named > 100, "the code names too few catalogue keys: {named}");
    }

    #[test]
    fn paths_split_into_language_and_rest() {
        assert_eq!(Locale::split_path("/"), (Locale::SV, "/"));
        assert_eq!(Locale::split_path("/en"), (Locale::EN, "/"));
        assert_eq!(Locale::split_path("/en/"), (Locale::EN, "/"));
        assert_eq!(Locale::split_path("/en/tillganglighet"), (Locale::EN, "/tillganglighet"));
        assert_eq!(Locale::split_path("/energi"), (Locale::SV, "/energi"));
        assert_eq!(Locale::EN.href("/tillganglighet"), "/en/tillganglighet");
        assert_eq!(Locale::SV.href("/tillganglighet"), "/tillganglighet");
    }

    #[test]
    fn missing_keys_fall_back_visibly() {
        let catalogues = Catalogues::load().unwrap();
        assert_eq!(catalogues.text(Locale::EN, "no-such-key"), "⟦missing:no-such-key⟧");
    }

    #[test]
    fn texts_without_arguments_are_formatted_once_and_the_rest_each_time() {
        let catalogues = Catalogues::load().unwrap();
        assert_eq!(catalogues.text(Locale::SV, "nav-log-in"), "Logga in");
        assert_eq!(catalogues.text(Locale::EN, "nav-log-in"), "Sign in");
        let fixed = |locale: Locale, key: &str| catalogues.fixed[locale.0].contains_key(key);
        assert!(fixed(Locale::SV, "nav-log-in") && fixed(Locale::EN, "nav-log-in"));
        assert!(!fixed(Locale::SV, "session-ends"), "it takes a time");
        let ends = catalogues.text_with(Locale::SV, "session-ends", &[("time", "14:30".into())]);
        assert!(ends.contains("14:30"), "{ends}");
        for locale in Locale::all() {
            for (key, text) in &catalogues.fixed[locale.0] {
                assert_eq!(&catalogues.format(locale, key, None), text, "{key}");
            }
        }
    }
}
