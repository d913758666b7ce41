//! The leisure bank (fritidsbanken) on both databases, through the real router: simultaneous
//! reservations of the last item give one loan and a waitlist place each for the others; a return
//! at another lending place moves the item there; a renewal is refused once someone waits; the
//! waitlist is served in order; a reminder goes out once; a desk borrower's name and phone are
//! gone after the return; a forged or guessed label code is a 404; participants see no borrowers.

use crate::common;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::db::Db;
use nara::directory::Entry;
use nara::identity::{Role, RoleGrant};
use nara::leisure::Step;
use nara::leisure::store::{self, NewItem, NewType};
use uuid::Uuid;

/// Two lending places, one kind of item, and `free` available items of it at the first place.
pub(crate) struct Bank {
    pub places: [Uuid; 2],
    pub kind: Uuid,
    pub items: Vec<(Uuid, String)>,
    pub staff: String,
    pub staff_id: Uuid,
}

pub(crate) async fn bank(db: &Db, free: usize) -> Bank {
    let mut places = [Uuid::nil(); 2];
    for (n, name) in ["Fritidsbanken Norr", "Fritidsbanken Söder"].into_iter().enumerate() {
        let mut entry = Entry::blank(true);
        entry.slug = format!("fritidsbanken-{n}");
        entry.name = name.into();
        entry.description_sv = "Utlåning av fritidsutrustning.".into();
        let mut tx = db.begin_write().await.unwrap();
        nara::directory::store::write_entry(&mut tx, &entry, None).await.unwrap();
        store::add_place(&mut tx, entry.id).await.unwrap();
        tx.commit().await.unwrap();
        places[n] = entry.id;
    }
    let mut tx = db.begin_write().await.unwrap();
    let kind = store::add_type(
        &mut tx,
        &NewType { category: "winter", name_sv: "Skridskor", name_en: "Ice skates", size: "38" },
    )
    .await
    .unwrap();
    let new: Vec<NewItem> = (0..free)
        .map(|_| NewItem { type_id: kind, place_id: places[0], step: Step::Available, condition: "good" })
        .collect();
    let items = store::insert_items(&mut tx, &new, None).await.unwrap();
    tx.commit().await.unwrap();
    let staff_id = person(db, "disk@example.se", "Desirée Disk", &[grant(Role::LeisureStaff)]).await;
    Bank { places, kind, items, staff: session(db, staff_id).await, staff_id }
}

pub(crate) fn grant(role: Role) -> RoleGrant {
    RoleGrant { role, unit_id: None }
}

pub(crate) async fn session(db: &Db, id: Uuid) -> String {
    nara::sessions::store::start_session(db, id).await.unwrap()
}

pub(crate) async fn resident(db: &Db, n: usize) -> (Uuid, String) {
    let id = person(db, &format!("boende{n}@example.se"), &format!("Boende Nummer{n}"), &[]).await;
    (id, session(db, id).await)
}

pub(crate) async fn reserve(app: &TestApp, bank: &Bank, token: &str) -> common::app::Answer {
    let (kind, place) = (bank.kind.to_string(), bank.places[0].to_string());
    app.post("/fritidsbanken/reservera", &[("kind", &kind), ("place", &place)], Some(token)).await
}

pub(crate) fn item_path(code: &str) -> String {
    format!("/personal/fritidsbanken/artikel/{code}")
}

pub(crate) async fn item(db: &Db, id: Uuid) -> store::ItemRow {
    store::item(db, id).await.unwrap().unwrap()
}

pub(crate) async fn count(db: &Db, sql: &'static str) -> i64 {
    db.sql().value::<i64>(sql, &[]).await.unwrap().unwrap_or(0)
}

on_both_backends!(simultaneous_reservations_of_the_last_item_give_one_loan, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    const N: usize = 24;
    let mut tokens = Vec::new();
    for n in 0..N {
        tokens.push(resident(&db, n).await.1);
    }
    let sends: Vec<_> = tokens
        .into_iter()
        .map(|token| {
            let (app, kind, place) = (app.clone(), bank.kind.to_string(), bank.places[0].to_string());
            tokio::spawn(async move {
                app.post("/fritidsbanken/reservera", &[("kind", &kind), ("place", &place)], Some(&token))
                    .await
            })
        })
        .collect();
    let mut locations = Vec::new();
    for send in sends {
        let answer = send.await.unwrap();
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        locations.push(answer.location().to_string());
    }
    let reserved = locations.iter().filter(|l| l.ends_with("klart=reserverad")).count();
    let waiting = locations.iter().filter(|l| l.ends_with("klart=kolista")).count();
    let loans = count(&db, "SELECT COUNT(*) FROM leisure_loans").await;
    let queued = store::waitlist(&db, bank.kind).await.unwrap().len();
    println!(
        "leisure concurrency ({:?}): {N} simultaneous reservations of the last item: {loans} loan, {queued} waitlist places",
        db.backend()
    );
    assert_eq!((reserved, waiting), (1, N - 1));
    assert_eq!(loans, 1, "never two loans of one item");
    assert_eq!(queued, N - 1);
    assert!(item(&db, bank.items[0].0).await.held);
});

