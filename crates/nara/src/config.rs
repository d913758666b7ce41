//! Typed, layered configuration: defaults, then a TOML file, then `NARA_*` environment variables,
//! then `DATABASE_URL`, then command-line flags. Every source is optional.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::db::Synchronous;

/// The configuration file read when `--config` is not given and the file exists.
pub const DEFAULT_CONFIG_FILE: &str = "nara.toml";

/// Keys that may come from `NARA_*` variables. Listing them keeps variables such as
/// `NARA_TEST_DATABASE_URL` from being mistaken for configuration.
const ENV_KEYS: &[&str] = &[
    "bind",
    "public_base_url",
    "data_dir",
    "database_url",
    "log_format",
    "metrics_bind",
    "request_timeout_secs",
    "max_body_bytes",
    "mail_from",
    "smtp_url",
    "mail_dir",
    "trusted_proxies",
    "audit_key_file",
    "audit_checkpoint_email",
    "sqlite_synchronous",
    "crisis_lines",
    "goals_min_group",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines, for a terminal.
    #[default]
    Pretty,
    /// One JSON object per line, for a log collector.
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address the web server listens on.
    pub bind: SocketAddr,
    /// The address people use to reach the service; `https` turns on HSTS.
    pub public_base_url: Option<Url>,
    /// Where the SQLite file, generated secrets and other local state live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; when unset, a SQLite file in `data_dir`.
    pub database_url: Option<String>,
    pub log_format: LogFormat,
    /// Separate listener for Prometheus metrics; unset turns metrics off (so any number of
    /// servers can run on one machine).
    pub metrics_bind: Option<SocketAddr>,
    /// Whether SQLite waits for the disk on every commit (`full`) or only at checkpoints
    /// (`normal`); unset: `full`, except for `nara demo` (see [`Config::synchronous`]).
    pub sqlite_synchronous: Option<Synchronous>,
    pub request_timeout_secs: u64,
    pub max_body_bytes: usize,
    /// The sender of every e-mail, e.g. `Nära <no-reply@stad.example.se>`.
    pub mail_from: String,
    /// `smtp://host:25`, `smtp://host:587?tls=required` or `smtps://host`; when unset, mail is
    /// written to `mail_dir` instead of sent.
    pub smtp_url: Option<String>,
    /// Where unsent mail is written when there is no SMTP server (default: `<data_dir>/mail`).
    pub mail_dir: Option<PathBuf>,
    /// Reverse proxies whose `X-Forwarded-For` is believed (for per-address rate limits).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// E-identification providers (OIDC), e.g. the municipality's BankID/Freja broker.
    pub oidc: Vec<crate::oidc::ProviderConfig>,
    /// The keys that sign the audit log (default: `<data_dir>/audit.keys`, made on first start).
    /// Keep it where those who administer the database cannot write.
    pub audit_key_file: Option<PathBuf>,
    /// The log reviewer's address: each audit checkpoint is also e-mailed there.
    pub audit_checkpoint_email: Option<String>,
    /// The city's social emergency service, named where a contact person cannot be reached.
    pub socialjouren: Socialjouren,
    /// Whom to call in acute danger, shown first at every hour on a search or entry page about
    /// violence, suicide or danger, and on every search that finds nothing (the national lines by
    /// default; the city's socialjouren is added from `socialjouren`).
    pub crisis_lines: Vec<CrisisLine>,
    /// The goals' smallest group shown (`/personal/mal`, `/resultat`): a unit or period with fewer
    /// answers is suppressed, with the cells that would give it back.
    pub goals_min_group: i64,
}

/// The city's social emergency service (*socialjouren*): whom a resident calls when their
/// contact person does not answer. Set it in the TOML file's `[socialjouren]` table; the
/// default is the demo city's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Socialjouren {
    pub phone: String,
    /// When it answers, as people read it, in Swedish and in English.
    pub hours_sv: String,
    pub hours_en: String,
}

impl Default for Socialjouren {
    fn default() -> Self {
        Self {
            phone: "042-10 60 00".into(),
            hours_sv: "Dygnet runt, alla dagar".into(),
            hours_en: "Around the clock, every day".into(),
        }
    }
}

