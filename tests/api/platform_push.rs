//! Delivery to the municipal platform against a real local HTTP receiver that fails the first
//! two attempts and checks every signature: nothing lost, nothing sent twice, across a restart.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc, Mutex,
};

use axum::{body::Bytes, extract::State, http::HeaderMap, http::StatusCode, routing::post, Router};
use chengxin::{
    clock::Clock,
    config::Secret,
    jobs::platform_push::{deliver_due, export_unsent, signature, PlatformConfig},
};
use chrono::Duration;
use entity::{credit_record, enums::PushStatus, platform_push};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::helpers::{error_code, spawn_app, TestApp};

const SECRET: &str = "platform-shared-secret";

#[derive(Default)]
struct Receiver {
    failures_left: AtomicUsize,
    bad_signatures: AtomicUsize,
    accepted: Mutex<Vec<String>>,
}

async fn receive(State(receiver): State<Arc<Receiver>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let expected = signature(&Secret::new(SECRET), &body).unwrap();
    if headers.get("x-chengxin-signature").and_then(|v| v.to_str().ok()) != Some(expected.as_str()) {
        receiver.bad_signatures.fetch_add(1, Ordering::SeqCst);
        return StatusCode::UNAUTHORIZED;
    }
    if receiver.failures_left.load(Ordering::SeqCst) > 0 {
        receiver.failures_left.fetch_sub(1, Ordering::SeqCst);
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let payload: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(payload["idempotencyKey"], key.as_str());
    receiver.accepted.lock().unwrap().push(key);
    StatusCode::OK
}

async fn start_receiver(failures: usize) -> (String, Arc<Receiver>) {
    let receiver = Arc::new(Receiver { failures_left: AtomicUsize::new(failures), ..Default::default() });
    let router = Router::new().route("/records", post(receive)).with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (format!("http://{address}/records"), receiver)
}

fn platform(url: &str) -> PlatformConfig {
    PlatformConfig { url: Some(url.to_owned()), secret: Secret::new(SECRET), ..Default::default() }
}

async fn record_something(app: &TestApp, token: &str, title: &str) -> String {
    let day = chrono::Utc::now().date_naive().to_string();
    let input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY", "category": "CONTRACT_BREACH",
        "severity": "GENERAL", "title": title, "facts": "逾期未支付货款", "decidingAuthority": "德化县财政局",
        "occurredOn": day, "decidedOn": day });
    let body = app
        .graphql(
            Some(token),
            "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }",
            json!({ "i": input }),
        )
        .await;
    body["data"]["createCreditRecord"]["record"]["id"].as_str().expect("created").to_owned()
}

#[tokio::test]
async fn every_version_arrives_once_signed_despite_failures_and_a_restart() {
    let mut app = spawn_app().await;
    let office = app.token_for("office").await;
    let first = record_something(&app, &office, "一").await;
    record_something(&app, &office, "二").await;
    record_something(&app, &office, "三").await;
    let update = format!("mutation {{ updateCreditRecord(input: {{ id: \"{first}\", version: 1, title: \"一改\" }}) {{ record {{ version }} }} }}");
    app.graphql(Some(&office), &update, json!({})).await;
    let (url, receiver) = start_receiver(2).await;
    let config = platform(&url);
    let http = reqwest::Client::new();
    let report = deliver_due(&app.state.db, &http, &config, app.clock.now()).await.unwrap();
    assert_eq!((report.sent, report.retried, report.failed), (2, 2, 0));
    // Nothing is due again before the backoff ends.
    let early = deliver_due(&app.state.db, &http, &config, app.clock.now()).await.unwrap();
    assert_eq!(early.sent + early.retried, 0);
    // Restart: the first process stops; a new one over the same database finishes the job.
    app.stop().await;
    let restarted = chengxin::startup::build_state((*app.state.config).clone(), app.clock.clone()).await.unwrap();
    app.clock.advance(Duration::seconds(31));
    let report = deliver_due(&restarted.db, &http, &config, app.clock.now()).await.unwrap();
    assert_eq!((report.sent, report.retried), (2, 0));
    let mut accepted = receiver.accepted.lock().unwrap().clone();
    accepted.sort();
    let mut expected: Vec<String> = ["1:1", "1:2", "2:1", "3:1"].iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(accepted, expected, "each record version exactly once");
    assert_eq!(receiver.bad_signatures.load(Ordering::SeqCst), 0);
    let rows = platform_push::Entity::find().all(&restarted.db).await.unwrap();
    assert!(rows.iter().all(|r| r.status == PushStatus::Sent && r.sent_at.is_some()));
    let pushed = credit_record::Entity::find()
        .filter(credit_record::Column::PushedAt.is_not_null())
        .count(&restarted.db)
        .await
        .unwrap();
    assert_eq!(pushed, 3, "every record's current version reached the platform");
    assert!(export_unsent(&restarted.db).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_delivering_at_once_never_send_a_row_twice() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    for n in 0..6 {
        record_something(&app, &office, &format!("记录{n}")).await;
    }
    let (url, receiver) = start_receiver(0).await;
    let config = platform(&url);
    let other = chengxin::startup::build_state((*app.state.config).clone(), app.clock.clone()).await.unwrap();
    let (http_a, http_b) = (reqwest::Client::new(), reqwest::Client::new());
    let now = app.clock.now();
    let (a, b) =
        tokio::join!(deliver_due(&app.state.db, &http_a, &config, now), deliver_due(&other.db, &http_b, &config, now));
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 6);
    let mut accepted = receiver.accepted.lock().unwrap().clone();
    let total = accepted.len();
    accepted.dedup();
    assert_eq!((total, accepted.len()), (6, 6));
}

