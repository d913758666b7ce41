//! Citizen reporters on both databases, through the real router: an article goes from a
//! reporter's draft through the editor to the public list, the Atom feed (parsed by a real feed
//! parser) and its page's schema.org data (parsed with serde_json, a `</script>` in the title
//! kept inside); publishing is refused while an interviewee has not given consent, also when the
//! consent changes under the editor; a reporter never sees another reporter's drafts (404,
//! audited).

use crate::common;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

struct People {
    reporter: String,
    other_reporter: String,
    coordinator: String,
}

async fn session(db: &Db, id: Uuid) -> String {
    nara::sessions::store::start_session(db, id).await.unwrap()
}

async fn people(db: &Db) -> People {
    let role = |role| [RoleGrant { role, unit_id: None }];
    let reporter = person(db, "amira@example.se", "Amira Yusuf", &role(Role::Reporter)).await;
    let other = person(db, "johan@example.se", "Johan Persson", &role(Role::Reporter)).await;
    let coordinator = person(db, "david@example.se", "David Bergström", &role(Role::Coordinator)).await;
    People {
        reporter: session(db, reporter).await,
        other_reporter: session(db, other).await,
        coordinator: session(db, coordinator).await,
    }
}

async fn denied(db: &Db) -> usize {
    let filter = nara::audit::AuditFilter { action: Some("access_denied".into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

fn id_from(location: &str) -> Uuid {
    let id = location.split("/artiklar/").nth(1).unwrap().split(['?', '/', '#']).next().unwrap();
    Uuid::parse_str(id).unwrap()
}

/// A reporter chooses a byline and writes an article (sent to the editor when `send`).
async fn write(app: &TestApp, session: &str, title: &str, send: bool) -> Uuid {
    let answer = app.post("/invanarreporter/namn", &[("byline", "Amira Y.")], Some(session)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let form = [
        ("lang", "sv"),
        ("title", title),
        ("lead", "En ingress om stöd."),
        ("body", "## Mellanrubrik\n\nText med **fetstil** och <script>alert(1)</script>."),
        ("action", if send { "skicka" } else { "spara" }),
    ];
    let answer = app.post("/invanarreporter/ny", &form, Some(session)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    id_from(answer.location())
}

async fn interviewee(app: &TestApp, session: &str, id: Uuid, consent: &str) -> common::app::Answer {
    let form = [
        ("name", "Kim"),
        ("consent", consent),
        ("consent-how", "Muntligt i telefon"),
        ("consent-on", "2026-11-30"),
    ];
    app.post(&format!("/invanarreporter/artiklar/{id}/intervjuad"), &form, Some(session)).await
}

/// A small picture, as a phone might send it.
pub fn png() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]))
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

async fn status(db: &Db, id: Uuid) -> nara::reporters::Status {
    nara::reporters::store::article(db, id).await.unwrap().unwrap().status
}

on_both_backends!(an_article_goes_from_draft_through_the_editor_to_the_feed_and_its_page, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let title = "Att få hjälp </script><script>alert(1)</script> & mer";
    let id = write(&app, &p.reporter, title, false).await;
    assert_eq!(status(&db, id).await, nara::reporters::Status::Draft);
    // A draft is the reporter's own: not on the editor's page.
    let editor = app.get("/samordnare", Some(&p.coordinator)).await;
    assert!(!editor.body.contains("Att få hjälp"), "{}", editor.body);
    let form = [
        ("lang", "sv"),
        ("title", title),
        ("lead", "En ingress om stöd."),
        ("body", "Text."),
        ("action", "skicka"),
    ];
    let sent = app.post(&format!("/invanarreporter/artiklar/{id}"), &form, Some(&p.reporter)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(status(&db, id).await, nara::reporters::Status::InReview);
    // Sent: the reporter can no longer change it.
    let late = app.post(&format!("/invanarreporter/artiklar/{id}"), &form, Some(&p.reporter)).await;
    assert_eq!(late.status, StatusCode::NOT_FOUND);
    let returned = app
        .post(
            &format!("/samordnare/artiklar/{id}"),
            &[("action", "aterlamna"), ("comment", "Skriv mer om vad Kim sa.")],
            Some(&p.coordinator),
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    let page = app.get(&format!("/invanarreporter/artiklar/{id}"), Some(&p.reporter)).await;
    assert!(page.body.contains("Skriv mer om vad Kim sa."), "the reporter reads the comment");
    let again = app.post(&format!("/invanarreporter/artiklar/{id}"), &form, Some(&p.reporter)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let published = app
        .post(&format!("/samordnare/artiklar/{id}"), &[("action", "publicera")], Some(&p.coordinator))
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    let article = nara::reporters::store::article(&db, id).await.unwrap().unwrap();
    assert_eq!(article.status, nara::reporters::Status::Published);
    assert_eq!(article.byline.as_deref(), Some("Amira Y."), "the chosen name, not the legal one");
    let slug = article.slug.unwrap();

    // The list and the feed, in both languages.
    let list = app.get("/en/artiklar", None).await;
    assert!(list.body.contains(&format!("/en/artiklar/{slug}")), "{}", list.body);
    assert!(list.body.contains("lang=\"sv\""), "marked with the language it is written in");
    for path in ["/artiklar.atom", "/en/artiklar.atom"] {
        let feed = app.get(path, None).await;
        assert_eq!(feed.status, StatusCode::OK);
        let parsed: atom_syndication::Feed = feed.body.parse().expect("the feed parses as Atom");
        assert_eq!(parsed.entries().len(), 1);
        let entry = &parsed.entries()[0];
        assert_eq!(entry.title().as_str(), title);
        assert!(entry.links()[0].href().ends_with(&slug), "{}", entry.links()[0].href());
        assert_eq!(entry.summary().map(|s| s.as_str()), Some("En ingress om stöd."));
    }

    // The page: one h1, schema.org data that keeps the title inside its element.
    let page = app.get(&format!("/artiklar/{slug}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<h1").count(), 1);
    let json = page
        .body
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the page carries JSON-LD");
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON-LD parses");
    assert_eq!(value["@type"], "Article");
    assert_eq!(value["headline"], title);
    assert_eq!(value["author"]["name"], "Amira Y.");
    assert_eq!(value["inLanguage"], "sv");
    assert!(!page.body.contains("<script>alert"), "no script from the text runs");
});

on_both_backends!(publishing_is_refused_without_consent_from_every_interviewee, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = write(&app, &p.reporter, "Vänta på besked", false).await;
    assert_eq!(interviewee(&app, &p.reporter, id, "ja").await.status, StatusCode::SEE_OTHER);
    assert_eq!(interviewee(&app, &p.reporter, id, "nej").await.status, StatusCode::SEE_OTHER);
    let form = [
        ("lang", "sv"),
        ("title", "Vänta på besked"),
        ("lead", "Ingress."),
        ("body", "Text."),
        ("action", "skicka"),
    ];
    app.post(&format!("/invanarreporter/artiklar/{id}"), &form, Some(&p.reporter)).await;
    let refused = app
        .post(&format!("/samordnare/artiklar/{id}"), &[("action", "publicera")], Some(&p.coordinator))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Alla intervjuade har inte sagt ja"), "{}", refused.body);
    assert_eq!(status(&db, id).await, nara::reporters::Status::InReview);
    assert_eq!(app.get("/artiklar.atom", None).await.body.matches("<entry>").count(), 0);

    // The statement itself checks consent: an interviewee without it, added after the editor read
    // the article, still stops it.
    let clean = write(&app, &p.reporter, "Ett annat besked", true).await;
    let who = nara::reporters::Interviewee {
        name: None,
        consent_given: false,
        consent_how: "Ska fråga igen".into(),
        consent_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    let reporter = nara::reporters::store::article(&db, clean).await.unwrap().unwrap().author_id;
    let mut tx = db.begin_write().await.unwrap();
    let sql = "INSERT INTO article_interviewees (article_id, position, name, consent_given, consent_how, consent_on, \
               recorded_by, recorded_at) VALUES ($1, 1, NULL, $2, $3, $4, $5, $6)";
    tx.sql()
        .execute(
            sql,
            &[
                &clean,
                &who.consent_given,
                &who.consent_how,
                &who.consent_on,
                &reporter,
                &nara::db::UtcTime::now(),
            ],
        )
        .await
        .unwrap();
    assert!(
        !nara::reporters::store::publish(&mut tx, clean, "ett-annat", "Amira Y.", reporter).await.unwrap()
    );
    tx.commit().await.unwrap();
    assert_eq!(status(&db, clean).await, nara::reporters::Status::InReview);
});

on_both_backends!(a_reporter_never_sees_another_reporters_drafts, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = write(&app, &p.reporter, "Mitt utkast", false).await;
    let page = format!("/invanarreporter/artiklar/{id}");
    assert_eq!(app.get(&page, Some(&p.reporter)).await.status, StatusCode::OK);
    let before = denied(&db).await;
    assert_eq!(app.get(&page, Some(&p.other_reporter)).await.status, StatusCode::NOT_FOUND);
    let form = [("lang", "sv"), ("title", "Kapat"), ("lead", "x"), ("body", "x"), ("action", "skicka")];
    assert_eq!(app.post(&page, &form, Some(&p.other_reporter)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(interviewee(&app, &p.other_reporter, id, "ja").await.status, StatusCode::NOT_FOUND);
    assert_eq!(denied(&db).await, before + 3, "each attempt is audited");
    let theirs = app.get("/invanarreporter", Some(&p.other_reporter)).await;
    assert!(!theirs.body.contains("Mitt utkast"));
    // The editor does not see a draft that was never sent either.
    let editor = app.get(&format!("/samordnare/artiklar/{id}"), Some(&p.coordinator)).await;
    assert_eq!(editor.status, StatusCode::NOT_FOUND);
    assert_eq!(nara::reporters::store::article(&db, id).await.unwrap().unwrap().text.title, "Mitt utkast");
});

on_both_backends!(bad_article_input_gets_messages_not_errors, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let long = "x".repeat(151);
    let form = [
        ("lang", "de"),
        ("title", long.as_str()),
        ("lead", ""),
        ("body", " "),
        ("entries", "finns-inte"),
        ("action", "skicka"),
    ];
    let answer = app.post("/invanarreporter/ny", &form, Some(&p.reporter)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Välj språket du skriver på",
        "Rubriken får vara högst 150 tecken",
        "Skriv en ingress",
        "Skriv artikelns text",
        "Välj bara bland det som finns i listan",
    ] {
        assert!(answer.body.contains(message), "{message}");
    }
    let english = app.post("/en/invanarreporter/namn", &[("byline", "")], Some(&p.reporter)).await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english.body.contains("Write the name to show under your articles"));
});

on_both_backends!(an_articles_picture_needs_its_alt_text, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let p = people(&db).await;
    let id = write(&app, &p.reporter, "Med bild", false).await;
    let path = format!("/invanarreporter/artiklar/{id}/bild");
    let png = png();
    let without: [(&str, Option<&str>, &[u8]); 2] = [("alt", None, b" "), ("image", Some("kok.png"), &png)];
    let refused = app.post_multipart(&path, &without, Some(&p.reporter)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Beskriv vad bilden visar"), "{}", refused.body);
    let not_a_picture: [(&str, Option<&str>, &[u8]); 2] =
        [("alt", None, b"Ett kok"), ("image", Some("kok.png"), b"%PDF-1.4 inte en bild")];
    let refused = app.post_multipart(&path, &not_a_picture, Some(&p.reporter)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Filen är inte en bild"), "{}", refused.body);
    assert!(nara::reporters::store::article(&db, id).await.unwrap().unwrap().image.is_none());
    let with: [(&str, Option<&str>, &[u8]); 2] =
        [("alt", None, "Tre personer lagar mat".as_bytes()), ("image", Some("kok.png"), &png)];
    let saved = app.post_multipart(&path, &with, Some(&p.reporter)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (image, alt) = nara::reporters::store::article(&db, id).await.unwrap().unwrap().image.unwrap();
    assert_eq!(alt, "Tre personer lagar mat");
    let page = app.get(&format!("/invanarreporter/artiklar/{id}"), Some(&p.reporter)).await;
    assert!(page.body.contains(&format!(
        "<img class=\"article__image\" src=\"/bild/{image}\" alt=\"Tre personer lagar mat\">"
    )));
    assert_eq!(app.get(&format!("/bild/{image}"), None).await.status, StatusCode::OK);
    // Another reporter cannot put a picture on it.
    assert_eq!(app.post_multipart(&path, &with, Some(&p.other_reporter)).await.status, StatusCode::NOT_FOUND);
});
