//! The demo plan: Sara Lindqvist's coordinated individual plan, started from her case at the
//! adult unit, with Children and family and her health centre in the region taking part. Goals
//! and actions are set and the follow-up date is in the spring, so she can read it, write what she
//! thinks and agree to it on my pages; Jonas Ek of Children and family can open it, though not her
//! case.

use chrono::Days;
use uuid::Uuid;

use crate::db::Db;
use crate::identity::EmailAddress;
use crate::plans::{Responsible, store};

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// Adds the demo plan once; a database where Sara already has a plan is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let (Some(sara), Some(anna)) =
        (person(db, "invanare@demo.nara.se").await?, person(db, "handlaggare.vuxen@demo.nara.se").await?)
    else {
        return Ok(());
    };
    if !store::plans_of_resident(db, sara).await?.is_empty() {
        return Ok(());
    }
    let units = super::unit_ids(db).await?;
    let (Some(&adults), Some(&families)) = (units.get("vuxen"), units.get("barn-och-familj")) else {
        return Ok(());
    };
    let case =
        crate::cases::store::cases_of_resident(db, sara).await?.into_iter().find(|c| c.unit_id == adults);
    let today = crate::stockholm::today();
    let in_days = |days| today.checked_add_days(Days::new(days)).unwrap_or(today);

    // One transaction: a seed that stops half-way leaves nothing, and runs again in full.
    let mut tx = db.begin_write().await?;
    let plan = store::create(&mut tx, sara, case.map(|c| c.id), "Stöd till dig och din familj", adults, anna)
        .await?;
    store::add_unit(&mut tx, plan, families, anna).await?;
    let health_centre =
        store::add_outside_participant(&mut tx, plan, "Leila Karimi", "Region Stockholm, vårdcentral", anna)
            .await?;
    for goal in [
        "Du orkar ta hand om din mamma och dig själv.",
        "Barnen har en trygg vardag med fritid efter skolan.",
    ] {
        store::add_goal(&mut tx, plan, goal, anna).await?;
    }
    let actions = [
        (Responsible::Unit(adults), "Ordnar avlösning i hemmet två eftermiddagar i veckan.", 14),
        (Responsible::Unit(families), "Hjälper er att hitta en fritidsaktivitet för barnen.", 30),
        (Responsible::Outside(health_centre), "Går igenom din mammas mediciner.", 21),
        (Responsible::Resident, "Berättar för Anna om avlösningen fungerar.", 28),
    ];
    for (who, text, days) in actions {
        store::add_action(&mut tx, plan, who, text, in_days(days), anna).await?;
    }
    store::set_follow_up(&mut tx, plan, in_days(60)).await?;
    tx.commit().await?;
    Ok(())
}
