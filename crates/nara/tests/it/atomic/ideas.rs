//! Ideas: every action on fresh objects in the demo's campaigns (the Bootcamp, whose vote has
//! closed, and the next one, open for proposals) and in one campaign whose vote is open today.

use std::sync::Arc;

use chrono::{Days, NaiveTime};
use nara::ideas::calendar::{self, Date};
use nara::ideas::store::{self, NewCampaign, NewTest};
use nara::ideas::{Category, Eligibility, ProposalText};
use nara::identity::{Role, RoleGrant};
use uuid::Uuid;

use super::{Request, World};

pub const ROUTES: &[&str] = &[
    "/personal/ideer",
    "/personal/ideer/{campaign}/rad",
    "/ideer/{campaign}/anmalan",
    "/ideer/{campaign}/nytt-forslag",
    "/ideer/forslag/{proposal}/redigera",
    "/ideer/forslag/{proposal}/medforfattare",
    "/ideer/forslag/{proposal}/kommentar",
    "/ideer/forslag/{proposal}/folj",
    "/ideer/forslag/{proposal}/beslut",
    "/ideer/{campaign}/rosta",
    "/ideer/forslag/{proposal}/test",
    "/ideer/tester/{test}/ga-med",
    "/ideer/tester/{test}/logg",
    "/ideer/tester/{test}/utgift",
    "/ideer/tester/{test}/avsluta",
];

/// The demo's staff member who runs the campaigns, and the council member of the next one.
const ANNA: &str = "handlaggare.vuxen@demo.nara.se";
const SARA: &str = "invanare@demo.nara.se";

fn text(title: &str) -> ProposalText {
    ProposalText {
        category: Some(Category::Test),
        title: title.into(),
        problem: "Brukare berättar samma sak för flera handläggare, om och om igen, och det tar månader att få ett beslut.".into(),
        whose: "Familjer som utreds".into(),
        voices: "Föräldrar har sagt att de tröttnar på att upprepa sin historia för nya personer hela tiden.".into(),
        heard_link: None,
        try_in_week: "En handläggare och en familj gör utredningen i tre samtal med ett gemensamt underlag under en vecka.".into(),
        signs: "Familjen säger att de inte behövde upprepa sig och utredningen blir klar.".into(),
        people: "Två handläggare och en familj".into(),
        money_ore: 100_000,
    }
}

fn form(title: &str, action: &str) -> Vec<(&'static str, String)> {
    let t = text(title);
    vec![
        ("category", "test".into()),
        ("title", t.title),
        ("problem", t.problem),
        ("whose", t.whose),
        ("voices", t.voices),
        ("try", t.try_in_week),
        ("signs", t.signs),
        ("people", t.people),
        ("money", "1000".into()),
        ("action", action.into()),
    ]
}

fn post(path: String, form: &[(&str, String)], session: &str) -> Request {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Request::post(path, &form, Some(session))
}

/// A new proposal by a new person in the campaign; sent and shortlisted as asked.
async fn proposal(w: &World, slug: &str, send: bool, shortlist: bool) -> (Uuid, String) {
    let c = store::campaign_by_slug(&w.db, slug).await.unwrap().unwrap();
    let (author, _) = w.person(&[]).await;
    let mut tx = w.db.begin_write().await.unwrap();
    let id = store::create_proposal(&mut tx, c.id, author, &text(&w.unique("Förslag ")), send).await.unwrap();
    if shortlist {
        store::decide(&mut tx, id, true, "Ett bra förslag att rösta om").await.unwrap();
    }
    tx.commit().await.unwrap();
    (id, w.session(author).await)
}

/// A new running test of a new shortlisted proposal in the Bootcamp.
async fn test(w: &World) -> Uuid {
    let (id, _) = proposal(w, "bootcamp", true, true).await;
    let catalogues = nara::i18n::Catalogues::load().unwrap();
    let anna = w.demo(ANNA).await;
    let mut tx = w.db.begin_write().await.unwrap();
    let date = Date {
        slug: calendar::slug(&w.unique("atomic-"), "presentation"),
        key: "idea-calendar-presentation",
        title: "Test",
        day: nara::stockholm::today(),
        start: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        minutes: 60,
    };
    let series = calendar::add(&mut tx, &catalogues, &date).await.unwrap();
    let new = NewTest {
        coach_name: "Coach".into(),
        co_organiser_name: "Medarrangör".into(),
        delivery_goal: "Mål".into(),
        budget_ore: 500_000,
    };
    let test = store::start_test(&mut tx, id, &new, series, anna).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    test
}

/// A campaign whose vote is open today (made once per world).
async fn voting(w: &World) -> &'static str {
    if store::campaign_by_slug(&w.db, "rostning").await.unwrap().is_none() {
        let today = nara::stockholm::today();
        let before = |d| today.checked_sub_days(Days::new(d)).unwrap();
        let new = NewCampaign {
            slug: "rostning".into(),
            title: "Röstning".into(),
            summary: "Nu röstar vi".into(),
            opens_on: before(10),
            closes_on: before(6),
            eligibility: Eligibility { staff: true, residents: true, associations: true },
            money_cap_ore: 500_000,
            council_on: before(4),
            vote_opens_on: before(1),
            vote_closes_on: today.checked_add_days(Days::new(1)).unwrap(),
            votes_per_person: 1,
            test_week_starts_on: today.checked_add_days(Days::new(7)).unwrap(),
        };
        let anna = w.demo(ANNA).await;
        let mut tx = w.db.begin_write().await.unwrap();
        store::create_campaign(&mut tx, &new, anna).await.unwrap();
        tx.commit().await.unwrap();
        proposal(w, "rostning", true, true).await;
    }
    "rostning"
}