impl Socialjouren {
    /// When it answers, in the reader's language.
    pub fn hours(&self, locale: crate::i18n::Locale) -> &str {
        if locale == crate::i18n::Locale::EN { &self.hours_en } else { &self.hours_sv }
    }
}

/// One number to call in a crisis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub name_sv: String,
    pub name_en: String,
    pub phone: String,
    /// When it answers, e.g. "Dygnet runt".
    pub hours_sv: String,
    pub hours_en: String,
    /// Whom it is for, when not everyone, e.g. "För barn och unga".
    #[serde(default)]
    pub for_sv: Option<String>,
    #[serde(default)]
    pub for_en: Option<String>,
}

impl CrisisLine {
    fn new(name: (&str, &str), phone: &str, hours: (&str, &str), for_whom: Option<(&str, &str)>) -> Self {
        Self {
            name_sv: name.0.into(),
            name_en: name.1.into(),
            phone: phone.into(),
            hours_sv: hours.0.into(),
            hours_en: hours.1.into(),
            for_sv: for_whom.map(|f| f.0.into()),
            for_en: for_whom.map(|f| f.1.into()),
        }
    }

    /// The national lines. The city's own socialjouren comes from `[socialjouren]` and is shown
    /// after the emergency number (`web`'s crisis block), so it is configured in one place.
    pub fn defaults() -> Vec<Self> {
        let always = ("Dygnet runt", "Around the clock");
        vec![
            Self::new(("Larmnummer 112", "Emergency number 112"), "112", always, None),
            Self::new(
                ("Självmordslinjen", "Suicide prevention line (Självmordslinjen)"),
                "90101",
                always,
                Some(("Om du har tankar på att ta ditt liv", "If you have thoughts of ending your life")),
            ),
            Self::new(
                ("Kvinnofridslinjen", "National women's helpline (Kvinnofridslinjen)"),
                "020-50 50 50",
                always,
                Some(("Om du utsätts för våld eller hot", "If you are exposed to violence or threats")),
            ),
            Self::new(
                ("BRIS", "BRIS, for children"),
                "116 111",
                always,
                Some(("För barn och unga upp till 18 år", "For children and young people up to 18")),
            ),
        ]
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_base_url: None,
            data_dir: PathBuf::from("data"),
            database_url: None,
            log_format: LogFormat::Pretty,
            metrics_bind: None,
            sqlite_synchronous: None,
            request_timeout_secs: 30,
            max_body_bytes: 8 * 1024 * 1024,
            mail_from: "Nära <no-reply@localhost>".to_string(),
            smtp_url: None,
            mail_dir: None,
            trusted_proxies: Vec::new(),
            oidc: Vec::new(),
            audit_key_file: None,
            audit_checkpoint_email: None,
            socialjouren: Socialjouren::default(),
            crisis_lines: CrisisLine::defaults(),
            goals_min_group: crate::goals::DEFAULT_MIN_GROUP,
        }
    }
}

/// Values given on the command line; they win over every other source.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
}

