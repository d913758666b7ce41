//! Demo surveys: Sara Lindqvist's earlier case at the adult unit was closed, and its invitation
//! ("Berätta vad du tyckte") waits on her my pages; about forty anonymous answers over the last
//! weeks, from both case units and an event, give the goals dashboard something to show; the
//! event survey has a draft in progress.

use uuid::Uuid;

use crate::cases::{CaseStatus, NewCase};
use crate::db::{Db, UtcTime};
use crate::surveys::store::{self, NewAnswer, NewInvitation};
use crate::surveys::{Channel, EVENT, EVENT_SERVICE, Item, USEFULNESS};

/// Free text residents wrote (already as scrubbed text would be kept).
const COMMENTS: &[&str] = &[
    "Jag blev lyssnad på och fick hjälp snabbt.",
    "Det tog lång tid innan någon ringde tillbaka.",
    "Bra att jag kunde läsa allt på Mina sidor.",
    "Jag önskar att jag hade fått träffa samma person hela tiden.",
];

/// Adds the demo's surveys once; a database with answers already is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    if !store::usefulness_counts(db, "0000", "9999").await?.is_empty() {
        return Ok(());
    }
    let people = |email: &'static str| async move {
        let address =
            crate::identity::EmailAddress::parse(email).ok_or_else(|| anyhow::anyhow!("{email}"))?;
        anyhow::Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
    };
    let (Some(sara), Some(anna)) =
        (people("invanare@demo.nara.se").await?, people("handlaggare.vuxen@demo.nara.se").await?)
    else {
        return Ok(());
    };
    let units = super::unit_ids(db).await?;
    let (Some(&adults), Some(&families), Some(&quality)) =
        (units.get("vuxen"), units.get("barn-och-familj"), units.get("kvalitet"))
    else {
        return Ok(());
    };

    let mut tx = db.begin().await?;
    // Sara's closed case, and the invitation it gave her.
    let new =
        NewCase { resident_id: sara, unit_id: adults, officer_id: Some(anna), title: "Samtalsstöd".into() };
    let case = crate::cases::store::insert_case(&mut tx, &new, None).await?;
    crate::cases::store::change_case_status(
        &mut tx,
        case,
        CaseStatus::Received,
        CaseStatus::Closed,
        Some("Vi avslutar samtalsstödet som vi kom överens om. Hör av dig om du behöver oss igen."),
        anna,
    )
    .await?;
    let now = UtcTime::now();
    let invitation = NewInvitation {
        survey_key: USEFULNESS,
        person_id: sara,
        unit_id: Some(adults),
        service_type: "samtalsstod".into(),
        case_id: Some(case),
        occurrence_id: None,
        send_after: now,
    };
    if let Some(id) = store::insert_invitation(&mut tx, &invitation, Some(now)).await? {
        store::add_token(&mut tx, id).await?;
    }

    // Answers over the last six weeks: mostly useful, some not, a few interviews.
    let today = crate::stockholm::today();
    for n in 0..40_usize {
        let week = crate::surveys::iso_week(today - chrono::Duration::weeks(i64::try_from(n % 6)?));
        let (survey, unit, service, items): (&str, Uuid, &str, Vec<Item>) = if n % 8 == 7 {
            let items = vec![item("nytta", ["3", "4", "5"][n % 3]), item("igen", "ja")];
            (EVENT, quality, EVENT_SERVICE, items)
        } else {
            let helped = if n % 4 == 3 {
                "nej"
            } else if n % 10 == 5 {
                "vet_inte"
            } else {
                "ja"
            };
            let mut items =
                vec![item("hjalp", helped), item("respekt", "ja"), item("nojd", ["5", "4", "3", "2"][n % 4])];
            if n % 5 == 0 {
                items.push(item("mer", COMMENTS[n / 5 % COMMENTS.len()]));
            }
            let unit = if n % 3 == 0 { families } else { adults };
            (USEFULNESS, unit, if unit == adults { "samtalsstod" } else { "case" }, items)
        };
        let answer = NewAnswer {
            survey_key: survey,
            version: 1,
            unit_id: Some(unit),
            service_type: service,
            channel: if n % 9 == 4 { Channel::Interview } else { Channel::Web },
            week,
            items: &items,
        };
        store::insert_answer(&mut tx, &answer).await?;
    }
    // The event survey has a draft in progress, for staff to see how a change is made.
    store::create_draft(&mut tx, EVENT).await?;
    tx.commit().await?;
    Ok(())
}

fn item(question: &str, value: &str) -> Item {
    Item { question_key: question.into(), value: value.into() }
}
