//! Seeding, serving and driving the bench.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use chrono::Utc;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use super::operations::{operations, Operation};
use crate::{
    auth::{password::hash_password, Role, Viewer},
    config::Config,
    error::StartupError,
    progress::Progress,
    seed::{self, Scale, SeedOptions},
    service::{
        api_tokens::{self, IssueApiToken},
        Actor,
    },
    startup,
    store::audit::RequestTrace,
};

/// How to run the bench.
pub struct BenchOptions {
    pub scale: Scale,
    pub clients: usize,
    pub seconds: u64,
    /// A PostgreSQL server URL to make a fresh database on; SQLite in a temporary file otherwise.
    pub postgres_url: Option<String>,
    /// Only the operations whose name contains this text; all without.
    pub only: Option<String>,
    /// A database to use as it is and keep (seeded first if it has no units): a province seed
    /// takes minutes, so it is made once (`chengxin seed --scale province`) and measured often.
    pub database_url: Option<String>,
}

/// Seeds, serves, measures, prints, and throws the database away.
/// `app` makes the router (`http::app`, handed in by `main.rs`).
pub async fn run_bench(options: BenchOptions, app: startup::MakeApp) -> Result<(), StartupError> {
    if let Some(url) = &options.database_url {
        return measure(&options, url, app).await;
    }
    let (url, cleanup) = fresh_database(options.postgres_url.as_deref()).await?;
    let result = measure(&options, &url, app).await;
    cleanup.run().await;
    result
}

async fn measure(options: &BenchOptions, url: &str, app: startup::MakeApp) -> Result<(), StartupError> {
    let config = Config::for_database(url, &crate::auth::random_secret());
    let state = startup::build_default_state(config).await?;
    let started = Instant::now();
    let seed_options = SeedOptions {
        demo: true,
        scale: Some(options.scale),
        password_hash: hash_password(&crate::auth::random_secret()).map_err(|_| StartupError::Other("hash".into()))?,
        now: Utc::now(),
        rng_seed: 2019_0614,
    };
    let summary = seed::seed(&state.db, &seed_options).await?;
    println!(
        "{} on {}: {} units, {} officials, {} credit records ({}, {:.1} s)",
        if summary.skipped { "a kept database".to_owned() } else { format!("{:?} scale", options.scale) },
        if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" },
        summary.units,
        summary.officials,
        summary.credit_records,
        if summary.skipped { "already seeded, measured as it is" } else { "seeded" },
        started.elapsed().as_secs_f64()
    );
    let server = startup::spawn(state.clone(), app).await?;
    let (operator, trace) = (Viewer::operator(), RequestTrace::internal());
    let actor = Actor { viewer: &operator, trace: &trace, now: Utc::now() };
    let command = IssueApiToken { role: Role::Leader, unit_id: None, firm: "bench".into(), purpose: None, days: 1 };
    let (token, _) = api_tokens::issue(&state, &actor, command)
        .await
        .map_err(|_| StartupError::Other("cannot issue the bench token".into()))?;
    let endpoint = format!("http://{}/graphql", server.address);
    let cursors = unit_page_cursors(&endpoint, &token).await?;
    println!("{} clients × {} s per operation", options.clients, options.seconds);
    let resident_before = resident_mb();
    println!(
        "{:<42} {:>9} {:>9} {:>9} {:>9} {:>11}",
        "operation", "requests", "req/s", "p50 ms", "p99 ms", "SQL/request"
    );
    let chosen = |operation: &Operation| options.only.as_deref().is_none_or(|only| operation.name.contains(only));
    for operation in operations(summary.units as i32, summary.officials as i32, cursors).into_iter().filter(chosen) {
        let before = state.metrics.sql_statements();
        let (latencies, failures, elapsed) =
            drive(&operation, &endpoint, &token, options.clients, options.seconds).await;
        let statements = state.metrics.sql_statements() - before;
        let count = latencies.len().max(1);
        println!(
            "{:<42} {:>9} {:>9.0} {:>9.2} {:>9.2} {:>11.2}{}",
            operation.name,
            latencies.len(),
            latencies.len() as f64 / elapsed.as_secs_f64(),
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            statements as f64 / count as f64,
            if failures > 0 { format!("  ({failures} failed)") } else { String::new() }
        );
    }
    println!(
        "resident memory of this process (server and clients): {resident_before:.1} MB before the load, {:.1} MB after",
        resident_mb()
    );
    server.stop().await
}

/// This process's resident memory in megabytes.
fn resident_mb() -> f64 {
    crate::soak::resident_kb(std::process::id()).unwrap_or(0) as f64 / 1024.0
}

