//! Surveys on both databases, through the real router: closing a case invites its resident (a
//! row and an outbox e-mail in the closing's transaction); the answer is stored with nothing that
//! links it to the person, case, invitation or time (every column and the log are read back);
//! a used or unknown link gets its own page and never a second answer, even when two arrive at
//! once; "fråga mig inte igen" stops every later invitation; one reminder, the follow-up a year
//! later and an event's survey come from the maintenance round at a given time; an interview
//! needs the resident's consent; publishing names every problem and freezes the version.

use crate::common;

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use common::app::{TestApp, link_in_mail, person};
use nara::cases::NewCase;
use nara::db::{Backend, Db, UtcTime};
use nara::identity::{Role, RoleGrant};
use nara::surveys::invitations::{Sent, run_round};
use uuid::Uuid;

struct World {
    app: TestApp,
    db: Db,
    unit: Uuid,
    resident: Uuid,
    officer: Uuid,
    case: Uuid,
    /// Sessions of the resident, the officer and an administrator.
    a: String,
    x: String,
    admin: String,
}

const RESIDENT: &str = "a@example.se";

async fn world(db: Db) -> World {
    let app = TestApp::new(db.clone());
    let unit = nara::identity::store::upsert_unit(&db, "x", "Enhet X", "Unit X").await.unwrap();
    let resident = person(&db, RESIDENT, "Alma Andersson", &[]).await;
    let officer = person(
        &db,
        "x@example.se",
        "Xenia Handläggare",
        &[RoleGrant { role: Role::Staff, unit_id: Some(unit) }],
    )
    .await;
    let admin =
        person(&db, "admin@example.se", "Erik Admin", &[RoleGrant { role: Role::Admin, unit_id: None }])
            .await;
    let case = open_case(&db, unit, resident, officer).await;
    World {
        a: nara::sessions::store::start_session(&db, resident).await.unwrap(),
        x: nara::sessions::store::start_session(&db, officer).await.unwrap(),
        admin: nara::sessions::store::start_session(&db, admin).await.unwrap(),
        app,
        db,
        unit,
        resident,
        officer,
        case,
    }
}

async fn open_case(db: &Db, unit: Uuid, resident: Uuid, officer: Uuid) -> Uuid {
    let new = NewCase {
        resident_id: resident,
        unit_id: unit,
        officer_id: Some(officer),
        title: "Samtalsstöd".into(),
    };
    nara::cases::store::open_case(db, &new, None).await.unwrap()
}

impl World {
    /// Closes a case as its officer, through the route.
    async fn close(&self, case: Uuid) {
        let answer = self.app.post(&format!("/handlaggare/arenden/{case}/avsluta"), &[], Some(&self.x)).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    }

    /// Closes the world's case; the survey link e-mailed to the resident.
    async fn invited(&self) -> String {
        self.close(self.case).await;
        let link = link_in_mail(&self.db, RESIDENT).await;
        assert!(link.starts_with("/enkat/"), "{link}");
        link
    }

    async fn round(&self, now: UtcTime) -> Sent {
        run_round(&self.db, &self.app.state.catalogues, &self.app.state.base_url, now).await.unwrap()
    }

    async fn count(&self, sql: &'static str) -> i64 {
        self.db.sql().value::<i64>(sql, &[]).await.unwrap().unwrap()
    }

    async fn answers(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM survey_answers").await
    }

    async fn invitations(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM survey_invitations WHERE sent_at IS NOT NULL").await
    }

    async fn mails_to_resident(&self) -> usize {
        nara::mail::store::outbox(&self.db).await.unwrap().iter().filter(|m| m.to_address == RESIDENT).count()
    }
}

fn later(days: i64) -> UtcTime {
    UtcTime(chrono::Utc::now() + chrono::Duration::days(days))
}