on_both_backends!(a_return_at_another_place_moves_the_item_there, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (_, token) = resident(&db, 1).await;
    assert!(reserve(&app, &bank, &token).await.location().ends_with("klart=reserverad"));
    let (id, code) = bank.items[0].clone();
    let page = app.get(&item_path(&code), Some(&bank.staff)).await;
    assert!(page.body.contains("Boende Nummer1"), "the desk sees whose reservation it is");
    let handed = app.post(&format!("{}/lamna-ut", item_path(&code)), &[], Some(&bank.staff)).await;
    assert_eq!(handed.status, StatusCode::SEE_OTHER, "{}", handed.body);
    assert_eq!(item(&db, id).await.step(), Step::Lent);
    let mine = app.get("/mina-sidor/lan", Some(&token)).await;
    assert!(mine.body.contains("Lämna tillbaka senast"), "{}", mine.body);
    let south = bank.places[1].to_string();
    let back =
        app.post(&format!("{}/ta-emot", item_path(&code)), &[("place", &south)], Some(&bank.staff)).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let after = item(&db, id).await;
    assert_eq!((after.step(), after.place_id, after.held), (Step::Returned, bank.places[1], false));
    let history = store::history(&db, id).await.unwrap();
    assert_eq!(history[0].place, "Fritidsbanken Söder");
    assert_eq!(history[0].moved_by.as_deref(), Some("Desirée Disk"), "who, when and where");
    // A forged place is refused, not taken.
    let forged =
        app.post(&format!("{}/ta-emot", item_path(&code)), &[("place", "x")], Some(&bank.staff)).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
});

on_both_backends!(a_renewal_is_once_and_refused_when_someone_waits, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 2).await;
    let (a, a_token) = resident(&db, 1).await;
    let (_, b_token) = resident(&db, 2).await;
    let (_, c_token) = resident(&db, 3).await;
    for token in [&a_token, &c_token] {
        reserve(&app, &bank, token).await;
    }
    for (_, code) in &bank.items {
        app.post(&format!("{}/lamna-ut", item_path(code)), &[], Some(&bank.staff)).await;
    }
    let a_loan = store::loans_of(&db, a).await.unwrap()[0].clone();
    let renew = format!("/mina-sidor/lan/{}/forlang", a_loan.id);
    assert_eq!(app.post(&renew, &[], Some(&a_token)).await.status, StatusCode::SEE_OTHER);
    let renewed = store::loan(&db, a_loan.id).await.unwrap().unwrap();
    assert_eq!(renewed.due_on, a_loan.due_on.map(|d| nara::leisure::RULES.due_on(d)));
    let again = app.post(&renew, &[], Some(&a_token)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("kan förlängas en gång"));
    // B finds nothing free and waits: C's loan can no longer be renewed.
    assert!(reserve(&app, &bank, &b_token).await.location().ends_with("klart=kolista"));
    let c_loan = store::loans_of(&db, person_id(&db, "boende3@example.se").await).await.unwrap()[0].clone();
    let refused = app.post(&format!("/mina-sidor/lan/{}/forlang", c_loan.id), &[], Some(&c_token)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Någon annan väntar"), "{}", refused.body);
    // Someone else's loan is not found, and the attempt is logged.
    let other = app.post(&format!("/mina-sidor/lan/{}/forlang", c_loan.id), &[], Some(&b_token)).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
});

pub(crate) async fn person_id(db: &Db, email: &str) -> Uuid {
    let address = nara::identity::EmailAddress::parse(email).unwrap();
    nara::identity::store::person_by_email(db, &address).await.unwrap().unwrap().0.id
}

