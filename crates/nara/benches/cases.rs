//! Cases benchmark (issue 6): with 100,000 residents, 200,000 cases and 2,000,000 journal entries
//! generated, the resident's case page and the case officer's work list under load through the
//! real server with signed-in sessions, beside the static-file baseline, on SQLite and (when
//! `NARA_TEST_DATABASE_URL` is set) PostgreSQL. Target: p99 under 50 ms for both pages.
//!
//! Then officers write journal entries to their open cases (each a transaction and an audit
//! append): on SQLite once with `synchronous = NORMAL` and once with `FULL`, side by side.
//!
//! `cargo bench --bench cases [-- --residents N --cases N --entries N --seconds N --connections N --keep
//! --synchronous normal|full|both]`
//!
//! The data is written straight into the tables with multi-row `INSERT`s (500 rows a statement,
//! about 1,000 cases with everything they hold a transaction), deterministic from a fixed seed.
//! The cases are spread over 10 units of 20 case officers each; 10 % of them are open. Every
//! request carries a session cookie: the case page rotates through 1,000 residents' sessions,
//! each reading one of their own cases with about the average number of entries; the work list
//! rotates through the sessions of all 200 officers (each sees their unit's open cases).

mod support;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use nara::db::{Backend, Db};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use support::bulk::{Table, flush};
use support::{Figures, Options, Server, print_header, print_line};
use tokio::net::TcpStream;
use uuid::Uuid;

const UNITS: usize = 10;
const OFFICERS_PER_UNIT: usize = 20;

const CASES_PER_TRANSACTION: usize = 1000;
const MEASURED_RESIDENTS: usize = 1000;
const TARGET: Duration = Duration::from_millis(50);

const FIRST_NAMES: &[&str] = &[
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Fatima", "Amina", "Elin", "Johan", "Lars",
    "Erik", "Anders", "Per", "Mikael", "Omar", "Ali", "Ahmed", "Jonas", "Mohammed", "Nils", "Sven", "Leila",
];
const LAST_NAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Lindqvist",
    "Berg",
    "Ek",
    "Haddad",
    "Hassan",
    "Ali",
    "Lindberg",
    "Axelsson",
    "Holm",
];
const TITLES: &[&str] = &[
    "Ansökan om ekonomiskt bistånd",
    "Stöd till dig som anhörig",
    "Ansökan om kontaktperson",
    "Ansökan om boendestöd",
    "Stöd vid missbruk",
    "Råd och stöd i familjen",
    "Ansökan om hemtjänst",
    "Budget- och skuldrådgivning",
    "Stöd efter våld i nära relation",
    "Ansökan om särskilt boende",
];
const SENTENCES: &[&str] = &[
    "Telefonsamtal med den enskilde, som berättar om sin situation.",
    "Hembesök tillsammans med en kollega. Bostaden är i gott skick.",
    "Den enskilde har lämnat in kontoutdrag för de senaste tre månaderna.",
    "Vi har gått igenom budgeten och kommit överens om nästa steg.",
    "Den enskilde sover dåligt och känner sig ensam med ansvaret.",
    "Kontakt med hälsocentralen efter den enskildes medgivande.",
    "Beslut enligt 4 kap. 1 § socialtjänstlagen har fattats och skickats hem.",
    "Uppföljande samtal. Insatsen fungerar bra enligt den enskilde.",
    "Den enskilde vill ha stöd i kontakten med Försäkringskassan.",
    "Mötet flyttades på den enskildes begäran till nästa vecka.",
    "Samordnad individuell plan upprättad tillsammans med regionen.",
    "Den enskilde har fått information om rätten att överklaga.",
    "Anhörig deltog i mötet med den enskildes samtycke.",
    "Ansökan kompletterades med hyreskontrakt och lönebesked.",
];
const NOTES: &[&str] = &[
    "Jag har börjat titta på din ansökan och hör av mig inom en vecka.",
    "Vi behöver fler uppgifter för att kunna fatta beslut.",
    "Beslutet har skickats till dig. Hör av dig om du har frågor.",
    "Ärendet är avslutat. Välkommen att höra av dig igen.",
];
const MESSAGES: &[&str] = &[
    "Hej! Jag har skickat in papperen nu.",
    "Kan vi flytta mötet på torsdag?",
    "Tack för samtalet i dag. Här kommer det vi pratade om.",
    "Hej, jag har fått ditt besked. Vi ses på tisdag.",
];

