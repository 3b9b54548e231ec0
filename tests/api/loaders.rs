//! Nested fields go through per-request loaders: a page of 10 units and a page of 100 cost the
//! same, small number of SQL statements (read from the `/metrics` counter).

use chengxin::graphql::connection::encode_cursor;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use crate::helpers::{spawn_demo_app, TestApp};

const NESTED: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name parent { name } children { name } officials(first: 3) { totalCount edges { node { name unit { name } } } } } }
  }
}"#;

const STATS: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name recordStats { minor general serious commendations rectifying } } }
  }
}"#;

const RECORDS: &str = r#"query($first: Int!) {
  units(first: $first) {
    edges { node { name creditRecords(first: 2) { totalCount edges { node { title official { name } recordedBy { name } } } } } }
  }
}"#;

async fn statements_for(app: &TestApp, token: &str, first: usize) -> (u64, serde_json::Value) {
    statements_of(app, token, NESTED, first).await
}

async fn statements_of(app: &TestApp, token: &str, query: &str, first: usize) -> (u64, serde_json::Value) {
    // Warm the token's session check (cached for a second), so only the query's statements count.
    app.graphql(Some(token), "{ me { role } }", json!({})).await;
    let before = app.sql_statements().await;
    let body = app.graphql(Some(token), query, json!({ "first": first })).await;
    assert!(body.get("errors").is_none(), "{body}");
    (app.sql_statements().await - before, body)
}

