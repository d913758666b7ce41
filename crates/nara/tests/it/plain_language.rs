//! Plain language (klarspråk) on both databases, through the real router: the public checker API
//! answers JSON for JSON and form bodies and refuses too long or unreadable texts with a JSON
//! message in Swedish and English.

use crate::common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::app::TestApp;
use nara::plain_language::api::MAX_CHARS;
use tower::ServiceExt;

async fn api(app: &TestApp, content_type: &str, body: impl Into<Vec<u8>>) -> (StatusCode, serde_json::Value) {
    let answer =
        app.send_body(Method::POST, "/api/v1/klarsprak", Some(content_type), body.into(), None).await;
    let json = serde_json::from_str(&answer.body).unwrap_or_else(|_| panic!("JSON: {}", answer.body));
    (answer.status, json)
}

on_both_backends!(the_api_checks_json_and_form_texts, Migrated, |db| {
    let app = TestApp::new(db);
    let text = "Ansökan beviljas i enlighet med lagen. Ring 070-123 45 67.";
    let (status, report) =
        api(&app, "application/json", serde_json::json!({ "text": text }).to_string()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["words"], 10);
    assert_eq!(report["sentences"], 2);
    let plain: Vec<&str> =
        report["bureaucratic"].as_array().unwrap().iter().map(|h| h["plain"].as_str().unwrap()).collect();
    assert_eq!(plain, ["får", "enligt"]);
    assert_eq!(report["personal_data"][0]["kind"], "phone_number");
    assert!(report["lix"].as_f64().is_some() && report["lix_band"].is_string());

    let (status, report) = api(&app, "application/x-www-form-urlencoded", "text=Vi+ses+kl.+10.").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((report["words"].as_u64(), report["sentences"].as_u64()), (Some(4), Some(1)));
});

on_both_backends!(the_api_refuses_too_long_and_unreadable_texts_in_json, Migrated, |db| {
    let app = TestApp::new(db);
    let long = serde_json::json!({ "text": "ord ".repeat(MAX_CHARS / 4 + 1) }).to_string();
    let (status, refusal) = api(&app, "application/json", long).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(refusal["error"], "too_long");
    assert!(refusal["message"].as_str().unwrap().contains("för lång"), "{refusal}");
    assert!(refusal["message_en"].as_str().unwrap().contains("too long"), "{refusal}");

    // Over the route's body limit too: still JSON, not the plain-text rejection.
    let huge = vec![b'a'; 3 * 1024 * 1024];
    let (status, refusal) = api(&app, "application/json", huge).await;
    assert_eq!((status, refusal["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("too_long")));

    let (status, refusal) = api(&app, "application/json", "{\"txt\": 1}").await;
    assert_eq!((status, refusal["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("unreadable")));
});

/// A bare POST as another system sends it: no `Origin`, no `Sec-Fetch-Site`, no cookie.
async fn bare_post(app: &TestApp, path: &str, content_type: &str, body: &str) -> StatusCode {
    let request = Request::post(path)
        .header(header::HOST, "nara.example.se")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .unwrap();
    app.router.clone().oneshot(request).await.expect("the router answers").status()
}

on_both_backends!(other_systems_may_call_the_api_without_browser_headers, Migrated, |db| {
    let app = TestApp::new(db);
    let json = r#"{"text":"Ansökan beviljas i enlighet med lagen."}"#;
    assert_eq!(bare_post(&app, "/api/v1/klarsprak", "application/json", json).await, StatusCode::OK);
    // Only this route: every other post without a browser's word is still refused.
    let form = "application/x-www-form-urlencoded";
    for other in ["/logga-in", "/session/forlang", "/api/v1/klarsprak/", "/en/api/v1/klarsprak"] {
        assert_eq!(bare_post(&app, other, form, "text=x").await, StatusCode::FORBIDDEN, "{other}");
    }
});

/// The plain alternatives the API suggests for `text`.
async fn suggestions(app: &TestApp, text: &str) -> Vec<String> {
    let (status, report) =
        api(app, "application/json", serde_json::json!({ "text": text }).to_string()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    report["bureaucratic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["plain"].as_str().unwrap().to_string())
        .collect()
}

on_both_backends!(the_word_list_starts_from_the_starter_list_and_changes_reach_the_checker, Migrated, |db| {
    use nara::identity::{Role, RoleGrant};
    let app = TestApp::new(db.clone());
    let starter = nara::plain_language::glossary::starter_pairs().len();
    assert_eq!(nara::plain_language::word_list::store::all(&db).await.unwrap().len(), starter);
    db.migrate().await.unwrap();
    assert_eq!(nara::plain_language::word_list::store::all(&db).await.unwrap().len(), starter, "seeded once");

    let grant = |role| [RoleGrant { role, unit_id: None }];
    common::app::person(&db, "granskare@example.se", "Granskare", &grant(Role::PlainReviewer)).await;
    let reviewer = app.log_in("granskare@example.se", common::app::PASSWORD).await.unwrap();
    let text = "Arbetet fortskrider väl.";
    assert!(suggestions(&app, text).await.is_empty());

    // Added: the checker suggests it at once.
    let form = [("fras", "fortskrid*"), ("enklare", "går")];
    let added = app.post("/personal/klarsprak/ord/ny", &form, Some(&reviewer)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(suggestions(&app, text).await, ["går"]);
    let list = app.get("/personal/klarsprak/ord", Some(&reviewer)).await;
    assert!(list.status == StatusCode::OK && list.body.contains("fortskrid*"), "{}", list.body);

    // The same phrase again, in other case: refused with the error summary.
    let again = app
        .post("/personal/klarsprak/ord/ny", &[("fras", "Fortskrid*"), ("enklare", "x")], Some(&reviewer))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("error-summary") && again.body.contains("finns redan"), "{}", again.body);
    let bad =
        app.post("/personal/klarsprak/ord/ny", &[("fras", "t.ex."), ("enklare", "")], Some(&reviewer)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#fras\"") && bad.body.contains("href=\"#enklare\""), "{}", bad.body);

    // Changed, then removed.
    let pairs = nara::plain_language::word_list::store::all(&db).await.unwrap();
    let id = pairs.iter().find(|p| p.phrase == "fortskrid*").unwrap().id;
    let path = format!("/personal/klarsprak/ord/{id}");
    let changed = app.post(&path, &[("fras", "fortskrid*"), ("enklare", "ordna")], Some(&reviewer)).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(suggestions(&app, text).await, ["ordna"]);
    let removed = app.post(&format!("{path}/ta-bort"), &[], Some(&reviewer)).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(suggestions(&app, text).await.is_empty());
    // A starter pair removed stays removed: the list is the table's.
    let beviljas = pairs.iter().find(|p| p.phrase == "beviljas").unwrap().id;
    app.post(&format!("/personal/klarsprak/ord/{beviljas}/ta-bort"), &[], Some(&reviewer)).await;
    db.migrate().await.unwrap();
    assert!(!suggestions(&app, "Ansökan beviljas.").await.contains(&"får".to_string()));

    // Staff without the role are refused.
    common::app::person(&db, "personal@example.se", "Personal", &[]).await;
    let other = app.log_in("personal@example.se", common::app::PASSWORD).await.unwrap();
    let refused = app.post("/personal/klarsprak/ord/ny", &form, Some(&other)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/personal/klarsprak/ord", Some(&other)).await.status, StatusCode::FORBIDDEN);
});
