//! Two API processes over one database, as behind a load balancer: a token issued by one works on
//! the other and its revocation on one is seen by the other within the store's one-second cache;
//! login failures count across both; and the outbox, which both deliver, reaches the platform
//! once per record version.

use std::{
    collections::HashMap,
    process::Child,
    time::{Duration, Instant},
};

use entity::{enums::PushStatus, platform_push};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{spawn_app, TestApp, TEST_PASSWORD},
    server_process::{create_record, free_port, platform_receiver, start_server, wait_until_up},
};

/// Two servers, killed when dropped.
struct Pair {
    bases: [String; 2],
    processes: Vec<Child>,
}

impl Drop for Pair {
    fn drop(&mut self) {
        for process in &mut self.processes {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

async fn two_servers(app: &TestApp, client: &reqwest::Client, platform_url: Option<&str>) -> Pair {
    let ports = [free_port(), free_port()];
    let processes = ports.iter().map(|port| start_server(app, *port, platform_url)).collect();
    let bases = ports.map(|port| format!("http://127.0.0.1:{port}"));
    let pair = Pair { bases, processes };
    for base in &pair.bases {
        wait_until_up(client, base).await;
    }
    pair
}

async fn post(client: &reqwest::Client, base: &str, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request = client.post(format!("{base}/graphql")).json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("send").json().await.expect("json")
}

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }";

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn tokens_and_login_limits_hold_across_two_processes() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let pair = two_servers(&app, &client, None).await;
    let [a, b] = &pair.bases;

    // A login on one process is a session on both; logging out on the other ends it on both.
    let login = post(&client, a, None, LOGIN, json!({ "u": "office", "p": TEST_PASSWORD })).await;
    let token = login["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("{login}")).to_owned();
    let me = "{ me { role } }";
    assert_eq!(post(&client, b, Some(&token), me, json!({})).await["data"]["me"]["role"], "CREDIT_OFFICE");
    let logout = post(&client, b, Some(&token), "mutation { logout { loggedOut } }", json!({})).await;
    assert!(logout["errors"].is_null(), "{logout}");
    let deadline = Instant::now() + Duration::from_secs(3);
    let refused = loop {
        let answer = client.post(format!("{a}/graphql")).bearer_auth(&token).json(&json!({ "query": me })).send();
        let status = answer.await.unwrap().status();
        if status == 401 || Instant::now() > deadline {
            break status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(refused, 401, "the other process refuses the ended session within its cache's second");

    // Five failures for a username lock it, wherever they were made.
    for (n, base) in [a, b, a, b, b].into_iter().enumerate() {
        let failed = post(&client, base, None, LOGIN, json!({ "u": "court", "p": format!("wrong {n}") })).await;
        assert_eq!(code(&failed), "UNAUTHENTICATED", "{failed}");
    }
    for base in [a, b] {
        let locked = post(&client, base, None, LOGIN, json!({ "u": "court", "p": TEST_PASSWORD })).await;
        assert_eq!(code(&locked), "RATE_LIMITED", "{locked}");
    }
}

#[tokio::test]
async fn both_processes_deliver_the_outbox_once_per_record_version() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let (url, received) = platform_receiver().await;
    let pair = two_servers(&app, &client, Some(&url)).await;
    let token = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let mut created = 0;
    for n in 0..20 {
        let base = &pair.bases[n % 2];
        create_record(&client, base, &token, &unit, n).await.unwrap_or_else(|| panic!("record {n} on {base}"));
        created += 1;
    }
    let pending = || {
        platform_push::Entity::find().filter(platform_push::Column::Status.ne(PushStatus::Sent)).count(&app.state.db)
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while pending().await.unwrap() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(pending().await.unwrap(), 0, "both processes together delivered the outbox");
    let received = received.lock().unwrap().clone();
    let mut times: HashMap<&String, usize> = HashMap::new();
    for key in &received {
        *times.entry(key).or_default() += 1;
    }
    assert_eq!(times.len(), created, "every record version arrived");
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "no version was delivered twice: {twice:?}");
}
