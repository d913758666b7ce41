//! Meetings and events on both databases: never more confirmed places than capacity under any
//! concurrency, a waitlist that promotes in order, the registration journey over HTTP, and
//! calendar feeds read back by an independent iCalendar parser.

use crate::common;

use std::process::{Command, Stdio};

use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use common::app::TestApp;
use nara::db::{Db, UtcTime};
use nara::events::recurrence::{End, Frequency, Rule, WeekdayOrdinal};
use nara::events::{Cancellation, NewSeries, Registrant, RegistrationStatus, Series, store};
use uuid::Uuid;

pub(crate) fn series(slug: &str, capacity: Option<i32>) -> Series {
    Series {
        id: Uuid::new_v4(),
        slug: slug.into(),
        title_sv: "Självhjälpsgrupp för anhöriga".into(),
        title_en: "Self-help group for relatives".into(),
        summary_sv: "Samtal med andra i en liknande situation.".into(),
        summary_en: "Talks with others in a similar situation.".into(),
        has_themes: false,
        organiser_name: "Anhörigstöd".into(),
        organiser_unit_id: None,
        audience_sv: "Anhöriga".into(),
        audience_en: "Relatives".into(),
        venue_name: Some("Träffpunkt Sköldenborg".into()),
        venue_address: Some("Hebsackersgatan 6".into()),
        venue_accessibility_sv: None,
        venue_accessibility_en: None,
        online_url: None,
        price_sv: None,
        price_en: None,
        contact_name: "Anna Pihlqvist".into(),
        contact_email: None,
        contact_phone: None,
        rule: String::new(),
        capacity,
        public: true,
        help_area: None,
        entry_id: None,
    }
}

/// A single event a week from now.
pub(crate) fn soon() -> Rule {
    let date = chrono::Utc::now().date_naive() + chrono::Duration::days(7);
    Rule {
        first_date: date,
        start_time: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
        duration_minutes: 120,
        frequency: Frequency::Once,
        end: End::Count(1),
    }
}

async fn single_event(db: &Db, capacity: i32) -> Uuid {
    let new = NewSeries { series: series(&format!("grupp-{}", Uuid::new_v4().simple()), Some(capacity)) };
    let series_id = store::create_series(db, &new, &soon()).await.unwrap();
    store::occurrences_of(db, series_id).await.unwrap()[0].id
}

fn someone(i: usize) -> Registrant {
    Registrant {
        person_id: None,
        name: format!("Person {i}"),
        email: format!("person{i}@example.se"),
        needs: None,
        locale: nara::i18n::Locale::SV,
    }
}

// Each of these is one action on its own, in its own write transaction, as a handler runs it.

async fn register(
    db: &Db,
    occurrence: Uuid,
    who: &Registrant,
) -> anyhow::Result<Option<(Uuid, RegistrationStatus)>> {
    let mut tx = db.begin_write().await?;
    let made = store::register(&mut tx, occurrence, who).await?;
    tx.commit().await?;
    Ok(made)
}

async fn cancel_registration(db: &Db, id: Uuid) -> anyhow::Result<Option<Cancellation>> {
    let mut tx = db.begin_write().await?;
    let cancelled = store::cancel_registration(&mut tx, id).await?;
    tx.commit().await?;
    Ok(cancelled)
}

async fn cancel_occurrence(db: &Db, id: Uuid) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let cancelled = store::cancel_occurrence(&mut tx, id).await?;
    tx.commit().await?;
    Ok(cancelled)
}

async fn move_occurrence(db: &Db, id: Uuid, starts_at: UtcTime, ends_at: UtcTime) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let moved = store::move_occurrence(&mut tx, id, starts_at, ends_at).await?;
    tx.commit().await?;
    Ok(moved)
}

async fn statuses(db: &Db, occurrence: Uuid) -> (usize, usize) {
    let all = store::registrations_for(db, occurrence).await.unwrap();
    let confirmed = all.iter().filter(|r| r.status() == RegistrationStatus::Confirmed).count();
    (confirmed, all.len() - confirmed)
}

on_both_backends!(hundreds_at_once_never_overbook, Migrated, |db| {
    let occurrence = single_event(&db, 50).await;
    let tasks: Vec<_> = (0..300)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move { register(&db, occurrence, &someone(i)).await.unwrap().unwrap().1 })
        })
        .collect();
    let mut confirmed = 0;
    for task in tasks {
        if task.await.unwrap() == RegistrationStatus::Confirmed {
            confirmed += 1;
        }
    }
    assert_eq!(confirmed, 50, "exactly capacity confirmed");
    assert_eq!(statuses(&db, occurrence).await, (50, 250), "the rest waitlisted, none lost");
    assert_eq!(store::occurrence(&db, occurrence).await.unwrap().unwrap().taken, 50);
});

on_both_backends!(
    a_crowd_registering_over_http_at_once_each_gets_their_own_place_link_and_mail,
    Migrated,
    |db| {
        let app = TestApp::new(db.clone());
        store::create_series(&db, &NewSeries { series: series("sommarlov", Some(10)) }, &soon())
            .await
            .unwrap();
        // One address has had its e-mails for the hour already; it registers with the crowd.
        for _ in 0..3 {
            let form = [("name", "Kim"), ("email", "kim@example.se")];
            assert!(
                app.post("/kalender/sommarlov/0/anmalan", &form, None)
                    .await
                    .location()
                    .starts_with("/anmalan/")
            );
        }
        let people: Vec<String> =
            (0..40).map(|i| format!("barn{i}@example.se")).chain(["kim@example.se".into()]).collect();
        let tasks: Vec<_> = people
            .iter()
            .map(|email| {
                let (app, email) = (app.clone(), email.clone());
                tokio::spawn(async move {
                    let answer = app
                        .post("/kalender/sommarlov/0/anmalan", &[("name", "Alva"), ("email", &email)], None)
                        .await;
                    (email, answer.status, answer.location().to_string())
                })
            })
            .collect();
        let mut links = std::collections::HashSet::new();
        for task in tasks {
            let (email, status, link) = task.await.unwrap();
            if email == "kim@example.se" {
                assert_eq!(
                    status,
                    StatusCode::TOO_MANY_REQUESTS,
                    "the fourth e-mail within the hour is refused"
                );
                continue;
            }
            assert!(link.starts_with("/anmalan/"), "{email} registered: {status}");
            assert!(links.insert(link.clone()), "each their own private link");
            let mails = mails_to(&db, &email).await;
            assert_eq!(mails.len(), 1, "one confirmation to {email}");
            assert!(mails[0].body.contains(&link), "{email}'s confirmation holds their own link");
        }
        let occurrence =
            store::occurrences_of(&db, store::series_by_slug(&db, "sommarlov").await.unwrap().unwrap().id)
                .await
                .unwrap()[0]
                .id;
        // Kim's three, then the crowd: capacity is never passed and no one is lost.
        assert_eq!(statuses(&db, occurrence).await, (10, 33));
        assert_eq!(
            mails_to(&db, "kim@example.se").await.len(),
            3,
            "nothing registered or sent for the refused one"
        );
    }
);

