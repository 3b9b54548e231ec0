//! The bench asks what a dashboard asks: every operation it runs is a valid query that answers
//! without errors on the demo data (so a schema change cannot leave the bench measuring errors).

use std::sync::Arc;

use chengxin::bench::operations::operations;
use serde_json::Value;

use crate::helpers::spawn_demo_app;

#[tokio::test]
async fn every_bench_operation_answers_without_errors() {
    let app = spawn_demo_app().await;
    let leader = app.token_for("leader").await;
    for operation in operations(100, 100, Arc::new(Vec::new())) {
        for n in 0..3 {
            let body: Value = app.post_json(Some(&leader), &(operation.body)(n)).await.json().await.unwrap();
            assert!(body["errors"].is_null(), "{}: {body}", operation.name);
            assert!(body["data"].is_object(), "{}: {body}", operation.name);
        }
    }
}
