//! The audit log on both databases: concurrent appends stay one chain, the tables refuse changes,
//! and what someone with write access to the database does behind their back is found by
//! `verify`: an altered entry, a removed one, a rewritten and re-hashed tail (the keyed hashes
//! catch it) and the newest entries removed with the head moved back (the checkpoints outside
//! the database catch it). Key rotation, the checkpoint file and the command line too.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use nara::audit::checkpoint::{self, Checkpoint, Checkpoints, Destination, Refusal};
use nara::audit::{Action, AuditActor, AuditEntry, AuditEvent, AuditKey, ChainBreak, Keyring, Verified};
use nara::db::{Backend, Db, Param, UtcTime};
use nara::i18n::Catalogues;

async fn append_many(db: &Db, n: usize) {
    let before = nara::audit::store::head(db).await.unwrap().seq;
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let event =
                    AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account").object(i);
                nara::audit::store::record(&db, &event).await.unwrap()
            })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.push(task.await.unwrap());
    }
    // Each caller is answered with its own entry's number, even when written together with others.
    let written = entries(db).await;
    for (i, seq) in seqs.iter().enumerate() {
        let entry = written.iter().find(|e| e.seq == *seq).expect("the answered entry is in the log");
        assert_eq!(entry.object_id.as_deref(), Some(i.to_string().as_str()), "seq {seq}");
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (before + 1..=before + n as i64).collect::<Vec<_>>(), "one unbroken sequence");
}

/// Takes the triggers that keep the log append-only out of the way, as an intruder with database
/// access would.
async fn disable_triggers(db: &Db) {
    let statements: &[&str] = match db.backend() {
        Backend::Sqlite => {
            &["DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"]
        }
        Backend::Postgres => &["ALTER TABLE audit_log DISABLE TRIGGER USER"],
    };
    for statement in statements {
        db.sql().execute(sqlx::AssertSqlSafe(statement.to_string()), &[]).await.unwrap();
    }
}

/// Runs SQL behind the log's back.
async fn behind_the_logs_back(db: &Db, sql: &str) {
    disable_triggers(db).await;
    db.sql().execute(sqlx::AssertSqlSafe(sql.to_string()), &[]).await.unwrap();
}

/// Moves the head to the newest entry left, as one who removed entries would.
async fn move_head_back(db: &Db) {
    let last = newest(db).await;
    let sql = "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1";
    db.sql().execute(sql, &[&last.seq, &last.hash]).await.unwrap();
}

async fn entries(db: &Db) -> Vec<AuditEntry> {
    nara::audit::store::entries_after(db, 0, 10_000).await.unwrap()
}

async fn newest(db: &Db) -> AuditEntry {
    entries(db).await.pop().unwrap()
}

