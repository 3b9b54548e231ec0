//! Issue 12, procurement (plan task 3.1): contracts, acceptance and payment through the API; the
//! payment term of 《保障中小企业款项支付条例》 art. 8; a late payment's breach record made once, by
//! the payment or by the sweep; who sees which contracts, on every path.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::Duration;
use entity::{audit_log, credit_record, enums::Sector, platform_push, procurement_contract};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{bad_fields, error_code, insert_contract, spawn_app, spawn_demo_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateProcurementContractInput!) { createProcurementContract(input: $i) {
  contract { id version supplierUsccValid paymentTermDays acceptance purchaser { shortName } } } }"#;
const ACCEPT: &str = r#"mutation($i: RecordAcceptanceInput!) { recordAcceptance(input: $i) {
  contract { version acceptance acceptedOn paymentDueOn } } }"#;
const PAY: &str = r#"mutation($i: RecordPaymentInput!) { recordPayment(input: $i) {
  contract { version paidOn latePayment record { id category sector status unit { shortName } } } record { id } } }"#;
const SWEEP: &str = "mutation { runDeadlineSweep { latePayments } }";

fn contract_id(row: i32) -> String {
    global_id(NodeType::ProcurementContract, row).0
}

async fn new_contract(app: &TestApp) -> Value {
    json!({ "purchaserUnitId": app.unit_id("浔中镇").await, "projectNumber": "DHCG-2026-T0001", "title": "校舍维修采购项目",
        "method": "PUBLIC_TENDER", "supplierName": "福建德化鑫顺建设有限公司",
        "supplierUscc": chengxin::seed::synthetic::uscc_for("91", 77), "amount": "1280000.50",
        "signedOn": (app.clock.today() - Duration::days(100)).to_string() })
}

