//! `Unit.officials.totalCount`: officials per unit, among those the viewer may see, in one statement.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::official;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::{
    auth::{policy, Viewer},
    error::AppError,
};

pub struct OfficialCounts {
    db: DatabaseConnection,
    viewer: Viewer,
}

impl OfficialCounts {
    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self {
            db: db.clone(),
            viewer: viewer.clone(),
        }
    }
}

impl Loader<i32> for OfficialCounts {
    type Value = u64;
    type Error = AppError;

    async fn load(&self, units: &[i32]) -> Result<HashMap<i32, u64>, Self::Error> {
        let visible = policy::officials_visible_to(&self.viewer)?;
        let counts: Vec<(i32, i64)> = official::Entity::find()
            .select_only()
            .column(official::Column::UnitId)
            .column_as(official::Column::Id.count(), "count")
            .filter(official::Column::UnitId.is_in(units.iter().copied()))
            .filter(visible)
            .group_by(official::Column::UnitId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut answer: HashMap<i32, u64> = units.iter().map(|u| (*u, 0)).collect();
        answer.extend(
            counts
                .into_iter()
                .map(|(unit, count)| (unit, count.max(0) as u64)),
        );
        Ok(answer)
    }
}
