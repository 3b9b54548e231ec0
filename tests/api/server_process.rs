//! `chengxin serve` as its own process over a test's database, and a platform receiver that notes
//! every delivery it gets.

use std::{
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{body::Bytes, extract::State, http::HeaderMap, routing::post, Router};
use chengxin::graphql::ids::parse_global_id;
use serde_json::{json, Value};

use crate::helpers::{TestApp, TEST_SECRET};

pub const PLATFORM_SECRET: &str = "crash-test-platform-secret";

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `chengxin serve` over the test's database, as its own process.
pub fn start_server(app: &TestApp, port: u16, platform_url: Option<&str>) -> Child {
    start_server_with(app, port, platform_url, &[])
}

/// [`start_server`] with more environment variables.
pub fn start_server_with(app: &TestApp, port: u16, platform_url: Option<&str>, env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chengxin"));
    command.envs(env.iter().copied());
    command
        .arg("serve")
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("CHENGXIN_JWT_SECRET", TEST_SECRET)
        .env("CHENGXIN_BIND", format!("127.0.0.1:{port}"))
        .env("CHENGXIN_SWEEP_INTERVAL_SECS", "0")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = platform_url {
        command
            .env("CHENGXIN_PLATFORM_URL", url)
            .env("CHENGXIN_PLATFORM_SECRET", PLATFORM_SECRET)
            .env("CHENGXIN_PLATFORM_INTERVAL_SECS", "1");
    }
    command.spawn().expect("start chengxin serve")
}

pub async fn wait_until_up(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if client.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up");
}

pub async fn create_record(client: &reqwest::Client, base: &str, token: &str, unit: &str, n: usize) -> Option<i32> {
    let day = chrono::Utc::now().date_naive().to_string();
    let input = json!({ "unitId": unit, "polarity": "DISHONESTY", "category": "CONTRACT_BREACH", "severity": "GENERAL",
        "title": format!("写入{n}"), "facts": "逾期未支付货款", "decidingAuthority": "德化县财政局", "occurredOn": day, "decidedOn": day });
    let query = "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }";
    let response = client
        .post(format!("{base}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": { "i": input } }));
    let body: Value = response.send().await.ok()?.json().await.ok()?;
    let id = body["data"]["createCreditRecord"]["record"]["id"].as_str()?;
    parse_global_id(id).map(|(_, row)| row)
}

/// Every idempotency key received, in order (a key twice is a double delivery).
pub type Received = Arc<Mutex<Vec<String>>>;

async fn receive(State(keys): State<Received>, headers: HeaderMap, _body: Bytes) -> &'static str {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    keys.lock().unwrap().push(key);
    "ok"
}

/// A platform receiver on a free port: its URL and what it received.
pub async fn platform_receiver() -> (String, Received) {
    let keys = Received::default();
    let receiver = Router::new().route("/records", post(receive)).with_state(keys.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/records", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    (url, keys)
}
