//! The `nara` binary as an operator meets it: clear one-line errors, a clean start and stop,
//! commands that read without creating, several servers on one machine, and online backups.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const NARA: &str = env!("CARGO_BIN_EXE_nara");
const NO_DATABASE: &str = "; run `nara migrate` or set DATABASE_URL";

/// A `nara` command with no configuration from the developer's environment: default settings.
fn nara(dir: &Path) -> Command {
    let mut command = Command::new(NARA);
    command.current_dir(dir).env_remove("DATABASE_URL").env_remove("RUST_LOG");
    for (key, _) in std::env::vars() {
        if key.starts_with("NARA_") {
            command.env_remove(key);
        }
    }
    command
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_success(output: &Output) {
    assert!(output.status.success(), "{}{}", stdout(output), String::from_utf8_lossy(&output.stderr));
}

/// The files and directories under `dir`, to prove a command left nothing behind.
fn tree(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        found.push(path.display().to_string());
        if path.is_dir() {
            found.extend(tree(&path));
        }
    }
    found.sort();
    found
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
    assert_success(&nara(dir.path()).arg("migrate").output().unwrap());
    let database = format!("sqlite://{}", dir.path().join("data/nara.db").display());
    let output = nara(dir.path())
        .args(["check", "--data-dir", "/proc"])
        .env("DATABASE_URL", database)
        .output()
        .unwrap();
    assert_one_line_error(&output, "the data directory /proc is not writable");
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
    assert_one_line_error(&before, &format!("no Nära database at sqlite://data/nara.db{NO_DATABASE}"));
    assert!(tree(dir.path()).is_empty(), "check created {:?}", tree(dir.path()));
    let migrate = nara(dir.path()).arg("migrate").output().unwrap();
    assert!(migrate.status.success(), "{}", String::from_utf8_lossy(&migrate.stderr));
    let after = nara(dir.path()).arg("check").output().unwrap();
    assert_success(&after);
    assert!(stdout(&after).contains("Databas (database): sqlite://data/nara.db"), "{}", stdout(&after));
    assert!(dir.path().join("data/nara.db").exists(), "the default database is a SQLite file in ./data");
}

/// Every command that only reads, with the arguments it needs.
const READING_COMMANDS: &[&[&str]] = &[&["check"], &["audit", "verify"], &["backup", "copy.db"]];

