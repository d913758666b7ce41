//! Paid assignments and recruitment: the demo reporter logs and removes hours on a fresh
//! assignment, the demo coordinator engages and approves, and anyone sends the recruitment form.

use std::sync::Arc;

use nara::assignments::Kind;
use nara::assignments::store::{self, NewAssignment};
use nara::demo::reporters::{COORDINATOR, REPORTER};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/mina-uppdrag/{assignment}",
    "/mina-uppdrag/{assignment}/ta-bort",
    "/samordnare/uppdrag",
    "/samordnare/uppdrag/godkann",
    "/bli-medarbetare",
];

/// A fresh assignment of the demo reporter up to today, with today's hours logged when `logged`.
async fn assignment(w: &World, logged: bool) -> Uuid {
    let reporter = w.demo(REPORTER).await;
    let coordinator = w.demo(COORDINATOR).await;
    let today = nara::stockholm::today();
    let new = NewAssignment {
        person_id: reporter,
        kind: Kind::Article,
        description: w.unique("Uppdrag "),
        hourly_rate_ore: 15_000,
        starts_on: today.checked_sub_days(chrono::Days::new(30)).unwrap(),
        ends_on: today,
    };
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::create(&mut tx, &new, coordinator).await.unwrap();
    if logged {
        assert!(store::log_hours(&mut tx, id, today, 6, "Läste texter").await.unwrap());
    }
    tx.commit().await.unwrap();
    id
}

fn post(path: String, form: &[(&str, String)], session: Option<&str>) -> Request {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Request::post(path, &form, session)
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let today = nara::stockholm::today().to_string();
    match route {
        "/mina-uppdrag/{assignment}" => {
            let id = assignment(&w, false).await;
            let reporter = w.demo_session(REPORTER).await;
            let fields =
                [("day", today), ("hours", "1".into()), ("minutes", "30".into()), ("note", "Skrev".into())];
            post(route.replace("{assignment}", &id.to_string()), &fields, Some(&reporter))
        }
        "/mina-uppdrag/{assignment}/ta-bort" => {
            let id = assignment(&w, true).await;
            let reporter = w.demo_session(REPORTER).await;
            post(route.replace("{assignment}", &id.to_string()), &[("day", today)], Some(&reporter))
        }
        "/samordnare/uppdrag" => {
            let coordinator = w.demo_session(COORDINATOR).await;
            let fields = [
                ("person", w.demo(REPORTER).await.to_string()),
                ("kind", "interview".into()),
                ("description", w.unique("Intervjuer ")),
                ("rate", "162,50".into()),
                ("starts", "2026-01-01".into()),
                ("ends", "2026-12-31".into()),
                ("payroll_id", w.unique("L-")),
            ];
            post(route.into(), &fields, Some(&coordinator))
        }
        "/samordnare/uppdrag/godkann" => {
            let id = assignment(&w, true).await;
            let coordinator = w.demo_session(COORDINATOR).await;
            post(route.into(), &[("assignment", id.to_string()), ("day", today)], Some(&coordinator))
        }
        "/bli-medarbetare" => {
            let fields = [
                ("name", w.unique("Kim ")),
                ("contact", "kim@example.se".into()),
                ("role", "both".into()),
                ("experience", "Jag har haft kontakt med socialtjänsten.".into()),
            ];
            post(route.into(), &fields, None)
        }
        other => panic!("no scenario for {other}"),
    }
}