async fn breach_records(app: &TestApp) -> u64 {
    credit_record::Entity::find()
        .filter(credit_record::Column::SourceType.eq("procurement_contract"))
        .count(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_contract_is_entered_accepted_and_paid_with_the_terms_the_regulation_allows() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let mut input = new_contract(&app).await;

    // An SME's term beyond 60 days, a zero amount and a future signing: every bad field at once.
    let mut bad = input.clone();
    bad["paymentTermDays"] = json!(61);
    bad["amount"] = json!("0");
    bad["signedOn"] = json!((app.clock.today() + Duration::days(1)).to_string());
    let refused = app.graphql(Some(&clerk), CREATE, json!({ "i": bad })).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    let mut problems = bad_fields(&refused);
    problems.sort();
    assert_eq!(
        problems,
        vec![
            ("input.amount".to_owned(), "NOT_POSITIVE".to_owned()),
            ("input.paymentTermDays".to_owned(), "PAYMENT_TERM_TOO_LONG".to_owned()),
            ("input.signedOn".to_owned(), "DATE_IN_FUTURE".to_owned()),
        ]
    );
    assert_eq!(procurement_contract::Entity::find().count(&app.state.db).await.unwrap(), 0, "nothing written");

    // A supplier USCC that fails GB 32100 is kept and flagged; 60 days is the most an SME may agree.
    input["supplierUscc"] = json!("91350526MA2XXXXXX1");
    input["paymentTermDays"] = json!(60);
    let created = app.graphql(Some(&clerk), CREATE, json!({ "i": input })).await;
    let contract = &created["data"]["createProcurementContract"]["contract"];
    assert_eq!(contract["supplierUsccValid"], false, "{created}");
    assert_eq!((contract["paymentTermDays"].as_i64(), contract["acceptance"].as_str()), (Some(60), Some("PENDING")));
    let id = contract["id"].as_str().unwrap().to_owned();
    let again = app.graphql(Some(&clerk), CREATE, json!({ "i": input })).await;
    assert_eq!(bad_fields(&again), vec![("input.projectNumber".to_owned(), "PROJECT_NUMBER_TAKEN".to_owned())]);

    // Paying before the acceptance passed is refused; nothing is owed yet.
    let today = app.clock.today();
    let early =
        app.graphql(Some(&clerk), PAY, json!({ "i": { "id": id, "version": 1, "paidOn": today.to_string() } })).await;
    assert_eq!(
        (error_code(&early), early["errors"][0]["extensions"]["reason"].as_str()),
        ("INVALID_TRANSITION", Some("NOT_ACCEPTED"))
    );
    // The acceptance passes 70 days ago (back-dated): payment fell due 10 days ago.
    let accepted_on = today - Duration::days(70);
    let acceptance = json!({ "id": id, "version": 1, "result": "PASSED", "acceptedOn": (today - Duration::days(200)).to_string(), "acceptedBy": "验收小组" });
    let before_signing = app.graphql(Some(&clerk), ACCEPT, json!({ "i": acceptance })).await;
    assert_eq!(bad_fields(&before_signing), vec![("input.acceptedOn".to_owned(), "DATE_TOO_EARLY".to_owned())]);
    let mut acceptance = acceptance;
    acceptance["acceptedOn"] = json!(accepted_on.to_string());
    let accepted = app.graphql(Some(&clerk), ACCEPT, json!({ "i": acceptance })).await;
    let contract = &accepted["data"]["recordAcceptance"]["contract"];
    assert_eq!(contract["paymentDueOn"], (accepted_on + Duration::days(60)).to_string(), "{accepted}");
    assert_eq!(contract["version"], 2);
    // Passed cannot become failed.
    acceptance["version"] = json!(2);
    acceptance["result"] = json!("FAILED");
    let back = app.graphql(Some(&clerk), ACCEPT, json!({ "i": acceptance })).await;
    assert_eq!(error_code(&back), "INVALID_TRANSITION", "{back}");

    // Paid today, 10 days late: the purchaser's breach record comes in the same transaction.
    let (audits, pushes) = (
        audit_log::Entity::find().count(&app.state.db).await.unwrap(),
        platform_push::Entity::find().count(&app.state.db).await.unwrap(),
    );
    let paid =
        app.graphql(Some(&clerk), PAY, json!({ "i": { "id": id, "version": 2, "paidOn": today.to_string() } })).await;
    let contract = &paid["data"]["recordPayment"]["contract"];
    assert_eq!(contract["latePayment"], true, "{paid}");
    let record = &contract["record"];
    assert_eq!(
        (record["category"].as_str(), record["sector"].as_str()),
        (Some("CONTRACT_BREACH"), Some("PROCUREMENT"))
    );
    assert_eq!(record["unit"]["shortName"], "浔中镇");
    assert_eq!(paid["data"]["recordPayment"]["record"]["id"], record["id"]);
    assert_eq!(audit_log::Entity::find().count(&app.state.db).await.unwrap(), audits + 2, "record and contract");
    assert_eq!(platform_push::Entity::find().count(&app.state.db).await.unwrap(), pushes + 1, "the record is pushed");
    let twice =
        app.graphql(Some(&clerk), PAY, json!({ "i": { "id": id, "version": 3, "paidOn": today.to_string() } })).await;
    assert_eq!(twice["errors"][0]["extensions"]["reason"], "ALREADY_PAID", "{twice}");
    // The sweep finds nothing more to do for it.
    let office = app.token_for("office").await;
    let swept = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(swept["data"]["runDeadlineSweep"]["latePayments"], 0, "{swept}");
    assert_eq!(breach_records(&app).await, 1);
}

#[tokio::test]
async fn the_sweep_records_each_late_payment_once_however_often_it_runs() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let today = app.clock.today();
    // Due 30 days ago: one unpaid, one paid 5 days late, one paid on time, one not accepted.
    let unpaid = insert_contract(&app, "浔中镇", 1, true, None).await;
    let paid_late = insert_contract(&app, "县教育局", 2, true, Some(today - Duration::days(25))).await;
    let on_time = insert_contract(&app, "县教育局", 3, true, Some(today - Duration::days(31))).await;
    insert_contract(&app, "浔中镇", 4, false, None).await;
    let first = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(first["data"]["runDeadlineSweep"]["latePayments"], 2, "{first}");
    app.clock.advance(Duration::days(3));
    let office = app.token_for("office").await;
    let second = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(second["data"]["runDeadlineSweep"]["latePayments"], 0, "{second}");
    assert_eq!(breach_records(&app).await, 2, "exactly one record per late contract");
    let rows: std::collections::HashMap<i32, Option<i32>> = procurement_contract::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.record_id))
        .collect();
    let linked = |row: i32| rows[&row];
    assert!(linked(unpaid).is_some() && linked(paid_late).is_some());
    assert!(linked(on_time).is_none());
    let record = credit_record::Entity::find_by_id(linked(unpaid).unwrap()).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(
        (record.sector, record.unit_id, record.source_id),
        (Sector::Procurement, app.unit_row("浔中镇").await, Some(unpaid))
    );
}

