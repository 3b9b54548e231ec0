//! Objections (异议): filed by the record's subject, decided by the credit office; upheld revokes
//! or corrects the record; of two concurrent decisions one wins and one gets CONFLICT.

use chengxin::graphql::ids::{global_id, NodeType};
use entity::{
    credit_record,
    enums::{Disclosure, RecordStatus, Severity},
    objection, platform_push,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, insert_record, spawn_app, RecordFixture, TestApp};

const FILE: &str = r#"mutation($i: FileObjectionInput!) { fileObjection(input: $i) { objection { id status version handlingDeadline } } }"#;
const DECIDE: &str = r#"mutation($i: DecideObjectionInput!) { decideObjection(input: $i) { objection { status version decision } record { status severity version disclosureUntil } } }"#;

async fn file(app: &TestApp, token: &str, record: i32) -> Value {
    let input = json!({ "recordId": global_id(NodeType::CreditRecord, record).0, "grounds": "处罚对象认定有误" });
    app.graphql(Some(token), FILE, json!({ "i": input })).await
}

fn objection_id(body: &Value) -> String {
    body["data"]["fileObjection"]["objection"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

#[tokio::test]
async fn an_upheld_objection_revokes_the_record_and_pushes_it_again() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let record = insert_record(&app, RecordFixture::new("浔中镇", "有异议", Disclosure::Public)).await;
    let filed = file(&app, &clerk, record).await;
    let id = objection_id(&filed);
    let deadline = filed["data"]["fileObjection"]["objection"]["handlingDeadline"].as_str().unwrap().to_owned();
    use chengxin::clock::Clock;
    assert_eq!(deadline, (app.clock.today() + chrono::Duration::days(15)).to_string(), "the configured 15 days");
    assert_eq!(error_code(&file(&app, &clerk, record).await), "INVALID_TRANSITION", "one open objection per record");

    let review =
        app.graphql(Some(&office), DECIDE, json!({ "i": { "id": id, "version": 1, "status": "UNDER_REVIEW" } })).await;
    assert_eq!(review["data"]["decideObjection"]["objection"]["status"], "UNDER_REVIEW", "{review}");
    let no_remedy = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": id, "version": 2, "status": "UPHELD", "decision": "异议成立" } }),
        )
        .await;
    assert_eq!(no_remedy["errors"][0]["extensions"]["field"], "input.remedy", "{no_remedy}");
    let upheld = app
        .graphql(Some(&office), DECIDE, json!({ "i": { "id": id, "version": 2, "status": "UPHELD", "decision": "异议成立，撤销该记录", "remedy": "REVOKE" } }))
        .await;
    let d = &upheld["data"]["decideObjection"];
    assert_eq!(d["objection"]["status"], "UPHELD", "{upheld}");
    assert_eq!(d["record"]["status"], "REVOKED");
    assert_eq!(d["record"]["version"], 2);
    let pushed = platform_push::Entity::find()
        .filter(platform_push::Column::RecordId.eq(record))
        .filter(platform_push::Column::RecordVersion.eq(2))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pushed, 1);
    let again = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": id, "version": 3, "status": "DISMISSED", "decision": "驳回" } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION", "{again}");
    let row = objection::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((row.status, row.version), (entity::enums::ObjectionStatus::Upheld, 3));
}

#[tokio::test]
async fn a_correction_changes_the_fields_and_the_window() {
    let app = spawn_app().await;
    let (office, clerk) = (app.token_for("office").await, app.token_for("xunzhong").await);
    let record = insert_record(&app, RecordFixture::new("浔中镇", "更正", Disclosure::Shared)).await;
    let id = objection_id(&file(&app, &clerk, record).await);
    let empty = app
        .graphql(Some(&office), DECIDE, json!({ "i": { "id": id, "version": 1, "status": "UPHELD", "decision": "更正", "remedy": "CORRECT", "correction": {} } }))
        .await;
    assert_eq!(empty["errors"][0]["extensions"]["field"], "input.correction");
    let corrected = app
        .graphql(Some(&office), DECIDE, json!({ "i": { "id": id, "version": 1, "status": "UPHELD", "decision": "情节较轻，予以更正", "remedy": "CORRECT", "correction": { "severity": "MINOR" } } }))
        .await;
    let r = &corrected["data"]["decideObjection"]["record"];
    assert_eq!(r["severity"], "MINOR", "{corrected}");
    assert_eq!(r["status"], "ACTIVE");
    let stored = credit_record::Entity::find_by_id(record).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(stored.severity, Severity::Minor);
    assert_eq!(
        stored.disclosure_until,
        stored.decided_on.checked_add_months(chrono::Months::new(3)),
        "MINOR: 3 months"
    );
}

