//! Credit repair (信用修复): eligible on the day the minimum disclosure ends, not the day before,
//! per severity; approved, the record is REPAIRED, leaves the portal and is pushed.

use chengxin::{
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::{Duration, Months};
use entity::{
    credit_record,
    enums::{Disclosure, RecordCategory, RecordStatus, RectificationStatus, Severity},
    platform_push,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, insert_record, spawn_app, RecordFixture, TestApp},
    workflow_fixtures::insert_rectification,
};

const APPLY: &str = r#"mutation($i: ApplyForRepairInput!) { applyForRepair(input: $i) { repairApplication { id status ruleSet version } } }"#;
const DECIDE: &str = r#"mutation($i: DecideRepairInput!) { decideRepair(input: $i) { repairApplication { status version } record { status version } } }"#;

async fn apply(app: &TestApp, token: &str, record: i32) -> Value {
    let input =
        json!({ "recordId": global_id(NodeType::CreditRecord, record).0, "measures": "已足额缴纳罚款并消除影响" });
    app.graphql(Some(token), APPLY, json!({ "i": input })).await
}

/// Moves the server's clock to `day` (forward only).
fn move_to(app: &TestApp, day: chrono::NaiveDate) {
    let days = (day - app.clock.today()).num_days();
    assert!(days >= 0, "the clock only moves forward");
    app.clock.advance(Duration::days(days));
}

#[tokio::test]
async fn eligibility_starts_on_the_day_the_minimum_disclosure_ends() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    // Records decided today, RECTIFIED: MINOR may be repaired at once, GENERAL after 3 months,
    // SERIOUS after 12.
    let mut rows = Vec::new();
    for (severity, months) in [(Severity::Minor, 0), (Severity::General, 3), (Severity::Serious, 12)] {
        let title = format!("{severity:?}");
        let mut fixture = RecordFixture::new("浔中镇", &title, Disclosure::Shared);
        fixture.severity = severity;
        fixture.status = RecordStatus::Rectified;
        fixture.days_ago = 0;
        let row = insert_record(&app, fixture).await;
        let decided = credit_record::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap().decided_on;
        rows.push((row, decided.checked_add_months(Months::new(months)).unwrap()));
    }
    let minor = apply(&app, &clerk, rows[0].0).await;
    assert_eq!(minor["data"]["applyForRepair"]["repairApplication"]["status"], "SUBMITTED", "{minor}");
    assert_eq!(minor["data"]["applyForRepair"]["repairApplication"]["ruleSet"], "2026-04-01");
    for (row, first) in &rows[1..] {
        move_to(&app, first.pred_opt().unwrap());
        let early = apply(&app, &clerk, *row).await;
        assert_eq!(error_code(&early), "INVALID_TRANSITION", "{early}");
        assert_eq!(early["errors"][0]["extensions"]["eligibleFrom"], first.to_string().as_str());
        move_to(&app, *first);
        let on_time = apply(&app, &clerk, *row).await;
        assert_eq!(on_time["data"]["applyForRepair"]["repairApplication"]["status"], "SUBMITTED", "{on_time}");
    }
    let open_twice = apply(&app, &clerk, rows[0].0).await;
    assert_eq!(error_code(&open_twice), "INVALID_TRANSITION", "one open application per record");
}

#[tokio::test]
async fn an_approved_repair_leaves_the_portal_and_is_pushed() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let mut fixture = RecordFixture::new("浔中镇", "已修复", Disclosure::Public);
    fixture.severity = Severity::General;
    fixture.status = RecordStatus::Rectifying;
    fixture.days_ago = 100;
    let record = insert_record(&app, fixture).await;
    let portal = r#"{ publicRecords { totalCount } }"#;
    assert_eq!(app.graphql(None, portal, json!({})).await["data"]["publicRecords"]["totalCount"], 1);
    // Not yet rectified: refused without a date.
    let refused = apply(&app, &clerk, record).await;
    assert_eq!(error_code(&refused), "INVALID_TRANSITION");
    assert_eq!(refused["errors"][0]["extensions"]["eligibleFrom"], Value::Null);
    // Rectified (directly, as the workflow would) → eligible after 3 months (100 days ago).
    {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let row = credit_record::Entity::find_by_id(record).one(&app.state.db).await.unwrap().unwrap();
        let mut active = row.into_active_model();
        active.status = Set(RecordStatus::Rectified);
        active.update(&app.state.db).await.unwrap();
    }
    let applied = apply(&app, &clerk, record).await;
    let id = applied["data"]["applyForRepair"]["repairApplication"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{applied}"))
        .to_owned();
    let no_text = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": id, "version": 1, "verdict": "APPROVE", "decision": " " } }),
        )
        .await;
    assert_eq!(no_text["errors"][0]["extensions"]["field"], "input.decision");
    assert_eq!(
        error_code(
            &app.graphql(
                Some(&clerk),
                DECIDE,
                json!({ "i": { "id": id, "version": 1, "verdict": "APPROVE", "decision": "同意" } })
            )
            .await
        ),
        "FORBIDDEN"
    );
    let approved = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": id, "version": 1, "verdict": "APPROVE", "decision": "同意修复" } }),
        )
        .await;
    let d = &approved["data"]["decideRepair"];
    assert_eq!(d["repairApplication"]["status"], "APPROVED", "{approved}");
    assert_eq!(d["record"], json!({ "status": "REPAIRED", "version": 2 }));
    assert_eq!(app.graphql(None, portal, json!({})).await["data"]["publicRecords"]["totalCount"], 0);
    let pushed = platform_push::Entity::find()
        .filter(platform_push::Column::RecordId.eq(record))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pushed.len(), 1);
    assert!(pushed[0].payload.contains("\"REPAIRED\""), "{}", pushed[0].payload);
    let again = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": id, "version": 2, "verdict": "REJECT", "decision": "x" } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let nested = format!(
        "{{ creditRecord(id: \"{}\") {{ repairApplications {{ status decision }} }} }}",
        global_id(NodeType::CreditRecord, record).0
    );
    let body = app.graphql(Some(&clerk), &nested, json!({})).await;
    assert_eq!(body["data"]["creditRecord"]["repairApplications"][0]["status"], "APPROVED", "{body}");
}

#[tokio::test]
async fn a_listing_is_repairable_once_the_court_removed_it() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    let mut fixture = RecordFixture::new("浔中镇", "失信被执行人", Disclosure::Public);
    fixture.category = RecordCategory::DefaultedJudgmentDebtor;
    fixture.severity = Severity::Serious;
    let record = insert_record(&app, fixture).await;
    assert_eq!(error_code(&apply(&app, &clerk, record).await), "INVALID_TRANSITION");
    let rect = insert_rectification(&app, record, RectificationStatus::Submitted, None).await;
    {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let row = entity::rectification::Entity::find_by_id(rect).one(&app.state.db).await.unwrap().unwrap();
        let mut active = row.into_active_model();
        active.court_removed_on = Set(Some(app.clock.today()));
        active.update(&app.state.db).await.unwrap();
    }
    let applied = apply(&app, &clerk, record).await;
    assert_eq!(applied["data"]["applyForRepair"]["repairApplication"]["status"], "SUBMITTED", "{applied}");
    assert_eq!(entity::repair_application::Entity::find().count(&app.state.db).await.unwrap(), 1);
}
