//! Accounts as people use them, on both databases: register and confirm, log in and out,
//! reset a password, invitations, and what an attacker gets from each (nothing).

use crate::common;

use std::time::Duration;

use axum::http::StatusCode;
use common::app::{PASSWORD, TestApp, link_in_mail, person, session_from};
use nara::db::{Db, UtcTime};
use nara::identity::{Role, RoleGrant};

/// Moves a session's clock back, as if time had passed.
async fn age_session(db: &Db, token: &str, by: Duration) {
    let back = chrono::Duration::from_std(by).unwrap();
    let hash = nara::sessions::token_hash(token);
    let sql = "SELECT created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1";
    let (created, seen, expires): (UtcTime, UtcTime, UtcTime) = db.sql().one(sql, &[&hash]).await.unwrap();
    let update =
        "UPDATE sessions SET created_at = $1, last_seen_at = $2, expires_at = $3 WHERE token_hash = $4";
    let (created, seen, expires) =
        (UtcTime(created.0 - back), UtcTime(seen.0 - back), UtcTime(expires.0 - back));
    db.sql().execute(update, &[&created, &seen, &expires, &hash]).await.unwrap();
}

on_both_backends!(register_confirm_and_log_in, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let form = [("name", "Kerstin Ali"), ("email", "Kerstin@Example.se"), ("password", "tre ord i rad")];
    let sent = app.post("/skapa-konto", &form, None).await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.body.contains("<h1>"));
    // Not yet confirmed: the right password does not open a session.
    let early =
        app.post("/logga-in", &[("email", "kerstin@example.se"), ("password", "tre ord i rad")], None).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(session_from(&early).is_none());

    let link = link_in_mail(&db, "kerstin@example.se").await;
    assert!(link.starts_with("/verifiera-epost/"), "{link}");
    assert_eq!(app.get(&link, None).await.status, StatusCode::OK, "a scanner's GET does not use the link");
    let confirmed = app.post(&link, &[], None).await;
    assert_eq!(confirmed.location(), "/logga-in?klart=verifierad");
    assert_eq!(app.post(&link, &[], None).await.status, StatusCode::GONE, "a link works once");

    let token = app.log_in("kerstin@example.se", "tre ord i rad").await.expect("a session");
    let mine = app.get("/mina-sidor", Some(&token)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Kerstin Ali"));
    assert_eq!(mine.headers["cache-control"], "no-store");
});

on_both_backends!(registering_a_taken_address_reveals_nothing, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "taken@example.se", "Tagen", &[]).await;
    let fresh = app
        .post(
            "/skapa-konto",
            &[("name", "Ny"), ("email", "new@example.se"), ("password", "tre ord i rad")],
            None,
        )
        .await;
    let taken = app
        .post(
            "/skapa-konto",
            &[("name", "Ny"), ("email", "taken@example.se"), ("password", "tre ord i rad")],
            None,
        )
        .await;
    assert_eq!(fresh.status, taken.status);
    assert_eq!(fresh.body, taken.body, "the same page either way");
    let outbox = nara::mail::store::outbox(&db).await.unwrap();
    let to_owner = outbox.iter().find(|m| m.to_address == "taken@example.se").expect("the owner is told");
    assert!(!to_owner.body.contains("verifiera-epost"), "no second account to confirm");
});

on_both_backends!(wrong_passwords_and_unknown_addresses_get_the_same_answer, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    let wrong =
        app.post("/logga-in", &[("email", "anna@example.se"), ("password", "fel fel fel fel")], None).await;
    let unknown =
        app.post("/logga-in", &[("email", "ingen@example.se"), ("password", "fel fel fel fel")], None).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.status, unknown.status);
    let strip = |body: &str| body.replace("anna@example.se", "").replace("ingen@example.se", "");
    assert_eq!(strip(&wrong.body), strip(&unknown.body));
    let failures = nara::audit::store::search(
        &db,
        &nara::audit::AuditFilter { action: Some("log_in_failed".into()), ..Default::default() },
        10,
    )
    .await
    .unwrap();
    assert_eq!(failures.len(), 2, "both attempts are in the audit log");
    let empty = app.post("/logga-in", &[("email", ""), ("password", "")], None).await;
    assert!(
        empty.body.contains("href=\"#email\"") && empty.body.contains("href=\"#password\""),
        "an error summary"
    );
});

