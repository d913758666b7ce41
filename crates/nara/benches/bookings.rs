//! Bookings benchmark (issue 18, target 3): 1,000 signed-in residents, each with an open case
//! with the same officer, book at the same moment; ten of them want each of the officer's first
//! 100 free times. Exactly 100 meetings must be booked, everyone else must be told the time was
//! taken (a 422 page, never a 5xx), and the p99 of all 1,000 answers must stay under 100 ms. Through
//! the real server over HTTP, on SQLite and (when `NARA_TEST_DATABASE_URL` is set) PostgreSQL.
//!
//! `cargo bench --bench bookings`

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveTime, Weekday};
use nara::bookings::MeetingMode;
use nara::bookings::slots::Window;
use nara::cases::store::NewCase;
use nara::db::Db;
use nara::identity::store::NewPerson;
use nara::identity::{Role, RoleGrant};
use support::{Figures, Server, mark, ms, print_line};
use uuid::Uuid;

const RESIDENTS: usize = 1000;
const TIMES: usize = 100;
const TARGET: Duration = Duration::from_millis(100);

/// A person who signs in without a password (their session is started here).
async fn person(db: &Db, name: &str, grants: &[RoleGrant]) -> Uuid {
    let new = NewPerson {
        display_name: name.into(),
        email: None,
        email_verified: false,
        personnummer: None,
        password_hash: None,
    };
    let mut tx = db.begin_write().await.expect("transaction");
    let id = nara::identity::store::create_person(&mut tx, &new).await.expect("person").expect("new");
    for grant in grants {
        nara::identity::store::grant_role(&mut tx, id, *grant).await.expect("grant");
    }
    tx.commit().await.expect("commit");
    id
}

/// An officer who meets people every weekday morning 09:00–11:30, half an hour each, with no
/// notice needed (about 200 times in the eight weeks offered); a case with them for each
/// resident, and each resident's session cookie.
async fn officer_and_residents(db: &Db) -> Vec<(Uuid, String)> {
    let unit = nara::identity::store::upsert_unit(db, "bokning", "Bokning", "Booking").await.expect("unit");
    let officer = person(db, "Handläggare", &[RoleGrant { role: Role::Staff, unit_id: Some(unit) }]).await;
    let mut tx = db.begin_write().await.expect("transaction");
    nara::bookings::store::ensure_booking_officer(&mut tx, officer, 0).await.expect("officer");
    for weekday in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri] {
        let window = Window {
            weekday,
            from: NaiveTime::from_hms_opt(9, 0, 0).expect("time"),
            until: NaiveTime::from_hms_opt(11, 30, 0).expect("time"),
            meeting_minutes: 30,
            buffer_minutes: 0,
        };
        nara::bookings::store::add_booking_window(&mut tx, officer, &window, &[MeetingMode::Phone], None)
            .await
            .expect("window");
    }
    tx.commit().await.expect("commit");
    let mut residents = Vec::with_capacity(RESIDENTS);
    for i in 0..RESIDENTS {
        let resident = person(db, &format!("Person {i}"), &[]).await;
        let new =
            NewCase {
                resident_id: resident, unit_id: unit, officer_id: Some(officer), title: "Stöd".into()
            };
        let case = nara::cases::store::open_case(db, &new, None).await.expect("case");
        let token = nara::sessions::store::start_session(db, resident).await.expect("session");
        residents.push((case, format!("nara_session={token}")));
    }
    residents
}

/// The `tid` values a booking page offers, in order.
fn offered(body: &str) -> Vec<String> {
    body.split("name=\"tid\" type=\"radio\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect()
}

async fn burst(db: &Db, address: &str, label: &str) {
    let residents = officer_and_residents(db).await;
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let (case, cookie) = &residents[0];
    let page = client
        .get(format!("http://{address}/mina-sidor/arenden/{case}/boka?satt=phone"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("booking page")
        .text()
        .await
        .expect("page");
    let times = offered(&page);
    assert!(times.len() >= TIMES, "the officer offers at least {TIMES} times: {page}");
    let times = Arc::new(times[..TIMES].to_vec());
    let gate = Arc::new(tokio::sync::Semaphore::new(250));
    let started = Instant::now();
    let tasks: Vec<_> = residents
        .into_iter()
        .enumerate()
        .map(|(i, (case, cookie))| {
            let (client, gate, times) = (client.clone(), gate.clone(), times.clone());
            let url = format!("http://{address}/mina-sidor/arenden/{case}/boka");
            tokio::spawn(async move {
                let _permit = gate.acquire().await.expect("gate");
                let sent = Instant::now();
                let form = [("satt", "phone"), ("tid", times[i % TIMES].as_str()), ("flytta", "")];
                let status = client
                    .post(url)
                    .header("sec-fetch-site", "same-origin")
                    .header("cookie", cookie)
                    .form(&form)
                    .send()
                    .await
                    .map_or(0, |r| r.status().as_u16());
                (sent.elapsed(), status)
            })
        })
        .collect();
    let (mut latencies, mut booked, mut taken, mut errors) = (Vec::new(), 0, 0, 0);
    for task in tasks {
        let (latency, status) = task.await.expect("task");
        latencies.push(latency);
        match status {
            303 => booked += 1,
            422 => taken += 1,
            _ => errors += 1,
        }
    }
    let figures = Figures::of_burst(latencies, started.elapsed(), errors);
    let note = format!(
        "  {booked} booked (= {TIMES}) {}, {taken} told it was taken; p99 < {} {}",
        mark(booked == TIMES),
        ms(TARGET),
        mark(errors == 0 && figures.p99 < TARGET)
    );
    print_line(label, &figures, &note);
}

#[tokio::main]
async fn main() {
    println!(
        "Nära bookings benchmark: {RESIDENTS} residents book at once, at most 250 connections open, server and \
         load on one machine ({} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    support::print_header();
    let server = Server::start();
    let db = Db::connect(&server.sqlite_url()).await.expect("the demo's database");
    burst(&db, &server.address, "1,000 bookings, SQLite").await;
    match support::postgres_schema().await {
        Some((url, pg)) => {
            let pg_server = Server::start_with(Some(&url));
            burst(&pg, &pg_server.address, "1,000 bookings, PostgreSQL").await;
        }
        None => println!("(NARA_TEST_DATABASE_URL is not set: PostgreSQL was skipped)"),
    }
}
