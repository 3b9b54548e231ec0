//! creditCheck verdicts, identifier-read auditing, and the audit log itself.

use chengxin::graphql::ids::{global_id, NodeType};
use entity::{
    audit_log,
    enums::{Disclosure, RecordStatus, Severity},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::helpers::{error_code, insert_official, insert_record, spawn_app, RecordFixture, TestApp};

const CHECK: &str = r#"query($id: ID!, $purpose: CheckPurpose!) { creditCheck(officialId: $id, purpose: $purpose) { verdict purpose records { title severity } official { name } } }"#;

async fn official_with(app: &TestApp, name: &str, serial: u64, records: &[(Severity, RecordStatus)]) -> String {
    let official = insert_official(app, "县财政局", name, serial).await;
    for (n, (severity, status)) in records.iter().enumerate() {
        let title = format!("{name}记录{n}");
        let mut fixture = RecordFixture::new("县财政局", &title, Disclosure::Restricted);
        fixture.official = Some(official);
        fixture.severity = *severity;
        fixture.status = *status;
        insert_record(app, fixture).await;
    }
    global_id(NodeType::Official, official).0
}

#[tokio::test]
async fn verdicts_follow_the_records_in_force() {
    let app = spawn_app().await;
    let personnel = app.token_for("personnel").await;
    let blocked = official_with(
        &app,
        "甲",
        1,
        &[(Severity::Serious, RecordStatus::Rectifying), (Severity::Minor, RecordStatus::Active)],
    )
    .await;
    let caution = official_with(
        &app,
        "乙",
        2,
        &[(Severity::General, RecordStatus::Active), (Severity::Serious, RecordStatus::Repaired)],
    )
    .await;
    let clear = official_with(
        &app,
        "丙",
        3,
        &[(Severity::Serious, RecordStatus::Revoked), (Severity::Serious, RecordStatus::Repaired)],
    )
    .await;
    for (id, purpose, verdict, count) in
        [(blocked, "PROMOTION", "BLOCKED", 2), (caution, "AWARD", "CAUTION", 1), (clear, "APPOINTMENT", "CLEAR", 0)]
    {
        let body = app.graphql(Some(&personnel), CHECK, json!({ "id": id, "purpose": purpose })).await;
        let check = &body["data"]["creditCheck"];
        assert_eq!(check["verdict"], verdict, "{body}");
        assert_eq!(check["records"].as_array().unwrap().len(), count);
    }
    let audits = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("official.credit_check"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audits.len(), 3, "every check is audited");
    assert!(audits.iter().any(|a| a.after.as_deref().unwrap_or("").contains("Promotion")));
    for who in ["leader", "xunzhong", "office"] {
        let token = app.token_for(who).await;
        let body = app
            .graphql(Some(&token), CHECK, json!({ "id": global_id(NodeType::Official, 1).0, "purpose": "AWARD" }))
            .await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{who}");
    }
}

#[tokio::test]
async fn every_unmasked_identifier_read_is_audited_and_masked_reads_are_not() {
    let app = spawn_app().await;
    insert_official(&app, "县财政局", "郑财政", 5).await;
    insert_official(&app, "县财政局", "林财政", 6).await;
    let query = "{ officials { edges { node { idNumber phone } } } }";
    let reads = || {
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("official.read_identifier")).count(&app.state.db)
    };
    app.graphql(Some(&app.token_for("leader").await), query, json!({})).await;
    assert_eq!(reads().await.unwrap(), 0);
    let body = app.graphql(Some(&app.token_for("personnel").await), query, json!({})).await;
    assert_eq!(body["data"]["officials"]["edges"][0]["node"]["phone"], "13859001234");
    assert_eq!(reads().await.unwrap(), 4, "two officials × two identifiers");
}

#[tokio::test]
async fn the_audit_log_is_for_the_administrator_and_has_no_way_to_change_it() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let create = r#"mutation { createApiToken(input: { firm: "审计测试" }) { token } }"#;
    app.graphql(Some(&admin), create, json!({})).await;
    let query = r#"query($action: String) { auditLog(filter: { action: $action }) { totalCount edges { node { actor role action entity entityId requestId at } } } }"#;
    let body = app.graphql(Some(&admin), query, json!({ "action": "api_token.create" })).await;
    let entry = &body["data"]["auditLog"]["edges"][0]["node"];
    assert_eq!(entry["actor"], "user:1", "{body}");
    assert_eq!(entry["role"], "ADMIN");
    assert!(entry["requestId"].is_string());
    let none = app.graphql(Some(&admin), query, json!({ "action": "nothing.like.this" })).await;
    assert_eq!(none["data"]["auditLog"]["totalCount"], 0);
    for who in ["office", "leader"] {
        let token = app.token_for(who).await;
        assert_eq!(error_code(&app.graphql(Some(&token), query, json!({})).await), "FORBIDDEN", "{who}");
    }
    let schema = chengxin::graphql::build_schema(&chengxin::config::Limits::default(), true);
    let viewer =
        chengxin::auth::Viewer { role: Some(chengxin::auth::Role::Admin), ..chengxin::auth::Viewer::anonymous() };
    let request = async_graphql::Request::new("{ __schema { mutationType { fields { name } } } }").data(viewer);
    let names = schema.execute(request).await.data.into_json().unwrap();
    let names: Vec<&str> = names["__schema"]["mutationType"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert!(names.len() > 5, "{names:?}");
    assert!(names.iter().all(|n| !n.to_lowercase().contains("audit")), "no mutation touches the audit log: {names:?}");
}
