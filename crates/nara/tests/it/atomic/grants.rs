//! Association grants: every action on fresh applications of the demo association Fontänhuset to
//! the demo's operating grant, by its representative Kerstin Ali and the grant assessor Elin
//! Sandberg; new programmes and versions get fresh names.

use std::sync::Arc;

use chrono::NaiveDate;
use nara::applications::answers::{Answer, Answers};
use nara::db::UtcTime;
use nara::grants::store::{self, NewDecision, NewScore};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/forening/{slug}/bidrag/ny",
    "/forening/{slug}/bidrag/{application}",
    "/forening/{slug}/bidrag/{application}/skicka",
    "/forening/{slug}/bidrag/{application}/aterkalla",
    "/personal/bidrag/program",
    "/personal/bidrag/program/{slug}",
    "/personal/bidrag/ansokningar/{application}/jav",
    "/personal/bidrag/ansokningar/{application}/bedomning",
    "/personal/bidrag/ansokningar/{application}/beslut",
    "/personal/bidrag/ansokningar/{application}/utbetalning",
    "/forening/{slug}/bidrag/{application}/aterrapport",
];

const REPRESENTATIVE: &str = "forening@demo.nara.se";
const ASSESSOR: &str = "bidrag@demo.nara.se";
const ASSOCIATION: &str = "fontanhuset";
const PROGRAMME: &str = "verksamhetsbidrag";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/// A complete draft of 30 000 kr (one assessor is enough below 50 000).
async fn draft(w: &World) -> Uuid {
    let entry = nara::directory::store::entry_by_slug(&w.db, ASSOCIATION).await.unwrap().unwrap();
    let programme = store::programme(&w.db, PROGRAMME).await.unwrap().unwrap();
    let by = w.demo(REPRESENTATIVE).await;
    let answers = Answers::from([
        ("verksamhet".to_string(), Answer::Text("Öppet hus.".into())),
        ("deltagare".to_string(), Answer::Number("40".into())),
        ("ny_verksamhet".to_string(), Answer::YesNo(true)),
    ]);
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::start(&mut tx, entry.id, programme.id, programme.version, by).await.unwrap();
    assert!(store::save_draft(&mut tx, id, &answers, 3_000_000).await.unwrap());
    tx.commit().await.unwrap();
    id
}

async fn sent(w: &World) -> Uuid {
    let id = draft(w).await;
    let mut tx = w.db.begin_write().await.unwrap();
    assert!(store::submit(&mut tx, id, UtcTime::now(), "{}").await.unwrap());
    tx.commit().await.unwrap();
    id
}

async fn scored(w: &World) -> Uuid {
    let id = sent(w).await;
    let assessor = w.demo(ASSESSOR).await;
    let scores = ["malgrupp", "delaktighet", "samverkan"].map(|criterion| NewScore {
        criterion,
        score: 4,
        reason: "Bra.",
    });
    let mut tx = w.db.begin_write().await.unwrap();
    assert!(store::save_scores(&mut tx, id, assessor, &scores).await.unwrap());
    tx.commit().await.unwrap();
    id
}

async fn granted(w: &World) -> Uuid {
    let id = scored(w).await;
    let assessor = w.demo(ASSESSOR).await;
    let decision = NewDecision {
        outcome: nara::grants::Outcome::Granted,
        amount_ore: 2_500_000,
        conditions: None,
        reasons: "Verksamheten når många.",
    };
    let mut tx = w.db.begin_write().await.unwrap();
    assert!(store::decide(&mut tx, id, &decision, assessor).await.unwrap());
    tx.commit().await.unwrap();
    id
}

/// A granted application, paid, with its follow-up open.
async fn paid(w: &World) -> Uuid {
    let id = granted(w).await;
    let assessor = w.demo(ASSESSOR).await;
    let today = nara::stockholm::today();
    let schedule = nara::grants::follow_up::Schedule {
        period_start: today - chrono::Duration::days(200),
        due_on: today + chrono::Duration::days(30),
        remind_on: today + chrono::Duration::days(16),
    };
    let mut tx = w.db.begin_write().await.unwrap();
    store::record_payment(&mut tx, id, today, 2_500_000, "V-1", assessor).await.unwrap().unwrap();
    assert!(store::open_follow_up(&mut tx, id, &schedule).await.unwrap());
    tx.commit().await.unwrap();
    id
}

