//! Record visibility on every path: lists, `node`, nested fields, counts, filters on ids.

use std::collections::BTreeSet;

use chengxin::graphql::ids::{global_id, NodeType};
use entity::enums::{Disclosure::*, RecordStatus};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, insert_record, spawn_app, RecordFixture, TestApp};

/// Two townships with records at every disclosure level, of the unit and of an official.
async fn two_townships(app: &TestApp) -> std::collections::HashMap<&'static str, i32> {
    let mut ids = std::collections::HashMap::new();
    for (town, serial) in [("浔中镇", 1), ("龙浔镇", 2)] {
        let official = insert_official(app, town, &format!("{town}干部"), serial).await;
        let titles: [(&'static str, &'static str); 5] = if town == "浔中镇" {
            [
                ("浔中镇公开", "P"),
                ("浔中镇共享", "S"),
                ("浔中镇限制", "R"),
                ("浔中镇官员限制", "OR"),
                ("浔中镇官员共享", "OS"),
            ]
        } else {
            [
                ("龙浔镇公开", "P"),
                ("龙浔镇共享", "S"),
                ("龙浔镇限制", "R"),
                ("龙浔镇官员限制", "OR"),
                ("龙浔镇官员共享", "OS"),
            ]
        };
        for (title, kind) in titles {
            let mut fixture = RecordFixture::new(town, title, Public);
            fixture.disclosure = match kind {
                "P" => Public,
                "S" | "OS" => Shared,
                _ => Restricted,
            };
            if kind.starts_with('O') {
                fixture.official = Some(official);
            }
            ids.insert(title, insert_record(app, fixture).await);
        }
    }
    let mut expired = RecordFixture::new("浔中镇", "浔中镇过期", Public);
    expired.days_ago = 400;
    ids.insert("浔中镇过期", insert_record(app, expired).await);
    let mut repaired = RecordFixture::new("浔中镇", "浔中镇已修复", Public);
    repaired.status = RecordStatus::Repaired;
    ids.insert("浔中镇已修复", insert_record(app, repaired).await);
    let mut finance = RecordFixture::new("县财政局", "财政局限制", Restricted);
    finance.recorded_by = "县财政局";
    ids.insert("财政局限制", insert_record(app, finance).await);
    ids
}

const LIST: &str = r#"query($filter: CreditRecordFilter) { creditRecords(first: 100, filter: $filter) { totalCount edges { node { title } } } }"#;

fn titles(body: &Value, root: &str) -> BTreeSet<String> {
    body["data"][root]["edges"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|e| e["node"]["title"].as_str().unwrap().to_owned())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

const ALL: [&str; 13] = [
    "浔中镇公开",
    "浔中镇共享",
    "浔中镇限制",
    "浔中镇官员限制",
    "浔中镇官员共享",
    "龙浔镇公开",
    "龙浔镇共享",
    "龙浔镇限制",
    "龙浔镇官员限制",
    "龙浔镇官员共享",
    "浔中镇过期",
    "浔中镇已修复",
    "财政局限制",
];

#[tokio::test]
async fn each_role_lists_exactly_the_records_the_design_allows() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let expectations: Vec<(&str, Option<String>, BTreeSet<String>)> = vec![
        ("admin", Some(app.token_for("admin").await), set(&ALL)),
        ("office", Some(app.token_for("office").await), set(&ALL)),
        ("leader", Some(app.token_for("leader").await), set(&ALL)),
        ("court", Some(app.token_for("court").await), set(&ALL).into_iter().filter(|t| t != "财政局限制").collect()),
        (
            "personnel",
            Some(app.token_for("personnel").await),
            set(&ALL).into_iter().filter(|t| !t.ends_with("镇限制") && t != "财政局限制").collect(),
        ),
        (
            "xunzhong clerk",
            Some(app.token_for("xunzhong").await),
            set(&[
                "浔中镇公开",
                "浔中镇共享",
                "浔中镇限制",
                "浔中镇官员限制",
                "浔中镇官员共享",
                "龙浔镇公开",
                "浔中镇过期",
                "浔中镇已修复",
            ]),
        ),
        (
            "evaluator",
            Some(app.evaluator_token()),
            set(&["浔中镇公开", "浔中镇共享", "龙浔镇公开", "龙浔镇共享", "浔中镇过期", "浔中镇已修复"]),
        ),
    ];
    for (who, token, expected) in expectations {
        let body = app.graphql(token.as_deref(), LIST, json!({})).await;
        assert_eq!(titles(&body, "creditRecords"), expected, "{who}");
        assert_eq!(body["data"]["creditRecords"]["totalCount"], expected.len(), "{who}: totalCount agrees");
    }
    let anonymous = app.graphql(None, LIST, json!({})).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}

#[tokio::test]
async fn the_public_portal_shows_only_open_public_unit_records() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let query =
        "{ publicRecords(first: 100) { totalCount edges { node { title unit { shortName } documentNumber } } } }";
    let body = app.graphql(None, query, json!({})).await;
    assert_eq!(titles(&body, "publicRecords"), set(&["浔中镇公开", "龙浔镇公开"]));
    let leaked =
        app.graphql(None, "{ publicRecords(first: 1) { edges { node { official { name } } } } }", json!({})).await;
    assert_eq!(error_code(&leaked), "GRAPHQL_VALIDATION_FAILED", "a public record has no official field");
}

