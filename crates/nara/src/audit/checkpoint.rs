//! Checkpoints anchor the audit log's head outside the database. A checkpoint says "the log
//! `log` had entry `seq` with hash `hash` at `at`", signed (HMAC-SHA-256) with an audit key. Servers
//! append one to `DATA_DIR/audit-checkpoints.jsonl` (one JSON object a line, never rewritten) when
//! they start, every hour and when they stop, and e-mail it to the log reviewer when configured.
//! Someone who can write to the database but not to that file (or the reviewer's mailbox) can
//! then no longer remove the newest entries and move the head back unnoticed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::keyring::{AuditKey, Keyring};
use super::{Anchor, ChainBreak, store};
use crate::db::{Db, UtcTime};
use crate::i18n::{Catalogues, Locale, format_stockholm};
use crate::mail::Email;

/// The file's name in the data directory.
pub const FILE_NAME: &str = "audit-checkpoints.jsonl";

/// How often a running server writes a checkpoint.
pub const INTERVAL: Duration = Duration::from_secs(60 * 60);

/// Separates checkpoint signatures from entry signatures made with the same key.
const DOMAIN: &[u8] = b"nara audit checkpoint v1";

/// One signed checkpoint, as it is stored: one line of JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// The log's id (`audit_head.log_id`).
    pub log: String,
    pub seq: i64,
    pub hash: String,
    pub at: UtcTime,
    /// The id of the audit key that signed it.
    pub key: String,
    pub mac: String,
}

/// Why a line of a checkpoint file is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotACheckpoint,
    UnknownKey(String),
    BadSignature,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotACheckpoint => f.write_str("it is not a checkpoint"),
            Refusal::UnknownKey(id) => {
                write!(f, "it is signed with audit key {id}, which is not in the audit key file")
            }
            Refusal::BadSignature => f.write_str("its signature does not match (altered or forged)"),
        }
    }
}

impl Checkpoint {
    pub fn sign(log: &str, seq: i64, hash: &str, at: UtcTime, key: &AuditKey) -> Self {
        let mut checkpoint =
            Self { log: log.into(), seq, hash: hash.into(), at, key: key.id().into(), mac: String::new() };
        checkpoint.mac = checkpoint.with_signed_parts(|parts| key.sign(parts));
        checkpoint
    }

    /// Calls `f` with what the signature covers: every field but the key id and the signature.
    fn with_signed_parts<R>(&self, f: impl FnOnce(&[&[u8]]) -> R) -> R {
        let seq = self.seq.to_string();
        let at = self.at.0.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        f(&[DOMAIN, self.log.as_bytes(), seq.as_bytes(), self.hash.as_bytes(), at.as_bytes()])
    }

    /// Whether a key in `keys` signed exactly this.
    pub fn check(&self, keys: &Keyring) -> Result<(), Refusal> {
        let key = keys.get(&self.key).ok_or_else(|| Refusal::UnknownKey(self.key.clone()))?;
        if self.with_signed_parts(|parts| key.verifies(parts, &self.mac)) {
            Ok(())
        } else {
            Err(Refusal::BadSignature)
        }
    }

    /// The line that stores it (without the line feed).
    pub fn line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn anchor(&self) -> Anchor {
        Anchor { seq: self.seq, hash: self.hash.clone(), at: self.at }
    }
}

/// What checkpoint files hold: the checkpoints whose signature holds, and the lines refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkpoints {
    pub valid: Vec<Checkpoint>,
    /// (where: file and line, why).
    pub refused: Vec<(String, Refusal)>,
}

