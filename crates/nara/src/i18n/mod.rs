//! Languages. Every visible string comes from a Fluent catalogue under `locales/<code>/`.
//! Swedish is the default and lives at `/`; every other language lives under `/<code>/`.
//! Adding a language (Arabic, easy-to-read Swedish) is one entry in `LOCALES` and its catalogues.

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
        sources: &[catalogue!("sv", "main.ftl"), catalogue!("sv", "accessibility.ftl")],
    },
    LocaleInfo {
        code: "en",
        dir: "ltr",
        native_name: "English",
        sources: &[catalogue!("en", "main.ftl"), catalogue!("en", "accessibility.ftl")],
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

/// All catalogues, parsed once at start-up.
pub struct Catalogues {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Catalogues {
    /// Parses every catalogue; a syntax error or a key defined twice is reported, not ignored.
    pub fn load() -> anyhow::Result<Self> {
        let bundles = LOCALES
            .iter()
            .map(|info| {
                let lang: LanguageIdentifier = info.code.parse().context("bad language code")?;
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
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
        Ok(Self { bundles })
    }

    /// The text of `key` in `locale`, falling back to the default language, then to the key.
    pub fn text(&self, locale: Locale, key: &str) -> String {
        self.format(locale, key, None)
    }

    /// Like `text`, with Fluent variables (`{ $name }`).
    pub fn text_with(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(locale, key, Some(&fluent_args))
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        for bundle in [&self.bundles[locale.0], &self.bundles[Locale::SV.0]] {
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
        key.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn every_key_a_template_uses_exists() {
        let catalogues = Catalogues::load().unwrap();
        let keys = catalogues.keys(Locale::SV);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut used = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split(".t(\"").skip(1) {
                let key = piece.split('"').next().unwrap();
                assert!(keys.contains(key), "{} uses the unknown key {key}", path.display());
                used += 1;
            }
        }
        assert!(used > 10, "templates use too few catalogue keys: {used}");
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
        assert_eq!(catalogues.text(Locale::EN, "no-such-key"), "no-such-key");
    }
}
