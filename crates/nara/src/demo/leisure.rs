//! The demo's leisure bank: two lending places (directory entries with their opening hours), a
//! dozen kinds of items, and a hundred items at every step of their life spread over the two
//! places, inserted in a few statements so seeding stays quick. The lent ones are lent at the
//! desk (a made-up name and number), some of them overdue. This year's months before the current
//! one hold a history (returned loans, items washed or repaired back into use, six participants'
//! signed-off hours) so the statistics page has something to show, a few small groups included.

use crate::db::{Db, UtcTime};
use crate::directory::hours::{Interval, OpeningHours};
use crate::directory::{Entry, EntryKind, WayIn};
use crate::identity::{EmailAddress, Role, RoleGrant};
use crate::leisure::store::{self, NewItem, NewType, PastLoan, PastMove, PastWork};
use crate::leisure::{Step, Task};
use chrono::{Datelike, NaiveDate, NaiveTime};
use uuid::Uuid;

/// (slug, name, street, Swedish description, English description).
const PLACES: [(&str, &str, &str, &str, &str); 2] = [
    (
        "fritidsbanken-centrum",
        "Fritidsbanken Centrum",
        "Järnvägsgatan 12",
        "Här lånar du sport- och fritidsutrustning gratis i 14 dagar. Deltagare från arbetsmarknads- och socialförvaltningen sorterar, tvättar och lagar det som skänks.",
        "Borrow sports and leisure equipment free for 14 days. Participants from the labour-market and social services sort, wash and repair what is donated.",
    ),
    (
        "fritidsbanken-drottninghog",
        "Fritidsbanken Drottninghög",
        "Västra Sandgatan 3",
        "Fritidsbankens utlåning på fritidsgården i Drottninghög. Lämna tillbaka här eller på Fritidsbanken Centrum.",
        "The leisure bank's lending at the Drottninghög youth centre. Return here or at Fritidsbanken Centrum.",
    ),
];

/// (category, Swedish name, English name, sizes).
const KINDS: [(&str, &str, &str, &[&str]); 8] = [
    ("winter", "Skridskor", "Ice skates", &["32", "36", "40"]),
    ("winter", "Längdskidor", "Cross-country skis", &["150 cm", "180 cm"]),
    ("winter", "Hjälm", "Helmet", &["S", "M"]),
    ("ball", "Fotboll", "Football", &["4", "5"]),
    ("cycling", "Cykel", "Bicycle", &["20 tum", "26 tum"]),
    ("outdoor", "Tält", "Tent", &["2 personer"]),
    ("water", "Flytväst", "Life jacket", &["barn", "vuxen"]),
    ("games", "Kubbspel", "Kubb set", &[""]),
];

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    if !store::places(db).await?.is_empty() {
        return Ok(());
    }
    let mut place_ids = Vec::new();
    for (slug, name, street, sv, en) in PLACES {
        let mut entry = Entry::blank(true);
        entry.slug = slug.into();
        entry.kind = EntryKind::City;
        entry.name = name.into();
        entry.description_sv = sv.into();
        entry.description_en = Some(en.into());
        entry.street_address = Some(street.into());
        entry.postal_code = Some("252 21".into());
        entry.city = Some("Helsingborg".into());
        entry.way_in = WayIn::DropIn;
        let mut hours = OpeningHours::default();
        for day in [0, 2, 4] {
            hours.weekly[day].push(Interval::new(t(15, 0), t(19, 0)));
        }
        hours.weekly[5].push(Interval::new(t(10, 0), t(14, 0)));
        entry.hours = Some(hours);
        entry.confirmed_at = UtcTime::now();
        let mut tx = db.begin_write().await?;
        crate::directory::store::write_entry(&mut tx, &entry, None).await?;
        store::add_place(&mut tx, entry.id).await?;
        tx.commit().await?;
        place_ids.push(entry.id);
    }
    let mut tx = db.begin_write().await?;
    let mut kinds = Vec::new();
    for (category, name_sv, name_en, sizes) in KINDS {
        for size in sizes {
            kinds.push(store::add_type(&mut tx, &NewType { category, name_sv, name_en, size }).await?);
        }
    }
    // A hundred at every step, kinds and places taken in turn. The lent ones go in as available
    // and are lent at the desk below, so each has its loan.
    let mut items = Vec::new();
    for step in Step::ALL {
        for n in 0..100 {
            items.push(NewItem {
                type_id: kinds[(n + step as usize) % kinds.len()],
                place_id: place_ids[n % place_ids.len()],
                step: if step == Step::Lent { Step::Available } else { step },
                condition: crate::leisure::CONDITIONS[n % 3],
            });
        }
    }
    let inserted = store::insert_items(&mut tx, &items, None).await?;
    let today = crate::stockholm::today();
    let lent_from = Step::ALL.iter().position(|s| *s == Step::Lent).unwrap_or(5) * 100;
    for (n, (id, _)) in inserted[lent_from..lent_from + 100].iter().enumerate() {
        let Some(item) = store::item_in(&mut tx, *id).await? else { continue };
        // A fifth of them lent three weeks ago: overdue at the desk.
        let day = if n % 5 == 0 {
            today - chrono::Days::new(21)
        } else {
            today - chrono::Days::new((n % 10) as u64)
        };
        let phone = format!("070-000 {:02} {:02}", n / 100, n % 100);
        store::lend_at_desk(&mut tx, &item, &format!("Demolåntagare {}", n + 1), &phone, None, day).await?;
    }
    tx.commit().await?;
    let available = Step::ALL.iter().position(|s| *s == Step::Available).unwrap_or(4) * 100;
    seed_history(db, &inserted[available..available + 100]).await
}

