//! Storage of the set-up. A change is planned and written inside one transaction whose first
//! statement raises `setup_state.version`: on SQLite that takes the write lock, on PostgreSQL it
//! locks the row, so two changes never plan against the same state.

use std::sync::Arc;

use uuid::Uuid;

use super::{
    AreaItem, Changes, Current, Item, Kind, Refusal, SearchContact, Step, TargetGroup, UnitItem, UnitKind,
    Use, describe, plan,
};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Db, Tx, UtcTime};

/// One stored change of an item, oldest first; `changed_by` is the person's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HistoryRow {
    pub changed_at: UtcTime,
    pub changed_by: Option<String>,
    pub change: String,
    pub snapshot: String,
}

const UNITS: &str =
    "SELECT slug, name_sv, name_en, kind, contact_phone, contact_email FROM units ORDER BY name_sv, slug";
const AREAS: &str = "SELECT slug, name_sv, name_en, summary_sv, summary_en, position, on_home_page \
                     FROM help_areas ORDER BY position, slug";
const GROUPS: &str = "SELECT slug, name_sv, name_en, position FROM target_groups ORDER BY position, slug";
const CONTACT: &str = "SELECT search_contact FROM setup_state WHERE id = 1";
/// A whole file of changes is summed up in the log, cut at this length.
const MAX_AUDIT_PURPOSE_CHARS: usize = 2000;
const LOCK: &str = "UPDATE setup_state SET version = version + 1 WHERE id = 1";

