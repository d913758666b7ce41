//! Single-use, expiring links (e-mail verification, password reset, invitations). Only a hash
//! of each token is stored (see `store`), and using one is atomic, so a link works once.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    Invitation,
}

impl TokenPurpose {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::Invitation => "invitation",
        }
    }

    /// How long a link works: a reset link briefly, an invitation for a week.
    pub fn lifetime(self) -> Duration {
        match self {
            TokenPurpose::VerifyEmail => Duration::from_secs(48 * 3600),
            TokenPurpose::ResetPassword => Duration::from_secs(3600),
            TokenPurpose::Invitation => Duration::from_secs(7 * 24 * 3600),
        }
    }
}
