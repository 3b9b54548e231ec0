//! The configuration as the command line reads it: every setting is a flag with its environment
//! variable (clap's `env`), grouped so that each command asks only for what it uses. `migrate`,
//! `seed` and `export-pushes` take the database alone; `token` adds the signing settings; `serve`
//! takes everything.

use chrono::NaiveDate;
use clap::Args;

/// The default database: a SQLite file `chengxin.db` in the working directory (WAL mode).
pub const DEFAULT_DATABASE_URL: &str = "sqlite://chengxin.db?mode=rwc";

/// Where the data is.
#[derive(Args, Clone, Debug)]
pub struct DatabaseArgs {
    /// `sqlite://<file>?mode=rwc` or `postgres://user@host:port/name`.
    #[arg(long = "database-url", env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub url: String,
}

/// How tokens are signed and checked.
#[derive(Args, Clone, Debug)]
pub struct SigningArgs {
    /// The HMAC key for tokens (at least 32 characters); without it, `--demo` keeps one beside
    /// the SQLite file.
    #[arg(long, env = "CHENGXIN_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// The tokens' `iss`.
    #[arg(long, env = "CHENGXIN_JWT_ISSUER", default_value = "chengxin")]
    pub jwt_issuer: String,
    /// The tokens' `aud`.
    #[arg(long, env = "CHENGXIN_JWT_AUDIENCE", default_value = "chengxin-api")]
    pub jwt_audience: String,
    /// Hours a login's token lasts.
    #[arg(long, env = "CHENGXIN_LOGIN_TOKEN_HOURS", default_value_t = 8)]
    pub login_token_hours: i64,
}

/// Delivery to the municipal credit platform.
#[derive(Args, Clone, Debug)]
pub struct PlatformArgs {
    /// The platform's endpoint; without one, records stay queued (see `export-pushes`).
    #[arg(long, env = "CHENGXIN_PLATFORM_URL")]
    pub platform_url: Option<String>,
    /// The HMAC key for deliveries (required with a URL).
    #[arg(long, env = "CHENGXIN_PLATFORM_SECRET", hide_env_values = true)]
    pub platform_secret: Option<String>,
    /// Seconds between delivery rounds (at least 1).
    #[arg(long, env = "CHENGXIN_PLATFORM_INTERVAL_SECS", default_value_t = 10)]
    pub platform_interval_secs: u64,
}

/// Handling deadlines, rate limits and the sweep.
#[derive(Args, Clone, Debug)]
pub struct DeadlineArgs {
    /// Days the credit office has to decide an objection (1 to 365).
    #[arg(long, env = "CHENGXIN_OBJECTION_DAYS", default_value_t = 15, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub objection_days: u32,
    /// Days the credit office has to decide a repair application before dashboards list it as
    /// overdue (1 to 365).
    #[arg(long, env = "CHENGXIN_REPAIR_DAYS", default_value_t = 15, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub repair_days: u32,
    /// Days an assigned unit has to reply to a complaint (1 to 365).
    #[arg(long, env = "CHENGXIN_COMPLAINT_DAYS", default_value_t = 15, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub complaint_days: u32,
    /// Complaints one client address may submit per hour.
    #[arg(long, env = "CHENGXIN_COMPLAINTS_PER_HOUR", default_value_t = 5)]
    pub complaints_per_hour: u64,
    /// Failed logins one client address may make in 15 minutes (at least 1).
    #[arg(long, env = "CHENGXIN_LOGIN_FAILURES_PER_ADDRESS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    pub login_failures_per_address: u64,
    /// Take the client's address from the last `X-Forwarded-For` entry (only behind a proxy
    /// that sets it).
    #[arg(long, env = "CHENGXIN_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Seconds between deadline sweeps (0 turns the sweep off).
    #[arg(long, env = "CHENGXIN_SWEEP_INTERVAL_SECS", default_value_t = 3600)]
    pub sweep_interval_secs: u64,
    /// Days after a procurement payment fell due before the sweep records its breach.
    #[arg(long, env = "CHENGXIN_PAYMENT_GRACE_DAYS", default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=365))]
    pub payment_grace_days: i64,
}

/// Everything `serve` is told.
#[derive(Args, Clone, Debug)]
pub struct ServerArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub signing: SigningArgs,
    /// A read replica of the PostgreSQL database (`postgres://…`): read-only requests read it.
    #[arg(long = "database-read-url", env = "DATABASE_READ_URL")]
    pub read_url: Option<String>,
    /// Seconds after a write during which the writer's reads go to the primary, not the replica.
    #[arg(long, env = "CHENGXIN_READ_YOUR_WRITES_SECS", default_value_t = 10)]
    pub read_your_writes_secs: u64,
    /// The address to listen on.
    #[arg(long, env = "CHENGXIN_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Serve GraphiQL at `GET /graphql` (always on with `--demo`).
    #[arg(long, env = "CHENGXIN_GRAPHIQL")]
    pub graphiql: bool,
    /// Let anonymous clients introspect the schema.
    #[arg(long, env = "CHENGXIN_ANONYMOUS_INTROSPECTION")]
    pub anonymous_introspection: bool,
    /// Web origins allowed to call the API from a browser (CORS), comma-separated and exact, e.g.
    /// `https://credit.dehua.gov.cn`; none: same origin only. A wildcard is refused.
    #[arg(long, env = "CHENGXIN_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// Seconds a request may run before it is answered `TIMEOUT`.
    #[arg(long, env = "CHENGXIN_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// The earliest date the API accepts (YYYY-MM-DD; default 1949-10-01).
    #[arg(long, env = "CHENGXIN_EARLIEST_DATE")]
    pub earliest_date: Option<NaiveDate>,
    /// The latest date the API accepts (YYYY-MM-DD; default 2100-12-31).
    #[arg(long, env = "CHENGXIN_LATEST_DATE")]
    pub latest_date: Option<NaiveDate>,
    #[command(flatten)]
    pub platform: PlatformArgs,
    #[command(flatten)]
    pub deadlines: DeadlineArgs,
    /// Where the debt ratio's YELLOW, ORANGE and RED bands begin, in percent.
    #[arg(long, env = "CHENGXIN_DEBT_BANDS", default_value = "120,200,300")]
    pub debt_bands: String,
    /// The evaluation's weights for new periods, as JSON in centi-points (any left out keep their
    /// default), e.g. `{"serious":2000,"thirdPartyPercent":30}`.
    #[arg(long, env = "CHENGXIN_EVALUATION_WEIGHTS")]
    pub evaluation_weights: Option<String>,
}