pub async fn prepare(route: &'static str, w: Arc<World>) -> Request {
    let anna = w.demo_session(ANNA).await;
    match route {
        "/personal/ideer" => {
            let title = w.unique("Kampanj ");
            let form: Vec<(&str, String)> = vec![
                ("campaign-title", title),
                ("campaign-summary", "Förslag på bättre stöd".into()),
                ("opens", "2027-01-01".into()),
                ("closes", "2027-01-31".into()),
                ("council", "2027-02-05".into()),
                ("vote-opens", "2027-02-10".into()),
                ("vote-closes", "2027-02-14".into()),
                ("test-week", "2027-03-01".into()),
                ("who", "staff".into()),
                ("who", "residents".into()),
                ("cap", "5000".into()),
                ("votes", "2".into()),
            ];
            post(route.into(), &form, &anna)
        }
        "/personal/ideer/{campaign}/rad" => {
            let (_, email) = w.person(&[]).await;
            post(route.replace("{campaign}", "bootcamp-2027"), &[("member", email)], &anna)
        }
        "/ideer/{campaign}/anmalan" => {
            let (staff, _) = w.person(&[RoleGrant { role: Role::Staff, unit_id: None }]).await;
            let session = w.session(staff).await;
            let fields = [("hours", "12".to_string()), ("manager", "Karin Ström".into())];
            post(route.replace("{campaign}", "bootcamp-2027"), &fields, &session)
        }
        "/ideer/{campaign}/nytt-forslag" => {
            let (resident, _) = w.person(&[]).await;
            let session = w.session(resident).await;
            post(
                route.replace("{campaign}", "bootcamp-2027"),
                &form(&w.unique("Förslag "), "skicka"),
                &session,
            )
        }
        "/ideer/forslag/{proposal}/redigera" => {
            let (id, session) = proposal(&w, "bootcamp-2027", false, false).await;
            post(route.replace("{proposal}", &id.to_string()), &form("Skickat förslag", "skicka"), &session)
        }
        "/ideer/forslag/{proposal}/medforfattare" => {
            let (id, session) = proposal(&w, "bootcamp-2027", false, false).await;
            let (_, email) = w.person(&[]).await;
            post(route.replace("{proposal}", &id.to_string()), &[("coauthor", email)], &session)
        }
        "/ideer/forslag/{proposal}/kommentar" => {
            let (id, _) = proposal(&w, "bootcamp-2027", true, false).await;
            let (reader, _) = w.person(&[]).await;
            let session = w.session(reader).await;
            let fields = [("kind", "fraga".to_string()), ("comment", "Hur många familjer?".into())];
            post(route.replace("{proposal}", &id.to_string()), &fields, &session)
        }
        "/ideer/forslag/{proposal}/folj" => {
            let (id, _) = proposal(&w, "bootcamp-2027", true, false).await;
            let (reader, _) = w.person(&[]).await;
            let session = w.session(reader).await;
            post(route.replace("{proposal}", &id.to_string()), &[], &session)
        }
        "/ideer/forslag/{proposal}/beslut" => {
            let (id, _) = proposal(&w, "bootcamp-2027", true, false).await;
            let sara = w.demo_session(SARA).await;
            let fields = [
                ("decision", "ut".to_string()),
                ("reason", "Liknar ett annat förslag som redan är med.".into()),
            ];
            post(route.replace("{proposal}", &id.to_string()), &fields, &sara)
        }
        "/ideer/{campaign}/rosta" => {
            let slug = voting(&w).await;
            let c = store::campaign_by_slug(&w.db, slug).await.unwrap().unwrap();
            let choice = store::public_proposals(&w.db, c.id).await.unwrap()[0].id.to_string();
            let (voter, _) = w.person(&[]).await;
            let session = w.session(voter).await;
            post(route.replace("{campaign}", slug), &[("choice", choice)], &session)
        }
        "/ideer/forslag/{proposal}/test" => {
            let (id, _) = proposal(&w, "bootcamp", true, true).await;
            let fields = [
                ("coach", "Idéslussen".to_string()),
                ("co-organiser", "Maja Lund".into()),
                ("goal", "En sammanställning".into()),
                ("budget", "5000".into()),
                ("presentation", "2027-03-05T14:00".into()),
            ];
            post(route.replace("{proposal}", &id.to_string()), &fields, &anna)
        }
        "/ideer/tester/{test}/ga-med" => {
            let test = test(&w).await;
            let (member, _) = w.person(&[]).await;
            let session = w.session(member).await;
            post(route.replace("{test}", &test.to_string()), &[], &session)
        }
        "/ideer/tester/{test}/logg" => {
            let test = test(&w).await;
            let fields = [("diary-day", "2026-12-01".to_string()), ("diary-text", "Tre samtal".into())];
            post(route.replace("{test}", &test.to_string()), &fields, &anna)
        }
        "/ideer/tester/{test}/utgift" => {
            let test = test(&w).await;
            let fields = [
                ("spend-what", "Fika".to_string()),
                ("spend-amount", "300".into()),
                ("spend-day", "2026-12-01".into()),
            ];
            post(route.replace("{test}", &test.to_string()), &fields, &anna)
        }
        "/ideer/tester/{test}/avsluta" => {
            let test = test(&w).await;
            let fields = [
                ("happened", "Vi gjorde tre samtal med en familj.".to_string()),
                ("surprised", "Familjen ville skriva i underlaget.".into()),
                ("next-step", "scale_up".into()),
                ("next-owner", "Enhetschefen".into()),
            ];
            post(route.replace("{test}", &test.to_string()), &fields, &anna)
        }
        other => panic!("no scenario for {other}"),
    }
}
