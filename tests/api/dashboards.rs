//! `dashboard`: every part against a fresh count of the rows behind it, the policy (an evaluation
//! firm counts PUBLIC and SHARED records, a clerk only its subtree), and each part's statement
//! count — the same for the county's 18 townships and for 108.

use std::collections::HashMap;

use chengxin::{auth::Role, clock::Clock, service};
use chrono::{Datelike, Duration};
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sector, Severity, SubjectType, UnitKind},
    unit, unit_closure,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, spawn_demo_app, TestApp},
    service_harness::{actor, penalty, trace, viewer_for},
};

const OVERVIEW: &str = "query($u: ID, $s: Boolean = true) { dashboard(unitId: $u, includeSubunits: $s) { overview {
  all { total inForce { minor general serious commendations rectifying } byPolarity { polarity count } byStatus { status count } }
  unitsOwn { total } officials { total } openWorkflows { kind open overdue } } } }";

/// Each part alone, for its statement count.
const PARTS: [(&str, &str); 9] = [
    ("overview", "overview { all { total } openWorkflows { kind open overdue } }"),
    ("unitRanking", "unitRanking(first: 5) { rank evaluation { score unit { name } } }"),
    ("recordsBySector", "recordsBySector { sector records { total inForce { serious } } }"),
    ("recordTrend", "recordTrend(months: 12) { month dishonesty honours }"),
    ("overdue", "overdue { rectifications(first: 5) { totalCount edges { node { deadline } } } complaints(first: 5) { totalCount } commitments(first: 5) { totalCount } }"),
    ("townships", "townships { unit { name } records { total inForce { serious } } latestEvaluation { grade } }"),
    ("judgmentDebtors", "judgmentDebtors { listed removed removalRate medianDaysToRemoval }"),
    ("debtWarnings", "debtWarnings { unit { name } band }"),
    ("planTasks", "planTasks { code progress { overdue unit { name } } }"),
];

async fn ask(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let body = app.graphql(Some(token), query, variables).await;
    assert!(body.get("errors").is_none(), "{body}");
    body
}

async fn statements_of(app: &TestApp, token: &str, part: &str) -> (u64, Value) {
    app.graphql(Some(token), "{ me { role } }", json!({})).await;
    let before = app.sql_statements().await;
    let body = ask(app, token, &format!("{{ dashboard {{ {part} }} }}"), json!({})).await;
    (app.sql_statements().await - before, body)
}

/// What the records table says, for the records `keep` picks.
struct Fresh {
    total: i64,
    serious_in_force: i64,
    commendations: i64,
    own: i64,
    officials: i64,
    by_status: HashMap<String, i64>,
}

async fn fresh(app: &TestApp, keep: impl Fn(&credit_record::Model) -> bool) -> Fresh {
    let records = credit_record::Entity::find().all(&app.state.db).await.unwrap();
    let mut fresh =
        Fresh { total: 0, serious_in_force: 0, commendations: 0, own: 0, officials: 0, by_status: HashMap::new() };
    for r in records.iter().filter(|r| keep(r)) {
        fresh.total += 1;
        let in_force = matches!(r.status, RecordStatus::Active | RecordStatus::Rectifying);
        if r.polarity == Polarity::Dishonesty && r.severity == Severity::Serious && in_force {
            fresh.serious_in_force += 1;
        }
        if r.polarity == Polarity::Honor && r.status == RecordStatus::Active {
            fresh.commendations += 1;
        }
        match r.subject_type {
            SubjectType::Unit => fresh.own += 1,
            SubjectType::Official => fresh.officials += 1,
        }
        *fresh.by_status.entry(format!("{:?}", r.status).to_uppercase()).or_default() += 1;
    }
    fresh
}

async fn subtree_of(app: &TestApp, root: i32) -> Vec<i32> {
    unit_closure::Entity::find()
        .filter(unit_closure::Column::AncestorId.eq(root))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.descendant_id)
        .collect()
}

fn check_overview(body: &Value, expected: &Fresh) {
    let overview = &body["data"]["dashboard"]["overview"];
    assert_eq!(overview["all"]["total"], json!(expected.total), "{overview}");
    assert_eq!(overview["all"]["inForce"]["serious"], json!(expected.serious_in_force));
    assert_eq!(overview["all"]["inForce"]["commendations"], json!(expected.commendations));
    assert_eq!(overview["unitsOwn"]["total"], json!(expected.own));
    assert_eq!(overview["officials"]["total"], json!(expected.officials));
    for row in overview["all"]["byStatus"].as_array().unwrap() {
        let status = row["status"].as_str().unwrap().replace('_', "");
        assert_eq!(row["count"], json!(expected.by_status.get(&status).copied().unwrap_or(0)), "{status}");
    }
}