#[tokio::test]
async fn a_grace_period_delays_the_sweeps_breach() {
    let app = crate::helpers::spawn_app_configured(|config| config.deadlines.payment_grace_days = 45).await;
    let office = app.token_for("office").await;
    insert_contract(&app, "浔中镇", 1, true, None).await; // 30 days past due: within the grace
    let swept = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(swept["data"]["runDeadlineSweep"]["latePayments"], 0, "{swept}");
    app.clock.advance(Duration::days(16));
    let office = app.token_for("office").await;
    let swept = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(swept["data"]["runDeadlineSweep"]["latePayments"], 1, "{swept}");
}

#[tokio::test]
async fn every_late_contract_of_the_seed_has_exactly_one_breach_after_a_sweep() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let late =
        "{ procurementContracts(filter: { latePayment: true }, first: 100) { totalCount nodes { record { id } } } }";
    let swept = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert!(
        swept["data"]["runDeadlineSweep"]["latePayments"].as_u64().unwrap() > 0,
        "the seed has late payments: {swept}"
    );
    let body = app.graphql(Some(&office), late, json!({})).await;
    let total = body["data"]["procurementContracts"]["totalCount"].as_u64().unwrap();
    assert!(total > 0, "{body}");
    assert_eq!(breach_records(&app).await, total, "one record per late contract");
    let again = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(again["data"]["runDeadlineSweep"]["latePayments"], 0);
    let nodes = body["data"]["procurementContracts"]["nodes"].as_array().unwrap();
    assert!(nodes.iter().all(|n| n["record"]["id"].is_string()), "{body}");
}

#[tokio::test]
async fn late_and_not_late_contracts_partition_the_list() {
    let app = spawn_app().await;
    let due_later = insert_contract(&app, "县教育局", 1, true, None).await;
    let tomorrow = app.clock.today() + Duration::days(1);
    // Due tomorrow instead, written straight to the row and the tally.
    let before = procurement_contract::Entity::find_by_id(due_later).one(&app.state.db).await.unwrap().unwrap();
    let after = procurement_contract::Model { payment_due_on: Some(tomorrow), ..before.clone() };
    let changed = sea_orm::ActiveModelTrait::reset_all(sea_orm::IntoActiveModel::into_active_model(after.clone()));
    sea_orm::ActiveModelTrait::update(changed, &app.state.db).await.unwrap();
    let tally = |c: &procurement_contract::Model| Some(chengxin::store::procurement_tally::shape(c));
    chengxin::store::procurement_tally::count_change(&app.state.db, tally(&before), tally(&after)).await.unwrap();
    insert_contract(&app, "县教育局", 2, true, None).await;
    insert_contract(&app, "县教育局", 3, false, None).await;
    let office = app.token_for("office").await;
    let list = "query($filter: ProcurementContractFilter) { procurementContracts(filter: $filter, first: 100) { totalCount nodes { id latePayment } } }";
    // Counted from the tally (no signing range) and from the rows (an open one).
    for signed_from in [Value::Null, json!("1949-10-01")] {
        let with = |late: Value| json!({ "filter": { "latePayment": late, "signedFrom": signed_from } });
        let all = app.graphql(Some(&office), list, with(Value::Null)).await;
        let late = app.graphql(Some(&office), list, with(json!(true))).await;
        let on_time = app.graphql(Some(&office), list, with(json!(false))).await;
        let total = |body: &Value| body["data"]["procurementContracts"]["totalCount"].as_u64().unwrap();
        assert_eq!((total(&all), total(&late), total(&on_time)), (3, 1, 2), "{all} {late} {on_time}");
        for (body, expected) in [(&late, true), (&on_time, false)] {
            let nodes = body["data"]["procurementContracts"]["nodes"].as_array().unwrap();
            assert!(nodes.iter().all(|n| n["latePayment"] == expected), "{body}");
        }
        let ids = on_time["data"]["procurementContracts"]["nodes"].to_string();
        assert!(ids.contains(&contract_id(due_later)), "unpaid, not yet due: not late {on_time}");
    }
}

