//! Plain language (klarspråk): the public checker API, which writes nothing of its own (its only
//! statement is the rate limit's count, see `CHANGE_NOTHING` and `ON_THEIR_OWN`), the word
//! list kept by a plain-language reviewer, and the text review: every action on a fresh text of a
//! fresh member of staff, reviewed by a fresh reviewer (the demo coordinator assigns the demo's).

use std::sync::Arc;

use nara::demo::plain_language::REVIEWER;
use nara::demo::reporters::COORDINATOR;
use nara::identity::{Role, RoleGrant};
use nara::plain_language::review::store as reviews;
use nara::plain_language::review::{Channel, Submission};
use nara::plain_language::word_list::store;
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/api/v1/klarsprak",
    "/personal/klarsprak/ord/ny",
    "/personal/klarsprak/ord/{id}",
    "/personal/klarsprak/ord/{id}/ta-bort",
    "/personal/klarsprak/ny",
    "/personal/klarsprak/texter/{text}/version",
    "/personal/klarsprak/texter/{text}/svar",
    "/personal/klarsprak/texter/{text}/ta",
    "/personal/klarsprak/texter/{text}/tilldela",
    "/personal/klarsprak/texter/{text}/kommentar",
    "/personal/klarsprak/texter/{text}/beslut",
];

const TEXT: &str = "Den enskilde ska inkomma med en ansökan. Vi svarar inom två veckor.";

/// A fresh member of staff and their session.
async fn staff(w: &World) -> (Uuid, String) {
    let (id, _) = w.person(&[RoleGrant { role: Role::Staff, unit_id: None }]).await;
    (id, w.session(id).await)
}

/// A fresh plain-language reviewer and their session.
async fn plain_reviewer(w: &World) -> (Uuid, String) {
    let (id, _) = w.person(&[RoleGrant { role: Role::PlainReviewer, unit_id: None }]).await;
    (id, w.session(id).await)
}

/// A fresh text by `author`, taken by `reviewer` when given (with a comment by them: its id).
async fn text(w: &World, author: Uuid, reviewer: Option<Uuid>) -> (Uuid, Option<Uuid>) {
    let submission = Submission {
        title: w.unique("Text "),
        audience: "Alla".into(),
        channel: Channel::Web,
        deadline: chrono::NaiveDate::from_ymd_opt(2030, 1, 31).unwrap(),
        text: TEXT.into(),
    };
    let mut tx = w.db.begin_write().await.unwrap();
    let id = reviews::submit(&mut tx, author, &submission).await.unwrap();
    let mut comment = None;
    if let Some(reviewer) = reviewer {
        assert!(reviews::take(&mut tx, id, reviewer).await.unwrap());
        let new = reviews::NewComment {
            version: 1,
            passage: "Den enskilde".into(),
            comment: "Skriv du.".into(),
            rewrite: None,
        };
        comment = reviews::add_comment(&mut tx, id, reviewer, &new).await.unwrap();
    }
    tx.commit().await.unwrap();
    (id, comment)
}

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
        "/personal/klarsprak/ny" => {
            let (_, session) = staff(&w).await;
            let title = w.unique("Brev ");
            let parts: [(&str, Option<&str>, &[u8]); 5] = [
                ("title", None, title.as_bytes()),
                ("audience", None, b"Alla"),
                ("channel", None, b"letter_template"),
                ("deadline", None, b"2030-01-31"),
                ("text", None, TEXT.as_bytes()),
            ];
            Request::multipart(route, &parts, Some(&session))
        }
        "/personal/klarsprak/texter/{text}/version" => {
            let (author, session) = staff(&w).await;
            let (id, _) = text(&w, author, None).await;
            let path = route.replace("{text}", &id.to_string());
            Request::post(path, &[("text", "Skicka en ansökan. Vi svarar inom två veckor.")], Some(&session))
        }
        "/personal/klarsprak/texter/{text}/svar" => {
            let (author, session) = staff(&w).await;
            let (reviewer, _) = plain_reviewer(&w).await;
            let (id, comment) = text(&w, author, Some(reviewer)).await;
            let comment = comment.unwrap().to_string();
            let path = route.replace("{text}", &id.to_string());
            Request::post(path, &[("comment", comment.as_str()), ("answer", "Tack!")], Some(&session))
        }
        "/personal/klarsprak/texter/{text}/ta" => {
            let (author, _) = staff(&w).await;
            let (_, session) = plain_reviewer(&w).await;
            let (id, _) = text(&w, author, None).await;
            Request::post(route.replace("{text}", &id.to_string()), &[], Some(&session))
        }
        "/personal/klarsprak/texter/{text}/tilldela" => {
            let (author, _) = staff(&w).await;
            let (id, _) = text(&w, author, None).await;
            let reviewer = w.demo(REVIEWER).await.to_string();
            let session = w.demo_session(COORDINATOR).await;
            let path = route.replace("{text}", &id.to_string());
            Request::post(path, &[("reviewer", reviewer.as_str())], Some(&session))
        }
        "/personal/klarsprak/texter/{text}/kommentar" => {
            let (author, _) = staff(&w).await;
            let (reviewer, session) = plain_reviewer(&w).await;
            let (id, _) = text(&w, author, Some(reviewer)).await;
            let form = [("passage", "Vi svarar inom två veckor."), ("comment", "Bra!"), ("rewrite", "")];
            Request::post(route.replace("{text}", &id.to_string()), &form, Some(&session))
        }
        "/personal/klarsprak/texter/{text}/beslut" => {
            let (author, _) = staff(&w).await;
            let (reviewer, session) = plain_reviewer(&w).await;
            let (id, _) = text(&w, author, Some(reviewer)).await;
            Request::post(
                route.replace("{text}", &id.to_string()),
                &[("decision", "godkann"), ("version", "1")],
                Some(&session),
            )
        }
        other => panic!("no scenario for {other}"),
    }
}