on_both_backends!(closing_a_case_invites_its_resident_in_the_same_action, Migrated, |db| {
    let w = world(db).await;
    let before = w.mails_to_resident().await;
    let link = w.invited().await;
    assert_eq!(w.invitations().await, 1, "the usefulness survey, sent now");
    assert_eq!(
        w.count("SELECT COUNT(*) FROM survey_invitations WHERE survey_key = 'follow_up' AND sent_at IS NULL")
            .await,
        1,
        "the follow-up waits for its year"
    );
    assert_eq!(w.mails_to_resident().await, before + 2, "the case's notice and the invitation");
    let mail = nara::mail::store::outbox(&w.db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.body.contains("/enkat/"))
        .unwrap();
    assert_eq!(mail.subject, "Berätta vad du tyckte");
    let token = link.trim_start_matches("/enkat/");
    let stored = w.count("SELECT COUNT(*) FROM survey_invitation_tokens").await;
    assert_eq!(stored, 1);
    let hashes: Vec<String> =
        w.db.sql().column("SELECT token_hash FROM survey_invitation_tokens", &[]).await.unwrap();
    assert_ne!(hashes[0], token, "only a hash of the token is kept");

    // My pages show it, and open it with a fresh link of its own.
    let mine = w.app.get("/mina-sidor", Some(&w.a)).await;
    assert!(
        mine.body.contains("Berätta vad du tyckte") && mine.body.contains("Svara på enkäten"),
        "{}",
        mine.body
    );
    let invitation: Uuid =
        w.db.sql()
            .value("SELECT id FROM survey_invitations WHERE sent_at IS NOT NULL", &[])
            .await
            .unwrap()
            .unwrap();
    let opened = w.app.post(&format!("/mina-sidor/enkater/{invitation}"), &[], Some(&w.a)).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert!(opened.location().starts_with("/enkat/") && opened.location() != link);
    let page = w.app.get(opened.location(), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Har du fått den hjälp du behövde?"), "{}", page.body);
    // Someone else's invitation is not found, and the attempt is audited.
    let other = person(&w.db, "b@example.se", "Bertil", &[]).await;
    let b = nara::sessions::store::start_session(&w.db, other).await.unwrap();
    assert_eq!(
        w.app.post(&format!("/mina-sidor/enkater/{invitation}"), &[], Some(&b)).await.status,
        StatusCode::NOT_FOUND
    );

    // Easy Swedish on request, English at /en.
    let easy = w.app.get(&format!("{link}?sprak=lattlast"), None).await;
    assert!(easy.body.contains("Fick du den hjälp du behövde?"), "{}", easy.body);
    let english = w.app.get(&format!("/en{link}"), None).await;
    assert!(english.body.contains("Did you get the help you needed?"));
});

/// Every row of a table as text, and its columns.
async fn table(db: &Db, name: &str) -> (Vec<String>, Vec<String>) {
    let columns_of = match db.backend() {
        Backend::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
        Backend::Postgres => {
            "SELECT column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    let columns: Vec<String> = db.sql().column(columns_of, &[&name]).await.unwrap();
    let shown: Vec<String> = columns
        .iter()
        .map(|c| match db.backend() {
            Backend::Sqlite => format!("quote(\"{c}\")"),
            Backend::Postgres => format!("coalesce(\"{c}\"::text, 'NULL')"),
        })
        .collect();
    let sql = match db.backend() {
        Backend::Sqlite => format!("SELECT {} FROM \"{name}\"", shown.join(" || '|' || ")),
        Backend::Postgres => format!("SELECT concat_ws('|', {}) FROM \"{name}\"", shown.join(", ")),
    };
    let rows: Vec<String> = db.sql().column(sqlx::AssertSqlSafe(sql), &[]).await.unwrap();
    (columns, rows)
}

/// The ways an id can be written: hyphenated, and as SQLite's hex of its bytes.
fn spellings(id: Uuid) -> [String; 2] {
    [id.hyphenated().to_string(), id.simple().to_string()]
}

/// Whether a text holds a date (`2026-12-05`) or a time of day (`14:03`).
fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        (digit(i)
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && b.get(i + 4) == Some(&b'-')
            && digit(i + 5)
            && digit(i + 6))
            || (digit(i) && digit(i + 1) && b.get(i + 2) == Some(&b':') && digit(i + 3) && digit(i + 4))
    })
}

/// Log lines written while the test runs (this thread's), as the server writes them.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