struct Scale {
    residents: usize,
    cases: usize,
    entries: usize,
    /// `--keep`: leave the data for a look at the query plans (a copy of the SQLite file in the
    /// system's temporary directory; the PostgreSQL schema is not dropped).
    keep: bool,
}

impl Scale {
    fn from_args() -> Self {
        let args: Vec<String> = std::env::args().collect();
        let arg = |name: &str| {
            args.windows(2)
                .find(|w| w[0] == name)
                .map(|w| w[1].parse::<usize>().unwrap_or_else(|_| panic!("{name} needs a number")))
        };
        let residents = arg("--residents").unwrap_or(100_000);
        let cases = arg("--cases").unwrap_or(2 * residents);
        let entries = arg("--entries").unwrap_or(10 * cases);
        Self { residents, cases, entries, keep: args.iter().any(|a| a == "--keep") }
    }
}

// ---------------------------------------------------------------------------------------------
// The generated city.

fn random_uuid(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

/// A valid, unique personnummer for the `n`th person (born 1940–2008).
fn personnummer(n: usize) -> String {
    let born = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap() + chrono::Duration::days((n % 25_000) as i64);
    let ten = format!("{}{:03}", born.format("%y%m%d"), n / 25_000 % 1000);
    let check = se_ids::luhn(&ten).expect("digits");
    format!("{}{ten}{check}", born.format("%Y").to_string().get(..2).unwrap())
}

fn name(rng: &mut StdRng) -> String {
    format!("{} {}", FIRST_NAMES.choose(rng).unwrap(), LAST_NAMES.choose(rng).unwrap())
}

fn journal_text(rng: &mut StdRng) -> String {
    let count = rng.random_range(2..=4);
    (0..count).map(|_| *SENTENCES.choose(rng).unwrap()).collect::<Vec<_>>().join(" ")
}

/// What the load needs to know about the generated data.
struct City {
    rows: Vec<(&'static str, u64)>,
    /// (resident, case) pairs: a case of the resident's with about the average number of entries.
    resident_cases: Vec<(Uuid, Uuid, usize)>,
    officers: Vec<Uuid>,
    /// (officer, case): an open case of each officer's who has one, to write journal entries to.
    officer_cases: Vec<(Uuid, Uuid)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Received,
    BeingAssessed,
    MoreInformationNeeded,
    DecisionMade,
    Closed,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::BeingAssessed => "being_assessed",
            Status::MoreInformationNeeded => "more_information_needed",
            Status::DecisionMade => "decision_made",
            Status::Closed => "closed",
        }
    }

    /// The steps a case took to get here.
    fn path(self) -> &'static [Status] {
        use Status::*;
        match self {
            Received => &[Received],
            BeingAssessed => &[Received, BeingAssessed],
            MoreInformationNeeded => &[Received, BeingAssessed, MoreInformationNeeded],
            DecisionMade => &[Received, BeingAssessed, DecisionMade],
            Closed => &[Received, BeingAssessed, DecisionMade, Closed],
        }
    }
}

