//! The text review's SQL. A write that is part of a user action takes the action's `Tx` and does
//! not commit; reads take the `Db`. Every change of a text's state is one conditional statement
//! (`… WHERE state … AND reviewer_id …`), so two people acting at once cannot both succeed: two
//! reviewers taking one open text, or a decision on a text the author has just changed.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Channel, State, Submission};
use crate::db::{Db, Param, Tx, UtcTime};

#[derive(sqlx::FromRow)]
struct ReviewRow {
    id: Uuid,
    title: String,
    audience: String,
    channel: String,
    deadline: NaiveDate,
    author_id: Uuid,
    author_name: String,
    reviewer_id: Option<Uuid>,
    reviewer_name: Option<String>,
    state: String,
    versions: i32,
    updated_at: UtcTime,
}

/// A text under review, as stored, with the names of its author and reviewer.
#[derive(Debug, Clone)]
pub struct Review {
    pub id: Uuid,
    pub title: String,
    pub audience: String,
    pub channel: Channel,
    pub deadline: NaiveDate,
    pub author_id: Uuid,
    pub author_name: String,
    pub reviewer_id: Option<Uuid>,
    pub reviewer_name: Option<String>,
    pub state: State,
    /// The number of the latest version.
    pub versions: i32,
    pub updated_at: UtcTime,
}

impl Review {
    /// Open for any reviewer to take: submitted and not taken.
    pub fn is_open(&self) -> bool {
        self.state == State::Submitted && self.reviewer_id.is_none()
    }
}

impl TryFrom<ReviewRow> for Review {
    type Error = anyhow::Error;

    fn try_from(row: ReviewRow) -> anyhow::Result<Self> {
        let unknown = |what: &str| anyhow::anyhow!("a text review row has an unknown {what}");
        Ok(Review {
            id: row.id,
            title: row.title,
            audience: row.audience,
            channel: Channel::parse(&row.channel).ok_or_else(|| unknown("channel"))?,
            deadline: row.deadline,
            author_id: row.author_id,
            author_name: row.author_name,
            reviewer_id: row.reviewer_id,
            reviewer_name: row.reviewer_name,
            state: State::parse(&row.state).ok_or_else(|| unknown("state"))?,
            versions: row.versions,
            updated_at: row.updated_at,
        })
    }
}

const SELECT_REVIEW: &str = "SELECT r.id, r.title, r.audience, r.channel, r.deadline, r.author_id, \
     a.display_name AS author_name, r.reviewer_id, v.display_name AS reviewer_name, r.state, \
     (SELECT COALESCE(MAX(n.number), 0) FROM text_review_versions n WHERE n.review_id = r.id) AS versions, \
     r.updated_at FROM text_reviews r JOIN people a ON a.id = r.author_id \
     LEFT JOIN people v ON v.id = r.reviewer_id ";

fn reviews(rows: Vec<ReviewRow>) -> anyhow::Result<Vec<Review>> {
    rows.into_iter().map(Review::try_from).collect()
}

pub async fn review(db: &Db, id: Uuid) -> anyhow::Result<Option<Review>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT_REVIEW}WHERE r.id = $1"));
    let row: Option<ReviewRow> = db.sql().optional(sql, &[&id]).await?;
    row.map(Review::try_from).transpose()
}

/// An author's own texts, the latest changed first.
pub async fn reviews_by(db: &Db, author: Uuid) -> anyhow::Result<Vec<Review>> {
    let sql =
        sqlx::AssertSqlSafe(format!("{SELECT_REVIEW}WHERE r.author_id = $1 ORDER BY r.updated_at DESC"));
    reviews(db.sql().all(sql, &[&author]).await?)
}

/// What a reviewer may take (open, not taken) and what is theirs, the nearest deadline first.
pub async fn reviews_for_reviewer(db: &Db, reviewer: Uuid) -> anyhow::Result<Vec<Review>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_REVIEW}WHERE (r.state = 'submitted' AND r.reviewer_id IS NULL) OR r.reviewer_id = $1 \
         ORDER BY r.deadline, r.updated_at"
    ));
    reviews(db.sql().all(sql, &[&reviewer]).await?)
}

/// Every text not yet approved, for the coordinator who assigns reviewers, the nearest deadline
/// first.
pub async fn unfinished(db: &Db) -> anyhow::Result<Vec<Review>> {
    let sql = sqlx::AssertSqlSafe(format!(
        "{SELECT_REVIEW}WHERE r.state <> 'approved' ORDER BY r.deadline, r.updated_at"
    ));
    reviews(db.sql().all(sql, &[]).await?)
}

