//! The outbox against a real SMTP server (Python's aiosmtpd): nothing is lost while the server
//! is down, everything arrives once it is up, and two senders never send one message twice.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lettre::message::Mailbox;
use nara::db::{Db, UtcTime};
use nara::mail::{Email, Transport, deliver_due};

/// An SMTP server writing what it receives to a maildir; stopped when dropped.
struct SmtpServer {
    child: Child,
    maildir: tempfile::TempDir,
}

fn python() -> String {
    std::env::var("NARA_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl SmtpServer {
    /// Starts aiosmtpd on `port`; `None` (with a notice) where it is not installed, except in CI.
    fn start(port: u16) -> Option<Self> {
        let installed =
            Command::new(python()).args(["-c", "import aiosmtpd"]).status().is_ok_and(|s| s.success());
        if !installed {
            assert!(std::env::var("CI").is_err(), "CI must run the SMTP test: pip install aiosmtpd");
            eprintln!("notice: aiosmtpd is not installed (pip install aiosmtpd); the SMTP test was skipped");
            return None;
        }
        let maildir = tempfile::tempdir().unwrap();
        let child = Command::new(python())
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            // A path that does not exist yet: the handler creates the maildir's folders.
            .arg(maildir.path().join("maildir"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Self { child, maildir })
    }

    fn received(&self) -> Vec<String> {
        let new = self.maildir.path().join("maildir/new");
        std::fs::read_dir(new)
            .map(|entries| entries.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect())
            .unwrap_or_default()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn from() -> Mailbox {
    "Nära <no-reply@nara.example.se>".parse().unwrap()
}

/// Makes every queued message due now, as if the back-off had passed.
async fn time_passes(db: &Db) {
    let sql = "UPDATE outbox SET next_attempt_at = $1 WHERE sent_at IS NULL";
    db.sql().execute(sql, &[&UtcTime::now()]).await.unwrap();
}

on_both_backends!(mail_waits_for_a_server_that_is_down_and_arrives_once_it_is_up, Migrated, |db| {
    let port = free_port();
    let transport = Transport::smtp(&format!("smtp://127.0.0.1:{port}")).unwrap();
    let email = Email {
        to: "anna@example.se".into(),
        subject: "Bekräfta din e-postadress".into(),
        body: "Hej Anna!\n\nÖppna länken för att bekräfta: åäö.".into(),
    };
    nara::mail::store::enqueue_alone(&db, &email).await.unwrap();
    nara::mail::store::enqueue_alone(&db, &Email { to: "bertil@example.se".into(), ..email.clone() })
        .await
        .unwrap();

    // The server is down: nothing is sent, nothing is lost, a retry is planned.
    assert_eq!(deliver_due(&db, &transport, &from()).await.unwrap(), 0);
    let waiting = nara::mail::store::outbox(&db).await.unwrap();
    assert!(waiting.iter().all(|m| m.sent_at.is_none() && m.attempts == 1 && m.last_error.is_some()));
    assert!(waiting.iter().all(|m| m.next_attempt_at > UtcTime::now()), "back-off before the next try");
    assert_eq!(deliver_due(&db, &transport, &from()).await.unwrap(), 0, "not due yet");

    let Some(server) = SmtpServer::start(port) else { return };
    time_passes(&db).await;
    assert_eq!(deliver_due(&db, &transport, &from()).await.unwrap(), 2);
    let received = server.received();
    assert_eq!(received.len(), 2);
    let to_anna = received.iter().find(|m| m.contains("To: anna@example.se")).expect("Anna's message");
    assert!(to_anna.contains("<no-reply@nara.example.se>"), "{to_anna}");
    assert!(to_anna.contains("Hej Anna!"), "{to_anna}");
    assert!(nara::mail::store::outbox(&db).await.unwrap().iter().all(|m| m.sent_at.is_some()));
    assert_eq!(deliver_due(&db, &transport, &from()).await.unwrap(), 0, "sent mail is not sent again");
});

on_both_backends!(two_senders_never_send_one_message_twice, Migrated, |db| {
    let port = free_port();
    let Some(server) = SmtpServer::start(port) else { return };
    let transport = Transport::smtp(&format!("smtp://127.0.0.1:{port}")).unwrap();
    for i in 0..10 {
        let email =
            Email { to: format!("person{i}@example.se"), subject: "Påminnelse".into(), body: "Hej".into() };
        nara::mail::store::enqueue_alone(&db, &email).await.unwrap();
    }
    let sender = from();
    let (first, second) =
        tokio::join!(deliver_due(&db, &transport, &sender), deliver_due(&db, &transport, &sender));
    let errors: Vec<_> =
        nara::mail::store::outbox(&db).await.unwrap().into_iter().filter_map(|m| m.last_error).collect();
    assert_eq!(first.unwrap() + second.unwrap(), 10, "{errors:?}");
    assert_eq!(server.received().len(), 10);
});
