//! The reporter's pages (`/invanarreporter`): the name they write under, their articles, writing a
//! draft (saved as often as they like, then sent to the editor), and the people they interviewed
//! with their consent.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::access;
use super::store::{self, Article, Comment, Mention};
use super::{
    ArticleText, Interviewee, Lang, MAX_BODY, MAX_BYLINE, MAX_CONSENT_HOW, MAX_LEAD, MAX_NAME, MAX_TITLE,
};
use crate::audit::Action;
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::form::{Form, FormErrors, INVALID, all_values, bounded_text, first_value, optional_text};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// An article in a list.
pub struct ArticleLine {
    pub href: String,
    pub title: String,
    pub status_key: &'static str,
    pub lang: &'static str,
    pub updated: String,
}

impl ArticleLine {
    pub fn of(href: String, article: &Article) -> Self {
        Self {
            href,
            title: article.text.title.clone(),
            status_key: article.status.label_key(),
            lang: article.text.lang.as_str(),
            updated: format_stockholm(article.updated_at),
        }
    }
}

#[derive(Template)]
#[template(path = "reporters/home.html")]
struct HomePage<'a> {
    shell: Shell<'a>,
    byline: String,
    errors: FormErrors,
    articles: Vec<ArticleLine>,
    notice: Option<&'static str>,
}

async fn home_page(
    state: &AppState,
    ctx: &PageContext,
    byline: Option<String>,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let me = ctx.person()?.person.id;
    let byline = match byline {
        Some(typed) => typed,
        None => store::byline(&state.db, me).await?.unwrap_or_default(),
    };
    let articles = store::articles_by(&state.db, me)
        .await?
        .iter()
        .map(|a| ArticleLine::of(ctx.href(&format!("/invanarreporter/artiklar/{}", a.id)), a))
        .collect();
    let status = if errors.is_empty() { axum::http::StatusCode::OK } else { INVALID };
    let page = HomePage { shell: ctx.shell(state), byline, errors, articles, notice };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize, Default)]
pub struct NoticeQuery {
    #[serde(default)]
    klart: String,
}

/// What a `?klart=` after a redirect says happened.
fn notice(query: &NoticeQuery) -> Option<&'static str> {
    match query.klart.as_str() {
        "namn" => Some("reporter-byline-saved"),
        "sparat" => Some("article-saved"),
        "skickat" => Some("article-sent"),
        "intervjuad" => Some("article-interviewee-added"),
        "bild" => Some("article-image-saved"),
        _ => None,
    }
}

/// `GET /invanarreporter`: the byline and the reporter's own articles.
pub async fn home(
    State(state): State<AppState>,
    ctx: PageContext,
    crate::web::form::Query(query): crate::web::form::Query<NoticeQuery>,
) -> Result<Response, AppError> {
    home_page(&state, &ctx, None, FormErrors::default(), notice(&query)).await
}

#[derive(Deserialize, Default)]
pub struct BylineForm {
    #[serde(default)]
    byline: String,
}

/// `POST /invanarreporter/namn`: the name the reporter's articles are signed with.
pub async fn set_byline(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<BylineForm>,
) -> Result<Response, AppError> {
    let byline = match bounded_text(&form.byline, MAX_BYLINE) {
        Ok(byline) => byline,
        Err(problem) => {
            let mut errors = FormErrors::default();
            problem.add_to(&mut errors, "byline", "reporter-error-byline", "reporter-error-byline-long");
            return home_page(&state, &ctx, Some(form.byline), errors, None).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    store::set_byline(&mut tx, me, &byline).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ReporterBylineChosen, "person", me))
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&ctx.href("/invanarreporter?klart=namn")).into_response())
}

/// The article form as posted (read as pairs: the mentions are ticked checkboxes).
#[derive(Default, Clone)]
pub(super) struct ArticleForm {
    lang: String,
    title: String,
    lead: String,
    body: String,
    entries: Vec<String>,
    series: Vec<String>,
    send: bool,
}

