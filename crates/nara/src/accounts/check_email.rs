//! The page that says "check your e-mail" (after registering, asking for a reset, or a first
//! log-in with e-identification that needs an address confirmed).

use askama::Template;

use crate::web::shell::Shell;

#[derive(Template)]
#[template(path = "accounts/check_email.html")]
pub struct CheckEmailPage<'a> {
    pub shell: Shell<'a>,
    pub heading_key: &'static str,
    pub body_key: &'static str,
}