/// What can use an item of each kind: a catalogue key (taking `$count`) and a count query whose
/// `$1` is the item's slug. A unit named in the audit log stays, so every access log can still
/// say which unit someone acted for.
fn use_queries(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Unit => &[
            (
                "setup-use-roles",
                "SELECT COUNT(*) FROM role_grants WHERE unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
            (
                "setup-use-invitations",
                "SELECT COUNT(*) FROM one_time_tokens WHERE used_at IS NULL \
                 AND grant_unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
            (
                "setup-use-cases",
                "SELECT COUNT(*) FROM cases WHERE unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
            (
                "setup-use-forms",
                "SELECT COUNT(*) FROM application_forms WHERE unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
            (
                "setup-use-events",
                "SELECT COUNT(*) FROM event_series WHERE organiser_unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
            (
                "setup-use-log",
                "SELECT COUNT(*) FROM audit_log WHERE actor_unit_id = (SELECT id FROM units WHERE slug = $1)",
            ),
        ],
        Kind::Area => &[
            (
                "setup-use-entries",
                "SELECT COUNT(*) FROM directory_entries WHERE areas LIKE '%\"' || $1 || '\"%'",
            ),
            ("setup-use-events", "SELECT COUNT(*) FROM event_series WHERE help_area = $1"),
        ],
        Kind::Group => &[(
            "setup-use-entries",
            "SELECT COUNT(*) FROM directory_entries WHERE target_groups LIKE '%\"' || $1 || '\"%'",
        )],
    }
}

type UnitRow = (String, String, String, String, Option<String>, Option<String>);
type AreaRow = (String, String, String, String, String, i32, bool);

fn current_from(
    units: Vec<UnitRow>,
    areas: Vec<AreaRow>,
    groups: Vec<TargetGroup>,
    contact: Option<String>,
) -> anyhow::Result<Current> {
    let mut items = Vec::with_capacity(units.len() + areas.len() + groups.len());
    for (slug, name_sv, name_en, kind, phone, email) in units {
        let kind = UnitKind::from_code(&kind).ok_or_else(|| anyhow::anyhow!("unknown unit kind {kind}"))?;
        items.push(Item::Unit(UnitItem { slug, name_sv, name_en, kind, phone, email }));
    }
    for (slug, name_sv, name_en, summary_sv, summary_en, position, home_page) in areas {
        items.push(Item::Area(AreaItem {
            slug,
            name_sv,
            name_en,
            summary_sv,
            summary_en,
            position,
            home_page,
        }));
    }
    items.extend(groups.into_iter().map(Item::Group));
    let contact = contact.map(|json| serde_json::from_str(&json)).transpose()?;
    Ok(Current { items, contact })
}

/// The history row's words for a step.
fn change_word(step: &Step) -> &'static str {
    match step {
        Step::Create(_) => "created",
        Step::Update { .. } | Step::Contact(_) => "updated",
        Step::Remove(_) => "removed",
    }
}

/// The history's kind for the search contact, beside the item kinds' codes.
pub const CONTACT_KIND: &str = "search_contact";

/// Applies `changes` for `actor` (a person at `/admin`, or the system for `nara setup` and the
/// demo): plans them against what is stored and writes the plan, its history and its audit entry
/// in one transaction. Returns the steps written (none when everything was already so), or why
/// nothing was written. The one way the set-up is changed.
pub async fn change(
    db: &Db,
    changes: &Changes,
    actor: &AuditActor,
    request_id: Option<String>,
) -> anyhow::Result<Result<Vec<Step>, Refusal>> {
    let mut tx = db.begin_write().await?;
    // Raising the version first locks the row on PostgreSQL, so two changes never plan against
    // the same state (SQLite's `begin_write` holds the write lock already).
    tx.sql().execute(LOCK, &[]).await?;
    let current = read_current(&mut tx).await?;
    let uses = count_removed_uses(&mut tx, changes).await?;
    let found = |kind: Kind, slug: &str| {
        uses.iter().find(|(k, s, _)| *k == kind && s == slug).map(|(_, _, u)| u.clone()).unwrap_or_default()
    };
    let steps = match plan(&current, changes, &found) {
        Ok(steps) if !steps.is_empty() => steps,
        // Nothing to write: the raised version is rolled back with the transaction.
        other => return Ok(other),
    };
    let now = UtcTime::now();
    for step in &steps {
        write_step(&mut tx, step, now).await?;
        write_history(&mut tx, step, actor.person_id, now).await?;
    }
    let described: String = describe(&steps).chars().take(MAX_AUDIT_PURPOSE_CHARS).collect();
    let event =
        AuditEvent::new(actor.clone(), Action::SetupChanged, "setup").purpose(described).request(request_id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(steps))
}

/// Everything the set-up holds now, read in one transaction so the parts agree.
pub async fn current(db: &Db) -> anyhow::Result<Current> {
    let mut tx = db.begin().await?;
    read_current(&mut tx).await
}

async fn read_current(tx: &mut Tx) -> anyhow::Result<Current> {
    let units: Vec<UnitRow> = tx.sql().all(UNITS, &[]).await?;
    let areas: Vec<AreaRow> = tx.sql().all(AREAS, &[]).await?;
    let groups: Vec<TargetGroup> = tx.sql().all(GROUPS, &[]).await?;
    let contact: (Option<String>,) = tx.sql().one(CONTACT, &[]).await?;
    current_from(units, areas, groups, contact.0)
}

/// What uses each item to be removed, counted inside the change's transaction.
async fn count_removed_uses(tx: &mut Tx, changes: &Changes) -> anyhow::Result<Vec<(Kind, String, Vec<Use>)>> {
    let mut uses = Vec::new();
    for (kind, slug) in &changes.removals {
        let mut counted = Vec::new();
        for (key, sql) in use_queries(*kind) {
            let (count,): (i64,) = tx.sql().one(*sql, &[slug]).await?;
            counted.push(Use { key, count });
        }
        uses.push((*kind, slug.clone(), counted));
    }
    Ok(uses)
}

/// Writes one planned step to its table.
async fn write_step(tx: &mut Tx, step: &Step, now: UtcTime) -> anyhow::Result<()> {
    match step {
        Step::Create(Item::Unit(unit)) => {
            tx.sql()
                .execute(
                    "INSERT INTO units (id, slug, name_sv, name_en, kind, contact_phone, contact_email, \
                     created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        &Uuid::new_v4(),
                        &unit.slug,
                        &unit.name_sv,
                        &unit.name_en,
                        &unit.kind.code(),
                        &unit.phone,
                        &unit.email,
                        &now,
                    ],
                )
                .await?;
        }
        Step::Update { after: Item::Unit(unit), .. } => {
            tx.sql()
                .execute(
                    "UPDATE units SET name_sv = $2, name_en = $3, kind = $4, contact_phone = $5, \
                     contact_email = $6 WHERE slug = $1",
                    &[&unit.slug, &unit.name_sv, &unit.name_en, &unit.kind.code(), &unit.phone, &unit.email],
                )
                .await?;
        }
        Step::Create(Item::Area(area)) | Step::Update { after: Item::Area(area), .. } => {
            tx.sql()
                .execute(
                    "INSERT INTO help_areas (slug, position, name_sv, name_en, summary_sv, summary_en, \
                     on_home_page, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (slug) DO UPDATE SET position = excluded.position, \
                     name_sv = excluded.name_sv, name_en = excluded.name_en, \
                     summary_sv = excluded.summary_sv, summary_en = excluded.summary_en, \
                     on_home_page = excluded.on_home_page, updated_at = excluded.updated_at",
                    &[
                        &area.slug,
                        &area.position,
                        &area.name_sv,
                        &area.name_en,
                        &area.summary_sv,
                        &area.summary_en,
                        &area.home_page,
                        &now,
                    ],
                )
                .await?;
            // The search index holds area names in its entries: have every server process
            // re-read the entries filed under this area.
            tx.sql()
                .execute(
                    "INSERT INTO directory_changes (entry_id, changed_at) SELECT id, $2 \
                     FROM directory_entries WHERE areas LIKE '%\"' || $1 || '\"%'",
                    &[&area.slug, &now],
                )
                .await?;
        }
        Step::Create(Item::Group(group)) | Step::Update { after: Item::Group(group), .. } => {
            tx.sql()
                .execute(
                    "INSERT INTO target_groups (slug, position, name_sv, name_en, updated_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE SET \
                     position = excluded.position, name_sv = excluded.name_sv, \
                     name_en = excluded.name_en, updated_at = excluded.updated_at",
                    &[&group.slug, &group.position, &group.name_sv, &group.name_en, &now],
                )
                .await?;
        }
        Step::Remove(item) => {
            let sql = match item.kind() {
                Kind::Unit => "DELETE FROM units WHERE slug = $1",
                Kind::Area => "DELETE FROM help_areas WHERE slug = $1",
                Kind::Group => "DELETE FROM target_groups WHERE slug = $1",
            };
            tx.sql().execute(sql, &[&item.slug()]).await?;
        }
        Step::Contact(contact) => {
            let json = contact.as_ref().map(serde_json::to_string).transpose()?;
            tx.sql().execute("UPDATE setup_state SET search_contact = $1 WHERE id = 1", &[&json]).await?;
        }
    }
    Ok(())
}

/// The history line of one step, with a snapshot of the item as it is after it.
async fn write_history(tx: &mut Tx, step: &Step, by: Option<Uuid>, now: UtcTime) -> anyhow::Result<()> {
    let (kind, slug, snapshot) = match step {
        Step::Create(item) | Step::Update { after: item, .. } | Step::Remove(item) => {
            (item.kind().code(), item.slug().to_string(), item.snapshot())
        }
        Step::Contact(contact) => (CONTACT_KIND, CONTACT_KIND.to_string(), serde_json::to_string(contact)?),
    };
    tx.sql()
        .execute(
            "INSERT INTO setup_history (kind, slug, change, changed_by, changed_at, snapshot) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&kind, &slug, &change_word(step), &by, &now, &snapshot],
        )
        .await?;
    Ok(())
}

/// The items of one kind, in the order lists show them.
pub async fn items(db: &Db, kind: Kind) -> anyhow::Result<Vec<Item>> {
    Ok(current(db).await?.items.into_iter().filter(|i| i.kind() == kind).collect())
}

pub async fn item(db: &Db, kind: Kind, slug: &str) -> anyhow::Result<Option<Item>> {
    Ok(items(db, kind).await?.into_iter().find(|i| i.slug() == slug))
}

/// What uses an item; empty counts are left out.
pub async fn uses(db: &Db, kind: Kind, slug: &str) -> anyhow::Result<Vec<Use>> {
    let mut uses = Vec::new();
    for (key, sql) in use_queries(kind) {
        let (count,): (i64,) = db.sql().one(*sql, &[&slug]).await?;
        if count > 0 {
            uses.push(Use { key, count });
        }
    }
    Ok(uses)
}

/// The stored changes of one item (or of the search contact, kind `CONTACT_KIND`), oldest first.
pub async fn history(db: &Db, kind: &str, slug: &str) -> anyhow::Result<Vec<HistoryRow>> {
    let sql = "SELECT h.changed_at, p.display_name AS changed_by, h.change, h.snapshot \
               FROM setup_history h LEFT JOIN people p ON p.id = h.changed_by \
               WHERE h.kind = $1 AND h.slug = $2 ORDER BY h.seq";
    Ok(db.sql().all(sql, &[&kind, &slug]).await?)
}

/// The target groups directory entries may be for, in the order forms list them.
pub async fn target_groups(db: &Db) -> anyhow::Result<Arc<Vec<TargetGroup>>> {
    db.remembered("setup::target_groups", String::new(), || async { Ok(db.sql().all(GROUPS, &[]).await?) })
        .await
}

/// Whom the search page suggests when it finds nothing, if anyone is configured.
pub async fn search_contact(db: &Db) -> anyhow::Result<Option<SearchContact>> {
    let (json,): (Option<String>,) = db.sql().one(CONTACT, &[]).await?;
    Ok(json.map(|json| serde_json::from_str(&json)).transpose()?)
}