on_both_backends!(an_answer_cannot_be_linked_to_its_person, Migrated, |db| {
    let w = world(db).await;
    let link = w.invited().await;
    let invitation: Uuid =
        w.db.sql()
            .value("SELECT id FROM survey_invitations WHERE sent_at IS NOT NULL", &[])
            .await
            .unwrap()
            .unwrap();
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    // Other tests of this binary run beside this one with no subscriber: without this, a
    // callsite they saw first can stay switched off for ours.
    tracing::callsite::rebuild_interest_cache();
    let answer = w
        .app
        .post(
            &link,
            &[
                ("version", "1"),
                ("q-hjalp", "ja"),
                ("q-nojd", "4"),
                ("q-mer", "Tack Xenia! Alma Andersson, 19900101-2385, 070-123 45 67, alma@example.se"),
            ],
            None,
        )
        .await;
    drop(guard);
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(answer.location(), "/enkat/tack");

    let (columns, rows) = table(&w.db, "survey_answers").await;
    assert_eq!(
        columns,
        ["id", "survey_key", "version", "unit_id", "service_type", "channel", "week"],
        "only these, ever"
    );
    let (item_columns, items) = table(&w.db, "survey_answer_items").await;
    assert_eq!(item_columns, ["answer_id", "question_key", "value"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(items.len(), 3);
    let week = nara::surveys::iso_week(nara::stockholm::today());
    assert!(rows[0].contains(&week) && rows[0].contains("web"), "{}", rows[0]);
    let scrubbed = items.iter().find(|i| i.contains("mer")).unwrap();
    assert!(
        scrubbed.contains("Tack [borttaget]! [borttaget] [borttaget], [borttaget], [borttaget], [borttaget]"),
        "{scrubbed}"
    );

    let answer_id: Uuid = w.db.sql().value("SELECT id FROM survey_answers", &[]).await.unwrap().unwrap();
    let stored = format!("{}\n{}", rows.join("\n"), items.join("\n")).to_lowercase();
    for id in [w.resident, w.case, invitation, w.officer] {
        for spelling in spellings(id) {
            assert!(!stored.contains(&spelling), "{spelling} in an answer: {stored}");
        }
    }
    // The values without the ids the row may hold (random hex could hold any four digits).
    let mut values = stored.clone();
    for id in [answer_id, w.unit] {
        for spelling in spellings(id) {
            values = values.replace(&spelling, "");
        }
    }
    for name in ["alma", "andersson", "xenia", "2385", "example.se"] {
        assert!(!values.contains(name), "{name} in an answer: {stored}");
    }
    assert!(!has_time(&values), "no date or time in an answer: {stored}");

    // The log says the invitation was used, and never which answer came of it.
    let log = nara::audit::store::search(&w.db, &Default::default(), 10_000).await.unwrap();
    let used: Vec<_> = log.iter().filter(|l| l.action == "survey_invitation_used").collect();
    assert_eq!(used.len(), 1);
    assert_eq!(used[0].object_id.as_deref(), Some(invitation.to_string().as_str()));
    let everything = format!("{log:?}").to_lowercase();
    for spelling in spellings(answer_id) {
        assert!(!everything.contains(&spelling), "the answer's id in the audit log");
    }
    let lines = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap().to_lowercase();
    assert!(lines.contains("\"route\":\"/enkat/{token}\""), "the request was logged: {lines}");
    for secret in [
        answer_id.to_string(),
        answer_id.simple().to_string(),
        invitation.to_string(),
        w.resident.to_string(),
        link.to_lowercase(),
    ] {
        assert!(!lines.contains(&secret), "{secret} in the log");
    }
    for word in ["alma", "xenia", "070-123"] {
        assert!(!lines.contains(word), "{word} in the log");
    }

    // The dashboard's counts: one useful answer in unit X this week; the free text only scrubbed.
    let counts = nara::surveys::store::usefulness_counts(&w.db, &week, &week).await.unwrap();
    assert_eq!(
        counts,
        [nara::surveys::store::UsefulnessCount {
            unit_id: w.unit,
            week: week.clone(),
            useful: 1,
            answered: 1
        }]
    );
    // Counting every answer again gives the counts kept with each answer.
    nara::surveys::store::recount_usefulness(&w.db).await.unwrap();
    assert_eq!(nara::surveys::store::usefulness_counts(&w.db, &week, &week).await.unwrap(), counts);
    let texts = nara::surveys::store::free_texts(&w.db, nara::surveys::USEFULNESS, w.unit, &week, &week)
        .await
        .unwrap();
    assert_eq!(texts.len(), 1);
    assert!(texts[0].text.starts_with("Tack [borttaget]!"));
});

on_both_backends!(a_used_or_unknown_link_never_gives_a_second_answer, Migrated, |db| {
    let w = world(db).await;
    let unknown = w.app.get("/enkat/ingen-sadan-lank", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("Länken fungerar inte"), "{}", unknown.body);
    assert_eq!(
        w.app.post("/enkat/ingen-sadan-lank", &[("q-hjalp", "ja")], None).await.status,
        StatusCode::NOT_FOUND
    );

    let link = w.invited().await;
    let bad = w.app.post(&link, &[("q-hjalp", "kanske")], None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "a value not offered");
    assert!(
        bad.body.contains("Välj ett av svaren som finns") && bad.body.contains("href=\"#fraga-hjalp\""),
        "{}",
        bad.body
    );
    assert_eq!(w.answers().await, 0);

    // Two sendings at once, on both databases: one answer, and the other is told it was used.
    let (first, second) = {
        let (app1, app2, l1, l2) = (w.app.clone(), w.app.clone(), link.clone(), link.clone());
        let one = tokio::spawn(async move { app1.post(&l1, &[("q-hjalp", "ja")], None).await.status });
        let two = tokio::spawn(async move { app2.post(&l2, &[("q-hjalp", "nej")], None).await.status });
        (one.await.unwrap(), two.await.unwrap())
    };
    let mut statuses = [first, second];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::GONE]);
    assert_eq!(w.answers().await, 1);

    let again = w.app.get(&link, None).await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("Du har redan svarat"));
    assert_eq!(w.app.post(&link, &[("q-hjalp", "ja")], Some(&w.a)).await.status, StatusCode::GONE);
    assert_eq!(w.answers().await, 1);
    let mine = w.app.get("/mina-sidor", Some(&w.a)).await;
    assert!(mine.body.contains("inga enkäter att svara på"), "an answered survey leaves my pages");
});

