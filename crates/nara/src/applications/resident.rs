//! The resident's side: the forms to apply with, filling one in a step at a time (with a draft
//! kept after every step), the summary to check, sending, and their attachments.
//! An application is shown only to its resident; for anyone else it does not exist, and the
//! attempt is audited.

use crate::web::form::{self, Form, Query};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::answers::{self, Sent, applying_answers, check_step, unfinished_steps};
use super::definition::{FormDefinition, QuestionKind};
use super::files::{self};
use super::step_view::{AnswerFields, StepState, application_href, step_page};
use super::store::{self, ApplicationRow, Submitted};
use super::{SummaryStep, definition_of, file_counts, summary};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::i18n::format_stockholm;
use crate::identity::Role;
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{FormErrors, INVALID};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// Why the resident's own writes are in their log.
const PURPOSE_OWN: &str = crate::audit::purpose::OWN_APPLICATION;

/// The application if it is the signed-in person's own; for anyone else "not found", audited.
async fn own_application(state: &AppState, ctx: &PageContext, id: Uuid) -> Result<ApplicationRow, AppError> {
    let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let allowed = policy::may_use_own_application(&ctx.current.actor, application.resident_id);
    let target = Target::new("application", application.id).of_resident(application.resident_id);
    guard::allow(state, ctx, allowed, target, Refusal::NotFound).await?;
    Ok(application)
}

/// The log's entry for what the resident did with their own application.
fn own_event(ctx: &PageContext, application: &ApplicationRow, action: Action) -> AuditEvent {
    AuditEvent::new(AuditActor::person(application.resident_id, Role::Resident), action, "application")
        .object(application.id)
        .subject(application.resident_id)
        .purpose(PURPOSE_OWN)
        .request(ctx.request_id.clone())
}

/// A form to apply with.
pub struct FormOffer {
    pub title: String,
    pub intro: Option<String>,
    pub action: String,
    pub has_draft: bool,
}

/// One of the resident's applications.
pub struct ApplicationLine {
    pub title: String,
    pub href: String,
    pub draft: bool,
    pub when: String,
}

#[derive(Template)]
#[template(path = "applications/apply.html")]
struct ApplyPage<'a> {
    shell: Shell<'a>,
    forms: Vec<FormOffer>,
    mine: Vec<ApplicationLine>,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// `GET /mina-sidor/ansok`: the forms open now, and the person's own drafts and applications.
pub async fn forms(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let locale = ctx.location.locale;
    let mine = store::applications_of_resident(&state.db, me).await?;
    let mut offers = Vec::new();
    for form in store::open_forms(&state.db).await? {
        let definition = definition_of(&form.definition)?;
        offers.push(FormOffer {
            title: definition.title.get(locale).to_string(),
            intro: definition.intro.as_ref().map(|t| t.get(locale).to_string()),
            action: ctx.href(&format!("/mina-sidor/ansok/{}", form.slug)),
            has_draft: mine.iter().any(|a| a.form_id == form.id && a.is_draft()),
        });
    }
    let mut lines = Vec::new();
    for application in &mine {
        lines.push(ApplicationLine {
            title: definition_of(&application.definition)?.title.get(locale).to_string(),
            href: application_href(&ctx, application.id),
            draft: application.is_draft(),
            when: format_stockholm(application.submitted_at.unwrap_or(application.updated_at)),
        });
    }
    let notice = match query.klart.as_deref() {
        Some("sparat") => Some("apply-notice-saved"),
        Some("borttaget") => Some("apply-notice-deleted"),
        _ => None,
    };
    Ok(render(&ApplyPage { shell: ctx.shell(&state), forms: offers, mine: lines, notice })?.into_response())
}

/// `POST /mina-sidor/ansok/{form}`: starts an application, or resumes the draft there is.
pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let form = store::form_by_slug(&state.db, &slug).await?.filter(|f| f.open).ok_or(AppError::NotFound)?;
    let id = store::start_application(&state.db, &form, me).await?;
    Ok(Redirect::to(&format!("{}/steg/1", application_href(&ctx, id))).into_response())
}

/// The draft and its form, with the step number checked; a sent application goes to its summary.
async fn draft_step(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
    number: usize,
) -> Result<Result<(ApplicationRow, FormDefinition), Response>, AppError> {
    let application = own_application(state, ctx, id).await?;
    if !application.is_draft() {
        return Ok(Err(Redirect::to(&application_href(ctx, id)).into_response()));
    }
    let form = definition_of(&application.definition)?;
    if number == 0 || number > form.steps.len() {
        return Err(AppError::NotFound);
    }
    Ok(Ok((application, form)))
}

