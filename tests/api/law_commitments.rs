//! Issue 10, item 5: commitments. A lawful change names a ground the law accepts — never
//! government turnover or a new responsible person (优化营商环境条例 art. 31) — with its legal basis
//! and any compensation; nothing falls due in the past; TOWNSHIP_PUBLIC is for township-level units.

use chengxin::clock::Clock;
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id kind unit { shortName } } } }"#;
const SET: &str = r#"mutation($i: SetCommitmentStatusInput!) { setCommitmentStatus(input: $i) { commitment { status version changeGround legalBasis compensation record { id } } record { id } } }"#;
const READ: &str =
    r#"query($id: ID!) { node(id: $id) { ... on Commitment { status version changeGround compensation } } }"#;

async fn create(app: &TestApp, token: &str, input: Value) -> Value {
    app.graphql(Some(token), CREATE, json!({ "i": input })).await
}

fn field(body: &Value) -> (&str, &str) {
    (error_code(body), body["errors"][0]["extensions"]["field"].as_str().unwrap_or(""))
}

#[tokio::test]
async fn a_lawful_change_needs_a_lawful_ground_its_basis_and_records_the_compensation() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let input = json!({ "unitId": app.unit_id("县工信商务局").await, "kind": "POLICY", "isPublic": true,
        "content": "对落地项目三年内给予租金补贴", "dueOn": (app.clock.today() + Duration::days(365)).to_string() });
    let made = create(&app, &office, input).await;
    let id =
        made["data"]["createCommitment"]["commitment"]["id"].as_str().unwrap_or_else(|| panic!("{made}")).to_owned();
    let change = |ground: &str, extra: Value| {
        let mut input = json!({ "id": id, "version": 1, "status": "CHANGED_LAWFULLY", "changeGround": ground,
            "legalBasis": "《优化营商环境条例》第三十一条；县政府常务会议纪要〔2026〕12号" });
        for (key, value) in extra.as_object().unwrap() {
            input[key] = value.clone();
        }
        let (app, office) = (&app, &office);
        async move { app.graphql(Some(office), SET, json!({ "i": input })).await }
    };
    for ground in ["GOVERNMENT_TURNOVER", "RESPONSIBLE_PERSON_CHANGED", "DIVISION_ADJUSTED", "REORGANISED"] {
        let refused = change(ground, json!({})).await;
        assert_eq!(field(&refused), ("BAD_USER_INPUT", "input.changeGround"), "{ground}: {refused}");
    }
    let no_ground = app
        .graphql(
            Some(&office),
            SET,
            json!({ "i": { "id": id, "version": 1, "status": "CHANGED_LAWFULLY", "legalBasis": "文件" } }),
        )
        .await;
    assert_eq!(field(&no_ground), ("BAD_USER_INPUT", "input.changeGround"), "{no_ground}");
    let no_basis = change("PUBLIC_INTEREST", json!({ "legalBasis": " " })).await;
    assert_eq!(field(&no_basis), ("BAD_USER_INPUT", "input.legalBasis"));
    let fractions = change("PUBLIC_INTEREST", json!({ "compensation": "1.234" })).await;
    assert_eq!(field(&fractions), ("BAD_USER_INPUT", "input.compensation"));
    let negative = change("PUBLIC_INTEREST", json!({ "compensation": "-5" })).await;
    assert_eq!(field(&negative), ("BAD_USER_INPUT", "input.compensation"));
    let breach_with_ground = app
        .graphql(
            Some(&office),
            SET,
            json!({ "i": { "id": id, "version": 1, "status": "BREACHED", "changeGround": "PUBLIC_INTEREST" } }),
        )
        .await;
    assert_eq!(field(&breach_with_ground), ("BAD_USER_INPUT", "input.changeGround"));
    let unchanged = app.graphql(Some(&office), READ, json!({ "id": id })).await;
    assert_eq!(
        unchanged["data"]["node"],
        json!({ "status": "PENDING", "version": 1, "changeGround": null, "compensation": null }),
        "nothing was written by a refusal"
    );

    let changed = change("PUBLIC_INTEREST", json!({ "compensation": "125000.50" })).await;
    assert_eq!(
        changed["data"]["setCommitmentStatus"],
        json!({ "commitment": { "status": "CHANGED_LAWFULLY", "version": 2, "changeGround": "PUBLIC_INTEREST",
            "legalBasis": "《优化营商环境条例》第三十一条；县政府常务会议纪要〔2026〕12号", "compensation": "125000.5",
            "record": null }, "record": null }),
        "{changed}"
    );
}

#[tokio::test]
async fn nothing_falls_due_in_the_past_and_township_commitments_belong_to_townships() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let today = app.clock.today();
    let base = |unit: String, kind: &str, due: chrono::NaiveDate| json!({ "unitId": unit, "kind": kind, "serviceArea": "养老", "content": "养老服务补贴按月发放", "dueOn": due.to_string() });
    let township = app.unit_id("浔中镇").await;
    let past = create(&app, &office, base(township.clone(), "DEADLINE", today - Duration::days(1))).await;
    assert_eq!(field(&past), ("BAD_USER_INPUT", "input.dueOn"), "{past}");
    let due_today = create(&app, &office, base(township.clone(), "DEADLINE", today)).await;
    assert!(due_today["errors"].is_null(), "{due_today}");
    let department = create(&app, &office, base(app.unit_id("县财政局").await, "TOWNSHIP_PUBLIC", today)).await;
    assert_eq!(field(&department), ("BAD_USER_INPUT", "input.kind"), "{department}");
    let own = create(&app, &office, base(township, "TOWNSHIP_PUBLIC", today)).await;
    assert_eq!(
        own["data"]["createCommitment"]["commitment"]["unit"]["shortName"], "浔中镇",
        "a township's public commitment: {own}"
    );
}
