//! `/forening/{slug}/bidrag`: an association's grant applications, for every approved
//! representative. What the register knows (organisationsnummer, contact, target groups, areas,
//! languages) is shown, not asked for again, and kept with the application when it is sent. The
//! programme's questions are the application forms' question types; the budget is in öre.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;
use uuid::Uuid;

use super::access::{event, own_application, represented};
use super::money::{kronor_field, total};
use super::programme::published;
use super::store::{self, ApplicationRow, BudgetLine};
use super::view::ProgrammeView;
use super::{
    BUDGET_LINES, FileKind, MAX_BUDGET_LABEL_CHARS, Status, check_file, file_name, format_kronor,
    parse_kronor,
};
use crate::applications::answers::{self, Answers, Sent, applying_answers, field_values, unfinished_steps};
use crate::applications::definition::FormDefinition;
use crate::applications::step_view::{AnswerFields, ErrorLink, FieldView, field_views};
use crate::applications::{SummaryStep, summary};
use crate::audit::Action;
use crate::db::UtcTime;
use crate::directory::Entry;
use crate::i18n::format_stockholm;
use crate::web::errors::{AppError, render};
use crate::web::form::{self, Form, INVALID};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

fn list_href(ctx: &PageContext, slug: &str) -> String {
    ctx.href(&format!("/forening/{slug}/bidrag"))
}

fn application_href(ctx: &PageContext, slug: &str, id: Uuid) -> String {
    ctx.href(&format!("/forening/{slug}/bidrag/{id}"))
}

/// One fact from the register, shown instead of asked for.
pub struct Known {
    pub label_key: &'static str,
    pub value: String,
}

/// What the register says about the association, as the page lists it and the application keeps.
async fn known_facts(
    state: &AppState,
    entry: &Entry,
    locale: crate::i18n::Locale,
) -> Result<Vec<Known>, AppError> {
    let groups = crate::setup::store::target_groups(&state.db).await?;
    let areas = crate::help_areas::store::list(&state.db).await?;
    let names = |slugs: &[String], find: &dyn Fn(&str) -> Option<String>| {
        slugs.iter().map(|s| find(s).unwrap_or_else(|| s.clone())).collect::<Vec<_>>().join(", ")
    };
    let group_names = names(&entry.target_groups, &|s| {
        groups.iter().find(|g| g.slug == s).map(|g| g.name(locale).to_string())
    });
    let area_names = names(&entry.areas, &|s| {
        areas
            .iter()
            .find(|a| a.slug == s)
            .map(|a| if locale == crate::i18n::Locale::EN { a.name_en.clone() } else { a.name_sv.clone() })
    });
    let languages = names(&entry.languages, &|s| crate::directory::language_name(s).map(str::to_string));
    let facts = [
        ("grants-known-name", Some(entry.name.clone())),
        ("grants-known-org-number", entry.org_number.clone()),
        ("grants-known-email", entry.email.clone()),
        ("grants-known-phone", entry.phone.clone()),
        ("grants-known-target-groups", Some(group_names)),
        ("grants-known-areas", Some(area_names)),
        ("grants-known-languages", Some(languages)),
    ];
    Ok(facts
        .into_iter()
        .map(|(label_key, value)| Known {
            label_key,
            value: value.filter(|v| !v.is_empty()).unwrap_or_default(),
        })
        .collect())
}

/// An application in the association's list.
pub struct ApplicationLine {
    pub href: String,
    pub programme: String,
    pub status_key: &'static str,
    pub requested: String,
    pub when: String,
    pub follow_up: Option<super::reporting::FollowUpLink>,
}

#[derive(Template)]
#[template(path = "grants/association.html")]
struct AssociationPage<'a> {
    shell: Shell<'a>,
    entry_name: String,
    register_href: String,
    known: Vec<Known>,
    applications: Vec<ApplicationLine>,
    open: Vec<ProgrammeView>,
    start_action: String,
    error: Option<&'static str>,
}

