//! Ideas (Idéslussen) on both databases, through the real router: a thin proposal is refused with
//! every problem named; a draft is its authors' only (404 for anyone else, audited); the council's
//! reason reaches the proposer; the vote is secret (no ballot column or audit entry links a voter
//! to a proposal) and a concurrent double vote counts once; eligibility is the policy's; a test
//! cannot be closed without its lessons; the campaign's feed parses in a real feed reader.

use crate::common;

use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use common::app::{TestApp, person};
use nara::db::Db;
use nara::ideas::store::{self, NewCampaign};
use nara::ideas::{Category, Eligibility, Phase, ProposalText, Status, phase};
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

fn day(offset: i64) -> NaiveDate {
    let today = nara::stockholm::today();
    let magnitude = Days::new(offset.unsigned_abs());
    if offset < 0 { today.checked_sub_days(magnitude) } else { today.checked_add_days(magnitude) }.unwrap()
}

/// Where a campaign is today.
#[derive(Clone, Copy)]
enum Stage {
    Proposals,
    Voting,
    Done,
}

async fn campaign(db: &Db, slug: &str, stage: Stage, who: Eligibility) -> Uuid {
    // Days relative to today: the proposal period, the council, the vote and the test week.
    let at = match stage {
        Stage::Proposals => [-3, 10, 12, 14, 16, 20],
        Stage::Voting => [-10, -6, -4, -1, 1, 7],
        Stage::Done => [-20, -15, -12, -10, -8, -3],
    };
    let new = NewCampaign {
        slug: slug.into(),
        title: format!("Kampanj {slug}"),
        summary: "Förslag på bättre stöd".into(),
        opens_on: day(at[0]),
        closes_on: day(at[1]),
        eligibility: who,
        money_cap_ore: 500_000,
        council_on: day(at[2]),
        vote_opens_on: day(at[3]),
        vote_closes_on: day(at[4]),
        votes_per_person: 1,
        test_week_starts_on: day(at[5]),
    };
    let someone = person(db, &format!("skapare-{slug}@example.se"), "Skapare", &[]).await;
    let mut tx = db.begin_write().await.unwrap();
    let id = store::create_campaign(&mut tx, &new, someone).await.unwrap();
    tx.commit().await.unwrap();
    id
}

const EVERYONE: Eligibility = Eligibility { staff: true, residents: true, associations: true };

fn rich(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("category", "test".into()),
        ("title", title.into()),
        ("problem", "Brukare berättar samma sak för flera handläggare, om och om igen, och det tar månader att få ett beslut.".into()),
        ("whose", "Familjer som utreds av barn och familj".into()),
        ("voices", "Föräldrar har sagt att de tröttnar på att upprepa sin historia för nya personer hela tiden.".into()),
        ("heard-link", "/kalender/utvecklingsgrupp".into()),
        ("try", "En handläggare och en familj gör utredningen i tre samtal med ett gemensamt underlag under en vecka.".into()),
        ("signs", "Familjen säger att de inte behövde upprepa sig och utredningen blir klar.".into()),
        ("people", "Två handläggare och en familj".into()),
        ("money", "1 500".into()),
    ]
}

async fn post(app: &TestApp, path: &str, form: &[(&str, String)], session: &str) -> common::app::Answer {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post(path, &form, Some(session)).await
}

fn id_from(location: &str) -> Uuid {
    let id = location.split("/ideer/forslag/").nth(1).unwrap().split(['?', '/', '#']).next().unwrap();
    Uuid::parse_str(id).unwrap()
}

async fn session(db: &Db, id: Uuid) -> String {
    nara::sessions::store::start_session(db, id).await.unwrap()
}

async fn denied(db: &Db) -> usize {
    let filter = nara::audit::AuditFilter { action: Some("access_denied".into()), ..Default::default() };
    nara::audit::store::search(db, &filter, 10_000).await.unwrap().len()
}

