//! The reporters' SQL. A write that is part of a user action takes the action's `Tx` and does not
//! commit; reads take the `Db`. Every change of an article's state is one conditional statement
//! (`… WHERE status …`), so two people acting at once cannot both succeed: publishing also checks,
//! in the same statement, that no interviewee listed lacks consent.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{ArticleText, Interviewee, Lang, Status};
use crate::db::{Db, Param, Tx, UtcTime};

#[derive(sqlx::FromRow)]
struct ArticleRow {
    id: Uuid,
    author_id: Uuid,
    lang: String,
    title: String,
    lead: String,
    body: String,
    status: String,
    image_id: Option<Uuid>,
    image_alt: Option<String>,
    slug: Option<String>,
    byline: Option<String>,
    chosen_byline: Option<String>,
    updated_at: UtcTime,
    published_at: Option<UtcTime>,
}

/// An article as stored.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: Uuid,
    pub author_id: Uuid,
    pub text: ArticleText,
    pub status: Status,
    pub image: Option<(Uuid, String)>,
    /// Set when published.
    pub slug: Option<String>,
    /// The byline it was published under; before that, the one the author has chosen now.
    pub byline: Option<String>,
    pub updated_at: UtcTime,
    pub published_at: Option<UtcTime>,
}

impl TryFrom<ArticleRow> for Article {
    type Error = anyhow::Error;

    fn try_from(row: ArticleRow) -> anyhow::Result<Self> {
        let unknown = |what: &str| anyhow::anyhow!("an article row has an unknown {what}");
        Ok(Article {
            id: row.id,
            author_id: row.author_id,
            text: ArticleText {
                lang: Lang::parse(&row.lang).ok_or_else(|| unknown("language"))?,
                title: row.title,
                lead: row.lead,
                body: row.body,
            },
            status: Status::parse(&row.status).ok_or_else(|| unknown("status"))?,
            image: row.image_id.zip(row.image_alt),
            slug: row.slug,
            byline: row.byline.or(row.chosen_byline),
            updated_at: row.updated_at,
            published_at: row.published_at,
        })
    }
}

const SELECT_ARTICLE: &str = "SELECT a.id, a.author_id, a.lang, a.title, a.lead, a.body, a.status, a.image_id, \
     a.image_alt, a.slug, a.byline, b.byline AS chosen_byline, a.updated_at, a.published_at FROM articles a \
     LEFT JOIN reporter_bylines b ON b.person_id = a.author_id ";

fn articles(rows: Vec<ArticleRow>) -> anyhow::Result<Vec<Article>> {
    rows.into_iter().map(Article::try_from).collect()
}

// ---- Bylines.

pub async fn byline(db: &Db, person: Uuid) -> anyhow::Result<Option<String>> {
    Ok(db.sql().value("SELECT byline FROM reporter_bylines WHERE person_id = $1", &[&person]).await?)
}

pub async fn set_byline(tx: &mut Tx, person: Uuid, byline: &str) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO reporter_bylines (person_id, byline, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (person_id) DO UPDATE SET byline = excluded.byline, updated_at = excluded.updated_at",
            &[&person, &byline, &UtcTime::now()],
        )
        .await?;
    Ok(())
}

// ---- Articles.

pub async fn article(db: &Db, id: Uuid) -> anyhow::Result<Option<Article>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_ARTICLE}WHERE a.id = $1"));
    let row: Option<ArticleRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(Article::try_from).transpose()
}

/// A reporter's own articles, the latest changed first.
pub async fn articles_by(db: &Db, author: Uuid) -> anyhow::Result<Vec<Article>> {
    let sql =
        sqlx::AssertSqlSafe(format!("{SELECT_ARTICLE}WHERE a.author_id = $1 ORDER BY a.updated_at DESC"));
    articles(db.sql().all(sql, &[&author]).await?)
}

/// What the editor sees: every article sent to review, returned or published (never a draft that
/// was not sent), those waiting first.
pub async fn articles_for_editor(db: &Db) -> anyhow::Result<Vec<Article>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_ARTICLE}WHERE a.status <> 'draft' ORDER BY CASE a.status WHEN 'in_review' THEN 0 ELSE 1 END, \
         a.updated_at DESC"
    ));
    articles(db.sql().all(sql, &[]).await?)
}

/// Published articles, the newest first (`limit` is a validated integer, see PITFALLS).
pub async fn published(db: &Db, limit: u32) -> anyhow::Result<Vec<Article>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_ARTICLE}WHERE a.status = 'published' ORDER BY a.published_at DESC LIMIT {limit}"
    ));
    articles(db.sql().all(sql, &[]).await?)
}

