//! Coordinated individual plans: every action on a fresh plan of a new resident of the demo's
//! adult unit, worked on by Anna Berg.

use std::sync::Arc;

use chrono::NaiveDate;
use nara::cases::NewCase;
use nara::plans::{Responsible, store};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/handlaggare/arenden/{case}/planer",
    "/handlaggare/planer/{plan}/enheter",
    "/handlaggare/planer/{plan}/deltagare",
    "/handlaggare/planer/{plan}/mal",
    "/handlaggare/planer/{plan}/atgarder",
    "/handlaggare/planer/{plan}/atgarder/{action}/klar",
    "/handlaggare/planer/{plan}/uppfoljning",
    "/handlaggare/planer/{plan}/uppfoljd",
    "/mina-sidor/planer/{plan}/min-syn",
    "/mina-sidor/planer/{plan}/godkann",
];

/// The demo officer of the adult unit.
const ANNA: &str = "handlaggare.vuxen@demo.nara.se";

fn date(text: &str) -> NaiveDate {
    nara::plans::parse_date(text).unwrap()
}

/// A new resident's case at the adult unit, with Anna as contact person; the resident and their session.
async fn new_case(w: &World) -> (Uuid, Uuid, String) {
    let (resident, _) = w.person(&[]).await;
    let new = NewCase {
        resident_id: resident,
        unit_id: w.unit("vuxen").await,
        officer_id: Some(w.demo(ANNA).await),
        title: "Samtalsstöd".into(),
    };
    let case = nara::cases::store::open_case(&w.db, &new, None).await.unwrap();
    (case, resident, w.session(resident).await)
}

/// A new plan, ready for agreement (a goal, an action of the adult unit, a follow-up date); its
/// id, action and the resident's session.
async fn ready_plan(w: &World) -> (Uuid, Uuid, String) {
    let (case, resident, session) = new_case(w).await;
    let (anna, adults) = (w.demo(ANNA).await, w.unit("vuxen").await);
    let mut tx = w.db.begin_write().await.unwrap();
    let plan = store::create(&mut tx, resident, Some(case), "Plan", adults, anna).await.unwrap();
    store::add_goal(&mut tx, plan, "Mål", anna).await.unwrap();
    let action =
        store::add_action(&mut tx, plan, Responsible::Unit(adults), "Ring", date("2027-01-31"), anna)
            .await
            .unwrap();
    store::set_follow_up(&mut tx, plan, date("2027-03-01")).await.unwrap();
    tx.commit().await.unwrap();
    (plan, action, session)
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let anna = w.demo_session(ANNA).await;
    let (plan, action, resident) = ready_plan(&w).await;
    let path = route.replace("{plan}", &plan.to_string()).replace("{action}", &action.to_string());
    match route {
        "/handlaggare/arenden/{case}/planer" => {
            let (case, _, _) = new_case(&w).await;
            Request::post(route.replace("{case}", &case.to_string()), &[("title", "Ny plan")], Some(&anna))
        }
        "/handlaggare/planer/{plan}/enheter" => {
            let families = w.unit("barn-och-familj").await.to_string();
            Request::post(path, &[("unit", &families)], Some(&anna))
        }
        "/handlaggare/planer/{plan}/deltagare" => Request::post(
            path,
            &[("outside-name", "Leila Karimi"), ("outside-organisation", "Region Stockholm, vårdcentral")],
            Some(&anna),
        ),
        "/handlaggare/planer/{plan}/mal" => Request::post(path, &[("goal", "Ett mål till.")], Some(&anna)),
        "/handlaggare/planer/{plan}/atgarder" => Request::post(
            path,
            &[("action", "Besök."), ("action-who", "invanare"), ("action-due", "2027-02-01")],
            Some(&anna),
        ),
        "/handlaggare/planer/{plan}/atgarder/{action}/klar" => Request::post(path, &[], Some(&anna)),
        "/handlaggare/planer/{plan}/uppfoljning" => {
            Request::post(path, &[("follow-up", "2027-04-01")], Some(&anna))
        }
        "/handlaggare/planer/{plan}/uppfoljd" => {
            let mut tx = w.db.begin_write().await.unwrap();
            let version = store::plan(&w.db, plan).await.unwrap().unwrap().version;
            assert!(store::agree(&mut tx, plan, version).await.unwrap());
            tx.commit().await.unwrap();
            Request::post(path, &[], Some(&anna))
        }
        "/mina-sidor/planer/{plan}/min-syn" => {
            Request::post(path, &[("view", "Det låter bra.")], Some(&resident))
        }
        "/mina-sidor/planer/{plan}/godkann" => {
            let version = store::plan(&w.db, plan).await.unwrap().unwrap().version.to_string();
            Request::post(path, &[("version", &version), ("agree", "ja")], Some(&resident))
        }
        other => panic!("no scenario for {other}"),
    }
}
