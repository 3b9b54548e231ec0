//! createCreditRecord / updateCreditRecord / revokeCreditRecord: rules, authority, audit,
//! outbox, optimistic concurrency — and nothing written when refused.

use chrono::{Duration, Utc};
use entity::{audit_log, credit_record, platform_push};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, spawn_app, TestApp};

const CREATE: &str = r#"mutation($input: CreateCreditRecordInput!) {
  createCreditRecord(input: $input) { record { id title status disclosure disclosureUntil decidedOn version subjectType recordedBy { shortName } official { name } } }
}"#;
const UPDATE: &str = r#"mutation($input: UpdateCreditRecordInput!) { updateCreditRecord(input: $input) { record { id version title severity disclosureUntil } } }"#;
const REVOKE: &str = r#"mutation($input: RevokeCreditRecordInput!) { revokeCreditRecord(input: $input) { record { id version status } } }"#;

async fn counts(app: &TestApp) -> (u64, u64, u64) {
    let db = &app.state.db;
    (
        credit_record::Entity::find().count(db).await.unwrap(),
        audit_log::Entity::find().count(db).await.unwrap(),
        platform_push::Entity::find().count(db).await.unwrap(),
    )
}

fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset)).to_string()
}

async fn listing(app: &TestApp) -> Value {
    json!({
        "unitId": app.unit_id("浔中镇").await,
        "polarity": "DISHONESTY",
        "category": "DEFAULTED_JUDGMENT_DEBTOR",
        "severity": "SERIOUS",
        "title": "浔中镇人民政府被列为失信被执行人",
        "facts": "未履行（2026）闽0526民初88号判决确定的付款义务。",
        "documentNumber": "（2026）闽0526执88号",
        "decidingAuthority": "德化县人民法院",
        "occurredOn": day(-40),
        "decidedOn": day(-30),
        "disclosure": "PUBLIC"
    })
}

#[tokio::test]
async fn a_court_records_a_listing_with_audit_and_outbox_in_one_go() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let body = app.graphql(Some(&court), CREATE, json!({ "input": listing(&app).await })).await;
    let record = &body["data"]["createCreditRecord"]["record"];
    assert_eq!(record["status"], "ACTIVE", "{body}");
    assert_eq!(record["version"], 1);
    assert_eq!(record["recordedBy"]["shortName"], "县人民法院");
    let decided = chrono::NaiveDate::parse_from_str(&day(-30), "%Y-%m-%d").unwrap();
    let until = decided.checked_add_months(chrono::Months::new(24)).unwrap();
    assert_eq!(record["disclosureUntil"], until.to_string(), "a listing: its two-year term from the decision");
    assert_eq!(counts(&app).await, (1, 1, 1));
    let audit = audit_log::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(audit.action, "credit_record.create");
    assert_eq!(audit.role, "RECORDER");
    assert!(audit.request_id.is_some());
    let push = platform_push::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(push.record_version, 1);
    let portal = app.graphql(None, "{ publicRecords { totalCount } }", json!({})).await;
    assert_eq!(portal["data"]["publicRecords"]["totalCount"], 1);
}

#[tokio::test]
async fn categories_follow_the_recording_authority() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let mut input = listing(&app).await;
    input["category"] = json!("DISCIPLINARY_SANCTION");
    let body = app.graphql(Some(&court), CREATE, json!({ "input": input })).await;
    assert_eq!(error_code(&body), "FORBIDDEN");
    for (who, expected) in [("leader", "FORBIDDEN"), ("xunzhong", "FORBIDDEN"), ("personnel", "FORBIDDEN")] {
        let token = app.token_for(who).await;
        assert_eq!(
            error_code(&app.graphql(Some(&token), CREATE, json!({ "input": listing(&app).await })).await),
            expected,
            "{who}"
        );
    }
    let evaluator = app.evaluator_token();
    assert_eq!(
        error_code(&app.graphql(Some(&evaluator), CREATE, json!({ "input": listing(&app).await })).await),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(&app.graphql(None, CREATE, json!({ "input": listing(&app).await })).await),
        "UNAUTHENTICATED"
    );
    assert_eq!(counts(&app).await, (0, 0, 0), "nothing written");
}

#[tokio::test]
async fn every_validation_rule_is_bad_user_input_with_its_field_and_writes_nothing() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let stranger = insert_official(&app, "龙浔镇", "王龙浔", 9).await;
    let stranger = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Official, stranger).0;
    let own = insert_official(&app, "浔中镇", "陈浔中", 8).await;
    let own = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Official, own).0;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("future decision", json!({ "decidedOn": day(3) }), "input.decidedOn"),
        ("future conduct", json!({ "occurredOn": day(2), "decidedOn": day(0) }), "input.occurredOn"),
        ("decided before it happened", json!({ "occurredOn": day(-5), "decidedOn": day(-9) }), "input.decidedOn"),
        ("an official's record made public", json!({ "officialId": own }), "input.disclosure"),
        ("a listing that is not SERIOUS", json!({ "severity": "GENERAL" }), "input.severity"),
        ("a unit's listing kept SHARED", json!({ "disclosure": "SHARED" }), "input.disclosure"),
        (
            "a minor record made public",
            json!({ "category": "JUDICIAL_JUDGMENT", "severity": "MINOR" }),
            "input.disclosure",
        ),
        (
            "an official of another unit",
            json!({ "officialId": stranger, "disclosure": "RESTRICTED" }),
            "input.officialId",
        ),
        (
            "no such unit",
            json!({ "unitId": chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Unit, 99_999).0 }),
            "input.unitId",
        ),
        ("a malformed unit id", json!({ "unitId": "nope" }), "input.unitId"),
        ("an empty title", json!({ "title": "   " }), "input.title"),
        ("an overlong title", json!({ "title": "长".repeat(301) }), "input.title"),
        ("a commendation as dishonesty", json!({ "category": "COMMENDATION" }), "input.category"),
    ];
    for (case, change, field) in cases {
        let mut input = listing(&app).await;
        for (key, value) in change.as_object().unwrap() {
            input[key] = value.clone();
        }
        let body = app.graphql(Some(&office), CREATE, json!({ "input": input })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{case}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{case}");
    }
    assert_eq!(counts(&app).await, (0, 0, 0), "nothing written");
    let mut bad_date = listing(&app).await;
    bad_date["decidedOn"] = json!("2026-02-30");
    let bad_date = app.graphql(Some(&office), CREATE, json!({ "input": bad_date })).await;
    assert_eq!(error_code(&bad_date), "BAD_USER_INPUT", "{bad_date}");
    assert_eq!(bad_date["errors"][0]["extensions"]["field"], "input.decidedOn");
    assert!(bad_date["data"].is_null());
    assert_eq!(counts(&app).await, (0, 0, 0), "still nothing written");
}

