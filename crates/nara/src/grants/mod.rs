//! Association grants (*föreningsbidrag*): programmes with published rules in versions, applications
//! by an association's representatives pre-filled from the register, assessments with a reason for
//! every score, decisions in plain language and the payments made. The rules here are pure; storage
//! is in `store`, who may in `access` and `policy`, pages in `public`, `association` and `staff`.
//! A paid grant's follow-up (`follow_up`, `reporting`, `reminders`) feeds the effect view
//! (`effect`, `effect_view`) and the open data of the decisions (`open_data`).

pub mod access;
pub mod association;
pub mod effect;
pub mod effect_view;
pub mod follow_up;
pub mod money;
pub mod open_data;
pub mod programme;
pub mod public;
pub mod reminders;
pub mod reporting;
pub mod staff;
pub mod store;
pub mod view;

use chrono::{DateTime, NaiveDate, Utc};

pub use money::{format_kronor, parse_kronor};
pub use programme::{Criterion, ProgrammeRules};

/// Where an application is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Submitted,
    Withdrawn,
    Decided,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Withdrawn => "withdrawn",
            Status::Decided => "decided",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        [Status::Draft, Status::Submitted, Status::Withdrawn, Status::Decided]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// The catalogue key naming the status for people.
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "grants-status-draft",
            Status::Submitted => "grants-status-submitted",
            Status::Withdrawn => "grants-status-withdrawn",
            Status::Decided => "grants-status-decided",
        }
    }
}

/// A decision's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Granted,
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Granted => "granted",
            Outcome::Refused => "refused",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        [Outcome::Granted, Outcome::Refused].into_iter().find(|o| o.as_str() == text)
    }

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Granted => "grants-outcome-granted",
            Outcome::Refused => "grants-outcome-refused",
        }
    }
}

/// What an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Statutes,
    AnnualReport,
    Budget,
    Other,
}

impl FileKind {
    pub const ALL: [FileKind; 4] =
        [FileKind::Statutes, FileKind::AnnualReport, FileKind::Budget, FileKind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Statutes => "statutes",
            FileKind::AnnualReport => "annual_report",
            FileKind::Budget => "budget",
            FileKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn key(self) -> &'static str {
        match self {
            FileKind::Statutes => "grants-file-statutes",
            FileKind::AnnualReport => "grants-file-annual-report",
            FileKind::Budget => "grants-file-budget",
            FileKind::Other => "grants-file-other",
        }
    }
}

/// The largest attachment, as for applications.
pub const MAX_FILE_BYTES: usize = crate::applications::files::MAX_FILE_BYTES;
/// The largest request the application's page sends: one attachment and the answers beside it.
pub const MAX_REQUEST_BYTES: usize = crate::applications::files::MAX_STEP_REQUEST_BYTES;
/// The most attachments one application holds.
pub const MAX_FILES: usize = 10;
/// Budget lines on the application's page.
pub const BUDGET_LINES: usize = 8;
/// The longest budget line label.
pub const MAX_BUDGET_LABEL_CHARS: usize = 120;
/// The longest reason for a score, and the longest text of a decision.
pub const MAX_REASON_CHARS: usize = 1_000;
pub const MAX_DECISION_TEXT_CHARS: usize = 4_000;
pub const MAX_REFERENCE_CHARS: usize = 100;
/// The highest score a criterion gets.
pub const MAX_SCORE: i32 = 5;

/// Why an attachment was refused, as a catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    NotPdf,
    TooMany,
}

impl FileProblem {
    pub fn key(self) -> &'static str {
        match self {
            FileProblem::TooLarge => "grants-error-file-too-large",
            FileProblem::NotPdf => "grants-error-file-not-pdf",
            FileProblem::TooMany => "grants-error-file-too-many",
        }
    }
}

/// Checks an attachment: a PDF by its bytes (not its name), at most [`MAX_FILE_BYTES`], and room
/// for it among the application's files.
pub fn check_file(bytes: &[u8], held: usize) -> Result<(), FileProblem> {
    if held >= MAX_FILES {
        Err(FileProblem::TooMany)
    } else if bytes.len() > MAX_FILE_BYTES {
        Err(FileProblem::TooLarge)
    } else if !crate::formats::is_pdf(bytes) {
        Err(FileProblem::NotPdf)
    } else {
        Ok(())
    }
}

/// The name to download an attachment under: the last part of what the browser sent, without
/// control characters, ending in `.pdf`.
pub fn file_name(sent: &str) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String = stem.chars().filter(|c| !c.is_control()).take(120).collect();
    let stem = stem.trim();
    format!("{}.pdf", if stem.is_empty() { "bilaga" } else { stem })
}

/// What the register says about an association when it applies, kept with the application (JSON;
/// the association's own contact details, nobody's personal data).
pub fn register_snapshot(entry: &crate::directory::Entry) -> String {
    serde_json::json!({
        "name": entry.name,
        "org_number": entry.org_number,
        "email": entry.email,
        "phone": entry.phone,
        "target_groups": entry.target_groups,
        "areas": entry.areas,
        "languages": entry.languages,
    })
    .to_string()
}

