//! Attack run, items 7 and 8: staff entering complaints do not use up the public's quota, and the
//! public form tells nobody which official serves where — the limit comes first.

use entity::complaint;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use serde_json::{json, Value};

use crate::helpers::{error_code, insert_official, spawn_app, TestApp};

const SUBMIT: &str = r#"mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { reference } }"#;

async fn submit(app: &TestApp, token: Option<&str>, official: Option<&str>, n: usize) -> Value {
    let mut input =
        json!({ "targetUnitId": app.unit_id("浔中镇").await, "content": format!("第{n}次反映窗口办事拖延推诿的问题") });
    if let Some(official) = official {
        input["officialId"] = json!(official);
    }
    app.graphql(token, SUBMIT, json!({ "i": input })).await
}

#[tokio::test]
async fn staff_entries_do_not_use_up_the_publics_quota() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    for n in 0..3 {
        assert!(submit(&app, Some(&office), None, n).await["errors"].is_null());
    }
    for n in 0..5 {
        let body = submit(&app, None, None, n).await;
        assert!(body["data"]["submitComplaint"]["reference"].is_string(), "public submission {n}: {body}");
    }
    assert_eq!(error_code(&submit(&app, None, None, 6).await), "RATE_LIMITED");
    assert!(submit(&app, Some(&office), None, 7).await["errors"].is_null(), "staff are not limited by the public");
    assert_eq!(complaint::Entity::find().count(&app.state.db).await.unwrap(), 9);
}

#[tokio::test]
async fn the_public_form_reveals_no_membership_and_limits_first() {
    let app = spawn_app().await;
    let member = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::Official,
        insert_official(&app, "浔中镇", "本镇干部", 1).await,
    )
    .0;
    let stranger = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::Official,
        insert_official(&app, "龙浔镇", "外镇干部", 2).await,
    )
    .0;
    let with_member = submit(&app, None, Some(&member), 0).await;
    let with_stranger = submit(&app, None, Some(&stranger), 1).await;
    let shape =
        |body: &Value| body["data"]["submitComplaint"].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    assert!(with_member["errors"].is_null() && with_stranger["errors"].is_null(), "{with_stranger}");
    assert_eq!(shape(&with_member), shape(&with_stranger), "the same answer either way");
    let stored = complaint::Entity::find().order_by_asc(complaint::Column::Id).all(&app.state.db).await.unwrap();
    assert!(stored[0].official_id.is_some(), "a serving official is linked");
    assert_eq!(stored[1].official_id, None, "a stranger is not linked");

    for n in 2..5 {
        assert!(submit(&app, None, None, n).await["errors"].is_null());
    }
    let limited = submit(&app, None, Some(&stranger), 5).await;
    assert_eq!(error_code(&limited), "RATE_LIMITED", "the limit answers first: {limited}");

    let office = app.token_for("office").await;
    let staff = submit(&app, Some(&office), Some(&stranger), 6).await;
    assert_eq!(staff["errors"][0]["extensions"]["field"], "input.officialId", "signed-in staff are told: {staff}");
}
