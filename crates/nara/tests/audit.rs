//! The audit log's hash chain on both databases: concurrent appends stay one chain, the tables
//! refuse changes, and any change made behind their back is found by `verify`.

mod common;

use nara::audit::{Action, AuditActor, AuditEvent, ChainBreak};
use nara::db::{Backend, Db};

async fn append_many(db: &Db, n: usize) {
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let event =
                    AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account").object(i);
                db.append_audit(&event).await.unwrap()
            })
        })
        .collect();
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.push(task.await.unwrap());
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=n as i64).collect::<Vec<_>>(), "one unbroken sequence");
}

/// Runs SQL the way an intruder with database access would: triggers out of the way first.
async fn behind_the_logs_back(db: &Db, sql: &str) {
    let disable = match db.backend() {
        Backend::Sqlite => "DROP TRIGGER IF EXISTS audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER USER",
    };
    let also = match db.backend() {
        Backend::Sqlite => "DROP TRIGGER IF EXISTS audit_log_no_delete",
        Backend::Postgres => "SELECT 1",
    };
    nara::on_pool!(db, pool => {
        for statement in [disable, also, sql] {
            sqlx::query(sqlx::AssertSqlSafe(statement.to_string())).execute(pool).await.unwrap();
        }
    });
}

on_both_backends!(concurrent_appends_form_one_verifiable_chain, Migrated, |db| {
    append_many(&db, 40).await;
    assert_eq!(db.verify_audit_chain().await.unwrap(), Ok(40));
});

on_both_backends!(the_log_refuses_updates_and_deletes, Migrated, |db| {
    append_many(&db, 3).await;
    let update: Result<_, sqlx::Error> = nara::on_pool!(&db, pool => sqlx::query("UPDATE audit_log SET purpose = 'x' WHERE seq = 2").execute(pool).await.map(drop));
    assert!(update.is_err());
    let delete: Result<_, sqlx::Error> = nara::on_pool!(&db, pool => sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(pool).await.map(drop));
    assert!(delete.is_err());
    assert_eq!(db.verify_audit_chain().await.unwrap(), Ok(3));
});

on_both_backends!(an_altered_entry_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "UPDATE audit_log SET object_id = 'annat' WHERE seq = 6").await;
    assert_eq!(db.verify_audit_chain().await.unwrap(), Err(ChainBreak::Altered { seq: 6 }));
});

on_both_backends!(a_removed_entry_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq = 4").await;
    assert_eq!(db.verify_audit_chain().await.unwrap(), Err(ChainBreak::Missing { expected: 4, found: 5 }));
});

on_both_backends!(removing_the_newest_entries_is_found, Migrated, |db| {
    append_many(&db, 10).await;
    behind_the_logs_back(&db, "DELETE FROM audit_log WHERE seq > 8").await;
    assert_eq!(db.verify_audit_chain().await.unwrap(), Err(ChainBreak::Truncated { last: 8, head: 10 }));
});

#[tokio::test]
async fn the_command_line_reports_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("nara.db").display());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    append_many(&db, 5).await;
    let verify = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_nara"))
            .args(["audit", "verify", "--data-dir"])
            .arg(dir.path())
            .env("DATABASE_URL", &url)
            .output()
            .unwrap()
    };
    let intact = verify();
    assert!(intact.status.success());
    assert!(String::from_utf8_lossy(&intact.stdout).contains("5"));
    behind_the_logs_back(&db, "UPDATE audit_log SET actor_role = 'admin' WHERE seq = 3").await;
    let tampered = verify();
    assert!(!tampered.status.success());
    assert!(String::from_utf8_lossy(&tampered.stderr).contains("entry 3 was altered"));
}
