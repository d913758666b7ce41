//! Paid assignments and recruitment on both databases, through the real router: the coordinator
//! engages a reporter, who logs hours; approved hours are locked (changes refused in the
//! statement, with a message); another person's assignment does not exist for them (404,
//! audited); payroll numbers are shown to the coordinator only, each showing audited per person;
//! the month's CSV, parsed with the `csv` crate, sums right; the recruitment form reaches the
//! coordinator (list and e-mail) and is deleted by the maintenance round after `delete_on`.

use crate::common;

use axum::http::{StatusCode, header};
use chrono::{Datelike, Days, Months, NaiveDate};
use common::app::{TestApp, person};
use nara::assignments::store;
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

async fn session(db: &Db, id: Uuid) -> String {
    nara::sessions::store::start_session(db, id).await.unwrap()
}

async fn count(db: &Db, action: &str, subject: Option<Uuid>) -> usize {
    let filter =
        nara::audit::AuditFilter { action: Some(action.into()), subject_id: subject, ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn grant(role: Role) -> [RoleGrant; 1] {
    [RoleGrant { role, unit_id: None }]
}

/// Öre from a CSV amount with a decimal comma (`446,88`), without floating point.
fn ore(text: &str) -> i64 {
    let (kronor, rest) = text.split_once(',').unwrap_or((text, "0"));
    kronor.parse::<i64>().unwrap() * 100 + format!("{rest:0<2}").parse::<i64>().unwrap()
}

on_both_backends!(hours_are_logged_approved_locked_and_exported_for_payroll, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let coordinator = person(&db, "david@example.se", "David Bergström", &grant(Role::Coordinator)).await;
    let reporter = person(&db, "amira@example.se", "Amira Yusuf", &grant(Role::Reporter)).await;
    let other = person(&db, "johan@example.se", "Johan Persson", &grant(Role::PlainReviewer)).await;
    let (c, r, o) =
        (session(&db, coordinator).await, session(&db, reporter).await, session(&db, other).await);

    // Last month, whatever today is: three days in it, all in the past.
    let today = nara::stockholm::today();
    let month_start = today.with_day(1).unwrap().checked_sub_months(Months::new(1)).unwrap();
    let month = nara::assignments::month_of(month_start);
    let days: Vec<NaiveDate> =
        [2, 9, 16].iter().map(|d| month_start.checked_add_days(Days::new(*d)).unwrap()).collect();

    let mut engage = vec![
        ("person", reporter.to_string()),
        ("kind", "article".to_string()),
        ("description", "Artiklar om stöd".to_string()),
        ("rate", "-5".to_string()),
        ("starts", month_start.to_string()),
        ("ends", today.to_string()),
        ("payroll_id", "L-4711".to_string()),
    ];
    let answer = app.post("/samordnare/uppdrag", &pairs(&engage), Some(&c)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Skriv timarvodet i kronor"), "{}", answer.body);
    engage[3].1 = "162,50".into();
    let answer = app.post("/samordnare/uppdrag", &pairs(&engage), Some(&r)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "only the coordinator engages");
    let answer = app.post("/samordnare/uppdrag", &pairs(&engage), Some(&c)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let assignment = store::assignments_of(&db, reporter).await.unwrap().remove(0);
    assert_eq!(assignment.hourly_rate_ore, 16_250);

    // The reporter logs three days; a day not yet come and a day before the assignment are refused.
    let path = format!("/mina-uppdrag/{}", assignment.id);
    for (day, hours, minutes) in [(days[0], "2", "45"), (days[1], "1", "0"), (days[2], "0", "15")] {
        let fields = [
            ("day", day.to_string()),
            ("hours", hours.into()),
            ("minutes", minutes.into()),
            ("note", "Skrev".into()),
        ];
        let answer = app.post(&path, &pairs(&fields), Some(&r)).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    }
    let tomorrow = today.succ_opt().unwrap().to_string();
    let before = month_start.pred_opt().unwrap().to_string();
    for (day, message) in
        [(tomorrow.as_str(), "en dag som inte har varit"), (before.as_str(), "inte inom uppdraget")]
    {
        let answer = app.post(&path, &[("day", day), ("hours", "1"), ("minutes", "0")], Some(&r)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(answer.body.contains(message), "{}", answer.body);
    }
    let answer =
        app.post(&path, &[("day", "2026-02-30"), ("hours", "25"), ("minutes", "10")], Some(&r)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "bad input is a message, not a 500");

    // Someone else's assignment does not exist for them, and the attempt is audited.
    let denied = count(&db, "access_denied", None).await;
    assert_eq!(app.get(&path, Some(&o)).await.status, StatusCode::NOT_FOUND);
    let answer =
        app.post(&path, &[("day", &days[0].to_string()), ("hours", "9"), ("minutes", "0")], Some(&o)).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = app.post(&format!("{path}/ta-bort"), &[("day", &days[2].to_string())], Some(&o)).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(count(&db, "access_denied", None).await, denied + 3);
    assert_eq!(store::hours_of(&db, assignment.id).await.unwrap().len(), 3, "nothing changed");
    assert!(app.get("/mina-uppdrag", Some(&o)).await.body.contains("inga uppdrag"));

    // The payroll number: on the coordinator's page only, each showing audited for the person.
    let mine = app.get("/mina-uppdrag", Some(&r)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Artiklar om stöd") && !mine.body.contains("L-4711"), "{}", mine.body);
    assert!(!app.get(&path, Some(&r)).await.body.contains("L-4711"));
    assert_eq!(
        app.get(&format!("/samordnare/uppdrag?manad={month}"), Some(&r)).await.status,
        StatusCode::FORBIDDEN
    );
    let viewed = count(&db, "payroll_id_viewed", Some(reporter)).await;
    let page = app.get(&format!("/samordnare/uppdrag?manad={month}"), Some(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("L-4711") && page.body.contains("Amira Yusuf"), "{}", page.body);
    assert_eq!(count(&db, "payroll_id_viewed", Some(reporter)).await, viewed + 1);
    assert_eq!(app.get("/samordnare/uppdrag?manad=2026-13", Some(&c)).await.status, StatusCode::BAD_REQUEST);

    // The coordinator approves two days; approving again is refused with a message.
    for day in &days[..2] {
        let fields = [("assignment", assignment.id.to_string()), ("day", day.to_string())];
        let answer = app.post("/samordnare/uppdrag/godkann", &pairs(&fields), Some(&c)).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    }
    let fields = [("assignment", assignment.id.to_string()), ("day", days[0].to_string())];
    let again = app.post("/samordnare/uppdrag/godkann", &pairs(&fields), Some(&c)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("redan godkända"), "{}", again.body);

    // An approved day is locked: a new time and a removal are refused in the statement.
    let fields = [("day", days[0].to_string()), ("hours", "8".into()), ("minutes", "0".into())];
    let answer = app.post(&path, &pairs(&fields), Some(&r)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("redan godkända. Då kan de inte ändras"), "{}", answer.body);
    let answer = app.post(&format!("{path}/ta-bort"), &[("day", &days[1].to_string())], Some(&r)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut tx = db.begin_write().await.unwrap();
    assert!(!store::log_hours(&mut tx, assignment.id, days[0], 40, "").await.unwrap(), "locked in SQL too");
    assert!(!store::delete_hours(&mut tx, assignment.id, days[0]).await.unwrap());
    tx.commit().await.unwrap();
    let answer = app.post(&format!("{path}/ta-bort"), &[("day", &days[2].to_string())], Some(&r)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "an unapproved day can still go");
    let hours = store::hours_of(&db, assignment.id).await.unwrap();
    assert_eq!(hours.iter().map(|h| h.quarters).collect::<Vec<_>>(), vec![11, 4]);
    assert!(hours.iter().all(|h| h.approved_at.is_some()));
    // 2,75 h and 1 h at 162,50 kr: 446,875 kr rounds to 446,88; 162,50.
    let mine = app.get("/mina-uppdrag", Some(&r)).await;
    assert!(mine.body.contains("609,38\u{a0}kr"), "{}", mine.body);

    // The month's CSV: Swedish Excel's format, one row per day approved, sums right, audited.
    assert_eq!(
        app.get(&format!("/samordnare/uppdrag.csv?manad={month}"), Some(&r)).await.status,
        StatusCode::FORBIDDEN
    );
    let exported = count(&db, "payroll_exported", Some(reporter)).await;
    let csv = app.get(&format!("/samordnare/uppdrag.csv?manad={month}"), Some(&c)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
    let text = csv.body.strip_prefix('\u{feff}').expect("a byte-order mark");
    let rows: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|row| row[0] == "L-4711" && row[1] == "Amira Yusuf"), "{rows:?}");
    assert_eq!(rows[0][4], days[0].to_string());
    assert_eq!((rows[0][5].as_str(), rows[1][5].as_str()), ("2,75", "1"));
    assert_eq!(rows.iter().map(|row| ore(&row[7])).sum::<i64>(), 44_688 + 16_250);
    assert_eq!(count(&db, "payroll_exported", Some(reporter)).await, exported + 1);
});

on_both_backends!(the_recruitment_form_reaches_the_coordinator_and_is_deleted_in_time, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let coordinator = person(&db, "david@example.se", "David Bergström", &grant(Role::Coordinator)).await;
    let c = session(&db, coordinator).await;

    let answer = app.post("/bli-medarbetare", &[("contact", "070-123 45 67"), ("role", "both")], None).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Skriv ditt namn"), "{}", answer.body);
    let long = "å".repeat(1_501);
    let answer = app
        .post(
            "/bli-medarbetare",
            &[("name", "Kim"), ("contact", "kim@example.se"), ("role", "x"), ("experience", &long)],
            None,
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("högst 1 500 tecken") && answer.body.contains("Välj vad du vill göra"));
    assert!(store::interests(&db).await.unwrap().is_empty());

    let fields = [
        ("name", "Kim Lindqvist"),
        ("contact", "kim@example.se"),
        ("role", "reporter"),
        ("experience", "Jag skriver gärna."),
    ];
    let answer = app.post("/en/bli-medarbetare", &fields, None).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("Thank you"), "{}", answer.body);
    let kept = store::interests(&db).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].delete_on, nara::assignments::delete_interest_on(nara::stockholm::today()));

    // The coordinator is told by e-mail, which names no one, and reads it on their list (audited).
    let mail = nara::mail::store::outbox(&db).await.unwrap();
    let mail: Vec<_> = mail.iter().filter(|m| m.to_address == "david@example.se").collect();
    assert_eq!(mail.len(), 1);
    assert!(mail[0].body.contains("/samordnare/intresseanmalningar") && !mail[0].body.contains("Kim"));
    assert!(app.get("/samordnare/intresseanmalningar", None).await.is_login_redirect());
    let list = app.get("/samordnare/intresseanmalningar", Some(&c)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Kim Lindqvist") && list.body.contains("kim@example.se"), "{}", list.body);
    assert_eq!(count(&db, "recruitment_interest_viewed", None).await, 1);

    // The maintenance round deletes what has reached its day and keeps the rest.
    let mut tx = db.begin_write().await.unwrap();
    let old = store::NewInterest {
        name: "Gammal".into(),
        contact: "x".into(),
        role: nara::assignments::Interest::Both,
        experience: String::new(),
        delete_on: nara::stockholm::today().pred_opt().unwrap(),
    };
    store::add_interest(&mut tx, &old).await.unwrap();
    tx.commit().await.unwrap();
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let base: url::Url = "https://nara.example.se".parse().unwrap();
    let round = nara::maintenance::run_once(&db, &catalogues, &base).await.unwrap();
    assert_eq!(round.recruitment_interests_deleted, 1);
    let left = store::interests(&db).await.unwrap();
    assert_eq!(left.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["Kim Lindqvist"]);
});