async fn generate(db: &Db, scale: &Scale) -> City {
    let backend = db.backend();
    let mut rng = StdRng::seed_from_u64(6);
    let now = Utc::now();
    let today = now.date_naive();
    let mut people = Table::new(
        backend,
        "people",
        "id, display_name, email, email_verified_at, personnummer, password_hash, active, created_at",
    );
    let mut grants = Table::new(backend, "role_grants", "person_id, role, unit_id, granted_at");
    let mut units = Table::new(backend, "units", "id, slug, name_sv, name_en, created_at");

    // Units, with 20 case officers each.
    let run = Uuid::new_v4().simple().to_string();
    let mut unit_ids = Vec::new();
    let mut officers: Vec<Vec<Uuid>> = Vec::new();
    for u in 0..UNITS {
        let id = random_uuid(&mut rng);
        unit_ids.push(id);
        let slug = format!("bench-{}-{u}", &run[..8]);
        units.row(|r| {
            r.uuid(id).text(&slug).text(&format!("Enhet {u}")).text(&format!("Unit {u}")).time(now);
        });
        let mut staff = Vec::new();
        for k in 0..OFFICERS_PER_UNIT {
            let person = random_uuid(&mut rng);
            let display = name(&mut rng);
            people.row(|r| {
                r.uuid(person)
                    .text(&display)
                    .text(&format!("handlaggare-{}-{u}-{k}@bench.nara.se", &run[..8]))
                    .time(now)
                    .null()
                    .null()
                    .bool(true)
                    .time(now);
            });
            grants.row(|r| {
                r.uuid(person).text("staff").uuid(id).time(now);
            });
            staff.push(person);
        }
        officers.push(staff);
    }
    // Residents: e-identification only (a personnummer, no e-mail or password).
    let mut residents = Vec::with_capacity(scale.residents);
    for n in 0..scale.residents {
        let person = random_uuid(&mut rng);
        let display = name(&mut rng);
        let created = now - chrono::Duration::days(rng.random_range(0..2000));
        people.row(|r| {
            r.uuid(person)
                .text(&display)
                .null()
                .null()
                .text(&personnummer(n))
                .null()
                .bool(true)
                .time(created);
        });
        grants.row(|r| {
            r.uuid(person).text("resident").uuid(Uuid::nil()).time(created);
        });
        residents.push(person);
        if n % 20_000 == 19_999 {
            flush(db, &mut [&mut units, &mut people, &mut grants]).await;
        }
    }
    flush(db, &mut [&mut units, &mut people, &mut grants]).await;

    let mut cases = Table::new(
        backend,
        "cases",
        "id, resident_id, unit_id, officer_id, title, status, status_due_on, opened_at, closed_at, updated_at",
    );
    let mut changes = Table::new(
        backend,
        "case_status_changes",
        "id, case_id, status, due_on, note, changed_by, changed_at",
    );
    let mut entries = Table::new(backend, "case_journal_entries", "id, case_id, author_id, written_at");
    let mut versions = Table::new(
        backend,
        "case_journal_versions",
        "entry_id, version, body, shared_with_resident, withheld_reason, written_by, written_at",
    );
    let mut messages =
        Table::new(backend, "case_messages", "id, case_id, sender_id, from_resident, body, sent_at, read_at");

    // Entries per case: uniform around the average, so the total comes out near `entries`.
    let mean = (scale.entries as f64 / scale.cases.max(1) as f64).max(1.0);
    let most = (2.0 * mean - 1.0).round().max(1.0) as usize;
    // Residents whose cases are measured: spread over the population.
    let stride = (scale.residents / MEASURED_RESIDENTS).max(1);
    let mut measured: std::collections::HashMap<usize, (Uuid, usize)> = std::collections::HashMap::new();
    let mut officer_cases: std::collections::BTreeMap<Uuid, Uuid> = std::collections::BTreeMap::new();
    for c in 0..scale.cases {
        let id = random_uuid(&mut rng);
        let who = rng.random_range(0..scale.residents);
        let resident = residents[who];
        let unit = rng.random_range(0..UNITS);
        let status = match rng.random_range(0..100) {
            0..=1 => Status::Received,
            2..=5 => Status::BeingAssessed,
            6..=7 => Status::MoreInformationNeeded,
            8..=9 => Status::DecisionMade,
            _ => Status::Closed,
        };
        // Half of the cases just received have no contact person yet.
        let officer = (status != Status::Received || rng.random_bool(0.5))
            .then(|| *officers[unit].choose(&mut rng).unwrap());
        let by = officer.unwrap_or(officers[unit][0]);
        if let Some(officer) = officer.filter(|_| status != Status::Closed && status != Status::DecisionMade)
        {
            officer_cases.entry(officer).or_insert(id);
        }
        let age_days =
            if status == Status::Closed { rng.random_range(60..1800) } else { rng.random_range(1..365) };
        let opened =
            now - chrono::Duration::days(age_days) - chrono::Duration::seconds(rng.random_range(0..86_400));
        let span = (now - opened).num_seconds().max(60);
        let closed = (status == Status::Closed).then(|| opened + chrono::Duration::seconds(span * 9 / 10));
        let last = closed.unwrap_or(now - chrono::Duration::seconds(rng.random_range(0..span / 10 + 1)));
        let due = (status == Status::MoreInformationNeeded)
            .then(|| today + chrono::Duration::days(rng.random_range(-10..30)));
        let title = *TITLES.choose(&mut rng).unwrap();
        cases.row(|r| {
            r.uuid(id)
                .uuid(resident)
                .uuid(unit_ids[unit])
                .opt_uuid(officer)
                .text(title)
                .text(status.as_str())
                .opt_date(due)
                .time(opened)
                .opt_time(closed)
                .time(last);
        });
        let path = status.path();
        for (i, step) in path.iter().enumerate() {
            let at = opened
                + chrono::Duration::seconds((last - opened).num_seconds() * i as i64 / path.len() as i64);
            let change_id = random_uuid(&mut rng);
            let note = (i > 0).then(|| *NOTES.choose(&mut rng).unwrap());
            let step_due = (*step == Status::MoreInformationNeeded).then_some(due).flatten();
            changes.row(|r| {
                r.uuid(change_id)
                    .uuid(id)
                    .text(step.as_str())
                    .opt_date(step_due)
                    .opt_text(note)
                    .opt_uuid((i > 0).then_some(by))
                    .time(at);
            });
        }
        let count = rng.random_range(1..=most);
        for e in 0..count {
            let entry = random_uuid(&mut rng);
            let at = opened
                + chrono::Duration::seconds(
                    (last - opened).num_seconds() * (e as i64 + 1) / (count as i64 + 1),
                );
            entries.row(|r| {
                r.uuid(entry).uuid(id).uuid(by).time(at);
            });
            // One in ten is withheld from the resident; one in twenty has been corrected.
            let shared = rng.random_range(0..10) != 0;
            let corrected = rng.random_range(0..20) == 0;
            for version in 1..=(1 + i64::from(corrected)) {
                let body = journal_text(&mut rng);
                versions.row(|r| {
                    r.uuid(entry)
                        .int(version)
                        .text(&body)
                        .bool(shared)
                        .opt_text((!shared).then_some("Uppgifter om en annan person (25 kap. 1 § OSL)"))
                        .uuid(by)
                        .time(at + chrono::Duration::hours(version - 1));
                });
            }
        }
        // A message or two on most cases; the officer's newest one on open cases may be unread.
        for m in 0..rng.random_range(0..=2) {
            let message = random_uuid(&mut rng);
            let from_resident = m % 2 == 0;
            let at = opened + chrono::Duration::seconds((last - opened).num_seconds() * (m as i64 + 1) / 4);
            let read =
                (status == Status::Closed || rng.random_bool(0.7)).then_some(at + chrono::Duration::hours(3));
            let body = *MESSAGES.choose(&mut rng).unwrap();
            messages.row(|r| {
                r.uuid(message)
                    .uuid(id)
                    .uuid(if from_resident { resident } else { by })
                    .bool(from_resident)
                    .text(body)
                    .time(at)
                    .opt_time(read);
            });
        }
        if who % stride == 0 {
            let best = measured.entry(who).or_insert((id, count));
            if count.abs_diff(mean as usize) < best.1.abs_diff(mean as usize) {
                *best = (id, count);
            }
        }
        if c % CASES_PER_TRANSACTION == CASES_PER_TRANSACTION - 1 {
            flush(db, &mut [&mut cases, &mut changes, &mut entries, &mut versions, &mut messages]).await;
        }
    }
    flush(db, &mut [&mut cases, &mut changes, &mut entries, &mut versions, &mut messages]).await;

    let mut picked: Vec<(usize, (Uuid, usize))> = measured.into_iter().collect();
    picked.sort_unstable_by_key(|(who, _)| *who);
    picked.truncate(MEASURED_RESIDENTS);
    City {
        rows: vec![
            ("people", people.rows),
            ("role_grants", grants.rows),
            ("units", units.rows),
            ("cases", cases.rows),
            ("case_status_changes", changes.rows),
            ("case_journal_entries", entries.rows),
            ("case_journal_versions", versions.rows),
            ("case_messages", messages.rows),
        ],
        resident_cases: picked
            .into_iter()
            .map(|(who, (case, count))| (residents[who], case, count))
            .collect(),
        officers: officers.into_iter().flatten().collect(),
        officer_cases: officer_cases.into_iter().collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Load with sessions: each request takes the next (path, cookie) of a list.

struct Signed {
    path: String,
    cookie: String,
    /// A form to post; `None` reads the page.
    form: Option<String>,
}

impl Signed {
    fn get(path: String, cookie: String) -> Self {
        Self { path, cookie, form: None }
    }

    /// A page read answers 200; a form posted is answered with a redirect (303).
    fn answered(&self, status: hyper::StatusCode) -> bool {
        match self.form {
            None => status.is_success(),
            Some(_) => status == hyper::StatusCode::SEE_OTHER,
        }
    }
}

async fn send(
    sender: &mut hyper::client::conn::http1::SendRequest<Full<Bytes>>,
    request: &Signed,
) -> Result<(hyper::StatusCode, Bytes), hyper::Error> {
    let builder = hyper::Request::builder()
        .uri(&request.path)
        .header("host", "localhost")
        .header("cookie", &request.cookie);
    let request = match &request.form {
        None => builder.method("GET").body(Full::default()),
        Some(form) => builder
            .method("POST")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Full::new(Bytes::from(form.clone()))),
    }
    .expect("request");
    let response = sender.send_request(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, body))
}

