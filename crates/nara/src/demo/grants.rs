//! The demo's association grants: two programmes (a yearly operating grant and a three-year
//! partnership grant, the longer-term funding the associations asked for), with the last day to
//! apply three months ahead, and an application by Fontänhuset sent to the operating grant and
//! waiting for the two grant assessors (it asks for more than the two-assessor threshold).
//! Earlier years' grants give the follow-up and the effect view something real: Fontänhuset's
//! grant of two years ago with its follow-up submitted, its grant of last year whose follow-up is
//! due in three weeks (its open-house evenings in the calendar, with registrations and attendance,
//! are there to count), and Länkarna's grant whose follow-up is late.

use chrono::Days;
use uuid::Uuid;

use crate::applications::answers::{Answer, Answers};
use crate::db::{Db, UtcTime};
use crate::grants::follow_up::{Counted, Report, Schedule};
use crate::grants::programme::{parse_questions, parse_rules};
use crate::grants::store::{self, BudgetLine, NewVersion};
use crate::identity::EmailAddress;

/// Where the seed puts the last day to apply (three months from the day of seeding).
pub const DEADLINE: &str = "{deadline}";

/// (slug, rules, questions) of the demo programmes; the rules' deadline is [`DEADLINE`].
pub const PROGRAMMES: [(&str, &str, &str); 2] = [
    ("verksamhetsbidrag", OPERATING_RULES, OPERATING_QUESTIONS),
    ("partnerskapsbidrag", PARTNERSHIP_RULES, PARTNERSHIP_QUESTIONS),
];

const OPERATING_RULES: &str = r#"name_sv = "Verksamhetsbidrag för sociala föreningar"
name_en = "Operating grant for social associations"
purpose_sv = "Bidraget ska hjälpa föreningar som stöttar invånare i utsatta situationer att bedriva sin verksamhet under ett år."
purpose_en = "The grant helps associations that support residents in vulnerable situations to run their activities for a year."
who_sv = "Ideella föreningar i föreningsregistret som har stadgar, en vald styrelse och verksamhet i staden. Föreningen ska vara öppen för alla och partipolitiskt och religiöst obunden i den verksamhet bidraget gäller."
who_en = "Non-profit associations in the register with statutes, an elected board and activities in the city. The association must be open to all and party-politically and religiously independent in the activities the grant is for."
assessment_sv = "Två handläggare läser ansökan. De ger varje kriterium 0–5 poäng och skriver kort varför. Nämnden beslutar i mars."
assessment_en = "Grant assessors read the application. They give each criterion 0–5 points and write briefly why. The board decides in March."
years = 1
max_kronor = "300 000"
two_assessors_above_kronor = "50 000"
deadline = "{deadline}"

[[criteria]]
id = "malgrupp"
name_sv = "Verksamheten når invånare som behöver den"
name_en = "The activities reach residents who need them"
weight = 3

[[criteria]]
id = "delaktighet"
name_sv = "Deltagarna är med och formar verksamheten"
name_en = "Participants help shape the activities"
weight = 2

[[criteria]]
id = "samverkan"
name_sv = "Föreningen samverkar med staden och andra föreningar"
name_en = "The association works with the city and other associations"
weight = 1
"#;

const OPERATING_QUESTIONS: &str = r#"title_sv = "Om verksamheten"
title_en = "About the activities"

[[steps]]
title_sv = "Verksamheten"
title_en = "The activities"

[[steps.questions]]
id = "verksamhet"
type = "long_text"
label_sv = "Vad ska ni göra med bidraget?"
label_en = "What will you do with the grant?"
help_sv = "Berätta kort, med egna ord."
help_en = "Tell us briefly, in your own words."
required = true

[[steps.questions]]
id = "deltagare"
type = "number"
label_sv = "Ungefär hur många deltar under ett år?"
label_en = "About how many take part in a year?"
required = true

[[steps.questions]]
id = "ny_verksamhet"
type = "yes_no"
label_sv = "Är det en ny verksamhet?"
label_en = "Is it a new activity?"
required = true
"#;