on_both_backends!(dont_ask_me_again_stops_every_later_invitation, Migrated, |db| {
    let w = world(db).await;
    let link = w.invited().await;
    let stopped = w.app.post(&format!("{link}/fraga-inte"), &[], None).await;
    assert_eq!(stopped.status, StatusCode::SEE_OTHER);
    assert!(w.app.get(stopped.location(), None).await.body.contains("Vi frågar dig inte igen"));
    let mine = w.app.get("/mina-sidor", Some(&w.a)).await;
    assert!(mine.body.contains("Du har bett oss att inte fråga dig"), "{}", mine.body);

    let second = open_case(&w.db, w.unit, w.resident, w.officer).await;
    w.close(second).await;
    assert_eq!(w.invitations().await, 1, "closing another case asks nothing");
    assert_eq!(w.round(later(400)).await, Sent::default(), "no reminder, no follow-up");
    let log = nara::audit::store::search(&w.db, &Default::default(), 10_000).await.unwrap();
    assert_eq!(log.iter().filter(|l| l.action == "survey_opted_out").count(), 1);
});

on_both_backends!(one_reminder_then_the_follow_up_a_year_later, Migrated, |db| {
    let w = world(db).await;
    w.invited().await;
    let mails = w.mails_to_resident().await;
    assert_eq!(w.round(later(6)).await, Sent::default(), "not before the survey's seven days");
    assert_eq!(w.round(later(8)).await, Sent { invitations: 0, reminders: 1 });
    assert_eq!(w.round(later(9)).await, Sent::default(), "one reminder, never more");
    assert_eq!(w.mails_to_resident().await, mails + 1);
    let reminder = link_in_mail(&w.db, RESIDENT).await;
    assert_eq!(w.app.get(&reminder, None).await.status, StatusCode::OK, "the reminder's own link works");

    assert_eq!(w.round(later(360)).await.invitations, 0, "not before twelve months");
    // Two processes at the same moment: the follow-up is sent once.
    let other = w.db.as_another_process();
    let (catalogues, base) = (&w.app.state.catalogues, &w.app.state.base_url);
    let now = later(370);
    let (one, two) =
        tokio::join!(run_round(&w.db, catalogues, base, now), run_round(&other, catalogues, base, now));
    assert_eq!(one.unwrap().invitations + two.unwrap().invitations, 1);
    let follow_up = link_in_mail(&w.db, RESIDENT).await;
    let page = w.app.get(&follow_up, None).await;
    assert!(page.body.contains("Hur ser det ut idag?"), "{}", page.body);
    assert_eq!(w.round(later(371)).await.invitations, 0);
});