on_both_backends!(the_waitlist_moves_up_in_order, Migrated, |db| {
    let occurrence = single_event(&db, 2).await;
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(register(&db, occurrence, &someone(i)).await.unwrap().unwrap().0);
    }
    // Person 3 (waitlisted) leaves: nothing moves.
    let left = cancel_registration(&db, ids[3]).await.unwrap().unwrap();
    assert_eq!(left.promoted, None);
    // Person 0 (confirmed) leaves: person 2, first in line, gets the place.
    let cancelled = cancel_registration(&db, ids[0]).await.unwrap().unwrap();
    assert_eq!(cancelled.promoted.unwrap().email, "person2@example.se");
    assert_eq!(
        store::registration(&db, ids[2]).await.unwrap().unwrap().status(),
        RegistrationStatus::Confirmed
    );
    assert!(cancel_registration(&db, ids[0]).await.unwrap().is_none(), "cancelling twice changes nothing");
    // Person 1 leaves: person 4 moves up; then person 2 leaves with no one waiting: a place frees.
    assert_eq!(
        cancel_registration(&db, ids[1]).await.unwrap().unwrap().promoted.unwrap().email,
        "person4@example.se"
    );
    assert_eq!(cancel_registration(&db, ids[2]).await.unwrap().unwrap().promoted, None);
    let after = store::occurrence(&db, occurrence).await.unwrap().unwrap();
    assert_eq!((after.taken, after.places_left()), (1, Some(1)));
});

on_both_backends!(simultaneous_cancellations_promote_each_waiting_person_once, Migrated, |db| {
    let occurrence = single_event(&db, 10).await;
    let mut confirmed = Vec::new();
    for i in 0..30 {
        let (id, status) = register(&db, occurrence, &someone(i)).await.unwrap().unwrap();
        if status == RegistrationStatus::Confirmed {
            confirmed.push(id);
        }
    }
    let tasks: Vec<_> = confirmed
        .into_iter()
        .map(|id| {
            let db = db.clone();
            tokio::spawn(async move {
                cancel_registration(&db, id).await.unwrap().unwrap().promoted.unwrap().email
            })
        })
        .collect();
    let mut promoted = Vec::new();
    for task in tasks {
        promoted.push(task.await.unwrap());
    }
    promoted.sort();
    promoted.dedup();
    assert_eq!(promoted.len(), 10, "ten different people moved up");
    assert_eq!(statuses(&db, occurrence).await, (10, 10));
    assert_eq!(store::occurrence(&db, occurrence).await.unwrap().unwrap().taken, 10);
});

on_both_backends!(a_visitor_registers_is_waitlisted_and_moves_up_over_http, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let new = NewSeries { series: series("anhoriga", Some(1)) };
    store::create_series(&db, &new, &soon()).await.unwrap();
    let calendar = app.get("/kalender", None).await;
    assert!(
        calendar.body.contains("Självhjälpsgrupp för anhöriga") && calendar.body.contains("En plats kvar")
    );
    let page = app.get("/kalender/anhoriga/0", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("application/ld+json") && page.body.contains("\"@type\":\"Event\""));
    assert!(page.body.contains("En plats kvar"));
    assert!(app.get("/kalender/anhoriga", None).await.body.contains("En plats kvar"));

    let empty = app.post("/kalender/anhoriga/0/anmalan", &[("name", ""), ("email", "nej")], None).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("href=\"#name\"") && empty.body.contains("href=\"#email\""));

    let first = app
        .post(
            "/kalender/anhoriga/0/anmalan",
            &[("name", "Lena"), ("email", "lena@example.se"), ("needs", "Glutenfritt")],
            None,
        )
        .await;
    let first_page = first.location().to_string();
    assert!(first_page.starts_with("/anmalan/"), "{first_page}");
    // The meeting's page, kept in memory since it was shown above, shows the place as taken.
    let page = app.get("/kalender/anhoriga/0", None).await.body;
    assert!(page.contains("Fullt") && !page.contains("En plats kvar"), "{page}");
    // So does the series' page, whose meetings were kept too.
    let series_page = app.get("/kalender/anhoriga", None).await.body;
    assert!(series_page.contains("Fullt") && !series_page.contains("En plats kvar"), "{series_page}");
    assert!(app.get(&first_page, None).await.body.contains("Du är anmäld"));
    let second = app
        .post("/kalender/anhoriga/0/anmalan", &[("name", "Omar"), ("email", "omar@example.se")], None)
        .await;
    let second_page = second.location().to_string();
    assert!(app.get(&second_page, None).await.body.contains("väntelistan"));

    // A forged link shows nothing.
    let forged = format!("{}x", &first_page[..first_page.len() - 1]);
    assert_eq!(app.get(&forged, None).await.status, StatusCode::NOT_FOUND);

    app.post(&format!("{first_page}/avboka"), &[], None).await;
    assert!(app.get(&first_page, None).await.body.contains("avbokad"));
    assert!(app.get(&second_page, None).await.body.contains("Du är anmäld"), "Omar moved up");
    let outbox = nara::mail::store::outbox(&db).await.unwrap();
    let told = outbox
        .iter()
        .find(|m| m.to_address == "omar@example.se" && m.subject.starts_with("Du har fått en plats"));
    let told = told.expect("Omar is told by e-mail");
    assert!(told.body.contains(&format!("http://nara.example.se{second_page}")), "with his own link");
    assert!(
        store::registrations_for(
            &db,
            store::occurrences_of(&db, store::series_by_slug(&db, "anhoriga").await.unwrap().unwrap().id)
                .await
                .unwrap()[0]
                .id
        )
        .await
        .unwrap()
        .iter()
        .all(|r| r.needs.is_none() || r.name != "Lena"),
        "a cancelled registration's needs are deleted"
    );
});

/// Reads an iCalendar document with Python's `icalendar` package.
fn read_ics(text: &str) -> Option<serde_json::Value> {
    let python = std::env::var("NARA_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python/read_ics.py");
    let has_parser =
        Command::new(&python).args(["-c", "import icalendar"]).status().is_ok_and(|s| s.success());
    if !has_parser {
        assert!(std::env::var("CI").is_err(), "CI must check calendars with the icalendar package");
        eprintln!("notice: Python's icalendar package is missing; the feed check was skipped");
        return None;
    }
    let mut child =
        Command::new(python).arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "the parser rejected the feed:\n{text}");
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

/// The last Wednesday of a month.
fn last_wednesday(year: i32, month: u32) -> NaiveDate {
    WeekdayOrdinal::Last.date_in(year, month, Weekday::Wed).unwrap()
}