const PARTNERSHIP_RULES: &str = r#"name_sv = "Partnerskapsbidrag, tre år"
name_en = "Partnership grant, three years"
purpose_sv = "För föreningar som vill bygga något långsiktigt tillsammans med staden, till exempel en mötesplats eller en stödlinje."
purpose_en = "For associations that want to build something long-term together with the city, such as a meeting place or a support line."
who_sv = "Föreningar i föreningsregistret som har haft verksamhet i staden i minst två år."
who_en = "Associations in the register that have had activities in the city for at least two years."
assessment_sv = "Två handläggare bedömer varje ansökan. Återrapporten för ett år påverkar beslutet om nästa år."
assessment_en = "Two assessors score every application. The follow-up of one year feeds the decision on the next."
years = 3
max_kronor = "600 000"
two_assessors_above_kronor = "0"
deadline = "{deadline}"

[[criteria]]
id = "langsiktighet"
name_sv = "Planen håller över flera år"
name_en = "The plan holds over several years"
weight = 3

[[criteria]]
id = "effekt"
name_sv = "Det går att se vad det gör för invånarna"
name_en = "What it does for residents can be seen"
weight = 2
"#;

const PARTNERSHIP_QUESTIONS: &str = r#"title_sv = "Om partnerskapet"
title_en = "About the partnership"

[[steps]]
title_sv = "Partnerskapet"
title_en = "The partnership"

[[steps.questions]]
id = "plan"
type = "long_text"
label_sv = "Vad vill ni bygga upp under tre år?"
label_en = "What do you want to build over three years?"
required = true

[[steps.questions]]
id = "malgrupp"
type = "multiple_choice"
label_sv = "Vilka vänder ni er till?"
label_en = "Who do you reach out to?"
required = true
options = [
  { value = "unga", sv = "Unga", en = "Young people" },
  { value = "aldre", sv = "Äldre", en = "Older people" },
  { value = "anhoriga", sv = "Anhöriga", en = "Relatives" },
  { value = "alla", sv = "Alla", en = "Everyone" },
]
"#;

/// The rules with the last day to apply filled in.
pub fn rules_with_deadline(rules: &str, deadline: chrono::NaiveDate) -> String {
    rules.replace(DEADLINE, &deadline.format("%Y-%m-%d").to_string())
}

async fn person(db: &Db, email: &str) -> anyhow::Result<Option<Uuid>> {
    let Some(address) = EmailAddress::parse(email) else { return Ok(None) };
    Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
}

/// Adds the demo programmes and Fontänhuset's application once.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let (Some(assessor), Some(representative)) =
        (person(db, "bidrag@demo.nara.se").await?, person(db, "forening@demo.nara.se").await?)
    else {
        return Ok(());
    };
    if !store::programmes(db).await?.is_empty() {
        return Ok(());
    }
    let today = crate::stockholm::today();
    let deadline = today.checked_add_days(Days::new(90)).unwrap_or(today);
    let closes_at =
        crate::grants::closes_at(deadline).ok_or_else(|| anyhow::anyhow!("no closing instant"))?;
    let mut tx = db.begin_write().await?;
    let mut operating = None;
    for (slug, rules, questions) in PROGRAMMES {
        let rules = rules_with_deadline(rules, deadline);
        let checked = parse_rules(&rules).map_err(|e| anyhow::anyhow!("demo grant rules: {e:?}"))?;
        parse_questions(questions).map_err(|e| anyhow::anyhow!("demo grant questions: {e:?}"))?;
        let Some(id) = store::create_programme(&mut tx, slug).await? else { continue };
        let new = NewVersion {
            rules: &rules,
            questions,
            name_sv: &checked.name.sv,
            name_en: &checked.name.en,
            closes_at: UtcTime(closes_at),
        };
        let version = store::publish_version(&mut tx, id, &new, assessor).await?;
        if operating.is_none() {
            operating = Some((id, version));
        }
    }
    let entry = crate::directory::store::entry_by_slug(db, "fontanhuset").await?;
    if let (Some((programme, version)), Some(entry)) = (operating, entry) {
        let application = store::start(&mut tx, entry.id, programme, version, representative).await?;
        let answers = Answers::from([
            (
                "verksamhet".to_string(),
                Answer::Text(
                    "Vi håller klubbhuset öppet fem dagar i veckan för människor med psykisk ohälsa, med \
                     lunch, arbetsgrupper och stöd tillbaka till arbete eller studier."
                        .into(),
                ),
            ),
            ("deltagare".to_string(), Answer::Number("140".into())),
            ("ny_verksamhet".to_string(), Answer::YesNo(false)),
        ]);
        store::save_draft(&mut tx, application, &answers, 18_000_000).await?;
        let budget = [
            BudgetLine { label: "Hyra av lokal".into(), amount_ore: 9_600_000 },
            BudgetLine { label: "Lunch till deltagare".into(), amount_ore: 5_400_000 },
            BudgetLine { label: "Utbildning av handledare".into(), amount_ore: 3_000_000 },
        ];
        store::replace_budget(&mut tx, application, &budget).await?;
        let snapshot = crate::grants::register_snapshot(&entry);
        store::submit(&mut tx, application, UtcTime::now(), &snapshot).await?;
    }
    tx.commit().await?;
    if let Some(programme) = operating {
        earlier_grants(db, programme, assessor, representative).await?;
    }
    Ok(())
}

