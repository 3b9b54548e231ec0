//! The HTTP surface refuses what async-graphql-axum's default service would accept.

use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app};

#[tokio::test]
async fn only_json_bodies_are_accepted() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let body = r#"{"query":"{ me { anonymous } }"}"#;
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""] {
        let mut request = app.client.post(&url).body(body);
        if !content_type.is_empty() {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 415, "{content_type}");
    }
    let ok = app
        .client
        .post(&url)
        .header("content-type", "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
}

#[tokio::test]
async fn a_mutation_over_get_is_refused_and_runs_nothing() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let mutation = r#"mutation { login(input: { username: "admin", password: "x" }) { token } }"#;
    let operations_before = metric(&app, "chengxin_graphql_operations_total").await;
    let response = app.client.get(&url).query(&[("query", mutation)]).send().await.unwrap();
    assert_eq!(response.status(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "BAD_REQUEST");
    assert!(body.get("data").is_none());
    assert_eq!(metric(&app, "chengxin_graphql_operations_total").await, operations_before, "nothing executed");
    let query = app.client.get(&url).query(&[("query", "{ me { anonymous } }")]).send().await.unwrap();
    assert_eq!(query.status(), 200);
    let body: Value = query.json().await.unwrap();
    assert_eq!(body["data"]["me"]["anonymous"], true);
    let graphiql = app.client.get(&url).send().await.unwrap();
    assert!(graphiql.text().await.unwrap().contains("graphiql"));
}

async fn metric(app: &crate::helpers::TestApp, name: &str) -> u64 {
    let text = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    text.lines().find_map(|l| l.strip_prefix(&format!("{name} "))).and_then(|n| n.trim().parse().ok()).unwrap()
}

#[tokio::test]
async fn batches_hold_at_most_ten_operations() {
    let app = spawn_app().await;
    let one = json!({ "query": "{ me { anonymous } }" });
    let ten = Value::Array(vec![one.clone(); 10]);
    let response = app.post_json(None, &ten).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap().as_array().unwrap().len(), 10);
    let eleven = Value::Array(vec![one; 11]);
    let response = app.post_json(None, &eleven).await;
    assert_eq!(response.status(), 400);
    assert_eq!(error_code(&response.json::<Value>().await.unwrap()), "BAD_REQUEST");
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_refused() {
    let app = spawn_app().await;
    let padding = " ".repeat(1024 * 1024 + 10);
    let response = app.post_json(None, &json!({ "query": format!("{{ me {{ anonymous }} }}{padding}") })).await;
    assert_eq!(response.status(), 413);
}

fn assert_refused(body: &Value) {
    assert!(body["data"].is_null(), "{body}");
    assert_eq!(error_code(body), "GRAPHQL_VALIDATION_FAILED", "{body}");
}

#[tokio::test]
async fn deep_queries_are_refused() {
    let app = spawn_app().await;
    let mut query = String::from("name");
    for _ in 0..15 {
        query = format!("parent {{ {query} }}");
    }
    let body =
        app.graphql(None, &format!("{{ units(first: 1) {{ edges {{ node {{ {query} }} }} }} }}"), json!({})).await;
    assert_refused(&body);
}

#[tokio::test]
async fn aliases_and_repeated_fields_count() {
    let app = spawn_app().await;
    let aliases: String = (0..101).map(|n| format!("a{n}: __typename ")).collect();
    assert_refused(&app.graphql(None, &format!("{{ {aliases} }}"), json!({})).await);
    let repeated = "anonymous ".repeat(500);
    assert_refused(&app.graphql(None, &format!("{{ me {{ {repeated} }} }}"), json!({})).await);
    let fragment_bomb = format!(
        "{{ ...A }} fragment A on Query {{ me {{ ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B }} }} fragment B on Viewer {{ {} }}",
        "anonymous ".repeat(40)
    );
    assert_refused(&app.graphql(None, &fragment_bomb, json!({})).await);
    let fine: String = (0..20).map(|n| format!("a{n}: __typename ")).collect();
    let body = app.graphql(None, &format!("{{ {fine} }}"), json!({})).await;
    assert_eq!(body["data"]["a19"], "Query");
}

#[tokio::test]
async fn suggestions_and_introspection_are_off_for_anonymous_callers() {
    let app = spawn_app().await;
    let anonymous = app.graphql(None, "{ unitz { totalCount } }", json!({})).await;
    let message = anonymous["errors"][0]["message"].as_str().unwrap();
    assert!(!message.contains("Did you mean"), "{message}");
    let token = app.token_for("office").await;
    let signed_in = app.graphql(Some(&token), "{ unitz { totalCount } }", json!({})).await;
    assert!(signed_in["errors"][0]["message"].as_str().unwrap().contains("Did you mean"), "{signed_in}");
    let introspection = "{ __schema { queryType { name } } }";
    let hidden = app.graphql(None, introspection, json!({})).await;
    // async-graphql answers a disabled introspection with a null `__schema` and no error.
    assert_eq!(hidden, json!({ "data": { "__schema": null } }), "{hidden}");
    let shown = app.graphql(Some(&token), introspection, json!({})).await;
    assert_eq!(shown["data"]["__schema"]["queryType"]["name"], "Query");
}

#[tokio::test]
async fn internal_errors_never_show_sql() {
    let app = spawn_app().await;
    // Break the database under the running server: every statement now fails.
    use sea_orm::ConnectionTrait;
    let token = app.token_for("admin").await;
    app.state.db.execute_unprepared("DROP TABLE plan_task_lead_unit").await.unwrap();
    let body =
        app.graphql(Some(&token), "{ planTasks(first: 1) { edges { node { leadUnits { name } } } } }", json!({})).await;
    let text = body.to_string();
    assert_eq!(error_code(&body), "INTERNAL", "{text}");
    assert!(!text.to_lowercase().contains("select"), "{text}");
    assert!(!text.contains("plan_task_lead_unit"), "{text}");
}
