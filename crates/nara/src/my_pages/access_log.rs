//! The person's own access log: who has read or changed their data, when and why. Refused
//! attempts by others are shown one line a day with a count and without the refused person's
//! name or role: that is for the log reviewers, and one line a day cannot be flooded.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use chrono_tz::Europe::Stockholm;
use uuid::Uuid;

use crate::audit::{AccessLogLine, Action, action_key, role_key};
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// How many lines of reading and changing the page shows.
const LINES_SHOWN: i64 = 500;

/// A line of the log, or a day's refused attempts.
#[derive(Debug, PartialEq, Eq)]
pub enum Entry {
    Line(AccessLogLine),
    Refused(RefusedDay),
}

/// Someone was refused this person's data this many times on this (Stockholm) day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RefusedDay {
    pub day: NaiveDate,
    pub count: i64,
}

/// The log newest first, each day's refusals folded into one entry where the day's newest was.
/// Whatever a refusal line carries about who it was is dropped here.
pub fn fold_refusals(lines: Vec<AccessLogLine>) -> Vec<Entry> {
    let denied = Action::AccessDenied.as_str();
    let mut entries = Vec::with_capacity(lines.len());
    let mut day_at: HashMap<NaiveDate, usize> = HashMap::new();
    for line in lines {
        if line.action != denied {
            entries.push(Entry::Line(line));
            continue;
        }
        let day = stockholm_day(line.at);
        match day_at.get(&day).and_then(|&i| entries.get_mut(i)) {
            Some(Entry::Refused(refused)) => refused.count += 1,
            _ => {
                day_at.insert(day, entries.len());
                entries.push(Entry::Refused(RefusedDay { day, count: 1 }));
            }
        }
    }
    entries
}

fn stockholm_day(time: UtcTime) -> NaiveDate {
    time.0.with_timezone(&Stockholm).date_naive()
}

/// One line of the access log as the page shows it.
pub struct LogLine {
    pub when: String,
    /// The catalogue key for who, when it is not a named person (`you`, `system`, `anonymous`).
    pub who_key: Option<&'static str>,
    pub who_name: String,
    pub role_key: String,
    pub unit: Option<String>,
    pub action_key: String,
    /// The purpose's catalogue key when it is one the code records, else its stored text.
    pub purpose_key: Option<&'static str>,
    pub purpose: Option<String>,
}

impl LogLine {
    fn new(line: AccessLogLine, me: Uuid, locale: Locale) -> Self {
        let who_key = match (line.actor_id, line.actor_role.as_str()) {
            (Some(id), _) if id == me => Some("log-who-you"),
            (None, "system") => Some("log-who-system"),
            (None, _) => Some("log-who-anonymous"),
            _ => None,
        };
        let unit = if locale == Locale::EN { line.unit_name_en } else { line.unit_name_sv };
        Self {
            when: format_stockholm(line.at),
            who_key,
            who_name: line.actor_name.unwrap_or_default(),
            role_key: role_key(&line.actor_role),
            unit,
            action_key: action_key(&line.action),
            purpose_key: line.purpose.as_deref().and_then(crate::audit::purpose::key),
            purpose: line.purpose,
        }
    }
}

/// A row of the page's table.
pub enum Row {
    Line(LogLine),
    Refused { day: String, count: i64 },
}

#[derive(Template)]
#[template(path = "my_pages/access_log.html")]
struct AccessLogPage<'a> {
    shell: Shell<'a>,
    rows: Vec<Row>,
}

/// `GET /mina-sidor/logg`. Looking at it is not itself logged: it would only fill the log with
/// the person's own visits.
pub async fn access_log(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let locale = ctx.location.locale;
    let rows = fold_refusals(crate::audit::store::access_log(&state.db, me, LINES_SHOWN).await?)
        .into_iter()
        .map(|entry| match entry {
            Entry::Line(line) => Row::Line(LogLine::new(line, me, locale)),
            Entry::Refused(refused) => Row::Refused { day: refused.day.to_string(), count: refused.count },
        })
        .collect();
    Ok(render(&AccessLogPage { shell: ctx.shell(&state), rows })?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn line(action: Action, at: (u32, u32, u32)) -> AccessLogLine {
        let (day, hour, minute) = at;
        AccessLogLine {
            at: UtcTime(Utc.with_ymd_and_hms(2026, 12, day, hour, minute, 0).unwrap()),
            actor_id: Some(Uuid::new_v4()),
            actor_name: Some("Bertil".into()),
            actor_role: "resident".into(),
            unit_name_sv: None,
            unit_name_en: None,
            action: action.as_str().into(),
            purpose: None,
        }
    }

    fn refused(day: u32, count: i64) -> Entry {
        Entry::Refused(RefusedDay { day: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(), count })
    }

    #[test]
    fn refusals_fold_into_one_entry_a_day_where_the_days_newest_was() {
        let viewed = line(Action::CaseViewed, (3, 12, 0));
        let lines = vec![
            line(Action::AccessDenied, (3, 15, 0)),
            viewed.clone(),
            line(Action::AccessDenied, (3, 9, 0)),
            line(Action::AccessDenied, (3, 8, 0)),
            line(Action::AccessDenied, (2, 10, 0)),
        ];
        assert_eq!(fold_refusals(lines), vec![refused(3, 3), Entry::Line(viewed), refused(2, 1)]);
    }

    #[test]
    fn days_are_stockholm_days() {
        // 23:30 UTC on 2 December is 00:30 on 3 December in Stockholm.
        let lines = vec![line(Action::AccessDenied, (3, 0, 10)), line(Action::AccessDenied, (2, 23, 30))];
        assert_eq!(fold_refusals(lines), vec![refused(3, 2)]);
    }

    #[test]
    fn nothing_of_who_was_refused_survives_the_fold() {
        let folded = format!("{:?}", fold_refusals(vec![line(Action::AccessDenied, (3, 9, 0))]));
        assert!(!folded.contains("Bertil") && !folded.contains("resident"), "{folded}");
    }
}