/// One earlier year's grant: sent a month before the decision `decided` days ago, granted,
/// paid a week after, its follow-up due in `due` days (negative: past).
struct Earlier<'a> {
    entry: &'a str,
    decided: u64,
    amount_ore: i64,
    due: i64,
    /// Who started the application: the representative, or the grants office for an association
    /// that applied on paper.
    by: Uuid,
}

async fn earlier_grant(
    db: &Db,
    (programme, version): (Uuid, i32),
    grant: &Earlier<'_>,
    assessor: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    let Some(entry) = crate::directory::store::entry_by_slug(db, grant.entry).await? else { return Ok(None) };
    let now = chrono::Utc::now();
    let decided_at = now - chrono::Duration::days(i64::try_from(grant.decided)?);
    let decided_on = crate::stockholm::date_of(decided_at);
    let mut tx = db.begin_write().await?;
    let id = store::start(&mut tx, entry.id, programme, version, grant.by).await?;
    let answers = Answers::from([
        ("verksamhet".to_string(), Answer::Text("Vår vanliga verksamhet under året.".into())),
        ("deltagare".to_string(), Answer::Number("100".into())),
        ("ny_verksamhet".to_string(), Answer::YesNo(false)),
    ]);
    store::save_draft(&mut tx, id, &answers, grant.amount_ore).await?;
    let sent_at = UtcTime(decided_at - chrono::Duration::days(30));
    store::submit(&mut tx, id, sent_at, &crate::grants::register_snapshot(&entry)).await?;
    let decision = store::NewDecision {
        outcome: crate::grants::Outcome::Granted,
        amount_ore: grant.amount_ore,
        conditions: Some("Återrapport enligt programmets regler."),
        reasons: "Verksamheten når invånare som behöver den, och deltagarna är med och formar den.",
    };
    store::decide(&mut tx, id, &decision, assessor).await?;
    store::backdate_decision(&mut tx, id, UtcTime(decided_at)).await?;
    let paid_on = decided_on.checked_add_days(Days::new(7)).unwrap_or(decided_on);
    store::record_payment(&mut tx, id, paid_on, grant.amount_ore, &format!("V-{}", grant.decided), assessor)
        .await?;
    let due_on = crate::stockholm::today() + chrono::Duration::days(grant.due);
    let schedule = Schedule {
        period_start: decided_on,
        due_on,
        remind_on: due_on.checked_sub_days(Days::new(14)).unwrap_or(due_on),
    };
    store::open_follow_up(&mut tx, id, &schedule).await?;
    tx.commit().await?;
    Ok(Some(id))
}

