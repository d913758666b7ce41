//! The leisure bank's statistics on both databases: loans per month and category, items back in
//! use and participants' signed-off hours, as the page and the CSV (parsed with the `csv` crate)
//! show them; small groups hidden, and a lone participant's hours never shown; the quality office
//! and leisure staff may read them, a resident may not.

use crate::common;

use axum::http::{StatusCode, header};
use chrono::Datelike;
use common::app::{TestApp, person};
use nara::db::Db;
use nara::identity::Role;
use nara::leisure::store::{self, NewItem, NewType};
use nara::leisure::{Step, Task};
use uuid::Uuid;

use crate::leisure::{bank, grant, item_path, resident, session};

/// The CSV's lines as (measure, category, period) → value.
fn parse(bytes: &[u8]) -> Vec<[String; 4]> {
    let text =
        std::str::from_utf8(bytes).unwrap().strip_prefix('\u{feff}').expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, ["Mått", "Kategori", "Period", "Värde"]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            [r[0].to_string(), r[1].to_string(), r[2].to_string(), r[3].to_string()]
        })
        .collect()
}

fn value<'a>(lines: &'a [[String; 4]], measure: &str, category: &str, period: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l[0] == measure && l[1] == category && l[2] == period)
        .map(|l| l[3].as_str())
        .unwrap_or_else(|| panic!("no line {measure} / {category} / {period}"))
}

async fn lend(db: &Db, item: Uuid) {
    let row = store::item(db, item).await.unwrap().unwrap();
    let mut tx = db.begin_write().await.unwrap();
    store::lend_at_desk(&mut tx, &row, "Disk Låntagare", "070-111 22 33", None, nara::stockholm::today())
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
}

on_both_backends!(the_statistics_count_loans_use_and_hours_and_hide_small_groups, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let bank = bank(&db, 7).await;
    // Six winter loans this month (shown) and two of a ball (a small group, hidden).
    let mut tx = db.begin_write().await.unwrap();
    let ball = store::add_type(
        &mut tx,
        &NewType { category: "ball", name_sv: "Fotboll", name_en: "Football", size: "5" },
    )
    .await
    .unwrap();
    let new: Vec<NewItem> = (0..2)
        .map(|_| NewItem {
            type_id: ball,
            place_id: bank.places[0],
            step: Step::Available,
            condition: "good",
        })
        .collect();
    let balls = store::insert_items(&mut tx, &new, None).await.unwrap();
    tx.commit().await.unwrap();
    for (id, _) in bank.items.iter().take(6).chain(&balls) {
        lend(&db, *id).await;
    }
    // One item washed back into use.
    let (_, code) = &bank.items[6];
    for to in ["sorting", "washing", "available"] {
        app.post(&format!("{}/steg", item_path(code)), &[("to", to)], Some(&bank.staff)).await;
    }
    // Five participants' signed-off hours this month, and one participant alone in another month.
    let today = nara::stockholm::today();
    let (this_month, other_month) = (today.month(), if today.month() == 1 { 2 } else { 1 });
    let mut participants = Vec::new();
    for n in 0..6 {
        let id = person(
            &db,
            &format!("deltagare{n}@example.se"),
            &format!("Deltagare Nummer{n}"),
            &[grant(Role::LeisureParticipant)],
        )
        .await;
        let mut tx = db.begin_write().await.unwrap();
        let work =
            store::record_work(&mut tx, id, bank.items[6].0, Task::Wash, 30 + n, "Tvättade").await.unwrap();
        assert!(store::sign_off(&mut tx, work, bank.staff_id).await.unwrap());
        tx.commit().await.unwrap();
        participants.push(id);
    }
    let elsewhere = nara::stockholm::to_utc(
        chrono::NaiveDate::from_ymd_opt(today.year(), other_month, 15)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap(),
    )
    .unwrap();
    db.sql()
        .execute(
            "UPDATE leisure_work SET recorded_at = $1 WHERE person_id = $2",
            &[&nara::db::UtcTime(elsewhere), &participants[5]],
        )
        .await
        .unwrap();
    // Unsigned work is not counted.
    let mut tx = db.begin_write().await.unwrap();
    store::record_work(&mut tx, participants[0], bank.items[6].0, Task::Wash, 500, "Inte godkänt")
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let quality = person(&db, "kvalitet@example.se", "Kvalitet Nämnd", &[grant(Role::Quality)]).await;
    let quality = session(&db, quality).await;
    let csv = app.get("/personal/fritidsbanken/statistik.csv", Some(&quality)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
    assert!(
        csv.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains(&format!("fritidsbanken-{}.csv", today.year()))
    );
    let lines = parse(csv.body.as_bytes());
    let now = format!("{}-{this_month:02}", today.year());
    let other = format!("{}-{other_month:02}", today.year());
    let (loans, year) = ("Lån per månad och kategori", "Hela året");
    assert_eq!(value(&lines, loans, "Vintersport", &now), "6");
    assert_eq!(value(&lines, loans, "Vintersport", year), "6");
    assert_eq!(value(&lines, loans, "Bollsport", &now), "", "two loans are a small group");
    assert_eq!(value(&lines, loans, "Bollsport", year), "");
    assert_eq!(value(&lines, loans, "Cykel", year), "0");
    assert_eq!(value(&lines, "Tillbaka i bruk", "Vintersport", &now), "1");
    let co2 = "Uppskattad klimatnytta, kg koldioxidekvivalenter";
    assert_eq!(value(&lines, co2, "Vintersport", year), "18,0", "six loans of 3.0 kg");
    assert_eq!(value(&lines, co2, "Alla kategorier", year), "", "it would give the hidden ball loans away");
    // The lone participant's month is hidden, and with it the month of five (the year less it
    // would show the lone one); the year covers all six.
    let (hours, people) = ("Deltagarnas godkända timmar", "Deltagare");
    assert_eq!(value(&lines, hours, "", &other), "");
    assert_eq!(value(&lines, people, "", &other), "");
    assert_eq!(value(&lines, hours, "", &now), "");
    assert_eq!(value(&lines, people, "", year), "6");
    let minutes: i32 = (30..36).sum();
    assert_eq!(value(&lines, hours, "", year), format!("{:.1}", f64::from(minutes) / 60.0).replace('.', ","));

    // The page shows the same, to leisure staff too, in both languages.
    let page = app.get("/personal/fritidsbanken/statistik", Some(&bank.staff)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Lån per månad och kategori") && page.body.contains("18"), "{}", page.body);
    assert!(!page.body.contains("Deltagare Nummer"), "no participant is named");
    let english = app.get("/en/personal/fritidsbanken/statistik", Some(&quality)).await;
    assert!(english.body.contains("Loans per month and category"));
    let english_csv = app.get("/en/personal/fritidsbanken/statistik.csv", Some(&quality)).await;
    assert!(english_csv.body.contains("Measure;Category;Period;Value"));
    // A year not offered is not found; a resident is refused; nobody anonymous gets in.
    let old = app.get("/personal/fritidsbanken/statistik?ar=1999", Some(&quality)).await;
    assert_eq!(old.status, StatusCode::NOT_FOUND);
    let (_, resident) = resident(&db, 1).await;
    for path in ["/personal/fritidsbanken/statistik", "/personal/fritidsbanken/statistik.csv"] {
        assert_eq!(app.get(path, Some(&resident)).await.status, StatusCode::FORBIDDEN, "{path}");
        assert!(app.get(path, None).await.is_login_redirect(), "{path}");
    }
});
