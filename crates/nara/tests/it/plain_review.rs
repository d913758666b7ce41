//! The plain-language group's text review on both databases, through the real router: a text goes
//! from submission through review (taken, commented, answered, returned, a new version) to
//! approval with its figures improving; personal data blocks a submission and a new version, and
//! nothing is stored; uploads with macros, encryption, a zip bomb or a huge text are refused with
//! their message and a 4xx; a reviewer sees only open texts and their own, an author only their own
//! (404, audited); the demo's two texts read more easily in their second version.

use std::io::Write;

use crate::common;

use axum::http::StatusCode;
use common::app::{Answer, TestApp, person};
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use nara::plain_language::checker::check;
use nara::plain_language::review::{Figures, State, store};
use uuid::Uuid;

struct People {
    author: Uuid,
    author_session: String,
    other_author: String,
    reviewer: String,
    other_reviewer: String,
    coordinator: String,
    resident: String,
}

async fn session(db: &Db, id: Uuid) -> String {
    nara::sessions::store::start_session(db, id).await.unwrap()
}

async fn people(db: &Db) -> People {
    let role = |role| [RoleGrant { role, unit_id: None }];
    let author = person(db, "anna@example.se", "Anna Berg", &role(Role::Staff)).await;
    let other = person(db, "jonas@example.se", "Jonas Ek", &role(Role::Staff)).await;
    let reviewer = person(db, "nora@example.se", "Nora Lind", &role(Role::PlainReviewer)).await;
    let other_reviewer = person(db, "kim@example.se", "Kim Ali", &role(Role::PlainReviewer)).await;
    let coordinator = person(db, "david@example.se", "David Bergström", &role(Role::Coordinator)).await;
    let resident = person(db, "sara@example.se", "Sara Lindqvist", &[]).await;
    People {
        author,
        author_session: session(db, author).await,
        other_author: session(db, other).await,
        reviewer: session(db, reviewer).await,
        other_reviewer: session(db, other_reviewer).await,
        coordinator: session(db, coordinator).await,
        resident: session(db, resident).await,
    }
}