on_both_backends!(calendar_feeds_read_back_with_correct_times_across_daylight_saving, Migrated, |db| {
    let app = TestApp::new(db.clone());
    // The last Wednesday of each month from next January, ten times: it spans the change in March.
    let year = chrono::Utc::now().year() + 1;
    let rule = Rule {
        first_date: last_wednesday(year, 1),
        start_time: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
        duration_minutes: 120,
        frequency: Frequency::MonthlyByWeekday {
            interval: 1,
            ordinal: WeekdayOrdinal::Last,
            weekday: Weekday::Wed,
        },
        end: End::Count(10),
    };
    let series_id =
        store::create_series(&db, &NewSeries { series: series("anhoriga", Some(12)) }, &rule).await.unwrap();
    let occurrences = store::occurrences_of(&db, series_id).await.unwrap();
    assert_eq!(occurrences.len(), 10);

    let feed = app.get("/kalender/anhoriga/kalender.ics", None).await;
    assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
    let Some(parsed) = read_ics(&feed.body) else { return };
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events.len(), 10);
    let january = &events[0];
    assert_eq!(
        january["start"],
        format!("{}T12:30:00Z", last_wednesday(year, 1)),
        "13:30 in winter is 12:30 UTC"
    );
    let april = &events[3];
    assert_eq!(
        april["start"],
        format!("{}T11:30:00Z", last_wednesday(year, 4)),
        "13:30 in summer is 11:30 UTC"
    );
    assert_eq!(april["end"], format!("{}T13:30:00Z", last_wednesday(year, 4)));
    assert_eq!(april["location"], "Träffpunkt Sköldenborg, Hebsackersgatan 6");
    let uid = april["uid"].as_str().unwrap().to_string();

    // The whole calendar's feed is kept in memory once made: a change must still reach it.
    let status_in_all = |feed: &serde_json::Value| {
        feed["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["uid"] == uid.as_str())
            .map(|e| e["status"].clone())
    };
    let all_before = read_ics(&app.get("/kalender.ics", None).await.body).unwrap();
    assert_ne!(status_in_all(&all_before), Some(serde_json::json!("CANCELLED")));

    // Cancel April and move May: same UIDs, higher SEQUENCE, April marked cancelled.
    cancel_occurrence(&db, occurrences[3].id).await.unwrap();
    let all_after = read_ics(&app.get("/kalender.ics", None).await.body).unwrap();
    assert_eq!(status_in_all(&all_after), Some(serde_json::json!("CANCELLED")));
    let may = &occurrences[4];
    let later = chrono::Duration::hours(2);
    move_occurrence(&db, may.id, UtcTime(may.starts_at.0 + later), UtcTime(may.ends_at.0 + later))
        .await
        .unwrap();
    let again = read_ics(&app.get("/kalender/anhoriga/kalender.ics", None).await.body).unwrap();
    let events = again["events"].as_array().unwrap();
    assert_eq!(events[3]["uid"], uid.as_str());
    assert_eq!(events[3]["status"], "CANCELLED");
    assert_eq!(events[3]["sequence"], 1);
    assert_eq!(events[4]["start"], format!("{}T13:30:00Z", last_wednesday(year, 5)));
    assert_eq!(events[4]["sequence"], 1);

    // The whole public calendar and a single occurrence parse too, in English as well.
    let all = read_ics(&app.get("/en/kalender.ics", None).await.body).unwrap();
    assert!(
        all["events"].as_array().unwrap().iter().any(|e| e["summary"] == "Self-help group for relatives")
    );
    let one = read_ics(&app.get("/kalender/anhoriga/0/kalender.ics", None).await.body).unwrap();
    assert_eq!(one["events"].as_array().unwrap().len(), 1);
});

