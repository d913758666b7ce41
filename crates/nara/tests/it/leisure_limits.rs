//! The leisure bank's limits, on both databases: one person holds at most
//! `MAX_OPEN_PER_PERSON` reservations and waitlist places, however many requests they send at
//! once; leaving a waitlist moves the ones behind up; a desk loan never returned is written off
//! after the retention time and the borrower's name and phone are deleted.

use crate::common;

use axum::http::StatusCode;
use common::app::TestApp;
use nara::leisure::store::{self, NewItem};
use nara::leisure::{DESK_CONTACT_RETENTION_DAYS, MAX_OPEN_PER_PERSON, Step};
use uuid::Uuid;

use crate::leisure::{bank, count, item, item_path, reserve, resident};

on_both_backends!(simultaneous_reservations_by_one_person_stop_at_the_limit, Migrated, |db| {
    let app = TestApp::new(db.clone());
    // Two free items: the third request waits in line, every later one is refused.
    let bank = bank(&db, 2).await;
    let (me, token) = resident(&db, 1).await;
    const N: usize = 12;
    let sends: Vec<_> = (0..N)
        .map(|_| {
            let (app, token, kind, place) =
                (app.clone(), token.clone(), bank.kind.to_string(), bank.places[0].to_string());
            tokio::spawn(async move {
                app.post("/fritidsbanken/reservera", &[("kind", &kind), ("place", &place)], Some(&token))
                    .await
            })
        })
        .collect();
    let (mut reserved, mut waiting, mut refused) = (0, 0, 0);
    for send in sends {
        let answer = send.await.unwrap();
        match answer.status {
            StatusCode::SEE_OTHER if answer.location().ends_with("klart=reserverad") => reserved += 1,
            StatusCode::SEE_OTHER if answer.location().ends_with("klart=kolista") => waiting += 1,
            StatusCode::UNPROCESSABLE_ENTITY => {
                assert!(answer.body.contains("högst 3 reservationer och platser i kö"), "{}", answer.body);
                refused += 1;
            }
            other => panic!("{other}: {}", answer.body),
        }
    }
    let loans = count(&db, "SELECT COUNT(*) FROM leisure_loans WHERE state = 'reserved'").await;
    let queued = store::waitlist(&db, bank.kind).await.unwrap();
    println!(
        "leisure limit ({:?}): {N} simultaneous reservations by one person: {loans} reserved, {} waiting, {refused} refused",
        db.backend(),
        queued.len()
    );
    assert_eq!((reserved, waiting, refused), (2, 1, N - 3));
    assert_eq!(loans + queued.len() as i64, MAX_OPEN_PER_PERSON, "never more than the limit");
    assert_eq!(queued, vec![me]);
    // In English too.
    let english = app
        .post(
            "/en/fritidsbanken/reservera",
            &[("kind", &bank.kind.to_string()), ("place", &bank.places[0].to_string())],
            Some(&token),
        )
        .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english.body.contains("at most 3 reservations and waitlist places"), "{}", english.body);
});

