//! Issue 12, PPP (plan task 3.2): stages move forward one at a time; one responsible official per
//! stage at a time, from the government-side unit's subtree, the trail kept (项目责任回溯); a breach
//! lays a record on the unit and on the official responsible that day; who sees which projects,
//! on every path.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use entity::{credit_record, enums::PppStage, ppp_project, ppp_stage_assignment};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{
    bad_fields, error_code, insert_assignment, insert_official, insert_ppp, spawn_app, spawn_demo_app, TestApp,
};

const ADVANCE: &str =
    r#"mutation($i: AdvancePppStageInput!) { advancePppStage(input: $i) { project { stage version } } }"#;
const ASSIGN: &str = r#"mutation($i: AssignPppStageResponsibleInput!) { assignPppStageResponsible(input: $i) {
  assignment { id stage fromOn toOn current official { name } } } }"#;
const BREACH: &str = r#"mutation($i: RecordPppBreachInput!) { recordPppBreach(input: $i) {
  unitRecord { category sector subjectType unit { shortName } }
  officialRecord { subjectType disclosure official { name } } } }"#;
const PROJECT: &str = r#"query($id: ID!) { node(id: $id) { ... on PppProject { stage version
  responsibleNow { name }
  stages { stage progress responsible { official { name } fromOn } }
  responsibilityTrail { stage fromOn toOn current official { name } }
  breachRecords { totalCount nodes { subjectType } } } } }"#;

fn project_id(row: i32) -> String {
    global_id(NodeType::PppProject, row).0
}

fn official_id(row: i32) -> String {
    global_id(NodeType::Official, row).0
}

fn days_ago(app: &TestApp, days: i64) -> String {
    (app.clock.today() - chrono::Duration::days(days)).to_string()
}

async fn stored(app: &TestApp, row: i32) -> ppp_project::Model {
    ppp_project::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_project_is_entered_in_preparation_and_moves_forward_one_stage_at_a_time() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let unit = app.unit_id("浔中镇").await;
    let create = r#"mutation($i: CreatePppProjectInput!) { createPppProject(input: $i) { project { id stage partnerUsccValid totalInvestment } } }"#;
    let mut input = json!({ "unitId": unit, "projectNumber": "DHPPP-T-1", "name": " ", "totalInvestment": "0",
        "partnerName": "福建德化测试环保科技有限公司", "partnerUscc": "91350526MA0000000X" });
    let refused = app.graphql(Some(&clerk), create, json!({ "i": input })).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    assert_eq!(
        bad_fields(&refused),
        vec![
            ("input.name".to_owned(), "REQUIRED".to_owned()),
            ("input.totalInvestment".to_owned(), "NOT_POSITIVE".to_owned())
        ]
    );
    input["name"] = json!("城区污水处理PPP项目");
    input["totalInvestment"] = json!("300000000.00");
    let made = app.graphql(Some(&clerk), create, json!({ "i": input })).await;
    let project = &made["data"]["createPppProject"]["project"];
    assert_eq!(
        (project["stage"].as_str(), project["partnerUsccValid"].as_bool(), project["totalInvestment"].as_str()),
        (Some("PREPARATION"), Some(false), Some("300000000")),
        "a bad USCC is kept and flagged: {made}"
    );

    let row = insert_ppp(&app, "浔中镇", 1, PppStage::Preparation).await;
    let office = app.token_for("office").await;
    for (stage, version) in [("PROCUREMENT", 1), ("PREPARATION", 1), ("HANDOVER", 1)] {
        let skipped = app
            .graphql(
                Some(&office),
                ADVANCE,
                json!({ "i": { "id": project_id(row), "version": version, "stage": stage } }),
            )
            .await;
        assert_eq!(error_code(&skipped), "INVALID_TRANSITION", "{stage}: {skipped}");
        assert_eq!(skipped["errors"][0]["extensions"]["reason"], "TRANSITION_NOT_ALLOWED");
    }
    assert_eq!(stored(&app, row).await.version, 1, "nothing changed");
    let moved = app
        .graphql(Some(&office), ADVANCE, json!({ "i": { "id": project_id(row), "version": 1, "stage": "BIDDING" } }))
        .await;
    assert_eq!(moved["data"]["advancePppStage"]["project"], json!({ "stage": "BIDDING", "version": 2 }), "{moved}");
    let stale = app
        .graphql(
            Some(&office),
            ADVANCE,
            json!({ "i": { "id": project_id(row), "version": 1, "stage": "PROCUREMENT" } }),
        )
        .await;
    assert_eq!(error_code(&stale), "CONFLICT", "{stale}");
    let back = app
        .graphql(
            Some(&office),
            ADVANCE,
            json!({ "i": { "id": project_id(row), "version": 2, "stage": "PREPARATION" } }),
        )
        .await;
    assert_eq!(error_code(&back), "INVALID_TRANSITION", "never back: {back}");
    assert_eq!(stored(&app, row).await.stage, PppStage::Bidding);
}

