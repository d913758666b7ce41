//! Applications on both databases, through the real router: a resident fills a form in step by
//! step with an attachment, leaves and comes back to the draft, checks the summary and sends it
//! once however often it is sent; the case opens for the form's unit with a contact person who
//! sees the answers and the attachment; another resident and staff of another unit reach
//! nothing; staff publish new versions while drafts keep theirs.

use crate::common;

use axum::http::{StatusCode, header};
use common::app::{TestApp, person};
use nara::applications::store::Submitted;
use nara::audit::AuditFilter;
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

const FORM: &str = "samtalsstod";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR....\0\0\0\0IEND\xaeB`\x82";

struct World {
    app: TestApp,
    db: Db,
    resident_a: Uuid,
    officer_x: Uuid,
    a: String,
    b: String,
    x: String,
    y: String,
}

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(&db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let resident_a = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let resident_b = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let officer_x = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let officer_y = person(&db, "y@example.se", "Yngve Annanenhet", &staff(unit_y)).await;
    common::actions::create_form(&db, FORM, unit_x, nara::demo::applications::COUNSELLING, officer_x)
        .await
        .unwrap()
        .unwrap();
    World {
        a: nara::sessions::store::start_session(&db, resident_a).await.unwrap(),
        b: nara::sessions::store::start_session(&db, resident_b).await.unwrap(),
        x: nara::sessions::store::start_session(&db, officer_x).await.unwrap(),
        y: nara::sessions::store::start_session(&db, officer_y).await.unwrap(),
        app,
        db,
        resident_a,
        officer_x,
    }
}

/// Starts (or resumes) A's application and returns its address.
async fn start(w: &World) -> String {
    let started = w.app.post(&format!("/mina-sidor/ansok/{FORM}"), &[], Some(&w.a)).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let step = started.location().to_string();
    assert!(step.ends_with("/steg/1"), "{step}");
    step.trim_end_matches("/steg/1").to_string()
}

async fn step(w: &World, base: &str, n: usize, parts: &[(&str, Option<&str>, &[u8])]) -> common::app::Answer {
    w.app.post_multipart(&format!("{base}/steg/{n}"), parts, Some(&w.a)).await
}

fn id_of(base: &str) -> Uuid {
    Uuid::parse_str(base.rsplit('/').next().unwrap()).unwrap()
}

on_both_backends!(a_resident_applies_with_an_attachment_and_the_case_opens_once, Migrated, |db| {
    let w = world(db).await;
    let list = w.app.get("/mina-sidor/ansok", Some(&w.a)).await;
    assert!(list.body.contains("Ansök om samtalsstöd"), "{}", list.body);
    let base = start(&w).await;
    assert_eq!(start(&w).await, base, "starting again (a double click) resumes the same draft");

    // Step 1: required answers missing → the page comes back with the problems, in Swedish.
    let missing = step(&w, &base, 1, &[("atgard", None, b"fortsatt")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Svara på frågan") && missing.body.contains("href=\"#q-situation\""));
    let english = w
        .app
        .post_multipart(&format!("/en{}/steg/1", base), &[("atgard", None, b"fortsatt")], Some(&w.a))
        .await;
    assert!(english.body.contains("Answer the question"));
    // "Save and continue later" keeps a half-filled step without asking for the rest.
    let later = step(
        &w,
        &base,
        1,
        &[("q-situation", None, "Jag orkar inte just nu.".as_bytes()), ("atgard", None, b"spara")],
    )
    .await;
    assert_eq!(later.status, StatusCode::SEE_OTHER);
    assert_eq!(later.location(), "/mina-sidor/ansok?klart=sparat");
    let back = w.app.get(&format!("{base}/steg/1"), Some(&w.a)).await;
    assert!(back.body.contains("Jag orkar inte just nu."), "the draft was kept");
    let done = step(
        &w,
        &base,
        1,
        &[
            ("q-situation", None, "Jag orkar inte just nu.".as_bytes()),
            ("q-har_barn", None, b"ja"),
            ("q-stod", None, b"samtal"),
            ("q-stod", None, b"grupp"),
            ("atgard", None, b"fortsatt"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), format!("{base}/steg/2"));

    // Step 2: the children question applies (a "yes" on step 1). A file that is not a PDF, JPEG
    // or PNG is refused by its content, whatever its name; the typed answer is not lost.
    let page = w.app.get(&format!("{base}/steg/2"), Some(&w.a)).await;
    assert!(page.body.contains("Hur många barn bor med dig?"));
    let wrong = step(
        &w,
        &base,
        2,
        &[
            ("q-antal_barn", None, b"2"),
            ("q-intyg", Some("intyg.pdf"), b"PK\x03\x04 a Word file"),
            ("atgard", None, b"fortsatt"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Filen måste vara en PDF, JPEG eller PNG"));
    assert!(wrong.body.contains("value=\"2\""), "the answer is still there");
    let bad_number =
        step(&w, &base, 2, &[("q-antal_barn", None, b"tva"), ("atgard", None, b"fortsatt")]).await;
    assert!(bad_number.body.contains("Skriv ett tal"));
    let good = step(
        &w,
        &base,
        2,
        &[
            ("q-antal_barn", None, b"2"),
            ("q-fran_datum.dag", None, b"15"),
            ("q-fran_datum.manad", None, b"12"),
            ("q-fran_datum.ar", None, b"2026"),
            ("q-intyg", Some("Läkarintyg.pdf"), PDF),
            ("atgard", None, b"fortsatt"),
        ],
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let id = id_of(&base);
    let files = nara::applications::store::application_files(w.db.sql(), id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file_name, "Läkarintyg.pdf");

    // The attachment is the resident's to download, as a download.
    let download = w.app.get(&format!("{base}/filer/{}", files[0].id), Some(&w.a)).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(download.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(download.body.as_bytes(), PDF);

    // Sending before the last step is answered points at that step.
    let early = w.app.post(&format!("{base}/skicka"), &[], Some(&w.a)).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("Svara på frågorna i steg 3"), "{}", early.body);
    let last = step(
        &w,
        &base,
        3,
        &[
            ("q-telefon", None, b"070-123 45 67"),
            ("q-kontakt_tid", None, b"kvall"),
            ("atgard", None, b"fortsatt"),
        ],
    )
    .await;
    assert_eq!(last.location(), base, "the last step leads to the summary");
    let summary = w.app.get(&base, Some(&w.a)).await;
    for text in [
        "Kontrollera dina svar",
        "Enskilda samtal, Gruppträffar",
        "Kväll (17–20)",
        "Läkarintyg.pdf",
        "2026-12-15",
    ] {
        assert!(summary.body.contains(text), "{text}: {}", summary.body);
    }

    // Sending twice opens one case; the second answer leads to the same case.
    let sent = w.app.post(&format!("{base}/skicka"), &[], Some(&w.a)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let again = w.app.post(&format!("{base}/skicka"), &[], Some(&w.a)).await;
    assert_eq!(again.location(), sent.location());
    let cases = nara::cases::store::cases_of_resident(&w.db, w.resident_a).await.unwrap();
    assert_eq!(cases.len(), 1);
    let case = nara::cases::store::case(&w.db, cases[0].id).await.unwrap().unwrap();
    assert_eq!(case.title, "Ansök om samtalsstöd");
    assert_eq!(case.officer_id, Some(w.officer_x), "the unit's officer is the contact person");
    assert!(sent.location().contains(&case.id.to_string()));
    let mine = w.app.get(sent.location(), Some(&w.a)).await;
    assert!(mine.body.contains("Din ansökan är skickad") && mine.body.contains("Xenia Handläggare"));
    assert!(mine.body.contains(&base), "the case links to the application");

    // The application is part of what the resident can download about themselves.
    let export = w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.a)).await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let exported = &json["applications"][0];
    assert_eq!(exported["form"], "Ansök om samtalsstöd");
    assert_eq!(exported["sent"], true);
    assert_eq!(exported["attachments"][0], "Läkarintyg.pdf");
    assert!(exported["answers"].as_array().unwrap().iter().any(|a| a["answer"] == "Jag orkar inte just nu."));

    // Once sent, nothing changes: the steps lead to the summary, the database refuses.
    let after = step(&w, &base, 1, &[("q-situation", None, b"Annat"), ("atgard", None, b"fortsatt")]).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location(), base);
    assert!(
        nara::applications::store::application(&w.db, id).await.unwrap().unwrap().answers().unwrap()["situation"]
            == nara::applications::answers::Answer::Text("Jag orkar inte just nu.".into())
    );
    let mut tx = w.db.begin_write().await.unwrap();
    assert!(!nara::applications::store::remove_application_file(&mut tx, id, files[0].id).await.unwrap());
    drop(tx);

    // The officer sees the answers and the attachment; reading it is in A's access log.
    let officer = w.app.get(&format!("/handlaggare/arenden/{}", case.id), Some(&w.x)).await;
    assert!(officer.body.contains("Jag orkar inte just nu.") && officer.body.contains("Läkarintyg.pdf"));
    let file_href = format!("/handlaggare/arenden/{}/bilagor/{}", case.id, files[0].id);
    let officer_file = w.app.get(&file_href, Some(&w.x)).await;
    assert_eq!(officer_file.status, StatusCode::OK);
    assert_eq!(officer_file.body.as_bytes(), PDF);
    let read = AuditFilter {
        subject_id: Some(w.resident_a),
        action: Some("application_file_read".into()),
        ..Default::default()
    };
    assert_eq!(nara::audit::store::search(&w.db, &read, 10).await.unwrap().len(), 1);
    let submitted = AuditFilter {
        subject_id: Some(w.resident_a),
        action: Some("application_submitted".into()),
        ..Default::default()
    };
    assert_eq!(nara::audit::store::search(&w.db, &submitted, 10).await.unwrap().len(), 1, "sent once");
    // The officer was told that something is waiting, without the content.
    let mail = nara::mail::store::outbox(&w.db).await.unwrap();
    assert!(mail.iter().any(|m| m.to_address == "x@example.se" && !m.body.contains("orkar")));

    // Staff of another unit are refused the attachment, and the refusal is audited.
    let denied = AuditFilter {
        subject_id: Some(w.resident_a),
        action: Some("access_denied".into()),
        ..Default::default()
    };
    let before = nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len();
    assert_eq!(w.app.get(&file_href, Some(&w.y)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len(), before + 1);
});

on_both_backends!(another_resident_reaches_nothing_of_an_application, Migrated, |db| {
    let w = world(db).await;
    let base = start(&w).await;
    step(&w, &base, 2, &[("q-intyg", Some("bild.png"), PNG), ("atgard", None, b"spara")]).await;
    let file = nara::applications::store::application_files(w.db.sql(), id_of(&base)).await.unwrap()[0].id;
    let denied = AuditFilter {
        subject_id: Some(w.resident_a),
        action: Some("access_denied".into()),
        ..Default::default()
    };
    let before = nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len();
    for path in [base.clone(), format!("{base}/steg/1"), format!("{base}/filer/{file}"), format!("/en{base}")]
    {
        let answer = w.app.get(&path, Some(&w.b)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!answer.body.contains("bild.png"));
    }
    for path in [format!("{base}/skicka"), format!("{base}/ta-bort")] {
        assert_eq!(w.app.post(&path, &[], Some(&w.b)).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let written = w
        .app
        .post_multipart(
            &format!("{base}/steg/1"),
            &[("q-situation", None, b"Bertil skriver"), ("atgard", None, b"spara")],
            Some(&w.b),
        )
        .await;
    assert_eq!(written.status, StatusCode::NOT_FOUND);
    assert_eq!(
        nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len(),
        before + 7,
        "every attempt is audited"
    );
    let application = nara::applications::store::application(&w.db, id_of(&base)).await.unwrap().unwrap();
    assert!(application.is_draft() && application.answers().unwrap().is_empty());
    assert_eq!(
        nara::applications::store::application_files(w.db.sql(), application.id).await.unwrap().len(),
        1
    );
    // A's own file id under B's own draft is not B's either.
    let b_started = w.app.post(&format!("/mina-sidor/ansok/{FORM}"), &[], Some(&w.b)).await;
    let b_base = b_started.location().trim_end_matches("/steg/1").to_string();
    assert_ne!(b_base, base);
    assert_eq!(w.app.get(&format!("{b_base}/filer/{file}"), Some(&w.b)).await.status, StatusCode::NOT_FOUND);
    // Ticking A's file for removal on B's own draft removes nothing of A's.
    let removed = w
        .app
        .post_multipart(
            &format!("{b_base}/steg/2"),
            &[("ta_bort", None, file.to_string().as_bytes()), ("atgard", None, b"spara")],
            Some(&w.b),
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        nara::applications::store::application_files(w.db.sql(), application.id).await.unwrap().len(),
        1
    );
});

on_both_backends!(sending_one_draft_at_the_same_moment_opens_one_case, Migrated, |db| {
    let w = world(db).await;
    let form = nara::applications::store::form_by_slug(&w.db, FORM).await.unwrap().unwrap();
    let id = nara::applications::store::start_application(&w.db, &form, w.resident_a).await.unwrap();
    let tries = (0..8).map(|_| {
        let db = w.db.clone();
        tokio::spawn(async move {
            common::actions::submit_application(&db, id, "Ansök om samtalsstöd", &Default::default(), &[])
                .await
                .unwrap()
                .unwrap()
        })
    });
    let outcomes: Vec<Submitted> = futures_outcomes(tries).await;
    let now: Vec<Uuid> =
        outcomes.iter().filter_map(|o| if let Submitted::Now(c) = o { Some(*c) } else { None }).collect();
    assert_eq!(now.len(), 1, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(o, Submitted::Before(c) | Submitted::Now(c) if *c == now[0])));
    assert_eq!(nara::cases::store::cases_of_resident(&w.db, w.resident_a).await.unwrap().len(), 1);
});

async fn futures_outcomes(tries: impl Iterator<Item = tokio::task::JoinHandle<Submitted>>) -> Vec<Submitted> {
    let mut outcomes = Vec::new();
    for handle in tries.collect::<Vec<_>>() {
        outcomes.push(handle.await.unwrap());
    }
    outcomes
}

/// Publishes `text` as the version after `version`, as the person with `session`.
async fn publish(w: &World, text: &str, version: &str, session: &str) -> common::app::Answer {
    let path = format!("/handlaggare/ansokningsformular/{FORM}");
    w.app.post(&path, &[("definition", text), ("version", version)], Some(session)).await
}

on_both_backends!(staff_publish_versions_and_drafts_keep_theirs, Migrated, |db| {
    let w = world(db).await;
    let base = start(&w).await;
    let editor = w.app.get(&format!("/handlaggare/ansokningsformular/{FORM}"), Some(&w.x)).await;
    assert_eq!(editor.status, StatusCode::OK);
    assert!(editor.body.contains("Version 1") && editor.body.contains("visas om"));
    // A text with problems is refused with every problem named, and kept in the box.
    let broken = "title_sv = \"Ny\"\n[[steps]]\ntitle_sv = \"Ett\"\n[[steps.questions]]\nid = \"Fel id\"\ntype = \"text\"\nlabel_sv = \"Fråga\"\n";
    let refused = publish(&w, broken, "1", &w.x).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("”Fel id” får bara ha a–z"), "{}", refused.body);
    let syntax = publish(&w, "[[steps", "1", &w.x).await;
    assert!(syntax.body.contains("Texten kunde inte läsas") && syntax.body.contains("line 1"));
    let fixed = broken.replace("Fel id", "fraga");
    let published = publish(&w, &fixed, "1", &w.x).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    // Publishing from a stale version is refused; the text is kept.
    let stale = publish(&w, &fixed, "1", &w.x).await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(stale.body.contains("Någon annan publicerade"));
    assert_eq!(nara::applications::store::form_by_slug(&w.db, FORM).await.unwrap().unwrap().version, 2);
    // The draft keeps version 1's questions; a new start would get version 2.
    let draft = w.app.get(&format!("{base}/steg/1"), Some(&w.a)).await;
    assert!(draft.body.contains("Berätta kort vad du vill ha stöd med"));
    // Staff of another unit cannot open or change the form; the refusal is audited.
    assert_eq!(
        w.app.get(&format!("/handlaggare/ansokningsformular/{FORM}"), Some(&w.y)).await.status,
        StatusCode::FORBIDDEN
    );
    let other = publish(&w, &fixed, "2", &w.y).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert_eq!(
        nara::applications::store::form_versions(
            &w.db,
            nara::applications::store::form_by_slug(&w.db, FORM).await.unwrap().unwrap().id
        )
        .await
        .unwrap()
        .len(),
        2
    );
    // A closed form takes no new applications.
    w.app
        .post(&format!("/handlaggare/ansokningsformular/{FORM}/oppen"), &[("open", "nej")], Some(&w.x))
        .await;
    let list = w.app.get("/mina-sidor/ansok", Some(&w.b)).await;
    assert!(!list.body.contains("Ansök om samtalsstöd"), "{}", list.body);
    assert_eq!(
        w.app.post(&format!("/mina-sidor/ansok/{FORM}"), &[], Some(&w.b)).await.status,
        StatusCode::NOT_FOUND
    );
    // New forms get a first version to write over; a taken address is refused.
    let unit = nara::identity::store::list_units(&w.db)
        .await
        .unwrap()
        .iter()
        .find(|u| u.slug == "x")
        .unwrap()
        .id
        .to_string();
    let created = w
        .app
        .post("/handlaggare/ansokningsformular", &[("adress", "ny-blankett"), ("enhet", &unit)], Some(&w.x))
        .await;
    assert_eq!(created.location(), "/handlaggare/ansokningsformular/ny-blankett");
    let taken = w
        .app
        .post("/handlaggare/ansokningsformular", &[("adress", FORM), ("enhet", &unit)], Some(&w.x))
        .await;
    assert!(taken.body.contains("Adressen används redan"));
    let foreign = w
        .app
        .post("/handlaggare/ansokningsformular", &[("adress", "annan"), ("enhet", &unit)], Some(&w.y))
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "a form for another unit");
});

on_both_backends!(the_forms_pages_breadcrumb_leads_back_to_the_cases, Migrated, |db| {
    let w = world(db).await;
    for path in
        ["/handlaggare/ansokningsformular".to_string(), format!("/handlaggare/ansokningsformular/{FORM}")]
    {
        let page = w.app.get(&path, Some(&w.x)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("<li><a href=\"/handlaggare\">Ärenden</a></li>"), "{path}: {}", page.body);
        assert!(!page.body.contains("Katalogen: att granska"), "{path}");
    }
});

/// A's application, sent (through the store: the steps are tested above); its address and case.
async fn sent_application(w: &World) -> (String, Uuid) {
    let form = nara::applications::store::form_by_slug(&w.db, FORM).await.unwrap().unwrap();
    let id = nara::applications::store::start_application(&w.db, &form, w.resident_a).await.unwrap();
    let outcome =
        common::actions::submit_application(&w.db, id, "Ansök om samtalsstöd", &Default::default(), &[])
            .await
            .unwrap();
    let Some(Submitted::Now(case)) = outcome else { panic!("{outcome:?}") };
    (format!("/mina-sidor/ansokningar/{id}"), case)
}

on_both_backends!(
    a_resident_withdraws_an_application_not_yet_decided_and_the_officer_is_told,
    Migrated,
    |db| {
        let w = world(db).await;
        let (base, case) = sent_application(&w).await;
        let summary = w.app.get(&base, Some(&w.a)).await;
        assert!(summary.body.contains(&format!("{base}/aterkalla")), "{}", summary.body);
        let form = w.app.get(&format!("{base}/aterkalla"), Some(&w.a)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Varför vill du återkalla ansökan?"));
        // Nobody else can withdraw it, and the attempt is audited.
        let denied = AuditFilter {
            subject_id: Some(w.resident_a),
            action: Some("access_denied".into()),
            ..Default::default()
        };
        let before = nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len();
        let other = w.app.post(&format!("{base}/aterkalla"), &[("reason", "Bertil vill")], Some(&w.b)).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        assert_eq!(nara::audit::store::search(&w.db, &denied, 100).await.unwrap().len(), before + 1);
        // A reason is required, and bounded; the text typed comes back.
        let empty = w.app.post(&format!("{base}/aterkalla"), &[("reason", "  ")], Some(&w.a)).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            empty.body.contains("Skriv varför du återkallar ansökan")
                && empty.body.contains("href=\"#reason\"")
        );
        let long = "x".repeat(nara::applications::MAX_WITHDRAWAL_REASON_CHARS + 1);
        let too_long = w.app.post(&format!("{base}/aterkalla"), &[("reason", &long)], Some(&w.a)).await;
        assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_long.body.contains("högst 2 000 tecken") && too_long.body.contains(&long));
        assert!(
            nara::mail::store::outbox(&w.db).await.unwrap().iter().all(|m| m.to_address != "x@example.se")
        );

        let reason = "Jag har fått hjälp genom vårdcentralen.";
        let done = w.app.post(&format!("{base}/aterkalla"), &[("reason", reason)], Some(&w.a)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert_eq!(done.location(), base);
        let closed = nara::cases::store::case(&w.db, case).await.unwrap().unwrap();
        assert_eq!(closed.status, nara::cases::CaseStatus::Closed);
        let summary = w.app.get(&base, Some(&w.a)).await;
        assert!(summary.body.contains("Du återkallade ansökan") && summary.body.contains(reason));
        assert!(!summary.body.contains(&format!("{base}/aterkalla\"")), "no second withdrawal offered");
        let english = w.app.get(&format!("/en{base}"), Some(&w.a)).await;
        assert!(english.body.contains("You withdrew the application"));
        // The officer is told, without the reason, and reads it in the case.
        let mail = nara::mail::store::outbox(&w.db).await.unwrap();
        let notice = mail.iter().find(|m| m.to_address == "x@example.se").expect("the officer is told");
        assert!(
            !notice.body.contains(reason) && notice.body.contains(&format!("/handlaggare/arenden/{case}"))
        );
        let officer = w.app.get(&format!("/handlaggare/arenden/{case}"), Some(&w.x)).await;
        assert!(officer.body.contains("Den sökande återkallade ansökan") && officer.body.contains(reason));
        let logged = AuditFilter {
            subject_id: Some(w.resident_a),
            action: Some("application_withdrawn".into()),
            ..Default::default()
        };
        assert_eq!(nara::audit::store::search(&w.db, &logged, 10).await.unwrap().len(), 1);
        // Once withdrawn, again is refused with a clear message and nothing is written.
        let again = w.app.post(&format!("{base}/aterkalla"), &[("reason", reason)], Some(&w.a)).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(again.body.contains("Du har redan återkallat ansökan"));
        assert_eq!(nara::audit::store::search(&w.db, &logged, 10).await.unwrap().len(), 1);
    }
);

on_both_backends!(a_decided_application_cannot_be_withdrawn, Migrated, |db| {
    let w = world(db).await;
    let (base, case) = sent_application(&w).await;
    let now = nara::cases::store::case(&w.db, case).await.unwrap().unwrap();
    common::actions::change_case_status(
        &w.db,
        case,
        now.status,
        nara::cases::CaseStatus::DecisionMade,
        None,
        w.officer_x,
    )
    .await
    .unwrap();
    let summary = w.app.get(&base, Some(&w.a)).await;
    assert!(!summary.body.contains(&format!("{base}/aterkalla")), "not offered");
    for answer in [
        w.app.get(&format!("{base}/aterkalla"), Some(&w.a)).await,
        w.app.post(&format!("{base}/aterkalla"), &[("reason", "Jag ångrar mig.")], Some(&w.a)).await,
    ] {
        assert_eq!(answer.status, StatusCode::CONFLICT);
        assert!(answer.body.contains("beslutet redan är fattat"), "{}", answer.body);
    }
    let english = w.app.get(&format!("/en{base}/aterkalla"), Some(&w.a)).await;
    assert!(english.body.contains("the decision has already been made"));
    let decided = nara::cases::store::case(&w.db, case).await.unwrap().unwrap();
    assert_eq!(decided.status, nara::cases::CaseStatus::DecisionMade, "unchanged");
    assert!(nara::applications::store::withdrawal(&w.db, id_of(&base)).await.unwrap().is_none());
});

on_both_backends!(the_form_editor_shows_plain_language_hints_for_the_saved_help_texts, Migrated, |db| {
    let w = world(db).await;
    let path = format!("/handlaggare/ansokningsformular/{FORM}");
    let hint = "”erhålla”: skriv hellre ”få”";
    assert!(!w.app.get(&path, Some(&w.x)).await.body.contains(hint));
    let text = "title_sv = \"Ny\"\n[[steps]]\ntitle_sv = \"Ett\"\n[[steps.questions]]\nid = \"fraga\"\n\
                type = \"text\"\nlabel_sv = \"Fråga\"\nhelp_sv = \"Skriv hur du vill erhålla svar.\"\n";
    let published = publish(&w, text, "1", &w.x).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    let editor = w.app.get(&path, Some(&w.x)).await.body;
    assert!(editor.contains("id=\"definition-klarsprak\"") && editor.contains(hint), "{editor}");
    assert!(!editor.contains("data-klarsprak-for=\"definition\""), "a TOML source is checked on save only");
});
