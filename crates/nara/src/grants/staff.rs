//! `/personal/bidrag`: the grant assessors' pages. Programmes are published in versions; a sent
//! application is scored criterion by criterion with a reason, by two assessors above the
//! programme's threshold; an assessor with a conflict of interest steps out of it; the decision
//! is sent to the association; payments are recorded; the decisions go to the board as CSV.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::access::{assessed_application, event};
use super::programme::{RulesError, parse_questions, parse_rules, published};
use super::store::{self, ApplicationRow, NewDecision, NewScore, NewVersion};
use super::view::{FollowUpView, Names, ProgrammeView};
use super::{
    MAX_DECISION_TEXT_CHARS, MAX_REASON_CHARS, MAX_REFERENCE_CHARS, MAX_SCORE, Outcome, Status,
    assessors_needed, complete_assessors, format_kronor, parse_kronor, weighted_percent,
};
use crate::applications::{SummaryStep, summary};
use crate::audit::Action;
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm};
use crate::mail::Email;
use crate::plain_language::hints::{Hints, Wording};
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, TextProblem, bounded_text, first_value, optional_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

fn application_href(ctx: &PageContext, id: Uuid) -> String {
    ctx.href(&format!("/personal/bidrag/ansokningar/{id}"))
}

/// A sent application in the assessors' list.
pub struct AssessmentLine {
    pub href: String,
    pub association: String,
    pub programme: String,
    pub requested: String,
    pub status_key: &'static str,
    pub assessed: usize,
    pub needed: usize,
    pub sent: String,
    /// The follow-up's state once the grant is paid: catalogue key, due day, late.
    pub follow_up: Option<(&'static str, String, bool)>,
}

pub struct ProgrammeLine {
    pub name: String,
    pub version: i32,
    pub deadline: String,
    pub href: String,
    pub public_href: String,
}

#[derive(Template)]
#[template(path = "grants/staff_overview.html")]
struct OverviewPage<'a> {
    shell: Shell<'a>,
    applications: Vec<AssessmentLine>,
    programmes: Vec<ProgrammeLine>,
    csv_href: String,
    effect_href: String,
    new_programme_href: String,
}

/// `GET /personal/bidrag`: the applications to assess and decided, and the programmes.
pub async fn overview(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let mut applications = Vec::new();
    let follow_ups = store::follow_ups(&state.db).await?;
    let today = crate::stockholm::today();
    for application in store::sent_applications(&state.db).await? {
        let follow_up = follow_ups.iter().find(|f| f.application_id == application.id).map(|f| {
            let state = f.state(today);
            (state.key(), state.date(), state.late())
        });
        let row = version_of(&state, &application).await?;
        let (rules, _) = published(&row.rules, &row.questions)?;
        let scores: Vec<_> =
            store::scores(&state.db, application.id).await?.iter().map(|s| s.score()).collect();
        applications.push(AssessmentLine {
            href: application_href(&ctx, application.id),
            programme: application.programme_name(locale).to_string(),
            requested: format_kronor(application.requested_ore),
            status_key: application.status().key(),
            assessed: complete_assessors(&rules.criteria, &scores).len(),
            needed: assessors_needed(application.requested_ore, rules.two_assessors_above_ore),
            sent: application.submitted_at.map(format_stockholm).unwrap_or_default(),
            follow_up,
            association: application.entry_name,
        });
    }
    let programmes = store::programmes(&state.db)
        .await?
        .into_iter()
        .map(|p| ProgrammeLine {
            name: p.name(locale).to_string(),
            version: p.version,
            deadline: crate::stockholm::date_of(p.closes_at.0).format("%Y-%m-%d").to_string(),
            href: ctx.href(&format!("/personal/bidrag/program/{}", p.slug)),
            public_href: ctx.href(&format!("/bidrag/{}", p.slug)),
        })
        .collect();
    let page = OverviewPage {
        shell: ctx.shell(&state),
        applications,
        programmes,
        csv_href: ctx.href("/personal/bidrag/beslut.csv"),
        effect_href: ctx.href("/personal/bidrag/effekt"),
        new_programme_href: ctx.href("/personal/bidrag/program"),
    };
    Ok(render(&page)?.into_response())
}

