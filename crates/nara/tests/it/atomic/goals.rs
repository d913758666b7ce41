//! The case record's placements and youth sentences: every change on a fresh case of a new child
//! at the demo's Children and family unit, whose officer is Jonas Ek.

use std::sync::Arc;

use chrono::NaiveDate;
use nara::cases::NewCase;
use nara::cases::placements::{NewPlacement, NewSentence, PlacementKind, SentenceTerms, store};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/handlaggare/arenden/{case}/placeringar",
    "/handlaggare/arenden/{case}/placeringar/avsluta",
    "/handlaggare/arenden/{case}/pafoljder",
    "/handlaggare/arenden/{case}/pafoljder/avsluta",
];

const JONAS: &str = "handlaggare.barn@demo.nara.se";

fn date(text: &str) -> NaiveDate {
    nara::cases::placements::parse_date(text).unwrap()
}

/// A new child's case at Children and family, with Jonas as contact person.
async fn new_case(w: &World) -> Uuid {
    let (child, _) = w.person(&[]).await;
    let new = NewCase {
        resident_id: child,
        unit_id: w.unit("barn-och-familj").await,
        officer_id: Some(w.demo(JONAS).await),
        title: "Placering".into(),
    };
    nara::cases::store::open_case(&w.db, &new, None).await.unwrap()
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let case = new_case(&w).await;
    let jonas = w.demo(JONAS).await;
    let session = w.session(jonas).await;
    let path = route.replace("{case}", &case.to_string());
    match route {
        "/handlaggare/arenden/{case}/placeringar" => {
            let form =
                [("placement-kind", "jourhem"), ("placement-start", "2026-01-10"), ("placement-end", "")];
            Request::post(path, &form, Some(&session))
        }
        "/handlaggare/arenden/{case}/placeringar/avsluta" => {
            let mut tx = w.db.begin_write().await.unwrap();
            let new = NewPlacement {
                kind: PlacementKind::EmergencyHome,
                start_on: date("2026-01-10"),
                end_on: None,
            };
            let placement = store::add_placement(&mut tx, case, &new, jonas).await.unwrap();
            tx.commit().await.unwrap();
            let id = placement.to_string();
            Request::post(
                path,
                &[("end-placement", id.as_str()), ("end-placement-on", "2026-03-01")],
                Some(&session),
            )
        }
        "/handlaggare/arenden/{case}/pafoljder" => {
            let form = [
                ("sentence-kind", "ungdomsvard"),
                ("sentence-hours", ""),
                ("sentence-plan", "Samtalsbehandling varje vecka."),
                ("sentence-decided", "2026-04-01"),
            ];
            Request::post(path, &form, Some(&session))
        }
        "/handlaggare/arenden/{case}/pafoljder/avsluta" => {
            let mut tx = w.db.begin_write().await.unwrap();
            let new = NewSentence { terms: SentenceTerms::Hours(40), decided_on: date("2026-04-01") };
            let sentence = store::add_sentence(&mut tx, case, &new, jonas).await.unwrap();
            tx.commit().await.unwrap();
            let id = sentence.to_string();
            let form = [
                ("end-sentence", id.as_str()),
                ("sentence-outcome", "broken_off"),
                ("sentence-ended", "2026-06-01"),
            ];
            Request::post(path, &form, Some(&session))
        }
        _ => panic!("no scenario for {route}"),
    }
}
