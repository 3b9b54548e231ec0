//! Attack run, item 9, and the deadline sweep under concurrency: parallel revocations and account
//! updates are compare-and-set (one wins, one audit entry); four sweeps at once derive each row
//! exactly once.

use chrono::Duration;
use entity::{audit_log, enums::*, platform_push};
use futures::future::join_all;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, insert_record, spawn_app, RecordFixture, TestApp},
    workflow_fixtures::{insert_complaint, insert_objection, insert_rectification},
};

async fn audits(app: &TestApp, action: &str) -> u64 {
    audit_log::Entity::find().filter(audit_log::Column::Action.eq(action)).count(&app.state.db).await.unwrap()
}

fn codes(bodies: &[Value]) -> (usize, Vec<String>) {
    let ok = bodies.iter().filter(|b| b["errors"].is_null()).count();
    (ok, bodies.iter().map(|b| error_code(b).to_owned()).filter(|c| !c.is_empty()).collect())
}

#[tokio::test]
async fn twenty_parallel_revocations_or_updates_let_exactly_one_through() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let created = app
        .graphql(Some(&admin), "mutation { createApiToken(input: { firm: \"并发\" }) { apiToken { id } } }", json!({}))
        .await;
    let token_id = created["data"]["createApiToken"]["apiToken"]["id"].as_str().unwrap().to_owned();
    let revoke = "mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { apiToken { revokedAt } } }";
    let bodies = join_all((0..20).map(|_| app.graphql(Some(&admin), revoke, json!({ "i": { "id": token_id } })))).await;
    let (ok, refused) = codes(&bodies);
    assert_eq!(ok, 1, "{refused:?}");
    assert!(refused.iter().all(|c| c == "INVALID_TRANSITION"), "{refused:?}");
    assert_eq!(audits(&app, "api_token.revoke").await, 1);

    let leader = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::User,
        chengxin::seed::users::demo_user_id("leader").unwrap(),
    )
    .0;
    let update = "mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { displayName version } } }";
    let bodies = join_all((0..20).map(|n| {
        app.graphql(
            Some(&admin),
            update,
            json!({ "i": { "id": leader, "version": 1, "displayName": format!("县领导{n}") } }),
        )
    }))
    .await;
    let (ok, refused) = codes(&bodies);
    assert_eq!(ok, 1, "{refused:?}");
    assert!(refused.iter().all(|c| c == "CONFLICT"), "{refused:?}");
    assert_eq!(audits(&app, "user.update").await, 1);
    let winner = bodies.iter().find(|b| b["errors"].is_null()).unwrap();
    assert_eq!(winner["data"]["updateUser"]["user"]["version"], 2);
}

#[tokio::test]
async fn four_sweeps_at_once_derive_each_row_once() {
    let app = spawn_app().await;
    for n in 0..3 {
        let title = format!("整改中{n}");
        let mut rectifying = RecordFixture::new("浔中镇", &title, Disclosure::Shared);
        rectifying.status = RecordStatus::Rectifying;
        let record = insert_record(&app, rectifying).await;
        insert_rectification(&app, record, RectificationStatus::Pending, None).await;
        let objected = insert_record(&app, RecordFixture::new("浔中镇", &format!("异议{n}"), Disclosure::Shared)).await;
        insert_objection(&app, objected).await;
        insert_complaint(&app, "浔中镇", ComplaintStatus::Assigned).await;
        let title = format!("公开{n}");
        let mut public = RecordFixture::new("浔中镇", &title, Disclosure::Public);
        public.days_ago = 345;
        insert_record(&app, public).await;
    }
    app.clock.advance(Duration::days(31));
    let office = app.token_for("office").await;
    let sweep =
        "mutation { runDeadlineSweep { rectificationsOverdue objectionsOverdue complaintsOverdue recordsLifted } }";
    let bodies = join_all((0..4).map(|_| app.graphql(Some(&office), sweep, json!({})))).await;
    assert!(bodies.iter().all(|b| b["errors"].is_null()), "{bodies:?}");
    let total =
        |field: &str| bodies.iter().map(|b| b["data"]["runDeadlineSweep"][field].as_i64().unwrap()).sum::<i64>();
    for field in ["rectificationsOverdue", "objectionsOverdue", "complaintsOverdue", "recordsLifted"] {
        assert_eq!(total(field), 3, "{field}: {bodies:?}");
    }
    for action in ["rectification.overdue", "objection.overdue", "complaint.overdue", "credit_record.portal_lifted"] {
        assert_eq!(audits(&app, action).await, 3, "{action}");
    }
    let pushes = platform_push::Entity::find().count(&app.state.db).await.unwrap();
    assert_eq!(pushes, 3, "one push per lifted record version");
}
