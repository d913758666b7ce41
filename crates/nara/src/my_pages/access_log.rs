//! The person's own access log: who has read or changed their data, when and why. Refused
//! attempts by others are shown one line a day with a count and without the refused person's
//! name or role: that is for the log reviewers, and one line a day cannot be flooded. The page
//! also shows one person's repeated views of one case on one day as one line with a count (an
//! officer opens a case many times in a working day); the export keeps every line.

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
    /// Boxed: a line carries names and ids, a refused day only a date and a count.
    Line(Box<AccessLogLine>),
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
            entries.push(Entry::Line(Box::new(line)));
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

/// The page's entries with how many times each happened: a person's views of the same case
/// (same role, unit and purpose) on one Stockholm day become one entry, where the day's newest
/// was. Other entries count once (a day's refusals carry their own count).
pub fn group_views(entries: Vec<Entry>) -> Vec<(Entry, i64)> {
    type Key = (NaiveDate, Option<Uuid>, String, Option<String>, String, Option<String>, Option<String>);
    let viewed = Action::CaseViewed.as_str();
    let mut grouped: Vec<(Entry, i64)> = Vec::with_capacity(entries.len());
    let mut seen: HashMap<Key, usize> = HashMap::new();
    for entry in entries {
        let key = match &entry {
            Entry::Line(line) if line.action == viewed && line.actor_id.is_some() => Some((
                stockholm_day(line.at),
                line.actor_id,
                line.actor_role.clone(),
                line.unit_name_sv.clone(),
                line.object_type.clone(),
                line.object_id.clone(),
                line.purpose.clone(),
            )),
            _ => None,
        };
        match key {
            Some(key) => match seen.get(&key).and_then(|&i| grouped.get_mut(i)) {
                Some((_, count)) => *count += 1,
                None => {
                    seen.insert(key, grouped.len());
                    grouped.push((entry, 1));
                }
            },
            None => grouped.push((entry, 1)),
        }
    }
    grouped
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
    /// How many times it happened that day (repeated views of one case); 1 for most lines.
    pub count: i64,
}

impl LogLine {
    fn new(line: AccessLogLine, count: i64, me: Uuid, locale: Locale) -> Self {
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
            count,
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
    let entries = fold_refusals(crate::audit::store::access_log(&state.db, me, LINES_SHOWN).await?);
    let rows = group_views(entries)
        .into_iter()
        .map(|(entry, count)| match entry {
            Entry::Line(line) => Row::Line(LogLine::new(*line, count, me, locale)),
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
            object_type: "case".into(),
            object_id: Some("case_1".into()),
            purpose: Some(crate::audit::purpose::CASE_WORK.into()),
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
        assert_eq!(fold_refusals(lines), vec![refused(3, 3), Entry::Line(Box::new(viewed)), refused(2, 1)]);
    }

    #[test]
    fn days_are_stockholm_days() {
        // 23:30 UTC on 2 December is 00:30 on 3 December in Stockholm.
        let lines = vec![line(Action::AccessDenied, (3, 0, 10)), line(Action::AccessDenied, (2, 23, 30))];
        assert_eq!(fold_refusals(lines), vec![refused(3, 2)]);
    }

    #[test]
    fn one_person_s_views_of_one_case_on_one_day_are_one_line_with_a_count() {
        let newest = line(Action::CaseViewed, (3, 15, 0));
        let officer = newest.actor_id;
        let same = |at| AccessLogLine { actor_id: officer, ..line(Action::CaseViewed, at) };
        let colleague = line(Action::CaseViewed, (3, 14, 0));
        let written = AccessLogLine { actor_id: officer, ..line(Action::JournalEntryWritten, (3, 13, 0)) };
        let entry = AccessLogLine { object_type: "journal_entry".into(), ..same((3, 12, 0)) };
        let entries = [
            newest.clone(),
            colleague.clone(),
            same((3, 13, 30)),
            written.clone(),
            entry.clone(),
            same((3, 9, 0)),
            // 23:30 UTC on 2 December is still 3 December in Stockholm; 22:30 is not.
            same((2, 23, 30)),
            same((2, 22, 30)),
        ]
        .into_iter()
        .map(|line| Entry::Line(Box::new(line)))
        .collect();
        let grouped = group_views(entries);
        let expected = vec![
            (Entry::Line(Box::new(newest)), 4),
            (Entry::Line(Box::new(colleague)), 1),
            (Entry::Line(Box::new(written)), 1),
            (Entry::Line(Box::new(entry)), 1),
            (Entry::Line(Box::new(same((2, 22, 30)))), 1),
        ];
        assert_eq!(grouped, expected);
        // Refusals keep their own fold and are never merged into a view.
        let refusals = fold_refusals(vec![line(Action::AccessDenied, (3, 9, 0))]);
        assert_eq!(group_views(refusals), vec![(refused(3, 1), 1)]);
    }

    #[test]
    fn nothing_of_who_was_refused_survives_the_fold() {
        let folded = format!("{:?}", fold_refusals(vec![line(Action::AccessDenied, (3, 9, 0))]));
        assert!(!folded.contains("Bertil") && !folded.contains("resident"), "{folded}");
    }
}
