//! Log-in with e-identification over OpenID Connect: the authorisation code flow with PKCE,
//! state and nonce. Swedish municipalities reach BankID and Freja eID through an OIDC broker;
//! the Swedish OIDC profile's `personalIdentityNumber` claim ties the log-in to a person.
//!
//! The state is checked twice: against a single-use row in the database (no replay) and against
//! a cookie in the browser that started the log-in (no one can finish a log-in for someone else).

pub mod flow;
pub mod store;

use std::sync::Arc;

use openidconnect::core::CoreProviderMetadata;
use openidconnect::{IssuerUrl, reqwest};
use serde::{Deserialize, Serialize};
use tokio::sync::OnceCell;
use url::Url;

use crate::i18n::Locale;

pub use store::PendingLogin;

/// The claim of the Swedish OIDC profile that carries a personnummer or samordningsnummer.
pub const PERSONAL_IDENTITY_NUMBER: &str = "https://id.oidc.se/claim/personalIdentityNumber";

/// One provider, as configured (`[[oidc]]` in the TOML file).
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Short name used in addresses, e.g. `e-legitimation`.
    pub id: String,
    /// The button text, e.g. "BankID eller Freja eID".
    pub label_sv: String,
    pub label_en: String,
    pub issuer: Url,
    pub client_id: String,
    pub client_secret: String,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig").field("id", &self.id).field("issuer", &self.issuer.as_str()).finish()
    }
}

impl ProviderConfig {
    pub fn label(&self, locale: Locale) -> String {
        if locale == Locale::EN { self.label_en.clone() } else { self.label_sv.clone() }
    }
}

/// A configured provider and, once fetched, its discovery document and keys.
pub struct Provider {
    pub config: ProviderConfig,
    metadata: OnceCell<CoreProviderMetadata>,
}

/// The configured providers, with one HTTP client that never follows redirects (so a provider
/// cannot point us at internal addresses).
#[derive(Clone, Default)]
pub struct Providers {
    providers: Arc<Vec<Provider>>,
    http: reqwest::Client,
}

impl Providers {
    pub fn new(configs: Vec<ProviderConfig>) -> anyhow::Result<Self> {
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(15))
            .build()?;
        let providers =
            configs.into_iter().map(|config| Provider { config, metadata: OnceCell::new() }).collect();
        Ok(Self { providers: Arc::new(providers), http })
    }

    pub fn providers(&self) -> impl Iterator<Item = &ProviderConfig> {
        self.providers.iter().map(|p| &p.config)
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.config.id == id)
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}

impl Provider {
    /// The provider's discovery document and signing keys, fetched once.
    pub async fn metadata(&self, http: &reqwest::Client) -> anyhow::Result<&CoreProviderMetadata> {
        self.metadata
            .get_or_try_init(|| async {
                let issuer = IssuerUrl::new(self.config.issuer.as_str().trim_end_matches('/').to_string())?;
                CoreProviderMetadata::discover_async(issuer, http)
                    .await
                    .map_err(|e| anyhow::anyhow!("discovering {} failed: {e}", self.config.issuer))
            })
            .await
    }
}
