//! Issue 11 item 11: Apollo's automatic persisted queries — a hash alone is answered
//! `PERSISTED_QUERY_NOT_FOUND` until the client sends the query once with it; then the hash
//! works, over POST and GET. A wrong hash is refused; a persisted mutation does not run over GET.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::helpers::{error_code, spawn_app};

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

/// `GET /graphql?extensions=…` with the hash alone.
async fn get_by_hash(app: &crate::helpers::TestApp, hash: &str) -> reqwest::Response {
    let extensions = persisted(hash).to_string();
    let url = format!("{}/graphql", app.address);
    app.client.get(url).query(&[("extensions", extensions.as_str())]).send().await.unwrap()
}

#[tokio::test]
async fn a_hash_works_once_its_query_was_sent() {
    let app = spawn_app().await;
    let query = "{ units(first: 2) { totalCount } }";
    let hash = hex::encode(Sha256::digest(query.as_bytes()));
    let app = &app;
    let post = |body: Value| async move { app.post_json(None, &body).await.json::<Value>().await.unwrap() };
    let unknown = post(json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(error_code(&unknown), "PERSISTED_QUERY_NOT_FOUND", "{unknown}");
    assert_eq!(unknown["errors"][0]["message"], "PersistedQueryNotFound");
    let sent = post(json!({ "query": query, "extensions": persisted(&hash) })).await;
    assert!(sent["data"]["units"]["totalCount"].as_u64() > Some(0), "{sent}");
    let by_hash = post(json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(by_hash["data"], sent["data"], "{by_hash}");
    let by_get = get_by_hash(app, &hash).await.json::<Value>().await.unwrap();
    assert_eq!(by_get["data"], sent["data"], "{by_get}");
    let wrong = post(json!({ "query": "{ me { anonymous } }", "extensions": persisted(&hash) })).await;
    assert_eq!(error_code(&wrong), "BAD_REQUEST", "{wrong}");
    assert_eq!(post(json!({ "extensions": persisted(&hash) })).await["data"], sent["data"], "the stored query stays");
}

#[tokio::test]
async fn a_persisted_mutation_does_not_run_over_get() {
    let app = spawn_app().await;
    let mutation = r#"mutation { login(input: { username: "admin", password: "wrong" }) { token } }"#;
    let hash = hex::encode(Sha256::digest(mutation.as_bytes()));
    let sent = app.post_json(None, &json!({ "query": mutation, "extensions": persisted(&hash) })).await;
    assert_eq!(sent.status(), 200);
    let by_get = get_by_hash(&app, &hash).await;
    assert_eq!(by_get.status(), 405);
}
