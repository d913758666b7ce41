//! Staff build surveys without code (`/personal/enkater`, staff and administrators): a draft
//! version starts as a copy of the published one; questions are added, changed, moved and
//! removed in the draft; publishing checks the whole version and names every problem. A
//! published version never changes, and answers keep the version they were given to.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::store::{self, SurveyRow};
use super::{MAX_CHOICES, MAX_TEXT_CHARS, Problem, Question, QuestionKind, Texts};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::i18n::Locale;
use crate::policy;
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, Query};
use crate::web::guard::{self, Refusal, Target};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// What staff wrote for a question.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default, rename = "text-sv")]
    pub text_sv: String,
    #[serde(default, rename = "text-en")]
    pub text_en: String,
    #[serde(default, rename = "text-easy")]
    pub text_easy: String,
    /// One answer a line: `Svenska | English | Lättläst`.
    #[serde(default)]
    pub options: String,
}

/// Reads a question as staff wrote it. A draft may be incomplete (publishing names what is
/// missing); here only what can never be right is refused: an unknown kind, too long a text,
/// too many answers, a line with more than three parts.
pub fn parse_question(form: &QuestionForm) -> Result<(QuestionKind, Texts, Vec<Texts>), FormErrors> {
    let mut errors = FormErrors::default();
    let kind = QuestionKind::parse(form.kind.trim());
    if kind.is_none() {
        errors.add("kind", "survey-error-kind");
    }
    let too_long = |text: &str| text.chars().count() > MAX_TEXT_CHARS;
    for (field, text) in
        [("text-sv", &form.text_sv), ("text-en", &form.text_en), ("text-easy", &form.text_easy)]
    {
        if too_long(text.trim()) {
            errors.add(field, "survey-error-text-too-long");
        }
    }
    let mut options = Vec::new();
    for line in form.options.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        if parts.len() > 3 || parts.iter().any(|p| too_long(p)) {
            errors.add("options", "survey-error-option-line");
            break;
        }
        let part = |i: usize| parts.get(i).map(|p| p.to_string()).unwrap_or_default();
        options.push(Texts { sv: part(0), en: part(1), easy: part(2) });
    }
    if options.len() > MAX_CHOICES {
        errors.add("options", "survey-error-too-many-options");
    }
    let texts = Texts {
        sv: form.text_sv.trim().to_string(),
        en: form.text_en.trim().to_string(),
        easy: form.text_easy.trim().to_string(),
    };
    match kind {
        Some(kind) if errors.is_empty() => Ok((kind, texts, options)),
        _ => Err(errors),
    }
}

/// The options of a question as the form shows them again.
fn options_text(options: &[Texts]) -> String {
    options.iter().map(|o| format!("{} | {} | {}", o.sv, o.en, o.easy)).collect::<Vec<_>>().join("\n")
}

/// The survey, if this person may build surveys; others are refused, and audited.
async fn built_survey(state: &AppState, ctx: &PageContext, key: &str) -> Result<SurveyRow, AppError> {
    let allowed = policy::may_build_surveys(&ctx.current.actor);
    guard::allow(state, ctx, allowed, Target::new("survey", key), Refusal::Forbidden).await?;
    store::survey(&state.db, key).await?.ok_or(AppError::NotFound)
}

/// The draft version, or a clear "bad request" for a survey without one.
fn draft_of(survey: &SurveyRow) -> Result<i32, AppError> {
    survey.draft.ok_or(AppError::BadRequest)
}

fn title(survey: &SurveyRow, locale: Locale) -> String {
    if locale == Locale::EN { survey.title_en.clone() } else { survey.title_sv.clone() }
}

fn survey_href(ctx: &PageContext, key: &str) -> String {
    ctx.href(&format!("/personal/enkater/{key}"))
}

pub struct SurveyLine {
    pub title: String,
    pub key: String,
    pub href: String,
    pub published: String,
    pub draft: bool,
}

#[derive(Template)]
#[template(path = "surveys/list.html")]
struct ListPage<'a> {
    shell: Shell<'a>,
    surveys: Vec<SurveyLine>,
}

