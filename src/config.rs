//! Typed configuration from the environment. Secrets are wrapped so they never print.

use std::{env, fmt, path::PathBuf, time::Duration};

use crate::{domain::repair_rules::RepairRules, error::StartupError};

/// A secret string: `Debug` and `Display` print a placeholder, never the value.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that needs it (signing, verifying).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Delivery of records to the municipal credit platform: where and how.
#[derive(Clone, Debug)]
pub struct PlatformConfig {
    /// The platform's endpoint; without one, rows stay queued (and can be exported).
    pub url: Option<String>,
    /// The HMAC key.
    pub secret: Secret,
    /// How often the worker looks for due rows.
    pub interval: Duration,
    /// After this many failed attempts a row is FAILED (an administrator may requeue it).
    pub max_attempts: i32,
    /// The first retry waits this long; each next one twice as long, up to `max_backoff`.
    pub base_backoff: chrono::Duration,
    pub max_backoff: chrono::Duration,
    /// How long a claim holds before another process may take the row over.
    pub lease: chrono::Duration,
    /// Rows per round.
    pub batch: u64,
}

impl Default for PlatformConfig {
    fn default() -> Self {
        Self {
            url: None,
            secret: Secret::new(""),
            interval: Duration::from_secs(10),
            max_attempts: 8,
            base_backoff: chrono::Duration::seconds(30),
            max_backoff: chrono::Duration::hours(1),
            lease: chrono::Duration::seconds(60),
            batch: 50,
        }
    }
}

/// Limits on what one request may ask of the server.
#[derive(Clone, Debug)]
pub struct Limits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_fields: usize,
    pub max_aliases: usize,
    pub max_directives: usize,
    pub max_batch: usize,
    pub max_body_bytes: usize,
    pub max_page_size: u64,
    pub default_page_size: u64,
    pub request_timeout: Duration,
    /// The earliest and latest dates the API accepts (`CHENGXIN_EARLIEST_DATE`,
    /// `CHENGXIN_LATEST_DATE`; default 1949-10-01 and 2100-12-31).
    pub dates: (chrono::NaiveDate, chrono::NaiveDate),
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 20_000,
            max_fields: 300,
            max_aliases: 50,
            max_directives: 20,
            max_batch: 10,
            max_body_bytes: 1024 * 1024,
            max_page_size: 100,
            default_page_size: 20,
            request_timeout: Duration::from_secs(30),
            dates: default_date_range(),
        }
    }
}

/// The dates the API accepts unless configured otherwise: 1949-10-01 to 2100-12-31.
pub fn default_date_range() -> (chrono::NaiveDate, chrono::NaiveDate) {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    (day(1949, 10, 1), day(2100, 12, 31))
}

/// Everything the server is told by its operator.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub jwt_secret: Secret,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub login_token_hours: i64,
    pub graphiql: bool,
    pub anonymous_introspection: bool,
    pub limits: Limits,
    /// Disclosure windows and repair waits by effective date.
    pub repair_rules: RepairRules,
    /// Delivery of records to the municipal credit platform.
    pub platform: PlatformConfig,
    /// Handling deadlines and the deadline sweep.
    pub deadlines: DeadlineConfig,
}

/// Handling deadlines and how often the sweep runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineConfig {
    /// Days the credit office has to decide an objection (`CHENGXIN_OBJECTION_DAYS`, default 15).
    pub objection_days: u32,
    /// Days an assigned unit has to reply to a complaint unless the assignment says otherwise
    /// (`CHENGXIN_COMPLAINT_DAYS`, default 15).
    pub complaint_days: u32,
    /// Complaints one client address may submit per hour (`CHENGXIN_COMPLAINTS_PER_HOUR`, default 5).
    pub complaints_per_hour: u64,
    /// Failed logins one client address may make in 15 minutes, whatever the usernames
    /// (`CHENGXIN_LOGIN_FAILURES_PER_ADDRESS`, default 20).
    pub login_failures_per_address: u64,
    /// Use the last `X-Forwarded-For` address as the client's (`CHENGXIN_TRUST_FORWARDED_FOR`;
    /// only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Seconds between background sweeps (`CHENGXIN_SWEEP_INTERVAL_SECS`, default 3600; 0 = off).
    pub sweep_interval_secs: u64,
}

impl Default for DeadlineConfig {
    fn default() -> Self {
        Self {
            objection_days: 15,
            complaint_days: 15,
            complaints_per_hour: 5,
            login_failures_per_address: 20,
            trust_forwarded_for: false,
            sweep_interval_secs: 3600,
        }
    }
}

fn deadlines_from_env() -> Result<DeadlineConfig, StartupError> {
    let defaults = DeadlineConfig::default();
    Ok(DeadlineConfig {
        objection_days: env_number("CHENGXIN_OBJECTION_DAYS")?
            .map_or(defaults.objection_days, |d| d.clamp(1, 365) as u32),
        complaint_days: env_number("CHENGXIN_COMPLAINT_DAYS")?
            .map_or(defaults.complaint_days, |d| d.clamp(1, 365) as u32),
        complaints_per_hour: env_number("CHENGXIN_COMPLAINTS_PER_HOUR")?.unwrap_or(defaults.complaints_per_hour),
        login_failures_per_address: env_number("CHENGXIN_LOGIN_FAILURES_PER_ADDRESS")?
            .unwrap_or(defaults.login_failures_per_address)
            .max(1),
        trust_forwarded_for: env_flag("CHENGXIN_TRUST_FORWARDED_FOR"),
        sweep_interval_secs: env_number("CHENGXIN_SWEEP_INTERVAL_SECS")?.unwrap_or(defaults.sweep_interval_secs),
    })
}

/// The default database: a SQLite file `chengxin.db` in the working directory (WAL mode).
pub const DEFAULT_DATABASE_URL: &str = "sqlite://chengxin.db?mode=rwc";

