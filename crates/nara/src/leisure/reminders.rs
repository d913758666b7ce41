//! From the maintenance round: reminders to borrowers a few days before a loan is due and once
//! when it is overdue, the end of reservations not picked up in time, and the write-off of desk
//! loans never returned (deleting the borrower's name and phone). Each is claimed in the same transaction as its e-mail, so two processes
//! never send one twice and a failure sends none.

use chrono::NaiveDate;

use super::store;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Db, UtcTime};
use crate::i18n::{Catalogues, Locale};
use crate::mail::Email;

/// Sends what is due on `today`; returns how many reminders went out.
pub async fn send(
    db: &Db,
    catalogues: &Catalogues,
    link_base: &url::Url,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let (soon, late) = store::reminders_due(db, today).await?;
    let mut sent = 0;
    for (overdue, reminder) in soon.into_iter().map(|r| (false, r)).chain(late.into_iter().map(|r| (true, r)))
    {
        let locale = Locale::from_code(reminder.language.as_deref().unwrap_or("sv"));
        let kind = if locale == Locale::EN { reminder.name_en } else { reminder.name_sv };
        let link = link_base
            .join(&locale.href(super::resident::MY_LOANS))
            .map(|u| u.to_string())
            .unwrap_or_default();
        let args = [
            ("kind", kind.into()),
            ("date", reminder.due_on.format("%Y-%m-%d").to_string().into()),
            ("link", link.into()),
        ];
        let (subject, body) = if overdue {
            ("mail-leisure-overdue-subject", "mail-leisure-overdue-body")
        } else {
            ("mail-leisure-due-subject", "mail-leisure-due-body")
        };
        let mail = Email {
            to: reminder.email,
            subject: catalogues.plain_with(locale, subject, &args),
            body: catalogues.plain_with(locale, body, &args),
        };
        let mut tx = db.begin_write().await?;
        if !store::claim_reminder(&mut tx, reminder.id, overdue).await? {
            continue;
        }
        crate::mail::store::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

/// Ends the reservations not picked up in time (at `now`): each item is free again and offered
/// to the first on its kind's waitlist. One transaction per reservation; returns how many ended.
pub async fn end_lapsed_reservations(
    db: &Db,
    catalogues: &Catalogues,
    link_base: &url::Url,
    now: UtcTime,
) -> anyhow::Result<usize> {
    let mut ended = 0;
    for (loan, item_id) in store::lapsed_reservations(db, now).await? {
        let mut tx = db.begin_write().await?;
        let Some(borrower) = store::end_lapsed(&mut tx, loan, item_id, now).await? else {
            continue;
        };
        let mut event =
            AuditEvent::new(AuditActor::system(), Action::LeisureReservationLapsed, "leisure_loan")
                .object(loan);
        if let Some(borrower) = borrower {
            event = event.subject(borrower);
        }
        crate::audit::store::append(&mut tx, &event).await?;
        if let Some(item) = store::item_in(&mut tx, item_id).await? {
            super::offers::offer_next(&mut tx, catalogues, link_base, &item, AuditActor::system(), None)
                .await?;
        }
        tx.commit().await?;
        ended += 1;
    }
    Ok(ended)
}

/// Writes off the desk loans due more than [`super::DESK_CONTACT_RETENTION_DAYS`] before `today`
/// and never returned: the borrower's name and phone are deleted, logged against the loan. One
/// transaction per loan; returns how many were written off.
pub async fn write_off_lost_desk_loans(db: &Db, today: NaiveDate) -> anyhow::Result<usize> {
    let before = super::write_off_before(today);
    let mut written_off = 0;
    for loan in store::lost_desk_loans(db, before).await? {
        let mut tx = db.begin_write().await?;
        if !store::write_off(&mut tx, loan, before).await? {
            continue;
        }
        let event = AuditEvent::new(AuditActor::system(), Action::LeisureDeskLoanWrittenOff, "leisure_loan")
            .object(loan);
        crate::audit::store::append(&mut tx, &event).await?;
        tx.commit().await?;
        written_off += 1;
    }
    Ok(written_off)
}
