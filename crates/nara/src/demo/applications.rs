//! Demo forms: "Ansök om samtalsstöd" and "Ansök om stöd för anhöriga" at the adult unit,
//! published by Anna Berg, and "Ansök om familjebehandling" at Children and family. Sara has
//! begun applying for support as a relative: her draft has the first step answered.

use crate::applications::answers::{Answer, Answers};
use crate::applications::store;
use crate::db::Db;
use crate::identity::EmailAddress;

/// Counselling: three steps, a question shown only to parents, an optional attachment.
pub const COUNSELLING: &str = r#"title_sv = "Ansök om samtalsstöd"
title_en = "Apply for counselling"
intro_sv = "Du kan få prata med en kurator om det som är svårt just nu. Det tar ungefär fem minuter att ansöka. Du kan spara och fortsätta senare."
intro_en = "You can talk to a counsellor about what is hard right now. Applying takes about five minutes. You can save and continue later."

[[steps]]
title_sv = "Din situation"
title_en = "Your situation"

[[steps.questions]]
id = "situation"
type = "long_text"
label_sv = "Berätta kort vad du vill ha stöd med"
label_en = "Tell us briefly what you would like support with"
help_sv = "Skriv med egna ord. Du behöver inte berätta mer än du vill."
help_en = "Use your own words. You do not need to tell more than you want to."
required = true

[[steps.questions]]
id = "har_barn"
type = "yes_no"
label_sv = "Bor du med barn under 18 år?"
label_en = "Do you live with children under 18?"
required = true

[[steps.questions]]
id = "stod"
type = "multiple_choice"
label_sv = "Vilket stöd vill du ha?"
label_en = "What support would you like?"
help_sv = "Välj allt som passar."
help_en = "Choose all that apply."
options = [
  { value = "samtal", sv = "Enskilda samtal", en = "Individual talks" },
  { value = "grupp", sv = "Gruppträffar", en = "Group meetings" },
  { value = "radgivning", sv = "Råd om ekonomi", en = "Advice about money" },
]

[[steps]]
title_sv = "Mer om dig"
title_en = "More about you"

[[steps.questions]]
id = "antal_barn"
type = "number"
label_sv = "Hur många barn bor med dig?"
label_en = "How many children live with you?"
required = true
show_if = { question = "har_barn", equals = "ja" }

[[steps.questions]]
id = "fran_datum"
type = "date"
label_sv = "Från vilket datum behöver du stöd?"
label_en = "From which date do you need support?"
help_sv = "Till exempel 2026-12-15. Lämna tomt om det gäller så snart som möjligt."
help_en = "For example 2026-12-15. Leave empty if it is as soon as possible."

[[steps.questions]]
id = "intyg"
type = "file"
label_sv = "Intyg eller annat underlag (om du vill)"
label_en = "A certificate or other document (if you want)"
help_sv = "Till exempel ett läkarintyg. PDF, JPEG eller PNG, högst 5 MB per fil."
help_en = "For example a medical certificate. PDF, JPEG or PNG, at most 5 MB a file."

[[steps]]
title_sv = "Hur vi når dig"
title_en = "How we reach you"

[[steps.questions]]
id = "telefon"
type = "text"
label_sv = "Telefonnummer"
label_en = "Phone number"
required = true

[[steps.questions]]
id = "kontakt_tid"
type = "choice"
label_sv = "När passar det bäst att vi ringer?"
label_en = "When is it best for us to call?"
required = true
options = [
  { value = "formiddag", sv = "Förmiddag", en = "Morning" },
  { value = "eftermiddag", sv = "Eftermiddag", en = "Afternoon" },
  { value = "kvall", sv = "Kväll (17–20)", en = "Evening (5–8 pm)" },
]
"#;

/// Support for relatives (anhöriga) who care for someone.
pub const RELATIVES: &str = r#"title_sv = "Ansök om stöd för anhöriga"
title_en = "Apply for support as a relative or carer"
intro_sv = "För dig som hjälper någon i din närhet som är sjuk, äldre eller har en funktionsnedsättning."
intro_en = "For you who help someone close to you who is ill, older or has a disability."

[[steps]]
title_sv = "Den du hjälper"
title_en = "The person you help"

