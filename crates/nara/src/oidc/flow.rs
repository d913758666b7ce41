//! The two steps of a log-in with e-identification: send the visitor to the provider, and take
//! them back.

use crate::web::form::Query;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use openidconnect::core::{
    CoreClient, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreResponseType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IdToken,
    Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
};
use serde::{Deserialize, Serialize};

use super::{PendingLogin, Provider};
use crate::accounts::check_email::CheckEmailPage;
use crate::audit::{Action, AuditActor, AuditEvent};
use crate::identity::{NewPerson, Person};
use crate::web::errors::{AppError, render};
use crate::web::page::PageContext;
use crate::web::shell::PageLocation;
use crate::web::state::AppState;

/// Where providers send people back (registered with each provider).
pub const CALLBACK_PATH: &str = "/logga-in/oidc/callback";
const COOKIE: &str = "nara_oidc";

/// The Swedish OIDC profile's claims that Nära reads beyond the standard ones.
#[derive(Debug, Clone, Deserialize, Serialize)]
struct SwedishClaims {
    #[serde(rename = "https://id.oidc.se/claim/personalIdentityNumber", default)]
    personal_identity_number: Option<String>,
}

impl AdditionalClaims for SwedishClaims {}

type SwedishIdToken =
    IdToken<SwedishClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

