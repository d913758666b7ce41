//! The demo's citizen reporters: two reporters and the coordinator (made here only if missing: the
//! plain-language group's demo makes its reviewer the same way, with `account`), three published articles and a draft.

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::db::Db;
use crate::identity::{EmailAddress, NewPassword, NewPerson, Role, RoleGrant, hash_password};
use crate::reporters::store;
use crate::reporters::{ArticleText, Interviewee, Lang, slug_of};

pub const COORDINATOR: &str = "samordnare@demo.nara.se";
pub const REPORTER: &str = "reporter@demo.nara.se";
pub const REPORTER2: &str = "reporter2@demo.nara.se";

/// (e-mail, name, role, byline)
const ACCOUNTS: &[(&str, &str, Role, Option<&str>)] = &[
    (COORDINATOR, "David Bergström", Role::Coordinator, None),
    (REPORTER, "Amira Yusuf", Role::Reporter, Some("Amira Y.")),
    (REPORTER2, "Johan Persson", Role::Reporter, Some("Johan, invånarreporter")),
];

/// The person with this address, made with the demo password and the role when missing.
pub(super) async fn account(db: &Db, email: &str, name: &str, role: Role) -> anyhow::Result<Uuid> {
    let address = EmailAddress::parse(email).ok_or_else(|| anyhow::anyhow!("demo address {email}"))?;
    let found = crate::identity::store::person_by_email(db, &address).await?.map(|(person, _)| person.id);
    // Hashing is slow: done before the write transaction, and only for a new account.
    let new = match found {
        Some(_) => None,
        None => {
            let password =
                NewPassword::parse(super::DEMO_PASSWORD).map_err(|_| anyhow::anyhow!("demo password"))?;
            Some(NewPerson {
                display_name: name.to_string(),
                email: Some(address),
                email_verified: true,
                personnummer: None,
                password_hash: Some(hash_password(password).await?),
            })
        }
    };
    let mut tx = db.begin_write().await?;
    let id = match (found, new) {
        (Some(id), _) => id,
        (None, Some(new)) => crate::identity::store::create_person(&mut tx, &new)
            .await?
            .ok_or_else(|| anyhow::anyhow!("{email} appeared while seeding"))?,
        (None, None) => anyhow::bail!("unreachable: a missing account is always made"),
    };
    crate::identity::store::grant_role(&mut tx, id, RoleGrant { role, unit_id: None }).await?;
    tx.commit().await?;
    Ok(id)
}

/// (author index, language, title, lead, body, interviewee, days ago published (`None`: a draft),
/// a word in the address of the directory entry and of the event series it mentions (empty: none))
type DemoArticle = (
    usize,
    Lang,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u64>,
    &'static str,
    &'static str,
);

