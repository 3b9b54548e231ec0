//! `GET /exports/evaluations/{periodId}`: an evaluation firm downloads a published period whole
//! (CSV streamed, or XLSX) under the API's policy; the pages it is read in add up to the whole.

use chengxin::{
    auth::Role,
    http::exports::rows::{page, period_to_export},
    ids::{public_id, NodeType},
};
use entity::{evaluation, evaluation_period};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;

use crate::{
    helpers::{spawn_demo_app, TestApp},
    service_harness::viewer_for,
};

async fn period(app: &TestApp, published: bool) -> evaluation_period::Model {
    let select = evaluation_period::Entity::find().order_by_desc(evaluation_period::Column::StartsOn);
    let select = if published {
        select.filter(evaluation_period::Column::PublishedAt.is_not_null())
    } else {
        select.filter(evaluation_period::Column::PublishedAt.is_null())
    };
    select.one(&app.state.db).await.unwrap().expect("the seed has both kinds of period")
}

async fn download(app: &TestApp, token: Option<&str>, period: &str, format: &str) -> reqwest::Response {
    let mut request = app.client.get(format!("{}/exports/evaluations/{period}?format={format}", app.address));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// The CSV's records (header first), as the csv crate reads them.
fn records(body: &[u8]) -> Vec<Vec<String>> {
    let body = body.strip_prefix("\u{feff}".as_bytes()).expect("a byte-order mark for spreadsheet programs");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body);
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[tokio::test]
async fn an_evaluation_firm_downloads_a_published_period_as_csv_and_xlsx() {
    let app = spawn_demo_app().await;
    let firm = app.api_token(Role::Evaluator, None).await;
    let published = period(&app, true).await;
    let id = public_id(NodeType::EvaluationPeriod, published.id);
    let response = download(&app, Some(&firm), &id, "csv").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let rows = records(&response.bytes().await.unwrap());
    assert_eq!(rows[0], chengxin::http::exports::rows::HEADER.map(String::from).to_vec());
    let evaluations = evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(published.id))
        .all(&app.state.db)
        .await
        .unwrap();
    let finals = rows.iter().filter(|r| r[6] == "FINAL").count();
    assert_eq!(finals, evaluations.len(), "one closing line per evaluation");
    let lines: usize = evaluations
        .iter()
        .map(|e| serde_json::from_str::<Value>(&e.breakdown).unwrap()["lines"].as_array().map_or(0, Vec::len) + 1)
        .sum();
    assert_eq!(rows.len() - 1, lines, "every indicator line of every evaluation");
    assert!(rows[1..].iter().all(|r| r[0] == published.name && r[5] == "true"));
    assert!(rows.iter().any(|r| r[9].split(' ').count() > 1), "source ids listed");

    let response = download(&app, Some(&firm), &id, "xlsx").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let body = response.bytes().await.unwrap();
    assert!(body.starts_with(b"PK"), "a zip archive");
    assert!(body.len() > 2_000);
}

#[tokio::test]
async fn the_download_follows_the_policy() {
    let app = spawn_demo_app().await;
    let open = period(&app, false).await;
    let open_id = public_id(NodeType::EvaluationPeriod, open.id);
    // A firm sees no unpublished evaluation: the header alone.
    let firm = app.api_token(Role::Evaluator, None).await;
    let rows = records(&download(&app, Some(&firm), &open_id, "csv").await.bytes().await.unwrap());
    assert_eq!(rows.len(), 1, "{rows:?}");
    // The credit office downloads the open period too.
    let office = app.token_for("office").await;
    let rows = records(&download(&app, Some(&office), &open_id, "csv").await.bytes().await.unwrap());
    assert!(rows.len() > 10 && rows[1..].iter().all(|r| r[5] == "false"));

    let clerk = app.token_for("xunzhong").await;
    for (token, format, period, status, code) in [
        (None, "csv", open_id.as_str(), 401, "UNAUTHENTICATED"),
        (Some(clerk.as_str()), "csv", open_id.as_str(), 403, "FORBIDDEN"),
        (Some(office.as_str()), "pdf", open_id.as_str(), 400, "BAD_USER_INPUT"),
        (Some(office.as_str()), "csv", "RXZhbHVhdGlvblBlcmlvZDo5OTk5", 404, "NOT_FOUND"),
        (Some("not-a-token"), "csv", open_id.as_str(), 401, "UNAUTHENTICATED"),
    ] {
        let response = download(&app, token, period, format).await;
        assert_eq!(response.status(), status, "{token:?} {format} {period}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], code, "{body}");
    }
}

#[tokio::test]
async fn pages_add_up_to_the_whole_period() {
    let app = spawn_demo_app().await;
    let published = period(&app, true).await;
    let viewer = viewer_for(&app, "office").await;
    let period = period_to_export(&app.state.db, &viewer, published.id).await.unwrap();
    let (whole, rest) = page(&app.state.db, &viewer, &period, 0, 10_000).await.unwrap();
    assert!(rest.is_none());
    let (mut pieced, mut after, mut pages) = (Vec::new(), Some(0), 0);
    while let Some(from) = after {
        let (rows, next) = page(&app.state.db, &viewer, &period, from, 7).await.unwrap();
        pieced.extend(rows);
        after = next;
        pages += 1;
    }
    assert!(pages > 3);
    assert_eq!(pieced, whole);
}
