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
    assert!(early.body.contains("Alla har inte bedömt ansökan än"), "{}", early.body);
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
    // The first payment opens the follow-up, due a year after the decision (a one-year grant).
    let follow_up = store::follow_up(&w.db, id).await.unwrap().expect("a follow-up is open");
    assert_eq!(
        follow_up.due_on,
        nara::stockholm::today().checked_add_months(chrono::Months::new(12)).unwrap()
    );
    assert!(!follow_up.submitted());
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

// ---- Follow-up reports (återrapport), the effect view and the open data.

/// A weekly series of `entry`'s with `count` meetings from `first`, each with `registered`
/// confirmed registrations of whom the first `came` are marked present; the meetings' ids.
async fn meetings(
    db: &Db,
    entry: Uuid,
    slug: &str,
    first: NaiveDate,
    count: u32,
    came: (usize, usize),
) -> Vec<Uuid> {
    use nara::events::recurrence::{End, Frequency, Rule};
    let mut series = crate::events::series(slug, Some(50));
    series.entry_id = Some(entry);
    let rule = Rule {
        first_date: first,
        start_time: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        duration_minutes: 90,
        frequency: Frequency::Weekly { interval: 1 },
        end: End::Count(count),
    };
    let new = nara::events::NewSeries { series };
    let id = nara::events::store::create_series(db, &new, &rule).await.unwrap();
    let occurrences = nara::events::store::occurrences_of(db, id).await.unwrap();
    let (registered, present) = came;
    for occurrence in &occurrences {
        let mut tx = db.begin_write().await.unwrap();
        let mut ids = Vec::new();
        for i in 0..registered {
            let who = nara::events::Registrant {
                person_id: None,
                name: format!("Deltagare {i}"),
                email: format!("deltagare{i}@example.se"),
                needs: None,
                locale: nara::i18n::Locale::SV,
            };
            ids.push(nara::events::store::register(&mut tx, occurrence.id, &who).await.unwrap().unwrap().0);
        }
        nara::events::store::set_attendance(&mut tx, occurrence.id, &ids[..present]).await.unwrap();
        tx.commit().await.unwrap();
    }
    occurrences.iter().map(|o| o.id).collect()
}

fn days(n: i64) -> NaiveDate {
    nara::stockholm::today() + chrono::Duration::days(n)
}

/// A grant of `slug`'s association decided and paid (through the store), its follow-up open from
/// `start` days ago, due in `due` days and reminded of from `remind` days from today.
async fn paid_grant(w: &World, slug: &str, start: i64, due: i64, remind: i64) -> Uuid {
    use nara::grants::store::NewDecision;
    let entry = nara::directory::store::entry_by_slug(&w.db, slug).await.unwrap().unwrap();
    let programme = store::programme(&w.db, "verksamhetsbidrag").await.unwrap().unwrap();
    let by = nara::identity::store::person_by_email(
        &w.db,
        &nara::identity::EmailAddress::parse("g1@example.se").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .0
    .id;
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::start(&mut tx, entry.id, programme.id, programme.version, by).await.unwrap();
    store::save_draft(&mut tx, id, &Default::default(), 4_000_000).await.unwrap();
    assert!(
        store::submit(&mut tx, id, UtcTime::now(), &nara::grants::register_snapshot(&entry)).await.unwrap()
    );
    let decision = NewDecision {
        outcome: nara::grants::Outcome::Granted,
        amount_ore: 4_000_000,
        conditions: None,
        reasons: "Bra.",
    };
    assert!(store::decide(&mut tx, id, &decision, by).await.unwrap());
    store::record_payment(&mut tx, id, days(-start), 4_000_000, "V-1", by).await.unwrap().unwrap();
    let schedule = nara::grants::follow_up::Schedule {
        period_start: days(-start),
        due_on: days(due),
        remind_on: days(remind),
    };
    assert!(store::open_follow_up(&mut tx, id, &schedule).await.unwrap());
    tx.commit().await.unwrap();
    id
}

fn report_form(action: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("aktiviteter", "4"),
        ("anmalda", "30"),
        ("deltog", "21"),
        ("forandring", "Fler vågar komma tillbaka."),
        ("berattelse", "En deltagare började studera igen."),
        ("atgard", action),
    ]
}

