//! (scenarios to come)

use std::sync::Arc;

use super::{Request, World};

pub const ROUTES: &[&str] = &[];

pub async fn prepare(route: &'static str, _w: Arc<World>) -> Request {
    panic!("no scenario for {route}")
}