on_both_backends!(the_waitlist_is_served_in_order, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 0).await;
    let mut waiting = Vec::new();
    for n in 1..=3 {
        let (id, token) = resident(&db, n).await;
        assert!(reserve(&app, &bank, &token).await.location().ends_with("klart=kolista"));
        waiting.push(id);
    }
    assert_eq!(store::waitlist(&db, bank.kind).await.unwrap(), waiting);
    // Two items come back from washing, one after the other: the first two in line get them.
    let mut tx = db.begin_write().await.unwrap();
    let washed = vec![
        NewItem { type_id: bank.kind, place_id: bank.places[1], step: Step::Washing, condition: "worn" },
        NewItem { type_id: bank.kind, place_id: bank.places[1], step: Step::Washing, condition: "good" },
    ];
    let items = store::insert_items(&mut tx, &washed, None).await.unwrap();
    tx.commit().await.unwrap();
    for (n, (id, code)) in items.iter().enumerate() {
        let moved =
            app.post(&format!("{}/steg", item_path(code)), &[("to", "available")], Some(&bank.staff)).await;
        assert!(moved.location().ends_with("klart=erbjuden"), "{}", moved.location());
        let loan = store::active_loan(&db, *id).await.unwrap().unwrap();
        assert_eq!((loan.borrower_id, loan.state.as_str()), (Some(waiting[n]), "reserved"));
    }
    assert_eq!(store::waitlist(&db, bank.kind).await.unwrap(), vec![waiting[2]]);
    let offers: Vec<String> = nara::mail::store::outbox(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.contains("finns att hämta"))
        .map(|m| m.to_address)
        .collect();
    assert_eq!(offers.len(), 2);
    assert!(
        offers.contains(&"boende1@example.se".to_string())
            && offers.contains(&"boende2@example.se".to_string())
    );
    // A move the item's life does not allow is refused with a message.
    let (_, code) = &items[0];
    let wrong = app.post(&format!("{}/steg", item_path(code)), &[("to", "donated")], Some(&bank.staff)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
});

on_both_backends!(a_reminder_goes_out_once_before_due_and_once_overdue, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 2).await;
    for n in 1..=2 {
        let (_, token) = resident(&db, n).await;
        reserve(&app, &bank, &token).await;
    }
    for (_, code) in &bank.items {
        app.post(&format!("{}/lamna-ut", item_path(code)), &[], Some(&bank.staff)).await;
    }
    let today = nara::stockholm::today();
    let (soon, late) = (today + chrono::Days::new(1), today - chrono::Days::new(2));
    let owner = |email: &'static str| {
        let db = db.clone();
        async move { person_id(&db, email).await }
    };
    let (one, two) = (owner("boende1@example.se").await, owner("boende2@example.se").await);
    for (who, due) in [(one, soon), (two, late)] {
        db.sql()
            .execute("UPDATE leisure_loans SET due_on = $1 WHERE borrower_id = $2", &[&due, &who])
            .await
            .unwrap();
    }
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base: url::Url = "https://nara.example.se".parse().unwrap();
    // Two processes run their rounds at once: each reminder is still sent once.
    let other = db.as_another_process();
    let (a, b) = tokio::join!(
        nara::maintenance::run_once(&db, &catalogues, &base),
        nara::maintenance::run_once(&other, &catalogues, &base)
    );
    assert_eq!(a.unwrap().leisure_reminders + b.unwrap().leisure_reminders, 2);
    assert_eq!(nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap().leisure_reminders, 0);
    let mail = nara::mail::store::outbox(&db).await.unwrap();
    let to = |who: &str, what: &str| {
        mail.iter().filter(|m| m.to_address == who && m.subject.contains(what)).count()
    };
    assert_eq!(to("boende1@example.se", "Påminnelse"), 1);
    assert_eq!(to("boende2@example.se", "försenat"), 1);
});

on_both_backends!(a_desk_borrowers_name_and_phone_are_deleted_at_the_return, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (id, code) = bank.items[0].clone();
    let page = app.get(&item_path(&code), Some(&bank.staff)).await;
    assert!(page.body.contains("raderas när saken lämnas tillbaka"), "the desk is told");
    let bad = app
        .post(
            &format!("{}/lamna-ut", item_path(&code)),
            &[("name", "Kalle Disk"), ("phone", "abc")],
            Some(&bank.staff),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("6 till 15 siffror"));
    let lent = app
        .post(
            &format!("{}/lamna-ut", item_path(&code)),
            &[("name", "Kalle Disk"), ("phone", "070-123 45 67")],
            Some(&bank.staff),
        )
        .await;
    assert_eq!(lent.status, StatusCode::SEE_OTHER, "{}", lent.body);
    assert_eq!(item(&db, id).await.step(), Step::Lent);
    assert!(app.get(&item_path(&code), Some(&bank.staff)).await.body.contains("Kalle Disk"));
    let north = bank.places[0].to_string();
    app.post(&format!("{}/ta-emot", item_path(&code)), &[("place", &north)], Some(&bank.staff)).await;
    let kept = count(
        &db,
        "SELECT COUNT(*) FROM leisure_loans WHERE desk_name IS NOT NULL OR desk_phone IS NOT NULL",
    )
    .await;
    assert_eq!(kept, 0, "nothing of the desk borrower is kept");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM leisure_loans WHERE state = 'returned'").await, 1);
    assert!(!app.get(&item_path(&code), Some(&bank.staff)).await.body.contains("Kalle Disk"));
});

