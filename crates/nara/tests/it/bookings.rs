//! Bookable meetings on both databases, through the real router: no time is ever booked twice,
//! however many people try at once; a resident books, rebooks and cancels their own meetings
//! and reaches no one else's, whatever id is put in the address or the form; the officer's
//! windows, blocked dates and notice decide what is offered; calendars read back correctly.

use crate::common;

use std::collections::HashSet;

use axum::http::StatusCode;
use chrono::{Datelike, Days, NaiveTime, Weekday};
use common::app::{TestApp, person};
use nara::bookings::slots::{Slot, Window};
use nara::bookings::{BookOutcome, MAX_COMING_PER_CASE, MeetingMode, NewBooking};
use nara::cases::NewCase;
use nara::db::{Db, UtcTime};
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    officer: Uuid,
    case_a: Uuid,
    case_b: Uuid,
    resident_a: Uuid,
    /// Sessions.
    a: String,
    b: String,
    x: String,
    y: String,
}

/// Every weekday 09:00–12:00 in 45-minute meetings with 15 minutes between, 2 hours' notice.
async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(&db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let resident_a = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let resident_b = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let officer = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let officer_y = person(&db, "y@example.se", "Yngve Annanenhet", &staff(unit_y)).await;
    let open = |resident| NewCase {
        resident_id: resident,
        unit_id: unit_x,
        officer_id: Some(officer),
        title: "Samtalsstöd".into(),
    };
    let case_a = nara::cases::store::open_case(&db, &open(resident_a), None).await.unwrap();
    let case_b = nara::cases::store::open_case(&db, &open(resident_b), None).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    nara::bookings::store::ensure_booking_officer(&mut tx, officer, 2).await.unwrap();
    for weekday in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri] {
        let window = Window {
            weekday,
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            until: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            meeting_minutes: 45,
            buffer_minutes: 15,
        };
        nara::bookings::store::add_booking_window(
            &mut tx,
            officer,
            &window,
            &[MeetingMode::InPerson, MeetingMode::Phone],
            Some("Drottninggatan 2"),
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    World {
        a: nara::sessions::store::start_session(&db, resident_a).await.unwrap(),
        b: nara::sessions::store::start_session(&db, resident_b).await.unwrap(),
        x: nara::sessions::store::start_session(&db, officer).await.unwrap(),
        y: nara::sessions::store::start_session(&db, officer_y).await.unwrap(),
        app,
        db,
        officer,
        case_a,
        case_b,
        resident_a,
    }
}

/// A phone meeting on A's case at `slot`, booked by A.
fn phone_meeting(w: &World, slot: Slot) -> NewBooking {
    NewBooking {
        case_id: w.case_a,
        resident_id: w.resident_a,
        officer_id: w.officer,
        slot,
        mode: MeetingMode::Phone,
        place: None,
        booked_by: w.resident_a,
    }
}

/// The `tid` values offered on a booking page, in order.
fn offered(body: &str) -> Vec<String> {
    body.split("name=\"tid\" type=\"radio\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect()
}

/// The id in a `/mina-sidor/bokningar/{id}` address.
fn booking_id(location: &str) -> Uuid {
    Uuid::parse_str(location.trim_start_matches("/mina-sidor/bokningar/")).unwrap()
}

/// The 45-minute meeting at 09:00 Stockholm time on the Monday a week and a half ahead.
fn monday_at_nine() -> Slot {
    let mut day = chrono::Utc::now().date_naive().checked_add_days(Days::new(10)).unwrap();
    while day.weekday() != Weekday::Mon {
        day = day.succ_opt().unwrap();
    }
    let start = day.and_hms_opt(9, 0, 0).unwrap().and_local_timezone(chrono_tz::Europe::Stockholm).unwrap();
    Slot {
        starts_at: UtcTime(start.with_timezone(&chrono::Utc)),
        ends_at: UtcTime(start.with_timezone(&chrono::Utc) + chrono::Duration::minutes(45)),
    }
}

on_both_backends!(hundreds_of_simultaneous_bookings_take_a_time_once, Migrated, |db| {
    let w = world(db.clone()).await;
    let slot = monday_at_nine();
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let db = db.clone();
            let new = NewBooking {
                case_id: if i % 2 == 0 { w.case_a } else { w.case_b },
                ..phone_meeting(&w, slot)
            };
            tokio::spawn(async move { common::actions::book(&db, &new, None).await.unwrap() })
        })
        .collect();
    let mut made = 0;
    for task in tasks {
        match task.await.unwrap() {
            BookOutcome::Booked(_) => made += 1,
            other => assert_eq!(other, BookOutcome::Taken),
        }
    }
    assert_eq!(made, 1, "exactly one booking for the time");
    assert_eq!(nara::bookings::store::booked_slots(&db, w.officer, UtcTime::now()).await.unwrap(), [slot]);

    // An overlapping time that starts later is refused too.
    let overlapping = Slot {
        starts_at: UtcTime(slot.starts_at.0 + chrono::Duration::minutes(30)),
        ends_at: UtcTime(slot.ends_at.0 + chrono::Duration::minutes(30)),
    };
    assert_eq!(
        common::actions::book(&db, &phone_meeting(&w, overlapping), None).await.unwrap(),
        BookOutcome::Taken
    );
});