on_both_backends!(the_organising_unit_runs_its_meetings_and_no_one_else, Migrated, |db| {
    use common::app::person;
    use nara::identity::{Role, RoleGrant};
    let app = TestApp::new(db.clone());
    let ours =
        nara::identity::store::upsert_unit(&db, "vuxen", "Vuxenenheten", "Adult services").await.unwrap();
    let theirs = nara::identity::store::upsert_unit(&db, "barn", "Barn och familj", "Children and family")
        .await
        .unwrap();
    let organiser = person(
        &db,
        "arr@example.se",
        "Arrangör",
        &[RoleGrant { role: Role::Organiser, unit_id: Some(ours) }],
    )
    .await;
    let other = person(
        &db,
        "annan@example.se",
        "Annan",
        &[RoleGrant { role: Role::Organiser, unit_id: Some(theirs) }],
    )
    .await;
    let resident = person(&db, "lena@example.se", "Lena", &[]).await;
    let mut group = series("anhoriga", Some(10));
    group.organiser_unit_id = Some(ours);
    group.has_themes = true;
    store::create_series(&db, &NewSeries { series: group }, &soon()).await.unwrap();
    let lena = nara::sessions::store::start_session(&db, resident).await.unwrap();
    app.post(
        "/kalender/anhoriga/0/anmalan",
        &[("name", "Lena"), ("email", "lena@example.se"), ("needs", "Teckentolk")],
        Some(&lena),
    )
    .await;

    let mine = nara::sessions::store::start_session(&db, organiser).await.unwrap();
    let page = app.get("/arrangor/anhoriga/0", Some(&mine)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Lena") && page.body.contains("Teckentolk"));
    let lenas_log = nara::audit::store::access_log(&db, resident, 10).await.unwrap();
    assert!(
        lenas_log
            .iter()
            .any(|l| l.action == "attendees_viewed" && l.actor_name.as_deref() == Some("Arrangör"))
    );

    let not_mine = nara::sessions::store::start_session(&db, other).await.unwrap();
    assert_eq!(app.get("/arrangor/anhoriga/0", Some(&not_mine)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post("/arrangor/anhoriga/0/stall-in", &[], Some(&not_mine)).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(!app.get("/arrangor", Some(&not_mine)).await.body.contains("anhoriga/0"));

    app.post(
        "/arrangor/anhoriga/0/tema",
        &[("theme_sv", "Att sätta gränser"), ("theme_en", "")],
        Some(&mine),
    )
    .await;
    assert!(app.get("/kalender/anhoriga/0", None).await.body.contains("Att sätta gränser"));
    // Too long a theme is refused with a message on its field, not cut to fit.
    let long_theme = "å".repeat(201);
    let refused = app
        .post("/arrangor/anhoriga/0/tema", &[("theme_sv", &long_theme), ("theme_en", "")], Some(&mine))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Temat får vara högst 200 tecken")
            && refused.body.contains("id=\"theme_sv-error\"")
    );
    let page = app.get("/kalender/anhoriga/0", None).await.body;
    assert!(page.contains("Att sätta gränser") && !page.contains(&long_theme[..20]), "the old theme stays");
    let csv = app.get("/arrangor/anhoriga/0/deltagare.csv", Some(&mine)).await;
    assert!(csv.body.contains("Lena;lena@example.se;confirmed;;Teckentolk"), "{}", csv.body);

    app.post("/arrangor/anhoriga/0/stall-in", &[], Some(&mine)).await;
    assert!(app.get("/kalender/anhoriga/0", None).await.body.contains("inställt"));
    let told = nara::mail::store::outbox(&db).await.unwrap();
    assert!(told.iter().any(|m| m.to_address == "lena@example.se" && m.subject.starts_with("Inställt")));
});

/// Reads an Atom document with Python's `feedparser` package.
pub fn read_atom(text: &str) -> Option<serde_json::Value> {
    let python = std::env::var("NARA_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    if !Command::new(&python).args(["-c", "import feedparser"]).status().is_ok_and(|s| s.success()) {
        assert!(std::env::var("CI").is_err(), "CI must check feeds with feedparser");
        eprintln!("notice: Python's feedparser package is missing; the Atom check was skipped");
        return None;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python/read_atom.py");
    let mut child =
        Command::new(python).arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

on_both_backends!(the_atom_feed_lists_upcoming_events_for_feed_readers, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let mut group = series("anhoriga", Some(10));
    group.title_sv = "Anhöriga & vänner <träff>".into();
    store::create_series(&db, &NewSeries { series: group }, &soon()).await.unwrap();
    let feed = app.get("/kalender.atom", None).await;
    assert_eq!(feed.headers["content-type"], "application/atom+xml; charset=utf-8");
    let Some(parsed) = read_atom(&feed.body) else { return };
    assert_eq!(parsed["version"], "atom10");
    assert_eq!(parsed["bozo"], false, "well-formed");
    assert_eq!(parsed["self"], "http://nara.example.se/kalender.atom");
    let entry = &parsed["entries"][0];
    assert!(entry["title"].as_str().unwrap().ends_with("Anhöriga & vänner <träff>"), "{entry}");
    assert_eq!(entry["link"], "http://nara.example.se/kalender/anhoriga/0");
});

on_both_backends!(anyone_suggests_a_theme_and_the_organisers_decide, Migrated, |db| {
    use common::app::person;
    use nara::identity::{Role, RoleGrant};
    let app = TestApp::new(db.clone());
    let unit = nara::identity::store::upsert_unit(&db, "kvalitet", "Kvalitet", "Quality").await.unwrap();
    let organiser = person(
        &db,
        "arr@example.se",
        "Arrangör",
        &[RoleGrant { role: Role::Organiser, unit_id: Some(unit) }],
    )
    .await;
    let mut group = series("utvecklingsgrupp", Some(40));
    group.organiser_unit_id = Some(unit);
    group.has_themes = true;
    store::create_series(&db, &NewSeries { series: group }, &soon()).await.unwrap();
    assert!(app.get("/kalender/utvecklingsgrupp/0", None).await.body.contains("Tema ej klart"));

    let empty = app.post("/kalender/utvecklingsgrupp/foresla-tema", &[("suggestion", " ")], None).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let sent = app
        .post(
            "/kalender/utvecklingsgrupp/foresla-tema",
            &[("suggestion", "Ensamhet bland äldre"), ("email", "sam@example.se")],
            None,
        )
        .await;
    assert!(sent.body.contains("Tack för ditt förslag"));
    app.post("/kalender/utvecklingsgrupp/foresla-tema", &[("suggestion", "Skuldrådgivning")], None).await;

    let token = nara::sessions::store::start_session(&db, organiser).await.unwrap();
    let list = app.get("/arrangor/utvecklingsgrupp/forslag", Some(&token)).await;
    assert!(list.body.contains("Ensamhet bland äldre") && list.body.contains("Skuldrådgivning"));
    let series_id = store::series_by_slug(&db, "utvecklingsgrupp").await.unwrap().unwrap().id;
    let suggestions = store::suggestions(&db, series_id).await.unwrap();
    let lonely = suggestions.iter().find(|s| s.suggestion == "Ensamhet bland äldre").unwrap();
    app.post(
        &format!("/arrangor/utvecklingsgrupp/forslag/{}/anta", lonely.id),
        &[("position", "0")],
        Some(&token),
    )
    .await;
    assert!(app.get("/kalender/utvecklingsgrupp/0", None).await.body.contains("Ensamhet bland äldre"));
    let told = nara::mail::store::outbox(&db).await.unwrap();
    assert!(
        told.iter()
            .any(|m| m.to_address == "sam@example.se" && m.subject.starts_with("Ditt förslag blir tema"))
    );
    let debts = suggestions.iter().find(|s| s.suggestion == "Skuldrådgivning").unwrap();
    app.post(&format!("/arrangor/utvecklingsgrupp/forslag/{}/avsla", debts.id), &[], Some(&token)).await;
    let statuses: Vec<String> =
        store::suggestions(&db, series_id).await.unwrap().into_iter().map(|s| s.status).collect();
    assert!(statuses.contains(&"accepted".to_string()) && statuses.contains(&"declined".to_string()));
});

on_both_backends!(reminders_go_out_once_the_day_before_and_needs_go_when_it_is_over, Migrated, |db| {
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base = url::Url::parse("http://nara.example.se/").unwrap();
    // Starts in six hours, whatever the time of day the test runs: inside the one-day reminder window.
    let local =
        (chrono::Utc::now() + chrono::Duration::hours(6)).with_timezone(&chrono_tz::Europe::Stockholm);
    let start_time = NaiveTime::from_hms_opt(local.hour(), local.minute(), 0).unwrap();
    let later_today = Rule { first_date: local.date_naive(), start_time, ..soon() };
    let series_id =
        store::create_series(&db, &NewSeries { series: series("i-morgon", Some(1)) }, &later_today)
            .await
            .unwrap();
    let occurrence = store::occurrences_of(&db, series_id).await.unwrap()[0].id;
    let mut english = someone(1);
    english.locale = nara::i18n::Locale::EN;
    english.needs = Some("Wheelchair access".into());
    register(&db, occurrence, &english).await.unwrap();
    register(&db, occurrence, &someone(2)).await.unwrap();

    let first = nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap();
    assert_eq!(first.reminders, 1, "only the confirmed person, not the waitlist");
    let mail = nara::mail::store::outbox(&db).await.unwrap();
    let reminder = mail.iter().find(|m| m.to_address == "person1@example.se").expect("a reminder");
    assert!(
        reminder.subject.starts_with("Reminder"),
        "in the language they registered in: {}",
        reminder.subject
    );
    assert_eq!(nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap().reminders, 0, "once only");

    // When the meeting is over, what people wrote about their needs is deleted.
    let past = chrono::Duration::days(3);
    let row = store::occurrence(&db, occurrence).await.unwrap().unwrap();
    move_occurrence(&db, occurrence, UtcTime(row.starts_at.0 - past), UtcTime(row.ends_at.0 - past))
        .await
        .unwrap();
    assert_eq!(nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap().needs_deleted, 1);
    assert!(store::registrations_for(&db, occurrence).await.unwrap().iter().all(|r| r.needs.is_none()));
});

/// A small but genuine PDF.
pub(crate) const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A series of `count` weekly meetings from a week from now, run by `unit`.
async fn weekly(db: &Db, slug: &str, capacity: i32, count: u32, unit: Option<Uuid>) -> Vec<Uuid> {
    let mut new = series(slug, Some(capacity));
    new.organiser_unit_id = unit;
    let rule = Rule { frequency: Frequency::Weekly { interval: 1 }, end: End::Count(count), ..soon() };
    let id = store::create_series(db, &NewSeries { series: new }, &rule).await.unwrap();
    store::occurrences_of(db, id).await.unwrap().into_iter().map(|o| o.id).collect()
}

/// An organiser of a new unit of their own, signed in: (session, unit).
pub(crate) async fn organiser(db: &Db, email: &str) -> (String, Uuid) {
    use nara::identity::{Role, RoleGrant};
    let unit = nara::identity::store::upsert_unit(db, email, "Enhet", "Unit").await.unwrap();
    let id = common::app::person(
        db,
        email,
        "Arrangör",
        &[RoleGrant { role: Role::Organiser, unit_id: Some(unit) }],
    )
    .await;
    (nara::sessions::store::start_session(db, id).await.unwrap(), unit)
}

on_both_backends!(organisers_move_meetings_and_everyone_registered_is_told, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, unit) = organiser(&db, "arr@example.se").await;
    let (not_mine, _) = organiser(&db, "annan@example.se").await;
    weekly(&db, "anhoriga", 10, 2, Some(unit)).await;
    app.post("/en/kalender/anhoriga/0/anmalan", &[("name", "Sam"), ("email", "sam@example.se")], None).await;
    app.post("/kalender/anhoriga/0/anmalan", &[("name", "Lena"), ("email", "lena@example.se")], None).await;

    let date = (chrono::Utc::now() + chrono::Duration::days(20)).date_naive().to_string();
    let moving = [("datum", date.as_str()), ("start", "18:00"), ("slut", "19:30")];
    let refused = app.post("/arrangor/anhoriga/0/flytta", &moving, Some(&not_mine)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "another unit's staff");

    let bad = app
        .post(
            "/arrangor/anhoriga/0/flytta",
            &[("datum", "imorgon"), ("start", "18"), ("slut", "17:00")],
            Some(&mine),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#datum\"") && bad.body.contains("Skriv ett datum som 2027-03-15"));
    assert!(bad.body.contains("value=\"imorgon\""), "what was typed is kept");

    let moved = app.post("/arrangor/anhoriga/0/flytta", &moving, Some(&mine)).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let outbox = nara::mail::store::outbox(&db).await.unwrap();
    let to_sam =
        outbox.iter().find(|m| m.to_address == "sam@example.se" && m.subject.starts_with("New time"));
    assert!(to_sam.expect("Sam is told in English").body.contains(&format!("{date} 18:00")));
    assert!(outbox.iter().any(|m| m.to_address == "lena@example.se" && m.subject.starts_with("Ny tid")));

    let Some(feed) = read_ics(&app.get("/kalender/anhoriga/0/kalender.ics", None).await.body) else { return };
    let event = &feed["events"][0];
    assert_eq!(event["sequence"], 1, "calendars see the change");
    let local = chrono::NaiveDateTime::parse_from_str(&format!("{date} 18:00"), "%Y-%m-%d %H:%M").unwrap();
    let utc = local.and_local_timezone(chrono_tz::Europe::Stockholm).unwrap().with_timezone(&chrono::Utc);
    assert_eq!(event["start"], utc.format("%Y-%m-%dT%H:%M:%SZ").to_string());
});

on_both_backends!(agendas_notes_and_documents_are_published_safely, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, unit) = organiser(&db, "arr@example.se").await;
    let (not_mine, _) = organiser(&db, "annan@example.se").await;
    weekly(&db, "anhoriga", 10, 1, Some(unit)).await;

    app.post(
        "/arrangor/anhoriga/0/dagordning",
        &[("agenda_sv", "Välkommen\n\nKapitel 3\nFika"), ("agenda_en", "Welcome\nChapter 3")],
        Some(&mine),
    )
    .await;
    let notes = "## Vad vi pratade om\n\n- **Sömn** och ork\n\n<script>alert('x')</script>\n\n[bad](javascript:alert(1))";
    app.post("/arrangor/anhoriga/0/anteckningar", &[("notes", notes)], Some(&mine)).await;
    let page = app.get("/kalender/anhoriga/0", None).await.body;
    assert!(
        page.contains("<li>Välkommen</li>")
            && page.contains("<li>Kapitel 3</li>")
            && page.contains("<li>Fika</li>")
    );
    assert!(page.contains("<h2>Vad vi pratade om</h2>") && page.contains("<strong>Sömn</strong>"), "{page}");
    assert!(!page.contains("<script>alert") && !page.contains("href=\"javascript:"), "notes are sanitised");
    assert!(app.get("/en/kalender/anhoriga/0", None).await.body.contains("<li>Chapter 3</li>"));
    let long = "x".repeat(20_001);
    let too_long = app.post("/arrangor/anhoriga/0/anteckningar", &[("notes", &long)], Some(&mine)).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long_agenda = "x".repeat(4001);
    let refused = app
        .post(
            "/arrangor/anhoriga/0/dagordning",
            &[("agenda_sv", "Kort"), ("agenda_en", &long_agenda)],
            Some(&mine),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Dagordningen får vara högst 4 000 tecken"), "{}", refused.body);
    assert!(
        app.get("/kalender/anhoriga/0", None).await.body.contains("<li>Kapitel 3</li>"),
        "nothing was saved"
    );

    let png_named_pdf: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let refused = app
        .post_multipart(
            "/arrangor/anhoriga/0/dokument",
            &[("titel", None, b""), ("fil", Some("bild.pdf"), png_named_pdf)],
            Some(&mine),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Filen är inte en PDF") && refused.body.contains("href=\"#fil\""));
    let other_unit = app
        .post_multipart("/arrangor/anhoriga/0/dokument", &[("fil", Some("a.pdf"), PDF)], Some(&not_mine))
        .await;
    assert_eq!(other_unit.status, StatusCode::FORBIDDEN);
    let uploaded = app
        .post_multipart(
            "/arrangor/anhoriga/0/dokument",
            &[("titel", None, "Dagordning 3 mars".as_bytes()), ("fil", Some("dagordning.pdf"), PDF)],
            Some(&mine),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let page = app.get("/kalender/anhoriga/0", None).await.body;
    let start = page.find("/kalender/anhoriga/0/dokument/").expect("the document is listed");
    let href: String = page[start..].chars().take_while(|c| *c != '"').collect();
    assert!(page.contains("Dagordning 3 mars</a> (PDF, 1 kB)"));
    let download = app.get(&href, None).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers["content-type"], "application/pdf");
    assert!(download.headers["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(download.body.as_bytes(), PDF);
    let elsewhere = href.replace("/anhoriga/0/", "/anhoriga/1/");
    assert_eq!(app.get(&elsewhere, None).await.status, StatusCode::NOT_FOUND);
});

on_both_backends!(a_whole_series_is_booked_at_once_and_attendance_is_marked, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, unit) = organiser(&db, "arr@example.se").await;
    let meetings = weekly(&db, "anhoriga", 1, 3, Some(unit)).await;
    register(&db, meetings[1], &someone(1)).await.unwrap();

    let page = app.get("/kalender/anhoriga/0", None).await.body;
    assert!(page.contains("Alla 3 träffar från och med den här"), "the choice is offered: {page}");
    let made = app
        .post(
            "/kalender/anhoriga/0/anmalan",
            &[("name", "Lena"), ("email", "lena@example.se"), ("omfattning", "alla")],
            None,
        )
        .await;
    let link = made.location().to_string();
    let mine_page = app.get(&link, None).await.body;
    assert_eq!(mine_page.matches("<tr>").count(), 4, "a header and three meetings: {mine_page}");
    assert_eq!(mine_page.matches(">Anmäld<").count(), 2);
    assert_eq!(mine_page.matches(">På väntelistan<").count(), 1);
    let mail = nara::mail::store::outbox(&db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.to_address == "lena@example.se")
        .unwrap();
    assert!(
        mail.subject.starts_with("Din anmälan") && mail.body.matches("\n- ").count() == 3,
        "{}",
        mail.body
    );
    let (confirmed, waiting) = statuses(&db, meetings[1]).await;
    assert_eq!((confirmed, waiting), (1, 1));

    // The organiser marks who came; the CSV says so.
    let lena = store::registrations_for(&db, meetings[0])
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Lena")
        .unwrap();
    app.post("/arrangor/anhoriga/0/narvaro", &[("narvarande", &lena.id.to_string())], Some(&mine)).await;
    let csv = app.get("/arrangor/anhoriga/0/deltagare.csv", Some(&mine)).await.body;
    assert!(csv.contains("Lena;lena@example.se;confirmed;ja;"), "{csv}");

    app.post(&format!("{link}/avboka-alla"), &[], None).await;
    for meeting in &meetings {
        assert!(
            store::registrations_for(&db, *meeting).await.unwrap().iter().all(|r| r.name != "Lena"),
            "all cancelled"
        );
    }
});

