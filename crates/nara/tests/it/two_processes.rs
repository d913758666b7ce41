//! Two `nara serve` processes on one PostgreSQL database take registrations for the same meeting
//! at once: exactly `capacity` people are confirmed and everyone else is waitlisted, none lost.
//! And a change made through one process (or a third) shows in the other's pages, which it keeps
//! in memory, within the second the README promises.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::str::FromStr;

use nara::db::Db;
use nara::events::recurrence::{End, Frequency, Rule};
use nara::events::{NewSeries, RegistrationStatus, Series, store};
use sqlx::postgres::PgConnectOptions;
use uuid::Uuid;

/// A server process, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    _data: tempfile::TempDir,
}

impl Server {
    fn start(database_url: &str) -> Self {
        let data = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_nara"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data.path())
            .env("DATABASE_URL", database_url)
            .env("NARA_LOG_FORMAT", "json")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let address = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| {
                let rest = line.split("\"web\":\"").nth(1)?;
                Some(rest.split('"').next()?.to_string())
            })
            .expect("the server printed its address");
        std::thread::spawn(move || for _ in lines {});
        Self { child, address, _data: data }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How long a test waits for a change to reach another process: the README promises a second;
/// the margin is for a loaded machine, and a change that never arrives still fails.
const AT_MOST: std::time::Duration = std::time::Duration::from_secs(15);

/// The page at `url` once it `contains` the text, or a failure with the last page seen.
async fn eventually(client: &reqwest::Client, url: &str, contains: &str) {
    let deadline = std::time::Instant::now() + AT_MOST;
    loop {
        let page = client.get(url).send().await.unwrap().text().await.unwrap();
        if page.contains(contains) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{url} never showed {contains:?}: {page}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A migrated schema of its own in the test PostgreSQL, and its address for the processes (which
/// names the schema); `None` when no test PostgreSQL is configured.
async fn fresh_schema() -> Option<(String, Db)> {
    let url = common::postgres_url()?;
    let schema = format!("procs_{}", Uuid::new_v4().simple());
    let admin = Db::connect(&url).await.unwrap();
    admin.sql().execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")), &[]).await.unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    let schema_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let db = Db::connect_postgres(
        PgConnectOptions::from_str(&url).unwrap().options([("search_path", schema.as_str())]),
    )
    .await
    .unwrap();
    db.migrate().await.unwrap();
    Some((schema_url, db))
}

#[tokio::test]
async fn two_processes_on_one_postgresql_never_overbook() {
    let Some((schema_url, db)) = fresh_schema().await else { return };
    let series = Series {
        id: Uuid::new_v4(),
        slug: "forskningsfrukost".into(),
        title_sv: "Forskningsfrukost".into(),
        title_en: "Research breakfast".into(),
        summary_sv: "Frukost och föredrag.".into(),
        summary_en: "Breakfast and a talk.".into(),
        has_themes: false,
        organiser_name: "FoU".into(),
        organiser_unit_id: None,
        audience_sv: "Alla".into(),
        audience_en: "Everyone".into(),
        venue_name: None,
        venue_address: None,
        venue_accessibility_sv: None,
        venue_accessibility_en: None,
        online_url: Some("https://example.se/mote".into()),
        price_sv: None,
        price_en: None,
        contact_name: "FoU".into(),
        contact_email: None,
        contact_phone: None,
        rule: String::new(),
        capacity: Some(50),
        public: true,
        help_area: None,
        entry_id: None,
    };
    let rule = Rule {
        first_date: chrono::Utc::now().date_naive() + chrono::Duration::days(10),
        start_time: chrono::NaiveTime::from_hms_opt(7, 45, 0).unwrap(),
        duration_minutes: 135,
        frequency: Frequency::Once,
        end: End::Count(1),
    };
    let series_id = store::create_series(&db, &NewSeries { series }, &rule).await.unwrap();
    let occurrence = store::occurrences_of(&db, series_id).await.unwrap()[0].id;

    let servers = [Server::start(&schema_url), Server::start(&schema_url)];
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let meeting = |address: &str| format!("http://{address}/kalender/forskningsfrukost/0");
    for server in &servers {
        // Each process keeps the meeting in memory from here on.
        let page = client.get(meeting(&server.address)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("50 platser kvar"), "{page}");
    }
    let requests = (0..200).map(|i| {
        let address = servers[i % 2].address.clone();
        let client = client.clone();
        tokio::spawn(async move {
            let form = [("name", format!("Person {i}")), ("email", format!("person{i}@example.se"))];
            client
                .post(format!("http://{address}/kalender/forskningsfrukost/0/anmalan"))
                .header("sec-fetch-site", "same-origin")
                .form(&form)
                .send()
                .await
                .unwrap()
                .status()
        })
    });
    let tasks: Vec<_> = requests.collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), reqwest::StatusCode::SEE_OTHER, "every registration is taken");
    }
    let registrations = store::registrations_for(&db, occurrence).await.unwrap();
    let confirmed = registrations.iter().filter(|r| r.status() == RegistrationStatus::Confirmed).count();
    assert_eq!(registrations.len(), 200, "none lost");
    assert_eq!(confirmed, 50, "exactly capacity confirmed across both processes");
    assert_eq!(store::occurrence(&db, occurrence).await.unwrap().unwrap().taken, 50);
    for server in &servers {
        eventually(&client, &meeting(&server.address), "Fullt").await;
    }
}

