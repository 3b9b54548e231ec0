//! Complaints (投诉举报): anyone submits (the public limited per address), the credit office
//! assigns and concludes, the unit replies; the complainant's contact only for the credit office.

use chengxin::graphql::ids::{global_id, NodeType};
use entity::{audit_log, complaint, credit_record, enums::ComplaintStatus};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, spawn_app, TestApp},
    workflow_fixtures::insert_complaint,
};

const SUBMIT: &str = r#"mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { reference complaintId receivedAt complaint { id status } } }"#;
const ASSIGN: &str = r#"mutation($i: AssignComplaintInput!) { assignComplaint(input: $i) { complaint { status version handlingDeadline assignedUnit { shortName } } } }"#;
const REPLY: &str =
    r#"mutation($i: ReplyToComplaintInput!) { replyToComplaint(input: $i) { complaint { status version reply } } }"#;
const CONCLUDE: &str = r#"mutation($i: ConcludeComplaintInput!) { concludeComplaint(input: $i) { complaint { status version record { id category } } record { id category status } } }"#;

async fn submit(app: &TestApp, token: Option<&str>, content: &str) -> Value {
    let input = json!({ "channel": "WEBSITE", "targetUnitId": app.unit_id("浔中镇").await, "content": content,
        "contactName": "张先生", "contactPhone": "13905951234" });
    app.graphql(token, SUBMIT, json!({ "i": input })).await
}

#[tokio::test]
async fn the_public_may_submit_five_an_hour_from_one_address() {
    let app = spawn_app().await;
    for n in 0..5 {
        let body = submit(&app, None, &format!("第{n}次反映窗口办事拖延推诿的问题")).await;
        assert!(body["data"]["submitComplaint"]["reference"].is_string(), "{body}");
        assert_eq!(body["data"]["submitComplaint"]["complaint"], Value::Null, "the public cannot read complaints");
    }
    let sixth = submit(&app, None, "第六次反映窗口办事拖延推诿的问题").await;
    assert_eq!(error_code(&sixth), "RATE_LIMITED", "{sixth}");
    assert_eq!(complaint::Entity::find().count(&app.state.db).await.unwrap(), 5, "nothing written");
    // Signed-in staff entering hotline calls are not limited by the office's address.
    let office = app.token_for("office").await;
    let entered = submit(&app, Some(&office), "12345热线转来的投诉内容").await;
    assert_eq!(entered["data"]["submitComplaint"]["complaint"]["status"], "RECEIVED", "{entered}");
    // An hour later the public may submit again.
    app.clock.advance(chrono::Duration::minutes(61));
    assert!(
        submit(&app, None, "一小时后再次反映窗口办事问题").await["data"]["submitComplaint"]["reference"].is_string()
    );
    // The address is not stored, only a keyed hash of it.
    let keys: Vec<Option<String>> =
        complaint::Entity::find().all(&app.state.db).await.unwrap().into_iter().map(|c| c.client_key).collect();
    assert!(keys.iter().flatten().all(|k| k.len() == 64 && !k.contains("127.0.0.1")));
}

#[tokio::test]
async fn bad_submissions_are_refused_with_their_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({ "content": "长".repeat(2_001) }), "input.content"),
        (json!({ "content": "太短" }), "input.content"),
        (json!({ "contactPhone": "call me" }), "input.contactPhone"),
        (json!({ "targetUnitId": global_id(NodeType::Unit, 99_999).0 }), "input.targetUnitId"),
    ];
    for (change, field) in cases {
        let mut input = json!({ "targetUnitId": app.unit_id("浔中镇").await, "content": "反映窗口办事拖延推诿的问题" });
        for (key, value) in change.as_object().unwrap() {
            input[key] = value.clone();
        }
        let body = app.graphql(None, SUBMIT, json!({ "i": input })).await;
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    assert_eq!(complaint::Entity::find().count(&app.state.db).await.unwrap(), 0);
    let evaluator = submit(&app, Some(&app.evaluator_token()), "评估机构不能投诉的内容").await;
    assert_eq!(error_code(&evaluator), "FORBIDDEN");
}