pub async fn published_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Article>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_ARTICLE}WHERE a.slug = $1 AND a.status = 'published'"));
    let row: Option<ArticleRow> = db.sql().optional(sql, &[&slug]).await?;
    row.map(Article::try_from).transpose()
}

/// A new draft.
pub async fn create_article(tx: &mut Tx, author: Uuid, text: &ArticleText) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let params: [&dyn Param; 8] =
        [&id, &author, &text.lang.as_str(), &text.title, &text.lead, &text.body, &now, &now];
    tx.sql()
        .execute(
            "INSERT INTO articles (id, author_id, lang, title, lead, body, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8)",
            &params,
        )
        .await?;
    Ok(id)
}

/// Saves the text of an article its author may still change; false when it may not (sent or
/// published meanwhile).
pub async fn update_article(tx: &mut Tx, id: Uuid, text: &ArticleText) -> anyhow::Result<bool> {
    let params: [&dyn Param; 6] =
        [&id, &text.lang.as_str(), &text.title, &text.lead, &text.body, &UtcTime::now()];
    let changed = tx
        .sql()
        .execute(
            "UPDATE articles SET lang = $2, title = $3, lead = $4, body = $5, updated_at = $6 \
             WHERE id = $1 AND status IN ('draft', 'returned')",
            &params,
        )
        .await?;
    Ok(changed == 1)
}

/// Replaces the directory entries and event series an article mentions.
pub async fn set_links(tx: &mut Tx, id: Uuid, entries: &[Uuid], series: &[Uuid]) -> anyhow::Result<()> {
    tx.sql().execute("DELETE FROM article_entries WHERE article_id = $1", &[&id]).await?;
    tx.sql().execute("DELETE FROM article_series WHERE article_id = $1", &[&id]).await?;
    for entry in entries {
        tx.sql()
            .execute("INSERT INTO article_entries (article_id, entry_id) VALUES ($1, $2)", &[&id, entry])
            .await?;
    }
    for one in series {
        tx.sql()
            .execute("INSERT INTO article_series (article_id, series_id) VALUES ($1, $2)", &[&id, one])
            .await?;
    }
    Ok(())
}

/// Sends a writable article to the editor; false when it was not writable.
pub async fn send_to_review(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let changed = tx
        .sql()
        .execute(
            "UPDATE articles SET status = 'in_review', sent_at = $2, updated_at = $2 \
             WHERE id = $1 AND status IN ('draft', 'returned')",
            &[&id, &now],
        )
        .await?;
    Ok(changed == 1)
}

/// Returns an article in review to its author; false when it is not in review.
pub async fn return_to_author(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE articles SET status = 'returned', updated_at = $2 WHERE id = $1 AND status = 'in_review'",
            &[&id, &UtcTime::now()],
        )
        .await?;
    Ok(changed == 1)
}

/// Publishes an article in review under its address and byline, if every interviewee listed has
/// given consent (checked in the same statement, so a change in between cannot slip through);
/// false otherwise.
pub async fn publish(tx: &mut Tx, id: Uuid, slug: &str, byline: &str, by: Uuid) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let params: [&dyn Param; 5] = [&id, &slug, &byline, &by, &now];
    let changed = tx
        .sql()
        .execute(
            "UPDATE articles SET status = 'published', slug = $2, byline = $3, published_by = $4, \
             published_at = $5, updated_at = $5 WHERE id = $1 AND status = 'in_review' AND NOT EXISTS \
             (SELECT 1 FROM article_interviewees i WHERE i.article_id = $1 AND NOT i.consent_given)",
            &params,
        )
        .await?;
    Ok(changed == 1)
}

/// Sets when an article was published (the demo's older articles).
pub async fn set_published_at(tx: &mut Tx, id: Uuid, at: UtcTime) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "UPDATE articles SET published_at = $2, updated_at = $2 WHERE id = $1 AND status = 'published'",
            &[&id, &at],
        )
        .await?;
    Ok(())
}

/// Sets an article's picture and its alt text while its author may still change it: the picture it
/// had before (to delete), or `None` when it may not be changed.
pub async fn set_image(
    tx: &mut Tx,
    id: Uuid,
    image: Uuid,
    alt: &str,
) -> anyhow::Result<Option<Option<Uuid>>> {
    let old: Option<Option<Uuid>> = tx
        .sql()
        .value("SELECT image_id FROM articles WHERE id = $1 AND status IN ('draft', 'returned')", &[&id])
        .await?;
    let Some(old) = old else { return Ok(None) };
    let changed = tx
        .sql()
        .execute(
            "UPDATE articles SET image_id = $2, image_alt = $3, updated_at = $4 \
             WHERE id = $1 AND status IN ('draft', 'returned')",
            &[&id, &image, &alt, &UtcTime::now()],
        )
        .await?;
    Ok((changed == 1).then_some(old))
}

