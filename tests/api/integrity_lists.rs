//! `integrityLists`: a period's red and black lists follow their criteria, as each viewer may see
//! them, and a new SERIOUS record moves a unit from the red list to the black one.

use chengxin::service;
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordStatus, Severity, SubjectType},
    evaluation_period,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, spawn_demo_app, TestApp},
    service_harness::{actor, penalty, trace, viewer_for},
};

const LISTS: &str = "query($p: ID!) { integrityLists(periodId: $p) {
  red { unit { id name } evaluation { grade } reasons seriousRecords { id } }
  black { unit { id name } evaluation { grade } reasons seriousRecords { id disclosure } } } }";

async fn lists(app: &TestApp, token: Option<&str>, period: &str) -> Value {
    let body = app.graphql(token, LISTS, json!({ "p": period })).await;
    assert!(body.get("errors").is_none(), "{body}");
    body["data"]["integrityLists"].clone()
}

/// The latest published period's global id.
async fn published_period(app: &TestApp) -> String {
    let period = evaluation_period::Entity::find()
        .filter(evaluation_period::Column::PublishedAt.is_not_null())
        .order_by_desc(evaluation_period::Column::StartsOn)
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the seed published a period");
    chengxin::ids::public_id(chengxin::ids::NodeType::EvaluationPeriod, period.id)
}

async fn serious_in_force(app: &TestApp) -> Vec<credit_record::Model> {
    credit_record::Entity::find()
        .filter(credit_record::Column::SubjectType.eq(SubjectType::Unit))
        .filter(credit_record::Column::Polarity.eq(Polarity::Dishonesty))
        .filter(credit_record::Column::Severity.eq(Severity::Serious))
        .filter(credit_record::Column::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_lists_follow_their_criteria_for_each_viewer() {
    let app = spawn_demo_app().await;
    let period = published_period(&app).await;
    let office = app.token_for("office").await;
    let lists_of_office = lists(&app, Some(&office), &period).await;
    let red = lists_of_office["red"].as_array().unwrap();
    let black = lists_of_office["black"].as_array().unwrap();
    assert!(!red.is_empty() && !black.is_empty(), "{lists_of_office}");
    for entry in red {
        assert_eq!(entry["evaluation"]["grade"], "A");
        assert_eq!(entry["reasons"], json!(["GRADE_A"]));
        assert_eq!(entry["seriousRecords"], json!([]));
    }
    let serious = serious_in_force(&app).await;
    let mut with_serious: Vec<i32> = serious.iter().map(|r| r.unit_id).collect();
    with_serious.sort_unstable();
    with_serious.dedup();
    let black_with_records = black.iter().filter(|e| !e["seriousRecords"].as_array().unwrap().is_empty()).count();
    assert_eq!(black_with_records, with_serious.len(), "every unit with a SERIOUS record of its own in force");
    assert!(black_with_records > 0);
    for entry in black {
        let reasons = entry["reasons"].as_array().unwrap();
        assert_eq!(reasons.contains(&json!("GRADE_D")), entry["evaluation"]["grade"] == "D");
        assert_eq!(
            reasons.contains(&json!("SERIOUS_RECORD_IN_FORCE")),
            !entry["seriousRecords"].as_array().unwrap().is_empty()
        );
    }
    // The public sees the same lists (the period is published), without the records.
    let body = app
        .graphql(
            None,
            "query($p: ID!) { integrityLists(periodId: $p) { red { unit { id } } black { unit { id } reasons } } }",
            json!({ "p": period }),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
    let public = body["data"]["integrityLists"].clone();
    let hidden = lists(&app, None, &period).await;
    let shown: usize =
        hidden["black"].as_array().unwrap().iter().map(|e| e["seriousRecords"].as_array().unwrap().len()).sum();
    assert_eq!(shown, 0, "the portal reads no credit record");
    let units = |lists: &Value, which: &str| -> Vec<Value> {
        lists[which].as_array().unwrap().iter().map(|e| e["unit"]["id"].clone()).collect()
    };
    assert_eq!(units(&public, "red"), units(&lists_of_office, "red"), "the same lists for everyone");
    assert_eq!(units(&public, "black"), units(&lists_of_office, "black"));
    let wrong = app.graphql(Some(&office), LISTS, json!({ "p": "RXZhbHVhdGlvblBlcmlvZDo5OTk5" })).await;
    assert!(matches!(error_code(&wrong), "NOT_FOUND" | "BAD_USER_INPUT"), "{wrong}");
}

#[tokio::test]
async fn a_serious_record_moves_a_red_unit_to_the_black_list() {
    let app = spawn_demo_app().await;
    let period = published_period(&app).await;
    let office_token = app.token_for("office").await;
    let before = lists(&app, Some(&office_token), &period).await;
    let first_red = before["red"][0]["unit"]["id"].as_str().unwrap().to_owned();
    let unit =
        chengxin::graphql::ids::expect_id(&async_graphql::ID(first_red.clone()), chengxin::ids::NodeType::Unit, "unit")
            .unwrap();
    let office = viewer_for(&app, "office").await;
    let trace = trace();
    let record = service::credit_records::CreateRecord {
        disclosure: Some(Disclosure::Shared),
        ..penalty(&app, unit, Severity::Serious)
    };
    service::credit_records::create(&app.state, &actor(&app, &office, &trace), record).await.expect("record");
    let after = lists(&app, Some(&office_token), &period).await;
    assert!(!after["red"].as_array().unwrap().iter().any(|e| e["unit"]["id"] == first_red.as_str()));
    let black = after["black"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["unit"]["id"] == first_red.as_str())
        .expect("on the black list");
    assert_eq!(black["reasons"], json!(["SERIOUS_RECORD_IN_FORCE"]));
    assert_eq!(black["evaluation"]["grade"], "A");
}
