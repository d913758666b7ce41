//! Plain language (klarspråk): the public checker API. It writes nothing of its own; its only
//! statement is the rate limit's count (see `CHANGE_NOTHING` and `ON_THEIR_OWN`).

use std::sync::Arc;

use super::{Request, World};

pub const ROUTES: &[&str] = &["/api/v1/klarsprak"];

pub async fn prepare(route: &'static str, _w: Arc<World>) -> Request {
    match route {
        "/api/v1/klarsprak" => {
            Request::post(route, &[("text", "Ansökan beviljas i enlighet med lagen. Vi hör av oss.")], None)
        }
        other => panic!("no scenario for {other}"),
    }
}
