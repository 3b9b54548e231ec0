//! Commitments: entry by the unit's clerk, outcomes, a breach's record in the same transaction.

use chengxin::clock::Clock;
use entity::{audit_log, credit_record, enums, platform_push};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id version status serviceArea isPublic unit { shortName } } } }"#;
const SET: &str = r#"mutation($i: SetCommitmentStatusInput!) { setCommitmentStatus(input: $i) { commitment { status version evidence record { category title } } record { id category sector status } } }"#;
const LIST: &str = r#"{ commitments(first: 100) { totalCount edges { node { content isPublic } } } }"#;

async fn create(app: &TestApp, token: &str, unit: &str, content: &str, public: bool) -> Value {
    let input = json!({ "unitId": app.unit_id(unit).await, "kind": "TOWNSHIP_PUBLIC", "sector": "TOWNSHIP", "serviceArea": "养老",
        "content": content, "isPublic": public, "dueOn": app.clock.today().to_string() });
    app.graphql(Some(token), CREATE, json!({ "i": input })).await
}

fn id(body: &Value) -> String {
    body["data"]["createCommitment"]["commitment"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

#[tokio::test]
async fn a_clerk_enters_its_own_units_commitments_only() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let body = create(&app, &clerk, "浔中镇", "养老服务补贴15个工作日内发放到位", true).await;
    assert_eq!(body["data"]["createCommitment"]["commitment"]["status"], "PENDING", "{body}");
    assert_eq!(error_code(&create(&app, &clerk, "龙浔镇", "别人的", true).await), "FORBIDDEN");
    let mut input = json!({ "unitId": app.unit_id("浔中镇").await, "kind": "TOWNSHIP_PUBLIC", "serviceArea": "旅游", "content": "x" });
    let bad = app.graphql(Some(&clerk), CREATE, json!({ "i": input.clone() })).await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "input.serviceArea");
    input["serviceArea"] = json!("养老");
    input["content"] = json!("  ");
    let empty = app.graphql(Some(&clerk), CREATE, json!({ "i": input })).await;
    assert_eq!(empty["errors"][0]["extensions"]["field"], "input.content");
    for who in ["leader", "court", "personnel"] {
        let token = app.token_for(who).await;
        assert_eq!(error_code(&create(&app, &token, "浔中镇", "x", true).await), "FORBIDDEN", "{who}");
    }
    assert_eq!(
        error_code(&app.graphql(Some(&app.evaluator_token()), CREATE, json!({ "i": {} })).await),
        "BAD_USER_INPUT"
    );
}

#[tokio::test]
async fn the_public_sees_public_commitments_and_a_clerk_its_own_internal_ones() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    id(&create(&app, &office, "浔中镇", "浔中公开", true).await);
    id(&create(&app, &office, "浔中镇", "浔中内部", false).await);
    id(&create(&app, &office, "龙浔镇", "龙浔内部", false).await);
    let count = |body: &Value| body["data"]["commitments"]["totalCount"].as_u64().unwrap();
    assert_eq!(count(&app.graphql(None, LIST, json!({})).await), 1);
    assert_eq!(count(&app.graphql(Some(&app.token_for("xunzhong").await), LIST, json!({})).await), 2);
    assert_eq!(count(&app.graphql(Some(&app.token_for("leader").await), LIST, json!({})).await), 3);
    assert_eq!(count(&app.graphql(Some(&app.evaluator_token()), LIST, json!({})).await), 3);
    let nested = app
        .graphql(
            None,
            "query($id: ID!) { unit(id: $id) { commitments { totalCount edges { node { content } } } } }",
            json!({ "id": app.unit_id("浔中镇").await }),
        )
        .await;
    assert_eq!(nested["data"]["unit"]["commitments"]["totalCount"], 1, "{nested}");
}

#[tokio::test]
async fn fulfilment_needs_evidence_and_is_final() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let commitment = id(&create(&app, &clerk, "浔中镇", "15日内办结", true).await);
    let bare =
        app.graphql(Some(&clerk), SET, json!({ "i": { "id": commitment, "version": 1, "status": "FULFILLED" } })).await;
    assert_eq!(bare["errors"][0]["extensions"]["field"], "input.evidence");
    let done = app
        .graphql(
            Some(&clerk),
            SET,
            json!({ "i": { "id": commitment, "version": 1, "status": "FULFILLED", "evidence": "办结台账" } }),
        )
        .await;
    assert_eq!(done["data"]["setCommitmentStatus"]["commitment"]["status"], "FULFILLED", "{done}");
    let again = app
        .graphql(
            Some(&app.token_for("office").await),
            SET,
            json!({ "i": { "id": commitment, "version": 2, "status": "BREACHED" } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let stale = app
        .graphql(
            Some(&clerk),
            SET,
            json!({ "i": { "id": commitment, "version": 1, "status": "FULFILLED", "evidence": "x" } }),
        )
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
}

#[tokio::test]
async fn a_breach_creates_its_record_in_the_same_transaction() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let office = app.token_for("office").await;
    let commitment = id(&create(&app, &clerk, "浔中镇", "30日内兑现养老补贴", true).await);
    let own_breach =
        app.graphql(Some(&clerk), SET, json!({ "i": { "id": commitment, "version": 1, "status": "BREACHED" } })).await;
    assert_eq!(error_code(&own_breach), "FORBIDDEN", "a breach is the credit office's decision");
    let lawful = app
        .graphql(Some(&office), SET, json!({ "i": { "id": commitment, "version": 1, "status": "CHANGED_LAWFULLY" } }))
        .await;
    assert_eq!(lawful["errors"][0]["extensions"]["field"], "input.legalBasis");
    let audits_before = audit_log::Entity::find().count(&app.state.db).await.unwrap();
    let body = app
        .graphql(
            Some(&office),
            SET,
            json!({ "i": { "id": commitment, "version": 1, "status": "BREACHED", "severity": "SERIOUS" } }),
        )
        .await;
    let payload = &body["data"]["setCommitmentStatus"];
    assert_eq!(payload["commitment"]["status"], "BREACHED", "{body}");
    assert_eq!(payload["record"]["category"], "COMMITMENT_BREACH");
    assert_eq!(payload["record"]["sector"], "TOWNSHIP");
    assert_eq!(payload["commitment"]["record"]["title"], "浔中镇承诺未践行");
    let record = credit_record::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(record.source_type.as_deref(), Some("commitment"));
    assert_eq!(record.severity, enums::Severity::Serious);
    assert_eq!(platform_push::Entity::find().count(&app.state.db).await.unwrap(), 1);
    assert_eq!(
        audit_log::Entity::find().count(&app.state.db).await.unwrap(),
        audits_before + 2,
        "the record and the commitment"
    );
}
