//! A campaign's dates and a test's final presentation in the public calendar: each becomes a
//! single meeting (a series of one), created in the same transaction as what it belongs to.

use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

use crate::db::Tx;
use crate::events::recurrence::{End, Frequency, Rule};
use crate::events::{NewSeries, Series};
use crate::i18n::{Catalogues, Locale};

/// One date: its series' slug, the catalogue key of its title (with `$title`, the campaign's or
/// the proposal's), the day, the local start time and length.
pub struct Date<'a> {
    pub slug: String,
    pub key: &'static str,
    pub title: &'a str,
    pub day: NaiveDate,
    pub start: NaiveTime,
    pub minutes: u32,
}

/// Puts the date in the public calendar; the new series' id.
pub async fn add(tx: &mut Tx, catalogues: &Catalogues, date: &Date<'_>) -> anyhow::Result<Uuid> {
    let text =
        |locale, key: &str| catalogues.plain_with(locale, key, &[("title", date.title.to_string().into())]);
    let summary_key = format!("{}-summary", date.key);
    let series = Series {
        id: Uuid::new_v4(),
        slug: date.slug.clone(),
        title_sv: text(Locale::SV, date.key),
        title_en: text(Locale::EN, date.key),
        summary_sv: text(Locale::SV, &summary_key),
        summary_en: text(Locale::EN, &summary_key),
        has_themes: false,
        organiser_name: "Idéslussen".into(),
        organiser_unit_id: None,
        audience_sv: text(Locale::SV, "idea-calendar-audience"),
        audience_en: text(Locale::EN, "idea-calendar-audience"),
        venue_name: None,
        venue_address: None,
        venue_accessibility_sv: None,
        venue_accessibility_en: None,
        online_url: None,
        price_sv: None,
        price_en: None,
        contact_name: "Idéslussen".into(),
        contact_email: None,
        contact_phone: None,
        rule: String::new(),
        capacity: None,
        public: true,
        help_area: None,
        entry_id: None,
    };
    let rule = Rule {
        first_date: date.day,
        start_time: date.start,
        duration_minutes: date.minutes,
        frequency: Frequency::Once,
        end: End::Count(1),
    };
    crate::events::store::create_series_in(tx, &NewSeries { series }, &rule).await
}

/// The slug of a series that holds a campaign's date or a test's presentation.
pub fn slug(prefix: &str, what: &str) -> String {
    format!("ideer-{prefix}-{what}")
}
