//! Issue 10, item 1: publication ends by repair, revocation, removal or the end of the window —
//! not by rectification. A rectified record stays on the portal marked 已整改; an open objection
//! shows 异议处理中.

use chengxin::clock::Clock;
use chrono::{Duration, Months};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE: &str =
    r#"mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id version } } }"#;
const PORTAL: &str =
    r#"{ publicRecords(first: 100) { edges { node { creditRecordId status statusLabel objectionPending } } } }"#;

/// A GENERAL, PUBLIC judgment against 浔中镇 decided `days_ago`, entered by the credit office.
async fn published_record(app: &TestApp, office: &str, days_ago: i64) -> String {
    let decided = (app.clock.today() - Duration::days(days_ago)).to_string();
    let input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY", "category": "JUDICIAL_JUDGMENT",
        "severity": "GENERAL", "disclosure": "PUBLIC", "title": "拒不支付工程款", "facts": "经判决仍未支付",
        "documentNumber": "（2026）闽0526民初88号", "decidingAuthority": "德化县人民法院",
        "occurredOn": decided, "decidedOn": decided });
    let body = app.graphql(Some(office), CREATE, json!({ "i": input })).await;
    body["data"]["createCreditRecord"]["record"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

/// The record as the public portal shows it, if it does.
async fn on_portal(app: &TestApp, id: &str) -> Option<Value> {
    let body = app.graphql(None, PORTAL, json!({})).await;
    let edges = body["data"]["publicRecords"]["edges"].as_array().unwrap_or_else(|| panic!("{body}")).clone();
    edges.into_iter().map(|e| e["node"].clone()).find(|n| n["creditRecordId"] == id)
}

async fn mutate(app: &TestApp, token: &str, query: &str, input: Value) -> Value {
    let body = app.graphql(Some(token), query, json!({ "i": input })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"].clone()
}

#[tokio::test]
async fn a_rectified_record_stays_published_until_the_day_its_repair_is_approved() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let decided = app.clock.today() - Duration::days(28);
    let id = published_record(&app, &office, 28).await;
    let deadline = (app.clock.today() + Duration::days(30)).to_string();
    let open = r#"mutation($i: OpenRectificationInput!) { openRectification(input: $i) { rectification { id } } }"#;
    let opened = mutate(&app, &office, open, json!({ "recordId": id, "recordVersion": 1, "deadline": deadline })).await;
    let rectification = opened["openRectification"]["rectification"]["id"].as_str().unwrap().to_owned();
    assert_eq!(on_portal(&app, &id).await.unwrap()["statusLabel"], "整改中");
    let submit =
        r#"mutation($i: SubmitRectificationInput!) { submitRectification(input: $i) { rectification { version } } }"#;
    mutate(
        &app,
        &clerk,
        submit,
        json!({ "id": rectification, "version": 1, "cause": "资金未到位", "plan": "筹措资金",
        "completion": "已全额支付" }),
    )
    .await;
    let review = r#"mutation($i: ReviewRectificationInput!) { reviewRectification(input: $i) { record { status } } }"#;
    let accepted =
        mutate(&app, &office, review, json!({ "id": rectification, "version": 2, "verdict": "ACCEPT" })).await;
    assert_eq!(accepted["reviewRectification"]["record"]["status"], "RECTIFIED");
    let shown = on_portal(&app, &id).await.expect("a rectified record stays published");
    assert_eq!((shown["status"].as_str(), shown["statusLabel"].as_str()), (Some("RECTIFIED"), Some("已整改")));

    // Repair: a GENERAL record from three months after its decision.
    let eligible = decided.checked_add_months(Months::new(3)).unwrap();
    let apply =
        r#"mutation($i: ApplyForRepairInput!) { applyForRepair(input: $i) { repairApplication { id version } } }"#;
    let early =
        app.graphql(Some(&clerk), apply, json!({ "i": { "recordId": id, "measures": "已履行并公开承诺" } })).await;
    assert_eq!(error_code(&early), "INVALID_TRANSITION", "{early}");
    assert_eq!(early["errors"][0]["extensions"]["eligibleFrom"], eligible.to_string().as_str());
    app.clock.advance(Duration::days((eligible - app.clock.today()).num_days()));
    assert!(on_portal(&app, &id).await.is_some(), "still published while the repair is only eligible");
    let applied = mutate(&app, &clerk, apply, json!({ "recordId": id, "measures": "已履行并公开承诺" })).await;
    let application = applied["applyForRepair"]["repairApplication"]["id"].as_str().unwrap().to_owned();
    assert!(on_portal(&app, &id).await.is_some(), "an application alone ends nothing");
    let decide = r#"mutation($i: DecideRepairInput!) { decideRepair(input: $i) { record { status } } }"#;
    let approved = mutate(
        &app,
        &office,
        decide,
        json!({ "id": application, "version": 1, "verdict": "APPROVE",
        "decision": "符合修复条件" }),
    )
    .await;
    assert_eq!(approved["decideRepair"]["record"]["status"], "REPAIRED");
    assert!(on_portal(&app, &id).await.is_none(), "repair ends publication the day it is approved");
    let node = app.graphql(None, "query($id: ID!) { node(id: $id) { id } }", json!({ "id": id })).await;
    assert!(node["data"]["node"].is_null(), "nor is it reachable by id: {node}");
}

#[tokio::test]
async fn an_open_objection_marks_the_published_record_until_it_is_decided() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let id = published_record(&app, &office, 5).await;
    assert_eq!(on_portal(&app, &id).await.unwrap()["objectionPending"], false);
    let file = r#"mutation($i: FileObjectionInput!) { fileObjection(input: $i) { objection { id } } }"#;
    let filed = mutate(&app, &clerk, file, json!({ "recordId": id, "grounds": "判决已被撤销" })).await;
    let objection = filed["fileObjection"]["objection"]["id"].as_str().unwrap().to_owned();
    let shown = on_portal(&app, &id).await.unwrap();
    assert_eq!((shown["objectionPending"].as_bool(), shown["statusLabel"].as_str()), (Some(true), Some("失信")));
    let decide = r#"mutation($i: DecideObjectionInput!) { decideObjection(input: $i) { objection { status } } }"#;
    mutate(
        &app,
        &office,
        decide,
        json!({ "id": objection, "version": 1, "status": "DISMISSED", "decision": "理由不成立" }),
    )
    .await;
    assert_eq!(on_portal(&app, &id).await.unwrap()["objectionPending"], false);
}
