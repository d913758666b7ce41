//! The board's goals on both databases, through the real router: officers record a child's
//! placements and a young person's youth sentence on the case page (valid and invalid forms, each
//! change audited with the resident as subject; staff of another unit are refused); the dashboard
//! is for the quality office only; `/resultat` is public; the figures match values computed by
//! hand, and small groups (with their complements) are absent from the page and the CSV.

use crate::common;

use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate};
use common::app::{TestApp, person};
use nara::audit::AuditFilter;
use nara::cases::NewCase;
use nara::cases::placements::{NewPlacement, NewSentence, Outcome, PlacementKind, SentenceTerms, store};
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    units: (Uuid, Uuid),
    /// Officers of unit X and Y, and the quality office.
    x: Uuid,
    y: Uuid,
    sessions: Sessions,
}

struct Sessions {
    x: String,
    y: String,
    quality: String,
    resident: String,
    admin: String,
}

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(&db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let x = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let y = person(&db, "y@example.se", "Yngve Handläggare", &staff(unit_y)).await;
    let quality =
        person(&db, "q@example.se", "Kvalitet", &[RoleGrant { role: Role::Quality, unit_id: None }]).await;
    let resident = person(&db, "r@example.se", "Rut Invånare", &[]).await;
    let admin = person(&db, "a@example.se", "Admin", &[RoleGrant { role: Role::Admin, unit_id: None }]).await;
    let session = |id| {
        let db = db.clone();
        async move { nara::sessions::store::start_session(&db, id).await.unwrap() }
    };
    let sessions = Sessions {
        x: session(x).await,
        y: session(y).await,
        quality: session(quality).await,
        resident: session(resident).await,
        admin: session(admin).await,
    };
    World { app, db, units: (unit_x, unit_y), x, y, sessions }
}

/// A new child with a case at `unit`.
async fn new_case(w: &World, unit: Uuid, officer: Uuid) -> (Uuid, Uuid) {
    let child = person(&w.db, &format!("{}@example.se", Uuid::new_v4()), "Barn", &[]).await;
    let new =
        NewCase { resident_id: child, unit_id: unit, officer_id: Some(officer), title: "Placering".into() };
    (nara::cases::store::open_case(&w.db, &new, None).await.unwrap(), child)
}