/// `GET /mina-sidor/ansokningar/{application}/steg/{step}`.
pub async fn step(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, number)): Path<(Uuid, usize)>,
) -> Result<Response, AppError> {
    let (application, form) = match draft_step(&state, &ctx, id, number).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let stored = application.answers()?;
    let counted = applying_answers(&form, &stored);
    if answers::applying(&form.steps[number - 1], &counted).next().is_none() {
        // Nothing on this step applies after the earlier answers: on to the next that has something.
        let base = application_href(&ctx, id);
        let next =
            answers::next_step(&form, &stored, number).map_or(base.clone(), |n| format!("{base}/steg/{n}"));
        return Ok(Redirect::to(&next).into_response());
    }
    let files = store::application_files(state.db.sql(), application.id).await?;
    let page = StepState { stored: &stored, sent: None, problems: &[], files: &files };
    Ok(render(&step_page(&state, &ctx, &application, &form, number, page))?.into_response())
}

/// What a step's page sent.
#[derive(Default)]
struct StepForm {
    sent: Sent,
    upload: Option<(String, String, Vec<u8>)>,
    /// `fortsatt` (save and go on) or `spara` (save and finish later).
    action: String,
    /// Attachments ticked for removal.
    remove: Vec<Uuid>,
}

async fn read_step_form(mut multipart: Multipart) -> Result<StepForm, AppError> {
    let mut form = StepForm::default();
    let mut answers = AnswerFields::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| form::multipart_error(&e))? {
        let name = field.name().unwrap_or("").to_string();
        // Answers are named `q-{question}`, so no question id can collide with the page's own fields.
        if let Some(file_name) = form::file_name(&field) {
            let bytes = field.bytes().await.map_err(|e| form::multipart_error(&e))?;
            if let Some(question) = name.strip_prefix("q-").filter(|_| !bytes.is_empty()) {
                form.upload = Some((question.to_string(), file_name, bytes.to_vec()));
            }
            continue;
        }
        let text = form::text_field(field).await.map_err(|e| form::multipart_error(&e))?;
        if answers.take(&name, text.clone())? {
            continue;
        }
        match name.as_str() {
            "atgard" => form.action = text,
            "ta_bort" => form.remove.push(Uuid::try_parse(&text).map_err(|_| AppError::BadRequest)?),
            _ => {}
        }
    }
    form.sent = answers.finish();
    Ok(form)
}

/// `POST /mina-sidor/ansokningar/{application}/steg/{step}` (multipart): checks and keeps the
/// step's answers and any attachment, then goes on, back to the list, or shows the problems.
pub async fn save_step(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, number)): Path<(Uuid, usize)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Whose application it is comes first: a malformed body from someone else is "not found".
    let (application, form) = match draft_step(&state, &ctx, id, number).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let sent = read_step_form(multipart.map_err(|_| AppError::BadRequest)?).await?;
    let step = &form.steps[number - 1];
    let mut stored = application.answers()?;
    let counted = applying_answers(&form, &stored);
    let mut problems: Vec<(String, &'static str)> = Vec::new();
    // An upload must answer a file question of this step that applies; checked before anything changes.
    let upload = match &sent.upload {
        Some((question_id, file_name, bytes)) => {
            let question = answers::applying(step, &counted)
                .find(|q| q.id == *question_id && q.kind == QuestionKind::File);
            Some((question.ok_or(AppError::BadRequest)?, file_name, bytes))
        }
        None => None,
    };
    // The step is saved as one: removed and added files, the answers and the audit entry. The
    // application is held meanwhile, so it cannot be sent or thrown away half-way.
    let mut tx = state.db.begin_write().await?;
    store::lock_application(&mut tx, application.id).await?;
    for file_id in &sent.remove {
        store::remove_application_file(&mut tx, application.id, *file_id).await?;
    }
    let mut files = store::application_files(tx.sql(), application.id).await?;
    if let Some((question, file_name, bytes)) = upload {
        let held = files::Held {
            question: files.iter().filter(|f| f.question_id == question.id).count(),
            application: files.len(),
        };
        match files::check(file_name, bytes, held) {
            Ok(checked) => {
                store::add_application_file(&mut tx, application.id, &question.id, &checked, bytes).await?;
                files = store::application_files(tx.sql(), application.id).await?;
            }
            Err(problem) => problems.push((question.id.clone(), problem.key())),
        }
    }
    let go_on = sent.action != "spara";
    let result = check_step(step, &counted, &sent.sent, &file_counts(&files), go_on);
    // Keep what was good, whatever else was wrong: nothing the resident typed correctly is lost.
    for question in &step.questions {
        stored.remove(&question.id);
    }
    stored.extend(result.answers);
    if !store::save_answers(&mut tx, application.id, &stored).await? {
        return Ok(Redirect::to(&application_href(&ctx, id)).into_response());
    }
    crate::audit::store::append(&mut tx, &own_event(&ctx, &application, Action::ApplicationSaved)).await?;
    tx.commit().await?;
    for (question, problem) in result.problems {
        if !problems.iter().any(|(q, _)| *q == question) {
            problems.push((question, problem.key()));
        }
    }
    let base = application_href(&ctx, id);
    if !problems.is_empty() {
        let page = StepState { stored: &stored, sent: Some(&sent.sent), problems: &problems, files: &files };
        let page = step_page(&state, &ctx, &application, &form, number, page);
        return Ok((INVALID, render(&page)?).into_response());
    }
    let next = if sent.action == "spara" {
        ctx.href("/mina-sidor/ansok?klart=sparat")
    } else {
        match answers::next_step(&form, &stored, number) {
            Some(next) => format!("{base}/steg/{next}"),
            None => base,
        }
    };
    Ok(Redirect::to(&next).into_response())
}

