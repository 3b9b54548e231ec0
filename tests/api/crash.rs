//! The crash test: the real binary is killed with SIGKILL in the middle of a write burst, then
//! started again. Every write it acknowledged is there, the audit log and the outbox agree with
//! the records row for row, and the outbox is delivered after the restart.

use std::{
    collections::HashSet,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{body::Bytes, extract::State, http::HeaderMap, routing::post, Router};
use chengxin::graphql::ids::{global_id, parse_global_id, NodeType};
use entity::{audit_log, credit_record, enums::PushStatus, platform_push};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, TEST_SECRET};

const PLATFORM_SECRET: &str = "crash-test-platform-secret";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `chengxin serve` over the test's database, as its own process.
fn start_server(app: &TestApp, port: u16, platform_url: Option<&str>) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chengxin"));
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

async fn wait_until_up(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if client.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not come up");
}

async fn create_record(client: &reqwest::Client, base: &str, token: &str, unit: &str, n: usize) -> Option<i32> {
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

async fn receive(State(keys): State<Arc<Mutex<HashSet<String>>>>, headers: HeaderMap, _body: Bytes) -> &'static str {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    keys.lock().unwrap().insert(key);
    "ok"
}

#[tokio::test]
async fn a_killed_server_loses_no_acknowledged_write_and_delivers_after_restart() {
    let app = spawn_app().await;
    let token = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&app, port, None);
    wait_until_up(&client, &base).await;

    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (client, base, token, unit, acknowledged) =
                (client.clone(), base.clone(), token.clone(), unit.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0..10_000 {
                    match create_record(&client, &base, &token, &unit, writer * 10_000 + n).await {
                        Some(row) => acknowledged.lock().unwrap().push(row),
                        None => break,
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < 60 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().expect("reaped");
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 60, "the burst was under way: {}", acknowledged.len());

    let records = credit_record::Entity::find().all(&app.state.db).await.unwrap();
    let stored: HashSet<i32> = records.iter().map(|r| r.id).collect();
    let lost: Vec<&i32> = acknowledged.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
    for record in &records {
        let id = global_id(NodeType::CreditRecord, record.id).0;
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("credit_record.create"))
            .filter(audit_log::Column::EntityId.eq(id.as_str()))
            .count(&app.state.db);
        assert_eq!(audited.await.unwrap(), 1, "record {} has its audit entry", record.id);
        let queued =
            platform_push::Entity::find().filter(platform_push::Column::RecordId.eq(record.id)).count(&app.state.db);
        assert_eq!(queued.await.unwrap(), 1, "record {} has its outbox row", record.id);
    }
    let creations =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("credit_record.create")).count(&app.state.db);
    assert_eq!(creations.await.unwrap(), records.len() as u64, "no audit entry without its record");

    let keys = Arc::new(Mutex::new(HashSet::new()));
    let receiver = Router::new().route("/records", post(receive)).with_state(keys.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/records", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    let mut restarted = start_server(&app, port, Some(&url));
    wait_until_up(&client, &base).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    let pending = || {
        platform_push::Entity::find().filter(platform_push::Column::Status.ne(PushStatus::Sent)).count(&app.state.db)
    };
    while pending().await.unwrap() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = restarted.kill();
    let _ = restarted.wait();
    assert_eq!(pending().await.unwrap(), 0, "the outbox was delivered after the restart");
    assert_eq!(keys.lock().unwrap().len(), records.len(), "each record version arrived");
    let still_up = create_record(&client, &base, &token, &unit, 0).await;
    assert!(still_up.is_none(), "the server is gone");
}
