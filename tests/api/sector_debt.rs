//! Issue 12, local debt (plan task 3.5): fiscal capacity, the debt ratio and its band, the
//! overdue job, flagged township debt, and who sees which debt.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use entity::{credit_record, debt_instrument, enums::DebtKind};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_debt, spawn_app, TestApp};

const SET: &str = "mutation($i: SetFiscalCapacityInput!) { setFiscalCapacity(input: $i) { year amount } }";
const RISK: &str = "query($y: Int!, $u: ID) { debtRisk(year: $y, unitId: $u) { year outstanding overdue fiscalCapacity debtRatio band overdueRatio previousBand maturingWithin90Days { code } flagged { code flag } } }";

async fn set(app: &TestApp, token: &str, unit: &str, year: i32, amount: &str) -> Value {
    let input = json!({ "unitId": app.unit_id(unit).await, "year": year, "amount": amount });
    app.graphql(Some(token), SET, json!({ "i": input })).await
}

#[tokio::test]
async fn the_ratio_its_band_and_last_years_come_from_exact_sums() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let year = chrono::Datelike::year(&app.clock.today());
    // The county's bonds: 1 000 yuan issued two years ago, 500 this year maturing in 30 days;
    // a township's implicit debt of 300 under it.
    insert_debt(&app, "县政府", 1, DebtKind::GeneralBond, 1_000, 730, 400).await;
    insert_debt(&app, "县政府", 2, DebtKind::SpecialBond, 500, 0, 30).await;
    insert_debt(&app, "浔中镇", 3, DebtKind::Other, 300, 800, 900).await;
    assert_eq!(set(&app, &office, "县政府", year, "1200").await["data"]["setFiscalCapacity"]["amount"], "1200");
    set(&app, &office, "县政府", year - 1, "2000").await;
    let body = app.graphql(Some(&office), RISK, json!({ "y": year })).await;
    let risk = &body["data"]["debtRisk"];
    assert_eq!(risk["outstanding"], "1800", "{body}");
    assert_eq!(risk["debtRatio"], "150", "1800 / 1200");
    assert_eq!(risk["band"], "YELLOW");
    // Last year: the two older instruments (1 300) over 2 000.
    assert_eq!(risk["previousBand"], "GREEN");
    assert_eq!(risk["maturingWithin90Days"].as_array().unwrap().len(), 1);
    assert_eq!(risk["flagged"], json!([{ "code": "TEST-ZQ-00003", "flag": "IMPLICIT_TOWNSHIP_DEBT" }]));
    // A figure set again replaces the year's.
    set(&app, &office, "县政府", year, "500").await;
    let body = app.graphql(Some(&office), RISK, json!({ "y": year })).await;
    assert_eq!(body["data"]["debtRisk"]["band"], "RED", "1800 / 500 = 360 %: {body}");
}

#[tokio::test]
async fn fiscal_capacity_is_set_by_the_credit_office_or_the_finance_bureau_only() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let refused = set(&app, &clerk, "浔中镇", 2026, "100").await;
    assert_eq!(
        (error_code(&refused), refused["errors"][0]["extensions"]["reason"].as_str()),
        ("FORBIDDEN", Some("FINANCE_BUREAU_ONLY"))
    );
    let finance = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    assert_eq!(set(&app, &finance, "县政府", 2026, "100").await["data"]["setFiscalCapacity"]["year"], 2026);
    let bad = set(&app, &finance, "县政府", 1999, "0").await;
    let fields: Vec<&str> = bad["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["NUMBER_BETWEEN", "NOT_POSITIVE"], "{bad}");
}

#[tokio::test]
async fn an_instrument_past_maturity_becomes_overdue_with_one_record() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_debt(&app, "县政府", 1, DebtKind::GeneralBond, 700, 1_000, -5).await;
    insert_debt(&app, "县政府", 2, DebtKind::GeneralBond, 700, 1_000, 5).await;
    let sweep = "mutation { runDeadlineSweep { debtsOverdue } }";
    assert_eq!(app.graphql(Some(&office), sweep, json!({})).await["data"]["runDeadlineSweep"]["debtsOverdue"], 1);
    app.clock.advance(chrono::Duration::days(1));
    let office = app.token_for("office").await;
    assert_eq!(app.graphql(Some(&office), sweep, json!({})).await["data"]["runDeadlineSweep"]["debtsOverdue"], 0);
    let debt = debt_instrument::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(debt.status, entity::enums::DebtStatus::Overdue);
    let records = credit_record::Entity::find()
        .filter(credit_record::Column::SourceType.eq("debt_instrument"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(records, 1);
    let year = chrono::Datelike::year(&app.clock.today());
    set(&app, &office, "县政府", year, "1400").await;
    let risk = app.graphql(Some(&office), RISK, json!({ "y": year })).await;
    assert_eq!(risk["data"]["debtRisk"]["overdueRatio"], "50", "{risk}");
}

#[tokio::test]
async fn a_township_clerk_sees_only_its_own_debt_on_every_path() {
    let app = spawn_app().await;
    let mine = insert_debt(&app, "浔中镇", 1, DebtKind::Other, 300, 800, 900).await;
    let county = insert_debt(&app, "县政府", 2, DebtKind::GeneralBond, 1_000, 700, 400).await;
    let clerk = app.token_for("xunzhong").await;
    let list = app.graphql(Some(&clerk), "{ debtInstruments { totalCount nodes { id flag } } }", json!({})).await;
    assert_eq!(list["data"]["debtInstruments"]["totalCount"], 1, "{list}");
    assert_eq!(list["data"]["debtInstruments"]["nodes"][0]["id"], global_id(NodeType::DebtInstrument, mine).0);
    let node = format!("{{ node(id: \"{}\") {{ id }} }}", global_id(NodeType::DebtInstrument, county).0);
    assert_eq!(app.graphql(Some(&clerk), &node, json!({})).await["data"]["node"], Value::Null);
    // Its view of the county's risk counts only what it may see.
    let risk = app.graphql(Some(&clerk), RISK, json!({ "y": 2026 })).await;
    assert_eq!(risk["data"]["debtRisk"]["outstanding"], "300", "{risk}");
    let finance = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    let all = app.graphql(Some(&finance), "{ debtInstruments { totalCount } }", json!({})).await;
    assert_eq!(all["data"]["debtInstruments"]["totalCount"], 2, "{all}");
}

#[tokio::test]
async fn the_readmes_debt_query_runs() {
    let readme = include_str!("../../README.md");
    let start = readme.find("query DebtRisk").expect("the README's query");
    let query = &readme[start..start + readme[start..].find("```").expect("end of block")];
    let app = crate::helpers::spawn_demo_app().await;
    let office = app.token_for("office").await;
    let body = app.graphql(Some(&office), query, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    assert!(body["data"]["debtRisk"]["band"].is_string(), "the demo county has its fiscal capacity: {body}");
}