async fn connect(address: &str) -> hyper::client::conn::http1::SendRequest<Full<Bytes>> {
    let stream = TcpStream::connect(address).await.expect("connect");
    let (sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
    tokio::spawn(connection);
    sender
}

/// Like `support::load`, but request `n` is `requests[n % len]`.
async fn load_signed(address: &str, requests: Arc<Vec<Signed>>, options: &Options) -> Figures {
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let issued = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..options.connections {
        let (address, requests) = (address.to_string(), requests.clone());
        let (issued, errors, max) = (issued.clone(), errors.clone(), options.max_requests);
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(&address).await;
            let mut latencies = Vec::new();
            loop {
                let n = issued.fetch_add(1, Ordering::Relaxed);
                if Instant::now() >= deadline || n >= max {
                    break;
                }
                let request = &requests[(n % requests.len() as u64) as usize];
                let sent = Instant::now();
                match send(&mut sender, request).await {
                    Ok((status, _)) => {
                        latencies.push(sent.elapsed());
                        if !request.answered(status) {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("load task"));
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let at = |q: f64| {
        latencies.get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1))).copied()
    };
    Figures {
        requests: latencies.len() as u64,
        errors: errors.load(Ordering::Relaxed),
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50).unwrap_or_default(),
        p99: at(0.99).unwrap_or_default(),
    }
}

fn verdict(figures: &Figures) -> &'static str {
    if figures.errors > 0 {
        "  p99 < 50 ms: no answer (errors)"
    } else if figures.p99 < TARGET {
        "  p99 < 50 ms: yes"
    } else {
        "  p99 < 50 ms: NO"
    }
}