on_both_backends!(a_thin_proposal_is_refused_with_every_problem_named, Migrated, |db| {
    let app = TestApp::new(db.clone());
    campaign(&db, "host", Stage::Proposals, EVERYONE).await;
    let alma = person(&db, "alma@example.se", "Alma", &[]).await;
    let a = session(&db, alma).await;
    assert!(app.get("/ideer/host/nytt-forslag", Some(&a)).await.body.contains("Vilket är problemet?"));
    let thin = [
        ("title", "Bättre".to_string()),
        ("problem", "Det är krångligt".into()),
        ("money", "9 000".into()),
        ("action", "skicka".into()),
    ];
    let answer = post(&app, "/ideer/host/nytt-forslag", &thin, &a).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, message) in [
        ("category", "Välj vilken sorts förslag det är"),
        ("title", "Rubriken är för kort"),
        ("problem", "Beskrivningen av problemet är för kort"),
        ("whose", "Skriv vems problem det är"),
        ("voices", "Skriv vad de som lever med problemet säger"),
        ("try", "Skriv vad du vill testa under en vecka"),
        ("signs", "Skriv hur vi märker att det fungerar"),
        ("people", "Skriv vilka personer som behövs"),
        ("money", "Beloppet är högre än kampanjens gräns"),
    ] {
        assert!(answer.body.contains(&format!("<a href=\"#{field}\">{message}")), "{field}: {}", answer.body);
    }
    assert!(answer.body.contains("value=\"Bättre\""), "what was written is kept");
    let kept: Vec<Uuid> = db.sql().column("SELECT id FROM idea_proposals", &[]).await.unwrap();
    assert!(kept.is_empty(), "nothing is stored");
    // The same text saves as a draft (the checks are for sending), but not over the cap.
    let mut draft = thin.to_vec();
    draft[3].1 = "utkast".into();
    assert_eq!(
        post(&app, "/ideer/host/nytt-forslag", &draft, &a).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    draft[2].1 = "900".into();
    assert_eq!(post(&app, "/ideer/host/nytt-forslag", &draft, &a).await.status, StatusCode::SEE_OTHER);
});

on_both_backends!(a_draft_is_its_authors_only_until_it_is_sent, Migrated, |db| {
    let app = TestApp::new(db.clone());
    campaign(&db, "host", Stage::Proposals, EVERYONE).await;
    let alma = person(&db, "alma@example.se", "Alma Andersson", &[]).await;
    let bo = person(&db, "bo@example.se", "Bo Berg", &[]).await;
    let staff =
        person(&db, "s@example.se", "Sam Staff", &[RoleGrant { role: Role::Staff, unit_id: None }]).await;
    let (a, b, s) = (session(&db, alma).await, session(&db, bo).await, session(&db, staff).await);
    let mut form = rich("Kortare utredningar");
    form.push(("action", "utkast".into()));
    let saved = post(&app, "/ideer/host/nytt-forslag", &form, &a).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let id = id_from(saved.location());
    let page = format!("/ideer/forslag/{id}");
    assert!(app.get(&page, Some(&a)).await.body.contains("Det här är ett utkast"));
    for (who, token) in [("another resident", Some(&b)), ("staff", Some(&s)), ("anonymous", None)] {
        let before = denied(&db).await;
        let answer = app.get(&page, token.map(String::as_str)).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{who}");
        assert_eq!(denied(&db).await, before + 1, "{who}: the attempt is audited");
    }
    assert_eq!(app.get(&format!("{page}/redigera"), Some(&b)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &format!("{page}/redigera"), &form, &b).await.status, StatusCode::NOT_FOUND);
    assert!(!app.get("/ideer/host", None).await.body.contains("Kortare utredningar"), "not listed");
    let outbox = nara::mail::store::outbox(&db).await.unwrap();
    assert!(outbox.iter().any(|m| m.to_address == "alma@example.se" && m.subject.contains("utkast")));

    // Bo becomes a co-author, is told, and sends it.
    let invited =
        post(&app, &format!("{page}/medforfattare"), &[("coauthor", "bo@example.se".into())], &a).await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER);
    let unknown =
        post(&app, &format!("{page}/medforfattare"), &[("coauthor", "ingen@example.se".into())], &a).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("Det finns inget konto med den e-postadressen"));
    assert!(nara::mail::store::outbox(&db).await.unwrap().iter().any(|m| m.to_address == "bo@example.se"));
    assert_eq!(app.get(&format!("{page}/redigera"), Some(&b)).await.status, StatusCode::OK);
    let mut send = rich("Kortare utredningar");
    send.push(("action", "skicka".into()));
    assert_eq!(post(&app, &format!("{page}/redigera"), &send, &b).await.status, StatusCode::SEE_OTHER);
    let public = app.get(&page, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("Skickat till rådet") && !public.body.contains("Alma Andersson"),
        "names stay private"
    );
    assert!(app.get("/ideer/host", None).await.body.contains("Kortare utredningar"));
    // A sent proposal is no longer a draft to change.
    assert_eq!(post(&app, &format!("{page}/redigera"), &send, &a).await.status, StatusCode::NOT_FOUND);
});

