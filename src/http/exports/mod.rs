//! `GET /exports/evaluations/{periodId}?format=csv|xlsx`: a period's evaluations as one download,
//! under the API's policy (the bearer token as for `/graphql`; an evaluation firm gets the
//! published evaluations only). CSV (UTF-8 with a byte-order mark, for spreadsheet programs) is
//! streamed a page of evaluations at a time; XLSX is one workbook (a zip closes with its
//! directory, so it is assembled before it is sent).

use std::sync::Arc;

use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::json;

pub mod rows;

use rows::{csv_chunk, every_row, page, period_to_export, xlsx, PAGE};

use super::{
    authenticate,
    protocol_error::{request_locale, with_language},
    HttpApp,
};
use crate::{
    auth::Viewer,
    error::{AppError, Locale, Reason},
    graphql::{
        errors::render,
        ids::{parse_global_id, NodeType},
    },
};

/// `?format=`: `csv` (default) or `xlsx`.
#[derive(Deserialize)]
pub struct ExportFormat {
    format: Option<String>,
}

pub async fn evaluations(
    State(app): State<Arc<HttpApp>>,
    headers: HeaderMap,
    Path(period): Path<String>,
    Query(format): Query<ExportFormat>,
) -> Response {
    let locale = request_locale(&headers);
    let refuse = |error: AppError| refusal(&error, locale);
    let viewer = match authenticate(&app.state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refuse(error),
    };
    let xlsx_wanted = match format.format.as_deref() {
        None | Some("csv") => false,
        Some("xlsx") => true,
        Some(_) => {
            return refuse(AppError::bad_argument("format", Reason::InvalidValue { detail: "csv or xlsx".into() }))
        }
    };
    let Some((NodeType::EvaluationPeriod, row)) = parse_global_id(&period) else {
        return refuse(AppError::NotFound(Reason::PeriodNotFound));
    };
    // An export only reads: the replica, unless its viewer wrote lately.
    let db = app.state.reads.reader(&app.state.db, &viewer.subject).clone();
    let period = match period_to_export(&db, &viewer, row).await {
        Ok(period) => period,
        Err(error) => return refuse(error),
    };
    let name = format!("evaluations-{}", period.id);
    if xlsx_wanted {
        let rows = match every_row(&db, &viewer, &period).await {
            Ok(rows) => rows,
            Err(error) => return refuse(error),
        };
        return match tokio::task::spawn_blocking(move || xlsx(&rows)).await {
            Ok(Ok(bytes)) => download(
                Body::from(bytes),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
            ),
            Ok(Err(error)) => refuse(error),
            Err(_) => refuse(AppError::Internal("xlsx task".into())),
        };
    }
    download(Body::from_stream(csv_stream(db, viewer, period)), "text/csv; charset=utf-8", &format!("{name}.csv"))
}

/// The CSV, a page of evaluations per chunk; a failure mid-way ends the stream with an error
/// (the client sees a broken download, never a silently short one).
fn csv_stream(
    db: sea_orm::DatabaseConnection,
    viewer: Viewer,
    period: entity::evaluation_period::Model,
) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> {
    futures::stream::try_unfold(Some(0), move |after| {
        let (db, viewer, period) = (db.clone(), viewer.clone(), period.clone());
        async move {
            let Some(after) = after else { return Ok(None) };
            let broken = |error: AppError| {
                tracing::error!(error = ?error, "evaluation export broke off");
                std::io::Error::other("the export broke off")
            };
            let (rows, next) = page(&db, &viewer, &period, after, PAGE).await.map_err(broken)?;
            let mut chunk = if after == 0 { "\u{feff}".as_bytes().to_vec() } else { Vec::new() };
            chunk.extend(csv_chunk(&rows, after == 0).map_err(broken)?);
            Ok(Some((Bytes::from(chunk), next)))
        }
    })
}

fn download(body: Body, content_type: &'static str, file: &str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The error as `/graphql` would give it, with the matching HTTP status.
fn refusal(error: &AppError, locale: Locale) -> Response {
    let status = match error {
        AppError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::BadUserInput(_) => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!(error = ?error, "evaluation export failed");
    }
    let (message, extensions) = render(error, locale);
    let body = json!({ "errors": [{ "message": message, "extensions": extensions }] });
    with_language((status, Json(body)).into_response(), locale)
}
