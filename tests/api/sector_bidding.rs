//! Issue 12, bidding (plan task 3.3): a tender is awarded to a bidder checked with a third-party
//! credit report, or fails; a violation by the tenderer makes its record (sector BIDDING) in the
//! same transaction; who sees which tenders, on every path.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use entity::{credit_record, enums::TenderStatus, tender_project};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{bad_fields, error_code, insert_tender, spawn_app, spawn_demo_app, TestApp};

const AWARD: &str = r#"mutation($i: RecordTenderAwardInput!) { recordTenderAward(input: $i) { tender {
  status winningBidderName winningBidderUscc winningBidderUsccValid awardAmount creditReportReference concludedOn version } } }"#;
const FAIL: &str =
    r#"mutation($i: RecordTenderFailureInput!) { recordTenderFailure(input: $i) { tender { status failureReason } } }"#;
const VIOLATION: &str = r#"mutation($i: RecordTenderViolationInput!) { recordTenderViolation(input: $i) {
  record { category sector severity disclosure unit { shortName } } tender { violationRecords { totalCount } } } }"#;

fn tender_id(row: i32) -> String {
    global_id(NodeType::TenderProject, row).0
}

fn days_ago(app: &TestApp, days: i64) -> String {
    (app.clock.today() - chrono::Duration::days(days)).to_string()
}

async fn stored(app: &TestApp, row: i32) -> tender_project::Model {
    tender_project::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_tender_is_awarded_once_with_its_credit_report_or_fails() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let create = r#"mutation($i: CreateTenderProjectInput!) { createTenderProject(input: $i) { tender { id status agencyName budget } } }"#;
    let unit = app.unit_id("浔中镇").await;
    let mut input = json!({ "unitId": unit, "projectNumber": "DHZB-T-1", "name": "镇区道路改造工程",
        "method": "PUBLIC_TENDER", "budget": "-1", "bidOpeningOn": days_ago(&app, -10) });
    let refused = app.graphql(Some(&clerk), create, json!({ "i": input })).await;
    assert_eq!(bad_fields(&refused), vec![("input.budget".to_owned(), "NOT_POSITIVE".to_owned())]);
    input["budget"] = json!("1200000.50");
    let made = app.graphql(Some(&clerk), create, json!({ "i": input })).await;
    assert_eq!(made["data"]["createTenderProject"]["tender"]["status"], "OPEN", "{made}");
    assert_eq!(made["data"]["createTenderProject"]["tender"]["budget"], "1200000.5");

    let row = insert_tender(&app, "浔中镇", 1, TenderStatus::Open).await;
    let mut award = json!({ "id": tender_id(row), "version": 1, "winningBidderName": "福建德化鑫建设工程有限公司",
        "winningBidderUscc": "91350526MA0000000X", "awardAmount": "4650000.00", "creditReportReference": " ",
        "awardedOn": days_ago(&app, 25) });
    let refused = app.graphql(Some(&clerk), AWARD, json!({ "i": award })).await;
    assert_eq!(
        bad_fields(&refused),
        vec![
            ("input.awardedOn".to_owned(), "DATE_TOO_EARLY".to_owned()),
            ("input.creditReportReference".to_owned(), "REQUIRED".to_owned())
        ],
        "before the bid opening, and without the credit report"
    );
    assert_eq!(stored(&app, row).await.version, 1, "nothing changed");
    award["creditReportReference"] = json!("XYBG-2026-0042");
    award["awardedOn"] = json!(days_ago(&app, 15));
    let awarded = app.graphql(Some(&clerk), AWARD, json!({ "i": award })).await;
    let tender = &awarded["data"]["recordTenderAward"]["tender"];
    assert_eq!(
        (
            tender["status"].as_str(),
            tender["winningBidderUsccValid"].as_bool(),
            tender["creditReportReference"].as_str()
        ),
        (Some("AWARDED"), Some(false), Some("XYBG-2026-0042")),
        "a bad USCC is kept and flagged: {awarded}"
    );
    award["version"] = json!(2);
    let again = app.graphql(Some(&clerk), AWARD, json!({ "i": award })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION", "{again}");
    let fail = json!({ "i": { "id": tender_id(row), "version": 2, "reason": "投标人不足三家", "failedOn": days_ago(&app, 1) } });
    assert_eq!(error_code(&app.graphql(Some(&clerk), FAIL, fail).await), "INVALID_TRANSITION");

    let other = insert_tender(&app, "浔中镇", 2, TenderStatus::Open).await;
    let fail = json!({ "i": { "id": tender_id(other), "version": 1, "reason": "投标人不足三家", "failedOn": days_ago(&app, 1) } });
    let failed = app.graphql(Some(&clerk), FAIL, fail).await;
    assert_eq!(failed["data"]["recordTenderFailure"]["tender"]["status"], "FAILED", "{failed}");
}

#[tokio::test]
async fn a_violation_makes_the_tenderers_bidding_record_in_the_same_transaction() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_tender(&app, "浔中镇", 1, TenderStatus::Awarded).await;
    let mut input = json!({ "id": tender_id(row), "category": "COMMENDATION", "facts": "以不合理条件限制、排斥潜在投标人",
        "occurredOn": days_ago(&app, 18) });
    let refused = app.graphql(Some(&office), VIOLATION, json!({ "i": input })).await;
    assert_eq!(bad_fields(&refused), vec![("input.category".to_owned(), "COMMENDATION_IS_HONOR".to_owned())]);
    let records = || {
        credit_record::Entity::find()
            .filter(credit_record::Column::SourceType.eq("tender_project"))
            .count(&app.state.db)
    };
    assert_eq!(records().await.unwrap(), 0, "nothing written");
    input["category"] = json!("ADMINISTRATIVE_PENALTY");
    let made = app.graphql(Some(&office), VIOLATION, json!({ "i": input })).await;
    let made = &made["data"]["recordTenderViolation"];
    assert_eq!(
        made["record"],
        json!({ "category": "ADMINISTRATIVE_PENALTY", "sector": "BIDDING", "severity": "GENERAL", "disclosure": "SHARED", "unit": { "shortName": "浔中镇" } }),
        "{made}"
    );
    assert_eq!(made["tender"]["violationRecords"]["totalCount"], 1);
    assert_eq!(records().await.unwrap(), 1);
}