/// How an intruder re-hashes the entries after the one they changed.
#[derive(Clone, Copy)]
enum Rehash<'a> {
    /// Plain SHA-256 as before keyed hashing, keeping each entry's key id.
    PlainKeepingKeyIds,
    /// Plain SHA-256 with the key ids cleared, as if written before keyed hashing.
    PlainAsIfOld,
    /// HMAC with a key of their own, claiming the genuine key's id.
    OwnKeyUnderGenuineId(&'a AuditKey),
    /// HMAC with a key of their own, under its own id.
    OwnKey(&'a AuditKey),
}

/// Changes entry `seq` with `change`, re-hashes it and every later entry so each points at the
/// one before, writes them back and moves the head: a rewrite that plain hashing could not see.
async fn rewrite_from(db: &Db, seq: i64, change: impl Fn(&mut AuditEntry), rehash: Rehash<'_>) {
    let log_id = nara::audit::store::head(db).await.unwrap().log_id;
    let mut all = entries(db).await;
    let start = all.iter().position(|e| e.seq == seq).unwrap();
    change(&mut all[start]);
    for i in start..all.len() {
        if i > 0 {
            all[i].prev_hash = all[i - 1].hash.clone();
        }
        let entry = &mut all[i];
        match rehash {
            Rehash::PlainKeepingKeyIds => entry.hash = entry.plain_hash(),
            Rehash::PlainAsIfOld => {
                entry.key_id = None;
                entry.hash = entry.plain_hash();
            }
            Rehash::OwnKeyUnderGenuineId(key) => {
                entry.seal(&log_id, key);
                entry.key_id = Some(db.audit_keys().signing().id().to_string());
            }
            Rehash::OwnKey(key) => entry.seal(&log_id, key),
        }
    }
    disable_triggers(db).await;
    for entry in &all[start..] {
        let sql = "UPDATE audit_log SET object_id = $1, purpose = $2, prev_hash = $3, key_id = $4, hash = $5 WHERE seq = $6";
        let params: [&dyn Param; 6] =
            [&entry.object_id, &entry.purpose, &entry.prev_hash, &entry.key_id, &entry.hash, &entry.seq];
        db.sql().execute(sql, &params).await.unwrap();
    }
    move_head_back(db).await;
}

/// A checkpoint file in a directory of its own, as a server's data directory holds one.
struct CheckpointFile {
    _dir: tempfile::TempDir,
    destination: Destination,
}

impl CheckpointFile {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let destination = Destination { file: dir.path().join(checkpoint::FILE_NAME), email: None };
        Self { _dir: dir, destination }
    }

    async fn write(&self, db: &Db) -> anyhow::Result<Option<Checkpoint>> {
        checkpoint::write(db, &self.destination, &Catalogues::load().unwrap()).await
    }

    fn read(&self, keys: &Keyring) -> Checkpoints {
        let mut checkpoints = Checkpoints::default();
        checkpoints.read(&self.destination.file, keys).unwrap();
        checkpoints
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.destination.file).unwrap_or_default()
    }

    fn append(&self, line: &str) {
        nara::secrets::append_line(&self.destination.file, line).unwrap();
    }

    /// `nara audit verify`'s check: the chain with the database's keys through the file's checkpoints.
    async fn verify(&self, db: &Db) -> Result<Verified, ChainBreak> {
        nara::audit::store::verify_chain(db, &self.read(db.audit_keys()).valid).await.unwrap()
    }
}

fn entries_of(verified: Result<Verified, ChainBreak>) -> Result<i64, ChainBreak> {
    verified.map(|v| v.entries)
}

on_both_backends!(concurrent_appends_form_one_verifiable_chain, Migrated, |db| {
    append_many(&db, 40).await;
    assert_eq!(entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()), Ok(40));
    let keys: Vec<_> = entries(&db).await.into_iter().map(|e| e.key_id).collect();
    assert!(
        keys.iter().all(|k| k.as_deref() == Some(db.audit_keys().signing().id())),
        "every entry is keyed"
    );
});

on_both_backends!(entries_recorded_at_the_same_moment_share_a_transaction, Migrated, |db| {
    // Every statement counted: one entry on its own takes five (begin, head, insert, head, commit).
    let plan = Arc::new(nara::db::FaultPlan::new());
    let counted = db.clone().with_fault_plan(plan.clone());
    append_many(&counted, 40).await;
    assert!(plan.seen() < 5 * 40, "{} statements for 40 entries: written one by one", plan.seen());
    assert_eq!(entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()), Ok(40));
});

on_both_backends!(many_entries_of_one_transaction_chain_in_order, Migrated, |db| {
    // 45 entries: written as INSERTs of 32, 8, 4 and 1 rows, each row in its place in the chain.
    let events: Vec<AuditEvent> = (0..45)
        .map(|i| AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account").object(i))
        .collect();
    let mut tx = db.begin_write().await.unwrap();
    let last = nara::audit::store::append_all(&mut tx, &events).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(last, 45);
    let written = entries(&db).await;
    let objects: Vec<String> = written.iter().filter_map(|e| e.object_id.clone()).collect();
    assert_eq!(objects, (0..45).map(|i| i.to_string()).collect::<Vec<_>>());
    assert_eq!(entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()), Ok(45));
});

on_both_backends!(the_log_refuses_updates_and_deletes, Migrated, |db| {
    append_many(&db, 3).await;
    let update = db.sql().execute("UPDATE audit_log SET purpose = 'x' WHERE seq = 2", &[]).await;
    assert!(update.is_err());
    let delete = db.sql().execute("DELETE FROM audit_log WHERE seq = 2", &[]).await;
    assert!(delete.is_err());
    assert_eq!(entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()), Ok(3));
});

on_both_backends!(an_altered_entry_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "UPDATE audit_log SET object_id = 'annat' WHERE seq = 6").await;
    assert_eq!(
        entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()),
        Err(ChainBreak::Altered { seq: 6 })
    );
});

