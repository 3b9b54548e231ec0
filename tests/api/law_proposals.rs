//! Issue 10, item 6: proposals keep their history. Re-handling after an unsatisfied answer adds
//! a round and overwrites nothing; a late round keeps the proposal late; the reply period is three
//! months, up to six with the office's recorded extension, never more (代表法 art. 43).

use chengxin::clock::Clock;
use chrono::{Duration, Months, NaiveDate};
use entity::audit_log;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const FIELDS: &str = "id status version dueOn currentDueOn round isLate reply repliedOn satisfaction
    rounds { number assignedOn dueOn extendedFrom extensionReason repliedOn reply satisfaction isLate }";

fn months(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_add_months(Months::new(n)).unwrap()
}

async fn run(app: &TestApp, token: &str, mutation: &str, input: Value) -> Value {
    let input_type = format!("{}{}Input", mutation[..1].to_uppercase(), &mutation[1..]);
    let query = format!("mutation($i: {input_type}!) {{ {mutation}(input: $i) {{ proposal {{ {FIELDS} }} }} }}");
    let body = app.graphql(Some(token), &query, json!({ "i": input })).await;
    if body["errors"].is_null() {
        body["data"][mutation]["proposal"].clone()
    } else {
        body
    }
}

async fn register(app: &TestApp, office: &str, number: &str, extra: Value) -> Value {
    let mut input = json!({ "kind": "NPC_SUGGESTION", "number": number, "title": "关于规范政府合同履约的建议",
        "handlingUnitId": app.unit_id("浔中镇").await });
    for (key, value) in extra.as_object().unwrap() {
        input[key] = value.clone();
    }
    run(app, office, "registerProposal", input).await
}

async fn late_count(app: &TestApp, token: &str, late: bool) -> u64 {
    let query = format!("{{ proposals(filter: {{ late: {late} }}) {{ totalCount }} }}");
    app.graphql(Some(token), &query, json!({})).await["data"]["proposals"]["totalCount"].as_u64().unwrap()
}

fn field(body: &Value) -> &str {
    body["errors"][0]["extensions"]["field"].as_str().unwrap_or("")
}

#[tokio::test]
async fn re_handling_adds_a_round_and_a_late_round_stays_late() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let assigned = app.clock.today();
    let first_due = months(assigned, 3);
    let p = register(&app, &office, "德人建〔2026〕18号", json!({})).await;
    assert_eq!(
        (p["dueOn"].as_str(), p["isLate"].as_bool()),
        (Some(first_due.to_string().as_str()), Some(false)),
        "{p}"
    );
    let id = p["id"].as_str().unwrap().to_owned();

    // Unreplied the day after its due date: late, and the filter finds it.
    app.clock.advance(Duration::days((first_due - assigned).num_days() + 1));
    assert_eq!((late_count(&app, &office, true).await, late_count(&app, &office, false).await), (1, 0));
    let late_reply =
        run(&app, &clerk, "replyToProposal", json!({ "id": id, "version": 1, "reply": "第一次答复" })).await;
    assert_eq!((late_reply["status"].as_str(), late_reply["isLate"].as_bool()), (Some("REPLIED"), Some(true)));

    let reopened = run(
        &app,
        &office,
        "recordProposalSatisfaction",
        json!({ "id": id, "version": 2, "satisfaction": "UNSATISFIED" }),
    )
    .await;
    let second_assigned = app.clock.today();
    let second_due = months(second_assigned, 3);
    assert_eq!(reopened["round"], 2, "{reopened}");
    assert_eq!(reopened["currentDueOn"], second_due.to_string());
    // The second round is answered in time; the proposal stays late, and nothing was overwritten.
    app.clock.advance(Duration::days(10));
    run(&app, &clerk, "replyToProposal", json!({ "id": id, "version": 3, "reply": "第二次答复" })).await;
    let closed = run(
        &app,
        &office,
        "recordProposalSatisfaction",
        json!({ "id": id, "version": 4, "satisfaction": "SATISFIED" }),
    )
    .await;
    let first_replied = (first_due + Duration::days(1)).to_string();
    assert_eq!(
        closed,
        json!({ "id": id, "status": "CLOSED", "version": 5, "dueOn": first_due.to_string(),
            "currentDueOn": second_due.to_string(), "round": 2, "isLate": true,
            "reply": "第一次答复", "repliedOn": first_replied, "satisfaction": "SATISFIED",
            "rounds": [
                { "number": 1, "assignedOn": assigned.to_string(), "dueOn": first_due.to_string(), "extendedFrom": null,
                  "extensionReason": null, "repliedOn": first_replied, "reply": "第一次答复",
                  "satisfaction": "UNSATISFIED", "isLate": true },
                { "number": 2, "assignedOn": second_assigned.to_string(), "dueOn": second_due.to_string(),
                  "extendedFrom": null, "extensionReason": null,
                  "repliedOn": (second_assigned + Duration::days(10)).to_string(), "reply": "第二次答复",
                  "satisfaction": "SATISFIED", "isLate": false },
            ] }),
        "{closed}"
    );
    assert_eq!((late_count(&app, &office, true).await, late_count(&app, &office, false).await), (1, 0));
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("proposal_round"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 6, "two rounds opened, two replies, two verdicts");
}

