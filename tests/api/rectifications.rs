//! Rectification (整改): opened by the credit office or the recording authority, submitted by the
//! unit's clerk, accepted or rejected; a 失信被执行人 listing needs the court's removal.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::Duration;
use entity::{
    audit_log, credit_record,
    enums::{Disclosure, RecordCategory},
    platform_push,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_record, spawn_app, RecordFixture, TestApp};

const OPEN: &str = r#"mutation($i: OpenRectificationInput!) { openRectification(input: $i) { rectification { id status version deadline } record { status version } } }"#;
const SUBMIT: &str = r#"mutation($i: SubmitRectificationInput!) { submitRectification(input: $i) { rectification { id status version submittedOn resolution } } }"#;
const REVIEW: &str = r#"mutation($i: ReviewRectificationInput!) { reviewRectification(input: $i) { rectification { status version reviewNote deadline completedOn } record { status version } } }"#;
const REMOVE: &str = r#"mutation($i: RecordCourtRemovalInput!) { recordCourtRemoval(input: $i) { rectification { status version courtRemovedOn } } }"#;

fn later(app: &TestApp, days: i64) -> String {
    (app.clock.today() + Duration::days(days)).to_string()
}

async fn open(app: &TestApp, token: &str, record: i32) -> Value {
    let input = json!({ "recordId": global_id(NodeType::CreditRecord, record).0, "recordVersion": 1, "deadline": later(app, 30) });
    app.graphql(Some(token), OPEN, json!({ "i": input })).await
}

fn submission(id: &str, version: i64) -> Value {
    json!({ "id": id, "version": version, "cause": "制度执行不到位", "plan": "完善制度、落实责任", "completion": "已完成整改" })
}

async fn record_state(app: &TestApp, row: i32) -> (entity::enums::RecordStatus, i32) {
    let record = credit_record::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap();
    (record.status, record.version)
}

#[tokio::test]
async fn open_submit_reject_resubmit_accept_moves_the_record_to_rectified() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let record = insert_record(&app, RecordFixture::new("浔中镇", "待整改", Disclosure::Public)).await;
    let opened = open(&app, &office, record).await;
    let rect = &opened["data"]["openRectification"];
    assert_eq!(rect["rectification"]["status"], "PENDING", "{opened}");
    assert_eq!(rect["record"], json!({ "status": "RECTIFYING", "version": 2 }));
    let id = rect["rectification"]["id"].as_str().unwrap().to_owned();
    assert_eq!(error_code(&open(&app, &office, record).await), "CONFLICT", "a stale record version");

    let submitted = app.graphql(Some(&clerk), SUBMIT, json!({ "i": submission(&id, 1) })).await;
    assert_eq!(submitted["data"]["submitRectification"]["rectification"]["status"], "SUBMITTED", "{submitted}");

    let no_reason =
        app.graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 2, "verdict": "REJECT" } })).await;
    assert_eq!(no_reason["errors"][0]["extensions"]["field"], "input.note", "{no_reason}");
    let new_deadline = later(&app, 45);
    let rejected = app
        .graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 2, "verdict": "REJECT", "note": "整改措施不具体", "newDeadline": new_deadline } }))
        .await;
    let r = &rejected["data"]["reviewRectification"];
    assert_eq!(r["rectification"]["status"], "REJECTED", "{rejected}");
    assert_eq!(r["rectification"]["deadline"], new_deadline.as_str());
    assert_eq!(r["record"], Value::Null, "a rejection leaves the record RECTIFYING");

    let again = app.graphql(Some(&clerk), SUBMIT, json!({ "i": submission(&id, 3) })).await;
    assert_eq!(again["data"]["submitRectification"]["rectification"]["version"], 4, "{again}");
    let accepted =
        app.graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 4, "verdict": "ACCEPT" } })).await;
    let a = &accepted["data"]["reviewRectification"];
    assert_eq!(a["rectification"]["status"], "ACCEPTED", "{accepted}");
    assert_eq!(a["record"], json!({ "status": "RECTIFIED", "version": 3 }));
    // The record's two versions went to the platform outbox; each step is audited.
    let pushes = platform_push::Entity::find()
        .filter(platform_push::Column::RecordId.eq(record))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pushes, 2);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("rectification"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 5, "open, submit, reject, submit, accept");

    // The record shows its rectification through the nested field.
    let query = format!(
        "{{ creditRecord(id: \"{}\") {{ status rectification {{ status cause }} }} }}",
        global_id(NodeType::CreditRecord, record).0
    );
    let nested = app.graphql(Some(&clerk), &query, json!({})).await;
    assert_eq!(nested["data"]["creditRecord"]["rectification"]["status"], "ACCEPTED", "{nested}");
}