[[steps.questions]]
id = "vem"
type = "choice"
label_sv = "Vem hjälper du?"
label_en = "Who do you help?"
required = true
options = [
  { value = "foralder", sv = "Min förälder", en = "My parent" },
  { value = "partner", sv = "Min partner", en = "My partner" },
  { value = "barn", sv = "Mitt barn", en = "My child" },
  { value = "annan", sv = "Någon annan", en = "Someone else" },
]

[[steps.questions]]
id = "hjalp"
type = "long_text"
label_sv = "Vad hjälper du till med?"
label_en = "What do you help with?"
required = true

[[steps]]
title_sv = "Avlösning"
title_en = "Respite"

[[steps.questions]]
id = "avlosning"
type = "yes_no"
label_sv = "Vill du ha avlösning, så att du får tid för dig själv?"
label_en = "Would you like respite, so that you get time for yourself?"
required = true

[[steps]]
title_sv = "Hur mycket"
title_en = "How much"

[[steps.questions]]
id = "timmar"
type = "number"
label_sv = "Hur många timmar i veckan skulle hjälpa dig?"
label_en = "How many hours a week would help you?"
show_if = { question = "avlosning", equals = "ja" }

[[steps.questions]]
id = "telefon"
type = "text"
label_sv = "Telefonnummer"
label_en = "Phone number"
required = true
"#;

/// Family treatment at Children and family.
pub const FAMILY: &str = r#"title_sv = "Ansök om familjebehandling"
title_en = "Apply for family therapy"

[[steps]]
title_sv = "Er familj"
title_en = "Your family"

[[steps.questions]]
id = "beskrivning"
type = "long_text"
label_sv = "Vad vill ni ha hjälp med i familjen?"
label_en = "What would your family like help with?"
required = true

[[steps.questions]]
id = "telefon"
type = "text"
label_sv = "Telefonnummer"
label_en = "Phone number"
required = true
"#;

/// Publishes the demo forms once.
pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let person = |email: &'static str| async move {
        let Some(address) = EmailAddress::parse(email) else { return anyhow::Ok(None) };
        Ok(crate::identity::store::person_by_email(db, &address).await?.map(|(p, _)| p.id))
    };
    let (Some(anna), Some(jonas), Some(sara)) = (
        person("handlaggare.vuxen@demo.nara.se").await?,
        person("handlaggare.barn@demo.nara.se").await?,
        person("invanare@demo.nara.se").await?,
    ) else {
        return Ok(());
    };
    let units = super::unit_ids(db).await?;
    let (Some(&adults), Some(&families)) = (units.get("vuxen"), units.get("barn-och-familj")) else {
        return Ok(());
    };
    // `create_form` refuses a taken address, so running the seed again changes nothing.
    create_form(db, "samtalsstod", adults, COUNSELLING, anna).await?;
    if create_form(db, "stod-for-anhoriga", adults, RELATIVES, anna).await?.is_some()
        && let Some(form) = store::form_by_slug(db, "stod-for-anhoriga").await?
    {
        let draft = store::start_application(db, &form, sara).await?;
        let answers = Answers::from([
            ("vem".to_string(), Answer::Choices(vec!["foralder".into()])),
            (
                "hjalp".to_string(),
                Answer::Text(
                    "Jag handlar åt mamma, hjälper henne med medicinerna och följer med till läkaren.".into(),
                ),
            ),
        ]);
        let mut tx = db.begin().await?;
        store::save_answers(&mut tx, draft, &answers).await?;
        tx.commit().await?;
    }
    create_form(db, "familjebehandling", families, FAMILY, jonas).await?;
    Ok(())
}

/// A form with its first version, unless the address is taken.
async fn create_form(
    db: &Db,
    slug: &str,
    unit_id: uuid::Uuid,
    definition: &str,
    by: uuid::Uuid,
) -> anyhow::Result<Option<uuid::Uuid>> {
    let mut tx = db.begin().await?;
    let Some(id) = store::create_form(&mut tx, slug, unit_id, definition, by).await? else {
        return Ok(None);
    };
    tx.commit().await?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_forms_pass_their_checks() {
        for source in [COUNSELLING, RELATIVES, FAMILY] {
            let form = crate::applications::definition::parse(source);
            assert!(form.is_ok(), "{:?}", form.err());
        }
    }
}
