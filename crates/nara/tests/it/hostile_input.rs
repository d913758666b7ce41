//! Control characters in every form, on both databases. The forms are not listed by hand: every
//! page of the route table is opened as every kind of person, every `method="post"` form found
//! there is sent back with its own fields carrying NUL, ESC, BEL, C1 controls, DEL and stray
//! carriage returns (urlencoded and as multipart), and every POST route of the table also gets
//! the union of all fields seen. Nothing may answer 5xx, and afterwards no text column of any
//! table may hold a control character other than line feed and tab.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use axum::http::{Method, StatusCode};
use common::app::{Answer, PASSWORD, TestApp};
use common::cast::{cast, concrete};
use nara::db::{Backend, Db};
use nara::web::routes;

/// One field of a form as the page renders it.
#[derive(Debug, Clone)]
struct Field {
    name: String,
    value: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Free text a person types.
    Text,
    /// Several lines of free text.
    Lines,
    /// A value the page chose (hidden, radio, checkbox, select, button).
    Chosen,
    File,
}

/// The value of `name="…"` in one tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(decode_entities(&tag[start..end]))
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A plausible value for an empty field, so that the form gets past its checks to storage.
fn example_for(input_type: &str) -> &'static str {
    match input_type {
        "email" => "styrtecken@example.se",
        "number" => "2",
        "date" => "2030-03-01",
        "time" => "10:00",
        "tel" => "0701234567",
        "password" => PASSWORD,
        "url" => "https://example.se/",
        _ => "Text med styrtecken",
    }
}

/// The `method="post"` forms of a page: action and fields, first choice of each radio group.
fn post_forms(html: &str) -> Vec<(String, Vec<Field>)> {
    let mut forms = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<form") {
        rest = &rest[at..];
        let Some(close) = rest.find("</form>") else { break };
        let (form, after) = rest.split_at(close);
        rest = after;
        let tag_end = form.find('>').unwrap_or(form.len());
        let tag = &form[..tag_end];
        if attribute(tag, "method").as_deref() != Some("post") {
            continue;
        }
        let Some(action) = attribute(tag, "action") else { continue };
        forms.push((action, fields(&form[tag_end..])));
    }
    forms
}

fn fields(form: &str) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name = attribute(tag, "name");
        let seen = |name: &str| fields.iter().any(|f| f.name == name);
        if let Some(name) = name.filter(|n| !seen(n)) {
            if tag.starts_with("<input") {
                let input_type = attribute(tag, "type").unwrap_or_else(|| "text".into());
                let value = attribute(tag, "value").unwrap_or_default();
                let (kind, value) = match input_type.as_str() {
                    "hidden" | "radio" | "checkbox" | "submit" => (Kind::Chosen, value),
                    "file" => (Kind::File, value),
                    other if value.is_empty() => (Kind::Text, example_for(other).to_string()),
                    _ => (Kind::Text, value),
                };
                fields.push(Field { name, value, kind });
            } else if tag.starts_with("<textarea") {
                let body = &rest[end + 1..];
                let text = decode_entities(&body[..body.find("</textarea>").unwrap_or(0)]);
                let value = if text.trim().is_empty() { "Första raden".to_string() } else { text };
                fields.push(Field { name, value, kind: Kind::Lines });
            } else if tag.starts_with("<select") {
                let body = &rest[end..];
                let options = &body[..body.find("</select>").unwrap_or(body.len())];
                let value = options
                    .split("<option")
                    .skip(1)
                    .filter_map(|option| attribute(&format!(" {option}"), "value"))
                    .find(|v| !v.is_empty())
                    .unwrap_or_default();
                fields.push(Field { name, value, kind: Kind::Chosen });
            } else if tag.starts_with("<button") {
                let value = attribute(tag, "value").unwrap_or_default();
                fields.push(Field { name, value, kind: Kind::Chosen });
            }
        }
        rest = &rest[end.min(rest.len())..];
        if rest.starts_with('>') {
            rest = &rest[1..];
        }
    }
    fields
}

/// The field's value with controls that cleaning removes: once cleaned, exactly the value again
/// (free text also gets carriage returns, which become line feeds).
fn dirty(field: &Field) -> String {
    let mut chars = field.value.chars();
    let first: String = chars.next().map(String::from).unwrap_or_default();
    let rest: String = chars.collect();
    let mut value = format!("\u{0}{first}\u{1b}{rest}\u{85}\u{7f}");
    if field.kind == Kind::Lines {
        value.push_str("\r\nAndra raden\u{7}\rTredje\u{9f}");
    }
    value
}

/// Free text made of nothing but control characters: empty once cleaned.
fn emptied(field: &Field) -> String {
    match field.kind {
        Kind::Text | Kind::Lines => "\u{0}\u{7}\u{1b}\r\u{0}".to_string(),
        Kind::Chosen | Kind::File => dirty(field),
    }
}

