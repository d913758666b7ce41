//! The `nara` command line.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::audit::checkpoint::{self, Checkpoints};
use crate::audit::{Action, AuditActor, AuditEvent, Keyring};
use crate::config::{Config, Overrides, sqlite_url};
use crate::db::{Db, Synchronous, USE_PG_DUMP, redact};
use crate::directory::search::SearchIndex;
use crate::identity::{EmailAddress, NewPerson, Role, RoleGrant};
use crate::secrets::Secrets;
use crate::server::{self, Addresses};
use crate::{demo, telemetry};

#[derive(Debug, Parser)]
#[command(name = "nara", version, about = "Nära: one accessible way in to the city's social services")]
pub struct Cli {
    /// A TOML configuration file (default: ./nara.toml when it exists).
    #[arg(long, global = true, env = "NARA_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server for real: database from the configuration, pending migrations applied.
    Serve(ServerArgs),
    /// Run the server on a fresh SQLite file filled with demo content.
    Demo(ServerArgs),
    /// Apply pending database migrations and exit.
    Migrate(DataArgs),
    /// Check the configuration, the data directory and the database; exit non-zero on a problem.
    Check(DataArgs),
    /// Copy the SQLite database into FILE while the server runs (PostgreSQL: use pg_dump).
    Backup {
        /// The copy; an existing file is never overwritten.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Rebuild the directory's search index from the database (stop the server first; a running
    /// server keeps its index up to date by itself).
    Reindex(DataArgs),
    /// Load the municipality's units, areas of help, target groups and search contact from a TOML
    /// file, in one transaction (see municipality.example.toml; running it again changes nothing).
    Setup {
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Administration from the command line.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator and print a single-use link where they choose their password.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the signed hash chain and the checkpoints; report the first altered, missing or
    /// inserted entry.
    Verify(VerifyArgs),
    /// Check the entries since the last checkpoint and write a checkpoint of the newest one
    /// (a running server does this every hour).
    Checkpoint(DataArgs),
    /// Add a new key to the audit key file; it signs from the next start, the old ones still verify.
    NewKey(DataArgs),
}

#[derive(Debug, Args)]
struct VerifyArgs {
    /// More checkpoints to check against, e.g. the lines e-mailed to the log reviewer, one a line.
    #[arg(long, value_name = "FILE")]
    checkpoints: Vec<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Args)]
struct ServerArgs {
    /// Address to listen on, e.g. 127.0.0.1:8080 (also NARA_BIND).
    #[arg(long, value_name = "ADDR:PORT")]
    bind: Option<SocketAddr>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Args)]
struct DataArgs {
    /// Directory for the SQLite file and generated secrets (also NARA_DATA_DIR).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl Cli {
    fn load_config(&self, bind: Option<SocketAddr>, data: &DataArgs) -> anyhow::Result<Config> {
        let overrides = Overrides { bind, data_dir: data.data_dir.clone() };
        Config::load(self.config.as_deref(), overrides)
    }
}

