use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app};

const PAGE: &str = r#"query($first: Int, $after: String, $last: Int, $before: String, $filter: UnitFilter, $orderBy: UnitOrder) {
  units(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name shortName kind divisionCode } }
  }
}"#;

fn names(body: &Value) -> Vec<String> {
    body["data"]["units"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn anonymous_callers_list_units_filtered_by_kind() {
    let app = spawn_app().await;
    let body = app.graphql(None, PAGE, json!({ "first": 100, "filter": { "kind": "TOWNSHIP" } })).await;
    assert_eq!(body["data"]["units"]["totalCount"], 18);
    let got = names(&body);
    assert_eq!(got.len(), 18);
    assert!(got.iter().all(|n| n.ends_with("人民政府")));
}

#[tokio::test]
async fn units_filter_by_parent_subtree_name_and_division_code() {
    let app = spawn_app().await;
    let xunzhong = app.unit_id("浔中镇").await;
    let children = app.graphql(None, PAGE, json!({ "first": 100, "filter": { "parentId": xunzhong } })).await;
    let child_names = names(&children);
    assert!(!child_names.is_empty());
    assert!(child_names.iter().all(|n| n.starts_with("浔中镇")), "{child_names:?}");
    let within = app.graphql(None, PAGE, json!({ "first": 100, "filter": { "withinId": xunzhong } })).await;
    assert_eq!(
        within["data"]["units"]["totalCount"],
        child_names.len() + 1,
        "the subtree is the unit and its children"
    );
    let by_code = app.graphql(None, PAGE, json!({ "filter": { "divisionCode": "350526204" } })).await;
    assert_eq!(names(&by_code), vec!["德化县桂阳乡人民政府"]);
    let by_name = app.graphql(None, PAGE, json!({ "first": 100, "filter": { "nameContains": "法院" } })).await;
    assert_eq!(names(&by_name), vec!["德化县人民法院"]);
    let literal = app.graphql(None, PAGE, json!({ "filter": { "nameContains": "%" } })).await;
    assert_eq!(literal["data"]["units"]["totalCount"], 0, "% is matched literally");
    let inactive = app.graphql(None, PAGE, json!({ "filter": { "active": false } })).await;
    assert_eq!(inactive["data"]["units"]["totalCount"], 0);
}

#[tokio::test]
async fn units_page_forward_and_backward_without_gaps_or_overlaps() {
    let app = spawn_app().await;
    let all = app.graphql(None, PAGE, json!({ "first": 100, "filter": { "kind": "DEPARTMENT" } })).await;
    let everything = names(&all);
    let total = everything.len();
    assert!(total > 25);
    let mut forward = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let body =
            app.graphql(None, PAGE, json!({ "first": 7, "after": after, "filter": { "kind": "DEPARTMENT" } })).await;
        forward.extend(names(&body));
        let info = &body["data"]["units"]["pageInfo"];
        assert_eq!(info["hasPreviousPage"], after.is_some());
        if !info["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = info["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(forward, everything);
    let mut backward = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let body =
            app.graphql(None, PAGE, json!({ "last": 7, "before": before, "filter": { "kind": "DEPARTMENT" } })).await;
        let mut page = names(&body);
        page.extend(backward);
        backward = page;
        let info = &body["data"]["units"]["pageInfo"];
        if !info["hasPreviousPage"].as_bool().unwrap() {
            break;
        }
        before = info["startCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(backward, everything);
}

#[tokio::test]
async fn units_sort_by_division_code_descending() {
    let app = spawn_app().await;
    let body = app
        .graphql(None, PAGE, json!({ "first": 3, "filter": { "kind": "TOWNSHIP" }, "orderBy": { "field": "DIVISION_CODE", "direction": "DESC" } }))
        .await;
    let codes: Vec<&str> = body["data"]["units"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["divisionCode"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["350526209", "350526208", "350526206"]);
}

#[tokio::test]
async fn bad_paging_input_is_bad_user_input_with_its_field() {
    let app = spawn_app().await;
    let too_many = app.graphql(None, PAGE, json!({ "first": 101 })).await;
    assert_eq!(error_code(&too_many), "BAD_USER_INPUT");
    assert_eq!(too_many["errors"][0]["extensions"]["field"], "first");
    let negative = app.graphql(None, PAGE, json!({ "last": -1 })).await;
    assert_eq!(negative["errors"][0]["extensions"]["field"], "last");
    let cursor = app.graphql(None, PAGE, json!({ "after": "not-a-cursor" })).await;
    assert_eq!(error_code(&cursor), "BAD_USER_INPUT");
    assert_eq!(cursor["errors"][0]["extensions"]["field"], "after");
    let wrong_id = app.graphql(None, PAGE, json!({ "filter": { "parentId": "garbage" } })).await;
    assert_eq!(wrong_id["errors"][0]["extensions"]["field"], "filter.parentId");
}

#[tokio::test]
async fn unit_by_id_with_parent_and_children() {
    let app = spawn_app().await;
    let id = app.unit_id("浔中镇").await;
    let query =
        "query($id: ID!) { unit(id: $id) { name kind divisionCode uscc parent { name kind } children { name kind } } }";
    let body = app.graphql(None, query, json!({ "id": id })).await;
    let unit = &body["data"]["unit"];
    assert_eq!(unit["name"], "德化县浔中镇人民政府");
    assert_eq!(unit["parent"]["kind"], "COUNTY_GOVERNMENT");
    assert!(unit["children"].as_array().unwrap().len() >= 3);
    let missing = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Unit, 999_999).0;
    let body = app.graphql(None, query, json!({ "id": missing })).await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    let body = app.graphql(None, query, json!({ "id": "bm90LWFuLWlk" })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

#[tokio::test]
async fn units_by_uscc_check_the_code_first() {
    let app = spawn_app().await;
    let county = app.graphql(None, PAGE, json!({ "filter": { "uscc": "1135052600363712XH" } })).await;
    assert_eq!(names(&county), vec!["德化县人民政府"]);
    let unknown = app.graphql(None, PAGE, json!({ "filter": { "uscc": "91350526MA2Y8K3D5X" } })).await;
    assert_eq!(unknown["data"]["units"]["totalCount"], 0, "a valid code of no unit matches nothing");
    for malformed in ["1135052600363712XJ", "113505260036371", "11350526003637I2XH"] {
        let body = app.graphql(None, PAGE, json!({ "filter": { "uscc": malformed } })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{malformed}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "filter.uscc");
    }
}
