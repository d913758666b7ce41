//! `nara setup --file municipality.toml`: read the file (every problem on its own line, nothing
//! written), apply it as the system, and say what changed in Swedish and English.

use std::path::Path;

use anyhow::Context;

use super::{Changes, Refusal, SearchContact, Step, file};
use crate::audit::AuditActor;
use crate::db::Db;
use crate::i18n::{Catalogues, Locale};

/// The change the file asks for. Its problems go to standard error, one a line, and make an error.
pub fn read(path: &Path) -> anyhow::Result<Changes> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the set-up file {}", path.display()))?;
    let errors = match file::parse(&source) {
        Ok(changes) => return Ok(changes),
        Err(errors) => errors,
    };
    let catalogues = Catalogues::load()?;
    for error in &errors {
        eprintln!(
            "{}: {}",
            path.display(),
            error.describe(|key| catalogues.plain_with(Locale::EN, key, &[]))
        );
    }
    anyhow::bail!(
        "{}: {} problem(s), see above; nothing was changed (inget ändrades)",
        path.display(),
        errors.len()
    )
}

/// Applies the change as the system and returns what to print.
pub async fn apply(db: &Db, changes: &Changes) -> anyhow::Result<Vec<String>> {
    let steps = match super::store::change(db, changes, &AuditActor::system(), None).await? {
        Ok(steps) => steps,
        Err(refusal) => {
            let catalogues = Catalogues::load()?;
            anyhow::bail!(
                "{}; nothing was changed (inget ändrades)",
                describe_refusal(&refusal, &catalogues, Locale::EN)
            )
        }
    };
    let mut lines = vec![summary(&steps)];
    if let Some(SearchContact::Entry(slug)) = super::store::search_contact(db).await?
        && crate::directory::store::entry_by_slug(db, &slug).await?.is_none_or(|entry| !entry.published)
    {
        lines.push(format!(
            "Obs: katalogposten \"{slug}\" finns inte eller är inte publicerad än; sökhjälpen visar den när den är publicerad. \
             (Note: the directory entry \"{slug}\" is not published yet; the search page shows it once it is.)"
        ));
    }
    Ok(lines)
}

/// "3 nya, 1 ändrad, 0 borttagna" in both languages, or that nothing changed.
fn summary(steps: &[Step]) -> String {
    if steps.is_empty() {
        return "Inget ändrades: allt var redan så. (Nothing changed: everything was already so.)".into();
    }
    let count = |wanted: fn(&Step) -> bool| steps.iter().filter(|s| wanted(s)).count();
    let created = count(|s| matches!(s, Step::Create(_)));
    let updated = count(|s| matches!(s, Step::Update { .. } | Step::Contact(_)));
    let removed = count(|s| matches!(s, Step::Remove(_)));
    format!(
        "Inläsningen är klar: {created} nya, {updated} ändrade, {removed} borttagna. \
         (The set-up was loaded: {created} created, {updated} updated, {removed} removed.)"
    )
}

/// Why a change was refused, in words: what uses the item and how much.
pub fn describe_refusal(refusal: &Refusal, catalogues: &Catalogues, locale: Locale) -> String {
    match refusal {
        Refusal::InUse { kind, slug, uses } => {
            let uses: Vec<String> = uses
                .iter()
                .map(|u| catalogues.plain_with(locale, u.key, &[("count", u.count.into())]))
                .collect();
            let args = [
                ("kind", catalogues.plain_with(locale, &kind.one_key(), &[]).into()),
                ("slug", slug.as_str().into()),
                ("uses", uses.join(", ").into()),
            ];
            catalogues.plain_with(locale, "setup-refused-in-use", &args)
        }
        Refusal::Taken { slug, .. } => {
            catalogues.plain_with(locale, "setup-refused-taken", &[("slug", slug.as_str().into())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::{Kind, Use};

    #[test]
    fn a_refusal_says_what_uses_the_item() {
        let catalogues = Catalogues::load().unwrap();
        let refusal = Refusal::InUse {
            kind: Kind::Unit,
            slug: "vuxen".into(),
            uses: vec![Use { key: "setup-use-roles", count: 2 }, Use { key: "setup-use-cases", count: 1 }],
        };
        let text = describe_refusal(&refusal, &catalogues, Locale::EN);
        assert!(text.contains("vuxen") && text.contains("2 roles") && text.contains("one case"), "{text}");
        let swedish = describe_refusal(&refusal, &catalogues, Locale::SV);
        assert!(swedish.contains("2 roller") && swedish.contains("ett ärende"), "{swedish}");
    }

    #[test]
    fn the_summary_counts_each_kind_of_step() {
        assert!(summary(&[]).starts_with("Inget ändrades"));
        let item = crate::setup::Item::Group(crate::setup::TargetGroup {
            slug: "unga".into(),
            name_sv: "Unga".into(),
            name_en: "Young".into(),
            position: 1,
        });
        let text = summary(&[Step::Create(item.clone()), Step::Remove(item)]);
        assert!(text.contains("1 created, 0 updated, 1 removed"), "{text}");
    }
}
