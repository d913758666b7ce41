//! The storage contract: every test runs on SQLite and on PostgreSQL.

use nara::db::{Backend, UtcTime};
use nara::help_areas::HelpArea;

fn area(slug: &str, position: i32) -> HelpArea {
    HelpArea {
        slug: slug.to_string(),
        position,
        name_sv: format!("Namn {slug}"),
        name_en: format!("Name {slug}"),
        summary_sv: "Kort om stödet, på svenska: åäö.".to_string(),
        summary_en: "About the support, in English.".to_string(),
    }
}

on_both_backends!(a_new_database_has_every_migration_pending, Empty, |db| {
    let status = db.migration_status().await.unwrap();
    assert!(status.applied.is_empty());
    assert_eq!(status.pending, nara::db::migration_versions(db.backend()));
    assert!(!status.is_current());
});

on_both_backends!(migrating_twice_is_harmless_and_leaves_the_schema_current, Empty, |db| {
    db.migrate().await.unwrap();
    db.migrate().await.unwrap();
    let status = db.migration_status().await.unwrap();
    assert!(status.is_current(), "{status:?}");
    assert_eq!(status.applied.len(), nara::db::migration_versions(Backend::Sqlite).len());
});

on_both_backends!(help_areas_come_back_in_position_order_with_their_text_intact, Migrated, |db| {
    assert!(nara::help_areas::store::list(&db).await.unwrap().is_empty());
    nara::help_areas::store::upsert(&db, &area("boende", 2)).await.unwrap();
    nara::help_areas::store::upsert(&db, &area("barn-och-familj", 1)).await.unwrap();
    let areas = nara::help_areas::store::list(&db).await.unwrap();
    assert_eq!(*areas, vec![area("barn-och-familj", 1), area("boende", 2)]);
});

on_both_backends!(upserting_an_existing_area_replaces_it_instead_of_adding_one, Migrated, |db| {
    nara::help_areas::store::upsert(&db, &area("boende", 1)).await.unwrap();
    let mut changed = area("boende", 5);
    changed.name_sv = "Bostad".to_string();
    nara::help_areas::store::upsert(&db, &changed).await.unwrap();
    assert_eq!(*nara::help_areas::store::list(&db).await.unwrap(), vec![changed]);
});

on_both_backends!(demo_seeding_is_idempotent, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    let first = nara::help_areas::store::list(&db).await.unwrap();
    nara::demo::seed(&db).await.unwrap();
    assert_eq!(nara::help_areas::store::list(&db).await.unwrap(), first);
    assert!(first.len() >= 10);
    assert!(first.iter().all(|a| !a.name_sv.is_empty() && !a.name_en.is_empty()));
});

on_both_backends!(times_round_trip_exactly_and_sort_by_time, Migrated, |db| {
    let base = UtcTime::now();
    let times = [
        UtcTime(base.0 + chrono::Duration::seconds(10)),
        base,
        UtcTime(base.0 + chrono::Duration::microseconds(1)),
    ];
    let create = match db.backend() {
        Backend::Sqlite => "CREATE TABLE test_times (at TEXT NOT NULL)",
        Backend::Postgres => "CREATE TABLE test_times (at TIMESTAMPTZ NOT NULL)",
    };
    db.sql().execute(create, &[]).await.unwrap();
    for t in times {
        db.sql().execute("INSERT INTO test_times (at) VALUES ($1)", &[&t]).await.unwrap();
    }
    let sorted: Vec<UtcTime> = db.sql().column("SELECT at FROM test_times ORDER BY at", &[]).await.unwrap();
    let mut expected = times.to_vec();
    expected.sort();
    assert_eq!(sorted, expected);
});

#[derive(Debug, PartialEq, sqlx::FromRow)]
struct Probe {
    id: uuid::Uuid,
    name: String,
    note: Option<String>,
    count: i64,
    done: bool,
    at: UtcTime,
}

