//! The `nara` command line.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::audit::{Action, AuditActor, AuditEvent};
use crate::config::{Config, Overrides, sqlite_url};
use crate::db::{Db, redact};
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
    /// Check the hash chain; report the first altered, missing or inserted entry.
    Verify(DataArgs),
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
            let (db, secrets) = open(&config, &config.database_url()).await?;
            db.migrate().await?;
            server::run(&config, db, secrets, |addresses| {
                tracing::info!(web = %addresses.web, metrics = ?addresses.metrics, "listening");
            })
            .await
        }
        Command::Demo(args) => {
            let config = cli.load_config(args.bind, &args.data)?;
            telemetry::init(config.log_format);
            let url = match &config.database_url {
                Some(url) => url.clone(),
                None => fresh_sqlite_file(&config.data_dir.join("demo.db"))?,
            };
            let (db, secrets) = open(&config, &url).await?;
            db.migrate().await?;
            demo::seed(&db).await?;
            server::run(&config, db, secrets, |addresses| announce_demo(addresses, &url, &config)).await
        }
        Command::Migrate(data) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url()).await?;
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
            let (db, _) = open(&config, &config.database_url()).await?;
            let status = db.migration_status().await?;
            println!("Konfigurationen är giltig. (The configuration is valid.)");
            println!("Databasen svarar: {}", redact(&config.database_url()));
            if !status.is_current() {
                anyhow::bail!("the database lacks migrations {:?}: run `nara migrate`", status.pending);
            }
            println!("Databasen är uppdaterad. (The database is up to date.)");
            Ok(())
        }
        Command::Reindex(data) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url()).await?;
            db.migrate().await?;
            let index = SearchIndex::open(&config.search_dir())?;
            let started = std::time::Instant::now();
            let count = index.rebuild(&db, &db.list_help_areas().await?).await?;
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
            let (db, _) = open(&config, &config.database_url()).await?;
            db.migrate().await?;
            for line in crate::setup::command::apply(&db, &changes).await? {
                println!("{line}");
            }
            Ok(())
        }
        Command::Admin(AdminCommand::Create { email, name, data }) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url()).await?;
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
        Command::Audit(AuditCommand::Verify(data)) => {
            let config = cli.load_config(None, data)?;
            let (db, _) = open(&config, &config.database_url()).await?;
            match db.verify_audit_chain().await? {
                Ok(count) => {
                    println!(
                        "Granskningsloggen är hel: {count} poster. (The audit log is intact: {count} entries.)"
                    );
                    Ok(())
                }
                Err(broken) => anyhow::bail!("the audit log has been tampered with: {broken}"),
            }
        }
    }
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
    let id = match db.create_person(&new).await? {
        Some(id) => id,
        None => db
            .person_by_email(email)
            .await?
            .map(|(p, _)| p.id)
            .context("the address is taken but not found")?,
    };
    // The role comes with the link: only whoever holds the mailbox becomes administrator.
    let token = db.create_invitation(id, RoleGrant { role: Role::Admin, unit_id: None }).await?;
    let event = AuditEvent::new(AuditActor::system(), Action::InvitationSent, "account")
        .object(id)
        .subject(id)
        .purpose("admin");
    db.append_audit(&event).await?;
    let base = match &config.public_base_url {
        Some(url) => url.clone(),
        None => url::Url::parse(&format!("http://{}/", config.bind))?,
    };
    Ok(base.join(&format!("inbjudan/{token}"))?.to_string())
}

/// Prepares the data directory and its secrets, then connects.
async fn open(config: &Config, url: &str) -> anyhow::Result<(Db, Secrets)> {
    config.prepare_data_dir()?;
    let secrets = Secrets::load_or_create(&config.data_dir)?;
    Ok((Db::connect(url).await?, secrets))
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
    println!("Demoinloggningar (demo log-ins), lösenord (password) {}:", demo::DEMO_PASSWORD);
    for (email, description) in demo::DEMO_ACCOUNTS {
        println!("  {email:<32} {description}");
    }
    println!("Stoppa med Ctrl+C. (Stop with Ctrl+C.)");
}
