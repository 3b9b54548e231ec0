//! The rows of the evaluation download: one per indicator line of each evaluation of a period the
//! viewer may see (published ones for an evaluation firm), with the unit, its score and grade and
//! the global ids of the rows behind the points — read in pages by id, for a CSV streamed page by
//! page or one XLSX workbook.

use std::collections::HashMap;

use entity::{evaluation, evaluation_period, unit};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::{
        policy::{self, evaluations::evaluations_visible_to, Operation},
        Viewer,
    },
    error::{AppError, AppResult, Reason},
    graphql::types::evaluation_breakdown::EvaluationBreakdown,
};

/// The columns, in order.
pub const HEADER: [&str; 10] =
    ["period", "unit", "uscc", "score", "grade", "published", "indicator", "count", "points", "sources"];

/// Evaluations read per page.
pub const PAGE: u64 = 200;

/// One row of the export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub period: String,
    pub unit: String,
    pub uscc: String,
    pub score: String,
    pub grade: String,
    pub published: bool,
    /// The indicator (`DISHONESTY_SERIOUS` …); `FINAL` for the line that closes an evaluation.
    pub indicator: String,
    pub count: i64,
    pub points: String,
    /// Global ids, separated by spaces.
    pub sources: String,
}

impl ExportRow {
    /// The row as text cells, in [`HEADER`]'s order.
    pub fn cells(&self) -> [String; 10] {
        [
            self.period.clone(),
            self.unit.clone(),
            self.uscc.clone(),
            self.score.clone(),
            self.grade.clone(),
            self.published.to_string(),
            self.indicator.clone(),
            self.count.to_string(),
            self.points.clone(),
            self.sources.clone(),
        ]
    }
}

/// The period, if the viewer may export it: `FORBIDDEN` for those who may not export,
/// `NOT_FOUND` for a period there is none of.
pub async fn period_to_export(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
) -> AppResult<evaluation_period::Model> {
    policy::may(viewer, Operation::ExportEvaluations)?;
    evaluation_period::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound(Reason::PeriodNotFound))
}

/// The rows of the next `size` evaluations after row id `after`, and the last id read (`None`:
/// no more).
pub async fn page(
    db: &DatabaseConnection,
    viewer: &Viewer,
    period: &evaluation_period::Model,
    after: i32,
    size: u64,
) -> AppResult<(Vec<ExportRow>, Option<i32>)> {
    let evaluations = evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period.id))
        .filter(evaluation::Column::Id.gt(after))
        .filter(evaluations_visible_to(viewer))
        .order_by_asc(evaluation::Column::Id)
        .limit(size)
        .all(db)
        .await?;
    let last = evaluations.last().map(|e| e.id);
    let units: HashMap<i32, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(evaluations.iter().map(|e| e.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut rows = Vec::new();
    for evaluation in &evaluations {
        let unit = units.get(&evaluation.unit_id);
        let breakdown = EvaluationBreakdown::parse(&evaluation.breakdown);
        let row = |indicator: String, count: i64, points: String, sources: String| ExportRow {
            period: period.name.clone(),
            unit: unit.map(|u| u.name.clone()).unwrap_or_default(),
            uscc: unit.and_then(|u| u.uscc.clone()).unwrap_or_default(),
            score: format!("{:.2}", rust_decimal::Decimal::new(i64::from(evaluation.score_centi), 2)),
            grade: format!("{:?}", evaluation.grade),
            published: evaluation.published,
            indicator,
            count,
            points,
            sources,
        };
        for line in &breakdown.lines {
            let sources: Vec<&str> = line.sources.iter().map(|id| id.as_str()).collect();
            rows.push(row(
                line.indicator.name().to_owned(),
                i64::from(line.count),
                line.points.0.to_string(),
                sources.join(" "),
            ));
        }
        rows.push(row("FINAL".into(), 0, breakdown.final_score.0.to_string(), String::new()));
    }
    Ok((rows, last.filter(|_| evaluations.len() as u64 == size)))
}

/// Every row of the period, page after page (the XLSX, which is written whole).
pub async fn every_row(
    db: &DatabaseConnection,
    viewer: &Viewer,
    period: &evaluation_period::Model,
) -> AppResult<Vec<ExportRow>> {
    let (mut rows, mut after) = (Vec::new(), Some(0));
    while let Some(from) = after {
        let (found, next) = page(db, viewer, period, from, PAGE).await?;
        rows.extend(found);
        after = next;
    }
    Ok(rows)
}

/// Rows as CSV text (with the header when `header`).
pub fn csv_chunk(rows: &[ExportRow], header: bool) -> AppResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    let broken = |e: csv::Error| AppError::Internal(format!("csv: {e}"));
    if header {
        writer.write_record(HEADER).map_err(broken)?;
    }
    for row in rows {
        writer.write_record(row.cells()).map_err(broken)?;
    }
    writer.into_inner().map_err(|e| AppError::Internal(format!("csv: {e}")))
}

/// Every row in one XLSX workbook (one sheet, the header in bold).
pub fn xlsx(rows: &[ExportRow]) -> AppResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let broken = |e: rust_xlsxwriter::XlsxError| AppError::Internal(format!("xlsx: {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("evaluations").map_err(broken)?;
    let bold = Format::new().set_bold();
    for (column, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &bold).map_err(broken)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        for (column, cell) in row.cells().iter().enumerate() {
            sheet.write_string(line, column as u16, cell).map_err(broken)?;
        }
    }
    workbook.save_to_buffer().map_err(broken)
}
