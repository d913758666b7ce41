//! The resident's own cases under My pages: where each case is and what happens next, the named
//! contact person, the shared record with its history, adding to the record, and messages.
//! A case is shown only to its resident (through the policy module); for anyone else it does
//! not exist, and the attempt is written to the audit log.

use crate::web::form::{self, Form, Query};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::access::own_case;
use super::contact::PhoneHours;
use super::store;
use super::view::{AdditionView, EntryView, MessageView, StatusView, TimelineStep, format_date};
use super::{Case, MAX_TEXT_CHARS};
use crate::applications::files;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::Db;
use crate::i18n::{Locale, format_stockholm};
use crate::identity::Role;
use crate::policy::CaseRole;
use crate::web::errors::{AppError, render};
use crate::web::form::bounded_text;
use crate::web::form::{FormErrors, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why the resident's own additions are written to their log.
const PURPOSE_OWN: &str = crate::audit::purpose::OWN_CASE_ADDITION;

fn case_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/mina-sidor/arenden/{id}"))
}

/// A case in the resident's list.
pub struct CaseLine {
    pub href: String,
    pub title: String,
    pub label_key: &'static str,
    pub tag_class: &'static str,
    pub due: Option<String>,
    pub unit: String,
    pub contact: Option<String>,
    pub opened: String,
    pub unread: i64,
}

#[derive(Template)]
#[template(path = "cases/my_cases.html")]
struct MyCasesPage<'a> {
    shell: Shell<'a>,
    open: Vec<CaseLine>,
    closed: Vec<CaseLine>,
}

/// `GET /mina-sidor/arenden`: the person's own cases.
pub async fn my_cases(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let locale = ctx.location.locale;
    let (mut open, mut closed) = (Vec::new(), Vec::new());
    for case in store::cases_of_resident(&state.db, me).await? {
        let kind = case.kind();
        let line = CaseLine {
            href: case_href(&ctx, case.id),
            title: case.title,
            label_key: kind.label_key(),
            tag_class: kind.tag_class(),
            due: case.status_due_on.map(format_date),
            unit: if locale == crate::i18n::Locale::EN { case.unit_name_en } else { case.unit_name_sv },
            contact: case.officer_name,
            opened: format_stockholm(case.opened_at),
            unread: case.unread,
        };
        if kind == super::StatusKind::Closed { closed.push(line) } else { open.push(line) }
    }
    Ok(render(&MyCasesPage { shell: ctx.shell(&state), open, closed })?.into_response())
}

/// The contact person as the resident sees them: a name and how to reach them, no photo.
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<PhoneBox>,
}

/// The contact person's telephone, when they have given their hours.
pub struct PhoneBox {
    pub number: String,
    pub tel: String,
    /// `måndag–fredag 09.00–11.30`, in the reader's language.
    pub hours: String,
    /// Whether they answer now; if not, the page names socialjouren instead.
    pub answers_now: bool,
}

impl PhoneBox {
    fn new(hours: &PhoneHours, state: &AppState, locale: Locale, now: chrono::NaiveDateTime) -> Self {
        let day = |n: u32| state.catalogues.text(locale, &format!("directory-weekday-{n}"));
        let days: Vec<String> = hours
            .day_spans()
            .into_iter()
            .map(
                |(first, last)| {
                    if first == last { day(first) } else { format!("{}–{}", day(first), day(last)) }
                },
            )
            .collect();
        Self {
            number: hours.phone.clone(),
            tel: super::contact::tel_href(&hours.phone),
            hours: format!("{} {}", days.join(", "), hours.time_span()),
            answers_now: hours.answers_at(now),
        }
    }
}