// (c) Removing an entry from the middle.
on_both_backends!(a_removed_middle_entry_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq = 4").await;
    let found = entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap());
    assert_eq!(found, Err(ChainBreak::Missing { expected: 4, found: 5 }));
    assert_eq!(found.unwrap_err().to_string(), "entries 4 to 4 are missing");
});

on_both_backends!(removing_the_newest_entries_without_moving_the_head_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq > 8").await;
    assert_eq!(
        entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()),
        Err(ChainBreak::Truncated { last: 8, head: 10 })
    );
});

// (a) Removing the newest entries and moving the head back: only the checkpoint can tell.
on_both_backends!(
    removing_the_newest_entries_and_moving_the_head_back_is_found_by_the_checkpoint,
    Migrated,
    |db| {
        let file = CheckpointFile::new();
        append_many(&db, 10).await;
        let written = file.write(&db).await.unwrap().expect("a checkpoint of entry 10");
        behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq > 8").await;
        move_head_back(&db).await;
        assert_eq!(
            entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()),
            Ok(8),
            "without the checkpoint nothing shows"
        );
        let found = file.verify(&db).await;
        assert_eq!(found, Err(ChainBreak::CheckpointTruncated { last: 8, recorded: 10, at: written.at }));
        assert!(
            found.unwrap_err().to_string().starts_with("entries 9 to 10 are missing (the checkpoint of ")
        );
        // Entries appended afterwards, under the genuine key, do not hide the gap.
        append_many(&db, 4).await;
        assert_eq!(
            file.verify(&db).await,
            Err(ChainBreak::CheckpointDiffers { seq: 10, since: 0, at: written.at })
        );
        // And no new checkpoint vouches for the rewritten log.
        let refused = file.write(&db).await.unwrap_err().to_string();
        assert!(refused.contains("no checkpoint written: entries 1 to 10 were replaced"), "{refused}");
        assert_eq!(file.text().lines().count(), 1);
    }
);

// (b) Rewriting an entry and re-hashing everything after it: the keyed hash catches each way.
on_both_backends!(rewriting_an_entry_and_re_hashing_the_rest_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    let stranger = AuditKey::generate();
    let ways = [
        (Rehash::PlainKeepingKeyIds, ChainBreak::Altered { seq: 6 }),
        (Rehash::PlainAsIfOld, ChainBreak::Unkeyed { seq: 6 }),
        (Rehash::OwnKeyUnderGenuineId(&stranger), ChainBreak::Altered { seq: 6 }),
        (Rehash::OwnKey(&stranger), ChainBreak::UnknownKey { seq: 6, key_id: stranger.id().to_string() }),
    ];
    for (rehash, expected) in ways {
        rewrite_from(&db, 6, |e| e.purpose = Some("ingen".into()), rehash).await;
        assert_eq!(
            entries_of(nara::audit::store::verify_chain(&db, &[]).await.unwrap()),
            Err(expected.clone())
        );
        assert!(expected.to_string().starts_with("entry 6 "), "names the entry: {expected}");
    }
});

on_both_backends!(a_checkpoint_with_a_bad_signature_is_refused, Migrated, |db| {
    let file = CheckpointFile::new();
    append_many(&db, 5).await;
    // Everything rewritten with plain hashes, as if from before keyed hashing, and a checkpoint
    // forged to vouch for it: it would pass if the checkpoint were believed.
    rewrite_from(&db, 1, |e| e.object_id = Some("någon annan".into()), Rehash::PlainAsIfOld).await;
    let head = nara::audit::store::head(&db).await.unwrap();
    let genuine_id = db.audit_keys().signing().id().to_string();
    let mut forged =
        Checkpoint::sign(&head.log_id, head.seq, &head.hash, UtcTime::now(), &AuditKey::generate());
    forged.key = genuine_id;
    file.append(&forged.line());
    let read = file.read(db.audit_keys());
    assert!(read.valid.is_empty());
    assert_eq!(read.refused, vec![(format!("{}:1", file.destination.file.display()), Refusal::BadSignature)]);
    assert_eq!(file.verify(&db).await, Err(ChainBreak::Unanchored { last: 5 }));
});

