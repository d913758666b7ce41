//! Starting a session after a successful log-in, whichever way the person proved who they are
//! (password in `login`, e-identification in `oidc`).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::audit::{Action, AuditActor, AuditEvent};
use crate::i18n::Locale;
use crate::identity::{Person, Role, Workplace};
use crate::sessions::session_cookie;
use crate::web::errors::AppError;
use crate::web::page::PageContext;
use crate::web::site_path::same_site_path;
use crate::web::state::AppState;

/// The page that stands for "none asked for" where a log-in must keep an address (the round trip of
/// an e-identification): the log-in page itself, never a page to come back to.
const LOG_IN: &str = "/logga-in";

/// Where a person asked to go after log-in (`tillbaka`): a page on this site other than the log-in
/// page, or `None` for their start page.
pub fn asked_page(asked: Option<&str>) -> Option<&str> {
    asked.and_then(same_site_path).filter(|path| Locale::split_path(path).1 != LOG_IN)
}

/// The address to keep for the way on after log-in: the asked page, or the marker of the start
/// page in the language of the log-in.
pub fn way_on(asked: Option<&str>, locale: Locale) -> String {
    asked_page(asked).map_or_else(|| locale.href(LOG_IN), str::to_string)
}

/// Ends any session the browser had, starts a new one (a new token: no session fixation),
/// records the log-in and sends the person on: to the page kept by `way_on` or `asked_page`,
/// or to the start page of their roles (`Workplace::for_roles`) when none was asked for.
pub async fn start(
    state: &AppState,
    ctx: &PageContext,
    person: &Person,
    to: &str,
) -> Result<Response, AppError> {
    let roles: Vec<Role> =
        crate::identity::store::grants(&state.db, person.id).await?.iter().map(|g| g.role).collect();
    let role = roles.iter().copied().max().unwrap_or(Role::Resident);
    let to = match asked_page(Some(to)) {
        Some(asked) => asked.to_string(),
        None => ctx.location.locale.href(Workplace::for_roles(roles)[0].path()),
    };
    let event = AuditEvent::new(AuditActor::person(person.id, role), Action::LogIn, "session")
        .subject(person.id)
        .request(ctx.request_id.clone());
    // The old session's end, the new session and the log-in's audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    if let Some(old) = &ctx.session_token {
        crate::sessions::store::end_session(&mut tx, old).await?;
    }
    let token = crate::sessions::store::open_session(&mut tx, person.id).await?;
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    let mut response = Redirect::to(&to).into_response();
    let cookie = HeaderValue::from_str(&session_cookie(&token, state.https)).map_err(anyhow::Error::from)?;
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_page_on_this_site_other_than_the_log_in_is_a_wish() {
        assert_eq!(asked_page(Some("/mina-sidor/arenden")), Some("/mina-sidor/arenden"));
        assert_eq!(asked_page(Some("/en/kalender")), Some("/en/kalender"));
        assert_eq!(asked_page(Some("//evil.example")), None);
        assert_eq!(asked_page(Some("")), None);
        assert_eq!(asked_page(None), None);
        assert_eq!(asked_page(Some("/logga-in")), None);
        assert_eq!(asked_page(Some("/en/logga-in")), None);
        assert_eq!(way_on(None, Locale::EN), "/en/logga-in", "the start page, in English");
        assert_eq!(asked_page(Some(&way_on(None, Locale::SV))), None);
        assert_eq!(way_on(Some("/kalender"), Locale::SV), "/kalender");
    }
}
