//! Accounts and API tokens: administration, store checks on every request, login lockout.

use chrono::Duration;
use entity::{audit_log, user_account};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp, TEST_PASSWORD};

const CREATE_USER: &str = r#"mutation($input: CreateUserInput!) { createUser(input: $input) { user { id username role active unit { shortName } } } }"#;
const UPDATE_USER: &str =
    r#"mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { id role active } } }"#;
const LOGIN: &str = r#"mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }"#;
const ME: &str = "{ me { role firm } }";

async fn new_clerk(app: &TestApp, admin: &str) -> Value {
    let input = json!({
        "username": "longxun.clerk",
        "displayName": "龙浔镇信用联络员",
        "password": "a long enough password",
        "role": "UNIT_CLERK",
        "unitId": app.unit_id("龙浔镇").await
    });
    app.graphql(Some(admin), CREATE_USER, json!({ "input": input })).await
}

async fn status_of(app: &TestApp, token: &str) -> u16 {
    app.post_json(Some(token), &json!({ "query": ME })).await.status().as_u16()
}

#[tokio::test]
async fn an_administrator_creates_an_account_that_can_sign_in() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let body = new_clerk(&app, &admin).await;
    assert_eq!(body["data"]["createUser"]["user"]["unit"]["shortName"], "龙浔镇", "{body}");
    let login = app.graphql(None, LOGIN, json!({ "u": "longxun.clerk", "p": "a long enough password" })).await;
    let token = login["data"]["login"]["token"].as_str().unwrap();
    assert_eq!(app.graphql(Some(token), ME, json!({})).await["data"]["me"]["role"], "UNIT_CLERK");
    let audit = audit_log::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert!(!audit[0].after.as_deref().unwrap_or("").contains("argon2"), "no hash in the audit log");
    let list = app.graphql(Some(&admin), "{ users(first: 50) { totalCount } }", json!({})).await;
    assert_eq!(list["data"]["users"]["totalCount"], 7);
}

#[tokio::test]
async fn bad_account_input_names_its_field_and_writes_nothing() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let good = json!({ "username": "new.user", "displayName": "新用户", "password": "a long enough password", "role": "LEADER", "unitId": app.unit_id("县政府").await });
    let cases = [
        (json!({ "username": "A B" }), "input.username"),
        (json!({ "username": "admin" }), "input.username"),
        (json!({ "password": "short" }), "input.password"),
        (json!({ "role": "EVALUATOR" }), "input.role"),
        (
            json!({ "unitId": chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Unit, 9_999).0 }),
            "input.unitId",
        ),
        (json!({ "displayName": " " }), "input.displayName"),
    ];
    for (change, field) in cases {
        let mut input = good.clone();
        for (k, v) in change.as_object().unwrap() {
            input[k] = v.clone();
        }
        let body = app.graphql(Some(&admin), CREATE_USER, json!({ "input": input })).await;
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    assert_eq!(user_account::Entity::find().count(&app.state.db).await.unwrap(), 6);
    assert_eq!(audit_log::Entity::find().count(&app.state.db).await.unwrap(), 0);
    let office = app.token_for("office").await;
    assert_eq!(error_code(&app.graphql(Some(&office), CREATE_USER, json!({ "input": good })).await), "FORBIDDEN");
    assert_eq!(error_code(&app.graphql(Some(&office), "{ users { totalCount } }", json!({})).await), "FORBIDDEN");
}

#[tokio::test]
async fn deactivating_or_changing_a_role_ends_existing_tokens_at_once() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let created = new_clerk(&app, &admin).await;
    let id = created["data"]["createUser"]["user"]["id"].as_str().unwrap().to_owned();
    let login = app.graphql(None, LOGIN, json!({ "u": "longxun.clerk", "p": "a long enough password" })).await;
    let token = login["data"]["login"]["token"].as_str().unwrap().to_owned();
    assert_eq!(status_of(&app, &token).await, 200);
    let body =
        app.graphql(Some(&admin), UPDATE_USER, json!({ "input": { "id": id, "version": 1, "role": "LEADER" } })).await;
    assert_eq!(body["data"]["updateUser"]["user"]["role"], "LEADER");
    assert_eq!(status_of(&app, &token).await, 401, "a token with the old role");
    let fresh = app.graphql(None, LOGIN, json!({ "u": "longxun.clerk", "p": "a long enough password" })).await;
    let fresh = fresh["data"]["login"]["token"].as_str().unwrap().to_owned();
    assert_eq!(status_of(&app, &fresh).await, 200);
    app.graphql(Some(&admin), UPDATE_USER, json!({ "input": { "id": id, "version": 2, "active": false } })).await;
    assert_eq!(status_of(&app, &fresh).await, 401, "deactivated");
    let refused = app.graphql(None, LOGIN, json!({ "u": "longxun.clerk", "p": "a long enough password" })).await;
    assert_eq!(error_code(&refused), "UNAUTHENTICATED");
    let own = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::User, 1).0;
    let myself =
        app.graphql(Some(&admin), UPDATE_USER, json!({ "input": { "id": own, "version": 1, "active": false } })).await;
    assert_eq!(error_code(&myself), "BAD_USER_INPUT");
}

