//! Log-in with e-identification over OpenID Connect: the authorisation code flow with PKCE,
//! state and nonce. Swedish municipalities reach BankID and Freja eID through an OIDC broker;
//! the Swedish OIDC profile's `personalIdentityNumber` claim ties the log-in to a person.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::i18n::Locale;

/// One provider, as configured (`[[oidc]]` in the TOML file).
#[derive(Debug, Clone, Serialize, Deserialize)]
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

impl ProviderConfig {
    pub fn label(&self, locale: Locale) -> String {
        if locale == Locale::EN { self.label_en.clone() } else { self.label_sv.clone() }
    }
}

/// The configured providers.
#[derive(Debug, Clone, Default)]
pub struct Providers {
    configs: Vec<ProviderConfig>,
}

impl Providers {
    pub fn new(configs: Vec<ProviderConfig>) -> Self {
        Self { configs }
    }

    pub fn providers(&self) -> impl Iterator<Item = &ProviderConfig> {
        self.configs.iter()
    }
}