const PROBE_TABLE: &str = "CREATE TABLE probe (id UUID PRIMARY KEY, name TEXT NOT NULL, note TEXT, \
     count BIGINT NOT NULL, done BOOLEAN NOT NULL, at TIMESTAMPTZ NOT NULL)";
const INSERT_PROBE: &str =
    "INSERT INTO probe (id, name, note, count, done, at) VALUES ($1, $2, $3, $4, $5, $6)";

on_both_backends!(one_sql_text_binds_and_reads_the_same_types_on_both, Migrated, |db| {
    db.sql().execute(PROBE_TABLE, &[]).await.unwrap();
    let at = UtcTime::now();
    let written =
        Probe { id: uuid::Uuid::new_v4(), name: "Åsa".into(), note: None, count: 7, done: true, at };
    let p = &written;
    let changed =
        db.sql().execute(INSERT_PROBE, &[&p.id, &p.name, &p.note, &p.count, &p.done, &p.at]).await.unwrap();
    assert_eq!(changed, 1);
    let read: Probe = db.sql().one("SELECT * FROM probe WHERE id = $1", &[&p.id]).await.unwrap();
    assert_eq!(read.name, "Åsa");
    assert_eq!((read.note, read.count, read.done), (None, 7, true));
    assert_eq!(read.at.0.timestamp_micros(), at.0.timestamp_micros());
    let names: Vec<String> = db.sql().column("SELECT name FROM probe", &[]).await.unwrap();
    assert_eq!(names, vec!["Åsa".to_string()]);
    let missing: Option<i64> =
        db.sql().value("SELECT count FROM probe WHERE id = $1", &[&uuid::Uuid::nil()]).await.unwrap();
    assert_eq!(missing, None);
    assert!(matches!(
        db.sql().one::<Probe>("SELECT * FROM probe WHERE name = $1", &[&"ingen"]).await,
        Err(sqlx::Error::RowNotFound)
    ));
});

async fn insert(tx: &mut nara::db::Tx, name: &str) -> Result<u64, sqlx::Error> {
    let id = uuid::Uuid::new_v4();
    tx.sql().execute(INSERT_PROBE, &[&id, &name, &None::<String>, &1_i64, &false, &UtcTime::now()]).await
}

on_both_backends!(a_transaction_commits_whole_or_leaves_nothing, Migrated, |db| {
    db.sql().execute(PROBE_TABLE, &[]).await.unwrap();
    // Dropped without commit: rolled back.
    let mut tx = db.begin_write().await.unwrap();
    insert(&mut tx, "ett").await.unwrap();
    insert(&mut tx, "två").await.unwrap();
    drop(tx);
    assert_eq!(db.sql().value::<i64>("SELECT COUNT(*) FROM probe", &[]).await.unwrap(), Some(0));
    // A failing statement leaves the transaction to be dropped, and nothing of it stays.
    let mut tx = db.begin().await.unwrap();
    insert(&mut tx, "tre").await.unwrap();
    assert!(tx.sql().execute("INSERT INTO probe (id) VALUES ($1)", &[&uuid::Uuid::new_v4()]).await.is_err());
    drop(tx);
    assert_eq!(db.sql().value::<i64>("SELECT COUNT(*) FROM probe", &[]).await.unwrap(), Some(0));
    // Committed: all of it.
    let mut tx = db.begin_write().await.unwrap();
    insert(&mut tx, "fyra").await.unwrap();
    insert(&mut tx, "fem").await.unwrap();
    assert_eq!(tx.backend(), db.backend());
    tx.commit().await.unwrap();
    assert_eq!(db.sql().value::<i64>("SELECT COUNT(*) FROM probe", &[]).await.unwrap(), Some(2));
});

