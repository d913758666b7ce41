//! The access matrix: every route of the route table, in every language, for every kind of
//! person, on both databases. A route cannot exist outside the table, so a new route is covered
//! the moment it is added; its expected access is the table's own `Access`, checked here from
//! outside through real requests.

use crate::common;

use axum::http::{Method, StatusCode};
use common::app::{TestApp, person};
use common::cast::{Cast, FORM, allowed, cast, concrete};
use nara::db::Db;
use nara::identity::Role;
use nara::web::routes;

/// Beyond the route's access, what the object in the address allows: the target's case is
/// worked on by staff of its unit (X) only, and is the target's own, not any actor's.
enum Object {
    /// Nothing more than the route's access.
    Any,
    /// The back office of the target's case, or unit X's form: staff of unit X only; others
    /// are refused (403).
    OfUnitX,
    /// The target's own pages of the case, application or plan: every actor gets "not found".
    SomeoneElsesCase,
    /// The back office of the target's plan, which unit X takes part in: staff of unit X only;
    /// for other staff it does not exist (404).
    PlanOfUnitX,
    /// The survey builder: staff of any unit and administrators; others are refused (403).
    SurveyBuilder,
    /// The leisure bank's task board: participants and leisure staff; others are refused (403).
    LeisureWork,
    /// The leisure bank's statistics: leisure staff and the quality office; others are refused.
    LeisureStatistics,
    /// The plain-language word list: the coordinator and plain-language reviewers; others are
    /// refused (403).
    PlainWords,
    /// The text review: people of a staff workplace (not residents, associations, citizen
    /// reporters or leisure bank participants); others are refused (403). The text in the
    /// address is nobody's, so it is "not found" for those let in.
    TextReview,
}

fn object(path: &str, cast: &Cast) -> Object {
    // Grant addresses name no association or grant application of the cast (`{slug}` stays as it
    // is, the application is a form's): not found, with nothing to hide. Which association's
    // representative reaches what is tested in `grants`.
    if path.contains("/bidrag/") {
        Object::Any
    } else if path.contains("/personal/enkater") {
        Object::SurveyBuilder
    } else if path.contains("/personal/klarsprak/ord") {
        Object::PlainWords
    } else if path.contains("/personal/klarsprak") {
        Object::TextReview
    } else if path.contains("/fritidsbanken/uppgifter") {
        Object::LeisureWork
    } else if path.contains("/fritidsbanken/statistik") {
        Object::LeisureStatistics
    } else if path.contains(&format!("/handlaggare/ansokningsformular/{FORM}")) {
        Object::OfUnitX
    } else if path.contains(&cast.plan.to_string()) {
        if path.contains("/handlaggare/") { Object::PlanOfUnitX } else { Object::SomeoneElsesCase }
    } else if !path.contains(&cast.case.to_string()) && !path.contains(&cast.application.to_string()) {
        Object::Any
    } else if path.contains("/handlaggare/") {
        Object::OfUnitX
    } else {
        Object::SomeoneElsesCase
    }
}