on_both_backends!(
    a_crowd_booking_over_http_at_once_gets_each_time_once_with_its_entry_and_notice,
    Migrated,
    |db| {
        let w = world(db.clone()).await;
        let unit = nara::cases::store::case(&db, w.case_a).await.unwrap().unwrap().unit_id;
        let times: Vec<String> = offered(
            &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.body,
        )
        .into_iter()
        .take(4)
        .collect();
        // 24 residents with a case each with the same officer; eight want each of three times. The
        // fourth stays free.
        let free = times[3].clone();
        let mut crowd = Vec::new();
        for i in 0..24 {
            let new = nara::identity::store::NewPerson {
                display_name: format!("Person {i}"),
                email: None,
                email_verified: false,
                personnummer: None,
                password_hash: None,
            };
            let mut tx = db.begin_write().await.unwrap();
            let resident = nara::identity::store::create_person(&mut tx, &new).await.unwrap().unwrap();
            tx.commit().await.unwrap();
            let case = NewCase {
                resident_id: resident,
                unit_id: unit,
                officer_id: Some(w.officer),
                title: "Stöd".into(),
            };
            let case = nara::cases::store::open_case(&db, &case, None).await.unwrap();
            let session = nara::sessions::store::start_session(&db, resident).await.unwrap();
            crowd.push((resident, case, session, times[i % 3].clone()));
        }
        let tasks: Vec<_> = crowd
            .iter()
            .map(|(_, case, session, time)| {
                let (app, path, session, time) = (
                    w.app.clone(),
                    format!("/mina-sidor/arenden/{case}/boka"),
                    session.clone(),
                    time.clone(),
                );
                tokio::spawn(async move {
                    app.post(&path, &[("tid", &time), ("satt", "phone")], Some(&session)).await
                })
            })
            .collect();
        let mut booked = HashSet::new();
        for ((resident, case, _, time), task) in crowd.iter().zip(tasks) {
            let answer = task.await.unwrap();
            let made = nara::bookings::store::bookings_of_case(&db, *case).await.unwrap();
            let made_entries: Vec<_> = nara::audit::store::access_log(&db, *resident, 50)
                .await
                .unwrap()
                .into_iter()
                .filter(|l| l.action == "booking_made")
                .collect();
            if answer.status == StatusCode::SEE_OTHER {
                let id = booking_id(answer.location());
                assert_eq!(
                    made.iter().map(|b| b.id).collect::<Vec<_>>(),
                    [id],
                    "the booking answered is the one made"
                );
                assert!(booked.insert(time.clone()), "{time} is booked once");
                assert_eq!(made_entries.len(), 1, "one entry for the booking");
                assert_eq!(made_entries[0].object_id, Some(id.to_string()));
            } else {
                assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
                assert!(answer.body.contains("Tiden är inte ledig längre"));
                let offered = offered(&answer.body);
                assert!(!offered.contains(time), "the lost time is not offered again");
                assert!(offered.contains(&free), "a time no one took is still offered");
                assert!(made.is_empty() && made_entries.is_empty(), "nothing made or logged for a refusal");
            }
        }
        assert_eq!(booked.len(), 3, "each time booked by someone");
        let notices = nara::mail::store::outbox(&db).await.unwrap();
        assert_eq!(
            notices.iter().filter(|m| m.to_address == "x@example.se").count(),
            3,
            "the officer told of each"
        );
    }
);

