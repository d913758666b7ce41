//! Demo content: realistic, plain-language Swedish (and English) data for `nara demo`.
//! Seeding is idempotent, so it is safe on a database that already holds the demo.

use crate::db::Db;
use crate::help_areas::HelpArea;
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

/// (slug, Swedish name, English name)
const UNITS: &[(&str, &str, &str)] = &[
    ("vuxen", "Vuxenenheten", "Adult services"),
    ("barn-och-familj", "Barn och familj", "Children and family"),
    ("kvalitet", "Kvalitet och utveckling", "Quality and development"),
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

/// (slug, Swedish name, Swedish summary, English name, English summary)
const HELP_AREAS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "alkohol-droger-spel",
        "Alkohol, droger och spel",
        "Stöd om du eller någon nära dig dricker, använder droger eller spelar för mycket.",
        "Alcohol, drugs and gambling",
        "Support if you or someone close to you drinks, uses drugs or gambles too much.",
    ),
    (
        "vald-i-nara-relationer",
        "Våld i nära relationer",
        "Hjälp om någon du lever med eller står nära gör dig illa, hotar eller kontrollerar dig.",
        "Violence in close relationships",
        "Help if someone you live with or are close to hurts, threatens or controls you.",
    ),
    (
        "pengar-och-skulder",
        "Pengar och skulder",
        "Råd om budget och skulder, och ekonomiskt bistånd när pengarna inte räcker.",
        "Money and debt",
        "Advice on budgets and debt, and financial assistance when money is not enough.",
    ),
    (
        "boende",
        "Boende",
        "Stöd om du saknar bostad, riskerar att bli vräkt eller behöver hjälp att klara boendet.",
        "Housing",
        "Support if you have no home, risk eviction or need help to manage where you live.",
    ),
    (
        "barn-och-familj",
        "Barn och familj",
        "Samtal och stöd för föräldrar, barn och unga, till exempel när det är svårt hemma.",
        "Children and family",
        "Talks and support for parents, children and young people, for example when things are hard at home.",
    ),
    (
        "psykisk-halsa",
        "Psykisk hälsa",
        "Någon att prata med när du mår dåligt, och stöd i vardagen om du har psykisk ohälsa.",
        "Mental health",
        "Someone to talk to when you feel low, and everyday support if you live with mental ill health.",
    ),
    (
        "stod-till-anhoriga",
        "Stöd till anhöriga",
        "Stödgrupper och samtal för dig som hjälper eller oroar dig för någon du står nära.",
        "Support for relatives",
        "Support groups and talks for you who help or worry about someone close to you.",
    ),
    (
        "ensamhet-och-gemenskap",
        "Ensamhet och gemenskap",
        "Mötesplatser, föreningar och aktiviteter där du kan träffa andra.",
        "Loneliness and community",
        "Meeting places, associations and activities where you can meet others.",
    ),
    (
        "arbete-och-sysselsattning",
        "Arbete och sysselsättning",
        "Stöd att hitta arbete, praktik eller något meningsfullt att göra om dagarna.",
        "Work and activity",
        "Support to find work, a placement or something meaningful to do during the day.",
    ),
    (
        "fritid",
        "Fritid",
        "Aktiviteter, idrott och fritidsbanken där du lånar utrustning gratis.",
        "Leisure",
        "Activities, sports and the leisure bank where you borrow equipment for free.",
    ),
    (
        "diskriminering",
        "Diskriminering",
        "Råd och stöd om du har blivit illa behandlad på grund av vem du är.",
        "Discrimination",
        "Advice and support if you have been treated badly because of who you are.",
    ),
];

/// Fills the database with the demo content.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    seed_help_areas(db).await?;
    seed_people(db).await
}

async fn seed_people(db: &Db) -> anyhow::Result<()> {
    let mut units = Vec::new();
    for (slug, name_sv, name_en) in UNITS {
        units.push((*slug, db.upsert_unit(slug, name_sv, name_en).await?));
    }
    let hash =
        hash_password(NewPassword::parse(DEMO_PASSWORD).map_err(|_| anyhow::anyhow!("demo password"))?)
            .await?;
    for (email, name, personnummer, role, unit) in PEOPLE {
        let new = NewPerson {
            display_name: (*name).to_string(),
            email: EmailAddress::parse(email),
            email_verified: true,
            personnummer: personnummer.map(str::to_string),
            password_hash: Some(hash.clone()),
        };
        let Some(id) = db.create_person(&new).await? else { continue };
        if let Some(role) = role {
            let unit_id = unit.and_then(|slug| units.iter().find(|(s, _)| *s == slug)).map(|(_, id)| *id);
            db.grant_role(id, RoleGrant { role: *role, unit_id }).await?;
        }
    }
    Ok(())
}

async fn seed_help_areas(db: &Db) -> anyhow::Result<()> {
    for (index, (slug, name_sv, summary_sv, name_en, summary_en)) in HELP_AREAS.iter().enumerate() {
        let area = HelpArea {
            slug: (*slug).to_string(),
            position: i32::try_from(index)? + 1,
            name_sv: (*name_sv).to_string(),
            name_en: (*name_en).to_string(),
            summary_sv: (*summary_sv).to_string(),
            summary_en: (*summary_en).to_string(),
        };
        db.upsert_help_area(&area).await?;
    }
    Ok(())
}