on_both_backends!(an_actions_audit_entry_and_mail_commit_with_it_or_not_at_all, Migrated, |db| {
    use nara::audit::{Action, AuditActor, AuditEvent};
    let event = AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "account").object("a");
    let email = nara::mail::Email { to: "a@example.se".into(), subject: "Ämne".into(), body: "Text".into() };
    let count = |sql: &'static str| {
        let db = db.clone();
        async move { db.sql().value::<i64>(sql, &[]).await.unwrap().unwrap() }
    };
    // Rolled back: neither the entry nor the message, and the chain is as it was.
    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(nara::audit::store::append(&mut tx, &event).await.unwrap(), 1);
    nara::mail::store::enqueue(&mut tx, &email).await.unwrap();
    drop(tx);
    assert_eq!(count("SELECT COUNT(*) FROM audit_log").await, 0);
    assert_eq!(count("SELECT COUNT(*) FROM outbox").await, 0);
    // Committed: both, and the chain goes on from where it stood.
    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(nara::audit::store::append(&mut tx, &event).await.unwrap(), 1);
    assert_eq!(nara::audit::store::append(&mut tx, &event).await.unwrap(), 2);
    nara::mail::store::enqueue(&mut tx, &email).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(count("SELECT COUNT(*) FROM audit_log").await, 2);
    assert_eq!(count("SELECT COUNT(*) FROM outbox").await, 1);
    assert_eq!(nara::audit::store::verify_chain(&db, &[]).await.unwrap().map(|v| v.entries), Ok(2));
    // A deferred transaction may not append: it could fail to take the lock halfway.
    let mut read = db.begin().await.unwrap();
    assert!(nara::audit::store::append(&mut read, &event).await.is_err());
});

on_both_backends!(public_reads_are_remembered_until_a_public_table_changes, Migrated, |db| {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let loads = AtomicUsize::new(0);
    let read = || async {
        db.remembered("test::areas", String::new(), || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Ok(nara::help_areas::store::list(&db).await?.len())
        })
        .await
        .unwrap()
    };
    // Migrating may itself log a change (the plain-language word list is seeded then).
    let logged =
        || async { db.sql().value::<i64>("SELECT COUNT(*) FROM data_changes", &[]).await.unwrap().unwrap() };
    let logged_before = logged().await;
    nara::help_areas::store::upsert(&db, &area("boende", 1)).await.unwrap();
    assert_eq!(*read().await, 1);
    assert_eq!(*read().await, 1);
    assert_eq!(loads.load(Ordering::SeqCst), 1, "the second read comes from memory");
    // A write to a table no public page shows changes nothing remembered.
    let person = crate::common::app::person(&db, "someone@example.se", "Someone", &[]).await;
    nara::sessions::store::start_session(&db, person).await.unwrap();
    assert_eq!(*read().await, 1);
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    // A write to one that does (on the pool here; in a transaction it is the same) is read anew,
    // and is in the change log other processes follow.
    let before = db.data_generation();
    nara::help_areas::store::upsert(&db, &area("barn-och-familj", 2)).await.unwrap();
    assert_ne!(db.data_generation(), before);
    assert_eq!(*read().await, 2);
    assert_eq!(loads.load(Ordering::SeqCst), 2);
    assert_eq!(logged().await - logged_before, 2, "one line per change of public data");
});

on_both_backends!(a_change_made_by_another_process_is_seen_when_the_log_is_followed, Migrated, |db| {
    nara::help_areas::store::upsert(&db, &area("boende", 1)).await.unwrap();
    // Another `Db` over the same database stands for another process: it remembers on its own.
    let other = db.as_another_process();
    assert_eq!(nara::help_areas::store::list(&other).await.unwrap().len(), 1);
    nara::help_areas::store::upsert(&db, &area("barn-och-familj", 2)).await.unwrap();
    assert_eq!(nara::help_areas::store::list(&other).await.unwrap().len(), 1, "still remembered");
    other.follow_changes().await.unwrap();
    assert_eq!(nara::help_areas::store::list(&other).await.unwrap().len(), 2);
});

