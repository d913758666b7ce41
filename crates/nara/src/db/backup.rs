//! An online copy of a SQLite database, taken while the server keeps writing.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::{Context, bail};

use super::{Db, Pool};

/// What `nara backup` says about PostgreSQL, which has its own tools.
pub const USE_PG_DUMP: &str = "`nara backup` copies a SQLite database; for PostgreSQL use `pg_dump -Fc` and `pg_restore` (README: Backups)";

impl Db {
    /// Writes a consistent copy of the SQLite database to `file`. `VACUUM INTO` reads one snapshot,
    /// so writers carry on meanwhile. An existing file is refused; the copy is readable by its
    /// owner only and on the disk when this returns.
    pub async fn backup_into(&self, file: &Path) -> anyhow::Result<()> {
        let Pool::Sqlite(pool) = self.pool() else { bail!(USE_PG_DUMP) };
        let name = file.to_str().context("the backup file's name must be valid UTF-8")?;
        // Creating the file first refuses an existing one without a race and sets its mode
        // before any data is in it; SQLite accepts an empty file as the target.
        match OpenOptions::new().write(true).create_new(true).mode(0o600).open(file) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                bail!("{} already exists; a backup never overwrites a file", file.display())
            }
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", file.display())),
        }
        if let Err(error) = sqlx::query("VACUUM INTO $1").bind(name).execute(pool).await {
            let _ = std::fs::remove_file(file);
            return Err(error).context("copying the database failed");
        }
        sync(file)
            .and_then(|()| {
                sync(file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")))
            })
            .with_context(|| format!("cannot flush {} to the disk", file.display()))
    }
}

/// Waits until the file (or a directory's entries) are on the disk.
fn sync(path: &Path) -> std::io::Result<()> {
    File::open(path)?.sync_all()
}
