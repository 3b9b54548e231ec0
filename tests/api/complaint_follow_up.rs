//! Issue 11 item 12: the complainant follows up. `submitComplaint` gives a short, unguessable
//! reference; anonymous `complaintStatus(reference)` shows status, dates and reply and never the
//! contact details; a 12345 work-order number is kept when given.

use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const SUBMIT: &str = r#"mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { reference complaintId } }"#;
const STATUS: &str = r#"query($r: String!) { complaintStatus(reference: $r) { reference status receivedAt handlingDeadline reply repliedAt conclusion } }"#;

async fn status(app: &TestApp, reference: &str) -> Value {
    let body = app.graphql(None, STATUS, json!({ "r": reference })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["complaintStatus"].clone()
}

#[tokio::test]
async fn the_complainant_follows_up_by_reference_and_never_sees_contact_details() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let input = json!({ "channel": "WEBSITE", "targetUnitId": app.unit_id("浔中镇").await,
        "content": "浔中镇便民服务中心窗口推诿办事", "contactName": "张先生", "contactPhone": "13905951234" });
    let submitted = app.graphql(None, SUBMIT, json!({ "i": input })).await;
    let reference = submitted["data"]["submitComplaint"]["reference"].as_str().expect("a reference").to_owned();
    let id = submitted["data"]["submitComplaint"]["complaintId"].as_str().unwrap().to_owned();
    // Short and unguessable: 12 symbols of Crockford base 32 (60 bits), grouped by four.
    assert_eq!(reference.len(), 14, "{reference}");
    assert!(reference.chars().all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{reference}");
    let second = app.graphql(None, SUBMIT, json!({ "i": input })).await;
    assert_ne!(second["data"]["submitComplaint"]["reference"], reference.as_str());

    let received = status(&app, &reference).await;
    assert_eq!(received["status"], "RECEIVED", "{received}");
    assert!(received["reply"].is_null() && received["handlingDeadline"].is_null());
    // However it is typed back.
    assert_eq!(status(&app, &reference.to_lowercase().replace('-', " ")).await["status"], "RECEIVED");
    // An unknown or malformed reference is simply not found.
    assert!(status(&app, "0000-0000-0000").await.is_null());
    assert!(status(&app, "not a reference").await.is_null());

    let assign = r#"mutation($i: AssignComplaintInput!) { assignComplaint(input: $i) { complaint { version } } }"#;
    let unit = app.unit_id("浔中镇").await;
    let assigned = app.graphql(Some(&office), assign, json!({ "i": { "id": id, "version": 1, "unitId": unit } })).await;
    assert!(assigned["errors"].is_null(), "{assigned}");
    let reply = r#"mutation($i: ReplyToComplaintInput!) { replyToComplaint(input: $i) { complaint { version } } }"#;
    let replied = app
        .graphql(Some(&clerk), reply, json!({ "i": { "id": id, "version": 2, "reply": "已约谈窗口负责人并整改" } }))
        .await;
    assert!(replied["errors"].is_null(), "{replied}");
    let followed = status(&app, &reference).await;
    assert_eq!(followed["status"], "REPLIED", "{followed}");
    assert_eq!(followed["reply"], "已约谈窗口负责人并整改");
    assert!(followed["handlingDeadline"].is_string() && followed["repliedAt"].is_string(), "{followed}");
    // No contact detail can even be asked for.
    let nosy = app
        .graphql(
            None,
            "query($r: String!) { complaintStatus(reference: $r) { contactPhone } }",
            json!({ "r": reference }),
        )
        .await;
    assert_eq!(error_code(&nosy), "GRAPHQL_VALIDATION_FAILED", "{nosy}");
    assert!(!nosy.to_string().contains("13905951234"));
    // Staff see the reference on the complaint, to read it out on the phone.
    let seen = app
        .graphql(
            Some(&office),
            "query($id: ID!) { node(id: $id) { ... on Complaint { reference } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(seen["data"]["node"]["reference"], reference.as_str());
}

#[tokio::test]
async fn a_12345_work_order_number_is_kept_and_checked() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let call = |channel: &str, number: &str| {
        json!({ "i": { "channel": channel, "targetUnitId": unit, "content": "来电反映审批超时未办结的问题",
            "workOrderNumber": number } })
    };
    let taken = app.graphql(Some(&office), SUBMIT, call("HOTLINE_12345", "12345-20261130-000042")).await;
    let id = taken["data"]["submitComplaint"]["complaintId"].clone();
    let read = app
        .graphql(
            Some(&office),
            "query($id: ID!) { node(id: $id) { ... on Complaint { workOrderNumber } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read["data"]["node"]["workOrderNumber"], "12345-20261130-000042", "{read}");
    for (channel, number) in [("HOTLINE_12345", "工单 42"), ("HOTLINE_12345", ""), ("WEBSITE", "12345-1")] {
        let refused = app.graphql(Some(&office), SUBMIT, call(channel, number)).await;
        assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{channel} {number}: {refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "input.workOrderNumber", "{refused}");
    }
}