/// Runs the command; the caller prints the error on one line and exits non-zero.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        Command::Serve(args) => {
            let config = cli.load_config(args.bind, &args.data)?;
            telemetry::init(config.log_format);
            let (db, secrets) = open(&config, &config.database_url(), Synchronous::Full).await?;
            db.migrate().await?;
            server::run(&config, db, secrets, |addresses| {
                tracing::info!(web = %addresses.web, metrics = ?addresses.metrics, "listening");
            })
            .await
        }
        Command::Demo(args) => {
            let mut config = cli.load_config(args.bind, &args.data)?;
            telemetry::init(config.log_format);
            // Metrics on a free port (printed below), so a demo starts beside any other server.
            config.metrics_bind.get_or_insert(SocketAddr::from(([127, 0, 0, 1], 0)));
            let url = match &config.database_url {
                Some(url) => url.clone(),
                None => fresh_sqlite_file(&config.data_dir.join("demo.db"))?,
            };
            // The demo's data is thrown away on its next start: it need not wait for the disk.
            let (db, secrets) = open(&config, &url, Synchronous::Normal).await?;
            db.migrate().await?;
            demo::seed(&db).await?;
            server::run(&config, db, secrets, |addresses| announce_demo(addresses, &url, &config)).await
        }
        Command::Migrate(data) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url(), Synchronous::Full).await?;
            db.migrate().await?;
            let status = db.migration_status().await?;
            println!(
                "Databasen är uppdaterad: {} migreringar. (The database is up to date.)",
                status.applied.len()
            );
            Ok(())
        }
        Command::Check(data) => {
            let config = cli.load_config(None, data)?;
            println!("Konfigurationen är giltig. (The configuration is valid.)");
            let db = open_existing(&config).await?;
            let status = db.migration_status().await?;
            db.close().await;
            if !status.is_current() {
                anyhow::bail!("the database lacks migrations {:?}: run `nara migrate`", status.pending);
            }
            println!("Databasen är uppdaterad. (The database is up to date.)");
            config.check_data_dir()?;
            let key = Secrets::file(&config.data_dir);
            match Secrets::load_existing(&config.data_dir)? {
                Some(_) => println!("Nyckelfilen är skyddad (the key file is protected): {}", key.display()),
                None => println!(
                    "Nyckelfilen saknas än; `nara serve` skapar den. (No key file yet; `nara serve` creates it): {}",
                    key.display()
                ),
            }
            println!("Datakatalogen är skrivbar. (The data directory is writable.)");
            Ok(())
        }
        Command::Backup { file, data } => {
            let config = cli.load_config(None, data)?;
            // Said before connecting: PostgreSQL needs no connection to be told to use pg_dump.
            anyhow::ensure!(config.database_url().starts_with("sqlite:"), USE_PG_DUMP);
            let db = open_existing(&config).await?;
            let started = std::time::Instant::now();
            db.backup_into(file).await?;
            db.close().await;
            println!(
                "Säkerhetskopian är klar (the backup is done): {} på {:.1} s",
                file.display(),
                started.elapsed().as_secs_f64()
            );
            println!(
                "Spara också nyckelfilerna, skilda från kopian och säkert: utan granskningsnycklarna kan \
                 loggen inte kontrolleras. (Keep the key files too, apart from the copy and safe: the audit \
                 log cannot be verified without its keys.) {} {}",
                config.audit_key_file().display(),
                Secrets::file(&config.data_dir).display()
            );
            Ok(())
        }
        Command::Reindex(data) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url(), Synchronous::Full).await?;
            db.migrate().await?;
            let index = SearchIndex::open(&config.search_dir())?;
            let started = std::time::Instant::now();
            let count = index.rebuild(&db, &crate::help_areas::store::list(&db).await?).await?;
            println!(
                "Sökindexet är uppbyggt: {count} poster på {:.1} s. (The search index was rebuilt: {count} entries.)",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Setup { file, data } => {
            // The whole file is checked before the database is opened.
            let changes = crate::setup::command::read(file)?;
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url(), Synchronous::Full).await?;
            db.migrate().await?;
            for line in crate::setup::command::apply(&db, &changes).await? {
                println!("{line}");
            }
            Ok(())
        }
        Command::Admin(AdminCommand::Create { email, name, data }) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url(), Synchronous::Full).await?;
            db.migrate().await?;
            let email = EmailAddress::parse(email).context("--email is not an e-mail address")?;
            let link = create_admin(&db, &email, name.trim(), &config).await?;
            println!("Administratören är skapad. (The administrator was created.)");
            println!(
                "Öppna länken inom en vecka och välj ett lösenord (open the link within a week and choose a password):"
            );
            println!("{link}");
            Ok(())
        }
        Command::Audit(AuditCommand::Verify(args)) => {
            let config = cli.load_config(None, &args.data)?;
            let db = open_existing(&config).await?;
            // The keys must exist: a verification with keys made up now would prove nothing.
            let keys = Keyring::load(&config.audit_key_file(), false)?;
            verify_audit(&db.with_audit_keys(std::sync::Arc::new(keys)), &config, &args.checkpoints).await
        }
        Command::Audit(AuditCommand::Checkpoint(data)) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url(), Synchronous::Full).await?;
            let catalogues = crate::i18n::Catalogues::load()?;
            let destination = config.audit_checkpoints();
            match checkpoint::write(&db, &destination, &catalogues).await? {
                Some(written) => println!(
                    "Kontrollpunkt skriven för post {seq} i {file}. (Checkpoint written for entry {seq}.)",
                    seq = written.seq,
                    file = destination.file.display()
                ),
                None => println!(
                    "Inget nytt sedan förra kontrollpunkten. (Nothing new since the last checkpoint.)"
                ),
            }
            Ok(())
        }
        Command::Audit(AuditCommand::NewKey(data)) => {
            let config = cli.load_config(None, data)?;
            let path = config.audit_key_file();
            let key = Keyring::add_key(&path)?;
            println!(
                "Ny granskningsnyckel {id} i {file}; den signerar efter nästa omstart. \
                 (New audit key {id}; it signs from the next restart, the older keys still verify.)",
                id = key.id(),
                file = path.display()
            );
            Ok(())
        }
    }
}

