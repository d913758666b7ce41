//! Staff import entries from a CSV file: every row is checked first, each bad row is reported
//! with its line number and what is wrong, and nothing is written unless every row is valid, or
//! the person chose to import the valid rows only.
//!
//! Columns (by header name, in any order; `;` or `,` separated, UTF-8 with or without a BOM):
//! `namn`, `typ`, `organisationsnummer`, `beskrivning`, `description`, `omraden`, `malgrupper`,
//! `sprak` (lists separated by `,`), `alder_fran`, `alder_till`, `telefon`, `epost`, `webbplats`,
//! `gatuadress`, `postnummer`, `ort`, `sa_far_du_hjalp`. Only `namn`, `beskrivning` and `omraden` must be there.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Response};

use super::form::EntryForm;
use super::{Entry, EntryKind, WayIn};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

const REQUIRED: [&str; 3] = ["namn", "beskrivning", "omraden"];
const MAX_ROWS: usize = 10_000;

/// A row that cannot be imported: its line in the file and the message keys of what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub problems: Vec<&'static str>,
}

/// What a file holds: the entries of its good rows and its bad rows.
#[derive(Debug, Default)]
pub struct Checked {
    pub entries: Vec<Entry>,
    pub bad: Vec<BadRow>,
}

/// Reads and checks a whole file against the known areas of help and target groups (slugs). `Err`
/// is a message key for a file that cannot be read at all.
pub fn check(bytes: &[u8], known_areas: &[String], known_groups: &[String]) -> Result<Checked, &'static str> {
    let text = std::str::from_utf8(bytes).map_err(|_| "import-error-encoding")?;
    // The file's text is free text from outside like any form field: cleaned once, here.
    let text = crate::web::form::clean_text(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first = text.lines().next().ok_or("import-error-empty")?;
    let delimiter = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| "import-error-header")?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if REQUIRED.iter().any(|r| !header.iter().any(|h| h == r)) {
        return Err("import-error-header");
    }
    let mut checked = Checked::default();
    for (index, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = index + 2;
        if index >= MAX_ROWS {
            return Err("import-error-too-many");
        }
        let Ok(record) = record else {
            checked.bad.push(BadRow { line, problems: vec!["import-error-row"] });
            continue;
        };
        let cell = |name: &str| {
            header.iter().position(|h| h == name).and_then(|i| record.get(i)).unwrap_or("").trim().to_string()
        };
        let list = |name: &str| -> Vec<String> {
            cell(name).split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
        };
        let kind = cell("typ");
        let way_in = cell("sa_far_du_hjalp");
        let form = EntryForm {
            name: cell("namn"),
            kind: if kind.is_empty() { EntryKind::Association.code().into() } else { kind },
            org_number: cell("organisationsnummer"),
            description_sv: cell("beskrivning"),
            description_en: cell("description"),
            areas: list("omraden"),
            groups: list("malgrupper"),
            age_min: cell("alder_fran"),
            age_max: cell("alder_till"),
            languages: if list("sprak").is_empty() { vec!["sv".into()] } else { list("sprak") },
            phone: cell("telefon"),
            email: cell("epost"),
            website: cell("webbplats"),
            street: cell("gatuadress"),
            postal_code: cell("postnummer"),
            city: cell("ort"),
            way_in: if way_in.is_empty() { WayIn::DropIn.code().into() } else { way_in },
            ..EntryForm::default()
        };
        match form.to_entry(&Entry::blank(true), known_areas, known_groups) {
            Ok(entry) => checked.entries.push(entry),
            Err(errors) => {
                let mut problems: Vec<&'static str> = errors.items().iter().map(|e| e.key).collect();
                problems.dedup();
                checked.bad.push(BadRow { line, problems });
            }
        }
    }
    Ok(checked)
}

/// A bad row as the page shows it.
pub struct BadLine {
    pub line: usize,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "directory/import.html")]
struct ImportPage<'a> {
    shell: Shell<'a>,
    error: Option<String>,
    bad: Vec<BadLine>,
    imported: Option<i64>,
    good: i64,
}

/// `GET /personal/katalog/import`.
pub async fn form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let page = ImportPage { shell: ctx.shell(&state), error: None, bad: Vec::new(), imported: None, good: 0 };
    Ok(render(&page)?.into_response())
}

