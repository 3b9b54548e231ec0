//! Keyset paging: pages are bounded by their cursor's key, not by a position, so rows inserted
//! while a client pages never shift or repeat a page; `last`/`before` walk back over the same
//! rows; a deep page costs the statements page 1 costs; and cursors of another order or forged
//! keys are `BAD_USER_INPUT`.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use entity::enums::{Disclosure, Severity};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_contract, insert_record, spawn_app, RecordFixture, TestApp};

const RECORDS: &str = r#"query($first: Int, $after: String, $last: Int, $before: String, $order: CreditRecordOrder) {
  creditRecords(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title decidedOn severity } }
  }
}"#;

fn ids(body: &Value, list: &str) -> Vec<String> {
    body["data"][list]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("no edges: {body}"))
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// `count` records of 浔中镇, decided over `count / 3` days (three a day, so the id breaks ties),
/// severities in turn.
async fn records(app: &TestApp, count: usize) {
    let severities = [Severity::Minor, Severity::General, Severity::Serious];
    for n in 0..count {
        let title = format!("记录 {n}");
        let mut fixture = RecordFixture::new("浔中镇", &title, Disclosure::Shared);
        fixture.days_ago = 10 + (n / 3) as i64;
        fixture.severity = severities[n % 3];
        insert_record(app, fixture).await;
    }
}

/// One list, as `walk` pages through it: its query (paging variables `first`, `after`, `last`,
/// `before`), its field, and the other variables.
struct List<'a> {
    query: &'a str,
    field: &'a str,
    variables: Value,
}

/// Every page forward (`first`) or backward (`last`), checking Relay's `pageInfo` rules on each.
async fn walk(app: &TestApp, token: &str, list: &List<'_>, size: i64, backward: bool) -> Vec<String> {
    let (mut all, mut cursor): (Vec<String>, Option<String>) = (Vec::new(), None);
    loop {
        let mut variables = list.variables.clone();
        let paging = if backward { ["last", "before"] } else { ["first", "after"] };
        variables[paging[0]] = json!(size);
        variables[paging[1]] = json!(cursor);
        let body = app.graphql(Some(token), list.query, variables).await;
        let page = ids(&body, list.field);
        let info = &body["data"][list.field]["pageInfo"];
        let (more, next) = if backward {
            assert_eq!(info["hasNextPage"], cursor.is_some(), "{body}");
            all.splice(0..0, page);
            (info["hasPreviousPage"].as_bool().unwrap(), &info["startCursor"])
        } else {
            assert_eq!(info["hasPreviousPage"], cursor.is_some(), "{body}");
            all.extend(page);
            (info["hasNextPage"].as_bool().unwrap(), &info["endCursor"])
        };
        if !more {
            return all;
        }
        cursor = next.as_str().map(str::to_owned);
    }
}

#[tokio::test]
async fn pages_forward_and_backward_cover_every_order_without_gaps_or_overlaps() {
    let app = spawn_app().await;
    records(&app, 23).await;
    let office = app.token_for("office").await;
    for (field, direction) in [
        ("DECIDED_ON", "DESC"),
        ("DECIDED_ON", "ASC"),
        ("SEVERITY", "DESC"),
        ("SEVERITY", "ASC"),
        ("RECORDED_AT", "DESC"),
    ] {
        let order = json!({ "field": field, "direction": direction });
        let everything =
            ids(&app.graphql(Some(&office), RECORDS, json!({ "first": 100, "order": order })).await, "creditRecords");
        assert_eq!(everything.len(), 23);
        let list = List { query: RECORDS, field: "creditRecords", variables: json!({ "order": order }) };
        assert_eq!(walk(&app, &office, &list, 4, false).await, everything, "{field} {direction} forward");
        assert_eq!(walk(&app, &office, &list, 4, true).await, everything, "{field} {direction} backward");
    }
    // `first` with `before`: the rows between two cursors.
    let order = json!({ "field": "DECIDED_ON", "direction": "DESC" });
    let page = app.graphql(Some(&office), RECORDS, json!({ "first": 10, "order": order })).await;
    let edges = page["data"]["creditRecords"]["edges"].as_array().unwrap();
    let (from, to) = (edges[2]["cursor"].as_str().unwrap(), edges[7]["cursor"].as_str().unwrap());
    let between =
        app.graphql(Some(&office), RECORDS, json!({ "first": 10, "after": from, "before": to, "order": order })).await;
    assert_eq!(ids(&between, "creditRecords"), ids(&page, "creditRecords")[3..7].to_vec());
    let last =
        app.graphql(Some(&office), RECORDS, json!({ "last": 2, "after": from, "before": to, "order": order })).await;
    assert_eq!(ids(&last, "creditRecords"), ids(&page, "creditRecords")[5..7].to_vec());
    assert_eq!(last["data"]["creditRecords"]["pageInfo"]["hasPreviousPage"], true, "{last}");
}

