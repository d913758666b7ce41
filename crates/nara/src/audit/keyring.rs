//! The keys that sign the audit log. They live in a file outside the database (by default
//! `DATA_DIR/audit.keys`, mode 0600), so whoever can write to the database cannot make a
//! rewritten entry or checkpoint look genuine.
//!
//! The file holds one key a line (64 hexadecimal digits); `#` starts a comment. The last key signs
//! new entries and checkpoints; the ones before it only verify what they once signed. Rotating
//! the key is appending a line, never removing one. A key is named by its id, a fingerprint of
//! the key that says nothing about it; entries and checkpoints store that id.

use std::path::Path;

use anyhow::{Context, bail};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::secrets::{append_line, create_private, decode_hex, encode_hex, random_bytes, read_private};

const KEY_BYTES: usize = 32;

const FILE_HEADER: &str = "# Nära: the keys that sign the audit log, one a line (64 hexadecimal digits).\n\
# The last line signs new entries; the others verify older entries. Add a key with\n\
# `nara audit new-key`; never remove one while entries signed with it are kept.\n";

/// One key and its id. `Debug` shows the id only.
#[derive(Clone)]
pub struct AuditKey {
    id: String,
    secret: Vec<u8>,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuditKey({})", self.id)
    }
}

impl AuditKey {
    fn new(secret: Vec<u8>) -> Self {
        let mut digest = Sha256::new();
        digest.update(b"nara audit key id\n");
        digest.update(&secret);
        let id = encode_hex(&digest.finalize()[..8]);
        Self { id, secret }
    }

    /// A fresh random key.
    pub fn generate() -> Self {
        Self::new(random_bytes(KEY_BYTES))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn keyed(&self, parts: &[&[u8]]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret).expect("HMAC takes any key length");
        for part in parts {
            // Lengths first, so no two different lists of parts give the same input.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac
    }

    /// HMAC-SHA-256 over `parts`, in hexadecimal.
    pub fn sign(&self, parts: &[&[u8]]) -> String {
        encode_hex(&self.keyed(parts).finalize().into_bytes())
    }

    /// Whether `signature` is this key's HMAC over `parts` (compared in constant time).
    pub fn verifies(&self, parts: &[&[u8]], signature: &str) -> bool {
        decode_hex(signature).is_some_and(|bytes| self.keyed(parts).verify_slice(&bytes).is_ok())
    }

    /// The key as a line of the key file.
    fn to_line(&self) -> String {
        encode_hex(&self.secret)
    }
}

/// Every audit key there has been, oldest first; the last one signs.
#[derive(Clone, Debug)]
pub struct Keyring {
    keys: Vec<AuditKey>,
}

impl Keyring {
    /// A keyring of the given keys, oldest first. `None` when there are none.
    pub fn new(keys: Vec<AuditKey>) -> Option<Self> {
        (!keys.is_empty()).then_some(Self { keys })
    }

    /// One random key that lives only in memory (tests and benchmarks).
    pub fn ephemeral() -> Self {
        Self { keys: vec![AuditKey::generate()] }
    }

    /// The key that signs new entries and checkpoints.
    pub fn signing(&self) -> &AuditKey {
        self.keys.last().expect("a keyring is never empty")
    }

    pub fn get(&self, id: &str) -> Option<&AuditKey> {
        self.keys.iter().find(|key| key.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|key| key.id.as_str())
    }

    /// Reads a key file's text; the error names the line that is not a key.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut keys = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match decode_hex(line).filter(|bytes| bytes.len() == KEY_BYTES) {
                Some(secret) => keys.push(AuditKey::new(secret)),
                None => return Err(format!("line {} is not a key (64 hexadecimal digits)", index + 1)),
            }
        }
        Self::new(keys).ok_or_else(|| "it holds no key".to_string())
    }

    /// Reads the key file at `path`. With `create`, a missing file is made with one new key
    /// (first start); without it, a missing file is an error (the keys are elsewhere, or lost).
    pub fn load(path: &Path, create: bool) -> anyhow::Result<Self> {
        match read_private(path)? {
            Some(text) => Self::parse(&text)
                .map_err(|problem| anyhow::anyhow!("the audit key file {}: {problem}", path.display())),
            None if create => {
                let key = AuditKey::generate();
                create_private(path, &format!("{FILE_HEADER}{}\n", key.to_line()))?;
                Ok(Self { keys: vec![key] })
            }
            None => bail!("there is no audit key file at {}", path.display()),
        }
    }

    /// Adds a new signing key to the key file at `path` (keeping every older one) and returns it.
    /// Processes that have the file open go on signing with their key until they restart.
    pub fn add_key(path: &Path) -> anyhow::Result<AuditKey> {
        Self::load(path, false)?;
        let key = AuditKey::generate();
        append_line(path, &key.to_line()).context("the new audit key was not saved")?;
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_key_signs_and_every_key_verifies() {
        let (old, new) = (AuditKey::generate(), AuditKey::generate());
        let keyring = Keyring::new(vec![old.clone(), new.clone()]).unwrap();
        assert_eq!(keyring.signing().id(), new.id());
        let signature = old.sign(&[b"entry"]);
        assert!(keyring.get(old.id()).unwrap().verifies(&[b"entry"], &signature));
        assert!(!new.verifies(&[b"entry"], &signature));
        assert!(!old.verifies(&[b"entry"], "not hex"));
    }

    #[test]
    fn parts_are_not_run_together() {
        let key = AuditKey::generate();
        assert_ne!(key.sign(&[b"ab", b"c"]), key.sign(&[b"a", b"bc"]));
    }

    #[test]
    fn ids_name_keys_without_showing_them() {
        let key = AuditKey::generate();
        assert_eq!(key.id().len(), 16);
        assert!(!key.to_line().contains(key.id()));
        assert_eq!(format!("{key:?}"), format!("AuditKey({})", key.id()));
        assert_eq!(AuditKey::new(key.secret.clone()).id(), key.id(), "an id is stable");
    }

    #[test]
    fn the_file_names_a_bad_line_and_an_empty_file_is_refused() {
        let key = AuditKey::generate().to_line();
        let keyring = Keyring::parse(&format!("# keys\n\n{key}\n")).unwrap();
        assert_eq!(keyring.ids().count(), 1);
        assert_eq!(
            Keyring::parse(&format!("{key}\n{}\n", &key[2..])).unwrap_err(),
            "line 2 is not a key (64 hexadecimal digits)"
        );
        assert_eq!(Keyring::parse("# nothing\n").unwrap_err(), "it holds no key");
    }

    #[test]
    fn created_once_then_rotated_by_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.keys");
        assert!(Keyring::load(&path, false).unwrap_err().to_string().contains("no audit key file"));
        let first = Keyring::load(&path, true).unwrap();
        let before = std::fs::read_to_string(&path).unwrap();
        let added = Keyring::add_key(&path).unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(after.starts_with(&before), "the old key stays in the file");
        let rotated = Keyring::load(&path, true).unwrap();
        assert_eq!(rotated.signing().id(), added.id());
        assert!(rotated.get(first.signing().id()).is_some());
    }
}