async fn entries(db: &Db, subject: Uuid, action: &str) -> usize {
    let filter = AuditFilter { subject_id: Some(subject), action: Some(action.into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 1000).await.unwrap().len()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

on_both_backends!(officers_record_placements_and_sentences_on_the_case_page, Migrated, |db| {
    let w = world(db).await;
    let (case, child) = new_case(&w, w.units.0, w.x).await;
    let base = format!("/handlaggare/arenden/{case}");
    let page = w.app.get(&base, Some(&w.sessions.x)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("action=\"{base}/placeringar\"")), "the placement form");
    assert!(page.body.contains(&format!("action=\"{base}/pafoljder\"")), "the sentence form");

    // Unknown kind and a date that is not one: both named, nothing stored.
    let bad = w
        .app
        .post(
            &format!("{base}/placeringar"),
            &[("placement-kind", "villa"), ("placement-start", "igår")],
            Some(&w.sessions.x),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("error-summary"));
    assert!(bad.body.contains("Välj vilken sorts placering det är"));
    assert!(bad.body.contains("Skriv startdatumet som år-månad-dag"));
    assert!(bad.body.contains("value=\"igår\""), "what was typed is kept");
    let before = w
        .app
        .post(
            &format!("{base}/placeringar"),
            &[
                ("placement-kind", "jourhem"),
                ("placement-start", "2026-02-01"),
                ("placement-end", "2026-01-31"),
            ],
            Some(&w.sessions.x),
        )
        .await;
    assert_eq!(before.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(before.body.contains("Slutdatumet kan inte vara före startdatumet"));
    let english = w
        .app
        .post(
            &format!("/en{base}/placeringar"),
            &[("placement-kind", ""), ("placement-start", "2026-01-10")],
            Some(&w.sessions.x),
        )
        .await;
    assert!(english.body.contains("Choose the kind of placement"), "in the officer's language");
    assert!(store::placements(&w.db, case).await.unwrap().is_empty());

    let added = w
        .app
        .post(
            &format!("{base}/placeringar"),
            &[("placement-kind", "jourhem"), ("placement-start", "2026-01-10")],
            Some(&w.sessions.x),
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(added.location(), format!("{base}?klart=placering#placeringar"));
    let placements = store::placements(&w.db, case).await.unwrap();
    assert_eq!(placements.len(), 1);
    assert_eq!((placements[0].kind, placements[0].end_on), (PlacementKind::EmergencyHome, None));
    let id = placements[0].id.to_string();

    let early = [("end-placement", id.as_str()), ("end-placement-on", "2026-01-09")];
    let refused = w.app.post(&format!("{base}/placeringar/avsluta"), &early, Some(&w.sessions.x)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Slutdatumet kan inte vara före startdatumet"));
    let unknown = [("end-placement", "inte-ett-id"), ("end-placement-on", "2026-03-01")];
    let refused = w.app.post(&format!("{base}/placeringar/avsluta"), &unknown, Some(&w.sessions.x)).await;
    assert!(refused.body.contains("Välj en placering som pågår"));
    let end = [("end-placement", id.as_str()), ("end-placement-on", "2026-03-01")];
    let ended = w.app.post(&format!("{base}/placeringar/avsluta"), &end, Some(&w.sessions.x)).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", ended.body);
    assert_eq!(store::placements(&w.db, case).await.unwrap()[0].end_on, Some(date("2026-03-01")));
    let again = w.app.post(&format!("{base}/placeringar/avsluta"), &end, Some(&w.sessions.x)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "an ended placement is not ended twice");

    // Youth service: hours out of range, then 40 hours, completed.
    for hours in ["10", "151", "många"] {
        let form = [
            ("sentence-kind", "ungdomstjanst"),
            ("sentence-hours", hours),
            ("sentence-decided", "2026-04-01"),
        ];
        let bad = w.app.post(&format!("{base}/pafoljder"), &form, Some(&w.sessions.x)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{hours}");
        assert!(bad.body.contains("mellan 20 och 150"), "{hours}");
    }
    let no_plan =
        [("sentence-kind", "ungdomsvard"), ("sentence-plan", " "), ("sentence-decided", "2026-04-01")];
    let bad = w.app.post(&format!("{base}/pafoljder"), &no_plan, Some(&w.sessions.x)).await;
    assert!(bad.body.contains("Skriv kort vad ungdomsvården innehåller"));
    let form =
        [("sentence-kind", "ungdomstjanst"), ("sentence-hours", "40"), ("sentence-decided", "2026-04-01")];
    let added = w.app.post(&format!("{base}/pafoljder"), &form, Some(&w.sessions.x)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let sentence = store::sentences(&w.db, case).await.unwrap().remove(0);
    assert_eq!((sentence.terms.clone(), sentence.outcome), (SentenceTerms::Hours(40), Outcome::Ongoing));
    let id = sentence.id.to_string();
    let ongoing =
        [("end-sentence", id.as_str()), ("sentence-outcome", "ongoing"), ("sentence-ended", "2026-06-01")];
    let bad = w.app.post(&format!("{base}/pafoljder/avsluta"), &ongoing, Some(&w.sessions.x)).await;
    assert!(bad.body.contains("Välj om påföljden fullföljdes eller avbröts"));
    let done =
        [("end-sentence", id.as_str()), ("sentence-outcome", "completed"), ("sentence-ended", "2026-06-01")];
    let ended = w.app.post(&format!("{base}/pafoljder/avsluta"), &done, Some(&w.sessions.x)).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", ended.body);
    let sentence = store::sentences(&w.db, case).await.unwrap().remove(0);
    assert_eq!((sentence.outcome, sentence.ended_on), (Outcome::Completed, Some(date("2026-06-01"))));
    let page = w.app.get(&base, Some(&w.sessions.x)).await;
    assert!(
        page.body.contains("Jourhem") && page.body.contains("2026-03-01") && page.body.contains("Fullföljd")
    );

    // Each change is in the child's log, once.
    for action in ["placement_recorded", "placement_ended", "youth_sentence_recorded", "youth_sentence_ended"]
    {
        assert_eq!(entries(&w.db, child, action).await, 1, "{action}");
    }

    // Staff of another unit are refused, audited, and change nothing.
    let denied_before = entries(&w.db, child, "access_denied").await;
    let other = w
        .app
        .post(
            &format!("{base}/placeringar"),
            &[("placement-kind", "hvb"), ("placement-start", "2026-05-01")],
            Some(&w.sessions.y),
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let other = w.app.post(&format!("{base}/pafoljder/avsluta"), &done, Some(&w.sessions.y)).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert_eq!(entries(&w.db, child, "access_denied").await, denied_before + 2);
    assert_eq!(store::placements(&w.db, case).await.unwrap().len(), 1);
});

on_both_backends!(
    the_dashboard_is_for_the_quality_office_and_the_results_page_for_everyone,
    Migrated,
    |db| {
        let w = world(db).await;
        let s = &w.sessions;
        assert_eq!(w.app.get("/personal/mal", Some(&s.quality)).await.status, StatusCode::OK);
        assert_eq!(w.app.get("/en/personal/mal", Some(&s.quality)).await.status, StatusCode::OK);
        assert_eq!(w.app.get("/personal/mal.csv", Some(&s.quality)).await.status, StatusCode::OK);
        for who in [&s.x, &s.resident, &s.admin] {
            assert_eq!(w.app.get("/personal/mal", Some(who)).await.status, StatusCode::FORBIDDEN);
            assert_eq!(w.app.get("/personal/mal.csv", Some(who)).await.status, StatusCode::FORBIDDEN);
        }
        assert!(w.app.get("/personal/mal", None).await.is_login_redirect());
        for path in ["/resultat", "/en/resultat"] {
            let page = w.app.get(path, None).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(
                page.body.contains("role=\"img\"") && page.body.contains("<table"),
                "{path}: charts and tables"
            );
        }
        assert!(w.app.get("/resultat", None).await.body.contains("Så tycker invånarna"));
        assert!(
            w.app.get("/", None).await.body.contains("href=\"/resultat\""),
            "linked from every page's footer"
        );
        // A year outside the offered ones, or a period length that is none, is not found.
        assert_eq!(w.app.get("/resultat?ar=1999", None).await.status, StatusCode::NOT_FOUND);
        assert_eq!(w.app.get("/resultat?per=vecka", None).await.status, StatusCode::NOT_FOUND);
        assert_eq!(w.app.get("/resultat?ar=x", None).await.status, StatusCode::NOT_FOUND);
    }
);

/// Last year's data of the two units, with hand-computed figures (see the assertions).
async fn last_years_data(w: &World, year: i32) {
    let (x, y) = w.units;
    let on = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day).unwrap();
    // Unit X, Q1: foster homes after 10, 100, 183 days (reached), 184 and 300 days (not), and one
    // child still in the emergency home (not): 3 of 6.
    let mut children: Vec<(Uuid, Uuid, NaiveDate, Option<u64>)> = [
        (on(1, 10), Some(10)),
        (on(1, 20), Some(100)),
        (on(2, 1), Some(183)),
        (on(2, 2), Some(184)),
        (on(3, 1), Some(300)),
        (on(3, 15), None),
    ]
    .into_iter()
    .map(|(first, after)| (x, w.x, first, after))
    .collect();
    // Unit Y, Q2: five children, each in a foster home after 30 days: 5 of 5.
    children.extend((1..=5).map(|d| (y, w.y, on(4, d), Some(30))));
    for (unit, officer, first, foster_after) in children {
        let (case, _) = new_case(w, unit, officer).await;
        let foster_on = foster_after.map(|d| first + chrono::Days::new(d));
        let mut tx = w.db.begin_write().await.unwrap();
        let emergency =
            NewPlacement { kind: PlacementKind::EmergencyHome, start_on: first, end_on: foster_on };
        store::add_placement(&mut tx, case, &emergency, officer).await.unwrap();
        if let Some(start_on) = foster_on {
            let foster = NewPlacement { kind: PlacementKind::FosterHome, start_on, end_on: None };
            store::add_placement(&mut tx, case, &foster, officer).await.unwrap();
        }
        tx.commit().await.unwrap();
    }
    // Sentences: X ends 5 completed and 1 broken off in Q1 (5 of 6), Y 2 completed in Q3 (too few).
    let sentences = [
        (x, w.x, on(2, 1), Outcome::Completed, 5),
        (x, w.x, on(2, 1), Outcome::BrokenOff, 1),
        (y, w.y, on(8, 1), Outcome::Completed, 2),
    ];
    for (unit, officer, ended_on, outcome, n) in sentences {
        for _ in 0..n {
            let (case, _) = new_case(w, unit, officer).await;
            let mut tx = w.db.begin_write().await.unwrap();
            let new = NewSentence { terms: SentenceTerms::Hours(30), decided_on: on(1, 5) };
            let id = store::add_sentence(&mut tx, case, &new, officer).await.unwrap();
            assert!(store::end_sentence(&mut tx, case, id, outcome, ended_on).await.unwrap());
            tx.commit().await.unwrap();
        }
    }
}

fn parse_csv(body: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(body).unwrap().strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

on_both_backends!(the_figures_match_hand_computed_values_and_small_groups_stay_hidden, Migrated, |db| {
    let w = world(db).await;
    let year = chrono::Utc::now().year() - 1;
    last_years_data(&w, year).await;
    let path = format!("/personal/mal.csv?ar={year}&per=kvartal");
    let answer = w.app.send(axum::http::Method::GET, &path, &[], Some(&w.sessions.quality)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["content-type"], "text/csv; charset=utf-8");
    let bytes = answer.body.as_bytes();
    let rows = parse_csv(bytes);
    let row = |goal: &str, by: &str, group: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r[0] == goal && r[1] == by && r[2] == group)
            .unwrap_or_else(|| panic!("{goal} / {by} / {group} in {rows:?}"))[3..6]
            .to_vec()
    };
    let foster = "Familjehem inom 6 månader";
    assert_eq!(row(foster, "enhet", "Enhet X"), ["3", "6", "50"]);
    assert_eq!(row(foster, "enhet", "Enhet Y"), ["5", "5", "100"]);
    assert_eq!(row(foster, "enhet", "Totalt"), ["8", "11", "73"]);
    assert_eq!(row(foster, "period", &format!("{year}-Q1")), ["3", "6", "50"]);
    assert_eq!(row(foster, "period", &format!("{year}-Q3")), ["0", "0", ""]);
    let sentences = "Unga fullföljer sin påföljd";
    // Y's 2 are too few, and X's 6 would give them back from the total: both absent.
    assert_eq!(row(sentences, "enhet", "Enhet Y"), ["", "", ""]);
    assert_eq!(row(sentences, "enhet", "Enhet X"), ["", "", ""]);
    assert_eq!(row(sentences, "enhet", "Totalt"), ["7", "8", "88"]);
    assert_eq!(row(sentences, "period", &format!("{year}-Q3")), ["", "", ""]);
    assert_eq!(row(sentences, "period", &format!("{year}-Q1")), ["", "", ""]);
    assert_eq!(row(sentences, "period", &format!("{year}-Q2")), ["0", "0", ""]);
    let usefulness = "Stödet har varit till nytta";
    assert_eq!(row(usefulness, "enhet", "Totalt"), ["0", "0", ""], "no survey answers in this branch");

    // The same on the page, in a table beside the chart, and on the public page.
    let page = w.app.get(&format!("/personal/mal?ar={year}"), Some(&w.sessions.quality)).await;
    assert!(page.body.contains("73 %") && page.body.contains("88 %"), "the totals");
    assert!(page.body.contains("Visas inte (liten grupp)"));
    let public = w.app.get(&format!("/en/resultat?ar={year}"), None).await;
    assert!(public.body.contains("73 %") && public.body.contains("Not shown (small group)"));
    assert!(!public.body.contains("83 %"), "X's own share of sentences (5 of 6) is never shown");
    // Months: Q1's sentences all ended in February.
    let monthly =
        w.app.get(&format!("/personal/mal.csv?ar={year}&per=manad"), Some(&w.sessions.quality)).await;
    let rows = parse_csv(monthly.body.as_bytes());
    assert!(rows.iter().any(|r| r[0] == foster && r[2] == format!("{year}-01")));
    assert_eq!(
        rows.iter().filter(|r| r[0] == foster && r[1] == "period").count(),
        13,
        "12 months and the total"
    );
});
