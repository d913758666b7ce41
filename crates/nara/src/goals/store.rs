//! Where the goals' counts come from. The goals keep no table of their own: they read aggregates
//! from the cases' placements and youth sentences, the directory's usage counts and the surveys'
//! anonymous answers.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Granularity, UnitCount};
use crate::db::Db;

/// The usefulness question's answers per unit and ISO week (`period` is the week, `hits` the
/// answers "yes", `total` all answers) for the weeks `from_week ..= to_week`: the surveys' counts
/// per unit and week (kept with each answer), remembered until an answer comes.
pub async fn usefulness_source(
    db: &Db,
    from_week: &str,
    to_week: &str,
) -> anyhow::Result<std::sync::Arc<Vec<UnitCount>>> {
    db.remembered("goals::usefulness", format!("{from_week}/{to_week}"), || async move {
        let counts = crate::surveys::store::usefulness_counts(db, from_week, to_week).await?;
        Ok(counts
            .into_iter()
            .map(|c| UnitCount { unit_id: c.unit_id, period: c.week, hits: c.useful, total: c.answered })
            .collect())
    })
    .await
}

/// The newest free-text answers to the usefulness survey from a unit in the weeks
/// `from_week ..= to_week` (already scrubbed of names and numbers when stored). Called only for
/// units whose figure is shown (`goals::free_text_units`).
pub async fn usefulness_free_texts(
    db: &Db,
    unit_id: Uuid,
    from_week: &str,
    to_week: &str,
) -> anyhow::Result<std::sync::Arc<Vec<String>>> {
    let key = format!("{unit_id}/{from_week}/{to_week}");
    db.remembered("goals::usefulness_free_texts", key, || async move {
        let survey = crate::surveys::USEFULNESS;
        let texts = crate::surveys::store::free_texts(db, survey, unit_id, from_week, to_week).await?;
        Ok(texts.into_iter().map(|t| t.text).collect())
    })
    .await
}

/// Every goal's counts over the days `[from, to)`, in periods of `granularity`.
pub struct Counts {
    pub usefulness: Vec<UnitCount>,
    pub foster_home: Vec<UnitCount>,
    pub youth_sentences: Vec<UnitCount>,
    pub usage: Vec<crate::directory::CountsWeek>,
}

pub async fn counts(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    granularity: Granularity,
) -> anyhow::Result<Counts> {
    let last_day = to.pred_opt().unwrap_or(to);
    let (from_week, to_week) = (crate::directory::iso_week(from), crate::directory::iso_week(last_day));
    let weekly = usefulness_source(db, &from_week, &to_week).await?;
    let usage = crate::directory::store::directory_counts_since(db, from).await?;
    // The record's counts are read once per year, period length and day, and kept until a
    // placement or sentence changes (both tables are watched): reading every placement of a year
    // on each request would not bear the dashboard's load. What is kept is counts per unit and
    // period, nothing about a person. (The cases read for their unit never change unit.)
    let key = format!("{from}/{to}/{today}/{}", granularity.as_str());
    let record = db
        .remembered("goals::record_counts", key, || async move {
            let starts = crate::cases::placements::store::emergency_starts(db, from, to).await?;
            let ended = crate::cases::placements::store::ended_sentences(db, from, to).await?;
            Ok((
                super::foster_home_counts(&starts, today, granularity),
                super::sentence_counts(&ended, granularity),
            ))
        })
        .await?;
    Ok(Counts {
        usefulness: super::regroup(&weekly, granularity),
        foster_home: record.0.clone(),
        youth_sentences: record.1.clone(),
        usage,
    })
}