#[tokio::test]
async fn a_township_clerk_never_sees_another_townships_tenders_and_the_lead_departments_see_all() {
    let app = spawn_app().await;
    let mine = insert_tender(&app, "浔中镇", 1, TenderStatus::Open).await;
    let theirs = insert_tender(&app, "龙浔镇", 2, TenderStatus::Open).await;
    let clerk = app.token_for("xunzhong").await;
    let list = app.graphql(Some(&clerk), "{ tenderProjects { totalCount nodes { id } } }", json!({})).await;
    assert_eq!(
        list["data"]["tenderProjects"],
        json!({ "totalCount": 1, "nodes": [{ "id": tender_id(mine) }] }),
        "{list}"
    );
    let node =
        app.graphql(Some(&clerk), "query($id: ID!) { node(id: $id) { id } }", json!({ "id": tender_id(theirs) })).await;
    assert_eq!(node["data"]["node"], Value::Null, "{node}");
    let fail = json!({ "i": { "id": tender_id(theirs), "version": 1, "reason": "投标人不足三家", "failedOn": days_ago(&app, 1) } });
    assert_eq!(error_code(&app.graphql(Some(&clerk), FAIL, fail.clone()).await), "NOT_FOUND");
    for lead in ["县发改局", "县行政服务中心"] {
        let token = app.api_token(Role::UnitClerk, Some(lead)).await;
        let all = app.graphql(Some(&token), "{ tenderProjects { totalCount } }", json!({})).await;
        assert_eq!(all["data"]["tenderProjects"]["totalCount"], 2, "{lead}: {all}");
    }
    let lead = app.api_token(Role::UnitClerk, Some("县发改局")).await;
    let failed = app.graphql(Some(&lead), FAIL, fail).await;
    assert_eq!(failed["data"]["recordTenderFailure"]["tender"]["status"], "FAILED", "{failed}");
}

#[tokio::test]
async fn the_seeds_tenders_cover_every_state() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    for status in ["OPEN", "AWARDED", "FAILED"] {
        let query = format!("{{ tenderProjects(filter: {{ status: [{status}] }}) {{ totalCount }} }}");
        let body = app.graphql(Some(&office), &query, json!({})).await;
        assert!(body["data"]["tenderProjects"]["totalCount"].as_u64().unwrap() > 0, "{status}: {body}");
    }
}

#[tokio::test]
async fn ten_and_a_hundred_tenders_list_in_the_same_statements() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    for serial in 0..100 {
        let status = [TenderStatus::Open, TenderStatus::Awarded, TenderStatus::Failed][serial as usize % 3];
        insert_tender(&app, ["浔中镇", "龙浔镇"][serial as usize % 2], 1_000 + serial, status).await;
    }
    let query = "query($n: Int!) { tenderProjects(first: $n) { totalCount nodes { projectNumber unit { name } status creditReportReference violationRecords(first: 2) { totalCount nodes { title } } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&office), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
    }
    assert_eq!(counts[0], counts[1], "statements for 10 and 100 tenders: {counts:?}");
}

#[tokio::test]
async fn the_readmes_bidding_query_runs() {
    assert!(crate::helpers::readme_query_total("TenderProjects", "tenderProjects").await > 0);
}