/// One request of each kind first: it must succeed, and its size is worth knowing.
async fn probe(address: &str, request: &Signed, what: &str, marker: &str, marker_name: &str) {
    let body = expect_answer(address, request, what).await;
    let text = String::from_utf8_lossy(&body);
    println!(
        "  ({what}: {} {marker_name} on the page, {:.0} kB)",
        text.matches(marker).count(),
        body.len() as f64 / 1000.0
    );
}

/// Sends one request, which must be answered as intended; returns the body.
async fn expect_answer(address: &str, request: &Signed, what: &str) -> Bytes {
    let mut sender = connect(address).await;
    let (status, body) = send(&mut sender, request).await.expect("probe");
    assert!(request.answered(status), "{what}: {status} for {}", request.path);
    body
}

async fn bench_backend(label: &str, db: &Db, server: &mut Server, scale: &Scale, options: &Options) {
    println!("\n== {label} ==");
    let generating = Instant::now();
    let city = generate(db, scale).await;
    let generated = generating.elapsed();
    let total: u64 = city.rows.iter().map(|(_, n)| n).sum();
    println!(
        "generation: {total} rows in {:.1} s ({:.0} rows/s)",
        generated.as_secs_f64(),
        total as f64 / generated.as_secs_f64()
    );
    for (table, rows) in &city.rows {
        println!("  {table:<24} {rows:>10}");
    }
    if db.backend() == Backend::Postgres {
        // What autovacuum would do shortly after a load like this; done now so the plans are settled.
        let analysing = Instant::now();
        db.sql().execute("ANALYZE", &[]).await.expect("analyze");
        println!("  (ANALYZE after the load: {:.1} s)", analysing.elapsed().as_secs_f64());
    }

    let mut resident_pages = Vec::new();
    for (resident, case, _) in &city.resident_cases {
        let token = nara::sessions::store::start_session(db, *resident).await.expect("session");
        resident_pages
            .push(Signed::get(format!("/mina-sidor/arenden/{case}"), format!("nara_session={token}")));
    }
    let mut worklists = Vec::new();
    for officer in &city.officers {
        let token = nara::sessions::store::start_session(db, *officer).await.expect("session");
        worklists.push(Signed::get("/handlaggare".into(), format!("nara_session={token}")));
    }
    let mut journal_writes = Vec::new();
    for (officer, case) in &city.officer_cases {
        let token = nara::sessions::store::start_session(db, *officer).await.expect("session");
        journal_writes.push(Signed {
            path: format!("/handlaggare/arenden/{case}/journal"),
            cookie: format!("nara_session={token}"),
            form: Some("entry-body=Uppfoljande+samtal+med+den+enskilde.&entry-sharing=shared".into()),
        });
    }
    let entries: usize = city.resident_cases.iter().map(|(_, _, n)| n).sum();
    println!(
        "measured: {} residents' case pages ({:.1} journal entries a case on average), {} officers' work lists",
        resident_pages.len(),
        entries as f64 / city.resident_cases.len().max(1) as f64,
        worklists.len()
    );
    probe(&server.address, &resident_pages[0], "case page", "class=\"journal-entry\"", "shared entries")
        .await;
    probe(&server.address, &worklists[0], "work list", "href=\"/handlaggare/arenden/", "cases").await;

    print_header();
    let stylesheet = support::stylesheet_path(&server.address).await;
    support::load(&server.address, &stylesheet, &Options { seconds: 1, ..*options }).await;
    let baseline = support::load(&server.address, &stylesheet, options).await;
    print_line("static file (baseline)", &baseline, "");
    let (resident_pages, worklists) = (Arc::new(resident_pages), Arc::new(worklists));
    let light = Options { connections: 4, ..*options };
    for (name, requests) in
        [("case page /mina-sidor/arenden/{id}", &resident_pages), ("work list /handlaggare", &worklists)]
    {
        load_signed(&server.address, requests.clone(), &Options { seconds: 1, ..*options }).await;
        let figures = load_signed(&server.address, requests.clone(), options).await;
        let note =
            format!("{}  ({:.2} × static)", verdict(&figures), figures.per_second / baseline.per_second);
        print_line(name, &figures, &note);
        let figures = load_signed(&server.address, requests.clone(), &light).await;
        print_line(&format!("  same, {} connections", light.connections), &figures, verdict(&figures));
    }
    write_journal(db, server, Arc::new(journal_writes), options).await;
}