/// `GET /personal/enkater`: every survey, its published version and whether a draft is open.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let allowed = policy::may_build_surveys(&ctx.current.actor);
    guard::allow(&state, &ctx, allowed, Target::new("survey", "*"), Refusal::Forbidden).await?;
    let surveys = store::surveys(&state.db)
        .await?
        .into_iter()
        .map(|s| SurveyLine {
            title: title(&s, ctx.location.locale),
            href: survey_href(&ctx, &s.key),
            published: s.published.map(|v| v.to_string()).unwrap_or_else(|| "–".into()),
            draft: s.draft.is_some(),
            key: s.key,
        })
        .collect();
    Ok(render(&ListPage { shell: ctx.shell(&state), surveys })?.into_response())
}

/// One question of a version as the builder shows it.
pub struct QuestionLine {
    pub number: usize,
    pub text: String,
    pub kind_key: &'static str,
    pub options: Vec<String>,
    pub edit_href: String,
    pub move_action: String,
    pub remove_action: String,
    pub first: bool,
    pub last: bool,
}

pub struct ProblemLine {
    pub key: &'static str,
    pub detail: String,
}

pub struct KindChoice {
    pub value: &'static str,
    pub label_key: &'static str,
    pub selected: bool,
}

fn kind_choices(selected: &str) -> Vec<KindChoice> {
    QuestionKind::ALL
        .into_iter()
        .map(|k| KindChoice { value: k.as_str(), label_key: k.label_key(), selected: k.as_str() == selected })
        .collect()
}

#[derive(Template)]
#[template(path = "surveys/survey.html")]
struct SurveyPage<'a> {
    shell: Shell<'a>,
    title: String,
    key: String,
    published: Option<i32>,
    published_questions: Vec<QuestionLine>,
    draft: Option<i32>,
    draft_questions: Vec<QuestionLine>,
    problems: Vec<ProblemLine>,
    notice: Option<&'static str>,
    /// The form for a new question (kept with its problems).
    form: QuestionForm,
    errors: FormErrors,
    kinds: Vec<KindChoice>,
    base: String,
}

fn lines(ctx: &PageContext, base: &str, questions: &[Question]) -> Vec<QuestionLine> {
    let locale = ctx.location.locale;
    let wording = super::Wording::of(locale, false);
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let href = format!("{base}/fragor/{}", q.key);
            QuestionLine {
                number: i + 1,
                text: q.text.get(wording).to_string(),
                kind_key: q.kind.label_key(),
                options: q.options.iter().map(|o| o.get(wording).to_string()).collect(),
                move_action: format!("{href}/flytta"),
                remove_action: format!("{href}/ta-bort"),
                edit_href: href,
                first: i == 0,
                last: i + 1 == questions.len(),
            }
        })
        .collect()
}

async fn survey_page(
    state: &AppState,
    ctx: &PageContext,
    survey: &SurveyRow,
    problems: Vec<ProblemLine>,
    form: QuestionForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let base = survey_href(ctx, &survey.key);
    let published_questions = match survey.published {
        Some(v) => lines(ctx, &base, &store::questions(&state.db, &survey.key, v).await?),
        None => Vec::new(),
    };
    let draft_questions = match survey.draft {
        Some(v) => lines(ctx, &base, &store::questions(&state.db, &survey.key, v).await?),
        None => Vec::new(),
    };
    let invalid = !problems.is_empty() || !errors.is_empty();
    let page = SurveyPage {
        shell: ctx.shell(state),
        title: title(survey, ctx.location.locale),
        key: survey.key.clone(),
        published: survey.published,
        published_questions,
        draft: survey.draft,
        draft_questions,
        problems,
        notice,
        kinds: kind_choices(&form.kind),
        form,
        errors,
        base,
    };
    let status = if invalid { INVALID } else { StatusCode::OK };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    klart: Option<String>,
}

