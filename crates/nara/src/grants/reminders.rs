//! The maintenance step that reminds an association of its follow-up report a number of days
//! (the programme's rules) before it is due: once, through the outbox. Each reminder is claimed
//! in the transaction that queues its e-mail, so two server processes never send it twice.

use chrono::NaiveDate;

use super::store;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::Db;
use crate::i18n::{Catalogues, Locale};
use crate::mail::Email;

/// Where an association's grant e-mail goes: the register's address of the association, or else
/// its approved representatives.
pub async fn recipients(db: &Db, entry: uuid::Uuid) -> anyhow::Result<Vec<String>> {
    let entries = crate::directory::store::entries_by_ids(db, &[entry]).await?;
    Ok(match entries.into_iter().next().and_then(|e| e.email) {
        Some(email) => vec![email],
        None => store::representative_emails(db, entry).await?,
    })
}

/// Sends the reminders due on `today`; how many follow-ups were reminded.
pub async fn send(
    db: &Db,
    catalogues: &Catalogues,
    link_base: &url::Url,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let locale = Locale::SV;
    let mut sent = 0;
    for due in store::follow_ups_to_remind(db, today).await? {
        let path = format!("/forening/{}/bidrag/{}/aterrapport", due.entry_slug, due.application_id);
        let link = link_base.join(&locale.href(&path)).map(|u| u.to_string()).unwrap_or_default();
        let args = [
            ("programme", due.programme_name_sv.clone().into()),
            ("association", due.entry_name.clone().into()),
            ("date", due.due_on.format("%Y-%m-%d").to_string().into()),
            ("link", link.into()),
        ];
        let subject = catalogues.plain_with(locale, "grants-mail-follow-up-subject", &args);
        let body = catalogues.plain_with(locale, "grants-mail-follow-up-body", &args);
        let to = recipients(db, due.entry_id).await?;
        let mut tx = db.begin_write().await?;
        if !store::claim_follow_up_reminder(&mut tx, due.application_id).await? {
            continue;
        }
        for to in to {
            crate::mail::store::enqueue(&mut tx, &Email { to, subject: subject.clone(), body: body.clone() })
                .await?;
        }
        let event = AuditEvent::new(AuditActor::system(), Action::GrantFollowUpReminded, "grant_application")
            .object(due.application_id);
        crate::audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
