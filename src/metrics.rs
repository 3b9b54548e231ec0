//! Prometheus text metrics: requests, a latency histogram, and SQL statements executed.

use std::{
    collections::BTreeMap,
    fmt::Write,
    sync::{
        atomic::{AtomicU64, Ordering},
        Mutex,
    },
    time::Duration,
};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// The process's counters. Cheap to update from any task.
#[derive(Default)]
pub struct Metrics {
    sql_statements: AtomicU64,
    sql_errors: AtomicU64,
    graphql_operations: AtomicU64,
    session_lookups: AtomicU64,
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    latency_counts: [AtomicU64; BUCKETS.len()],
    latency_sum_micros: AtomicU64,
    latency_total: AtomicU64,
}

impl Metrics {
    /// Called by the database driver after every statement.
    pub fn record_statement(&self, failed: bool) {
        self.sql_statements.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.sql_errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Statements executed since start.
    /// Called when a token's check went to the store (a cache miss: one SQL statement).
    pub fn record_session_lookup(&self) {
        self.session_lookups.fetch_add(1, Ordering::Relaxed);
    }

    pub fn sql_statements(&self) -> u64 {
        self.sql_statements.load(Ordering::Relaxed)
    }

    /// Counts GraphQL operations (a batch counts each of its operations).
    pub fn record_operations(&self, count: usize) {
        self.graphql_operations.fetch_add(count as u64, Ordering::Relaxed);
    }

    /// Records one HTTP request: its route, status and how long it took.
    pub fn record_request(&self, route: &str, status: u16, elapsed: Duration) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((route.to_owned(), status)).or_default() += 1;
        }
        let seconds = elapsed.as_secs_f64();
        for (bound, count) in BUCKETS.iter().zip(&self.latency_counts) {
            if seconds <= *bound {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_sum_micros.fetch_add(elapsed.as_micros() as u64, Ordering::Relaxed);
        self.latency_total.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP chengxin_http_requests_total HTTP requests by route and status.");
        let _ = writeln!(out, "# TYPE chengxin_http_requests_total counter");
        if let Ok(requests) = self.requests.lock() {
            for ((route, status), count) in requests.iter() {
                let _ = writeln!(out, "chengxin_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {count}");
            }
        }
        let _ = writeln!(out, "# HELP chengxin_http_request_duration_seconds HTTP request latency.");
        let _ = writeln!(out, "# TYPE chengxin_http_request_duration_seconds histogram");
        for (bound, count) in BUCKETS.iter().zip(&self.latency_counts) {
            let _ = writeln!(
                out,
                "chengxin_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                count.load(Ordering::Relaxed)
            );
        }
        let total = self.latency_total.load(Ordering::Relaxed);
        let _ = writeln!(out, "chengxin_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {total}");
        let sum = self.latency_sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "chengxin_http_request_duration_seconds_sum {sum}");
        let _ = writeln!(out, "chengxin_http_request_duration_seconds_count {total}");
        let counters = [
            ("chengxin_sql_statements_total", "SQL statements executed.", &self.sql_statements),
            ("chengxin_sql_errors_total", "SQL statements that failed.", &self.sql_errors),
            ("chengxin_graphql_operations_total", "GraphQL operations executed.", &self.graphql_operations),
            (
                "chengxin_session_lookups_total",
                "Token checks answered by the store rather than the 1 s cache (one SQL statement each).",
                &self.session_lookups,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} counter");
            let _ = writeln!(out, "{name} {}", value.load(Ordering::Relaxed));
        }
        out
    }
}
