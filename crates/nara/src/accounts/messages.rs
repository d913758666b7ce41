//! The e-mails accounts send, written in the reader's language from the catalogue (without
//! bidi marks: they are plain text).

use crate::i18n::{Catalogues, Locale};
use crate::mail::Email;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// Confirm the address of a new account.
    Verify,
    /// Someone tried to register an address that already has an account.
    AlreadyRegistered,
    /// Choose a new password.
    Reset,
    /// Staff invitation: choose a password.
    Invitation,
}

impl MailKind {
    fn key(self) -> &'static str {
        match self {
            MailKind::Verify => "mail-verify",
            MailKind::AlreadyRegistered => "mail-already-registered",
            MailKind::Reset => "mail-reset",
            MailKind::Invitation => "mail-invitation",
        }
    }

    /// The message to `to`, with `link` (absolute) for the reader to follow.
    pub fn compose(self, catalogues: &Catalogues, locale: Locale, to: &str, link: &str) -> Email {
        let args = [("link", link.to_string().into())];
        Email {
            to: to.to_string(),
            subject: catalogues.plain_with(locale, &format!("{}-subject", self.key()), &[]),
            body: catalogues.plain_with(locale, &format!("{}-body", self.key()), &args),
        }
    }
}
