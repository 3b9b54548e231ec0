//! Attack run, items 2–4: the login lockout holds under a parallel flood, one request logs in at
//! most once, an address has its own limit, and a token once ended stays dead.

use std::time::Duration as StdDuration;

use chengxin::auth::Role;
use chrono::Duration;
use entity::{audit_log, login_failure};
use futures::future::join_all;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp, TEST_PASSWORD};

const LOGIN: &str = r#"mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }"#;

async fn login(app: &TestApp, username: &str, password: &str) -> Value {
    app.graphql(None, LOGIN, json!({ "u": username, "p": password })).await
}

async fn failures_of(app: &TestApp, username: &str) -> u64 {
    login_failure::Entity::find()
        .filter(login_failure::Column::Username.eq(username))
        .count(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn forty_parallel_logins_record_at_most_five_failures_and_no_token_after_the_lock() {
    let app = spawn_app().await;
    let wrong = join_all((0..40).map(|_| login(&app, "leader", "wrong password"))).await;
    let limited = wrong.iter().filter(|b| error_code(b) == "RATE_LIMITED").count();
    assert_eq!(failures_of(&app, "leader").await, 5, "exactly five attempts were admitted");
    assert_eq!(limited, 35);
    assert!(wrong.iter().all(|b| matches!(error_code(b), "UNAUTHENTICATED" | "RATE_LIMITED")));
    let right = login(&app, "leader", TEST_PASSWORD).await;
    assert_eq!(error_code(&right), "RATE_LIMITED", "no token once the lock holds: {right}");
    assert!(right["errors"][0]["extensions"]["retryAfterSeconds"].as_i64().unwrap() > 0);

    // The right password as the 30th of 40, all at once: still at most five failures, and a
    // token only for an attempt admitted before the lock.
    let attempts =
        join_all((0..40).map(|i| login(&app, "office", if i == 29 { TEST_PASSWORD } else { "wrong password" }))).await;
    let tokens = attempts.iter().filter(|b| b["data"]["login"]["token"].is_string()).count();
    assert_eq!(failures_of(&app, "office").await, 5);
    assert!(tokens <= 1);
    // Admitted: five failures, and the right password if it came before the lock.
    assert_eq!(attempts.iter().filter(|b| error_code(b) == "RATE_LIMITED").count(), 40 - 5 - tokens);
}

#[tokio::test]
async fn one_request_logs_in_once_however_many_logins_it_carries() {
    let app = spawn_app().await;
    let aliases: String = (0..50)
        .map(|i| format!("a{i}: login(input: {{ username: \"u{i}\", password: \"p\" }}) {{ token }} "))
        .collect();
    let operation = json!({ "query": format!("mutation {{ {aliases} }}") });
    let batch = Value::Array(vec![operation; 10]);
    let response = app.post_json(None, &batch).await;
    assert_eq!(response.status(), 200);
    let answers: Vec<Value> = response.json().await.unwrap();
    let codes: Vec<String> = answers
        .iter()
        .flat_map(|a| a["errors"].as_array().cloned().unwrap_or_default())
        .map(|e| e["extensions"]["code"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(answers.iter().all(|a| a["data"].is_null() || !a.to_string().contains("\"token\":\"")), "no token");
    assert!(codes.iter().filter(|c| *c == "UNAUTHENTICATED").count() <= 1, "{codes:?}");
    assert!(codes
        .iter()
        .all(|c| matches!(c.as_str(), "UNAUTHENTICATED" | "RATE_LIMITED" | "GRAPHQL_VALIDATION_FAILED")));
    let ran = login_failure::Entity::find().count(&app.state.db).await.unwrap();
    assert!(ran <= 1, "at most one login ran, {ran} failures were recorded");
}

#[tokio::test]
async fn an_address_with_too_many_failures_is_refused_whatever_the_username() {
    let app = spawn_app().await;
    for i in 0..20 {
        assert_eq!(error_code(&login(&app, &format!("nobody{i}"), "wrong").await), "UNAUTHENTICATED");
    }
    let next = login(&app, "leader", TEST_PASSWORD).await;
    assert_eq!(error_code(&next), "RATE_LIMITED", "{next}");
    app.clock.advance(Duration::minutes(16));
    assert!(login(&app, "leader", TEST_PASSWORD).await["data"]["login"]["token"].is_string());
}

async fn status(app: &TestApp, token: &str) -> u16 {
    app.post_json(Some(token), &json!({ "query": "{ me { role } }" })).await.status().as_u16()
}

async fn leader_token(app: &TestApp) -> String {
    login(app, "leader", TEST_PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_ended_token_stays_dead() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let id = chengxin::graphql::ids::global_id(
        chengxin::graphql::ids::NodeType::User,
        chengxin::seed::users::demo_user_id("leader").unwrap(),
    )
    .0;
    let update = "mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { version } } }";
    let mut version = 1;
    let mut change = |input: Value| {
        version += 1;
        let mut input = input;
        input["version"] = json!(version - 1);
        input
    };

    let old = leader_token(&app).await;
    assert_eq!(status(&app, &old).await, 200);
    for step in [json!({ "id": id, "active": false }), json!({ "id": id, "active": true })] {
        let body = app.graphql(Some(&admin), update, json!({ "i": change(step) })).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    assert_eq!(status(&app, &old).await, 401, "deactivated and reactivated: the old token stays dead");

    let old = leader_token(&app).await;
    assert_eq!(status(&app, &old).await, 200, "a new sign-in works");
    for role in ["CREDIT_OFFICE", "LEADER"] {
        let body = app.graphql(Some(&admin), update, json!({ "i": change(json!({ "id": id, "role": role })) })).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    assert_eq!(status(&app, &old).await, 401, "a role changed and changed back");

    let old = leader_token(&app).await;
    let reset = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { user { id } } }";
    app.graphql(Some(&admin), reset, json!({ "i": { "id": id, "password": TEST_PASSWORD } })).await;
    assert_eq!(status(&app, &old).await, 401, "a password reset ends it");

    let old = leader_token(&app).await;
    let out = app.graphql(Some(&old), "mutation { logout { loggedOut } }", json!({})).await;
    assert_eq!(out["data"]["logout"]["loggedOut"], true, "{out}");
    assert_eq!(status(&app, &old).await, 401, "logout ends it");
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("user.logout"))
            .count(&app.state.db)
            .await
            .unwrap(),
        1
    );
    let fresh = leader_token(&app).await;
    assert_eq!(status(&app, &fresh).await, 200);
    tokio::time::sleep(StdDuration::from_millis(1_100)).await;
    assert_eq!(status(&app, &old).await, 401, "and stays dead past the session cache");
}

#[tokio::test]
async fn tokens_are_parsed_strictly() {
    let app = spawn_app().await;
    let good = app.api_token(Role::Leader, Some("县政府")).await;
    assert_eq!(status(&app, &good).await, 200);
    let claims = |token: &str| -> Value {
        use base64::Engine;
        let payload = token.split('.').nth(1).unwrap();
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
    };
    let resign = |claims: &Value| -> String {
        let key = jsonwebtoken::EncodingKey::from_secret(crate::helpers::TEST_SECRET.as_bytes());
        jsonwebtoken::encode(&jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256), claims, &key).unwrap()
    };
    let mut lowercase = claims(&good);
    lowercase["role"] = json!("leader");
    assert_eq!(status(&app, &resign(&lowercase)).await, 401, "roles are exact");
    let mut future = claims(&good);
    future["iat"] = json!(chrono::Utc::now().timestamp() + 3600);
    assert_eq!(status(&app, &resign(&future)).await, 401, "iat an hour ahead");
    assert_eq!(status(&app, &resign(&claims(&good))).await, 200, "the same claims re-signed pass");
    let long = login(&app, "leader", &"p".repeat(300)).await;
    assert_eq!(long["errors"][0]["extensions"]["field"], "input.password", "{long}");
}