#[tokio::test]
async fn of_two_concurrent_decisions_one_wins_and_one_conflicts() {
    let app = spawn_app().await;
    let (office, admin, clerk) =
        (app.token_for("office").await, app.token_for("admin").await, app.token_for("xunzhong").await);
    for round in 0..3 {
        let title = format!("并发{round}");
        let record = insert_record(&app, RecordFixture::new("浔中镇", &title, Disclosure::Shared)).await;
        let id = objection_id(&file(&app, &clerk, record).await);
        let uphold =
            json!({ "i": { "id": id, "version": 1, "status": "UPHELD", "decision": "成立", "remedy": "REVOKE" } });
        let dismiss = json!({ "i": { "id": id, "version": 1, "status": "DISMISSED", "decision": "驳回" } });
        let (a, b) =
            tokio::join!(app.graphql(Some(&office), DECIDE, uphold), app.graphql(Some(&admin), DECIDE, dismiss));
        let codes = [error_code(&a), error_code(&b)];
        assert!(codes.contains(&"") && codes.contains(&"CONFLICT"), "{a} {b}");
        let row = objection::Entity::find_by_id(objection_row(&id)).one(&app.state.db).await.unwrap().unwrap();
        let stored = credit_record::Entity::find_by_id(record).one(&app.state.db).await.unwrap().unwrap();
        // The record follows the winner only.
        let upheld = row.status == entity::enums::ObjectionStatus::Upheld;
        assert_eq!(stored.status == RecordStatus::Revoked, upheld);
        assert_eq!(row.version, 2);
    }
}

fn objection_row(id: &str) -> i32 {
    chengxin::graphql::ids::parse_global_id(id).unwrap().1
}

#[tokio::test]
async fn personnel_object_for_officials_and_clerks_for_their_units() {
    let app = spawn_app().await;
    let (personnel, clerk) = (app.token_for("personnel").await, app.token_for("xunzhong").await);
    let official = insert_official(&app, "浔中镇", "被记录人", 77).await;
    let mut fixture = RecordFixture::new("浔中镇", "个人记录", Disclosure::Restricted);
    fixture.official = Some(official);
    let personal = insert_record(&app, fixture).await;
    assert_eq!(error_code(&file(&app, &clerk, personal).await), "FORBIDDEN");
    assert_eq!(file(&app, &personnel, personal).await["data"]["fileObjection"]["objection"]["status"], "FILED");
    let unit_record = insert_record(&app, RecordFixture::new("浔中镇", "单位记录", Disclosure::Shared)).await;
    assert_eq!(error_code(&file(&app, &personnel, unit_record).await), "FORBIDDEN");
    let longxun = insert_record(&app, RecordFixture::new("龙浔镇", "别的镇", Disclosure::Shared)).await;
    assert_eq!(
        error_code(&file(&app, &clerk, longxun).await),
        "NOT_FOUND",
        "another township's SHARED record is invisible"
    );
    let revoked = {
        let mut f = RecordFixture::new("浔中镇", "已撤销", Disclosure::Shared);
        f.status = RecordStatus::Revoked;
        insert_record(&app, f).await
    };
    assert_eq!(error_code(&file(&app, &clerk, revoked).await), "INVALID_TRANSITION");
    assert_eq!(objection::Entity::find().count(&app.state.db).await.unwrap(), 1);
}

/// Two filings on one record at once: one objection, the other refused.
#[tokio::test]
async fn two_concurrent_filings_make_one_objection() {
    let app = spawn_app().await;
    let clerk = app.token_for("xunzhong").await;
    for round in 0..3 {
        let title = format!("并发异议{round}");
        let record = insert_record(&app, RecordFixture::new("浔中镇", &title, Disclosure::Shared)).await;
        let (a, b) = tokio::join!(file(&app, &clerk, record), file(&app, &clerk, record));
        let codes = [error_code(&a), error_code(&b)];
        assert!(codes.contains(&"") && codes.contains(&"INVALID_TRANSITION"), "{a} {b}");
        let open = objection::Entity::find()
            .filter(objection::Column::RecordId.eq(record))
            .count(&app.state.db)
            .await
            .unwrap();
        assert_eq!(open, 1);
    }
}
