//! Demo events, in the rhythm of the seeds: the development group (two meetings held, with notes;
//! six coming), the relatives' self-help group (on Anhörigstödet's entry and in the area "Stöd till
//! anhöriga") and a research breakfast.

use anyhow::Context;
use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use crate::db::Db;
use crate::events::recurrence::{End, Frequency, Rule, WeekdayOrdinal};
use crate::events::{NewSeries, Series, store};

/// The development group's usual agenda, in Swedish and English.
const AGENDA: (&str, &str) = (
    "Välkommen och presentationsrunda\nDagens tema\nFika\nFrågor från förra träffen\nTeman till kommande träffar",
    "Welcome and introductions\nToday's theme\nCoffee break\nQuestions from the last meeting\nThemes for coming meetings",
);

/// Themes and notes of the meetings already held.
const HELD_MEETINGS: [((&str, &str), &str); 2] = [
    (
        ("Hur hittar man rätt stöd?", "How do you find the right support?"),
        "## Anteckningar\n\nVi pratade om hur svårt det kan vara att veta **vart man ska vända sig**.\n\n\
         - Flera önskade en samlad ingång med sökning på vanliga ord.\n\
         - Föreningarna vill kunna uppdatera sina egna uppgifter.\n\n\
         Nästa steg: staden visar ett förslag på nästa träff.",
    ),
    (
        ("Mina sidor – vad behöver du se?", "My pages: what do you need to see?"),
        "## Anteckningar\n\nDeltagarna vill kunna **läsa sin journal** och boka om tider utan att ringa.\n\n\
         1. Veta vem som är ens kontaktperson.\n\
         2. Kunna lägga till egna synpunkter.\n\n\
         Mer om arbetet finns på [helsingborg.se](https://helsingborg.se).",
    ),
];

/// The `ordinal` `weekday` of the month `months` back from this one.
fn earlier_monthly(months: u32, ordinal: WeekdayOrdinal, weekday: Weekday) -> anyhow::Result<NaiveDate> {
    let today = chrono::Utc::now().date_naive();
    let month = today
        .with_day(1)
        .and_then(|first| first.checked_sub_months(Months::new(months)))
        .context("an earlier month")?;
    ordinal.date_in(month.year(), month.month(), weekday).context("no such weekday")
}

/// The first occurrence of `ordinal` `weekday` in a month at least a week from today.
fn next_monthly(ordinal: WeekdayOrdinal, weekday: Weekday) -> anyhow::Result<NaiveDate> {
    let earliest = chrono::Utc::now().date_naive() + chrono::Duration::days(7);
    let mut month = earliest.with_day(1).context("a first of the month")?;
    for _ in 0..3 {
        if let Some(date) = ordinal.date_in(month.year(), month.month(), weekday).filter(|d| *d >= earliest) {
            return Ok(date);
        }
        month = month.checked_add_months(Months::new(1)).context("a next month")?;
    }
    anyhow::bail!("no date found")
}

fn event_series(
    slug: &str,
    texts: [&str; 6],
    organiser: &str,
    venue: (&str, &str),
    capacity: Option<i32>,
) -> Series {
    let [title_sv, title_en, summary_sv, summary_en, audience_sv, audience_en] = texts;
    Series {
        id: Uuid::new_v4(),
        slug: slug.into(),
        title_sv: title_sv.into(),
        title_en: title_en.into(),
        summary_sv: summary_sv.into(),
        summary_en: summary_en.into(),
        has_themes: false,
        organiser_name: organiser.into(),
        organiser_unit_id: None,
        audience_sv: audience_sv.into(),
        audience_en: audience_en.into(),
        venue_name: Some(venue.0.into()),
        venue_address: Some(venue.1.into()),
        venue_accessibility_sv: Some(
            "Entré i markplan, hiss och tillgänglig toalett. Hörslinga finns.".into(),
        ),
        venue_accessibility_en: Some(
            "Step-free entrance, a lift and an accessible toilet. A hearing loop is available.".into(),
        ),
        online_url: None,
        price_sv: None,
        price_en: None,
        contact_name: "Kontaktcenter".into(),
        contact_email: None,
        contact_phone: Some("042-10 50 00".into()),
        rule: String::new(),
        capacity,
        public: true,
        help_area: None,
        entry_id: None,
    }
}