#[tokio::test]
async fn an_officials_record_defaults_to_restricted() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let official = insert_official(&app, "浔中镇", "陈浔中", 8).await;
    let mut input = listing(&app).await;
    input["officialId"] =
        json!(chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Official, official).0);
    input["category"] = json!("ACCOUNTABILITY");
    input.as_object_mut().unwrap().remove("disclosure");
    let body = app.graphql(Some(&office), CREATE, json!({ "input": input })).await;
    let record = &body["data"]["createCreditRecord"]["record"];
    assert_eq!(record["disclosure"], "RESTRICTED", "{body}");
    assert_eq!(record["subjectType"], "OFFICIAL");
    assert_eq!(record["official"]["name"], "陈浔中");
}

async fn created(app: &TestApp, token: &str) -> String {
    let body = app.graphql(Some(token), CREATE, json!({ "input": listing(app).await })).await;
    body["data"]["createCreditRecord"]["record"]["id"].as_str().expect("created").to_owned()
}

#[tokio::test]
async fn updates_need_the_current_version_and_requeue_the_record() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let id = created(&app, &court).await;
    let body =
        app.graphql(Some(&court), UPDATE, json!({ "input": { "id": id, "version": 1, "decidedOn": day(-35) } })).await;
    let record = &body["data"]["updateCreditRecord"]["record"];
    assert_eq!(record["version"], 2, "{body}");
    let decided = chrono::NaiveDate::parse_from_str(&day(-35), "%Y-%m-%d").unwrap();
    let term = decided.checked_add_months(chrono::Months::new(24)).unwrap();
    assert_eq!(record["disclosureUntil"], term.to_string(), "the listing's term follows its decision");
    let stale = app.graphql(Some(&court), UPDATE, json!({ "input": { "id": id, "version": 1, "title": "x" } })).await;
    assert_eq!(error_code(&stale), "CONFLICT");
    assert_eq!(counts(&app).await, (1, 2, 2), "two versions audited and queued");
    let other_recorder = app.api_token(chengxin::auth::Role::Recorder, Some("县监委")).await;
    let foreign =
        app.graphql(Some(&other_recorder), UPDATE, json!({ "input": { "id": id, "version": 2, "title": "x" } })).await;
    assert_eq!(error_code(&foreign), "FORBIDDEN");
    let bad =
        app.graphql(Some(&court), UPDATE, json!({ "input": { "id": id, "version": 2, "decidedOn": day(5) } })).await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "input.decidedOn");
    assert_eq!(counts(&app).await, (1, 2, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_updates_of_one_version_one_wins_one_conflicts() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let id = created(&app, &court).await;
    let first = app.graphql(Some(&court), UPDATE, json!({ "input": { "id": id, "version": 1, "title": "甲" } }));
    let second = app.graphql(Some(&court), UPDATE, json!({ "input": { "id": id, "version": 1, "title": "乙" } }));
    let (a, b) = tokio::join!(first, second);
    let codes = [error_code(&a).to_owned(), error_code(&b).to_owned()];
    let winners = codes.iter().filter(|c| c.is_empty()).count();
    assert_eq!(winners, 1, "{a} {b}");
    assert!(codes.contains(&"CONFLICT".to_owned()), "{a} {b}");
    assert_eq!(counts(&app).await, (1, 2, 2));
}

#[tokio::test]
async fn revoking_is_once_and_final() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let id = created(&app, &office).await;
    let body =
        app.graphql(Some(&office), REVOKE, json!({ "input": { "id": id, "version": 1, "reason": "异议成立" } })).await;
    assert_eq!(body["data"]["revokeCreditRecord"]["record"]["status"], "REVOKED", "{body}");
    let again =
        app.graphql(Some(&office), REVOKE, json!({ "input": { "id": id, "version": 2, "reason": "再次" } })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let update = app.graphql(Some(&office), UPDATE, json!({ "input": { "id": id, "version": 2, "title": "x" } })).await;
    assert_eq!(error_code(&update), "INVALID_TRANSITION");
    let no_reason =
        app.graphql(Some(&office), REVOKE, json!({ "input": { "id": id, "version": 2, "reason": " " } })).await;
    assert_eq!(error_code(&no_reason), "BAD_USER_INPUT");
    assert_eq!(counts(&app).await, (1, 2, 2));
    let portal = app.graphql(None, "{ publicRecords { totalCount } }", json!({})).await;
    assert_eq!(portal["data"]["publicRecords"]["totalCount"], 0, "a revoked record leaves the portal");
}