on_both_backends!(an_event_invites_its_registrants_once_it_has_ended, Migrated, |db| {
    let w = world(db).await;
    let mut series = crate::events::series("grupp-enkat", Some(10));
    series.organiser_unit_id = Some(w.unit);
    let new = nara::events::NewSeries { series };
    let series_id = nara::events::store::create_series(&w.db, &new, &crate::events::soon()).await.unwrap();
    let occurrence = nara::events::store::occurrences_of(&w.db, series_id).await.unwrap().remove(0);
    let who = nara::events::Registrant {
        person_id: Some(w.resident),
        name: "Alma".into(),
        email: RESIDENT.into(),
        needs: None,
        locale: nara::i18n::Locale::SV,
    };
    let mut tx = w.db.begin_write().await.unwrap();
    nara::events::store::register(&mut tx, occurrence.id, &who).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    assert_eq!(w.round(UtcTime::now()).await, Sent::default(), "not before it ends");
    let after = UtcTime(occurrence.ends_at.0 + chrono::Duration::hours(1));
    assert_eq!(w.round(after).await.invitations, 1);
    assert_eq!(w.round(after).await.invitations, 0);
    let link = link_in_mail(&w.db, RESIDENT).await;
    assert!(w.app.get(&link, None).await.body.contains("Hur användbar var träffen för dig?"));
});

