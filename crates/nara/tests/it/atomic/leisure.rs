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
    "/mina-sidor/lan/ko/{kind}/lamna",
    "/personal/fritidsbanken/artikel/{code}/lamna-ut",
    "/personal/fritidsbanken/artikel/{code}/ta-emot",
    "/personal/fritidsbanken/artikel/{code}/steg",
    "/personal/fritidsbanken/artikel/{code}/foto",
    "/personal/fritidsbanken/artikel/{code}/foto/ta-bort",
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
        "/mina-sidor/lan/ko/{kind}/lamna" => {
            let (person, _) = w.person(&[]).await;
            let (kind, _) = free(&w).await;
            // A place in line as a reservation makes it when nothing is free.
            let join =
                "INSERT INTO leisure_waitlist (id, type_id, person_id, joined_at) VALUES ($1, $2, $3, $4)";
            let params: [&dyn nara::db::Param; 4] =
                [&Uuid::new_v4(), &kind, &person, &nara::db::UtcTime::now()];
            w.db.sql().execute(join, &params).await.unwrap();
            Request::post(route.replace("{kind}", &kind.to_string()), &[], Some(&w.session(person).await))
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
        "/personal/fritidsbanken/artikel/{code}/foto" => {
            // Each run replaces the kind's photo (and deletes the one before).
            let item = store::items_at(&w.db, Step::Sorting, 1).await.unwrap().remove(0);
            let png = crate::reporters::png();
            let parts: [(&str, Option<&str>, &[u8]); 2] =
                [("alt", None, "Ett par skridskor".as_bytes()), ("image", Some("skridskor.png"), &png)];
            Request::multipart(route.replace("{code}", &item.code), &parts, Some(&desk))
        }
        "/personal/fritidsbanken/artikel/{code}/foto/ta-bort" => {
            let item = store::items_at(&w.db, Step::Repair, 1).await.unwrap().remove(0);
            let picture = nara::media::process(&crate::reporters::png(), 600).unwrap();
            let staff = w.demo(DESK).await;
            let mut tx = w.db.begin_write().await.unwrap();
            let image = nara::media::store::insert(&mut tx, &picture, staff).await.unwrap();
            if let Some(old) =
                store::set_photo(&mut tx, item.type_id, image, "Skridskor", staff).await.unwrap()
            {
                nara::media::store::delete(&mut tx, old).await.unwrap();
            }
            tx.commit().await.unwrap();
            Request::post(route.replace("{code}", &item.code), &[], Some(&desk))
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
