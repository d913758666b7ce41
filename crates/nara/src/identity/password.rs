//! Passwords: argon2id, hashed and verified on the blocking pool so a log-in storm cannot stall
//! the server's event loop.

use std::fmt;
use std::sync::LazyLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;

/// The shortest password we accept. Length matters more than character classes (NIST 800-63B).
pub const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 256;

/// A password someone chose, checked for length. Never printed.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str) -> Result<Self, PasswordProblem> {
        let length = input.chars().count();
        if length < MIN_LENGTH {
            Err(PasswordProblem::TooShort)
        } else if length > MAX_LENGTH {
            Err(PasswordProblem::TooLong)
        } else {
            Ok(Self(input.to_string()))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// An argon2id PHC string as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(pub String);

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(***)")
    }
}

/// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// 128 random bits of salt.
fn salt() -> SaltString {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    SaltString::encode_b64(&bytes).expect("16 bytes always encode as a salt")
}

/// Verified against when an account does not exist, so that the answer takes as long either way.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    argon2().hash_password(b"no such account", &salt()).map(|h| h.to_string()).unwrap_or_default()
});

/// At most this many hashes at once: each takes 19 MiB and a core's worth of work, so a flood of
/// requests waits here instead of exhausting memory.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

pub async fn hash_password(password: NewPassword) -> anyhow::Result<PasswordHash> {
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || {
        argon2()
            .hash_password(password.0.as_bytes(), &salt())
            .map(|h| PasswordHash(h.to_string()))
            .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))
    })
    .await?
}

/// True when `password` matches `stored`. With no stored hash, a dummy is checked so that
/// "no such account" and "wrong password" take the same time.
pub async fn verify_password(password: String, stored: Option<PasswordHash>) -> bool {
    let Ok(_permit) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let phc = stored.map_or_else(|| DUMMY_HASH.clone(), |h| h.0);
        let Ok(parsed) = argon2::PasswordHash::new(&phc) else { return false };
        argon2().verify_password(password.as_bytes(), &parsed).is_ok() && exists
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password(NewPassword::parse("korrekt häst batteri").unwrap()).await.unwrap();
        assert!(hash.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("korrekt häst batteri".into(), Some(hash.clone())).await);
        assert!(!verify_password("korrekt hast batteri".into(), Some(hash)).await);
        assert!(!verify_password("no such account".into(), None).await);
    }

    #[test]
    fn length_rules() {
        assert_eq!(NewPassword::parse("kort").unwrap_err(), PasswordProblem::TooShort);
        assert!(NewPassword::parse("tio tecken").is_ok());
        assert_eq!(NewPassword::parse(&"x".repeat(257)).unwrap_err(), PasswordProblem::TooLong);
        assert_eq!(format!("{:?}", NewPassword::parse("hemligt lösen").unwrap()), "NewPassword(***)");
    }
}
