//! The demo's leisure bank: two lending places (directory entries with their opening hours), a
//! dozen kinds of items, and a hundred items at every step of their life spread over the two
//! places, inserted in a few statements so seeding stays quick. The lent ones are lent at the
//! desk (a made-up name and number), some of them overdue.

use crate::db::{Db, UtcTime};
use crate::directory::hours::{Interval, OpeningHours};
use crate::directory::{Entry, EntryKind, WayIn};
use crate::leisure::Step;
use crate::leisure::store::{self, NewItem, NewType};
use chrono::NaiveTime;

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
    Ok(())
}