#[tokio::test]
async fn the_overview_counts_what_each_viewer_may_count() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let body = ask(&app, &leader, OVERVIEW, json!({})).await;
    check_overview(&body, &fresh(&app, |_| true).await);
    assert!(body["data"]["dashboard"]["overview"]["all"]["total"].as_i64().unwrap() > 1_000);

    // An evaluation firm: PUBLIC and SHARED records only.
    let evaluator = app.evaluator_token();
    let body = ask(&app, &evaluator, OVERVIEW, json!({})).await;
    check_overview(&body, &fresh(&app, |r| r.disclosure != Disclosure::Restricted).await);
    let kinds: Vec<&str> = body["data"]["dashboard"]["overview"]["openWorkflows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"PROPOSAL"), "an evaluation firm lists no proposals: {kinds:?}");

    // A clerk: its subtree by default, all of it; its own unit's records alone when asked.
    let xunzhong = app.unit_row("浔中镇").await;
    let subtree = subtree_of(&app, xunzhong).await;
    let clerk = app.token_for("xunzhong").await;
    let body = ask(&app, &clerk, OVERVIEW, json!({})).await;
    check_overview(&body, &fresh(&app, |r| subtree.contains(&r.unit_id)).await);
    let own = ask(&app, &clerk, OVERVIEW, json!({ "s": false })).await;
    check_overview(&own, &fresh(&app, |r| r.unit_id == xunzhong).await);
    assert!(
        body["data"]["dashboard"]["overview"]["all"]["total"].as_i64()
            > own["data"]["dashboard"]["overview"]["all"]["total"].as_i64(),
        "the subtree holds more than the township's own records"
    );
    // … and nothing outside it.
    let county = app.unit_id("县财政局").await;
    let refused = app.graphql(Some(&clerk), OVERVIEW, json!({ "u": county })).await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["reason"], "OUTSIDE_YOUR_UNITS");

    // A nullable variable left out for `includeSubunits` is the client's mistake, named.
    let body =
        app.graphql(Some(&leader), "query($s: Boolean) { dashboard(includeSubunits: $s) { asOf } }", json!({})).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "includeSubunits");

    for (who, code) in [(None, "UNAUTHENTICATED"), (Some(app.token_for("court").await), "FORBIDDEN")] {
        let body = app.graphql(who.as_deref(), OVERVIEW, json!({})).await;
        assert_eq!(error_code(&body), code, "{body}");
    }
}

#[tokio::test]
async fn record_stats_count_the_subtree_and_keep_officials_apart() {
    let app = spawn_demo_app().await;
    let xunzhong = app.unit_row("浔中镇").await;
    let subtree = subtree_of(&app, xunzhong).await;
    let query = r#"query($id: ID!) { unit(id: $id) { own: recordStats { serious commendations }
        tree: recordStats(includeSubunits: true) { serious commendations }
        treeUnits: recordStats(includeSubunits: true, subjectType: UNIT) { serious commendations }
        treeOfficials: recordStats(includeSubunits: true, subjectType: OFFICIAL) { serious commendations } } }"#;
    let id = app.unit_id("浔中镇").await;
    // The leader reads the rollups; the clerk's count rule aggregates the records: the same answer.
    for token in [app.token_for("leader").await, app.token_for("xunzhong").await] {
        let body = ask(&app, &token, query, json!({ "id": id })).await;
        let stats = &body["data"]["unit"];
        let own = fresh(&app, |r| r.unit_id == xunzhong).await;
        let tree = fresh(&app, |r| subtree.contains(&r.unit_id)).await;
        let tree_units = fresh(&app, |r| subtree.contains(&r.unit_id) && r.subject_type == SubjectType::Unit).await;
        assert_eq!(stats["own"]["serious"], json!(own.serious_in_force));
        assert_eq!(stats["tree"]["serious"], json!(tree.serious_in_force));
        assert_eq!(stats["tree"]["commendations"], json!(tree.commendations));
        assert_eq!(stats["treeUnits"]["serious"], json!(tree_units.serious_in_force));
        let split = stats["treeUnits"]["commendations"].as_i64().unwrap()
            + stats["treeOfficials"]["commendations"].as_i64().unwrap();
        assert_eq!(json!(split), stats["tree"]["commendations"]);
        assert!(tree.serious_in_force > own.serious_in_force, "the subtree holds more");
    }
}