/// A sent proposal by `author` in `campaign`, straight through the store.
async fn sent(db: &Db, campaign: Uuid, author: Uuid, title: &str) -> Uuid {
    let text = ProposalText {
        category: Some(Category::Explore),
        title: title.into(),
        problem: "p".into(),
        whose: "w".into(),
        voices: "v".into(),
        heard_link: None,
        try_in_week: "t".into(),
        signs: "s".into(),
        people: "x".into(),
        money_ore: 0,
    };
    let mut tx = db.begin_write().await.unwrap();
    let id = store::create_proposal(&mut tx, campaign, author, &text, true).await.unwrap();
    tx.commit().await.unwrap();
    id
}

on_both_backends!(the_council_decides_with_a_reason_the_proposer_reads, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let c = campaign(&db, "host", Stage::Proposals, EVERYONE).await;
    let alma = person(&db, "alma@example.se", "Alma", &[]).await;
    let user_developer = person(&db, "ud@example.se", "Ulla Utvecklare", &[]).await;
    let staff = person(&db, "s@example.se", "Sam", &[RoleGrant { role: Role::Staff, unit_id: None }]).await;
    let proposal = sent(&db, c, alma, "Chatta med staden").await;
    // Staff name Ulla (a resident, no role) to the council.
    let s = session(&db, staff).await;
    let named = post(&app, "/personal/ideer/host/rad", &[("member", "ud@example.se".into())], &s).await;
    assert_eq!(named.status, StatusCode::SEE_OTHER);
    let u = session(&db, user_developer).await;
    assert!(nara::identity::store::grants(&db, user_developer).await.unwrap().is_empty(), "no new role");
    assert_eq!(app.get("/ideer/host/rad", Some(&u)).await.status, StatusCode::OK);
    let before = denied(&db).await;
    assert_eq!(
        app.get("/ideer/host/rad", Some(&s)).await.status,
        StatusCode::FORBIDDEN,
        "staff off the council"
    );
    assert_eq!(denied(&db).await, before + 1);
    let decide = format!("/ideer/forslag/{proposal}/beslut");
    let reason = "Frågan kommer ofta upp och vi vet för lite. Bra att lyssna först.";
    let refused = post(&app, &decide, &[("decision", "in".into()), ("reason", reason.into())], &s).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let no_reason = post(&app, &decide, &[("decision", "in".into()), ("reason", "Ja".into())], &u).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("Skriv ett skäl på minst 20 tecken"));
    let done = post(&app, &decide, &[("decision", "in".into()), ("reason", reason.into())], &u).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/ideer/forslag/{proposal}"), Some(&session(&db, alma).await)).await;
    assert!(page.body.contains(reason) && page.body.contains("Med i omröstningen"), "{}", page.body);
    let told = nara::mail::store::outbox(&db).await.unwrap();
    assert!(told.iter().any(|m| m.to_address == "alma@example.se" && m.body.contains(reason)));
});