#[tokio::test]
async fn both_processes_find_a_change_made_through_either() {
    let Some((schema_url, db)) = fresh_schema().await else { return };
    nara::help_areas::store::upsert(
        &db,
        &nara::help_areas::HelpArea {
            slug: "psykisk-halsa".into(),
            position: 1,
            name_sv: "Psykisk hälsa".into(),
            name_en: "Mental health".into(),
            summary_sv: String::new(),
            summary_en: String::new(),
        },
    )
    .await
    .unwrap();
    let unit = nara::identity::store::upsert_unit(&db, "kvalitet", "Kvalitet", "Quality").await.unwrap();
    let grant = nara::identity::RoleGrant { role: nara::identity::Role::Staff, unit_id: Some(unit) };
    let staff = common::app::person(&db, "personal@example.se", "Personal", &[grant]).await;
    let token = nara::sessions::store::start_session(&db, staff).await.unwrap();
    let servers = [Server::start(&schema_url), Server::start(&schema_url)];
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let search = |address: &str| {
        let (client, address) = (client.clone(), address.to_string());
        async move {
            client.get(format!("http://{address}/sok?q=klubbhus")).send().await.unwrap().text().await.unwrap()
        }
    };
    for server in &servers {
        assert!(search(&server.address).await.contains("Vi hittade inget"), "nothing yet");
    }
    // A new association is registered through the first process and approved through the second.
    let form = [
        ("namn", "Klubbhuset Gemenskap"),
        ("typ", "association"),
        ("orgnr", "802412-3450"),
        ("beskrivning", "Ett klubbhus för den som mår dåligt."),
        ("omrade", "psykisk-halsa"),
        ("telefon", "042-12 34 56"),
        ("vag_in", "drop_in"),
    ];
    let registered = client
        .post(format!("http://{}/forening/ny", servers[0].address))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", format!("nara_session={token}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), reqwest::StatusCode::SEE_OTHER);
    let request = nara::directory::store::pending_representations(&db).await.unwrap().remove(0);
    let approved = client
        .post(format!("http://{}/personal/katalog/foretradare/{}/godkann", servers[1].address, request.id))
        .header("sec-fetch-site", "same-origin")
        .header("cookie", format!("nara_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), reqwest::StatusCode::SEE_OTHER);
    for server in &servers {
        let url = format!("http://{}/sok?q=klubbhus", server.address);
        eventually(&client, &url, "href=\"/stod/klubbhuset-gemenskap\"").await;
    }
    // Through neither: an area of help renamed straight in the database (as `nara setup` would)
    // reaches both home pages and the entry page, each of which the servers keep in memory.
    for server in &servers {
        let home =
            client.get(format!("http://{}/", server.address)).send().await.unwrap().text().await.unwrap();
        assert!(home.contains("Psykisk hälsa"), "{home}");
    }
    nara::help_areas::store::upsert(
        &db,
        &nara::help_areas::HelpArea {
            slug: "psykisk-halsa".into(),
            position: 1,
            name_sv: "Psykisk hälsa och mående".into(),
            name_en: "Mental health".into(),
            summary_sv: String::new(),
            summary_en: String::new(),
        },
    )
    .await
    .unwrap();
    for server in &servers {
        eventually(&client, &format!("http://{}/", server.address), "Psykisk hälsa och mående").await;
        let entry = format!("http://{}/stod/klubbhuset-gemenskap", server.address);
        eventually(&client, &entry, "Psykisk hälsa och mående").await;
    }
}