#[tokio::test]
async fn refused_transitions_change_nothing() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let record = insert_record(&app, RecordFixture::new("浔中镇", "拒绝", Disclosure::Shared)).await;
    let opened = open(&app, &office, record).await;
    let id = opened["data"]["openRectification"]["rectification"]["id"].as_str().unwrap().to_owned();
    // PENDING cannot be accepted; a RECTIFYING record cannot be opened again.
    let accept =
        app.graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 1, "verdict": "ACCEPT" } })).await;
    assert_eq!(error_code(&accept), "INVALID_TRANSITION", "{accept}");
    let reopen = app.graphql(Some(&office), OPEN, json!({ "i": { "recordId": global_id(NodeType::CreditRecord, record).0, "recordVersion": 2, "deadline": later(&app, 9) } })).await;
    assert_eq!(error_code(&reopen), "INVALID_TRANSITION", "{reopen}");
    app.graphql(Some(&clerk), SUBMIT, json!({ "i": submission(&id, 1) })).await;
    app.graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 2, "verdict": "ACCEPT" } })).await;
    let before = record_state(&app, record).await;
    let late = app.graphql(Some(&clerk), SUBMIT, json!({ "i": submission(&id, 3) })).await;
    assert_eq!(error_code(&late), "INVALID_TRANSITION", "ACCEPTED is final: {late}");
    assert_eq!(record_state(&app, record).await, before);
    // A deadline in the past, an honour, another township's clerk.
    let other = insert_record(&app, RecordFixture::new("浔中镇", "过去", Disclosure::Shared)).await;
    let past = app.graphql(Some(&office), OPEN, json!({ "i": { "recordId": global_id(NodeType::CreditRecord, other).0, "recordVersion": 1, "deadline": later(&app, 0) } })).await;
    assert_eq!(past["errors"][0]["extensions"]["field"], "input.deadline");
    let opened = open(&app, &office, other).await;
    let other_id = opened["data"]["openRectification"]["rectification"]["id"].as_str().unwrap().to_owned();
    let longxun = app.api_token(Role::UnitClerk, Some("龙浔镇")).await;
    let foreign = app.graphql(Some(&longxun), SUBMIT, json!({ "i": submission(&other_id, 1) })).await;
    // Another township's SHARED record does not exist for this clerk, nor does its rectification.
    assert_eq!(error_code(&foreign), "NOT_FOUND", "{foreign}");
    assert_eq!(record_state(&app, other).await.1, 2, "the record stays as opening left it (version 2)");
    // A recorder opens rectifications of its own records only.
    let court = app.token_for("court").await;
    let mut fixture = RecordFixture::new("浔中镇", "公安的", Disclosure::Shared);
    fixture.recorded_by = "县公安局";
    let police_record = insert_record(&app, fixture).await;
    assert_eq!(error_code(&open(&app, &court, police_record).await), "FORBIDDEN");
    assert_eq!(record_state(&app, police_record).await.1, 1);
}

#[tokio::test]
async fn a_listing_is_accepted_only_after_the_court_removes_it() {
    let app = spawn_app().await;
    let (office, clerk, court) =
        (app.token_for("office").await, app.token_for("xunzhong").await, app.token_for("court").await);
    let mut fixture = RecordFixture::new("浔中镇", "失信被执行人", Disclosure::Public);
    fixture.category = RecordCategory::DefaultedJudgmentDebtor;
    let record = insert_record(&app, fixture).await;
    let opened = open(&app, &court, record).await;
    let id = opened["data"]["openRectification"]["rectification"]["id"].as_str().unwrap().to_owned();
    let without = app.graphql(Some(&clerk), SUBMIT, json!({ "i": submission(&id, 1) })).await;
    assert_eq!(without["errors"][0]["extensions"]["field"], "input.resolution", "{without}");
    let mut input = submission(&id, 1);
    input["resolution"] = json!("SETTLEMENT_PERFORMED");
    let submitted = app.graphql(Some(&clerk), SUBMIT, json!({ "i": input })).await;
    assert_eq!(submitted["data"]["submitRectification"]["rectification"]["resolution"], "SETTLEMENT_PERFORMED");
    let early =
        app.graphql(Some(&office), REVIEW, json!({ "i": { "id": id, "version": 2, "verdict": "ACCEPT" } })).await;
    assert_eq!(error_code(&early), "INVALID_TRANSITION", "{early}");
    let today = app.clock.today().to_string();
    let removal = json!({ "i": { "id": id, "version": 2, "removedOn": today } });
    assert_eq!(error_code(&app.graphql(Some(&office), REMOVE, removal.clone()).await), "FORBIDDEN");
    let police = app.api_token(Role::Recorder, Some("县公安局")).await;
    assert_eq!(error_code(&app.graphql(Some(&police), REMOVE, removal.clone()).await), "FORBIDDEN");
    let removed = app.graphql(Some(&court), REMOVE, removal.clone()).await;
    assert_eq!(removed["data"]["recordCourtRemoval"]["rectification"]["courtRemovedOn"], today.as_str(), "{removed}");
    let twice = app.graphql(Some(&court), REMOVE, json!({ "i": { "id": id, "version": 3, "removedOn": today } })).await;
    assert_eq!(error_code(&twice), "INVALID_TRANSITION");
    let accepted =
        app.graphql(Some(&court), REVIEW, json!({ "i": { "id": id, "version": 3, "verdict": "ACCEPT" } })).await;
    assert_eq!(accepted["data"]["reviewRectification"]["record"]["status"], "RECTIFIED", "{accepted}");
}
