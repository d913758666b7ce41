//! Each role's start: where a person lands after log-in (alone and with several roles), the header
//! links to the other places, "Mina föreningar" with the confirmation due, and the organiser as a
//! role of its own, reaching their unit's events and nothing of the case work. Both databases.

use crate::common;
use crate::events::{series, soon};

use axum::http::StatusCode;
use common::app::{PASSWORD, TestApp, person, session_from};
use nara::db::{Db, UtcTime};
use nara::events::store::NewSeries;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

/// Logs in with the password, asking for `asked` (or nothing), in Swedish or at `/en`; returns
/// where the person was sent and their session.
async fn log_in(app: &TestApp, email: &str, prefix: &str, asked: Option<&str>) -> (String, String) {
    let mut form = vec![("email", email), ("password", PASSWORD)];
    if let Some(asked) = asked {
        form.push(("tillbaka", asked));
    }
    let answer = app.post(&format!("{prefix}/logga-in"), &form, None).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{email}: {}", answer.body);
    (answer.location().to_string(), session_from(&answer).expect("a session"))
}

fn h1(body: &str) -> &str {
    let start = body.find("<h1").and_then(|i| body[i..].find('>').map(|j| i + j + 1)).expect("an h1");
    &body[start..start + body[start..].find("</h1>").expect("the h1 ends")]
}

async fn unit(db: &Db, slug: &str) -> Uuid {
    nara::identity::store::upsert_unit(db, slug, "Enhet", "Unit").await.unwrap()
}