#[derive(Template)]
#[template(path = "cases/my_case.html")]
struct MyCasePage<'a> {
    shell: Shell<'a>,
    title: String,
    unit: String,
    opened: String,
    status: StatusView,
    timeline: Vec<TimelineStep>,
    contact: Option<Contact>,
    entries: Vec<EntryView>,
    notes: Vec<AdditionView>,
    messages: Vec<MessageView>,
    is_open: bool,
    base: String,
    errors: FormErrors,
    note: String,
    message: String,
    notice: Option<&'static str>,
    meetings: Vec<crate::bookings::CaseMeeting>,
    /// Where to book a meeting with the contact person, when they take bookings.
    book_href: Option<String>,
    /// The application the case was opened from.
    application_href: Option<String>,
    /// Whom to call when the contact person does not answer: the number, its link and its hours.
    socialjouren: (String, String, String),
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

fn notice_key(word: Option<&str>) -> Option<&'static str> {
    match word? {
        "anteckning" => Some("case-notice-note-added"),
        "kommentar" => Some("case-notice-comment-added"),
        "meddelande" => Some("case-notice-message-sent"),
        "ansokan" => Some("case-notice-application-sent"),
        _ => None,
    }
}

async fn unit_name(db: &Db, ctx: &PageContext, unit_id: Uuid) -> Result<String, AppError> {
    let units = crate::identity::store::list_units(db).await?;
    Ok(units
        .iter()
        .find(|u| u.id == unit_id)
        .map(|u| u.name(ctx.location.locale).to_string())
        .unwrap_or_default())
}

/// The case's officer as the page shows them, and whether they take bookings.
async fn contact(
    state: &AppState,
    db: &Db,
    case: &Case,
    locale: Locale,
) -> Result<(Option<Contact>, bool), AppError> {
    let Some(officer) = case.officer_id else { return Ok((None, false)) };
    let Some(found) = store::officer_contact(db, officer).await? else { return Ok((None, false)) };
    let now = crate::stockholm::wall_time(chrono::Utc::now());
    let phone = found.phone.map(|h| PhoneBox::new(&h, state, locale, now));
    let contact = Contact { name: found.name, email: found.email, phone };
    Ok((Some(contact), found.booking_notice_hours.is_some()))
}

struct Drafts {
    note: String,
    message: String,
}

async fn case_page(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    errors: FormErrors,
    drafts: Drafts,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    // About ten reads, on one connection.
    let db = state.db.reader().await?;
    let (contact, takes_bookings) = contact(state, &db, case, locale).await?;
    let journal = store::journal(&db, case.id).await?;
    let additions = store::additions(&db, case.id).await?;
    let base = case_href(ctx, case.id);
    let entries =
        EntryView::list(&journal, &additions, CaseRole::Resident, |id| format!("{base}/journal/{id}"));
    // The resident's own notes, and their comments on entries they can no longer see (an entry
    // withheld after they commented): what they wrote is theirs to read.
    let notes = additions
        .iter()
        .filter(|a| a.entry_id.is_none_or(|id| !entries.iter().any(|e| e.id == id)))
        .map(AdditionView::new)
        .collect();
    let messages = store::case_messages(&db, case.id).await?;
    // The page shows the officer's messages: they count as read from now on.
    store::mark_case_messages_read(&db, case.id, &messages, false).await?;
    let page = MyCasePage {
        shell: ctx.shell(state),
        title: case.title.clone(),
        unit: unit_name(&db, ctx, case.unit_id).await?,
        opened: format_stockholm(case.opened_at),
        status: StatusView::new(
            case.status,
            contact.as_ref().map(|c| c.name.as_str()),
            &state.catalogues,
            locale,
        ),
        timeline: store::status_changes(&db, case.id).await?.iter().map(TimelineStep::new).collect(),
        contact,
        entries,
        notes,
        messages: MessageView::list(&messages, |id| format!("{base}/filer/{id}")),
        is_open: case.status.is_open(),
        meetings: crate::bookings::case_meetings(&db, ctx, case.id, false).await?,
        book_href: (case.status.is_open() && takes_bookings).then(|| format!("{base}/boka")),
        application_href: crate::applications::store::application_of_case(&db, case.id)
            .await?
            .map(|a| ctx.href(&format!("/mina-sidor/ansokningar/{}", a.id))),
        socialjouren: (
            state.socialjouren.phone.clone(),
            super::contact::tel_href(&state.socialjouren.phone),
            state.socialjouren.hours(locale).to_string(),
        ),
        base,
        note: drafts.note,
        message: drafts.message,
        notice,
        errors,
    };
    let status = if page.errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    Ok((status, render(&page)?).into_response())
}