on_both_backends!(leaving_the_waitlist_moves_the_ones_behind_up, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 0).await;
    let mut line = Vec::new();
    for n in 1..=3 {
        let (id, token) = resident(&db, n).await;
        assert!(reserve(&app, &bank, &token).await.location().ends_with("klart=kolista"));
        line.push((id, token));
    }
    let third = app.get("/mina-sidor/lan", Some(&line[2].1)).await;
    assert!(third.body.contains("plats 3 i kön"), "{}", third.body);
    let leave = format!("/mina-sidor/lan/ko/{}/lamna", bank.kind);
    assert!(third.body.contains(&leave), "the page offers to leave");
    let left = app.post(&leave, &[], Some(&line[0].1)).await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert!(left.location().ends_with("klart=lamnat-kon"));
    assert_eq!(store::waitlist(&db, bank.kind).await.unwrap(), vec![line[1].0, line[2].0]);
    assert!(app.get("/mina-sidor/lan", Some(&line[1].1)).await.body.contains("du är först i kön"));
    assert!(app.get("/mina-sidor/lan", Some(&line[2].1)).await.body.contains("plats 2 i kön"));
    // Leaving twice, or a line one is not in, is "not found"; nothing else moves.
    assert_eq!(app.post(&leave, &[], Some(&line[0].1)).await.status, StatusCode::NOT_FOUND);
    let other = format!("/mina-sidor/lan/ko/{}/lamna", Uuid::new_v4());
    assert_eq!(app.post(&other, &[], Some(&line[1].1)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(store::waitlist(&db, bank.kind).await.unwrap().len(), 2);
    let logged: i64 = db
        .sql()
        .value(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'leisure_waitlist_left' AND subject_id = $1",
            &[&line[0].0],
        )
        .await
        .unwrap()
        .unwrap_or(0);
    assert_eq!(logged, 1);
    // The next item washed goes to the one who is now first.
    let mut tx = db.begin_write().await.unwrap();
    let washed =
        [NewItem { type_id: bank.kind, place_id: bank.places[0], step: Step::Washing, condition: "good" }];
    let (id, code) = store::insert_items(&mut tx, &washed, None).await.unwrap().remove(0);
    tx.commit().await.unwrap();
    app.post(&format!("{}/steg", item_path(&code)), &[("to", "available")], Some(&bank.staff)).await;
    let loan = store::active_loan(&db, id).await.unwrap().unwrap();
    assert_eq!(loan.borrower_id, Some(line[1].0));
});

on_both_backends!(a_desk_loan_never_returned_is_written_off_and_the_borrower_deleted, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 2).await;
    for ((_, code), name) in bank.items.iter().zip(["Kalle Borta", "Lisa Sen"]) {
        let lent = app
            .post(
                &format!("{}/lamna-ut", item_path(code)),
                &[("name", name), ("phone", "070-123 45 67")],
                Some(&bank.staff),
            )
            .await;
        assert_eq!(lent.status, StatusCode::SEE_OTHER, "{}", lent.body);
    }
    // One was due just over the retention time ago, the other just under it.
    let today = nara::stockholm::today();
    for (name, days) in
        [("Kalle Borta", DESK_CONTACT_RETENTION_DAYS + 1), ("Lisa Sen", DESK_CONTACT_RETENTION_DAYS - 1)]
    {
        let due = today - chrono::Days::new(days);
        db.sql()
            .execute("UPDATE leisure_loans SET due_on = $1 WHERE desk_name = $2", &[&due, &name])
            .await
            .unwrap();
    }
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base: url::Url = "https://nara.example.se".parse().unwrap();
    // Two processes run their rounds at once: the loan is written off once.
    let other = db.as_another_process();
    let (a, b) = tokio::join!(
        nara::maintenance::run_once(&db, &catalogues, &base),
        nara::maintenance::run_once(&other, &catalogues, &base)
    );
    assert_eq!(a.unwrap().leisure_written_off + b.unwrap().leisure_written_off, 1);
    let names: Vec<Option<String>> =
        db.sql().column("SELECT desk_name FROM leisure_loans ORDER BY due_on", &[]).await.unwrap();
    assert_eq!(names, vec![None, Some("Lisa Sen".to_string())], "only the one past the retention time");
    let phones =
        count(&db, "SELECT COUNT(*) FROM leisure_loans WHERE state = 'lost' AND desk_phone IS NULL").await;
    assert_eq!(phones, 1);
    let logged =
        count(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'leisure_desk_loan_written_off'").await;
    assert_eq!(logged, 1);
    // The item turns up after all: it is taken back as usual.
    let (id, code) = &bank.items[0];
    let page = app.get(&item_path(code), Some(&bank.staff)).await;
    assert!(!page.body.contains("Kalle Borta"));
    let north = bank.places[0].to_string();
    let back =
        app.post(&format!("{}/ta-emot", item_path(code)), &[("place", &north)], Some(&bank.staff)).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    assert_eq!(item(&db, *id).await.step(), Step::Returned);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM leisure_loans WHERE state = 'lost'").await, 0);
});
