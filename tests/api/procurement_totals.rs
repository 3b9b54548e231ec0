//! `procurementContracts.totalCount` summed from the procurement tally (for a viewer who sees every
//! contract, filtering on acceptance, method and late payment) equals the rows counted, costs no
//! extra statement, and follows writes and the passing days.

use chengxin::clock::Clock;
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_demo_app, TestApp};

const LIST: &str = r#"query($filter: ProcurementContractFilter) { procurementContracts(first: 5, filter: $filter) { totalCount edges { node { id } } } }"#;

/// The filters the tally answers: none, each column, combinations.
fn filters() -> Vec<Value> {
    vec![
        json!({}),
        json!({ "acceptance": ["PASSED"] }),
        json!({ "acceptance": ["PENDING", "FAILED"] }),
        json!({ "latePayment": true }),
        json!({ "latePayment": false }),
        json!({ "acceptance": ["PASSED"], "latePayment": true }),
        json!({ "acceptance": ["PASSED"], "latePayment": false }),
        json!({ "method": "PUBLIC_TENDER" }),
        json!({ "method": "PUBLIC_TENDER", "acceptance": ["PASSED"], "latePayment": false }),
    ]
}

/// Total and statements of one list request.
async fn total(app: &TestApp, token: &str, filter: &Value) -> (u64, u64) {
    app.list_total(token, LIST, "procurementContracts", filter).await
}

/// The total of `filter` counted from the rows: a signing range is no tally column.
async fn counted(app: &TestApp, token: &str, filter: &Value) -> (u64, u64) {
    let mut counting = filter.clone();
    counting["signedFrom"] = json!("1949-10-01");
    total(app, token, &counting).await
}

#[tokio::test]
async fn tally_totals_equal_the_rows_counted() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let evaluator = app.evaluator_token();
    let mut nonzero = 0;
    for (who, token) in [("office", &office), ("evaluator", &evaluator)] {
        for filter in filters() {
            let (summed, summed_statements) = total(&app, token, &filter).await;
            let (rows, counted_statements) = counted(&app, token, &filter).await;
            assert_eq!(summed, rows, "{who}, {filter}");
            assert_eq!(summed_statements, counted_statements, "{who}, {filter}: one statement for page and total");
            nonzero += usize::from(summed > 0);
        }
        // Late and not late split the list.
        let (all, _) = total(&app, token, &json!({})).await;
        let (late, _) = total(&app, token, &json!({ "latePayment": true })).await;
        let (on_time, _) = total(&app, token, &json!({ "latePayment": false })).await;
        assert_eq!(late + on_time, all, "{who}");
        assert!(late > 0 && on_time > 0, "{who}: the demo data has both");
    }
    assert!(nonzero >= 16, "the demo data gives most filters rows to count ({nonzero} of 18)");
}

/// The tally's total of `filter` and the rows counted are both `wanted`.
async fn expect(app: &TestApp, token: &str, filter: Value, wanted: u64) {
    let (summed, _) = total(app, token, &filter).await;
    let (rows, _) = counted(app, token, &filter).await;
    assert_eq!((summed, rows), (wanted, wanted), "{filter}");
}

#[tokio::test]
async fn a_tally_total_follows_writes_and_the_days() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let clerk = app.token_for("xunzhong").await;
    let late = json!({ "acceptance": ["PASSED"], "latePayment": true });
    let not_late = json!({ "acceptance": ["PASSED"], "latePayment": false });
    let created = app
        .graphql(
            Some(&clerk),
            r#"mutation($i: CreateProcurementContractInput!) { createProcurementContract(input: $i) { contract { id } } }"#,
            json!({ "i": {
                "purchaserUnitId": app.unit_id("浔中镇").await, "projectNumber": "DHCG-2026-T0002",
                "title": "校舍维修采购项目", "method": "PUBLIC_TENDER", "supplierName": "福建德化鑫顺建设有限公司",
                "supplierUscc": chengxin::seed::synthetic::uscc_for("91", 78), "amount": "98000.00",
                "paymentTermDays": 30, "signedOn": (app.clock.today() - Duration::days(20)).to_string() } }),
        )
        .await;
    let id = created["data"]["createProcurementContract"]["contract"]["id"].as_str().expect("created").to_owned();
    expect(&app, &office, json!({ "acceptance": ["PENDING"] }), 1).await;
    // Accepted today: payment falls due in 30 days, unpaid and not late.
    let accepted = app
        .graphql(
            Some(&clerk),
            r#"mutation($i: RecordAcceptanceInput!) { recordAcceptance(input: $i) { contract { version } } }"#,
            json!({ "i": { "id": id, "version": 1, "result": "PASSED", "acceptedOn": app.clock.today().to_string(), "acceptedBy": "验收小组" } }),
        )
        .await;
    assert_eq!(accepted["data"]["recordAcceptance"]["contract"]["version"], 2, "{accepted}");
    expect(&app, &office, json!({ "acceptance": ["PENDING"] }), 0).await;
    expect(&app, &office, not_late.clone(), 1).await;
    expect(&app, &office, late.clone(), 0).await;
    // 31 days on, still unpaid: late, with no write at all.
    app.clock.advance(Duration::days(31));
    expect(&app, &office, not_late.clone(), 0).await;
    expect(&app, &office, late.clone(), 1).await;
    // Paid a day late: late for good.
    let paid = app
        .graphql(
            Some(&clerk),
            r#"mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { contract { latePayment } } }"#,
            json!({ "i": { "id": id, "version": 2, "paidOn": app.clock.today().to_string() } }),
        )
        .await;
    assert_eq!(paid["data"]["recordPayment"]["contract"]["latePayment"], true, "{paid}");
    expect(&app, &office, late.clone(), 1).await;
    expect(&app, &office, json!({}), 1).await;
}

#[tokio::test]
async fn rebuild_recounts_the_tally() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let (before, _) = total(&app, &office, &json!({ "latePayment": true })).await;
    entity::procurement_tally::Entity::delete_many().exec(&app.state.db).await.unwrap();
    assert_eq!(total(&app, &office, &json!({ "latePayment": true })).await.0, 0, "nothing tallied");
    let rebuilt = chengxin::store::rollups::rebuild(&app.state.db).await.expect("rebuild");
    assert_eq!(rebuilt.contract_shapes, entity::procurement_tally::Entity::find().count(&app.state.db).await.unwrap());
    assert_eq!(total(&app, &office, &json!({ "latePayment": true })).await.0, before);
}