async fn association_page(
    state: &AppState,
    ctx: &PageContext,
    entry: &Entry,
    error: Option<&'static str>,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let now = Utc::now();
    let follow_ups = store::follow_ups_of_entry(&state.db, entry.id).await?;
    let applications = store::applications_of_entry(&state.db, entry.id)
        .await?
        .into_iter()
        .map(|a| ApplicationLine {
            href: application_href(ctx, &entry.slug, a.id),
            programme: a.programme_name(locale).to_string(),
            status_key: a.status().key(),
            requested: format_kronor(a.requested_ore),
            when: format_stockholm(a.submitted_at.unwrap_or(a.updated_at)),
            follow_up: follow_ups
                .iter()
                .find(|f| f.application_id == a.id)
                .map(|f| super::reporting::FollowUpLink::new(ctx, &entry.slug, f)),
        })
        .collect();
    let mut open = Vec::new();
    for row in store::programmes(&state.db).await? {
        let (rules, _) = published(&row.rules, &row.questions)?;
        let view = ProgrammeView::new(&row, &rules, locale, now);
        if view.open {
            open.push(view);
        }
    }
    let page = AssociationPage {
        shell: ctx.shell(state),
        entry_name: entry.name.clone(),
        register_href: ctx.href(&format!("/forening/{}/redigera", entry.slug)),
        known: known_facts(state, entry, locale).await?,
        applications,
        open,
        start_action: ctx.href(&format!("/forening/{}/bidrag/ny", entry.slug)),
        error,
    };
    let status = if error.is_some() { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

/// `GET /forening/{slug}/bidrag`: the association's applications and the programmes open now.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let entry = represented(&state, &ctx, &slug).await?;
    association_page(&state, &ctx, &entry, None).await
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    programme: String,
}

/// `POST /forening/{slug}/bidrag/ny`: a new draft under the programme's current rules.
pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let entry = represented(&state, &ctx, &slug).await?;
    let Some(row) = store::programme(&state.db, form.programme.trim()).await? else {
        return association_page(&state, &ctx, &entry, Some("grants-error-programme")).await;
    };
    if Utc::now() > row.closes_at.0 {
        return association_page(&state, &ctx, &entry, Some("grants-error-closed")).await;
    }
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let id = store::start(&mut tx, entry.id, row.id, row.version, me).await?;
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantApplicationSaved, "grant_application", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response())
}

/// One budget line's fields.
pub struct BudgetField {
    pub index: usize,
    pub label: String,
    pub amount: String,
    pub error: Option<&'static str>,
}

pub struct FileLine {
    pub id: Uuid,
    pub name: String,
    pub size: String,
    pub kind_key: &'static str,
    pub href: String,
}

pub struct KindOption {
    pub value: &'static str,
    pub key: &'static str,
}

/// A payment as the association sees it.
pub struct PaymentLine {
    pub date: String,
    pub amount: String,
    pub reference: String,
}

/// The decision, as the association reads it.
pub struct DecisionView {
    pub outcome_key: &'static str,
    pub granted: bool,
    pub amount: String,
    pub conditions: Option<String>,
    pub reasons: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "grants/application.html")]
struct ApplicationPage<'a> {
    shell: Shell<'a>,
    entry_name: String,
    list_href: String,
    register_href: String,
    programme: ProgrammeView,
    programme_href: String,
    status_key: &'static str,
    draft: bool,
    submitted: bool,
    submitted_on: Option<String>,
    known: Vec<Known>,
    // A draft's form.
    action: String,
    fields: Vec<FieldView>,
    errors: Vec<ErrorLink>,
    requested: String,
    requested_error: Option<&'static str>,
    budget: Vec<BudgetField>,
    budget_total: String,
    files: Vec<FileLine>,
    kinds: Vec<KindOption>,
    file_error: Option<&'static str>,
    submit_action: String,
    withdraw_action: String,
    notice: Option<&'static str>,
    // A sent application.
    answers: Vec<SummaryStep>,
    decision: Option<DecisionView>,
    payments: Vec<PaymentLine>,
    follow_up: Option<super::reporting::FollowUpLink>,
}

impl ApplicationPage<'_> {
    fn budget_has_error(&self) -> bool {
        self.budget.iter().any(|line| line.error.is_some())
    }
}

