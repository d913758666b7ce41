//! Surveys: answering and "fråga mig inte igen" by a fresh invitation's link, opening an
//! invitation from my pages, an interview on a fresh case of the adult unit, and every step of
//! building the event survey as Anna Berg (a fresh draft or question each time).

use std::sync::Arc;

use nara::cases::NewCase;
use nara::db::UtcTime;
use nara::surveys::store::{self, NewInvitation};
use nara::surveys::{EVENT, Question, QuestionKind, Texts, USEFULNESS};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/enkat/{token}",
    "/enkat/{token}/fraga-inte",
    "/mina-sidor/enkater/fraga-inte",
    "/mina-sidor/enkater/{invitation}",
    "/handlaggare/arenden/{case}/intervju",
    "/personal/enkater/{survey}/utkast",
    "/personal/enkater/{survey}/fragor",
    "/personal/enkater/{survey}/fragor/{question}",
    "/personal/enkater/{survey}/fragor/{question}/flytta",
    "/personal/enkater/{survey}/fragor/{question}/ta-bort",
    "/personal/enkater/{survey}/publicera",
];

const ANNA: &str = "handlaggare.vuxen@demo.nara.se";

/// A new resident with a sent invitation: its id, a link token and the resident's session.
async fn invitation(w: &World) -> (Uuid, String, String) {
    let (person, _) = w.person(&[]).await;
    let new = NewInvitation {
        survey_key: USEFULNESS,
        person_id: person,
        unit_id: Some(w.unit("vuxen").await),
        service_type: "case".into(),
        case_id: None,
        occurrence_id: None,
        send_after: UtcTime::now(),
    };
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::insert_invitation(&mut tx, &new, Some(UtcTime::now())).await.unwrap().unwrap();
    let token = store::add_token(&mut tx, id).await.unwrap();
    tx.commit().await.unwrap();
    (id, token, w.session(person).await)
}

/// The event survey's draft, started when there is none; a new complete question in it.
async fn draft_question(w: &World) -> String {
    let mut tx = w.db.begin_write().await.unwrap();
    let survey = store::survey(&w.db, EVENT).await.unwrap().unwrap();
    let draft = match survey.draft {
        Some(draft) => draft,
        None => store::create_draft(&mut tx, EVENT).await.unwrap().unwrap(),
    };
    let text = |s: &str| Texts { sv: s.into(), en: s.into(), easy: s.into() };
    let question = Question {
        key: String::new(),
        kind: QuestionKind::YesNo,
        text: text(&w.unique("Fråga ")),
        options: Vec::new(),
    };
    let key = store::add_question(&mut tx, EVENT, draft, &question).await.unwrap();
    tx.commit().await.unwrap();
    key
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let anna = w.demo_session(ANNA).await;
    let builder = route.replace("{survey}", EVENT);
    match route {
        "/enkat/{token}" => {
            let (_, token, _) = invitation(&w).await;
            Request::post(route.replace("{token}", &token), &[("q-hjalp", "ja"), ("q-mer", "Tack!")], None)
        }
        "/enkat/{token}/fraga-inte" => {
            let (_, token, _) = invitation(&w).await;
            Request::post(route.replace("{token}", &token), &[], None)
        }
        "/mina-sidor/enkater/fraga-inte" => {
            let (_, _, session) = invitation(&w).await;
            Request::post(route, &[], Some(&session))
        }
        "/mina-sidor/enkater/{invitation}" => {
            let (id, _, session) = invitation(&w).await;
            Request::post(route.replace("{invitation}", &id.to_string()), &[], Some(&session))
        }
        "/handlaggare/arenden/{case}/intervju" => {
            let (resident, _) = w.person(&[]).await;
            let new = NewCase {
                resident_id: resident,
                unit_id: w.unit("vuxen").await,
                officer_id: Some(w.demo(ANNA).await),
                title: "Samtalsstöd".into(),
            };
            let case = nara::cases::store::open_case(&w.db, &new, None).await.unwrap();
            let form = [("samtycke", "ja"), ("q-hjalp", "ja"), ("q-nojd", "5")];
            Request::post(route.replace("{case}", &case.to_string()), &form, Some(&anna))
        }
        "/personal/enkater/{survey}/utkast" => {
            // A draft open from an earlier scenario is published first, so this one makes a new one.
            let survey = store::survey(&w.db, EVENT).await.unwrap().unwrap();
            if let Some(draft) = survey.draft {
                let mut tx = w.db.begin_write().await.unwrap();
                assert!(store::publish(&mut tx, EVENT, draft).await.unwrap());
                tx.commit().await.unwrap();
            }
            Request::post(builder, &[], Some(&anna))
        }
        "/personal/enkater/{survey}/fragor" => {
            draft_question(&w).await;
            let text = w.unique("Ny fråga ");
            let form =
                [("kind", "yes_no"), ("text-sv", text.as_str()), ("text-en", "New"), ("text-easy", "Ny")];
            Request::post(builder, &form, Some(&anna))
        }
        "/personal/enkater/{survey}/fragor/{question}" => {
            let key = draft_question(&w).await;
            let form =
                [("kind", "yes_no"), ("text-sv", "Ändrad"), ("text-en", "Changed"), ("text-easy", "Ändrad")];
            Request::post(builder.replace("{question}", &key), &form, Some(&anna))
        }
        "/personal/enkater/{survey}/fragor/{question}/flytta" => {
            let key = draft_question(&w).await;
            Request::post(builder.replace("{question}", &key), &[("riktning", "upp")], Some(&anna))
        }
        "/personal/enkater/{survey}/fragor/{question}/ta-bort" => {
            let key = draft_question(&w).await;
            Request::post(builder.replace("{question}", &key), &[], Some(&anna))
        }
        "/personal/enkater/{survey}/publicera" => {
            draft_question(&w).await;
            Request::post(builder, &[], Some(&anna))
        }
        other => panic!("no scenario for {other}"),
    }
}
