//! Issue 12, investment promotion (plan task 3.4): agreements are kept, broken (a record in the
//! same transaction) or changed by a lawful procedure — never for turnover; prior credit pledges
//! hang from their agreement and are published; who sees which agreements, on every path.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::Duration;
use entity::{credit_record, enums::AgreementStatus, investment_agreement};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{bad_fields, error_code, insert_agreement, spawn_app, spawn_demo_app, TestApp};

const CHANGE: &str = r#"mutation($i: ChangeInvestmentAgreementInput!) { changeInvestmentAgreement(input: $i) {
  agreement { status changeGround legalBasis changeProcedure compensation terminated changedOn version } } }"#;
const BREACH: &str = r#"mutation($i: RecordInvestmentBreachInput!) { recordInvestmentBreach(input: $i) {
  agreement { status version record { id category sector unit { shortName } } } record { id } } }"#;
const PLEDGE: &str =
    r#"mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id isPublic kind } } }"#;

fn agreement_id(row: i32) -> String {
    global_id(NodeType::InvestmentAgreement, row).0
}

async fn stored(app: &TestApp, row: i32) -> investment_agreement::Model {
    investment_agreement::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap()
}

#[tokio::test]
async fn turnover_is_no_ground_and_a_lawful_change_records_its_basis_procedure_and_compensation() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let row = insert_agreement(&app, "浔中镇", 1, AgreementStatus::Active).await;
    let day = (app.clock.today() - Duration::days(2)).to_string();
    let mut change = json!({ "id": agreement_id(row), "version": 1, "ground": "GOVERNMENT_TURNOVER",
        "reason": "新一届政府调整产业方向", "legalBasis": "无", "procedure": "县政府常务会议决定",
        "compensation": "-1", "changedOn": day });
    let refused = app.graphql(Some(&clerk), CHANGE, json!({ "i": change })).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    assert_eq!(
        bad_fields(&refused),
        vec![
            ("input.ground".to_owned(), "TURNOVER_IS_NO_GROUND".to_owned()),
            ("input.compensation".to_owned(), "NEGATIVE".to_owned())
        ]
    );
    for ground in ["RESPONSIBLE_PERSON_CHANGED", "REORGANISED"] {
        change["ground"] = json!(ground);
        let refused = app.graphql(Some(&clerk), CHANGE, json!({ "i": change })).await;
        assert_eq!(refused["errors"][0]["extensions"]["reason"], "TURNOVER_IS_NO_GROUND", "{ground}: {refused}");
    }
    assert_eq!(stored(&app, row).await.version, 1, "nothing changed");

    change["ground"] = json!("PUBLIC_INTEREST");
    change["legalBasis"] = json!("《优化营商环境条例》第三十一条");
    change["compensation"] = json!("250000.00");
    change["terminated"] = json!(true);
    let changed = app.graphql(Some(&clerk), CHANGE, json!({ "i": change })).await;
    let agreement = &changed["data"]["changeInvestmentAgreement"]["agreement"];
    assert_eq!(agreement["status"], "CHANGED_LAWFULLY", "{changed}");
    assert_eq!(
        (agreement["compensation"].as_str(), agreement["terminated"].as_bool(), agreement["changedOn"].as_str()),
        (Some("250000"), Some(true), Some(day.as_str()))
    );
    assert_eq!(agreement["changeProcedure"], "县政府常务会议决定");
    // Only an ACTIVE agreement moves.
    let again = app.graphql(Some(&clerk), CHANGE, json!({ "i": { "id": agreement_id(row), "version": 2, "ground": "PUBLIC_INTEREST", "reason": "再变更", "legalBasis": "同上", "procedure": "同上", "changedOn": day } })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION", "{again}");
}