/// What the page shows beside the stored application: what was sent when it comes back with
/// problems, and the problems.
#[derive(Default)]
struct Shown {
    sent: Option<Sent>,
    problems: Vec<(String, &'static str)>,
    requested: Option<String>,
    requested_error: Option<&'static str>,
    budget: Option<Vec<(String, String)>>,
    budget_errors: Vec<(usize, &'static str)>,
    file_error: Option<&'static str>,
    notice: Option<&'static str>,
}

async fn application_page(
    state: &AppState,
    ctx: &PageContext,
    entry: &Entry,
    application: &ApplicationRow,
    shown: Shown,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let row = store::programme_version(&state.db, application.programme_id, application.programme_version)
        .await?
        .ok_or(AppError::NotFound)?;
    let (rules, form) = published(&row.rules, &row.questions)?;
    let shell = ctx.shell(state);
    let base = application_href(ctx, &entry.slug, application.id);
    let stored = application.answers()?;
    let counted = applying_answers(&form, &stored);
    let fields = field_views(
        &shell,
        locale,
        form.questions().filter(|q| answers::applies(q, &counted)),
        |question| match &shown.sent {
            Some(sent) => sent.get(&question.id).cloned().unwrap_or_default(),
            None => field_values(stored.get(&question.id)),
        },
        &shown.problems,
        &[],
        &base,
    );
    let errors = shown
        .problems
        .iter()
        .map(|(id, key)| ErrorLink {
            target: format!("q-{id}"),
            label: form.question(id).map(|q| q.label.get(locale).to_string()).unwrap_or_default(),
            key,
        })
        .collect();
    let stored_budget = store::budget(&state.db, application.id).await?;
    let budget_values: Vec<(String, String)> = shown.budget.clone().unwrap_or_else(|| {
        stored_budget.iter().map(|l| (l.label.clone(), kronor_field(l.amount_ore))).collect()
    });
    let budget = (0..BUDGET_LINES)
        .map(|index| {
            let (label, amount) = budget_values.get(index).cloned().unwrap_or_default();
            let error = shown.budget_errors.iter().find(|(i, _)| *i == index).map(|(_, key)| *key);
            BudgetField { index: index + 1, label, amount, error }
        })
        .collect();
    let files = store::files(state.db.sql(), application.id)
        .await?
        .into_iter()
        .map(|f| FileLine {
            href: format!("{base}/filer/{}", f.id),
            kind_key: f.kind_key(),
            size: f.size(),
            id: f.id,
            name: f.file_name,
        })
        .collect();
    let decision = store::decision(&state.db, application.id).await?.map(|d| DecisionView {
        outcome_key: d.outcome().key(),
        granted: d.outcome() == super::Outcome::Granted,
        amount: format_kronor(d.amount_ore),
        conditions: d.conditions.clone(),
        reasons: d.reasons.clone(),
        date: format_stockholm(d.decided_at),
    });
    let payments = store::payments(&state.db, application.id)
        .await?
        .into_iter()
        .map(|p| PaymentLine {
            date: p.paid_on.format("%Y-%m-%d").to_string(),
            amount: format_kronor(p.amount_ore),
            reference: p.reference,
        })
        .collect();
    let follow_up = store::follow_up(&state.db, application.id)
        .await?
        .map(|row| super::reporting::FollowUpLink::new(ctx, &entry.slug, &row));
    let draft = application.status() == Status::Draft;
    let answers =
        if draft { Vec::new() } else { summary(&form, &stored, &[], &shell, |_| String::new(), None) };
    let page = ApplicationPage {
        entry_name: entry.name.clone(),
        list_href: list_href(ctx, &entry.slug),
        register_href: ctx.href(&format!("/forening/{}/redigera", entry.slug)),
        programme: ProgrammeView::new(&row, &rules, locale, Utc::now()),
        programme_href: ctx.href(&format!("/bidrag/{}", row.slug)),
        status_key: application.status().key(),
        draft,
        submitted: application.status() == Status::Submitted,
        submitted_on: application.submitted_at.map(format_stockholm),
        known: known_facts(state, entry, locale).await?,
        action: base.clone(),
        fields,
        errors,
        requested: shown.requested.clone().unwrap_or_else(|| {
            if application.requested_ore > 0 {
                kronor_field(application.requested_ore)
            } else {
                String::new()
            }
        }),
        requested_error: shown.requested_error,
        budget,
        budget_total: format_kronor(total(stored_budget.iter().map(|l| l.amount_ore)).unwrap_or(0)),
        files,
        kinds: FileKind::ALL.into_iter().map(|k| KindOption { value: k.as_str(), key: k.key() }).collect(),
        file_error: shown.file_error,
        submit_action: format!("{base}/skicka"),
        withdraw_action: format!("{base}/aterkalla"),
        notice: shown.notice,
        answers,
        decision,
        payments,
        follow_up,
        shell,
    };
    let invalid = !shown.problems.is_empty()
        || shown.requested_error.is_some()
        || !shown.budget_errors.is_empty()
        || shown.file_error.is_some();
    let status = if invalid { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowParams {
    #[serde(default)]
    klart: String,
}

/// `GET /forening/{slug}/bidrag/{application}`: a draft to fill in, or what was sent, its status,
/// decision and payments.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
    form::Query(params): form::Query<ShowParams>,
) -> Result<Response, AppError> {
    let (entry, application) = own_application(&state, &ctx, &slug, id).await?;
    let notice = match params.klart.as_str() {
        "sparat" => Some("grants-notice-saved"),
        "skickat" => Some("grants-notice-submitted"),
        "aterkallat" => Some("grants-notice-withdrawn"),
        _ => None,
    };
    application_page(&state, &ctx, &entry, &application, Shown { notice, ..Default::default() }).await
}

/// What the draft's page sent.
#[derive(Default)]
struct DraftForm {
    sent: Sent,
    requested: String,
    budget: Vec<(String, String)>,
    upload: Option<(String, Vec<u8>)>,
    upload_kind: String,
    remove: Vec<Uuid>,
}

async fn read_draft_form(mut multipart: Multipart) -> Result<DraftForm, AppError> {
    let mut form =
        DraftForm { budget: vec![(String::new(), String::new()); BUDGET_LINES], ..Default::default() };
    let mut answers = AnswerFields::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| form::multipart_error(&e))? {
        let name = field.name().unwrap_or("").to_string();
        if let Some(sent_name) = form::file_name(&field) {
            let bytes = field.bytes().await.map_err(|e| form::multipart_error(&e))?;
            if name == "bilaga" && !bytes.is_empty() {
                form.upload = Some((sent_name, bytes.to_vec()));
            }
            continue;
        }
        let text = form::text_field(field).await.map_err(|e| form::multipart_error(&e))?;
        if answers.take(&name, text.clone())? {
            continue;
        }
        let budget_index = |prefix: &str| {
            name.strip_prefix(prefix)
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=BUDGET_LINES).contains(n))
                .map(|n| n - 1)
        };
        if let Some(index) = budget_index("budget-post-") {
            form.budget[index].0 = text;
        } else if let Some(index) = budget_index("budget-belopp-") {
            form.budget[index].1 = text;
        } else {
            match name.as_str() {
                "belopp" => form.requested = text,
                "bilaga-typ" => form.upload_kind = text,
                "ta_bort" => form.remove.push(Uuid::try_parse(&text).map_err(|_| AppError::BadRequest)?),
                _ => {}
            }
        }
    }
    form.sent = answers.finish();
    Ok(form)
}

