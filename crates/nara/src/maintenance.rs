//! Work that runs on a timer in every server process: reminders the day before a meeting (an
//! event or a booked meeting with a contact person) and to confirm directory entries,
//! reminding associations of a grant's follow-up report, deleting registrants' needs once the
//! meeting is over and recruitment interests once their time is up, and clearing expired sessions, links, log-ins in progress and rate-limit
//! counters. Every step is safe to run from several processes at once (each reminder is claimed
//! before it is sent).

use std::time::Duration;

use crate::db::{Db, UtcTime};
use crate::events::store::{claim_reminder, delete_past_needs, due_reminders};
use crate::i18n::{Catalogues, Locale, format_stockholm};
use crate::mail::Email;

/// What one round did (for tests and logs).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub reminders: usize,
    pub needs_deleted: u64,
    /// E-mails asking those who keep a directory entry up to date to confirm it.
    pub confirmation_reminders: usize,
    /// Residents reminded of a meeting with their contact person.
    pub booking_reminders: usize,
    /// Survey invitations sent (follow-ups, events) and reminders of unanswered ones.
    pub survey_invitations: usize,
    pub survey_reminders: usize,
    /// Associations reminded of a grant's follow-up report.
    pub grant_follow_up_reminders: usize,
    /// Leisure bank borrowers reminded before a loan is due or when it is overdue.
    pub leisure_reminders: usize,
    /// Leisure bank reservations not picked up in time, ended (the item offered to the next).
    pub leisure_lapsed_reservations: usize,
    /// Leisure bank desk loans never returned, written off (the borrower's name and phone deleted).
    pub leisure_written_off: usize,
    /// Recruitment interests deleted on their `delete_on` day.
    pub recruitment_interests_deleted: u64,
}

/// One round of maintenance.
pub async fn run_once(db: &Db, catalogues: &Catalogues, link_base: &url::Url) -> anyhow::Result<Round> {
    let now = UtcTime::now();
    let mut round = Round::default();
    for due in due_reminders(db, now).await? {
        let locale = Locale::from_code(&due.locale);
        let title = if locale == Locale::EN { due.title_en } else { due.title_sv };
        let args = [
            ("title", title.into()),
            ("when", format_stockholm(due.starts_at).into()),
            (
                "link",
                link_base.join(&locale.href("/kalender")).map(|u| u.to_string()).unwrap_or_default().into(),
            ),
        ];
        let mail = Email {
            to: due.email,
            subject: catalogues.plain_with(locale, "mail-event-reminder-subject", &args),
            body: catalogues.plain_with(locale, "mail-event-reminder-body", &args),
        };
        // The claim and its e-mail commit together: a reminder is neither lost nor sent twice.
        let mut tx = db.begin_write().await?;
        if !claim_reminder(&mut tx, due.id).await? {
            continue;
        }
        crate::mail::store::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        round.reminders += 1;
    }
    round.needs_deleted = delete_past_needs(db, now).await?;
    round.confirmation_reminders =
        crate::directory::stewards::send_confirmation_reminders(db, catalogues, link_base).await?;
    round.booking_reminders = crate::bookings::send_reminders(db, catalogues, link_base, now).await?;
    let surveys = crate::surveys::invitations::run_round(db, catalogues, link_base, now).await?;
    (round.survey_invitations, round.survey_reminders) = (surveys.invitations, surveys.reminders);
    round.grant_follow_up_reminders =
        crate::grants::reminders::send(db, catalogues, link_base, crate::stockholm::today()).await?;
    round.leisure_reminders =
        crate::leisure::reminders::send(db, catalogues, link_base, crate::stockholm::date_of(now.0)).await?;
    round.leisure_lapsed_reservations =
        crate::leisure::reminders::end_lapsed_reservations(db, catalogues, link_base, now).await?;
    round.leisure_written_off =
        crate::leisure::reminders::write_off_lost_desk_loans(db, crate::stockholm::date_of(now.0)).await?;
    round.recruitment_interests_deleted =
        crate::assignments::store::delete_interests_due(db, crate::stockholm::date_of(now.0)).await?;
    // What can no longer matter: ended sessions, used or old links, log-ins in progress, counters.
    let day_ago = UtcTime(now.0 - chrono::Duration::days(1));
    crate::sessions::store::delete_expired(db, now).await?;
    crate::accounts::store::delete_expired_tokens(db, day_ago).await?;
    crate::oidc::store::delete_expired(db, now).await?;
    crate::rate_limit::store::delete_windows_before(db, day_ago).await?;
    db.prune_changes(day_ago).await?;
    Ok(round)
}

/// Runs a round every five minutes until `stop` resolves.
pub async fn run_worker(state: crate::web::state::AppState, stop: impl std::future::Future<Output = ()>) {
    tokio::pin!(stop);
    loop {
        if let Err(error) = run_once(&state.db, &state.catalogues, &state.base_url).await {
            tracing::warn!(error = format!("{error:#}"), "maintenance round failed");
        }
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(Duration::from_secs(300)) => {}
        }
    }
}