on_both_backends!(a_resident_books_rebooks_and_cancels_their_own_meeting, Migrated, |db| {
    let w = world(db.clone()).await;
    let form = w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await;
    assert_eq!(form.status, StatusCode::OK);
    let times = offered(&form.body);
    assert!(times.len() > 20, "weeks of weekday mornings are offered: {}", times.len());
    // The error summary leads to the first time; each time is labelled with its Stockholm hours.
    assert!(form.body.contains(&format!("id=\"tid\" name=\"tid\" type=\"radio\" value=\"{}\"", times[0])));
    let second = chrono::DateTime::from_timestamp(times[1].parse().unwrap(), 0).unwrap();
    let local =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&chrono_tz::Europe::Stockholm).format("%H:%M");
    let label = format!("{}–{}", local(second), local(second + chrono::Duration::minutes(45)));
    assert!(
        form.body.contains(&format!("for=\"tid-{}\">{label}</label>", times[1])),
        "{label}: {}",
        form.body
    );

    // How to meet is asked first, then the times that allow it.
    let first = w.app.get(&format!("/mina-sidor/arenden/{}/boka", w.case_a), Some(&w.a)).await.body;
    assert!(offered(&first).is_empty() && first.contains("Hur vill du träffas?"), "{first}");
    assert!(
        first.contains("value=\"in_person\"")
            && first.contains("value=\"phone\"")
            && !first.contains("value=\"video\"")
    );
    let empty = w.app.post(&format!("/mina-sidor/arenden/{}/boka", w.case_a), &[], Some(&w.a)).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("href=\"#satt\"") && offered(&empty.body).is_empty());
    let no_time =
        w.app.post(&format!("/mina-sidor/arenden/{}/boka", w.case_a), &[("satt", "phone")], Some(&w.a)).await;
    assert_eq!(no_time.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_time.body.contains("href=\"#tid\"") && no_time.body.contains("Välj en tid"));
    let wrong_mode = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_a),
            &[("tid", &times[0]), ("satt", "video")],
            Some(&w.a),
        )
        .await;
    assert_eq!(wrong_mode.status, StatusCode::UNPROCESSABLE_ENTITY, "no video in these windows");

    let booked = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_a),
            &[("tid", &times[0]), ("satt", "in_person")],
            Some(&w.a),
        )
        .await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let page_path = booked.location().to_string();
    let id = booking_id(&page_path);
    let page = w.app.get(&page_path, Some(&w.a)).await.body;
    assert!(page.contains("Mötet är bokat") && page.contains("Drottninggatan 2"));
    // Rebooking keeps the way of meeting: straight to the times that allow it, with a way back.
    assert!(page.contains(&format!("boka?flytta={id}&#38;satt=in_person")), "{page}");
    let rebook =
        w.app.get(&format!("/mina-sidor/arenden/{}/boka?flytta={id}", w.case_a), Some(&w.a)).await.body;
    assert!(rebook.contains("name=\"satt\" value=\"in_person\"") && !offered(&rebook).is_empty(), "{rebook}");
    assert!(rebook.contains("Besök") && rebook.contains("satt=valj"));
    let again = w
        .app
        .get(&format!("/mina-sidor/arenden/{}/boka?flytta={id}&satt=valj", w.case_a), Some(&w.a))
        .await
        .body;
    assert!(offered(&again).is_empty() && again.contains("Hur vill du träffas?"));
    let reference = nara::bookings::store::booking(&w.db, id).await.unwrap().unwrap().reference;
    assert!(page.contains(&reference) && reference.len() == 19);
    assert!(
        !offered(
            &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_b), Some(&w.b)).await.body
        )
        .contains(&times[0]),
        "a booked time is no longer offered to anyone"
    );

    // Someone else asking for the same time is told it is taken.
    let taken = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_b),
            &[("tid", &times[0]), ("satt", "phone")],
            Some(&w.b),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("Tiden är inte ledig längre"));
    assert!(!offered(&taken.body).contains(&times[0]) && offered(&taken.body).contains(&times[1]));
    // A time that is none of the officer's, or in a way its window does not offer, is refused
    // before it is sent to be booked; the form lists the free times again.
    let odd = (times[1].parse::<i64>().unwrap() + 60).to_string();
    for (tid, satt, told) in [
        (odd.as_str(), "phone", "Tiden är inte ledig längre"),
        (times[1].as_str(), "video", "Den tiden går inte att ha på det sättet"),
    ] {
        let refused = w
            .app
            .post(
                &format!("/mina-sidor/arenden/{}/boka", w.case_b),
                &[("tid", tid), ("satt", satt)],
                Some(&w.b),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{tid} {satt}");
        assert!(refused.body.contains(told), "{}", refused.body);
    }
    assert!(
        offered(
            &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_b), Some(&w.b)).await.body
        )
        .contains(&times[1])
    );

    // The calendar file reads back with the right time.
    let ics = w.app.get(&format!("{page_path}/kalender.ics"), Some(&w.a)).await;
    assert_eq!(ics.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(ics.body.contains(&format!("UID:booking-{id}@nara")));
    let seconds: i64 = times[0].parse().unwrap();
    let start = chrono::DateTime::from_timestamp(seconds, 0).unwrap();
    assert!(ics.body.contains(&format!("DTSTART:{}", start.format("%Y%m%dT%H%M%SZ"))), "{}", ics.body);

    // Rebook: the new time is taken and the old one given back, in one step.
    let rebooked = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_a),
            &[("tid", &times[3]), ("satt", "phone"), ("flytta", &id.to_string())],
            Some(&w.a),
        )
        .await;
    assert_eq!(rebooked.status, StatusCode::SEE_OTHER, "{}", rebooked.body);
    let new_id = booking_id(rebooked.location());
    assert!(!nara::bookings::store::booking(&w.db, id).await.unwrap().unwrap().is_booked());
    assert!(nara::bookings::store::booking(&w.db, new_id).await.unwrap().unwrap().is_booked());
    assert!(
        offered(
            &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_b), Some(&w.b)).await.body
        )
        .contains(&times[0]),
        "the old time is free again"
    );

    w.app.post(&format!("/mina-sidor/bokningar/{new_id}/avboka"), &[], Some(&w.a)).await;
    assert!(!nara::bookings::store::booking(&w.db, new_id).await.unwrap().unwrap().is_booked());
    let told: Vec<_> = nara::mail::store::outbox(&w.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to_address == "x@example.se")
        .collect();
    assert!(!told.is_empty(), "the officer is told");
    assert!(
        told.iter().all(|m| !m.body.contains(&times[0]) && !m.body.contains("Samtalsstöd")),
        "without details"
    );
    let log = nara::audit::store::access_log(&w.db, w.resident_a, 50).await.unwrap();
    assert!(
        log.iter().any(|l| l.action == "booking_made") && log.iter().any(|l| l.action == "booking_cancelled")
    );
});

