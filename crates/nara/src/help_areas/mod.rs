//! Areas of help: the plain-language vocabulary a resident can browse by ("Pengar och skulder",
//! "Våld i nära relationer", …), which the directory of support files its entries under. They are
//! managed with the rest of the municipality's set-up (`crate::setup`).

pub mod store;

use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpArea {
    pub slug: String,
    pub position: i32,
    pub name_sv: String,
    pub name_en: String,
    pub summary_sv: String,
    pub summary_en: String,
}

/// Content is kept in Swedish and English; other languages show the Swedish text.
impl HelpArea {
    pub fn name(&self, locale: Locale) -> &str {
        if locale == Locale::EN { &self.name_en } else { &self.name_sv }
    }

    pub fn summary(&self, locale: Locale) -> &str {
        if locale == Locale::EN { &self.summary_en } else { &self.summary_sv }
    }
}

/// Where an area of help on the home page leads: the search for its entries (which shows its
/// meetings beside them), or the calendar when it has meetings but no entries. `None` when it has
/// neither: a way in must never lead to an empty page, so the home page leaves the area out.
pub fn home_path(slug: &str, has_entries: bool, has_meetings: bool) -> Option<String> {
    match (has_entries, has_meetings) {
        (true, _) => Some(format!("/sok?omrade={slug}")),
        (false, true) => Some(format!("/kalender?omrade={slug}")),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_on_the_home_page_leads_to_entries_or_meetings_and_never_to_nothing() {
        assert_eq!(home_path("boende", true, false).as_deref(), Some("/sok?omrade=boende"));
        assert_eq!(home_path("boende", true, true).as_deref(), Some("/sok?omrade=boende"));
        assert_eq!(home_path("anhoriga", false, true).as_deref(), Some("/kalender?omrade=anhoriga"));
        assert_eq!(home_path("diskriminering", false, false), None);
    }

    #[test]
    fn texts_follow_the_locale() {
        let area = HelpArea {
            slug: "boende".into(),
            position: 1,
            name_sv: "Boende".into(),
            name_en: "Housing".into(),
            summary_sv: "Om du inte har någonstans att bo.".into(),
            summary_en: "If you have nowhere to live.".into(),
        };
        assert_eq!(area.name(Locale::SV), "Boende");
        assert_eq!(area.name(Locale::EN), "Housing");
        assert_eq!(area.summary(Locale::EN), "If you have nowhere to live.");
    }
}