on_both_backends!(a_private_calendar_feed_shows_ones_own_meetings_until_revoked, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let meetings = weekly(&db, "anhoriga", 5, 2, None).await;
    let lena = common::app::person(&db, "lena@example.se", "Lena", &[]).await;
    let session = nara::sessions::store::start_session(&db, lena).await.unwrap();
    assert!(app.get("/mina-sidor/kalender", None).await.is_login_redirect());
    app.post(
        "/kalender/anhoriga/1/anmalan",
        &[("name", "Lena"), ("email", "lena@example.se")],
        Some(&session),
    )
    .await;
    register(&db, meetings[0], &someone(2)).await.unwrap();

    let made = app.post("/mina-sidor/kalender", &[], Some(&session)).await;
    assert_eq!(made.status, StatusCode::OK);
    let start = made.body.find("http://nara.example.se/kalender/min/").expect("the address is shown once");
    let address: String = made.body[start..].chars().take_while(|c| *c != '"').collect();
    let path = address.trim_start_matches("http://nara.example.se").to_string();
    let feed = app.get(&path, None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers["cache-control"], "private, no-store");
    if let Some(parsed) = read_ics(&feed.body) {
        let events = parsed["events"].as_array().unwrap();
        assert_eq!(events.len(), 1, "only her own meeting");
        assert!(events[0]["uid"].as_str().unwrap().ends_with("-1@nara"));
    }
    assert!(
        !app.get("/mina-sidor/kalender", Some(&session)).await.body.contains(&address),
        "shown only once"
    );

    app.post("/mina-sidor/kalender", &[], Some(&session)).await;
    assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND, "a new link revokes the old");
    app.post("/mina-sidor/kalender/stang-av", &[], Some(&session)).await;
    assert!(store::active_calendar_feed(&db, lena).await.unwrap().is_none());
});

