//! Every state-changing route commits all of its writes or none of them, on both databases.
//!
//! For each `POST` route of the route table a scenario prepares a request that succeeds (a fresh
//! object each time, so it can be prepared again in the same world). The request is then sent
//! with the database made to fail at its 1st, 2nd, 3rd … step (a statement, `BEGIN` or `COMMIT`,
//! see `nara::db::FaultPlan`) until a run reaches its end without the fault. After every failed
//! run the whole database must be as it was before (nothing of the action kept), or, where the
//! failure came after the action committed, changed exactly as a run without faults changes it
//! (everything kept); and the audit chain must verify. A route without a scenario fails
//! `every_post_route_has_a_scenario`, so a new route is covered the day it is added.

mod accounts;
mod assignments;
mod cases;
mod directory;
mod events;
mod goals;
mod grants;
mod ideas;
mod leisure;
mod plain_language;
mod plans;
mod reporters;
mod surveys;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::http::{Method, StatusCode};
use nara::db::{Backend, Db, FaultPlan};
use nara::identity::RoleGrant;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use crate::common::app::{Answer, TestApp, person};

/// (field, file name for a file, content): one part of a `multipart/form-data` body.
pub type Part = (String, Option<String>, Vec<u8>);

/// One request a scenario prepared: a form post, or a multipart upload when `files` is set.
pub struct Request {
    pub path: String,
    pub form: Vec<(String, String)>,
    /// The parts of a `multipart/form-data` body.
    pub parts: Option<Vec<Part>>,
    pub session: Option<String>,
}

impl Request {
    pub fn post(path: impl Into<String>, form: &[(&str, &str)], session: Option<&str>) -> Self {
        Self {
            path: path.into(),
            form: form.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            parts: None,
            session: session.map(str::to_string),
        }
    }

    pub fn multipart(
        path: impl Into<String>,
        parts: &[(&str, Option<&str>, &[u8])],
        session: Option<&str>,
    ) -> Self {
        let parts =
            parts.iter().map(|(k, file, v)| (k.to_string(), file.map(str::to_string), v.to_vec())).collect();
        Self { path: path.into(), form: Vec::new(), parts: Some(parts), session: session.map(str::to_string) }
    }
}

/// The demo, an app over it that prepares scenarios, and the same app over a database that fails
/// where the plan says.
pub struct World {
    pub db: Db,
    pub app: TestApp,
    faulty: TestApp,
    plan: Arc<FaultPlan>,
    serial: AtomicU32,
    snapshot_query: String,
}

impl World {
    async fn new(db: Db) -> Arc<Self> {
        nara::demo::seed(&db).await.expect("the demo seeds");
        let plan = Arc::new(FaultPlan::new());
        let app = TestApp::new(db.clone());
        let mut faulty = app.over(db.clone().with_fault_plan(plan.clone()));
        faulty.tolerate_server_errors = true;
        let snapshot_query = snapshot_query(&db).await;
        Arc::new(Self { app, db, faulty, plan, serial: AtomicU32::new(0), snapshot_query })
    }

    /// A word not used before in this world: for addresses, e-mails and names.
    pub fn unique(&self, prefix: &str) -> String {
        format!("{prefix}{}", self.serial.fetch_add(1, Ordering::SeqCst))
    }

    /// A new person with a verified address, the test password and these roles.
    pub async fn person(&self, grants: &[RoleGrant]) -> (Uuid, String) {
        let email = format!("{}@example.se", self.unique("person"));
        let id = person(&self.db, &email, &self.unique("Person "), grants).await;
        (id, email)
    }

    /// A new session of a person.
    pub async fn session(&self, id: Uuid) -> String {
        nara::sessions::store::start_session(&self.db, id).await.unwrap()
    }

    /// A demo person's id, by e-mail.
    pub async fn demo(&self, email: &str) -> Uuid {
        let found = nara::identity::store::person_by_email(
            &self.db,
            &nara::identity::EmailAddress::parse(email).unwrap(),
        )
        .await
        .unwrap();
        found.unwrap_or_else(|| panic!("{email} is in the demo")).0.id
    }

    /// A new session of a demo person.
    pub async fn demo_session(&self, email: &str) -> String {
        self.session(self.demo(email).await).await
    }

    pub async fn unit(&self, slug: &str) -> Uuid {
        let units = nara::identity::store::list_units(&self.db).await.unwrap();
        units.iter().find(|u| u.slug == slug).unwrap_or_else(|| panic!("unit {slug}")).id
    }

