//! The process's metrics through the `metrics` crate, exposed in Prometheus text by its exporter.
//! Each app state has its own recorder (several servers may share a process, as the tests do), so
//! the handles are registered once here and updated without any global.

use std::time::Duration;

use metrics::{Counter, Gauge, Histogram, Key, KeyName, Label, Level, Metadata, Recorder, SharedString, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

const REQUESTS: &str = "chengxin_http_requests_total";
const REQUEST_DURATION: &str = "chengxin_http_request_duration_seconds";
const SQL_STATEMENTS: &str = "chengxin_sql_statements_total";

static METADATA: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

/// What the database pool and the outbox look like at a scrape.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub pool_connections: u32,
    pub pool_in_use: u32,
    /// Deliveries the platform has not accepted yet (pending or failed).
    pub outbox_backlog: u64,
    /// How long the oldest delivery that is due has waited (0 when none is due).
    pub outbox_oldest_due_seconds: f64,
}

/// The process's metrics. Cheap to update from any task.
pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    sql_statements: Counter,
    sql_errors: Counter,
    replica_statements: Counter,
    graphql_operations: Counter,
    session_lookups: Counter,
    scrape_statements: Counter,
    request_duration: Histogram,
    sweep_runs: Counter,
    sweep_duration: Gauge,
    sweep_findings: Gauge,
    pool_connections: Gauge,
    pool_in_use: Gauge,
    outbox_backlog: Gauge,
    outbox_oldest_due: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let builder = PrometheusBuilder::new();
        let recorder = match builder.set_buckets_for_metric(Matcher::Full(REQUEST_DURATION.into()), &BUCKETS) {
            Ok(builder) => builder.build_recorder(),
            Err(_) => PrometheusBuilder::new().build_recorder(),
        };
        let counter = |name: &'static str, help: &'static str| {
            recorder.describe_counter(KeyName::from_const_str(name), None, SharedString::const_str(help));
            recorder.register_counter(&Key::from_static_name(name), &METADATA)
        };
        let gauge = |name: &'static str, unit: Option<Unit>, help: &'static str| {
            recorder.describe_gauge(KeyName::from_const_str(name), unit, SharedString::const_str(help));
            recorder.register_gauge(&Key::from_static_name(name), &METADATA)
        };
        recorder.describe_counter(
            KeyName::from_const_str(REQUESTS),
            None,
            SharedString::const_str("HTTP requests by route and status."),
        );
        recorder.describe_histogram(
            KeyName::from_const_str(REQUEST_DURATION),
            Some(Unit::Seconds),
            SharedString::const_str("HTTP request latency."),
        );
        let request_duration = recorder.register_histogram(&Key::from_static_name(REQUEST_DURATION), &METADATA);
        Self {
            sql_statements: counter(SQL_STATEMENTS, "SQL statements executed."),
            sql_errors: counter("chengxin_sql_errors_total", "SQL statements that failed."),
            replica_statements: counter(
                "chengxin_replica_sql_statements_total",
                "Of the SQL statements, those run on the read replica (DATABASE_READ_URL).",
            ),
            graphql_operations: counter("chengxin_graphql_operations_total", "GraphQL operations executed."),
            session_lookups: counter(
                "chengxin_session_lookups_total",
                "Token checks answered by the store rather than the 1 s cache (one SQL statement each).",
            ),
            scrape_statements: counter(
                "chengxin_scrape_sql_statements_total",
                "SQL statements run by /metrics itself to read the outbox (one per scrape).",
            ),
            request_duration,
            sweep_runs: counter("chengxin_sweep_runs_total", "Deadline sweeps run."),
            sweep_duration: gauge(
                "chengxin_sweep_duration_seconds",
                Some(Unit::Seconds),
                "How long the last deadline sweep took.",
            ),
            sweep_findings: gauge(
                "chengxin_sweep_findings",
                None,
                "Rows the last deadline sweep changed (overdue flags set, records lifted).",
            ),
            pool_connections: gauge("chengxin_db_pool_connections", None, "Connections the database pool holds."),
            pool_in_use: gauge("chengxin_db_pool_connections_in_use", None, "Pool connections lent out."),
            outbox_backlog: gauge(
                "chengxin_outbox_backlog",
                None,
                "Deliveries to the municipal platform not yet accepted (pending or failed).",
            ),
            outbox_oldest_due: gauge(
                "chengxin_outbox_oldest_due_age_seconds",
                Some(Unit::Seconds),
                "How long the oldest due delivery has waited.",
            ),
            handle: recorder.handle(),
            recorder,
        }
    }
}

