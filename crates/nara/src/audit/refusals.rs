//! Refused attempts: every refusal is written to the log, and when one person is refused again
//! and again the log reviewers are told, once an hour and without saying who or whose data.
//! Who it was is for the reviewers to look up in the log; the resident whose case it was sees
//! only that someone was refused (see `my_pages::access_log`).

use std::time::Duration;

use super::{Action, AuditEvent, store};
use crate::db::UtcTime;
use crate::i18n::{Locale, format_stockholm};
use crate::mail::{self, Email};
use crate::rate_limit::{self, Limit};
use crate::web::state::AppState;

/// Refusals one person may run into within `WINDOW` before the reviewers hear of it: a few are
/// a mistyped address or an old bookmark, more are someone trying.
pub const REFUSALS_BEFORE_NOTICE: i64 = 5;
pub const WINDOW: Duration = Duration::from_secs(60 * 60);

/// At most one notice per person per window, however many refusals follow.
const ONE_NOTICE_PER_WINDOW: Limit = Limit { max: 1, window: WINDOW };

/// Whether this many refusals of one person within the window call for a notice.
pub fn calls_for_notice(refusals_in_window: i64) -> bool {
    refusals_in_window > REFUSALS_BEFORE_NOTICE
}

/// Writes a refusal to the log and, when its person has now been refused more than a few times
/// within the hour, queues one notice to the log reviewers.
pub async fn record(state: &AppState, event: &AuditEvent) -> anyhow::Result<()> {
    debug_assert_eq!(event.action, Action::AccessDenied, "only refusals are counted here");
    store::record(&state.db, event).await?;
    let Some(person) = event.actor.person_id else { return Ok(()) };
    let since = UtcTime(UtcTime::now().0 - chrono::Duration::from_std(WINDOW)?);
    if !calls_for_notice(store::refusals_of_since(&state.db, person, since).await?) {
        return Ok(());
    }
    // The bucket (not a read of earlier notices) decides, so two refusals at once send one.
    let bucket = rate_limit::bucket("refusal-notice", &person.to_string(), state.secrets.key());
    if rate_limit::store::hit(&state.db, &bucket, ONE_NOTICE_PER_WINDOW).await? {
        tell_reviewers(state, since).await?;
    }
    Ok(())
}

/// The notice: that someone is being refused repeatedly, and a link to the refusals since
/// `since` in the log. No names, nobody's data: an e-mail can go astray.
async fn tell_reviewers(state: &AppState, since: UtcTime) -> anyhow::Result<()> {
    // People have no language of their own yet: notices go in Swedish, the default.
    let locale = Locale::SV;
    let from = format_stockholm(since);
    let day = from.split(' ').next().unwrap_or_default();
    let link = state.absolute(
        &locale.href(&format!("/granskning/logg?handelse={}&fran={day}", Action::AccessDenied.as_str())),
    );
    let args = [
        ("count", REFUSALS_BEFORE_NOTICE.into()),
        ("minutes", (WINDOW.as_secs() / 60).into()),
        ("link", link.into()),
    ];
    let subject = state.catalogues.plain_with(locale, "mail-refusals-subject", &args);
    let body = state.catalogues.plain_with(locale, "mail-refusals-body", &args);
    // One transaction for the reviewers' notices: all of them are queued, or none.
    let reviewers = store::log_reviewer_addresses(&state.db).await?;
    let mut tx = state.db.begin().await?;
    for to in reviewers {
        mail::store::enqueue(&mut tx, &Email { to, subject: subject.clone(), body: body.clone() }).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_refusals_are_let_be_and_more_call_for_a_notice() {
        assert!(!calls_for_notice(1));
        assert!(!calls_for_notice(REFUSALS_BEFORE_NOTICE));
        assert!(calls_for_notice(REFUSALS_BEFORE_NOTICE + 1));
    }
}
