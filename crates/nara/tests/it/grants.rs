//! Association grants on both databases, through the real router: a representative applies with
//! what the register knows filled in, answers, budget in öre and a PDF; assessors score with
//! reasons, one declares a conflict and can no longer score, two are needed above the threshold;
//! the decision reaches the association by e-mail and on its page; a payment is recorded; the
//! board's CSV parses. The deadline holds to the second in Stockholm time; sending and withdrawing
//! at once are decided in SQL; another association's representative finds nothing.

use crate::common;

use axum::http::StatusCode;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use common::app::{TestApp, person};
use nara::audit::AuditFilter;
use nara::db::{Db, UtcTime};
use nara::directory::Entry;
use nara::grants::store::{self, NewVersion};
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

struct World {
    app: TestApp,
    db: Db,
    /// Sessions: representatives of association A and B, three grant assessors.
    rep_a: String,
    rep_b: String,
    assessor_1: String,
    assessor_2: String,
    assessor_3: String,
}

async fn entry(db: &Db, slug: &str, name: &str, org_number: &str, email: &str) -> Entry {
    let mut entry = Entry::blank(true);
    entry.slug = slug.into();
    entry.name = name.into();
    entry.description_sv = "En förening.".into();
    entry.org_number = Some(org_number.into());
    entry.email = Some(email.into());
    nara::directory::store::save_entry(db, &entry, None).await.unwrap();
    entry
}

async fn represent(db: &Db, entry: Uuid, person: Uuid) {
    let mut tx = db.begin_write().await.unwrap();
    nara::directory::store::request_representation(&mut tx, entry, person, None).await.unwrap();
    tx.commit().await.unwrap();
    let pending = nara::directory::store::pending_representations(db).await.unwrap();
    let request = pending.iter().find(|p| p.entry_id == entry).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    nara::directory::store::decide_representation(&mut tx, request.id, true, person).await.unwrap();
    tx.commit().await.unwrap();
}

/// Publishes the demo's operating grant as `slug` with the last day `deadline`.
async fn programme(db: &Db, slug: &str, deadline: NaiveDate, by: Uuid) {
    let (_, rules, questions) = nara::demo::grants::PROGRAMMES[0];
    let rules = nara::demo::grants::rules_with_deadline(rules, deadline);
    let parsed = nara::grants::programme::parse_rules(&rules).unwrap();
    let mut tx = db.begin_write().await.unwrap();
    let id = store::create_programme(&mut tx, slug).await.unwrap().unwrap();
    let new = NewVersion {
        rules: &rules,
        questions,
        name_sv: &parsed.name.sv,
        name_en: &parsed.name.en,
        closes_at: UtcTime(nara::grants::closes_at(deadline).unwrap()),
    };
    store::publish_version(&mut tx, id, &new, by).await.unwrap();
    tx.commit().await.unwrap();
}

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let association = [RoleGrant { role: Role::Association, unit_id: None }];
    let assessor = [RoleGrant { role: Role::GrantAssessor, unit_id: None }];
    let a = person(&db, "a@example.se", "Anna A", &association).await;
    let b = person(&db, "b@example.se", "Bo B", &association).await;
    let one = person(&db, "g1@example.se", "Greta Ett", &assessor).await;
    let two = person(&db, "g2@example.se", "Gustav Två", &assessor).await;
    let three = person(&db, "g3@example.se", "Gun Tre", &assessor).await;
    let entry_a = entry(&db, "forening-a", "Förening A", "802000-0001", "a-styrelse@example.se").await;
    let entry_b = entry(&db, "forening-b", "Förening B", "802000-0002", "b-styrelse@example.se").await;
    represent(&db, entry_a.id, a).await;
    represent(&db, entry_b.id, b).await;
    let far = Utc::now().date_naive() + chrono::Days::new(60);
    programme(&db, "verksamhetsbidrag", far, one).await;
    let session = |id| {
        let db = db.clone();
        async move { nara::sessions::store::start_session(&db, id).await.unwrap() }
    };
    World {
        rep_a: session(a).await,
        rep_b: session(b).await,
        assessor_1: session(one).await,
        assessor_2: session(two).await,
        assessor_3: session(three).await,
        app,
        db,
    }
}

/// Representative A starts an application; its address.
async fn start(w: &World, programme: &str) -> String {
    let made =
        w.app.post("/forening/forening-a/bidrag/ny", &[("programme", programme)], Some(&w.rep_a)).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    made.location().to_string()
}

fn id_of(href: &str) -> Uuid {
    Uuid::parse_str(href.rsplit('/').next().unwrap().split('?').next().unwrap()).unwrap()
}