impl ArticleForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        Self {
            lang: first_value(pairs, "lang"),
            title: first_value(pairs, "title"),
            lead: first_value(pairs, "lead"),
            body: first_value(pairs, "body"),
            entries: all_values(pairs, "entries"),
            series: all_values(pairs, "series"),
            send: first_value(pairs, "action") == "skicka",
        }
    }

    fn of(article: &Article, entries: &[Mention], series: &[Mention]) -> Self {
        Self {
            lang: article.text.lang.as_str().into(),
            title: article.text.title.clone(),
            lead: article.text.lead.clone(),
            body: article.text.body.clone(),
            entries: entries.iter().map(|m| m.slug.clone()).collect(),
            series: series.iter().map(|m| m.slug.clone()).collect(),
            send: false,
        }
    }
}

/// What a valid form says: the text and the ids of the entries and series it mentions.
struct Read {
    text: ArticleText,
    entries: Vec<Uuid>,
    series: Vec<Uuid>,
}

/// Each mention must be one of the choices offered; their ids, or the problem.
fn chosen(slugs: &[String], choices: &[Mention]) -> Option<Vec<Uuid>> {
    let mut ids: Vec<Uuid> = slugs
        .iter()
        .map(|slug| choices.iter().find(|c| &c.slug == slug).map(|c| c.id))
        .collect::<Option<_>>()?;
    ids.sort();
    ids.dedup();
    Some(ids)
}

fn read(form: &ArticleForm, choices: &Choices) -> Result<Read, FormErrors> {
    let mut errors = FormErrors::default();
    let lang = Lang::parse(form.lang.trim());
    if lang.is_none() {
        errors.add("lang", "article-error-lang");
    }
    let title = bounded_text(&form.title, MAX_TITLE)
        .map_err(|p| p.add_to(&mut errors, "title", "article-error-title", "article-error-title-long"));
    let lead = bounded_text(&form.lead, MAX_LEAD)
        .map_err(|p| p.add_to(&mut errors, "lead", "article-error-lead", "article-error-lead-long"));
    let body = bounded_text(&form.body, MAX_BODY)
        .map_err(|p| p.add_to(&mut errors, "body", "article-error-body", "article-error-body-long"));
    let entries = chosen(&form.entries, &choices.entries);
    if entries.is_none() {
        errors.add("entries", "article-error-mention");
    }
    let series = chosen(&form.series, &choices.series);
    if series.is_none() {
        errors.add("series", "article-error-mention");
    }
    match (lang, title, lead, body, entries, series) {
        (Some(lang), Ok(title), Ok(lead), Ok(body), Some(entries), Some(series)) if errors.is_empty() => {
            Ok(Read { text: ArticleText { lang, title, lead, body }, entries, series })
        }
        _ => Err(errors),
    }
}

/// The directory entries and event series an article may mention.
struct Choices {
    entries: Vec<Mention>,
    series: Vec<Mention>,
}

async fn choices(state: &AppState) -> Result<Choices, AppError> {
    Ok(Choices {
        entries: store::entry_choices(&state.db).await?,
        series: store::series_choices(&state.db).await?,
    })
}

/// A choice as a checkbox.
pub struct Choice {
    pub slug: String,
    pub name: String,
    pub checked: bool,
}

fn boxes(choices: &[Mention], ticked: &[String], locale: Locale) -> Vec<Choice> {
    choices
        .iter()
        .map(|c| Choice {
            slug: c.slug.clone(),
            name: if locale == Locale::EN { c.name_en.clone() } else { c.name_sv.clone() },
            checked: ticked.contains(&c.slug),
        })
        .collect()
}

/// An interviewee as the article's page lists them.
pub struct IntervieweeLine {
    pub name: Option<String>,
    pub consent_given: bool,
    pub consent_how: String,
    pub consent_on: String,
}

pub fn interviewee_lines(interviewees: &[Interviewee]) -> Vec<IntervieweeLine> {
    interviewees
        .iter()
        .map(|i| IntervieweeLine {
            name: i.name.clone(),
            consent_given: i.consent_given,
            consent_how: i.consent_how.clone(),
            consent_on: i.consent_on.format("%Y-%m-%d").to_string(),
        })
        .collect()
}

/// A comment as shown.
pub struct CommentLine {
    pub author: String,
    pub body: String,
    pub when: String,
}