on_both_backends!(the_checkpoint_file_is_appended_to_never_rewritten, Migrated, |db| {
    let file = CheckpointFile::new();
    assert_eq!(file.write(&db).await.unwrap(), None, "an empty log needs no checkpoint");
    append_many(&db, 3).await;
    file.write(&db).await.unwrap().expect("a first checkpoint");
    let first = file.text();
    assert_eq!(file.write(&db).await.unwrap(), None, "nothing new, no new line");
    assert_eq!(file.text(), first);
    append_many(&db, 2).await;
    let second = file.write(&db).await.unwrap().expect("a second checkpoint");
    let text = file.text();
    assert!(text.starts_with(&first), "the first line is kept as it was");
    assert_eq!(text.lines().count(), 2);
    assert_eq!(text.lines().last().unwrap(), second.line());
    assert_eq!(second.seq, 5);
    // Another database's checkpoints in the same file are kept, and not taken for this log's.
    let other = common::TestDb::sqlite(common::Schema::Migrated).await;
    let other_db = other.db.clone().with_audit_keys(Arc::new(db.audit_keys().clone()));
    append_many(&other_db, 7).await;
    file.write(&other_db).await.unwrap().expect("the other log's checkpoint");
    assert!(file.text().starts_with(&text));
    let verified = file.verify(&db).await.unwrap();
    assert_eq!((verified.entries, verified.anchors), (5, 2));
    assert_eq!(file.verify(&other_db).await.map(|v| v.anchors), Ok(1));
});

on_both_backends!(a_tampered_log_gets_no_checkpoint, Migrated, |db| {
    let file = CheckpointFile::new();
    append_many(&db, 4).await;
    file.write(&db).await.unwrap().expect("a checkpoint");
    append_many(&db, 3).await;
    behind_the_logs_back(&db, "UPDATE audit_log SET object_id = 'annat' WHERE seq = 6").await;
    let refused = file.write(&db).await.unwrap_err().to_string();
    assert!(refused.contains("entry 6 was altered"), "{refused}");
    assert_eq!(file.text().lines().count(), 1);
});

on_both_backends!(old_keys_verify_old_entries_after_rotation, Migrated, |db| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.keys");
    let first = Keyring::load(&path, true).unwrap();
    let with_first = db.clone().with_audit_keys(Arc::new(first.clone()));
    append_many(&with_first, 3).await;
    let second = Keyring::add_key(&path).unwrap();
    let rotated = Keyring::load(&path, false).unwrap();
    assert_eq!(rotated.signing().id(), second.id());
    let with_both = db.clone().with_audit_keys(Arc::new(rotated));
    append_many(&with_both, 3).await;
    let ids: Vec<_> = entries(&db).await.into_iter().map(|e| e.key_id.unwrap()).collect();
    let (old, new) = (first.signing().id(), second.id());
    assert_eq!(ids, [old, old, old, new, new, new]);
    assert_eq!(entries_of(nara::audit::store::verify_chain(&with_both, &[]).await.unwrap()), Ok(6));
    // Without the old key, the first entry it signed is named.
    let without_old = db.clone().with_audit_keys(Arc::new(Keyring::new(vec![second]).unwrap()));
    let found = entries_of(nara::audit::store::verify_chain(&without_old, &[]).await.unwrap());
    assert_eq!(found, Err(ChainBreak::UnknownKey { seq: 1, key_id: old.to_string() }));
    assert!(!found.unwrap_err().is_tampering());
});

on_both_backends!(entries_from_before_keyed_hashing_are_taken_in_by_the_first_checkpoint, Migrated, |db| {
    let file = CheckpointFile::new();
    append_many(&db, 4).await;
    // As the log looked before migration 0013: plain SHA-256, no key ids.
    rewrite_from(&db, 1, |_| {}, Rehash::PlainAsIfOld).await;
    assert_eq!(file.verify(&db).await, Err(ChainBreak::Unanchored { last: 4 }));
    file.write(&db).await.unwrap().expect("the first checkpoint vouches for them");
    append_many(&db, 2).await;
    assert_eq!(file.verify(&db).await.map(|v| (v.entries, v.anchors)), Ok((6, 1)));
});

/// `nara audit …` on the SQLite database in `dir`.
fn nara_audit(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nara"))
        .arg("audit")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env("DATABASE_URL", sqlite_url(dir))
        .output()
        .unwrap()
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("nara.db").display())
}

/// The database in `dir`, signing with the data directory's audit keys as the server would.
async fn open_like_the_server(dir: &Path) -> Db {
    let db = Db::connect(&sqlite_url(dir)).await.unwrap();
    db.migrate().await.unwrap();
    db.with_audit_keys(Arc::new(Keyring::load(&dir.join("audit.keys"), true).unwrap()))
}