#[derive(Template)]
#[template(path = "applications/summary.html")]
struct SummaryPage<'a> {
    shell: Shell<'a>,
    title: String,
    steps: Vec<SummaryStep>,
    draft: bool,
    submitted: Option<String>,
    case_href: Option<String>,
    /// Steps with a required question unanswered, with where to answer them.
    unfinished: Vec<(i64, String)>,
    show_unfinished_error: bool,
    submit_action: String,
    delete_action: String,
    /// Where to withdraw it, while it is sent and not yet decided.
    withdraw_href: Option<String>,
    /// When it was withdrawn and why.
    withdrawn: Option<(String, String)>,
}

async fn summary_page(
    state: &AppState,
    ctx: &PageContext,
    application: &ApplicationRow,
    show_unfinished_error: bool,
) -> Result<Response, AppError> {
    let shell = ctx.shell(state);
    let form = definition_of(&application.definition)?;
    let stored = application.answers()?;
    let files = store::application_files(state.db.sql(), application.id).await?;
    let base = application_href(ctx, application.id);
    let change = |n: usize| format!("{base}/steg/{n}");
    let draft = application.is_draft();
    let steps = summary(
        &form,
        &stored,
        &files,
        &shell,
        |id| format!("{base}/filer/{id}"),
        if draft { Some(&change) } else { None },
    );
    let unfinished = if draft {
        unfinished_steps(&form, &stored, &file_counts(&files))
            .into_iter()
            .map(|n| (i64::try_from(n).unwrap_or(0), change(n)))
            .collect()
    } else {
        Vec::new()
    };
    let withdrawal = store::withdrawal(&state.db, application.id).await?;
    let case = match application.case_id {
        Some(case) => crate::cases::store::case(&state.db, case).await?,
        None => None,
    };
    let withdraw_href = case
        .filter(|c| withdrawal.is_none() && c.status.may_be_withdrawn())
        .map(|_| format!("{base}/aterkalla"));
    let page = SummaryPage {
        withdraw_href,
        withdrawn: withdrawal.map(|w| (format_stockholm(w.withdrawn_at), w.reason)),
        title: form.title.get(ctx.location.locale).to_string(),
        steps,
        draft,
        submitted: application.submitted_at.map(format_stockholm),
        case_href: application.case_id.map(|c| ctx.href(&format!("/mina-sidor/arenden/{c}"))),
        unfinished,
        show_unfinished_error,
        submit_action: format!("{base}/skicka"),
        delete_action: format!("{base}/ta-bort"),
        shell,
    };
    let status = if show_unfinished_error { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

/// `GET /mina-sidor/ansokningar/{application}`: the answers to check before sending, or what
/// was sent.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let application = own_application(&state, &ctx, id).await?;
    summary_page(&state, &ctx, &application, false).await
}

/// `POST /mina-sidor/ansokningar/{application}/skicka`: sends the application and opens its
/// case. Sending again (a double click, a retry after a lost answer) leads to the same case.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let application = own_application(&state, &ctx, id).await?;
    let case_href = |case: Uuid| ctx.href(&format!("/mina-sidor/arenden/{case}?klart=ansokan"));
    if let Some(case) = application.case_id {
        return Ok(Redirect::to(&case_href(case)).into_response());
    }
    let form = definition_of(&application.definition)?;
    let stored = application.answers()?;
    let files = store::application_files(state.db.sql(), application.id).await?;
    if !unfinished_steps(&form, &stored, &file_counts(&files)).is_empty() {
        return summary_page(&state, &ctx, &application, true).await;
    }
    // Attachments of questions that no longer apply are not sent.
    let counted = applying_answers(&form, &stored);
    let kept: Vec<&str> = form
        .steps
        .iter()
        .flat_map(|s| answers::applying(s, &counted))
        .filter(|q| q.kind == QuestionKind::File)
        .map(|q| q.id.as_str())
        .collect();
    let dropped: Vec<String> = files
        .iter()
        .map(|f| f.question_id.clone())
        .filter(|q| !kept.contains(&q.as_str()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut tx = state.db.begin_write().await?;
    let outcome =
        store::submit_application(&mut tx, application.id, &form.title.sv, &counted, &dropped).await?;
    let case = match outcome.ok_or(AppError::NotFound)? {
        // Sent before: nothing was written now.
        Submitted::Before(case) => case,
        Submitted::Now(case) => {
            let event = own_event(&ctx, &application, Action::ApplicationSubmitted);
            crate::audit::store::append(&mut tx, &event).await?;
            // The contact person chosen for the case hears of it, in the same transaction.
            if let Some((to, locale)) = crate::cases::store::contact_person_address(&mut tx, case).await? {
                let notice = crate::cases::notices::officer_news(&state, to, locale, case);
                crate::mail::store::enqueue(&mut tx, &notice).await?;
            }
            tx.commit().await?;
            case
        }
    };
    Ok(Redirect::to(&case_href(case)).into_response())
}

#[derive(Template)]
#[template(path = "applications/confirm_delete.html")]
struct ConfirmDeletePage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    back_href: String,
}

#[derive(Deserialize)]
pub struct DeleteForm {
    bekrafta: Option<String>,
}

/// `POST /mina-sidor/ansokningar/{application}/ta-bort`: asks first, then throws a draft away.
pub async fn delete(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, AppError> {
    let application = own_application(&state, &ctx, id).await?;
    if !application.is_draft() {
        return Err(AppError::BadRequest);
    }
    if form.bekrafta.as_deref() != Some("ja") {
        let base = application_href(&ctx, id);
        let page = ConfirmDeletePage {
            shell: ctx.shell(&state),
            title: definition_of(&application.definition)?.title.get(ctx.location.locale).to_string(),
            action: format!("{base}/ta-bort"),
            back_href: base,
        };
        return Ok(render(&page)?.into_response());
    }
    let mut tx = state.db.begin_write().await?;
    if store::delete_draft(&mut tx, application.id).await? {
        crate::audit::store::append(&mut tx, &own_event(&ctx, &application, Action::ApplicationDeleted))
            .await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&ctx.href("/mina-sidor/ansok?klart=borttaget")).into_response())
}

#[derive(Template)]
#[template(path = "applications/withdraw.html")]
struct WithdrawPage<'a> {
    shell: Shell<'a>,
    title: String,
    action: String,
    back_href: String,
    /// Why it can no longer be withdrawn, as a catalogue key; the form is shown otherwise.
    refusal: Option<&'static str>,
    reason: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    reason: String,
}

