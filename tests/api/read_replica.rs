//! A read replica (`DATABASE_READ_URL`, PostgreSQL): queries read it; writes, and the reads of a
//! viewer who has just written, go to the primary. Shown with replay paused on a real streaming
//! replica: a record written then is seen at once by its writer and by a request that asks for the
//! primary, and by nobody else until replay resumes, through the in-process server and through a
//! second `chengxin serve` process over the same pair.

use std::{
    process::Child,
    time::{Duration, Instant},
};

use chengxin::graphql::ids::{global_id, NodeType};
use sea_orm::Database;
use serde_json::{json, Value};

use crate::{
    helpers::{spawn_app_over, TestApp},
    replica_cluster::ReplicaPair,
    server_process::{create_record, free_port, start_server_with, wait_until_up},
};

/// Kills the second server when the test ends, however it ends.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Whether `node(id)` finds the record for this token on this server.
async fn sees(app: &TestApp, base: &str, token: &str, id: &str, ask_primary: bool) -> bool {
    let query = "query($id: ID!) { node(id: $id) { id } }";
    let mut request = app
        .client
        .post(format!("{base}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": { "id": id } }));
    if ask_primary {
        request = request.header("x-chengxin-read", "primary");
    }
    let body: Value = request.send().await.expect("send").json().await.expect("json");
    assert!(body["errors"].is_null(), "{body}");
    !body["data"]["node"].is_null()
}

/// Statements run on the read replica, from `/metrics`.
async fn replica_statements(app: &TestApp, base: &str) -> u64 {
    let text = app.client.get(format!("{base}/metrics")).send().await.expect("metrics").text().await.expect("text");
    text.lines()
        .find_map(|line| line.strip_prefix("chengxin_replica_sql_statements_total "))
        .and_then(|n| n.trim().parse().ok())
        .expect("the replica counter")
}

#[tokio::test]
async fn queries_read_the_replica_and_writes_and_the_writers_reads_go_to_the_primary() {
    if !std::env::var("TEST_DATABASE_URL").is_ok_and(|url| url.starts_with("postgres")) {
        return; // PostgreSQL only: SQLite has no replicas.
    }
    let Some(pair) = ReplicaPair::start("chengxin").await else { return };
    let (primary_url, replica_url) = (pair.url(pair.primary_port, "chengxin"), pair.url(pair.replica_port, "chengxin"));
    let app = spawn_app_over(&primary_url, |config| config.database_read_url = Some(replica_url.clone())).await;
    let replica = Database::connect(&replica_url).await.expect("connect to the replica");
    pair.wait_for_replay(&app.state.db, &replica).await;
    let port = free_port();
    let other = Process(start_server_with(&app, port, None, &[("DATABASE_READ_URL", replica_url.as_str())]));
    let other_base = format!("http://127.0.0.1:{port}");
    wait_until_up(&app.client, &other_base).await;
    let (office, leader) = (app.token_for("office").await, app.token_for("leader").await);
    let unit = app.unit_id("浔中镇").await;

    pair.pause_replay(&replica).await;
    let before = replica_statements(&app, &app.address).await;
    let row = create_record(&app.client, &app.address, &office, &unit, 1).await.expect("the write goes to the primary");
    let id = global_id(NodeType::CreditRecord, row).0;
    assert!(sees(&app, &app.address, &office, &id, false).await, "its writer reads its own write (the primary)");
    assert_eq!(replica_statements(&app, &app.address).await, before, "a writer's reads stay off the replica");
    assert!(!sees(&app, &app.address, &leader, &id, false).await, "another viewer reads the paused replica");
    assert!(replica_statements(&app, &app.address).await > before, "and its statements ran there");
    assert!(!sees(&app, &other_base, &leader, &id, false).await, "so does the second process");
    assert!(sees(&app, &app.address, &leader, &id, true).await, "x-chengxin-read: primary reads the primary");
    assert!(sees(&app, &other_base, &leader, &id, true).await, "on either process");

    pair.resume_replay(&replica).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !sees(&app, &other_base, &leader, &id, false).await {
        assert!(Instant::now() < deadline, "the record never reached the replica");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(sees(&app, &app.address, &leader, &id, false).await, "once replayed, every viewer sees it");
    drop(other);
}