on_both_backends!(the_vote_is_secret_and_counts_each_person_once, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let c = campaign(&db, "host", Stage::Voting, EVERYONE).await;
    let staff_only =
        campaign(&db, "personal", Stage::Voting, Eligibility { staff: true, ..Default::default() }).await;
    let alma = person(&db, "alma@example.se", "Alma", &[]).await;
    let (one, two) = (sent(&db, c, alma, "Ett").await, sent(&db, c, alma, "Två").await);
    let staff_proposal = sent(&db, staff_only, alma, "Tre").await;
    let mut tx = db.begin_write().await.unwrap();
    for p in [one, two, staff_proposal] {
        store::decide(&mut tx, p, true, "Ett bra förslag att rösta om").await.unwrap();
    }
    tx.commit().await.unwrap();
    let voters: Vec<Uuid> =
        [person(&db, "v1@example.se", "Vera", &[]).await, person(&db, "v2@example.se", "Viktor", &[]).await]
            .to_vec();
    let v1 = session(&db, voters[0]).await;
    assert!(app.get("/ideer/host/rosta", Some(&v1)).await.body.contains("Omröstningen är hemlig"));
    let too_many = app
        .post("/ideer/host/rosta", &[("choice", &one.to_string()), ("choice", &two.to_string())], Some(&v1))
        .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let stranger = app.post("/ideer/host/rosta", &[("choice", &staff_proposal.to_string())], Some(&v1)).await;
    assert_eq!(stranger.status, StatusCode::UNPROCESSABLE_ENTITY, "not on this campaign's list");
    assert_eq!(
        app.post("/ideer/host/rosta", &[("choice", &one.to_string())], Some(&v1)).await.status,
        StatusCode::SEE_OTHER
    );
    let again = app.post("/ideer/host/rosta", &[("choice", &two.to_string())], Some(&v1)).await;
    assert!(again.body.contains("Du har redan röstat"));
    // Eligibility is the policy's: a resident may not vote in a staff campaign.
    let denied_before = denied(&db).await;
    let resident =
        app.post("/ideer/personal/rosta", &[("choice", &staff_proposal.to_string())], Some(&v1)).await;
    assert_eq!(resident.status, StatusCode::FORBIDDEN);
    assert_eq!(denied(&db).await, denied_before + 1);

    // Viktor sends his ballot eight times at once (two sessions): it counts once.
    let v2 = [session(&db, voters[1]).await, session(&db, voters[1]).await];
    let choice = two.to_string();
    let sends: Vec<_> = (0..8)
        .map(|i| {
            let (app, token, choice) = (app.clone(), v2[i % 2].clone(), choice.clone());
            tokio::spawn(async move {
                app.post("/ideer/host/rosta", &[("choice", &choice)], Some(&token)).await.status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for send in sends {
        statuses.push(send.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 1, "{statuses:?}");
    let counted: Vec<(Uuid, i64)> = store::results(&db, c).await.unwrap();
    assert_eq!(counted.iter().map(|(_, n)| n).sum::<i64>(), 2, "one ballot each: {counted:?}");
    assert_eq!(store::voter_count(&db, c).await.unwrap(), 2);

    // No column of the ballot table can hold a voter, and its only time is the day.
    let columns: Vec<String> = match db.backend() {
        nara::db::Backend::Sqlite => {
            db.sql().column("SELECT name FROM pragma_table_info('idea_ballots') ORDER BY cid", &[]).await
        }
        nara::db::Backend::Postgres => db
            .sql()
            .column(
                "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'idea_ballots' \
                 ORDER BY ordinal_position",
                &[],
            )
            .await,
    }
    .unwrap();
    assert_eq!(columns, ["id", "campaign_id", "proposal_id", "cast_on"]);
    let ballots: Vec<(Uuid, Uuid, Uuid, NaiveDate)> =
        db.sql().all("SELECT id, campaign_id, proposal_id, cast_on FROM idea_ballots", &[]).await.unwrap();
    for (id, campaign, proposal, _) in &ballots {
        for voter in &voters {
            assert!(![id, campaign, proposal].contains(&voter), "a ballot names a voter");
        }
    }
    // The log records that each voted in the campaign, never for what.
    let filter = nara::audit::AuditFilter { action: Some("idea_voted".into()), ..Default::default() };
    let entries = nara::audit::store::search(&db, &filter, 100).await.unwrap();
    assert_eq!(entries.len(), 2);
    for entry in &entries {
        assert_eq!(
            (entry.object_type.as_str(), entry.object_id.clone()),
            ("idea_campaign", Some(c.to_string()))
        );
        assert_eq!(entry.subject_name, None);
    }
    let everything = nara::audit::store::search(&db, &Default::default(), 10_000).await.unwrap();
    for entry in
        everything.iter().filter(|e| e.actor_name.as_deref().is_some_and(|n| n == "Vera" || n == "Viktor"))
    {
        let object = entry.object_id.clone().unwrap_or_default();
        assert!(object != one.to_string() && object != two.to_string(), "{entry:?}");
    }
});

on_both_backends!(a_test_closes_only_with_its_lessons, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let c = campaign(&db, "host", Stage::Done, EVERYONE).await;
    let alma = person(&db, "alma@example.se", "Alma", &[]).await;
    let staff = person(&db, "s@example.se", "Sam", &[RoleGrant { role: Role::Staff, unit_id: None }]).await;
    let other = person(&db, "o@example.se", "Olle", &[]).await;
    let proposal = sent(&db, c, alma, "Hemmahosare").await;
    let mut tx = db.begin_write().await.unwrap();
    store::decide(&mut tx, proposal, true, "Ett bra förslag att rösta om").await.unwrap();
    tx.commit().await.unwrap();
    let s = session(&db, staff).await;
    let start = [
        ("coach", "Idéslussen".to_string()),
        ("co-organiser", "Maja Lund".into()),
        ("goal", "En sammanställning som kollegor kan använda".into()),
        ("budget", "5 000".into()),
        ("presentation", format!("{}T14:00", day(3))),
    ];
    let started = post(&app, &format!("/ideer/forslag/{proposal}/test"), &start, &s).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let test = store::test_of(&db, proposal).await.unwrap().unwrap();
    let slug = nara::events::store::series(&db, test.presentation_series_id).await.unwrap().unwrap().slug;
    assert_eq!(app.get(&format!("/kalender/{slug}"), None).await.status, StatusCode::OK, "in the calendar");
    let base = format!("/ideer/tester/{}", test.id);
    let o = session(&db, other).await;
    assert_eq!(
        post(
            &app,
            &format!("{base}/logg"),
            &[("diary-day", day(0).to_string()), ("diary-text", "x".into())],
            &o
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.post(&format!("{base}/ga-med"), &[], Some(&o)).await.status, StatusCode::SEE_OTHER);
    let logged = post(
        &app,
        &format!("{base}/logg"),
        &[("diary-day", day(0).to_string()), ("diary-text", "Tre hembesök".into())],
        &o,
    )
    .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER, "a member of the group keeps the log");
    let over = post(
        &app,
        &format!("{base}/utgift"),
        &[
            ("spend-what", "Resor".into()),
            ("spend-amount", "6 000".into()),
            ("spend-day", day(0).to_string()),
        ],
        &o,
    )
    .await;
    assert!(over.body.contains("mer än det som finns kvar"));

    let empty = post(&app, &format!("{base}/avsluta"), &[("happened", "Bra".into())], &o).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Skriv vad som hände",
        "Skriv vad som överraskade",
        "Välj vad som händer nu",
        "Skriv vem som ansvarar",
    ] {
        assert!(empty.body.contains(message), "{message}");
    }
    assert!(store::test(&db, test.id).await.unwrap().unwrap().closed_at.is_none(), "still open");
    let lessons = [
        ("happened", "Vi gjorde tre hembesök med nya behandlare.".to_string()),
        ("surprised", "Hur många kollegor ville vara med.".into()),
        ("next-step", "hand_over".into()),
        ("next-owner", "Joachim och Veronica".into()),
    ];
    assert_eq!(post(&app, &format!("{base}/avsluta"), &lessons, &o).await.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/ideer/forslag/{proposal}"), None).await.body;
    for shown in
        ["Vi gjorde tre hembesök", "Vi lämnar över till en enhet", "Joachim och Veronica", "Tre hembesök"]
    {
        assert!(page.contains(shown), "{shown}");
    }
    let told = nara::mail::store::outbox(&db).await.unwrap();
    assert!(told.iter().any(|m| m.to_address == "alma@example.se" && m.subject.contains("avslutat")));
});

on_both_backends!(the_campaign_feed_reads_in_a_feed_reader, Migrated, |db| {
    let app = TestApp::new(db.clone());
    let c = campaign(&db, "host", Stage::Proposals, EVERYONE).await;
    let alma = person(&db, "alma@example.se", "Alma", &[]).await;
    sent(&db, c, alma, "Chatta & skriv <hellre>").await;
    let feed = app.get("/ideer/host/flode.atom", None).await;
    assert_eq!(feed.headers["content-type"], "application/atom+xml; charset=utf-8");
    let Some(parsed) = crate::events::read_atom(&feed.body) else { return };
    assert_eq!(parsed["bozo"], false, "well-formed");
    assert_eq!(parsed["self"], "http://nara.example.se/ideer/host/flode.atom");
    assert_eq!(parsed["entries"][0]["title"], "Chatta & skriv <hellre>");
    assert!(
        parsed["entries"][0]["link"].as_str().unwrap().starts_with("http://nara.example.se/ideer/forslag/")
    );
});

on_both_backends!(the_demo_has_the_bootcamp_through_its_lessons, Migrated, |db| {
    nara::demo::seed(&db).await.unwrap();
    nara::demo::seed(&db).await.unwrap();
    let app = TestApp::new(db.clone());
    let page = app.get("/ideer/bootcamp", None).await;
    assert_eq!(page.status, StatusCode::OK);
    for category in ["Utforska", "Testa", "Skala upp"] {
        assert!(page.body.contains(category));
    }
    let c = store::campaign_by_slug(&db, "bootcamp").await.unwrap().unwrap();
    let proposals = store::public_proposals(&db, c.id).await.unwrap();
    assert_eq!(proposals.len(), 7, "six chosen, one left out");
    let mut closed = 0;
    for p in &proposals {
        if let Some(test) = store::test_of(&db, p.id).await.unwrap() {
            closed += usize::from(test.closed_at.is_some());
        }
    }
    assert_eq!(closed, 5, "one test still runs");
    // The next Bootcamp has a proposal waiting for its council; the spring one's vote is open.
    let next = store::campaign_by_slug(&db, "bootcamp-2027").await.unwrap().unwrap();
    let waiting = store::public_proposals(&db, next.id).await.unwrap();
    assert_eq!(waiting.iter().map(|p| p.status).collect::<Vec<_>>(), [Status::Submitted]);
    let spring = store::campaign_by_slug(&db, "bootcamp-var").await.unwrap().unwrap();
    let today = nara::stockholm::today();
    assert_eq!(phase(today, spring.vote_opens_on, spring.vote_closes_on), Phase::Open);
    let ballot = store::public_proposals(&db, spring.id).await.unwrap();
    assert_eq!(ballot.iter().filter(|p| p.status == Status::Shortlisted).count(), 2);
    assert_eq!(app.get("/en/ideer/bootcamp", None).await.status, StatusCode::OK);
});
