//! Typed configuration, read from the command line and the environment by `args`. Secrets are
//! wrapped so they never print.

use std::time::Duration;

use crate::{domain::repair_rules::RepairRules, error::StartupError};

mod args;
mod secret;
mod sections;

pub use args::{DatabaseArgs, DeadlineArgs, PlatformArgs, ServerArgs, SigningArgs, DEFAULT_DATABASE_URL};

pub use secret::{sqlite_path, Secret};
pub use sections::{default_date_range, DeadlineConfig, Limits, PlatformConfig};

use secret::demo_secret;

/// Everything the server is told by its operator.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    /// A read replica (`DATABASE_READ_URL`), if any.
    pub database_read_url: Option<String>,
    /// How long a writer's reads stay on the primary.
    pub read_your_writes: Duration,
    pub bind: String,
    pub jwt_secret: Secret,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub login_token_hours: i64,
    pub graphiql: bool,
    pub anonymous_introspection: bool,
    /// Exact web origins allowed by CORS (none: same origin only).
    pub cors_origins: Vec<String>,
    pub limits: Limits,
    /// Disclosure windows and repair waits by effective date.
    pub repair_rules: RepairRules,
    /// Delivery of records to the municipal credit platform.
    pub platform: PlatformConfig,
    /// Handling deadlines and the deadline sweep.
    pub deadlines: DeadlineConfig,
    /// The debt ratio's warning bands (plan task 3.5).
    pub debt_bands: crate::domain::debt_rules::DebtBands,
    /// The evaluation's weights for new periods (each period keeps its own).
    pub evaluation_weights: crate::domain::evaluation_rules::Weights,
}

impl Config {
    /// The server's configuration from its arguments (each also read from its environment
    /// variable). Outside demo mode the JWT secret is required; in demo mode a random one is
    /// made once and kept beside the SQLite file.
    pub fn from_args(args: ServerArgs, demo: bool) -> Result<Self, StartupError> {
        let mut config = Self::for_tokens(args.database, args.signing, demo)?;
        let mut limits =
            Limits { request_timeout: Duration::from_secs(args.request_timeout_secs), ..Limits::default() };
        limits.dates = (args.earliest_date.unwrap_or(limits.dates.0), args.latest_date.unwrap_or(limits.dates.1));
        config.bind = args.bind;
        config.database_read_url = args.read_url.filter(|url| !url.is_empty());
        config.read_your_writes = Duration::from_secs(args.read_your_writes_secs);
        config.graphiql = demo || args.graphiql;
        config.anonymous_introspection = args.anonymous_introspection;
        config.cors_origins = cors_origins(args.cors_origins)?;
        config.limits = limits;
        config.platform = platform(args.platform)?;
        config.deadlines = deadlines(args.deadlines);
        config.debt_bands = crate::domain::debt_rules::DebtBands::parse(&args.debt_bands).ok_or_else(|| {
            StartupError::Config("CHENGXIN_DEBT_BANDS must be three rising percentages, e.g. 120,200,300".into())
        })?;
        if let Some(weights) = args.evaluation_weights.as_deref() {
            config.evaluation_weights = serde_json::from_str(weights).map_err(|_| {
                StartupError::Config("CHENGXIN_EVALUATION_WEIGHTS must be a JSON object of centi-points".into())
            })?;
        }
        Ok(config)
    }

    /// What minting and checking tokens needs (the `token` command): the database and the
    /// signing settings; defaults elsewhere.
    pub fn for_tokens(database: DatabaseArgs, signing: SigningArgs, demo: bool) -> Result<Self, StartupError> {
        let jwt_secret = match signing.jwt_secret {
            Some(secret) if secret.len() >= 32 => Secret::new(secret),
            Some(_) => return Err(StartupError::Config("CHENGXIN_JWT_SECRET must be at least 32 characters".into())),
            None if demo => demo_secret(&database.url)?,
            None => return Err(StartupError::Config("CHENGXIN_JWT_SECRET is required (or run with --demo)".into())),
        };
        let mut config = Self::for_database(&database.url, jwt_secret.expose());
        config.bind = "127.0.0.1:8080".into();
        config.graphiql = false;
        config.jwt_issuer = signing.jwt_issuer;
        config.jwt_audience = signing.jwt_audience;
        config.login_token_hours = signing.login_token_hours;
        Ok(config)
    }