on_both_backends!(the_calendar_filters_and_shows_a_month, Migrated, |db| {
    let app = TestApp::new(db.clone());
    nara::help_areas::store::upsert(
        &db,
        &nara::help_areas::HelpArea {
            slug: "stod-till-anhoriga".into(),
            position: 1,
            name_sv: "Stöd till anhöriga".into(),
            name_en: "Support for relatives".into(),
            summary_sv: "".into(),
            summary_en: "".into(),
        },
    )
    .await
    .unwrap();
    let mut relatives = series("anhoriga", Some(5));
    relatives.help_area = Some("stod-till-anhoriga".into());
    store::create_series(&db, &NewSeries { series: relatives }, &soon()).await.unwrap();
    let mut breakfast = series("frukost", None);
    breakfast.title_sv = "Forskningsfrukost".into();
    breakfast.organiser_name = "FoU Helsingborg".into();
    breakfast.audience_sv = "Alla".into();
    store::create_series(&db, &NewSeries { series: breakfast }, &soon()).await.unwrap();

    let all = app.get("/kalender", None).await.body;
    assert!(all.contains("Forskningsfrukost") && all.contains("Självhjälpsgrupp för anhöriga"));
    assert!(all.contains("<option value=\"FoU Helsingborg\">FoU Helsingborg</option>"));
    let by_area = app.get("/kalender?omrade=stod-till-anhoriga", None).await.body;
    assert!(by_area.contains("Självhjälpsgrupp för anhöriga") && !by_area.contains("Forskningsfrukost"));
    let by_organiser = app.get("/kalender?arrangor=FoU+Helsingborg", None).await.body;
    assert!(
        by_organiser.contains("Forskningsfrukost") && !by_organiser.contains("Självhjälpsgrupp för anhöriga")
    );
    let by_audience = app.get("/kalender?malgrupp=Alla&omrade=", None).await.body;
    assert!(
        by_audience.contains("Forskningsfrukost") && !by_audience.contains("Självhjälpsgrupp för anhöriga")
    );

    let when = soon().first_date;
    let month = format!("{:04}-{:02}", when.year(), when.month());
    let view = app.get(&format!("/kalender?visa=manad&manad={month}&arrangor=FoU+Helsingborg"), None).await;
    assert_eq!(view.status, StatusCode::OK);
    let cell = format!("{} ", when.day());
    assert!(view.body.contains("13:30 Forskningsfrukost") && !view.body.contains("13:30 Självhjälpsgrupp"));
    assert!(view.body.contains(&cell));
    assert!(view.body.contains("manad=") && view.body.contains("rel=\"next\""));
    let nonsense = app.get("/kalender?visa=manad&manad=2027-99", None).await;
    assert_eq!(nonsense.status, StatusCode::OK, "an impossible month shows this month");
});

