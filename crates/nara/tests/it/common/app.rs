//! An in-process browser for the HTTP suites: requests go through the real router with a cookie
//! jar of one session cookie, as a person's browser would send them.
#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use nara::db::Db;
use nara::i18n::Catalogues;
use nara::identity::{EmailAddress, NewPassword, NewPerson, RoleGrant, hash_password};
use nara::oidc::Providers;
use nara::secrets::Secrets;
use nara::web::routes::{self, Limits};
use nara::web::state::AppState;
use tower::ServiceExt;
use uuid::Uuid;

pub const PASSWORD: &str = "ett långt lösenord";

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The guard's answer to an anonymous visitor: "log in first" (and come back here).
    pub fn is_login_redirect(&self) -> bool {
        let location = self.location();
        let login = location.strip_prefix("/en").unwrap_or(location);
        self.status == StatusCode::SEE_OTHER
            && (login == "/logga-in" || login.starts_with("/logga-in?tillbaka="))
    }
}

#[derive(Clone)]
pub struct TestApp {
    pub db: Db,
    pub router: Router,
    pub state: AppState,
    /// Answers 500 without failing the test: for the fault-injection suite, where the database
    /// fails on purpose.
    pub tolerate_server_errors: bool,
}

impl TestApp {
    pub fn new(db: Db) -> Self {
        Self::with_providers(db, Providers::default())
    }

    /// The app with e-identification providers configured.
    pub fn with_providers(db: Db, providers: Providers) -> Self {
        Self::with_secrets(db, providers, Secrets::ephemeral())
    }

    /// The same app (its secrets sign the same links and cookies) over another handle on the database.
    pub fn over(&self, db: Db) -> Self {
        Self::with_secrets(db, self.state.oidc.clone(), self.state.secrets.clone())
    }

    fn with_secrets(db: Db, providers: Providers, secrets: Secrets) -> Self {
        let state = AppState::new(
            db.clone(),
            Catalogues::load().expect("catalogues"),
            url::Url::parse("http://nara.example.se/").unwrap(),
            secrets,
            providers,
        );
        Self {
            db,
            router: routes::router(state.clone(), Limits::default()),
            state,
            tolerate_server_errors: false,
        }
    }

    /// Sends a request as a browser on this site would (same-origin), with the given session.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Answer {
        let cookies = cookie.map(|token| format!("nara_session={token}"));
        self.send_with_cookies(method, path, form, cookies.as_deref()).await
    }

    /// Like `send`, with a whole `Cookie` header.
    pub async fn send_with_cookies(
        &self,
        method: Method,
        path: &str,
        form: &[(&str, &str)],
        cookies: Option<&str>,
    ) -> Answer {
        if method == Method::POST {
            let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
            self.send_body(
                method,
                path,
                Some("application/x-www-form-urlencoded"),
                body.into_bytes(),
                cookies,
            )
            .await
        } else {
            self.send_body(method, path, None, Vec::new(), cookies).await
        }
    }

    /// Posts a `multipart/form-data` body: (name, file name for a file, content) per part.
    pub async fn post_multipart(
        &self,
        path: &str,
        parts: &[(&str, Option<&str>, &[u8])],
        cookie: Option<&str>,
    ) -> Answer {
        let boundary = "nara-test-boundary-7d1f";
        let mut body = Vec::new();
        for (name, file_name, content) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let disposition = match file_name {
                Some(file) => format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: text/csv\r\n\r\n"
                ),
                None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
            };
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let cookies = cookie.map(|token| format!("nara_session={token}"));
        self.send_body(Method::POST, path, Some(&content_type), body, cookies.as_deref()).await
    }

    /// Sends a request with a body as a same-origin browser would.
    pub async fn send_body(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
        cookies: Option<&str>,
    ) -> Answer {
        let mut request = Request::builder()
            .method(method.clone())
            .uri(path)
            .header(header::HOST, "nara.example.se")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookies) = cookies {
            request = request.header(header::COOKIE, cookies);
        }
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        assert!(!body.contains(nara::i18n::MISSING_MARK), "{path}: a catalogue key is missing: {body}");
        if !self.tolerate_server_errors {
            assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR, "{method} {path}: {body}");
        }
        Answer { status, headers, body }
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        self.send(Method::GET, path, &[], cookie).await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Answer {
        self.send(Method::POST, path, form, cookie).await
    }

    /// Logs in through the form and returns the session token from `Set-Cookie`.
    pub async fn log_in(&self, email: &str, password: &str) -> Option<String> {
        let answer = self.post("/logga-in", &[("email", email), ("password", password)], None).await;
        session_from(&answer)
    }
}

/// The session token a response sets, if any.
pub fn session_from(answer: &Answer) -> Option<String> {
    cookie_from(answer, "nara_session")
}

/// The value a response gives the named cookie, if any (and not empty).
pub fn cookie_from(answer: &Answer, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.strip_prefix(prefix.as_str()).map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
        .filter(|value| !value.is_empty())
}

/// A person with a verified address, the test password and the given roles.
pub async fn person(db: &Db, email: &str, name: &str, grants: &[RoleGrant]) -> Uuid {
    let new = NewPerson {
        display_name: name.to_string(),
        email: EmailAddress::parse(email),
        email_verified: true,
        personnummer: None,
        password_hash: Some(hash_password(NewPassword::parse(PASSWORD).unwrap()).await.unwrap()),
    };
    let mut tx = db.begin_write().await.unwrap();
    let id = nara::identity::store::create_person(&mut tx, &new).await.unwrap().expect("a new person");
    for grant in grants {
        nara::identity::store::grant_role(&mut tx, id, *grant).await.unwrap();
    }
    tx.commit().await.unwrap();
    id
}

/// The link in the newest e-mail to `to`.
pub async fn link_in_mail(db: &Db, to: &str) -> String {
    let mail = nara::mail::store::outbox(db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.to_address == to)
        .expect("a message");
    let start = mail.body.find("http://nara.example.se").expect("a link in the message");
    mail.body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches("http://nara.example.se")
        .to_string()
}
