//! The public pages: the published articles (`/artiklar`), each article with its schema.org
//! `Article` data and the entries and events it mentions, and the Atom feed (`/artiklar.atom`).
//! Every article is shown under both languages' addresses, marked with the language it is
//! written in.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use pulldown_cmark::HeadingLevel;

use super::store::{self, Article, Mention};
use super::{JsonLd, json_ld};
use crate::events::atom::{self, AtomEntry};
use crate::i18n::{Locale, format_stockholm};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::Shell;
use crate::web::state::AppState;

/// How many articles the list and the feed show.
const LATEST: u32 = 50;

/// A link to an entry or event the article mentions.
pub struct MentionLink {
    pub href: String,
    pub name: String,
}

/// An article as it is read: the same on its public page and in the editor's preview.
pub struct ArticleView {
    pub title: String,
    pub lead: String,
    /// Sanitised HTML from the restricted Markdown (see `events::notes`).
    pub body_html: String,
    pub lang: &'static str,
    pub lang_key: &'static str,
    pub byline: Option<String>,
    pub published: Option<String>,
    /// The picture's address and alt text.
    pub image: Option<(String, String)>,
    pub entries: Vec<MentionLink>,
    pub series: Vec<MentionLink>,
}

fn links(ctx: &PageContext, mentions: &[Mention], prefix: &str) -> Vec<MentionLink> {
    mentions
        .iter()
        .map(|m| MentionLink {
            href: ctx.href(&format!("{prefix}/{}", m.slug)),
            name: if ctx.location.locale == Locale::EN { m.name_en.clone() } else { m.name_sv.clone() },
        })
        .collect()
}

impl ArticleView {
    pub async fn load(state: &AppState, ctx: &PageContext, article: &Article) -> Result<Self, AppError> {
        let entries = store::entries_of(&state.db, article.id).await?;
        let series = store::series_of(&state.db, article.id).await?;
        Ok(Self {
            title: article.text.title.clone(),
            lead: article.text.lead.clone(),
            body_html: crate::events::notes::to_html_under(&article.text.body, HeadingLevel::H1),
            lang: article.text.lang.as_str(),
            lang_key: article.text.lang.label_key(),
            byline: article.byline.clone(),
            published: article.published_at.map(format_stockholm),
            image: article.image.as_ref().map(|(id, alt)| (image_path(*id), alt.clone())),
            entries: links(ctx, &entries, "/stod"),
            series: links(ctx, &series, "/kalender"),
        })
    }
}

/// A published article in the list.
pub struct PublishedLine {
    pub href: String,
    pub title: String,
    pub lead: String,
    pub lang: &'static str,
    pub byline: String,
    pub published: String,
}

fn image_path(id: uuid::Uuid) -> String {
    format!("/bild/{id}")
}

fn article_path(article: &Article) -> String {
    format!("/artiklar/{}", article.slug.as_deref().unwrap_or_default())
}

#[derive(Template)]
#[template(path = "reporters/list.html")]
struct ListPage<'a> {
    shell: Shell<'a>,
    articles: Vec<PublishedLine>,
    feed_href: String,
}

/// `GET /artiklar`: the published articles, the newest first.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let articles = store::published(&state.db, LATEST)
        .await?
        .iter()
        .map(|a| PublishedLine {
            href: ctx.href(&article_path(a)),
            title: a.text.title.clone(),
            lead: a.text.lead.clone(),
            lang: a.text.lang.as_str(),
            byline: a.byline.clone().unwrap_or_default(),
            published: a.published_at.map(format_stockholm).unwrap_or_default(),
        })
        .collect();
    let page = ListPage { shell: ctx.shell(&state), articles, feed_href: ctx.href("/artiklar.atom") };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "reporters/article.html")]
struct ArticlePage<'a> {
    shell: Shell<'a>,
    article: ArticleView,
    json_ld: String,
}

/// `GET /artiklar/{slug}`: a published article.
pub async fn article(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let found = store::published_by_slug(&state.db, &slug).await?.ok_or(AppError::NotFound)?;
    let url = state.absolute(&ctx.href(&article_path(&found)));
    let image = found.image.as_ref().map(|(id, _)| state.absolute(&image_path(*id)));
    let json_ld = json_ld(&JsonLd {
        title: &found.text.title,
        lead: &found.text.lead,
        lang: found.text.lang,
        byline: found.byline.as_deref().unwrap_or_default(),
        url: &url,
        published: found.published_at.map_or_else(chrono::Utc::now, |t| t.0),
        image: image.as_deref(),
    });
    let article = ArticleView::load(&state, &ctx, &found).await?;
    Ok(render(&ArticlePage { shell: ctx.shell(&state), article, json_ld })?.into_response())
}

/// `GET /artiklar.atom`: the published articles as an Atom feed.
pub async fn feed(State(state): State<AppState>, ctx: PageContext) -> Result<Response, AppError> {
    let locale = ctx.location.locale;
    let entries: Vec<AtomEntry> = store::published(&state.db, LATEST)
        .await?
        .into_iter()
        .filter_map(|a| {
            let published = a.published_at?.0;
            Some(AtomEntry {
                id: format!("urn:uuid:{}", a.id),
                url: state.absolute(&ctx.href(&article_path(&a))),
                summary: a.text.lead,
                updated: published,
                starts: published,
                title: a.text.title,
            })
        })
        .collect();
    let name = state.catalogues.plain_with(locale, "articles-feed-name", &[]);
    let xml = atom::feed(
        &format!("urn:nara:articles:{}", locale.code()),
        &name,
        &state.absolute(&ctx.href("/artiklar.atom")),
        &state.absolute(&ctx.href("/artiklar")),
        locale.code(),
        &entries,
        chrono::Utc::now(),
    );
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}
