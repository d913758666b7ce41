//! The entry form: what an association or staff member types, checked field by field into an
//! `Entry`, with a message key for each field that is wrong and the typed text kept.
//!
//! Opening hours are written as people write them: "08:00–16:00", several intervals with commas,
//! "stängt" or nothing for a closed day. Dated exceptions are one per line:
//! "2026-12-24 stängt Julafton" or "2026-12-23 08:00–12:00".

use chrono::{NaiveDate, NaiveTime};

use super::hours::{Exception, Interval, OpeningHours};
use super::{Entry, EntryKind, WayIn, language_name};
use crate::identity::EmailAddress;
use crate::web::form::FormErrors;

/// The form as typed. Built from the posted pairs, so checkboxes may repeat a name.
#[derive(Debug, Clone, Default)]
pub struct EntryForm {
    pub name: String,
    pub kind: String,
    pub org_number: String,
    pub description_sv: String,
    pub description_en: String,
    pub areas: Vec<String>,
    pub groups: Vec<String>,
    pub age_min: String,
    pub age_max: String,
    pub languages: Vec<String>,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub premises: String,
    pub way_in: String,
    pub always: bool,
    /// Monday first.
    pub days: [String; 7],
    pub exceptions: String,
}

impl EntryForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            let value = value.clone();
            match name.as_str() {
                "namn" => form.name = value,
                "typ" => form.kind = value,
                "orgnr" => form.org_number = value,
                "beskrivning" => form.description_sv = value,
                "beskrivning_en" => form.description_en = value,
                "omrade" => form.areas.push(value),
                "malgrupp" => form.groups.push(value),
                "alder_fran" => form.age_min = value,
                "alder_till" => form.age_max = value,
                "sprak" => form.languages.push(value),
                "telefon" => form.phone = value,
                "epost" => form.email = value,
                "webbplats" => form.website = value,
                "gatuadress" => form.street = value,
                "postnummer" => form.postal_code = value,
                "ort" => form.city = value,
                "tillganglighet" => form.premises = value,
                "vag_in" => form.way_in = value,
                "dygnet_runt" => form.always = !value.is_empty(),
                "avvikelser" => form.exceptions = value,
                other => {
                    if let Some(day) = other.strip_prefix("tider_").and_then(|d| d.parse::<usize>().ok())
                        && (1..=7).contains(&day)
                    {
                        form.days[day - 1] = value;
                    }
                }
            }
        }
        form
    }

    /// The form filled in from an entry, for editing.
    pub fn from_entry(entry: &Entry) -> Self {
        let hours = entry.hours.clone().unwrap_or_default();
        Self {
            name: entry.name.clone(),
            kind: entry.kind.code().into(),
            org_number: entry.org_number.clone().unwrap_or_default(),
            description_sv: entry.description_sv.clone(),
            description_en: entry.description_en.clone().unwrap_or_default(),
            areas: entry.areas.clone(),
            groups: entry.target_groups.clone(),
            age_min: entry.age_min.map(|a| a.to_string()).unwrap_or_default(),
            age_max: entry.age_max.map(|a| a.to_string()).unwrap_or_default(),
            languages: entry.languages.clone(),
            phone: entry.phone.clone().unwrap_or_default(),
            email: entry.email.clone().unwrap_or_default(),
            website: entry.website.clone().unwrap_or_default(),
            street: entry.street_address.clone().unwrap_or_default(),
            postal_code: entry.postal_code.clone().unwrap_or_default(),
            city: entry.city.clone().unwrap_or_default(),
            premises: entry.premises_accessibility.clone().unwrap_or_default(),
            way_in: entry.way_in.code().into(),
            always: hours.always,
            days: std::array::from_fn(|i| write_intervals(&hours.weekly[i])),
            exceptions: hours
                .exceptions
                .iter()
                .map(|e| {
                    let times = if e.intervals.is_empty() {
                        "stängt".to_string()
                    } else {
                        write_intervals(&e.intervals).replace(", ", ",")
                    };
                    format!(
                        "{} {times}{}",
                        e.date,
                        e.note.as_ref().map(|n| format!(" {n}")).unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The entry the form describes, on top of `base` (its id, slug and dates), or the errors.
    /// `known_areas` and `known_groups` are the slugs of the areas of help and target groups.
    pub fn to_entry(
        &self,
        base: &Entry,
        known_areas: &[String],
        known_groups: &[String],
    ) -> Result<Entry, FormErrors> {
        let mut errors = FormErrors::default();
        let text = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            errors.add("namn", "entry-error-name");
        }
        let kind = EntryKind::from_code(&self.kind).unwrap_or_else(|| {
            errors.add("typ", "entry-error-kind");
            EntryKind::Other
        });
        let org_number = match text(&self.org_number) {
            None if kind == EntryKind::Association => {
                errors.add("orgnr", "entry-error-org-number");
                None
            }
            None => None,
            Some(typed) => match se_ids::OrganisationNumber::parse(&typed) {
                Ok(number) => Some(number.to_string()),
                Err(_) => {
                    errors.add("orgnr", "entry-error-org-number");
                    None
                }
            },
        };
        let description = self.description_sv.trim();
        if description.is_empty() || description.chars().count() > 1500 {
            errors.add("beskrivning", "entry-error-description");
        }
        if self.description_en.chars().count() > 1500 {
            errors.add("beskrivning_en", "entry-error-description");
        }
        if self.areas.is_empty() || self.areas.iter().any(|a| !known_areas.contains(a)) {
            errors.add("omrade", "entry-error-areas");
        }
        if self.groups.iter().any(|g| !known_groups.contains(g)) {
            errors.add("malgrupp", "entry-error-choice");
        }
        if self.languages.iter().any(|l| language_name(l).is_none()) {
            errors.add("sprak", "entry-error-choice");
        }
        let mut age = |field: &'static str, typed: &str| -> Option<i32> {
            let typed = typed.trim();
            if typed.is_empty() {
                return None;
            }
            let parsed = typed.parse::<i32>().ok().filter(|a| (0..=120).contains(a));
            if parsed.is_none() {
                errors.add(field, "entry-error-age");
            }
            parsed
        };
        let (age_min, age_max) = (age("alder_fran", &self.age_min), age("alder_till", &self.age_max));
        if let (Some(min), Some(max)) = (age_min, age_max)
            && min > max
        {
            errors.add("alder_till", "entry-error-age");
        }
        let email = text(&self.email);
        if email.as_deref().is_some_and(|e| EmailAddress::parse(e).is_none()) {
            errors.add("epost", "register-error-email");
        }
        let website = text(&self.website);
        if website.as_deref().is_some_and(|w| !valid_website(w)) {
            errors.add("webbplats", "entry-error-website");
        }
        let phone = text(&self.phone);
        if phone.as_deref().is_some_and(|p| !valid_phone(p)) {
            errors.add("telefon", "entry-error-phone");
        }
        if email.is_none() && phone.is_none() && website.is_none() {
            errors.add("telefon", "entry-error-contact");
        }
        let way_in = WayIn::from_code(&self.way_in).unwrap_or_else(|| {
            errors.add("vag_in", "entry-error-choice");
            WayIn::DropIn
        });
        let mut hours = OpeningHours { always: self.always, ..Default::default() };
        for (day, typed) in self.days.iter().enumerate() {
            match parse_intervals(typed) {
                Some(intervals) => hours.weekly[day] = intervals,
                None => errors.add(DAY_FIELDS[day], "entry-error-hours"),
            }
        }
        match parse_exceptions(&self.exceptions) {
            Ok(exceptions) => hours.exceptions = exceptions,
            Err(_line) => errors.add("avvikelser", "entry-error-exceptions"),
        }
        let hours_known = hours.always || hours.weekly.iter().any(|d| !d.is_empty());
        for long in [&self.street, &self.postal_code, &self.city, &self.premises] {
            if long.chars().count() > 500 {
                errors.add("gatuadress", "entry-error-too-long");
                break;
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Entry {
            name: name.to_string(),
            kind,
            org_number,
            description_sv: description.to_string(),
            description_en: text(&self.description_en),
            areas: dedup(&self.areas),
            target_groups: dedup(&self.groups),
            age_min,
            age_max,
            languages: dedup(&self.languages),
            phone,
            email,
            website,
            street_address: text(&self.street),
            postal_code: text(&self.postal_code),
            city: text(&self.city),
            premises_accessibility: text(&self.premises),
            way_in,
            hours: hours_known.then_some(hours),
            ..base.clone()
        })
    }
}

/// The names of the weekday fields, Monday first.
pub const DAY_FIELDS: [&str; 7] =
    ["tider_1", "tider_2", "tider_3", "tider_4", "tider_5", "tider_6", "tider_7"];

fn dedup(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        if !out.contains(value) {
            out.push(value.clone());
        }
    }
    out
}

fn valid_website(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some())
}

pub(crate) fn valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " -+()".contains(c))
}