async fn version_of(state: &AppState, application: &ApplicationRow) -> Result<store::ProgrammeRow, AppError> {
    Ok(store::programme_version(&state.db, application.programme_id, application.programme_version)
        .await?
        .ok_or_else(|| anyhow::anyhow!("an application's programme version is missing"))?)
}

// ---- Programmes.

/// A rules or questions problem as the editor lists it.
pub struct RulesProblem {
    pub key: &'static str,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "grants/staff_programme.html")]
struct ProgrammeEditor<'a> {
    shell: Shell<'a>,
    /// `None` for a new programme.
    slug: Option<String>,
    slug_value: String,
    version: Option<String>,
    rules: String,
    questions: String,
    action: String,
    errors: FormErrors,
    problems: Vec<RulesProblem>,
    published: bool,
    /// The checker's hints for the Swedish texts of the rules.
    rules_hints: Hints,
}

#[derive(Debug, Default, Deserialize)]
pub struct EditorParams {
    #[serde(default)]
    klart: String,
}

/// `GET /personal/bidrag/program`: a new programme.
pub async fn new_programme(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let page = ProgrammeEditor {
        rules_hints: Wording::of(&state, &ctx).await?.toml("rules", ""),
        shell: ctx.shell(&state),
        slug: None,
        slug_value: String::new(),
        version: None,
        rules: String::new(),
        questions: String::new(),
        action: ctx.href("/personal/bidrag/program"),
        errors: FormErrors::default(),
        problems: Vec::new(),
        published: false,
    };
    Ok(render(&page)?.into_response())
}

