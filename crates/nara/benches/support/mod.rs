//! What the benchmarks share: options, a server process on loopback, and a keep-alive load
//! generator that reports requests/s and latency percentiles.
#![allow(dead_code)]

pub mod bulk;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub seconds: u64,
    pub connections: usize,
    pub max_requests: u64,
    /// The SQLite `synchronous` settings the write benchmarks run under (`--synchronous normal`,
    /// `full` or `both`, also `NARA_BENCH_SYNCHRONOUS`; default both, side by side).
    pub synchronous: &'static [&'static str],
    /// Only the page targets ([`run_targets`]) whose label holds this text (`--only "case page"`),
    /// to measure one page.
    pub only: Option<&'static str>,
}

impl Options {
    pub fn from_args() -> Self {
        let mut options = Self {
            seconds: 5,
            connections: 32,
            max_requests: 2_000_000,
            synchronous: &["normal", "full"],
            only: None,
        };
        let args: Vec<String> = std::env::args().collect();
        let mut synchronous = std::env::var("NARA_BENCH_SYNCHRONOUS").ok();
        for pair in args.windows(2) {
            let value = || pair[1].parse().unwrap_or_else(|_| panic!("{} needs a number", pair[0]));
            match pair[0].as_str() {
                "--seconds" => options.seconds = value(),
                "--connections" => options.connections = value() as usize,
                "--max-requests" => options.max_requests = value(),
                "--synchronous" => synchronous = Some(pair[1].clone()),
                "--only" => options.only = Some(pair[1].clone().leak()),
                _ => {}
            }
        }
        options.synchronous = match synchronous.as_deref() {
            None | Some("both") => &["normal", "full"],
            Some("normal") => &["normal"],
            Some("full") => &["full"],
            Some(other) => panic!("--synchronous takes normal, full or both, not {other:?}"),
        };
        options
    }
}

/// The demo server, stopped when dropped.
pub struct Server {
    child: Child,
    pub address: String,
    database_url: String,
    _data: tempfile::TempDir,
}

impl Server {
    /// `nara demo` on a fresh SQLite file.
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// `nara demo`, on `database_url` when given.
    pub fn start_with(database_url: Option<&str>) -> Self {
        Self::start_configured(database_url, &[])
    }

    /// `nara demo` on SQLite that believes `X-Forwarded-For` from loopback, as behind a proxy
    /// (for loads that come from many networks, see [`Target::many_networks`]).
    pub fn start_behind_proxy() -> Self {
        Self::start_configured(None, &[("NARA_TRUSTED_PROXIES", "[\"127.0.0.1\"]")])
    }

    fn start_configured(database_url: Option<&str>, settings: &[(&str, &str)]) -> Self {
        let data = tempfile::tempdir().expect("temporary directory");
        let mut command = nara("demo", &data);
        command.envs(settings.iter().copied());
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        let child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("nara starts");
        let database_url = database_url.map_or_else(|| sqlite_url(&data), str::to_string);
        let (child, address) = read_address(child, false);
        Self { child, address, database_url, _data: data }
    }

    /// Stops the server and opens its database again with `nara serve`, SQLite committing with
    /// `synchronous` (`normal` or `full`), to measure what waiting for the disk costs.
    pub fn reopen(&mut self, synchronous: &str) {
        self.stop();
        self.serve_again(synchronous);
    }

    /// Starts `nara serve` on the stopped server's data directory and database.
    pub fn serve_again(&mut self, synchronous: &str) {
        let mut command = nara("serve", &self._data);
        command
            .env("DATABASE_URL", &self.database_url)
            .env("NARA_SQLITE_SYNCHRONOUS", synchronous)
            // `nara serve` names its address in its log, so that one line is let through.
            .env("NARA_LOG_FORMAT", "json")
            .env("RUST_LOG", "warn,nara::cli=info");
        let child = command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("nara starts");
        (self.child, self.address) = read_address(child, true);
    }

    /// Stops the server (its data directory stays until it is dropped).
    pub fn stop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }

    /// The server's process id (to read its memory use).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's data directory (its search index is in `search`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._data.path()
    }

    /// The demo's SQLite file (when it runs on one).
    pub fn sqlite_url(&self) -> String {
        sqlite_url(&self._data)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn sqlite_url(data: &tempfile::TempDir) -> String {
    format!("sqlite://{}", data.path().join("demo.db").display())
}

/// `nara demo` or `nara serve` on a free port and the data directory, with nothing from the
/// environment but the log level.
fn nara(server: &str, data: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nara"));
    command.args([server, "--bind", "127.0.0.1:0", "--data-dir"]).arg(data.path());
    for (key, _) in std::env::vars() {
        if key.starts_with("NARA_") {
            command.env_remove(key);
        }
    }
    // Request logging at info would measure the terminal; production ships logs elsewhere.
    command.env_remove("DATABASE_URL").env("RUST_LOG", "warn");
    command
}

/// Waits for the address a starting server prints: `nara demo` on standard output,
/// `nara serve` in its JSON log on standard error. The pipe is drained afterwards.
fn read_address(mut child: Child, from_log: bool) -> (Child, String) {
    let stream: Box<dyn std::io::Read + Send> = if from_log {
        Box::new(child.stderr.take().expect("stderr"))
    } else {
        Box::new(child.stdout.take().expect("stdout"))
    };
    let marker = if from_log { "\"web\":\"" } else { "http://" };
    let mut lines = BufReader::new(stream).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.split(marker).nth(1)?;
            Some(
                rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':').collect::<String>(),
            )
        })
        .expect("nara printed its address");
    std::thread::spawn(move || for _ in lines {});
    (child, address)
}