pub fn comment_lines(comments: &[Comment]) -> Vec<CommentLine> {
    comments
        .iter()
        .map(|c| CommentLine {
            author: c.author_name.clone(),
            body: c.body.clone(),
            when: format_stockholm(c.created_at),
        })
        .collect()
}

/// The interviewee form as posted.
#[derive(Deserialize, Default, Clone)]
pub struct IntervieweeForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    anonymous: String,
    #[serde(default)]
    consent: String,
    #[serde(default, rename = "consent-how")]
    consent_how: String,
    #[serde(default, rename = "consent-on")]
    consent_on: String,
}

#[derive(Template)]
#[template(path = "reporters/article_form.html")]
struct ArticlePage<'a> {
    shell: Shell<'a>,
    /// `None` for a new article.
    article: Option<ArticleFacts>,
    action: String,
    form: ArticleForm,
    errors: FormErrors,
    entries: Vec<Choice>,
    series: Vec<Choice>,
    interviewees: Vec<IntervieweeLine>,
    person: IntervieweeForm,
    person_errors: FormErrors,
    image_alt: String,
    image_errors: FormErrors,
    comments: Vec<CommentLine>,
    notice: Option<&'static str>,
}

/// What the form page says about an existing article.
struct ArticleFacts {
    status_key: &'static str,
    writable: bool,
    interviewee_action: String,
    image_action: String,
    /// The picture's address and alt text.
    image: Option<(String, String)>,
    public_href: Option<String>,
}

impl ArticlePage<'_> {
    /// The text is a form while the reporter may change it (a new article, a draft, returned).
    fn shows_form(&self) -> bool {
        self.article.as_ref().is_none_or(|a| a.writable)
    }

    fn lang_checked(&self, lang: &str) -> bool {
        self.form.lang == lang || (self.form.lang.is_empty() && lang == self.shell.lang())
    }
}

/// An existing article's page: the forms beside the text (an interviewee, the picture) as posted.
pub(super) struct Existing<'a> {
    pub article: &'a Article,
    pub person: IntervieweeForm,
    pub person_errors: FormErrors,
    pub image_alt: String,
    pub image_errors: FormErrors,
    pub notice: Option<&'static str>,
}

impl<'a> Existing<'a> {
    pub fn of(article: &'a Article) -> Self {
        Self {
            article,
            person: IntervieweeForm::default(),
            person_errors: FormErrors::default(),
            image_alt: article.image.as_ref().map(|(_, alt)| alt.clone()).unwrap_or_default(),
            image_errors: FormErrors::default(),
            notice: None,
        }
    }
}

