//! Issue 13, incentives and discipline (plan task 2.3.3): a unit with a SERIOUS dishonesty record
//! in force or an overdue rectification, and an official within a sanction period, are refused a
//! COMMENDATION with `HONOURS_BARRED` naming the records; `honoursEligibility` shows it ahead of
//! time, through loaders.

use chengxin::{
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use entity::enums::{Disclosure, RecordStatus, RectificationStatus, Severity};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};
use serde_json::{json, Value};

use crate::{
    helpers::{bad_fields, insert_official, insert_record, spawn_app, spawn_demo_app, RecordFixture, TestApp},
    workflow_fixtures::insert_rectification,
};

const CREATE: &str =
    "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id category } } }";
const ELIGIBILITY: &str = "query($id: ID!) { node(id: $id) { ... on Unit { honoursEligibility { eligible bars { kind record { id } } } } ... on Official { honoursEligibility { eligible bars { kind record { id } } } } } }";

fn commendation(app: &TestApp, unit: &str, official: Option<i32>) -> Value {
    let day = app.clock.today().to_string();
    let mut input = json!({ "unitId": unit, "polarity": "HONOR", "category": "COMMENDATION", "severity": "GENERAL",
        "title": "年度先进集体", "facts": "表彰", "decidingAuthority": "德化县人民政府", "occurredOn": day, "decidedOn": day });
    if let Some(official) = official {
        input["officialId"] = json!(global_id(NodeType::Official, official).0);
        input["title"] = json!("优秀公务员");
    }
    json!({ "i": input })
}

async fn records(app: &TestApp) -> u64 {
    entity::credit_record::Entity::find().count(&app.state.db).await.unwrap()
}

async fn eligibility(app: &TestApp, token: &str, id: String) -> Value {
    let body = app.graphql(Some(token), ELIGIBILITY, json!({ "id": id })).await;
    body["data"]["node"]["honoursEligibility"].clone()
}

#[tokio::test]
async fn a_unit_with_a_serious_record_in_force_is_refused_honours_and_told_which_record_bars_it() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let mut serious = RecordFixture::new("浔中镇", "严重失信", Disclosure::Shared);
    serious.severity = Severity::Serious;
    serious.status = RecordStatus::Rectifying;
    let record = insert_record(&app, serious).await;
    let record_id = global_id(NodeType::CreditRecord, record).0;
    let shown = eligibility(&app, &office, unit.clone()).await;
    assert_eq!(
        shown,
        json!({ "eligible": false, "bars": [{ "kind": "SERIOUS_DISHONESTY", "record": { "id": record_id } }] })
    );
    let before = records(&app).await;
    let refused = app.graphql(Some(&office), CREATE, commendation(&app, &unit, None)).await;
    assert_eq!(bad_fields(&refused), vec![("input.unitId".to_owned(), "HONOURS_BARRED".to_owned())], "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["barredBy"], json!([record_id]), "{refused}");
    assert!(refused["errors"][0]["message"].as_str().unwrap().contains(&record_id), "{refused}");
    assert_eq!(records(&app).await, before, "nothing written");
    // Once repaired, the record no longer bars.
    let mut repaired = entity::credit_record::Entity::find_by_id(record)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    repaired.status = Set(RecordStatus::Repaired);
    repaired.update(&app.state.db).await.unwrap();
    assert_eq!(eligibility(&app, &office, unit.clone()).await, json!({ "eligible": true, "bars": [] }));
    let honoured = app.graphql(Some(&office), CREATE, commendation(&app, &unit, None)).await;
    assert_eq!(honoured["data"]["createCreditRecord"]["record"]["category"], "COMMENDATION", "{honoured}");
    // A GENERAL record does not bar; another township is not barred by 浔中镇's records.
    let other = app.unit_id("龙浔镇").await;
    assert_eq!(eligibility(&app, &office, other).await["eligible"], true);
}

#[tokio::test]
async fn an_overdue_rectification_bars_its_unit() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let record = insert_record(&app, RecordFixture::new("浔中镇", "一般失信", Disclosure::Shared)).await;
    insert_rectification(&app, record, RectificationStatus::Overdue, None).await;
    let shown = eligibility(&app, &office, unit.clone()).await;
    assert_eq!(shown["bars"][0]["kind"], "OVERDUE_RECTIFICATION", "{shown}");
    let refused = app.graphql(Some(&office), CREATE, commendation(&app, &unit, None)).await;
    assert_eq!(bad_fields(&refused), vec![("input.unitId".to_owned(), "HONOURS_BARRED".to_owned())], "{refused}");
}

#[tokio::test]
async fn an_official_within_a_sanction_period_is_refused_an_award() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let personnel = app.token_for("personnel").await;
    let unit = app.unit_id("浔中镇").await;
    let sanctioned = insert_official(&app, "浔中镇", "受处分者", 801).await;
    let lapsed = insert_official(&app, "浔中镇", "处分期满者", 802).await;
    for (official, days) in [(sanctioned, 30), (lapsed, 200)] {
        let decided = (app.clock.today() - chrono::Duration::days(days)).to_string();
        let input = json!({ "i": { "unitId": unit, "officialId": global_id(NodeType::Official, official).0, "polarity": "DISHONESTY",
            "category": "DISCIPLINARY_SANCTION", "sanction": "WARNING", "severity": "GENERAL", "title": "警告处分", "facts": "违反工作纪律",
            "decidingAuthority": "中共德化县纪律检查委员会", "occurredOn": decided, "decidedOn": decided } });
        let made = app.graphql(Some(&office), CREATE, input).await;
        assert!(made["errors"].is_null(), "{made}");
    }
    let refused = app.graphql(Some(&personnel), CREATE, commendation(&app, &unit, Some(sanctioned))).await;
    assert_eq!(bad_fields(&refused), vec![("input.officialId".to_owned(), "HONOURS_BARRED".to_owned())], "{refused}");
    let shown = eligibility(&app, &personnel, global_id(NodeType::Official, sanctioned).0).await;
    assert_eq!(shown["bars"][0]["kind"], "SANCTION_PERIOD", "{shown}");
    // A warning runs six months (政务处分法 art. 8): one decided 200 days ago has ended.
    let awarded = app.graphql(Some(&personnel), CREATE, commendation(&app, &unit, Some(lapsed))).await;
    assert_eq!(awarded["data"]["createCreditRecord"]["record"]["category"], "COMMENDATION", "{awarded}");
}

#[tokio::test]
async fn eligibility_for_a_page_of_units_costs_the_same_statements_for_ten_and_a_hundred() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let query = "query($n: Int!) { units(first: $n) { nodes { name honoursEligibility { eligible bars { kind record { id } } } officials(first: 3) { nodes { honoursEligibility { eligible } } } } } }";
    let mut counts = Vec::new();
    let mut barred = 0;
    for n in [10, 100] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&office), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
        barred = body["data"]["units"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["honoursEligibility"]["eligible"] == false)
            .count();
    }
    assert_eq!(counts[0], counts[1], "statements for 10 and 100 units: {counts:?}");
    assert!(barred > 0, "the demo county has barred units");
}
