//! Demo cases: Sara Lindqvist, who cares for her mother, has an open case at the adult unit with
//! Anna Berg as her contact person (shared and withheld entries, a correction, her own comment
//! that something is not right, a note, messages both ways, and a request for more information);
//! Omar Haddad has a case at Children and family with Jonas Ek, which Anna cannot open.

use uuid::Uuid;

use crate::cases::store;
use crate::cases::{CaseStatus, NewCase, Sharing};
use crate::db::Db;
use crate::identity::EmailAddress;

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// Adds the demo cases once; a database where Sara already has a case is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let (Some(sara), Some(omar), Some(anna), Some(jonas)) = (
        person(db, "invanare@demo.nara.se").await?,
        person(db, "invanare2@demo.nara.se").await?,
        person(db, "handlaggare.vuxen@demo.nara.se").await?,
        person(db, "handlaggare.barn@demo.nara.se").await?,
    ) else {
        return Ok(());
    };
    if !store::cases_of_resident(db, sara).await?.is_empty() {
        return Ok(());
    }
    let units = super::unit_ids(db).await?;
    let (Some(&adults), Some(&families)) = (units.get("vuxen"), units.get("barn-och-familj")) else {
        return Ok(());
    };

    // One transaction: a seed that stops half-way leaves nothing, and runs again in full.
    let mut tx = db.begin().await?;
    let case = store::insert_case(
        &mut tx,
        &NewCase {
            resident_id: sara,
            unit_id: adults,
            officer_id: Some(anna),
            title: "Stöd till dig som anhörig".into(),
        },
        None,
    )
    .await?;
    store::change_case_status(&mut tx, case,
        CaseStatus::Received,
        CaseStatus::BeingAssessed,
        Some("Jag heter Anna och är din kontaktperson. Jag har börjat titta på vad du behöver. Jag ringer dig den här veckan."),
        anna,
    )
    .await?;
    // Anna answers the telephone weekday mornings; outside them Sara's case page names socialjouren.
    let mornings =
        crate::cases::contact::PhoneHours::from_columns("042-10 50 00".into(), "12345", "09:00", "11:30")
            .ok_or_else(|| anyhow::anyhow!("the demo's telephone hours"))?;
    store::set_phone_hours(&mut tx, anna, &mornings).await?;
    let first = store::write_journal_entry(&mut tx, case,
            anna,
            "Telefonsamtal med Sara. Sara tar hand om sin mamma, som har demens och bor hemma. Sara berättar att hon \
             har slutat arbeta för att hinna med. Hon sover dåligt och känner sig ensam med ansvaret.",
            &Sharing::Shared,
        )
        .await?;
    store::add_to_record(
        &mut tx,
        case,
        Some((first, 1)),
        sara,
        true,
        "Det stämmer inte att jag har slutat arbeta. Jag har gått ner till halvtid.",
    )
    .await?;
    store::correct_journal_entry(&mut tx, case,
        first,
        1,
        anna,
        "Telefonsamtal med Sara. Sara tar hand om sin mamma, som har demens och bor hemma. Sara har gått ner till \
         halvtid på sitt arbete för att hinna med. Hon sover dåligt och känner sig ensam med ansvaret.",
        &Sharing::Shared,
    )
    .await?;
    store::write_journal_entry(
        &mut tx,
        case,
        anna,
        "Samtal med Saras bror om mammans ekonomi och hans möjlighet att hjälpa till.",
        &Sharing::Withheld {
            reason: "Uppgifter om en annan person (Saras bror) som han inte har gått med på att dela. \
                     Sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen."
                .into(),
        },
    )
    .await?;
    store::write_journal_entry(
        &mut tx,
        case,
        anna,
        "Möte med Sara. Vi pratade om vad Sara behöver: avlösning två eftermiddagar i veckan, och en plats i \
         självhjälpsgruppen för anhöriga. Sara vill också veta mer om dagverksamhet för mamma.",
        &Sharing::Shared,
    )
    .await?;
    store::add_to_record(
        &mut tx,
        case,
        None,
        sara,
        false,
        "Jag vill helst bli kontaktad efter klockan 16 på vardagar.",
    )
    .await?;
    store::send_case_message(&mut tx, case,
        anna,
        false,
        "Hej Sara! Tack för mötet i dag. Kan du be mammas läkare om ett intyg om hennes behov? Hör av dig om du har frågor.",
    )
    .await?;
    store::send_case_message(
        &mut tx,
        case,
        sara,
        true,
        "Hej Anna! Jag har ringt vårdcentralen. Intyget kommer nästa vecka.",
    )
    .await?;
    let due = chrono::Utc::now().date_naive() + chrono::Duration::days(14);
    store::change_case_status(&mut tx, case,
        CaseStatus::BeingAssessed,
        CaseStatus::MoreInformationNeeded { due },
        Some("Vi behöver ett intyg från din mammas läkare om hennes behov. Skicka det med ett meddelande här, eller ta med det till vårt nästa möte."),
        anna,
    )
    .await?;

    let other = store::insert_case(
        &mut tx,
        &NewCase {
            resident_id: omar,
            unit_id: families,
            officer_id: Some(jonas),
            title: "Samtalsstöd för familjen".into(),
        },
        None,
    )
    .await?;
    store::change_case_status(
        &mut tx,
        other,
        CaseStatus::Received,
        CaseStatus::BeingAssessed,
        Some("Jag heter Jonas och är din kontaktperson. Vi ses på torsdag."),
        jonas,
    )
    .await?;
    store::write_journal_entry(
        &mut tx,
        other,
        jonas,
        "Första samtal med Omar. Familjen vill ha stöd i hur de pratar med varandra hemma.",
        &Sharing::Shared,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