/// `GET /mina-sidor/arenden/{case}`.
pub async fn case(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let drafts = Drafts { note: String::new(), message: String::new() };
    case_page(&state, &ctx, &case, FormErrors::default(), drafts, notice_key(query.klart.as_deref())).await
}

/// The log's entry for something the resident did with their own case.
fn own_event(
    ctx: &PageContext,
    case: &Case,
    action: Action,
    object_type: &'static str,
    object: Uuid,
) -> AuditEvent {
    AuditEvent::new(AuditActor::person(case.resident_id, Role::Resident), action, object_type)
        .object(object)
        .subject(case.resident_id)
        .purpose(PURPOSE_OWN)
        .request(ctx.request_id.clone())
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

/// `POST /mina-sidor/arenden/{case}/anteckning`: a note of the resident's own in the record.
pub async fn add_note(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let body = match bounded_text(&form.note, MAX_TEXT_CHARS) {
        Ok(body) => body,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "note", "case-error-note", "case-error-too-long");
            let drafts = Drafts { note: form.note, message: String::new() };
            return case_page(&state, &ctx, &case, errors, drafts, None).await;
        }
    };
    let mut tx = state.db.begin_write().await?;
    let addition = store::add_to_record(&mut tx, case.id, None, case.resident_id, false, &body).await?;
    let event = own_event(&ctx, &case, Action::CaseAdditionMade, "case_addition", addition);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=anteckning#egna-anteckningar", case_href(&ctx, case.id)))
        .into_response())
}

/// What the resident's message form sends (multipart): the text and at most one file.
#[derive(Default)]
struct MessageUpload {
    message: String,
    /// The name the browser gave and the bytes.
    file: Option<(String, Vec<u8>)>,
}

async fn read_message_form(mut multipart: Multipart) -> Result<MessageUpload, AppError> {
    let mut sent = MessageUpload::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| form::multipart_error(&e))? {
        let name = field.name().unwrap_or("").to_string();
        if let Some(file_name) = form::file_name(&field) {
            let bytes = field.bytes().await.map_err(|e| form::multipart_error(&e))?;
            // A file input left empty still sends a part, without bytes.
            if name == "file" && !bytes.is_empty() {
                if sent.file.is_some() {
                    return Err(AppError::BadRequest);
                }
                sent.file = Some((file_name, bytes.to_vec()));
            }
            continue;
        }
        let text = form::text_field(field).await.map_err(|e| form::multipart_error(&e))?;
        if name == "message" {
            sent.message = text;
        }
    }
    Ok(sent)
}

