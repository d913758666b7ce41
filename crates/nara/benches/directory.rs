//! Directory benchmark at national scale: 250,000 synthetic entries (Sweden has about that many
//! associations). Reports the index build time, search latency in process for a fixed set of
//! Swedish queries, the search page under load through the real server beside the static-file
//! baseline, and the server's resident memory.
//!
//! `cargo bench --bench directory [-- --entries N --seconds N --connections N]`

mod support;

use std::time::{Duration, Instant};

use chrono::{NaiveTime, Utc};
use nara::db::{Db, UtcTime};
use nara::directory::hours::{Interval, OpeningHours};
use nara::directory::search::{Filters, SearchIndex, SearchRequest};
use nara::directory::{Entry, EntryKind, WayIn};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use support::{Options, Server, ms, print_header, run_targets};
use uuid::Uuid;

const QUERIES: &[&str] = &[
    "missbruk",
    "stöd till anhöriga",
    "skulder",
    "våld i nära relationer",
    "soc",
    "någon att prata med",
    "psykisk ohälsa unga",
    "ensamhet",
    "boende",
    "fotboll för barn",
    "misbruk",
    "budgetrådgivning",
];

/// Some of the target groups a new database starts with.
const GROUPS: &[&str] = &["barn", "unga", "vuxna", "aldre", "anhoriga", "nyanlanda"];

const AREAS: &[&str] = &[
    "alkohol-droger-spel",
    "vald-i-nara-relationer",
    "pengar-och-skulder",
    "boende",
    "barn-och-familj",
    "psykisk-halsa",
    "stod-till-anhoriga",
    "ensamhet-och-gemenskap",
    "arbete-och-sysselsattning",
    "fritid",
    "diskriminering",
];

const KINDS: &[&str] = &[
    "Föreningen",
    "Idrottsföreningen",
    "Stödföreningen",
    "Kamratföreningen",
    "Mötesplatsen",
    "Studieförbundet",
];
const WORDS: &[&str] = &[
    "Gemenskap",
    "Solrosen",
    "Ankaret",
    "Bryggan",
    "Vägen",
    "Hoppet",
    "Framtid",
    "Kompassen",
    "Fyren",
    "Ljuset",
    "Eken",
    "Sjöstjärnan",
    "Trädet",
    "Bron",
    "Hamnen",
];
const TOWNS: &[&str] = &[
    "Helsingborg",
    "Malmö",
    "Lund",
    "Göteborg",
    "Uppsala",
    "Umeå",
    "Örebro",
    "Västerås",
    "Jönköping",
    "Luleå",
    "Kiruna",
    "Visby",
    "Östersund",
    "Växjö",
    "Karlstad",
];
const PHRASES: &[&str] = &[
    "Vi erbjuder samtalsstöd och gemenskap för vuxna.",
    "Stödgrupper för anhöriga till personer med alkoholmissbruk.",
    "Fotbollsträning och fritidsaktiviteter för barn och unga.",
    "Råd om budget, skulder och kontakt med Kronofogden.",
    "Mötesplats för äldre som känner sig ensamma.",
    "Kamratstöd vid spelberoende och droganvändning.",
    "Stöd till kvinnor och barn som utsätts för våld.",
    "Läxhjälp, språkcafé och hjälp att hitta arbete.",
    "Samtal för dig som mår psykiskt dåligt.",
    "Vi lånar ut kläder och möbler till den som behöver.",
    "Körsång, studiecirklar och friluftsliv året runt.",
    "Stöd till nyanlända familjer i kontakten med myndigheter.",
];

