//! The `nara` binary as an operator meets it: clear one-line errors, a clean start and stop.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const NARA: &str = env!("CARGO_BIN_EXE_nara");

/// A `nara` command with no configuration from the developer's environment.
fn nara(dir: &Path) -> Command {
    let mut command = Command::new(NARA);
    command.current_dir(dir).env_remove("DATABASE_URL").env("NARA_METRICS_BIND", "127.0.0.1:0");
    for (key, _) in std::env::vars() {
        if key.starts_with("NARA_") && key != "NARA_METRICS_BIND" {
            command.env_remove(key);
        }
    }
    command
}

fn assert_one_line_error(output: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("nara: "), "{stderr}");
    assert!(stderr.contains(expected), "expected {expected:?} in {stderr}");
}

#[test]
fn malformed_toml_is_reported_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nara.toml"), "bind = \"127.0.0.1:8080\n[[[").unwrap();
    let output = nara(dir.path()).arg("check").output().unwrap();
    assert_one_line_error(&output, "configuration");
}

#[test]
fn an_unwritable_data_directory_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let output =
        nara(dir.path()).args(["check", "--data-dir", "/proc/nara-cannot-be-here"]).output().unwrap();
    assert_one_line_error(&output, "data directory /proc/nara-cannot-be-here");
}

#[test]
fn an_unreachable_database_is_reported_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let output = nara(dir.path())
        .arg("check")
        .env("DATABASE_URL", "postgres://nara:hemligt@127.0.0.1:1/nara")
        .output()
        .unwrap();
    assert_one_line_error(&output, "cannot reach the database at postgres://nara:***@127.0.0.1:1/nara");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("hemligt"));
}

#[test]
fn check_asks_for_migrations_until_they_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let before = nara(dir.path()).arg("check").output().unwrap();
    assert_one_line_error(&before, "run `nara migrate`");
    let migrate = nara(dir.path()).arg("migrate").output().unwrap();
    assert!(migrate.status.success(), "{}", String::from_utf8_lossy(&migrate.stderr));
    let after = nara(dir.path()).arg("check").output().unwrap();
    assert!(after.status.success(), "{}", String::from_utf8_lossy(&after.stderr));
    assert!(dir.path().join("data/nara.db").exists(), "the default database is a SQLite file in ./data");
}

/// A running server and the address it printed.
struct Running {
    child: Child,
    address: String,
}

impl Running {
    /// Starts `nara ARGS --bind 127.0.0.1:0` and waits for the address in its output.
    fn start(mut command: Command, address_marker: &str, from_stderr: bool) -> Self {
        // Pipe only the stream we read: an unread pipe could fill and stall the server.
        let (stdout, stderr) =
            if from_stderr { (Stdio::null(), Stdio::piped()) } else { (Stdio::piped(), Stdio::null()) };
        let mut child = command.stdout(stdout).stderr(stderr).spawn().unwrap();
        let stream: Box<dyn Read + Send> = if from_stderr {
            Box::new(child.stderr.take().unwrap())
        } else {
            Box::new(child.stdout.take().unwrap())
        };
        let mut lines = BufReader::new(stream).lines();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let Some(Ok(line)) = lines.next() else { break };
            if let Some(rest) = line.split(address_marker).nth(1) {
                let address: String =
                    rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':').collect();
                // Keep draining the pipe so the server never blocks on a full one.
                std::thread::spawn(move || for _ in lines {});
                return Self { child, address };
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the server did not print its address");
    }

    fn get(&self, path: &str) -> String {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn serve_answers_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = nara(dir.path());
    command.args(["serve", "--bind", "127.0.0.1:0"]).env("NARA_LOG_FORMAT", "json");
    let server = Running::start(command, "\"web\":\"", true);
    assert!(server.get("/readyz").starts_with("HTTP/1.1 200"));
    let home = server.get("/");
    assert!(home.starts_with("HTTP/1.1 200"));
    assert!(home.contains("Vad behöver du hjälp med?"));
    assert!(server.terminate().success());
}

#[test]
fn demo_serves_both_languages_on_sqlite_and_on_postgres_when_configured() {
    let dir = tempfile::tempdir().unwrap();
    let mut urls = vec![None];
    match std::env::var("NARA_TEST_DATABASE_URL") {
        Ok(url) => urls.push(Some(url)),
        Err(_) => eprintln!("notice: NARA_TEST_DATABASE_URL is not set; the PostgreSQL half was skipped"),
    }
    for url in urls {
        let mut command = nara(dir.path());
        command.args(["demo", "--bind", "127.0.0.1:0", "--data-dir", "demo-data"]);
        if let Some(url) = &url {
            command.env("DATABASE_URL", url);
        }
        let server = Running::start(command, "http://", false);
        let sv = server.get("/");
        assert!(sv.contains("<html lang=\"sv\"") && sv.contains("Stöd till anhöriga"), "{url:?}: {sv}");
        let en = server.get("/en/");
        assert!(en.contains("<html lang=\"en\"") && en.contains("Support for relatives"), "{url:?}");
        assert!(server.get("/readyz").starts_with("HTTP/1.1 200"));
        // The search index in the data directory follows this run's database, not the last one's.
        let found = server.get("/sok?q=skulder");
        assert!(found.contains("href=\"/stod/budget-och-skuldradgivning\""), "{url:?}: {found}");
        assert!(server.terminate().success());

        let database = url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("demo-data/demo.db").display()));
        let reindex = nara(dir.path())
            .args(["reindex", "--data-dir", "demo-data"])
            .env("DATABASE_URL", &database)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&reindex.stdout);
        assert!(reindex.status.success(), "{}", String::from_utf8_lossy(&reindex.stderr));
        assert!(said.contains("Sökindexet är uppbyggt: 13 poster"), "{said}");
    }
    let key = dir.path().join("demo-data/secret.key");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(key).unwrap().permissions().mode() & 0o777, 0o600);
}
