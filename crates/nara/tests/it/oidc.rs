//! Log-in with e-identification against a real OpenID provider (panva's oidc-provider, started
//! from tests/oidc for each test), on both databases: the happy path, and what a wrong state, a
//! replayed answer, an expired ID token and a cancelled log-in get (no session).

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use axum::http::{Method, StatusCode};
use common::app::{Answer, TestApp, cookie_from, person, session_from};
use nara::oidc::{ProviderConfig, Providers};

const PROVIDER_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/oidc");
const BASE: &str = "http://nara.example.se";

/// The test provider, stopped when dropped.
struct TestProvider {
    child: Child,
    issuer: String,
    http: reqwest::Client,
}

/// How long the provider may take to print its issuer, and how often it is started before the
/// test gives up. Under heavy load Node has been seen to stall for good before it listens (no
/// socket, no CPU); a fresh process then starts normally.
const START_TIMEOUT: Duration = Duration::from_secs(30);
const STARTS: usize = 3;

/// Starts one provider process and waits for its issuer line; `None` (the process killed) if
/// it stays silent.
fn spawn_provider() -> Option<(Child, String)> {
    let mut child = Command::new("node")
        .arg(format!("{PROVIDER_DIR}/provider.mjs"))
        .env("OIDC_REDIRECT_URIS", format!("{BASE}/logga-in/oidc/callback"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts the provider");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = sender.send(line);
        // Keep the pipe open (and drained) for the life of the provider.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    match receiver.recv_timeout(START_TIMEOUT) {
        Ok(line) if line.starts_with("issuer: ") => {
            Some((child, line.trim().trim_start_matches("issuer: ").to_string()))
        }
        _ => {
            eprintln!("notice: the OIDC provider stayed silent; starting it again");
            let _ = child.kill();
            let _ = child.wait();
            None
        }
    }
}

impl TestProvider {
    /// Starts the provider; `None` (with a notice) where it cannot run, except in CI.
    fn start() -> Option<Self> {
        if !std::path::Path::new(PROVIDER_DIR).join("node_modules").exists() {
            assert!(std::env::var("CI").is_err(), "CI must run the OIDC tests: npm ci in tests/oidc");
            eprintln!(
                "notice: tests/oidc/node_modules is missing (run `npm ci` there); the OIDC test was skipped"
            );
            return None;
        }
        let (child, issuer) = (0..STARTS)
            .find_map(|_| spawn_provider())
            .unwrap_or_else(|| panic!("the OIDC provider did not start in {STARTS} tries"));
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .timeout(START_TIMEOUT)
            .build()
            .unwrap();
        Some(Self { child, issuer, http })
    }

    fn providers(&self) -> Providers {
        Providers::new(vec![ProviderConfig {
            id: "test".into(),
            label_sv: "BankID eller Freja eID".into(),
            label_en: "BankID or Freja eID".into(),
            issuer: self.issuer.parse().unwrap(),
            client_id: "nara-test".into(),
            client_secret: "nara-test-secret".into(),
        }])
        .unwrap()
    }

    async fn control(&self, what: &str, body: serde_json::Value) {
        let response =
            self.http.post(format!("{}/test/{what}", self.issuer)).json(&body).send().await.unwrap();
        assert!(response.status().is_success(), "control {what}: {}", response.status());
    }

    /// Follows the provider's redirects (as a browser would) until it sends the person back to
    /// Nära; returns that address's path and query.
    async fn authorise(&self, mut url: String) -> String {
        for _ in 0..20 {
            if let Some(back) = url.strip_prefix(BASE) {
                return back.to_string();
            }
            let response = self.http.get(&url).send().await.unwrap();
            let location = response.headers()["location"].to_str().unwrap();
            url = reqwest::Url::parse(&url).unwrap().join(location).unwrap().to_string();
        }
        panic!("the provider never sent the person back");
    }
}

impl Drop for TestProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a log-in at Nära and walks it through the provider. Returns the address the provider
/// sent the browser back to and the browser's state cookie.
async fn through_the_provider(app: &TestApp, provider: &TestProvider) -> (String, String) {
    starting_at(app, provider, "/logga-in/e-legitimation/test?tillbaka=%2Fmina-sidor%2Flogg").await
}

/// As `through_the_provider`, from the log-in address `start`.
async fn starting_at(app: &TestApp, provider: &TestProvider, start: &str) -> (String, String) {
    let start = app.get(start, None).await;
    assert_eq!(start.status, StatusCode::SEE_OTHER);
    let state_cookie = cookie_from(&start, "nara_oidc").expect("the browser keeps the state");
    let callback = provider.authorise(start.location().to_string()).await;
    assert!(callback.starts_with("/logga-in/oidc/callback?"), "{callback}");
    (callback, state_cookie)
}

async fn come_back(app: &TestApp, callback: &str, state_cookie: &str) -> Answer {
    app.send_with_cookies(Method::GET, callback, &[], Some(&format!("nara_oidc={state_cookie}"))).await
}

macro_rules! with_provider {
    ($db:ident, |$app:ident, $provider:ident| $body:block) => {{
        let Some($provider) = TestProvider::start() else { return };
        let $app = TestApp::with_providers($db.clone(), $provider.providers());
        $body
    }};
}

on_both_backends!(a_resident_logs_in_with_e_identification, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let login_page = app.get("/logga-in", None).await;
        assert!(login_page.body.contains("BankID eller Freja eID"));
        let (callback, state) = through_the_provider(&app, &provider).await;
        let back = come_back(&app, &callback, &state).await;
        assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
        assert_eq!(back.location(), "/mina-sidor/logg", "back where the person was going");
        let token = session_from(&back).expect("a session");
        let person = nara::identity::store::person_by_personnummer(&db, "199001012385")
            .await
            .unwrap()
            .expect("the person from the claim");
        assert!(app.get("/mina-sidor", Some(&token)).await.body.contains(&person.display_name));
        // The same person again: no second account.
        let (callback, state) = through_the_provider(&app, &provider).await;
        come_back(&app, &callback, &state).await;
        assert_eq!(nara::identity::store::list_people(&db).await.unwrap().len(), 1);
        let log = nara::audit::store::access_log(&db, person.id, 10).await.unwrap();
        assert_eq!(log.iter().filter(|l| l.action == "log_in").count(), 2);
    });
});

