//! The checker's hints under a field where staff write text for residents (a directory entry's
//! description, a meeting's agenda, an application form's help texts, a grant's rules). Shown for
//! the text the form holds (the saved text, or the text just sent back with an error); they never
//! block saving. `templates/plain_language/hints.html` renders them, and `static/klarsprak.js`
//! refreshes the same region from `POST /api/v1/klarsprak` as the person types. Both use the
//! word list staff manage (`/personal/klarsprak/ord`), so a pair added there shows at once.

use std::collections::HashSet;
use std::sync::Arc;

use fluent_bundle::FluentValue;

use super::checker::{self, Glossary, LONG_SENTENCE_WORDS, Report};
use crate::i18n::{Catalogues, Locale};
use crate::web::page::PageContext;
use crate::web::state::AppState;

/// At most this many bureaucratic words are listed (the first ones in the text).
pub const MAX_WORDS_SHOWN: usize = 8;

/// The hints for one field.
pub struct Hints {
    /// The field's id; the hints' region is `{field}-klarsprak`.
    pub field: String,
    pub title: String,
    /// One line each: LIX with its band, each bureaucratic word with its alternative, long sentences.
    pub lines: Vec<String>,
    /// For the as-you-type script: `None` where the field is not plain text (TOML sources).
    pub live: Option<LiveTexts>,
}

/// The same lines as templates, filled in by `static/klarsprak.js` (`{lix}`, `{band}`, …).
pub struct LiveTexts {
    pub script: &'static str,
    pub lix: String,
    pub word: String,
    pub long_one: String,
    pub long_other: String,
    /// `(band as the API names it, the band's name)`.
    pub bands: Vec<(String, String)>,
}

/// How the hints of a form field are worded, in the page's language, and the word list they
/// check against.
pub struct Wording<'a> {
    pub catalogues: &'a Catalogues,
    pub locale: Locale,
    pub glossary: Arc<Glossary>,
}

impl<'a> Wording<'a> {
    /// The wording for a page: its language and the staff's word list as it is now.
    pub async fn of(state: &'a AppState, ctx: &PageContext) -> anyhow::Result<Self> {
        Ok(Wording {
            catalogues: &state.catalogues,
            locale: ctx.location.locale,
            glossary: super::word_list::store::glossary(&state.db).await?,
        })
    }

    fn text(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.catalogues.plain_with(self.locale, key, args)
    }

    /// Hints for a plain-text field, refreshed as the person types when JavaScript runs.
    pub fn plain(&self, field: &str, text: &str) -> Hints {
        Hints { live: Some(self.live_texts()), ..self.hints(field, text) }
    }

    /// Hints for a TOML source (form definitions, grant rules): the Swedish texts in it, the
    /// values of keys ending in `_sv`, are checked. Shown when saved only (the script cannot
    /// read TOML).
    pub fn toml(&self, field: &str, source: &str) -> Hints {
        self.hints(field, &swedish_texts_of_toml(source))
    }

    fn hints(&self, field: &str, text: &str) -> Hints {
        let report = checker::check(text, &self.glossary);
        Hints {
            field: field.to_string(),
            title: self.text("plain-hints-title", &[]),
            lines: self.lines(&report),
            live: None,
        }
    }

    fn lines(&self, report: &Report) -> Vec<String> {
        let Some(lix) = report.lix else { return Vec::new() };
        let band = self.text(checker::LixBand::of(lix).message_key(), &[]);
        let mut lines =
            vec![self.text("plain-hints-lix", &[("lix", format!("{lix:.0}").into()), ("band", band.into())])];
        let mut seen = HashSet::new();
        for hit in &report.bureaucratic {
            if seen.insert(hit.text.to_lowercase()) && seen.len() <= MAX_WORDS_SHOWN {
                let args = [("word", hit.text.clone().into()), ("plain", hit.plain.clone().into())];
                lines.push(self.text("plain-hints-word", &args));
            }
        }
        if report.long_sentences > 0 {
            let args = [("count", report.long_sentences.into()), ("max", LONG_SENTENCE_WORDS.into())];
            lines.push(self.text("plain-hints-long", &args));
        }
        lines
    }

