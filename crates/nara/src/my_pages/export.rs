//! Everything Nära holds about the signed-in person that they may see, in one place: as a page
//! to read or print, and as JSON to take elsewhere. It is gathered once (`gather`) so the two
//! can never disagree; what is withheld from the resident is left out of both, as on the case
//! pages. Downloading is written to the person's own access log.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use uuid::Uuid;

use super::access_log::{Entry, RefusedDay, fold_refusals};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Db, UtcTime};
use crate::events::store;
use crate::i18n::{Locale, format_stockholm};
use crate::policy::CaseRole;
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

#[derive(Debug, Serialize)]
pub struct Export {
    pub generated_at: UtcTime,
    pub person: PersonData,
    pub cases: Vec<CaseData>,
    pub applications: Vec<ApplicationData>,
    pub event_registrations: Vec<RegistrationData>,
    pub access_log: Vec<LogData>,
    /// Others' refused attempts, a count a day and no one named (as on the access log page).
    pub refused_attempts: Vec<RefusedDay>,
}

#[derive(Debug, Serialize)]
pub struct PersonData {
    pub name: String,
    pub email: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CaseData {
    pub title: String,
    pub status: String,
    #[serde(skip)]
    pub status_key: &'static str,
    pub opened_at: UtcTime,
    pub contact_person: Option<String>,
    pub timeline: Vec<StatusData>,
    pub journal: Vec<EntryData>,
    pub my_additions: Vec<AdditionData>,
    pub messages: Vec<MessageData>,
    pub meetings: Vec<MeetingData>,
}

#[derive(Debug, Serialize)]
pub struct StatusData {
    pub status: String,
    #[serde(skip)]
    pub status_key: &'static str,
    pub note: Option<String>,
    pub at: UtcTime,
}

#[derive(Debug, Serialize)]
pub struct EntryData {
    pub written_at: UtcTime,
    /// Every version shared with the person, oldest first.
    pub versions: Vec<VersionData>,
}

#[derive(Debug, Serialize)]
pub struct VersionData {
    pub version: i32,
    pub text: String,
    pub written_by: String,
    pub written_at: UtcTime,
}

#[derive(Debug, Serialize)]
pub struct AdditionData {
    pub text: String,
    pub says_entry_is_wrong: bool,
    pub added_at: UtcTime,
}

#[derive(Debug, Serialize)]
pub struct MessageData {
    pub from: String,
    pub text: String,
    pub sent_at: UtcTime,
    /// The names of the files sent with it (the files themselves open from the case page).
    pub attachments: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct MeetingData {
    pub starts_at: UtcTime,
    pub ends_at: UtcTime,
    pub how: String,
    pub status: String,
    pub reference: String,
}

/// An application, sent or not, with the answers that count (those of questions that apply).
#[derive(Debug, Serialize)]
pub struct ApplicationData {
    pub form: String,
    pub sent: bool,
    pub started_at: UtcTime,
    pub sent_at: Option<UtcTime>,
    pub answers: Vec<AnswerData>,
    pub attachments: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AnswerData {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Serialize)]
pub struct RegistrationData {
    pub event: String,
    pub starts_at: UtcTime,
}

#[derive(Debug, Serialize)]
pub struct LogData {
    pub at: UtcTime,
    pub who: Option<String>,
    pub role: String,
    pub action: String,
    pub purpose: Option<String>,
}

/// Everything about `person` that they may see.
pub async fn gather(db: &Db, person: Uuid) -> anyhow::Result<Export> {
    let me =
        crate::identity::store::person(db, person).await?.ok_or_else(|| anyhow::anyhow!("no such person"))?;
    let mut cases = Vec::new();
    for summary in crate::cases::store::cases_of_resident(db, person).await? {
        let Some(case) = crate::cases::store::case(db, summary.id).await? else { continue };
        let contact_person = match case.officer_id {
            Some(officer) => crate::identity::store::person(db, officer).await?.map(|p| p.display_name),
            None => None,
        };
        let journal = crate::cases::store::journal(db, case.id)
            .await?
            .iter()
            .filter_map(|entry| entry.seen_as(CaseRole::Resident))
            .map(|entry| EntryData {
                written_at: entry.written_at,
                versions: entry
                    .versions
                    .into_iter()
                    .map(|v| VersionData {
                        version: v.version,
                        text: v.body,
                        written_by: v.written_by_name,
                        written_at: v.written_at,
                    })
                    .collect(),
            })
            .collect();
        cases.push(CaseData {
            title: case.title.clone(),
            status: case.status.kind().as_str().to_string(),
            status_key: case.status.kind().label_key(),
            opened_at: case.opened_at,
            contact_person,
            timeline: crate::cases::store::status_changes(db, case.id)
                .await?
                .into_iter()
                .map(|c| StatusData {
                    status_key: c.kind().label_key(),
                    status: c.status,
                    note: c.note,
                    at: c.changed_at,
                })
                .collect(),
            journal,
            my_additions: crate::cases::store::additions(db, case.id)
                .await?
                .into_iter()
                .map(|a| AdditionData { text: a.body, says_entry_is_wrong: a.disputes, added_at: a.added_at })
                .collect(),
            messages: crate::cases::store::case_messages(db, case.id)
                .await?
                .into_iter()
                .map(|m| MessageData {
                    from: m.sender_name,
                    text: m.body,
                    sent_at: m.sent_at,
                    attachments: m.files.into_iter().map(|f| f.file_name).collect(),
                })
                .collect(),
            meetings: crate::bookings::store::bookings_of_case(db, case.id)
                .await?
                .into_iter()
                .map(|b| MeetingData {
                    starts_at: b.starts_at,
                    ends_at: b.ends_at,
                    how: b.mode.clone(),
                    status: b.status.clone(),
                    reference: b.reference,
                })
                .collect(),
        });
    }
    let mut applications = Vec::new();
    for application in crate::applications::store::applications_of_resident(db, person).await? {
        let form = crate::applications::definition_of(&application.definition)?;
        let answers = crate::applications::answers::applying_answers(&form, &application.answers()?);
        applications.push(ApplicationData {
            form: form.title.sv.clone(),
            sent: !application.is_draft(),
            started_at: application.created_at,
            sent_at: application.submitted_at,
            answers: form
                .questions()
                .filter_map(|q| {
                    let answer = answers.get(&q.id)?;
                    let text = crate::applications::answers::display(q, answer, Locale::SV, "Ja", "Nej");
                    Some(AnswerData { question: q.label.sv.clone(), answer: text })
                })
                .collect(),
            attachments: crate::applications::store::application_files(db.sql(), application.id)
                .await?
                .into_iter()
                .map(|f| f.file_name)
                .collect(),
        });
    }
    let mut titles: HashMap<Uuid, String> = HashMap::new();
    let mut event_registrations = Vec::new();
    for occurrence in store::occurrences_registered_by(db, person).await? {
        if !titles.contains_key(&occurrence.series_id)
            && let Some(series) = store::series(db, occurrence.series_id).await?
        {
            titles.insert(series.id, series.title_sv);
        }
        event_registrations.push(RegistrationData {
            event: titles.get(&occurrence.series_id).cloned().unwrap_or_default(),
            starts_at: occurrence.starts_at,
        });
    }
    let (mut access_log, mut refused_attempts) = (Vec::new(), Vec::new());
    for entry in fold_refusals(crate::audit::store::access_log(db, person, 10_000).await?) {
        match entry {
            Entry::Line(l) => access_log.push(LogData {
                at: l.at,
                who: l.actor_name,
                role: l.actor_role,
                action: l.action,
                purpose: l.purpose,
            }),
            Entry::Refused(day) => refused_attempts.push(day),
        }
    }
    Ok(Export {
        generated_at: UtcTime::now(),
        person: PersonData { name: me.display_name, email: me.email },
        cases,
        applications,
        event_registrations,
        access_log,
        refused_attempts,
    })
}

async fn audited_gather(state: &AppState, ctx: &PageContext) -> Result<Export, AppError> {
    let me = ctx.person()?.person.id;
    let export = gather(&state.db, me).await?;
    let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::OwnDataDownloaded, "person")
        .object(me)
        .subject(me)
        .purpose(crate::audit::purpose::OWN_DATA_REQUEST)
        .request(ctx.request_id.clone());
    crate::audit::store::record(&state.db, &event).await?;
    Ok(export)
}

#[derive(Template)]
#[template(path = "my_pages/export.html")]
struct ExportPage<'a> {
    shell: Shell<'a>,
    export: Export,
}

impl ExportPage<'_> {
    fn time(&self, time: &UtcTime) -> String {
        format_stockholm(*time)
    }

    fn refused_total(&self) -> i64 {
        self.export.refused_attempts.iter().map(|day| day.count).sum()
    }
}

/// `GET /mina-sidor/mina-uppgifter`: the printable page.
pub async fn page(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let export = audited_gather(&state, &ctx).await?;
    Ok(render(&ExportPage { shell: ctx.shell(&state), export })?.into_response())
}

/// `GET /mina-sidor/mina-uppgifter.json`: the same, as a file.
pub async fn json(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let export = audited_gather(&state, &ctx).await?;
    let body = serde_json::to_vec_pretty(&export).map_err(anyhow::Error::from)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"mina-uppgifter.json\""),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}