/// The last instant an application to a programme closing on `deadline` counts: the end of that
/// day in Stockholm (23:59:59 counts, the next day's 00:00:00 does not).
pub fn closes_at(deadline: NaiveDate) -> Option<DateTime<Utc>> {
    crate::stockholm::end_of_day(deadline)
}

/// Whether an application sent at `at` is in time for `deadline`.
pub fn in_time(deadline: NaiveDate, at: DateTime<Utc>) -> bool {
    closes_at(deadline).is_some_and(|closes| at <= closes)
}

/// How many assessors must score an application: two when the amount applied for is above the
/// programme's threshold, otherwise one.
pub fn assessors_needed(requested_ore: i64, two_above_ore: i64) -> usize {
    if requested_ore > two_above_ore { 2 } else { 1 }
}

/// One assessor's score of one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub assessor: uuid::Uuid,
    pub criterion: String,
    pub score: i32,
}

/// The assessors who scored every criterion.
pub fn complete_assessors(criteria: &[Criterion], scores: &[Score]) -> Vec<uuid::Uuid> {
    let mut assessors: Vec<uuid::Uuid> = scores.iter().map(|s| s.assessor).collect();
    assessors.sort();
    assessors.dedup();
    assessors
        .retain(|a| criteria.iter().all(|c| scores.iter().any(|s| s.assessor == *a && s.criterion == c.id)));
    assessors
}

/// The weighted score of the complete assessments, in whole percent of the highest possible.
/// `None` before anyone has scored every criterion.
pub fn weighted_percent(criteria: &[Criterion], scores: &[Score]) -> Option<i64> {
    let complete = complete_assessors(criteria, scores);
    let weights: i64 = criteria.iter().map(|c| i64::from(c.weight)).sum();
    if complete.is_empty() || weights == 0 {
        return None;
    }
    let mut total = 0_i64;
    for assessor in &complete {
        for criterion in criteria {
            let score = scores
                .iter()
                .find(|s| s.assessor == *assessor && s.criterion == criterion.id)
                .map_or(0, |s| i64::from(s.score));
            total += score * i64::from(criterion.weight);
        }
    }
    let most = i64::from(MAX_SCORE) * weights * i64::try_from(complete.len()).unwrap_or(1);
    Some((total * 100 + most / 2) / most)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDateTime, TimeZone};
    use uuid::Uuid;

    fn stockholm(text: &str) -> DateTime<Utc> {
        let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
        chrono_tz::Europe::Stockholm.from_local_datetime(&local).single().unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_last_second_of_the_last_day_counts_in_stockholm_time() {
        let deadline = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        assert!(in_time(deadline, stockholm("2027-03-31 23:59:59")));
        assert!(!in_time(deadline, stockholm("2027-04-01 00:00:00")));
        // Summer time: 23:59:59 in Stockholm is 21:59:59 UTC.
        assert_eq!(closes_at(deadline).unwrap().to_rfc3339(), "2027-03-31T21:59:59+00:00");
        let winter = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert!(in_time(winter, stockholm("2027-01-15 23:59:59")));
        assert!(!in_time(winter, stockholm("2027-01-16 00:00:00")));
    }

    #[test]
    fn two_assessors_above_the_threshold_only() {
        assert_eq!(assessors_needed(5_000_000, 5_000_000), 1, "at the threshold one is enough");
        assert_eq!(assessors_needed(5_000_001, 5_000_000), 2);
        assert_eq!(assessors_needed(0, 5_000_000), 1);
    }

    #[test]
    fn scores_are_weighted_over_complete_assessments() {
        let criteria = vec![
            Criterion {
                id: "a".into(),
                name: programme::Text { sv: "A".into(), en: String::new() },
                weight: 3,
            },
            Criterion {
                id: "b".into(),
                name: programme::Text { sv: "B".into(), en: String::new() },
                weight: 1,
            },
        ];
        let (x, y) = (Uuid::new_v4(), Uuid::new_v4());
        let score = |assessor, criterion: &str, score| Score { assessor, criterion: criterion.into(), score };
        let half_done = vec![score(x, "a", 5)];
        assert_eq!(complete_assessors(&criteria, &half_done), Vec::<Uuid>::new());
        assert_eq!(weighted_percent(&criteria, &half_done), None);
        let scores = vec![score(x, "a", 5), score(x, "b", 1), score(y, "a", 4)];
        assert_eq!(complete_assessors(&criteria, &scores), vec![x]);
        // (5·3 + 1·1) / (5·4) = 80 %
        assert_eq!(weighted_percent(&criteria, &scores), Some(80));
    }

    #[test]
    fn attachments_are_pdfs_by_their_bytes_and_limited() {
        let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
        assert_eq!(check_file(pdf, 0), Ok(()));
        assert_eq!(check_file(b"PK\x03\x04 word", 0), Err(FileProblem::NotPdf));
        assert_eq!(check_file(pdf, MAX_FILES), Err(FileProblem::TooMany));
        let mut big = pdf.to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check_file(&big, 0), Err(FileProblem::TooLarge));
        assert_eq!(file_name("C:\\x\\Stadgar 2026.PDF"), "Stadgar 2026.pdf");
        assert_eq!(file_name("../../etc/passwd"), "passwd.pdf");
        assert_eq!(file_name("\u{7}"), "bilaga.pdf");
    }
}