#[tokio::test]
async fn pages_stay_stable_while_rows_are_inserted_before_and_after_the_cursor() {
    let app = spawn_app().await;
    records(&app, 30).await;
    let office = app.token_for("office").await;
    let order = json!({ "field": "DECIDED_ON", "direction": "DESC" });
    let before_inserts =
        ids(&app.graphql(Some(&office), RECORDS, json!({ "first": 100, "order": order })).await, "creditRecords");
    // Page through while newer and older records are inserted at the same time.
    let (mut seen, mut cursor): (Vec<String>, Option<String>) = (Vec::new(), None);
    for round in 0.. {
        let page = app.graphql(Some(&office), RECORDS, json!({ "first": 4, "after": cursor, "order": order }));
        let writers = [1, 400].map(|days_ago| {
            let title = format!("并发记录 {round} {days_ago}");
            let app = &app;
            async move {
                let mut fixture = RecordFixture::new("浔中镇", &title, Disclosure::Shared);
                fixture.days_ago = days_ago;
                insert_record(app, fixture).await
            }
        });
        let (body, _) = tokio::join!(page, futures::future::join_all(writers));
        seen.extend(ids(&body, "creditRecords"));
        let info = &body["data"]["creditRecords"]["pageInfo"];
        if !info["hasNextPage"].as_bool().unwrap() {
            break;
        }
        cursor = info["endCursor"].as_str().map(str::to_owned);
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no row came twice");
    let original: Vec<&String> = seen.iter().filter(|id| before_inserts.contains(id)).collect();
    assert_eq!(original, before_inserts.iter().collect::<Vec<_>>(), "every earlier row, once, in order");
    assert!(seen.len() > before_inserts.len(), "the older rows inserted behind the cursor came too");
}

/// The statements one request of `RECORDS` costs, and its answer.
async fn cost(app: &TestApp, token: &str, variables: Value) -> (u64, Value) {
    let start = app.sql_statements().await;
    let body = app.graphql(Some(token), RECORDS, variables).await;
    assert!(body["errors"].is_null(), "{body}");
    (app.sql_statements().await - start, body)
}

#[tokio::test]
async fn a_deep_page_costs_the_statements_of_the_first() {
    let app = spawn_app().await;
    records(&app, 60).await;
    let office = app.token_for("office").await;
    let order = json!({ "field": "DECIDED_ON", "direction": "DESC" });
    let deep = app.graphql(Some(&office), RECORDS, json!({ "first": 55, "order": order })).await;
    let cursor = deep["data"]["creditRecords"]["pageInfo"]["endCursor"].as_str().unwrap().to_owned();
    let (first, page_1) = cost(&app, &office, json!({ "first": 5, "order": order })).await;
    let (deeper, page_12) = cost(&app, &office, json!({ "first": 5, "after": cursor, "order": order })).await;
    let rows = |body: &Value| ids(body, "creditRecords").len();
    assert_eq!((first, rows(&page_1)), (deeper, rows(&page_12)), "(statements, rows) of page 1 and of page 12");
    assert_eq!(rows(&page_1), 5);
}

#[tokio::test]
async fn a_page_with_its_total_count_is_one_statement_and_counts_every_page_alike() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let statements = |variables: Value| {
        let (app, office) = (&app, &office);
        async move {
            let (statements, body) = cost(app, office, variables).await;
            let page = &body["data"]["creditRecords"];
            let cursor = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
            (statements, page["totalCount"].as_u64().unwrap(), ids(&body, "creditRecords").len(), cursor)
        }
    };
    let (cost, total, rows, _) = statements(json!({ "first": 5 })).await;
    assert_eq!((cost, total, rows), (1, 0, 0), "an empty list: one statement, totalCount 0");
    records(&app, 12).await;
    let (cost, total, rows, cursor) = statements(json!({ "first": 5 })).await;
    assert_eq!((cost, total, rows), (1, 12, 5), "the page and its count in one statement");
    let (cost, total, rows, cursor) = statements(json!({ "first": 5, "after": cursor })).await;
    assert_eq!((cost, total, rows), (1, 12, 5), "a later page counts the whole list too");
    let (_, _, rows, cursor) = statements(json!({ "first": 5, "after": cursor })).await;
    assert_eq!(rows, 2);
    let (cost, total, rows, _) = statements(json!({ "first": 5, "after": cursor })).await;
    assert_eq!((cost, total, rows), (2, 12, 0), "an empty page after the last counts on its own");
    let without = app.graphql(Some(&office), "{ creditRecords(first: 5) { edges { node { id } } } }", json!({})).await;
    assert_eq!(without["data"]["creditRecords"]["edges"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn rows_without_a_sort_value_come_last_both_ways() {
    let app = spawn_app().await;
    for serial in 0..9 {
        insert_contract(&app, "浔中镇", serial, serial % 3 != 0, None).await;
    }
    let office = app.token_for("office").await;
    let query = r#"query($first: Int, $after: String, $last: Int, $before: String, $direction: OrderDirection!) {
      procurementContracts(first: $first, after: $after, last: $last, before: $before,
                           orderBy: { field: PAYMENT_DUE_ON, direction: $direction }) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { node { id paymentDueOn } }
      } }"#;
    for direction in ["ASC", "DESC"] {
        let all = app.graphql(Some(&office), query, json!({ "first": 100, "direction": direction })).await;
        let everything = ids(&all, "procurementContracts");
        let due: Vec<&Value> = all["data"]["procurementContracts"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["node"]["paymentDueOn"])
            .collect();
        assert_eq!(due.iter().filter(|d| d.is_null()).count(), 3);
        assert!(due[6..].iter().all(|d| d.is_null()), "empty due dates last: {due:?}");
        let list = List { query, field: "procurementContracts", variables: json!({ "direction": direction }) };
        for backward in [false, true] {
            let walked = walk(&app, &office, &list, 2, backward).await;
            assert_eq!(walked, everything, "{direction}, backward: {backward}");
        }
    }
}

#[tokio::test]
async fn cursors_of_another_order_or_with_forged_keys_are_bad_input() {
    let app = spawn_app().await;
    records(&app, 6).await;
    let office = app.token_for("office").await;
    let by_date = json!({ "field": "DECIDED_ON", "direction": "DESC" });
    let page = app.graphql(Some(&office), RECORDS, json!({ "first": 2, "order": by_date })).await;
    let cursor = page["data"]["creditRecords"]["pageInfo"]["endCursor"].as_str().unwrap().to_owned();
    let by_severity = json!({ "field": "SEVERITY", "direction": "DESC" });
    let other = app.graphql(Some(&office), RECORDS, json!({ "first": 2, "after": cursor, "order": by_severity })).await;
    assert_eq!(error_code(&other), "BAD_USER_INPUT", "{other}");
    assert_eq!(other["errors"][0]["extensions"]["reason"], "CURSOR_OF_ANOTHER_ORDER");
    assert_eq!(other["errors"][0]["extensions"]["field"], "after");
    let forge =
        |key: Value| URL_SAFE_NO_PAD.encode(format!("cx2:{}", json!({ "o": "decided_on:desc", "k": key, "i": 1 })));
    for key in [json!({ "Text": "x' OR 1=1" }), json!({ "Int": 5 }), json!("Null"), json!({ "Date": "not a date" })] {
        let forged = app
            .graphql(Some(&office), RECORDS, json!({ "last": 2, "before": forge(key.clone()), "order": by_date }))
            .await;
        assert_eq!(error_code(&forged), "BAD_USER_INPUT", "{key}: {forged}");
        assert_eq!(forged["errors"][0]["extensions"]["reason"], "INVALID_CURSOR", "{key}");
        assert_eq!(forged["errors"][0]["extensions"]["field"], "before");
    }
    let fine = app
        .graphql(
            Some(&office),
            RECORDS,
            json!({ "first": 2, "after": forge(json!({ "Date": "2020-01-01" })), "order": by_date }),
        )
        .await;
    assert!(fine["errors"].is_null(), "a well-formed key pages from it: {fine}");
    assert_eq!(ids(&fine, "creditRecords").len(), 0, "nothing was decided before 2020");
}