/// Officers write journal entries to their open cases (a write transaction and an audit append
/// each): with every connection, then one at a time (the wait for one commit). SQLite runs
/// once per `synchronous` setting, the server reopened each time; PostgreSQL once.
async fn write_journal(db: &Db, server: &mut Server, writes: Arc<Vec<Signed>>, options: &Options) {
    let settings: &[&str] = if db.backend() == Backend::Sqlite { options.synchronous } else { &[""] };
    let single = Options { connections: 1, ..*options };
    let mut runs = Vec::new();
    for synchronous in settings {
        if !synchronous.is_empty() {
            server.reopen(synchronous);
        }
        let name = format!("journal write {}", synchronous.to_uppercase()).trim_end().to_string();
        expect_answer(&server.address, &writes[0], "journal write").await;
        load_signed(&server.address, writes.clone(), &Options { seconds: 1, ..*options }).await;
        let all = load_signed(&server.address, writes.clone(), options).await;
        print_line(&format!("{name} ({} officers)", writes.len()), &all, "");
        let one = load_signed(&server.address, writes.clone(), &single).await;
        print_line("  same, 1 connection", &one, "");
        runs.push((all, one));
    }
    if let [(normal, normal_one), (full, full_one)] = &runs[..] {
        support::print_synchronous_cost(normal, full);
        support::print_synchronous_cost(normal_one, full_one);
    }
}

