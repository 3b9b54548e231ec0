//! Issue 11 item 6: errors a form can use — every bad field at once with a machine reason, words
//! in Chinese by default and in English on request, whole messages on every path.

use chengxin::{
    clock::Clock,
    error::{Locale, Reason},
};
use entity::{audit_log, credit_record};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use chengxin::graphql::ids::{global_id, NodeType};

use crate::helpers::{spawn_app, spawn_demo_app, TestApp};

const CREATE: &str =
    r#"mutation($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { record { id } } }"#;
const SUBMIT: &str = r#"mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { reference } }"#;

/// POSTs with an `Accept-Language` header; returns the body and the `Content-Language` it came in.
async fn ask(app: &TestApp, token: Option<&str>, language: Option<&str>, body: Value) -> (u16, Value, String) {
    let mut request = reqwest::Client::new().post(format!("{}/graphql", app.address)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(language) = language {
        request = request.header("accept-language", language);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_language =
        response.headers().get("content-language").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, response.json().await.unwrap(), content_language)
}

/// The id of a unit that does not exist.
fn missing_unit() -> String {
    global_id(NodeType::Unit, 999_999).0
}

fn fields(body: &Value) -> Vec<(String, String)> {
    body["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no extensions.fields: {body}"))
        .iter()
        .map(|f| (f["field"].as_str().unwrap().to_owned(), f["reason"].as_str().unwrap().to_owned()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(f, r)| (f.to_string(), r.to_string())).collect()
}

#[tokio::test]
async fn a_record_form_learns_every_bad_field_at_once_and_nothing_is_written() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let today = app.clock.today();
    let input = json!({
        "unitId": app.unit_id("浔中镇").await,
        "polarity": "DISHONESTY",
        "category": "DEFAULTED_JUDGMENT_DEBTOR",
        "severity": "GENERAL",
        "title": " ",
        "facts": "未履行判决确定的付款义务。",
        "decidingAuthority": "德化县人民法院",
        "occurredOn": (today + chrono::Duration::days(3)).to_string(),
        "decidedOn": (today - chrono::Duration::days(1)).to_string(),
        "disclosure": "SHARED"
    });
    let (status, body, language) =
        ask(&app, Some(&court), None, json!({ "query": CREATE, "variables": { "input": input } })).await;
    assert_eq!((status, language.as_str()), (200, "zh-CN"));
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    assert_eq!(
        fields(&body),
        pairs(&[
            ("input.title", "REQUIRED"),
            ("input.severity", "LISTING_IS_SERIOUS"),
            ("input.disclosure", "LISTING_IS_PUBLIC"),
            ("input.occurredOn", "DATE_IN_FUTURE"),
            ("input.decidedOn", "DECIDED_BEFORE_OCCURRED"),
        ])
    );
    assert_eq!(error["extensions"]["field"], "input.title", "the first bad field, as before");
    assert_eq!(error["extensions"]["reason"], "REQUIRED");
    // Chinese by default: the whole message names each field with its words.
    let message = error["message"].as_str().unwrap();
    assert!(message.starts_with("input.title: 不能为空；input.severity: 失信被执行人名单属严重失信"), "{message}");
    assert_eq!(error["extensions"]["fields"][3]["message"], "不能晚于今天");
    assert_eq!(credit_record::Entity::find().count(&app.state.db).await.unwrap(), 0, "nothing written");
    assert_eq!(audit_log::Entity::find().count(&app.state.db).await.unwrap(), 0);

    // The same refusal in English, with the same reasons.
    let (_, english, language) = ask(
        &app,
        Some(&court),
        Some("en-GB,en;q=0.9,zh;q=0.5"),
        json!({ "query": CREATE, "variables": { "input": input } }),
    )
    .await;
    assert_eq!(language, "en");
    assert_eq!(fields(&english), fields(&body));
    let message = english["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("input.title: must not be empty; input.severity: a 失信被执行人 listing is SERIOUS"),
        "{message}"
    );
}

#[tokio::test]
async fn the_public_complaint_form_lists_its_problems_and_lookups_together() {
    let app = spawn_app().await;
    let input = json!({ "channel": "WEBSITE", "targetUnitId": missing_unit(), "content": "太短",
        "contactPhone": "12", "workOrderNumber": "GD-1" });
    let body = app.graphql(None, SUBMIT, json!({ "i": input })).await;
    let problems = fields(&body);
    assert_eq!(
        problems[..3],
        pairs(&[
            ("input.content", "CONTENT_TOO_SHORT"),
            ("input.contactPhone", "PHONE_FORMAT"),
            ("input.workOrderNumber", "WORK_ORDER_ONLY_FOR_HOTLINE"),
        ])[..],
        "{body}"
    );
    assert!(problems.iter().any(|(field, _)| field == "input.targetUnitId"), "the unknown unit too: {body}");
}