#[tokio::test]
async fn a_clerk_learns_nothing_of_another_townships_restricted_records_on_any_path() {
    let app = spawn_app().await;
    let ids = two_townships(&app).await;
    let clerk = app.token_for("xunzhong").await;
    let longxun = app.unit_id("龙浔镇").await;
    // A filter on the other township's id.
    let filtered = app.graphql(Some(&clerk), LIST, json!({ "filter": { "unitId": longxun } })).await;
    assert_eq!(titles(&filtered, "creditRecords"), set(&["龙浔镇公开"]));
    // node(id) and creditRecord(id).
    for title in ["龙浔镇共享", "龙浔镇限制", "龙浔镇官员限制"] {
        let id = global_id(NodeType::CreditRecord, ids[title]).0;
        let node = app.graphql(Some(&clerk), "query($id: ID!) { node(id: $id) { id } }", json!({ "id": id })).await;
        assert!(node.get("errors").is_none() && node["data"]["node"].is_null(), "{title} via node: {node}");
        let direct =
            app.graphql(Some(&clerk), "query($id: ID!) { creditRecord(id: $id) { title } }", json!({ "id": id })).await;
        assert_eq!(error_code(&direct), "NOT_FOUND", "{title} via creditRecord: {direct}");
    }
    // Nested fields, totalCount and the stats.
    let nested = app
        .graphql(
            Some(&clerk),
            "query($id: ID!) { unit(id: $id) { creditRecords(first: 50) { totalCount edges { node { title } } } recordStats { general activeDishonesty } } }",
            json!({ "id": longxun }),
        )
        .await;
    let unit = &nested["data"]["unit"];
    assert_eq!(unit["creditRecords"]["totalCount"], 1);
    assert_eq!(unit["creditRecords"]["edges"][0]["node"]["title"], "龙浔镇公开");
    assert_eq!(unit["recordStats"]["activeDishonesty"], 1);
    // Its own township: everything.
    let own = app.unit_id("浔中镇").await;
    let mine = app
        .graphql(
            Some(&clerk),
            "query($id: ID!) { unit(id: $id) { creditRecords { totalCount } recordStats { general } } }",
            json!({ "id": own }),
        )
        .await;
    assert_eq!(mine["data"]["unit"]["creditRecords"]["totalCount"], 7);
    assert_eq!(mine["data"]["unit"]["recordStats"]["general"], 6, "active ones: all but the repaired record");
}

#[tokio::test]
async fn an_evaluator_counts_official_records_but_never_lists_them() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let evaluator = app.evaluator_token();
    let xunzhong = app.unit_id("浔中镇").await;
    let body = app
        .graphql(
            Some(&evaluator),
            "query($id: ID!) { unit(id: $id) { creditRecords { totalCount } recordStats { activeDishonesty } } }",
            json!({ "id": xunzhong }),
        )
        .await;
    let unit = &body["data"]["unit"];
    assert_eq!(unit["creditRecords"]["totalCount"], 4, "public and shared unit records, expired and repaired included");
    assert_eq!(unit["recordStats"]["activeDishonesty"], 4, "公开, 共享, 过期 and the official's shared record");
    let filtered = app.graphql(Some(&evaluator), LIST, json!({ "filter": { "subjectType": "OFFICIAL" } })).await;
    assert_eq!(filtered["data"]["creditRecords"]["totalCount"], 0);
}

#[tokio::test]
async fn record_filters_and_order() {
    let app = spawn_app().await;
    two_townships(&app).await;
    let admin = app.token_for("admin").await;
    let county = app.unit_id("县政府").await;
    let cases = [
        (json!({ "disclosure": "RESTRICTED" }), 5),
        (json!({ "subjectType": "OFFICIAL" }), 4),
        (json!({ "status": "REPAIRED" }), 1),
        (json!({ "unitId": county, "includeSubunits": true }), 13),
        (json!({ "titleContains": "官员" }), 4),
        (json!({ "severity": "SERIOUS" }), 0),
        (json!({ "category": "JUDICIAL_JUDGMENT", "polarity": "DISHONESTY", "sector": "GENERAL" }), 13),
    ];
    for (filter, expected) in cases {
        let body = app.graphql(Some(&admin), LIST, json!({ "filter": filter })).await;
        assert_eq!(body["data"]["creditRecords"]["totalCount"], expected, "{filter}");
    }
    let today = chrono::Utc::now().date_naive();
    let recent = app
        .graphql(
            Some(&admin),
            LIST,
            json!({ "filter": { "decidedFrom": (today - chrono::Duration::days(30)).to_string() } }),
        )
        .await;
    assert_eq!(recent["data"]["creditRecords"]["totalCount"], 12);
    let oldest_first = app
        .graphql(
            Some(&admin),
            "{ creditRecords(first: 1, orderBy: { field: DECIDED_ON, direction: ASC }) { edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert_eq!(oldest_first["data"]["creditRecords"]["edges"][0]["node"]["title"], "浔中镇过期");
    let bad = app.graphql(Some(&admin), LIST, json!({ "filter": { "decidedFrom": "2026-13-01" } })).await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
    assert_eq!(bad["errors"][0]["extensions"]["field"], "filter.decidedFrom");
    assert!(bad["data"].is_null(), "no rows with a bad filter: {bad}");
}
