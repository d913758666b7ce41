//! The e-mails that tell someone, without any content, that something is waiting in a case. The
//! action that makes the news queues them in its own transaction.

use uuid::Uuid;

use crate::i18n::Locale;
use crate::mail::Email;
use crate::web::errors::AppError;
use crate::web::state::AppState;

/// The e-mail that tells the resident, without any content, that something new is waiting;
/// `None` when they have no address to reach (or no longer use the service). The action that
/// makes the news queues it in its own transaction.
pub async fn resident_notice(
    state: &AppState,
    resident: Uuid,
    case_id: Uuid,
) -> Result<Option<Email>, AppError> {
    let Some((to, locale)) = crate::identity::store::mail_address(&state.db, resident).await? else {
        return Ok(None);
    };
    let link = state.absolute(&locale.href(&format!("/mina-sidor/arenden/{case_id}")));
    let args = [("link", link.into())];
    let mail = Email {
        to,
        subject: state.catalogues.plain_with(locale, "mail-case-news-subject", &args),
        body: state.catalogues.plain_with(locale, "mail-case-news-body", &args),
    };
    Ok(Some(mail))
}

/// The e-mail that tells a case officer, without any content, that something is waiting in a
/// case; `None` when they cannot be reached (no address, or no longer active).
pub async fn officer_notice(
    state: &AppState,
    officer: Uuid,
    case_id: Uuid,
) -> Result<Option<Email>, AppError> {
    let found = crate::identity::store::mail_address(&state.db, officer).await?;
    Ok(found.map(|(to, locale)| officer_news(state, to, locale, case_id)))
}

/// The officer's notice to `to` about `case_id`, in their language.
pub fn officer_news(state: &AppState, to: String, locale: Locale, case_id: Uuid) -> Email {
    let link = state.absolute(&locale.href(&format!("/handlaggare/arenden/{case_id}")));
    let args = [("link", link.into())];
    Email {
        to,
        subject: state.catalogues.plain_with(locale, "mail-case-officer-news-subject", &args),
        body: state.catalogues.plain_with(locale, "mail-case-officer-news-body", &args),
    }
}
