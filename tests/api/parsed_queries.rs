//! Parsed documents are kept by query text (`http/parsed_queries.rs`): a kept document answers
//! each request by that request's own variables and operation, and the checks that follow
//! parsing still run every time.

use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app};

fn node_count(body: &Value) -> usize {
    body["data"]["units"]["edges"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_kept_document_answers_by_each_requests_variables_and_operation() {
    let app = spawn_app().await;
    let query = "query Few($n: Int) { units(first: $n) { edges { node { id } } } } query Me { me { anonymous } }";
    let few = |n: i64| json!({ "query": query, "operationName": "Few", "variables": { "n": n } });
    for n in [1, 3, 1, 2] {
        let body = app.post_json(None, &few(n)).await.json::<Value>().await.unwrap();
        assert_eq!(node_count(&body), n as usize, "{body}");
    }
    let me = app.post_json(None, &json!({ "query": query, "operationName": "Me" })).await;
    let me = me.json::<Value>().await.unwrap();
    assert_eq!(me["data"], json!({ "me": { "anonymous": true } }), "{me}");
}

#[tokio::test]
async fn checks_after_parsing_run_on_every_request() {
    let app = spawn_app().await;
    let too_many: String = (0..101).map(|n| format!("a{n}: __typename ")).collect();
    let broken = "{ units(first: 1) { edges { node { id } }";
    for _ in 0..3 {
        let refused = app.graphql(None, &format!("{{ {too_many} }}"), json!({})).await;
        assert_eq!(error_code(&refused), "GRAPHQL_VALIDATION_FAILED", "{refused}");
        let unparsed = app.graphql(None, broken, json!({})).await;
        assert_eq!(error_code(&unparsed), "GRAPHQL_VALIDATION_FAILED", "{unparsed}");
        assert!(unparsed["errors"][0]["message"].as_str().unwrap().contains("expected selection"), "{unparsed}");
    }
}