fn assert_one_line_error(output: &std::process::Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("nara: "), "{stderr}");
    assert!(stderr.contains(expected), "expected {expected:?} in {stderr}");
}

#[tokio::test]
async fn the_command_line_reports_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let db = open_like_the_server(dir.path()).await;
    append_many(&db, 5).await;
    let checkpoint = nara_audit(dir.path(), &["checkpoint"]);
    assert!(checkpoint.status.success(), "{}", String::from_utf8_lossy(&checkpoint.stderr));
    assert!(String::from_utf8_lossy(&checkpoint.stdout).contains("Kontrollpunkt skriven för post 5"));
    let intact = nara_audit(dir.path(), &["verify"]);
    let said = String::from_utf8_lossy(&intact.stdout);
    assert!(intact.status.success(), "{}", String::from_utf8_lossy(&intact.stderr));
    assert!(
        said.contains("Granskningsloggen är hel: 5 poster. (The audit log is intact: 5 entries.)"),
        "{said}"
    );
    assert!(said.contains("Kontrollpunkter: 1; den senaste gäller post 5"), "{said}");

    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq > 3").await;
    move_head_back(&db).await;
    let truncated = nara_audit(dir.path(), &["verify"]);
    assert_one_line_error(&truncated, "the audit log has been tampered with: entries 4 to 5 are missing");

    behind_the_logs_back(&db, "UPDATE audit_log SET actor_role = 'admin' WHERE seq = 2").await;
    assert_one_line_error(&nara_audit(dir.path(), &["verify"]), "entry 2 was altered");
}

#[tokio::test]
async fn checkpoints_kept_elsewhere_still_count_when_the_file_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let db = open_like_the_server(dir.path()).await;
    append_many(&db, 4).await;
    assert!(nara_audit(dir.path(), &["checkpoint"]).status.success());
    // The reviewer's copy (the line the e-mail carries), then the server's file removed.
    let file = dir.path().join(checkpoint::FILE_NAME);
    let kept = dir.path().join("mailed.jsonl");
    std::fs::copy(&file, &kept).unwrap();
    std::fs::remove_file(&file).unwrap();
    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq > 2").await;
    move_head_back(&db).await;
    assert!(nara_audit(dir.path(), &["verify"]).status.success(), "without any checkpoint it cannot tell");
    let with_copy = nara_audit(dir.path(), &["verify", "--checkpoints", kept.to_str().unwrap()]);
    assert_one_line_error(&with_copy, "entries 3 to 4 are missing");
}

#[tokio::test]
async fn a_new_key_signs_after_a_restart_and_the_old_one_still_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = open_like_the_server(dir.path()).await;
    append_many(&db, 2).await;
    let added = nara_audit(dir.path(), &["new-key"]);
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let restarted = open_like_the_server(dir.path()).await;
    append_many(&restarted, 2).await;
    let key_ids: std::collections::BTreeSet<_> =
        entries(&restarted).await.into_iter().map(|e| e.key_id.unwrap()).collect();
    assert_eq!(key_ids.len(), 2);
    let verified = nara_audit(dir.path(), &["verify"]);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
}

#[tokio::test]
async fn the_server_writes_a_checkpoint_when_it_starts_and_when_it_stops() {
    let dir = tempfile::tempdir().unwrap();
    let db = open_like_the_server(dir.path()).await;
    append_many(&db, 3).await;
    let mut server = Command::new(env!("CARGO_BIN_EXE_nara"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("DATABASE_URL", sqlite_url(dir.path()))
        .env("NARA_METRICS_BIND", "127.0.0.1:0")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Waits for the log line that says how the first checkpoint went.
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let first = lines.by_ref().map_while(Result::ok).find(|line| line.contains("audit checkpoint"));
    std::thread::spawn(move || for _ in lines {});
    assert!(first.as_deref().is_some_and(|line| line.contains("written")), "at start: {first:?}");
    let file = dir.path().join(checkpoint::FILE_NAME);
    let at_start = std::fs::read_to_string(&file).unwrap();
    append_many(&db, 2).await;

    Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let at_stop = std::fs::read_to_string(&file).unwrap();
    assert!(at_stop.starts_with(&at_start));
    let seqs: Vec<i64> =
        at_stop.lines().map(|line| serde_json::from_str::<Checkpoint>(line).unwrap().seq).collect();
    assert_eq!(seqs, [3, 5]);
}
