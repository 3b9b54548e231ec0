//! `chengxin soak`: a mixed read and write load against the real server, run as its own process
//! over a freshly seeded database, for minutes. Every role reads, the public submits complaints
//! and fails logins, records go through rectification (audit and outbox included) and a platform
//! receiver takes the pushes, while the deadline sweep runs. It passes with no error but the
//! expected codes, and with the server's own memory flat: the last window's peak at most 1.2 × the
//! second window's (`report.rs` says why the mapped database file is not counted).

mod report;
mod scenario;

pub(crate) use report::resident_kb;

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use report::{report, sample_memory, Tally};
use scenario::{Actor, Step, ACTORS};
use serde_json::Value;

use crate::{
    auth::{jwt::TokenRequest, password::hash_password, random_secret, Role},
    bench::run::fresh_database,
    config::Config,
    error::StartupError,
    ids::{public_id, NodeType},
    seed::{self, users::DEMO_EVALUATOR_JTI, SeedOptions},
    startup,
};

/// How long and how hard.
pub struct SoakOptions {
    pub minutes: f64,
    pub clients: usize,
    /// A PostgreSQL server URL to make a fresh database on; SQLite in a temporary file otherwise.
    pub postgres_url: Option<String>,
}

/// Seeds, starts the server as a child process, drives it, samples its memory, and reports.
pub async fn run_soak(options: SoakOptions) -> Result<(), StartupError> {
    let (url, cleanup) = fresh_database(options.postgres_url.as_deref()).await?;
    let result = soak(&options, &url).await;
    cleanup.run().await;
    result
}

async fn soak(options: &SoakOptions, url: &str) -> Result<(), StartupError> {
    let secret = random_secret();
    let config = Config::for_database(url, &secret);
    let state = startup::build_default_state(config).await?;
    let seed_options = SeedOptions {
        demo: true,
        scale: None,
        password_hash: hash_password(&random_secret()).map_err(|_| StartupError::Other("hash".into()))?,
        now: chrono::Utc::now(),
        rng_seed: 7,
    };
    seed::seed(&state.db, &seed_options).await?;
    let receiver = platform_receiver().await?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut server = tokio::process::Command::new(std::env::current_exe()?)
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("CHENGXIN_JWT_SECRET", &secret)
        .env("CHENGXIN_BIND", format!("127.0.0.1:{port}"))
        .env("CHENGXIN_PLATFORM_URL", &receiver)
        .env("CHENGXIN_PLATFORM_SECRET", "soak-platform-secret")
        .env("CHENGXIN_PLATFORM_INTERVAL_SECS", "2")
        .env("CHENGXIN_SWEEP_INTERVAL_SECS", "15")
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()?;
    let pid = server.id().ok_or_else(|| StartupError::Other("the server exited".into()))?;
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| StartupError::Other(e.to_string()))?;
    wait_until_ready(&http, &base).await?;

    let tokens = Arc::new(Tokens::mint(&state).await?);
    let township = public_id(NodeType::Unit, unit_row(&state, "浔中镇").await?);
    let official = public_id(NodeType::Official, 1);
    let duration = Duration::from_secs_f64(options.minutes * 60.0);
    let window = if options.minutes >= 3.0 { Duration::from_secs(60) } else { Duration::from_secs(10) };
    println!(
        "soak on {}: {} clients for {:.1} min, memory sampled every second in windows of {} s",
        if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" },
        options.clients,
        options.minutes,
        window.as_secs()
    );
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + duration;
    let clients: Vec<_> = (0..options.clients)
        .map(|i| {
            let client =
                Client { http: http.clone(), base: base.clone(), tokens: tokens.clone(), tally: tally.clone() };
            let (township, official) = (township.clone(), official.clone());
            tokio::spawn(async move { client.run(ACTORS[i % ACTORS.len()], i, &township, &official, deadline).await })
        })
        .collect();
    let peaks = sample_memory(pid, deadline, window).await;
    for client in clients {
        let _ = client.await;
    }
    let _ = server.kill().await;
    report(&tally, &peaks, duration)
}

