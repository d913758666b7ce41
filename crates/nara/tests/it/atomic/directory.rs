//! The directory's stewards: asking to represent an association, registering one, keeping its
//! entry up to date, suggesting referrals, and staff deciding on each; the CSV import. Each
//! scenario makes an association entry of its own.

use std::sync::Arc;

use nara::directory::Entry;
use nara::directory::store;
use uuid::Uuid;

use super::{Request, World};
use crate::directory::{association, posted};

pub const ROUTES: &[&str] = &[
    "/stod/{slug}/foretrada",
    "/forening/ny",
    "/forening/{slug}/redigera",
    "/forening/{slug}/bekrafta",
    "/forening/{slug}/hanvisning",
    "/personal/katalog/import",
    "/personal/katalog/foretradare/{id}/{decision}",
    "/personal/katalog/andringar/{id}/{decision}",
    "/personal/katalog/hanvisningar/{from}/{to}/{decision}",
    "/personal/katalog/ord/ny",
    "/personal/katalog/ord/{id}",
    "/personal/katalog/ord/{id}/ta-bort",
];

/// A new wording of the vocabulary, leading to `entry`.
async fn new_wording(w: &World, entry: &Entry) -> Uuid {
    let wording = nara::directory::vocabulary::Wording {
        id: Uuid::new_v4(),
        phrases: vec![w.unique("fras ")],
        areas: vec![],
        entries: vec![entry.slug.clone()],
        crisis: false,
        updated_at: nara::db::UtcTime::now(),
    };
    let mut tx = w.db.begin_write().await.unwrap();
    nara::directory::vocabulary::store::save(&mut tx, &wording, None).await.unwrap();
    tx.commit().await.unwrap();
    wording.id
}

/// The demo's officer at the adult unit, who may keep the directory.
const STAFF: &str = "handlaggare.vuxen@demo.nara.se";

/// A new published association entry.
async fn new_entry(w: &World) -> Entry {
    let club = association(&w.unique("forening-"));
    store::save_entry(&w.db, &club, None).await.unwrap();
    club
}

/// A new person who has asked to represent `entry`, and whether staff approved: (id, session).
async fn representative(w: &World, entry: &Entry, approved: bool) -> (Uuid, String) {
    let (id, _) = w.person(&[]).await;
    let mut tx = w.db.begin_write().await.unwrap();
    store::request_representation(&mut tx, entry.id, id, Some("Ordförande")).await.unwrap();
    tx.commit().await.unwrap();
    if approved {
        let waiting = store::pending_representations(&w.db).await.unwrap();
        let request = waiting.into_iter().find(|r| r.entry_id == entry.id).unwrap();
        let mut tx = w.db.begin_write().await.unwrap();
        store::decide_representation(&mut tx, request.id, true, id).await.unwrap();
        tx.commit().await.unwrap();
    }
    (id, w.session(id).await)
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let club = new_entry(&w).await;
    let path = route.replace("{slug}", &club.slug);
    match route {
        "/stod/{slug}/foretrada" => {
            let (id, _) = w.person(&[]).await;
            Request::post(path, &[("note", "Ordförande")], Some(&w.session(id).await))
        }
        "/forening/ny" => {
            let (id, _) = w.person(&[]).await;
            let fresh = Entry { hours: None, ..association("") };
            let name = w.unique("Språkcafé ");
            let form = posted(&fresh, &[("namn", &name), ("beskrivning", "Vi pratar svenska och fikar.")]);
            Request::post(path, &pairs(&form), Some(&w.session(id).await))
        }
        "/forening/{slug}/redigera" => {
            let (_, session) = representative(&w, &club, true).await;
            // A new description is a key fact: it waits for staff as a proposal.
            let form = posted(&club, &[("beskrivning", "Ett klubbhus där medlemmar arbetar tillsammans.")]);
            Request::post(path, &pairs(&form), Some(&session))
        }
        "/forening/{slug}/bekrafta" => {
            let (_, session) = representative(&w, &club, true).await;
            Request::post(path, &[], Some(&session))
        }
        "/forening/{slug}/hanvisning" => {
            let (_, session) = representative(&w, &club, true).await;
            let to = new_entry(&w).await;
            Request::post(path, &[("till", &to.slug)], Some(&session))
        }
        "/personal/katalog/import" => {
            let file = format!(
                "namn;beskrivning;omraden;telefon;organisationsnummer\n\
                 {};Fotboll och innebandy för alla åldrar;pengar-och-skulder;042-11 22 33;802412-3450\n",
                w.unique("Idrottsföreningen "),
            );
            Request::multipart(
                path,
                &[("fil", Some("a.csv"), file.as_bytes())],
                Some(&w.demo_session(STAFF).await),
            )
        }
        "/personal/katalog/foretradare/{id}/{decision}" => {
            representative(&w, &club, false).await;
            let waiting = store::pending_representations(&w.db).await.unwrap();
            let request = waiting.into_iter().find(|r| r.entry_id == club.id).unwrap();
            let path = path.replace("{id}", &request.id.to_string()).replace("{decision}", "godkann");
            Request::post(path, &[], Some(&w.demo_session(STAFF).await))
        }
        "/personal/katalog/andringar/{id}/{decision}" => {
            let (_, session) = representative(&w, &club, true).await;
            let form = posted(&club, &[("beskrivning", "Ett klubbhus där medlemmar arbetar tillsammans.")]);
            w.app.post(&format!("/forening/{}/redigera", club.slug), &pairs(&form), Some(&session)).await;
            let changes = store::pending_changes(&w.db).await.unwrap();
            let (change, _) = changes.into_iter().find(|(c, _)| c.entry_id == club.id).unwrap();
            let path = path.replace("{id}", &change.id.to_string()).replace("{decision}", "godkann");
            Request::post(path, &[], Some(&w.demo_session(STAFF).await))
        }
        "/personal/katalog/hanvisningar/{from}/{to}/{decision}" => {
            let (_, session) = representative(&w, &club, true).await;
            let to = new_entry(&w).await;
            w.app
                .post(&format!("/forening/{}/hanvisning", club.slug), &[("till", &to.slug)], Some(&session))
                .await;
            let path = path
                .replace("{from}", &club.id.to_string())
                .replace("{to}", &to.id.to_string())
                .replace("{decision}", "godkann");
            Request::post(path, &[], Some(&w.demo_session(STAFF).await))
        }
        "/personal/katalog/ord/ny" => {
            let phrase = w.unique("pappa dricker ");
            let form = [("fraser", phrase.as_str()), ("poster", club.slug.as_str()), ("kris", "1")];
            Request::post(path, &form, Some(&w.demo_session(STAFF).await))
        }
        "/personal/katalog/ord/{id}" => {
            let id = new_wording(&w, &club).await;
            let phrase = w.unique("rädd för min partner ");
            let form = [("fraser", phrase.as_str()), ("poster", club.slug.as_str())];
            Request::post(path.replace("{id}", &id.to_string()), &form, Some(&w.demo_session(STAFF).await))
        }
        "/personal/katalog/ord/{id}/ta-bort" => {
            let id = new_wording(&w, &club).await;
            Request::post(path.replace("{id}", &id.to_string()), &[], Some(&w.demo_session(STAFF).await))
        }
        other => panic!("no scenario for {other}"),
    }
}
