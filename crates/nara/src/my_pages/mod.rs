//! My pages: a signed-in person's own account, and who has read or changed their data.

pub mod export;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::audit::{AccessLogLine, action_key, role_key};
use crate::i18n::{Locale, format_stockholm};
use crate::web::AppState;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;

#[derive(Template)]
#[template(path = "my_pages/overview.html")]
struct OverviewPage<'a> {
    shell: Shell<'a>,
    name: String,
    email: Option<String>,
}

pub async fn overview(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let person = &ctx.person()?.person;
    let page = OverviewPage {
        shell: ctx.shell(&state),
        name: person.display_name.clone(),
        email: person.email.clone(),
    };
    Ok(render(&page)?.into_response())
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
    pub purpose: Option<String>,
}

impl LogLine {
    fn new(line: AccessLogLine, me: uuid::Uuid, locale: Locale) -> Self {
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
            purpose: line.purpose,
        }
    }
}

#[derive(Template)]
#[template(path = "my_pages/access_log.html")]
struct AccessLogPage<'a> {
    shell: Shell<'a>,
    lines: Vec<LogLine>,
}

/// The person's own access log. Looking at it is not itself logged: it would only fill the log
/// with the person's own visits.
pub async fn access_log(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let lines = state.db.access_log(me, 500).await?;
    let lines = lines.into_iter().map(|l| LogLine::new(l, me, ctx.location.locale)).collect();
    Ok(render(&AccessLogPage { shell: ctx.shell(&state), lines })?.into_response())
}