pub(super) async fn article_page(
    state: &AppState,
    ctx: &PageContext,
    existing: Option<Existing<'_>>,
    form: ArticleForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let choices = choices(state).await?;
    let (article, action, interviewees, comments, person, person_errors, image, notice) = match existing {
        None => (
            None,
            ctx.href("/invanarreporter/ny"),
            Vec::new(),
            Vec::new(),
            IntervieweeForm::default(),
            FormErrors::default(),
            (String::new(), FormErrors::default()),
            None,
        ),
        Some(e) => {
            let a = e.article;
            let path = format!("/invanarreporter/artiklar/{}", a.id);
            let facts = ArticleFacts {
                status_key: a.status.label_key(),
                writable: a.status.writable(),
                interviewee_action: ctx.href(&format!("{path}/intervjuad")),
                image_action: ctx.href(&format!("{path}/bild")),
                image: a.image.as_ref().map(|(id, alt)| (format!("/bild/{id}"), alt.clone())),
                public_href: a.slug.as_ref().map(|s| ctx.href(&format!("/artiklar/{s}"))),
            };
            (
                Some(facts),
                ctx.href(&path),
                interviewee_lines(&store::interviewees(&state.db, a.id).await?),
                comment_lines(&store::comments(&state.db, a.id).await?),
                e.person,
                e.person_errors,
                (e.image_alt, e.image_errors),
                e.notice,
            )
        }
    };
    let (image_alt, image_errors) = image;
    let fine = errors.is_empty() && person_errors.is_empty() && image_errors.is_empty();
    let status = if fine { axum::http::StatusCode::OK } else { INVALID };
    let page = ArticlePage {
        shell: ctx.shell(state),
        article,
        action,
        entries: boxes(&choices.entries, &form.entries, locale),
        series: boxes(&choices.series, &form.series, locale),
        form,
        errors,
        interviewees,
        person,
        person_errors,
        image_alt,
        image_errors,
        comments,
        notice,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /invanarreporter/ny`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    article_page(&state, &ctx, None, ArticleForm::default(), FormErrors::default()).await
}

/// The form as the article was last saved, with what it mentions.
pub(super) async fn form_of(state: &AppState, article: &Article) -> Result<ArticleForm, AppError> {
    let entries = store::entries_of(&state.db, article.id).await?;
    let series = store::series_of(&state.db, article.id).await?;
    Ok(ArticleForm::of(article, &entries, &series))
}

/// Sending needs a byline, so the editor can publish what is sent.
async fn check_send(state: &AppState, ctx: &PageContext, errors: &mut FormErrors) -> Result<(), AppError> {
    let me = ctx.person()?.person.id;
    if store::byline(&state.db, me).await?.is_none() {
        errors.add("title", "article-error-send-without-byline");
    }
    Ok(())
}

pub(super) fn back_to(ctx: &PageContext, id: Uuid, what: &str) -> Response {
    Redirect::to(&ctx.href(&format!("/invanarreporter/artiklar/{id}?klart={what}"))).into_response()
}

/// `POST /invanarreporter/ny`: a new draft, or one sent to the editor at once.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = ArticleForm::from_pairs(&pairs);
    let mut read = read(&form, &choices(&state).await?);
    if form.send {
        let mut errors = read.as_ref().err().cloned().unwrap_or_default();
        check_send(&state, &ctx, &mut errors).await?;
        if !errors.is_empty() {
            read = Err(errors);
        }
    }
    let read = match read {
        Ok(read) => read,
        Err(errors) => return article_page(&state, &ctx, None, form, errors).await,
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    let id = store::create_article(&mut tx, me, &read.text).await?;
    store::set_links(&mut tx, id, &read.entries, &read.series).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ArticleSaved, "article", id)).await?;
    if form.send {
        store::send_to_review(&mut tx, id).await?;
        crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ArticleSent, "article", id))
            .await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, if form.send { "skickat" } else { "sparat" }))
}

/// `GET /invanarreporter/artiklar/{article}`: the article, its interviewees and the editor's
/// comments; the form while the reporter may still change it.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    crate::web::form::Query(query): crate::web::form::Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let article = access::own_article(&state, &ctx, id).await?;
    let form = form_of(&state, &article).await?;
    let existing = Existing { notice: notice(&query), ..Existing::of(&article) };
    article_page(&state, &ctx, Some(existing), form, FormErrors::default()).await
}

/// `POST /invanarreporter/artiklar/{article}`: saves the draft again, or sends it.
pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let article = access::own_article(&state, &ctx, id).await?;
    if !article.status.writable() {
        return Err(AppError::NotFound);
    }
    let form = ArticleForm::from_pairs(&pairs);
    let mut read = read(&form, &choices(&state).await?);
    if form.send {
        let mut errors = read.as_ref().err().cloned().unwrap_or_default();
        check_send(&state, &ctx, &mut errors).await?;
        if !errors.is_empty() {
            read = Err(errors);
        }
    }
    let read = match read {
        Ok(read) => read,
        Err(errors) => {
            return article_page(&state, &ctx, Some(Existing::of(&article)), form, errors).await;
        }
    };
    let mut tx = state.db.begin_write().await?;
    if !store::update_article(&mut tx, id, &read.text).await? {
        return Err(AppError::NotFound);
    }
    store::set_links(&mut tx, id, &read.entries, &read.series).await?;
    crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ArticleSaved, "article", id)).await?;
    if form.send {
        store::send_to_review(&mut tx, id).await?;
        crate::audit::store::append(&mut tx, &access::event(&ctx, Action::ArticleSent, "article", id))
            .await?;
    }
    tx.commit().await?;
    Ok(back_to(&ctx, id, if form.send { "skickat" } else { "sparat" }))
}

/// The interviewee as written, or the problems.
fn read_interviewee(form: &IntervieweeForm, today: NaiveDate) -> Result<Interviewee, FormErrors> {
    let mut errors = FormErrors::default();
    let anonymous = form.anonymous == "ja";
    let name = optional_text(&form.name, MAX_NAME)
        .map_err(|p| p.add_to(&mut errors, "name", "article-error-name", "article-error-name-long"));
    if matches!(name, Ok(None)) && !anonymous {
        errors.add("name", "article-error-name");
    }
    let consent_given = match form.consent.as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    if consent_given.is_none() {
        errors.add("consent", "article-error-consent");
    }
    let how = bounded_text(&form.consent_how, MAX_CONSENT_HOW).map_err(|p| {
        p.add_to(&mut errors, "consent-how", "article-error-consent-how", "article-error-consent-how-long")
    });
    let on = NaiveDate::parse_from_str(form.consent_on.trim(), "%Y-%m-%d").ok().filter(|d| *d <= today);
    if on.is_none() {
        errors.add("consent-on", "article-error-consent-on");
    }
    match (name, consent_given, how, on) {
        (Ok(name), Some(consent_given), Ok(consent_how), Some(consent_on)) if errors.is_empty() => {
            Ok(Interviewee {
                name: if anonymous { None } else { name },
                consent_given,
                consent_how,
                consent_on,
            })
        }
        _ => Err(errors),
    }
}

/// `POST /invanarreporter/artiklar/{article}/intervjuad`: someone interviewed, and their consent.
pub async fn add_interviewee(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<Uuid>,
    Form(form): Form<IntervieweeForm>,
) -> Result<Response, AppError> {
    let article = access::own_article(&state, &ctx, id).await?;
    if !article.status.writable() {
        return Err(AppError::NotFound);
    }
    let who = match read_interviewee(&form, crate::stockholm::today()) {
        Ok(who) => who,
        Err(person_errors) => {
            let existing = Existing { person: form, person_errors, ..Existing::of(&article) };
            let article_form = form_of(&state, &article).await?;
            return article_page(&state, &ctx, Some(existing), article_form, FormErrors::default()).await;
        }
    };
    let me = ctx.person()?.person.id;
    let mut tx = state.db.begin_write().await?;
    if !store::add_interviewee(&mut tx, id, &who, me).await? {
        return Err(AppError::NotFound);
    }
    let event = access::event(&ctx, Action::ArticleIntervieweeRecorded, "article", id);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(back_to(&ctx, id, "intervjuad"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, anonymous: &str, consent: &str, how: &str, on: &str) -> IntervieweeForm {
        IntervieweeForm {
            name: name.into(),
            anonymous: anonymous.into(),
            consent: consent.into(),
            consent_how: how.into(),
            consent_on: on.into(),
        }
    }

    #[test]
    fn an_interviewee_is_named_or_anonymous_with_how_and_when_consent_was_asked() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let named = read_interviewee(&form(" Kim ", "", "ja", "muntligt", "2026-12-01"), today).unwrap();
        assert_eq!(named.name.as_deref(), Some("Kim"));
        assert!(named.consent_given);
        let anonymous = read_interviewee(&form("Kim", "ja", "nej", "e-post", "2026-12-06"), today).unwrap();
        assert_eq!(anonymous.name, None, "anonymous wins over a name typed too");
        assert!(!anonymous.consent_given);
        let errors = read_interviewee(&form("", "", "", "", "2026-12-07"), today).unwrap_err();
        for field in ["name", "consent", "consent-how", "consent-on"] {
            assert!(errors.has(field), "{field}");
        }
    }

    #[test]
    fn mentions_must_be_among_the_choices() {
        let mention = |slug: &str| Mention {
            id: Uuid::new_v4(),
            slug: slug.into(),
            name_sv: slug.into(),
            name_en: slug.into(),
        };
        let choices = [mention("fontanhuset"), mention("stadsmissionen")];
        let ids = chosen(&["stadsmissionen".into(), "stadsmissionen".into()], &choices).unwrap();
        assert_eq!(ids, vec![choices[1].id]);
        assert_eq!(chosen(&["okand".into()], &choices), None);
        assert_eq!(chosen(&[], &choices), Some(vec![]));
    }
}