fn rules() -> String {
    let deadline = NaiveDate::from_ymd_opt(2030, 1, 31).unwrap();
    nara::demo::grants::rules_with_deadline(nara::demo::grants::PROGRAMMES[0].1, deadline)
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let representative = w.demo_session(REPRESENTATIVE).await;
    let assessor = w.demo_session(ASSESSOR).await;
    let association = |path: String| path.replace("{slug}", ASSOCIATION);
    match route {
        "/forening/{slug}/bidrag/ny" => {
            Request::post(association(route.to_string()), &[("programme", PROGRAMME)], Some(&representative))
        }
        "/forening/{slug}/bidrag/{application}" => {
            let path = association(route.replace("{application}", &draft(&w).await.to_string()));
            Request::multipart(
                path,
                &[
                    ("q-verksamhet", None, "Vi har öppet hus varje vecka.".as_bytes()),
                    ("q-deltagare", None, b"45"),
                    ("q-ny_verksamhet", None, b"nej"),
                    ("belopp", None, "30 000".as_bytes()),
                    ("budget-post-1", None, b"Hyra"),
                    ("budget-belopp-1", None, "20 000".as_bytes()),
                    ("budget-post-2", None, b"Fika"),
                    ("budget-belopp-2", None, b"10000,50"),
                    ("bilaga-typ", None, b"statutes"),
                    ("bilaga", Some("stadgar.pdf"), PDF),
                ],
                Some(&representative),
            )
        }
        "/forening/{slug}/bidrag/{application}/skicka" => {
            let path = association(route.replace("{application}", &draft(&w).await.to_string()));
            Request::post(path, &[], Some(&representative))
        }
        "/forening/{slug}/bidrag/{application}/aterkalla" => {
            let path = association(route.replace("{application}", &sent(&w).await.to_string()));
            Request::post(path, &[], Some(&representative))
        }
        "/personal/bidrag/program" => {
            let slug = w.unique("bidrag-");
            let questions = nara::demo::grants::PROGRAMMES[0].2;
            Request::post(
                route,
                &[("slug", &slug), ("rules", &rules()), ("questions", questions)],
                Some(&assessor),
            )
        }
        "/personal/bidrag/program/{slug}" => {
            let questions = nara::demo::grants::PROGRAMMES[0].2;
            Request::post(
                route.replace("{slug}", PROGRAMME),
                &[("rules", &rules()), ("questions", questions)],
                Some(&assessor),
            )
        }
        "/personal/bidrag/ansokningar/{application}/jav" => {
            let path = route.replace("{application}", &scored(&w).await.to_string());
            Request::post(path, &[], Some(&assessor))
        }
        "/personal/bidrag/ansokningar/{application}/bedomning" => {
            let path = route.replace("{application}", &sent(&w).await.to_string());
            Request::post(
                path,
                &[
                    ("poang-malgrupp", "5"),
                    ("motivering-malgrupp", "Når många."),
                    ("poang-delaktighet", "3"),
                    ("motivering-delaktighet", "Deltagarna styr en del."),
                    ("poang-samverkan", "2"),
                    ("motivering-samverkan", "Lite samverkan."),
                ],
                Some(&assessor),
            )
        }
        "/personal/bidrag/ansokningar/{application}/beslut" => {
            let path = route.replace("{application}", &scored(&w).await.to_string());
            Request::post(
                path,
                &[
                    ("utfall", "granted"),
                    ("belopp", "25 000"),
                    ("villkor", "Återrapport i december."),
                    ("skal", "Bra."),
                ],
                Some(&assessor),
            )
        }
        "/personal/bidrag/ansokningar/{application}/utbetalning" => {
            let path = route.replace("{application}", &granted(&w).await.to_string());
            Request::post(
                path,
                &[("datum", "2027-02-01"), ("utbetalt", "25 000"), ("referens", "V-1234")],
                Some(&assessor),
            )
        }
        "/forening/{slug}/bidrag/{application}/aterrapport" => {
            let path = association(route.replace("{application}", &paid(&w).await.to_string()));
            Request::post(
                path,
                &[
                    ("aktiviteter", "12"),
                    ("anmalda", "140"),
                    ("deltog", "118"),
                    ("forandring", "Fler kommer tillbaka."),
                    ("berattelse", "En deltagare fick arbete."),
                    ("atgard", "skicka"),
                ],
                Some(&representative),
            )
        }
        other => panic!("no scenario for {other}"),
    }
}
