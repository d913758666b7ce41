//! The log reviewers' pages: search and filter the audit log, and export it as CSV. Searching
//! for a person's entries is itself a read of their data, so it is logged too.

use crate::web::form::Form;
use crate::web::form::Query;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::{Action, AuditActor, AuditEvent, AuditFilter, AuditSearchLine, action_key, role_key, store};
use crate::formats::csv;
use crate::i18n::{format_stockholm, stockholm_day_start};
use crate::identity::EmailAddress;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

const LIMIT: i64 = 1000;

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    vem: String,
    #[serde(default)]
    vems: String,
    #[serde(default)]
    handelse: String,
    #[serde(default)]
    fran: String,
    #[serde(default)]
    till: String,
}

/// A person named in a search box: an e-mail address or a personnummer.
async fn find_person(state: &AppState, text: &str) -> anyhow::Result<Option<Uuid>> {
    if let Ok(number) = se_ids::PersonalIdentityNumber::parse(text) {
        return Ok(crate::identity::store::person_by_personnummer(&state.db, &number.digits12())
            .await?
            .map(|p| p.id));
    }
    match EmailAddress::parse(text) {
        Some(email) => {
            Ok(crate::identity::store::person_by_email(&state.db, &email).await?.map(|(p, _)| p.id))
        }
        None => Ok(None),
    }
}

/// The filter a query asks for; `None` when it names a person who does not exist.
async fn filter(state: &AppState, query: &SearchQuery) -> anyhow::Result<Option<AuditFilter>> {
    let mut filter = AuditFilter::default();
    for (text, slot) in [(&query.vem, &mut filter.actor_id), (&query.vems, &mut filter.subject_id)] {
        if !text.trim().is_empty() {
            match find_person(state, text.trim()).await? {
                Some(id) => *slot = Some(id),
                None => return Ok(None),
            }
        }
    }
    filter.action = Action::parse(&query.handelse).map(|a| a.as_str().to_string());
    let date = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    filter.from = date(&query.fran).and_then(stockholm_day_start);
    filter.until = date(&query.till).and_then(|d| d.succ_opt()).and_then(stockholm_day_start);
    Ok(Some(filter))
}

async fn record(
    state: &AppState,
    ctx: &PageContext,
    action: Action,
    filter: &AuditFilter,
) -> anyhow::Result<()> {
    let mut event = AuditEvent::new(AuditActor::of(&ctx.current.actor), action, "audit_log")
        .purpose(super::purpose::LOG_REVIEW)
        .request(ctx.request_id.clone());
    if let Some(subject) = filter.subject_id {
        event = event.subject(subject);
    }
    store::record(&state.db, &event).await?;
    Ok(())
}

pub struct ActionOption {
    pub value: &'static str,
    pub key: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "audit/review.html")]
struct ReviewPage<'a> {
    shell: Shell<'a>,
    query: SearchQuery,
    actions: Vec<ActionOption>,
    searched: bool,
    person_missing: bool,
    lines: Vec<ReviewLine>,
    csv_action: String,
}

/// A result line with the catalogue keys that name its role and action.
pub struct ReviewLine {
    pub when: String,
    pub role_key: String,
    pub action_key: String,
    pub line: AuditSearchLine,
}

/// What a link to the log may filter by: an event and dates, never a person (a link ends up
/// in e-mail, browser history and proxy logs). The notice of repeated refusals links this way.
#[derive(Debug, Default, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    handelse: String,
    #[serde(default)]
    fran: String,
    #[serde(default)]
    till: String,
}

/// `GET /granskning/logg`: the search form, and the search a link names, if any.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(link): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let query =
        SearchQuery { handelse: link.handelse, fran: link.fran, till: link.till, ..SearchQuery::default() };
    if [&query.handelse, &query.fran, &query.till].iter().all(|text| text.trim().is_empty()) {
        let page = review_page(&state, &ctx, query, None);
        return Ok(render(&page)?.into_response());
    }
    answer(&state, &ctx, query).await
}

fn review_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    query: SearchQuery,
    results: Option<Result<Vec<ReviewLine>, ()>>,
) -> ReviewPage<'a> {
    let actions = Action::ALL
        .iter()
        .map(|a| ActionOption {
            value: a.as_str(),
            key: action_key(a.as_str()),
            selected: query.handelse == a.as_str(),
        })
        .collect();
    let (searched, person_missing, lines) = match results {
        None => (false, false, Vec::new()),
        Some(Err(())) => (true, true, Vec::new()),
        Some(Ok(lines)) => (true, false, lines),
    };
    ReviewPage {
        shell: ctx.shell(state),
        query,
        actions,
        searched,
        person_missing,
        lines,
        csv_action: ctx.href("/granskning/logg.csv"),
    }
}

/// `POST /granskning/logg`: a search. A form post, not a query string, because the search may
/// name a person by personnummer, which must not end up in proxy logs or browser history.
pub async fn search(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(query): Form<SearchQuery>,
) -> Result<Response, AppError> {
    answer(&state, &ctx, query).await
}

/// The page with the results of a search (which is itself logged).
async fn answer(state: &AppState, ctx: &PageContext, query: SearchQuery) -> Result<Response, AppError> {
    let results = match filter(state, &query).await? {
        Some(filter) => {
            record(state, ctx, Action::AuditLogSearched, &filter).await?;
            let lines = store::search(&state.db, &filter, LIMIT).await?;
            Ok(lines
                .into_iter()
                .map(|line| ReviewLine {
                    when: format_stockholm(line.at),
                    role_key: role_key(&line.actor_role),
                    action_key: action_key(&line.action),
                    line,
                })
                .collect())
        }
        None => {
            // Asking whether someone is in the system is itself a question about them.
            let event =
                AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::AuditLogSearched, "audit_log")
                    .purpose(super::purpose::LOG_REVIEW_NO_MATCH)
                    .request(ctx.request_id.clone());
            store::record(&state.db, &event).await?;
            Err(())
        }
    };
    let page = review_page(state, ctx, query, Some(results));
    Ok(render(&page)?.into_response())
}

/// `POST /granskning/logg.csv`: the same search as a spreadsheet.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(query): Form<SearchQuery>,
) -> Result<Response, AppError> {
    let lines = match filter(&state, &query).await? {
        Some(filter) => {
            record(&state, &ctx, Action::AuditLogExported, &filter).await?;
            store::search(&state.db, &filter, i64::MAX).await?
        }
        None => Vec::new(),
    };
    let header = [
        "nr",
        "tid",
        "vem",
        "roll",
        "enhet",
        "händelse",
        "objekt",
        "objekt-id",
        "vems uppgifter",
        "syfte",
        "förfrågan",
    ];
    let rows = lines.into_iter().map(|l| {
        vec![
            l.seq.to_string(),
            format_stockholm(l.at),
            l.actor_name.unwrap_or_default(),
            l.actor_role,
            l.unit_name_sv.unwrap_or_default(),
            l.action,
            l.object_type,
            l.object_id.unwrap_or_default(),
            l.subject_name.unwrap_or_default(),
            l.purpose.unwrap_or_default(),
            l.request_id.unwrap_or_default(),
        ]
    });
    let body = csv::write(&header, rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"granskningslogg.csv\""),
        ],
        body,
    )
        .into_response())
}