#[tokio::test]
async fn one_official_answers_for_a_stage_at_a_time_from_the_government_side_and_the_trail_keeps_them_all() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_ppp(&app, "浔中镇", 1, PppStage::Bidding).await;
    let first = insert_official(&app, "浔中镇", "陈一", 701).await;
    let second = insert_official(&app, "浔中镇", "林二", 702).await;
    let elsewhere = insert_official(&app, "龙浔镇", "黄三", 703).await;
    let assign = |official: i32, days: i64| json!({ "i": { "projectId": project_id(row), "stage": "BIDDING", "officialId": official_id(official), "fromOn": days_ago(&app, days) } });
    let outside = app.graphql(Some(&office), ASSIGN, assign(elsewhere, 30)).await;
    assert_eq!(bad_fields(&outside), vec![("input.officialId".to_owned(), "OFFICIAL_OUTSIDE_PROJECT_UNIT".to_owned())]);
    let made = app.graphql(Some(&office), ASSIGN, assign(first, 30)).await;
    assert_eq!(made["data"]["assignPppStageResponsible"]["assignment"]["current"], true, "{made}");
    // A new term starts after the last one began; the old one ends the day before.
    let early = app.graphql(Some(&office), ASSIGN, assign(second, 30)).await;
    assert_eq!(bad_fields(&early), vec![("input.fromOn".to_owned(), "DATE_TOO_EARLY".to_owned())]);
    let next = app.graphql(Some(&office), ASSIGN, assign(second, 10)).await;
    assert_eq!(next["data"]["assignPppStageResponsible"]["assignment"]["official"]["name"], "林二", "{next}");

    let project = app.graphql(Some(&office), PROJECT, json!({ "id": project_id(row) })).await;
    let project = &project["data"]["node"];
    assert_eq!(project["responsibleNow"]["name"], "林二", "{project}");
    assert_eq!(
        project["responsibilityTrail"],
        json!([
            { "stage": "BIDDING", "fromOn": days_ago(&app, 30), "toOn": days_ago(&app, 11), "current": false, "official": { "name": "陈一" } },
            { "stage": "BIDDING", "fromOn": days_ago(&app, 10), "toOn": null, "current": true, "official": { "name": "林二" } },
        ])
    );
    let progress: Vec<&str> =
        project["stages"].as_array().unwrap().iter().map(|s| s["progress"].as_str().unwrap()).collect();
    assert_eq!(progress, ["DONE", "CURRENT", "AHEAD", "AHEAD", "AHEAD", "AHEAD"]);
    assert_eq!(project["stages"][1]["responsible"]["official"]["name"], "林二");
    assert_eq!(project["stages"][0]["responsible"], Value::Null);
}