fn write_intervals(intervals: &[Interval]) -> String {
    intervals
        .iter()
        .map(|i| format!("{}–{}", i.opens.format("%H:%M"), i.closes.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "08:00–12:00, 13:00–16:00" (either dash), "stängt", "closed" or nothing; `None` when unreadable.
pub fn parse_intervals(typed: &str) -> Option<Vec<Interval>> {
    let typed = typed.trim();
    if typed.is_empty() || typed.eq_ignore_ascii_case("stängt") || typed.eq_ignore_ascii_case("closed") {
        return Some(Vec::new());
    }
    typed
        .split(',')
        .map(|part| {
            let (opens, closes) = part.trim().split_once(['–', '-'])?;
            let time = |t: &str| NaiveTime::parse_from_str(t.trim().replace('.', ":").as_str(), "%H:%M").ok();
            let (opens, closes) = (time(opens)?, time(closes)?);
            (opens != closes).then_some(Interval::new(opens, closes))
        })
        .collect()
}

/// One exception per line: a date, "stängt" or intervals without spaces, and a note. `Err` gives
/// the first line that could not be read (1-based).
pub fn parse_exceptions(typed: &str) -> Result<Vec<Exception>, usize> {
    let mut exceptions = Vec::new();
    for (n, line) in typed.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, char::is_whitespace);
        let date =
            parts.next().and_then(|d| NaiveDate::parse_from_str(d.trim_end_matches(':'), "%Y-%m-%d").ok());
        let intervals = parts.next().and_then(parse_intervals);
        let note = parts.next().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
        match (date, intervals) {
            (Some(date), Some(intervals)) => exceptions.push(Exception { date, intervals, note }),
            _ => return Err(n + 1),
        }
    }
    Ok(exceptions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// The target groups these tests know.
    fn groups() -> Vec<String> {
        vec!["vuxna".into()]
    }

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(parse_intervals("08:00–16:00"), Some(vec![Interval::new(t(8, 0), t(16, 0))]));
        assert_eq!(
            parse_intervals("8.30-12.00, 13:00 - 16:30"),
            Some(vec![Interval::new(t(8, 30), t(12, 0)), Interval::new(t(13, 0), t(16, 30))])
        );
        assert_eq!(parse_intervals("Stängt"), Some(vec![]));
        assert_eq!(parse_intervals(""), Some(vec![]));
        assert_eq!(parse_intervals("21:00–07:00"), Some(vec![Interval::new(t(21, 0), t(7, 0))]));
        assert_eq!(parse_intervals("nio till fem"), None);
        assert_eq!(parse_intervals("25:00–26:00"), None);
    }

    #[test]
    fn exceptions_are_one_per_line_and_a_bad_line_is_named() {
        let read = parse_exceptions("2026-12-24 stängt Julafton\n\n2026-12-23 08:00–12:00").unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].note.as_deref(), Some("Julafton"));
        assert_eq!(read[1].intervals, vec![Interval::new(t(8, 0), t(12, 0))]);
        assert_eq!(parse_exceptions("2026-12-24 stängt\njulafton stängt"), Err(2));
    }

    #[test]
    fn a_complete_form_becomes_an_entry() {
        let form = EntryForm::from_pairs(&pairs(&[
            ("namn", " Fontänhuset "),
            ("typ", "association"),
            ("orgnr", "8024123450"),
            ("beskrivning", "Ett klubbhus."),
            ("omrade", "psykisk-halsa"),
            ("omrade", "psykisk-halsa"),
            ("malgrupp", "vuxna"),
            ("alder_fran", "18"),
            ("sprak", "sv"),
            ("telefon", "042-12 34 56"),
            ("vag_in", "drop_in"),
            ("tider_1", "08:30–16:00"),
            ("avvikelser", "2026-12-24 stängt Julafton"),
        ]));
        let entry = form.to_entry(&Entry::blank(true), &["psykisk-halsa".to_string()], &groups()).unwrap();
        assert_eq!(entry.name, "Fontänhuset");
        assert_eq!(entry.org_number.as_deref(), Some("802412-3450"));
        assert_eq!(entry.areas, vec!["psykisk-halsa"]);
        assert_eq!((entry.age_min, entry.age_max), (Some(18), None));
        let hours = entry.hours.unwrap();
        assert_eq!(hours.weekly[0], vec![Interval::new(t(8, 30), t(16, 0))]);
        assert_eq!(hours.exceptions.len(), 1);
        // And back into the form for the next edit.
        let again = EntryForm::from_entry(
            &form.to_entry(&Entry::blank(true), &["psykisk-halsa".to_string()], &groups()).unwrap(),
        );
        assert_eq!(again.days[0], "08:30–16:00");
        assert_eq!(again.exceptions, "2026-12-24 stängt Julafton");
    }

    #[test]
    fn every_wrong_field_gets_its_own_message() {
        let form = EntryForm::from_pairs(&pairs(&[
            ("typ", "association"),
            ("orgnr", "8024123451"),
            ("omrade", "finns-inte"),
            ("epost", "inte en adress"),
            ("webbplats", "javascript:alert(1)"),
            ("vag_in", "drop_in"),
            ("tider_3", "hela dagen"),
            ("alder_fran", "18"),
            ("alder_till", "12"),
            ("avvikelser", "i morgon stängt"),
            ("malgrupp", "finns-inte"),
        ]));
        let errors = form.to_entry(&Entry::blank(true), &[], &groups()).unwrap_err();
        for field in [
            "namn",
            "orgnr",
            "beskrivning",
            "omrade",
            "epost",
            "webbplats",
            "tider_3",
            "avvikelser",
            "malgrupp",
        ] {
            assert!(errors.has(field), "{field}");
        }
    }
}
