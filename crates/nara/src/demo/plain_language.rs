//! The demo's text review: a reviewer of the plain-language group, and two texts from a case
//! officer whose figures improve from the first version to the second: one approved, one still in
//! review with comments and an answer.

use chrono::Days;
use uuid::Uuid;

use crate::db::Db;
use crate::identity::{EmailAddress, Role};
use crate::plain_language::review::store::{self, NewComment};
use crate::plain_language::review::{Channel, State, Submission};

pub const REVIEWER: &str = "klarsprak@demo.nara.se";
/// The case officer who wrote the texts.
pub const AUTHOR: &str = "handlaggare.vuxen@demo.nara.se";

/// The approved text: (title, audience, first version, second version).
const APPROVED: (&str, &str, &str, &str) = (
    "Ekonomiskt bistånd: så ansöker du",
    "Vuxna som inte har pengar till mat och hyra",
    "Den enskilde som önskar erhålla ekonomiskt bistånd ska inkomma med en skriftlig ansökan till \
     socialförvaltningen. Ansökan handläggs i enlighet med socialtjänstlagen och beslut fattas efter \
     genomförd utredning avseende sökandens samtliga ekonomiska förhållanden. Handlingar som styrker \
     inkomster och utgifter ska bifogas ansökan. En ofullständig ansökan kan medföra att beslut inte \
     kan fattas.",
    "Du kan få pengar till mat och hyra om du inte har nog. Det heter ekonomiskt bistånd. Skicka en \
     ansökan till oss. Vi tittar på hela din ekonomi. Skicka med papper som visar vad du får in och \
     vad du betalar. Sedan ringer vi dig. Vi svarar inom två veckor.",
);

/// The text in review: (title, audience, first version, second version).
const IN_REVIEW: (&str, &str, &str, &str) = (
    "Brev: vi vill träffa er",
    "Föräldrar som har sökt stöd",
    "Ni kallas härmed till ett möte avseende er ansökan om stödinsats. Mötet äger rum i \
     socialförvaltningens lokaler. Vid förhinder ska återbud lämnas snarast möjligt till \
     handläggaren. Medtag giltig legitimation.",
    "Vi vill träffa er för att prata om stödet ni har sökt. Vi ses hos oss på Storgatan 5. \
     Kan ni inte komma? Ring oss så fort ni kan. Ta med legitimation.",
);

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let reviewer = super::reporters::account(db, REVIEWER, "Nora Lind", Role::PlainReviewer).await?;
    let address = EmailAddress::parse(AUTHOR).ok_or_else(|| anyhow::anyhow!("demo address {AUTHOR}"))?;
    let Some((author, _)) = crate::identity::store::person_by_email(db, &address).await? else {
        anyhow::bail!("{AUTHOR} is made before the text review's demo");
    };
    let author = author.id;
    if !store::reviews_by(db, author).await?.is_empty() {
        return Ok(());
    }
    let today = crate::stockholm::today();
    let deadline = |days| today.checked_add_days(Days::new(days)).unwrap_or(today);
    let submission = |(title, audience, first, _): (&str, &str, &str, &str), channel, days| Submission {
        title: title.into(),
        audience: audience.into(),
        channel,
        deadline: deadline(days),
        text: first.into(),
    };
    // The approved text: taken, commented, answered, rewritten and approved.
    let mut tx = db.begin_write().await?;
    let id = store::submit(&mut tx, author, &submission(APPROVED, Channel::Web, 10)).await?;
    store::take(&mut tx, id, reviewer).await?;
    comment(
        &mut tx,
        id,
        reviewer,
        1,
        "Den enskilde som önskar erhålla ekonomiskt bistånd",
        "Skriv till läsaren: du. Skriv få i stället för erhålla.",
        Some("Du kan få pengar till mat och hyra"),
    )
    .await?;
    store::add_version(&mut tx, id, author, APPROVED.3).await?;
    store::decide(&mut tx, id, reviewer, 2, State::Approved).await?;
    tx.commit().await?;

    // The text in review: a comment with an answer on the first version, a second version, and
    // a new comment on it.
    let mut tx = db.begin_write().await?;
    let id = store::submit(&mut tx, author, &submission(IN_REVIEW, Channel::LetterTemplate, 5)).await?;
    store::take(&mut tx, id, reviewer).await?;
    let first = comment(
        &mut tx,
        id,
        reviewer,
        1,
        "Ni kallas härmed till ett möte avseende er ansökan om stödinsats.",
        "Kallas härmed låter strängt. Säg att ni vill träffas, och varför.",
        Some("Vi vill träffa er för att prata om stödet ni har sökt."),
    )
    .await?;
    store::add_answer(&mut tx, id, first, author, "Bra förslag. Jag tar med det i nästa version.").await?;
    store::add_version(&mut tx, id, author, IN_REVIEW.3).await?;
    comment(
        &mut tx,
        id,
        reviewer,
        2,
        "Ring oss så fort ni kan.",
        "Skriv numret eller var det står, så slipper läsaren leta.",
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A comment by the reviewer; its id, for an answer.
async fn comment(
    tx: &mut crate::db::Tx,
    review: Uuid,
    reviewer: Uuid,
    version: i32,
    passage: &str,
    comment: &str,
    rewrite: Option<&str>,
) -> anyhow::Result<Uuid> {
    let new = NewComment {
        version,
        passage: passage.into(),
        comment: comment.into(),
        rewrite: rewrite.map(str::to_string),
    };
    store::add_comment(tx, review, reviewer, &new)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's text is in review, so its comment is taken"))
}
