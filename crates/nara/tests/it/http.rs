//! The HTTP suite: requests go through the real router and every layer, in process.

use crate::common;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Query;
use axum::http::{Method, Request, StatusCode, header};
use axum::routing::{get, post};
use nara::db::Db;
use nara::i18n::Catalogues;
use nara::oidc::Providers;
use nara::secrets::Secrets;
use nara::web;
use nara::web::routes::{self, Limits};
use nara::web::state::AppState;
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn html_lang(&self) -> &str {
        self.body.split("<html lang=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("")
    }

    fn h1_count(&self) -> usize {
        self.body.matches("<h1").count()
    }
}

fn state(db: Db, https: bool) -> AppState {
    let base = if https { "https://nara.example.se/" } else { "http://nara.example.se/" };
    AppState::new(
        db,
        Catalogues::load().expect("catalogues"),
        url::Url::parse(base).unwrap(),
        Secrets::ephemeral(),
        Providers::default(),
    )
}

fn app(db: Db) -> Router {
    routes::router(state(db, false), Limits::default())
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
    let body = String::from_utf8_lossy(&bytes).into_owned();
    assert!(!body.contains(nara::i18n::MISSING_MARK), "a catalogue key is missing: {body}");
    Answer { status, headers, body }
}

async fn get_path(app: &Router, path: &str) -> Answer {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

on_both_backends!(home_page_asks_what_help_is_needed_in_each_language, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    let app = app(db);
    let sv = get_path(&app, "/").await;
    assert_eq!(sv.status, StatusCode::OK);
    assert_eq!(sv.html_lang(), "sv");
    assert!(sv.body.contains("<h1>Vad behöver du hjälp med?</h1>"), "{}", sv.body);
    assert!(sv.body.contains("Våld i nära relationer"));
    assert!(sv.body.contains(r#"href="/en/" hreflang="en""#));
    assert_eq!(sv.h1_count(), 1);

    let en = get_path(&app, "/en/").await;
    assert_eq!(en.status, StatusCode::OK);
    assert_eq!(en.html_lang(), "en");
    assert!(en.body.contains("<h1>What do you need help with?</h1>"));
    assert!(en.body.contains("Violence in close relationships"));
    assert!(en.body.contains(r#"href="/" hreflang="sv""#));
});

on_both_backends!(public_pages_answer_304_while_unchanged_and_in_full_once_changed, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    let app = app(db.clone());
    let with_tag = |path: &str, tag: &axum::http::HeaderValue| {
        Request::get(path).header(header::IF_NONE_MATCH, tag.clone()).body(Body::empty()).unwrap()
    };
    let first = get_path(&app, "/").await;
    let tag = first.headers.get(header::ETAG).expect("a public page carries a tag").clone();
    assert_eq!(first.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(first.headers[header::VARY], "Cookie");

    let again = send(&app, with_tag("/", &tag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty(), "a 304 has no body");
    assert_eq!(again.headers[header::ETAG], tag);
    assert_eq!(send(&app, with_tag("/en/", &tag)).await.status, StatusCode::OK, "another page's tag");

    // What the page shows changes: the old tag no longer holds.
    let mut area = nara::help_areas::store::list(&db).await.unwrap()[0].clone();
    area.name_sv = "Ett nytt namn på området".into();
    nara::help_areas::store::upsert(&db, &area).await.unwrap();
    let changed = send(&app, with_tag("/", &tag)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert!(changed.body.contains("Ett nytt namn på området"));
    assert_ne!(changed.headers[header::ETAG], tag);

    // A signed-in person's page is never kept, so it gets no tag and no 304.
    let resident = common::app::person(&db, "eva@example.se", "Eva Lind", &[]).await;
    let cookie =
        format!("nara_session={}", nara::sessions::store::start_session(&db, resident).await.unwrap());
    let request = Request::get("/").header(header::COOKIE, cookie).header(header::IF_NONE_MATCH, "*");
    let signed_in = send(&app, request.body(Body::empty()).unwrap()).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(signed_in.headers[header::CACHE_CONTROL], "no-store");
    assert!(signed_in.headers.get(header::ETAG).is_none());
});

on_both_backends!(readiness_follows_the_schema, Empty, |db| {
    let app = app(db.clone());
    let before = get_path(&app, "/readyz").await;
    assert_eq!(before.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(before.body.contains("migrations pending"), "{}", before.body);
    db.migrate().await.unwrap();
    let after = get_path(&app, "/readyz").await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(after.body, r#"{"status":"ready"}"#);
    assert_eq!(get_path(&app, "/healthz").await.status, StatusCode::OK);
});

on_both_backends!(readiness_fails_when_the_database_is_gone, Migrated, |db| {
    let app = app(db.clone());
    db.close().await;
    let answer = get_path(&app, "/readyz").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(answer.body.contains("database unreachable"));
});

/// The app on a fresh SQLite database; keep the `TestDb` alive as long as the app.
async fn sqlite_app() -> (Router, common::TestDb) {
    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    (app(test_db.db.clone()), test_db)
}

fn sqlite_state(test_db: &common::TestDb, https: bool) -> AppState {
    state(test_db.db.clone(), https)
}

#[tokio::test]
async fn accessibility_statement_exists_in_both_languages() {
    let (app, _db) = sqlite_app().await;
    for (path, lang) in [("/tillganglighet", "sv"), ("/en/tillganglighet", "en")] {
        let answer = get_path(&app, path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.html_lang(), lang);
        assert_eq!(answer.h1_count(), 1);
        assert!(answer.body.contains("digg.se"), "{path} must link the supervising authority");
    }
}

#[tokio::test]
async fn the_language_root_without_slash_redirects() {
    let answer = get_path(&sqlite_app().await.0, "/en").await;
    assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(answer.headers[header::LOCATION], "/en/");
}

#[tokio::test]
async fn unknown_pages_get_a_404_page_in_the_visitors_language() {
    let (app, _db) = sqlite_app().await;
    let sv = get_path(&app, "/finns-inte").await;
    assert_eq!(sv.status, StatusCode::NOT_FOUND);
    assert_eq!(sv.html_lang(), "sv");
    assert!(sv.body.contains("<h1>Sidan finns inte</h1>"));
    let en = get_path(&app, "/en/finns-inte").await;
    assert_eq!(en.status, StatusCode::NOT_FOUND);
    assert!(en.body.contains("<h1>Page not found</h1>"));
    assert!(en.body.contains(r#"href="/en/">Go to the home page"#));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (app, _db) = sqlite_app().await;
    for path in ["/", "/finns-inte", "/readyz"] {
        let answer = get_path(&app, path).await;
        let csp = answer.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(answer.headers[header::REFERRER_POLICY], "same-origin");
        assert!(answer.headers.contains_key("x-request-id"));
        assert!(!answer.headers.contains_key(header::STRICT_TRANSPORT_SECURITY), "no HSTS over http");
    }
}

#[tokio::test]
async fn hsts_is_sent_when_served_over_https() {
    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    let app = routes::router(sqlite_state(&test_db, true), Limits::default());
    let answer = get_path(&app, "/").await;
    assert!(answer.headers[header::STRICT_TRANSPORT_SECURITY].to_str().unwrap().contains("max-age="));
}

#[tokio::test]
async fn the_stylesheet_is_served_with_long_caching() {
    let (app, _db) = sqlite_app().await;
    let home = get_path(&app, "/").await;
    let href = home.body.split("rel=\"stylesheet\" href=\"").nth(1).unwrap().split('"').next().unwrap();
    let css = get_path(&app, href).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(css.headers[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));
    assert!(css.body.contains(":focus"), "the stylesheet must style focus");
    let stale = get_path(&app, "/static/000000000000/nara.css").await;
    assert_eq!(stale.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(get_path(&app, &href.replace("nara.css", "x.css")).await.status, StatusCode::NOT_FOUND);
}

// ---- The shell's layers, with test routes behind the real stack ----

#[derive(serde::Deserialize)]
struct Count {
    #[allow(dead_code)]
    n: u32,
}

async fn panics() -> &'static str {
    panic!("a handler bug")
}

async fn app_with_test_routes(limits: Limits) -> (Router, common::TestDb) {
    app_with_test_routes_at(limits, false).await
}

/// The test routes behind the real stack, on a site whose public address is http or https.
async fn app_with_test_routes_at(limits: Limits, https: bool) -> (Router, common::TestDb) {
    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    let mut routes = Router::new();
    for prefix in ["", "/en"] {
        routes = routes
            .route(&format!("{prefix}/boom"), get(panics))
            .route(&format!("{prefix}/count"), get(|Query(_): Query<Count>| async { "ok" }))
            .route(
                &format!("{prefix}/slow"),
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    "late"
                }),
            )
            .route(&format!("{prefix}/form"), post(|body: String| async move { body.len().to_string() }));
    }
    (routes::with_layers(routes, sqlite_state(&test_db, https), limits), test_db)
}

#[tokio::test]
async fn a_panic_becomes_a_500_page_in_the_visitors_language() {
    let (app, _db) = app_with_test_routes(Limits::default()).await;
    let sv = get_path(&app, "/boom").await;
    assert_eq!(sv.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(sv.body.contains("<h1>Något gick fel hos oss</h1>"), "{}", sv.body);
    let request_id = sv.headers["x-request-id"].to_str().unwrap();
    assert!(sv.body.contains(request_id), "the page shows the reference to quote");
    let en = get_path(&app, "/en/boom").await;
    assert!(en.body.contains("<h1>Something went wrong on our side</h1>"));
    // The server goes on answering after a panic.
    assert_eq!(get_path(&app, "/count?n=1").await.status, StatusCode::OK);
}

#[tokio::test]
async fn bad_input_gets_a_400_page_not_a_plain_text_rejection() {
    let (app, _db) = app_with_test_routes(Limits::default()).await;
    let sv = get_path(&app, "/count?n=many").await;
    assert_eq!(sv.status, StatusCode::BAD_REQUEST);
    assert_eq!(sv.headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(sv.body.contains("<h1>Något i förfrågan var fel</h1>"));
    let en = get_path(&app, "/en/count?n=many").await;
    assert!(en.body.contains("<h1>Something in the request was wrong</h1>"));
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let limits = Limits { max_body_bytes: 1024, ..Limits::default() };
    let (app, _db) = app_with_test_routes(limits).await;
    let request = Request::post("/form")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("x".repeat(4096)))
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.body.contains("<h1>Det du skickade är för stort</h1>"));
    let small = send(
        &app,
        Request::post("/form").header("sec-fetch-site", "same-origin").body(Body::from("hej")).unwrap(),
    )
    .await;
    assert_eq!(small.body, "3");
}

#[tokio::test]
async fn slow_requests_time_out_with_408() {
    let limits = Limits { request_timeout: Duration::from_millis(100), ..Limits::default() };
    let (app, _db) = app_with_test_routes(limits).await;
    let answer = get_path(&app, "/en/slow").await;
    assert_eq!(answer.status, StatusCode::REQUEST_TIMEOUT);
    assert!(answer.body.contains("<h1>It took too long</h1>"));
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    let (app, _db) = app_with_test_routes(Limits::default()).await;
    let cross = Request::builder()
        .method(Method::POST)
        .uri("/form")
        .header(header::HOST, "nara.example.se")
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from("x"))
        .unwrap();
    let refused = send(&app, cross).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("<h1>Du har inte tillgång till sidan</h1>"));
    let same = Request::builder()
        .method(Method::POST)
        .uri("/form")
        .header(header::HOST, "nara.example.se")
        .header("sec-fetch-site", "same-origin")
        .header(header::ORIGIN, "http://nara.example.se")
        .body(Body::from("x"))
        .unwrap();
    assert_eq!(send(&app, same).await.status, StatusCode::OK);
    let headerless =
        Request::post("/form").header(header::HOST, "nara.example.se").body(Body::from("x")).unwrap();
    assert_eq!(send(&app, headerless).await.status, StatusCode::FORBIDDEN, "a post with no browser headers");
}

/// A form post to the test route with these browser headers.
fn form_post(origin: Option<&str>, fetch_site: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/form").header(header::HOST, "nara.example.se");
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    if let Some(fetch_site) = fetch_site {
        request = request.header("sec-fetch-site", fetch_site);
    }
    request.body(Body::from("x")).unwrap()
}

#[tokio::test]
async fn a_post_is_accepted_only_from_the_whole_origin_of_the_public_address() {
    for https in [false, true] {
        let (app, _db) = app_with_test_routes_at(Limits::default(), https).await;
        let (own, other_scheme) = if https {
            ("https://nara.example.se", "http://nara.example.se")
        } else {
            ("http://nara.example.se", "https://nara.example.se")
        };
        for fetch_site in [None, Some("same-origin")] {
            let answer = send(&app, form_post(Some(own), fetch_site)).await;
            assert_eq!(answer.status, StatusCode::OK, "{own} with {fetch_site:?}");
        }
        let other_port = format!("{own}:8443");
        let other_host = own.replace("nara.example.se", "evil.example");
        // The Host header names this site each time: only the configured address counts.
        for wrong in [other_scheme, &other_port, &other_host] {
            for fetch_site in [None, Some("same-origin")] {
                let answer = send(&app, form_post(Some(wrong), fetch_site)).await;
                assert_eq!(answer.status, StatusCode::FORBIDDEN, "{wrong} on {own} with {fetch_site:?}");
            }
        }
        for fetch_site in ["none", "same-site", "cross-site"] {
            let answer = send(&app, form_post(Some(own), Some(fetch_site))).await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "Sec-Fetch-Site: {fetch_site} on {own}");
        }
        // A browser that hides its origin says `null`: Sec-Fetch-Site decides.
        let ours = send(&app, form_post(Some("null"), Some("same-origin"))).await;
        assert_eq!(ours.status, StatusCode::OK, "null from this site on {own}");
        for fetch_site in [None, Some("cross-site")] {
            let answer = send(&app, form_post(Some("null"), fetch_site)).await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "null with {fetch_site:?} on {own}");
        }
    }
}

on_both_backends!(a_path_from_the_request_never_becomes_a_link_to_another_site, Migrated, |db| {
    let app = common::app::TestApp::new(db.clone());
    for path in ["/en//evil.example", "/en/%2F%2Fevil.example", "/en/%5Cevil.example", "/en/%09/evil.example"]
    {
        let answer = app.get(path, None).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert!(answer.body.contains(r#"href="/" hreflang="sv""#), "{path}: the Swedish link goes home");
        assert!(!answer.body.contains("evil.example"), "{path}: {}", answer.body);
    }
    // Logging in with that as the way back ends on this site, at the default page.
    common::app::person(&db, "anna@example.se", "Anna", &[]).await;
    let form = app.get("/logga-in?tillbaka=%2Fen%2F%2Fevil.example", None).await;
    assert!(!form.body.contains("evil.example"), "the form does not carry it on");
    for (back, landing) in [
        ("/en//evil.example", "/mina-sidor"),
        ("//evil.example", "/mina-sidor"),
        ("/\\evil.example", "/mina-sidor"),
        ("/%2F%2Fevil.example", "/mina-sidor"),
        ("/\t/evil.example", "/mina-sidor"),
        ("/en/mina-sidor/logg", "/en/mina-sidor/logg"),
    ] {
        let login = [("email", "anna@example.se"), ("password", common::app::PASSWORD), ("tillbaka", back)];
        let answer = app.post("/logga-in", &login, None).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{back:?}");
        assert_eq!(answer.location(), landing, "{back:?}");
    }
});

#[tokio::test]
async fn a_client_cannot_choose_its_request_id() {
    let (app, _db) = sqlite_app().await;
    let request = Request::get("/").header("x-request-id", "forged-id").body(Body::empty()).unwrap();
    let answer = send(&app, request).await;
    assert_ne!(answer.headers["x-request-id"], "forged-id");
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    let state = sqlite_state(&test_db, false);
    let app = routes::router(state.clone(), Limits::default());
    get_path(&app, "/").await;
    get_path(&app, "/finns-inte").await;
    let metrics = get_path(&web::metrics::router(state.metrics.clone()), "/metrics").await;
    assert!(
        metrics.body.contains(r#"nara_http_requests_total{method="GET",route="/",status="200"} 1"#),
        "{}",
        metrics.body
    );
    assert!(metrics.body.contains(r#"route="unmatched",status="404""#));
    assert!(!metrics.body.contains("finns-inte"), "concrete paths never become labels");
    assert!(metrics.body.contains("nara_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn shutdown_lets_requests_in_flight_finish() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    let routes = Router::new().route(
        "/slow",
        get(|| async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            "finished"
        }),
    );
    let app = routes::with_layers(routes, sqlite_state(&test_db, false), Limits::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(nara::server::serve(listener, app, async {
        let _ = stopped.await;
    }));

    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(b"GET /slow HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    stop.send(()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.ends_with("finished"));
    tokio::time::timeout(Duration::from_secs(5), server).await.expect("the server stops").unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(address).await.is_err(), "no new connections after shutdown");
}

#[tokio::test]
async fn without_a_public_address_the_site_is_the_host_the_browser_asked_for() {
    let test_db = common::TestDb::sqlite(common::Schema::Migrated).await;
    let routes = Router::new().route("/form", post(|body: String| async move { body.len().to_string() }));
    let app = routes::with_layers(
        routes,
        state(test_db.db.clone(), false).with_origin_from_host(),
        Limits::default(),
    );
    let post_as = |host: &str, origin: &str| {
        Request::post("/form")
            .header(header::HOST, host)
            .header(header::ORIGIN, origin)
            .body(Body::from("x"))
            .unwrap()
    };
    // `nara demo` prints 127.0.0.1, and people type localhost: both are this site.
    for host in ["127.0.0.1:8080", "localhost:8080"] {
        let own = format!("http://{host}");
        assert_eq!(send(&app, post_as(host, &own)).await.status, StatusCode::OK, "{own}");
        for wrong in
            [format!("https://{host}"), "http://evil.example".to_string(), "http://localhost:9090".into()]
        {
            assert_eq!(
                send(&app, post_as(host, &wrong)).await.status,
                StatusCode::FORBIDDEN,
                "{wrong} on {host}"
            );
        }
    }
}
