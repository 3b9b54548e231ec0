//! The deadline sweep with a moved clock: overdue rectifications (flagged for accountability),
//! objections and complaints not handled in time, commitments past due, records whose window
//! closed lifted off the portal — and a second run changes nothing more.

use chengxin::clock::Clock;
use chrono::Duration;
use entity::{
    audit_log, commitment, complaint, credit_record,
    enums::{ComplaintStatus, Disclosure, RectificationStatus, Severity},
    objection, platform_push, rectification,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, insert_record, spawn_app, RecordFixture},
    workflow_fixtures::{insert_complaint, insert_objection, insert_rectification},
};

const SWEEP: &str = "mutation { runDeadlineSweep { rectificationsOverdue objectionsOverdue complaintsOverdue commitmentsOverdue recordsLifted } }";

#[tokio::test]
async fn the_sweep_marks_what_is_overdue_once() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    // Due in 30 days: a rectification, a complaint; 15 days: an objection; a commitment due in 20.
    let mut rectifying = RecordFixture::new("浔中镇", "整改中", Disclosure::Shared);
    rectifying.status = entity::enums::RecordStatus::Rectifying;
    let record = insert_record(&app, rectifying).await;
    let rect = insert_rectification(&app, record, RectificationStatus::Pending, None).await;
    // One whose record was revoked meanwhile (an upheld objection): not overdue, nobody to blame.
    let mut revoked = RecordFixture::new("浔中镇", "已撤销", Disclosure::Shared);
    revoked.status = entity::enums::RecordStatus::Revoked;
    let revoked = insert_record(&app, revoked).await;
    let moot = insert_rectification(&app, revoked, RectificationStatus::Pending, None).await;
    let other = insert_record(&app, RecordFixture::new("浔中镇", "有异议", Disclosure::Shared)).await;
    insert_objection(&app, other).await;
    insert_complaint(&app, "浔中镇", ComplaintStatus::Assigned).await;
    let due = (app.clock.today() + Duration::days(20)).to_string();
    let created = app
        .graphql(Some(&office), "mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id } } }",
            json!({ "i": { "unitId": app.unit_id("浔中镇").await, "kind": "DEADLINE", "content": "30日内办结", "dueOn": due } }))
        .await;
    assert!(created["data"]["createCommitment"]["commitment"]["id"].is_string(), "{created}");
    // A PUBLIC GENERAL record decided 345 days ago: its 12-month window closes in ~20 days.
    let mut public = RecordFixture::new("浔中镇", "公开", Disclosure::Public);
    public.severity = Severity::General;
    public.days_ago = 345;
    let lifted = insert_record(&app, public).await;
    let portal = "{ publicRecords { totalCount } }";
    assert_eq!(app.graphql(None, portal, json!({})).await["data"]["publicRecords"]["totalCount"], 1);

    let nothing = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(
        nothing["data"]["runDeadlineSweep"],
        json!({ "rectificationsOverdue": 0, "objectionsOverdue": 0,
        "complaintsOverdue": 0, "commitmentsOverdue": 0, "recordsLifted": 0 }),
        "{nothing}"
    );

    app.clock.advance(Duration::days(31));
    let first = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(
        first["data"]["runDeadlineSweep"],
        json!({ "rectificationsOverdue": 1, "objectionsOverdue": 1,
        "complaintsOverdue": 1, "commitmentsOverdue": 1, "recordsLifted": 1 }),
        "{first}"
    );
    let audits = audit_log::Entity::find().count(&app.state.db).await.unwrap();
    let second = app.graphql(Some(&app.token_for("admin").await), SWEEP, json!({})).await;
    assert_eq!(
        second["data"]["runDeadlineSweep"],
        json!({ "rectificationsOverdue": 0, "objectionsOverdue": 0,
        "complaintsOverdue": 0, "commitmentsOverdue": 0, "recordsLifted": 0 }),
        "{second}"
    );
    assert_eq!(audit_log::Entity::find().count(&app.state.db).await.unwrap(), audits, "a second run writes nothing");

    let rect = rectification::Entity::find_by_id(rect).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((rect.status, rect.accountability_flagged), (RectificationStatus::Overdue, true));
    let moot = rectification::Entity::find_by_id(moot).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(moot.status, RectificationStatus::Pending);
    assert!(objection::Entity::find().one(&app.state.db).await.unwrap().unwrap().overdue);
    assert!(complaint::Entity::find().one(&app.state.db).await.unwrap().unwrap().overdue);
    assert!(commitment::Entity::find().one(&app.state.db).await.unwrap().unwrap().overdue);
    let record = credit_record::Entity::find_by_id(lifted).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((record.portal_lifted_on, record.version), (Some(app.clock.today()), 2));
    let pushed = platform_push::Entity::find()
        .filter(platform_push::Column::RecordId.eq(lifted))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pushed, 1, "the platform learns the record left the portal");
    assert_eq!(app.graphql(None, portal, json!({})).await["data"]["publicRecords"]["totalCount"], 0);
    let overdue = app
        .graphql(Some(&office), "{ complaints(filter: { overdue: true }) { totalCount } commitments(filter: { overdue: true }) { edges { node { overdue } } } }", json!({}))
        .await;
    assert_eq!(overdue["data"]["complaints"]["totalCount"], 1, "{overdue}");
    assert_eq!(overdue["data"]["commitments"]["edges"][0]["node"]["overdue"], true);

    // An overdue rectification may still be submitted late; the flag stays.
    let id = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Rectification, rect.id).0;
    let late = app
        .graphql(Some(&app.token_for("xunzhong").await),
            "mutation($i: SubmitRectificationInput!) { submitRectification(input: $i) { rectification { status accountabilityFlagged } } }",
            json!({ "i": { "id": id, "version": rect.version, "cause": "原因", "plan": "计划", "completion": "完成" } }))
        .await;
    assert_eq!(
        late["data"]["submitRectification"]["rectification"],
        json!({ "status": "SUBMITTED", "accountabilityFlagged": true }),
        "{late}"
    );
}

#[tokio::test]
async fn only_the_office_and_the_administrator_sweep() {
    let app = spawn_app().await;
    for who in ["leader", "court", "xunzhong", "personnel"] {
        let body: Value = app.graphql(Some(&app.token_for(who).await), SWEEP, json!({})).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{who}");
    }
    assert_eq!(error_code(&app.graphql(None, SWEEP, json!({})).await), "UNAUTHENTICATED");
}

/// The background sweeper runs a sweep as soon as it starts (then every interval), audited as the
/// system, and stops when told.
#[tokio::test]
async fn the_background_sweeper_sweeps_as_the_system() {
    let app = spawn_app().await;
    let mut rectifying = RecordFixture::new("浔中镇", "后台", Disclosure::Shared);
    rectifying.status = entity::enums::RecordStatus::Rectifying;
    let record = insert_record(&app, rectifying).await;
    let rect = insert_rectification(&app, record, RectificationStatus::Pending, None).await;
    app.clock.advance(Duration::days(31));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let job = tokio::spawn(chengxin::jobs::deadline_sweep::run_sweeper(app.state.clone(), stopped));
    let mut status = RectificationStatus::Pending;
    for _ in 0..100 {
        status = rectification::Entity::find_by_id(rect).one(&app.state.db).await.unwrap().unwrap().status;
        if status == RectificationStatus::Overdue {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    stop.send(true).unwrap();
    job.await.unwrap();
    assert_eq!(status, RectificationStatus::Overdue);
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("rectification.overdue"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((entry.actor.as_str(), entry.role.as_str()), ("system:deadline-sweep", "SYSTEM"));
}
