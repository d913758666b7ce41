//! The board's goals benchmark (issue 13): with 1,000,000 usefulness answers, 50,000 placements
//! (25,000 children, each an emergency home and what came after it) and 20,000 youth sentences
//! over the last two years generated into the demo, the quality office's dashboard `/personal/mal` and the public
//! `/resultat` under load at 4 and 32 connections, beside the static file, on SQLite and (when
//! `NARA_TEST_DATABASE_URL` is set) PostgreSQL. Target: p99 under 50 ms at 4 connections.
//!
//! `cargo bench --bench goals [-- --seconds N --answers N --children N --sentences N]`

mod support;

use std::time::Duration;

use chrono::{NaiveDate, Utc};
use nara::db::Db;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use support::bulk::{Table, flush};
use support::{Options, Server, load, load_as, mark, print_header, print_line};
use uuid::Uuid;

const TARGET: Duration = Duration::from_millis(50);
const PER_TRANSACTION: usize = 5_000;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2).find(|w| w[0] == name).map_or(default, |w| w[1].parse().expect("a number"))
}

fn uuid(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

/// Children with placements and young people with sentences, over the demo's units.
async fn generate(db: &Db, children: usize, sentences: usize) {
    let backend = db.backend();
    let mut rng = StdRng::seed_from_u64(13);
    let now = Utc::now();
    let today = now.date_naive();
    let units: Vec<Uuid> = db.sql().column("SELECT id FROM units ORDER BY slug", &[]).await.expect("units");
    let officer: Uuid = db
        .sql()
        .value("SELECT person_id FROM role_grants WHERE role = 'staff' ORDER BY person_id", &[])
        .await
        .expect("staff")
        .expect("the demo has an officer");
    let mut people = Table::new(
        backend,
        "people",
        "id, display_name, email, email_verified_at, personnummer, password_hash, active, created_at",
    );
    let mut cases = Table::new(
        backend,
        "cases",
        "id, resident_id, unit_id, officer_id, title, status, status_due_on, opened_at, closed_at, updated_at",
    );
    let mut placements =
        Table::new(backend, "case_placements", "id, case_id, kind, start_on, end_on, created_by, created_at");
    let mut youth = Table::new(
        backend,
        "youth_sentences",
        "id, case_id, kind, hours, care_plan, decided_on, outcome, ended_on, created_by, created_at",
    );
    let day = |back: i64| today - chrono::Duration::days(back);
    for n in 0..children + sentences {
        let (person, case) = (uuid(&mut rng), uuid(&mut rng));
        let unit = units[n % units.len()];
        people.row(|r| {
            r.uuid(person).text("Bänk Barn").null().null().null().null().bool(true).time(now);
        });
        cases.row(|r| {
            r.uuid(case).uuid(person).uuid(unit).uuid(officer).text("Placering").text("received");
            r.null().time(now).null().time(now);
        });
        if n < children {
            let first = day(rng.random_range(0..730));
            let after = rng.random_range(5..300);
            let next_on: NaiveDate = first + chrono::Duration::days(after);
            let next_on = (next_on <= today).then_some(next_on);
            let emergency = uuid(&mut rng);
            placements.row(|r| {
                r.uuid(emergency).uuid(case).text("jourhem").date(first);
                r.opt_date(next_on).uuid(officer).time(now);
            });
            let kind = if n % 7 == 0 { "hvb" } else { "familjehem" };
            let start = next_on.unwrap_or(today);
            placements.row(|r| {
                r.uuid(uuid(&mut rng)).uuid(case).text(kind).date(start).null().uuid(officer).time(now);
            });
        } else {
            let decided = day(rng.random_range(60..730));
            let ended = decided + chrono::Duration::days(rng.random_range(30..120));
            let (outcome, ended) = match (ended <= today, rng.random_range(0..100)) {
                (false, _) => ("ongoing", None),
                (true, 0..5) => ("broken_off", Some(ended)),
                _ => ("completed", Some(ended)),
            };
            youth.row(|r| {
                r.uuid(uuid(&mut rng)).uuid(case).text("ungdomstjanst").int(40).null().date(decided);
                r.text(outcome).opt_date(ended).uuid(officer).time(now);
            });
        }
        if (n + 1) % PER_TRANSACTION == 0 {
            flush(db, &mut [&mut people, &mut cases, &mut placements, &mut youth]).await;
        }
    }
    flush(db, &mut [&mut people, &mut cases, &mut placements, &mut youth]).await;
    println!(
        "generated {} people, {} cases, {} placements, {} youth sentences",
        people.rows, cases.rows, placements.rows, youth.rows
    );
}

/// Anonymous usefulness answers as the surveys feature stores them (unit and ISO week only): the
/// helped question ("ja" about three times in four), the overall scale, and a free text in one
/// answer of thirty.
async fn generate_answers(db: &Db, count: usize) {
    const TEXTS: [&str; 4] = [
        "Det var skönt att bli lyssnad på.",
        "Jag fick svar snabbt och förstod vad som skulle hända.",
        "Det tog lång tid innan någon ringde tillbaka.",
        "Bra möte, men jag hade velat ha mer tid.",
    ];
    let backend = db.backend();
    let mut rng = StdRng::seed_from_u64(14);
    let today = Utc::now().date_naive();
    let units: Vec<Uuid> = db.sql().column("SELECT id FROM units ORDER BY slug", &[]).await.expect("units");
    let mut answers = Table::new(
        backend,
        "survey_answers",
        "id, survey_key, version, unit_id, service_type, channel, week",
    );
    let mut items = Table::new(backend, "survey_answer_items", "answer_id, question_key, value");
    for n in 0..count {
        let id = uuid(&mut rng);
        let week = nara::directory::iso_week(today - chrono::Duration::days(rng.random_range(0..730)));
        let channel = if n % 10 == 0 { "interview" } else { "web" };
        answers.row(|r| {
            r.uuid(id).text("usefulness").int(1).uuid(units[n % units.len()]).text("case");
            r.text(channel).text(&week);
        });
        let helped = match rng.random_range(0..100) {
            0..76 => "ja",
            76..94 => "nej",
            _ => "vet_inte",
        };
        items.row(|r| {
            r.uuid(id).text("hjalp").text(helped);
        });
        let satisfied = rng.random_range(1..=5).to_string();
        items.row(|r| {
            r.uuid(id).text("nojd").text(&satisfied);
        });
        if n % 30 == 0 {
            items.row(|r| {
                r.uuid(id).text("mer").text(TEXTS[n % TEXTS.len()]);
            });
        }
        if (n + 1) % PER_TRANSACTION == 0 {
            flush(db, &mut [&mut answers, &mut items]).await;
        }
    }
    flush(db, &mut [&mut answers, &mut items]).await;
    // Loaded around `insert_answer`, so counted here as that would have.
    nara::surveys::store::recount_usefulness(db).await.expect("counting the answers");
    println!("generated {} survey answers with {} answer items", answers.rows, items.rows);
}

async fn bench(name: &str, server: &Server, db: &Db, options: &Options) -> bool {
    let quality: Uuid = db
        .sql()
        .value("SELECT id FROM people WHERE email = 'kvalitet@demo.nara.se'", &[])
        .await
        .expect("people")
        .expect("the demo's quality account");
    let token = nara::sessions::store::start_session(db, quality).await.expect("session");
    let cookie = format!("nara_session={token}");
    let stylesheet = support::stylesheet_path(&server.address).await;
    // What is shown is remembered until an answer comes; the first page after one reads again.
    let started = std::time::Instant::now();
    support::fetch(&server.address, "/resultat").await;
    println!("first /resultat after new data (nothing remembered): {}", support::ms(started.elapsed()));
    let mut met = true;
    for connections in [4, 32] {
        let options = Options { connections, ..*options };
        println!("\n== {name}, {connections} connections ==");
        print_header();
        load(&server.address, &stylesheet, &Options { seconds: 1, ..options }).await;
        print_line("static file (baseline)", &load(&server.address, &stylesheet, &options).await, "");
        for (label, path, cookie) in [
            ("dashboard /personal/mal", "/personal/mal", Some(cookie.as_str())),
            ("monthly /personal/mal?per=manad", "/personal/mal?per=manad", Some(cookie.as_str())),
            ("public /resultat", "/resultat", None),
        ] {
            load_as(&server.address, path, cookie, &Options { seconds: 1, ..options }).await;
            let figures = load_as(&server.address, path, cookie, &options).await;
            let ok = figures.errors == 0 && figures.p99 < TARGET;
            if connections == 4 {
                met &= ok;
            }
            let note = if connections == 4 { format!("  p99 < 50 ms {}", mark(ok)) } else { String::new() };
            print_line(label, &figures, &note);
        }
    }
    met
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    let (children, sentences) = (arg("--children", 25_000), arg("--sentences", 20_000));
    let answers = arg("--answers", 1_000_000);
    println!(
        "Nära goals benchmark: {} s per target, server and load on one machine ({} cores)",
        options.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for name in ["SQLite", "PostgreSQL"] {
        let (server, db) = if name == "SQLite" {
            let server = Server::start();
            let db = Db::connect(&server.sqlite_url()).await.expect("the demo's database");
            (server, db)
        } else {
            let Some((url, db)) = support::postgres_schema().await else {
                println!("\n(NARA_TEST_DATABASE_URL is not set: PostgreSQL was skipped)");
                continue;
            };
            (Server::start_with(Some(&url)), db)
        };
        generate(&db, children, sentences).await;
        generate_answers(&db, answers).await;
        let met = bench(name, &server, &db, &options).await;
        println!("p99 under 50 ms at 4 connections on {name}: {}", mark(met));
        db.close().await;
    }
}
