use chengxin::graphql::ids::{global_id, NodeType};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, spawn_app, TestApp};

const LIST: &str = r#"query($filter: OfficialFilter, $orderBy: OfficialOrder, $first: Int, $last: Int) {
  officials(filter: $filter, orderBy: $orderBy, first: $first, last: $last) {
    totalCount edges { node { id name idNumber phone category status unit { shortName } } }
  }
}"#;

async fn two_townships(app: &TestApp) {
    insert_official(app, "浔中镇", "陈浔中", 1).await;
    insert_official(app, "浔中镇", "林浔中", 2).await;
    let village = app.graphql(None, "{ units(first: 1, filter: { nameContains: \"浔中镇\", kind: VILLAGE_COMMITTEE }) { edges { node { shortName } } } }", json!({})).await;
    let village = village["data"]["units"]["edges"][0]["node"]["shortName"].as_str().unwrap().to_owned();
    insert_official(app, &village, "黄村官", 3).await;
    insert_official(app, "龙浔镇", "王龙浔", 4).await;
    insert_official(app, "县财政局", "郑财政", 5).await;
}

fn names(body: &Value) -> Vec<String> {
    let mut names: Vec<String> = body["data"]["officials"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn personnel_sees_identifiers_whole_and_leaders_see_them_masked() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let personnel = app.token_for("personnel").await;
    let body = app.graphql(Some(&personnel), LIST, json!({ "filter": { "nameContains": "财政" } })).await;
    let node = &body["data"]["officials"]["edges"][0]["node"];
    let whole = chengxin::seed::synthetic::id_number_for(5);
    assert_eq!(node["idNumber"], whole.as_str());
    assert_eq!(node["phone"], "13859001234");
    let leader = app.token_for("leader").await;
    let body = app.graphql(Some(&leader), LIST, json!({ "filter": { "nameContains": "财政" } })).await;
    let node = &body["data"]["officials"]["edges"][0]["node"];
    assert_eq!(node["idNumber"], format!("{}********{}", &whole[..6], &whole[14..]));
    assert_eq!(node["phone"], "138****1234");
}

#[tokio::test]
async fn a_unit_clerk_sees_only_its_subtree() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let clerk = app.token_for("xunzhong").await;
    let body = app.graphql(Some(&clerk), LIST, json!({ "first": 100 })).await;
    assert_eq!(names(&body), vec!["林浔中", "陈浔中", "黄村官"]);
    assert_eq!(body["data"]["officials"]["totalCount"], 3);
    let longxun = app.unit_id("龙浔镇").await;
    let body = app.graphql(Some(&clerk), LIST, json!({ "filter": { "unitId": longxun } })).await;
    assert_eq!(body["data"]["officials"]["totalCount"], 0, "filtering on another township's id reveals nothing");
}

#[tokio::test]
async fn officials_filter_by_unit_with_or_without_subunits() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let admin = app.token_for("admin").await;
    let xunzhong = app.unit_id("浔中镇").await;
    let own = app.graphql(Some(&admin), LIST, json!({ "filter": { "unitId": xunzhong } })).await;
    assert_eq!(names(&own), vec!["林浔中", "陈浔中"]);
    let subtree =
        app.graphql(Some(&admin), LIST, json!({ "filter": { "unitId": xunzhong, "includeSubunits": true } })).await;
    assert_eq!(subtree["data"]["officials"]["totalCount"], 3);
    let county = app.unit_id("县政府").await;
    let everyone =
        app.graphql(Some(&admin), LIST, json!({ "filter": { "unitId": county, "includeSubunits": true } })).await;
    assert_eq!(everyone["data"]["officials"]["totalCount"], 5);
    let status = app.graphql(Some(&admin), LIST, json!({ "filter": { "status": "RETIRED" } })).await;
    assert_eq!(status["data"]["officials"]["totalCount"], 0);
    let category = app.graphql(Some(&admin), LIST, json!({ "filter": { "category": "CIVIL_SERVANT" } })).await;
    assert_eq!(category["data"]["officials"]["totalCount"], 5);
    let last_two = app.graphql(Some(&admin), LIST, json!({ "last": 2, "orderBy": { "field": "ID" } })).await;
    assert_eq!(names(&last_two), vec!["王龙浔", "郑财政"]);
}

#[tokio::test]
async fn evaluators_and_the_public_cannot_list_officials() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let evaluator = app.evaluator_token();
    assert_eq!(error_code(&app.graphql(Some(&evaluator), LIST, json!({})).await), "FORBIDDEN");
    assert_eq!(error_code(&app.graphql(None, LIST, json!({})).await), "UNAUTHENTICATED");
}

#[tokio::test]
async fn official_by_id_follows_the_same_scope() {
    let app = spawn_app().await;
    let outside = insert_official(&app, "龙浔镇", "王龙浔", 4).await;
    let inside = insert_official(&app, "浔中镇", "陈浔中", 1).await;
    let clerk = app.token_for("xunzhong").await;
    let query = "query($id: ID!) { official(id: $id) { name unit { shortName } } }";
    let seen = app.graphql(Some(&clerk), query, json!({ "id": global_id(NodeType::Official, inside).0 })).await;
    assert_eq!(seen["data"]["official"]["name"], "陈浔中");
    let hidden = app.graphql(Some(&clerk), query, json!({ "id": global_id(NodeType::Official, outside).0 })).await;
    assert_eq!(error_code(&hidden), "NOT_FOUND");
}
