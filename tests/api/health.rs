use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_readyz_and_metrics_answer() {
    let app = spawn_app().await;
    let health = app.client.get(format!("{}/healthz", app.address)).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert!(health.headers().contains_key("x-request-id"), "every response carries a request id");
    let ready = app.client.get(format!("{}/readyz", app.address)).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let metrics = app.client.get(format!("{}/metrics", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("chengxin_http_requests_total{route=\"/healthz\",status=\"200\"} 1"), "{metrics}");
    assert!(metrics.contains("chengxin_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
    assert!(app.sql_statements().await > 0, "the seed's statements were counted");
}

#[tokio::test]
async fn the_request_id_is_always_the_servers_own() {
    let app = spawn_app().await;
    let response =
        app.client.get(format!("{}/healthz", app.address)).header("x-request-id", "abc-123").send().await.unwrap();
    let ours = response.headers()["x-request-id"].to_str().unwrap();
    assert_ne!(ours, "abc-123", "a client cannot choose the id the logs and audit log go by");
    assert!(uuid::Uuid::parse_str(ours).is_ok(), "{ours}");
}
