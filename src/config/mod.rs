//! Typed configuration from the environment. Secrets are wrapped so they never print.

use std::{env, time::Duration};

use crate::{domain::repair_rules::RepairRules, error::StartupError};

mod secret;
mod sections;

pub use secret::{sqlite_path, Secret};
pub use sections::{default_date_range, DeadlineConfig, Limits, PlatformConfig};

use secret::demo_secret;

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
