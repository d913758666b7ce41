//! Cases and the resident's record on both databases, through the real router: the resident sees
//! their own case and shared entries only; another resident reaches nothing whatever id is put
//! in the address or the form; staff of another unit are refused and the refusal is audited;
//! every staff read shows in the resident's access log; corrections keep every version; a
//! withheld entry needs a reason; messages leave e-mail notices without content.

use crate::common;

use axum::http::StatusCode;
use common::app::{TestApp, person};
use nara::audit::AuditFilter;
use nara::cases::{CaseStatus, NewCase, Sharing};
use nara::db::Db;
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    resident_a: Uuid,
    resident_b: Uuid,
    officer_x: Uuid,
    /// Sessions.
    a: String,
    b: String,
    x: String,
    x2: String,
    y: String,
    /// A's case in unit X, with one shared and one withheld entry.
    case: Uuid,
    shared: Uuid,
    withheld: Uuid,
    /// B's case in unit X, with one shared entry.
    b_case: Uuid,
    b_entry: Uuid,
}

const TITLE: &str = "Stöd till anhöriga";
const SHARED_TEXT: &str = "Telefonsamtal med Alma om hennes mamma.";
const WITHHELD_TEXT: &str = "Uppgifter från brodern om ekonomin.";
const WITHHELD_REASON: &str = "Uppgifter om en annan person, 26 kap. 1 § OSL.";

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let unit_y = nara::identity::store::upsert_unit(&db, "y", "Enhet Y", "Unit Y").await.unwrap();
    let staff = |unit| [RoleGrant { role: Role::Staff, unit_id: Some(unit) }];
    let resident_a = person(&db, "a@example.se", "Alma Andersson", &[]).await;
    let resident_b = person(&db, "b@example.se", "Bertil Berg", &[]).await;
    let officer_x = person(&db, "x@example.se", "Xenia Handläggare", &staff(unit_x)).await;
    let officer_x2 = person(&db, "x2@example.se", "Xavier Kollega", &staff(unit_x)).await;
    let officer_y = person(&db, "y@example.se", "Yngve Annanenhet", &staff(unit_y)).await;
    let case = nara::cases::store::open_case(
        &db,
        &NewCase {
            resident_id: resident_a,
            unit_id: unit_x,
            officer_id: Some(officer_x),
            title: TITLE.into(),
        },
        None,
    )
    .await
    .unwrap();
    let shared = common::actions::write_journal_entry(&db, case, officer_x, SHARED_TEXT, &Sharing::Shared)
        .await
        .unwrap();
    let withheld = common::actions::write_journal_entry(
        &db,
        case,
        officer_x,
        WITHHELD_TEXT,
        &Sharing::Withheld { reason: WITHHELD_REASON.into() },
    )
    .await
    .unwrap();
    let b_case = nara::cases::store::open_case(
        &db,
        &NewCase {
            resident_id: resident_b,
            unit_id: unit_x,
            officer_id: Some(officer_x),
            title: "Bertils ärende".into(),
        },
        None,
    )
    .await
    .unwrap();
    let b_entry =
        common::actions::write_journal_entry(&db, b_case, officer_x, "Bertils anteckning.", &Sharing::Shared)
            .await
            .unwrap();
    World {
        a: nara::sessions::store::start_session(&db, resident_a).await.unwrap(),
        b: nara::sessions::store::start_session(&db, resident_b).await.unwrap(),
        x: nara::sessions::store::start_session(&db, officer_x).await.unwrap(),
        x2: nara::sessions::store::start_session(&db, officer_x2).await.unwrap(),
        y: nara::sessions::store::start_session(&db, officer_y).await.unwrap(),
        app,
        db,
        resident_a,
        resident_b,
        officer_x,
        case,
        shared,
        withheld,
        b_case,
        b_entry,
    }
}

