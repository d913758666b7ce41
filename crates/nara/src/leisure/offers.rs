//! Offering a freed item to the first on its kind's waitlist: the reservation, its audit entry
//! and the e-mail, in the transaction of whatever freed the item (a move at the desk, a
//! participant's task, or a reservation that was not picked up in time).

use super::store::{self, ItemRow};
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::db::{Tx, UtcTime};
use crate::i18n::{Catalogues, Locale, format_stockholm};
use crate::mail::Email;

/// Reserves `item` for the first waiting for its kind, if anyone is; true when someone was.
/// `actor` and `request_id` are those of the action that freed the item.
pub async fn offer_next(
    tx: &mut Tx,
    catalogues: &Catalogues,
    link_base: &url::Url,
    item: &ItemRow,
    actor: AuditActor,
    request_id: Option<String>,
) -> anyhow::Result<bool> {
    let Some(offer) = store::offer_to_next(tx, item).await? else {
        return Ok(false);
    };
    let reserved = AuditEvent::new(actor, Action::LeisureReserved, "leisure_loan")
        .object(offer.loan_id)
        .subject(offer.person_id)
        .request(request_id);
    crate::audit::store::append(tx, &reserved).await?;
    if let Some(to) = offer.email {
        let locale = Locale::from_code(offer.language.as_deref().unwrap_or("sv"));
        let name = if locale == Locale::EN { &item.name_en } else { &item.name_sv };
        let link = link_base
            .join(&locale.href(super::resident::MY_LOANS))
            .map(|u| u.to_string())
            .unwrap_or_default();
        let pickup_by = format_stockholm(UtcTime(super::RULES.pickup_by(chrono::Utc::now())));
        let args = [("kind", name.clone().into()), ("until", pickup_by.into()), ("link", link.into())];
        let mail = Email {
            to,
            subject: catalogues.plain_with(locale, "mail-leisure-offer-subject", &args),
            body: catalogues.plain_with(locale, "mail-leisure-offer-body", &args),
        };
        crate::mail::store::enqueue(tx, &mail).await?;
    }
    Ok(true)
}
