//! Cases, the resident's record, bookings and applications: every action on a fresh case, booking,
//! draft or form of the demo's adult unit, whose officer is Anna Berg.

use std::sync::Arc;

use nara::cases::{NewCase, Sharing};
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

use super::{Request, World};
use crate::common;

pub const ROUTES: &[&str] = &[
    "/mina-sidor/sprak",
    "/mina-sidor/ansok/{form}",
    "/mina-sidor/ansokningar/{application}/steg/{step}",
    "/mina-sidor/ansokningar/{application}/skicka",
    "/mina-sidor/ansokningar/{application}/ta-bort",
    "/mina-sidor/ansokningar/{application}/aterkalla",
    "/mina-sidor/arenden/{case}/anteckning",
    "/mina-sidor/arenden/{case}/meddelande",
    "/mina-sidor/arenden/{case}/journal/{entry}",
    "/mina-sidor/arenden/{case}/boka",
    "/mina-sidor/bokningar/{booking}/avboka",
    "/handlaggare/arenden/{case}/journal",
    "/handlaggare/arenden/{case}/journal/{entry}",
    "/handlaggare/arenden/{case}/status",
    "/handlaggare/arenden/{case}/meddelande",
    "/handlaggare/arenden/{case}/overlamna",
    "/handlaggare/arenden/{case}/avsluta",
    "/handlaggare/ansokningsformular",
    "/handlaggare/ansokningsformular/{form}",
    "/handlaggare/ansokningsformular/{form}/oppen",
    "/handlaggare/tider",
    "/handlaggare/tider/blockera",
    "/handlaggare/tider/telefon",
    "/handlaggare/tider/{window}/ta-bort",
    "/handlaggare/bokningar/{booking}/avboka",
];

