//! `Official.trainingHours(year)`: minutes of integrity training per official in a year, for
//! many officials in one grouped statement.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use chrono::NaiveDate;
use entity::training_record::{self, Column};
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::error::AppError;

/// An official and a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfficialYear {
    pub official: i32,
    pub year: i32,
}

pub struct TrainingMinutes {
    db: DatabaseConnection,
}

impl TrainingMinutes {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self { db: db.clone() }
    }
}

impl Loader<OfficialYear> for TrainingMinutes {
    type Value = i64;
    type Error = AppError;

    async fn load(&self, keys: &[OfficialYear]) -> Result<HashMap<OfficialYear, i64>, Self::Error> {
        let mut by_year: HashMap<i32, Vec<i32>> = HashMap::new();
        for key in keys {
            by_year.entry(key.year).or_default().push(key.official);
        }
        let mut answer: HashMap<OfficialYear, i64> = keys.iter().map(|k| (*k, 0)).collect();
        for (year, officials) in by_year {
            let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31))
            else {
                continue;
            };
            let sums: Vec<(i32, i64)> = training_record::Entity::find()
                .select_only()
                .column(Column::OfficialId)
                .column_as(Expr::cust("SUM(minutes)"), "minutes")
                .filter(Column::OfficialId.is_in(officials))
                .filter(Column::CompletedOn.between(from, to))
                .group_by(Column::OfficialId)
                .into_tuple()
                .all(&self.db)
                .await?;
            for (official, minutes) in sums {
                answer.insert(OfficialYear { official, year }, minutes);
            }
        }
        Ok(answer)
    }
}
