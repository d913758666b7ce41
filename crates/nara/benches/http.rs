//! HTTP benchmark harness: starts the release `nara demo` as its own process on loopback, loads
//! it from this process with keep-alive connections, and prints requests/s and p50/p99 per target,
//! beside a static file served by the same server in the same run, with issue 18's targets
//! marked ✔/✘ — on SQLite, and on PostgreSQL when `NARA_TEST_DATABASE_URL` is set.
//!
//! `cargo bench --bench http [-- --seconds N --connections N --max-requests N --only "case page"]`

mod support;

use nara::db::Db;
use support::{Options, Server, Target, mark, print_header, run_targets};
use uuid::Uuid;

/// Issue 18's pages of the demo: the home page at half the static file's req/s, every other page
/// at a quarter, each with p99 under 10 ms. The signed-in pages use sessions started in the demo's
/// database for a resident with a case and that case's officer.
async fn targets(db: &Db) -> Vec<Target> {
    let slug: String = db
        .sql()
        .value("SELECT slug FROM directory_entries WHERE published ORDER BY slug", &[])
        .await
        .expect("directory")
        .expect("the demo has a published entry");
    let (case, resident, officer): (Uuid, Uuid, Uuid) = db
        .sql()
        .one("SELECT id, resident_id, officer_id FROM cases WHERE officer_id IS NOT NULL ORDER BY id", &[])
        .await
        .expect("the demo has a case with an officer");
    let session = |person| async move {
        let token = nara::sessions::store::start_session(db, person).await.expect("session");
        format!("nara_session={token}")
    };
    vec![
        Target::page("home page /", "/").at_least(0.5),
        Target::page("home page /en/", "/en/").at_least(0.5),
        Target::page("search /sok?q=stöd", "/sok?q=st%C3%B6d"),
        Target::page("calendar /kalender", "/kalender"),
        Target::page("entry page /stod/{slug}", &format!("/stod/{slug}")),
        Target::page("calendar feed /kalender.ics", "/kalender.ics"),
        // A signed-in page's floor: the home page needs only the session's read when signed in.
        Target::page("home page /, signed in", "/").signed_in(session(resident).await),
        Target::page("case page /mina-sidor/arenden/{id}", &format!("/mina-sidor/arenden/{case}"))
            .signed_in(session(resident).await),
        Target::page("work list /handlaggare", "/handlaggare").signed_in(session(officer).await),
    ]
}

#[tokio::main]
async fn main() {
    let options = Options::from_args();
    println!(
        "Nära HTTP benchmark: {} connections, {} s per target (max {} requests), server and load on one machine ({} cores)",
        options.connections,
        options.seconds,
        options.max_requests,
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
        println!("\n== {name} ==");
        print_header();
        let met = run_targets(&server.address, targets(&db).await, &options).await;
        match options.only {
            None => println!("every page target met on {name}: {}", mark(met)),
            Some(only) => println!("targets matching {only:?} met on {name}: {}", mark(met)),
        }
        db.close().await;
    }
}