const ARTICLES: &[DemoArticle] = &[
    (
        1,
        Lang::Sv,
        "Fontänhuset: en plats där man får vara med",
        "På Fontänhuset arbetar medlemmarna sida vid sida med personalen. Jag besökte huset en tisdag.",
        "Dörren står öppen när jag kommer. I köket lagar tre medlemmar lunch till fyrtio personer.\n\n\
         ## Att behövas\n\n\"Här är jag inte en diagnos\", säger Marianne, som har varit medlem i sex år. \
         \"Här behövs jag.\"\n\n- Huset är öppet alla vardagar.\n- Du behöver ingen remiss.\n\n\
         Läs mer om Fontänhuset i katalogen.",
        Some("Marianne"),
        Some(20),
        "fontanhuset",
        "",
    ),
    (
        2,
        Lang::Sv,
        "Självhjälpsgruppen för anhöriga: du är inte ensam",
        "Sista onsdagen i månaden träffas anhöriga på Vuxenenheten. Jag var med en kväll.",
        "Vi sitter i en ring. Ingen måste säga något.\n\nEn pappa berättar om sin son. Efter en stund \
         nickar flera i rummet. Det är det som är poängen, säger gruppledaren: att höra att andra har \
         det likadant.\n\n## Så går du med\n\nAnmäl dig i kalendern. Det kostar inget.",
        None,
        Some(9),
        "anhorigstodet",
        "sjalvhjalpsgrupp-anhoriga",
    ),
    (
        1,
        Lang::En,
        "Asking for help without being sent around",
        "Many people say they were sent from one office to another. We asked what one way in could mean.",
        "\"You go to service 2 and it is closed\" is something we heard again and again.\n\n\
         ## One way in\n\nThe directory now shows opening hours and how to get in touch, in plain language.\n\n\
         We asked a case officer what she wants people to know: *ask us, and we will find the right place \
         together.*",
        Some("Anna, case officer"),
        Some(2),
        "",
        "utvecklingsgrupp",
    ),
    (
        2,
        Lang::Sv,
        "Att få ett besked i tid",
        "Hur lång tid får det ta att få svar på en ansökan? Jag har pratat med tre personer som väntat.",
        "Utkast. Intervjuerna är gjorda, texten är inte klar.",
        Some("En mamma i Drottninghög"),
        None,
        "",
        "",
    ),
];

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let mut ids = Vec::new();
    for (email, name, role, byline) in ACCOUNTS {
        let id = account(db, email, name, *role).await?;
        if let Some(byline) = byline
            && store::byline(db, id).await?.is_none()
        {
            let mut tx = db.begin_write().await?;
            store::set_byline(&mut tx, id, byline).await?;
            tx.commit().await?;
        }
        ids.push(id);
    }
    if !store::articles_by(db, ids[1]).await?.is_empty() {
        return Ok(());
    }
    let entries = store::entry_choices(db).await?;
    let series = store::series_choices(db).await?;
    let today = crate::stockholm::today();
    for (author, lang, title, lead, body, interviewee, published, entry, one_series) in ARTICLES {
        let text = ArticleText {
            lang: *lang,
            title: title.to_string(),
            lead: lead.to_string(),
            body: body.to_string(),
        };
        let mut tx = db.begin_write().await?;
        let id = store::create_article(&mut tx, ids[*author], &text).await?;
        let mention = |choices: &[store::Mention], slug: &str| {
            choices.iter().filter(|c| c.slug == slug).map(|c| c.id).collect::<Vec<_>>()
        };
        store::set_links(&mut tx, id, &mention(&entries, entry), &mention(&series, one_series)).await?;
        if let Some(name) = interviewee {
            let asked = today.checked_sub_days(Days::new(published.unwrap_or(0) + 7)).unwrap_or(today);
            let who = Interviewee {
                name: Some(name.to_string()),
                consent_given: published.is_some(),
                consent_how: "Muntligt, vid intervjun, och i ett mejl efteråt".into(),
                consent_on: asked,
            };
            store::add_interviewee(&mut tx, id, &who, ids[*author]).await?;
        }
        if published.is_some() {
            store::send_to_review(&mut tx, id).await?;
            let byline = store::byline(db, ids[*author]).await?.unwrap_or_default();
            store::publish(&mut tx, id, &slug_of(title, id), &byline, ids[0]).await?;
        }
        tx.commit().await?;
        if let Some(days) = published {
            backdate(db, id, today, *days).await?;
        }
    }
    Ok(())
}

/// Publishing stamps now; the demo's older articles get the day they were published.
async fn backdate(db: &Db, id: Uuid, today: NaiveDate, days: u64) -> anyhow::Result<()> {
    let day = today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let at = day.and_hms_opt(9, 0, 0).and_then(crate::stockholm::to_utc).unwrap_or_else(chrono::Utc::now);
    let mut tx = db.begin_write().await?;
    store::set_published_at(&mut tx, id, crate::db::UtcTime(at)).await?;
    tx.commit().await?;
    Ok(())
}