async fn client(
    state: &AppState,
    provider: &Provider,
) -> anyhow::Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
> {
    let metadata = provider.metadata(state.oidc.http()).await?.clone();
    let redirect = RedirectUrl::new(state.absolute(CALLBACK_PATH))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.config.client_id.clone()),
        Some(ClientSecret::new(provider.config.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

fn state_cookie(value: &str, https: bool, max_age: i64) -> Result<HeaderValue, AppError> {
    let cookie = cookie::Cookie::build((COOKIE, value.to_string()))
        .http_only(true)
        .secure(https)
        .same_site(cookie::SameSite::Lax)
        .path("/logga-in/oidc")
        .max_age(cookie::time::Duration::seconds(max_age))
        .build();
    HeaderValue::from_str(&cookie.to_string()).map_err(|e| AppError::Internal(e.into()))
}

#[derive(Deserialize)]
pub struct StartQuery {
    tillbaka: Option<String>,
}

/// `GET /logga-in/e-legitimation/{provider}`: off to the provider.
pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(provider_id): Path<String>,
    Query(query): Query<StartQuery>,
) -> Result<Response, AppError> {
    let provider = state.oidc.get(&provider_id).ok_or(AppError::NotFound)?;
    let client = client(&state, provider).await.map_err(AppError::Unavailable)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = client
        .authorize_url(
            AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    let return_to = crate::accounts::session::way_on(query.tillbaka.as_deref(), ctx.location.locale);
    let pending = PendingLogin {
        provider: provider_id,
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        return_to,
    };
    super::store::save_pending_login(&state.db, csrf.secret(), &pending).await?;
    let mut response = Redirect::to(url.as_str()).into_response();
    response.headers_mut().append(header::SET_COOKIE, state_cookie(csrf.secret(), state.https, 600)?);
    Ok(response)
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// What a person is told when a log-in could not be finished.
#[derive(Debug, Clone, Copy)]
enum Failure {
    /// The browser that came back is not the one that left, or the link was reused.
    Mismatch,
    /// The person stopped at the provider.
    Cancelled,
    /// The provider's answer did not hold up (signature, nonce, expiry, exchange).
    Rejected,
}

impl Failure {
    fn body_key(self) -> &'static str {
        match self {
            Failure::Mismatch => "oidc-error-mismatch",
            Failure::Cancelled => "oidc-error-cancelled",
            Failure::Rejected => "oidc-error-rejected",
        }
    }
}

async fn fail(
    state: &AppState,
    ctx: &PageContext,
    failure: Failure,
    detail: &str,
) -> Result<Response, AppError> {
    // The detail names the step that failed, never a token or a person.
    tracing::warn!(?failure, detail, "log-in with e-identification failed");
    let event = AuditEvent::new(AuditActor::anonymous(), Action::LogInFailed, "oidc")
        .purpose(detail.to_string())
        .request(ctx.request_id.clone());
    crate::audit::store::record(&state.db, &event).await?;
    let page = CheckEmailPage {
        shell: ctx.shell(state),
        heading_key: "oidc-error-heading",
        body_key: failure.body_key(),
    };
    let mut response = (StatusCode::BAD_REQUEST, render(&page)?).into_response();
    response.headers_mut().append(header::SET_COOKIE, state_cookie("", state.https, 0)?);
    Ok(response)
}

fn cookie_state(headers: &HeaderMap) -> Option<String> {
    let header = headers.get(header::COOKIE)?.to_str().ok()?;
    cookie::Cookie::split_parse(header)
        .filter_map(Result::ok)
        .find(|c| c.name() == COOKIE)
        .map(|c| c.value().to_string())
}

/// `GET /logga-in/oidc/callback`: back from the provider.
pub async fn callback(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    let (Some(returned_state), Some(browser_state)) = (query.state.as_deref(), cookie_state(&headers)) else {
        return fail(&state, &ctx, Failure::Mismatch, "no state").await;
    };
    // Both must agree, and the pending log-in is used up whatever happens next.
    let pending = if returned_state == browser_state {
        super::store::take_pending_login(&state.db, returned_state).await?
    } else {
        None
    };
    let Some(pending) = pending else {
        return fail(&state, &ctx, Failure::Mismatch, "unknown, reused or foreign state").await;
    };
    let ctx = PageContext { location: PageLocation::from_path(&pending.return_to), ..ctx };
    if query.error.is_some() {
        return fail(&state, &ctx, Failure::Cancelled, "the provider returned an error").await;
    }
    let (Some(code), Some(provider)) = (query.code, state.oidc.get(&pending.provider)) else {
        return fail(&state, &ctx, Failure::Rejected, "no code").await;
    };
    let claims = match verified_claims(&state, provider, code, &pending).await {
        Ok(claims) => claims,
        Err(error) => return fail(&state, &ctx, Failure::Rejected, &format!("{error:#}")).await,
    };
    let issuer = provider.config.issuer.as_str().trim_end_matches('/').to_string();
    let person = match find_or_create(&state, &issuer, &claims).await? {
        Some(person) if person.active => person,
        _ => return fail(&state, &ctx, Failure::Rejected, "the account is deactivated").await,
    };
    let mut response = crate::accounts::session::start(&state, &ctx, &person, &pending.return_to).await?;
    response.headers_mut().append(header::SET_COOKIE, state_cookie("", state.https, 0)?);
    Ok(response)
}

/// What a verified ID token says about the person.
struct Claims {
    subject: String,
    name: String,
    personnummer: Option<String>,
}

/// Exchanges the code (with the PKCE verifier) and verifies the ID token: signature against the
/// provider's keys, issuer, audience, expiry and our nonce.
async fn verified_claims(
    state: &AppState,
    provider: &Provider,
    code: String,
    pending: &PendingLogin,
) -> anyhow::Result<Claims> {
    let client = client(state, provider).await?;
    let response = client
        .exchange_code(AuthorizationCode::new(code))?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(state.oidc.http())
        .await
        .map_err(|e| anyhow::anyhow!("the code exchange failed: {e}"))?;
    use openidconnect::TokenResponse;
    let raw = response.id_token().ok_or_else(|| anyhow::anyhow!("no ID token"))?.to_string();
    let token: SwedishIdToken =
        raw.parse().map_err(|e| anyhow::anyhow!("the ID token does not parse: {e}"))?;
    let verifier = client.id_token_verifier();
    let claims = token
        .claims(&verifier, &Nonce::new(pending.nonce.clone()))
        .map_err(|e| anyhow::anyhow!("the ID token does not verify: {e}"))?;
    let text = |claim: Option<&openidconnect::LocalizedClaim<_>>| -> Option<String> {
        claim
            .and_then(|c: &openidconnect::LocalizedClaim<openidconnect::EndUserName>| c.get(None))
            .map(|n| n.to_string())
    };
    let name = text(claims.name()).unwrap_or_else(|| {
        let given = claims.given_name().and_then(|c| c.get(None)).map(|n| n.to_string()).unwrap_or_default();
        let family =
            claims.family_name().and_then(|c| c.get(None)).map(|n| n.to_string()).unwrap_or_default();
        format!("{given} {family}").trim().to_string()
    });
    let personnummer = match &claims.additional_claims().personal_identity_number {
        None => None,
        Some(number) => Some(
            se_ids::PersonalIdentityNumber::parse(number)
                .map_err(|e| anyhow::anyhow!("the personalIdentityNumber claim is not valid: {e}"))?
                .digits12(),
        ),
    };
    Ok(Claims { subject: claims.subject().to_string(), name, personnummer })
}

/// The person behind a log-in: known by this provider's subject, else by personnummer (and then
/// linked), else new.
async fn find_or_create(state: &AppState, issuer: &str, claims: &Claims) -> anyhow::Result<Option<Person>> {
    if let Some(id) = crate::identity::store::person_by_oidc(&state.db, issuer, &claims.subject).await? {
        return crate::identity::store::person(&state.db, id).await;
    }
    let existing = match &claims.personnummer {
        Some(number) => crate::identity::store::person_by_personnummer(&state.db, number).await?,
        None => None,
    };
    // The account, its link to the identity and the audit entry commit together.
    let mut tx = state.db.begin_write().await?;
    let (id, action) = match existing {
        Some(person) => (person.id, Action::IdentityLinked),
        None => {
            let new = NewPerson {
                display_name: if claims.name.is_empty() { "–".to_string() } else { claims.name.clone() },
                email: None,
                email_verified: false,
                personnummer: claims.personnummer.clone(),
                password_hash: None,
            };
            let id = crate::identity::store::create_person(&mut tx, &new)
                .await?
                .ok_or_else(|| anyhow::anyhow!("the personnummer is taken"))?;
            (id, Action::AccountCreated)
        }
    };
    crate::identity::store::link_oidc(&mut tx, issuer, &claims.subject, id).await?;
    let event =
        AuditEvent::new(AuditActor::system(), action, "account").object(id).subject(id).purpose(issuer);
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    crate::identity::store::person(&state.db, id).await
}
