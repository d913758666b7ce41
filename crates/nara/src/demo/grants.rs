//! The demo's association grants: two programmes (a yearly operating grant and a three-year
//! partnership grant, the longer-term funding the associations asked for), with the last day to
//! apply three months ahead, and an application by Fontänhuset sent to the operating grant and
//! waiting for the two grant assessors (it asks for more than the two-assessor threshold).

use chrono::Days;
use uuid::Uuid;

use crate::applications::answers::{Answer, Answers};
use crate::db::{Db, UtcTime};
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
    Ok(())
}
