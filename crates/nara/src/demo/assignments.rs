//! The demo's paid assignments: one for each of the two demo reporters, with some hours logged in
//! the last days and one day approved by the coordinator, and the reporters' payroll numbers.

use chrono::{Datelike, Days, Months};

use crate::assignments::Kind;
use crate::assignments::store::{self, NewAssignment};
use crate::db::Db;
use crate::identity::EmailAddress;

use super::reporters::{COORDINATOR, REPORTER, REPORTER2};

/// (reporter, description, payroll number, hours as (days ago, quarters, note, approved))
type DemoAssignment = (&'static str, &'static str, &'static str, &'static [(u64, i64, &'static str, bool)]);

const ASSIGNMENTS: &[DemoAssignment] = &[
    (
        REPORTER,
        "Artikelserie om att söka stöd första gången",
        "L-10412",
        &[(9, 12, "Intervju på Fontänhuset och utskrift", true), (3, 10, "Skrev första utkastet", false)],
    ),
    (
        REPORTER2,
        "Intervjuer med föreningar om fritid",
        "L-10587",
        &[(2, 6, "Intervju med en förening", false)],
    ),
];

async fn person(db: &Db, email: &str) -> anyhow::Result<uuid::Uuid> {
    let address = EmailAddress::parse(email).ok_or_else(|| anyhow::anyhow!("demo address {email}"))?;
    let found = crate::identity::store::person_by_email(db, &address).await?;
    Ok(found.ok_or_else(|| anyhow::anyhow!("{email} is seeded before the assignments"))?.0.id)
}

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let coordinator = person(db, COORDINATOR).await?;
    let today = crate::stockholm::today();
    // From the first of last month to the end of next month: the hours below always fall inside.
    let first = today.with_day(1).and_then(|d| d.checked_sub_months(Months::new(1))).unwrap_or(today);
    let last = first.checked_add_months(Months::new(3)).and_then(|d| d.pred_opt()).unwrap_or(today);
    for (email, description, payroll_id, hours) in ASSIGNMENTS {
        let who = person(db, email).await?;
        if !store::assignments_of(db, who).await?.is_empty() {
            continue;
        }
        let new = NewAssignment {
            person_id: who,
            kind: Kind::Article,
            description: description.to_string(),
            hourly_rate_ore: 150 * 100,
            starts_on: first,
            ends_on: last,
        };
        let mut tx = db.begin_write().await?;
        let id = store::create(&mut tx, &new, coordinator).await?;
        store::set_payroll_id(&mut tx, who, payroll_id).await?;
        for (days_ago, quarters, note, approved) in *hours {
            let day = today.checked_sub_days(Days::new(*days_ago)).unwrap_or(today);
            store::log_hours(&mut tx, id, day, *quarters, note).await?;
            if *approved {
                store::approve_hours(&mut tx, id, day, coordinator).await?;
            }
        }
        tx.commit().await?;
    }
    Ok(())
}
