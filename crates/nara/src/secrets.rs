//! Keys generated on first start and kept in the data directory, readable by the owner only.

use std::fmt;
use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::{Context, bail};
use rand::RngCore;

const FILE_NAME: &str = "secret.key";
const KEY_BYTES: usize = 64;

/// The server's secret key material (for signing cookies and single-use links).
/// Its `Debug` output never shows the key.
#[derive(Clone)]
pub struct Secrets {
    key: Vec<u8>,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secrets(<redacted>)")
    }
}

impl Secrets {
    /// The key file in `data_dir` (to name it in messages and backups).
    pub fn file(data_dir: &Path) -> std::path::PathBuf {
        data_dir.join(FILE_NAME)
    }

    /// Reads the key from `data_dir`, creating it with mode 0600 on first start.
    /// A key file that others can read is refused rather than used.
    pub fn load_or_create(data_dir: &Path) -> anyhow::Result<Self> {
        match Self::load_existing(data_dir)? {
            Some(secrets) => Ok(secrets),
            None => Self::create(&data_dir.join(FILE_NAME)),
        }
    }

    /// Reads the key when it exists, never creating it (for commands that only read).
    pub fn load_existing(data_dir: &Path) -> anyhow::Result<Option<Self>> {
        let path = data_dir.join(FILE_NAME);
        match std::fs::metadata(&path) {
            Ok(meta) => {
                if meta.permissions().mode() & 0o077 != 0 {
                    bail!("{} can be read by others; run `chmod 600 {}`", path.display(), path.display());
                }
                let hex = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let key = decode_hex(hex.trim()).filter(|k| k.len() == KEY_BYTES).with_context(|| {
                    format!("{} is damaged; remove it to generate a new key", path.display())
                })?;
                Ok(Some(Self { key }))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// A key that lives only in memory (tests, throw-away servers).
    pub fn ephemeral() -> Self {
        let mut key = vec![0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut key);
        Self { key }
    }

    fn create(path: &Path) -> anyhow::Result<Self> {
        let mut key = vec![0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut key);
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(encode_hex(&key).as_bytes())
            .and_then(|()| file.sync_all())
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Self { key })
    }

    pub fn key(&self) -> &[u8] {
        &self.key
    }
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_once_with_owner_only_permissions_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = Secrets::load_or_create(dir.path()).unwrap();
        let mode = std::fs::metadata(dir.path().join(FILE_NAME)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let second = Secrets::load_or_create(dir.path()).unwrap();
        assert_eq!(first.key(), second.key());
        assert_eq!(first.key().len(), KEY_BYTES);
    }

    #[test]
    fn loading_an_existing_key_never_creates_one() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Secrets::load_existing(dir.path()).unwrap().is_none());
        assert!(!dir.path().join(FILE_NAME).exists());
        let created = Secrets::load_or_create(dir.path()).unwrap();
        assert_eq!(Secrets::load_existing(dir.path()).unwrap().unwrap().key(), created.key());
    }

    #[test]
    fn a_readable_key_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        Secrets::load_or_create(dir.path()).unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = Secrets::load_or_create(dir.path()).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
    }

    #[test]
    fn debug_output_hides_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Secrets::load_or_create(dir.path()).unwrap();
        assert_eq!(format!("{secrets:?}"), "Secrets(<redacted>)");
    }
}