/// Makes every insert into `table` fail, as a crash or a full disk would, until [`mend`].
async fn break_inserts(db: &Db, table: &str) {
    let statements = match db.backend() {
        nara::db::Backend::Sqlite => vec![format!(
            "CREATE TRIGGER broken_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'injected'); END"
        )],
        nara::db::Backend::Postgres => vec![
            "CREATE OR REPLACE FUNCTION injected_fault() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql"
                .to_string(),
            format!(
                "CREATE TRIGGER broken_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION injected_fault()"
            ),
        ],
    };
    for sql in statements {
        db.sql().execute(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
    }
}

async fn mend(db: &Db, table: &str) {
    let sql = match db.backend() {
        nara::db::Backend::Sqlite => format!("DROP TRIGGER broken_{table}"),
        nara::db::Backend::Postgres => format!("DROP TRIGGER broken_{table} ON {table}"),
    };
    db.sql().execute(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
}

/// Posts a form through the real router and answers its status, a failure (500) included:
/// `TestApp::post` takes a 500 for a bug, here it is what the test expects.
async fn post_failing(app: &TestApp, path: &str, form: &[(&str, &str)], cookie: Option<&str>) -> StatusCode {
    use axum::http::{Request, header};
    use tower::ServiceExt;
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    let mut request = Request::post(path)
        .header(header::HOST, "nara.example.se")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(token) = cookie {
        request = request.header(header::COOKIE, format!("nara_session={token}"));
    }
    let request = request.body(axum::body::Body::from(body)).unwrap();
    app.router.clone().oneshot(request).await.unwrap().status()
}

on_both_backends!(an_action_whose_mail_or_audit_entry_fails_leaves_nothing_behind, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, unit) = organiser(&db, "arr@example.se").await;
    let meetings = weekly(&db, "anhoriga", 1, 2, Some(unit)).await;
    let lena = [("name", "Lena"), ("email", "lena@example.se")];

    // The confirmation cannot be queued: no registration, no place taken.
    break_inserts(&db, "outbox").await;
    let failed = post_failing(&app, "/kalender/anhoriga/0/anmalan", &lena, None).await;
    assert_eq!(failed, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(statuses(&db, meetings[0]).await, (0, 0));
    assert_eq!(store::occurrence(&db, meetings[0]).await.unwrap().unwrap().taken, 0);
    let whole = [lena[0], lena[1], ("omfattning", "alla")];
    let failed = post_failing(&app, "/kalender/anhoriga/0/anmalan", &whole, None).await;
    assert_eq!(failed, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!((statuses(&db, meetings[0]).await, statuses(&db, meetings[1]).await), ((0, 0), (0, 0)));
    mend(&db, "outbox").await;

    let link = app.post("/kalender/anhoriga/0/anmalan", &lena, None).await.location().to_string();
    app.post("/kalender/anhoriga/0/anmalan", &[("name", "Omar"), ("email", "omar@example.se")], None).await;
    assert_eq!(statuses(&db, meetings[0]).await, (1, 1));
    let queued = nara::mail::store::outbox(&db).await.unwrap().len();

    // Omar's good news cannot be queued: Lena keeps her place and Omar waits.
    break_inserts(&db, "outbox").await;
    let failed = post_failing(&app, &format!("{link}/avboka"), &[], None).await;
    assert_eq!(failed, StatusCode::INTERNAL_SERVER_ERROR);
    let lena_now = store::registrations_for(&db, meetings[0]).await.unwrap();
    assert_eq!(lena_now[0].name, "Lena");
    assert_eq!(lena_now[0].status(), RegistrationStatus::Confirmed);
    assert_eq!(statuses(&db, meetings[0]).await, (1, 1));

    // Nobody can be told of the new time: the meeting stays where it was.
    let before = store::occurrence(&db, meetings[0]).await.unwrap().unwrap();
    let date = (chrono::Utc::now() + chrono::Duration::days(20)).date_naive().to_string();
    let moving = [("datum", date.as_str()), ("start", "18:00"), ("slut", "19:30")];
    let failed = post_failing(&app, "/arrangor/anhoriga/0/flytta", &moving, Some(&mine)).await;
    assert_eq!(failed, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(store::occurrence(&db, meetings[0]).await.unwrap().unwrap(), before);
    mend(&db, "outbox").await;
    assert_eq!(
        nara::mail::store::outbox(&db).await.unwrap().len(),
        queued,
        "no e-mail about what did not happen"
    );

    // Attendance cannot be audited: it is not marked either.
    let id = lena_now[0].id.to_string();
    break_inserts(&db, "audit_log").await;
    let failed =
        post_failing(&app, "/arrangor/anhoriga/0/narvaro", &[("narvarande", id.as_str())], Some(&mine)).await;
    assert_eq!(failed, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(store::registrations_for(&db, meetings[0]).await.unwrap().iter().all(|r| r.attended.is_none()));
    mend(&db, "audit_log").await;
    app.post("/arrangor/anhoriga/0/narvaro", &[("narvarande", id.as_str())], Some(&mine)).await;
    assert_eq!(store::registrations_for(&db, meetings[0]).await.unwrap()[0].attended, Some(true));
    assert!(nara::audit::store::verify_chain(&db, &[]).await.unwrap().is_ok(), "the audit chain holds");
});

/// The e-mails a person has been sent so far.
async fn mails_to(db: &Db, to: &str) -> Vec<nara::mail::OutboxMessage> {
    nara::mail::store::outbox(db).await.unwrap().into_iter().filter(|m| m.to_address == to).collect()
}

on_both_backends!(the_confirmation_mail_says_where_to_go_in_the_readers_language, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let mut hybrid = series("hybrid", Some(1));
    hybrid.online_url = Some("https://mote.example.se/anhoriga".into());
    store::create_series(&db, &NewSeries { series: hybrid }, &soon()).await.unwrap();
    let form = |name, email| [("name", name), ("email", email)];
    app.post("/kalender/hybrid/0/anmalan", &form("Lena", "lena@example.se"), None).await;
    app.post("/en/kalender/hybrid/0/anmalan", &form("Omar", "omar@example.se"), None).await;

    let sv = &mails_to(&db, "lena@example.se").await[0];
    assert!(sv.subject.starts_with("Du är anmäld"), "{}", sv.subject);
    assert!(sv.body.contains("Plats: Träffpunkt Sköldenborg, Hebsackersgatan 6\n"), "{}", sv.body);
    assert!(sv.body.contains("Delta på distans: https://mote.example.se/anhoriga\n"), "{}", sv.body);
    let en = &mails_to(&db, "omar@example.se").await[0];
    assert!(en.subject.starts_with("You are on the waiting list"), "{}", en.subject);
    assert!(en.body.contains("Place: Träffpunkt Sköldenborg, Hebsackersgatan 6\n"), "{}", en.body);
    assert!(en.body.contains("Take part online: https://mote.example.se/anhoriga\n"), "{}", en.body);

    // A whole series' confirmation says it too, and a meeting with no place names none.
    let mut online_only = series("distans", Some(5));
    online_only.venue_name = None;
    online_only.venue_address = None;
    online_only.online_url = Some("https://mote.example.se/distans".into());
    let rule = Rule { frequency: Frequency::Weekly { interval: 1 }, end: End::Count(2), ..soon() };
    store::create_series(&db, &NewSeries { series: online_only }, &rule).await.unwrap();
    let whole = [("name", "Sam"), ("email", "sam@example.se"), ("omfattning", "alla")];
    app.post("/kalender/distans/0/anmalan", &whole, None).await;
    let series_mail = &mails_to(&db, "sam@example.se").await[0];
    assert!(
        series_mail.body.contains("Delta på distans: https://mote.example.se/distans"),
        "{}",
        series_mail.body
    );
    assert!(!series_mail.body.contains("Plats:"), "{}", series_mail.body);
});

on_both_backends!(a_cancelled_registration_offers_no_calendar, Migrated, |db| {
    let app = TestApp::new(db.clone());
    store::create_series(&db, &NewSeries { series: series("en-gang", Some(5)) }, &soon()).await.unwrap();
    let made = app
        .post("/kalender/en-gang/0/anmalan", &[("name", "Lena"), ("email", "lena@example.se")], None)
        .await;
    let link = made.location().to_string();
    assert!(app.get(&link, None).await.body.contains("Lägg till i din kalender"), "offered while it stands");
    app.post(&format!("{link}/avboka"), &[], None).await;
    let cancelled = app.get(&link, None).await.body;
    assert!(cancelled.contains("Din anmälan är avbokad."), "{cancelled}");
    assert!(!cancelled.contains("Lägg till i din kalender") && !cancelled.contains(".ics"), "{cancelled}");

    // Meetings registered for together: offered while one still stands, not once all are off.
    weekly(&db, "serie", 5, 2, None).await;
    let whole = [("name", "Sam"), ("email", "sam@example.se"), ("omfattning", "alla")];
    let link = app.post("/kalender/serie/0/anmalan", &whole, None).await.location().to_string();
    app.post(&format!("{link}/avboka"), &[], None).await;
    assert!(app.get(&link, None).await.body.contains("Lägg till i din kalender"), "one meeting still stands");
    app.post(&format!("{link}/avboka-alla"), &[], None).await;
    assert!(!app.get(&link, None).await.body.contains("Lägg till i din kalender"), "all are cancelled");
});

on_both_backends!(pages_with_values_carry_no_invisible_direction_marks, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, _) = organiser(&db, "arr@example.se").await;
    weekly(&db, "anhoriga", 5, 3, None).await;
    let marks = ['\u{2068}', '\u{2069}'];
    for path in ["/kalender/anhoriga/0", "/en/kalender/anhoriga/0"] {
        let page = app.get(path, Some(&mine)).await.body;
        // A number (plural choice) and a time (the session bar) are both formatted into it.
        assert!(page.contains("3 träffar") || page.contains("3 meetings"), "{page}");
        assert!(page.contains("loggas ut automatiskt kl.") || page.contains("signed out automatically at"));
        assert!(!page.contains(marks), "{path} has isolation marks");
    }
});

on_both_backends!(the_agenda_form_shows_plain_language_hints_for_the_saved_agenda, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let (mine, unit) = organiser(&db, "arr@example.se").await;
    weekly(&db, "anhoriga", 10, 1, Some(unit)).await;
    let hint = "”erhålla”: skriv hellre ”få”";
    assert!(!app.get("/arrangor/anhoriga/0", Some(&mine)).await.body.contains(hint));
    let agenda = [("agenda_sv", "Välkommen\nSå kan du erhålla stöd som anhörig"), ("agenda_en", "")];
    let saved = app.post("/arrangor/anhoriga/0/dagordning", &agenda, Some(&mine)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get("/arrangor/anhoriga/0", Some(&mine)).await.body;
    assert!(page.contains("id=\"agenda_sv-klarsprak\"") && page.contains(hint), "{page}");
});

on_both_backends!(a_long_series_lists_its_coming_meetings_a_page_at_a_time, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let ids = weekly(&db, "spraakcafe", 5, 30, None).await;
    // Links to meetings (not to the series' calendar file).
    let links = |body: &str| {
        body.split("href=\"/kalender/spraakcafe/")
            .skip(1)
            .filter(|rest| rest.starts_with(char::is_numeric))
            .count()
    };
    let first = app.get("/kalender/spraakcafe", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(links(&first.body), 25, "a page lists 25 coming meetings");
    assert!(first.body.contains("Visar träff 1–25 av 30 kommande."), "{}", first.body);
    assert!(first.body.contains("<nav class=\"pagination\" aria-label=\"Sidor med kommande träffar\">"));
    assert!(first.body.contains("href=\"/kalender/spraakcafe?sida=2\" rel=\"next\""));
    assert!(!first.body.contains("rel=\"prev\"") && !first.body.contains("<title>Sida"));
    let second = app.get("/kalender/spraakcafe?sida=2", None).await.body;
    assert_eq!(links(&second), 5);
    assert!(second.contains("<title>Sida 2 – "), "the title tells the pages apart");
    assert!(
        second.contains("Visar träff 26–30 av 30 kommande.") && second.contains("/kalender/spraakcafe/29\"")
    );
    assert!(
        second.contains("href=\"/kalender/spraakcafe\" rel=\"prev\"") && !second.contains("rel=\"next\"")
    );
    // A page past the last shows the last; one that is no number, the first.
    assert_eq!(app.get("/kalender/spraakcafe?sida=9", None).await.body, second);
    assert_eq!(links(&app.get("/kalender/spraakcafe?sida=x", None).await.body), 25);
    // In English too, and a series that fits one page has no page links.
    let english = app.get("/en/kalender/spraakcafe", None).await.body;
    assert!(english.contains("Showing meetings 1–25 of 30 coming up.") && english.contains("Next page"));
    weekly(&db, "kort", 5, 3, None).await;
    let short = app.get("/kalender/kort", None).await.body;
    assert!(!short.contains("class=\"pagination\"") && !short.contains("kommande."));
    assert_eq!(ids.len(), 30);
});

on_both_backends!(a_calendar_of_exactly_two_pages_ends_on_the_second, Migrated, |db| {
    let app = TestApp::new(db.clone());
    weekly(&db, "hundra", 5, 100, None).await;
    let links = |body: &str| body.matches("href=\"/kalender/hundra/").count();
    let first = app.get("/kalender", None).await.body;
    assert_eq!(links(&first), 50);
    assert!(first.contains("href=\"/kalender?sida=2\" rel=\"next\""), "the 51st meeting is on page 2");
    let second = app.get("/kalender?sida=2", None).await.body;
    assert_eq!(links(&second), 50);
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""), "nothing after the 100th");
    // Page 3 would start exactly at the end: it is past it, and shows the last page.
    assert_eq!(app.get("/kalender?sida=3", None).await.body, second);
});

