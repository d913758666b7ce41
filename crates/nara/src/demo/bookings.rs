//! Demo bookings: Anna Berg (the adult unit) takes bookings on Tuesday and Thursday mornings in
//! person or by phone, and on Wednesday evenings by phone or video; Sara has a meeting with her.

use chrono::{Days, NaiveTime, Weekday};
use chrono_tz::Europe::Stockholm;

use crate::bookings::resident::offers;
use crate::bookings::slots::Window;
use crate::bookings::store;
use crate::bookings::{BookOutcome, MeetingMode, NewBooking};
use crate::db::{Db, UtcTime};
use crate::identity::EmailAddress;

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<uuid::Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

fn window(weekday: Weekday, from: u32, until: u32, meeting_minutes: u32) -> Window {
    Window {
        weekday,
        from: NaiveTime::from_hms_opt(from, 0, 0).unwrap_or_default(),
        until: NaiveTime::from_hms_opt(until, 0, 0).unwrap_or_default(),
        meeting_minutes,
        buffer_minutes: 15,
    }
}

/// Adds the demo times once; an officer who already has windows is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let (Some(anna), Some(sara)) =
        (person(db, "handlaggare.vuxen@demo.nara.se").await?, person(db, "invanare@demo.nara.se").await?)
    else {
        return Ok(());
    };
    if !store::booking_windows(db, anna).await?.is_empty() {
        return Ok(());
    }
    // One transaction: a seed that stops half-way leaves no windows, and runs again in full.
    let mut tx = db.begin_write().await?;
    store::ensure_booking_officer(&mut tx, anna, 24).await?;
    let office = Some("Socialförvaltningen, Drottninggatan 2, Helsingborg");
    let in_person_or_phone = [MeetingMode::InPerson, MeetingMode::Phone];
    store::add_booking_window(&mut tx, anna, &window(Weekday::Tue, 9, 12, 45), &in_person_or_phone, office)
        .await?;
    store::add_booking_window(&mut tx, anna, &window(Weekday::Thu, 9, 12, 45), &in_person_or_phone, office)
        .await?;
    // Evenings, for those who work or care for someone during the day.
    store::add_booking_window(
        &mut tx,
        anna,
        &window(Weekday::Wed, 17, 19, 45),
        &[MeetingMode::Phone, MeetingMode::Video],
        Some("https://video.helsingborg.se/rum/anna-berg"),
    )
    .await?;
    tx.commit().await?;

    let Some(case) = crate::cases::store::cases_of_resident(db, sara).await?.into_iter().next() else {
        return Ok(());
    };
    let now = UtcTime::now();
    let today = now.0.with_timezone(&Stockholm).date_naive();
    let from = today.checked_add_days(Days::new(3)).unwrap_or(today);
    let until = today.checked_add_days(Days::new(21)).unwrap_or(today);
    let windows = store::booking_windows(db, anna).await?;
    let Some(offer) = offers(&windows, &[], &[], now, from, until).into_iter().next() else { return Ok(()) };
    let mode = offer.modes.first().copied().unwrap_or(MeetingMode::Phone);
    let booking = NewBooking {
        case_id: case.id,
        resident_id: sara,
        officer_id: anna,
        slot: offer.slot,
        mode,
        place: if mode == MeetingMode::Phone { None } else { offer.place },
        booked_by: sara,
    };
    let mut tx = db.begin_write().await?;
    if let BookOutcome::Booked(_) = store::book(&mut tx, &booking, None).await? {
        tx.commit().await?;
    }
    Ok(())
}