/// `GET /personal/enkater/{survey}`: the published version, and the draft being written.
pub async fn survey(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(key): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let notice = match query.klart.as_deref() {
        Some("publicerad") => Some("survey-notice-published"),
        Some("utkast") => Some("survey-notice-draft"),
        Some("sparad") => Some("survey-notice-saved"),
        _ => None,
    };
    survey_page(&state, &ctx, &survey, Vec::new(), QuestionForm::default(), FormErrors::default(), notice)
        .await
}

fn saved(ctx: &PageContext, key: &str, notice: &str) -> Response {
    Redirect::to(&format!("{}?klart={notice}", survey_href(ctx, key))).into_response()
}

/// `POST /personal/enkater/{survey}/utkast`: starts a new version from the published one.
pub async fn create_draft(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let mut tx = state.db.begin_write().await?;
    // A draft already open (someone else's, or a double click) is simply the one to work on.
    if store::create_draft(&mut tx, &survey.key).await?.is_some() {
        tx.commit().await?;
    }
    Ok(saved(&ctx, &survey.key, "utkast"))
}

/// `POST /personal/enkater/{survey}/fragor`: a new question at the end of the draft.
pub async fn add_question(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(key): Path<String>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let draft = draft_of(&survey)?;
    let (kind, text, options) = match parse_question(&form) {
        Ok(parsed) => parsed,
        Err(errors) => return survey_page(&state, &ctx, &survey, Vec::new(), form, errors, None).await,
    };
    let question = Question { key: String::new(), kind, text, options };
    let mut tx = state.db.begin_write().await?;
    store::add_question(&mut tx, &survey.key, draft, &question).await?;
    tx.commit().await?;
    Ok(saved(&ctx, &survey.key, "sparad"))
}

#[derive(Template)]
#[template(path = "surveys/question.html")]
struct QuestionPage<'a> {
    shell: Shell<'a>,
    survey_title: String,
    survey_href: String,
    action: String,
    form: QuestionForm,
    errors: FormErrors,
    kinds: Vec<KindChoice>,
}

async fn draft_question(
    state: &AppState,
    survey: &SurveyRow,
    question_key: &str,
) -> Result<(i32, Question), AppError> {
    let draft = draft_of(survey)?;
    let question = store::questions(&state.db, &survey.key, draft)
        .await?
        .into_iter()
        .find(|q| q.key == question_key)
        .ok_or(AppError::NotFound)?;
    Ok((draft, question))
}

