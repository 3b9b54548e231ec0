//! Attack run, items 5, 6 and 10: cursors and page sizes out of range, malformed or absurd dates,
//! and refusals outside GraphQL are `BAD_USER_INPUT` / JSON errors — never a panic or `INTERNAL`.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use entity::credit_record;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

fn cursor(position: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("cx1:{position}"))
}

fn assert_bad_input(body: &Value, field: &str) {
    assert_eq!(error_code(body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
}

#[tokio::test]
async fn cursors_out_of_range_are_bad_input_and_the_connection_survives() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    for position in ["9223372036854775807", "18446744073709551615", "2147483648"] {
        let c = cursor(position);
        let after = app.graphql(None, &format!("{{ units(after: \"{c}\") {{ totalCount }} }}"), json!({})).await;
        assert_bad_input(&after, "after");
        let before =
            app.graphql(None, &format!("{{ units(last: 5, before: \"{c}\") {{ totalCount }} }}"), json!({})).await;
        assert_bad_input(&before, "before");
        let nested =
            format!("{{ units(first: 1) {{ edges {{ node {{ officials(after: \"{c}\") {{ totalCount }} }} }} }} }}");
        assert_bad_input(&app.graphql(Some(&office), &nested, json!({})).await, "after");
    }
    let wrapped = app
        .graphql(
            None,
            &format!("{{ units(first: 1, after: \"{}\") {{ edges {{ cursor }} }} }}", cursor("18446744073709551615")),
            json!({}),
        )
        .await;
    assert!(wrapped["data"].is_null(), "2^64-1 does not wrap to page 1: {wrapped}");
    assert_eq!(app.graphql(None, "{ me { anonymous } }", json!({})).await["data"]["me"]["anonymous"], true);
}

#[tokio::test]
async fn page_sizes_and_dates_out_of_range_are_bad_input_with_their_field() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    assert_bad_input(&app.graphql(None, "{ units(first: 2147483648) { totalCount } }", json!({})).await, "first");
    let variable =
        app.graphql(None, "query($f: Int) { units(first: $f) { totalCount } }", json!({ "f": 2147483648_i64 })).await;
    assert_bad_input(&variable, "first");
    let records = "query($d: Date!) { creditRecords(filter: { decidedFrom: $d }) { totalCount } }";
    for bad in
        ["2026-02-30", "2026-13-45", "2026-11-29T00:00:00Z", "-9999-12-31", "0000-01-01", "1949-09-30", "2101-01-01"]
    {
        assert_bad_input(&app.graphql(Some(&office), records, json!({ "d": bad })).await, "filter.decidedFrom");
    }
    let literal = app
        .graphql(Some(&office), "{ commitments(filter: { dueTo: \"-9999-01-01\" }) { totalCount } }", json!({}))
        .await;
    assert_bad_input(&literal, "filter.dueTo");
    assert!(app.graphql(Some(&office), records, json!({ "d": "1949-10-01" })).await["errors"].is_null());

    let create = "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }";
    for day in ["-9999-12-31", "0000-01-01"] {
        let input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY", "category": "ADMINISTRATIVE_PENALTY",
            "severity": "GENERAL", "title": "远古", "facts": "事实", "decidingAuthority": "某机关", "occurredOn": day, "decidedOn": day });
        assert_bad_input(&app.graphql(Some(&office), create, json!({ "i": input })).await, "input.occurredOn");
    }
    assert_eq!(credit_record::Entity::find().count(&app.state.db).await.unwrap(), 0);
}

async fn raw(app: &TestApp, method: reqwest::Method, body: Vec<u8>) -> reqwest::Response {
    app.client
        .request(method, format!("{}/graphql", app.address))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn refusals_outside_graphql_have_the_json_error_shape() {
    let app = spawn_app().await;
    let large = raw(&app, reqwest::Method::POST, vec![b' '; 2 * 1024 * 1024]).await;
    assert_eq!(large.status(), 413);
    assert!(large.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert_eq!(error_code(&large.json::<Value>().await.unwrap()), "BAD_REQUEST");
    let put = raw(&app, reqwest::Method::PUT, b"{}".to_vec()).await;
    assert_eq!(put.status(), 405);
    assert_eq!(error_code(&put.json::<Value>().await.unwrap()), "BAD_REQUEST");
}

#[tokio::test]
async fn the_token_command_names_a_missing_unit_clearly() {
    let app = spawn_app().await;
    let missing = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Unit, 999_999).0;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_chengxin"))
        .args(["token", "--role", "UNIT_CLERK", "--unit", missing.as_str()])
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("CHENGXIN_JWT_SECRET", crate::helpers::TEST_SECRET)
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no unit with the id"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
}
