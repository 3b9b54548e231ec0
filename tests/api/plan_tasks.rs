use serde_json::json;

use crate::helpers::{error_code, spawn_app};

const TASKS: &str = r#"query($filter: PlanTaskFilter, $first: Int) {
  planTasks(filter: $filter, first: $first) { totalCount edges { node { id code section title leadUnits { shortName } } } }
}"#;

#[tokio::test]
async fn the_plan_has_23_tasks_in_order_with_lead_units() {
    let app = spawn_app().await;
    let token = app.token_for("leader").await;
    let body = app.graphql(Some(&token), TASKS, json!({ "first": 50 })).await;
    let tasks = &body["data"]["planTasks"];
    assert_eq!(tasks["totalCount"], 23);
    let codes: Vec<&str> =
        tasks["edges"].as_array().unwrap().iter().map(|e| e["node"]["code"].as_str().unwrap()).collect();
    assert_eq!(codes[2], "2.1.1");
    assert_eq!(codes[22], "4.4");
    let personnel_task = tasks["edges"].as_array().unwrap().iter().find(|e| e["node"]["code"] == "2.2.3").unwrap();
    let leads: Vec<&str> = personnel_task["node"]["leadUnits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["shortName"].as_str().unwrap())
        .collect();
    assert_eq!(leads, vec!["县人社局", "县委组织部"]);
}

#[tokio::test]
async fn plan_tasks_filter_by_lead_unit_section_and_code() {
    let app = spawn_app().await;
    let token = app.token_for("office").await;
    let court = app.unit_id("县人民法院").await;
    let body = app.graphql(Some(&token), TASKS, json!({ "filter": { "leadUnitId": court } })).await;
    let codes: Vec<&str> = body["data"]["planTasks"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["2.2.2", "2.3.1", "2.3.2", "4.4"]);
    let sectors = app.graphql(Some(&token), TASKS, json!({ "filter": { "section": "KEY_SECTOR" } })).await;
    assert_eq!(sectors["data"]["planTasks"]["totalCount"], 6);
    let prefix = app.graphql(Some(&token), TASKS, json!({ "filter": { "codePrefix": "2.3" } })).await;
    assert_eq!(prefix["data"]["planTasks"]["totalCount"], 3);
}

#[tokio::test]
async fn plan_tasks_need_a_signed_in_viewer() {
    let app = spawn_app().await;
    let body = app.graphql(None, TASKS, json!({})).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
}