const CREATE_TOKEN: &str = r#"mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id firm role expiresAt revokedAt } } }"#;
const REVOKE_TOKEN: &str = r#"mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } } }"#;

#[tokio::test]
async fn a_revoked_evaluator_token_fails_on_the_very_next_request() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let body =
        app.graphql(Some(&admin), CREATE_TOKEN, json!({ "input": { "firm": "福建信评公司", "days": 30 } })).await;
    let created = &body["data"]["createApiToken"];
    assert_eq!(created["apiToken"]["role"], "EVALUATOR", "{body}");
    let token = created["token"].as_str().unwrap().to_owned();
    let id = created["apiToken"]["id"].as_str().unwrap().to_owned();
    let me = app.graphql(Some(&token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["firm"], "福建信评公司");
    let revoked = app.graphql(Some(&admin), REVOKE_TOKEN, json!({ "id": id })).await;
    assert!(revoked["data"]["revokeApiToken"]["apiToken"]["revokedAt"].is_string(), "{revoked}");
    assert_eq!(status_of(&app, &token).await, 401);
    assert_eq!(error_code(&app.graphql(Some(&admin), REVOKE_TOKEN, json!({ "id": id })).await), "INVALID_TRANSITION");
    let listed = app
        .graphql(Some(&admin), "{ apiTokens(active: false) { totalCount } all: apiTokens { totalCount } }", json!({}))
        .await;
    assert_eq!(listed["data"]["apiTokens"]["totalCount"], 1);
    assert_eq!(listed["data"]["all"]["totalCount"], 2, "the seeded demo token too");
    let too_long = app.graphql(Some(&admin), CREATE_TOKEN, json!({ "input": { "firm": "x", "days": 400 } })).await;
    assert_eq!(too_long["errors"][0]["extensions"]["field"], "input.days");
}

#[tokio::test]
async fn an_expired_api_token_is_refused() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let body = app.graphql(Some(&admin), CREATE_TOKEN, json!({ "input": { "firm": "短期评估", "days": 1 } })).await;
    let token = body["data"]["createApiToken"]["token"].as_str().unwrap().to_owned();
    assert_eq!(status_of(&app, &token).await, 200);
    app.clock.advance(Duration::days(2));
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await; // past the 1 s session cache
    assert_eq!(status_of(&app, &token).await, 401);
}

#[tokio::test]
async fn five_failed_logins_lock_the_username_for_fifteen_minutes() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let body = app.graphql(None, LOGIN, json!({ "u": "office", "p": "wrong password" })).await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED");
    }
    let locked = app.graphql(None, LOGIN, json!({ "u": "office", "p": TEST_PASSWORD })).await;
    assert_eq!(error_code(&locked), "RATE_LIMITED", "even the right password waits");
    let other = app.graphql(None, LOGIN, json!({ "u": "leader", "p": TEST_PASSWORD })).await;
    assert!(other["data"]["login"]["token"].is_string(), "other usernames are not affected");
    app.clock.advance(Duration::minutes(14));
    assert_eq!(
        error_code(&app.graphql(None, LOGIN, json!({ "u": "office", "p": TEST_PASSWORD })).await),
        "RATE_LIMITED"
    );
    app.clock.advance(Duration::minutes(2));
    let open = app.graphql(None, LOGIN, json!({ "u": "office", "p": TEST_PASSWORD })).await;
    assert!(open["data"]["login"]["token"].is_string(), "{open}");
}

#[tokio::test]
async fn the_token_command_writes_the_same_audit_entry_as_create_api_token() {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let app = spawn_app().await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_chengxin"))
        .args(["token", "--role", "EVALUATOR", "--firm", "命令行评估公司", "--days", "30"])
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("CHENGXIN_JWT_SECRET", crate::helpers::TEST_SECRET)
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let token = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert_eq!(status_of(&app, &token).await, 200, "the printed token works");
    let created = || audit_log::Entity::find().filter(audit_log::Column::Action.eq("api_token.create"));
    assert_eq!(created().count(&app.state.db).await.unwrap(), 1, "exactly one audit entry");
    let admin = app.token_for("admin").await;
    app.graphql(Some(&admin), CREATE_TOKEN, json!({ "input": { "firm": "接口评估公司", "days": 30 } })).await;
    let entries = created().order_by_asc(audit_log::Column::Id).all(&app.state.db).await.unwrap();
    assert_eq!(entries.len(), 2);
    let (cli, api) = (&entries[0], &entries[1]);
    assert_eq!((cli.actor.as_str(), cli.role.as_str()), ("system:cli", "ADMIN"));
    assert_eq!((api.actor.as_str(), api.role.as_str()), ("user:1", "ADMIN"));
    assert_eq!((cli.entity.as_str(), cli.entity_id.is_some()), (api.entity.as_str(), true));
    let keys = |entry: &audit_log::Model| -> Vec<String> {
        let after: Value = serde_json::from_str(entry.after.as_deref().unwrap()).unwrap();
        after.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(cli), keys(api), "the same entry, field for field");
    assert!(cli.request_id.is_some(), "the command has a request id of its own");
}