on_both_backends!(the_calendar_lists_coming_meetings_fifty_to_a_page, Migrated, |db| {
    let app = TestApp::new(db.clone());
    weekly(&db, "veckogrupp", 5, 60, None).await;
    let links = |body: &str| {
        body.split("href=\"/kalender/veckogrupp/")
            .skip(1)
            .filter(|rest| rest.starts_with(char::is_numeric))
            .count()
    };
    let first = app.get("/kalender", None).await.body;
    assert_eq!(links(&first), 50, "{first}");
    assert!(first.contains("href=\"/kalender?sida=2\" rel=\"next\"") && !first.contains("rel=\"prev\""));
    assert!(first.contains("aria-label=\"Sidor med kommande träffar\""));
    let second = app.get("/kalender?sida=2", None).await.body;
    assert_eq!(links(&second), 10);
    assert!(second.contains("<title>Sida 2 – ") && !first.contains("<title>Sida"));
    assert!(second.contains("/kalender/veckogrupp/59\"") && !second.contains("/kalender/veckogrupp/49\""));
    assert!(second.contains("href=\"/kalender\" rel=\"prev\"") && !second.contains("rel=\"next\""));
    // A page past the last shows the last; the filters chosen stay in the page links.
    assert_eq!(links(&app.get("/kalender?sida=5", None).await.body), 10);
    let filtered = app.get("/kalender?arrangor=&omrade=", None).await.body;
    assert_eq!(links(&filtered), 50);
    let english = app.get("/en/kalender?sida=2", None).await.body;
    assert!(english.contains("href=\"/en/kalender\" rel=\"prev\"") && english.contains("Previous page"));
    assert!(english.contains("<title>Page 2 – "));
});