async fn send_all(app: &TestApp, db: &Db, path: &str, fields: &[Field], answers: &mut Vec<String>) {
    let sessions = actor_sessions(db).await;
    for session in &sessions {
        for make in [dirty as fn(&Field) -> String, emptied] {
            let pairs: Vec<(String, String)> =
                fields.iter().filter(|f| f.kind != Kind::File).map(|f| (f.name.clone(), make(f))).collect();
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            let answer = app.send(Method::POST, path, &borrowed, session.as_deref()).await;
            check(&answer, path, answers);
            let mut parts: Vec<(&str, Option<&str>, &[u8])> =
                borrowed.iter().map(|(n, v)| (*n, None, v.as_bytes())).collect();
            for file in fields.iter().filter(|f| f.kind == Kind::File) {
                parts.push((
                    file.name.as_str(),
                    Some("fil\u{1b}.csv"),
                    b"namn;typ\r\nF\x00rening\x07;forening\r\n",
                ));
            }
            let answer = app.post_multipart(path, &parts, session.as_deref()).await;
            check(&answer, path, answers);
        }
    }
}

fn check(answer: &Answer, path: &str, answers: &mut Vec<String>) {
    assert!(!answer.status.is_server_error(), "POST {path}: {} {}", answer.status, answer.body);
    answers.push(format!("{path} {}", answer.status));
}

/// A fresh session for each person of the cast (some routes end sessions), and none.
async fn actor_sessions(db: &Db) -> Vec<Option<String>> {
    let sql = "SELECT id FROM people WHERE active = TRUE ORDER BY created_at";
    let people: Vec<uuid::Uuid> = db.sql().column(sql, &[]).await.unwrap();
    let mut sessions = vec![None];
    for id in people {
        sessions.push(Some(nara::sessions::store::start_session(db, id).await.unwrap()));
    }
    sessions
}

/// Every text value stored anywhere, with where it is.
async fn stored_text(db: &Db) -> Vec<(String, String)> {
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
             AND upper(p.type) LIKE '%TEXT%'"
        }
        Backend::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations' \
             AND data_type IN ('text', 'character varying')"
        }
    };
    let columns: Vec<(String, String)> = db.sql().all(sql, &[]).await.unwrap();
    assert!(columns.len() > 50, "the text columns are found: {}", columns.len());
    let mut values = Vec::new();
    for (table, column) in columns {
        // Names come from the database's own catalogue, not from input.
        let sql = format!("SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
        let rows: Vec<String> = db.sql().column(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
        values.extend(rows.into_iter().map(|v| (format!("{table}.{column}"), v)));
    }
    values
}

on_both_backends!(no_form_stores_a_control_character, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let cast = cast(&db).await;
    let table = routes::table();

    // The forms as people meet them: every page, as everyone.
    let mut forms: BTreeMap<String, Vec<Field>> = BTreeMap::new();
    for route in table.iter().filter(|r| r.method == Method::GET) {
        let path = concrete(&route.paths()[0], &cast);
        for session in actor_sessions(&db).await {
            let answer = app.get(&path, session.as_deref()).await;
            if answer.status == StatusCode::OK {
                for (action, fields) in post_forms(&answer.body) {
                    forms.entry(action).or_insert(fields);
                }
            }
        }
    }
    assert!(forms.len() >= 20, "forms are found on the pages: {:?}", forms.keys());
    let kinds: BTreeSet<_> = forms.values().flatten().map(|f| format!("{:?}", f.kind)).collect();
    assert_eq!(kinds.len(), 4, "text, lines, choices and files are all exercised: {kinds:?}");

    let mut answers = Vec::new();
    for (action, fields) in &forms {
        send_all(&app, &db, action, fields, &mut answers).await;
    }
    // Every POST route of the table, with every field seen anywhere (admin routes last: they
    // may deactivate the people the other routes act as).
    let union: Vec<Field> = {
        let mut by_name: BTreeMap<&str, &Field> = BTreeMap::new();
        for field in forms.values().flatten() {
            by_name.entry(&field.name).or_insert(field);
        }
        by_name.into_values().cloned().collect()
    };
    let mut posts: Vec<_> = table.iter().filter(|r| r.method == Method::POST).collect();
    posts.sort_by_key(|r| r.path.starts_with("/admin"));
    for route in posts {
        let path = concrete(&route.paths()[0], &cast);
        send_all(&app, &db, &path, &union, &mut answers).await;
    }
    let stored_something = answers.iter().filter(|a| a.ends_with(" 303 See Other")).count();
    assert!(stored_something > 30, "many forms were accepted, so storage was reached: {answers:#?}");

    let values = stored_text(&db).await;
    for (place, value) in &values {
        assert!(
            !value.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{place} holds a control character: {value:?}"
        );
    }
    // The sweep did reach storage with the cleaned values.
    assert!(values.iter().any(|(_, v)| v.contains("Text med styrtecken")), "free text was stored");
    assert!(values.iter().any(|(_, v)| v.contains("Andra raden\nTredje")), "lines were stored, cleaned");
});