    fn live_texts(&self) -> LiveTexts {
        let mark = |name: &str| FluentValue::from(format!("{{{name}}}"));
        let long = |count: FluentValue<'static>| {
            self.text("plain-hints-long", &[("count", count), ("max", LONG_SENTENCE_WORDS.into())])
        };
        let bands = [
            checker::LixBand::VeryEasy,
            checker::LixBand::Easy,
            checker::LixBand::Medium,
            checker::LixBand::Difficult,
            checker::LixBand::VeryDifficult,
            checker::LixBand::Bureaucratic,
        ];
        LiveTexts {
            script: crate::web::assets::klarsprak_href(),
            lix: self.text("plain-hints-lix", &[("lix", mark("lix")), ("band", mark("band"))]),
            word: self.text("plain-hints-word", &[("word", mark("word")), ("plain", mark("plain"))]),
            long_one: long(1.into()),
            long_other: long(mark("count")),
            bands: bands.into_iter().map(|b| (api_name(b), self.text(b.message_key(), &[]))).collect(),
        }
    }
}

/// A band as the API's JSON names it (`very_easy`, …).
fn api_name(band: checker::LixBand) -> String {
    serde_json::to_value(band).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The Swedish texts of a TOML source (values of keys ending in `_sv`, at any depth), one
/// paragraph each; nothing when the source does not parse (the form reports that itself).
pub fn swedish_texts_of_toml(source: &str) -> String {
    fn collect(value: &toml::Value, key: &str, out: &mut Vec<String>) {
        match value {
            toml::Value::String(text) if key.ends_with("_sv") => out.push(text.trim().to_string()),
            toml::Value::Table(table) => table.iter().for_each(|(k, v)| collect(v, k, out)),
            toml::Value::Array(items) => items.iter().for_each(|v| collect(v, key, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    if let Ok(value) = toml::from_str::<toml::Value>(source) {
        collect(&value, "", &mut texts);
    }
    texts.retain(|t| !t.is_empty());
    texts.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wording(catalogues: &Catalogues) -> Wording<'_> {
        let glossary = Arc::new(crate::plain_language::word_list::glossary(
            crate::plain_language::glossary::starter_pairs(),
        ));
        Wording { catalogues, locale: Locale::SV, glossary }
    }

    #[test]
    fn a_bureaucratic_word_is_shown_with_its_plain_alternative() {
        let catalogues = Catalogues::load().unwrap();
        let hints =
            wording(&catalogues).plain("beskrivning", "Här kan du erhålla stöd. Du kan erhålla det i dag.");
        assert_eq!(hints.lines.len(), 2, "{:?}", hints.lines);
        assert!(hints.lines[0].starts_with("LIX "), "{:?}", hints.lines);
        assert!(hints.lines[1].contains("erhålla") && hints.lines[1].contains("få"), "{:?}", hints.lines);
        let live = hints.live.expect("plain text is checked as you type");
        assert!(
            live.lix.contains("{lix}")
                && live.word.contains("{plain}")
                && live.long_other.contains("{count}")
        );
        assert_eq!(live.bands.len(), 6);
    }

    #[test]
    fn the_hints_follow_the_word_list_they_are_given() {
        let catalogues = Catalogues::load().unwrap();
        let own = [("samverkan".to_string(), "samarbete".to_string())];
        let wording = Wording {
            catalogues: &catalogues,
            locale: Locale::SV,
            glossary: Arc::new(crate::plain_language::word_list::glossary(&own)),
        };
        let lines = wording.plain("f", "Vi bygger samverkan. Du kan erhålla stöd.").lines;
        assert!(lines.iter().any(|l| l.contains("samarbete")), "{lines:?}");
        assert!(
            !lines.iter().any(|l| l.contains("erhålla")),
            "a pair removed from the list is not shown: {lines:?}"
        );
    }

    #[test]
    fn empty_text_has_no_hints_and_long_sentences_are_counted() {
        let catalogues = Catalogues::load().unwrap();
        assert!(wording(&catalogues).plain("f", "  ").lines.is_empty());
        let long = format!("{}.", vec!["ord"; LONG_SENTENCE_WORDS + 1].join(" "));
        let lines = wording(&catalogues).plain("f", &long).lines;
        assert!(lines.iter().any(|l| l.contains(&LONG_SENTENCE_WORDS.to_string())), "{lines:?}");
    }

    #[test]
    fn toml_sources_are_checked_by_their_swedish_texts() {
        let source = "title_sv = \"Ansökan\"\ntitle_en = \"Erhålla\"\n[[steps]]\n[[steps.questions]]\n\
                      help_sv = \"Här ska du erhålla svar.\"\nhelp_en = \"x\"";
        // Tables come in key order; each text is its own paragraph.
        assert_eq!(swedish_texts_of_toml(source), "Här ska du erhålla svar.\n\nAnsökan");
        assert_eq!(swedish_texts_of_toml("not = toml = ["), "");
        let catalogues = Catalogues::load().unwrap();
        let hints = wording(&catalogues).toml("rules", source);
        assert!(hints.live.is_none() && hints.lines.iter().any(|l| l.contains("få")), "{:?}", hints.lines);
    }
}
