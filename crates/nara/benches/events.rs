//! Events benchmark: the calendar page with 10,000 future occurrences beside the static-file
//! baseline, and a burst of 1,000 simultaneous registrations for 100 places on SQLite and (when
//! `NARA_TEST_DATABASE_URL` is set) PostgreSQL, through the real server over HTTP.
//!
//! The burst runs on SQLite twice, with `synchronous = NORMAL` and `FULL` (the server reopened
//! with `nara serve` on the same file each time), and the two are printed side by side. Each burst
//! is sent twice to a server: first just after it starts, then once more (another meeting).
//!
//! `cargo bench --bench events [-- --seconds N --connections N --synchronous normal|full|both]`

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveTime, Utc};
use nara::db::Db;
use nara::events::recurrence::{End, Frequency, Rule};
use nara::events::{NewSeries, RegistrationStatus, Series, store};
use support::{Figures, Options, Server, Target, mark, ms, print_header, print_line, run_targets};
use uuid::Uuid;

fn series(slug: &str, capacity: i32) -> Series {
    Series {
        id: Uuid::new_v4(),
        slug: slug.into(),
        title_sv: format!("Grupp {slug}"),
        title_en: format!("Group {slug}"),
        summary_sv: "En träff för benchmarken.".into(),
        summary_en: "A meeting for the benchmark.".into(),
        has_themes: false,
        organiser_name: "Staden".into(),
        organiser_unit_id: None,
        audience_sv: "Alla".into(),
        audience_en: "Everyone".into(),
        venue_name: Some("Stadsbiblioteket".into()),
        venue_address: Some("Stadsparken".into()),
        venue_accessibility_sv: None,
        venue_accessibility_en: None,
        online_url: None,
        price_sv: None,
        price_en: None,
        contact_name: "Kontaktcenter".into(),
        contact_email: None,
        contact_phone: None,
        rule: String::new(),
        capacity: Some(capacity),
        public: true,
        help_area: None,
        entry_id: None,
    }
}

fn rule(count: u32) -> Rule {
    Rule {
        first_date: Utc::now().date_naive() + chrono::Duration::days(2),
        start_time: NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
        duration_minutes: 90,
        frequency: if count == 1 { Frequency::Once } else { Frequency::Weekly { interval: 1 } },
        end: End::Count(count),
    }
}

/// 20 series × 500 weekly meetings.
async fn ten_thousand_occurrences(db: &Db) {
    for i in 0..20 {
        store::create_series(db, &NewSeries { series: series(&format!("serie-{i}"), 30) }, &rule(500))
            .await
            .unwrap();
    }
}

/// Issue 18: p99 of the burst under 100 ms, on both databases.
const BURST_P99: Duration = Duration::from_millis(100);

/// 1,000 registrations sent at once (at most 250 connections open) for 100 places.
async fn burst(db: &Db, address: &str, label: &str) -> Figures {
    let slug = format!("burst-{}", Uuid::new_v4().simple());
    let series_id =
        store::create_series(db, &NewSeries { series: series(&slug, 100) }, &rule(1)).await.unwrap();
    let occurrence = store::occurrences_of(db, series_id).await.unwrap()[0].id;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let gate = Arc::new(tokio::sync::Semaphore::new(250));
    let started = Instant::now();
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            let (client, gate) = (client.clone(), gate.clone());
            let url = format!("http://{address}/kalender/{slug}/0/anmalan");
            // An address of its own in each burst: one address is sent three confirmations an hour.
            let email = format!("p{i}-{slug}@example.se");
            tokio::spawn(async move {
                let _permit = gate.acquire().await.unwrap();
                let sent = Instant::now();
                let form = [("name", format!("Person {i}")), ("email", email)];
                let status = client
                    .post(url)
                    .header("sec-fetch-site", "same-origin")
                    .form(&form)
                    .send()
                    .await
                    .map(|r| r.status());
                (sent.elapsed(), status.map(|s| s.as_u16()).unwrap_or(0))
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0u64;
    for task in tasks {
        let (latency, status) = task.await.unwrap();
        latencies.push(latency);
        if status != 303 {
            errors += 1;
        }
    }
    let figures = Figures::of_burst(latencies, started.elapsed(), errors);
    let registrations = store::registrations_for(db, occurrence).await.unwrap();
    let confirmed = registrations.iter().filter(|r| r.status() == RegistrationStatus::Confirmed).count();
    let note = format!(
        "  {confirmed} confirmed (= 100) {}, {} waitlisted; p99 < {} {}",
        mark(confirmed == 100),
        registrations.len() - confirmed,
        ms(BURST_P99),
        mark(errors == 0 && figures.p99 < BURST_P99)
    );
    print_line(label, &figures, &note);
    assert_eq!(confirmed, 100, "never more than capacity");
    figures
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    println!(
        "Nära events benchmark: {} connections, {} s per target, server and load on one machine ({} cores)",
        options.connections,
        options.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let mut server = Server::start();
    let db = Db::connect(&server.sqlite_url()).await.unwrap();
    let seeding = Instant::now();
    ten_thousand_occurrences(&db).await;
    println!("(10,000 future occurrences added in {:.1} s)", seeding.elapsed().as_secs_f64());
    print_header();
    let targets = vec![
        Target::page("calendar page /kalender", "/kalender"),
        Target::page("series page (500 meetings, 25 a page)", "/kalender/serie-0"),
        Target::page("calendar feed /kalender.ics", "/kalender.ics"),
    ];
    run_targets(&server.address, targets, &options).await;
    let mut bursts = Vec::new();
    for synchronous in options.synchronous {
        server.reopen(synchronous);
        let label = format!("1,000 registrations, SQLite {}", synchronous.to_uppercase());
        bursts.push(burst(&db, &server.address, &label).await);
        burst(&db, &server.address, &format!("  once more, SQLite {}", synchronous.to_uppercase())).await;
    }
    if let [normal, full] = &bursts[..] {
        support::print_synchronous_cost(normal, full);
    }
    match support::postgres_schema().await {
        Some((url, pg)) => {
            let pg_server = Server::start_with(Some(&url));
            tokio::time::sleep(Duration::from_millis(200)).await;
            burst(&pg, &pg_server.address, "1,000 registrations, PostgreSQL").await;
            burst(&pg, &pg_server.address, "  once more, PostgreSQL").await;
        }
        None => println!("(NARA_TEST_DATABASE_URL is not set: the PostgreSQL burst was skipped)"),
    }
}
