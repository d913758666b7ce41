//! Plain language (klarspråk): the public checker API, which writes nothing of its own (its only
//! statement is the rate limit's count, see `CHANGE_NOTHING` and `ON_THEIR_OWN`), and the word
//! list kept by a plain-language reviewer.

use std::sync::Arc;

use nara::identity::{Role, RoleGrant};
use nara::plain_language::word_list::store;
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/api/v1/klarsprak",
    "/personal/klarsprak/ord/ny",
    "/personal/klarsprak/ord/{id}",
    "/personal/klarsprak/ord/{id}/ta-bort",
];

/// A new pair on the list, with a phrase no other run uses.
async fn pair(w: &World) -> Uuid {
    let phrase = w.unique("fras");
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::save(&mut tx, None, &phrase, "enklare", None).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    id
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let reviewer = || async {
        let (id, _) = w.person(&[RoleGrant { role: Role::PlainReviewer, unit_id: None }]).await;
        w.session(id).await
    };
    let phrase = || w.unique("ord");
    match route {
        "/api/v1/klarsprak" => {
            Request::post(route, &[("text", "Ansökan beviljas i enlighet med lagen. Vi hör av oss.")], None)
        }
        "/personal/klarsprak/ord/ny" => {
            let session = reviewer().await;
            Request::post(route, &[("fras", &phrase()), ("enklare", "enkelt")], Some(&session))
        }
        "/personal/klarsprak/ord/{id}" => {
            let (id, session) = (pair(&w).await, reviewer().await);
            let path = format!("/personal/klarsprak/ord/{id}");
            Request::post(path, &[("fras", &phrase()), ("enklare", "enklast")], Some(&session))
        }
        "/personal/klarsprak/ord/{id}/ta-bort" => {
            let (id, session) = (pair(&w).await, reviewer().await);
            Request::post(format!("/personal/klarsprak/ord/{id}/ta-bort"), &[], Some(&session))
        }
        other => panic!("no scenario for {other}"),
    }
}