/// `nara audit verify`: the chain with the audit keys, through every checkpoint of this log.
async fn verify_audit(db: &Db, config: &Config, extra: &[PathBuf]) -> anyhow::Result<()> {
    let mut checkpoints = Checkpoints::default();
    checkpoints.read(&config.audit_checkpoints().file, db.audit_keys())?;
    for file in extra {
        anyhow::ensure!(file.is_file(), "the checkpoint file {} does not exist", file.display());
        checkpoints.read(file, db.audit_keys())?;
    }
    for (line, refusal) in &checkpoints.refused {
        println!(
            "Varning: {line} är ingen giltig kontrollpunkt och används inte. (Warning: {line} is not used: {refusal}.)"
        );
    }
    let verified = match crate::audit::store::verify_chain(db, &checkpoints.valid).await? {
        Ok(verified) => verified,
        Err(broken) if broken.is_tampering() => {
            anyhow::bail!("the audit log has been tampered with: {broken}")
        }
        Err(broken) => anyhow::bail!("the audit log cannot be verified: {broken}"),
    };
    let count = verified.entries;
    println!("Granskningsloggen är hel: {count} poster. (The audit log is intact: {count} entries.)");
    match &verified.newest_anchor {
        Some(anchor) => println!(
            "Kontrollpunkter: {n}; den senaste gäller post {seq} ({at}). \
             (Checkpoints: {n}; the newest vouches for entry {seq} ({at}).)",
            n = verified.anchors,
            seq = anchor.seq,
            at = anchor.at.0.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ),
        None => println!(
            "Ingen kontrollpunkt för den här loggen ännu. \
             (No checkpoint for this log yet: `nara serve` or `nara audit checkpoint` writes one.)"
        ),
    }
    Ok(())
}

/// Creates (or promotes) an administrator and returns the link where they choose a password.
async fn create_admin(db: &Db, email: &EmailAddress, name: &str, config: &Config) -> anyhow::Result<String> {
    anyhow::ensure!(!name.is_empty(), "--name must not be empty");
    let new = NewPerson {
        display_name: name.to_string(),
        email: Some(email.clone()),
        email_verified: false,
        personnummer: None,
        password_hash: None,
    };
    // The account, the invitation and the audit entry commit together.
    let mut tx = db.begin_write().await?;
    let id = match crate::identity::store::create_person(&mut tx, &new).await? {
        Some(id) => id,
        None => crate::identity::store::person_by_email(db, email)
            .await?
            .map(|(p, _)| p.id)
            .context("the address is taken but not found")?,
    };
    // The role comes with the link: only whoever holds the mailbox becomes administrator.
    let grant = RoleGrant { role: Role::Admin, unit_id: None };
    let token = crate::accounts::store::create_invitation(&mut tx, id, grant).await?;
    let event = AuditEvent::new(AuditActor::system(), Action::InvitationSent, "account")
        .object(id)
        .subject(id)
        .purpose("admin");
    crate::audit::store::append(&mut tx, &event).await?;
    tx.commit().await?;
    let base = match &config.public_base_url {
        Some(url) => url.clone(),
        None => url::Url::parse(&format!("http://{}/", config.bind))?,
    };
    Ok(base.join(&format!("inbjudan/{token}"))?.to_string())
}