#[tokio::test]
async fn a_breach_makes_the_signing_units_record_at_once_and_the_sweep_does_for_history() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_agreement(&app, "浔中镇", 1, AgreementStatus::Active).await;
    let occurred = (app.clock.today() - Duration::days(10)).to_string();
    let input =
        json!({ "id": agreement_id(row), "version": 1, "facts": "未按约定兑现厂房租金补贴", "occurredOn": occurred });
    let broken = app.graphql(Some(&office), BREACH, json!({ "i": input })).await;
    let agreement = &broken["data"]["recordInvestmentBreach"]["agreement"];
    assert_eq!(agreement["status"], "BREACHED", "{broken}");
    let record = &agreement["record"];
    assert_eq!(
        (record["category"].as_str(), record["sector"].as_str(), record["unit"]["shortName"].as_str()),
        (Some("CONTRACT_BREACH"), Some("INVESTMENT_PROMOTION"), Some("浔中镇"))
    );
    // An agreement marked BREACHED before breaches were recorded gets its record from the sweep, once.
    let old = insert_agreement(&app, "县教育局", 2, AgreementStatus::Breached).await;
    let sweep = "mutation { runDeadlineSweep { agreementBreaches } }";
    assert_eq!(app.graphql(Some(&office), sweep, json!({})).await["data"]["runDeadlineSweep"]["agreementBreaches"], 1);
    assert_eq!(app.graphql(Some(&office), sweep, json!({})).await["data"]["runDeadlineSweep"]["agreementBreaches"], 0);
    assert!(stored(&app, old).await.record_id.is_some());
    let records = credit_record::Entity::find()
        .filter(credit_record::Column::SourceType.eq("investment_agreement"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(records, 2, "one per broken agreement");
}

#[tokio::test]
async fn a_prior_credit_pledge_hangs_from_its_agreement_and_is_published() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let row = insert_agreement(&app, "浔中镇", 1, AgreementStatus::Active).await;
    let unit = app.unit_id("浔中镇").await;
    let pledge = json!({ "unitId": unit, "kind": "CREDIT_PLEDGE", "content": "按协议约定按期兑现投资奖补政策",
        "isPublic": false, "investmentAgreementId": agreement_id(row) });
    let made = app.graphql(Some(&clerk), PLEDGE, json!({ "i": pledge })).await;
    assert_eq!(made["data"]["createCommitment"]["commitment"]["isPublic"], true, "published: {made}");
    let mut wrong = pledge.clone();
    wrong["kind"] = json!("DEADLINE");
    let refused = app.graphql(Some(&clerk), PLEDGE, json!({ "i": wrong })).await;
    assert_eq!(bad_fields(&refused), vec![("input.investmentAgreementId".to_owned(), "NOT_A_PLEDGE".to_owned())]);
    // The agreement lists it; the public portal sees it among public commitments.
    let office = app.token_for("office").await;
    let query = "query($id: ID!) { node(id: $id) { ... on InvestmentAgreement { creditPledges { totalCount nodes { content } } } } }";
    let listed = app.graphql(Some(&office), query, json!({ "id": agreement_id(row) })).await;
    assert_eq!(listed["data"]["node"]["creditPledges"]["totalCount"], 1, "{listed}");
    let public = app.graphql(None, "{ commitments(filter: { kind: CREDIT_PLEDGE }) { totalCount } }", json!({})).await;
    assert_eq!(public["data"]["commitments"]["totalCount"], 1, "{public}");
}

#[tokio::test]
async fn a_township_clerk_sees_only_its_own_agreements_and_the_lead_department_all() {
    let app = spawn_app().await;
    let mine = insert_agreement(&app, "浔中镇", 1, AgreementStatus::Active).await;
    let theirs = insert_agreement(&app, "龙浔镇", 2, AgreementStatus::Active).await;
    let clerk = app.token_for("xunzhong").await;
    let list = app.graphql(Some(&clerk), "{ investmentAgreements { totalCount nodes { id } } }", json!({})).await;
    assert_eq!(list["data"]["investmentAgreements"]["totalCount"], 1, "{list}");
    assert_eq!(list["data"]["investmentAgreements"]["nodes"][0]["id"], agreement_id(mine));
    let node = format!("{{ node(id: \"{}\") {{ id }} }}", agreement_id(theirs));
    assert_eq!(app.graphql(Some(&clerk), &node, json!({})).await["data"]["node"], Value::Null);
    let fulfil =
        json!({ "i": { "id": agreement_id(theirs), "version": 1, "fulfilledOn": app.clock.today().to_string() } });
    let refused = app
        .graphql(Some(&clerk), "mutation($i: FulfilInvestmentAgreementInput!) { fulfilInvestmentAgreement(input: $i) { agreement { status } } }", fulfil.clone())
        .await;
    assert_eq!(error_code(&refused), "NOT_FOUND", "{refused}");
    // 招商办 leads the sector: it sees and keeps every agreement.
    let lead = app.api_token(Role::UnitClerk, Some("县招商办")).await;
    let all = app.graphql(Some(&lead), "{ investmentAgreements { totalCount } }", json!({})).await;
    assert_eq!(all["data"]["investmentAgreements"]["totalCount"], 2, "{all}");
    let kept = app
        .graphql(Some(&lead), "mutation($i: FulfilInvestmentAgreementInput!) { fulfilInvestmentAgreement(input: $i) { agreement { status } } }", fulfil)
        .await;
    assert_eq!(kept["data"]["fulfilInvestmentAgreement"]["agreement"]["status"], "FULFILLED", "{kept}");
}

#[tokio::test]
async fn the_seeds_agreements_list_with_their_pledges_in_constant_statements() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let query = "query($n: Int!) { investmentAgreements(first: $n) { totalCount nodes { agreementNumber unit { name } record { id } creditPledges(first: 2) { totalCount nodes { content } } } } }";
    let mut counts = Vec::new();
    for n in [5, 25] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&office), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
    }
    assert_eq!(counts[0], counts[1], "statements for 5 and 25 agreements: {counts:?}");
}

#[tokio::test]
async fn the_readmes_investment_query_runs() {
    assert!(crate::helpers::readme_query_total("Agreements", "investmentAgreements").await > 0);
}
