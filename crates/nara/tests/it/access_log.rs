//! The resident's access log and refused attempts, on both databases through the real router:
//! when someone is refused a resident's case, the resident sees that someone was refused (one
//! line a day, with a count) and never who; the log reviewers see who, and hear of it, once an
//! hour, when one person is refused again and again.

use crate::common;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::cases::NewCase;
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    case: Uuid,
    /// Sessions: A owns the case, B is another resident, X works on it, Y is in another unit.
    a: String,
    b: String,
    x: String,
    y: String,
    reviewer: String,
}

const REVIEWERS: [&str; 2] = ["rita@example.se", "rune@example.se"];

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(&db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let reviewer = [RoleGrant { role: Role::LogReviewer, unit_id: None }];
    let resident_a = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let resident_b = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let officer_x = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let officer_y = person(&db, "y@example.se", "Yngve Annanenhet", &staff(unit_y)).await;
    let rita = person(&db, REVIEWERS[0], "Rita Granskare", &reviewer).await;
    person(&db, REVIEWERS[1], "Rune Granskare", &reviewer).await;
    let case = nara::cases::store::open_case(
        &db,
        &NewCase {
            resident_id: resident_a,
            unit_id: unit_x,
            officer_id: Some(officer_x),
            title: "Stöd till anhöriga".into(),
        },
        None,
    )
    .await
    .unwrap();
    World {
        a: nara::sessions::store::start_session(&db, resident_a).await.unwrap(),
        b: nara::sessions::store::start_session(&db, resident_b).await.unwrap(),
        x: nara::sessions::store::start_session(&db, officer_x).await.unwrap(),
        y: nara::sessions::store::start_session(&db, officer_y).await.unwrap(),
        reviewer: nara::sessions::store::start_session(&db, rita).await.unwrap(),
        app,
        db,
        case,
    }
}

impl World {
    /// B asks for A's case `times` times; each is refused as if it did not exist.
    async fn b_tries_a_case(&self, times: usize) {
        for _ in 0..times {
            let answer = self.app.get(&format!("/mina-sidor/arenden/{}", self.case), Some(&self.b)).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND);
        }
    }

    /// The notices about refusals waiting for `to`.
    async fn notices_to(&self, to: &str) -> Vec<nara::mail::OutboxMessage> {
        let outbox = nara::mail::store::outbox(&self.db).await.unwrap();
        outbox.into_iter().filter(|m| m.to_address == to && m.subject.contains("nekade försök")).collect()
    }
}

on_both_backends!(
    a_refused_resident_is_not_named_in_the_residents_log_but_is_for_the_reviewers,
    Migrated,
    |db| {
        let w = world(db).await;
        let read = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
        assert_eq!(read.status, StatusCode::OK);
        w.b_tries_a_case(3).await;

        for (path, refused) in [
            ("/mina-sidor/logg", "Någon försökte öppna ditt ärende och nekades, 3 gånger."),
            ("/en/mina-sidor/logg", "Someone tried to open your case and was refused, 3 times."),
        ] {
            let log = w.app.get(path, Some(&w.a)).await;
            assert_eq!(log.status, StatusCode::OK, "{path}");
            let body = &log.body;
            assert_eq!(body.matches(refused).count(), 1, "{path}: one line for the day: {body}");
            assert!(!body.contains("Bertil"), "{path}: the refused person is not named");
            assert!(!body.contains("(invånare") && !body.contains("(resident"), "{path}: nor their role");
            assert!(body.contains("Xenia Handläggare"), "{path}: whoever read the case still is");
        }
        let export = w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.a)).await;
        assert!(!export.body.contains("Bertil"), "nor in the download");
        let data: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        assert_eq!(data["refused_attempts"][0]["count"], 3);
        let page = w.app.get("/mina-sidor/mina-uppgifter", Some(&w.a)).await;
        assert!(page.body.contains("Någon försökte 3 gånger öppna ditt ärende och nekades."));
        assert!(!page.body.contains("Bertil"));

        // The reviewer searching A's log sees who was refused.
        let search = w.app.post("/granskning/logg", &[("vems", "a@example.se")], Some(&w.reviewer)).await;
        assert_eq!(search.status, StatusCode::OK);
        assert_eq!(search.body.matches("Bertil Berg").count(), 3, "each refusal, named");
    }
);