#[tokio::test]
async fn two_assignments_at_once_leave_one_official_responsible() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_ppp(&app, "浔中镇", 1, PppStage::Financing).await;
    let officials =
        [insert_official(&app, "浔中镇", "甲", 711).await, insert_official(&app, "浔中镇", "乙", 712).await];
    let calls = officials.map(|official| {
        let vars = json!({ "i": { "projectId": project_id(row), "stage": "FINANCING", "officialId": official_id(official), "fromOn": days_ago(&app, 3) } });
        app.graphql(Some(&office), ASSIGN, vars)
    });
    let [a, b] = calls;
    let (a, b) = tokio::join!(a, b);
    let made = [&a, &b].iter().filter(|r| r["errors"].is_null()).count();
    assert!(made >= 1, "{a} {b}");
    let open = ppp_stage_assignment::Entity::find()
        .filter(ppp_stage_assignment::Column::ProjectId.eq(row))
        .filter(ppp_stage_assignment::Column::ToOn.is_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(open, 1, "one open assignment per stage: {a} {b}");
}

#[tokio::test]
async fn a_breach_is_laid_on_the_unit_and_on_the_official_responsible_that_day() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let row = insert_ppp(&app, "浔中镇", 1, PppStage::Implementation).await;
    let earlier = insert_official(&app, "浔中镇", "郑前任", 721).await;
    let later = insert_official(&app, "浔中镇", "苏现任", 722).await;
    insert_assignment(&app, row, PppStage::Implementation, earlier, 60, Some(21)).await;
    insert_assignment(&app, row, PppStage::Implementation, later, 20, None).await;
    let breach = |stage: &str, days: i64| json!({ "i": { "projectId": project_id(row), "stage": stage, "occurredOn": days_ago(&app, days), "facts": "政府方未按合同约定支付可行性缺口补助" } });
    let ahead = app.graphql(Some(&office), BREACH, breach("HANDOVER", 5)).await;
    assert_eq!(bad_fields(&ahead), vec![("input.stage".to_owned(), "STAGE_NOT_REACHED".to_owned())]);
    let nobody = app.graphql(Some(&office), BREACH, breach("PREPARATION", 5)).await;
    assert_eq!(bad_fields(&nobody), vec![("input.occurredOn".to_owned(), "NO_ONE_RESPONSIBLE".to_owned())]);
    let before_any = app.graphql(Some(&office), BREACH, breach("IMPLEMENTATION", 90)).await;
    assert_eq!(bad_fields(&before_any), vec![("input.occurredOn".to_owned(), "NO_ONE_RESPONSIBLE".to_owned())]);
    let sources = || {
        credit_record::Entity::find().filter(credit_record::Column::SourceType.eq("ppp_project")).count(&app.state.db)
    };
    assert_eq!(sources().await.unwrap(), 0, "nothing written");

    let then = app.graphql(Some(&office), BREACH, breach("IMPLEMENTATION", 30)).await;
    let made = &then["data"]["recordPppBreach"];
    assert_eq!(
        made["unitRecord"],
        json!({ "category": "CONTRACT_BREACH", "sector": "PPP", "subjectType": "UNIT", "unit": { "shortName": "浔中镇" } }),
        "{then}"
    );
    assert_eq!(
        made["officialRecord"],
        json!({ "subjectType": "OFFICIAL", "disclosure": "RESTRICTED", "official": { "name": "郑前任" } })
    );
    let now = app.graphql(Some(&office), BREACH, breach("IMPLEMENTATION", 2)).await;
    assert_eq!(now["data"]["recordPppBreach"]["officialRecord"]["official"]["name"], "苏现任", "{now}");
    assert_eq!(sources().await.unwrap(), 4);
    let project = app.graphql(Some(&office), PROJECT, json!({ "id": project_id(row) })).await;
    assert_eq!(project["data"]["node"]["breachRecords"]["totalCount"], 4, "{project}");
}

