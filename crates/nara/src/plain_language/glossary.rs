//! The starter list of bureaucratic words and plain alternatives (`words_sv.toml`), which seeds
//! the table staff manage and serves the public API.

use std::sync::OnceLock;

use serde::Deserialize;

use super::checker::Glossary;

const STARTER: &str = include_str!("words_sv.toml");

#[derive(Deserialize)]
struct File {
    pairs: Vec<(String, String)>,
}

/// The pairs of the starter list, in the file's order.
pub fn starter_pairs() -> &'static [(String, String)] {
    static PAIRS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    // The file is part of the binary and parsed by a unit test, so a failure here is a build bug.
    PAIRS.get_or_init(|| toml::from_str::<File>(STARTER).map(|f| f.pairs).unwrap_or_default())
}

/// The starter list as a glossary, built once.
pub fn builtin() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| Glossary::new(starter_pairs().iter().map(|(p, a)| (p.as_str(), a.as_str()))))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_starter_list_parses_and_has_at_least_150_distinct_pairs() {
        let parsed: File = toml::from_str(STARTER).expect("words_sv.toml parses");
        let phrases: HashSet<String> = parsed.pairs.iter().map(|(p, _)| p.to_lowercase()).collect();
        assert_eq!(phrases.len(), parsed.pairs.len(), "a phrase is listed twice");
        assert!(parsed.pairs.len() >= 150, "{}", parsed.pairs.len());
        assert_eq!(builtin().len(), parsed.pairs.len(), "every phrase is usable");
        assert!(parsed.pairs.iter().all(|(p, a)| !p.trim().is_empty() && !a.trim().is_empty()));
    }
}
