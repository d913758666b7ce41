//! Demo content: realistic, plain-language Swedish (and English) data for `nara demo`.
//! Seeding is idempotent, so it is safe on a database that already holds the demo.

use anyhow::Context;
use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use crate::audit::AuditActor;
use crate::db::Db;
use crate::events::recurrence::{End, Frequency, Rule, WeekdayOrdinal};
use crate::events::{NewSeries, Series, store};
use crate::identity::{EmailAddress, NewPassword, NewPerson, Role, RoleGrant, hash_password};

/// The password of every demo account. Demo only: `nara serve` never creates these.
pub const DEMO_PASSWORD: &str = "nara-demo-2026";

/// (e-mail, who it is) for the start-up message.
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("invanare@demo.nara.se", "invånare (resident)"),
    ("invanare2@demo.nara.se", "en annan invånare (another resident)"),
    ("handlaggare.vuxen@demo.nara.se", "handläggare, Vuxenenheten (case officer, adults)"),
    ("handlaggare.barn@demo.nara.se", "handläggare, Barn och familj (case officer, children and family)"),
    ("granskare@demo.nara.se", "logguppföljning (log reviewer)"),
    ("forening@demo.nara.se", "föreningsrepresentant (association)"),
    ("admin@demo.nara.se", "administratör (administrator)"),
];

/// A demo person: e-mail, name, personnummer, role, unit slug.
type DemoPerson = (&'static str, &'static str, Option<&'static str>, Option<Role>, Option<&'static str>);

const PEOPLE: &[DemoPerson] = &[
    ("invanare@demo.nara.se", "Sara Lindqvist", Some("199001012385"), None, None),
    ("invanare2@demo.nara.se", "Omar Haddad", Some("198507142381"), None, None),
    ("handlaggare.vuxen@demo.nara.se", "Anna Berg", None, Some(Role::Staff), Some("vuxen")),
    ("handlaggare.barn@demo.nara.se", "Jonas Ek", None, Some(Role::Staff), Some("barn-och-familj")),
    ("granskare@demo.nara.se", "Maria Holm", None, Some(Role::LogReviewer), Some("kvalitet")),
    ("forening@demo.nara.se", "Kerstin Ali", None, Some(Role::Association), None),
    ("admin@demo.nara.se", "Erik Nyström", None, Some(Role::Admin), None),
];

/// The demo's units, areas of help, target groups and search contact: the example set-up file, so
/// the demo is set up the way an operator sets up a real installation.
const SETUP: &str = include_str!("../../../municipality.example.toml");

/// Fills the database with the demo content.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    seed_setup(db).await?;
    seed_people(db).await?;
    // After the people: the demo association account represents an entry.
    crate::directory::demo::seed(db).await?;
    seed_events(db).await?;
    crate::cases::demo::seed(db).await?;
    crate::applications::demo::seed(db).await?;
    crate::bookings::demo::seed(db).await
}

async fn seed_people(db: &Db) -> anyhow::Result<()> {
    // Demo accounts have a published password: never add them beside real people.
    let others: i64 = crate::on_pool!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM people WHERE email IS NULL OR email NOT LIKE '%@demo.nara.se'")
        .fetch_one(pool)
        .await)?;
    anyhow::ensure!(
        others == 0,
        "the database holds people who are not demo accounts; `nara demo` only fills an empty database \
         (or one it filled itself) — unset DATABASE_URL to use a fresh SQLite file"
    );
    let units: Vec<(String, Uuid)> =
        crate::identity::store::list_units(db).await?.into_iter().map(|u| (u.slug, u.id)).collect();
    let hash =
        hash_password(NewPassword::parse(DEMO_PASSWORD).map_err(|_| anyhow::anyhow!("demo password"))?)
            .await?;
    let mut tx = db.begin_write().await?;
    for (email, name, personnummer, role, unit) in PEOPLE {
        let new = NewPerson {
            display_name: (*name).to_string(),
            email: EmailAddress::parse(email),
            email_verified: true,
            personnummer: personnummer.map(str::to_string),
            password_hash: Some(hash.clone()),
        };
        let Some(id) = crate::identity::store::create_person(&mut tx, &new).await? else { continue };
        if let Some(role) = role {
            let unit_id = unit.and_then(|slug| units.iter().find(|(s, _)| s == slug)).map(|(_, id)| *id);
            crate::identity::store::grant_role(&mut tx, id, RoleGrant { role: *role, unit_id }).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn seed_setup(db: &Db) -> anyhow::Result<()> {
    let changes = crate::setup::file::parse(SETUP)
        .map_err(|errors| anyhow::anyhow!("municipality.example.toml: {errors:?}"))?;
    crate::setup::store::change(db, &changes, &AuditActor::system(), None)
        .await?
        .map_err(|refusal| anyhow::anyhow!("{refusal}"))?;
    Ok(())
}

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
    }
}

/// The rhythm of the seeds: the development group, the relatives' self-help group, a research
/// breakfast. Created once; a database that already has them is left alone.
async fn seed_events(db: &Db) -> anyhow::Result<()> {
    if store::series_by_slug(db, "utvecklingsgrupp").await?.is_some() {
        return Ok(());
    }
    let units: std::collections::HashMap<String, Uuid> =
        crate::identity::store::list_units(db).await?.into_iter().map(|u| (u.slug, u.id)).collect();
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
    let relatives = Series {
        organiser_unit_id: units.get("vuxen").copied(),
        help_area: Some("stod-till-anhoriga".into()),
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
