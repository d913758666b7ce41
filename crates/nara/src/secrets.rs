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
        match read_private(&path)? {
            Some(hex) => {
                let key = decode_hex(hex.trim()).filter(|k| k.len() == KEY_BYTES).with_context(|| {
                    format!("{} is damaged; remove it to generate a new key", path.display())
                })?;
                Ok(Some(Self { key }))
            }
            None => Ok(None),
        }
    }

    fn create(path: &Path) -> anyhow::Result<Self> {
        let key = random_bytes(KEY_BYTES);
        create_private(path, &encode_hex(&key))?;
        Ok(Self { key })
    }

    /// A key that lives only in memory (tests, throw-away servers).
    pub fn ephemeral() -> Self {
        Self { key: random_bytes(KEY_BYTES) }
    }

    pub fn key(&self) -> &[u8] {
        &self.key
    }
}

/// The contents of a key file only its owner may read, or `None` when there is none yet.
/// A file that others can read is refused rather than used.
pub fn read_private(path: &Path) -> anyhow::Result<Option<String>> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            if meta.permissions().mode() & 0o077 != 0 {
                bail!("{} can be read by others; run `chmod 600 {}`", path.display(), path.display());
            }
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(Some(text))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Writes a new key file with mode 0600; never overwrites one that exists.
pub fn create_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(contents.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Adds `line` to the end of an owner-only file (created when missing) and syncs it. Opened for
/// appending only, so what the file held is never truncated or overwritten; when a crash left
/// the last line unfinished, the new line still starts on a line of its own.
pub fn append_line(path: &Path, line: &str) -> anyhow::Result<()> {
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot open {} for appending", path.display()))?;
    let mut text = String::with_capacity(line.len() + 2);
    if !ends_with_newline_or_is_empty(&mut file)? {
        text.push('\n');
    }
    text.push_str(line.trim_end_matches('\n'));
    text.push('\n');
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn ends_with_newline_or_is_empty(file: &mut std::fs::File) -> anyhow::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::End(-1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

pub fn random_bytes(count: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; count];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
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
    fn appending_keeps_what_the_file_held_and_mends_an_unfinished_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lines");
        append_line(&path, "one").unwrap();
        append_line(&path, "two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::write(&path, "one\ntw").unwrap();
        append_line(&path, "three").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\ntw\nthree\n");
    }

    #[test]
    fn debug_output_hides_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Secrets::load_or_create(dir.path()).unwrap();
        assert_eq!(format!("{secrets:?}"), "Secrets(<redacted>)");
    }
}