/// A fresh PostgreSQL schema for a demo server, when a test database is configured.
async fn postgres_schema() -> Option<(String, String, Db)> {
    let url = std::env::var("NARA_TEST_DATABASE_URL").ok()?;
    let schema = format!("bench_{}", Uuid::new_v4().simple());
    let admin = Db::connect(&url).await.unwrap();
    admin.sql().execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")), &[]).await.unwrap();
    admin.close().await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let schema_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let options =
        sqlx::postgres::PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]);
    Some((schema, schema_url, Db::connect_postgres(options).await.unwrap()))
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    let scale = Scale::from_args();
    println!(
        "Nära cases benchmark: {} residents, {} cases, {} journal entries; {} connections, {} s per target, \
         server and load on one machine ({} cores)",
        scale.residents,
        scale.cases,
        scale.entries,
        options.connections,
        options.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    {
        let mut server = Server::start();
        let db = Db::connect(&server.sqlite_url()).await.unwrap();
        bench_backend("SQLite", &db, &mut server, &scale, &options).await;
        if scale.keep {
            let copy = std::env::temp_dir().join(format!("nara-bench-cases-{}.db", Uuid::new_v4().simple()));
            let sql = format!("VACUUM INTO '{}'", copy.display());
            db.sql().execute(sqlx::AssertSqlSafe(sql), &[]).await.expect("copy of the SQLite database");
            println!("(--keep: the SQLite data is in {})", copy.display());
        }
        db.close().await;
    }
    match postgres_schema().await {
        Some((schema, url, db)) => {
            let mut server = Server::start_with(Some(&url));
            bench_backend("PostgreSQL", &db, &mut server, &scale, &options).await;
            drop(server);
            if scale.keep {
                println!("(--keep: the PostgreSQL data is in schema {schema})");
                return;
            }
            // Gigabytes at full scale: not left behind in the test database.
            let drop_schema = format!("DROP SCHEMA {schema} CASCADE");
            db.sql().execute(sqlx::AssertSqlSafe(drop_schema), &[]).await.expect("drop schema");
            db.close().await;
        }
        None => println!("\n(NARA_TEST_DATABASE_URL is not set: PostgreSQL was skipped)"),
    }
}
