//! Coordinated individual plans (SIP) on both databases, through the real router: officers start
//! a plan from a case, add a unit, an outside participant, goals, actions and a follow-up date;
//! the resident reads it on my pages, writes their own view and agrees to the version they read;
//! a change afterwards needs a new agreement. Another resident and staff of a unit that does not
//! take part get "not found", audited; every read and change is in the resident's log.

use crate::common;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::audit::AuditFilter;
use nara::cases::NewCase;
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use nara::plans::PlanStatus;
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    resident: Uuid,
    unit_y: Uuid,
    case: Uuid,
    /// Sessions: the resident, another resident, staff of X (the case's unit), of Y (added to the
    /// plan) and of Z (never in it).
    a: String,
    b: String,
    x: String,
    y: String,
    z: String,
}

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit = |slug: &'static str, name: &'static str| {
        let db = db.clone();
        async move { nara::identity::store::upsert_unit(&db, slug, name, name).await.unwrap() }
    };
    let (unit_x, unit_y, unit_z) =
        (unit("x", "Enhet X").await, unit("y", "Enhet Y").await, unit("z", "Enhet Z").await);
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let resident = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let other = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let officer_x = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let officer_y = person(&db, "y@example.se", "Yngve Skola", &staff(unit_y)).await;
    let officer_z = person(&db, "z@example.se", "Zara Utanför", &staff(unit_z)).await;
    let new =
        NewCase {
            resident_id: resident, unit_id: unit_x, officer_id: Some(officer_x), title: "Stöd".into()
        };
    let case = nara::cases::store::open_case(&db, &new, None).await.unwrap();
    let session = |id| {
        let db = db.clone();
        async move { nara::sessions::store::start_session(&db, id).await.unwrap() }
    };
    World {
        a: session(resident).await,
        b: session(other).await,
        x: session(officer_x).await,
        y: session(officer_y).await,
        z: session(officer_z).await,
        app,
        db,
        resident,
        unit_y,
        case,
    }
}

/// Officer X starts a plan from the case; its id.
async fn start_plan(w: &World) -> Uuid {
    let case_page = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
    let link = format!("/handlaggare/arenden/{}/planer", w.case);
    assert!(case_page.body.contains(&format!("href=\"{link}\"")), "the case page links to its plans");
    assert_eq!(w.app.get(&link, Some(&w.x)).await.status, StatusCode::OK);
    let made = w.app.post(&link, &[("title", "Plan för Alma")], Some(&w.x)).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let id = made.location().strip_prefix("/handlaggare/planer/").unwrap().split('?').next().unwrap();
    Uuid::parse_str(id).unwrap()
}

async fn status(db: &Db, plan: Uuid) -> PlanStatus {
    nara::plans::store::plan(db, plan).await.unwrap().unwrap().status
}

