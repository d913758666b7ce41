//! The purposes the code records with a read or change. The log keeps each as written here, in
//! Swedish, signed with its entry and never rewritten; `key` names it in the catalogues
//! (`audit-purpose-…`) so the resident reads it in their own language. A purpose not listed
//! (a free-text detail) is shown as it was stored.

pub const CASE_WORK: &str = "Handläggning av ärendet";
pub const WORK_LIST: &str = "Arbetslista för handläggning";
pub const OWN_CASE_ADDITION: &str = "Eget tillägg i ärendet";
pub const BOOKING: &str = "Bokning av möte i ärendet";
pub const OFFICER_MEETINGS: &str = "Handläggarens egna möten";
pub const OWN_APPLICATION: &str = "Egen ansökan";
pub const ORGANISER: &str = "Arrangör av träffen";
pub const ACCOUNT_ADMIN: &str = "Administration av konto";
pub const LOG_REVIEW: &str = "Logguppföljning";
pub const LOG_REVIEW_NO_MATCH: &str = "Logguppföljning (ingen träff)";
pub const OWN_DATA_REQUEST: &str = "Invånarens egen begäran om sina uppgifter";
pub const PLAN_WORK: &str = "Samordnad individuell plan";
pub const OWN_PLAN: &str = "Egen samordnad individuell plan";

const KEYS: &[(&str, &str)] = &[
    (CASE_WORK, "audit-purpose-case-work"),
    (WORK_LIST, "audit-purpose-work-list"),
    (OWN_CASE_ADDITION, "audit-purpose-own-case-addition"),
    (BOOKING, "audit-purpose-booking"),
    (OFFICER_MEETINGS, "audit-purpose-officer-meetings"),
    (OWN_APPLICATION, "audit-purpose-own-application"),
    (ORGANISER, "audit-purpose-organiser"),
    (ACCOUNT_ADMIN, "audit-purpose-account-admin"),
    (LOG_REVIEW, "audit-purpose-log-review"),
    (LOG_REVIEW_NO_MATCH, "audit-purpose-log-review-no-match"),
    (OWN_DATA_REQUEST, "audit-purpose-own-data-request"),
    (PLAN_WORK, "audit-purpose-plan-work"),
    (OWN_PLAN, "audit-purpose-own-plan"),
];

/// The catalogue key naming a stored purpose; `None` for free text.
pub fn key(stored: &str) -> Option<&'static str> {
    KEYS.iter().find(|(text, _)| *text == stored).map(|(_, key)| *key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_purposes_have_keys_and_free_text_has_none() {
        assert_eq!(key("Handläggning av ärendet"), Some("audit-purpose-case-work"));
        assert_eq!(key("Inloggning med BankID"), None);
        let texts: std::collections::BTreeSet<_> = KEYS.iter().map(|(text, _)| text).collect();
        assert_eq!(texts.len(), KEYS.len(), "each purpose is listed once");
    }

    #[test]
    fn every_purpose_key_is_in_every_catalogue() {
        let catalogues = crate::i18n::Catalogues::load().unwrap();
        for locale in crate::i18n::Locale::all() {
            let keys = catalogues.keys(locale);
            for (_, key) in KEYS {
                assert!(keys.contains(*key), "{} lacks {key}", locale.code());
            }
        }
    }
}