async fn wait_until_ready(http: &reqwest::Client, base: &str) -> Result<(), StartupError> {
    for _ in 0..600 {
        if http.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(StartupError::Other("the server did not become ready".into()))
}

async fn unit_row(state: &crate::state::AppState, short_name: &str) -> Result<i32, StartupError> {
    use entity::unit;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let row = unit::Entity::find().filter(unit::Column::ShortName.eq(short_name)).one(&state.db).await?;
    row.map(|u| u.id).ok_or_else(|| StartupError::Other(format!("no unit {short_name}")))
}

/// A local stand-in for the municipal platform: accepts every push.
async fn platform_receiver() -> Result<String, StartupError> {
    let router = axum::Router::new().route("/records", axum::routing::post(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(format!("http://{address}/records"))
}

/// One token per seeded account and the demo evaluation firm's.
struct Tokens(BTreeMap<&'static str, String>);

impl Tokens {
    async fn mint(state: &crate::state::AppState) -> Result<Self, StartupError> {
        use sea_orm::EntityTrait;
        let mut tokens = BTreeMap::new();
        for (username, _, role, _) in crate::seed::users::DEMO_USERS {
            let id = crate::seed::users::demo_user_id(username).unwrap_or_default();
            let user = entity::user_account::Entity::find_by_id(id).one(&state.db).await?;
            let unit = user.and_then(|u| u.unit_id);
            tokens.insert(username, mint(state, format!("user:{id}"), role, unit, None)?);
        }
        let evaluator = mint(state, format!("token:{DEMO_EVALUATOR_JTI}"), Role::Evaluator, None, Some("soak".into()));
        tokens.insert("evaluator", evaluator?);
        Ok(Self(tokens))
    }

    fn of(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

fn mint(
    state: &crate::state::AppState,
    subject: String,
    role: Role,
    unit: Option<i32>,
    firm: Option<String>,
) -> Result<String, StartupError> {
    let jti =
        if subject.starts_with("token:") { DEMO_EVALUATOR_JTI.to_owned() } else { uuid::Uuid::new_v4().to_string() };
    let request = TokenRequest {
        subject,
        role,
        unit: unit.map(|u| public_id(NodeType::Unit, u)),
        firm,
        jti,
        issued_at: chrono::Utc::now(),
        lifetime: chrono::Duration::days(1),
        config: &state.config,
    };
    state.keys.mint(request).map(|(token, _)| token).map_err(|_| StartupError::Other("cannot mint".into()))
}

/// One load client.
struct Client {
    http: reqwest::Client,
    base: String,
    tokens: Arc<Tokens>,
    tally: Arc<Mutex<Tally>>,
}

impl Client {
    async fn run(self, actor: Actor, index: usize, township: &str, official: &str, deadline: Instant) {
        let token = match actor {
            Actor::Public => None,
            Actor::Leader => self.tokens.of("leader"),
            Actor::Evaluator => self.tokens.of("evaluator"),
            Actor::Personnel => self.tokens.of("personnel"),
            Actor::Court => self.tokens.of("court"),
            Actor::Admin => self.tokens.of("admin"),
            Actor::Workflow => self.tokens.of("office"),
        };
        let mut n = index * 1_000_000;
        while Instant::now() < deadline {
            if actor == Actor::Workflow {
                self.rectify(township, n).await;
            } else {
                self.send(token, &scenario::read_step(actor, n, township, official)).await;
            }
            n += 1;
        }
    }

    /// A record through rectification: create, open, submit (the clerk), accept.
    async fn rectify(&self, township: &str, n: usize) {
        let (office, clerk) = (self.tokens.of("office"), self.tokens.of("xunzhong"));
        let Some(created) = self.send(office, &scenario::create_record(township, n)).await else { return };
        let record = &created["createCreditRecord"]["record"];
        let (Some(id), Some(version)) = (record["id"].as_str(), record["version"].as_i64()) else { return };
        let Some(opened) = self.send(office, &scenario::open_rectification(id, version)).await else { return };
        let rectification = &opened["openRectification"]["rectification"];
        let (Some(id), Some(version)) = (rectification["id"].as_str(), rectification["version"].as_i64()) else {
            return;
        };
        let Some(submitted) = self.send(clerk, &scenario::submit_rectification(id, version)).await else { return };
        let version = submitted["submitRectification"]["rectification"]["version"].as_i64().unwrap_or_default();
        self.send(office, &scenario::accept_rectification(id, version)).await;
    }

    /// Sends a step; returns its data when it had no error.
    async fn send(&self, token: Option<&str>, step: &Step) -> Option<Value> {
        let mut request = self.http.post(format!("{}/graphql", self.base)).json(&step.body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let outcome = match request.send().await {
            Ok(response) if response.status().is_success() => {
                response.json::<Value>().await.map_err(|_| "BAD_BODY".to_owned())
            }
            Ok(response) => Err(format!("HTTP {}", response.status().as_u16())),
            Err(error) => Err(if error.is_timeout() { "TIMEOUT".into() } else { "CONNECTION".into() }),
        };
        let mut tally = self.tally.lock().ok()?;
        tally.requests += 1;
        let body = match outcome {
            Ok(body) => body,
            Err(kind) => {
                *tally.unexpected.entry(kind).or_default() += 1;
                return None;
            }
        };
        let code = body["errors"][0]["extensions"]["code"].as_str().map(str::to_owned);
        match code {
            None => return Some(body["data"].clone()),
            Some(code) if step.expected.contains(&code.as_str()) => {
                *tally.expected_errors.entry(code).or_default() += 1
            }
            Some(code) => *tally.unexpected.entry(code).or_default() += 1,
        }
        None
    }
}