/// A new text, open for review, with its first version.
pub async fn submit(tx: &mut Tx, author: Uuid, submission: &Submission) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let now = UtcTime::now();
    let params: [&dyn Param; 8] = [
        &id,
        &submission.title,
        &submission.audience,
        &submission.channel.as_str(),
        &submission.deadline,
        &author,
        &now,
        &now,
    ];
    tx.sql()
        .execute(
            "INSERT INTO text_reviews (id, title, audience, channel, deadline, author_id, state, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7, $8)",
            &params,
        )
        .await?;
    tx.sql()
        .execute(
            "INSERT INTO text_review_versions (review_id, number, body, created_by, created_at) \
             VALUES ($1, 1, $2, $3, $4)",
            &[&id, &submission.text, &author, &now],
        )
        .await?;
    Ok(id)
}

/// A new version by the author while the text is not approved: back to its reviewer (or open
/// again when nobody has it). The new version's number, or `None` when the text is approved.
pub async fn add_version(tx: &mut Tx, id: Uuid, author: Uuid, text: &str) -> anyhow::Result<Option<i32>> {
    let now = UtcTime::now();
    let changed = tx
        .sql()
        .execute(
            "UPDATE text_reviews SET state = CASE WHEN reviewer_id IS NULL THEN 'submitted' ELSE 'in_review' END, \
             updated_at = $3 WHERE id = $1 AND author_id = $2 AND state <> 'approved'",
            &[&id, &author, &now],
        )
        .await?;
    if changed != 1 {
        return Ok(None);
    }
    let number: Option<i32> = tx
        .sql()
        .value(
            "INSERT INTO text_review_versions (review_id, number, body, created_by, created_at) \
             SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4 FROM text_review_versions WHERE review_id = $1 \
             RETURNING number",
            &[&id, &text, &author, &now],
        )
        .await?;
    Ok(number)
}

/// A reviewer takes an open text; false when someone else took it first (or it is not open).
pub async fn take(tx: &mut Tx, id: Uuid, reviewer: Uuid) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE text_reviews SET reviewer_id = $2, state = 'in_review', updated_at = $3 \
             WHERE id = $1 AND state = 'submitted' AND reviewer_id IS NULL AND author_id <> $2",
            &[&id, &reviewer, &UtcTime::now()],
        )
        .await?;
    Ok(changed == 1)
}

/// The coordinator gives a text not yet approved to a reviewer; false when it is approved.
pub async fn assign(tx: &mut Tx, id: Uuid, reviewer: Uuid) -> anyhow::Result<bool> {
    let changed = tx
        .sql()
        .execute(
            "UPDATE text_reviews SET reviewer_id = $2, \
             state = CASE WHEN state = 'submitted' THEN 'in_review' ELSE state END, updated_at = $3 \
             WHERE id = $1 AND state <> 'approved' AND author_id <> $2",
            &[&id, &reviewer, &UtcTime::now()],
        )
        .await?;
    Ok(changed == 1)
}

/// The reviewer's decision on a text in review that is theirs, made on version `seen`: `Approved`
/// or `Returned`; false when it is no longer theirs, no longer in review, or the author has made
/// a newer version since the page was shown (nobody approves a version they have not read).
pub async fn decide(
    tx: &mut Tx,
    id: Uuid,
    reviewer: Uuid,
    seen: i32,
    decision: State,
) -> anyhow::Result<bool> {
    let now = UtcTime::now();
    let decided: Option<UtcTime> = (decision == State::Approved).then_some(now);
    let changed = tx
        .sql()
        .execute(
            "UPDATE text_reviews SET state = $3, decided_at = $4, updated_at = $5 \
             WHERE id = $1 AND reviewer_id = $2 AND state = 'in_review' AND author_id <> $2 \
             AND (SELECT MAX(number) FROM text_review_versions WHERE review_id = $1) = $6",
            &[&id, &reviewer, &decision.as_str(), &decided, &now, &seen],
        )
        .await?;
    Ok(changed == 1)
}

// ---- Versions.

/// One version of a text.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub number: i32,
    pub body: String,
    pub created_at: UtcTime,
}

/// Every version of a text, the first first.
pub async fn versions(db: &Db, review: Uuid) -> anyhow::Result<Vec<Version>> {
    Ok(db
        .sql()
        .all(
            "SELECT number, body, created_at FROM text_review_versions WHERE review_id = $1 ORDER BY number",
            &[&review],
        )
        .await?)
}

// ---- Comments and answers.

/// A new comment: on which passage of which version, what to change and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    pub version: i32,
    pub passage: String,
    pub comment: String,
    pub rewrite: Option<String>,
}

