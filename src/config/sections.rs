//! The parts of the configuration: request limits, handling deadlines and platform delivery.

use std::time::Duration;

use super::Secret;

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

/// Handling deadlines and how often the sweep runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineConfig {
    /// Days the credit office has to decide an objection (`CHENGXIN_OBJECTION_DAYS`, default 15).
    pub objection_days: u32,
    /// Days the credit office has to decide a repair application before dashboards list it as
    /// overdue (`CHENGXIN_REPAIR_DAYS`, default 15).
    pub repair_days: u32,
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
    /// Days after a procurement payment fell due before the sweep records the breach
    /// (`CHENGXIN_PAYMENT_GRACE_DAYS`, default 0).
    pub payment_grace_days: i64,
}

impl Default for DeadlineConfig {
    fn default() -> Self {
        Self {
            objection_days: 15,
            repair_days: 15,
            complaint_days: 15,
            complaints_per_hour: 5,
            login_failures_per_address: 20,
            trust_forwarded_for: false,
            sweep_interval_secs: 3600,
            payment_grace_days: 0,
        }
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