    /// A configuration for tests and the bench: the given database and secret, defaults elsewhere.
    pub fn for_database(database_url: &str, jwt_secret: &str) -> Self {
        Self {
            database_url: database_url.into(),
            database_read_url: None,
            read_your_writes: Duration::from_secs(10),
            bind: "127.0.0.1:0".into(),
            jwt_secret: Secret::new(jwt_secret),
            jwt_issuer: "chengxin".into(),
            jwt_audience: "chengxin-api".into(),
            login_token_hours: 8,
            graphiql: true,
            anonymous_introspection: false,
            cors_origins: Vec::new(),
            limits: Limits::default(),
            repair_rules: RepairRules::default(),
            platform: PlatformConfig::default(),
            deadlines: DeadlineConfig::default(),
            debt_bands: Default::default(),
            evaluation_weights: Default::default(),
        }
    }
}

/// CORS origins: exact `scheme://host[:port]`, no wildcard, no path.
fn cors_origins(origins: Vec<String>) -> Result<Vec<String>, StartupError> {
    let origins: Vec<String> = origins.into_iter().map(|o| o.trim().trim_end_matches('/').to_owned()).collect();
    for origin in origins.iter().filter(|o| !o.is_empty()) {
        let (scheme, host) = origin.split_once("://").unwrap_or(("", ""));
        let exact = matches!(scheme, "http" | "https")
            && !host.is_empty()
            && !host.contains(['/', '*', ' ', '?', '#'])
            && origin.is_ascii();
        if !exact {
            return Err(StartupError::Config(format!(
                "--cors-origins: {origin:?} is not an exact origin like https://credit.example.gov.cn (no wildcard)"
            )));
        }
    }
    Ok(origins.into_iter().filter(|o| !o.is_empty()).collect())
}

/// Deliveries: a URL needs its secret.
fn platform(args: PlatformArgs) -> Result<PlatformConfig, StartupError> {
    let url = args.platform_url.filter(|u| !u.is_empty());
    let secret = match (&url, args.platform_secret) {
        (Some(_), Some(secret)) => Secret::new(secret),
        (Some(_), None) => {
            return Err(StartupError::Config("CHENGXIN_PLATFORM_SECRET is required with CHENGXIN_PLATFORM_URL".into()))
        }
        (None, _) => Secret::new(""),
    };
    let interval = Duration::from_secs(args.platform_interval_secs.max(1));
    Ok(PlatformConfig { url, secret, interval, ..PlatformConfig::default() })
}

fn deadlines(args: DeadlineArgs) -> DeadlineConfig {
    DeadlineConfig {
        objection_days: args.objection_days,
        repair_days: args.repair_days,
        complaint_days: args.complaint_days,
        complaints_per_hour: args.complaints_per_hour,
        login_failures_per_address: args.login_failures_per_address,
        trust_forwarded_for: args.trust_forwarded_for,
        sweep_interval_secs: args.sweep_interval_secs,
        payment_grace_days: args.payment_grace_days,
    }
}

#[cfg(test)]
mod tests {
    use super::cors_origins;

    #[test]
    fn cors_origins_are_exact() {
        let ok = cors_origins(vec![" https://credit.dehua.gov.cn/ ".into(), "http://127.0.0.1:5173".into()]);
        assert_eq!(ok.unwrap(), vec!["https://credit.dehua.gov.cn", "http://127.0.0.1:5173"]);
        for bad in ["*", "https://*.dehua.gov.cn", "credit.dehua.gov.cn", "https://a.cn/path", "ftp://a.cn"] {
            assert!(cors_origins(vec![bad.into()]).is_err(), "{bad}");
        }
    }
}