/// The rhythm of the seeds: the development group, the relatives' self-help group, a research
/// breakfast. Created once; a database that already has them is left alone.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    if store::series_by_slug(db, "utvecklingsgrupp").await?.is_some() {
        return Ok(());
    }
    let units = super::unit_ids(db).await?;
    let mut group = event_series(
        "utvecklingsgrupp",
        [
            "Gemensam utvecklingsgrupp",
            "Joint development group",
            "Invånare, föreningar och staden utvecklar stödet tillsammans. Alla är välkomna och du behöver inte förbereda något.",
            "Residents, associations and the city shape support together. Everyone is welcome and you need not prepare anything.",
            "Alla som vill vara med och påverka",
            "Everyone who wants to have a say",
        ],
        "Socialförvaltningen",
        ("Fontänhuset Helsingborg", "Norra Strandgatan 8"),
        Some(40),
    );
    group.has_themes = true;
    group.organiser_unit_id = units.get("kvalitet").copied();
    // Two meetings have been held (with notes); six are coming.
    let rule = Rule {
        first_date: earlier_monthly(2, WeekdayOrdinal::Third, Weekday::Mon)?,
        start_time: NaiveTime::from_hms_opt(13, 30, 0).context("a time")?,
        duration_minutes: 120,
        frequency: Frequency::MonthlyByWeekday {
            interval: 1,
            ordinal: WeekdayOrdinal::Third,
            weekday: Weekday::Mon,
        },
        end: End::Count(8),
    };
    let group_id = store::create_series(db, &NewSeries { series: group }, &rule).await?;
    let now = crate::db::UtcTime::now();
    let (held, coming): (Vec<_>, Vec<_>) =
        store::occurrences_of(db, group_id).await?.into_iter().partition(|m| m.ends_at < now);
    let themes = [
        ("Stöd till föräldrar med placerade barn", "Support for parents whose children are placed in care"),
        ("Anhörigstöd", "Support for relatives"),
    ];
    let mut tx = db.begin().await?;
    for (meeting, ((sv, en), _)) in held.iter().zip(HELD_MEETINGS) {
        store::set_theme(&mut tx, meeting.id, Some(sv), Some(en)).await?;
    }
    for (meeting, (sv, en)) in coming.iter().zip(themes) {
        store::set_theme(&mut tx, meeting.id, Some(sv), Some(en)).await?;
    }
    tx.commit().await?;
    for (meeting, (_, notes)) in held.iter().zip(HELD_MEETINGS) {
        store::set_agenda(db, meeting.id, Some(AGENDA.0), Some(AGENDA.1)).await?;
        store::set_notes(db, meeting.id, Some(notes)).await?;
    }
    for meeting in coming.iter().take(themes.len()) {
        store::set_agenda(db, meeting.id, Some(AGENDA.0), Some(AGENDA.1)).await?;
    }

    let relatives = event_series(
        "sjalvhjalpsgrupp-anhoriga",
        [
            "Självhjälpsgrupp för anhöriga",
            "Self-help group for relatives",
            "För dig som bär ett tungt ansvar för någon du står nära. Vi utgår från boken ”Hur ska jag orka?” – ett kapitel per träff.",
            "For you who carry a heavy responsibility for someone close to you. We start from the book \"Hur ska jag orka?\", one chapter a time.",
            "Anhöriga",
            "Relatives",
        ],
        "Anhörigstöd, Helsingborgs stad",
        ("Träffpunkt Sköldenborg", "Hebsackersgatan 6"),
        Some(12),
    );
    // Run by the relatives' support (Anhörigstödet): its directory entry lists the group's meetings.
    let relatives_support = crate::directory::store::entry_by_slug(db, "anhorigstodet").await?;
    let relatives = Series {
        organiser_unit_id: units.get("vuxen").copied(),
        help_area: Some("stod-till-anhoriga".into()),
        entry_id: relatives_support.map(|entry| entry.id),
        ..relatives
    };
    let rule = Rule {
        first_date: next_monthly(WeekdayOrdinal::Last, Weekday::Wed)?,
        start_time: NaiveTime::from_hms_opt(13, 30, 0).context("a time")?,
        duration_minutes: 120,
        frequency: Frequency::MonthlyByWeekday {
            interval: 1,
            ordinal: WeekdayOrdinal::Last,
            weekday: Weekday::Wed,
        },
        end: End::Count(10),
    };
    store::create_series(db, &NewSeries { series: relatives }, &rule).await?;

    let breakfast = event_series(
        "forskningsfrukost-samverkan",
        [
            "Forskningsfrukost: samverkan med föreningar",
            "Research breakfast: working with associations",
            "Forskare från socialhögskolan i Lund berättar om samverkan mellan kommunen och föreningar för ökad tillit och trygghet. Frukost från 7.45.",
            "Researchers from the School of Social Work in Lund present their work on how the city and associations build trust together. Breakfast from 7.45.",
            "Alla som är intresserade",
            "Anyone who is interested",
        ],
        "FoU Helsingborg och socialförvaltningen",
        ("Mindpark, Auditoriet", "Bredgatan 11"),
        Some(60),
    );
    let breakfast = Series { organiser_unit_id: units.get("kvalitet").copied(), ..breakfast };
    let rule = Rule {
        first_date: next_monthly(WeekdayOrdinal::Second, Weekday::Fri)?,
        start_time: NaiveTime::from_hms_opt(7, 45, 0).context("a time")?,
        duration_minutes: 135,
        frequency: Frequency::Once,
        end: End::Count(1),
    };
    store::create_series(db, &NewSeries { series: breakfast }, &rule).await?;
    Ok(())
}
