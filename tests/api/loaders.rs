//! Nested fields go through per-request loaders: a page of 10 units and a page of 100 cost the
//! same, small number of SQL statements (read from the `/metrics` counter).

use serde_json::json;

use crate::helpers::{spawn_demo_app, TestApp};

const NESTED: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name parent { name } children { name } officials(first: 3) { totalCount edges { node { name unit { name } } } } } }
  }
}"#;

const STATS: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name recordStats { minor general serious commendations rectifying } } }
  }
}"#;

const RECORDS: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name creditRecords(first: 2) { totalCount edges { node { title official { name } recordedBy { name } } } } } }
  }
}"#;

async fn statements_for(app: &TestApp, token: &str, first: usize) -> (u64, serde_json::Value) {
    statements_of(app, token, NESTED, first).await
}

async fn statements_of(app: &TestApp, token: &str, query: &str, first: usize) -> (u64, serde_json::Value) {
    // Warm the token's session check (cached for a second), so only the query's statements count.
    app.graphql(Some(token), "{ me { role } }", json!({})).await;
    let before = app.sql_statements().await;
    let body = app.graphql(Some(token), query, json!({ "first": first })).await;
    assert!(body.get("errors").is_none(), "{body}");
    (app.sql_statements().await - before, body)
}

// Two workers: the server's batches run on other threads while resolvers still add keys.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_units_cost_the_same_statements_for_10_and_100_units() {
    let app = spawn_demo_app().await;
    let token = app.token_for("leader").await;
    let (ten, _) = statements_for(&app, &token, 10).await;
    let (hundred, body) = statements_for(&app, &token, 100).await;
    println!("statements: 10 units → {ten}, 100 units → {hundred}");
    assert_eq!(ten, hundred);
    assert!(hundred <= 6, "{hundred} statements");
    let edges = body["data"]["units"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 100);
    let with_officials = edges.iter().filter(|e| e["node"]["officials"]["totalCount"].as_u64().unwrap() > 0).count();
    assert!(with_officials > 10, "the demo seed placed officials across units");
    for edge in edges {
        let shown = edge["node"]["officials"]["edges"].as_array().unwrap().len() as u64;
        let total = edge["node"]["officials"]["totalCount"].as_u64().unwrap();
        assert_eq!(shown, total.min(3));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn record_stats_cost_the_same_for_10_and_100_units_for_every_scope() {
    let app = spawn_demo_app().await;
    for who in ["leader", "xunzhong", "court"] {
        let token = app.token_for(who).await;
        let (ten, _) = statements_of(&app, &token, STATS, 10).await;
        let (hundred, body) = statements_of(&app, &token, STATS, 100).await;
        println!("recordStats as {who}: 10 units → {ten}, 100 units → {hundred}");
        assert_eq!(ten, hundred, "{who}");
        assert!(body["data"]["units"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["node"]["recordStats"]["general"].as_u64().unwrap() > 0));
    }
}

/// Nested records with their officials: the number of statements has a small bound whatever the
/// number of units (a level that no row needs costs nothing, so it can be lower).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_records_cost_a_bounded_number_of_statements() {
    let app = spawn_demo_app().await;
    for who in ["leader", "xunzhong"] {
        let token = app.token_for(who).await;
        let (hundred, body) = statements_of(&app, &token, RECORDS, 100).await;
        println!("records as {who}: 100 units → {hundred}");
        assert!(hundred <= 7, "{who}: {hundred}");
        let edges = body["data"]["units"]["edges"].as_array().unwrap();
        let with_records =
            edges.iter().filter(|e| e["node"]["creditRecords"]["totalCount"].as_u64().unwrap() > 0).count();
        assert!(with_records > 10, "{who}: the demo seed placed records across units");
    }
}
