//! Issue 10, item 7: an overdue rectification leads somewhere (plan 2.3.2: 逾期未整改 →
//! 依法依规追究责任). The sweep opens an accountability proposal for the 监委's recorder, who
//! confirms it — the ACCOUNTABILITY record, linked to its source — or dismisses it with a reason.

use chengxin::auth::Role;
use chrono::Duration;
use entity::{audit_log, credit_record, enums::*, platform_push, rectification};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, insert_official, insert_record, spawn_app, RecordFixture, TestApp},
    workflow_fixtures::insert_rectification,
};

const SWEEP: &str = "mutation { runDeadlineSweep { rectificationsOverdue accountabilityProposalsOpened } }";
const LIST: &str = r#"{ accountabilityProposals(filter: { status: PROPOSED }) { totalCount edges { node { id version status overdueSince unit { shortName } record { title } rectification { status } } } } }"#;
const CONFIRM: &str = r#"mutation($i: ConfirmAccountabilityProposalInput!) { confirmAccountabilityProposal(input: $i) { proposal { status version decidedOn accountabilityRecord { id } } record { id category severity status unit { shortName } official { name } disclosure documentNumber decidingAuthority } } }"#;
const DISMISS: &str = r#"mutation($i: DismissAccountabilityProposalInput!) { dismissAccountabilityProposal(input: $i) { proposal { status dismissalReason decidedOn } record { id } } }"#;

async fn proposals(app: &TestApp, token: &str) -> Value {
    app.graphql(Some(token), LIST, json!({})).await
}

fn field(body: &Value) -> (&str, &str) {
    (error_code(body), body["errors"][0]["extensions"]["field"].as_str().unwrap_or(""))
}