impl Config {
    /// Loads the configuration from all sources. `file` is an explicit `--config` path, which must
    /// exist; without it `nara.toml` in the working directory is read when present.
    pub fn load(file: Option<&Path>, overrides: Overrides) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.is_file() {
                    bail!("the configuration file {} does not exist", path.display());
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None if Path::new(DEFAULT_CONFIG_FILE).is_file() => {
                figment = figment.merge(Toml::file_exact(DEFAULT_CONFIG_FILE));
            }
            None => {}
        }
        figment = figment
            .merge(Env::prefixed("NARA_").only(ENV_KEYS))
            .merge(Env::raw().only(&["DATABASE_URL"]).map(|_| "database_url".into()))
            .merge(Serialized::defaults(overrides));
        let config: Config =
            figment.extract().map_err(|e| anyhow::anyhow!("configuration: {}", one_line(&e)))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if let Some(url) = &self.database_url
            && !(url.starts_with("sqlite:") || url.starts_with("postgres:") || url.starts_with("postgresql:"))
        {
            bail!("configuration: database_url must start with sqlite:, postgres: or postgresql:");
        }
        if self.request_timeout_secs == 0 {
            bail!("configuration: request_timeout_secs must be at least 1");
        }
        if self.goals_min_group < 2 {
            bail!("configuration: goals_min_group must be at least 2");
        }
        if self.max_body_bytes < 1024 {
            bail!("configuration: max_body_bytes must be at least 1024");
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            bail!("configuration: mail_from must be an address such as \"Nära <no-reply@example.se>\"");
        }
        if let Some(address) = &self.audit_checkpoint_email
            && crate::identity::EmailAddress::parse(address).is_none()
        {
            bail!("configuration: audit_checkpoint_email must be an e-mail address");
        }
        let jouren = &self.socialjouren;
        if [&jouren.phone, &jouren.hours_sv, &jouren.hours_en].iter().any(|text| text.trim().is_empty()) {
            bail!("configuration: socialjouren needs phone, hours_sv and hours_en");
        }
        if self.crisis_lines.iter().any(|line| line.phone.chars().filter(char::is_ascii_digit).count() < 3) {
            bail!("configuration: every crisis line needs a phone number");
        }
        let mut ids = std::collections::HashSet::new();
        for provider in &self.oidc {
            if provider.id.is_empty() || !provider.id.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                bail!("configuration: oidc id {:?} must be lower-case letters and hyphens", provider.id);
            }
            if !ids.insert(provider.id.as_str()) {
                bail!("configuration: oidc id {:?} is used twice", provider.id);
            }
        }
        Ok(())
    }

    /// The database to use: `database_url`, or the default SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| sqlite_url(&self.data_dir.join("nara.db")))
    }

    /// How SQLite commits: as configured, else `default` (`full` for real data; the demo, which is
    /// thrown away on the next start, takes `normal`).
    pub fn synchronous(&self, default: Synchronous) -> Synchronous {
        self.sqlite_synchronous.unwrap_or(default)
    }

    /// Whether people reach us over https, which makes cookies `Secure` and turns on HSTS.
    pub fn served_over_https(&self) -> bool {
        self.public_base_url.as_ref().is_some_and(|u| u.scheme() == "https")
    }

    /// The file of keys that sign the audit log.
    pub fn audit_key_file(&self) -> PathBuf {
        self.audit_key_file.clone().unwrap_or_else(|| self.data_dir.join("audit.keys"))
    }

    /// Where the audit log's checkpoints go.
    pub fn audit_checkpoints(&self) -> crate::audit::checkpoint::Destination {
        crate::audit::checkpoint::Destination {
            file: self.data_dir.join(crate::audit::checkpoint::FILE_NAME),
            email: self.audit_checkpoint_email.clone(),
        }
    }

    /// Where mail goes when there is no SMTP server.
    pub fn mail_dir(&self) -> PathBuf {
        self.mail_dir.clone().unwrap_or_else(|| self.data_dir.join("mail"))
    }

    /// Where this process keeps its search index.
    pub fn search_dir(&self) -> PathBuf {
        self.data_dir.join("search")
    }

    /// Creates the data directory when missing and proves it is writable.
    pub fn prepare_data_dir(&self) -> anyhow::Result<()> {
        let dir = &self.data_dir;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
        self.check_data_dir()
    }

    /// Proves the data directory exists and is writable, without creating it (for `nara check`).
    pub fn check_data_dir(&self) -> anyhow::Result<()> {
        let dir = &self.data_dir;
        if !dir.is_dir() {
            bail!("the data directory {} does not exist; `nara migrate` creates it", dir.display());
        }
        // A write is the only honest test (permissions say nothing about read-only mounts).
        let probe = dir.join(".write-test");
        std::fs::write(&probe, b"ok")
            .with_context(|| format!("the data directory {} is not writable", dir.display()))?;
        let _ = std::fs::remove_file(probe);
        Ok(())
    }
}

pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// figment's errors can span lines; a person reading a terminal wants one.
fn one_line(error: &figment::Error) -> String {
    error.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
// figment's `Jail` closures must return its large error type; nothing to shrink here.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_file_or_variables() {
        figment::Jail::expect_with(|_jail| {
            let config = Config::load(None, Overrides::default()).expect("defaults load");
            assert_eq!(config.bind.port(), 8080);
            assert_eq!(config.database_url(), "sqlite://data/nara.db");
            assert!(!config.served_over_https());
            assert_eq!(config.metrics_bind, None, "metrics are off: two servers fit on one machine");
            assert_eq!(config.synchronous(Synchronous::Full), Synchronous::Full);
            Ok(())
        });
    }

    #[test]
    fn socialjouren_comes_from_the_file_with_a_default() {
        figment::Jail::expect_with(|jail| {
            let config = Config::load(None, Overrides::default()).expect("defaults load");
            assert_eq!(config.socialjouren, Socialjouren::default());
            jail.create_file(
                "nara.toml",
                "[socialjouren]\nphone = \"010-123 45 67\"\nhours_sv = \"Kvällar och helger\"\nhours_en = \"Evenings and weekends\"",
            )?;
            let config = Config::load(None, Overrides::default()).expect("the file loads");
            assert_eq!(config.socialjouren.phone, "010-123 45 67");
            assert_eq!(config.socialjouren.hours(crate::i18n::Locale::EN), "Evenings and weekends");
            jail.create_file(
                "nara.toml",
                "[socialjouren]\nphone = \" \"\nhours_sv = \"x\"\nhours_en = \"x\"",
            )?;
            assert!(Config::load(None, Overrides::default()).is_err(), "a number is needed");
            Ok(())
        });
    }

    #[test]
    fn file_then_environment_then_flags() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "nara.toml",
                "bind = \"127.0.0.1:9000\"\ndata_dir = \"/srv/nara\"\npublic_base_url = \"https://nara.example.se/\"",
            )?;
            jail.set_env("NARA_BIND", "127.0.0.1:9100");
            jail.set_env("NARA_TEST_DATABASE_URL", "postgres://ignored");
            jail.set_env("DATABASE_URL", "postgres://db/nara");
            jail.set_env("NARA_SQLITE_SYNCHRONOUS", "normal");
            let config =
                Config::load(None, Overrides { data_dir: Some("/tmp/x".into()), ..Default::default() })
                    .expect("layered config loads");
            assert_eq!(config.bind.port(), 9100);
            assert_eq!(config.data_dir, PathBuf::from("/tmp/x"));
            assert_eq!(config.database_url(), "postgres://db/nara");
            assert!(config.served_over_https());
            assert_eq!(config.synchronous(Synchronous::Full), Synchronous::Normal);
            Ok(())
        });
    }

    #[test]
    fn malformed_toml_is_one_clear_line() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("nara.toml", "bind = \"127.0.0.1:9000\n[[[")?;
            let err = Config::load(None, Overrides::default()).unwrap_err().to_string();
            assert!(err.starts_with("configuration:"), "{err}");
            assert!(!err.contains('\n'), "{err}");
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_and_bad_values_are_refused() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("nara.toml", "bnid = \"127.0.0.1:9000\"")?;
            let err = Config::load(None, Overrides::default()).unwrap_err().to_string();
            assert!(err.contains("bnid"), "{err}");
            jail.create_file("nara.toml", "database_url = \"mysql://x\"")?;
            let err = Config::load(None, Overrides::default()).unwrap_err().to_string();
            assert!(err.contains("database_url"), "{err}");
            jail.create_file("nara.toml", "sqlite_synchronous = \"off\"")?;
            let err = Config::load(None, Overrides::default()).unwrap_err().to_string();
            assert!(err.contains("sqlite_synchronous") && !err.contains('\n'), "{err}");
            Ok(())
        });
    }

    #[test]
    fn an_explicit_file_must_exist() {
        let err = Config::load(Some(Path::new("/nonexistent/nara.toml")), Overrides::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist"), "{err}");
    }
}