#[tokio::test]
async fn trend_sectors_and_townships_match_the_records() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let query = "{ dashboard { recordTrend(months: 6) { month dishonesty honours serious }
        recordsBySector { sector records { total } }
        townships { unit { id shortName } records { total } latestEvaluation { period { name } } } } }";
    let body = ask(&app, &leader, query, json!({})).await;
    let dashboard = &body["data"]["dashboard"];
    let today = app.clock.today();
    let months = dashboard["recordTrend"].as_array().unwrap();
    assert_eq!(months.len(), 6);
    assert_eq!(months[5]["month"], json!(format!("{:04}-{:02}", today.year(), today.month())));
    let first = chrono::NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap() - chrono::Months::new(5);
    let decided = fresh(&app, |r| {
        r.decided_on >= first && r.status != RecordStatus::Revoked && r.polarity == Polarity::Dishonesty
    })
    .await;
    let shown: i64 = months.iter().map(|m| m["dishonesty"].as_i64().unwrap()).sum();
    assert_eq!(shown, decided.total);
    assert!(shown > 0);

    let sectors = dashboard["recordsBySector"].as_array().unwrap();
    assert_eq!(sectors.len(), 7, "every sector listed");
    let procurement = sectors.iter().find(|s| s["sector"] == "PROCUREMENT").unwrap();
    assert_eq!(procurement["records"]["total"], json!(fresh(&app, |r| r.sector == Sector::Procurement).await.total));

    let townships = dashboard["townships"].as_array().unwrap();
    let count =
        unit::Entity::find().filter(unit::Column::Kind.eq(UnitKind::Township)).all(&app.state.db).await.unwrap().len();
    assert_eq!(townships.len(), count);
    assert_eq!(count, 18);
    let xunzhong = townships.iter().find(|t| t["unit"]["shortName"] == "浔中镇").unwrap();
    let subtree = subtree_of(&app, app.unit_row("浔中镇").await).await;
    assert_eq!(xunzhong["records"]["total"], json!(fresh(&app, |r| subtree.contains(&r.unit_id)).await.total));
    assert!(townships.iter().all(|t| !t["latestEvaluation"].is_null()), "the seed evaluated every township");

    let refused = app.graphql(Some(&leader), "{ dashboard { recordTrend(months: 0) { month } } }", json!({})).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
    let tomorrow = (today + Duration::days(1)).to_string();
    let refused =
        app.graphql(Some(&leader), "query($d: Date) { dashboard(asOf: $d) { asOf } }", json!({ "d": tomorrow })).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
}