/// The demo officer of the adult unit, who takes bookings.
const ANNA: &str = "handlaggare.vuxen@demo.nara.se";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
/// One step: a required text and an optional attachment.
const FORM_SOURCE: &str = "title_sv = \"Ansök om stöd\"\n[[steps]]\ntitle_sv = \"Steg\"\n\
    [[steps.questions]]\nid = \"fraga\"\ntype = \"text\"\nlabel_sv = \"Fråga\"\nrequired = true\n\
    [[steps.questions]]\nid = \"intyg\"\ntype = \"file\"\nlabel_sv = \"Intyg\"\n";

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let anna = || async { w.demo_session(ANNA).await };
    match route {
        "/mina-sidor/ansok/{form}" => {
            let form = new_form(&w).await;
            let (_, resident) = resident(&w).await;
            Request::post(route.replace("{form}", &form), &[], Some(&resident))
        }
        "/mina-sidor/ansokningar/{application}/steg/{step}" => {
            let (draft, resident) = draft(&w).await;
            let parts: &[(&str, Option<&str>, &[u8])] = &[
                ("q-fraga", None, "Jag behöver stöd.".as_bytes()),
                ("q-intyg", Some("intyg.pdf"), PDF),
                ("atgard", None, b"fortsatt"),
            ];
            Request::multipart(format!("{draft}/steg/1"), parts, Some(&resident))
        }
        "/mina-sidor/ansokningar/{application}/skicka" => {
            let (draft, resident) = answered_draft(&w).await;
            Request::post(format!("{draft}/skicka"), &[], Some(&resident))
        }
        "/mina-sidor/ansokningar/{application}/ta-bort" => {
            let (draft, resident) = answered_draft(&w).await;
            Request::post(format!("{draft}/ta-bort"), &[("bekrafta", "ja")], Some(&resident))
        }
        "/mina-sidor/ansokningar/{application}/aterkalla" => {
            // Sent, with a meeting booked in its case: the withdrawal closes the case, cancels
            // the meeting and tells Anna, as one action.
            let (draft, resident) = answered_draft(&w).await;
            let sent = w.app.post(&format!("{draft}/skicka"), &[], Some(&resident)).await;
            let case =
                sent.location().trim_start_matches("/mina-sidor/arenden/").split('?').next().unwrap_or("");
            book(&w, Uuid::parse_str(case).unwrap_or_else(|_| panic!("{}", sent.body)), &resident).await;
            Request::post(format!("{draft}/aterkalla"), &[("reason", "Jag har fått hjälp.")], Some(&resident))
        }
        "/mina-sidor/sprak" => {
            let (_, session) = resident(&w).await;
            Request::post(route, &[("language", "en")], Some(&session))
        }
        "/mina-sidor/arenden/{case}/anteckning" => {
            let (case, resident) = new_case(&w).await;
            Request::post(route.replace("{case}", &case.to_string()), &[("note", "Tack.")], Some(&resident))
        }
        "/mina-sidor/arenden/{case}/meddelande" => {
            // With the certificate attached: the message, its file, the log entry and the notice.
            let (case, resident) = new_case(&w).await;
            let parts: &[(&str, Option<&str>, &[u8])] =
                &[("message", None, "Här är intyget.".as_bytes()), ("file", Some("intyg.pdf"), PDF)];
            Request::multipart(route.replace("{case}", &case.to_string()), parts, Some(&resident))
        }
        "/mina-sidor/arenden/{case}/journal/{entry}" => {
            let (case, resident) = new_case(&w).await;
            let entry = entry(&w, case).await;
            let path = format!("/mina-sidor/arenden/{case}/journal/{entry}");
            Request::post(path, &[("comment", "Det stämmer inte."), ("disputes", "ja")], Some(&resident))
        }
        "/mina-sidor/arenden/{case}/boka" => {
            // A move: the old meeting is cancelled and the new one booked, as one action.
            let (case, resident) = new_case(&w).await;
            let booked = book(&w, case, &resident).await;
            let time = free_times(&w, case, &resident).await.swap_remove(0);
            let path = format!("/mina-sidor/arenden/{case}/boka");
            let form = [("tid", time.as_str()), ("satt", "phone"), ("flytta", &booked.to_string())];
            Request::post(path, &form, Some(&resident))
        }
        "/mina-sidor/bokningar/{booking}/avboka" => {
            let (case, resident) = new_case(&w).await;
            let booking = book(&w, case, &resident).await;
            Request::post(format!("/mina-sidor/bokningar/{booking}/avboka"), &[], Some(&resident))
        }
        "/handlaggare/bokningar/{booking}/avboka" => {
            let (case, resident) = new_case(&w).await;
            let booking = book(&w, case, &resident).await;
            Request::post(format!("/handlaggare/bokningar/{booking}/avboka"), &[], Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/journal" => {
            let (case, _) = new_case(&w).await;
            let form = [
                ("entry-body", "Samtal med den enskilde."),
                ("entry-sharing", "shared"),
                ("entry-reason", ""),
            ];
            Request::post(format!("/handlaggare/arenden/{case}/journal"), &form, Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/journal/{entry}" => {
            let (case, _) = new_case(&w).await;
            let entry = entry(&w, case).await;
            let form = [
                ("entry-body", "Rättad text."),
                ("entry-sharing", "withheld"),
                ("entry-reason", "Uppgift om en annan person."),
                ("version", "1"),
            ];
            Request::post(format!("/handlaggare/arenden/{case}/journal/{entry}"), &form, Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/status" => {
            let (case, _) = new_case(&w).await;
            let form = [("status", "being_assessed"), ("due", ""), ("status-note", "Jag har börjat.")];
            Request::post(format!("/handlaggare/arenden/{case}/status"), &form, Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/meddelande" => {
            let (case, _) = new_case(&w).await;
            let form = [("message", "Hej! Hör av dig.")];
            Request::post(format!("/handlaggare/arenden/{case}/meddelande"), &form, Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/overlamna" => {
            let (case, _) = new_case(&w).await;
            let (colleague, _) = w.person(&[staff(w.unit("vuxen").await)]).await;
            let to = colleague.to_string();
            let form = [("handover-to", to.as_str()), ("handover-note", "Läs journalen.")];
            Request::post(format!("/handlaggare/arenden/{case}/overlamna"), &form, Some(&anna().await))
        }
        "/handlaggare/arenden/{case}/avsluta" => {
            // With a coming meeting, which the closing cancels.
            let (case, resident) = new_case(&w).await;
            book(&w, case, &resident).await;
            let form = [("close-note", "Lycka till!")];
            Request::post(format!("/handlaggare/arenden/{case}/avsluta"), &form, Some(&anna().await))
        }
        "/handlaggare/ansokningsformular" => {
            let slug = w.unique("blankett");
            let unit = w.unit("vuxen").await.to_string();
            let form = [("adress", slug.as_str()), ("enhet", unit.as_str())];
            Request::post(route, &form, Some(&anna().await))
        }
        "/handlaggare/ansokningsformular/{form}" => {
            let form = new_form(&w).await;
            let text = FORM_SOURCE.replace("Ansök om stöd", "Ansök om mer stöd");
            let path = route.replace("{form}", &form);
            Request::post(path, &[("definition", text.as_str()), ("version", "1")], Some(&anna().await))
        }
        "/handlaggare/ansokningsformular/{form}/oppen" => {
            let form = new_form(&w).await;
            Request::post(route.replace("{form}", &form), &[("open", "nej")], Some(&anna().await))
        }
        "/handlaggare/tider" => {
            // A new officer's first window: they become one who takes bookings.
            let (_, session) = new_officer(&w).await;
            let form = [
                ("veckodag", "6"),
                ("fran", "10:00"),
                ("till", "11:00"),
                ("langd", "60"),
                ("satt", "video"),
                ("plats", "https://video.example.se/x"),
            ];
            Request::post(route, &form, Some(&session))
        }
        "/handlaggare/tider/blockera" => {
            let (_, session) = new_officer(&w).await;
            let date = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
            Request::post(route, &[("datum", &date)], Some(&session))
        }
        "/handlaggare/tider/telefon" => {
            let (_, session) = new_officer(&w).await;
            let form = [
                ("telefon", "042-10 50 00"),
                ("telefondag", "1"),
                ("telefondag", "3"),
                ("telefon-fran", "09:00"),
                ("telefon-till", "11:30"),
            ];
            Request::post(route, &form, Some(&session))
        }
        "/handlaggare/tider/{window}/ta-bort" => {
            let (officer, session) = new_officer(&w).await;
            let form =
                [("veckodag", "6"), ("fran", "10:00"), ("till", "11:00"), ("langd", "60"), ("satt", "phone")];
            let added = w.app.post("/handlaggare/tider", &form, Some(&session)).await;
            assert!(added.status.is_redirection(), "{}", added.body);
            let windows = nara::bookings::store::booking_windows(&w.db, officer).await.unwrap();
            let window = windows.first().expect("the window was added").id;
            Request::post(format!("/handlaggare/tider/{window}/ta-bort"), &[], Some(&session))
        }
        other => panic!("no scenario for {other}"),
    }
}

fn staff(unit: Uuid) -> RoleGrant {
    RoleGrant { role: Role::Staff, unit_id: Some(unit) }
}

/// A new resident and their session.
async fn resident(w: &World) -> (Uuid, String) {
    let (id, _) = w.person(&[]).await;
    (id, w.session(id).await)
}

/// A new member of the adult unit's staff and their session.
async fn new_officer(w: &World) -> (Uuid, String) {
    let (id, _) = w.person(&[staff(w.unit("vuxen").await)]).await;
    (id, w.session(id).await)
}

/// A new resident's case at the adult unit, with Anna as contact person; the resident's session.
async fn new_case(w: &World) -> (Uuid, String) {
    let (resident_id, session) = resident(w).await;
    let new = NewCase {
        resident_id,
        unit_id: w.unit("vuxen").await,
        officer_id: Some(w.demo(ANNA).await),
        title: "Samtalsstöd".into(),
    };
    (nara::cases::store::open_case(&w.db, &new, None).await.unwrap(), session)
}

/// A shared journal entry by Anna in the case.
async fn entry(w: &World, case: Uuid) -> Uuid {
    let anna = w.demo(ANNA).await;
    common::actions::write_journal_entry(&w.db, case, anna, "Samtal i dag.", &Sharing::Shared).await.unwrap()
}

/// The `tid` values the booking page offers the resident, in order.
async fn free_times(w: &World, case: Uuid, session: &str) -> Vec<String> {
    let page = w.app.get(&format!("/mina-sidor/arenden/{case}/boka?satt=phone"), Some(session)).await;
    let times: Vec<String> = page
        .body
        .split("name=\"tid\" type=\"radio\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect();
    assert!(!times.is_empty(), "Anna has free times: {}", page.body);
    times
}

/// Books the first free time with Anna by phone, as the resident; the booking's id.
async fn book(w: &World, case: Uuid, session: &str) -> Uuid {
    let time = free_times(w, case, session).await.swap_remove(0);
    let path = format!("/mina-sidor/arenden/{case}/boka");
    let booked = w.app.post(&path, &[("tid", &time), ("satt", "phone")], Some(session)).await;
    let id = booked.location().trim_start_matches("/mina-sidor/bokningar/");
    Uuid::parse_str(id.split(['?', '#']).next().unwrap_or(id)).unwrap_or_else(|_| panic!("{}", booked.body))
}

/// A new open form of the adult unit, published by Anna; its address.
async fn new_form(w: &World) -> String {
    let slug = w.unique("blankett");
    let (unit, anna) = (w.unit("vuxen").await, w.demo(ANNA).await);
    common::actions::create_form(&w.db, &slug, unit, FORM_SOURCE, anna).await.unwrap().unwrap();
    slug
}

/// A new resident's draft on a new form: its address and the resident's session.
async fn draft(w: &World) -> (String, String) {
    let form = new_form(w).await;
    let (_, session) = resident(w).await;
    let started = w.app.post(&format!("/mina-sidor/ansok/{form}"), &[], Some(&session)).await;
    let step = started.location();
    assert!(step.ends_with("/steg/1"), "{step}");
    (step.trim_end_matches("/steg/1").to_string(), session)
}

/// A draft with every step answered and a file attached.
async fn answered_draft(w: &World) -> (String, String) {
    let (draft, session) = draft(w).await;
    let parts: &[(&str, Option<&str>, &[u8])] = &[
        ("q-fraga", None, "Jag behöver stöd.".as_bytes()),
        ("q-intyg", Some("intyg.pdf"), PDF),
        ("atgard", None, b"fortsatt"),
    ];
    let saved = w.app.post_multipart(&format!("{draft}/steg/1"), parts, Some(&session)).await;
    assert!(saved.status.is_redirection(), "{}", saved.body);
    (draft, session)
}