on_both_backends!(an_e_identification_finds_the_person_by_personnummer, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let known = person(&db, "sara@example.se", "Sara Lindqvist", &[]).await;
        let sql = "UPDATE people SET personnummer = '198507142381' WHERE id = $1";
        db.sql().execute(sql, &[&known]).await.unwrap();
        provider
            .control("next-login", serde_json::json!({"sub": "broker-42", "personalIdentityNumber": "198507142381", "name": "Sara Lindqvist"}))
            .await;
        let (callback, state) = through_the_provider(&app, &provider).await;
        let token = session_from(&come_back(&app, &callback, &state).await).expect("a session");
        assert!(
            app.get("/mina-sidor", Some(&token)).await.body.contains("sara@example.se"),
            "the known account"
        );
        assert_eq!(
            nara::identity::store::person_by_oidc(&db, &provider.issuer, "broker-42").await.unwrap(),
            Some(known)
        );
    });
});

on_both_backends!(an_e_identification_without_a_page_asked_for_starts_where_the_work_is, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let unit = nara::identity::store::upsert_unit(&db, "x", "Enhet", "Unit").await.unwrap();
        let grant = nara::identity::RoleGrant { role: nara::identity::Role::Staff, unit_id: Some(unit) };
        let officer = person(&db, "anna@example.se", "Anna Berg", &[grant]).await;
        let sql = "UPDATE people SET personnummer = '199001012385' WHERE id = $1";
        db.sql().execute(sql, &[&officer]).await.unwrap();
        for (start, landing) in [
            ("/logga-in/e-legitimation/test", "/handlaggare"),
            ("/en/logga-in/e-legitimation/test", "/en/handlaggare"),
            ("/logga-in/e-legitimation/test?tillbaka=%2Fkalender", "/kalender"),
        ] {
            let (callback, state) = starting_at(&app, &provider, start).await;
            let back = come_back(&app, &callback, &state).await;
            assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
            assert_eq!(back.location(), landing, "from {start}");
        }
    });
});

on_both_backends!(a_foreign_or_missing_state_gets_no_session, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let (callback, state) = through_the_provider(&app, &provider).await;
        let without_cookie = app.get(&callback, None).await;
        assert_eq!(without_cookie.status, StatusCode::BAD_REQUEST);
        let (other_callback, _) = through_the_provider(&app, &provider).await;
        // An attacker's own answer, finished in the victim's browser: the states differ.
        let foreign = come_back(&app, &other_callback, &state).await;
        assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
        assert!(session_from(&without_cookie).is_none() && session_from(&foreign).is_none());
        assert!(foreign.body.contains("<h1>Inloggningen gick inte att slutföra</h1>"));
        let _ = callback;
    });
});

on_both_backends!(a_replayed_answer_gets_no_session, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let (callback, state) = through_the_provider(&app, &provider).await;
        assert!(session_from(&come_back(&app, &callback, &state).await).is_some());
        let replay = come_back(&app, &callback, &state).await;
        assert_eq!(replay.status, StatusCode::BAD_REQUEST);
        assert!(session_from(&replay).is_none());
    });
});

on_both_backends!(an_expired_id_token_gets_no_session, Migrated, |db| {
    with_provider!(db, |app, provider| {
        provider.control("id-token-ttl", serde_json::json!({"seconds": 1})).await;
        provider.control("delay-token", serde_json::json!({"ms": 2500})).await;
        let (callback, state) = through_the_provider(&app, &provider).await;
        let back = come_back(&app, &callback, &state).await;
        assert_eq!(back.status, StatusCode::BAD_REQUEST);
        assert!(session_from(&back).is_none());
        let failures = nara::audit::store::search(
            &db,
            &nara::audit::AuditFilter { action: Some("log_in_failed".into()), ..Default::default() },
            10,
        )
        .await
        .unwrap();
        assert!(failures[0].purpose.as_deref().unwrap_or("").contains("does not verify"), "{failures:?}");
    });
});

on_both_backends!(a_cancelled_log_in_says_so, Migrated, |db| {
    with_provider!(db, |app, provider| {
        let start = app.get("/en/logga-in/e-legitimation/test", None).await;
        let state = cookie_from(&start, "nara_oidc").unwrap();
        let back =
            come_back(&app, &format!("/logga-in/oidc/callback?error=access_denied&state={state}"), &state)
                .await;
        assert_eq!(back.status, StatusCode::BAD_REQUEST);
        assert!(back.body.contains("lang=\"en\"") && back.body.contains("cancelled"), "{}", back.body);
        let _ = provider;
    });
});
