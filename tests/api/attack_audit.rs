//! Attack run, item 1: unmasked identifiers are never served without their audit entry, whatever
//! request id the client sends; if the audit log cannot be written, nothing unmasked leaves and
//! no write lands.

use entity::{audit_log, credit_record};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, spawn_app, TestApp};

const IDENTIFIERS: &str = "{ officials(first: 10) { edges { node { idNumber phone } } } }";

async fn read_identifiers(app: &TestApp, token: &str, client_request_id: &str) -> (String, Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(token)
        .header("x-request-id", client_request_id)
        .json(&json!({ "query": IDENTIFIERS }))
        .send()
        .await
        .unwrap();
    let ours = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    (ours, response.json().await.unwrap())
}

#[tokio::test]
async fn unmasked_reads_are_audited_under_our_request_id_whatever_the_client_sends() {
    let app = spawn_app().await;
    for serial in 1..=3 {
        insert_official(&app, "浔中镇", "审计对象", serial).await;
    }
    let admin = app.token_for("admin").await;
    let cases =
        [("a".repeat(65), None), ("b".repeat(20 * 1024), None), ("order-42.retry_1".into(), Some("order-42.retry_1"))];
    for (sent, kept) in cases {
        let (ours, body) = read_identifiers(&app, &admin, &sent).await;
        let shown = body["data"]["officials"]["edges"].as_array().unwrap();
        assert_eq!(shown.len(), 3, "{body}");
        assert!(!shown[0]["node"]["idNumber"].as_str().unwrap().contains('*'), "ADMIN sees whole identifiers");
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::RequestId.eq(ours.as_str()))
            .all(&app.state.db)
            .await
            .unwrap();
        assert_eq!(entries.len(), 6, "one entry per identifier shown (3 officials × 2 fields)");
        assert!(entries.iter().all(|e| e.client_request_id.as_deref() == kept), "{sent:.20}: {entries:?}");
        assert!(uuid::Uuid::parse_str(&ours).is_ok());
    }
    let log = app
        .graphql(Some(&admin), "{ auditLog(first: 100) { edges { node { requestId clientRequestId } } } }", json!({}))
        .await;
    let kept = log["data"]["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["clientRequestId"] == "order-42.retry_1");
    assert_eq!(kept.count(), 6, "the client's id is shown apart from ours: {log}");
}

/// Makes every insert into the audit log fail, as a full disk or a broken table would.
async fn break_the_audit_log(app: &TestApp) {
    let db = &app.state.db;
    let statements: &[&str] = match db.get_database_backend() {
        DbBackend::Postgres => &[
            "CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()",
        ],
        _ => &["CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END"],
    };
    for statement in statements {
        db.execute_unprepared(statement).await.unwrap();
    }
}

#[tokio::test]
async fn without_an_audit_log_nothing_unmasked_leaves_and_no_write_lands() {
    let app = spawn_app().await;
    insert_official(&app, "浔中镇", "审计对象", 1).await;
    let admin = app.token_for("admin").await;
    break_the_audit_log(&app).await;

    let (ours, body) = read_identifiers(&app, &admin, "x").await;
    assert!(body["data"].is_null(), "{body}");
    assert_eq!(error_code(&body), "INTERNAL");
    assert_eq!(body["errors"][0]["extensions"]["requestId"], ours.as_str());
    assert!(!body.to_string().contains("35052619"), "no identifier in the answer: {body}");

    let masked = app.graphql(Some(&app.token_for("leader").await), IDENTIFIERS, json!({})).await;
    assert!(
        masked["data"]["officials"]["edges"][0]["node"]["idNumber"].as_str().unwrap().contains('*'),
        "masked reads need no audit"
    );

    let day = chrono::Utc::now().date_naive().to_string();
    let input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY", "category": "ADMINISTRATIVE_PENALTY",
        "severity": "GENERAL", "title": "无审计不写入", "facts": "事实", "decidingAuthority": "德化县市场监督管理局",
        "occurredOn": day, "decidedOn": day });
    let office = app.token_for("office").await;
    let write = app
        .graphql(
            Some(&office),
            "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }",
            json!({ "i": input }),
        )
        .await;
    assert_eq!(error_code(&write), "INTERNAL", "{write}");
    assert_eq!(credit_record::Entity::find().count(&app.state.db).await.unwrap(), 0, "the write rolled back");
}