impl Metrics {
    /// Called by the database driver after every statement on the read replica.
    pub fn record_replica_statement(&self, failed: bool) {
        self.replica_statements.increment(1);
        self.record_statement(failed);
    }

    /// Called by the database driver after every statement.
    pub fn record_statement(&self, failed: bool) {
        self.sql_statements.increment(1);
        if failed {
            self.sql_errors.increment(1);
        }
    }

    /// Called when a token's check went to the store (a cache miss: one SQL statement).
    pub fn record_session_lookup(&self) {
        self.session_lookups.increment(1);
    }

    /// Counts GraphQL operations (a batch counts each of its operations).
    pub fn record_operations(&self, count: usize) {
        self.graphql_operations.increment(count as u64);
    }

    /// Records one HTTP request: its route, status and how long it took.
    pub fn record_request(&self, route: &str, status: u16, elapsed: Duration) {
        let labels = vec![Label::new("route", route.to_owned()), Label::new("status", status.to_string())];
        self.recorder.register_counter(&Key::from_parts(REQUESTS, labels), &METADATA).increment(1);
        self.request_duration.record(elapsed.as_secs_f64());
    }

    /// Records a deadline sweep: how long it took and how many rows it changed.
    pub fn record_sweep(&self, elapsed: Duration, findings: u64) {
        self.sweep_runs.increment(1);
        self.sweep_duration.set(elapsed.as_secs_f64());
        self.sweep_findings.set(findings as f64);
    }

    /// Sets the gauges read at a scrape; `statements` is how many SQL statements reading them took.
    pub fn record_snapshot(&self, snapshot: Snapshot, statements: u64) {
        self.scrape_statements.increment(statements);
        self.pool_connections.set(f64::from(snapshot.pool_connections));
        self.pool_in_use.set(f64::from(snapshot.pool_in_use));
        self.outbox_backlog.set(snapshot.outbox_backlog as f64);
        self.outbox_oldest_due.set(snapshot.outbox_oldest_due_seconds);
    }

    /// SQL statements executed since start (read back from the exporter).
    pub fn sql_statements(&self) -> u64 {
        self.counter_value(SQL_STATEMENTS)
    }

    fn counter_value(&self, name: &str) -> u64 {
        let text = self.handle.render();
        text.lines().find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok()).unwrap_or(0)
    }

    /// Drains the histogram's samples into its buckets; `serve` runs it every few seconds so an
    /// unscraped server does not keep every sample.
    pub fn run_upkeep(&self) {
        self.handle.run_upkeep();
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        self.handle.render()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_histogram_and_gauges_render_as_prometheus_text() {
        let metrics = Metrics::default();
        for _ in 0..3 {
            metrics.record_statement(false);
        }
        metrics.record_request("/graphql", 200, Duration::from_millis(3));
        metrics.record_sweep(Duration::from_millis(250), 4);
        metrics.record_snapshot(
            Snapshot { pool_connections: 5, pool_in_use: 2, outbox_backlog: 7, outbox_oldest_due_seconds: 90.0 },
            1,
        );
        assert_eq!(metrics.sql_statements(), 3);
        let text = metrics.render();
        for line in [
            "chengxin_sql_statements_total 3",
            "chengxin_http_requests_total{route=\"/graphql\",status=\"200\"} 1",
            "chengxin_http_request_duration_seconds_bucket{le=\"0.005\"} 1",
            "chengxin_http_request_duration_seconds_count 1",
            "chengxin_sweep_findings 4",
            "chengxin_db_pool_connections_in_use 2",
            "chengxin_outbox_backlog 7",
            "chengxin_outbox_oldest_due_age_seconds 90",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
        }
        assert!(text.contains("# TYPE chengxin_http_request_duration_seconds histogram"), "{text}");
    }

    #[test]
    fn two_states_count_apart() {
        let (a, b) = (Metrics::default(), Metrics::default());
        a.record_statement(false);
        assert_eq!((a.sql_statements(), b.sql_statements()), (1, 0));
    }
}