/// `POST /mina-sidor/arenden/{case}/meddelande` (multipart): a message to the contact person,
/// with a file if the resident attached one (the certificate the case asks for). The contact
/// person gets an e-mail saying that something is waiting (never what).
pub async fn send_message(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Whose case it is comes first: a malformed body from someone else is "not found".
    let case = own_case(&state, &ctx, id).await?;
    if !case.status.is_open() {
        return Err(AppError::BadRequest);
    }
    let sent = read_message_form(multipart.map_err(|_| AppError::BadRequest)?).await?;
    let mut errors = FormErrors::default();
    let body = bounded_text(&sent.message, MAX_TEXT_CHARS)
        .map_err(|problem| {
            problem.add_to(&mut errors, "message", "case-error-message", "case-error-too-long")
        })
        .ok();
    let file = match &sent.file {
        Some((name, bytes)) => match files::check(name, bytes, files::Held::default()) {
            Ok(checked) => Some((checked, bytes)),
            Err(problem) => {
                errors.add("file", problem.key());
                None
            }
        },
        None => None,
    };
    let Some(body) = body.filter(|_| errors.is_empty()) else {
        let drafts = Drafts { note: String::new(), message: sent.message };
        return case_page(&state, &ctx, &case, errors, drafts, None).await;
    };
    let notice = match case.officer_id {
        Some(officer) => super::notices::officer_notice(&state, officer, case.id).await?,
        None => None,
    };
    let mut tx = state.db.begin_write().await?;
    let message = store::send_case_message(&mut tx, case.id, case.resident_id, true, &body).await?;
    if let Some((checked, bytes)) = &file {
        store::attach_to_message(&mut tx, case.id, message, checked, bytes).await?;
    }
    let event = own_event(&ctx, &case, Action::CaseMessageSent, "case_message", message);
    crate::audit::store::append(&mut tx, &event).await?;
    if let Some(notice) = &notice {
        crate::mail::store::enqueue(&mut tx, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=meddelande#meddelanden", case_href(&ctx, case.id))).into_response())
}

/// `GET /mina-sidor/arenden/{case}/filer/{file}`: a file attached to a message in the
/// resident's own case.
pub async fn message_file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, file_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let (name, content_type, content) =
        store::message_file(&state.db, case.id, file_id).await?.ok_or(AppError::NotFound)?;
    crate::applications::download(&name, &content_type, content)
}

#[derive(Template)]
#[template(path = "cases/my_entry.html")]
struct MyEntryPage<'a> {
    shell: Shell<'a>,
    case_title: String,
    case_href: String,
    entry: EntryView,
    action: String,
    errors: FormErrors,
    comment: String,
    disputes: bool,
}

/// The entry if the resident may see it: in their case, and shared.
async fn own_entry(
    state: &AppState,
    ctx: &PageContext,
    case: &Case,
    entry_id: Uuid,
) -> Result<(EntryView, i32), AppError> {
    let journal = store::journal(&state.db, case.id).await?;
    let additions = store::additions(&state.db, case.id).await?;
    let Some(entry) = journal.iter().find(|e| e.id == entry_id) else { return Err(AppError::NotFound) };
    let base = case_href(ctx, case.id);
    let mut views = EntryView::list(std::slice::from_ref(entry), &additions, CaseRole::Resident, |id| {
        format!("{base}/journal/{id}")
    });
    let view = views.pop().ok_or(AppError::NotFound)?;
    Ok((view, entry.current().version))
}

fn entry_page<'a>(
    state: &'a AppState,
    ctx: &PageContext,
    case: &Case,
    entry: EntryView,
    errors: FormErrors,
    comment: String,
    disputes: bool,
) -> MyEntryPage<'a> {
    MyEntryPage {
        shell: ctx.shell(state),
        case_title: case.title.clone(),
        case_href: case_href(ctx, case.id),
        action: entry.href.clone(),
        entry,
        errors,
        comment,
        disputes,
    }
}

/// `GET /mina-sidor/arenden/{case}/journal/{entry}`: one shared entry, its history, what the
/// resident added, and the form to add a comment.
pub async fn entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, entry_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let (entry, _) = own_entry(&state, &ctx, &case, entry_id).await?;
    let page = entry_page(&state, &ctx, &case, entry, FormErrors::default(), String::new(), false);
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    comment: String,
    /// Present when "this is not right" is ticked.
    disputes: Option<String>,
}

/// `POST /mina-sidor/arenden/{case}/journal/{entry}`: a comment on the entry, kept with it.
pub async fn comment(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, entry_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let case = own_case(&state, &ctx, id).await?;
    let (entry, version) = own_entry(&state, &ctx, &case, entry_id).await?;
    let disputes = form.disputes.is_some();
    let body = match bounded_text(&form.comment, MAX_TEXT_CHARS) {
        Ok(body) => body,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "comment", "case-error-comment", "case-error-too-long");
            let page = entry_page(&state, &ctx, &case, entry, errors, form.comment, disputes);
            return Ok((INVALID, render(&page)?).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let addition =
        store::add_to_record(&mut tx, case.id, Some((entry.id, version)), case.resident_id, disputes, &body)
            .await?;
    let event = own_event(&ctx, &case, Action::CaseAdditionMade, "case_addition", addition);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=kommentar#anteckning-{}", case_href(&ctx, case.id), entry.id))
        .into_response())
}