/// `GET /personal/bidrag/program/{slug}`: a programme's current texts, to publish a new version.
pub async fn programme_editor(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    crate::web::form::Query(params): crate::web::form::Query<EditorParams>,
) -> Result<Response, AppError> {
    let row = store::programme(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let page = ProgrammeEditor {
        rules_hints: Wording::of(&state, &ctx).await?.toml("rules", &row.rules),
        shell: ctx.shell(&state),
        action: ctx.href(&format!("/personal/bidrag/program/{slug}")),
        slug: Some(slug),
        slug_value: String::new(),
        version: Some(row.version.to_string()),
        rules: row.rules,
        questions: row.questions,
        errors: FormErrors::default(),
        problems: Vec::new(),
        published: params.klart == "publicerad",
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct ProgrammeForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    rules: String,
    #[serde(default)]
    questions: String,
}

fn valid_slug(slug: &str) -> bool {
    (2..=60).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Checks a programme's texts; what to publish, or the problems.
fn check_texts(form: &ProgrammeForm) -> Result<(super::ProgrammeRules, UtcTime), Vec<RulesProblem>> {
    let rules = parse_rules(&form.rules);
    let questions = parse_questions(&form.questions);
    let problem = |e: RulesError| RulesProblem { key: e.key, detail: e.detail };
    match (rules, questions) {
        (Ok(rules), Ok(_)) => {
            let closes = super::closes_at(rules.deadline).ok_or_else(|| {
                vec![RulesProblem { key: "grants-rules-error-deadline", detail: String::new() }]
            })?;
            Ok((rules, UtcTime(closes)))
        }
        (rules, questions) => {
            let mut problems: Vec<RulesProblem> =
                rules.err().unwrap_or_default().into_iter().map(problem).collect();
            problems.extend(questions.err().unwrap_or_default().into_iter().map(problem));
            Err(problems)
        }
    }
}

async fn publish(
    state: &AppState,
    ctx: &PageContext,
    slug: Option<String>,
    form: ProgrammeForm,
) -> Result<Response, AppError> {
    let creating = slug.is_none();
    let slug_value = slug.clone().unwrap_or_else(|| form.slug.trim().to_string());
    let mut errors = FormErrors::default();
    if creating && !valid_slug(&slug_value) {
        errors.add("slug", "grants-error-slug");
    }
    let checked = check_texts(&form);
    let wording = Wording::of(state, ctx).await?;
    let show_again = |errors: FormErrors, problems: Vec<RulesProblem>| ProgrammeEditor {
        rules_hints: wording.toml("rules", &form.rules),
        shell: ctx.shell(state),
        action: match &slug {
            Some(slug) => ctx.href(&format!("/personal/bidrag/program/{slug}")),
            None => ctx.href("/personal/bidrag/program"),
        },
        slug: slug.clone(),
        slug_value: slug_value.clone(),
        version: None,
        rules: form.rules.clone(),
        questions: form.questions.clone(),
        errors,
        problems,
        published: false,
    };
    let (rules, closes_at) = match checked {
        Ok(checked) if errors.is_empty() => checked,
        Ok(_) => return Ok((INVALID, render(&show_again(errors, Vec::new()))?).into_response()),
        Err(problems) => return Ok((INVALID, render(&show_again(errors, problems))?).into_response()),
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let programme = if creating {
        match store::create_programme(&mut tx, &slug_value).await? {
            Some(id) => id,
            None => {
                drop(tx);
                let mut errors = FormErrors::default();
                errors.add("slug", "grants-error-slug-taken");
                return Ok((INVALID, render(&show_again(errors, Vec::new()))?).into_response());
            }
        }
    } else {
        store::programme(&state.db, &slug_value).await?.ok_or(AppError::NotFound)?.id
    };
    let new = NewVersion {
        rules: &form.rules,
        questions: &form.questions,
        name_sv: &rules.name.sv,
        name_en: &rules.name.en,
        closes_at,
    };
    let version = store::publish_version(&mut tx, programme, &new, me).await?;
    let entry =
        event(ctx, Action::GrantProgrammePublished, "grant_programme", format!("{programme}/{version}"));
    crate::audit::store::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href(&format!("/personal/bidrag/program/{slug_value}?klart=publicerad")))
        .into_response())
}

/// `POST /personal/bidrag/program`: a new programme with its first version.
pub async fn create_programme(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, AppError> {
    publish(&state, &ctx, None, form).await
}

/// `POST /personal/bidrag/program/{slug}`: publishes a new version; applications made under an
/// earlier one keep their rules.
pub async fn publish_version(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, AppError> {
    store::programme(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    publish(&state, &ctx, Some(slug), form).await
}

// ---- One application.

/// One score as the assessment page shows it.
pub struct ScoreView {
    pub assessor: String,
    pub criterion: String,
    pub score: i32,
    pub reason: String,
}

/// One criterion in the assessor's own form.
pub struct ScoreField {
    pub id: String,
    pub name: String,
    pub weight: u32,
    pub choices: Vec<(i32, bool)>,
    pub reason: String,
    pub score_error: Option<&'static str>,
    pub reason_error: Option<&'static str>,
}

pub struct BudgetRow {
    pub label: String,
    pub amount: String,
}

pub struct PaymentRow {
    pub date: String,
    pub amount: String,
    pub reference: String,
}

pub struct FileRow {
    pub name: String,
    pub size: String,
    pub kind_key: &'static str,
    pub href: String,
}

pub struct DecisionView {
    pub outcome_key: &'static str,
    pub amount: String,
    pub conditions: Option<String>,
    pub reasons: String,
    pub date: String,
}

/// What the decision and payment forms hold when they come back with problems.
#[derive(Default, Clone)]
pub struct DecisionDraft {
    pub outcome: String,
    pub amount: String,
    pub conditions: String,
    pub reasons: String,
    pub paid_on: String,
    pub paid_amount: String,
    pub reference: String,
}

#[derive(Template)]
#[template(path = "grants/staff_application.html")]
struct AssessmentPage<'a> {
    shell: Shell<'a>,
    association: String,
    programme: ProgrammeView,
    status_key: &'static str,
    submitted: bool,
    sent_on: String,
    requested: String,
    known: Vec<(String, String)>,
    answers: Vec<SummaryStep>,
    budget: Vec<BudgetRow>,
    budget_total: String,
    files: Vec<FileRow>,
    scores: Vec<ScoreView>,
    percent: Option<String>,
    assessed: usize,
    needed: usize,
    conflicted: bool,
    conflicts: usize,
    may_score: bool,
    score_fields: Vec<ScoreField>,
    ready: bool,
    decision: Option<DecisionView>,
    payments: Vec<PaymentRow>,
    paid_total: String,
    /// The follow-up's state (catalogue key, due day, late) once the grant is paid, and what it
    /// reported once submitted.
    follow_up_state: Option<(&'static str, String, bool)>,
    follow_up: Option<FollowUpView>,
    /// The association's submitted follow-ups of earlier grants in the programme.
    earlier_follow_ups: Vec<FollowUpView>,
    draft: DecisionDraft,
    errors: FormErrors,
    /// The score form's problems for the error summary: (field id, criterion, message).
    score_errors: Vec<(String, String, &'static str)>,
    notice: Option<&'static str>,
    base: String,
}

/// The problems and drafts the page comes back with.
#[derive(Default)]
struct Shown {
    errors: FormErrors,
    /// Problems of the score form: the field (`poang-{criterion}` or `motivering-{criterion}`)
    /// and the message.
    score_problems: Vec<(String, &'static str)>,
    scores: Vec<(String, i32, String)>,
    draft: DecisionDraft,
    notice: Option<&'static str>,
}

/// What the register said when the application was sent, as label key and value.
fn known_facts(snapshot: Option<&str>) -> Vec<(String, String)> {
    let Some(value) = snapshot.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok()) else {
        return Vec::new();
    };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
        }
        _ => String::new(),
    };
    [
        ("grants-known-org-number", "org_number"),
        ("grants-known-email", "email"),
        ("grants-known-phone", "phone"),
        ("grants-known-target-groups", "target_groups"),
        ("grants-known-areas", "areas"),
        ("grants-known-languages", "languages"),
    ]
    .into_iter()
    .map(|(key, field)| (key.to_string(), value.get(field).map(text).unwrap_or_default()))
    .collect()
}

async fn assessment_page(
    state: &AppState,
    ctx: &PageContext,
    application: &ApplicationRow,
    shown: Shown,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let me = ctx.person()?.person.id;
    let row = version_of(state, application).await?;
    let (rules, form) = published(&row.rules, &row.questions)?;
    let shell = ctx.shell(state);
    let base = application_href(ctx, application.id);
    let stored = application.answers()?;
    let score_rows = store::scores(&state.db, application.id).await?;
    let scores: Vec<_> = score_rows.iter().map(|s| s.score()).collect();
    let conflicts = store::conflicted(&state.db, application.id).await?;
    let may_score = policy::may_score_grant(&ctx.current.actor, &conflicts);
    let submitted = application.status() == Status::Submitted;
    let complete = complete_assessors(&rules.criteria, &scores);
    let needed = assessors_needed(application.requested_ore, rules.two_assessors_above_ore);
    let criterion_name = |id: &str| {
        rules
            .criteria
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.get(locale).to_string())
    };
    let score_fields = rules
        .criteria
        .iter()
        .map(|c| {
            let sent = shown.scores.iter().find(|(id, _, _)| *id == c.id);
            let mine = score_rows.iter().find(|s| s.assessor_id == me && s.criterion == c.id);
            let chosen = sent.map(|(_, s, _)| *s).or(mine.map(|m| m.score));
            ScoreField {
                id: c.id.clone(),
                name: c.name.get(locale).to_string(),
                weight: c.weight,
                choices: (0..=MAX_SCORE).map(|n| (n, chosen == Some(n))).collect(),
                reason: sent
                    .map(|(_, _, r)| r.clone())
                    .or(mine.map(|m| m.reason.clone()))
                    .unwrap_or_default(),
                score_error: shown
                    .score_problems
                    .iter()
                    .find(|(field, _)| *field == format!("poang-{}", c.id))
                    .map(|(_, key)| *key),
                reason_error: shown
                    .score_problems
                    .iter()
                    .find(|(field, _)| *field == format!("motivering-{}", c.id))
                    .map(|(_, key)| *key),
            }
        })
        .collect();
    let budget_lines = store::budget(&state.db, application.id).await?;
    let payments = store::payments(&state.db, application.id).await?;
    let decision = store::decision(&state.db, application.id).await?;
    let files = store::files(state.db.sql(), application.id)
        .await?
        .into_iter()
        .map(|f| FileRow {
            href: format!("{base}/filer/{}", f.id),
            kind_key: f.kind_key(),
            size: f.size(),
            name: f.file_name,
        })
        .collect();
    let groups = Names::target_groups(&state.db, locale).await?;
    let follow_up_row = store::follow_up(&state.db, application.id).await?;
    let follow_up_state = follow_up_row.as_ref().map(|f| {
        let state = f.state(crate::stockholm::today());
        (state.key(), state.date(), state.late())
    });
    let follow_up = follow_up_row.filter(|f| f.submitted()).map(|f| FollowUpView::new(&f, &groups));
    let earlier_follow_ups =
        store::earlier_follow_ups(&state.db, application.entry_id, application.programme_id, application.id)
            .await?
            .iter()
            .map(|f| FollowUpView::new(f, &groups))
            .collect();
    let page = AssessmentPage {
        association: application.entry_name.clone(),
        programme: ProgrammeView::new(&row, &rules, locale, Utc::now()),
        status_key: application.status().key(),
        submitted,
        sent_on: application.submitted_at.map(format_stockholm).unwrap_or_default(),
        requested: format_kronor(application.requested_ore),
        known: known_facts(application.register_snapshot.as_deref()),
        answers: summary(&form, &stored, &[], &shell, |_| String::new(), None),
        budget_total: format_kronor(
            super::money::total(budget_lines.iter().map(|l| l.amount_ore)).unwrap_or(0),
        ),
        budget: budget_lines
            .into_iter()
            .map(|l| BudgetRow { label: l.label, amount: format_kronor(l.amount_ore) })
            .collect(),
        files,
        scores: score_rows
            .iter()
            .map(|s| ScoreView {
                assessor: s.assessor_name.clone(),
                criterion: criterion_name(&s.criterion),
                score: s.score,
                reason: s.reason.clone(),
            })
            .collect(),
        percent: weighted_percent(&rules.criteria, &scores).map(|p| p.to_string()),
        assessed: complete.len(),
        needed,
        conflicted: conflicts.contains(&me),
        conflicts: conflicts.len(),
        may_score: may_score && submitted,
        score_fields,
        ready: may_score && submitted && complete.len() >= needed,
        decision: decision.map(|d| DecisionView {
            outcome_key: d.outcome().key(),
            amount: format_kronor(d.amount_ore),
            conditions: d.conditions.clone(),
            reasons: d.reasons.clone(),
            date: format_stockholm(d.decided_at),
        }),
        paid_total: format_kronor(super::money::total(payments.iter().map(|p| p.amount_ore)).unwrap_or(0)),
        payments: payments
            .into_iter()
            .map(|p| PaymentRow {
                date: p.paid_on.format("%Y-%m-%d").to_string(),
                amount: format_kronor(p.amount_ore),
                reference: p.reference,
            })
            .collect(),
        follow_up_state,
        follow_up,
        earlier_follow_ups,
        draft: shown.draft,
        errors: shown.errors.clone(),
        score_errors: shown
            .score_problems
            .iter()
            .map(|(field, key)| {
                let criterion = field.split_once('-').map_or("", |(_, id)| id);
                (field.clone(), criterion_name(criterion), *key)
            })
            .collect(),
        notice: shown.notice,
        base,
        shell,
    };
    let invalid = !page.errors.is_empty() || !page.score_errors.is_empty();
    let status = if invalid { INVALID } else { axum::http::StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ApplicationParams {
    #[serde(default)]
    klart: String,
}

/// `GET /personal/bidrag/ansokningar/{application}`: the application, its assessments, decision
/// and payments. Reading it is logged.
pub async fn application(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    crate::web::form::Query(params): crate::web::form::Query<ApplicationParams>,
) -> Result<Response, AppError> {
    let application = assessed_application(&state, &ctx, id).await?;
    crate::audit::store::record(
        &state.db,
        &event(&ctx, Action::GrantApplicationViewed, "grant_application", id),
    )
    .await?;
    let notice = match params.klart.as_str() {
        "jav" => Some("grants-notice-conflict"),
        "bedomt" => Some("grants-notice-scored"),
        "beslutat" => Some("grants-notice-decided"),
        "utbetalt" => Some("grants-notice-paid"),
        _ => None,
    };
    assessment_page(&state, &ctx, &application, Shown { notice, ..Default::default() }).await
}

fn done(ctx: &PageContext, id: Uuid, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}", application_href(ctx, id))).into_response()
}

/// `POST /personal/bidrag/ansokningar/{application}/jav`: the assessor declares a conflict of
/// interest; their scores of the application go and they take no further part in it.
pub async fn declare_conflict(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let application = assessed_application(&state, &ctx, id).await?;
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::declare_conflict(&mut tx, application.id, me).await? {
        return Ok(Redirect::to(&application_href(&ctx, id)).into_response());
    }
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantConflictDeclared, "grant_application", id),
    )
    .await?;
    tx.commit().await?;
    Ok(done(&ctx, id, "jav"))
}

/// Refuses an assessor with a declared conflict of interest (403, audited).
async fn unconflicted(state: &AppState, ctx: &PageContext, application: Uuid) -> Result<(), AppError> {
    let conflicts = store::conflicted(&state.db, application).await?;
    let allowed = policy::may_score_grant(&ctx.current.actor, &conflicts);
    let target = crate::web::guard::Target::new("grant_application", application);
    crate::web::guard::allow(state, ctx, allowed, target, crate::web::guard::Refusal::Forbidden).await
}

/// `POST /personal/bidrag/ansokningar/{application}/bedomning`: the assessor's score of every
/// criterion, each with a short reason.
pub async fn score(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let application = assessed_application(&state, &ctx, id).await?;
    unconflicted(&state, &ctx, id).await?;
    let row = version_of(&state, &application).await?;
    let (rules, _) = published(&row.rules, &row.questions)?;
    let mut problems: Vec<(String, &'static str)> = Vec::new();
    let mut sent = Vec::new();
    for criterion in &rules.criteria {
        let score_text = first_value(&pairs, &format!("poang-{}", criterion.id));
        let reason_text = first_value(&pairs, &format!("motivering-{}", criterion.id));
        let score = score_text.trim().parse::<i32>().ok().filter(|s| (0..=MAX_SCORE).contains(s));
        if score.is_none() {
            problems.push((criterion.id.clone(), "grants-error-score"));
        } else if let Err(problem) = bounded_text(&reason_text, MAX_REASON_CHARS) {
            let key = if problem == TextProblem::Missing {
                "grants-error-reason"
            } else {
                "grants-error-reason-too-long"
            };
            problems.push((format!("motivering-{}", criterion.id), key));
        }
        sent.push((criterion.id.clone(), score.unwrap_or(-1), reason_text.trim().to_string()));
    }
    if !problems.is_empty() {
        let shown = Shown { score_problems: problems, scores: sent, ..Default::default() };
        return assessment_page(&state, &ctx, &application, shown).await;
    }
    let me = ctx.person()?.person.id;
    let scores: Vec<NewScore<'_>> =
        sent.iter().map(|(criterion, score, reason)| NewScore { criterion, score: *score, reason }).collect();
    let mut tx = state.db.begin_write().await?;
    if !store::save_scores(&mut tx, id, me, &scores).await? {
        // Decided, withdrawn or a conflict declared meanwhile: nothing is written.
        return Ok(Redirect::to(&application_href(&ctx, id)).into_response());
    }
    crate::audit::store::append(&mut tx, &event(&ctx, Action::GrantScored, "grant_application", id)).await?;
    tx.commit().await?;
    Ok(done(&ctx, id, "bedomt"))
}

fn decision_draft(pairs: &[(String, String)]) -> DecisionDraft {
    DecisionDraft {
        outcome: first_value(pairs, "utfall"),
        amount: first_value(pairs, "belopp"),
        conditions: first_value(pairs, "villkor"),
        reasons: first_value(pairs, "skal"),
        paid_on: first_value(pairs, "datum"),
        paid_amount: first_value(pairs, "utbetalt"),
        reference: first_value(pairs, "referens"),
    }
}

/// The e-mail that tells the association of the decision; its page has the whole text.
async fn decision_mail(
    state: &AppState,
    application: &ApplicationRow,
    outcome: Outcome,
    amount_ore: i64,
) -> Result<Vec<Email>, AppError> {
    let to = super::reminders::recipients(&state.db, application.entry_id).await?;
    let locale = Locale::SV;
    let link = state
        .absolute(&locale.href(&format!("/forening/{}/bidrag/{}", application.entry_slug, application.id)));
    let outcome_text = state.catalogues.plain_with(locale, outcome.key(), &[]);
    let args = [
        ("programme", application.programme_name_sv.clone().into()),
        ("association", application.entry_name.clone().into()),
        ("outcome", outcome_text.into()),
        ("amount", format_kronor(amount_ore).into()),
        ("link", link.into()),
    ];
    Ok(to
        .into_iter()
        .map(|to| Email {
            to,
            subject: state.catalogues.plain_with(locale, "grants-mail-decision-subject", &args),
            body: state.catalogues.plain_with(locale, "grants-mail-decision-body", &args),
        })
        .collect())
}

/// `POST /personal/bidrag/ansokningar/{application}/beslut`: the decision, with amount, conditions
/// and reasons in plain language, once the assessments the amount needs are complete; sent to the
/// association.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let application = assessed_application(&state, &ctx, id).await?;
    unconflicted(&state, &ctx, id).await?;
    let row = version_of(&state, &application).await?;
    let (rules, _) = published(&row.rules, &row.questions)?;
    let draft = decision_draft(&pairs);
    let mut errors = FormErrors::default();
    let scores: Vec<_> = store::scores(&state.db, id).await?.iter().map(|s| s.score()).collect();
    if complete_assessors(&rules.criteria, &scores).len()
        < assessors_needed(application.requested_ore, rules.two_assessors_above_ore)
    {
        errors.add("utfall", "grants-error-not-assessed");
    }
    let outcome = Outcome::parse(draft.outcome.trim());
    if outcome.is_none() {
        errors.add("utfall", "grants-error-outcome");
    }
    let amount_ore = match outcome {
        Some(Outcome::Granted) => match parse_kronor(&draft.amount).filter(|a| *a > 0 && *a <= rules.max_ore)
        {
            Some(amount) => amount,
            None => {
                errors.add("belopp", "grants-error-decision-amount");
                0
            }
        },
        _ => 0,
    };
    let conditions = optional_text(&draft.conditions, MAX_DECISION_TEXT_CHARS).map_err(|p| {
        p.add_to(&mut errors, "villkor", "grants-error-text-too-long", "grants-error-text-too-long")
    });
    let reasons = bounded_text(&draft.reasons, MAX_DECISION_TEXT_CHARS)
        .map_err(|p| p.add_to(&mut errors, "skal", "grants-error-reasons", "grants-error-text-too-long"));
    let (Some(outcome), Ok(conditions), Ok(reasons)) = (outcome, conditions, reasons) else {
        return assessment_page(&state, &ctx, &application, Shown { errors, draft, ..Default::default() })
            .await;
    };
    if !errors.is_empty() {
        return assessment_page(&state, &ctx, &application, Shown { errors, draft, ..Default::default() })
            .await;
    }
    let mails = decision_mail(&state, &application, outcome, amount_ore).await?;
    let me = ctx.person()?.person.id;
    let decision = NewDecision { outcome, amount_ore, conditions: conditions.as_deref(), reasons: &reasons };
    let mut tx = state.db.begin_write().await?;
    if !store::decide(&mut tx, id, &decision, me).await? {
        return Ok(Redirect::to(&application_href(&ctx, id)).into_response());
    }
    for mail in &mails {
        crate::mail::store::enqueue(&mut tx, mail).await?;
    }
    crate::audit::store::append(&mut tx, &event(&ctx, Action::GrantDecided, "grant_application", id)).await?;
    tx.commit().await?;
    Ok(done(&ctx, id, "beslutat"))
}

/// `POST /personal/bidrag/ansokningar/{application}/utbetalning`: a payment made (no bank
/// integration: the date, the amount and the payment's reference).
pub async fn record_payment(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let application = assessed_application(&state, &ctx, id).await?;
    let draft = decision_draft(&pairs);
    let mut errors = FormErrors::default();
    let paid_on = NaiveDate::parse_from_str(draft.paid_on.trim(), "%Y-%m-%d").ok();
    if paid_on.is_none() {
        errors.add("datum", "grants-error-date");
    }
    let amount = parse_kronor(&draft.paid_amount).filter(|a| *a > 0);
    if amount.is_none() {
        errors.add("utbetalt", "grants-error-amount");
    }
    let reference = bounded_text(&draft.reference, MAX_REFERENCE_CHARS).map_err(|p| {
        p.add_to(&mut errors, "referens", "grants-error-reference", "grants-error-text-too-long")
    });
    let (Some(paid_on), Some(amount), Ok(reference)) = (paid_on, amount, reference) else {
        return assessment_page(&state, &ctx, &application, Shown { errors, draft, ..Default::default() })
            .await;
    };
    // The first payment opens the grant's follow-up, due by the rules it was decided under.
    let row = version_of(&state, &application).await?;
    let (rules, _) = published(&row.rules, &row.questions)?;
    let schedule = store::decision(&state.db, id)
        .await?
        .map(|d| super::follow_up::schedule(&rules, crate::stockholm::date_of(d.decided_at.0)));
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let Some(payment) = store::record_payment(&mut tx, id, paid_on, amount, &reference, me).await? else {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("datum", "grants-error-not-granted");
        return assessment_page(&state, &ctx, &application, Shown { errors, draft, ..Default::default() })
            .await;
    };
    if let Some(schedule) = &schedule {
        store::open_follow_up(&mut tx, id, schedule).await?;
    }
    crate::audit::store::append(
        &mut tx,
        &event(&ctx, Action::GrantPaymentRecorded, "grant_payment", payment),
    )
    .await?;
    tx.commit().await?;
    Ok(done(&ctx, id, "utbetalt"))
}

/// `GET /personal/bidrag/ansokningar/{application}/filer/{file}`: an attachment, as a download.
pub async fn file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, file)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    assessed_application(&state, &ctx, id).await?;
    let (name, content) = store::file_content(&state.db, id, file).await?.ok_or(AppError::NotFound)?;
    crate::audit::store::record(&state.db, &event(&ctx, Action::GrantFileRead, "grant_file", file)).await?;
    crate::applications::download(&name, "application/pdf", content)
}