async fn earlier_grants(
    db: &Db,
    programme: (Uuid, i32),
    assessor: Uuid,
    representative: Uuid,
) -> anyhow::Result<()> {
    // Two years ago, followed up; last year, its follow-up due in three weeks.
    let submitted =
        Earlier { entry: "fontanhuset", decided: 740, amount_ore: 15_000_000, due: -380, by: representative };
    if let Some(id) = earlier_grant(db, programme, &submitted, assessor).await? {
        let report = Report {
            activities: Some(180),
            registrations: Some(2_100),
            attended: Some(1_850),
            reached: Default::default(),
            changes: Some(
                "Fler medlemmar har gått vidare till arbete eller studier, och klubbhuset har öppet även                  två kvällar i veckan."
                    .into(),
            ),
            story: Some(
                "En medlem som inte lämnat lägenheten på ett år lagar nu lunch för trettio personer varje                  tisdag och har börjat en kurs på komvux."
                    .into(),
            ),
        };
        let at = UtcTime(chrono::Utc::now() - chrono::Duration::days(390));
        let mut tx = db.begin_write().await?;
        store::save_follow_up(&mut tx, id, &report, Some((at, representative, Counted::default()))).await?;
        tx.commit().await?;
    }
    let due =
        Earlier { entry: "fontanhuset", decided: 345, amount_ore: 16_000_000, due: 20, by: representative };
    if earlier_grant(db, programme, &due, assessor).await?.is_some() {
        open_house_evenings(db).await?;
    }
    // Länkarna applied on paper; its follow-up is twelve days late.
    let late = Earlier { entry: "lankarna", decided: 400, amount_ore: 4_500_000, due: -12, by: assessor };
    earlier_grant(db, programme, &late, assessor).await?;
    Ok(())
}

/// Fontänhuset's open-house evenings in the calendar over the last weeks, with registrations and
/// who came: what its follow-up counts.
async fn open_house_evenings(db: &Db) -> anyhow::Result<()> {
    use crate::events::recurrence::{End, Frequency, Rule};
    let Some(entry) = crate::directory::store::entry_by_slug(db, "fontanhuset").await? else { return Ok(()) };
    let series = crate::events::Series {
        id: Uuid::new_v4(),
        slug: "fontanhuset-oppet-hus".into(),
        title_sv: "Öppet hus på Fontänhuset".into(),
        title_en: "Open house at Fontänhuset".into(),
        summary_sv: "Kvällsöppet i klubbhuset: middag, samtal och information om arbete och studier.".into(),
        summary_en: "An evening at the clubhouse: dinner, talk and information about work and studies."
            .into(),
        has_themes: false,
        organiser_name: entry.name.clone(),
        organiser_unit_id: None,
        audience_sv: "Alla som lever med psykisk ohälsa".into(),
        audience_en: "Everyone living with mental ill health".into(),
        venue_name: Some("Fontänhuset".into()),
        venue_address: entry.address(),
        venue_accessibility_sv: None,
        venue_accessibility_en: None,
        online_url: None,
        price_sv: None,
        price_en: None,
        contact_name: entry.name.clone(),
        contact_email: entry.email.clone(),
        contact_phone: entry.phone.clone(),
        rule: String::new(),
        capacity: Some(30),
        public: true,
        help_area: None,
        entry_id: Some(entry.id),
    };
    let first = crate::stockholm::today() - chrono::Duration::days(84);
    let rule = Rule {
        first_date: first,
        start_time: chrono::NaiveTime::from_hms_opt(17, 30, 0).unwrap_or_default(),
        duration_minutes: 150,
        frequency: Frequency::Weekly { interval: 1 },
        end: End::Count(10),
    };
    let series_id =
        crate::events::store::create_series(db, &crate::events::NewSeries { series }, &rule).await?;
    for (index, occurrence) in crate::events::store::occurrences_of(db, series_id).await?.iter().enumerate() {
        // Between 7 and 12 registered each evening, all but one or two came.
        let registered = 7 + index % 6;
        let mut tx = db.begin_write().await?;
        let mut present = Vec::new();
        for person in 0..registered {
            let who = crate::events::Registrant {
                person_id: None,
                name: format!("Medlem {}", person + 1),
                email: format!("medlem{}@fontanhuset.demo.nara.se", person + 1),
                needs: None,
                locale: crate::i18n::Locale::SV,
            };
            let registered_now = crate::events::store::register(&mut tx, occurrence.id, &who).await?;
            if let Some((registration, _)) = registered_now
                && person + 1 + index % 2 < registered
            {
                present.push(registration);
            }
        }
        crate::events::store::set_attendance(&mut tx, occurrence.id, &present).await?;
        tx.commit().await?;
    }
    Ok(())
}