on_both_backends!(every_route_admits_exactly_whom_the_table_says, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let cast = cast(&db).await;
    let table = routes::table();
    assert!(table.len() >= 25, "the table lists every route");
    let mut checked = 0;
    for route in &table {
        for path in route.paths() {
            let path = concrete(&path, &cast);
            let object = object(&path, &cast);
            for (label, id, roles) in &cast.actors {
                // A fresh session per request: some routes (log-out, deactivate) end sessions.
                let token = match id {
                    Some(id) => Some(nara::sessions::store::start_session(&db, *id).await.unwrap()),
                    None => None,
                };
                let before = audit_head(&db).await;
                let answer = app.send(route.method.clone(), &path, &[], token.as_deref()).await;
                let expected = allowed(route.access, roles, id.is_some())
                    && (!matches!(object, Object::OfUnitX) || *label == "staff of unit X")
                    && (!matches!(object, Object::SurveyBuilder)
                        || roles.contains(&Role::Staff)
                        || roles.contains(&Role::Admin))
                    && (!matches!(object, Object::LeisureWork)
                        || roles.contains(&Role::LeisureParticipant)
                        || roles.contains(&Role::LeisureStaff))
                    && (!matches!(object, Object::LeisureStatistics)
                        || roles.contains(&Role::Quality)
                        || roles.contains(&Role::LeisureStaff))
                    && (!matches!(object, Object::PlainWords)
                        || roles.contains(&Role::Coordinator)
                        || roles.contains(&Role::PlainReviewer))
                    && (!matches!(object, Object::TextReview)
                        || !roles.iter().all(|r| {
                            matches!(
                                r,
                                Role::Resident
                                    | Role::Association
                                    | Role::Reporter
                                    | Role::LeisureParticipant
                            )
                        }));
                let hidden = matches!(object, Object::SomeoneElsesCase)
                    || (matches!(object, Object::PlanOfUnitX) && *label != "staff of unit X");
                let refused = answer.status == StatusCode::FORBIDDEN || answer.is_login_redirect();
                let what = format!("{} {path} as {label}: {}", route.method, answer.status);
                if expected && hidden {
                    assert_eq!(answer.status, StatusCode::NOT_FOUND, "not the actor's to see: {what}");
                    assert_eq!(denied_since(&db, before).await, 1, "the attempt is audited: {what}");
                } else if expected {
                    assert!(!refused, "should be allowed: {what}");
                } else if id.is_none() {
                    assert!(answer.is_login_redirect(), "anonymous must be sent to log in: {what}");
                } else {
                    assert_eq!(answer.status, StatusCode::FORBIDDEN, "should be refused: {what}");
                    assert_eq!(denied_since(&db, before).await, 1, "the refusal is audited: {what}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "{checked} checks");
});

/// The newest audit entry's sequence number.
async fn audit_head(db: &Db) -> i64 {
    nara::audit::store::head(db).await.unwrap().seq
}

/// How many refusals the log has gained since `seq`: read from there on, not counted over the
/// whole log, which grows with every check of the matrix.
async fn denied_since(db: &Db, seq: i64) -> usize {
    let denied = nara::audit::Action::AccessDenied.as_str();
    let entries = nara::audit::store::entries_after(db, seq, 1_000).await.unwrap();
    entries.iter().filter(|entry| entry.action == denied).count()
}

on_both_backends!(a_resident_never_sees_another_residents_data, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let a = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let b = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let a_token = nara::sessions::store::start_session(&db, a).await.unwrap();
    // B logs in and fails once: both leave entries in B's access log.
    assert!(app.log_in("b@example.se", "fel lösenord").await.is_none());
    assert!(app.log_in("b@example.se", common::app::PASSWORD).await.is_some());

    let mine = app.get("/mina-sidor", Some(&a_token)).await;
    assert!(mine.body.contains("Alma Andersson") && !mine.body.contains("Bertil Berg"));
    let log = app.get("/mina-sidor/logg", Some(&a_token)).await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(!log.body.contains("Bertil") && !log.body.contains("Misslyckat"), "{}", log.body);
    // Swapping in B's id anywhere an id is accepted is refused.
    for path in [format!("/admin/personer/{b}"), format!("/en/admin/personer/{b}")] {
        assert_eq!(app.get(&path, Some(&a_token)).await.status, StatusCode::FORBIDDEN);
    }
    for action in ["roller", "roller/ta-bort", "inaktivera"] {
        let answer =
            app.post(&format!("/admin/personer/{b}/{action}"), &[("role", "admin")], Some(&a_token)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    assert!(nara::identity::store::person(&db, b).await.unwrap().unwrap().active);
    assert!(nara::identity::store::grants(&db, a).await.unwrap().is_empty(), "A gave herself nothing");
});

#[test]
fn the_table_has_no_duplicate_routes() {
    let mut seen = std::collections::HashSet::new();
    for route in routes::table() {
        for path in route.paths() {
            assert!(seen.insert((route.method.clone(), path.clone())), "{} {path} twice", route.method);
        }
    }
    assert!(seen.contains(&(Method::GET, "/en/mina-sidor".to_string())));
}
