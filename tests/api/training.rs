//! Integrity training: recorded by personnel offices, summed per official and year.

use chengxin::graphql::ids::{global_id, NodeType};
use serde_json::json;

use crate::helpers::{error_code, insert_official, spawn_app};

const RECORD: &str = r#"mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { official { name } } }"#;

#[tokio::test]
async fn hours_add_up_per_year_and_only_personnel_records_them() {
    let app = spawn_app().await;
    let official = global_id(NodeType::Official, insert_official(&app, "县财政局", "郑财政", 5).await).0;
    let personnel = app.token_for("personnel").await;
    for (hours, day) in [("1.5", "2025-03-01"), ("2", "2025-11-20"), ("1", "2024-12-31")] {
        let input =
            json!({ "officialId": official, "course": "政务诚信与依法行政", "hours": hours, "completedOn": day });
        let body = app.graphql(Some(&personnel), RECORD, json!({ "i": input })).await;
        assert_eq!(body["data"]["recordTraining"]["official"]["name"], "郑财政", "{body}");
    }
    let query = "query($id: ID!) { official(id: $id) { y2025: trainingHours(year: 2025) y2024: trainingHours(year: 2024) y2023: trainingHours(year: 2023) } }";
    let body = app.graphql(Some(&app.token_for("leader").await), query, json!({ "id": official })).await;
    assert_eq!(body["data"]["official"]["y2025"], "3.5", "{body}");
    assert_eq!(body["data"]["official"]["y2024"], "1");
    assert_eq!(body["data"]["official"]["y2023"], "0");
    let base = json!({ "officialId": official, "course": "课程", "hours": "1", "completedOn": "2025-01-01" });
    for (field, value, expected) in [
        ("hours", json!("0"), "input.hours"),
        ("completedOn", json!("2099-01-01"), "input.completedOn"),
        ("course", json!(" "), "input.course"),
    ] {
        let mut input = base.clone();
        input[field] = value;
        let body = app.graphql(Some(&personnel), RECORD, json!({ "i": input })).await;
        assert_eq!(body["errors"][0]["extensions"]["field"], expected, "{body}");
    }
    assert_eq!(
        error_code(&app.graphql(Some(&app.token_for("leader").await), RECORD, json!({ "i": base })).await),
        "FORBIDDEN"
    );
}