fn entry(rng: &mut StdRng, n: usize) -> Entry {
    let town = *TOWNS.choose(rng).unwrap();
    let name = format!("{} {} {town} {n}", KINDS.choose(rng).unwrap(), WORDS.choose(rng).unwrap());
    let description = (0..3).map(|_| *PHRASES.choose(rng).unwrap()).collect::<Vec<_>>().join(" ");
    let mut hours = OpeningHours::default();
    let opens = rng.random_range(8..12);
    for day in 0..rng.random_range(2..7) {
        hours.weekly[day].push(Interval::new(
            NaiveTime::from_hms_opt(opens, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(opens + rng.random_range(3..9), 0, 0).unwrap(),
        ));
    }
    Entry {
        id: Uuid::new_v4(),
        slug: format!("forening-{n}"),
        kind: if n.is_multiple_of(10) { EntryKind::City } else { EntryKind::Association },
        name,
        description_sv: description,
        description_en: None,
        areas: AREAS.choose_multiple(rng, 2).map(|s| s.to_string()).collect(),
        target_groups: GROUPS.choose_multiple(rng, 2).map(|s| s.to_string()).collect(),
        age_min: None,
        age_max: None,
        languages: vec!["sv".into()],
        phone: Some(format!("010-{:03} {:02} {:02}", n % 1000, n % 97, n % 89)),
        email: None,
        website: None,
        street_address: Some(format!("Storgatan {}", n % 200 + 1)),
        postal_code: Some("123 45".into()),
        city: Some(town.into()),
        hours: (!n.is_multiple_of(7)).then_some(hours),
        premises_accessibility: None,
        way_in: WayIn::DropIn,
        org_number: None,
        published: true,
        confirmed_at: UtcTime(Utc::now() - chrono::Duration::days(rng.random_range(0..730))),
        updated_at: UtcTime::now(),
    }
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

fn resident_megabytes(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args
        .windows(2)
        .find(|w| w[0] == "--entries")
        .map_or(250_000, |w| w[1].parse().expect("--entries needs a number"));
    println!(
        "Nära directory benchmark: {count} entries, {} connections, {} s per target, server and load on one machine ({} cores)",
        options.connections,
        options.seconds,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let server = Server::start();
    let db = Db::connect(&server.sqlite_url()).await.unwrap();
    let areas = nara::help_areas::store::list(&db).await.unwrap();

    let seeding = Instant::now();
    let mut rng = StdRng::seed_from_u64(2026);
    for n in 0..count {
        nara::directory::store::save_entry(&db, &entry(&mut rng, n), None).await.unwrap();
    }
    println!("entries written (SQLite, one transaction each): {:.1} s", seeding.elapsed().as_secs_f64());

    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let building = Instant::now();
    let indexed = index.rebuild(&db, &areas).await.unwrap();
    println!("index build ({indexed} entries): {:.1} s", building.elapsed().as_secs_f64());
    let size: u64 =
        std::fs::read_dir(dir.path()).unwrap().filter_map(|f| f.ok()?.metadata().ok()).map(|m| m.len()).sum();
    println!("index size on disk: {:.0} MB", size as f64 / 1e6);

    println!("\nsearch in process (tantivy, first page of 20, {} queries × 50 rounds):", QUERIES.len());
    let mut all = Vec::new();
    for query in QUERIES {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..50 {
            let request = SearchRequest {
                text: query.to_string(),
                filters: Filters::default(),
                page: 1,
                now: Utc::now(),
            };
            let started = Instant::now();
            total = index.search(&request).unwrap().total;
            times.push(started.elapsed());
        }
        times.sort_unstable();
        println!(
            "  {query:<26} {total:>7} hits  p50 {:>9}  p99 {:>9}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99))
        );
        all.extend(times);
    }
    let mut open_now = Vec::new();
    for _ in 0..50 {
        let filters = Filters { open_now: true, ..Default::default() };
        let request = SearchRequest { text: "stöd".into(), filters, page: 1, now: Utc::now() };
        let started = Instant::now();
        index.search(&request).unwrap();
        open_now.push(started.elapsed());
    }
    open_now.sort_unstable();
    println!(
        "  {:<26} {:>13}  p50 {:>9}  p99 {:>9}",
        "\"stöd\" + open now",
        "",
        ms(percentile(&open_now, 0.5)),
        ms(percentile(&open_now, 0.99))
    );
    all.sort_unstable();
    println!("  all queries: p50 {}  p99 {}", ms(percentile(&all, 0.5)), ms(percentile(&all, 0.99)));
    drop(index);

    // The running server follows the change log: its first search applies all the entries.
    let catching_up = Instant::now();
    support::fetch(&server.address, "/sok?q=skulder").await;
    println!(
        "\nserver catch-up of {count} changes on its first search: {:.1} s",
        catching_up.elapsed().as_secs_f64()
    );
    println!("server memory after catch-up: {:.0} MB resident", resident_megabytes(server.pid()));
    println!();
    print_header();
    let targets = vec![
        ("static file (baseline)".to_string(), support::stylesheet_path(&server.address).await),
        ("search page ?q=missbruk".to_string(), "/sok?q=missbruk".to_string()),
        (
            "search page ?q=stöd till anhöriga".to_string(),
            "/sok?q=st%C3%B6d%20till%20anh%C3%B6riga".to_string(),
        ),
        ("search page, area + open now".to_string(), "/sok?omrade=fritid&oppet=1".to_string()),
        ("entry page /stod/forening-1".to_string(), "/stod/forening-1".to_string()),
    ];
    run_targets(&server.address, targets, &options).await;
    // The same page at a load the machine is not saturated by.
    let light = Options { connections: 4, ..options };
    let figures = support::load(&server.address, "/sok?q=missbruk", &light).await;
    support::print_line("search page ?q=missbruk, 4 conns", &figures, "");
    println!("server memory after load: {:.0} MB resident", resident_megabytes(server.pid()));
}
