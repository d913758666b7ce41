//! Local accounts and logging in and out: log-in with e-mail and password, registration with
//! e-mail verification, password reset and staff invitations by single-use links. Log-in with
//! e-identification (OIDC) lives in `oidc`. No answer reveals whether an address has an account.

pub mod check_email;
pub mod invitation;
pub mod login;
pub mod logout;
pub mod register;
pub mod reset;
pub mod session;
pub mod verify;

mod messages;
pub mod store;
mod tokens;

pub use messages::MailKind;
pub use tokens::TokenPurpose;