on_both_backends!(the_sixth_refusal_within_an_hour_tells_the_reviewers_once_without_names, Migrated, |db| {
    let w = world(db).await;
    w.b_tries_a_case(5).await;
    for reviewer in REVIEWERS {
        assert!(w.notices_to(reviewer).await.is_empty(), "five refusals are let be");
    }
    w.b_tries_a_case(1).await;
    for reviewer in REVIEWERS {
        assert_eq!(w.notices_to(reviewer).await.len(), 1, "the sixth tells each reviewer");
    }
    w.b_tries_a_case(3).await;
    let notices = w.notices_to(REVIEWERS[0]).await;
    assert_eq!(notices.len(), 1, "once an hour per person, not once a refusal");
    let notice = &notices[0];
    for secret in ["Bertil", "b@example.se", "Alma", "a@example.se", &w.case.to_string()] {
        assert!(!notice.body.contains(secret) && !notice.subject.contains(secret), "{secret} in the notice");
    }
    assert!(notice.body.contains("fler än 5 gånger"), "{}", notice.body);

    // The notice links to the refusals in the log, which name who it was.
    let start = notice.body.find("http://nara.example.se").expect("a link");
    let link =
        notice.body[start..].split_whitespace().next().unwrap().trim_start_matches("http://nara.example.se");
    assert!(link.starts_with("/granskning/logg?handelse=access_denied&fran="), "{link}");
    let refusals = w.app.get(link, Some(&w.reviewer)).await;
    assert_eq!(refusals.status, StatusCode::OK);
    assert_eq!(refusals.body.matches("Bertil Berg").count(), 9, "every refusal since then");
    assert_eq!(w.app.get(link, Some(&w.b)).await.status, StatusCode::FORBIDDEN, "only for reviewers");

    // Another person refused as often is another notice.
    for _ in 0..6 {
        let answer = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.y)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(w.notices_to(REVIEWERS[1]).await.len(), 2);
});

on_both_backends!(the_residents_log_gives_purposes_in_the_readers_language, Migrated, |db| {
    let w = world(db).await;
    let seen = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
    assert_eq!(seen.status, StatusCode::OK);
    let en = w.app.get("/en/mina-sidor/logg", Some(&w.a)).await.body;
    assert!(en.contains(">Handling the case</td>"), "{en}");
    assert!(!en.contains("Handläggning av ärendet"), "no Swedish purpose in English");
    let sv = w.app.get("/mina-sidor/logg", Some(&w.a)).await.body;
    assert!(sv.contains(">Handläggning av ärendet</td>"), "{sv}");
});

on_both_backends!(
    an_officer_s_repeated_views_of_a_case_on_one_day_are_one_line_with_a_count,
    Migrated,
    |db| {
        let w = world(db).await;
        for _ in 0..3 {
            let page = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
            assert_eq!(page.status, StatusCode::OK);
        }
        let log = w.app.get("/mina-sidor/logg", Some(&w.a)).await;
        assert_eq!(log.status, StatusCode::OK);
        assert_eq!(log.body.matches("Xenia Handläggare").count(), 1, "one line: {}", log.body);
        assert!(log.body.contains("3 gånger den dagen"), "{}", log.body);
        assert!(log.body.contains("Handläggning av ärendet"));
        let english = w.app.get("/en/mina-sidor/logg", Some(&w.a)).await;
        assert!(
            english.body.contains("3 times that day") && english.body.contains("Handling the case"),
            "{}",
            english.body
        );
        // The export keeps each view.
        let export = w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.a)).await;
        let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        let views =
            json["access_log"].as_array().unwrap().iter().filter(|l| l["action"] == "case_viewed").count();
        assert_eq!(views, 3);
    }
);