#[tokio::test]
async fn assign_reply_and_substantiate_with_a_linked_record() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let submitted = submit(&app, None, "浔中镇便民服务中心工作人员态度恶劣").await;
    let id = submitted["data"]["submitComplaint"]["complaintId"].as_str().unwrap().to_owned();
    let early_reply =
        app.graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 1, "reply": "已处理" } })).await;
    assert_eq!(error_code(&early_reply), "FORBIDDEN", "not assigned yet: {early_reply}");
    let assigned = app
        .graphql(
            Some(&office),
            ASSIGN,
            json!({ "i": { "id": id, "version": 1, "unitId": app.unit_id("浔中镇").await } }),
        )
        .await;
    assert_eq!(assigned["data"]["assignComplaint"]["complaint"]["status"], "ASSIGNED", "{assigned}");
    let early = app
        .graphql(
            Some(&office),
            CONCLUDE,
            json!({ "i": { "id": id, "version": 2, "status": "UNFOUNDED", "conclusion": "不属实" } }),
        )
        .await;
    assert_eq!(error_code(&early), "INVALID_TRANSITION", "a conclusion waits for the reply");
    let replied = app
        .graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 2, "reply": "已约谈相关人员并整改" } }))
        .await;
    assert_eq!(replied["data"]["replyToComplaint"]["complaint"]["status"], "REPLIED", "{replied}");
    let wrong = app
        .graphql(
            Some(&office),
            CONCLUDE,
            json!({ "i": { "id": id, "version": 3, "status": "UNFOUNDED", "conclusion": "不属实", "record": {} } }),
        )
        .await;
    assert_eq!(wrong["errors"][0]["extensions"]["field"], "input.record");
    let concluded = app
        .graphql(Some(&office), CONCLUDE, json!({ "i": { "id": id, "version": 3, "status": "SUBSTANTIATED", "conclusion": "经核查属实", "record": { "category": "SOCIAL_MORALITY", "severity": "MINOR" } } }))
        .await;
    let c = &concluded["data"]["concludeComplaint"];
    assert_eq!(c["complaint"]["status"], "SUBSTANTIATED", "{concluded}");
    assert_eq!(c["record"]["category"], "SOCIAL_MORALITY");
    assert_eq!(c["complaint"]["record"]["id"], c["record"]["id"]);
    let submitted_audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("complaint.submit"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let after = submitted_audit.after.unwrap();
    assert!(
        !after.contains("13905951234") && !after.contains("张先生"),
        "the contact stays out of the audit log: {after}"
    );
    let record = credit_record::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((record.source_type.as_deref(), record.source_id), (Some("complaint"), Some(1)));
    let twice = app
        .graphql(
            Some(&office),
            CONCLUDE,
            json!({ "i": { "id": id, "version": 4, "status": "UNFOUNDED", "conclusion": "x" } }),
        )
        .await;
    assert_eq!(error_code(&twice), "INVALID_TRANSITION");
    assert_eq!(credit_record::Entity::find().count(&app.state.db).await.unwrap(), 1);
}

#[tokio::test]
async fn the_contact_is_for_the_credit_office_only_and_its_reads_are_audited() {
    let app = spawn_app().await;
    let row = insert_complaint(&app, "浔中镇", ComplaintStatus::Assigned).await;
    let other = insert_complaint(&app, "龙浔镇", ComplaintStatus::Received).await;
    let query = format!(
        "{{ node(id: \"{}\") {{ ... on Complaint {{ content contactName contactPhone }} }} }}",
        global_id(NodeType::Complaint, row).0
    );
    let office = app.graphql(Some(&app.token_for("office").await), &query, json!({})).await;
    assert_eq!(office["data"]["node"]["contactPhone"], "13905951234", "{office}");
    for token in [app.token_for("leader").await, app.token_for("xunzhong").await, app.evaluator_token()] {
        let body = app.graphql(Some(&token), &query, json!({})).await;
        assert_eq!(body["data"]["node"]["content"], "反映窗口办事拖延的问题", "{body}");
        assert_eq!(body["data"]["node"]["contactPhone"], Value::Null);
        assert_eq!(body["data"]["node"]["contactName"], Value::Null);
    }
    let reads = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("complaint.read_identifier"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(reads, 2, "the office's reads of name and phone");
    // A clerk sees its subtree's complaints only; personnel and recorders none.
    let list = "{ complaints { totalCount } }";
    let clerk = app.graphql(Some(&app.token_for("xunzhong").await), list, json!({})).await;
    assert_eq!(clerk["data"]["complaints"]["totalCount"], 1, "{clerk}");
    let hidden = format!("{{ node(id: \"{}\") {{ id }} }}", global_id(NodeType::Complaint, other).0);
    assert_eq!(
        app.graphql(Some(&app.token_for("xunzhong").await), &hidden, json!({})).await["data"]["node"],
        Value::Null
    );
    assert_eq!(
        app.graphql(Some(&app.token_for("personnel").await), &hidden, json!({})).await["data"]["node"],
        Value::Null
    );
    let nested = format!(
        "{{ unit(id: \"{}\") {{ complaints {{ totalCount edges {{ node {{ status }} }} }} }} }}",
        app.unit_id("浔中镇").await
    );
    let body = app.graphql(Some(&app.token_for("leader").await), &nested, json!({})).await;
    assert_eq!(body["data"]["unit"]["complaints"]["totalCount"], 1, "{body}");
    let refused = app.graphql(Some(&app.token_for("court").await), &nested, json!({})).await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
}

/// Ten at once from one address: exactly five get through.
#[tokio::test]
async fn a_concurrent_flood_is_limited_exactly() {
    let app = spawn_app().await;
    let unit = app.unit_id("浔中镇").await;
    let sends = (0..10).map(|n| {
        let input = json!({ "targetUnitId": unit, "content": format!("并发第{n}次反映窗口办事拖延的问题") });
        app.graphql(None, SUBMIT, json!({ "i": input }))
    });
    let bodies = futures::future::join_all(sends).await;
    let codes: Vec<&str> = bodies.iter().map(error_code).collect();
    assert_eq!(codes.iter().filter(|c| c.is_empty()).count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == "RATE_LIMITED").count(), 5, "{codes:?}");
    assert_eq!(complaint::Entity::find().count(&app.state.db).await.unwrap(), 5);
}