#[tokio::test]
async fn a_township_clerk_never_sees_another_townships_projects_and_the_finance_bureau_sees_all() {
    let app = spawn_app().await;
    let mine = insert_ppp(&app, "浔中镇", 1, PppStage::Bidding).await;
    let theirs = insert_ppp(&app, "龙浔镇", 2, PppStage::Bidding).await;
    let official = insert_official(&app, "龙浔镇", "吴他镇", 731).await;
    let assignment = insert_assignment(&app, theirs, PppStage::Bidding, official, 10, None).await;
    let clerk = app.token_for("xunzhong").await;
    let list = app.graphql(Some(&clerk), "{ pppProjects { totalCount nodes { id } } }", json!({})).await;
    assert_eq!(
        list["data"]["pppProjects"],
        json!({ "totalCount": 1, "nodes": [{ "id": project_id(mine) }] }),
        "{list}"
    );
    for id in [project_id(theirs), global_id(NodeType::PppStageAssignment, assignment).0] {
        let node = app.graphql(Some(&clerk), "query($id: ID!) { node(id: $id) { id } }", json!({ "id": id })).await;
        assert_eq!(node["data"]["node"], Value::Null, "{node}");
    }
    let advance = json!({ "i": { "id": project_id(theirs), "version": 1, "stage": "PROCUREMENT" } });
    let refused = app.graphql(Some(&clerk), ADVANCE, advance.clone()).await;
    assert_eq!(error_code(&refused), "NOT_FOUND", "{refused}");
    let filtered = app
        .graphql(
            Some(&clerk),
            "query($o: ID!) { pppProjects(filter: { responsibleOfficialId: $o }) { totalCount } }",
            json!({ "o": official_id(official) }),
        )
        .await;
    assert_eq!(filtered["data"]["pppProjects"]["totalCount"], 0, "{filtered}");
    // 财政局 leads the sector: it sees and keeps every project.
    let lead = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    let all = app.graphql(Some(&lead), "{ pppProjects { totalCount } }", json!({})).await;
    assert_eq!(all["data"]["pppProjects"]["totalCount"], 2, "{all}");
    let moved = app.graphql(Some(&lead), ADVANCE, advance).await;
    assert_eq!(moved["data"]["advancePppStage"]["project"]["stage"], "PROCUREMENT", "{moved}");
    let node = app
        .graphql(
            Some(&lead),
            "query($id: ID!) { node(id: $id) { ... on PppStageAssignment { stage project { id } } } }",
            json!({ "id": global_id(NodeType::PppStageAssignment, assignment).0 }),
        )
        .await;
    assert_eq!(node["data"]["node"]["project"]["id"], project_id(theirs), "{node}");
}

#[tokio::test]
async fn the_seeds_projects_cover_every_stage() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let by_stage = "{ pppProjects(first: 100) { totalCount nodes { stage } } }";
    let body = app.graphql(Some(&office), by_stage, json!({})).await;
    let mut stages: Vec<&str> =
        body["data"]["pppProjects"]["nodes"].as_array().unwrap().iter().map(|n| n["stage"].as_str().unwrap()).collect();
    stages.sort_unstable();
    stages.dedup();
    assert_eq!(stages.len(), 6, "every stage in the demo: {stages:?}");
}

#[tokio::test]
async fn ten_and_a_hundred_projects_list_in_the_same_statements() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let official = insert_official(&app, "浔中镇", "许责任", 741).await;
    for serial in 0..100 {
        let project = insert_ppp(&app, "浔中镇", 1_000 + serial, PppStage::Financing).await;
        insert_assignment(&app, project, PppStage::Bidding, official, 90, Some(60)).await;
        insert_assignment(&app, project, PppStage::Financing, official, 59, None).await;
    }
    let query = "query($n: Int!) { pppProjects(first: $n) { totalCount nodes { projectNumber unit { name } responsibleNow { name } stages { progress responsible { official { name } } } responsibilityTrail { fromOn official { name } } breachRecords(first: 2) { totalCount } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.sql_statements().await;
        let body = app.graphql(Some(&office), query, json!({ "n": n })).await;
        assert!(body["errors"].is_null(), "{body}");
        counts.push(app.sql_statements().await - before);
    }
    assert_eq!(counts[0], counts[1], "statements for 10 and 100 projects: {counts:?}");
}

#[tokio::test]
async fn the_readmes_ppp_query_runs() {
    assert!(crate::helpers::readme_query_total("PppProjects", "pppProjects").await > 0);
}