async fn entries(db: &Db, subject: Uuid, action: &str) -> Vec<nara::audit::AuditSearchLine> {
    let filter = AuditFilter { subject_id: Some(subject), action: Some(action.into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 1000).await.unwrap()
}

fn redirected(answer: &common::app::Answer) {
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
}

on_both_backends!(officers_make_a_plan_and_the_resident_agrees_to_what_they_read, Migrated, |db| {
    let w = world(db).await;
    let plan = start_plan(&w).await;
    let base = format!("/handlaggare/planer/{plan}");
    let mine = format!("/mina-sidor/planer/{plan}");

    // Unit Y is not in the plan yet: its staff do not learn it exists.
    assert_eq!(w.app.get(&base, Some(&w.y)).await.status, StatusCode::NOT_FOUND);
    redirected(&w.app.post(&format!("{base}/enheter"), &[("unit", &w.unit_y.to_string())], Some(&w.x)).await);
    let page = w.app.get(&base, Some(&w.y)).await;
    assert_eq!(page.status, StatusCode::OK, "a participating unit works on the plan");
    assert!(
        !page.body.contains(&format!("/handlaggare/arenden/{}", w.case)),
        "no link to a case Y cannot open"
    );
    redirected(
        &w.app
            .post(
                &format!("{base}/deltagare"),
                &[
                    ("outside-name", "Leila Karimi"),
                    ("outside-organisation", "Region Stockholm, vårdcentral"),
                ],
                Some(&w.x),
            )
            .await,
    );

    // The resident sees the plan, not yet ready to agree to.
    let list = w.app.get("/mina-sidor/planer", Some(&w.a)).await;
    assert!(list.body.contains("Plan för Alma") && list.body.contains(&mine), "{}", list.body);
    assert!(w.app.get("/mina-sidor", Some(&w.a)).await.body.contains("href=\"/mina-sidor/planer\""));
    let page = w.app.get(&mine, Some(&w.a)).await;
    assert!(page.body.contains("Region Stockholm, vårdcentral") && page.body.contains("Enhet Y"));
    assert!(page.body.contains("inte klar att godkänna"), "{}", page.body);
    let version = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap().version.to_string();
    let early =
        w.app.post(&format!("{mine}/godkann"), &[("version", &version), ("agree", "ja")], Some(&w.a)).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status(&w.db, plan).await, PlanStatus::Draft);

    // A goal, an action for the health centre (added by Y), a follow-up date.
    redirected(&w.app.post(&format!("{base}/mal"), &[("goal", "Alma orkar vardagen.")], Some(&w.x)).await);
    let outside = nara::plans::store::outside_participants(&w.db, plan).await.unwrap()[0].id;
    let action = [
        ("action", "Går igenom medicinerna."),
        ("action-who", &format!("extern:{outside}")),
        ("action-due", "2027-01-31"),
    ];
    redirected(&w.app.post(&format!("{base}/atgarder"), &action, Some(&w.y)).await);
    redirected(&w.app.post(&format!("{base}/uppfoljning"), &[("follow-up", "2027-03-01")], Some(&w.x)).await);

    // Her own view, then her agreement: ticked, and to the version she read.
    redirected(
        &w.app
            .post(&format!("{mine}/min-syn"), &[("view", "Jag vill ha hjälp på kvällarna.")], Some(&w.a))
            .await,
    );
    let page = w.app.get(&mine, Some(&w.a)).await;
    assert!(
        page.body.contains("Jag vill ha hjälp på kvällarna.")
            && page.body.contains("Leila Karimi, Region Stockholm")
    );
    assert!(
        w.app.get(&base, Some(&w.x)).await.body.contains("Jag vill ha hjälp på kvällarna."),
        "officers read her view"
    );
    let version = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap().version.to_string();
    let unticked = w.app.post(&format!("{mine}/godkann"), &[("version", &version)], Some(&w.a)).await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unticked.body.contains("Kryssa i"), "{}", unticked.body);
    let stale =
        w.app.post(&format!("{mine}/godkann"), &[("version", "1"), ("agree", "ja")], Some(&w.a)).await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY, "an older version than the plan's");
    assert!(stale.body.contains("har ändrats"));
    assert_eq!(status(&w.db, plan).await, PlanStatus::Draft);
    redirected(
        &w.app.post(&format!("{mine}/godkann"), &[("version", &version), ("agree", "ja")], Some(&w.a)).await,
    );
    assert_eq!(status(&w.db, plan).await, PlanStatus::Agreed);
    assert!(w.app.get(&mine, Some(&w.a)).await.body.contains("Du godkände planen"));

    // Writing her view again keeps the agreement; a new goal ends it, and she agrees again.
    redirected(&w.app.post(&format!("{mine}/min-syn"), &[("view", "Bra.")], Some(&w.a)).await);
    assert_eq!(status(&w.db, plan).await, PlanStatus::Agreed);
    redirected(&w.app.post(&format!("{base}/mal"), &[("goal", "Barnen har fritid.")], Some(&w.x)).await);
    assert_eq!(status(&w.db, plan).await, PlanStatus::Draft, "a change needs a new agreement");
    let again = w.app.get(&mine, Some(&w.a)).await;
    assert!(again.body.contains("name=\"agree\""), "the agreement is asked for again");
    let version = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap().version.to_string();
    redirected(
        &w.app.post(&format!("{mine}/godkann"), &[("version", &version), ("agree", "ja")], Some(&w.a)).await,
    );

    // Carrying the plan out and following it up do not ask for a new agreement.
    let done = nara::plans::store::actions(&w.db, plan).await.unwrap()[0].id;
    redirected(&w.app.post(&format!("{base}/atgarder/{done}/klar"), &[], Some(&w.y)).await);
    assert!(nara::plans::store::actions(&w.db, plan).await.unwrap()[0].done_at.is_some());
    assert_eq!(status(&w.db, plan).await, PlanStatus::Agreed);
    redirected(&w.app.post(&format!("{base}/uppfoljd"), &[], Some(&w.x)).await);
    assert_eq!(status(&w.db, plan).await, PlanStatus::FollowedUp);

    // Everything is in her log, with the officers' unit and purpose.
    assert_eq!(entries(&w.db, w.resident, "plan_created").await.len(), 1);
    assert_eq!(
        entries(&w.db, w.resident, "plan_changed").await.len(),
        6,
        "unit, participant, 2 goals, action, date"
    );
    assert_eq!(entries(&w.db, w.resident, "plan_view_written").await.len(), 2);
    assert_eq!(entries(&w.db, w.resident, "plan_agreed").await.len(), 2);
    assert_eq!(entries(&w.db, w.resident, "plan_action_done").await.len(), 1);
    assert_eq!(entries(&w.db, w.resident, "plan_followed_up").await.len(), 1);
    let reads = entries(&w.db, w.resident, "plan_viewed").await;
    assert!(reads.iter().any(|e| e.unit_name_sv.as_deref() == Some("Enhet Y")), "Y's reads name Y");
    assert!(reads.iter().all(|e| e.purpose.as_deref() == Some("Samordnad individuell plan")));
    let log = w.app.get("/mina-sidor/logg", Some(&w.a)).await;
    assert!(log.body.contains("Godkände din plan") && log.body.contains("Läste din plan"), "{}", log.body);
    assert!(nara::audit::store::verify_chain(&w.db, &[]).await.unwrap().is_ok());
});