on_both_backends!(each_role_lands_where_its_work_is, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let unit = unit(&db, "x").await;
    let grant = |role, unit_id| RoleGrant { role, unit_id };
    let people: [(&str, Vec<RoleGrant>, &str, &str); 9] = [
        ("invanare@example.se", vec![], "/mina-sidor", "Mina sidor"),
        ("forening@example.se", vec![grant(Role::Association, None)], "/forening", "Mina föreningar"),
        (
            "arrangor@example.se",
            vec![grant(Role::Organiser, Some(unit))],
            "/arrangor",
            "Mina träffar som arrangör",
        ),
        ("handlaggare@example.se", vec![grant(Role::Staff, Some(unit))], "/handlaggare", "Ärenden"),
        (
            "granskare@example.se",
            vec![grant(Role::LogReviewer, Some(unit))],
            "/granskning/logg",
            "Logguppföljning",
        ),
        ("admin@example.se", vec![grant(Role::Admin, None)], "/admin", "Administration"),
        (
            "fritidsbank@example.se",
            vec![grant(Role::LeisureStaff, None)],
            "/personal/fritidsbanken",
            "Fritidsbanken, disken",
        ),
        (
            "deltagare@example.se",
            vec![grant(Role::LeisureParticipant, None)],
            "/fritidsbanken/uppgifter",
            "Uppgifter på fritidsbanken",
        ),
        (
            "flera@example.se",
            vec![grant(Role::Association, None), grant(Role::Admin, None), grant(Role::Staff, Some(unit))],
            "/handlaggare",
            "Ärenden",
        ),
    ];
    for (email, grants, start, heading) in &people {
        person(&db, email, "Person", grants).await;
        let (to, token) = log_in(&app, email, "", None).await;
        assert_eq!(&to, start, "{email}");
        let page = app.get(&to, Some(&token)).await;
        assert_eq!(page.status, StatusCode::OK, "{email} at {to}");
        assert!(h1(&page.body).contains(heading), "{email}: {}", h1(&page.body));
        let (to, _) = log_in(&app, email, "/en", None).await;
        assert_eq!(to, format!("/en{start}"), "{email} in English");
        let (to, _) = log_in(&app, email, "", Some("/kalender")).await;
        assert_eq!(to, "/kalender", "{email}: a page asked for comes first");
    }
    // Someone with several roles starts at the work list, and the header offers the other places.
    let (_, token) = log_in(&app, "flera@example.se", "", None).await;
    let header = app.get("/handlaggare", Some(&token)).await.body;
    let header = &header[..header.find("</header>").unwrap()];
    let order: Vec<usize> = ["/handlaggare\"", "/admin\"", "/forening\"", "/mina-sidor\""]
        .iter()
        .map(|link| header.find(&format!("href=\"{link}")).unwrap_or_else(|| panic!("{link} in {header}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "the start first, my pages last: {order:?}");
    assert!(!header.contains("href=\"/arrangor\""), "no organiser role, no organiser link");
    // The log-in page itself is no page to come back to.
    assert_eq!(log_in(&app, "handlaggare@example.se", "", Some("/logga-in")).await.0, "/handlaggare");
});

on_both_backends!(an_organiser_runs_their_units_events_and_reaches_no_case_work, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let ours = unit(&db, "kvalitet").await;
    let organiser = person(
        &db,
        "arrangor@example.se",
        "Lina",
        &[RoleGrant { role: Role::Organiser, unit_id: Some(ours) }],
    )
    .await;
    let officer = person(
        &db,
        "handlaggare@example.se",
        "Anna",
        &[RoleGrant { role: Role::Staff, unit_id: Some(ours) }],
    )
    .await;
    let mut group = series("utvecklingsgrupp", Some(40));
    group.organiser_unit_id = Some(ours);
    nara::events::store::create_series(&db, &NewSeries { series: group }, &soon()).await.unwrap();
    let organiser = nara::sessions::store::start_session(&db, organiser).await.unwrap();
    let officer = nara::sessions::store::start_session(&db, officer).await.unwrap();

    // The organiser runs the unit's meetings.
    assert!(app.get("/arrangor", Some(&organiser)).await.body.contains("/arrangor/utvecklingsgrupp/0"));
    assert_eq!(app.get("/arrangor/utvecklingsgrupp/0", Some(&organiser)).await.status, StatusCode::OK);
    let theme = [("theme_sv", "Ensamhet"), ("theme_en", "Loneliness")];
    let set = app.post("/arrangor/utvecklingsgrupp/0/tema", &theme, Some(&organiser)).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    // …and reaches nothing of the case work: cases, work list, application forms, the import.
    let case = Uuid::new_v4();
    for path in [
        "/handlaggare".to_string(),
        format!("/handlaggare/arenden/{case}"),
        "/handlaggare/ansokningsformular".into(),
        "/personal/katalog".into(),
        "/personal/katalog/import".into(),
        "/en/personal/katalog/import".into(),
    ] {
        assert_eq!(app.get(&path, Some(&organiser)).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let import = app.post("/personal/katalog/import", &[], Some(&organiser)).await;
    assert_eq!(import.status, StatusCode::FORBIDDEN);
    let form = app.post("/handlaggare/ansokningsformular", &[("slug", "x")], Some(&organiser)).await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);

    // A case officer of the same unit without the organiser role no longer runs its events.
    for path in ["/arrangor", "/arrangor/utvecklingsgrupp/0", "/arrangor/utvecklingsgrupp/0/deltagare.csv"] {
        assert_eq!(app.get(path, Some(&officer)).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let refused = app.post("/arrangor/utvecklingsgrupp/0/stall-in", &[], Some(&officer)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let header = app.get("/handlaggare", Some(&officer)).await.body;
    assert!(!header.contains("href=\"/arrangor\""), "no organiser link for a case officer");
    let meeting = nara::events::store::series_by_slug(&db, "utvecklingsgrupp").await.unwrap().unwrap();
    let first = &nara::events::store::occurrences_of(&db, meeting.id).await.unwrap()[0];
    assert!(!first.cancelled, "the officer's attempt changed nothing");
});

on_both_backends!(my_associations_show_the_confirmation_that_is_due, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let staff_unit = unit(&db, "kvalitet").await;
    let staff = person(
        &db,
        "personal@example.se",
        "Maria",
        &[RoleGrant { role: Role::Staff, unit_id: Some(staff_unit) }],
    )
    .await;
    let rep = person(&db, "kerstin@example.se", "Kerstin Ali", &[]).await;
    let mut old = crate::directory::association("fontanhuset");
    old.confirmed_at = UtcTime(chrono::Utc::now() - chrono::Duration::days(340));
    nara::directory::store::save_entry(&db, &old, None).await.unwrap();
    let rep_token = nara::sessions::store::start_session(&db, rep).await.unwrap();
    let staff_token = nara::sessions::store::start_session(&db, staff).await.unwrap();

    // Asking is not representing yet: no role, my pages first.
    app.post("/stod/fontanhuset/foretrada", &[("note", "Ordförande")], Some(&rep_token)).await;
    assert_eq!(log_in(&app, "kerstin@example.se", "", None).await.0, "/mina-sidor");
    // Staff approve: she becomes an association representative, and the grant is audited.
    let waiting = nara::directory::store::pending_representations(&db).await.unwrap();
    let decided = app
        .post(&format!("/personal/katalog/foretradare/{}/godkann", waiting[0].id), &[], Some(&staff_token))
        .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER);
    let grants = nara::identity::store::grants(&db, rep).await.unwrap();
    assert_eq!(grants, vec![RoleGrant { role: Role::Association, unit_id: None }]);
    let log = nara::audit::store::access_log(&db, rep, 20).await.unwrap();
    assert!(log.iter().any(|l| l.action == "role_granted"));

    let (to, token) = log_in(&app, "kerstin@example.se", "", None).await;
    assert_eq!(to, "/forening");
    let page = app.get(&to, Some(&token)).await.body;
    assert_eq!(h1(&page), "Mina föreningar");
    assert!(page.contains("href=\"/forening\""), "the header link");
    assert!(page.contains("Fontänhuset") && page.contains("Dags att bekräfta uppgifterna"), "{page}");
    let english = app.get("/en/forening", Some(&token)).await.body;
    assert_eq!(h1(&english), "My associations");
    assert!(english.contains("Time to confirm the information"));
    // Confirming moves the date a year on.
    app.post("/forening/fontanhuset/bekrafta", &[], Some(&token)).await;
    let page = app.get("/forening", Some(&token)).await.body;
    assert!(page.contains("Bekräfta uppgifterna senast") && !page.contains("Dags att bekräfta"), "{page}");
});