/// The participants besides the demo's own (who can log in): enough that a month's hours are not
/// a small group. No password: nobody logs in as them.
const PARTICIPANTS: [(&str, &str); 5] = [
    ("deltagare2@demo.nara.se", "Amir Hassan"),
    ("deltagare3@demo.nara.se", "Lena Persson"),
    ("deltagare4@demo.nara.se", "Johan Nilsson"),
    ("deltagare5@demo.nara.se", "Fatima Ali"),
    ("deltagare6@demo.nara.se", "Eva Sund"),
];

async fn demo_person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// An instant in the afternoon of a day, Stockholm time.
fn afternoon(day: NaiveDate, hour: u32) -> UtcTime {
    let local = day.and_time(t(hour, 0));
    UtcTime(crate::stockholm::to_utc(local).unwrap_or_else(chrono::Utc::now))
}

/// This year's history before the current month, on the available items (`items`).
async fn seed_history(db: &Db, items: &[(Uuid, String)]) -> anyhow::Result<()> {
    let (Some(supervisor), Some(sami)) = (
        demo_person(db, "fritidsbank@demo.nara.se").await?,
        demo_person(db, "deltagare@demo.nara.se").await?,
    ) else {
        return Ok(());
    };
    let mut tx = db.begin_write().await?;
    let mut participants = vec![sami];
    for (email, name) in PARTICIPANTS {
        let new = crate::identity::store::NewPerson {
            display_name: name.into(),
            email: EmailAddress::parse(email),
            email_verified: true,
            personnummer: None,
            password_hash: None,
        };
        let Some(id) = crate::identity::store::create_person(&mut tx, &new).await? else { continue };
        let grant = RoleGrant { role: Role::LeisureParticipant, unit_id: None };
        crate::identity::store::grant_role(&mut tx, id, grant).await?;
        participants.push(id);
    }
    let mut rows = Vec::new();
    for (id, _) in items {
        if let Some(item) = store::item_in(&mut tx, *id).await? {
            rows.push(item);
        }
    }
    let today = crate::stockholm::today();
    let (mut loans, mut moves, mut work) = (Vec::new(), Vec::new(), Vec::new());
    for month in 1..today.month() {
        let Some(first) = NaiveDate::from_ymd_opt(today.year(), month, 1) else { continue };
        let winter = matches!(month, 1 | 2 | 3 | 11 | 12);
        for (n, item) in rows.iter().enumerate() {
            // Winter things in winter, water and cycling in summer; the rest all year round. A
            // few months of a category stay below five loans: hidden as a small group.
            let season = match item.category.as_str() {
                "winter" => winter,
                "water" | "cycling" => (5..=8).contains(&month),
                _ => true,
            };
            let times = if season {
                1 + (n + month as usize) % 2
            } else {
                usize::from((n + month as usize).is_multiple_of(9))
            };
            for k in 0..times {
                let day = first + chrono::Days::new(((n * 3 + k * 11) % 27) as u64);
                loans.push(PastLoan {
                    item: item.id,
                    type_id: item.type_id,
                    place: item.place_id,
                    lent_at: afternoon(day, 16),
                    returned_at: afternoon(day + chrono::Days::new(12), 17),
                });
            }
            // About one in six washed or repaired back into use each month, by a participant.
            if (n + month as usize).is_multiple_of(6) {
                let who = participants[(n / 6 + month as usize) % participants.len()];
                let from = if n % 2 == 0 { Step::Washing } else { Step::Repair };
                let at = afternoon(first + chrono::Days::new((n % 20) as u64), 10);
                moves.push(PastMove {
                    item: item.id,
                    from,
                    to: Step::Available,
                    place: item.place_id,
                    by: Some(who),
                    at,
                });
            }
        }
        // Every participant works most weeks; in July only two do (a small group, hidden).
        let working = if month == 7 { &participants[..2] } else { &participants[..] };
        for (p, person) in working.iter().enumerate() {
            for week in 0..3_u64 {
                let item = &rows[(p * 7 + week as usize * 13 + month as usize) % rows.len()];
                let (task, what) = if week % 2 == 0 {
                    (Task::Sort, "Sorterade det som skänkts.")
                } else {
                    (Task::Wash, "Tvättade utrustning.")
                };
                work.push(PastWork {
                    person: *person,
                    item: item.id,
                    task,
                    minutes: 60 + ((p as i32 * 25 + week as i32 * 40) % 120),
                    what_done: what,
                    at: afternoon(first + chrono::Days::new(week * 7 + p as u64), 13),
                    signed_off_by: supervisor,
                });
            }
        }
    }
    store::insert_history(&mut tx, &loans, &moves, &work).await?;
    tx.commit().await?;
    Ok(())
}
