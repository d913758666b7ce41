//! Fixed-window rate limits in the database, so every server process counts together.
//! Buckets name what is limited (`login:ip:<hash>`); addresses and e-mail addresses are hashed
//! with the server's key before they become bucket names.

pub mod store;

use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::db::Db;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window: Duration,
}

/// Log-in attempts for one account from one network, for one account from anywhere (a wide net
/// against distributed guessing, high enough that strangers cannot lock its owner out), and
/// from one network.
pub const LOGIN_PER_ACCOUNT: Limit = Limit { max: 5, window: Duration::from_secs(15 * 60) };
pub const LOGIN_PER_ACCOUNT_WIDE: Limit = Limit { max: 100, window: Duration::from_secs(15 * 60) };
pub const LOGIN_PER_ADDRESS: Limit = Limit { max: 30, window: Duration::from_secs(15 * 60) };
/// Registrations and reset requests, from one address and for one e-mail address.
pub const MAIL_PER_ADDRESS: Limit = Limit { max: 10, window: Duration::from_secs(60 * 60) };
pub const MAIL_PER_ACCOUNT: Limit = Limit { max: 3, window: Duration::from_secs(60 * 60) };

/// A bucket name that does not reveal the value it counts.
pub fn bucket(kind: &str, value: &str, key: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(key);
    hasher.update(value.as_bytes());
    let digest: String = hasher.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{kind}:{digest}")
}

/// Whether one more message-sending request (registration, password reset) may go ahead, for
/// this network and this e-mail address.
pub async fn mail_allowed(db: &Db, key: &[u8], network: &str, email: &str) -> anyhow::Result<bool> {
    Ok(store::hit(db, &bucket("mail:address", network, key), MAIL_PER_ADDRESS).await?
        && store::hit(db, &bucket("mail:account", email, key), MAIL_PER_ACCOUNT).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hide_their_values_and_depend_on_the_key() {
        let a = bucket("login:account", "anna@example.se", b"key one");
        assert!(a.starts_with("login:account:") && !a.contains("anna"));
        assert_ne!(a, bucket("login:account", "anna@example.se", b"key two"));
        assert_eq!(a, bucket("login:account", "anna@example.se", b"key one"));
    }
}
