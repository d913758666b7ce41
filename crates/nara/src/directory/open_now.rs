//! What a visitor is told about opening hours now ("Öppet nu, stänger 16:00"), for every page
//! that shows a directory entry's hours (the directory's own, the leisure bank's lending places).

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Europe::Stockholm;

use super::OpenStatus;
use crate::web::shell::Shell;

/// "Öppet nu, stänger 16:00", "Stängt, öppnar måndag 08:00", or that the hours are not known.
pub fn status_text(shell: &Shell, status: Option<OpenStatus>, now: DateTime<Utc>) -> String {
    match status {
        None => shell.t("directory-hours-unknown"),
        Some(OpenStatus::AlwaysOpen) => shell.t("directory-open-always"),
        Some(OpenStatus::Closed) => shell.t("directory-closed"),
        Some(OpenStatus::OpenUntil(at)) => shell.t1("directory-open-until", "when", &when(shell, at, now)),
        Some(OpenStatus::OpensAt(at)) => shell.t1("directory-opens-at", "when", &when(shell, at, now)),
    }
}

/// A coming instant as a person says it: "16:00" today, "i morgon 08:00", "måndag 08:00", or the
/// date when it is more than a week away.
fn when(shell: &Shell, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let at = at.with_timezone(&Stockholm);
    let today = now.with_timezone(&Stockholm).date_naive();
    let time = at.format("%H:%M").to_string();
    let days = (at.date_naive() - today).num_days();
    match days {
        0 => shell.t1("directory-today", "time", &time),
        1 => shell.t1("directory-tomorrow", "time", &time),
        2..=6 => {
            format!("{} {time}", shell.t(&format!("directory-weekday-{}", at.weekday().number_from_monday())))
        }
        _ => format!("{} {time}", at.format("%Y-%m-%d")),
    }
}