#[tokio::test]
async fn a_township_clerk_sees_only_its_own_contracts_on_every_path() {
    let app = spawn_app().await;
    let mine = insert_contract(&app, "浔中镇", 1, false, None).await;
    let theirs = insert_contract(&app, "龙浔镇", 2, false, None).await;
    insert_contract(&app, "县教育局", 3, false, None).await;
    let clerk = app.token_for("xunzhong").await;
    let list = app.graphql(Some(&clerk), "{ procurementContracts { totalCount nodes { id } } }", json!({})).await;
    assert_eq!(list["data"]["procurementContracts"]["totalCount"], 1, "{list}");
    assert_eq!(list["data"]["procurementContracts"]["nodes"][0]["id"], contract_id(mine));
    let node = format!("{{ node(id: \"{}\") {{ id }} }}", contract_id(theirs));
    assert_eq!(app.graphql(Some(&clerk), &node, json!({})).await["data"]["node"], Value::Null);
    let nested = "query($u: ID!) { unit(id: $u) { procurementContracts { totalCount nodes { id } } } }";
    let other = app.graphql(Some(&clerk), nested, json!({ "u": app.unit_id("龙浔镇").await })).await;
    assert_eq!(other["data"]["unit"]["procurementContracts"]["totalCount"], 0, "{other}");
    let filtered = app
        .graphql(
            Some(&clerk),
            "query($u: ID!) { procurementContracts(filter: { unitId: $u }) { totalCount } }",
            json!({ "u": app.unit_id("龙浔镇").await }),
        )
        .await;
    assert_eq!(filtered["data"]["procurementContracts"]["totalCount"], 0);
    // Nor may it pay another township's contract: to the clerk, it does not exist.
    let pay = json!({ "i": { "id": contract_id(theirs), "version": 1, "paidOn": app.clock.today().to_string() } });
    assert_eq!(error_code(&app.graphql(Some(&clerk), PAY, pay).await), "NOT_FOUND");
    // 财政局, the sector's lead department, sees and keeps them all; an evaluator reads all.
    let finance = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    let all = app.graphql(Some(&finance), "{ procurementContracts { totalCount } }", json!({})).await;
    assert_eq!(all["data"]["procurementContracts"]["totalCount"], 3, "{all}");
    let node = format!("{{ node(id: \"{}\") {{ id }} }}", contract_id(theirs));
    assert_eq!(app.graphql(Some(&finance), &node, json!({})).await["data"]["node"]["id"], contract_id(theirs));
    let evaluator = app.evaluator_token();
    let read = app.graphql(Some(&evaluator), "{ procurementContracts { totalCount } }", json!({})).await;
    assert_eq!(read["data"]["procurementContracts"]["totalCount"], 3);
    let anonymous = app.graphql(None, "{ procurementContracts { totalCount } }", json!({})).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "not for the public: {anonymous}");
}

#[tokio::test]
async fn nested_contracts_cost_the_same_statements_for_ten_units_and_a_hundred() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let query = "query($n: Int!) { units(first: $n) { nodes { procurementContracts(first: 3) { totalCount nodes { projectNumber purchaser { name } record { id } } } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&office), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
    }
    assert_eq!(counts[0], counts[1], "statements for 10 and 100 units: {counts:?}");
}

#[tokio::test]
async fn the_readmes_procurement_query_runs() {
    assert!(crate::helpers::readme_query_total("LatePayments", "procurementContracts").await > 0);
}