    async fn send(&self, app: &TestApp, request: &Request) -> Answer {
        // Dozens of runs of one action from one address would otherwise meet the rate limits.
        self.db.sql().execute("DELETE FROM rate_limits", &[]).await.unwrap();
        match &request.parts {
            Some(parts) => {
                let parts: Vec<(&str, Option<&str>, &[u8])> =
                    parts.iter().map(|(k, file, v)| (k.as_str(), file.as_deref(), v.as_slice())).collect();
                app.post_multipart(&request.path, &parts, request.session.as_deref()).await
            }
            None => {
                let form: Vec<(&str, &str)> =
                    request.form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                app.send(Method::POST, &request.path, &form, request.session.as_deref()).await
            }
        }
    }
}

/// Checks every route of a group in one world; returns how many runs failed on purpose.
pub async fn check_all<F, Fut>(db: Db, routes: &[&'static str], prepare: F) -> u64
where
    F: Fn(&'static str, Arc<World>) -> Fut,
    Fut: Future<Output = Request>,
{
    let world = World::new(db).await;
    let mut faults = 0;
    for route in routes {
        let steps = check(&world, route, &prepare).await;
        eprintln!("{route}: failed at each of its {steps} steps");
        faults += steps;
    }
    faults
}

async fn check<F, Fut>(world: &Arc<World>, route: &'static str, prepare: &F) -> u64
where
    F: Fn(&'static str, Arc<World>) -> Fut,
    Fut: Future<Output = Request>,
{
    let request = prepare(route, world.clone()).await;
    let before = snapshot(world).await;
    for n in 1.. {
        world.plan.arm(n);
        let answer = world.send(&world.faulty, &request).await;
        let fired = world.plan.disarm();
        let what = format!("{route} ({}), failing at step {n}", request.path);
        let verified = nara::audit::store::verify_chain(&world.db, &[]).await.unwrap();
        assert!(verified.is_ok(), "{what}: the audit chain no longer verifies: {verified:?}");
        let after = snapshot(world).await;
        if !fired {
            assert!(
                answer.status.is_success() || answer.status.is_redirection(),
                "{what}: the scenario must succeed without faults, got {}: {}",
                answer.status,
                answer.body
            );
            assert!(n > 1, "{what}: the action ran no statement");
            // A scenario that writes nothing would pass without proving anything.
            assert!(after != before || CHANGE_NOTHING.contains(&route), "{what}: the action changed nothing");
            return n - 1;
        }
        if after == before {
            assert_ne!(answer.status, StatusCode::OK, "{what}: a failed action must not look done");
            continue;
        }
        // Something was kept: the action must have committed whole before the failure.
        let kept = delta(&before, &after);
        let again = prepare(route, world.clone()).await;
        let before_again = snapshot(world).await;
        let done = world.send(&world.app, &again).await;
        assert!(done.status.is_success() || done.status.is_redirection(), "{route}: {}", done.status);
        let whole = delta(&before_again, &snapshot(world).await);
        assert_eq!(kept, whole, "{what}: part of the action was kept (left: kept, right: a whole run)");
        return n;
    }
    unreachable!()
}

/// Routes whose whole effect is what every request does anyway: extending the session is the
/// visit itself (its last activity moves, see `VOLATILE`); the plain-language checker only
/// answers, counting the request in `rate_limits`.
const CHANGE_NOTHING: &[&str] = &["/session/forlang", "/api/v1/klarsprak"];

/// Tables written on their own, before the action and whatever becomes of it, by design.
const ON_THEIR_OWN: &[(&str, &str)] = &[(
    "rate_limits",
    "an attempt counts even when the action then fails: a failing database must not open the \
     door to guessing passwords",
)];

/// Columns that change on every request, whatever the action: the session's last activity.
const VOLATILE: &[(&str, &str)] = &[("sessions", "last_seen_at")];

/// One query that reads every row of every table as (table, row as text).
async fn snapshot_query(db: &Db) -> String {
    let tables_query = match db.backend() {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite%' AND name NOT LIKE '_sqlx%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
             AND table_type = 'BASE TABLE' AND table_name NOT LIKE '_sqlx%' ORDER BY table_name"
        }
    };
    let tables: Vec<String> = db.sql().column(tables_query, &[]).await.unwrap();
    let mut selects = Vec::new();
    for table in tables.into_iter().filter(|t| !ON_THEIR_OWN.iter().any(|(own, _)| own == t)) {
        let columns_of = match db.backend() {
            Backend::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
            Backend::Postgres => {
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        let columns: Vec<String> = db.sql().column(columns_of, &[&table]).await.unwrap();
        let shown: Vec<String> = columns
            .iter()
            .filter(|c| !VOLATILE.contains(&(table.as_str(), c.as_str())))
            .map(|c| match db.backend() {
                Backend::Sqlite => format!("quote(\"{c}\")"),
                Backend::Postgres => format!("coalesce(\"{c}\"::text, 'NULL')"),
            })
            .collect();
        selects.push(match db.backend() {
            Backend::Sqlite => {
                format!("SELECT '{table}', {} FROM \"{table}\"", shown.join(" || char(31) || "))
            }
            Backend::Postgres => {
                format!("SELECT '{table}', concat_ws(chr(31), {}) FROM \"{table}\"", shown.join(", "))
            }
        });
    }
    selects.join(" UNION ALL ")
}

/// Every row of every table, as text, sorted per table.
async fn snapshot(world: &World) -> BTreeMap<String, Vec<String>> {
    // Names come from the schema itself, quoted: nothing from outside reaches this text.
    let rows: Vec<(String, String)> =
        world.db.sql().all(AssertSqlSafe(world.snapshot_query.clone()), &[]).await.unwrap();
    let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, row) in rows {
        all.entry(table).or_default().push(row);
    }
    for rows in all.values_mut() {
        rows.sort();
    }
    all
}

/// Per table, how many rows appeared and how many went (a changed row is one of each).
fn delta(
    before: &BTreeMap<String, Vec<String>>,
    after: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, (usize, usize)> {
    let mut changes = BTreeMap::new();
    for (table, rows) in after {
        let old = before.get(table).map(Vec::as_slice).unwrap_or_default();
        let (added, removed) = (minus(rows, old), minus(old, rows));
        if added + removed > 0 {
            changes.insert(table.clone(), (added, removed));
        }
    }
    changes
}

/// How many rows of `a` are not matched by a row of `b` (as multisets).
fn minus(a: &[String], b: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for row in b {
        *left.entry(row).or_default() += 1;
    }
    a.iter()
        .filter(|row| match left.get_mut(row.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .count()
}

on_both_backends!(accounts_and_administration_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::accounts::ROUTES, super::accounts::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(the_directory_commits_whole, Migrated, |db| {
    let faults = super::check_all(db, super::directory::ROUTES, super::directory::prepare).await;
    assert!(faults > 10, "{faults} failed runs");
});

on_both_backends!(events_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::events::ROUTES, super::events::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(cases_bookings_and_applications_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::cases::ROUTES, super::cases::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(placements_and_sentences_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::goals::ROUTES, super::goals::prepare).await;
    assert!(faults > 8, "{faults} failed runs");
});

on_both_backends!(plans_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::plans::ROUTES, super::plans::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(grants_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::grants::ROUTES, super::grants::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(
    the_plain_language_checker_writes_nothing_but_its_count_and_the_word_list_commits_whole,
    Migrated,
    |db| {
        let faults =
            super::check_all(db, super::plain_language::ROUTES, super::plain_language::prepare).await;
        assert!(faults >= 1, "{faults} failed runs");
    }
);

on_both_backends!(ideas_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::ideas::ROUTES, super::ideas::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

on_both_backends!(the_leisure_bank_commits_whole, Migrated, |db| {
    let faults = super::check_all(db, super::leisure::ROUTES, super::leisure::prepare).await;
    assert!(faults > 15, "{faults} failed runs");
});

on_both_backends!(reporters_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::reporters::ROUTES, super::reporters::prepare).await;
    assert!(faults > 15, "{faults} failed runs");
});

on_both_backends!(assignments_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::assignments::ROUTES, super::assignments::prepare).await;
    assert!(faults > 10, "{faults} failed runs");
});

on_both_backends!(surveys_commit_whole, Migrated, |db| {
    let faults = super::check_all(db, super::surveys::ROUTES, super::surveys::prepare).await;
    assert!(faults > 20, "{faults} failed runs");
});

#[test]
fn every_post_route_has_a_scenario() {
    let covered: BTreeSet<&str> = [
        accounts::ROUTES,
        directory::ROUTES,
        events::ROUTES,
        cases::ROUTES,
        plans::ROUTES,
        grants::ROUTES,
        goals::ROUTES,
        ideas::ROUTES,
        plain_language::ROUTES,
        leisure::ROUTES,
        reporters::ROUTES,
        assignments::ROUTES,
        surveys::ROUTES,
    ]
    .concat()
    .into_iter()
    .collect();
    let posts: BTreeSet<&str> = nara::web::routes::table()
        .into_iter()
        .filter(|route| route.method == Method::POST)
        .map(|route| route.path)
        .collect();
    let missing: Vec<_> = posts.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&posts).collect();
    assert!(missing.is_empty(), "POST routes without an atomicity scenario: {missing:?}");
    assert!(stale.is_empty(), "scenarios for routes that are gone: {stale:?}");
}