on_both_backends!(a_readers_statements_share_one_connection_and_start_no_transaction, Migrated, |db| {
    let reader = db.reader().await.unwrap();
    // A temporary table lives on the connection that made it: the reader's next statement sees
    // it, the pool (which cannot hand out the held connection) does not.
    reader.sql().execute("CREATE TEMPORARY TABLE reader_probe (x INTEGER)", &[]).await.unwrap();
    reader.sql().execute("INSERT INTO reader_probe (x) VALUES (1)", &[]).await.unwrap();
    let count = "SELECT COUNT(*) FROM reader_probe";
    assert_eq!(reader.sql().value::<i64>(count, &[]).await.unwrap(), Some(1));
    assert!(db.sql().value::<i64>(count, &[]).await.is_err(), "not on the reader's connection");
    // Two statements at once: the second waits for the first on the held connection (the pool
    // still cannot see the temporary table).
    let (a, b) = tokio::join!(reader.sql().value::<i64>(count, &[]), reader.sql().value::<i64>(count, &[]));
    assert_eq!((a.unwrap(), b.unwrap()), (Some(1), Some(1)));
    // What would take a second connection while this one is held is refused, public writes too.
    assert!(reader.begin().await.is_err());
    assert!(reader.begin_write().await.is_err());
    let event = nara::audit::AuditEvent::new(
        nara::audit::AuditActor::system(),
        nara::audit::Action::CasesListed,
        "test",
    );
    assert!(nara::audit::store::record(&reader, &event).await.is_err());
    assert!(nara::help_areas::store::upsert(&reader, &area("boende", 1)).await.is_err());
    assert!(nara::help_areas::store::list(&db).await.unwrap().is_empty(), "nothing was written");
    // Dropped, its connection is kept aside and reused by the next reader (`db::lease`): the
    // temporary table shows it is the same connection. The pool writes as before.
    drop(reader);
    let next = db.reader().await.unwrap();
    assert_eq!(next.sql().value::<i64>(count, &[]).await.unwrap(), Some(1));
    drop(next);
    nara::help_areas::store::upsert(&db, &area("boende", 1)).await.unwrap();
    nara::audit::store::record(&db, &event).await.unwrap();
});

on_both_backends!(a_reader_that_gave_up_a_statement_leaves_the_next_readers_their_answers, Migrated, |db| {
    // Given up halfway, as when a request goes away: the reader's connection is not kept aside
    // but goes back to sqlx to be cleaned up, and the next readers get their own answers.
    let reader = db.reader().await.unwrap();
    let given_up =
        tokio::time::timeout(std::time::Duration::from_millis(20), reader.sql().value::<i64>(slow(&db), &[]));
    assert!(given_up.await.is_err(), "the slow statement was given up");
    drop(reader);
    for n in 0..20_i64 {
        let next = db.reader().await.unwrap();
        assert_eq!(next.sql().value::<i64>("SELECT $1", &[&n]).await.unwrap(), Some(n));
    }
    db.close().await;
});

/// A statement that takes a while on either database.
fn slow(db: &nara::db::Db) -> &'static str {
    match db.backend() {
        Backend::Sqlite => {
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) \
             SELECT COUNT(*) FROM n"
        }
        Backend::Postgres => "SELECT COUNT(*) FROM (SELECT pg_sleep(0.5)) AS slow",
    }
}