/// Adds a reviewer's comment to a text in review that is theirs: its id, or `None` when the text
/// is not.
pub async fn add_comment(
    tx: &mut Tx,
    review: Uuid,
    reviewer: Uuid,
    new: &NewComment,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::new_v4();
    let params: [&dyn Param; 8] =
        [&id, &review, &new.version, &new.passage, &new.comment, &new.rewrite, &reviewer, &UtcTime::now()];
    let added = tx
        .sql()
        .execute(
            "INSERT INTO text_review_comments (id, review_id, version, passage, comment, rewrite, author_id, \
             created_at) SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM text_reviews \
             WHERE id = $2 AND reviewer_id = $7 AND state = 'in_review')",
            &params,
        )
        .await?;
    Ok((added == 1).then_some(id))
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    id: Uuid,
    version: i32,
    passage: String,
    comment: String,
    rewrite: Option<String>,
    author_name: String,
    created_at: UtcTime,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    comment_id: Uuid,
    author_name: String,
    body: String,
    created_at: UtcTime,
}

/// An answer to a comment.
#[derive(Debug, Clone)]
pub struct Answer {
    pub author_name: String,
    pub body: String,
    pub created_at: UtcTime,
}

/// A reviewer's comment with the author's answers.
#[derive(Debug, Clone)]
pub struct Comment {
    pub id: Uuid,
    pub version: i32,
    pub passage: String,
    pub comment: String,
    pub rewrite: Option<String>,
    pub author_name: String,
    pub created_at: UtcTime,
    pub answers: Vec<Answer>,
}

/// Every comment on a text with its answers, in order.
pub async fn comments(db: &Db, review: Uuid) -> anyhow::Result<Vec<Comment>> {
    let rows: Vec<CommentRow> = db
        .sql()
        .all(
            "SELECT c.id, c.version, c.passage, c.comment, c.rewrite, p.display_name AS author_name, c.created_at \
             FROM text_review_comments c JOIN people p ON p.id = c.author_id WHERE c.review_id = $1 \
             ORDER BY c.created_at, c.id",
            &[&review],
        )
        .await?;
    let answers: Vec<AnswerRow> = db
        .sql()
        .all(
            "SELECT s.comment_id, p.display_name AS author_name, s.body, s.created_at FROM text_review_answers s \
             JOIN text_review_comments c ON c.id = s.comment_id JOIN people p ON p.id = s.author_id \
             WHERE c.review_id = $1 ORDER BY s.created_at, s.id",
            &[&review],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Comment {
            answers: answers
                .iter()
                .filter(|a| a.comment_id == row.id)
                .map(|a| Answer {
                    author_name: a.author_name.clone(),
                    body: a.body.clone(),
                    created_at: a.created_at,
                })
                .collect(),
            id: row.id,
            version: row.version,
            passage: row.passage,
            comment: row.comment,
            rewrite: row.rewrite,
            author_name: row.author_name,
            created_at: row.created_at,
        })
        .collect())
}

/// The author answers a comment on their text; false when the comment is not on a text of
/// theirs that is still open to change.
pub async fn add_answer(
    tx: &mut Tx,
    review: Uuid,
    comment: Uuid,
    author: Uuid,
    body: &str,
) -> anyhow::Result<bool> {
    let params: [&dyn Param; 6] = [&Uuid::new_v4(), &comment, &author, &body, &UtcTime::now(), &review];
    let added = tx
        .sql()
        .execute(
            "INSERT INTO text_review_answers (id, comment_id, author_id, body, created_at) \
             SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM text_review_comments c \
             JOIN text_reviews r ON r.id = c.review_id WHERE c.id = $2 AND r.id = $6 AND r.author_id = $3 \
             AND r.state <> 'approved')",
            &params,
        )
        .await?;
    Ok(added == 1)
}

// ---- Reviewers.

/// A person who may be assigned texts: id and name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reviewer {
    pub id: Uuid,
    pub display_name: String,
}

/// The active plain-language reviewers, by name (sorted here: the databases order text
/// differently).
pub async fn reviewers(db: &Db) -> anyhow::Result<Vec<Reviewer>> {
    let mut found: Vec<Reviewer> = db
        .sql()
        .all(
            "SELECT DISTINCT p.id, p.display_name FROM people p JOIN role_grants g ON g.person_id = p.id \
             WHERE g.role = 'plain_reviewer' AND p.active = TRUE",
            &[],
        )
        .await?;
    found.sort_by(|a, b| a.display_name.cmp(&b.display_name).then(a.id.cmp(&b.id)));
    Ok(found)
}