on_both_backends!(no_one_reaches_another_residents_bookings, Migrated, |db| {
    let w = world(db.clone()).await;
    let times = offered(
        &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.body,
    );
    let booked = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_a),
            &[("tid", &times[0]), ("satt", "phone")],
            Some(&w.a),
        )
        .await;
    let path = booked.location().to_string();
    let id = booking_id(&path);

    // Resident B: A's booking, its calendar, cancelling it, booking on A's case, moving A's booking.
    assert_eq!(w.app.get(&path, Some(&w.b)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(w.app.get(&format!("{path}/kalender.ics"), Some(&w.b)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(w.app.post(&format!("{path}/avboka"), &[], Some(&w.b)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.b)).await.status,
        StatusCode::NOT_FOUND
    );
    let moved = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/boka", w.case_b),
            &[("tid", &times[2]), ("satt", "phone"), ("flytta", &id.to_string())],
            Some(&w.b),
        )
        .await;
    assert_eq!(moved.status, StatusCode::NOT_FOUND, "A's booking named on B's own case");
    // Staff of another unit cannot cancel it; the refusal is in A's log.
    let refused = w.app.post(&format!("/handlaggare/bokningar/{id}/avboka"), &[], Some(&w.y)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(nara::bookings::store::booking(&w.db, id).await.unwrap().unwrap().is_booked(), "nothing changed");
    let log = nara::audit::store::access_log(&w.db, w.resident_a, 50).await.unwrap();
    assert!(log.iter().any(|l| l.action == "access_denied"));

    // The officer cancels; A is told, without details.
    w.app.post(&format!("/handlaggare/bokningar/{id}/avboka"), &[], Some(&w.x)).await;
    assert!(!nara::bookings::store::booking(&w.db, id).await.unwrap().unwrap().is_booked());
    assert!(
        nara::mail::store::outbox(&w.db)
            .await
            .unwrap()
            .iter()
            .any(|m| m.to_address == "a@example.se" && m.subject == "En bokning har ändrats")
    );
});

on_both_backends!(officers_offer_windows_and_block_dates, Migrated, |db| {
    let w = world(db.clone()).await;
    let page = w.app.get("/handlaggare/tider", Some(&w.x)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("09:00–12:00"));
    let bad = w
        .app
        .post(
            "/handlaggare/tider",
            &[("veckodag", "6"), ("fran", "12:00"), ("till", "10:00"), ("langd", "30")],
            Some(&w.x),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#till\"") && bad.body.contains("href=\"#satt-in_person\""));
    // The booking page read before the change (its availability is remembered) ...
    let before =
        w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=video", w.case_a), Some(&w.a)).await.body;
    assert!(offered(&before).is_empty(), "no video times yet");
    let saturday = w
        .app
        .post(
            "/handlaggare/tider",
            &[
                ("veckodag", "6"),
                ("fran", "10:00"),
                ("till", "11:00"),
                ("langd", "60"),
                ("satt", "video"),
                ("plats", "https://video.example.se/x"),
            ],
            Some(&w.x),
        )
        .await;
    assert_eq!(saturday.status, StatusCode::SEE_OTHER, "{}", saturday.body);
    let form = w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=video", w.case_a), Some(&w.a)).await.body;
    // ... shows the new window at once after it.
    assert!(
        form.contains("Utanför kontorstid") && form.contains("Videomöte"),
        "a weekend time is offered and marked"
    );
    // Only the ways a time allows: the weekday windows have no video, the weekend one nothing else.
    let video = offered(&form);
    let phone = offered(
        &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.body,
    );
    assert!(!video.is_empty() && video.iter().all(|t| !phone.contains(t)), "{video:?}");

    // Blocking every date of the next weeks leaves nothing to book.
    let today = chrono::Utc::now().date_naive();
    for days in 0..=60 {
        let date = today.checked_add_days(Days::new(days)).unwrap().to_string();
        w.app.post("/handlaggare/tider/blockera", &[("datum", &date)], Some(&w.x)).await;
    }
    let form = w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.body;
    assert!(offered(&form).is_empty() && form.contains("Det finns inga lediga tider just nu"));
    let distinct: HashSet<_> = nara::bookings::store::blocked_booking_dates(&w.db, w.officer, today)
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(distinct.len(), 61);
});

on_both_backends!(residents_are_reminded_the_day_before_once, Migrated, |db| {
    let w = world(db.clone()).await;
    let starts = UtcTime(chrono::Utc::now() + chrono::Duration::hours(20));
    let slot = Slot { starts_at: starts, ends_at: UtcTime(starts.0 + chrono::Duration::minutes(45)) };
    let later = Slot {
        starts_at: UtcTime(starts.0 + chrono::Duration::days(3)),
        ends_at: UtcTime(slot.ends_at.0 + chrono::Duration::days(3)),
    };
    for slot in [slot, later] {
        assert!(matches!(
            common::actions::book(&db, &phone_meeting(&w, slot), None).await.unwrap(),
            BookOutcome::Booked(_)
        ));
    }
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base: url::Url = "https://nara.example.se".parse().unwrap();
    let round = nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap();
    assert_eq!(round.booking_reminders, 1, "only the meeting within a day");
    assert_eq!(nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap().booking_reminders, 0);
    let mail = nara::mail::store::outbox(&db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.subject.starts_with("Påminnelse"))
        .unwrap();
    assert_eq!(mail.to_address, "a@example.se");
    assert!(
        mail.body.contains("https://nara.example.se/mina-sidor/bokningar/")
            && !mail.body.contains("Samtalsstöd")
    );
    let when = nara::i18n::format_stockholm_time(starts);
    assert!(!mail.subject.contains(&when) && !mail.body.contains(&when), "not when: {}", mail.body);
});

on_both_backends!(a_case_has_few_coming_meetings_and_a_closed_case_none, Migrated, |db| {
    let w = world(db.clone()).await;
    let times = offered(
        &w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.body,
    );
    let book = |time: String| {
        let app = &w.app;
        let path = format!("/mina-sidor/arenden/{}/boka", w.case_a);
        let session = w.a.clone();
        async move { app.post(&path, &[("tid", &time), ("satt", "phone")], Some(&session)).await }
    };
    for time in times.iter().take(MAX_COMING_PER_CASE as usize) {
        assert_eq!(book(time.clone()).await.status, StatusCode::SEE_OTHER);
    }
    let one_more = book(times[5].clone()).await;
    assert_eq!(one_more.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(one_more.body.contains("tre kommande möten"));

    // Closing the case cancels its coming meetings and closes booking.
    let closed = w.app.post(&format!("/handlaggare/arenden/{}/avsluta", w.case_a), &[], Some(&w.x)).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
    assert!(
        nara::bookings::store::bookings_of_case(&w.db, w.case_a)
            .await
            .unwrap()
            .iter()
            .all(|b| !b.is_booked())
    );
    assert_eq!(
        w.app.get(&format!("/mina-sidor/arenden/{}/boka?satt=phone", w.case_a), Some(&w.a)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(book(times[6].clone()).await.status, StatusCode::NOT_FOUND);
    // A booking that was waiting to be made while the case closed is refused when it is made.
    let waiting = phone_meeting(&w, monday_at_nine());
    assert_eq!(common::actions::book(&w.db, &waiting, None).await.unwrap(), BookOutcome::CaseChanged);

    // So is one for a case handed to another officer meanwhile: the times were the old one's.
    let colleague = person(&w.db, "z@example.se", "Zara Kollega", &[]).await;
    let mut tx = w.db.begin_write().await.unwrap();
    assert!(nara::cases::store::hand_over_case(&mut tx, w.case_b, colleague, "", w.officer).await.unwrap());
    tx.commit().await.unwrap();
    let handed_over = NewBooking { case_id: w.case_b, ..phone_meeting(&w, monday_at_nine()) };
    assert_eq!(common::actions::book(&w.db, &handed_over, None).await.unwrap(), BookOutcome::CaseChanged);
    assert!(nara::bookings::store::bookings_of_case(&w.db, w.case_b).await.unwrap().is_empty());
});

on_both_backends!(each_side_of_a_booking_is_sent_where_they_see_their_meetings, Migrated, |db| {
    let w = world(db.clone()).await;
    let book = format!("/mina-sidor/arenden/{}/boka", w.case_a);
    let times = offered(&w.app.get(&format!("{book}?satt=phone"), Some(&w.a)).await.body);
    let booked = w.app.post(&book, &[("tid", &times[0]), ("satt", "phone")], Some(&w.a)).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let to_officer = outbox.iter().find(|m| m.to_address == "x@example.se").expect("the officer is told");
    assert!(to_officer.body.contains("http://nara.example.se/handlaggare/tider\n"), "{}", to_officer.body);
    assert!(to_officer.body.contains("Mina bokningsbara tider"), "{}", to_officer.body);
    assert!(!to_officer.body.contains("Mina sidor") && !to_officer.body.contains("/mina-sidor"));

    let id = booking_id(booked.location());
    w.app.post(&format!("/handlaggare/bokningar/{id}/avboka"), &[], Some(&w.x)).await;
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let to_resident = outbox.iter().find(|m| m.to_address == "a@example.se").expect("the resident is told");
    assert!(to_resident.body.contains("Logga in på Mina sidor"), "{}", to_resident.body);
    assert!(to_resident.body.contains("http://nara.example.se/mina-sidor\n"), "{}", to_resident.body);
});

on_both_backends!(an_officer_sets_when_they_answer_the_phone_and_their_residents_see_it, Migrated, |db| {
    let w = world(db.clone()).await;
    let wrong = [("telefon", ""), ("telefon-fran", "9"), ("telefon-till", "08:00")];
    let refused = w.app.post("/handlaggare/tider/telefon", &wrong, Some(&w.x)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in ["Skriv ett telefonnummer", "Välj minst en dag", "Skriv en tid som 17:00"] {
        assert!(refused.body.contains(message), "{message}: {}", refused.body);
    }
    assert!(nara::cases::store::phone_hours(&w.db, w.officer).await.unwrap().is_none(), "nothing kept");
    let form = [
        ("telefon", "042-10 50 99"),
        ("telefondag", "1"),
        ("telefondag", "2"),
        ("telefondag", "3"),
        ("telefondag", "4"),
        ("telefondag", "5"),
        ("telefondag", "6"),
        ("telefondag", "7"),
        ("telefon-fran", "00:00"),
        ("telefon-till", "23:59"),
    ];
    let saved = w.app.post("/handlaggare/tider/telefon", &form, Some(&w.x)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let again = w.app.get("/handlaggare/tider", Some(&w.x)).await.body;
    assert!(again.contains("value=\"042-10 50 99\"") && again.contains("value=\"23:59\""), "{again}");
    let case_page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case_a), Some(&w.a)).await.body;
    assert!(case_page.contains("042-10 50 99"), "the resident sees the number: {case_page}");
});