on_both_backends!(an_interview_needs_the_residents_consent, Migrated, |db| {
    let w = world(db).await;
    let path = format!("/handlaggare/arenden/{}/intervju", w.case);
    let form = w.app.get(&path, Some(&w.x)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Invånaren har samtyckt till intervjun"));
    let refused = w.app.post(&path, &[("q-hjalp", "ja")], Some(&w.x)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Kryssa i att invånaren har samtyckt")
            && refused.body.contains("href=\"#samtycke\"")
    );
    assert_eq!(w.answers().await, 0);
    let done = w.app.post(&path, &[("samtycke", "ja"), ("q-hjalp", "ja")], Some(&w.x)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(w.count("SELECT COUNT(*) FROM survey_answers WHERE channel = 'interview'").await, 1);
    let twice = w.app.post(&path, &[("samtycke", "ja"), ("q-hjalp", "ja")], Some(&w.x)).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "the resident is counted once");
    // Closing the case afterwards asks the resident nothing more about it.
    w.close(w.case).await;
    assert_eq!(w.count("SELECT COUNT(*) FROM survey_invitation_tokens").await, 0);
    assert_eq!(w.answers().await, 1);
});

on_both_backends!(publishing_names_every_problem_and_freezes_the_version, Migrated, |db| {
    let w = world(db).await;
    assert_eq!(w.app.get("/personal/enkater", Some(&w.a)).await.status, StatusCode::FORBIDDEN, "residents");
    let list = w.app.get("/personal/enkater", Some(&w.admin)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Vad tyckte du om träffen?"));

    let base = "/personal/enkater/event";
    assert_eq!(
        w.app.post(&format!("{base}/fragor"), &[("kind", "yes_no")], Some(&w.x)).await.status,
        StatusCode::BAD_REQUEST,
        "no draft yet"
    );
    assert_eq!(w.app.post(&format!("{base}/utkast"), &[], Some(&w.x)).await.status, StatusCode::SEE_OTHER);
    let draft = nara::surveys::store::questions(&w.db, "event", 2).await.unwrap();
    assert_eq!(draft.len(), 3, "the draft starts as a copy");
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let (app, x) = (w.app.clone(), w.x.clone());
        async move { app.post(&format!("{base}/fragor"), &fields, Some(&x)).await }
    };
    let scale = add(vec![
        ("kind", "scale"),
        ("text-sv", "Hur var lokalen?"),
        ("text-en", "How was the room?"),
        ("text-easy", "Var rummet bra?"),
        ("options", "1|1|1\n2|2|2\n3|3|3\n4|4|4"),
    ])
    .await;
    assert_eq!(scale.status, StatusCode::SEE_OTHER);
    add(vec![("kind", "yes_no"), ("text-sv", "Hittade du hit?"), ("text-easy", "Hittade du?")]).await;
    let bad = add(vec![("kind", "betyg"), ("text-sv", "x")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Välj vilken typ av fråga det är"));

    let refused = w.app.post(&format!("{base}/publicera"), &[], Some(&w.x)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Fluent isolates what it puts into a message; the words around it are what matter here.
    let body = refused.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(body.contains("Fråga 4 är en skala och behöver fem steg"), "{body}");
    assert!(body.contains("Texten saknas: 5.text_en"), "{body}");

    // Fix the scale, remove the other, move the scale first, and publish.
    let questions = nara::surveys::store::questions(&w.db, "event", 2).await.unwrap();
    let (scale_key, other_key) = (questions[3].key.clone(), questions[4].key.clone());
    let saved = w
        .app
        .post(
            &format!("{base}/fragor/{scale_key}"),
            &[
                ("kind", "scale"),
                ("text-sv", "Hur var lokalen?"),
                ("text-en", "How was the room?"),
                ("text-easy", "Var rummet bra?"),
                ("options", "1|1|1\n2|2|2\n3|3|3\n4|4|4\n5|5|5"),
            ],
            Some(&w.x),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(
        w.app.post(&format!("{base}/fragor/{other_key}/ta-bort"), &[], Some(&w.x)).await.status,
        StatusCode::SEE_OTHER
    );
    for _ in 0..3 {
        w.app.post(&format!("{base}/fragor/{scale_key}/flytta"), &[("riktning", "upp")], Some(&w.x)).await;
    }
    let published = w.app.post(&format!("{base}/publicera"), &[], Some(&w.admin)).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "administrators publish too");
    let v2 = nara::surveys::store::questions(&w.db, "event", 2).await.unwrap();
    assert_eq!(v2.len(), 4);
    assert_eq!(v2[0].key, scale_key);
    assert_eq!(
        nara::surveys::store::questions(&w.db, "event", 1).await.unwrap().len(),
        3,
        "version 1 kept as it was"
    );
    // A published version never changes, not even by hand.
    let change = w
        .db
        .sql()
        .execute("UPDATE survey_questions SET text_sv = 'x' WHERE survey_key = 'event' AND version = 2", &[])
        .await;
    assert!(change.is_err());
    let removal =
        w.db.sql()
            .execute("DELETE FROM survey_questions WHERE survey_key = 'event' AND version = 1", &[])
            .await;
    assert!(removal.is_err());
    assert_eq!(
        w.app.post(&format!("{base}/fragor/{scale_key}/ta-bort"), &[], Some(&w.x)).await.status,
        StatusCode::BAD_REQUEST,
        "no draft to change"
    );
});

on_both_backends!(answers_reach_the_boards_goal_once_the_group_is_large_enough, Migrated, |db| {
    use chrono::Datelike;
    let w = world(db).await;
    // This year in Stockholm, the one `/resultat` shows first. Its weeks run from the ISO week of
    // 1 January to that of 31 December, so this week's answers are in it even when the week is
    // numbered in the year before or after (29-31 December can be week 1).
    let year = nara::stockholm::today().year();
    let unit_row = |body: &str| -> String {
        let row = body.split("<th scope=\"row\">Enhet X</th>").nth(1).and_then(|r| r.split("</tr>").next());
        row.unwrap_or_default().to_string()
    };
    for n in 1..=5 {
        let email = format!("boende{n}@example.se");
        let resident = person(&w.db, &email, &format!("Boende {n}"), &[]).await;
        let case = open_case(&w.db, w.unit, resident, w.officer).await;
        w.close(case).await;
        let link = link_in_mail(&w.db, &email).await;
        assert_eq!(w.app.post(&link, &[("q-hjalp", "ja")], None).await.status, StatusCode::SEE_OTHER);
        let public = w.app.get(&format!("/resultat?ar={year}"), None).await;
        assert_eq!(public.status, StatusCode::OK);
        let shown = unit_row(&public.body);
        if n < 5 {
            assert!(!shown.contains(&format!(">{n}<")), "{n} answers must not be shown: {shown}");
        } else {
            assert!(shown.contains("<td class=\"numeric\">5</td>"), "five answers are shown: {shown}");
        }
    }
});
