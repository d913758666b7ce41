//! The leisure bank: reserving, renewing, and the desk's hand-over, return and next step, each on
//! fresh items of the demo's two lending places.

use std::sync::Arc;

use nara::leisure::Step;
use nara::leisure::store::{self, Reserved};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/fritidsbanken/reservera",
    "/mina-sidor/lan/{loan}/forlang",
    "/personal/fritidsbanken/artikel/{code}/lamna-ut",
    "/personal/fritidsbanken/artikel/{code}/ta-emot",
    "/personal/fritidsbanken/artikel/{code}/steg",
    "/personal/fritidsbanken/timmar/{work}/godkann",
    "/fritidsbanken/uppgifter/{code}",
];

const DESK: &str = "fritidsbank@demo.nara.se";
const PARTICIPANT: &str = "deltagare@demo.nara.se";

/// A kind with an item free now, and the place it is at.
async fn free(w: &World) -> (Uuid, Uuid) {
    let row =
        store::availability(&w.db).await.unwrap().into_iter().find(|a| a.available > 0).expect("a free item");
    (row.type_id, row.place_id)
}

/// A new resident with a reservation (a loan to pick up) of a free item.
async fn reservation(w: &World) -> (Uuid, Uuid, String) {
    let (person, _) = w.person(&[]).await;
    let (kind, place) = free(w).await;
    let mut tx = w.db.begin_write().await.unwrap();
    let Reserved::Item(loan) = store::reserve(&mut tx, kind, place, person).await.unwrap() else {
        panic!("free")
    };
    tx.commit().await.unwrap();
    let code = store::loan(&w.db, loan).await.unwrap().unwrap().code;
    (person, loan, code)
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let desk = w.demo_session(DESK).await;
    let today = nara::stockholm::today();
    match route {
        "/fritidsbanken/reservera" => {
            let (person, _) = w.person(&[]).await;
            let (kind, place) = free(&w).await;
            let (kind, place) = (kind.to_string(), place.to_string());
            Request::post(route, &[("kind", &kind), ("place", &place)], Some(&w.session(person).await))
        }
        "/mina-sidor/lan/{loan}/forlang" => {
            let (person, loan, _) = reservation(&w).await;
            let row = store::loan(&w.db, loan).await.unwrap().unwrap();
            let mut tx = w.db.begin_write().await.unwrap();
            assert!(store::hand_over(&mut tx, &row, person, today).await.unwrap());
            tx.commit().await.unwrap();
            Request::post(route.replace("{loan}", &loan.to_string()), &[], Some(&w.session(person).await))
        }
        "/personal/fritidsbanken/artikel/{code}/lamna-ut" => {
            let (_, _, code) = reservation(&w).await;
            Request::post(route.replace("{code}", &code), &[], Some(&desk))
        }
        "/personal/fritidsbanken/artikel/{code}/ta-emot" => {
            let item = store::items_at(&w.db, Step::Available, 500)
                .await
                .unwrap()
                .into_iter()
                .find(|i| !i.held)
                .expect("a free item");
            let mut tx = w.db.begin_write().await.unwrap();
            store::lend_at_desk(&mut tx, &item, "Disklåntagare", "070-111 22 33", None, today).await.unwrap();
            tx.commit().await.unwrap();
            let place = item.place_id.to_string();
            Request::post(route.replace("{code}", &item.code), &[("place", &place)], Some(&desk))
        }
        "/personal/fritidsbanken/artikel/{code}/steg" => {
            let item = store::items_at(&w.db, Step::Washing, 1).await.unwrap().remove(0);
            Request::post(route.replace("{code}", &item.code), &[("to", "repair")], Some(&desk))
        }
        "/personal/fritidsbanken/timmar/{work}/godkann" => {
            let participant = w.demo(PARTICIPANT).await;
            let item = store::items_at(&w.db, Step::Sorting, 1).await.unwrap().remove(0);
            let mut tx = w.db.begin_write().await.unwrap();
            let work =
                store::record_work(&mut tx, participant, item.id, nara::leisure::Task::Sort, 20, "Sorterade")
                    .await
                    .unwrap();
            tx.commit().await.unwrap();
            Request::post(route.replace("{work}", &work.to_string()), &[], Some(&desk))
        }
        "/fritidsbanken/uppgifter/{code}" => {
            let item = store::items_at(&w.db, Step::Washing, 1).await.unwrap().remove(0);
            let form = [("minutes", "25"), ("what", "Tvättade och torkade."), ("to", "repair")];
            Request::post(
                route.replace("{code}", &item.code),
                &form,
                Some(&w.demo_session(PARTICIPANT).await),
            )
        }
        _ => panic!("no scenario for {route}"),
    }
}