/// The budget's lines from what was sent: blank lines are skipped; a line needs both a label and
/// an amount in kronor.
fn read_budget(sent: &[(String, String)]) -> (Vec<BudgetLine>, Vec<(usize, &'static str)>) {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (index, (label, amount)) in sent.iter().enumerate() {
        let (label, amount) = (label.trim(), amount.trim());
        if label.is_empty() && amount.is_empty() {
            continue;
        }
        if label.is_empty() {
            problems.push((index, "grants-error-budget-label"));
        } else if label.chars().count() > MAX_BUDGET_LABEL_CHARS {
            problems.push((index, "grants-error-budget-label-too-long"));
        } else if let Some(amount_ore) = parse_kronor(amount) {
            lines.push(BudgetLine { label: label.to_string(), amount_ore });
        } else {
            problems.push((index, "grants-error-amount"));
        }
    }
    (lines, problems)
}

/// Checks every question of the form against what was sent, step by step so that a condition
/// sees the answers before it (saving lets required questions wait).
fn check_answers(
    form: &FormDefinition,
    stored: &Answers,
    sent: &Sent,
) -> (Answers, Vec<(String, &'static str)>) {
    let mut merged = stored.clone();
    let mut problems = Vec::new();
    let no_files = Default::default();
    for step in &form.steps {
        let counted = applying_answers(form, &merged);
        let result = answers::check_step(step, &counted, sent, &no_files, false);
        for question in &step.questions {
            merged.remove(&question.id);
        }
        merged.extend(result.answers);
        problems.extend(result.problems.into_iter().map(|(id, p)| (id, p.key())));
    }
    (merged, problems)
}

/// `POST /forening/{slug}/bidrag/{application}` (multipart): keeps a draft's answers, amount,
/// budget and attachments. What was right is kept even when something else was wrong.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let (entry, application) = own_application(&state, &ctx, &slug, id).await?;
    if application.status() != Status::Draft {
        return Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response());
    }
    let sent = read_draft_form(multipart.map_err(|_| AppError::BadRequest)?).await?;
    let row = store::programme_version(&state.db, application.programme_id, application.programme_version)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, form) = published(&row.rules, &row.questions)?;
    let stored = application.answers()?;
    let (answers, problems) = check_answers(&form, &stored, &sent.sent);
    let requested = sent.requested.trim();
    let (requested_ore, requested_error) = if requested.is_empty() {
        (application.requested_ore, None)
    } else {
        match parse_kronor(requested) {
            Some(ore) => (ore, None),
            None => (application.requested_ore, Some("grants-error-amount")),
        }
    };
    let (budget, budget_errors) = read_budget(&sent.budget);
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    for file in &sent.remove {
        store::remove_file(&mut tx, id, *file).await?;
    }
    let mut file_error = None;
    if let Some((sent_name, bytes)) = &sent.upload {
        let held = store::files(tx.sql(), id).await?.len();
        let kind = FileKind::parse(&sent.upload_kind).unwrap_or(FileKind::Other);
        match check_file(bytes, held) {
            Ok(()) => {
                store::add_file(&mut tx, id, kind, &file_name(sent_name), bytes, me).await?;
            }
            Err(problem) => file_error = Some(problem.key()),
        }
    }
    if !store::save_draft(&mut tx, id, &answers, requested_ore).await? {
        // Sent or withdrawn meanwhile: nothing is changed.
        return Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response());
    }
    if budget_errors.is_empty() {
        store::replace_budget(&mut tx, id, &budget).await?;
    }
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantApplicationSaved, "grant_application", id),
    )
    .await?;
    tx.commit().await?;
    if !problems.is_empty() || requested_error.is_some() || !budget_errors.is_empty() || file_error.is_some()
    {
        let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let shown = Shown {
            sent: Some(sent.sent),
            problems,
            requested: Some(sent.requested),
            requested_error,
            budget: (!budget_errors.is_empty()).then_some(sent.budget),
            budget_errors,
            file_error,
            notice: None,
        };
        return application_page(&state, &ctx, &entry, &application, shown).await;
    }
    Ok(Redirect::to(&format!("{}?klart=sparat", application_href(&ctx, &slug, id))).into_response())
}