/// `GET /personal/bidrag/beslut.csv`: every decision for the board's minutes, as CSV that Swedish
/// Excel opens (amounts in kronor with a decimal comma, no personal data).
pub async fn decisions_csv(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    if !policy::may_assess_grants(&ctx.current.actor) {
        return Err(AppError::Forbidden);
    }
    let locale = ctx.location.locale;
    let lines = store::decisions(&state.db).await?;
    let header_keys = [
        "grants-csv-association",
        "grants-csv-org-number",
        "grants-csv-programme",
        "grants-csv-version",
        "grants-csv-requested",
        "grants-csv-outcome",
        "grants-csv-amount",
        "grants-csv-conditions",
        "grants-csv-reasons",
        "grants-csv-decided",
    ];
    let header: Vec<String> =
        header_keys.iter().map(|k| state.catalogues.plain_with(locale, k, &[])).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = lines.into_iter().map(|d| {
        let outcome = Outcome::parse(&d.outcome).unwrap_or(Outcome::Refused);
        vec![
            d.entry_name,
            d.org_number.unwrap_or_default(),
            d.programme_name_sv,
            d.programme_version.to_string(),
            super::money::kronor_field(d.requested_ore),
            state.catalogues.plain_with(locale, outcome.key(), &[]),
            super::money::kronor_field(d.amount_ore),
            d.conditions.unwrap_or_default(),
            d.reasons,
            crate::stockholm::date_of(d.decided_at.0).format("%Y-%m-%d").to_string(),
        ]
    });
    let bytes = crate::formats::csv::write(&header, rows)?;
    crate::audit::store::record(
        &state.db,
        &event(&ctx, Action::GrantDecisionsExported, "grant_decisions", "csv"),
    )
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, crate::formats::attachment_disposition("bidragsbeslut.csv")),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_slugs_are_plain() {
        assert!(valid_slug("verksamhetsbidrag-2027"));
        assert!(!valid_slug("Bidrag"));
        assert!(!valid_slug("-a"));
        assert!(!valid_slug("a"));
        assert!(!valid_slug("bidrag/../x"));
    }
}