// ---- Interviewees and their consent.

#[derive(sqlx::FromRow)]
struct IntervieweeRow {
    name: Option<String>,
    consent_given: bool,
    consent_how: String,
    consent_on: NaiveDate,
}

pub async fn interviewees(db: &Db, article: Uuid) -> anyhow::Result<Vec<Interviewee>> {
    let rows: Vec<IntervieweeRow> = db
        .sql()
        .all(
            "SELECT name, consent_given, consent_how, consent_on FROM article_interviewees \
             WHERE article_id = $1 ORDER BY position",
            &[&article],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Interviewee {
            name: r.name,
            consent_given: r.consent_given,
            consent_how: r.consent_how,
            consent_on: r.consent_on,
        })
        .collect())
}

/// Adds an interviewee to an article its author may still change; false when it may not.
pub async fn add_interviewee(
    tx: &mut Tx,
    article: Uuid,
    who: &Interviewee,
    by: Uuid,
) -> anyhow::Result<bool> {
    let params: [&dyn Param; 7] =
        [&article, &who.name, &who.consent_given, &who.consent_how, &who.consent_on, &by, &UtcTime::now()];
    let added = tx
        .sql()
        .execute(
            "INSERT INTO article_interviewees (article_id, position, name, consent_given, consent_how, \
             consent_on, recorded_by, recorded_at) SELECT $1, (SELECT COALESCE(MAX(position), 0) + 1 FROM \
             article_interviewees WHERE article_id = $1), $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM \
             articles WHERE id = $1 AND status IN ('draft', 'returned'))",
            &params,
        )
        .await?;
    Ok(added == 1)
}

// ---- The editor's comments.

/// A comment on an article, with the name of who wrote it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub author_name: String,
    pub body: String,
    pub created_at: UtcTime,
}

pub async fn comments(db: &Db, article: Uuid) -> anyhow::Result<Vec<Comment>> {
    Ok(db
        .sql()
        .all(
            "SELECT p.display_name AS author_name, c.body, c.created_at FROM article_comments c \
             JOIN people p ON p.id = c.author_id WHERE c.article_id = $1 ORDER BY c.created_at",
            &[&article],
        )
        .await?)
}

pub async fn add_comment(tx: &mut Tx, article: Uuid, author: Uuid, body: &str) -> anyhow::Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO article_comments (id, article_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
            &[&Uuid::new_v4(), &article, &author, &body, &UtcTime::now()],
        )
        .await?;
    Ok(())
}

// ---- What an article mentions.

/// A directory entry or event series an article may mention: its id, address and name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Mention {
    pub id: Uuid,
    pub slug: String,
    pub name_sv: String,
    pub name_en: String,
}

/// The published directory entries, by name (to choose from).
pub async fn entry_choices(db: &Db) -> anyhow::Result<Vec<Mention>> {
    Ok(db
        .sql()
        .all(
            "SELECT id, slug, name AS name_sv, name AS name_en FROM directory_entries WHERE published = TRUE \
             ORDER BY name",
            &[],
        )
        .await?)
}

/// The public event series, by title (to choose from).
pub async fn series_choices(db: &Db) -> anyhow::Result<Vec<Mention>> {
    Ok(db
        .sql()
        .all(
            "SELECT id, slug, title_sv AS name_sv, title_en AS name_en FROM event_series WHERE public = TRUE \
             ORDER BY title_sv",
            &[],
        )
        .await?)
}

/// The published entries an article mentions.
pub async fn entries_of(db: &Db, article: Uuid) -> anyhow::Result<Vec<Mention>> {
    Ok(db
        .sql()
        .all(
            "SELECT d.id, d.slug, d.name AS name_sv, d.name AS name_en FROM article_entries l \
             JOIN directory_entries d ON d.id = l.entry_id WHERE l.article_id = $1 AND d.published = TRUE \
             ORDER BY d.name",
            &[&article],
        )
        .await?)
}

/// The public event series an article mentions.
pub async fn series_of(db: &Db, article: Uuid) -> anyhow::Result<Vec<Mention>> {
    Ok(db
        .sql()
        .all(
            "SELECT s.id, s.slug, s.title_sv AS name_sv, s.title_en AS name_en FROM article_series l \
             JOIN event_series s ON s.id = l.series_id WHERE l.article_id = $1 AND s.public = TRUE \
             ORDER BY s.title_sv",
            &[&article],
        )
        .await?)
}