/// Prepares the data directory, its secrets and the audit keys, then connects, creating a
/// missing SQLite file. `synchronous` applies unless the configuration names one.
async fn open(config: &Config, url: &str, synchronous: Synchronous) -> anyhow::Result<(Db, Secrets)> {
    config.prepare_data_dir()?;
    let secrets = Secrets::load_or_create(&config.data_dir)?;
    // A key file the configuration names must be there; the default one is made on first start.
    let audit_keys = Keyring::load(&config.audit_key_file(), config.audit_key_file.is_none())?;
    let db = Db::connect_with(url, config.synchronous(synchronous)).await?;
    Ok((db.with_audit_keys(std::sync::Arc::new(audit_keys)), secrets))
}

/// For commands that only read: opens the configured database without creating anything (no
/// data directory, key or database file) and says which database it is.
async fn open_existing(config: &Config) -> anyhow::Result<Db> {
    let url = config.database_url();
    let db = Db::open_existing(&url, config.synchronous(Synchronous::Full)).await?;
    println!("Databas (database): {}", redact(&url));
    Ok(db)
}

/// Removes an earlier demo database so every `nara demo` starts from the same content.
fn fresh_sqlite_file(path: &Path) -> anyhow::Result<String> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("cannot remove the old demo file {}", file.display()));
            }
        }
    }
    Ok(sqlite_url(path))
}

fn announce_demo(addresses: &Addresses, url: &str, config: &Config) {
    let web = format!("http://{}/", addresses.web);
    println!("Nära körs på {web}  (Nära is running at {web}en/)");
    println!("Demodatabas (demo database): {}", redact(url));
    if let Some(metrics) = addresses.metrics {
        println!("Mätvärden (metrics): http://{metrics}/metrics");
    }
    println!("E-post skrivs till (mail is written to): {}", config.mail_dir().display());
    // `nara demo` starts afresh every time; `nara serve` opens the same database as it is.
    let (database, same) = match &config.database_url {
        Some(_) => (String::new(), " (samma DATABASE_URL; the same DATABASE_URL)"),
        None => (format!("DATABASE_URL={} ", shell_word(url)), ""),
    };
    let data_dir = shell_word(&config.data_dir.display().to_string());
    println!("Öppna demodatabasen igen efteråt (reopen the demo database afterwards){same}:");
    println!("  {database}nara serve --data-dir {data_dir}");
    println!("Kontrollera granskningsloggen (verify the audit log):");
    println!("  {database}nara audit verify --data-dir {data_dir}");
    println!("Demoinloggningar (demo log-ins), lösenord (password) {}:", demo::DEMO_PASSWORD);
    for (email, description) in demo::DEMO_ACCOUNTS {
        println!("  {email:<32} {description}");
    }
    println!("Stoppa med Ctrl+C. (Stop with Ctrl+C.)");
}

/// `word` as one shell word: unchanged when it is plainly safe, otherwise single-quoted.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("sqlite://data/demo.db"), "sqlite://data/demo.db");
        assert_eq!(shell_word("/tmp/min data"), "'/tmp/min data'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("$(rm)"), "'$(rm)'");
        assert_eq!(shell_word(""), "''");
    }
}
