//! Issue 13, plan supervision (plan task 4.4): a lead unit's clerk reports per half year; a later
//! report for the same half year replaces the first (both audited); `PlanTask.progress` gives each
//! lead unit's latest report and flags the missing ones; a leader sees every task in one request,
//! in a constant number of statements.

use chengxin::graphql::ids::{global_id, NodeType};
use entity::{audit_log, plan_task, task_progress};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{bad_fields, error_code, spawn_app, spawn_demo_app, TestApp};

const REPORT: &str = "mutation($i: ReportTaskProgressInput!) { reportTaskProgress(input: $i) { report { period status summary late dueOn unit { shortName } } } }";
const PROGRESS: &str = "query($id: ID!) { node(id: $id) { ... on PlanTask { progress { unit { shortName } overdue lastDuePeriod latest { period status } } history { totalCount } } } }";

async fn task_id(app: &TestApp, code: &str) -> (i32, String) {
    let task =
        plan_task::Entity::find().filter(plan_task::Column::Code.eq(code)).one(&app.state.db).await.unwrap().unwrap();
    (task.id, global_id(NodeType::PlanTask, task.id).0)
}

fn progress_of<'a>(body: &'a Value, unit: &str) -> &'a Value {
    body["data"]["node"]["progress"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .find(|p| p["unit"]["shortName"] == unit)
        .unwrap_or_else(|| panic!("{unit} leads: {body}"))
}

#[tokio::test]
async fn a_lead_units_clerk_reports_per_half_year_and_a_second_report_replaces_the_first() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let (row, task) = task_id(&app, "2.1.1").await;
    let bad = json!({ "i": { "taskId": task, "period": "2026-H3", "status": "IN_PROGRESS", "summary": " " } });
    let refused = app.graphql(Some(&clerk), REPORT, bad).await;
    assert_eq!(
        bad_fields(&refused),
        vec![
            ("input.period".to_owned(), "NOT_A_PERIOD".to_owned()),
            ("input.summary".to_owned(), "REQUIRED".to_owned())
        ]
    );
    let future = json!({ "i": { "taskId": task, "period": "2099-H1", "status": "IN_PROGRESS", "summary": "计划" } });
    assert_eq!(
        bad_fields(&app.graphql(Some(&clerk), REPORT, future).await),
        vec![("input.period".to_owned(), "DATE_IN_FUTURE".to_owned())]
    );
    // 浔中镇 does not lead 2.2.1; and a clerk reports only for its own unit.
    let (_, other_task) = task_id(&app, "2.2.1").await;
    let not_lead =
        json!({ "i": { "taskId": other_task, "period": "2026-H1", "status": "IN_PROGRESS", "summary": "推进" } });
    assert_eq!(
        bad_fields(&app.graphql(Some(&clerk), REPORT, not_lead).await),
        vec![("input.unitId".to_owned(), "NOT_A_LEAD_UNIT".to_owned())]
    );
    let elsewhere = json!({ "i": { "taskId": task, "unitId": app.unit_id("龙浔镇").await, "period": "2026-H1", "status": "IN_PROGRESS", "summary": "推进" } });
    assert_eq!(error_code(&app.graphql(Some(&clerk), REPORT, elsewhere).await), "FORBIDDEN");

    let first =
        json!({ "i": { "taskId": task, "period": "2026-H1", "status": "IN_PROGRESS", "summary": "已建立制度" } });
    let made = app.graphql(Some(&clerk), REPORT, first).await;
    assert_eq!(made["data"]["reportTaskProgress"]["report"]["unit"]["shortName"], "浔中镇", "{made}");
    assert_eq!(made["data"]["reportTaskProgress"]["report"]["dueOn"], "2026-07-15");
    let second = json!({ "i": { "taskId": task, "period": "2026-H1", "status": "COMPLETED", "summary": "全部完成" } });
    let revised = app.graphql(Some(&clerk), REPORT, second).await;
    assert_eq!(revised["data"]["reportTaskProgress"]["report"]["status"], "COMPLETED", "{revised}");
    let reports = task_progress::Entity::find()
        .filter(task_progress::Column::TaskId.eq(row))
        .filter(task_progress::Column::Period.eq("2026-H1"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(reports, 1, "one report per half year");
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("task_progress"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 2, "the report and its revision");

    let office = app.token_for("office").await;
    let shown = app.graphql(Some(&office), PROGRESS, json!({ "id": task })).await;
    let mine = progress_of(&shown, "浔中镇");
    assert_eq!(
        (mine["latest"]["period"].as_str(), mine["latest"]["status"].as_str()),
        (Some("2026-H1"), Some("COMPLETED"))
    );
    assert_eq!(mine["lastDuePeriod"], "2026-H1");
    assert_eq!(mine["overdue"], false, "{shown}");
    assert_eq!(progress_of(&shown, "龙浔镇")["overdue"], true, "no report from 龙浔镇");
}

#[tokio::test]
async fn a_leader_sees_every_tasks_state_in_one_request_in_constant_statements() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let query = "query($n: Int!) { planTasks(first: $n) { totalCount nodes { code progress { unit { name } overdue latest { period status late } } history(first: 3) { totalCount nodes { period } } } } }";
    let mut counts = Vec::new();
    for n in [3, 23] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&leader), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
        if n == 23 {
            let tasks = body["data"]["planTasks"]["nodes"].as_array().unwrap();
            assert_eq!(tasks.len(), 23);
            assert!(
                tasks.iter().any(|t| t["history"]["totalCount"].as_u64() > Some(0)),
                "the seed's reports are reachable"
            );
        }
    }
    assert_eq!(counts[0], counts[1], "statements for 3 and 23 tasks: {counts:?}");
}