on_both_backends!(brute_force_is_stopped_per_account, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    for _ in 0..5 {
        let answer = app
            .post("/logga-in", &[("email", "anna@example.se"), ("password", "gissning nummer x")], None)
            .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let stopped = app.post("/logga-in", &[("email", "anna@example.se"), ("password", PASSWORD)], None).await;
    assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    assert!(session_from(&stopped).is_none());
});

on_both_backends!(logging_in_replaces_any_planted_session, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    let attacker = person(&db, "eve@example.se", "Eve", &[]).await;
    let planted = nara::sessions::store::start_session(&db, attacker).await.unwrap();
    let answer = app
        .send(
            axum::http::Method::POST,
            "/logga-in",
            &[("email", "anna@example.se"), ("password", PASSWORD)],
            Some(&planted),
        )
        .await;
    let fresh = session_from(&answer).expect("a new session");
    assert_ne!(fresh, planted);
    assert!(
        nara::identity::store::signed_in(&db, &planted).await.unwrap().is_none(),
        "the planted session is gone"
    );
    assert!(app.get("/mina-sidor", Some(&fresh)).await.body.contains("Anna"));
});

on_both_backends!(log_out_here_and_everywhere, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    let phone = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let library = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let out = app.post("/logga-ut", &[], Some(&phone)).await;
    assert!(out.headers["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    assert!(app.get("/mina-sidor", Some(&phone)).await.is_login_redirect());
    assert_eq!(app.get("/mina-sidor", Some(&library)).await.status, StatusCode::OK);
    let second = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    app.post("/logga-ut/overallt", &[], Some(&second)).await;
    assert!(
        app.get("/mina-sidor", Some(&library)).await.is_login_redirect(),
        "the shared computer is logged out too"
    );
});

on_both_backends!(idle_and_absolute_timeouts_end_sessions, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    let idle = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let page = app.get("/mina-sidor", Some(&idle)).await;
    assert!(page.body.contains("session-bar"), "the page says when the session ends");
    age_session(&db, &idle, Duration::from_secs(21 * 60)).await;
    assert!(app.get("/mina-sidor", Some(&idle)).await.is_login_redirect());

    let long = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    age_session(&db, &long, Duration::from_secs(9 * 3600)).await;
    // Even with fresh activity, the absolute limit holds.
    assert!(app.get("/mina-sidor", Some(&long)).await.is_login_redirect());
});

on_both_backends!(password_reset_is_single_use_and_ends_old_sessions, Migrated, |db| {
    let app = TestApp::new(db.clone());
    person(&db, "anna@example.se", "Anna", &[]).await;
    let old = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let known = app.post("/glomt-losenord", &[("email", "anna@example.se")], None).await;
    let unknown = app.post("/glomt-losenord", &[("email", "ingen@example.se")], None).await;
    assert_eq!(known.body, unknown.body, "the same page either way");
    assert!(nara::mail::store::outbox(&db).await.unwrap().iter().all(|m| m.to_address != "ingen@example.se"));

    let link = link_in_mail(&db, "anna@example.se").await;
    assert!(link.starts_with("/nytt-losenord/"));
    let short = app.post(&link, &[("password", "kort")], None).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = app.post(&link, &[("password", "ett helt nytt lösenord")], None).await;
    assert_eq!(done.location(), "/logga-in?klart=losenord");
    assert_eq!(app.post(&link, &[("password", "ett tredje lösenord")], None).await.status, StatusCode::GONE);
    assert!(app.get("/mina-sidor", Some(&old)).await.is_login_redirect(), "old sessions end");
    assert!(app.log_in("anna@example.se", PASSWORD).await.is_none());
    assert!(app.log_in("anna@example.se", "ett helt nytt lösenord").await.is_some());
});