/// The cursor after each full page of 50 units, read from the API as a client would (cursors are
/// opaque), so the page operations can start anywhere in the list.
async fn unit_page_cursors(endpoint: &str, token: &str) -> Result<Arc<Vec<String>>, StartupError> {
    let client = reqwest::Client::new();
    let query = "query($after: String) { units(first: 50, after: $after) { pageInfo { endCursor hasNextPage } } }";
    let mut cursors = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let body = serde_json::json!({ "query": query, "variables": { "after": after } });
        let response: serde_json::Value = client
            .post(endpoint)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| StartupError::Other(format!("bench: reading unit cursors: {e}")))?
            .json()
            .await
            .map_err(|e| StartupError::Other(format!("bench: reading unit cursors: {e}")))?;
        let page = &response["data"]["units"]["pageInfo"];
        match (page["hasNextPage"].as_bool(), page["endCursor"].as_str()) {
            (Some(true), Some(cursor)) => {
                cursors.push(cursor.to_owned());
                after = Some(cursor.to_owned());
            }
            _ => return Ok(Arc::new(cursors)),
        }
    }
}

async fn drive(
    operation: &Operation,
    endpoint: &str,
    token: &str,
    clients: usize,
    seconds: u64,
) -> (Vec<f64>, usize, Duration) {
    let client = reqwest::Client::builder().pool_max_idle_per_host(clients).build().unwrap_or_default();
    let counter = Arc::new(AtomicUsize::new(0));
    let answered = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let ticker = tokio::spawn(show_progress(operation.name, seconds, answered.clone()));
    let body = &operation.body;
    let mut workers = Vec::new();
    for _ in 0..clients {
        let (client, counter, answered) = (client.clone(), counter.clone(), answered.clone());
        let bodies: Vec<serde_json::Value> = (0..64).map(|_| body(counter.fetch_add(1, Ordering::Relaxed))).collect();
        let (endpoint, token) = (endpoint.to_owned(), token.to_owned());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0;
            let mut n = 0;
            while Instant::now() < deadline {
                let request_started = Instant::now();
                let response = client.post(&endpoint).bearer_auth(&token).json(&bodies[n % bodies.len()]).send().await;
                let ok = match response {
                    Ok(response) => {
                        response.status().is_success() && response.text().await.is_ok_and(|t| !t.contains("\"errors\""))
                    }
                    Err(_) => false,
                };
                answered.fetch_add(1, Ordering::Relaxed);
                if ok {
                    latencies.push(request_started.elapsed().as_secs_f64() * 1_000.0);
                } else {
                    failures += 1;
                }
                n += 1;
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for worker in workers {
        if let Ok((mut l, f)) = worker.await {
            latencies.append(&mut l);
            failures += f;
        }
    }
    let elapsed = started.elapsed();
    let _ = ticker.await;
    latencies.sort_by(|a, b| a.total_cmp(b));
    (latencies, failures, elapsed)
}

/// The running operation's seconds and requests per second so far, until its time is up.
async fn show_progress(name: &'static str, seconds: u64, answered: Arc<AtomicUsize>) {
    let mut progress = Progress::start("bench", name, seconds, "s", 0);
    let started = Instant::now();
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    while started.elapsed().as_secs() < seconds {
        tick.tick().await;
        let elapsed = started.elapsed();
        let rate = answered.load(Ordering::Relaxed) as f64 / elapsed.as_secs_f64().max(0.001);
        progress.set(elapsed.as_secs().min(seconds), Some(format!("{rate:.0} req/s")));
    }
    progress.clear();
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

/// What to do with the bench database afterwards.
pub(crate) enum Cleanup {
    SqliteFile(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Cleanup {
    pub(crate) async fn run(self) {
        match self {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
                }
            }
        }
    }
}

pub(crate) async fn fresh_database(postgres_url: Option<&str>) -> Result<(String, Cleanup), StartupError> {
    let name = format!("chengxin_bench_{}", uuid::Uuid::new_v4().simple());
    match postgres_url {
        Some(admin_url) => {
            let admin = Database::connect(admin_url).await?;
            admin
                .execute_raw(Statement::from_string(DbBackend::Postgres, format!("CREATE DATABASE \"{name}\"")))
                .await?;
            let base = admin_url.rsplit_once('/').map(|(base, _)| base).unwrap_or(admin_url);
            Ok((format!("{base}/{name}"), Cleanup::Postgres { admin_url: admin_url.to_owned(), name }))
        }
        None => {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            Ok((format!("sqlite://{}?mode=rwc", path.display()), Cleanup::SqliteFile(path)))
        }
    }
}
