//! Issue 10, item 3: credit checks by purpose (政务处分法 arts. 8, 19, 22). A sanction bars
//! promotion, appointment and awards while its period runs and is history after it; a SERIOUS
//! record in force blocks; other dishonesty asks for care; the answer names the deciding rule.

use chengxin::{
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::{Duration, Months};
use serde_json::{json, Value};

use crate::helpers::{insert_official, spawn_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id sanction sanctionEndsOn } } }"#;
const CHECK: &str = r#"query($o: ID!, $p: CheckPurpose!) { creditCheck(officialId: $o, purpose: $p) { verdict rule records { id } history { id sanction } } }"#;

async fn record(app: &TestApp, token: &str, official: &str, extra: Value) -> Value {
    let day = (app.clock.today() - Duration::days(90)).to_string();
    let mut input = json!({ "unitId": app.unit_id("浔中镇").await, "officialId": official, "polarity": "DISHONESTY",
        "category": "DISCIPLINARY_SANCTION", "severity": "GENERAL", "title": "政务处分", "facts": "违反工作纪律",
        "documentNumber": "德监处〔2026〕3号", "decidingAuthority": "德化县监察委员会", "occurredOn": day, "decidedOn": day });
    for (key, value) in extra.as_object().unwrap() {
        input[key] = value.clone();
    }
    app.graphql(Some(token), CREATE, json!({ "i": input })).await
}

async fn check(app: &TestApp, token: &str, official: &str, purpose: &str) -> Value {
    let body = app.graphql(Some(token), CHECK, json!({ "o": official, "p": purpose })).await;
    body["data"]["creditCheck"].clone()
}

#[tokio::test]
async fn a_sanction_bars_promotion_appointment_and_awards_for_its_period_then_is_history() {
    let app = spawn_app().await;
    let (office, personnel) = (app.token_for("office").await, app.token_for("personnel").await);
    let official = global_id(NodeType::Official, insert_official(&app, "浔中镇", "林警告", 31).await).0;
    let missing = record(&app, &office, &official, json!({})).await;
    assert_eq!(missing["errors"][0]["extensions"]["field"], "input.sanction", "{missing}");
    let stray = record(&app, &office, &official, json!({ "category": "ACCOUNTABILITY", "sanction": "WARNING" })).await;
    assert_eq!(stray["errors"][0]["extensions"]["field"], "input.sanction", "{stray}");
    let made = record(&app, &office, &official, json!({ "sanction": "WARNING" })).await;
    let made = &made["data"]["createCreditRecord"]["record"];
    let decided = app.clock.today() - Duration::days(90);
    let ends = decided.checked_add_months(Months::new(6)).unwrap() - Duration::days(1);
    assert_eq!(
        (made["sanction"].as_str(), made["sanctionEndsOn"].as_str()),
        (Some("WARNING"), Some(ends.to_string().as_str()))
    );
    let id = made["id"].clone();

    for purpose in ["PROMOTION", "APPOINTMENT", "AWARD"] {
        let answer = check(&app, &personnel, &official, purpose).await;
        assert_eq!(
            answer,
            json!({ "verdict": "BLOCKED", "rule": "SANCTION_PERIOD", "records": [{ "id": id }], "history": [] }),
            "{purpose}"
        );
    }
    let title = check(&app, &personnel, &official, "TITLE_EVALUATION").await;
    assert_eq!((title["verdict"].as_str(), title["rule"].as_str()), (Some("CAUTION"), Some("DISHONESTY_IN_FORCE")));

    // The last day of the period still bars; the day after, the sanction is history.
    app.clock.advance(Duration::days((ends - app.clock.today()).num_days()));
    assert_eq!(check(&app, &personnel, &official, "PROMOTION").await["verdict"], "BLOCKED");
    app.clock.advance(Duration::days(1));
    let after = check(&app, &personnel, &official, "PROMOTION").await;
    assert_eq!(
        after,
        json!({ "verdict": "CLEAR", "rule": "NOTHING_IN_FORCE", "records": [], "history": [{ "id": id, "sanction": "WARNING" }] })
    );
}

#[tokio::test]
async fn a_serious_record_blocks_and_other_dishonesty_asks_for_care_whatever_the_purpose() {
    let app = spawn_app().await;
    let (office, personnel) = (app.token_for("office").await, app.token_for("personnel").await);
    let official = global_id(NodeType::Official, insert_official(&app, "浔中镇", "陈问责", 32).await).0;
    let general = json!({ "category": "ACCOUNTABILITY", "title": "问责" });
    assert!(record(&app, &office, &official, general).await["errors"].is_null());
    let caution = check(&app, &personnel, &official, "PROMOTION").await;
    assert_eq!((caution["verdict"].as_str(), caution["rule"].as_str()), (Some("CAUTION"), Some("DISHONESTY_IN_FORCE")));
    let serious = json!({ "category": "ACCOUNTABILITY", "severity": "SERIOUS", "title": "严重问责" });
    assert!(record(&app, &office, &official, serious).await["errors"].is_null());
    for purpose in ["AWARD", "TITLE_EVALUATION"] {
        let blocked = check(&app, &personnel, &official, purpose).await;
        assert_eq!((blocked["verdict"].as_str(), blocked["rule"].as_str()), (Some("BLOCKED"), Some("SERIOUS_RECORD")));
    }
}