on_both_backends!(nobody_else_learns_that_a_plan_exists, Migrated, |db| {
    let w = world(db).await;
    let plan = start_plan(&w).await;
    let base = format!("/handlaggare/planer/{plan}");
    let mine = format!("/mina-sidor/planer/{plan}");
    let denied = entries(&w.db, w.resident, "access_denied").await.len();

    // Another resident: nothing listed, every address "not found".
    assert!(!w.app.get("/mina-sidor/planer", Some(&w.b)).await.body.contains("Plan för Alma"));
    assert_eq!(w.app.get(&mine, Some(&w.b)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        w.app.post(&format!("{mine}/min-syn"), &[("view", "Hej")], Some(&w.b)).await.status,
        StatusCode::NOT_FOUND
    );
    let agree =
        w.app.post(&format!("{mine}/godkann"), &[("version", "1"), ("agree", "ja")], Some(&w.b)).await;
    assert_eq!(agree.status, StatusCode::NOT_FOUND);
    // Staff of a unit that does not take part: "not found" too, and nothing changes.
    assert_eq!(w.app.get(&base, Some(&w.z)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        w.app.post(&format!("{base}/mal"), &[("goal", "Mål")], Some(&w.z)).await.status,
        StatusCode::NOT_FOUND
    );
    // The officer reads the plan in the back office, not on the resident's own pages.
    assert_eq!(w.app.get(&mine, Some(&w.x)).await.status, StatusCode::NOT_FOUND);
    // Z cannot reach the case's plans either (the case's own rule: 403).
    let listed = w.app.get(&format!("/handlaggare/arenden/{}/planer", w.case), Some(&w.z)).await;
    assert_eq!(listed.status, StatusCode::FORBIDDEN);

    assert_eq!(
        entries(&w.db, w.resident, "access_denied").await.len(),
        denied + 7,
        "each attempt is in her log"
    );
    let stored = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap();
    assert!(stored.resident_view.is_none() && stored.status == PlanStatus::Draft);
    assert!(nara::plans::store::goals(&w.db, plan).await.unwrap().is_empty());
});

/// A form's fields as sent.
type Form = Vec<(&'static str, String)>;

on_both_backends!(bad_input_gets_a_message_never_a_change, Migrated, |db| {
    let w = world(db).await;
    let plan = start_plan(&w).await;
    let base = format!("/handlaggare/planer/{plan}");
    let other_plan = start_plan(&w).await;
    redirected(
        &w.app
            .post(
                &format!("/handlaggare/planer/{other_plan}/deltagare"),
                &[("outside-name", "N"), ("outside-organisation", "O")],
                Some(&w.x),
            )
            .await,
    );
    let foreign = nara::plans::store::outside_participants(&w.db, other_plan).await.unwrap()[0].id;
    let version = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap().version;
    let cases: [(&str, Form, &str); 6] = [
        ("mal", vec![("goal", "  ".into())], "Skriv målet"),
        (
            "atgarder",
            vec![
                ("action", "Ring".into()),
                ("action-who", format!("extern:{foreign}")),
                ("action-due", "2027-01-31".into()),
            ],
            "Välj vem som gör det",
        ),
        (
            "atgarder",
            vec![("action", "Ring".into()), ("action-who", "invanare".into()), ("action-due", "31/1".into())],
            "Skriv ett datum",
        ),
        ("uppfoljning", vec![("follow-up", "2027-02-30".into())], "Skriv ett datum"),
        ("enheter", vec![("unit", Uuid::new_v4().to_string())], "Välj en enhet"),
        ("uppfoljd", vec![], "först när personen har godkänt"),
    ];
    for (path, form, message) in cases {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = w.app.post(&format!("{base}/{path}"), &form, Some(&w.x)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {}", answer.body);
        assert!(
            answer.body.contains(message) && answer.body.contains("error-summary"),
            "{path}: {}",
            answer.body
        );
    }
    let made =
        w.app.post(&format!("/handlaggare/arenden/{}/planer", w.case), &[("title", " ")], Some(&w.x)).await;
    assert_eq!(made.status, StatusCode::UNPROCESSABLE_ENTITY);
    let stored = nara::plans::store::plan(&w.db, plan).await.unwrap().unwrap();
    assert_eq!(stored.version, version, "nothing changed");
    assert!(nara::plans::store::actions(&w.db, plan).await.unwrap().is_empty());
    let long = "å".repeat(nara::plans::MAX_TEXT_CHARS + 1);
    let answer =
        w.app.post(&format!("/mina-sidor/planer/{plan}/min-syn"), &[("view", &long)], Some(&w.a)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("högst 4 000 tecken"));
    let english =
        w.app.post(&format!("/en/mina-sidor/planer/{plan}/min-syn"), &[("view", "")], Some(&w.a)).await;
    assert!(english.body.contains("Write what you think of the plan"), "{}", english.body);
    let bad_version =
        w.app.post(&format!("/mina-sidor/planer/{plan}/godkann"), &[("version", "x")], Some(&w.a)).await;
    assert_eq!(bad_version.status, StatusCode::BAD_REQUEST);
});

on_both_backends!(the_demo_plan_is_shared_by_two_units_and_the_region, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    nara::demo::seed(&db).await.unwrap();
    let app = TestApp::new(db.clone());
    let id = |email: &'static str| {
        let db = db.clone();
        async move {
            let address = nara::identity::EmailAddress::parse(email).unwrap();
            nara::identity::store::person_by_email(&db, &address).await.unwrap().unwrap().0.id
        }
    };
    let sara = id("invanare@demo.nara.se").await;
    let plans = nara::plans::store::plans_of_resident(&db, sara).await.unwrap();
    assert_eq!(plans.len(), 1, "seeded once");
    let plan = plans[0].id;
    let units = nara::plans::store::units(&db, plan).await.unwrap();
    assert_eq!(units.len(), 2);
    let outside = nara::plans::store::outside_participants(&db, plan).await.unwrap();
    assert_eq!(outside[0].organisation, "Region Stockholm, vårdcentral");
    let session = |person| {
        let db = db.clone();
        async move { nara::sessions::store::start_session(&db, person).await.unwrap() }
    };
    let sara_session = session(sara).await;
    let page = app.get(&format!("/mina-sidor/planer/{plan}"), Some(&sara_session)).await;
    assert!(page.body.contains("name=\"agree\""), "ready for her agreement: {}", page.body);
    let jonas = session(id("handlaggare.barn@demo.nara.se").await).await;
    assert_eq!(app.get(&format!("/handlaggare/planer/{plan}"), Some(&jonas)).await.status, StatusCode::OK);
    let omar = session(id("invanare2@demo.nara.se").await).await;
    assert_eq!(
        app.get(&format!("/mina-sidor/planer/{plan}"), Some(&omar)).await.status,
        StatusCode::NOT_FOUND
    );
});