// Two workers: the server's batches run on other threads while resolvers still add keys.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_units_cost_the_same_statements_for_10_and_100_units() {
    let app = spawn_demo_app().await;
    let token = app.token_for("leader").await;
    let (ten, _) = statements_for(&app, &token, 10).await;
    let (hundred, body) = statements_for(&app, &token, 100).await;
    println!("statements: 10 units → {ten}, 100 units → {hundred}");
    assert_eq!(ten, hundred);
    assert!(
        hundred <= 4,
        "{hundred} statements (units, parents and officials' units, children, officials with their counts)"
    );
    let edges = body["data"]["units"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 100);
    let with_officials = edges.iter().filter(|e| e["node"]["officials"]["totalCount"].as_u64().unwrap() > 0).count();
    assert!(with_officials > 10, "the demo seed placed officials across units");
    for edge in edges {
        let shown = edge["node"]["officials"]["edges"].as_array().unwrap().len() as u64;
        let total = edge["node"]["officials"]["totalCount"].as_u64().unwrap();
        assert_eq!(shown, total.min(3));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn record_stats_cost_the_same_for_10_and_100_units_for_every_scope() {
    let app = spawn_demo_app().await;
    for who in ["leader", "xunzhong", "court"] {
        let token = app.token_for(who).await;
        let (ten, _) = statements_of(&app, &token, STATS, 10).await;
        let (hundred, body) = statements_of(&app, &token, STATS, 100).await;
        println!("recordStats as {who}: 10 units → {ten}, 100 units → {hundred}");
        assert_eq!(ten, hundred, "{who}");
        assert!(body["data"]["units"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["node"]["recordStats"]["general"].as_u64().unwrap() > 0));
    }
}

/// The leader's `recordStats` (read from the rollups) equal the records counted afresh, unit by unit.
#[tokio::test]
async fn record_stats_from_the_rollups_equal_the_records_counted_afresh() {
    let app = spawn_demo_app().await;
    let token = app.token_for("leader").await;
    let query = "{ units(first: 100) { edges { node { id recordStats { minor general serious commendations rectifying } officials: recordStats(subjectType: OFFICIAL) { general } } } } }";
    let body = app.graphql(Some(&token), query, json!({})).await;
    let sql = "SELECT unit_id, \
        SUM(CASE WHEN polarity = 'DISHONESTY' AND severity = 'MINOR' THEN 1 ELSE 0 END), \
        SUM(CASE WHEN polarity = 'DISHONESTY' AND severity = 'GENERAL' THEN 1 ELSE 0 END), \
        SUM(CASE WHEN polarity = 'DISHONESTY' AND severity = 'SERIOUS' THEN 1 ELSE 0 END), \
        SUM(CASE WHEN polarity = 'HONOR' AND status = 'ACTIVE' THEN 1 ELSE 0 END), \
        SUM(CASE WHEN polarity = 'DISHONESTY' AND status = 'RECTIFYING' THEN 1 ELSE 0 END), \
        SUM(CASE WHEN polarity = 'DISHONESTY' AND severity = 'GENERAL' AND subject_type = 'OFFICIAL' THEN 1 ELSE 0 END) \
        FROM credit_record WHERE status IN ('ACTIVE', 'RECTIFYING') GROUP BY unit_id";
    let backend = app.state.db.get_database_backend();
    let rows = app.state.db.query_all_raw(Statement::from_string(backend, sql)).await.expect("count");
    let mut expected = std::collections::HashMap::new();
    for row in rows {
        let n = |i: usize| row.try_get_by_index::<i64>(i).unwrap_or_default();
        expected.insert(row.try_get_by_index::<i32>(0).unwrap(), [n(1), n(2), n(3), n(4), n(5), n(6)]);
    }
    let mut nonzero = 0;
    for edge in body["data"]["units"]["edges"].as_array().unwrap() {
        let node = &edge["node"];
        let (_, row) = chengxin::graphql::ids::parse_global_id(node["id"].as_str().unwrap()).unwrap();
        let stats = &node["recordStats"];
        let got = ["minor", "general", "serious", "commendations", "rectifying"].map(|f| stats[f].as_i64().unwrap());
        let want = expected.get(&row).copied().unwrap_or_default();
        assert_eq!(got, want[..5], "unit {row}: {node}");
        assert_eq!(node["officials"]["general"].as_i64().unwrap(), want[5], "unit {row}'s officials");
        nonzero += usize::from(want.iter().any(|n| *n > 0));
    }
    assert!(nonzero > 10, "the demo seed placed records across units");
}

/// A nested page carries its parent's total; a page past a parent's last child counts on its own.
#[tokio::test]
async fn nested_totals_come_with_their_page_and_past_the_last_child_too() {
    let app = spawn_demo_app().await;
    let token = app.token_for("leader").await;
    let query =
        "{ units(first: 100) { edges { node { id officials(first: 1) { totalCount pageInfo { endCursor } } } } } }";
    let body = app.graphql(Some(&token), query, json!({})).await;
    let edges = body["data"]["units"]["edges"].as_array().unwrap();
    let (unit, cursor, total) = edges
        .iter()
        .map(|e| {
            (&e["node"]["id"], &e["node"]["officials"]["pageInfo"]["endCursor"], &e["node"]["officials"]["totalCount"])
        })
        .find(|(_, cursor, total)| cursor.is_string() && total.as_u64().is_some_and(|t| t > 0))
        .expect("a unit with officials");
    let page = "query($id: ID!, $after: String) { node(id: $id) { ... on Unit { officials(first: 100, after: $after) { totalCount edges { node { name } } } } } }";
    let rest = app.graphql(Some(&token), page, json!({ "id": unit, "after": cursor })).await;
    let officials = &rest["data"]["node"]["officials"];
    assert_eq!(&officials["totalCount"], total, "the same total after the first page: {rest}");
    assert_eq!(officials["edges"].as_array().unwrap().len() as u64, total.as_u64().unwrap() - 1);
    let past = json!({ "id": unit, "after": encode_cursor(total.as_u64().unwrap() - 1) });
    let beyond = app.graphql(Some(&token), page, past).await;
    assert_eq!(&beyond["data"]["node"]["officials"]["totalCount"], total, "past the last child: {beyond}");
    assert_eq!(beyond["data"]["node"]["officials"]["edges"].as_array().map(Vec::len), Some(0));
}

/// Nested records with their officials: the number of statements has a small bound whatever the
/// number of units (a level that no row needs costs nothing, so it can be lower).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_records_cost_a_bounded_number_of_statements() {
    let app = spawn_demo_app().await;
    for who in ["leader", "xunzhong"] {
        let token = app.token_for(who).await;
        let (hundred, body) = statements_of(&app, &token, RECORDS, 100).await;
        println!("records as {who}: 100 units → {hundred}");
        assert!(hundred <= 5, "{who}: {hundred}");
        let edges = body["data"]["units"]["edges"].as_array().unwrap();
        let with_records =
            edges.iter().filter(|e| e["node"]["creditRecords"]["totalCount"].as_u64().unwrap() > 0).count();
        assert!(with_records > 10, "{who}: the demo seed placed records across units");
    }
}