pub struct Figures {
    pub requests: u64,
    pub errors: u64,
    pub per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
}

/// Loads one path with `connections` keep-alive connections for `seconds` (or `max_requests`).
pub async fn load(address: &str, path: &str, options: &Options) -> Figures {
    load_as(address, path, None, options).await
}

/// [`load`], every request with `cookie` (a signed-in session) when given.
pub async fn load_as(address: &str, path: &str, cookie: Option<&str>, options: &Options) -> Figures {
    let mut target = Target::page(path, path);
    target.cookie = cookie.map(str::to_string);
    load_target(address, &target, options).await
}

/// Loads `target` (its method, body, cookie and origin as it says).
pub async fn load_target(address: &str, target: &Target, options: &Options) -> Figures {
    let (path, cookie, body, many_networks) =
        (target.path.as_str(), target.cookie.as_deref(), target.body.clone(), target.many_networks);
    let networks = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let issued = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..options.connections {
        let (address, path, cookie) = (address.to_string(), path.to_string(), cookie.map(str::to_string));
        let (issued, errors, max) = (issued.clone(), errors.clone(), options.max_requests);
        let (body, networks) = (body.clone(), networks.clone());
        tasks.push(tokio::spawn(async move {
            let stream = TcpStream::connect(&address).await.expect("connect");
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
            tokio::spawn(connection);
            let mut latencies = Vec::new();
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < max {
                let method = if body.is_some() { hyper::Method::POST } else { hyper::Method::GET };
                let mut request =
                    hyper::Request::builder().method(method).uri(&path).header("host", "localhost");
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                if many_networks {
                    let n = networks.fetch_add(1, Ordering::Relaxed);
                    request =
                        request.header("x-forwarded-for", format!("10.{}.{}.1", (n >> 8) & 255, n & 255));
                }
                let request = match &body {
                    Some((content_type, bytes)) => {
                        request.header("content-type", *content_type).body(Full::new(bytes.clone()))
                    }
                    None => request.body(Full::new(Bytes::new())),
                }
                .expect("request");
                let sent = Instant::now();
                match sender.send_request(request).await {
                    Ok(response) => {
                        let ok = response.status().is_success();
                        let _ = response.into_body().collect().await;
                        latencies.push(sent.elapsed());
                        if !ok {
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
        latencies.get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
    };
    Figures {
        requests: latencies.len() as u64,
        errors: errors.load(Ordering::Relaxed),
        per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50).copied().unwrap_or_default(),
        p99: at(0.99).copied().unwrap_or_default(),
    }
}

/// Fetches a page once, to find addresses in it (the stylesheet's versioned path).
pub async fn fetch(address: &str, path: &str) -> String {
    let stream = TcpStream::connect(address).await.expect("connect");
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
    tokio::spawn(connection);
    let request = hyper::Request::get(path).header("host", "localhost").body(Empty::<Bytes>::new()).unwrap();
    let response = sender.send_request(request).await.expect("response");
    let body = response.into_body().collect().await.expect("body").to_bytes();
    String::from_utf8_lossy(&body).into_owned()
}

impl Figures {
    /// The figures of a burst: every request's latency, sent at once over `elapsed`.
    pub fn of_burst(mut latencies: Vec<Duration>, elapsed: Duration, errors: u64) -> Self {
        latencies.sort_unstable();
        let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
        Figures {
            requests: latencies.len() as u64,
            errors,
            per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
            p50: at(0.5),
            p99: at(0.99),
        }
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Prints one result line: label, requests, req/s, p50, p99, errors, and an optional note.
pub fn print_line(label: &str, figures: &Figures, note: &str) {
    println!(
        "{:<34} {:>9} {:>10.0} {:>10} {:>10} {:>7}{note}",
        label,
        figures.requests,
        figures.per_second,
        ms(figures.p50),
        ms(figures.p99),
        figures.errors
    );
}

pub fn print_header() {
    println!(
        "{:<34} {:>9} {:>10} {:>10} {:>10} {:>7}",
        "target", "requests", "req/s", "p50", "p99", "errors"
    );
}

/// The static stylesheet's address on a running server (the baseline every figure is set beside).
pub async fn stylesheet_path(address: &str) -> String {
    let home = fetch(address, "/").await;
    home.split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the home page links its stylesheet")
        .to_string()
}

/// A page to load and what issue 18 asks of it at 32 connections.
pub struct Target {
    pub label: String,
    pub path: String,
    /// A signed-in session's cookie, for pages behind a log-in.
    pub cookie: Option<String>,
    /// The least share of the static file's req/s the page must reach.
    pub min_ratio: f64,
    /// A `POST` with this content type and body (a `GET` when `None`).
    pub body: Option<(&'static str, Bytes)>,
    /// Each request as if from another network (`X-Forwarded-For` 10.x.y.1, to a server that
    /// trusts loopback as its proxy): per-address limits then cost what they cost in real
    /// traffic from many places, instead of refusing the load after a minute's share.
    pub many_networks: bool,
}

/// What issue 18 asks of every page: p99 under 10 ms at 32 connections.
pub const PAGE_P99: Duration = Duration::from_millis(10);

impl Target {
    /// A public page that must reach a quarter of the static file's req/s.
    pub fn page(label: &str, path: &str) -> Self {
        Self {
            label: label.into(),
            path: path.into(),
            cookie: None,
            min_ratio: 0.25,
            body: None,
            many_networks: false,
        }
    }

    /// A `POST` of `body` as `content_type`, each request from another network.
    pub fn post_from_many_networks(mut self, content_type: &'static str, body: impl Into<Bytes>) -> Self {
        self.body = Some((content_type, body.into()));
        self.many_networks = true;
        self
    }

    pub fn signed_in(mut self, cookie: String) -> Self {
        self.cookie = Some(cookie);
        self
    }

    pub fn at_least(mut self, min_ratio: f64) -> Self {
        self.min_ratio = min_ratio;
        self
    }
}

pub fn mark(met: bool) -> &'static str {
    if met { "✔" } else { "✘" }
}

/// The targets beside a page's figures: its share of the static file's req/s and its p99.
pub fn verdict(figures: &Figures, baseline: f64, min_ratio: f64, p99: Duration) -> String {
    let ratio = figures.per_second / baseline;
    format!(
        "  {ratio:.2} × static (≥ {min_ratio}) {}  p99 < {} {}",
        mark(figures.errors == 0 && ratio >= min_ratio),
        ms(p99),
        mark(figures.errors == 0 && figures.p99 < p99)
    )
}

/// Loads the static file (the baseline), then each target after a one-second warm-up, and
/// prints each beside its targets with ✔/✘. Returns whether every target was met.
pub async fn run_targets(address: &str, targets: Vec<Target>, options: &Options) -> bool {
    let stylesheet = stylesheet_path(address).await;
    load(address, &stylesheet, &Options { seconds: 1, ..*options }).await;
    let baseline = load(address, &stylesheet, options).await;
    print_line("static file (baseline)", &baseline, "");
    let mut all_met = true;
    let labels: Vec<String> = targets.iter().map(|t| t.label.clone()).collect();
    let chosen: Vec<Target> =
        targets.into_iter().filter(|t| options.only.is_none_or(|only| t.label.contains(only))).collect();
    assert!(!chosen.is_empty(), "--only {:?} matches none of {labels:?}", options.only);
    for target in chosen {
        load_target(address, &target, &Options { seconds: 1, ..*options }).await;
        let figures = load_target(address, &target, options).await;
        let ratio = figures.per_second / baseline.per_second;
        all_met &= figures.errors == 0 && ratio >= target.min_ratio && figures.p99 < PAGE_P99;
        print_line(
            &target.label,
            &figures,
            &verdict(&figures, baseline.per_second, target.min_ratio, PAGE_P99),
        );
    }
    all_met
}

/// Two runs of the same load, `synchronous = NORMAL` and `FULL`, set side by side.
pub fn print_synchronous_cost(normal: &Figures, full: &Figures) {
    println!(
        "  FULL beside NORMAL: {:.2} × the req/s, p50 {} → {}, p99 {} → {}",
        full.per_second / normal.per_second,
        ms(normal.p50),
        ms(full.p50),
        ms(normal.p99),
        ms(full.p99)
    );
}

/// A fresh PostgreSQL schema for a demo server, when `NARA_TEST_DATABASE_URL` is set: the
/// server's address (with the schema as its search path) and a `Db` on it.
pub async fn postgres_schema() -> Option<(String, nara::db::Db)> {
    let url = std::env::var("NARA_TEST_DATABASE_URL").ok()?;
    let schema = format!("bench_{}", uuid::Uuid::new_v4().simple());
    let admin = nara::db::Db::connect(&url).await.expect("the test database");
    admin.sql().execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")), &[]).await.expect("schema");
    admin.close().await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let schema_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let options = <sqlx::postgres::PgConnectOptions as std::str::FromStr>::from_str(&url)
        .expect("the test database's address")
        .options([("search_path", schema.as_str())]);
    Some((schema_url, nara::db::Db::connect_postgres(options).await.expect("the schema")))
}