/// `POST /personal/katalog/import` (multipart: the file and the choice about valid rows).
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let mut file = Vec::new();
    let mut valid_only = false;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some("fil") => file = field.bytes().await.map_err(|_| AppError::BadRequest)?.to_vec(),
            Some("bara_giltiga") => valid_only = true,
            _ => {}
        }
    }
    let shell = ctx.shell(&state);
    let areas: Vec<String> =
        crate::help_areas::store::list(&state.db).await?.iter().map(|a| a.slug.clone()).collect();
    let groups: Vec<String> =
        crate::setup::store::target_groups(&state.db).await?.iter().map(|g| g.slug.clone()).collect();
    let checked = match check(&file, &areas, &groups) {
        Ok(checked) => checked,
        Err(key) => {
            let page =
                ImportPage { error: Some(shell.t(key)), shell, bad: Vec::new(), imported: None, good: 0 };
            return Ok((crate::web::form::INVALID, render(&page)?).into_response());
        }
    };
    let bad: Vec<BadLine> = checked
        .bad
        .iter()
        .map(|row| BadLine { line: row.line, problems: row.problems.iter().map(|k| shell.t(k)).collect() })
        .collect();
    let good = checked.entries.len() as i64;
    if !bad.is_empty() && !valid_only {
        let page = ImportPage { shell, error: None, bad, imported: None, good };
        return Ok((crate::web::form::INVALID, render(&page)?).into_response());
    }
    let by = ctx.person()?.person.id;
    for entry in checked.entries {
        let slug = super::stewards::free_slug(&state.db, &entry.name).await?;
        crate::directory::store::save_entry(&state.db, &Entry { slug, ..entry }, Some(by)).await?;
    }
    let page = ImportPage { shell, error: None, bad, imported: Some(good), good };
    Ok(render(&page)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas() -> Vec<String> {
        vec!["fritid".into(), "boende".into()]
    }

    #[test]
    fn a_valid_file_gives_entries() {
        let file = "\u{feff}namn;beskrivning;omraden;telefon;organisationsnummer\n\
                    Idrottsföreningen Kullen;Fotboll för alla;fritid;042-11 22 33;802412-3450\n\
                    Boföreningen;Råd om boende;boende,fritid;042-11 22 34;8024987656\n";
        let checked = check(file.as_bytes(), &areas(), &[]).unwrap();
        assert!(checked.bad.is_empty(), "{:?}", checked.bad);
        assert_eq!(checked.entries.len(), 2);
        assert_eq!(checked.entries[1].areas, vec!["boende", "fritid"]);
        assert_eq!(checked.entries[1].org_number.as_deref(), Some("802498-7656"));
    }

    #[test]
    fn control_characters_in_a_file_are_cleaned_before_rows_are_read() {
        let file = "namn;beskrivning;omraden;telefon;organisationsnummer\r\n\
                    Idrotts\u{0}föreningen\u{1b} Kullen;Fotboll\u{85} för alla;fritid;042-11 22 33;802412-3450\r\n\
                    \u{0}\u{7};Bara styrtecken i namnet;fritid;042-11 22 33;802412-3450\r\n";
        let checked = check(file.as_bytes(), &areas(), &[]).unwrap();
        assert_eq!(checked.entries.len(), 1);
        assert_eq!(checked.entries[0].name, "Idrottsföreningen Kullen");
        assert_eq!(checked.entries[0].description_sv, "Fotboll för alla");
        assert_eq!(checked.bad, vec![BadRow { line: 3, problems: vec!["entry-error-name"] }]);
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_reasons() {
        let file = "namn,beskrivning,omraden,telefon,organisationsnummer\n\
                    Bra förening,Fotboll,fritid,042-11 22 33,802412-3450\n\
                    ,Saknar namn,fritid,042-11 22 33,802412-3450\n\
                    Fel område,Text,rymden,042-11 22 33,802412-3451\n";
        let checked = check(file.as_bytes(), &areas(), &[]).unwrap();
        assert_eq!(checked.entries.len(), 1);
        assert_eq!(checked.bad[0], BadRow { line: 3, problems: vec!["entry-error-name"] });
        assert_eq!(checked.bad[1].line, 4);
        assert!(checked.bad[1].problems.contains(&"entry-error-areas"));
        assert!(checked.bad[1].problems.contains(&"entry-error-org-number"));
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused_whole() {
        assert_eq!(check(b"namn;telefon\nA;1", &areas(), &[]).unwrap_err(), "import-error-header");
        assert_eq!(check(&[0xff, 0xfe, 0x00], &areas(), &[]).unwrap_err(), "import-error-encoding");
        assert_eq!(check(b"", &areas(), &[]).unwrap_err(), "import-error-empty");
    }
}
