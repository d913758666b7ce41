//! Demo content: realistic, plain-language Swedish (and English) data for `nara demo`.
//! Seeding is idempotent, so it is safe on a database that already holds the demo. The set-up and
//! the people are seeded here; each feature's content in its own file beside this one, so the
//! feature modules hold only production code.

pub mod applications;
mod assignments;
mod bookings;
mod cases;
mod directory;
mod events;
mod goals;
pub mod grants;
mod ideas;
mod leisure;
pub mod plain_language;
mod plans;
pub mod reporters;
mod surveys;

use uuid::Uuid;

use crate::audit::AuditActor;
use crate::db::Db;
use crate::identity::{EmailAddress, NewPassword, NewPerson, Role, RoleGrant, hash_password};

/// The password of every demo account. Demo only: `nara serve` never creates these.
pub const DEMO_PASSWORD: &str = "nara-demo-2026";

/// (e-mail, who it is) for the start-up message.
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("invanare@demo.nara.se", "invånare (resident)"),
    ("invanare2@demo.nara.se", "en annan invånare (another resident)"),
    ("handlaggare.vuxen@demo.nara.se", "handläggare, Vuxenenheten (case officer, adults)"),
    ("handlaggare.barn@demo.nara.se", "handläggare, Barn och familj (case officer, children and family)"),
    ("arrangor@demo.nara.se", "arrangör, utvecklingsgruppen (organiser, development group)"),
    ("granskare@demo.nara.se", "logguppföljning (log reviewer)"),
    ("bidrag@demo.nara.se", "bidragshandläggare (grant assessor)"),
    ("bidrag2@demo.nara.se", "bidragshandläggare, den andra bedömaren (second grant assessor)"),
    ("kvalitet@demo.nara.se", "kvalitet och nämnd, nämndens mål (quality office, the board's goals)"),
    ("fritidsbank@demo.nara.se", "personal på fritidsbanken (leisure bank staff)"),
    ("deltagare@demo.nara.se", "deltagare på fritidsbanken (leisure bank participant)"),
    ("samordnare@demo.nara.se", "samordnare, klarspråk och invånarreportrar (coordinator)"),
    ("klarsprak@demo.nara.se", "klarspråkare, granskar texter (plain-language reviewer)"),
    ("reporter@demo.nara.se", "invånarreporter (citizen reporter)"),
    ("reporter2@demo.nara.se", "en annan invånarreporter (another citizen reporter)"),
    ("forening@demo.nara.se", "föreningsrepresentant (association)"),
    ("admin@demo.nara.se", "administratör (administrator)"),
];

/// A demo person: e-mail, name, personnummer, and roles with their unit slugs.
type DemoPerson = (&'static str, &'static str, Option<&'static str>, &'static [(Role, Option<&'static str>)]);

const PEOPLE: &[DemoPerson] = &[
    ("invanare@demo.nara.se", "Sara Lindqvist", Some("199001012385"), &[]),
    ("invanare2@demo.nara.se", "Omar Haddad", Some("198507142381"), &[]),
    // Anna also runs the relatives' self-help group that her unit organises.
    (
        "handlaggare.vuxen@demo.nara.se",
        "Anna Berg",
        None,
        &[(Role::Staff, Some("vuxen")), (Role::Organiser, Some("vuxen"))],
    ),
    ("handlaggare.barn@demo.nara.se", "Jonas Ek", None, &[(Role::Staff, Some("barn-och-familj"))]),
    // The development group's organiser: events only, no cases.
    ("arrangor@demo.nara.se", "Lina Sjöberg", None, &[(Role::Organiser, Some("kvalitet"))]),
    ("granskare@demo.nara.se", "Maria Holm", None, &[(Role::LogReviewer, Some("kvalitet"))]),
    // The quality office: the board's goals, aggregates only.
    ("kvalitet@demo.nara.se", "Helena Strand", None, &[(Role::Quality, None)]),
    ("forening@demo.nara.se", "Kerstin Ali", None, &[(Role::Association, None)]),
    // The two grant assessors: applications for larger amounts are scored by both.
    ("bidrag@demo.nara.se", "Elin Sandberg", None, &[(Role::GrantAssessor, None)]),
    ("bidrag2@demo.nara.se", "Mats Lund", None, &[(Role::GrantAssessor, None)]),
    // The leisure bank's desk and work supervisor, and a participant working there.
    ("fritidsbank@demo.nara.se", "Petra Lund", None, &[(Role::LeisureStaff, None)]),
    ("deltagare@demo.nara.se", "Sami Karlsson", None, &[(Role::LeisureParticipant, None)]),
    ("admin@demo.nara.se", "Erik Nyström", None, &[(Role::Admin, None)]),
];

/// The demo's units, areas of help, target groups and search contact: the example set-up file, so
/// the demo is set up the way an operator sets up a real installation.
const SETUP: &str = include_str!("../../../../municipality.example.toml");

/// Fills the database with the demo content.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    seed_setup(db).await?;
    seed_people(db).await?;
    // After the people: the demo association account represents an entry.
    directory::seed(db).await?;
    events::seed(db).await?;
    cases::seed(db).await?;
    applications::seed(db).await?;
    bookings::seed(db).await?;
    plans::seed(db).await?;
    grants::seed(db).await?;
    goals::seed(db).await?;
    ideas::seed(db).await?;
    leisure::seed(db).await?;
    reporters::seed(db).await?;
    // After the people: staff send texts, the plain-language group reviews them.
    plain_language::seed(db).await?;
    // After the reporters and the coordinator: their assignments and hours.
    assignments::seed(db).await?;
    // After the cases: Sara's closed case and its invitation.
    surveys::seed(db).await
}

/// Only the set-up and the directory's entries, as `nara demo` has them: what the search
/// evaluation set (tests and the directory benchmark) is written against.
pub async fn seed_directory(db: &Db) -> anyhow::Result<()> {
    seed_setup(db).await?;
    directory::seed(db).await
}

async fn seed_people(db: &Db) -> anyhow::Result<()> {
    // Demo accounts have a published password: never add them beside real people.
    let others = crate::identity::store::count_people_outside(db, "@demo.nara.se").await?;
    anyhow::ensure!(
        others == 0,
        "the database holds people who are not demo accounts; `nara demo` only fills an empty database \
         (or one it filled itself) — unset DATABASE_URL to use a fresh SQLite file"
    );
    let units = unit_ids(db).await?;
    let hash =
        hash_password(NewPassword::parse(DEMO_PASSWORD).map_err(|_| anyhow::anyhow!("demo password"))?)
            .await?;
    let mut tx = db.begin_write().await?;
    for (email, name, personnummer, roles) in PEOPLE {
        let new = NewPerson {
            display_name: (*name).to_string(),
            email: EmailAddress::parse(email),
            email_verified: true,
            personnummer: personnummer.map(str::to_string),
            password_hash: Some(hash.clone()),
        };
        let Some(id) = crate::identity::store::create_person(&mut tx, &new).await? else { continue };
        for (role, unit) in *roles {
            let unit_id = unit.and_then(|slug| units.get(slug).copied());
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

/// The demo's units by their slug.
async fn unit_ids(db: &Db) -> anyhow::Result<std::collections::HashMap<String, Uuid>> {
    Ok(crate::identity::store::list_units(db).await?.iter().map(|u| (u.slug.clone(), u.id)).collect())
}