#[tokio::test]
async fn without_a_url_rows_stay_queued_and_export_and_failed_ones_can_be_requeued() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    record_something(&app, &office, "待推送").await;
    let http = reqwest::Client::new();
    let idle = deliver_due(&app.state.db, &http, &PlatformConfig::default(), app.clock.now()).await.unwrap();
    assert_eq!(idle.sent + idle.retried, 0);
    let lines = export_unsent(&app.state.db).await.unwrap();
    assert_eq!(lines.len(), 1);
    let line: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(line["idempotencyKey"], "1:1");
    assert_eq!(line["payload"]["title"], "待推送");
    // A platform that keeps failing: after the last attempt the row is FAILED.
    let (url, _receiver) = start_receiver(usize::MAX).await;
    let config = PlatformConfig { max_attempts: 1, ..platform(&url) };
    let report = deliver_due(&app.state.db, &http, &config, app.clock.now()).await.unwrap();
    assert_eq!(report.failed, 1);
    let admin = app.token_for("admin").await;
    let listed = app
        .graphql(
            Some(&admin),
            "{ platformPushes(status: FAILED) { totalCount edges { node { id attempts lastError } } } }",
            json!({}),
        )
        .await;
    assert_eq!(listed["data"]["platformPushes"]["totalCount"], 1, "{listed}");
    let id = listed["data"]["platformPushes"]["edges"][0]["node"]["id"].as_str().unwrap().to_owned();
    let requeue = format!(
        "mutation {{ requeuePlatformPush(input: {{ id: \"{id}\" }}) {{ platformPush {{ status attempts }} }} }}"
    );
    let body = app.graphql(Some(&admin), &requeue, json!({})).await;
    assert_eq!(body["data"]["requeuePlatformPush"]["platformPush"]["status"], "PENDING", "{body}");
    assert_eq!(error_code(&app.graphql(Some(&admin), &requeue, json!({})).await), "INVALID_TRANSITION");
    assert_eq!(error_code(&app.graphql(Some(&office), &requeue, json!({})).await), "FORBIDDEN");
}

/// One gauge's value from `/metrics`.
async fn gauge(app: &TestApp, name: &str) -> f64 {
    let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in\n{text}"))
}

#[tokio::test]
async fn metrics_show_the_outbox_backlog_its_oldest_due_row_the_pool_and_the_sweep() {
    let app = spawn_app().await;
    assert_eq!(gauge(&app, "chengxin_outbox_backlog").await, 0.0);
    assert_eq!(gauge(&app, "chengxin_outbox_oldest_due_age_seconds").await, 0.0);
    let office = app.token_for("office").await;
    record_something(&app, &office, "一").await;
    record_something(&app, &office, "二").await;
    app.clock.advance(Duration::seconds(90));
    assert_eq!(gauge(&app, "chengxin_outbox_backlog").await, 2.0);
    let age = gauge(&app, "chengxin_outbox_oldest_due_age_seconds").await;
    assert!((90.0..120.0).contains(&age), "the oldest due row has waited about 90 s: {age}");
    assert!(gauge(&app, "chengxin_db_pool_connections").await >= 1.0);
    assert!(gauge(&app, "chengxin_db_pool_connections_in_use").await >= 0.0);
    assert_eq!(gauge(&app, "chengxin_sweep_runs_total").await, 0.0);
    let sweep = app.graphql(Some(&office), "mutation { runDeadlineSweep { recordsLifted } }", json!({})).await;
    assert!(sweep["errors"].is_null(), "{sweep}");
    assert_eq!(gauge(&app, "chengxin_sweep_runs_total").await, 1.0);
    assert_eq!(gauge(&app, "chengxin_sweep_findings").await, 0.0, "nothing was due");
    assert!(gauge(&app, "chengxin_sweep_duration_seconds").await > 0.0);
}