#[test]
fn commands_that_read_never_create_a_database_a_directory_or_a_key() {
    let dir = tempfile::tempdir().unwrap();
    // A data directory as `nara demo` leaves it: the key and `demo.db`, no `nara.db`.
    let migrate = nara(dir.path())
        .args(["migrate", "--data-dir", "demo-data"])
        .env("DATABASE_URL", "sqlite://demo-data/demo.db")
        .output()
        .unwrap();
    assert_success(&migrate);
    std::fs::write(dir.path().join("empty.db"), b"").unwrap();
    let before = tree(dir.path());
    for command in READING_COMMANDS {
        let on_demo = nara(dir.path()).args(*command).args(["--data-dir", "demo-data"]).output().unwrap();
        assert_one_line_error(
            &on_demo,
            &format!("no Nära database at sqlite://demo-data/nara.db{NO_DATABASE}"),
        );
        let nowhere = nara(dir.path()).args(*command).args(["--data-dir", "nowhere"]).output().unwrap();
        assert_one_line_error(
            &nowhere,
            &format!("no Nära database at sqlite://nowhere/nara.db{NO_DATABASE}"),
        );
        // A file without Nära's tables (what earlier versions of `audit verify` left behind).
        let empty =
            nara(dir.path()).args(*command).env("DATABASE_URL", "sqlite://empty.db").output().unwrap();
        assert_one_line_error(&empty, &format!("no Nära database at sqlite://empty.db{NO_DATABASE}"));
        assert_eq!(tree(dir.path()), before, "`nara {}` created something", command.join(" "));
    }
    assert_eq!(std::fs::metadata(dir.path().join("empty.db")).unwrap().len(), 0);

    // Named by DATABASE_URL, the same database is found and read.
    for command in [&["check"][..], &["audit", "verify"]] {
        let output = nara(dir.path())
            .args(command)
            .args(["--data-dir", "demo-data"])
            .env("DATABASE_URL", "sqlite://demo-data/demo.db")
            .output()
            .unwrap();
        assert_success(&output);
        assert!(
            stdout(&output).contains("Databas (database): sqlite://demo-data/demo.db"),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn a_missing_postgresql_database_is_one_line_and_backup_points_to_pg_dump() {
    let dir = tempfile::tempdir().unwrap();
    let backup = nara(dir.path())
        .args(["backup", "copy.db"])
        .env("DATABASE_URL", "postgres://nara:hemligt@127.0.0.1:1/nara")
        .output()
        .unwrap();
    assert_one_line_error(&backup, "for PostgreSQL use `pg_dump -Fc`");
    assert!(tree(dir.path()).is_empty());
    // A reachable PostgreSQL without Nära's tables: a schema of its own, never migrated.
    let Some(url) = crate::common::postgres_url() else { return };
    let schema = format!("empty_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let admin = nara::db::Db::connect(&url).await.unwrap();
        for sql in [format!("DROP SCHEMA IF EXISTS {schema} CASCADE"), format!("CREATE SCHEMA {schema}")] {
            admin.sql().execute(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
        }
    });
    let separator = if url.contains('?') { '&' } else { '?' };
    let schema_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let verify =
        nara(dir.path()).args(["audit", "verify"]).env("DATABASE_URL", &schema_url).output().unwrap();
    assert_one_line_error(&verify, NO_DATABASE);
    assert!(tree(dir.path()).is_empty(), "no data directory or key for a command that reads");
    runtime.block_on(async {
        let admin = nara::db::Db::connect(&url).await.unwrap();
        let sql = format!("DROP SCHEMA {schema} CASCADE");
        admin.sql().execute(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
    });
}

/// A running server, the address it printed and every line it has printed on that stream.
struct Running {
    child: Child,
    address: String,
    lines: Arc<Mutex<Vec<String>>>,
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
        let seen = Arc::new(Mutex::new(Vec::new()));
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let Some(Ok(line)) = lines.next() else { break };
            seen.lock().unwrap().push(line.clone());
            if let Some(address) = address_after(&line, address_marker) {
                // Keep draining the pipe so the server never blocks on a full one.
                let keep = seen.clone();
                std::thread::spawn(move || {
                    lines.map_while(Result::ok).for_each(|l| keep.lock().unwrap().push(l))
                });
                return Self { child, address, lines: seen };
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the server did not print its address");
    }

    fn get(&self, path: &str) -> String {
        get(&self.address, path)
    }

    /// The first printed line that contains `marker` (the server prints its lines at once after
    /// its address, so waiting for the reader thread is bounded).
    fn printed(&self, marker: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(line) = self.lines.lock().unwrap().iter().find(|l| l.contains(marker)) {
                return line.clone();
            }
            assert!(Instant::now() < deadline, "the server never printed {marker:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
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

/// The `ADDR:PORT` printed right after `marker` in `line`.
fn address_after(line: &str, marker: &str) -> Option<String> {
    let rest = line.split(marker).nth(1)?;
    Some(rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':').collect())
}

fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn post_form(address: &str, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

/// `nara serve` in `data_dir` on a free port, with its log in JSON (where its address is).
fn serve(dir: &Path, data_dir: &str) -> Running {
    let mut command = nara(dir);
    command.args(["serve", "--bind", "127.0.0.1:0", "--data-dir", data_dir]).env("NARA_LOG_FORMAT", "json");
    Running::start(command, "\"web\":\"", true)
}

/// The command a server printed for the operator (`VAR=value nara ARGS`), to run it as printed.
fn printed_command(dir: &Path, line: &str) -> Command {
    let mut words = line.split_whitespace();
    let mut command = nara(dir);
    for word in words.by_ref() {
        match word.split_once('=') {
            Some((key, value)) => command.env(key, value),
            None => {
                assert_eq!(word, "nara", "{line}");
                break;
            }
        };
    }
    command.args(words);
    command
}

#[test]
fn serve_answers_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), "data");
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
    if let Some(url) = crate::common::postgres_url() {
        urls.push(Some(url));
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
        let metrics = address_after(&server.printed("Mätvärden (metrics): http://"), "http://").unwrap();
        assert!(get(&metrics, "/metrics").contains("nara_http_requests_total"), "{url:?}");
        let reopen = server.printed("nara serve --data-dir");
        let verify = server.printed("nara audit verify --data-dir");
        assert!(server.terminate().success());
        if url.is_none() {
            // The printed commands work as printed: the log verifies, and `nara serve` reopens the
            // demo's data without starting afresh.
            let verified = printed_command(dir.path(), &verify).output().unwrap();
            assert_success(&verified);
            assert!(stdout(&verified).contains("Granskningsloggen är hel"), "{}", stdout(&verified));
            let mut command = printed_command(dir.path(), &reopen);
            command.args(["--bind", "127.0.0.1:0"]).env("NARA_LOG_FORMAT", "json");
            let reopened = Running::start(command, "\"web\":\"", true);
            assert!(reopened.get("/").contains("Stöd till anhöriga"), "the demo's content is there");
            assert!(reopened.terminate().success());
        }

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
        // 19 entries of the directory and the leisure bank's two lending places.
        assert!(said.contains("Sökindexet är uppbyggt: 21 poster"), "{said}");
    }
    let key = dir.path().join("demo-data/secret.key");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(key).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn servers_and_demos_with_default_settings_run_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let demo = |data_dir: &str| {
        let mut command = nara(dir.path());
        command.args(["demo", "--bind", "127.0.0.1:0", "--data-dir", data_dir]);
        Running::start(command, "http://", false)
    };
    let servers = [serve(dir.path(), "a"), serve(dir.path(), "b")];
    let demos = [demo("c"), demo("d")];
    for server in servers.iter().chain(&demos) {
        assert!(server.get("/healthz").starts_with("HTTP/1.1 200"), "{}", server.address);
    }
    // `nara serve` has no metrics unless asked; each demo took a free port for them and said which.
    let metrics: Vec<String> = demos
        .iter()
        .map(|d| address_after(&d.printed("Mätvärden (metrics): http://"), "http://").unwrap())
        .collect();
    assert_ne!(metrics[0], metrics[1]);
    for address in &metrics {
        assert!(get(address, "/metrics").contains("nara_http_requests_total"), "{address}");
    }
    for server in servers.into_iter().chain(demos) {
        assert!(server.terminate().success());
    }
}

#[test]
fn a_backup_taken_while_the_server_writes_restores_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let admin = nara(dir.path())
        .args(["admin", "create", "--email", "it@stad.example.se", "--name", "Första Admin"])
        .args(["--data-dir", "live"])
        .output()
        .unwrap();
    assert_success(&admin);
    let server = serve(dir.path(), "live");
    // Failed log-ins, each written to the rate limits and the audit log, until the backup is done.
    let (stop, written) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let writer = {
        let (stop, written, address) = (stop.clone(), written.clone(), server.address.clone());
        std::thread::spawn(move || {
            for n in 0.. {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let body = format!("email=person{n}%40example.se&password=fel&tillbaka=");
                let response = post_form(&address, "/logga-in", &body);
                assert!(response.starts_with("HTTP/1.1 4"), "a refused log-in: {response}");
                written.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while written.load(Ordering::SeqCst) < 3 {
        assert!(Instant::now() < deadline, "the writer never got going");
        std::thread::sleep(Duration::from_millis(10));
    }
    let backup = nara(dir.path()).args(["backup", "copy.db", "--data-dir", "live"]).output().unwrap();
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    assert_success(&backup);
    for key in ["live/secret.key", "live/audit.keys"] {
        assert!(stdout(&backup).contains(key), "names {key} to keep: {}", stdout(&backup));
    }
    assert!(server.terminate().success());
    let copy = dir.path().join("copy.db");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);

    // A second backup to the same name is refused and leaves the first one as it was.
    let bytes = std::fs::read(&copy).unwrap();
    let again = nara(dir.path()).args(["backup", "copy.db", "--data-dir", "live"]).output().unwrap();
    assert_one_line_error(&again, "copy.db already exists");
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);

    // Restore into a fresh data directory: the copy and the keys, nothing else.
    let restored = dir.path().join("restored");
    std::fs::create_dir(&restored).unwrap();
    std::fs::copy(&copy, restored.join("nara.db")).unwrap();
    for key in ["secret.key", "audit.keys"] {
        std::fs::copy(dir.path().join("live").join(key), restored.join(key)).unwrap();
    }
    let verify = nara(dir.path()).args(["audit", "verify", "--data-dir", "restored"]).output().unwrap();
    assert_success(&verify);
    let said = stdout(&verify);
    let entries: usize = said
        .split("Granskningsloggen är hel: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{said}"));
    // The administrator's invitation and at least the log-ins answered before the backup began.
    assert!(entries >= 4, "{said}");
    assert_success(&nara(dir.path()).args(["check", "--data-dir", "restored"]).output().unwrap());

    // The copy reads through the storage contract like the original.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let url = format!("sqlite://{}", restored.join("nara.db").display());
        let keys = nara::audit::Keyring::load(&restored.join("audit.keys"), false).unwrap();
        let db = nara::db::Db::open_existing(&url, nara::db::Synchronous::Full)
            .await
            .unwrap()
            .with_audit_keys(std::sync::Arc::new(keys));
        assert!(db.migration_status().await.unwrap().is_current());
        let email = nara::identity::EmailAddress::parse("it@stad.example.se").unwrap();
        let (person, _) = nara::identity::store::person_by_email(&db, &email)
            .await
            .unwrap()
            .expect("the administrator is in the copy");
        assert_eq!(person.display_name, "Första Admin");
        assert_eq!(
            nara::audit::store::verify_chain(&db, &[]).await.unwrap().ok().map(|v| v.entries),
            Some(entries as i64)
        );
        db.close().await;
    });
}