/// `POST /forening/{slug}/bidrag/{application}/skicka`: sends a complete draft before the
/// deadline. After the deadline the draft stays as it is, with a clear message.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let (entry, application) = own_application(&state, &ctx, &slug, id).await?;
    if application.status() != Status::Draft {
        return Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response());
    }
    let row = store::programme_version(&state.db, application.programme_id, application.programme_version)
        .await?
        .ok_or(AppError::NotFound)?;
    let (rules, form) = published(&row.rules, &row.questions)?;
    let answers = application.answers()?;
    let unfinished = unfinished_steps(&form, &answers, &Default::default());
    let mut shown = Shown::default();
    if !unfinished.is_empty() {
        let counted = applying_answers(&form, &answers);
        shown.problems = form
            .questions()
            .filter(|q| answers::applies(q, &counted) && q.required && !counted.contains_key(&q.id))
            .map(|q| (q.id.clone(), "apply-error-required"))
            .collect();
    }
    if application.requested_ore == 0 {
        shown.requested_error = Some("grants-error-requested-missing");
    } else if application.requested_ore > rules.max_ore {
        shown.requested_error = Some("grants-error-requested-too-much");
    }
    if !shown.problems.is_empty() || shown.requested_error.is_some() {
        return application_page(&state, &ctx, &entry, &application, shown).await;
    }
    let now = UtcTime(Utc::now());
    let mut tx = state.db.begin_write().await?;
    if !store::submit(&mut tx, id, now, &super::register_snapshot(&entry)).await? {
        drop(tx);
        let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
        if application.status() == Status::Draft {
            // Too late: the draft is kept as it was, and the page says so.
            let shown = Shown { notice: Some("grants-error-deadline-passed"), ..Default::default() };
            return application_page(&state, &ctx, &entry, &application, shown).await;
        }
        return Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response());
    }
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantApplicationSubmitted, "grant_application", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=skickat", application_href(&ctx, &slug, id))).into_response())
}

/// `POST /forening/{slug}/bidrag/{application}/aterkalla`: withdraws a sent application that has
/// no decision yet.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let (_, _) = own_application(&state, &ctx, &slug, id).await?;
    let mut tx = state.db.begin_write().await?;
    if !store::withdraw(&mut tx, id, UtcTime(Utc::now())).await? {
        return Ok(Redirect::to(&application_href(&ctx, &slug, id)).into_response());
    }
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantApplicationWithdrawn, "grant_application", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("{}?klart=aterkallat", application_href(&ctx, &slug, id))).into_response())
}

/// `GET /forening/{slug}/bidrag/{application}/filer/{file}`: an attachment, as a download.
pub async fn file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((slug, id, file)): Path<(String, Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let _ = own_application(&state, &ctx, &slug, id).await?;
    let (name, content) = store::file_content(&state.db, id, file).await?.ok_or(AppError::NotFound)?;
    crate::applications::download(&name, "application/pdf", content)
}
