//! Issue 10, item 4: one act, one record. A substantiated complaint about conduct already on
//! record names that record instead of making a second; a breached public commitment (a township's
//! public one, a credit pledge, or one shown on the portal) makes a PUBLIC record.

use chengxin::clock::Clock;
use entity::{credit_record, enums, platform_push};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id } } }"#;
const SET: &str = r#"mutation($i: SetCommitmentStatusInput!) { setCommitmentStatus(input: $i) { record { id disclosure disclosureUntil } } }"#;
const SUBMIT: &str = r#"mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { complaint { id } } }"#;
const ASSIGN: &str = r#"mutation($i: AssignComplaintInput!) { assignComplaint(input: $i) { complaint { version } } }"#;
const REPLY: &str = r#"mutation($i: ReplyToComplaintInput!) { replyToComplaint(input: $i) { complaint { version } } }"#;
const CONCLUDE: &str = r#"mutation($i: ConcludeComplaintInput!) { concludeComplaint(input: $i) { complaint { status record { id category } } record { id } } }"#;
const PORTAL: &str = r#"{ publicRecords(first: 100) { edges { node { creditRecordId title } } } }"#;

async fn commitment(app: &TestApp, token: &str, kind: &str, public: bool) -> String {
    let input = json!({ "unitId": app.unit_id("浔中镇").await, "kind": kind, "content": "办件材料一次告知、限时办结",
        "isPublic": public, "dueOn": app.clock.today().to_string() });
    let body = app.graphql(Some(token), CREATE, json!({ "i": input })).await;
    body["data"]["createCommitment"]["commitment"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

async fn breach(app: &TestApp, token: &str, id: &str, severity: &str) -> Value {
    let input = json!({ "id": id, "version": 1, "status": "BREACHED", "severity": severity });
    app.graphql(Some(token), SET, json!({ "i": input })).await
}

async fn portal_ids(app: &TestApp) -> Vec<String> {
    let body = app.graphql(None, PORTAL, json!({})).await;
    let edges = body["data"]["publicRecords"]["edges"].as_array().cloned().unwrap_or_default();
    edges.iter().map(|e| e["node"]["creditRecordId"].as_str().unwrap_or_default().to_owned()).collect()
}

/// A complaint about 浔中镇, assigned and replied: ready to conclude at version 3.
async fn replied_complaint(app: &TestApp, office: &str, clerk: &str) -> String {
    let input = json!({ "channel": "HOTLINE_12345", "targetUnitId": app.unit_id("浔中镇").await,
        "content": "浔中镇承诺的事前信用承诺未兑现，办事群众多次反映" });
    let body = app.graphql(Some(office), SUBMIT, json!({ "i": input })).await;
    let id = body["data"]["submitComplaint"]["complaint"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned();
    let assigned = app
        .graphql(
            Some(office),
            ASSIGN,
            json!({ "i": { "id": id, "version": 1, "unitId": app.unit_id("浔中镇").await } }),
        )
        .await;
    assert_eq!(assigned["data"]["assignComplaint"]["complaint"]["version"], 2, "{assigned}");
    let replied =
        app.graphql(Some(clerk), REPLY, json!({ "i": { "id": id, "version": 2, "reply": "情况属实，已整改" } })).await;
    assert_eq!(replied["data"]["replyToComplaint"]["complaint"]["version"], 3, "{replied}");
    id
}

#[tokio::test]
async fn a_public_breach_is_published_and_a_complaint_about_it_names_the_same_record() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);

    // A credit pledge is public by its kind, even when not shown on the portal itself.
    let pledge = commitment(&app, &clerk, "CREDIT_PLEDGE", false).await;
    let minor = breach(&app, &office, &pledge, "MINOR").await;
    assert_eq!(
        (error_code(&minor), minor["errors"][0]["extensions"]["field"].as_str()),
        ("BAD_USER_INPUT", Some("input.severity")),
        "a published record is never MINOR: {minor}"
    );
    let made = breach(&app, &office, &pledge, "GENERAL").await;
    let record = &made["data"]["setCommitmentStatus"]["record"];
    assert_eq!(record["disclosure"], "PUBLIC", "{made}");
    let year = app.clock.today().checked_add_months(chrono::Months::new(12)).unwrap();
    assert_eq!(record["disclosureUntil"], year.to_string(), "a GENERAL record's window: one year");
    let record_id = record["id"].as_str().unwrap().to_owned();
    assert_eq!(portal_ids(&app).await, vec![record_id.clone()]);

    // An internal commitment's breach stays SHARED, off the portal.
    let internal = commitment(&app, &clerk, "DEADLINE", false).await;
    let shared = breach(&app, &office, &internal, "GENERAL").await;
    assert_eq!(shared["data"]["setCommitmentStatus"]["record"]["disclosure"], "SHARED", "{shared}");
    assert_eq!(portal_ids(&app).await.len(), 1);
    // A public one of any kind is published.
    let shown = commitment(&app, &clerk, "SERVICE_QUALITY", true).await;
    let published = breach(&app, &office, &shown, "SERIOUS").await;
    assert_eq!(published["data"]["setCommitmentStatus"]["record"]["disclosure"], "PUBLIC", "{published}");

    // The complaint about the pledge: naming the existing record makes no second one.
    let complaint = replied_complaint(&app, &office, &clerk).await;
    let conclude = |extra: Value| {
        let mut input =
            json!({ "id": complaint, "version": 3, "status": "SUBSTANTIATED", "conclusion": "投诉属实，已有失信记录" });
        for (key, value) in extra.as_object().unwrap() {
            input[key] = value.clone();
        }
        let (app, office) = (&app, &office);
        async move { app.graphql(Some(office), CONCLUDE, json!({ "i": input })).await }
    };
    let both = conclude(json!({ "recordId": record_id, "record": { "category": "COMMITMENT_BREACH" } })).await;
    assert_eq!(both["errors"][0]["extensions"]["field"], "input.recordId", "{both}");
    let unfounded = conclude(json!({ "recordId": record_id, "status": "UNFOUNDED" })).await;
    assert_eq!(unfounded["errors"][0]["extensions"]["field"], "input.recordId", "{unfounded}");
    let elsewhere = other_units_record(&app, &office).await;
    let wrong = conclude(json!({ "recordId": elsewhere })).await;
    assert_eq!(wrong["errors"][0]["extensions"]["field"], "input.recordId", "{wrong}");
    let pushes_before = platform_push::Entity::find().count(&app.state.db).await.unwrap();

    let named = conclude(json!({ "recordId": record_id })).await;
    let answer = &named["data"]["concludeComplaint"];
    assert_eq!(answer["complaint"]["status"], "SUBSTANTIATED", "{named}");
    assert_eq!(answer["complaint"]["record"], json!({ "id": record_id, "category": "COMMITMENT_BREACH" }));
    assert_eq!(answer["record"], Value::Null, "no record was created");
    let breaches = credit_record::Entity::find()
        .filter(credit_record::Column::UnitId.eq(app.unit_row("浔中镇").await))
        .filter(credit_record::Column::Category.eq(enums::RecordCategory::CommitmentBreach))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(breaches, 3, "the pledge, the internal and the public commitment: one record each");
    assert_eq!(platform_push::Entity::find().count(&app.state.db).await.unwrap(), pushes_before, "nothing new pushed");
}

/// A SHARED record of 龙浔镇, made by the credit office.
async fn other_units_record(app: &TestApp, office: &str) -> String {
    let id = commitment_of(app, office, "龙浔镇").await;
    let made = breach(app, office, &id, "GENERAL").await;
    made["data"]["setCommitmentStatus"]["record"]["id"].as_str().unwrap_or_else(|| panic!("{made}")).to_owned()
}

async fn commitment_of(app: &TestApp, token: &str, unit: &str) -> String {
    let input =
        json!({ "unitId": app.unit_id(unit).await, "kind": "DEADLINE", "content": "限时办结", "isPublic": false });
    let body = app.graphql(Some(token), CREATE, json!({ "i": input })).await;
    body["data"]["createCommitment"]["commitment"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}
