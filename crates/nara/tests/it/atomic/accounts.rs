//! Accounts, sessions, administration, set-up registers and the log review.

use std::sync::Arc;

use nara::identity::{Role, RoleGrant};

use super::{Request, World};
use crate::common::app::{PASSWORD, link_in_mail};

pub const ROUTES: &[&str] = &[
    "/logga-in",
    "/logga-ut",
    "/logga-ut/overallt",
    "/session/forlang",
    "/skapa-konto",
    "/verifiera-epost/{token}",
    "/glomt-losenord",
    "/nytt-losenord/{token}",
    "/inbjudan/{token}",
    "/admin/bjud-in",
    "/admin/personer/{id}/roller",
    "/admin/personer/{id}/roller/ta-bort",
    "/admin/personer/{id}/inaktivera",
    "/admin/{register}",
    "/admin/{register}/{slug}",
    "/admin/{register}/{slug}/ta-bort",
    "/granskning/logg",
    "/granskning/logg.csv",
];

const ADMIN: &str = "admin@demo.nara.se";

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    match route {
        "/logga-in" => {
            let (_, email) = w.person(&[]).await;
            Request::post(route, &[("email", &email), ("password", PASSWORD)], None)
        }
        "/logga-ut" | "/logga-ut/overallt" | "/session/forlang" => {
            let (id, _) = w.person(&[]).await;
            let session = w.session(id).await;
            Request::post(route, &[], Some(&session))
        }
        "/skapa-konto" => {
            let email = format!("{}@example.se", w.unique("ny"));
            Request::post(
                route,
                &[("name", "Kerstin Ali"), ("email", &email), ("password", "tre ord i rad")],
                None,
            )
        }
        "/verifiera-epost/{token}" => {
            let email = format!("{}@example.se", w.unique("verifiera"));
            let form = [("name", "Kerstin Ali"), ("email", email.as_str()), ("password", "tre ord i rad")];
            w.app.post("/skapa-konto", &form, None).await;
            Request::post(link_in_mail(&w.db, &email).await, &[], None)
        }
        "/glomt-losenord" => {
            let (_, email) = w.person(&[]).await;
            Request::post(route, &[("email", &email)], None)
        }
        "/nytt-losenord/{token}" => {
            let (_, email) = w.person(&[]).await;
            w.app.post("/glomt-losenord", &[("email", &email)], None).await;
            Request::post(link_in_mail(&w.db, &email).await, &[("password", "ett helt nytt lösenord")], None)
        }
        "/inbjudan/{token}" => {
            let email = invite(&w).await;
            Request::post(link_in_mail(&w.db, &email).await, &[("password", "mitt eget lösenord")], None)
        }
        "/admin/bjud-in" => {
            let unit = w.unit("vuxen").await.to_string();
            let email = format!("{}@example.se", w.unique("inbjuden"));
            let form = [("name", "Anna Berg"), ("email", email.as_str()), ("role", "staff"), ("unit", &unit)];
            Request::post(route, &form, Some(&w.demo_session(ADMIN).await))
        }
        "/admin/personer/{id}/roller" | "/admin/personer/{id}/roller/ta-bort" => {
            let unit = w.unit("vuxen").await;
            let grants: &[RoleGrant] = if route.ends_with("ta-bort") {
                &[RoleGrant { role: Role::Staff, unit_id: Some(unit) }]
            } else {
                &[]
            };
            let (id, _) = w.person(grants).await;
            let path = route.replace("{id}", &id.to_string());
            let unit = unit.to_string();
            Request::post(path, &[("role", "staff"), ("unit", &unit)], Some(&w.demo_session(ADMIN).await))
        }
        "/admin/personer/{id}/inaktivera" => {
            let (id, _) = w.person(&[]).await;
            w.session(id).await;
            let path = route.replace("{id}", &id.to_string());
            Request::post(path, &[], Some(&w.demo_session(ADMIN).await))
        }
        "/admin/{register}" => {
            let slug = w.unique("enhet");
            let unit = [
                ("slug", slug.as_str()),
                ("name_sv", "Enheten"),
                ("name_en", "The unit"),
                ("kind", "service"),
            ];
            Request::post("/admin/enheter", &unit, Some(&w.demo_session(ADMIN).await))
        }
        "/admin/{register}/{slug}" | "/admin/{register}/{slug}/ta-bort" => {
            let slug = w.unique("grupp");
            let group =
                [("slug", slug.as_str()), ("name_sv", "Grupp"), ("name_en", "Group"), ("position", "20")];
            let admin = w.demo_session(ADMIN).await;
            w.app.post("/admin/malgrupper", &group, Some(&admin)).await;
            let path = route.replace("{register}", "malgrupper").replace("{slug}", &slug);
            let form: &[(&str, &str)] = if route.ends_with("ta-bort") {
                &[]
            } else {
                &[("name_sv", "Gruppen"), ("name_en", "The group"), ("position", "21")]
            };
            Request::post(path, form, Some(&admin))
        }
        "/granskning/logg" | "/granskning/logg.csv" => {
            let reviewer = w.demo_session("granskare@demo.nara.se").await;
            Request::post(route, &[("vems", "invanare@demo.nara.se")], Some(&reviewer))
        }
        other => panic!("no scenario for {other}"),
    }
}

/// Invites a new member of staff; their address.
async fn invite(w: &World) -> String {
    let unit = w.unit("vuxen").await.to_string();
    let email = format!("{}@example.se", w.unique("inbjuden"));
    let form = [("name", "Anna Berg"), ("email", email.as_str()), ("role", "staff"), ("unit", unit.as_str())];
    w.app.post("/admin/bjud-in", &form, Some(&w.demo_session(ADMIN).await)).await;
    email
}