#[tokio::test]
async fn every_kind_of_refusal_carries_its_reason_in_the_language_asked() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let missing =
        json!({ "query": "query($id: ID!) { unit(id: $id) { name } }", "variables": { "id": missing_unit() } });
    let (_, zh, _) = ask(&app, Some(&office), None, missing.clone()).await;
    assert_eq!(
        (zh["errors"][0]["extensions"]["reason"].as_str(), zh["errors"][0]["message"].as_str()),
        (Some("UNIT_NOT_FOUND"), Some("找不到该单位")),
        "{zh}"
    );
    let (_, en, _) = ask(&app, Some(&office), Some("en"), missing).await;
    assert_eq!(en["errors"][0]["message"], "unit not found");

    // A signed-out caller asking for a signed-in list.
    let (_, body, _) =
        ask(&app, None, Some("en"), json!({ "query": "{ creditRecords(first: 1) { totalCount } }" })).await;
    let extensions = &body["errors"][0]["extensions"];
    assert!(extensions["reason"].is_string() && extensions["code"].is_string(), "{body}");

    // A refusal before GraphQL runs: a bad token, then a non-JSON body.
    let (status, body, language) =
        ask(&app, Some("not-a-token"), Some("en"), json!({ "query": "{ me { id } }" })).await;
    assert_eq!((status, language.as_str()), (401, "en"));
    assert_eq!(body["errors"][0]["extensions"]["reason"], "INVALID_TOKEN");
    assert_eq!(body["errors"][0]["message"], "invalid token");
    let plain = reqwest::Client::new()
        .post(format!("{}/graphql", app.address))
        .header("content-type", "text/plain")
        .body("{ me { id } }")
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 415);
    let body: Value = plain.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["reason"], "NOT_JSON");
    assert_eq!(body["errors"][0]["message"], "请以 application/json 发送 GraphQL 请求");

    // A malformed scalar is bad input with its argument and INVALID_VALUE.
    let (_, body, _) = ask(
        &app,
        Some(&office),
        None,
        json!({ "query": "{ creditRecords(first: 1, filter: { decidedFrom: \"2026-13-45\" }) { totalCount } }" }),
    )
    .await;
    assert_eq!(fields(&body), pairs(&[("filter.decidedFrom", "INVALID_VALUE")]), "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().starts_with("filter.decidedFrom: 值无效"), "{body}");

    // Protocol errors keep their own reason: a validation failure's reason is its code.
    let (_, body, _) = ask(&app, Some(&office), None, json!({ "query": "{ nope }" })).await;
    assert_eq!(body["errors"][0]["extensions"]["reason"], "GRAPHQL_VALIDATION_FAILED", "{body}");
}

#[tokio::test]
async fn no_message_is_cut_off() {
    // The longest rule's words arrive whole, in both languages, exactly as the catalogue has them.
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let commitments = app
        .graphql(
            Some(&office),
            "{ commitments(first: 1, filter: { status: PENDING }) { nodes { id version } } }",
            json!({}),
        )
        .await;
    let commitment = &commitments["data"]["commitments"]["nodes"][0];
    assert!(commitment["id"].is_string(), "{commitments}");
    let change = json!({
        "query": "mutation($i: SetCommitmentStatusInput!) { setCommitmentStatus(input: $i) { commitment { status } } }",
        "variables": { "i": { "id": commitment["id"], "version": commitment["version"], "status": "CHANGED_LAWFULLY",
            "changeGround": "GOVERNMENT_TURNOVER", "legalBasis": "县政府换届" } }
    });
    for (language, locale) in [(None, Locale::Chinese), (Some("en"), Locale::English)] {
        let (_, body, _) = ask(&app, Some(&office), language, change.clone()).await;
        let expected = Reason::TurnoverIsNoGround.message(locale);
        assert!(expected.chars().count() > 45, "the longest message: {expected}");
        assert_eq!(body["errors"][0]["extensions"]["reason"], "TURNOVER_IS_NO_GROUND", "{body}");
        assert_eq!(body["errors"][0]["message"], format!("input.changeGround: {expected}"));
        assert_eq!(body["errors"][0]["extensions"]["fields"][0]["message"], expected);
    }
}