/// Fills in the operating grant's questions, `requested` kronor and a budget, with a PDF.
async fn fill_in(w: &World, href: &str, requested: &str) {
    let saved = w
        .app
        .post_multipart(
            href,
            &[
                ("q-verksamhet", None, "Öppet hus varje vecka.".as_bytes()),
                ("q-deltagare", None, b"120"),
                ("q-ny_verksamhet", None, b"nej"),
                ("belopp", None, requested.as_bytes()),
                ("budget-post-1", None, b"Hyra"),
                ("budget-belopp-1", None, "60 000".as_bytes()),
                ("budget-post-2", None, b"Lunch"),
                ("budget-belopp-2", None, "12 500,50".as_bytes()),
                ("bilaga-typ", None, b"statutes"),
                ("bilaga", Some("Stadgar.pdf"), PDF),
            ],
            Some(&w.rep_a),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

async fn entries(db: &Db, action: &str) -> usize {
    let filter = AuditFilter { action: Some(action.into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 1000).await.unwrap().len()
}

fn score_form(score: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("poang-malgrupp", score),
        ("motivering-malgrupp", "Når dem som behöver det."),
        ("poang-delaktighet", score),
        ("motivering-delaktighet", "Deltagarna styr."),
        ("poang-samverkan", score),
        ("motivering-samverkan", "Samverkar med kommunen."),
    ]
}

on_both_backends!(an_association_applies_and_two_assessors_decide, Migrated, |db| {
    let w = world(db).await;
    let list = w.app.get("/forening/forening-a/bidrag", Some(&w.rep_a)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("802000-0001"), "the register's organisation number is shown, not asked for");
    assert!(list.body.contains("a-styrelse@example.se"));
    let href = start(&w, "verksamhetsbidrag").await;
    let id = id_of(&href);
    // Bad amounts are refused with a message, and what was right is kept.
    let bad = w
        .app
        .post_multipart(
            &href,
            &[
                ("q-deltagare", None, b"40"),
                ("belopp", None, b"mycket"),
                ("bilaga", Some("a.pdf"), b"PK\x03\x04"),
            ],
            Some(&w.rep_a),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Skriv beloppet i kronor"), "{}", bad.body);
    assert!(bad.body.contains("Bilagan måste vara en PDF"));
    fill_in(&w, &href, "120 000").await;
    let application = store::application(&w.db, id).await.unwrap().unwrap();
    assert_eq!(application.requested_ore, 12_000_000, "whole öre");
    let budget = store::budget(&w.db, id).await.unwrap();
    assert_eq!(budget.iter().map(|l| l.amount_ore).collect::<Vec<i64>>(), [6_000_000, 1_250_050]);
    let page = w.app.get(&href, Some(&w.rep_a)).await;
    assert!(page.body.contains("72\u{a0}500,50\u{a0}kr"), "the budget's total");
    assert!(page.body.contains("Stadgar.pdf"));
    let sent = w.app.post(&format!("{href}/skicka"), &[], Some(&w.rep_a)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let application = store::application(&w.db, id).await.unwrap().unwrap();
    assert_eq!(application.status(), nara::grants::Status::Submitted);
    assert!(application.register_snapshot.unwrap().contains("802000-0001"), "the register's facts are kept");

    let staff = format!("/personal/bidrag/ansokningar/{id}");
    let overview = w.app.get("/personal/bidrag", Some(&w.assessor_1)).await;
    assert!(overview.body.contains(&staff), "the application waits for assessment");
    let read = w.app.get(&staff, Some(&w.assessor_1)).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(
        read.body.contains("802000-0001")
            && read.body.contains("Stadgar.pdf")
            && read.body.contains("Öppet hus")
    );
    // 120 000 kr is above the 50 000 kr threshold: one assessment is not enough.
    assert_eq!(
        w.app.post(&format!("{staff}/bedomning"), &score_form("4"), Some(&w.assessor_1)).await.status,
        StatusCode::SEE_OTHER
    );
    let decision = [("utfall", "granted"), ("belopp", "100 000"), ("skal", "Verksamheten når många.")];
    let early = w.app.post(&format!("{staff}/beslut"), &decision, Some(&w.assessor_1)).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("inte färdigbedömd"), "{}", early.body);
    // A score without a reason is refused.
    let mut no_reason = score_form("3");
    no_reason[1].1 = " ";
    let refused = w.app.post(&format!("{staff}/bedomning"), &no_reason, Some(&w.assessor_2)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The second assessor has a conflict of interest: they step out and cannot score.
    assert_eq!(
        w.app.post(&format!("{staff}/jav"), &[], Some(&w.assessor_2)).await.status,
        StatusCode::SEE_OTHER
    );
    let conflicted = w.app.post(&format!("{staff}/bedomning"), &score_form("5"), Some(&w.assessor_2)).await;
    assert_eq!(conflicted.status, StatusCode::FORBIDDEN);
    let conflicted = w.app.post(&format!("{staff}/beslut"), &decision, Some(&w.assessor_2)).await;
    assert_eq!(conflicted.status, StatusCode::FORBIDDEN, "nor decide");
    assert!(store::scores(&w.db, id).await.unwrap().iter().all(|s| s.assessor_name != "Gustav Två"));
    assert_eq!(
        w.app.post(&format!("{staff}/bedomning"), &score_form("3"), Some(&w.assessor_3)).await.status,
        StatusCode::SEE_OTHER
    );
    let decided = w.app.post(&format!("{staff}/beslut"), &decision, Some(&w.assessor_1)).await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    let again = w.app.post(&format!("{staff}/beslut"), &decision, Some(&w.assessor_3)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "a second decision changes nothing");
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let mails: Vec<_> = outbox.iter().filter(|m| m.to_address == "a-styrelse@example.se").collect();
    assert_eq!(mails.len(), 1, "the association hears of the decision once");
    assert!(mails[0].body.contains(&format!("/forening/forening-a/bidrag/{id}")));
    let page = w.app.get(&href, Some(&w.rep_a)).await;
    assert!(page.body.contains("Verksamheten når många."), "the representatives read the reasons");
    assert!(page.body.contains("100\u{a0}000\u{a0}kr"));
    let paid = [("datum", "2027-02-01"), ("utbetalt", "100 000"), ("referens", "V-77")];
    assert_eq!(
        w.app.post(&format!("{staff}/utbetalning"), &paid, Some(&w.assessor_3)).await.status,
        StatusCode::SEE_OTHER
    );
    let payments = store::payments(&w.db, id).await.unwrap();
    assert_eq!((payments[0].amount_ore, payments[0].reference.as_str()), (10_000_000, "V-77"));
    assert!(
        w.app.get(&href, Some(&w.rep_a)).await.body.contains("V-77"),
        "the payment is shown to the association"
    );

    let csv = w.app.get("/personal/bidrag/beslut.csv", Some(&w.assessor_1)).await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "Förening A");
    assert_eq!(&rows[0][1], "802000-0001");
    assert_eq!(&rows[0][4], "120000");
    assert_eq!(&rows[0][6], "100000");
    for action in [
        "grant_application_saved",
        "grant_application_submitted",
        "grant_scored",
        "grant_conflict_declared",
        "grant_decided",
        "grant_payment_recorded",
        "grant_decisions_exported",
        "grant_application_viewed",
    ] {
        assert!(entries(&w.db, action).await > 0, "{action} is audited");
    }
});

fn stockholm(text: &str) -> UtcTime {
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
    UtcTime(chrono_tz::Europe::Stockholm.from_local_datetime(&local).single().unwrap().with_timezone(&Utc))
}

on_both_backends!(the_deadline_holds_to_the_second_in_stockholm_time, Migrated, |db| {
    let w = world(db).await;
    let by = nara::directory::store::entry_by_slug(&w.db, "forening-a").await.unwrap().unwrap();
    let deadline = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
    let assessor = nara::identity::store::person_by_email(
        &w.db,
        &nara::identity::EmailAddress::parse("g1@example.se").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .0
    .id;
    programme(&w.db, "mars", deadline, assessor).await;
    let row = store::programme(&w.db, "mars").await.unwrap().unwrap();
    let draft = async || {
        let mut tx = w.db.begin_write().await.unwrap();
        let id = store::start(&mut tx, by.id, row.id, row.version, assessor).await.unwrap();
        tx.commit().await.unwrap();
        id
    };
    let submit = async |id, at| {
        let mut tx = w.db.begin_write().await.unwrap();
        let done = store::submit(&mut tx, id, at, "{}").await.unwrap();
        tx.commit().await.unwrap();
        done
    };
    let (last_second, midnight) = (draft().await, draft().await);
    assert!(submit(last_second, stockholm("2027-03-31 23:59:59")).await, "23:59:59 on the last day counts");
    assert!(!submit(midnight, stockholm("2027-04-01 00:00:00")).await, "00:00:00 the next day does not");
    let kept = store::application(&w.db, midnight).await.unwrap().unwrap();
    assert_eq!(kept.status(), nara::grants::Status::Draft, "nothing is lost");

    // Through the page: a programme whose last day has passed says so, and keeps the draft.
    let yesterday = Utc::now().date_naive() - chrono::Days::new(2);
    programme(&w.db, "forr", yesterday, assessor).await;
    let closed = store::programme(&w.db, "forr").await.unwrap().unwrap();
    let mut tx = w.db.begin_write().await.unwrap();
    let late = store::start(&mut tx, by.id, closed.id, closed.version, assessor).await.unwrap();
    let answers = nara::applications::answers::Answers::from([
        ("verksamhet".to_string(), nara::applications::answers::Answer::Text("Vi finns.".into())),
        ("deltagare".to_string(), nara::applications::answers::Answer::Number("3".into())),
        ("ny_verksamhet".to_string(), nara::applications::answers::Answer::YesNo(true)),
    ]);
    store::save_draft(&mut tx, late, &answers, 100_000).await.unwrap();
    tx.commit().await.unwrap();
    let answer = w.app.post(&format!("/forening/forening-a/bidrag/{late}/skicka"), &[], Some(&w.rep_a)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("Sista dagen att söka har passerat"), "{}", answer.body);
    let kept = store::application(&w.db, late).await.unwrap().unwrap();
    assert_eq!(kept.status(), nara::grants::Status::Draft);
    assert_eq!(kept.answers().unwrap(), answers, "the answers are kept");
    let start = w.app.post("/forening/forening-a/bidrag/ny", &[("programme", "forr")], Some(&w.rep_a)).await;
    assert_eq!(start.status, StatusCode::UNPROCESSABLE_ENTITY, "no new application after the last day");
});

on_both_backends!(sending_and_withdrawing_at_once_are_decided_in_sql, Migrated, |db| {
    let w = world(db).await;
    let href = start(&w, "verksamhetsbidrag").await;
    fill_in(&w, &href, "30 000").await;
    let id = id_of(&href);
    let (submit, withdraw) = (format!("{href}/skicka"), format!("{href}/aterkalla"));
    let send = || w.app.post(&submit, &[], Some(&w.rep_a));
    let take_back = || w.app.post(&withdraw, &[], Some(&w.rep_a));
    let answers = tokio::join!(send(), take_back(), send(), take_back(), send(), take_back());
    let answers = [answers.0, answers.1, answers.2, answers.3, answers.4, answers.5];
    assert!(answers.iter().all(|a| a.status == StatusCode::SEE_OTHER));
    let submitted = entries(&w.db, "grant_application_submitted").await;
    let withdrawals = entries(&w.db, "grant_application_withdrawn").await;
    assert_eq!(submitted, 1, "sent once, however often asked");
    let status = store::application(&w.db, id).await.unwrap().unwrap().status();
    match withdrawals {
        0 => assert_eq!(status, nara::grants::Status::Submitted),
        1 => assert_eq!(status, nara::grants::Status::Withdrawn),
        n => panic!("withdrawn {n} times"),
    }
    // Withdrawing after a decision is refused by the same condition.
    let second = start(&w, "verksamhetsbidrag").await;
    fill_in(&w, &second, "30 000").await;
    assert_eq!(
        w.app.post(&format!("{second}/skicka"), &[], Some(&w.rep_a)).await.status,
        StatusCode::SEE_OTHER
    );
    let staff = format!("/personal/bidrag/ansokningar/{}", id_of(&second));
    w.app.post(&format!("{staff}/bedomning"), &score_form("2"), Some(&w.assessor_1)).await;
    let refusal = [("utfall", "refused"), ("skal", "Budgeten räcker inte till alla.")];
    assert_eq!(
        w.app.post(&format!("{staff}/beslut"), &refusal, Some(&w.assessor_1)).await.status,
        StatusCode::SEE_OTHER
    );
    let before = entries(&w.db, "grant_application_withdrawn").await;
    w.app.post(&format!("{second}/aterkalla"), &[], Some(&w.rep_a)).await;
    assert_eq!(entries(&w.db, "grant_application_withdrawn").await, before);
    let status = store::application(&w.db, id_of(&second)).await.unwrap().unwrap().status();
    assert_eq!(status, nara::grants::Status::Decided);
});

on_both_backends!(another_associations_representative_finds_nothing, Migrated, |db| {
    let w = world(db).await;
    let href = start(&w, "verksamhetsbidrag").await;
    fill_in(&w, &href, "30 000").await;
    let id = id_of(&href);
    let file = store::files(w.db.sql(), id).await.unwrap()[0].id;
    let before = entries(&w.db, "access_denied").await;
    // B's representative through A's address, and through B's own with A's application.
    for base in ["/forening/forening-a/bidrag", "/forening/forening-b/bidrag"] {
        let own = format!("{base}/{id}");
        for path in [own.clone(), format!("{own}/filer/{file}")] {
            assert_eq!(w.app.get(&path, Some(&w.rep_b)).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        for path in [format!("{own}/skicka"), format!("{own}/aterkalla")] {
            assert_eq!(w.app.post(&path, &[], Some(&w.rep_b)).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        let save = w.app.post_multipart(&own, &[("belopp", None, b"1")], Some(&w.rep_b)).await;
        assert_eq!(save.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(w.app.get("/forening/forening-a/bidrag", Some(&w.rep_b)).await.status, StatusCode::NOT_FOUND);
    let start = w
        .app
        .post("/forening/forening-a/bidrag/ny", &[("programme", "verksamhetsbidrag")], Some(&w.rep_b))
        .await;
    assert_eq!(start.status, StatusCode::NOT_FOUND);
    assert!(entries(&w.db, "access_denied").await >= before + 12, "every attempt is audited");
    assert_eq!(
        store::application(&w.db, id).await.unwrap().unwrap().requested_ore,
        3_000_000,
        "nothing changed"
    );
    // B's own list shows nothing of A.
    let own = w.app.get("/forening/forening-b/bidrag", Some(&w.rep_b)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(!own.body.contains(&id.to_string()));
    // A draft is the association's own: assessors do not see it until it is sent.
    let staff = format!("/personal/bidrag/ansokningar/{id}");
    assert_eq!(w.app.get(&staff, Some(&w.assessor_1)).await.status, StatusCode::NOT_FOUND);
    // Once sent, the decision and payments stay A's: B's representative gets nothing, and the
    // assessors' pages are closed to representatives.
    w.app.post(&format!("{href}/skicka"), &[], Some(&w.rep_a)).await;
    w.app.post(&format!("{staff}/bedomning"), &score_form("4"), Some(&w.assessor_1)).await;
    let decision = [("utfall", "granted"), ("belopp", "30 000"), ("skal", "Bra.")];
    w.app.post(&format!("{staff}/beslut"), &decision, Some(&w.assessor_1)).await;
    assert_eq!(
        w.app.get(&format!("/forening/forening-b/bidrag/{id}"), Some(&w.rep_b)).await.status,
        StatusCode::NOT_FOUND
    );
    for path in [staff.clone(), format!("{staff}/filer/{file}"), "/personal/bidrag/beslut.csv".to_string()] {
        assert_eq!(w.app.get(&path, Some(&w.rep_a)).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let paid = [("datum", "2027-02-01"), ("utbetalt", "30 000"), ("referens", "X")];
    assert_eq!(
        w.app.post(&format!("{staff}/utbetalning"), &paid, Some(&w.rep_b)).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(store::payments(&w.db, id).await.unwrap().is_empty());
});

on_both_backends!(programmes_are_public_and_versioned, Migrated, |db| {
    let w = world(db).await;
    let href = start(&w, "verksamhetsbidrag").await;
    for path in ["/bidrag", "/en/bidrag", "/bidrag/verksamhetsbidrag", "/en/bidrag/verksamhetsbidrag"] {
        let page = w.app.get(path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
    }
    assert!(
        w.app
            .get("/en/bidrag/verksamhetsbidrag", None)
            .await
            .body
            .contains("Operating grant for social associations")
    );
    // A new version with a higher limit: the draft keeps the rules it was made under.
    let deadline = Utc::now().date_naive() + chrono::Days::new(30);
    let rules = nara::demo::grants::rules_with_deadline(nara::demo::grants::PROGRAMMES[0].1, deadline)
        .replace("max_kronor = \"300 000\"", "max_kronor = \"400 000\"");
    let questions = nara::demo::grants::PROGRAMMES[0].2;
    let published = w
        .app
        .post(
            "/personal/bidrag/program/verksamhetsbidrag",
            &[("rules", &rules), ("questions", questions)],
            Some(&w.assessor_1),
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    assert_eq!(store::programme(&w.db, "verksamhetsbidrag").await.unwrap().unwrap().version, 2);
    let draft = store::application(&w.db, id_of(&href)).await.unwrap().unwrap();
    assert_eq!(draft.programme_version, 1, "judged by the rules it was made under");
    assert!(w.app.get(&href, Some(&w.rep_a)).await.body.contains("300\u{a0}000\u{a0}kr"));
    let broken = w
        .app
        .post(
            "/personal/bidrag/program/verksamhetsbidrag",
            &[("rules", "years = 9"), ("questions", questions)],
            Some(&w.assessor_1),
        )
        .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store::programme(&w.db, "verksamhetsbidrag").await.unwrap().unwrap().version, 2);
});
