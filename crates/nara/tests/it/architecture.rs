//! The layering of ARCHITECTURE.md, checked from the source: the foundation never imports a
//! feature or the HTTP edge, no feature reaches into another feature's handlers, and storage is
//! not written as macros. What breaks a rule today is listed by name below, so the lists can only
//! shrink: a new exception fails here until the code or ARCHITECTURE.md says why.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The foundation: what features are built on. None of it may name a feature or `web`.
const FOUNDATION: &[&str] = &[
    "db",
    "i18n",
    "formats",
    "stockholm",
    "identity",
    "sessions",
    "policy",
    "mail",
    "secrets",
    "rate_limit",
];

/// The features, each one folder.
const FEATURES: &[&str] = &[
    "accounts",
    "admin",
    "applications",
    "audit",
    "bookings",
    "cases",
    "directory",
    "events",
    "help_areas",
    "my_pages",
    "oidc",
    "setup",
];

/// The HTTP modules of a feature (handlers and their page types). Other features may use a
/// feature's `store`, `access` and domain items, never these.
const HANDLER_FILES: &[&str] = &[
    "web",
    "officer",
    "resident",
    "organiser",
    "staff",
    "stewards",
    "suggestions",
    "review",
    "login",
    "register",
];

/// Known breaches, to be removed as the toolkit below the features grows (issue 19, item 4).
const FOUNDATION_EXCEPTIONS: &[(&str, &str)] = &[
    // The keys that sign the audit log travel with the pool.
    ("db", "audit"),
];
const HANDLER_EXCEPTIONS: &[(&str, &str)] = &[];
/// `macro_rules!` left in `src/`: the catalogue list is data, not storage.
const MACRO_FILES: &[&str] = &["i18n/mod.rs"];

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::from(SRC)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    assert!(files.len() > 100, "the sources are found");
    files
}

/// The top-level module a file belongs to (`cases` for `src/cases/officer.rs`).
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix(SRC).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::a::b` path a file names, as `a::b` (or `a`).
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for piece in text.split("crate::").skip(1) {
        let path: String = piece
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
            .collect();
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).take(2).collect();
        if let Some(first) = parts.first() {
            found.insert(first.to_string());
            if let Some(second) = parts.get(1) {
                found.insert(format!("{first}::{second}"));
            }
        }
    }
    found
}

#[test]
fn the_foundation_never_imports_a_feature_or_the_web_edge() {
    let mut breaches = Vec::new();
    for (path, text) in sources() {
        let module = module_of(&path);
        if !FOUNDATION.contains(&module.as_str()) {
            continue;
        }
        for used in crate_paths(&text) {
            let top = used.split("::").next().unwrap();
            let upward = FEATURES.contains(&top) || top == "web";
            if upward && !used.contains("::") && !FOUNDATION_EXCEPTIONS.contains(&(module.as_str(), top)) {
                breaches.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    assert!(breaches.is_empty(), "the foundation imports upward:\n{}", breaches.join("\n"));
}

#[test]
fn no_feature_reaches_into_another_features_handlers() {
    let mut breaches = Vec::new();
    for (path, text) in sources() {
        let module = module_of(&path);
        if !FEATURES.contains(&module.as_str()) {
            continue;
        }
        for used in crate_paths(&text) {
            let Some((feature, inner)) = used.split_once("::") else { continue };
            let sideways = feature != module && FEATURES.contains(&feature) && HANDLER_FILES.contains(&inner);
            if sideways && !HANDLER_EXCEPTIONS.contains(&(module.as_str(), used.as_str())) {
                breaches.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    assert!(breaches.is_empty(), "features use each other's handlers:\n{}", breaches.join("\n"));
}

#[test]
fn only_the_top_imports_the_router() {
    // `web::routes` imports every feature; a feature or the foundation naming it closes a circle.
    // They take `web::state::AppState` instead.
    let mut breaches = Vec::new();
    for (path, text) in sources() {
        let module = module_of(&path);
        let below_the_top = FEATURES.contains(&module.as_str()) || FOUNDATION.contains(&module.as_str());
        if below_the_top && crate_paths(&text).contains("web::routes") {
            breaches.push(path.display().to_string());
        }
    }
    assert!(breaches.is_empty(), "the router is imported from below the top:\n{}", breaches.join("\n"));
}

#[test]
fn storage_is_written_as_functions_not_macros() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        let relative = path.strip_prefix(SRC).unwrap().to_string_lossy().into_owned();
        if text.contains("macro_rules!") && !MACRO_FILES.contains(&relative.as_str()) {
            found.push(relative);
        }
    }
    assert!(found.is_empty(), "new macro_rules! in src (write plain functions on db::sql): {found:?}");
}

#[test]
fn sql_lives_in_store_files() {
    // A statement starts a string literal; `db/` is the storage layer itself (pool, migrations).
    let statements = ["\"SELECT ", "\"INSERT ", "\"UPDATE ", "\"DELETE "];
    let mut found = Vec::new();
    for (path, text) in sources() {
        let relative = path.strip_prefix(SRC).unwrap().to_string_lossy().into_owned();
        let storage = relative.ends_with("store.rs") || relative.starts_with("db/");
        if !storage && statements.iter().any(|s| text.contains(s)) {
            found.push(relative);
        }
    }
    assert!(found.is_empty(), "SQL outside a store.rs (move it into the feature's store): {found:?}");
}

#[test]
fn the_exception_lists_hold_only_what_is_still_true() {
    let files = sources();
    for file in MACRO_FILES {
        let text = &files.iter().find(|(p, _)| p.ends_with(file)).expect(file).1;
        assert!(text.contains("macro_rules!"), "{file} has no macro any more: take it off MACRO_FILES");
    }
    for (module, used) in HANDLER_EXCEPTIONS {
        let still = files.iter().any(|(p, t)| module_of(p) == *module && crate_paths(t).contains(*used));
        assert!(still, "{module} no longer uses {used}: take it off HANDLER_EXCEPTIONS");
    }
    for (module, used) in FOUNDATION_EXCEPTIONS {
        let still = files.iter().any(|(p, t)| module_of(p) == *module && crate_paths(t).contains(*used));
        assert!(still, "{module} no longer uses {used}: take it off FOUNDATION_EXCEPTIONS");
    }
}
