//! Work that runs on a timer in every server process: reminders the day before a meeting (an
//! event or a booked meeting with a contact person) and to confirm directory entries,
//! deleting registrants' needs once the meeting is over, and clearing expired sessions, links,
//! log-ins in progress and rate-limit counters. Every step is safe to run from several
//! processes at once (each reminder is claimed before it is sent).

use std::time::Duration;

use uuid::Uuid;

use crate::db::{Db, Tx, UtcTime};
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
}

#[derive(sqlx::FromRow)]
struct Due {
    id: Uuid,
    email: String,
    locale: String,
    title_sv: String,
    title_en: String,
    starts_at: UtcTime,
}

/// Confirmed registrations for meetings starting within a day that have had no reminder.
async fn due_reminders(db: &Db, now: UtcTime) -> anyhow::Result<Vec<Due>> {
    let sql = "SELECT r.id, r.email, r.locale, s.title_sv, s.title_en, o.starts_at FROM event_registrations r \
               JOIN event_occurrences o ON o.id = r.occurrence_id JOIN event_series s ON s.id = o.series_id \
               WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND NOT o.cancelled \
               AND o.starts_at > $1 AND o.starts_at <= $2";
    let until = UtcTime(now.0 + chrono::Duration::hours(24));
    Ok(db.sql().all(sql, &[&now, &until]).await?)
}

/// Marks a reminder as sent; false when another process got there first.
async fn claim_reminder(tx: &mut Tx, id: Uuid) -> anyhow::Result<bool> {
    let sql = "UPDATE event_registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL";
    Ok(tx.sql().execute(sql, &[&UtcTime::now(), &id]).await? == 1)
}

/// Deletes what registrants wrote about their needs once the meeting is over.
async fn delete_past_needs(db: &Db, now: UtcTime) -> anyhow::Result<u64> {
    let sql = "UPDATE event_registrations SET needs = NULL WHERE needs IS NOT NULL AND occurrence_id IN \
               (SELECT id FROM event_occurrences WHERE ends_at < $1)";
    Ok(db.sql().execute(sql, &[&now]).await?)
}

/// Removes sessions, links, log-ins in progress and counters that can no longer matter.
async fn clear_expired(db: &Db, now: UtcTime) -> anyhow::Result<()> {
    let day_ago = UtcTime(now.0 - chrono::Duration::days(1));
    let statements: [(&str, UtcTime); 4] = [
        ("DELETE FROM sessions WHERE expires_at < $1", now),
        ("DELETE FROM one_time_tokens WHERE expires_at < $1", day_ago),
        ("DELETE FROM oidc_logins WHERE expires_at < $1", now),
        ("DELETE FROM rate_limits WHERE window_start < $1", day_ago),
    ];
    for (sql, before) in statements {
        db.sql().execute(sql, &[&before]).await?;
    }
    Ok(())
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
        let mut tx = db.begin().await?;
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
    clear_expired(db, now).await?;
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