fn question_page(
    state: &AppState,
    ctx: &PageContext,
    survey: &SurveyRow,
    question_key: &str,
    form: QuestionForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let href = survey_href(ctx, &survey.key);
    let status = if errors.is_empty() { StatusCode::OK } else { INVALID };
    let page = QuestionPage {
        shell: ctx.shell(state),
        survey_title: title(survey, ctx.location.locale),
        action: format!("{href}/fragor/{question_key}"),
        survey_href: href,
        kinds: kind_choices(&form.kind),
        form,
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /personal/enkater/{survey}/fragor/{question}`: a question of the draft to change.
pub async fn question(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((key, question_key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let (_, question) = draft_question(&state, &survey, &question_key).await?;
    let form = QuestionForm {
        kind: question.kind.as_str().into(),
        text_sv: question.text.sv,
        text_en: question.text.en,
        text_easy: question.text.easy,
        options: options_text(&question.options),
    };
    question_page(&state, &ctx, &survey, &question_key, form, FormErrors::default())
}

/// `POST /personal/enkater/{survey}/fragor/{question}`: saves a changed question of the draft.
pub async fn save_question(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((key, question_key)): Path<(String, String)>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let (draft, _) = draft_question(&state, &survey, &question_key).await?;
    let (kind, text, options) = match parse_question(&form) {
        Ok(parsed) => parsed,
        Err(errors) => return question_page(&state, &ctx, &survey, &question_key, form, errors),
    };
    let question = Question { key: question_key, kind, text, options };
    let mut tx = state.db.begin_write().await?;
    if !store::update_question(&mut tx, &survey.key, draft, &question).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(saved(&ctx, &survey.key, "sparad"))
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    riktning: String,
}

/// `POST /personal/enkater/{survey}/fragor/{question}/flytta`: one place up or down.
pub async fn move_question(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((key, question_key)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let (draft, _) = draft_question(&state, &survey, &question_key).await?;
    let up = match form.riktning.as_str() {
        "upp" => true,
        "ner" => false,
        _ => return Err(AppError::BadRequest),
    };
    let mut tx = state.db.begin_write().await?;
    if store::move_question(&mut tx, &survey.key, draft, &question_key, up).await? {
        tx.commit().await?;
    }
    Ok(saved(&ctx, &survey.key, "sparad"))
}

/// `POST /personal/enkater/{survey}/fragor/{question}/ta-bort`: removes a question from the draft.
pub async fn remove_question(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((key, question_key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let (draft, _) = draft_question(&state, &survey, &question_key).await?;
    let mut tx = state.db.begin_write().await?;
    store::remove_question(&mut tx, &survey.key, draft, &question_key).await?;
    tx.commit().await?;
    Ok(saved(&ctx, &survey.key, "sparad"))
}

/// `POST /personal/enkater/{survey}/publicera`: checks the whole draft and publishes it, or
/// names every problem.
pub async fn publish(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let survey = built_survey(&state, &ctx, &key).await?;
    let draft = draft_of(&survey)?;
    let questions = store::questions(&state.db, &survey.key, draft).await?;
    let problems = super::check(&questions);
    if !problems.is_empty() {
        let problems =
            problems.iter().map(|p: &Problem| ProblemLine { key: p.key(), detail: p.detail() }).collect();
        return survey_page(
            &state,
            &ctx,
            &survey,
            problems,
            QuestionForm::default(),
            FormErrors::default(),
            None,
        )
        .await;
    }
    let mut tx = state.db.begin_write().await?;
    if store::publish(&mut tx, &survey.key, draft).await? {
        let event = AuditEvent::new(AuditActor::of(&ctx.current.actor), Action::SurveyPublished, "survey")
            .object(format!("{}/{draft}", survey.key))
            .request(ctx.request_id.clone());
        crate::audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
    }
    Ok(saved(&ctx, &survey.key, "publicerad"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str, options: &str) -> QuestionForm {
        QuestionForm {
            kind: kind.into(),
            text_sv: " Fråga ".into(),
            text_en: "Question".into(),
            text_easy: String::new(),
            options: options.into(),
        }
    }

    #[test]
    fn a_question_is_read_with_its_answers() {
        let (kind, text, options) =
            parse_question(&form("choice", "Ett | One | Ett\n\n  Två | Two  \n")).unwrap();
        assert_eq!(kind, QuestionKind::Choice);
        assert_eq!(text.sv, "Fråga");
        assert_eq!(text.easy, "", "a draft may lack a text; publishing names it");
        assert_eq!(options.len(), 2);
        assert_eq!(options[1], Texts { sv: "Två".into(), en: "Two".into(), easy: String::new() });
    }

    #[test]
    fn what_can_never_be_right_is_refused() {
        let fields = |f: &QuestionForm| -> Vec<(&str, &str)> {
            parse_question(f).unwrap_err().items().iter().map(|e| (e.field, e.key)).collect()
        };
        assert_eq!(fields(&form("rating", "")), [("kind", "survey-error-kind")]);
        assert_eq!(fields(&form("choice", "a | b | c | d")), [("options", "survey-error-option-line")]);
        let many = (0..=MAX_CHOICES).map(|i| format!("Val {i}")).collect::<Vec<_>>().join("\n");
        assert_eq!(fields(&form("choice", &many)), [("options", "survey-error-too-many-options")]);
        let mut long = form("free_text", "");
        long.text_en = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(fields(&long), [("text-en", "survey-error-text-too-long")]);
    }

    #[test]
    fn options_come_back_as_written() {
        let options = vec![Texts { sv: "Ja".into(), en: "Yes".into(), easy: "Ja".into() }];
        assert_eq!(options_text(&options), "Ja | Yes | Ja");
    }
}