on_both_backends!(a_follow_up_counts_the_associations_own_meetings_only, Migrated, |db| {
    let w = world(db).await;
    let a = nara::directory::store::entry_by_slug(&w.db, "forening-a").await.unwrap().unwrap();
    let b = nara::directory::store::entry_by_slug(&w.db, "forening-b").await.unwrap().unwrap();
    let id = paid_grant(&w, "forening-a", 60, 30, 16).await;
    // A's three meetings in the period count; B's, A's before the period, A's cancelled one and
    // A's still to come do not.
    meetings(&w.db, a.id, "a-traffar", days(-30), 3, (8, 6)).await;
    meetings(&w.db, b.id, "b-traffar", days(-30), 3, (9, 9)).await;
    meetings(&w.db, a.id, "a-forr", days(-120), 2, (5, 5)).await;
    meetings(&w.db, a.id, "a-sedan", days(3), 1, (4, 0)).await;
    let cancelled = meetings(&w.db, a.id, "a-installd", days(-10), 1, (7, 7)).await;
    let mut tx = w.db.begin_write().await.unwrap();
    nara::events::store::cancel_occurrence(&mut tx, cancelled[0]).await.unwrap();
    tx.commit().await.unwrap();

    let href = format!("/forening/forening-a/bidrag/{id}");
    let application = w.app.get(&href, Some(&w.rep_a)).await;
    assert!(application.body.contains(&format!("{href}/aterrapport")), "the paid grant offers its follow-up");
    let form = w.app.get(&format!("{href}/aterrapport"), Some(&w.rep_a)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("3 träffar"), "{}", form.body);
    assert!(form.body.contains(
        "name=\"aktiviteter\" type=\"text\" inputmode=\"numeric\" spellcheck=\"false\" value=\"3\""
    ));
    assert!(form.body.contains("value=\"24\""), "8 registered at each of 3 meetings");
    assert!(form.body.contains("value=\"18\""), "6 came to each");
    // Sending needs what changed and the story; what was right is kept as a draft.
    let mut missing = report_form("skicka");
    missing.retain(|(k, _)| *k != "berattelse");
    missing.iter_mut().find(|(k, _)| *k == "deltog").unwrap().1 = "många";
    let refused = w.app.post(&format!("{href}/aterrapport"), &missing, Some(&w.rep_a)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#berattelse\"") && refused.body.contains("Skriv ett heltal"));
    let row = store::follow_up(&w.db, id).await.unwrap().unwrap();
    assert!(!row.submitted());
    assert_eq!(row.activities, Some(4), "the right parts were kept");
    let sent = w.app.post(&format!("{href}/aterrapport"), &report_form("skicka"), Some(&w.rep_a)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let row = store::follow_up(&w.db, id).await.unwrap().unwrap();
    assert!(row.submitted());
    assert_eq!(
        (row.counted_activities, row.counted_registrations, row.counted_attended),
        (Some(3), Some(24), Some(18)),
        "what the calendar counted is kept beside what was sent"
    );
    assert_eq!((row.activities, row.attended), (Some(4), Some(21)));
    // Once sent it is not changed.
    let mut again = report_form("skicka");
    again[0].1 = "99";
    assert_eq!(
        w.app.post(&format!("{href}/aterrapport"), &again, Some(&w.rep_a)).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(store::follow_up(&w.db, id).await.unwrap().unwrap().activities, Some(4));
    // The assessors read it, with the corrected figures marked, and beside the association's next
    // application in the programme.
    let staff = w.app.get(&format!("/personal/bidrag/ansokningar/{id}"), Some(&w.assessor_1)).await;
    assert!(staff.body.contains("En deltagare började studera igen.") && staff.body.contains("Ändrad"));
    let next = start(&w, "verksamhetsbidrag").await;
    fill_in(&w, &next, "20 000").await;
    assert_eq!(
        w.app.post(&format!("{next}/skicka"), &[], Some(&w.rep_a)).await.status,
        StatusCode::SEE_OTHER
    );
    let next_staff =
        w.app.get(&format!("/personal/bidrag/ansokningar/{}", id_of(&next)), Some(&w.assessor_2)).await;
    assert!(next_staff.body.contains("Återrapporter från tidigare bidrag"), "{}", next_staff.body);
    assert!(next_staff.body.contains("Fler vågar komma tillbaka."));
    assert!(entries(&w.db, "grant_follow_up_saved").await >= 1);
    assert_eq!(entries(&w.db, "grant_follow_up_submitted").await, 1);
});

on_both_backends!(another_associations_representative_never_sees_a_follow_up, Migrated, |db| {
    let w = world(db).await;
    let id = paid_grant(&w, "forening-a", 30, 30, 16).await;
    let before = entries(&w.db, "access_denied").await;
    for base in ["/forening/forening-a/bidrag", "/forening/forening-b/bidrag"] {
        let path = format!("{base}/{id}/aterrapport");
        assert_eq!(w.app.get(&path, Some(&w.rep_b)).await.status, StatusCode::NOT_FOUND, "{path}");
        let sent = w.app.post(&path, &report_form("skicka"), Some(&w.rep_b)).await;
        assert_eq!(sent.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(entries(&w.db, "access_denied").await >= before + 4, "every attempt is audited");
    let row = store::follow_up(&w.db, id).await.unwrap().unwrap();
    assert!(!row.submitted() && row.story.is_none(), "nothing changed");
    // An application without a paid grant has no follow-up to open, even for its own association.
    let draft = start(&w, "verksamhetsbidrag").await;
    assert_eq!(
        w.app.get(&format!("{draft}/aterrapport"), Some(&w.rep_a)).await.status,
        StatusCode::NOT_FOUND
    );
    // Assessors have no way in through the association's address.
    let path = format!("/forening/forening-a/bidrag/{id}/aterrapport");
    assert_eq!(w.app.get(&path, Some(&w.assessor_1)).await.status, StatusCode::NOT_FOUND);
});

on_both_backends!(a_follow_up_reminder_goes_once_and_late_reports_are_flagged, Migrated, |db| {
    let w = world(db).await;
    let due_soon = paid_grant(&w, "forening-a", 300, 10, -4).await;
    let not_yet = paid_grant(&w, "forening-b", 300, 60, 46).await;
    let late = paid_grant(&w, "forening-b", 400, -2, -16).await;
    let mails = |to: &'static str| {
        let db = w.db.clone();
        async move { nara::mail::store::outbox(&db).await.unwrap().iter().filter(|m| m.to_address == to).count() }
    };
    let (catalogues, base) = (&w.app.state.catalogues, &w.app.state.base_url);
    let today = nara::stockholm::today();
    // Two processes at the same moment, then another round: each reminder goes once.
    let other = w.db.as_another_process();
    let (one, two) = tokio::join!(
        nara::grants::reminders::send(&w.db, catalogues, base, today),
        nara::grants::reminders::send(&other, catalogues, base, today)
    );
    assert_eq!(one.unwrap() + two.unwrap(), 2, "the one due soon and the late one");
    assert_eq!(nara::grants::reminders::send(&w.db, catalogues, base, today).await.unwrap(), 0);
    let round = nara::maintenance::run_once(&w.db, catalogues, base).await.unwrap();
    assert_eq!(round.grant_follow_up_reminders, 0, "the maintenance step finds nothing more to send");
    assert_eq!(mails("a-styrelse@example.se").await, 1);
    assert_eq!(mails("b-styrelse@example.se").await, 1, "the late one only; the other is not due yet");
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let reminder = outbox.iter().find(|m| m.to_address == "a-styrelse@example.se").unwrap();
    assert!(
        reminder.body.contains(&format!("/forening/forening-a/bidrag/{due_soon}/aterrapport")),
        "{}",
        reminder.body
    );
    assert_eq!(entries(&w.db, "grant_follow_up_reminded").await, 2);
    // Staff see the late report flagged, the others with their due days.
    let overview = w.app.get("/personal/bidrag", Some(&w.assessor_1)).await;
    assert!(overview.body.contains("Försenad"), "{}", overview.body);
    assert_eq!(overview.body.matches("Försenad").count(), 1);
    assert!(overview.body.contains(&format!("Lämnas senast {}", days(60).format("%Y-%m-%d"))));
    let page = w.app.get(&format!("/personal/bidrag/ansokningar/{late}"), Some(&w.assessor_1)).await;
    assert!(page.body.contains("Försenad"));
    let fine = w.app.get(&format!("/personal/bidrag/ansokningar/{not_yet}"), Some(&w.assessor_1)).await;
    assert!(!fine.body.contains("Försenad"));
});

on_both_backends!(the_effect_view_and_the_open_data_hold_no_personal_data, Migrated, |db| {
    let w = world(db).await;
    let id = paid_grant(&w, "forening-a", 60, 30, 16).await;
    paid_grant(&w, "forening-b", 60, 30, 16).await;
    let href = format!("/forening/forening-a/bidrag/{id}/aterrapport");
    assert_eq!(w.app.post(&href, &report_form("skicka"), Some(&w.rep_a)).await.status, StatusCode::SEE_OTHER);
    let effect = w.app.get("/personal/bidrag/effekt", Some(&w.assessor_1)).await;
    assert_eq!(effect.status, StatusCode::OK, "{}", effect.body);
    assert!(effect.body.contains("80\u{a0}000\u{a0}kr"), "both grants this year: {}", effect.body);
    // 40 000 kr for the 21 who came (no target group was given): 1 904,76 kr a person.
    assert!(effect.body.contains("1\u{a0}904,76\u{a0}kr"), "{}", effect.body);
    assert_eq!(w.app.get("/personal/bidrag/effekt", Some(&w.rep_a)).await.status, StatusCode::FORBIDDEN);

    let json = w.app.get("/api/v1/grants", None).await;
    assert_eq!(json.status, StatusCode::OK);
    let open: nara::grants::open_data::OpenDecisions = serde_json::from_str(&json.body).unwrap();
    assert_eq!(open.total, 2);
    let first = open.decisions.iter().find(|d| d.association == "Förening A").unwrap();
    assert_eq!((first.amount_ore, first.amount_kronor.as_str()), (4_000_000, "40000.00"));
    assert_eq!(first.programme, "verksamhetsbidrag");
    let csv = w.app.get("/api/v1/grants.csv", None).await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "forening");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((&rows[0][5], &rows[0][6]), ("4000000", "40000"));
    for body in [&json.body, &csv.body] {
        assert!(!body.contains('@'), "no e-mail address: {body}");
        for name in ["Anna A", "Bo B", "Greta Ett", "Gustav Två", "Gun Tre", "802000-0001"] {
            assert!(!body.contains(name), "no person's name ({name}): {body}");
        }
    }
    // An association the register no longer shows is not named in the open data either; the
    // effect view still counts its grant.
    let mut b = nara::directory::store::entry_by_slug(&w.db, "forening-b").await.unwrap().unwrap();
    b.published = false;
    nara::directory::store::save_entry(&w.db, &b, None).await.unwrap();
    let json = w.app.get("/api/v1/grants", None).await;
    let open: nara::grants::open_data::OpenDecisions = serde_json::from_str(&json.body).unwrap();
    assert_eq!(open.total, 1);
    assert!(open.decisions.iter().all(|d| d.association == "Förening A"));
    let effect = w.app.get("/personal/bidrag/effekt", Some(&w.assessor_1)).await;
    assert!(effect.body.contains("80\u{a0}000\u{a0}kr"), "{}", effect.body);
});

on_both_backends!(the_programme_editor_shows_plain_language_hints_for_the_saved_rules, Migrated, |db| {
    let w = world(db).await;
    let path = "/personal/bidrag/program/verksamhetsbidrag";
    let hint = "”erhålla”: skriv hellre ”få”";
    assert!(!w.app.get(path, Some(&w.assessor_1)).await.body.contains(hint));
    let deadline = Utc::now().date_naive() + chrono::Days::new(30);
    let rules = nara::demo::grants::rules_with_deadline(nara::demo::grants::PROGRAMMES[0].1, deadline)
        .replace("Nämnden beslutar i mars.", "Ni kan erhålla besked i mars.");
    assert!(rules.contains("erhålla"), "the demo rules still have the sentence");
    let questions = nara::demo::grants::PROGRAMMES[0].2;
    let saved = w.app.post(path, &[("rules", &rules), ("questions", questions)], Some(&w.assessor_1)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let editor = w.app.get(path, Some(&w.assessor_1)).await.body;
    assert!(editor.contains("id=\"rules-klarsprak\"") && editor.contains(hint), "{editor}");
});