async fn denied_about(db: &Db, subject: Uuid) -> usize {
    let filter =
        AuditFilter { subject_id: Some(subject), action: Some("access_denied".into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

on_both_backends!(a_resident_sees_their_own_case_and_shared_entries_only, Migrated, |db| {
    let w = world(db).await;
    let list = w.app.get("/mina-sidor/arenden", Some(&w.a)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(TITLE) && !list.body.contains("Bertils ärende"), "{}", list.body);

    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(SHARED_TEXT));
    assert!(page.body.contains("Xenia Handläggare"), "the contact person is named");
    assert!(page.body.contains("x@example.se"), "with contact details");
    assert!(page.body.contains("Mottaget"), "the status");
    assert!(!page.body.contains(WITHHELD_TEXT), "a withheld entry is never shown");
    assert!(!page.body.contains(WITHHELD_REASON), "nor its reason");
    assert!(!page.body.contains(&w.withheld.to_string()), "nor its id");
    let english = w.app.get(&format!("/en/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(english.body.contains("Received") && !english.body.contains(WITHHELD_TEXT));

    let entry = w.app.get(&format!("/mina-sidor/arenden/{}/journal/{}", w.case, w.shared), Some(&w.a)).await;
    assert_eq!(entry.status, StatusCode::OK);
    assert!(entry.body.contains(SHARED_TEXT));
    let hidden =
        w.app.get(&format!("/mina-sidor/arenden/{}/journal/{}", w.case, w.withheld), Some(&w.a)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let comment = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/journal/{}", w.case, w.withheld),
            &[("comment", "Vad står det här?")],
            Some(&w.a),
        )
        .await;
    assert_eq!(comment.status, StatusCode::NOT_FOUND, "no comment on an entry the resident cannot see");
    assert!(nara::cases::store::additions(&w.db, w.case).await.unwrap().is_empty());
});

on_both_backends!(another_resident_reaches_nothing_whatever_id_is_used, Migrated, |db| {
    let w = world(db).await;
    let before = denied_about(&w.db, w.resident_a).await;
    let (case, shared, withheld) = (w.case, w.shared, w.withheld);
    for path in [
        format!("/mina-sidor/arenden/{case}"),
        format!("/en/mina-sidor/arenden/{case}"),
        format!("/mina-sidor/arenden/{case}/journal/{shared}"),
        format!("/mina-sidor/arenden/{case}/journal/{withheld}"),
    ] {
        let answer = w.app.get(&path, Some(&w.b)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!answer.body.contains(TITLE) && !answer.body.contains(SHARED_TEXT), "{path}");
    }
    for (path, field) in [
        (format!("/mina-sidor/arenden/{case}/anteckning"), "note"),
        (format!("/mina-sidor/arenden/{case}/meddelande"), "message"),
        (format!("/mina-sidor/arenden/{case}/journal/{shared}"), "comment"),
    ] {
        let answer = w.app.post(&path, &[(field, "Bertil skriver"), ("disputes", "ja")], Some(&w.b)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
    }
    // B's own case with A's entry, and A's case with B's entry: neither is an entry of that case.
    let crossed = w
        .app
        .post(&format!("/mina-sidor/arenden/{}/journal/{shared}", w.b_case), &[("comment", "x")], Some(&w.b))
        .await;
    assert_eq!(crossed.status, StatusCode::NOT_FOUND);
    let crossed = w
        .app
        .post(&format!("/mina-sidor/arenden/{case}/journal/{}", w.b_entry), &[("comment", "x")], Some(&w.a))
        .await;
    assert_eq!(crossed.status, StatusCode::NOT_FOUND);
    // A resident is not staff: the back office is refused by the route table.
    for path in [format!("/handlaggare/arenden/{case}"), "/handlaggare".to_string()] {
        assert_eq!(w.app.get(&path, Some(&w.b)).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    // An unknown id is the same "not found" as someone else's case.
    let unknown = w.app.get(&format!("/mina-sidor/arenden/{}", Uuid::new_v4()), Some(&w.b)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    assert!(nara::cases::store::additions(&w.db, case).await.unwrap().is_empty());
    assert!(nara::cases::store::additions(&w.db, w.b_case).await.unwrap().is_empty());
    assert!(nara::cases::store::case_messages(&w.db, case).await.unwrap().is_empty());
    assert!(nara::mail::store::outbox(&w.db).await.unwrap().is_empty(), "no notice was sent");
    assert_eq!(denied_about(&w.db, w.resident_a).await, before + 7, "every attempt on A's case is audited");
    // The database itself refuses an entry of another case.
    assert!(
        common::actions::add_to_record(&w.db, case, Some((w.b_entry, 1)), w.resident_a, false, "x")
            .await
            .is_err()
    );
});

on_both_backends!(staff_of_another_unit_are_refused_and_the_refusal_is_audited, Migrated, |db| {
    let w = world(db).await;
    let before = denied_about(&w.db, w.resident_a).await;
    let case = w.case;
    assert_eq!(
        w.app.get(&format!("/handlaggare/arenden/{case}"), Some(&w.y)).await.status,
        StatusCode::FORBIDDEN
    );
    let entry = w.app.get(&format!("/handlaggare/arenden/{case}/journal/{}", w.withheld), Some(&w.y)).await;
    assert_eq!(entry.status, StatusCode::FORBIDDEN);
    assert!(!entry.body.contains(WITHHELD_TEXT));
    for (path, form) in [
        ("journal", vec![("entry-body", "Y skriver"), ("entry-sharing", "shared")]),
        ("status", vec![("status", "being_assessed")]),
        ("meddelande", vec![("message", "Hej")]),
        ("overlamna", vec![("handover-to", "")]),
        ("avsluta", vec![]),
    ] {
        let answer = w.app.post(&format!("/handlaggare/arenden/{case}/{path}"), &form, Some(&w.y)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(denied_about(&w.db, w.resident_a).await, before + 7, "each refusal is in the log");
    let refusals = nara::audit::store::search(
        &w.db,
        &AuditFilter { subject_id: Some(w.resident_a), ..Default::default() },
        100,
    )
    .await
    .unwrap();
    assert!(
        refusals
            .iter()
            .any(|l| l.action == "access_denied" && l.actor_name.as_deref() == Some("Yngve Annanenhet"))
    );
    // Nothing changed.
    assert_eq!(nara::cases::store::journal(&w.db, case).await.unwrap().len(), 2);
    assert_eq!(nara::cases::store::case(&w.db, case).await.unwrap().unwrap().status, CaseStatus::Received);
    assert!(nara::cases::store::case_messages(&w.db, case).await.unwrap().is_empty());
    // The work lists: X sees the unit's cases, Y sees none of them.
    let list_x = w.app.get("/handlaggare", Some(&w.x)).await;
    assert!(list_x.body.contains(TITLE) && list_x.body.contains("Alma Andersson"), "{}", list_x.body);
    let list_y = w.app.get("/handlaggare", Some(&w.y)).await;
    assert_eq!(list_y.status, StatusCode::OK);
    assert!(!list_y.body.contains(TITLE));
    let other_unit = w.app.get("/handlaggare?enhet=x", Some(&w.y)).await;
    assert!(!other_unit.body.contains(TITLE), "a unit filter cannot reach another unit");
    let filtered = w.app.get("/handlaggare?enhet=x&status=closed", Some(&w.x)).await;
    assert!(!filtered.body.contains(TITLE), "filtered by status");
});

on_both_backends!(a_staff_read_shows_in_the_residents_access_log, Migrated, |db| {
    let w = world(db).await;
    let page = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(WITHHELD_TEXT) && page.body.contains(WITHHELD_REASON), "the officer sees all");
    assert!(page.body.contains(SHARED_TEXT));
    let log = w.app.get("/mina-sidor/logg", Some(&w.a)).await;
    assert!(log.body.contains("Xenia Handläggare"), "{}", log.body);
    assert!(log.body.contains("Läste ditt ärende"));
    assert!(log.body.contains("Handläggning av ärendet"), "with its purpose");
    assert!(log.body.contains("Enhet X"), "and the unit");
    let b_log = w.app.get("/mina-sidor/logg", Some(&w.b)).await;
    assert!(!b_log.body.contains("Läste ditt ärende"), "B's log is B's own");
});

on_both_backends!(corrections_keep_every_version, Migrated, |db| {
    let w = world(db).await;
    let base = format!("/handlaggare/arenden/{}", w.case);
    let written = w
        .app
        .post(
            &format!("{base}/journal"),
            &[("entry-body", "Alma har tre barn."), ("entry-sharing", "shared"), ("entry-reason", "")],
            Some(&w.x),
        )
        .await;
    assert_eq!(written.status, StatusCode::SEE_OTHER, "{}", written.body);
    let entry = nara::cases::store::journal(&w.db, w.case).await.unwrap().last().unwrap().id;
    let corrected = w
        .app
        .post(
            &format!("{base}/journal/{entry}"),
            &[("entry-body", "Alma har två barn."), ("entry-sharing", "shared"), ("version", "1")],
            Some(&w.x),
        )
        .await;
    assert_eq!(corrected.status, StatusCode::SEE_OTHER, "{}", corrected.body);
    // A second correction of version 1 (from a page read before the first) is refused.
    let stale = w
        .app
        .post(
            &format!("{base}/journal/{entry}"),
            &[("entry-body", "Alma har fyra barn."), ("entry-sharing", "shared"), ("version", "1")],
            Some(&w.x),
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(stale.body.contains("Någon annan har rättat anteckningen"));
    let journal = nara::cases::store::journal(&w.db, w.case).await.unwrap();
    let versions = &journal.iter().find(|e| e.id == entry).unwrap().versions;
    let texts: Vec<&str> = versions.iter().map(|v| v.body.as_str()).collect();
    assert_eq!(texts, ["Alma har tre barn.", "Alma har två barn."]);
    // The resident reads the version in force and the history.
    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(page.body.contains("Alma har två barn.") && page.body.contains("Alma har tre barn."));
    assert!(page.body.contains("Rättad"));
    // Nothing in the record can be changed or removed behind the application's back.
    for sql in [
        "UPDATE case_journal_versions SET body = 'ändrat'",
        "DELETE FROM case_journal_versions",
        "DELETE FROM case_journal_entries",
        "UPDATE case_status_changes SET note = 'ändrat'",
    ] {
        let result = w.db.sql().execute(sql, &[]).await;
        assert!(result.is_err(), "{sql} must be refused");
    }
    // A resident's comment is kept with the entry, for the officer to see.
    let commented = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/journal/{entry}", w.case),
            &[("comment", "Jag har två barn och ett bonusbarn."), ("disputes", "ja")],
            Some(&w.a),
        )
        .await;
    assert_eq!(commented.status, StatusCode::SEE_OTHER);
    let officer = w.app.get(&format!("{base}/journal/{entry}"), Some(&w.x)).await;
    assert!(officer.body.contains("Jag har två barn och ett bonusbarn."));
    assert!(officer.body.contains("Invånaren anser att det här inte stämmer"));
    let additions = nara::cases::store::additions(&w.db, w.case).await.unwrap();
    assert_eq!(
        (additions[0].entry_id, additions[0].entry_version, additions[0].disputes),
        (Some(entry), Some(2), true)
    );
    let result = w.db.sql().execute("UPDATE case_additions SET body = 'ändrat'", &[]).await;
    assert!(result.is_err(), "an addition is never edited");
    // Withheld after the resident commented: the entry is hidden, the resident's words are not.
    let withheld = w
        .app
        .post(
            &format!("{base}/journal/{entry}"),
            &[
                ("entry-body", "Alma har två barn."),
                ("entry-sharing", "withheld"),
                ("entry-reason", "Uppgift om barnens pappa."),
                ("version", "2"),
            ],
            Some(&w.x),
        )
        .await;
    assert_eq!(withheld.status, StatusCode::SEE_OTHER);
    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(!page.body.contains("Alma har två barn.") && !page.body.contains("Uppgift om barnens pappa."));
    assert!(page.body.contains("Jag har två barn och ett bonusbarn."));
});

on_both_backends!(a_withheld_entry_needs_a_reason, Migrated, |db| {
    let w = world(db).await;
    let before = nara::cases::store::journal(&w.db, w.case).await.unwrap().len();
    let answer = w
        .app
        .post(
            &format!("/handlaggare/arenden/{}/journal", w.case),
            &[("entry-body", "Känsliga uppgifter."), ("entry-sharing", "withheld"), ("entry-reason", "   ")],
            Some(&w.x),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body.contains("Skriv varför invånaren inte får läsa anteckningen"), "{}", answer.body);
    assert!(answer.body.contains("href=\"#entry-reason\""), "the summary links to the field");
    assert!(answer.body.contains("Känsliga uppgifter."), "what was written is kept in the form");
    let english = w
        .app
        .post(
            &format!("/en/handlaggare/arenden/{}/journal", w.case),
            &[("entry-body", "Känsliga uppgifter."), ("entry-sharing", "withheld")],
            Some(&w.x),
        )
        .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english.body.contains("Write why the resident may not read the entry"));
    assert_eq!(nara::cases::store::journal(&w.db, w.case).await.unwrap().len(), before, "nothing was saved");
    // The database refuses it too.
    let direct = common::actions::write_journal_entry(
        &w.db,
        w.case,
        w.officer_x,
        "x",
        &Sharing::Withheld { reason: " ".into() },
    )
    .await;
    assert!(direct.is_err());
});

on_both_backends!(messages_leave_notices_without_content, Migrated, |db| {
    let w = world(db).await;
    let secret = "Min son har börjat skolka igen";
    let sent = w
        .app
        .post_multipart(&format!("/mina-sidor/arenden/{}/meddelande", w.case), &message(secret), Some(&w.a))
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    assert_eq!(outbox.len(), 1);
    let notice = &outbox[0];
    assert_eq!(notice.to_address, "x@example.se");
    for text in [secret, TITLE, "Alma"] {
        assert!(!notice.body.contains(text) && !notice.subject.contains(text), "{text} in the notice");
    }
    assert!(notice.body.contains(&format!("/handlaggare/arenden/{}", w.case)));
    // The officer sees it as new, then not.
    let list = w.app.get("/handlaggare", Some(&w.x)).await;
    assert!(list.body.contains("1 nytt meddelande"), "{}", list.body);
    let page = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
    assert!(page.body.contains(secret));
    assert!(!w.app.get("/handlaggare", Some(&w.x)).await.body.contains("1 nytt meddelande"));

    let reply = "Tack, jag ringer dig i morgon.";
    let answered = w
        .app
        .post(&format!("/handlaggare/arenden/{}/meddelande", w.case), &[("message", reply)], Some(&w.x))
        .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let to_a = outbox.iter().find(|m| m.to_address == "a@example.se").expect("a notice to the resident");
    assert!(!to_a.body.contains(reply) && !to_a.body.contains(TITLE));
    assert!(to_a.body.contains(&format!("/mina-sidor/arenden/{}", w.case)));
    let mine = w.app.get("/mina-sidor/arenden", Some(&w.a)).await;
    assert!(mine.body.contains("1 nytt meddelande"));
    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(page.body.contains(reply) && page.body.contains(secret));
    // An empty message is refused with a message, nothing sent.
    let empty = w
        .app
        .post_multipart(&format!("/mina-sidor/arenden/{}/meddelande", w.case), &message("  "), Some(&w.a))
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Skriv ditt meddelande"));
    assert_eq!(nara::cases::store::case_messages(&w.db, w.case).await.unwrap().len(), 2);
});

/// The resident's message form as a browser sends it: the text and an empty file input.
fn message(text: &str) -> [(&'static str, Option<&'static str>, &[u8]); 2] {
    [("message", None, text.as_bytes()), ("file", Some(""), b"")]
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

on_both_backends!(
    a_resident_attaches_a_file_to_a_message_and_only_the_case_s_people_open_it,
    Migrated,
    |db| {
        let w = world(db).await;
        let path = format!("/mina-sidor/arenden/{}/meddelande", w.case);
        let count = |db: Db, case: Uuid| async move {
            let messages = nara::cases::store::case_messages(&db, case).await.unwrap();
            (messages.len(), messages.iter().map(|m| m.files.len()).sum::<usize>())
        };
        // Refused uploads: nothing is kept, the text typed stays, the message says why.
        let word: &[u8] = b"PK\x03\x04 a Word file renamed";
        let wrong = [("message", None, "Här är intyget.".as_bytes()), ("file", Some("intyg.pdf"), word)];
        let refused = w.app.post_multipart(&path, &wrong, Some(&w.a)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Filen måste vara en PDF, JPEG eller PNG"), "{}", refused.body);
        assert!(refused.body.contains("href=\"#file\"") && refused.body.contains("Här är intyget."));
        let mut big = PDF.to_vec();
        big.resize(nara::applications::files::MAX_FILE_BYTES + 1, b' ');
        let large = [("message", None, "Stort.".as_bytes()), ("file", Some("intyg.pdf"), big.as_slice())];
        let refused = w.app.post_multipart(&path, &large, Some(&w.a)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("större än 5 MB"));
        let no_text = [("message", None, " ".as_bytes()), ("file", Some("intyg.pdf"), PDF)];
        let refused = w.app.post_multipart(&path, &no_text, Some(&w.a)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Skriv ditt meddelande"));
        assert_eq!(count(w.db.clone(), w.case).await, (0, 0));
        assert!(nara::mail::store::outbox(&w.db).await.unwrap().is_empty());
        // Another resident cannot post into A's case, with or without a file.
        let good =
            [("message", None, "Här är intyget.".as_bytes()), ("file", Some("C:\\Skanner\\intyg.pdf"), PDF)];
        assert_eq!(w.app.post_multipart(&path, &good, Some(&w.b)).await.status, StatusCode::NOT_FOUND);

        let sent = w.app.post_multipart(&path, &good, Some(&w.a)).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(count(w.db.clone(), w.case).await, (1, 1));
        let file = nara::cases::store::case_messages(&w.db, w.case).await.unwrap().remove(0).files.remove(0);
        assert_eq!((file.file_name.as_str(), file.size_bytes), ("intyg.pdf", PDF.len() as i32));
        let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
        assert_eq!(outbox.len(), 1, "the contact person is told");
        assert!(!outbox[0].body.contains("intyg"), "without naming the file");

        // The resident opens it from their case page, as a download.
        let mine = format!("/mina-sidor/arenden/{}/filer/{}", w.case, file.id);
        let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
        assert!(page.body.contains(&mine) && page.body.contains("intyg.pdf"), "{}", page.body);
        let download = w.app.get(&mine, Some(&w.a)).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.headers["content-type"], "application/pdf");
        assert!(download.headers["content-disposition"].to_str().unwrap().starts_with("attachment;"));
        assert!(download.body.starts_with("%PDF"));
        // The download of everything about them names it with its message.
        let export = w.app.get("/mina-sidor/mina-uppgifter", Some(&w.a)).await.body;
        assert!(export.contains("<li>Bifogad fil: intyg.pdf</li>"), "{export}");
        let data: serde_json::Value =
            serde_json::from_str(&w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.a)).await.body)
                .unwrap();
        assert_eq!(data["cases"][0]["messages"][0]["attachments"], serde_json::json!(["intyg.pdf"]));
        // Nobody else reaches it: not another resident, not through their own case.
        let before = denied_about(&w.db, w.resident_a).await;
        assert_eq!(w.app.get(&mine, Some(&w.b)).await.status, StatusCode::NOT_FOUND);
        let crossed = format!("/mina-sidor/arenden/{}/filer/{}", w.b_case, file.id);
        assert_eq!(w.app.get(&crossed, Some(&w.b)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(denied_about(&w.db, w.resident_a).await, before + 1, "the attempt on A's case is audited");

        // The contact person sees it in the case and opens it; the read is in A's log.
        let theirs = format!("/handlaggare/arenden/{}/meddelandefiler/{}", w.case, file.id);
        let case_page = w.app.get(&format!("/handlaggare/arenden/{}", w.case), Some(&w.x)).await;
        assert!(case_page.body.contains(&theirs), "{}", case_page.body);
        let opened = w.app.get(&theirs, Some(&w.x)).await;
        assert_eq!(opened.status, StatusCode::OK);
        assert!(opened.body.starts_with("%PDF"));
        let reads = nara::audit::store::search(
            &w.db,
            &AuditFilter {
                actor_id: Some(w.officer_x),
                subject_id: Some(w.resident_a),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap();
        assert!(
            reads.iter().any(|l| l.object_type == "case_message_file"
                && l.object_id.as_deref() == Some(file.id.to_string().as_str())
                && l.purpose.as_deref() == Some("Handläggning av ärendet")),
            "{reads:?}"
        );
        // Staff of another unit are refused, and that is audited too.
        assert_eq!(w.app.get(&theirs, Some(&w.y)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(denied_about(&w.db, w.resident_a).await, before + 2);
    }
);

on_both_backends!(each_person_s_notices_come_in_the_language_they_chose, Migrated, |db| {
    let w = world(db).await;
    let language = |id: Uuid| {
        let db = w.db.clone();
        async move { nara::identity::store::language(&db, id).await.unwrap() }
    };
    assert_eq!(language(w.resident_a).await, nara::i18n::Locale::SV, "Swedish until chosen");
    // Visiting English pages does not choose; the language switch does, while signed in.
    w.app.get("/en/mina-sidor", Some(&w.a)).await;
    assert_eq!(language(w.resident_a).await, nara::i18n::Locale::SV);
    let page = w.app.get("/mina-sidor", Some(&w.a)).await;
    assert!(page.body.contains("href=\"/en/mina-sidor?sprak=valt\""), "{}", page.body);
    let switched = w.app.get("/en/mina-sidor?sprak=valt", Some(&w.a)).await;
    assert_eq!(switched.status, StatusCode::OK);
    assert_eq!(language(w.resident_a).await, nara::i18n::Locale::EN);
    assert!(switched.body.contains("value=\"en\" checked"), "My pages show the choice");

    let reply = w
        .app
        .post(&format!("/handlaggare/arenden/{}/meddelande", w.case), &[("message", "Hej")], Some(&w.x))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let to_a = outbox.iter().find(|m| m.to_address == "a@example.se").expect("a notice to A");
    assert_eq!(to_a.subject, "There is something new in your case on Nära");
    assert!(to_a.body.contains(&format!("/en/mina-sidor/arenden/{}", w.case)), "{}", to_a.body);

    // The officer chooses on My pages; a wrong value is refused with a message.
    let wrong = w.app.post("/mina-sidor/sprak", &[("language", "xx")], Some(&w.x)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Välj ett språk") && wrong.body.contains("href=\"#language\""));
    let chosen = w.app.post("/mina-sidor/sprak", &[("language", "en")], Some(&w.x)).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.location(), "/en/mina-sidor?klart=sprak#sprak");
    let sent = w
        .app
        .post_multipart(&format!("/mina-sidor/arenden/{}/meddelande", w.case), &message("Tack!"), Some(&w.a))
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let outbox = nara::mail::store::outbox(&w.db).await.unwrap();
    let to_x = outbox.iter().find(|m| m.to_address == "x@example.se").expect("a notice to X");
    assert_eq!(to_x.subject, "Something new in a case on Nära");
    assert!(to_x.body.contains(&format!("/en/handlaggare/arenden/{}", w.case)));
    // And back to Swedish from the English page.
    let back = w.app.post("/en/mina-sidor/sprak", &[("language", "sv")], Some(&w.a)).await;
    assert_eq!(back.location(), "/mina-sidor?klart=sprak#sprak");
    assert_eq!(language(w.resident_a).await, nara::i18n::Locale::SV);
    assert!(w.app.get(back.location(), Some(&w.a)).await.body.contains("Språket är sparat."));
});

on_both_backends!(the_contact_box_gives_the_phone_hours_and_whom_to_call_outside_them, Migrated, |db| {
    let w = world(db).await;
    let path = format!("/mina-sidor/arenden/{}", w.case);
    let before = w.app.get(&path, Some(&w.a)).await;
    assert!(!before.body.contains("Svarar i telefon"), "no hours given, none shown");
    // Hours on one weekday that is neither yesterday, today nor tomorrow in Stockholm: whenever
    // the test runs, Xenia does not answer now.
    let today = nara::stockholm::today();
    let day = (today + chrono::Days::new(3)).format("%u").to_string();
    let hours = nara::cases::contact::PhoneHours::from_columns("040-12 34 56".into(), &day, "09:00", "11:30")
        .unwrap();
    let mut tx = w.db.begin_write().await.unwrap();
    nara::cases::store::set_phone_hours(&mut tx, w.officer_x, &hours).await.unwrap();
    tx.commit().await.unwrap();
    let page = w.app.get(&path, Some(&w.a)).await;
    assert!(page.body.contains("href=\"tel:040123456\">040-12 34 56</a>"), "{}", page.body);
    assert!(page.body.contains("09.00–11.30"));
    assert!(page.body.contains("Xenia Handläggare svarar inte i telefon just nu."));
    let jouren = nara::config::Socialjouren::default();
    assert!(
        page.body.contains(&jouren.phone) && page.body.contains(&jouren.hours_sv),
        "from the configuration"
    );
    let english = w.app.get(&format!("/en{path}"), Some(&w.a)).await;
    assert!(
        english.body.contains("does not answer the telephone right now")
            && english.body.contains(&jouren.hours_en)
    );
    // Stored again with new hours, it is replaced, not added.
    let every_day =
        nara::cases::contact::PhoneHours::from_columns("040-12 34 56".into(), "1234567", "00:00", "23:59")
            .unwrap();
    let mut tx = w.db.begin_write().await.unwrap();
    nara::cases::store::set_phone_hours(&mut tx, w.officer_x, &every_day).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(nara::cases::store::phone_hours(&w.db, w.officer_x).await.unwrap(), Some(every_day));
});

on_both_backends!(the_status_follows_the_rules_and_the_resident_reads_what_happens_next, Migrated, |db| {
    let w = world(db).await;
    let base = format!("/handlaggare/arenden/{}", w.case);
    let no_date = w
        .app
        .post(
            &format!("{base}/status"),
            &[("status", "more_information_needed"), ("due", ""), ("status-note", "Ett intyg")],
            Some(&w.x),
        )
        .await;
    assert_eq!(no_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_date.body.contains("Skriv vilket datum invånaren ska svara senast"));
    let past = w
        .app
        .post(
            &format!("{base}/status"),
            &[("status", "more_information_needed"), ("due", "2020-01-01"), ("status-note", "Ett intyg")],
            Some(&w.x),
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_note = w
        .app
        .post(
            &format!("{base}/status"),
            &[("status", "more_information_needed"), ("due", "2099-12-07")],
            Some(&w.x),
        )
        .await;
    assert_eq!(no_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_note.body.contains("Skriv vilken information ni behöver"));
    let back = w.app.post(&format!("{base}/status"), &[("status", "received")], Some(&w.x)).await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY, "a case is received once");
    assert_eq!(nara::cases::store::case(&w.db, w.case).await.unwrap().unwrap().status, CaseStatus::Received);

    let asked = w
        .app
        .post(
            &format!("{base}/status"),
            &[
                ("status", "more_information_needed"),
                ("due", "2099-12-07"),
                ("status-note", "Vi behöver ett intyg från läkaren."),
            ],
            Some(&w.x),
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(page.body.contains("Vi behöver mer information från dig senast"), "{}", page.body);
    assert!(page.body.contains("2099-12-07") && page.body.contains("Vi behöver ett intyg från läkaren."));
    assert!(
        nara::mail::store::outbox(&w.db).await.unwrap().iter().any(|m| m.to_address == "a@example.se"),
        "the resident is told"
    );

    let closed = w.app.post(&format!("{base}/avsluta"), &[("close-note", "Lycka till!")], Some(&w.x)).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    assert_eq!(nara::cases::store::case(&w.db, w.case).await.unwrap().unwrap().status, CaseStatus::Closed);
    assert_eq!(w.app.post(&format!("{base}/avsluta"), &[], Some(&w.x)).await.status, StatusCode::BAD_REQUEST);
    let late = w
        .app
        .post_multipart(&format!("/mina-sidor/arenden/{}/meddelande", w.case), &message("Hallå?"), Some(&w.a))
        .await;
    assert_eq!(late.status, StatusCode::BAD_REQUEST, "no messages in a closed case");
    let page = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(page.body.contains("Ärendet är avslutat") && page.body.contains(SHARED_TEXT), "the record stays");
    let note = w
        .app
        .post(
            &format!("/mina-sidor/arenden/{}/anteckning", w.case),
            &[("note", "Tack för hjälpen.")],
            Some(&w.a),
        )
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER, "the resident can still add to the record");
});

on_both_backends!(a_case_is_handed_over_within_its_unit_only, Migrated, |db| {
    let w = world(db).await;
    let base = format!("/handlaggare/arenden/{}", w.case);
    let officer_y = nara::identity::store::person_by_email(
        &w.db,
        &nara::identity::EmailAddress::parse("y@example.se").unwrap(),
    )
    .await;
    let officer_y = officer_y.unwrap().unwrap().0.id.to_string();
    for to in [officer_y.as_str(), &w.resident_b.to_string(), &w.resident_a.to_string(), "ingen"] {
        let answer = w
            .app
            .post(
                &format!("{base}/overlamna"),
                &[("handover-to", to), ("handover-note", "Läs journalen.")],
                Some(&w.x),
            )
            .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{to}");
        assert!(answer.body.contains("Välj en handläggare på samma enhet"));
    }
    let x2 = nara::identity::store::person_by_email(
        &w.db,
        &nara::identity::EmailAddress::parse("x2@example.se").unwrap(),
    )
    .await;
    let x2 = x2.unwrap().unwrap().0.id;
    let no_note =
        w.app.post(&format!("{base}/overlamna"), &[("handover-to", &x2.to_string())], Some(&w.x)).await;
    assert_eq!(no_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    let handed = w
        .app
        .post(
            &format!("{base}/overlamna"),
            &[("handover-to", &x2.to_string()), ("handover-note", "Alma vill bli uppringd efter 16.")],
            Some(&w.x),
        )
        .await;
    assert_eq!(handed.status, StatusCode::SEE_OTHER);
    assert_eq!(nara::cases::store::case(&w.db, w.case).await.unwrap().unwrap().officer_id, Some(x2));
    let handovers = nara::cases::store::handovers(&w.db, w.case).await.unwrap();
    assert_eq!(handovers[0].from_name.as_deref(), Some("Xenia Handläggare"));
    assert!(nara::mail::store::outbox(&w.db).await.unwrap().iter().any(|m| m.to_address == "x2@example.se"));
    let page = w.app.get(&base, Some(&w.x2)).await;
    assert!(page.body.contains("Alma vill bli uppringd efter 16."));
    let resident = w.app.get(&format!("/mina-sidor/arenden/{}", w.case), Some(&w.a)).await;
    assert!(resident.body.contains("Xavier Kollega"), "the new contact person is named");
    assert!(!resident.body.contains("Alma vill bli uppringd"), "the handover note is the staff's");
});

on_both_backends!(a_member_of_staff_cannot_open_a_case_about_themselves, Migrated, |db| {
    let w = world(db).await;
    let unit_x = nara::cases::store::case(&w.db, w.case).await.unwrap().unwrap().unit_id;
    let own = nara::cases::store::open_case(
        &w.db,
        &NewCase {
            resident_id: w.officer_x, unit_id: unit_x, officer_id: None, title: "Eget ärende".into()
        },
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        w.app.get(&format!("/handlaggare/arenden/{own}"), Some(&w.x)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(w.app.get(&format!("/mina-sidor/arenden/{own}"), Some(&w.x)).await.status, StatusCode::OK);
    assert_eq!(w.app.get(&format!("/handlaggare/arenden/{own}"), Some(&w.x2)).await.status, StatusCode::OK);
    let _ = w.resident_b;
});

on_both_backends!(the_demo_case_reads_well_for_each_side, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    nara::demo::seed(&db).await.unwrap();
    let app = TestApp::new(db.clone());
    let id = |email: &'static str| {
        let db = db.clone();
        async move {
            let address = nara::identity::EmailAddress::parse(email).unwrap();
            nara::identity::store::person_by_email(&db, &address).await.unwrap().unwrap().0.id
        }
    };
    let sara = nara::sessions::store::start_session(&db, id("invanare@demo.nara.se").await).await.unwrap();
    let anna =
        nara::sessions::store::start_session(&db, id("handlaggare.vuxen@demo.nara.se").await).await.unwrap();
    let jonas =
        nara::sessions::store::start_session(&db, id("handlaggare.barn@demo.nara.se").await).await.unwrap();
    let cases = nara::cases::store::cases_of_resident(&db, id("invanare@demo.nara.se").await).await.unwrap();
    // Her open case, and the closed one the demo's survey invitation asks about (open ones first).
    assert_eq!(cases.len(), 2, "seeded once");
    assert!(cases[0].status != "closed" && cases[1].status == "closed");
    let case = cases[0].id;
    let page = app.get(&format!("/mina-sidor/arenden/{case}"), Some(&sara)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Anna Berg") && page.body.contains("halvtid"));
    assert!(!page.body.contains("ekonomi"), "the withheld entry stays hidden");
    let back_office = app.get(&format!("/handlaggare/arenden/{case}"), Some(&anna)).await;
    assert!(back_office.body.contains("ekonomi") && back_office.body.contains("26 kap. 1 §"));
    assert!(app.get("/handlaggare", Some(&anna)).await.body.contains("Sara Lindqvist"));
    assert_eq!(
        app.get(&format!("/handlaggare/arenden/{case}"), Some(&jonas)).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(!app.get("/handlaggare", Some(&jonas)).await.body.contains("Sara Lindqvist"));
});

on_both_backends!(simultaneous_changes_never_overwrite_each_other, Migrated, |db| {
    let w = world(db).await;
    // Twenty officers correct version 1 at once: one correction is saved, the others are told.
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (db, case, entry, officer) = (w.db.clone(), w.case, w.shared, w.officer_x);
            tokio::spawn(async move {
                common::actions::correct_journal_entry(
                    &db,
                    case,
                    entry,
                    1,
                    officer,
                    &format!("Rättelse {i}"),
                    &Sharing::Shared,
                )
                .await
                .unwrap()
            })
        })
        .collect();
    let mut saved = 0;
    for task in tasks {
        match task.await.unwrap() {
            nara::cases::VersionOutcome::Saved(2) => saved += 1,
            nara::cases::VersionOutcome::Stale => {}
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(saved, 1);
    let journal = nara::cases::store::journal(&w.db, w.case).await.unwrap();
    assert_eq!(journal.iter().find(|e| e.id == w.shared).unwrap().versions.len(), 2);
    // Twenty status changes from "received" at once: one moves the case, one step in the timeline.
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (db, case, officer) = (w.db.clone(), w.case, w.officer_x);
            tokio::spawn(async move {
                common::actions::change_case_status(
                    &db,
                    case,
                    CaseStatus::Received,
                    CaseStatus::BeingAssessed,
                    None,
                    officer,
                )
                .await
                .unwrap()
            })
        })
        .collect();
    let mut moved = 0;
    for task in tasks {
        if task.await.unwrap() {
            moved += 1;
        }
    }
    assert_eq!(moved, 1);
    assert_eq!(nara::cases::store::status_changes(&w.db, w.case).await.unwrap().len(), 2);
    // A correction of an entry through another case's address finds nothing.
    let crossed = common::actions::correct_journal_entry(
        &w.db,
        w.b_case,
        w.shared,
        2,
        w.officer_x,
        "x",
        &Sharing::Shared,
    )
    .await
    .unwrap();
    assert_eq!(crossed, nara::cases::VersionOutcome::NotFound);
});

on_both_backends!(a_resident_downloads_everything_they_may_see_and_nothing_else, Migrated, |db| {
    let w = world(db).await;
    let page = w.app.get("/mina-sidor/mina-uppgifter", Some(&w.a)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(TITLE) && page.body.contains(SHARED_TEXT));
    assert!(
        !page.body.contains(WITHHELD_TEXT) && !page.body.contains(WITHHELD_REASON),
        "withheld stays withheld"
    );

    let file = w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.a)).await;
    assert_eq!(file.headers["content-type"], "application/json; charset=utf-8");
    assert!(file.headers["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    let data: serde_json::Value = serde_json::from_str(&file.body).expect("the file is JSON");
    assert_eq!(data["person"]["name"], "Alma Andersson");
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1, "A's own case only");
    assert_eq!(cases[0]["title"], TITLE);
    let texts: Vec<&str> = cases[0]["journal"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["versions"].as_array().unwrap())
        .map(|v| v["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&SHARED_TEXT) && !texts.contains(&WITHHELD_TEXT));
    assert!(!file.body.contains(WITHHELD_TEXT) && !file.body.contains(WITHHELD_REASON));
    assert!(data["access_log"].as_array().unwrap().iter().any(|l| l["action"] == "own_data_downloaded"));

    let theirs = w.app.get("/mina-sidor/mina-uppgifter.json", Some(&w.b)).await.body;
    assert!(!theirs.contains(TITLE) || !theirs.contains(SHARED_TEXT), "B's file holds nothing of A's");
    assert!(!theirs.contains("Alma"));
    assert!(w.app.get("/mina-sidor/mina-uppgifter", None).await.is_login_redirect());
});

on_both_backends!(the_work_list_comes_in_pages_of_fifty, Migrated, |db| {
    let w = world(db.clone()).await;
    let unit_x = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let before =
        w.app.get("/handlaggare", Some(&w.x)).await.body.matches("href=\"/handlaggare/arenden/").count();
    for i in 0..60 {
        let resident = person(&db, &format!("r{i}@example.se"), &format!("Person {i}"), &[]).await;
        let new = NewCase {
            resident_id: resident,
            unit_id: unit_x,
            officer_id: None,
            title: format!("Ärende {i}"),
        };
        nara::cases::store::open_case(&db, &new, None).await.unwrap();
    }
    let total = before + 60;
    let first = w.app.get("/handlaggare?enhet=x", Some(&w.x)).await.body;
    assert_eq!(first.matches("href=\"/handlaggare/arenden/").count(), 50);
    let next = first.split("rel=\"next\"").next().unwrap_or("");
    assert!(
        next.ends_with("sida=2\" ") && !first.contains("rel=\"prev\""),
        "{}",
        &next[next.len().saturating_sub(200)..]
    );
    let second = w.app.get("/handlaggare?enhet=x&sida=2", Some(&w.x)).await.body;
    assert_eq!(second.matches("href=\"/handlaggare/arenden/").count(), total - 50);
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""));
    assert!(second.contains("<title>Sida 2 – ") && !first.contains("<title>Sida"), "titles differ");
    let nonsense = w.app.get("/handlaggare?sida=-4", Some(&w.x)).await;
    assert_eq!(nonsense.status, StatusCode::OK, "a bad page number shows the first page");
});

on_both_backends!(the_work_list_is_by_status_then_due_date_then_age, Migrated, |db| {
    use chrono::NaiveDate;
    use nara::cases::StatusKind;
    let unit = nara::identity::store::upsert_unit(&db, "z", "Enhet Z", "Unit Z").await.unwrap();
    let officer = person(
        &db,
        "z@example.se",
        "Zelda Handläggare",
        &[RoleGrant { role: Role::Staff, unit_id: Some(unit) }],
    )
    .await;
    let due =
        |day| CaseStatus::MoreInformationNeeded { due: NaiveDate::from_ymd_opt(2099, 12, day).unwrap() };
    // Opened in an order the list does not keep; some due dates shared.
    let statuses = [
        CaseStatus::Closed,
        CaseStatus::DecisionMade,
        due(20),
        CaseStatus::Received,
        CaseStatus::BeingAssessed,
        due(3),
        CaseStatus::Closed,
        due(20),
        CaseStatus::Received,
        CaseStatus::DecisionMade,
        due(3),
        CaseStatus::BeingAssessed,
        CaseStatus::Received,
    ];
    for (i, status) in statuses.iter().enumerate() {
        let resident = person(&db, &format!("z{i}@example.se"), &format!("Person {i}"), &[]).await;
        let new =
            NewCase { resident_id: resident, unit_id: unit, officer_id: None, title: format!("Ärende {i}") };
        let case = nara::cases::store::open_case(&db, &new, None).await.unwrap();
        if *status != CaseStatus::Received {
            assert!(
                common::actions::change_case_status(&db, case, CaseStatus::Received, *status, None, officer)
                    .await
                    .unwrap()
            );
        }
    }
    let order = [
        StatusKind::MoreInformationNeeded,
        StatusKind::Received,
        StatusKind::BeingAssessed,
        StatusKind::DecisionMade,
        StatusKind::Closed,
    ];
    let key = |c: &nara::cases::CaseSummary| {
        (order.iter().position(|k| *k == c.kind()), c.status_due_on, c.opened_at, c.id)
    };
    let ids = |cases: &[nara::cases::CaseSummary]| cases.iter().map(|c| c.id).collect::<Vec<_>>();

    let open = nara::cases::store::worklist(&db, unit, None, 0, 100).await.unwrap();
    assert_eq!(open.len(), 11, "the open cases");
    let mut expected = open.clone();
    expected.sort_by_key(key);
    assert_eq!(ids(&open), ids(&expected));
    assert_eq!(open[0].status_due_on, Some(NaiveDate::from_ymd_opt(2099, 12, 3).unwrap()));
    assert_eq!(open.last().unwrap().kind(), StatusKind::DecisionMade);
    // Pages are slices of the same order.
    let mut paged = Vec::new();
    for offset in (0..12).step_by(4) {
        paged.extend(ids(&nara::cases::store::worklist(&db, unit, None, offset, 4).await.unwrap()));
    }
    assert_eq!(paged, ids(&open));
    // One status: the same order within it, closed cases too.
    for kind in StatusKind::ALL {
        let one = nara::cases::store::worklist(&db, unit, Some(kind), 0, 100).await.unwrap();
        assert!(one.iter().all(|c| c.kind() == kind), "{kind:?}");
        let mut expected = one.clone();
        expected.sort_by_key(key);
        assert_eq!(ids(&one), ids(&expected), "{kind:?}");
        let from_open: Vec<_> = open.iter().filter(|c| c.kind() == kind).map(|c| c.id).collect();
        if kind == StatusKind::Closed {
            assert_eq!(one.len(), 2);
        } else {
            assert_eq!(ids(&one), from_open, "{kind:?}");
        }
    }
});

/// Makes every write to the outbox fail, as a crash between the change and its notice would.
async fn break_the_outbox(db: &Db) {
    let statements: &[&str] = match db.backend() {
        nara::db::Backend::Sqlite => &[
            "CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox fails'); END",
        ],
        nara::db::Backend::Postgres => &[
            "CREATE FUNCTION outbox_fails() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'outbox fails'; END $$",
            "CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_fails()",
        ],
    };
    for statement in statements {
        db.sql().execute(*statement, &[]).await.unwrap();
    }
}

on_both_backends!(a_status_change_whose_notice_fails_leaves_nothing_behind, Migrated, |db| {
    let w = world(db).await;
    let base = format!("/handlaggare/arenden/{}", w.case);
    let before = nara::audit::store::head(&w.db).await.unwrap().seq;
    break_the_outbox(&w.db).await;
    // Sent past TestApp::post, which refuses any 500.
    let request = axum::http::Request::post(format!("{base}/status"))
        .header(axum::http::header::HOST, "nara.example.se")
        .header("sec-fetch-site", "same-origin")
        .header(axum::http::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(axum::http::header::COOKIE, format!("nara_session={}", w.x))
        .body(axum::body::Body::from("status=being_assessed"))
        .unwrap();
    let failed = tower::ServiceExt::oneshot(w.app.router.clone(), request).await.unwrap();
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // The change, its timeline step and its audit entry went with the notice.
    assert_eq!(nara::cases::store::case(&w.db, w.case).await.unwrap().unwrap().status, CaseStatus::Received);
    assert_eq!(nara::cases::store::status_changes(&w.db, w.case).await.unwrap().len(), 1);
    assert_eq!(nara::audit::store::head(&w.db).await.unwrap().seq, before);
    assert!(nara::audit::store::verify_chain(&w.db, &[]).await.unwrap().is_ok());
});

on_both_backends!(each_message_carries_its_own_files_in_the_order_they_came, Migrated, |db| {
    use nara::applications::files::{Held, check};
    use nara::cases::store::{attach_to_message, case_messages, send_case_message};
    let w = world(db).await;
    let pdf = |name: &str| check(name, PDF, Held::default()).unwrap();
    let mut tx = w.db.begin_write().await.unwrap();
    let first = send_case_message(&mut tx, w.case, w.resident_a, true, "Hej").await.unwrap();
    let second = send_case_message(&mut tx, w.case, w.resident_a, true, "Två intyg").await.unwrap();
    let one = attach_to_message(&mut tx, w.case, second, &pdf("ett.pdf"), PDF).await.unwrap();
    let two = attach_to_message(&mut tx, w.case, second, &pdf("tva.pdf"), PDF).await.unwrap();
    let third = send_case_message(&mut tx, w.case, w.officer_x, false, "Tack").await.unwrap();
    // B's message and file, in B's case.
    let theirs = send_case_message(&mut tx, w.b_case, w.resident_b, true, "Mitt").await.unwrap();
    attach_to_message(&mut tx, w.b_case, theirs, &pdf("b.pdf"), PDF).await.unwrap();
    tx.commit().await.unwrap();

    let messages = case_messages(&w.db, w.case).await.unwrap();
    let ids: Vec<Uuid> = messages.iter().map(|m| m.id).collect();
    let files: Vec<Vec<Uuid>> = messages.iter().map(|m| m.files.iter().map(|f| f.id).collect()).collect();
    assert_eq!(ids, [first, second, third]);
    assert_eq!(files, [vec![], vec![one, two], vec![]]);
    assert_eq!(messages[1].files[1].file_name, "tva.pdf");
    assert_eq!(case_messages(&w.db, w.b_case).await.unwrap()[0].files.len(), 1, "B's file stays in B's case");
});
