//! `Unit.recordStats`: per unit, active dishonesty records by severity, active commendations and
//! records under rectification — one grouped statement for many units, counting only what the
//! viewer may count.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::{
    credit_record::{self, Column},
    enums::{Polarity, RecordStatus, Severity},
};
use sea_orm::{sea_query::Expr, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::error::AppError;

/// The counts of one unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitRecordStats {
    pub minor: u64,
    pub general: u64,
    pub serious: u64,
    pub commendations: u64,
    pub rectifying: u64,
}

pub struct RecordStatsLoader {
    db: DatabaseConnection,
    countable: Condition,
}

impl RecordStatsLoader {
    pub fn new(db: &DatabaseConnection, countable: Condition) -> Self {
        Self { db: db.clone(), countable }
    }
}

impl Loader<i32> for RecordStatsLoader {
    type Value = UnitRecordStats;
    type Error = AppError;

    async fn load(&self, units: &[i32]) -> Result<HashMap<i32, UnitRecordStats>, Self::Error> {
        let rows: Vec<(i32, Polarity, Severity, RecordStatus, i64)> = credit_record::Entity::find()
            .select_only()
            .column(Column::UnitId)
            .column(Column::Polarity)
            .column(Column::Severity)
            .column(Column::Status)
            .column_as(Expr::cust("COUNT(*)"), "count")
            .filter(Column::UnitId.is_in(units.iter().copied()))
            .filter(Column::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]))
            .filter(self.countable.clone())
            .group_by(Column::UnitId)
            .group_by(Column::Polarity)
            .group_by(Column::Severity)
            .group_by(Column::Status)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut answer: HashMap<i32, UnitRecordStats> =
            units.iter().map(|u| (*u, UnitRecordStats::default())).collect();
        for (unit, polarity, severity, status, count) in rows {
            let stats = answer.entry(unit).or_default();
            let count = count.max(0) as u64;
            match polarity {
                Polarity::Honor if status == RecordStatus::Active => stats.commendations += count,
                Polarity::Honor => {}
                Polarity::Dishonesty => match severity {
                    Severity::Minor => stats.minor += count,
                    Severity::General => stats.general += count,
                    Severity::Serious => stats.serious += count,
                },
            }
            if polarity == Polarity::Dishonesty && status == RecordStatus::Rectifying {
                stats.rectifying += count;
            }
        }
        Ok(answer)
    }
}