/// A PostgreSQL connection is not pinged before each statement (that was a second round trip
/// each), but one that has waited in the pool is: closed by the server meanwhile (a restart, an
/// administrator), it is replaced before use instead of failing the request.
#[tokio::test]
async fn a_postgres_connection_closed_while_idle_is_replaced_before_use() {
    use std::str::FromStr;
    let Some(url) = crate::common::postgres_url() else { return };
    let name = format!("nara_idle_{}", uuid::Uuid::new_v4().simple());
    let options = sqlx::postgres::PgConnectOptions::from_str(&url).unwrap().application_name(&name);
    let db = nara::db::Db::connect_postgres(options).await.unwrap();
    let admin = nara::db::Db::connect_postgres(sqlx::postgres::PgConnectOptions::from_str(&url).unwrap())
        .await
        .unwrap();
    assert_eq!(db.sql().value::<i32>("SELECT 1", &[]).await.unwrap(), Some(1));
    let sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1";
    let closed: Vec<bool> = admin.sql().column(sql, &[&name]).await.unwrap();
    assert!(!closed.is_empty() && closed.iter().all(|c| *c), "{closed:?}");
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    assert_eq!(db.sql().value::<i32>("SELECT 2", &[]).await.unwrap(), Some(2));
    db.close().await;
    admin.close().await;
}

on_both_backends!(a_statement_given_up_or_refused_leaves_the_next_ones_their_answers, Migrated, |db| {
    // A statement on its own runs on the connection the last one kept aside (`db::lease`): one
    // after another, statements find what the last one left on it.
    db.sql().execute("CREATE TEMPORARY TABLE lease_probe (x INTEGER)", &[]).await.unwrap();
    assert_eq!(db.sql().value::<i64>("SELECT COUNT(*) FROM lease_probe", &[]).await.unwrap(), Some(0));
    // Refused by the database: its connection goes back to the pool to be checked, and the next
    // statements run as ever.
    assert!(db.sql().execute("INSERT INTO no_such_table (x) VALUES (1)", &[]).await.is_err());
    assert_eq!(db.sql().value::<i32>("SELECT 1", &[]).await.unwrap(), Some(1));
    // Given up halfway, as when a request goes away: the connection goes back to sqlx to be
    // cleaned up, and the statements after it get their own answers, not the slow one's.
    let given_up =
        tokio::time::timeout(std::time::Duration::from_millis(20), db.sql().value::<i64>(slow(&db), &[]));
    assert!(given_up.await.is_err(), "the slow statement was given up");
    for n in 0..20_i64 {
        assert_eq!(db.sql().value::<i64>("SELECT $1", &[&n]).await.unwrap(), Some(n));
    }
    db.close().await;
});

on_both_backends!(attempts_counted_together_are_judged_as_if_they_came_one_by_one, Migrated, |db| {
    use nara::rate_limit::{Limit, store};
    use std::time::Duration;
    let three = Limit { max: 3, window: Duration::from_secs(3600) };
    let one_a_minute = Limit { max: 1, window: Duration::from_secs(60) };
    // "anna" already tried twice; "bo" never; "cleo" counts in a shorter window.
    for _ in 0..2 {
        assert!(store::hit(&db, "anna", three).await.unwrap());
    }
    let attempts = [
        ("bo", three),
        ("anna", three),
        ("cleo", one_a_minute),
        ("anna", three),
        ("bo", three),
        ("cleo", one_a_minute),
    ];
    let mut tx = db.begin_write().await.unwrap();
    let allowed = store::hit_all(&mut tx, &attempts).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(allowed, [true, true, true, false, true, false]);
    // The counts went on from there: one more for "bo" is its third, a fourth for it is refused.
    assert!(store::hit(&db, "bo", three).await.unwrap());
    assert!(!store::hit(&db, "bo", three).await.unwrap());
    assert!(!store::hit(&db, "anna", three).await.unwrap());
    // A window that has closed starts again with the batch's attempts.
    let mut tx = db.begin_write().await.unwrap();
    let none_left = Limit { max: 1, window: Duration::ZERO };
    assert_eq!(
        store::hit_all(&mut tx, &[("anna", none_left), ("anna", none_left)]).await.unwrap(),
        [true, false]
    );
    tx.commit().await.unwrap();
    // So does one attempt on its own: "bo" is over its hourly limit, but not in a closed window.
    assert!(store::hit(&db, "bo", none_left).await.unwrap());
});