/// The resident's sent application and its case; a draft has nothing to withdraw (it is thrown
/// away instead).
async fn sent_application(
    state: &AppState,
    ctx: &PageContext,
    id: Uuid,
) -> Result<(ApplicationRow, crate::cases::Case), AppError> {
    let application = own_application(state, ctx, id).await?;
    let case_id = application.case_id.ok_or(AppError::BadRequest)?;
    let case = crate::cases::store::case(&state.db, case_id).await?.ok_or(AppError::NotFound)?;
    Ok((application, case))
}

/// Why the application can no longer be withdrawn, if it cannot.
async fn withdraw_refusal(
    state: &AppState,
    application: &ApplicationRow,
    case: &crate::cases::Case,
) -> Result<Option<&'static str>, AppError> {
    Ok(if store::withdrawal(&state.db, application.id).await?.is_some() {
        Some("apply-withdraw-already")
    } else if !case.status.may_be_withdrawn() {
        Some("apply-withdraw-decided")
    } else {
        None
    })
}

fn withdraw_page(
    state: &AppState,
    ctx: &PageContext,
    application: &ApplicationRow,
    refusal: Option<&'static str>,
    reason: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let base = application_href(ctx, application.id);
    let page = WithdrawPage {
        shell: ctx.shell(state),
        title: definition_of(&application.definition)?.title.get(ctx.location.locale).to_string(),
        action: format!("{base}/aterkalla"),
        back_href: base,
        refusal,
        reason,
        errors,
    };
    // A decided application is a conflict with the state of the case, not a malformed request.
    let status = if refusal.is_some() {
        axum::http::StatusCode::CONFLICT
    } else if page.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        INVALID
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /mina-sidor/ansokningar/{application}/aterkalla`: asks why, or says why it is too late.
pub async fn withdraw_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (application, case) = sent_application(&state, &ctx, id).await?;
    let refusal = withdraw_refusal(&state, &application, &case).await?;
    withdraw_page(&state, &ctx, &application, refusal, String::new(), FormErrors::default())
}

/// `POST /mina-sidor/ansokningar/{application}/aterkalla`: withdraws an application not yet
/// decided, with the resident's reason. One transaction: the case closes with the reason as its
/// note, coming meetings are cancelled, the log has each, and the contact person is told.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, AppError> {
    let (application, case) = sent_application(&state, &ctx, id).await?;
    if let Some(refusal) = withdraw_refusal(&state, &application, &case).await? {
        return withdraw_page(&state, &ctx, &application, Some(refusal), form.reason, FormErrors::default());
    }
    let reason = match crate::web::form::bounded_text(&form.reason, super::MAX_WITHDRAWAL_REASON_CHARS) {
        Ok(reason) => reason,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(
                &mut errors,
                "reason",
                "apply-error-withdraw-reason",
                "apply-error-withdraw-too-long",
            );
            return withdraw_page(&state, &ctx, &application, None, form.reason, errors);
        }
    };
    let notice = match case.officer_id {
        Some(officer) => crate::cases::notices::officer_notice(&state, officer, case.id).await?,
        None => None,
    };
    let resident = application.resident_id;
    let mut tx = state.db.begin_write().await?;
    store::lock_application(&mut tx, application.id).await?;
    let closed = crate::cases::store::change_case_status(
        &mut tx,
        case.id,
        case.status,
        crate::cases::CaseStatus::Closed,
        Some(&reason),
        resident,
    )
    .await?;
    if !closed {
        // The officer decided (or someone withdrew) meanwhile: nothing was written.
        drop(tx);
        let (application, case) = sent_application(&state, &ctx, id).await?;
        let refusal =
            withdraw_refusal(&state, &application, &case).await?.unwrap_or("apply-withdraw-decided");
        return withdraw_page(&state, &ctx, &application, Some(refusal), form.reason, FormErrors::default());
    }
    store::record_withdrawal(&mut tx, application.id, case.id, &reason).await?;
    // The meetings before the audit entries: bookings are locked before the audit head, as a batch
    // of bookings locks them (`bookings::making`).
    let cancelled =
        crate::bookings::store::cancel_coming_bookings_of_case(&mut tx, case.id, resident).await?;
    crate::audit::store::append(&mut tx, &own_event(&ctx, &application, Action::ApplicationWithdrawn))
        .await?;
    for booking in cancelled {
        let event = AuditEvent::new(
            AuditActor::person(resident, Role::Resident),
            Action::BookingCancelled,
            "booking",
        )
        .object(booking)
        .subject(resident)
        .purpose(PURPOSE_OWN)
        .request(ctx.request_id.clone());
        crate::audit::store::append(&mut tx, &event).await?;
    }
    if let Some(notice) = &notice {
        crate::mail::store::enqueue(&mut tx, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&application_href(&ctx, application.id)).into_response())
}

/// `GET /mina-sidor/ansokningar/{application}/filer/{file}`: the resident's own attachment.
pub async fn file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, file_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let application = own_application(&state, &ctx, id).await?;
    let (name, content_type, content) =
        store::application_file(&state.db, application.id, file_id).await?.ok_or(AppError::NotFound)?;
    super::download(&name, &content_type, content)
}
