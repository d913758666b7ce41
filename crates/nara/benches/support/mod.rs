//! What the benchmarks share: options, a server process on loopback, and a keep-alive load
//! generator that reports requests/s and latency percentiles.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub seconds: u64,
    pub connections: usize,
    pub max_requests: u64,
}

impl Options {
    pub fn from_args() -> Self {
        let mut options = Self { seconds: 5, connections: 32, max_requests: 2_000_000 };
        let args: Vec<String> = std::env::args().collect();
        for pair in args.windows(2) {
            let value = || pair[1].parse().unwrap_or_else(|_| panic!("{} needs a number", pair[0]));
            match pair[0].as_str() {
                "--seconds" => options.seconds = value(),
                "--connections" => options.connections = value() as usize,
                "--max-requests" => options.max_requests = value(),
                _ => {}
            }
        }
        options
    }
}

/// The demo server, stopped when dropped.
pub struct Server {
    child: Child,
    pub address: String,
    _data: tempfile::TempDir,
}

impl Server {
    /// `nara demo` on a fresh SQLite file.
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// `nara demo`, on `database_url` when given.
    pub fn start_with(database_url: Option<&str>) -> Self {
        let data = tempfile::tempdir().expect("temporary directory");
        let mut command = Command::new(env!("CARGO_BIN_EXE_nara"));
        command
            .args(["demo", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data.path())
            .env_remove("DATABASE_URL");
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        let mut child = command
            .env("NARA_METRICS_BIND", "127.0.0.1:0")
            // Request logging at info would measure the terminal; production ships logs elsewhere.
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("nara starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let address = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| {
                let rest = line.split("http://").nth(1)?;
                Some(rest.chars().take_while(|c| *c != '/').collect::<String>())
            })
            .expect("nara printed its address");
        std::thread::spawn(move || for _ in lines {});
        Self { child, address, _data: data }
    }

    /// The server's process id (to read its memory use).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The demo's SQLite file (when it runs on one).
    pub fn sqlite_url(&self) -> String {
        format!("sqlite://{}", self._data.path().join("demo.db").display())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
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
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let issued = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..options.connections {
        let (address, path) = (address.to_string(), path.to_string());
        let (issued, errors, max) = (issued.clone(), errors.clone(), options.max_requests);
        tasks.push(tokio::spawn(async move {
            let stream = TcpStream::connect(&address).await.expect("connect");
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
            tokio::spawn(connection);
            let mut latencies = Vec::new();
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < max {
                let request = hyper::Request::get(&path)
                    .header("host", "localhost")
                    .body(Empty::<Bytes>::new())
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

/// Loads each (label, path) after a one-second warm-up; the first is the baseline the others
/// are compared with.
pub async fn run_targets(address: &str, targets: Vec<(String, String)>, options: &Options) {
    let mut baseline = None;
    for (label, path) in targets {
        load(address, &path, &Options { seconds: 1, ..*options }).await;
        let figures = load(address, &path, options).await;
        let note = match baseline {
            None => {
                baseline = Some(figures.per_second);
                String::new()
            }
            Some(base) => format!("  ({:.2} × the static file's req/s)", figures.per_second / base),
        };
        print_line(&label, &figures, &note);
    }
}