on_both_backends!(a_forged_or_guessed_code_is_not_found, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (id, code) = bank.items[0].clone();
    let guessed = nara::leisure::new_code();
    for path in [
        item_path(&guessed),
        item_path(&id.to_string()),
        item_path("1"),
        format!("/personal/fritidsbanken/skanna?kod={guessed}"),
    ] {
        assert_eq!(app.get(&path, Some(&bank.staff)).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for action in ["lamna-ut", "ta-emot", "steg"] {
        let answer = app.post(&format!("{}/{action}", item_path(&guessed)), &[], Some(&bank.staff)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{action}");
    }
    let typo = app.get("/personal/fritidsbanken/skanna?kod=abc", Some(&bank.staff)).await;
    assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typo.body.contains("24 bokstäver och siffror"));
    // The label's whole address, as a phone's camera reads it, and the code typed in capitals.
    let scanned = format!("/personal/fritidsbanken/skanna?kod=https://nara.example.se{}", item_path(&code));
    assert_eq!(app.get(&scanned, Some(&bank.staff)).await.location(), item_path(&code));
    let typed = format!("/personal/fritidsbanken/skanna?kod={}", code.to_uppercase());
    assert_eq!(app.get(&typed, Some(&bank.staff)).await.location(), item_path(&code));
});

on_both_backends!(participants_and_the_public_never_see_borrowers, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 2).await;
    let (_, token) = resident(&db, 1).await;
    reserve(&app, &bank, &token).await;
    let participant =
        person(&db, "deltagare@example.se", "Pelle Deltagare", &[grant(Role::LeisureParticipant)]).await;
    let p = session(&db, participant).await;
    let (_, code) = &bank.items[0];
    for path in [item_path(code), "/personal/fritidsbanken".to_string()] {
        assert_eq!(app.get(&path, Some(&p)).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let public = app.get("/fritidsbanken", None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("Skridskor") && public.body.contains("Fritidsbanken Söder"));
    for name in ["Boende Nummer1", "Pelle Deltagare", "Desirée Disk"] {
        assert!(!public.body.contains(name), "{name} on the public page");
    }
    let english = app.get("/en/fritidsbanken", Some(&token)).await;
    assert!(english.body.contains("Ice skates") && english.body.contains("Reserve"));
});

on_both_backends!(
    a_participant_washes_an_item_back_into_use_and_sees_what_it_made_possible,
    Migrated,
    |db| {
        let app = TestApp::new(db.clone());
        let bank = bank(&db, 0).await;
        let participant =
            person(&db, "deltagare@example.se", "Pelle Deltagare", &[grant(Role::LeisureParticipant)]).await;
        let p = session(&db, participant).await;
        let mut tx = db.begin_write().await.unwrap();
        let new = [NewItem {
            type_id: bank.kind,
            place_id: bank.places[0],
            step: Step::Washing,
            condition: "worn",
        }];
        let (id, code) = store::insert_items(&mut tx, &new, None).await.unwrap().remove(0);
        tx.commit().await.unwrap();
        let board = app.get("/fritidsbanken/uppgifter", Some(&p)).await;
        assert_eq!(board.status, StatusCode::OK);
        assert!(
            board.body.contains(&format!("/fritidsbanken/uppgifter/{code}")),
            "the washing waits on the board"
        );
        let task = format!("/fritidsbanken/uppgifter/{code}");
        let bad = app.post(&task, &[("minutes", "0"), ("what", ""), ("to", "lent")], Some(&p)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("mellan 1 och 720") && bad.body.contains("Välj vart saken ska nu"),
            "{}",
            bad.body
        );
        let done = app
            .post(
                &task,
                &[("minutes", "45"), ("what", "Tvättade och torkade"), ("to", "available")],
                Some(&p),
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert_eq!(item(&db, id).await.step(), Step::Available);
        // A resident borrows it: the participant's work made that loan possible.
        let (_, token) = resident(&db, 1).await;
        assert!(reserve(&app, &bank, &token).await.location().ends_with("klart=reserverad"));
        app.post(&format!("{}/lamna-ut", item_path(&code)), &[], Some(&bank.staff)).await;
        let summary = store::work_summary(&db, participant).await.unwrap();
        assert_eq!(
            summary,
            store::WorkSummary { minutes: 45, signed_off_minutes: 0, items_back_in_use: 1, loans_enabled: 1 }
        );
        // The supervisor signs the hours off at the desk, where the participant is named.
        let desk = app.get("/personal/fritidsbanken", Some(&bank.staff)).await;
        assert!(desk.body.contains("Pelle Deltagare") && desk.body.contains("Tvättade och torkade"));
        let work = store::unsigned_work(&db, bank.staff_id).await.unwrap()[0].id;
        // Nobody signs off their own hours: not the participant, even given the supervisor's role.
        assert!(store::unsigned_work(&db, participant).await.unwrap().is_empty());
        let mut tx = db.begin_write().await.unwrap();
        assert!(!store::sign_off(&mut tx, work, participant).await.unwrap());
        tx.commit().await.unwrap();
        let signed =
            app.post(&format!("/personal/fritidsbanken/timmar/{work}/godkann"), &[], Some(&bank.staff)).await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER);
        assert_eq!(store::work_summary(&db, participant).await.unwrap().signed_off_minutes, 45);
        let mine = app.get("/fritidsbanken/uppgifter", Some(&p)).await;
        assert!(mine.body.contains("0:45"), "{}", mine.body);
        // Neither the borrower's page nor the public page names the participant.
        for page in [app.get("/mina-sidor/lan", Some(&token)).await, app.get("/fritidsbanken", None).await] {
            assert!(!page.body.contains("Pelle Deltagare"));
        }
        // A resident is refused the board.
        assert_eq!(app.get("/fritidsbanken/uppgifter", Some(&token)).await.status, StatusCode::FORBIDDEN);
    }
);

on_both_backends!(a_reservation_not_picked_up_in_time_ends_and_goes_to_the_next_in_line, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 1).await;
    let (first, first_token) = resident(&db, 1).await;
    let (second, second_token) = resident(&db, 2).await;
    assert!(reserve(&app, &bank, &first_token).await.location().ends_with("klart=reserverad"));
    assert!(reserve(&app, &bank, &second_token).await.location().ends_with("klart=kolista"));
    let (item, code) = bank.items[0].clone();
    // The pick-up time passes.
    let past = nara::db::UtcTime(chrono::Utc::now() - chrono::Duration::hours(1));
    db.sql()
        .execute("UPDATE leisure_loans SET pickup_by = $1 WHERE borrower_id = $2", &[&past, &first])
        .await
        .unwrap();
    // Too late to hand over, even before the round has run.
    app.post(&format!("{}/lamna-ut", item_path(&code)), &[], Some(&bank.staff)).await;
    let loan = store::active_loan(&db, item).await.unwrap().unwrap();
    assert_eq!((loan.borrower_id, loan.state.as_str()), (Some(first), "reserved"));

    // Two processes run their rounds at once: the reservation ends once, the next in line gets it.
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base: url::Url = "https://nara.example.se".parse().unwrap();
    let other = db.as_another_process();
    let (a, b) = tokio::join!(
        nara::maintenance::run_once(&db, &catalogues, &base),
        nara::maintenance::run_once(&other, &catalogues, &base)
    );
    assert_eq!(a.unwrap().leisure_lapsed_reservations + b.unwrap().leisure_lapsed_reservations, 1);
    let loan = store::active_loan(&db, item).await.unwrap().unwrap();
    assert_eq!((loan.borrower_id, loan.state.as_str()), (Some(second), "reserved"));
    assert!(store::waitlist(&db, bank.kind).await.unwrap().is_empty());
    let offered = nara::mail::store::outbox(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.contains("finns att hämta") && m.to_address == "boende2@example.se")
        .count();
    assert_eq!(offered, 1);
    // The first resident's log says their reservation ended.
    let lapsed: i64 = db
        .sql()
        .value(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'leisure_reservation_lapsed' AND subject_id = $1",
            &[&first],
        )
        .await
        .unwrap()
        .unwrap_or(0);
    assert_eq!(lapsed, 1);
});
