//! E-mail through an outbox: a message is first a row in the database, then a worker sends it
//! over SMTP (or, in `nara demo`, writes it to a folder), retrying with back-off, so no message
//! is lost while the mail server is down. Bodies never go to the log.

pub mod store;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub use store::OutboxMessage;

use crate::db::{Db, UtcTime};

/// A message to send.
#[derive(Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl std::fmt::Debug for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Email(***)")
    }
}

/// How messages leave.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per message in a folder (demo and development).
    Directory(PathBuf),
}

impl Transport {
    /// `smtp://host:port` (plain), `smtp://…?tls=required` or `smtps://…`, as lettre reads them.
    pub fn smtp(url: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context("mail: smtp_url is not a valid SMTP address")?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        Ok(Transport::Smtp(transport))
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| anyhow::anyhow!("{e}")),
            Transport::Directory(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| anyhow::anyhow!("{e}"))
            }
        }
    }
}

/// Delay before the next try after `attempts` failures: 30 s, 1 min, 2 min, … up to 6 hours.
pub fn backoff(attempts: u32) -> Duration {
    let seconds = 30u64.saturating_mul(1u64 << attempts.saturating_sub(1).min(20));
    Duration::from_secs(seconds.min(6 * 60 * 60))
}

/// Sends every message that is due; returns how many were sent.
pub async fn deliver_due(db: &Db, transport: &Transport, from: &Mailbox) -> anyhow::Result<usize> {
    let mut sent = 0;
    for message in store::due(db, UtcTime::now(), 50).await? {
        // Claiming first means two server processes never send the same message twice.
        if !store::claim(db, &message).await? {
            continue;
        }
        let outcome = match build(&message, from) {
            Ok(built) => transport.send(built).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(()) => {
                store::mark_sent(db, message.id).await?;
                sent += 1;
            }
            Err(error) => {
                let attempts = message.attempts + 1;
                let retry = UtcTime(UtcTime::now().0 + chrono::Duration::from_std(backoff(attempts as u32))?);
                // Servers often quote the recipient in their complaint: mask addresses first.
                let error = mask_addresses(&error.to_string());
                tracing::warn!(attempts, error, "sending e-mail failed; will retry");
                store::mark_failed(db, message.id, attempts, retry, &error).await?;
            }
        }
    }
    Ok(sent)
}

/// Replaces every word that contains an `@` (an e-mail address) with `***`.
fn mask_addresses(text: &str) -> String {
    text.split(' ').map(|word| if word.contains('@') { "***" } else { word }).collect::<Vec<_>>().join(" ")
}

fn build(message: &OutboxMessage, from: &Mailbox) -> anyhow::Result<Message> {
    let to: Mailbox = message.to_address.parse().context("the recipient address is not valid")?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(message.body.clone())
        .context("the message could not be built")
}

/// Runs until `stop` resolves, sending due mail every few seconds.
pub async fn run_worker(
    db: Db,
    transport: Transport,
    from: Mailbox,
    stop: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(stop);
    loop {
        if let Err(error) = deliver_due(&db, &transport, &from).await {
            tracing::warn!(error = format!("{error:#}"), "the outbox could not be read");
        }
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(3), Duration::from_secs(120));
        assert_eq!(backoff(40), Duration::from_secs(6 * 60 * 60));
    }

    #[test]
    fn addresses_are_masked_in_errors() {
        assert_eq!(mask_addresses("550 <anna@example.se>: no such user"), "550 *** no such user");
    }

    #[test]
    fn debug_output_hides_the_message() {
        let email = Email { to: "a@b.se".into(), subject: "Hej".into(), body: "Hemligt".into() };
        assert_eq!(format!("{email:?}"), "Email(***)");
    }
}