impl Config {
    /// Reads the environment. Outside demo mode `CHENGXIN_JWT_SECRET` is required; in demo mode a
    /// random secret is made once and kept beside the SQLite file.
    pub fn from_env(demo: bool) -> Result<Self, StartupError> {
        let database_url = env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.into());
        let jwt_secret = match env::var("CHENGXIN_JWT_SECRET") {
            Ok(secret) if secret.len() >= 32 => Secret::new(secret),
            Ok(_) => return Err(StartupError::Config("CHENGXIN_JWT_SECRET must be at least 32 characters".into())),
            Err(_) if demo => demo_secret(&database_url)?,
            Err(_) => return Err(StartupError::Config("CHENGXIN_JWT_SECRET is required (or run with --demo)".into())),
        };
        let mut limits = Limits::default();
        if let Some(seconds) = env_number("CHENGXIN_REQUEST_TIMEOUT_SECS")? {
            limits.request_timeout = Duration::from_secs(seconds);
        }
        limits.dates = (
            env_date("CHENGXIN_EARLIEST_DATE")?.unwrap_or(limits.dates.0),
            env_date("CHENGXIN_LATEST_DATE")?.unwrap_or(limits.dates.1),
        );
        Ok(Self {
            database_url,
            bind: env::var("CHENGXIN_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into()),
            jwt_secret,
            jwt_issuer: env::var("CHENGXIN_JWT_ISSUER").unwrap_or_else(|_| "chengxin".into()),
            jwt_audience: env::var("CHENGXIN_JWT_AUDIENCE").unwrap_or_else(|_| "chengxin-api".into()),
            login_token_hours: env_number("CHENGXIN_LOGIN_TOKEN_HOURS")?.unwrap_or(8) as i64,
            graphiql: demo || env_flag("CHENGXIN_GRAPHIQL"),
            anonymous_introspection: env_flag("CHENGXIN_ANONYMOUS_INTROSPECTION"),
            limits,
            repair_rules: RepairRules::default(),
            platform: platform_from_env()?,
            deadlines: deadlines_from_env()?,
        })
    }

    /// A configuration for tests and the bench: the given database and secret, defaults elsewhere.
    pub fn for_database(database_url: &str, jwt_secret: &str) -> Self {
        Self {
            database_url: database_url.into(),
            bind: "127.0.0.1:0".into(),
            jwt_secret: Secret::new(jwt_secret),
            jwt_issuer: "chengxin".into(),
            jwt_audience: "chengxin-api".into(),
            login_token_hours: 8,
            graphiql: true,
            anonymous_introspection: false,
            limits: Limits::default(),
            repair_rules: RepairRules::default(),
            platform: PlatformConfig::default(),
            deadlines: DeadlineConfig::default(),
        }
    }
}

/// `CHENGXIN_PLATFORM_URL` (none: records stay queued), `CHENGXIN_PLATFORM_SECRET` (required
/// with a URL), `CHENGXIN_PLATFORM_INTERVAL_SECS` (default 10).
fn platform_from_env() -> Result<PlatformConfig, StartupError> {
    let mut platform =
        PlatformConfig { url: env::var("CHENGXIN_PLATFORM_URL").ok().filter(|u| !u.is_empty()), ..Default::default() };
    if platform.url.is_some() {
        let secret = env::var("CHENGXIN_PLATFORM_SECRET").map_err(|_| {
            StartupError::Config("CHENGXIN_PLATFORM_SECRET is required with CHENGXIN_PLATFORM_URL".into())
        })?;
        platform.secret = Secret::new(secret);
    }
    if let Some(seconds) = env_number("CHENGXIN_PLATFORM_INTERVAL_SECS")? {
        platform.interval = Duration::from_secs(seconds.max(1));
    }
    Ok(platform)
}

fn env_flag(name: &str) -> bool {
    matches!(env::var(name).as_deref(), Ok("1") | Ok("true") | Ok("yes"))
}

fn env_date(name: &str) -> Result<Option<chrono::NaiveDate>, StartupError> {
    match env::var(name) {
        Ok(value) => chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| StartupError::Config(format!("{name} must be a date as YYYY-MM-DD"))),
        Err(_) => Ok(None),
    }
}

fn env_number(name: &str) -> Result<Option<u64>, StartupError> {
    match env::var(name) {
        Ok(value) => {
            value.parse().map(Some).map_err(|_| StartupError::Config(format!("{name} must be a whole number")))
        }
        Err(_) => Ok(None),
    }
}

/// The demo secret lives in `<sqlite file>.secret` (or `.chengxin-secret` for other databases).
fn demo_secret(database_url: &str) -> Result<Secret, StartupError> {
    let path = sqlite_path(database_url)
        .map(|p| PathBuf::from(format!("{}.secret", p.display())))
        .unwrap_or_else(|| PathBuf::from(".chengxin-secret"));
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 32 {
            return Ok(Secret::new(existing.trim()));
        }
    }
    let fresh = crate::auth::random_secret();
    write_private(&path, &fresh).map_err(|e| StartupError::Config(format!("cannot write demo secret: {e}")))?;
    Ok(Secret::new(fresh))
}

/// Writes a file only its owner may read (mode 0600 on Unix).
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    file.write_all(contents.as_bytes())
}

/// The file behind a `sqlite://` URL, if it is one.
pub fn sqlite_path(database_url: &str) -> Option<PathBuf> {
    let rest = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && file != ":memory:").then(|| PathBuf::from(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_secret_file_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
        let secret = demo_secret(&url).unwrap();
        let path = dir.path().join("demo.db.secret");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), secret.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(demo_secret(&url).unwrap().expose(), secret.expose(), "kept across restarts");
    }
}