#[tokio::test]
async fn the_sweep_proposes_and_the_jianwei_confirms_or_dismisses() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let first = insert_record(&app, RecordFixture::new("浔中镇", "未按期兑现补贴", Disclosure::Shared)).await;
    let second = insert_record(&app, RecordFixture::new("浔中镇", "未按期办结", Disclosure::Shared)).await;
    let first_rect = insert_rectification(&app, first, RectificationStatus::Pending, None).await;
    insert_rectification(&app, second, RectificationStatus::Pending, None).await;
    credit_record::Entity::update_many()
        .col_expr(credit_record::Column::Status, sea_orm::sea_query::Expr::value(RecordStatus::Rectifying))
        .exec(&app.state.db)
        .await
        .unwrap();

    // Both deadlines passed yesterday: each rectification is overdue and gets one proposal, once.
    let jianwei = app.api_token(Role::Recorder, Some("县监委")).await;
    let past = (chrono::Utc::now() - Duration::days(1)).date_naive();
    rectification::Entity::update_many()
        .col_expr(rectification::Column::Deadline, sea_orm::sea_query::Expr::value(past))
        .exec(&app.state.db)
        .await
        .unwrap();
    let swept = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(
        swept["data"]["runDeadlineSweep"],
        json!({ "rectificationsOverdue": 2, "accountabilityProposalsOpened": 2 }),
        "{swept}"
    );
    let again = app.graphql(Some(&office), SWEEP, json!({})).await;
    assert_eq!(again["data"]["runDeadlineSweep"]["accountabilityProposalsOpened"], 0, "{again}");

    let listed = proposals(&app, &jianwei).await;
    let page = &listed["data"]["accountabilityProposals"];
    assert_eq!(page["totalCount"], 2, "{listed}");
    let node = &page["edges"][0]["node"];
    let overdue_since = chrono::Utc::now().date_naive().to_string();
    let today = chengxin::clock::Clock::today(app.clock.as_ref()).to_string();
    assert_eq!(
        (node["status"].as_str(), node["overdueSince"].as_str(), node["unit"]["shortName"].as_str()),
        (Some("PROPOSED"), Some(overdue_since.as_str()), Some("浔中镇"))
    );
    assert_eq!(
        (node["record"]["title"].as_str(), node["rectification"]["status"].as_str()),
        (Some("未按期兑现补贴"), Some("OVERDUE"))
    );
    // Others follow or see nothing; only the 监委 decides.
    assert_eq!(proposals(&app, &office).await["data"]["accountabilityProposals"]["totalCount"], 2);
    let court = app.token_for("court").await;
    assert_eq!(proposals(&app, &court).await["data"]["accountabilityProposals"]["totalCount"], 0, "not the 监委");
    assert_eq!(error_code(&proposals(&app, &app.token_for("xunzhong").await).await), "FORBIDDEN");
    let id = node["id"].as_str().unwrap().to_owned();
    let by_court = app.graphql(Some(&court), CONFIRM, json!({ "i": { "id": id, "version": 1 } })).await;
    assert_eq!(error_code(&by_court), "FORBIDDEN", "{by_court}");
    let by_office = app.graphql(Some(&office), CONFIRM, json!({ "i": { "id": id, "version": 1 } })).await;
    assert_eq!(error_code(&by_office), "FORBIDDEN");

    // Confirmation: an official of another unit is refused; one of the unit's is held to account.
    let stranger = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::Official,
        insert_official(&app, "龙浔镇", "龙浔某", 41).await,
    )
    .0;
    let wrong =
        app.graphql(Some(&jianwei), CONFIRM, json!({ "i": { "id": id, "version": 1, "officialId": stranger } })).await;
    assert_eq!(field(&wrong), ("BAD_USER_INPUT", "input.officialId"), "{wrong}");
    let official = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::Official,
        insert_official(&app, "浔中镇", "林负责", 42).await,
    )
    .0;
    let pushes = platform_push::Entity::find().count(&app.state.db).await.unwrap();
    let confirmed = app
        .graphql(
            Some(&jianwei),
            CONFIRM,
            json!({ "i": { "id": id, "version": 1, "officialId": official,
            "severity": "GENERAL", "documentNumber": "德监问〔2026〕5号" } }),
        )
        .await;
    let answer = &confirmed["data"]["confirmAccountabilityProposal"];
    let record_id = answer["record"]["id"].as_str().unwrap_or_else(|| panic!("{confirmed}")).to_owned();
    assert_eq!(
        answer,
        &json!({ "proposal": { "status": "CONFIRMED", "version": 2, "decidedOn": today,
                "accountabilityRecord": { "id": record_id } },
            "record": { "id": record_id, "category": "ACCOUNTABILITY", "severity": "GENERAL", "status": "ACTIVE",
                "unit": { "shortName": "浔中镇" }, "official": { "name": "林负责" }, "disclosure": "RESTRICTED",
                "documentNumber": "德监问〔2026〕5号", "decidingAuthority": "德化县监察委员会" } })
    );
    let row = credit_record::Entity::find()
        .filter(credit_record::Column::Category.eq(RecordCategory::Accountability))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.source_type.as_deref(), row.source_id), (Some("rectification"), Some(first_rect)), "linked");
    assert_eq!(platform_push::Entity::find().count(&app.state.db).await.unwrap(), pushes + 1, "pushed");
    let twice = app.graphql(Some(&jianwei), CONFIRM, json!({ "i": { "id": id, "version": 2 } })).await;
    assert_eq!(error_code(&twice), "INVALID_TRANSITION", "{twice}");

    // The other is dismissed, with a reason.
    let listed = proposals(&app, &jianwei).await;
    assert_eq!(listed["data"]["accountabilityProposals"]["totalCount"], 1);
    let other = listed["data"]["accountabilityProposals"]["edges"][0]["node"]["id"].as_str().unwrap().to_owned();
    let bare = app.graphql(Some(&jianwei), DISMISS, json!({ "i": { "id": other, "version": 1, "reason": " " } })).await;
    assert_eq!(field(&bare), ("BAD_USER_INPUT", "input.reason"), "{bare}");
    let dismissed = app
        .graphql(
            Some(&jianwei),
            DISMISS,
            json!({ "i": { "id": other, "version": 1, "reason": "因上级政策调整客观不能整改" } }),
        )
        .await;
    assert_eq!(
        dismissed["data"]["dismissAccountabilityProposal"],
        json!({ "proposal": { "status": "DISMISSED", "dismissalReason": "因上级政策调整客观不能整改", "decidedOn": today }, "record": null }),
        "{dismissed}"
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("accountability_proposal"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 4, "two opened, one confirmed, one dismissed");
}