async fn denied(db: &Db) -> usize {
    let filter = nara::audit::AuditFilter { action: Some("access_denied".into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

async fn logged(db: &Db, action: &str) -> usize {
    let filter = nara::audit::AuditFilter { action: Some(action.into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

fn id_from(location: &str) -> Uuid {
    let id = location.split("/texter/").nth(1).unwrap().split(['?', '/', '#']).next().unwrap();
    Uuid::parse_str(id).unwrap()
}

const FIRST: &str = "Den enskilde som önskar erhålla ekonomiskt bistånd ska inkomma med en skriftlig ansökan \
    till socialförvaltningen. Ansökan handläggs i enlighet med socialtjänstlagen och beslut fattas efter \
    genomförd utredning avseende sökandens samtliga ekonomiska förhållanden.";
const SECOND: &str = "Du kan få pengar till mat och hyra. Skicka en ansökan till oss. Vi tittar på hela din \
    ekonomi. Sedan ringer vi dig.";

/// Sends the submission form: the fields, and a file when `file` is given.
async fn submit(app: &TestApp, session: &str, text: &str, file: Option<(&str, &[u8])>) -> Answer {
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("title", None, b"Ekonomiskt bist\xC3\xA5nd"),
        ("audience", None, b"Vuxna som s\xC3\xB6ker pengar"),
        ("channel", None, b"web"),
        ("deadline", None, b"2030-01-31"),
        ("text", None, text.as_bytes()),
    ];
    if let Some((name, bytes)) = file {
        parts.push(("file", Some(name), bytes));
    }
    app.post_multipart("/personal/klarsprak/ny", &parts, Some(session)).await
}

async fn submitted(app: &TestApp, session: &str, text: &str) -> Uuid {
    let answer = submit(app, session, text, None).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    id_from(answer.location())
}

async fn state(db: &Db, id: Uuid) -> State {
    store::review(db, id).await.unwrap().unwrap().state
}

async fn figures(db: &Db, id: Uuid) -> Vec<Figures> {
    let glossary = nara::plain_language::word_list::store::glossary(db).await.unwrap();
    let versions = store::versions(db, id).await.unwrap();
    versions.iter().map(|v| Figures::of(&check(&v.body, &glossary))).collect()
}

on_both_backends!(a_text_goes_through_review_to_approval_with_its_figures_improving, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = submitted(&app, &p.author_session, FIRST).await;
    assert_eq!(state(&db, id).await, State::Submitted);
    let path = format!("/personal/klarsprak/texter/{id}");
    // Open: every reviewer sees it in their list and may read it.
    for reviewer in [&p.reviewer, &p.other_reviewer] {
        let list = app.get("/personal/klarsprak", Some(reviewer)).await;
        assert!(list.body.contains("Ekonomiskt bistånd"), "{}", list.body);
        assert_eq!(app.get(&path, Some(reviewer)).await.status, StatusCode::OK);
    }
    let taken = app.post(&format!("{path}/ta"), &[], Some(&p.reviewer)).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
    assert_eq!(state(&db, id).await, State::InReview);
    // Taken: no longer the other reviewer's to see or take.
    let before = denied(&db).await;
    assert_eq!(app.get(&path, Some(&p.other_reviewer)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post(&format!("{path}/ta"), &[], Some(&p.other_reviewer)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(denied(&db).await, before + 2, "both attempts are audited");

    // A comment must quote the text.
    let wrong = [("passage", "tre veckor"), ("comment", "Oklart."), ("rewrite", "")];
    let refused = app.post(&format!("{path}/kommentar"), &wrong, Some(&p.reviewer)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Stycket finns inte"), "{}", refused.body);
    let comment = [
        ("passage", "Den enskilde som önskar erhålla ekonomiskt bistånd"),
        ("comment", "Skriv du till läsaren."),
        ("rewrite", "Du kan få pengar till mat och hyra."),
    ];
    let commented = app.post(&format!("{path}/kommentar"), &comment, Some(&p.reviewer)).await;
    assert_eq!(commented.status, StatusCode::SEE_OTHER, "{}", commented.body);
    // The author is not the reviewer: they may not comment or decide.
    let before = denied(&db).await;
    let not_theirs = app
        .post(
            &format!("{path}/beslut"),
            &[("decision", "godkann"), ("version", "1")],
            Some(&p.author_session),
        )
        .await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(denied(&db).await, before + 1);

    // The author reads the comment and answers it.
    let page = app.get(&path, Some(&p.author_session)).await;
    assert!(
        page.body.contains("Skriv du till läsaren.") && page.body.contains("Du kan få pengar"),
        "{}",
        page.body
    );
    let comment_id = store::comments(&db, id).await.unwrap()[0].id.to_string();
    let answer = [("comment", comment_id.as_str()), ("answer", "Tack, jag skriver om.")];
    let answered = app.post(&format!("{path}/svar"), &answer, Some(&p.author_session)).await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
    let returned = app
        .post(&format!("{path}/beslut"), &[("decision", "aterlamna"), ("version", "1")], Some(&p.reviewer))
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    assert_eq!(state(&db, id).await, State::Returned);

    // A new version goes back to the reviewer; its figures are better.
    let version = app.post(&format!("{path}/version"), &[("text", SECOND)], Some(&p.author_session)).await;
    assert_eq!(version.status, StatusCode::SEE_OTHER, "{}", version.body);
    assert_eq!(state(&db, id).await, State::InReview);
    let figures = figures(&db, id).await;
    assert_eq!(figures.len(), 2);
    assert!(figures[1].improves_on(&figures[0]), "{figures:?}");
    let page = app.get(&path, Some(&p.reviewer)).await;
    assert!(page.body.contains("Tack, jag skriver om."), "the reviewer reads the answer");
    for head in
        ["Siffror för varje version", "<th scope=\"col\">Version 1</th>", "<th scope=\"col\">Version 2</th>"]
    {
        assert!(page.body.contains(head), "{head}: {}", page.body);
    }
    let english = app.get(&format!("/en{path}"), Some(&p.reviewer)).await;
    assert!(english.body.contains("Figures for each version"), "{}", english.body);

    // A decision made on the page of version 1 does not approve version 2, unseen.
    let stale = app
        .post(&format!("{path}/beslut"), &[("decision", "godkann"), ("version", "1")], Some(&p.reviewer))
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", stale.body);
    assert_eq!(state(&db, id).await, State::InReview);
    let approved = app
        .post(&format!("{path}/beslut"), &[("decision", "godkann"), ("version", "2")], Some(&p.reviewer))
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(state(&db, id).await, State::Approved);
    let late = app.post(&format!("{path}/version"), &[("text", SECOND)], Some(&p.author_session)).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY, "an approved text stays as it is");
    for action in [
        "text_submitted",
        "text_taken",
        "text_commented",
        "text_answered",
        "text_returned",
        "text_version_added",
        "text_approved",
    ] {
        assert_eq!(logged(&db, action).await, 1, "{action}");
    }
});

on_both_backends!(the_coordinator_assigns_a_reviewer, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = submitted(&app, &p.author_session, FIRST).await;
    let path = format!("/personal/klarsprak/texter/{id}");
    let reviewer = nara::identity::store::person_by_email(
        &db,
        &nara::identity::EmailAddress::parse("kim@example.se").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .0
    .id;
    let page = app.get(&path, Some(&p.coordinator)).await;
    assert!(page.body.contains("Kim Ali") && page.body.contains("Nora Lind"), "{}", page.body);
    let (author, reviewer) = (p.author.to_string(), reviewer.to_string());
    let bad =
        app.post(&format!("{path}/tilldela"), &[("reviewer", author.as_str())], Some(&p.coordinator)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "staff who do not review cannot be given texts");
    let assigned =
        app.post(&format!("{path}/tilldela"), &[("reviewer", reviewer.as_str())], Some(&p.coordinator)).await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);
    let review = store::review(&db, id).await.unwrap().unwrap();
    assert_eq!(review.state, State::InReview);
    assert_eq!(review.reviewer_id.map(|r| r.to_string()), Some(reviewer.clone()));
    assert_eq!(app.get(&path, Some(&p.other_reviewer)).await.status, StatusCode::OK, "assigned to Kim");
    assert_eq!(app.get(&path, Some(&p.reviewer)).await.status, StatusCode::NOT_FOUND, "not Nora's");
    // Only the coordinator assigns.
    let refused = app
        .post(&format!("{path}/tilldela"), &[("reviewer", reviewer.as_str())], Some(&p.author_session))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(logged(&db, "text_assigned").await, 1);
});

on_both_backends!(personal_data_blocks_a_text_and_nothing_is_kept, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let text = "Kontakta Sara, 19900101-2385, på 070-123 45 67 eller sara@example.se.";
    let answer = submit(&app, &p.author_session, text, None).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
    for message in ["ett personnummer", "ett telefonnummer", "en e-postadress"] {
        assert!(answer.body.contains(message), "{message}: {}", answer.body);
    }
    assert!(answer.body.contains("error-summary"), "the GOV.UK error summary names what was found");
    // From a file too: the text read is put in the box to be cleaned.
    let answer = submit(&app, &p.author_session, "", Some(("brev.txt", text.as_bytes()))).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("ett personnummer"), "{}", answer.body);
    assert!(store::reviews_by(&db, p.author).await.unwrap().is_empty(), "nothing stored");
    assert_eq!(logged(&db, "text_submitted").await, 0);

    // A new version with personal data is refused too; the first stays the only one.
    let id = submitted(&app, &p.author_session, FIRST).await;
    let path = format!("/personal/klarsprak/texter/{id}/version");
    let refused = app.post(&path, &[("text", text)], Some(&p.author_session)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("ett telefonnummer"), "{}", refused.body);
    assert_eq!(store::versions(&db, id).await.unwrap().len(), 1);
});

on_both_backends!(personal_data_is_refused_in_every_field_the_group_reads, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let field_message = "Fältet har ett personnummer";
    // The title of a text: every reviewer sees it in the list of open texts.
    let parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("title", None, "Brev till sara@example.se".as_bytes()),
        ("audience", None, b"Vuxna"),
        ("channel", None, b"web"),
        ("deadline", None, b"2030-01-31"),
        ("text", None, SECOND.as_bytes()),
    ];
    let refused = app.post_multipart("/personal/klarsprak/ny", &parts, Some(&p.author_session)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        refused.body.contains(field_message) && refused.body.contains("href=\"#title\""),
        "{}",
        refused.body
    );

    let id = submitted(&app, &p.author_session, FIRST).await;
    let path = format!("/personal/klarsprak/texter/{id}");
    assert_eq!(app.post(&format!("{path}/ta"), &[], Some(&p.reviewer)).await.status, StatusCode::SEE_OTHER);
    let comment = [
        ("passage", "Den enskilde som önskar erhålla ekonomiskt bistånd"),
        ("comment", "Ring mig på 070-123 45 67."),
        ("rewrite", ""),
    ];
    let refused = app.post(&format!("{path}/kommentar"), &comment, Some(&p.reviewer)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains(field_message), "{}", refused.body);
    assert!(store::comments(&db, id).await.unwrap().is_empty());

    let comment = [("passage", "Den enskilde"), ("comment", "Skriv du."), ("rewrite", "")];
    app.post(&format!("{path}/kommentar"), &comment, Some(&p.reviewer)).await;
    let comment_id = store::comments(&db, id).await.unwrap()[0].id.to_string();
    let answer = [("comment", comment_id.as_str()), ("answer", "Mitt nummer: 19900101-2385")];
    let refused = app.post(&format!("{path}/svar"), &answer, Some(&p.author_session)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(logged(&db, "text_answered").await, 0);
    // An answer to a comment that is not on this text: 404, audited.
    let before = denied(&db).await;
    let stray = Uuid::new_v4().to_string();
    let answer = [("comment", stray.as_str()), ("answer", "Tack.")];
    let unknown = app.post(&format!("{path}/svar"), &answer, Some(&p.author_session)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(denied(&db).await, before + 1);
});

on_both_backends!(nobody_reviews_or_approves_their_own_text, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    // A reviewer who writes a text of their own.
    let role = |role| [RoleGrant { role, unit_id: None }];
    let both = person(&db, "lo@example.se", "Lo Sund", &role(Role::PlainReviewer)).await;
    let both_session = session(&db, both).await;
    let id = submitted(&app, &both_session, FIRST).await;
    let path = format!("/personal/klarsprak/texter/{id}");
    let page = app.get(&path, Some(&both_session)).await;
    assert!(page.status == StatusCode::OK && !page.body.contains("/ta\""), "no take button: {}", page.body);
    let taken = app.post(&format!("{path}/ta"), &[], Some(&both_session)).await;
    assert_eq!(taken.status, StatusCode::FORBIDDEN);
    // The coordinator cannot give it to them either: they are not among the choices.
    let page = app.get(&path, Some(&p.coordinator)).await;
    assert!(!page.body.contains(&format!("value=\"{both}\"")), "{}", page.body);
    let assigned = app
        .post(&format!("{path}/tilldela"), &[("reviewer", both.to_string().as_str())], Some(&p.coordinator))
        .await;
    assert_eq!(assigned.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store::review(&db, id).await.unwrap().unwrap().reviewer_id, None);
    // Nor does the storage layer let it through, whatever a handler does.
    let mut tx = db.begin_write().await.unwrap();
    assert!(!store::take(&mut tx, id, both).await.unwrap());
    assert!(!store::assign(&mut tx, id, both).await.unwrap());
    drop(tx);
});

/// A zip with the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const TYPES: &[u8] = br#"<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

on_both_backends!(refused_uploads_say_why_with_a_client_error, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let document =
        br#"<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Hej.</w:t></w:r></w:p></w:body></w:document>"#;
    let macros = zip_of(&[
        ("[Content_Types].xml", TYPES),
        ("word/document.xml", document),
        ("word/vbaProject.bin", b"\x00macro"),
    ]);
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend_from_slice(&[0; 1024]);
    let bomb =
        zip_of(&[("[Content_Types].xml", TYPES), ("word/document.xml", &vec![b'a'; 11 * 1024 * 1024])]);
    assert!(bomb.len() < 100 * 1024, "a small file that expands: {}", bomb.len());
    let huge = "ord ".repeat(nara::plain_language::api::MAX_CHARS / 4 + 1);
    let cases: [(&str, &[u8], &str); 4] = [
        ("makro.docx", &macros, "Filen har makron"),
        ("last.docx", &encrypted, "Filen är låst med lösenord"),
        ("bomb.docx", &bomb, "Filen blir för stor när den packas upp"),
        ("lang.txt", huge.as_bytes(), "Texten är för lång"),
    ];
    for (name, bytes, message) in cases {
        let answer = submit(&app, &p.author_session, "", Some((name, bytes))).await;
        assert!(answer.status.is_client_error(), "{name}: {}", answer.status);
        assert!(answer.body.contains(message), "{name}: {message}: {}", answer.body);
    }
    // Over the route's limit: refused before it is read.
    let too_big = vec![b'a'; nara::plain_language::review::author::MAX_REQUEST_BYTES + 1];
    let answer = submit(&app, &p.author_session, "", Some(("stor.txt", &too_big))).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(store::reviews_by(&db, p.author).await.unwrap().is_empty());
    // A good .docx is read.
    let good = zip_of(&[("[Content_Types].xml", TYPES), ("word/document.xml", document)]);
    let answer = submit(&app, &p.author_session, "", Some(("bra.docx", &good))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let id = id_from(answer.location());
    assert_eq!(store::versions(&db, id).await.unwrap()[0].body, "Hej.");
});

on_both_backends!(authors_and_reviewers_see_only_what_is_theirs, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = submitted(&app, &p.author_session, FIRST).await;
    let path = format!("/personal/klarsprak/texter/{id}");
    let before = denied(&db).await;
    // Another author: it does not exist for them, whatever they try.
    assert_eq!(app.get(&path, Some(&p.other_author)).await.status, StatusCode::NOT_FOUND);
    let version = app.post(&format!("{path}/version"), &[("text", SECOND)], Some(&p.other_author)).await;
    assert_eq!(version.status, StatusCode::NOT_FOUND);
    assert_eq!(denied(&db).await, before + 2, "audited");
    let list = app.get("/personal/klarsprak", Some(&p.other_author)).await;
    assert!(!list.body.contains("Ekonomiskt bistånd"), "{}", list.body);
    // A resident is not staff: the whole text review is refused.
    let before = denied(&db).await;
    assert_eq!(app.get("/personal/klarsprak", Some(&p.resident)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&path, Some(&p.resident)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(denied(&db).await, before + 2);
    // A reviewer's list: open texts and theirs, never another reviewer's.
    app.post(&format!("{path}/ta"), &[], Some(&p.reviewer)).await;
    let mine = app.get("/personal/klarsprak", Some(&p.reviewer)).await;
    assert!(mine.body.contains("Ekonomiskt bistånd"));
    let theirs = app.get("/personal/klarsprak", Some(&p.other_reviewer)).await;
    assert!(!theirs.body.contains("Ekonomiskt bistånd"), "{}", theirs.body);
    // The coordinator sees every text not yet approved.
    let all = app.get("/personal/klarsprak", Some(&p.coordinator)).await;
    assert!(all.body.contains("Ekonomiskt bistånd"));
});

on_both_backends!(the_demo_texts_read_more_easily_in_their_second_version, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    let app = TestApp::new(db.clone());
    let author = nara::identity::store::person_by_email(
        &db,
        &nara::identity::EmailAddress::parse(nara::demo::plain_language::AUTHOR).unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .0
    .id;
    let texts = store::reviews_by(&db, author).await.unwrap();
    let mut states: Vec<State> = texts.iter().map(|t| t.state).collect();
    states.sort_by_key(|s| s.as_str());
    assert_eq!(states, vec![State::Approved, State::InReview]);
    for text in &texts {
        let figures = figures(&db, text.id).await;
        assert_eq!(figures.len(), 2, "{}", text.title);
        assert!(figures[1].improves_on(&figures[0]), "{}: {figures:?}", text.title);
    }
    let in_review = texts.iter().find(|t| t.state == State::InReview).unwrap();
    assert!(!store::comments(&db, in_review.id).await.unwrap().is_empty());
    // The demo reviewer logs in with the demo password and finds the text in review.
    let token = app.log_in(nara::demo::plain_language::REVIEWER, nara::demo::DEMO_PASSWORD).await.unwrap();
    let list = app.get("/personal/klarsprak", Some(&token)).await;
    assert!(list.body.contains(&in_review.title), "{}", list.body);
    // Seeding again adds nothing.
    nara::demo::seed(&db).await.unwrap();
    assert_eq!(store::reviews_by(&db, author).await.unwrap().len(), 2);
});
