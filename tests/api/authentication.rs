use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chengxin::auth::Role;
use chrono::Duration;
use serde_json::json;

use crate::helpers::{error_code, spawn_app, TEST_PASSWORD};

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token expiresAt viewer { role subject unit { shortName } } } }";
const ME: &str = "{ me { anonymous role subject unit { shortName } } }";

#[tokio::test]
async fn login_returns_a_token_that_works() {
    let app = spawn_app().await;
    let body = app.graphql(None, LOGIN, json!({ "u": "xunzhong", "p": TEST_PASSWORD })).await;
    let login = &body["data"]["login"];
    assert_eq!(login["viewer"]["role"], "UNIT_CLERK");
    assert_eq!(login["viewer"]["unit"]["shortName"], "浔中镇");
    let token = login["token"].as_str().unwrap();
    let me = app.graphql(Some(token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["role"], "UNIT_CLERK");
    assert_eq!(me["data"]["me"]["anonymous"], false);
    assert_eq!(me["data"]["me"]["unit"]["shortName"], "浔中镇");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    let wrong = app.graphql(None, LOGIN, json!({ "u": "admin", "p": "nope" })).await;
    let unknown = app.graphql(None, LOGIN, json!({ "u": "nobody", "p": "nope" })).await;
    assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    assert_eq!(wrong["errors"][0]["message"], unknown["errors"][0]["message"]);
    assert_eq!(error_code(&unknown), "UNAUTHENTICATED");
    assert!(wrong["data"].is_null());
}

#[tokio::test]
async fn no_token_is_anonymous() {
    let app = spawn_app().await;
    let me = app.graphql(None, ME, json!({})).await;
    assert_eq!(me["data"]["me"]["anonymous"], true);
    assert!(me["data"]["me"]["role"].is_null());
}

#[tokio::test]
async fn a_bad_token_is_unauthenticated_never_anonymous() {
    let app = spawn_app().await;
    let valid = app.token_for("admin").await;
    let expired = app.mint("user:1".into(), Role::Admin, None, None, Duration::hours(-2));
    let (header, rest) = valid.split_once('.').unwrap();
    let (claims, _signature) = rest.split_once('.').unwrap();
    let wrong_signature = format!("{header}.{claims}.{}", URL_SAFE_NO_PAD.encode(b"forged-signature-bytes-000000000"));
    let none_alg = format!("{}.{claims}.", URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#));
    let foreign_key = {
        let other =
            chengxin::config::Config::for_database("sqlite::memory:", "another-secret-that-is-also-long-enough!!");
        chengxin::auth::JwtKeys::new(&other)
            .mint(chengxin::auth::jwt::TokenRequest {
                subject: "user:1".into(),
                role: Role::Admin,
                unit: None,
                firm: None,
                jti: "x".into(),
                issued_at: chrono::Utc::now(),
                lifetime: Duration::hours(1),
                config: &other,
            })
            .unwrap()
            .0
    };
    for (label, token) in [
        ("garbage", "not-a-jwt".to_owned()),
        ("expired", expired),
        ("wrong signature", wrong_signature),
        ("alg none", none_alg),
        ("other secret", foreign_key),
    ] {
        let response = app.post_json(Some(&token), &json!({ "query": ME })).await;
        assert_eq!(response.status(), 401, "{label}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{label}");
        assert!(body.get("data").is_none(), "{label}: nothing ran");
    }
    let malformed_header = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("authorization", "Basic YWRtaW46YWRtaW4=")
        .json(&json!({ "query": ME }))
        .send()
        .await
        .unwrap();
    assert_eq!(malformed_header.status(), 401);
    let ok = app.graphql(Some(&valid), ME, json!({})).await;
    assert_eq!(ok["data"]["me"]["role"], "ADMIN");
}