const WORKFLOWS: &str = r#"query($first: Int!) {
  creditRecords(first: $first) {
    edges { node { title rectification { status deadline } objections { status } repairApplications { status } } }
  }
  complaints(first: $first) { edges { node { status targetUnit { name } assignedUnit { name } } } }
  proposals(first: $first) { edges { node { number handlingUnit { name } } } }
}"#;

/// A record's rectification, objections and repair applications, and the units of complaints and
/// proposals, load in batches: 10 rows and 100 cost the same bounded number of statements — three
/// pages, three workflow loaders, and the units (one batch, or two when the proposals page lands
/// after the complaints' units were sent: the three root lists resolve at their own pace).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workflow_fields_cost_the_same_for_10_and_100_rows() {
    let app = spawn_demo_app().await;
    let token = app.token_for("office").await;
    let (ten, _) = statements_of(&app, &token, WORKFLOWS, 10).await;
    let (hundred, body) = statements_of(&app, &token, WORKFLOWS, 100).await;
    println!("workflows: 10 rows → {ten}, 100 rows → {hundred}");
    assert!((7..=8).contains(&ten) && (7..=8).contains(&hundred), "{ten} {hundred}");
    let edges = body["data"]["creditRecords"]["edges"].as_array().unwrap();
    assert!(edges.iter().any(|e| !e["node"]["rectification"].is_null()), "the demo seed has rectifications");
    assert_eq!(body["data"]["complaints"]["edges"].as_array().unwrap().len(), 100);
}

const RECORD_PAGE: &str = r#"query($first: Int!) {
  creditRecords(first: $first, filter: { subjectType: OFFICIAL }) {
    totalCount
    edges { node { title unit { name } official { name } recordedBy { name } } }
    nodes { who: official { id } where: unit { id } }
  }
}"#;

/// A records page with its units (of the record and of its recorder) and officials: the page's
/// statement, then one for the units and one for the officials, loaded ahead for the whole page
/// (`access::prefetch`), whatever its size and whether the nodes come as `edges` or `nodes`,
/// aliased or not; every node gets its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_records_page_loads_its_units_and_officials_in_one_statement_each() {
    let app = spawn_demo_app().await;
    let token = app.token_for("leader").await;
    let (ten, _) = statements_of(&app, &token, RECORD_PAGE, 10).await;
    let (fifty, body) = statements_of(&app, &token, RECORD_PAGE, 50).await;
    assert_eq!((ten, fifty), (3, 3), "page, units, officials");
    let page = &body["data"]["creditRecords"];
    let (edges, nodes) = (page["edges"].as_array().unwrap(), page["nodes"].as_array().unwrap());
    assert_eq!(edges.len(), 50);
    for (edge, node) in edges.iter().zip(nodes) {
        let node_of_edge = &edge["node"];
        for field in ["unit", "official", "recordedBy"] {
            assert!(node_of_edge[field]["name"].is_string(), "{edge}");
        }
        assert!(node["where"]["id"].is_string() && node["who"]["id"].is_string(), "{node}");
    }
    let officials: std::collections::HashSet<_> = nodes.iter().map(|node| node["who"]["id"].clone()).collect();
    assert!(officials.len() > 1, "the page names several officials");
}