#[tokio::test]
async fn overdue_lists_ranking_debtors_debt_and_plan_tasks_agree_with_their_sources() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let query = "{ dashboard { overview { openWorkflows { kind open overdue } }
        overdue { rectifications(first: 3) { totalCount } objections(first: 3) { totalCount } complaints(first: 3) { totalCount }
                  repairApplications(first: 3) { totalCount } proposals(first: 3) { totalCount }
                  commitments(first: 3) { totalCount edges { node { overdue } } } }
        unitRanking(first: 100) { rank evaluation { score period { id } } }
        worst: unitRanking(first: 3, lowestFirst: true) { rank evaluation { score } }
        judgmentDebtors { listed stillListed removed removalRate medianDaysToRemoval }
        debtWarnings(year: 2026) { unit { id } debtRatio band }
        planTasks { code progress { overdue latest { status } } } } }";
    let body = ask(&app, &leader, query, json!({})).await;
    let d = &body["data"]["dashboard"];
    let lists = ask(&app, &leader, "{ rectifications(filter: { overdue: true }) { totalCount } objections(filter: { overdue: true, status: [FILED, UNDER_REVIEW] }) { totalCount }
        commitments(filter: { overdue: true, status: PENDING }) { totalCount }
        open: rectifications(filter: { status: [PENDING, SUBMITTED, REJECTED, OVERDUE] }) { totalCount } }", json!({})).await;
    assert_eq!(d["overdue"]["rectifications"]["totalCount"], lists["data"]["rectifications"]["totalCount"]);
    assert_eq!(d["overdue"]["objections"]["totalCount"], lists["data"]["objections"]["totalCount"]);
    assert_eq!(d["overdue"]["commitments"]["totalCount"], lists["data"]["commitments"]["totalCount"]);
    let counted = |kind: &str| {
        d["overview"]["openWorkflows"].as_array().unwrap().iter().find(|k| k["kind"] == kind).unwrap()["overdue"]
            .clone()
    };
    // The leader's counts come from the workflow rollup, the overdue lists from the rows.
    for (kind, list) in [
        ("RECTIFICATION", "rectifications"),
        ("OBJECTION", "objections"),
        ("REPAIR_APPLICATION", "repairApplications"),
        ("COMPLAINT", "complaints"),
        ("PROPOSAL", "proposals"),
        ("COMMITMENT", "commitments"),
    ] {
        assert_eq!(counted(kind), d["overdue"][list]["totalCount"], "{kind}");
    }
    let open = d["overview"]["openWorkflows"].as_array().unwrap().iter().find(|k| k["kind"] == "RECTIFICATION");
    assert_eq!(open.unwrap()["open"], lists["data"]["open"]["totalCount"]);
    assert!(d["overdue"]["rectifications"]["totalCount"].as_i64().unwrap() > 0);

    let ranking = d["unitRanking"].as_array().unwrap();
    assert!(ranking.len() > 10);
    let scores: Vec<f64> =
        ranking.iter().map(|r| r["evaluation"]["score"].as_str().unwrap().parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert_eq!(ranking[0]["rank"], 1);
    assert!(ranking.iter().all(|r| r["evaluation"]["period"]["id"] == ranking[0]["evaluation"]["period"]["id"]));
    let worst = d["worst"].as_array().unwrap();
    let lowest: f64 = worst[0]["evaluation"]["score"].as_str().unwrap().parse().unwrap();
    assert_eq!(lowest, *scores.last().unwrap());

    let listings: Vec<credit_record::Model> = credit_record::Entity::find()
        .filter(credit_record::Column::Category.eq(RecordCategory::DefaultedJudgmentDebtor))
        .filter(credit_record::Column::Status.ne(RecordStatus::Revoked))
        .all(&app.state.db)
        .await
        .unwrap();
    let removed = listings.iter().filter(|r| r.status == RecordStatus::Removed).count();
    assert_eq!(d["judgmentDebtors"]["listed"], json!(listings.len()));
    assert_eq!(d["judgmentDebtors"]["removed"], json!(removed));
    assert!(removed > 0 && !d["judgmentDebtors"]["medianDaysToRemoval"].is_null());

    for warning in d["debtWarnings"].as_array().unwrap() {
        let risk = ask(
            &app,
            &leader,
            "query($u: ID!) { debtRisk(year: 2026, unitId: $u) { debtRatio band } }",
            json!({ "u": warning["unit"]["id"] }),
        )
        .await;
        assert_eq!(risk["data"]["debtRisk"]["debtRatio"], warning["debtRatio"]);
        assert_eq!(risk["data"]["debtRisk"]["band"], warning["band"]);
        assert_ne!(warning["band"], "GREEN");
    }
    for task in d["planTasks"].as_array().unwrap() {
        let behind = task["progress"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["overdue"] == true || p["latest"]["status"] == "DELAYED");
        assert!(behind, "{task}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_part_costs_the_same_statements_for_18_and_108_townships() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    let mut before = Vec::new();
    for (name, part) in PARTS {
        before.push((name, statements_of(&app, &leader, part).await.0));
    }
    // Ninety more townships under the county government, each with a record, through the service
    // layer (so the rollups keep them).
    let admin = viewer_for(&app, "admin").await;
    let office = viewer_for(&app, "office").await;
    let trace = trace();
    let county =
        unit::Entity::find().filter(unit::Column::ParentId.is_null()).one(&app.state.db).await.unwrap().unwrap();
    for n in 0..90 {
        let new = service::units::NewUnit {
            name: format!("德化县测试{n}镇人民政府"),
            short_name: Some(format!("测试{n}镇")),
            kind: UnitKind::Township,
            parent_id: Some(county.id),
            uscc: None,
            division_code: None,
        };
        let township = service::units::create(&app.state, &actor(&app, &admin, &trace), new).await.expect("township");
        let record = service::credit_records::CreateRecord {
            sector: Sector::Township,
            ..penalty(&app, township.id, Severity::General)
        };
        service::credit_records::create(&app.state, &actor(&app, &office, &trace), record).await.expect("record");
    }
    for (name, part) in PARTS {
        let (after, body) = statements_of(&app, &leader, part).await;
        let (_, was) = before.iter().find(|(n, _)| *n == name).unwrap();
        println!("{name}: {was} statements for 18 townships, {after} for 108");
        assert_eq!(*was, after, "{name}");
        assert!(after <= 8, "{name}: {after} statements");
        if name == "townships" {
            assert_eq!(body["data"]["dashboard"]["townships"].as_array().unwrap().len(), 108);
        }
    }
}

#[tokio::test]
async fn a_clerk_token_from_the_api_sees_its_subtree_and_an_api_token_evaluator_reads_published_rankings() {
    let app = spawn_demo_app().await;
    let clerk = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    let body = ask(&app, &clerk, "{ dashboard { unit { shortName } townships { unit { name } } } }", json!({})).await;
    assert_eq!(body["data"]["dashboard"]["unit"]["shortName"], "县财政局");
    assert_eq!(body["data"]["dashboard"]["townships"], json!([]), "no township lies under 县财政局");
    let evaluator = app.evaluator_token();
    let body =
        ask(&app, &evaluator, "{ dashboard { unitRanking(first: 100) { evaluation { published } } } }", json!({}))
            .await;
    let ranking = body["data"]["dashboard"]["unitRanking"].as_array().unwrap();
    assert!(!ranking.is_empty());
    assert!(ranking.iter().all(|r| r["evaluation"]["published"] == true));
}
