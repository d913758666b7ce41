//! Demo content for the board's goals: children placed in emergency homes over the last two years
//! (most reach a foster home within 6 months, some later, some go on to an HVB instead) and young
//! people's youth sentences (most completed, a few broken off, the latest still ongoing), at
//! Children and family and, for 18–20-year-olds, the adult unit. The dates follow today, so the
//! dashboard always has this year and the one before.

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::cases::placements::{NewPlacement, NewSentence, Outcome, PlacementKind, SentenceTerms, store};
use crate::cases::{CaseStatus, NewCase};
use crate::db::{Db, Tx};
use crate::identity::{EmailAddress, NewPerson};

const CHILDREN: u64 = 18;
const YOUNG_PEOPLE: u64 = 40;
const FIRST_NAMES: [&str; 20] = [
    "Alva", "Elias", "Maja", "Noah", "Ella", "Hugo", "Wilma", "William", "Alma", "Lucas", "Selma", "Liam",
    "Vera", "Adam", "Saga", "Oscar", "Stella", "Leo", "Olivia", "Theo",
];
const LAST_NAMES: [&str; 20] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Olofsson",
];
const CARE_PLANS: [&str; 3] = [
    "Återfallspreventionsprogram, tio träffar på ungdomsmottagningen.",
    "Samtalsbehandling varje vecka och stöd i skolan.",
    "Familjebehandling enligt Familjen i fokus.",
];

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// A young demo resident without a password (they never log in to the demo).
async fn young_person(tx: &mut Tx, email: &str, n: u64) -> anyhow::Result<Uuid> {
    let name = format!("{} {}", FIRST_NAMES[(n % 20) as usize], LAST_NAMES[((n * 7 + 3) % 20) as usize]);
    let new = NewPerson {
        display_name: name,
        email: EmailAddress::parse(email),
        email_verified: false,
        personnummer: None,
        password_hash: None,
    };
    crate::identity::store::create_person(tx, &new).await?.ok_or_else(|| anyhow::anyhow!("{email} is new"))
}

fn days_before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

/// Adds the placements and sentences once; a database where the first child exists is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let (Some(anna), Some(jonas)) = (
        person(db, "handlaggare.vuxen@demo.nara.se").await?,
        person(db, "handlaggare.barn@demo.nara.se").await?,
    ) else {
        return Ok(());
    };
    if person(db, "barn01@demo.nara.se").await?.is_some() {
        return Ok(());
    }
    let units = super::unit_ids(db).await?;
    let (Some(&adults), Some(&families)) = (units.get("vuxen"), units.get("barn-och-familj")) else {
        return Ok(());
    };
    let today = crate::stockholm::date_of(chrono::Utc::now());
    let mut tx = db.begin().await?;
    for i in 0..CHILDREN {
        let child = young_person(&mut tx, &format!("barn{:02}@demo.nara.se", i + 1), i).await?;
        let new = NewCase {
            resident_id: child,
            unit_id: families,
            officer_id: Some(jonas),
            title: "Placering".into(),
        };
        let case = crate::cases::store::insert_case(&mut tx, &new, None).await?;
        let first = days_before(today, 20 + i * 40);
        // When the emergency home ends, and what comes after it.
        let next = match i % 6 {
            3 => Some((190 + i, PlacementKind::FosterHome)),
            5 => Some((45, PlacementKind::Hvb)),
            _ => Some((30 + (i * 7) % 150, PlacementKind::FosterHome)),
        }
        .map(|(after, kind)| (days_after(first, after), kind))
        .filter(|(on, _)| *on <= today);
        let emergency = NewPlacement {
            kind: PlacementKind::EmergencyHome,
            start_on: first,
            end_on: next.map(|(on, _)| on),
        };
        store::add_placement(&mut tx, case, &emergency, jonas).await?;
        if let Some((start_on, kind)) = next {
            store::add_placement(&mut tx, case, &NewPlacement { kind, start_on, end_on: None }, jonas)
                .await?;
        }
    }
    for j in 0..YOUNG_PEOPLE {
        let young = young_person(&mut tx, &format!("ung{:02}@demo.nara.se", j + 1), j + 5).await?;
        let decided = days_before(today, 15 + j * 18);
        let ended = Some(days_after(decided, 60 + (j * 5) % 60)).filter(|on| *on <= today);
        // 18–20-year-olds at the adult unit: only those whose sentence has ended (closed cases).
        let (unit, officer) = if j % 4 == 0 && ended.is_some() { (adults, anna) } else { (families, jonas) };
        let title = "Ungdomspåföljd".to_string();
        let case = crate::cases::store::insert_case(
            &mut tx,
            &NewCase { resident_id: young, unit_id: unit, officer_id: Some(officer), title },
            None,
        )
        .await?;
        let terms = if j % 3 == 0 {
            SentenceTerms::CarePlan(CARE_PLANS[((j / 3) % 3) as usize].into())
        } else {
            SentenceTerms::Hours((20 + (j * 13) % 131) as i32)
        };
        let sentence =
            store::add_sentence(&mut tx, case, &NewSentence { terms, decided_on: decided }, officer).await?;
        if let Some(ended_on) = ended {
            let outcome = if j % 9 == 4 { Outcome::BrokenOff } else { Outcome::Completed };
            store::end_sentence(&mut tx, case, sentence, outcome, ended_on).await?;
            crate::cases::store::change_case_status(
                &mut tx,
                case,
                CaseStatus::Received,
                CaseStatus::Closed,
                None,
                officer,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
