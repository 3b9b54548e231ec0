use chengxin::graphql::ids::{global_id, NodeType};
use serde_json::json;

use crate::helpers::{error_code, insert_official, spawn_app};

const NODE: &str = r#"query($id: ID!) { node(id: $id) { id __typename ... on Unit { name } ... on Official { name } ... on PlanTask { code } } }"#;

#[tokio::test]
async fn node_resolves_each_type_through_the_policy() {
    let app = spawn_app().await;
    let unit = app.unit_id("县发改局").await;
    let body = app.graphql(None, NODE, json!({ "id": unit })).await;
    assert_eq!(body["data"]["node"]["__typename"], "Unit");
    assert_eq!(body["data"]["node"]["id"], unit.as_str());
    let task = global_id(NodeType::PlanTask, 1).0;
    let anonymous = app.graphql(None, NODE, json!({ "id": task })).await;
    assert!(
        anonymous.get("errors").is_none() && anonymous["data"]["node"].is_null(),
        "plan tasks are for signed-in viewers"
    );
    let token = app.token_for("office").await;
    let signed_in = app.graphql(Some(&token), NODE, json!({ "id": task })).await;
    assert_eq!(signed_in["data"]["node"]["code"], "1.1");
    let official = global_id(NodeType::Official, insert_official(&app, "龙浔镇", "王龙浔", 4).await).0;
    let clerk = app.token_for("xunzhong").await;
    for token in [Some(clerk.as_str()), None] {
        let body = app.graphql(token, NODE, json!({ "id": official })).await;
        assert!(body.get("errors").is_none() && body["data"]["node"].is_null(), "{body}");
    }
    assert_eq!(app.graphql(Some(&token), NODE, json!({ "id": official })).await["data"]["node"]["name"], "王龙浔");
}

#[tokio::test]
async fn node_with_a_malformed_or_unknown_id() {
    let app = spawn_app().await;
    assert_eq!(error_code(&app.graphql(None, NODE, json!({ "id": "%%%" })).await), "BAD_USER_INPUT");
    let unknown = global_id(NodeType::Unit, 424_242).0;
    let body = app.graphql(None, NODE, json!({ "id": unknown })).await;
    assert!(body.get("errors").is_none() && body["data"]["node"].is_null());
}
