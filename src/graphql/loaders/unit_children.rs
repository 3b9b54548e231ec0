//! `Unit.children`: the direct children of many units in one statement.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::unit;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppError;

pub struct UnitChildren {
    db: DatabaseConnection,
}

impl UnitChildren {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self { db: db.clone() }
    }
}

impl Loader<i32> for UnitChildren {
    type Value = Vec<unit::Model>;
    type Error = AppError;

    async fn load(&self, parents: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        let rows = unit::Entity::find()
            .filter(unit::Column::ParentId.is_in(parents.iter().copied()))
            .order_by_asc(unit::Column::Id)
            .all(&self.db)
            .await?;
        let mut children: HashMap<i32, Vec<unit::Model>> = parents.iter().map(|p| (*p, Vec::new())).collect();
        for row in rows {
            if let Some(parent) = row.parent_id {
                children.entry(parent).or_default().push(row);
            }
        }
        Ok(children)
    }
}
