//! Who is asked, and when: the resident of a closed case at once (in the closing's transaction)
//! and a year later, the registrants of an event once it has ended, and one reminder after the
//! survey's number of days. Someone who said "fråga mig inte igen" is never asked again. The
//! maintenance round claims each sending by a conditional write before it queues the e-mail, in
//! one transaction, so two processes never send the same invitation twice.

use uuid::Uuid;

use super::store::{self, NewInvitation};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Db, Tx, UtcTime};
use crate::i18n::{Catalogues, Locale};
use crate::mail::Email;

/// How far back an ended event still invites its registrants (a server that was down a while
/// catches up; one started on an old database does not flood people about meetings long past).
const EVENT_WINDOW_DAYS: i64 = 14;

/// Where and in which language an invitation is sent (`identity::store::mail_address`), read
/// before the action's transaction; `None` when they have no address (the invitation is still
/// made and logged, without an e-mail).
pub type Recipient = Option<(String, Locale)>;

/// What closing a case needs to invite its resident; `None` when they asked not to be asked.
pub struct CaseInvitation {
    pub service_type: String,
    pub recipient: Recipient,
}

/// Reads, before closing a case, what its invitation needs.
pub async fn prepare_for_case(db: &Db, case: &crate::cases::Case) -> anyhow::Result<Option<CaseInvitation>> {
    if store::opted_out(db, case.resident_id).await? {
        return Ok(None);
    }
    Ok(Some(CaseInvitation {
        service_type: store::service_type_of_case(db, case.id).await?,
        recipient: crate::identity::store::mail_address(db, case.resident_id).await?,
    }))
}

/// What writes the e-mails: the catalogues and the site's address for links.
#[derive(Clone, Copy)]
pub struct Mailer<'a> {
    pub catalogues: &'a Catalogues,
    pub link_base: &'a url::Url,
}

/// The e-mail with a survey's link.
fn email(
    mailer: Mailer<'_>,
    to: String,
    locale: Locale,
    token: &str,
    reminder: bool,
) -> anyhow::Result<Email> {
    let link = mailer.link_base.join(&locale.href(&format!("/enkat/{token}")))?.to_string();
    let args = [("link", link.into())];
    let (subject, body) = if reminder {
        ("mail-survey-reminder-subject", "mail-survey-reminder-body")
    } else {
        ("mail-survey-invitation-subject", "mail-survey-invitation-body")
    };
    Ok(Email {
        to,
        subject: mailer.catalogues.plain_with(locale, subject, &args),
        body: mailer.catalogues.plain_with(locale, body, &args),
    })
}

/// Sends an invitation now: a link, its e-mail in the outbox, and the log's entry, in `tx`.
async fn send(
    tx: &mut Tx,
    mailer: Mailer<'_>,
    invitation: Uuid,
    person: Uuid,
    recipient: &Recipient,
    actor: AuditActor,
    reminder: bool,
) -> anyhow::Result<()> {
    let token = store::add_token(tx, invitation).await?;
    if let Some((to, locale)) = recipient {
        let mail = email(mailer, to.clone(), *locale, &token, reminder)?;
        crate::mail::store::enqueue(tx, &mail).await?;
    }
    let action = if reminder { Action::SurveyReminderSent } else { Action::SurveyInvitationSent };
    let event = AuditEvent::new(actor, action, "survey_invitation").object(invitation).subject(person);
    crate::audit::store::append(tx, &event).await?;
    Ok(())
}

/// Invites the resident of a case being closed, in the closing's transaction: the usefulness
/// survey now, the follow-up stored to be sent a year later.
pub async fn invite_on_close(
    tx: &mut Tx,
    mailer: Mailer<'_>,
    prepared: &CaseInvitation,
    case: &crate::cases::Case,
    actor: AuditActor,
) -> anyhow::Result<()> {
    let now = UtcTime::now();
    let [now_invitation, follow_up] = store::case_invitations(case, &prepared.service_type, now);
    if let Some(id) = store::insert_invitation(tx, &now_invitation, Some(now)).await? {
        send(tx, mailer, id, case.resident_id, &prepared.recipient, actor, false).await?;
    }
    store::insert_invitation(tx, &follow_up, None).await?;
    Ok(())
}

/// What a maintenance round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub invitations: usize,
    pub reminders: usize,
}

/// One round at `now`: follow-ups whose year has passed, ended events' registrants, reminders.
pub async fn run_round(
    db: &Db,
    catalogues: &Catalogues,
    link_base: &url::Url,
    now: UtcTime,
) -> anyhow::Result<Sent> {
    let mailer = Mailer { catalogues, link_base };
    let mut sent = Sent::default();
    for due in store::due_to_send(db, now).await? {
        let recipient = crate::identity::store::mail_address(db, due.person_id).await?;
        let mut tx = db.begin_write().await?;
        if !store::claim_send(&mut tx, due.id, now).await? {
            continue;
        }
        send(&mut tx, mailer, due.id, due.person_id, &recipient, AuditActor::system(), false).await?;
        tx.commit().await?;
        sent.invitations += 1;
    }
    let since = UtcTime(now.0 - chrono::Duration::days(EVENT_WINDOW_DAYS));
    for attendance in store::ended_attendances(db, since, now).await? {
        let recipient = crate::identity::store::mail_address(db, attendance.person_id).await?;
        let new: NewInvitation = store::event_invitation(&attendance, now);
        let mut tx = db.begin_write().await?;
        let Some(id) = store::insert_invitation(&mut tx, &new, Some(now)).await? else { continue };
        send(&mut tx, mailer, id, attendance.person_id, &recipient, AuditActor::system(), false).await?;
        tx.commit().await?;
        sent.invitations += 1;
    }
    for survey in store::surveys(db).await? {
        let sent_before = UtcTime(now.0 - chrono::Duration::days(i64::from(survey.reminder_days)));
        for due in store::due_reminders(db, &survey.key, sent_before).await? {
            let recipient = crate::identity::store::mail_address(db, due.person_id).await?;
            let mut tx = db.begin_write().await?;
            if !store::claim_reminder(&mut tx, due.id, now).await? {
                continue;
            }
            send(&mut tx, mailer, due.id, due.person_id, &recipient, AuditActor::system(), true).await?;
            tx.commit().await?;
            sent.reminders += 1;
        }
    }
    Ok(sent)
}