on_both_backends!(an_invited_staff_member_chooses_a_password_and_gets_the_role, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let unit =
        nara::identity::store::upsert_unit(&db, "vuxen", "Vuxenenheten", "Adult services").await.unwrap();
    let admin =
        person(&db, "admin@example.se", "Admin", &[RoleGrant { role: Role::Admin, unit_id: None }]).await;
    let admin_token = nara::sessions::store::start_session(&db, admin).await.unwrap();
    let missing_unit = app
        .post(
            "/admin/bjud-in",
            &[("name", "Anna Berg"), ("email", "anna.berg@example.se"), ("role", "staff"), ("unit", "")],
            Some(&admin_token),
        )
        .await;
    assert_eq!(missing_unit.status, StatusCode::UNPROCESSABLE_ENTITY, "staff need a unit");
    let unit_text = unit.to_string();
    let invited = app
        .post(
            "/admin/bjud-in",
            &[
                ("name", "Anna Berg"),
                ("email", "anna.berg@example.se"),
                ("role", "staff"),
                ("unit", &unit_text),
            ],
            Some(&admin_token),
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER);
    let link = link_in_mail(&db, "anna.berg@example.se").await;
    assert!(link.starts_with("/inbjudan/"));
    app.post(&link, &[("password", "mitt eget lösenord")], None).await;
    let token = app.log_in("anna.berg@example.se", "mitt eget lösenord").await.expect("a session");
    let (person, _) = nara::identity::store::person_by_email(
        &db,
        &nara::identity::EmailAddress::parse("anna.berg@example.se").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        nara::identity::store::grants(&db, person.id).await.unwrap(),
        vec![RoleGrant { role: Role::Staff, unit_id: Some(unit) }]
    );
    assert_eq!(app.get("/admin", Some(&token)).await.status, StatusCode::FORBIDDEN);
});

on_both_backends!(deactivation_ends_access_but_keeps_history, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let admin =
        person(&db, "admin@example.se", "Admin", &[RoleGrant { role: Role::Admin, unit_id: None }]).await;
    let anna = person(&db, "anna@example.se", "Anna", &[]).await;
    let anna_token = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let admin_token = nara::sessions::store::start_session(&db, admin).await.unwrap();
    let page = app.get(&format!("/admin/personer/{anna}"), Some(&admin_token)).await;
    assert_eq!(page.status, StatusCode::OK);
    app.post(&format!("/admin/personer/{anna}/inaktivera"), &[], Some(&admin_token)).await;
    assert!(app.get("/mina-sidor", Some(&anna_token)).await.is_login_redirect());
    assert!(app.log_in("anna@example.se", PASSWORD).await.is_none());
    let history = nara::audit::store::access_log(&db, anna, 100).await.unwrap();
    let actions: Vec<&str> = history.iter().map(|l| l.action.as_str()).collect();
    assert!(
        actions.contains(&"account_deactivated")
            && actions.contains(&"person_viewed")
            && actions.contains(&"log_in")
    );
    let viewed = history.iter().find(|l| l.action == "person_viewed").unwrap();
    assert_eq!(viewed.purpose.as_deref(), Some("Administration av konto"));
    assert_eq!(viewed.actor_name.as_deref(), Some("Admin"));
    // An administrator cannot lock themselves out.
    assert_eq!(
        app.post(&format!("/admin/personer/{admin}/inaktivera"), &[], Some(&admin_token)).await.status,
        StatusCode::BAD_REQUEST
    );
});

on_both_backends!(the_resident_reads_who_has_seen_their_data, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let admin =
        person(&db, "admin@example.se", "Erik Nyström", &[RoleGrant { role: Role::Admin, unit_id: None }])
            .await;
    let anna = person(&db, "anna@example.se", "Anna", &[]).await;
    let admin_token = nara::sessions::store::start_session(&db, admin).await.unwrap();
    app.get(&format!("/admin/personer/{anna}"), Some(&admin_token)).await;
    let token = app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let sv = app.get("/mina-sidor/logg", Some(&token)).await;
    assert!(sv.body.contains("Erik Nyström") && sv.body.contains("Administration av konto"), "{}", sv.body);
    let en = app.get("/en/mina-sidor/logg", Some(&token)).await;
    assert!(en.body.contains("Erik Nyström") && en.body.contains("lang=\"en\""));
    assert!(en.body.contains("Account administration") && !en.body.contains("Administration av konto"));
});

