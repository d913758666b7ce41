//! Citizen reporters: every action on fresh articles by the demo's reporter, and the demo
//! coordinator's decisions on an article sent for review.

use std::sync::Arc;

use nara::demo::reporters::{COORDINATOR, REPORTER};
use nara::reporters::store;
use nara::reporters::{ArticleText, Lang};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/invanarreporter/namn",
    "/invanarreporter/ny",
    "/invanarreporter/artiklar/{article}",
    "/invanarreporter/artiklar/{article}/intervjuad",
    "/invanarreporter/artiklar/{article}/bild",
    "/samordnare/artiklar/{article}",
];

/// A new draft of the demo reporter, sent to the editor when `send`.
async fn article(w: &World, send: bool) -> Uuid {
    let author = w.demo(REPORTER).await;
    let text = ArticleText {
        lang: Lang::Sv,
        title: w.unique("Artikel "),
        lead: "En ingress.".into(),
        body: "En text.".into(),
    };
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::create_article(&mut tx, author, &text).await.unwrap();
    if send {
        assert!(store::send_to_review(&mut tx, id).await.unwrap());
    }
    tx.commit().await.unwrap();
    id
}

fn form(title: String) -> Vec<(&'static str, String)> {
    vec![
        ("lang", "sv".into()),
        ("title", title),
        ("lead", "En ingress.".into()),
        ("body", "## Rubrik\n\nText.".into()),
        ("entries", "fontanhuset".into()),
        ("series", "utvecklingsgrupp".into()),
        ("action", "skicka".into()),
    ]
}

fn post(path: String, form: &[(&str, String)], session: &str) -> Request {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Request::post(path, &form, Some(session))
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let reporter = w.demo_session(REPORTER).await;
    match route {
        "/invanarreporter/namn" => post(route.into(), &[("byline", w.unique("Amira "))], &reporter),
        "/invanarreporter/ny" => post(route.into(), &form(w.unique("Ny artikel ")), &reporter),
        "/invanarreporter/artiklar/{article}" => {
            let id = article(&w, false).await;
            post(route.replace("{article}", &id.to_string()), &form(w.unique("Ändrad ")), &reporter)
        }
        "/invanarreporter/artiklar/{article}/intervjuad" => {
            let id = article(&w, false).await;
            let fields = [
                ("name", w.unique("Kim ")),
                ("consent", "ja".into()),
                ("consent-how", "Muntligt".into()),
                ("consent-on", "2026-11-30".into()),
            ];
            post(route.replace("{article}", &id.to_string()), &fields, &reporter)
        }
        "/invanarreporter/artiklar/{article}/bild" => {
            let id = article(&w, false).await;
            let path = route.replace("{article}", &id.to_string());
            let png = crate::reporters::png();
            let parts: [(&str, Option<&str>, &[u8]); 2] =
                [("alt", None, "Tre personer i ett kök".as_bytes()), ("image", Some("kok.png"), &png)];
            Request::multipart(path, &parts, Some(&reporter))
        }
        "/samordnare/artiklar/{article}" => {
            let id = article(&w, true).await;
            let coordinator = w.demo_session(COORDINATOR).await;
            let fields = [("action", "publicera".to_string()), ("comment", "Fint!".into())];
            post(route.replace("{article}", &id.to_string()), &fields, &coordinator)
        }
        other => panic!("no scenario for {other}"),
    }
}
