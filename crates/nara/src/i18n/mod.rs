//! Languages. Every visible string comes from a Fluent catalogue under `locales/<code>/`.
//! Swedish is the default and lives at `/`; every other language lives under `/<code>/`.
//! Adding a language (Arabic, easy-to-read Swedish) is one entry in `LOCALES` and its catalogues.

mod dates;

pub use dates::{format_stockholm, format_stockholm_time, stockholm_day_start};

use std::collections::BTreeSet;

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
    pub fn href(self, path: &str) -> String {
        if self.is_default() { path.to_string() } else { format!("{}{}", self.prefix(), path) }
    }
}

/// What a missing key looks like in debug builds: `⟦missing:key⟧`.
pub const MISSING_MARK: &str = "⟦missing:";

/// All catalogues, parsed once at start-up.
pub struct Catalogues {
    /// For HTML: Fluent wraps variables in bidi isolation marks, right for mixed-direction text.
    bundles: Vec<FluentBundle<FluentResource>>,
    /// For e-mail, CSV and calendars, where those invisible marks would end up in the data.
    plain: Vec<FluentBundle<FluentResource>>,
}

impl Catalogues {
    /// Parses every catalogue; a syntax error or a key defined twice is reported, not ignored.
    pub fn load() -> anyhow::Result<Self> {
        Ok(Self { bundles: Self::parse(true)?, plain: Self::parse(false)? })
    }

    fn parse(isolating: bool) -> anyhow::Result<Vec<FluentBundle<FluentResource>>> {
        LOCALES
            .iter()
            .map(|info| {
                let lang: LanguageIdentifier = info.code.parse().context("bad language code")?;
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                bundle.set_use_isolating(isolating);
                for (name, text) in info.sources {
                    let resource = FluentResource::try_new(text.to_string())
                        .map_err(|(_, errors)| anyhow!("catalogue {name}: {errors:?}"))?;
                    bundle
                        .add_resource(resource)
                        .map_err(|errors| anyhow!("catalogue {name}: {errors:?}"))?;
                }
                Ok(bundle)
            })
            .collect()
    }

    /// The text of `key` in `locale`, falling back to the default language, then to the key.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.format(&self.bundles, locale, key, None)
    }

    /// Like `text_with`, without bidi isolation marks: for e-mail, CSV and calendars.
    pub fn plain_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(&self.plain, locale, key, Some(&to_args(args)))
    }

    /// Like `text`, with Fluent variables (`{ $name }`).
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(&self.bundles, locale, key, Some(&to_args(args)))
    }

    fn format(
        &self,
        bundles: &[FluentBundle<FluentResource>],
        locale: Locale,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> String {
        for bundle in [&bundles[locale.0], &bundles[Locale::SV.0]] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(key, ?errors, "catalogue message could not be formatted");
                }
                return text.into_owned();
            }
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

fn to_args<'a>(args: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    fluent_args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_texts_have_no_isolation_marks() {
        let catalogues = Catalogues::load().unwrap();
        let args = [("time", FluentValue::from("14:35"))];
        let html = catalogues.text_with(Locale::SV, "session-ends", &args);
        let plain = catalogues.plain_with(Locale::SV, "session-ends", &args);
        assert!(html.contains('\u{2068}'), "HTML text isolates the variable: {html:?}");
        assert!(!plain.contains('\u{2068}') && plain.contains("14:35"), "{plain:?}");
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
}