impl Checkpoints {
    /// Reads the lines of `text` (from `source`, for messages); blank lines are skipped.
    pub fn parse(&mut self, source: &str, text: &str, keys: &Keyring) {
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let checked = serde_json::from_str::<Checkpoint>(line)
                .map_err(|_| Refusal::NotACheckpoint)
                .and_then(|checkpoint| checkpoint.check(keys).map(|()| checkpoint));
            match checked {
                Ok(checkpoint) => self.valid.push(checkpoint),
                Err(refusal) => self.refused.push((format!("{source}:{}", index + 1), refusal)),
            }
        }
    }

    /// Reads a checkpoint file; a file that does not exist holds none.
    pub fn read(&mut self, path: &Path, keys: &Keyring) -> anyhow::Result<()> {
        match std::fs::read_to_string(path) {
            Ok(text) => self.parse(&path.display().to_string(), &text, keys),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
        Ok(())
    }

    /// The checkpoint of `log` that vouches for the most entries.
    pub fn newest_of(&self, log: &str) -> Option<&Checkpoint> {
        self.valid.iter().filter(|c| c.log == log).max_by_key(|c| (c.seq, c.at))
    }
}

/// Where checkpoints go.
#[derive(Debug, Clone)]
pub struct Destination {
    pub file: PathBuf,
    /// The log reviewer's address, for a copy of each checkpoint by e-mail.
    pub email: Option<String>,
}

/// Checks what was appended since the newest checkpoint of this log and appends a checkpoint of
/// the newest entry to the file (and, when configured, to the outbox). Returns `None` when there
/// is nothing new to vouch for. A log that fails the check gets no checkpoint: signing a head
/// that has been tampered with would vouch for the tampering.
pub async fn write(
    db: &Db,
    destination: &Destination,
    catalogues: &Catalogues,
) -> anyhow::Result<Option<Checkpoint>> {
    let keys = db.audit_keys();
    let log = store::head(db).await?.log_id;
    let mut checkpoints = Checkpoints::default();
    checkpoints.read(&destination.file, keys)?;
    let newest = checkpoints.newest_of(&log).map(Checkpoint::anchor);
    if let Some(anchor) = &newest
        && !store::entry_holds(db, anchor).await?
    {
        let broken = store::verify_chain(db, &checkpoints.valid).await?.err();
        return Err(refused(broken.unwrap_or(ChainBreak::CheckpointTruncated {
            last: anchor.seq - 1,
            recorded: anchor.seq,
            at: anchor.at,
        })));
    }
    let (seq, hash) = store::position_since(db, &log, newest.as_ref()).await?.map_err(refused)?;
    if seq == 0 || newest.is_some_and(|a| a.seq == seq && a.hash == hash) {
        return Ok(None);
    }
    let checkpoint = Checkpoint::sign(&log, seq, &hash, UtcTime::now(), keys.signing());
    crate::secrets::append_line(&destination.file, &checkpoint.line())?;
    if let Some(to) = &destination.email {
        crate::mail::store::enqueue_alone(db, &mail(&checkpoint, to, catalogues)).await?;
    }
    Ok(Some(checkpoint))
}

fn refused(broken: ChainBreak) -> anyhow::Error {
    anyhow::anyhow!("no checkpoint written: {broken}; run `nara audit verify`")
}

/// The checkpoint for the log reviewer, in Swedish and then English, with the line itself.
fn mail(checkpoint: &Checkpoint, to: &str, catalogues: &Catalogues) -> Email {
    let args = [
        ("seq", checkpoint.seq.into()),
        ("when", format_stockholm(checkpoint.at).into()),
        ("line", checkpoint.line().into()),
    ];
    let text = |locale, key| catalogues.plain_with(locale, key, &args);
    Email {
        to: to.to_string(),
        subject: format!(
            "{} ({})",
            text(Locale::SV, "mail-audit-checkpoint-subject"),
            text(Locale::EN, "mail-audit-checkpoint-subject")
        ),
        body: format!(
            "{}\n\n---\n\n{}",
            text(Locale::SV, "mail-audit-checkpoint-body"),
            text(Locale::EN, "mail-audit-checkpoint-body")
        ),
    }
}