#[tokio::test]
async fn three_months_by_default_six_with_the_offices_reason_never_more() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let today = app.clock.today();
    let four = months(today, 4).to_string();
    let bare = register(&app, &office, "第1号", json!({ "dueOn": four })).await;
    assert_eq!((error_code(&bare), field(&bare)), ("BAD_USER_INPUT", "input.dueOn"), "{bare}");
    let seven = register(
        &app,
        &office,
        "第1号",
        json!({ "dueOn": (months(today, 6) + Duration::days(1)).to_string(),
        "extensionReason": "涉及多个部门" }),
    )
    .await;
    assert_eq!((error_code(&seven), field(&seven)), ("BAD_USER_INPUT", "input.dueOn"), "{seven}");
    let complex = register(&app, &office, "第1号", json!({ "dueOn": four, "extensionReason": "涉及多个部门" })).await;
    assert_eq!(complex["rounds"][0]["extendedFrom"], months(today, 3).to_string(), "{complex}");
    assert_eq!(complex["rounds"][0]["extensionReason"], "涉及多个部门");

    // Extending an open round: by the office, later than now due, within six months, with a reason.
    let open = register(&app, &office, "第2号", json!({})).await;
    let id = open["id"].as_str().unwrap().to_owned();
    let extend = |version: i32, due: NaiveDate, reason: &str| {
        let input = json!({ "id": id, "version": version, "dueOn": due.to_string(), "reason": reason });
        let (app, office) = (&app, &office);
        async move { run(app, office, "extendProposalDeadline", input).await }
    };
    let too_late = extend(1, months(today, 6) + Duration::days(1), "复杂").await;
    assert_eq!(field(&too_late), "input.dueOn", "{too_late}");
    let no_reason = extend(1, months(today, 5), " ").await;
    assert_eq!(field(&no_reason), "input.reason", "{no_reason}");
    let by_clerk = run(
        &app,
        &clerk,
        "extendProposalDeadline",
        json!({ "id": id, "version": 1, "dueOn": months(today, 5).to_string(), "reason": "复杂" }),
    )
    .await;
    assert_eq!(error_code(&by_clerk), "FORBIDDEN");
    let extended = extend(1, months(today, 5), "需要省级部门批复").await;
    assert_eq!(
        (extended["dueOn"].as_str(), extended["currentDueOn"].as_str()),
        (Some(months(today, 3).to_string().as_str()), Some(months(today, 5).to_string().as_str())),
        "the registered due date stays: {extended}"
    );
    assert_eq!(extended["rounds"][0]["extendedFrom"], months(today, 3).to_string());
    // Past the ordinary three months but inside the extension: not late.
    app.clock.advance(Duration::days((months(today, 4) - today).num_days()));
    let replied = run(&app, &clerk, "replyToProposal", json!({ "id": id, "version": 2, "reply": "已办结" })).await;
    assert_eq!(replied["isLate"], false, "{replied}");
    let closed_round = extend(3, months(today, 6), "再延").await;
    assert_eq!(error_code(&closed_round), "INVALID_TRANSITION", "only an open round is extended");
}
