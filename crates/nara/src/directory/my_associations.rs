//! `/forening`, "Mina föreningar": the entries a person represents (or has asked to), each with
//! its yearly confirmation and when it is due. Where an association representative starts after
//! log-in; the editing and confirming themselves are in `stewards`.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

use super::{Confirmation, confirmation, confirmation_due, store};
use crate::i18n::format_stockholm;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// A line of "my associations".
pub struct MineLine {
    pub name: String,
    pub href: String,
    pub edit_href: Option<String>,
    /// The association's grant applications (`/forening/{slug}/bidrag`), for approved representatives.
    pub grants_href: Option<String>,
    pub confirm_action: Option<String>,
    pub pending: bool,
    pub published: bool,
    pub confirmed: String,
    /// The last day of the current confirmation (`2027-03-01`).
    pub due: String,
    pub confirmation: Confirmation,
}

impl MineLine {
    /// The catalogue key that says when the next confirmation is due.
    pub fn due_key(&self) -> &'static str {
        match self.confirmation {
            Confirmation::InGoodTime => "mine-confirm-by",
            Confirmation::DueSoon => "mine-confirm-due-soon",
            Confirmation::Overdue => "mine-confirm-overdue",
        }
    }

    /// Whether the confirmation asks for the representative's attention now.
    pub fn due_now(&self) -> bool {
        self.confirmation != Confirmation::InGoodTime
    }
}

#[derive(Template)]
#[template(path = "directory/mine.html")]
struct MinePage<'a> {
    shell: Shell<'a>,
    lines: Vec<MineLine>,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MineParams {
    #[serde(default)]
    sparad: String,
}

/// The date part of a Stockholm time (`2026-12-05`).
fn date(at: chrono::DateTime<Utc>) -> String {
    format_stockholm(crate::db::UtcTime(at)).chars().take(10).collect()
}

/// `GET /forening`: the associations this person represents or has asked to.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    crate::web::form::Query(params): crate::web::form::Query<MineParams>,
) -> Result<Response, AppError> {
    let person = ctx.person()?.person.id;
    let links = store::represented_by(&state.db, person).await?;
    let ids: Vec<Uuid> = links.iter().map(|(id, _)| *id).collect();
    let now = Utc::now();
    let mut lines: Vec<MineLine> = store::entries_by_ids(&state.db, &ids)
        .await?
        .into_iter()
        .map(|entry| {
            let approved = links.iter().any(|(id, status)| *id == entry.id && status == "approved");
            MineLine {
                href: ctx.href(&format!("/stod/{}", entry.slug)),
                edit_href: approved.then(|| ctx.href(&format!("/forening/{}/redigera", entry.slug))),
                grants_href: approved.then(|| ctx.href(&format!("/forening/{}/bidrag", entry.slug))),
                confirm_action: approved.then(|| ctx.href(&format!("/forening/{}/bekrafta", entry.slug))),
                pending: !approved,
                published: entry.published,
                confirmed: date(entry.confirmed_at.0),
                due: date(confirmation_due(entry.confirmed_at)),
                confirmation: confirmation(entry.confirmed_at, now),
                name: entry.name,
            }
        })
        .collect();
    // What needs confirming first, then by name.
    lines.sort_by(|a, b| (!a.due_now(), &a.name).cmp(&(!b.due_now(), &b.name)));
    let notice = match params.sparad.as_str() {
        "saved" => Some("mine-notice-saved"),
        "review" => Some("mine-notice-review"),
        "confirmed" => Some("mine-notice-confirmed"),
        "requested" => Some("mine-notice-requested"),
        "registered" => Some("mine-notice-registered"),
        "referral" => Some("mine-notice-referral"),
        "referral-review" => Some("mine-notice-referral-review"),
        _ => None,
    };
    let shell = ctx.shell(&state);
    let notice = notice.map(|key| shell.t(key));
    Ok(render(&MinePage { shell, lines, notice })?.into_response())
}