/// Writes a checkpoint and says in the log how it went (the server's way; the command line
/// reports to the operator instead).
pub async fn write_logged(db: &Db, destination: &Destination, catalogues: &Catalogues) {
    match write(db, destination, catalogues).await {
        Ok(Some(checkpoint)) => tracing::info!(seq = checkpoint.seq, "audit checkpoint written"),
        Ok(None) => {}
        Err(error) => tracing::error!(error = format!("{error:#}"), "audit checkpoint failed"),
    }
}

/// Writes a checkpoint now and then every hour until `stop` resolves. The server writes the last
/// one itself, once requests in flight have finished.
pub async fn run_worker(
    state: crate::web::state::AppState,
    destination: Destination,
    stop: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(stop);
    loop {
        write_logged(&state.db, &destination, &state.catalogues).await;
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(INTERVAL) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(keys: &Keyring) -> Checkpoint {
        Checkpoint::sign("log-1", 42, "ab12", UtcTime::now(), keys.signing())
    }

    #[test]
    fn a_signed_checkpoint_survives_its_line() {
        let keys = Keyring::ephemeral();
        let checkpoint = signed(&keys);
        let mut read = Checkpoints::default();
        read.parse("f", &format!("{}\n\n", checkpoint.line()), &keys);
        assert_eq!(read, Checkpoints { valid: vec![checkpoint], refused: vec![] });
    }

    #[test]
    fn any_changed_field_or_another_key_is_refused() {
        let keys = Keyring::ephemeral();
        let checkpoint = signed(&keys);
        let changed = [
            Checkpoint { log: "log-2".into(), ..checkpoint.clone() },
            Checkpoint { seq: 41, ..checkpoint.clone() },
            Checkpoint { hash: "ab13".into(), ..checkpoint.clone() },
            Checkpoint { at: UtcTime(checkpoint.at.0 + chrono::Duration::seconds(1)), ..checkpoint.clone() },
        ];
        for forged in changed {
            assert_eq!(forged.check(&keys), Err(Refusal::BadSignature), "{forged:?}");
        }
        let stranger = Keyring::ephemeral();
        let mut same_id = Checkpoint::sign("log-1", 42, "ab12", checkpoint.at, stranger.signing());
        same_id.key = checkpoint.key.clone();
        assert_eq!(same_id.check(&keys), Err(Refusal::BadSignature));
        let other = signed(&stranger);
        assert_eq!(other.check(&keys), Err(Refusal::UnknownKey(other.key.clone())));
    }

    #[test]
    fn refused_lines_are_named_and_the_rest_still_count() {
        let keys = Keyring::ephemeral();
        let good = signed(&keys);
        let forged = Checkpoint { seq: 99, ..good.clone() };
        let text = format!("{}\n{{\"torn\n{}\n", forged.line(), good.line());
        let mut read = Checkpoints::default();
        read.parse("cp.jsonl", &text, &keys);
        assert_eq!(read.valid, vec![good]);
        assert_eq!(
            read.refused,
            vec![
                ("cp.jsonl:1".into(), Refusal::BadSignature),
                ("cp.jsonl:2".into(), Refusal::NotACheckpoint)
            ]
        );
    }

    #[test]
    fn the_newest_is_the_one_that_vouches_for_most_entries_of_that_log() {
        let keys = Keyring::ephemeral();
        let later = UtcTime::now();
        let read = Checkpoints {
            valid: vec![
                Checkpoint::sign("a", 10, "h10", later, keys.signing()),
                Checkpoint::sign(
                    "a",
                    12,
                    "h12",
                    UtcTime(later.0 - chrono::Duration::hours(1)),
                    keys.signing(),
                ),
                Checkpoint::sign("b", 50, "h50", later, keys.signing()),
            ],
            refused: vec![],
        };
        assert_eq!(read.newest_of("a").map(|c| c.seq), Some(12));
        assert_eq!(read.newest_of("c"), None);
    }
}