on_both_backends!(removing_a_role_names_the_role_and_its_unit, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let admin =
        person(&db, "admin@example.se", "Admin", &[RoleGrant { role: Role::Admin, unit_id: None }]).await;
    let north = nara::identity::store::upsert_unit(&db, "norr", "Enhet Norr", "North unit").await.unwrap();
    let south = nara::identity::store::upsert_unit(&db, "soder", "Enhet Söder", "South unit").await.unwrap();
    let staff = |unit| RoleGrant { role: Role::Staff, unit_id: Some(unit) };
    let anna = person(&db, "anna@example.se", "Anna", &[staff(north), staff(south)]).await;
    let token = nara::sessions::store::start_session(&db, admin).await.unwrap();
    let page = app.get(&format!("/admin/personer/{anna}"), Some(&token)).await.body;
    for unit in ["Enhet Norr", "Enhet Söder"] {
        let name = format!("Ta bort<span class=\"visually-hidden\">: handläggare, {unit}</span></button>");
        assert_eq!(page.matches(&name).count(), 1, "one button names {unit}: {page}");
    }
});

on_both_backends!(log_reviewers_search_and_export_csv_for_excel, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let reviewer = person(
        &db,
        "granskare@example.se",
        "Maria Holm",
        &[RoleGrant { role: Role::LogReviewer, unit_id: None }],
    )
    .await;
    person(&db, "anna@example.se", "=Anna", &[]).await;
    app.log_in("anna@example.se", "fel lösenord!").await;
    app.log_in("anna@example.se", PASSWORD).await.unwrap();
    let token = nara::sessions::store::start_session(&db, reviewer).await.unwrap();
    let page = app
        .post("/granskning/logg", &[("vems", "anna@example.se"), ("handelse", "log_in")], Some(&token))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("=Anna"));
    let csv = app.post("/granskning/logg.csv", &[("vems", "anna@example.se")], Some(&token)).await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let text = csv.body.strip_prefix('\u{feff}').expect("UTF-8 with BOM");
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let actions: Vec<&str> = rows.iter().map(|r| &r[5]).collect();
    assert!(actions.contains(&"log_in") && actions.contains(&"log_in_failed"), "{actions:?}");
    assert!(rows.iter().all(|r| &r[8] == "'=Anna"), "formula-injection safe: {rows:?}");
    let searches = nara::audit::store::search(
        &db,
        &nara::audit::AuditFilter { actor_id: Some(reviewer), ..Default::default() },
        10,
    )
    .await
    .unwrap();
    assert_eq!(searches.len(), 2, "searching and exporting are themselves logged");
});

on_both_backends!(notices_go_to_active_people_with_an_address_in_their_language, Migrated, |db| {
    use nara::i18n::Locale;
    use nara::identity::store::{deactivate_person, mail_address, set_language};
    let swedish = person(&db, "siv@example.se", "Siv", &[]).await;
    let english = person(&db, "ed@example.se", "Ed", &[]).await;
    set_language(&db, english, Locale::EN).await.unwrap();
    // An e-identification account that never gave an address.
    let no_address = person(&db, "", "Nils", &[]).await;
    let gone = person(&db, "greta@example.se", "Greta", &[]).await;
    let mut tx = db.begin_write().await.unwrap();
    deactivate_person(&mut tx, gone).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(mail_address(&db, swedish).await.unwrap(), Some(("siv@example.se".into(), Locale::SV)));
    assert_eq!(mail_address(&db, english).await.unwrap(), Some(("ed@example.se".into(), Locale::EN)));
    assert_eq!(mail_address(&db, no_address).await.unwrap(), None, "no address, no notice");
    assert_eq!(mail_address(&db, gone).await.unwrap(), None, "no notices after they left the service");
    assert_eq!(mail_address(&db, uuid::Uuid::new_v4()).await.unwrap(), None);
});
