//! Proposals (人大代表建议 / 政协委员提案): registered by the credit office, replied by the handling
//! unit, satisfaction recorded; late replies show as late.

use chengxin::clock::Clock;
use chrono::Duration;
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const REGISTER: &str = r#"mutation($i: RegisterProposalInput!) { registerProposal(input: $i) { proposal { id status version dueOn isLate handlingUnit { shortName } } } }"#;
const REPLY: &str = r#"mutation($i: ReplyToProposalInput!) { replyToProposal(input: $i) { proposal { status version repliedOn isLate } } }"#;
const SATISFACTION: &str = r#"mutation($i: RecordProposalSatisfactionInput!) { recordProposalSatisfaction(input: $i) { proposal { status version satisfaction dueOn currentDueOn } } }"#;

async fn register(app: &TestApp, token: &str, number: &str, unit: &str) -> Value {
    let input = json!({ "kind": "CPPCC_PROPOSAL", "number": number, "title": "关于加强政务诚信建设的提案", "proposer": "陈委员",
        "handlingUnitId": app.unit_id(unit).await, "dueOn": (app.clock.today() + Duration::days(90)).to_string() });
    app.graphql(Some(token), REGISTER, json!({ "i": input })).await
}

#[tokio::test]
async fn a_late_reply_shows_as_late_and_satisfaction_closes_or_reopens() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let registered = register(&app, &office, "第15号", "浔中镇").await;
    let p = &registered["data"]["registerProposal"]["proposal"];
    assert_eq!((p["status"].as_str(), p["isLate"].as_bool()), (Some("ASSIGNED"), Some(false)), "{registered}");
    let id = p["id"].as_str().unwrap().to_owned();
    let duplicate = register(&app, &office, "第15号", "龙浔镇").await;
    assert_eq!(duplicate["errors"][0]["extensions"]["field"], "input.number", "{duplicate}");
    let early = app
        .graphql(Some(&office), SATISFACTION, json!({ "i": { "id": id, "version": 1, "satisfaction": "SATISFIED" } }))
        .await;
    assert_eq!(error_code(&early), "INVALID_TRANSITION", "no reply yet");

    app.clock.advance(Duration::days(91));
    let late = "{ proposals(filter: { late: true }) { totalCount } }";
    assert_eq!(
        app.graphql(Some(&office), late, json!({})).await["data"]["proposals"]["totalCount"],
        1,
        "unreplied past due"
    );
    let replied = app
        .graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 1, "reply": "已会同有关部门研究办理" } }))
        .await;
    let r = &replied["data"]["replyToProposal"]["proposal"];
    assert_eq!((r["status"].as_str(), r["isLate"].as_bool()), (Some("REPLIED"), Some(true)), "{replied}");

    let new_due = (app.clock.today() + Duration::days(30)).to_string();
    let unsatisfied = app
        .graphql(
            Some(&office),
            SATISFACTION,
            json!({ "i": { "id": id, "version": 2, "satisfaction": "UNSATISFIED", "newDueOn": new_due } }),
        )
        .await;
    let u = &unsatisfied["data"]["recordProposalSatisfaction"]["proposal"];
    assert_eq!(
        (u["status"].as_str(), u["currentDueOn"].as_str()),
        (Some("ASSIGNED"), Some(new_due.as_str())),
        "{unsatisfied}"
    );
    assert_eq!(u["dueOn"], p["dueOn"], "the first due date stays");
    app.graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 3, "reply": "再次答复" } })).await;
    let closed = app
        .graphql(
            Some(&office),
            SATISFACTION,
            json!({ "i": { "id": id, "version": 4, "satisfaction": "BASICALLY_SATISFIED" } }),
        )
        .await;
    assert_eq!(closed["data"]["recordProposalSatisfaction"]["proposal"]["status"], "CLOSED", "{closed}");
    let after = app.graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 5, "reply": "又一次" } })).await;
    assert_eq!(error_code(&after), "INVALID_TRANSITION");
}

#[tokio::test]
async fn only_the_handling_unit_replies_and_sees_its_proposals() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let id = register(&app, &office, "第3号", "龙浔镇").await["data"]["registerProposal"]["proposal"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    register(&app, &office, "第4号", "浔中镇").await;
    let clerk = app.token_for("xunzhong").await;
    let reply = app.graphql(Some(&clerk), REPLY, json!({ "i": { "id": id, "version": 1, "reply": "越权答复" } })).await;
    assert_eq!(error_code(&reply), "NOT_FOUND", "another township's proposal is invisible: {reply}");
    let list = "{ proposals { totalCount } }";
    assert_eq!(app.graphql(Some(&clerk), list, json!({})).await["data"]["proposals"]["totalCount"], 1);
    assert_eq!(
        app.graphql(Some(&app.token_for("leader").await), list, json!({})).await["data"]["proposals"]["totalCount"],
        2
    );
    assert_eq!(error_code(&app.graphql(Some(&app.evaluator_token()), list, json!({})).await), "FORBIDDEN");
    let nested = format!(
        "{{ unit(id: \"{}\") {{ proposals {{ totalCount edges {{ node {{ number isLate }} }} }} }} }}",
        app.unit_id("浔中镇").await
    );
    let body = app.graphql(Some(&clerk), &nested, json!({})).await;
    assert_eq!(body["data"]["unit"]["proposals"]["edges"][0]["node"]["number"], "第4号", "{body}");
    let bad = json!({ "i": { "kind": "NPC_SUGGESTION", "number": "第9号", "title": "t", "handlingUnitId": app.unit_id("浔中镇").await,
        "assignedOn": "2026-06-10", "dueOn": "2026-06-01" } });
    assert_eq!(app.graphql(Some(&office), REGISTER, bad).await["errors"][0]["extensions"]["field"], "input.dueOn");
}
