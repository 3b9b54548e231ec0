//! `creditRecords.totalCount` summed from the rollups (for a viewer whose list rule the rollups
//! keep, and filters on their dimensions) equals the rows counted, for every such filter, and costs
//! no extra statement.

use serde_json::{json, Value};

use crate::helpers::{spawn_demo_app, TestApp};

const LIST: &str = r#"query($filter: CreditRecordFilter) { creditRecords(first: 5, filter: $filter) { totalCount edges { node { id } } } }"#;

/// The filters the rollups answer: none, each dimension, combinations, a unit alone and with its
/// subtree.
fn filters(township: &str) -> Vec<Value> {
    vec![
        json!({}),
        json!({ "polarity": "DISHONESTY", "severity": "SERIOUS", "status": "ACTIVE" }),
        json!({ "polarity": "HONOR" }),
        json!({ "subjectType": "OFFICIAL", "disclosure": "RESTRICTED" }),
        json!({ "subjectType": "UNIT", "sector": "PROCUREMENT" }),
        json!({ "status": "REPAIRED", "disclosure": "PUBLIC" }),
        json!({ "unitId": township }),
        json!({ "unitId": township, "includeSubunits": true }),
        json!({ "unitId": township, "includeSubunits": true, "severity": "GENERAL", "status": "RECTIFYING" }),
    ]
}

/// Total and statements of one list request.
async fn total(app: &TestApp, token: &str, filter: &Value) -> (u64, u64) {
    app.list_total(token, LIST, "creditRecords", filter).await
}

#[tokio::test]
async fn rollup_totals_equal_the_rows_counted() {
    let app = spawn_demo_app().await;
    let township = app.unit_id("浔中镇").await;
    let leader = app.token_for("leader").await;
    let evaluator = app.evaluator_token();
    let mut nonzero = 0;
    for (who, token) in [("leader", &leader), ("evaluator", &evaluator)] {
        for filter in filters(&township) {
            let (summed, summed_statements) = total(&app, token, &filter).await;
            // A date range is no rollup dimension, so the same filter with an open range counts rows.
            let mut counting = filter.clone();
            counting["decidedFrom"] = json!("1949-10-01");
            let (counted, counted_statements) = total(&app, token, &counting).await;
            assert_eq!(summed, counted, "{who}, {filter}");
            assert_eq!(summed_statements, counted_statements, "{who}, {filter}: one statement for page and total");
            nonzero += usize::from(summed > 0);
        }
    }
    assert!(nonzero >= 12, "the demo data gives most filters rows to count ({nonzero} of 18)");
    // An evaluator lists no official's record, whatever it asks.
    let (officials, _) = total(&app, &evaluator, &json!({ "subjectType": "OFFICIAL" })).await;
    assert_eq!(officials, 0);
}

#[tokio::test]
async fn a_rollup_total_follows_writes() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let court = app.token_for("court").await;
    let township = app.unit_id("浔中镇").await;
    let filter = json!({ "unitId": township, "polarity": "DISHONESTY", "severity": "SERIOUS", "status": "ACTIVE" });
    let (before, _) = total(&app, &leader, &filter).await;
    let day = |offset: i64| (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string();
    let created = app
        .graphql(
            Some(&court),
            r#"mutation($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { record { id } } }"#,
            json!({ "input": {
                "unitId": township, "polarity": "DISHONESTY", "category": "DEFAULTED_JUDGMENT_DEBTOR",
                "severity": "SERIOUS", "title": "合计测试", "facts": "未履行判决确定的付款义务。",
                "documentNumber": "（2026）闽0526执99号", "decidingAuthority": "德化县人民法院",
                "occurredOn": day(-40), "decidedOn": day(-30), "disclosure": "PUBLIC"
            } }),
        )
        .await;
    assert!(created.get("errors").is_none(), "{created}");
    let (after, _) = total(&app, &leader, &filter).await;
    assert_eq!(after, before + 1);
}
